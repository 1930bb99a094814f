/*
** sandbox.c — the sandboxed Lua state every command runs in.
**
** - Memory: a counting allocator refuses any block that would take the state past its
**   limit; where that happened in the plan is recorded before Lua unwinds.
** - Time: a count hook fires every HOOK_STEP instructions and charges HOOK_STEP to a budget
**   window when the function running then is not the stdlib's (whose loops grow with the
**   registry): a sample, not an exact count, but a loop in plan code is where the samples
**   fall. Past the limit it re-arms itself to fire on every instruction and raises each
**   time, so a pcall in the plan can catch the error but never run on.
** - Trust: stdlib code is what l_require loaded, and only it is named "@stdlib/...": every
**   other chunk (a plan's load, a plan, its modules, a profile) gets a name that cannot
**   start so, whatever name it was given (untrusted_chunkname). The hook, the plan's line
**   in messages and "a bug in kehoach" all decide by that one test (is_stdlib).
** - Libraries: base (without dofile, loadfile, collectgarbage, print), table, string
**   (without dump), math, utf8. `load` takes text only.
** - Environments: the stdlib's, which holds `core` and errors on new globals; plans get one
**   the stdlib builds (stdlib/kehoach/sandbox.lua), without `core`.
** - One protected call (sandbox_main) with a message handler that keeps the traceback.
*/
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lualib.h>

#include "faults.h"
#include "modules.h"
#include "sandbox.h"

#define HOOK_STEP 1000
#define STDLIB_SOURCE "@stdlib/"   /* chunknames of stdlib files start with this */
#define STDLIB_ENV "kehoach.stdlib_env"
#define LOADED "kehoach.loaded"
#define ERROR_MT "kehoach.Error"

struct sandbox {
  lua_State *L;
  size_t used, limit;         /* bytes held by Lua, and the most it may hold */
  long fail_countdown;        /* fault injection: fail when it reaches 0; <0 off */
  int fail_again;             /* and fail the next one too: Lua's retry of the same block */
  int memory_hit;             /* an allocation was refused for the limit */
  int out_of_memory;          /* the system refused an allocation (or faults.h did) */
  char memory_where[512];     /* the plan position then, "" if none */
  long long spent, window;    /* instructions charged in this window, and its size */
  long long max_instructions; /* the configured window size */
  int instructions_hit;       /* the budget ran out: sticky for the life of the state */
  char note[1024];            /* what was done for good before an error (sandbox_set_note) */
  sandbox_line_fn on_line;    /* line tracing for the fuzzers, or NULL */
  void *on_line_ud;
  char *stdlib_dir;
};

/* ---- trust ---------------------------------------------------------------------------- */

/* 1 when a chunk's source name (lua_Debug.source) is the stdlib's: only l_require names a
** chunk so (see untrusted_chunkname). */
static int is_stdlib(const char *source) {
  return strncmp(source, STDLIB_SOURCE, sizeof STDLIB_SOURCE - 1) == 0;
}

/* Pushes the chunk name for code that is not the stdlib's, given the name asked for: the
** same, except that a name the stdlib's could be confused with ("@stdlib/...", or
** "=stdlib/..." whose messages read the same) gets "./" after its first character, so a
** plan's load(code, "@stdlib/kehoach/util.lua") is charged and reported as the plan's.
** Stack: [-0, +1, m]. */
static const char *untrusted_chunkname(lua_State *L, const char *name) {
  if ((name[0] == '@' || name[0] == '=') && strncmp(name + 1, STDLIB_SOURCE + 1, sizeof STDLIB_SOURCE - 2) == 0)
    return lua_pushfstring(L, "%c./%s", name[0], name + 1);
  return lua_pushstring(L, name);
}

/* ---- locating the plan in the stack ---------------------------------------------- */

/* Writes "file:line" of the innermost Lua frame that is not stdlib code into buf; ""
** when there is none. Allocates nothing, so the allocator may call it. */
void sandbox_where(lua_State *L, char *buf, size_t size) {
  lua_Debug ar;
  buf[0] = '\0';
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    if (!lua_getinfo(L, "Sl", &ar)) continue;
    if (ar.currentline <= 0 || ar.source[0] != '@' || is_stdlib(ar.source)) continue;
    snprintf(buf, size, "%s:%d", ar.short_src, ar.currentline);
    return;
  }
}

