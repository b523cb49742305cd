/*
 * norm_draft.c - a draft from its creation to its issue: the draft's own
 * fields, the gates of its steps that need the data (comment held before
 * review, the legal office's opinion, deliberation before issue), the
 * submission to the legality review and 三统一 on issue.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"
#include "platform/legality.h"
#include "platform/lists.h"
#include "platform/settings.h"

/* The legal office's opinions as the draft records them (the review module's values). */
const struct fz_option fz_norm_review_opinions[] = {
	{"lawful", "合法"},
	{"lawful_if_amended", "修改后合法"},
	{"unlawful", "不合法"},
	{NULL, NULL},
};

const struct fz_option fz_norm_deliberation_outcomes[] = {
	{"adopted", "审议通过"},
	{"adopted_amended", "原则通过，按审议意见修改后印发"},
	{NULL, NULL},
};

/* What a drafting agency enters to open a draft (POST /api/normative/drafts). */
const struct fz_input fz_norm_draft_inputs[] = {
	{.name = "title", .label = "文件名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
	{.name = "issuing_body", .label = "制定机关", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 60},
	{.name = "number_prefix", .label = "文号代字", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 12},
	{.name = "agency_id", .label = "起草单位", .type = FZ_IN_AGENCY},
	{.name = "plan_item_id", .label = "年度制定计划项目", .type = FZ_IN_INT, .min = 1,
	 .max = 9000000000000000000L},
	{.name = "off_plan_reason", .label = "计划外制定理由", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
	{.name = "amends_doc_id", .label = "修改的规范性文件", .type = FZ_IN_INT, .min = 1,
	 .max = 9000000000000000000L},
	{.name = "drafting_note", .label = "起草说明", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 10000},
	{.name = "basis", .label = "制定依据", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 4000},
	{.name = "body", .label = "文件正文", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 60000},
	{.name = "provisional", .label = "暂行或者试行", .type = FZ_IN_BOOL},
	{.name = "affects_public", .label = "涉及公民、法人和其他组织权利义务", .type = FZ_IN_BOOL,
	 .required = true},
	{.name = "affects_market", .label = "涉及市场主体经济活动", .type = FZ_IN_BOOL, .required = true},
	{.name = NULL},
};

static bool blank(const char *s)
{
	return !s || fz_text_blank(s);
}

static bool flag(json_t *in, const char *key)
{
	return json_is_true(json_object_get(in, key));
}

static int64_t int_of(json_t *in, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(in, key));
}

enum fz_code fz_norm_draft_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				  struct fz_err *err)
{
	int64_t agency = int_of(in, "agency_id");
	if (!agency)
		agency = ctx->user ? ctx->user->agency_id : 0;
	if (!fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能为本单位起草规范性文件");
	const char *title = fz_json_str(in, "title");
	int64_t plan = int_of(in, "plan_item_id"), amends = int_of(in, "amends_doc_id");
	const char *off_plan = fz_json_str(in, "off_plan_reason");
	if (!plan && blank(off_plan))
		return fz_err_set(err, FZ_EMISSING_FIELD, "off_plan_reason",
				  "未列入年度制定计划的，应当说明计划外制定理由");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if (plan) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"SELECT 1 FROM norm_plan_item WHERE item_id = ? AND agency_id = ? AND status = 'planned'",
			"ii", plan, agency);
		bool ok = st && fz_stmt_row(st);
		fz_stmt_done(st);
		if (!ok) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "plan_item_id",
					"年度制定计划项目不存在、不属于起草单位或者已经立项");
			goto fail;
		}
	}
	if (amends) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"SELECT 1 FROM norm_document WHERE doc_id = ? AND agency_id = ? AND status = 'in_force'",
			"ii", amends, agency);
		bool ok = st && fz_stmt_row(st);
		fz_stmt_done(st);
		if (!ok) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "amends_doc_id",
					"要修改的规范性文件不存在、不属于起草单位或者已不再有效");
			goto fail;
		}
	}
	/* 暂行、试行 in the title: the shorter validity applies whatever the box says. */
	bool provisional = flag(in, "provisional") || strstr(title, "暂行") || strstr(title, "试行");
	char *input = fz_json_text(ctx->arena, in, NULL);
	struct fz_case_new n = {.case_type = "norm_doc", .agency_id = agency, .title = title,
				.body = fz_json_str(in, "body"), .received_on = ctx->today,
				.input = input};
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
			     "INSERT INTO norm_draft(case_id, plan_item_id, off_plan_reason, amends_doc_id,"
			     " issuing_body, number_prefix, title, drafting_note, basis, body, provisional,"
			     " affects_public, affects_market, created_at)"
			     " VALUES (?, NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			     "iitittttttIIIt", out->case_id, plan, plan ? NULL : off_plan, amends,
			     fz_json_str(in, "issuing_body"), fz_json_str(in, "number_prefix"), title,
			     fz_json_str(in, "drafting_note"), fz_json_str(in, "basis"),
			     fz_json_str(in, "body"), provisional ? 1 : 0,
			     flag(in, "affects_public") ? 1 : 0, flag(in, "affects_market") ? 1 : 0, now),
		 err);
	if (!rc && plan)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_plan_item SET status = 'drafting' WHERE item_id = ?", "i",
				     plan),
			 err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the steps ----------------------------------------------------------------------- */

