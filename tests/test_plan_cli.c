/*
** test_plan_cli.c — the plan language as an officer meets it on the command line:
** `kehoach check` on the 2021 plan (the seed's slips as warnings, exit 0) and on plans
** with mistakes (file:line: error:, exit 1), also with --json and --quiet for scripts; and
** the golden figures of the 2021 run on the default registry, each read from summary.json
** (through SQLite's JSON functions), and explain, on a terminal and as JSON.
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

/* The whole line of text that contains needle, malloc'ed; NULL when none does. */
static char *line_with(const char *text, const char *needle) {
  const char *at = strstr(text, needle);
  if (at == NULL) return NULL;
  const char *start = at;
  while (start > text && start[-1] != '\n') start--;
  const char *end = strchr(at, '\n');
  size_t n = end ? (size_t)(end - start) : strlen(start);
  char *line = malloc(n + 1);
  memcpy(line, start, n);
  line[n] = '\0';
  return line;
}

/* Asserts that err has a line "PLAN_2021:<digits>: <rest>" where rest starts with what. */
static void assert_plan_line(const char *err, const char *what) {
  char *line = line_with(err, what);
  if (line == NULL) fail_msg("no line with \"%s\" in:\n%s", what, err);
  const char *p = line + strlen(PLAN_2021 ":");
  if (strncmp(line, PLAN_2021 ":", strlen(PLAN_2021 ":")) != 0 || *p < '1' || *p > '9')
    fail_msg("not located in the plan: %s", line);
  while (*p >= '0' && *p <= '9') p++;
  if (strncmp(p, ": ", 2) != 0 || strncmp(p + 2, what, strlen(what)) != 0)
    fail_msg("expected \"%s\" right after the location: %s", what, line);
  free(line);
}

static void check_2021_reports_the_seeds_slips_as_warnings(void **state) {
  const char *args[] = {"check", PLAN_2021, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_plan_line(r.err, "warning: support 'bo_giong': 10 households are named for 80 con bò");
  assert_plan_line(r.err, "warning: support 'bhyt': carried out in quý II/2021 yet completed in "
                          "quý I/2021");
  assert_plan_line(r.err, "warning: support 'bo_giong': Vạn Hoà has a quota of 1 but is not among "
                          "the communes");
  assert_non_null(strstr(r.err, PLAN_2021 ": 0 errors, 3 warnings\n"));
  kh_result_free(&r);
}

typedef struct mistake {
  const char *source; /* after the plan declaration, which is line 1 */
  int line;
  const char *message;
} mistake;

static void check_reports_mistakes_at_their_line_and_exits_1(void **state) {
  const mistake cases[] = {
      {"target \"g\" { households = 3, by_commune = { [\"A\"] = 1 } }\n", 2,
       "error: target 'g': the communes add up to 1 household, not the 3 stated"},
      {"\nsupport \"s\" { label = \"s\", who = { status = \"poor\" }, amount = per_household(5),"
       " source = \"ngan_sach\" }\nsource \"ngan_sach_tp\" { label = \"x\" }\n", 3,
       "error: support 's': unknown funding source 'ngan_sach' (did you mean 'ngan_sach_tp'?)"},
      {"budget { total = million(3), a = million(1) }\nsource \"a\" { label = \"a\" }\n", 2,
       "error: budget: the sources add up to 1.000.000 đồng, not the total of 3.000.000 đồng"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *dir = kh_tmpdir();
    char *plan = kh_path(dir, "plan.lua");
    char source[1024];
    snprintf(source, sizeof source, "plan { id = \"t\", title = \"t\", unit = \"U\", year = 2021, "
             "standard = \"vn-2016\" }\n%s", cases[i].source);
    kh_write_file(plan, source);
    const char *args[] = {"check", "plan.lua", NULL};
    kh_result r = kh_run_in(dir, args);
    char expected[512];
    snprintf(expected, sizeof expected, "plan.lua:%d: %s", cases[i].line, cases[i].message);
    if (r.code != 1 || strstr(r.err, expected) == NULL)
      fail_msg("plan:\n%s\nexit %d, stderr:\n%s\nexpected: %s", source, r.code, r.err, expected);
    kh_result_free(&r);
    free(plan);
    free(dir);
  }
}

static void check_with_a_registry_checks_commune_names(void **state) {
  if (!kh_exists(kh_registry())) {
    fprintf(stderr, "NOTICE: %s does not exist: commune names are not checked\n", kh_registry());
    skip();
  }
  const char *ok[] = {"check", PLAN_2021, "--db", kh_registry(), NULL};
  kh_result r = kh_run(ok);
  assert_int_equal(r.code, 0);
  /* the seed's three slips, and the coverage run finds: check --db makes run's checks */
  assert_non_null(strstr(r.err, ": 0 errors, 4 warnings, names checked against "));
  assert_non_null(strstr(r.err, "support 'vay_von': the plan promises 100% of eligible households, but reaches 48 of 77"));
  kh_result_free(&r);
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "plan { id = \"t\", title = \"t\", unit = \"Thành phố Lào Cai\", year = 2021, "
                      "standard = \"vn-2016\" }\n"
                      "target \"g\" { households = 1, by_commune = { [\"Thống Nhát\"] = 1 } }\n");
  const char *bad[] = {"check", plan, "--db", kh_registry(), NULL};
  r = kh_run(bad);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:2: error: target 'g': 'Thống Nhát' is not a commune of "
                                "Thành phố Lào Cai (did you mean 'Thống Nhất'?)"));
  kh_result_free(&r);
  free(plan);
  free(dir);
}

