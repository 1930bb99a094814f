/*
** lua_store.c — core.store: SQLite databases for the stdlib (never for plans).
**
**   store.open(path [, mode])       mode "ro" (default), "rw" or "create"; any database
**   store.registry(path [, mode])   a checked registry: "ro" (default), "rw", "init"
**                                   (creates the file and schema v1; refuses a used file),
**                                   or "hold" (rw, its write lock held until closed, for a
**                                   change made on a copy: store_registry_hold)
**   store.import(path [, wait])     an Import: the claim of one import on a registry path,
**                                   new or existing (store_import_begin); nil and the seconds
**                                   a wait would last when another import holds the path and
**                                   wait is not set (with wait, it waits as store_busy_ms says,
**                                   then raises a busy error)
**   imp:temporary()                 the file to do the work in, "<path>.tmp-import", empty
**   imp:existed()                   whether path existed when the claim was made
**   imp:place()                     moves the temporary over path (store_import_place)
**   imp:close()                     removes the temporary unless placed; lets go of the claim
**   store.copy(from, to)            the database from copied into a new file to
**   store.results(path)             the results database, created when missing; one of an
**                                   older schema is kept aside (its new name returned second)
**   db:exec(sql)                    runs statements, no results
**   db:rows(sql, ...)               for row in db:rows(...) — rows as {column = value}
**   db:first(sql, ...)              the first row, or nil
**   db:value(sql, ...)              the first column of the first row, or nil
**   db:run(sql, ...)                runs one statement; returns the rows changed
**   db:csv(sql, ...)                for text, n in db:csv(...) — the rows as CSV records, each
**                                   ended by "\n", n whole records about 256 KiB at a time:
**                                   NULL an empty field, numbers as Lua writes them, text
**                                   quoted as csv.encode quotes it (lua_csv.c)
**   db:prepare(sql)                 a Stmt with :run(...), :rows(...), :close()
**   db:func(name, nargs, fn)        an SQL function that calls fn (errors pass through)
**   db:attach_registry(path [, schema])   a registry, read-only, as schema ("reg")
**   db:commit([note])               COMMIT; once it succeeded, note (what is now done for
**                                   good) is added to any later error of the command
**   db:rollback()                   ROLLBACK if a transaction is open (SQLite ends one by
**                                   itself on some errors, a full disk); never raises, so
**                                   cleaning up cannot hide the error that caused it
**   db:close(), db:name()
**
** Parameters bind positionally (nil, boolean, integer, number, string), or by name when
** the only argument is a table ({code = "x"} binds :code). SQLite errors are raised as
** kehoach errors whose kind comes from the result code (busy, data, output, ...).
*/
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"
#include "store.h"

#define DB_MT "kehoach.Db"
#define STMT_MT "kehoach.Stmt"
#define IMPORT_MT "kehoach.Import"
#define SQL_ERROR_KEY "kehoach.sql_function_error"

typedef struct Db {
  sqlite3 *h; /* NULL once closed */
} Db;

typedef struct Stmt {
  sqlite3_stmt *st; /* NULL once finalized; its Db is anchored in the first user value, and
                    ** its connection is sqlite3_db_handle(st), open until st is finalized */
} Stmt;

/* Raises the error of rc on db, naming the database file. */
static int raise_sqlite(lua_State *L, sqlite3 *h, int rc) {
  const char *file = h ? sqlite3_db_filename(h, "main") : NULL;
  kh_error err;
  store_error(h, rc, file && *file ? file : "database", &err);
  return sandbox_raise(L, err.code, "%s", err.msg);
}

/* Raises a kh_error as a Lua error. */
static int raise_kh(lua_State *L, const kh_error *err) {
  return sandbox_raise(L, err->code, "%s", err->msg);
}

static Db *check_db(lua_State *L, int i) {
  Db *db = luaL_checkudata(L, i, DB_MT);
  if (db->h == NULL) luaL_error(L, "the database is closed");
  return db;
}

sqlite3 *store_check_db(lua_State *L, int i) { return check_db(L, i)->h; }

int store_raise(lua_State *L, sqlite3 *h, int rc) { return raise_sqlite(L, h, rc); }

