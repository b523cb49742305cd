/*
 * mediation.h - people's mediation (人民调解) and administrative mediation
 * (行政调解): the module's registry entry.
 *
 * Townships keep a register of their people's mediation committees and
 * mediators (public directory on the portal); a mediation case is opened by a
 * township (a committee mediates) or by an agency of the fields the county
 * mediates in (public security, health, market, labour, land). The period is
 * a clock (setting mediation.days, default 30 calendar days), extended only
 * on both parties' consent; the outcome is an agreement (Word) or none; an
 * agreement's performance is followed and it may go to court for judicial
 * confirmation within 30 days (人民调解法 第33条).
 */
#ifndef FZ_MODULES_MEDIATION_H
#define FZ_MODULES_MEDIATION_H

#include "modules/registry.h"

extern const struct fz_module fz_mediation_module;

#endif
