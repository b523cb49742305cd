/*
 * enforcement.h - enforcement bodies (执法主体), power lists (权责清单),
 * officers (执法人员) and their certificates (执法证件): the registry entry.
 *
 * Two case kinds in one module: the qualification review of a body (执法主体资格审核) and a
 * certificate's life from application to withdrawal or expiry (行政执法证件).
 * The registries themselves (bodies, power items, officers, training) are
 * plain tables whose every change is an audited event.
 */
#ifndef FZ_MODULES_ENFORCEMENT_H
#define FZ_MODULES_ENFORCEMENT_H

#include "modules/registry.h"

extern const struct fz_module fz_enf_module;

#endif
