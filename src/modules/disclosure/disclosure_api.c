/*
 * disclosure_api.c - HTTP routes of the disclosure module: the public request
 * form and tracking, the public catalogue, staff registration of requests
 * received in person, by post or fax (第31条 receipt day), the catalogue for
 * staff, and the annual report. Generic case routes serve request handling.
 */
#include <string.h>

#include "core/text.h"
#include "modules/disclosure/disclosure_int.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

static const struct fz_option deliveries[] = {
	{"pickup", "自行领取"}, {"post", "邮寄"}, {"email", "电子邮件"}, {"online", "网上获取"},
	{NULL, NULL}};

#define APPLICANT_INPUTS                                                                       \
	{.name = "agency_id", .label = "申请公开的机关", .type = FZ_IN_AGENCY, .required = true},  \
	{.name = "applicant_type", .label = "申请人类型", .type = FZ_IN_SELECT, .required = true,  \
	 .options = fz_disc_applicant_types},                                                   \
	{.name = "applicant_name", .label = "申请人姓名或名称", .type = FZ_IN_TEXT,               \
	 .required = true, .max_chars = 100},                                                   \
	{.name = "id_number", .label = "身份证件号码或统一社会信用代码", .type = FZ_IN_TEXT,      \
	 .max_chars = 30},                                                                      \
	{.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .required = true,              \
	 .max_chars = 20},                                                                      \
	{.name = "address", .label = "通信地址", .type = FZ_IN_TEXT, .max_chars = 200},            \
	{.name = "email", .label = "电子邮箱", .type = FZ_IN_TEXT, .max_chars = 100},              \
	{.name = "description", .label = "所需政府信息的名称、文号或便于查询的其他特征性描述",    \
	 .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 3000},                          \
	{.name = "purpose", .label = "用途（选填）", .type = FZ_IN_TEXT, .max_chars = 200},        \
	{.name = "delivery", .label = "获取信息的方式", .type = FZ_IN_SELECT, .required = true,   \
	 .options = deliveries}

const struct fz_input fz_disc_public_inputs[] = {APPLICANT_INPUTS, {.name = NULL}};
const struct fz_input fz_disc_staff_inputs[] = {
	APPLICANT_INPUTS,
	{.name = "channel", .label = "申请方式", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_disc_channels},
	{.name = "submitted_on", .label = "申请人提交日期", .type = FZ_IN_DATE, .required = true},
	{.name = "signed_on", .label = "签收日期（邮寄需签收）", .type = FZ_IN_DATE},
	{.name = "confirmed_on", .label = "双方确认日期（平常信函、传真、电子邮件）", .type = FZ_IN_DATE},
	{.name = NULL}};

static int opt_date(json_t *body, const char *key)
{
	int d;
	const char *s = fz_json_str(body, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static void fill(struct fz_disc_request *r, json_t *b)
{
	r->applicant_type = fz_json_str(b, "applicant_type");
	r->applicant_name = fz_json_str(b, "applicant_name");
	r->id_number = fz_json_str(b, "id_number");
	r->phone = fz_json_str(b, "phone");
	r->address = fz_json_str(b, "address");
	r->email = fz_json_str(b, "email");
	r->description = fz_json_str(b, "description");
	r->purpose = fz_json_str(b, "purpose");
	r->delivery = fz_json_str(b, "delivery");
	r->agency_id = json_integer_value(json_object_get(b, "agency_id"));
}

/* A plausible e-mail address: one @, something before it, a dot in the domain, no spaces. */
static bool email_valid(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strpbrk(s, " \t\r\n<>,;\"'"))
		return false;
	const char *dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1];
}

/*
 * The applicant's contact details, checked against the way the information is
 * to be sent (第29条: the request names how the applicant wants to receive it):
 * by e-mail needs an address to send to, by post a postal address.
 */
