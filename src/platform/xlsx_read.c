/*
 * xlsx_read.c - the first worksheet of an .xlsx as text cells (xlsx_read.h).
 *
 * libzip opens the archive from memory; each XML part is read through a cap
 * (the sizes in the ZIP headers are the sender's claim, not a fact), then a
 * small scanner walks its tags. The scanner knows only what SpreadsheetML
 * needs: elements, attributes in single or double quotes, the five named
 * entities and numeric character references, comments, processing
 * instructions and CDATA. A DOCTYPE is refused, so no entity is ever
 * defined by the input. Namespace prefixes ("x:c") are ignored.
 */
#include "platform/xlsx_read.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/text.h"

const struct fz_xlsx_limits fz_xlsx_default_limits = {
	.max_entry = 32u << 20,
	.max_rows = 20000,
	.max_cols = 64,
	.max_cell = 32u << 10,
	.max_shared = 200000,
};

#define NONE SIZE_MAX
#define SHEET_MAX_ROW 1048576

/* ---- growable buffers ------------------------------------------------------ */

struct buf {
	char *p;
	size_t len, cap;
};

static bool buf_reserve(struct buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return true;
	size_t cap = b->cap ? b->cap : 4096;
	while (cap < b->len + more + 1) {
		if (cap > SIZE_MAX / 2)
			return false;
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p)
		return false;
	b->p = p;
	b->cap = cap;
	return true;
}

static bool buf_add(struct buf *b, const char *s, size_t n)
{
	if (!buf_reserve(b, n))
		return false;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return true;
}

struct offs {
	size_t *v;
	size_t n, cap;
};

static bool offs_add(struct offs *o, size_t x)
{
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 256;
		size_t *v = realloc(o->v, cap * sizeof *v);
		if (!v)
			return false;
		o->v = v;
		o->cap = cap;
	}
	o->v[o->n++] = x;
	return true;
}

/* ---- the archive ------------------------------------------------------------- */

/* Reads one entry through the cap. *missing when the archive has no such entry. */
static enum fz_code read_entry(zip_t *za, const char *name, size_t max, struct buf *out,
			       bool *missing, struct fz_err *err)
{
	*missing = false;
	zip_file_t *f = zip_fopen(za, name, 0);
	if (!f) {
		if (zip_name_locate(za, name, 0) < 0) {
			*missing = true;
			return FZ_OK;
		}
		return fz_err_set(err, FZ_EBAD_VALUE, "file", "Excel 文件损坏：无法读取 %s", name);
	}
	enum fz_code rc = FZ_OK;
	for (;;) {
		if (!buf_reserve(out, 65536)) {
			rc = fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
			break;
		}
		zip_int64_t n = zip_fread(f, out->p + out->len, 65536);
		if (n < 0) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "Excel 文件损坏：%s 解压失败", name);
			break;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->p[out->len] = '\0';
		if (out->len > max) {
			rc = fz_err_set(err, FZ_ETOO_LARGE, "file",
					"Excel 文件的 %s 解压后超过 %zu MB 上限", name, max >> 20);
			break;
		}
	}
	zip_fclose(f);
	return rc;
}

/* ---- the XML scanner ------------------------------------------------------------ */

enum tok { T_END, T_TEXT, T_CDATA, T_OPEN, T_CLOSE };

struct scan {
	const char *s;
	size_t n, i;
	/* the current token */
	const char *name; /* local name (after any prefix) */
	size_t name_len;
	const char *attrs; /* attribute text of an open tag */
	size_t attrs_len;
	bool empty; /* <x/> */
	const char *text;
	size_t text_len;
	const char *part; /* for messages */
};

static enum fz_code bad_xml(struct scan *sc, struct fz_err *err, const char *what)
{
	return fz_err_set(err, FZ_EBAD_VALUE, "file", "Excel 文件格式错误：%s 在第 %zu 字节附近%s",
			  sc->part, sc->i, what);
}

static const char *find(const char *s, size_t n, size_t from, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = from; i + k <= n; i++)
		if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

static bool name_char(char c)
{
	return c && !strchr(" \t\r\n/>=\"'<", c);
}

