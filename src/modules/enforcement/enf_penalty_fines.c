/*
 * enf_penalty_fines.c - the fine after a penalty decision (行政处罚法 2021,
 * 第66-67条, 第72-73条): the party's written application to defer or pay in
 * instalments and the head's approval, the payments (fine and late surcharge
 * apart), the head's reduction of a surcharge, and the reconsideration or
 * lawsuit that keeps days out of the surcharge and may revoke the decision.
 *
 * The ledger is the truth of what was paid: every payment, also the one the
 * case's own `pay` step records, is a row of enf_fine_payment, and the case
 * becomes 已缴纳罚款 (the engine's `pay`) only when the whole fine is paid.
 * The payment clock (第67条) follows the approved due day of the next unpaid
 * instalment. Every write is one transaction with its audit event; a refusal
 * writes nothing.
 *
 * Not for: the arithmetic (enf_fine_rules.c), court enforcement of an unpaid
 * fine (coercive execution), the reconsideration and litigation procedures
 * themselves (their module; linked here by case number only).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/enforcement/enf_fine_rules.h"
#include "modules/enforcement/enf_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"

#define MAX_PAUSES 16

#define ART66                                                                                                                                  \
	"《行政处罚法》第六十六条第二款：当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人" \
	"申请和行政机关批准，可以暂缓或者分期缴纳"
#define ART67                                                                                                                                  \
	"《行政处罚法》第六十七条第三款：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银" \
	"行或者通过电子支付系统缴纳罚款"
#define ART72                                                                                                                                  \
	"《行政处罚法》第七十二条第一款第一项：到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款" \
	"，加处罚款的数额不得超出罚款的数额"
#define ART73                                                                                                                                  \
	"《行政处罚法》第七十三条第三款：当事人申请行政复议或者提起行政诉讼的，加处罚款的数额在行" \
	"政复议或者行政诉讼期间不予计算"

const struct fz_option fz_fine_modes[] = {
    {"defer", "暂缓缴纳"}, {"instalments", "分期缴纳"}, {NULL, NULL}};
const struct fz_option fz_fine_remedy_kinds[] = {
    {"reconsideration", "申请行政复议"}, {"litigation", "提起行政诉讼"}, {NULL, NULL}};
const struct fz_option fz_fine_remedy_outcomes[] = {{"upheld", "维持原处罚决定"},
						    {"rejected", "驳回复议申请或者诉讼请求"},
						    {"withdrawn", "撤回复议申请或者撤诉"},
						    {"changed", "变更处罚决定"},
						    {"unlawful", "确认违法"},
						    {"revoked", "撤销处罚决定"},
						    {NULL, NULL}};
static const struct fz_option application_status[] = {
    {"pending", "待审批"}, {"approved", "已批准"}, {"refused", "不予批准"}, {NULL, NULL}};

struct instalment {
	int due, due_eff; /* approved day; the day it falls due (a rest day rolls on) */
	long amount;
	int paid; /* -1: unpaid */
};

struct ledger {
	int64_t case_id;
	char state[32];
	long fine; /* yuan; 0: no fine to collect */
	int decided, served, statutory_due;
	char mode[16]; /* approved arrangement: "", "defer", "instalments" */
	size_t n;
	struct instalment inst[FZ_FINE_PLAN_MAX];
	size_t npauses;
	struct fz_fine_pause pauses[MAX_PAUSES];
	bool remedy_open;
	int last_remedy_end;
	long fine_paid, surcharge_paid, reduced; /* yuan, fen, fen */
	int last_paid, last_reduced;		 /* -1: none */
	bool application_pending;
};

static int col_day(struct fz_stmt *st, int col)
{
	int d;
	const char *s = fz_col_text(st, col);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static const char *day_text(struct fz_ctx *ctx, int day)
{
	if (day < 0)
		return NULL;
	char *s = fz_arena_alloc(ctx->arena, 11);
	fz_date_format(day, s);
	return s;
}

static const char *yuan(struct fz_ctx *ctx, long fen)
{
	char *s = fz_arena_alloc(ctx->arena, 32);
	fz_fine_fen_text(fen, s);
	return s;
}

/*
 * day + n calendar days rolled to the next working day (民事诉讼法 第85条, as
 * every CD clock): the calendar's rule, or weekends only beyond its years.
 */
static int roll(struct fz_ctx *ctx, int day, int n)
{
	int out;
	if (fz_calendar_add_days(ctx->cal, day, n, &out) == FZ_OK)
		return out;
	out = day + n;
	while (fz_date_weekday(out) == 0 || fz_date_weekday(out) == 6)
		out++;
	return out;
}

static enum fz_code load(struct fz_ctx *ctx, int64_t case_id, struct ledger *L, struct fz_err *err)
{
	memset(L, 0, sizeof *L);
	L->case_id = case_id;
	L->last_paid = L->last_reduced = L->last_remedy_end = -1;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.state, x.outcome, x.fine_amount, x.decided_on, x.served_on FROM enf_penalty x"
	    " JOIN case_record c ON c.case_id = x.case_id WHERE x.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "行政处罚案件不存在");
	}
	snprintf(L->state, sizeof L->state, "%s", fz_col_text(st, 0));
	const char *outcome = fz_col_text(st, 1);
	L->fine = outcome && strcmp(outcome, "penalty") == 0 ? (long)fz_col_int(st, 2) : 0;
	L->decided = col_day(st, 3);
	L->served = col_day(st, 4);
	fz_stmt_done(st);
	if (L->served >= 0)
		L->statutory_due = roll(ctx, L->served, 15); /* 第67条: fifteen days from receipt */

	st = fz_db_query(ctx->db, err,
			 "SELECT mode, status FROM enf_fine_application WHERE case_id = ?"
			 " ORDER BY application_id",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		const char *status = fz_col_text(st, 1);
		if (strcmp(status, "pending") == 0)
			L->application_pending = true;
		else if (strcmp(status, "approved") == 0)
			snprintf(L->mode, sizeof L->mode, "%s", fz_col_text(st, 0));
	}
	fz_stmt_done(st);

	st = fz_db_query(ctx->db, err,
			 "SELECT due_on, amount, paid_on FROM enf_fine_instalment WHERE case_id = "
			 "? ORDER BY seq",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st) && L->n < FZ_FINE_PLAN_MAX) {
		struct instalment *in = &L->inst[L->n++];
		in->due = col_day(st, 0);
		in->due_eff = roll(ctx, in->due, 0);
		in->amount = (long)fz_col_int(st, 1);
		in->paid = col_day(st, 2);
	}
	fz_stmt_done(st);

	st = fz_db_query(
	    ctx->db, err,
	    "SELECT COALESCE(SUM(fine_amount), 0), COALESCE(SUM(surcharge_fen), 0), MAX(paid_on)"
	    " FROM enf_fine_payment WHERE case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		L->fine_paid = (long)fz_col_int(st, 0);
		L->surcharge_paid = (long)fz_col_int(st, 1);
		L->last_paid = col_day(st, 2);
	}
	fz_stmt_done(st);
	/* No approved plan: the whole fine falls due on the statutory day. */
	if (L->n == 0 && L->fine > 0 && L->served >= 0) {
		L->n = 1;
		L->inst[0] = (struct instalment){L->statutory_due, L->statutory_due, L->fine,
						 L->fine_paid >= L->fine ? L->last_paid : -1};
	}

	st = fz_db_query(
	    ctx->db, err,
	    "SELECT COALESCE(SUM(amount_fen), 0), MAX(decided_on) FROM enf_fine_reduction"
	    " WHERE case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		L->reduced = (long)fz_col_int(st, 0);
		L->last_reduced = col_day(st, 1);
	}
	fz_stmt_done(st);

	st = fz_db_query(ctx->db, err,
			 "SELECT applied_on, ended_on FROM enf_fine_remedy WHERE case_id = ? ORDER "
			 "BY applied_on",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		int from = col_day(st, 0), to = col_day(st, 1);
		if (to < 0)
			L->remedy_open = true;
		else if (to > L->last_remedy_end)
			L->last_remedy_end = to;
		if (L->npauses < MAX_PAUSES)
			L->pauses[L->npauses++] = (struct fz_fine_pause){from, to};
	}
	fz_stmt_done(st);
	return FZ_OK;
}

