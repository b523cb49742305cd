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
	/* 第20条: 60 days from knowing of the act (a calendar-day period, 第88条). */
	int last;
	bool late = fz_calendar_add_days(ctx->cal, learned, 60, &last) == FZ_OK && received_on > last;
	int64_t office = legal_office(ctx);
	if (!office)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未配置行政复议机构（法制机构）");
	const char *requests = fz_json_str(in, "requests");
	char title[200];
	snprintf(title, sizeof title, "%s不服%s", fz_json_str(in, "applicant_name"),
		 fz_recon_label(fz_recon_act_types, fz_json_str(in, "act_type")));
	char *input = fz_json_text(ctx->arena, in, NULL);
	struct fz_case_new n = {.case_type = "reconsideration", .agency_id = office, .title = title,
				.body = requests, .received_on = received_on, .tracking = true,
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
		" act_number, act_date, learned_on, requests, facts, late)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		"ittttttttitttttt" "I", out->case_id, channel, fz_json_str(in, "applicant_name"),
		fz_json_str(in, "applicant_type"), fz_json_str(in, "applicant_id"),
		fz_json_str(in, "phone"), fz_json_str(in, "address"), fz_json_str(in, "representative"),
		fz_json_str(in, "third_parties"), respondent, fz_json_str(in, "act_type"),
		fz_json_str(in, "act_number"), fz_json_str(in, "act_date"),
		fz_json_str(in, "learned_on"), requests, fz_json_str(in, "facts"), late ? 1 : 0);
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

static enum fz_code exec(struct fz_stmt *st, struct fz_err *err)
{
	return st ? fz_stmt_exec(st, err) : err->code;
}

static const char *col(struct fz_ctx *ctx, int64_t case_id, const char *sql)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "i", case_id);
	const char *v = st && fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	return v;
}

/* Due day of one of the case's clocks (SQL names it), or -1 when it has none. */
static int due_of(struct fz_ctx *ctx, int64_t case_id, const char *sql)
{
	const char *s = col(ctx, case_id, sql);
	int d;
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

/* 第31条: one notice listing everything, sent within 5 working days of receipt. */
static enum fz_code correction_guard(struct fz_ctx *ctx, const struct fz_case_row *c,
				     struct fz_err *err)
{
	if (col(ctx, c->case_id, "SELECT state FROM case_clock WHERE case_id = ? AND name = 'correction'"))
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "补正通知应一次性载明全部需补正的事项（《行政复议法》第三十一条），本申请已通知过补正");
	int received, last;
	if (fz_date_parse(c->received_on, &received) == FZ_OK &&
	    fz_calendar_add_workdays(ctx->cal, received, 5, &last) == FZ_OK && ctx->today > last) {
		char d[11];
		fz_date_format(last, d);
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "补正通知应在收到申请之日起五日内发出（《行政复议法》第三十一条），期限已于 %s 届满", d);
	}
	return FZ_OK;
}