static enum fz_code next(struct scan *sc, enum tok *t, struct fz_err *err)
{
	for (;;) {
		if (sc->i >= sc->n) {
			*t = T_END;
			return FZ_OK;
		}
		const char *s = sc->s;
		if (s[sc->i] != '<') {
			const char *lt = memchr(s + sc->i, '<', sc->n - sc->i);
			size_t end = lt ? (size_t)(lt - s) : sc->n;
			sc->text = s + sc->i;
			sc->text_len = end - sc->i;
			sc->i = end;
			*t = T_TEXT;
			return FZ_OK;
		}
		size_t rest = sc->n - sc->i;
		if (rest >= 2 && s[sc->i + 1] == '?') {
			const char *e = find(s, sc->n, sc->i + 2, "?>");
			if (!e)
				return bad_xml(sc, err, "处理指令未结束");
			sc->i = (size_t)(e - s) + 2;
			continue;
		}
		if (rest >= 4 && memcmp(s + sc->i, "<!--", 4) == 0) {
			const char *e = find(s, sc->n, sc->i + 4, "-->");
			if (!e)
				return bad_xml(sc, err, "注释未结束");
			sc->i = (size_t)(e - s) + 3;
			continue;
		}
		if (rest >= 9 && memcmp(s + sc->i, "<![CDATA[", 9) == 0) {
			const char *e = find(s, sc->n, sc->i + 9, "]]>");
			if (!e)
				return bad_xml(sc, err, "CDATA 未结束");
			sc->text = s + sc->i + 9;
			sc->text_len = (size_t)(e - sc->text);
			sc->i = (size_t)(e - s) + 3;
			*t = T_CDATA;
			return FZ_OK;
		}
		if (rest >= 2 && s[sc->i + 1] == '!')
			return bad_xml(sc, err, "含有不支持的 DOCTYPE 或声明");
		bool close = rest >= 2 && s[sc->i + 1] == '/';
		size_t p = sc->i + (close ? 2 : 1), start = p;
		while (p < sc->n && name_char(s[p]))
			p++;
		if (p == start)
			return bad_xml(sc, err, "标签名缺失");
		const char *colon = memchr(s + start, ':', p - start);
		sc->name = colon ? colon + 1 : s + start;
		sc->name_len = (size_t)(s + p - sc->name);
		size_t a = p;
		char quote = 0;
		while (p < sc->n && (quote || s[p] != '>')) {
			if (quote && s[p] == quote)
				quote = 0;
			else if (!quote && (s[p] == '"' || s[p] == '\''))
				quote = s[p];
			else if (!quote && s[p] == '<')
				return bad_xml(sc, err, "标签未闭合");
			p++;
		}
		if (p >= sc->n)
			return bad_xml(sc, err, "标签未闭合");
		sc->empty = !close && p > a && s[p - 1] == '/';
		sc->attrs = s + a;
		sc->attrs_len = p - a - (sc->empty ? 1 : 0);
		sc->i = p + 1;
		*t = close ? T_CLOSE : T_OPEN;
		return FZ_OK;
	}
}

static bool is(const struct scan *sc, const char *name)
{
	return sc->name_len == strlen(name) && memcmp(sc->name, name, sc->name_len) == 0;
}

/* Value of attribute `name` (local name) of the current open tag, raw (entities kept). */
static bool attr(const struct scan *sc, const char *name, const char **v, size_t *vlen)
{
	const char *s = sc->attrs, *end = sc->attrs + sc->attrs_len;
	size_t k = strlen(name);
	while (s < end) {
		while (s < end && strchr(" \t\r\n", *s))
			s++;
		const char *ns = s;
		while (s < end && *s != '=' && !strchr(" \t\r\n", *s))
			s++;
		const char *ne = s;
		while (s < end && strchr(" \t\r\n", *s))
			s++;
		if (s >= end || *s != '=')
			return false;
		s++;
		while (s < end && strchr(" \t\r\n", *s))
			s++;
		if (s >= end || (*s != '"' && *s != '\''))
			return false;
		char q = *s++;
		const char *vs = s;
		while (s < end && *s != q)
			s++;
		if (s >= end)
			return false;
		const char *colon = memchr(ns, ':', (size_t)(ne - ns));
		const char *local = colon ? colon + 1 : ns;
		if ((size_t)(ne - local) == k && memcmp(local, name, k) == 0) {
			*v = vs;
			*vlen = (size_t)(s - vs);
			return true;
		}
		s++;
	}
	return false;
}

static bool put_utf8(struct buf *b, uint32_t cp)
{
	char u[4];
	size_t n;
	if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return false;
	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return buf_add(b, u, n);
}

