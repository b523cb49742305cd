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
extern const struct fz_record_kind fz_norm_records[];
extern const struct fz_list fz_norm_doc_stats_list;      /* documents issued, ended, in force */
extern const struct fz_list fz_norm_filing_stats_list;   /* filings of the versions of a year */
extern const struct fz_list fz_norm_cleanup_stats_list;  /* campaign decisions of a year */
extern const struct fz_list fz_norm_review_stats_list;   /* drafts given a legality opinion */
enum fz_code fz_norm_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err);
enum fz_code fz_norm_stats_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err);

#endif
