/*
** lua_csv.c — core.csv: CSV files through libcsv.
**
**   csv.open(path)       a Reader; raises a data error when the file cannot be read
**   reader:rows()        for fields, row in reader:rows() — fields as an array of strings,
**                        row counting records from 1 (the header), as a spreadsheet does;
**                        a UTF-8 byte-order mark at the start is skipped; malformed
**                        quoting raises a data error naming the file and row
**   reader:close()
**   csv.encode(fields)   one CSV record (no line end): fields quoted only where needed
**
** csv_needs_quotes (modules.h) is the one rule of which values are quoted, for
** csv.encode and for db:csv (lua_store.c), which writes a query's rows as CSV text.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <csv.h>
#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

#define READER_MT "kehoach.CsvReader"

/* The longest value read: what a spreadsheet cell holds, so every value imported can be
** written to report.xlsx. libcsv keeps a value in a buffer of its own (not counted by the
** sandbox) that is never let grow past its UTF-8 bytes at most: a 100 MB value (a quote
** left open) is refused when it passes that, not read whole. */
#define MAX_FIELD_CHARS 32767 /* as the message says */
#define MAX_FIELD_BYTES (4 * MAX_FIELD_CHARS + 256)

typedef struct Reader {
  FILE *f;              /* NULL once closed */
  struct csv_parser p;
  int parser_ready;     /* csv_init succeeded: csv_free is owed */
  int at_start;         /* nothing read yet: a BOM may come */
  int eof;
  lua_Integer records;  /* records completed so far */
  lua_Integer taken;    /* records handed to Lua so far */
} Reader;

/* What stopped a parse, found inside libcsv's callbacks and raised once csv_parse has
** returned: the callbacks never raise, so no error longjmps across libcsv. */
enum { PARSE_OK, PARSE_NOMEM, PARSE_TOO_LONG };

/* While parsing, the stack holds [.., queue, row]; these callbacks add to them. */
typedef struct Parse {
  lua_State *L;
  int queue, row;       /* stack indexes */
  lua_Integer fields;   /* fields in the current row */
  Reader *r;
  const char *s;        /* the value being added */
  size_t len;
  int failed;           /* PARSE_OK, or what stopped the parse */
} Parse;

static void *field_realloc(void *p, size_t n) { return n > MAX_FIELD_BYTES ? NULL : realloc(p, n); }

/* Protected: [row, ps] -> row[ps->fields + 1] = the value. */
static int add_field(lua_State *L) {
  Parse *ps = lua_touserdata(L, 2);
  lua_pushlstring(L, ps->s, ps->len);
  lua_rawseti(L, 1, ps->fields + 1);
  return 0;
}

/* Protected: [queue, row, ps] -> queue[records] = row; a new row. */
static int add_record(lua_State *L) {
  Parse *ps = lua_touserdata(L, 3);
  lua_pushvalue(L, 2);
  lua_rawseti(L, 1, ps->r->records);
  lua_newtable(L);
  return 1;
}

/* Calls f (add_field or add_record) in protected mode with the nargs values below it;
** returns 1 when it raised (always for want of memory: the error is dropped, the parse
** marked failed). The stack room was checked before csv_parse. */
static int protected(Parse *ps, int nargs, int nresults) {
  if (lua_pcall(ps->L, nargs, nresults, 0) == LUA_OK) return 0;
  lua_pop(ps->L, 1);
  ps->failed = PARSE_NOMEM;
  return 1;
}

