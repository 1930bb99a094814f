/*
** test_whatif_cli.c — what-if questions on the command line, against the default
** registry: --set and --scenario on run and check (what lands in summary.json, the runs
** row and out/<plan-id>/<scenario>/, whose page and calendar say what was changed, under
** UIDs of their own), the projection of effects against the targets, the
** budget strategies, compare and sweep (also with --json and --quiet). Figures are read
** from the JSON the engine wrote or printed, through SQLite's JSON functions, never typed
** from a report.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "harness.h"
#include "json.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"

#define NEED_REGISTRY()                                                                        \
  do {                                                                                         \
    if (!kh_exists(kh_registry())) {                                                           \
      fprintf(stderr, "NOTICE: %s does not exist (make data/registry.db): skipped\n",         \
              kh_registry());                                                                  \
      skip();                                                                                  \
    }                                                                                          \
  } while (0)

/* A query's first column as an integer, against a database file; -1 when NULL. */
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
  return kh_json_figure(summary, sql);
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

/* A calendar's text unfolded (RFC 5545 §3.1: a CRLF and a space join two lines), in place. */
static char *unfold(char *ics) {
  char *w = ics;
  for (const char *r = ics; *r;) {
    if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ') r += 3;
    else *w++ = *r++;
  }
  *w = '\0';
  return ics;
}

#define ASSERT_HAS(text, part)                                                  \
  do {                                                                          \
    if (strstr((text), (part)) == NULL) fail_msg("no \"%s\" in what was written", (part)); \
  } while (0)

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
  assert_int_equal(source_field(s, "ngan_sach_thanh_pho", "gap"), 63000000);
  assert_int_equal(source_field(s, "ngan_sach_thanh_pho", "spent"), 378000000);
  assert_int_equal(kh_json_figure(s, "SELECT json_extract(?1, '$.parameters.set[0].value')"), 300000);
  /* the page and the calendar say what was changed: 378 million is not the plan's figure */
  char *html = read_in(dir, "lao-cai-city-2021/set/report.html");
  ASSERT_HAS(html, "<div class=\"variant\" role=\"note\">\n<p><strong>Số liệu tính theo các thay đổi dưới đây, "
                   "không phải theo kế hoạch như đã ban hành.</strong></p>\n<p>Các giá trị đã thay đổi: "
                   "Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).</p>\n</div>");
  char *ics = unfold(read_in(dir, "lao-cai-city-2021/set/calendar.ics"));
  ASSERT_HAS(ics, "\r\nX-WR-CALNAME:Giá trị đã thay đổi: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng) — Kế hoạch ");
  ASSERT_HAS(ics, "\r\nDESCRIPTION:Các giá trị đã thay đổi: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).\\n\\nBáo "
                  "cáo 6 tháng của Kế hoạch");
  /* its own UIDs: imported beside the plan's calendar, it replaces none of its events */
  ASSERT_HAS(ics, "\r\nUID:lao-cai-city-2021/set.report.bao_cao_6_thang@kehoach\r\n");
  ASSERT_HAS(ics, "\r\nUID:lao-cai-city-2021/set.programme.tro_cap@kehoach\r\n");
  assert_null(strstr(ics, "UID:lao-cai-city-2021."));
  free(ics);
  free(html);
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
  if (!kh_exists(kh_registry())) return;
  /* a quota for a commune the registry does not have: the command line is wrong, not the plan */
  const char *extra[] = {"--set", "vay_von.quota.Hợp Thanh=5", NULL};
  char *dir = run_2021(&r, extra);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--set vay_von.quota.Hợp Thanh=5: 'Hợp Thanh' is not a commune of Thành phố Lào "
                                "Cai (did you mean 'Hợp Thành'?)"));
  free(dir);
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
  char *html = read_in(dir, "lao-cai-city-2021/tang_tro_cap/report.html");
  ASSERT_HAS(html, "<p>Kịch bản: Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng.</p>\n"
                   "<p>Các giá trị đã thay đổi: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).</p>");
  char *ics = unfold(read_in(dir, "lao-cai-city-2021/tang_tro_cap/calendar.ics"));
  ASSERT_HAS(ics, "\r\nX-WR-CALNAME:Kịch bản “Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng”: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng) — ");
  ASSERT_HAS(ics, "\r\nUID:lao-cai-city-2021/tang_tro_cap.report.bao_cao_nam@kehoach\r\n");
  assert_null(strstr(ics, "UID:lao-cai-city-2021."));
  free(ics);
  free(html);
  free(results);
  free(s);
  free(dir);
  kh_result_free(&r);
}