/* ---- memory ------------------------------------------------------------------------- */

/* Notes where the plan was when memory ran out, the first time. Allocates nothing. */
static void note_memory_where(sandbox *sb) {
  if (!sb->memory_hit && !sb->out_of_memory && sb->L)
    sandbox_where(sb->L, sb->memory_where, sizeof sb->memory_where);
}

/* sandbox_fail_allocation's failure: the n-th allocation, and the next one, which is Lua's
** retry of it after an emergency collection (a failure Lua would otherwise hide). */
static int injected_failure(sandbox *sb) {
  if (sb->fail_again) {
    sb->fail_again = 0;
    return 1;
  }
  if (sb->fail_countdown > 0 && --sb->fail_countdown == 0) {
    sb->fail_again = 1;
    return 1;
  }
  return 0;
}

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  sandbox *sb = ud;
  if (ptr == NULL) osize = 0; /* osize then tells the type of object, not a size */
  if (nsize == 0) {
    free(ptr);
    sb->used -= osize;
    return NULL;
  }
  int grows = nsize > osize;
  if (grows && nsize - osize > sb->limit - sb->used) {
    note_memory_where(sb);
    sb->memory_hit = 1;
    return NULL;
  }
  int refused = grows && (injected_failure(sb) || faults_fail());
  void *p = refused ? NULL : realloc(ptr, nsize);
  if (p == NULL) {
    note_memory_where(sb);
    sb->out_of_memory = 1;
    return NULL;
  }
  sb->used = sb->used - osize + nsize;
  return p;
}

void sandbox_set_note(sandbox *sb, const char *note) {
  snprintf(sb->note, sizeof sb->note, "%s", note ? note : "");
}

void sandbox_fail_allocation(sandbox *sb, long n) {
  sb->fail_countdown = n > 0 ? n : -1;
  sb->fail_again = 0;
}
size_t sandbox_memory_used(sandbox *sb) { return sb->used; }
size_t sandbox_memory_limit(sandbox *sb) { return sb->limit; }

/* The message for memory that ran out: the plan's limit, or the system's memory; where
** is a plan line (the plan needed it), another place ("households.csv: row 12"), or "". */
static int memory_error(sandbox *sb, const char *where, int plan_line, kh_error *err) {
  const char *sep = where[0] ? ": " : "";
  if (sb->memory_hit)
    return kh_seterror(err, KH_ELIMIT, "%s%s%s needed more memory than allowed (%zu MiB; "
                       "raise it with --max-memory SIZE)", where, sep, plan_line ? "the plan" : "kehoach",
                       sb->limit >> 20);
  return kh_seterror(err, KH_ELIMIT, "%s%sout of memory: the system could not give kehoach more "
                     "memory (it held %.1f MiB); close other programs or use a smaller registry",
                     where, sep, (double)sb->used / (1 << 20));
}

int sandbox_raise_memory(lua_State *L, const char *where) {
  kh_error err;
  memory_error(sandbox_of(L), where, 0, &err);
  return sandbox_raise(L, err.code, "%s", err.msg);
}

/* ---- instructions ------------------------------------------------------------------- */

/* The hook's events: counts, and lines when someone traces them. */
static int hook_mask(sandbox *sb) { return LUA_MASKCOUNT | (sb->on_line ? LUA_MASKLINE : 0); }

