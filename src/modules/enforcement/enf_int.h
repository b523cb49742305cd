/*
 * enf_int.h - private to the enforcement folder: shared between its files.
 */
#ifndef FZ_MODULES_ENF_INT_H
#define FZ_MODULES_ENF_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/attachments.h"
#include "platform/cases.h"
#include "platform/lists.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_enf_body_type;
extern const struct fz_case_type fz_enf_cert_type;
extern const struct fz_case_type fz_enf_penalty_type;
extern const struct fz_migration fz_enf_migrations[];
extern const struct fz_record_kind fz_enf_records[];
extern const struct fz_route fz_enf_routes[];

extern const struct fz_option fz_enf_body_kinds[];
extern const struct fz_option fz_enf_body_levels[];
extern const struct fz_option fz_enf_body_status[];
extern const struct fz_option fz_enf_categories[];
extern const struct fz_option fz_enf_officer_status[];
extern const struct fz_option fz_enf_posts[];
extern const struct fz_option fz_enf_education[];
extern const struct fz_option fz_enf_employment[];
extern const struct fz_option fz_enf_end_reasons[];
extern const struct fz_option fz_enf_change_types[];
extern const struct fz_option fz_enf_genders[];
extern const struct fz_option fz_enf_cert_types[];

const char *fz_enf_label(const struct fz_option *opts, const char *value);
/* The category value for a value or its Chinese label ("行政处罚" → "penalty"), or NULL. */
const char *fz_enf_category_parse(const char *s);

/* ---- scope and roles (enf_store.c) ---- */
/* May the user change records of this agency (legal office, or its own clerk/head)? */
bool fz_enf_may_edit(const struct fz_ctx *ctx, int64_t agency_id);
enum fz_code fz_enf_need_edit(const struct fz_ctx *ctx, int64_t agency_id, struct fz_err *err);
/* An audited registry event inside the caller's transaction. */
enum fz_code fz_enf_audit(struct fz_ctx *ctx, const char *entity, const char *action,
			  const char *note, const char *input, const char *before, const char *after,
			  struct fz_err *err);

/*
 * The registries' lists (platform/lists.h): staff lists in the caller's
 * agency scope, and the portal's published ones.
 */
extern const struct fz_list fz_enf_bodies_list, fz_enf_public_bodies_list;
extern const struct fz_list fz_enf_powers_list, fz_enf_public_powers_list;
extern const struct fz_list fz_enf_officers_list, fz_enf_public_officers_list;
extern const struct fz_list fz_enf_certs_list;

/* ---- bodies ---- */
enum fz_code fz_enf_body_create(struct fz_ctx *ctx, json_t *in, json_t **out, struct fz_err *err);
enum fz_code fz_enf_body_json(struct fz_ctx *ctx, int64_t body_id, bool public_only, json_t **out,
			      struct fz_err *err);
enum fz_code fz_enf_body_update(struct fz_ctx *ctx, int64_t body_id, json_t *in, json_t **out,
				struct fz_err *err);
enum fz_code fz_enf_body_change(struct fz_ctx *ctx, int64_t body_id, json_t *in, json_t **out,
				struct fz_err *err);

/* ---- officers and training ---- */
enum fz_code fz_enf_officer_create(struct fz_ctx *ctx, json_t *in, json_t **out,
				   struct fz_err *err);
enum fz_code fz_enf_officer_json(struct fz_ctx *ctx, int64_t officer_id, json_t **out,
				 struct fz_err *err);
enum fz_code fz_enf_officer_update(struct fz_ctx *ctx, int64_t officer_id, json_t *in,
				   json_t **out, struct fz_err *err);
enum fz_code fz_enf_training_add(struct fz_ctx *ctx, int64_t officer_id, json_t *in, json_t **out,
				 struct fz_err *err);

/* ---- certificates ---- */
enum fz_code fz_enf_cert_apply_new(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				   struct fz_err *err);
enum fz_code fz_enf_cert_hook(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_enf_cert_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err);
enum fz_code fz_enf_cert_lookup(struct fz_ctx *ctx, const char *number, json_t **out,
				struct fz_err *err);
