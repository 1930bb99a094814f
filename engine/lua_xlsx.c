/*
** lua_xlsx.c — core.xlsx: Excel workbooks through libxlsxwriter, with just what the
** report renderer needs. A workbook is written to a temporary file beside its target
** and renamed into place on commit, like core.fs's writers, so a reader (or a killed
** run) never sees half a workbook. Rows are written in order (constant-memory mode: a
** long beneficiary list does not stay in memory), and compressed faster than
** libxlsxwriter's own choice (WORKBOOK_LEVEL).
**
**   xlsx.new(path [, props])   a Workbook for path; props: {title, subject, author,
**                              created = seconds since 1970 (fixed: the same bytes on
**                              every run)}
**   wb:sheet(name)             a new Sheet; raises when the name is not one Excel allows
**   wb:format(spec)            a Format: {bold, italic, wrap = true, num_format = "#,##0",
**                              align = "left"|"center"|"right", valign = "top"|"center",
**                              bg = 0xRRGGBB, border = 1, size = 11}
**   wb:close()                 writes the workbook to its temporary file
**   wb:commit()                closes it if need be, then renames it into place
**   wb:abort()                 drops it; __gc and __close do the same if not committed
**   sh:write(row, col, value [, format])   1-based; a number is a number cell, a string
**                              a text cell, a boolean a boolean, nil a blank cell; a text
**                              longer than a cell holds (32,767 characters) is cut with a
**                              mark at its end, and write returns true
**   sh:write(row, col, values, n, formats, widths, measure)   a row (a table of values
**                              with the measure function): values[1..n] (n nil:
**                              up to the first nil) from column col on (false: the cell
**                              left alone), keeping in widths the widest each column
**                              needs; measure(text) the width of a text
**   sh:rows(row, spec, stmt, ...)   the result rows of a Stmt (db:prepare; the values
**                              after it bound), one a row from row on, written in C with
**                              no Lua value per cell: a beneficiary list; spec: {formats,
**                              widths, measure, last, numbered} (l_rows)
**   sh:width(first, last, width [, format])   widths of columns first..last, in characters
**   sh:freeze(row, col)        rows above row and columns left of col stay in view
**   sh:merge(r1, c1, r2, c2, text [, format])   one cell over the range (cut as write does)
**   sh:print({landscape, fit_width, repeat_rows = {first, last}, footer})   how it
**                              prints: A4, one page wide, header rows on every page
**   sh:name()                  the sheet's name
**
** Workbooks raise output errors (exit 5) when the file cannot be written; misuse (a bad
** row, a sheet of a closed workbook) raises a plain error, which is a bug in the stdlib.
*/
#include <dlfcn.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>
#include <xlsxwriter.h>
#include <zlib.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

#define WORKBOOK_MT "kehoach.Workbook"
#define SHEET_MT "kehoach.Sheet"
#define FORMAT_MT "kehoach.Format"

enum { WB_OPEN, WB_WRITTEN, WB_DONE };

typedef struct Workbook {
  lxw_workbook *wb; /* NULL once closed or dropped */
  char *tmp;        /* the temporary file, malloc'ed; NULL once renamed or removed */
  char *target;     /* the final name, malloc'ed */
  int lock;         /* a descriptor of tmp holding an flock while the workbook lives, so
                    ** fs.sweep leaves it alone (see lua_fs.c); -1 when none */
  int state;
} Workbook;

/* Sheets and formats belong to their workbook (anchored in their first user value). */
typedef struct Sheet {
  lxw_worksheet *ws;
} Sheet;

typedef struct Format {
  lxw_format *f;
} Format;

/* ---- compression ------------------------------------------------------------------------- */

/* How hard a workbook is compressed. libxlsxwriter asks zlib (through minizip) for its
** default level, 6, and has no option for another; on a 2021 run at 1,000,000 households
** that took 0.4 s of the run's 2.5 to compress report.xlsx's 28 MB of XML. Level 2 takes a
** fifth of that for a file 8% larger (3.3 MB against 3.1); the cells are the same. */
#define WORKBOOK_LEVEL 2

