/*
 * reconsideration.h - administrative reconsideration (行政复议法, 2023) and
 * litigation against agencies (行政应诉, 行政诉讼法): the two registry entries.
 */
#ifndef FZ_MODULES_RECONSIDERATION_H
#define FZ_MODULES_RECONSIDERATION_H

#include "modules/registry.h"

extern const struct fz_module fz_recon_module;
extern const struct fz_module fz_litigation_module;

#endif