static size_t utf8_chars(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

static void on_field(void *s, size_t len, void *data) {
  Parse *ps = data;
  if (ps->failed) return;
  ps->s = s ? s : "";
  ps->len = s ? len : 0;
  if (utf8_chars(ps->s, ps->len) > MAX_FIELD_CHARS) {
    ps->failed = PARSE_TOO_LONG;
    return;
  }
  lua_pushcfunction(ps->L, add_field);
  lua_pushvalue(ps->L, ps->row);
  lua_pushlightuserdata(ps->L, ps);
  if (!protected(ps, 2, 0)) ps->fields++;
}

static void on_record(int c, void *data) {
  Parse *ps = data;
  (void)c;
  if (ps->failed) return;
  lua_State *L = ps->L;
  ps->r->records++;
  lua_pushcfunction(L, add_record);
  lua_pushvalue(L, ps->queue);
  lua_pushvalue(L, ps->row);
  lua_pushlightuserdata(L, ps);
  if (protected(ps, 3, 1)) {
    ps->r->records--;
    return;
  }
  lua_replace(L, ps->row);
  ps->fields = 0;
}

static int reader_close(Reader *r) {
  if (r->f) {
    fclose(r->f);
    r->f = NULL;
  }
  if (r->parser_ready) {
    csv_free(&r->p);
    r->parser_ready = 0;
  }
  return 0;
}

static int l_close(lua_State *L) { return reader_close(luaL_checkudata(L, 1, READER_MT)); }

/* csv.open(path) -> Reader. Made closed, then opened. The first user value is the queue of
** parsed records (by number), the second the record being built, the third the path, the
** fourth the header (record 1) once handed out. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  Reader *r = lua_newuserdatauv(L, sizeof *r, 4);
  memset(r, 0, sizeof *r);
  luaL_setmetatable(L, READER_MT);
  lua_newtable(L);
  lua_setiuservalue(L, -2, 1);
  lua_newtable(L);
  lua_setiuservalue(L, -2, 2);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 3);
  if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0) return luaL_error(L, "out of memory");
  r->parser_ready = 1;
  csv_set_realloc_func(&r->p, field_realloc);
  r->at_start = 1;
  r->f = fopen(path, "rb");
  if (r->f == NULL) return sandbox_raise(L, KH_EDATA, "%s: cannot read: %s", path, strerror(errno));
  return 1;
}

/* Raises the data error of quotes libcsv (strict) could not read, in the record being
** built: at_end, the file ended inside quotes; else a quote stood where none may. */
static void malformed(lua_State *L, int ri, Reader *r, int at_end) {
  lua_getiuservalue(L, ri, 3);
  const char *path = lua_tostring(L, -1);
  if (at_end)
    sandbox_raise(L, KH_EDATA, "%s: row %I: a quoted value is not closed: a \" is missing (a value "
                  "that starts with \" ends with \" before the next comma or line)", path,
                  r->records + 1);
  sandbox_raise(L, KH_EDATA, "%s: row %I: a \" stands inside a value: a value with a \" in it is "
                "written in quotes whole, each \" inside doubled (\"Lò Thị \"\"Mai\"\"\")", path,
                r->records + 1);
}

/* Raises what stopped the parse in the record being built: a value too long (its column
** named by the header), or memory. */
static void parse_failed(lua_State *L, int ri, Reader *r, Parse *ps, int failed) {
  lua_getiuservalue(L, ri, 3);
  const char *path = lua_tostring(L, -1);
  lua_Integer row = r->records + 1, col = ps->fields + 1;
  if (failed == PARSE_NOMEM) sandbox_raise_memory(L, lua_pushfstring(L, "%s: row %I", path, row));
  const char *name = NULL;
  if (lua_getiuservalue(L, ri, 4) == LUA_TTABLE && lua_rawgeti(L, -1, col) == LUA_TSTRING) name = lua_tostring(L, -1);
  if (name == NULL) name = lua_pushfstring(L, "%I", col);
  sandbox_raise(L, KH_EDATA, "%s: row %I, column %s: a value longer than 32.767 characters, more than a "
                "spreadsheet cell holds (is a \" missing, so that what follows reads as one value?)",
                path, row, name);
}

/* Parses more of the file until at least one record waits or the file ends. */
static void fill(lua_State *L, int ri, Reader *r) {
  Parse ps = {L, 0, 0, 0, r, NULL, 0, PARSE_OK};
  luaL_checkstack(L, 8, "reading a CSV file"); /* the callbacks push up to four values */
  lua_getiuservalue(L, ri, 1);
  ps.queue = lua_gettop(L);
  lua_getiuservalue(L, ri, 2);
  ps.row = lua_gettop(L);
  ps.fields = (lua_Integer)lua_rawlen(L, ps.row);
  char buf[1 << 16];
  while (!r->eof && r->records == r->taken) {
    size_t n = fread(buf, 1, sizeof buf, r->f);
    const char *p = buf;
    if (r->at_start && n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
      p += 3;
      n -= 3;
    }
    r->at_start = 0;
    if (n > 0 && csv_parse(&r->p, p, n, on_field, on_record, &ps) != n && !ps.failed) {
      int e = csv_error(&r->p);
      if (e == CSV_ENOMEM || e == CSV_ETOOBIG)
        ps.failed = csv_get_buffer_size(&r->p) + r->p.blk_size > MAX_FIELD_BYTES ? PARSE_TOO_LONG : PARSE_NOMEM;
      else
        malformed(L, ri, r, 0);
    }
    if (ps.failed) parse_failed(L, ri, r, &ps, ps.failed);
    if (n == 0 || feof(r->f) || ferror(r->f)) {
      if (ferror(r->f)) {
        lua_getiuservalue(L, ri, 3);
        sandbox_raise(L, KH_EDATA, "%s: cannot read: %s", lua_tostring(L, -1), strerror(errno));
      }
      if (csv_fini(&r->p, on_field, on_record, &ps) != 0) malformed(L, ri, r, 1);
      if (ps.failed) parse_failed(L, ri, r, &ps, ps.failed);
      r->eof = 1;
    }
  }
  lua_pushvalue(L, ps.row);
  lua_setiuservalue(L, ri, 2);
  lua_pop(L, 2);
}

static int rows_iter(lua_State *L) {
  Reader *r = luaL_checkudata(L, 1, READER_MT);
  if (r->f == NULL) return 0;
  if (r->taken == r->records) fill(L, 1, r);
  if (r->taken == r->records) return 0;
  lua_getiuservalue(L, 1, 1);
  r->taken++;
  lua_rawgeti(L, -1, r->taken);
  lua_pushnil(L);
  lua_rawseti(L, -3, r->taken); /* the queue lets go of it */
  if (r->taken == 1) { /* the header: names the column of a value too long */
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, 1, 4);
  }
  lua_pushinteger(L, r->taken);
  return 2;
}