/* Whether a workbook is being written (workbook_write): only then is the level changed. */
static int writing_workbook;

typedef int (*deflate_init_fn)(z_streamp, int, int, int, int, int, const char *, int);

/* zlib's deflateInit2_ (what its deflateInit2 macro calls), defined here so that the
** dynamic linker gives minizip this one: it asks for WORKBOOK_LEVEL while a workbook is
** written and passes everything else on to zlib's own, unchanged (docx through libzip
** keeps its level). */
int deflateInit2_(z_streamp strm, int level, int method, int window_bits, int mem_level, int strategy,
                  const char *version, int stream_size) {
  static deflate_init_fn zlib_init;
  if (zlib_init == NULL) {
    void *sym = dlsym(RTLD_NEXT, "deflateInit2_");
    if (sym == NULL) return Z_VERSION_ERROR;
    memcpy(&zlib_init, &sym, sizeof zlib_init);
  }
  if (writing_workbook) level = WORKBOOK_LEVEL;
  return zlib_init(strm, level, method, window_bits, mem_level, strategy, version, stream_size);
}

/* Frees what w holds; the temporary file is removed unless it was renamed. */
static void workbook_drop(Workbook *w) {
  if (w->wb) {
    lxw_workbook_free(w->wb);
    w->wb = NULL;
  }
  if (w->tmp) {
    unlink(w->tmp); /* before the lock goes */
    free(w->tmp);
    w->tmp = NULL;
  }
  if (w->lock >= 0) {
    close(w->lock);
    w->lock = -1;
  }
  free(w->target);
  w->target = NULL;
  w->state = WB_DONE;
}

static int l_workbook_gc(lua_State *L) {
  workbook_drop(luaL_checkudata(L, 1, WORKBOOK_MT));
  return 0;
}

static Workbook *check_open(lua_State *L, int i) {
  Workbook *w = luaL_checkudata(L, i, WORKBOOK_MT);
  if (w->state != WB_OPEN) luaL_error(L, "the workbook has already been closed");
  return w;
}

static const char *opt_field(lua_State *L, int t, const char *name) {
  lua_getfield(L, t, name);
  const char *s = lua_isnil(L, -1) ? NULL : luaL_checkstring(L, -1);
  lua_pop(L, 1); /* the string stays alive in the table */
  return s;
}

