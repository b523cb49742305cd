/*
 * norm_campaign.c - cleanup campaigns (规范性文件清理): the legal office opens
 * a campaign, every document in force that day is listed to its agency, each
 * agency decides its own (保留 / 修改 / 废止 / 宣布失效, with a reason), the
 * office follows the progress per agency and closes the campaign, which
 * applies the decisions, and publishes its counts on the portal.
 *
 * Facts (spec statutory-rules §8): periodic cleanup, each document kept,
 * amended or repealed, with counts published. What a closing does to a
 * document: 废止 and 宣布失效 end it on the closing day (a version of kind
 * 'repeal' or 'lapse' records the end); 修改 marks it for amendment
 * (norm_document.amend_campaign_id), the amendment itself being a new draft.
 *
 * Not for: a single document's repeal outside a campaign (the library's).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"

const struct fz_option fz_norm_cleanup_decisions[] = {
    {"keep", "保留"}, {"amend", "修改"}, {"repeal", "废止"}, {"declare_invalid", "宣布失效"},
    {NULL, NULL},
};

const struct fz_input fz_norm_campaign_inputs[] = {
    {.name = "name", .label = "清理名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "basis",
     .label = "清理依据",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 2000},
    {.name = "due_on", .label = "完成期限", .type = FZ_IN_DATE, .required = true},
    {.name = NULL},
};

const struct fz_input fz_norm_cleanup_inputs[] = {
    {.name = "decision",
     .label = "清理意见",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_norm_cleanup_decisions},
    {.name = "reason",
     .label = "理由",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 1000},
    {.name = NULL},
};

/* The agency an agency user is bound to, 0 for the roles that see every agency. */
static int64_t scope_of(struct fz_ctx *ctx)
{
	if (fz_ctx_sees_all(ctx))
		return 0;
	return ctx->user ? ctx->user->agency_id : -1;
}

static enum fz_code event(struct fz_ctx *ctx, const char *action, int64_t campaign_id,
			  const char *note, json_t *input, struct fz_err *err)
{
	json_object_set_new(input, "campaign_id", json_integer(campaign_id));
	struct fz_event ev = {.entity = "norm_campaign",
			      .action = action,
			      .note = note,
			      .input = fz_json_text(ctx->arena, input, NULL)};
	json_decref(input);
	return fz_audit_append(ctx, &ev, NULL, err);
}

struct campaign {
	int64_t id;
	char status[16], name[304];
};

