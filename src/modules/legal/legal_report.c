/*
 * legal_report.c - the legal affairs' named yearly figures (platform/figures.h)
 * for the annual rule-of-law report, each with the staff list that shows the
 * records behind it, and the statistics page's JSON.
 */
#include <stdio.h>
#include <string.h>

#include "modules/legal/legal_int.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

#define CONTRACT_FROM " FROM legal_contract k JOIN case_record c ON c.case_id = k.case_id"
#define AGENCY_IS     " AND (?3 = 0 OR c.agency_id = ?3)"
#define REVIEWED      " WHERE k.reviewed_on >= ?1 AND k.reviewed_on <= ?2" AGENCY_IS
#define SIGNED	      " WHERE k.signed_on >= ?1 AND k.signed_on <= ?2" AGENCY_IS
#define MATTER_FROM   " FROM legal_matter m JOIN case_record c ON c.case_id = m.case_id"
#define ANSWERED      " WHERE m.answered_on >= ?1 AND m.answered_on <= ?2" AGENCY_IS
#define OPINION_FROM                                                                               \
	" FROM legal_adviser_opinion o JOIN case_record c ON c.case_id = o.case_id"                \
	" WHERE o.given_on >= ?1 AND o.given_on <= ?2" AGENCY_IS

const struct fz_figure fz_legal_figures[] = {
    {"legal.contracts.reviewed",
     "政府合同经合法性审核",
     "件",
     NULL,
     {"GET /api/legal/contracts", "reviewed_year={year}&agency_id={agency}"},
     "SELECT COUNT(*)" CONTRACT_FROM REVIEWED},
    {"legal.contracts.reviewed_amount",
     "经合法性审核的政府合同金额",
     "元",
     NULL,
     {"GET /api/legal/contracts", "reviewed_year={year}&agency_id={agency}"},
     "SELECT COALESCE(SUM(k.amount), 0)" CONTRACT_FROM REVIEWED,
     true},
    {"legal.contracts.signed",
     "签订政府合同",
     "件",
     NULL,
     {"GET /api/legal/contracts", "signed_year={year}&agency_id={agency}"},
     "SELECT COUNT(*)" CONTRACT_FROM SIGNED},
    {"legal.contracts.disputes",
     "政府合同发生争议",
     "件",
     NULL,
     {"GET /api/legal/disputes", "year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM legal_dispute d JOIN case_record c ON c.case_id = d.case_id"
     " WHERE d.raised_on >= ?1 AND d.raised_on <= ?2" AGENCY_IS},
    {"legal.matters.handled",
     "办理涉法事务",
     "件",
     NULL,
     {"GET /api/legal/matters", "answered_year={year}&agency_id={agency}"},
     "SELECT COUNT(*)" MATTER_FROM ANSWERED},
    {"legal.matters.on_time",
     "按期办结涉法事务",
     "件",
     NULL,
     {"GET /api/legal/matters", "answered_year={year}&agency_id={agency}&on_time=1"},
     "SELECT COUNT(*)" MATTER_FROM ANSWERED " AND m.on_time = 1"},
    {"legal.advisers.opinions",
     "法律顾问、公职律师提供法律意见",
     "次",
     NULL,
     {"GET /api/legal/adviser-opinions", "year={year}&agency_id={agency}"},
     "SELECT COUNT(*)" OPINION_FROM},
    {"legal.advisers.meetings",
     "法律顾问、公职律师列席会议",
     "次",
     NULL,
     {"GET /api/legal/adviser-opinions", "year={year}&agency_id={agency}&kind=meeting"},
     "SELECT COUNT(*)" OPINION_FROM " AND o.kind = 'meeting'"},
    {NULL},
};

/* Rows of (key, n1, n2, ...) grouped by an option column, every option present. */
static enum fz_code by_option(struct fz_ctx *ctx, const char *sql, const struct fz_option *opts,
			      const char *const *keys, int nkeys, const char *from, const char *to,
			      int64_t agency, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "tti", from, to, agency);
	if (!st)
		return err->code;
	json_t *rows = json_array();
	for (const struct fz_option *o = opts; o->value; o++) {
		json_t *r = json_pack("{s:s, s:s}", "value", o->value, "label", o->label);
		for (int i = 0; i < nkeys; i++)
			json_object_set_new(r, keys[i], json_integer(0));
		json_array_append_new(rows, r);
	}
	while (fz_stmt_row(st)) {
		const char *v = fz_col_text(st, 0);
		size_t i;
		json_t *r;
		json_array_foreach (rows, i, r) {
			if (!v || strcmp(fz_json_str(r, "value"), v) != 0)
				continue;
			for (int k = 0; k < nkeys; k++)
				json_object_set_new(r, keys[k],
						    json_integer(fz_col_int(st, 1 + k)));
		}
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(rows);
		return err->code;
	}
	*out = rows;
	return FZ_OK;
}