/* Pushes a new Db userdata, closed; opened by the caller. Created closed first so an
** allocation error cannot leak the handle. */
static Db *new_db(lua_State *L) {
  Db *db = lua_newuserdatauv(L, sizeof *db, 0);
  db->h = NULL;
  luaL_setmetatable(L, DB_MT);
  return db;
}

static enum store_mode check_mode(lua_State *L, int i, const char *def) {
  static const char *const names[] = {"ro", "rw", "create", NULL};
  static const enum store_mode modes[] = {STORE_READONLY, STORE_READWRITE, STORE_CREATE};
  return modes[luaL_checkoption(L, i, def, names)];
}

/* store.open(path [, mode]) -> Db. Stack: [-0, +1, e]. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  enum store_mode mode = check_mode(L, 2, "ro");
  Db *db = new_db(L);
  kh_error err;
  if (store_open(path, mode, &db->h, &err) != KH_OK) return raise_kh(L, &err);
  return 1;
}

/* store.registry(path [, mode]) -> Db, checked to be a registry of this version. */
static int l_registry(lua_State *L) {
  static const char *const names[] = {"ro", "rw", "init", "hold", NULL};
  const char *path = luaL_checkstring(L, 1);
  int mode = luaL_checkoption(L, 2, "ro", names);
  Db *db = new_db(L);
  kh_error err;
  int rc;
  if (mode == 3) {
    rc = store_registry_hold(path, &db->h, &err);
  } else {
    rc = store_open(path, mode == 0 ? STORE_READONLY : mode == 1 ? STORE_READWRITE : STORE_CREATE,
                    &db->h, &err);
    if (rc == KH_OK)
      rc = mode == 2 ? store_registry_init(db->h, path, &err)
                     : store_registry_check(db->h, "main", path, &err);
  }
  if (rc != KH_OK) return raise_kh(L, &err);
  return 1;
}

/* ---- imports ---------------------------------------------------------------------------- */

/* store.import(path [, wait]) -> Import, or nil and the seconds a wait would last when
** another import holds path and wait is not set. The userdata is made released (fd -1) before the claim, so an allocation error
** cannot leak it. Stack: [-0, +1, e]. */
static int l_import(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int wait = lua_toboolean(L, 2);
  store_import *imp = lua_newuserdatauv(L, sizeof *imp, 0);
  imp->fd = -1;
  luaL_setmetatable(L, IMPORT_MT);
  kh_error err;
  int rc = store_import_begin(path, wait, imp, &err);
  if (rc == KH_EBUSY && !wait) {
    lua_pushnil(L);
    lua_pushnumber(L, store_busy_ms() / 1000.0);
    return 2;
  }
  if (rc != KH_OK) return raise_kh(L, &err);
  return 1;
}

static store_import *check_import(lua_State *L) {
  store_import *imp = luaL_checkudata(L, 1, IMPORT_MT);
  if (imp->fd < 0) luaL_error(L, "the import's claim was let go");
  return imp;
}

static int l_import_temporary(lua_State *L) {
  lua_pushstring(L, check_import(L)->tmp);
  return 1;
}

static int l_import_existed(lua_State *L) {
  lua_pushboolean(L, check_import(L)->existed);
  return 1;
}

/* imp:place(): Stack: [-0, +0, e]. */
static int l_import_place(lua_State *L) {
  kh_error err;
  if (store_import_place(check_import(L), &err) != KH_OK) return raise_kh(L, &err);
  return 0;
}

static int l_import_close(lua_State *L) {
  store_import_end(luaL_checkudata(L, 1, IMPORT_MT));
  return 0;
}

/* store.copy(from, to): Stack: [-0, +0, e]. */
static int l_copy(lua_State *L) {
  kh_error err;
  if (store_copy(luaL_checkstring(L, 1), luaL_checkstring(L, 2), &err) != KH_OK) return raise_kh(L, &err);
  return 0;
}

/* store.results(path) -> Db [, moved]: created with its schema when missing, checked
** otherwise; one of an older schema is moved aside and its new name returned second. */
static int l_results(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  Db *db = new_db(L);
  kh_error err;
  char moved[4096];
  if (store_results_open(path, &db->h, moved, sizeof moved, &err) != KH_OK) return raise_kh(L, &err);
  if (!moved[0]) return 1;
  lua_pushstring(L, moved);
  return 2;
}

