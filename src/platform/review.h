/*
 * review.h - 待我审核: the cases waiting on a head's approval.
 *
 * Which steps need a head is not written here: it is read from the case
 * kinds' declared transitions. A case waits on the signed-in head when its
 * state can be left by a step the head's role may take while no step the
 * clerk of the same office may take leaves it (the clerk has done their
 * part and put it up): an agency head (部门负责人) against the agency's
 * clerks and officers, the legal office's head (法制机构负责人) against its
 * staff. The list is a declared list (lists.h): the user's agency scope,
 * filters, sorts, paging and the Excel export come from the list engine.
 *
 * Not for: whether the step's guards pass today (the case page offers the
 * step, or says why not).
 */
#ifndef FZ_PLATFORM_REVIEW_H
#define FZ_PLATFORM_REVIEW_H

#include "platform/lists.h"

/* The roles that approve (have a review queue). */
#define FZ_ROLES_APPROVING (FZ_ROLE_AGENCY_HEAD | FZ_ROLE_LEGAL_HEAD)

extern const struct fz_list fz_review_list;

#endif