/* --json: the messages and their counts on stdout, one JSON object and nothing else; the
** exit code as without it. --quiet: the errors only. */
static void check_json_prints_the_messages_and_counts_and_quiet_only_errors(void **state) {
  const char *args[] = {"check", PLAN_2021, "--json", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.counts.error')"), 0);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.counts.warning')"), 3);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_array_length(?1, '$.checks')"), 3);
  /* each message with its level, code, file and line: the cows at the support's line */
  assert_int_equal(kh_json_figure(r.out, "SELECT count(*) FROM json_each(?1, '$.checks') WHERE "
                                         "json_extract(value, '$.level') = 'warning' AND "
                                         "json_extract(value, '$.code') = 'units-households' AND "
                                         "json_extract(value, '$.file') = '" PLAN_2021 "' AND "
                                         "json_extract(value, '$.line') > 1 AND "
                                         "json_extract(value, '$.message') LIKE 'support ''bo_giong'': 10 households%'"),
                   1);
  kh_result_free(&r);
  const char *quiet[] = {"check", PLAN_2021, "--quiet", NULL};
  KH_ASSERT_SILENT(quiet); /* warnings only: nothing */
  /* a plan with an error: still exit 1, the error in the JSON and (alone) under --quiet */
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "plan { id = \"t\", title = \"t\", unit = \"U\", year = 2021, standard = \"vn-2016\" }\n"
                      "target \"g\" { households = 3, by_commune = { [\"A\"] = 1 } }\n");
  const char *bad[] = {"check", plan, "--json", NULL};
  r = kh_run(bad);
  assert_int_equal(r.code, 1);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.counts.error')"), 1);
  char *code = kh_json_text(r.out, "SELECT json_extract(value, '$.code') || ' at ' || json_extract(value, '$.line') "
                                   "FROM json_each(?1, '$.checks') WHERE json_extract(value, '$.level') = 'error'");
  assert_non_null(code);
  assert_string_equal(code, "target-communes at 2");
  free(code);
  kh_result_free(&r);
  const char *bad_quiet[] = {"check", plan, "--quiet", NULL};
  r = kh_run(bad_quiet);
  assert_int_equal(r.code, 1);
  assert_string_equal(r.out, "");
  assert_non_null(strstr(r.err, "plan.lua:2: error: target 'g': the communes add up to 1 household"));
  assert_null(strstr(r.err, "0 warnings"));
  kh_result_free(&r);
  free(plan);
  free(dir);
}

