/*
 * disclosure_demo_kinds.c - what a record of the disclosure module's demo
 * data (its demo folder) becomes:
 *   item     a catalogue item (主动公开) an agency publishes;
 *   request  a request for information (依申请公开): sent online through the
 *            portal when the record names no account, else registered by the
 *            agency's staff with its channel and dates, the receipt day found
 *            as 第31条 says. Its steps are the request's transitions.
 * Each is checked as the API checks the same form.
 */
#include <string.h>

#include "core/text.h"
#include "modules/disclosure/disclosure_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static int date_or_none(json_t *f, const char *key)
{
	int d;
	const char *s = fz_json_str(f, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static enum fz_code item(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			 struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "agency_id", .label = "公开单位", .type = FZ_IN_AGENCY, .required = true},
		{.name = "category", .label = "信息类别", .type = FZ_IN_SELECT, .required = true,
		 .options = fz_disc_categories},
		{.name = "title", .label = "标题", .type = FZ_IN_TEXT, .required = true, .max_chars = 200},
		{.name = "body", .label = "正文", .type = FZ_IN_TEXTAREA, .required = true,
		 .max_chars = 50000},
		{.name = "created_on", .label = "信息形成（变更）日期", .type = FZ_IN_DATE, .required = true},
		{.name = "published_on", .label = "公开日期", .type = FZ_IN_DATE, .required = true},
		{.name = "valid_until", .label = "有效期至", .type = FZ_IN_DATE},
		{.name = NULL}};
	enum fz_code rc = fz_json_check_inputs(ctx, inputs, 8, f, NULL, err);
	if (rc)
		return rc;
	struct fz_disc_item it = {
		.agency_id = json_integer_value(json_object_get(f, "agency_id")),
		.category = fz_json_str(f, "category"),
		.title = fz_json_str(f, "title"),
		.body = fz_json_str(f, "body"),
		.created_on = date_or_none(f, "created_on"),
		.published_on = date_or_none(f, "published_on"),
		.valid_until = date_or_none(f, "valid_until"),
	};
	if (!fz_ctx_may_see(ctx, it.agency_id))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能发布本单位的信息");
	json_t *out = NULL;
	if ((rc = fz_disc_item_create(ctx, &it, &out, err)))
		return rc;
	*id = json_integer_value(json_object_get(out, "item_id"));
	*case_id = 0;
	json_decref(out);
	return FZ_OK;
}

/* The receipt day of a request staff register (第31条), from its channel and dates. */
static enum fz_code received(struct fz_ctx *ctx, json_t *f, struct fz_disc_request *r,
			     struct fz_err *err)
{
	struct fz_disc_dates d = {date_or_none(f, "submitted_on"), date_or_none(f, "signed_on"),
				  date_or_none(f, "confirmed_on")};
	enum fz_code rc = fz_disc_receipt_day(r->channel, &d, &r->received_on, err);
	if (rc)
		return rc;
	if (r->received_on > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "submitted_on", "收到申请的日期不能晚于今天");
	r->submitted_on = d.submitted_on;
	return FZ_OK;
}

static enum fz_code request(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	bool online = !ctx->user;
	enum fz_code rc = fz_json_check_inputs(
		ctx, online ? fz_disc_public_inputs : fz_disc_staff_inputs, 32, f, NULL, err);
	if (rc)
		return rc;
	if (!fz_phone_valid(fz_json_str(f, "phone")))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	struct fz_disc_request r = {
		.channel = online ? "online" : fz_json_str(f, "channel"),
		.applicant_type = fz_json_str(f, "applicant_type"),
		.applicant_name = fz_json_str(f, "applicant_name"),
		.id_number = fz_json_str(f, "id_number"),
		.phone = fz_json_str(f, "phone"),
		.address = fz_json_str(f, "address"),
		.email = fz_json_str(f, "email"),
		.description = fz_json_str(f, "description"),
		.purpose = fz_json_str(f, "purpose"),
		.delivery = fz_json_str(f, "delivery"),
		/* 第31条（三）: sent online, received the day the portal confirms it. */
		.submitted_on = ctx->today,
		.received_on = ctx->today,
		.agency_id = json_integer_value(json_object_get(f, "agency_id")),
	};
	if (!online && !fz_ctx_may_see(ctx, r.agency_id))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能登记本单位收到的申请");
	if (!online && (rc = received(ctx, f, &r, err)))
		return rc;
	struct fz_case_row c;
	if ((rc = fz_disc_submit(ctx, &r, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

/*
 * An annual report (第49条/第50条) published by the head of the office whose
 * report it is, through the same save-and-publish as the report page: its
 * figures are frozen as on the day it is published. year: the year before the
 * record's day unless given; agency_id: a department's report, absent for the
 * county's (the legal office's head).
 */
static enum fz_code report(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			   struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "agency_id", .label = "单位", .type = FZ_IN_AGENCY},
		{.name = "year", .label = "报告年度", .type = FZ_IN_INT, .min = 2000, .max = 2100},
		{.name = "overall", .label = "一、总体情况", .type = FZ_IN_TEXTAREA, .required = true,
		 .max_chars = 20000},
		{.name = "problems", .label = "五、存在的主要问题及改进情况", .type = FZ_IN_TEXTAREA,
		 .required = true, .max_chars = 20000},
		{.name = "other", .label = "六、其他需要报告的事项", .type = FZ_IN_TEXTAREA,
		 .required = true, .max_chars = 20000},
		{.name = NULL}};
	enum fz_code rc = fz_json_check_inputs(ctx, inputs, 8, f, NULL, err);
	if (rc)
		return rc;
	enum fz_role role = fz_ctx_role(ctx);
	if (role != FZ_ROLE_LEGAL_HEAD && role != FZ_ROLE_AGENCY_HEAD)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "年度报告由法制机构负责人或本单位负责人发布");
	int64_t agency = json_integer_value(json_object_get(f, "agency_id"));
	if (!fz_ctx_sees_all(ctx)) {
		if (agency && agency != ctx->user->agency_id)
			return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能发布本单位的年度报告");
		agency = ctx->user->agency_id;
	}
	int y, m, d;
	fz_date_to_ymd(ctx->today, &y, &m, &d);
	json_t *yv = json_object_get(f, "year");
	int year = yv ? (int)json_integer_value(yv) : y - 1;
	if ((rc = fz_disc_report_save(ctx, year, agency, f, true, err)))
		return rc;
	*id = year * 100000LL + agency;
	*case_id = 0;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
	{"item", NULL, item},
	{"request", "disclosure", request},
	{"report", NULL, report},
	{NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_disclosure[]; /* scripts/embed-demo.py */

const struct fz_demo fz_disc_demo = {fz_demo_files_disclosure, kinds};
