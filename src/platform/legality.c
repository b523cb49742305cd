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

size_t fz_review_kind_count(void)
{
	size_t n = 0;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		for (const struct fz_review_kind *k = fz_platform_module(i)->review_kinds; k && k->name;
		     k++)
			n++;
	return n;
}

const struct fz_review_kind *fz_review_kind_at(size_t at)
{
	size_t n = 0;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		for (const struct fz_review_kind *k = fz_platform_module(i)->review_kinds; k && k->name;
		     k++)
			if (n++ == at)
				return k;
	return NULL;
}

const struct fz_review_kind *fz_review_kind_find(const char *name)
{
	for (size_t i = 0, n = fz_review_kind_count(); name && i < n; i++)
		if (strcmp(fz_review_kind_at(i)->name, name) == 0)
			return fz_review_kind_at(i);
	return NULL;
}

static enum fz_code check_step(const struct fz_review_kind *k, const struct fz_case_type *t,
			       const char *step, struct fz_err *err)
{
	const struct fz_transition *tr = step ? fz_flow_transition(t, step) : NULL;
	if (!tr || !tr->system)
		return fz_err_set(err, FZ_EINTERNAL, k->name,
				  "审核类别 %s：%s 不是案件类型 %s 的系统步骤", k->name,
				  step ? step : "(空)", t->name);
	return FZ_OK;
}

enum fz_code fz_review_kinds_validate(struct fz_err *err)
{
	for (size_t i = 0, n = fz_review_kind_count(); i < n; i++) {
		const struct fz_review_kind *k = fz_review_kind_at(i);
		for (size_t j = 0; j < i; j++)
			if (strcmp(fz_review_kind_at(j)->name, k->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, k->name, "审核类别 %s 重复注册",
						  k->name);
		const struct fz_case_kind *ck = fz_case_kind_for_type(k->subject_type, NULL);
		if (!ck)
			return fz_err_set(err, FZ_EINTERNAL, k->name,
					  "审核类别 %s 的审核对象 %s 不是已注册的案件类型", k->name,
					  k->subject_type ? k->subject_type : "(空)");
		enum fz_code rc = check_step(k, ck->type, k->on_passed, err);
		if (!rc)
			rc = check_step(k, ck->type, k->on_failed, err);
		if (rc)
			return rc;
	}
	if (fz_review_kind_count() && !fz_case_kind_for_type(FZ_LEGAL_REVIEW_TYPE, NULL))
		return fz_err_set(err, FZ_EINTERNAL, NULL,
				  "已注册合法性审核类别，但没有模块声明案件类型 %s",
				  FZ_LEGAL_REVIEW_TYPE);
	return FZ_OK;
}

enum fz_code fz_legality_submit(struct fz_ctx *ctx, const char *kind,
				const struct fz_case_row *subject, json_t *materials,
				int64_t *review_id, struct fz_err *err)
{
	if (!fz_review_kind_find(kind))
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
	rc = fz_case_act_system(ctx, review.case_id, "submit", body, err);
	json_decref(body);
	if (!rc && review_id)
		*review_id = review.case_id;
	return rc;
}