/* A cost the plan leaves to the registry (an allowance by person that states no persons):
** `kehoach check` alone says so; with --db, and in a run, which costs the line from the
** households it chooses, nothing is said. */
static void a_cost_left_to_the_registry_is_noted_by_check_without_it_only(void **state) {
  if (!kh_exists(kh_registry())) {
    fprintf(stderr, "NOTICE: %s does not exist: nothing is run\n", kh_registry());
    skip();
  }
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "plan { id = \"t\", title = \"t\", unit = \"Thành phố Lào Cai\", year = 2021, "
                      "standard = \"vn-2016\" }\n"
                      "source \"city\" { label = \"Ngân sách thành phố\" }\n"
                      "support \"tro_cap\" { label = \"Trợ cấp\", who = { status = \"poor\", unable_to_escape = true },\n"
                      "  amount = per_person_month(250000), months = \"01-12\", source = \"city\" }\n"
                      "budget { total = million(315), city = million(315) }\n");
  const char *noted = "info: budget: city cannot be costed without the registry (support 'tro_cap'";
  const char *alone[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, alone);
  assert_int_equal(r.code, 0);
  if (strstr(r.err, noted) == NULL) fail_msg("kehoach check: no \"%s\" in:\n%s", noted, r.err);
  kh_result_free(&r);
  const char *with_db[] = {"check", "plan.lua", "--db", kh_registry(), NULL};
  r = kh_run_in(dir, with_db);
  assert_int_equal(r.code, 0);
  assert_null(strstr(r.err, "cannot be costed"));
  kh_result_free(&r);
  const char *run[] = {"run", "plan.lua", "--db", kh_registry(), "--out", "out", NULL};
  r = kh_run_in(dir, run);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  assert_null(strstr(r.err, "cannot be costed"));
  char *summary = kh_path(dir, "out/t/summary.json");
  char *s = kh_read_file(summary);
  assert_non_null(s);
  assert_null(strstr(s, "budget-uncosted"));
  free(s);
  free(summary);
  kh_result_free(&r);
  free(plan);
  free(dir);
}

/* Sums of money never wrap round: a stated cost past what kehoach counts is an error at
** its line, and so is a cost the registry gives past it, in run and in check --db. */
static void money_too_large_to_count_is_a_plan_error(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  const char *head = "plan { id = \"t\", title = \"t\", unit = \"Thành phố Lào Cai\", year = 2021, "
                     "standard = \"vn-2016\" }\nsource \"city\" { label = \"NS\" }\n";
  char text[1024];
  snprintf(text, sizeof text, "%ssupport \"x\" { label = \"x\", who = { status = \"poor\" }, "
           "amount = per_household(1e15), households = 10000, source = \"city\" }\n", head);
  kh_write_file(plan, text);
  const char *chk[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, chk);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:3: support 'x': its stated cost is more than 1.000.000.000.000.000.000 đồng"));
  kh_result_free(&r);
  snprintf(text, sizeof text, "%ssupport \"x\" { label = \"x\", who = { status = \"non_poor\" }, "
           "amount = per_person_month(1e15), months = \"01-12\", source = \"city\" }\n", head);
  kh_write_file(plan, text);
  const char *run[] = {"run", "plan.lua", "--db", kh_registry(), "--out", "out", NULL};
  r = kh_run_in(dir, run);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:3: support 'x': its households in the registry cost more than "
                                "1.000.000.000.000.000.000 đồng"));
  kh_result_free(&r);
  /* each household's amount fits, and each commune's sum; the city's total does not
  ** (3,75 × 10^19: it wrapped round to 606.511.852.580.896.768 with exit 0, and check
  ** --db found nothing) */
  snprintf(text, sizeof text, "%ssupport \"x\" { label = \"x\", who = { status = { \"poor\", \"near_poor\", "
           "\"middle\", \"non_poor\" } }, amount = per_household(1e15), source = \"city\" }\n", head);
  kh_write_file(plan, text);
  const char *json[] = {"run", "plan.lua", "--db", kh_registry(), "--out", "out", "--json", NULL};
  const char *chk_db[] = {"check", "plan.lua", "--db", kh_registry(), NULL};
  const char **both[] = {json, chk_db};
  for (int i = 0; i < 2; i++) {
    r = kh_run_in(dir, both[i]);
    assert_int_equal(r.code, 1);
    assert_non_null(strstr(r.err, "plan.lua:3: support 'x': its households in the registry cost more than "
                                  "1.000.000.000.000.000.000 đồng, more than kehoach can count"));
    assert_null(strstr(r.out, "606511852580896768"));
    kh_result_free(&r);
  }
  free(plan);
  free(dir);
}

