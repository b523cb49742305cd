/*
 * petition.h - the petitions module (信访, 信访工作条例 2022).
 */
#ifndef FZ_MODULES_PETITION_H
#define FZ_MODULES_PETITION_H

#include "platform/module.h"

extern const struct fz_module fz_petition_module;

#endif
