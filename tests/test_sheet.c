/*
** test_sheet.c — the .xlsx reader (engine/sheet.c) on workbooks made here: review lists as
** libxlsxwriter writes them (merged two-row headers, text numbers, codes with leading
** zeros, a sheet per commune, an empty row in the middle, a formula, a date, a hidden
** sheet; shared strings and, in constant-memory mode, inline strings), and hostile files
** written raw with libzip (a zip bomb, a DOCTYPE with entities, a sheet past Excel's last
** row, a broken zip, a missing part, an old .xls), each refused in plain words, quickly.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <cmocka.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "harness.h"
#include "sheet.h"

/* ---- reading a sheet back as text --------------------------------------------------------- */

/* Every row of sheet i as lines "ROW: REF=text(type) ...", malloc'ed; NULL with err filled
** when the reader refused. */
static char *dump(sheet_book *b, size_t i, kh_error *err) {
  sheet_reader *r = sheet_rows(b, i, err);
  if (r == NULL) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *out = malloc(cap);
  out[0] = '\0';
  sheet_row row;
  int rc;
  while ((rc = sheet_rows_next(r, &row, err)) == 1) {
    for (size_t k = 0; k < row.ncells; k++) {
      char ref[16], line[512];
      sheet_ref(row.row, row.cells[k].col, ref);
      int n = snprintf(line, sizeof line, "%s%s=%s(%c)", k ? " " : "", ref, row.cells[k].text,
                       row.cells[k].type);
      if (len + (size_t)n + 2 >= cap) out = realloc(out, cap *= 2);
      memcpy(out + len, line, (size_t)n + 1);
      len += (size_t)n;
    }
    out[len++] = '\n';
    out[len] = '\0';
  }
  sheet_rows_close(r);
  if (rc < 0) {
    free(out);
    return NULL;
  }
  return out;
}

static sheet_book *open_ok(const char *path) {
  kh_error err = {0, ""};
  sheet_book *b = sheet_open(path, "ds-ho-ngheo.xlsx", NULL, &err);
  if (b == NULL) fail_msg("%s", err.msg);
  return b;
}

/* ---- a review list as Excel makes it ----------------------------------------------------- */

