/*
 * recon_int.h - private to the reconsideration folder: shared between its files.
 */
#ifndef FZ_MODULES_RECON_INT_H
#define FZ_MODULES_RECON_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_recon_type;
extern const struct fz_case_type fz_lit_type;
extern const struct fz_migration fz_recon_migrations[];
extern const struct fz_route fz_recon_routes[];
extern const struct fz_option fz_recon_act_types[];
extern const struct fz_option fz_recon_decisions[];
extern const struct fz_option fz_recon_endings[];
extern const struct fz_option fz_recon_simplified_grounds[];
extern const struct fz_option fz_lit_outcomes[];
extern const struct fz_option fz_lit_posts[];
extern const struct fz_option fz_lit_instances[];
extern const struct fz_option fz_recon_applicant_types[];
extern const struct fz_option fz_recon_channels[];
extern const struct fz_option fz_recon_procedures[];
extern const struct fz_option fz_recon_opinion_kinds[];
extern const struct fz_input fz_recon_apply_inputs[];
extern const struct fz_input fz_lit_inputs[];

/* 纠正 / 维持 / 其他 for a decision or ending value (table 四 and the correction rate). */
const char *fz_recon_result_class(const char *decision);
const char *fz_recon_label(const struct fz_option *opts, const char *value);

enum fz_code fz_recon_submit(struct fz_ctx *ctx, json_t *in, const char *channel, int received_on,
			     struct fz_case_row *out, struct fz_err *err);
enum fz_code fz_lit_submit(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
			   struct fz_err *err);
enum fz_code fz_recon_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			    const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_lit_apply(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			  json_t *input, struct fz_err *err);
enum fz_code fz_recon_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err);
enum fz_code fz_lit_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err);
enum fz_code fz_recon_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				 struct fz_err *err);

/* The module lists (recon_list.c): GET /api/reconsideration/cases, /api/litigation/cases. */
extern const struct fz_list fz_recon_cases_list;
extern const struct fz_list fz_lit_cases_list;

enum fz_code fz_recon_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				  struct fz_err *err);
enum fz_code fz_recon_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				  size_t *len, struct fz_err *err);
/* Its named figures (recon_report.c), table 四 of the disclosure report among them. */
extern const struct fz_figure fz_recon_figures[];
/* 纠正 / 维持 / 其他 for a judgment's outcome (table 四, the lists' outcome_class). */
const char *fz_lit_result_class(const char *outcome);
/*
 * The lists' filters behind the figures' drill-downs (recon_report.c, for
 * FZ_LF_CUSTOM rows): outcome_class (upheld, corrected, other, pending) as
 * table 四 counts it on the date as_of.
 */
struct fz_list_run;
enum fz_code fz_recon_as_of_filter(struct fz_list_run *run, const char *value, struct fz_err *err);
enum fz_code fz_recon_outcome_filter(struct fz_list_run *run, const char *value, struct fz_err *err);
enum fz_code fz_lit_outcome_filter(struct fz_list_run *run, const char *value, struct fz_err *err);
extern const struct fz_demo fz_recon_demo; /* recon_demo_kinds.c */

/*
 * 第20条 (recon_rules.c): an application received on `received` by someone who
 * knew of the act on `learned` is late, in time, or undecided because the
 * calendar that could move the 60th day is not loaded. *last_day is the end
 * of the period when known, else FZ_OPEN.
 */
enum fz_recon_late { FZ_RECON_IN_TIME = 0, FZ_RECON_LATE = 1, FZ_RECON_PENDING = 2 };
enum fz_recon_late fz_recon_lateness(const struct fz_calendar *cal, int learned, int received,
				     int *last_day);
const char *fz_recon_late_name(enum fz_recon_late l); /* "late", "in_time", "pending" */
/*
 * 第30条第3款 (recon_store.c): every application (case_id 0) or the one given
 * whose acceptance review ended before today with no decision is accepted as
 * of the review's last day, by the system (fz_case_act_system). *n: how many.
 */
enum fz_code fz_recon_deem_accepted(struct fz_ctx *ctx, int64_t case_id, int *n,
				    struct fz_err *err);
/* The answer in Chinese with the end day and the article, from ctx->arena. */
const char *fz_recon_late_label(struct fz_ctx *ctx, enum fz_recon_late l, int learned, int last);

#endif
