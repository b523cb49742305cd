/*
 * legal_contract.c - a government contract (政府合同): its registration with
 * the counterparties, the domain half of its steps (the legality review
 * submission and result, signing, disputes, completion, termination), its
 * performance milestones and the milestone clock, its fields and its lists.
 *
 * The gate: "sign" leaves only "reviewed", which only the review's passing
 * opinion reaches (platform/legality.h), so nothing is signed before a passed
 * review; 不合法 sends the contract back to "drafting".
 *
 * Milestones: the contract's "milestone" clock runs to the nearest open
 * milestone's due day while the contract is performed (from signing), so
 * supervision and the to-do list show it; when the last open milestone is
 * done, the system step "milestones_clear" stops it.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/legal/legal_int.h"
#include "platform/jsonx.h"
#include "platform/legality.h"
#include "platform/settings.h"

#define MAX_PARTIES 10

const struct fz_input fz_legal_contract_inputs[] = {
    {.name = "title", .label = "合同名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "kind",
     .label = "合同类型",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_legal_contract_kinds},
    {.name = "amount",
     .label = "合同金额（元）",
     .type = FZ_IN_INT,
     .required = true,
     .min = 0,
     .max = 1000000000000L},
    {.name = "planned_sign_on", .label = "拟签订日期", .type = FZ_IN_DATE},
    {.name = "subject",
     .label = "合同主要内容",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 4000},
    {.name = "agency_id", .label = "合同承办单位", .type = FZ_IN_AGENCY},
    {.name = NULL},
};

const struct fz_input fz_legal_milestone_inputs[] = {
    {.name = "title", .label = "履行节点", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "due_on", .label = "约定期限", .type = FZ_IN_DATE, .required = true},
    {.name = "amount",
     .label = "涉及金额（元）",
     .type = FZ_IN_INT,
     .min = 0,
     .max = 1000000000000L},
    {.name = NULL},
};

const struct fz_input fz_legal_milestone_done_inputs[] = {
    {.name = "done_on", .label = "完成日期", .type = FZ_IN_DATE, .required = true},
    {.name = "note", .label = "完成情况", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = NULL},
};

static int64_t int_of(json_t *in, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(in, key));
}

static int day_of(const char *s)
{
	int d = 0;
	if (!s || fz_date_parse(s, &d))
		return 0;
	return d;
}

/* The counterparties as given: 1 to MAX_PARTIES objects {name, credit_code}, checked. */
static enum fz_code check_parties(json_t *parties, struct fz_err *err)
{
	if (!json_is_array(parties) || json_array_size(parties) == 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "counterparties",
				  "请填写合同相对方（名称和统一社会信用代码），至少一个");
	if (json_array_size(parties) > MAX_PARTIES)
		return fz_err_set(err, FZ_EBAD_VALUE, "counterparties", "合同相对方最多 %d 个",
				  MAX_PARTIES);
	size_t i;
	json_t *p;
	json_array_foreach (parties, i, p) {
		const char *name = fz_json_str(p, "name"), *code = fz_json_str(p, "credit_code");
		if (!json_is_object(p) || !name || fz_text_blank(name))
			return fz_err_set(err, FZ_EMISSING_FIELD, "counterparties",
					  "请填写第 %zu 个合同相对方的名称", i + 1);
		if (fz_utf8_chars(name) > 100 || fz_text_has_controls(name, false))
			return fz_err_set(err, FZ_EBAD_VALUE, "counterparties",
					  "第 %zu 个合同相对方的名称不能超过 100 个字", i + 1);
		if (!code || fz_text_blank(code))
			return fz_err_set(err, FZ_EMISSING_FIELD, "counterparties",
					  "请填写第 %zu 个合同相对方（%s）的统一社会信用代码",
					  i + 1, name);
		if (!fz_legal_credit_code_valid(code))
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "counterparties",
			    "第 %zu 个合同相对方（%s）的统一社会信用代码“%s”无效：应为 18 位，"
			    "末位校验码须正确",
			    i + 1, name, code);
		for (size_t j = 0; j < i; j++)
			if (strcmp(fz_json_str(json_array_get(parties, j), "credit_code"), code) ==
			    0)
				return fz_err_set(err, FZ_EBAD_VALUE, "counterparties",
						  "第 %zu 个合同相对方与第 %zu 个重复", i + 1,
						  j + 1);
	}
	return FZ_OK;
}

