/*
 * mailbox_api.c - the mailbox's HTTP routes: the public letter form, tracking,
 * published replies, and the yearly statistics for staff. Generic case routes
 * (list, detail, actions, attachments) serve the staff side.
 */
#include <string.h>

#include "core/text.h"
#include "modules/mailbox/mailbox_int.h"
#include "platform/jsonx.h"

static void submit(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *body = NULL;
	if (fz_req_json(req, &body, &err) ||
	    fz_json_check_inputs(req->ctx, fz_mailbox_letter_inputs, 16, body, NULL, &err))
		goto fail;
	const char *phone = fz_json_str(body, "phone");
	if (!fz_phone_valid(phone)) {
		fz_err_set(&err, FZ_EBAD_VALUE, "phone",
			   "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
		goto fail;
	}
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
	if (fz_mailbox_submit(req->ctx, &l, &c, &err))
		goto fail;
	json_t *clocks = NULL;
	const char *due = NULL;
	if (fz_case_clocks_json(req->ctx, c.case_id, &clocks, &err) == FZ_OK) {
		size_t i;
		json_t *k;
		json_array_foreach(clocks, i, k)
		{
			if (strcmp(fz_json_str(k, "name"), "reply") == 0)
				due = fz_arena_strdup(req->ctx->arena, fz_json_str(k, "due_date"));
		}
		json_decref(clocks);
	}
	fz_resp_json(resp, 201,
		     json_pack("{s:s, s:s, s:s, s:s?}", "tracking_code", c.tracking_code, "number",
			       c.number, "received_on", c.received_on, "due_date", due));
	json_decref(body);
	return;
fail:
	json_decref(body);
	fz_resp_error(resp, &err);
}

static void track(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	char code[15];
	json_t *out;
	if (!fz_tracking_normalize(req->params[0], code)) {
		fz_err_set(&err, FZ_ENOT_FOUND, "code", "查询码格式不正确，应为 12 位字母数字（如 ACDE-FGHJ-KMNP）");
		fz_resp_error(resp, &err);
		return;
	}
	if (fz_mailbox_track_json(req->ctx, code, &out, &err))
		fz_resp_error(resp, &err);
	else
		fz_resp_json(resp, 200, out);
}

static bool page_args(struct fz_req *req, int *page, int *per_page, int max, struct fz_err *err)
{
	int64_t v;
	const char *p = fz_req_query(req, "page"), *pp = fz_req_query(req, "per_page");
	*page = 1;
	if (p) {
		if (!fz_parse_int(p, 1, 100000, &v)) {
			fz_err_set(err, FZ_EBAD_VALUE, "page", "页码应为 1 至 100000 的整数");
			return false;
		}
		*page = (int)v;
	}
	if (pp) {
		if (!fz_parse_int(pp, 1, max, &v)) {
			fz_err_set(err, FZ_EBAD_VALUE, "per_page", "每页条数应为 1 至 %d 的整数", max);
			return false;
		}
		*per_page = (int)v;
	}
	return true;
}

static void replies(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int page, per_page = 10;
	json_t *out;
	const char *q = fz_req_query(req, "q");
	if (q && fz_utf8_chars(q) > 50) {
		fz_err_set(&err, FZ_EBAD_VALUE, "q", "关键词不能超过 50 个字");
		fz_resp_error(resp, &err);
		return;
	}
	if (!page_args(req, &page, &per_page, 50, &err) ||
	    fz_mailbox_replies_json(req->ctx, q, page, per_page, &out, &err))
		fz_resp_error(resp, &err);
	else
		fz_resp_json(resp, 200, out);
}

static void stats(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	int y, m, d;
	fz_date_to_ymd(req->ctx->today, &y, &m, &d);
	const char *ys = fz_req_query(req, "year");
	int64_t year = y;
	if (ys && !fz_parse_int(ys, 2000, 2100, &year)) {
		fz_err_set(&err, FZ_EBAD_VALUE, "year", "年份应为 2000 至 2100 的整数");
		fz_resp_error(resp, &err);
		return;
	}
	json_t *out;
	if (fz_mailbox_stats_json(req->ctx, (int)year, &out, &err))
		fz_resp_error(resp, &err);
	else
		fz_resp_json(resp, 200, out);
}

const struct fz_route fz_mailbox_routes[] = {
	{"POST", "/api/public/mailbox", submit, FZ_R_PUBLIC | FZ_R_RATELIMIT,
	 "公众写信（县长信箱），返回查询码", "县长信箱", NULL},
	{"GET", "/api/public/track/{code}", track, FZ_R_PUBLIC | FZ_R_RATELIMIT,
	 "凭查询码查询来信办理进度与答复", "县长信箱", NULL},
	{"GET", "/api/public/mailbox/replies", replies, FZ_R_PUBLIC, "公开答复列表（分页、关键词）",
	 "县长信箱", NULL},
	{"GET", "/api/mailbox/stats", stats, 0, "年度来信统计：按类别、按承办单位，按期答复率",
	 "县长信箱", NULL},
	{NULL, NULL, NULL, 0, NULL, NULL, NULL},
};