/*
 * 第72条, 第73条: the surcharge still to pay on day (not before the last
 * payment or reduction): what each instalment accrued until it was paid or
 * until day, less what was paid and reduced. *days: the most days counted on
 * one instalment.
 */
static long outstanding(const struct ledger *L, int day, int *days)
{
	long fen = 0;
	int most = 0;
	for (size_t i = 0; i < L->n; i++) {
		const struct instalment *in = &L->inst[i];
		int d = 0;
		fen +=
		    fz_fine_surcharge_fen(in->amount, in->due_eff, in->paid >= 0 ? in->paid : day,
					  L->pauses, L->npauses, &d);
		if (d > most)
			most = d;
	}
	if (days)
		*days = most;
	fen -= L->surcharge_paid + L->reduced;
	return fen > 0 ? fen : 0;
}

static const struct instalment *next_unpaid(const struct ledger *L)
{
	for (size_t i = 0; i < L->n; i++)
		if (L->inst[i].paid < 0)
			return &L->inst[i];
	return NULL;
}

static bool revoked(const struct ledger *L)
{
	return strcmp(L->state, "revoked") == 0;
}

static void status(const struct ledger *L, int today, const char **code, const char **label)
{
	const struct instalment *next = next_unpaid(L);
	if (L->fine <= 0)
		*code = "none", *label = "无罚款";
	else if (revoked(L))
		*code = "revoked", *label = "处罚决定已撤销，罚款不再缴纳";
	else if (L->fine_paid >= L->fine)
		*code = "paid", *label = "罚款已缴清";
	else if (L->served < 0)
		*code = "not_served", *label = "决定书尚未送达";
	else if (next && next->due_eff < today)
		*code = "overdue", *label = "逾期未缴纳";
	else
		*code = "due", *label = "待缴纳（未到期）";
}

/* ---- the view ------------------------------------------------------------------- */

static json_t *surcharge_json(struct fz_ctx *ctx, const struct ledger *L, int day)
{
	int days;
	long fen = outstanding(L, day, &days);
	json_t *o = json_object();
	fz_json_set_str(o, "on", day_text(ctx, day));
	json_object_set_new(o, "amount_fen", json_integer(fen));
	fz_json_set_str(o, "amount", yuan(ctx, fen));
	json_object_set_new(o, "days", json_integer(days));
	json_object_set_new(o, "paused", json_boolean(L->remedy_open));
	/* 第72条: an unpaid instalment whose surcharge reached its amount grows no more. */
	bool capped = false;
	for (size_t i = 0; i < L->n; i++)
		if (L->inst[i].paid < 0 &&
		    fz_fine_surcharge_fen(L->inst[i].amount, L->inst[i].due_eff, day, L->pauses,
					  L->npauses, NULL) >=
			L->inst[i].amount * FZ_FINE_SURCHARGE_CAP_FEN_PER_YUAN)
			capped = true;
	json_object_set_new(o, "capped", json_boolean(capped));
	fz_json_set_str(o, "article", ART72);
	return o;
}

static enum fz_code view(struct fz_ctx *ctx, const struct ledger *L, int as_of, json_t **out,
			 struct fz_err *err)
{
	json_t *o = json_object();
	const char *code, *label;
	status(L, ctx->today, &code, &label);
	json_object_set_new(o, "case_id", json_integer(L->case_id));
	json_object_set_new(o, "fine_amount", json_integer(L->fine));
	fz_json_set_str(o, "status", code);
	fz_json_set_str(o, "status_label", label);
	fz_json_set_str(o, "served_on", day_text(ctx, L->served));
	fz_json_set_str(o, "statutory_due_on",
			L->served >= 0 ? day_text(ctx, L->statutory_due) : NULL);
	fz_json_set_str(o, "due_article", ART67);
	const struct instalment *next = L->fine > 0 && !revoked(L) ? next_unpaid(L) : NULL;
	fz_json_set_str(o, "next_due_on", next ? day_text(ctx, next->due_eff) : NULL);
	json_object_set_new(o, "next_due_amount", next ? json_integer(next->amount) : json_null());
	fz_json_set_str(o, "mode", L->mode[0] ? L->mode : NULL);
	fz_json_set_str(o, "mode_label", L->mode[0] ? fz_enf_label(fz_fine_modes, L->mode) : NULL);
	fz_json_set_str(o, "arrangement_article", ART66);
	json_object_set_new(o, "fine_paid", json_integer(L->fine_paid));
	json_object_set_new(
	    o, "fine_remaining",
	    json_integer(L->fine > L->fine_paid && !revoked(L) ? L->fine - L->fine_paid : 0));
	json_object_set_new(o, "surcharge_paid_fen", json_integer(L->surcharge_paid));
	fz_json_set_str(o, "surcharge_paid", yuan(ctx, L->surcharge_paid));
	json_object_set_new(o, "surcharge_reduced_fen", json_integer(L->reduced));
	fz_json_set_str(o, "surcharge_reduced", yuan(ctx, L->reduced));
	bool collecting = L->fine > 0 && L->served >= 0 && !revoked(L);
	json_object_set_new(o, "surcharge_today",
			    collecting ? surcharge_json(ctx, L, ctx->today) : json_null());
	json_object_set_new(o, "surcharge_as_of",
			    collecting && as_of >= 0 ? surcharge_json(ctx, L, as_of) : json_null());
	fz_json_set_str(o, "pause_article", ART73);
	json_object_set_new(o, "remedy_open", json_boolean(L->remedy_open));
	json_object_set_new(o, "application_pending", json_boolean(L->application_pending));

	json_t *inst = json_array();
	for (size_t i = 0; i < L->n; i++) {
		const struct instalment *in = &L->inst[i];
		json_t *r = json_pack("{s:I, s:I}", "seq", (json_int_t)(i + 1), "amount",
				      (json_int_t)in->amount);
		fz_json_set_str(r, "due_on", day_text(ctx, in->due));
		fz_json_set_str(r, "due_effective", day_text(ctx, in->due_eff));
		fz_json_set_str(r, "paid_on", day_text(ctx, in->paid));
		json_object_set_new(
		    r, "overdue",
		    json_boolean(in->paid < 0 && !revoked(L) && in->due_eff < ctx->today));
		json_array_append_new(inst, r);
	}
	json_object_set_new(o, "instalments", inst);