enum fz_code fz_legal_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				 struct fz_err *err)
{
	char from[11], to[11];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	json_t *figs = json_array(), *contracts = NULL, *matters = NULL, *disputes = NULL,
	       *advisers = NULL;
	enum fz_code rc = FZ_OK;
	for (const struct fz_figure *f = fz_legal_figures; !rc && f->name; f++) {
		long v = 0;
		rc = fz_figure_value(ctx, f->name, year, agency_id, &v, err);
		if (!rc)
			json_array_append_new(
			    figs, json_pack("{s:s, s:s, s:s, s:s, s:I, s:o}", "name", f->name,
					    "label", f->label, "unit", f->unit, "kind",
					    f->sum ? "sum" : "count", "value", (json_int_t)v,
					    "drill", fz_figure_drill_json(f, year, agency_id)));
	}
	static const char *const ck[] = {"registered", "reviewed", "reviewed_amount", "signed",
					 "signed_amount"};
	if (!rc)
		rc = by_option(
		    ctx,
		    "SELECT k.kind,"
		    " SUM(CASE WHEN c.received_on >= ?1 AND c.received_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN k.reviewed_on >= ?1 AND k.reviewed_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN k.reviewed_on >= ?1 AND k.reviewed_on <= ?2 THEN k.amount ELSE "
		    "0 END),"
		    " SUM(CASE WHEN k.signed_on >= ?1 AND k.signed_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN k.signed_on >= ?1 AND k.signed_on <= ?2 THEN k.signed_amount"
		    "  ELSE 0 END)" CONTRACT_FROM
		    " WHERE (?3 = 0 OR c.agency_id = ?3) GROUP BY k.kind",
		    fz_legal_contract_kinds, ck, 5, from, to, agency_id, &contracts, err);
	static const char *const mk[] = {"received", "answered", "on_time", "open"};
	if (!rc)
		rc = by_option(
		    ctx,
		    "SELECT m.kind,"
		    " SUM(CASE WHEN c.received_on >= ?1 AND c.received_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN m.answered_on >= ?1 AND m.answered_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN m.answered_on >= ?1 AND m.answered_on <= ?2 AND m.on_time = 1"
		    "  THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN c.state IN ('received', 'handling') THEN 1 ELSE 0 "
		    "END)" MATTER_FROM " WHERE (?3 = 0 OR c.agency_id = ?3) GROUP BY m.kind",
		    fz_legal_matter_kinds, mk, 4, from, to, agency_id, &matters, err);
	static const char *const dk[] = {"raised", "resolved", "won", "lost"};
	if (!rc)
		rc = by_option(
		    ctx,
		    "SELECT d.kind,"
		    " SUM(CASE WHEN d.raised_on >= ?1 AND d.raised_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN d.resolved_on >= ?1 AND d.resolved_on <= ?2 THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN d.resolved_on >= ?1 AND d.resolved_on <= ?2"
		    "  AND d.outcome IN ('won', 'settled', 'mediated') THEN 1 ELSE 0 END),"
		    " SUM(CASE WHEN d.resolved_on >= ?1 AND d.resolved_on <= ?2 AND d.outcome = "
		    "'lost'"
		    "  THEN 1 ELSE 0 END)"
		    " FROM legal_dispute d JOIN case_record c ON c.case_id = d.case_id"
		    " WHERE (?3 = 0 OR c.agency_id = ?3) GROUP BY d.kind",
		    fz_legal_dispute_kinds, dk, 4, from, to, agency_id, &disputes, err);
	if (!rc)
		rc = fz_legal_adviser_stats_json(ctx, year, agency_id, &advisers, err);
	if (rc) {
		json_decref(figs);
		json_decref(contracts);
		json_decref(matters);
		json_decref(disputes);
		return rc;
	}
	*out = json_pack(
	    "{s:i, s:I, s:o, s:o, s:o, s:o, s:o, s:{s:I, s:I, s:I, s:I}}", "year", year,
	    "agency_id", (json_int_t)agency_id, "figures", figs, "contracts", contracts, "matters",
	    matters, "disputes", disputes, "advisers", advisers, "settings", "contract_review_days",
	    (json_int_t)fz_setting_int(ctx->db, "legal.contract_review_days", 5), "matter_days",
	    (json_int_t)fz_setting_int(ctx->db, "legal.matter_days", 10), "matter_extend_days",
	    (json_int_t)fz_setting_int(ctx->db, "legal.matter_extend_days", 10),
	    "milestone_remind_days",
	    (json_int_t)fz_setting_int(ctx->db, "legal.milestone_remind_days", 10));
	return FZ_OK;
}