static enum fz_code contact_check(json_t *b, struct fz_err *err)
{
	if (!fz_phone_valid(fz_json_str(b, "phone")))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	const char *delivery = fz_json_str(b, "delivery"), *email = fz_json_str(b, "email"),
		   *address = fz_json_str(b, "address");
	if (email && *email && !email_valid(email))
		return fz_err_set(err, FZ_EBAD_VALUE, "email", "电子邮箱格式不正确，例如 name@example.cn");
	if (strcmp(delivery, "email") == 0 && !(email && *email))
		return fz_err_set(err, FZ_EMISSING_FIELD, "email", "选择以电子邮件获取信息时，须填写电子邮箱");
	if (strcmp(delivery, "post") == 0 && !(address && *address))
		return fz_err_set(err, FZ_EMISSING_FIELD, "address", "选择邮寄获取信息时，须填写通信地址");
	return FZ_OK;
}

static json_t *created(struct fz_req *req, const struct fz_case_row *c)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s}", "case_id", (json_int_t)c->case_id,
			      "tracking_code", c->tracking_code, "number", c->number, "received_on",
			      c->received_on);
	fz_case_receipt_due_json(req->ctx, c->case_id, NULL, o);
	return o;
}

static enum fz_code public_submit(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *b = req->body;
	if (contact_check(b, err))
		return err->code;
	/* 第31条（三）: an online request is received on the day both sides confirm; the
	 * portal confirms at once with the tracking code, so that is the day it is sent. */
	struct fz_disc_request r = {.channel = "online", .submitted_on = req->ctx->today,
				    .received_on = req->ctx->today};
	fill(&r, b);
	struct fz_case_row c;
	if (fz_disc_submit(req->ctx, &r, &c, err))
		return err->code;
	*out = created(req, &c);
	return FZ_OK;
}

static enum fz_code staff_register(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *b = req->body;
	if (contact_check(b, err))
		return err->code;
	struct fz_disc_request r = {.channel = fz_json_str(b, "channel")};
	fill(&r, b);
	if (!fz_ctx_may_see(req->ctx, r.agency_id))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能登记本单位收到的申请");
	struct fz_disc_dates d = {opt_date(b, "submitted_on"), opt_date(b, "signed_on"),
				  opt_date(b, "confirmed_on")};
	if (fz_disc_receipt_day(r.channel, &d, &r.received_on, err))
		return err->code;
	if (r.received_on > req->ctx->today) {
		/* Name the date that set the receipt day (第31条), as fz_disc_receipt_day does. */
		const char *field = strcmp(r.channel, "in_person") == 0	    ? "submitted_on"
				    : strcmp(r.channel, "post_signed") == 0 ? "signed_on"
									    : "confirmed_on";
		return fz_err_set(err, FZ_EBAD_DATE, field, "收到申请的日期不能晚于今天");
	}
	r.submitted_on = d.submitted_on;
	struct fz_case_row c;
	if (fz_disc_submit(req->ctx, &r, &c, err))
		return err->code;
	*out = created(req, &c);
	return FZ_OK;
}

static enum fz_code track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char code[15];
	if (!fz_tracking_normalize(req->params[0], code))
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "查询码格式不正确，应为 12 位字母数字");
	return fz_disc_track_json(req->ctx, code, out, err);
}

static bool int_arg(struct fz_req *req, const char *key, int64_t min, int64_t max, int64_t *out,
		    const char *label, struct fz_err *err)
{
	const char *s = fz_req_query(req, key);
	if (!s)
		return true;
	if (fz_parse_int(s, min, max, out))
		return true;
	fz_err_set(err, FZ_EBAD_VALUE, key, "%s应为 %lld 至 %lld 的整数", label, (long long)min,
		   (long long)max);
	return false;
}

static enum fz_code public_items(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_disc_public_items_list, out, err);
}

static enum fz_code staff_items(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_disc_items_list, out, err);
}

static enum fz_code items_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_disc_items_list, out, err);
}

static enum fz_code item_get(struct fz_req *req, bool public_only, json_t **out,
			     struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "该信息不存在", err);
	return rc ? rc : fz_disc_item_json(req->ctx, id, public_only, out, err);
}

static enum fz_code public_item(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return item_get(req, true, out, err);
}

static enum fz_code staff_item(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return item_get(req, false, out, err);
}