	json_t *apps = json_array();
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT application_id, applied_on, mode, reason, status, decided_on, decision_note"
	    " FROM enf_fine_application WHERE case_id = ? ORDER BY application_id",
	    "i", L->case_id);
	if (!st)
		goto fail;
	while (fz_stmt_row(st)) {
		json_t *r = json_pack("{s:I}", "application_id", (json_int_t)fz_col_int(st, 0));
		fz_json_set_str(r, "applied_on", fz_col_text(st, 1));
		fz_json_set_str(r, "mode", fz_col_text(st, 2));
		fz_json_set_str(r, "mode_label", fz_enf_label(fz_fine_modes, fz_col_text(st, 2)));
		fz_json_set_str(r, "reason", fz_col_text(st, 3));
		fz_json_set_str(r, "status", fz_col_text(st, 4));
		fz_json_set_str(r, "status_label",
				fz_enf_label(application_status, fz_col_text(st, 4)));
		fz_json_set_str(r, "decided_on", fz_col_text(st, 5));
		fz_json_set_str(r, "decision_note", fz_col_text(st, 6));
		json_array_append_new(apps, r);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "applications", apps);

	json_t *pays = json_array();
	json_object_set_new(o, "payments", pays);
	st = fz_db_query(ctx->db, err,
			 "SELECT payment_id, paid_on, fine_amount, surcharge_fen, receipt_no FROM "
			 "enf_fine_payment"
			 " WHERE case_id = ? ORDER BY paid_on, payment_id",
			 "i", L->case_id);
	if (!st)
		goto fail;
	while (fz_stmt_row(st)) {
		json_t *r = json_pack(
		    "{s:I, s:I, s:I}", "payment_id", (json_int_t)fz_col_int(st, 0), "fine_amount",
		    (json_int_t)fz_col_int(st, 2), "surcharge_fen", (json_int_t)fz_col_int(st, 3));
		fz_json_set_str(r, "paid_on", fz_col_text(st, 1));
		fz_json_set_str(r, "surcharge_amount", yuan(ctx, (long)fz_col_int(st, 3)));
		fz_json_set_str(r, "receipt_no", fz_col_text(st, 4));
		json_array_append_new(pays, r);
	}
	fz_stmt_done(st);

	json_t *reds = json_array();
	json_object_set_new(o, "reductions", reds);
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT decided_on, amount_fen, reason FROM enf_fine_reduction WHERE case_id = ?"
	    " ORDER BY reduction_id",
	    "i", L->case_id);
	if (!st)
		goto fail;
	while (fz_stmt_row(st)) {
		json_t *r = json_pack("{s:I}", "amount_fen", (json_int_t)fz_col_int(st, 1));
		fz_json_set_str(r, "decided_on", fz_col_text(st, 0));
		fz_json_set_str(r, "amount", yuan(ctx, (long)fz_col_int(st, 1)));
		fz_json_set_str(r, "reason", fz_col_text(st, 2));
		json_array_append_new(reds, r);
	}
	fz_stmt_done(st);

	json_t *pauses = json_array();
	json_object_set_new(o, "pauses", pauses);
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT r.remedy_id, r.kind, r.applied_on, r.remedy_number, r.remedy_case_id,"
	    " r.ended_on, r.outcome, r.note, k.state FROM enf_fine_remedy r"
	    " LEFT JOIN case_record k ON k.case_id = r.remedy_case_id"
	    " WHERE r.case_id = ? ORDER BY r.applied_on",
	    "i", L->case_id);
	if (!st)
		goto fail;
	while (fz_stmt_row(st)) {
		json_t *r = json_pack("{s:I}", "remedy_id", (json_int_t)fz_col_int(st, 0));
		fz_json_set_str(r, "kind", fz_col_text(st, 1));
		fz_json_set_str(r, "kind_label",
				fz_enf_label(fz_fine_remedy_kinds, fz_col_text(st, 1)));
		fz_json_set_str(r, "applied_on", fz_col_text(st, 2));
		fz_json_set_str(r, "remedy_number", fz_col_text(st, 3));
		json_object_set_new(r, "remedy_case_id",
				    fz_col_null(st, 4) ? json_null()
						       : json_integer(fz_col_int(st, 4)));
		fz_json_set_str(r, "remedy_state", fz_col_text(st, 8));
		fz_json_set_str(r, "ended_on", fz_col_text(st, 5));
		const char *oc = fz_col_text(st, 6);
		fz_json_set_str(r, "outcome", oc);
		fz_json_set_str(r, "outcome_label",
				oc ? fz_enf_label(fz_fine_remedy_outcomes, oc) : NULL);
		fz_json_set_str(r, "note", fz_col_text(st, 7));
		int from = col_day(st, 2), to = col_day(st, 5);
		int end = to >= 0 ? to : ctx->today;
		json_object_set_new(r, "days", json_integer(end >= from ? end - from + 1 : 0));
		fz_json_set_str(r, "article", ART73);
		json_array_append_new(pauses, r);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "modes", fz_options_json(fz_fine_modes));
	json_object_set_new(o, "remedy_kinds", fz_options_json(fz_fine_remedy_kinds));
	json_object_set_new(o, "remedy_outcomes", fz_options_json(fz_fine_remedy_outcomes));
	*out = o;
	return FZ_OK;
fail:
	json_decref(o);
	return err->code;
}

/* ---- checks shared by the writes --------------------------------------------------- */

/* A date input (already checked by the route's fields) not after today and not before min. */
static enum fz_code in_day(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
			   int min, const char *min_label, int *day, struct fz_err *err)
{
	const char *s = fz_json_str(in, key);
	if (!s || fz_date_parse(s, day) != FZ_OK)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请填写“%s”（%s）", label, key);
	if (*day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	if (min >= 0 && *day < min)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能早于%s（%s）", label, min_label,
				  day_text(ctx, min));
	return FZ_OK;
}

/* The route admits the head only; the demo's acts and any other caller are held to it too. */
static enum fz_code head_only(const struct fz_ctx *ctx, const char *what, struct fz_err *err)
{
	if (fz_ctx_role(ctx) == FZ_ROLE_AGENCY_HEAD)
		return FZ_OK;
	return fz_err_set(err, FZ_EFORBIDDEN, NULL, "%s须由行政机关负责人决定", what);
}

/* The fine is still to be collected: decided, served, not paid, not revoked. */
static enum fz_code collecting(const struct ledger *L, const char *what, struct fz_err *err)
{
	if (L->fine <= 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "本案没有罚款，不能%s", what);
	if (revoked(L))
		return fz_err_set(err, FZ_ESTATE, NULL, "处罚决定已被撤销，罚款不再缴纳，不能%s",
				  what);
	if (L->fine_paid >= L->fine || strcmp(L->state, "served") != 0) {
		if (L->fine_paid >= L->fine)
			return fz_err_set(err, FZ_ESTATE, NULL, "罚款已缴清，不能%s", what);
		return fz_err_set(err, FZ_ESTATE, NULL, "处罚决定书送达后才能%s", what);
	}
	return FZ_OK;
}

/*
 * An event of the case's record. The action is the Chinese name of the
 * operation: these are not transitions, so the case page shows the action
 * as it is stored.
 */
static enum fz_code event(struct fz_ctx *ctx, int64_t case_id, const char *action, const char *note,
			  json_t *in, struct fz_err *err)
{
	struct fz_event ev = {.case_id = case_id,
			      .entity = "case",
			      .action = action,
			      .note = note,
			      .input = in ? fz_json_text(ctx->arena, in, NULL) : NULL};
	return fz_audit_append(ctx, &ev, NULL, err);
}

