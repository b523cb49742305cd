/*
 * dec_report.c - the named yearly figures of major decisions (for the annual
 * rule-of-law report) and the statistics page: each figure is counted here
 * once, and its drill-down is the staff list whose total equals it.
 */
#include <string.h>

#include "core/calendar.h"
#include "modules/decision/dec_int.h"
#include "platform/jsonx.h"

/* The catalogue is by its year, not a date: a computed figure. */
static enum fz_code catalogue_items(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				    struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT COUNT(*) FROM dec_item WHERE year = ?"
			" AND published_on IS NOT NULL AND (? = 0 OR agency_id = ?)",
			"Iii", year, agency_id, agency_id);
	if (!st)
		return err->code;
	long n = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	*value = n;
	return FZ_OK;
}

#define DECIDED                                                                                    \
	"SELECT COUNT(*) FROM dec_decision d JOIN case_record c ON c.case_id = d.case_id"          \
	" WHERE d.decided_on >= ?1 AND d.decided_on <= ?2"                                         \
	" AND d.outcome IN ('adopted', 'adopted_in_principle') AND (?3 = 0 OR c.agency_id = ?3)"
#define DRILL_DECIDED "decided_year={year}&agency_id={agency}&adopted=1"

const struct fz_figure fz_dec_figures[] = {
    {"decision.catalogue.items",
     "年度重大行政决策事项目录公布事项",
     "项",
     catalogue_items,
     {"GET /api/decision-catalogue", "year={year}&agency_id={agency}&published=1"}},
    {"decision.decisions.decided",
     "作出的重大行政决策（通过、原则通过）",
     "件",
     NULL,
     {"GET /api/decisions", DRILL_DECIDED},
     DECIDED},
    {"decision.decisions.participation",
     "经公众参与的重大行政决策",
     "件",
     NULL,
     {"GET /api/decisions", DRILL_DECIDED "&participation=1"},
     DECIDED " AND d.comment_from IS NOT NULL"},
    {"decision.decisions.expert",
     "经专家论证的重大行政决策",
     "件",
     NULL,
     {"GET /api/decisions", DRILL_DECIDED "&expert=1"},
     DECIDED " AND d.expert_done_on IS NOT NULL"},
    {"decision.decisions.risk",
     "经风险评估的重大行政决策",
     "件",
     NULL,
     {"GET /api/decisions", DRILL_DECIDED "&risk=1"},
     DECIDED " AND d.risk_done_on IS NOT NULL"},
    {"decision.decisions.reviewed",
     "经合法性审查的重大行政决策草案",
     "件",
     NULL,
     {"GET /api/decisions", "reviewed_year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM dec_decision d JOIN case_record c ON c.case_id = d.case_id"
     " WHERE d.reviewed_on >= ?1 AND d.reviewed_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
    {"decision.comments.received",
     "重大行政决策收到的公众意见",
     "条",
     NULL,
     {"GET /api/decision-comments", "year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM dec_comment m JOIN case_record c ON c.case_id = m.case_id"
     " WHERE m.submitted_on >= ?1 AND m.submitted_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
    {"decision.comments.adopted",
     "重大行政决策采纳（含部分采纳）的公众意见",
     "条",
     NULL,
     {"GET /api/decision-comments", "year={year}&agency_id={agency}&taken_up=1"},
     "SELECT COUNT(*) FROM dec_comment m JOIN case_record c ON c.case_id = m.case_id"
     " WHERE m.submitted_on >= ?1 AND m.submitted_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"
     " AND m.adopted IN ('yes', 'partly')"},
    {"decision.decisions.evaluated",
     "开展决策后评估的重大行政决策",
     "件",
     NULL,
     {"GET /api/decisions", "evaluated_year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM dec_decision d JOIN case_record c ON c.case_id = d.case_id"
     " WHERE d.evaluated_on >= ?1 AND d.evaluated_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
    {"decision.meetings.study",
     "开展会前学法的县人民政府常务会议、全体会议",
     "次",
     NULL,
     {"GET /api/decision-meetings", "year={year}&agency_id={agency}&study=1"},
     "SELECT COUNT(*) FROM dec_meeting m WHERE m.held_on >= ?1 AND m.held_on <= ?2"
     " AND m.study_topic IS NOT NULL AND (?3 = 0 OR m.agency_id = ?3)"},
    {.name = NULL},
};

enum fz_code fz_dec_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
			       struct fz_err *err)
{
	json_t *figs = json_array();
	for (const struct fz_figure *f = fz_dec_figures; f->name; f++) {
		long v = 0;
		enum fz_code rc = fz_figure_value(ctx, f->name, year, agency_id, &v, err);
		if (rc) {
			json_decref(figs);
			return rc;
		}
		json_t *o = json_pack("{s:s, s:s, s:s, s:I}", "name", f->name, "label", f->label,
				      "unit", f->unit, "value", (json_int_t)v);
		json_object_set_new(o, "drill", fz_figure_drill_json(f, year, agency_id));
		json_array_append_new(figs, o);
	}
	/* Where the year's catalogue stands: items by state of their decision. */
	json_t *states = json_array();
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT COALESCE(c.state, CASE WHEN i.status = 'dropped' THEN 'dropped' ELSE "
	    "'not_started' END),"
	    " COUNT(*) FROM dec_item i LEFT JOIN case_record c ON c.case_id = i.case_id"
	    " WHERE i.year = ? AND i.status <> 'proposed' AND (? = 0 OR i.agency_id = ?)"
	    " GROUP BY 1 ORDER BY 1",
	    "Iii", year, agency_id, agency_id);
	while (st && fz_stmt_row(st)) {
		const char *s = fz_col_text(st, 0);
		const struct fz_state *fs = fz_flow_state(&fz_dec_type, s);
		const char *label = fs			    ? fs->label
				    : !strcmp(s, "dropped") ? "已调出目录"
							    : "尚未启动";
		json_array_append_new(states,
				      json_pack("{s:s, s:s, s:I}", "state", s, "label", label,
						"count", (json_int_t)fz_col_int(st, 1)));
	}
	fz_stmt_done(st);
	/* The catalogue by undertaking agency: items, decided, published. */
	json_t *agencies = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT a.agency_id, a.name, COUNT(*),"
	    " COALESCE(SUM(CASE WHEN d.outcome IN ('adopted', 'adopted_in_principle') THEN 1 ELSE "
	    "0 END), 0),"
	    " COALESCE(SUM(CASE WHEN d.published_on IS NOT NULL THEN 1 ELSE 0 END), 0)"
	    " FROM dec_item i JOIN agency a ON a.agency_id = i.agency_id"
	    " LEFT JOIN dec_decision d ON d.case_id = i.case_id"
	    " WHERE i.year = ? AND i.published_on IS NOT NULL AND (? = 0 OR i.agency_id = ?)"
	    " GROUP BY a.agency_id, a.name, a.sort_order ORDER BY a.sort_order, a.agency_id",
	    "Iii", year, agency_id, agency_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(
		    agencies, json_pack("{s:I, s:s, s:I, s:I, s:I}", "agency_id",
					(json_int_t)fz_col_int(st, 0), "agency_name",
					fz_col_text(st, 1), "items", (json_int_t)fz_col_int(st, 2),
					"decided", (json_int_t)fz_col_int(st, 3), "published",
					(json_int_t)fz_col_int(st, 4)));
	fz_stmt_done(st);
	*out =
	    json_pack("{s:i, s:I, s:o, s:o, s:o}", "year", year, "agency_id", (json_int_t)agency_id,
		      "figures", figs, "catalogue_states", states, "by_agency", agencies);
	return FZ_OK;
}
