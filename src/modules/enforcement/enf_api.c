/*
 * enf_api.c - routes of the enforcement registries: bodies, power lists
 * (with Excel import and export), officers and training, certificate
 * applications and batches, statistics, and the public portal's lookups.
 * The certificate procedure itself runs through the generic case routes.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

typedef enum fz_code (*id_json_fn)(struct fz_ctx *, int64_t, json_t *, json_t **, struct fz_err *);
typedef enum fz_code (*scoped_get_fn)(struct fz_ctx *, int64_t, bool, json_t **, struct fz_err *);

/* GET of the record named by the path's {id}; missing is the message when there is none. */
static enum fz_code scoped_get(struct fz_req *req, scoped_get_fn fn, bool public_only,
			       const char *missing, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, missing, err);
	return rc ? rc : fn(req->ctx, id, public_only, out, err);
}

/* A write to the record named by the path's {id}, with the JSON body. */
static enum fz_code id_json(struct fz_req *req, id_json_fn fn, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "记录不存在", err);
	return rc ? rc : fn(req->ctx, id, req->body, out, err);
}

/* ---- reference lists ------------------------------------------------------------- */

static enum fz_code meta(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)req;
	(void)err;
	*out = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "body_kinds",
			       fz_options_json(fz_enf_body_kinds), "body_levels", fz_options_json(fz_enf_body_levels),
			       "body_status", fz_options_json(fz_enf_body_status), "categories",
			       fz_options_json(fz_enf_categories), "officer_status", fz_options_json(fz_enf_officer_status),
			       "posts", fz_options_json(fz_enf_posts), "education", fz_options_json(fz_enf_education),
			       "employment", fz_options_json(fz_enf_employment), "end_reasons",
			       fz_options_json(fz_enf_end_reasons), "change_types", fz_options_json(fz_enf_change_types));
	json_object_set_new(*out, "inspection_results", fz_options_json(fz_insp_results));
	return FZ_OK;
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
	{"penalty_decision_days", "日"}, {"hearing_fine_citizen", "元"}, {"hearing_fine_org", "元"},
	{"legal_review_days", "工作日"}, {"major_filing_days", "日"},
	{"publish_penalty_days", "工作日"}, {"publish_other_days", "工作日"}, {"publish_no_penalty", ""},
	{"coercion_perform_days", "工作日"},
	{"inspection_publish_days", "工作日"},
};

static json_t *states(const struct fz_case_type *t)
{
	json_t *a = json_array();
	for (const struct fz_state *s = t->states; s->name; s++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:b}", "value", s->name, "label", s->label,
						   "final", s->final));
	return a;
}

static enum fz_code staff_meta(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)err;
	json_t *settings = json_object();
	for (size_t i = 0; i < sizeof enf_settings / sizeof enf_settings[0]; i++) {
		char key[64];
		snprintf(key, sizeof key, "enforcement.%s", enf_settings[i].name);
		const struct fz_setting_def *d = fz_setting_find(key);
		assert(d); /* every name above is declared with the module (enf_flow.c) */
		json_object_set_new(
			settings, enf_settings[i].name,
			json_pack("{s:s, s:s, s:I, s:I, s:I, s:I, s:s, s:s?}", "key", d->key, "label", d->label,
				  "value", (json_int_t)fz_setting_int(req->ctx->db, d->key, d->def), "default",
				  (json_int_t)d->def, "min", (json_int_t)d->min, "max", (json_int_t)d->max,
				  "unit", enf_settings[i].unit, "note", d->note));
	}
	json_t *o = json_pack(
		"{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "settings", settings,
		"body_kinds", fz_options_json(fz_enf_body_kinds), "body_levels", fz_options_json(fz_enf_body_levels),
		"body_status", fz_options_json(fz_enf_body_status), "categories", fz_options_json(fz_enf_categories),
		"officer_status", fz_options_json(fz_enf_officer_status), "posts", fz_options_json(fz_enf_posts), "education",
		fz_options_json(fz_enf_education), "employment", fz_options_json(fz_enf_employment), "end_reasons",
		fz_options_json(fz_enf_end_reasons), "change_types", fz_options_json(fz_enf_change_types));
	json_object_set_new(o, "genders", fz_options_json(fz_enf_genders));
	json_object_set_new(o, "cert_types", fz_options_json(fz_enf_cert_types));
	json_object_set_new(o, "cert_states", states(&fz_enf_cert_type));
	json_object_set_new(o, "body_review_states", states(&fz_enf_body_type));
	json_t *pen = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "states",
				states(&fz_enf_penalty_type), "procedures", fz_options_json(fz_pen_procedures),
				"party_types", fz_options_json(fz_pen_party_types), "kinds",
				fz_options_json(fz_pen_kinds), "major_reasons", fz_options_json(fz_pen_major_reasons),
				"sources", fz_options_json(fz_pen_sources), "outcomes",
				fz_options_json(fz_pen_outcomes), "no_penalty_grounds",
				fz_options_json(fz_pen_no_penalty_grounds), "review_opinions",
				fz_options_json(fz_pen_review_opinions), "service_methods",
				fz_options_json(fz_pen_service_methods));
	json_object_set_new(o, "penalty", pen);
	json_object_set_new(o, "publication",
			    json_pack("{s:o, s:o, s:o}", "status", fz_options_json(fz_pub_status), "kinds",
				      fz_options_json(fz_pub_kinds), "change_kinds",
				      fz_options_json(fz_pub_change_kinds)));
	json_object_set_new(
		o, "coercion",
		json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}", "states", states(&fz_enf_coercion_type),
			  "procedures", fz_options_json(fz_coe_procedures), "measure_kinds",
			  fz_options_json(fz_coe_measure_kinds), "approvals", fz_options_json(fz_coe_approvals),
			  "release_reasons", fz_options_json(fz_coe_release_reasons), "handlings",
			  fz_options_json(fz_coe_handlings), "exec_methods", fz_options_json(fz_coe_exec_methods),
			  "rulings", fz_options_json(fz_coe_rulings), "party_types",
			  fz_options_json(fz_pen_party_types)));
	json_object_set_new(o, "inspection",
			    json_pack("{s:o, s:o, s:o, s:o}", "states", states(&fz_enf_inspection_type),
				      "results", fz_options_json(fz_insp_results), "entity_types",
				      fz_options_json(fz_insp_entity_types), "draw_kinds",
				      fz_options_json(fz_insp_draw_kinds)));
	json_object_set_new(o, "inspection_results", fz_options_json(fz_insp_results));
	*out = o;
	return FZ_OK;
}

