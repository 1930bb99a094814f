/*
** lua_load.c — core.load: the rows of one registry table converted, checked and inserted
** in C, for kehoach.registry.import. Lua keeps every decision that needs words: a Loader
** takes a row only when each of its values is plainly good, and gives any other row back
** untouched, so import.lua checks it as it always did and words its problems.
**
**   load.new(db, sql, columns) -> a Loader, or nil when a column's type is not one it
**                        converts (the table is then loaded by Lua alone). sql: the INSERT
**                        with one ? per column, in order; columns: by index,
**                        { type, pos =, required =, default =, min =, max =, values =,
**                        aliases =, level = } — the column of kehoach.registry.tables,
**                        pos its field in the file (nil: not in it), level for a unit
**                        column the level its unit must be at ("commune")
**   loader:put(raws)     raws by column index (strings or nil): true when the row was
**                        inserted, false when it is Lua's
**   loader:count()       rows inserted so far
**   loader:close()
**   reader:load(loader)  (core.csv) hands a file's rows to it without making Lua tables
**
** What a Loader accepts, it accepts exactly as import.lua would, with the same value: an
** empty value (or blanks only) as the column's default or NULL, unless required; UTF-8
** text that is NFC already, with no NUL byte; whole numbers written as digits (a leading
** minus for integers) within the range; 0 or 1 for flags; money as digits only; an
** enumeration's value or alias as written; a real day as YYYY-MM-DD; a unit's or a
** household's code as it is in the registry. Anything else — "700.000", a name of a
** commune, text to normalise, a key taken — goes back to Lua.
*/
#include <string.h>

#include <lauxlib.h>
#include <sqlite3.h>
#include <utf8proc.h>

#include "load.h"
#include "modules.h"
#include "sandbox.h"
#include "store.h"

#define LOADER_MT "kehoach.Loader"
#define MAX_WORDS 32
#define MAX_CODE 128         /* a cached code longer than this is looked up every time */
#define MAX_NFC_CHARS 1024   /* longer non-ASCII text is checked by Lua */

enum { T_TEXT, T_INTEGER, T_FLAG, T_MONEY, T_ENUM, T_DATE, T_UNIT, T_HOUSEHOLD };
static const char *const type_names[] = {"text", "enum", "integer", "flag", "money", "date",
                                         "unit", "household", NULL};
static const int type_codes[] = {T_TEXT, T_ENUM, T_INTEGER, T_FLAG, T_MONEY, T_DATE, T_UNIT, T_HOUSEHOLD};

/* A word of an enumeration and the value it stands for (itself, or an alias's value). */
typedef struct Word {
  const char *s, *as;
  size_t len, as_len;
} Word;

typedef struct Column {
  int type, pos; /* pos: the field in the file, from 1; 0 when the file has no such column */
  int required, has_default, has_min, has_max;
  lua_Integer def, min, max;
  int nwords;
  Word words[MAX_WORDS];
  const char *level; /* a unit column: the level its unit must be at, or NULL */
} Column;

/* The last code found, and what it gave: a household's rows stand together in persons.csv
** and surveys.csv, and a commune's households in households.csv. */
typedef struct Last {
  char code[MAX_CODE];
  size_t len; /* 0: none */
  sqlite3_int64 id;
} Last;

struct Loader {
  sqlite3_stmt *insert, *household, *unit; /* owned; NULL once closed (insert) or unused */
  int rc; /* an SQLite error that is not about the row (a full disk): load_raise raises it */
  int ncols;
  int fresh_slot; /* load_bind left this household column for load_step (0: none) */
  lua_Integer count;
  Last last_household, last_unit;
  Column cols[LOAD_MAX_COLUMNS];
};

static int loader_close(Loader *ld) {
  sqlite3_finalize(ld->insert);
  sqlite3_finalize(ld->household);
  sqlite3_finalize(ld->unit);
  ld->insert = ld->household = ld->unit = NULL;
  return 0;
}

static int l_close(lua_State *L) { return loader_close(luaL_checkudata(L, 1, LOADER_MT)); }

