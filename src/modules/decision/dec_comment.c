/*
 * dec_comment.c - the public's part: comment pages of decisions out for
 * public comment (《重大行政决策程序暂行条例》第十四条、第十五条), a comment only
 * inside the period with a tracking code, the undertaking agency's answer to
 * each, and the published decisions with how the comments were taken up
 * (第三十二条). Patterns of the normative module's norm_comment.c.
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/decision/dec_int.h"
#include "platform/jsonx.h"

#define EXEC(...) fz_stmt_exec(fz_db_query(ctx->db, err, __VA_ARGS__), err)

const struct fz_option fz_dec_adoptions[] = {
    {"yes", "采纳"},
    {"partly", "部分采纳"},
    {"no", "不予采纳"},
    {NULL, NULL},
};

const struct fz_input fz_dec_comment_inputs[] = {
    {.name = "name", .label = "姓名或者单位名称", .type = FZ_IN_TEXT, .max_chars = 60},
    {.name = "contact", .label = "联系方式", .type = FZ_IN_TEXT, .required = true, .max_chars = 60},
    {.name = "content",
     .label = "意见和建议",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 3000},
    {.name = NULL},
};

const struct fz_input fz_dec_answer_inputs[] = {
    {.name = "adopted",
     .label = "采纳情况",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_dec_adoptions},
    {.name = "answer",
     .label = "答复说明",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 2000},
    {.name = NULL},
};

/* Shown on the portal: out for comment now, or the comment closed (its summary public). */
#define PUBLIC_WHERE                                                                               \
	"c.case_type = 'major_decision' AND d.comment_from IS NOT NULL"                            \
	" AND (c.state = 'participation' OR d.comment_closed_on IS NOT NULL)"

static void period_json(struct fz_ctx *ctx, json_t *o, const char *state, const char *from,
			const char *to)
{
	int f = 0, t = 0;
	fz_date_parse(from, &f);
	fz_date_parse(to, &t);
	const char *status, *label;
	bool open = strcmp(state, "participation") == 0;
	if (open && ctx->today < f)
		status = "upcoming", label = "即将开始";
	else if (open && ctx->today <= t)
		status = "open", label = "正在征求意见";
	else if (open)
		status = "ended", label = "征求意见已结束，正在整理意见";
	else
		status = "closed", label = "征求意见已结束";
	fz_json_set_str(o, "status", status);
	fz_json_set_str(o, "status_label", label);
	json_object_set_new(o, "open", json_boolean(strcmp(status, "open") == 0));
	if (strcmp(status, "open") == 0)
		json_object_set_new(o, "days_left", json_integer(t - ctx->today + 1));
}

#define CONSULT_COLS                                                                               \
	"c.case_id, d.title, a.name, d.comment_from, d.comment_to, d.comment_days,"                \
	" d.comment_short_reason, (SELECT COUNT(*) FROM dec_comment m WHERE m.case_id = "          \
	"c.case_id),"                                                                              \
	" c.state, d.hearing_on, d.hearing_place, c.number"

static json_t *consult_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = json_object();
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "title", fz_col_text(st, 1));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 2));
	fz_json_set_str(o, "comment_from", fz_col_text(st, 3));
	fz_json_set_str(o, "comment_to", fz_col_text(st, 4));
	json_object_set_new(o, "comment_days", json_integer(fz_col_int(st, 5)));
	/* A period shorter than the rule's is published with its reason (第十五条). */
	fz_json_set_str(o, "short_reason", fz_col_text(st, 6));
	json_object_set_new(o, "comment_count", json_integer(fz_col_int(st, 7)));
	fz_json_set_str(o, "hearing_on", fz_col_text(st, 9));
	fz_json_set_str(o, "hearing_place", fz_col_text(st, 10));
	fz_json_set_str(o, "number", fz_col_text(st, 11));
	period_json(ctx, o, fz_col_text(st, 8), fz_col_text(st, 3), fz_col_text(st, 4));
	return o;
}

