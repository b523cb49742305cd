/*
 * med_store.c - the mediation module's SQL: committees and mediators, cases
 * with their parties, the domain half of each transition, the case's fields.
 */
#include <string.h>

#include "core/text.h"
#include "modules/mediation/mediation_int.h"
#include "platform/jsonx.h"

const struct fz_migration fz_med_migrations[] = {
    {"mediation-001",
     "CREATE TABLE med_committee ("
     " committee_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
     " name TEXT NOT NULL, village TEXT, director TEXT NOT NULL, phone TEXT,"
     " address TEXT, founded_on TEXT, active INTEGER NOT NULL DEFAULT 1);"
     "CREATE INDEX med_committee_agency ON med_committee(agency_id);"
     "CREATE TABLE med_mediator ("
     " mediator_id INTEGER PRIMARY KEY, committee_id INTEGER NOT NULL REFERENCES med_committee,"
     " name TEXT NOT NULL, phone TEXT NOT NULL, phone_public INTEGER NOT NULL DEFAULT 0,"
     " post TEXT NOT NULL, trained_on TEXT, training TEXT, active INTEGER NOT NULL DEFAULT 1);"
     "CREATE INDEX med_mediator_committee ON med_mediator(committee_id);"
     "CREATE TABLE med_case ("
     " case_id INTEGER PRIMARY KEY REFERENCES case_record, kind TEXT NOT NULL,"
     " field TEXT, dispute_type TEXT NOT NULL, committee_id INTEGER REFERENCES med_committee,"
     " mediator_id INTEGER REFERENCES med_mediator, mediator_name TEXT NOT NULL,"
     " summary TEXT NOT NULL, requests TEXT, source_case_id INTEGER,"
     " outcome TEXT, agreed_on TEXT, terms TEXT, obligations TEXT, fail_reason TEXT,"
     " referral TEXT, failed_on TEXT, performance TEXT, performance_on TEXT,"
     " extended_days INTEGER NOT NULL DEFAULT 0, consent_on TEXT,"
     " confirm_court TEXT, confirm_applied_on TEXT, ruling TEXT, ruled_on TEXT,"
     " ruling_number TEXT);"
     "CREATE INDEX med_case_committee ON med_case(committee_id);"
     "CREATE TABLE med_party ("
     " party_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
     " seq INTEGER NOT NULL, name TEXT NOT NULL, id_type TEXT NOT NULL, id_number TEXT,"
     " phone TEXT NOT NULL);"
     "CREATE INDEX med_party_case ON med_party(case_id);"},
    {NULL, NULL},
};

static const char *agency_kind(struct fz_ctx *ctx, int64_t agency_id, const char **code)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, NULL, "SELECT kind, code FROM agency WHERE agency_id = ? AND active = 1", "i",
	    agency_id);
	const char *k = NULL;
	if (st && fz_stmt_row(st)) {
		k = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		if (code)
			*code = fz_arena_strdup(ctx->arena, fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	return k;
}

/* The agency code that mediates in each field of administrative mediation. */
static const char *field_agency(const char *field)
{
	static const struct fz_option m[] = {{"police", "gaj"}, {"health", "wjj"},
					     {"market", "scj"}, {"labour", "rsj"},
					     {"land", "zrj"},	{NULL, NULL}};
	for (const struct fz_option *o = m; o->value; o++)
		if (field && strcmp(o->value, field) == 0)
			return o->label;
	return NULL;
}

/* The agency a staff form acts for: the caller's own, or (legal office) the one it names. */
static enum fz_code acting_agency(struct fz_ctx *ctx, json_t *body, int64_t *agency,
				  struct fz_err *err)
{
	int64_t named = json_integer_value(json_object_get(body, "agency_id"));
	if (fz_ctx_sees_all(ctx)) {
		if (!named)
			return fz_err_set(err, FZ_EMISSING_FIELD, "agency_id",
					  "请选择“承办单位”（agency_id）");
		*agency = named;
		return FZ_OK;
	}
	if (named && named != ctx->user->agency_id)
		return fz_err_set(err, FZ_EBAD_VALUE, "agency_id",
				  "只能登记本单位的调解组织和案件");
	*agency = ctx->user->agency_id;
	return FZ_OK;
}

enum fz_code fz_med_committee_add(struct fz_ctx *ctx, json_t *b, int64_t *id, struct fz_err *err)
{
	int64_t agency;
	enum fz_code rc = acting_agency(ctx, b, &agency, err);
	if (rc)
		return rc;
	const char *kind = agency_kind(ctx, agency, NULL);
	if (!kind || strcmp(kind, "township") != 0)
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "agency_id",
		    "人民调解委员会由乡镇（街道）设立或指导，请选择乡镇人民政府或街道办事处");
	const char *phone = fz_json_str(b, "phone");
	if (phone && *phone && !fz_phone_valid(phone))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "INSERT INTO med_committee(agency_id, name, village, "
					 "director, phone, address, founded_on)"
					 " VALUES (?,?,?,?,?,?,?) RETURNING committee_id",
					 "ittttt"
					 "t",
					 agency, fz_json_str(b, "name"), fz_json_str(b, "village"),
					 fz_json_str(b, "director"), phone,
					 fz_json_str(b, "address"), fz_json_str(b, "founded_on"));
	return fz_stmt_exec_id(st, id, err);
}