static enum fz_code write_parties(struct fz_ctx *ctx, int64_t case_id, json_t *parties,
				  struct fz_err *err)
{
	enum fz_code rc = fz_stmt_exec(
	    fz_db_query(ctx->db, err, "DELETE FROM legal_contract_party WHERE case_id = ?", "i",
			case_id),
	    err);
	char names[4096] = "";
	size_t i;
	json_t *p;
	json_array_foreach (parties, i, p) {
		if (rc)
			break;
		const char *name = fz_json_str(p, "name");
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					      "INSERT INTO legal_contract_party(case_id, seq, name,"
					      " credit_code) VALUES (?, ?, ?, ?)",
					      "iItt", case_id, (int)i + 1, name,
					      fz_json_str(p, "credit_code")),
				  err);
		size_t len = strlen(names);
		snprintf(names + len, sizeof names - len, "%s%s", i ? "；" : "", name);
	}
	if (rc)
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE legal_contract SET parties = ? WHERE case_id = ?",
					"ti", names, case_id),
			    err);
}

enum fz_code fz_legal_contract_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				      struct fz_err *err)
{
	static const char *const extra[] = {"counterparties", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_legal_contract_inputs, 16, in, extra, err);
	if (rc)
		return rc;
	json_t *parties = json_object_get(in, "counterparties");
	if ((rc = check_parties(parties, err)))
		return rc;
	int64_t agency = int_of(in, "agency_id");
	if (!agency)
		agency = ctx->user ? ctx->user->agency_id : 0;
	if (!fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能登记本单位的合同");
	const char *title = fz_json_str(in, "title");
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_case_new n = {.case_type = FZ_LEGAL_CONTRACT,
				.agency_id = agency,
				.title = title,
				.body = fz_json_str(in, "subject"),
				.received_on = ctx->today,
				.input = fz_json_text(ctx->arena, in, NULL)};
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	rc = fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"INSERT INTO legal_contract(case_id, kind, amount, planned_sign_on,"
			" subject, created_at) VALUES (?, ?, ?, ?, ?, ?)",
			"itittt", out->case_id, fz_json_str(in, "kind"), int_of(in, "amount"),
			fz_json_str(in, "planned_sign_on"), fz_json_str(in, "subject"), now),
	    err);
	if (!rc)
		rc = write_parties(ctx, out->case_id, parties, err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the milestone clock ------------------------------------------------------------------ */

/*
 * Runs the milestone clock to the nearest open milestone while the contract is
 * performed: the reminder window (legal.milestone_remind_days) ends on its due
 * day. *open receives how many milestones are open.
 */
static enum fz_code sync_clock(struct fz_ctx *ctx, const struct fz_case_row *c, long *open,
			       struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT COUNT(*), MIN(due_on) FROM legal_milestone"
					 " WHERE case_id = ? AND done_on IS NULL",
					 "i", c->case_id);
	if (!st)
		return err->code;
	char next[11] = "";
	*open = 0;
	if (fz_stmt_row(st)) {
		*open = (long)fz_col_int(st, 0);
		if (!fz_col_null(st, 1))
			snprintf(next, sizeof next, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	bool performed = strcmp(c->state, "performing") == 0 || strcmp(c->state, "disputed") == 0;
	if (!performed || !next[0])
		return FZ_OK;
	int window = (int)fz_setting_int(ctx->db, "legal.milestone_remind_days", 10);
	int due = day_of(next);
	return fz_case_clock_start(ctx, c, "milestone", due - window, window, err);
}

enum fz_code fz_legal_milestone_add(struct fz_ctx *ctx, int64_t case_id, json_t *in, int64_t *seq,
				    struct fz_err *err)
{
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_row c;
	if ((rc = fz_case_load(ctx, case_id, false, &c, err)))
		goto fail;
	const struct fz_state *s = fz_flow_state(c.type, c.state);
	if (strcmp(c.type->name, FZ_LEGAL_CONTRACT) != 0) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "id", "合同不存在");
		goto fail;
	}
	if (s && s->final) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "合同已%s，不能再登记履行节点", s->label);
		goto fail;
	}
	if (day_of(fz_json_str(in, "due_on")) < day_of(c.received_on)) {
		rc = fz_err_set(err, FZ_EBAD_DATE, "due_on", "约定期限不能早于合同登记日期（%s）",
				c.received_on);
		goto fail;
	}
	/* The amount is optional: NULLIF(?, -1) stores none when it is not given. */
	json_t *amount = json_object_get(in, "amount");
	rc = fz_stmt_exec_id(
	    fz_db_query(
		ctx->db, err,
		"INSERT INTO legal_milestone(case_id, seq, title, due_on, amount)"
		" VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM legal_milestone"
		" WHERE case_id = ?), ?, ?, NULLIF(?, -1)) RETURNING seq",
		"iitti", case_id, case_id, fz_json_str(in, "title"), fz_json_str(in, "due_on"),
		json_is_integer(amount) ? (int64_t)json_integer_value(amount) : (int64_t)-1),
	    seq, err);
	long open = 0;
	if (!rc)
		rc = sync_clock(ctx, &c, &open, err);
	if (!rc)
		rc = fz_legal_audit(ctx, case_id, "legal_milestone", "milestone_add",
				    fz_arena_printf(ctx->arena, "履行节点第 %lld 条：%s（%s）",
						    (long long)*seq, fz_json_str(in, "title"),
						    fz_json_str(in, "due_on")),
				    in, err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_legal_milestone_done(struct fz_ctx *ctx, int64_t case_id, int64_t seq, json_t *in,
				     struct fz_err *err)
{
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_row c;
	if ((rc = fz_case_load(ctx, case_id, false, &c, err)))
		goto fail;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT done_on, title FROM legal_milestone WHERE case_id = ? AND seq = ?",
			"ii", case_id, seq);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	bool found = fz_stmt_row(st), done = found && !fz_col_null(st, 0);
	const char *title = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 1)) : "";
	fz_stmt_done(st);
	/* 422, not 404: the contract exists and is the caller's; the number names no milestone. */
	if (!found) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "seq", "该合同没有第 %lld 个履行节点",
				(long long)seq);
		goto fail;
	}
	if (done) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "该履行节点已登记完成");
		goto fail;
	}
	if (strcmp(c.state, "performing") != 0 && strcmp(c.state, "disputed") != 0) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "合同签订后、履行期间才能登记履行节点完成");
		goto fail;
	}
	int on = day_of(fz_json_str(in, "done_on"));
	if (on > ctx->today) {
		rc = fz_err_set(err, FZ_EBAD_DATE, "done_on", "完成日期不能晚于今天");
		goto fail;
	}
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				      "UPDATE legal_milestone SET done_on = ?, note = ?"
				      " WHERE case_id = ? AND seq = ?",
				      "ttii", fz_json_str(in, "done_on"), fz_json_str(in, "note"),
				      case_id, seq),
			  err);
	if (!rc)
		rc = fz_legal_audit(ctx, case_id, "legal_milestone", "milestone_done",
				    fz_arena_printf(ctx->arena, "履行节点第 %lld 条完成：%s",
						    (long long)seq, title),
				    in, err);
	long open = 0;
	if (!rc)
		rc = sync_clock(ctx, &c, &open, err);
	if (!rc && open == 0) {
		json_t *body = json_object();
		rc = fz_case_act_system(ctx, case_id, "milestones_clear", body, err);
		json_decref(body);
	}
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the steps ------------------------------------------------------------------------------ */

