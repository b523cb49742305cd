/*
 * proposal_report.c - the lists (staff and portal), the yearly statistics and
 * the named figures of the module. The figures count items by the day they
 * were registered (the session's year); each one's drill-down is the staff
 * list with the same filters, so its total equals the value.
 */
#include <string.h>

#include "modules/proposal/proposal_int.h"
#include "platform/jsonx.h"

/* ---- the staff list -------------------------------------------------------------- */

static const struct fz_list_sort sorts[] = {
    {.name = "received_on", .expr = "c.received_on"},
    {.name = "created_at", .expr = "c.created_at"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = "number", .expr = "c.case_id"},
    {.name = "item_no", .expr = "x.item_no"},
    {.name = NULL},
};

static const char *const like[] = {"c.number", "x.title", "x.item_no", "x.content", NULL};

static const struct fz_list_filter filters[] = {
    {.param = "year",
     .label = "年度",
     .kind = FZ_LF_YEAR,
     .sql = "c.received_on",
     .hint = "按登记日期所在年度筛选"},
    {.param = "session_id",
     .label = "会次",
     .kind = FZ_LF_INT,
     .sql = "x.session_id = ?",
     .min = 1,
     .max = 1000000000},
    {.param = "body",
     .label = "机关",
     .kind = FZ_LF_OPTION,
     .sql = "x.body = ?",
     .options = fz_proposal_bodies},
    {.param = "state",
     .label = "状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_proposal_type},
    {.param = "agency_id", .label = "主办单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "on_time", .label = "按期答复", .kind = FZ_LF_FLAG, .sql = "x.on_time = 1"},
    {.param = "satisfied",
     .label = "满意或基本满意",
     .kind = FZ_LF_FLAG,
     .sql = "x.rating IN ('satisfied', 'basic')"},
    {.param = "difficult", .label = "难度大", .kind = FZ_LF_FLAG, .sql = "x.difficult = 1"},
    {.param = "result",
     .label = "办理结果类别",
     .kind = FZ_LF_OPTION,
     .sql = "x.result = ?",
     .options = fz_proposal_results},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 100, .like = like},
    {.param = NULL},
};

static json_t *row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "body", fz_col_text(st, 13));
	fz_json_set_str(o, "body_label", fz_option_label(fz_proposal_bodies, fz_col_text(st, 13)));
	fz_json_set_str(o, "session_name", fz_col_text(st, 14));
	fz_json_set_str(o, "item_no", fz_col_text(st, 15));
	long na = (long)fz_col_int(st, 26);
	fz_json_set_str(o, "authors",
			na > 1 ? fz_arena_printf(ctx->arena, "%s等%ld人", fz_col_text(st, 16), na)
			       : fz_col_text(st, 16));
	json_object_set_new(o, "difficult", json_boolean(fz_col_int(st, 17)));
	fz_json_set_str(o, "assigned_on", fz_col_text(st, 18));
	fz_json_set_str(o, "first_replied_on", fz_col_text(st, 19));
	json_object_set_new(o, "on_time",
			    fz_col_null(st, 20) ? json_null() : json_boolean(fz_col_int(st, 20)));
	fz_json_set_str(o, "result", fz_col_text(st, 21));
	fz_json_set_str(
	    o, "result_label",
	    fz_col_text(st, 21) ? fz_option_label(fz_proposal_results, fz_col_text(st, 21)) : NULL);
	const char *r = fz_col_text(st, 22);
	fz_json_set_str(o, "rating", r);
	fz_json_set_str(o, "rating_label",
			!r				 ? NULL
			: strcmp(r, "dissatisfied") == 0 ? "不满意"
							 : fz_option_label(fz_proposal_ratings, r));
	json_object_set_new(o, "round", json_integer(fz_col_int(st, 23)));
	json_object_set_new(o, "cohandlers", json_integer(fz_col_int(st, 24)));
	fz_json_set_str(o, "published_on", fz_col_text(st, 25));
	return o;
}