static int l_db_close(lua_State *L) {
  Db *db = luaL_checkudata(L, 1, DB_MT);
  if (db->h) {
    sqlite3_close_v2(db->h); /* statements still open keep it alive until finalized */
    db->h = NULL;
  }
  return 0;
}

static int l_db_name(lua_State *L) {
  Db *db = check_db(L, 1);
  lua_pushstring(L, sqlite3_db_filename(db->h, "main"));
  return 1;
}

/* db:attach_registry(path [, schema]): the registry, read-only, as schema ("reg"). */
static int l_db_attach_registry(lua_State *L) {
  Db *db = check_db(L, 1);
  kh_error err;
  if (store_attach_registry(db->h, luaL_checkstring(L, 2), luaL_optstring(L, 3, "reg"), &err) != KH_OK)
    return raise_kh(L, &err);
  return 0;
}

/* db:commit([note]): the two in one C call, so nothing can fail between a successful
** COMMIT and the note that says what it made permanent. */
static int l_db_commit(lua_State *L) {
  Db *db = check_db(L, 1);
  const char *note = luaL_optstring(L, 2, NULL);
  int rc = sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) return raise_sqlite(L, db->h, rc);
  if (note) sandbox_set_note(sandbox_of(L), note);
  return 0;
}

static int l_db_rollback(lua_State *L) {
  Db *db = luaL_checkudata(L, 1, DB_MT);
  if (db->h && !sqlite3_get_autocommit(db->h)) sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
  return 0;
}

static void reraise_function_error(lua_State *L);

/* db:exec(sql): a Lua SQL function's error (a plan's where) is raised as it was, not as
** SQLite's "error in a Lua function". Stack: [-2, +0, e]. */
static int l_db_exec(lua_State *L) {
  Db *db = check_db(L, 1);
  int rc = sqlite3_exec(db->h, luaL_checkstring(L, 2), NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    reraise_function_error(L);
    return raise_sqlite(L, db->h, rc);
  }
  return 0;
}

/* ---- statements --------------------------------------------------------------------- */

/* Prepares sql on the Db at index dbi and pushes a Stmt. Stack: [-0, +1, e]. */
static Stmt *push_stmt(lua_State *L, int dbi, const char *sql) {
  Db *db = check_db(L, dbi);
  Stmt *s = lua_newuserdatauv(L, sizeof *s, 2);
  s->st = NULL;
  luaL_setmetatable(L, STMT_MT);
  lua_pushvalue(L, dbi);
  lua_setiuservalue(L, -2, 1);
  const char *tail = NULL;
  int rc = sqlite3_prepare_v2(db->h, sql, -1, &s->st, &tail);
  if (rc != SQLITE_OK) {
    /* the statement itself only for whoever asked for traces: kilobytes of SQL tell a user
    ** nothing, and the stdlib's line is in the traceback */
    const char *msg = sqlite3_errmsg(db->h);
    if (getenv("KEHOACH_TRACE")) sandbox_raise(L, store_error_code(rc), "SQL error: %s\n  in: %s", msg, sql);
    sandbox_raise(L, store_error_code(rc), "SQL error: %s", msg);
  }
  if (s->st == NULL) luaL_error(L, "SQL error: empty statement");
  return s;
}

static Stmt *check_stmt(lua_State *L, int i) {
  Stmt *s = luaL_checkudata(L, i, STMT_MT);
  if (s->st == NULL) luaL_error(L, "the statement is closed");
  return s;
}

static void bind_one(lua_State *L, sqlite3_stmt *st, int slot, int i) {
  int rc;
  switch (lua_type(L, i)) {
    case LUA_TNIL:
    case LUA_TNONE: rc = sqlite3_bind_null(st, slot); break;
    case LUA_TBOOLEAN: rc = sqlite3_bind_int(st, slot, lua_toboolean(L, i)); break;
    case LUA_TNUMBER:
      rc = lua_isinteger(L, i) ? sqlite3_bind_int64(st, slot, lua_tointeger(L, i))
                               : sqlite3_bind_double(st, slot, lua_tonumber(L, i));
      break;
    case LUA_TSTRING: {
      size_t len;
      const char *text = lua_tolstring(L, i, &len);
      rc = sqlite3_bind_text64(st, slot, text, len, SQLITE_TRANSIENT, SQLITE_UTF8);
      break;
    }
    default:
      luaL_error(L, "cannot bind a %s value to an SQL parameter", luaL_typename(L, i));
      return;
  }
  if (rc != SQLITE_OK) raise_sqlite(L, sqlite3_db_handle(st), rc);
}

