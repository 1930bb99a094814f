/*
** test_lua_store.c — lua_store.c (core.store) from Lua, on in-memory databases in a fresh
** sandbox: rows and parameters as the stdlib uses them, statements that outlive their
** database, errors of SQL functions written in Lua raised as they were (through every way
** of running SQL), and SQL errors that do not carry their statement to the user.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"
#include "sandbox_fixture.h"

/* Runs code and asserts it ran through; the message otherwise. */
static void assert_runs(sandbox *sb, const char *code) {
  kh_error err;
  int rc = kh_lua(sb, code, &err);
  if (rc != KH_OK) fail_msg("exit %d: %s\n-- in:\n%s", rc, err.msg, code);
}

#define OPEN                                                                                  \
  "local db = core.store.open(':memory:', 'create')\n"                                        \
  "db:exec('CREATE TABLE t(k TEXT PRIMARY KEY, n INTEGER, x REAL)')\n"

static void rows_and_parameters(void **state) {
  assert_runs(*state, OPEN
              "assert(db:run('INSERT INTO t VALUES (?, ?, ?)', 'a', 1, 0.5) == 1)\n"
              "assert(db:run('INSERT INTO t VALUES (:k, :n, :x)', { k = 'b', n = 2, x = nil }) == 1)\n"
              "local st = db:prepare('INSERT INTO t(k, n) VALUES (?, ?)')\n"
              "for i = 3, 5 do assert(st:run('k' .. i, i) == 1) end\n"
              "st:close(); st:close()\n"
              "assert(db:value('SELECT count(*) FROM t') == 5)\n"
              "local r = db:first('SELECT * FROM t WHERE k = ?', 'a')\n"
              "assert(r.k == 'a' and r.n == 1 and r.x == 0.5 and math.type(r.n) == 'integer')\n"
              "assert(db:first('SELECT * FROM t WHERE k = ?', 'none') == nil)\n"
              "local seen = {}\n"
              "for row in db:rows('SELECT k FROM t ORDER BY n') do seen[#seen + 1] = row.k end\n"
              "assert(table.concat(seen, ',') == 'a,b,k3,k4,k5')\n"
              "for row in db:rows('SELECT k FROM t') do break end -- left early: closed\n"
              "assert(db:run('UPDATE t SET n = n + 1 WHERE n > 2') == 3)\n"
              "db:close(); db:close()\n");
}

/* A statement keeps its connection alive after db:close(): running it counts the rows it
** changed on that connection (it read the count from the closed handle, NULL). */
static void a_statement_outlives_its_closed_database(void **state) {
  assert_runs(*state, OPEN
              "local st = db:prepare('INSERT INTO t(k, n) VALUES (?, ?)')\n"
              "db:close()\n"
              "assert(st:run('a', 1) == 1)\n"
              "assert(st:run('b', 2) == 1)\n"
              "assert(not pcall(st.run, st, 'a', 3), 'a key taken is still an error')\n"
              "st:close()\n");
}

/* db:csv writes rows as csv.encode writes a record: NULL empty, numbers as Lua writes them,
** quotes only where a value needs them; many rows to a string, every row whole, counted. */
static void rows_as_csv_text(void **state) {
  assert_runs(*state, OPEN
              "db:run('INSERT INTO t VALUES (?, ?, ?)', 'a,b', 1, 0.5)\n"
              "db:run('INSERT INTO t VALUES (?, ?, ?)', ' lead', nil, 2.0)\n"
              "db:run('INSERT INTO t VALUES (?, ?, ?)', 'say \"hi\"\\nnow', -7, nil)\n"
              "db:run('INSERT INTO t VALUES (?, ?, ?)', 'plain', 3, 1e300)\n"
              "local text, n = {}, 0\n"
              "for chunk, rows in db:csv('SELECT k, n, x FROM t ORDER BY k') do\n"
              "  text[#text + 1] = chunk; n = n + rows\n"
              "end\n"
              "local want = {}\n"
              "for row in db:rows('SELECT k, n, x FROM t ORDER BY k') do\n"
              "  local f = { row.k, row.n or '', row.x or '' } -- as export.lua hands csv.encode a NULL\n"
              "  want[#want + 1] = core.csv.encode(f) .. '\\n'\n"
              "end\n"
              "assert(table.concat(text) == table.concat(want), table.concat(text))\n"
              "assert(n == 4)\n"
              "assert(table.concat(text):find('\"a,b\",1,0.5\\n', 1, true))\n"
              "db:exec('WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 30000) '\n"
              "  .. 'INSERT INTO t SELECT printf(\\'k%05d\\', i), i, NULL FROM c')\n"
              "local chunks, rows, ends = 0, 0, true\n"
              "for chunk, r in db:csv('SELECT k, n FROM t') do\n"
              "  chunks, rows = chunks + 1, rows + r\n"
              "  ends = ends and chunk:sub(-1) == '\\n'\n"
              "end\n"
              "assert(chunks > 1 and rows == 30004 and ends, chunks .. ' ' .. rows)\n"
              "for _ in db:csv('SELECT k FROM t') do break end -- left early: closed\n"
              "db:close()\n");
}

