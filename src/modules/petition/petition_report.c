/*
 * petition_report.c - the staff list of petitions (platform/lists.h), the
 * named yearly figures and the statistics built on them.
 *
 * A petition counts in the year it was received; a 重复信访 (linked to its
 * first petition, 第19条) is never counted again: every figure but the
 * repeated one excludes it. Each figure's drill-down is the list with the
 * same conditions, so its total is the figure.
 */
#include <stdio.h>
#include <string.h>

#include "modules/petition/petition_int.h"
#include "core/text.h"
#include "platform/jsonx.h"
#include "platform/search.h"

#define COUNTED "c.state <> 'duplicate'"
#define ACCEPT_DECIDED                                                                             \
	"EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.case_id AND k.name = 'accept'"     \
	" AND k.state = 'stopped')"
#define ACCEPT_ON_TIME                                                                             \
	"EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.case_id AND k.name = 'accept'"     \
	" AND k.state = 'stopped' AND k.stopped_on <= k.due_date)"
#define HANDLE_DONE "p.replied_on IS NOT NULL"
#define HANDLE_ON_TIME                                                                             \
	"p.replied_on IS NOT NULL AND EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = "       \
	"c.case_id"                                                                                \
	" AND k.name = 'handle' AND k.state = 'stopped' AND k.stopped_on <= k.due_date)"
#define RATED	  "p.rating IS NOT NULL"
#define SATISFIED "p.rating IN ('satisfied', 'basic')"

static const struct fz_list_sort sorts[] = {
    {.name = "received_on", .expr = "c.received_on"},
    {.name = "created_at", .expr = "c.created_at"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = "number", .expr = "c.case_id"},
    {.name = NULL},
};

static const char *const like[] = {"c.number",		"p.subject",	  "p.content",
				   "p.petitioner_name", "p.order_number", NULL};

/*
 * The keyword: through the petitions' full-text index (petition-003; two characters
 * from its pairs) once every petition is in it, else (and for one character) LIKE on
 * the same columns.
 */
static enum fz_code keyword(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	struct fz_ctx *ctx = run->ctx;
	if (fz_text_blank(v))
		return FZ_OK;
	if (fz_utf8_chars(v) > 100)
		return fz_err_set(err, FZ_EBAD_VALUE, "q", "关键词不能超过 100 个字");
	char *clause = fz_arena_alloc(ctx->arena, 200), *value = fz_arena_alloc(ctx->arena, 512);
	if (fz_petition_indexed(ctx) &&
	    fz_search_match(ctx->db, "petition", "c.case_id", v, clause, 200, value, 512)) {
		fz_list_where(run, clause);
		fz_list_bind_text(run, value);
		return FZ_OK;
	}
	fz_search_like(v, value, 512);
	const char *cond = "";
	for (const char *const *c = like; *c; c++) {
		cond = fz_arena_printf(ctx->arena, "%s%s%s LIKE ? ESCAPE '\\'", cond,
				       *cond ? " OR " : "", *c);
		fz_list_bind_text(run, value);
	}
	fz_list_where(run, cond);
	return FZ_OK;
}

static const struct fz_list_filter filters[] = {
    {.param = "year",
     .label = "年度",
     .kind = FZ_LF_YEAR,
     .sql = "c.received_on",
     .hint = "按收到日期所在年度筛选",
     .tally = true},
    /* .tally: the condition holds on petition_tally too (the count without a join). */
    {.param = "agency_id",
     .label = "登记机关",
     .kind = FZ_LF_AGENCY,
     .sql = "c.agency_id = ?",
     .tally = true},
    /* An agency's petitions: those it registered and those it handles (the figures'). */
    {.param = "party_agency_id",
     .label = "登记或办理机关",
     .kind = FZ_LF_AGENCY,
     .sql = "? IN (c.agency_id, p.handler_agency_id)"},
    {.param = "handler_agency_id",
     .label = "办理机关",
     .kind = FZ_LF_AGENCY,
     .sql = "p.handler_agency_id = ?"},
    {.param = "state",
     .label = "状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_petition_type,
     .tally = true},
    {.param = "channel",
     .label = "信访渠道",
     .kind = FZ_LF_OPTION,
     .sql = "p.channel = ?",
     .options = fz_petition_channels},
    {.param = "matter_type",
     .label = "事项类别",
     .kind = FZ_LF_OPTION,
     .sql = "p.matter_type = ?",
     .options = fz_petition_matters},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "counted", .label = "不含重复信访", .kind = FZ_LF_FLAG, .sql = COUNTED},
    {.param = "accept_decided",
     .label = "已告知是否受理",
     .kind = FZ_LF_FLAG,
     .sql = ACCEPT_DECIDED},
    {.param = "accept_on_time",
     .label = "按期告知是否受理",
     .kind = FZ_LF_FLAG,
     .sql = ACCEPT_ON_TIME},
    {.param = "handle_done", .label = "已出具处理意见", .kind = FZ_LF_FLAG, .sql = HANDLE_DONE},
    {.param = "handle_on_time", .label = "按期办结", .kind = FZ_LF_FLAG, .sql = HANDLE_ON_TIME},
    {.param = "rated", .label = "已评价", .kind = FZ_LF_FLAG, .sql = RATED},
    {.param = "satisfied", .label = "满意或基本满意", .kind = FZ_LF_FLAG, .sql = SATISFIED},
    {.param = "q", .label = "关键词", .kind = FZ_LF_CUSTOM, .custom = keyword},
    {.param = NULL},
};

