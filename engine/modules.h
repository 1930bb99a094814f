/*
** modules.h — the Lua-facing C modules. Each lives in its own file with its own luaL_Reg
** table and luaopen_*; modules.c lists them once and builds the `core` table the stdlib
** sees. Plans never see `core`.
*/
#ifndef KEHOACH_MODULES_H
#define KEHOACH_MODULES_H

#include <lauxlib.h>
#include <lua.h>

int luaopen_kehoach_host(lua_State *L);  /* lua_host.c: stack positions, budget, terminal */
int luaopen_kehoach_store(lua_State *L); /* lua_store.c: SQLite databases for the stdlib */
int luaopen_kehoach_text(lua_State *L);  /* lua_text.c: NFC, folding, display width */
int luaopen_kehoach_fs(lua_State *L);    /* lua_fs.c: files written whole or not at all */
int luaopen_kehoach_csv(lua_State *L);   /* lua_csv.c: CSV reading and writing */
int luaopen_cjson(lua_State *L);         /* lua-cjson (Debian's lua-cjson-dev): JSON */
int luaopen_kehoach_xlsx(lua_State *L);  /* lua_xlsx.c: Excel workbooks (libxlsxwriter) */
int luaopen_kehoach_zip(lua_State *L);   /* lua_zip.c: zip containers (libzip), for .docx */
int luaopen_kehoach_sheet(lua_State *L); /* lua_sheet.c: reading .xlsx (sheet.c: libzip, expat) */
int luaopen_kehoach_http(lua_State *L);  /* lua_http.c: the local server of kehoach serve */
int luaopen_kehoach_load(lua_State *L);  /* lua_load.c: rows checked and inserted in C, for import */
int luaopen_kehoach_gen(lua_State *L);   /* lua_gen.c: the generator's households, drawn in C */

/* Registers the metatable `name` for a full userdata class: methods as __index, and
** `close` (idempotent: it must tolerate being called twice) as both __gc and __close, so
** the resource is released when Lua collects it or a to-be-closed variable leaves scope.
** Stack: [-0, +0, e]. */
void modules_new_class(lua_State *L, const char *name, const luaL_Reg *methods,
                       lua_CFunction close);

/* lua_store.c: the connection of the Db at stack index i, which stays its owner (the caller
** anchors the Db for as long as it uses the handle); raises when i is not an open Db.
** Stack: [-0, +0, e]. */
struct sqlite3;
struct sqlite3 *store_check_db(lua_State *L, int i);

/* lua_store.c: raises the SQLite error rc of connection h as store.c words it, naming the
** database file, with the exit code of its kind. Never returns. */
int store_raise(lua_State *L, struct sqlite3 *h, int rc);

/* lua_store.c: the statement of the open Stmt at stack index i, reset, with the values
** from index first to the top bound to it as stmt:rows binds them. The Stmt owns it: keep
** the Stmt anchored while the pointer is used. Stack: [-0, +0, e]. */
struct sqlite3_stmt;
struct sqlite3_stmt *store_bind_stmt(lua_State *L, int i, int first);

/* lua_store.c: steps the Stmt at stack index i: 1 at a row (read it through the pointer
** store_bind_stmt returned), 0 at the end (the statement is then reset); raises on an
** error as stmt:rows does. Stack: [-0, +0, e]. */
int store_step_stmt(lua_State *L, int i);

/* lua_host.c: limits the whole command to seconds of processor time (0: none), given
** with --max-time or not (a limit given is never lowered for part of the command); past
** it the process ends with exit 4 and a message saying why. */
void host_limit_time(long long seconds, int given);

/* lua_csv.c: whether a value (len bytes at s, NUL-terminated) is written in quotes in a CSV
** record — when it holds a comma, a quote or a line break, or a space at either end; a
** quoted value is written by libcsv's csv_write. The one rule of csv.encode and db:csv. */
int csv_needs_quotes(const char *s, size_t len);

/* Pushes a new table with one field per module above. Stack: [-0, +1, e]. */
void modules_open(lua_State *L);

#endif
