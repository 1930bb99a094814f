/*
** fuzz.c — the entry point every fuzz target shares (LLVMFuzzerTestOneInput): one sandbox
** per process, the Lua side of the targets (tests/fuzz/targets.lua, run with the stdlib's
** environment), and the verdict on each input.
**
** Built once per target with -DFUZZ_TARGET='"plan"' (csv_import, plan, params, values):
** under libFuzzer by `make fuzz`, and against tests/fuzz/replay.c by `make test`, which
** replays the kept inputs in tests/fuzz/corpus/<target>/.
**
** An input is a bug when kehoach would call the error its own (exit code 70: a Lua error
** located in stdlib/, or kind "internal", which targets.lua raises when a property that
** must hold for every input fails), or when it ends in a kind of error the target cannot
** give (an output or busy error). The harness prints the message with its traceback and
** aborts: libFuzzer keeps the input as a crash. Running out of the instruction or memory
** budget is a fine answer; the sandbox is then made again, since the instruction limit
** stays hit for the life of a state.
**
** Under libFuzzer (FUZZ_LIBFUZZER) every Lua line run also counts as coverage: the
** engine's C code is instrumented by the compiler, but the stdlib is Lua, run by Debian's
** uninstrumented liblua, so each pair of successive lines (an edge, as AFL counts them)
** bumps a counter in the section libFuzzer reads extra counters from.
*/
#include <dirent.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>

#include "sandbox.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET='\"name\"'"
#endif

#define TARGETS_FILE "tests/fuzz/targets.lua"
#define FUZZ_MEMORY ((size_t)256 << 20)
#define FUZZ_INSTRUCTIONS 5000000LL

const char *fuzz_input_name; /* the file being replayed (replay.c), for the verdict */

static sandbox *sb;
static int targets_ref = LUA_NOREF;
static char scratch[PATH_MAX];

#ifdef FUZZ_LIBFUZZER
#define COUNTERS (1 << 16)
__attribute__((used, section("__libfuzzer_extra_counters"))) static uint8_t line_counters[COUNTERS];
static uint32_t previous_line;

/* FNV-1a of the chunk name and line; the edge from the previous line picks a counter. The
** name's hash is kept for its address (Lua's string, the same for every line of a chunk):
** most lines follow a line of the same chunk. */
static void count_line(void *ud, const char *source, int line) {
  static const char *last_source;
  static uint32_t last_hash;
  (void)ud;
  if (source != last_source) {
    uint32_t h = 2166136261u;
    for (const char *p = source; *p; p++) h = (h ^ (uint8_t)*p) * 16777619u;
    last_source = source;
    last_hash = h;
  }
  uint32_t h = (last_hash ^ (uint32_t)line) * 16777619u;
  uint8_t *c = &line_counters[(h ^ previous_line) % COUNTERS];
  if (*c < 255) (*c)++;
  previous_line = h >> 1;
}
#endif

/* Removes the scratch folder and the inputs written into it, at exit. */
static void remove_scratch(void) {
  DIR *d = opendir(scratch);
  for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
    char path[PATH_MAX + 256];
    if (e->d_name[0] == '.') continue;
    snprintf(path, sizeof path, "%s/%s", scratch, e->d_name);
    unlink(path);
  }
  if (d) closedir(d);
  rmdir(scratch);
}

__attribute__((noreturn)) static void die(const char *what, const char *msg) {
  fprintf(stderr, "fuzz %s%s%s: %s\n%s\n", FUZZ_TARGET, fuzz_input_name ? ", input " : "",
          fuzz_input_name ? fuzz_input_name : "", what, msg);
  abort();
}

/* Protected: [path, env] -> the table targets.lua returns. */
static int load_targets(lua_State *L) {
  sandbox_loadfile(L, lua_tostring(L, 1), TARGETS_FILE, 2);
  lua_call(L, 0, 1);
  return 1;
}

/* (Re)makes the sandbox and loads the targets; a failure here is the harness's own. */
static void setup(void) {
  if (sb) sandbox_free(sb);
  char stdlib[PATH_MAX];
  const char *env = getenv("KEHOACH_STDLIB");
  if (env && *env) snprintf(stdlib, sizeof stdlib, "%s", env);
  else if (realpath("stdlib", stdlib) == NULL) die("setup", "run from the repository's top folder");
  if (scratch[0] == '\0') {
    /* in memory where there is a tmpfs: inputs are written (and fsynced) every time */
    snprintf(scratch, sizeof scratch, "%s/kehoach-fuzz-%s-XXXXXX",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp", FUZZ_TARGET);
    if (mkdtemp(scratch) == NULL) die("setup", "cannot make a scratch folder");
    atexit(remove_scratch);
  }
  sandbox_limits lim = {FUZZ_MEMORY, FUZZ_INSTRUCTIONS};
  kh_error err;
  sb = sandbox_new(&lim, stdlib, &err);
  if (sb == NULL) die("setup", err.msg);
  lua_State *L = sandbox_lua(sb);
  lua_pushcfunction(L, load_targets);
  lua_pushliteral(L, TARGETS_FILE);
  sandbox_push_stdlib_env(L);
  if (sandbox_call(sb, 2, 1, &err) != KH_OK) die("cannot load " TARGETS_FILE, err.msg);
  if (lua_getfield(L, -1, FUZZ_TARGET) != LUA_TFUNCTION) die("setup", "no such target in " TARGETS_FILE);
  targets_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pop(L, 1);
#ifdef FUZZ_LIBFUZZER
  sandbox_trace_lines(sb, count_line, NULL);
#endif
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (sb == NULL) setup();
  lua_State *L = sandbox_lua(sb);
  sandbox_budget(sb, 0);
  lua_rawgeti(L, LUA_REGISTRYINDEX, targets_ref);
  lua_pushlstring(L, (const char *)data, size);
  lua_pushstring(L, scratch);
  kh_error err;
  int code = sandbox_call(sb, 2, 0, &err);
  switch (code) {
    case KH_OK: case KH_EUSAGE: case KH_EDATA: break;
    case KH_EPLAN:
      /* a plain error located in the harness is the harness's bug, not a plan's */
      if (strncmp(err.msg, TARGETS_FILE, strlen(TARGETS_FILE)) == 0) die("the harness failed", err.msg);
      break;
    case KH_ELIMIT: setup(); break;
    case KH_EINTERNAL: die("kehoach would report a bug of its own (exit code 70)", err.msg);
    default: {
      char what[64];
      snprintf(what, sizeof what, "an error of kind '%s' this target cannot give", kh_kind_name(code));
      die(what, err.msg);
    }
  }
  lua_settop(L, 0);
  return 0;
}
