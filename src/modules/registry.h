/*
 * registry.h - the table of domain modules.
 *
 * A module (one folder under modules/) registers itself with one entry here:
 * its name, its case kinds (any number, each a declared workflow with its
 * hooks into the generic case engine), its routes, its migrations, its report
 * sections and its demo data. Adding a domain means adding a folder and one
 * line in registry.c (FZ_MODULES); nothing else changes.
 *
 * The entry's type belongs to platform (platform/module.h); main hands this
 * table to the engine at start-up (fz_platform_set_modules), and everything
 * else reads it through platform's accessors, never through fz_modules.
 */
#ifndef FZ_MODULES_REGISTRY_H
#define FZ_MODULES_REGISTRY_H

#include <stddef.h>

#include "platform/api.h"
#include "platform/module.h"

extern const struct fz_module *const fz_modules[];
extern const size_t fz_modules_count;

#endif