static void count_hook(lua_State *L, lua_Debug *ar) {
  sandbox *sb = sandbox_of(L);
  if (ar->event == LUA_HOOKLINE) {
    if (sb->on_line && lua_getinfo(L, "S", ar)) sb->on_line(sb->on_line_ud, ar->source, ar->currentline);
    return;
  }
  /* The budget is the plan's: the stdlib's own loops grow with the registry (a million
  ** beneficiaries written to a workbook) and are not what the limit guards against. Once
  ** the limit is hit, plan code is stopped at every instruction while the stdlib can still
  ** clean up (roll back, close its files) and report where the plan was. */
  if (lua_getinfo(L, "S", ar) && is_stdlib(ar->source)) return;
  if (!sb->instructions_hit) {
    sb->spent += HOOK_STEP;
    if (sb->spent < sb->window) return;
    sb->instructions_hit = 1;
    lua_sethook(L, count_hook, hook_mask(sb), 1); /* from now on, every instruction */
  }
  char where[512];
  sandbox_where(L, where, sizeof where);
  lua_pushfstring(L, "%s%sthe plan ran too long and was stopped after %I instructions "
                  "(raise the limit with --max-instructions N)", where, where[0] ? ": " : "",
                  (lua_Integer)sb->window);
  lua_error(L);
}

void sandbox_trace_lines(sandbox *sb, sandbox_line_fn fn, void *ud) {
  sb->on_line = fn;
  sb->on_line_ud = ud;
  lua_sethook(sb->L, count_hook, hook_mask(sb), sb->instructions_hit ? 1 : HOOK_STEP);
}

int sandbox_budget(sandbox *sb, long long n) {
  if (sb->instructions_hit) return 0;
  sb->window = n > 0 ? n : sb->max_instructions;
  sb->spent = 0;
  return 1;
}

/* ---- errors ------------------------------------------------------------------------- */

int sandbox_raise(lua_State *L, int code, const char *fmt, ...) {
  va_list ap;
  lua_createtable(L, 0, 2);
  lua_pushstring(L, kh_kind_name(code));
  lua_setfield(L, -2, "kind");
  va_start(ap, fmt);
  lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  lua_setfield(L, -2, "message");
  luaL_setmetatable(L, ERROR_MT);
  return lua_error(L);
}

static int error_tostring(lua_State *L) {
  lua_getfield(L, 1, "message");
  return 1;
}

/* 1 when msg starts with a location, "file:LINE: ". */
static int located(const char *msg) {
  for (const char *c = strchr(msg, ':'); c && c - msg < 512; c = strchr(c + 1, ':')) {
    const char *d = c + 1;
    while (*d >= '0' && *d <= '9') d++;
    if (d > c + 1 && d[0] == ':') return 1;
  }
  return 0;
}

/* The innermost Lua function on the stack (C functions skipped) into ar; 0 when none. */
static int innermost_lua(lua_State *L, lua_Debug *ar) {
  for (int level = 0; lua_getstack(L, level, ar); level++)
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) return 1;
  return 0;
}

/* Message handler: keeps structured errors as they are and turns anything else into
** {message, traceback [, internal]}: a message without a place is given the plan's line
** when plan code called what raised it; internal is true when stdlib code raised it and
** its place is in the stdlib (a bug of ours, whatever the message). Stack: [-1, +1, m]. */
int sandbox_message_handler(lua_State *L) {
  if (lua_type(L, 1) == LUA_TTABLE) {
    luaL_traceback(L, L, NULL, 1);
    lua_setfield(L, 1, "traceback");
    lua_settop(L, 1);
    return 1;
  }
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      msg = lua_tostring(L, -1);
    else
      msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  lua_Debug ar;
  int lua_frame = innermost_lua(L, &ar);
  int in_stdlib = lua_frame && is_stdlib(ar.source);
  int has_place = located(msg);
  lua_createtable(L, 0, 3);
  /* where Lua itself would have put an error raised by a C function the plan called
  ** ("C stack overflow" says no place) */
  if (!has_place && lua_frame && !in_stdlib && ar.source[0] == '@')
    lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, msg);
  else
    lua_pushstring(L, msg);
  lua_setfield(L, -2, "message");
  if (in_stdlib && strncmp(msg, STDLIB_SOURCE + 1, sizeof STDLIB_SOURCE - 2) == 0) {
    lua_pushboolean(L, 1);
    lua_setfield(L, -2, "internal");
  }
  luaL_traceback(L, L, NULL, 1);
  lua_setfield(L, -2, "traceback");
  return 1;
}

/* ---- loading ------------------------------------------------------------------------ */

