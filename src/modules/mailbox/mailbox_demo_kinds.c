/*
 * mailbox_demo_kinds.c - what a record of the mailbox's demo data (its demo
 * folder) becomes: a "letter" is a letter sent through the public form on the
 * record's day, checked as the form checks it. Its steps are the letter's
 * transitions (assign, reply, approve, ...), taken by the loader.
 */
#include "core/text.h"
#include "modules/mailbox/mailbox_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static enum fz_code letter(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			   struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, fz_mailbox_letter_inputs, 16, f, NULL, err);
	if (rc)
		return rc;
	if (!fz_phone_valid(fz_json_str(f, "phone")))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	struct fz_letter l = {
		.writer_name = fz_json_str(f, "name"),
		.phone = fz_json_str(f, "phone"),
		.category = fz_json_str(f, "category"),
		.subject = fz_json_str(f, "subject"),
		.content = fz_json_str(f, "content"),
		.publish_ok = json_is_true(json_object_get(f, "publish_ok")),
		.received_on = ctx->today, /* sent online: received the day it is sent */
	};
	struct fz_case_row c;
	if ((rc = fz_mailbox_submit(ctx, &l, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
	{"letter", "mailbox", letter},
	{NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_mailbox[]; /* scripts/embed-demo.py */

const struct fz_demo fz_mailbox_demo = {fz_demo_files_mailbox, kinds};
