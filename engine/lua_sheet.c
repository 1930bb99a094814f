/*
** lua_sheet.c — core.sheet: Excel workbooks (.xlsx) read for the stdlib, through sheet.c
** (libzip and expat). A sheet's rows come one at a time; a sheet is never in memory whole.
**
**   sheet.open(path [, name])   a Workbook; name is how messages call the file (default path)
**   sheet.read(bytes, name)     a Workbook from a string in memory (tests, the fuzzer)
**   wb:sheets()                 { {name =, state = "visible"|"hidden"|"veryHidden"}... } in
**                               the order of the tabs
**   wb:rows(i)                  for cells, row, types in wb:rows(i) — sheet i (from 1): each
**                               row with a value, cells = { [column] = text as the officer
**                               sees it }, row its number (from 1), types = { [column] =
**                               "n" number | "d" date | "b" boolean | "e" Excel error } for
**                               the cells that are not text. The reader is the loop's
**                               closing value.
**   reader:load(plan)           from the next row on, the loop gives each row to core.load
**                               Loaders first, through the plan (below), and Lua only the
**                               rows they did not take
**   reader:loaded()             { rows loaded by each table of the plan }, in its order
**   wb:merges(i [, max_row])    { {r1, c1, r2, c2}... }: the merged ranges of sheet i that
**                               start at row max_row or above (default all)
**   wb:close()
**   sheet.ref(row, col)         "E12"
**   sheet.column(letters)       "E" -> 5; nil when not a column
**
** A file that is not a workbook, is damaged or is refused as hostile raises a data error
** (exit 3) naming the file, and the sheet and cell where known (sheet.h lists the limits).
**
** A plan (kehoach.registry.sheet makes one once a sheet's layout is known) says how a row of
** a household list becomes the rows of several tables, so that a row whose values are all
** plainly good never becomes a Lua table:
**   { db = Db, code = column of the household's code, last = the header's last row,
**     before = households in the registry before the import (0: none, so no code is looked up),
**     tables = { { loader = Loader, name = "households", width = columns of the table,
**                  count = column of the number of rows to add (persons: one per member),
**                  columns = { [index] = source } }... } }   (the first table: households)
**   a source: { col = N } the cell's text; { value = "text" }; { fresh = true } the row's
**   household; { col = N, word = fn, absent = "0" } the cell's text as fn(text) says (a
**   string, or nil when Lua must see the row), remembered by text; absent for no cell.
** A row is taken only whole: every table's values bound first, then inserted; a row one of
** them refuses is given to Lua with nothing of it left inserted, and Lua checks and words it.
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <sqlite3.h>

#include "load.h"
#include "modules.h"
#include "sandbox.h"
#include "sheet.h"
#include "store.h"

#define BOOK_MT "kehoach.SheetBook"
#define READER_MT "kehoach.SheetReader"
#define PLAN_MT "kehoach.SheetPlan"

/* A workbook; it is freed once closed and its last reader closed. */
typedef struct Book {
  sheet_book *b;
  int readers;
  int closing;
} Book;

/* ---- plans: rows loaded in C ----------------------------------------------------------- */

#define PLAN_TABLES 4
#define WORDS_KEPT 16   /* texts a word column remembers (marks: "x", "0", ...) */
#define WORD_BYTES 32
#define GIVE_UP 1000    /* rows given to Lua one after another before the plan stops trying */
#define MAX_MEMBERS 99  /* as kehoach.registry.sheet counts persons */

enum { S_NONE, S_CELL, S_WORD, S_VALUE, S_FRESH };

typedef struct Word {
  size_t klen, vlen;
  int refused; /* the word function said nil: rows with this text are Lua's */
  char key[WORD_BYTES], value[WORD_BYTES];
} Word;

typedef struct Source {
  int kind;
  unsigned col;
  const char *value; /* S_VALUE; S_WORD: the value of an absent cell (NULL: none) */
  size_t len;
  int nwords;
  Word words[WORDS_KEPT];
} Source;

