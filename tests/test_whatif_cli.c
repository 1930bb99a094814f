/*
** test_whatif_cli.c — what-if questions on the command line, against the default
** registry: --set and --scenario on run and check (what lands in summary.json, the runs
** row and out/<plan-id>/<scenario>/), the projection of effects against the targets, the
** budget strategies, compare and sweep. Figures are read from the JSON the engine wrote,
** through SQLite's JSON functions, never typed from a report.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "harness.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"

#define NEED_REGISTRY()                                                                        \
  do {                                                                                         \
    if (!kh_exists(kh_registry())) {                                                           \
      fprintf(stderr, "NOTICE: %s does not exist (make data/registry.db): skipped\n",         \
              kh_registry());                                                                  \
      skip();                                                                                  \
    }                                                                                          \
  } while (0)

/* A query's first column as an integer, with ?1 bound to json (text); -1 when NULL. */
static long long json_figure(const char *json, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg("bad query: %s: %s", sql, sqlite3_errmsg(db));
  sqlite3_bind_text(st, 1, json, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* The same against a database file. */
static long long db_figure(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg("bad query on %s: %s: %s", path, sql, sqlite3_errmsg(db));
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* A funding source's field in a summary. */
static long long source_field(const char *summary, const char *id, const char *field) {
  char sql[512];
  snprintf(sql, sizeof sql, "SELECT json_extract(value, '$.%s') FROM json_each(?1, '$.budget.sources') "
           "WHERE json_extract(value, '$.id') = '%s'", field, id);
  return json_figure(summary, sql);
}

/* Runs the 2021 plan into a new folder with extra arguments (NULL-terminated, at most 16);
** returns the folder (malloc'ed) and fills *r. */
static char *run_2021(kh_result *r, const char *const extra[]) {
  char *dir = kh_tmpdir();
  char *results = kh_path(dir, "results.db");
  const char *args[32] = {"run", PLAN_2021, "--db", kh_registry(), "--out", dir, "--results", results};
  int n = 8;
  for (int i = 0; extra && extra[i] && n < 31; i++) args[n++] = extra[i];
  args[n] = NULL;
  *r = kh_run(args);
  free(results);
  return dir;
}

static char *read_in(const char *dir, const char *name) {
  char *path = kh_path(dir, name);
  char *text = kh_read_file(path);
  if (text == NULL) fail_msg("%s was not written", path);
  free(path);
  return text;
}

/* ---- --set and --scenario ---------------------------------------------------------------- */

static void set_raises_the_allowance_and_opens_the_city_gap(void **state) {
  NEED_REGISTRY();
  kh_result r;
  const char *extra[] = {"--set", "tro_cap.amount=300000", NULL};
  char *dir = run_2021(&r, extra);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  assert_non_null(strstr(r.err, "--set tro_cap.amount = 300000 (was 250000)"));
  char *s = read_in(dir, "lao-cai-city-2021/set/summary.json");
  assert_int_equal(source_field(s, "ngan_sach_thanh_pho", "computed"), 378000000);
  assert_int_equal(source_field(s, "ngan_sach_thanh_pho", "declared"), 315000000);
  assert_int_equal(json_figure(s, "SELECT json_extract(?1, '$.parameters.set[0].value')"), 300000);
  /* the plan as written was not touched: no summary at out/<plan-id>/ itself */
  char *base = kh_path(dir, "lao-cai-city-2021/summary.json");
  assert_false(kh_exists(base));
  char *results = kh_path(dir, "results.db");
  assert_int_equal(db_figure(results, "SELECT json_extract(parameters, '$.set[0].value') FROM runs"), 300000);
  free(results);
  free(base);
  free(s);
  free(dir);
  kh_result_free(&r);
}

static void a_wrong_set_is_a_usage_error_naming_the_paths(void **state) {
  const char *args[] = {"check", PLAN_2021, "--set", "tro_cap.amout=300000", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--set tro_cap.amout=300000: unknown parameter 'tro_cap.amout' (did you "
                                "mean 'tro_cap.amount'?); the paths of tro_cap are: tro_cap.amount"));
  kh_result_free(&r);
  const char *kind[] = {"check", PLAN_2021, "--set", "vay_von.quota.Thống Nhất=nhiều", NULL};
  r = kh_run(kind);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "'nhiều' is not a whole number, 0 or more"));
  kh_result_free(&r);
}

static void a_scenario_of_the_plan_runs_into_its_own_folder_and_run_row(void **state) {
  NEED_REGISTRY();
  kh_result r;
  const char *extra[] = {"--scenario", "tang_tro_cap", NULL};
  char *dir = run_2021(&r, extra);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  char *s = read_in(dir, "lao-cai-city-2021/tang_tro_cap/summary.json");
  assert_int_equal(source_field(s, "ngan_sach_thanh_pho", "computed"), 378000000);
  char *results = kh_path(dir, "results.db");
  assert_int_equal(db_figure(results, "SELECT count(*) FROM runs WHERE scenario = 'tang_tro_cap'"), 1);
  free(results);
  free(s);
  free(dir);
  kh_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(set_raises_the_allowance_and_opens_the_city_gap),
      cmocka_unit_test(a_wrong_set_is_a_usage_error_naming_the_paths),
      cmocka_unit_test(a_scenario_of_the_plan_runs_into_its_own_folder_and_run_row),
  };
  return cmocka_run_group_tests_name("what-if on the command line", tests, NULL, NULL);
}