/* One sheet per commune; the header over two rows, merged; then the households. */
static void write_review(const char *path, int constant_memory) {
  lxw_workbook_options opt = {.constant_memory = (uint8_t)constant_memory};
  lxw_workbook *wb = workbook_new_opt(path, &opt);
  assert_non_null(wb);
  lxw_format *date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  lxw_format *pad = workbook_add_format(wb);
  format_set_num_format(pad, "00000");
  lxw_format *money = workbook_add_format(wb);
  format_set_num_format(money, "#,##0");
  const char *communes[] = {"Tả Phời", "Vạn Hòa"};
  for (int s = 0; s < 2; s++) {
    lxw_worksheet *ws = workbook_add_worksheet(wb, communes[s]);
    if (!constant_memory) {
      worksheet_merge_range(ws, 0, 0, 1, 0, "Số TT", NULL);
      worksheet_merge_range(ws, 0, 1, 1, 1, "Mã hộ", NULL);
      worksheet_merge_range(ws, 0, 2, 1, 2, "Họ và tên chủ hộ", NULL);
      worksheet_merge_range(ws, 0, 3, 0, 4, "Thiếu hụt", NULL);
    } else {
      worksheet_write_string(ws, 0, 0, "Số TT", NULL);
      worksheet_write_string(ws, 0, 1, "Mã hộ", NULL);
      worksheet_write_string(ws, 0, 2, "Họ và tên chủ hộ", NULL);
      worksheet_write_string(ws, 0, 3, "Thiếu hụt", NULL);
    }
    worksheet_write_string(ws, 0, 5, "Thu nhập bình quân đầu người/tháng", NULL);
    worksheet_write_string(ws, 1, 3, "Việc làm", NULL);
    worksheet_write_string(ws, 1, 4, "Nước sinh hoạt", NULL);
    /* row 3: text numbers, a code with leading zeros, deprived marked x */
    worksheet_write_number(ws, 2, 0, 1, NULL);
    worksheet_write_string(ws, 2, 1, s ? "0012" : "007", NULL);
    worksheet_write_string(ws, 2, 2, "Lò Văn Pháo", NULL);
    worksheet_write_string(ws, 2, 3, "x", NULL);
    worksheet_write_string(ws, 2, 5, "700000", NULL);
    /* row 4 left empty; row 5: a formula, a date, a padded code, a boolean, a decimal */
    worksheet_write_formula_num(ws, 4, 0, "=A3+1", NULL, 2);
    worksheet_write_number(ws, 4, 1, 123, pad);
    lxw_datetime d = {2021, 12, 31, 0, 0, 0};
    worksheet_write_datetime(ws, 4, 2, &d, date);
    worksheet_write_boolean(ws, 4, 3, 1, NULL);
    worksheet_write_number(ws, 4, 4, 0.5, NULL);
    worksheet_write_number(ws, 4, 5, 1250000, money);
  }
  lxw_worksheet *hidden = workbook_add_worksheet(wb, "Ẩn");
  worksheet_write_string(hidden, 0, 0, "ghi chú", NULL);
  worksheet_hide(hidden);
  assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void check_review(const char *path, int constant_memory) {
  sheet_book *b = open_ok(path);
  assert_int_equal(sheet_count(b), 3);
  assert_string_equal(sheet_at(b, 0).name, "Tả Phời");
  assert_string_equal(sheet_at(b, 1).name, "Vạn Hòa");
  assert_string_equal(sheet_at(b, 2).name, "Ẩn");
  assert_int_equal(sheet_at(b, 0).state, SHEET_VISIBLE);
  assert_int_equal(sheet_at(b, 2).state, SHEET_HIDDEN);
  kh_error err = {0, ""};
  char *text = dump(b, 0, &err);
  if (text == NULL) fail_msg("%s", err.msg);
  const char *want =
      "A1=Số TT(s) B1=Mã hộ(s) C1=Họ và tên chủ hộ(s) D1=Thiếu hụt(s) F1=Thu nhập bình quân đầu người/tháng(s)\n"
      "D2=Việc làm(s) E2=Nước sinh hoạt(s)\n"
      "A3=1(n) B3=007(s) C3=Lò Văn Pháo(s) D3=x(s) F3=700000(s)\n"
      "A5=2(n) B5=00123(n) C5=2021-12-31(d) D5=1(b) E5=0.5(n) F5=1250000(n)\n";
  assert_string_equal(text, want);
  free(text);
  text = dump(b, 1, &err);
  assert_non_null(text);
  assert_non_null(strstr(text, "B3=0012(s)"));
  free(text);
  sheet_range *m = NULL;
  size_t n = 99;
  assert_int_equal(sheet_merges(b, 0, 2, &m, &n, &err), 0);
  if (constant_memory) {
    assert_int_equal(n, 0);
  } else {
    assert_int_equal(n, 4);
    assert_int_equal(m[0].r1, 1);
    assert_int_equal(m[0].c1, 1);
    assert_int_equal(m[0].r2, 2);
    assert_int_equal(m[0].c2, 1);
    assert_int_equal(m[3].r1, 1);
    assert_int_equal(m[3].c1, 4);
    assert_int_equal(m[3].r2, 1);
    assert_int_equal(m[3].c2, 5);
  }
  free(m);
  sheet_close(b);
}

static void test_review_list(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "review.xlsx");
  write_review(path, 0);
  check_review(path, 0);
  /* constant-memory mode writes inline strings instead of shared ones */
  write_review(path, 1);
  check_review(path, 1);
  free(path);
  free(dir);
}

/* The same bytes read from memory give the same rows. */
static void test_from_memory(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "review.xlsx");
  write_review(path, 0);
  FILE *f = fopen(path, "rb");
  static char data[1 << 20];
  size_t n = fread(data, 1, sizeof data, f);
  fclose(f);
  kh_error err = {0, ""};
  sheet_book *b = sheet_open_buffer(data, n, "in memory", NULL, &err);
  assert_non_null(b);
  char *text = dump(b, 0, &err);
  assert_non_null(text);
  assert_non_null(strstr(text, "A5=2(n) B5=00123(n) C5=2021-12-31(d)"));
  free(text);
  sheet_close(b);
  free(path);
  free(dir);
}

/* ---- hostile workbooks, written part by part ---------------------------------------------- */

#define CONTENT_TYPES \
  "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define ROOT_RELS                                                                                  \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"  \
  "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"            \
  "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WORKBOOK                                                                                   \
  "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/" \
  "main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" \
  "<sheet name=\"Tả Phời\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
#define WORKBOOK_RELS                                                                              \
  "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"  \
  "relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"            \
  "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
#define SHEET_HEAD                                                                                 \
  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"

typedef struct member {
  const char *name;
  const char *data;
  size_t len; /* 0: strlen */
} member;

