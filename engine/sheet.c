/*
** sheet.c — Excel workbooks (.xlsx) read with libzip and expat; sheet.h says what it gives.
**
** A workbook is a zip of XML parts: _rels/.rels names the workbook part, which lists the
** sheets (name, hidden or not, tab order) and, through its relationships, the part of each
** sheet, the shared strings (the text of cells, by number) and the styles (each cell's
** number format, which says whether a number is a date). The sheets are streamed: the
** parser is suspended at the end of each row with a value and resumed for the next, so a
** sheet is never in memory whole. The shared strings are (Excel refers to them by number).
**
** A workbook is a file from outside, so everything read is bounded: each part's unpacked
** bytes (counted as they come, whatever the zip says) and its ratio to the packed bytes, the
** memory expat may take for one token, the text of a cell and of a row, the rows and columns
** (Excel's limits), and the styles. Any DOCTYPE is refused: Excel never writes one, and
** entities are how an XML file expands without end.
*/
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>
#include <zip.h>

#include "sheet.h"

#define MiB (1024ULL * 1024ULL)
#define CHUNK (256 * 1024) /* bytes unpacked and parsed at a time: expat is called less */
#define RATIO_FLOOR MiB                 /* the ratio is judged past this many bytes */
#define CELL_MAX_BYTES (32767u * 4u)    /* Excel's 32,767 characters, at 4 bytes each */
#define ROW_MAX_BYTES (16 * MiB)
#define EXPAT_MAX_BYTES (64 * MiB)      /* what expat may hold at once, over all parsers */
#define STYLES_MAX 65536u               /* Excel allows 64,000 cell formats */
#define MERGES_MAX 65536u
#define SHEETS_MAX 65536u

sheet_limits sheet_default_limits(void) {
  sheet_limits l = {4096 * MiB, 256 * MiB, 16 * MiB, 250};
  return l;
}

/* ---- growing buffers ---------------------------------------------------------------------- */

typedef struct buf {
  char *p;
  size_t len, cap;
} buf;

/* Appends n bytes and keeps a NUL after them; -1 when memory is refused. */
static int buf_add(buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (p == NULL) return -1;
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
  return 0;
}

static int buf_grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return 0;
  size_t c = *cap ? *cap * 2 : 16;
  while (c < need) c *= 2;
  void *q = realloc(*p, c * size);
  if (q == NULL) return -1;
  *p = q;
  *cap = c;
  return 0;
}

static int no_memory(kh_error *err) {
  return kh_seterror(err, KH_ELIMIT, "out of memory: the system could not give kehoach more memory");
}

/* ---- the workbook ------------------------------------------------------------------------- */

enum fmt { FMT_GENERAL, FMT_DATE, FMT_TIME, FMT_DATETIME, FMT_PAD };

typedef struct numfmt {
  unsigned id;
  unsigned char kind, pad; /* enum fmt; the width of an all-zeros format */
} numfmt;

typedef struct entry {
  char *name, *rid, *part;
  int state;
} entry;

typedef struct rel {
  char *id, *type, *target;
} rel;

struct sheet_book {
  zip_t *za;
  char *name;
  sheet_limits lim;
  int date1904;
  entry *sheets;
  size_t nsheets, sheets_cap;
  rel *rels;
  size_t nrels, rels_cap;
  /* shared strings: string i is sst.p[start(i) .. end[i]) */
  buf sst;
  uint32_t *sst_end;
  size_t sst_n, sst_cap;
  /* number formats: custom ones by id while reading styles, then one per cell style */
  numfmt *fmts;
  size_t nfmt, fmt_cap;
  numfmt *xfs;
  size_t nxf, xf_cap;
};

/* ---- parts: bytes out of the zip, counted ------------------------------------------------- */

typedef struct part {
  sheet_book *b;
  zip_file_t *zf;
  const char *name;
  unsigned long long packed, inflated, cap;
} part;

static int bomb(part *p, kh_error *err, unsigned long long size) {
  return kh_seterror(err, KH_EDATA, "%s: refused: its part %s unpacks to more than %llu MiB "
                     "(from %llu KiB packed); Excel never writes such a part (a zip bomb?)",
                     p->b->name, p->name, (size > p->cap ? p->cap : size) / MiB, p->packed / 1024);
}

/* Opens the part called name (matched regardless of case, as the format says); -1 with err
** filled when it is missing, encrypted or declared larger than cap. */
static int part_open(sheet_book *b, const char *name, unsigned long long cap, part *p, kh_error *err) {
  memset(p, 0, sizeof *p);
  p->b = b;
  p->name = name;
  p->cap = cap;
  zip_int64_t idx = zip_name_locate(b->za, name, ZIP_FL_NOCASE);
  zip_stat_t st;
  if (idx < 0) return kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: its part %s is missing", b->name, name), -1;
  if (zip_stat_index(b->za, (zip_uint64_t)idx, 0, &st) < 0)
    return kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: its part %s cannot be read (%s)",
                       b->name, name, zip_strerror(b->za)), -1;
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
    return kh_seterror(err, KH_EDATA, "%s: its part %s is encrypted; save the workbook without a "
                       "password", b->name, name), -1;
  p->packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > cap) return bomb(p, err, st.size), -1;
  p->zf = zip_fopen_index(b->za, (zip_uint64_t)idx, 0);
  if (p->zf == NULL)
    return kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: its part %s cannot be read (%s)",
                       b->name, name, zip_strerror(b->za)), -1;
  return 0;
}

/* Reads up to n unpacked bytes; returns how many (0 at the end), or -1 with err filled. */
static long part_read(part *p, char *dst, size_t n, kh_error *err) {
  zip_int64_t got = zip_fread(p->zf, dst, n);
  if (got < 0)
    return kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: its part %s cannot be read (%s)",
                       p->b->name, p->name, zip_file_strerror(p->zf)), -1;
  p->inflated += (unsigned long long)got;
  if (p->inflated > p->cap) return bomb(p, err, p->inflated), -1;
  if (p->inflated > RATIO_FLOOR && p->inflated / (p->packed ? p->packed : 1) > p->b->lim.ratio)
    return kh_seterror(err, KH_EDATA, "%s: refused: its part %s unpacks to more than %u times its "
                       "packed size (%llu KiB); Excel never writes such a part (a zip bomb?)",
                       p->b->name, p->name, p->b->lim.ratio, p->packed / 1024), -1;
  return (long)got;
}

static void part_close(part *p) {
  if (p->zf) zip_fclose(p->zf);
  p->zf = NULL;
}

/* ---- XML: expat with its memory counted and every DOCTYPE refused ------------------------- */

/* expat's memory functions take no user data: one count for the process. */
static size_t expat_used;
static int expat_refused;

static void *xm_malloc(size_t n) {
  if (n > EXPAT_MAX_BYTES || expat_used + n > EXPAT_MAX_BYTES) {
    expat_refused = 1;
    return NULL;
  }
  size_t *p = malloc(n + sizeof(max_align_t));
  if (p == NULL) return NULL;
  *p = n;
  expat_used += n;
  return (char *)p + sizeof(max_align_t);
}

static void xm_free(void *q) {
  if (q == NULL) return;
  size_t *p = (size_t *)((char *)q - sizeof(max_align_t));
  expat_used -= *p;
  free(p);
}