static json_t *row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	static const struct {
		const char *key;
		const struct fz_option *opts;
	} labelled[] = {{"channel", fz_petition_channels},
			{"matter_type", fz_petition_matters},
			{"outcome", fz_petition_outcomes},
			{"rating", fz_petition_ratings}};
	for (int i = 0; i < 4; i++) {
		const char *v = fz_col_text(st, 13 + i);
		fz_json_set_str(o, labelled[i].key, v);
		fz_json_set_str(o, fz_arena_printf(ctx->arena, "%s_label", labelled[i].key),
				v ? fz_option_label(labelled[i].opts, v) : NULL);
	}
	fz_json_set_str(o, "petitioner_name", fz_col_text(st, 17));
	json_object_set_new(o, "handler_agency_id",
			    fz_col_null(st, 18) ? json_null() : json_integer(fz_col_int(st, 18)));
	fz_json_set_str(o, "handler_agency_name", fz_col_text(st, 19));
	fz_json_set_str(o, "accepted_on", fz_col_text(st, 20));
	fz_json_set_str(o, "replied_on", fz_col_text(st, 21));
	json_object_set_new(o, "duplicate_of",
			    fz_col_null(st, 22) ? json_null() : json_integer(fz_col_int(st, 22)));
	fz_json_set_str(o, "duplicate_of_number", fz_col_text(st, 23));
	return o;
}

static const struct fz_list_col cols[] = {
    {.key = "number", .header = "编号", .width = 22},
    {.key = "channel_label", .header = "渠道", .width = 10},
    {.key = "petitioner_name", .header = "信访人", .width = 10},
    {.key = "title", .header = "信访事项", .width = 30},
    {.key = "matter_type_label", .header = "事项类别", .width = 10},
    {.key = "agency_name", .header = "登记机关", .width = 20},
    {.key = "handler_agency_name", .header = "办理机关", .width = 24},
    {.key = "state_label", .header = "状态"},
    {.key = "received_on", .header = "收到日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "accepted_on", .header = "受理日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "due_date", .header = "期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = "replied_on", .header = "处理意见日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "outcome_label", .header = "处理意见", .width = 10},
    {.key = "rating_label", .header = "评价", .width = 10},
    {.key = "duplicate_of_number", .header = "重复信访原件", .width = 22},
    {.key = NULL},
};

const struct fz_list fz_petition_list = {
    .name = "信访事项",
    .select = FZ_CASE_ROW_COLS ", p.channel, p.matter_type, p.outcome, p.rating,"
			       " p.petitioner_name, p.handler_agency_id, h.name, p.accepted_on,"
			       " p.replied_on, p.duplicate_of, d.number",
    .from = "case_record c JOIN petition p ON p.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN agency h ON h.agency_id = p.handler_agency_id"
	    " LEFT JOIN case_record d ON d.case_id = p.duplicate_of",
    .count_from = "case_record c JOIN petition p ON p.case_id = c.case_id",
    /*
     * A page's ids from case_record alone when every condition and the sort name only c (the
     * keyword's ids from the index included), then 20 rows joined: the rows skipped by the
     * offset, or the 13,000 matches of a keyword sorted, no longer read their petition rows.
     */
    .key_from = "(SELECT * FROM case_record WHERE case_type = 'petition') c",
    .key_aliases = "c",
    .key = "c.case_id",
    /* Unfiltered, or by year, registering agency or state: from the counts petition-004
     * keeps (the legal office's list as opened counted 212,000 rows in 0.7 s). */
    .tally_from = "petition_tally c",
    .where = "c.case_type = 'petition'",
    .scope = "c.agency_id",
    .shared = "c.case_id",
    .filters = filters,
    .sorts = sorts,
    .sort_default = "-received_on",
    .tiebreak = "c.case_id",
    .row = row,
    .columns = cols,
};

