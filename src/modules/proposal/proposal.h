/*
 * proposal.h - deputies' suggestions and members' proposals (人大代表建议 ·
 * 政协委员提案): the module's registry entry.
 *
 * Each session (届次/会次) of the county people's congress or CPPCC has its
 * items; each item is a case assigned to a lead agency (主办) with co-handling
 * agencies (协办), replied to within 3 months of assignment (6 for difficult
 * ones, 代表法 第51条; CPPCC by local rule), the author contacted before the
 * reply, the author's feedback recorded, re-handled on 不满意, and the reply
 * published on the portal without the authors' personal data.
 */
#ifndef FZ_MODULES_PROPOSAL_H
#define FZ_MODULES_PROPOSAL_H

#include "modules/registry.h"

extern const struct fz_module fz_proposal_module;

#endif