typedef struct PlanTable {
  Loader *loader;         /* anchored in the plan's table */
  int ncols;
  unsigned count_col;     /* 0: one row */
  int households;         /* the table of households: undone by id, not by household */
  sqlite3_stmt *undo;     /* prepared when first needed; finalized by plan_close */
  char name[32];
  lua_Integer loaded;
  Source cols[LOAD_MAX_COLUMNS];
} PlanTable;

typedef struct Plan {
  sqlite3 *db;            /* the plan's Db, anchored in its table */
  sqlite3_stmt *exists;   /* a code already in the registry (before > 0), or NULL */
  unsigned code_col, last, max_col;
  int ntables, misses, off;
  PlanTable t[PLAN_TABLES];
  const sheet_cell *at[]; /* a row's cells by column, 1 .. max_col */
} Plan;

typedef struct Reader {
  sheet_reader *r; /* NULL once closed */
  Book *book;      /* anchored: the reader's user value 1 is the Book */
  Plan *plan;      /* reader:load: user value 2, its table user value 3 */
} Reader;

static void book_free_if_done(Book *bk) {
  if (bk->closing && bk->readers == 0 && bk->b) {
    sheet_close(bk->b);
    bk->b = NULL;
  }
}

static int l_book_close(lua_State *L) {
  Book *bk = luaL_checkudata(L, 1, BOOK_MT);
  bk->closing = 1;
  book_free_if_done(bk);
  return 0;
}

/* Finalizes the plan's statements and stops it; idempotent. */
static void plan_free(Plan *pl) {
  sqlite3_finalize(pl->exists);
  pl->exists = NULL;
  for (int t = 0; t < pl->ntables; t++) {
    sqlite3_finalize(pl->t[t].undo);
    pl->t[t].undo = NULL;
  }
  pl->off = 1;
}

static int l_reader_close(lua_State *L) {
  Reader *rd = luaL_checkudata(L, 1, READER_MT);
  if (rd->plan) plan_free(rd->plan); /* its counts stay for reader:loaded() */
  if (rd->r) {
    sheet_rows_close(rd->r);
    rd->r = NULL;
    rd->book->readers--;
    book_free_if_done(rd->book);
  }
  return 0;
}

static int raise(lua_State *L, kh_error *err) { return sandbox_raise(L, err->code, "%s", err->msg); }

/* Pushes a Book, made closed; the caller opens it. Stack: [-0, +1, m]. */
static Book *new_book(lua_State *L) {
  Book *bk = lua_newuserdatauv(L, sizeof *bk, 1);
  memset(bk, 0, sizeof *bk);
  luaL_setmetatable(L, BOOK_MT);
  return bk;
}

/* sheet.open(path [, name]) -> Workbook. Stack: [-1|2, +1, e]. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *name = luaL_optstring(L, 2, path);
  Book *bk = new_book(L);
  kh_error err;
  bk->b = sheet_open(path, name, NULL, &err);
  if (bk->b == NULL) return raise(L, &err);
  return 1;
}

/* sheet.read(bytes, name) -> Workbook; the string stays anchored in the Workbook, which
** libzip reads from. Stack: [-2, +1, e]. */
static int l_read(lua_State *L) {
  size_t n;
  const char *data = luaL_checklstring(L, 1, &n);
  const char *name = luaL_checkstring(L, 2);
  Book *bk = new_book(L);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  kh_error err;
  bk->b = sheet_open_buffer(data, n, name, NULL, &err);
  if (bk->b == NULL) return raise(L, &err);
  return 1;
}

static Book *check_book(lua_State *L) {
  Book *bk = luaL_checkudata(L, 1, BOOK_MT);
  if (bk->b == NULL || bk->closing) luaL_error(L, "the workbook has already been closed");
  return bk;
}