/* Every verb that evaluates a plan makes the checks that need no registry first: a
** budget line for a source the plan does not declare is reported (exit 1) before the
** registry is opened — even one that does not exist (exit 3 otherwise) — and before a
** household is read (the where function stops the run when it is called). */
static void the_checks_without_the_registry_come_before_it_in_every_verb(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "plan { id = \"t\", title = \"t\", unit = \"Thành phố Lào Cai\", year = 2021, "
                      "standard = \"vn-2016\" }\nsource \"city\" { label = \"NS\" }\n"
                      "support \"x\" { label = \"x\", amount = per_household(1000), source = \"city\",\n"
                      "  who = { status = \"poor\", where = function(h) error(\"a household was read\") end } }\n"
                      "budget { total = 1000, citty = 1000 }\n");
  const char *registries[] = {kh_registry(), "no-such-registry.db"};
  for (int i = 0; i < 2; i++) {
    const char *runs[][9] = {
        {"run", "plan.lua", "--db", registries[i], "--out", "out", NULL},
        {"doc", "plan.lua", "--db", registries[i], "--out", "out", NULL},
        {"explain", "plan.lua", "00101-00001", "--db", registries[i], NULL},
        {"test", "plan.lua", "--db", registries[i], NULL},
        {"compare", "plan.lua", "--budget", "cap", "--db", registries[i], "--out", "out"},
        {"sweep", "plan.lua", "--vary", "x.amount=1000:2000:1000", "--db", registries[i], "--out", "out"},
        {"progress", "plan.lua", "--as-of", "2021-06-30", "--db", registries[i], "--out", "out"},
    };
    for (size_t v = 0; v < sizeof runs / sizeof runs[0]; v++) {
      kh_result r = kh_run_in(dir, runs[v]);
      if (r.code != 1 || !strstr(r.err, "plan.lua:5: error: budget: ") || strstr(r.err, "a household was read"))
        fail_msg("%s with %s: exit %d, %s", runs[v][0], registries[i], r.code, r.err);
      kh_result_free(&r);
    }
  }
  char *results = kh_path(dir, "out/results.db");
  assert_int_equal(kh_exists(results), 0);
  free(results);
  free(plan);
  free(dir);
}

static void a_declaration_mistake_names_the_valid_fields(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "plan { id = \"t\", title = \"t\", unit = \"U\", year = 2021,\n"
                      "  standard = \"vn-2016\", yaer = 2021 }\n");
  const char *args[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:1: plan: unknown field 'yaer' (did you mean 'year'?); "
                                "the fields of plan are: id, title, unit, year, standard"));
  kh_result_free(&r);
  free(plan);
  free(dir);
}


/* ---- the 2021 run on the default registry -------------------------------------------------- */

typedef struct golden_run {
  char *dir;
  char *summary; /* summary.json's text */
  sqlite3 *db;   /* in memory, for json_extract */
} golden_run;

static int run_2021(void **state) {
  if (!kh_exists(kh_registry())) {
    fprintf(stderr, "NOTICE: %s does not exist (make data/registry.db): the golden run is skipped\n",
            kh_registry());
    *state = NULL;
    return 0;
  }
  golden_run *g = calloc(1, sizeof *g);
  g->dir = kh_tmpdir();
  char *results = kh_path(g->dir, "results.db");
  const char *args[] = {"run", PLAN_2021, "--db", kh_registry(), "--out", g->dir, "--results", results, NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) {
    fprintf(stderr, "kehoach run exited %d:\n%s\n", r.code, r.err);
    return -1;
  }
  kh_result_free(&r);
  char *path = kh_path(g->dir, "lao-cai-city-2021/summary.json");
  g->summary = kh_read_file(path);
  free(path);
  free(results);
  if (g->summary == NULL || sqlite3_open(":memory:", &g->db) != SQLITE_OK) return -1;
  *state = g;
  return 0;
}

static int free_run(void **state) {
  golden_run *g = *state;
  if (g) {
    sqlite3_close(g->db);
    free(g->summary);
    free(g->dir);
    free(g);
  }
  return 0;
}

/* The number the query gives, with ?1 bound to summary.json; -1 when it gives none. */
static long long figure(golden_run *g, const char *sql) {
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_prepare_v2(g->db, sql, -1, &st, NULL) != SQLITE_OK)
    fail_msg("bad query: %s: %s", sql, sqlite3_errmsg(g->db));
  sqlite3_bind_text(st, 1, g->summary, -1, SQLITE_STATIC);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* A programme's field, or one commune's field with commune given. */
static long long programme(golden_run *g, const char *id, const char *commune, const char *field) {
  char sql[512];
  if (commune)
    snprintf(sql, sizeof sql, "SELECT json_extract(value, '$.by_commune.\"%s\".%s') FROM "
             "json_each(?1, '$.programmes') WHERE json_extract(value, '$.id') = '%s'", commune, field, id);
  else
    snprintf(sql, sizeof sql, "SELECT json_extract(value, '$.%s') FROM json_each(?1, '$.programmes') "
             "WHERE json_extract(value, '$.id') = '%s'", field, id);
  return figure(g, sql);
}

