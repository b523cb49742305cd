/*
 * legal_int.h - private to the legal affairs module: shared between its files.
 *
 * Files: legal_flow.c (the two procedures as data, settings, review kind, the
 * module entry), legal_store.c (tables), legal_contract.c (contracts: create,
 * steps, fields, milestones, disputes, lists), legal_matter.c (legal matters:
 * create, steps, fields, the opinion letter, list), legal_adviser.c (advisers,
 * engagements, adviser opinions on any case), legal_report.c (figures and the
 * statistics), legal_api.c (routes), legal_demo_kinds.c (demo records),
 * legal_generate.c (synthetic records for benchmarks).
 */
#ifndef FZ_MODULES_LEGAL_INT_H
#define FZ_MODULES_LEGAL_INT_H

#include <jansson.h>
#include <stdbool.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "platform/lists.h"
#include "store/migrations.h"

#define FZ_LEGAL_CONTRACT "legal_contract"
#define FZ_LEGAL_MATTER	  "legal_matter"

extern const struct fz_case_type fz_legal_contract_type; /* 政府合同 */
extern const struct fz_case_type fz_legal_matter_type;	 /* 涉法事务 */
extern const struct fz_migration fz_legal_migrations[];
extern const struct fz_route fz_legal_routes[];
extern const struct fz_figure fz_legal_figures[];
void fz_legal_meta(json_t *obj);

/* Option lists (legal_flow.c). */
extern const struct fz_option fz_legal_contract_kinds[]; /* 采购, 工程, PPP, … */
extern const struct fz_option fz_legal_dispute_kinds[];	 /* 协商, 调解, 仲裁, 诉讼 */
extern const struct fz_option fz_legal_dispute_outcomes[];
extern const struct fz_option fz_legal_matter_kinds[];	/* 函件, 拟诉讼/应诉准备, … */
extern const struct fz_option fz_legal_adviser_kinds[]; /* 法律顾问, 公职律师 */
extern const struct fz_option fz_legal_opinion_kinds[]; /* 书面意见, 列席会议, 口头意见 */
extern const struct fz_option fz_legal_review_opinions[];

/* One audit event for a write that is not a case step (inside the caller's transaction). */
enum fz_code fz_legal_audit(struct fz_ctx *ctx, int64_t case_id, const char *entity,
			    const char *action, const char *note, json_t *input,
			    struct fz_err *err);
/* Is s a valid 统一社会信用代码 (GB 32100-2015, with its check character)? */
bool fz_legal_credit_code_valid(const char *s);

/* ---- contracts (legal_contract.c) ---- */
extern const struct fz_input fz_legal_contract_inputs[];
extern const struct fz_input fz_legal_milestone_inputs[], fz_legal_milestone_done_inputs[];
/* Registers a contract (checked here, counterparties included), one transaction. */
enum fz_code fz_legal_contract_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				      struct fz_err *err);
enum fz_code fz_legal_contract_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				     const struct fz_transition *tr, json_t *input,
				     struct fz_err *err);
enum fz_code fz_legal_contract_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err);
/* Adds a milestone (checked inputs); its seq in *seq. */
enum fz_code fz_legal_milestone_add(struct fz_ctx *ctx, int64_t case_id, json_t *in, int64_t *seq,
				    struct fz_err *err);
/* Marks milestone seq done (checked inputs). */
enum fz_code fz_legal_milestone_done(struct fz_ctx *ctx, int64_t case_id, int64_t seq, json_t *in,
				     struct fz_err *err);
extern const struct fz_list fz_legal_contracts_list;
extern const struct fz_list fz_legal_milestones_list;
extern const struct fz_list fz_legal_disputes_list;

/* ---- legal matters (legal_matter.c) ---- */
extern const struct fz_input fz_legal_matter_inputs[];
enum fz_code fz_legal_matter_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				    struct fz_err *err);
enum fz_code fz_legal_matter_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				   const struct fz_transition *tr, json_t *input,
				   struct fz_err *err);
enum fz_code fz_legal_matter_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				    struct fz_err *err);
extern const struct fz_list fz_legal_matters_list;
/* The legal office staff a matter may be assigned to, with their open matters. */
enum fz_code fz_legal_handlers_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err);

/* ---- advisers (legal_adviser.c) ---- */
extern const struct fz_input fz_legal_adviser_inputs[], fz_legal_adviser_edit_inputs[];
extern const struct fz_input fz_legal_engagement_inputs[], fz_legal_opinion_inputs[];
enum fz_code fz_legal_adviser_save(struct fz_ctx *ctx, json_t *in, bool create, int64_t *id,
				   struct fz_err *err);
enum fz_code fz_legal_engagement_add(struct fz_ctx *ctx, json_t *in, int64_t *id,
				     struct fz_err *err);
/* An adviser's opinion on case_id (any case type; checked inputs); its seq in *seq. */
enum fz_code fz_legal_opinion_add(struct fz_ctx *ctx, int64_t case_id, json_t *in, int64_t *seq,
				  struct fz_err *err);
enum fz_code fz_legal_opinion_remove(struct fz_ctx *ctx, int64_t case_id, int64_t seq,
				     struct fz_err *err);
/* The opinions recorded on a case, oldest first. Caller owns *out. */
enum fz_code fz_legal_opinions_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				    struct fz_err *err);
/* Per adviser: opinions given, meetings attended in year (agency 0: the county). */
enum fz_code fz_legal_adviser_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id,
					 json_t **out, struct fz_err *err);
extern const struct fz_list fz_legal_advisers_list;
extern const struct fz_list fz_legal_engagements_list;
extern const struct fz_list fz_legal_opinions_list;

/* ---- statistics (legal_report.c) ---- */
enum fz_code fz_legal_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				 struct fz_err *err);

/* ---- benchmarks (legal_generate.c): count contracts and count / 10 matters ---- */
enum fz_code fz_legal_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			       size_t nagencies, struct fz_err *err);

/* ---- demo (legal_demo_kinds.c) ---- */
struct fz_demo;
extern const struct fz_demo fz_legal_demo;

#endif