struct draft {
	bool affects_public, affects_market, fair_done, provisional;
	char comment_to[11], deliberated_on[11];
	const char *account, *title, *body, *issuing_body, *prefix, *basis;
	int64_t amends, plan, doc_id;
};

static enum fz_code load(struct fz_ctx *ctx, int64_t case_id, struct draft *d, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT affects_public, affects_market, fair_check_done, provisional,"
		" COALESCE(comment_to, ''), COALESCE(deliberated_on, ''), comment_account, title, body,"
		" issuing_body, number_prefix, basis, COALESCE(amends_doc_id, 0),"
		" COALESCE(plan_item_id, 0), COALESCE(doc_id, 0)"
		" FROM norm_draft WHERE case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "规范性文件草案记录缺失");
	}
	struct fz_arena *a = ctx->arena;
	*d = (struct draft){
		.affects_public = fz_col_int(st, 0),
		.affects_market = fz_col_int(st, 1),
		.fair_done = fz_col_int(st, 2),
		.provisional = fz_col_int(st, 3),
		.account = fz_col_null(st, 6) ? NULL : fz_arena_strdup(a, fz_col_text(st, 6)),
		.title = fz_arena_strdup(a, fz_col_text(st, 7)),
		.body = fz_arena_strdup(a, fz_col_text(st, 8)),
		.issuing_body = fz_arena_strdup(a, fz_col_text(st, 9)),
		.prefix = fz_arena_strdup(a, fz_col_text(st, 10)),
		.basis = fz_arena_strdup(a, fz_col_text(st, 11)),
		.amends = fz_col_int(st, 12),
		.plan = fz_col_int(st, 13),
		.doc_id = fz_col_int(st, 14),
	};
	snprintf(d->comment_to, sizeof d->comment_to, "%s", fz_col_text(st, 4));
	snprintf(d->deliberated_on, sizeof d->deliberated_on, "%s", fz_col_text(st, 5));
	fz_stmt_done(st);
	return FZ_OK;
}

static enum fz_code revise(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			   struct fz_err *err)
{
	static const char *const cols[] = {"title", "drafting_note", "basis", "body", NULL};
	for (const char *const *k = cols; *k; k++) {
		const char *v = fz_json_str(in, *k);
		if (!v)
			continue;
		char *sql = fz_arena_printf(ctx->arena, "UPDATE norm_draft SET %s = ? WHERE case_id = ?", *k);
		enum fz_code rc = fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ti", v, c->case_id), err);
		if (rc)
			return rc;
		if (strcmp(*k, "title") == 0)
			snprintf(c->title, sizeof c->title, "%s", v);
	}
	return FZ_OK;
}