static size_t check_index(lua_State *L, Book *bk, int arg) {
  lua_Integer i = luaL_checkinteger(L, arg);
  luaL_argcheck(L, i >= 1 && (size_t)i <= sheet_count(bk->b), arg, "no such sheet");
  return (size_t)(i - 1);
}

static int l_sheets(lua_State *L) {
  Book *bk = check_book(L);
  size_t n = sheet_count(bk->b);
  static const char *const states[] = {"visible", "hidden", "veryHidden"};
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    sheet_info info = sheet_at(bk->b, i);
    lua_createtable(L, 0, 2);
    lua_pushstring(L, info.name);
    lua_setfield(L, -2, "name");
    lua_pushstring(L, states[info.state]);
    lua_setfield(L, -2, "state");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int plan_close(lua_State *L) {
  plan_free(luaL_checkudata(L, 1, PLAN_MT));
  return 0;
}

/* Whether a cell's text is made only of digits, brackets and blanks (a row of column
** numbers, "(1) (2) (3)", is one; so is a row of nothing but numbers): such rows are Lua's. */
static int numeral(const sheet_cell *c) {
  for (size_t i = 0; i < c->len; i++)
    if (!strchr("0123456789() \t\r\n", c->text[i]) || c->text[i] == '\0') return 0;
  return 1;
}

/* The value of a word column for cell c (NULL: absent): 1 with *v, *len set, or 0 when the
** row is Lua's. A text not seen before is given to the plan's word function (table t,
** column i), and its answer remembered. Stack: [-0, +0, e]. */
static int word(lua_State *L, Plan *pl, int t, int i, const sheet_cell *c, const char **v, size_t *len) {
  Source *s = &pl->t[t].cols[i];
  if (c == NULL) {
    *v = s->value, *len = s->len;
    return 1;
  }
  for (int k = 0; k < s->nwords; k++) {
    Word *w = &s->words[k];
    if (w->klen == c->len && memcmp(w->key, c->text, c->len) == 0) {
      *v = w->value, *len = w->vlen;
      return !w->refused;
    }
  }
  if (s->nwords == WORDS_KEPT || c->len >= WORD_BYTES) return 0;
  lua_getiuservalue(L, 1, 3);
  lua_getfield(L, -1, "tables");
  lua_rawgeti(L, -1, t + 1);
  lua_getfield(L, -1, "columns");
  lua_rawgeti(L, -1, i + 1);
  lua_getfield(L, -1, "word");
  lua_pushlstring(L, c->text, c->len);
  lua_call(L, 1, 1);
  size_t n = 0;
  const char *got = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &n) : NULL;
  Word *w = &s->words[s->nwords];
  if (got == NULL || n < WORD_BYTES) {
    memcpy(w->key, c->text, c->len);
    w->klen = c->len;
    w->refused = got == NULL;
    if (got) memcpy(w->value, got, n);
    w->vlen = n;
    s->nwords++;
  }
  lua_pop(L, 6);
  if (got == NULL || n >= WORD_BYTES) return 0;
  *v = w->value, *len = w->vlen;
  return 1;
}

/* Deletes what tables 0 .. upto-1 inserted for the household id (a later table refused the
** row after they took it: a constraint the values did not show). 0, or the SQLite error
** that failed it (the import's end). */
static int undo(Plan *pl, int upto, long long id) {
  for (int t = upto - 1; t >= 0; t--) {
    PlanTable *pt = &pl->t[t];
    if (pt->undo == NULL) {
      char sql[96];
      snprintf(sql, sizeof sql, "DELETE FROM %s WHERE %s = ?", pt->name, pt->households ? "id" : "household");
      int rc = sqlite3_prepare_v2(pl->db, sql, -1, &pt->undo, NULL);
      if (rc != SQLITE_OK) return rc;
    }
    sqlite3_bind_int64(pt->undo, 1, id);
    int rc = sqlite3_step(pt->undo);
    sqlite3_reset(pt->undo);
    if (rc != SQLITE_DONE) return rc;
  }
  return 0;
}

