/*
** lua_host.c — core.host: what the stdlib needs from the process and the sandbox.
**
**   host.where()              "file:line" of the plan line now running, or nil
**   host.budget([n])          starts a new instruction window; false once the limit was hit
**   host.fail(kind, message)  raises an error of that kind ("plan", "data", "usage", ...)
**   host.loadfile(path, display, env)   a text chunk with env as _ENV
**   host.resolve(dir, name)   the file for module `name` inside dir, or nil and why
**   host.inside(dir, path)    path's real path when it stays inside dir, or nil and why
**   host.write(...), host.ewrite(...)   to stdout, to stderr
**   host.isatty(stream)       "stdout" or "stderr"
**   host.now()                UTC time, ISO 8601 with seconds
**   host.clock()              seconds on a monotonic clock
**   host.getenv(name)         an environment variable, or nil
**   host.version()            the engine version
**   host.memory()             bytes Lua holds, and the limit
**   host.stdlib()             the stdlib folder
**   host.time_limit(seconds, what)   at most seconds more processor time for the code
**                             that follows (what runs it, for the message), unless the
**                             command has a --max-time of its own; host.time_limit() puts
**                             the command's limit back
**
** And for main.c, the processor-time limit of the whole command (host_limit_time).
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

/* ---- processor time ------------------------------------------------------------------- */

static char time_message[512];   /* written beforehand: the handler may only write(2) */
static long long command_seconds; /* the command's limit; 0: none */
static int command_given;         /* it was given with --max-time: nothing overrides it */

/* SIGXCPU: the process is past its processor time. Only async-signal-safe calls. What is
** uncommitted is dropped as after a power cut (the results database rolls back, output
** files are renamed into place only when whole). */
static void on_time_limit(int sig) {
  (void)sig;
  ssize_t ignored = write(STDERR_FILENO, time_message, strlen(time_message));
  (void)ignored;
  _exit(KH_ELIMIT);
}

/* Processor time used so far, in whole seconds rounded up. */
static long long seconds_used(void) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) return 0;
  return (long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1;
}

/* Sets the soft RLIMIT_CPU to `at` seconds of the process's time (0: none), below any hard
** limit set from outside. */
static void arm(long long at) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_time_limit;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGXCPU, &sa, NULL);
  struct rlimit rl;
  if (getrlimit(RLIMIT_CPU, &rl) != 0) return;
  rl.rlim_cur = at > 0 ? (rlim_t)at : rl.rlim_max;
  if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max) rl.rlim_cur = rl.rlim_max;
  setrlimit(RLIMIT_CPU, &rl);
}

static void command_message(void) {
  snprintf(time_message, sizeof time_message,
           "kehoach: stopped after %lld s of processor time (--max-time %lld%s); what it had not "
           "finished was dropped, as after a power cut. A plan caught in a loop the instruction limit "
           "cannot see (inside one string function) ends this way\n", command_seconds, command_seconds,
           command_given ? "" : ", the default for this registry");
}

void host_limit_time(long long seconds, int given) {
  command_seconds = seconds > 0 ? seconds : 0;
  command_given = given;
  command_message();
  arm(command_seconds);
}

/* host.time_limit(seconds, what) -> true when set; host.time_limit() -> the command's
** limit again. Stack: [-0|2, +0|1, e]. */
static int l_time_limit(lua_State *L) {
  if (lua_isnoneornil(L, 1)) {
    command_message();
    arm(command_seconds);
    return 0;
  }
  lua_Integer seconds = luaL_checkinteger(L, 1);
  const char *what = luaL_checkstring(L, 2);
  if (command_given) {
    lua_pushboolean(L, 0);
    return 1;
  }
  snprintf(time_message, sizeof time_message,
           "kehoach: %s was stopped after %lld s of processor time, more than its data can take "
           "(a pattern that backtracks?); give --max-time SECONDS to allow more\n", what, (long long)seconds);
  arm(seconds_used() + seconds);
  lua_pushboolean(L, 1);
  return 1;
}

/* ---- the plan's place, budget and errors ------------------------------------------------ */

static int l_where(lua_State *L) {
  char buf[512];
  sandbox_where(L, buf, sizeof buf);
  if (buf[0]) lua_pushstring(L, buf);
  else lua_pushnil(L);
  return 1;
}

static int l_budget(lua_State *L) {
  lua_pushboolean(L, sandbox_budget(sandbox_of(L), (long long)luaL_optinteger(L, 1, 0)));
  return 1;
}

static int l_fail(lua_State *L) {
  const char *kind = luaL_checkstring(L, 1);
  const char *msg = luaL_checkstring(L, 2);
  return sandbox_raise(L, kh_kind_code(kind), "%s", msg);
}

static int l_loadfile(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *display = luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  sandbox_loadfile(L, path, display, 3);
  return 1;
}

/* The one check that a file a plan names stays where it may be: the real path of path
** (symbolic links and ".." followed) into real_file, when it exists and lies inside dir's
** real path. Returns 0, or 1 when either does not exist, or 2 when path leads outside. */
static int real_path_inside(const char *dir, const char *path, char real_file[PATH_MAX]) {
  char real_dir[PATH_MAX];
  if (realpath(dir, real_dir) == NULL || realpath(path, real_file) == NULL) return 1;
  size_t n = strlen(real_dir);
  if (strncmp(real_file, real_dir, n) != 0 || (real_file[n] != '/' && strcmp(real_dir, "/") != 0)) return 2;
  return 0;
}

