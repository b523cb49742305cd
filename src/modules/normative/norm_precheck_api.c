/*
 * norm_precheck_api.c - what people decide on the pre-check and the fair-
 * competition check of a draft (the scanner itself is norm_precheck.c).
 *
 * Each pre-check hit is a signal for a person: confirmed (确认存在问题) or
 * dismissed (排除, with the reason why the words do not do what the rule
 * forbids). While the draft is being drafted its agency decides, and may run
 * the check again on the current text; while it is in review the legal
 * office does (the reviewer may overrule the drafter's dismissal).
 *
 * The fair-competition check list (公平竞争审查, 《公平竞争审查条例》) of a draft
 * that affects market actors: the four standards, each answered 不涉及 /
 * 涉及但符合 / 存在问题 with a note. It is complete when every standard is
 * answered and none has a problem; only then may the draft go to review
 * (submit_review, norm_draft.c, reads fair_check_done).
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"

static const struct fz_option hit_decisions[] = {
	{"confirmed", "确认存在问题"},
	{"dismissed", "排除"},
	{NULL, NULL},
};

const struct fz_input fz_norm_hit_inputs[] = {
	{.name = "decision", .label = "处理结果", .type = FZ_IN_SELECT, .required = true,
	 .options = hit_decisions},
	{.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
	{.name = NULL},
};

static bool is_legal(const struct fz_ctx *ctx)
{
	return ctx->user && (ctx->user->role & FZ_ROLES_LEGAL);
}

/* Who may decide on the draft's pre-check now; FZ_OK or the refusal. */
static enum fz_code may_decide(struct fz_ctx *ctx, const struct fz_norm_draft_ref *d,
			       struct fz_err *err)
{
	if (strcmp(d->state, "in_review") == 0) {
		if (!is_legal(ctx))
			return fz_err_set(err, FZ_EFORBIDDEN, NULL,
					  "草案在合法性审核中，预审提示由法制机构审核人员确认或者排除");
		return FZ_OK;
	}
	if (strcmp(d->state, "drafting") == 0) {
		if (!fz_norm_is_drafter(ctx, d))
			return fz_err_set(err, FZ_EFORBIDDEN, NULL, "起草阶段的预审提示由起草单位处理");
		return FZ_OK;
	}
	return fz_err_set(err, FZ_ESTATE, NULL,
			  "只有起草中或者合法性审核中的草案才能处理预审提示");
}

