/*
 * enf_api.c - routes of the enforcement registries: bodies, power lists
 * (with Excel import and export), officers and training, certificate
 * applications and batches, statistics, and the public portal's lookups.
 * The certificate procedure itself runs through the generic case routes.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "http/multipart.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

typedef enum fz_code (*json_fn)(struct fz_ctx *, json_t *, json_t **, struct fz_err *);
typedef enum fz_code (*id_json_fn)(struct fz_ctx *, int64_t, json_t *, json_t **, struct fz_err *);
typedef enum fz_code (*list_fn)(struct fz_ctx *, struct fz_req *, json_t **, struct fz_err *);
typedef enum fz_code (*scoped_list_fn)(struct fz_ctx *, struct fz_req *, bool, json_t **,
				       struct fz_err *);
typedef enum fz_code (*scoped_get_fn)(struct fz_ctx *, int64_t, bool, json_t **, struct fz_err *);

static void reply(struct fz_resp *resp, enum fz_code rc, const struct fz_err *err, json_t *out,
		  int status)
{
	if (rc) {
		json_decref(out);
		fz_resp_error(resp, err);
	} else {
		fz_resp_json(resp, status, out);
	}
}

/*
 * Like reply(), but a refusal that comes with a row-level report (out) is
 * answered with the report and the error in it together; out is taken.
 */
static void reply_report(struct fz_resp *resp, enum fz_code rc, const struct fz_err *err,
			 json_t *out)
{
	if (rc && out) {
		json_object_set_new(out, "error",
				    json_pack("{s:s, s:s, s:s?}", "code", fz_code_name(err->code),
					      "message", err->message, "field",
					      err->field[0] ? err->field : NULL));
		fz_resp_json(resp, fz_code_status(err->code), out);
		return;
	}
	reply(resp, rc, err, out, 200);
}

/* GET of a list read from the query string (paging, sorting, filters). */
static void list_json(struct fz_req *req, struct fz_resp *resp, list_fn fn)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fn(req->ctx, req, &out, &err);
	reply(resp, rc, &err, out, 200);
}

/* GET of a list the public portal also reads, public_only limiting it to what is published. */
static void scoped_list(struct fz_req *req, struct fz_resp *resp, scoped_list_fn fn,
			bool public_only)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fn(req->ctx, req, public_only, &out, &err);
	reply(resp, rc, &err, out, 200);
}

/* GET of the record named by the path's {id}; missing is the message when there is none. */
static void scoped_get(struct fz_req *req, struct fz_resp *resp, scoped_get_fn fn,
		       bool public_only, const char *missing)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	int64_t id;
	enum fz_code rc = fz_req_id(req, 0, &id) ? fn(req->ctx, id, public_only, &out, &err)
						 : fz_err_set(&err, FZ_ENOT_FOUND, "id", "%s", missing);
	reply(resp, rc, &err, out, 200);
}

static void post_json(struct fz_req *req, struct fz_resp *resp, json_fn fn)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL, *out = NULL;
	enum fz_code rc = fz_req_json(req, &b, &err);
	if (!rc)
		rc = fn(req->ctx, b, &out, &err);
	json_decref(b);
	reply(resp, rc, &err, out, 201);
}

static void id_json(struct fz_req *req, struct fz_resp *resp, id_json_fn fn, int status)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL, *out = NULL;
	int64_t id;
	enum fz_code rc;
	if (!fz_req_id(req, 0, &id))
		rc = fz_err_set(&err, FZ_ENOT_FOUND, "id", "记录不存在");
	else if (!(rc = fz_req_json(req, &b, &err)))
		rc = fn(req->ctx, id, b, &out, &err);
	json_decref(b);
	reply(resp, rc, &err, out, status);
}

/* ---- reference lists ------------------------------------------------------------- */

static json_t *opts(const struct fz_option *o)
{
	json_t *a = json_array();
	for (; o->value; o++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "value", o->value, "label", o->label));
	return a;
}

static void meta(struct fz_req *req, struct fz_resp *resp)
{
	(void)req;
	fz_resp_json(resp, 200,
		     json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "body_kinds",
			       opts(fz_enf_body_kinds), "body_levels", opts(fz_enf_body_levels),
			       "body_status", opts(fz_enf_body_status), "categories",
			       opts(fz_enf_categories), "officer_status", opts(fz_enf_officer_status),
			       "posts", opts(fz_enf_posts), "education", opts(fz_enf_education),
			       "employment", opts(fz_enf_employment), "end_reasons",
			       opts(fz_enf_end_reasons), "change_types", opts(fz_enf_change_types)));
}

