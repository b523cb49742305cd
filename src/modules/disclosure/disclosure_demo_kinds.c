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

static const struct fz_demo_kind kinds[] = {
	{"item", NULL, item},
	{"request", "disclosure", request},
	{NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_disclosure[]; /* scripts/embed-demo.py */

const struct fz_demo fz_disc_demo = {fz_demo_files_disclosure, kinds};