struct contract {
	int64_t amount;
	char reviewed_on[11], signed_on[11];
};

static enum fz_code load(struct fz_ctx *ctx, int64_t case_id, struct contract *k,
			 struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT amount, COALESCE(reviewed_on, ''), COALESCE(signed_on, '')"
			" FROM legal_contract WHERE case_id = ?",
			"i", case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		k->amount = fz_col_int(st, 0);
		snprintf(k->reviewed_on, sizeof k->reviewed_on, "%s", fz_col_text(st, 1));
		snprintf(k->signed_on, sizeof k->signed_on, "%s", fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	return found ? FZ_OK : fz_err_set(err, FZ_EINTERNAL, NULL, "合同记录缺失");
}

/* A date input of the step: not after today, not before `from` (named in the message). */
static enum fz_code date_between(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
				 const char *from, const char *from_label, struct fz_err *err)
{
	int d = day_of(fz_json_str(in, key));
	if (d > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "%s不能晚于今天", label);
	if (from && from[0] && d < day_of(from))
		return fz_err_set(err, FZ_EBAD_DATE, key, "%s不能早于%s（%s）", label, from_label,
				  from);
	return FZ_OK;
}

static enum fz_code revise(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			   struct fz_err *err)
{
	static const char *const cols[] = {"amount", "planned_sign_on", "subject", NULL};
	enum fz_code rc = FZ_OK;
	for (const char *const *k = cols; !rc && *k; k++) {
		json_t *v = json_object_get(in, *k);
		if (!v || json_is_null(v))
			continue;
		char *sql = fz_arena_printf(
		    ctx->arena, "UPDATE legal_contract SET %s = ? WHERE case_id = ?", *k);
		rc = json_is_integer(v)
			 ? fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ii",
						    (int64_t)json_integer_value(v), c->case_id),
					err)
			 : fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ti", json_string_value(v),
						    c->case_id),
					err);
	}
	return rc;
}

static enum fz_code submit_review(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	int64_t review = 0;
	json_t *materials = json_pack("{s:s}", "summary", fz_json_str(in, "summary"));
	enum fz_code rc = fz_legality_submit(ctx, "contract", c, materials, &review, err);
	json_decref(materials);
	if (rc)
		return rc;
	return fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"UPDATE legal_contract SET review_case_id = ?, review_opinion = NULL,"
			" reviewed_on = NULL WHERE case_id = ?",
			"ii", review, c->case_id),
	    err);
}