/* Binds the values from stack index first on: by name from one table, else by position. */
static void bind_all(lua_State *L, sqlite3_stmt *st, int first) {
  int top = lua_gettop(L), n = sqlite3_bind_parameter_count(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (top == first && lua_type(L, first) == LUA_TTABLE) {
    for (int slot = 1; slot <= n; slot++) {
      const char *name = sqlite3_bind_parameter_name(st, slot);
      if (name == NULL) luaL_error(L, "SQL parameter %d has no name; pass values by position", slot);
      lua_getfield(L, first, name + 1);
      bind_one(L, st, slot, -1);
      lua_pop(L, 1);
    }
    return;
  }
  if (top - first + 1 > n)
    luaL_error(L, "%d values given for %d SQL parameters", top - first + 1, n);
  for (int slot = 1; slot <= n; slot++) bind_one(L, st, slot, first + slot - 1);
}

/* Re-raises an error a Lua SQL function stored during the last step, if any. The slot
** holds false when there is none: it always exists, so storing never allocates. */
static void reraise_function_error(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, SQL_ERROR_KEY);
  if (lua_toboolean(L, -1)) {
    lua_pushboolean(L, 0);
    lua_setfield(L, LUA_REGISTRYINDEX, SQL_ERROR_KEY);
    lua_error(L);
  }
  lua_pop(L, 1);
}

/* Steps s; returns SQLITE_ROW or SQLITE_DONE, raises otherwise (resetting s). */
static int step(lua_State *L, Stmt *s) {
  int rc = sqlite3_step(s->st);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) return rc;
  sqlite3_reset(s->st);
  reraise_function_error(L);
  return raise_sqlite(L, sqlite3_db_handle(s->st), rc);
}

/* Pushes column i of the current row. */
static void push_column(lua_State *L, sqlite3_stmt *st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: lua_pushinteger(L, sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: lua_pushnumber(L, sqlite3_column_double(st, i)); break;
    case SQLITE_NULL: lua_pushnil(L); break;
    default: {
      const void *p = sqlite3_column_blob(st, i); /* text or blob: bytes as they are */
      lua_pushlstring(L, p, (size_t)sqlite3_column_bytes(st, i));
    }
  }
}

/* Pushes the current row of the Stmt at index si as {column = value}, with the column
** names cached in the Stmt's second user value. Stack: [-0, +1, m]. */
static void push_row(lua_State *L, int si, Stmt *s) {
  int n = sqlite3_column_count(s->st);
  if (lua_getiuservalue(L, si, 2) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_createtable(L, n, 0);
    for (int i = 0; i < n; i++) {
      lua_pushstring(L, sqlite3_column_name(s->st, i));
      lua_rawseti(L, -2, i + 1);
    }
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, si, 2);
  }
  int names = lua_gettop(L);
  lua_createtable(L, 0, n);
  for (int i = 0; i < n; i++) {
    lua_rawgeti(L, names, i + 1);
    push_column(L, s->st, i);
    lua_rawset(L, -3);
  }
  lua_remove(L, names);
}

static int stmt_finalize(Stmt *s) {
  if (s->st) {
    sqlite3_finalize(s->st);
    s->st = NULL;
  }
  return 0;
}

static int l_stmt_close(lua_State *L) {
  return stmt_finalize(luaL_checkudata(L, 1, STMT_MT));
}

/* The generic-for iterator over a Stmt: the next row, or nil at the end (the Stmt is
** then reset, or finalized when it was made by db:rows). */
static int rows_iter(lua_State *L) {
  Stmt *s = luaL_checkudata(L, 1, STMT_MT);
  if (s->st == NULL) return 0;
  if (step(L, s) == SQLITE_DONE) {
    if (lua_toboolean(L, lua_upvalueindex(1)))
      stmt_finalize(s);
    else
      sqlite3_reset(s->st);
    return 0;
  }
  push_row(L, 1, s);
  return 1;
}