enum fz_code fz_med_mediator_add(struct fz_ctx *ctx, int64_t committee_id, json_t *b, int64_t *id,
				 struct fz_err *err)
{
	if (!fz_phone_valid(fz_json_str(b, "phone")))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	const char *trained = fz_json_str(b, "trained_on");
	int day;
	if (trained && !fz_date_parse(trained, &day) && day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "trained_on", "培训日期不能晚于今天");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO med_mediator(committee_id, name, phone, phone_public, post, trained_on,"
	    " training) VALUES (?,?,?,?,?,?,?) RETURNING mediator_id",
	    "ittIttt", committee_id, fz_json_str(b, "name"), fz_json_str(b, "phone"),
	    json_is_true(json_object_get(b, "phone_public")) ? 1 : 0, fz_json_str(b, "post"),
	    trained, fz_json_str(b, "training"));
	return fz_stmt_exec_id(st, id, err);
}

/* Parties: an array of two or more {name, id_type, id_number, phone}; checked before any write. */
static enum fz_code check_parties(json_t *parties, struct fz_err *err)
{
	if (!json_is_array(parties) || json_array_size(parties) < 2)
		return fz_err_set(err, FZ_EMISSING_FIELD, "parties",
				  "请填写“当事人”（parties）：纠纷双方至少两人");
	if (json_array_size(parties) > 20)
		return fz_err_set(err, FZ_EBAD_VALUE, "parties", "当事人最多 20 人");
	size_t i;
	json_t *p;
	json_array_foreach (parties, i, p) {
		const char *name = fz_json_str(p, "name");
		if (!name || !*name || fz_utf8_chars(name) > 50)
			return fz_err_set(err, FZ_EMISSING_FIELD, "parties",
					  "第 %zu 名当事人：请填写“姓名或名称”（不超过 50 字）",
					  i + 1);
		const char *t = fz_json_str(p, "id_type");
		if (!t || fz_option_label(fz_med_id_types, t) == t)
			return fz_err_set(err, FZ_EBAD_VALUE, "parties",
					  "第 %zu "
					  "名当事人：请选择“证件类型”（居民身份证、护照、统一社会信"
					  "用代码或其他证件）",
					  i + 1);
		const char *idn = fz_json_str(p, "id_number");
		if (idn && strlen(idn) > 30)
			return fz_err_set(err, FZ_EBAD_VALUE, "parties",
					  "第 %zu 名当事人：证件号码不超过 30 位", i + 1);
		if (idn && *idn && strcmp(t, "id_card") == 0 && !fz_resident_id_valid(idn))
			return fz_err_set(err, FZ_EBAD_VALUE, "parties",
					  "第 %zu 名当事人：居民身份证号码不正确（应为 18 位，含有效的出生日期，"
					  "末位校验码正确；或 15 位数字）",
					  i + 1);
		if (!fz_phone_valid(fz_json_str(p, "phone")))
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "parties",
			    "第 %zu 名当事人：联系电话格式不正确，应为 7 至 20 位数字", i + 1);
	}
	return FZ_OK;
}