/* The card of a certificate case: its number, the QR code's address, the photo. Caller owns *out. */
enum fz_code fz_enf_cert_card(struct fz_ctx *ctx, int64_t case_id, json_t **out, struct fz_err *err);
/* Largest certificate photo accepted, in bytes. */
#define FZ_ENF_PHOTO_MAX (2 * 1024 * 1024)
/*
 * Sets (or replaces) the holder's photo: JPEG or PNG by its first bytes, at
 * most FZ_ENF_PHOTO_MAX, by a user who may edit the certificate's agency;
 * stored as an attachment of the case in one transaction. Answers the card.
 */
enum fz_code fz_enf_cert_photo(struct fz_ctx *ctx, int64_t case_id, const void *data, size_t len,
			       json_t **out, struct fz_err *err);
/* The photo of a certificate the public lookup shows as valid; else FZ_ENOT_FOUND. */
enum fz_code fz_enf_cert_public_photo(struct fz_ctx *ctx, const char *number,
				      struct fz_attachment *out, struct fz_err *err);
/* Batch of one action over many certificate cases, all or nothing, with a per-row report. */
enum fz_code fz_enf_cert_batch(struct fz_ctx *ctx, const char *kind, json_t *in, json_t **out,
			       struct fz_err *err);
/* Raises the withdrawal task of every live certificate of an officer who left (inside a transaction). */
enum fz_code fz_enf_withdrawal_tasks(struct fz_ctx *ctx, int64_t officer_id, const char *reason,
				     int *raised, struct fz_err *err);

/* ---- bodies' qualification review ---- */
enum fz_code fz_enf_body_hook(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_enf_body_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err);

/* ---- power lists (enf_powers.c) ---- */
enum fz_code fz_enf_power_create(struct fz_ctx *ctx, json_t *in, json_t **out, struct fz_err *err);
enum fz_code fz_enf_power_json(struct fz_ctx *ctx, int64_t item_id, bool public_only, json_t **out,
			       struct fz_err *err);
enum fz_code fz_enf_power_update(struct fz_ctx *ctx, int64_t item_id, json_t *in, json_t **out,
				 struct fz_err *err);
enum fz_code fz_enf_powers_xlsx(struct fz_ctx *ctx, int64_t body_id, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err);
/* Import: commit false = dry run; valid_only imports the valid rows when some are not. */
enum fz_code fz_enf_powers_import(struct fz_ctx *ctx, int64_t body_id, const void *data,
				  size_t len, bool commit, bool valid_only, const char *reason,
				  json_t **out, struct fz_err *err);
/* Active items per body and category; body_id (0: every body) must be visible (published for the public). */
enum fz_code fz_enf_power_counts(struct fz_ctx *ctx, int64_t agency_id, int64_t body_id,
				 bool public_only, json_t **out, struct fz_err *err);

/* ---- penalty cases (enf_penalty_flow.c, enf_penalty.c) ---- */
extern const struct fz_option fz_pen_procedures[], fz_pen_party_types[], fz_pen_kinds[],
	fz_pen_major_reasons[], fz_pen_sources[], fz_pen_outcomes[], fz_pen_no_penalty_grounds[],
	fz_pen_review_opinions[], fz_pen_service_methods[];
extern const struct fz_list fz_enf_penalties_list;
/* Files (立案) a penalty case in one transaction; refuses with nothing written. */
enum fz_code fz_enf_penalty_file(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				 struct fz_err *err);
/* Up to max officers of body_id on duty whose enforcement certificate is valid on day (demo data). */
size_t fz_enf_penalty_certified(struct fz_ctx *ctx, int64_t body_id, int day, int64_t *ids,
				size_t max);
enum fz_code fz_enf_penalty_hook(struct fz_ctx *ctx, struct fz_case_row *c,
				 const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_enf_penalty_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				   struct fz_err *err);