/* ---- the projection ------------------------------------------------------------------------ */

/* Year-end escapes by commune in two summaries: how many communes differ, and by how much
** in the commune named. */
static void escapes_differ(const char *a, const char *b, const char *commune, long long *others,
                           long long *there) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  const char *sql =
      "SELECT x.key, y.value - x.value FROM json_each(?1, '$.projection.year_end.escapes') x "
      "JOIN json_each(?2, '$.projection.year_end.escapes') y ON y.key = x.key";
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg("%s", sqlite3_errmsg(db));
  sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
  sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
  *others = 0;
  *there = 0;
  int rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    rows++;
    long long d = sqlite3_column_int64(st, 1);
    if (strcmp((const char *)sqlite3_column_text(st, 0), commune) == 0) *there = d;
    else if (d != 0) (*others)++;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  assert_int_equal(rows, 17); /* every commune of the city */
}

static void the_2021_projection_sets_escapes_against_the_90_target(void **state) {
  NEED_REGISTRY();
  kh_result r;
  char *dir = run_2021(&r, NULL);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  assert_non_null(strstr(r.out, "Dự báo thoát nghèo (Thực hiện giảm hộ nghèo năm 2021): "));
  char *s = read_in(dir, "lao-cai-city-2021/summary.json");
  long long escapes = kh_json_figure(s, "SELECT json_extract(?1, '$.projection.year_end.escapes_total')");
  long long short_by = kh_json_figure(s, "SELECT json_extract(?1, '$.projection.targets[0].short_by')");
  long long poor = kh_json_figure(s, "SELECT json_extract(?1, '$.projection.year_end.poor_total')");
  /* whatever the assumptions give, the figures must agree with one another and the registry */
  assert_true(escapes > 0);
  assert_int_equal(poor, kh_json_figure(s, "SELECT json_extract(?1, '$.registry.poor')") - escapes);
  assert_int_equal(short_by, escapes >= 90 ? 0 : 90 - escapes);
  assert_int_equal(kh_json_figure(s, "SELECT sum(value) FROM json_each(?1, '$.projection.year_end.escapes')"), escapes);
  assert_int_equal(kh_json_figure(s, "SELECT json_extract(?1, '$.projection.by_quarter.Q1.escapes_total') + "
                                  "json_extract(?1, '$.projection.by_quarter.Q2.escapes_total') + "
                                  "json_extract(?1, '$.projection.by_quarter.Q3.escapes_total') + "
                                  "json_extract(?1, '$.projection.by_quarter.Q4.escapes_total')"), escapes);
  char *md = read_in(dir, "lao-cai-city-2021/report.md");
  assert_non_null(strstr(md, "## 7. Dự báo thoát nghèo theo quý"));
  assert_non_null(strstr(md, "Giả định A2"));
  char *results = kh_path(dir, "results.db");
  assert_int_equal(db_figure(results, "SELECT count(*) FROM projected_households WHERE escaped IS NOT NULL"),
                   escapes);
  assert_int_equal(db_figure(results, "SELECT sum(escapes) FROM projected_communes"), escapes);
  free(results);
  free(md);
  free(s);
  free(dir);
  kh_result_free(&r);
}

static void loans_in_a_commune_move_escapes_there_and_nowhere_else(void **state) {
  NEED_REGISTRY();
  kh_result r;
  char *base_dir = run_2021(&r, NULL);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  kh_result_free(&r);
  const char *extra[] = {"--scenario", "plans/lao-cai-city-2021-them-vay.lua", NULL};
  char *dir = run_2021(&r, extra);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  char *a = read_in(base_dir, "lao-cai-city-2021/summary.json");
  char *b = read_in(dir, "lao-cai-city-2021/them_vay_hop_thanh/summary.json");
  /* the loans went to Hợp Thành, and only there */
  assert_int_equal(kh_json_figure(b, "SELECT json_extract(value, '$.by_commune.\"Hợp Thành\".households') FROM "
                                  "json_each(?1, '$.programmes') WHERE json_extract(value, '$.id') = 'vay_von'"), 5);
  long long others, there;
  escapes_differ(a, b, "Hợp Thành", &others, &there);
  assert_int_equal(others, 0);
  assert_true(there > 0);
  free(a);
  free(b);
  free(dir);
  free(base_dir);
  kh_result_free(&r);
}