static enum fz_code load(struct fz_ctx *ctx, int64_t id, struct campaign *c, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT status, name FROM norm_campaign WHERE campaign_id = ?", "i", id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		c->id = id;
		snprintf(c->status, sizeof c->status, "%s", fz_col_text(st, 0));
		snprintf(c->name, sizeof c->name, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	return found ? FZ_OK : fz_err_set(err, FZ_ENOT_FOUND, "id", "记录不存在");
}

enum fz_code fz_norm_campaign_open(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err)
{
	int due;
	if (fz_date_parse(fz_json_str(in, "due_on"), &due))
		return fz_err_set(err, FZ_EBAD_DATE, "due_on", "完成期限无效");
	if (due < ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "due_on", "完成期限不能早于今天");
	char today[11], now[21];
	fz_date_format(ctx->today, today);
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	/* One campaign at a time: a document cannot be decided twice at once. */
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT name FROM norm_campaign WHERE status = 'open' LIMIT 1", NULL);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	if (fz_stmt_row(st)) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "清理“%s”尚未结束，结束后才能开展新的清理",
				fz_col_text(st, 0));
		fz_stmt_done(st);
		goto fail;
	}
	fz_stmt_done(st);
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO norm_campaign(name, basis, opened_on, due_on, status, created_by,"
	    " created_at) VALUES (?, ?, ?, ?, 'open', ?, ?) RETURNING campaign_id",
	    "ttttit", fz_json_str(in, "name"), fz_json_str(in, "basis"), today,
	    fz_json_str(in, "due_on"), ctx->user ? ctx->user->user_id : 0, now);
	if (!st || (rc = fz_stmt_exec_id(st, id, err))) {
		rc = st ? rc : err->code;
		goto fail;
	}
	/* Every document in force today, listed to the agency that issued it. */
	rc = fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"INSERT INTO norm_campaign_item(campaign_id, doc_id, agency_id)"
			" SELECT ?, doc_id, agency_id FROM norm_document WHERE status = 'in_force'"
			" AND ended_on IS NULL AND (valid_until IS NULL OR valid_until >= ?)",
			"it", *id, today),
	    err);
	if (rc)
		goto fail;
	if ((rc = event(ctx, "campaign_open", *id, fz_json_str(in, "name"), json_deep_copy(in),
			err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_norm_campaign_decide(struct fz_ctx *ctx, int64_t id, int64_t doc_id, json_t *in,
				     struct fz_err *err)
{
	struct campaign c;
	enum fz_code rc = load(ctx, id, &c, err);
	if (rc)
		return rc;
	/* Another agency's item answers as a missing one. */
	int64_t scope = scope_of(ctx);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT 1 FROM norm_campaign_item WHERE campaign_id = ? AND doc_id = ?"
			" AND (? = 0 OR agency_id = ?)",
			"iiii", id, doc_id, scope, scope);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "doc_id", "本次清理中没有该文件");
	if (strcmp(c.status, "open") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "清理“%s”已经结束，不能再更改清理意见",
				  c.name);
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	rc = fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"UPDATE norm_campaign_item SET decision = ?, reason = ?, decided_on = ?,"
			" decided_by = ? WHERE campaign_id = ? AND doc_id = ?",
			"tttiii", fz_json_str(in, "decision"), fz_json_str(in, "reason"), today,
			ctx->user ? ctx->user->user_id : 0, id, doc_id),
	    err);
	if (!rc) {
		json_t *ev = json_deep_copy(in);
		json_object_set_new(ev, "doc_id", json_integer(doc_id));
		rc = event(ctx, "campaign_decide", id, fz_json_str(in, "reason"), ev, err);
	}
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_norm_campaign_close(struct fz_ctx *ctx, int64_t id, json_t **out,
				    struct fz_err *err)
{
	struct campaign c;
	enum fz_code rc = load(ctx, id, &c, err);
	if (rc)
		return rc;
	if (strcmp(c.status, "open") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "清理“%s”已经结束", c.name);
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT COUNT(*) FROM norm_campaign_item WHERE campaign_id = ? AND decision IS NULL",
	    "i", id);
	if (!st)
		return err->code;
	int64_t open = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (open)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "尚有 %lld 件规范性文件未作出清理意见，全部作出后才能结束清理",
				  (long long)open);
	char today[11];
	fz_date_format(ctx->today, today);
	const char *why = fz_arena_printf(ctx->arena, "经“%s”清理", c.name);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT doc_id, decision, reason FROM norm_campaign_item WHERE campaign_id = ?"
	    " AND decision IN ('repeal', 'declare_invalid') ORDER BY doc_id",
	    "i", id);
	json_t *ends = json_array();
	while (st && fz_stmt_row(st))
		json_array_append_new(ends, json_pack("{s:I, s:b, s:s?}", "doc_id",
						      (json_int_t)fz_col_int(st, 0), "repeal",
						      strcmp(fz_col_text(st, 1), "repeal") == 0,
						      "reason", fz_col_text(st, 2)));
	if (!st || fz_stmt_failed(st, err)) {
		fz_stmt_done(st);
		json_decref(ends);
		rc = err->code;
		goto fail;
	}
	fz_stmt_done(st);
	size_t i;
	json_t *e;
	json_array_foreach (ends, i, e) {
		bool repeal = json_is_true(json_object_get(e, "repeal"));
		const char *reason = fz_json_str(e, "reason");
		const char *summary = fz_arena_printf(ctx->arena, "%s，决定%s。理由：%s", why,
						      repeal ? "废止" : "宣布失效", reason ? reason : "");
		if ((rc = fz_norm_end(ctx, json_integer_value(json_object_get(e, "doc_id")),
				      ctx->today, repeal ? "repeal" : "lapse", summary, err)))
			break;
	}
	json_decref(ends);
	if (rc)
		goto fail;
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
			     "UPDATE norm_document SET amend_campaign_id = ? WHERE doc_id IN"
			     " (SELECT doc_id FROM norm_campaign_item WHERE campaign_id = ?"
			     " AND decision = 'amend')",
			     "ii", id, id),
		 err);
	if (!rc)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_campaign SET status = 'closed', closed_on = ?"
				     " WHERE campaign_id = ?",
				     "ti", today, id),
			 err);
	if (!rc)
		rc = event(ctx, "campaign_close", id, c.name, json_object(), err);
	if (rc)
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		return rc;
	return fz_norm_campaign_json(ctx, id, false, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_norm_campaign_publish(struct fz_ctx *ctx, int64_t id, json_t **out,
				      struct fz_err *err)
{
	struct campaign c;
	enum fz_code rc = load(ctx, id, &c, err);
	if (rc)
		return rc;
	if (strcmp(c.status, "closed") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  strcmp(c.status, "open") == 0
				      ? "清理“%s”尚未结束，结束后才能公布结果"
				      : "清理“%s”的结果已经公布",
				  c.name);
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
			     "UPDATE norm_campaign SET status = 'published', published_on = ?"
			     " WHERE campaign_id = ?",
			     "ti", today, id),
		 err);
	if (!rc)
		rc = event(ctx, "campaign_publish", id, c.name, json_object(), err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		return rc;
	return fz_norm_campaign_json(ctx, id, false, out, err);
}

