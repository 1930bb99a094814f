/*
** test_xlsx.c — report.xlsx as Excel would read it: `kehoach run` on the 2021 plan, then
** the workbook is opened with a small zip reader (zlib) and its XML read back: the sheets
** and their names, real number cells with the "#,##0" format, frozen headers, each
** programme's beneficiary list, the budget by source, the same bytes on every run, and a
** --set run's summary sheet saying what was changed.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <zlib.h>

#include "harness.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"

/* ---- a zip reader: the central directory, then each member inflated ---------------------- */

typedef struct zip {
  unsigned char *data;
  size_t size;
} zip;

static unsigned u16(const unsigned char *p) { return p[0] | p[1] << 8; }
static unsigned long u32(const unsigned char *p) {
  return (unsigned long)p[0] | (unsigned long)p[1] << 8 | (unsigned long)p[2] << 16 |
         (unsigned long)p[3] << 24;
}

static zip zip_open(const char *path) {
  zip z = {NULL, 0};
  FILE *f = fopen(path, "rb");
  if (f == NULL) return z;
  fseek(f, 0, SEEK_END);
  z.size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  z.data = malloc(z.size);
  if (fread(z.data, 1, z.size, f) != z.size) z.size = 0;
  fclose(f);
  return z;
}

/* The member called name, inflated and NUL-terminated (malloc'ed); NULL when absent. */
static char *zip_read(const zip *z, const char *name) {
  if (z->size < 22) return NULL;
  size_t end = z->size - 22;
  while (end > 0 && u32(z->data + end) != 0x06054b50) end--;
  if (u32(z->data + end) != 0x06054b50) return NULL;
  unsigned entries = u16(z->data + end + 10);
  size_t at = u32(z->data + end + 16);
  for (unsigned i = 0; i < entries && at + 46 <= z->size; i++) {
    const unsigned char *c = z->data + at;
    if (u32(c) != 0x02014b50) return NULL;
    unsigned method = u16(c + 10), name_len = u16(c + 28);
    unsigned long csize = u32(c + 20), usize = u32(c + 24), local = u32(c + 42);
    size_t next = at + 46 + name_len + u16(c + 30) + u16(c + 32);
    if (name_len == strlen(name) && memcmp(c + 46, name, name_len) == 0) {
      const unsigned char *l = z->data + local;
      const unsigned char *src = l + 30 + u16(l + 26) + u16(l + 28);
      char *out = malloc(usize + 1);
      if (method == 0) {
        memcpy(out, src, usize);
      } else {
        z_stream s = {0};
        s.next_in = (unsigned char *)src;
        s.avail_in = (uInt)csize;
        s.next_out = (unsigned char *)out;
        s.avail_out = (uInt)usize;
        if (inflateInit2(&s, -MAX_WBITS) != Z_OK || inflate(&s, Z_FINISH) != Z_STREAM_END) {
          inflateEnd(&s);
          free(out);
          return NULL;
        }
        inflateEnd(&s);
      }
      out[usize] = '\0';
      return out;
    }
    at = next;
  }
  return NULL;
}

/* ---- the workbook of the 2021 run -------------------------------------------------------- */

typedef struct book {
  char *dir;
  char *path;
  zip z;
} book;

static int book_setup(void **state) {
  book *b = calloc(1, sizeof *b);
  b->dir = kh_tmpdir();
  *state = b;
  if (kh_run_plan(PLAN_2021, b->dir) != 0) return -1;
  b->path = kh_path(b->dir, "lao-cai-city-2021/report.xlsx");
  b->z = zip_open(b->path);
  return b->z.size > 0 ? 0 : -1;
}

static int book_teardown(void **state) {
  book *b = *state;
  free(b->z.data);
  free(b->path);
  free(b->dir);
  free(b);
  return 0;
}

/* Sheet n's XML (1-based, in the workbook's order), malloc'ed. */
static char *sheet_xml(book *b, int n) {
  char name[64];
  snprintf(name, sizeof name, "xl/worksheets/sheet%d.xml", n);
  char *xml = zip_read(&b->z, name);
  if (xml == NULL) fail_msg("no %s in the workbook", name);
  return xml;
}