static long long source(golden_run *g, const char *id, const char *field) {
  char sql[512];
  snprintf(sql, sizeof sql, "SELECT json_extract(value, '$.%s') FROM json_each(?1, '$.budget.sources') "
           "WHERE json_extract(value, '$.id') = '%s'", field, id);
  return figure(g, sql);
}

#define NEED_RUN(g) do { if ((g) == NULL) { skip(); return; } } while (0)

static void the_allowance_reaches_57_households_105_persons_for_315_million(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  assert_int_equal(programme(g, "tro_cap", NULL, "households"), 57);
  assert_int_equal(programme(g, "tro_cap", NULL, "persons"), 105);
  assert_int_equal(programme(g, "tro_cap", NULL, "cost"), 315000000);
  assert_int_equal(source(g, "ngan_sach_thanh_pho", "computed"), 315000000);
}

static void the_quota_programmes_reach_their_households_commune_by_commune(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  static const struct { const char *id, *commune; long long households; } quotas[] = {
      {"dao_tao_nghe", NULL, 16}, {"dao_tao_nghe", "Tả Phời", 14}, {"dao_tao_nghe", "Thống Nhất", 1},
      {"dao_tao_nghe", "Nam Cường", 1},
      {"vay_von", NULL, 48}, {"vay_von", "Thống Nhất", 39}, {"vay_von", "Tả Phời", 9},
      {"bo_giong", NULL, 10}, {"bo_giong", "Hợp Thành", 6}, {"bo_giong", "Cốc San", 2},
      {"bo_giong", "Tả Phời", 1}, {"bo_giong", "Vạn Hòa", 1},
      {"nha_o", NULL, 32}, {"nha_o", "Tả Phời", 7}, {"nha_o", "Cốc San", 4},
      {"nha_o", "Thống Nhất", 14}, {"nha_o", "Hợp Thành", 7},
  };
  for (size_t i = 0; i < sizeof quotas / sizeof quotas[0]; i++) {
    long long got = programme(g, quotas[i].id, quotas[i].commune, "households");
    if (got != quotas[i].households)
      fail_msg("%s %s: %lld households, expected %lld", quotas[i].id,
               quotas[i].commune ? quotas[i].commune : "(all)", got, quotas[i].households);
  }
  assert_int_equal(programme(g, "bo_giong", NULL, "units"), 80);
}

static void the_costs_by_source_add_up_to_5723_million(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  assert_int_equal(programme(g, "dao_tao_nghe", NULL, "cost"), 48000000);
  assert_int_equal(programme(g, "bo_giong", NULL, "cost"), 2000000000);
  assert_int_equal(source(g, "ngan_sach_tinh", "computed"), 2048000000);
  assert_int_equal(source(g, "xa_hoi_hoa", "computed"), 960000000);
  assert_int_equal(source(g, "von_vay", "computed"), 2400000000);
  assert_int_equal(figure(g, "SELECT json_extract(?1, '$.budget.total_computed')"), 5723000000);
  assert_int_equal(figure(g, "SELECT json_extract(?1, '$.budget.total_declared')"), 5723000000);
  assert_int_equal(programme(g, "bhyt", NULL, "cost"), 0);
}

static void the_target_and_its_rate_match_the_registry(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  assert_int_equal(figure(g, "SELECT json_extract(?1, '$.targets[0].households')"), 90);
  /* 90 ÷ the city's households, in hundredths of a point */
  assert_int_equal(figure(g, "SELECT round(json_extract(?1, '$.targets[0].rate_computed') * 100)"), 24);
  assert_int_equal(figure(g, "SELECT json_extract(?1, '$.targets[0].by_quarter.Q4')"), 60);
  assert_int_equal(figure(g, "SELECT json_extract(?1, '$.targets[0].by_commune.\"Thống Nhất\"')"), 40);
  assert_int_equal(figure(g, "SELECT count(*) FROM json_each(?1, '$.checks') "
                             "WHERE json_extract(value, '$.code') IN ('rate', 'quota-shortfall') "
                             "OR json_extract(value, '$.level') = 'error'"), 0);
  assert_int_equal(figure(g, "SELECT count(*) FROM json_each(?1, '$.checks') "
                             "WHERE json_extract(value, '$.code') IN ('units-households', 'schedule')"), 2);
  assert_int_equal(figure(g, "SELECT count(*) FROM json_each(?1, '$.reports') WHERE "
                             "json_extract(value, '$.due') IN ('2021-06-05', '2021-12-05')"), 2);
}

