/*
 * documents.h - Word (.docx) documents built in memory: official letters and reports.
 *
 * A small writer for the WordprocessingML that government documents need:
 * a centred title, headings, body paragraphs, tables, right-aligned
 * signature lines. Fonts follow the official-document convention (GB/T
 * 9704-2012: title in 小标宋 二号, body in 仿宋 三号) with common fallbacks;
 * LibreOffice and Word substitute fonts a machine lacks. Text is XML-escaped
 * here, so callers pass plain UTF-8.
 */
#ifndef FZ_PLATFORM_DOCUMENTS_H
#define FZ_PLATFORM_DOCUMENTS_H

#include <stddef.h>
#include <stdio.h>

#include "core/err.h"

struct fz_docx;

enum fz_para_style {
	FZ_P_BODY = 0,  /* first-line indent of two characters */
	FZ_P_TITLE,     /* centred, large */
	FZ_P_SUBTITLE,  /* centred (document number) */
	FZ_P_HEADING,   /* 黑体 heading, no indent */
	FZ_P_PLAIN,     /* no indent (salutation) */
	FZ_P_RIGHT,     /* right-aligned (signature, date) */
	FZ_P_SMALL,     /* small note */
};

struct fz_docx *fz_docx_new(void);
void fz_docx_free(struct fz_docx *d);
void fz_docx_para(struct fz_docx *d, enum fz_para_style style, const char *text);
/*
 * A table of rows x cols cells (row-major, NULL for empty). The first
 * header_rows rows are bold and repeated on each page; widths are relative
 * weights per column (NULL = equal).
 */
void fz_docx_table(struct fz_docx *d, int rows, int cols, const char *const *cells,
		   int header_rows, const int *widths);
void fz_docx_page_break(struct fz_docx *d);
/* The finished .docx; *out is malloc'd and owned by the caller. */
enum fz_code fz_docx_finish(struct fz_docx *d, char **out, size_t *len, struct fz_err *err);

/*
 * One file of a ZIP built in memory: its path inside the archive (UTF-8) and
 * its bytes, which stay the caller's and must live until fz_zip_build returns.
 */
struct fz_zip_entry {
	const char *name;
	const void *data;
	size_t len;
};

/*
 * Builds a ZIP of the n entries into a malloc'd buffer (*out, *len; the
 * caller frees it). what names the archive in the error ("案卷压缩包").
 */
enum fz_code fz_zip_build(const struct fz_zip_entry *e, size_t n, const char *what, char **out,
			  size_t *len, struct fz_err *err);

/* Writes s to f with & < > " escaped for HTML; NULL writes nothing. */
void fz_html_esc(FILE *f, const char *s);

/* "2026年11月23日" for a day number, into out (32 bytes). */
void fz_date_chinese(int day, char out[32]);

#endif
