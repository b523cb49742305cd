/*
 * dec_catalogue.c - the yearly catalogue of major decisions (决策事项目录,
 * 《重大行政决策程序暂行条例》第三条): items proposed by the agencies, approved
 * by the county government (or the legal office), published on the portal,
 * adjusted during the year. Every change is a history row: what changed, why,
 * by whom and when; a published item that is taken off stays on the portal as
 * 已调出 with its reason.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/decision/dec_int.h"
#include "platform/jsonx.h"

#define EXEC(...) fz_stmt_exec(fz_db_query(ctx->db, err, __VA_ARGS__), err)

const struct fz_option fz_dec_item_statuses[] = {
    {"proposed", "已申报，待批准"},
    {"approved", "已批准，待公布"},
    {"published", "已公布"},
    {"dropped", "已调出目录"},
    {NULL, NULL},
};

const struct fz_input fz_dec_item_inputs[] = {
    {.name = "agency_id", .label = "承办单位", .type = FZ_IN_AGENCY},
    {.name = "year",
     .label = "目录年度",
     .type = FZ_IN_INT,
     .required = true,
     .min = 2000,
     .max = 2100},
    {.name = "title",
     .label = "决策事项名称",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 100},
    {.name = "reason",
     .label = "列入目录的理由（重大性说明）",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 2000},
    {.name = "basis", .label = "决策依据", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = "planned_quarter", .label = "计划完成季度", .type = FZ_IN_INT, .min = 1, .max = 4},
    {.name = NULL},
};

const struct fz_input fz_dec_item_edit_inputs[] = {
    {.name = "title", .label = "决策事项名称", .type = FZ_IN_TEXT, .max_chars = 100},
    {.name = "reason",
     .label = "列入目录的理由（重大性说明）",
     .type = FZ_IN_TEXTAREA,
     .max_chars = 2000},
    {.name = "basis", .label = "决策依据", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = "planned_quarter", .label = "计划完成季度", .type = FZ_IN_INT, .min = 1, .max = 4},
    {.name = "change_reason", .label = "调整理由", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
    {.name = NULL},
};

const struct fz_input fz_dec_reason_inputs[] = {
    {.name = "reason",
     .label = "调出目录的理由",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 1000},
    {.name = NULL},
};

const struct fz_input fz_dec_publish_inputs[] = {
    {.name = "year",
     .label = "目录年度",
     .type = FZ_IN_INT,
     .required = true,
     .min = 2000,
     .max = 2100},
    {.name = NULL},
};

static enum fz_code history(struct fz_ctx *ctx, int64_t item, const char *action, const char *what,
			    const char *reason, struct fz_err *err)
{
	char today[11], now[21];
	fz_date_format(ctx->today, today);
	fz_iso_utc(ctx->now, now);
	return EXEC(
	    "INSERT INTO dec_item_change(item_id, action, what, reason, changed_on, user_id,"
	    " user_name, created_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?)",
	    "ittttitt", item, action, what, reason, today,
	    ctx->user ? ctx->user->user_id : (int64_t)0, ctx->user ? ctx->user->display_name : NULL,
	    now);
}

enum fz_code fz_dec_item_create(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err)
{
	int64_t agency = (int64_t)json_integer_value(json_object_get(in, "agency_id"));
	if (!agency)
		agency = ctx->user ? ctx->user->agency_id : 0;
	if (!agency || (!fz_dec_is_gov(ctx) && (!ctx->user || ctx->user->agency_id != agency)))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能申报本单位承办的决策事项");
	char now[21];
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	json_t *q = json_object_get(in, "planned_quarter");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO dec_item(year, agency_id, title, reason, basis, planned_quarter, "
	    "created_by,"
	    " created_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NULLIF(?, 0), ?) RETURNING item_id",
	    "iittti"
	    "it",
	    (int64_t)json_integer_value(json_object_get(in, "year")), agency,
	    fz_json_str(in, "title"), fz_json_str(in, "reason"), fz_json_str(in, "basis"),
	    q ? (int64_t)json_integer_value(q) : (int64_t)0,
	    ctx->user ? ctx->user->user_id : (int64_t)0, now);
	if ((rc = fz_stmt_exec_id(st, id, err)) ||
	    (rc =
		 history(ctx, *id, "proposed",
			 fz_arena_printf(ctx->arena, "申报列入%lld年决策事项目录：%s",
					 (long long)json_integer_value(json_object_get(in, "year")),
					 fz_json_str(in, "title")),
			 NULL, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

struct item {
	int64_t agency_id, case_id;
	char status[16];
	const char *title, *reason, *basis;
	int64_t quarter;
	int year;
	char case_state[32];
};

static enum fz_code item_load(struct fz_ctx *ctx, int64_t id, struct item *it, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT i.agency_id, i.status, i.title, i.reason, i.basis, "
			"COALESCE(i.planned_quarter, 0),"
			" i.year, COALESCE(i.case_id, 0), COALESCE(c.state, '') FROM dec_item i"
			" LEFT JOIN case_record c ON c.case_id = i.case_id WHERE i.item_id = ?",
			"i", id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		struct fz_arena *a = ctx->arena;
		*it = (struct item){
		    .agency_id = fz_col_int(st, 0),
		    .title = fz_arena_strdup(a, fz_col_text(st, 2)),
		    .reason = fz_arena_strdup(a, fz_col_text(st, 3)),
		    .basis = fz_col_null(st, 4) ? "" : fz_arena_strdup(a, fz_col_text(st, 4)),
		    .quarter = fz_col_int(st, 5),
		    .year = (int)fz_col_int(st, 6),
		    .case_id = fz_col_int(st, 7),
		};
		snprintf(it->status, sizeof it->status, "%s", fz_col_text(st, 1));
		snprintf(it->case_state, sizeof it->case_state, "%s", fz_col_text(st, 8));
	}
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "决策事项目录中没有该项目");
	return FZ_OK;
}

enum fz_code fz_dec_item_approve(struct fz_ctx *ctx, int64_t id, struct fz_err *err)
{
	struct item it;
	enum fz_code rc = item_load(ctx, id, &it, err);
	if (rc)
		return rc;
	if (!fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "决策事项目录由县人民政府（或者法制机构）批准");
	if (strcmp(it.status, "proposed") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "该项目不是待批准的申报项目");
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = EXEC("UPDATE dec_item SET status = 'approved', approved_on = ?,"
		       " approved_by = NULLIF(?, 0) WHERE item_id = ?",
		       "tii", today, ctx->user ? ctx->user->user_id : (int64_t)0, id)) ||
	    (rc = history(ctx, id, "approved", "批准列入决策事项目录", NULL, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_dec_catalogue_publish(struct fz_ctx *ctx, int year, long *count, struct fz_err *err)
{
	if (!fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "决策事项目录由县人民政府（或者法制机构）公布");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT item_id FROM dec_item WHERE year = ? AND status = 'approved' ORDER BY item_id",
	    "I", year);
	if (!st)
		return err->code;
	int64_t ids[512];
	size_t n = 0;
	while (n < 512 && fz_stmt_row(st))
		ids[n++] = fz_col_int(st, 0);
	fz_stmt_done(st);
	if (!n)
		return fz_err_set(err, FZ_ESTATE, "year", "%d年没有已批准待公布的决策事项", year);
	/* Published before: the items approved since are 年度中调整增加. */
	long before = 0;
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT COUNT(*) FROM dec_item WHERE year = ? AND published_on IS NOT NULL", "I", year);
	if (st && fz_stmt_row(st))
		before = (long)fz_col_int(st, 0);
	fz_stmt_done(st);
	char today[11];
	fz_date_format(ctx->today, today);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	for (size_t i = 0; i < n && !rc; i++) {
		rc = EXEC(
		    "UPDATE dec_item SET status = 'published', published_on = ? WHERE item_id = ?",
		    "ti", today, ids[i]);
		if (!rc)
			rc = history(ctx, ids[i], "published",
				     before ? "年度中调整增加，在门户网站公布"
					    : "随年度决策事项目录在门户网站公布",
				     NULL, err);
	}
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	*count = (long)n;
	return fz_db_commit(ctx->db, err);
}

