/*
 * decision.h - the major administrative decisions module (重大行政决策).
 */
#ifndef FZ_MODULES_DECISION_H
#define FZ_MODULES_DECISION_H

#include "platform/module.h"

extern const struct fz_module fz_decision_module;

#endif