/*
 * The staff forms' reference data: the local rules in force (each setting's
 * value with its label, default, bounds and note, as settings.c declares it)
 * and every option list the server validates against, so no page keeps a copy.
 */
static const struct {
	const char *name, *unit;
} enf_settings[] = {
	{"exam_pass_mark", "分"},       {"training_hours", "学时"},
	{"cert_valid_years", "年"},     {"cert_expiry_warning_days", "日"},
	{"cert_withdraw_days", "工作日"}, {"body_review_days", "工作日"},
};

static json_t *states(const struct fz_case_type *t)
{
	json_t *a = json_array();
	for (const struct fz_state *s = t->states; s->name; s++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:b}", "value", s->name, "label", s->label,
						   "final", s->final));
	return a;
}

static void staff_meta(struct fz_req *req, struct fz_resp *resp)
{
	json_t *settings = json_object();
	for (size_t i = 0; i < sizeof enf_settings / sizeof enf_settings[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "enforcement.%s", enf_settings[i].name);
		const struct fz_setting_def *d = fz_setting_defs;
		while (d->key && strcmp(d->key, key) != 0)
			d++;
		assert(d->key); /* every name above is declared in settings.c */
		json_object_set_new(
			settings, enf_settings[i].name,
			json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:s, s:s?}", "key", d->key, "label", d->label,
				  "value", (json_int_t)fz_setting_int(req->ctx->db, d->key, d->def), "default",
				  (json_int_t)d->def, "min", (json_int_t)d->min, "max", (json_int_t)d->max,
				  "unit", enf_settings[i].unit, "note", d->note));
	}
	json_t *out = json_pack(
		"{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "settings", settings,
		"body_kinds", opts(fz_enf_body_kinds), "body_levels", opts(fz_enf_body_levels),
		"body_status", opts(fz_enf_body_status), "categories", opts(fz_enf_categories),
		"officer_status", opts(fz_enf_officer_status), "posts", opts(fz_enf_posts), "education",
		opts(fz_enf_education), "employment", opts(fz_enf_employment), "end_reasons",
		opts(fz_enf_end_reasons), "change_types", opts(fz_enf_change_types));
	json_object_set_new(out, "genders", opts(fz_enf_genders));
	json_object_set_new(out, "cert_types", opts(fz_enf_cert_types));
	json_object_set_new(out, "cert_states", states(&fz_enf_cert_type));
	json_object_set_new(out, "body_review_states", states(&fz_enf_body_type));
	fz_resp_json(resp, 200, out);
}

/* ---- bodies ----------------------------------------------------------------------- */

static void bodies_list(struct fz_req *req, struct fz_resp *resp)
{
	scoped_list(req, resp, fz_enf_bodies_list, false);
}

static void public_bodies(struct fz_req *req, struct fz_resp *resp)
{
	scoped_list(req, resp, fz_enf_bodies_list, true);
}

static void body_get(struct fz_req *req, struct fz_resp *resp)
{
	scoped_get(req, resp, fz_enf_body_json, false, "执法主体不存在");
}

static void public_body(struct fz_req *req, struct fz_resp *resp)
{
	scoped_get(req, resp, fz_enf_body_json, true, "执法主体不存在");
}

static void body_post(struct fz_req *req, struct fz_resp *resp)
{
	post_json(req, resp, fz_enf_body_create);
}

static void body_patch(struct fz_req *req, struct fz_resp *resp)
{
	id_json(req, resp, fz_enf_body_update, 200);
}

static void body_change(struct fz_req *req, struct fz_resp *resp)
{
	id_json(req, resp, fz_enf_body_change, 201);
}

static void public_body_officers(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	int64_t id;
	enum fz_code rc = fz_req_id(req, 0, &id)
				  ? fz_enf_public_officers(req->ctx, id, req, &out, &err)
				  : fz_err_set(&err, FZ_ENOT_FOUND, "id", "执法主体不存在");
	reply(resp, rc, &err, out, 200);
}

/* ---- power lists ----------------------------------------------------------------- */

static void powers_list(struct fz_req *req, struct fz_resp *resp)
{
	scoped_list(req, resp, fz_enf_powers_list, false);
}

static void public_powers(struct fz_req *req, struct fz_resp *resp)
{
	scoped_list(req, resp, fz_enf_powers_list, true);
}