/* Loads one row through the plan, every table or none: 1 when it is in, 0 when it is Lua's
** (nothing of it left inserted). Raises what SQLite failed with otherwise. The Reader is at
** stack index 1. Stack: [-0, +0, e]. */
static int plan_take(lua_State *L, Plan *pl, const sheet_row *row) {
  const char *values[PLAN_TABLES][LOAD_MAX_COLUMNS];
  size_t lens[PLAN_TABLES][LOAD_MAX_COLUMNS];
  int members[PLAN_TABLES];
  int bound = 0, took = 0, failed = 0, sqlrc = 0;
  Loader *why = NULL; /* the Loader whose SQLite error ends the import */
  if (row->row <= pl->last) return 0;
  int words = 0;
  for (size_t k = 0; k < row->ncells && !words; k++) words = !numeral(&row->cells[k]);
  if (!words) return 0;
  for (size_t k = 0; k < row->ncells; k++)
    if (row->cells[k].col <= pl->max_col) pl->at[row->cells[k].col] = &row->cells[k];
  const sheet_cell *code = pl->at[pl->code_col];
  if (code == NULL) goto done;
  if (pl->exists) {
    sqlite3_bind_text(pl->exists, 1, code->text, (int)code->len, SQLITE_STATIC);
    int rc = sqlite3_step(pl->exists);
    sqlite3_reset(pl->exists);
    if (rc == SQLITE_ROW) goto done;
    if (rc != SQLITE_DONE) {
      failed = -1, sqlrc = rc;
      goto done;
    }
  }
  /* every table's row converted and bound */
  for (; bound < pl->ntables; bound++) {
    PlanTable *pt = &pl->t[bound];
    members[bound] = 1;
    if (pt->count_col) {
      const sheet_cell *c = pl->at[pt->count_col];
      int n = 0;
      if (c && (c->len < 1 || c->len > 2)) goto done;
      for (size_t i = 0; c && i < c->len; i++) {
        if (c->text[i] < '0' || c->text[i] > '9') goto done;
        n = n * 10 + (c->text[i] - '0');
      }
      members[bound] = n;
      if (n == 0) continue;
    }
    for (int i = 0; i < pt->ncols; i++) {
      const Source *s = &pt->cols[i];
      const sheet_cell *c = s->col ? pl->at[s->col] : NULL;
      values[bound][i] = NULL, lens[bound][i] = 0;
      if (s->kind == S_CELL && c) {
        values[bound][i] = c->text, lens[bound][i] = c->len;
      } else if (s->kind == S_VALUE) {
        values[bound][i] = s->value, lens[bound][i] = s->len;
      } else if (s->kind == S_FRESH) {
        values[bound][i] = code->text, lens[bound][i] = code->len;
      } else if (s->kind == S_WORD && !word(L, pl, bound, i, c, &values[bound][i], &lens[bound][i])) {
        goto done;
      }
    }
    int rc = load_bind(pt->loader, values[bound], lens[bound], pt->ncols, 0, code->text, code->len);
    if (rc < 0) failed = -1, why = pt->loader;
    if (rc <= 0) goto done;
  }
  /* then inserted: the household first, which gives the others its id */
  long long id = 0;
  for (; took < pl->ntables; took++) {
    PlanTable *pt = &pl->t[took];
    for (int m = 0; m < members[took]; m++) {
      int rc = m == 0 ? 1 : load_bind(pt->loader, values[took], lens[took], pt->ncols, 0, code->text, code->len);
      if (rc == 1) rc = load_step(pt->loader, id, took == 0 ? &id : NULL);
      if (rc < 0) {
        failed = -1, why = pt->loader;
        goto done;
      }
      if (rc == 0) {
        if ((took > 0 || m > 0) && (sqlrc = undo(pl, took + 1, id)) != 0) failed = -1;
        goto done;
      }
    }
  }
  for (int t = 0; t < pl->ntables; t++) pl->t[t].loaded += members[t];
  pl->misses = 0;
done:
  for (int t = took; t < bound; t++) load_unbind(pl->t[t].loader);
  for (size_t k = 0; k < row->ncells; k++)
    if (row->cells[k].col <= pl->max_col) pl->at[row->cells[k].col] = NULL;
  if (failed < 0 && why) return load_raise(L, why);
  if (failed < 0) {
    const char *file = sqlite3_db_filename(pl->db, "main");
    kh_error err;
    store_error(pl->db, sqlrc, file && *file ? file : "database", &err);
    return raise(L, &err);
  }
  if (took == pl->ntables && bound == pl->ntables) return 1;
  if (++pl->misses >= GIVE_UP) pl->off = 1;
  return 0;
}

