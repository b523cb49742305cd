/*
 * enf_penalty.c - the penalty case's own record (enf_penalty, keyed by the
 * case id), its filing, the domain checks of its steps and its declared list.
 *
 * Every step carries the day it happened (告知日期, 决定日期, …): the checks
 * that the law ties to a day - two officers each holding an enforcement
 * certificate valid on that day (第42条), the five working days to ask for a
 * hearing (第64条) - read that day, not the day it was recorded, and the
 * clocks start from it. A refusal returns before anything is written; the
 * engine's transaction is rolled back with it.
 *
 * Not for: the procedure's declaration (enf_penalty_flow.c) or its pure rules
 * (enf_penalty_rules.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "modules/enforcement/enf_penalty_rules.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

#define MAX_OFFICERS 8

/* A date input known to be valid (the engine or fz_json_check_inputs checked it), or -1. */
static int in_day(json_t *in, const char *key)
{
	int d;
	const char *s = fz_json_str(in, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static long in_long(json_t *in, const char *key)
{
	json_t *v = json_object_get(in, key);
	return json_is_integer(v) ? (long)json_integer_value(v) : 0;
}

/* The day of a step: not after today, not before the step it follows (NULL: no such step). */
static enum fz_code step_day(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
			     const char *after, const char *after_label, int *day, struct fz_err *err)
{
	*day = in_day(in, key);
	if (*day < 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请填写“%s”（%s）", label, key);
	if (*day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	int before;
	if (after && fz_date_parse(after, &before) == FZ_OK && *day < before)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能早于%s（%s）", label, after_label, after);
	return FZ_OK;
}

/* ---- the record as the steps read it ------------------------------------------ */

struct penalty {
	int64_t body_id, power_id;
	char procedure[16], party_type[16], party_name[128];
	char filed_on[11], notified_on[11], hearing_requested_on[11], hearing_on[11], decided_on[11],
		served_on[11], reviewed_on[11];
	char proposed_kind[32], penalty_kind[32], outcome[16], review_opinion[16];
	long fine_amount;
	bool hearing_offered, major;
};

static void copy(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "");
}

static bool load(struct fz_ctx *ctx, int64_t case_id, struct penalty *p)
{
	memset(p, 0, sizeof *p);
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT body_id, power_id, procedure, party_type, party_name, filed_on, notified_on,"
		" hearing_requested_on, hearing_on, decided_on, served_on, reviewed_on, proposed_kind,"
		" penalty_kind, outcome, review_opinion, fine_amount, hearing_offered, major"
		" FROM enf_penalty WHERE case_id = ?",
		"i", case_id);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		p->body_id = fz_col_int(st, 0);
		p->power_id = fz_col_int(st, 1);
		copy(p->procedure, sizeof p->procedure, fz_col_text(st, 2));
		copy(p->party_type, sizeof p->party_type, fz_col_text(st, 3));
		copy(p->party_name, sizeof p->party_name, fz_col_text(st, 4));
		char *days[] = {p->filed_on, p->notified_on, p->hearing_requested_on, p->hearing_on,
				p->decided_on, p->served_on, p->reviewed_on};
		for (int i = 0; i < 7; i++)
			copy(days[i], 11, fz_col_text(st, 5 + i));
		copy(p->proposed_kind, sizeof p->proposed_kind, fz_col_text(st, 12));
		copy(p->penalty_kind, sizeof p->penalty_kind, fz_col_text(st, 13));
		copy(p->outcome, sizeof p->outcome, fz_col_text(st, 14));
		copy(p->review_opinion, sizeof p->review_opinion, fz_col_text(st, 15));
		p->fine_amount = (long)fz_col_int(st, 16);
		p->hearing_offered = fz_col_int(st, 17) != 0;
		p->major = fz_col_int(st, 18) != 0;
	}
	fz_stmt_done(st);
	return ok;
}

static bool organisation(const struct penalty *p)
{
	return strcmp(p->party_type, "organisation") == 0;
}

/* ---- 第42条: two officers of the acting body, certified on the day ------------- */

/*
 * Why officer_id holds no certificate valid on day, in words: the newest
 * enforcement certificate's state or validity, or that there is none.
 */
static const char *no_cert_reason(struct fz_ctx *ctx, int64_t officer_id, int day)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT c.number, r.state, c.issued_on, c.valid_until FROM enf_certificate c"
		" JOIN case_record r ON r.case_id = c.case_id WHERE c.officer_id = ?"
		" AND c.cert_type = 'enforcement' AND c.issued_on IS NOT NULL"
		" ORDER BY c.issued_on DESC, c.case_id DESC LIMIT 1",
		"i", officer_id);
	const char *why = "没有执法证件";
	if (st && fz_stmt_row(st)) {
		const char *num = fz_col_text(st, 0), *state = fz_col_text(st, 1);
		const char *from = fz_col_text(st, 2), *until = fz_col_text(st, 3);
		char d[11];
		fz_date_format(day, d);
		if (strcmp(state, "suspended") == 0)
			why = fz_arena_printf(ctx->arena, "的执法证件（%s）已被暂扣", num);
		else if (from && strcmp(from, d) > 0)
			why = fz_arena_printf(ctx->arena, "的执法证件（%s）%s才发证", num, from);
		else if (until && strcmp(until, d) < 0)
			why = fz_arena_printf(ctx->arena, "的执法证件（%s）已于 %s 有效期届满", num, until);
		else
			why = fz_arena_printf(ctx->arena, "的执法证件（%s）已注销收回", num);
	}
	fz_stmt_done(st);
	return why;
}

