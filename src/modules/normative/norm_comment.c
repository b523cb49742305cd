/*
 * norm_comment.c - public comment on a draft (公开征求意见): the portal's list
 * of consultations and a draft's page, the public's comments with a tracking
 * code, the drafter's answer to each, and after closing the account of how
 * comments were taken up (stored by the close_comment step, norm_draft.c).
 *
 * The portal shows a draft only while it is out for comment, or after its
 * account is published: any other draft is answered like a missing one.
 * A comment is taken only from comment_from to comment_to inclusive
 * (国办发〔2018〕37号: the period, in general at least 7 working days).
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"

const struct fz_option fz_norm_adoptions[] = {
	{"yes", "采纳"},
	{"partly", "部分采纳"},
	{"no", "不予采纳"},
	{NULL, NULL},
};

const struct fz_input fz_norm_comment_inputs[] = {
	{.name = "name", .label = "姓名或者单位名称", .type = FZ_IN_TEXT, .max_chars = 60},
	{.name = "contact", .label = "联系方式", .type = FZ_IN_TEXT, .required = true, .max_chars = 60},
	{.name = "content", .label = "意见和建议", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 3000},
	{.name = NULL},
};

const struct fz_input fz_norm_answer_inputs[] = {
	{.name = "adopted", .label = "采纳情况", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_norm_adoptions},
	{.name = "answer", .label = "答复说明", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 2000},
	{.name = NULL},
};

/* The drafts the portal shows: out for comment now, or closed with the account published. */
#define PUBLIC_WHERE                                                                            \
	"c.case_type = 'norm_doc' AND d.comment_from IS NOT NULL"                               \
	" AND (c.state = 'commenting' OR d.account_published_on IS NOT NULL)"

/* open / upcoming / ended (awaiting the account) / closed, and the working days left. */
static void period_json(struct fz_ctx *ctx, json_t *o, const char *state, const char *from,
			const char *to, bool published)
{
	int f = 0, t = 0;
	fz_date_parse(from, &f);
	fz_date_parse(to, &t);
	const char *status, *label;
	bool commenting = strcmp(state, "commenting") == 0;
	if (commenting && ctx->today < f)
		status = "upcoming", label = "即将开始";
	else if (commenting && ctx->today <= t)
		status = "open", label = "正在征求意见";
	else if (commenting || !published)
		status = "ended", label = "征求意见已结束，正在整理意见";
	else
		status = "closed", label = "已结束，采纳情况已公布";
	fz_json_set_str(o, "status", status);
	fz_json_set_str(o, "status_label", label);
	json_object_set_new(o, "open", json_boolean(strcmp(status, "open") == 0));
	if (strcmp(status, "open") == 0) {
		int left = 0;
		/* Working days in [today, to]: today counts while it is one. */
		if (!fz_calendar_workdays_between(ctx->cal, ctx->today - 1, t, &left))
			json_object_set_new(o, "days_left", json_integer(left));
	}
}

static json_t *consultation_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = json_object();
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "title", fz_col_text(st, 1));
	fz_json_set_str(o, "issuing_body", fz_col_text(st, 2));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 3));
	fz_json_set_str(o, "comment_from", fz_col_text(st, 4));
	fz_json_set_str(o, "comment_to", fz_col_text(st, 5));
	fz_json_set_str(o, "account_published_on", fz_col_null(st, 6) ? NULL : fz_col_text(st, 6));
	json_object_set_new(o, "comment_count", json_integer(fz_col_int(st, 7)));
	period_json(ctx, o, fz_col_text(st, 8), fz_col_text(st, 4), fz_col_text(st, 5),
		    !fz_col_null(st, 6));
	return o;
}

static const struct fz_option public_statuses[] = {
	{"open", "正在征求意见"},
	{"closed", "已结束"},
	{NULL, NULL},
};

static const char *const consult_like[] = {"d.title", "d.issuing_body", NULL};

static const struct fz_list_filter consult_filters[] = {
	{.param = "status", .label = "状态", .kind = FZ_LF_OPTION,
	 .sql = "(CASE WHEN c.state = 'commenting' THEN 'open' ELSE 'closed' END) = ?",
	 .options = public_statuses},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = consult_like},
	{.param = NULL},
};

static const struct fz_list_col consult_cols[] = {
	{.key = "title", .header = "草案名称"},
	{.key = NULL},
};

static const struct fz_list consultations_list = {
	.name = "规范性文件草案公开征求意见",
	.select = "c.case_id, d.title, d.issuing_body, a.name, d.comment_from, d.comment_to,"
		  " d.account_published_on,"
		  " (SELECT COUNT(*) FROM norm_comment m WHERE m.case_id = c.case_id), c.state",
	.from = "case_record c JOIN norm_draft d ON d.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id",
	.where = PUBLIC_WHERE,
	.filters = consult_filters,
	.order = "CASE WHEN c.state = 'commenting' THEN 0 ELSE 1 END, d.comment_from DESC, c.case_id DESC",
	.row = consultation_row,
	.columns = consult_cols,
};

