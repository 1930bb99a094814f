/*
** test_registry_cli.c — the household registry as an officer meets it through `kehoach db`:
** the default registry (KEHOACH_REGISTRY, made by `make`) holds what the 2021 plan needs;
** generate is deterministic and never leaves a half-made file.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "harness.h"

/* The first column of the first row of sql on the registry at path, as an integer. */
static long long query_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) fail_msg("%s\n%s", sqlite3_errmsg(db), sql);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  long long v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* ---- the default registry ------------------------------------------------------------ */

static void default_registry_has_57_households_unable_to_escape_with_105_persons(void **state) {
  const char *reg = kh_registry();
  assert_int_equal(query_int(reg, "SELECT count(*) FROM surveys WHERE year = 2020 AND "
                                  "unable_to_escape = 1 AND status = 'poor'"), 57);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM persons WHERE household IN (SELECT household "
                                  "FROM surveys WHERE year = 2020 AND unable_to_escape = 1)"), 105);
}

static void ninety_households_are_0_24_percent_of_the_city(void **state) {
  long long n = query_int(kh_registry(), "SELECT count(*) FROM households");
  long long hundredths = (9000 * 100 + n / 2) / n; /* 90 / n in hundredths of a percent */
  assert_int_equal(hundredths, 24);
  long long poor = query_int(kh_registry(), "SELECT count(*) FROM surveys WHERE year = 2020 AND status = 'poor'");
  assert_in_range(poor * 1000 / n, 5, 7); /* a rate near 0.6% */
}

/* Every quota of the 2021 plan has more recognised-poor candidates with the need than places. */
static void plan_quotas_have_more_candidates_than_places(void **state) {
  static const struct {
    const char *kind, *commune;
    int quota;
  } quotas[] = {
      {"credit", "Thống Nhất", 39}, {"credit", "Tả Phời", 9},      {"housing", "Tả Phời", 7},
      {"housing", "Cốc San", 4},    {"housing", "Thống Nhất", 14}, {"housing", "Hợp Thành", 7},
      {"livestock", "Hợp Thành", 6}, {"livestock", "Cốc San", 2},  {"livestock", "Tả Phời", 1},
      {"livestock", "Vạn Hòa", 1},  {"training", "Tả Phời", 14},   {"training", "Thống Nhất", 1},
      {"training", "Nam Cường", 1},
  };
  for (size_t i = 0; i < sizeof quotas / sizeof quotas[0]; i++) {
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM needs n JOIN surveys s ON s.household = n.household AND "
             "s.year = n.year JOIN households h ON h.id = n.household JOIN units u ON u.code = h.unit "
             "WHERE n.year = 2020 AND n.kind = '%s' AND u.name = '%s' AND s.status = 'poor' AND "
             "s.unable_to_escape = 0", quotas[i].kind, quotas[i].commune);
    long long n = query_int(kh_registry(), sql);
    if (n <= quotas[i].quota)
      fail_msg("%s in %s: %lld candidates for %d places", quotas[i].kind, quotas[i].commune, n,
               quotas[i].quota);
  }
}

/* ---- db generate ------------------------------------------------------------------------ */

static void generate_with_one_seed_gives_the_same_file(void **state) {
  char *dir = kh_tmpdir();
  char *a = kh_path(dir, "a.db"), *b = kh_path(dir, "b.db"), *c = kh_path(dir, "c.db");
  const char *args_a[] = {"db", "generate", a, "--households", "5000", "--seed", "5", NULL};
  const char *args_b[] = {"db", "generate", b, "--households", "5000", "--seed", "5", NULL};
  const char *args_c[] = {"db", "generate", c, "--households", "5000", "--seed", "6", NULL};
  const char *const *runs[] = {args_a, args_b, args_c};
  for (int i = 0; i < 3; i++) {
    kh_result r = kh_run(runs[i]);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.err, "5.000 households"));
    kh_result_free(&r);
  }
  char *ha = kh_sha256(a), *hb = kh_sha256(b), *hc = kh_sha256(c);
  assert_string_equal(ha, hb);
  assert_string_not_equal(ha, hc);
  free(ha), free(hb), free(hc), free(a), free(b), free(c), free(dir);
}

static void generate_refuses_to_overwrite_without_force(void **state) {
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "r.db");
  kh_write_file(path, "mine");
  const char *args[] = {"db", "generate", path, "--households", "3000", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "add --force"));
  char *text = kh_read_file(path);
  assert_string_equal(text, "mine");
  free(text);
  kh_result_free(&r);
  free(path), free(dir);
}

static void generate_too_small_leaves_no_file(void **state) {
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "r.db");
  const char *args[] = {"db", "generate", path, "--households", "500", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "too few for the profile"));
  assert_non_null(strstr(r.err, "Thống Nhất"));
  assert_false(kh_exists(path));
  char *tmp = kh_path(dir, "r.db.tmp-generate");
  assert_false(kh_exists(tmp));
  kh_result_free(&r);
  free(tmp), free(path), free(dir);
}

static void generate_reports_a_bad_profile_by_field(void **state) {
  char *dir = kh_tmpdir();
  char *profile = kh_path(dir, "p.lua"), *path = kh_path(dir, "r.db");
  kh_write_file(profile, "return { name = 'X', households = 'many' }\n");
  const char *args[] = {"db", "generate", path, "--profile", profile, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "p.lua: households: expected a whole number"));
  assert_false(kh_exists(path));
  kh_result_free(&r);
  free(profile), free(path), free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(default_registry_has_57_households_unable_to_escape_with_105_persons),
      cmocka_unit_test(ninety_households_are_0_24_percent_of_the_city),
      cmocka_unit_test(plan_quotas_have_more_candidates_than_places),
      cmocka_unit_test(generate_with_one_seed_gives_the_same_file),
      cmocka_unit_test(generate_refuses_to_overwrite_without_force),
      cmocka_unit_test(generate_too_small_leaves_no_file),
      cmocka_unit_test(generate_reports_a_bad_profile_by_field),
  };
  return cmocka_run_group_tests_name("registry command line", tests, NULL, NULL);
}
