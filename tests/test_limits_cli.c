/*
** test_limits_cli.c — inputs at the edges of what kehoach can hold, each once a crash
** ("a bug in kehoach", exit 70): a household's amount past what kehoach counts, text longer
** than a spreadsheet cell holds, selectors too deep or too long for SQLite, and a field of
** a CSV file larger than memory allows. Each is refused or handled in plain words naming
** the plan line, the file, row and column, with the exit code of its kind.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define HEAD                                                                                 \
  "plan { id = \"t\", title = \"t\", unit = \"Thành phố Lào Cai\", year = 2021, "             \
  "standard = \"vn-2016\" }\nsource \"city\" { label = \"NS\" }\n"

/* Writes source as plan.lua in a new folder and runs args there (the plan is "plan.lua");
** the caller frees the result. */
static kh_result run_plan_text(const char *source, const char *const args[], char **dir_out) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, source);
  kh_result r = kh_run_in(dir, args);
  free(plan);
  if (dir_out) *dir_out = dir;
  else free(dir);
  return r;
}

static void assert_no_bug(const kh_result *r) {
  if (r->code == 70 || strstr(r->err, "a bug in kehoach")) fail_msg("exit %d:\n%s", r->code, r->err);
}

/* Runs `check` and `run` (on the default registry) on the plan source: each ends with
** exit code, and its message holds `where` and `message` when given; never a bug, never SQL. */
static void assert_check_and_run(const char *source, int code, const char *where, const char *message) {
  const char *chk[] = {"check", "plan.lua", NULL};
  const char *run[] = {"run", "plan.lua", "--db", kh_registry(), "--out", "out", NULL};
  const char *const *cmds[] = {chk, run};
  for (int c = 0; c < 2; c++) {
    kh_result r = run_plan_text(source, cmds[c], NULL);
    assert_no_bug(&r);
    if (r.code != code || strstr(r.err, "SELECT") || strstr(r.err, "INSERT") ||
        (where && !strstr(r.err, where)) || (message && !strstr(r.err, message)))
      fail_msg("%s: exit %d:\n%.2000s", cmds[c][0], r.code, r.err);
    kh_result_free(&r);
  }
}

/* per_unit(10^15) for a thousand million units a household: what one household gets
** cannot be counted; an error at the support's line in check and in run. */
static void a_households_amount_past_counting_is_a_plan_error(void **state) {
  assert_check_and_run(HEAD "support \"bo\" { label = \"bò\", who = { status = \"poor\" }, source = \"city\",\n"
                            "  amount = per_unit(10^15, \"con bò\"), units_per_household = 1000000000 }\n",
                       1, "plan.lua:3: support 'bo': ", "what one household gets is more than");
}

/* A registry with one commune and one household whose head is `head`, made by db import
** from CSV files written in a new folder; returns the result (the caller frees it). */
static kh_result import_head(const char *head) {
  char *dir = kh_tmpdir();
  char *units = kh_path(dir, "units.csv"), *households = kh_path(dir, "households.csv");
  char *db = kh_path(dir, "registry.db");
  kh_write_file(units, "code,name,level,kind,parent,urban,difficult\n10,Lào Cai,province,tỉnh,,0,0\n"
                       "088,Thị xã Sa Pa,district,thị xã,10,0,0\n02893,Sa Pa,commune,phường,088,1,0\n");
  FILE *f = fopen(households, "wb");
  assert_non_null(f);
  fputs("id,code,unit,village,head,ethnic_minority\n1,02893-00001,02893,Tổ 6,", f);
  fputs(head, f);
  fputs(",0\n", f);
  assert_int_equal(fclose(f), 0);
  const char *args[] = {"db", "import", dir, "--db", db, NULL};
  kh_result r = kh_run(args);
  free(db), free(households), free(units), free(dir);
  return r;
}