/* The number the query gives on db; -1 when it gives none. */
static long long count_on(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) fail_msg("bad query: %s: %s", sql, sqlite3_errmsg(db));
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* SQLite's shell, for the hand-written floor: /usr/bin/sqlite3, or NULL (the test is then
** skipped: apt-get install sqlite3). */
static const char *sqlite3_shell(void) {
  return access("/usr/bin/sqlite3", X_OK) == 0 ? "/usr/bin/sqlite3" : NULL;
}

/* The floor scripts/bench.sh sets the run's time against (scripts/bench/plan-2021.sql, plain
** SQL in SQLite's shell) computes what the run computes: each of its figures equals the
** run's figure at the same path, its allocations are the run's row for row in the run's
** order (household, rank, status, units, amount...), its projection escapes the same
** households in the same quarters, and its allocations.csv holds the run's rows. */
static void a_hand_written_sql_floor_computes_what_the_run_computes(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  const char *shell = sqlite3_shell();
  if (shell == NULL) {
    fprintf(stderr, "SKIPPED: no sqlite3 shell (apt-get install sqlite3): the floor is not checked\n");
    skip();
  }
  char here[2048], script[4096], registry[4096], attach[4200];
  if (getcwd(here, sizeof here) == NULL) fail_msg("getcwd");
  snprintf(script, sizeof script, ".read %s/scripts/bench/plan-2021.sql", here);
  if (kh_registry()[0] == '/') snprintf(registry, sizeof registry, "%s", kh_registry());
  else snprintf(registry, sizeof registry, "%s/%s", here, kh_registry());
  snprintf(attach, sizeof attach, "ATTACH 'file:%s?mode=ro' AS reg", registry);
  char *floor_dir = kh_path(g->dir, "floor");
  mkdir(floor_dir, 0700);
  const char *argv[] = {shell, "-bail", "floor.db", "-cmd", attach, script, NULL};
  kh_result r = kh_exec(floor_dir, argv, 0);
  if (r.code != 0) fail_msg("sqlite3 exited %d:\n%s", r.code, r.err);
  kh_result_free(&r);

  char *path = kh_path(floor_dir, "floor.db");
  char *results = kh_path(g->dir, "results.db");
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  char *sql = sqlite3_mprintf("ATTACH %Q AS run", results);
  assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_free(sql);
  /* every figure there is in both, and the floor computes most of the summary's */
  assert_true(count_on(db, "SELECT count(*) FROM figures") > 700);
  long long differ = count_on(db, "SELECT count(*) FROM figures f LEFT JOIN run.figures x "
                                  "ON x.run = 1 AND x.path = f.path WHERE x.value IS NOT f.value");
  if (differ != 0) {
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db, "SELECT f.path, f.value, x.value FROM figures f LEFT JOIN run.figures x "
                       "ON x.run = 1 AND x.path = f.path WHERE x.value IS NOT f.value LIMIT 1", -1, &st, NULL);
    sqlite3_step(st);
    fail_msg("%lld figures differ, such as %s: %s by the floor, %s by the run", differ,
             (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1),
             (const char *)sqlite3_column_text(st, 2));
  }
  /* the allocations, in order */
  static const char cols[] = "programme, unit, commune, household, head, persons, income, deprivations, rank, "
                             "status, units, amount, need, source, period";
  sql = sqlite3_mprintf("SELECT count(*) FROM (SELECT row_number() OVER (ORDER BY rowid), %s FROM main.allocations "
                        "EXCEPT SELECT row_number() OVER (ORDER BY rowid), %s FROM run.allocations WHERE run = 1)",
                        cols, cols);
  assert_int_equal(count_on(db, sql), 0);
  sqlite3_free(sql);
  assert_int_equal(count_on(db, "SELECT count(*) FROM main.allocations"),
                   count_on(db, "SELECT count(*) FROM run.allocations WHERE run = 1"));
  assert_true(count_on(db, "SELECT count(*) FROM main.allocations") > 2000);
  /* the projection, household by household */
  assert_int_equal(count_on(db, "SELECT count(*) FROM (SELECT household, escaped FROM main.projected_households "
                                "EXCEPT SELECT household, escaped FROM run.projected_households WHERE run = 1)"), 0);
  assert_int_equal(count_on(db, "SELECT count(*) FROM main.projected_households"),
                   count_on(db, "SELECT count(*) FROM run.projected_households WHERE run = 1"));
  sqlite3_close(db);

  /* allocations.csv, read back by the shell (CSV quoting may differ, never a value) */
  char *run_csv = kh_path(g->dir, "lao-cai-city-2021/allocations.csv");
  char *import_run = sqlite3_mprintf(".import --csv %s run", run_csv);
  const char *cmp[] = {shell, "-bail", "csv.db", import_run, ".import --csv allocations.csv floor",
                       "SELECT (SELECT count(*) FROM (SELECT * FROM run EXCEPT SELECT * FROM floor)) + "
                       "(SELECT count(*) FROM (SELECT * FROM floor EXCEPT SELECT * FROM run)), "
                       "(SELECT count(*) FROM run) = (SELECT count(*) FROM floor)",
                       NULL};
  r = kh_exec(floor_dir, cmp, 0);
  if (r.code != 0) fail_msg("sqlite3 exited %d:\n%s", r.code, r.err);
  assert_string_equal(r.out, "0|1\n");
  kh_result_free(&r);
  sqlite3_free(import_run);
  free(run_csv), free(results), free(path), free(floor_dir);
}

