/*
 * enf_case_stats.c - the year's enforcement cases in figures (执法案件统计):
 * the county's totals and each agency's row of the module's named case
 * figures, the decisions by kind of penalty and by month, the Excel export
 * and the paragraph the annual rule-of-law report takes ("全年共办理行政处罚
 * 案件X件……"). Every number a total or an agency row prints is a named figure
 * (enf_report.c), read through platform/figures.h as every other reader reads
 * it; the breakdowns by kind and month are this report's own. Agency users
 * get their own agency's row only.
 */
#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_int.h"
#include "platform/figures.h"
#include "platform/jsonx.h"
#include "platform/spreadsheets.h"

/* The case figures of the report, in its column order; those not declared are skipped. */
static const char *const case_figures[] = {
	"enforcement.penalties.filed",      "enforcement.penalties.decided",
	"enforcement.penalties.not_punished", "enforcement.penalties.fines",
	"enforcement.penalties.simple",     "enforcement.penalties.hearings",
	"enforcement.penalties.major",      NULL,
};

static long value_of(json_t *values, const char *name)
{
	return (long)json_integer_value(json_object_get(values, name));
}

/* {name: value} of the case figures for one agency (0: the county). */
static enum fz_code figure_values(struct fz_ctx *ctx, int year, int64_t agency, json_t **out,
				  struct fz_err *err)
{
	json_t *o = json_object();
	for (size_t i = 0; case_figures[i]; i++) {
		if (!fz_figure_find(case_figures[i], NULL))
			continue;
		long v = 0;
		enum fz_code rc = fz_figure_value(ctx, case_figures[i], year, agency, &v, err);
		if (rc) {
			json_decref(o);
			return rc;
		}
		json_object_set_new(o, case_figures[i], json_integer(v));
	}
	*out = o;
	return FZ_OK;
}

static json_t *columns(void)
{
	json_t *a = json_array();
	for (size_t i = 0; case_figures[i]; i++) {
		const struct fz_figure *f = fz_figure_find(case_figures[i], NULL);
		if (f)
			json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:b}", "name", f->name, "label",
							   f->label, "unit", f->unit, "sum", f->sum));
	}
	return a;
}

/* 66.76万元 for a sum of 元 (under 1万: 8,500元), as the reports write money. */
static const char *wan(struct fz_ctx *ctx, long yuan)
{
	if (yuan < 10000)
		return fz_arena_printf(ctx->arena, "%ld元", yuan);
	long cents = (yuan + 50) / 100; /* hundredths of 万元, rounded half up as the page rounds */
	return fz_arena_printf(ctx->arena, "%ld.%02ld万元", cents / 100, cents % 100);
}