/* ---- bodies ----------------------------------------------------------------------- */

/* A declared list's page and its export (platform/lists.h), as two route handlers. */
#define LIST_ROUTES(name, list)                                                                \
	static enum fz_code name(struct fz_req *req, json_t **out, struct fz_err *err)         \
	{                                                                                      \
		return fz_list_answer(req, &list, out, err);                                   \
	}                                                                                      \
	static enum fz_code name##_export(struct fz_req *req, json_t **out, struct fz_err *err) \
	{                                                                                      \
		return fz_list_export(req, &list, out, err);                                   \
	}

LIST_ROUTES(bodies_list, fz_enf_bodies_list)
LIST_ROUTES(powers_list, fz_enf_powers_list)
LIST_ROUTES(officers_list, fz_enf_officers_list)
LIST_ROUTES(certs_list, fz_enf_certs_list)
LIST_ROUTES(penalties_list, fz_enf_penalties_list)
LIST_ROUTES(reviews_list, fz_enf_reviews_list)
LIST_ROUTES(filings_list, fz_enf_filings_list)
LIST_ROUTES(publications_list, fz_enf_publications_list)

/* ---- publication of decisions (enf_publication.c) ---------------------------------- */

static enum fz_code public_decisions(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_enf_public_decisions_list, out, err);
}

static enum fz_code public_decision(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "公示信息不存在", err);
	return rc ? rc : fz_enf_public_decision(req->ctx, id, out, err);
}

static enum fz_code body_publicity(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return scoped_get(req, fz_enf_body_publicity, false, "执法主体不存在", out, err);
}

static enum fz_code public_body_publicity(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return scoped_get(req, fz_enf_body_publicity, true, "执法主体不存在", out, err);
}

static enum fz_code body_publicity_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return id_json(req, fz_enf_body_publicity_set, out, err);
}
LIST_ROUTES(coercions_list, fz_enf_coercions_list)
LIST_ROUTES(insp_plans_list, fz_enf_insp_plans_list)
LIST_ROUTES(insp_draws_list, fz_enf_insp_draws_list)
LIST_ROUTES(insp_entities_list, fz_enf_insp_entities_list)
LIST_ROUTES(inspections_list, fz_enf_inspections_list)
static enum fz_code public_inspections_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_enf_public_inspections_list, out, err);
}

static enum fz_code public_bodies(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_enf_public_bodies_list, out, err);
}

static enum fz_code body_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return scoped_get(req, fz_enf_body_json, false, "执法主体不存在", out, err);
}

static enum fz_code public_body(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return scoped_get(req, fz_enf_body_json, true, "执法主体不存在", out, err);
}

static enum fz_code body_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_enf_body_create(req->ctx, req->body, out, err);
}

static enum fz_code body_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return id_json(req, fz_enf_body_update, out, err);
}

static enum fz_code body_change(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return id_json(req, fz_enf_body_change, out, err);
}

/* The body's public record (404 unless published), then its officers on the public list. */
static enum fz_code public_body_officers(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	json_t *body = NULL;
	enum fz_code rc = fz_req_path_id(req, &id, "执法主体不存在", err);
	if (!rc)
		rc = fz_enf_body_json(req->ctx, id, true, &body, err);
	if (!rc)
		rc = fz_list_answer(req, &fz_enf_public_officers_list, out, err);
	if (rc) {
		json_decref(body);
		return rc;
	}
	json_object_set_new(*out, "body", body);
	return FZ_OK;
}

/* ---- power lists ----------------------------------------------------------------- */

static enum fz_code public_powers(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_enf_public_powers_list, out, err);
}

static enum fz_code power_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return scoped_get(req, fz_enf_power_json, false, "权责事项不存在", out, err);
}

static enum fz_code public_power(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return scoped_get(req, fz_enf_power_json, true, "权责事项不存在", out, err);
}

static enum fz_code power_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_enf_power_create(req->ctx, req->body, out, err);
}

static enum fz_code power_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return id_json(req, fz_enf_power_update, out, err);
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

static enum fz_code counts_as(struct fz_req *req, bool public_only, json_t **out,
			      struct fz_err *err)
{
	int64_t agency, body;
	if (!query_id(req, "agency_id", &agency, err) || !query_id(req, "body_id", &body, err))
		return err->code;
	return fz_enf_power_counts(req->ctx, agency, body, public_only, out, err);
}

static enum fz_code power_counts(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return counts_as(req, false, out, err);
}

static enum fz_code public_counts(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return counts_as(req, true, out, err);
}