/* Prepares sql (index 2) on the Db at index 1, binds the parameters from index 3 on, and
** returns the for-loop values of iter over the new Stmt: iter as a closure whose upvalue
** (true) says the loop owns the statement, the Stmt as state, nil, and the Stmt again as
** closing value, so it is finalized when the loop ends or is left early. */
static int push_loop(lua_State *L, lua_CFunction iter) {
  const char *sql = luaL_checkstring(L, 2);
  Stmt *s = push_stmt(L, 1, sql);
  lua_insert(L, 3);
  bind_all(L, s->st, 4);
  lua_settop(L, 3);
  lua_pushboolean(L, 1);
  lua_pushcclosure(L, iter, 1);
  lua_pushvalue(L, 3);
  lua_pushnil(L);
  lua_pushvalue(L, 3);
  return 4;
}

/* db:rows(sql, ...) -> for-loop values (push_loop). */
static int l_db_rows(lua_State *L) { return push_loop(L, rows_iter); }

/* ---- rows as CSV --------------------------------------------------------------------- */

/* How much CSV text db:csv gathers before handing it to Lua: large enough that the loop
** in Lua costs nothing next to SQLite's, small enough that memory stays flat. */
#define CSV_CHUNK (256 * 1024)

/* Adds column i of the current row to b as a CSV field. Text and blobs are read through
** sqlite3_column_text, which ends them with a NUL, as csv_needs_quotes wants. */
static void add_csv_field(lua_State *L, luaL_Buffer *b, sqlite3_stmt *st, int i) {
  switch (sqlite3_column_type(st, i)) {
    case SQLITE_NULL: break;
    case SQLITE_INTEGER: {
      char num[32];
      luaL_addlstring(b, num, (size_t)snprintf(num, sizeof num, LUA_INTEGER_FMT,
                                               (LUAI_UACINT)sqlite3_column_int64(st, i)));
      break;
    }
    case SQLITE_FLOAT: /* as Lua writes a float ("2.0", "0.1"): what csv.encode wrote */
      lua_pushnumber(L, sqlite3_column_double(st, i));
      lua_tolstring(L, -1, NULL);
      luaL_addvalue(b);
      break;
    default: {
      const char *s = (const char *)sqlite3_column_text(st, i);
      size_t len = (size_t)sqlite3_column_bytes(st, i);
      if (s == NULL) luaL_error(L, "out of memory");
      if (csv_needs_quotes(s, len)) {
        size_t need = len * 2 + 2;
        luaL_addsize(b, csv_write(luaL_prepbuffsize(b, need), need, s, len));
      } else {
        luaL_addlstring(b, s, len);
      }
    }
  }
}

/* The generic-for iterator of db:csv: the next records as one string and how many they
** are, or nil at the end (the Stmt is then finalized). Stack: [-2, +2|0, e]. */
static int csv_iter(lua_State *L) {
  Stmt *s = luaL_checkudata(L, 1, STMT_MT);
  if (s->st == NULL) return 0;
  int n = sqlite3_column_count(s->st);
  lua_Integer records = 0;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (luaL_bufflen(&b) < CSV_CHUNK) {
    if (step(L, s) == SQLITE_DONE) {
      stmt_finalize(s);
      break;
    }
    for (int i = 0; i < n; i++) {
      if (i > 0) luaL_addchar(&b, ',');
      add_csv_field(L, &b, s->st, i);
    }
    luaL_addchar(&b, '\n');
    records++;
  }
  if (records == 0) return 0;
  luaL_pushresult(&b);
  lua_pushinteger(L, records);
  return 2;
}

/* db:csv(sql, ...) -> for-loop values (push_loop). */
static int l_db_csv(lua_State *L) { return push_loop(L, csv_iter); }

/* Runs sql with the parameters from index 3 on; leaves the Stmt at index 3 stepped
** once; returns the step's result code. */
static int prepare_and_step(lua_State *L, Stmt **out) {
  const char *sql = luaL_checkstring(L, 2);
  Stmt *s = push_stmt(L, 1, sql);
  lua_insert(L, 3);
  bind_all(L, s->st, 4);
  lua_settop(L, 3);
  *out = s;
  return step(L, s);
}

static int l_db_first(lua_State *L) {
  Stmt *s;
  int rc = prepare_and_step(L, &s);
  if (rc == SQLITE_ROW) push_row(L, 3, s);
  else lua_pushnil(L);
  stmt_finalize(s);
  return 1;
}

