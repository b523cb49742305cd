/*
 * recon_store.c - SQL of reconsideration and litigation: tables, registering
 * cases, the domain half of transitions (第20条 late applications, 第53条
 * simplified procedure, 第51条 hearing notice, 第62条 one extension in the
 * normal procedure only), detail fields and public tracking.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/reconsideration/recon_int.h"
#include "platform/jsonx.h"

const struct fz_migration fz_recon_migrations[] = {
	{"reconsideration-001",
	 "CREATE TABLE recon_case ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record, channel TEXT NOT NULL,"
	 " applicant_name TEXT NOT NULL, applicant_type TEXT NOT NULL, applicant_id TEXT,"
	 " phone TEXT NOT NULL, address TEXT, representative TEXT, third_parties TEXT,"
	 " respondent_agency_id INTEGER NOT NULL REFERENCES agency, act_type TEXT NOT NULL,"
	 " act_number TEXT, act_date TEXT, learned_on TEXT NOT NULL, requests TEXT NOT NULL,"
	 " facts TEXT, late INTEGER NOT NULL DEFAULT 0, late_reason TEXT, procedure TEXT,"
	 " simplified_ground TEXT, accepted_on TEXT, decision TEXT, decision_text TEXT,"
	 " decided_on TEXT, hearing_on TEXT, opinion_kind TEXT);"
	 "CREATE INDEX recon_case_respondent ON recon_case(respondent_agency_id);"
	 "CREATE TABLE lit_case ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record, court TEXT NOT NULL,"
	 " instance TEXT NOT NULL, plaintiff TEXT NOT NULL, act_type TEXT NOT NULL,"
	 " act_number TEXT, recon_case_id INTEGER REFERENCES case_record, outcome TEXT,"
	 " judged_on TEXT, suggestion TEXT);"
	 "CREATE TABLE lit_hearing ("
	 " hearing_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " hearing_on TEXT NOT NULL, appearer TEXT NOT NULL, post TEXT NOT NULL, reason TEXT);"
	 "CREATE INDEX lit_hearing_case ON lit_hearing(case_id);"},
	/*
	 * What staff used to read from event notes, as fields: the steps of the
	 * review, each opinion letter with its report (第76条), each suspension
	 * (第39条), each judgment by instance and each judicial suggestion with its
	 * reply. Cases handled before this migration keep those in their events.
	 */
	{"reconsideration-002",
	 "ALTER TABLE recon_case ADD COLUMN forward_to TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN copy_sent_on TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN answer_received_on TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN answer_summary TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN hearing_notified_on TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN switched_on TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN switch_reason TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN extended_on TEXT;"
	 "ALTER TABLE recon_case ADD COLUMN extended_days INTEGER;"
	 "ALTER TABLE recon_case ADD COLUMN extension_reason TEXT;"
	 "CREATE TABLE recon_opinion ("
	 " opinion_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " kind TEXT NOT NULL, content TEXT NOT NULL, issued_on TEXT NOT NULL,"
	 " reported_on TEXT, report_summary TEXT);"
	 "CREATE INDEX recon_opinion_case ON recon_opinion(case_id);"
	 "CREATE TABLE recon_suspension ("
	 " suspension_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " from_on TEXT NOT NULL, to_on TEXT, reason TEXT NOT NULL);"
	 "CREATE INDEX recon_suspension_case ON recon_suspension(case_id);"
	 "ALTER TABLE lit_case ADD COLUMN judgment_text TEXT;"
	 "ALTER TABLE lit_case ADD COLUMN defense_filed_on TEXT;"
	 "CREATE TABLE lit_judgment ("
	 " judgment_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " instance TEXT NOT NULL, court TEXT NOT NULL, outcome TEXT NOT NULL,"
	 " judged_on TEXT NOT NULL, text TEXT);"
	 "CREATE INDEX lit_judgment_case ON lit_judgment(case_id);"
	 "CREATE TABLE lit_suggestion ("
	 " suggestion_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " content TEXT NOT NULL, received_on TEXT NOT NULL, reply TEXT, replied_on TEXT);"
	 "CREATE INDEX lit_suggestion_case ON lit_suggestion(case_id);"
	 "CREATE INDEX case_type_received ON case_record(case_type, received_on);"},
	/* The respondent keeps its answer clock (recon_flow.c, party): charge the running ones to it. */
	{"reconsideration-003",
	 "UPDATE case_clock SET agency_id = (SELECT r.respondent_agency_id FROM recon_case r"
	 " WHERE r.case_id = case_clock.case_id)"
	 " WHERE name = 'answer' AND case_id IN (SELECT case_id FROM recon_case);"},
	{NULL, NULL},
};

static int64_t legal_office(struct fz_ctx *ctx)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT agency_id FROM agency WHERE kind = 'legal_office' AND active = 1 ORDER BY agency_id LIMIT 1",
		NULL);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

