/*
 * enf_people.c - SQL of officers (执法人员), their training hours, and their
 * certificates (执法证件): the domain half of each certificate transition,
 * the withdrawal task raised when an officer leaves, batch exam results and
 * issuing, and the public certificate lookup (亮证执法).
 *
 * Screening rules (qualification for a certificate): the officer is on duty,
 * holds a post, has at least a college (大专) education, and is a civil
 * servant, managed as one, or on the establishment of a public institution:
 * temporary and contract staff may not enforce (国务院办公厅
 * 《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的
 * 指导意见》 and provincial certificate rules). The exam's pass mark is a
 * setting (enforcement.exam_pass_mark, default 60).
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "platform/documents.h"
#include "platform/jsonx.h"
#include "platform/search.h"
#include "platform/settings.h"

static int year_of(int day)
{
	int y, m, d;
	fz_date_to_ymd(day, &y, &m, &d);
	return y;
}

/* ---- officers ------------------------------------------------------------------ */

static const struct fz_input officer_inputs[] = {
	{.name = "body_id", .label = "所在执法主体", .type = FZ_IN_INT, .required = true, .min = 1,
	 .max = INT32_MAX},
	{.name = "name", .label = "姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 30},
	{.name = "gender", .label = "性别", .type = FZ_IN_SELECT, .options = fz_enf_genders},
	{.name = "id_number", .label = "身份证号码", .type = FZ_IN_TEXT, .max_chars = 18},
	{.name = "post", .label = "岗位", .type = FZ_IN_SELECT, .required = true, .options = fz_enf_posts},
	{.name = "area", .label = "执法区域", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
	{.name = "education", .label = "学历", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_enf_education},
	{.name = "employment", .label = "人员身份", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_enf_employment},
	{.name = "legal_qualification", .label = "具有法律职业资格", .type = FZ_IN_BOOL},
	{.name = NULL}};

/* 行政处罚法 第58条: first-time legal reviewers hold the legal-profession qualification. */
static enum fz_code reviewer_rule(const char *post, bool qualified, struct fz_err *err)
{
	if (post && strcmp(post, "legal_review") == 0 && !qualified)
		return fz_err_set(err, FZ_EBAD_VALUE, "legal_qualification",
				  "法制审核岗位人员应当具有法律职业资格（《行政处罚法》第五十八条：初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格）");
	return FZ_OK;
}

static bool id_number_ok(const char *s)
{
	if (!s || !*s)
		return true;
	if (strlen(s) != 18)
		return false;
	for (int i = 0; i < 17; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return (s[17] >= '0' && s[17] <= '9') || s[17] == 'X' || s[17] == 'x';
}

enum fz_code fz_enf_officer_create(struct fz_ctx *ctx, json_t *in, json_t **out, struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, officer_inputs, 16, in, NULL, err);
	if (rc)
		return rc;
	int64_t body = json_integer_value(json_object_get(in, "body_id"));
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT agency_id, status FROM enf_body WHERE body_id = ?", "i",
					 body);
	if (!st)
		return err->code;
	int64_t agency = 0;
	char status[16] = "";
	if (fz_stmt_row(st)) {
		agency = fz_col_int(st, 0);
		snprintf(status, sizeof status, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	if (!agency || !fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "所在执法主体不存在");
	if ((rc = fz_enf_need_edit(ctx, agency, err)))
		return rc;
	if (strcmp(status, "abolished") == 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "该执法主体已撤销，不能登记执法人员");
	if (!id_number_ok(fz_json_str(in, "id_number")))
		return fz_err_set(err, FZ_EBAD_VALUE, "id_number", "身份证号码应为 18 位（最后一位可为 X）");
	bool qualified = json_is_true(json_object_get(in, "legal_qualification"));
	if ((rc = reviewer_rule(fz_json_str(in, "post"), qualified, err)))
		return rc;
	char now[21], today[11];
	fz_iso_utc(ctx->now, now);
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO enf_officer(agency_id, body_id, name, gender, id_number, post, area,"
			 " education, employment, legal_qualification, status, status_on, created_at,"
			 " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,'on_duty',?,?,?) RETURNING officer_id",
			 "iittttttt" "Ittt", agency, body, fz_json_str(in, "name"),
			 fz_json_str(in, "gender"), fz_json_str(in, "id_number"), fz_json_str(in, "post"),
			 fz_json_str(in, "area"), fz_json_str(in, "education"),
			 fz_json_str(in, "employment"), qualified ? 1 : 0, today, now, now);
	int64_t id = 0;
	if ((rc = fz_stmt_exec_id(st, &id, err)))
		goto fail;
	static const char *const skip[] = {"id_number", NULL};
	if ((rc = fz_enf_audit(ctx, "enf_officer", "officer_create", fz_json_str(in, "name"),
			       fz_json_text(ctx->arena, in, skip), NULL,
			       fz_arena_printf(ctx->arena, "{\"officer_id\":%lld}", (long long)id), err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_officer_json(ctx, id, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

#define OFFICER_COLS                                                                           \
	"o.officer_id, o.agency_id, a.name, o.body_id, b.name, o.name, o.gender, o.post, o.area," \
	" o.education, o.employment, o.legal_qualification, o.status, o.status_on, o.version,"   \
	" (SELECT COALESCE(SUM(t.hours), 0) FROM enf_training t WHERE t.officer_id = o.officer_id" \
	"  AND t.trained_on >= ? AND t.trained_on <= ?),"                                       \
	" (SELECT c.case_id FROM enf_certificate c WHERE c.officer_id = o.officer_id"            \
	"  ORDER BY c.case_id DESC LIMIT 1)"
#define OFFICER_FROM                                                                           \
	" FROM enf_officer o JOIN agency a ON a.agency_id = o.agency_id"                        \
	" JOIN enf_body b ON b.body_id = o.body_id"

static json_t *cert_brief(struct fz_ctx *ctx, int64_t case_id)
{
	if (!case_id)
		return json_null();
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT r.state, c.number, c.valid_until, r.number FROM enf_certificate c"
		" JOIN case_record r ON r.case_id = c.case_id WHERE c.case_id = ?",
		"i", case_id);
	json_t *o = json_null();
	if (st && fz_stmt_row(st)) {
		const struct fz_state *s = fz_flow_state(&fz_enf_cert_type, fz_col_text(st, 0));
		o = json_pack("{s:I, s:s, s:s, s:s?, s:s?, s:s?}", "case_id", (json_int_t)case_id,
			      "state", fz_col_text(st, 0), "state_label", s ? s->label : "", "number",
			      fz_col_text(st, 1), "valid_until", fz_col_text(st, 2), "case_number",
			      fz_col_text(st, 3));
	}
	fz_stmt_done(st);
	return o;
}

static json_t *officer_row(struct fz_ctx *ctx, struct fz_stmt *st, long target, int64_t *cert)
{
	json_t *o = json_object();
	json_object_set_new(o, "officer_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 1)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 2));
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 3)));
	fz_json_set_str(o, "body_name", fz_col_text(st, 4));
	fz_json_set_str(o, "name", fz_col_text(st, 5));
	fz_json_set_str(o, "gender", fz_col_text(st, 6));
	fz_json_set_str(o, "post", fz_col_text(st, 7));
	fz_json_set_str(o, "post_label", fz_enf_label(fz_enf_posts, fz_col_text(st, 7)));
	fz_json_set_str(o, "area", fz_col_text(st, 8));
	fz_json_set_str(o, "education", fz_col_text(st, 9));
	fz_json_set_str(o, "education_label", fz_enf_label(fz_enf_education, fz_col_text(st, 9)));
	fz_json_set_str(o, "employment", fz_col_text(st, 10));
	fz_json_set_str(o, "employment_label", fz_enf_label(fz_enf_employment, fz_col_text(st, 10)));
	json_object_set_new(o, "legal_qualification", json_boolean(fz_col_int(st, 11)));
	fz_json_set_str(o, "status", fz_col_text(st, 12));
	fz_json_set_str(o, "status_label", fz_enf_label(fz_enf_officer_status, fz_col_text(st, 12)));
	fz_json_set_str(o, "status_on", fz_col_text(st, 13));
	json_object_set_new(o, "version", json_integer(fz_col_int(st, 14)));
	json_object_set_new(o, "hours", json_integer(fz_col_int(st, 15)));
	json_object_set_new(o, "hours_target", json_integer(target));
	json_object_set_new(o, "below_target", json_boolean(fz_col_int(st, 15) < target));
	*cert = fz_col_null(st, 16) ? 0 : fz_col_int(st, 16);
	(void)ctx;
	return o;
}

static void year_bounds(int year, char lo[11], char hi[11])
{
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
}

enum fz_code fz_enf_officer_json(struct fz_ctx *ctx, int64_t officer_id, json_t **out,
				 struct fz_err *err)
{
	char lo[11], hi[11];
	year_bounds(year_of(ctx->today), lo, hi);
	long target = fz_setting_int(ctx->db, "enforcement.training_hours", 60);
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " OFFICER_COLS ", o.id_number" OFFICER_FROM
					 " WHERE o.officer_id = ?",
					 "tti", lo, hi, officer_id);
	if (!st)
		return err->code;
	json_t *o = NULL;
	int64_t cert = 0;
	if (fz_stmt_row(st) && fz_ctx_may_see(ctx, fz_col_int(st, 1))) {
		o = officer_row(ctx, st, target, &cert);
		fz_json_set_str(o, "id_number", fz_col_text(st, 17));
	}
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "执法人员不存在");
	json_object_set_new(o, "certificate", cert_brief(ctx, cert));
	json_t *tr = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT training_id, trained_on, course, hours FROM enf_training"
			 " WHERE officer_id = ? ORDER BY trained_on DESC, training_id DESC",
			 "i", officer_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(tr, json_pack("{s:I, s:s, s:s, s:I}", "training_id",
						    (json_int_t)fz_col_int(st, 0), "trained_on",
						    fz_col_text(st, 1), "course", fz_col_text(st, 2),
						    "hours", (json_int_t)fz_col_int(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(o, "training", tr);
	*out = o;
	return FZ_OK;
}

static enum fz_code officer_in_scope(struct fz_ctx *ctx, int64_t officer_id, int64_t *agency,
				     char status[16], int64_t *version, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT agency_id, status, version FROM enf_officer WHERE officer_id = ?",
					 "i", officer_id);
	if (!st)
		return err->code;
	*agency = 0;
	if (fz_stmt_row(st)) {
		*agency = fz_col_int(st, 0);
		snprintf(status, 16, "%s", fz_col_text(st, 1));
		if (version)
			*version = fz_col_int(st, 2);
	}
	fz_stmt_done(st);
	if (!*agency || !fz_ctx_may_see(ctx, *agency))
		return fz_err_set(err, FZ_ENOT_FOUND, "officer_id", "执法人员不存在");
	return FZ_OK;
}

static const char *officer_snapshot(struct fz_ctx *ctx, int64_t id)
{
	json_t *o;
	struct fz_err e;
	if (fz_enf_officer_json(ctx, id, &o, &e))
		return NULL;
	json_object_del(o, "training");
	json_object_del(o, "certificate");
	json_object_del(o, "id_number");
	json_object_del(o, "hours");
	json_object_del(o, "below_target");
	char *s = fz_json_text(ctx->arena, o, NULL);
	json_decref(o);
	return s;
}

enum fz_code fz_enf_officer_update(struct fz_ctx *ctx, int64_t officer_id, json_t *in,
				   json_t **out, struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "version", .label = "版本号", .type = FZ_IN_INT, .required = true, .min = 1,
		 .max = INT32_MAX},
		{.name = "post", .label = "岗位", .type = FZ_IN_SELECT, .options = fz_enf_posts},
		{.name = "area", .label = "执法区域", .type = FZ_IN_TEXT, .max_chars = 100},
		{.name = "education", .label = "学历", .type = FZ_IN_SELECT, .options = fz_enf_education},
		{.name = "employment", .label = "人员身份", .type = FZ_IN_SELECT,
		 .options = fz_enf_employment},
		{.name = "legal_qualification", .label = "具有法律职业资格", .type = FZ_IN_BOOL},
		{.name = "status", .label = "人员状态", .type = FZ_IN_SELECT,
		 .options = fz_enf_officer_status},
		{.name = "status_on", .label = "状态变动日期", .type = FZ_IN_DATE},
		{.name = NULL}};
	int64_t agency, version = 0;
	char status[16] = "";
	enum fz_code rc = officer_in_scope(ctx, officer_id, &agency, status, &version, err);
	if (rc || (rc = fz_enf_need_edit(ctx, agency, err)) ||
	    (rc = fz_json_check_inputs(ctx, inputs, 8, in, NULL, err)))
		return rc;
	const char *area = fz_json_str(in, "area");
	if (area && fz_text_blank(area))
		return fz_err_set(err, FZ_EMISSING_FIELD, "area", "请填写“执法区域”");
	if (json_integer_value(json_object_get(in, "version")) != version)
		return fz_err_set(err, FZ_ECONFLICT, "version",
				  "执法人员信息已被他人修改（当前版本 %lld），请刷新后重试", (long long)version);
	/* The rules on the record as it will be. */
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT post, legal_qualification FROM enf_officer WHERE officer_id = ?",
					 "i", officer_id);
	if (!st)
		return err->code;
	char post[32] = "";
	bool qualified = false;
	if (fz_stmt_row(st)) {
		snprintf(post, sizeof post, "%s", fz_col_text(st, 0));
		qualified = fz_col_int(st, 1) != 0;
	}
	fz_stmt_done(st);
	if (fz_json_str(in, "post"))
		snprintf(post, sizeof post, "%s", fz_json_str(in, "post"));
	if (json_is_boolean(json_object_get(in, "legal_qualification")))
		qualified = json_is_true(json_object_get(in, "legal_qualification"));
	if ((rc = reviewer_rule(post, qualified, err)))
		return rc;
	const char *new_status = fz_json_str(in, "status");
	const char *status_on = fz_json_str(in, "status_on");
	if (status_on) {
		int d;
		fz_date_parse(status_on, &d);
		if (d > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "status_on", "状态变动日期不能晚于今天");
	}
	bool leaving = new_status && strcmp(new_status, status) != 0 &&
		       (strcmp(new_status, "transferred") == 0 || strcmp(new_status, "retired") == 0);
	if (new_status && strcmp(status, "on_duty") != 0 && strcmp(status, "suspended") != 0 &&
	    strcmp(new_status, status) != 0)
		return fz_err_set(err, FZ_ESTATE, "status",
				  "该执法人员已%s，不能再变更状态；重新上岗的，请重新登记并申领证件",
				  fz_enf_label(fz_enf_officer_status, status));
	char now[21], today[11];
	fz_iso_utc(ctx->now, now);
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	const char *before = officer_snapshot(ctx, officer_id);
	json_t *q = json_object_get(in, "legal_qualification");
	st = fz_db_query(ctx->db, err,
			 "UPDATE enf_officer SET post = COALESCE(?, post), area = COALESCE(?, area),"
			 " education = COALESCE(?, education), employment = COALESCE(?, employment),"
			 " legal_qualification = CASE WHEN ? < 0 THEN legal_qualification ELSE ? END,"
			 " status_on = CASE WHEN ? IS NOT NULL AND ? <> status THEN COALESCE(?, ?) ELSE status_on END,"
			 " status = COALESCE(?, status), version = version + 1, updated_at = ?"
			 " WHERE officer_id = ? AND version = ?",
			 "ttttII" "tttt" "tt" "ii", fz_json_str(in, "post"), area,
			 fz_json_str(in, "education"), fz_json_str(in, "employment"),
			 json_is_boolean(q) ? 0 : -1, json_is_true(q) ? 1 : 0, new_status, new_status,
			 status_on, today, new_status, now, officer_id, version);
	if ((rc = fz_stmt_exec(st, err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ECONFLICT, "version", "执法人员信息已被他人修改，请刷新后重试");
		goto fail;
	}
	int raised = 0;
	if (leaving &&
	    (rc = fz_enf_withdrawal_tasks(ctx, officer_id,
					  strcmp(new_status, "retired") == 0 ? "retirement" : "transfer",
					  &raised, err)))
		goto fail;
	if ((rc = fz_enf_audit(ctx, "enf_officer", "officer_update", NULL,
			       fz_json_text(ctx->arena, in, NULL), before,
			       officer_snapshot(ctx, officer_id), err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	if ((rc = fz_enf_officer_json(ctx, officer_id, out, err)))
		return rc;
	json_object_set_new(*out, "withdrawal_tasks", json_integer(raised));
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_enf_training_add(struct fz_ctx *ctx, int64_t officer_id, json_t *in, json_t **out,
				 struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "trained_on", .label = "培训日期", .type = FZ_IN_DATE, .required = true},
		{.name = "course", .label = "培训课程", .type = FZ_IN_TEXT, .required = true,
		 .max_chars = 100},
		{.name = "hours", .label = "学时", .type = FZ_IN_INT, .required = true, .min = 1, .max = 200},
		{.name = NULL}};
	int64_t agency;
	char status[16];
	enum fz_code rc = officer_in_scope(ctx, officer_id, &agency, status, NULL, err);
	if (rc || (rc = fz_enf_need_edit(ctx, agency, err)) ||
	    (rc = fz_json_check_inputs(ctx, inputs, 4, in, NULL, err)))
		return rc;
	int d;
	fz_date_parse(fz_json_str(in, "trained_on"), &d);
	if (d > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "trained_on", "只登记已经参加的培训，培训日期不能晚于今天");
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "INSERT INTO enf_training(officer_id, trained_on, course, hours,"
					 " created_at) VALUES (?,?,?,?,?) RETURNING training_id",
					 "ittIt", officer_id, fz_json_str(in, "trained_on"),
					 fz_json_str(in, "course"),
					 (int)json_integer_value(json_object_get(in, "hours")), now);
	int64_t id = 0;
	if ((rc = fz_stmt_exec_id(st, &id, err)))
		goto fail;
	if ((rc = fz_enf_audit(ctx, "enf_training", "training_add", fz_json_str(in, "course"),
			       fz_json_text(ctx->arena, in, NULL), NULL,
			       fz_arena_printf(ctx->arena, "{\"training_id\":%lld,\"officer_id\":%lld}",
					       (long long)id, (long long)officer_id),
			       err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_officer_json(ctx, officer_id, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the lists of officers (platform/lists.h) ----------------------------------- */

/* The certificate's case id rides in "certificate" until finish replaces it with its brief. */
static json_t *officers_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	int64_t cert;
	json_t *o = officer_row(ctx, st, 0, &cert);
	json_object_set_new(o, "certificate", json_integer(cert));
	return o;
}

/* The year whose class hours the rows show, bound twice in the select list. */
static enum fz_code officers_prepare(struct fz_list_run *run, struct fz_err *err)
{
	(void)err;
	char *lo = fz_arena_alloc(run->ctx->arena, 11), *hi = fz_arena_alloc(run->ctx->arena, 11);
	year_bounds((int)fz_list_int(run, "year", year_of(run->ctx->today)), lo, hi);
	fz_list_bind_select(run, (struct fz_bind){'t', 0, lo});
	fz_list_bind_select(run, (struct fz_bind){'t', 0, hi});
	return FZ_OK;
}

/* The yearly target (setting enforcement.training_hours) against each row's hours. */
static enum fz_code officers_finish(struct fz_list_run *run, json_t *out, struct fz_err *err)
{
	(void)err;
	struct fz_ctx *ctx = run->ctx;
	long target = fz_setting_int(ctx->db, "enforcement.training_hours", 60);
	size_t i;
	json_t *o;
	json_array_foreach(json_object_get(out, "items"), i, o)
	{
		int64_t hours = json_integer_value(json_object_get(o, "hours"));
		json_object_set_new(o, "hours_target", json_integer(target));
		json_object_set_new(o, "below_target", json_boolean(hours < target));
		int64_t cert = json_integer_value(json_object_get(o, "certificate"));
		json_object_set_new(o, "certificate", cert_brief(ctx, cert));
	}
	json_object_set_new(out, "year", json_integer(fz_list_int(run, "year", year_of(ctx->today))));
	json_object_set_new(out, "hours_target", json_integer(target));
	return FZ_OK;
}

/* Officers on duty under the yearly class-hour target (setting enforcement.training_hours). */
static enum fz_code below_target(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	(void)err;
	if (strcmp(v, "1") != 0)
		return FZ_OK;
	char *lo = fz_arena_alloc(run->ctx->arena, 11), *hi = fz_arena_alloc(run->ctx->arena, 11);
	year_bounds((int)fz_list_int(run, "year", year_of(run->ctx->today)), lo, hi);
	fz_list_where(run, "o.status = 'on_duty' AND (SELECT COALESCE(SUM(t.hours), 0)"
			   " FROM enf_training t WHERE t.officer_id = o.officer_id"
			   " AND t.trained_on >= ? AND t.trained_on <= ?) < ?");
	fz_list_bind_text(run, lo);
	fz_list_bind_text(run, hi);
	fz_list_bind_int(run, fz_setting_int(run->ctx->db, "enforcement.training_hours", 60));
	return FZ_OK;
}

static const char *const officer_like[] = {"o.name", "o.area", NULL};

/* year comes first: below_target reads it. */
static const struct fz_list_filter officer_filters[] = {
	{.param = "year", .label = "年份", .kind = FZ_LF_INT, .min = 2000, .max = 2100},
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "o.agency_id = ?"},
	{.param = "body_id", .label = "执法主体编号", .kind = FZ_LF_ID, .sql = "o.body_id = ?"},
	{.param = "status", .label = "人员状态", .kind = FZ_LF_OPTION, .sql = "o.status = ?",
	 .options = fz_enf_officer_status},
	{.param = "post", .label = "岗位", .kind = FZ_LF_OPTION, .sql = "o.post = ?",
	 .options = fz_enf_posts},
	{.param = "below_target", .label = "学时不足", .kind = FZ_LF_CUSTOM, .custom = below_target},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = officer_like},
	{.param = NULL},
};

/* Column 16 is the year's class hours. */
static const struct fz_list_sort officer_sorts[] = {
	{.name = "name", .expr = "o.name"},
	{.name = "hours", .expr = "16"},
	{.name = "agency", .expr = "a.sort_order, o.body_id", .one_way = true},
	{.name = "-created_at", .expr = "o.officer_id", .one_way = true},
	{.name = NULL},
};

static const struct fz_list_col officer_cols[] = {
	{.key = "name", .header = "姓名", .width = 12},
	{.key = "body_name", .header = "执法主体", .width = 26},
	{.key = "agency_name", .header = "所属单位", .width = 24},
	{.key = "post_label", .header = "岗位"},
	{.key = "area", .header = "执法区域", .width = 16},
	{.key = "education_label", .header = "学历", .width = 10},
	{.key = "employment_label", .header = "用工性质"},
	{.key = "status_label", .header = "状态", .width = 10},
	{.key = "hours", .header = "本年度培训学时", .kind = FZ_LC_NUMBER},
	{.key = "below_target", .header = "学时不足", .kind = FZ_LC_BOOL, .width = 10},
	{.key = "certificate.number", .header = "执法证件编号", .width = 18},
	{.key = "certificate.valid_until", .header = "证件有效期至", .kind = FZ_LC_DATE, .width = 12},
	{.key = NULL},
};

const struct fz_list fz_enf_officers_list = {
	.name = "执法人员",
	.select = OFFICER_COLS,
	.from = "enf_officer o JOIN agency a ON a.agency_id = o.agency_id"
		" JOIN enf_body b ON b.body_id = o.body_id",
	.count_from = "enf_officer o",
	.scope = "o.agency_id",
	.filters = officer_filters,
	.sorts = officer_sorts,
	.sort_default = "agency",
	.tiebreak = "o.officer_id",
	.row = officers_row,
	.prepare = officers_prepare,
	.finish = officers_finish,
	.columns = officer_cols,
};

static json_t *public_officer_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "name", fz_col_text(st, 0), "post_label",
			 fz_enf_label(fz_enf_posts, fz_col_text(st, 1)), "area", fz_col_text(st, 2),
			 "number", fz_col_text(st, 3), "valid_until", fz_col_text(st, 4),
			 "cert_type_label", fz_enf_label(fz_enf_cert_types, fz_col_text(st, 5)));
}

/* The body named by the path (published: the route's handler has checked), certificates valid today. */
static enum fz_code public_officers_prepare(struct fz_list_run *run, struct fz_err *err)
{
	int64_t body = 0;
	if (!run->req || !fz_req_id(run->req, 0, &body))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "执法主体不存在");
	char *today = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(run->ctx->today, today);
	fz_list_where(run, "o.body_id = ? AND c.valid_until >= ?");
	fz_list_bind_int(run, body);
	fz_list_bind_text(run, today);
	return FZ_OK;
}

static const char *const name_like[] = {"o.name", NULL};
static const struct fz_list_filter public_officer_filters[] = {
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = name_like},
	{.param = NULL},
};

/* 执法人员公示: officers on duty holding a certificate valid today; nothing else about them. */
const struct fz_list fz_enf_public_officers_list = {
	.name = "执法人员公示",
	.select = "o.name, o.post, c.area, c.number, c.valid_until, c.cert_type",
	.from = "enf_officer o JOIN enf_certificate c ON c.officer_id = o.officer_id"
		" JOIN case_record r ON r.case_id = c.case_id",
	.where = "o.status = 'on_duty' AND r.state = 'valid'",
	.filters = public_officer_filters,
	.order = "o.name, o.officer_id",
	.row = public_officer_row,
	.prepare = public_officers_prepare,
};

/* ---- certificates --------------------------------------------------------------- */

struct officer_facts {
	int64_t officer_id, agency_id;
	char name[64], status[16], education[16], employment[16], post[16];
};

static bool officer_facts(struct fz_ctx *ctx, int64_t officer_id, struct officer_facts *f)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT agency_id, name, status, education, employment, post"
					 " FROM enf_officer WHERE officer_id = ?",
					 "i", officer_id);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		f->officer_id = officer_id;
		f->agency_id = fz_col_int(st, 0);
		snprintf(f->name, sizeof f->name, "%s", fz_col_text(st, 1));
		snprintf(f->status, sizeof f->status, "%s", fz_col_text(st, 2));
		snprintf(f->education, sizeof f->education, "%s", fz_col_text(st, 3));
		snprintf(f->employment, sizeof f->employment, "%s", fz_col_text(st, 4));
		snprintf(f->post, sizeof f->post, "%s", fz_col_text(st, 5));
	}
	fz_stmt_done(st);
	return ok;
}