/* ---- budget strategies ------------------------------------------------------------------- */

static void cap_never_spends_more_than_a_source_holds(void **state) {
  NEED_REGISTRY();
  kh_result r;
  const char *extra[] = {"--scenario", "tang_tro_cap", "--budget", "cap", NULL};
  char *dir = run_2021(&r, extra);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  char *s = read_in(dir, "lao-cai-city-2021/tang_tro_cap+budget-cap/summary.json");
  assert_int_equal(kh_json_figure(s, "SELECT count(*) FROM json_each(?1, '$.budget.sources') WHERE "
                                  "json_extract(value, '$.spent') > json_extract(value, '$.declared')"), 0);
  assert_true(source_field(s, "ngan_sach_thanh_pho", "spent") < 378000000);
  assert_true(source_field(s, "ngan_sach_thanh_pho", "unfunded") > 0);
  assert_int_equal(kh_json_figure(s, "SELECT json_extract(?1, '$.budget.mode') = 'cap'"), 1);
  char *results = kh_path(dir, "results.db");
  /* the allocations themselves, source by source, against the plan's lines */
  assert_true(db_figure(results, "SELECT sum(amount) FROM allocations WHERE source = 'ngan_sach_thanh_pho'") <=
              315000000);
  assert_int_equal(db_figure(results, "SELECT count(*) FROM runs WHERE budget_mode = 'cap'"), 1);
  free(results);
  free(s);
  free(dir);
  kh_result_free(&r);
}

/* ---- compare ----------------------------------------------------------------------------- */