static const struct fz_input item_inputs[] = {
	{.name = "agency_id", .label = "公开单位", .type = FZ_IN_AGENCY, .required = true},
	{.name = "category", .label = "信息类别", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_disc_categories},
	{.name = "title", .label = "标题", .type = FZ_IN_TEXT, .required = true, .max_chars = 200},
	{.name = "body", .label = "正文", .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 50000},
	{.name = "created_on", .label = "信息形成（变更）日期", .type = FZ_IN_DATE, .required = true},
	{.name = "published_on", .label = "公开日期", .type = FZ_IN_DATE, .required = true},
	{.name = "valid_until", .label = "有效期至", .type = FZ_IN_DATE},
	{.name = NULL}};

static enum fz_code item_create(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *b = req->body;
	struct fz_disc_item it = {
		.agency_id = json_integer_value(json_object_get(b, "agency_id")),
		.category = fz_json_str(b, "category"),
		.title = fz_json_str(b, "title"),
		.body = fz_json_str(b, "body"),
		.created_on = opt_date(b, "created_on"),
		.published_on = opt_date(b, "published_on"),
		.valid_until = opt_date(b, "valid_until"),
	};
	if (!fz_ctx_may_see(req->ctx, it.agency_id))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能发布本单位的信息");
	return fz_disc_item_create(req->ctx, &it, out, err);
}

/* Which report a user may read or edit: agency roles only their own agency's. */
static bool report_scope(struct fz_req *req, int64_t *year, int64_t *agency, struct fz_err *err)
{
	*year = fz_stats_year(req->ctx);
	*agency = 0;
	if (!int_arg(req, "year", 2000, 2100, year, "年份", err) ||
	    !int_arg(req, "agency_id", 0, INT64_MAX, agency, "单位编号", err))
		return false;
	if (!fz_ctx_sees_all(req->ctx)) {
		if (*agency && *agency != req->ctx->user->agency_id) {
			fz_err_set(err, FZ_ENOT_FOUND, "agency_id", "只能查看本单位的年度报告");
			return false;
		}
		*agency = req->ctx->user->agency_id;
	}
	return true;
}

static enum fz_code report_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	if (!report_scope(req, &year, &agency, err))
		return err->code;
	return fz_disc_report_json(req->ctx, (int)year, agency, out, err);
}

static const struct fz_input report_inputs[] = {
	{.name = "overall", .label = "一、总体情况", .type = FZ_IN_TEXTAREA, .max_chars = 20000},
	{.name = "problems", .label = "五、存在的主要问题及改进情况", .type = FZ_IN_TEXTAREA,
	 .max_chars = 20000},
	{.name = "other", .label = "六、其他需要报告的事项", .type = FZ_IN_TEXTAREA, .max_chars = 20000},
	{.name = NULL}};

static enum fz_code report_write(struct fz_req *req, bool publish, json_t **out,
				 struct fz_err *err)
{
	int64_t year, agency;
	if (!report_scope(req, &year, &agency, err) ||
	    fz_disc_report_save(req->ctx, (int)year, agency, req->body, publish, err))
		return err->code;
	return fz_disc_report_json(req->ctx, (int)year, agency, out, err);
}

static enum fz_code report_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return report_write(req, false, out, err);
}

static enum fz_code report_publish(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return report_write(req, true, out, err);
}

static const char DOCX[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
static const char XLSX[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

static enum fz_code send_file(struct fz_req *req, enum fz_code rc, const char *type, char *data,
			      size_t len, const char *filename)
{
	if (!rc)
		fz_req_file(req, type, data, len, fz_arena_strdup(req->ctx->arena, filename));
	return rc;
}

static enum fz_code reply_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	int64_t id;
	struct fz_case_row c;
	char *data = NULL, name[160];
	size_t len = 0;
	enum fz_code rc = fz_req_id(req, 0, &id) ? fz_case_load(req->ctx, id, false, &c, err)
						 : fz_err_set(err, FZ_ENOT_FOUND, "id", NULL);
	if (!rc && strcmp(c.type->name, "disclosure") != 0)
		rc = fz_err_set(err, FZ_ENOT_FOUND, "id", "该案件不是政府信息公开申请");
	if (!rc)
		rc = fz_disc_reply_docx(req->ctx, id, &data, &len, name, sizeof name, err);
	return send_file(req, rc, DOCX, data, len, name);
}

static enum fz_code public_reply_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	char code[15], *data = NULL, name[160];
	size_t len = 0;
	int64_t id = 0;
	enum fz_code rc = FZ_OK;
	if (!fz_tracking_normalize(req->params[0], code)) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "code", "查询码格式不正确");
	} else {
		struct fz_stmt *st = fz_db_query(
			req->ctx->db, err,
			"SELECT case_id FROM case_record WHERE tracking_code = ? AND case_type = 'disclosure'"
			" AND state = 'replied'",
			"t", code);
		if (st && fz_stmt_row(st))
			id = fz_col_int(st, 0);
		fz_stmt_done(st);
		if (!id)
			rc = fz_err_set(err, FZ_ENOT_FOUND, "code", "没有找到已答复的申请，请核对查询码");
	}
	if (!rc)
		rc = fz_disc_reply_docx(req->ctx, id, &data, &len, name, sizeof name, err);
	return send_file(req, rc, DOCX, data, len, name);
}

