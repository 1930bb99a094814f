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
**   wb:merges(i [, max_row])    { {r1, c1, r2, c2}... }: the merged ranges of sheet i that
**                               start at row max_row or above (default all)
**   wb:close()
**   sheet.ref(row, col)         "E12"
**   sheet.column(letters)       "E" -> 5; nil when not a column
**
** A file that is not a workbook, is damaged or is refused as hostile raises a data error
** (exit 3) naming the file, and the sheet and cell where known (sheet.h lists the limits).
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"
#include "sheet.h"

#define BOOK_MT "kehoach.SheetBook"
#define READER_MT "kehoach.SheetReader"

/* A workbook; it is freed once closed and its last reader closed. */
typedef struct Book {
  sheet_book *b;
  int readers;
  int closing;
} Book;

typedef struct Reader {
  sheet_reader *r; /* NULL once closed */
  Book *book;      /* anchored: the reader's user value is the Book */
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

static int l_reader_close(lua_State *L) {
  Reader *rd = luaL_checkudata(L, 1, READER_MT);
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

static int rows_iter(lua_State *L) {
  Reader *rd = luaL_checkudata(L, 1, READER_MT);
  if (rd->r == NULL) return 0;
  sheet_row row;
  kh_error err;
  int rc = sheet_rows_next(rd->r, &row, &err);
  if (rc < 0) return raise(L, &err);
  if (rc == 0) return 0;
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

/* wb:rows(i) -> iterator, reader, nil, reader. Stack: [-2, +4, e]. */
static int l_rows(lua_State *L) {
  Book *bk = check_book(L);
  size_t i = check_index(L, bk, 2);
  lua_pushcfunction(L, rows_iter);
  Reader *rd = lua_newuserdatauv(L, sizeof *rd, 1);
  rd->r = NULL;
  rd->book = bk;
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
static const luaL_Reg reader_methods[] = {{"close", l_reader_close}, {NULL, NULL}};
static const luaL_Reg sheet_funcs[] = {
    {"open", l_open}, {"read", l_read}, {"ref", l_ref}, {"column", l_column}, {NULL, NULL}};

int luaopen_kehoach_sheet(lua_State *L) {
  modules_new_class(L, BOOK_MT, book_methods, l_book_close);
  modules_new_class(L, READER_MT, reader_methods, l_reader_close);
  luaL_newlib(L, sheet_funcs);
  return 1;
}