static void compare_sets_scenarios_beside_the_plan_with_their_differences(void **state) {
  NEED_REGISTRY();
  char *dir = kh_tmpdir();
  const char *args[] = {"compare", PLAN_2021, "--db", kh_registry(), "--out", dir, "--scenario", "tang_tro_cap",
                        "--scenario", "plans/lao-cai-city-2021-them-vay.lua", NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  assert_non_null(strstr(r.out, "Ngân sách thành phố — thừa (+) / thiếu (−)"));
  char *c = read_in(dir, "lao-cai-city-2021/compare.json");
  assert_int_equal(kh_json_figure(c, "SELECT json_array_length(?1, '$.variants')"), 3);
  const char *city =
      "SELECT json_extract(value, '$.%s.values[%d]') FROM json_each(?1, '$.sources') "
      "WHERE json_extract(value, '$.id') = 'ngan_sach_thanh_pho'";
  char sql[512];
  snprintf(sql, sizeof sql, city, "need", 1);
  assert_int_equal(kh_json_figure(c, sql), 378000000);
  snprintf(sql, sizeof sql, city, "balance", 1);
  assert_int_equal(kh_json_figure(c, sql), -63000000);
  snprintf(sql, sizeof sql, city, "need", 0);
  assert_int_equal(kh_json_figure(c, sql), 315000000);
  /* the loans in Hợp Thành: escapes there, by the same figure a run of the scenario gives */
  long long there = kh_json_figure(c, "SELECT json_extract(value, '$.escapes.diff[2]') FROM json_each(?1, '$.communes') "
                                   "WHERE json_extract(value, '$.name') = 'Hợp Thành'");
  assert_true(there > 0);
  assert_int_equal(kh_json_figure(c, "SELECT count(*) FROM json_each(?1, '$.communes') WHERE "
                                  "json_extract(value, '$.escapes.diff[2]') <> 0"), 1);
  kh_result run;
  const char *extra[] = {"--scenario", "plans/lao-cai-city-2021-them-vay.lua", NULL};
  char *run_dir = run_2021(&run, extra);
  if (run.code != 0) fail_msg("exit %d: %s", run.code, run.err);
  char *s = read_in(run_dir, "lao-cai-city-2021/them_vay_hop_thanh/summary.json");
  assert_int_equal(kh_json_figure(c, "SELECT json_extract(?1, '$.city.escapes.values[2]')"),
                   kh_json_figure(s, "SELECT json_extract(?1, '$.projection.year_end.escapes_total')"));
  assert_int_equal(kh_json_figure(c, "SELECT json_extract(?1, '$.total_cost.values[2]')"),
                   kh_json_figure(s, "SELECT json_extract(?1, '$.budget.total_spent')"));
  char *md = read_in(dir, "lao-cai-city-2021/compare.md");
  assert_non_null(strstr(md, "## 6. Hộ nghèo cuối năm (dự báo)"));
  /* the households counted once, paid from the plan's budget: said in the heading */
  assert_non_null(strstr(md, "## 4. Hộ nhận kinh phí hỗ trợ theo xã, phường"));
  assert_non_null(strstr(md, "Mục 4 và 5 tính mỗi hộ một lần"));
  free(md);
  free(s);
  free(run_dir);
  kh_result_free(&run);
  free(c);
  free(dir);
  kh_result_free(&r);
}

/* compare.md is for the officer: variants by their labels, changed values in words as the
 * documents write them, no path, id or Lua; the shortfalls largest first. */
static void compare_md_names_variants_by_label_and_words_the_changed_values(void **state) {
  NEED_REGISTRY();
  char *dir = kh_tmpdir();
  const char *args[] = {"compare", PLAN_2021, "--db", kh_registry(), "--out", dir, "--scenario", "tang_tro_cap",
                        "--scenario", "vay_du_nhu_cau", "--quiet", NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  char *md = read_in(dir, "lao-cai-city-2021/compare.md");
  ASSERT_HAS(md, "- Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả "
                 "năng thoát nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng)\n");
  ASSERT_HAS(md, "Chỉ tiêu của “Hỗ trợ hộ nghèo vay vốn tín dụng” tại Thống Nhất: 46 hộ (kế hoạch: 39 hộ)");
  ASSERT_HAS(md, "|      Kế hoạch | Nâng mức trợ cấp lên 300.000 đồng/khẩu/tháng |           ± |");
  ASSERT_HAS(md, "theo chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020) so với:");
  ASSERT_HAS(md, "- Thực hiện giảm hộ nghèo năm 2021 (kế hoạch): các xã, phường chưa đạt: Tả Phời 23 hộ, "
                 "Thống Nhất 23 hộ, Hợp Thành 14 hộ, Cốc San 02 hộ");
  const char *codes[] = {"tang_tro_cap", "vay_du_nhu_cau", "tro_cap.amount", "300000", "lao-cai-city-2021",
                         "vn-2016", "giam_ho_ngheo", "`", NULL};
  for (int i = 0; codes[i]; i++)
    if (strstr(md, codes[i])) fail_msg("compare.md shows \"%s\"", codes[i]);
  free(md);
  free(dir);
  kh_result_free(&r);
  /* --set alone: "Phương án", the budget line in millions, the budget mode in words */
  dir = kh_tmpdir();
  const char *set[] = {"compare", PLAN_2021, "--db", kh_registry(), "--out", dir, "--set",
                       "budget.ngan_sach_thanh_pho=400000000", "--budget", "cap", "--quiet", NULL};
  r = kh_run(set);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  md = read_in(dir, "lao-cai-city-2021/compare.md");
  ASSERT_HAS(md, "- Phương án: Ngân sách thành phố: 400 triệu đồng (kế hoạch: 315 triệu đồng); chế độ ngân sách: "
                 "mỗi nguồn chỉ chi đến hết số kinh phí kế hoạch bố trí");
  assert_null(strstr(md, "budget cap"));
  free(md);
  free(dir);
  kh_result_free(&r);
}

/* --json: compare.json on stdout and nothing else; --quiet: nothing at all. */
static void compare_json_prints_compare_json_and_quiet_nothing(void **state) {
  NEED_REGISTRY();
  char *dir = kh_tmpdir();
  const char *args[] = {"compare", PLAN_2021, "--db", kh_registry(), "--out", dir, "--set", "tro_cap.amount=300000",
                        "--json", NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  char *c = read_in(dir, "lao-cai-city-2021/compare.json");
  assert_string_equal(r.out, c);
  /* the allowance at 300.000 đồng: the city's budget short by 63 million */
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(value, '$.balance.values[1]') FROM json_each(?1, "
                                         "'$.sources') WHERE json_extract(value, '$.id') = 'ngan_sach_thanh_pho'"),
                   -63000000);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(value, '$.cost.values[0]') FROM json_each(?1, "
                                         "'$.programmes') WHERE json_extract(value, '$.id') = 'tro_cap'"),
                   315000000);
  assert_null(strstr(r.err, "written:"));
  kh_result_free(&r);
  const char *quiet[] = {"compare", PLAN_2021, "--db", kh_registry(), "--out", dir, "--set", "tro_cap.amount=300000",
                         "--quiet", NULL};
  KH_ASSERT_SILENT(quiet);
  free(c);
  free(dir);
}

static void compare_without_anything_to_compare_is_a_usage_error(void **state) {
  const char *args[] = {"compare", PLAN_2021, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "nothing to compare the plan with"));
  kh_result_free(&r);
}

