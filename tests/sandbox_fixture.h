/*
** sandbox_fixture.h — for the cmocka programs that test the sandbox and the Lua-facing C
** modules from C: a fresh sandbox per test (cmocka setup and teardown through void
** **state), and Lua code run in it as the stdlib runs (with `core`), returning the exit
** code kehoach would end with and the message. Tests run from the repository's top folder.
*/
#ifndef KEHOACH_TEST_SANDBOX_FIXTURE_H
#define KEHOACH_TEST_SANDBOX_FIXTURE_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "sandbox.h"

/* A new sandbox with the given limits (0: the defaults) and the stdlib of the repository;
** aborts the program when it cannot be made. The caller frees it with sandbox_free. */
static inline sandbox *kh_sandbox(size_t memory, long long instructions) {
  static char stdlib_dir[PATH_MAX];
  if (stdlib_dir[0] == '\0' && realpath("stdlib", stdlib_dir) == NULL) {
    fprintf(stderr, "run the tests from the repository's top folder\n");
    abort();
  }
  sandbox_limits lim = {memory, instructions};
  kh_error err;
  sandbox *sb = sandbox_new(&lim, stdlib_dir, &err);
  if (sb == NULL) {
    fprintf(stderr, "sandbox_new: %s\n", err.msg);
    abort();
  }
  return sb;
}

/* cmocka set-up and tear-down: *state is a sandbox with the default limits. */
static inline int kh_sandbox_setup(void **state) {
  *state = kh_sandbox(0, 0);
  return 0;
}

static inline int kh_sandbox_teardown(void **state) {
  sandbox_free(*state);
  return 0;
}

typedef struct kh_chunk {
  const char *code, *chunkname, *arg;
} kh_chunk;

/* Protected: [kh_chunk] -> the chunk loaded in the stdlib's environment and called. Every
** step that allocates is in here, so an allocation failed on purpose is reported as the
** sandbox reports any (exit 4), never a panic. */
static inline int kh_run_chunk(lua_State *L) {
  kh_chunk *c = lua_touserdata(L, 1);
  if (luaL_loadbufferx(L, c->code, strlen(c->code), c->chunkname, "t") != LUA_OK) return lua_error(L);
  sandbox_push_stdlib_env(L);
  lua_setupvalue(L, -2, 1);
  if (c->arg) lua_pushstring(L, c->arg);
  lua_call(L, c->arg ? 1 : 0, 0);
  return 0;
}

/* Loads code as text, named chunkname, in the stdlib's environment and calls it with arg
** (a string, or NULL for none) as `...`; returns the exit code (KH_OK when it ran through)
** with err's message. */
static inline int kh_lua_named(sandbox *sb, const char *code, const char *chunkname, const char *arg,
                               kh_error *err) {
  lua_State *L = sandbox_lua(sb);
  kh_chunk c = {code, chunkname, arg};
  lua_pushcfunction(L, kh_run_chunk); /* neither allocates */
  lua_pushlightuserdata(L, &c);
  return sandbox_call(sb, 1, 0, err);
}

/* kh_lua_named with the chunk named "=test" and no argument. */
static inline int kh_lua(sandbox *sb, const char *code, kh_error *err) {
  return kh_lua_named(sb, code, "=test", NULL, err);
}

#endif
