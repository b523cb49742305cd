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
#include <stdbool.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "platform/jobs.h"
#include "platform/lists.h"
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

/*
 * What the issue step writes (norm_docs.c, 三统一): the number, then the
 * document with its first version, or for an amendment (amends_doc_id) the
 * document's next version, the one in force before ending the day before
 * effective_on; valid_until from the settings (5 years, 2 when provisional);
 * the library's full-text index.
 */
struct fz_norm_issue {
	int64_t case_id, agency_id, amends_doc_id;
	const char *issuing_body, *prefix, *title, *body, *change_summary;
	bool provisional;
	int issued_on, effective_on;
};
enum fz_code fz_norm_doc_issue(struct fz_ctx *ctx, const struct fz_norm_issue *in, int64_t *doc_id,
			       int64_t *version_id, char number[64], struct fz_err *err);
/* The next number of prefix in issued_on's year ("青政规〔2026〕3号"), recorded for case_id. */
enum fz_code fz_norm_number_issue(struct fz_ctx *ctx, const char *prefix, int issued_on,
				  int64_t case_id, char number[64], struct fz_err *err);
/* The last day of validity of a document in force from effective_on (settings). */
int fz_norm_valid_until(struct fz_ctx *ctx, int effective_on, bool provisional);
/* (Re)indexes a document's current title, number and text for the library's search. */
enum fz_code fz_norm_index(struct fz_ctx *ctx, int64_t doc_id, const char *title,
			   const char *number, const char *body, struct fz_err *err);

/* ---- drafting (norm_draft.c) ---- */
extern const struct fz_input fz_norm_draft_inputs[];
extern const struct fz_option fz_norm_deliberation_outcomes[];
extern const struct fz_option fz_norm_review_opinions[];
/* Opens a draft (POST /api/normative/drafts): the case and its norm_draft row, one transaction. */
enum fz_code fz_norm_draft_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				  struct fz_err *err);
/* The drafts being made (declared list, agency scope). */
extern const struct fz_list fz_norm_drafts_list;

/* ---- the pre-check (norm_precheck.c) ---- */
struct fz_norm_rule {
	const char *code, *label, *basis;
	const char *const *terms; /* NULL ends */
};
extern const struct fz_norm_rule fz_norm_rules[]; /* code NULL ends */
const struct fz_norm_rule *fz_norm_rule_find(const char *code);
/* Scans body for the rules' words; records each new hit in context (status open). */
enum fz_code fz_norm_precheck_run(struct fz_ctx *ctx, int64_t case_id, const char *body,
				  struct fz_err *err);

/* ---- the drafting chain's routes (norm_plan.c, norm_comment.c, norm_precheck_api.c,
 * norm_filing.c) ---- */

/* A draft named by a route: its case, state and what its gates read. */
struct fz_norm_draft_ref {
	int64_t case_id, agency_id, doc_id;
	char state[32];
	bool affects_market, account_published, fair_check_done;
	char comment_from[11], comment_to[11];
	const char *title; /* arena */
};
/*
 * The norm_doc case case_id with its draft row; FZ_ENOT_FOUND when there is
 * none, or (staff) when it lies outside the caller's agency scope.
 */
enum fz_code fz_norm_draft_find(struct fz_ctx *ctx, int64_t case_id, bool staff,
				struct fz_norm_draft_ref *out, struct fz_err *err);
/* Is the caller a drafter of the draft's own agency (clerk, head, or the legal office's own)? */
bool fz_norm_is_drafter(const struct fz_ctx *ctx, const struct fz_norm_draft_ref *d);
/* One audit event for a write that is not a case step (inside the caller's transaction). */
enum fz_code fz_norm_audit(struct fz_ctx *ctx, int64_t case_id, const char *entity,
			   const char *action, const char *note, json_t *input, const char *after,
			   struct fz_err *err);