static const struct fz_list_col cols[] = {
    {.key = "number", .header = "登记号", .width = 22},
    {.key = "body_label", .header = "类别", .width = 14},
    {.key = "session_name", .header = "会次", .width = 36},
    {.key = "item_no", .header = "编号", .width = 8},
    {.key = "title", .header = "标题", .width = 40},
    {.key = "authors", .header = "提出人", .width = 20},
    {.key = "agency_name", .header = "主办单位", .width = 24},
    {.key = "state_label", .header = "状态"},
    {.key = "assigned_on", .header = "交办日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "due_date", .header = "答复期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = "first_replied_on", .header = "首次答复日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "on_time", .header = "按期答复", .kind = FZ_LC_BOOL, .width = 10},
    {.key = "result_label", .header = "办理结果", .width = 24},
    {.key = "rating_label", .header = "代表委员意见", .width = 12},
    {.key = NULL},
};

const struct fz_list fz_proposal_list = {
    .name = "建议提案",
    .select =
	FZ_CASE_ROW_COLS ", x.body, s.name, x.item_no,"
			 " (SELECT au.name FROM proposal_author au WHERE au.case_id = x.case_id"
			 "  AND au.ord = 1),"
			 " x.difficult, x.assigned_on, x.first_replied_on, x.on_time, x.result,"
			 " x.rating, x.round,"
			 " (SELECT COUNT(*) FROM proposal_cohandler h WHERE h.case_id = x.case_id),"
			 " x.published_on,"
			 " (SELECT COUNT(*) FROM proposal_author au WHERE au.case_id = x.case_id)",
    .from = "case_record c JOIN proposal_item x ON x.case_id = c.case_id"
	    " JOIN proposal_session s ON s.session_id = x.session_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .where = "c.case_type = 'proposal'",
    .scope = "c.agency_id",
    .shared = "c.case_id",
    .filters = filters,
    .sorts = sorts,
    .sort_default = "-created_at",
    .tiebreak = "c.case_id",
    .row = row,
    .columns = cols,
};

/* ---- the portal: published replies, never the authors' names or units ------------ */

static const char *const pub_like[] = {"x.title", "x.content", "x.reply_text", NULL};

static const struct fz_list_filter pub_filters[] = {
    {.param = "body",
     .label = "机关",
     .kind = FZ_LF_OPTION,
     .sql = "x.body = ?",
     .options = fz_proposal_bodies},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = pub_like},
    {.param = NULL},
};

static const struct fz_list_col pub_cols[] = {
    {"case_id", "x.case_id", FZ_LC_NUMBER},
    {"session_name", "s.name", FZ_LC_TEXT},
    {"body_label", "x.body", FZ_LC_LABEL, fz_proposal_bodies},
    {"item_no", "x.item_no", FZ_LC_TEXT},
    {"title", "x.title", FZ_LC_TEXT},
    {"result_label", "x.result", FZ_LC_LABEL, fz_proposal_results},
    {"reply_text", "x.reply_text", FZ_LC_TEXT},
    {"replied_on", "x.replied_on", FZ_LC_DATE},
    {"agency_name", "a.name", FZ_LC_TEXT},
    {NULL},
};

const struct fz_list fz_proposal_public_list = {
    .name = "建议提案公开答复",
    .from = "proposal_item x JOIN case_record c ON c.case_id = x.case_id"
	    " JOIN proposal_session s ON s.session_id = x.session_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .count_from = "proposal_item x",
    .where = "x.published_on IS NOT NULL",
    .filters = pub_filters,
    .order = "x.replied_on DESC, x.case_id DESC",
    .per_page = 10,
    .per_page_max = 50,
    .columns = pub_cols,
};

enum fz_code fz_proposal_public_one(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				    struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT x.case_id, s.name, x.body, x.item_no, x.title, x.content, x.result,"
			" x.reply_text, x.replied_on, a.name, x.published_on"
			" FROM proposal_item x JOIN case_record c ON c.case_id = x.case_id"
			" JOIN proposal_session s ON s.session_id = x.session_id"
			" JOIN agency a ON a.agency_id = c.agency_id"
			" WHERE x.case_id = ? AND x.published_on IS NOT NULL",
			"i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "没有找到该公开答复");
	}
	json_t *o = json_object();
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "session_name", fz_col_text(st, 1));
	fz_json_set_str(o, "body_label", fz_option_label(fz_proposal_bodies, fz_col_text(st, 2)));
	fz_json_set_str(o, "item_no", fz_col_text(st, 3));
	fz_json_set_str(o, "title", fz_col_text(st, 4));
	fz_json_set_str(o, "content", fz_col_text(st, 5));
	fz_json_set_str(
	    o, "result_label",
	    fz_col_text(st, 6) ? fz_option_label(fz_proposal_results, fz_col_text(st, 6)) : NULL);
	fz_json_set_str(o, "reply_text", fz_col_text(st, 7));
	fz_json_set_str(o, "replied_on", fz_col_text(st, 8));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 9));
	fz_json_set_str(o, "published_on", fz_col_text(st, 10));
	fz_stmt_done(st);
	*out = o;
	return FZ_OK;
}

/* ---- figures and statistics ------------------------------------------------------- */

#define LIST "GET /api/proposals"
#define COUNT(where)                                                                               \
	"SELECT COUNT(*) FROM proposal_item x JOIN case_record c ON c.case_id = x.case_id"         \
	" WHERE c.received_on >= ?1 AND c.received_on <= ?2 AND (?3 = 0 OR c.agency_id = "         \
	"?3)" where

