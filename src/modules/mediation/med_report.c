/*
 * med_report.c - the mediation module's named yearly figures (platform/figures.h)
 * and its yearly statistics: cases received, agreements reached (the success
 * rate is the second over the first), by kind, dispute type and agency.
 */
#include <string.h>

#include "modules/mediation/mediation_int.h"
#include "platform/jsonx.h"

#define BASE                                                                                       \
	"SELECT COUNT(*) FROM case_record c JOIN med_case x ON x.case_id = c.case_id"              \
	" WHERE c.case_type = 'mediation' AND c.received_on >= ?1 AND c.received_on <= ?2"         \
	" AND (?3 = 0 OR c.agency_id = ?3)"

const struct fz_figure fz_med_figures[] = {
    {"mediation.cases.received",
     "受理调解案件",
     "件",
     NULL,
     {"GET /api/mediations", "year={year}&agency_id={agency}"},
     BASE},
    {"mediation.cases.agreed",
     "调解达成协议",
     "件",
     NULL,
     {"GET /api/mediations", "year={year}&agency_id={agency}&outcome=agreed"},
     BASE " AND x.outcome = 'agreed'"},
    {"mediation.people.received",
     "人民调解案件",
     "件",
     NULL,
     {"GET /api/mediations", "year={year}&agency_id={agency}&kind=people"},
     BASE " AND x.kind = 'people'"},
    {"mediation.people.agreed",
     "人民调解达成协议",
     "件",
     NULL,
     {"GET /api/mediations", "year={year}&agency_id={agency}&kind=people&outcome=agreed"},
     BASE " AND x.kind = 'people' AND x.outcome = 'agreed'"},
    {"mediation.admin.received",
     "行政调解案件",
     "件",
     NULL,
     {"GET /api/mediations", "year={year}&agency_id={agency}&kind=admin"},
     BASE " AND x.kind = 'admin'"},
    {"mediation.admin.agreed",
     "行政调解达成协议",
     "件",
     NULL,
     {"GET /api/mediations", "year={year}&agency_id={agency}&kind=admin&outcome=agreed"},
     BASE " AND x.kind = 'admin' AND x.outcome = 'agreed'"},
    {NULL},
};

static json_t *rate_row(json_t *o, int64_t received, int64_t agreed, int64_t failed)
{
	json_object_set_new(o, "received", json_integer(received));
	json_object_set_new(o, "agreed", json_integer(agreed));
	json_object_set_new(o, "failed", json_integer(failed));
	/* 调解成功率 = agreed / (agreed + failed), one decimal; null while none has ended. */
	int64_t ended = agreed + failed;
	json_object_set_new(o, "success_rate",
			    ended ? json_real((double)((agreed * 1000 + ended / 2) / ended) / 10.0)
				  : json_null());
	return o;
}

#define COUNTS                                                                                     \
	" COUNT(*), SUM(CASE WHEN x.outcome = 'agreed' THEN 1 ELSE 0 END),"                        \
	" SUM(CASE WHEN x.outcome = 'failed' THEN 1 ELSE 0 END)"                                   \
	" FROM case_record c JOIN med_case x ON x.case_id = c.case_id"                             \
	" JOIN agency a ON a.agency_id = c.agency_id"                                              \
	" WHERE c.case_type = 'mediation' AND c.received_on >= ?1 AND c.received_on <= ?2"         \
	" AND (?3 = 0 OR c.agency_id = ?3)"

static enum fz_code by(struct fz_ctx *ctx, const char *sql, const char *lo, const char *hi,
		       int64_t scope, const struct fz_option *opts, const char *key, json_t *arr,
		       json_t *totals, struct fz_err *err)
{
	if (opts)
		for (const struct fz_option *o = opts; o->value; o++)
			json_array_append_new(
			    arr, rate_row(json_pack("{s:s, s:s}", key, o->value, "label", o->label),
					  0, 0, 0));
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "tti", lo, hi, scope);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		if (opts) {
			size_t i;
			json_t *row;
			json_array_foreach (arr, i, row) {
				if (fz_col_text(st, 0) &&
				    strcmp(fz_json_str(row, key), fz_col_text(st, 0)) == 0)
					rate_row(row, fz_col_int(st, 2), fz_col_int(st, 3),
						 fz_col_int(st, 4));
			}
		} else {
			json_array_append_new(
			    arr, rate_row(json_pack("{s:I, s:s}", "agency_id",
						    (json_int_t)fz_col_int(st, 0), "agency_name",
						    fz_col_text(st, 1)),
					  fz_col_int(st, 2), fz_col_int(st, 3), fz_col_int(st, 4)));
		}
		if (totals) {
			json_t *t = totals;
			rate_row(
			    t,
			    json_integer_value(json_object_get(t, "received")) + fz_col_int(st, 2),
			    json_integer_value(json_object_get(t, "agreed")) + fz_col_int(st, 3),
			    json_integer_value(json_object_get(t, "failed")) + fz_col_int(st, 4));
		}
	}
	fz_stmt_done(st);
	return FZ_OK;
}

enum fz_code fz_med_stats_json(struct fz_ctx *ctx, int year, int64_t scope, json_t **out,
			       struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	json_t *totals = rate_row(json_object(), 0, 0, 0);
	json_t *kinds = json_array(), *types = json_array(), *ags = json_array();
	enum fz_code rc = by(ctx, "SELECT x.kind, NULL," COUNTS " GROUP BY x.kind", lo, hi, scope,
			     fz_med_kinds, "kind", kinds, totals, err);
	if (!rc)
		rc = by(ctx, "SELECT x.dispute_type, NULL," COUNTS " GROUP BY x.dispute_type", lo,
			hi, scope, fz_med_dispute_types, "dispute_type", types, NULL, err);
	if (!rc)
		rc = by(ctx,
			"SELECT a.agency_id, a.name," COUNTS
			" GROUP BY a.agency_id, a.name, a.sort_order ORDER BY a.sort_order, "
			"a.agency_id",
			lo, hi, scope, NULL, NULL, ags, NULL, err);
	/* The year's totals are the named figures, counted once there (med_report.c above). */
	long received = 0, agreed = 0;
	if (!rc)
		rc = fz_figure_value(ctx, "mediation.cases.received", year, scope, &received, err);
	if (!rc)
		rc = fz_figure_value(ctx, "mediation.cases.agreed", year, scope, &agreed, err);
	if (rc) {
		json_decref(totals);
		json_decref(kinds);
		json_decref(types);
		json_decref(ags);
		return rc;
	}
	rate_row(totals, received, agreed, json_integer_value(json_object_get(totals, "failed")));
	*out = json_pack("{s:i, s:I, s:o, s:o, s:o, s:o}", "year", year, "agency_id",
			 (json_int_t)scope, "totals", totals, "by_kind", kinds, "by_dispute_type",
			 types, "by_agency", ags);
	return FZ_OK;
}
