/*
** test_plan_cli.c — the plan language as an officer meets it on the command line:
** `kehoach check` on the 2021 plan (the seed's slips as warnings, exit 0) and on plans
** with mistakes (file:line: error:, exit 1).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

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
       "error: target 'g': the communes add up to 1 households, not the 3 stated"},
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(check_2021_reports_the_seeds_slips_as_warnings),
      cmocka_unit_test(check_reports_mistakes_at_their_line_and_exits_1),
      cmocka_unit_test(a_declaration_mistake_names_the_valid_fields),
  };
  return cmocka_run_group_tests_name("kehoach plans on the command line", tests, NULL, NULL);
}
