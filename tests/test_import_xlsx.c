/*
** test_import_xlsx.c — `kehoach db import --map` on review lists as communes send them,
** made here with libxlsxwriter from the default registry's own households: a review of 2022
** for two communes (a sheet each, named after the commune; a merged two-row header; a row
** of column numbers; text numbers; a totals row; a hidden sheet), imported into a copy of
** the registry. Exactly the households it names get a 2022 review, the two new ones are
** added with their persons, the summary says what changed; --preview writes nothing; a
** list with a wrong number, an unknown commune and a duplicate code is refused naming the
** sheet and cell, and leaves the registry byte for byte as it was.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#include "harness.h"
#include "runs.h"

#define MAPPING "mappings/danh-sach-ra-soat.lua"

typedef struct fixture {
  char *dir, *registry, *book;
} fixture;

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  f->dir = kh_tmpdir();
  f->registry = kh_path(f->dir, "registry.db");
  f->book = kh_path(f->dir, "ra-soat-2022.xlsx");
  if (kh_copy(kh_registry(), f->registry) != 0) return -1;
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  free(f->dir);
  free(f->registry);
  free(f->book);
  free(f);
  return 0;
}

/* One integer from the registry at path. */
static long long query(const char *path, const char *sql) {
  sqlite3 *db;
  sqlite3_stmt *st;
  long long v = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  } else {
    fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
  }
  sqlite3_close(db);
  return v;
}

typedef struct household {
  char code[32], head[128], village[128];
  int persons;
} household;