static enum fz_code open_comment(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				 struct fz_err *err)
{
	long least = fz_setting_int(ctx->db, "normative.comment_days", 7);
	int64_t days = int_of(in, "days");
	if (days < least && blank(fz_json_str(in, "short_reason")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "short_reason",
				  "征求意见期限少于 %ld 个工作日的，应当说明理由（国办发〔2018〕37号）", least);
	int from;
	enum fz_code rc = fz_date_parse(fz_json_str(in, "comment_from"), &from);
	if (rc)
		return fz_err_set(err, FZ_EBAD_DATE, "comment_from", "征求意见开始日期无效");
	int opened = 0;
	fz_date_parse(c->received_on, &opened);
	if (from < opened)
		return fz_err_set(err, FZ_EBAD_DATE, "comment_from", "征求意见开始日期不能早于立项日期（%s）",
				  c->received_on);
	/* The last day: days working days counted from the day after it opens. */
	int to;
	if (fz_calendar_add_workdays(ctx->cal, from, (int)days, &to))
		return fz_err_set(err, FZ_EDATE_RANGE, "days", "征求意见截止日期超出已载入的节假日日历");
	char f[11], t[11];
	fz_date_format(from, f);
	fz_date_format(to, t);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE norm_draft SET comment_from = ?, comment_to = ?,"
			       " comment_short_reason = ?, comment_account = NULL,"
			       " account_published_on = NULL WHERE case_id = ?",
			       "ttti", f, t, fz_json_str(in, "short_reason"), c->case_id),
		   err);
}

static enum fz_code close_comment(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	/* The account of how comments were taken up is published with the draft's page. */
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE norm_draft SET comment_account = ?, account_published_on = ?"
			       " WHERE case_id = ?",
			       "tti", fz_json_str(in, "account"), today, c->case_id),
		   err);
}

static enum fz_code submit_review(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	struct draft d;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc)
		return rc;
	if (d.affects_public && (!d.comment_to[0] || !d.account))
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "涉及公民、法人和其他组织权利义务的规范性文件，应当先公开征求意见并说明采纳情况，再送合法性审核");
	if (d.affects_market && !d.fair_done)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "涉及市场主体经济活动的规范性文件，应当先完成公平竞争审查，再送合法性审核");
	/* The automatic pre-check runs on the text as submitted; its hits go with it. */
	if ((rc = fz_norm_precheck_run(ctx, c->case_id, d.body, err)))
		return rc;
	int64_t review = 0;
	json_t *materials = json_pack("{s:s}", "summary", fz_json_str(in, "summary"));
	rc = fz_legality_submit(ctx, "norm_doc", c, materials, &review, err);
	json_decref(materials);
	if (rc)
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE norm_draft SET review_case_id = ?, review_opinion = NULL"
			       " WHERE case_id = ?",
			       "ii", review, c->case_id),
		   err);
}

static enum fz_code review_result(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE norm_draft SET review_opinion = ?, review_case_id = ? WHERE case_id = ?",
			       "tii", fz_json_str(in, "opinion"), int_of(in, "review_case_id"), c->case_id),
		   err);
}

static enum fz_code deliberate(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			       const char *outcome, struct fz_err *err)
{
	int day;
	if (fz_date_parse(fz_json_str(in, "deliberated_on"), &day))
		return fz_err_set(err, FZ_EBAD_DATE, "deliberated_on", "审议日期无效");
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "deliberated_on", "审议日期不能晚于今天");
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE norm_draft SET meeting = ?, deliberated_on = ?,"
			       " deliberation_outcome = ? WHERE case_id = ?",
			       "ttti", fz_json_str(in, "meeting"), fz_json_str(in, "deliberated_on"),
			       outcome, c->case_id),
		   err);
}

