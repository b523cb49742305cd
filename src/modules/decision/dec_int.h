/*
 * dec_int.h - private to the major administrative decisions module.
 *
 * Files: dec_flow.c (the procedure as data, settings, the module entry),
 * dec_store.c (tables), dec_steps.c (the domain half of each step, the
 * decision's fields, creation), dec_catalogue.c (the yearly catalogue and its
 * history), dec_meeting.c (the government's executive meetings, 会前学法),
 * dec_comment.c (public comment on the portal), dec_api.c (routes),
 * dec_report.c (figures, statistics), dec_archive.c (the file as one ZIP),
 * dec_demo_kinds.c (demo records).
 */
#ifndef FZ_MODULES_DECISION_INT_H
#define FZ_MODULES_DECISION_INT_H

#include <jansson.h>
#include <stdbool.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "platform/lists.h"
#include "store/migrations.h"

#define FZ_DEC_TYPE "major_decision"
/* The agency that decides (县人民政府): its code in the agency registry. */
#define FZ_DEC_GOV "gov"

extern const struct fz_case_type fz_dec_type;
extern const struct fz_migration fz_dec_migrations[];
extern const struct fz_route fz_dec_routes[];
extern const struct fz_record_kind fz_dec_records[];
extern const struct fz_figure fz_dec_figures[];

/* Option lists (also in /api/meta under "decision"). */
extern const struct fz_option
    fz_dec_outcomes[]; /* adopted, adopted_in_principle, not_adopted, deferred */
extern const struct fz_option fz_dec_meeting_kinds[]; /* executive, plenary */
extern const struct fz_option fz_dec_item_statuses[]; /* proposed, approved, published, dropped */
extern const struct fz_option fz_dec_risk_levels[];   /* low, medium, high */
extern const struct fz_option fz_dec_eval_conclusions[];
extern const struct fz_option fz_dec_adoptions[]; /* yes, partly, no */
void fz_dec_meta(json_t *obj);

/* The agency id of the county government (0 when the registry has none). */
int64_t fz_dec_gov_agency(struct fz_ctx *ctx);
/* Is the caller of the county government's agency, or of the legal office (any agency)? */
bool fz_dec_is_gov(struct fz_ctx *ctx);
bool fz_dec_blank(const char *s);
/* Is the decision taken or ended (comments may no longer be answered)? */
bool fz_dec_state_decided(const char *state);
/* One audit event for a write that is not a case step (inside the caller's transaction). */
enum fz_code fz_dec_audit(struct fz_ctx *ctx, int64_t case_id, const char *entity,
			  const char *action, json_t *input, const char *after, struct fz_err *err);

/* ---- decisions (dec_steps.c) ---- */
extern const struct fz_input fz_dec_create_inputs[];
extern const struct fz_input fz_dec_expert_inputs[];
enum fz_code fz_dec_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
			   struct fz_err *err);
enum fz_code fz_dec_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *input, struct fz_err *err);
enum fz_code fz_dec_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err);
/* An expert's opinion on a decision in expert review; its id in *id. */
enum fz_code fz_dec_expert_add(struct fz_ctx *ctx, int64_t case_id, json_t *in, int64_t *id,
			       struct fz_err *err);
/* The meeting minutes: speeches in speaking order, the head last (第三十条). */
enum fz_code fz_dec_speeches_save(struct fz_ctx *ctx, int64_t case_id, json_t *in,
				  struct fz_err *err);
extern const struct fz_list fz_dec_list;

/* ---- the catalogue (dec_catalogue.c) ---- */
extern const struct fz_input fz_dec_item_inputs[], fz_dec_item_edit_inputs[],
    fz_dec_reason_inputs[], fz_dec_publish_inputs[];
extern const struct fz_list fz_dec_catalogue_list, fz_dec_public_catalogue_list;
enum fz_code fz_dec_item_create(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err);
enum fz_code fz_dec_item_approve(struct fz_ctx *ctx, int64_t id, struct fz_err *err);
enum fz_code fz_dec_item_edit(struct fz_ctx *ctx, int64_t id, json_t *in, struct fz_err *err);
enum fz_code fz_dec_item_drop(struct fz_ctx *ctx, int64_t id, const char *reason,
			      struct fz_err *err);
/* Publishes every approved item of a year (the catalogue) on the portal; *count of them. */
enum fz_code fz_dec_catalogue_publish(struct fz_ctx *ctx, int year, long *count,
				      struct fz_err *err);
enum fz_code fz_dec_item_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err);

/* ---- executive meetings (dec_meeting.c) ---- */
extern const struct fz_input fz_dec_meeting_inputs[];
extern const struct fz_list fz_dec_meetings_list;
enum fz_code fz_dec_meeting_create(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err);
enum fz_code fz_dec_meeting_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err);

/* ---- public comment (dec_comment.c) ---- */
extern const struct fz_input fz_dec_comment_inputs[], fz_dec_answer_inputs[];
extern const struct fz_list fz_dec_consultations_list, fz_dec_public_list, fz_dec_comments_list;
enum fz_code fz_dec_comment_submit(struct fz_ctx *ctx, int64_t case_id, json_t *in, char code[15],
				   int64_t *id, struct fz_err *err);
enum fz_code fz_dec_comment_answer(struct fz_ctx *ctx, int64_t id, json_t *in, struct fz_err *err);
enum fz_code fz_dec_consultation_json(struct fz_ctx *ctx, int64_t id, json_t **out,
				      struct fz_err *err);
enum fz_code fz_dec_public_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err);
enum fz_code fz_dec_comment_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				       struct fz_err *err);
enum fz_code fz_dec_case_comments_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				       struct fz_err *err);

/* ---- statistics (dec_report.c) and the archive (dec_archive.c) ---- */
enum fz_code fz_dec_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
			       struct fz_err *err);
enum fz_code fz_dec_archive_zip(struct fz_ctx *ctx, int64_t case_id, char **out, size_t *len,
				const char **filename, struct fz_err *err);

/* ---- demo ---- */
struct fz_demo;
extern const struct fz_demo fz_dec_demo;

#endif