/* The payment clock (第67条) runs to the next unpaid instalment's approved day. */
static enum fz_code follow_clock(struct fz_ctx *ctx, const struct ledger *L, struct fz_err *err)
{
	const struct instalment *next = next_unpaid(L);
	if (!next)
		return FZ_OK;
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, L->case_id, true, &c, err);
	if (rc)
		return rc;
	int trigger = L->served, days = next->due - L->served;
	if (days <= 0)
		trigger = next->due - 1, days = 1;
	return fz_case_clock_start(ctx, &c, "payment", trigger, days, err);
}

/*
 * A payment of fine (yuan) and surcharge (fen) on day: refused unless it
 * covers what is due that day - every instalment overdue by then, whole
 * instalments only, and the surcharge outstanding on that day to the fen.
 */
static enum fz_code check_payment(struct fz_ctx *ctx, const struct ledger *L, int day, long fine,
				  long surcharge, const char *fine_field, size_t *covers,
				  struct fz_err *err)
{
	size_t first = 0;
	while (first < L->n && L->inst[first].paid >= 0)
		first++;
	size_t overdue = 0;
	for (size_t i = first; i < L->n; i++)
		if (L->inst[i].due_eff < day)
			overdue = i + 1 - first;
	size_t least = overdue ? overdue : 1;
	long need = 0, sum = 0;
	for (size_t i = first; i < L->n && i < first + least; i++)
		need += L->inst[i].amount;
	size_t k = 0;
	while (first + k < L->n && sum < fine)
		sum += L->inst[first + k++].amount;
	if (fine < 1 || sum != fine || k < least) {
		if (L->n - first == 1)
			return fz_err_set(
			    err, FZ_EBAD_VALUE, fine_field,
			    "缴纳的罚款 %ld 元与应缴罚款 %ld "
			    "元不符（暂缓或分期缴纳须经批准，《行政处罚法》第六十六条）",
			    fine, L->fine - L->fine_paid);
		return fz_err_set(err, FZ_EBAD_VALUE, fine_field,
				  "缴纳的罚款 %ld 元不符合分期缴纳计划：%s缴纳的应至少为 %ld "
				  "元（已到期的各期须一并缴清），且为整期金额之和",
				  fine, day_text(ctx, day), need);
	}
	int days;
	long due = outstanding(L, day, &days);
	if (surcharge != due)
		return fz_err_set(err, FZ_EBAD_VALUE, "surcharge_amount",
				  "%s缴纳时应缴加处罚款 %s 元（逾期 %d "
				  "日，每日按罚款数额的百分之三，不超过罚款数额，《行政处罚法》第七"
				  "十二条），登记的加处罚款为 %s 元",
				  day_text(ctx, day), yuan(ctx, due), days, yuan(ctx, surcharge));
	*covers = k;
	return FZ_OK;
}

static enum fz_code insert_payment(struct fz_ctx *ctx, struct ledger *L, int day, long fine,
				   long surcharge, const char *receipt, size_t covers,
				   struct fz_err *err)
{
	char now[21];
	fz_iso_utc(ctx->now, now);
	int64_t id = 0;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"INSERT INTO enf_fine_payment (case_id, paid_on, fine_amount, "
			"surcharge_fen, receipt_no,"
			" created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING payment_id",
			"itiitt", L->case_id, day_text(ctx, day), (int64_t)fine, (int64_t)surcharge,
			receipt, now);
	enum fz_code rc = fz_stmt_exec_id(st, &id, err);
	if (rc)
		return rc;
	size_t done = 0;
	for (size_t i = 0; i < L->n && done < covers; i++) {
		if (L->inst[i].paid >= 0)
			continue;
		L->inst[i].paid = day;
		done++;
		if (L->mode[0] &&
		    (rc = fz_stmt_exec(
			 fz_db_query(ctx->db, err,
				     "UPDATE enf_fine_instalment SET paid_on = ?, payment_id = ?"
				     " WHERE case_id = ? AND seq = ?",
				     "tiii", day_text(ctx, day), id, L->case_id, (int64_t)(i + 1)),
			 err)))
			return rc;
	}
	L->fine_paid += fine;
	L->surcharge_paid += surcharge;
	L->last_paid = day;
	return FZ_OK;
}

/* ---- the case's own `pay` step (enf_penalty.c) ----------------------------------- */

enum fz_code fz_enf_fine_on_pay(struct fz_ctx *ctx, int64_t case_id, int day, long paid,
				const char *receipt, struct fz_err *err)
{
	struct ledger L;
	enum fz_code rc = load(ctx, case_id, &L, err);
	if (rc)
		return rc;
	/* Taken by the ledger's last payment below: it is recorded already. */
	if (L.fine_paid >= L.fine && L.fine > 0)
		return FZ_OK;
	if (L.last_paid >= 0 && day < L.last_paid)
		return fz_err_set(err, FZ_EBAD_DATE, "paid_on",
				  "缴纳日期不能早于上一笔缴款日期（%s）",
				  day_text(ctx, L.last_paid));
	size_t covers;
	if ((rc = check_payment(ctx, &L, day, paid, 0, "paid_amount", &covers, err))) {
		if (strcmp(err->field, "surcharge_amount") == 0)
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "paid_amount",
			    "已逾期缴纳，应同时缴纳加处罚款 %s "
			    "元（《行政处罚法》第七十二条），请在“罚款缴纳”中登记罚款和加处罚款",
			    yuan(ctx, outstanding(&L, day, NULL)));
		return rc;
	}
	if (L.fine_paid + paid < L.fine)
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "paid_amount",
		    "本案分期缴纳，尚有 %ld 元未到缴纳的期数，请在“罚款缴纳”中逐期登记",
		    L.fine - L.fine_paid - paid);
	return insert_payment(ctx, &L, day, paid, 0, receipt, covers, err);
}

/* ---- routes ------------------------------------------------------------------------ */

static enum fz_code answer(struct fz_ctx *ctx, int64_t id, int as_of, json_t **out,
			   struct fz_err *err)
{
	struct ledger L;
	enum fz_code rc = load(ctx, id, &L, err);
	return rc ? rc : view(ctx, &L, as_of, out, err);
}

enum fz_code fz_enf_fine_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "行政处罚案件不存在", err);
	if (rc)
		return rc;
	struct ledger L;
	if ((rc = load(req->ctx, id, &L, err)))
		return rc;
	int as_of = -1;
	const char *s = fz_req_query(req, "as_of");
	if (s) {
		if (fz_date_parse(s, &as_of) != FZ_OK)
			return fz_err_set(err, FZ_EBAD_DATE, "as_of",
					  "计算日期 as_of 应为 YYYY-MM-DD 格式的真实日期");
		int floor = L.last_paid > L.last_reduced ? L.last_paid : L.last_reduced;
		if (floor < L.served)
			floor = L.served;
		if (as_of < floor)
			return fz_err_set(err, FZ_EBAD_DATE, "as_of", "计算日期不能早于%s（%s）",
					  floor == L.served ? "送达日期" : "最近一次缴款或减免日期",
					  day_text(req->ctx, floor));
	}
	return view(req->ctx, &L, as_of, out, err);
}

