/*
 * dec_steps.c - a decision from its start to its post-evaluation: creation
 * from an approved catalogue item, the domain half of each step (the rules
 * that need the data: the 30-day comment period, the hearing's materials 7
 * days ahead, the steps before the review done, the head speaking last, the
 * evaluator independent of the studies), the experts' opinions, the meeting's
 * speeches, the decision's fields and its list.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/decision/dec_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"
#include "platform/legality.h"
#include "platform/settings.h"

#define ART "《重大行政决策程序暂行条例》"

bool fz_dec_blank(const char *s)
{
	return !s || fz_text_blank(s);
}

int64_t fz_dec_gov_agency(struct fz_ctx *ctx)
{
	struct fz_err e = {0};
	struct fz_stmt *st = fz_db_query(ctx->db, &e, "SELECT agency_id FROM agency WHERE code = ?",
					 "t", FZ_DEC_GOV);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

bool fz_dec_is_gov(struct fz_ctx *ctx)
{
	if (!ctx->user)
		return false;
	if (ctx->user->role & (FZ_ROLES_LEGAL | FZ_ROLE_ADMIN))
		return true;
	return ctx->user->agency_id && ctx->user->agency_id == fz_dec_gov_agency(ctx);
}

/* The undertaking agency's own staff, or the legal office. */
static bool is_undertaker(struct fz_ctx *ctx, int64_t agency_id)
{
	if (!ctx->user)
		return true; /* the system */
	if (ctx->user->role & (FZ_ROLES_LEGAL | FZ_ROLE_ADMIN))
		return true;
	return ctx->user->agency_id == agency_id;
}

enum fz_code fz_dec_audit(struct fz_ctx *ctx, int64_t case_id, const char *entity,
			  const char *action, json_t *input, const char *after, struct fz_err *err)
{
	struct fz_event ev = {.case_id = case_id,
			      .entity = entity,
			      .action = action,
			      .input = input ? fz_json_text(ctx->arena, input, NULL) : NULL,
			      .after = after};
	return fz_audit_append(ctx, &ev, NULL, err);
}

static int64_t int_of(json_t *in, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(in, key));
}

/* One write (ctx and err in scope). */
#define EXEC(...) fz_stmt_exec(fz_db_query(ctx->db, err, __VA_ARGS__), err)

/* ---- creation ------------------------------------------------------------------------ */

const struct fz_input fz_dec_create_inputs[] = {
    {.name = "item_id",
     .label = "决策事项目录项目",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 9000000000000000000L},
    {.name = "draft",
     .label = "决策草案",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 20000},
    {.name = "explanation", .label = "起草说明", .type = FZ_IN_TEXTAREA, .max_chars = 10000},
    {.name = "technical",
     .label = "专业性、技术性较强（须专家论证）",
     .type = FZ_IN_BOOL,
     .required = true},
    {.name = "affects_stability",
     .label = "可能影响社会稳定、公共安全（须风险评估）",
     .type = FZ_IN_BOOL,
     .required = true},
    {.name = NULL},
};

enum fz_code fz_dec_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
			   struct fz_err *err)
{
	int64_t item = int_of(in, "item_id");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT agency_id, title, status, COALESCE(case_id, 0) FROM dec_item WHERE item_id = ?",
	    "i", item);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EBAD_VALUE, "item_id", "决策事项目录中没有该项目");
	}
	int64_t agency = fz_col_int(st, 0), existing = fz_col_int(st, 3);
	const char *title = fz_arena_strdup(ctx->arena, fz_col_text(st, 1));
	char status[16];
	snprintf(status, sizeof status, "%s", fz_col_text(st, 2));
	fz_stmt_done(st);
	if (!fz_ctx_may_see(ctx, agency) || !is_undertaker(ctx, agency))
		return fz_err_set(err, FZ_EBAD_VALUE, "item_id",
				  "决策事项目录中没有本单位承办的该项目");
	if (strcmp(status, "approved") != 0 && strcmp(status, "published") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "item_id",
				  "只有经批准列入决策事项目录的项目才能启动决策程序（第三条）");
	if (existing)
		return fz_err_set(err, FZ_EBAD_VALUE, "item_id", "该目录项目已经启动决策程序");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	char *input = fz_json_text(ctx->arena, in, NULL);
	struct fz_case_new n = {.case_type = FZ_DEC_TYPE,
				.agency_id = agency,
				.title = title,
				.body = fz_json_str(in, "draft"),
				.received_on = ctx->today,
				.input = input};
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = EXEC(
		 "INSERT INTO dec_decision(case_id, item_id, title, draft, explanation, technical,"
		 " affects_stability, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
		 "iitttIIt", out->case_id, item, title, fz_json_str(in, "draft"),
		 fz_json_str(in, "explanation"),
		 json_is_true(json_object_get(in, "technical")) ? 1 : 0,
		 json_is_true(json_object_get(in, "affects_stability")) ? 1 : 0, now)) ||
	    (rc = EXEC("UPDATE dec_item SET case_id = ? WHERE item_id = ?", "ii", out->case_id,
		       item)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the steps ----------------------------------------------------------------------- */

struct dec {
	char comment_from[11], comment_closed[11], reviewed_on[11], decided_on[11];
	const char *participation_skip, *expert_done, *expert_skip, *risk_done, *risk_skip;
	const char *risk_assessor;
	int64_t item_id;
};

static const char *dup_col(struct fz_ctx *ctx, struct fz_stmt *st, int col)
{
	return fz_col_null(st, col) ? NULL : fz_arena_strdup(ctx->arena, fz_col_text(st, col));
}

static enum fz_code load(struct fz_ctx *ctx, int64_t case_id, struct dec *d, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT COALESCE(comment_from, ''), COALESCE(comment_closed_on, ''),"
	    " COALESCE(reviewed_on, ''), COALESCE(decided_on, ''), participation_skip_reason,"
	    " expert_done_on, expert_skip_reason, risk_done_on, risk_skip_reason, risk_assessor, "
	    "item_id"
	    " FROM dec_decision WHERE case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "重大行政决策记录缺失");
	}
	*d = (struct dec){
	    .participation_skip = dup_col(ctx, st, 4),
	    .expert_done = dup_col(ctx, st, 5),
	    .expert_skip = dup_col(ctx, st, 6),
	    .risk_done = dup_col(ctx, st, 7),
	    .risk_skip = dup_col(ctx, st, 8),
	    .risk_assessor = dup_col(ctx, st, 9),
	    .item_id = fz_col_int(st, 10),
	};
	snprintf(d->comment_from, sizeof d->comment_from, "%s", fz_col_text(st, 0));
	snprintf(d->comment_closed, sizeof d->comment_closed, "%s", fz_col_text(st, 1));
	snprintf(d->reviewed_on, sizeof d->reviewed_on, "%s", fz_col_text(st, 2));
	snprintf(d->decided_on, sizeof d->decided_on, "%s", fz_col_text(st, 3));
	fz_stmt_done(st);
	return FZ_OK;
}