/* ---- views ------------------------------------------------------------------------- */

static const char *opt(struct fz_stmt *st, int col)
{
	return fz_col_null(st, col) ? NULL : fz_col_text(st, col);
}

/* The counts of one campaign (for scope, 0: every agency) as {total, decided, keep, ...}. */
static const char COUNTS[] = "COUNT(*), SUM(CASE WHEN i.decision IS NOT NULL THEN 1 ELSE 0 END),"
			     " SUM(CASE WHEN i.decision = 'keep' THEN 1 ELSE 0 END),"
			     " SUM(CASE WHEN i.decision = 'amend' THEN 1 ELSE 0 END),"
			     " SUM(CASE WHEN i.decision = 'repeal' THEN 1 ELSE 0 END),"
			     " SUM(CASE WHEN i.decision = 'declare_invalid' THEN 1 ELSE 0 END)";

static json_t *counts_json(struct fz_stmt *st, int col)
{
	return json_pack(
	    "{s:I, s:I, s:I, s:I, s:I, s:I}", "reviewed", (json_int_t)fz_col_int(st, col),
	    "decided", (json_int_t)fz_col_int(st, col + 1), "kept",
	    (json_int_t)fz_col_int(st, col + 2), "amended", (json_int_t)fz_col_int(st, col + 3),
	    "repealed", (json_int_t)fz_col_int(st, col + 4), "declared_invalid",
	    (json_int_t)fz_col_int(st, col + 5));
}

static json_t *campaign_head(struct fz_stmt *st)
{
	json_t *o = json_object();
	json_object_set_new(o, "campaign_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "name", fz_col_text(st, 1));
	fz_json_set_str(o, "basis", opt(st, 2));
	fz_json_set_str(o, "opened_on", fz_col_text(st, 3));
	fz_json_set_str(o, "due_on", opt(st, 4));
	fz_json_set_str(o, "status", fz_col_text(st, 5));
	const char *s = fz_col_text(st, 5);
	fz_json_set_str(o, "status_label",
			strcmp(s, "open") == 0	   ? "清理中"
			: strcmp(s, "closed") == 0 ? "已结束，待公布"
						   : "已公布");
	fz_json_set_str(o, "closed_on", opt(st, 6));
	fz_json_set_str(o, "published_on", opt(st, 7));
	return o;
}

#define HEAD_COLS                                                                                  \
	"c.campaign_id, c.name, c.basis, c.opened_on, c.due_on, c.status, c.closed_on,"            \
	" c.published_on"

enum fz_code fz_norm_campaigns_json(struct fz_ctx *ctx, bool public, json_t **out,
				    struct fz_err *err)
{
	int64_t scope = public ? 0 : scope_of(ctx);
	char *sql = fz_arena_printf(
	    ctx->arena,
	    "SELECT " HEAD_COLS ", %s FROM norm_campaign c LEFT JOIN norm_campaign_item i"
	    " ON i.campaign_id = c.campaign_id AND (? = 0 OR i.agency_id = ?)"
	    " WHERE (? = 0 OR c.status = 'published')"
	    " GROUP BY " HEAD_COLS " ORDER BY c.opened_on DESC, c.campaign_id DESC",
	    COUNTS);
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "iiI", scope, scope, public ? 1 : 0);
	if (!st)
		return err->code;
	json_t *items = json_array();
	while (fz_stmt_row(st)) {
		json_t *o = campaign_head(st);
		json_object_set_new(o, "counts", counts_json(st, 8));
		json_array_append_new(items, o);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(items);
		return err->code;
	}
	*out = json_pack("{s:o, s:I}", "items", items, "total", (json_int_t)json_array_size(items));
	return FZ_OK;
}