/* Raises msg located at the plan line now running (not at stdlib code between). */
static int plan_error(lua_State *L, const char *msg) {
  char where[512];
  sandbox_where(L, where, sizeof where);
  lua_pushfstring(L, "%s%s%s", where, where[0] ? ": " : "", msg);
  return lua_error(L);
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 8192, n = 0;
  char *buf = malloc(cap);
  for (size_t got; buf; n += got) {
    if (n == cap) {
      char *grown = realloc(buf, cap *= 2);
      if (grown == NULL) { free(buf); buf = NULL; break; }
      buf = grown;
    }
    got = fread(buf + n, 1, cap - n, f);
    if (got == 0) break;
  }
  int failed = ferror(f);
  fclose(f);
  if (failed) { free(buf); return NULL; }
  *len = n;
  return buf;
}

/* The largest plan or module file read: plans are a few hundred lines; a bigger file is
** not a plan (and is never read whole into memory the sandbox does not count). */
#define MAX_SOURCE (16u << 20)

/* sandbox_loadfile, for the stdlib's files when trusted is 1 (only l_require). */
static void load_file(lua_State *L, const char *path, const char *display, int env, int trusted) {
  size_t len = 0;
  env = lua_absindex(L, env);
  const char *chunkname = lua_pushfstring(L, "@%s", display); /* may raise: before the malloc */
  if (!trusted) {
    chunkname = untrusted_chunkname(L, chunkname);
    lua_remove(L, -2);
  }
  struct stat st;
  /* before opening: opening a pipe would wait for a writer */
  if (stat(path, &st) != 0) sandbox_raise(L, KH_EDATA, "%s: cannot read: %s", display, strerror(errno));
  if (!S_ISREG(st.st_mode))
    sandbox_raise(L, KH_EDATA, "%s: not a file (a folder, a device or a pipe): plans and modules are .lua files",
                  display);
  if ((unsigned long long)st.st_size > MAX_SOURCE)
    sandbox_raise(L, KH_EDATA, "%s: %lld bytes is too large for a plan or module (at most %u MiB)", display,
                  (long long)st.st_size, MAX_SOURCE >> 20);
  char *text = read_file(path, &len);
  if (text == NULL) sandbox_raise(L, KH_EDATA, "%s: cannot read: %s", display, strerror(errno));
  /* as lua does with a file: a UTF-8 byte-order mark, and a first line starting with #
  ** (kept as an empty line, so that line numbers stay) */
  size_t skip = len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (skip < len && text[skip] == '#')
    while (skip < len && text[skip] != '\n') skip++;
  int status = luaL_loadbufferx(L, text + skip, len - skip, chunkname, "t"); /* protected: never raises */
  free(text);
  lua_remove(L, -2);
  if (status != LUA_OK) {
    /* a syntax error says "file:line: message"; a binary chunk names no file: name it */
    const char *msg = lua_tostring(L, -1);
    size_t n = strlen(display);
    if (msg && !(strncmp(msg, display, n) == 0 && msg[n] == ':')) lua_pushfstring(L, "%s: %s", display, msg);
    lua_error(L);
  }
  lua_pushvalue(L, env);
  lua_setupvalue(L, -2, 1);
}

void sandbox_loadfile(lua_State *L, const char *path, const char *display, int env) {
  load_file(L, path, display, env, 0);
}

/* load(chunk [, chunkname [, mode [, env]]]) for text only; env defaults to the
** stdlib's environment. The chunk is never the stdlib's, whatever its name says
** (untrusted_chunkname). Returns the function, or nil and a message, like load. */
static int l_load(lua_State *L) {
  size_t len;
  const char *chunk = luaL_checklstring(L, 1, &len);
  const char *name = luaL_optstring(L, 2, "=(load)");
  if (len > 0 && chunk[0] == LUA_SIGNATURE[0]) return plan_error(L, "load: binary chunks are not allowed, only text");
  name = untrusted_chunkname(L, name);
  int status = luaL_loadbufferx(L, chunk, len, name, "t");
  lua_remove(L, -2);
  if (status != LUA_OK) {
    luaL_pushfail(L);
    lua_insert(L, -2);
    return 2;
  }
  if (lua_isnoneornil(L, 4))
    lua_getfield(L, LUA_REGISTRYINDEX, STDLIB_ENV);
  else
    lua_pushvalue(L, 4);
  lua_setupvalue(L, -2, 1);
  return 1;
}