const struct fz_input fz_enf_fine_apply_inputs[] = {
    {.name = "applied_on", .label = "书面申请日期", .type = FZ_IN_DATE, .required = true},
    {.name = "mode",
     .label = "申请事项",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_fine_modes},
    {.name = "reason",
     .label = "申请理由（经济困难情况）",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 2000},
    {.name = NULL}};

/* 第66条第二款: the party's written application, recorded by the agency's staff. */
static enum fz_code apply_op(struct fz_ctx *ctx, int64_t id, json_t *body, int *status,
			     json_t **out, struct fz_err *err)
{
	(void)status; /* the route's own status */
	enum fz_code rc;
	if ((rc = fz_json_check_inputs(ctx, fz_enf_fine_apply_inputs, 8, body, NULL, err)) ||
	    (rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct ledger L;
	int day;
	if ((rc = load(ctx, id, &L, err)) || (rc = collecting(&L, "申请暂缓或分期缴纳", err)))
		goto fail;
	if (L.application_pending) {
		rc = fz_err_set(err, FZ_EDUPLICATE, "mode", "已有待审批的暂缓或分期缴纳申请");
		goto fail;
	}
	if (L.mode[0]) {
		rc = fz_err_set(err, FZ_EDUPLICATE, "mode", "已批准%s，不能再次申请",
				fz_enf_label(fz_fine_modes, L.mode));
		goto fail;
	}
	if (L.fine_paid > 0) {
		rc = fz_err_set(err, FZ_ESTATE, "mode", "罚款已开始缴纳，不能再申请暂缓或分期缴纳");
		goto fail;
	}
	if ((rc = in_day(ctx, body, "applied_on", "书面申请日期", L.served, "送达日期", &day, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_stmt_exec(
		 fz_db_query(
		     ctx->db, err,
		     "INSERT INTO enf_fine_application (case_id, applied_on, mode, reason, status,"
		     " created_at) VALUES (?, ?, ?, ?, 'pending', ?)",
		     "ittt"
		     "t",
		     id, fz_json_str(body, "applied_on"), fz_json_str(body, "mode"),
		     fz_json_str(body, "reason"), now),
		 err)) ||
	    (rc = event(ctx, id, "罚款暂缓或分期缴纳申请", fz_json_str(body, "reason"), body,
			err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return answer(ctx, id, -1, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static const struct fz_input decide_inputs[] = {
    {.name = "decided_on", .label = "批准日期", .type = FZ_IN_DATE, .required = true},
    {.name = "approve", .label = "是否批准", .type = FZ_IN_BOOL, .required = true},
    {.name = "due_on", .label = "暂缓缴纳截止日期", .type = FZ_IN_DATE},
    {.name = "note", .label = "审批意见", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = NULL}};

/* The instalment plan of the body: [{due_on, amount}], checked against 第66条 (enf_fine_rules.c).
 */
static enum fz_code read_plan(struct fz_ctx *ctx, const struct ledger *L, json_t *plan,
			      struct fz_fine_instalment *p, size_t *n, struct fz_err *err)
{
	if (!json_is_array(plan) || json_array_size(plan) == 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "plan",
				  "请填写分期缴纳计划（各期缴纳期限和金额）");
	if (json_array_size(plan) > FZ_FINE_PLAN_MAX)
		return fz_err_set(err, FZ_EBAD_VALUE, "plan", "分期缴纳最多 %d 期",
				  FZ_FINE_PLAN_MAX);
	*n = json_array_size(plan);
	for (size_t i = 0; i < *n; i++) {
		json_t *r = json_array_get(plan, i);
		const char *s = json_is_object(r) ? fz_json_str(r, "due_on") : NULL;
		json_t *a = json_is_object(r) ? json_object_get(r, "amount") : NULL;
		if (!s || fz_date_parse(s, &p[i].due) != FZ_OK ||
		    !fz_calendar_covers(ctx->cal, p[i].due))
			return fz_err_set(err, FZ_EBAD_DATE, "plan",
					  "分期缴纳计划第 %zu 期的缴纳期限应为 YYYY-MM-DD "
					  "格式、在已载入日历年份内的日期",
					  i + 1);
		if (!json_is_integer(a) || json_integer_value(a) > 2000000000)
			return fz_err_set(err, FZ_EBAD_TYPE, "plan",
					  "分期缴纳计划第 %zu 期的金额应为整数（元）", i + 1);
		p[i].amount = (long)json_integer_value(a);
	}
	int bad;
	long sum = 0;
	for (size_t i = 0; i < *n; i++)
		sum += p[i].amount;
	switch (fz_fine_plan_check(L->fine, L->served, p, *n, &bad)) {
	case FZ_FINE_PLAN_OK:
		return FZ_OK;
	case FZ_FINE_PLAN_FEW:
		return fz_err_set(err, FZ_EBAD_VALUE, "plan",
				  "分期缴纳至少分两期；一次缴纳请按暂缓缴纳审批");
	case FZ_FINE_PLAN_MANY:
		return fz_err_set(err, FZ_EBAD_VALUE, "plan", "分期缴纳最多 %d 期",
				  FZ_FINE_PLAN_MAX);
	case FZ_FINE_PLAN_AMOUNT:
		return fz_err_set(err, FZ_EBAD_VALUE, "plan",
				  "分期缴纳计划第 %d 期的金额应至少 1 元", bad + 1);
	case FZ_FINE_PLAN_EARLY:
		return fz_err_set(err, FZ_EBAD_DATE, "plan",
				  "分期缴纳计划第 %d 期的缴纳期限不能早于送达日期（%s）", bad + 1,
				  day_text(ctx, L->served));
	case FZ_FINE_PLAN_ORDER:
		return fz_err_set(err, FZ_EBAD_DATE, "plan",
				  "分期缴纳计划第 %d 期的缴纳期限应晚于上一期", bad + 1);
	case FZ_FINE_PLAN_SUM:
		break;
	}
	return fz_err_set(err, FZ_EBAD_VALUE, "plan",
			  "分期缴纳计划各期金额合计 %ld 元，与罚款 %ld 元不符", sum, L->fine);
}

/* 第66条第二款: the head approves (a new due day, or an instalment plan) or refuses. */
static enum fz_code decide_op(struct fz_ctx *ctx, int64_t id, json_t *body, int *status,
			      json_t **out, struct fz_err *err)
{
	(void)status; /* the route's own status */
	static const char *const extra[] = {"plan", NULL};
	enum fz_code rc;
	if ((rc = head_only(ctx, "批准暂缓或分期缴纳罚款", err)) ||
	    (rc = fz_json_check_inputs(ctx, decide_inputs, 8, body, extra, err)) ||
	    (rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct ledger L;
	if ((rc = load(ctx, id, &L, err)) || (rc = collecting(&L, "审批暂缓或分期缴纳", err)))
		goto fail;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT application_id, applied_on, mode FROM enf_fine_application"
			" WHERE case_id = ? AND status = 'pending'",
			"i", id);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	int64_t app = 0;
	int applied = -1;
	char mode[16] = "";
	if (fz_stmt_row(st)) {
		app = fz_col_int(st, 0);
		applied = col_day(st, 1);
		snprintf(mode, sizeof mode, "%s", fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!app) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "没有待审批的暂缓或分期缴纳申请");
		goto fail;
	}
	int day;
	if ((rc = in_day(ctx, body, "decided_on", "批准日期", applied, "申请日期", &day, err)))
		goto fail;
	bool approve = json_is_true(json_object_get(body, "approve"));
	struct fz_fine_instalment plan[FZ_FINE_PLAN_MAX];
	size_t n = 0;
	if (approve && strcmp(mode, "defer") == 0) {
		const char *s = fz_json_str(body, "due_on");
		if (!s) {
			rc = fz_err_set(err, FZ_EMISSING_FIELD, "due_on",
					"批准暂缓缴纳的，请填写暂缓缴纳截止日期");
			goto fail;
		}
		fz_date_parse(s, &plan[0].due);
		if (plan[0].due < L.served) {
			rc = fz_err_set(err, FZ_EBAD_DATE, "due_on",
					"暂缓缴纳截止日期不能早于送达日期（%s）",
					day_text(ctx, L.served));
			goto fail;
		}
		plan[0].amount = L.fine;
		n = 1;
	} else if (approve &&
		   (rc = read_plan(ctx, &L, json_object_get(body, "plan"), plan, &n, err)))
		goto fail;
	const char *note = fz_json_str(body, "note");
	if (!approve && !note) {
		rc = fz_err_set(err, FZ_EMISSING_FIELD, "note",
				"不予批准的，请填写审批意见（理由）");
		goto fail;
	}
	if ((rc = fz_stmt_exec(
		 fz_db_query(
		     ctx->db, err,
		     "UPDATE enf_fine_application SET status = ?, decided_on = ?, decided_by = ?,"
		     " decision_note = ? WHERE application_id = ?",
		     "ttiti", approve ? "approved" : "refused", fz_json_str(body, "decided_on"),
		     ctx->user ? ctx->user->user_id : (int64_t)0, note, app),
		 err)))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if ((rc = fz_stmt_exec(fz_db_query(
				   ctx->db, err,
				   "INSERT INTO enf_fine_instalment (case_id, seq, due_on, amount)"
				   " VALUES (?, ?, ?, ?)",
				   "iiti", id, (int64_t)(i + 1), day_text(ctx, plan[i].due),
				   (int64_t)plan[i].amount),
			       err)))
			goto fail;
	if (approve && ((rc = load(ctx, id, &L, err)) || (rc = follow_clock(ctx, &L, err))))
		goto fail;
	if ((rc = event(ctx, id, approve ? "批准暂缓或分期缴纳罚款" : "不予批准暂缓或分期缴纳罚款",
			note, body, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return answer(ctx, id, -1, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static const struct fz_input pay_inputs[] = {
    {.name = "paid_on", .label = "缴纳日期", .type = FZ_IN_DATE, .required = true},
    {.name = "fine_amount",
     .label = "缴纳罚款金额（元）",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 2000000000},
    {.name = "receipt_no", .label = "缴款凭证号", .type = FZ_IN_TEXT, .max_chars = 40},
    {.name = NULL}};

/* Yuan as a string ("185.10") or a JSON number with at most two decimals; absent: 0. */
static enum fz_code money(json_t *in, const char *key, const char *label, long *fen,
			  struct fz_err *err)
{
	json_t *v = json_object_get(in, key);
	*fen = 0;
	if (!v || json_is_null(v))
		return FZ_OK;
	char buf[64];
	const char *s = NULL;
	if (json_is_string(v))
		s = json_string_value(v);
	else if (json_is_integer(v))
		snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(v)), s = buf;
	else if (json_is_real(v)) {
		double x = json_real_value(v) * 100.0;
		long r = (long)(x + (x >= 0 ? 0.5 : -0.5));
		if (x >= 0 && x - (double)r < 1e-6 && (double)r - x < 1e-6)
			snprintf(buf, sizeof buf, "%ld.%02ld", r / 100, r % 100), s = buf;
	}
	if (!s || !fz_fine_parse_fen(s, fen))
		return fz_err_set(err, FZ_EBAD_VALUE, key,
				  "“%s”应为不小于 0 的金额（元），最多两位小数", label);
	return FZ_OK;
}

/* 第67条, 第72条: a payment of the fine (whole instalments) and of the surcharge due that day. */
static enum fz_code pay_op(struct fz_ctx *ctx, int64_t id, json_t *body, int *status, json_t **out,
			   struct fz_err *err)
{
	static const char *const extra[] = {"surcharge_amount", NULL};
	long surcharge;
	enum fz_code rc;
	if ((rc = fz_json_check_inputs(ctx, pay_inputs, 8, body, extra, err)) ||
	    (rc = money(body, "surcharge_amount", "缴纳加处罚款金额", &surcharge, err)) ||
	    (rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct ledger L;
	int day;
	size_t covers;
	if ((rc = load(ctx, id, &L, err)) || (rc = collecting(&L, "登记缴纳罚款", err)) ||
	    (rc = in_day(ctx, body, "paid_on", "缴纳日期", L.served, "送达日期", &day, err)))
		goto fail;
	if (L.last_paid >= 0 && day < L.last_paid) {
		rc = fz_err_set(err, FZ_EBAD_DATE, "paid_on",
				"缴纳日期不能早于上一笔缴款日期（%s）", day_text(ctx, L.last_paid));
		goto fail;
	}
	if (L.last_reduced >= 0 && day < L.last_reduced) {
		rc = fz_err_set(err, FZ_EBAD_DATE, "paid_on",
				"缴纳日期不能早于加处罚款减免日期（%s）",
				day_text(ctx, L.last_reduced));
		goto fail;
	}
	long fine = (long)json_integer_value(json_object_get(body, "fine_amount"));
	const char *receipt = fz_json_str(body, "receipt_no");
	if ((rc = check_payment(ctx, &L, day, fine, surcharge, "fine_amount", &covers, err)) ||
	    (rc = insert_payment(ctx, &L, day, fine, surcharge, receipt, covers, err)) ||
	    (rc = event(ctx, id, "登记缴款（罚款、加处罚款）", NULL, body, err)))
		goto fail;
	if (L.fine_paid >= L.fine) {
		/* The whole fine is paid: the case's own step, 已缴纳罚款. */
		json_t *b = json_pack("{s:s, s:I}", "paid_on", day_text(ctx, day), "paid_amount",
				      (json_int_t)L.fine);
		if (receipt)
			json_object_set_new(b, "receipt_no", json_string(receipt));
		rc = fz_case_act_current(ctx, id, "pay", b, err);
		json_decref(b);
		if (rc)
			goto fail;
	} else if ((rc = follow_clock(ctx, &L, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	*status = 201;
	return answer(ctx, id, -1, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static const struct fz_input reduce_inputs[] = {
    {.name = "decided_on", .label = "减免决定日期", .type = FZ_IN_DATE, .required = true},
    {.name = "waive_all", .label = "免除全部应缴加处罚款", .type = FZ_IN_BOOL},
    {.name = "reason",
     .label = "减免理由及依据",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 2000},
    {.name = NULL}};

/* The head reduces or waives the surcharge outstanding on a day, with its reason. */
static enum fz_code reduce_op(struct fz_ctx *ctx, int64_t id, json_t *body, int *status,
			      json_t **out, struct fz_err *err)
{
	static const char *const extra[] = {"amount", NULL};
	long fen;
	enum fz_code rc;
	if ((rc = head_only(ctx, "减免加处罚款", err)) ||
	    (rc = fz_json_check_inputs(ctx, reduce_inputs, 8, body, extra, err)) ||
	    (rc = money(body, "amount", "减免金额", &fen, err)) || (rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct ledger L;
	int day;
	if ((rc = load(ctx, id, &L, err)) || (rc = collecting(&L, "减免加处罚款", err)))
		goto fail;
	int floor = L.last_paid > L.served ? L.last_paid : L.served;
	if (L.last_reduced > floor)
		floor = L.last_reduced;
	if ((rc = in_day(ctx, body, "decided_on", "减免决定日期", floor,
			 floor == L.served ? "送达日期" : "最近一次缴款或减免日期", &day, err)))
		goto fail;
	long due = outstanding(&L, day, NULL);
	if (json_is_true(json_object_get(body, "waive_all")))
		fen = due;
	if (due == 0) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "%s没有应缴的加处罚款，无须减免",
				day_text(ctx, day));
		goto fail;
	}
	if (fen <= 0 || fen > due) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "amount",
				"减免金额应大于 0 且不超过%s应缴的加处罚款 %s 元",
				day_text(ctx, day), yuan(ctx, due));
		goto fail;
	}
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_stmt_exec(
		 fz_db_query(
		     ctx->db, err,
		     "INSERT INTO enf_fine_reduction (case_id, decided_on, amount_fen, reason,"
		     " decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
		     "itiiit", id, day_text(ctx, day), (int64_t)fen, fz_json_str(body, "reason"),
		     ctx->user ? ctx->user->user_id : (int64_t)0, now),
		 err)) ||
	    (rc = event(ctx, id, "减免加处罚款", fz_json_str(body, "reason"), body, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	*status = 201;
	return answer(ctx, id, -1, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static const struct fz_input remedy_inputs[] = {
    {.name = "kind",
     .label = "救济途径",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_fine_remedy_kinds},
    {.name = "applied_on", .label = "申请复议或起诉日期", .type = FZ_IN_DATE, .required = true},
    {.name = "remedy_number", .label = "复议或诉讼案号", .type = FZ_IN_TEXT, .max_chars = 64},
    {.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
    {.name = NULL}};

/* 第73条: the party applied for reconsideration or sued; the surcharge stops counting. */
static enum fz_code remedy_op(struct fz_ctx *ctx, int64_t id, json_t *body, int *status,
			      json_t **out, struct fz_err *err)
{
	enum fz_code rc;
	if ((rc = fz_json_check_inputs(ctx, remedy_inputs, 8, body, NULL, err)) ||
	    (rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct ledger L;
	int day;
	if ((rc = load(ctx, id, &L, err)))
		goto fail;
	if (L.fine <= 0 || L.decided < 0 || revoked(&L)) {
		rc = fz_err_set(err, FZ_ESTATE, NULL,
				revoked(&L) ? "处罚决定已被撤销"
					    : "本案没有罚款决定，不在此登记复议或诉讼");
		goto fail;
	}
	if (L.remedy_open) {
		rc = fz_err_set(err, FZ_EDUPLICATE, "kind",
				"已登记的行政复议或行政诉讼尚未结束，请先登记其结果");
		goto fail;
	}
	int floor = L.last_remedy_end >= 0 ? L.last_remedy_end + 1 : L.decided;
	if ((rc = in_day(ctx, body, "applied_on", "申请复议或起诉日期", floor,
			 L.last_remedy_end >= 0 ? "上一次复议或诉讼结束的次日" : "处罚决定日期",
			 &day, err)))
		goto fail;
	const char *kind = fz_json_str(body, "kind");
	const char *number = fz_json_str(body, "remedy_number");
	int64_t linked = 0;
	if (number) {
		/* The reconsideration or litigation record of the platform, by its case number. */
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT case_id FROM case_record WHERE number = ? AND case_type = ?", "tt",
		    number, kind);
		if (!st) {
			rc = err->code;
			goto fail;
		}
		if (fz_stmt_row(st))
			linked = fz_col_int(st, 0);
		fz_stmt_done(st);
		if (!linked) {
			rc = fz_err_set(
			    err, FZ_EBAD_VALUE, "remedy_number", "未找到%s案号为“%s”的案件",
			    strcmp(kind, "litigation") == 0 ? "行政诉讼" : "行政复议", number);
			goto fail;
		}
	}
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_stmt_exec(
		 fz_db_query(
		     ctx->db, err,
		     "INSERT INTO enf_fine_remedy (case_id, kind, applied_on, remedy_number,"
		     " remedy_case_id, note, created_at) VALUES (?, ?, ?, ?, NULLIF(?, 0), ?, ?)",
		     "itttitt", id, kind, day_text(ctx, day), number, linked,
		     fz_json_str(body, "note"), now),
		 err)) ||
	    (rc = event(ctx, id, "登记申请行政复议或提起行政诉讼", fz_json_str(body, "note"), body,
			err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	*status = 201;
	return answer(ctx, id, -1, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static const struct fz_input remedy_end_inputs[] = {
    {.name = "ended_on",
     .label = "复议决定或判决生效日期（撤回之日）",
     .type = FZ_IN_DATE,
     .required = true},
    {.name = "outcome",
     .label = "结果",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_fine_remedy_outcomes},
    {.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
    {.name = NULL}};

/* The reconsideration or lawsuit ended; a revoked decision ends the case with nothing to pay. */
static enum fz_code remedy_end_op(struct fz_ctx *ctx, int64_t id, json_t *body, int *status,
				  json_t **out, struct fz_err *err)
{
	(void)status; /* the route's own status */
	enum fz_code rc;
	if ((rc = fz_json_check_inputs(ctx, remedy_end_inputs, 8, body, NULL, err)) ||
	    (rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT remedy_id, applied_on FROM enf_fine_remedy WHERE "
					 "case_id = ? AND ended_on IS NULL",
					 "i", id);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	int64_t remedy = 0;
	int applied = -1;
	if (fz_stmt_row(st)) {
		remedy = fz_col_int(st, 0);
		applied = col_day(st, 1);
	}
	fz_stmt_done(st);
	if (!remedy) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "没有尚未结束的行政复议或行政诉讼");
		goto fail;
	}
	int day;
	if ((rc = in_day(ctx, body, "ended_on", "复议或诉讼结束日期", applied, "申请复议或起诉日期",
			 &day, err)))
		goto fail;
	const char *outcome = fz_json_str(body, "outcome");
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "UPDATE enf_fine_remedy SET ended_on = ?, outcome = ?,"
				   " note = COALESCE(?, note) WHERE remedy_id = ?",
				   "ttti", day_text(ctx, day), outcome, fz_json_str(body, "note"),
				   remedy),
		       err)) ||
	    (rc = event(ctx, id, "登记行政复议或行政诉讼结果", fz_json_str(body, "note"), body,
			err)))
		goto fail;
	struct ledger L;
	if ((rc = load(ctx, id, &L, err)))
		goto fail;
	if (strcmp(outcome, "revoked") == 0 && strcmp(L.state, "served") == 0) {
		json_t *b = json_pack("{s:s}", "revoked_on", day_text(ctx, day));
		rc = fz_case_act_system(ctx, id, "fine_revoked", b, err);
		json_decref(b);
		if (rc)
			goto fail;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return answer(ctx, id, -1, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the case's fields, the list's filters --------------------------------------- */

void fz_enf_fine_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj)
{
	struct ledger L;
	struct fz_err err;
	if (load(ctx, case_id, &L, &err) != FZ_OK || L.fine <= 0)
		return;
	const char *code, *label;
	status(&L, ctx->today, &code, &label);
	fz_json_set_str(obj, "fine_status", code);
	fz_json_set_str(obj, "fine_status_label", label);
	if (L.served >= 0 && !revoked(&L))
		fz_json_set_str(obj, "surcharge_today",
				yuan(ctx, outstanding(&L, ctx->today, NULL)));
}

/* A year filter (FZ_LF_CUSTOM) on the records behind the fines figures: rows of sql in the year. */
static enum fz_code year_filter(struct fz_list_run *run, const char *v, const char *param,
				const char *sql, struct fz_err *err)
{
	int y = 0;
	for (const char *c = v; *c; c++) {
		if (*c < '0' || *c > '9' || y > 9999)
			return fz_err_set(err, FZ_EBAD_VALUE, param, "年度应为四位数字");
		y = y * 10 + (*c - '0');
	}
	if (y < FZ_CAL_MIN_YEAR || y > FZ_CAL_MAX_YEAR)
		return fz_err_set(err, FZ_EBAD_VALUE, param, "年度应在 %d 至 %d 之间",
				  FZ_CAL_MIN_YEAR, FZ_CAL_MAX_YEAR);
	fz_list_where(run, sql);
	fz_list_bind_text(run, fz_arena_printf(run->ctx->arena, "%04d-01-01", y));
	fz_list_bind_text(run, fz_arena_printf(run->ctx->arena, "%04d-12-31", y));
	return FZ_OK;
}

enum fz_code fz_enf_fine_paid_year_filter(struct fz_list_run *run, const char *v,
					  struct fz_err *err)
{
	return year_filter(run, v, "fine_paid_year",
			   "EXISTS (SELECT 1 FROM enf_fine_payment f WHERE f.case_id = x.case_id"
			   " AND f.paid_on >= ? AND f.paid_on <= ?)",
			   err);
}

enum fz_code fz_enf_fine_arranged_year_filter(struct fz_list_run *run, const char *v,
					      struct fz_err *err)
{
	return year_filter(
	    run, v, "arranged_year",
	    "EXISTS (SELECT 1 FROM enf_fine_application f WHERE f.case_id = x.case_id"
	    " AND f.status = 'approved' AND f.decided_on >= ? AND f.decided_on <= ?)",
	    err);
}

/* ---- the route handlers and the demo's acts ---------------------------------------- */

typedef enum fz_code (*fine_op)(struct fz_ctx *ctx, int64_t id, json_t *body, int *status,
				json_t **out, struct fz_err *err);

static const struct {
	const char *name;
	fine_op fn;
} ops[] = {
    {"apply", apply_op},   {"decide", decide_op},	  {"pay", pay_op}, {"reduce", reduce_op},
    {"remedy", remedy_op}, {"remedy_end", remedy_end_op}, {NULL, NULL},
};

static enum fz_code route(struct fz_req *req, fine_op fn, json_t **out, struct fz_err *err)
{
	int64_t id;
	int status = 0;
	enum fz_code rc = fz_req_path_id(req, &id, "行政处罚案件不存在", err);
	if (rc || (rc = fn(req->ctx, id, req->body, &status, out, err)))
		return rc;
	if (status)
		fz_req_status(req, status);
	return FZ_OK;
}

enum fz_code fz_enf_fine_apply(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return route(req, apply_op, out, err);
}

enum fz_code fz_enf_fine_decide(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return route(req, decide_op, out, err);
}

enum fz_code fz_enf_fine_pay(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return route(req, pay_op, out, err);
}

enum fz_code fz_enf_fine_reduce(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return route(req, reduce_op, out, err);
}

enum fz_code fz_enf_fine_remedy(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return route(req, remedy_op, out, err);
}

enum fz_code fz_enf_fine_remedy_end(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return route(req, remedy_end_op, out, err);
}

enum fz_code fz_enf_fine_act(struct fz_ctx *ctx, int64_t case_id, const char *op, json_t *body,
			     json_t **out, struct fz_err *err)
{
	for (size_t i = 0; ops[i].name; i++) {
		if (strcmp(ops[i].name, op) != 0)
			continue;
		/* Scope as the routes have it: a case the caller may see, of the penalty kind. */
		struct fz_case_row c;
		enum fz_code rc = fz_case_load(ctx, case_id, false, &c, err);
		if (rc)
			return rc;
		if (c.type != &fz_enf_penalty_type)
			return fz_err_set(err, FZ_ENOT_FOUND, "case_id", "行政处罚案件不存在");
		int status = 0;
		return ops[i].fn(ctx, case_id, body, &status, out, err);
	}
	return fz_err_set(err, FZ_EBAD_VALUE, "do", "“%s”不是罚款缴纳的操作", op);
}

/*
 * A demo record of kind "fine" (demo/penalty_fines.json): {"case_id": "@key",
 * "do": "pay", ...the route's body}. An instalment plan is written as
 * instalment_1_on, instalment_2_on, ... with "amounts", so the loader counts
 * its days like every other date; a payment's "surcharge_amount" (or
 * "fine_amount") "due" brings what the ledger finds due on its day (the
 * days a late payment counts depend on the weekdays of the demo's year).
 * *id is the case.
 */
enum fz_code fz_enf_fine_demo(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			      struct fz_err *err)
{
	json_t *cid = json_object_get(f, "case_id");
	const char *op = fz_json_str(f, "do");
	if (!json_is_integer(cid) || !op)
		return fz_err_set(err, FZ_EMISSING_FIELD, json_is_integer(cid) ? "do" : "case_id",
				  "罚款缴纳记录须写明案件（case_id）和操作（do）");
	*id = json_integer_value(cid);
	*case_id = 0;
	json_t *body = json_deep_copy(f);
	json_object_del(body, "case_id");
	json_object_del(body, "do");
	json_t *amounts = json_object_get(body, "amounts");
	if (json_is_array(amounts)) {
		json_t *plan = json_array();
		for (size_t i = 0; i < json_array_size(amounts); i++) {
			char key[48];
			snprintf(key, sizeof key, "instalment_%zu_on", i + 1);
			json_array_append_new(plan, json_pack("{s:O, s:O}", "due_on",
							      json_object_get(body, key), "amount",
							      json_array_get(amounts, i)));
			json_object_del(body, key);
		}
		json_object_set_new(body, "plan", plan);
		json_object_del(body, "amounts");
	}
	/* "due": the payment brings what is due on its day, as the ledger computes it. */
	const char *paid_on = fz_json_str(body, "paid_on");
	int day;
	if (strcmp(op, "pay") == 0 && paid_on && fz_date_parse(paid_on, &day) == FZ_OK) {
		struct ledger L;
		enum fz_code lrc = load(ctx, *id, &L, err);
		if (lrc) {
			json_decref(body);
			return lrc;
		}
		const char *sc = fz_json_str(body, "surcharge_amount");
		if (sc && strcmp(sc, "due") == 0)
			json_object_set_new(body, "surcharge_amount",
					    json_string(yuan(ctx, outstanding(&L, day, NULL))));
		const struct instalment *next = next_unpaid(&L);
		const char *fa = fz_json_str(body, "fine_amount");
		if (fa && strcmp(fa, "due") == 0 && next)
			json_object_set_new(body, "fine_amount", json_integer(next->amount));
	}
	json_t *out = NULL;
	enum fz_code rc = fz_enf_fine_act(ctx, *id, op, body, &out, err);
	json_decref(body);
	json_decref(out);
	return rc;
}
