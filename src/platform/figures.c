/*
 * figures.c - the registry of named yearly figures over the installed modules
 * (figures.h): lookup by name, values, drill-downs, and the start-up check.
 *
 * The registry is the modules' own tables read in place: nothing is copied or
 * allocated at start-up, and a lookup walks the rows (a few dozen).
 */
#include "platform/figures.h"

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "platform/module.h"
#include "store/db.h"

const struct fz_figure *fz_figure_find(const char *name, const struct fz_module **module)
{
	size_t n = fz_platform_module_count();
	for (size_t i = 0; name && i < n; i++) {
		const struct fz_module *m = fz_platform_module(i);
		for (const struct fz_figure *f = m->figures; f && f->name; f++)
			if (strcmp(f->name, name) == 0) {
				if (module)
					*module = m;
				return f;
			}
	}
	if (module)
		*module = NULL;
	return NULL;
}

enum fz_code fz_figure_count(struct fz_ctx *ctx, const char *sql, int year, int64_t agency_id,
			     long *value, struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "tti", lo, hi, agency_id);
	if (!st)
		return err->code;
	long v = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	*value = v;
	return FZ_OK;
}

static enum fz_code value_of(struct fz_ctx *ctx, const struct fz_figure *f, int year,
			     int64_t agency_id, long *value, struct fz_err *err)
{
	return f->compute ? f->compute(ctx, year, agency_id, value, err)
			  : fz_figure_count(ctx, f->sql, year, agency_id, value, err);
}

enum fz_code fz_figure_value(struct fz_ctx *ctx, const char *name, int year, int64_t agency_id,
			     long *value, struct fz_err *err)
{
	const struct fz_figure *f = fz_figure_find(name, NULL);
	if (!f)
		return fz_err_set(err, FZ_EINTERNAL, name ? name : "", "没有名为 %s 的统计指标",
				  name ? name : "(null)");
	return value_of(ctx, f, year, agency_id, value, err);
}

/* Appends s to the buffer at *k, cut at its end (the declared queries are short). */
static void put(char *buf, size_t size, size_t *k, const char *s, size_t n)
{
	if (*k + n >= size)
		n = *k + 1 < size ? size - *k - 1 : 0;
	memcpy(buf + *k, s, n);
	*k += n;
	buf[*k] = '\0';
}

/* One key=value of a drill query with {year} and {agency} filled in. */
static void put_pair(char *buf, size_t size, size_t *k, const char *pair, size_t len,
		     const char *year, const char *agency)
{
	if (*k)
		put(buf, size, k, "&", 1);
	for (size_t i = 0; i < len;) {
		if (len - i >= 6 && memcmp(pair + i, "{year}", 6) == 0) {
			put(buf, size, k, year, strlen(year));
			i += 6;
		} else if (len - i >= 8 && memcmp(pair + i, "{agency}", 8) == 0) {
			put(buf, size, k, agency, strlen(agency));
			i += 8;
		} else {
			put(buf, size, k, pair + i, 1);
			i++;
		}
	}
}

json_t *fz_figure_drill_json(const struct fz_figure *f, int year, int64_t agency_id)
{
	char query[1024] = "", ys[12], as[24];
	snprintf(ys, sizeof ys, "%d", year);
	snprintf(as, sizeof as, "%lld", (long long)agency_id);
	size_t k = 0;
	for (const char *p = f->drill.query ? f->drill.query : ""; *p;) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		const char *eq = memchr(p, '=', len);
		/* The whole county: no agency filter rather than agency_id=0, which lists refuse.
		 */
		bool county_wide = agency_id == 0 && eq && (size_t)(p + len - eq - 1) == 8 &&
				   memcmp(eq + 1, "{agency}", 8) == 0;
		if (len && !county_wide)
			put_pair(query, sizeof query, &k, p, len, ys, as);
		p += len + (amp ? 1 : 0);
	}
	const char *route = f->drill.route, *space = strchr(route, ' ');
	return json_pack("{s:s%, s:s, s:s}", "method", route, (size_t)(space - route), "path",
			 space + 1, "query", query);
}