/*
 * Appends text with entities decoded (raw for CDATA), and SpreadsheetML's
 * _xHHHH_ escapes of characters XML cannot carry. false on a bad entity.
 */
static bool decode(struct buf *b, const char *s, size_t n, bool raw)
{
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && (raw || s[run] != '&') && s[run] != '_')
			run++;
		if (!buf_add(b, s + i, run - i))
			return false;
		i = run;
		if (i >= n)
			break;
		if (s[i] == '_') {
			int h[4];
			if (i + 6 < n && s[i + 1] == 'x' && s[i + 6] == '_' &&
			    (h[0] = fz_hex_digit(s[i + 2])) >= 0 && (h[1] = fz_hex_digit(s[i + 3])) >= 0 &&
			    (h[2] = fz_hex_digit(s[i + 4])) >= 0 && (h[3] = fz_hex_digit(s[i + 5])) >= 0) {
				uint32_t cp = (uint32_t)(h[0] << 12 | h[1] << 8 | h[2] << 4 | h[3]);
				if (!put_utf8(b, cp))
					return false;
				i += 7;
			} else {
				if (!buf_add(b, "_", 1))
					return false;
				i++;
			}
			continue;
		}
		const char *semi = memchr(s + i, ';', n - i < 12 ? n - i : 12);
		if (!semi)
			return false;
		const char *e = s + i + 1;
		size_t el = (size_t)(semi - e);
		static const struct {
			const char *name, *ch;
		} named[] = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
		bool done = false;
		for (size_t k = 0; k < 5 && !done; k++)
			if (el == strlen(named[k].name) && memcmp(e, named[k].name, el) == 0) {
				if (!buf_add(b, named[k].ch, 1))
					return false;
				done = true;
			}
		if (!done) {
			if (el < 2 || e[0] != '#')
				return false;
			uint32_t cp = 0;
			bool hex = e[1] == 'x' || e[1] == 'X';
			size_t d = hex ? 2 : 1;
			if (d >= el)
				return false;
			for (; d < el; d++) {
				int v = hex ? fz_hex_digit(e[d]) : (e[d] >= '0' && e[d] <= '9' ? e[d] - '0' : -1);
				if (v < 0 || cp > 0x10FFFF)
					return false;
				cp = cp * (hex ? 16 : 10) + (uint32_t)v;
			}
			if (!put_utf8(b, cp))
				return false;
		}
		i = (size_t)(semi - s) + 1;
	}
	return true;
}

/* ---- shared strings ------------------------------------------------------------ */

struct shared {
	struct buf text; /* strings, each NUL-terminated */
	struct offs off;
};

static enum fz_code parse_shared(const char *xml, size_t n, const struct fz_xlsx_limits *lim,
				 struct shared *sh, struct fz_err *err)
{
	struct scan sc = {.s = xml, .n = n, .part = "共享字符串表"};
	bool in_si = false, in_t = false;
	int rph = 0;
	size_t start = 0;
	enum tok t;
	enum fz_code rc;
	while ((rc = next(&sc, &t, err)) == FZ_OK && t != T_END) {
		if (t == T_OPEN && is(&sc, "si")) {
			if (in_si)
				return bad_xml(&sc, err, "字符串项嵌套");
			if (sh->off.n >= lim->max_shared)
				return fz_err_set(err, FZ_ETOO_LARGE, "file", "共享字符串超过 %zu 个上限",
						  lim->max_shared);
			start = sh->text.len;
			if (!sh->text.p && !buf_reserve(&sh->text, 0))
				return fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
			if (sc.empty) {
				if (!buf_add(&sh->text, "", 1) || !offs_add(&sh->off, start))
					return fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
				continue;
			}
			in_si = true;
			rph = 0;
		} else if (t == T_CLOSE && is(&sc, "si")) {
			if (!in_si)
				return bad_xml(&sc, err, "多余的 </si>");
			in_si = in_t = false;
			if (!fz_utf8_valid(sh->text.p + start, sh->text.len - start))
				return fz_err_set(err, FZ_EBAD_UTF8, "file",
						  "共享字符串第 %zu 项不是有效的 UTF-8 文本", sh->off.n + 1);
			if (!buf_add(&sh->text, "", 1) || !offs_add(&sh->off, start))
				return fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
		} else if (in_si && is(&sc, "rPh") && (t == T_OPEN || t == T_CLOSE)) {
			if (t == T_OPEN && !sc.empty)
				rph++;
			else if (t == T_CLOSE && rph > 0)
				rph--;
		} else if (in_si && is(&sc, "t") && (t == T_OPEN || t == T_CLOSE)) {
			in_t = t == T_OPEN && !sc.empty && rph == 0;
		} else if ((t == T_TEXT || t == T_CDATA) && in_si && in_t) {
			if (!decode(&sh->text, sc.text, sc.text_len, t == T_CDATA))
				return bad_xml(&sc, err, "含有无效的字符引用");
			if (sh->text.len - start > lim->max_cell)
				return fz_err_set(err, FZ_ETOO_LARGE, "file",
						  "共享字符串第 %zu 项超过 %zu 字节上限", sh->off.n + 1,
						  lim->max_cell);
		}
	}
	if (rc)
		return rc;
	if (in_si)
		return bad_xml(&sc, err, "字符串项未结束");
	return FZ_OK;
}