Loader *load_check(lua_State *L, int i) {
  Loader *ld = luaL_checkudata(L, i, LOADER_MT);
  if (ld->insert == NULL) luaL_error(L, "the loader is closed");
  return ld;
}

/* ---- values --------------------------------------------------------------------------- */

/* Empty, or only what Lua's %s matches. */
static int blank(const char *s, size_t len) {
  for (size_t i = 0; i < len; i++)
    if (!strchr(" \t\n\v\f\r", s[i]) || s[i] == '\0') return 0;
  return 1;
}

/* Digits only (after a minus, when minus), at most 18 of them: the number in *v. */
static int whole(const char *s, size_t len, int minus, lua_Integer *v) {
  int negative = minus && len > 0 && s[0] == '-';
  size_t i = negative ? 1 : 0;
  if (len == i || len - i > 18) return 0;
  lua_Integer n = 0;
  for (; i < len; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    n = n * 10 + (s[i] - '0');
  }
  *v = negative ? -n : n;
  return 1;
}

/* Whether s is made only of characters that are NFC whatever stands around them: ASCII but
** NUL, U+0080 to U+02FF and U+1E00 to U+1EFF (Latin letters, precomposed: Vietnamese is
** written in them). None is a combining mark, none decomposes, none composes with the
** character before it. */
static int plain_latin(const unsigned char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    unsigned char b = s[i];
    if (b < 0x80 && b != 0) {
      i++;
    } else if (b >= 0xC2 && b <= 0xCB && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
    } else if (b == 0xE1 && i + 2 < len && s[i + 1] >= 0xB8 && s[i + 1] <= 0xBB && (s[i + 2] & 0xC0) == 0x80) {
      i += 3;
    } else {
      return 0;
    }
  }
  return 1;
}

/* UTF-8 text already in NFC (what text.nfc would give back unchanged), with no NUL. */
static int nfc(const char *s, size_t len) {
  if (plain_latin((const unsigned char *)s, len)) return 1;
  if (memchr(s, '\0', len)) return 0;
  utf8proc_int32_t buf[MAX_NFC_CHARS];
  int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, buf,
                                          MAX_NFC_CHARS, options);
  if (n < 0 || n > MAX_NFC_CHARS) return 0;
  n = utf8proc_normalize_utf32(buf, n, options);
  if (n < 0) return 0;
  utf8proc_ssize_t at = 0;
  for (utf8proc_ssize_t k = 0; k < n; k++) {
    utf8proc_int32_t c;
    utf8proc_ssize_t step = utf8proc_iterate((const utf8proc_uint8_t *)s + at, (utf8proc_ssize_t)len - at, &c);
    if (step <= 0 || c != buf[k]) return 0;
    at += step;
  }
  return at == (utf8proc_ssize_t)len;
}

static int two(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

/* YYYY-MM-DD, a real day. */
static int date(const char *s, size_t len) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (len != 10 || s[4] != '-' || s[7] != '-') return 0;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
  int y = two(s) * 100 + two(s + 2), m = two(s + 5), d = two(s + 8);
  if (m < 1 || m > 12 || d < 1) return 0;
  int leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
  return d <= days[m - 1] + (m == 2 && leap);
}

/* Looks code up with stmt (one ? and one column): 1 when a row is found (and its column
** is level, when level is given), the column as an integer in *id. An error is kept in
** ld->rc. */
static int lookup(Loader *ld, sqlite3_stmt *stmt, const char *code, size_t len, const char *level,
                  sqlite3_int64 *id) {
  int found = 0;
  int rc = sqlite3_bind_text(stmt, 1, code, (int)len, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    const char *v = (const char *)sqlite3_column_text(stmt, 0);
    found = level == NULL || (v && strcmp(v, level) == 0);
    *id = sqlite3_column_int64(stmt, 0);
  } else if (rc != SQLITE_DONE) {
    ld->rc = rc;
  }
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  return found;
}

/* A code found before (in last), or looked up now and remembered. */
static int cached(Loader *ld, Last *last, sqlite3_stmt *stmt, const char *s, size_t len, const char *level,
                  sqlite3_int64 *id) {
  if (last->len == len && memcmp(last->code, s, len) == 0) {
    *id = last->id;
    return 1;
  }
  if (!nfc(s, len) || !lookup(ld, stmt, s, len, level, id)) return 0;
  if (len < MAX_CODE) {
    memcpy(last->code, s, len);
    last->len = len;
    last->id = *id;
  }
  return 1;
}

