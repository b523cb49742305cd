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
#include "platform/lists.h"

#define RECON_INPUTS                                                                           \
	{.name = "applicant_name", .label = "申请人姓名或名称", .type = FZ_IN_TEXT, .required = true, \
	 .max_chars = 100},                                                                     \
	{.name = "applicant_type", .label = "申请人类型", .type = FZ_IN_SELECT, .required = true,  \
	 .options = fz_recon_applicant_types},                                                           \
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
	{.name = "facts", .label = "事实和理由", .type = FZ_IN_TEXTAREA, .max_chars = 10000},        \
	{.name = "late_reason", .label = "耽误申请期限的理由（第二十条）", .type = FZ_IN_TEXTAREA,  \
	 .max_chars = 1000}

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
	 .options = fz_lit_instances},
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

static json_t *created(struct fz_ctx *ctx, const struct fz_case_row *c)
{
	json_t *o = json_pack("{s:I, s:s, s:s?, s:s}", "case_id", (json_int_t)c->case_id, "number",
			      c->number, "tracking_code",
			      c->tracking_code[0] ? c->tracking_code : NULL, "received_on",
			      c->received_on);
	fz_case_receipt_due_json(ctx, c->case_id, NULL, o);
	return o;
}

static enum fz_code public_apply(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	if (!phone_ok(req->body, err) ||
	    fz_recon_submit(req->ctx, req->body, "online", req->ctx->today, &c, err))
		return err->code;
	*out = created(req->ctx, &c);
	return FZ_OK;
}

static enum fz_code staff_register(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *b = req->body;
	struct fz_case_row c;
	int received = -1;
	if (!phone_ok(b, err))
		return err->code;
	fz_date_parse(fz_json_str(b, "received_on"), &received);
	if (received > req->ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "收到申请日期不能晚于今天");
	/* An oral application is recorded and confirmed by the applicant (第22条). */
	if (strcmp(fz_json_str(b, "channel"), "oral") == 0 &&
	    !json_is_true(json_object_get(b, "oral_confirmed")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "oral_confirmed",
				  "口头申请须当场制作笔录并经申请人核对确认（《行政复议法》第二十二条）");
	json_object_del(b, "oral_confirmed");
	if (fz_recon_submit(req->ctx, b, fz_json_str(b, "channel"), received, &c, err))
		return err->code;
	*out = created(req->ctx, &c);
	return FZ_OK;
}

static enum fz_code lit_register(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	if (!fz_ctx_may_see(req->ctx, json_integer_value(json_object_get(req->body, "agency_id"))))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能登记本单位作为被告的案件");
	if (fz_lit_submit(req->ctx, req->body, &c, err))
		return err->code;
	*out = created(req->ctx, &c);
	return FZ_OK;
}

static enum fz_code track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char code[15];
	if (!fz_tracking_normalize(req->params[0], code))
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "查询码格式不正确");
	return fz_recon_track_json(req->ctx, code, out, err);
}
/*
 * Decisions and endings with their article apart: "撤销（第64条）" gives name
 * 撤销, article 《行政复议法》第64条, and whether the correction rate counts it.
 */
static json_t *results(struct fz_arena *arena, const struct fz_option *o)
{
	json_t *a = json_array();
	for (; o->value; o++) {
		const char *open = strstr(o->label, "（");
		const char *name = open ? fz_arena_printf(arena, "%.*s", (int)(open - o->label), o->label)
					: o->label;
		const char *article = NULL;
		if (open) {
			const char *in = open + strlen("（"), *close = strstr(in, "）");
			const char *first = strstr(in, "第");
			if (close && first && first < close)
				article = fz_arena_printf(arena, "《行政复议法》%.*s", (int)(close - first), first);
		}
		json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:s?, s:s}", "value", o->value, "label",
						   o->label, "name", name, "article", article, "class",
						   fz_recon_result_class(o->value)));
	}
	return a;
}

