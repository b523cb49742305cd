/*
 * petition_int.h - private to the petitions module: shared between its files.
 */
#ifndef FZ_MODULES_PETITION_INT_H
#define FZ_MODULES_PETITION_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "platform/lists.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_petition_type;
extern const struct fz_migration fz_petition_migrations[];
extern const struct fz_route fz_petition_routes[];
extern const struct fz_figure fz_petition_figures[];
extern const struct fz_option fz_petition_channels[];
extern const struct fz_option fz_petition_matters[];
extern const struct fz_option fz_petition_outcomes[];
extern const struct fz_option fz_petition_ratings[];
extern const struct fz_input fz_petition_public_inputs[];
extern const struct fz_input fz_petition_staff_inputs[];
extern const struct fz_list fz_petition_list;
extern const struct fz_demo fz_petition_demo;

/*
 * Registers a petition from body (the staff or the public form, already
 * checked): case, clocks, event and the petition row in one transaction.
 * The same petitioner's same matter still in progress is registered as 重复信访
 * linked to the first (第19条); one closed after 复核 is refused (第36条).
 */
enum fz_code fz_petition_submit(struct fz_ctx *ctx, json_t *body, const char *channel,
				int64_t agency_id, int received, struct fz_case_row *out,
				struct fz_err *err);
/*
 * The same, for a petition made from another case (source_id, a 县长信箱
 * letter; 0: none): linked to it (petition.source_case_id), note on the
 * creation event. Without an ID number (a letter has none) it is registered
 * but not compared with other petitions (第19条, 第36条 need the ID number).
 * Nests in the caller's transaction.
 */
enum fz_code fz_petition_submit_from(struct fz_ctx *ctx, json_t *body, const char *channel,
				     int64_t agency_id, int received, int64_t source_id,
				     const char *note, struct fz_case_row *out, struct fz_err *err);
/* The petitions whose 复查 / 复核 request period ended in silence are closed (第35条, 第36条). */
enum fz_code fz_petition_conclude_lapsed(struct fz_ctx *ctx, int *n, struct fz_err *err);
/* The petitioner's ID number and phone as the forms require them (422 naming the field). */
enum fz_code fz_petition_check_person(json_t *body, struct fz_err *err);

enum fz_code fz_petition_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_petition_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err);
enum fz_code fz_petition_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				    struct fz_err *err);
enum fz_code fz_petition_stats_json(struct fz_ctx *ctx, int year, json_t **out, struct fz_err *err);
void fz_petition_meta(json_t *obj);
/* The 12345 hotline's work orders (xlsx or CSV): a dry run, or with commit all rows or none. */
enum fz_code fz_petition_import(struct fz_ctx *ctx, const char *data, size_t len, bool commit,
				json_t **out, struct fz_err *err);

/* Indexes a petition's text for the keyword (petition-003), in the caller's transaction. */
enum fz_code fz_petition_index(struct fz_ctx *ctx, int64_t case_id, const char *number,
				const char *name, const char *subject, const char *content,
				const char *order_number, struct fz_err *err);
/* Every petition indexed (*n of them); then the keyword uses the index. */
enum fz_code fz_petition_index_all(struct fz_ctx *ctx, long *n, struct fz_err *err);
bool fz_petition_indexed(struct fz_ctx *ctx);
/* bench-gen: count synthetic petitions over the agencies (petition_generate.c). */
enum fz_code fz_petition_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
				  size_t nagencies, struct fz_err *err);

#endif