/* The <c> element of cell ref ("B5") in a sheet's XML, malloc'ed; fails when absent. */
static char *cell(const char *xml, const char *ref) {
  char needle[32];
  snprintf(needle, sizeof needle, "<c r=\"%s\"", ref);
  const char *at = strstr(xml, needle);
  if (at == NULL) fail_msg("no cell %s", ref);
  const char *end = strstr(at, "</c>");
  const char *self = strstr(at, "/>");
  if (self && (end == NULL || self < end) && self < strchr(at, '>') + 1) end = self;
  size_t n = (size_t)(end - at) + 4;
  char *out = malloc(n + 1);
  memcpy(out, at, n);
  out[n] = '\0';
  return out;
}

/* The style index (s="N") of a cell element. */
static int style_of(const char *c) {
  const char *s = strstr(c, " s=\"");
  return s ? atoi(s + 4) : 0;
}

/* Asserts the cell holds the number v (a number cell, not text) shown with format fmt. */
static void assert_formatted_cell(book *b, const char *xml, const char *ref, const char *v, const char *fmt) {
  char *c = cell(xml, ref);
  char want[64];
  snprintf(want, sizeof want, "<v>%s</v>", v);
  if (strstr(c, want) == NULL || strstr(c, "t=\"") != NULL)
    fail_msg("cell %s is not the number %s: %s", ref, v, c);
  /* the cell's style (the n-th <xf> of cellXfs) uses the custom format fmt */
  char *styles = zip_read(&b->z, "xl/styles.xml");
  assert_non_null(styles);
  int fmt_id = -1;
  for (const char *p = styles; (p = strstr(p, "<numFmt numFmtId=\"")) != NULL; p++) {
    int id;
    char code[64];
    if (sscanf(p, "<numFmt numFmtId=\"%d\" formatCode=\"%63[^\"]\"", &id, code) == 2 &&
        strcmp(code, fmt) == 0)
      fmt_id = id;
  }
  assert_true(fmt_id >= 0);
  const char *xf = strstr(strstr(styles, "<cellXfs"), "<xf ");
  for (int i = 0; i < style_of(c); i++) xf = strstr(xf + 1, "<xf ");
  char id[32];
  snprintf(id, sizeof id, "numFmtId=\"%d\"", fmt_id);
  if (strncmp(strstr(xf, "numFmtId=\""), id, strlen(id)) != 0)
    fail_msg("cell %s is not formatted %s: %.60s", ref, fmt, xf);
  free(styles);
  free(c);
}

/* Asserts the cell holds the number v (a number cell, not text) shown as "#,##0". */
static void assert_number_cell(book *b, const char *xml, const char *ref, const char *v) {
  assert_formatted_cell(b, xml, ref, v, "#,##0");
}

static void assert_text_cell(const char *xml, const char *ref, const char *text) {
  char *c = cell(xml, ref);
  char want[512];
  snprintf(want, sizeof want, "<t>%s</t>", text);
  if (strstr(c, want) == NULL) fail_msg("cell %s does not read \"%s\": %s", ref, text, c);
  free(c);
}

static void the_workbook_has_its_sheets_in_order(void **state) {
  book *b = *state;
  char *wb = zip_read(&b->z, "xl/workbook.xml");
  assert_non_null(wb);
  /* a label cut to Excel's 31 characters ends at a word and says so with "…" */
  const char *names[] = {"Tổng hợp", "Chỉ tiêu", "1. Hỗ trợ hộ nghèo không có…",
                         "2. Đào tạo nghề, hỗ trợ tạo…", "3. Hỗ trợ hộ nghèo vay vốn…",
                         "4. Hỗ trợ phát triển sản xuất…", "5. Hỗ trợ chính sách Y tế cấp…",
                         "6. Hỗ trợ nhà ở cho hộ nghèo", "Ngân sách", "Dự báo", NULL};
  const char *at = wb;
  for (int i = 0; names[i]; i++) {
    char needle[128];
    snprintf(needle, sizeof needle, "<sheet name=\"%s\" sheetId=\"%d\"", names[i], i + 1);
    const char *found = strstr(at, needle);
    if (found == NULL) fail_msg("no sheet %s (in order) in %s", needle, wb);
    at = found;
  }
  free(wb);
}