/* ---- the worksheet ------------------------------------------------------------ */

struct impl {
	struct fz_xlsx_table pub;
	char *text;
	char **cellv;
};

void fz_xlsx_col_name(int c, char out[4])
{
	char tmp[4];
	int k = 0;
	c++;
	while (c > 0 && k < 3) {
		tmp[k++] = (char)('A' + (c - 1) % 26);
		c = (c - 1) / 26;
	}
	for (int i = 0; i < k; i++)
		out[i] = tmp[k - 1 - i];
	out[k] = '\0';
}

/* "AB12" → column 27 (0-based), row 12. false when malformed. */
static bool parse_ref(const char *s, size_t n, int *col, int *row)
{
	size_t i = 0;
	long c = 0, r = 0;
	while (i < n && s[i] >= 'A' && s[i] <= 'Z' && i < 3)
		c = c * 26 + (s[i++] - 'A' + 1);
	if (i == 0 || i == n)
		return false;
	size_t d0 = i;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - d0 < 8)
		r = r * 10 + (s[i++] - '0');
	if (i != n || i == d0 || r < 1 || r > SHEET_MAX_ROW || c > 16384)
		return false;
	*col = (int)c - 1;
	*row = (int)r;
	return true;
}

static bool parse_uint(const char *s, size_t n, long max, long *out)
{
	long v = 0;
	if (n == 0 || n > 9)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return false;
	*out = v;
	return true;
}

struct rowrec {
	int number;
	size_t first, ncells;
};

struct sheet {
	struct buf text;
	struct offs cells; /* offsets into text, NONE for empty */
	struct rowrec *rows;
	size_t nrows, cap;
	int ncols;
};

