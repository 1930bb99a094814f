/*
** test_lua_csv.c — lua_csv.c (core.csv) from Lua, on files in a scratch folder and a fresh
** sandbox: records as a spreadsheet numbers them, quoting read and written back, malformed
** quotes and values too long named by file, row and column, and every allocation of a read
** failing in turn: each ends as a memory error of the file's row or completes, never
** anything else (libcsv's callbacks raise nothing across csv_parse).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"
#include "sandbox_fixture.h"

/* Reads the file given as `...` whole: the rows as "a|b|c" lines, and their count. */
#define READ_ALL                                                                              \
  "local path = ...\n"                                                                        \
  "local r <close> = core.csv.open(path)\n"                                                   \
  "local lines, last = {}, 0\n"                                                               \
  "for fields, row in r:rows() do lines[#lines + 1] = table.concat(fields, '|') last = row end\n"

/* Writes text to a new file in a scratch folder; returns its path (malloc'ed). */
static char *csv_file(const char *text) {
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "rows.csv");
  kh_write_file(path, text);
  free(dir);
  return path;
}

static int read_file(sandbox *sb, const char *code, const char *path, kh_error *err) {
  return kh_lua_named(sb, code, "=test", path, err);
}

static void records_are_read_as_a_spreadsheet_reads_them(void **state) {
  char *path = csv_file("\xEF\xBB\xBFk,name,note\n1,\"Lò Thị \"\"Mai\"\"\",\"a, b\"\n2,Vàng A Pao,\"two\nlines\"\n\n");
  kh_error err;
  int rc = read_file(*state, READ_ALL
                     "assert(last == 3, last)\n"
                     "assert(lines[1] == 'k|name|note', lines[1])\n"
                     "assert(lines[2] == '1|Lò Thị \"Mai\"|a, b', lines[2])\n"
                     "assert(lines[3] == '2|Vàng A Pao|two\\nlines', lines[3])\n"
                     "assert(core.csv.encode({ 'a', 'b, c', ' d', 'e\"f' }) == 'a,\"b, c\",\" d\",\"e\"\"f\"')\n",
                     path, &err);
  if (rc != KH_OK) fail_msg("exit %d: %s", rc, err.msg);
  free(path);
}

static void malformed_quotes_are_named_by_row(void **state) {
  kh_error err;
  char *open_quote = csv_file("k,name\n1,ok\n2,\"not closed\n3,x\n");
  assert_int_equal(read_file(*state, READ_ALL, open_quote, &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "rows.csv: row 3: a quoted value is not closed"));
  char *stray = csv_file("k,name\n1,a\"b\n");
  assert_int_equal(read_file(*state, READ_ALL, stray, &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "rows.csv: row 2: a \" stands inside a value"));
  free(open_quote);
  free(stray);
}

/* A value past what a cell holds is refused by file, row and the column's name, as soon as
** libcsv's buffer passes it: a megabyte left in one quoted value is never read whole. */
static void a_value_too_long_is_named_by_row_and_column(void **state) {
  sandbox *sb = *state;
  size_t n = 1u << 20;
  char *text = malloc(n + 64);
  strcpy(text, "k,head\n1,ok\n2,\"");
  size_t at = strlen(text);
  memset(text + at, 'x', n);
  strcpy(text + at + n, "\n");
  char *path = csv_file(text);
  kh_error err;
  assert_int_equal(read_file(sb, READ_ALL, path, &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "rows.csv: row 3, column head: a value longer than 32.767 characters"));
  assert_true(sandbox_memory_used(sb) < (8u << 20));
  free(path);
  /* exactly as long as a cell holds: read (in characters: "ồ" is three bytes) */
  strcpy(text, "k,head\n1,");
  at = strlen(text);
  for (int i = 0; i < 32767; i++, at += 3) memcpy(text + at, "ồ", 3);
  strcpy(text + at, "\n");
  path = csv_file(text);
  assert_int_equal(read_file(sb, READ_ALL "assert(utf8.len(lines[2]) == 2 + 32767)\n", path, &err), KH_OK);
  free(path);
  free(text);
}

/* The n-th allocation of a read fails, for n = 1, 2, ... until reads complete: each
** fails as a memory error (a row of the file named once the parse is under way) and
** leaves the sandbox usable; under ASan, nothing leaks or is used after it was freed.
** Lua lets some failures pass (its string table not grown), so a read that completes
** with one refused ends the walk only once 20 reads in a row have completed. */
static void every_failed_allocation_while_reading_ends_cleanly(void **state) {
  char text[8192] = "k,name,note\n";
  for (int i = 1; i <= 200; i++) {
    char row[64];
    snprintf(row, sizeof row, "%d,Hộ số %d,\"ghi chú, %d\"\n", i, i, i);
    strcat(text, row);
  }
  char *path = csv_file(text);
  int completed = 0, named = 0;
  for (long n = 1; n < 100000 && completed < 20; n++) {
    sandbox *sb = kh_sandbox(0, 0);
    kh_error err;
    sandbox_fail_allocation(sb, n);
    int rc = read_file(sb, READ_ALL "assert(last == 201)\n", path, &err);
    if (rc == KH_OK) {
      completed++;
    } else {
      completed = 0;
      if (rc != KH_ELIMIT) fail_msg("failing allocation %ld: exit %d: %s", n, rc, err.msg);
      named += strstr(err.msg, "rows.csv: row ") != NULL && strstr(err.msg, "memory") != NULL;
      sandbox_fail_allocation(sb, 0);
      assert_int_equal(kh_lua(sb, "local t = {} for i = 1, 100 do t[i] = tostring(i) end", &err), KH_OK);
    }
    sandbox_free(sb);
  }
  assert_int_equal(completed, 20);
  assert_true(named > 0); /* failures inside libcsv's callbacks were among them */
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(records_are_read_as_a_spreadsheet_reads_them, kh_sandbox_setup,
                                      kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(malformed_quotes_are_named_by_row, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(a_value_too_long_is_named_by_row_and_column, kh_sandbox_setup,
                                      kh_sandbox_teardown),
      cmocka_unit_test(every_failed_allocation_while_reading_ends_cleanly),
  };
  return kh_finish(cmocka_run_group_tests_name("core.csv (lua_csv.c)", tests, NULL, NULL));
}