static const struct fz_option public_statuses[] = {
    {"open", "正在征求意见"},
    {"closed", "已结束"},
    {NULL, NULL},
};

static const char *const consult_like[] = {"d.title", NULL};

static const struct fz_list_filter consult_filters[] = {
    {.param = "status",
     .label = "状态",
     .kind = FZ_LF_OPTION,
     .sql = "(CASE WHEN c.state = 'participation' THEN 'open' ELSE 'closed' END) = ?",
     .options = public_statuses},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = consult_like},
    {.param = NULL},
};

static const struct fz_list_col consult_cols[] = {
    {.key = "title", .header = "决策事项"},
    {.key = NULL},
};

const struct fz_list fz_dec_consultations_list = {
    .name = "重大行政决策公开征求意见",
    .select = CONSULT_COLS,
    .from = "case_record c JOIN dec_decision d ON d.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .where = PUBLIC_WHERE,
    .filters = consult_filters,
    .order = "CASE WHEN c.state = 'participation' THEN 0 ELSE 1 END, d.comment_from DESC,"
	     " c.case_id DESC",
    .row = consult_row,
    .columns = consult_cols,
};

enum fz_code fz_dec_consultation_json(struct fz_ctx *ctx, int64_t id, json_t **out,
				      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT " CONSULT_COLS
	    ", d.draft, d.explanation, d.comment_summary, d.comment_closed_on"
	    " FROM case_record c JOIN dec_decision d ON d.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id WHERE c.case_id = ? AND " PUBLIC_WHERE,
	    "i", id);
	if (!st)
		return err->code;
	json_t *o = NULL;
	if (fz_stmt_row(st)) {
		o = consult_row(ctx, st, NULL);
		fz_json_set_str(o, "draft", fz_col_text(st, 12));
		fz_json_set_str(o, "explanation", fz_col_text(st, 13));
		fz_json_set_str(o, "comment_summary", fz_col_text(st, 14));
		fz_json_set_str(o, "comment_closed_on", fz_col_text(st, 15));
	}
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "征求意见的决策事项不存在");
	*out = o;
	return FZ_OK;
}