/* ---- statistics and demo ---- */
enum fz_code fz_enf_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err);
enum fz_code fz_enf_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err);
extern const struct fz_figure fz_enf_figures[]; /* enf_report.c */
/* The certificates list's valid_now filter (FZ_LF_CUSTOM), counted as the figure counts. */
enum fz_code fz_enf_valid_now_filter(struct fz_list_run *run, const char *v, struct fz_err *err);
extern const struct fz_demo fz_enf_demo; /* enf_demo_kinds.c */

/* ---- inspections, "双随机、一公开" (enf_inspection*.c) ---- */
extern const struct fz_case_type fz_enf_inspection_type;
extern const struct fz_option fz_insp_results[], fz_insp_entity_types[], fz_insp_draw_kinds[];
extern const struct fz_list fz_enf_insp_plans_list, fz_enf_insp_draws_list, fz_enf_insp_entities_list,
	fz_enf_inspections_list, fz_enf_public_inspections_list;
/*
 * 第42条 as the penalty filing checks it (enf_penalty.c): at least two of
 * ids, each an officer of body_id on duty on day with an enforcement
 * certificate valid on day; the refusal names field.
 */
enum fz_code fz_enf_officers_certified(struct fz_ctx *ctx, int64_t body_id, const int64_t *ids,
				       size_t n, int day, const char *field, struct fz_err *err);
enum fz_code fz_enf_insp_plan_create(struct fz_ctx *ctx, json_t *in, json_t **out,
				     struct fz_err *err);
enum fz_code fz_enf_insp_plan_json(struct fz_ctx *ctx, int64_t plan_id, json_t **out,
				   struct fz_err *err);
/* Directory import, all or nothing: commit false = dry run with the row report. */
enum fz_code fz_enf_insp_entities_import(struct fz_ctx *ctx, int64_t agency, const void *data,
					 size_t len, bool commit, json_t **out, struct fz_err *err);
/* The random draw of a plan: entities, inspectors, tasks and the audit event in one transaction. */
enum fz_code fz_enf_insp_draw(struct fz_ctx *ctx, int64_t plan_id, json_t *in, json_t **out,
			      struct fz_err *err);
enum fz_code fz_enf_insp_draw_json(struct fz_ctx *ctx, int64_t draw_id, json_t **out,
				   struct fz_err *err);
/* The same with a given seed (FZ_INSP_SEED_BYTES; NULL: a random one): for the demo data only, never a route. */
enum fz_code fz_enf_insp_draw_seeded(struct fz_ctx *ctx, int64_t plan_id, json_t *in,
				     const unsigned char *seed, json_t **out, struct fz_err *err);
/* One entity into an agency's directory (the demo data; staff import sheets). */
enum fz_code fz_enf_insp_entity_add(struct fz_ctx *ctx, int64_t agency, json_t *in, int64_t *id,
				    struct fz_err *err);
/* The demo data's inspection kinds (enf_inspection_demo.c). */
enum fz_code fz_enf_demo_insp_entity(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				     struct fz_err *err);
enum fz_code fz_enf_demo_insp_plan(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err);
enum fz_code fz_enf_demo_insp_draw(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err);
enum fz_code fz_enf_demo_insp_task(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err);
/* Re-runs a recorded draw and compares it with the draw, its audit event and its tasks. */
enum fz_code fz_enf_insp_draw_verify(struct fz_ctx *ctx, int64_t draw_id, json_t **out,
				     struct fz_err *err);
enum fz_code fz_enf_inspection_hook(struct fz_ctx *ctx, struct fz_case_row *c,
				    const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_enf_inspection_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err);
/* A penalty case filed on an inspection's finding: may it be (before), and the link (inside the filing's transaction). */
enum fz_code fz_enf_inspection_link_check(struct fz_ctx *ctx, int64_t insp_id, int64_t agency_id,
					  struct fz_err *err);
enum fz_code fz_enf_inspection_link(struct fz_ctx *ctx, int64_t insp_id, int64_t penalty_id,
				    struct fz_err *err);
/* The inspection a penalty case was opened from (inspection_case_id, or null) into obj. */
void fz_enf_inspection_penalty_fields(struct fz_ctx *ctx, int64_t penalty_id, json_t *obj);

#endif