static enum fz_code powers_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t body, agency;
	char *data = NULL;
	size_t len = 0;
	if (!query_id(req, "body_id", &body, err) || !query_id(req, "agency_id", &agency, err) ||
	    fz_enf_powers_xlsx(req->ctx, body, agency, &data, &len, err)) {
		return err->code;
	}
	(void)out;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		    len, "权责清单.xlsx");
	return FZ_OK;
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
static enum fz_code powers_import(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t body;
	const char *reason = fz_req_query(req, "reason");
	if (!query_id(req, "body_id", &body, err))
		return err->code;
	if (!body)
		return fz_err_set(err, FZ_EMISSING_FIELD, "body_id", "请选择导入到哪个执法主体（body_id）");
	if (reason && (!fz_utf8_valid(reason, strlen(reason)) || fz_utf8_chars(reason) > 200 ||
		       fz_text_has_controls(reason, false)))
		return fz_err_set(err, FZ_EBAD_VALUE, "reason", "导入理由不能超过 200 个字");
	if (!reason || fz_text_blank(reason))
		reason = "权责清单批量导入";
	if (!req->upload_len)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "请上传 .xlsx 文件");
	/* Refused as a whole, the report (out) says which rows. */
	return fz_enf_powers_import(req->ctx, body, req->upload_data, req->upload_len,
				    flag(req, "commit"), flag(req, "valid_only"), reason, out, err);
}

/* ---- officers -------------------------------------------------------------------- */

static enum fz_code officer_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_id(req, 0, &id) ? fz_enf_officer_json(req->ctx, id, out, err)
						 : fz_err_set(err, FZ_ENOT_FOUND, "id", "执法人员不存在");
	return rc;
}

static enum fz_code officer_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_enf_officer_create(req->ctx, req->body, out, err);
}

static enum fz_code officer_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return id_json(req, fz_enf_officer_update, out, err);
}

static enum fz_code training_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return id_json(req, fz_enf_training_add, out, err);
}

/* ---- certificates ----------------------------------------------------------------- */

static enum fz_code cert_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_enf_cert_apply_new(req->ctx, req->body, &c, err);
	if (!rc)
		rc = fz_case_detail(req->ctx, c.case_id, out, err);
	return rc;
}

/* Refused as a whole, the report (out) says which rows. */
static enum fz_code batch(struct fz_req *req, const char *kind, json_t **out, struct fz_err *err)
{
	return fz_enf_cert_batch(req->ctx, kind, req->body, out, err);
}

static enum fz_code batch_exam(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return batch(req, "exam", out, err);
}

static enum fz_code batch_issue(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return batch(req, "issue", out, err);
}

static enum fz_code lookup(struct fz_req *req, json_t **out, struct fz_err *err)
{
	enum fz_code rc = fz_enf_cert_lookup(req->ctx, req->params[0], out, err);
	fz_req_add_header(req, "Cache-Control", "no-store");
	return rc;
}

/* GET /api/enforcement/certificates/{id}/card: what the printed card shows and where its QR code leads. */
static enum fz_code cert_card(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	return rc ? rc : fz_enf_cert_card(req->ctx, id, out, err);
}

/* POST /api/enforcement/certificates/{id}/photo: the holder's photo (multipart "file" or the raw body). */
static enum fz_code cert_photo(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	return rc ? rc : fz_enf_cert_photo(req->ctx, id, req->upload_data, req->upload_len, out, err);
}

/* GET /api/public/certificates/{number}/photo: shown with the lookup while the certificate is valid. */
static enum fz_code public_cert_photo(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	struct fz_attachment a;
	enum fz_code rc = fz_enf_cert_public_photo(req->ctx, req->params[0], &a, err);
	if (rc)
		return rc;
	char *copy = malloc(a.len ? a.len : 1);
	if (!copy)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	memcpy(copy, a.data, a.len);
	fz_req_add_header(req, "Cache-Control", "no-store");
	fz_req_file(req, fz_arena_strdup(req->ctx->arena, a.content_type), copy, a.len, NULL);
	return FZ_OK;
}

/* ---- penalty cases ---------------------------------------------------------------- */

/* 立案: the case's detail, as the case page shows it; its steps go through the case routes. */
static enum fz_code penalty_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_enf_penalty_file(req->ctx, req->body, &c, err);
	if (!rc)
		rc = fz_case_detail(req->ctx, c.case_id, out, err);
	return rc;
}

/* GET /api/enforcement/penalties/{id}/reviewers: who may record the case's legal review. */
static enum fz_code penalty_reviewers(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	return rc ? rc : fz_enf_review_reviewers(req->ctx, id, out, err);
}

/* ---- the whole-process record (enf_documents.c) ------------------------------------ */

static enum fz_code documents_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "行政处罚案件不存在", err);
	return rc ? rc : fz_enf_documents_json(req->ctx, id, out, err);
}

static enum fz_code document_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	char *data = NULL;
	size_t len = 0;
	const char *name = NULL;
	enum fz_code rc = fz_req_path_id(req, &id, "行政处罚案件不存在", err);
	if (rc || (rc = fz_enf_document_docx(req->ctx, id, req->params[1], &data, &len, &name, err)))
		return rc;
	(void)out;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data,
		    len, name);
	return FZ_OK;
}

static enum fz_code evidence_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "行政处罚案件不存在", err);
	if (rc)
		return rc;
	if (!req->upload_name)
		return fz_err_set(err, FZ_EMEDIA_TYPE, "file", "上传证据应使用 multipart/form-data");
	if (!req->upload_name[0])
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "没有找到名为 file 的证据文件");
	return fz_enf_evidence_add(req->ctx, id, req->upload_name, req->upload_data, req->upload_len,
				   out, err);
}