static enum fz_code report_file(struct fz_req *req, bool excel, struct fz_err *err)
{
	int64_t year, agency;
	char *data = NULL, name[200];
	size_t len = 0;
	enum fz_code rc = report_scope(req, &year, &agency, err) ? FZ_OK : err->code;
	if (!rc)
		rc = excel ? fz_disc_report_xlsx(req->ctx, (int)year, agency, false, &data, &len,
						 name, sizeof name, err)
			   : fz_disc_report_docx(req->ctx, (int)year, agency, false, &data, &len,
						 name, sizeof name, err);
	return send_file(req, rc, excel ? XLSX : DOCX, data, len, name);
}

/* ---- published reports on the portal (第49条: departments by 31 January, the county by 31 March) ---- */

static enum fz_code public_reports(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_disc_reports_published(req->ctx, out, err);
}

/* {year} from the path and ?agency_id= (0, the whole county, when absent). */
static bool public_report_args(struct fz_req *req, int64_t *year, int64_t *agency,
			       struct fz_err *err)
{
	*agency = 0;
	if (!fz_parse_int(req->params[0], 2000, 2100, year)) {
		fz_err_set(err, FZ_ENOT_FOUND, "year", "年份应为 2000 至 2100 的整数");
		return false;
	}
	return int_arg(req, "agency_id", 0, INT64_MAX, agency, "单位编号", err);
}

static enum fz_code public_report(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year, agency;
	if (!public_report_args(req, &year, &agency, err))
		return err->code;
	return fz_disc_report_published(req->ctx, (int)year, agency, out, err);
}

static enum fz_code public_report_file(struct fz_req *req, bool excel, struct fz_err *err)
{
	int64_t year, agency;
	char *data = NULL, name[200];
	size_t len = 0;
	enum fz_code rc = public_report_args(req, &year, &agency, err) ? FZ_OK : err->code;
	if (!rc)
		rc = excel ? fz_disc_report_xlsx(req->ctx, (int)year, agency, true, &data, &len, name,
						 sizeof name, err)
			   : fz_disc_report_docx(req->ctx, (int)year, agency, true, &data, &len, name,
						 sizeof name, err);
	return send_file(req, rc, excel ? XLSX : DOCX, data, len, name);
}

static enum fz_code public_report_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	return public_report_file(req, false, err);
}

static enum fz_code public_report_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	return public_report_file(req, true, err);
}

static enum fz_code report_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	return report_file(req, false, err);
}

static enum fz_code report_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	return report_file(req, true, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t year = fz_stats_year(req->ctx);
	if (!int_arg(req, "year", 2000, 2100, &year, "年份", err))
		return err->code;
	return fz_disc_stats_json(req->ctx, (int)year, out, err);
}

static enum fz_code meta(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)req;
	(void)err;
	*out = json_pack("{s:o, s:o, s:o, s:o, s:o}", "applicant_types",
			 fz_options_json(fz_disc_applicant_types), "channels",
			 fz_options_json(fz_disc_channels), "deliveries", fz_options_json(deliveries),
			 "categories", fz_options_json(fz_disc_categories), "outcomes",
			 fz_options_json(fz_disc_outcome_options));
	return FZ_OK;
}

/* Catalogue items belong to the agency that publishes them. */
const struct fz_record_kind fz_disc_records[] = {
	{"disclosure_item", "SELECT agency_id FROM disclosure_item WHERE item_id = ?"},
	{NULL, NULL},
};

