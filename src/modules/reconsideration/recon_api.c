/*
 * recon_api.c - routes of reconsideration and litigation: the public
 * application with uploads by case, staff registration of written and oral
 * applications, litigation cases, statistics (JSON and Excel) and the decision
 * document. Generic case routes serve the procedure itself.
 */
#include <string.h>

#include "core/text.h"
#include "modules/reconsideration/recon_int.h"
#include "platform/documents.h"
#include "platform/jsonx.h"

static const struct fz_option applicant_types[] = {
	{"natural", "公民"}, {"legal_person", "法人"}, {"other_org", "其他组织"}, {NULL, NULL}};

#define RECON_INPUTS                                                                           \
	{.name = "applicant_name", .label = "申请人姓名或名称", .type = FZ_IN_TEXT, .required = true, \
	 .max_chars = 100},                                                                     \
	{.name = "applicant_type", .label = "申请人类型", .type = FZ_IN_SELECT, .required = true,  \
	 .options = applicant_types},                                                           \
	{.name = "applicant_id", .label = "身份证件号码或统一社会信用代码", .type = FZ_IN_TEXT,   \
	 .max_chars = 30},                                                                      \
	{.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .required = true, .max_chars = 20}, \
	{.name = "address", .label = "住所或通信地址", .type = FZ_IN_TEXT, .max_chars = 200},      \
	{.name = "representative", .label = "代理人", .type = FZ_IN_TEXT, .max_chars = 100},       \
	{.name = "third_parties", .label = "第三人", .type = FZ_IN_TEXT, .max_chars = 200},        \
	{.name = "respondent_agency_id", .label = "被申请人", .type = FZ_IN_AGENCY, .required = true}, \
	{.name = "act_type", .label = "行政行为类型", .type = FZ_IN_SELECT, .required = true,      \
	 .options = fz_recon_act_types},                                                        \
	{.name = "act_number", .label = "行政行为文书编号", .type = FZ_IN_TEXT, .max_chars = 60},  \
	{.name = "act_date", .label = "行政行为作出日期", .type = FZ_IN_DATE},                     \
	{.name = "learned_on", .label = "知道该行政行为的日期", .type = FZ_IN_DATE, .required = true}, \
	{.name = "requests", .label = "行政复议请求", .type = FZ_IN_TEXTAREA, .required = true,    \
	 .max_chars = 3000},                                                                    \
	{.name = "facts", .label = "事实和理由", .type = FZ_IN_TEXTAREA, .max_chars = 10000}

const struct fz_input fz_recon_apply_inputs[] = {RECON_INPUTS, {.name = NULL}};
static const struct fz_input staff_inputs[] = {
	RECON_INPUTS,
	{.name = "channel", .label = "申请方式", .type = FZ_IN_SELECT, .required = true,
	 .options = (const struct fz_option[]){{"written", "书面申请"}, {"oral", "口头申请"}, {NULL, NULL}}},
	{.name = "received_on", .label = "收到申请日期", .type = FZ_IN_DATE, .required = true},
	{.name = "oral_confirmed", .label = "口头申请笔录已经申请人核对确认", .type = FZ_IN_BOOL},
	{.name = NULL}};