/* An SQL function may close the database it runs in: db:run still counts the rows. */
static void an_sql_function_that_closes_its_database(void **state) {
  assert_runs(*state, OPEN
              "db:func('shut', 0, function() db:close() return 1 end)\n"
              "assert(db:run('INSERT INTO t(k, n) VALUES (\\'a\\', shut())') == 1)\n");
}

/* The error a Lua SQL function raised is the one the stdlib sees, through exec as through
** a prepared statement: its kind (exit code) and message, not "error in a Lua function". */
static void an_sql_functions_error_is_raised_as_it_was(void **state) {
  sandbox *sb = *state;
  const char *ways[] = {"db:exec('SELECT boom()')", "db:run('SELECT boom()')", "db:value('SELECT boom()')",
                        "for _ in db:rows('SELECT boom()') do end", "db:prepare('SELECT boom()'):run()",
                        "for _ in db:csv('SELECT boom()') do end"};
  for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
    char code[1024];
    snprintf(code, sizeof code, OPEN "db:func('boom', 0, function() core.host.fail('data', 'reg.db: row 7 is wrong') end)\n"
             "%s\n", ways[i]);
    kh_error err;
    int rc = kh_lua(sb, code, &err);
    if (rc != KH_EDATA || strcmp(err.msg, "reg.db: row 7 is wrong") != 0)
      fail_msg("%s: exit %d: %s", ways[i], rc, err.msg);
  }
  /* the error does not stay behind for the next statement that fails */
  kh_error err;
  assert_int_equal(kh_lua(sb, OPEN "db:func('boom', 0, function() core.host.fail('data', 'first') end)\n"
                              "pcall(db.exec, db, 'SELECT boom()')\n"
                              "db:exec('INSERT INTO t(k) VALUES (1); INSERT INTO t(k) VALUES (1)')\n", &err),
                   KH_EDATA);
  assert_null(strstr(err.msg, "first"));
  assert_non_null(strstr(err.msg, "UNIQUE"));
}

/* SQL that cannot be prepared says why, without the statement (kilobytes, for a selector)
** unless KEHOACH_TRACE asks for it. */
static void an_sql_error_does_not_carry_its_statement(void **state) {
  sandbox *sb = *state;
  kh_error err;
  unsetenv("KEHOACH_TRACE");
  assert_int_equal(kh_lua(sb, OPEN "db:run('SELEC nothing FROM t')", &err), KH_EINTERNAL);
  assert_non_null(strstr(err.msg, "SQL error: near \"SELEC\": syntax error"));
  assert_null(strstr(err.msg, "nothing FROM"));
  setenv("KEHOACH_TRACE", "1", 1);
  assert_int_equal(kh_lua(sb, OPEN "db:run('SELEC nothing FROM t')", &err), KH_EINTERNAL);
  assert_non_null(strstr(err.msg, "SELEC nothing FROM t"));
  unsetenv("KEHOACH_TRACE");
}

/* Using a closed database is a bug of the stdlib's, said so. */
static void a_closed_database_is_said_so(void **state) {
  kh_error err;
  assert_int_equal(kh_lua_named(*state, OPEN "db:close()\ndb:exec('SELECT 1')", "@stdlib/kehoach/x.lua", NULL, &err),
                   KH_EINTERNAL);
  assert_non_null(strstr(err.msg, "the database is closed"));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(rows_and_parameters, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(rows_as_csv_text, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(a_statement_outlives_its_closed_database, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(an_sql_function_that_closes_its_database, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(an_sql_functions_error_is_raised_as_it_was, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(an_sql_error_does_not_carry_its_statement, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(a_closed_database_is_said_so, kh_sandbox_setup, kh_sandbox_teardown),
  };
  return cmocka_run_group_tests_name("core.store (lua_store.c)", tests, NULL, NULL);
}