static int date_of(json_t *in, const char *key)
{
	int d;
	const char *s = fz_json_str(in, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

enum fz_code fz_recon_submit(struct fz_ctx *ctx, json_t *in, const char *channel, int received_on,
			     struct fz_case_row *out, struct fz_err *err)
{
	int learned = date_of(in, "learned_on"), act = date_of(in, "act_date");
	if (learned > received_on)
		return fz_err_set(err, FZ_EBAD_DATE, "learned_on", "知道该行政行为的日期不能晚于申请日期");
	if (act >= 0 && act > learned)
		return fz_err_set(err, FZ_EBAD_DATE, "act_date", "行政行为作出日期不能晚于知道该行为的日期");
	int64_t respondent = json_integer_value(json_object_get(in, "respondent_agency_id"));
	/*
	 * 第20条: 60 days from knowing of the act (a calendar-day period, 第88条).
	 * Stored late only when certainly late; an undecided answer (the calendar
	 * that could move the 60th day is not loaded) is settled when read
	 * (fz_recon_fields) and at acceptance.
	 */
	int last;
	bool late = fz_recon_lateness(ctx->cal, learned, received_on, &last) == FZ_RECON_LATE;
	int64_t office = legal_office(ctx);
	if (!office)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未配置行政复议机构（法制机构）");
	const char *requests = fz_json_str(in, "requests");
	/* The applicant's reason for missing the 60 days (第20条): kept even when the
	 * calendar says the application was in time, as the applicant wrote it. */
	const char *late_reason = fz_json_str(in, "late_reason");
	if (late_reason && fz_text_blank(late_reason))
		late_reason = NULL;
	char title[200];
	snprintf(title, sizeof title, "%s不服%s", fz_json_str(in, "applicant_name"),
		 fz_recon_label(fz_recon_act_types, fz_json_str(in, "act_type")));
	char *input = fz_json_text(ctx->arena, in, NULL);
	struct fz_case_new n = {.case_type = "reconsideration", .agency_id = office, .title = title,
				.body = requests, .received_on = received_on, .tracking = true, .receipt = true,
				.input = input};
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO recon_case(case_id, channel, applicant_name, applicant_type, applicant_id,"
		" phone, address, representative, third_parties, respondent_agency_id, act_type,"
		" act_number, act_date, learned_on, requests, facts, late, late_reason)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		"ittttttttitttttt" "It", out->case_id, channel, fz_json_str(in, "applicant_name"),
		fz_json_str(in, "applicant_type"), fz_json_str(in, "applicant_id"),
		fz_json_str(in, "phone"), fz_json_str(in, "address"), fz_json_str(in, "representative"),
		fz_json_str(in, "third_parties"), respondent, fz_json_str(in, "act_type"),
		fz_json_str(in, "act_number"), fz_json_str(in, "act_date"),
		fz_json_str(in, "learned_on"), requests, fz_json_str(in, "facts"), late ? 1 : 0,
		late_reason);
	if (!st || fz_stmt_exec(st, err)) {
		rc = err->code;
		goto fail;
	}
	/* Registered after its review period ended (第30条第3款): it is accepted already. */
	int deemed = 0;
	if ((rc = fz_recon_deem_accepted(ctx, out->case_id, &deemed, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_lit_submit(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
			   struct fz_err *err)
{
	int received = date_of(in, "received_on");
	if (received > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "收到起诉状副本的日期不能晚于今天");
	int64_t recon = json_integer_value(json_object_get(in, "recon_case_id"));
	if (recon) {
		struct fz_stmt *st = fz_db_query(ctx->db, err,
						 "SELECT 1 FROM case_record WHERE case_id = ?"
						 " AND case_type = 'reconsideration'",
						 "i", recon);
		bool ok = st && fz_stmt_row(st);
		fz_stmt_done(st);
		if (!ok)
			return fz_err_set(err, FZ_EBAD_VALUE, "recon_case_id", "关联的行政复议案件不存在");
	}
	char title[200];
	snprintf(title, sizeof title, "%s诉%s", fz_json_str(in, "plaintiff"),
		 fz_recon_label(fz_recon_act_types, fz_json_str(in, "act_type")));
	struct fz_case_new n = {.case_type = "litigation",
				.agency_id = json_integer_value(json_object_get(in, "agency_id")),
				.title = title, .body = fz_json_str(in, "plaintiff"),
				.received_on = received, .input = fz_json_text(ctx->arena, in, NULL)};
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO lit_case(case_id, court, instance, plaintiff, act_type, act_number,"
		" recon_case_id) VALUES (?,?,?,?,?,?,?)",
		"itttttt", out->case_id, fz_json_str(in, "court"), fz_json_str(in, "instance"),
		fz_json_str(in, "plaintiff"), fz_json_str(in, "act_type"), fz_json_str(in, "act_number"),
		recon ? fz_arena_printf(ctx->arena, "%lld", (long long)recon) : NULL);
	if (!st || fz_stmt_exec(st, err)) {
		rc = err->code;
		goto fail;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static const char *col(struct fz_ctx *ctx, int64_t case_id, const char *sql)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "i", case_id);
	const char *v = st && fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	return v;
}

static bool simplified(struct fz_ctx *ctx, int64_t case_id)
{
	const char *proc = col(ctx, case_id, "SELECT procedure FROM recon_case WHERE case_id = ?");
	return proc && strcmp(proc, "simplified") == 0;
}

/* 受理: the 第53条 ground of the simplified procedure, the 第20条 reason, the periods. */
static enum fz_code accept(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, const char *today,
			   struct fz_err *err)
{
	const char *proc = fz_json_str(in, "procedure"), *ground = fz_json_str(in, "simplified_ground");
	/* A simplified procedure names its 第53条 ground: the row's needs make it present. */
	bool simple = strcmp(proc, "simplified") == 0;
	if (simple) {
		const char *act = col(ctx, c->case_id, "SELECT act_type FROM recon_case WHERE case_id = ?");
		if (strcmp(ground, "disclosure") == 0 && (!act || strcmp(act, "disclosure") != 0))
			return fz_err_set(err, FZ_EBAD_VALUE, "simplified_ground",
					  "该案件不是政府信息公开案件，不能以此情形适用简易程序");
		if (strcmp(ground, "warning") == 0 && (!act || strcmp(act, "penalty") != 0))
			return fz_err_set(err, FZ_EBAD_VALUE, "simplified_ground",
					  "“警告或者通报批评”仅适用于行政处罚案件");
	}
	/*
	 * 第20条: a late application is accepted only with the reason recorded. The
	 * reason the applicant gave with the application stands unless the office
	 * writes its own here.
	 */
	/* 第20条 on today's calendar: an answer undecided at receipt may be known now. */
	int learned = -1, received = -1, last;
	const char *lo = col(ctx, c->case_id, "SELECT learned_on FROM recon_case WHERE case_id = ?");
	if (!lo || fz_date_parse(lo, &learned) != FZ_OK || fz_date_parse(c->received_on, &received) != FZ_OK)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "复议申请的日期记录不完整");
	enum fz_recon_late lateness = fz_recon_lateness(ctx->cal, learned, received, &last);
	const char *late = lateness == FZ_RECON_LATE ? "1" : "0";
	const char *stated = col(ctx, c->case_id, "SELECT late_reason FROM recon_case WHERE case_id = ?");
	const char *reason = fz_json_str(in, "late_reason");
	if (reason && fz_text_blank(reason))
		reason = NULL;
	if (late && strcmp(late, "1") == 0 && !reason && !stated)
		return fz_err_set(err, FZ_EMISSING_FIELD, "late_reason",
				  "申请已超过知道行政行为之日起六十日的期限（第二十条），受理须写明理由（如不可抗力等正当理由）");
	/*
	 * 第48/54/62条: the copy, answer and decision periods depend on the procedure.
	 * Accepted after the review period ended, the case was accepted by law on
	 * its last day (第30条第3款): the periods count from then, not from today.
	 */
	int from = ctx->today, review_end;
	const char *due = col(ctx, c->case_id,
			      "SELECT due_date FROM case_clock WHERE case_id = ? AND name = 'acceptance'"
			      " AND state = 'running'");
	if (due && fz_date_parse(due, &review_end) == FZ_OK && review_end < ctx->today) {
		from = review_end;
		today = due;
	}
	enum fz_code rc;
	if ((rc = fz_case_clock_start(ctx, c, "copy", from, simple ? 3 : 7, err)) ||
	    (rc = fz_case_clock_start(ctx, c, "decision", from, simple ? 30 : 60, err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE recon_case SET procedure = ?, simplified_ground = ?,"
				" late_reason = COALESCE(?, late_reason), accepted_on = ?, late = ?"
				" WHERE case_id = ?",
				"ttttIi", proc, simple ? ground : NULL, reason, today,
				(int64_t)(lateness == FZ_RECON_LATE), c->case_id),
		    err);
}

enum fz_code fz_recon_deem_accepted(struct fz_ctx *ctx, int64_t case_id, int *n,
				    struct fz_err *err)
{
	*n = 0;
	char today[11];
	fz_date_format(ctx->today, today);
	/* Collect first: each act issues its own queries on this connection. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.case_id, k.due_date FROM case_record c"
		" JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'acceptance'"
		" WHERE c.case_type = 'reconsideration' AND c.state = 'received'"
		" AND k.state = 'running' AND k.due_date < ? AND (? = 0 OR c.case_id = ?)"
		" ORDER BY c.case_id LIMIT 1000",
		"tii", today, case_id, case_id);
	if (!st)
		return err->code;
	int64_t ids[1000];
	char days[1000][11];
	size_t k = 0;
	while (k < 1000 && fz_stmt_row(st)) {
		ids[k] = fz_col_int(st, 0);
		snprintf(days[k], sizeof days[k], "%s", fz_col_text(st, 1));
		k++;
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	for (size_t i = 0; i < k; i++) {
		json_t *in = json_pack("{s:s}", "accepted_on", days[i]);
		enum fz_code rc = fz_case_act_system(ctx, ids[i], "deemed_accept", in, err);
		json_decref(in);
		if (rc)
			return rc;
		(*n)++;
	}
	return FZ_OK;
}

enum fz_code fz_recon_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			    const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	const char *a = tr->name;
	char today[11];
	fz_date_format(ctx->today, today);
	/*
	 * Which step may be taken when (a correction notice once and in time, a clock run out, a
	 * step awaited, one letter at a time) is declared on the rows
	 * (recon_flow.c); what is left here writes the domain's record.
	 */
	if (strcmp(a, "opinion_reported") == 0) {
		const char *issued = col(ctx, c->case_id,
					 "SELECT issued_on FROM recon_opinion WHERE case_id = ?"
					 " AND reported_on IS NULL ORDER BY opinion_id DESC LIMIT 1");
		const char *on = fz_json_str(in, "reported_on");
		if (issued && strcmp(on, issued) < 0)
			return fz_err_set(err, FZ_EBAD_DATE, "reported_on",
					  "收到报告日期不能早于意见书或建议书的制发日期（%s）", issued);
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_opinion SET reported_on = ?, report_summary = ?"
					" WHERE case_id = ? AND reported_on IS NULL",
					"tti", on, fz_json_str(in, "summary"), c->case_id),
			    err);
	}
	if (strcmp(a, "issue_opinion") == 0) {
		enum fz_code rc = fz_stmt_exec(fz_db_query(ctx->db, err,
						   "UPDATE recon_case SET opinion_kind = ? WHERE case_id = ?",
						   "ti", fz_json_str(in, "kind"), c->case_id),
				       err);
		return rc ? rc
			  : fz_stmt_exec(fz_db_query(ctx->db, err,
					     "INSERT INTO recon_opinion(case_id, kind, content, issued_on)"
					     " VALUES (?,?,?,?)",
					     "ittt", c->case_id, fz_json_str(in, "kind"),
					     fz_json_str(in, "content"), today),
				 err);
	}
	if (strcmp(a, "accept") == 0)
		return accept(ctx, c, in, today, err);
	if (strcmp(a, "deemed_accept") == 0) {
		/* 第30条第3款, 第48条, 第62条: the normal procedure, counted from the review's end. */
		int day = date_of(in, "accepted_on");
		enum fz_code rc;
		if ((rc = fz_case_clock_start(ctx, c, "copy", day, 7, err)) ||
		    (rc = fz_case_clock_start(ctx, c, "decision", day, 60, err)))
			return rc;
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET procedure = 'normal', accepted_on = ?"
					" WHERE case_id = ?",
					"ti", fz_json_str(in, "accepted_on"), c->case_id),
			    err);
	}
	if (strcmp(a, "copy_sent") == 0) {
		int sent = date_of(in, "sent_on");
		enum fz_code rc = fz_case_clock_start(ctx, c, "answer", sent,
						      simplified(ctx, c->case_id) ? 5 : 10, err);
		return rc ? rc
			  : fz_stmt_exec(fz_db_query(ctx->db, err,
					     "UPDATE recon_case SET copy_sent_on = ? WHERE case_id = ?", "ti",
					     fz_json_str(in, "sent_on"), c->case_id),
				 err);
	}
	if (strcmp(a, "answer_received") == 0 || strcmp(a, "answer_submitted") == 0) {
		const char *sent = col(ctx, c->case_id, "SELECT copy_sent_on FROM recon_case WHERE case_id = ?");
		if (sent && strcmp(fz_json_str(in, "received_on"), sent) < 0)
			return fz_err_set(err, FZ_EBAD_DATE, "received_on",
					  "收到答复的日期不能早于发送申请书副本的日期（%s）", sent);
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET answer_received_on = ?, answer_summary = ?"
					" WHERE case_id = ?",
					"tti", fz_json_str(in, "received_on"), fz_json_str(in, "summary"),
					c->case_id),
			    err);
	}
	if (strcmp(a, "schedule_hearing") == 0) {
		int hearing = date_of(in, "hearing_on"), notified = date_of(in, "notified_on"), n = 0;
		if (notified > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "notified_on", "通知日期不能晚于今天");
		if (fz_calendar_workdays_between(ctx->cal, notified, hearing, &n) != FZ_OK || n < 5)
			return fz_err_set(err, FZ_EBAD_DATE, "hearing_on",
					  "听证应在通知后至少五个工作日举行（第五十一条），当前相隔 %d 个工作日", n);
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET hearing_on = ?, hearing_notified_on = ?"
					" WHERE case_id = ?",
					"tti", fz_json_str(in, "hearing_on"), fz_json_str(in, "notified_on"),
					c->case_id),
			    err);
	}
	if (strcmp(a, "extend") == 0) {
		/* The engine refuses a second extension (第62条) and the simplified procedure. */
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET extended_on = ?, extended_days = ?,"
					" extension_reason = ? WHERE case_id = ?",
					"titi", today, (int64_t)json_integer_value(json_object_get(in, "days")),
					fz_json_str(in, "reason"), c->case_id),
			    err);
	}
	if (strcmp(a, "switch_normal") == 0) {
		/*
		 * 第62条: the normal procedure's 60 days, still counted from acceptance;
		 * days the case was suspended (第39条) stay out of the count.
		 */
		enum fz_code rc = fz_case_clock_set_days(ctx, c, "decision", 60, err);
		return rc ? rc
			  : fz_stmt_exec(fz_db_query(ctx->db, err,
					     "UPDATE recon_case SET procedure = 'normal', switched_on = ?,"
					     " switch_reason = ? WHERE case_id = ?",
					     "tti", today, fz_json_str(in, "reason"), c->case_id),
				 err);
	}
	if (strcmp(a, "suspend") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"INSERT INTO recon_suspension(case_id, from_on, reason) VALUES (?,?,?)",
					"itt", c->case_id, today, fz_json_str(in, "reason")),
			    err);
	if (strcmp(a, "resume") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_suspension SET to_on = ? WHERE case_id = ? AND to_on IS NULL",
					"ti", today, c->case_id),
			    err);
	if (strcmp(a, "decide") == 0 || strcmp(a, "end") == 0 || strcmp(a, "refuse") == 0 ||
	    strcmp(a, "deem_withdrawn") == 0 || strcmp(a, "forward") == 0) {
		const char *d = strcmp(a, "decide") == 0 ? fz_json_str(in, "decision")
				: strcmp(a, "end") == 0  ? fz_json_str(in, "ending")
							 : a;
		const char *text = strcmp(a, "decide") == 0 ? fz_json_str(in, "decision_text")
				   : fz_json_str(in, "reason") ? fz_json_str(in, "reason")
							       : fz_json_str(in, "ground");
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET decision = ?, decision_text = ?, decided_on = ?,"
					" forward_to = ? WHERE case_id = ?",
					"tttti", d, text, today, fz_json_str(in, "forward_to"), c->case_id),
			    err);
	}
	return FZ_OK;
}

