/*
 * registry.c - the one line per module. A module's case kinds are listed in
 * its own entry (its <domain>_flow.c); this order, then each module's
 * kind order, is the order /api/meta lists case types in.
 */
#include "modules/registry.h"

#include "modules/disclosure/disclosure.h"
#include "modules/enforcement/enforcement.h"
#include "modules/mailbox/mailbox.h"
#include "modules/reconsideration/reconsideration.h"

const struct fz_module *const fz_modules[] = {
	&fz_mailbox_module,
	&fz_disclosure_module,
	&fz_recon_module,
	&fz_enf_module,
};
const size_t fz_modules_count = sizeof fz_modules / sizeof fz_modules[0];
