/*
 * review_int.h - private to the review module: shared between its files.
 */
#ifndef FZ_MODULES_REVIEW_INT_H
#define FZ_MODULES_REVIEW_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_review_type;
extern const struct fz_migration fz_review_migrations[];
extern const struct fz_route fz_review_routes[];
extern const struct fz_option fz_review_opinions[];

/* The domain half of each step (review_store.c). */
enum fz_code fz_review_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			     const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_review_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			      struct fz_err *err);

#endif