enum fz_code fz_norm_consultations_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &consultations_list, out, err);
}

enum fz_code fz_norm_consultation_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "征求意见的草案不存在", err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.case_id, d.title, d.issuing_body, a.name, d.comment_from, d.comment_to,"
		" d.account_published_on,"
		" (SELECT COUNT(*) FROM norm_comment m WHERE m.case_id = c.case_id), c.state,"
		" d.drafting_note, d.basis, d.body, d.comment_short_reason, d.comment_account,"
		" (SELECT COUNT(*) FROM norm_comment m WHERE m.case_id = c.case_id AND m.adopted = 'yes'),"
		" (SELECT COUNT(*) FROM norm_comment m WHERE m.case_id = c.case_id AND m.adopted = 'partly')"
		" FROM case_record c JOIN norm_draft d ON d.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id WHERE c.case_id = ? AND " PUBLIC_WHERE,
		"i", id);
	if (!st)
		return err->code;
	json_t *o = NULL;
	if (fz_stmt_row(st)) {
		o = consultation_row(ctx, st, NULL);
		fz_json_set_str(o, "drafting_note", fz_col_text(st, 9));
		fz_json_set_str(o, "basis", fz_col_text(st, 10));
		fz_json_set_str(o, "body", fz_col_text(st, 11));
		fz_json_set_str(o, "short_reason", fz_col_null(st, 12) ? NULL : fz_col_text(st, 12));
		/* The account is published with the page once the comment is closed. */
		fz_json_set_str(o, "account", fz_col_null(st, 13) ? NULL : fz_col_text(st, 13));
		json_object_set_new(o, "adopted_count", json_integer(fz_col_int(st, 14)));
		json_object_set_new(o, "partly_count", json_integer(fz_col_int(st, 15)));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(o);
		return err->code;
	}
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "征求意见的草案不存在");
	*out = o;
	return FZ_OK;
}

enum fz_code fz_norm_comment_submit(struct fz_ctx *ctx, int64_t case_id, json_t *in,
				    char code[15], int64_t *comment_id, struct fz_err *err)
{
	struct fz_norm_draft_ref d;
	enum fz_code rc = fz_norm_draft_find(ctx, case_id, false, &d, err);
	if (rc)
		return rc;
	bool commenting = strcmp(d.state, "commenting") == 0;
	if (!d.comment_from[0] || (!commenting && !d.account_published))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "征求意见的草案不存在");
	int from = 0, to = 0;
	fz_date_parse(d.comment_from, &from);
	fz_date_parse(d.comment_to, &to);
	if (!commenting || ctx->today > to)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "本草案的征求意见期为 %s 至 %s，已经结束，不再接收意见", d.comment_from,
				  d.comment_to);
	if (ctx->today < from)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "本草案的征求意见期为 %s 至 %s，尚未开始，请于开始后提交意见",
				  d.comment_from, d.comment_to);
	unsigned char raw[12];
	randombytes_buf(raw, sizeof raw);
	fz_tracking_from_bytes(raw, code);
	char today[11], now[21];
	fz_date_format(ctx->today, today);
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	const char *name = fz_json_str(in, "name");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO norm_comment(case_id, tracking_code, name, contact, content, submitted_on,"
		" created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING comment_id",
		"ittttt" "t", case_id, code, name && !fz_text_blank(name) ? name : NULL,
		fz_json_str(in, "contact"), fz_json_str(in, "content"), today, now);
	if ((rc = fz_stmt_exec_id(st, comment_id, err)))
		goto fail;
	/* The event names the comment, not the commenter (their words stay in the comment). */
	if ((rc = fz_norm_audit(ctx, case_id, "norm_comment", "comment", NULL, NULL,
				fz_arena_printf(ctx->arena, "{\"comment_id\":%lld}",
						(long long)*comment_id),
				err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_norm_comment_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, comment = 0;
	char code[15];
	enum fz_code rc = fz_req_path_id(req, &id, "征求意见的草案不存在", err);
	if (!rc)
		rc = fz_norm_comment_submit(req->ctx, id, req->body, code, &comment, err);
	if (rc)
		return rc;
	char today[11];
	fz_date_format(req->ctx->today, today);
	*out = json_pack("{s:s, s:s, s:I}", "tracking_code", code, "submitted_on", today, "case_id",
			 (json_int_t)id);
	return FZ_OK;
}

static void answer_json(json_t *o, struct fz_stmt *st, int col)
{
	const char *adopted = fz_col_null(st, col) ? NULL : fz_col_text(st, col);
	fz_json_set_str(o, "adopted", adopted);
	fz_json_set_str(o, "adopted_label", adopted ? fz_option_label(fz_norm_adoptions, adopted) : NULL);
	fz_json_set_str(o, "answer", fz_col_null(st, col + 1) ? NULL : fz_col_text(st, col + 1));
	fz_json_set_str(o, "answered_on", fz_col_null(st, col + 2) ? NULL : fz_col_text(st, col + 2));
}

enum fz_code fz_norm_comment_track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	char code[15];
	json_t *o = NULL;
	if (fz_tracking_normalize(req->params[0], code)) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"SELECT m.tracking_code, m.case_id, d.title, d.issuing_body, m.submitted_on,"
			" m.content, m.adopted, m.answer, m.answered_on, d.comment_from, d.comment_to,"
			" d.account_published_on, c.state"
			" FROM norm_comment m JOIN norm_draft d ON d.case_id = m.case_id"
			" JOIN case_record c ON c.case_id = m.case_id WHERE m.tracking_code = ?",
			"t", code);
		if (!st)
			return err->code;
		if (fz_stmt_row(st)) {
			o = json_object();
			fz_json_set_str(o, "tracking_code", fz_col_text(st, 0));
			json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 1)));
			fz_json_set_str(o, "title", fz_col_text(st, 2));
			fz_json_set_str(o, "issuing_body", fz_col_text(st, 3));
			fz_json_set_str(o, "submitted_on", fz_col_text(st, 4));
			fz_json_set_str(o, "content", fz_col_text(st, 5));
			answer_json(o, st, 6);
			fz_json_set_str(o, "comment_from", fz_col_text(st, 9));
			fz_json_set_str(o, "comment_to", fz_col_text(st, 10));
			bool commenting = strcmp(fz_col_text(st, 12), "commenting") == 0;
			/* The draft's page is public while it is so (link from the comment). */
			json_object_set_new(o, "consultation_public",
					    json_boolean(commenting || !fz_col_null(st, 11)));
		}
		fz_stmt_done(st);
	}
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "未查询到该查询码对应的意见，请核对后重新输入");
	*out = o;
	return FZ_OK;
}

