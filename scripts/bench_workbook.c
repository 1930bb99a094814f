/*
** bench_workbook.c — the review list of a registry's latest review as an office's workbook,
** for `make bench` (scripts/bench.sh, bench_import): one sheet, a header row in Vietnamese,
** then one row per household reviewed that year — its code, commune, village, head, ethnic
** minority mark, income (a number cell), the 13 deprivation marks (x or 0; one not asked is
** written 0) and the status — and the
** same rows as two CSV files (households.csv, surveys.csv, as db export writes them) for the
** floor: SQLite's own shell loading what the workbook holds.
**
** Usage: bench_workbook REGISTRY OUT.xlsx CSV_DIR   (prints the number of rows written: at most
** 1,048,575, a sheet's limit after its header)
** Written with libxlsxwriter in its constant-memory mode: a row at a time, as the reader
** reads it back.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xlsxwriter.h>

#define INDICATORS 13

static const char *const indicators[INDICATORS] = {
    "d_employment", "d_dependants", "d_nutrition", "d_health_access", "d_health_insurance",
    "d_adult_education", "d_child_schooling", "d_housing_quality", "d_housing_area", "d_water",
    "d_latrine", "d_telecom", "d_information"};

/* One CSV value: quoted when it holds a comma, a quote or a line break. */
static void csv_value(FILE *f, const char *s) {
  if (s == NULL) return;
  if (strpbrk(s, ",\"\r\n") == NULL) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: bench_workbook REGISTRY OUT.xlsx CSV_DIR\n");
    return 2;
  }
  sqlite3 *db;
  sqlite3_stmt *st;
  char sql[2048] = "SELECT h.code, h.unit, h.village, h.head, h.ethnic_minority, s.year, s.income, s.status";
  for (int i = 0; i < INDICATORS; i++) {
    strcat(sql, ", s.");
    strcat(sql, indicators[i]);
  }
  strcat(sql, " FROM households h JOIN surveys s ON s.household = h.id "
              "WHERE s.year = (SELECT max(year) FROM surveys) ORDER BY h.id");
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "bench_workbook: %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  lxw_workbook_options options = {.constant_memory = LXW_TRUE};
  lxw_workbook *wb = workbook_new_opt(argv[2], &options);
  lxw_worksheet *ws = wb ? workbook_add_worksheet(wb, "Danh sách") : NULL;
  char path[4096];
  snprintf(path, sizeof path, "%s/households.csv", argv[3]);
  FILE *households = fopen(path, "w");
  snprintf(path, sizeof path, "%s/surveys.csv", argv[3]);
  FILE *surveys = fopen(path, "w");
  if (ws == NULL || households == NULL || surveys == NULL) {
    fprintf(stderr, "bench_workbook: cannot write %s or %s\n", argv[2], argv[3]);
    return 1;
  }
  const char *header[] = {"Mã hộ", "Xã, phường", "Thôn/bản", "Họ và tên chủ hộ", "DTTS",
                          "Thu nhập bình quân đầu người/tháng", "Kết quả rà soát"};
  for (int c = 0; c < 7; c++) worksheet_write_string(ws, 0, c, header[c], NULL);
  for (int i = 0; i < INDICATORS; i++) worksheet_write_string(ws, 0, 7 + i, indicators[i], NULL);
  fputs("code,unit,village,head,ethnic_minority\n", households);
  fputs("household,year,income,status", surveys);
  for (int i = 0; i < INDICATORS; i++) fprintf(surveys, ",%s", indicators[i]);
  fputc('\n', surveys);
  lxw_row_t row = 0;
  /* one sheet holds what Excel's does: the header and 1,048,575 rows; a larger registry's
  ** first households fill it, and the CSV files hold the same rows */
  while (row < LXW_ROW_MAX - 1 && sqlite3_step(st) == SQLITE_ROW) {
    row++;
    const char *text[4];
    for (int c = 0; c < 4; c++) text[c] = (const char *)sqlite3_column_text(st, c);
    for (int c = 0; c < 4; c++)
      if (text[c]) worksheet_write_string(ws, row, c, text[c], NULL);
    worksheet_write_number(ws, row, 4, sqlite3_column_int(st, 4), NULL);
    worksheet_write_number(ws, row, 5, (double)sqlite3_column_int64(st, 6), NULL);
    const char *status = (const char *)sqlite3_column_text(st, 7);
    if (status) worksheet_write_string(ws, row, 6, status, NULL);
    for (int c = 0; c < 4; c++) {
      if (c) fputc(',', households);
      csv_value(households, text[c]);
    }
    fprintf(households, ",%d\n", sqlite3_column_int(st, 4));
    csv_value(surveys, text[0]);
    fprintf(surveys, ",%d,%lld,", sqlite3_column_int(st, 5), (long long)sqlite3_column_int64(st, 6));
    csv_value(surveys, status);
    for (int i = 0; i < INDICATORS; i++) { /* not asked (NULL) is a mark saying no */
      int v = sqlite3_column_int(st, 8 + i);
      worksheet_write_string(ws, row, 7 + i, v ? "x" : "0", NULL);
      fprintf(surveys, ",%d", v);
    }
    fputc('\n', surveys);
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  fclose(households);
  fclose(surveys);
  if (workbook_close(wb) != LXW_NO_ERROR) {
    fprintf(stderr, "bench_workbook: cannot write %s\n", argv[2]);
    return 1;
  }
  printf("%lu\n", (unsigned long)row);
  return 0;
}
