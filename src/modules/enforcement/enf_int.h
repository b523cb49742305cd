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

/* ---- discretion benchmarks (enf_benchmark.c) ---- */
extern const struct fz_option fz_bench_status[];
extern const struct fz_option fz_bench_placements[]; /* inside / outside the benchmark */
/* Creates a draft (bm_id 0) or rewrites draft bm_id: {power_id, note, rows: [...]}. */
enum fz_code fz_enf_bench_save(struct fz_ctx *ctx, int64_t bm_id, json_t *in, json_t **out,
			       struct fz_err *err);
enum fz_code fz_enf_bench_publish(struct fz_ctx *ctx, int64_t bm, json_t *in, json_t **out,
				  struct fz_err *err);
enum fz_code fz_enf_bench_json(struct fz_ctx *ctx, int64_t bm, bool public_only, json_t **out,
			       struct fz_err *err);
enum fz_code fz_enf_bench_list(struct fz_ctx *ctx, bool public_only, int64_t agency_id,
			       int64_t body_id, int64_t power_id, const char *status,
			       const char *q, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_calc(struct fz_ctx *ctx, int64_t power_id, const char *level,
			       json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_stats(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err);
/* The workbook of the newest versions (body_id 0: every body in scope); *out malloc'd, caller frees. */
enum fz_code fz_enf_bench_xlsx(struct fz_ctx *ctx, int64_t body_id, char **out, size_t *len,
			       struct fz_err *err);
enum fz_code fz_enf_bench_import(struct fz_ctx *ctx, int64_t body_id, const void *data, size_t len,
				 bool commit, json_t **out, struct fz_err *err);
/*
 * A penalty case's notice or decision (step "notify", "decide",
 * "decide_simple") against the benchmark row picked (input benchmark_row_id;
 * a decision without one uses the notice's): outside the range it needs
 * deviation_reason and makes the case major (超出裁量基准作出处罚); a decision
 * outside needs a passed review. Inside the step's transaction.
 */
enum fz_code fz_enf_bench_step(struct fz_ctx *ctx, int64_t case_id, const char *step, bool punish,
			       const char *kind, long fine, json_t *in, struct fz_err *err);
enum fz_code fz_enf_bench_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				 struct fz_err *err);
/*
 * Demo records: "benchmark" (power_code, note, rows; published_on publishes
 * it) and "benchmark_row" (power_code, level: names the first row of that
 * level in the version in force, so a demo case's step can pick it; writes
 * nothing).
 */
enum fz_code fz_enf_bench_demo(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			       struct fz_err *err);
enum fz_code fz_enf_bench_demo_row(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err);
/* The route handlers (enf_benchmark_api.c; the rows are in enf_api.c). */
enum fz_code fz_enf_bench_r_public(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_list(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_get(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_create(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_update(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_publish(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_calc(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_stats(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_xlsx(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_bench_r_import(struct fz_req *req, json_t **out, struct fz_err *err);
/* ---- legal review, major filing, evidence preservation (enf_penalty_review.c) ---- */
extern const struct fz_option fz_pen_preservation_handlings[];
extern const struct fz_list fz_enf_reviews_list, fz_enf_filings_list;
/* The steps of those three (called first by the penalty hook; other steps pass). */
enum fz_code fz_enf_review_step(struct fz_ctx *ctx, struct fz_case_row *c,
				const struct fz_transition *tr, json_t *input, struct fz_err *err);
/* Adds the review rounds, the major filing and the preservations to a penalty case's fields. */
enum fz_code fz_enf_review_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				  struct fz_err *err);
/* Officers who may review case_id (its agency's), each with qualification and earlier reviews. */
enum fz_code fz_enf_review_reviewers(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				     struct fz_err *err);
/* Per agency: reviews submitted, passed, amended, refused, overdue in a year (of submission). */
enum fz_code fz_enf_review_counts(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				  struct fz_err *err);
/* The enforcement.reviews.* figures (enf_report.c), counted as fz_enf_review_counts counts. */
enum fz_code fz_enf_reviews_submitted(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				      struct fz_err *err);
enum fz_code fz_enf_reviews_passed(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				   struct fz_err *err);
enum fz_code fz_enf_reviews_amended(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				    struct fz_err *err);
enum fz_code fz_enf_reviews_refused(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				    struct fz_err *err);
enum fz_code fz_enf_reviews_overdue(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				    struct fz_err *err);
/* ---- publication of decisions and 第48条 withdrawal (enf_publication.c) ---- */
extern const struct fz_option fz_pub_status[], fz_pub_kinds[], fz_pub_change_kinds[];
extern const struct fz_list fz_enf_publications_list, fz_enf_public_decisions_list;
/* The decision step (decided_on YYYY-MM-DD) starts the publication clock and its row. */
enum fz_code fz_enf_pub_on_decide(struct fz_ctx *ctx, const struct fz_case_row *c, bool punish,
				  const char *decided_on, struct fz_err *err);
/* Is the action one of publication (publish, change_decision, withdraw)? */
bool fz_enf_pub_action(const char *name);
enum fz_code fz_enf_pub_hook(struct fz_ctx *ctx, struct fz_case_row *c, const struct fz_transition *tr,
			     json_t *in, struct fz_err *err);
/* Adds the case's publications and the guards' fields to obj. */
enum fz_code fz_enf_pub_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err);
/* A published decision as the portal shows it; FZ_ENOT_FOUND unless published. Caller owns *out. */
enum fz_code fz_enf_public_decision(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err);
/* 第39条: a body's enforcement basis, procedure and remedies (public: published bodies only). */
enum fz_code fz_enf_body_publicity(struct fz_ctx *ctx, int64_t body_id, bool public_only, json_t **out,
				   struct fz_err *err);
extern const struct fz_input fz_enf_publicity_inputs[];
enum fz_code fz_enf_body_publicity_set(struct fz_ctx *ctx, int64_t body_id, json_t *in, json_t **out,
				       struct fz_err *err);
/* ---- the whole-process record (enf_documents.c, 第47条) ---- */
/*
 * The Word file of one document of a penalty case (kind: filing, inquiry,
 * inspection, notice, hearing_notice, decision, no_penalty, service, closing),
 * issued on its first request (number, stored file, event) and the same file
 * after. FZ_ESTATE while its step is not taken. *out malloc'd, owned by the
 * caller; *filename in the arena.
 */
enum fz_code fz_enf_document_docx(struct fz_ctx *ctx, int64_t case_id, const char *kind,
				  char **out, size_t *len, const char **filename, struct fz_err *err);
/* The case's documents (available or why not, number and hash once issued) and evidence. */
enum fz_code fz_enf_documents_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				   struct fz_err *err);
/*
 * The content type of an evidence file, checked by extension AND first bytes
 * (MP4 ftyp box, MP3 ID3 or frame sync, WAV RIFF/WAVE, JPG, PNG, PDF), or NULL.
 */
const char *fz_enf_evidence_type(const char *name, const void *data, size_t len);
/* Adds an evidence file (MP4, MP3, WAV, JPG, PNG, PDF) to an open penalty case. Caller owns *out. */
enum fz_code fz_enf_evidence_add(struct fz_ctx *ctx, int64_t case_id, const char *filename,
				 const void *data, size_t len, json_t **out, struct fz_err *err);
/* The case file (案卷) as one ZIP: index, documents, evidence, the events. *out malloc'd. */
enum fz_code fz_enf_archive_zip(struct fz_ctx *ctx, int64_t case_id, char **out, size_t *len,
				const char **filename, struct fz_err *err);

/* Demo records (enf_demo_kinds.c): a document issued, an evidence file uploaded, on a case named by its matter. */
enum fz_code fz_enf_demo_document(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				  struct fz_err *err);
enum fz_code fz_enf_demo_evidence(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				  struct fz_err *err);
/* 第42条 (and 行政强制法 第18条): at least two officers of the body on duty, each holding an
 * enforcement certificate valid on day; law opens the refusal, act names what they do. */
enum fz_code fz_enf_officers_certified(struct fz_ctx *ctx, int64_t body_id, const int64_t *ids,
				       size_t n, int day, const char *field, const char *law,
				       const char *act, struct fz_err *err);

/* ---- coercion cases (enf_coercion_flow.c, enf_coercion.c) ---- */
extern const struct fz_case_type fz_enf_coercion_type;
extern const struct fz_option fz_coe_procedures[], fz_coe_measure_kinds[], fz_coe_approvals[],
	fz_coe_release_reasons[], fz_coe_handlings[], fz_coe_exec_methods[], fz_coe_rulings[];
extern const struct fz_list fz_enf_coercions_list;
/* Files a coercion case (查封、扣押 or 强制执行) in one transaction; refuses with nothing written. */
enum fz_code fz_enf_coercion_file(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				  struct fz_err *err);
enum fz_code fz_enf_coercion_hook(struct fz_ctx *ctx, struct fz_case_row *c,
				  const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_enf_coercion_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				    struct fz_err *err);
/* Pure rules (enf_coercion.c): day + months (the same day of the month, or its last day). */
int fz_coe_add_months(int day, int months);
/* 行政诉讼法 第46条: the last day to sue (six months), after which 第53条's three months run. */
int fz_coe_remedy_end(int served);
/* "HH:MM" into minutes after midnight; false on anything else. */
bool fz_coe_parse_time(const char *s, int *minutes);
/* 第19条: is the approval no earlier than the measure and within 24 hours of it? */
bool fz_coe_within_24h(int taken_day, int taken_min, int approved_day, int approved_min);

/* ---- statistics and demo ---- */
enum fz_code fz_enf_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err);
enum fz_code fz_enf_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err);
extern const struct fz_figure fz_enf_figures[]; /* enf_report.c */
/* The certificates list's valid_now filter (FZ_LF_CUSTOM), counted as the figure counts. */
enum fz_code fz_enf_valid_now_filter(struct fz_list_run *run, const char *v, struct fz_err *err);
extern const struct fz_demo fz_enf_demo; /* enf_demo_kinds.c */
/* The year's enforcement cases: named figures per agency, by kind and month (enf_case_stats.c). */
enum fz_code fz_enf_case_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				    struct fz_err *err);
enum fz_code fz_enf_case_stats_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				    size_t *len, struct fz_err *err);
/* Synthetic agencies' bodies, officers and penalty cases for bench/ (enf_generate.c). */
enum fz_code fz_enf_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			     size_t nagencies, struct fz_err *err);

/* ---- fines after the decision (enf_penalty_fines.c; 第66-67条, 第72-73条) ---- */
extern const struct fz_option fz_fine_modes[], fz_fine_remedy_kinds[], fz_fine_remedy_outcomes[];
extern const struct fz_input fz_enf_fine_apply_inputs[];
/*
 * The case's `pay` step records the whole fine as one payment of the ledger,
 * refused when an instalment plan or a surcharge needs the fines' own route;
 * taken by that route itself once the ledger holds the whole fine.
 */
enum fz_code fz_enf_fine_on_pay(struct fz_ctx *ctx, int64_t case_id, int day, long paid,
				const char *receipt, struct fz_err *err);
/* fine_status, fine_status_label and surcharge_today on a penalty case's fields. */
void fz_enf_fine_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj);
enum fz_code fz_enf_fine_get(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_fine_apply(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_fine_decide(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_fine_pay(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_fine_reduce(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_fine_remedy(struct fz_req *req, json_t **out, struct fz_err *err);
enum fz_code fz_enf_fine_remedy_end(struct fz_req *req, json_t **out, struct fz_err *err);
/*
 * One of the fines' writes (apply, decide, pay, reduce, remedy, remedy_end) on
 * a penalty case the user may see, with the body its route takes: the demo's
 * acts. Caller owns *out.
 */
enum fz_code fz_enf_fine_act(struct fz_ctx *ctx, int64_t case_id, const char *op, json_t *body,
			     json_t **out, struct fz_err *err);
/* The demo's record kind "fine" (enf_demo_kinds.c): one of the writes above. */
enum fz_code fz_enf_fine_demo(struct fz_ctx *ctx, json_t *fields, int64_t *id, int64_t *case_id,
			      struct fz_err *err);
/* The penalties list's filters behind the fines figures (FZ_LF_CUSTOM). */
enum fz_code fz_enf_fine_paid_year_filter(struct fz_list_run *run, const char *v, struct fz_err *err);
enum fz_code fz_enf_fine_arranged_year_filter(struct fz_list_run *run, const char *v,
					      struct fz_err *err);

/* ---- inspections, "双随机、一公开" (enf_inspection*.c) ---- */
extern const struct fz_case_type fz_enf_inspection_type;
extern const struct fz_option fz_insp_results[], fz_insp_entity_types[], fz_insp_draw_kinds[];
extern const struct fz_list fz_enf_insp_plans_list, fz_enf_insp_draws_list, fz_enf_insp_entities_list,
	fz_enf_inspections_list, fz_enf_public_inspections_list;
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
