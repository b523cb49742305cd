/*
 * disclosure.h - government information disclosure (政府信息公开, 2019 regulation):
 * the module's registry entry.
 *
 * Two halves: the proactive-disclosure catalogue (主动公开, 第19-26条), and
 * requests (依申请公开, 第27-45条) run as cases under the engine with the reply
 * clock of 第33条; the annual report (第49-50条, 国办公开办函〔2021〕30号) is
 * counted from both.
 */
#ifndef FZ_MODULES_DISCLOSURE_H
#define FZ_MODULES_DISCLOSURE_H

#include "modules/registry.h"

extern const struct fz_module fz_disclosure_module;

#endif
