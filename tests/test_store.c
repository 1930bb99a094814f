/*
** test_store.c — store.c: registry schema v1 as the contract says, refusals of files that
** are not registries, the read-only attachment, the results database.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"
#include "store.h"

static int fresh_registry(void **state) {
  sqlite3 *db = NULL;
  kh_error err;
  if (store_open(":memory:", STORE_CREATE, &db, &err) != KH_OK) return -1;
  if (store_registry_init(db, "memory", &err) != KH_OK) return -1;
  *state = db;
  return 0;
}

static int close_db(void **state) {
  sqlite3_close_v2(*state);
  return 0;
}

static int exec(sqlite3 *db, const char *sql) { return sqlite3_exec(db, sql, NULL, NULL, NULL); }

static int int_of(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  int v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return v;
}

static void init_creates_schema_v1(void **state) {
  sqlite3 *db = *state;
  kh_error err;
  assert_int_equal(int_of(db, "PRAGMA user_version"), 1);
  assert_int_equal(store_registry_check(db, "main", "memory", &err), KH_OK);
  const char *columns[] = {
      "SELECT code, name, level, kind, parent, urban, difficult FROM units",
      "SELECT id, code, unit, village, head, ethnic_minority FROM households",
      "SELECT id, household, name, sex, birth_year, relation, can_work, disability,"
      " chronic_illness, health_insurance, in_school FROM persons",
      "SELECT household, year, income, d_employment, d_dependants, d_nutrition, d_health_access,"
      " d_health_insurance, d_adult_education, d_child_schooling, d_housing_quality,"
      " d_housing_area, d_water, d_latrine, d_telecom, d_information, status,"
      " unable_to_escape FROM surveys",
      "SELECT household, year, kind FROM needs",
      "SELECT id, household, date, kind, note FROM events",
  };
  for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
    assert_int_equal(exec(db, columns[i]), SQLITE_OK);
}

static void init_refuses_a_used_database(void **state) {
  kh_error err;
  assert_int_equal(store_registry_init(*state, "memory", &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "already holds tables"));
}

static void constraints_hold(void **state) {
  sqlite3 *db = *state;
  assert_int_equal(exec(db, "INSERT INTO units VALUES ('1','P','province','tỉnh',NULL,0,0)"), SQLITE_OK);
  assert_int_not_equal(exec(db, "INSERT INTO units VALUES ('2','X','village','thôn','1',0,0)"), SQLITE_OK);
  assert_int_not_equal(exec(db, "INSERT INTO households(code, unit) VALUES ('H1', 'nowhere')"), SQLITE_OK);
  assert_int_equal(exec(db, "INSERT INTO households(code, unit) VALUES ('H1', '1')"), SQLITE_OK);
  assert_int_not_equal(exec(db, "INSERT INTO households(code, unit) VALUES ('H1', '1')"), SQLITE_OK);
  assert_int_not_equal(exec(db, "INSERT INTO surveys(household, year, income, status)"
                                " VALUES (1, 2020, 100, 'rich')"), SQLITE_OK);
  assert_int_not_equal(exec(db, "INSERT INTO persons(household, sex) VALUES (1, 'X')"), SQLITE_OK);
  assert_int_not_equal(exec(db, "INSERT INTO events(household, date, kind)"
                                " VALUES (1, '05/06/2021', 'escaped')"), SQLITE_OK);
  assert_int_equal(exec(db, "INSERT INTO events(household, date, kind)"
                            " VALUES (1, '2021-06-05', 'escaped')"), SQLITE_OK);
}

static void a_plain_database_is_not_a_registry(void **state) {
  sqlite3 *db = NULL;
  kh_error err;
  assert_int_equal(store_open(":memory:", STORE_CREATE, &db, &err), KH_OK);
  assert_int_equal(exec(db, "CREATE TABLE t(x)"), SQLITE_OK);
  assert_int_equal(store_registry_check(db, "main", "other.db", &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "other.db: not a kehoach household registry"));
  sqlite3_close_v2(db);
}

static void another_version_is_refused(void **state) {
  sqlite3 *db = *state;
  kh_error err;
  assert_int_equal(exec(db, "PRAGMA user_version = 2"), SQLITE_OK);
  assert_int_equal(store_registry_check(db, "main", "new.db", &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "new.db: registry schema version 2"));
}

static void a_missing_file_is_not_created_read_only(void **state) {
  sqlite3 *db = NULL;
  kh_error err;
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "none.db");
  assert_int_equal(store_open(path, STORE_READONLY, &db, &err), KH_EDATA);
  assert_null(db);
  assert_false(kh_exists(path));
  free(path);
  free(dir);
}

static void the_attached_registry_cannot_be_written(void **state) {
  sqlite3 *reg = NULL, *results = NULL;
  kh_error err;
  char *dir = kh_tmpdir();
  char *reg_path = kh_path(dir, "reg.db");
  char *res_path = kh_path(dir, "results.db");
  assert_int_equal(store_open(reg_path, STORE_CREATE, &reg, &err), KH_OK);
  assert_int_equal(store_registry_init(reg, reg_path, &err), KH_OK);
  sqlite3_close_v2(reg);
  char *before = kh_sha256(reg_path);
  assert_int_equal(store_open(res_path, STORE_CREATE, &results, &err), KH_OK);
  assert_int_equal(store_results_init(results, res_path, &err), KH_OK);
  assert_int_equal(store_attach_registry(results, reg_path, "reg", &err), KH_OK);
  int rc = exec(results, "INSERT INTO reg.units VALUES ('1','P','province',NULL,NULL,0,0)");
  assert_int_equal(rc & 0xff, SQLITE_READONLY);
  assert_int_equal(int_of(results, "SELECT count(*) FROM reg.units"), 0);
  sqlite3_close_v2(results);
  char *after = kh_sha256(reg_path);
  assert_string_equal(before, after);
  free(before);
  free(after);
  free(reg_path);
  free(res_path);
  free(dir);
}

static void results_are_not_a_registry_and_back(void **state) {
  sqlite3 *db = NULL;
  kh_error err;
  assert_int_equal(store_open(":memory:", STORE_CREATE, &db, &err), KH_OK);
  assert_int_equal(store_results_init(db, "results.db", &err), KH_OK);
  assert_int_equal(store_results_init(db, "results.db", &err), KH_OK); /* again: checked */
  assert_int_equal(store_registry_check(db, "main", "results.db", &err), KH_EDATA);
  assert_int_equal(store_results_init(*state, "reg.db", &err), KH_EDATA);
  assert_non_null(strstr(err.msg, "reg.db: not a kehoach results database"));
  sqlite3_close_v2(db);
}