enum fz_code fz_med_submit(struct fz_ctx *ctx, json_t *b, int64_t *case_id, struct fz_err *err)
{
	int64_t agency;
	enum fz_code rc = acting_agency(ctx, b, &agency, err);
	if (rc)
		return rc;
	const char *code = NULL, *akind = agency_kind(ctx, agency, &code);
	const char *kind = fz_json_str(b, "kind"), *field = fz_json_str(b, "field");
	int64_t committee = json_integer_value(json_object_get(b, "committee_id"));
	int64_t mediator = json_integer_value(json_object_get(b, "mediator_id"));
	const char *mediator_name = NULL;
	if (strcmp(kind, "people") == 0) {
		if (!akind || strcmp(akind, "township") != 0)
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "agency_id",
			    "人民调解案件由乡镇（街道）的人民调解委员会办理，请选择乡镇或街道");
		if (!committee)
			return fz_err_set(err, FZ_EMISSING_FIELD, "committee_id",
					  "请选择“人民调解委员会”（committee_id）");
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT agency_id FROM med_committee WHERE committee_id = ? AND active = 1",
		    "i", committee);
		bool ok = st && fz_stmt_row(st) && fz_col_int(st, 0) == agency;
		fz_stmt_done(st);
		if (!ok)
			return fz_err_set(err, FZ_EBAD_VALUE, "committee_id",
					  "所选人民调解委员会不属于本乡镇（街道）");
		if (!mediator)
			return fz_err_set(err, FZ_EMISSING_FIELD, "mediator_id",
					  "请选择“人民调解员”（mediator_id）");
		st = fz_db_query(
		    ctx->db, err,
		    "SELECT name FROM med_mediator WHERE mediator_id = ? AND committee_id = ?"
		    " AND active = 1",
		    "ii", mediator, committee);
		if (st && fz_stmt_row(st))
			mediator_name = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		fz_stmt_done(st);
		if (!mediator_name)
			return fz_err_set(err, FZ_EBAD_VALUE, "mediator_id",
					  "所选调解员不是该人民调解委员会的调解员");
		field = NULL;
	} else {
		if (!field)
			return fz_err_set(err, FZ_EMISSING_FIELD, "field",
					  "请选择“行政调解领域”（field）");
		const char *want = field_agency(field);
		if (!code || !want || strcmp(code, want) != 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id",
					  "“%s”的行政调解由其主管部门办理，本单位不能登记",
					  fz_option_label(fz_med_fields, field));
		mediator_name = fz_json_str(b, "mediator_name");
		if (!mediator_name || !*mediator_name)
			return fz_err_set(err, FZ_EMISSING_FIELD, "mediator_name",
					  "请填写“调解人员”（mediator_name）");
		committee = mediator = 0;
	}
	int received;
	if (fz_date_parse(fz_json_str(b, "received_on"), &received) || received > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "受理日期不能晚于今天");
	json_t *parties = json_object_get(b, "parties");
	if ((rc = check_parties(parties, err)))
		return rc;
	/* The petition or reconsideration case it came from: must exist and be the caller's to
	 * read. */
	int64_t source = json_integer_value(json_object_get(b, "source_case_id"));
	if (source) {
		struct fz_case_row sc;
		struct fz_err e2 = {0};
		if (fz_case_load(ctx, source, false, &sc, &e2) ||
		    (strcmp(sc.type->name, "reconsideration") != 0 &&
		     strcmp(sc.type->name, "petition") != 0))
			return fz_err_set(err, FZ_EBAD_VALUE, "source_case_id",
					  "关联案件不存在、无权查看，或不是信访、行政复议案件");
	}
	/* The title names the dispute: 张三与李四邻里纠纷, 甲与乙纠纷 (其他). */
	const char *dt = fz_json_str(b, "dispute_type");
	const char *dl = fz_option_label(fz_med_dispute_types, dt);
	size_t dn = strlen(dl);
	const char *suffix =
	    strcmp(dt, "other") == 0 ? "纠纷"
	    : (dn >= 6 && (strcmp(dl + dn - 6, "纠纷") == 0 || strcmp(dl + dn - 6, "争议") == 0))
		? dl
		: fz_arena_printf(ctx->arena, "%s纠纷", dl);
	const char *title =
	    fz_arena_printf(ctx->arena, "%s与%s%s", fz_json_str(json_array_get(parties, 0), "name"),
			    fz_json_str(json_array_get(parties, 1), "name"), suffix);
	struct fz_case_new n = {
	    .case_type = "mediation",
	    .agency_id = agency,
	    .title = title,
	    .body = fz_json_str(b, "summary"),
	    .received_on = received,
	    .input = fz_json_text(ctx->arena, b, (const char *const[]){"parties", NULL})};
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_case_row c;
	if ((rc = fz_case_create(ctx, &n, &c, err)))
		goto fail;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO med_case(case_id, kind, field, dispute_type, committee_id, mediator_id,"
	    " mediator_name, summary, requests, source_case_id, performance)"
	    " VALUES (?,?,?,?,NULLIF(?, 0),NULLIF(?, 0),?,?,?,NULLIF(?, 0), 'none')",
	    "ittt"
	    "iitt"
	    "ti",
	    c.case_id, kind, field, dt, committee, mediator, mediator_name,
	    fz_json_str(b, "summary"), fz_json_str(b, "requests"), source);
	if (!st || fz_stmt_exec(st, err))
		goto fail_err;
	size_t i;
	json_t *p;
	json_array_foreach (parties, i, p) {
		st = fz_db_query(
		    ctx->db, err,
		    "INSERT INTO med_party(case_id, seq, name, id_type, id_number, phone)"
		    " VALUES (?,?,?,?,?,?)",
		    "iItttt", c.case_id, (int)i + 1, fz_json_str(p, "name"),
		    fz_json_str(p, "id_type"), fz_json_str(p, "id_number"),
		    fz_json_str(p, "phone"));
		if (!st || fz_stmt_exec(st, err))
			goto fail_err;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	*case_id = c.case_id;
	return FZ_OK;
fail_err:
	rc = err->code;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_med_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *input, struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = NULL;
	const char *n = tr->name;
	if (strcmp(n, "extend") == 0) {
		/* 第26条: only on both parties' consent, recorded with the step. */
		if (!json_is_true(json_object_get(input, "consent")))
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "consent",
			    "延长调解期限须经双方当事人同意（《人民调解法》第二十六条）");
		st = fz_db_query(
		    ctx->db, err,
		    "UPDATE med_case SET extended_days = extended_days + ?, consent_on = ?"
		    " WHERE case_id = ?",
		    "Iti", (int)json_integer_value(json_object_get(input, "days")), today,
		    c->case_id);
	} else if (strcmp(n, "agree") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE med_case SET outcome = 'agreed', agreed_on = ?, terms = ?,"
				 " obligations = ? WHERE case_id = ?",
				 "ttti", today, fz_json_str(input, "terms"),
				 fz_json_str(input, "obligations"), c->case_id);
	} else if (strcmp(n, "fail") == 0) {
		st = fz_db_query(
		    ctx->db, err,
		    "UPDATE med_case SET outcome = 'failed', failed_on = ?, fail_reason = ?,"
		    " referral = ? WHERE case_id = ?",
		    "ttti", today, fz_json_str(input, "reason"), fz_json_str(input, "referral"),
		    c->case_id);
	} else if (strcmp(n, "perform") == 0) {
		st = fz_db_query(
		    ctx->db, err,
		    "UPDATE med_case SET performance = ?, performance_on = ? WHERE case_id = ?",
		    "tti", fz_json_str(input, "performance"), today, c->case_id);
	} else if (strcmp(n, "apply_confirm") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE med_case SET confirm_court = ?, confirm_applied_on = ?"
				 " WHERE case_id = ?",
				 "tti", fz_json_str(input, "court"), today, c->case_id);
	} else if (strcmp(n, "confirm_ruling") == 0) {
		int ruled, applied = 0;
		fz_date_parse(fz_json_str(input, "ruled_on"), &ruled);
		struct fz_stmt *q = fz_db_query(
		    ctx->db, err, "SELECT confirm_applied_on FROM med_case WHERE case_id = ?", "i",
		    c->case_id);
		if (q && fz_stmt_row(q) && fz_col_text(q, 0))
			fz_date_parse(fz_col_text(q, 0), &applied);
		fz_stmt_done(q);
		if (ruled > ctx->today || ruled < applied)
			return fz_err_set(err, FZ_EBAD_DATE, "ruled_on",
					  "裁定日期应在申请司法确认之日与今天之间");
		st = fz_db_query(ctx->db, err,
				 "UPDATE med_case SET ruling = ?, ruled_on = ?, ruling_number = ?"
				 " WHERE case_id = ?",
				 "ttti", fz_json_str(input, "ruling"),
				 fz_json_str(input, "ruled_on"),
				 fz_json_str(input, "ruling_number"), c->case_id);
	} else {
		return FZ_OK;
	}
	return fz_stmt_exec(st, err);
}

