/*
 * mailbox_api.c - the mailbox's HTTP routes: the public letter form, tracking,
 * published replies, and the yearly statistics for staff. Generic case routes
 * (list, detail, actions, attachments) serve the staff side.
 */
#include <string.h>

#include "core/text.h"
#include "modules/mailbox/mailbox_int.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

static enum fz_code submit(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *body = req->body;
	const char *phone = fz_json_str(body, "phone");
	if (!fz_phone_valid(phone))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	struct fz_letter l = {
		.writer_name = fz_json_str(body, "name"),
		.phone = phone,
		.category = fz_json_str(body, "category"),
		.subject = fz_json_str(body, "subject"),
		.content = fz_json_str(body, "content"),
		.publish_ok = json_is_true(json_object_get(body, "publish_ok")),
		/* 网上提交：收信日为提交当日（online submission is received the day it is sent). */
		.received_on = req->ctx->today,
	};
	struct fz_case_row c;
	enum fz_code rc = fz_mailbox_submit(req->ctx, &l, &c, err);
	if (rc)
		return rc;
	*out = json_pack("{s:s, s:s, s:s}", "tracking_code", c.tracking_code, "number", c.number,
			 "received_on", c.received_on);
	fz_case_receipt_due_json(req->ctx, c.case_id, "reply", *out);
	return FZ_OK;
}

static enum fz_code track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char code[15];
	if (!fz_tracking_normalize(req->params[0], code))
		return fz_err_set(err, FZ_ENOT_FOUND, "code",
				  "查询码格式不正确，应为 12 位字母数字（如 ACDE-FGHJ-KMNP）");
	return fz_mailbox_track_json(req->ctx, code, out, err);
}

static enum fz_code replies(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_mailbox_replies_list, out, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	return rc ? rc : fz_mailbox_stats_json(req->ctx, year, out, err);
}

/* /api/meta: the letter categories the public form offers. */
void fz_mailbox_meta(json_t *obj)
{
	json_object_set_new(obj, "mailbox_categories", fz_options_json(fz_mailbox_categories));
}

#define T "县长信箱"

const struct fz_route fz_mailbox_routes[] = {
	{"POST", "/api/public/mailbox", submit, FZ_ROLES_ANYONE, FZ_R_RATELIMIT,
	 "公众写信（县长信箱），返回查询码", T, .body = fz_mailbox_letter_inputs, .status = 201},
	{"GET", "/api/public/track/{code}", track, FZ_ROLES_ANYONE, FZ_R_RATELIMIT,
	 "凭查询码查询来信办理进度与答复", T},
	{"GET", "/api/public/mailbox/replies", replies, FZ_ROLES_ANYONE, 0,
	 "公开答复列表（分页、关键词）", T},
	{"GET", "/api/mailbox/stats", stats, FZ_ROLES_SIGNED_IN, 0,
	 "年度来信统计：按类别、按承办单位，按期答复率", T},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