static enum fz_code parse_sheet(const char *xml, size_t n, const struct fz_xlsx_limits *lim,
				const struct shared *sh, struct sheet *out, struct fz_err *err)
{
	struct scan sc = {.s = xml, .n = n, .part = "工作表"};
	size_t *rowcells = calloc((size_t)lim->max_cols, sizeof *rowcells);
	struct buf val = {0};
	if (!rowcells)
		return fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
	enum fz_code rc = FZ_OK;
	int row = 0, prev_row = 0, col_next = 0, col = 0, width = 0, ctype = 0;
	bool in_data = false, in_row = false, in_c = false, in_v = false, in_is = false,
	     in_t = false, saw_data = false;
	int rph = 0;
	char ref[24] = "";
	enum tok t;
	/* ctype: 0 number/other, 1 shared string, 2 inline string */
	while ((rc = next(&sc, &t, err)) == FZ_OK && t != T_END) {
		if (t == T_OPEN && is(&sc, "sheetData")) {
			saw_data = true;
			in_data = !sc.empty;
			continue;
		}
		if (t == T_CLOSE && is(&sc, "sheetData")) {
			in_data = false;
			continue;
		}
		if (!in_data)
			continue;
		if (t == T_OPEN && is(&sc, "row")) {
			if (in_row) {
				rc = bad_xml(&sc, err, "行嵌套");
				break;
			}
			const char *v;
			size_t vl;
			long r = prev_row + 1;
			if (attr(&sc, "r", &v, &vl) && !parse_uint(v, vl, SHEET_MAX_ROW, &r)) {
				rc = bad_xml(&sc, err, "的行号无效");
				break;
			}
			if (r <= prev_row || r < 1) {
				rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
						"Excel 文件格式错误：第 %ld 行重复或顺序颠倒", r);
				break;
			}
			row = prev_row = (int)r;
			col_next = 0;
			width = 0;
			for (int i = 0; i < lim->max_cols; i++)
				rowcells[i] = NONE;
			in_row = !sc.empty;
			continue;
		}
		if (t == T_CLOSE && is(&sc, "row")) {
			if (!in_row || in_c) {
				rc = bad_xml(&sc, err, "行结束位置错误");
				break;
			}
			in_row = false;
			if (width == 0)
				continue;
			if ((int)out->nrows >= lim->max_rows) {
				rc = fz_err_set(err, FZ_ETOO_LARGE, "file",
						"工作表超过 %d 行上限（第 %d 行）", lim->max_rows, row);
				break;
			}
			if (out->nrows == out->cap) {
				size_t cap = out->cap ? out->cap * 2 : 256;
				struct rowrec *rr = realloc(out->rows, cap * sizeof *rr);
				if (!rr) {
					rc = fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
					break;
				}
				out->rows = rr;
				out->cap = cap;
			}
			out->rows[out->nrows++] = (struct rowrec){row, out->cells.n, (size_t)width};
			bool ok = true;
			for (int i = 0; i < width && ok; i++)
				ok = offs_add(&out->cells, rowcells[i]);
			if (!ok) {
				rc = fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
				break;
			}
			if (width > out->ncols)
				out->ncols = width;
			continue;
		}
		if (!in_row)
			continue;
		if (t == T_OPEN && is(&sc, "c")) {
			if (in_c) {
				rc = bad_xml(&sc, err, "单元格嵌套");
				break;
			}
			const char *v;
			size_t vl;
			col = col_next;
			if (attr(&sc, "r", &v, &vl)) {
				int rr;
				if (!parse_ref(v, vl, &col, &rr) || rr != row) {
					rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
							"Excel 文件格式错误：第 %d 行的单元格引用“%.*s”无效",
							row, (int)(vl > 12 ? 12 : vl), v);
					break;
				}
			}
			fz_xlsx_col_name(col < 16384 ? col : 0, ref);
			snprintf(ref + strlen(ref), sizeof ref - strlen(ref), "%d", row);
			if (col < col_next) {
				rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
						"Excel 文件格式错误：单元格 %s 重复或顺序颠倒", ref);
				break;
			}
			if (col >= lim->max_cols) {
				rc = fz_err_set(err, FZ_ETOO_LARGE, "file",
						"第 %d 行超过 %d 列上限（单元格 %s）", row, lim->max_cols, ref);
				break;
			}
			ctype = 0;
			if (attr(&sc, "t", &v, &vl))
				ctype = vl == 1 && v[0] == 's' ? 1
					: vl == 9 && memcmp(v, "inlineStr", 9) == 0 ? 2
										   : 0;
			val.len = 0;
			if (val.p)
				val.p[0] = '\0';
			col_next = col + 1;
			in_c = !sc.empty;
			in_v = in_is = in_t = false;
			rph = 0;
			continue;
		}
		if (!in_c)
			continue;
		if (t == T_OPEN || t == T_CLOSE) {
			bool open = t == T_OPEN && !sc.empty;
			if (is(&sc, "v"))
				in_v = open;
			else if (is(&sc, "is"))
				in_is = open;
			else if (is(&sc, "rPh"))
				rph += t == T_OPEN && !sc.empty ? 1 : (t == T_CLOSE && rph > 0 ? -1 : 0);
			else if (is(&sc, "t"))
				in_t = open && in_is && rph == 0;
			else if (t == T_CLOSE && is(&sc, "c")) {
				in_c = false;
				const char *s = val.p ? val.p : "";
				size_t sl = val.len;
				if (ctype == 1 && sl) {
					long idx;
					if (!parse_uint(s, sl, (long)sh->off.n - 1, &idx) ||
					    sh->off.n == 0) {
						rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
								"Excel 文件格式错误：单元格 %s 引用的共享字符串不存在",
								ref);
						break;
					}
					s = sh->text.p + sh->off.v[idx];
					sl = strlen(s);
				} else if (!fz_utf8_valid(s, sl)) {
					rc = fz_err_set(err, FZ_EBAD_UTF8, "file",
							"单元格 %s 不是有效的 UTF-8 文本", ref);
					break;
				}
				if (sl == 0)
					continue;
				size_t at = out->text.len;
				if (!buf_add(&out->text, s, sl) || !buf_add(&out->text, "", 1)) {
					rc = fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
					break;
				}
				rowcells[col] = at;
				width = col + 1;
			}
			continue;
		}
		if ((t == T_TEXT || t == T_CDATA) && (in_v || (in_is && in_t))) {
			if (!decode(&val, sc.text, sc.text_len, t == T_CDATA)) {
				rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
						"Excel 文件格式错误：单元格 %s 含有无效的字符引用", ref);
				break;
			}
			if (val.len > lim->max_cell) {
				rc = fz_err_set(err, FZ_ETOO_LARGE, "file", "单元格 %s 超过 %zu 字节上限",
						ref, lim->max_cell);
				break;
			}
		}
	}
	if (!rc && (in_row || in_data))
		rc = bad_xml(&sc, err, "意外结束");
	if (!rc && !saw_data)
		rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "Excel 文件格式错误：工作表中没有数据区（sheetData）");
	free(val.p);
	free(rowcells);
	return rc;
}