#define ANYONE FZ_ROLES_ANYONE
#define SIGNED_IN FZ_ROLES_SIGNED_IN
#define D "政府信息公开"
/* Who handles requests and keeps the catalogue and report: the legal office and agency staff. */
#define KEEPERS (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

const struct fz_route fz_disc_routes[] = {
	{"GET", "/api/public/disclosure/meta", meta, ANYONE, 0, "政府信息公开：申请人类型、申请方式、信息类别、答复类型", D},
	{"POST", "/api/public/disclosure/requests", public_submit, ANYONE, FZ_R_RATELIMIT,
	 "网上提交政府信息公开申请，返回查询码", D, .body = fz_disc_public_inputs, .status = 201},
	{"GET", "/api/public/disclosure/track/{code}", track, ANYONE, FZ_R_RATELIMIT,
	 "凭查询码查询申请办理进度与答复", D},
	{"GET", "/api/public/disclosure/items", public_items, ANYONE, 0, "主动公开目录：按单位、类别浏览，全文检索", D},
	{"GET", "/api/public/disclosure/items/{id}", public_item, ANYONE, 0, "主动公开信息详情", D, "disclosure_item"},
	{"GET", "/api/public/disclosure/reports", public_reports, ANYONE, 0, "已发布的政府信息公开工作年度报告", D},
	{"GET", "/api/public/disclosure/reports/{year}", public_report, ANYONE, 0,
	 "已发布的年度报告（发布时的数据与文字）", D},
	{"GET", "/api/public/disclosure/reports/{year}/report.docx", public_report_docx, ANYONE, 0,
	 "下载已发布的年度报告（Word）", D},
	{"GET", "/api/public/disclosure/reports/{year}/report.xlsx", public_report_xlsx, ANYONE, 0,
	 "下载已发布的年度报告表格（Excel）", D},
	{"POST", "/api/disclosure/requests", staff_register, KEEPERS, 0,
	 "登记当面、邮寄、传真、电子邮件等方式收到的申请（按第三十一条确定收到日期）", D,
	 .body = fz_disc_staff_inputs, .status = 201},
	{"GET", "/api/disclosure/items", staff_items, SIGNED_IN, 0, "主动公开信息列表（含未到公开日期的）", D},
	{"GET", "/api/disclosure/items.xlsx", items_export, SIGNED_IN, 0,
	 "导出主动公开信息列表（Excel，筛选同列表）", D},
	{"GET", "/api/disclosure/items/{id}", staff_item, SIGNED_IN, 0, "主动公开信息详情（工作人员）", D, "disclosure_item"},
	{"POST", "/api/disclosure/items", item_create, KEEPERS | FZ_ROLE_ADMIN, 0,
	 "发布主动公开信息（标记超过20个工作日公开的）", D, .body = item_inputs, .status = 201},
	{"GET", "/api/disclosure/report", report_get, SIGNED_IN, 0, "政府信息公开工作年度报告（表二、表三、表四及文字部分）", D},
	{"PUT", "/api/disclosure/report", report_put, KEEPERS, 0, "保存年度报告文字部分", D, .body = report_inputs},
	/* Published by the head of the office whose report it is. */
	{"POST", "/api/disclosure/report/publish", report_publish, FZ_ROLE_LEGAL_HEAD | FZ_ROLE_AGENCY_HEAD, 0,
	 "发布年度报告（表三须平衡；负责人）", D, .body = report_inputs},
	{"GET", "/api/disclosure/report.docx", report_docx, SIGNED_IN, 0, "导出年度报告（Word，规定格式）", D},
	{"GET", "/api/disclosure/report.xlsx", report_xlsx, SIGNED_IN, 0, "导出年度报告表格（Excel）", D},
	{"GET", "/api/disclosure/stats", stats, SIGNED_IN, 0, "年度统计：按单位、申请方式、申请人类型、答复类型；按期答复率、平均答复用时", D},
	{"GET", "/api/cases/{id}/documents/reply.docx", reply_docx, SIGNED_IN, 0, "生成答复告知书（Word）", D, "case:disclosure"},
	{"GET", "/api/public/disclosure/track/{code}/reply.docx", public_reply_docx, ANYONE, FZ_R_RATELIMIT,
	 "申请人凭查询码下载答复告知书（Word）", D},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