/* string.rep that refuses, as a memory-limit error, a result larger than the memory the
** sandbox has left, before Lua's own size check calls it a plan error. The original rep is
** upvalue 1. */
static int l_string_rep(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  size_t len, seplen = 0;
  luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_optlstring(L, 3, "", &seplen);
  if (n > 0) {
    size_t left = sb->limit > sb->used ? sb->limit - sb->used : 0;
    double total = (double)len * (double)n + (double)seplen * (double)(n - 1);
    if (total > (double)left) {
      if (!sb->memory_hit) sandbox_where(L, sb->memory_where, sizeof sb->memory_where);
      sb->memory_hit = 1;
      kh_error err;
      memory_error(sb, sb->memory_where, sb->memory_where[0] != '\0', &err);
      return sandbox_raise(L, err.code, "%s", err.msg);
    }
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

static int l_string_dump(lua_State *L) {
  return plan_error(L, "string.dump is not available: plans are text");
}

/* A module name is dotted words: letters, digits, underscores. */
static int valid_module_name(const char *name) {
  int word = 0;
  for (const char *p = name; *p; p++) {
    if (*p == '.') {
      if (!word) return 0;
      word = 0;
    } else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
               *p == '_') {
      word = 1;
    } else {
      return 0;
    }
  }
  return word;
}

/* require(name) for the stdlib: loads stdlib/<name with dots as slashes>.lua once, with
** the stdlib's environment. Stack: [-1, +1, e]. */
static int l_require(lua_State *L) {
  sandbox *sb = sandbox_of(L);
  const char *name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  if (!valid_module_name(name))
    return luaL_error(L, "require: '%s' is not a module name (dotted words, no paths)", name);
  lua_getfield(L, LUA_REGISTRYINDEX, LOADED); /* 2 */
  if (lua_getfield(L, 2, name) != LUA_TNIL) return 1;
  lua_pop(L, 1);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (const char *p = name; *p; p++) luaL_addchar(&b, *p == '.' ? '/' : *p);
  luaL_addstring(&b, ".lua");
  luaL_pushresult(&b); /* 3: relative path */
  const char *rel = lua_tostring(L, 3);
  const char *path = lua_pushfstring(L, "%s/%s", sb->stdlib_dir, rel);     /* 4 */
  const char *display = lua_pushfstring(L, "stdlib/%s", rel);             /* 5 */
  FILE *f = fopen(path, "r");
  if (f == NULL) return luaL_error(L, "require: module '%s' is not in the stdlib", name);
  fclose(f);
  lua_getfield(L, LUA_REGISTRYINDEX, STDLIB_ENV);
  load_file(L, path, display, -1, 1);
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
  }
  lua_pushvalue(L, -1);
  lua_setfield(L, 2, name);
  return 1;
}

/* ---- environments ------------------------------------------------------------------ */

static int stdlib_env_newindex(lua_State *L) {
  return luaL_error(L, "stdlib code assigned the global '%s': use a local",
                    luaL_tolstring(L, 2, NULL));
}

static int stdlib_env_index(lua_State *L) {
  return luaL_error(L, "stdlib code read the unknown global '%s'", luaL_tolstring(L, 2, NULL));
}