/* Binds the value s of column c to slot; 0 when the value is not plainly good. A household
** column whose value is fresh (fresh_len bytes) is left for load_step. */
static int bind(Loader *ld, const Column *c, int slot, const char *s, size_t len, const char *fresh,
                size_t fresh_len) {
  sqlite3_stmt *st = ld->insert;
  lua_Integer v;
  sqlite3_int64 id = 0;
  if (len == 0 || ((unsigned char)s[0] <= 32 && blank(s, len))) {
    if (c->has_default) return sqlite3_bind_int64(st, slot, c->def) == SQLITE_OK;
    return !c->required && sqlite3_bind_null(st, slot) == SQLITE_OK;
  }
  switch (c->type) {
    case T_TEXT:
      if (!nfc(s, len)) return 0;
      return sqlite3_bind_text(st, slot, s, (int)len, SQLITE_STATIC) == SQLITE_OK;
    case T_INTEGER:
      if (!whole(s, len, 1, &v) || (c->has_min && v < c->min) || (c->has_max && v > c->max)) return 0;
      return sqlite3_bind_int64(st, slot, v) == SQLITE_OK;
    case T_FLAG:
      if (len != 1 || (s[0] != '0' && s[0] != '1')) return 0;
      return sqlite3_bind_int(st, slot, s[0] - '0') == SQLITE_OK;
    case T_MONEY:
      if (!whole(s, len, 0, &v)) return 0;
      return sqlite3_bind_int64(st, slot, v) == SQLITE_OK;
    case T_ENUM:
      for (int k = 0; k < c->nwords; k++) {
        const Word *w = &c->words[k];
        if (w->len == len && memcmp(w->s, s, len) == 0)
          return sqlite3_bind_text(st, slot, w->as, (int)w->as_len, SQLITE_STATIC) == SQLITE_OK;
      }
      return 0;
    case T_DATE:
      if (!date(s, len)) return 0;
      return sqlite3_bind_text(st, slot, s, (int)len, SQLITE_STATIC) == SQLITE_OK;
    case T_UNIT:
      if (!cached(ld, &ld->last_unit, ld->unit, s, len, c->level, &id)) return 0;
      return sqlite3_bind_text(st, slot, s, (int)len, SQLITE_STATIC) == SQLITE_OK;
    case T_HOUSEHOLD:
      if (fresh && len == fresh_len && memcmp(s, fresh, len) == 0) {
        ld->fresh_slot = slot;
        return 1;
      }
      if (!cached(ld, &ld->last_household, ld->household, s, len, NULL, &id)) return 0;
      return sqlite3_bind_int64(st, slot, id) == SQLITE_OK;
  }
  return 0;
}

int load_bind(Loader *ld, const char *const *values, const size_t *lens, int n, int by_position,
              const char *fresh, size_t fresh_len) {
  if (ld->insert == NULL || ld->rc) return ld->rc ? -1 : 0;
  ld->fresh_slot = 0;
  for (int i = 0; i < ld->ncols; i++) {
    const Column *c = &ld->cols[i];
    int k = by_position ? c->pos - 1 : i;
    const char *s = k >= 0 && k < n && values[k] ? values[k] : "";
    size_t len = k >= 0 && k < n && values[k] ? lens[k] : 0;
    if (!bind(ld, c, i + 1, s, len, fresh, fresh_len)) {
      sqlite3_clear_bindings(ld->insert);
      return ld->rc ? -1 : 0;
    }
  }
  return 1;
}

void load_unbind(Loader *ld) {
  if (ld->insert) sqlite3_clear_bindings(ld->insert);
}