static void the_summary_sheet_has_number_cells_under_a_frozen_header(void **state) {
  book *b = *state;
  char *xml = sheet_xml(b, 1);
  assert_non_null(strstr(xml, "<pane xSplit=\"1\" ySplit=\"4\" topLeftCell=\"B5\" activePane=\"bottomRight\" "
                              "state=\"frozen\"/>"));
  assert_text_cell(xml, "A4", "Chương trình");
  assert_text_cell(xml, "A5", "Hỗ trợ hộ nghèo không có khả năng thoát nghèo");
  assert_number_cell(b, xml, "B5", "57");
  assert_number_cell(b, xml, "C5", "105");
  assert_number_cell(b, xml, "E5", "315000000");
  assert_text_cell(xml, "A11", "Tổng kinh phí");
  assert_number_cell(b, xml, "E11", "5723000000");
  /* the total row's rates are rates, not 1.234666666666667 in General format */
  assert_formatted_cell(b, xml, "D32", "0.6", "0.00");
  assert_formatted_cell(b, xml, "F32", "1.234666666666667", "0.00");
  /* columns as wide as their text: the programme names are wider than the default */
  assert_non_null(strstr(xml, "<col min=\"1\" max=\"1\" width=\""));
  free(xml);
}

static void the_targets_sheet_is_communes_by_quarters(void **state) {
  book *b = *state;
  char *xml = sheet_xml(b, 2);
  assert_text_cell(xml, "B4", "Quý I");
  assert_non_null(strstr(xml, "state=\"frozen\""));
  /* Thống Nhất: 1, 3, 6, 30 = 40, of 75 poor households */
  char *row = strstr(xml, "<t>Thống Nhất</t>");
  assert_non_null(row);
  const char *r = strstr(row - 40, "<c r=\"A");
  char ref[16];
  int n = atoi(r + strlen("<c r=\"A"));
  const char *want[] = {"1", "3", "6", "30", "40", "75"};
  for (int i = 0; i < 6; i++) {
    snprintf(ref, sizeof ref, "%c%d", 'B' + i, n);
    assert_number_cell(b, xml, ref, want[i]);
  }
  free(xml);
}

static void each_programme_sheet_lists_its_households(void **state) {
  book *b = *state;
  char *xml = sheet_xml(b, 5); /* vay_von: 48 chosen, then the waiting list */
  assert_text_cell(xml, "C3", "Mã hộ");
  assert_non_null(strstr(xml, "<pane xSplit=\"2\" ySplit=\"3\""));
  assert_number_cell(b, xml, "A4", "1");
  assert_text_cell(xml, "G4", "được chọn");
  assert_number_cell(b, xml, "H4", "50000000");
  assert_text_cell(xml, "G51", "được chọn");
  assert_text_cell(xml, "G52", "danh sách chờ");
  int rows = 0;
  for (const char *p = xml; (p = strstr(p, "<row ")) != NULL; p++) rows++;
  /* title, note, header; 48 chosen, 11 waiting in the quotas' communes; the total row */
  assert_int_equal(rows, 3 + 48 + 11 + 1);
  assert_text_cell(xml, "B63", "Cộng: 48 hộ được chọn");
  assert_number_cell(b, xml, "H63", "2400000000");
  /* printed on A4, one page wide, the header row on every page, numbered */
  assert_non_null(strstr(xml, "paperSize=\"9\""));
  assert_non_null(strstr(xml, "<pageSetUpPr fitToPage=\"1\"/>"));
  assert_non_null(strstr(xml, "<oddFooter>&amp;CTrang &amp;P/&amp;N</oddFooter>"));
  free(xml);
  char *wb = zip_read(&b->z, "xl/workbook.xml");
  assert_non_null(strstr(wb, "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"4\">'3. Hỗ trợ hộ nghèo vay vốn…'!$3:$3</definedName>"));
  free(wb);
}

static void the_budget_sheet_sets_declared_against_computed(void **state) {
  book *b = *state;
  char *xml = sheet_xml(b, 9);
  assert_text_cell(xml, "A6", "Ngân sách thành phố");
  assert_number_cell(b, xml, "B6", "315000000");
  assert_number_cell(b, xml, "C6", "315000000");
  /* a difference keeps its sign: a surplus "+", a shortfall "-" */
  assert_formatted_cell(b, xml, "D6", "0", "+#,##0;-#,##0;0");
  assert_text_cell(xml, "A9", "Tổng");
  assert_number_cell(b, xml, "C9", "5723000000");
  assert_null(strstr(xml, "kehoach"));
  free(xml);
}