static int l_db_value(lua_State *L) {
  Stmt *s;
  int rc = prepare_and_step(L, &s);
  if (rc == SQLITE_ROW && sqlite3_column_count(s->st) > 0) push_column(L, s->st, 0);
  else lua_pushnil(L);
  stmt_finalize(s);
  return 1;
}

/* db:run(sql, ...) -> rows changed. The count is read from the statement's own connection:
** a Lua SQL function may have closed the Db meanwhile (SQLite keeps the connection until
** its statements are finalized). */
static int l_db_run(lua_State *L) {
  Stmt *s;
  for (int rc = prepare_and_step(L, &s); rc == SQLITE_ROW;) rc = step(L, s);
  lua_Integer changed = sqlite3_changes64(sqlite3_db_handle(s->st));
  stmt_finalize(s);
  lua_pushinteger(L, changed);
  return 1;
}

static int l_db_prepare(lua_State *L) {
  push_stmt(L, 1, luaL_checkstring(L, 2));
  return 1;
}

/* stmt:run(...) -> rows changed; the statement is reset for the next call. The count is
** the statement's connection's: its Db may have been closed (db->h NULL) while the
** statement lives on. */
static int l_stmt_run(lua_State *L) {
  Stmt *s = check_stmt(L, 1);
  bind_all(L, s->st, 2);
  while (step(L, s) == SQLITE_ROW) {}
  sqlite3_reset(s->st);
  lua_pushinteger(L, sqlite3_changes64(sqlite3_db_handle(s->st)));
  return 1;
}

/* stmt:rows(...) -> for-loop values; the statement stays open for reuse. */
static int l_stmt_rows(lua_State *L) {
  Stmt *s = check_stmt(L, 1);
  bind_all(L, s->st, 2);
  lua_settop(L, 1);
  lua_pushboolean(L, 0);
  lua_pushcclosure(L, rows_iter, 1);
  lua_pushvalue(L, 1);
  return 2;
}

/* ---- statements stepped in C ------------------------------------------------------------ */

struct sqlite3_stmt *store_bind_stmt(lua_State *L, int i, int first) {
  Stmt *s = check_stmt(L, i);
  bind_all(L, s->st, first);
  return s->st;
}

int store_step_stmt(lua_State *L, int i) {
  Stmt *s = check_stmt(L, i);
  if (step(L, s) == SQLITE_ROW) return 1;
  sqlite3_reset(s->st);
  return 0;
}

/* ---- SQL functions written in Lua ---------------------------------------------------- */

typedef struct Func {
  lua_State *L;
  int ref; /* the Lua function, in the registry */
} Func;

static void func_destroy(void *p) {
  Func *f = p;
  luaL_unref(f->L, LUA_REGISTRYINDEX, f->ref);
  sqlite3_free(f);
}

typedef struct Call {
  Func *f;
  int argc;
  sqlite3_value **argv;
} Call;

/* Protected: the SQL arguments of the Call (light userdata 1) pushed as Lua values, and
** the function called with them. Stack: [-1, +1, e]. */
static int func_protected(lua_State *L) {
  Call *c = lua_touserdata(L, 1);
  lua_settop(L, 0);
  luaL_checkstack(L, c->argc + 1, "too many SQL arguments");
  lua_rawgeti(L, LUA_REGISTRYINDEX, c->f->ref);
  for (int i = 0; i < c->argc; i++) {
    sqlite3_value *v = c->argv[i];
    switch (sqlite3_value_type(v)) {
      case SQLITE_INTEGER: lua_pushinteger(L, sqlite3_value_int64(v)); break;
      case SQLITE_FLOAT: lua_pushnumber(L, sqlite3_value_double(v)); break;
      case SQLITE_NULL: lua_pushnil(L); break;
      default: lua_pushlstring(L, (const char *)sqlite3_value_text(v), (size_t)sqlite3_value_bytes(v));
    }
  }
  lua_call(L, c->argc, 1);
  return 1;
}