static int rows_iter(lua_State *L) {
  Reader *rd = luaL_checkudata(L, 1, READER_MT);
  if (rd->r == NULL) return 0;
  sheet_row row;
  kh_error err;
  int rc;
  do {
    rc = sheet_rows_next(rd->r, &row, &err);
    if (rc < 0) return raise(L, &err);
    if (rc == 0) return 0;
  } while (rd->plan && !rd->plan->off && plan_take(L, rd->plan, &row));
  lua_createtable(L, 0, (int)row.ncells);
  lua_pushinteger(L, row.row);
  lua_newtable(L);
  for (size_t k = 0; k < row.ncells; k++) {
    const sheet_cell *c = &row.cells[k];
    lua_pushlstring(L, c->text, c->len);
    lua_rawseti(L, -4, c->col);
    if (c->type != 's') {
      lua_pushlstring(L, &c->type, 1);
      lua_rawseti(L, -2, c->col);
    }
  }
  return 3;
}

/* The integer field name of the table at i, from lo to hi; raises otherwise. */
static unsigned plan_int(lua_State *L, int i, const char *name, lua_Integer lo, lua_Integer hi) {
  lua_getfield(L, i, name);
  int ok;
  lua_Integer v = lua_tointegerx(L, -1, &ok);
  if (lua_isnil(L, -1)) v = 0, ok = lo <= 0;
  lua_pop(L, 1);
  if (!ok || v < lo || v > hi) luaL_error(L, "the plan's %s is not a number from %d to %d", name, (int)lo, (int)hi);
  return (unsigned)v;
}

/* Reads the plan's table at index 2 (its tables at index 3, one at 4, its columns at 5
** while read) into pl, or only its largest column into *max_col when pl is NULL. */
static void plan_read(lua_State *L, Plan *pl, unsigned *max_col) {
  if (lua_getfield(L, 2, "tables") != LUA_TTABLE) luaL_error(L, "the plan has no tables");
  int n = (int)lua_rawlen(L, -1);
  if (n < 1 || n > PLAN_TABLES) luaL_error(L, "the plan has %d tables", n);
  for (int t = 0; t < n; t++) {
    lua_settop(L, 3);
    lua_rawgeti(L, 3, t + 1);
    luaL_checktype(L, 4, LUA_TTABLE);
    PlanTable *pt = pl ? &pl->t[t] : NULL;
    unsigned count = plan_int(L, 4, "count", 0, SHEET_MAX_COLS);
    if (count > *max_col) *max_col = count;
    int width = (int)plan_int(L, 4, "width", 1, LOAD_MAX_COLUMNS);
    if (pt) {
      lua_getfield(L, 4, "loader");
      pt->loader = load_check(L, -1);
      lua_getfield(L, 4, "name");
      size_t len;
      const char *name = luaL_checklstring(L, -1, &len);
      if (len == 0 || len >= sizeof pt->name || strspn(name, "abcdefghijklmnopqrstuvwxyz_") != len)
        luaL_error(L, "the plan names a table '%s'", name);
      memcpy(pt->name, name, len + 1);
      pt->households = strcmp(name, "households") == 0;
      pt->ncols = width;
      pt->count_col = count;
      lua_pop(L, 2);
    }
    if (lua_getfield(L, 4, "columns") != LUA_TTABLE) luaL_error(L, "the plan's table %d has no columns", t + 1);
    for (int i = 0; i < width; i++) {
      if (lua_rawgeti(L, 5, i + 1) != LUA_TTABLE) {
        lua_pop(L, 1);
        continue;
      }
      Source *src = pt ? &pt->cols[i] : NULL;
      unsigned col = plan_int(L, -1, "col", 0, SHEET_MAX_COLS);
      if (col > *max_col) *max_col = col;
      if (src) {
        src->col = col;
        src->kind = col ? S_CELL : S_NONE;
        if (lua_getfield(L, -1, "value") == LUA_TSTRING) src->kind = S_VALUE, src->value = lua_tolstring(L, -1, &src->len);
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "fresh") == LUA_TBOOLEAN && lua_toboolean(L, -1)) src->kind = S_FRESH;
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "word") != LUA_TNIL) {
          src->kind = S_WORD;
          if (lua_getfield(L, -2, "absent") == LUA_TSTRING) src->value = lua_tolstring(L, -1, &src->len);
          lua_pop(L, 1);
        }
        lua_pop(L, 1);
      }
      lua_pop(L, 1);
    }
  }
  if (pl) pl->ntables = n;
  lua_settop(L, 2);
}