enum fz_code fz_enf_officers_certified(struct fz_ctx *ctx, int64_t body_id, const int64_t *ids,
				       size_t n, int day, const char *field, const char *law,
				       const char *act, struct fz_err *err)
{
	char d[11];
	fz_date_format(day, d);
	if (n < 2)
		return fz_err_set(err, FZ_EBAD_VALUE, field,
				  "%s：执法人员不得少于两人，请选择至少两名执法人员", law);
	for (size_t i = 0; i < n; i++) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"SELECT o.name, o.body_id, o.status, o.status_on, b.name FROM enf_officer o"
			" JOIN enf_body b ON b.body_id = ? WHERE o.officer_id = ?",
			"ii", body_id, ids[i]);
		if (!st)
			return err->code;
		if (!fz_stmt_row(st)) {
			fz_stmt_done(st);
			return fz_err_set(err, FZ_EBAD_VALUE, field, "执法人员（编号 %lld）不存在",
					  (long long)ids[i]);
		}
		const char *name = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		const char *body = fz_arena_strdup(ctx->arena, fz_col_text(st, 4));
		bool same_body = fz_col_int(st, 1) == body_id;
		bool on_duty = strcmp(fz_col_text(st, 2), "on_duty") == 0 ||
			       (fz_col_text(st, 3) && strcmp(fz_col_text(st, 3), d) > 0);
		fz_stmt_done(st);
		if (!same_body)
			return fz_err_set(err, FZ_EBAD_VALUE, field,
					  "%s：%s不是%s的执法人员，不能以该主体名义实施%s",
					  law, name, body, act);
		if (!on_duty)
			return fz_err_set(err, FZ_EBAD_VALUE, field,
					  "%s：%s在 %s 已不在执法岗位", law, name, d);
		st = fz_db_query(ctx->db, err,
				 "SELECT 1 FROM enf_certificate c JOIN case_record r ON r.case_id = c.case_id"
				 " WHERE c.officer_id = ? AND c.cert_type = 'enforcement'"
				 " AND r.state IN ('valid', 'to_withdraw', 'withdrawn', 'expired')"
				 " AND c.issued_on <= ? AND c.valid_until >= ?"
				 " AND (c.ended_on IS NULL OR c.ended_on > ?)",
				 "itt" "t", ids[i], d, d, d);
		if (!st)
			return err->code;
		bool ok = fz_stmt_row(st);
		fz_stmt_done(st);
		if (!ok)
			return fz_err_set(err, FZ_EBAD_VALUE, field,
					  "%s：执法人员应当持有有效的执法证件，%s%s（%s）",
					  law, name, no_cert_reason(ctx, ids[i], day), d);
	}
	return FZ_OK;
}

/* 第42条 for the penalty case's steps. */
static enum fz_code officers_certified(struct fz_ctx *ctx, int64_t body_id, const int64_t *ids,
				       size_t n, int day, const char *field, struct fz_err *err)
{
	return fz_enf_officers_certified(ctx, body_id, ids, n, day, field, "《行政处罚法》第四十二条",
					 "行政处罚", err);
}

size_t fz_enf_penalty_certified(struct fz_ctx *ctx, int64_t body_id, int day, int64_t *ids,
				 size_t max)
{
	char d[11];
	fz_date_format(day, d);
	size_t n = 0;
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate c ON c.officer_id = o.officer_id"
		" JOIN case_record r ON r.case_id = c.case_id WHERE o.body_id = ? AND o.status = 'on_duty'"
		" AND c.cert_type = 'enforcement' AND r.state IN ('valid', 'to_withdraw', 'withdrawn', 'expired')"
		" AND c.issued_on <= ? AND c.valid_until >= ? AND (c.ended_on IS NULL OR c.ended_on > ?)"
		" ORDER BY o.officer_id",
		"itt" "t", body_id, d, d, d);
	while (st && fz_stmt_row(st) && n < max)
		ids[n++] = fz_col_int(st, 0);
	fz_stmt_done(st);
	return n;
}

static size_t case_officers(struct fz_ctx *ctx, int64_t case_id, int64_t *ids)
{
	size_t n = 0;
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT officer_id FROM enf_penalty_officer WHERE case_id = ?"
					 " ORDER BY officer_id",
					 "i", case_id);
	while (st && fz_stmt_row(st) && n < MAX_OFFICERS)
		ids[n++] = fz_col_int(st, 0);
	fz_stmt_done(st);
	return n;
}

static enum fz_code case_certified(struct fz_ctx *ctx, const struct fz_case_row *c,
				   const struct penalty *p, int day, struct fz_err *err)
{
	int64_t ids[MAX_OFFICERS];
	size_t n = case_officers(ctx, c->case_id, ids);
	return officers_certified(ctx, p->body_id, ids, n, day, "officer_ids", err);
}

/* ---- filing (立案) --------------------------------------------------------------- */

