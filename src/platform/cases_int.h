/*
 * cases_int.h - private to the case engine (cases.c, case_guards.c): the
 * guards of a transition checked against the case as stored.
 */
#ifndef FZ_PLATFORM_CASES_INT_H
#define FZ_PLATFORM_CASES_INT_H

#include <jansson.h>

#include "platform/cases.h"

/*
 * The guards of tr (core/workflow.h fz_flow_guard) on case c as stored now:
 * its clocks, its events, its domain fields (the kind's fields hook) and, when
 * input is not NULL, the submitted input. fields: the case's domain fields
 * when the caller has them (borrowed), else NULL and they are read if a guard
 * needs them. Runs inside the caller's transaction when there is one.
 */
enum fz_code fz_case_guard(struct fz_ctx *ctx, const struct fz_case_row *c,
			   const struct fz_transition *tr, json_t *input, json_t *fields,
			   struct fz_err *err);

/*
 * The transitions the user may take on c now (role, state and guards), in
 * declaration order, into out (at most max); returns how many. fields as for
 * fz_case_guard.
 */
size_t fz_case_offered(struct fz_ctx *ctx, const struct fz_case_row *c, json_t *fields,
		       const struct fz_transition **out, size_t max);

#endif