static enum fz_code date_in(json_t *in, const char *key, const char *label, int *day,
			    struct fz_err *err)
{
	if (fz_date_parse(fz_json_str(in, key), day))
		return fz_err_set(err, FZ_EBAD_DATE, key, "%s无效", label);
	return FZ_OK;
}

static enum fz_code open_comment(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				 struct fz_err *err)
{
	long least = fz_setting_int(ctx->db, "decision.comment_days", 30);
	int64_t days = int_of(in, "days");
	if (days < least && fz_dec_blank(fz_json_str(in, "short_reason")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "short_reason",
				  "公开征求意见的期限少于 %ld 日的，应当说明理由并向社会公布（" ART
				  "第十五条）",
				  least);
	int from, opened = 0;
	enum fz_code rc = date_in(in, "comment_from", "征求意见开始日期", &from, err);
	if (rc)
		return rc;
	fz_date_parse(c->received_on, &opened);
	if (from < opened)
		return fz_err_set(err, FZ_EBAD_DATE, "comment_from",
				  "征求意见开始日期不能早于决策启动日期（%s）", c->received_on);
	/* The last day: days calendar days after it opens, rolled past rest days (as the clock). */
	int to;
	if (fz_calendar_add_days(ctx->cal, from, (int)days, &to))
		return fz_err_set(err, FZ_EDATE_RANGE, "days",
				  "征求意见截止日期超出已载入的节假日日历");
	char f[11], t[11];
	fz_date_format(from, f);
	fz_date_format(to, t);
	const char *reason = fz_json_str(in, "short_reason");
	if (days >= least || fz_dec_blank(reason))
		reason = NULL;
	rc = EXEC("UPDATE dec_decision SET comment_from = ?, comment_to = ?, comment_days = ?,"
		  " comment_short_reason = ?, comment_closed_on = NULL, comment_summary = NULL,"
		  " hearing_on = NULL, hearing_materials_on = NULL, hearing_place = NULL,"
		  " hearing_participants = NULL WHERE case_id = ?",
		  "ttiti", f, t, days, reason, c->case_id);
	return rc;
}

static enum fz_code schedule_hearing(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				     struct fz_err *err)
{
	int hearing, sent;
	enum fz_code rc;
	if ((rc = date_in(in, "hearing_on", "听证会日期", &hearing, err)) ||
	    (rc = date_in(in, "materials_sent_on", "听证材料送达日期", &sent, err)))
		return rc;
	long least = fz_setting_int(ctx->db, "decision.hearing_notice_days", 7);
	if (hearing - sent < least) {
		char latest[11];
		fz_date_format(hearing - (int)least, latest);
		return fz_err_set(err, FZ_EBAD_VALUE, "materials_sent_on",
				  "听证材料应当于听证会 %ld 日前送达听证参加人（" ART
				  "第十六条）：听证会定于 %s 的，最晚 %s 送达",
				  least, fz_json_str(in, "hearing_on"), latest);
	}
	return EXEC(
	    "UPDATE dec_decision SET hearing_on = ?, hearing_materials_on = ?, hearing_place = ?,"
	    " hearing_participants = ? WHERE case_id = ?",
	    "tttti", fz_json_str(in, "hearing_on"), fz_json_str(in, "materials_sent_on"),
	    fz_json_str(in, "place"), fz_json_str(in, "participants"), c->case_id);
}

static enum fz_code close_comment(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	return EXEC(
	    "UPDATE dec_decision SET comment_closed_on = ?, comment_summary = ? WHERE case_id = ?",
	    "tti", today, fz_json_str(in, "account"), c->case_id);
}

static long count_of(struct fz_ctx *ctx, const char *sql, int64_t id)
{
	struct fz_err e = {0};
	struct fz_stmt *st = fz_db_query(ctx->db, &e, sql, "i", id);
	long n = st && fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return n;
}

static enum fz_code submit_review(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	struct dec d;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc)
		return rc;
	/* The order of the regulation: each earlier step done, or skipped with its reason. */
	if (!d.comment_closed[0] && !d.participation_skip)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "公众参与尚未结束，不能送合法性审查（" ART
				  "第十四条、第二十五条）");
	if (!d.expert_done && !d.expert_skip)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "专家论证环节尚未完成或者说明不论证的理由，不能送合法性审查");
	if (!d.risk_done && !d.risk_skip)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "风险评估环节尚未完成或者说明不评估的理由，不能送合法性审查");
	int64_t review = 0;
	json_t *materials = json_pack("{s:s}", "summary", fz_json_str(in, "summary"));
	rc = fz_legality_submit(ctx, FZ_DEC_TYPE, c, materials, &review, err);
	json_decref(materials);
	if (rc)
		return rc;
	return EXEC(
	    "UPDATE dec_decision SET review_case_id = ?, review_opinion = NULL, reviewed_on = NULL,"
	    " review_rounds = review_rounds + 1 WHERE case_id = ?",
	    "ii", review, c->case_id);
}