static void explain_tells_a_chosen_household_why_and_how_much(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  /* the first household of the allowance's list, from allocations.csv */
  char *path = kh_path(g->dir, "lao-cai-city-2021/allocations.csv");
  char *csv = kh_read_file(path);
  assert_non_null(csv);
  char *row = strstr(csv, "\ntro_cap,");
  assert_non_null(row);
  char code[64];
  assert_int_equal(sscanf(row, "\ntro_cap,%*[^,],%63[^,],", code), 1);
  const char *args[] = {"explain", PLAN_2021, code, "--db", kh_registry(), NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  char header[128];
  snprintf(header, sizeof header, "Hộ %s — chủ hộ ", code);
  assert_non_null(strstr(r.out, header));
  const char *allowance = strstr(r.out, "(tro_cap)\n");
  assert_non_null(allowance);
  assert_non_null(strstr(allowance, "[đạt]       Hộ nghèo không có khả năng thoát nghèo: có (điều kiện: có)"));
  assert_non_null(strstr(allowance, "→ Được hỗ trợ: 250.000 đồng/khẩu/tháng × "));
  kh_result_free(&r);
  const char *unknown[] = {"explain", PLAN_2021, "00000-00000", "--db", kh_registry(), NULL};
  r = kh_run(unknown);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "household 00000-00000 is not in the registry"));
  kh_result_free(&r);
  free(csv);
  free(path);
}

