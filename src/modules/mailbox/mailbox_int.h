/*
 * mailbox_int.h - private to the mailbox module: shared between its files.
 */
#ifndef FZ_MODULES_MAILBOX_INT_H
#define FZ_MODULES_MAILBOX_INT_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/cases.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "store/migrations.h"

extern const struct fz_case_type fz_mailbox_type;
extern const struct fz_migration fz_mailbox_migrations[];
extern const struct fz_route fz_mailbox_routes[];
extern const struct fz_input fz_mailbox_letter_inputs[];
extern const struct fz_option fz_mailbox_categories[];
extern const struct fz_figure fz_mailbox_figures[]; /* mailbox_report.c */
void fz_mailbox_meta(json_t *obj);

const char *fz_mailbox_category_label(const char *value);

struct fz_letter {
	const char *writer_name, *phone, *category, *subject, *content;
	bool publish_ok;
	int received_on;
	int64_t agency_id; /* registering agency; 0 = the county office */
};

/* Registers a letter: case, clocks, event and the letter row, in one transaction. */
enum fz_code fz_mailbox_submit(struct fz_ctx *ctx, const struct fz_letter *l,
			       struct fz_case_row *out, struct fz_err *err);

enum fz_code fz_mailbox_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err);
enum fz_code fz_mailbox_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			       struct fz_err *err);
enum fz_code fz_mailbox_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				   struct fz_err *err);
/* The portal's published replies, newest first (platform/lists.h). */
extern const struct fz_list fz_mailbox_replies_list;
enum fz_code fz_mailbox_stats_json(struct fz_ctx *ctx, int year, json_t **out,
				   struct fz_err *err);
extern const struct fz_demo fz_mailbox_demo; /* mailbox_demo_kinds.c */
enum fz_code fz_mailbox_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
				 size_t nagencies, struct fz_err *err);

#endif
