/*
** test_lua.c — runs the Lua tests (tests/lua/test_*.lua) through the engine's sandbox,
** one cmocka test per test function, one group per file.
**
** A test file runs with the stdlib's environment (it can use core and require stdlib
** modules), receives the helpers of tests/lua/expect.lua as its argument, and returns a
** table of functions whose names start with "test". Each test gets a fresh sandbox.
**
** Usage: test_lua [FILE...]   (default: every tests/lua/test_*.lua)
*/
#include <dirent.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>

#include "harness.h"
#include "sandbox.h"

#define TEST_DIR "tests/lua"
#define EXPECT_FILE TEST_DIR "/expect.lua"

typedef struct lua_test {
  const char *file;
  char *name;
} lua_test;

static char stdlib_dir[PATH_MAX];

/* Protected helper: [path, env, arg] -> the file loaded with env, called with arg. */
static int load_file(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  sandbox_loadfile(L, path, path, 2);
  lua_pushvalue(L, 3);
  lua_call(L, 1, 1);
  return 1;
}

static sandbox *new_sandbox(void) {
  kh_error err;
  sandbox *sb = sandbox_new(NULL, stdlib_dir, &err);
  if (sb == NULL) {
    fprintf(stderr, "cannot make a sandbox: %s\n", err.msg);
    exit(1);
  }
  return sb;
}

/* Pushes the module a test file returns. Returns an exit code; err says why. */
static int push_test_module(sandbox *sb, const char *file, kh_error *err) {
  lua_State *L = sandbox_lua(sb);
  lua_pushcfunction(L, load_file);
  lua_pushliteral(L, EXPECT_FILE);
  sandbox_push_stdlib_env(L);
  lua_pushnil(L);
  int code = sandbox_call(sb, 3, 1, err);
  if (code != 0) return code;
  int expect = lua_gettop(L);
  lua_pushcfunction(L, load_file);
  lua_pushstring(L, file);
  sandbox_push_stdlib_env(L);
  lua_pushvalue(L, expect);
  code = sandbox_call(sb, 3, 1, err);
  if (code == 0) lua_remove(L, expect);
  return code;
}

static void run_one(void **state) {
  const lua_test *t = *state;
  static char msg[sizeof ((kh_error *)0)->msg];
  sandbox *sb = new_sandbox();
  kh_error err;
  int code = push_test_module(sb, t->file, &err);
  if (code == 0) {
    lua_getfield(sandbox_lua(sb), -1, t->name);
    code = sandbox_call(sb, 0, 0, &err);
  }
  snprintf(msg, sizeof msg, "%s", err.msg);
  sandbox_free(sb);
  if (code != 0) fail_msg("%s (exit code %d)", msg, code);
}

static int compare_names(const void *a, const void *b) {
  return strcmp(((const lua_test *)a)->name, ((const lua_test *)b)->name);
}

/* Runs the tests of one file as a cmocka group; returns the number that failed. */
static int run_file(const char *file) {
  sandbox *sb = new_sandbox();
  lua_State *L = sandbox_lua(sb);
  kh_error err;
  if (push_test_module(sb, file, &err) != 0 || !lua_istable(L, -1)) {
    fprintf(stderr, "%s: cannot load the tests: %s\n", file, err.msg);
    sandbox_free(sb);
    return 1;
  }
  size_t count = 0, cap = 16;
  lua_test *tests = calloc(cap, sizeof *tests);
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    if (lua_type(L, -2) == LUA_TSTRING && lua_isfunction(L, -1) &&
        strncmp(lua_tostring(L, -2), "test", 4) == 0) {
      if (count == cap) tests = realloc(tests, (cap *= 2) * sizeof *tests);
      tests[count].file = file;
      tests[count].name = strdup(lua_tostring(L, -2));
      count++;
    }
    lua_pop(L, 1);
  }
  sandbox_free(sb);
  qsort(tests, count, sizeof *tests, compare_names);
  struct CMUnitTest *units = calloc(count ? count : 1, sizeof *units);
  for (size_t i = 0; i < count; i++) {
    units[i].name = tests[i].name;
    units[i].test_func = run_one;
    units[i].initial_state = &tests[i];
  }
  int failed = _cmocka_run_group_tests(file, units, count, NULL, NULL);
  for (size_t i = 0; i < count; i++) free(tests[i].name);
  free(tests);
  free(units);
  return failed;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  const char *env = getenv("KEHOACH_STDLIB");
  if (env) snprintf(stdlib_dir, sizeof stdlib_dir, "%s", env);
  else if (realpath("stdlib", stdlib_dir) == NULL) {
    fprintf(stderr, "test_lua: run from the repository's top folder\n");
    return 1;
  }
  int failed = 0;
  if (argc > 1) {
    for (int i = 1; i < argc; i++) failed += run_file(argv[i]);
    return failed != 0;
  }
  DIR *d = opendir(TEST_DIR);
  if (d == NULL) {
    perror(TEST_DIR);
    return 1;
  }
  char *files[512];
  int n = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL && n < 512;) {
    size_t len = strlen(e->d_name);
    if (strncmp(e->d_name, "test_", 5) == 0 && len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0)
      files[n++] = kh_path(TEST_DIR, e->d_name);
  }
  closedir(d);
  qsort(files, (size_t)n, sizeof *files, compare_strings);
  for (int i = 0; i < n; i++) {
    failed += run_file(files[i]);
    free(files[i]);
  }
  return failed != 0;
}