static enum fz_code issue(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			  struct fz_err *err)
{
	struct draft d;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc)
		return rc;
	int issued, effective, deliberated = 0;
	if (fz_date_parse(fz_json_str(in, "issued_on"), &issued))
		return fz_err_set(err, FZ_EBAD_DATE, "issued_on", "印发日期无效");
	if (fz_date_parse(fz_json_str(in, "effective_on"), &effective))
		return fz_err_set(err, FZ_EBAD_DATE, "effective_on", "施行日期无效");
	fz_date_parse(d.deliberated_on, &deliberated);
	if (issued < deliberated)
		return fz_err_set(err, FZ_EBAD_DATE, "issued_on", "印发日期不能早于集体审议日期（%s）",
				  d.deliberated_on);
	if (issued > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "issued_on", "印发日期不能晚于今天");
	if (effective < issued)
		return fz_err_set(err, FZ_EBAD_DATE, "effective_on", "施行日期不能早于印发日期");
	struct fz_norm_issue is = {
		.case_id = c->case_id,
		.agency_id = c->agency_id,
		.amends_doc_id = d.amends,
		.issuing_body = d.issuing_body,
		.prefix = d.prefix,
		.title = d.title,
		.body = d.body,
		.change_summary = fz_json_str(in, "change_summary"),
		.provisional = d.provisional,
		.issued_on = issued,
		.effective_on = effective,
	};
	int64_t doc = 0, version = 0;
	char number[64];
	if ((rc = fz_norm_doc_issue(ctx, &is, &doc, &version, number, err)))
		return rc;
	/* 统一发布: published on the portal the day it is issued; filing due from then. */
	char due[11], now[21];
	int due_day;
	if (fz_calendar_add_days(ctx->cal, issued,
				 (int)fz_setting_int(ctx->db, "normative.filing_days", 30), &due_day))
		return fz_err_set(err, FZ_EDATE_RANGE, "issued_on", "备案期限超出已载入的节假日日历");
	fz_date_format(due_day, due);
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "UPDATE norm_draft SET doc_id = ?, version_id = ? WHERE case_id = ?",
				  "iii", doc, version, c->case_id),
		      err)))
		return rc;
	static const char *const recipients[] = {"npc", "government"};
	for (size_t i = 0; i < 2; i++)
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					  "INSERT INTO norm_filing(doc_id, version_id, recipient, due_on,"
					  " created_at) VALUES (?, ?, ?, ?, ?)",
					  "iittt", doc, version, recipients[i], due, now),
			      err)))
			return rc;
	if (d.plan)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_plan_item SET status = 'issued' WHERE item_id = ?", "i",
				     d.plan),
			 err);
	return rc;
}

/* 备案: both receiving bodies, each on its day; late or not against the due day. */
static enum fz_code file_step(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			      struct fz_err *err)
{
	struct draft d;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc)
		return rc;
	static const char *const keys[] = {"npc_filed_on", "government_filed_on"};
	static const char *const recipients[] = {"npc", "government"};
	for (size_t i = 0; i < 2; i++) {
		int day;
		if (fz_date_parse(fz_json_str(in, keys[i]), &day))
			return fz_err_set(err, FZ_EBAD_DATE, keys[i], "报送备案日期无效");
		if (day > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, keys[i], "报送备案日期不能晚于今天");
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_filing SET filed_on = ?, on_time = (? <= due_on),"
				     " complete = ? WHERE doc_id = ? AND recipient = ? AND filed_on IS NULL",
				     "ttIit", fz_json_str(in, keys[i]), fz_json_str(in, keys[i]),
				     flag(in, "complete") ? 1 : 0, d.doc_id, recipients[i]),
			 err);
		if (rc)
			return rc;
	}
	return FZ_OK;
}

/* An abandoned draft from the plan takes its item off the plan, with the reason. */
static enum fz_code abandon(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			    struct fz_err *err)
{
	struct draft d;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc || !d.plan)
		return rc;
	return fz_norm_plan_set_dropped(
		ctx, d.plan, fz_arena_printf(ctx->arena, "草案终止制定：%s", fz_json_str(in, "reason")),
		err);
}

