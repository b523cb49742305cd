/*
 * petition_demo_kinds.c - what a record of the petitions' demo data becomes:
 * a "petition" registered by the account that names it (its `channel` and
 * `received_on`), or sent on the portal when there is no account, checked as
 * those forms check it. Its steps are the petition's transitions.
 */
#include "modules/petition/petition_int.h"
#include "platform/accounts.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static enum fz_code petition(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	bool staff = ctx->user && ctx->user->agency_id;
	enum fz_code rc = fz_json_check_inputs(
	    ctx, staff ? fz_petition_staff_inputs : fz_petition_public_inputs, 16, f, NULL, err);
	if (rc)
		return rc;
	int received = ctx->today;
	if (staff)
		fz_date_parse(fz_json_str(f, "received_on"), &received);
	struct fz_case_row c;
	if ((rc = fz_petition_submit(ctx, f, staff ? fz_json_str(f, "channel") : "online",
				     staff ? ctx->user->agency_id : fz_county_office(ctx->db),
				     received, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
    {"petition", "petition", petition},
    {NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_petition[]; /* scripts/embed-demo.py */

const struct fz_demo fz_petition_demo = {fz_demo_files_petition, kinds};