enum fz_code fz_dec_comment_submit(struct fz_ctx *ctx, int64_t case_id, json_t *in, char code[15],
				   int64_t *id, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT c.state, COALESCE(d.comment_from, ''), COALESCE(d.comment_to, '')"
			" FROM case_record c JOIN dec_decision d ON d.case_id = c.case_id"
			" WHERE c.case_id = ? AND " PUBLIC_WHERE,
			"i", case_id);
	if (!st)
		return err->code;
	char state[32] = "", from_s[11] = "", to_s[11] = "";
	bool found = fz_stmt_row(st);
	if (found) {
		snprintf(state, sizeof state, "%s", fz_col_text(st, 0));
		snprintf(from_s, sizeof from_s, "%s", fz_col_text(st, 1));
		snprintf(to_s, sizeof to_s, "%s", fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "征求意见的决策事项不存在");
	int from = 0, to = 0;
	fz_date_parse(from_s, &from);
	fz_date_parse(to_s, &to);
	if (strcmp(state, "participation") != 0 || ctx->today > to)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "本事项的征求意见期为 %s 至 %s，已经结束，不再接收意见", from_s,
				  to_s);
	if (ctx->today < from)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "本事项的征求意见期为 %s 至 %s，尚未开始，请于开始后提交意见",
				  from_s, to_s);
	unsigned char raw[12];
	randombytes_buf(raw, sizeof raw);
	fz_tracking_from_bytes(raw, code);
	char today[11], now[21];
	fz_date_format(ctx->today, today);
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	const char *name = fz_json_str(in, "name");
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO dec_comment(case_id, tracking_code, name, contact, content,"
	    " submitted_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING comment_id",
	    "itttttt", case_id, code, fz_dec_blank(name) ? NULL : name, fz_json_str(in, "contact"),
	    fz_json_str(in, "content"), today, now);
	if ((rc = fz_stmt_exec_id(st, id, err)) ||
	    (rc = fz_dec_audit(ctx, case_id, "dec_comment", "comment", NULL,
			       fz_arena_printf(ctx->arena, "{\"comment_id\":%lld}", (long long)*id),
			       err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_dec_comment_track_json(struct fz_ctx *ctx, const char *code_in, json_t **out,
				       struct fz_err *err)
{
	char code[15];
	json_t *o = NULL;
	if (fz_tracking_normalize(code_in, code)) {
		struct fz_stmt *st =
		    fz_db_query(ctx->db, err,
				"SELECT m.tracking_code, m.case_id, d.title, m.submitted_on, "
				"m.content, m.adopted,"
				" m.answer, m.answered_on, d.comment_from, d.comment_to"
				" FROM dec_comment m JOIN dec_decision d ON d.case_id = m.case_id"
				" WHERE m.tracking_code = ?",
				"t", code);
		if (!st)
			return err->code;
		if (fz_stmt_row(st)) {
			o = json_object();
			fz_json_set_str(o, "tracking_code", fz_col_text(st, 0));
			json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 1)));
			fz_json_set_str(o, "title", fz_col_text(st, 2));
			fz_json_set_str(o, "submitted_on", fz_col_text(st, 3));
			fz_json_set_str(o, "content", fz_col_text(st, 4));
			const char *a = fz_col_text(st, 5);
			fz_json_set_str(o, "adopted", a);
			fz_json_set_str(o, "adopted_label",
					a ? fz_option_label(fz_dec_adoptions, a) : NULL);
			fz_json_set_str(o, "answer", fz_col_text(st, 6));
			fz_json_set_str(o, "answered_on", fz_col_text(st, 7));
			fz_json_set_str(o, "comment_from", fz_col_text(st, 8));
			fz_json_set_str(o, "comment_to", fz_col_text(st, 9));
		}
		fz_stmt_done(st);
	}
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "code",
				  "未查询到该查询码对应的意见，请核对后重新输入");
	*out = o;
	return FZ_OK;
}

/* ---- staff: comments and answers ----------------------------------------------------- */

static json_t *comment_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	json_t *o = json_object();
	json_object_set_new(o, "comment_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 1)));
	fz_json_set_str(o, "tracking_code", fz_col_text(st, 2));
	fz_json_set_str(o, "name", fz_col_text(st, 3));
	fz_json_set_str(o, "contact", fz_col_text(st, 4));
	fz_json_set_str(o, "content", fz_col_text(st, 5));
	fz_json_set_str(o, "submitted_on", fz_col_text(st, 6));
	const char *a = fz_col_text(st, 7);
	fz_json_set_str(o, "adopted", a);
	fz_json_set_str(o, "adopted_label", a ? fz_option_label(fz_dec_adoptions, a) : NULL);
	fz_json_set_str(o, "answer", fz_col_text(st, 8));
	fz_json_set_str(o, "answered_on", fz_col_text(st, 9));
	fz_json_set_str(o, "title", fz_col_text(st, 10));
	fz_json_set_str(o, "number", fz_col_text(st, 11));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 12)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 13));
	return o;
}

#define COMMENT_COLS                                                                               \
	"m.comment_id, m.case_id, m.tracking_code, m.name, m.contact, m.content, m.submitted_on,"  \
	" m.adopted, m.answer, m.answered_on, c.title, c.number, c.agency_id, a.name"

