/*
 * norm_int.h - private to the normative documents module: shared between its files.
 *
 * Files: norm_flow.c (the procedures as data, settings, the module entry),
 * norm_store.c (tables), norm_api.c (routes), and one file per part of the
 * document's life as it is built.
 */
#ifndef FZ_MODULES_NORMATIVE_INT_H
#define FZ_MODULES_NORMATIVE_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_norm_doc_type;       /* 规范性文件制定 */
extern const struct fz_case_type fz_norm_objection_type; /* 审查建议 */
extern const struct fz_migration fz_norm_migrations[];
extern const struct fz_route fz_norm_routes[];

/* The domain half of each step of a draft and of an objection. */
enum fz_code fz_norm_doc_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_norm_doc_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err);
enum fz_code fz_norm_objection_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				     const struct fz_transition *tr, json_t *input,
				     struct fz_err *err);
enum fz_code fz_norm_objection_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err);

#endif