/* Opens the allowed libraries into the globals table and removes what plans must not
** have. The globals table then becomes the read-through base of every environment. */
static void open_libraries(lua_State *L) {
  static const luaL_Reg libs[] = {
      {LUA_GNAME, luaopen_base},       {LUA_TABLIBNAME, luaopen_table},
      {LUA_STRLIBNAME, luaopen_string}, {LUA_MATHLIBNAME, luaopen_math},
      {LUA_UTF8LIBNAME, luaopen_utf8},  {NULL, NULL}};
  static const char *const removed[] = {"dofile", "loadfile", "collectgarbage", "print", NULL};
  for (const luaL_Reg *lib = libs; lib->func; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
  lua_pushglobaltable(L);
  for (const char *const *name = removed; *name; name++) {
    lua_pushnil(L);
    lua_setfield(L, -2, *name);
  }
  lua_pushcfunction(L, l_load);
  lua_setfield(L, -2, "load");
  lua_pushcfunction(L, l_require);
  lua_setfield(L, -2, "require");
  lua_getfield(L, -1, LUA_STRLIBNAME);
  lua_pushcfunction(L, l_string_dump);
  lua_setfield(L, -2, "dump");
  lua_getfield(L, -1, "rep");
  lua_pushcclosure(L, l_string_rep, 1);
  lua_setfield(L, -2, "rep");
  lua_pop(L, 2);
  /* strings' metatable cannot be fetched or changed from Lua */
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
}

/* Sets a metatable on the table on top that makes reading an unknown name and writing
** any name errors; reads go through to `index` when it is not 0. Stack: [-0, +0, m]. */
static void make_strict(lua_State *L, int index) {
  lua_createtable(L, 0, 3);
  if (index)
    lua_pushvalue(L, index);
  else
    lua_pushcfunction(L, stdlib_env_index);
  lua_setfield(L, -2, "__index");
  lua_pushcfunction(L, stdlib_env_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushliteral(L, "locked");
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, -2);
}

/* The globals table becomes strict; the stdlib's environment holds core and reads
** through to the globals. */
static void make_stdlib_env(lua_State *L) {
  lua_pushglobaltable(L);
  int globals = lua_gettop(L);
  make_strict(L, 0);
  lua_createtable(L, 0, 1);
  modules_open(L);
  lua_setfield(L, -2, "core");
  make_strict(L, globals);
  lua_setfield(L, LUA_REGISTRYINDEX, STDLIB_ENV);
  lua_pop(L, 1);
}

static int setup(lua_State *L) {
  open_libraries(L);
  luaL_newmetatable(L, ERROR_MT);
  lua_pushcfunction(L, error_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushboolean(L, 0); /* a plan that catches an error cannot reach (and change) this */
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 1);
  lua_newtable(L);
  lua_setfield(L, LUA_REGISTRYINDEX, LOADED);
  make_stdlib_env(L);
  return 0;
}

/* ---- life cycle ---------------------------------------------------------------------- */

sandbox *sandbox_new(const sandbox_limits *limits, const char *stdlib_dir, kh_error *err) {
  sandbox *sb = calloc(1, sizeof *sb);
  if (sb == NULL || (sb->stdlib_dir = strdup(stdlib_dir)) == NULL) {
    free(sb);
    kh_seterror(err, KH_EINTERNAL, "out of memory");
    return NULL;
  }
  sb->limit = limits && limits->max_memory ? limits->max_memory : SANDBOX_DEFAULT_MEMORY;
  sb->max_instructions = limits && limits->max_instructions ? limits->max_instructions
                                                            : SANDBOX_DEFAULT_INSTRUCTIONS;
  sb->window = sb->max_instructions;
  sb->fail_countdown = -1;
  lua_State *L = lua_newstate(sandbox_alloc, sb);
  if (L == NULL) {
    kh_seterror(err, KH_ELIMIT, "cannot create the Lua state: %s", sb->out_of_memory
                ? "out of memory" : "the memory limit is too small");
    sandbox_free(sb);
    return NULL;
  }
  *(sandbox **)lua_getextraspace(L) = sb;
  lua_pushcfunction(L, setup);
  int status = lua_pcall(L, 0, 0, 0);
  if (status != LUA_OK) {
    if (status == LUA_ERRMEM) memory_error(sb, "", 0, err);
    else kh_seterror(err, KH_EINTERNAL, "cannot set up the Lua state: %s", lua_tostring(L, -1));
    faults_stop();
    lua_close(L);
    sandbox_free(sb);
    return NULL;
  }
  sb->L = L;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_STEP);
  return sb;
}

void sandbox_free(sandbox *sb) {
  if (sb == NULL) return;
  faults_stop(); /* the finalizers that close databases and files must run */
  if (sb->L) lua_close(sb->L);
  free(sb->stdlib_dir);
  free(sb);
}