static enum fz_code review_result(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	return EXEC(
	    "UPDATE dec_decision SET review_opinion = ?, review_case_id = ?, reviewed_on = ?"
	    " WHERE case_id = ?",
	    "titi", fz_json_str(in, "opinion"), int_of(in, "review_case_id"), today, c->case_id);
}

/* The meeting named by a decision step: the government's, held, after the review passed. */
static enum fz_code meeting_day(struct fz_ctx *ctx, json_t *in, const struct dec *d, int *held,
				struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err, "SELECT held_on FROM dec_meeting WHERE meeting_id = ?", "i",
			int_of(in, "meeting_id"));
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	*held = 0;
	if (found)
		fz_date_parse(fz_col_text(st, 0), held);
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_EBAD_VALUE, "meeting_id",
				  "县人民政府会议登记中没有该会议");
	if (*held > ctx->today)
		return fz_err_set(err, FZ_EBAD_VALUE, "meeting_id", "该会议尚未召开，不能记录决定");
	int reviewed = 0;
	if (d->reviewed_on[0])
		fz_date_parse(d->reviewed_on, &reviewed);
	if (reviewed && *held < reviewed)
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "meeting_id",
		    "会议召开于合法性审查通过（%s）之前，不能作为本决策的决策会议（" ART
		    "第二十五条）",
		    d->reviewed_on);
	return FZ_OK;
}

/* 第三十条: the speeches recorded, the head (行政首长) last. */
static enum fz_code speeches_ok(struct fz_ctx *ctx, int64_t case_id, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT is_head FROM dec_speech WHERE case_id = ? ORDER BY seq", "i",
	    case_id);
	if (!st)
		return err->code;
	long n = 0, heads = 0;
	bool last_head = false;
	while (fz_stmt_row(st)) {
		n++;
		last_head = fz_col_int(st, 0) != 0;
		heads += last_head;
	}
	fz_stmt_done(st);
	if (!n)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "请先记录会议组成人员的发言（行政首长最后发表意见，" ART
				  "第三十条）");
	if (heads != 1 || !last_head)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "会议记录中行政首长应当最后发表意见（" ART "第三十条）");
	return FZ_OK;
}

static enum fz_code decide(struct fz_ctx *ctx, struct fz_case_row *c,
			   const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	if (!fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "集体讨论决定由县人民政府（或者法制机构）记录");
	struct dec d;
	int held;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc || (rc = meeting_day(ctx, in, &d, &held, err)) ||
	    (rc = speeches_ok(ctx, c->case_id, err)))
		return rc;
	const char *outcome = strcmp(tr->name, "decide") == 0	       ? fz_json_str(in, "outcome")
			      : strcmp(tr->name, "decide_reject") == 0 ? "not_adopted"
								       : "deferred";
	char day[11];
	fz_date_format(held, day);
	rc = EXEC("UPDATE dec_decision SET meeting_id = ?, decided_on = ?, outcome = ?,"
		  " outcome_reason = ?, dissent = ?, decision_text = COALESCE(?, decision_text)"
		  " WHERE case_id = ?",
		  "ittttti", int_of(in, "meeting_id"), day, outcome, fz_json_str(in, "reason"),
		  fz_json_str(in, "dissent"), fz_json_str(in, "decision_text"), c->case_id);
	if (rc || strcmp(tr->name, "decide") != 0)
		return rc;
	/* Published within the county's period from the meeting (第三十二条). */
	return fz_case_clock_start(ctx, c, "publish", held,
				   (int)fz_setting_int(ctx->db, "decision.publish_days", 20), err);
}

static enum fz_code publish(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			    struct fz_err *err)
{
	if (!fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "决策由县人民政府（或者法制机构）公布");
	struct dec d;
	int day, decided = 0;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc || (rc = date_in(in, "published_on", "公布日期", &day, err)))
		return rc;
	fz_date_parse(d.decided_on, &decided);
	if (day < decided)
		return fz_err_set(err, FZ_EBAD_DATE, "published_on",
				  "公布日期不能早于集体讨论决定日期（%s）", d.decided_on);
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "published_on", "公布日期不能晚于今天");
	const char *account = fz_json_str(in, "comment_account");
	if (d.comment_from[0] && fz_dec_blank(account))
		return fz_err_set(err, FZ_EMISSING_FIELD, "comment_account",
				  "公开征求意见的决策，公布时应当说明公众意见采纳情况（" ART
				  "第三十二条）");
	return EXEC(
	    "UPDATE dec_decision SET published_on = ?, publish_channel = ?, publish_account = ?"
	    " WHERE case_id = ?",
	    "ttti", fz_json_str(in, "published_on"), fz_json_str(in, "channel"),
	    fz_dec_blank(account) ? NULL : account, c->case_id);
}

