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

/* The two halves of load_row, for a reader that loads a row into several tables, all or
** none (lua_sheet.c: a household and its survey). load_bind converts, checks and binds the
** row without inserting it; a column of type household whose value is fresh (fresh_len
** bytes: the code of a household the same row adds, not in its table yet) is left for
** load_step. Returns 1 when the row is bound, else as load_row (nothing is then bound).
** load_step inserts the row bound, its fresh household column as fresh_id, and puts the
** new row's rowid in *rowid (when not NULL); returns as load_row. load_unbind forgets a row
** bound and not inserted. None raises. */
int load_bind(Loader *ld, const char *const *values, const size_t *lens, int n, int by_position,
              const char *fresh, size_t fresh_len);
int load_step(Loader *ld, long long fresh_id, long long *rowid);
void load_unbind(Loader *ld);

/* Raises the SQLite error that made load_row return -1, as core.store raises its errors.
** Stack: [-0, +0, e]. */
int load_raise(lua_State *L, Loader *ld);

#endif