enum fz_code fz_enf_case_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				    struct fz_err *err)
{
	int64_t scope = agency_id;
	if (!fz_ctx_sees_all(ctx))
		scope = ctx->user ? ctx->user->agency_id : -1;
	json_t *totals = NULL;
	enum fz_code rc = figure_values(ctx, year, scope, &totals, err);
	if (rc)
		return rc;
	/* One row per agency that has an enforcement body or a case (the county's view only). */
	json_t *rows = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT a.agency_id, a.name FROM agency a WHERE (?1 = 0 OR a.agency_id = ?1)"
		" AND (EXISTS (SELECT 1 FROM enf_body b WHERE b.agency_id = a.agency_id)"
		" OR EXISTS (SELECT 1 FROM case_record c WHERE c.agency_id = a.agency_id"
		" AND c.case_type = 'enf_penalty'))"
		" ORDER BY a.sort_order, a.agency_id",
		"i", scope);
	if (!st) {
		json_decref(totals);
		json_decref(rows);
		return err->code;
	}
	while (fz_stmt_row(st))
		json_array_append_new(rows, json_pack("{s:I, s:s}", "agency_id",
						      (json_int_t)fz_col_int(st, 0), "agency_name",
						      fz_col_text(st, 1)));
	fz_stmt_done(st);
	size_t i;
	json_t *r;
	json_array_foreach(rows, i, r)
	{
		json_t *v = NULL;
		if ((rc = figure_values(ctx, year, json_integer_value(json_object_get(r, "agency_id")), &v,
					err))) {
			json_decref(totals);
			json_decref(rows);
			return rc;
		}
		json_object_set_new(r, "values", v);
	}
	/* Decisions to punish by kind of penalty and by month of the decision. */
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	long kinds[32] = {0}, months[12] = {0};
	st = fz_db_query(ctx->db, err,
			 "SELECT x.penalty_kind, substr(x.decided_on, 6, 2), COUNT(*) FROM enf_penalty x"
			 " JOIN case_record c ON c.case_id = x.case_id WHERE x.outcome = 'penalty'"
			 " AND x.decided_on >= ?1 AND x.decided_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"
			 " GROUP BY 1, 2",
			 "tti", lo, hi, scope);
	while (st && fz_stmt_row(st)) {
		long n = (long)fz_col_int(st, 2);
		for (int k = 0; fz_pen_kinds[k].value && k < 32; k++)
			if (fz_col_text(st, 0) && strcmp(fz_pen_kinds[k].value, fz_col_text(st, 0)) == 0)
				kinds[k] += n;
		int m = atoi(fz_col_text(st, 1) ? fz_col_text(st, 1) : "0");
		if (m >= 1 && m <= 12)
			months[m - 1] += n;
	}
	fz_stmt_done(st);
	json_t *by_kind = json_array(), *by_month = json_array();
	for (int k = 0; fz_pen_kinds[k].value && k < 32; k++)
		json_array_append_new(by_kind, json_pack("{s:s, s:s, s:I}", "value", fz_pen_kinds[k].value,
							 "label", fz_pen_kinds[k].label, "count",
							 (json_int_t)kinds[k]));
	for (int m = 0; m < 12; m++)
		json_array_append_new(by_month, json_integer(months[m]));
	long filed = value_of(totals, "enforcement.penalties.filed");
	long decided = value_of(totals, "enforcement.penalties.decided");
	long not_punished = value_of(totals, "enforcement.penalties.not_punished");
	long simple = value_of(totals, "enforcement.penalties.simple");
	long hearings = value_of(totals, "enforcement.penalties.hearings");
	long major = value_of(totals, "enforcement.penalties.major");
	long fines = value_of(totals, "enforcement.penalties.fines");
	char *paragraph = fz_arena_printf(
		ctx->arena,
		"%d年，%s行政处罚立案%ld件，作出行政处罚决定%ld件（其中适用简易程序当场作出%ld件），罚款%s；"
		"对违法行为轻微并及时改正、初次违法且危害后果轻微等情形依法作出不予行政处罚决定%ld件。"
		"组织听证%ld件，经法制审核作出决定的重大执法案件%ld件。",
		year, scope ? "本单位" : "全县各行政执法单位共", filed, decided, simple, wan(ctx, fines),
		not_punished, hearings, major);
	*out = json_pack("{s:i, s:I, s:o, s:o, s:o, s:o, s:o, s:s}", "year", year, "agency_id",
			 (json_int_t)scope, "columns", columns(), "totals", totals, "agencies", rows,
			 "by_kind", by_kind, "by_month", by_month, "paragraph", paragraph);
	return FZ_OK;
}

enum fz_code fz_enf_case_stats_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				    size_t *len, struct fz_err *err)
{
	json_t *j = NULL;
	enum fz_code rc = fz_enf_case_stats_json(ctx, year, agency_id, &j, err);
	if (rc)
		return rc;
	json_t *cols = json_object_get(j, "columns"), *rows = json_object_get(j, "agencies");
	size_t nc = json_array_size(cols) + 1, nr = json_array_size(rows) + 2;
	const char **cells = fz_arena_alloc(ctx->arena, nc * nr * sizeof *cells);
	cells[0] = "单位";
	size_t i;
	json_t *c, *r;
	json_array_foreach(cols, i, c)
	{
		cells[1 + i] = fz_arena_printf(ctx->arena, "%s（%s）", fz_json_str(c, "label"),
					       fz_json_str(c, "unit"));
	}
	json_array_foreach(rows, i, r)
	{
		const char **row = cells + (i + 1) * nc;
		row[0] = fz_json_str(r, "agency_name");
		size_t k;
		json_array_foreach(cols, k, c)
		{
			row[1 + k] = fz_arena_printf(
				ctx->arena, "%ld",
				value_of(json_object_get(r, "values"), fz_json_str(c, "name")));
		}
	}
	const char **total = cells + (nr - 1) * nc;
	total[0] = json_integer_value(json_object_get(j, "agency_id")) ? "合计（本单位）" : "全县合计";
	json_array_foreach(cols, i, c)
	{
		total[1 + i] = fz_arena_printf(
			ctx->arena, "%ld", value_of(json_object_get(j, "totals"), fz_json_str(c, "name")));
	}
	struct fz_sheet sheet = {.name = "执法案件统计",
				 .title = fz_arena_printf(ctx->arena, "%d年行政执法案件统计", year),
				 .rows = (int)nr,
				 .cols = (int)nc,
				 .cells = cells,
				 .header_rows = 1};
	rc = fz_xlsx_build(&sheet, 1, out, len, err);
	json_decref(j);
	return rc;
}