static void older_results_are_kept_aside_and_a_new_database_started(void **state) {
  sqlite3 *db = NULL;
  kh_error err;
  char moved[4096];
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "results.db");
  char *aside = kh_path(dir, "results.db.v1");
  assert_int_equal(store_results_open(path, &db, moved, sizeof moved, &err), KH_OK);
  assert_string_equal(moved, "");
  assert_int_equal(exec(db, "PRAGMA user_version = 1"), SQLITE_OK);
  sqlite3_close_v2(db);
  assert_int_equal(store_results_open(path, &db, moved, sizeof moved, &err), KH_OK);
  assert_string_equal(moved, aside);
  assert_true(kh_exists(aside));
  assert_int_equal(int_of(db, "PRAGMA user_version"), STORE_RESULTS_VERSION);
  sqlite3_close_v2(db);
  /* a second old file cannot take the same name: refused, nothing overwritten */
  assert_int_equal(store_open(path, STORE_READWRITE, &db, &err), KH_OK);
  assert_int_equal(exec(db, "PRAGMA user_version = 1"), SQLITE_OK);
  sqlite3_close_v2(db);
  assert_int_equal(store_results_open(path, &db, moved, sizeof moved, &err), KH_EOUTPUT);
  assert_null(db);
  assert_non_null(strstr(err.msg, "cannot be kept aside"));
  free(aside);
  free(path);
  free(dir);
}

static void error_codes_map_to_exit_codes(void **state) {
  assert_int_equal(store_error_code(SQLITE_BUSY), KH_EBUSY);
  assert_int_equal(store_error_code(SQLITE_CORRUPT), KH_EDATA);
  assert_int_equal(store_error_code(SQLITE_NOTADB), KH_EDATA);
  assert_int_equal(store_error_code(SQLITE_FULL), KH_EOUTPUT);
  assert_int_equal(store_error_code(SQLITE_IOERR_WRITE), KH_EOUTPUT);
  assert_int_equal(store_error_code(SQLITE_CONSTRAINT_FOREIGNKEY), KH_EDATA);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(init_creates_schema_v1, fresh_registry, close_db),
      cmocka_unit_test_setup_teardown(init_refuses_a_used_database, fresh_registry, close_db),
      cmocka_unit_test_setup_teardown(constraints_hold, fresh_registry, close_db),
      cmocka_unit_test(a_plain_database_is_not_a_registry),
      cmocka_unit_test_setup_teardown(another_version_is_refused, fresh_registry, close_db),
      cmocka_unit_test(a_missing_file_is_not_created_read_only),
      cmocka_unit_test(the_attached_registry_cannot_be_written),
      cmocka_unit_test_setup_teardown(results_are_not_a_registry_and_back, fresh_registry, close_db),
      cmocka_unit_test(older_results_are_kept_aside_and_a_new_database_started),
      cmocka_unit_test(error_codes_map_to_exit_codes),
  };
  return kh_finish(cmocka_run_group_tests_name("store", tests, NULL, NULL));
}