enum fz_code fz_figures_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
			     struct fz_err *err)
{
	json_t *items = json_array();
	size_t n = fz_platform_module_count();
	for (size_t i = 0; i < n; i++) {
		const struct fz_module *m = fz_platform_module(i);
		for (const struct fz_figure *f = m->figures; f && f->name; f++) {
			long v = 0;
			enum fz_code rc = value_of(ctx, f, year, agency_id, &v, err);
			if (rc) {
				json_decref(items);
				return rc;
			}
			json_array_append_new(
			    items,
			    json_pack("{s:s, s:s, s:s, s:s, s:s, s:I, s:o}", "name", f->name,
				      "label", f->label, "unit", f->unit, "module", m->name, "kind",
				      f->sum ? "sum" : "count", "value", (json_int_t)v, "drill",
				      fz_figure_drill_json(f, year, agency_id)));
		}
	}
	*out = json_pack("{s:i, s:I, s:o}", "year", year, "agency_id", (json_int_t)agency_id,
			 "items", items);
	return FZ_OK;
}

enum fz_code fz_figures_agency(struct fz_ctx *ctx, const char *arg, int64_t *agency,
			       struct fz_err *err)
{
	int64_t v = 0;
	if (arg && *arg && !fz_parse_int(arg, 0, INT64_MAX, &v))
		return fz_err_set(err, FZ_EBAD_VALUE, "agency_id", "单位编号应为整数");
	if (!fz_ctx_sees_all(ctx)) {
		int64_t own = ctx->user ? ctx->user->agency_id : -1;
		if (v && v != own)
			return fz_err_set(err, FZ_ENOT_FOUND, "agency_id",
					  "只能查看本单位的统计指标");
		*agency = own;
		return FZ_OK;
	}
	if (v) {
		struct fz_stmt *st =
		    fz_db_query(ctx->db, err, "SELECT 1 FROM agency WHERE agency_id = ?", "i", v);
		if (!st)
			return err->code;
		bool known = fz_stmt_row(st);
		bool failed = fz_stmt_failed(st, err);
		fz_stmt_done(st);
		if (failed)
			return err->code;
		if (!known)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id", "单位 %lld 不存在",
					  (long long)v);
	}
	*agency = v;
	return FZ_OK;
}

/* "recon.decisions.corrected": lower-case words of [a-z0-9_] joined by single dots, two or more. */
static bool name_ok(const char *s)
{
	int words = 0;
	size_t run = 0;
	for (;; s++) {
		if (*s == '.' || *s == '\0') {
			if (run == 0)
				return false;
			words++;
			run = 0;
			if (*s == '\0')
				return words >= 2;
		} else if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_') {
			run++;
		} else {
			return false;
		}
	}
}

static enum fz_code check_row(const struct fz_module *m, const struct fz_figure *f,
			      struct fz_err *err)
{
	if (!name_ok(f->name))
		return fz_err_set(
		    err, FZ_EINTERNAL, f->name,
		    "模块 %s 的统计指标名 %s 不合规（小写字母、数字、下划线，以点分隔）", m->name,
		    f->name);
	if (!f->label || !*f->label || !f->unit || !*f->unit)
		return fz_err_set(err, FZ_EINTERNAL, f->name, "统计指标 %s 缺少名称或单位",
				  f->name);
	if (!f->compute == !f->sql)
		return fz_err_set(err, FZ_EINTERNAL, f->name,
				  "统计指标 %s 须声明计算函数或计数查询之一", f->name);
	const char *r = f->drill.route;
	if (!r || strncmp(r, "GET /", 5) != 0 || !f->drill.query)
		return fz_err_set(err, FZ_EINTERNAL, f->name,
				  "统计指标 %s 须声明可打开的明细列表（GET 路由及查询条件）",
				  f->name);
	return FZ_OK;
}

enum fz_code fz_figures_validate(struct fz_err *err)
{
	size_t n = fz_platform_module_count();
	for (size_t i = 0; i < n; i++) {
		const struct fz_module *m = fz_platform_module(i);
		for (const struct fz_figure *f = m->figures; f && f->name; f++) {
			enum fz_code rc = check_row(m, f, err);
			if (rc)
				return rc;
			/* The first row of that name, in table order, must be this one. */
			const struct fz_module *owner;
			if (fz_figure_find(f->name, &owner) != f)
				return fz_err_set(err, FZ_EINTERNAL, f->name,
						  "统计指标 %s 重复注册（模块 %s 与 %s）", f->name,
						  owner->name, m->name);
		}
	}
	return FZ_OK;
}
