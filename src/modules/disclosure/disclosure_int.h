/*
 * disclosure_int.h - private to the disclosure module: shared between its files.
 */
#ifndef FZ_MODULES_DISCLOSURE_INT_H
#define FZ_MODULES_DISCLOSURE_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "modules/disclosure/disclosure_rules.h"
#include "platform/cases.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_disc_type;
extern const struct fz_migration fz_disc_migrations[];
extern const struct fz_record_kind fz_disc_records[];
extern const struct fz_route fz_disc_routes[];
extern const struct fz_input fz_disc_public_inputs[];
extern const struct fz_input fz_disc_staff_inputs[];
extern const struct fz_option fz_disc_categories[];

struct fz_disc_request {
	const char *channel, *applicant_type, *applicant_name, *id_number, *phone, *address,
		*email, *description, *purpose, *delivery;
	int submitted_on, received_on;
	int64_t agency_id;
};

/* Registers a request as a case (reply clock from the receipt day), in one transaction. */
enum fz_code fz_disc_submit(struct fz_ctx *ctx, const struct fz_disc_request *r,
			    struct fz_case_row *out, struct fz_err *err);
enum fz_code fz_disc_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			   const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_disc_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err);
enum fz_code fz_disc_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				struct fz_err *err);

/* Annual report (report.c): year, agency (0 = whole county). Caller owns *out. */
extern const struct fz_figure fz_disc_figures[]; /* disclosure_report.c */
enum fz_code fz_disc_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				 struct fz_err *err);

/*
 * Catalogue. public_only: what the portal shows (公开日期 reached). Otherwise the
 * staff catalogue, drafts included, scoped like cases: an agency's staff see only
 * their own agency's items, another agency's answer like missing ones.
 */
struct fz_disc_item {
	int64_t agency_id;
	const char *category, *title, *body;
	int created_on, published_on, valid_until; /* valid_until -1 = open-ended */
};
enum fz_code fz_disc_item_create(struct fz_ctx *ctx, const struct fz_disc_item *it,
				 json_t **out, struct fz_err *err);
/* The catalogue as declared lists (platform/lists.h): staff (scoped) and the portal's. */
extern const struct fz_list fz_disc_items_list, fz_disc_public_items_list;
enum fz_code fz_disc_item_json(struct fz_ctx *ctx, int64_t item_id, bool public_only,
			       json_t **out, struct fz_err *err);
/*
 * The report as it was published (figures frozen at publication, as the public
 * read it), or NOT_FOUND when that year's report was never published.
 */
enum fz_code fz_disc_report_published(struct fz_ctx *ctx, int year, int64_t agency_id,
				      json_t **out, struct fz_err *err);
/* Every published report: [{year, agency_id, agency_name, title, published_on}], newest first. */
enum fz_code fz_disc_reports_published(struct fz_ctx *ctx, json_t **out, struct fz_err *err);
/* Saves the prose sections; publishes only a reconciled report. */
enum fz_code fz_disc_report_save(struct fz_ctx *ctx, int year, int64_t agency_id, json_t *body,
				 bool publish, struct fz_err *err);

extern const struct fz_demo fz_disc_demo; /* disclosure_demo_kinds.c */

/* Documents and statistics (disclosure_docs.c). Files are malloc'd, owned by the caller. */
enum fz_code fz_disc_reply_docx(struct fz_ctx *ctx, int64_t case_id, char **out, size_t *len,
				char *filename, size_t fsize, struct fz_err *err);
/* published: the report as published (fz_disc_report_published), else as it stands now. */
enum fz_code fz_disc_report_docx(struct fz_ctx *ctx, int year, int64_t agency_id, bool published,
				 char **out, size_t *len, char *filename, size_t fsize,
				 struct fz_err *err);
enum fz_code fz_disc_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, bool published,
				 char **out, size_t *len, char *filename, size_t fsize,
				 struct fz_err *err);
enum fz_code fz_disc_stats_json(struct fz_ctx *ctx, int year, json_t **out, struct fz_err *err);

#endif
