/* documents.c - the in-memory .docx writer (documents.h), zipped with libzip. */
#include "platform/documents.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/calendar.h"

struct fz_docx {
	char *body;
	size_t len, cap;
	bool oom;
};

static void add(struct fz_docx *d, const char *s, size_t n)
{
	if (d->oom)
		return;
	if (d->len + n + 1 > d->cap) {
		size_t cap = (d->len + n + 1) * 2;
		char *b = realloc(d->body, cap);
		if (!b) {
			d->oom = true;
			return;
		}
		d->body = b;
		d->cap = cap;
	}
	memcpy(d->body + d->len, s, n);
	d->len += n;
	d->body[d->len] = '\0';
}

static void adds(struct fz_docx *d, const char *s)
{
	add(d, s, strlen(s));
}

static void add_escaped(struct fz_docx *d, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': adds(d, "&lt;"); break;
		case '>': adds(d, "&gt;"); break;
		case '&': adds(d, "&amp;"); break;
		case '"': adds(d, "&quot;"); break;
		case '\r': break;
		case '\t': adds(d, "</w:t><w:tab/><w:t xml:space=\"preserve\">"); break;
		default:
			/* Control characters are not allowed in XML 1.0. */
			if ((unsigned char)*s >= 0x20 || *s == '\n')
				add(d, s, 1);
		}
	}
}

struct fz_docx *fz_docx_new(void)
{
	return calloc(1, sizeof(struct fz_docx));
}

void fz_docx_free(struct fz_docx *d)
{
	if (!d)
		return;
	free(d->body);
	free(d);
}

static const char *font_for(enum fz_para_style s)
{
	switch (s) {
	case FZ_P_TITLE: return "方正小标宋简体";
	case FZ_P_HEADING: return "黑体";
	default: return "仿宋_GB2312";
	}
}

static void run(struct fz_docx *d, enum fz_para_style style, const char *text, bool bold)
{
	int size = style == FZ_P_TITLE ? 44 : style == FZ_P_SMALL ? 21 : 32; /* half-points */
	char rpr[512];
	snprintf(rpr, sizeof rpr,
		 "<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
		 " w:eastAsia=\"%s\"/>%s<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr>"
		 "<w:t xml:space=\"preserve\">",
		 font_for(style), bold ? "<w:b/>" : "", size, size);
	/* One run per line: a newline in the text becomes a line break. */
	const char *p = text ? text : "";
	adds(d, rpr);
	for (;;) {
		const char *nl = strchr(p, '\n');
		if (!nl) {
			add_escaped(d, p);
			break;
		}
		char *line = strndup(p, (size_t)(nl - p));
		add_escaped(d, line);
		free(line);
		adds(d, "</w:t><w:br/><w:t xml:space=\"preserve\">");
		p = nl + 1;
	}
	adds(d, "</w:t></w:r>");
}

void fz_docx_para(struct fz_docx *d, enum fz_para_style style, const char *text)
{
	const char *ppr;
	switch (style) {
	case FZ_P_TITLE:
		ppr = "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:before=\"240\" w:after=\"240\"/></w:pPr>";
		break;
	case FZ_P_SUBTITLE:
		ppr = "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/></w:pPr>";
		break;
	case FZ_P_RIGHT:
		ppr = "<w:pPr><w:jc w:val=\"right\"/></w:pPr>";
		break;
	case FZ_P_HEADING:
		ppr = "<w:pPr><w:spacing w:before=\"200\" w:after=\"100\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>";
		break;
	case FZ_P_PLAIN:
	case FZ_P_SMALL:
		ppr = "<w:pPr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr>";
		break;
	default:
		ppr = "<w:pPr><w:spacing w:line=\"360\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/></w:pPr>";
	}
	adds(d, "<w:p>");
	adds(d, ppr);
	run(d, style, text, style == FZ_P_TITLE);
	adds(d, "</w:p>");
}

