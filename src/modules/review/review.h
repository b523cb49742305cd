/*
 * review.h - the legal office's legality review (合法性审核): the module's registry entry.
 *
 * Every procedure that needs the legal office's review before its body decides
 * (normative documents now; major decisions, major enforcement decisions and
 * contracts when they register a kind, platform/legality.h) submits here. A
 * review is a case: the office head assigns a reviewer, the review period runs
 * (setting review.days, default 5 working days, extended with the head's
 * approval to at most review.max_days, 15), the reviewer gives the opinion
 * (合法 / 修改后合法 / 不合法) with its points, each with its legal basis, and
 * the opinion letter is issued with its official number. The opinion takes the
 * subject's registered step: on to deliberation, or back to drafting.
 */
#ifndef FZ_MODULES_REVIEW_H
#define FZ_MODULES_REVIEW_H

#include "modules/registry.h"

extern const struct fz_module fz_review_module;

#endif