/* The text a party is compared by: no spaces, no brackets' kind. */
static const char *party_key(struct fz_ctx *ctx, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	char *o = fz_arena_alloc(ctx->arena, n + 1), *p = o;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r')
			continue;
		/* U+3000 ideographic space */
		if (ch == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x80) {
			i += 2;
			continue;
		}
		*p++ = (char)ch;
	}
	*p = 0;
	return o;
}

static enum fz_code evaluate(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			     struct fz_err *err)
{
	struct dec d;
	int day;
	enum fz_code rc = load(ctx, c->case_id, &d, err);
	if (rc || (rc = date_in(in, "evaluated_on", "评估完成日期", &day, err)))
		return rc;
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "evaluated_on", "评估完成日期不能晚于今天");
	const char *who = party_key(ctx, fz_json_str(in, "evaluator"));
	/* 第三十六条: not the party that did the main studies before the decision. */
	if (d.risk_assessor && strcmp(who, party_key(ctx, d.risk_assessor)) == 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "evaluator",
				  "“%s”承担了本决策的风险评估，决策后评估应当由其他机构开展（" ART
				  "第三十六条）",
				  d.risk_assessor);
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT party FROM dec_expert WHERE case_id = ?", "i", c->case_id);
	if (!st)
		return err->code;
	const char *hit = NULL;
	while (!hit && fz_stmt_row(st))
		if (strcmp(who, party_key(ctx, fz_col_text(st, 0))) == 0)
			hit = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
	fz_stmt_done(st);
	if (hit)
		return fz_err_set(err, FZ_EBAD_VALUE, "evaluator",
				  "“%s”参与了本决策的专家论证，决策后评估应当由其他机构开展（" ART
				  "第三十六条）",
				  hit);
	return EXEC(
	    "UPDATE dec_decision SET evaluator = ?, evaluated_on = ?, evaluation_trigger = ?,"
	    " evaluation_conclusion = ?, evaluation_report = ? WHERE case_id = ?",
	    "ttttti", fz_json_str(in, "evaluator"), fz_json_str(in, "evaluated_on"),
	    fz_json_str(in, "trigger"), fz_json_str(in, "conclusion"), fz_json_str(in, "report"),
	    c->case_id);
}

static enum fz_code progress(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			     struct fz_err *err)
{
	int day;
	enum fz_code rc = date_in(in, "reported_on", "报告日期", &day, err);
	if (rc)
		return rc;
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "reported_on", "报告日期不能晚于今天");
	char now[21];
	fz_iso_utc(ctx->now, now);
	return EXEC("INSERT INTO dec_progress(case_id, reported_on, progress, problems, user_id,"
		    " created_at) VALUES (?, ?, ?, ?, NULLIF(?, 0), ?)",
		    "ittti"
		    "t",
		    c->case_id, fz_json_str(in, "reported_on"), fz_json_str(in, "progress"),
		    fz_json_str(in, "problems"), ctx->user ? ctx->user->user_id : (int64_t)0, now);
}

/* Steps the county government takes; the rest are the undertaking agency's. */
static bool gov_step(const char *n)
{
	return !strcmp(n, "decide") || !strcmp(n, "decide_reject") || !strcmp(n, "decide_defer") ||
	       !strcmp(n, "publish") || !strcmp(n, "archive") || !strcmp(n, "evaluate");
}