static void *xm_realloc(void *q, size_t n) {
  if (q == NULL) return xm_malloc(n);
  size_t *p = (size_t *)((char *)q - sizeof(max_align_t));
  size_t old = *p;
  if (n > old && (n > EXPAT_MAX_BYTES || expat_used + (n - old) > EXPAT_MAX_BYTES)) {
    expat_refused = 1;
    return NULL;
  }
  size_t *r = realloc(p, n + sizeof(max_align_t));
  if (r == NULL) return NULL;
  *r = n;
  expat_used = expat_used - old + n;
  return (char *)r + sizeof(max_align_t);
}

static const XML_Memory_Handling_Suite xml_memory = {xm_malloc, xm_realloc, xm_free};

/* What every handler's user data starts with. */
typedef struct xml_ctx {
  XML_Parser p;
  part part;
  kh_error *err;
  int failed; /* err is filled: the parser was stopped for it */
  int done;   /* the handlers have what they need: the parser was stopped early */
  int eof, suspended;
} xml_ctx;

static void stop(xml_ctx *x) {
  x->failed = 1;
  XML_StopParser(x->p, XML_FALSE);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int internal) {
  xml_ctx *x = ud;
  kh_seterror(x->err, KH_EDATA, "%s: refused: its part %s declares a document type (<!DOCTYPE>), "
              "which Excel never writes; its entities could make the file expand without end",
              x->part.b->name, x->part.name);
  stop(x);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value,
                              int len, const XML_Char *base, const XML_Char *sysid,
                              const XML_Char *pubid, const XML_Char *notation) {
  on_doctype(ud, NULL, NULL, NULL, 0);
}

/* Starts streaming the part called name into the handlers; -1 with err filled. */
static int xml_open(xml_ctx *x, sheet_book *b, const char *name, unsigned long long cap,
                    XML_StartElementHandler start, XML_EndElementHandler end,
                    XML_CharacterDataHandler text, kh_error *err) {
  x->err = err;
  if (part_open(b, name, cap, &x->part, err) < 0) return -1;
  x->p = XML_ParserCreate_MM(NULL, &xml_memory, NULL);
  if (x->p == NULL) return no_memory(err), -1;
  XML_SetUserData(x->p, x);
  XML_SetStartDoctypeDeclHandler(x->p, on_doctype);
  XML_SetEntityDeclHandler(x->p, on_entity);
  XML_SetElementHandler(x->p, start, end);
  if (text) XML_SetCharacterDataHandler(x->p, text);
  return 0;
}

static void xml_close(xml_ctx *x) {
  if (x->p) XML_ParserFree(x->p);
  x->p = NULL;
  part_close(&x->part);
}

/* Parses the next chunk, or the rest of one the handlers suspended. Returns 1 while there is
** more, 0 at the end (or when the handlers said done), -1 with err filled. */
static int xml_step(xml_ctx *x) {
  enum XML_Status st;
  if (x->suspended) {
    st = XML_ResumeParser(x->p);
  } else {
    if (x->eof) return 0;
    void *chunk = XML_GetBuffer(x->p, CHUNK);
    if (chunk == NULL) {
      st = XML_STATUS_ERROR;
    } else {
      expat_refused = 0;
      long n = part_read(&x->part, chunk, CHUNK, x->err);
      if (n < 0) return -1;
      x->eof = n == 0;
      st = XML_ParseBuffer(x->p, (int)n, x->eof);
    }
  }
  x->suspended = st == XML_STATUS_SUSPENDED;
  if (st != XML_STATUS_ERROR) return x->eof && !x->suspended ? 0 : 1;
  if (x->failed) return -1;
  if (x->done) return 0;
  enum XML_Error code = XML_GetErrorCode(x->p);
  if (code == XML_ERROR_NO_MEMORY && expat_refused)
    return kh_seterror(x->err, KH_EDATA, "%s: refused: its part %s holds a piece of XML (a name, "
                       "a value) longer than %llu MiB, which Excel never writes",
                       x->part.b->name, x->part.name, EXPAT_MAX_BYTES / MiB), -1;
  if (code == XML_ERROR_NO_MEMORY) return no_memory(x->err), -1;
  return kh_seterror(x->err, KH_EDATA, "%s: the workbook is damaged: its part %s is not XML Excel "
                     "can read (line %lu: %s)", x->part.b->name, x->part.name,
                     (unsigned long)XML_GetCurrentLineNumber(x->p), XML_ErrorString(code)), -1;
}

/* Parses a whole part into the handlers; 0, or -1 with err filled. */
static int xml_parse(xml_ctx *x, sheet_book *b, const char *name, unsigned long long cap,
                     XML_StartElementHandler start, XML_EndElementHandler end,
                     XML_CharacterDataHandler text, kh_error *err) {
  int rc = xml_open(x, b, name, cap, start, end, text, err);
  while (rc == 0 && (rc = xml_step(x)) == 1) rc = 0;
  xml_close(x);
  return rc < 0 ? -1 : 0;
}

/* An element's name without its namespace prefix (Excel writes none; others write "x:c"). */
static const char *local(const char *name) {
  const char *n = name;
  for (const char *s = name; *s; s++)
    if (*s == ':') n = s + 1;
  return n;
}

static const char *attr(const char **atts, const char *want) {
  for (; atts[0]; atts += 2)
    if (strncmp(atts[0], "xmlns", 5) != 0 && strcmp(local(atts[0]), want) == 0) return atts[1];
  return NULL;
}

static int is(const char *name, const char *want) { return strcmp(local(name), want) == 0; }

static int dup_to(char **dst, const char *s, xml_ctx *x) {
  *dst = strdup(s ? s : "");
  if (*dst == NULL) {
    no_memory(x->err);
    stop(x);
    return -1;
  }
  return 0;
}

/* ---- relationships: which part is which --------------------------------------------------- */

typedef struct rels_ctx {
  xml_ctx x;
  sheet_book *b;
} rels_ctx;

static void XMLCALL rels_start(void *ud, const char *name, const char **atts) {
  rels_ctx *c = ud;
  sheet_book *b = c->b;
  const char *id = attr(atts, "Id"), *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
  if (!is(name, "Relationship") || !id || !target || (mode && strcmp(mode, "External") == 0)) return;
  if (buf_grow((void **)&b->rels, &b->rels_cap, b->nrels + 1, sizeof *b->rels) < 0) {
    no_memory(c->x.err);
    stop(&c->x);
    return;
  }
  rel *r = &b->rels[b->nrels];
  memset(r, 0, sizeof *r);
  b->nrels++;
  const char *type = attr(atts, "Type");
  const char *slash = type ? strrchr(type, '/') : NULL;
  if (dup_to(&r->id, id, &c->x) == 0 && dup_to(&r->type, slash ? slash + 1 : "", &c->x) == 0)
    dup_to(&r->target, target, &c->x);
}

static void free_rels(sheet_book *b) {
  for (size_t i = 0; i < b->nrels; i++) {
    free(b->rels[i].id);
    free(b->rels[i].type);
    free(b->rels[i].target);
  }
  b->nrels = 0;
}