static void power_get(struct fz_req *req, struct fz_resp *resp)
{
	scoped_get(req, resp, fz_enf_power_json, false, "权责事项不存在");
}

static void public_power(struct fz_req *req, struct fz_resp *resp)
{
	scoped_get(req, resp, fz_enf_power_json, true, "权责事项不存在");
}

static void power_post(struct fz_req *req, struct fz_resp *resp)
{
	post_json(req, resp, fz_enf_power_create);
}

static void power_patch(struct fz_req *req, struct fz_resp *resp)
{
	id_json(req, resp, fz_enf_power_update, 200);
}

static bool query_id(struct fz_req *req, const char *key, int64_t *out, struct fz_err *err)
{
	const char *s = fz_req_query(req, key);
	*out = 0;
	if (s && !fz_parse_int(s, 0, INT64_MAX, out)) {
		fz_err_set(err, FZ_EBAD_VALUE, key, "%s（%s）应为整数编号",
			   strcmp(key, "body_id") == 0 ? "执法主体编号" : "单位编号", key);
		return false;
	}
	return true;
}

static void counts_as(struct fz_req *req, struct fz_resp *resp, bool public_only)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	int64_t agency, body;
	enum fz_code rc = query_id(req, "agency_id", &agency, &err) &&
					  query_id(req, "body_id", &body, &err)
				  ? fz_enf_power_counts(req->ctx, agency, body, public_only, &out, &err)
				  : err.code;
	reply(resp, rc, &err, out, 200);
}

static void power_counts(struct fz_req *req, struct fz_resp *resp)
{
	counts_as(req, resp, false);
}

static void public_counts(struct fz_req *req, struct fz_resp *resp)
{
	counts_as(req, resp, true);
}

static void powers_xlsx(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t body, agency;
	char *data = NULL;
	size_t len = 0;
	if (!query_id(req, "body_id", &body, &err) || !query_id(req, "agency_id", &agency, &err) ||
	    fz_enf_powers_xlsx(req->ctx, body, agency, &data, &len, &err)) {
		fz_resp_error(resp, &err);
		return;
	}
	fz_resp_file(req, resp, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		     len, "权责清单.xlsx");
}

static bool flag(struct fz_req *req, const char *key)
{
	const char *s = fz_req_query(req, key);
	return s && (strcmp(s, "1") == 0 || strcmp(s, "true") == 0);
}

/*
 * POST /api/enforcement/powers/import?body_id=&commit=1&valid_only=1&reason=
 * The workbook as multipart/form-data (field "file") or as the raw body.
 */
static void powers_import(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t body;
	json_t *out = NULL;
	const char *data = req->body;
	size_t len = req->body_len;
	const char *reason = fz_req_query(req, "reason");
	if (!query_id(req, "body_id", &body, &err))
		goto fail;
	if (!body) {
		fz_err_set(&err, FZ_EMISSING_FIELD, "body_id", "请选择导入到哪个执法主体（body_id）");
		goto fail;
	}
	if (reason && (!fz_utf8_valid(reason, strlen(reason)) || fz_utf8_chars(reason) > 200 ||
		       fz_text_has_controls(reason, false))) {
		fz_err_set(&err, FZ_EBAD_VALUE, "reason", "导入理由不能超过 200 个字");
		goto fail;
	}
	if (!reason || fz_text_blank(reason))
		reason = "权责清单批量导入";
	if (req->content_type && strncmp(req->content_type, "multipart/form-data", 19) == 0) {
		struct fz_part part;
		if (!fz_multipart_find(req->content_type, req->body, req->body_len, "file", &part)) {
			fz_err_set(&err, FZ_EBAD_REQUEST, "file", "请以 multipart/form-data 上传字段 file（.xlsx 文件）");
			goto fail;
		}
		data = part.data;
		len = part.len;
	}
	if (!len) {
		fz_err_set(&err, FZ_EMISSING_FIELD, "file", "请上传 .xlsx 文件");
		goto fail;
	}
	enum fz_code rc = fz_enf_powers_import(req->ctx, body, data, len, flag(req, "commit"),
					       flag(req, "valid_only"), reason, &out, &err);
	reply_report(resp, rc, &err, out); /* refused as a whole: the report says which rows */
	return;
fail:
	fz_resp_error(resp, &err);
}

/* ---- officers -------------------------------------------------------------------- */