enum fz_code fz_dec_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *in, struct fz_err *err)
{
	const char *n = tr->name;
	if (!tr->system && !gov_step(n) && !is_undertaker(ctx, c->agency_id))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "该环节由承办单位办理");
	if (!tr->system && gov_step(n) && !fz_dec_is_gov(ctx) && strcmp(n, "archive") != 0 &&
	    strcmp(n, "evaluate") != 0)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "该环节由县人民政府办理");
	char today[11];
	fz_date_format(ctx->today, today);
	if (!strcmp(n, "revise")) {
		enum fz_code rc = FZ_OK;
		if (!fz_dec_blank(fz_json_str(in, "draft")))
			rc = EXEC("UPDATE dec_decision SET draft = ? WHERE case_id = ?", "ti",
				  fz_json_str(in, "draft"), c->case_id);
		if (!rc && !fz_dec_blank(fz_json_str(in, "explanation")))
			rc = EXEC("UPDATE dec_decision SET explanation = ? WHERE case_id = ?", "ti",
				  fz_json_str(in, "explanation"), c->case_id);
		return rc;
	}
	if (!strcmp(n, "open_comment"))
		return open_comment(ctx, c, in, err);
	if (!strcmp(n, "skip_participation"))
		return EXEC(
		    "UPDATE dec_decision SET participation_skip_reason = ? WHERE case_id = ?", "ti",
		    fz_json_str(in, "reason"), c->case_id);
	if (!strcmp(n, "schedule_hearing"))
		return schedule_hearing(ctx, c, in, err);
	if (!strcmp(n, "close_comment"))
		return close_comment(ctx, c, in, err);
	if (!strcmp(n, "finish_expert")) {
		if (!count_of(ctx, "SELECT COUNT(*) FROM dec_expert WHERE case_id = ?", c->case_id))
			return fz_err_set(
			    err, FZ_ESTATE, NULL,
			    "尚未记录专家论证意见：请先登记参加论证的专家及其意见（" ART
			    "第十九条）");
		return EXEC("UPDATE dec_decision SET expert_summary = ?, expert_done_on = ?,"
			    " expert_skip_reason = NULL WHERE case_id = ?",
			    "tti", fz_json_str(in, "summary"), today, c->case_id);
	}
	if (!strcmp(n, "skip_expert"))
		return EXEC("UPDATE dec_decision SET expert_skip_reason = ?, expert_done_on = NULL"
			    " WHERE case_id = ?",
			    "ti", fz_json_str(in, "reason"), c->case_id);
	if (!strcmp(n, "assess_risk"))
		return EXEC(
		    "UPDATE dec_decision SET risk_assessor = ?, risk_level = ?, risk_points = ?,"
		    " risk_measures = ?, risk_contingency = ?, risk_report = ?, risk_done_on = ?,"
		    " risk_skip_reason = NULL WHERE case_id = ?",
		    "ttttttti", fz_json_str(in, "assessor"), fz_json_str(in, "level"),
		    fz_json_str(in, "risk_points"), fz_json_str(in, "measures"),
		    fz_json_str(in, "contingency"), fz_json_str(in, "report"), today, c->case_id);
	if (!strcmp(n, "skip_risk"))
		return EXEC("UPDATE dec_decision SET risk_skip_reason = ?, risk_done_on = NULL,"
			    " risk_assessor = NULL WHERE case_id = ?",
			    "ti", fz_json_str(in, "reason"), c->case_id);
	if (!strcmp(n, "submit_review"))
		return submit_review(ctx, c, in, err);
	if (!strcmp(n, "review_passed") || !strcmp(n, "review_failed"))
		return review_result(ctx, c, in, err);
	if (!strcmp(n, "decide") || !strcmp(n, "decide_reject") || !strcmp(n, "decide_defer"))
		return decide(ctx, c, tr, in, err);
	if (!strcmp(n, "publish"))
		return publish(ctx, c, in, err);
	if (!strcmp(n, "archive"))
		return EXEC(
		    "UPDATE dec_decision SET archived_on = ?, archive_note = ? WHERE case_id = ?",
		    "tti", today, fz_json_str(in, "note"), c->case_id);
	if (!strcmp(n, "report_progress"))
		return progress(ctx, c, in, err);
	if (!strcmp(n, "evaluate"))
		return evaluate(ctx, c, in, err);
	return FZ_OK;
}

/* ---- experts and speeches ------------------------------------------------------------ */