/* ---- named figures ---------------------------------------------------------------- */

#define BASE                                                                                       \
	"SELECT COUNT(*) FROM case_record c JOIN petition p ON p.case_id = c.case_id"              \
	" WHERE c.case_type = 'petition' AND c.received_on >= ?1 AND c.received_on <= ?2"          \
	" AND (?3 = 0 OR ?3 IN (c.agency_id, p.handler_agency_id))"
#define Q    "year={year}&party_agency_id={agency}"
#define LIST "GET /api/petitions"
#define CHANNEL(v, l)                                                                              \
	{                                                                                          \
		"petition.received." v, "信访事项（" l "）", "件", NULL,                           \
		    {LIST, Q "&counted=1&channel=" v},                                             \
		    BASE " AND " COUNTED " AND p.channel = '" v "'"                                \
	}

const struct fz_figure fz_petition_figures[] = {
    {"petition.received.total",
     "受理登记信访事项（不含重复信访）",
     "件",
     NULL,
     {LIST, Q "&counted=1"},
     BASE " AND " COUNTED},
    CHANNEL("visit", "来访"),
    CHANNEL("letter", "来信"),
    CHANNEL("phone", "电话"),
    CHANNEL("online", "网上信访"),
    CHANNEL("hotline", "12345热线"),
    CHANNEL("mailbox", "县长信箱转入"),
    {"petition.accept.decided",
     "已告知是否受理（及时受理率分母）",
     "件",
     NULL,
     {LIST, Q "&counted=1&accept_decided=1"},
     BASE " AND " COUNTED " AND " ACCEPT_DECIDED},
    {"petition.accept.on_time",
     "按期告知是否受理（及时受理率分子）",
     "件",
     NULL,
     {LIST, Q "&counted=1&accept_on_time=1"},
     BASE " AND " COUNTED " AND " ACCEPT_ON_TIME},
    {"petition.handle.done",
     "已出具处理意见（按期办结率分母）",
     "件",
     NULL,
     {LIST, Q "&counted=1&handle_done=1"},
     BASE " AND " COUNTED " AND " HANDLE_DONE},
    {"petition.handle.on_time",
     "按期办结（按期办结率分子）",
     "件",
     NULL,
     {LIST, Q "&counted=1&handle_on_time=1"},
     BASE " AND " COUNTED " AND " HANDLE_ON_TIME},
    {"petition.rating.rated",
     "已评价（群众满意率分母）",
     "件",
     NULL,
     {LIST, Q "&counted=1&rated=1"},
     BASE " AND " COUNTED " AND " RATED},
    {"petition.rating.satisfied",
     "群众满意（满意和基本满意）",
     "件",
     NULL,
     {LIST, Q "&counted=1&satisfied=1"},
     BASE " AND " COUNTED " AND " SATISFIED},
    {"petition.repeated",
     "重复信访",
     "件",
     NULL,
     {LIST, Q "&state=duplicate"},
     BASE " AND c.state = 'duplicate'"},
    {NULL},
};

/* ---- statistics ------------------------------------------------------------------- */

static json_t *rate(long num, long den)
{
	return den ? json_real((double)((num * 1000 + den / 2) / den) / 10.0) : json_null();
}

static enum fz_code group(struct fz_ctx *ctx, const char *sql, const char *lo, const char *hi,
			  int64_t scope, const struct fz_option *opts, json_t **out,
			  struct fz_err *err)
{
	json_t *arr = json_array();
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "ttii", lo, hi, scope, scope);
	if (!st) {
		json_decref(arr);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		const char *k = fz_col_text(st, 0);
		json_t *o = json_object();
		fz_json_set_str(o, "key", k);
		fz_json_set_str(o, "label", opts ? fz_option_label(opts, k) : fz_col_text(st, 1));
		json_object_set_new(o, "count", json_integer(fz_col_int(st, 2)));
		json_object_set_new(o, "on_time", json_integer(fz_col_int(st, 3)));
		json_object_set_new(o, "done", json_integer(fz_col_int(st, 4)));
		json_object_set_new(o, "on_time_rate", rate(fz_col_int(st, 3), fz_col_int(st, 4)));
		json_array_append_new(arr, o);
	}
	fz_stmt_done(st);
	*out = arr;
	return FZ_OK;
}