int load_step(Loader *ld, long long fresh_id, long long *rowid) {
  if (ld->fresh_slot && sqlite3_bind_int64(ld->insert, ld->fresh_slot, fresh_id) != SQLITE_OK) {
    sqlite3_clear_bindings(ld->insert);
    return 0;
  }
  int rc = sqlite3_step(ld->insert);
  sqlite3_reset(ld->insert);
  sqlite3_clear_bindings(ld->insert);
  if (rc == SQLITE_DONE) {
    ld->count++;
    if (rowid) *rowid = sqlite3_last_insert_rowid(sqlite3_db_handle(ld->insert));
    return 1;
  }
  /* a constraint refused the row: Lua inserts it again and says which; anything else (a
  ** full disk, which also ends the transaction) is the import's end */
  if ((rc & 0xff) == SQLITE_CONSTRAINT) return 0;
  ld->rc = rc;
  return -1;
}

int load_row(Loader *ld, const char *const *values, const size_t *lens, int n, int by_position) {
  int bound = load_bind(ld, values, lens, n, by_position, NULL, 0);
  return bound == 1 ? load_step(ld, 0, NULL) : bound;
}

int load_raise(lua_State *L, Loader *ld) {
  sqlite3 *h = sqlite3_db_handle(ld->insert);
  const char *file = sqlite3_db_filename(h, "main");
  kh_error err;
  store_error(h, ld->rc, file && *file ? file : "database", &err);
  return sandbox_raise(L, err.code, "%s", err.msg);
}

/* ---- from Lua ------------------------------------------------------------------------- */

/* A string kept for the Loader's life: pushed into its table of words (at index wi). */
static const char *keep(lua_State *L, int wi, int vi, size_t *len) {
  const char *s = lua_tolstring(L, vi, len);
  lua_pushvalue(L, vi);
  lua_rawseti(L, wi, (lua_Integer)lua_rawlen(L, wi) + 1);
  return s;
}

/* Reads the enumeration of the column table at ci into c: its values, then its aliases. */
static int read_words(lua_State *L, int ci, int wi, Column *c) {
  if (lua_getfield(L, ci, "values") == LUA_TTABLE) {
    for (lua_Integer k = 1; lua_rawgeti(L, -1, k) == LUA_TSTRING; k++) {
      if (c->nwords == MAX_WORDS) return 0;
      Word *w = &c->words[c->nwords++];
      w->s = w->as = keep(L, wi, -1, &w->len);
      w->as_len = w->len;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  if (lua_getfield(L, ci, "aliases") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      if (c->nwords == MAX_WORDS || lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 3);
        return 0;
      }
      Word *w = &c->words[c->nwords++];
      w->as = keep(L, wi, -1, &w->as_len);
      w->s = keep(L, wi, -2, &w->len);
      lua_pop(L, 1);
    }
  }
  lua_pop(L, 1);
  return 1;
}

/* Reads the integer field name of the table at ci into *v; whether there was one. Any
** other value than an integer or nil makes *ok 0. */
static int opt_integer(lua_State *L, int ci, const char *name, lua_Integer *v, int *ok) {
  int t = lua_getfield(L, ci, name);
  int isint = lua_isinteger(L, -1);
  if (isint) *v = lua_tointeger(L, -1);
  else if (t != LUA_TNIL) *ok = 0;
  lua_pop(L, 1);
  return isint;
}

/* Reads the column table at ci into c; 0 when the Loader cannot take it. */
static int read_column(lua_State *L, int ci, int wi, Column *c) {
  int ok = 1;
  if (lua_rawgeti(L, ci, 1) != LUA_TSTRING) return 0;
  const char *type = lua_tostring(L, -1);
  int found = 0;
  for (int k = 0; type_names[k]; k++)
    if (strcmp(type, type_names[k]) == 0) c->type = type_codes[k], found = 1;
  lua_pop(L, 1);
  if (!found) return 0;
  lua_Integer pos = 0;
  opt_integer(L, ci, "pos", &pos, &ok);
  c->pos = pos > 0 && pos <= 100000 ? (int)pos : 0;
  lua_getfield(L, ci, "required");
  c->required = lua_toboolean(L, -1);
  lua_pop(L, 1);
  c->has_default = opt_integer(L, ci, "default", &c->def, &ok);
  c->has_min = opt_integer(L, ci, "min", &c->min, &ok);
  c->has_max = opt_integer(L, ci, "max", &c->max, &ok);
  if (c->type == T_ENUM && !read_words(L, ci, wi, c)) return 0;
  if (c->type == T_UNIT && lua_getfield(L, ci, "level") == LUA_TSTRING) {
    size_t len;
    c->level = keep(L, wi, -1, &len);
  }
  if (c->type == T_UNIT) lua_pop(L, 1);
  return ok;
}