const struct fz_input fz_lit_inputs[] = {
	{.name = "agency_id", .label = "被告（本县行政机关）", .type = FZ_IN_AGENCY, .required = true},
	{.name = "plaintiff", .label = "原告", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
	{.name = "court", .label = "受理法院", .type = FZ_IN_TEXT, .required = true, .max_chars = 60},
	{.name = "instance", .label = "审级", .type = FZ_IN_SELECT, .required = true,
	 .options = (const struct fz_option[]){{"first", "一审"}, {"second", "二审"}, {"retrial", "再审"}, {NULL, NULL}}},
	{.name = "act_type", .label = "被诉行政行为类型", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_recon_act_types},
	{.name = "act_number", .label = "被诉行为文书编号", .type = FZ_IN_TEXT, .max_chars = 60},
	{.name = "received_on", .label = "收到起诉状副本日期", .type = FZ_IN_DATE, .required = true},
	{.name = "recon_case_id", .label = "关联的行政复议案件（经复议后起诉）", .type = FZ_IN_INT,
	 .min = 1, .max = 2147483647},
	{.name = NULL}};

static bool phone_ok(json_t *b, struct fz_err *err)
{
	if (fz_phone_valid(fz_json_str(b, "phone")))
		return true;
	fz_err_set(err, FZ_EBAD_VALUE, "phone", "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	return false;
}

static void created(struct fz_resp *resp, struct fz_ctx *ctx, const struct fz_case_row *c)
{
	json_t *clocks = NULL;
	struct fz_err err;
	json_t *due = NULL;
	if (fz_case_clocks_json(ctx, c->case_id, &clocks, &err) == FZ_OK)
		due = json_incref(json_object_get(json_array_get(clocks, 0), "due_date"));
	json_decref(clocks);
	fz_resp_json(resp, 201, json_pack("{s:I, s:s, s:s?, s:s, s:o}", "case_id", (json_int_t)c->case_id,
					  "number", c->number, "tracking_code",
					  c->tracking_code[0] ? c->tracking_code : NULL, "received_on",
					  c->received_on, "due_date", due ? due : json_null()));
}

static void public_apply(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL;
	struct fz_case_row c;
	if (fz_req_json(req, &b, &err) ||
	    fz_json_check_inputs(req->ctx, fz_recon_apply_inputs, 32, b, NULL, &err) ||
	    !phone_ok(b, &err) || fz_recon_submit(req->ctx, b, "online", req->ctx->today, &c, &err)) {
		json_decref(b);
		fz_resp_error(resp, &err);
		return;
	}
	json_decref(b);
	created(resp, req->ctx, &c);
}

static void staff_register(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL;
	struct fz_case_row c;
	int received = -1;
	if (!(fz_ctx_role(req->ctx) & FZ_ROLES_LEGAL)) {
		fz_err_set(&err, FZ_EFORBIDDEN, NULL, "行政复议申请由复议机构（法制机构）登记");
		goto fail;
	}
	if (fz_req_json(req, &b, &err) || fz_json_check_inputs(req->ctx, staff_inputs, 32, b, NULL, &err) ||
	    !phone_ok(b, &err))
		goto fail;
	fz_date_parse(fz_json_str(b, "received_on"), &received);
	if (received > req->ctx->today) {
		fz_err_set(&err, FZ_EBAD_DATE, "received_on", "收到申请日期不能晚于今天");
		goto fail;
	}
	/* An oral application is recorded and confirmed by the applicant (第22条). */
	if (strcmp(fz_json_str(b, "channel"), "oral") == 0 &&
	    !json_is_true(json_object_get(b, "oral_confirmed"))) {
		fz_err_set(&err, FZ_EMISSING_FIELD, "oral_confirmed",
			   "口头申请须当场制作笔录并经申请人核对确认（《行政复议法》第二十二条）");
		goto fail;
	}
	json_object_del(b, "oral_confirmed");
	if (fz_recon_submit(req->ctx, b, fz_json_str(b, "channel"), received, &c, &err))
		goto fail;
	json_decref(b);
	created(resp, req->ctx, &c);
	return;
fail:
	json_decref(b);
	fz_resp_error(resp, &err);
}

static void lit_register(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL;
	struct fz_case_row c;
	enum fz_role role = fz_ctx_role(req->ctx);
	if (!(role & (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD))) {
		fz_err_set(&err, FZ_EFORBIDDEN, NULL, "您的角色不能登记应诉案件");
		goto fail;
	}
	if (fz_req_json(req, &b, &err) || fz_json_check_inputs(req->ctx, fz_lit_inputs, 16, b, NULL, &err))
		goto fail;
	if (!fz_ctx_may_see(req->ctx, json_integer_value(json_object_get(b, "agency_id")))) {
		fz_err_set(&err, FZ_EFORBIDDEN, "agency_id", "只能登记本单位作为被告的案件");
		goto fail;
	}
	if (fz_lit_submit(req->ctx, b, &c, &err))
		goto fail;
	json_decref(b);
	created(resp, req->ctx, &c);
	return;
fail:
	json_decref(b);
	fz_resp_error(resp, &err);
}

static void track(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	char code[15];
	json_t *out;
	if (!fz_tracking_normalize(req->params[0], code))
		fz_err_set(&err, FZ_ENOT_FOUND, "code", "查询码格式不正确");
	if (err.code || fz_recon_track_json(req->ctx, code, &out, &err))
		fz_resp_error(resp, &err);
	else
		fz_resp_json(resp, 200, out);
}

static bool year_agency(struct fz_req *req, int64_t *year, int64_t *agency, struct fz_err *err)
{
	int y, m, d;
	fz_date_to_ymd(req->ctx->today, &y, &m, &d);
	*year = y;
	*agency = 0;
	const char *s;
	if ((s = fz_req_query(req, "year")) && !fz_parse_int(s, 2000, 2100, year)) {
		fz_err_set(err, FZ_EBAD_VALUE, "year", "年份应为 2000 至 2100 的整数");
		return false;
	}
	if ((s = fz_req_query(req, "agency_id")) && !fz_parse_int(s, 0, INT64_MAX, agency)) {
		fz_err_set(err, FZ_EBAD_VALUE, "agency_id", "单位编号应为整数");
		return false;
	}
	return true;
}

static void stats(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t year, agency;
	json_t *out;
	if (!year_agency(req, &year, &agency, &err) ||
	    fz_recon_report_json(req->ctx, (int)year, agency, &out, &err))
		fz_resp_error(resp, &err);
	else
		fz_resp_json(resp, 200, out);
}

static void stats_xlsx(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t year, agency;
	char *data = NULL;
	size_t len = 0;
	if (!year_agency(req, &year, &agency, &err) ||
	    fz_recon_report_xlsx(req->ctx, (int)year, agency, &data, &len, &err)) {
		fz_resp_error(resp, &err);
		return;
	}
	fz_resp_file(req, resp, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		     len, fz_arena_printf(req->ctx->arena, "%lld年行政复议和行政应诉统计.xlsx", (long long)year));
}

static void decision_docx(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int64_t id;
	struct fz_case_row c;
	if (!fz_req_id(req, 0, &id) || fz_case_load(req->ctx, id, false, &c, &err) ||
	    strcmp(c.type->name, "reconsideration") != 0) {
		fz_err_set(&err, FZ_ENOT_FOUND, "id", "行政复议案件不存在");
		fz_resp_error(resp, &err);
		return;
	}
	json_t *f = json_object();
	fz_recon_fields(req->ctx, id, f, &err);
	struct fz_docx *doc = fz_docx_new();
	char today[32];
	fz_date_chinese(req->ctx->today, today);
	fz_docx_para(doc, FZ_P_TITLE, "行政复议决定书");
	fz_docx_para(doc, FZ_P_SUBTITLE, c.number);
	fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(req->ctx->arena, "申请人：%s", fz_json_str(f, "applicant_name")));
	fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(req->ctx->arena, "被申请人：%s", fz_json_str(f, "respondent_name")));
	if (fz_json_str(f, "third_parties"))
		fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(req->ctx->arena, "第三人：%s", fz_json_str(f, "third_parties")));
	fz_docx_para(doc, FZ_P_BODY,
		     fz_arena_printf(req->ctx->arena,
				     "申请人不服被申请人作出的%s%s，于%s向本机关申请行政复议，本机关依法已予受理%s。本案现已审理终结。",
				     fz_json_str(f, "act_type_label"),
				     fz_json_str(f, "act_number") ? fz_arena_printf(req->ctx->arena, "（%s）", fz_json_str(f, "act_number")) : "",
				     c.received_on,
				     fz_json_str(f, "procedure_label") ? fz_arena_printf(req->ctx->arena, "，适用%s审理", fz_json_str(f, "procedure_label")) : ""));
	fz_docx_para(doc, FZ_P_BODY, fz_arena_printf(req->ctx->arena, "申请人请求：%s", fz_json_str(f, "requests")));
	if (fz_json_str(f, "facts"))
		fz_docx_para(doc, FZ_P_BODY, fz_arena_printf(req->ctx->arena, "申请人称：%s", fz_json_str(f, "facts")));
	fz_docx_para(doc, FZ_P_BODY, fz_json_str(f, "decision_text") ? fz_json_str(f, "decision_text")
								   : "（决定正文待填写：经审理查明的事实、理由和依据。）");
	if (fz_json_str(f, "decision_label"))
		fz_docx_para(doc, FZ_P_BODY, fz_arena_printf(req->ctx->arena, "决定：%s。", fz_json_str(f, "decision_label")));
	fz_docx_para(doc, FZ_P_BODY,
		     "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。");
	fz_docx_para(doc, FZ_P_PLAIN, "");
	fz_docx_para(doc, FZ_P_RIGHT, "（行政复议机关印章）");
	fz_docx_para(doc, FZ_P_RIGHT, fz_json_str(f, "decided_on") ? fz_json_str(f, "decided_on") : today);
	char *data = NULL;
	size_t len = 0;
	enum fz_code rc = fz_docx_finish(doc, &data, &len, &err);
	fz_docx_free(doc);
	json_decref(f);
	if (rc)
		fz_resp_error(resp, &err);
	else
		fz_resp_file(req, resp, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			     data, len, fz_arena_printf(req->ctx->arena, "行政复议决定书-%s.docx", c.number));
}

