/*
 * xlsx_read.h - reading the first worksheet of an Excel (.xlsx) workbook into
 * a table of text cells, for imports (the power list, 权责清单).
 *
 * Only what an import needs: shared strings (with rich-text runs, without
 * phonetic runs), inline strings, numbers and booleans as their stored text,
 * cell references like "AB12" with gaps between them. No formulas are
 * evaluated (the cached value is read), no styles, no dates as dates. The
 * input comes from outside, so every size is capped before it is allocated
 * and anything malformed is refused with a Chinese message naming the part,
 * the row or the cell. Not for: writing workbooks (spreadsheets.h).
 */
#ifndef FZ_PLATFORM_XLSX_READ_H
#define FZ_PLATFORM_XLSX_READ_H

#include <stddef.h>

#include "core/err.h"

struct fz_xlsx_limits {
	size_t max_entry;  /* largest uncompressed XML part, bytes */
	int max_rows;      /* rows with content */
	int max_cols;      /* highest column number (1 = A) */
	size_t max_cell;   /* longest cell text, bytes */
	size_t max_shared; /* most shared strings */
};

/* 32 MiB parts, 20,000 rows, 64 columns, 32 KiB cells, 200,000 shared strings. */
extern const struct fz_xlsx_limits fz_xlsx_default_limits;

struct fz_xlsx_row {
	int number;   /* row number in the sheet, 1-based */
	int ncells;   /* cells[0..ncells) are columns A.. */
	char **cells; /* NULL for an empty cell; valid UTF-8 otherwise */
};

struct fz_xlsx_table {
	int nrows; /* rows that have at least one non-empty cell, in sheet order */
	struct fz_xlsx_row *rows;
	int ncols; /* widest row */
};

/*
 * Reads the first worksheet (xl/worksheets/sheet1.xml) of the workbook in
 * data[0..len). lim NULL means fz_xlsx_default_limits. On success *out is
 * malloc'd and owned by the caller (fz_xlsx_table_free); on failure *out is
 * NULL and err says why (field "file").
 */
enum fz_code fz_xlsx_read(const void *data, size_t len, const struct fz_xlsx_limits *lim,
			  struct fz_xlsx_table **out, struct fz_err *err);
void fz_xlsx_table_free(struct fz_xlsx_table *t); /* NULL is a no-op */

/* Cell text of row r (index into rows), column c (0 = A), or NULL. */
const char *fz_xlsx_cell(const struct fz_xlsx_table *t, int r, int c);

/* Column letters of column c (0 = A): "A", "Z", "AA", "XFD". out holds at least 4 bytes. */
void fz_xlsx_col_name(int c, char out[4]);

#endif