/* Writes a zip of the members (deflated) at path. */
static void write_zip(const char *path, const member *m, size_t n) {
  int e;
  zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &e);
  assert_non_null(za);
  for (size_t i = 0; i < n; i++) {
    size_t len = m[i].len ? m[i].len : strlen(m[i].data);
    zip_source_t *src = zip_source_buffer(za, m[i].data, len, 0);
    assert_non_null(src);
    zip_int64_t idx = zip_file_add(za, m[i].name, src, ZIP_FL_OVERWRITE);
    assert_true(idx >= 0);
    zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9);
  }
  assert_int_equal(zip_close(za), 0);
}

/* A workbook whose one sheet is `sheet` (len 0: strlen), and the extra member if given. */
static void write_book(const char *path, const char *sheet, size_t len, const member *extra) {
  member m[6] = {{"[Content_Types].xml", CONTENT_TYPES, 0}, {"_rels/.rels", ROOT_RELS, 0},
                 {"xl/workbook.xml", WORKBOOK, 0}, {"xl/_rels/workbook.xml.rels", WORKBOOK_RELS, 0},
                 {"xl/worksheets/sheet1.xml", sheet, len}};
  size_t n = sheet ? 5 : 4;
  if (extra) m[n++] = *extra;
  write_zip(path, m, n);
}

/* Opens path and reads its first sheet whole; returns the error (code 0: read). The time
** taken is checked: every refusal comes within a few seconds. */
static kh_error read_all(const char *path, const sheet_limits *lim) {
  kh_error err = {0, ""};
  time_t t0 = time(NULL);
  sheet_book *b = sheet_open(path, "ds.xlsx", lim, &err);
  if (b) {
    char *text = dump(b, 0, &err);
    if (text) err.code = 0;
    free(text);
    sheet_close(b);
  }
  assert_true(time(NULL) - t0 < 20);
  return err;
}

static void assert_refused(kh_error err, const char *part) {
  if (err.code != KH_EDATA) fail_msg("expected a data error, got code %d: %s", err.code, err.msg);
  if (strstr(err.msg, part) == NULL) fail_msg("expected '%s' in: %s", part, err.msg);
}

static void test_a_small_good_book(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  write_book(path, SHEET_HEAD "<sheetData><row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>Mã</t>"
             "<rPh><t>ma</t></rPh></is></c><c t=\"e\"><v>#N/A</v></c></row></sheetData>"
             "<mergeCells count=\"1\"><mergeCell ref=\"B2:C3\"/></mergeCells></worksheet>", 0, NULL);
  kh_error err = read_all(path, NULL);
  assert_int_equal(err.code, 0);
  sheet_book *b = open_ok(path);
  char *text = dump(b, 0, &err);
  assert_string_equal(text, "B2=Mã(s) C2=#N/A(e)\n");
  free(text);
  sheet_close(b);
  free(path);
  free(dir);
}

/* The merged ranges, found after the rows without parsing them: markup that only looks like
** <mergeCells> (in a comment, a CDATA section, a processing instruction, a cell's text) is
** not taken for it; a prefixed one is; one before the rows, where Excel never writes it,
** is still found (the sheet is then parsed whole). */
static void test_merges_after_the_rows(void **state) {
  static const struct {
    const char *sheet, *want;
  } cases[] = {
      {SHEET_HEAD "<sheetData/><mergeCells><mergeCell ref=\"B2:C3\"/></mergeCells></worksheet>", "2,2-3,3"},
      {SHEET_HEAD "<!-- <mergeCells><mergeCell ref=\"A1:Z9\"/></mergeCells> --><sheetData><row r=\"1\">"
                  "<c t=\"inlineStr\"><is><t><![CDATA[<mergeCells><mergeCell ref=\"A1:Z8\"/></mergeCells>]]>"
                  "</t></is></c><c t=\"inlineStr\"><is><t>&lt;mergeCells&gt; mergeCells</t></is></c></row>"
                  "</sheetData><?note <mergeCells><mergeCell ref=\"A1:Z7\"/></mergeCells> ?>"
                  "<mergeCells count=\"2\"><mergeCell ref=\"B2:C3\"/><mergeCell ref=\"A5:A6\"/></mergeCells>"
                  "</worksheet>", "2,2-3,3 5,1-6,1"},
      {"<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
       "<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c></x:row></x:sheetData><x:mergeCells count=\"1\">"
       "<x:mergeCell ref=\"A1:B1\"/></x:mergeCells></x:worksheet>", "1,1-1,2"},
      {SHEET_HEAD "<mergeCells><mergeCell ref=\"A1:B1\"/></mergeCells><sheetData/></worksheet>", "1,1-1,2"},
      {SHEET_HEAD "<sheetData><row r=\"1\"><c><v>1</v></c></row></sheetData></worksheet>", ""},
  };
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    write_book(path, cases[k].sheet, 0, NULL);
    sheet_book *b = open_ok(path);
    sheet_range *m = NULL;
    size_t n = 0;
    kh_error err;
    if (sheet_merges(b, 0, SHEET_MAX_ROWS, &m, &n, &err) < 0) fail_msg("case %zu: %s", k, err.msg);
    char got[256] = "";
    for (size_t i = 0; i < n; i++)
      snprintf(got + strlen(got), sizeof got - strlen(got), "%s%u,%u-%u,%u", i ? " " : "", m[i].r1, m[i].c1,
               m[i].r2, m[i].c2);
    if (strcmp(got, cases[k].want) != 0) fail_msg("case %zu: merges '%s', expected '%s'", k, got, cases[k].want);
    free(m);
    sheet_close(b);
  }
  free(path);
  free(dir);
}

