/*
** test_reuse_cli.c — the plan as its author reuses it: `kehoach test` (the expectations a
** plan writes, checked against the registry), `kehoach new` (next year's draft), `kehoach
** diff` (two plans side by side), and other districts' plans. test and diff also with
** --json (read through SQLite's JSON functions) and --quiet, for scripts.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"
#include "json.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"

/* A copy of the file at from, in dir under name, with each (find, replace) pair replaced
** once (the test fails when find is not there). Returns the copy's path, malloc'ed. */
static char *edited_copy(const char *from, const char *dir, const char *name, const char *const pairs[]) {
  char *text = kh_read_file(from);
  assert_non_null(text);
  for (int i = 0; pairs[i]; i += 2) {
    char *at = strstr(text, pairs[i]);
    if (at == NULL) fail_msg("\"%s\" is not in %s", pairs[i], from);
    size_t head = (size_t)(at - text), find = strlen(pairs[i]), repl = strlen(pairs[i + 1]);
    char *next = malloc(strlen(text) - find + repl + 1);
    memcpy(next, text, head);
    memcpy(next + head, pairs[i + 1], repl);
    strcpy(next + head + repl, at + find);
    free(text);
    text = next;
  }
  char *path = kh_path(dir, name);
  kh_write_file(path, text);
  free(text);
  return path;
}

/* The line number (from 1) of the first line of file path that contains needle. */
static int line_of(const char *path, const char *needle) {
  char *text = kh_read_file(path);
  assert_non_null(text);
  char *at = strstr(text, needle);
  if (at == NULL) fail_msg("\"%s\" is not in %s", needle, path);
  int line = 1;
  for (char *c = text; c < at; c++)
    if (*c == '\n') line++;
  free(text);
  return line;
}

/* ---- kehoach test ----------------------------------------------------------------------- */

static void test_holds_for_the_2021_plan(void **state) {
  const char *args[] = {"test", PLAN_2021, "--db", kh_registry(), NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_string_equal(r.out, "");
  assert_non_null(strstr(r.err, PLAN_2021 ": 21 expectations, 21 held, 0 missed\n"));
  kh_result_free(&r);
}

/* The 2022 plan reads the review of 2021 under vn-2022: no error, no warning, and its
** own expectations (its totals) hold. */
static void the_2022_plan_checks_clean_and_its_expectations_hold(void **state) {
  const char *chk[] = {"check", "plans/lao-cai-city-2022.lua", "--db", kh_registry(), NULL};
  kh_result r = kh_run(chk);
  assert_int_equal(r.code, 0);
  /* check --db makes run's checks: the loans' coverage, which run reports too */
  assert_non_null(strstr(r.err, "plans/lao-cai-city-2022.lua: 0 errors, 1 warning,"));
  assert_non_null(strstr(r.err, "support 'vay_von': the plan promises 100% of eligible households, but reaches 60 of 114"));
  kh_result_free(&r);
  const char *tst[] = {"test", "plans/lao-cai-city-2022.lua", "--db", kh_registry(), NULL};
  r = kh_run(tst);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.err, "21 expectations, 21 held, 0 missed"));
  kh_result_free(&r);
}

/* Each miss is one line at the declaration's plan line, and the command exits 1. */
static void test_reports_each_miss_at_its_plan_line(void **state) {
  char *dir = kh_tmpdir();
  const char *const edits[] = {
      "expect = { households = 57, persons = 105,", "expect = { households = 57, persons = 104,",
      "expect = { total = million(5723),", "expect = { total = million(5724),",
      "von_vay = million(2400) },", "von_vy = million(2400) },",
      NULL};
  char *plan = edited_copy(PLAN_2021, dir, "plan.lua", edits);
  const char *args[] = {"test", plan, "--db", kh_registry(), NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 1);
  int support = line_of(plan, "support \"tro_cap\" {"), budget = line_of(plan, "\nbudget {") + 1;
  char want[4096];
  snprintf(want, sizeof want,
           "%s:%d: miss: support 'tro_cap': persons: the plan expects 104, the registry gives 105\n"
           "%s:%d: miss: budget: total: the plan expects 5.724.000.000 đồng, the registry gives "
           "5.723.000.000 đồng\n"
           "%s:%d: miss: budget: expect.von_vy: 'von_vy' is not a declared funding source (did you "
           "mean 'von_vay'?)\n",
           plan, support, plan, budget, plan, budget);
  assert_string_equal(r.out, want);
  assert_non_null(strstr(r.err, ": 21 expectations, 18 held, 3 missed\n"));
  kh_result_free(&r);
  free(plan), free(dir);
}

