/*
** test_progress_cli.c — `kehoach progress` on the registries the generator makes: the
** default one (the whole of 2021) and one cut by `db generate --events-until`. The
** figures it prints are checked against the registry itself, counted here in SQL.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "harness.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"

/* The first column of the first row of sql on the registry at path, as an integer. */
static long long count(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  long long n = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  else
    fail_msg("%s: %s", sql, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

/* Escapes in the city's communes from 1 January 2021 up to date. */
static long long escapes(const char *registry, const char *date) {
  char sql[512];
  snprintf(sql, sizeof sql,
           "SELECT count(*) FROM events e JOIN households h ON h.id = e.household "
           "JOIN units u ON u.code = h.unit JOIN units d ON d.code = u.parent "
           "WHERE e.kind = 'escaped' AND e.date BETWEEN '2021-01-01' AND '%s' "
           "AND d.name = 'Thành phố Lào Cai'", date);
  return count(registry, sql);
}

static void progress_on_the_default_registry_counts_its_events(void **state) {
  char *dir = kh_tmpdir();
  const char *args[] = {"progress", PLAN_2021, "--as-of", "2021-06-30", "--db", kh_registry(),
                        "--out", dir, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  long long n = escapes(kh_registry(), "2021-06-30");
  assert_true(n > 0);
  char want[256];
  snprintf(want, sizeof want, "Đến ngày 30/6/2021 có %lld hộ thoát nghèo, đạt ", n);
  if (strstr(r.out, want) == NULL) fail_msg("expected \"%s\" in:\n%s", want, r.out);
  assert_non_null(strstr(r.out, "Chỉ tiêu đến hết quý II là 13 hộ"));
  assert_non_null(strstr(r.out, "Báo cáo tiếp theo: Báo cáo năm, hạn gửi trước ngày 05/12/2021 (còn 158 ngày)"));
  char *path = kh_path(dir, "lao-cai-city-2021/progress.md");
  char *md = kh_read_file(path);
  assert_non_null(md);
  assert_non_null(strstr(md, "## 1. Kết quả giảm hộ nghèo so với chỉ tiêu"));
  assert_non_null(strstr(md, "## 2. Hộ nghèo mới, tái nghèo và hộ nghèo hiện nay"));
  assert_non_null(strstr(md, "| Hỗ trợ hộ nghèo vay vốn tín dụng "));
  assert_non_null(strstr(md, "đã hết thời gian thực hiện"));
  assert_null(strstr(md, "Sổ hộ ghi sự kiện đến ngày")); /* the registry has the whole year */
  free(md);
  free(path);
  free(dir);
  kh_result_free(&r);
}

static void a_registry_cut_short_says_so_and_counts_what_it_has(void **state) {
  char *dir = kh_tmpdir();
  char *reg = kh_path(dir, "registry-2021-03-31.db");
  const char *gen[] = {"db", "generate", reg, "--events-until", "2021-03-31", NULL};
  kh_result g = kh_run(gen);
  assert_int_equal(g.code, 0);
  kh_result_free(&g);
  const char *args[] = {"progress", PLAN_2021, "--as-of", "2021-06-30", "--db", reg, "--out", dir, "--json", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  /* escapes up to the cut: those of quarter I, the same as in the whole year's registry */
  long long n = escapes(reg, "2021-06-30");
  assert_int_equal(n, escapes(kh_registry(), "2021-03-31"));
  char want[64];
  snprintf(want, sizeof want, "\"done\": %lld", n);
  if (strstr(r.out, want) == NULL) fail_msg("expected %s in:\n%s", want, r.out);
  assert_non_null(strstr(r.out, "\"events_until\": \"2021-03-31\""));
  char *path = kh_path(dir, "lao-cai-city-2021/progress.md");
  char *md = kh_read_file(path);
  assert_non_null(md);
  assert_non_null(strstr(md, "*Sổ hộ ghi sự kiện đến ngày 31/3/2021: những gì xảy ra sau ngày đó chưa có"));
  free(md);
  free(path);
  free(reg);
  free(dir);
  kh_result_free(&r);
}

static void the_date_is_required_and_checked(void **state) {
  const char *none[] = {"progress", PLAN_2021, NULL};
  kh_result r = kh_run(none);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--as-of DATE is required"));
  kh_result_free(&r);
  const char *bad[] = {"progress", PLAN_2021, "--as-of", "30/06/2021", NULL};
  r = kh_run(bad);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--as-of"));
  kh_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(progress_on_the_default_registry_counts_its_events),
      cmocka_unit_test(a_registry_cut_short_says_so_and_counts_what_it_has),
      cmocka_unit_test(the_date_is_required_and_checked),
  };
  return kh_finish(cmocka_run_group_tests_name("kehoach progress", tests, NULL, NULL));
}