/* What each kind of cell shows: dates (built-in, custom, with a time, the 1904 system),
** zero-padded codes, numbers as General writes them, booleans, errors, formulas' results,
** rich shared strings without their phonetic guides, elements with a namespace prefix. */
static void test_cell_values(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  const char *rels =
      "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"/xl/styles.xml\"/></Relationships>";
  const char *styles =
      "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"00000\"/><numFmt numFmtId=\"166\" formatCode=\"[h]:mm\"/>"
      "<numFmt numFmtId=\"167\" formatCode=\"#,##0&quot;đ&quot;\"/></numFmts>"
      "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
      "<xf numFmtId=\"166\"/><xf numFmtId=\"22\"/><xf numFmtId=\"167\"/><xf numFmtId=\"49\"/></cellXfs></styleSheet>";
  const char *sst =
      "<sst><si><t>Mã hộ</t></si><si><r><rPr><b/></rPr><t xml:space=\"preserve\">00</t></r><r><t>7</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si></sst>";
  const char *xml =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" t=\"s\"><x:v>1</x:v></x:c>"
      "<x:c r=\"C1\" t=\"str\"><x:f>\"Hộ \"&amp;\"nghèo\"</x:f><x:v>Hộ nghèo</x:v></x:c></x:row>"
      "<x:row r=\"3\"><x:c r=\"A3\" s=\"1\"><x:v>44561</x:v></x:c><x:c r=\"B3\" s=\"2\"><x:v>44561.5</x:v></x:c>"
      "<x:c r=\"C3\" s=\"3\"><x:v>123</x:v></x:c><x:c r=\"D3\" s=\"4\"><x:v>0.75</x:v></x:c>"
      "<x:c r=\"E3\" s=\"5\"><x:v>44561.75</x:v></x:c><x:c r=\"F3\" s=\"6\"><x:v>700000</x:v></x:c>"
      "<x:c r=\"G3\" s=\"7\"><x:v>12</x:v></x:c><x:c r=\"H3\" s=\"99\"><x:v>3</x:v></x:c></x:row>"
      "<x:row r=\"4\"><x:c r=\"A4\" t=\"b\"><x:v>0</x:v></x:c><x:c r=\"B4\" t=\"e\"><x:v>#DIV/0!</x:v></x:c>"
      "<x:c r=\"C4\" t=\"d\"><x:v>2021-12-31T00:00:00Z</x:v></x:c><x:c r=\"D4\"><x:v>-1.5E+3</x:v></x:c>"
      "<x:c r=\"E4\"/><x:c r=\"F4\"><x:v>0.1</x:v></x:c><x:c r=\"G4\"><x:v>1e20</x:v></x:c>"
      "<x:c r=\"H4\" s=\"1\"><x:v>60</x:v></x:c></x:row>"
      "<x:row><x:c><x:v>7</x:v></x:c><x:c t=\"inlineStr\"><x:is><x:t>x</x:t></x:is></x:c></x:row>"
      "</x:sheetData></x:worksheet>";
  member m[] = {{"_rels/.rels", ROOT_RELS, 0}, {"xl/workbook.xml", WORKBOOK, 0},
                {"xl/_rels/workbook.xml.rels", rels, 0}, {"xl/styles.xml", styles, 0},
                {"xl/sharedStrings.xml", sst, 0}, {"xl/worksheets/sheet1.xml", xml, 0}};
  write_zip(path, m, 6);
  sheet_book *b = open_ok(path);
  kh_error err = {0, ""};
  char *text = dump(b, 0, &err);
  if (text == NULL) fail_msg("%s", err.msg);
  assert_string_equal(text,
                      "A1=Mã hộ(s) B1=007(s) C1=Hộ nghèo(s)\n"
                      "A3=2021-12-31(d) B3=2021-12-31(d) C3=00123(n) D3=18:00:00(d) "
                      "E3=2021-12-31 18:00:00(d) F3=700000(n) G3=12(n) H3=3(n)\n"
                      "A4=0(b) B4=#DIV/0!(e) C4=2021-12-31(d) D4=-1500(n) F4=0.1(n) G4=1e+20(n) "
                      "H4=1900-02-29(d)\n"
                      "A5=7(n) B5=x(s)\n");
  free(text);
  sheet_close(b);
  /* the 1904 date system of old Mac workbooks */
  m[1].data = "<workbook xmlns:r=\"r\"><workbookPr date1904=\"1\"/><sheets><sheet name=\"S\" r:id=\"rId1\"/>"
              "</sheets></workbook>";
  m[5].data = "<worksheet><sheetData><row><c s=\"1\"><v>0</v></c><c s=\"1\"><v>43099</v></c></row></sheetData></worksheet>";
  write_zip(path, m, 6);
  b = open_ok(path);
  text = dump(b, 0, &err);
  assert_string_equal(text, "A1=1904-01-01(d) B1=2021-12-31(d)\n");
  free(text);
  sheet_close(b);
  free(path);
  free(dir);
}

