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

/* ---- documents after issue, the public library (norm_library.c) ---- */
extern const struct fz_option fz_norm_doc_statuses[];   /* in_force, expired, repealed, lapsed */
extern const struct fz_option fz_norm_eval_decisions[]; /* continue, amend, lapse */
extern const struct fz_input fz_norm_eval_inputs[];
extern const struct fz_input fz_norm_repeal_inputs[];
extern const struct fz_list fz_norm_documents_list;        /* staff, agency scope */
extern const struct fz_list fz_norm_public_documents_list; /* the portal's library */
extern const struct fz_job fz_norm_jobs[];                 /* normative_expiry, daily */
extern const struct fz_record_kind fz_norm_records[];
enum fz_code fz_norm_lib_list(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_export(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_record(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_diff(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_evaluate(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_repeal(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_public_list(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_public_record(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_norm_lib_bodies(struct fz_req *req, json_t **out, struct fz_err *err);
/* 废止 on day: the version of kind "repeal" (text kept), the one in force ended, status repealed. */
enum fz_code fz_norm_repeal(struct fz_ctx *ctx, int64_t id, int day, const char *reason,
			    struct fz_err *err);
/* Marks documents in force past valid_until expired (lapsed after a "lapse" evaluation). */
enum fz_code fz_norm_expire_due(struct fz_ctx *ctx, struct fz_err *err);
/* Synthetic issued documents for benchmarks (`fazhi bench-gen --only normative`). */
enum fz_code fz_norm_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			      size_t nagencies, struct fz_err *err);

#endif