/* ---- sweep ------------------------------------------------------------------------------- */

/* Field col (0-based) of CSV line row (0 = the header) of text, malloc'ed; the sweep's
** CSV quotes nothing but a path with a comma, which these tests do not vary. */
static char *csv_field(const char *text, int row, int col) {
  const char *p = text;
  for (int r = 0; r < row; r++) {
    p = strchr(p, '\n');
    if (p == NULL) return NULL;
    p++;
  }
  for (int c = 0; c < col; c++) {
    while (*p && *p != ',' && *p != '\n') p++;
    if (*p != ',') return NULL;
    p++;
  }
  size_t n = strcspn(p, ",\n");
  char *out = malloc(n + 1);
  memcpy(out, p, n);
  out[n] = '\0';
  return out;
}

static int csv_column(const char *text, const char *name) {
  for (int c = 0; c < 64; c++) {
    char *f = csv_field(text, 0, c);
    if (f == NULL) break;
    int same = strcmp(f, name) == 0;
    free(f);
    if (same) return c;
  }
  fail_msg("no column %s in:\n%s", name, text);
  return -1;
}

static long long csv_number(const char *text, int row, const char *name) {
  char *f = csv_field(text, row, csv_column(text, name));
  assert_non_null(f);
  long long v = atoll(f);
  free(f);
  return v;
}

/* Sweeps path over range (with the extra arguments), checks that stderr says how often each
** stage was done (stages), then, for each row, runs the plan with --set path=<the row's
** value> and the same extra arguments, and checks that the row holds the run's figures.
** Returns the number of rows. */
static int sweep_rows_equal_single_runs(const char *path, const char *range, const char *folder,
                                        const char *const extra[], const char *stages) {
  char *dir = kh_tmpdir();
  char vary[256];
  snprintf(vary, sizeof vary, "%s=%s", path, range);
  const char *args[32] = {"sweep", PLAN_2021, "--db", kh_registry(), "--out", dir, "--vary", vary};
  int n = 8;
  for (int i = 0; extra && extra[i]; i++) args[n++] = extra[i];
  args[n] = NULL;
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("sweep exit %d: %s", r.code, r.err);
  if (strstr(r.err, stages) == NULL) fail_msg("no \"%s\" in:\n%s", stages, r.err);
  char name[256];
  snprintf(name, sizeof name, "lao-cai-city-2021/%ssweep.csv", folder);
  char *csv = read_in(dir, name);
  int rows = 0;
  for (int row = 1;; row++) {
    char *value = csv_field(csv, row, 0);
    if (value == NULL || *value == '\0') {
      free(value);
      break;
    }
    char set[256];
    snprintf(set, sizeof set, "%s=%s", path, value);
    const char *more[16] = {"--set", set};
    int m = 2;
    for (int i = 0; extra && extra[i]; i++) more[m++] = extra[i];
    more[m] = NULL;
    kh_result one;
    char *run_dir = run_2021(&one, more);
    if (one.code != 0) fail_msg("run --set %s: exit %d: %s", set, one.code, one.err);
    char out[256];
    const char *variant = strstr(folder, "budget-") ? "set+budget-cap/" : "set/";
    snprintf(out, sizeof out, "lao-cai-city-2021/%ssummary.json", variant);
    char *s = read_in(run_dir, out);
    static const struct { const char *column, *sql; } figures[] = {
        {"cost", "SELECT json_extract(?1, '$.budget.total_spent')"},
        {"need", "SELECT json_extract(?1, '$.budget.total_computed')"},
        {"gap_ngan_sach_thanh_pho", "SELECT json_extract(value, '$.gap') FROM json_each(?1, '$.budget.sources') "
                                    "WHERE json_extract(value, '$.id') = 'ngan_sach_thanh_pho'"},
        {"gap_von_vay", "SELECT json_extract(value, '$.gap') FROM json_each(?1, '$.budget.sources') "
                        "WHERE json_extract(value, '$.id') = 'von_vay'"},
        {"households", "SELECT json_extract(?1, '$.reached.households')"},
        {"persons", "SELECT json_extract(?1, '$.reached.persons')"},
        {"escapes", "SELECT json_extract(?1, '$.projection.year_end.escapes_total')"},
        {"poor", "SELECT json_extract(?1, '$.projection.year_end.poor_total')"},
        {"short_giam_ho_ngheo", "SELECT json_extract(?1, '$.projection.targets[0].short_by')"},
    };
    for (size_t f = 0; f < sizeof figures / sizeof figures[0]; f++) {
      long long want = kh_json_figure(s, figures[f].sql), got = csv_number(csv, row, figures[f].column);
      if (want != got)
        fail_msg("%s = %s: %s is %lld in the sweep, %lld in the run", path, value, figures[f].column, got, want);
    }
    free(s);
    free(run_dir);
    kh_result_free(&one);
    free(value);
    rows++;
  }
  free(csv);
  free(dir);
  kh_result_free(&r);
  return rows;
}