/* --json: every expectation with what the plan expects and what the registry gives, one
** JSON object on stdout; a miss still exits 1. --quiet: the misses only. */
static void test_json_gives_each_expectation_and_quiet_only_the_misses(void **state) {
  const char *args[] = {"test", PLAN_2021, "--db", kh_registry(), "--json", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.counts.total')"), 21);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.counts.held')"), 21);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_array_length(?1, '$.expectations')"), 21);
  const char *cost = "SELECT json_extract(value, '$.%s') FROM json_each(?1, '$.expectations') WHERE "
                     "json_extract(value, '$.id') = 'tro_cap' AND json_extract(value, '$.key') = 'cost'";
  char sql[512];
  snprintf(sql, sizeof sql, cost, "expected");
  assert_int_equal(kh_json_figure(r.out, sql), 315000000);
  snprintf(sql, sizeof sql, cost, "actual");
  assert_int_equal(kh_json_figure(r.out, sql), 315000000);
  snprintf(sql, sizeof sql, cost, "held");
  assert_int_equal(kh_json_figure(r.out, sql), 1);
  kh_result_free(&r);
  char *dir = kh_tmpdir();
  const char *const edits[] = {"expect = { households = 57, persons = 105,",
                               "expect = { households = 57, persons = 104,", NULL};
  char *plan = edited_copy(PLAN_2021, dir, "plan.lua", edits);
  const char *miss[] = {"test", plan, "--db", kh_registry(), "--json", NULL};
  r = kh_run(miss);
  assert_int_equal(r.code, 1);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.counts.missed')"), 1);
  char *got = kh_json_text(r.out, "SELECT json_extract(value, '$.expected') || ' ' || json_extract(value, '$.actual') "
                                  "|| ' ' || json_extract(value, '$.line') FROM json_each(?1, '$.expectations') "
                                  "WHERE json_extract(value, '$.held') = 0");
  char want[64];
  snprintf(want, sizeof want, "104 105 %d", line_of(plan, "support \"tro_cap\" {"));
  assert_non_null(got);
  assert_string_equal(got, want);
  free(got);
  kh_result_free(&r);
  const char *quiet[] = {"test", plan, "--db", kh_registry(), "--quiet", NULL};
  r = kh_run(quiet);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.out, ": miss: support 'tro_cap': persons: the plan expects 104, the registry gives 105\n"));
  assert_string_equal(r.err, "");
  kh_result_free(&r);
  free(plan), free(dir);
}

/* A wrong expectation is a plan error when the plan is read, at its line. */
static void test_refuses_an_unknown_expectation(void **state) {
  char *dir = kh_tmpdir();
  const char *const edits[] = {"expect = { households = 48, cost", "expect = { housholds = 48, cost", NULL};
  char *plan = edited_copy(PLAN_2021, dir, "plan.lua", edits);
  const char *args[] = {"test", plan, "--db", kh_registry(), NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "support \"vay_von\": unknown expectation 'housholds' (did you mean "
                                "'households'?); support can expect: households, persons, units, cost, "
                                "eligible, waitlisted, by_commune"));
  kh_result_free(&r);
  free(plan), free(dir);
}

/* ---- kehoach new ------------------------------------------------------------------------ */

/* The draft goes to a file, is read back and checked; then it runs against the registry. */
static void new_writes_a_draft_that_runs(void **state) {
  char *dir = kh_tmpdir();
  char *draft = kh_path(dir, "lao-cai-city-2022.lua");
  const char *args[] = {"new", "--from", PLAN_2021, "--year", "2022", "--db", kh_registry(), "--out", draft, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.err, "draft of lao-cai-city-2022 (giam_ho_ngheo 117 households, budget "));
  assert_non_null(strstr(r.err, "0 errors"));
  kh_result_free(&r);
  char *text = kh_read_file(draft);
  assert_non_null(strstr(text, "  year = 2022,\n"));
  assert_non_null(strstr(text, "  -- drafted: the standard in force in 2022\n  standard = \"vn-2022\",\n"));
  /* texts say the new year, the effects' notes too (the basis documents stay, marked) */
  assert_non_null(strstr(text, "chưa tăng thu nhập trong năm 2022."));
  assert_null(strstr(text, "trong năm 2021"));
  free(text);
  char *out = kh_path(dir, "out"), *results = kh_path(dir, "results.db");
  const char *run[] = {"run", draft, "--db", kh_registry(), "--out", out, "--results", results, NULL};
  r = kh_run(run);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  /* a second time, the file is there: only with --force */
  r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "already exists; add --force to replace it"));
  kh_result_free(&r);
  free(out), free(results), free(draft), free(dir);
}

static void new_without_its_year_is_a_usage_error(void **state) {
  const char *args[] = {"new", "--from", PLAN_2021, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "give the new plan's year: --year 2022"));
  kh_result_free(&r);
  const char *same[] = {"new", "--from", PLAN_2021, "--year", "2021", NULL};
  r = kh_run(same);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--year 2021 is not after plans/lao-cai-city-2021.lua's year 2021"));
  kh_result_free(&r);
}