enum fz_code fz_recon_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			    const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	const char *a = tr->name;
	char today[11];
	fz_date_format(ctx->today, today);
	if (strcmp(a, "request_correction") == 0)
		return correction_guard(ctx, c, err);
	if (strcmp(a, "deem_withdrawn") == 0) {
		/* 第31条: withdrawn only once the applicant's 10 working days have run out. */
		int due = due_of(ctx, c->case_id,
				 "SELECT due_date FROM case_clock WHERE case_id = ? AND name = 'correction'");
		char d[11] = "未起算";
		if (due >= 0)
			fz_date_format(due, d);
		if (due < 0 || ctx->today <= due)
			return fz_err_set(err, FZ_ESTATE, NULL,
					  "申请人的补正期限（%s）尚未届满，不能视为放弃申请（《行政复议法》第三十一条）", d);
	}
	if (strcmp(a, "opinion_reported") == 0 &&
	    !col(ctx, c->case_id,
		 "SELECT 1 FROM case_clock WHERE case_id = ? AND name = 'opinion_report' AND state = 'running'"))
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "没有等待报告纠正情况的意见书或建议书（《行政复议法》第七十六条）：须先制发，每份只登记一次报告");
	if (strcmp(a, "accept") == 0) {
		const char *proc = fz_json_str(in, "procedure"), *ground = fz_json_str(in, "simplified_ground");
		bool simple = strcmp(proc, "simplified") == 0;
		/* 第53条: the simplified procedure only on one of its grounds (or consent). */
		if (simple && !ground)
			return fz_err_set(err, FZ_EMISSING_FIELD, "simplified_ground",
					  "适用简易程序须说明符合《行政复议法》第五十三条的哪种情形；不符合的，须经各方当事人同意");
		if (simple) {
			const char *act = col(ctx, c->case_id, "SELECT act_type FROM recon_case WHERE case_id = ?");
			if (strcmp(ground, "disclosure") == 0 && (!act || strcmp(act, "disclosure") != 0))
				return fz_err_set(err, FZ_EBAD_VALUE, "simplified_ground",
						  "该案件不是政府信息公开案件，不能以此情形适用简易程序");
			if (strcmp(ground, "warning") == 0 && (!act || strcmp(act, "penalty") != 0))
				return fz_err_set(err, FZ_EBAD_VALUE, "simplified_ground",
						  "“警告或者通报批评”仅适用于行政处罚案件");
		}
		const char *late = col(ctx, c->case_id, "SELECT late FROM recon_case WHERE case_id = ?");
		const char *reason = fz_json_str(in, "late_reason");
		if (late && strcmp(late, "1") == 0 && (!reason || fz_text_blank(reason)))
			return fz_err_set(err, FZ_EMISSING_FIELD, "late_reason",
					  "申请已超过知道行政行为之日起六十日的期限（第二十条），受理须写明理由（如不可抗力等正当理由）");
		/* 第48/54/62条: the copy, answer and decision periods depend on the procedure. */
		enum fz_code rc;
		if ((rc = fz_case_clock_start(ctx, c, "copy", ctx->today, simple ? 3 : 7, err)) ||
		    (rc = fz_case_clock_start(ctx, c, "decision", ctx->today, simple ? 30 : 60, err)))
			return rc;
		return exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET procedure = ?, simplified_ground = ?,"
					" late_reason = ?, accepted_on = ? WHERE case_id = ?",
					"tttti", proc, simple ? ground : NULL, reason, today, c->case_id),
			    err);
	}
	if (strcmp(a, "copy_sent") == 0) {
		const char *proc = col(ctx, c->case_id, "SELECT procedure FROM recon_case WHERE case_id = ?");
		int sent = date_of(in, "sent_on");
		return fz_case_clock_start(ctx, c, "answer", sent,
					   proc && strcmp(proc, "simplified") == 0 ? 5 : 10, err);
	}
	if (strcmp(a, "schedule_hearing") == 0) {
		int hearing = date_of(in, "hearing_on"), notified = date_of(in, "notified_on"), n = 0;
		if (notified > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "notified_on", "通知日期不能晚于今天");
		if (fz_calendar_workdays_between(ctx->cal, notified, hearing, &n) != FZ_OK || n < 5)
			return fz_err_set(err, FZ_EBAD_DATE, "hearing_on",
					  "听证应在通知后至少五个工作日举行（第五十一条），当前相隔 %d 个工作日", n);
		return exec(fz_db_query(ctx->db, err, "UPDATE recon_case SET hearing_on = ? WHERE case_id = ?",
					"ti", fz_json_str(in, "hearing_on"), c->case_id),
			    err);
	}
	if (strcmp(a, "switch_normal") == 0 || strcmp(a, "extend") == 0) {
		const char *proc = col(ctx, c->case_id, "SELECT procedure FROM recon_case WHERE case_id = ?");
		bool simple = proc && strcmp(proc, "simplified") == 0;
		if (strcmp(a, "extend") == 0) {
			if (simple)
				return fz_err_set(err, FZ_ESTATE, "days", "简易程序不能延长审理期限；须先经批准转为普通程序");
			return FZ_OK;
		}
		if (!simple)
			return fz_err_set(err, FZ_ESTATE, NULL, "本案已适用普通程序");
		/*
		 * 第62条: the normal procedure's 60 days, still counted from acceptance;
		 * days the case was suspended (第39条) stay out of the count.
		 */
		enum fz_code rc = fz_case_clock_set_days(ctx, c, "decision", 60, err);
		return rc ? rc
			  : exec(fz_db_query(ctx->db, err,
					     "UPDATE recon_case SET procedure = 'normal' WHERE case_id = ?",
					     "i", c->case_id),
				 err);
	}
	if (strcmp(a, "decide") == 0 || strcmp(a, "end") == 0 || strcmp(a, "refuse") == 0 ||
	    strcmp(a, "deem_withdrawn") == 0 || strcmp(a, "forward") == 0) {
		const char *d = strcmp(a, "decide") == 0 ? fz_json_str(in, "decision")
				: strcmp(a, "end") == 0  ? fz_json_str(in, "ending")
							 : a;
		const char *text = strcmp(a, "decide") == 0 ? fz_json_str(in, "decision_text")
				   : fz_json_str(in, "reason") ? fz_json_str(in, "reason")
							       : fz_json_str(in, "ground");
		return exec(fz_db_query(ctx->db, err,
					"UPDATE recon_case SET decision = ?, decision_text = ?, decided_on = ?"
					" WHERE case_id = ?",
					"ttti", d, text, today, c->case_id),
			    err);
	}
	if (strcmp(a, "issue_opinion") == 0)
		return exec(fz_db_query(ctx->db, err, "UPDATE recon_case SET opinion_kind = ? WHERE case_id = ?",
					"ti", fz_json_str(in, "kind"), c->case_id),
			    err);
	return FZ_OK;
}

