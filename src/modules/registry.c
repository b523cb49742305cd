/* registry.c - the one line per module. */
#include "modules/registry.h"

#include <string.h>

#include "modules/disclosure/disclosure.h"
#include "modules/enforcement/enforcement.h"
#include "modules/mailbox/mailbox.h"
#include "modules/reconsideration/reconsideration.h"
#include "platform/settings.h"

const struct fz_module *const fz_modules[] = {
	&fz_mailbox_module,
	&fz_disclosure_module,
	&fz_recon_module,
	&fz_litigation_module,
	&fz_enf_body_module, &fz_enf_cert_module,
};
const size_t fz_modules_count = sizeof fz_modules / sizeof fz_modules[0];

enum fz_code fz_modules_validate(struct fz_err *err)
{
	for (size_t i = 0; i < fz_modules_count; i++) {
		const struct fz_case_type *t = fz_modules[i]->case_type;
		if (!t)
			continue;
		enum fz_code rc = fz_flow_validate(t, err);
		if (rc)
			return rc;
		/* A clock whose days are a local rule names a setting that exists. */
		for (const struct fz_clock_def *k = t->clocks; k && k->name; k++) {
			bool known = !k->days_setting;
			for (const struct fz_setting_def *d = fz_setting_defs; !known && d->key; d++)
				known = strcmp(d->key, k->days_setting) == 0;
			if (!known)
				return fz_err_set(err, FZ_EINTERNAL, k->name,
						  "%s 的时限 %s 引用了未定义的设置 %s", t->name, k->name,
						  k->days_setting);
		}
		for (size_t j = 0; j < i; j++)
			if (fz_modules[j]->case_type && strcmp(fz_modules[j]->case_type->name, t->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, t->name, "案件类型 %s 重复注册",
						  t->name);
	}
	return FZ_OK;
}

const struct fz_module *fz_module_for_type(const char *case_type)
{
	for (size_t i = 0; i < fz_modules_count; i++) {
		const struct fz_case_type *t = fz_modules[i]->case_type;
		if (t && case_type && strcmp(t->name, case_type) == 0)
			return fz_modules[i];
	}
	return NULL;
}