enum fz_code fz_med_fields_json(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT m.kind, m.field, m.dispute_type, m.committee_id, k.name, m.mediator_id,"
	    " m.mediator_name, m.summary, m.requests, m.source_case_id, sc.number, m.outcome,"
	    " m.agreed_on, m.terms, m.obligations, m.fail_reason, m.referral, m.failed_on,"
	    " m.performance, m.performance_on, m.extended_days, m.consent_on, m.confirm_court,"
	    " m.confirm_applied_on, m.ruling, m.ruled_on, m.ruling_number, sc.case_type"
	    " FROM med_case m LEFT JOIN med_committee k ON k.committee_id = m.committee_id"
	    " LEFT JOIN case_record sc ON sc.case_id = m.source_case_id WHERE m.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		static const char *const keys[] = {"kind",
						   "field",
						   "dispute_type",
						   NULL,
						   "committee_name",
						   NULL,
						   "mediator_name",
						   "summary",
						   "requests",
						   NULL,
						   "source_number",
						   "outcome",
						   "agreed_on",
						   "terms",
						   "obligations",
						   "fail_reason",
						   "referral",
						   "failed_on",
						   "performance",
						   "performance_on",
						   NULL,
						   "consent_on",
						   "confirm_court",
						   "confirm_applied_on",
						   "ruling",
						   "ruled_on",
						   "ruling_number",
						   "source_case_type"};
		for (int i = 0; i < 28; i++)
			if (keys[i])
				fz_json_set_str(obj, keys[i], fz_col_text(st, i));
		json_object_set_new(obj, "committee_id",
				    fz_col_int(st, 3) ? json_integer(fz_col_int(st, 3))
						      : json_null());
		json_object_set_new(obj, "mediator_id",
				    fz_col_int(st, 5) ? json_integer(fz_col_int(st, 5))
						      : json_null());
		json_object_set_new(obj, "source_case_id",
				    fz_col_int(st, 9) ? json_integer(fz_col_int(st, 9))
						      : json_null());
		json_object_set_new(obj, "extended_days", json_integer(fz_col_int(st, 20)));
		fz_json_set_str(obj, "kind_label",
				fz_option_label(fz_med_kinds, fz_col_text(st, 0)));
		fz_json_set_str(
		    obj, "field_label",
		    fz_col_text(st, 1) ? fz_option_label(fz_med_fields, fz_col_text(st, 1)) : NULL);
		fz_json_set_str(obj, "dispute_type_label",
				fz_option_label(fz_med_dispute_types, fz_col_text(st, 2)));
		const char *perf = fz_col_text(st, 18);
		fz_json_set_str(obj, "performance_label",
				perf && strcmp(perf, "none")
				    ? fz_option_label(fz_med_performance, perf)
				    : "未记录");
		fz_json_set_str(obj, "referral_label",
				fz_col_text(st, 16)
				    ? fz_option_label(fz_med_referrals, fz_col_text(st, 16))
				    : NULL);
		fz_json_set_str(obj, "ruling_label",
				fz_col_text(st, 24)
				    ? fz_option_label(fz_med_rulings, fz_col_text(st, 24))
				    : NULL);
	}
	fz_stmt_done(st);
	json_t *parties = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT name, id_type, id_number, phone FROM med_party WHERE case_id = ?"
			 " ORDER BY seq",
			 "i", case_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(
		    parties,
		    json_pack("{s:s, s:s, s:s, s:s?, s:s}", "name", fz_col_text(st, 0), "id_type",
			      fz_col_text(st, 1), "id_type_label",
			      fz_option_label(fz_med_id_types, fz_col_text(st, 1)), "id_number",
			      fz_col_text(st, 2), "phone", fz_col_text(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "parties", parties);
	return st ? FZ_OK : err->code;
}