bool fz_recon_offers(struct fz_ctx *ctx, const struct fz_case_row *c, const struct fz_transition *tr)
{
	const char *proc = col(ctx, c->case_id, "SELECT procedure FROM recon_case WHERE case_id = ?");
	bool simple = proc && strcmp(proc, "simplified") == 0;
	if (strcmp(tr->name, "switch_normal") == 0)
		return simple;
	if (strcmp(tr->name, "extend") == 0)
		return !simple;
	if (strcmp(tr->name, "opinion_reported") == 0)
		return col(ctx, c->case_id,
			   "SELECT 1 FROM case_clock WHERE case_id = ? AND name = 'opinion_report' AND state = 'running'") != NULL;
	if (strcmp(tr->name, "request_correction") == 0)
		return !col(ctx, c->case_id, "SELECT state FROM case_clock WHERE case_id = ? AND name = 'correction'");
	if (strcmp(tr->name, "deem_withdrawn") == 0) {
		int due = due_of(ctx, c->case_id,
				 "SELECT due_date FROM case_clock WHERE case_id = ? AND name = 'correction'");
		return due >= 0 && ctx->today > due;
	}
	return true;
}

enum fz_code fz_lit_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *in, struct fz_err *err)
{
	const char *a = tr->name;
	if (strcmp(a, "record_hearing") == 0) {
		const char *post = fz_json_str(in, "post"), *reason = fz_json_str(in, "reason");
		/* 行政诉讼法 第3条: when the head does not appear, say why. */
		if (strcmp(post, "staff") == 0 && (!reason || fz_text_blank(reason)))
			return fz_err_set(err, FZ_EMISSING_FIELD, "reason",
					  "负责人未出庭的，须写明原因（《行政诉讼法》第三条）");
		if (date_of(in, "hearing_on") > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "hearing_on", "只登记已经开庭的出庭情况");
		return exec(fz_db_query(ctx->db, err,
					"INSERT INTO lit_hearing(case_id, hearing_on, appearer, post, reason)"
					" VALUES (?,?,?,?,?)",
					"ittt" "t", c->case_id, fz_json_str(in, "hearing_on"),
					fz_json_str(in, "appearer"), post, reason),
			    err);
	}
	if (strcmp(a, "judge") == 0 && date_of(in, "judged_on") > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "judged_on", "只登记已经作出的判决（裁定），裁判日期不能晚于今天");
	if (strcmp(a, "suggestion_handled") == 0 &&
	    !col(ctx, c->case_id,
		 "SELECT 1 FROM case_clock WHERE case_id = ? AND name = 'suggestion' AND state = 'running'"))
		return fz_err_set(err, FZ_ESTATE, NULL, "没有等待回复的司法建议：须先登记收到的司法建议");
	if (strcmp(a, "judge") == 0)
		return exec(fz_db_query(ctx->db, err,
					"UPDATE lit_case SET outcome = ?, judged_on = ? WHERE case_id = ?",
					"tti", fz_json_str(in, "outcome"), fz_json_str(in, "judged_on"),
					c->case_id),
			    err);
	if (strcmp(a, "appeal") == 0)
		return exec(fz_db_query(ctx->db, err,
					"UPDATE lit_case SET instance = ?, court = ?, outcome = NULL,"
					" judged_on = NULL WHERE case_id = ?",
					"tti", fz_json_str(in, "instance"), fz_json_str(in, "court"),
					c->case_id),
			    err);
	if (strcmp(a, "suggestion") == 0)
		return exec(fz_db_query(ctx->db, err, "UPDATE lit_case SET suggestion = ? WHERE case_id = ?",
					"ti", fz_json_str(in, "content"), c->case_id),
			    err);
	return FZ_OK;
}