enum fz_code fz_norm_campaign_json(struct fz_ctx *ctx, int64_t id, bool public, json_t **out,
				   struct fz_err *err)
{
	int64_t scope = public ? 0 : scope_of(ctx);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT " HEAD_COLS " FROM norm_campaign c WHERE c.campaign_id = ?"
			" AND (? = 0 OR c.status = 'published')",
			"iI", id, public ? 1 : 0);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id",
				  public ? "没有找到该清理结果" : "记录不存在");
	}
	json_t *o = campaign_head(st);
	fz_stmt_done(st);
	/* The counts, over the caller's scope, and per agency. */
	char *sql = fz_arena_printf(ctx->arena,
				    "SELECT %s FROM norm_campaign_item i WHERE i.campaign_id = ?"
				    " AND (? = 0 OR i.agency_id = ?)",
				    COUNTS);
	st = fz_db_query(ctx->db, err, sql, "iii", id, scope, scope);
	if (st && fz_stmt_row(st))
		json_object_set_new(o, "counts", counts_json(st, 0));
	fz_stmt_done(st);
	sql = fz_arena_printf(
	    ctx->arena,
	    "SELECT i.agency_id, a.name, %s FROM norm_campaign_item i"
	    " JOIN agency a ON a.agency_id = i.agency_id WHERE i.campaign_id = ?"
	    " AND (? = 0 OR i.agency_id = ?) GROUP BY i.agency_id, a.name, a.sort_order"
	    " ORDER BY a.sort_order, i.agency_id",
	    COUNTS);
	json_t *agencies = json_array();
	st = fz_db_query(ctx->db, err, sql, "iii", id, scope, scope);
	while (st && fz_stmt_row(st)) {
		json_t *a = counts_json(st, 2);
		json_object_set_new(a, "agency_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(a, "agency_name", fz_col_text(st, 1));
		json_array_append_new(agencies, a);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "agencies", agencies);
	/*
	 * Staff: every item in scope. The portal: only the documents repealed or
	 * declared invalid, as the published result lists them.
	 */
	json_t *items = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT i.doc_id, d.title, d.number, d.issuing_body, i.agency_id, a.name, d.issued_on,"
	    " d.valid_until, d.status, i.decision, i.reason, i.decided_on"
	    " FROM norm_campaign_item i JOIN norm_document d ON d.doc_id = i.doc_id"
	    " JOIN agency a ON a.agency_id = i.agency_id WHERE i.campaign_id = ?"
	    " AND (? = 0 OR i.agency_id = ?)"
	    " AND (? = 0 OR i.decision IN ('repeal', 'declare_invalid'))"
	    " ORDER BY a.sort_order, i.agency_id, d.issued_on, i.doc_id",
	    "iiiI", id, scope, scope, public ? 1 : 0);
	while (st && fz_stmt_row(st)) {
		json_t *x = json_object();
		json_object_set_new(x, "doc_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(x, "title", fz_col_text(st, 1));
		fz_json_set_str(x, "number", fz_col_text(st, 2));
		fz_json_set_str(x, "issuing_body", fz_col_text(st, 3));
		json_object_set_new(x, "agency_id", json_integer(fz_col_int(st, 4)));
		fz_json_set_str(x, "agency_name", fz_col_text(st, 5));
		fz_json_set_str(x, "issued_on", fz_col_text(st, 6));
		if (!public) {
			fz_json_set_str(x, "valid_until", opt(st, 7));
			fz_json_set_str(x, "doc_status", fz_col_text(st, 8));
		}
		const char *d = opt(st, 9);
		fz_json_set_str(x, "decision", d);
		fz_json_set_str(x, "decision_label",
				d ? fz_option_label(fz_norm_cleanup_decisions, d) : NULL);
		fz_json_set_str(x, "reason", opt(st, 10));
		fz_json_set_str(x, "decided_on", opt(st, 11));
		json_array_append_new(items, x);
	}
	bool failed = !st || fz_stmt_failed(st, err);
	fz_stmt_done(st);
	json_object_set_new(o, "items", items);
	if (failed) {
		json_decref(o);
		return err->code;
	}
	json_object_set_new(o, "decisions", fz_options_json(fz_norm_cleanup_decisions));
	*out = o;
	return FZ_OK;
}