enum fz_code fz_xlsx_read(const void *data, size_t len, const struct fz_xlsx_limits *lim,
			  struct fz_xlsx_table **out, struct fz_err *err)
{
	*out = NULL;
	if (!lim)
		lim = &fz_xlsx_default_limits;
	if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "file",
				  "文件不是 Excel（.xlsx）格式：请用 Excel 或 WPS 另存为 .xlsx 后上传（不支持 .xls 和 .csv）");
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		zip_source_free(src);
		return fz_err_set(err, FZ_EBAD_VALUE, "file", "Excel 文件已损坏，无法作为 .xlsx 压缩包打开");
	}
	struct buf ssx = {0}, shx = {0};
	struct shared sh = {{0}, {0}};
	struct sheet s = {{0}, {0}, NULL, 0, 0, 0};
	bool missing;
	enum fz_code rc = read_entry(za, "xl/sharedStrings.xml", lim->max_entry, &ssx, &missing, err);
	if (!rc && !missing)
		rc = parse_shared(ssx.p ? ssx.p : "", ssx.len, lim, &sh, err);
	free(ssx.p);
	if (!rc) {
		rc = read_entry(za, "xl/worksheets/sheet1.xml", lim->max_entry, &shx, &missing, err);
		if (!rc && missing)
			rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
					"Excel 文件中没有第一个工作表（xl/worksheets/sheet1.xml）");
	}
	zip_discard(za);
	if (!rc)
		rc = parse_sheet(shx.p ? shx.p : "", shx.len, lim, &sh, &s, err);
	free(shx.p);
	free(sh.text.p);
	free(sh.off.v);
	struct impl *t = NULL;
	if (!rc) {
		t = calloc(1, sizeof *t);
		if (t) {
			t->pub.nrows = (int)s.nrows;
			t->pub.ncols = s.ncols;
			t->pub.rows = calloc(s.nrows ? s.nrows : 1, sizeof *t->pub.rows);
			t->cellv = calloc(s.cells.n ? s.cells.n : 1, sizeof *t->cellv);
		}
		if (!t || !t->pub.rows || !t->cellv) {
			if (t) {
				free(t->pub.rows);
				free(t->cellv);
				free(t);
			}
			t = NULL;
			rc = fz_err_set(err, FZ_EINTERNAL, "file", "内存不足");
		} else {
			t->text = s.text.p;
			s.text.p = NULL;
			for (size_t i = 0; i < s.cells.n; i++)
				t->cellv[i] = s.cells.v[i] == NONE ? NULL : t->text + s.cells.v[i];
			for (size_t r = 0; r < s.nrows; r++) {
				t->pub.rows[r].number = s.rows[r].number;
				t->pub.rows[r].ncells = (int)s.rows[r].ncells;
				t->pub.rows[r].cells = t->cellv + s.rows[r].first;
			}
		}
	}
	free(s.text.p);
	free(s.cells.v);
	free(s.rows);
	if (!rc)
		*out = &t->pub;
	return rc;
}

void fz_xlsx_table_free(struct fz_xlsx_table *pub)
{
	if (!pub)
		return;
	struct impl *t = (struct impl *)pub;
	free(t->text);
	free(t->cellv);
	free(t->pub.rows);
	free(t);
}

const char *fz_xlsx_cell(const struct fz_xlsx_table *t, int r, int c)
{
	if (!t || r < 0 || r >= t->nrows || c < 0 || c >= t->rows[r].ncells)
		return NULL;
	return t->rows[r].cells[c];
}