static enum fz_code review_result(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	return fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"UPDATE legal_contract SET review_opinion = ?, review_case_id = ?,"
			" reviewed_on = ? WHERE case_id = ?",
			"titi", fz_json_str(in, "opinion"), int_of(in, "review_case_id"), today,
			c->case_id),
	    err);
}

static enum fz_code sign(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, struct fz_err *err)
{
	struct contract k;
	enum fz_code rc = load(ctx, c->case_id, &k, err);
	if (!rc)
		rc = date_between(ctx, in, "signed_on", "签订日期", k.reviewed_on,
				  "合法性审核通过日期", err);
	if (rc)
		return rc;
	/* What was reviewed is what may be signed: a larger sum is a new text to review. */
	if (int_of(in, "signed_amount") > k.amount)
		return fz_err_set(err, FZ_EBAD_VALUE, "signed_amount",
				  "签订金额（%lld 元）超过经合法性审核的合同金额（%lld "
				  "元），应当修改合同后重新送审",
				  (long long)int_of(in, "signed_amount"), (long long)k.amount);
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				      "UPDATE legal_contract SET signed_on = ?, signed_amount = ?"
				      " WHERE case_id = ?",
				      "tii", fz_json_str(in, "signed_on"),
				      int_of(in, "signed_amount"), c->case_id),
			  err);
	if (rc)
		return rc;
	/* From now on the milestones are performed: their clock runs (state is set after us). */
	struct fz_case_row performed = *c;
	snprintf(performed.state, sizeof performed.state, "performing");
	long open = 0;
	return sync_clock(ctx, &performed, &open, err);
}

static enum fz_code dispute(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			    struct fz_err *err)
{
	struct contract k;
	enum fz_code rc = load(ctx, c->case_id, &k, err);
	if (!rc)
		rc = date_between(ctx, in, "raised_on", "争议发生日期", k.signed_on, "签订日期",
				  err);
	if (rc)
		return rc;
	return fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"INSERT INTO legal_dispute(case_id, seq, kind, raised_on, summary)"
			" VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM legal_dispute"
			" WHERE case_id = ?), ?, ?, ?)",
			"iittt", c->case_id, c->case_id, fz_json_str(in, "kind"),
			fz_json_str(in, "raised_on"), fz_json_str(in, "summary")),
	    err);
}

static enum fz_code resolve(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			    struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT MAX(seq), MAX(raised_on) FROM legal_dispute"
					 " WHERE case_id = ? AND outcome IS NULL",
					 "i", c->case_id);
	if (!st)
		return err->code;
	int64_t seq = 0;
	char raised[11] = "";
	if (fz_stmt_row(st) && !fz_col_null(st, 0)) {
		seq = fz_col_int(st, 0);
		snprintf(raised, sizeof raised, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	if (!seq)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "没有待处理的合同争议");
	enum fz_code rc =
	    date_between(ctx, in, "resolved_on", "结果日期", raised, "争议发生日期", err);
	if (rc)
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE legal_dispute SET outcome = ?, resolved_on = ?,"
					" outcome_note = ? WHERE case_id = ? AND seq = ?",
					"tttii", fz_json_str(in, "outcome"),
					fz_json_str(in, "resolved_on"),
					fz_json_str(in, "outcome_note"), c->case_id, seq),
			    err);
}

static enum fz_code complete(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			     struct fz_err *err)
{
	struct contract k;
	enum fz_code rc = load(ctx, c->case_id, &k, err);
	if (!rc)
		rc = date_between(ctx, in, "completed_on", "履行完毕日期", k.signed_on, "签订日期",
				  err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT COUNT(*) FROM legal_milestone WHERE case_id = ? AND done_on IS NULL", "i",
	    c->case_id);
	if (!st)
		return err->code;
	long open = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (open)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "尚有 %ld 个履行节点未登记完成，不能登记履行完毕", open);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE legal_contract SET completed_on = ?, end_note = ?"
					" WHERE case_id = ?",
					"tti", fz_json_str(in, "completed_on"),
					fz_json_str(in, "note"), c->case_id),
			    err);
}

static enum fz_code terminate(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			      struct fz_err *err)
{
	struct contract k;
	enum fz_code rc = load(ctx, c->case_id, &k, err);
	if (!rc)
		rc = date_between(ctx, in, "terminated_on", "解除日期", k.signed_on, "签订日期",
				  err);
	if (rc)
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE legal_contract SET terminated_on = ?, end_note = ?"
					" WHERE case_id = ?",
					"tti", fz_json_str(in, "terminated_on"),
					fz_json_str(in, "reason"), c->case_id),
			    err);
}