/* Lawsuit outcomes with the class table 四 and the reports give them (纠正 = the agency lost). */
static json_t *outcomes(void)
{
	json_t *a = json_array();
	for (const struct fz_option *o = fz_lit_outcomes; o->value; o++) {
		bool corrected = strcmp(o->value, "revoke") == 0 || strcmp(o->value, "confirm_illegal") == 0 ||
				 strcmp(o->value, "order_perform") == 0 || strcmp(o->value, "change") == 0;
		json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "value", o->value, "label", o->label,
						   "class", corrected ? "corrected"
							    : strcmp(o->value, "uphold") == 0 ? "upheld"
											     : "other"));
	}
	return a;
}

/* GET /api/public/reconsideration/meta: the lists the forms and pages show, from the tables the server validates against. */
static enum fz_code meta(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)err;
	json_t *states = json_object();
	const struct fz_case_type *types[] = {&fz_recon_type, &fz_lit_type};
	for (size_t t = 0; t < 2; t++) {
		json_t *a = json_array();
		for (const struct fz_state *s = types[t]->states; s->name; s++)
			json_array_append_new(a, json_pack("{s:s, s:s, s:b}", "value", s->name, "label",
							   s->label, "final", s->final));
		json_object_set_new(states, types[t]->name, a);
	}
	*out = json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			       "applicant_types", fz_options_json(fz_recon_applicant_types), "act_types",
			       fz_options_json(fz_recon_act_types), "channels", fz_options_json(fz_recon_channels),
			       "procedures", fz_options_json(fz_recon_procedures), "simplified_grounds",
			       fz_options_json(fz_recon_simplified_grounds), "decisions",
			       results(req->ctx->arena, fz_recon_decisions), "endings",
			       results(req->ctx->arena, fz_recon_endings), "opinion_kinds",
			       fz_options_json(fz_recon_opinion_kinds), "instances", fz_options_json(fz_lit_instances),
			       "litigation_outcomes", outcomes(), "appearance_posts",
			       fz_options_json(fz_lit_posts), "states", states);
	return FZ_OK;
}

static enum fz_code recon_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_recon_cases_list, out, err);
}

static enum fz_code recon_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_recon_cases_list, out, err);
}

static enum fz_code lit_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_lit_cases_list, out, err);
}

static enum fz_code lit_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_lit_cases_list, out, err);
}

static bool year_agency(struct fz_req *req, int64_t *year, int64_t *agency, struct fz_err *err)
{
	*year = fz_stats_year(req->ctx);
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

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	if (!year_agency(req, &year, &agency, err))
		return err->code;
	return fz_recon_report_json(req->ctx, (int)year, agency, out, err);
}

static enum fz_code stats_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	int64_t year, agency;
	char *data = NULL;
	size_t len = 0;
	if (!year_agency(req, &year, &agency, err) ||
	    fz_recon_report_xlsx(req->ctx, (int)year, agency, &data, &len, err))
		return err->code;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data, len,
		    fz_arena_printf(req->ctx->arena, "%lld年行政复议和行政应诉统计.xlsx", (long long)year));
	return FZ_OK;
}

/*
 * The authority a reconsideration document is issued in the name of: the
 * county people's government (行政复议法 第24条, the county's 行政复议机关;
 * the justice bureau is its 行政复议机构 and handles the case).
 */
static const char *recon_authority(struct fz_ctx *ctx)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL, "SELECT name FROM agency WHERE kind = 'county' ORDER BY agency_id LIMIT 1",
		NULL);
	const char *name = st && fz_stmt_row(st) ? fz_arena_printf(ctx->arena, "%s", fz_col_text(st, 0))
						 : "本县人民政府";
	fz_stmt_done(st);
	return name;
}