static int prepare(sqlite3 *h, const char *sql, sqlite3_stmt **st) {
  return sqlite3_prepare_v3(h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) == SQLITE_OK;
}

/* load.new(db, sql, columns) -> Loader, or nil. Made closed, then opened; the user values
** anchor the Db (1) and the words the columns point into (2). Stack: [-0, +1, e]. */
static int l_new(lua_State *L) {
  sqlite3 *h = store_check_db(L, 1);
  const char *sql = luaL_checkstring(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  Loader *ld = lua_newuserdatauv(L, sizeof *ld, 2);
  memset(ld, 0, sizeof *ld);
  luaL_setmetatable(L, LOADER_MT);
  int li = lua_gettop(L);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, li, 1);
  lua_newtable(L);
  int wi = lua_gettop(L);
  lua_Integer n = (lua_Integer)lua_rawlen(L, 3);
  if (n < 1 || n > LOAD_MAX_COLUMNS) return lua_pushnil(L), 1;
  int households = 0, units = 0;
  for (lua_Integer i = 1; i <= n; i++) {
    Column *c = &ld->cols[i - 1];
    if (lua_rawgeti(L, 3, i) != LUA_TTABLE || !read_column(L, lua_gettop(L), wi, c)) return lua_pushnil(L), 1;
    lua_pop(L, 1);
    households |= c->type == T_HOUSEHOLD;
    units |= c->type == T_UNIT;
  }
  ld->ncols = (int)n;
  lua_pushvalue(L, wi);
  lua_setiuservalue(L, li, 2);
  int ok = prepare(h, sql, &ld->insert);
  if (ok && households) ok = prepare(h, "SELECT id FROM households WHERE code = ?", &ld->household);
  if (ok && units) ok = prepare(h, "SELECT level FROM units WHERE code = ?", &ld->unit);
  if (!ok || sqlite3_bind_parameter_count(ld->insert) != ld->ncols) {
    const char *msg = lua_pushstring(L, sqlite3_errmsg(h));
    loader_close(ld);
    return luaL_error(L, "SQL error: %s", msg);
  }
  lua_settop(L, li);
  return 1;
}

/* loader:put(raws) -> whether the row was inserted. Stack: [-0, +1, e]. */
static int l_put(lua_State *L) {
  Loader *ld = load_check(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  const char *values[LOAD_MAX_COLUMNS];
  size_t lens[LOAD_MAX_COLUMNS];
  luaL_checkstack(L, ld->ncols, "a row to load");
  for (int i = 0; i < ld->ncols; i++) {
    int t = lua_rawgeti(L, 2, i + 1); /* stays on the stack while the row is loaded */
    if (t != LUA_TNIL && t != LUA_TSTRING) return lua_pushboolean(L, 0), 1;
    values[i] = t == LUA_TSTRING ? lua_tolstring(L, -1, &lens[i]) : NULL;
    if (!values[i]) lens[i] = 0;
  }
  int done = load_row(ld, values, lens, ld->ncols, 0);
  if (done < 0) return load_raise(L, ld);
  lua_pushboolean(L, done);
  return 1;
}

static int l_count(lua_State *L) {
  Loader *ld = luaL_checkudata(L, 1, LOADER_MT);
  lua_pushinteger(L, ld->count);
  return 1;
}

static const luaL_Reg loader_methods[] = {
    {"put", l_put}, {"count", l_count}, {"close", l_close}, {NULL, NULL}};
static const luaL_Reg load_funcs[] = {{"new", l_new}, {NULL, NULL}};

int luaopen_kehoach_load(lua_State *L) {
  modules_new_class(L, LOADER_MT, loader_methods, l_close);
  luaL_newlib(L, load_funcs);
  return 1;
}