/* Text longer than a spreadsheet cell holds (32.767 characters) cannot reach report.xlsx:
** a plan's is refused at its line, a CSV file's at its file, row and column; and a value
** of 100 MB (a quote left open) is refused as soon as it passes that, not read whole. */
static void text_longer_than_a_cell_is_refused_where_it_comes_in(void **state) {
  size_t n = 40000 * strlen("ồ");
  char *long_text = malloc(n + 1);
  for (size_t i = 0; i < n; i += strlen("ồ")) memcpy(long_text + i, "ồ", strlen("ồ"));
  long_text[n] = '\0';
  char *source = malloc(n + 1024);
  snprintf(source, n + 1024, HEAD "support \"x\" { label = \"%s\", who = { status = \"poor\" },\n"
           "  amount = per_household(1000), source = \"city\" }\n", long_text);
  const char *chk[] = {"check", "plan.lua", NULL};
  kh_result r = run_plan_text(source, chk, NULL);
  assert_no_bug(&r);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:3: support \"x\": field 'label' must be text of at most 32.767 characters"));
  kh_result_free(&r);
  free(source);

  r = import_head(long_text);
  assert_no_bug(&r);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "households.csv: row 2, column head: a value longer than 32.767 characters"));
  assert_true(strlen(r.err) < 1000); /* the value is not echoed */
  kh_result_free(&r);
  free(long_text);

  size_t big = 100u << 20;
  char *huge = malloc(big + 1);
  memset(huge, 'x', big);
  huge[big] = '\0';
  r = import_head(huge);
  assert_no_bug(&r);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "households.csv: row 2, column head: a value longer than 32.767 characters"));
  assert_null(strstr(r.err, "more memory"));
  kh_result_free(&r);
  free(huge);
}

/* Selectors SQLite cannot parse (40 any's deep: "parser stack overflow"; 1.200 alternatives:
** "expression tree is too large") are refused by check at their line, in plain words, and
** no SQL reaches the user; 5 deep with 100 alternatives each still runs. */
static void selectors_sqlite_cannot_parse_are_refused_by_check(void **state) {
  char deep[2048] = "";
  for (int i = 0; i < 40; i++) strcat(deep, "{ any = { ");
  strcat(deep, "{ status = \"poor\" }");
  for (int i = 0; i < 40; i++) strcat(deep, " } }");
  const char *pre_wide = "local alts = {}\nfor j = 1, 1200 do alts[j] = { persons = { min = j % 20 } } end\n";
  const char *pre_ok = "local function level(inner)\n  local t = {}\n"
                       "  for j = 1, 99 do t[j] = { persons = { min = j } } end\n"
                       "  t[100] = inner\n  return { any = t }\nend\n"
                       "local w = { status = \"poor\" }\nfor i = 1, 5 do w = level(w) end\n";
  struct { const char *pre, *who, *message; int line; } cases[] = {
      {"", deep, "who.any is inside too many other any's; at most 5", 3},
      {pre_wide, "{ any = alts }", "who.any lists 1200 selectors; at most 5 any's one inside another, 100 selectors", 5},
      {pre_ok, "w", NULL, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char source[8192], where[64];
    snprintf(source, sizeof source, HEAD "%ssupport \"x\" { label = \"x\", who = %s,\n"
             "  amount = per_household(1000), source = \"city\" }\n", cases[i].pre, cases[i].who);
    snprintf(where, sizeof where, "plan.lua:%d: support \"x\": ", cases[i].line);
    assert_check_and_run(source, cases[i].message ? 1 : 0, cases[i].message ? where : NULL, cases[i].message);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_households_amount_past_counting_is_a_plan_error),
      cmocka_unit_test(text_longer_than_a_cell_is_refused_where_it_comes_in),
      cmocka_unit_test(selectors_sqlite_cannot_parse_are_refused_by_check),
  };
  return kh_finish(cmocka_run_group_tests_name("inputs at kehoach's limits", tests, NULL, NULL));
}