/* The part a relationship's target names, from the folder of the part whose rels these are:
** "worksheets/sheet1.xml" from "xl" is "xl/worksheets/sheet1.xml"; "/xl/..." is absolute;
** ".." climbs. malloc'ed; NULL when memory is refused. */
static char *resolve(const char *dir, const char *target) {
  size_t n = strlen(dir) + strlen(target) + 2;
  char *out = malloc(n);
  if (out == NULL) return NULL;
  if (target[0] == '/') {
    snprintf(out, n, "%s", target + 1);
  } else {
    snprintf(out, n, "%s%s%s", dir, dir[0] ? "/" : "", target);
  }
  /* fold "a/../" and "./" segments */
  char *w = out;
  for (char *r = out; *r;) {
    if (strncmp(r, "./", 2) == 0) {
      r += 2;
    } else if (strncmp(r, "../", 3) == 0) {
      r += 3;
      if (w > out) {
        w--;
        while (w > out && w[-1] != '/') w--;
      }
    } else {
      while (*r && *r != '/') *w++ = *r++;
      if (*r) *w++ = *r++;
    }
  }
  *w = '\0';
  return out;
}

static const rel *find_rel(const sheet_book *b, const char *key, int by_type) {
  for (size_t i = 0; i < b->nrels; i++)
    if (strcmp(by_type ? b->rels[i].type : b->rels[i].id, key) == 0) return &b->rels[i];
  return NULL;
}

static int read_rels(sheet_book *b, const char *name, kh_error *err) {
  free_rels(b);
  rels_ctx c;
  memset(&c, 0, sizeof c);
  c.b = b;
  return xml_parse(&c.x, b, name, b->lim.small_bytes, rels_start, NULL, NULL, err);
}

/* ---- the workbook part: sheets, and which date system -------------------------------------- */

static void XMLCALL workbook_start(void *ud, const char *name, const char **atts) {
  rels_ctx *c = ud;
  sheet_book *b = c->b;
  if (is(name, "workbookPr")) {
    const char *d = attr(atts, "date1904");
    b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
  } else if (is(name, "sheet")) {
    const char *sname = attr(atts, "name"), *rid = attr(atts, "id"), *state = attr(atts, "state");
    if (b->nsheets >= SHEETS_MAX) {
      kh_seterror(c->x.err, KH_EDATA, "%s: refused: the workbook lists more than %u sheets",
                  b->name, SHEETS_MAX);
      stop(&c->x);
      return;
    }
    if (buf_grow((void **)&b->sheets, &b->sheets_cap, b->nsheets + 1, sizeof *b->sheets) < 0) {
      no_memory(c->x.err);
      stop(&c->x);
      return;
    }
    entry *e = &b->sheets[b->nsheets++];
    memset(e, 0, sizeof *e);
    e->state = !state || strcmp(state, "visible") == 0 ? SHEET_VISIBLE
               : strcmp(state, "veryHidden") == 0      ? SHEET_VERY_HIDDEN
                                                       : SHEET_HIDDEN;
    if (dup_to(&e->name, sname, &c->x) == 0) dup_to(&e->rid, rid, &c->x);
  }
}

/* ---- styles: which cell style shows a date, which pads with zeros ------------------------- */

/* Sorts a number format code into enum fmt; *pad is the width of an all-zeros format. */
static int classify(const char *code, unsigned char *pad) {
  int date = 0, time = 0, month = 0, zeros = 0, other = 0;
  *pad = 0;
  if (strncasecmp(code, "General", 7) == 0) return FMT_GENERAL;
  for (const char *s = code; *s && *s != ';'; s++) {
    char ch = *s;
    if (ch == '"') {
      while (s[1] && s[1] != '"') s++;
      if (s[1]) s++;
      other = 1;
    } else if (ch == '\\' || ch == '_' || ch == '*') {
      if (s[1]) s++;
      other = 1;
    } else if (ch == '[') {
      const char *e = strchr(s, ']');
      if (e == NULL) break;
      if (e - s >= 2 && strchr("hHmMsS", s[1])) time = 1; /* [h]:mm elapsed time */
      s = e;
    } else if (ch == 'y' || ch == 'Y' || ch == 'd' || ch == 'D') {
      date = 1;
    } else if (ch == 'h' || ch == 'H' || ch == 's' || ch == 'S') {
      time = 1;
    } else if (ch == 'm' || ch == 'M') {
      month = 1;
    } else if (ch == '0') {
      zeros++;
    } else {
      other = 1;
    }
  }
  if (month && !time) date = 1;
  if (date && time) return FMT_DATETIME;
  if (date) return FMT_DATE;
  if (time) return FMT_TIME;
  if (zeros >= 2 && !other && zeros <= 30) {
    *pad = (unsigned char)zeros;
    return FMT_PAD;
  }
  return FMT_GENERAL;
}

static int builtin_kind(unsigned id) {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
    return FMT_DATE;
  if (id == 22) return FMT_DATETIME;
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) return FMT_TIME;
  return FMT_GENERAL;
}

typedef struct styles_ctx {
  xml_ctx x;
  sheet_book *b;
  int in_xfs;
} styles_ctx;

static void XMLCALL styles_start(void *ud, const char *name, const char **atts) {
  styles_ctx *c = ud;
  sheet_book *b = c->b;
  const char *id = attr(atts, "numFmtId");
  if (is(name, "cellXfs")) {
    c->in_xfs = 1;
  } else if (is(name, "numFmt") && id) {
    const char *code = attr(atts, "formatCode");
    if (b->nfmt >= STYLES_MAX || !code) return;
    if (buf_grow((void **)&b->fmts, &b->fmt_cap, b->nfmt + 1, sizeof *b->fmts) < 0) {
      no_memory(c->x.err);
      stop(&c->x);
      return;
    }
    numfmt *f = &b->fmts[b->nfmt++];
    f->id = (unsigned)strtoul(id, NULL, 10);
    f->kind = (unsigned char)classify(code, &f->pad);
  } else if (is(name, "xf") && c->in_xfs) {
    if (b->nxf >= STYLES_MAX) {
      kh_seterror(c->x.err, KH_EDATA, "%s: refused: the workbook has more than %u cell formats "
                  "(Excel allows 64,000)", b->name, STYLES_MAX);
      stop(&c->x);
      return;
    }
    if (buf_grow((void **)&b->xfs, &b->xf_cap, b->nxf + 1, sizeof *b->xfs) < 0) {
      no_memory(c->x.err);
      stop(&c->x);
      return;
    }
    numfmt *x = &b->xfs[b->nxf++];
    x->id = id ? (unsigned)strtoul(id, NULL, 10) : 0;
    x->kind = (unsigned char)builtin_kind(x->id);
    x->pad = 0;
    for (size_t i = 0; i < b->nfmt; i++)
      if (b->fmts[i].id == x->id) *x = b->fmts[i];
  }
}

static void XMLCALL styles_end(void *ud, const char *name) {
  styles_ctx *c = ud;
  if (is(name, "cellXfs")) c->in_xfs = 0;
}

/* ---- shared strings ------------------------------------------------------------------------- */

/* The text of a cell (<is>) or of a shared string (<si>): the <t> of its runs, not of its
** phonetic guides (<rPh>). Shared by both parsers. */
typedef struct text_state {
  int in_t, in_rph;
} text_state;

static int text_start(text_state *t, const char *name) {
  const char *n = name[0] && name[1] == '\0' ? name : local(name);
  if (strcmp(n, "rPh") == 0) t->in_rph = 1;
  else if (n[0] == 't' && n[1] == '\0' && !t->in_rph) t->in_t = 1;
  else return 0;
  return 1;
}

