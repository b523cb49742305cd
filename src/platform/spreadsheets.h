/*
 * spreadsheets.h - Excel (.xlsx) workbooks built from tables, returned in memory.
 *
 * libxlsxwriter (Debian's 1.1.4) writes only to files, so the workbook goes
 * through a private temporary file that is removed before returning.
 */
#ifndef FZ_PLATFORM_SPREADSHEETS_H
#define FZ_PLATFORM_SPREADSHEETS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

struct fz_sheet {
	const char *name;          /* worksheet name (≤ 31 characters) */
	const char *title;         /* merged title row, or NULL */
	int rows, cols;
	const char *const *cells;  /* row-major; a cell that parses as a number is written as one */
	int header_rows;
	const int *widths;         /* column widths in characters, or NULL */
	bool text_only;            /* write every cell as text (codes with leading zeros) */
	/*
	 * Per column below the header rows, or NULL for the rule above: 't'
	 * text, 'n' a number when the cell parses as one, 'd' a date cell when
	 * it is YYYY-MM-DD (shown as such, sortable as a date).
	 */
	const char *kinds;
};

/* Writes the sheets as one workbook; *out is malloc'd and owned by the caller. */
enum fz_code fz_xlsx_build(const struct fz_sheet *sheets, size_t n, char **out, size_t *len,
			   struct fz_err *err);

#endif