/* A stored date "YYYY-MM-DD" as GB/T 9704 writes it ("2026年12月7日"); fallback when none. */
static const char *cn_date(struct fz_ctx *ctx, const char *iso, int fallback)
{
	int d;
	char buf[32];
	fz_date_chinese(iso && fz_date_parse(iso, &d) == FZ_OK ? d : fallback, buf);
	return fz_arena_printf(ctx->arena, "%s", buf);
}

/*
 * What the document that ends a case is called: a decision (第63-69条, 第33条),
 * a mediation agreement (第73条 调解书), or, where the applicant withdrew (after
 * a settlement, 第74条) or the case ended otherwise (第41条), a termination.
 */
static const char *decision_title(const char *d)
{
	if (d && strcmp(d, "mediation") == 0)
		return "行政复议调解书";
	if (d && (strcmp(d, "settle_withdraw") == 0 || strcmp(d, "withdraw") == 0 ||
		  strcmp(d, "terminate") == 0))
		return "行政复议终止决定书";
	return "行政复议决定书";
}

static enum fz_code decision_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	int64_t id;
	struct fz_case_row c;
	struct fz_ctx *ctx = req->ctx;
	if (!fz_req_id(req, 0, &id) || fz_case_load(ctx, id, false, &c, err) ||
	    strcmp(c.type->name, "reconsideration") != 0)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "行政复议案件不存在");
	json_t *f = json_object();
	fz_recon_fields(ctx, id, f, err);
	const char *d = fz_json_str(f, "decision");
	const char *title = decision_title(d);
	bool decision = strcmp(title, "行政复议决定书") == 0;
	struct fz_docx *doc = fz_docx_new();
	fz_docx_para(doc, FZ_P_TITLE, title);
	fz_docx_para(doc, FZ_P_SUBTITLE, c.number);
	fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(ctx->arena, "申请人：%s", fz_json_str(f, "applicant_name")));
	fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(ctx->arena, "被申请人：%s", fz_json_str(f, "respondent_name")));
	if (fz_json_str(f, "third_parties"))
		fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(ctx->arena, "第三人：%s", fz_json_str(f, "third_parties")));
	const char *accepted = fz_json_str(f, "accepted_on");
	fz_docx_para(doc, FZ_P_BODY,
		     fz_arena_printf(ctx->arena,
				     "申请人不服被申请人作出的%s%s，于%s向本机关申请行政复议，本机关%s依法予以受理%s。%s",
				     fz_json_str(f, "act_type_label"),
				     fz_json_str(f, "act_number") ? fz_arena_printf(ctx->arena, "（%s）", fz_json_str(f, "act_number")) : "",
				     cn_date(ctx, c.received_on, ctx->today),
				     accepted ? fz_arena_printf(ctx->arena, "于%s", cn_date(ctx, accepted, ctx->today)) : "",
				     fz_json_str(f, "procedure_label") ? fz_arena_printf(ctx->arena, "，适用%s审理", fz_json_str(f, "procedure_label")) : "",
				     decision ? "本案现已审理终结。" : ""));
	fz_docx_para(doc, FZ_P_BODY, fz_arena_printf(ctx->arena, "申请人请求：%s", fz_json_str(f, "requests")));
	if (fz_json_str(f, "facts"))
		fz_docx_para(doc, FZ_P_BODY, fz_arena_printf(ctx->arena, "申请人称：%s", fz_json_str(f, "facts")));
	if (decision || fz_json_str(f, "decision_text"))
		fz_docx_para(doc, FZ_P_BODY, fz_json_str(f, "decision_text") ? fz_json_str(f, "decision_text")
									   : "（决定正文待填写：经审理查明的事实、理由和依据。）");
	if (strcmp(title, "行政复议终止决定书") == 0)
		fz_docx_para(doc, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "本机关决定：终止本案的行政复议（%s）。",
					     fz_json_str(f, "decision_label")));
	else if (fz_json_str(f, "decision_label"))
		fz_docx_para(doc, FZ_P_BODY, fz_arena_printf(ctx->arena, "%s：%s。",
							     decision ? "决定" : "经调解结案",
							     fz_json_str(f, "decision_label")));
	/* 行政诉讼法 第45条: a decision is open to suit within fifteen days of its receipt. */
	if (decision)
		fz_docx_para(doc, FZ_P_BODY,
			     "申请人如不服本决定，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼。");
	fz_docx_para(doc, FZ_P_PLAIN, "");
	/* GB/T 9704: the issuer's name, then the date in Chinese below it; the seal covers both. */
	fz_docx_para(doc, FZ_P_RIGHT, recon_authority(ctx));
	fz_docx_para(doc, FZ_P_RIGHT, cn_date(ctx, fz_json_str(f, "decided_on"), ctx->today));
	char *data = NULL;
	size_t len = 0;
	fz_err_clear(err);
	enum fz_code rc = fz_docx_finish(doc, &data, &len, err);
	fz_docx_free(doc);
	if (!rc)
		fz_req_file(req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			    data, len, fz_arena_printf(ctx->arena, "%s-%s.docx", title, c.number));
	json_decref(f);
	return rc;
}

