/*
** lua_csv.c — core.csv: CSV files through libcsv.
**
**   csv.open(path)       a Reader; raises a data error when the file cannot be read
**   reader:rows()        for fields, row in reader:rows() — fields as an array of strings,
**                        row counting records from 1 (the header), as a spreadsheet does;
**                        a UTF-8 byte-order mark at the start is skipped; malformed
**                        quoting raises a data error naming the file and row
**   reader:load(loader)  from the next row on, rows() gives each row as wide as the header
**                        to a core.load Loader first, and Lua only the rows it did not take
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

#include "load.h"
#include "modules.h"
#include "sandbox.h"

#define READER_MT "kehoach.CsvReader"

/* The longest value read: what a spreadsheet cell holds, so every value imported can be
** written to report.xlsx. libcsv keeps a value in a buffer of its own (not counted by the
** sandbox) that is never let grow past its UTF-8 bytes at most: a 100 MB value (a quote
** left open) is refused when it passes that, not read whole. */
#define MAX_FIELD_CHARS 32767 /* as the message says */
#define MAX_FIELD_BYTES (4 * MAX_FIELD_CHARS + 256)

/* Records wait in a queue of C memory between the parse and whoever takes them: a Lua
** table is made only for a record Lua gets. A value of the queue: its bytes at off in the
** queue's text. */
typedef struct Field {
  size_t off, len;
} Field;

typedef struct Reader {
  FILE *f;              /* NULL once closed */
  struct csv_parser p;
  int parser_ready;     /* csv_init succeeded: csv_free is owed */
  int at_start;         /* nothing read yet: a BOM may come */
  int eof;
  lua_Integer records;  /* records completed so far */
  lua_Integer taken;    /* records handed on (to Lua, or to the loader) so far */
  lua_Integer width;    /* fields of the header, once taken */
  /* The queue of records parsed and not yet taken, in memory of the Lua state's allocator
  ** (so the sandbox counts it; freed by reader_close): the values' text, the values, and
  ** where each record starts. The record being built is the values from `building` on. */
  lua_Alloc alloc;
  void *alloc_ud;
  char *text;
  size_t text_len, text_cap;
  Field *fields;
  size_t nfields, fields_cap;
  size_t *starts;
  size_t nrecords, starts_cap;
  size_t head;          /* the next record of the queue to take */
  size_t building;      /* the first value of the record being built */
  Loader *loader;       /* reader:load: takes the rows it can, anchored in user value 3 */
} Reader;

/* What stopped a parse, found inside libcsv's callbacks and raised once csv_parse has
** returned: the callbacks never raise, so no error longjmps across libcsv. */
enum { PARSE_OK, PARSE_NOMEM, PARSE_TOO_LONG };

typedef struct Parse {
  Reader *r;
  int failed;           /* PARSE_OK, or what stopped the parse */
} Parse;

static void *field_realloc(void *p, size_t n) { return n > MAX_FIELD_BYTES ? NULL : realloc(p, n); }

/* Grows an array of the queue to hold need items of size each; 0 when memory ran out. */
static int grow(Reader *r, void **items, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 1;
  size_t n = *cap ? *cap : 256;
  while (n < need) n *= 2;
  void *p = r->alloc(r->alloc_ud, *items, *cap * size, n * size);
  if (p == NULL) p = r->alloc(r->alloc_ud, *items, *cap * size, n * size); /* once more, as Lua does */
  if (p == NULL) return 0;
  *items = p;
  *cap = n;
  return 1;
}

static size_t utf8_chars(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80;
  return n;
}