/* ---- another district ------------------------------------------------------------------ */

/* Sa Pa's registry, made by `make` from scripts/profiles/sa-pa.lua. */
static const char *sapa_registry(void) {
  const char *r = getenv("KEHOACH_SAPA");
  return r && *r ? r : "data/sa-pa.db";
}

/* Sa Pa's plan on Sa Pa's registry: checked, run and tested like the city's, with the
** town's units, its 13% poverty and the sources only it has. */
static void sa_pa_runs_on_its_own_registry(void **state) {
  const char *chk[] = {"check", "plans/sa-pa-2021.lua", "--db", sapa_registry(), NULL};
  kh_result r = kh_run(chk);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.err, "plans/sa-pa-2021.lua: 0 errors, 0 warnings, names checked against"));
  kh_result_free(&r);
  const char *tst[] = {"test", "plans/sa-pa-2021.lua", "--db", sapa_registry(), NULL};
  r = kh_run(tst);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.err, "16 expectations, 16 held, 0 missed"));
  kh_result_free(&r);
  char *dir = kh_tmpdir();
  char *results = kh_path(dir, "results.db");
  const char *run[] = {"run", "plans/sa-pa-2021.lua", "--db", sapa_registry(), "--out", dir,
                       "--results", results, NULL};
  r = kh_run(run);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "sa-pa-2021 — Thị xã Sa Pa, năm 2021"));
  assert_non_null(strstr(r.out, "Chương trình 135    1.750.000.000         1.750.000.000                     0\n"));
  assert_non_null(strstr(r.out, "DN du lịch            250.000.000           250.000.000                     0\n"));
  kh_result_free(&r);
  /* the town's poverty, from the registry: 1.955 poor of 15.100 households */
  const char *stats[] = {"db", "stats", "--db", sapa_registry(), NULL};
  r = kh_run(stats);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "\nTotal "));
  assert_non_null(strstr(r.out, " 15.100 "));
  assert_non_null(strstr(r.out, "1.955"));
  assert_non_null(strstr(r.out, "12,95"));
  kh_result_free(&r);
  free(results), free(dir);
}

/* ---- kehoach diff ----------------------------------------------------------------------- */

static void diff_compares_2021_and_2022_by_commune_source_and_rule(void **state) {
  char *dir = kh_tmpdir();
  const char *args[] = {"diff", PLAN_2021, "plans/lao-cai-city-2022.lua", "--db", kh_registry(),
                        "--out", dir, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  /* the poor at each review (225 under vn-2016 in 2020, 292 under vn-2022 in 2021), the
  ** targets (90, 119), and each plan's cost in triệu đồng */
  char *total = strstr(r.out, "\nTổng ");
  assert_non_null(total);
  assert_non_null(strstr(total, " 225 "));
  assert_non_null(strstr(total, " 292 "));
  assert_non_null(strstr(total, " 90 "));
  assert_non_null(strstr(total, " 119 "));
  assert_non_null(strstr(total, " 5.723 "));
  assert_non_null(strstr(total, " 5.516,32\n"));
  /* one row for Vạn Hòa, however each plan writes it */
  assert_non_null(strstr(r.out, "\nVạn Hòa "));
  assert_null(strstr(r.out, "\nVạn Hoà "));
  const char *changes[] = {
      "  Chương trình “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: mức hỗ trợ: 250.000 đồng/khẩu/tháng → "
      "360.000 đồng/khẩu/tháng\n",
      ": số hộ phân bổ: Thống Nhất 39 hộ → 22 hộ, Tả Phời 09 hộ → 16 hộ, Hợp Thành — → 08 hộ,",
      ": nguồn kinh phí: Ngân sách tỉnh thuộc nguồn vốn Chương trình MTQG xây dựng nông thôn mới → Ngân sách trung "
      "ương thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững\n",
      "  Nguồn kinh phí “Ngân sách trung ương thuộc Chương trình mục tiêu quốc gia giảm nghèo bền vững”: nguồn mới\n",
      "  Kế hoạch: chuẩn nghèo: Chuẩn nghèo tiếp cận đa chiều áp dụng cho giai đoạn 2016 - 2020 → Chuẩn nghèo đa "
      "chiều giai đoạn 2021 - 2025\n",
      "  Dự toán kinh phí: tổng kinh phí: 5.723 triệu đồng → 5.516,32 triệu đồng\n",
      "  Dự toán kinh phí: Ngân sách thành phố: 315 triệu đồng → 436,32 triệu đồng\n",
  };
  for (size_t i = 0; i < sizeof changes / sizeof changes[0]; i++)
    if (strstr(r.out, changes[i]) == NULL) fail_msg("no \"%s\" in:\n%s", changes[i], r.out);
  kh_result_free(&r);
  char *md_path = kh_path(dir, "lao-cai-city-2021--lao-cai-city-2022/diff.md");
  char *md = kh_read_file(md_path);
  assert_non_null(md);
  assert_non_null(strstr(md, "| Tổng       |     225 |     292 |"));
  assert_non_null(strstr(md, "- **Chương trình “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”**: mức hỗ trợ: "
                             "250.000 đồng/khẩu/tháng → 360.000 đồng/khẩu/tháng\n"));
  /* diff.md is in Vietnamese, values as the documents write them: no English, no Lua, no
  ** code name, communes as the registry spells them */
  const char *codes[] = {"By commune", "What changed", "per_person_month", "million(", "support '", "vn-2016",
                         "lao-cai-city-2021", "Vạn Hoà", " only)", NULL};
  for (int i = 0; codes[i]; i++)
    if (strstr(md, codes[i])) fail_msg("diff.md shows \"%s\":\n%s", codes[i], md);
  assert_non_null(strstr(md, "## 4. Những thay đổi trong nội dung kế hoạch\n"));
  assert_non_null(strstr(md, "Vạn Hòa 01 hộ → —"));
  free(md), free(md_path), free(dir);
}

static void diff_of_a_plan_with_itself_finds_no_change(void **state) {
  char *dir = kh_tmpdir();
  const char *args[] = {"diff", PLAN_2021, PLAN_2021, "--db", kh_registry(), "--out", dir, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "Những thay đổi trong nội dung kế hoạch:\n  không có\n"));
  assert_non_null(strstr(r.out, "\nTổng                 5.723.000.000  5.723.000.000           0\n"));
  kh_result_free(&r);
  free(dir);
}