enum fz_code fz_norm_doc_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	const char *n = tr->name;
	if (strcmp(n, "revise") == 0)
		return revise(ctx, c, input, err);
	if (strcmp(n, "open_comment") == 0)
		return open_comment(ctx, c, input, err);
	if (strcmp(n, "close_comment") == 0)
		return close_comment(ctx, c, input, err);
	if (strcmp(n, "submit_review") == 0)
		return submit_review(ctx, c, input, err);
	if (strcmp(n, "review_passed") == 0 || strcmp(n, "review_failed") == 0)
		return review_result(ctx, c, input, err);
	if (strcmp(n, "deliberate") == 0)
		return deliberate(ctx, c, input, fz_json_str(input, "outcome"), err);
	if (strcmp(n, "deliberation_rejected") == 0)
		return deliberate(ctx, c, input, "not_adopted", err);
	if (strcmp(n, "issue") == 0)
		return issue(ctx, c, input, err);
	if (strcmp(n, "file") == 0)
		return file_step(ctx, c, input, err);
	if (strcmp(n, "abandon") == 0)
		return abandon(ctx, c, input, err);
	return FZ_OK;
}

/* ---- the draft's fields (the case page) ---------------------------------------------- */

static void set_date_text(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	if (!fz_col_null(st, col))
		fz_json_set_str(o, key, fz_col_text(st, col));
}