static int64_t officer_of_case(struct fz_ctx *ctx, int64_t case_id)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT officer_id FROM enf_certificate WHERE case_id = ?", "i",
					 case_id);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

enum fz_code fz_enf_cert_apply_new(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				   struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "officer_id", .label = "执法人员", .type = FZ_IN_INT, .required = true, .min = 1,
		 .max = INT32_MAX},
		{.name = "cert_type", .label = "证件种类", .type = FZ_IN_SELECT, .options = fz_enf_cert_types},
		{.name = NULL}};
	enum fz_code rc = fz_json_check_inputs(ctx, inputs, 4, in, NULL, err);
	if (rc)
		return rc;
	struct officer_facts f;
	int64_t officer = json_integer_value(json_object_get(in, "officer_id"));
	if (!officer_facts(ctx, officer, &f) || !fz_ctx_may_see(ctx, f.agency_id))
		return fz_err_set(err, FZ_EBAD_VALUE, "officer_id", "执法人员不存在");
	if ((rc = fz_enf_need_edit(ctx, f.agency_id, err)))
		return rc;
	if (strcmp(f.status, "on_duty") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "officer_id", "%s已%s，不能申领执法证件", f.name,
				  fz_enf_label(fz_enf_officer_status, f.status));
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.number, r.state FROM enf_certificate c JOIN case_record r ON r.case_id = c.case_id"
		" WHERE c.officer_id = ? AND r.state NOT IN ('rejected', 'withdrawn', 'expired')",
		"i", officer);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		const struct fz_state *s = fz_flow_state(&fz_enf_cert_type, fz_col_text(st, 1));
		rc = fz_err_set(err, FZ_EDUPLICATE, "officer_id",
				"%s已有办理中或有效的执法证件（%s，%s），不能重复申领", f.name,
				fz_col_text(st, 0), s ? s->label : "");
	}
	fz_stmt_done(st);
	if (rc)
		return rc;
	const char *type = fz_json_str(in, "cert_type") ? fz_json_str(in, "cert_type") : "enforcement";
	char title[160];
	snprintf(title, sizeof title, "%s申领%s", f.name, fz_enf_label(fz_enf_cert_types, type));
	struct fz_case_new n = {.case_type = "enf_certificate", .agency_id = f.agency_id,
				.title = title, .body = f.name, .received_on = ctx->today,
				.input = fz_json_text(ctx->arena, in, NULL)};
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)) ||
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "INSERT INTO enf_certificate(case_id, officer_id, cert_type) VALUES (?,?,?)",
				   "iit", out->case_id, officer, type),
		       err)) ||
	    (rc = fz_db_commit(ctx->db, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return FZ_OK;
}

static const char *cert_col(struct fz_ctx *ctx, int64_t case_id, const char *col)
{
	/* col is one of a fixed set of column names chosen by this file, never input. */
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT %s FROM enf_certificate WHERE case_id = ?", col);
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "i", case_id);
	const char *v = st && fz_stmt_row(st) && fz_col_text(st, 0)
				? fz_arena_strdup(ctx->arena, fz_col_text(st, 0))
				: NULL;
	fz_stmt_done(st);
	return v;
}