static enum fz_code archive_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	char *data = NULL;
	size_t len = 0;
	const char *name = NULL;
	enum fz_code rc = fz_req_path_id(req, &id, "行政处罚案件不存在", err);
	if (rc || (rc = fz_enf_archive_zip(req->ctx, id, &data, &len, &name, err)))
		return rc;
	(void)out;
	fz_req_file(req, "application/zip", data, len, name);
	return FZ_OK;
}

/* 行政强制立案: the case's detail; its steps go through the case routes. */
static enum fz_code coercion_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_enf_coercion_file(req->ctx, req->body, &c, err);
	if (!rc)
		rc = fz_case_detail(req->ctx, c.case_id, out, err);
	return rc;
}

/* ---- inspections, "双随机、一公开" ----------------------------------------------------- */

static enum fz_code insp_plan_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_enf_insp_plan_create(req->ctx, req->body, out, err);
}

static enum fz_code insp_plan_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "检查计划不存在", err);
	return rc ? rc : fz_enf_insp_plan_json(req->ctx, id, out, err);
}

static enum fz_code insp_draw_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "检查计划不存在", err);
	return rc ? rc : fz_enf_insp_draw(req->ctx, id, req->body, out, err);
}

static enum fz_code insp_draw_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "抽取记录不存在", err);
	return rc ? rc : fz_enf_insp_draw_json(req->ctx, id, out, err);
}

static enum fz_code insp_draw_verify(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "抽取记录不存在", err);
	return rc ? rc : fz_enf_insp_draw_verify(req->ctx, id, out, err);
}

/*
 * POST /api/enforcement/inspection-entities/import?agency_id=&commit=1
 * The workbook as multipart/form-data (field "file") or as the raw body; an
 * agency's own staff import into their agency, the legal office names one.
 */
static enum fz_code insp_entities_import(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t agency;
	if (!query_id(req, "agency_id", &agency, err))
		return err->code;
	if (!agency && req->ctx->user && req->ctx->user->agency_id)
		agency = req->ctx->user->agency_id;
	if (!agency)
		return fz_err_set(err, FZ_EMISSING_FIELD, "agency_id", "请选择导入到哪个单位的检查对象名录（agency_id）");
	if (!req->upload_len)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "请上传 .xlsx 文件");
	return fz_enf_insp_entities_import(req->ctx, agency, req->upload_data, req->upload_len,
					   flag(req, "commit"), out, err);
}

/* 立案 on an inspection's finding: the penalty filing with the inspection named. */
static enum fz_code inspection_penalty(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "检查任务不存在", err);
	if (rc)
		return rc;
	if (!json_is_object(req->body))
		return fz_err_set(err, FZ_EBAD_JSON, NULL, "请求内容应为 JSON 对象");
	json_object_set_new(req->body, "inspection_case_id", json_integer(id));
	const char *src = fz_json_str(req->body, "source");
	if (src && strcmp(src, "inspection") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "source", "据检查发现立案的，案件来源为“监督检查发现”");
	json_object_set_new(req->body, "source", json_string("inspection"));
	struct fz_case_row c;
	if ((rc = fz_enf_penalty_file(req->ctx, req->body, &c, err)))
		return rc;
	return fz_case_detail(req->ctx, c.case_id, out, err);
}

/* ---- statistics ------------------------------------------------------------------- */

static bool year_agency(struct fz_req *req, int64_t *year, int64_t *agency, struct fz_err *err)
{
	*year = fz_stats_year(req->ctx);
	const char *s;
	if ((s = fz_req_query(req, "year")) && !fz_parse_int(s, 2000, 2100, year)) {
		fz_err_set(err, FZ_EBAD_VALUE, "year", "年份应为 2000 至 2100 的整数");
		return false;
	}
	return query_id(req, "agency_id", agency, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	enum fz_code rc = year_agency(req, &year, &agency, err)
				  ? fz_enf_report_json(req->ctx, (int)year, agency, out, err)
				  : err->code;
	return rc;
}

static enum fz_code review_counts(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	return year_agency(req, &year, &agency, err)
		       ? fz_enf_review_counts(req->ctx, (int)year, agency, out, err)
		       : err->code;
}

static enum fz_code stats_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	char *data = NULL;
	size_t len = 0;
	if (!year_agency(req, &year, &agency, err) ||
	    fz_enf_report_xlsx(req->ctx, (int)year, agency, &data, &len, err)) {
		return err->code;
	}
	(void)out;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		    len, fz_arena_printf(req->ctx->arena, "%lld年行政执法主体和执法人员统计.xlsx", (long long)year));
	return FZ_OK;
}

static enum fz_code case_stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	return year_agency(req, &year, &agency, err)
		       ? fz_enf_case_stats_json(req->ctx, (int)year, agency, out, err)
		       : err->code;
}

static enum fz_code case_stats_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	char *data = NULL;
	size_t len = 0;
	if (!year_agency(req, &year, &agency, err) ||
	    fz_enf_case_stats_xlsx(req->ctx, (int)year, agency, &data, &len, err))
		return err->code;
	(void)out;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		    len, fz_arena_printf(req->ctx->arena, "%lld年行政执法案件统计.xlsx", (long long)year));
	return FZ_OK;
}

#define T "行政执法"
#define ANYONE FZ_ROLES_ANYONE
#define SIGNED_IN FZ_ROLES_SIGNED_IN
/* Who keeps the registries: the legal office, or an agency's clerk or head for its own. */
#define EDITORS (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define FINE_STAFF (FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

