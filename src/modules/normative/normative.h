/*
 * normative.h - normative documents (行政规范性文件): the module's registry entry.
 *
 * A document's whole life: the drafting plan, the draft with its 起草说明 and
 * basis, public comment on the portal, the automatic pre-check for what a
 * normative document may not do, the legal office's legality review
 * (platform/legality.h, kind "norm_doc"), collective deliberation, 三统一
 * (registration, numbering per issuing body and year never reused, issue and
 * publication the same day), filing within 30 days, validity with evaluation
 * before expiry, amendment and repeal as versions, cleanup campaigns, and the
 * public's objections (审查建议). The public library shows any document as it
 * stood on a given day.
 */
#ifndef FZ_MODULES_NORMATIVE_H
#define FZ_MODULES_NORMATIVE_H

#include "modules/registry.h"

extern const struct fz_module fz_norm_module;

#endif