enum fz_code fz_norm_doc_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT d.plan_item_id, p.title, d.off_plan_reason, d.amends_doc_id, m.title, m.number,"
		" d.issuing_body, d.number_prefix, d.title, d.drafting_note, d.basis, d.body,"
		" d.provisional, d.affects_public, d.affects_market, d.comment_from, d.comment_to,"
		" d.comment_short_reason, d.comment_account, d.account_published_on, d.precheck_at,"
		" d.fair_check_done, d.review_case_id, r.number, d.review_opinion, d.meeting,"
		" d.deliberated_on, d.deliberation_outcome, d.doc_id, n.number, n.issued_on,"
		" n.effective_on, n.valid_until, n.status"
		" FROM norm_draft d LEFT JOIN norm_plan_item p ON p.item_id = d.plan_item_id"
		" LEFT JOIN norm_document m ON m.doc_id = d.amends_doc_id"
		" LEFT JOIN case_record r ON r.case_id = d.review_case_id"
		" LEFT JOIN norm_document n ON n.doc_id = d.doc_id WHERE d.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		if (!fz_col_null(st, 0))
			json_object_set_new(obj, "plan_item_id", json_integer(fz_col_int(st, 0)));
		set_date_text(obj, "plan_item_title", st, 1);
		set_date_text(obj, "off_plan_reason", st, 2);
		if (!fz_col_null(st, 3))
			json_object_set_new(obj, "amends_doc_id", json_integer(fz_col_int(st, 3)));
		set_date_text(obj, "amends_title", st, 4);
		set_date_text(obj, "amends_number", st, 5);
		fz_json_set_str(obj, "issuing_body", fz_col_text(st, 6));
		fz_json_set_str(obj, "number_prefix", fz_col_text(st, 7));
		fz_json_set_str(obj, "title", fz_col_text(st, 8));
		fz_json_set_str(obj, "drafting_note", fz_col_text(st, 9));
		fz_json_set_str(obj, "basis", fz_col_text(st, 10));
		fz_json_set_str(obj, "body", fz_col_text(st, 11));
		json_object_set_new(obj, "provisional", json_boolean(fz_col_int(st, 12)));
		json_object_set_new(obj, "affects_public", json_boolean(fz_col_int(st, 13)));
		json_object_set_new(obj, "affects_market", json_boolean(fz_col_int(st, 14)));
		set_date_text(obj, "comment_from", st, 15);
		set_date_text(obj, "comment_to", st, 16);
		set_date_text(obj, "comment_short_reason", st, 17);
		set_date_text(obj, "comment_account", st, 18);
		set_date_text(obj, "account_published_on", st, 19);
		set_date_text(obj, "precheck_at", st, 20);
		json_object_set_new(obj, "fair_check_done", json_boolean(fz_col_int(st, 21)));
		if (!fz_col_null(st, 22))
			json_object_set_new(obj, "review_case_id", json_integer(fz_col_int(st, 22)));
		set_date_text(obj, "review_number", st, 23);
		const char *op = fz_col_text(st, 24);
		set_date_text(obj, "review_opinion", st, 24);
		for (const struct fz_option *o = fz_norm_review_opinions; op && o->value; o++)
			if (strcmp(o->value, op) == 0)
				fz_json_set_str(obj, "review_opinion_label", o->label);
		set_date_text(obj, "meeting", st, 25);
		set_date_text(obj, "deliberated_on", st, 26);
		const char *out = fz_col_text(st, 27);
		set_date_text(obj, "deliberation_outcome", st, 27);
		if (out && strcmp(out, "not_adopted") == 0)
			fz_json_set_str(obj, "deliberation_outcome_label", "未通过，退回修改");
		for (const struct fz_option *o = fz_norm_deliberation_outcomes; out && o->value; o++)
			if (strcmp(o->value, out) == 0)
				fz_json_set_str(obj, "deliberation_outcome_label", o->label);
		if (!fz_col_null(st, 28))
			json_object_set_new(obj, "doc_id", json_integer(fz_col_int(st, 28)));
		set_date_text(obj, "doc_number", st, 29);
		set_date_text(obj, "issued_on", st, 30);
		set_date_text(obj, "effective_on", st, 31);
		set_date_text(obj, "valid_until", st, 32);
		set_date_text(obj, "doc_status", st, 33);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	/* The pre-check's hits, each in context with the rule it may break. */
	json_t *hits = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT seq, rule, term, excerpt, at_char, status, note, decided_on"
			 " FROM norm_precheck_hit WHERE case_id = ? ORDER BY seq",
			 "i", case_id);
	while (st && fz_stmt_row(st)) {
		json_t *h = json_object();
		json_object_set_new(h, "seq", json_integer(fz_col_int(st, 0)));
		const char *rule = fz_col_text(st, 1);
		fz_json_set_str(h, "rule", rule);
		const struct fz_norm_rule *r = fz_norm_rule_find(rule);
		if (r) {
			fz_json_set_str(h, "rule_label", r->label);
			fz_json_set_str(h, "basis", r->basis);
		}
		fz_json_set_str(h, "term", fz_col_text(st, 2));
		fz_json_set_str(h, "excerpt", fz_col_text(st, 3));
		json_object_set_new(h, "at_char", json_integer(fz_col_int(st, 4)));
		fz_json_set_str(h, "status", fz_col_text(st, 5));
		set_date_text(h, "note", st, 6);
		set_date_text(h, "decided_on", st, 7);
		json_array_append_new(hits, h);
	}
	failed = !st || fz_stmt_failed(st, err);
	fz_stmt_done(st);
	json_object_set_new(obj, "precheck_hits", hits);
	if (failed)
		return err->code;
	/* Public comments received and answered; the filings and their results once issued. */
	st = fz_db_query(ctx->db, err,
			 "SELECT COUNT(*), COUNT(adopted), (SELECT COALESCE(version_id, 0) FROM norm_draft"
			 " WHERE case_id = ?) FROM norm_comment WHERE case_id = ?",
			 "ii", case_id, case_id);
	int64_t version = 0;
	if (st && fz_stmt_row(st)) {
		json_object_set_new(obj, "comment_count", json_integer(fz_col_int(st, 0)));
		json_object_set_new(obj, "comment_answered", json_integer(fz_col_int(st, 1)));
		version = fz_col_int(st, 2);
	}
	fz_stmt_done(st);
	json_t *doc = json_object_get(obj, "doc_id");
	json_object_set_new(obj, "filings",
			    doc && version ? fz_norm_filings_json(ctx, (int64_t)json_integer_value(doc), version)
					   : json_array());
	return FZ_OK;
}

/* ---- the drafts list ----------------------------------------------------------------- */

static json_t *draft_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "issuing_body", fz_col_text(st, 13));
	json_object_set_new(o, "affects_public", json_boolean(fz_col_int(st, 14)));
	set_date_text(o, "review_opinion", st, 15);
	const char *op = fz_col_text(st, 15);
	for (const struct fz_option *r = fz_norm_review_opinions; op && r->value; r++)
		if (strcmp(r->value, op) == 0)
			fz_json_set_str(o, "review_opinion_label", r->label);
	set_date_text(o, "doc_number", st, 16);
	set_date_text(o, "issued_on", st, 17);
	json_object_set_new(o, "plan", json_boolean(!fz_col_null(st, 18)));
	return o;
}