static const struct fz_input file_inputs[] = {
	{.name = "body_id", .label = "执法主体", .type = FZ_IN_INT, .required = true, .min = 1,
	 .max = 2147483647},
	{.name = "power_id", .label = "适用的权责事项（处罚职权）", .type = FZ_IN_INT, .required = true,
	 .min = 1, .max = 2147483647},
	{.name = "procedure", .label = "程序", .type = FZ_IN_SELECT, .options = fz_pen_procedures},
	{.name = "party_type", .label = "当事人类型", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_pen_party_types},
	{.name = "party_name", .label = "当事人名称或姓名", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 100},
	{.name = "party_id_number", .label = "统一社会信用代码或身份证号", .type = FZ_IN_TEXT,
	 .max_chars = 30},
	{.name = "matter", .label = "案由", .type = FZ_IN_TEXT, .required = true, .max_chars = 200},
	{.name = "source", .label = "案件来源", .type = FZ_IN_SELECT, .options = fz_pen_sources},
	{.name = "act_on", .label = "违法行为发生日期（连续或继续状态的为终了之日）", .type = FZ_IN_DATE,
	 .required = true},
	{.name = "filed_on", .label = "立案日期", .type = FZ_IN_DATE, .required = true},
	{.name = "harm_grave", .label = "涉及公民生命健康安全、金融安全且有危害后果", .type = FZ_IN_BOOL},
	{.name = "limitation_reason", .label = "超过追责时效仍立案的理由", .type = FZ_IN_TEXTAREA,
	 .max_chars = 1000},
	{.name = "major", .label = "须法制审核（重大执法决定）", .type = FZ_IN_BOOL},
	{.name = "major_reason", .label = "须法制审核的情形", .type = FZ_IN_SELECT,
	 .options = fz_pen_major_reasons},
	{.name = "facts", .label = "案件基本情况", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
	{.name = NULL}};

/* The officer ids of the filing form: an array of 2 to 8 distinct positive integers. */
static enum fz_code officer_ids(json_t *in, int64_t *ids, size_t *n, struct fz_err *err)
{
	json_t *a = json_object_get(in, "officer_ids"), *v;
	size_t i;
	*n = 0;
	if (!a || json_is_null(a))
		return fz_err_set(err, FZ_EMISSING_FIELD, "officer_ids",
				  "请选择承办的执法人员（officer_ids，至少两人）");
	if (!json_is_array(a))
		return fz_err_set(err, FZ_EBAD_TYPE, "officer_ids", "执法人员（officer_ids）应为编号数组");
	if (json_array_size(a) > MAX_OFFICERS)
		return fz_err_set(err, FZ_EBAD_VALUE, "officer_ids", "承办的执法人员最多 %d 人",
				  MAX_OFFICERS);
	json_array_foreach(a, i, v)
	{
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return fz_err_set(err, FZ_EBAD_TYPE, "officer_ids",
					  "执法人员（officer_ids）应为编号数组");
		for (size_t j = 0; j < *n; j++)
			if (ids[j] == json_integer_value(v))
				return fz_err_set(err, FZ_EBAD_VALUE, "officer_ids", "同一执法人员重复选择");
		ids[(*n)++] = json_integer_value(v);
	}
	return FZ_OK;
}

enum fz_code fz_enf_penalty_file(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				 struct fz_err *err)
{
	static const char *const extra[] = {"officer_ids", "inspection_case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, file_inputs, 32, in, extra, err);
	if (rc)
		return rc;
	int64_t ids[MAX_OFFICERS];
	size_t n;
	if ((rc = officer_ids(in, ids, &n, err)))
		return rc;
	int64_t body_id = json_integer_value(json_object_get(in, "body_id"));
	int64_t power_id = json_integer_value(json_object_get(in, "power_id"));
	/* The acting body: of the filer's own agency, qualified and published (公告). */
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT agency_id, status, name FROM enf_body WHERE body_id = ?",
					 "i", body_id);
	if (!st)
		return err->code;
	int64_t agency = 0;
	char status[16] = "", body_name[256] = "";
	if (fz_stmt_row(st)) {
		agency = fz_col_int(st, 0);
		copy(status, sizeof status, fz_col_text(st, 1));
		copy(body_name, sizeof body_name, fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!agency || !ctx->user || ctx->user->agency_id != agency)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "执法主体不存在或不属于本单位");
	if (strcmp(status, "published") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id",
				  "%s的执法主体资格尚未经确认公告，不能以其名义实施行政处罚", body_name);
	/* The power: an active item of this body's power list, of the penalty category. */
	st = fz_db_query(ctx->db, err,
			 "SELECT body_id, category, status, name FROM enf_power WHERE item_id = ?", "i",
			 power_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	bool same = found && fz_col_int(st, 0) == body_id;
	bool penalty = found && strcmp(fz_col_text(st, 1), "penalty") == 0;
	bool active = found && strcmp(fz_col_text(st, 2), "active") == 0;
	const char *power_name = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 3)) : "";
	fz_stmt_done(st);
	if (!found || !same)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
				  "该事项不在%s的权责清单中，不能据以实施行政处罚", body_name);
	if (!active)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
				  "“%s”已从现行权责清单中取消，不能据以实施行政处罚", power_name);
	if (!penalty)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
				  "“%s”不是行政处罚类权责事项", power_name);
	int act = in_day(in, "act_on"), filed = in_day(in, "filed_on");
	if (filed > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "filed_on", "“立案日期”不能晚于今天");
	if (act > filed)
		return fz_err_set(err, FZ_EBAD_DATE, "act_on", "“违法行为发生日期”不能晚于立案日期");
	/* 第36条: limitation, a warning that only a written reason overrides (recorded). */
	bool grave = json_is_true(json_object_get(in, "harm_grave"));
	int end = fz_pen_limitation_end(act, grave);
	const char *why = fz_json_str(in, "limitation_reason");
	if (why && fz_text_blank(why))
		why = NULL;
	char end_s[11];
	fz_date_format(end, end_s);
	if (filed > end && !why)
		return fz_err_set(err, FZ_EBAD_VALUE, "act_on",
				  "《行政处罚法》第三十六条：违法行为在%s年内未被发现的，不再给予行政处罚（追责期限至 %s）。"
				  "确需立案的，请填写“超过追责时效仍立案的理由”（limitation_reason）",
				  grave ? "五" : "二", end_s);
	if (filed <= end)
		why = NULL;
	bool major = json_is_true(json_object_get(in, "major"));
	const char *major_reason = fz_json_str(in, "major_reason");
	if (major && !major_reason)
		return fz_err_set(err, FZ_EMISSING_FIELD, "major_reason",
				  "请选择须法制审核的情形（major_reason，《行政处罚法》第五十八条）");
	if (major_reason)
		major = true;
	if ((rc = officers_certified(ctx, body_id, ids, n, filed, "officer_ids", err)))
		return rc;
	/* Filed on an inspection's finding (enf_inspection_task.c): linked both ways below. */
	json_t *insp = json_object_get(in, "inspection_case_id");
	int64_t insp_id = json_is_integer(insp) ? json_integer_value(insp) : 0;
	if (insp && !json_is_null(insp) && insp_id <= 0)
		return fz_err_set(err, FZ_EBAD_TYPE, "inspection_case_id", "检查任务编号（inspection_case_id）应为正整数");
	if (insp_id && (rc = fz_enf_inspection_link_check(ctx, insp_id, agency, err)))
		return rc;
	const char *procedure = fz_json_str(in, "procedure") ? fz_json_str(in, "procedure") : "normal";
	const char *party = fz_json_str(in, "party_name"), *matter = fz_json_str(in, "matter");
	struct fz_case_new nc = {.case_type = "enf_penalty", .agency_id = agency, .title = matter,
				 .body = fz_arena_printf(ctx->arena, "%s\n%s", party,
							 fz_json_str(in, "facts") ? fz_json_str(in, "facts") : ""),
				 .received_on = filed, .input = fz_json_text(ctx->arena, in, NULL)};
	char now[21], act_s[11];
	fz_iso_utc(ctx->now, now);
	fz_date_format(act, act_s);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_case_create(ctx, &nc, out, err)))
		goto fail;
	if ((rc = fz_stmt_exec(fz_db_query(
			       ctx->db, err,
			       "INSERT INTO enf_penalty(case_id, body_id, power_id, procedure, party_type,"
			       " party_name, party_id_number, matter, source, act_on, filed_on, harm_grave,"
			       " limitation_end, limitation_reason, major, major_reason, facts, created_at)"
			       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
			       "iiitt" "tttt" "ttI" "ttI" "ttt",
			       out->case_id, body_id, power_id, procedure, fz_json_str(in, "party_type"),
			       party, fz_json_str(in, "party_id_number"), matter, fz_json_str(in, "source"),
			       act_s, out->received_on, (int)grave, end_s, why, (int)major, major_reason,
			       fz_json_str(in, "facts"), now),
		       err)))
		goto fail;
	for (size_t i = 0; i < n; i++)
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					   "INSERT INTO enf_penalty_officer(case_id, officer_id) VALUES (?,?)",
					   "ii", out->case_id, ids[i]),
			       err)))
			goto fail;
	if (insp_id && (rc = fz_enf_inspection_link(ctx, insp_id, out->case_id, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the steps ------------------------------------------------------------------ */

static enum fz_code set_text(struct fz_ctx *ctx, int64_t case_id, const char *col, const char *v,
			     struct fz_err *err)
{
	/* col is one of this file's column names, never input. */
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE enf_penalty SET %s = ? WHERE case_id = ?", col);
	return fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ti", v, case_id), err);
}

static enum fz_code notify(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p, json_t *in,
			   struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "notified_on", "告知日期", p->filed_on, "立案日期", &day, err);
	if (rc || (rc = case_certified(ctx, c, p, day, err)))
		return rc;
	const char *kind = fz_json_str(in, "proposed_kind");
	long fine = in_long(in, "proposed_fine"), conf = in_long(in, "proposed_confiscation");
	if (strcmp(kind, "fine") == 0 && fine <= 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "proposed_fine", "拟处罚种类为罚款的，请填写拟罚款金额");
	bool offered = json_is_true(json_object_get(in, "hearing_offered"));
	long tc = fz_setting_int(ctx->db, "enforcement.hearing_fine_citizen", 10000);
	long to = fz_setting_int(ctx->db, "enforcement.hearing_fine_org", 100000);
	if (!offered && fz_pen_hearing_right(kind, fine, conf, organisation(p), tc, to))
		return fz_err_set(err, FZ_EBAD_VALUE, "hearing_offered",
				  "《行政处罚法》第六十三条：拟作出%s的，应当告知当事人有要求听证的权利"
				  "（本县较大数额：公民 %ld 元、法人或者其他组织 %ld 元以上）",
				  fz_enf_label(fz_pen_kinds, kind), tc, to);
	if ((rc = fz_enf_bench_step(ctx, c->case_id, "notify", true, kind, fine, in, err)))
		return rc; /* 裁量基准 (enf_benchmark.c) */
	if (offered && (rc = fz_case_clock_start(ctx, c, "hearing_request", day, 0, err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET notified_on = ?, proposed_kind = ?, proposed_fine = ?,"
				" proposed_confiscation = ?, hearing_offered = ?, notice_facts = ?"
				" WHERE case_id = ?",
				"ttii" "Iti", fz_json_str(in, "notified_on"), kind, (int64_t)fine,
				(int64_t)conf, (int)offered, fz_json_str(in, "facts"), c->case_id),
		    err);
}

/* The due day of a clock of this case, or -1. */
static int clock_due(struct fz_ctx *ctx, int64_t case_id, const char *name)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT due_date FROM case_clock WHERE case_id = ? AND name = ?",
					 "it", case_id, name);
	int d = -1;
	if (st && fz_stmt_row(st) && fz_col_text(st, 0))
		fz_date_parse(fz_col_text(st, 0), &d);
	fz_stmt_done(st);
	return d;
}

static enum fz_code request_hearing(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p,
				    json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "requested_on", "当事人提出听证要求日期", p->notified_on,
				   "告知日期", &day, err);
	if (rc)
		return rc;
	int due = clock_due(ctx, c->case_id, "hearing_request");
	if (due >= 0 && day > due) {
		char d[11];
		fz_date_format(due, d);
		return fz_err_set(err, FZ_EBAD_VALUE, "requested_on",
				  "《行政处罚法》第六十四条：当事人要求听证的，应当在行政机关告知后五日内提出"
				  "（告知日 %s，期限至 %s），逾期视为放弃",
				  p->notified_on, d);
	}
	return set_text(ctx, c->case_id, "hearing_requested_on", fz_json_str(in, "requested_on"), err);
}

