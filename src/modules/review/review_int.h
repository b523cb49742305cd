/*
 * review_int.h - private to the review module: shared between its files.
 *
 * Files: review_flow.c (the procedure as data, settings, the module entry),
 * review_store.c (tables and the domain half of the steps), review_points.c
 * (points raised while reviewing and the drafter's adoption afterwards),
 * review_letter.c (the opinion letter, numbered once), review_list.c (the
 * queue, the points list, statistics and figures), review_api.c (routes).
 */
#ifndef FZ_MODULES_REVIEW_INT_H
#define FZ_MODULES_REVIEW_INT_H

#include <jansson.h>
#include <stdbool.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "platform/lists.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_review_type;
extern const struct fz_migration fz_review_migrations[];
extern const struct fz_route fz_review_routes[];
extern const struct fz_option fz_review_opinions[];
extern const struct fz_figure fz_review_figures[];
extern const struct fz_list fz_review_queue_list;
extern const struct fz_list fz_review_points_list;
/* What a point and an adoption take (route bodies). */
extern const struct fz_input fz_review_point_inputs[];
extern const struct fz_input fz_review_adoption_inputs[];

/* The domain half of each step (review_store.c). */
enum fz_code fz_review_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			     const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_review_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			      struct fz_err *err);
/* /api/meta: the registered review kinds and the opinions. */
void fz_review_meta(json_t *obj);
/* The label of a registered kind, or the name itself. */
const char *fz_review_kind_label(const char *name);

/*
 * Legal office staff who may be assigned a review (legal_staff and
 * legal_head accounts in service), each with the reviews they have open.
 * *out {reviewers: [...]} is the caller's.
 */
enum fz_code fz_review_reviewers(struct fz_ctx *ctx, json_t **out, struct fz_err *err);

/*
 * The points raised (review_points.c). While the case is being reviewed the
 * assigned reviewer (or the office head) adds (seq 0: *seq receives the new
 * one), edits and removes points, each with its text and legal basis; each
 * change is one transaction with its event. Once the opinion is given the
 * drafting agency records for each point whether it adopted it.
 */
/* Adds the next point of review case_id (no checks: inside the caller's checked step). */
enum fz_code fz_review_point_insert(struct fz_ctx *ctx, int64_t case_id, const char *point,
				    const char *basis, int64_t *seq, struct fz_err *err);
enum fz_code fz_review_point_save(struct fz_ctx *ctx, int64_t case_id, int64_t *seq, json_t *in,
				  struct fz_err *err);
enum fz_code fz_review_point_remove(struct fz_ctx *ctx, int64_t case_id, int64_t seq,
				    struct fz_err *err);
enum fz_code fz_review_point_adopt(struct fz_ctx *ctx, int64_t case_id, int64_t seq, json_t *in,
				   struct fz_err *err);
/* How many points the review has (the opinion's rule). */
enum fz_code fz_review_point_count(struct fz_ctx *ctx, int64_t case_id, long *n,
				   struct fz_err *err);
/* The points as a JSON array (the case fields). */
enum fz_code fz_review_points_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				   struct fz_err *err);

/*
 * The opinion letter (review_letter.c): issued inside the opinion step's
 * transaction, with the next number of the legal office for the opinion's
 * year; fz_review_letter_get answers the stored file (FZ_ESTATE before the
 * opinion). *data is malloc'd and the caller's; *filename is in the arena.
 */
enum fz_code fz_review_letter_issue(struct fz_ctx *ctx, int64_t case_id, struct fz_err *err);
enum fz_code fz_review_letter_get(struct fz_ctx *ctx, int64_t case_id, char **data, size_t *len,
				  const char **filename, struct fz_err *err);

/* GET /api/reviews/stats: per kind and in all for the year (review_list.c). */
enum fz_code fz_review_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				  struct fz_err *err);

#endif