static void text_end(text_state *t, const char *name) {
  const char *n = name[0] && name[1] == '\0' ? name : local(name);
  if (strcmp(n, "rPh") == 0) t->in_rph = 0;
  else if (n[0] == 't' && n[1] == '\0') t->in_t = 0;
}

typedef struct sst_ctx {
  xml_ctx x;
  sheet_book *b;
  int in_si;
  text_state t;
} sst_ctx;

static void XMLCALL sst_start(void *ud, const char *name, const char **atts) {
  sst_ctx *c = ud;
  if (is(name, "si")) {
    c->in_si = 1;
    c->t.in_t = c->t.in_rph = 0;
  } else if (c->in_si) {
    text_start(&c->t, name);
  }
}

static void XMLCALL sst_end(void *ud, const char *name) {
  sst_ctx *c = ud;
  sheet_book *b = c->b;
  if (!c->in_si) return;
  if (!is(name, "si")) {
    text_end(&c->t, name);
    return;
  }
  c->in_si = 0;
  if (b->sst.len + 4 * (b->sst_n + 1) > b->lim.strings_bytes) {
    kh_seterror(c->x.err, KH_EDATA, "%s: refused: its shared strings take more than %llu MiB",
                b->name, b->lim.strings_bytes / MiB);
    stop(&c->x);
    return;
  }
  if (buf_grow((void **)&b->sst_end, &b->sst_cap, b->sst_n + 1, sizeof *b->sst_end) < 0) {
    no_memory(c->x.err);
    stop(&c->x);
    return;
  }
  b->sst_end[b->sst_n++] = (uint32_t)b->sst.len;
}

static void XMLCALL sst_text(void *ud, const char *s, int len) {
  sst_ctx *c = ud;
  sheet_book *b = c->b;
  if (!c->in_si || !c->t.in_t) return;
  size_t start = b->sst_n ? b->sst_end[b->sst_n - 1] : 0;
  if (b->sst.len - start + (size_t)len > CELL_MAX_BYTES) {
    kh_seterror(c->x.err, KH_EDATA, "%s: refused: shared string %zu holds more than Excel's 32,767 "
                "characters", b->name, b->sst_n + 1);
    stop(&c->x);
  } else if (buf_add(&b->sst, s, (size_t)len) < 0) {
    no_memory(c->x.err);
    stop(&c->x);
  }
}

/* ---- opening ------------------------------------------------------------------------------ */

static char *dirname_of(const char *path) {
  const char *slash = strrchr(path, '/');
  size_t n = slash ? (size_t)(slash - path) : 0;
  char *d = malloc(n + 1);
  if (d) {
    memcpy(d, path, n);
    d[n] = '\0';
  }
  return d;
}

/* Parses the part the workbook's relationship of this type names, when there is one, into
** the handlers with x; 0, or -1 with err filled. */
static int read_related(sheet_book *b, const char *dir, const char *type, unsigned long long cap,
                        xml_ctx *x, XML_StartElementHandler start, XML_EndElementHandler end,
                        XML_CharacterDataHandler text, kh_error *err) {
  const rel *r = find_rel(b, type, 1);
  if (r == NULL) return 0;
  char *name = resolve(dir, r->target);
  if (name == NULL) return no_memory(err), -1;
  int rc = xml_parse(x, b, name, cap, start, end, text, err);
  free(name);
  return rc;
}

/* Reads what a workbook says about itself; 0, or -1 with err filled. */
static int load(sheet_book *b, kh_error *err) {
  int rc = 0;
  char *wb_part = NULL, *wb_dir = NULL, *wb_rels = NULL;
  /* the workbook part: as _rels/.rels says, or where Excel puts it */
  if (zip_name_locate(b->za, "_rels/.rels", ZIP_FL_NOCASE) >= 0) {
    rc = read_rels(b, "_rels/.rels", err);
    const rel *r = rc == 0 ? find_rel(b, "officeDocument", 1) : NULL;
    if (r) wb_part = resolve("", r->target);
  }
  if (rc == 0 && wb_part == NULL) wb_part = strdup("xl/workbook.xml");
  if (rc == 0 && wb_part == NULL) rc = (no_memory(err), -1);
  if (rc == 0 && zip_name_locate(b->za, wb_part, ZIP_FL_NOCASE) < 0) {
    kh_seterror(err, KH_EDATA, "%s: not an Excel workbook (.xlsx): it has no workbook part "
                "(%s); save it from Excel or LibreOffice as .xlsx", b->name, wb_part);
    rc = -1;
  }
  if (rc == 0) {
    rels_ctx c;
    memset(&c, 0, sizeof c);
    c.b = b;
    rc = xml_parse(&c.x, b, wb_part, b->lim.small_bytes, workbook_start, NULL, NULL, err);
  }
  if (rc == 0 && b->nsheets == 0)
    rc = (kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: it lists no sheet", b->name), -1);
  if (rc == 0) {
    wb_dir = dirname_of(wb_part);
    const char *base = strrchr(wb_part, '/') ? strrchr(wb_part, '/') + 1 : wb_part;
    size_t n = strlen(wb_part) + 16;
    wb_rels = malloc(n);
    if (wb_dir == NULL || wb_rels == NULL) rc = (no_memory(err), -1);
    else snprintf(wb_rels, n, "%s%s_rels/%s.rels", wb_dir, wb_dir[0] ? "/" : "", base);
  }
  if (rc == 0) rc = read_rels(b, wb_rels, err);
  for (size_t i = 0; rc == 0 && i < b->nsheets; i++) {
    const rel *r = find_rel(b, b->sheets[i].rid, 0);
    if (r == NULL) {
      rc = (kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: sheet '%s' has no part",
                       b->name, b->sheets[i].name), -1);
    } else if ((b->sheets[i].part = resolve(wb_dir, r->target)) == NULL) {
      rc = (no_memory(err), -1);
    }
  }
  styles_ctx styles;
  memset(&styles, 0, sizeof styles);
  styles.b = b;
  if (rc == 0)
    rc = read_related(b, wb_dir, "styles", b->lim.small_bytes, &styles.x, styles_start, styles_end, NULL, err);
  sst_ctx strings;
  memset(&strings, 0, sizeof strings);
  strings.b = b;
  if (rc == 0)
    rc = read_related(b, wb_dir, "sharedStrings", b->lim.strings_bytes, &strings.x, sst_start, sst_end,
                      sst_text, err);
  free_rels(b);
  free(wb_part);
  free(wb_dir);
  free(wb_rels);
  return rc;
}

