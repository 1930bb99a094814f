/*
** load.h — the C side of core.load (lua_load.c), for a reader that hands a Loader its rows
** without making Lua values of them (lua_csv.c).
*/
#ifndef KEHOACH_LOAD_H
#define KEHOACH_LOAD_H

#include <stddef.h>

#include <lua.h>

/* The most columns a Loader takes: a table of more is loaded by Lua alone. */
#define LOAD_MAX_COLUMNS 64

typedef struct Loader Loader;

/* The open Loader at stack index i; raises when it is not one, or is closed. The Lua value
** owns it: keep that value anchored while the pointer is used. Stack: [-0, +0, v]. */
Loader *load_check(lua_State *L, int i);

/* Converts and checks one row — values[k] of lens[k] bytes, k < n, by the position its
** file gives each column (by_position: the column's `pos`) or by the column's index —
** and inserts it. Returns 1 when the row is in the table, 0 when it is not (a value the
** Loader cannot accept as it is, or an insert SQLite refused): then nothing was inserted,
** and the row is for Lua to check, word and insert; -1 when SQLite failed for another
** reason than the row (a full disk: the transaction is over), which load_raise raises, and
** every later row gets -1 too. Raises nothing; keeps no pointer into values past the call. */
int load_row(Loader *ld, const char *const *values, const size_t *lens, int n, int by_position);

/* Raises the SQLite error that made load_row return -1, as core.store raises its errors.
** Stack: [-0, +0, e]. */
int load_raise(lua_State *L, Loader *ld);

#endif
