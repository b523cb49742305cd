/*
 * med_demo_kinds.c - what a record of the mediation demo data becomes: a
 * "committee" registered by its township, a "mediator" of a committee
 * (`committee_id`: @key), a "case" registered by a township or an agency
 * through the same checks as the form; its steps are the case's transitions.
 */
#include "modules/mediation/mediation_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static enum fz_code committee(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			      struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, fz_med_committee_inputs, 16, f, NULL, err);
	if (rc || (rc = fz_med_committee_add(ctx, f, id, err)))
		return rc;
	*case_id = 0;
	return FZ_OK;
}

static enum fz_code mediator(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	static const char *const extra[] = {"committee_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_med_mediator_inputs, 16, f, extra, err);
	if (rc)
		return rc;
	int64_t k = json_integer_value(json_object_get(f, "committee_id"));
	if ((rc = fz_med_mediator_add(ctx, k, f, id, err)))
		return rc;
	*case_id = 0;
	return FZ_OK;
}

static enum fz_code mcase(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			  struct fz_err *err)
{
	static const char *const extra[] = {"parties", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_med_case_inputs, 16, f, extra, err);
	if (rc || (rc = fz_med_submit(ctx, f, case_id, err)))
		return rc;
	*id = *case_id;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
    {"committee", NULL, committee},
    {"mediator", NULL, mediator},
    {"mediation", "mediation", mcase},
    {NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_mediation[]; /* scripts/embed-demo.py */

const struct fz_demo fz_med_demo = {fz_demo_files_mediation, kinds};