/* reader:load(plan): from the next row on, the loop gives each row to the plan's Loaders
** first (the comment at the top says how), and Lua only the rows they did not take. The
** plan is made closed, then opened; it and its table are anchored in the reader (user
** values 2 and 3), so the strings the plan points into live as long as it. Stack: [-2, +0, e]. */
static int l_load(lua_State *L) {
  Reader *rd = luaL_checkudata(L, 1, READER_MT);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 2);
  if (rd->r == NULL || rd->plan) return luaL_error(L, "the reader is closed, or has a plan already");
  unsigned max_col = plan_int(L, 2, "code", 1, SHEET_MAX_COLS);
  plan_read(L, NULL, &max_col);
  Plan *pl = lua_newuserdatauv(L, sizeof *pl + (max_col + 1) * sizeof pl->at[0], 0);
  memset(pl, 0, sizeof *pl + (max_col + 1) * sizeof pl->at[0]);
  pl->off = 1;
  luaL_setmetatable(L, PLAN_MT);
  lua_setiuservalue(L, 1, 2);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, 1, 3);
  pl->max_col = max_col;
  pl->code_col = plan_int(L, 2, "code", 1, SHEET_MAX_COLS);
  pl->last = plan_int(L, 2, "last", 0, SHEET_MAX_ROWS);
  lua_getfield(L, 2, "db");
  pl->db = store_check_db(L, -1);
  lua_pop(L, 1);
  plan_read(L, pl, &max_col);
  lua_getfield(L, 2, "before");
  int before = lua_tointeger(L, -1) != 0;
  lua_pop(L, 1);
  if (before && sqlite3_prepare_v2(pl->db, "SELECT 1 FROM households WHERE code = ?", -1, &pl->exists, NULL) != SQLITE_OK)
    return luaL_error(L, "SQL error: %s", sqlite3_errmsg(pl->db));
  if (!pl->t[0].households) return luaL_error(L, "the plan's first table is not households");
  pl->off = 0;
  rd->plan = pl;
  return 0;
}

/* reader:loaded() -> { rows each table of the plan loaded }, in the plan's order; {} without
** a plan. Stack: [-1, +1, m]. */
static int l_loaded(lua_State *L) {
  Reader *rd = luaL_checkudata(L, 1, READER_MT);
  int n = rd->plan ? rd->plan->ntables : 0;
  lua_createtable(L, n, 0);
  for (int t = 0; t < n; t++) {
    lua_pushinteger(L, rd->plan->t[t].loaded);
    lua_rawseti(L, -2, t + 1);
  }
  return 1;
}