static void each_sweep_row_equals_the_single_run(void **state) {
  NEED_REGISTRY();
  /* an amount: priced again; the households chosen once, the projection kept */
  assert_int_equal(sweep_rows_equal_single_runs("tro_cap.amount", "250000:300000:25000", "", NULL,
                                                "3 values; selection 1 time, allocation 1 time, pricing 3 times, "
                                                "projection 1 time\n"), 3);
  /* a quota: chosen again and projected again */
  assert_int_equal(sweep_rows_equal_single_runs("vay_von.quota.Thống Nhất", "39:45:3", "", NULL,
                                                "allocation 3 times, pricing 3 times, projection 3 times\n"), 3);
  /* a budget line under --budget cap: funded again, projected again, never chosen again */
  const char *cap[] = {"--budget", "cap", NULL};
  assert_int_equal(sweep_rows_equal_single_runs("budget.von_vay", "million(2000):million(2400):million(200)",
                                                "budget-cap/", cap,
                                                "allocation 1 time, pricing 3 times, projection 3 times\n"), 3);
}

/* --json: the rows and the stages on stdout, one JSON object; --quiet: nothing at all. */
static void sweep_json_prints_the_rows_and_quiet_nothing(void **state) {
  NEED_REGISTRY();
  char *dir = kh_tmpdir();
  const char *args[] = {"sweep", PLAN_2021, "--db", kh_registry(), "--out", dir, "--vary",
                        "tro_cap.amount=250000:300000:25000", "--json", NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_array_length(?1, '$.rows')"), 3);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.rows[0].value')"), 250000);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.rows[0].cost')"), 5723000000);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.rows[2].gap.ngan_sach_thanh_pho')"), 63000000);
  /* the households chosen once, priced for each value */
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.stages.choose')"), 1);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.stages.price')"), 3);
  /* the rows are sweep.csv's */
  char *csv = read_in(dir, "lao-cai-city-2021/sweep.csv");
  assert_int_equal(csv_number(csv, 2, "gap_ngan_sach_thanh_pho"),
                   kh_json_figure(r.out, "SELECT json_extract(?1, '$.rows[1].gap.ngan_sach_thanh_pho')"));
  /* the chart's axes are titled: the x axis with what the value is, not its path */
  char *svg = read_in(dir, "lao-cai-city-2021/sweep.svg");
  ASSERT_HAS(svg, "font-weight=\"bold\">Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo” "
                  "(đồng/khẩu/tháng)</text>");
  ASSERT_HAS(svg, ">Triệu đồng</text>");
  ASSERT_HAS(svg, ">Số hộ</text>");
  free(svg);
  kh_result_free(&r);
  const char *quiet[] = {"sweep", PLAN_2021, "--db", kh_registry(), "--out", dir, "--vary",
                         "tro_cap.amount=250000:300000:25000", "--quiet", NULL};
  KH_ASSERT_SILENT(quiet);
  free(csv);
  free(dir);
}

