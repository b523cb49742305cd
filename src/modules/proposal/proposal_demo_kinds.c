/*
 * proposal_demo_kinds.c - what the module's demo records become: a "session"
 * is a session registered by the legal office (key it to point at it), a
 * "proposal" an item of a session entered as the entry form enters it; its
 * steps are the item's transitions (assign, cohandle, contact, reply, ...).
 */
#include "modules/proposal/proposal_int.h"
#include "platform/demo_loader.h"

static enum fz_code session(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	*case_id = 0;
	return fz_proposal_session_create(ctx, f, id, err);
}

static enum fz_code item(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			 struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_proposal_item_create(ctx, f, &c, err);
	if (rc)
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
    {"proposal_session", NULL, session},
    {"proposal", "proposal", item},
    {NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_proposal[]; /* scripts/embed-demo.py */

const struct fz_demo fz_proposal_demo = {fz_demo_files_proposal, kinds};