enum fz_code fz_lit_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *in, struct fz_err *err)
{
	const char *a = tr->name;
	char today[11];
	fz_date_format(ctx->today, today);
	if (strcmp(a, "record_hearing") == 0) {
		/* 行政诉讼法 第3条: the reason the head did not appear is the row's needs. */
		const char *post = fz_json_str(in, "post"), *reason = fz_json_str(in, "reason");
		if (date_of(in, "hearing_on") > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "hearing_on", "只登记已经开庭的出庭情况");
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"INSERT INTO lit_hearing(case_id, hearing_on, appearer, post, reason)"
					" VALUES (?,?,?,?,?)",
					"ittt" "t", c->case_id, fz_json_str(in, "hearing_on"),
					fz_json_str(in, "appearer"), post, reason),
			    err);
	}
	if (strcmp(a, "defense_filed") == 0) {
		if (strcmp(fz_json_str(in, "filed_on"), c->received_on) < 0)
			return fz_err_set(err, FZ_EBAD_DATE, "filed_on",
					  "提交答辩状的日期不能早于收到起诉状副本的日期（%s）", c->received_on);
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE lit_case SET defense_filed_on = ? WHERE case_id = ?", "ti",
					fz_json_str(in, "filed_on"), c->case_id),
			    err);
	}
	if (strcmp(a, "judge") == 0) {
		if (date_of(in, "judged_on") > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "judged_on", "只登记已经作出的判决（裁定），裁判日期不能晚于今天");
		const char *text = fz_json_str(in, "text");
		if (text && fz_text_blank(text))
			text = NULL;
		enum fz_code rc = fz_stmt_exec(fz_db_query(ctx->db, err,
						   "UPDATE lit_case SET outcome = ?, judged_on = ?,"
						   " judgment_text = ? WHERE case_id = ?",
						   "ttti", fz_json_str(in, "outcome"),
						   fz_json_str(in, "judged_on"), text, c->case_id),
				       err);
		return rc ? rc
			  : fz_stmt_exec(fz_db_query(ctx->db, err,
					     "INSERT INTO lit_judgment(case_id, instance, court, outcome,"
					     " judged_on, text) SELECT case_id, instance, court, ?, ?, ?"
					     " FROM lit_case WHERE case_id = ?",
					     "ttti", fz_json_str(in, "outcome"), fz_json_str(in, "judged_on"),
					     text, c->case_id),
				 err);
	}
	if (strcmp(a, "suggestion_handled") == 0) {
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE lit_suggestion SET reply = ?, replied_on = ?"
					" WHERE case_id = ? AND replied_on IS NULL",
					"tti", fz_json_str(in, "reply"), today, c->case_id),
			    err);
	}
	if (strcmp(a, "suggestion") == 0) {
		enum fz_code rc = fz_stmt_exec(fz_db_query(ctx->db, err,
						   "UPDATE lit_case SET suggestion = ? WHERE case_id = ?",
						   "ti", fz_json_str(in, "content"), c->case_id),
				       err);
		return rc ? rc
			  : fz_stmt_exec(fz_db_query(ctx->db, err,
					     "INSERT INTO lit_suggestion(case_id, content, received_on)"
					     " VALUES (?,?,?)",
					     "itt", c->case_id, fz_json_str(in, "content"), today),
				 err);
	}
	if (strcmp(a, "appeal") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE lit_case SET instance = ?, court = ?, outcome = NULL,"
					" judged_on = NULL, judgment_text = NULL WHERE case_id = ?",
					"tti", fz_json_str(in, "instance"), fz_json_str(in, "court"),
					c->case_id),
			    err);
	return FZ_OK;
}

