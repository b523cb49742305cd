/*
 * mediation_int.h - private to the mediation module: shared between its files.
 */
#ifndef FZ_MODULES_MEDIATION_INT_H
#define FZ_MODULES_MEDIATION_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_med_type;
extern const struct fz_migration fz_med_migrations[];
extern const struct fz_route fz_med_routes[];
extern const struct fz_record_kind fz_med_records[];
extern const struct fz_figure fz_med_figures[];
extern const struct fz_demo fz_med_demo;
extern const struct fz_list fz_med_cases_list;
extern const struct fz_list fz_med_committees_list;
extern const struct fz_list fz_med_directory_list;

extern const struct fz_option fz_med_kinds[];
extern const struct fz_option fz_med_fields[];
extern const struct fz_option fz_med_dispute_types[];
extern const struct fz_option fz_med_id_types[];
extern const struct fz_option fz_med_performance[];
extern const struct fz_option fz_med_referrals[];
extern const struct fz_option fz_med_rulings[];
extern const struct fz_input fz_med_case_inputs[];
extern const struct fz_input fz_med_committee_inputs[];
extern const struct fz_input fz_med_mediator_inputs[];
void fz_med_meta(json_t *obj);

/* Registers a mediation case from a checked body (fields and parties), in one transaction. */
enum fz_code fz_med_submit(struct fz_ctx *ctx, json_t *body, int64_t *case_id, struct fz_err *err);
enum fz_code fz_med_committee_add(struct fz_ctx *ctx, json_t *body, int64_t *id,
				  struct fz_err *err);
enum fz_code fz_med_mediator_add(struct fz_ctx *ctx, int64_t committee_id, json_t *body,
				 int64_t *id, struct fz_err *err);
enum fz_code fz_med_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *input, struct fz_err *err);
enum fz_code fz_med_fields_json(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err);
/* The year's statistics of one agency (0: the whole county; the caller checked the scope). */
enum fz_code fz_med_stats_json(struct fz_ctx *ctx, int year, int64_t agency, json_t **out,
			       struct fz_err *err);

#endif