const struct fz_figure fz_proposal_figures[] = {
    {"proposal.items.total",
     "人大代表建议和政协委员提案",
     "件",
     NULL,
     {LIST, "year={year}&agency_id={agency}"},
     COUNT("")},
    {"proposal.npc.total",
     "人大代表建议",
     "件",
     NULL,
     {LIST, "year={year}&body=npc&agency_id={agency}"},
     COUNT(" AND x.body = 'npc'")},
    {"proposal.cppcc.total",
     "政协委员提案",
     "件",
     NULL,
     {LIST, "year={year}&body=cppcc&agency_id={agency}"},
     COUNT(" AND x.body = 'cppcc'")},
    {"proposal.items.replied_on_time",
     "建议提案按期答复",
     "件",
     NULL,
     {LIST, "year={year}&on_time=1&agency_id={agency}"},
     COUNT(" AND x.on_time = 1")},
    {"proposal.items.satisfied",
     "代表委员满意或基本满意",
     "件",
     NULL,
     {LIST, "year={year}&satisfied=1&agency_id={agency}"},
     COUNT(" AND x.rating IN ('satisfied', 'basic')")},
    {"proposal.npc.satisfied",
     "人大代表建议：满意或基本满意",
     "件",
     NULL,
     {LIST, "year={year}&body=npc&satisfied=1&agency_id={agency}"},
     COUNT(" AND x.body = 'npc' AND x.rating IN ('satisfied', 'basic')")},
    {"proposal.cppcc.satisfied",
     "政协委员提案：满意或基本满意",
     "件",
     NULL,
     {LIST, "year={year}&body=cppcc&satisfied=1&agency_id={agency}"},
     COUNT(" AND x.body = 'cppcc' AND x.rating IN ('satisfied', 'basic')")},
    {NULL},
};

static json_t *rate(long part, long whole)
{
	return whole ? json_real((double)((part * 1000 + whole / 2) / whole) / 10.0) : json_null();
}

enum fz_code fz_proposal_stats_json(struct fz_ctx *ctx, int year, json_t **out, struct fz_err *err)
{
	char from[11], to[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), from);
	fz_date_format(fz_date_from_ymd(year, 12, 31), to);
	int64_t scope =
	    ctx->user && !(ctx->user->role & FZ_ROLES_ALL_AGENCIES) ? ctx->user->agency_id : 0;
	static const char *const names[] = {
	    "proposal.items.total",	      "proposal.npc.total",	  "proposal.cppcc.total",
	    "proposal.items.replied_on_time", "proposal.items.satisfied", "proposal.npc.satisfied",
	    "proposal.cppcc.satisfied"};
	json_t *figs = json_object();
	long v[7] = {0};
	for (size_t i = 0; i < 7; i++) {
		enum fz_code rc = fz_figure_value(ctx, names[i], year, scope, &v[i], err);
		if (rc) {
			json_decref(figs);
			return rc;
		}
		json_object_set_new(figs, names[i], json_integer(v[i]));
	}
	/* By body and by lead agency: registered, replied, on time, rated, satisfied. */
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT x.body, a.agency_id, a.name, COUNT(*),"
	    " SUM(CASE WHEN x.first_replied_on IS NOT NULL THEN 1 ELSE 0 END),"
	    " SUM(CASE WHEN x.on_time = 1 THEN 1 ELSE 0 END),"
	    " SUM(CASE WHEN x.rating IS NOT NULL THEN 1 ELSE 0 END),"
	    " SUM(CASE WHEN x.rating IN ('satisfied', 'basic') THEN 1 ELSE 0 END)"
	    " FROM proposal_item x JOIN case_record c ON c.case_id = x.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " WHERE c.received_on >= ? AND c.received_on <= ? AND (? = 0 OR c.agency_id = ?)"
	    " GROUP BY x.body, a.agency_id, a.name ORDER BY x.body DESC, COUNT(*) DESC, "
	    "a.agency_id",
	    "ttii", from, to, scope, scope);
	if (!st) {
		json_decref(figs);
		return err->code;
	}
	json_t *by_agency = json_array();
	long replied = 0, rated = 0;
	while (fz_stmt_row(st)) {
		long n = (long)fz_col_int(st, 3), r = (long)fz_col_int(st, 4),
		     ot = (long)fz_col_int(st, 5), rt = (long)fz_col_int(st, 6),
		     sat = (long)fz_col_int(st, 7);
		replied += r;
		rated += rt;
		json_t *o = json_pack(
		    "{s:s?, s:s?, s:I, s:s?, s:I, s:I, s:I, s:I, s:I}", "body", fz_col_text(st, 0),
		    "body_label", fz_option_label(fz_proposal_bodies, fz_col_text(st, 0)),
		    "agency_id", (json_int_t)fz_col_int(st, 1), "agency_name", fz_col_text(st, 2),
		    "items", (json_int_t)n, "replied", (json_int_t)r, "on_time", (json_int_t)ot,
		    "rated", (json_int_t)rt, "satisfied", (json_int_t)sat);
		json_object_set_new(o, "on_time_rate", rate(ot, r));
		json_object_set_new(o, "satisfied_rate", rate(sat, rt));
		json_array_append_new(by_agency, o);
	}
	fz_stmt_done(st);
	json_t *o = json_object();
	json_object_set_new(o, "year", json_integer(year));
	json_object_set_new(o, "figures", figs);
	json_object_set_new(o, "replied", json_integer(replied));
	json_object_set_new(o, "rated", json_integer(rated));
	/* 按期答复率 = on time / replied; 满意率 = satisfied or basically / rated. */
	json_object_set_new(o, "on_time_rate", rate(v[3], replied));
	json_object_set_new(o, "satisfied_rate", rate(v[4], rated));
	json_object_set_new(o, "by_agency", by_agency);
	*out = o;
	return FZ_OK;
}