static const char *const draft_like[] = {"c.number", "c.title", "d.issuing_body", NULL};

static const struct fz_list_filter draft_filters[] = {
	{.param = "year", .label = "立项年度", .kind = FZ_LF_YEAR, .sql = "c.received_on"},
	{.param = "agency_id", .label = "起草单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?",
	 .tally = true},
	{.param = "state", .label = "状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .type = &fz_norm_doc_type, .tally = true},
	{.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = draft_like},
	{.param = NULL},
};

static const struct fz_list_sort draft_sorts[] = {
	{.name = "created_at", .expr = "c.case_id"},
	{.name = "due_date", .expr = "c.due_date", .nulls_last = true},
	{.name = "issued_on", .expr = "n.issued_on", .nulls_last = true},
	{.name = NULL},
};

static const struct fz_list_col draft_cols[] = {
	{.key = "number", .header = "立项编号", .width = 20},
	{.key = "title", .header = "文件名称", .width = 40},
	{.key = "agency_name", .header = "起草单位", .width = 24},
	{.key = "issuing_body", .header = "制定机关", .width = 24},
	{.key = "state_label", .header = "状态", .width = 18},
	{.key = "review_opinion_label", .header = "合法性审核意见", .width = 14},
	{.key = "doc_number", .header = "文号", .width = 20},
	{.key = "issued_on", .header = "印发日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = NULL},
};

const struct fz_list fz_norm_drafts_list = {
	.name = "规范性文件草案",
	.select = FZ_CASE_ROW_COLS ", d.issuing_body, d.affects_public, d.review_opinion, n.number,"
				   " n.issued_on, d.plan_item_id",
	.from = "case_record c JOIN norm_draft d ON d.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" LEFT JOIN norm_document n ON n.doc_id = d.doc_id",
	.tally = "SELECT COALESCE(SUM(c.n), 0) FROM case_tally c",
	.where = "c.case_type = 'norm_doc'",
	.scope = "c.agency_id",
	.filters = draft_filters,
	.sorts = draft_sorts,
	.sort_default = "-created_at",
	.tiebreak = "c.case_id",
	.row = draft_row,
	.columns = draft_cols,
};

/* ---- a draft named by a route -------------------------------------------------------- */

enum fz_code fz_norm_draft_find(struct fz_ctx *ctx, int64_t case_id, bool staff,
				struct fz_norm_draft_ref *out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.agency_id, c.state, d.affects_market, COALESCE(d.comment_from, ''),"
		" COALESCE(d.comment_to, ''), d.account_published_on IS NOT NULL, d.title,"
		" d.fair_check_done, COALESCE(d.doc_id, 0)"
		" FROM case_record c JOIN norm_draft d ON d.case_id = c.case_id"
		" WHERE c.case_id = ? AND c.case_type = 'norm_doc'",
		"i", case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		*out = (struct fz_norm_draft_ref){
			.case_id = case_id,
			.agency_id = fz_col_int(st, 0),
			.affects_market = fz_col_int(st, 2),
			.account_published = fz_col_int(st, 5),
			.title = fz_arena_strdup(ctx->arena, fz_col_text(st, 6)),
			.fair_check_done = fz_col_int(st, 7),
			.doc_id = fz_col_int(st, 8),
		};
		snprintf(out->state, sizeof out->state, "%s", fz_col_text(st, 1));
		snprintf(out->comment_from, sizeof out->comment_from, "%s", fz_col_text(st, 3));
		snprintf(out->comment_to, sizeof out->comment_to, "%s", fz_col_text(st, 4));
	}
	fz_stmt_done(st);
	if (!found || (staff && !fz_ctx_may_see(ctx, out->agency_id)))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "规范性文件草案不存在");
	return FZ_OK;
}

bool fz_norm_is_drafter(const struct fz_ctx *ctx, const struct fz_norm_draft_ref *d)
{
	return ctx->user && ctx->user->agency_id == d->agency_id &&
	       (ctx->user->role & (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD | FZ_ROLES_LEGAL));
}