sandbox *sandbox_of(lua_State *L) { return *(sandbox **)lua_getextraspace(L); }
lua_State *sandbox_lua(sandbox *sb) { return sb->L; }
const char *sandbox_stdlib_dir(sandbox *sb) { return sb->stdlib_dir; }

/* ---- the protected entry point -------------------------------------------------------- */

static int pmain(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = lua_touserdata(L, 2);
  lua_pushcfunction(L, l_require);
  lua_pushliteral(L, "kehoach.cli");
  lua_call(L, 1, 1);
  lua_getfield(L, -1, "main");
  lua_createtable(L, argc, 0);
  for (int i = 1; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i);
  }
  lua_call(L, 1, 1);
  return 1;
}

/* Fills err from the error the message handler left on top; returns the code. */
static int classify(sandbox *sb, int status, kh_error *err) {
  lua_State *L = sb->L;
  const char *msg = NULL, *trace = NULL, *kind = NULL;
  int internal = 0;
  if (lua_type(L, -1) == LUA_TTABLE) {
    lua_getfield(L, -1, "message");
    lua_getfield(L, -2, "traceback");
    lua_getfield(L, -3, "kind");
    lua_getfield(L, -4, "internal");
    msg = lua_tostring(L, -4);
    trace = lua_tostring(L, -3);
    kind = lua_tostring(L, -2);
    internal = lua_toboolean(L, -1);
    lua_pop(L, 4); /* the strings stay anchored in the table */
  } else {
    msg = lua_tostring(L, -1);
  }
  if (msg == NULL) msg = "unknown error";
  /* a memory error, even one a plan caught and raised again as a string */
  if (status == LUA_ERRMEM || ((sb->memory_hit || sb->out_of_memory) &&
                               (status == LUA_ERRERR || strcmp(msg, "not enough memory") == 0)))
    return memory_error(sb, sb->memory_where, sb->memory_where[0] != '\0', err);
  int code = kind ? kh_kind_code(kind) : KH_EPLAN;
  if (sb->instructions_hit) code = KH_ELIMIT;
  else if (!kind && internal)
    code = KH_EINTERNAL; /* an error the stdlib raised at its own line is a bug of ours */
  int show_trace = trace && (code == KH_EINTERNAL || getenv("KEHOACH_TRACE"));
  kh_seterror(err, code, "%s%s%s%s", msg, show_trace ? "\n" : "", show_trace ? trace : "",
              code == KH_EINTERNAL ? "\n(this is a bug in kehoach: please report it)" : "");
  return code;
}

int sandbox_call(sandbox *sb, int nargs, int nresults, kh_error *err) {
  lua_State *L = sb->L;
  sb->memory_hit = sb->out_of_memory = 0;
  sb->memory_where[0] = '\0';
  int func = lua_gettop(L) - nargs;
  lua_pushcfunction(L, sandbox_message_handler);
  lua_insert(L, func);
  int status = lua_pcall(L, nargs, nresults, func);
  int code = KH_OK;
  if (status == LUA_OK) {
    kh_seterror(err, KH_OK, "%s", "");
  } else {
    code = classify(sb, status, err);
    if (sb->note[0]) {
      size_t n = strlen(err->msg);
      snprintf(err->msg + n, sizeof err->msg - n, "\n%s", sb->note);
    }
    lua_pop(L, 1);
  }
  lua_remove(L, func);
  return code;
}

void sandbox_push_stdlib_env(lua_State *L) { lua_getfield(L, LUA_REGISTRYINDEX, STDLIB_ENV); }

int sandbox_main(sandbox *sb, int argc, char **argv, kh_error *err) {
  lua_State *L = sb->L;
  sb->note[0] = '\0';
  int base = lua_gettop(L);
  lua_pushcfunction(L, pmain);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int code = sandbox_call(sb, 2, 1, err);
  if (code == KH_OK && lua_isinteger(L, -1)) code = (int)lua_tointeger(L, -1);
  lua_settop(L, base);
  return code;
}
