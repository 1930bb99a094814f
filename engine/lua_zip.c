/*
** lua_zip.c — core.zip: zip containers through libzip, for the documents that are zip
** files of XML parts (plan.docx). The container is built in memory and returned as a
** string, which the caller writes with core.fs (a temporary file, fsync, rename), so a
** document is whole or absent like every other output.
**
**   zip.pack(entries [, store]) -> string   entries: a list of {name, data}, in the order
**                                 they are stored; each part compressed (deflate) except
**                                 those whose name ends in ".png"/".jpeg", or every part
**                                 stored when store is true (the fuzz harness: deflate's
**                                 setup costs more than the rest of an input); every entry
**                                 dated 1980-01-01, so the same parts give the same bytes
**
** A libzip failure raises an output error (exit 5) naming the part; a bad argument is a
** plain error (a bug in the stdlib).
*/
#include <string.h>
#include <time.h>

#include <zip.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

#define PACK_MT "kehoach.ZipPack"

/* The zip format's earliest date, in local time as libzip stores it: fixed, so that the
** same document gives the same bytes on every run. */
static time_t fixed_mtime(void) {
  struct tm tm = {0};
  tm.tm_year = 80;
  tm.tm_mday = 1;
  tm.tm_isdst = -1;
  return mktime(&tm);
}

static int stored(const char *name) {
  size_t n = strlen(name);
  return (n > 4 && strcmp(name + n - 4, ".png") == 0) || (n > 5 && strcmp(name + n - 5, ".jpeg") == 0);
}

/* Raises an output error for what libzip said (error `ze`); frees nothing. */
static int zip_fail(lua_State *L, const char *what, zip_error_t *ze) {
  lua_pushstring(L, zip_error_strerror(ze)); /* before the raise formats it */
  return sandbox_raise(L, KH_EOUTPUT, "cannot make the zip container (%s): %s", what, lua_tostring(L, -1));
}

/* Copies the finished archive held by `src` into a Lua string on the stack. The source
** stays the caller's. Returns 0, or -1 with ze set. Stack: [-0, +1, m] on success. */
static int push_archive(lua_State *L, zip_source_t *src, zip_error_t *ze) {
  zip_stat_t st;
  if (zip_source_stat(src, &st) < 0 || zip_source_open(src) < 0) {
    zip_error_set(ze, zip_error_code_zip(zip_source_error(src)), 0);
    return -1;
  }
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, (size_t)st.size);
  zip_int64_t got = zip_source_read(src, p, st.size);
  zip_source_close(src);
  if (got < 0 || (zip_uint64_t)got != st.size) {
    zip_error_set(ze, ZIP_ER_READ, 0);
    return -1;
  }
  luaL_pushresultsize(&b, (size_t)got);
  return 0;
}

/* libzip's objects, malloc'ed outside the sandbox, held by a full userdata made before
** them, so that a raise (a memory error in the middle) still frees them when Lua collects
** it: the archive while open, and the buffer behind it (kept with zip_source_keep so it
** outlives zip_close). */
typedef struct Pack {
  zip_t *za;
  zip_source_t *src;
} Pack;

static int l_pack_gc(lua_State *L) {
  Pack *pk = luaL_checkudata(L, 1, PACK_MT);
  if (pk->za) zip_discard(pk->za);
  if (pk->src) zip_source_free(pk->src);
  pk->za = NULL;
  pk->src = NULL;
  return 0;
}

/* zip.pack(entries [, store]): see the file's comment. Stack: [-(1|2), +1, e]. */
static int l_pack(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  int store_all = lua_toboolean(L, 2);
  lua_settop(L, 1);
  lua_Integer n = luaL_len(L, 1);
  /* every name and datum anchored on the stack while libzip points into them */
  luaL_checkstack(L, (int)(2 * n + 8), "too many parts");
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_rawgeti(L, 1, i) != LUA_TTABLE) return luaL_error(L, "zip.pack: entry %d is not a table", (int)i);
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
      return luaL_error(L, "zip.pack: entry %d needs a name and data (strings)", (int)i);
    lua_remove(L, -3);
  }
  Pack *pk = lua_newuserdatauv(L, sizeof *pk, 0); /* created closed, then opened */
  pk->za = NULL;
  pk->src = NULL;
  luaL_setmetatable(L, PACK_MT);
  int box = lua_gettop(L);
  zip_error_t ze;
  zip_error_init(&ze);
  pk->src = zip_source_buffer_create(NULL, 0, 0, &ze);
  if (pk->src == NULL || (pk->za = zip_open_from_source(pk->src, ZIP_TRUNCATE, &ze)) == NULL)
    return zip_fail(L, "opening it", &ze);
  zip_source_keep(pk->src);
  time_t mtime = fixed_mtime();
  for (lua_Integer i = 0; i < n; i++) {
    size_t len;
    const char *name = lua_tostring(L, 2 + 2 * (int)i);
    const char *data = lua_tolstring(L, 3 + 2 * (int)i, &len);
    zip_source_t *part = zip_source_buffer(pk->za, data, len, 0);
    zip_int64_t idx = part ? zip_file_add(pk->za, name, part, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0 && part) zip_source_free(part);
    if (idx < 0 ||
        zip_set_file_compression(pk->za, (zip_uint64_t)idx, store_all || stored(name) ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) < 0 ||
        zip_file_set_mtime(pk->za, (zip_uint64_t)idx, mtime, 0) < 0) {
      zip_error_set(&ze, zip_error_code_zip(zip_get_error(pk->za)), 0);
      return zip_fail(L, name, &ze);
    }
  }
  if (zip_close(pk->za) < 0) {
    zip_error_set(&ze, zip_error_code_zip(zip_get_error(pk->za)), 0);
    return zip_fail(L, "closing it", &ze);
  }
  pk->za = NULL; /* zip_close freed it */
  if (push_archive(L, pk->src, &ze) < 0) return zip_fail(L, "reading it back", &ze);
  lua_pushcfunction(L, l_pack_gc); /* free libzip's copy now, not at the next collection */
  lua_pushvalue(L, box);
  lua_call(L, 1, 0);
  return 1;
}

static const luaL_Reg zip_funcs[] = {{"pack", l_pack}, {NULL, NULL}};

int luaopen_kehoach_zip(lua_State *L) {
  luaL_newmetatable(L, PACK_MT);
  lua_pushcfunction(L, l_pack_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  luaL_newlib(L, zip_funcs);
  return 1;
}