const struct fz_input fz_dec_expert_inputs[] = {
    {.name = "name", .label = "专家姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 40},
    {.name = "party", .label = "所在单位", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "field", .label = "专业领域", .type = FZ_IN_TEXT, .max_chars = 60},
    {.name = "opinion",
     .label = "论证意见",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 5000},
    {.name = "given_on", .label = "论证日期", .type = FZ_IN_DATE, .required = true},
    {.name = NULL},
};

struct ref {
	int64_t agency_id;
	char state[32];
};

static enum fz_code find(struct fz_ctx *ctx, int64_t case_id, struct ref *r, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT agency_id, state FROM case_record WHERE case_id = ?"
			" AND case_type = '" FZ_DEC_TYPE "'",
			"i", case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		r->agency_id = fz_col_int(st, 0);
		snprintf(r->state, sizeof r->state, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "重大行政决策不存在");
	return FZ_OK;
}

enum fz_code fz_dec_expert_add(struct fz_ctx *ctx, int64_t case_id, json_t *in, int64_t *id,
			       struct fz_err *err)
{
	struct ref r;
	enum fz_code rc = find(ctx, case_id, &r, err);
	if (rc)
		return rc;
	if (!is_undertaker(ctx, r.agency_id))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "专家论证意见由承办单位登记");
	if (strcmp(r.state, "expert") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "专家论证在公众参与结束后进行：当前环节不能登记专家论证意见");
	int day;
	if ((rc = date_in(in, "given_on", "论证日期", &day, err)))
		return rc;
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "given_on", "论证日期不能晚于今天");
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO dec_expert(case_id, name, party, field, opinion, given_on, created_at)"
	    " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING expert_id",
	    "itttttt", case_id, fz_json_str(in, "name"), fz_json_str(in, "party"),
	    fz_json_str(in, "field"), fz_json_str(in, "opinion"), fz_json_str(in, "given_on"), now);
	if ((rc = fz_stmt_exec_id(st, id, err)) ||
	    (rc = fz_dec_audit(ctx, case_id, "dec_expert", "expert_add", in, NULL, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

static enum fz_code speech_err(struct fz_err *err, size_t i, const char *msg)
{
	return fz_err_set(err, FZ_EBAD_VALUE, "speeches", "第 %zu 位发言：%s", i + 1, msg);
}

enum fz_code fz_dec_speeches_save(struct fz_ctx *ctx, int64_t case_id, json_t *in,
				  struct fz_err *err)
{
	struct ref r;
	enum fz_code rc = find(ctx, case_id, &r, err);
	if (rc)
		return rc;
	if (!fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "会议发言由县人民政府记录");
	if (strcmp(r.state, "reviewed") != 0 && strcmp(r.state, "deferred") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "合法性审查通过后才能提请集体讨论（" ART
				  "第二十五条）：当前环节不能记录会议发言");
	json_t *sp = json_object_get(in, "speeches");
	size_t n = json_array_size(sp);
	if (!json_is_array(sp) || n == 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "speeches",
				  "请按发言顺序填写会议组成人员的发言");
	if (n > 60)
		return fz_err_set(err, FZ_EBAD_VALUE, "speeches", "发言最多 60 条");
	size_t heads = 0, head_at = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *s = json_array_get(sp, i);
		const char *who = fz_json_str(s, "speaker"), *view = fz_json_str(s, "view");
		if (!json_is_object(s))
			return speech_err(err, i, "格式不正确");
		if (fz_dec_blank(who) || fz_utf8_chars(who) > 40)
			return speech_err(err, i, "请填写发言人姓名（不超过 40 字）");
		if (fz_dec_blank(view) || fz_utf8_chars(view) > 4000)
			return speech_err(err, i, "请填写发言意见（不超过 4000 字）");
		if (json_is_true(json_object_get(s, "is_head")))
			heads++, head_at = i;
	}
	if (heads != 1)
		return fz_err_set(err, FZ_EBAD_VALUE, "speeches",
				  "会议记录应当有且只有一位行政首长（会议主持人）的发言");
	if (head_at != n - 1)
		return fz_err_set(err, FZ_EBAD_VALUE, "speeches",
				  "行政首长应当在会议组成人员充分发表意见后最后发表意见（" ART
				  "第三十条）");
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	rc = EXEC("DELETE FROM dec_speech WHERE case_id = ?", "i", case_id);
	for (size_t i = 0; i < n && !rc; i++) {
		json_t *s = json_array_get(sp, i);
		rc = EXEC(
		    "INSERT INTO dec_speech(case_id, seq, speaker, position, is_head, view, "
		    "dissent)"
		    " VALUES (?, ?, ?, ?, ?, ?, ?)",
		    "iIttItI", case_id, (int)i + 1, fz_json_str(s, "speaker"),
		    fz_json_str(s, "position"), json_is_true(json_object_get(s, "is_head")) ? 1 : 0,
		    fz_json_str(s, "view"), json_is_true(json_object_get(s, "dissent")) ? 1 : 0);
	}
	if (!rc)
		rc = fz_dec_audit(ctx, case_id, "dec_speech", "speeches_save", in, NULL, err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

bool fz_dec_state_decided(const char *state)
{
	static const char *const done[] = {"decided",	  "published", "archived", "evaluated",
					   "not_adopted", "abandoned", NULL};
	for (const char *const *d = done; *d; d++)
		if (!strcmp(*d, state))
			return true;
	return false;
}

/* ---- the decision's fields (the case page) ------------------------------------------- */

static const char *const text_cols[] = {"title",
					"draft",
					"explanation",
					"comment_from",
					"comment_to",
					"comment_short_reason",
					"comment_closed_on",
					"comment_summary",
					"participation_skip_reason",
					"hearing_on",
					"hearing_materials_on",
					"hearing_place",
					"hearing_participants",
					"expert_summary",
					"expert_done_on",
					"expert_skip_reason",
					"risk_assessor",
					"risk_level",
					"risk_points",
					"risk_measures",
					"risk_contingency",
					"risk_report",
					"risk_done_on",
					"risk_skip_reason",
					"review_opinion",
					"reviewed_on",
					"decided_on",
					"outcome",
					"outcome_reason",
					"dissent",
					"decision_text",
					"published_on",
					"publish_channel",
					"publish_account",
					"archived_on",
					"archive_note",
					"evaluator",
					"evaluated_on",
					"evaluation_trigger",
					"evaluation_conclusion",
					"evaluation_report",
					NULL};

static const struct fz_option review_opinions[] = {
    {"lawful", "合法"},
    {"lawful_if_amended", "修改后合法"},
    {"unlawful", "不合法"},
    {NULL, NULL},
};

static json_t *rows_json(struct fz_ctx *ctx, const char *sql, int64_t id, const char *const *names,
			 const char *bools, struct fz_err *err)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "i", id);
	while (st && fz_stmt_row(st)) {
		json_t *o = json_object();
		for (int i = 0; names[i]; i++) {
			if (bools[i] == 'i')
				json_object_set_new(o, names[i], json_integer(fz_col_int(st, i)));
			else if (bools[i] == 'b')
				json_object_set_new(o, names[i], json_boolean(fz_col_int(st, i)));
			else
				fz_json_set_str(o, names[i], fz_col_text(st, i));
		}
		json_array_append_new(a, o);
	}
	fz_stmt_done(st);
	return a;
}

enum fz_code fz_dec_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	char sql[2048] =
	    "SELECT d.item_id, i.year, d.technical, d.affects_stability, d.review_case_id,"
	    " r.number, d.meeting_id, m.title, d.review_rounds, d.comment_days";
	for (int i = 0; text_cols[i]; i++) {
		strcat(sql, ", d.");
		strcat(sql, text_cols[i]);
	}
	strcat(sql, " FROM dec_decision d JOIN dec_item i ON i.item_id = d.item_id"
		    " LEFT JOIN case_record r ON r.case_id = d.review_case_id"
		    " LEFT JOIN dec_meeting m ON m.meeting_id = d.meeting_id WHERE d.case_id = ?");
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		json_object_set_new(obj, "item_id", json_integer(fz_col_int(st, 0)));
		json_object_set_new(obj, "catalogue_year", json_integer(fz_col_int(st, 1)));
		json_object_set_new(obj, "technical", json_boolean(fz_col_int(st, 2)));
		json_object_set_new(obj, "affects_stability", json_boolean(fz_col_int(st, 3)));
		json_object_set_new(obj, "review_case_id",
				    fz_col_null(st, 4) ? json_null()
						       : json_integer(fz_col_int(st, 4)));
		fz_json_set_str(obj, "review_number", fz_col_text(st, 5));
		json_object_set_new(obj, "meeting_id",
				    fz_col_null(st, 6) ? json_null()
						       : json_integer(fz_col_int(st, 6)));
		fz_json_set_str(obj, "meeting_title", fz_col_text(st, 7));
		json_object_set_new(obj, "review_rounds", json_integer(fz_col_int(st, 8)));
		json_object_set_new(obj, "comment_days",
				    fz_col_null(st, 9) ? json_null()
						       : json_integer(fz_col_int(st, 9)));
		for (int i = 0; text_cols[i]; i++)
			fz_json_set_str(obj, text_cols[i], fz_col_text(st, 10 + i));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	const char *v;
	if ((v = json_string_value(json_object_get(obj, "outcome"))))
		fz_json_set_str(obj, "outcome_label", fz_option_label(fz_dec_outcomes, v));
	if ((v = json_string_value(json_object_get(obj, "review_opinion"))))
		fz_json_set_str(obj, "review_opinion_label", fz_option_label(review_opinions, v));
	if ((v = json_string_value(json_object_get(obj, "risk_level"))))
		fz_json_set_str(obj, "risk_level_label", fz_option_label(fz_dec_risk_levels, v));
	if ((v = json_string_value(json_object_get(obj, "evaluation_conclusion"))))
		fz_json_set_str(obj, "evaluation_conclusion_label",
				fz_option_label(fz_dec_eval_conclusions, v));
	/* Where each step stands: done, skipped (with its reason) or not yet. */
	json_object_set_new(
	    obj, "participation_done",
	    json_boolean(json_is_string(json_object_get(obj, "comment_closed_on"))));
	json_object_set_new(obj, "expert_done",
			    json_boolean(json_is_string(json_object_get(obj, "expert_done_on"))));
	json_object_set_new(obj, "risk_done",
			    json_boolean(json_is_string(json_object_get(obj, "risk_done_on"))));
	static const char *const ex_names[] = {"expert_id", "name",	"party", "field",
					       "opinion",   "given_on", NULL};
	json_object_set_new(obj, "experts",
			    rows_json(ctx,
				      "SELECT expert_id, name, party, field, opinion, given_on FROM"
				      " dec_expert WHERE case_id = ? ORDER BY expert_id",
				      case_id, ex_names, "isssss", err));
	static const char *const sp_names[] = {"seq",  "speaker", "position", "is_head",
					       "view", "dissent", NULL};
	json_object_set_new(obj, "speeches",
			    rows_json(ctx,
				      "SELECT seq, speaker, position, is_head, view, dissent FROM"
				      " dec_speech WHERE case_id = ? ORDER BY seq",
				      case_id, sp_names, "issbsb", err));
	static const char *const pr_names[] = {"progress_id", "reported_on", "progress", "problems",
					       NULL};
	json_object_set_new(
	    obj, "progress_reports",
	    rows_json(ctx,
		      "SELECT progress_id, reported_on, progress, problems FROM"
		      " dec_progress WHERE case_id = ? ORDER BY reported_on, progress_id",
		      case_id, pr_names, "isss", err));
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT COUNT(*), COUNT(adopted),"
	    " COALESCE(SUM(CASE WHEN adopted IN ('yes', 'partly') THEN 1 ELSE 0 END), 0)"
	    " FROM dec_comment WHERE case_id = ?",
	    "i", case_id);
	if (st && fz_stmt_row(st)) {
		json_object_set_new(obj, "comment_count", json_integer(fz_col_int(st, 0)));
		json_object_set_new(obj, "comment_answered", json_integer(fz_col_int(st, 1)));
		json_object_set_new(obj, "comment_adopted", json_integer(fz_col_int(st, 2)));
	}
	fz_stmt_done(st);
	/* What the caller may record outside the steps (the page's forms). */
	struct ref r;
	struct fz_err e2 = {0};
	if (find(ctx, case_id, &r, &e2) == FZ_OK) {
		json_object_set_new(obj, "caller_gov", json_boolean(fz_dec_is_gov(ctx)));
		json_object_set_new(obj, "caller_undertaker",
				    json_boolean(ctx->user && is_undertaker(ctx, r.agency_id)));
		bool meeting = !strcmp(r.state, "reviewed") || !strcmp(r.state, "deferred");
		json_object_set_new(obj, "may_add_expert",
				    json_boolean(ctx->user && !strcmp(r.state, "expert") &&
						 is_undertaker(ctx, r.agency_id)));
		json_object_set_new(obj, "may_record_speeches",
				    json_boolean(ctx->user && meeting && fz_dec_is_gov(ctx)));
		json_object_set_new(obj, "may_answer_comments",
				    json_boolean(ctx->user && is_undertaker(ctx, r.agency_id) &&
						 !fz_dec_state_decided(r.state)));
	}
	fz_json_set_str(
	    obj, "archive_url",
	    fz_arena_printf(ctx->arena, "/api/decisions/%lld/archive", (long long)case_id));
	return FZ_OK;
}