static void on_field(void *s, size_t len, void *data) {
  Parse *ps = data;
  Reader *r = ps->r;
  if (ps->failed) return;
  if (s == NULL) len = 0;
  if (utf8_chars(s, len) > MAX_FIELD_CHARS) {
    ps->failed = PARSE_TOO_LONG;
    return;
  }
  if (!grow(r, (void **)&r->text, &r->text_cap, r->text_len + len + 1, 1) ||
      !grow(r, (void **)&r->fields, &r->fields_cap, r->nfields + 1, sizeof *r->fields)) {
    ps->failed = PARSE_NOMEM;
    return;
  }
  if (len) memcpy(r->text + r->text_len, s, len);
  r->text[r->text_len + len] = '\0'; /* each value ends with a NUL of its own, for C readers */
  r->fields[r->nfields++] = (Field){r->text_len, len};
  r->text_len += len + 1;
}

static void on_record(int c, void *data) {
  Parse *ps = data;
  Reader *r = ps->r;
  (void)c;
  if (ps->failed) return;
  if (!grow(r, (void **)&r->starts, &r->starts_cap, r->nrecords + 1, sizeof *r->starts)) {
    ps->failed = PARSE_NOMEM;
    return;
  }
  r->starts[r->nrecords++] = r->building;
  r->building = r->nfields;
  r->records++;
}

/* Once every record of the queue is taken: the record being built moves to its front. */
static void compact(Reader *r) {
  size_t first = r->building < r->nfields ? r->fields[r->building].off : r->text_len;
  if (first > 0) memmove(r->text, r->text + first, r->text_len - first);
  r->text_len -= first;
  for (size_t i = r->building; i < r->nfields; i++) {
    r->fields[i - r->building] = r->fields[i];
    r->fields[i - r->building].off -= first;
  }
  r->nfields -= r->building;
  r->building = 0;
  r->nrecords = r->head = 0;
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
  if (r->alloc) {
    r->alloc(r->alloc_ud, r->text, r->text_cap, 0);
    r->alloc(r->alloc_ud, r->fields, r->fields_cap * sizeof *r->fields, 0);
    r->alloc(r->alloc_ud, r->starts, r->starts_cap * sizeof *r->starts, 0);
    r->text = NULL, r->fields = NULL, r->starts = NULL;
    r->text_cap = r->fields_cap = r->starts_cap = 0;
    r->alloc = NULL;
  }
  r->loader = NULL;
  return 0;
}

static int l_close(lua_State *L) { return reader_close(luaL_checkudata(L, 1, READER_MT)); }

/* csv.open(path) -> Reader. Made closed, then opened. The user values: 1 the path, 2 the
** header (record 1) once handed out, 3 the loader of reader:load. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  Reader *r = lua_newuserdatauv(L, sizeof *r, 3);
  memset(r, 0, sizeof *r);
  luaL_setmetatable(L, READER_MT);
  lua_pushvalue(L, 1);
  lua_setiuservalue(L, -2, 1);
  r->alloc = lua_getallocf(L, &r->alloc_ud);
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
  lua_getiuservalue(L, ri, 1);
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
static void parse_failed(lua_State *L, int ri, Reader *r, int failed) {
  lua_getiuservalue(L, ri, 1);
  const char *path = lua_tostring(L, -1);
  lua_Integer row = r->records + 1, col = (lua_Integer)(r->nfields - r->building) + 1;
  if (failed == PARSE_NOMEM) sandbox_raise_memory(L, lua_pushfstring(L, "%s: row %I", path, row));
  const char *name = NULL;
  if (lua_getiuservalue(L, ri, 2) == LUA_TTABLE && lua_rawgeti(L, -1, col) == LUA_TSTRING) name = lua_tostring(L, -1);
  if (name == NULL) name = lua_pushfstring(L, "%I", col);
  sandbox_raise(L, KH_EDATA, "%s: row %I, column %s: a value longer than 32.767 characters, more than a "
                "spreadsheet cell holds (is a \" missing, so that what follows reads as one value?)",
                path, row, name);
}

/* Parses more of the file until at least one record waits in the queue or the file ends. */
static void fill(lua_State *L, int ri, Reader *r) {
  Parse ps = {r, PARSE_OK};
  char buf[1 << 16];
  if (r->head == r->nrecords) compact(r);
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
    if (ps.failed) parse_failed(L, ri, r, ps.failed);
    if (n == 0 || feof(r->f) || ferror(r->f)) {
      if (ferror(r->f)) {
        lua_getiuservalue(L, ri, 1);
        sandbox_raise(L, KH_EDATA, "%s: cannot read: %s", lua_tostring(L, -1), strerror(errno));
      }
      if (csv_fini(&r->p, on_field, on_record, &ps) != 0) malformed(L, ri, r, 1);
      if (ps.failed) parse_failed(L, ri, r, ps.failed);
      r->eof = 1;
    }
  }
}