static enum fz_code not_after_today(struct fz_ctx *ctx, json_t *in, const char *key,
				    const char *label, struct fz_err *err)
{
	int d;
	const char *s = fz_json_str(in, key);
	if (s && fz_date_parse(s, &d) == FZ_OK && d > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	return FZ_OK;
}

static bool number_ok(const char *s)
{
	size_t n = strlen(s);
	if (n < 4 || n > 30)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '-'))
			return false;
	return true;
}

static enum fz_code issue(struct fz_ctx *ctx, struct fz_case_row *c, const struct officer_facts *f,
			  json_t *in, struct fz_err *err)
{
	/* A certificate only for an officer who is on duty (not 调离, 退休 or 停职). */
	if (strcmp(f->status, "on_duty") != 0)
		return fz_err_set(err, FZ_ESTATE, "officer_id", "%s已%s，不能发证", f->name,
				  fz_enf_label(fz_enf_officer_status, f->status));
	int years = json_is_integer(json_object_get(in, "valid_years"))
			    ? (int)json_integer_value(json_object_get(in, "valid_years"))
			    : (int)fz_setting_int(ctx->db, "enforcement.cert_valid_years", 5);
	int y, m, d, until;
	fz_date_to_ymd(ctx->today, &y, &m, &d);
	/* Valid to the day before the same date `years` later (29 Feb → 28 Feb). */
	int end = fz_date_from_ymd(y + years, m, m == 2 && d == 29 ? 28 : d);
	until = end - 1;
	char number[40];
	const char *given = fz_json_str(in, "number");
	if (given && !fz_text_blank(given)) {
		if (!number_ok(given))
			return fz_err_set(err, FZ_EBAD_VALUE, "number",
					  "证件编号应为 4 至 30 位大写字母、数字或连字符");
		snprintf(number, sizeof number, "%s", given);
		struct fz_stmt *st = fz_db_query(ctx->db, err,
						 "SELECT 1 FROM enf_certificate WHERE number = ?", "t",
						 number);
		bool taken = st && fz_stmt_row(st);
		fz_stmt_done(st);
		if (taken)
			return fz_err_set(err, FZ_EDUPLICATE, "number", "证件编号 %s 已被使用", number);
	} else {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"INSERT INTO number_seq(agency_id, code, year, last_no) VALUES (?, '执法证号', ?, 1)"
			" ON CONFLICT (agency_id, code, year) DO UPDATE SET last_no = number_seq.last_no + 1"
			" RETURNING last_no",
			"iI", f->agency_id, y);
		long serial = st && fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!serial)
			return fz_err_set(err, FZ_EINTERNAL, NULL, "证件编号生成失败");
		/* QS + agency (3 digits) + year (2) + serial (4): printed on the card and in its QR code. */
		snprintf(number, sizeof number, "QS%03lld%02d%04ld", (long long)(f->agency_id % 1000),
			 y % 100, serial);
	}
	char today[11], vu[11];
	fz_date_format(ctx->today, today);
	fz_date_format(until, vu);
	enum fz_code rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					   "UPDATE enf_certificate SET number = ?, area = ?, issued_on = ?,"
					   " valid_until = ? WHERE case_id = ?",
					   "ttt" "ti", number, fz_json_str(in, "area"), today, vu,
					   c->case_id),
			       err);
	if (rc)
		return rc;
	/* The expiry clock: due on the last day of validity (calendar days from the issue day). */
	return fz_case_clock_start(ctx, c, "expiry", ctx->today, until - ctx->today, err);
}