/* host.resolve(dir, name): dir/<name, dots as slashes>.lua when it exists and its real
** path stays inside dir's real path; else nil and the reason. A name is words of letters,
** digits, '_' and '-' (a user's standard file, standards/lao-cai-2027.lua) joined by dots. */
static int l_resolve(lua_State *L) {
  const char *dir = luaL_checkstring(L, 1);
  const char *name = luaL_checkstring(L, 2);
  for (const char *p = name; *p; p++) {
    if (!(*p == '.' || *p == '_' || *p == '-' || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
          (*p >= 'A' && *p <= 'Z')) || (*p == '.' && (p == name || p[1] == '.' || p[1] == '\0'))) {
      luaL_pushfail(L);
      lua_pushfstring(L, "'%s' is not a module name: use dotted words naming a file in the plan's "
                         "folder or in stdlib/, never a path", name);
      return 2;
    }
  }
  char real_file[PATH_MAX];
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, dir);
  luaL_addchar(&b, '/');
  for (const char *p = name; *p; p++) luaL_addchar(&b, *p == '.' ? '/' : *p);
  luaL_addstring(&b, ".lua");
  luaL_pushresult(&b);
  int where = real_path_inside(dir, lua_tostring(L, -1), real_file);
  if (where != 0) {
    luaL_pushfail(L);
    if (where == 1) lua_pushfstring(L, "no module '%s' in %s", name, dir);
    else lua_pushfstring(L, "module '%s' leads outside %s", name, dir);
    return 2;
  }
  lua_pushstring(L, real_file);
  return 1;
}

/* host.inside(dir, path): the real path of path (a path relative to dir, or dir itself
** joined already) when it exists and stays inside dir's real path, as host.resolve checks
** modules; else nil and "missing" or "outside". Stack: [-0, +1|2, m]. */
static int l_inside(lua_State *L) {
  char real_file[PATH_MAX];
  int where = real_path_inside(luaL_checkstring(L, 1), luaL_checkstring(L, 2), real_file);
  if (where == 0) {
    lua_pushstring(L, real_file);
    return 1;
  }
  luaL_pushfail(L);
  lua_pushstring(L, where == 1 ? "missing" : "outside");
  return 2;
}

/* Writes the arguments to f and flushes it; returns 0, or the errno of the failure. */
static int write_to(lua_State *L, FILE *f) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) luaL_checkstring(L, i);
  errno = 0;
  for (int i = 1; i <= n; i++) {
    size_t len;
    const char *s = lua_tolstring(L, i, &len);
    if (fwrite(s, 1, len, f) != len) return errno ? errno : EIO;
  }
  if (fflush(f) != 0) return errno ? errno : EIO;
  return 0;
}

/* host.write(...): to stdout; an output error when it cannot be written (a full disk it
** was sent to, a closed pipe), so a summary cut short is never taken for a whole one. */
static int l_write(lua_State *L) {
  int e = write_to(L, stdout);
  clearerr(stdout);
  if (e) return sandbox_raise(L, KH_EOUTPUT, "cannot write to the standard output: %s", strerror(e));
  return 0;
}

/* host.ewrite(...): to stderr. A failure is let be: there is nowhere left to say it. */
static int l_ewrite(lua_State *L) {
  write_to(L, stderr);
  clearerr(stderr);
  return 0;
}

static int l_isatty(lua_State *L) {
  static const char *const names[] = {"stdout", "stderr", NULL};
  int which = luaL_checkoption(L, 1, "stdout", names);
  lua_pushboolean(L, isatty(which == 0 ? STDOUT_FILENO : STDERR_FILENO));
  return 1;
}

static int l_now(lua_State *L) {
  char buf[32];
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  lua_pushstring(L, buf);
  return 1;
}

static int l_clock(lua_State *L) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  lua_pushnumber(L, (lua_Number)ts.tv_sec + (lua_Number)ts.tv_nsec / 1e9);
  return 1;
}

static int l_getenv(lua_State *L) {
  lua_pushstring(L, getenv(luaL_checkstring(L, 1)));
  return 1;
}

static int l_version(lua_State *L) {
  lua_pushliteral(L, KEHOACH_VERSION);
  return 1;
}

static int l_stdlib(lua_State *L) {
  lua_pushstring(L, sandbox_stdlib_dir(sandbox_of(L)));
  return 1;
}

static int l_memory(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  lua_pushinteger(L, (lua_Integer)sandbox_memory_used(sb));
  lua_pushinteger(L, (lua_Integer)sandbox_memory_limit(sb));
  return 2;
}

static const luaL_Reg host_funcs[] = {
    {"where", l_where},     {"budget", l_budget}, {"fail", l_fail},       {"loadfile", l_loadfile},
    {"resolve", l_resolve}, {"inside", l_inside}, {"write", l_write},   {"ewrite", l_ewrite},   {"isatty", l_isatty},
    {"now", l_now},         {"clock", l_clock},   {"getenv", l_getenv},   {"version", l_version},
    {"memory", l_memory},   {"stdlib", l_stdlib}, {"time_limit", l_time_limit}, {NULL, NULL}};

int luaopen_kehoach_host(lua_State *L) {
  luaL_newlib(L, host_funcs);
  return 1;
}
