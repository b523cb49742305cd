/*
 * legality.c - the registry of review kinds and the submission of a subject
 * for legality review (legality.h). The review's own tables and steps are the
 * review module's; this file only creates its case and takes its first step.
 */
#include "platform/legality.h"

#include <stdio.h>
#include <string.h>

#include "core/workflow.h"
#include "platform/cases.h"
#include "platform/module.h"
#include "platform/settings.h"

enum fz_code fz_legality_submit(struct fz_ctx *ctx, const char *kind,
				const struct fz_case_row *subject, json_t *materials,
				int64_t *review_id, struct fz_err *err)
{
	const struct fz_review_kind *k = fz_review_kind_find(kind);
	if (!k)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未注册的审核类别 %s", kind);
	char title[600];
	snprintf(title, sizeof title, "合法性审核：%s", subject->title);
	struct fz_case_new n = {
		.case_type = FZ_LEGAL_REVIEW_TYPE,
		.agency_id = subject->agency_id,
		.title = title,
		.received_on = ctx->today,
	};
	struct fz_case_row review;
	enum fz_code rc = fz_case_create(ctx, &n, &review, err);
	if (rc)
		return rc;
	json_t *body = materials ? json_deep_copy(materials) : json_object();
	json_object_set_new(body, "kind", json_string(kind));
	json_object_set_new(body, "subject_case_id", json_integer(subject->case_id));
	if (k->days_setting)
		json_object_set_new(body, "days",
				    json_integer(fz_setting_int(ctx->db, k->days_setting, 7)));
	rc = fz_case_act_system(ctx, review.case_id, "submit", body, err);
	json_decref(body);
	if (!rc && review_id)
		*review_id = review.case_id;
	return rc;
}