/* The first n households of a commune reviewed in 2021. */
static int households_of(const char *registry, const char *unit, household *out, int n) {
  sqlite3 *db;
  sqlite3_stmt *st;
  int k = 0;
  assert_int_equal(sqlite3_open_v2(registry, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_prepare_v2(db,
                                      "SELECT h.code, h.head, h.village, (SELECT count(*) FROM persons p "
                                      "WHERE p.household = h.id) FROM households h JOIN surveys s ON "
                                      "s.household = h.id AND s.year = 2021 WHERE h.unit = ? ORDER BY h.code LIMIT ?",
                                      -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
  sqlite3_bind_int(st, 2, n);
  while (k < n && sqlite3_step(st) == SQLITE_ROW) {
    snprintf(out[k].code, sizeof out[k].code, "%s", sqlite3_column_text(st, 0));
    snprintf(out[k].head, sizeof out[k].head, "%s", sqlite3_column_text(st, 1));
    snprintf(out[k].village, sizeof out[k].village, "%s", sqlite3_column_text(st, 2));
    out[k].persons = sqlite3_column_int(st, 3);
    k++;
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return k;
}

static const char *const DEPRIVATIONS[] = {
    "Việc làm", "Người phụ thuộc trong hộ gia đình", "Dinh dưỡng", "Bảo hiểm y tế",
    "Trình độ giáo dục của người lớn", "Tình trạng đi học của trẻ em", "Chất lượng nhà ở",
    "Diện tích nhà ở bình quân đầu người", "Nguồn nước sinh hoạt", "Nhà tiêu hợp vệ sinh",
    "Sử dụng dịch vụ viễn thông", "Phương tiện phục vụ tiếp cận thông tin"};

enum { BROKEN_NONE = 0, BROKEN = 1 };

/* The review list of 2022: communes Duyên Hải (02602) and Cốc Lếu (02608), five households
** each, the first of Duyên Hải now poor (3 deprivations, 1,2 million a month), and two new
** households in Cốc Lếu. broken: a wrong number, an unknown commune, a duplicate code. */
static void write_review(const char *registry, const char *path, int broken) {
  lxw_workbook *wb = workbook_new(path);
  lxw_format *center = workbook_add_format(wb);
  format_set_align(center, LXW_ALIGN_CENTER);
  const char *communes[][2] = {{"02602", broken ? "Duyên Hảii" : "Duyên Hải"}, {"02608", "Cốc Lếu"}};
  for (int s = 0; s < 2; s++) {
    lxw_worksheet *ws = workbook_add_worksheet(wb, communes[s][1]);
    const char *fixed[] = {"Số TT", "Mã hộ", "Họ và tên chủ hộ", "Thôn/bản", "Số nhân khẩu",
                           "Thu nhập bình quân đầu người/tháng"};
    for (int c = 0; c < 6; c++) worksheet_merge_range(ws, 0, (lxw_col_t)c, 1, (lxw_col_t)c, fixed[c], center);
    worksheet_merge_range(ws, 0, 6, 0, 17, "Các chỉ số thiếu hụt", center);
    for (int c = 0; c < 12; c++) worksheet_write_string(ws, 1, (lxw_col_t)(6 + c), DEPRIVATIONS[c], NULL);
    worksheet_merge_range(ws, 0, 18, 1, 18, "Kết quả rà soát", center);
    for (int c = 0; c < 19; c++) {
      char num[16];
      snprintf(num, sizeof num, "(%d)", c + 1);
      worksheet_write_string(ws, 2, (lxw_col_t)c, num, NULL);
    }
    household h[5];
    assert_int_equal(households_of(registry, communes[s][0], h, 5), 5);
    int row = 3;
    for (int k = 0; k < 5; k++, row++) {
      worksheet_write_number(ws, (lxw_row_t)row, 0, k + 1, NULL);
      worksheet_write_string(ws, (lxw_row_t)row, 1, broken && s == 1 && k == 4 ? h[3].code : h[k].code, NULL);
      worksheet_write_string(ws, (lxw_row_t)row, 2, h[k].head, NULL);
      worksheet_write_string(ws, (lxw_row_t)row, 3, h[k].village, NULL);
      worksheet_write_number(ws, (lxw_row_t)row, 4, h[k].persons, NULL);
      int poor = s == 0 && k == 0;
      if (broken && s == 1 && k == 2)
        worksheet_write_string(ws, (lxw_row_t)row, 5, "bảy trăm nghìn", NULL);
      else if (poor)
        worksheet_write_string(ws, (lxw_row_t)row, 5, "1.200.000", NULL); /* a text number */
      else
        worksheet_write_number(ws, (lxw_row_t)row, 5, 4000000 + 1000 * k, NULL);
      for (int c = 0; c < 3 && poor; c++) worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)(6 + c), "x", NULL);
      worksheet_write_string(ws, (lxw_row_t)row, 18, poor ? "Hộ nghèo" : "Hộ không nghèo", NULL);
    }
    if (s == 1) {
      const char *news[][2] = {{"02608-NEW-1", "Giàng A Páo"}, {"02608-NEW-2", "Lò Thị Mai"}};
      for (int k = 0; k < 2; k++, row++) {
        worksheet_write_number(ws, (lxw_row_t)row, 0, 6 + k, NULL);
        worksheet_write_string(ws, (lxw_row_t)row, 1, news[k][0], NULL);
        worksheet_write_string(ws, (lxw_row_t)row, 2, news[k][1], NULL);
        worksheet_write_string(ws, (lxw_row_t)row, 3, "Tổ 3", NULL);
        worksheet_write_string(ws, (lxw_row_t)row, 4, "3", NULL);
        worksheet_write_number(ws, (lxw_row_t)row, 5, 1400000, NULL);
        worksheet_write_string(ws, (lxw_row_t)row, 18, "Hộ cận nghèo", NULL);
      }
    }
    row++; /* an empty row, then the totals */
    worksheet_write_string(ws, (lxw_row_t)row, 0, "Tổng cộng", NULL);
    worksheet_write_formula_num(ws, (lxw_row_t)row, 4, "=SUM(E4:E10)", NULL, 30);
  }
  lxw_worksheet *notes = workbook_add_worksheet(wb, "Ghi chú");
  worksheet_write_string(notes, 0, 0, "Mã hộ", NULL);
  worksheet_write_string(notes, 1, 0, "not a household", NULL);
  worksheet_hide(notes);
  assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_review_added(void **state) {
  fixture *f = *state;
  write_review(f->registry, f->book, BROKEN_NONE);
  long long households = query(f->registry, "SELECT count(*) FROM households");
  long long persons = query(f->registry, "SELECT count(*) FROM persons");
  long long surveys2021 = query(f->registry, "SELECT count(*) FROM surveys WHERE year = 2021");
  char *before = kh_sha256(f->registry);
  /* --preview: every row checked, the first shown, nothing written */
  const char *preview[] = {"db", "import", f->book, "--map", MAPPING, "--year", "2022", "--db", f->registry,
                           "--preview", NULL};
  kh_result r = kh_run(preview);
  if (r.code != 0) fail_msg("exit %d:\n%s", r.code, r.err);
  assert_non_null(strstr(r.err, "households: 2 rows, the first as stored:"));
  assert_non_null(strstr(r.err, "code=02608-NEW-1 unit=02608 village=Tổ 3 head=Giàng A Páo"));
  assert_non_null(strstr(r.err, "surveys: 12 rows"));
  assert_non_null(strstr(r.err, "--preview wrote nothing"));
  char *after = kh_sha256(f->registry);
  assert_string_equal(before, after);
  free(after);
  kh_result_free(&r);
  /* the import */
  const char *args[] = {"db", "import", f->book, "--map", MAPPING, "--year", "2022", "--db", f->registry, NULL};
  r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d:\n%s", r.code, r.err);
  assert_non_null(strstr(r.err, "imported households 2, persons 6, surveys 12"));
  assert_non_null(strstr(r.err, "households: 2 added, 10 already in the registry (matched by code)"));
  assert_non_null(strstr(r.err, "review of 2022 against the review of 2021: 10 households reviewed again, 2 new"));
  assert_non_null(strstr(r.err, "non-poor → poor 1"));
  assert_non_null(strstr(r.err, "hidden sheets, not read: ra-soat-2022.xlsx, sheet Ghi chú"));
  kh_result_free(&r);
  /* exactly the named households changed */
  assert_int_equal(query(f->registry, "SELECT count(*) FROM households"), households + 2);
  assert_int_equal(query(f->registry, "SELECT count(*) FROM persons"), persons + 6);
  assert_int_equal(query(f->registry, "SELECT count(*) FROM surveys WHERE year = 2021"), surveys2021);
  assert_int_equal(query(f->registry, "SELECT count(*) FROM surveys WHERE year = 2022"), 12);
  assert_int_equal(query(f->registry, "SELECT count(*) FROM surveys s JOIN households h ON h.id = s.household "
                                      "WHERE s.year = 2022 AND h.unit NOT IN ('02602', '02608')"), 0);
  household h[1];
  households_of(f->registry, "02602", h, 1);
  char sql[512];
  snprintf(sql, sizeof sql, "SELECT income FROM surveys s JOIN households h ON h.id = s.household WHERE "
           "s.year = 2022 AND h.code = '%s' AND s.status = 'poor' AND s.d_employment = 1 AND "
           "s.d_dependants = 1 AND s.d_nutrition = 1 AND s.d_water = 0 AND s.d_health_access IS NULL", h[0].code);
  assert_int_equal(query(f->registry, sql), 1200000);
  assert_int_equal(query(f->registry, "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household "
                                      "WHERE h.code = '02608-NEW-2'"), 3);
  /* the same review again: every survey is there already, so nothing is */
  free(before);
  before = kh_sha256(f->registry);
  r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "appears twice"));
  after = kh_sha256(f->registry);
  assert_string_equal(before, after);
  kh_result_free(&r);
  free(before);
  free(after);
}

static void test_broken_review_refused(void **state) {
  fixture *f = *state;
  write_review(f->registry, f->book, BROKEN);
  char *before = kh_sha256(f->registry);
  const char *args[] = {"db", "import", f->book, "--map", MAPPING, "--year", "2022", "--db", f->registry, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 3);
  const char *want[] = {
      "ra-soat-2022.xlsx, sheet Cốc Lếu, F6: 'bảy trăm nghìn' is not income in VND per person per month",
      "ra-soat-2022.xlsx, sheet Duyên Hảii, the sheet's name: the household 02602-00001 is in Duyên Hải "
      "(02602) in the registry, not 'Duyên Hảii'",
      "ra-soat-2022.xlsx, sheet Duyên Hảii: ... and 2 more rows with the same problem in unit",
      "ra-soat-2022.xlsx, sheet Cốc Lếu, row 8: '02608-00004, 2022' appears twice",
      "ra-soat-2022.xlsx, sheet Cốc Lếu, B8: ",
      "nothing was imported",
      "the registry is unchanged"};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    if (strstr(r.err, want[i]) == NULL) fail_msg("expected \"%s\" in:\n%s", want[i], r.err);
  char *after = kh_sha256(f->registry);
  assert_string_equal(before, after);
  char *tmp = kh_path(f->dir, "registry.db.tmp-import");
  assert_false(kh_exists(tmp));
  free(tmp);
  kh_result_free(&r);
  free(before);
  free(after);
}

/* A mapping that is wrong is said so, naming the field. */
static void test_bad_mapping(void **state) {
  fixture *f = *state;
  write_review(f->registry, f->book, BROKEN_NONE);
  char *map = kh_path(f->dir, "map.lua");
  kh_write_file(map, "return { columns = { code = \"Mã hộ\", incom = \"Thu nhập\" } }\n");
  const char *args[] = {"db", "import", f->book, "--map", map, "--db", f->registry, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "map.lua: columns.incom: not a field a column can give"));
  assert_non_null(strstr(r.err, "did you mean income?"));
  kh_result_free(&r);
  kh_write_file(map, "return { commune = \"sheet\", columns = { code = \"Mã hộ\", income = \"Thu nhập\" } }\n");
  r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "give --year YEAR"));
  kh_result_free(&r);
  const char *with_year[] = {"db", "import", f->book, "--map", map, "--year", "2022", "--db", f->registry, NULL};
  r = kh_run(with_year);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "ra-soat-2022.xlsx, sheet Duyên Hải: no column headed 'Thu nhập' in rows 1 to 3"));
  kh_result_free(&r);
  free(map);
}