#define GROUP(key, name)                                                                           \
	"SELECT " key ", " name ", COUNT(*), SUM(CASE WHEN " HANDLE_ON_TIME " THEN 1 ELSE 0 END)," \
	" SUM(CASE WHEN " HANDLE_DONE " THEN 1 ELSE 0 END)"                                        \
	" FROM case_record c JOIN petition p ON p.case_id = c.case_id"                             \
	" JOIN agency a ON a.agency_id = c.agency_id"                                              \
	" LEFT JOIN agency h ON h.agency_id = p.handler_agency_id"                                 \
	" WHERE c.case_type = 'petition' AND " COUNTED                                             \
	" AND c.received_on >= ? AND c.received_on <= ?"                                           \
	" AND (? = 0 OR ? IN (c.agency_id, p.handler_agency_id))"

enum fz_code fz_petition_stats_json(struct fz_ctx *ctx, int year, json_t **out, struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	int64_t scope = fz_ctx_sees_all(ctx) ? 0 : (ctx->user ? ctx->user->agency_id : -1);
	static const char *const names[] = {"petition.received.total",	 "petition.accept.decided",
					    "petition.accept.on_time",	 "petition.handle.done",
					    "petition.handle.on_time",	 "petition.rating.rated",
					    "petition.rating.satisfied", "petition.repeated"};
	long v[8] = {0};
	json_t *figs = json_object();
	for (int i = 0; i < 8; i++) {
		enum fz_code rc =
		    fz_figure_value(ctx, names[i], year, scope < 0 ? 0 : scope, &v[i], err);
		if (rc) {
			json_decref(figs);
			return rc;
		}
		json_object_set_new(figs, names[i], json_integer(v[i]));
	}
	json_t *rates = json_pack("{s:o, s:o, s:o, s:o}", "timely_acceptance", rate(v[2], v[1]),
				  "on_time_handling", rate(v[4], v[3]), "satisfaction",
				  rate(v[6], v[5]), "repeated", rate(v[7], v[0] + v[7]));
	json_t *by_channel = NULL, *by_matter = NULL, *by_handler = NULL, *by_township = NULL;
	enum fz_code rc;
	if ((rc = group(ctx,
			GROUP("p.channel", "p.channel") " GROUP BY p.channel ORDER BY 3 DESC, 1",
			lo, hi, scope, fz_petition_channels, &by_channel, err)) ||
	    (rc = group(ctx,
			GROUP("p.matter_type",
			      "p.matter_type") " GROUP BY p.matter_type ORDER BY 3 DESC, 1",
			lo, hi, scope, fz_petition_matters, &by_matter, err)) ||
	    (rc = group(ctx,
			GROUP("CAST(h.agency_id AS TEXT)",
			      "h.name") " AND h.agency_id IS NOT NULL"
					" GROUP BY h.agency_id, h.name ORDER BY 3 DESC, 1",
			lo, hi, scope, NULL, &by_handler, err)) ||
	    /* The township heat table: petitions registered by a township, or registered by
	     * the county and routed to a township, each counted once for that township. */
	    (rc = group(ctx,
			GROUP("CAST(CASE WHEN a.kind = 'township' THEN a.agency_id"
			      " ELSE h.agency_id END AS TEXT)",
			      "CASE WHEN a.kind = 'township' THEN a.name ELSE h.name END")
			    " AND (a.kind = 'township' OR h.kind = 'township')"
			    " GROUP BY 1, 2 ORDER BY 3 DESC, 1",
			lo, hi, scope, NULL, &by_township, err))) {
		json_decref(figs);
		json_decref(rates);
		json_decref(by_channel);
		json_decref(by_matter);
		json_decref(by_handler);
		return rc;
	}
	*out = json_pack("{s:i, s:o, s:o, s:o, s:o, s:o, s:o}", "year", year, "figures", figs,
			 "rates", rates, "by_channel", by_channel, "by_matter", by_matter,
			 "by_handler", by_handler, "by_township", by_township);
	return FZ_OK;
}