static const struct fz_list_filter comment_filters[] = {
    {.param = "year", .label = "提交年度", .kind = FZ_LF_YEAR, .sql = "m.submitted_on"},
    {.param = "agency_id", .label = "承办单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "case_id", .label = "决策事项", .kind = FZ_LF_ID, .sql = "m.case_id = ?"},
    {.param = "adopted",
     .label = "采纳情况",
     .kind = FZ_LF_OPTION,
     .sql = "m.adopted = ?",
     .options = fz_dec_adoptions},
    {.param = "taken_up",
     .label = "采纳或者部分采纳",
     .kind = FZ_LF_FLAG,
     .sql = "m.adopted IN ('yes', 'partly')"},
    {.param = NULL},
};

static const struct fz_list_col comment_cols[] = {
    {.key = "number", .header = "决策编号", .width = 20},
    {.key = "title", .header = "决策事项", .width = 30},
    {.key = "agency_name", .header = "承办单位", .width = 20},
    {.key = "submitted_on", .header = "提交日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "name", .header = "提出人", .width = 14},
    {.key = "content", .header = "意见", .width = 50},
    {.key = "adopted_label", .header = "采纳情况", .width = 10},
    {.key = "answer", .header = "答复", .width = 40},
    {.key = NULL},
};

const struct fz_list fz_dec_comments_list = {
    .name = "重大行政决策公众意见",
    .select = COMMENT_COLS,
    .from = "dec_comment m JOIN case_record c ON c.case_id = m.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .scope = "c.agency_id",
    .shared = "c.case_id",
    .filters = comment_filters,
    .order = "m.comment_id DESC",
    .row = comment_row,
    .columns = comment_cols,
};

enum fz_code fz_dec_case_comments_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				       struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " COMMENT_COLS " FROM dec_comment m"
					 " JOIN case_record c ON c.case_id = m.case_id"
					 " JOIN agency a ON a.agency_id = c.agency_id"
					 " WHERE m.case_id = ? ORDER BY m.comment_id",
					 "i", case_id);
	if (!st)
		return err->code;
	json_t *items = json_array();
	long answered = 0;
	while (fz_stmt_row(st)) {
		json_t *o = comment_row(ctx, st, NULL);
		answered += json_is_string(json_object_get(o, "adopted"));
		json_array_append_new(items, o);
	}
	fz_stmt_done(st);
	*out = json_pack("{s:o, s:I, s:I}", "items", items, "total",
			 (json_int_t)json_array_size(items), "answered", (json_int_t)answered);
	return FZ_OK;
}

enum fz_code fz_dec_comment_answer(struct fz_ctx *ctx, int64_t id, json_t *in, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT m.case_id, c.agency_id, c.state FROM dec_comment m"
			" JOIN case_record c ON c.case_id = m.case_id WHERE m.comment_id = ?",
			"i", id);
	if (!st)
		return err->code;
	int64_t case_id = 0, agency = 0;
	char state[32] = "";
	if (fz_stmt_row(st)) {
		case_id = fz_col_int(st, 0);
		agency = fz_col_int(st, 1);
		snprintf(state, sizeof state, "%s", fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!case_id)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "意见不存在");
	if (!ctx->user || !(ctx->user->agency_id == agency || (ctx->user->role & FZ_ROLES_LEGAL)))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "公众意见由承办单位答复");
	if (fz_dec_state_decided(state))
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "决策已作出或者已终止，不能再修改意见的答复");
	char today[11];
	fz_date_format(ctx->today, today);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = EXEC("UPDATE dec_comment SET adopted = ?, answer = ?, answered_on = ?,"
		       " answered_by = NULLIF(?, 0) WHERE comment_id = ?",
		       "tttii", fz_json_str(in, "adopted"), fz_json_str(in, "answer"), today,
		       ctx->user->user_id, id)) ||
	    (rc = fz_dec_audit(ctx, case_id, "dec_comment", "comment_answer", in,
			       fz_arena_printf(ctx->arena, "{\"comment_id\":%lld}", (long long)id),
			       err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

/* ---- published decisions on the portal ----------------------------------------------- */

#define PUB_COLS                                                                                   \
	"c.case_id, c.number, d.title, a.name, d.decided_on, d.outcome, d.published_on,"           \
	" d.publish_channel, m.title, d.comment_from IS NOT NULL,"                                 \
	" (SELECT COUNT(*) FROM dec_comment x WHERE x.case_id = c.case_id),"                       \
	" (SELECT COUNT(*) FROM dec_comment x WHERE x.case_id = c.case_id AND x.adopted IN "       \
	"('yes', 'partly'))"

static json_t *pub_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	json_t *o = json_object();
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "number", fz_col_text(st, 1));
	fz_json_set_str(o, "title", fz_col_text(st, 2));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 3));
	fz_json_set_str(o, "decided_on", fz_col_text(st, 4));
	fz_json_set_str(o, "outcome", fz_col_text(st, 5));
	fz_json_set_str(o, "outcome_label", fz_option_label(fz_dec_outcomes, fz_col_text(st, 5)));
	fz_json_set_str(o, "published_on", fz_col_text(st, 6));
	fz_json_set_str(o, "channel", fz_col_text(st, 7));
	fz_json_set_str(o, "meeting_title", fz_col_text(st, 8));
	json_object_set_new(o, "participation", json_boolean(fz_col_int(st, 9)));
	json_object_set_new(o, "comment_count", json_integer(fz_col_int(st, 10)));
	json_object_set_new(o, "comment_adopted", json_integer(fz_col_int(st, 11)));
	return o;
}

