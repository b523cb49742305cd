/*
 * legality.h - the legal office's legality review (合法性审核) as a service:
 * one queue for everything the office must review before a body decides.
 *
 * A module whose procedure needs the review registers a review kind (struct
 * fz_module .review_kinds, data only): the case type of its subject and the
 * two system transitions (core/workflow.h `system`) the opinion takes on the
 * subject — one when it passes (合法 / 修改后合法), one when it fails
 * (不合法: back to drafting). The subject's gate is its own states: the step
 * that goes to deliberation leaves only the state on_passed reaches.
 *
 * The subject submits with fz_legality_submit from one of its steps' apply
 * hook; the review itself is a case of type FZ_LEGAL_REVIEW_TYPE, run by the
 * review module (modules/review): reviewer, period, extension, opinion with
 * its points, the opinion letter, the queue. Its opinion step takes the
 * subject's transition through fz_case_act_system, in the same transaction.
 *
 * Not for: the enforcement module's 法制审核 of a penalty decision (its own
 * rounds, enf_penalty_review.c), until it registers a kind here.
 */
#ifndef FZ_PLATFORM_LEGALITY_H
#define FZ_PLATFORM_LEGALITY_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"
#include "platform/ctx.h"
#include "platform/module.h" /* the registry: fz_review_kind_find and the rest */

struct fz_case_row;

/* The case type of a review (declared by modules/review). */
#define FZ_LEGAL_REVIEW_TYPE "legal_review"

struct fz_review_kind {
	const char *name;	  /* "norm_doc": unique over all modules; NULL ends a list */
	const char *label;	  /* "行政规范性文件" */
	const char *subject_type; /* the case type of what is reviewed */
	const char *on_passed;	  /* the subject's system transition on 合法 / 修改后合法 */
	const char *on_failed;	  /* on 不合法 */
	/*
	 * The period this kind gives the reviewer, where its own rule sets one
	 * (重大行政决策程序暂行条例 第26条: not less than 7 working days): the
	 * setting that holds it (declared by the registering module, read on
	 * submission) and the article shown with the review's clock. NULL: the
	 * review module's review.days and 国办发〔2018〕115号.
	 */
	const char *days_setting;
	const char *article;
};

/*
 * Submits the subject for review, inside the caller's transaction: creates the
 * review case (the subject's agency, "合法性审核：<subject title>", received
 * today) and takes its system step "submit" with body {kind, subject_case_id}
 * plus what materials holds (the review module's submission inputs: summary,
 * basis, attachment ids) and, where the kind sets its own period, the days
 * read from its setting. *review_id receives the review case. A kind no
 * module registered is a programmer error (FZ_EINTERNAL).
 */
enum fz_code fz_legality_submit(struct fz_ctx *ctx, const char *kind,
				const struct fz_case_row *subject, json_t *materials,
				int64_t *review_id, struct fz_err *err);

#endif
