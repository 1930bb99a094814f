/*
** sheet.h — reading Excel workbooks (.xlsx) without Lua: libzip opens the container, expat
** streams each XML part. A workbook is opened with its list of sheets, shared strings and
** number formats; a sheet's rows are then read one at a time, never the whole sheet at once.
** lua_sheet.c hands all this to the stdlib as core.sheet.
**
** Every failure fills a kh_error: KH_EDATA with a message in plain words naming the file
** (and the sheet and cell where known) for a file that is not a workbook, is damaged, or is
** refused as hostile (a zip bomb, a DOCTYPE or entity declaration, a sheet past Excel's
** 1,048,576 rows or 16,384 columns); KH_ELIMIT for memory the system would not give.
*/
#ifndef KEHOACH_SHEET_H
#define KEHOACH_SHEET_H

#include <stddef.h>

#include "kehoach.h"

#define SHEET_MAX_ROWS 1048576u /* Excel's last row */
#define SHEET_MAX_COLS 16384u   /* Excel's last column, XFD */

/* What a workbook may unpack to; sheet_default_limits() gives the defaults. */
typedef struct sheet_limits {
  unsigned long long sheet_bytes;   /* one sheet's XML (default 4 GiB: streamed, so time only; a
                                    ** full sheet of a review list, 1,048,576 rows, is about 1 GiB) */
  unsigned long long strings_bytes; /* the shared strings, held in memory (default 256 MiB) */
  unsigned long long small_bytes;   /* workbook, relationships, styles (default 16 MiB) */
  unsigned ratio;                   /* most bytes unpacked per byte packed, once a part has
                                    ** unpacked more than 1 MiB (default 250) */
} sheet_limits;

sheet_limits sheet_default_limits(void);

enum sheet_state { SHEET_VISIBLE = 0, SHEET_HIDDEN = 1, SHEET_VERY_HIDDEN = 2 };

typedef struct sheet_info {
  const char *name; /* as the tab shows it (UTF-8) */
  int state;        /* enum sheet_state */
} sheet_info;

/* A cell with a value. type: 's' text, 'n' number, 'd' date or time, 'b' boolean ("1" or
** "0"), 'e' an Excel error ("#N/A"). text is what the officer sees, NUL-terminated: text as
** written (leading zeros kept), a number as Excel's General shows it ("700000", "0.5") or
** zero-padded when its format is "00000", a date "YYYY-MM-DD" (a time "HH:MM:SS", both
** "YYYY-MM-DD HH:MM:SS"). col counts from 1 (A). */
typedef struct sheet_cell {
  unsigned col;
  char type;
  const char *text;
  size_t len;
} sheet_cell;

/* A row with at least one cell with a value; cells in column order. row counts from 1. */
typedef struct sheet_row {
  unsigned row;
  size_t ncells;
  const sheet_cell *cells;
} sheet_row;

/* A merged range, rows and columns from 1, inclusive. */
typedef struct sheet_range {
  unsigned r1, c1, r2, c2;
} sheet_range;

typedef struct sheet_book sheet_book;
typedef struct sheet_reader sheet_reader;

/* Opens the workbook at path; `name` is how messages call the file (NULL: path). lim NULL:
** the defaults. Reads the list of sheets, the shared strings and the number formats.
** Returns NULL with err filled. The caller frees it with sheet_close. */
sheet_book *sheet_open(const char *path, const char *name, const sheet_limits *lim, kh_error *err);

/* The same from size bytes in memory, which must stay unchanged until sheet_close. */
sheet_book *sheet_open_buffer(const void *data, size_t size, const char *name,
                              const sheet_limits *lim, kh_error *err);

/* Frees the workbook. NULL is allowed. Readers of it must be closed first. */
void sheet_close(sheet_book *b);

size_t sheet_count(const sheet_book *b);

/* Sheet i (0-based, in the workbook's tab order); the strings live as long as b. */
sheet_info sheet_at(const sheet_book *b, size_t i);

/* Starts reading sheet i's rows. Returns NULL with err filled. Free with sheet_rows_close. */
sheet_reader *sheet_rows(sheet_book *b, size_t i, kh_error *err);

/* The next row with a value: 1 and *row filled (valid until the next call or close), 0 at
** the end of the sheet, -1 with err filled. Rows without any value are skipped (their
** numbers are missing from what is given). */
int sheet_rows_next(sheet_reader *r, sheet_row *row, kh_error *err);

/* Frees the reader. NULL is allowed. */
void sheet_rows_close(sheet_reader *r);

/* The merged ranges of sheet i whose first row is at most max_row (a second pass over the
** sheet: Excel writes them after the rows; its markup is scanned for them, and only what
** follows is parsed). *out is malloc'ed (the caller frees it), *n its length. Returns 0, or
** -1 with err filled. */
int sheet_merges(sheet_book *b, size_t i, unsigned max_row, sheet_range **out, size_t *n,
                 kh_error *err);

/* Writes a cell reference, "E12", into buf (at least 16 bytes). */
void sheet_ref(unsigned row, unsigned col, char *buf);

#endif
