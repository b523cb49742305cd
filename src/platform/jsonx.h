/*
 * jsonx.h - checking JSON input against declared inputs, and small jansson helpers.
 *
 * Every check names the offending field and says what is wrong in Chinese, so
 * the browser can show the message beside the field. Not for: parsing request
 * bodies (http/handler.h) or building responses.
 */
#ifndef FZ_PLATFORM_JSONX_H
#define FZ_PLATFORM_JSONX_H

#include <jansson.h>

#include "core/workflow.h"
#include "platform/ctx.h"

/*
 * Checks body (an object) against inputs (name NULL ends, at most max): no
 * unknown keys except those in extra (NULL-terminated), required present and
 * not blank, types, lengths, ranges, options, dates inside the loaded
 * calendar, agencies that exist and are active.
 */
enum fz_code fz_json_check_inputs(struct fz_ctx *ctx, const struct fz_input *inputs, size_t max,
				  json_t *body, const char *const *extra, struct fz_err *err);

/* [{value, label}] of an option list (value NULL ends), for reference data. */
json_t *fz_options_json(const struct fz_option *o);
/* The label of value in an option list, or value itself when it is not one. */
const char *fz_option_label(const struct fz_option *o, const char *value);

/* String member or NULL. */
const char *fz_json_str(const json_t *o, const char *key);
/* Compact JSON text of j without the keys in skip (NULL-terminated), in the arena. */
char *fz_json_text(struct fz_arena *a, const json_t *j, const char *const *skip);
/* Adds key: string or null when s is NULL. */
void fz_json_set_str(json_t *o, const char *key, const char *s);
/* Date string for a day number, or null when day is FZ_OPEN/negative. */
json_t *fz_json_date(int day);

#endif