enum fz_code fz_legal_contract_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				     const struct fz_transition *tr, json_t *input,
				     struct fz_err *err)
{
	const char *n = tr->name;
	if (strcmp(n, "revise") == 0)
		return revise(ctx, c, input, err);
	if (strcmp(n, "submit_review") == 0)
		return submit_review(ctx, c, input, err);
	if (strcmp(n, "review_passed") == 0 || strcmp(n, "review_failed") == 0)
		return review_result(ctx, c, input, err);
	if (strcmp(n, "sign") == 0)
		return sign(ctx, c, input, err);
	if (strcmp(n, "dispute") == 0)
		return dispute(ctx, c, input, err);
	if (strcmp(n, "resolve_dispute") == 0)
		return resolve(ctx, c, input, err);
	if (strcmp(n, "complete") == 0)
		return complete(ctx, c, input, err);
	if (strcmp(n, "terminate") == 0)
		return terminate(ctx, c, input, err);
	return FZ_OK;
}

/* ---- the contract's fields (the case page) --------------------------------------------------- */

static void set_text(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	if (!fz_col_null(st, col))
		fz_json_set_str(o, key, fz_col_text(st, col));
}

static void set_int(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	if (!fz_col_null(st, col))
		json_object_set_new(o, key, json_integer(fz_col_int(st, col)));
}

static enum fz_code rows_json(struct fz_ctx *ctx, const char *sql, int64_t case_id,
			      const char *const *keys, const char *const *kinds, json_t *obj,
			      const char *member, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "i", case_id);
	if (!st)
		return err->code;
	json_t *arr = json_array();
	while (fz_stmt_row(st)) {
		json_t *o = json_object();
		for (int i = 0; keys[i]; i++) {
			if (kinds[i][0] == 'i')
				set_int(o, keys[i], st, i);
			else
				set_text(o, keys[i], st, i);
		}
		json_array_append_new(arr, o);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	json_object_set_new(obj, member, arr);
	return failed ? err->code : FZ_OK;
}

enum fz_code fz_legal_contract_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT k.kind, k.amount, k.planned_sign_on, k.subject, k.review_case_id, r.number,"
	    " k.review_opinion, k.reviewed_on, k.signed_on, k.signed_amount, k.completed_on,"
	    " k.terminated_on, k.end_note, k.parties, r.state, r.due_date"
	    " FROM legal_contract k LEFT JOIN case_record r ON r.case_id = k.review_case_id"
	    " WHERE k.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		const char *kind = fz_col_text(st, 0);
		fz_json_set_str(obj, "kind", kind);
		fz_json_set_str(obj, "kind_label", fz_option_label(fz_legal_contract_kinds, kind));
		set_int(obj, "amount", st, 1);
		set_text(obj, "planned_sign_on", st, 2);
		set_text(obj, "subject", st, 3);
		set_int(obj, "review_case_id", st, 4);
		set_text(obj, "review_number", st, 5);
		set_text(obj, "review_opinion", st, 6);
		if (!fz_col_null(st, 6))
			fz_json_set_str(
			    obj, "review_opinion_label",
			    fz_option_label(fz_legal_review_opinions, fz_col_text(st, 6)));
		set_text(obj, "reviewed_on", st, 7);
		set_text(obj, "signed_on", st, 8);
		set_int(obj, "signed_amount", st, 9);
		set_text(obj, "completed_on", st, 10);
		set_text(obj, "terminated_on", st, 11);
		set_text(obj, "end_note", st, 12);
		set_text(obj, "counterparty_names", st, 13);
		set_text(obj, "review_state", st, 14);
		if (!fz_col_null(st, 14) && strcmp(fz_col_text(st, 14), "done") != 0)
			set_text(obj, "review_due_date", st, 15);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	static const char *const pk[] = {"seq", "name", "credit_code", NULL};
	static const char *const pt[] = {"i", "t", "t"};
	enum fz_code rc = rows_json(ctx,
				    "SELECT seq, name, credit_code FROM legal_contract_party"
				    " WHERE case_id = ? ORDER BY seq",
				    case_id, pk, pt, obj, "counterparties", err);
	static const char *const mk[] = {"seq",	    "title", "due_on", "amount",
					 "done_on", "note",  NULL};
	static const char *const mt[] = {"i", "t", "t", "i", "t", "t"};
	if (!rc)
		rc = rows_json(
		    ctx,
		    "SELECT seq, title, due_on, amount, done_on, note FROM legal_milestone"
		    " WHERE case_id = ? ORDER BY due_on, seq",
		    case_id, mk, mt, obj, "milestones", err);
	static const char *const dk[] = {"seq",	    "kind",	   "raised_on",	   "summary",
					 "outcome", "resolved_on", "outcome_note", NULL};
	static const char *const dt[] = {"i", "t", "t", "t", "t", "t", "t"};
	if (!rc)
		rc = rows_json(
		    ctx,
		    "SELECT seq, kind, raised_on, summary, outcome, resolved_on, outcome_note"
		    " FROM legal_dispute WHERE case_id = ? ORDER BY seq",
		    case_id, dk, dt, obj, "disputes", err);
	if (rc)
		return rc;
	/* Labels, and each open milestone's standing against today and the reminder window. */
	int window = (int)fz_setting_int(ctx->db, "legal.milestone_remind_days", 10);
	size_t i;
	json_t *m;
	json_array_foreach (json_object_get(obj, "milestones"), i, m) {
		if (json_object_get(m, "done_on"))
			continue;
		int due = day_of(fz_json_str(m, "due_on"));
		json_object_set_new(m, "days_left", json_integer(due - ctx->today));
		json_object_set_new(m, "remind", json_boolean(due - ctx->today <= window));
		json_object_set_new(m, "overdue", json_boolean(due < ctx->today));
	}
	json_array_foreach (json_object_get(obj, "disputes"), i, m) {
		fz_json_set_str(m, "kind_label",
				fz_option_label(fz_legal_dispute_kinds, fz_json_str(m, "kind")));
		if (fz_json_str(m, "outcome"))
			fz_json_set_str(
			    m, "outcome_label",
			    fz_option_label(fz_legal_dispute_outcomes, fz_json_str(m, "outcome")));
	}
	json_object_set_new(obj, "milestone_remind_days", json_integer(window));
	return FZ_OK;
}