/* Pushes the next record of the queue as an array of strings, and takes it. */
static void push_record(lua_State *L, Reader *r) {
  size_t first = r->starts[r->head];
  size_t end = r->head + 1 < r->nrecords ? r->starts[r->head + 1] : r->building;
  lua_createtable(L, (int)(end - first), 0);
  for (size_t i = first; i < end; i++) {
    lua_pushlstring(L, r->text + r->fields[i].off, r->fields[i].len);
    lua_rawseti(L, -2, (lua_Integer)(i - first + 1));
  }
  r->head++;
  r->taken++;
}

/* Gives the next record to the loader, when one is attached and the record is a row of
** values as wide as the header; returns 1 when it took the record (inserted, or an empty
** line skipped), 0 when the record is Lua's, -1 on the loader's error (load_raise). */
static int loaded(Reader *r) {
  size_t first = r->starts[r->head];
  size_t end = r->head + 1 < r->nrecords ? r->starts[r->head + 1] : r->building;
  size_t n = end - first;
  if (r->loader == NULL || r->taken == 0) return 0;
  if (n == 1 && r->fields[first].len == 0) return 1; /* an empty line */
  if ((lua_Integer)n != r->width) return 0;
  const char *values[LOAD_MAX_COLUMNS];
  size_t lens[LOAD_MAX_COLUMNS];
  if (n > LOAD_MAX_COLUMNS) return 0;
  for (size_t i = 0; i < n; i++) {
    values[i] = r->text + r->fields[first + i].off;
    lens[i] = r->fields[first + i].len;
  }
  return load_row(r->loader, values, lens, (int)n, 1);
}

static int rows_iter(lua_State *L) {
  Reader *r = luaL_checkudata(L, 1, READER_MT);
  for (;;) {
    if (r->f == NULL) return 0;
    if (r->head == r->nrecords) fill(L, 1, r);
    if (r->head == r->nrecords) return 0;
    int took = loaded(r);
    if (took < 0) load_raise(L, r->loader);
    if (!took) break;
    r->head++;
    r->taken++;
  }
  push_record(L, r);
  if (r->taken == 1) { /* the header: names the column of a value too long */
    lua_pushvalue(L, -1);
    lua_setiuservalue(L, 1, 2);
    r->width = (lua_Integer)lua_rawlen(L, -1);
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

/* reader:load(loader): from the next row on, rows() hands each row as wide as the header to
** the loader (core.load), and gives Lua only those it did not take (a value it could not
** convert, a key taken, a row of another width). Stack: [-0, +0, e]. */
static int l_load(lua_State *L) {
  Reader *r = luaL_checkudata(L, 1, READER_MT);
  Loader *ld = load_check(L, 2);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, 1, 3);
  r->loader = ld;
  return 0;
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

static const luaL_Reg reader_methods[] = {
    {"rows", l_rows}, {"load", l_load}, {"close", l_close}, {NULL, NULL}};
static const luaL_Reg csv_funcs[] = {{"open", l_open}, {"encode", l_encode}, {NULL, NULL}};

int luaopen_kehoach_csv(lua_State *L) {
  modules_new_class(L, READER_MT, reader_methods, l_close);
  luaL_newlib(L, csv_funcs);
  return 1;
}