static void test_zip_bomb(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  /* 300 MiB of spaces inside a sheet packs to about 300 KiB */
  size_t n = (size_t)300 << 20;
  char *bomb = malloc(n);
  memset(bomb, ' ', n);
  memcpy(bomb, SHEET_HEAD, strlen(SHEET_HEAD));
  write_book(path, bomb, n, NULL);
  assert_refused(read_all(path, NULL), "refused: its part xl/worksheets/sheet1.xml unpacks to more than 250 times");
  assert_refused(read_all(path, NULL), "(a zip bomb?)");
  /* a part larger than allowed, said by the zip itself, is refused before it is unpacked */
  sheet_limits lim = sheet_default_limits();
  lim.sheet_bytes = 64 << 20;
  lim.ratio = 100000;
  assert_refused(read_all(path, &lim), "unpacks to more than 64 MiB");
  /* the shared strings are refused when the workbook is opened */
  member sst = {"xl/sharedStrings.xml", bomb, n};
  write_zip(path, (member[]){{"_rels/.rels", ROOT_RELS, 0}, {"xl/workbook.xml", WORKBOOK, 0},
                             {"xl/_rels/workbook.xml.rels",
                              "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"s.xml\"/>"
                              "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                              "</Relationships>", 0}, sst}, 4);
  kh_error err = {0, ""};
  assert_null(sheet_open(path, "ds.xlsx", NULL, &err));
  assert_refused(err, "xl/sharedStrings.xml unpacks to more than");
  free(bomb);
  free(path);
  free(dir);
}

static void test_entities(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  write_book(path, "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
             "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
             "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">]>"
             "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>",
             0, NULL);
  assert_refused(read_all(path, NULL), "declares a document type (<!DOCTYPE>)");
  /* in the workbook part too: refused at once */
  member m[] = {{"_rels/.rels", ROOT_RELS, 0},
                {"xl/workbook.xml", "<!DOCTYPE w SYSTEM \"http://example.org/x.dtd\"><workbook/>", 0}};
  write_zip(path, m, 2);
  assert_refused(read_all(path, NULL), "xl/workbook.xml declares a document type");
  free(path);
  free(dir);
}

static void test_too_many_rows(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  /* a sheet claiming a billion rows: its dimension is not believed, its row is refused */
  write_book(path, SHEET_HEAD "<dimension ref=\"A1:A1000000000\"/><sheetData><row r=\"1\"><c r=\"A1\">"
             "<v>1</v></c></row><row r=\"1000000000\"><c r=\"A1000000000\"><v>1</v></c></row></sheetData>"
             "</worksheet>", 0, NULL);
  assert_refused(read_all(path, NULL), "sheet 'Tả Phời': row 1000000000 is past Excel's last row, 1,048,576");
  /* Excel's last row and column are fine; one past either is not */
  write_book(path, SHEET_HEAD "<sheetData><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"
             "</sheetData></worksheet>", 0, NULL);
  assert_int_equal(read_all(path, NULL).code, 0);
  write_book(path, SHEET_HEAD "<sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>",
             0, NULL);
  assert_refused(read_all(path, NULL), "past Excel's last column");
  /* 1,048,577 rows without numbers: counted as read */
  const char *row = "<row><c><v>1</v></c></row>";
  size_t n = SHEET_MAX_ROWS + 1, len = strlen(SHEET_HEAD) + n * strlen(row) + 64;
  char *big = malloc(len), *p = big;
  p += sprintf(p, "%s<sheetData>", SHEET_HEAD);
  for (size_t i = 0; i < n; i++) p += sprintf(p, "%s", row);
  p += sprintf(p, "</sheetData></worksheet>");
  write_book(path, big, (size_t)(p - big), NULL);
  sheet_limits lim = sheet_default_limits();
  lim.ratio = 100000; /* so many equal rows pack tighter than any real sheet */
  assert_refused(read_all(path, &lim), "row 1048577 is past Excel's last row");
  free(big);
  free(path);
  free(dir);
}

static void test_broken(void **state) {
  char *dir = kh_tmpdir(), *path = kh_path(dir, "ds.xlsx");
  /* not a zip */
  kh_write_file(path, "Số TT,Mã hộ\n1,007\n");
  assert_refused(read_all(path, NULL), "ds.xlsx: not an Excel workbook (.xlsx): the file is not a zip");
  /* an old .xls */
  kh_write_file(path, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and the rest of an old workbook");
  assert_refused(read_all(path, NULL), "an Excel 97-2003 workbook (.xls)");
  /* a sheet whose part is missing */
  write_book(path, NULL, 0, NULL);
  assert_refused(read_all(path, NULL), "sheet 'Tả Phời' has no part xl/worksheets/sheet1.xml");
  /* XML cut short */
  write_book(path, SHEET_HEAD "<sheetData><row><c><v>1</v></c>", 0, NULL);
  assert_refused(read_all(path, NULL), "xl/worksheets/sheet1.xml is not XML Excel can read (line 1:");
  /* a cell naming a shared string that is not there, a number that is not one */
  write_book(path, SHEET_HEAD "<sheetData><row r=\"12\"><c r=\"E12\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>",
             0, NULL);
  assert_refused(read_all(path, NULL), "sheet 'Tả Phời': the workbook is damaged: cell E12 names a shared string");
  write_book(path, SHEET_HEAD "<sheetData><row r=\"3\"><c r=\"B3\"><v>bảy</v></c></row></sheetData></worksheet>", 0, NULL);
  assert_refused(read_all(path, NULL), "cell B3 holds a number that is not one");
  /* the zip's bytes damaged: the middle of a good workbook overwritten, and the file cut */
  write_review(path, 0);
  char *data = NULL;
  FILE *f = fopen(path, "rb");
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  data = malloc((size_t)size);
  assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
  fclose(f);
  for (long at = 0; at < size; at += size / 97 + 1) {
    char *copy = malloc((size_t)size);
    memcpy(copy, data, (size_t)size);
    memset(copy + at, 'Z', (size_t)(size - at < 40 ? size - at : 40));
    f = fopen(path, "wb");
    fwrite(copy, 1, (size_t)size, f);
    fclose(f);
    kh_error err = read_all(path, NULL); /* read, or refused in plain words: never a crash */
    assert_true(err.code == 0 || (err.code == KH_EDATA && strncmp(err.msg, "ds.xlsx", 7) == 0));
    f = fopen(path, "wb");
    fwrite(data, 1, (size_t)at, f);
    fclose(f);
    err = read_all(path, NULL);
    assert_true(err.code == 0 || (err.code == KH_EDATA && strncmp(err.msg, "ds.xlsx", 7) == 0));
    free(copy);
  }
  free(data);
  /* no such file */
  kh_error err = read_all("/nonexistent/ds.xlsx", NULL);
  assert_refused(err, "cannot read: No such file");
  free(path);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_review_list),  cmocka_unit_test(test_from_memory),
      cmocka_unit_test(test_a_small_good_book), cmocka_unit_test(test_merges_after_the_rows),
      cmocka_unit_test(test_cell_values),
      cmocka_unit_test(test_zip_bomb),
      cmocka_unit_test(test_entities),     cmocka_unit_test(test_too_many_rows),
      cmocka_unit_test(test_broken),
  };
  return kh_finish(cmocka_run_group_tests_name("sheet", tests, NULL, NULL));
}