static bool may_change(struct fz_ctx *ctx, const struct item *it)
{
	return fz_dec_is_gov(ctx) || (ctx->user && ctx->user->agency_id == it->agency_id);
}

enum fz_code fz_dec_item_edit(struct fz_ctx *ctx, int64_t id, json_t *in, struct fz_err *err)
{
	struct item it;
	enum fz_code rc = item_load(ctx, id, &it, err);
	if (rc)
		return rc;
	if (!may_change(ctx, &it))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "只能调整本单位承办的决策事项");
	if (!strcmp(it.status, "dropped"))
		return fz_err_set(err, FZ_ESTATE, NULL, "该项目已调出目录，不能再调整");
	/* After approval only the government adjusts the catalogue, and says why. */
	bool listed = strcmp(it.status, "proposed") != 0;
	if (listed && !fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "已批准的决策事项目录由县人民政府（或者法制机构）调整");
	const char *why = fz_json_str(in, "change_reason");
	if (listed && fz_dec_blank(why))
		return fz_err_set(err, FZ_EMISSING_FIELD, "change_reason",
				  "调整已批准的决策事项目录，应当说明调整理由");
	static const char *const keys[] = {"title", "reason", "basis", NULL};
	static const char *const labels[] = {"决策事项名称", "列入理由", "决策依据"};
	const char *old[] = {it.title, it.reason, it.basis};
	char what[4096] = "";
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	for (int i = 0; keys[i] && !rc; i++) {
		const char *v = fz_json_str(in, keys[i]);
		if (!v || strcmp(v, old[i]) == 0)
			continue;
		char *sql = fz_arena_printf(
		    ctx->arena, "UPDATE dec_item SET %s = ? WHERE item_id = ?", keys[i]);
		rc = EXEC(sql, "ti", v, id);
		size_t len = strlen(what);
		snprintf(what + len, sizeof what - len, "%s%s：由“%s”改为“%s”", len ? "；" : "",
			 labels[i], old[i], v);
	}
	json_t *q = json_object_get(in, "planned_quarter");
	if (!rc && q && json_integer_value(q) != it.quarter) {
		rc = EXEC("UPDATE dec_item SET planned_quarter = ? WHERE item_id = ?", "ii",
			  (int64_t)json_integer_value(q), id);
		size_t len = strlen(what);
		snprintf(what + len, sizeof what - len,
			 "%s计划完成季度：由第%lld季度改为第%lld季度", len ? "；" : "",
			 (long long)it.quarter, (long long)json_integer_value(q));
	}
	if (!rc && what[0])
		rc = history(ctx, id, "adjusted", what, fz_dec_blank(why) ? NULL : why, err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_dec_item_drop(struct fz_ctx *ctx, int64_t id, const char *reason,
			      struct fz_err *err)
{
	struct item it;
	enum fz_code rc = item_load(ctx, id, &it, err);
	if (rc)
		return rc;
	if (!may_change(ctx, &it) || (strcmp(it.status, "proposed") != 0 && !fz_dec_is_gov(ctx)))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "已批准的决策事项由县人民政府（或者法制机构）调出目录");
	if (!strcmp(it.status, "dropped"))
		return fz_err_set(err, FZ_ESTATE, NULL, "该项目已调出目录");
	if (it.case_id && strcmp(it.case_state, "abandoned") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "该项目已启动决策程序，应当先终止决策再调出目录");
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = EXEC("UPDATE dec_item SET status = 'dropped', dropped_on = ?, drop_reason = ?"
		       " WHERE item_id = ?",
		       "tti", today, reason, id)) ||
	    (rc = history(ctx, id, "dropped", "调出决策事项目录", reason, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

/* ---- reading ------------------------------------------------------------------------- */

#define ITEM_COLS                                                                                  \
	"i.item_id, i.year, i.agency_id, a.name, i.title, i.reason, i.basis, i.planned_quarter,"   \
	" i.status, i.approved_on, i.published_on, i.dropped_on, i.drop_reason, i.case_id,"        \
	" c.number, c.state"

static json_t *item_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	json_t *o = json_object();
	json_object_set_new(o, "item_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "year", json_integer(fz_col_int(st, 1)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 2)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 3));
	fz_json_set_str(o, "title", fz_col_text(st, 4));
	fz_json_set_str(o, "reason", fz_col_text(st, 5));
	fz_json_set_str(o, "basis", fz_col_text(st, 6));
	json_object_set_new(o, "planned_quarter",
			    fz_col_null(st, 7) ? json_null() : json_integer(fz_col_int(st, 7)));
	fz_json_set_str(o, "status", fz_col_text(st, 8));
	fz_json_set_str(o, "status_label",
			fz_option_label(fz_dec_item_statuses, fz_col_text(st, 8)));
	fz_json_set_str(o, "approved_on", fz_col_text(st, 9));
	fz_json_set_str(o, "published_on", fz_col_text(st, 10));
	fz_json_set_str(o, "dropped_on", fz_col_text(st, 11));
	fz_json_set_str(o, "drop_reason", fz_col_text(st, 12));
	json_object_set_new(o, "case_id",
			    fz_col_null(st, 13) ? json_null() : json_integer(fz_col_int(st, 13)));
	fz_json_set_str(o, "case_number", fz_col_text(st, 14));
	const char *state = fz_col_text(st, 15);
	fz_json_set_str(o, "case_state", state);
	const struct fz_state *s = state ? fz_flow_state(&fz_dec_type, state) : NULL;
	fz_json_set_str(o, "case_state_label", s ? s->label : NULL);
	return o;
}

static const char *const item_like[] = {"i.title", "i.reason", NULL};

static const struct fz_list_filter item_filters[] = {
    {.param = "year",
     .label = "目录年度",
     .kind = FZ_LF_INT,
     .sql = "i.year = ?",
     .min = 2000,
     .max = 2100},
    {.param = "agency_id", .label = "承办单位", .kind = FZ_LF_AGENCY, .sql = "i.agency_id = ?"},
    {.param = "status",
     .label = "状态",
     .kind = FZ_LF_OPTION,
     .sql = "i.status = ?",
     .options = fz_dec_item_statuses},
    {.param = "published",
     .label = "已公布",
     .kind = FZ_LF_FLAG,
     .sql = "i.published_on IS NOT NULL"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = item_like},
    {.param = NULL},
};

static const struct fz_list_sort item_sorts[] = {
    {.name = "item_id", .expr = "i.item_id"},
    {.name = "agency", .expr = "a.sort_order, a.agency_id"},
    {.name = "planned_quarter", .expr = "i.planned_quarter", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col item_cols[] = {
    {.key = "year", .header = "年度", .kind = FZ_LC_NUMBER, .width = 8},
    {.key = "title", .header = "决策事项", .width = 40},
    {.key = "agency_name", .header = "承办单位", .width = 24},
    {.key = "reason", .header = "列入理由", .width = 40},
    {.key = "planned_quarter", .header = "计划完成季度", .kind = FZ_LC_NUMBER, .width = 12},
    {.key = "status_label", .header = "状态", .width = 14},
    {.key = "published_on", .header = "公布日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "case_number", .header = "决策编号", .width = 20},
    {.key = "case_state_label", .header = "决策环节", .width = 18},
    {.key = "drop_reason", .header = "调出理由", .width = 30},
    {.key = NULL},
};

/*
 * Staff: an agency's users list their own agency's items; the county government, the legal
 * office and the leaders the whole county's (approval and publication are theirs).
 */
static enum fz_code catalogue_scope(struct fz_list_run *run, struct fz_err *err)
{
	(void)err;
	struct fz_ctx *ctx = run->ctx;
	if (ctx->user && !fz_ctx_sees_all(ctx) && !fz_dec_is_gov(ctx)) {
		fz_list_where(run, "i.agency_id = ?");
		fz_list_bind_int(run, ctx->user->agency_id);
	}
	return FZ_OK;
}

const struct fz_list fz_dec_catalogue_list = {
    .name = "重大行政决策事项目录",
    .select = ITEM_COLS,
    .from = "dec_item i JOIN agency a ON a.agency_id = i.agency_id"
	    " LEFT JOIN case_record c ON c.case_id = i.case_id",
    .filters = item_filters,
    .sorts = item_sorts,
    .sort_default = "item_id",
    .tiebreak = "i.item_id",
    .row = item_row,
    .columns = item_cols,
    .prepare = catalogue_scope,
};

static const struct fz_list_filter public_item_filters[] = {
    {.param = "year",
     .label = "目录年度",
     .kind = FZ_LF_INT,
     .sql = "i.year = ?",
     .min = 2000,
     .max = 2100},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = item_like},
    {.param = NULL},
};

/* The portal: the published catalogue, and published items taken off with their reason. */
const struct fz_list fz_dec_public_catalogue_list = {
    .name = "重大行政决策事项目录（公开）",
    .select = ITEM_COLS,
    .from = "dec_item i JOIN agency a ON a.agency_id = i.agency_id"
	    " LEFT JOIN case_record c ON c.case_id = i.case_id",
    .where = "i.published_on IS NOT NULL",
    .filters = public_item_filters,
    .order = "i.year DESC, i.item_id",
    .per_page = 50,
    .row = item_row,
    .columns = item_cols,
};

enum fz_code fz_dec_item_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " ITEM_COLS " FROM dec_item i"
					 " JOIN agency a ON a.agency_id = i.agency_id"
					 " LEFT JOIN case_record c ON c.case_id = i.case_id"
					 " WHERE i.item_id = ?",
					 "i", id);
	if (!st)
		return err->code;
	json_t *o = fz_stmt_row(st) ? item_row(ctx, st, NULL) : NULL;
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "决策事项目录中没有该项目");
	json_t *h = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT change_id, action, what, reason, changed_on, user_name FROM"
			 " dec_item_change WHERE item_id = ? ORDER BY change_id",
			 "i", id);
	static const struct fz_option actions[] = {{"proposed", "申报"},  {"approved", "批准"},
						   {"published", "公布"}, {"adjusted", "调整"},
						   {"dropped", "调出"},	  {NULL, NULL}};
	while (st && fz_stmt_row(st)) {
		json_t *r = json_object();
		json_object_set_new(r, "change_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(r, "action", fz_col_text(st, 1));
		fz_json_set_str(r, "action_label", fz_option_label(actions, fz_col_text(st, 1)));
		fz_json_set_str(r, "what", fz_col_text(st, 2));
		fz_json_set_str(r, "reason", fz_col_text(st, 3));
		fz_json_set_str(r, "changed_on", fz_col_text(st, 4));
		fz_json_set_str(r, "by", fz_col_text(st, 5));
		json_array_append_new(h, r);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "history", h);
	bool mine = ctx->user &&
		    ctx->user->agency_id == json_integer_value(json_object_get(o, "agency_id"));
	bool gov = fz_dec_is_gov(ctx);
	const char *status = json_string_value(json_object_get(o, "status"));
	json_object_set_new(o, "may_approve", json_boolean(gov && !strcmp(status, "proposed")));
	json_object_set_new(o, "may_edit",
			    json_boolean(strcmp(status, "dropped") != 0 &&
					 (gov || (mine && !strcmp(status, "proposed")))));
	json_object_set_new(
	    o, "may_start",
	    json_boolean((mine || (ctx->user && (ctx->user->role & FZ_ROLES_LEGAL))) &&
			 (!strcmp(status, "approved") || !strcmp(status, "published")) &&
			 json_is_null(json_object_get(o, "case_id"))));
	*out = o;
	return FZ_OK;
}