/* Calls the Lua function in protected mode: every Lua step that can raise (even pushing
** an argument, when memory runs out) happens inside lua_pcall, so no error longjmps across
** SQLite. An error is kept in the registry and re-raised by step() once SQLite has
** unwound. */
static void func_call(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  Func *f = sqlite3_user_data(ctx);
  lua_State *L = f->L;
  int top = lua_gettop(L);
  Call c = {f, argc, argv};
  if (!lua_checkstack(L, 5)) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  lua_pushcfunction(L, sandbox_message_handler); /* the plan's line while its stack is there */
  lua_pushcfunction(L, func_protected);
  lua_pushlightuserdata(L, &c);
  int status = lua_pcall(L, 1, 1, top + 1);
  if (status != LUA_OK) {
    lua_setfield(L, LUA_REGISTRYINDEX, SQL_ERROR_KEY); /* the slot exists: no allocation */
    if (status == LUA_ERRMEM) sqlite3_result_error_nomem(ctx);
    else sqlite3_result_error(ctx, "error in a Lua function", -1);
  } else {
    switch (lua_type(L, -1)) {
      case LUA_TNIL: sqlite3_result_null(ctx); break;
      case LUA_TBOOLEAN: sqlite3_result_int(ctx, lua_toboolean(L, -1)); break;
      case LUA_TNUMBER:
        if (lua_isinteger(L, -1)) sqlite3_result_int64(ctx, lua_tointeger(L, -1));
        else sqlite3_result_double(ctx, lua_tonumber(L, -1));
        break;
      case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len); /* a string already: no conversion */
        sqlite3_result_text64(ctx, s, len, SQLITE_TRANSIENT, SQLITE_UTF8);
        break;
      }
      default: sqlite3_result_error(ctx, "a Lua function returned a value SQL cannot hold", -1);
    }
  }
  lua_settop(L, top);
}

/* db:func(name, nargs, fn): registers fn as the SQL function name. */
static int l_db_func(lua_State *L) {
  Db *db = check_db(L, 1);
  const char *name = luaL_checkstring(L, 2);
  int nargs = (int)luaL_checkinteger(L, 3);
  luaL_checktype(L, 4, LUA_TFUNCTION);
  lua_pushvalue(L, 4);
  int ref = luaL_ref(L, LUA_REGISTRYINDEX); /* may raise: before anything is malloc'ed */
  Func *f = sqlite3_malloc(sizeof *f);
  if (f == NULL) {
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    return raise_sqlite(L, db->h, SQLITE_NOMEM);
  }
  f->L = L;
  f->ref = ref;
  /* on failure SQLite calls func_destroy itself, which lets go of f and the reference */
  int rc = sqlite3_create_function_v2(db->h, name, nargs, SQLITE_UTF8, f, func_call, NULL, NULL,
                                      func_destroy);
  if (rc != SQLITE_OK) return raise_sqlite(L, db->h, rc);
  return 0;
}

/* ---- registration --------------------------------------------------------------------- */

static const luaL_Reg db_methods[] = {
    {"exec", l_db_exec},   {"rows", l_db_rows},       {"first", l_db_first},
    {"value", l_db_value}, {"run", l_db_run},         {"prepare", l_db_prepare},
    {"csv", l_db_csv},
    {"func", l_db_func},   {"close", l_db_close},     {"name", l_db_name},
    {"commit", l_db_commit}, {"rollback", l_db_rollback},
    {"attach_registry", l_db_attach_registry},          {NULL, NULL}};

static const luaL_Reg stmt_methods[] = {
    {"run", l_stmt_run}, {"rows", l_stmt_rows}, {"close", l_stmt_close}, {NULL, NULL}};

static const luaL_Reg import_methods[] = {{"temporary", l_import_temporary},
                                          {"existed", l_import_existed},
                                          {"place", l_import_place},
                                          {"close", l_import_close},
                                          {NULL, NULL}};

static const luaL_Reg store_funcs[] = {
    {"open", l_open}, {"registry", l_registry}, {"results", l_results}, {"copy", l_copy},
    {"import", l_import}, {NULL, NULL}};

int luaopen_kehoach_store(lua_State *L) {
  lua_pushboolean(L, 0); /* the slot for SQL function errors: see reraise_function_error */
  lua_setfield(L, LUA_REGISTRYINDEX, SQL_ERROR_KEY);
  modules_new_class(L, DB_MT, db_methods, l_db_close);
  modules_new_class(L, STMT_MT, stmt_methods, l_stmt_close);
  modules_new_class(L, IMPORT_MT, import_methods, l_import_close);
  luaL_newlib(L, store_funcs);
  return 1;
}