static enum fz_code statement(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p,
			      json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "statement_on", "陈述申辩日期", p->notified_on, "告知日期",
				   &day, err);
	if (rc)
		return rc;
	int due = clock_due(ctx, c->case_id, "hearing_request");
	if (p->hearing_offered && !json_is_true(json_object_get(in, "waived")) && due >= 0 && day <= due) {
		char d[11];
		fz_date_format(due, d);
		return fz_err_set(err, FZ_EBAD_VALUE, "waived",
				  "《行政处罚法》第六十四条：当事人要求听证的期限至 %s 尚未届满；"
				  "当事人未书面放弃听证的，期限届满后方可进入决定程序",
				  d);
	}
	return set_text(ctx, c->case_id, "statement_on", fz_json_str(in, "statement_on"), err);
}

static enum fz_code schedule_hearing(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p,
				     json_t *in, struct fz_err *err)
{
	int notice, hearing, earliest = 0;
	enum fz_code rc = step_day(ctx, in, "notice_on", "听证通知日期", p->hearing_requested_on,
				   "当事人提出听证要求日期", &notice, err);
	if (rc)
		return rc;
	hearing = in_day(in, "hearing_on");
	/* 第64条第二项 and 第85条: the hearing no earlier than the 7th working day after the notice. */
	if ((rc = fz_calendar_add_workdays(ctx->cal, notice, 7, &earliest)))
		return fz_err_set(err, rc, "notice_on", NULL);
	if (hearing < earliest) {
		char d[11];
		fz_date_format(earliest, d);
		return fz_err_set(err, FZ_EBAD_VALUE, "hearing_on",
				  "《行政处罚法》第六十四条：应当在举行听证的七日前（七个工作日）通知当事人；"
				  "%s通知的，听证最早安排在 %s",
				  fz_json_str(in, "notice_on"), d);
	}
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET hearing_notice_on = ?, hearing_on = ?, hearing_place = ?,"
				" hearing_host = ? WHERE case_id = ?",
				"tttti", fz_json_str(in, "notice_on"), fz_json_str(in, "hearing_on"),
				fz_json_str(in, "place"), fz_json_str(in, "host"), c->case_id),
		    err);
}

static enum fz_code hold_hearing(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p,
				 json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "held_on", "听证举行日期", p->hearing_on, "通知的听证日期",
				   &day, err);
	if (rc)
		return rc;
	/* 第58条第一款第二项: a case heard on major rights is reviewed before the decision. */
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET hearing_held_on = ?, major = 1,"
				" major_reason = COALESCE(major_reason, 'hearing') WHERE case_id = ?",
				"ti", fz_json_str(in, "held_on"), c->case_id),
		    err);
}