/* ---- the list ------------------------------------------------------------------------ */

static json_t *dec_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	json_object_set_new(o, "item_id", json_integer(fz_col_int(st, 13)));
	json_object_set_new(o, "catalogue_year", json_integer(fz_col_int(st, 14)));
	fz_json_set_str(o, "decided_on", fz_col_text(st, 15));
	const char *out = fz_col_text(st, 16);
	fz_json_set_str(o, "outcome", out);
	fz_json_set_str(o, "outcome_label", out ? fz_option_label(fz_dec_outcomes, out) : NULL);
	fz_json_set_str(o, "published_on", fz_col_text(st, 17));
	json_object_set_new(o, "participation", json_boolean(!fz_col_null(st, 18)));
	json_object_set_new(o, "expert_review", json_boolean(!fz_col_null(st, 19)));
	json_object_set_new(o, "risk_assessment", json_boolean(!fz_col_null(st, 20)));
	fz_json_set_str(o, "review_opinion", fz_col_text(st, 21));
	const char *op = fz_col_text(st, 21);
	fz_json_set_str(o, "review_opinion_label",
			op ? fz_option_label(review_opinions, op) : NULL);
	fz_json_set_str(o, "meeting_title", fz_col_text(st, 22));
	fz_json_set_str(o, "evaluated_on", fz_col_text(st, 23));
	return o;
}