static void officers_list(struct fz_req *req, struct fz_resp *resp)
{
	list_json(req, resp, fz_enf_officers_list);
}

static void officer_get(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	int64_t id;
	enum fz_code rc = fz_req_id(req, 0, &id) ? fz_enf_officer_json(req->ctx, id, &out, &err)
						 : fz_err_set(&err, FZ_ENOT_FOUND, "id", "执法人员不存在");
	reply(resp, rc, &err, out, 200);
}

static void officer_post(struct fz_req *req, struct fz_resp *resp)
{
	post_json(req, resp, fz_enf_officer_create);
}

static void officer_patch(struct fz_req *req, struct fz_resp *resp)
{
	id_json(req, resp, fz_enf_officer_update, 200);
}

static void training_post(struct fz_req *req, struct fz_resp *resp)
{
	id_json(req, resp, fz_enf_training_add, 201);
}

/* ---- certificates ----------------------------------------------------------------- */

static void certs_list(struct fz_req *req, struct fz_resp *resp)
{
	list_json(req, resp, fz_enf_certs_list);
}

static void cert_post(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL, *out = NULL;
	struct fz_case_row c;
	enum fz_code rc = fz_req_json(req, &b, &err);
	if (!rc)
		rc = fz_enf_cert_apply_new(req->ctx, b, &c, &err);
	json_decref(b);
	if (!rc)
		rc = fz_case_detail(req->ctx, c.case_id, &out, &err);
	reply(resp, rc, &err, out, 201);
}

static void batch(struct fz_req *req, struct fz_resp *resp, const char *kind)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL, *out = NULL;
	enum fz_code rc = fz_req_json(req, &b, &err);
	if (!rc)
		rc = fz_enf_cert_batch(req->ctx, kind, b, &out, &err);
	json_decref(b);
	reply_report(resp, rc, &err, out);
}

static void batch_exam(struct fz_req *req, struct fz_resp *resp)
{
	batch(req, resp, "exam");
}

static void batch_issue(struct fz_req *req, struct fz_resp *resp)
{
	batch(req, resp, "issue");
}

static void lookup(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fz_enf_cert_lookup(req->ctx, req->params[0], &out, &err);
	fz_resp_header(resp, "Cache-Control", "no-store");
	reply(resp, rc, &err, out, 200);
}

/* ---- statistics ------------------------------------------------------------------- */

static bool year_agency(struct fz_req *req, int64_t *year, int64_t *agency, struct fz_err *err)
{
	int y, m, d;
	fz_date_to_ymd(req->ctx->today, &y, &m, &d);
	*year = y;
	const char *s;
	if ((s = fz_req_query(req, "year")) && !fz_parse_int(s, 2000, 2100, year)) {
		fz_err_set(err, FZ_EBAD_VALUE, "year", "年份应为 2000 至 2100 的整数");
		return false;
	}
	return query_id(req, "agency_id", agency, err);
}

static void stats(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t year, agency;
	json_t *out = NULL;
	enum fz_code rc = year_agency(req, &year, &agency, &err)
				  ? fz_enf_report_json(req->ctx, (int)year, agency, &out, &err)
				  : err.code;
	reply(resp, rc, &err, out, 200);
}

static void stats_xlsx(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t year, agency;
	char *data = NULL;
	size_t len = 0;
	if (!year_agency(req, &year, &agency, &err) ||
	    fz_enf_report_xlsx(req->ctx, (int)year, agency, &data, &len, &err)) {
		fz_resp_error(resp, &err);
		return;
	}
	fz_resp_file(req, resp, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		     len, fz_arena_printf(req->ctx->arena, "%lld年行政执法主体和执法人员统计.xlsx", (long long)year));
}

#define T "行政执法"