enum fz_code fz_enf_cert_hook(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	struct officer_facts f;
	if (!officer_facts(ctx, officer_of_case(ctx, c->case_id), &f))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "证件申请没有对应的执法人员");
	const char *a = tr->name;
	char today[11];
	fz_date_format(ctx->today, today);
	enum fz_code rc;
	if (strcmp(a, "qualify") == 0) {
		/* Being on duty is the row's guard; the review itself checks the person. */
		if (strcmp(f.employment, "contract") == 0 || strcmp(f.employment, "temporary") == 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "employment",
					  "%s为%s，不得从事行政执法，资格审查不能通过", f.name,
					  fz_enf_label(fz_enf_employment, f.employment));
		if (strcmp(f.education, "secondary") == 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "education",
					  "申领执法证件须具有大学专科以上学历（%s为%s）", f.name,
					  fz_enf_label(fz_enf_education, f.education));
		return FZ_OK;
	}
	if (strcmp(a, "train") == 0) {
		if ((rc = not_after_today(ctx, in, "completed_on", "培训结业日期", err)))
			return rc;
		int hours = (int)json_integer_value(json_object_get(in, "hours"));
		char now[21];
		fz_iso_utc(ctx->now, now);
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					   "INSERT INTO enf_training(officer_id, trained_on, course, hours,"
					   " created_at) VALUES (?,?,'行政执法资格岗前培训',?,?)",
					   "itIt", f.officer_id, fz_json_str(in, "completed_on"), hours, now),
			       err)))
			return rc;
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_certificate SET training_hours = ? WHERE case_id = ?",
					"Ii", hours, c->case_id),
			    err);
	}
	if (strcmp(a, "exam_pass") == 0 || strcmp(a, "exam_fail") == 0) {
		if ((rc = not_after_today(ctx, in, "exam_on", "考试日期", err)))
			return rc;
		long mark = fz_setting_int(ctx->db, "enforcement.exam_pass_mark", 60);
		long score = (long)json_integer_value(json_object_get(in, "score"));
		bool pass = strcmp(a, "exam_pass") == 0;
		if (pass && score < mark)
			return fz_err_set(err, FZ_EBAD_VALUE, "score",
					  "成绩 %ld 分低于合格线 %ld 分，应登记为不合格", score, mark);
		if (!pass && score >= mark)
			return fz_err_set(err, FZ_EBAD_VALUE, "score",
					  "成绩 %ld 分已达到合格线 %ld 分，应登记为合格", score, mark);
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_certificate SET exam_score = ?, exam_on = ? WHERE case_id = ?",
					"Iti", (int)score, fz_json_str(in, "exam_on"), c->case_id),
			    err);
	}
	if (strcmp(a, "issue") == 0)
		return issue(ctx, c, &f, in, err);
	if (strcmp(a, "annual_review") == 0) {
		if ((rc = not_after_today(ctx, in, "reviewed_on", "审验日期", err)))
			return rc;
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_certificate SET last_review_on = ? WHERE case_id = ?",
					"ti", fz_json_str(in, "reviewed_on"), c->case_id),
			    err);
	}
	/*
	 * Reinstating, expiring and the transfer notice are guarded on the rows (the
	 * officer on or off duty, the validity run out); what is left records it.
	 */
	if (strcmp(a, "expire") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_certificate SET ended_on = ?, end_reason = 'expired'"
					" WHERE case_id = ?",
					"ti", cert_col(ctx, c->case_id, "valid_until"), c->case_id),
			    err);
	if (strcmp(a, "transfer_notice") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_certificate SET end_reason = ? WHERE case_id = ?", "ti",
					fz_json_str(in, "reason"), c->case_id),
			    err);
	if (strcmp(a, "withdraw") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_certificate SET ended_on = ?, end_reason = ?, end_note = ?"
					" WHERE case_id = ?",
					"ttti", today, fz_json_str(in, "reason"), fz_json_str(in, "note"),
					c->case_id),
			    err);
	return FZ_OK;
}

