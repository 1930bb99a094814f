/*
** json.h — reading the JSON kehoach wrote or printed, in the cmocka test programs, through
** SQLite's JSON functions (json_extract, json_each, json_valid): a query over the text
** bound to ?1, its first column taken. Include after cmocka.h.
*/
#ifndef KEHOACH_TEST_JSON_H
#define KEHOACH_TEST_JSON_H

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

/* Runs sql on an in-memory database with ?1 bound to json (text) and returns its first
** column's first row as text, malloc'ed (the caller frees it); NULL when the query gives no
** row or NULL. A query SQLite cannot prepare fails the test. */
static inline char *kh_json_text(const char *json, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char *v = NULL;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg("bad query: %s: %s", sql, sqlite3_errmsg(db));
  sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
    v = strdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* The same as an integer; -1 when the query gives no row or NULL. */
static inline long long kh_json_figure(const char *json, const char *sql) {
  char *text = kh_json_text(json, sql);
  long long v = text ? atoll(text) : -1;
  free(text);
  return v;
}

/* Whether text is one JSON object and nothing else (white space around it aside). */
static inline int kh_json_object(const char *text) {
  return text[strspn(text, " \t\r\n")] == '{' &&
         kh_json_figure(text, "SELECT json_valid(?1) AND json_type(?1) = 'object'") == 1;
}

#endif