/* The projection by commune: escapes by quarter, the poor at year end, the target and
** what is short, and the total row (27 escapes projected of 90, short 63). */
static void the_projection_sheet_follows_the_run(void **state) {
  book *b = *state;
  char *xml = sheet_xml(b, 10);
  assert_text_cell(xml, "A4", "Xã, phường");
  assert_text_cell(xml, "J4", "Còn thiếu");
  assert_text_cell(xml, "A22", "Toàn thành phố Lào Cai");
  assert_number_cell(b, xml, "B22", "225");
  assert_number_cell(b, xml, "G22", "27");
  assert_number_cell(b, xml, "H22", "198");
  assert_number_cell(b, xml, "I22", "90");
  assert_number_cell(b, xml, "J22", "63");
  free(xml);
}

/* The workbook, and the page and the calendar beside it, are the same bytes on every run. */
static void the_workbook_is_the_same_on_every_run(void **state) {
  book *b = *state;
  char *dir = kh_tmpdir();
  assert_int_equal(kh_run_plan(PLAN_2021, dir), 0);
  const char *files[] = {"report.xlsx", "report.html", "calendar.ics", NULL};
  for (int i = 0; files[i]; i++) {
    char name[64];
    snprintf(name, sizeof name, "lao-cai-city-2021/%s", files[i]);
    char *first = kh_path(b->dir, name), *again = kh_path(dir, name);
    char *h1 = kh_sha256(first), *h2 = kh_sha256(again);
    assert_non_null(h1);
    if (h2 == NULL || strcmp(h1, h2) != 0) fail_msg("%s differs between two runs", files[i]);
    free(h1);
    free(h2);
    free(first);
    free(again);
  }
  free(dir);
}

/* --set (with --budget cap) writes its own workbook, whose summary sheet says under the
** title that these are not the plan's figures, what was changed and the budget mode; the
** table of programmes moves down below that, its header still frozen. */
static void a_variants_summary_sheet_says_what_was_changed(void **state) {
  (void)state;
  char *dir = kh_tmpdir();
  char *results = kh_path(dir, "results.db");
  const char *args[] = {"run", PLAN_2021, "--db", kh_registry(), "--out", dir, "--results", results,
                        "--set", "tro_cap.amount=300000", "--budget", "cap", "--quiet", NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d: %s", r.code, r.err);
  book v = {dir, kh_path(dir, "lao-cai-city-2021/set+budget-cap/report.xlsx"), {NULL, 0}};
  v.z = zip_open(v.path);
  assert_true(v.z.size > 0);
  char *xml = sheet_xml(&v, 1);
  assert_text_cell(xml, "A3", "Số liệu tính theo các thay đổi dưới đây, không phải theo kế hoạch như đã ban hành.");
  assert_text_cell(xml, "A4", "Các giá trị đã thay đổi: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát "
                              "nghèo”: 300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).");
  assert_text_cell(xml, "A5", "Chế độ ngân sách: mỗi nguồn chỉ chi đến hết số kinh phí kế hoạch bố trí, theo "
                              "thứ tự ưu tiên (chương trình theo thứ tự trong kế hoạch, trong mỗi chương trình "
                              "theo thứ tự chọn hộ); các hộ còn lại không đủ kinh phí.");
  assert_non_null(strstr(xml, "<mergeCell ref=\"A4:G4\"/>"));
  assert_text_cell(xml, "A7", "Chương trình");
  assert_non_null(strstr(xml, "<pane xSplit=\"1\" ySplit=\"7\" topLeftCell=\"B8\""));
  assert_text_cell(xml, "A8", "Hỗ trợ hộ nghèo không có khả năng thoát nghèo");
  /* 300.000 × 105 persons × 12 months = 378 million needed; cap pays whole households in
  ** order while the city's 315 million lasts: 46 of the 57, 309,6 million */
  assert_number_cell(&v, xml, "E8", "309600000");
  free(xml);
  kh_result_free(&r);
  free(v.z.data);
  free(v.path);
  free(results);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_workbook_has_its_sheets_in_order),
      cmocka_unit_test(the_summary_sheet_has_number_cells_under_a_frozen_header),
      cmocka_unit_test(the_targets_sheet_is_communes_by_quarters),
      cmocka_unit_test(each_programme_sheet_lists_its_households),
      cmocka_unit_test(the_budget_sheet_sets_declared_against_computed),
      cmocka_unit_test(the_projection_sheet_follows_the_run),
      cmocka_unit_test(the_workbook_is_the_same_on_every_run),
      cmocka_unit_test(a_variants_summary_sheet_says_what_was_changed),
  };
  return kh_finish(cmocka_run_group_tests_name("report.xlsx", tests, book_setup, book_teardown));
}