enum fz_code fz_norm_hit_decide(struct fz_ctx *ctx, int64_t case_id, int64_t seq, json_t *in,
				struct fz_err *err)
{
	struct fz_norm_draft_ref d;
	enum fz_code rc = fz_norm_draft_find(ctx, case_id, true, &d, err);
	if (rc || (rc = may_decide(ctx, &d, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT status FROM norm_precheck_hit WHERE case_id = ? AND seq = ?", "ii",
		case_id, seq);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "seq", "预审提示不存在");
	const char *decision = fz_json_str(in, "decision"), *note = fz_json_str(in, "note");
	if (strcmp(decision, "dismissed") == 0 && (!note || fz_text_blank(note)))
		return fz_err_set(err, FZ_EMISSING_FIELD, "note",
				  "排除预审提示的，应当说明理由（如：有上位法依据，或者不属于设定）");
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "UPDATE norm_precheck_hit SET status = ?, note = ?,"
				  " decided_by = NULLIF(?, 0), decided_on = ? WHERE case_id = ? AND seq = ?",
				  "ttitii", decision, note && !fz_text_blank(note) ? note : NULL,
				  ctx->user ? ctx->user->user_id : (int64_t)0, today, case_id, seq),
		      err)) ||
	    (rc = fz_norm_audit(ctx, case_id, "norm_precheck_hit", "precheck_decide", note, in,
				fz_arena_printf(ctx->arena, "{\"seq\":%lld}", (long long)seq), err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

/* The draft's case detail after a change (what the panel shows). */
static enum fz_code answer_detail(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err)
{
	return fz_case_detail(ctx, id, out, err);
}

enum fz_code fz_norm_hit_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq;
	enum fz_code rc = fz_req_path_id(req, &id, "规范性文件草案不存在", err);
	if (rc)
		return rc;
	if (!fz_req_id(req, 1, &seq))
		return fz_err_set(err, FZ_ENOT_FOUND, "seq", "预审提示不存在");
	if ((rc = fz_norm_hit_decide(req->ctx, id, seq, req->body, err)))
		return rc;
	return answer_detail(req->ctx, id, out, err);
}

/* The drafting agency runs the check again on the current text (while drafting). */
enum fz_code fz_norm_precheck_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id;
	struct fz_norm_draft_ref d;
	enum fz_code rc = fz_req_path_id(req, &id, "规范性文件草案不存在", err);
	if (rc || (rc = fz_norm_draft_find(ctx, id, true, &d, err)))
		return rc;
	if (strcmp(d.state, "drafting") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "只有起草中的草案可以重新预审；送审时将自动预审");
	if (!fz_norm_is_drafter(ctx, &d))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "预审由起草单位发起");
	struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT body FROM norm_draft WHERE case_id = ?",
					 "i", id);
	if (!st)
		return err->code;
	const char *body = fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : "";
	fz_stmt_done(st);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_norm_precheck_run(ctx, id, body, err)) ||
	    (rc = fz_norm_audit(ctx, id, "norm_precheck_hit", "precheck_run", NULL, NULL, NULL,
				err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		return rc;
	return answer_detail(ctx, id, out, err);
}

/* ---- the fair-competition check list ---- */

static const struct fz_option fair_answers[] = {
	{"not_involved", "不涉及"},
	{"compliant", "涉及但符合"},
	{"problem", "存在问题"},
	{NULL, NULL},
};

static const struct {
	const char *item, *label, *about;
} fair_items[] = {
	{"market_access", "市场准入和退出标准",
	 "不得设置不合理或者歧视性的准入和退出条件，不得违法设定或者授予特许经营权，不得限定经营、购买、使用特定经营者提供的商品和服务"},
	{"free_flow", "商品和要素自由流动标准",
	 "不得对外地和进口商品、服务实行歧视性价格或者补贴政策，不得限制外地经营者参加本地招标投标、设立分支机构"},
	{"cost", "影响生产经营成本标准",
	 "不得违法给予特定经营者税收优惠、财政补贴等优惠政策，不得违法减免或者缓征特定经营者应缴纳的社会保险费用"},
	{"conduct", "影响生产经营行为标准",
	 "不得强制经营者从事垄断行为，不得违法披露或者要求经营者披露生产经营敏感信息，不得超越定价权限进行政府定价"},
};
#define NFAIR (sizeof fair_items / sizeof fair_items[0])

const struct fz_input fz_norm_fair_inputs[] = {
	{.name = "market_access", .label = "市场准入和退出标准", .type = FZ_IN_SELECT,
	 .options = fair_answers},
	{.name = "market_access_note", .label = "市场准入和退出标准的说明", .type = FZ_IN_TEXTAREA,
	 .max_chars = 1000},
	{.name = "free_flow", .label = "商品和要素自由流动标准", .type = FZ_IN_SELECT,
	 .options = fair_answers},
	{.name = "free_flow_note", .label = "商品和要素自由流动标准的说明", .type = FZ_IN_TEXTAREA,
	 .max_chars = 1000},
	{.name = "cost", .label = "影响生产经营成本标准", .type = FZ_IN_SELECT, .options = fair_answers},
	{.name = "cost_note", .label = "影响生产经营成本标准的说明", .type = FZ_IN_TEXTAREA,
	 .max_chars = 1000},
	{.name = "conduct", .label = "影响生产经营行为标准", .type = FZ_IN_SELECT,
	 .options = fair_answers},
	{.name = "conduct_note", .label = "影响生产经营行为标准的说明", .type = FZ_IN_TEXTAREA,
	 .max_chars = 1000},
	{.name = NULL},
};

static enum fz_code fair_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err)
{
	struct fz_norm_draft_ref d;
	enum fz_code rc = fz_norm_draft_find(ctx, id, true, &d, err);
	if (rc)
		return rc;
	json_t *items = json_array();
	for (size_t i = 0; i < NFAIR; i++) {
		json_t *o = json_pack("{s:s, s:s, s:s, s:n, s:n, s:n}", "item", fair_items[i].item,
				      "label", fair_items[i].label, "about", fair_items[i].about,
				      "answer", "answer_label", "note");
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"SELECT answer, note FROM norm_fair_check WHERE case_id = ? AND item = ?", "it", id,
			fair_items[i].item);
		if (st && fz_stmt_row(st)) {
			fz_json_set_str(o, "answer", fz_col_text(st, 0));
			fz_json_set_str(o, "answer_label", fz_option_label(fair_answers, fz_col_text(st, 0)));
			fz_json_set_str(o, "note", fz_col_null(st, 1) ? NULL : fz_col_text(st, 1));
		}
		fz_stmt_done(st);
		json_array_append_new(items, o);
	}
	bool editable = fz_norm_is_drafter(ctx, &d) &&
			(!strcmp(d.state, "drafting") || !strcmp(d.state, "commenting"));
	*out = json_pack("{s:I, s:b, s:b, s:o, s:o, s:b, s:s}", "case_id", (json_int_t)id,
			 "required", d.affects_market, "done", d.fair_check_done, "items", items,
			 "answers", fz_options_json(fair_answers), "editable", editable && d.affects_market,
			 "basis", "《公平竞争审查条例》：起草涉及经营者经济活动的政策措施，应当进行公平竞争审查");
	return FZ_OK;
}