enum fz_code fz_recon_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.channel, r.applicant_name, r.applicant_type, r.applicant_id, r.phone,"
		" r.address, r.representative, r.third_parties, a.name, r.act_type, r.act_number,"
		" r.act_date, r.learned_on, r.requests, r.facts, r.late, r.late_reason, r.procedure,"
		" r.simplified_ground, r.accepted_on, r.decision, r.decision_text, r.decided_on,"
		" r.hearing_on, r.respondent_agency_id"
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
		json_object_set_new(obj, "late", json_boolean(fz_col_int(st, 15)));
		static const char *const more[] = {"late_reason", "procedure", "simplified_ground",
						   "accepted_on", "decision", "decision_text",
						   "decided_on", "hearing_on"};
		for (int i = 0; i < 8; i++)
			fz_json_set_str(obj, more[i], fz_col_text(st, 16 + i));
		json_object_set_new(obj, "respondent_agency_id", json_integer(fz_col_int(st, 24)));
		fz_json_set_str(obj, "act_type_label", fz_recon_label(fz_recon_act_types, fz_col_text(st, 9)));
		const char *d = fz_col_text(st, 20);
		const char *dl = fz_recon_label(fz_recon_decisions, d);
		if (dl == d)
			dl = fz_recon_label(fz_recon_endings, d);
		fz_json_set_str(obj, "decision_label", dl);
		fz_json_set_str(obj, "procedure_label",
				!fz_col_text(st, 17) ? NULL
				: strcmp(fz_col_text(st, 17), "simplified") == 0 ? "简易程序" : "普通程序");
	}
	fz_stmt_done(st);
	return FZ_OK;
}

enum fz_code fz_lit_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT l.court, l.instance, l.plaintiff, l.act_type, l.act_number, l.recon_case_id,"
		" c.number, l.outcome, l.judged_on, l.suggestion FROM lit_case l"
		" LEFT JOIN case_record c ON c.case_id = l.recon_case_id WHERE l.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		static const char *const names[] = {"court", "instance", "plaintiff", "act_type",
						    "act_number", "recon_case_id", "recon_number",
						    "outcome", "judged_on", "suggestion"};
		for (int i = 0; i < 10; i++)
			fz_json_set_str(obj, names[i], fz_col_text(st, i));
		fz_json_set_str(obj, "outcome_label", fz_recon_label(fz_lit_outcomes, fz_col_text(st, 7)));
	}
	fz_stmt_done(st);
	json_t *hearings = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT hearing_on, appearer, post, reason FROM lit_hearing WHERE case_id = ?"
			 " ORDER BY hearing_on, hearing_id",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(hearings,
				      json_pack("{s:s, s:s, s:s, s:b, s:s?}", "hearing_on", fz_col_text(st, 0),
						"appearer", fz_col_text(st, 1), "post", fz_col_text(st, 2),
						"head_appeared", strcmp(fz_col_text(st, 2), "staff") != 0,
						"reason", fz_col_text(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "hearings", hearings);
	return FZ_OK;
}

enum fz_code fz_recon_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				 struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.case_id, c.number, c.state, c.received_on, r.decision, r.decided_on"
		" FROM case_record c JOIN recon_case r ON r.case_id = c.case_id"
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
	const char *dl = fz_recon_label(fz_recon_decisions, d);
	if (dl == d)
		dl = fz_recon_label(fz_recon_endings, d);
	json_t *o = json_pack("{s:s, s:s, s:s, s:s, s:s?, s:s?}", "number", fz_col_text(st, 1),
			      "state", fz_col_text(st, 2), "state_label", s ? s->label : "",
			      "received_on", fz_col_text(st, 3), "result", dl, "decided_on",
			      fz_col_text(st, 5));
	fz_stmt_done(st);
	json_t *clocks;
	enum fz_code rc = fz_case_clocks_json(ctx, id, &clocks, err);
	if (rc) {
		json_decref(o);
		return rc;
	}
	json_object_set_new(o, "clocks", clocks);
	*out = o;
	return FZ_OK;
}
