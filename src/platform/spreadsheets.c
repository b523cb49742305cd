/* spreadsheets.c - .xlsx through libxlsxwriter and a temporary file (spreadsheets.h). */
#include "platform/spreadsheets.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/text.h"
#include "platform/calendar_store.h"

/* Width of text in spreadsheet column units: a Chinese character is two, ASCII one. */
static size_t display_width(const char *s)
{
	size_t w = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x80)
			w++;
		else if (*p >= 0xC0) /* a lead byte: one wide character */
			w += 2;
	return w;
}

/* A YYYY-MM-DD text as a date cell's value; false for anything else. */
static bool date_cell(const char *v, lxw_datetime *dt)
{
	int day, y, m, d;
	if (strlen(v) != 10 || fz_date_parse(v, &day) != FZ_OK)
		return false;
	fz_date_to_ymd(day, &y, &m, &d);
	*dt = (lxw_datetime){.year = y, .month = m, .day = d};
	return true;
}

enum fz_code fz_xlsx_build(const struct fz_sheet *sheets, size_t n, char **out, size_t *len,
			   struct fz_err *err)
{
	char path[] = "/tmp/fazhi-xlsx-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return fz_err_set(err, FZ_EIO, NULL, "无法创建临时文件：%s", strerror(errno));
	close(fd);
	lxw_workbook *wb = workbook_new(path);
	if (!wb) {
		unlink(path);
		return fz_err_set(err, FZ_EIO, NULL, "生成 Excel 文件失败");
	}
	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_align(head, LXW_ALIGN_CENTER);
	format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_text_wrap(head);
	format_set_border(head, LXW_BORDER_THIN);
	format_set_bg_color(head, 0xDCE6F1);
	lxw_format *cell = workbook_add_format(wb);
	format_set_border(cell, LXW_BORDER_THIN);
	format_set_text_wrap(cell);
	format_set_align(cell, LXW_ALIGN_VERTICAL_CENTER);
	lxw_format *datef = workbook_add_format(wb);
	format_set_border(datef, LXW_BORDER_THIN);
	format_set_align(datef, LXW_ALIGN_VERTICAL_CENTER);
	format_set_num_format(datef, "yyyy-mm-dd");
	lxw_format *title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);
	format_set_align(title, LXW_ALIGN_CENTER);
	for (size_t s = 0; s < n; s++) {
		const struct fz_sheet *sh = &sheets[s];
		lxw_worksheet *ws = workbook_add_worksheet(wb, sh->name);
		if (!ws)
			continue;
		int r0 = 0;
		if (sh->title) {
			worksheet_merge_range(ws, 0, 0, 0, (lxw_col_t)(sh->cols - 1), sh->title, title);
			worksheet_set_row(ws, 0, 28, NULL);
			r0 = 2;
		}
		for (int c = 0; c < sh->cols; c++)
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
					     sh->widths ? sh->widths[c] : 14, NULL);
		for (int r = 0; r < sh->rows; r++) {
			/*
			 * Spreadsheet programs do not all fit a wrapped row's height on
			 * opening (LibreOffice keeps the default and the lines overlap):
			 * set it from the longest cell for its column's width.
			 */
			int lines = 1;
			for (int c = 0; c < sh->cols; c++) {
				const char *v = sh->cells[r * sh->cols + c];
				double w = sh->widths ? sh->widths[c] : 14;
				int need = v ? (int)((double)display_width(v) / (w > 2 ? w - 1 : 1)) + 1 : 1;
				if (need > lines)
					lines = need;
			}
			if (lines > 1)
				worksheet_set_row(ws, (lxw_row_t)(r0 + r), 15.0 * (lines > 8 ? 8 : lines), NULL);
			for (int c = 0; c < sh->cols; c++) {
				const char *v = sh->cells[r * sh->cols + c];
				lxw_format *f = r < sh->header_rows ? head : cell;
				int64_t num;
				char kind = sh->kinds && r >= sh->header_rows ? sh->kinds[c] : 0;
				lxw_datetime dt;
				if (!v)
					worksheet_write_blank(ws, (lxw_row_t)(r0 + r), (lxw_col_t)c, f);
				else if (kind == 'd' && date_cell(v, &dt))
					worksheet_write_datetime(ws, (lxw_row_t)(r0 + r), (lxw_col_t)c, &dt, datef);
				else if (kind != 't' && !sh->text_only && r >= sh->header_rows &&
					 fz_parse_int(v, INT64_MIN / 2, INT64_MAX / 2, &num))
					worksheet_write_number(ws, (lxw_row_t)(r0 + r), (lxw_col_t)c,
							       (double)num, f);
				else
					worksheet_write_string(ws, (lxw_row_t)(r0 + r), (lxw_col_t)c, v, f);
			}
		}
		worksheet_set_landscape(ws);
		worksheet_set_paper(ws, 9); /* A4 */
		worksheet_fit_to_pages(ws, 1, 0);
		if (sh->header_rows)
			worksheet_freeze_panes(ws, (lxw_row_t)(r0 + sh->header_rows), 1);
	}
	lxw_error e = workbook_close(wb);
	enum fz_code rc = FZ_OK;
	if (e != LXW_NO_ERROR)
		rc = fz_err_set(err, FZ_EIO, NULL, "生成 Excel 文件失败：%s", lxw_strerror(e));
	else
		rc = fz_read_file(path, 64u << 20, out, len, err);
	unlink(path);
	return rc;
}
