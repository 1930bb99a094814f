/*
** test_sandbox.c — sandbox.c from C: the memory limit and the allocation counter, failed
** allocations injected one by one, the instruction budget that pcall cannot swallow, and
** the stdlib environment's strictness.
*/
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <lauxlib.h>

#include "harness.h"
#include "sandbox_fixture.h"

static sandbox *make(size_t memory, long long instructions) { return kh_sandbox(memory, instructions); }

static int run_named(sandbox *sb, const char *code, const char *chunkname, kh_error *err) {
  return kh_lua_named(sb, code, chunkname, NULL, err);
}

static int run(sandbox *sb, const char *code, kh_error *err) { return kh_lua(sb, code, err); }

static void memory_is_counted_and_returned(void **state) {
  sandbox *sb = make(0, 0);
  kh_error err;
  size_t before = sandbox_memory_used(sb);
  assert_int_equal(sandbox_memory_limit(sb), SANDBOX_DEFAULT_MEMORY);
  assert_int_equal(run(sb, "local s = string.rep('x', 10000000) KEEP = nil", &err), KH_EPLAN);
  /* the error was the strict environment refusing KEEP; the string is garbage now */
  lua_gc(sandbox_lua(sb), LUA_GCCOLLECT);
  assert_true(sandbox_memory_used(sb) < before + 1000000);
  sandbox_free(sb);
}

static void the_memory_limit_stops_growth(void **state) {
  sandbox *sb = make(8 << 20, 0);
  kh_error err;
  assert_int_equal(run(sb, "local t = {} for i = 1, 1e7 do t[i] = i end", &err), KH_ELIMIT);
  assert_non_null(strstr(err.msg, "needed more memory than allowed (8 MiB"));
  /* the state is still usable afterwards */
  assert_int_equal(run(sb, "local t = {} for i = 1, 1000 do t[i] = i end", &err), KH_OK);
  sandbox_free(sb);
}

static void every_failed_allocation_ends_cleanly(void **state) {
  const char *code = "local t = {} for i = 1, 200 do t[i] = tostring(i) .. 'x' end "
                     "local s = table.concat(t, ',') assert(#s > 100)";
  int completed = 0;
  for (long n = 1; n < 2000 && !completed; n++) {
    sandbox *sb = make(0, 0);
    kh_error err;
    sandbox_fail_allocation(sb, n);
    int rc = run(sb, code, &err);
    if (rc == KH_OK) completed = 1;
    else assert_int_equal(rc, KH_ELIMIT);
    sandbox_free(sb); /* under ASan: no leak, no use after free */
  }
  assert_true(completed);
}

static void pcall_cannot_swallow_the_instruction_limit(void **state) {
  sandbox *sb = make(0, 1000000);
  kh_error err;
  int rc = run(sb, "for i = 1, 100 do pcall(function() while true do end end) end "
                   "local n = 0 for i = 1, 10 do n = n + i end", &err);
  assert_int_equal(rc, KH_ELIMIT);
  assert_non_null(strstr(err.msg, "ran too long"));
  /* once hit, the budget cannot be renewed */
  assert_int_equal(sandbox_budget(sb, 0), 0);
  sandbox_free(sb);
}

static void only_plan_code_is_charged(void **state) {
  const char *loop = "local n = 0 for i = 1, 2000000 do n = n + i end";
  kh_error err;
  sandbox *sb = make(0, 1000000);
  /* the stdlib's own work (a long list written out) runs on... */
  assert_int_equal(run_named(sb, loop, "@stdlib/kehoach/writer.lua", &err), KH_OK);
  /* ...the same loop in a plan is stopped */
  assert_int_equal(run_named(sb, loop, "@plans/x.lua", &err), KH_ELIMIT);
  assert_non_null(strstr(err.msg, "ran too long"));
  sandbox_free(sb);
}

/* The stdlib is what its own require loaded: code loaded under a stdlib name is charged,
** and its errors are not called the engine's; an error at a stdlib line still is. */
static void a_chunk_name_does_not_make_code_the_stdlibs(void **state) {
  kh_error err;
  sandbox *sb = make(0, 1000000);
  assert_int_equal(run(sb, "load('local n = 0 for i = 1, 2000000 do n = n + i end', "
                           "'@stdlib/kehoach/writer.lua')()", &err), KH_ELIMIT);
  assert_non_null(strstr(err.msg, "ran too long"));
  sandbox_free(sb);
  sb = make(0, 0);
  assert_int_equal(run(sb, "load('local x = nil + 1', '@stdlib/kehoach/util.lua')()", &err), KH_EPLAN);
  assert_non_null(strstr(err.msg, "./stdlib/kehoach/util.lua:1: attempt to perform arithmetic"));
  assert_int_equal(run(sb, "load('local x = nil + 1', '=stdlib/kehoach/util.lua')()", &err), KH_EPLAN);
  assert_int_equal(run_named(sb, "local x = nil + 1", "@stdlib/kehoach/util.lua", &err), KH_EINTERNAL);
  assert_non_null(strstr(err.msg, "this is a bug in kehoach"));
  sandbox_free(sb);
}

static void a_new_window_renews_the_budget(void **state) {
  sandbox *sb = make(0, 3000000);
  kh_error err;
  for (int i = 0; i < 5; i++) {
    assert_int_equal(sandbox_budget(sb, 0), 1);
    assert_int_equal(run(sb, "local n = 0 for i = 1, 500000 do n = n + i end", &err), KH_OK);
  }
  sandbox_free(sb);
}

static void the_stdlib_environment_is_strict(void **state) {
  sandbox *sb = make(0, 0);
  kh_error err;
  assert_int_equal(run(sb, "leaked = 1", &err), KH_EPLAN);
  assert_non_null(strstr(err.msg, "assigned the global 'leaked'"));
  assert_int_equal(run(sb, "local x = undefined_name", &err), KH_EPLAN);
  assert_non_null(strstr(err.msg, "unknown global 'undefined_name'"));
  assert_int_equal(run(sb, "assert(type(core.store.open) == 'function')", &err), KH_OK);
  assert_int_equal(run(sb, "assert(getmetatable('') == false)", &err), KH_OK);
  sandbox_free(sb);
}

static void structured_errors_carry_their_kind(void **state) {
  sandbox *sb = make(0, 0);
  kh_error err;
  assert_int_equal(run(sb, "core.host.fail('data', 'reg.db: broken')", &err), KH_EDATA);
  assert_string_equal(err.msg, "reg.db: broken");
  assert_int_equal(run(sb, "core.host.fail('output', 'out/: full')", &err), KH_EOUTPUT);
  sandbox_free(sb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(memory_is_counted_and_returned),
      cmocka_unit_test(the_memory_limit_stops_growth),
      cmocka_unit_test(every_failed_allocation_ends_cleanly),
      cmocka_unit_test(pcall_cannot_swallow_the_instruction_limit),
      cmocka_unit_test(only_plan_code_is_charged),
      cmocka_unit_test(a_chunk_name_does_not_make_code_the_stdlibs),
      cmocka_unit_test(a_new_window_renews_the_budget),
      cmocka_unit_test(the_stdlib_environment_is_strict),
      cmocka_unit_test(structured_errors_carry_their_kind),
  };
  return cmocka_run_group_tests_name("sandbox", tests, NULL, NULL);
}
