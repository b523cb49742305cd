/*
 * recon_demo_kinds.c - what a record of the reconsideration module's demo
 * data (its demo folder) becomes, each checked as the staff registration
 * form checks it:
 *   application  an application for reconsideration the legal office
 *                registers (written or oral, with the day it was received);
 *   lawsuit      an administrative lawsuit against a county agency, linked to
 *                the reconsideration it follows when recon_case_id names one.
 * Their steps are the transitions of the two procedures.
 */
#include <string.h>

#include "core/text.h"
#include "modules/reconsideration/recon_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static enum fz_code application(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				struct fz_err *err)
{
	static const char *const extra[] = {"channel", "received_on", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_recon_apply_inputs, 32, f, extra, err);
	if (rc)
		return rc;
	const char *channel = fz_json_str(f, "channel");
	if (!channel || (strcmp(channel, "written") != 0 && strcmp(channel, "oral") != 0))
		return fz_err_set(err, FZ_EBAD_VALUE, "channel", "申请方式应为 written（书面）或 oral（口头）");
	if (!fz_phone_valid(fz_json_str(f, "phone")))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	int received;
	if (fz_date_parse(fz_json_str(f, "received_on"), &received) != FZ_OK)
		return fz_err_set(err, FZ_EMISSING_FIELD, "received_on", "请填写收到申请日期");
	if (received > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "收到申请日期不能晚于今天");
	struct fz_case_row c;
	if ((rc = fz_recon_submit(ctx, f, channel, received, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static enum fz_code lawsuit(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, fz_lit_inputs, 16, f, NULL, err);
	if (rc)
		return rc;
	if (!fz_ctx_may_see(ctx, json_integer_value(json_object_get(f, "agency_id"))))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能登记本单位作为被告的案件");
	struct fz_case_row c;
	if ((rc = fz_lit_submit(ctx, f, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
	{"application", "reconsideration", application},
	{"lawsuit", "litigation", lawsuit},
	{NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_reconsideration[]; /* scripts/embed-demo.py */

const struct fz_demo fz_recon_demo = {fz_demo_files_reconsideration, kinds};
