/*
 * proposal_int.h - private to the proposal module: shared between its files.
 */
#ifndef FZ_MODULES_PROPOSAL_INT_H
#define FZ_MODULES_PROPOSAL_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "platform/lists.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_proposal_type;
extern const struct fz_migration fz_proposal_migrations[];
extern const struct fz_route fz_proposal_routes[];
extern const struct fz_figure fz_proposal_figures[];
extern const struct fz_option fz_proposal_bodies[];
extern const struct fz_option fz_proposal_results[];
extern const struct fz_option fz_proposal_ratings[];
extern const struct fz_option fz_proposal_ways[];
extern const struct fz_input fz_proposal_item_inputs[];
extern const struct fz_input fz_proposal_session_inputs[];
extern const struct fz_list fz_proposal_list;
extern const struct fz_list fz_proposal_public_list;
extern const struct fz_demo fz_proposal_demo;
void fz_proposal_meta(json_t *obj);

/* The day n months after day (民法典 第202条: the corresponding day, or the month's last). */
int fz_proposal_add_months(int day, int months);

/* Creates a session; 422 naming the field on bad input. */
enum fz_code fz_proposal_session_create(struct fz_ctx *ctx, json_t *in, int64_t *id,
					struct fz_err *err);
/* Registers an item of a session (its case, its authors) in one transaction. */
enum fz_code fz_proposal_item_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				     struct fz_err *err);
/* The items of a session from an .xlsx (proposal_import.c): a dry run unless commit. */
enum fz_code fz_proposal_import(struct fz_ctx *ctx, int64_t session_id, const void *data,
				size_t len, bool commit, json_t **out, struct fz_err *err);
enum fz_code fz_proposal_sessions_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err);

enum fz_code fz_proposal_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_proposal_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err);
enum fz_code fz_proposal_stats_json(struct fz_ctx *ctx, int year, json_t **out, struct fz_err *err);
enum fz_code fz_proposal_public_one(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				    struct fz_err *err);

#endif