/* --preview of CSV files into a new registry: the rows shown, no registry made. */
static void test_preview_of_csv_files(void **state) {
  fixture *f = *state;
  char *csv = kh_path(f->dir, "csv"), *db = kh_path(f->dir, "new.db");
  const char *export[] = {"db", "export", csv, "--db", f->registry, NULL};
  kh_result r = kh_run(export);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  const char *args[] = {"db", "import", csv, "--db", db, "--preview", NULL};
  r = kh_run(args);
  if (r.code != 0) fail_msg("exit %d:\n%s", r.code, r.err);
  assert_non_null(strstr(r.err, "households: 37.500 rows, the first as stored:\n  id=1 code=02602-00001 unit=02602"));
  assert_non_null(strstr(r.err, "every row can be imported; --preview wrote nothing"));
  assert_false(kh_exists(db));
  kh_result_free(&r);
  const char *year[] = {"db", "import", csv, "--db", db, "--year", "2022", NULL};
  r = kh_run(year);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "give --map too"));
  kh_result_free(&r);
  free(csv);
  free(db);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_review_added, setup, teardown),
      cmocka_unit_test_setup_teardown(test_broken_review_refused, setup, teardown),
      cmocka_unit_test_setup_teardown(test_bad_mapping, setup, teardown),
      cmocka_unit_test_setup_teardown(test_preview_of_csv_files, setup, teardown),
  };
  return kh_finish(cmocka_run_group_tests_name("import_xlsx", tests, NULL, NULL));
}