/* The drafting plan (norm_plan.c). */
extern const struct fz_option fz_norm_plan_statuses[];
extern const struct fz_input fz_norm_plan_inputs[], fz_norm_plan_edit_inputs[],
	fz_norm_plan_drop_inputs[];
extern const struct fz_list fz_norm_plans_list;
/* Adds a plan item (checked inputs) for in's agency_id or the caller's; its id in *id. */
enum fz_code fz_norm_plan_create(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err);
/* Takes item id off the plan with reason (inside the caller's transaction). */
enum fz_code fz_norm_plan_set_dropped(struct fz_ctx *ctx, int64_t id, const char *reason,
				      struct fz_err *err);
enum fz_code fz_norm_plans_get(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_plans_export(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_plan_post(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_plan_patch(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_plan_drop(struct fz_req *req, json_t **out, struct fz_err *err);

/* Public comment (norm_comment.c). */
extern const struct fz_option fz_norm_adoptions[];
extern const struct fz_input fz_norm_comment_inputs[], fz_norm_answer_inputs[];
/* A comment of the public on case_id, checked against the period; its code in code. */
enum fz_code fz_norm_comment_submit(struct fz_ctx *ctx, int64_t case_id, json_t *in,
				    char code[15], int64_t *comment_id, struct fz_err *err);
/* The drafter's answer to a comment (checked inputs). */
enum fz_code fz_norm_comment_answer(struct fz_ctx *ctx, int64_t comment_id, json_t *in,
				    struct fz_err *err);
enum fz_code fz_norm_consultations_get(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_consultation_get(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_comment_post(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_comment_track(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_draft_comments(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_answer_post(struct fz_req *req, json_t **out, struct fz_err *err);

/* Pre-check decisions and the fair-competition check (norm_precheck_api.c). */
extern const struct fz_input fz_norm_hit_inputs[], fz_norm_fair_inputs[];
/* Confirms or dismisses hit seq of a draft (checked inputs). */
enum fz_code fz_norm_hit_decide(struct fz_ctx *ctx, int64_t case_id, int64_t seq, json_t *in,
				struct fz_err *err);
/* Saves answers of the fair-competition check list; sets fair_check_done when complete. */
enum fz_code fz_norm_fair_save(struct fz_ctx *ctx, int64_t case_id, json_t *in,
			       struct fz_err *err);
enum fz_code fz_norm_hit_post(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_precheck_post(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_fair_get(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_fair_put(struct fz_req *req, json_t **out, struct fz_err *err);

/* Filing results (norm_filing.c). */
extern const struct fz_option fz_norm_filing_results[], fz_norm_filing_recipients[];
extern const struct fz_input fz_norm_filing_result_inputs[];
/* Records the receiving body's result of filing_id (checked inputs). */
enum fz_code fz_norm_filing_result(struct fz_ctx *ctx, int64_t filing_id, json_t *in,
				   struct fz_err *err);
/* The filings of a document (of one version; 0: all) as JSON rows (the draft's panel). */
json_t *fz_norm_filings_json(struct fz_ctx *ctx, int64_t doc_id, int64_t version_id);
enum fz_code fz_norm_filing_result_post(struct fz_req *req, json_t **out, struct fz_err *err);

/* The demo county's records (norm_demo_kinds.c). */
struct fz_demo;
extern const struct fz_demo fz_norm_demo;
extern const struct fz_record_kind fz_norm_records[];
/* ---- documents after issue, the public library (norm_library.c) ---- */
extern const struct fz_option fz_norm_doc_statuses[];   /* in_force, expired, repealed, lapsed */
extern const struct fz_option fz_norm_eval_decisions[]; /* continue, amend, lapse */
extern const struct fz_input fz_norm_eval_inputs[];
extern const struct fz_input fz_norm_repeal_inputs[];
extern const struct fz_list fz_norm_documents_list;        /* staff, agency scope */
extern const struct fz_list fz_norm_public_documents_list; /* the portal's library */
extern const struct fz_job fz_norm_jobs[];                 /* normative_expiry, daily */
enum fz_code fz_norm_lib_list(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_export(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_record(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_diff(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_evaluate(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_repeal(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_public_list(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_public_record(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_bodies(struct fz_req *req, json_t **out, struct fz_err *err);
/*
 * Ends a document on day: kind "repeal" (废止, status repealed), "lapse"
 * (宣布失效, status lapsed) or "revoke" (撤销 by the body it was filed with,
 * status revoked). A version of that kind keeps the last text with
 * reason; the one in force ends that day; it becomes the current version.
 */
enum fz_code fz_norm_end(struct fz_ctx *ctx, int64_t id, int day, const char *kind,
			 const char *reason, struct fz_err *err);
/* Marks documents in force past valid_until expired (lapsed after a "lapse" evaluation). */
enum fz_code fz_norm_expire_due(struct fz_ctx *ctx, struct fz_err *err);
/* Synthetic issued documents for benchmarks (`fazhi bench-gen --only normative`). */
enum fz_code fz_norm_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			      size_t nagencies, struct fz_err *err);
/* ---- cleanup campaigns (norm_campaign.c) ---- */
extern const struct fz_option fz_norm_cleanup_decisions[]; /* keep, amend, repeal, declare_invalid */
extern const struct fz_input fz_norm_campaign_inputs[];     /* name, basis, due_on */
extern const struct fz_input fz_norm_cleanup_inputs[];      /* decision, reason */
/* Opens a campaign and lists every document in force today to its agency (one transaction). */
enum fz_code fz_norm_campaign_open(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err);
/* An agency's decision on its own document (another agency's: FZ_ENOT_FOUND). */
enum fz_code fz_norm_campaign_decide(struct fz_ctx *ctx, int64_t id, int64_t doc_id, json_t *in,
				     struct fz_err *err);
/* Closes a campaign whose items are all decided and applies the decisions; *out the campaign. */
enum fz_code fz_norm_campaign_close(struct fz_ctx *ctx, int64_t id, json_t **out,
				    struct fz_err *err);
enum fz_code fz_norm_campaign_publish(struct fz_ctx *ctx, int64_t id, json_t **out,
				      struct fz_err *err);
/* The campaigns with their counts (public: published ones only); caller owns *out. */
enum fz_code fz_norm_campaigns_json(struct fz_ctx *ctx, bool public, json_t **out,
				    struct fz_err *err);
/* One campaign: counts, per agency, items (staff: in the caller's scope; public: ended ones). */
enum fz_code fz_norm_campaign_json(struct fz_ctx *ctx, int64_t id, bool public, json_t **out,
				   struct fz_err *err);

/* ---- objections (norm_objection.c) ---- */
extern const struct fz_option fz_norm_applicant_types[];
extern const struct fz_option fz_norm_objection_outcomes[];
extern const struct fz_input fz_norm_objection_inputs[];
/* Registers an objection with the legal office, with a tracking code (one transaction). */
enum fz_code fz_norm_objection_submit(struct fz_ctx *ctx, json_t *in, int received_on,
				      struct fz_case_row *out, struct fz_err *err);
/* The applicant's tracking page (public). */
enum fz_code fz_norm_objection_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
					  struct fz_err *err);
extern const struct fz_list fz_norm_objections_public_list; /* published outcomes, masked */
extern const struct fz_list fz_norm_objections_list;        /* staff */

/* ---- figures and statistics (norm_report.c) ---- */
extern const struct fz_figure fz_norm_figures[];
extern const struct fz_list fz_norm_doc_stats_list;      /* documents issued, ended, in force */
extern const struct fz_list fz_norm_filing_stats_list;   /* filings of the versions of a year */
extern const struct fz_list fz_norm_cleanup_stats_list;  /* campaign decisions of a year */
extern const struct fz_list fz_norm_review_stats_list;   /* drafts given a legality opinion */
enum fz_code fz_norm_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err);
enum fz_code fz_norm_stats_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err);

#endif
