/*
 * norm_draft.c - the domain half of a draft's steps and its fields.
 */
#include <string.h>

#include "modules/normative/norm_int.h"

enum fz_code fz_norm_doc_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	(void)ctx, (void)c, (void)tr, (void)input, (void)err;
	return FZ_OK;
}

enum fz_code fz_norm_doc_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	(void)ctx, (void)case_id, (void)obj, (void)err;
	return FZ_OK;
}

enum fz_code fz_norm_objection_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				     const struct fz_transition *tr, json_t *input,
				     struct fz_err *err)
{
	(void)ctx, (void)c, (void)tr, (void)input, (void)err;
	return FZ_OK;
}

enum fz_code fz_norm_objection_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err)
{
	(void)ctx, (void)case_id, (void)obj, (void)err;
	return FZ_OK;
}
