/*
 * legal.h - the legal office's legal affairs (法律事务): government contracts
 * (政府合同: registration, legality review, signing, performance milestones,
 * disputes, completion or termination), other legal matters referred to the
 * office (涉法事务: assigned, answered on a clock with a numbered opinion
 * letter), and the county's legal advisers (政府法律顾问、公职律师) with
 * their engagements and the opinions they give on any case.
 */
#ifndef FZ_MODULES_LEGAL_H
#define FZ_MODULES_LEGAL_H

#include "modules/registry.h"

extern const struct fz_module fz_legal_module;

#endif