#define ANYONE FZ_ROLES_ANYONE
#define SIGNED_IN FZ_ROLES_SIGNED_IN
#define R "行政复议"
#define L "行政应诉"

const struct fz_route fz_recon_routes[] = {
	{"POST", "/api/public/reconsideration", public_apply, ANYONE, FZ_R_RATELIMIT,
	 "网上提出行政复议申请，返回查询码", R, .body = fz_recon_apply_inputs, .status = 201},
	{"GET", "/api/public/reconsideration/track/{code}", track, ANYONE, FZ_R_RATELIMIT,
	 "凭查询码查询复议申请办理进度", R},
	{"GET", "/api/public/reconsideration/meta", meta, ANYONE, 0,
	 "行政复议和行政应诉的选项：申请人类型、行为类型、决定类型及条文、审级、裁判结果、出庭人员职务等", R},
	/* Applications are registered by the reconsideration body (the legal office). */
	{"POST", "/api/reconsideration/cases", staff_register, FZ_ROLES_LEGAL, 0,
	 "登记书面或口头行政复议申请（复议机构）", R, .body = staff_inputs, .status = 201},
	{"GET", "/api/reconsideration/cases", recon_list, SIGNED_IN, 0,
	 "行政复议案件列表：按年度、被申请人、状态、审理程序、行为类型、关键词筛选", R},
	{"GET", "/api/reconsideration/cases.xlsx", recon_export, SIGNED_IN, 0,
	 "导出行政复议案件列表（Excel，筛选和排序同列表）", R},
	{"GET", "/api/litigation/cases", lit_list, SIGNED_IN, 0,
	 "行政应诉案件列表：按年度、被告、状态、审级、裁判结果、关键词筛选", L},
	{"GET", "/api/litigation/cases.xlsx", lit_export, SIGNED_IN, 0,
	 "导出行政应诉案件列表（Excel，筛选和排序同列表）", L},
	{"GET", "/api/reconsideration/stats", stats, SIGNED_IN, 0,
	 "行政复议和行政应诉年度统计（收案、受理、被申请人类型、审结方式、纠错率、出庭应诉率）与报告段落", R},
	{"GET", "/api/reconsideration/stats.xlsx", stats_xlsx, SIGNED_IN, 0,
	 "导出行政复议和行政应诉统计（Excel）", R},
	/* The draft decision is the review body's: the respondent, who reads the case, gets the served one. */
	{"GET", "/api/cases/{id}/documents/decision.docx", decision_docx, FZ_ROLES_ALL_AGENCIES, 0,
	 "生成行政复议决定书（Word）", R, "case:reconsideration"},
	/* Lawsuits: the legal office, or the defendant agency's clerk or head. */
	{"POST", "/api/litigation/cases", lit_register,
	 FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD, 0,
	 "登记行政应诉案件（被告为本县行政机关）", L, .body = fz_lit_inputs, .status = 201},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
