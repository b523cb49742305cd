/*
 * reconsideration.h - administrative reconsideration (行政复议法, 2023) and
 * litigation against agencies (行政应诉, 行政诉讼法): the registry entry, one
 * module with two case kinds (applications and lawsuits).
 */
#ifndef FZ_MODULES_RECONSIDERATION_H
#define FZ_MODULES_RECONSIDERATION_H

#include "modules/registry.h"

extern const struct fz_module fz_recon_module;

#endif