static enum fz_code review(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p, json_t *in,
			   struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "reviewed_on", "审核日期", p->filed_on, "立案日期", &day, err);
	if (rc)
		return rc;
	int64_t reviewer = json_integer_value(json_object_get(in, "reviewer_id"));
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT o.name, o.agency_id, o.status, o.legal_qualification,"
		" (SELECT COUNT(*) FROM enf_penalty_review v WHERE v.reviewer_id = o.officer_id)"
		" FROM enf_officer o WHERE o.officer_id = ?",
		"i", reviewer);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	const char *name = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	bool ours = found && fz_col_int(st, 1) == c->agency_id;
	bool duty = found && strcmp(fz_col_text(st, 2), "on_duty") == 0;
	bool qualified = found && fz_col_int(st, 3) != 0;
	long before = found ? (long)fz_col_int(st, 4) : 0;
	fz_stmt_done(st);
	if (!ours)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer_id", "法制审核人员不存在或不属于本单位");
	if (!duty)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer_id", "%s已不在岗，不能从事法制审核", name);
	if (before == 0 && !qualified)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer_id",
				  "《行政处罚法》第五十八条第二款：行政机关中初次从事行政处罚决定法制审核的人员，"
				  "应当通过国家统一法律职业资格考试取得法律职业资格；%s尚无审核记录且未登记法律职业资格",
				  name);
	char now[21];
	fz_iso_utc(ctx->now, now);
	const char *opinion = fz_json_str(in, "opinion");
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "INSERT INTO enf_penalty_review(case_id, reviewer_id, reviewed_on, opinion,"
				   " note, created_at) VALUES (?,?,?,?,?,?)",
				   "iittt" "t", c->case_id, reviewer, fz_json_str(in, "reviewed_on"), opinion,
				   fz_json_str(in, "note"), now),
		       err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET review_opinion = ?, reviewed_on = ?, reviewer_id = ?"
				" WHERE case_id = ?",
				"ttii", opinion, fz_json_str(in, "reviewed_on"), reviewer, c->case_id),
		    err);
}

static enum fz_code decide(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p, json_t *in,
			   bool simple, struct fz_err *err)
{
	int day;
	const char *after = p->notified_on[0] ? p->notified_on : p->filed_on;
	enum fz_code rc = step_day(ctx, in, "decided_on", "决定日期", after,
				   p->notified_on[0] ? "告知日期" : "立案日期", &day, err);
	if (rc || (rc = case_certified(ctx, c, p, day, err)))
		return rc;
	if (p->reviewed_on[0] && strcmp(fz_json_str(in, "decided_on"), p->reviewed_on) < 0)
		return fz_err_set(err, FZ_EBAD_DATE, "decided_on", "“决定日期”不能早于法制审核日期（%s）",
				  p->reviewed_on);
	const char *outcome = simple ? "penalty" : fz_json_str(in, "outcome");
	const char *kind = fz_json_str(in, "penalty_kind");
	long fine = in_long(in, "fine_amount"), conf = in_long(in, "confiscation_amount");
	bool punish = strcmp(outcome, "penalty") == 0;
	if (!punish) {
		kind = NULL;
		fine = conf = 0;
	}
	if (punish && strcmp(kind, "fine") == 0 && fine <= 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "fine_amount", "处罚种类为罚款的，请填写罚款金额");
	if (simple) {
		/* 第51条: on the spot only a warning or a small fine. */
		long limit = fz_pen_simple_fine_limit(organisation(p));
		if (!fz_pen_simple_kind_ok(kind))
			return fz_err_set(err, FZ_EBAD_VALUE, "penalty_kind",
					  "《行政处罚法》第五十一条：当场只能作出警告或者罚款的处罚，%s应当适用普通程序",
					  fz_enf_label(fz_pen_kinds, kind));
		if (fine > limit)
			return fz_err_set(err, FZ_EBAD_VALUE, "fine_amount",
					  "《行政处罚法》第五十一条：当场处罚的罚款，对%s不超过 %ld 元；%ld 元应当适用普通程序",
					  organisation(p) ? "法人或者其他组织" : "公民", limit, fine);
	} else if (punish && !p->hearing_offered) {
		long tc = fz_setting_int(ctx->db, "enforcement.hearing_fine_citizen", 10000);
		long to = fz_setting_int(ctx->db, "enforcement.hearing_fine_org", 100000);
		if (fz_pen_hearing_right(kind, fine, conf, organisation(p), tc, to))
			return fz_err_set(err, FZ_EBAD_VALUE, "penalty_kind",
					  "《行政处罚法》第六十三条：决定的处罚须告知听证权利，而告知时未告知；"
					  "应当重新告知当事人并告知其有要求听证的权利");
	}
	if ((rc = fz_enf_bench_step(ctx, c->case_id, simple ? "decide_simple" : "decide", punish, kind,
				    fine, in, err)))
		return rc; /* 裁量基准 (enf_benchmark.c) */
	if (punish && fine > 0) {
		if (simple && (rc = fz_case_clock_start(ctx, c, "payment", day, 0, err)))
			return rc;
	}
	if ((rc = fz_enf_pub_on_decide(ctx, c, punish, fz_json_str(in, "decided_on"), err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET decided_on = ?, outcome = ?, penalty_kind = ?,"
				" fine_amount = ?, confiscation_amount = ?, no_penalty_ground = ?, collective = ?,"
				" decision_text = ?, served_on = ?, service_method = ? WHERE case_id = ?",
				"ttti" "itIt" "tti", fz_json_str(in, "decided_on"), outcome, kind,
				(int64_t)fine, (int64_t)conf,
				punish ? NULL : fz_json_str(in, "no_penalty_ground"),
				(int)json_is_true(json_object_get(in, "collective")),
				fz_json_str(in, "decision_text"),
				simple ? fz_json_str(in, "decided_on") : NULL, simple ? "on_spot" : NULL,
				c->case_id),
		    err);
}

static enum fz_code serve(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p, json_t *in,
			  struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "served_on", "送达日期", p->decided_on, "决定日期", &day, err);
	if (rc)
		return rc;
	/* 第67条: fifteen days from receipt of the decision. */
	if (strcmp(p->outcome, "penalty") == 0 && p->fine_amount > 0 &&
	    (rc = fz_case_clock_start(ctx, c, "payment", day, 0, err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET served_on = ?, service_method = ? WHERE case_id = ?",
				"tti", fz_json_str(in, "served_on"), fz_json_str(in, "method"), c->case_id),
		    err);
}

static enum fz_code pay(struct fz_ctx *ctx, struct fz_case_row *c, struct penalty *p, json_t *in,
			struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "paid_on", "缴纳日期", p->served_on, "送达日期", &day, err);
	if (rc)
		return rc;
	long paid = in_long(in, "paid_amount");
	if (paid != p->fine_amount)
		return fz_err_set(err, FZ_EBAD_VALUE, "paid_amount",
				  "缴纳金额 %ld 元与决定的罚款 %ld 元不符（暂缓或分期缴纳须经批准，第六十六条）", paid,
				  p->fine_amount);
	/* 第66条, 第72条: the fines ledger records it, or refuses (enf_penalty_fines.c). */
	if ((rc = fz_enf_fine_on_pay(ctx, c->case_id, day, paid, fz_json_str(in, "receipt_no"), err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET paid_on = ?, paid_amount = ?, receipt_no = ?"
				" WHERE case_id = ?",
				"tIti", fz_json_str(in, "paid_on"), (int64_t)paid, fz_json_str(in, "receipt_no"),
				c->case_id),
		    err);
}

enum fz_code fz_enf_penalty_hook(struct fz_ctx *ctx, struct fz_case_row *c,
				 const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	struct penalty p;
	if (!load(ctx, c->case_id, &p))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "处罚案件缺少案件信息");
	const char *a = tr->name;
	int day;
	enum fz_code rc;
	if (fz_enf_pub_action(a))
		return fz_enf_pub_hook(ctx, c, tr, in, err);
	if ((rc = fz_enf_review_step(ctx, c, tr, in, err)))
		return rc;
	if (strcmp(a, "notify") == 0)
		return notify(ctx, c, &p, in, err);
	if (strcmp(a, "request_hearing") == 0)
		return request_hearing(ctx, c, &p, in, err);
	if (strcmp(a, "statement") == 0)
		return statement(ctx, c, &p, in, err);
	if (strcmp(a, "schedule_hearing") == 0)
		return schedule_hearing(ctx, c, &p, in, err);
	if (strcmp(a, "hold_hearing") == 0)
		return hold_hearing(ctx, c, &p, in, err);
	if (strcmp(a, "mark_major") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_penalty SET major = 1, major_reason = ? WHERE case_id = ?",
					"ti", fz_json_str(in, "major_reason"), c->case_id),
			    err);
	if (strcmp(a, "submit_review") == 0)
		return step_day(ctx, in, "submitted_on", "提交日期", p.filed_on, "立案日期", &day, err);
	if (strcmp(a, "review") == 0)
		return review(ctx, c, &p, in, err);
	if (strcmp(a, "decide") == 0)
		return decide(ctx, c, &p, in, false, err);
	if (strcmp(a, "decide_simple") == 0)
		return decide(ctx, c, &p, in, true, err);
	if (strcmp(a, "serve") == 0)
		return serve(ctx, c, &p, in, err);
	if (strcmp(a, "pay") == 0)
		return pay(ctx, c, &p, in, err);
	if (strcmp(a, "close") == 0) {
		const char *after = p.served_on;
		if ((rc = step_day(ctx, in, "closed_on", "结案日期", after, "送达日期", &day, err)))
			return rc;
		return set_text(ctx, c->case_id, "closed_on", fz_json_str(in, "closed_on"), err);
	}
	return FZ_OK;
}

