/* registry.c - the one line per module. */
#include "modules/registry.h"

#include <string.h>

#include "modules/disclosure/disclosure.h"
#include "modules/mailbox/mailbox.h"

const struct fz_module *const fz_modules[] = {
	&fz_mailbox_module,
	&fz_disclosure_module,
};
const size_t fz_modules_count = sizeof fz_modules / sizeof fz_modules[0];

const struct fz_module *fz_module_for_type(const char *case_type)
{
	for (size_t i = 0; i < fz_modules_count; i++) {
		const struct fz_case_type *t = fz_modules[i]->case_type;
		if (t && case_type && strcmp(t->name, case_type) == 0)
			return fz_modules[i];
	}
	return NULL;
}