/* explain --json: the same explanation, programme by programme, as one JSON object. */
static void explain_json_gives_each_programmes_conditions_and_outcome(void **state) {
  golden_run *g = *state;
  NEED_RUN(g);
  char *path = kh_path(g->dir, "lao-cai-city-2021/allocations.csv");
  char *csv = kh_read_file(path);
  assert_non_null(csv);
  char code[64];
  long long persons = 0;
  char *row = strstr(csv, "\ntro_cap,");
  assert_non_null(row);
  assert_int_equal(sscanf(row, "\ntro_cap,%*[^,],%63[^,],%*[^,],%lld,", code, &persons), 2);
  const char *args[] = {"explain", PLAN_2021, code, "--db", kh_registry(), "--json", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  if (!kh_json_object(r.out)) fail_msg("not one JSON object on stdout:\n%s", r.out);
  char *got = kh_json_text(r.out, "SELECT json_extract(?1, '$.household.code')");
  assert_string_equal(got, code);
  free(got);
  assert_int_equal(kh_json_figure(r.out, "SELECT json_array_length(?1, '$.programmes')"), 6);
  const char *tro_cap = "SELECT json_extract(value, '$.%s') FROM json_each(?1, '$.programmes') "
                        "WHERE json_extract(value, '$.id') = 'tro_cap'";
  char sql[512];
  snprintf(sql, sizeof sql, tro_cap, "outcome");
  got = kh_json_text(r.out, sql);
  assert_string_equal(got, "chosen");
  free(got);
  /* 250.000 đồng a person a month, for 12 months */
  assert_int_equal(kh_json_figure(r.out, "SELECT json_extract(?1, '$.household.persons')"), persons);
  snprintf(sql, sizeof sql, tro_cap, "amount");
  assert_int_equal(kh_json_figure(r.out, sql), 250000LL * 12 * persons);
  assert_int_equal(kh_json_figure(r.out, "SELECT count(*) FROM json_each(?1, '$.programmes') p, "
                                         "json_each(p.value, '$.conditions') c WHERE json_extract(p.value, '$.id') = "
                                         "'tro_cap' AND json_extract(c.value, '$.held') = 1 AND "
                                         "json_extract(c.value, '$.label') = 'Hộ nghèo không có khả năng thoát nghèo'"),
                   1);
  kh_result_free(&r);
  const char *quiet[] = {"explain", PLAN_2021, code, "--db", kh_registry(), "--quiet", NULL};
  KH_ASSERT_SILENT(quiet);
  free(csv);
  free(path);
}

/* explain takes the run's --set, --scenario and --budget: a household --budget cap left
** unfunded hears why, and under prorate what it gets instead. */
static void explain_follows_the_budget_mode_of_a_what_if(void **state) {
  char *dir = kh_tmpdir();
  char *results = kh_path(dir, "results.db");
  const char *run[] = {"run", PLAN_2021, "--db", kh_registry(), "--out", dir, "--results", results,
                       "--set", "tro_cap.amount=300000", "--budget", "cap", "--quiet", NULL};
  kh_result r = kh_run(run);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  char *path = kh_path(dir, "lao-cai-city-2021/set+budget-cap/allocations.csv");
  char *csv = kh_read_file(path);
  assert_non_null(csv);
  char code[64];
  const char *row = strstr(csv, ",unfunded,");
  assert_non_null(row);
  while (row > csv && row[-1] != '\n') row--;
  assert_int_equal(sscanf(row, "tro_cap,%*[^,],%63[^,],", code), 1);
  const char *cap[] = {"explain", PLAN_2021, code, "--db", kh_registry(), "--set", "tro_cap.amount=300000",
                       "--budget", "cap", NULL};
  r = kh_run(cap);
  assert_int_equal(r.code, 0);
  if (strstr(r.out, "→ Được chọn nhưng chưa được cấp kinh phí: Ngân sách thành phố đã hết trước hộ này") == NULL)
    fail_msg("%s", r.out);
  kh_result_free(&r);
  const char *prorate[] = {"explain", PLAN_2021, code, "--db", kh_registry(), "--set", "tro_cap.amount=300000",
                           "--budget", "prorate", NULL};
  r = kh_run(prorate);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "giảm theo tỷ lệ còn"));
  kh_result_free(&r);
  const char *json[] = {"explain", PLAN_2021, code, "--db", kh_registry(), "--set", "tro_cap.amount=300000",
                        "--budget", "cap", "--json", NULL};
  r = kh_run(json);
  assert_int_equal(r.code, 0);
  char *got = kh_json_text(r.out, "SELECT json_extract(value, '$.outcome') FROM json_each(?1, '$.programmes') "
                                  "WHERE json_extract(value, '$.id') = 'tro_cap'");
  assert_string_equal(got, "unfunded");
  free(got);
  kh_result_free(&r);
  free(csv), free(path), free(results), free(dir);
}

int main(void) {
  const struct CMUnitTest golden[] = {
      cmocka_unit_test(the_allowance_reaches_57_households_105_persons_for_315_million),
      cmocka_unit_test(the_quota_programmes_reach_their_households_commune_by_commune),
      cmocka_unit_test(the_costs_by_source_add_up_to_5723_million),
      cmocka_unit_test(the_target_and_its_rate_match_the_registry),
      cmocka_unit_test(a_hand_written_sql_floor_computes_what_the_run_computes),
      cmocka_unit_test(explain_tells_a_chosen_household_why_and_how_much),
      cmocka_unit_test(explain_json_gives_each_programmes_conditions_and_outcome),
      cmocka_unit_test(explain_follows_the_budget_mode_of_a_what_if),
  };
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(check_2021_reports_the_seeds_slips_as_warnings),
      cmocka_unit_test(check_reports_mistakes_at_their_line_and_exits_1),
      cmocka_unit_test(a_declaration_mistake_names_the_valid_fields),
      cmocka_unit_test(check_with_a_registry_checks_commune_names),
      cmocka_unit_test(check_json_prints_the_messages_and_counts_and_quiet_only_errors),
      cmocka_unit_test(a_cost_left_to_the_registry_is_noted_by_check_without_it_only),
      cmocka_unit_test(money_too_large_to_count_is_a_plan_error),
      cmocka_unit_test(the_checks_without_the_registry_come_before_it_in_every_verb),
  };
  int failed = cmocka_run_group_tests_name("kehoach plans on the command line", tests, NULL, NULL);
  failed += cmocka_run_group_tests_name("the 2021 plan on the default registry", golden, run_2021, free_run);
  return kh_finish(failed);
}