/* ---- the case's fields ------------------------------------------------------------ */

static void set_opt(json_t *o, const char *key, const struct fz_option *opts, const char *v)
{
	fz_json_set_str(o, key, v);
	char k[64];
	snprintf(k, sizeof k, "%s_label", key);
	fz_json_set_str(o, k, v ? fz_enf_label(opts, v) : NULL);
}

static void set_money(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	json_object_set_new(o, key, fz_col_null(st, col) ? json_null() : json_integer(fz_col_int(st, col)));
}

enum fz_code fz_enf_penalty_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT x.body_id, b.name, x.power_id, p.name, p.law_name, p.article, x.procedure,"
		" x.party_type, x.party_name, x.party_id_number, x.matter, x.source, x.act_on, x.filed_on,"
		" x.harm_grave, x.limitation_end, x.limitation_reason, x.major, x.major_reason, x.facts,"
		" x.notified_on, x.proposed_kind, x.proposed_fine, x.proposed_confiscation,"
		" x.hearing_offered, x.notice_facts, x.hearing_requested_on, x.hearing_notice_on,"
		" x.hearing_on, x.hearing_place, x.hearing_host, x.hearing_held_on, x.statement_on,"
		" x.review_opinion, x.reviewed_on, o.name, x.decided_on, x.outcome, x.penalty_kind,"
		" x.fine_amount, x.confiscation_amount, x.no_penalty_ground, x.collective, x.decision_text,"
		" x.served_on, x.service_method, x.paid_on, x.paid_amount, x.receipt_no, x.closed_on,"
		" p.basis_text"
		" FROM enf_penalty x JOIN enf_body b ON b.body_id = x.body_id"
		" JOIN enf_power p ON p.item_id = x.power_id"
		" LEFT JOIN enf_officer o ON o.officer_id = x.reviewer_id WHERE x.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		json_object_set_new(obj, "body_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(obj, "body_name", fz_col_text(st, 1));
		json_object_set_new(obj, "power_id", json_integer(fz_col_int(st, 2)));
		fz_json_set_str(obj, "power_name", fz_col_text(st, 3));
		fz_json_set_str(obj, "legal_basis",
				fz_arena_printf(ctx->arena, "%s%s", fz_col_text(st, 4),
						fz_col_text(st, 5) ? fz_col_text(st, 5) : ""));
		fz_json_set_str(obj, "basis_text", fz_col_text(st, 50));
		set_opt(obj, "procedure", fz_pen_procedures, fz_col_text(st, 6));
		set_opt(obj, "party_type", fz_pen_party_types, fz_col_text(st, 7));
		static const char *const texts[] = {"party_name", "party_id_number", "matter"};
		for (int i = 0; i < 3; i++)
			fz_json_set_str(obj, texts[i], fz_col_text(st, 8 + i));
		set_opt(obj, "source", fz_pen_sources, fz_col_text(st, 11));
		fz_json_set_str(obj, "act_on", fz_col_text(st, 12));
		fz_json_set_str(obj, "filed_on", fz_col_text(st, 13));
		json_object_set_new(obj, "harm_grave", json_boolean(fz_col_int(st, 14)));
		fz_json_set_str(obj, "limitation_end", fz_col_text(st, 15));
		fz_json_set_str(obj, "limitation_reason", fz_col_text(st, 16));
		fz_json_set_str(obj, "limitation_article",
				fz_arena_printf(ctx->arena,
						"《行政处罚法》第三十六条：违法行为在%s年内未被发现的，不再给予行政处罚",
						fz_col_int(st, 14) ? "五" : "二"));
		bool major = fz_col_int(st, 17) != 0;
		json_object_set_new(obj, "major", json_boolean(major));
		set_opt(obj, "major_reason", fz_pen_major_reasons, fz_col_text(st, 18));
		fz_json_set_str(obj, "facts", fz_col_text(st, 19));
		fz_json_set_str(obj, "notified_on", fz_col_text(st, 20));
		set_opt(obj, "proposed_kind", fz_pen_kinds, fz_col_text(st, 21));
		set_money(obj, "proposed_fine", st, 22);
		set_money(obj, "proposed_confiscation", st, 23);
		json_object_set_new(obj, "hearing_offered", json_boolean(fz_col_int(st, 24)));
		fz_json_set_str(obj, "notice_facts", fz_col_text(st, 25));
		static const char *const hearing[] = {"hearing_requested_on", "hearing_notice_on", "hearing_on",
						      "hearing_place", "hearing_host", "hearing_held_on",
						      "statement_on"};
		for (int i = 0; i < 7; i++)
			fz_json_set_str(obj, hearing[i], fz_col_text(st, 26 + i));
		json_object_set_new(obj, "hearing_scheduled", json_boolean(!fz_col_null(st, 28)));
		const char *opinion = fz_col_text(st, 33);
		set_opt(obj, "review_opinion", fz_pen_review_opinions, opinion);
		fz_json_set_str(obj, "reviewed_on", fz_col_text(st, 34));
		fz_json_set_str(obj, "reviewer_name", fz_col_text(st, 35));
		bool passed = opinion && (strcmp(opinion, "pass") == 0 || strcmp(opinion, "amend") == 0);
		/* The gate of 第58条 as a field the decide step's guard reads: a major case needs a
		 * passed review, and any case whose latest review said 不同意 waits for a new one. */
		bool refused = opinion && strcmp(opinion, "fail") == 0;
		json_object_set_new(obj, "review_ok", json_boolean((!major || passed) && !refused));
		fz_json_set_str(obj, "decided_on", fz_col_text(st, 36));
		set_opt(obj, "outcome", fz_pen_outcomes, fz_col_text(st, 37));
		set_opt(obj, "penalty_kind", fz_pen_kinds, fz_col_text(st, 38));
		set_money(obj, "fine_amount", st, 39);
		set_money(obj, "confiscation_amount", st, 40);
		set_opt(obj, "no_penalty_ground", fz_pen_no_penalty_grounds, fz_col_text(st, 41));
		json_object_set_new(obj, "collective", json_boolean(fz_col_int(st, 42)));
		fz_json_set_str(obj, "decision_text", fz_col_text(st, 43));
		fz_json_set_str(obj, "served_on", fz_col_text(st, 44));
		const char *method = fz_col_text(st, 45);
		fz_json_set_str(obj, "service_method", method);
		fz_json_set_str(obj, "service_method_label",
				method && strcmp(method, "on_spot") == 0
					? "当场交付"
					: (method ? fz_enf_label(fz_pen_service_methods, method) : NULL));
		fz_json_set_str(obj, "paid_on", fz_col_text(st, 46));
		set_money(obj, "paid_amount", st, 47);
		fz_json_set_str(obj, "receipt_no", fz_col_text(st, 48));
		fz_json_set_str(obj, "closed_on", fz_col_text(st, 49));
		bool unpaid = !fz_col_null(st, 44) && fz_col_int(st, 39) > 0 && fz_col_null(st, 46);
		json_object_set_new(obj, "fine_unpaid", json_boolean(unpaid));
	}
	fz_stmt_done(st);
	/* The officers and their certificates (第42条), and the hearing thresholds in force. */
	json_t *officers = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT o.officer_id, o.name, (SELECT c.number FROM enf_certificate c"
			 "  WHERE c.officer_id = o.officer_id AND c.cert_type = 'enforcement'"
			 "  AND c.number IS NOT NULL ORDER BY c.issued_on DESC LIMIT 1),"
			 " (SELECT c.valid_until FROM enf_certificate c WHERE c.officer_id = o.officer_id"
			 "  AND c.cert_type = 'enforcement' AND c.number IS NOT NULL"
			 "  ORDER BY c.issued_on DESC LIMIT 1)"
			 " FROM enf_penalty_officer x JOIN enf_officer o ON o.officer_id = x.officer_id"
			 " WHERE x.case_id = ? ORDER BY o.officer_id",
			 "i", case_id);
	if (!st) {
		json_decref(officers);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *o = json_pack("{s:I, s:s}", "officer_id", (json_int_t)fz_col_int(st, 0), "name",
				      fz_col_text(st, 1));
		fz_json_set_str(o, "cert_number", fz_col_text(st, 2));
		fz_json_set_str(o, "cert_valid_until", fz_col_text(st, 3));
		json_array_append_new(officers, o);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "officers", officers);
	/* Who may record a legal review (第58条): the agency's officers on the legal-review post or
	 * with the legal-profession qualification; a first review needs the qualification. */
	json_t *reviewers = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT o.officer_id, o.name, o.legal_qualification,"
			 " (SELECT COUNT(*) FROM enf_penalty_review v WHERE v.reviewer_id = o.officer_id)"
			 " FROM enf_officer o WHERE o.agency_id = (SELECT agency_id FROM case_record WHERE case_id = ?)"
			 " AND o.status = 'on_duty' AND (o.post = 'legal_review' OR o.legal_qualification = 1)"
			 " ORDER BY o.officer_id LIMIT 50",
			 "i", case_id);
	if (!st) {
		json_decref(reviewers);
		return err->code;
	}
	while (fz_stmt_row(st))
		json_array_append_new(reviewers,
				      json_pack("{s:I, s:s, s:b, s:I}", "officer_id", (json_int_t)fz_col_int(st, 0),
						"name", fz_col_text(st, 1), "qualified", (int)fz_col_int(st, 2),
						"reviews", (json_int_t)fz_col_int(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "reviewers", reviewers);
	json_object_set_new(obj, "hearing_fine_citizen",
			    json_integer(fz_setting_int(ctx->db, "enforcement.hearing_fine_citizen", 10000)));
	json_object_set_new(obj, "hearing_fine_org",
			    json_integer(fz_setting_int(ctx->db, "enforcement.hearing_fine_org", 100000)));
	fz_enf_fine_fields(ctx, case_id, obj);
	fz_enf_inspection_penalty_fields(ctx, case_id, obj);
	enum fz_code frc = fz_enf_bench_fields(ctx, case_id, obj, err); /* 裁量基准 (enf_benchmark.c) */
	if (!frc)
		frc = fz_enf_review_fields(ctx, case_id, obj, err);
	return frc ? frc : fz_enf_pub_fields(ctx, case_id, obj, err);
}

/* ---- the list of penalty cases (platform/lists.h) ---------------------------------- */

static json_t *penalty_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "body_name", fz_col_text(st, 13));
	set_opt(o, "procedure", fz_pen_procedures, fz_col_text(st, 14));
	fz_json_set_str(o, "party_name", fz_col_text(st, 15));
	set_opt(o, "party_type", fz_pen_party_types, fz_col_text(st, 16));
	fz_json_set_str(o, "filed_on", fz_col_text(st, 17));
	fz_json_set_str(o, "decided_on", fz_col_text(st, 18));
	set_opt(o, "outcome", fz_pen_outcomes, fz_col_text(st, 19));
	set_opt(o, "penalty_kind", fz_pen_kinds, fz_col_text(st, 20));
	set_money(o, "fine_amount", st, 21);
	json_object_set_new(o, "major", json_boolean(fz_col_int(st, 22)));
	fz_json_set_str(o, "power_name", fz_col_text(st, 23));
	return o;
}