static const char *const pub_like[] = {"d.title", NULL};

static const struct fz_list_filter pub_filters[] = {
    {.param = "year", .label = "公布年度", .kind = FZ_LF_YEAR, .sql = "d.published_on"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = pub_like},
    {.param = NULL},
};

const struct fz_list fz_dec_public_list = {
    .name = "已公布的重大行政决策",
    .select = PUB_COLS,
    .from = "case_record c JOIN dec_decision d ON d.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN dec_meeting m ON m.meeting_id = d.meeting_id",
    .where = "c.case_type = 'major_decision' AND d.published_on IS NOT NULL",
    .filters = pub_filters,
    .order = "d.published_on DESC, c.case_id DESC",
    .row = pub_row,
    .columns = consult_cols,
};

enum fz_code fz_dec_public_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT " PUB_COLS ", d.decision_text, d.publish_account, d.comment_summary,"
	    " d.comment_from, d.comment_to, d.comment_short_reason, d.hearing_on, d.expert_done_on,"
	    " d.risk_done_on, d.reviewed_on"
	    " FROM case_record c JOIN dec_decision d ON d.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN dec_meeting m ON m.meeting_id = d.meeting_id"
	    " WHERE c.case_id = ? AND c.case_type = 'major_decision'"
	    " AND d.published_on IS NOT NULL",
	    "i", id);
	if (!st)
		return err->code;
	json_t *o = NULL;
	if (fz_stmt_row(st)) {
		o = pub_row(ctx, st, NULL);
		static const char *const k[] = {"decision_text",
						"comment_account",
						"comment_summary",
						"comment_from",
						"comment_to",
						"short_reason",
						"hearing_on",
						"expert_done_on",
						"risk_done_on",
						"reviewed_on",
						NULL};
		for (int i = 0; k[i]; i++)
			fz_json_set_str(o, k[i], fz_col_text(st, 12 + i));
	}
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "没有找到该重大行政决策");
	/* The comments and their answers, commenters' names withheld. */
	json_t *a = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT submitted_on, content, adopted, answer FROM dec_comment WHERE case_id = ?"
	    " AND adopted IS NOT NULL ORDER BY comment_id",
	    "i", id);
	while (st && fz_stmt_row(st)) {
		json_t *r = json_object();
		fz_json_set_str(r, "submitted_on", fz_col_text(st, 0));
		fz_json_set_str(r, "content", fz_col_text(st, 1));
		fz_json_set_str(r, "adopted_label",
				fz_option_label(fz_dec_adoptions, fz_col_text(st, 2)));
		fz_json_set_str(r, "answer", fz_col_text(st, 3));
		json_array_append_new(a, r);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "comments", a);
	*out = o;
	return FZ_OK;
}