/* xlsx.new(path [, props]) -> Workbook. Made empty, then filled, so a failure on the way
** leaves nothing behind once collected. Stack: [-1|2, +1, e]. */
static int l_new(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  int has_props = !lua_isnoneornil(L, 2);
  if (has_props) luaL_checktype(L, 2, LUA_TTABLE);
  Workbook *w = lua_newuserdatauv(L, sizeof *w, 0);
  memset(w, 0, sizeof *w);
  w->lock = -1;
  w->state = WB_DONE;
  luaL_setmetatable(L, WORKBOOK_MT);
  size_t n = strlen(path);
  w->target = strdup(path);
  w->tmp = malloc(n + 16);
  if (w->target == NULL || w->tmp == NULL) return luaL_error(L, "out of memory");
  snprintf(w->tmp, n + 16, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(w->tmp);
  if (fd < 0) {
    free(w->tmp);
    w->tmp = NULL;
    return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", path, strerror(errno));
  }
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  flock(fd, LOCK_EX | LOCK_NB); /* a new file: the lock is ours; libxlsxwriter rewrites
                                ** the same file by its name later, keeping the inode */
  w->lock = fd;
  lxw_workbook_options opts = {.constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
  w->wb = workbook_new_opt(w->tmp, &opts);
  if (w->wb == NULL) return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: out of memory", path);
  w->state = WB_OPEN;
  if (has_props) {
    lxw_doc_properties props = {0};
    props.title = (char *)opt_field(L, 2, "title");
    props.subject = (char *)opt_field(L, 2, "subject");
    props.author = (char *)opt_field(L, 2, "author");
    lua_getfield(L, 2, "created");
    props.created = (time_t)luaL_optinteger(L, -1, 0);
    lua_pop(L, 1);
    lxw_error err = workbook_set_properties(w->wb, &props);
    if (err) return luaL_error(L, "workbook properties: %s", lxw_strerror(err));
  }
  return 1;
}

/* wb:sheet(name) -> Sheet. Stack: [-2, +1, e]. */
static int l_sheet(lua_State *L) {
  Workbook *w = check_open(L, 1);
  const char *name = luaL_checkstring(L, 2);
  lxw_error err = workbook_validate_sheet_name(w->wb, name);
  if (err) return luaL_error(L, "sheet name '%s': %s", name, lxw_strerror(err));
  Sheet *s = lua_newuserdatauv(L, sizeof *s, 1);
  s->ws = NULL;
  luaL_setmetatable(L, SHEET_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  s->ws = workbook_add_worksheet(w->wb, name);
  if (s->ws == NULL) return luaL_error(L, "sheet '%s' could not be added", name);
  return 1;
}

static int opt_bool(lua_State *L, int t, const char *name) {
  lua_getfield(L, t, name);
  int b = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return b;
}

/* wb:format(spec) -> Format. Stack: [-2, +1, e]. */
static int l_format(lua_State *L) {
  Workbook *w = check_open(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  Format *fm = lua_newuserdatauv(L, sizeof *fm, 1);
  fm->f = NULL;
  luaL_setmetatable(L, FORMAT_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  lxw_format *f = workbook_add_format(w->wb);
  if (f == NULL) return luaL_error(L, "out of memory");
  fm->f = f;
  if (opt_bool(L, 2, "bold")) format_set_bold(f);
  if (opt_bool(L, 2, "italic")) format_set_italic(f);
  if (opt_bool(L, 2, "wrap")) format_set_text_wrap(f);
  const char *num = opt_field(L, 2, "num_format");
  if (num) format_set_num_format(f, num);
  static const char *const aligns[] = {"left", "center", "right", NULL};
  static const uint8_t align_codes[] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT};
  lua_getfield(L, 2, "align");
  if (!lua_isnil(L, -1)) format_set_align(f, align_codes[luaL_checkoption(L, -1, NULL, aligns)]);
  lua_pop(L, 1);
  static const char *const valigns[] = {"top", "center", NULL};
  static const uint8_t valign_codes[] = {LXW_ALIGN_VERTICAL_TOP, LXW_ALIGN_VERTICAL_CENTER};
  lua_getfield(L, 2, "valign");
  if (!lua_isnil(L, -1)) format_set_align(f, valign_codes[luaL_checkoption(L, -1, NULL, valigns)]);
  lua_pop(L, 1);
  lua_getfield(L, 2, "bg");
  if (!lua_isnil(L, -1)) {
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, (lxw_color_t)luaL_checkinteger(L, -1));
  }
  lua_pop(L, 1);
  lua_getfield(L, 2, "border");
  if (!lua_isnil(L, -1)) format_set_border(f, (uint8_t)luaL_checkinteger(L, -1));
  lua_pop(L, 1);
  lua_getfield(L, 2, "size");
  if (!lua_isnil(L, -1)) format_set_font_size(f, luaL_checknumber(L, -1));
  lua_pop(L, 1);
  return 1;
}

/* Writes the workbook to its temporary file. Raises an output error when it cannot. */
static void workbook_write(lua_State *L, Workbook *w) {
  writing_workbook = 1;
  lxw_error err = workbook_close(w->wb); /* frees the workbook, whatever happens */
  writing_workbook = 0;
  w->wb = NULL;
  w->state = WB_WRITTEN;
  /* on the disk before the run commits: after it, only the rename is left */
  const char *why = err ? lxw_strerror(err) : fsync(w->lock) != 0 ? strerror(errno) : NULL;
  if (why) {
    lua_pushfstring(L, "cannot write %s: %s", w->target, why);
    workbook_drop(w);
    sandbox_raise(L, KH_EOUTPUT, "%s", lua_tostring(L, -1));
  }
}

static int l_close(lua_State *L) {
  workbook_write(L, check_open(L, 1));
  return 0;
}

static int l_commit(lua_State *L) {
  Workbook *w = luaL_checkudata(L, 1, WORKBOOK_MT);
  if (w->state == WB_OPEN) workbook_write(L, w);
  if (w->state != WB_WRITTEN) return luaL_error(L, "the workbook has already been committed or dropped");
  if (rename(w->tmp, w->target) != 0) {
    lua_pushfstring(L, "cannot write %s: %s", w->target, strerror(errno));
    workbook_drop(w);
    return sandbox_raise(L, KH_EOUTPUT, "%s", lua_tostring(L, -1));
  }
  free(w->tmp);
  w->tmp = NULL; /* in place: nothing to remove */
  workbook_drop(w);
  return 0;
}

/* ---- sheets ------------------------------------------------------------------------------ */

/* The sheet at i, after checking that its workbook is still open. */
static lxw_worksheet *check_sheet(lua_State *L, int i) {
  Sheet *s = luaL_checkudata(L, i, SHEET_MT);
  lua_getiuservalue(L, i, 1);
  check_open(L, lua_gettop(L));
  lua_pop(L, 1);
  return s->ws;
}

/* The format at i, or NULL when there is none there. */
static lxw_format *opt_format(lua_State *L, int i) {
  if (lua_isnoneornil(L, i)) return NULL;
  return ((Format *)luaL_checkudata(L, i, FORMAT_MT))->f;
}

static lxw_row_t check_row(lua_State *L, int i) {
  lua_Integer r = luaL_checkinteger(L, i);
  luaL_argcheck(L, r >= 1 && r <= LXW_ROW_MAX, i, "a row from 1 to 1048576");
  return (lxw_row_t)(r - 1);
}

static lxw_col_t check_col(lua_State *L, int i) {
  lua_Integer c = luaL_checkinteger(L, i);
  luaL_argcheck(L, c >= 1 && c <= LXW_COL_MAX, i, "a column from 1 to 16384");
  return (lxw_col_t)(c - 1);
}

static int check_lxw(lua_State *L, lxw_error err, const char *what) {
  if (err) return luaL_error(L, "%s: %s", what, lxw_strerror(err));
  return 0;
}

/* The most characters one cell holds (Excel's limit; libxlsxwriter refuses more). */
#define CELL_MAX_CHARS 32767
#define CUT_MARK " … [cắt bớt: một ô chỉ chứa 32.767 ký tự]"
#define CUT_MARK_CHARS 41

/* The text of the string at index i, fit for one cell: a longer one is cut at a character
** boundary with CUT_MARK at its end (the cut text replaces the value at i, which anchors
** it), and *cut is set to 1. Stack: [-0, +0, m]. */
static const char *cell_text(lua_State *L, int i, int *cut) {
  size_t len, chars = 0, keep = 0;
  const char *s = luaL_checklstring(L, i, &len);
  *cut = 0;
  if (len <= CELL_MAX_CHARS) return s;
  for (size_t b = 0; b < len; b++) {
    if (((unsigned char)s[b] & 0xC0) == 0x80) continue;
    if (chars == CELL_MAX_CHARS - CUT_MARK_CHARS) keep = b;
    chars++;
  }
  if (chars <= CELL_MAX_CHARS) return s;
  *cut = 1;
  lua_pushlstring(L, s, keep);
  lua_pushliteral(L, CUT_MARK);
  lua_concat(L, 2);
  lua_replace(L, i);
  return lua_tostring(L, i);
}

/* Writes the value at stack index i into the cell at row, col (0-based) with format f:
** a number, a text (cut as cell_text does), a boolean, or nil for a blank. Returns whether
** a text was cut; raises for another type. Stack: [-0, +0, e] (i may be replaced). */
static int write_cell(lua_State *L, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, int i, lxw_format *f) {
  lxw_error err;
  int cut = 0;
  switch (lua_type(L, i)) {
    case LUA_TNUMBER: err = worksheet_write_number(ws, row, col, lua_tonumber(L, i), f); break;
    case LUA_TSTRING: err = worksheet_write_string(ws, row, col, cell_text(L, i, &cut), f); break;
    case LUA_TBOOLEAN: err = worksheet_write_boolean(ws, row, col, lua_toboolean(L, i), f); break;
    case LUA_TNIL:
    case LUA_TNONE: err = worksheet_write_blank(ws, row, col, f); break;
    default: return luaL_typeerror(L, i, "number, string, boolean or nil");
  }
  check_lxw(L, err, "write");
  return cut;
}

static int l_write_row(lua_State *L);

/* sh:write(row, col, value [, format]) -> true when a text was cut to fit the cell; with a
** table of values and the widths and measure after them, a row (l_write_row). */
static int l_write(lua_State *L) {
  if (lua_istable(L, 4) && lua_isfunction(L, 8)) return l_write_row(L);
  lxw_worksheet *ws = check_sheet(L, 1);
  lxw_row_t row = check_row(L, 2);
  lxw_col_t col = check_col(L, 3);
  lua_pushboolean(L, write_cell(L, ws, row, col, 4, opt_format(L, 5)));
  return 1;
}

/* The width in characters a number needs as "#,##0" shows it: its digits (of the integer
** i when is_int, else of the float d), their group marks and a margin of 2. */
static lua_Integer number_width(int is_int, lua_Integer i, double d) {
  char digits[64];
  int n = is_int ? snprintf(digits, sizeof digits, "%llu", (unsigned long long)llabs(i))
                 : snprintf(digits, sizeof digits, "%.0f", floor(fabs(d)));
  return n + (n - 1) / 3 + 2;
}

/* The width in characters a text (len bytes at s) needs in a column now w wide, or 0 when
** it cannot widen it: only a text longer in bytes than w less the margin can (a text is
** never wider than its bytes), and then measure (the function at index m) says. Stack:
** [-0, +0, e]. */
static lua_Integer text_width(lua_State *L, const char *s, size_t len, lua_Integer w, int m) {
  if ((lua_Integer)len + 2 <= w) return 0;
  lua_pushvalue(L, m);
  lua_pushlstring(L, s, len);
  lua_call(L, 1, 1);
  lua_Integer need = luaL_checkinteger(L, -1);
  lua_pop(L, 1);
  return need;
}

/* The width in characters the value at stack index i needs in a column now w wide, or 0
** when it cannot widen it: a number as number_width says, a boolean as its word, a text
** as text_width says. Stack: [-0, +0, e]. */
static lua_Integer cell_width(lua_State *L, int i, lua_Integer w, int m) {
  if (lua_type(L, i) == LUA_TNUMBER)
    return number_width(lua_isinteger(L, i), lua_tointeger(L, i), lua_tonumber(L, i));
  if (lua_isnoneornil(L, i)) return 0;
  if (lua_type(L, i) == LUA_TBOOLEAN) {
    lua_Integer len = lua_toboolean(L, i) ? 4 : 5; /* "true", "false" */
    return len + 2 <= w ? 0 : len + 2;
  }
  size_t len;
  const char *s = luaL_checklstring(L, i, &len);
  return text_width(L, s, len, w, m);
}

/* sh:write(row, col, values, n, formats, widths, measure): values[1..n] into row, from
** column col on, each with formats[k] (formats may be nil); n nil: up to the first nil, as
** ipairs goes (with n, a nil is a blank cell); a value false leaves its cell alone. widths (a table by column) keeps the widest each column needs (a column starts
** 6 wide); measure(text) is the width a text needs, margin included. One call per row of
** a long list. Stack: [-7, +0, e]. */
static int l_write_row(lua_State *L) {
  lxw_worksheet *ws = check_sheet(L, 1);
  lxw_row_t row = check_row(L, 2);
  lua_Integer col = luaL_checkinteger(L, 3);
  luaL_checktype(L, 4, LUA_TTABLE);
  int counted = !lua_isnoneornil(L, 5);
  lua_Integer n = counted ? luaL_checkinteger(L, 5) : LUA_MAXINTEGER;
  int has_formats = lua_istable(L, 6);
  luaL_checktype(L, 7, LUA_TTABLE);
  luaL_checktype(L, 8, LUA_TFUNCTION);
  for (lua_Integer k = 1; k <= n; k++) {
    int v = lua_gettop(L) + 1;
    if (lua_rawgeti(L, 4, k) == LUA_TNIL && !counted) break;
    if (lua_isboolean(L, v) && !lua_toboolean(L, v)) {
      lua_pop(L, 1);
      continue;
    }
    lua_Integer c = col + k - 1;
    lua_rawgeti(L, 7, c);
    int known = !lua_isnil(L, -1);
    lua_Integer w = known ? lua_tointeger(L, -1) : 6;
    lua_pop(L, 1);
    lua_Integer need = cell_width(L, v, w, 8);
    if (need > w || !known) {
      lua_pushinteger(L, need > w ? need : w);
      lua_rawseti(L, 7, c);
    }
    lxw_format *f = NULL;
    if (has_formats) {
      lua_rawgeti(L, 6, k);
      f = opt_format(L, -1);
      lua_pop(L, 1);
    }
    luaL_argcheck(L, c >= 1 && c <= LXW_COL_MAX, 3, "a column from 1 to 16384");
    write_cell(L, ws, row, (lxw_col_t)(c - 1), v, f);
    lua_settop(L, v - 1);
  }
  return 0;
}

/* The most columns sh:rows writes (a list's columns; a sheet has more). */
#define ROWS_MAX_COLUMNS 64

/* Writes the current row of st, its n columns from column col (0-based) on, into row, each
** with fmts[k], keeping in w[k] (known[k]: set) the widest each column needs, as a row of
** sh:write does; a NULL leaves its cell alone. Stack: [-0, +0, e]. */
static void write_result_row(lua_State *L, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, sqlite3_stmt *st,
                             int n, lxw_format **fmts, lua_Integer *w, int *known, int m) {
  for (int k = 0; k < n; k++) {
    lxw_error err = LXW_NO_ERROR;
    lua_Integer need = 0;
    switch (sqlite3_column_type(st, k)) {
      case SQLITE_NULL: continue;
      case SQLITE_INTEGER: {
        sqlite3_int64 i = sqlite3_column_int64(st, k);
        need = number_width(1, (lua_Integer)i, 0);
        err = worksheet_write_number(ws, row, col + k, (double)i, fmts[k]);
        break;
      }
      case SQLITE_FLOAT: {
        double d = sqlite3_column_double(st, k);
        need = number_width(0, 0, d);
        err = worksheet_write_number(ws, row, col + k, d, fmts[k]);
        break;
      }
      default: { /* text, and a blob as its bytes */
        const char *text = (const char *)sqlite3_column_text(st, k);
        size_t len = (size_t)sqlite3_column_bytes(st, k);
        if (text == NULL) { /* an empty blob, or no memory to make the text */
          if (sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM) luaL_error(L, "out of memory");
          text = "";
        }
        need = text_width(L, text, len, w[k], m);
        if (len <= CELL_MAX_CHARS) {
          err = worksheet_write_string(ws, row, col + k, text, fmts[k]);
        } else { /* cut to fit, as write cuts it */
          int cut;
          lua_pushlstring(L, text, len);
          err = worksheet_write_string(ws, row, col + k, cell_text(L, lua_gettop(L), &cut), fmts[k]);
          lua_pop(L, 1);
        }
      }
    }
    check_lxw(L, err, "write");
    if (!known[k]) w[k] = 6; /* a column starts 6 wide */
    if (need > w[k]) w[k] = need;
    known[k] = 1;
  }
}

/* sh:rows(row, spec, stmt, ...) -> rows written, rows left: the result rows of stmt (a
** Stmt of db:prepare, the values after it bound as stmt:rows binds them), one a row from
** row on. spec: {formats, widths, measure, last, numbered}: with numbered, the first
** column holds the row's number in the list (1, 2, ...) and the result's columns follow;
** each cell k has formats[k] (formats may be nil) and is measured into widths with measure
** as a row of sh:write is; a NULL leaves its cell alone. Rows that would pass row last
** are counted, not written. A list of a national plan's households runs to a million
** rows: no Lua value is made for a cell. The caller closes stmt. Stack: [-(3+k), +2, e]. */
static int l_rows(lua_State *L) {
  lxw_worksheet *ws = check_sheet(L, 1);
  lxw_row_t row = check_row(L, 2);
  luaL_checktype(L, 3, LUA_TTABLE);
  int top = lua_gettop(L);
  int formats = lua_getfield(L, 3, "formats") == LUA_TTABLE ? lua_gettop(L) : 0;
  if (lua_getfield(L, 3, "widths") != LUA_TTABLE) return luaL_error(L, "rows: spec.widths is not a table");
  int widths = lua_gettop(L);
  if (lua_getfield(L, 3, "measure") != LUA_TFUNCTION) return luaL_error(L, "rows: spec.measure is not a function");
  int measure = lua_gettop(L);
  lua_getfield(L, 3, "last");
  lua_Integer last = luaL_optinteger(L, -1, LXW_ROW_MAX);
  luaL_argcheck(L, last >= 1 && last <= LXW_ROW_MAX, 3, "spec.last: a row from 1 to 1048576");
  lua_getfield(L, 3, "numbered");
  int numbered = lua_toboolean(L, -1);
  lua_pop(L, 2);
  /* the Stmt and its values moved above the spec's fields, bound from there */
  int stmt = lua_gettop(L) + 1;
  for (int i = 4; i <= top; i++) lua_pushvalue(L, i);
  sqlite3_stmt *st = store_bind_stmt(L, stmt, stmt + 1);
  int n = sqlite3_column_count(st) + numbered;
  luaL_argcheck(L, n <= ROWS_MAX_COLUMNS, 4, "too many columns");
  lxw_format *fmts[ROWS_MAX_COLUMNS];
  lua_Integer w[ROWS_MAX_COLUMNS];
  int known[ROWS_MAX_COLUMNS];
  for (int k = 0; k < n; k++) {
    fmts[k] = NULL;
    if (formats) {
      lua_rawgeti(L, formats, k + 1);
      fmts[k] = opt_format(L, -1);
      lua_pop(L, 1);
    }
    known[k] = lua_rawgeti(L, widths, k + 1) != LUA_TNIL;
    w[k] = known[k] ? lua_tointeger(L, -1) : 6;
    lua_pop(L, 1);
  }
  lua_Integer written = 0, left = 0;
  while (store_step_stmt(L, stmt)) {
    if ((lua_Integer)row + 1 > last) {
      left++;
      continue;
    }
    written++;
    if (numbered) {
      lua_Integer need = number_width(1, written, 0);
      check_lxw(L, worksheet_write_number(ws, row, 0, (double)written, fmts[0]), "write");
      if (need > w[0]) w[0] = need;
      known[0] = 1;
    }
    write_result_row(L, ws, row++, (lxw_col_t)numbered, st, n - numbered, fmts + numbered, w + numbered,
                     known + numbered, measure);
  }
  for (int k = 0; k < n; k++) {
    if (!known[k]) continue;
    lua_pushinteger(L, w[k]);
    lua_rawseti(L, widths, k + 1);
  }
  lua_pushinteger(L, written);
  lua_pushinteger(L, left);
  return 2;
}

static int l_width(lua_State *L) {
  lxw_worksheet *ws = check_sheet(L, 1);
  lxw_col_t first = check_col(L, 2), last = check_col(L, 3);
  return check_lxw(L, worksheet_set_column(ws, first, last, luaL_checknumber(L, 4), opt_format(L, 5)), "width");
}

static int l_freeze(lua_State *L) {
  lxw_worksheet *ws = check_sheet(L, 1);
  worksheet_freeze_panes(ws, check_row(L, 2), check_col(L, 3));
  return 0;
}

static int l_merge(lua_State *L) {
  lxw_worksheet *ws = check_sheet(L, 1);
  lxw_row_t r1 = check_row(L, 2), r2 = check_row(L, 4);
  lxw_col_t c1 = check_col(L, 3), c2 = check_col(L, 5);
  int cut;
  const char *text = cell_text(L, 6, &cut);
  check_lxw(L, worksheet_merge_range(ws, r1, c1, r2, c2, text, opt_format(L, 7)), "merge");
  lua_pushboolean(L, cut);
  return 1;
}

/* sh:print({landscape = bool, fit_width = bool, repeat_rows = {first, last}, footer =
** text}): how the sheet prints — on A4, landscape or portrait, scaled to one page wide,
** the rows first..last (1-based) repeated at the top of every page, a footer (libxlsxwriter
** codes: "&P" the page number). Stack: [-2, +0, e]. */
static int l_print(lua_State *L) {
  lxw_worksheet *ws = check_sheet(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  worksheet_set_paper(ws, 9); /* A4 */
  if (lua_getfield(L, 2, "landscape") != LUA_TNIL && lua_toboolean(L, -1)) worksheet_set_landscape(ws);
  else worksheet_set_portrait(ws);
  if (lua_getfield(L, 2, "fit_width") != LUA_TNIL && lua_toboolean(L, -1)) worksheet_fit_to_pages(ws, 1, 0);
  if (lua_getfield(L, 2, "repeat_rows") == LUA_TTABLE) {
    lua_rawgeti(L, -1, 1);
    lua_rawgeti(L, -2, 2);
    lxw_row_t first = check_row(L, -2), last = check_row(L, -1);
    lua_pop(L, 2);
    if (check_lxw(L, worksheet_repeat_rows(ws, first, last), "repeat_rows")) return 0;
  }
  if (lua_getfield(L, 2, "footer") == LUA_TSTRING)
    check_lxw(L, worksheet_set_footer(ws, lua_tostring(L, -1)), "footer");
  worksheet_set_margins(ws, 0.6, 0.4, 0.6, 0.6);
  lua_settop(L, 1);
  return 0;
}

static int l_sheet_name(lua_State *L) {
  lua_pushstring(L, check_sheet(L, 1)->name);
  return 1;
}

static const luaL_Reg workbook_methods[] = {
    {"sheet", l_sheet}, {"format", l_format}, {"close", l_close},
    {"commit", l_commit}, {"abort", l_workbook_gc}, {NULL, NULL}};

static const luaL_Reg sheet_methods[] = {
    {"write", l_write}, {"rows", l_rows}, {"width", l_width}, {"freeze", l_freeze},
    {"merge", l_merge}, {"print", l_print}, {"name", l_sheet_name}, {NULL, NULL}};

static const luaL_Reg xlsx_funcs[] = {{"new", l_new}, {NULL, NULL}};

int luaopen_kehoach_xlsx(lua_State *L) {
  modules_new_class(L, WORKBOOK_MT, workbook_methods, l_workbook_gc);
  /* sheets and formats hold nothing of their own: their workbook frees them */
  luaL_newmetatable(L, SHEET_MT);
  luaL_newlib(L, sheet_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_newmetatable(L, FORMAT_MT);
  lua_pop(L, 1);
  luaL_newlib(L, xlsx_funcs);
  return 1;
}