static const char *const pen_like[] = {"c.number", "c.title", "x.party_name", NULL};

static const struct fz_list_filter pen_filters[] = {
	{.param = "year", .label = "立案年度", .kind = FZ_LF_YEAR, .sql = "c.received_on",
	 .hint = "按立案日期所在年度筛选"},
	/* The records behind the enforcement.penalties.* figures (enf_report.c). */
	{.param = "decided_year", .label = "决定年度", .kind = FZ_LF_YEAR, .sql = "x.decided_on",
	 .hint = "按决定日期所在年度筛选"},
	{.param = "hearing_year", .label = "听证年度", .kind = FZ_LF_YEAR, .sql = "x.hearing_held_on",
	 .hint = "按举行听证的日期所在年度筛选"},
	{.param = "from", .label = "立案日期", .kind = FZ_LF_DATES, .sql = "c.received_on",
	 .param_to = "to"},
	{.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?",
	 .tally = true},
	{.param = "body_id", .label = "执法主体编号", .kind = FZ_LF_ID, .sql = "x.body_id = ?"},
	{.param = "state", .label = "案件状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .type = &fz_enf_penalty_type, .tally = true},
	{.param = "procedure", .label = "程序", .kind = FZ_LF_OPTION, .sql = "x.procedure = ?",
	 .options = fz_pen_procedures},
	{.param = "outcome", .label = "决定结果", .kind = FZ_LF_OPTION, .sql = "x.outcome = ?",
	 .options = fz_pen_outcomes},
	{.param = "major", .label = "须法制审核", .kind = FZ_LF_FLAG, .sql = "x.major = 1"},
	{.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = pen_like},
	/* The records behind the enforcement.fines.* figures (enf_penalty_fines.c). */
	{.param = "fine_paid_year", .label = "缴款年度", .kind = FZ_LF_CUSTOM,
	 .custom = fz_enf_fine_paid_year_filter},
	{.param = "arranged_year", .label = "批准暂缓或分期缴纳年度", .kind = FZ_LF_CUSTOM,
	 .custom = fz_enf_fine_arranged_year_filter},
	/* The records behind the enforcement.benchmark.* figures (enf_benchmark.c). */
	{.param = "benchmark", .label = "裁量基准", .kind = FZ_LF_OPTION,
	 .sql = "x.case_id IN (SELECT k.case_id FROM enf_penalty_benchmark k WHERE k.step = 'decide'"
		" AND k.placement = ?)",
	 .options = fz_bench_placements},
	{.param = NULL},
};

static const struct fz_list_sort pen_sorts[] = {
	{.name = "filed_on", .expr = "c.received_on"},
	{.name = "created_at", .expr = "c.case_id"},
	{.name = "due_date", .expr = "c.due_date", .nulls_last = true},
	{.name = "decided_on", .expr = "x.decided_on", .nulls_last = true},
	{.name = "fine_amount", .expr = "x.fine_amount", .nulls_last = true},
	{.name = NULL},
};

static const struct fz_list_col pen_cols[] = {
	{.key = "number", .header = "案号", .width = 22},
	{.key = "title", .header = "案由", .width = 36},
	{.key = "party_name", .header = "当事人", .width = 24},
	{.key = "agency_name", .header = "执法单位", .width = 24},
	{.key = "body_name", .header = "执法主体", .width = 26},
	{.key = "procedure_label", .header = "程序", .width = 12},
	{.key = "state_label", .header = "状态", .width = 14},
	{.key = "filed_on", .header = "立案日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "decided_on", .header = "决定日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "outcome_label", .header = "决定结果", .width = 14},
	{.key = "penalty_kind_label", .header = "处罚种类", .width = 14},
	{.key = "fine_amount", .header = "罚款（元）", .kind = FZ_LC_NUMBER, .width = 12},
	{.key = "major", .header = "须法制审核", .kind = FZ_LC_BOOL, .width = 10},
	{.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = NULL},
};

const struct fz_list fz_enf_penalties_list = {
	.name = "行政处罚案件",
	.select = FZ_CASE_ROW_COLS ", b.name, x.procedure, x.party_name, x.party_type, x.filed_on,"
				   " x.decided_on, x.outcome, x.penalty_kind, x.fine_amount, x.major, p.name",
	.from = "case_record c JOIN enf_penalty x ON x.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id JOIN enf_body b ON b.body_id = x.body_id"
		" JOIN enf_power p ON p.item_id = x.power_id",
	/* A page of one agency's cases by filing day: the ids from the index, then 20 rows joined. */
	.key_from = "case_record c",
	.key_aliases = "c",
	.key = "c.case_id",
	/* The total by agency and state is the trigger-kept tally's (core-005), not 10,000 rows counted. */
	.tally = "SELECT COALESCE(SUM(c.n), 0) FROM case_tally c",
	.where = "c.case_type = 'enf_penalty'",
	.scope = "c.agency_id",
	.filters = pen_filters,
	.sorts = pen_sorts,
	.sort_default = "-filed_on",
	.tiebreak = "c.case_id",
	.row = penalty_row,
	.columns = pen_cols,
};