enum fz_code fz_enf_cert_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.officer_id, o.name, b.name, o.post, o.status, c.cert_type, c.number, c.area,"
		" c.issued_on, c.valid_until, c.exam_score, c.exam_on, c.training_hours, c.ended_on,"
		" c.end_reason, c.end_note, c.last_review_on, o.education, o.employment, o.body_id"
		" FROM enf_certificate c JOIN enf_officer o ON o.officer_id = c.officer_id"
		" JOIN enf_body b ON b.body_id = o.body_id WHERE c.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		json_object_set_new(obj, "officer_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(obj, "officer_name", fz_col_text(st, 1));
		json_object_set_new(obj, "body_id", json_integer(fz_col_int(st, 19)));
		fz_json_set_str(obj, "body_name", fz_col_text(st, 2));
		fz_json_set_str(obj, "post_label", fz_enf_label(fz_enf_posts, fz_col_text(st, 3)));
		fz_json_set_str(obj, "officer_status", fz_col_text(st, 4));
		fz_json_set_str(obj, "officer_status_label",
				fz_enf_label(fz_enf_officer_status, fz_col_text(st, 4)));
		fz_json_set_str(obj, "cert_type", fz_col_text(st, 5));
		fz_json_set_str(obj, "cert_type_label", fz_enf_label(fz_enf_cert_types, fz_col_text(st, 5)));
		static const char *const names[] = {"number", "area", "issued_on", "valid_until"};
		for (int i = 0; i < 4; i++)
			fz_json_set_str(obj, names[i], fz_col_text(st, 6 + i));
		json_object_set_new(obj, "exam_score", fz_col_null(st, 10) ? json_null()
									  : json_integer(fz_col_int(st, 10)));
		fz_json_set_str(obj, "exam_on", fz_col_text(st, 11));
		json_object_set_new(obj, "training_hours", fz_col_null(st, 12) ? json_null()
									       : json_integer(fz_col_int(st, 12)));
		fz_json_set_str(obj, "ended_on", fz_col_text(st, 13));
		fz_json_set_str(obj, "end_reason", fz_col_text(st, 14));
		fz_json_set_str(obj, "end_reason_label",
				fz_col_text(st, 14) && strcmp(fz_col_text(st, 14), "expired") == 0
					? "有效期届满"
					: fz_enf_label(fz_enf_end_reasons, fz_col_text(st, 14)));
		fz_json_set_str(obj, "end_note", fz_col_text(st, 15));
		fz_json_set_str(obj, "last_review_on", fz_col_text(st, 16));
		fz_json_set_str(obj, "education_label", fz_enf_label(fz_enf_education, fz_col_text(st, 17)));
		fz_json_set_str(obj, "employment_label",
				fz_enf_label(fz_enf_employment, fz_col_text(st, 18)));
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "pass_mark",
			    json_integer(fz_setting_int(ctx->db, "enforcement.exam_pass_mark", 60)));
	return FZ_OK;
}