void fz_docx_table(struct fz_docx *d, int rows, int cols, const char *const *cells,
		   int header_rows, const int *widths)
{
	const int total_width = 8800; /* twentieths of a point, A4 less margins */
	int sum = 0;
	for (int c = 0; c < cols; c++)
		sum += widths ? widths[c] : 1;
	adds(d, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:jc w:val=\"center\"/>"
		"<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>"
		"<w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
		"<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
		"</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>");
	char buf[160];
	for (int c = 0; c < cols; c++) {
		snprintf(buf, sizeof buf, "<w:gridCol w:w=\"%d\"/>",
			 total_width * (widths ? widths[c] : 1) / sum);
		adds(d, buf);
	}
	adds(d, "</w:tblGrid>");
	for (int r = 0; r < rows; r++) {
		adds(d, r < header_rows ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
		for (int c = 0; c < cols; c++) {
			snprintf(buf, sizeof buf,
				 "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr>%s</w:pPr>",
				 total_width * (widths ? widths[c] : 1) / sum,
				 c == 0 && r >= header_rows ? "" : "<w:jc w:val=\"center\"/>");
			adds(d, buf);
			run(d, FZ_P_SMALL, cells[r * cols + c], r < header_rows);
			adds(d, "</w:p></w:tc>");
		}
		adds(d, "</w:tr>");
	}
	adds(d, "</w:tbl>");
	adds(d, "<w:p/>");
}

void fz_docx_page_break(struct fz_docx *d)
{
	adds(d, "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

static const char content_types[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
	"</Types>";
static const char rels[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
	"</Relationships>";
static const char doc_head[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
/* A4, official margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. */
static const char doc_tail[] =
	"<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
	"<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
	"</w:sectPr></w:body></w:document>";

enum fz_code fz_docx_finish(struct fz_docx *d, char **out, size_t *len, struct fz_err *err)
{
	if (d->oom)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	size_t doclen = strlen(doc_head) + d->len + strlen(doc_tail);
	char *doc = malloc(doclen + 1);
	if (!doc)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	snprintf(doc, doclen + 1, "%s%s%s", doc_head, d->body ? d->body : "", doc_tail);
	const struct fz_zip_entry parts[] = {
	    {"[Content_Types].xml", content_types, sizeof content_types - 1},
	    {"_rels/.rels", rels, sizeof rels - 1},
	    {"word/document.xml", doc, doclen}};
	enum fz_code rc = fz_zip_build(parts, 3, "Word 文档", out, len, err);
	free(doc);
	return rc;
}

enum fz_code fz_zip_build(const struct fz_zip_entry *e, size_t n, const char *what, char **out,
			  size_t *len, struct fz_err *err)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	enum fz_code rc = FZ_OK;
	if (!za) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "生成%s失败", what);
	}
	zip_source_keep(src);
	for (size_t i = 0; i < n && !rc; i++) {
		zip_source_t *s = zip_source_buffer(za, e[i].data, e[i].len, 0);
		if (!s || zip_file_add(za, e[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
			zip_source_free(s);
			rc = fz_err_set(err, FZ_EINTERNAL, NULL, "生成%s失败", what);
		}
	}
	if (zip_close(za) < 0) {
		zip_discard(za);
		if (!rc)
			rc = fz_err_set(err, FZ_EINTERNAL, NULL, "生成%s失败", what);
	}
	if (!rc && zip_source_open(src) == 0) {
		zip_source_seek(src, 0, SEEK_END);
		zip_int64_t size = zip_source_tell(src);
		zip_source_seek(src, 0, SEEK_SET);
		char *b = size > 0 ? malloc((size_t)size) : NULL;
		if (b && zip_source_read(src, b, (zip_uint64_t)size) == size) {
			*out = b;
			*len = (size_t)size;
		} else {
			free(b);
			rc = fz_err_set(err, FZ_EINTERNAL, NULL, "生成%s失败", what);
		}
		zip_source_close(src);
	} else if (!rc) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "生成%s失败", what);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return rc;
}

void fz_html_esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '&':
			fputs("&amp;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

void fz_date_chinese(int day, char out[32])
{
	int y, m, dd;
	fz_date_to_ymd(day, &y, &m, &dd);
	snprintf(out, 32, "%d年%d月%d日", y, m, dd);
}