static const char *const dec_like[] = {"c.number", "c.title", NULL};

static const struct fz_list_filter dec_filters[] = {
    {.param = "year", .label = "启动年度", .kind = FZ_LF_YEAR, .sql = "c.received_on"},
    {.param = "catalogue_year",
     .label = "目录年度",
     .kind = FZ_LF_INT,
     .sql = "i.year = ?",
     .min = 2000,
     .max = 2100},
    {.param = "decided_year", .label = "决定年度", .kind = FZ_LF_YEAR, .sql = "d.decided_on"},
    {.param = "reviewed_year",
     .label = "合法性审查年度",
     .kind = FZ_LF_YEAR,
     .sql = "d.reviewed_on"},
    {.param = "evaluated_year",
     .label = "决策后评估年度",
     .kind = FZ_LF_YEAR,
     .sql = "d.evaluated_on"},
    {.param = "agency_id", .label = "承办单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "state",
     .label = "环节",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_dec_type},
    {.param = "outcome",
     .label = "决定结果",
     .kind = FZ_LF_OPTION,
     .sql = "d.outcome = ?",
     .options = fz_dec_outcomes},
    {.param = "adopted",
     .label = "通过（含原则通过）",
     .kind = FZ_LF_FLAG,
     .sql = "d.outcome IN ('adopted', 'adopted_in_principle')"},
    {.param = "participation",
     .label = "经公众参与",
     .kind = FZ_LF_FLAG,
     .sql = "d.comment_from IS NOT NULL"},
    {.param = "expert",
     .label = "经专家论证",
     .kind = FZ_LF_FLAG,
     .sql = "d.expert_done_on IS NOT NULL"},
    {.param = "risk",
     .label = "经风险评估",
     .kind = FZ_LF_FLAG,
     .sql = "d.risk_done_on IS NOT NULL"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = dec_like},
    {.param = NULL},
};

static const struct fz_list_sort dec_sorts[] = {
    {.name = "created_at", .expr = "c.case_id"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = "decided_on", .expr = "d.decided_on", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col dec_cols[] = {
    {.key = "number", .header = "编号", .width = 20},
    {.key = "title", .header = "决策事项", .width = 40},
    {.key = "agency_name", .header = "承办单位", .width = 24},
    {.key = "catalogue_year", .header = "目录年度", .kind = FZ_LC_NUMBER, .width = 10},
    {.key = "state_label", .header = "环节", .width = 18},
    {.key = "participation", .header = "公众参与", .kind = FZ_LC_BOOL, .width = 10},
    {.key = "expert_review", .header = "专家论证", .kind = FZ_LC_BOOL, .width = 10},
    {.key = "risk_assessment", .header = "风险评估", .kind = FZ_LC_BOOL, .width = 10},
    {.key = "review_opinion_label", .header = "合法性审查意见", .width = 14},
    {.key = "meeting_title", .header = "决策会议", .width = 24},
    {.key = "decided_on", .header = "决定日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "outcome_label", .header = "决定结果", .width = 10},
    {.key = "published_on", .header = "公布日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = NULL},
};

const struct fz_list fz_dec_list = {
    .name = "重大行政决策",
    .select =
	FZ_CASE_ROW_COLS ", d.item_id, i.year, d.decided_on, d.outcome, d.published_on,"
			 " d.comment_from, d.expert_done_on, d.risk_done_on, d.review_opinion,"
			 " m.title, d.evaluated_on",
    .from = "case_record c JOIN dec_decision d ON d.case_id = c.case_id"
	    " JOIN dec_item i ON i.item_id = d.item_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN dec_meeting m ON m.meeting_id = d.meeting_id",
    .where = "c.case_type = '" FZ_DEC_TYPE "'",
    .scope = "c.agency_id",
    .shared = "c.case_id",
    .filters = dec_filters,
    .sorts = dec_sorts,
    .sort_default = "-created_at",
    .tiebreak = "c.case_id",
    .row = dec_row,
    .columns = dec_cols,
};