/* ---- staff: the draft's comments and the answers ---- */

enum fz_code fz_norm_draft_comments(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id;
	struct fz_norm_draft_ref d;
	enum fz_code rc = fz_req_path_id(req, &id, "规范性文件草案不存在", err);
	if (rc || (rc = fz_norm_draft_find(ctx, id, true, &d, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT comment_id, tracking_code, name, contact, content, submitted_on, adopted, answer,"
		" answered_on FROM norm_comment WHERE case_id = ? ORDER BY comment_id",
		"i", id);
	if (!st)
		return err->code;
	json_t *items = json_array();
	long answered = 0;
	while (fz_stmt_row(st)) {
		json_t *o = json_object();
		json_object_set_new(o, "comment_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(o, "tracking_code", fz_col_text(st, 1));
		fz_json_set_str(o, "name", fz_col_null(st, 2) ? NULL : fz_col_text(st, 2));
		fz_json_set_str(o, "contact", fz_col_text(st, 3));
		fz_json_set_str(o, "content", fz_col_text(st, 4));
		fz_json_set_str(o, "submitted_on", fz_col_text(st, 5));
		answer_json(o, st, 6);
		answered += !fz_col_null(st, 6);
		json_array_append_new(items, o);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(items);
		return err->code;
	}
	*out = json_pack("{s:o, s:I, s:I, s:b}", "items", items, "total",
			 (json_int_t)json_array_size(items), "answered", (json_int_t)answered,
			 "may_answer",
			 fz_norm_is_drafter(ctx, &d) &&
				 (!strcmp(d.state, "drafting") || !strcmp(d.state, "commenting")));
	return FZ_OK;
}

enum fz_code fz_norm_comment_answer(struct fz_ctx *ctx, int64_t comment_id, json_t *in,
				    struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT case_id FROM norm_comment WHERE comment_id = ?", "i",
					 comment_id);
	if (!st)
		return err->code;
	int64_t case_id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	struct fz_norm_draft_ref d;
	enum fz_code rc = case_id ? fz_norm_draft_find(ctx, case_id, true, &d, err)
				  : fz_err_set(err, FZ_ENOT_FOUND, "id", "意见不存在");
	if (rc)
		return rc;
	if (!fz_norm_is_drafter(ctx, &d))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "意见由起草单位答复");
	if (strcmp(d.state, "drafting") != 0 && strcmp(d.state, "commenting") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "草案已送审或者已终止，不能再修改意见的答复");
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "UPDATE norm_comment SET adopted = ?, answer = ?, answered_on = ?,"
				  " answered_by = NULLIF(?, 0) WHERE comment_id = ?",
				  "tttii", fz_json_str(in, "adopted"), fz_json_str(in, "answer"), today,
				  ctx->user ? ctx->user->user_id : (int64_t)0, comment_id),
		      err)) ||
	    (rc = fz_norm_audit(ctx, case_id, "norm_comment", "comment_answer", NULL, in,
				fz_arena_printf(ctx->arena, "{\"comment_id\":%lld}",
						(long long)comment_id),
				err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_norm_answer_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "意见不存在", err);
	if (!rc)
		rc = fz_norm_comment_answer(req->ctx, id, req->body, err);
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:s}", "comment_id", (json_int_t)id, "adopted_label",
			 fz_option_label(fz_norm_adoptions, fz_json_str(req->body, "adopted")));
	return FZ_OK;
}