const struct fz_route fz_enf_routes[] = {
	{"GET", "/api/public/enforcement/meta", meta, FZ_R_PUBLIC, "执法主体、权责清单和执法人员的参考代码表", T, NULL},
	{"GET", "/api/public/enforcement/bodies", public_bodies, FZ_R_PUBLIC, "已公告的执法主体（分页、筛选、搜索）", T, NULL},
	{"GET", "/api/public/enforcement/bodies/{id}", public_body, FZ_R_PUBLIC, "已公告的执法主体详情", T, "enf_body"},
	{"GET", "/api/public/enforcement/bodies/{id}/officers", public_body_officers, FZ_R_PUBLIC,
	 "执法人员公示：执法主体的持证执法人员", T, "enf_body"},
	{"GET", "/api/public/enforcement/powers", public_powers, FZ_R_PUBLIC,
	 "公开的权责清单：按单位、执法主体、类别筛选和全文搜索", T, NULL},
	{"GET", "/api/public/enforcement/powers/counts", public_counts, FZ_R_PUBLIC, "已公告执法主体的权责事项数（按类别）", T, NULL},
	{"GET", "/api/public/enforcement/powers/{id}", public_power, FZ_R_PUBLIC, "公开的权责事项详情", T, "enf_power"},
	{"GET", "/api/public/certificates/{number}", lookup, FZ_R_PUBLIC | FZ_R_RATELIMIT,
	 "执法证件查询（亮证执法）：凭证件编号查询证件是否有效", T, NULL},
	{"GET", "/api/enforcement/meta", staff_meta, 0,
	 "行政执法的地方规定（考试合格线、学时目标、证件有效期等）及表单所用的全部代码表", T, NULL},
	{"GET", "/api/enforcement/bodies", bodies_list, 0, "执法主体列表（分页、排序、筛选、搜索）", T, NULL},
	{"POST", "/api/enforcement/bodies", body_post, 0, "登记执法主体并报送资格审核", T, NULL},
	{"GET", "/api/enforcement/bodies/{id}", body_get, 0, "执法主体详情及变更历史", T, "enf_body"},
	{"PATCH", "/api/enforcement/bodies/{id}", body_patch, 0, "修改执法主体的依据、上级或层级", T, "enf_body"},
	{"POST", "/api/enforcement/bodies/{id}/changes", body_change, 0,
	 "登记机构改革引起的更名、合并、分设或撤销", T, "enf_body"},
	{"GET", "/api/enforcement/powers", powers_list, 0, "权责事项列表（分页、排序、筛选、全文搜索）", T, NULL},
	{"POST", "/api/enforcement/powers", power_post, 0, "新增权责事项", T, NULL},
	{"GET", "/api/enforcement/powers/counts", power_counts, 0, "权责事项数：按执法主体和类别，及全县合计", T, NULL},
	{"GET", "/api/enforcement/powers.xlsx", powers_xlsx, 0, "导出权责清单（Excel，可直接修改后导入）", T, NULL},
	{"POST", "/api/enforcement/powers/import", powers_import, FZ_R_UPLOAD,
	 "导入权责清单（Excel）：默认试导入并逐行报告错误；commit=1 导入", T, NULL},
	{"GET", "/api/enforcement/powers/{id}", power_get, 0, "权责事项详情及版本历史", T, "enf_power"},
	{"PATCH", "/api/enforcement/powers/{id}", power_patch, 0, "修改或取消权责事项（记录变更理由和日期）", T, "enf_power"},
	{"GET", "/api/enforcement/officers", officers_list, 0,
	 "执法人员列表（分页、排序、筛选、搜索；below_target=1 为学时不足人员）", T, NULL},
	{"POST", "/api/enforcement/officers", officer_post, 0, "登记执法人员", T, NULL},
	{"GET", "/api/enforcement/officers/{id}", officer_get, 0, "执法人员详情、培训记录和证件", T, "enf_officer"},
	{"PATCH", "/api/enforcement/officers/{id}", officer_patch, 0,
	 "修改执法人员信息或状态（调离、退休时生成证件收回任务）", T, "enf_officer"},
	{"POST", "/api/enforcement/officers/{id}/training", training_post, 0, "登记培训学时", T, "enf_officer"},
	{"GET", "/api/enforcement/certificates", certs_list, 0, "执法证件列表（分页、排序、筛选、搜索；expiring=1 为即将到期）", T, NULL},
	{"POST", "/api/enforcement/certificates", cert_post, 0, "申领执法证件", T, NULL},
	{"POST", "/api/enforcement/certificates/batch/exam", batch_exam, 0, "批量登记考试成绩（全部成功或全部不处理）", T, NULL},
	{"POST", "/api/enforcement/certificates/batch/issue", batch_issue, 0, "批量发证（全部成功或全部不处理）", T, NULL},
	{"GET", "/api/enforcement/stats", stats, 0, "执法主体、权责清单、执法人员和证件年度统计与报告段落", T, NULL},
	{"GET", "/api/enforcement/stats.xlsx", stats_xlsx, 0, "导出执法主体和执法人员统计（Excel）", T, NULL},
	{NULL, NULL, NULL, 0, NULL, NULL, NULL},
};