/* ---- the list of certificates (platform/lists.h) -------------------------------- */

static json_t *cert_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	const struct fz_state *stt = fz_flow_state(&fz_enf_cert_type, fz_col_text(st, 8));
	json_t *o = json_pack(
		"{s:I, s:s, s:s?, s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:s?, s:s?, s:s?, s:I, s:s, s:s}",
		"case_id", (json_int_t)fz_col_int(st, 0), "case_number", fz_col_text(st, 1), "number",
		fz_col_text(st, 2), "officer_id", (json_int_t)fz_col_int(st, 3), "officer_name",
		fz_col_text(st, 4), "agency_id", (json_int_t)fz_col_int(st, 5), "agency_name",
		fz_col_text(st, 6), "body_name", fz_col_text(st, 7), "state", fz_col_text(st, 8),
		"state_label", stt ? stt->label : "", "area", fz_col_text(st, 9), "issued_on",
		fz_col_text(st, 10), "valid_until", fz_col_text(st, 11), "version",
		(json_int_t)fz_col_int(st, 12), "cert_type", fz_col_text(st, 14), "cert_type_label",
		fz_enf_label(fz_enf_cert_types, fz_col_text(st, 14)));
	json_object_set_new(o, "exam_score",
			    fz_col_null(st, 13) ? json_null() : json_integer(fz_col_int(st, 13)));
	fz_case_due_json(ctx, o, fz_col_text(st, 15), fz_col_text(st, 16));
	fz_json_set_str(o, "due_kind", fz_case_due_kind(ctx, &fz_enf_cert_type, fz_col_int(st, 0),
							  fz_col_text(st, 15)));
	return o;
}

/* Valid certificates whose validity ends within the warning window (a setting). */
static enum fz_code expiring(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	(void)err;
	if (strcmp(v, "1") != 0)
		return FZ_OK;
	long days = fz_setting_int(run->ctx->db, "enforcement.cert_expiry_warning_days", 90);
	char *soon = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(run->ctx->today + (int)days, soon);
	fz_list_where(run, "r.state IN ('valid', 'suspended') AND c.valid_until <= ?");
	fz_list_bind_text(run, soon);
	return FZ_OK;
}

static const char *const cert_like[] = {"o.name", "c.number", "r.number", NULL};

static const struct fz_list_filter cert_filters[] = {
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "r.agency_id = ?"},
	{.param = "body_id", .label = "执法主体编号", .kind = FZ_LF_ID, .sql = "o.body_id = ?"},
	{.param = "officer_id", .label = "执法人员编号", .kind = FZ_LF_ID, .sql = "c.officer_id = ?"},
	{.param = "state", .label = "证件状态", .kind = FZ_LF_STATE, .sql = "r.state = ?",
	 .type = &fz_enf_cert_type},
	{.param = "expiring", .label = "即将到期", .kind = FZ_LF_CUSTOM, .custom = expiring},
	/* Valid today: the records behind the figure enforcement.officers.certified (enf_report.c). */
	{.param = "valid_now", .label = "现有效", .kind = FZ_LF_CUSTOM, .custom = fz_enf_valid_now_filter},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = cert_like},
	{.param = NULL},
};

static const struct fz_list_sort cert_sorts[] = {
	{.name = "created_at", .expr = "r.case_id"},
	{.name = "valid_until", .expr = "c.valid_until", .nulls_last = true},
	{.name = "name", .expr = "o.name", .one_way = true},
	{.name = NULL},
};

static const struct fz_list_col cert_cols[] = {
	{.key = "number", .header = "证件编号", .width = 18},
	{.key = "officer_name", .header = "持证人", .width = 12},
	{.key = "body_name", .header = "执法主体", .width = 26},
	{.key = "agency_name", .header = "所属单位", .width = 24},
	{.key = "cert_type_label", .header = "证件类型"},
	{.key = "area", .header = "执法区域", .width = 16},
	{.key = "state_label", .header = "状态", .width = 10},
	{.key = "issued_on", .header = "发证日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "valid_until", .header = "有效期至", .kind = FZ_LC_DATE, .width = 12},
	{.key = "exam_score", .header = "考试成绩", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "case_number", .header = "申领案号", .width = 22},
	{.key = NULL},
};

const struct fz_list fz_enf_certs_list = {
	.name = "执法证件",
	.select = "r.case_id, r.number, c.number, c.officer_id, o.name, r.agency_id, a.name,"
		  " bd.name, r.state, c.area, c.issued_on, c.valid_until, r.version, c.exam_score,"
		  " c.cert_type, r.due_date, r.due_unit",
	.from = "enf_certificate c JOIN case_record r ON r.case_id = c.case_id"
		" JOIN enf_officer o ON o.officer_id = c.officer_id"
		" JOIN enf_body bd ON bd.body_id = o.body_id JOIN agency a ON a.agency_id = r.agency_id",
	.scope = "r.agency_id",
	.filters = cert_filters,
	.sorts = cert_sorts,
	.sort_default = "-created_at",
	.tiebreak = "r.case_id",
	.row = cert_row,
	.columns = cert_cols,
};

enum fz_code fz_enf_withdrawal_tasks(struct fz_ctx *ctx, int64_t officer_id, const char *reason,
				     int *raised, struct fz_err *err)
{
	*raised = 0;
	int64_t ids[16];
	size_t n = 0;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.case_id FROM enf_certificate c JOIN case_record r ON r.case_id = c.case_id"
		" WHERE c.officer_id = ? AND r.state IN ('valid', 'suspended') ORDER BY r.case_id",
		"i", officer_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st) && n < 16)
		ids[n++] = fz_col_int(st, 0);
	fz_stmt_done(st);
	for (size_t i = 0; i < n; i++) {
		struct fz_case_row c;
		enum fz_code rc = fz_case_load(ctx, ids[i], true, &c, err);
		if (rc)
			return rc;
		json_t *body = json_pack("{s:I, s:s}", "version", (json_int_t)c.version, "reason", reason);
		rc = fz_case_act(ctx, ids[i], "transfer_notice", body, err);
		json_decref(body);
		if (rc)
			return rc;
		(*raised)++;
	}
	return FZ_OK;
}