/* ---- lists ------------------------------------------------------------------------------------
 */

static json_t *contract_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	const char *kind = fz_col_text(st, 13);
	fz_json_set_str(o, "kind", kind);
	fz_json_set_str(o, "kind_label", fz_option_label(fz_legal_contract_kinds, kind));
	set_int(o, "amount", st, 14);
	set_text(o, "counterparty_names", st, 15);
	set_text(o, "review_opinion", st, 16);
	if (!fz_col_null(st, 16))
		fz_json_set_str(o, "review_opinion_label",
				fz_option_label(fz_legal_review_opinions, fz_col_text(st, 16)));
	set_text(o, "reviewed_on", st, 17);
	set_text(o, "signed_on", st, 18);
	set_int(o, "signed_amount", st, 19);
	set_text(o, "next_milestone_on", st, 20);
	set_int(o, "disputes", st, 21);
	set_text(o, "planned_sign_on", st, 22);
	return o;
}

static const char *const contract_like[] = {"c.number", "c.title", "k.parties", NULL};

static const struct fz_list_filter contract_filters[] = {
    /* .tally: the condition holds on legal_contract_tally too (legal-002). */
    {.param = "year",
     .label = "登记年度",
     .kind = FZ_LF_YEAR,
     .sql = "c.received_on",
     .tally = true},
    {.param = "reviewed_year", .label = "审核年度", .kind = FZ_LF_YEAR, .sql = "k.reviewed_on"},
    {.param = "signed_year", .label = "签订年度", .kind = FZ_LF_YEAR, .sql = "k.signed_on"},
    {.param = "agency_id",
     .label = "承办单位",
     .kind = FZ_LF_AGENCY,
     .sql = "c.agency_id = ?",
     .tally = true},
    {.param = "state",
     .label = "状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_legal_contract_type,
     .tally = true},
    {.param = "kind",
     .label = "合同类型",
     .kind = FZ_LF_OPTION,
     .sql = "k.kind = ?",
     .options = fz_legal_contract_kinds,
     .labels_too = true},
    {.param = "review_opinion",
     .label = "审核意见",
     .kind = FZ_LF_OPTION,
     .sql = "k.review_opinion = ?",
     .options = fz_legal_review_opinions,
     .labels_too = true},
    {.param = "disputed",
     .label = "有争议",
     .kind = FZ_LF_FLAG,
     .sql = "EXISTS (SELECT 1 FROM legal_dispute d WHERE d.case_id = c.case_id)"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q",
     .label = "关键词",
     .kind = FZ_LF_KEYWORD,
     .max_chars = 50,
     .like = contract_like},
    {.param = NULL},
};