/* sweep.svg: the x labels never run together (every second one when they would), the cost
 * and the shortfall each on its own chart and axis (5.700-5.950 triệu đồng, not 0-6.000),
 * titles in words, no path or id. */
static void sweep_svg_thins_its_labels_and_gives_cost_and_gap_their_own_axes(void **state) {
  NEED_REGISTRY();
  char *dir = kh_tmpdir();
  const char *args[] = {"sweep", PLAN_2021, "--db", kh_registry(), "--out", dir, "--vary",
                        "tro_cap.amount=250000:400000:10000", "--quiet", NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  char *svg = read_in(dir, "lao-cai-city-2021/sweep.svg");
  ASSERT_HAS(svg, "text-anchor=\"middle\">250.000</text>");
  ASSERT_HAS(svg, "text-anchor=\"middle\">270.000</text>");
  if (strstr(svg, ">260.000</text>")) fail_msg("labels 44 px apart, 46 px wide, all drawn:\n%s", svg);
  ASSERT_HAS(svg, ">Tổng kinh phí (triệu đồng) theo mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát "
                  "nghèo”</title>");
  ASSERT_HAS(svg, ">Phần kinh phí còn thiếu theo nguồn (triệu đồng) theo mức hỗ trợ của");
  /* a heading longer than the picture is broken between words, not run off its edge */
  ASSERT_HAS(svg, "font-weight=\"bold\">khả năng thoát nghèo”</text>");
  ASSERT_HAS(svg, ">Còn thiếu so với chỉ tiêu “Thực hiện giảm hộ nghèo năm 2021”</text>");
  /* the cost's axis spans its own range */
  char *cost = strstr(svg, "id=\"chart-sweep-cost\"");
  char *gap = strstr(svg, "id=\"chart-sweep-gap\"");
  assert_non_null(cost);
  assert_non_null(gap);
  char *first_tick = strstr(cost, "fill=\"#555\">");
  assert_non_null(first_tick);
  assert_true(first_tick < gap);
  assert_int_equal(strncmp(first_tick, "fill=\"#555\">5.700</text>", 24), 0);
  const char *codes[] = {"tro_cap.amount", "giam_ho_ngheo", NULL};
  for (int i = 0; codes[i]; i++)
    if (strstr(svg, codes[i])) fail_msg("sweep.svg shows \"%s\"", codes[i]);
  free(svg);
  free(dir);
  kh_result_free(&r);
}

static void sweep_refuses_what_cannot_vary(void **state) {
  const char *args[] = {"sweep", PLAN_2021, "--vary", "bao_cao_nam.due=1:2:1", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "bao_cao_nam.due is an ISO date, not a number that can be varied over a range"));
  kh_result_free(&r);
  const char *down[] = {"sweep", PLAN_2021, "--vary", "tro_cap.amount=300000:250000:10000", NULL};
  r = kh_run(down);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "TO (250000) is below FROM (300000)"));
  kh_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(set_raises_the_allowance_and_opens_the_city_gap),
      cmocka_unit_test(a_wrong_set_is_a_usage_error_naming_the_paths),
      cmocka_unit_test(a_scenario_of_the_plan_runs_into_its_own_folder_and_run_row),
      cmocka_unit_test(the_2021_projection_sets_escapes_against_the_90_target),
      cmocka_unit_test(loans_in_a_commune_move_escapes_there_and_nowhere_else),
      cmocka_unit_test(cap_never_spends_more_than_a_source_holds),
      cmocka_unit_test(compare_sets_scenarios_beside_the_plan_with_their_differences),
      cmocka_unit_test(compare_md_names_variants_by_label_and_words_the_changed_values),
      cmocka_unit_test(compare_json_prints_compare_json_and_quiet_nothing),
      cmocka_unit_test(compare_without_anything_to_compare_is_a_usage_error),
      cmocka_unit_test(each_sweep_row_equals_the_single_run),
      cmocka_unit_test(sweep_json_prints_the_rows_and_quiet_nothing),
      cmocka_unit_test(sweep_svg_thins_its_labels_and_gives_cost_and_gap_their_own_axes),
      cmocka_unit_test(sweep_refuses_what_cannot_vary),
  };
  return kh_finish(cmocka_run_group_tests_name("what-if on the command line", tests, NULL, NULL));
}