enum fz_code fz_norm_fair_save(struct fz_ctx *ctx, int64_t case_id, json_t *in,
			       struct fz_err *err)
{
	struct fz_norm_draft_ref d;
	enum fz_code rc = fz_norm_draft_find(ctx, case_id, true, &d, err);
	if (rc)
		return rc;
	if (!d.affects_market)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "该草案不涉及市场主体经济活动，无需进行公平竞争审查");
	if (strcmp(d.state, "drafting") != 0 && strcmp(d.state, "commenting") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "草案已送审或者已终止，公平竞争审查不能再修改");
	if (!fz_norm_is_drafter(ctx, &d))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "公平竞争审查由起草单位进行");
	bool any = false;
	for (size_t i = 0; i < NFAIR; i++) {
		const char *a = fz_json_str(in, fair_items[i].item);
		char key[40];
		snprintf(key, sizeof key, "%s_note", fair_items[i].item);
		const char *note = fz_json_str(in, key);
		any = any || a;
		if (a && strcmp(a, "problem") == 0 && (!note || fz_text_blank(note)))
			return fz_err_set(err, FZ_EMISSING_FIELD, key,
					  "“%s”存在问题的，应当说明问题和修改意见", fair_items[i].label);
		if (a && strcmp(a, "compliant") == 0 && (!note || fz_text_blank(note)))
			return fz_err_set(err, FZ_EMISSING_FIELD, key,
					  "“%s”涉及但符合的，应当说明理由", fair_items[i].label);
	}
	if (!any)
		return fz_err_set(err, FZ_EMISSING_FIELD, "market_access", "请至少回答一项审查标准");
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	for (size_t i = 0; i < NFAIR && !rc; i++) {
		const char *a = fz_json_str(in, fair_items[i].item);
		if (!a)
			continue;
		char key[40];
		snprintf(key, sizeof key, "%s_note", fair_items[i].item);
		const char *note = fz_json_str(in, key);
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "INSERT INTO norm_fair_check(case_id, item, answer, note)"
				     " VALUES (?, ?, ?, ?) ON CONFLICT (case_id, item)"
				     " DO UPDATE SET answer = excluded.answer, note = excluded.note",
				     "itt" "t", case_id, fair_items[i].item, a,
				     note && !fz_text_blank(note) ? note : NULL),
			 err);
	}
	/* Complete: every standard answered, none with a problem. */
	if (!rc)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_draft SET fair_check_done ="
				     " (CASE WHEN (SELECT COUNT(*) FROM norm_fair_check f WHERE f.case_id = ?"
				     " AND f.answer <> 'problem') = ? THEN 1 ELSE 0 END) WHERE case_id = ?",
				     "iIi", case_id, (int)NFAIR, case_id),
			 err);
	if (!rc)
		rc = fz_norm_audit(ctx, case_id, "norm_fair_check", "fair_check", NULL, in, NULL, err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_norm_fair_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "规范性文件草案不存在", err);
	return rc ? rc : fair_json(req->ctx, id, out, err);
}

enum fz_code fz_norm_fair_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "规范性文件草案不存在", err);
	if (!rc)
		rc = fz_norm_fair_save(req->ctx, id, req->body, err);
	return rc ? rc : fair_json(req->ctx, id, out, err);
}
