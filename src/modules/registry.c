/*
 * registry.c - the table of modules: one line per module in FZ_MODULES.
 *
 * X(name) stands for the module's entry, `const struct fz_module
 * fz_<name>_module` (defined in its folder, usually in <domain>_flow.c). The
 * order here, then each module's kind order, is the order /api/meta lists
 * case types in and the migrations run in; append new modules at the end.
 */
#include "modules/registry.h"

#define FZ_MODULES(X)                                                          \
	X(mailbox)                                                             \
	X(disclosure)                                                          \
	X(recon)                                                               \
	X(enf)                                                                 \
	X(review)                                                              \
	X(norm)                                                                \
	X(decision)                                                            \
	X(legal)                                                               \
	X(petition)                                                            \
	X(mediation)                                                           \
	X(proposal)                                                            \
	/* a new module: one line above this one */

#define FZ_DECLARE(name) extern const struct fz_module fz_##name##_module;
FZ_MODULES(FZ_DECLARE)
#undef FZ_DECLARE

#define FZ_ENTRY(name) &fz_##name##_module,
const struct fz_module *const fz_modules[] = {FZ_MODULES(FZ_ENTRY)};
#undef FZ_ENTRY
const size_t fz_modules_count = sizeof fz_modules / sizeof fz_modules[0];