/* --json: the differences as one JSON object on stdout; --quiet: nothing (diff.md is written). */
static void diff_json_gives_the_differences_and_quiet_nothing(void **state) {
  char *dir = kh_tmpdir();
  const char *args[] = {"diff", PLAN_2021, "plans/lao-cai-city-2022.lua", "--db", kh_registry(),
                        "--out", dir, "--json", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  char *ids = kh_json_text(r.out, "SELECT json_extract(?1, '$.a.id') || ' ' || json_extract(?1, '$.b.id')");
  assert_string_equal(ids, "lao-cai-city-2021 lao-cai-city-2022");
  free(ids);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(value, '$.a.cost') FROM json_each(?1, '$.programmes') "
                                         "WHERE json_extract(value, '$.id') = 'tro_cap'"),
                   315000000);
  /* the poor at each review, over the communes: 225 and 292 */
  assert_int_equal(kh_json_figure(r.out, "SELECT sum(json_extract(value, '$.a.poor')) FROM json_each(?1, '$.communes')"),
                   225);
  assert_int_equal(kh_json_figure(r.out, "SELECT sum(json_extract(value, '$.b.poor')) FROM json_each(?1, '$.communes')"),
                   292);
  assert_int_equal(kh_json_figure(r.out, "SELECT count(*) FROM json_each(?1, '$.rules') WHERE "
                                         "json_extract(value, '$.what') = 'support ''tro_cap''' AND "
                                         "json_extract(value, '$.change') = "
                                         "'amount: per_person_month(250000) → per_person_month(360000)'"),
                   1);
  kh_result_free(&r);
  char *md = kh_path(dir, "lao-cai-city-2021--lao-cai-city-2022/diff.md");
  unlink(md);
  const char *quiet[] = {"diff", PLAN_2021, "plans/lao-cai-city-2022.lua", "--db", kh_registry(),
                         "--out", dir, "--quiet", NULL};
  r = kh_run(quiet);
  assert_int_equal(r.code, 0);
  assert_string_equal(r.out, "");
  assert_string_equal(r.err, "");
  assert_true(kh_exists(md));
  kh_result_free(&r);
  free(md), free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_holds_for_the_2021_plan),
      cmocka_unit_test(the_2022_plan_checks_clean_and_its_expectations_hold),
      cmocka_unit_test(test_reports_each_miss_at_its_plan_line),
      cmocka_unit_test(test_json_gives_each_expectation_and_quiet_only_the_misses),
      cmocka_unit_test(test_refuses_an_unknown_expectation),
      cmocka_unit_test(new_writes_a_draft_that_runs),
      cmocka_unit_test(new_without_its_year_is_a_usage_error),
      cmocka_unit_test(sa_pa_runs_on_its_own_registry),
      cmocka_unit_test(diff_compares_2021_and_2022_by_commune_source_and_rule),
      cmocka_unit_test(diff_of_a_plan_with_itself_finds_no_change),
      cmocka_unit_test(diff_json_gives_the_differences_and_quiet_nothing),
  };
  return kh_finish(cmocka_run_group_tests_name("reuse_cli", tests, NULL, NULL));
}