/* Label of a decision or an ending ("撤销（第64条）"); the value itself when unknown. */
static const char *decision_label(const char *d)
{
	const char *l = fz_recon_label(fz_recon_decisions, d);
	return l == d ? fz_recon_label(fz_recon_endings, d) : l;
}

/* Sets key_label from a table (null when the value is null). */
static void set_label(json_t *obj, const char *key, const struct fz_option *opts, const char *v)
{
	char name[64];
	snprintf(name, sizeof name, "%s_label", key);
	fz_json_set_str(obj, name, v ? fz_recon_label(opts, v) : NULL);
}

static json_t *int_or_null(struct fz_stmt *st, int i)
{
	return fz_col_null(st, i) ? json_null() : json_integer(fz_col_int(st, i));
}

enum fz_code fz_recon_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	const char *rcv = col(ctx, case_id, "SELECT received_on FROM case_record WHERE case_id = ?");
	const char *deemed = col(ctx, case_id,
				 "SELECT 1 FROM event WHERE case_id = ? AND entity = 'case'"
				 " AND action = 'deemed_accept'");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.channel, r.applicant_name, r.applicant_type, r.applicant_id, r.phone,"
		" r.address, r.representative, r.third_parties, a.name, r.act_type, r.act_number,"
		" r.act_date, r.learned_on, r.requests, r.facts, r.late, r.late_reason, r.procedure,"
		" r.simplified_ground, r.accepted_on, r.decision, r.decision_text, r.decided_on,"
		" r.hearing_on, r.respondent_agency_id, r.forward_to, r.copy_sent_on,"
		" r.answer_received_on, r.answer_summary, r.hearing_notified_on, r.switched_on,"
		" r.switch_reason, r.extended_on, r.extended_days, r.extension_reason"
		" FROM recon_case r JOIN agency a ON a.agency_id = r.respondent_agency_id"
		" WHERE r.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		static const char *const names[] = {
			"channel", "applicant_name", "applicant_type", "applicant_id", "phone", "address",
			"representative", "third_parties", "respondent_name", "act_type", "act_number",
			"act_date", "learned_on", "requests", "facts"};
		for (int i = 0; i < 15; i++)
			fz_json_set_str(obj, names[i], fz_col_text(st, i));
		/*
		 * 第20条, three-valued on today's calendar: late (true), in time (false),
		 * or undecided (null, "pending") while the year that could move the 60th
		 * day has no holiday arrangement loaded.
		 */
		int learned = -1, received = -1, last = FZ_OPEN;
		if (fz_col_text(st, 12) && fz_date_parse(fz_col_text(st, 12), &learned) == FZ_OK && rcv &&
		    fz_date_parse(rcv, &received) == FZ_OK) {
			enum fz_recon_late l = fz_recon_lateness(ctx->cal, learned, received, &last);
			json_object_set_new(obj, "late", l == FZ_RECON_PENDING ? json_null()
									: json_boolean(l == FZ_RECON_LATE));
			fz_json_set_str(obj, "late_status", fz_recon_late_name(l));
			fz_json_set_str(obj, "late_label", fz_recon_late_label(ctx, l, learned, last));
			json_object_set_new(obj, "application_last_day", fz_json_date(last));
		} else {
			json_object_set_new(obj, "late", json_boolean(fz_col_int(st, 15)));
		}
		static const char *const more[] = {"late_reason", "procedure", "simplified_ground",
						   "accepted_on", "decision", "decision_text",
						   "decided_on", "hearing_on"};
		for (int i = 0; i < 8; i++)
			fz_json_set_str(obj, more[i], fz_col_text(st, 16 + i));
		json_object_set_new(obj, "respondent_agency_id", json_integer(fz_col_int(st, 24)));
		/* How it was accepted: by the office's decision, or by law when the review ran out. */
		const char *acc = fz_col_text(st, 19);
		fz_json_set_str(obj, "accepted_how", !acc ? NULL : deemed ? "deemed" : "decided");
		fz_json_set_str(obj, "acceptance_label",
				!acc     ? NULL
				: deemed ? fz_arena_printf(ctx->arena,
							   "视为受理：审查期限于 %s 届满未作出不予受理决定，"
							   "自该日起视为受理（《行政复议法》第三十条第三款）",
							   acc)
					 : fz_arena_printf(ctx->arena, "%s 决定受理（《行政复议法》第三十条）", acc));
		static const char *const steps[] = {
			"forward_to", "copy_sent_on", "answer_received_on", "answer_summary",
			"hearing_notified_on", "switched_on", "switch_reason", "extended_on"};
		for (int i = 0; i < 8; i++)
			fz_json_set_str(obj, steps[i], fz_col_text(st, 25 + i));
		json_object_set_new(obj, "extended_days", int_or_null(st, 33));
		fz_json_set_str(obj, "extension_reason", fz_col_text(st, 34));
		set_label(obj, "channel", fz_recon_channels, fz_col_text(st, 0));
		set_label(obj, "applicant_type", fz_recon_applicant_types, fz_col_text(st, 2));
		set_label(obj, "act_type", fz_recon_act_types, fz_col_text(st, 9));
		set_label(obj, "procedure", fz_recon_procedures, fz_col_text(st, 17));
		set_label(obj, "simplified_ground", fz_recon_simplified_grounds, fz_col_text(st, 18));
		const char *d = fz_col_text(st, 20);
		/* refuse, forward and deem_withdrawn close a case too; their label is the state's. */
		bool closing = d && fz_recon_label(fz_recon_decisions, d) == d &&
			       fz_recon_label(fz_recon_endings, d) == d;
		fz_json_set_str(obj, "decision_label", closing ? NULL : d ? decision_label(d) : NULL);
		fz_json_set_str(obj, "decision_class", d && !closing ? fz_recon_result_class(d) : NULL);
	}
	fz_stmt_done(st);

	json_t *opinions = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT kind, content, issued_on, reported_on, report_summary FROM recon_opinion"
			 " WHERE case_id = ? ORDER BY opinion_id",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(
			opinions,
			json_pack("{s:s, s:s, s:s, s:s, s:b, s:s?, s:s?}", "kind", fz_col_text(st, 0),
				  "kind_label", fz_recon_label(fz_recon_opinion_kinds, fz_col_text(st, 0)),
				  "content", fz_col_text(st, 1), "issued_on", fz_col_text(st, 2),
				  "reported", !fz_col_null(st, 3), "reported_on", fz_col_text(st, 3),
				  "report_summary", fz_col_text(st, 4)));
	fz_stmt_done(st);
	json_object_set_new(obj, "opinions", opinions);

	json_t *suspensions = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT from_on, to_on, reason FROM recon_suspension WHERE case_id = ?"
			 " ORDER BY suspension_id",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(suspensions,
				      json_pack("{s:s, s:s?, s:s}", "from", fz_col_text(st, 0), "to",
						fz_col_text(st, 1), "reason", fz_col_text(st, 2)));
	fz_stmt_done(st);
	json_object_set_new(obj, "suspensions", suspensions);
	return FZ_OK;
}