static int l_rows(lua_State *L) {
  luaL_checkudata(L, 1, READER_MT);
  lua_pushcfunction(L, rows_iter);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  lua_pushvalue(L, 1);
  return 4;
}

/* ---- writing --------------------------------------------------------------------------- */

/* Whether a value of len bytes at s (NUL-terminated) is written in quotes: when it holds a
** comma, a quote or a line break before any NUL, or a space at either end. */
int csv_needs_quotes(const char *s, size_t len) {
  return len > 0 && (s[0] == ' ' || s[len - 1] == ' ' || strpbrk(s, ",\"\r\n") != NULL);
}

/* csv.encode(fields) -> one record, each field quoted as csv_needs_quotes says. */
static int l_encode(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer n = luaL_len(L, 1);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (lua_Integer i = 1; i <= n; i++) {
    if (i > 1) luaL_addchar(&b, ',');
    if (lua_geti(L, 1, i) == LUA_TNIL) {
      lua_pop(L, 1);
      continue;
    }
    size_t len;
    const char *s = luaL_tolstring(L, -1, &len);
    lua_remove(L, -2);
    if (csv_needs_quotes(s, len)) {
      size_t need = len * 2 + 2;
      char *quoted = lua_newuserdatauv(L, need, 0);
      lua_pushlstring(L, quoted, csv_write(quoted, need, s, len));
      lua_replace(L, -3);
      lua_pop(L, 1);
    }
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  return 1;
}

static const luaL_Reg reader_methods[] = {{"rows", l_rows}, {"close", l_close}, {NULL, NULL}};
static const luaL_Reg csv_funcs[] = {{"open", l_open}, {"encode", l_encode}, {NULL, NULL}};

int luaopen_kehoach_csv(lua_State *L) {
  modules_new_class(L, READER_MT, reader_methods, l_close);
  luaL_newlib(L, csv_funcs);
  return 1;
}