const struct fz_route fz_recon_routes[] = {
	{"POST", "/api/public/reconsideration", public_apply, FZ_R_PUBLIC | FZ_R_RATELIMIT,
	 "网上提出行政复议申请，返回查询码", "行政复议"},
	{"GET", "/api/public/reconsideration/track/{code}", track, FZ_R_PUBLIC | FZ_R_RATELIMIT,
	 "凭查询码查询复议申请办理进度", "行政复议"},
	{"POST", "/api/reconsideration/cases", staff_register, 0, "登记书面或口头行政复议申请", "行政复议"},
	{"GET", "/api/reconsideration/stats", stats, 0,
	 "行政复议和行政应诉年度统计（收案、受理、被申请人类型、审结方式、纠错率、出庭应诉率）与报告段落", "行政复议"},
	{"GET", "/api/reconsideration/stats.xlsx", stats_xlsx, 0, "导出行政复议和行政应诉统计（Excel）", "行政复议"},
	{"GET", "/api/cases/{id}/documents/decision.docx", decision_docx, 0, "生成行政复议决定书（Word）", "行政复议"},
	{"POST", "/api/litigation/cases", lit_register, 0, "登记行政应诉案件（被告为本县行政机关）", "行政应诉"},
	{NULL, NULL, NULL, 0, NULL, NULL},
};