enum fz_code fz_lit_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT l.court, l.instance, l.plaintiff, l.act_type, l.act_number, l.recon_case_id,"
		" c.number, l.outcome, l.judged_on, l.suggestion, l.judgment_text, l.defense_filed_on"
		" FROM lit_case l LEFT JOIN case_record c ON c.case_id = l.recon_case_id"
		" WHERE l.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		static const char *const names[] = {"court", "instance", "plaintiff", "act_type",
						    "act_number", "recon_case_id", "recon_number",
						    "outcome", "judged_on", "suggestion",
						    "judgment_text", "defense_filed_on"};
		for (int i = 0; i < 12; i++)
			fz_json_set_str(obj, names[i], fz_col_text(st, i));
		set_label(obj, "instance", fz_lit_instances, fz_col_text(st, 1));
		set_label(obj, "act_type", fz_recon_act_types, fz_col_text(st, 3));
		set_label(obj, "outcome", fz_lit_outcomes, fz_col_text(st, 7));
	}
	fz_stmt_done(st);
	json_t *hearings = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT hearing_on, appearer, post, reason FROM lit_hearing WHERE case_id = ?"
			 " ORDER BY hearing_on, hearing_id",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(
			hearings,
			json_pack("{s:s, s:s, s:s, s:s, s:b, s:s?}", "hearing_on", fz_col_text(st, 0),
				  "appearer", fz_col_text(st, 1), "post", fz_col_text(st, 2),
				  "post_label", fz_recon_label(fz_lit_posts, fz_col_text(st, 2)),
				  "head_appeared", strcmp(fz_col_text(st, 2), "staff") != 0, "reason",
				  fz_col_text(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "hearings", hearings);

	json_t *judgments = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT instance, court, outcome, judged_on, text FROM lit_judgment"
			 " WHERE case_id = ? ORDER BY judgment_id",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(
			judgments,
			json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s?}", "instance", fz_col_text(st, 0),
				  "instance_label", fz_recon_label(fz_lit_instances, fz_col_text(st, 0)),
				  "court", fz_col_text(st, 1), "outcome", fz_col_text(st, 2),
				  "outcome_label", fz_recon_label(fz_lit_outcomes, fz_col_text(st, 2)),
				  "judged_on", fz_col_text(st, 3), "text", fz_col_text(st, 4)));
	fz_stmt_done(st);
	json_object_set_new(obj, "judgments", judgments);

	json_t *suggestions = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT content, received_on, reply, replied_on FROM lit_suggestion"
			 " WHERE case_id = ? ORDER BY suggestion_id",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(suggestions,
				      json_pack("{s:s, s:s, s:b, s:s?, s:s?}", "content", fz_col_text(st, 0),
						"received_on", fz_col_text(st, 1), "replied",
						!fz_col_null(st, 3), "reply", fz_col_text(st, 2),
						"replied_on", fz_col_text(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "suggestions", suggestions);
	return FZ_OK;
}

/*
 * What the applicant may read of the course of the case: which step happened
 * and when, in the words of the law. Never a note, an internal opinion, the
 * respondent's answer, or a letter to the respondent (第76条 letters are
 * between the reconsideration body and the agency).
 */
static const struct fz_public_step public_steps[] = {
	{"create", "收到行政复议申请", NULL},
	{"request_correction", "通知补正申请材料", NULL},
	{"corrected", "收到补正材料", "corrected_on"},
	{"deem_withdrawn", "逾期未补正，视为放弃申请", NULL},
	{"accept", "受理", NULL},
	{"deemed_accept", "审查期限届满，视为受理（第三十条第三款）", "accepted_on"},
	{"refuse", "决定不予受理", NULL},
	{"forward", "告知或转送有权受理的行政复议机关", NULL},
	{"copy_sent", "向被申请人发送申请书副本", "sent_on"},
	{"answer_received", "收到被申请人的书面答复", "received_on"},
	{"answer_submitted", "收到被申请人的书面答复", "received_on"},
	{"schedule_hearing", "通知听证", "notified_on"},
	{"switch_normal", "转为普通程序审理", NULL},
	{"extend", "延长审理期限", NULL},
	{"suspend", "中止审理", NULL},
	{"resume", "恢复审理", NULL},
	{"decide", "作出行政复议决定", NULL},
	{"end", "审理终结", NULL},
};

/* The engine's public timeline, with the public detail of each step; the input itself goes. */
static json_t *public_timeline(struct fz_ctx *ctx, int64_t case_id)
{
	json_t *out = fz_case_public_timeline(ctx, case_id, public_steps,
					      sizeof public_steps / sizeof public_steps[0]);
	size_t i;
	json_t *e;
	json_array_foreach(out, i, e) {
		const char *action = fz_json_str(e, "action");
		json_t *in = json_object_get(e, "input");
		/* Public-safe detail: the procedure, the decision, the hearing day, the days added. */
		const char *detail = NULL;
		if (strcmp(action, "accept") == 0)
			detail = fz_recon_label(fz_recon_procedures, fz_json_str(in, "procedure"));
		else if (strcmp(action, "decide") == 0)
			detail = decision_label(fz_json_str(in, "decision"));
		else if (strcmp(action, "end") == 0)
			detail = decision_label(fz_json_str(in, "ending"));
		else if (strcmp(action, "schedule_hearing") == 0 && fz_json_str(in, "hearing_on"))
			detail = fz_arena_printf(ctx->arena, "听证日期 %s", fz_json_str(in, "hearing_on"));
		else if (strcmp(action, "extend") == 0 && json_is_integer(json_object_get(in, "days")))
			detail = fz_arena_printf(ctx->arena, "延长 %lld 日（第六十二条）",
						 (long long)json_integer_value(json_object_get(in, "days")));
		fz_json_set_str(e, "detail", detail);
		json_object_del(e, "input");
	}
	return out;
}

enum fz_code fz_recon_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				 struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.case_id, c.number, c.state, c.received_on, r.decision, r.decided_on,"
		" r.accepted_on, r.procedure, a.name, r.act_type"
		" FROM case_record c JOIN recon_case r ON r.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = r.respondent_agency_id"
		" WHERE c.tracking_code = ? AND c.case_type = 'reconsideration'",
		"t", code);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "没有找到该查询码对应的复议申请");
	}
	int64_t id = fz_col_int(st, 0);
	const struct fz_state *s = fz_flow_state(&fz_recon_type, fz_col_text(st, 2));
	const char *d = fz_col_text(st, 4);
	bool closing = d && fz_recon_label(fz_recon_decisions, d) == d &&
		       fz_recon_label(fz_recon_endings, d) == d;
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:s?, s:s?, s:s, s:s}",
			      "number", fz_col_text(st, 1), "state", fz_col_text(st, 2), "state_label",
			      s ? s->label : "", "received_on", fz_col_text(st, 3), "result",
			      closing ? NULL : d ? decision_label(d) : NULL, "decided_on",
			      fz_col_text(st, 5), "accepted_on", fz_col_text(st, 6), "procedure",
			      fz_col_text(st, 7), "procedure_label",
			      fz_col_text(st, 7) ? fz_recon_label(fz_recon_procedures, fz_col_text(st, 7)) : NULL,
			      "respondent_name", fz_col_text(st, 8), "act_type_label",
			      fz_recon_label(fz_recon_act_types, fz_col_text(st, 9)));
	fz_stmt_done(st);
	json_t *clocks;
	enum fz_code rc = fz_case_clocks_json(ctx, id, &clocks, err);
	if (rc) {
		json_decref(o);
		return rc;
	}
	/* The report clock of an opinion letter (第76条) is between the body and the agency. */
	for (size_t i = json_array_size(clocks); i-- > 0;)
		if (strcmp(fz_json_str(json_array_get(clocks, i), "name"), "opinion_report") == 0)
			json_array_remove(clocks, i);
	json_object_set_new(o, "clocks", clocks);
	json_object_set_new(o, "timeline", public_timeline(ctx, id));
	fz_case_receipt_json(ctx, id, o);
	*out = o;
	return FZ_OK;
}