static const struct fz_list_sort contract_sorts[] = {
    /* Newest first: the registration day, then the order of registration (an index's order). */
    {.name = "created_at", .expr = "c.received_on"},
    {.name = "amount", .expr = "k.amount"},
    {.name = "signed_on", .expr = "k.signed_on", .nulls_last = true},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col contract_cols[] = {
    {.key = "number", .header = "登记编号", .width = 20},
    {.key = "title", .header = "合同名称", .width = 40},
    {.key = "agency_name", .header = "承办单位", .width = 24},
    {.key = "kind_label", .header = "合同类型", .width = 10},
    {.key = "counterparty_names", .header = "合同相对方", .width = 36},
    {.key = "amount", .header = "合同金额（元）", .kind = FZ_LC_NUMBER, .width = 16},
    {.key = "state_label", .header = "状态", .width = 16},
    {.key = "review_opinion_label", .header = "合法性审核意见", .width = 14},
    {.key = "reviewed_on", .header = "审核日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "signed_on", .header = "签订日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "signed_amount", .header = "签订金额（元）", .kind = FZ_LC_NUMBER, .width = 16},
    {.key = "next_milestone_on", .header = "最近履行节点", .kind = FZ_LC_DATE, .width = 12},
    {.key = "disputes", .header = "争议（件）", .kind = FZ_LC_NUMBER, .width = 10},
    {.key = NULL},
};

/*
 * Beside the page: the amounts of every contract the filters select (the register's totals);
 * under the agency, state and year filters alone, from the tally (legal-002) like the count.
 */
static enum fz_code contracts_finish(struct fz_list_run *run, json_t *out, struct fz_err *err)
{
	const char *sql =
	    run->tally_ok
		? fz_arena_printf(
		      run->ctx->arena,
		      "SELECT COALESCE(SUM(c.amount), 0), COALESCE(SUM(c.signed_amount), 0)"
		      " FROM %s WHERE 1 = 1%s",
		      run->list->tally_from, run->where)
		: fz_arena_printf(
		      run->ctx->arena,
		      "SELECT COALESCE(SUM(k.amount), 0), COALESCE(SUM(k.signed_amount), 0)"
		      " FROM %s WHERE 1 = 1%s",
		      run->list->from, run->where);
	struct fz_stmt *st = fz_db_query_v(run->ctx->db, err, sql, run->binds, run->nbinds);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		json_object_set_new(out, "amount_total", json_integer(fz_col_int(st, 0)));
		json_object_set_new(out, "signed_amount_total", json_integer(fz_col_int(st, 1)));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

const struct fz_list fz_legal_contracts_list = {
    .name = "政府合同",
    .select =
	FZ_CASE_ROW_COLS ", k.kind, k.amount, k.parties, k.review_opinion, k.reviewed_on,"
			 " k.signed_on, k.signed_amount,"
			 " (SELECT MIN(m.due_on) FROM legal_milestone m WHERE m.case_id = c.case_id"
			 " AND m.done_on IS NULL),"
			 " (SELECT COUNT(*) FROM legal_dispute d WHERE d.case_id = c.case_id),"
			 " k.planned_sign_on",
    .from = "case_record c JOIN legal_contract k ON k.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    /*
     * At 200,000 contracts: a page's ids from case_record alone (the index by type or by
     * agency and type, in registration order), then 20 rows joined; the count and the totals
     * under the agency, state and year filters from the tally (a few thousand rows).
     */
    .key_from = "(SELECT * FROM case_record WHERE case_type = 'legal_contract') c",
    .key_aliases = "c",
    .key = "c.case_id",
    .tally_from = "legal_contract_tally c",
    .scope = "c.agency_id",
    .filters = contract_filters,
    .sorts = contract_sorts,
    .sort_default = "-created_at",
    .tiebreak = "c.case_id",
    .row = contract_row,
    .finish = contracts_finish,
    .columns = contract_cols,
};

/* Milestones: open ones due within the reminder window (remind=1), or any of a year. */
static enum fz_code remind_filter(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (strcmp(v, "1") != 0 && strcmp(v, "true") != 0 && strcmp(v, "0") != 0 &&
	    strcmp(v, "false") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "remind", "“待提醒”只能是 1 或 0");
	if (v[0] == '0' || v[0] == 'f')
		return FZ_OK;
	int window = (int)fz_setting_int(run->ctx->db, "legal.milestone_remind_days", 10);
	char *until = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(run->ctx->today + window, until);
	fz_list_where(
	    run, "m.done_on IS NULL AND c.state IN ('performing', 'disputed') AND m.due_on <= ?");
	fz_list_bind_text(run, until);
	return FZ_OK;
}

static const char *const milestone_like[] = {"c.number", "c.title", "m.title", NULL};

static const struct fz_list_filter milestone_filters[] = {
    {.param = "due_year", .label = "约定期限年度", .kind = FZ_LF_YEAR, .sql = "m.due_on"},
    {.param = "agency_id", .label = "承办单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "case_id", .label = "合同", .kind = FZ_LF_ID, .sql = "m.case_id = ?"},
    /* Still to perform: not done, of a contract in performance (a terminated one's are not). */
    {.param = "open",
     .label = "待履行",
     .kind = FZ_LF_FLAG,
     .sql = "m.done_on IS NULL AND c.state IN ('performing', 'disputed')"},
    {.param = "remind", .label = "待提醒", .kind = FZ_LF_CUSTOM, .custom = remind_filter},
    {.param = "q",
     .label = "关键词",
     .kind = FZ_LF_KEYWORD,
     .max_chars = 50,
     .like = milestone_like},
    {.param = NULL},
};

static const struct fz_list_sort milestone_sorts[] = {
    {.name = "due_on", .expr = "m.due_on"},
    {.name = NULL},
};

static const struct fz_list_col milestone_cols[] = {
    {.key = "case_id", .sql = "c.case_id", .kind = FZ_LC_NUMBER},
    {.key = "number", .sql = "c.number", .header = "合同登记编号", .width = 20},
    {.key = "contract_title", .sql = "c.title", .header = "合同名称", .width = 36},
    {.key = "agency_id", .sql = "c.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "承办单位", .width = 24},
    {.key = "state", .sql = "c.state"},
    {.key = "seq", .sql = "m.seq", .kind = FZ_LC_NUMBER},
    {.key = "title", .sql = "m.title", .header = "履行节点", .width = 30},
    {.key = "due_on", .sql = "m.due_on", .kind = FZ_LC_DATE, .header = "约定期限", .width = 12},
    {.key = "amount",
     .sql = "m.amount",
     .kind = FZ_LC_NUMBER,
     .header = "涉及金额（元）",
     .width = 14},
    {.key = "done_on", .sql = "m.done_on", .kind = FZ_LC_DATE, .header = "完成日期", .width = 12},
    {.key = "note", .sql = "m.note", .header = "完成情况", .width = 30},
    {.key = NULL},
};

const struct fz_list fz_legal_milestones_list = {
    .name = "合同履行节点",
    .from = "legal_milestone m JOIN case_record c ON c.case_id = m.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .scope = "c.agency_id",
    .filters = milestone_filters,
    .sorts = milestone_sorts,
    .sort_default = "due_on",
    .tiebreak = "m.case_id, m.seq",
    .columns = milestone_cols,
};

static const struct fz_list_filter dispute_filters[] = {
    {.param = "year", .label = "争议发生年度", .kind = FZ_LF_YEAR, .sql = "d.raised_on"},
    {.param = "agency_id", .label = "承办单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "kind",
     .label = "争议解决方式",
     .kind = FZ_LF_OPTION,
     .sql = "d.kind = ?",
     .options = fz_legal_dispute_kinds,
     .labels_too = true},
    {.param = "outcome",
     .label = "处理结果",
     .kind = FZ_LF_OPTION,
     .sql = "d.outcome = ?",
     .options = fz_legal_dispute_outcomes,
     .labels_too = true},
    {.param = "open", .label = "未处理完毕", .kind = FZ_LF_FLAG, .sql = "d.outcome IS NULL"},
    {.param = NULL},
};

static const struct fz_list_sort dispute_sorts[] = {
    {.name = "raised_on", .expr = "d.raised_on"},
    {.name = NULL},
};

static const struct fz_list_col dispute_cols[] = {
    {.key = "case_id", .sql = "c.case_id", .kind = FZ_LC_NUMBER},
    {.key = "number", .sql = "c.number", .header = "合同登记编号", .width = 20},
    {.key = "contract_title", .sql = "c.title", .header = "合同名称", .width = 36},
    {.key = "agency_id", .sql = "c.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "承办单位", .width = 24},
    {.key = "seq", .sql = "d.seq", .kind = FZ_LC_NUMBER},
    {.key = "kind", .sql = "d.kind"},
    {.key = "kind_label",
     .sql = "d.kind",
     .kind = FZ_LC_LABEL,
     .options = fz_legal_dispute_kinds,
     .header = "解决方式",
     .width = 10},
    {.key = "raised_on",
     .sql = "d.raised_on",
     .kind = FZ_LC_DATE,
     .header = "发生日期",
     .width = 12},
    {.key = "summary", .sql = "d.summary", .header = "争议事项", .width = 40},
    {.key = "outcome", .sql = "d.outcome"},
    {.key = "outcome_label",
     .sql = "d.outcome",
     .kind = FZ_LC_LABEL,
     .options = fz_legal_dispute_outcomes,
     .header = "处理结果",
     .width = 16},
    {.key = "resolved_on",
     .sql = "d.resolved_on",
     .kind = FZ_LC_DATE,
     .header = "结果日期",
     .width = 12},
    {.key = NULL},
};

const struct fz_list fz_legal_disputes_list = {
    .name = "合同争议",
    .from = "legal_dispute d JOIN case_record c ON c.case_id = d.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .scope = "c.agency_id",
    .filters = dispute_filters,
    .sorts = dispute_sorts,
    .sort_default = "-raised_on",
    .tiebreak = "d.case_id, d.seq",
    .columns = dispute_cols,
};