/* An old Excel file (and a workbook with a password) is an OLE compound file. */
static int is_ole(const unsigned char *p, size_t n) {
  return n >= 8 && memcmp(p, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
}

static sheet_book *open_from(zip_source_t *src, const char *name, const unsigned char *head,
                             size_t nhead, const sheet_limits *lim, kh_error *err) {
  sheet_book *b = calloc(1, sizeof *b);
  if (b) b->name = strdup(name);
  if (b == NULL || b->name == NULL) {
    free(b);
    zip_source_free(src);
    no_memory(err);
    return NULL;
  }
  b->lim = lim ? *lim : sheet_default_limits();
  zip_error_t ze;
  zip_error_init(&ze);
  b->za = zip_open_from_source(src, ZIP_RDONLY, &ze);
  if (b->za == NULL) {
    zip_source_free(src);
    int code = zip_error_code_zip(&ze);
    if (is_ole(head, nhead))
      kh_seterror(err, KH_EDATA, "%s: an Excel 97-2003 workbook (.xls) or one locked with a "
                  "password; open it in Excel or LibreOffice and save it as .xlsx, without a password", name);
    else if (code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS)
      kh_seterror(err, KH_EDATA, "%s: not an Excel workbook (.xlsx): the file is not a zip container "
                  "or is damaged (%s)", name, zip_error_strerror(&ze));
    else if (code == ZIP_ER_MEMORY)
      no_memory(err);
    else
      kh_seterror(err, KH_EDATA, "%s: cannot be read as an Excel workbook (%s)", name, zip_error_strerror(&ze));
    zip_error_fini(&ze);
    sheet_close(b);
    return NULL;
  }
  zip_error_fini(&ze);
  if (load(b, err) < 0) {
    sheet_close(b);
    return NULL;
  }
  return b;
}

sheet_book *sheet_open(const char *path, const char *name, const sheet_limits *lim, kh_error *err) {
  if (name == NULL) name = path;
  unsigned char head[8] = {0};
  size_t nhead = 0;
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    kh_seterror(err, KH_EDATA, "%s: cannot read: %s", name, strerror(errno));
    return NULL;
  }
  nhead = fread(head, 1, sizeof head, f);
  fclose(f);
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_file_create(path, 0, -1, &ze);
  zip_error_fini(&ze);
  if (src == NULL) {
    no_memory(err);
    return NULL;
  }
  return open_from(src, name, head, nhead, lim, err);
}

sheet_book *sheet_open_buffer(const void *data, size_t size, const char *name,
                              const sheet_limits *lim, kh_error *err) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(size ? data : "", size, 0, &ze);
  zip_error_fini(&ze);
  if (src == NULL) {
    no_memory(err);
    return NULL;
  }
  return open_from(src, name, data, size, lim, err);
}

void sheet_close(sheet_book *b) {
  if (b == NULL) return;
  if (b->za) zip_discard(b->za);
  for (size_t i = 0; i < b->nsheets; i++) {
    free(b->sheets[i].name);
    free(b->sheets[i].rid);
    free(b->sheets[i].part);
  }
  free(b->sheets);
  free_rels(b);
  free(b->rels);
  free(b->sst.p);
  free(b->sst_end);
  free(b->fmts);
  free(b->xfs);
  free(b->name);
  free(b);
}

size_t sheet_count(const sheet_book *b) { return b->nsheets; }

sheet_info sheet_at(const sheet_book *b, size_t i) {
  sheet_info info = {b->sheets[i].name, b->sheets[i].state};
  return info;
}

/* ---- cell references ---------------------------------------------------------------------- */