/* ---- batches -------------------------------------------------------------------- */

/*
 * What one row of a batch did, read inside the batch's transaction after its
 * action: the case's new state and version, and what the action wrote (the
 * exam result, or the certificate's number and validity), so the page shows
 * each result without reading the cases back.
 */
static json_t *batch_done_row(struct fz_ctx *ctx, size_t row, int64_t case_id, bool exam)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT r.state, r.number, r.version, o.name, c.exam_score, c.exam_on, c.number,"
		" c.area, c.issued_on, c.valid_until FROM enf_certificate c"
		" JOIN case_record r ON r.case_id = c.case_id JOIN enf_officer o ON o.officer_id = c.officer_id"
		" WHERE c.case_id = ?",
		"i", case_id);
	json_t *o = json_pack("{s:i, s:I}", "row", (int)row, "case_id", (json_int_t)case_id);
	if (st && fz_stmt_row(st)) {
		const struct fz_state *s = fz_flow_state(&fz_enf_cert_type, fz_col_text(st, 0));
		fz_json_set_str(o, "state", fz_col_text(st, 0));
		fz_json_set_str(o, "state_label", s ? s->label : fz_col_text(st, 0));
		fz_json_set_str(o, "case_number", fz_col_text(st, 1));
		json_object_set_new(o, "version", json_integer(fz_col_int(st, 2)));
		fz_json_set_str(o, "officer_name", fz_col_text(st, 3));
		if (exam) {
			json_object_set_new(o, "score", json_integer(fz_col_int(st, 4)));
			fz_json_set_str(o, "exam_on", fz_col_text(st, 5));
			json_object_set_new(o, "passed", json_boolean(strcmp(fz_col_text(st, 0), "passed") == 0));
		} else {
			static const char *const names[] = {"number", "area", "issued_on", "valid_until"};
			for (int i = 0; i < 4; i++)
				fz_json_set_str(o, names[i], fz_col_text(st, 6 + i));
		}
	}
	fz_stmt_done(st);
	return o;
}

enum fz_code fz_enf_cert_batch(struct fz_ctx *ctx, const char *kind, json_t *in, json_t **out,
			       struct fz_err *err)
{
	json_t *items = json_object_get(in, "items");
	if (!json_is_array(items) || json_array_size(items) == 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "items", "请提供至少一条记录（items）");
	if (json_array_size(items) > 500)
		return fz_err_set(err, FZ_EBAD_VALUE, "items", "一次最多处理 500 条记录");
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v)
	{
		if (strcmp(key, "items") != 0)
			return fz_err_set(err, FZ_EUNKNOWN_FIELD, key, "不认识的字段“%s”", key);
	}
	bool exam = strcmp(kind, "exam") == 0;
	long mark = fz_setting_int(ctx->db, "enforcement.exam_pass_mark", 60);
	json_t *rows = json_array(), *done_rows = json_array();
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc) {
		json_decref(rows);
		json_decref(done_rows);
		return rc;
	}
	size_t i;
	json_t *it;
	json_array_foreach(items, i, it)
	{
		struct fz_err e;
		fz_err_clear(&e);
		int64_t id = json_integer_value(json_object_get(it, "case_id"));
		json_t *body = json_is_object(it) ? json_deep_copy(it) : NULL;
		struct fz_case_row c;
		const char *action = "issue";
		if (!body || !json_is_integer(json_object_get(it, "case_id"))) {
			fz_err_set(&e, FZ_EMISSING_FIELD, "case_id", "缺少证件申请编号（case_id）");
		} else if (fz_case_load(ctx, id, false, &c, &e) == FZ_OK) {
			if (strcmp(c.type->name, "enf_certificate") != 0) {
				fz_err_set(&e, FZ_ENOT_FOUND, "case_id", "证件申请不存在");
			} else {
				if (exam)
					action = json_is_integer(json_object_get(it, "score")) &&
							 json_integer_value(json_object_get(it, "score")) >= mark
						 ? "exam_pass"
						 : "exam_fail";
				if (!exam && strcmp(c.state, "failed") == 0) {
					fz_err_set(&e, FZ_ESTATE, "case_id",
						   "%s考试不合格，不能发证", c.title);
				} else if (!exam && strcmp(c.state, "passed") != 0) {
					const struct fz_state *s = fz_flow_state(c.type, c.state);
					fz_err_set(&e, FZ_ESTATE, "case_id", "%s当前为“%s”，只有考试合格的才能发证",
						   c.title, s ? s->label : c.state);
				} else {
					json_object_del(body, "case_id");
					json_object_set_new(body, "version", json_integer(c.version));
					fz_case_act(ctx, id, action, body, &e);
				}
			}
		}
		json_decref(body);
		/* A row's own case is what a field-less or case-level error is about. */
		if (e.code && (!e.field[0] || strcmp(e.field, "id") == 0))
			snprintf(e.field, sizeof e.field, "%s", "case_id");
		if (e.code) {
			json_array_append_new(rows, json_pack("{s:i, s:I, s:s, s:s?, s:s}", "row", (int)i + 1,
							      "case_id", (json_int_t)id, "code",
							      fz_code_name(e.code), "field",
							      e.field[0] ? e.field : NULL, "message", e.message));
		} else {
			json_array_append_new(done_rows, batch_done_row(ctx, i + 1, id, exam));
		}
	}
	if (json_array_size(rows)) {
		fz_db_rollback(ctx->db);
		json_decref(done_rows);
		json_t *first = json_array_get(rows, 0);
		fz_err_set(err, FZ_EBAD_VALUE, "items", "共 %zu 条有误，全部未处理。第 %lld 条：%s",
			   json_array_size(rows), (long long)json_integer_value(json_object_get(first, "row")),
			   fz_json_str(first, "message"));
		*out = json_pack("{s:o, s:i}", "rows", rows, "done", 0);
		return FZ_EBAD_VALUE;
	}
	json_decref(rows);
	if ((rc = fz_db_commit(ctx->db, err))) {
		fz_db_rollback(ctx->db);
		json_decref(done_rows);
		return rc;
	}
	int done = (int)json_array_size(done_rows);
	*out = json_pack("{s:o, s:i}", "rows", done_rows, "done", done);
	if (exam)
		json_object_set_new(*out, "pass_mark", json_integer(mark));
	return FZ_OK;
}

/* ---- the public lookup (亮证执法) ------------------------------------------------- */

/* A stored date as the public reads it (2029年9月1日), in ctx's arena; "" for none. */
static const char *cn_date(struct fz_ctx *ctx, const char *iso)
{
	int day;
	char buf[32];
	if (!iso || fz_date_parse(iso, &day) != FZ_OK)
		return iso ? iso : "";
	fz_date_chinese(day, buf);
	return fz_arena_strdup(ctx->arena, buf);
}