/* wb:rows(i) -> iterator, reader, nil, reader. Stack: [-2, +4, e]. */
static int l_rows(lua_State *L) {
  Book *bk = check_book(L);
  size_t i = check_index(L, bk, 2);
  lua_pushcfunction(L, rows_iter);
  Reader *rd = lua_newuserdatauv(L, sizeof *rd, 3);
  rd->r = NULL;
  rd->book = bk;
  rd->plan = NULL;
  luaL_setmetatable(L, READER_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  kh_error err;
  rd->r = sheet_rows(bk->b, i, &err);
  if (rd->r == NULL) return raise(L, &err);
  bk->readers++;
  lua_pushnil(L);
  lua_pushvalue(L, -2);
  return 4;
}

static int l_merges(lua_State *L) {
  Book *bk = check_book(L);
  size_t i = check_index(L, bk, 2);
  lua_Integer max_row = luaL_optinteger(L, 3, SHEET_MAX_ROWS);
  sheet_range *list = NULL;
  size_t n = 0;
  kh_error err;
  /* the list is copied into a userdata first, so a memory error in Lua leaves no leak */
  if (sheet_merges(bk->b, i, max_row < 0 ? 0 : max_row > SHEET_MAX_ROWS ? SHEET_MAX_ROWS : (unsigned)max_row,
                   &list, &n, &err) < 0)
    return raise(L, &err);
  sheet_range *copy = lua_newuserdatauv(L, n * sizeof *copy + 1, 0);
  if (n) memcpy(copy, list, n * sizeof *copy);
  free(list);
  lua_createtable(L, (int)n, 0);
  for (size_t k = 0; k < n; k++) {
    lua_createtable(L, 4, 0);
    lua_Integer v[4] = {copy[k].r1, copy[k].c1, copy[k].r2, copy[k].c2};
    for (int j = 0; j < 4; j++) {
      lua_pushinteger(L, v[j]);
      lua_rawseti(L, -2, j + 1);
    }
    lua_rawseti(L, -2, (lua_Integer)k + 1);
  }
  return 1;
}

static int l_ref(lua_State *L) {
  lua_Integer row = luaL_checkinteger(L, 1), col = luaL_checkinteger(L, 2);
  luaL_argcheck(L, row >= 1 && row <= SHEET_MAX_ROWS, 1, "not a row of a sheet");
  luaL_argcheck(L, col >= 1 && col <= SHEET_MAX_COLS, 2, "not a column of a sheet");
  char buf[16];
  sheet_ref((unsigned)row, (unsigned)col, buf);
  lua_pushstring(L, buf);
  return 1;
}

static int l_column(lua_State *L) {
  size_t n;
  const char *s = luaL_checklstring(L, 1, &n);
  lua_Integer col = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = (char)(c - 'a' + 'A');
    if (c < 'A' || c > 'Z' || i >= 3) return 0;
    col = col * 26 + (c - 'A' + 1);
  }
  if (n == 0 || col > SHEET_MAX_COLS) return 0;
  lua_pushinteger(L, col);
  return 1;
}

static const luaL_Reg book_methods[] = {
    {"sheets", l_sheets}, {"rows", l_rows}, {"merges", l_merges}, {"close", l_book_close}, {NULL, NULL}};
static const luaL_Reg reader_methods[] = {
    {"load", l_load}, {"loaded", l_loaded}, {"close", l_reader_close}, {NULL, NULL}};
static const luaL_Reg plan_methods[] = {{"close", plan_close}, {NULL, NULL}};
static const luaL_Reg sheet_funcs[] = {
    {"open", l_open}, {"read", l_read}, {"ref", l_ref}, {"column", l_column}, {NULL, NULL}};

int luaopen_kehoach_sheet(lua_State *L) {
  modules_new_class(L, BOOK_MT, book_methods, l_book_close);
  modules_new_class(L, READER_MT, reader_methods, l_reader_close);
  modules_new_class(L, PLAN_MT, plan_methods, plan_close);
  luaL_newlib(L, sheet_funcs);
  return 1;
}