void sheet_ref(unsigned row, unsigned col, char *out) {
  char letters[8];
  int n = 0;
  for (unsigned c = col; c > 0 && n < 7; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
  int k = 0;
  while (n > 0) out[k++] = letters[--n];
  snprintf(out + k, 16 - (size_t)k, "%u", row);
}

/* Reads "AB12" (either part may be missing: *col or *row is then left 0). Returns 0, or -1
** when the text is not a reference or points past Excel's last row or column. */
static int parse_ref(const char *s, unsigned *row, unsigned *col) {
  unsigned long c = 0, r = 0;
  int nl = 0, nd = 0;
  for (; *s >= 'A' && *s <= 'Z'; s++, nl++) {
    c = c * 26 + (unsigned long)(*s - 'A' + 1);
    if (nl > 3) return -1;
  }
  if (*s == '$') s++;
  for (; *s >= '0' && *s <= '9'; s++, nd++) {
    r = r * 10 + (unsigned long)(*s - '0');
    if (nd > 8) return -1;
  }
  if (*s != '\0' || (nl == 0 && nd == 0)) return -1;
  *col = (unsigned)c;
  *row = (unsigned)r;
  return 0;
}

/* ---- a sheet's rows ------------------------------------------------------------------------- */

/* A cell's t="..." as read: the types Excel writes, and one it does not. */
enum cell_type { T_NUMBER, T_SHARED, T_STR, T_INLINE, T_ERROR, T_BOOL, T_DATE, T_OTHER };

static char cell_type(const char *t) {
  if (t == NULL || t[0] == '\0') return T_NUMBER;
  if (t[1] == '\0') {
    switch (t[0]) {
      case 'n': return T_NUMBER;
      case 's': return T_SHARED;
      case 'e': return T_ERROR;
      case 'b': return T_BOOL;
      case 'd': return T_DATE;
    }
    return T_OTHER;
  }
  if (strcmp(t, "inlineStr") == 0) return T_INLINE;
  if (strcmp(t, "str") == 0) return T_STR;
  return T_OTHER;
}

typedef struct cell_tmp {
  unsigned col;
  char type;
  size_t off, len;
} cell_tmp;

struct sheet_reader {
  xml_ctx x;
  sheet_book *b;
  const char *sheet;
  int in_data, in_row, in_cell, in_v, in_is;
  text_state t;
  unsigned row, last_row, col, rows_seen;
  char type; /* the cell's t: enum cell_type */
  unsigned style;
  buf value; /* the cell being read: <v> or the text of <is> */
  buf text;  /* the row's cells' text */
  cell_tmp *cells;
  size_t ncells, cells_cap;
  sheet_cell *out;
  size_t out_cap;
  int ready;
};

static void row_fail(sheet_reader *r, const char *form, ...) __attribute__((format(printf, 2, 3)));
static void row_fail(sheet_reader *r, const char *form, ...) {
  char what[512];
  va_list ap;
  va_start(ap, form);
  vsnprintf(what, sizeof what, form, ap);
  va_end(ap);
  kh_seterror(r->x.err, KH_EDATA, "%s, sheet '%s': %s", r->b->name, r->sheet, what);
  stop(&r->x);
}

static void damaged(sheet_reader *r, const char *what) {
  char ref[16];
  sheet_ref(r->row, r->col, ref);
  row_fail(r, "the workbook is damaged: cell %s %s", ref, what);
}

/* Civil date from days since 1970-01-01 (the inverse of days_from_civil). */
static void civil(long long z, int *y, unsigned *m, unsigned *d) {
  z += 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned)(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long yy = (long long)yoe + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = (int)(yy + (*m <= 2));
}

/* Writes an Excel serial day as a date and/or time; kind is enum fmt. */
static int show_date(double v, int kind, int date1904, char *out, size_t n) {
  long long days = (long long)floor(v);
  long secs = lround((v - (double)days) * 86400.0);
  if (secs < 0) secs = 0;
  if (secs >= 86400) {
    days++;
    secs -= 86400;
  }
  int y;
  unsigned m, d;
  if (date1904) {
    civil(days - 24107, &y, &m, &d);
  } else if (days == 60) { /* Excel's 29 February 1900, a day that never was */
    y = 1900, m = 2, d = 29;
  } else {
    civil(days < 60 ? days - 25568 : days - 25569, &y, &m, &d);
  }
  char date[32], time[32];
  snprintf(date, sizeof date, "%04d-%02u-%02u", y, m, d);
  snprintf(time, sizeof time, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
  if (kind == FMT_TIME && days == 0) return snprintf(out, n, "%s", time);
  if (kind == FMT_DATE || secs == 0) return snprintf(out, n, "%s", date);
  return snprintf(out, n, "%s %s", date, time);
}

/* A number as Excel's General format shows it, at full precision. */
static int show_general(double v, char *out, size_t n) {
  if (v == floor(v) && fabs(v) < 1e15) return snprintf(out, n, "%lld", (long long)v);
  return snprintf(out, n, "%.15g", v);
}

/* The text of <v> is a number as the format writes them: -1.5E+3 at most. */
static int number_text(const char *s) {
  if (*s == '-') s++;
  int digits = 0;
  while (*s >= '0' && *s <= '9') s++, digits++;
  if (*s == '.') {
    s++;
    while (*s >= '0' && *s <= '9') s++, digits++;
  }
  if (digits == 0) return 0;
  if (*s == 'e' || *s == 'E') {
    s++;
    if (*s == '+' || *s == '-') s++;
    if (!(*s >= '0' && *s <= '9')) return 0;
    while (*s >= '0' && *s <= '9') s++;
  }
  return *s == '\0';
}

/* A whole number General shows exactly as <v> writes it: at most 15 digits, no leading
** zero, an optional minus (not on 0). Most numbers of a list are such, and skip strtod. */
static int plain_whole(const char *s, size_t len) {
  size_t i = s[0] == '-';
  if (len == i || len - i > 15 || (s[i] == '0' && (len - i > 1 || i))) return 0;
  for (; i < len; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* Ends the cell being read: its text as the officer sees it, added to the row. */
static void finish_cell(sheet_reader *r) {
  sheet_book *b = r->b;
  const char *v = r->value.p ? r->value.p : "";
  size_t vlen = r->value.len;
  char shown[64], type = 's';
  const char *text = v;
  size_t len = vlen;
  if (r->type == T_SHARED) {
    char *end;
    errno = 0;
    unsigned long long i = strtoull(v, &end, 10);
    if (vlen == 0 || *end != '\0' || v[0] == '-' || errno || i >= b->sst_n) {
      damaged(r, "names a shared string that is not there");
      return;
    }
    size_t start = i ? b->sst_end[i - 1] : 0;
    text = b->sst.p + start;
    len = b->sst_end[i] - start;
  } else if (r->type == T_STR || r->type == T_INLINE) {
    /* text as it is */
  } else if (r->type == T_ERROR) {
    type = 'e';
  } else if (r->type == T_BOOL) {
    if (vlen == 0) return;
    if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
      damaged(r, "holds a true or false that is neither 1 nor 0");
      return;
    }
    type = 'b';
  } else if (r->type == T_DATE) {
    type = 'd';
    size_t k = 0;
    for (size_t i = 0; i < vlen && k + 1 < sizeof shown; i++) shown[k++] = v[i] == 'T' ? ' ' : v[i];
    shown[k] = '\0';
    char *z = strchr(shown, 'Z');
    if (z) *z = '\0';
    if (strlen(shown) > 10 && strcmp(shown + 10, " 00:00:00") == 0) shown[10] = '\0';
    text = shown;
    len = strlen(shown);
  } else if (r->type == T_NUMBER) {
    if (vlen == 0) return; /* a styled blank */
    int kind = r->style < b->nxf ? b->xfs[r->style].kind : FMT_GENERAL;
    type = 'n';
    if (kind == FMT_GENERAL && plain_whole(v, vlen)) goto add; /* General shows it as written */
    if (!number_text(v)) {
      damaged(r, "holds a number that is not one");
      return;
    }
    double d = strtod(v, NULL);
    if ((kind == FMT_DATE || kind == FMT_TIME || kind == FMT_DATETIME) && d >= 0 && d < 2958466) {
      type = 'd';
      show_date(d, kind, b->date1904, shown, sizeof shown);
    } else if (kind == FMT_PAD && d >= 0 && d < 1e15 && d == floor(d)) {
      snprintf(shown, sizeof shown, "%0*lld", (int)b->xfs[r->style].pad, (long long)d);
    } else {
      show_general(d, shown, sizeof shown);
    }
    text = shown;
    len = strlen(shown);
  } else {
    damaged(r, "has a type Excel does not write");
    return;
  }
add:
  if (len == 0) return;
  if (r->text.len + len > ROW_MAX_BYTES) {
    row_fail(r, "row %u holds more than %llu MiB of text", r->row, ROW_MAX_BYTES / MiB);
    return;
  }
  if (buf_grow((void **)&r->cells, &r->cells_cap, r->ncells + 1, sizeof *r->cells) < 0) {
    no_memory(r->x.err);
    stop(&r->x);
    return;
  }
  size_t off = r->text.len;
  if (buf_add(&r->text, text, len) < 0 || buf_add(&r->text, "", 1) < 0) {
    no_memory(r->x.err);
    stop(&r->x);
    return;
  }
  cell_tmp *c = &r->cells[r->ncells++];
  c->col = r->col;
  c->type = type;
  c->off = off;
  c->len = len;
}

/* The attributes of <row> and <c> the reader wants, found in one pass: r, t and s. */
typedef struct cell_atts {
  const char *r, *t, *s;
} cell_atts;

static void cell_attrs(const char **atts, cell_atts *out) {
  out->r = out->t = out->s = NULL;
  for (; atts[0]; atts += 2) {
    const char *n = atts[0];
    if (n[0] != '\0' && n[1] != '\0') {
      if (strncmp(n, "xmlns", 5) == 0) continue;
      n = local(n);
    }
    if (n[0] == '\0' || n[1] != '\0') continue;
    if (n[0] == 'r') out->r = atts[1];
    else if (n[0] == 't') out->t = atts[1];
    else if (n[0] == 's') out->s = atts[1];
  }
}

/* Element names in a sheet's rows are short: one look at their first letters tells them. */
static int named(const char *n, const char *want) { return n[0] == want[0] && strcmp(n, want) == 0; }

static void XMLCALL rows_start(void *ud, const char *name, const char **atts) {
  sheet_reader *r = ud;
  const char *n = name[0] && name[1] == '\0' ? name : local(name);
  if (!r->in_data) {
    if (named(n, "sheetData")) r->in_data = 1;
    return;
  }
  if (r->in_cell) {
    if (named(n, "v")) {
      r->in_v = 1;
    } else if (named(n, "is")) {
      r->in_is = 1;
    } else if (r->in_is) {
      text_start(&r->t, name);
    }
    return;
  }
  cell_atts ca;
  if (named(n, "row")) {
    cell_attrs(atts, &ca);
    const char *ref = ca.r;
    unsigned row = r->last_row + 1;
    if (ref) {
      char *end;
      unsigned long num = strtoul(ref, &end, 10);
      if (*end != '\0' || num == 0 || num > 0xFFFFFFFFul) {
        row_fail(r, "the workbook is damaged: a row is numbered '%.40s'", ref);
        return;
      }
      row = (unsigned)num;
    }
    if (++r->rows_seen > SHEET_MAX_ROWS || row > SHEET_MAX_ROWS) {
      row_fail(r, "row %u is past Excel's last row, 1,048,576", row > SHEET_MAX_ROWS ? row : r->rows_seen);
      return;
    }
    if (row <= r->last_row) {
      row_fail(r, "the workbook is damaged: row %u comes after row %u", row, r->last_row);
      return;
    }
    r->row = r->last_row = row;
    r->col = 0;
    r->in_row = 1;
    r->ncells = 0;
    r->text.len = 0;
  } else if (named(n, "c") && r->in_row) {
    cell_attrs(atts, &ca);
    const char *ref = ca.r, *s = ca.s;
    unsigned row = r->row, col = r->col + 1;
    if (ref) {
      unsigned rr = 0, cc = 0;
      if (parse_ref(ref, &rr, &cc) < 0 || cc == 0) {
        row_fail(r, "the workbook is damaged: a cell of row %u is called '%.20s'", r->row, ref);
        return;
      }
      if (rr != 0 && rr != row) {
        row_fail(r, "the workbook is damaged: cell %.20s stands in row %u", ref, row);
        return;
      }
      col = cc;
    }
    if (col > SHEET_MAX_COLS) {
      row_fail(r, "row %u has a cell past Excel's last column, XFD (16,384)", row);
      return;
    }
    if (col <= r->col) {
      char a[16], b[16];
      sheet_ref(row, col, a);
      sheet_ref(row, r->col, b);
      row_fail(r, "the workbook is damaged: cell %s comes after %s", a, b);
      return;
    }
    r->col = col;
    r->type = cell_type(ca.t);
    r->style = s ? (unsigned)strtoul(s, NULL, 10) : 0;
    r->in_cell = 1;
    r->in_v = r->in_is = 0;
    r->t.in_t = r->t.in_rph = 0;
    r->value.len = 0;
    if (r->value.p) r->value.p[0] = '\0';
  }
}

static void XMLCALL rows_end(void *ud, const char *name) {
  sheet_reader *r = ud;
  if (!r->in_data) return;
  const char *n = name[0] && name[1] == '\0' ? name : local(name);
  if (r->in_cell) {
    if (named(n, "c")) {
      r->in_cell = 0;
      finish_cell(r);
    } else if (named(n, "v")) {
      r->in_v = 0;
    } else if (named(n, "is")) {
      r->in_is = 0;
    } else if (r->in_is) {
      text_end(&r->t, name);
    }
  } else if (named(n, "row")) {
    r->in_row = 0;
    if (r->ncells > 0) {
      r->ready = 1;
      XML_StopParser(r->x.p, XML_TRUE);
    }
  } else if (named(n, "sheetData")) {
    r->in_data = 0;
    r->x.done = 1;
    XML_StopParser(r->x.p, XML_FALSE); /* the rest (merged ranges, print settings) is not read */
  }
}

static void XMLCALL rows_text(void *ud, const char *s, int len) {
  sheet_reader *r = ud;
  if (!r->in_cell || !(r->in_v || (r->in_is && r->t.in_t))) return;
  if (r->value.len + (size_t)len > CELL_MAX_BYTES) {
    char ref[16];
    sheet_ref(r->row, r->col, ref);
    row_fail(r, "cell %s holds more than Excel's 32,767 characters", ref);
  } else if (buf_add(&r->value, s, (size_t)len) < 0) {
    no_memory(r->x.err);
    stop(&r->x);
  }
}

sheet_reader *sheet_rows(sheet_book *b, size_t i, kh_error *err) {
  sheet_reader *r = calloc(1, sizeof *r);
  if (r == NULL) return no_memory(err), NULL;
  r->b = b;
  r->sheet = b->sheets[i].name;
  if (xml_open(&r->x, b, b->sheets[i].part, b->lim.sheet_bytes, rows_start, rows_end, rows_text, err) < 0) {
    if (err->code == KH_EDATA && strstr(err->msg, " is missing"))
      kh_seterror(err, KH_EDATA, "%s: the workbook is damaged: sheet '%s' has no part %s", b->name,
                  r->sheet, b->sheets[i].part);
    sheet_rows_close(r);
    return NULL;
  }
  return r;
}

int sheet_rows_next(sheet_reader *r, sheet_row *row, kh_error *err) {
  r->x.err = err;
  r->ready = 0;
  for (;;) {
    int rc = xml_step(&r->x);
    if (rc < 0) return -1;
    if (r->ready) break;
    if (rc == 0) return 0;
  }
  if (buf_grow((void **)&r->out, &r->out_cap, r->ncells, sizeof *r->out) < 0) return no_memory(err), -1;
  for (size_t k = 0; k < r->ncells; k++) {
    r->out[k].col = r->cells[k].col;
    r->out[k].type = r->cells[k].type;
    r->out[k].text = r->text.p + r->cells[k].off;
    r->out[k].len = r->cells[k].len;
  }
  row->row = r->row;
  row->ncells = r->ncells;
  row->cells = r->out;
  return 1;
}

void sheet_rows_close(sheet_reader *r) {
  if (r == NULL) return;
  xml_close(&r->x);
  free(r->value.p);
  free(r->text.p);
  free(r->cells);
  free(r->out);
  free(r);
}

/* ---- merged ranges ------------------------------------------------------------------------ */

typedef struct merge_ctx {
  xml_ctx x;
  sheet_book *b;
  const char *sheet;
  unsigned max_row;
  sheet_range *list;
  size_t n, cap;
} merge_ctx;

static void XMLCALL merge_start(void *ud, const char *name, const char **atts) {
  merge_ctx *c = ud;
  if (!is(name, "mergeCell")) return;
  const char *ref = attr(atts, "ref");
  char a[16] = "", b[16] = "";
  const char *colon = ref ? strchr(ref, ':') : NULL;
  sheet_range g = {0, 0, 0, 0};
  if (ref && colon && colon - ref < 16 && strlen(colon + 1) < 16) {
    memcpy(a, ref, (size_t)(colon - ref));
    snprintf(b, sizeof b, "%s", colon + 1);
  }
  if (!ref || !colon || parse_ref(a, &g.r1, &g.c1) < 0 || parse_ref(b, &g.r2, &g.c2) < 0 || !g.r1 ||
      !g.c1 || g.r2 < g.r1 || g.c2 < g.c1 || g.r2 > SHEET_MAX_ROWS || g.c2 > SHEET_MAX_COLS) {
    kh_seterror(c->x.err, KH_EDATA, "%s, sheet '%s': the workbook is damaged: a merged range is "
                "written '%.40s'", c->b->name, c->sheet, ref ? ref : "");
    stop(&c->x);
    return;
  }
  if (g.r1 > c->max_row) return;
  if (c->n >= MERGES_MAX) {
    kh_seterror(c->x.err, KH_EDATA, "%s, sheet '%s': refused: more than %u merged ranges",
                c->b->name, c->sheet, MERGES_MAX);
    stop(&c->x);
    return;
  }
  if (buf_grow((void **)&c->list, &c->cap, c->n + 1, sizeof *c->list) < 0) {
    no_memory(c->x.err);
    stop(&c->x);
    return;
  }
  c->list[c->n++] = g;
}

/* Excel writes a sheet's merged ranges after its rows, so parsing the sheet again to reach
** them would cost as much as reading it. Its bytes are scanned instead for the markup that
** opens <mergeCells>, and expat parses only the root's start tag and what follows from there:
** the document with its rows left out. Outside comments, CDATA sections, processing
** instructions and attribute values, '<' only ever opens markup (XML escapes it elsewhere),
** so the scan follows those and nothing else. */
enum scan_state { SC_TEXT, SC_LT, SC_NAME, SC_TAG, SC_DQ, SC_SQ, SC_BANG, SC_COMMENT, SC_CDATA, SC_PI };

#define SCAN_NAME 64      /* longer names are not <mergeCells> */
#define SCAN_ROOT 65536   /* a root start tag longer than this: the sheet is parsed whole */

typedef struct scan {
  int state, first_done, dashes, brackets; /* brackets: "]" in CDATA, "?" in a PI, before */
  char name[SCAN_NAME + 1];
  size_t nlen;
  buf root; /* the bytes up to the end of the root's start tag */
  char bang[8];
  size_t nbang;
} scan;

/* Follows the markup of n bytes at p. Returns the offset in p just past the name of a
** <mergeCells> start tag (found: s->name holds the name), -1 to read on, -2 when the scan
** cannot follow the part (a DOCTYPE, a root tag too long, no memory): it is parsed whole. */
static long scan_bytes(scan *s, const char *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char ch = p[i];
    if (!s->first_done && buf_add(&s->root, &ch, 1) < 0) return -2;
    if (!s->first_done && s->root.len > SCAN_ROOT) return -2;
    switch (s->state) {
      case SC_TEXT: {
        const char *lt = memchr(p + i, '<', n - i);
        if (lt == NULL) {
          if (!s->first_done && buf_add(&s->root, p + i + 1, n - i - 1) < 0) return -2;
          return -1;
        }
        if (!s->first_done && buf_add(&s->root, p + i + 1, (size_t)(lt - p) - i) < 0) return -2;
        i = (size_t)(lt - p);
        s->state = SC_LT;
        break;
      }
      case SC_LT:
        s->nlen = 0, s->brackets = 0;
        if (ch == '!') s->state = SC_BANG, s->nbang = 0;
        else if (ch == '?') s->state = SC_PI;
        else if (ch == '/') s->state = SC_TAG;
        else s->state = SC_NAME, s->name[s->nlen++] = ch;
        break;
      case SC_NAME:
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '/' || ch == '>') {
          s->name[s->nlen < SCAN_NAME ? s->nlen : SCAN_NAME] = '\0';
          size_t k = s->nlen;
          if (s->first_done && k >= 10 && k <= SCAN_NAME && memcmp(s->name + k - 10, "mergeCells", 10) == 0 &&
              (k == 10 || s->name[k - 11] == ':'))
            return (long)i;
          s->state = SC_TAG;
          if (ch == '>') s->state = SC_TEXT, s->first_done = 1; /* as SC_TAG does */
        } else if (s->nlen < SCAN_NAME + 1) {
          if (s->nlen < SCAN_NAME) s->name[s->nlen] = ch;
          s->nlen++;
        }
        break;
      case SC_TAG:
        if (s->first_done) { /* most bytes of a sheet: past them quickly */
          while (i < n && p[i] != '"' && p[i] != '\'' && p[i] != '>') i++;
          if (i == n) return -1;
          ch = p[i];
        }
        if (ch == '"') s->state = SC_DQ;
        else if (ch == '\'') s->state = SC_SQ;
        else if (ch == '>') {
          s->state = SC_TEXT;
          s->first_done = 1; /* the first tag that ends is the root's start tag */
        }
        break;
      case SC_DQ:
      case SC_SQ: {
        const char *q = s->first_done ? memchr(p + i, s->state == SC_DQ ? '"' : '\'', n - i) : NULL;
        if (s->first_done && q == NULL) return -1;
        if (q) i = (size_t)(q - p), ch = *q;
        if (ch == (s->state == SC_DQ ? '"' : '\'')) s->state = SC_TAG;
        break;
      }
      case SC_BANG:
        s->bang[s->nbang++] = ch;
        if (s->nbang == 2 && memcmp(s->bang, "--", 2) == 0) s->state = SC_COMMENT, s->dashes = 0;
        else if (s->nbang == 7 && memcmp(s->bang, "[CDATA[", 7) == 0) s->state = SC_CDATA, s->brackets = 0;
        else if (s->nbang >= 7 || (s->nbang == 2 && s->bang[0] != '[')) return -2; /* a DOCTYPE */
        break;
      case SC_COMMENT:
        if (ch == '>' && s->dashes >= 2) s->state = SC_TEXT;
        s->dashes = ch == '-' ? s->dashes + 1 : 0;
        break;
      case SC_CDATA:
        if (ch == '>' && s->brackets >= 2) s->state = SC_TEXT;
        s->brackets = ch == ']' ? s->brackets + 1 : 0;
        break;
      case SC_PI:
        if (ch == '>' && s->brackets) s->state = SC_TEXT;
        s->brackets = ch == '?';
        break;
    }
  }
  return -1;
}

/* The merged ranges by the scan: 1 when they are in c, 0 when the sheet must be parsed
** whole instead, -1 when memory was refused (err filled). */
static int merges_by_scan(merge_ctx *c, sheet_book *b, size_t i, kh_error *err) {
  kh_error ignored;
  scan s;
  memset(&s, 0, sizeof s);
  char *chunk = malloc(CHUNK);
  if (chunk == NULL) return no_memory(err), -1;
  int rc = 0;
  if (xml_open(&c->x, b, b->sheets[i].part, b->lim.sheet_bytes, merge_start, NULL, NULL, &ignored) == 0) {
    long n, at = -1;
    while (at < 0 && (n = part_read(&c->x.part, chunk, CHUNK, &ignored)) > 0) {
      at = scan_bytes(&s, chunk, (size_t)n);
      if (at == -2) break;
      if (at >= 0) {
        /* the root's start tag, then "<mergeCells" and the rest of the part */
        int ok = XML_Parse(c->x.p, s.root.p, (int)s.root.len, 0) == XML_STATUS_OK &&
                 XML_Parse(c->x.p, "<", 1, 0) == XML_STATUS_OK &&
                 XML_Parse(c->x.p, s.name, (int)strlen(s.name), 0) == XML_STATUS_OK &&
                 XML_Parse(c->x.p, chunk + at, (int)(n - at), 0) == XML_STATUS_OK;
        while (ok && (n = part_read(&c->x.part, chunk, CHUNK, &ignored)) > 0)
          ok = XML_Parse(c->x.p, chunk, (int)n, 0) == XML_STATUS_OK;
        rc = ok && n == 0 && XML_Parse(c->x.p, "", 0, 1) == XML_STATUS_OK && !c->x.failed;
      }
    }
    if (at == -1 && n == 0 && s.state == SC_TEXT && s.first_done) rc = 1; /* no merged range */
  }
  xml_close(&c->x);
  free(chunk);
  free(s.root.p);
  return rc;
}

int sheet_merges(sheet_book *b, size_t i, unsigned max_row, sheet_range **out, size_t *n, kh_error *err) {
  merge_ctx c;
  memset(&c, 0, sizeof c);
  c.b = b;
  c.sheet = b->sheets[i].name;
  c.max_row = max_row;
  int rc = merges_by_scan(&c, b, i, err);
  if (rc < 0) {
    free(c.list);
    return -1;
  }
  if (rc == 0) {
    /* parsed whole: whatever stopped the scan is found and said, or was nothing */
    free(c.list);
    memset(&c, 0, sizeof c);
    c.b = b;
    c.sheet = b->sheets[i].name;
    c.max_row = max_row;
    if (xml_parse(&c.x, b, b->sheets[i].part, b->lim.sheet_bytes, merge_start, NULL, NULL, err) < 0) {
      free(c.list);
      return -1;
    }
  }
  *out = c.list;
  *n = c.n;
  return 0;
}