enum fz_code fz_enf_cert_lookup(struct fz_ctx *ctx, const char *number, json_t **out,
				struct fz_err *err)
{
	char norm[32];
	size_t k = 0;
	for (const char *p = number; p && *p; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		if (k + 1 >= sizeof norm)
			return fz_err_set(err, FZ_ENOT_FOUND, "number", "没有找到该编号的执法证件，请核对证件编号");
		norm[k++] = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	}
	norm[k] = '\0';
	if (!k || !number_ok(norm))
		return fz_err_set(err, FZ_ENOT_FOUND, "number", "没有找到该编号的执法证件，请核对证件编号");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.number, r.state, o.name, b.name, a.name, c.area, c.cert_type, c.issued_on,"
		" c.valid_until, c.end_reason, c.ended_on, o.status, c.photo_id FROM enf_certificate c"
		" JOIN case_record r ON r.case_id = c.case_id JOIN enf_officer o ON o.officer_id = c.officer_id"
		" JOIN enf_body b ON b.body_id = o.body_id JOIN agency a ON a.agency_id = r.agency_id"
		" WHERE c.number = ?",
		"t", norm);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "number", "没有找到该编号的执法证件，请核对证件编号");
	}
	char today[11];
	fz_date_format(ctx->today, today);
	const char *state = fz_col_text(st, 1), *vu = fz_col_text(st, 8),
		   *why = fz_col_text(st, 9), *ended = fz_col_text(st, 10), *ostatus = fz_col_text(st, 11);
	const char *status = "valid", *label = "有效";
	char *reason = fz_arena_printf(ctx->arena, "证件在有效期内（至%s）", cn_date(ctx, vu));
	if (strcmp(state, "withdrawn") == 0) {
		status = "withdrawn";
		label = "已注销";
		reason = fz_arena_printf(ctx->arena, "证件已于%s收回注销（%s），持证人不得从事执法活动",
					 cn_date(ctx, ended), fz_enf_label(fz_enf_end_reasons, why));
	} else if (strcmp(state, "expired") == 0 || (vu && strcmp(vu, today) < 0)) {
		status = "expired";
		label = "已过期";
		reason = fz_arena_printf(ctx->arena, "证件有效期至%s，已过期失效", cn_date(ctx, vu));
	} else if (strcmp(state, "suspended") == 0) {
		status = "suspended";
		label = "暂扣";
		reason = fz_arena_printf(ctx->arena, "证件已被发证机关暂扣，暂扣期间不得从事执法活动");
	} else if (strcmp(state, "to_withdraw") == 0 || strcmp(ostatus, "on_duty") != 0) {
		status = "invalid";
		label = "已失效";
		reason = fz_arena_printf(ctx->arena, "持证人已%s，证件失效，正在收回",
					 fz_enf_label(fz_enf_officer_status, ostatus));
	} else if (strcmp(state, "valid") != 0) {
		status = "invalid";
		label = "无效";
		reason = fz_arena_printf(ctx->arena, "证件尚未生效");
	}
	/*
	 * The photo is shown only while the certificate is in force: it lets a
	 * citizen match the person before them to the card, which matters only
	 * for a valid one, and a former officer's face is not the public's.
	 */
	bool valid = strcmp(status, "valid") == 0;
	const char *photo = valid && !fz_col_null(st, 12)
				    ? fz_arena_printf(ctx->arena, "/api/public/certificates/%s/photo",
						      fz_col_text(st, 0))
				    : NULL;
	*out = json_pack("{s:s, s:b, s:s, s:s, s:s, s:s, s:s?, s:s, s:s, s:s?, s:s, s:s?, s:s?}",
			 "number", fz_col_text(st, 0), "valid", valid, "status",
			 status, "status_label", label, "reason", reason, "name", fz_col_text(st, 2),
			 "photo", photo, "body_name", fz_col_text(st, 3), "agency_name", fz_col_text(st, 4),
			 "area", fz_col_text(st, 5), "cert_type_label",
			 fz_enf_label(fz_enf_cert_types, fz_col_text(st, 6)), "issued_on", fz_col_text(st, 7),
			 "valid_until", vu);
	fz_stmt_done(st);
	return FZ_OK;
}

/* ---- the card (执法证件卡) and its photo ------------------------------------------ */

enum fz_code fz_enf_cert_card(struct fz_ctx *ctx, int64_t case_id, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT number, photo_id FROM enf_certificate WHERE case_id = ?", "i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "执法证件不存在");
	}
	const char *number = fz_col_null(st, 0) ? NULL : fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
	int64_t photo = fz_col_null(st, 1) ? 0 : fz_col_int(st, 1);
	fz_stmt_done(st);
	/*
	 * The QR code leads to the county's public address (setting
	 * county.public_url), never to the address the clerk's browser used
	 * (often an intranet one). Unset: the card says so (url null).
	 */
	const char *base = fz_setting_text(ctx, "county.public_url");
	const char *url = *base && number
				  ? fz_arena_printf(ctx->arena, "%s/certificates/%s", base, number)
				  : NULL;
	*out = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?}", "case_id", (json_int_t)case_id, "number",
			 number, "public_url", *base ? base : NULL, "url", url, "photo_url",
			 photo ? fz_arena_printf(ctx->arena, "/api/attachments/%lld", (long long)photo)
			       : NULL);
	return *out ? FZ_OK : fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
}

enum fz_code fz_enf_cert_photo(struct fz_ctx *ctx, int64_t case_id, const void *data, size_t len,
			       json_t **out, struct fz_err *err)
{
	static const unsigned char jpeg[] = {0xFF, 0xD8, 0xFF};
	static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	if (!data || !len)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "请选择持证人照片（JPEG 或 PNG 图片）");
	if (len > FZ_ENF_PHOTO_MAX)
		return fz_err_set(err, FZ_ETOO_LARGE, "file", "持证人照片不能超过 2 MB（此文件 %.1f MB）",
				  (double)len / (1024.0 * 1024.0));
	/* By the file's first bytes, whatever its name says: a renamed PDF is not a photo. */
	const char *name = NULL;
	if (len >= sizeof jpeg && memcmp(data, jpeg, sizeof jpeg) == 0)
		name = "持证人照片.jpg";
	else if (len >= sizeof png && memcmp(data, png, sizeof png) == 0)
		name = "持证人照片.png";
	if (!name)
		return fz_err_set(err, FZ_EMEDIA_TYPE, "file",
				  "持证人照片只接受 JPEG 或 PNG 图片（按文件内容判断，改扩展名无效）");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.agency_id FROM case_record r JOIN enf_certificate c ON c.case_id = r.case_id"
		" WHERE r.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	int64_t agency = 0;
	bool found = fz_stmt_row(st);
	if (found)
		agency = fz_col_int(st, 0);
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "执法证件不存在");
	enum fz_code rc = fz_enf_need_edit(ctx, agency, err);
	if (rc)
		return rc;
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	json_t *att = NULL;
	if ((rc = fz_attachment_add(ctx, case_id, name, data, len, &att, err)))
		goto fail;
	st = fz_db_query(ctx->db, err, "UPDATE enf_certificate SET photo_id = ? WHERE case_id = ?", "ii",
			 (int64_t)json_integer_value(json_object_get(att, "attachment_id")), case_id);
	json_decref(att);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	if ((rc = fz_stmt_exec(st, err)) || (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_cert_card(ctx, case_id, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_enf_cert_public_photo(struct fz_ctx *ctx, const char *number,
				      struct fz_attachment *out, struct fz_err *err)
{
	json_t *card = NULL;
	enum fz_code rc = fz_enf_cert_lookup(ctx, number, &card, err);
	if (rc)
		return rc;
	bool shown = json_is_string(json_object_get(card, "photo"));
	char *no = fz_arena_strdup(ctx->arena, fz_json_str(card, "number"));
	json_decref(card);
	if (!shown)
		return fz_err_set(err, FZ_ENOT_FOUND, "number", "该证件没有可公开的持证人照片");
	struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT photo_id FROM enf_certificate WHERE number = ?",
					 "t", no);
	if (!st)
		return err->code;
	int64_t id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!id)
		return fz_err_set(err, FZ_ENOT_FOUND, "number", "该证件没有可公开的持证人照片");
	return fz_attachment_get_public(ctx, id, out, err);
}