/* Registry records belong to the agency that keeps them. */
const struct fz_record_kind fz_enf_records[] = {
	{"enf_body", "SELECT agency_id FROM enf_body WHERE body_id = ?"},
	{"enf_power", "SELECT agency_id FROM enf_power WHERE item_id = ?"},
	{"enf_officer", "SELECT agency_id FROM enf_officer WHERE officer_id = ?"},
	{"enf_benchmark", "SELECT agency_id FROM enf_benchmark WHERE benchmark_id = ?"},
	{"enf_insp_plan", "SELECT agency_id FROM enf_insp_plan WHERE plan_id = ?"},
	{"enf_insp_draw", "SELECT agency_id FROM enf_insp_draw WHERE draw_id = ?"},
	{NULL, NULL},
};

const struct fz_route fz_enf_routes[] = {
	{"GET", "/api/public/enforcement/meta", meta, ANYONE, 0, "执法主体、权责清单和执法人员的参考代码表", T, NULL},
	{"GET", "/api/public/enforcement/bodies", public_bodies, ANYONE, 0, "已公告的执法主体（分页、筛选、搜索）", T, NULL},
	{"GET", "/api/public/enforcement/bodies/{id}", public_body, ANYONE, 0, "已公告的执法主体详情", T, "enf_body"},
	{"GET", "/api/public/enforcement/bodies/{id}/officers", public_body_officers, ANYONE, 0,
	 "执法人员公示：执法主体的持证执法人员", T, "enf_body"},
	{"GET", "/api/public/enforcement/powers", public_powers, ANYONE, 0,
	 "公开的权责清单：按单位、执法主体、类别筛选和全文搜索", T, NULL},
	{"GET", "/api/public/enforcement/powers/counts", public_counts, ANYONE, 0, "已公告执法主体的权责事项数（按类别）", T, NULL},
	{"GET", "/api/public/enforcement/powers/{id}", public_power, ANYONE, 0, "公开的权责事项详情", T, "enf_power"},
	{"GET", "/api/public/certificates/{number}", lookup, ANYONE, FZ_R_RATELIMIT,
	 "执法证件查询（亮证执法）：凭证件编号查询证件是否有效", T, NULL},
	{"GET", "/api/public/certificates/{number}/photo", public_cert_photo, ANYONE, FZ_R_RATELIMIT,
	 "持证人照片：仅在证件有效时公开", T, NULL},
	{"GET", "/api/enforcement/meta", staff_meta, SIGNED_IN, 0,
	 "行政执法的地方规定（考试合格线、学时目标、证件有效期等）及表单所用的全部代码表", T, NULL},
	{"GET", "/api/enforcement/bodies", bodies_list, SIGNED_IN, 0, "执法主体列表（分页、排序、筛选、搜索）", T, NULL},
	{"GET", "/api/enforcement/bodies.xlsx", bodies_list_export, SIGNED_IN, 0, "导出执法主体列表（Excel，筛选和排序同列表）", T, NULL},
	{"POST", "/api/enforcement/bodies", body_post, EDITORS, FZ_R_JSON, "登记执法主体并报送资格审核", T, NULL, .status = 201},
	{"GET", "/api/enforcement/bodies/{id}", body_get, SIGNED_IN, 0, "执法主体详情及变更历史", T, "enf_body"},
	{"PATCH", "/api/enforcement/bodies/{id}", body_patch, EDITORS, FZ_R_JSON, "修改执法主体的依据、上级或层级", T, "enf_body"},
	{"POST", "/api/enforcement/bodies/{id}/changes", body_change, EDITORS, FZ_R_JSON,
	 "登记机构改革引起的更名、合并、分设或撤销", T, "enf_body", .status = 201},
	{"GET", "/api/enforcement/powers", powers_list, SIGNED_IN, 0, "权责事项列表（分页、排序、筛选、全文搜索）", T, NULL},
	{"GET", "/api/enforcement/powers/export.xlsx", powers_list_export, SIGNED_IN, 0,
	 "导出权责事项列表（Excel，筛选和排序同列表；可修改后导入的格式见 powers.xlsx）", T, NULL},
	{"POST", "/api/enforcement/powers", power_post, EDITORS, FZ_R_JSON, "新增权责事项", T, NULL, .status = 201},
	{"GET", "/api/enforcement/powers/counts", power_counts, SIGNED_IN, 0, "权责事项数：按执法主体和类别，及全县合计", T, NULL},
	{"GET", "/api/enforcement/powers.xlsx", powers_xlsx, SIGNED_IN, 0, "导出权责清单（Excel，可直接修改后导入）", T, NULL},
	{"POST", "/api/enforcement/powers/import", powers_import, EDITORS, FZ_R_UPLOAD,
	 "导入权责清单（Excel）：默认试导入并逐行报告错误；commit=1 导入", T, NULL},
	{"GET", "/api/enforcement/powers/{id}", power_get, SIGNED_IN, 0, "权责事项详情及版本历史", T, "enf_power"},
	{"PATCH", "/api/enforcement/powers/{id}", power_patch, EDITORS, FZ_R_JSON, "修改或取消权责事项（记录变更理由和日期）", T, "enf_power"},
	{"GET", "/api/enforcement/officers", officers_list, SIGNED_IN, 0,
	 "执法人员列表（分页、排序、筛选、搜索；below_target=1 为学时不足人员）", T, NULL},
	{"GET", "/api/enforcement/officers.xlsx", officers_list_export, SIGNED_IN, 0,
	 "导出执法人员列表（Excel，筛选和排序同列表）", T, NULL},
	{"POST", "/api/enforcement/officers", officer_post, EDITORS, FZ_R_JSON, "登记执法人员", T, NULL, .status = 201},
	{"GET", "/api/enforcement/officers/{id}", officer_get, SIGNED_IN, 0, "执法人员详情、培训记录和证件", T, "enf_officer"},
	{"PATCH", "/api/enforcement/officers/{id}", officer_patch, EDITORS, FZ_R_JSON,
	 "修改执法人员信息或状态（调离、退休时生成证件收回任务）", T, "enf_officer"},
	{"POST", "/api/enforcement/officers/{id}/training", training_post, EDITORS, FZ_R_JSON, "登记培训学时", T, "enf_officer", .status = 201},
	{"GET", "/api/enforcement/certificates", certs_list, SIGNED_IN, 0, "执法证件列表（分页、排序、筛选、搜索；expiring=1 为即将到期）", T, NULL},
	{"GET", "/api/enforcement/certificates.xlsx", certs_list_export, SIGNED_IN, 0,
	 "导出执法证件列表（Excel，筛选和排序同列表）", T, NULL},
	{"POST", "/api/enforcement/certificates", cert_post, EDITORS, FZ_R_JSON, "申领执法证件", T, NULL, .status = 201},
	{"GET", "/api/enforcement/certificates/{id}/card", cert_card, SIGNED_IN, 0,
	 "执法证件卡：证件编号、二维码指向的门户网址（取自设置“门户网站公开地址”）、持证人照片", T, "case:enf_certificate"},
	{"POST", "/api/enforcement/certificates/{id}/photo", cert_photo, EDITORS, FZ_R_UPLOAD,
	 "上传或更换持证人照片（JPEG、PNG，不超过 2 MB）", T, "case:enf_certificate"},
	/* Each row is a transition of its certificate case, whose declaration says who may take it;
	 * a row the caller may not take is reported in the row-by-row answer. */
	{"POST", "/api/enforcement/certificates/batch/exam", batch_exam, SIGNED_IN, FZ_R_JSON, "批量登记考试成绩（全部成功或全部不处理）", T, NULL},
	{"POST", "/api/enforcement/certificates/batch/issue", batch_issue, SIGNED_IN, FZ_R_JSON, "批量发证（全部成功或全部不处理）", T, NULL},
	{"GET", "/api/enforcement/penalties", penalties_list, SIGNED_IN, 0,
	 "行政处罚案件列表（分页、排序、筛选、搜索；outcome=no_penalty 为不予处罚）", T, NULL},
	{"GET", "/api/enforcement/penalties.xlsx", penalties_list_export, SIGNED_IN, 0,
	 "导出行政处罚案件列表（Excel，筛选和排序同列表）", T, NULL},
	/* Filed by the agency's own staff; the steps are the case's transitions (/api/cases/{id}/actions). */
	{"POST", "/api/enforcement/penalties", penalty_post,
	 FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD, FZ_R_JSON,
	 "行政处罚立案（执法人员不少于两人且持有效证件，职权须在本主体权责清单内，检查追责时效）", T, NULL,
	 .status = 201},
	{"GET", "/api/enforcement/reviews", reviews_list, SIGNED_IN, 0,
	 "法制审核队列：每次提交审核的期限、剩余工作日和审核意见（分页、排序、筛选；overdue=1 为超期）", T, NULL},
	{"GET", "/api/enforcement/reviews.xlsx", reviews_list_export, SIGNED_IN, 0,
	 "导出法制审核队列（Excel，筛选和排序同列表）", T, NULL},
	{"GET", "/api/enforcement/reviews/counts", review_counts, SIGNED_IN, 0,
	 "法制审核按单位统计：提交、同意、修改后同意、不同意、超期（按提交年度）", T, NULL},
	{"GET", "/api/enforcement/penalties/{id}/reviewers", penalty_reviewers, SIGNED_IN, 0,
	 "可以担任本案法制审核的人员（本单位在岗人员，注明法律职业资格和审核记录）", T, "case:enf_penalty"},
	{"GET", "/api/enforcement/major-filings", filings_list, SIGNED_IN, 0,
	 "重大行政处罚决定备案：期限、报送、审查和退回（分页、排序、筛选；overdue=1 为超期）", T, NULL},
	{"GET", "/api/enforcement/major-filings.xlsx", filings_list_export, SIGNED_IN, 0,
	 "导出重大行政处罚决定备案列表（Excel，筛选和排序同列表）", T, NULL},
	/* Publication of decisions (三项制度 公示) and 第48条 withdrawal: the steps are the case's transitions. */
	{"GET", "/api/enforcement/publications", publications_list, SIGNED_IN, 0,
	 "执法决定公示情况（待公示、已公示、超期、待撤回、已撤回；分页、筛选）", T, NULL},
	{"GET", "/api/enforcement/publications.xlsx", publications_list_export, SIGNED_IN, 0,
	 "导出执法决定公示情况（Excel，筛选同列表）", T, NULL},
	{"GET", "/api/public/enforcement/decisions", public_decisions, ANYONE, 0,
	 "公示的行政执法决定（个人信息已隐去；搜索、按单位、年度、处罚种类筛选）", T, NULL},
	{"GET", "/api/public/enforcement/decisions/{id}", public_decision, ANYONE, 0,
	 "公示的行政执法决定详情（已撤回的不再显示）", T, NULL},
	{"GET", "/api/enforcement/bodies/{id}/publicity", body_publicity, SIGNED_IN, 0,
	 "执法主体的执法依据、程序和救济渠道（《行政处罚法》第三十九条）", T, "enf_body"},
	{"PUT", "/api/enforcement/bodies/{id}/publicity", body_publicity_put, EDITORS, FZ_R_JSON,
	 "填写执法主体的执法程序和救济渠道（不填的显示法定通用文本）", T, "enf_body",
	 .body = fz_enf_publicity_inputs},
	{"GET", "/api/public/enforcement/bodies/{id}/publicity", public_body_publicity, ANYONE, 0,
	 "已公告执法主体的执法依据、程序和救济渠道（《行政处罚法》第三十九条）", T, "enf_body"},
	/* 全过程记录 (第47条): documents issued once with their numbers, evidence by hash, the case file. */
	{"GET", "/api/enforcement/penalties/{id}/documents", documents_get, SIGNED_IN, 0,
	 "行政处罚案件的文书（已办环节可生成，文号和哈希）及证据材料", T, "case:enf_penalty"},
	{"GET", "/api/enforcement/penalties/{id}/documents/{kind}", document_get, SIGNED_IN, 0,
	 "下载文书（Word）：首次下载时编号并存档，再次下载为同一文件；环节未办理的不能生成", T,
	 "case:enf_penalty"},
	{"POST", "/api/enforcement/penalties/{id}/evidence", evidence_post,
	 FZ_ROLES_LEGAL | FZ_ROLES_AGENCY, FZ_R_UPLOAD,
	 "上传证据（执法记录仪录像 MP4、录音 MP3/WAV、照片 JPG/PNG、PDF，不超过 10 MB），按内容哈希存储并记入审计链",
	 T, "case:enf_penalty", .status = 201},
	{"GET", "/api/enforcement/penalties/{id}/archive", archive_get, SIGNED_IN, 0,
	 "下载案卷（ZIP）：目录、文书、证据和办理过程记录，各附 SHA-256", T, "case:enf_penalty"},
	{"GET", "/api/enforcement/coercions", coercions_list, SIGNED_IN, 0,
	 "行政强制案件列表：查封、扣押和强制执行（分页、排序、筛选、搜索）", T, NULL},
	{"GET", "/api/enforcement/coercions.xlsx", coercions_list_export, SIGNED_IN, 0,
	 "导出行政强制案件列表（Excel，筛选和排序同列表）", T, NULL},
	{"POST", "/api/enforcement/coercions", coercion_post,
	 FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD, FZ_R_JSON,
	 "行政强制立案：查封、扣押（两名以上持有效证件的执法人员，职权须在本主体权责清单内）或强制执行（催告、决定或申请法院）",
	 T, NULL, .status = 201},
	{"GET", "/api/enforcement/stats", stats, SIGNED_IN, 0, "执法主体、权责清单、执法人员和证件年度统计与报告段落", T, NULL},
	{"GET", "/api/enforcement/stats.xlsx", stats_xlsx, SIGNED_IN, 0, "导出执法主体和执法人员统计（Excel）", T, NULL},
	{"GET", "/api/enforcement/case-stats", case_stats, SIGNED_IN, 0,
	 "执法案件年度统计：全县及各单位的案件数字（命名统计指标）、处罚种类、月度分布和报告段落", T, NULL},
	{"GET", "/api/enforcement/case-stats.xlsx", case_stats_xlsx, SIGNED_IN, 0, "导出执法案件年度统计（Excel）", T, NULL},
	/* Fines after the decision (enf_penalty_fines.c): 第66-67条, 第72-73条. */
	{"GET", "/api/enforcement/penalties/{id}/fine", fz_enf_fine_get, SIGNED_IN, 0,
	 "罚款缴纳情况：缴纳期限、暂缓或分期、加处罚款（今日及 as_of 指定日）、复议诉讼期间、缴款记录", T,
	 "case:enf_penalty"},
	{"POST", "/api/enforcement/penalties/{id}/fine/applications", fz_enf_fine_apply, FINE_STAFF, FZ_R_JSON,
	 "登记当事人暂缓或分期缴纳罚款的书面申请（第六十六条）", T, "case:enf_penalty", .status = 201},
	{"POST", "/api/enforcement/penalties/{id}/fine/decision", fz_enf_fine_decide, FZ_ROLE_AGENCY_HEAD,
	 FZ_R_JSON, "负责人批准（暂缓缴纳截止日期或分期缴纳计划）或不予批准", T, "case:enf_penalty"},
	{"POST", "/api/enforcement/penalties/{id}/fine/payments", fz_enf_fine_pay, FINE_STAFF, FZ_R_JSON,
	 "登记缴款：罚款与加处罚款分列，须缴清当日应缴金额（第六十七条、第七十二条）", T, "case:enf_penalty",
	 .status = 201},
	{"POST", "/api/enforcement/penalties/{id}/fine/reductions", fz_enf_fine_reduce, FZ_ROLE_AGENCY_HEAD,
	 FZ_R_JSON, "负责人减免加处罚款（写明理由和依据）", T, "case:enf_penalty", .status = 201},
	{"POST", "/api/enforcement/penalties/{id}/fine/remedies", fz_enf_fine_remedy, FINE_STAFF, FZ_R_JSON,
	 "登记当事人申请行政复议或提起行政诉讼（期间不计加处罚款，第七十三条）", T, "case:enf_penalty",
	 .status = 201},
	{"POST", "/api/enforcement/penalties/{id}/fine/remedies/end", fz_enf_fine_remedy_end, FINE_STAFF,
	 FZ_R_JSON, "登记行政复议或行政诉讼结果；处罚决定被撤销的，罚款不再缴纳", T, "case:enf_penalty"},
	/* 行政处罚裁量基准 (enf_benchmark.c): versions per penalty power, the calculator, Excel, statistics. */
	{"GET", "/api/public/enforcement/benchmarks", fz_enf_bench_r_public, ANYONE, 0,
	 "公开的行政处罚裁量基准：按单位、执法主体、事项筛选和搜索（现行版本）", T, NULL},
	{"GET", "/api/enforcement/benchmarks", fz_enf_bench_r_list, SIGNED_IN, 0,
	 "裁量基准列表（每个事项的最新版本；status 筛选全部版本）", T, NULL},
	{"GET", "/api/enforcement/benchmarks.xlsx", fz_enf_bench_r_xlsx, SIGNED_IN, 0,
	 "导出裁量基准（Excel，可修改后导入）", T, NULL},
	{"POST", "/api/enforcement/benchmarks/import", fz_enf_bench_r_import, EDITORS, FZ_R_UPLOAD,
	 "导入裁量基准（Excel）：默认试导入并逐行报告错误；commit=1 导入为草稿，有错误的不导入任何数据", T, NULL},
	{"GET", "/api/enforcement/benchmarks/calc", fz_enf_bench_r_calc, SIGNED_IN, 0,
	 "裁量基准计算器：事项和违法情节对应的处罚幅度及依据（现行版本）", T, NULL},
	{"GET", "/api/enforcement/benchmarks/stats", fz_enf_bench_r_stats, SIGNED_IN, 0,
	 "处罚决定在裁量基准范围内和超出裁量基准的件数（按单位）", T, NULL},
	{"POST", "/api/enforcement/benchmarks", fz_enf_bench_r_create, EDITORS, FZ_R_JSON,
	 "新建裁量基准草稿（新版本；原版本保留）", T, NULL, .status = 201},
	{"GET", "/api/enforcement/benchmarks/{id}", fz_enf_bench_r_get, SIGNED_IN, 0,
	 "裁量基准详情、各版本及使用该版本的案件数", T, "enf_benchmark"},
	{"PUT", "/api/enforcement/benchmarks/{id}", fz_enf_bench_r_update, EDITORS, FZ_R_JSON,
	 "修改裁量基准草稿（已发布的版本不能修改）", T, "enf_benchmark"},
	{"POST", "/api/enforcement/benchmarks/{id}/publish", fz_enf_bench_r_publish, EDITORS, FZ_R_JSON,
	 "发布裁量基准草稿（现行版本同时失效并保留）", T, "enf_benchmark"},
	/* Inspections, "双随机、一公开" (docs/enforcement-inspection.md). */
	{"GET", "/api/enforcement/inspection-plans", insp_plans_list, SIGNED_IN, 0, "行政检查计划列表（按年度、单位筛选）", T, NULL},
	{"GET", "/api/enforcement/inspection-plans.xlsx", insp_plans_list_export, SIGNED_IN, 0, "导出行政检查计划列表（Excel）", T, NULL},
	{"POST", "/api/enforcement/inspection-plans", insp_plan_post, EDITORS, FZ_R_JSON,
	 "制定行政检查计划（执法主体、抽查事项、抽取数量或比例、检查期间）", T, NULL, .status = 201},
	{"GET", "/api/enforcement/inspection-plans/{id}", insp_plan_get, SIGNED_IN, 0, "检查计划详情、抽取记录和任务进度", T, "enf_insp_plan"},
	{"POST", "/api/enforcement/inspection-plans/{id}/draws", insp_draw_post, EDITORS, FZ_R_JSON,
	 "随机抽取检查对象和检查人员（持有效执法证件，每户至少两人），生成检查任务并记入审计链", T, "enf_insp_plan", .status = 201},
	{"GET", "/api/enforcement/inspection-draws", insp_draws_list, SIGNED_IN, 0, "随机抽取记录列表", T, NULL},
	{"GET", "/api/enforcement/inspection-draws.xlsx", insp_draws_list_export, SIGNED_IN, 0, "导出随机抽取记录（Excel）", T, NULL},
	{"GET", "/api/enforcement/inspection-draws/{id}", insp_draw_get, SIGNED_IN, 0,
	 "抽取记录：种子、候选名单及其摘要、抽取结果和生成的任务", T, "enf_insp_draw"},
	{"GET", "/api/enforcement/inspection-draws/{id}/verify", insp_draw_verify, SIGNED_IN, 0,
	 "验证抽取：以记录的种子和候选名单重新计算，与抽取记录、审计事件和任务比对", T, "enf_insp_draw"},
	{"GET", "/api/enforcement/inspection-entities", insp_entities_list, SIGNED_IN, 0, "检查对象名录（分页、筛选、搜索）", T, NULL},
	{"GET", "/api/enforcement/inspection-entities.xlsx", insp_entities_list_export, SIGNED_IN, 0,
	 "导出检查对象名录（Excel，可修改后导入）", T, NULL},
	{"POST", "/api/enforcement/inspection-entities/import", insp_entities_import, EDITORS, FZ_R_UPLOAD,
	 "导入检查对象名录（Excel）：默认试导入并逐行报告错误；commit=1 导入（有错误行时全部不导入）", T, NULL},
	{"GET", "/api/enforcement/inspections", inspections_list, SIGNED_IN, 0, "行政检查任务列表（分页、筛选、搜索）", T, NULL},
	{"GET", "/api/enforcement/inspections.xlsx", inspections_list_export, SIGNED_IN, 0, "导出行政检查任务（Excel）", T, NULL},
	{"POST", "/api/enforcement/inspections/{id}/penalty", inspection_penalty,
	 FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD, FZ_R_JSON,
	 "检查发现违法行为，据以行政处罚立案（案件来源：监督检查发现；两案互相关联）", T, "case:enf_inspection", .status = 201},
	{"GET", "/api/public/enforcement/inspections", public_inspections_list, ANYONE, 0,
	 "行政检查结果公示（按单位、年度、结果筛选和搜索）", T, NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
