/*
 * settings.h - local rules and preferences an administrator may change.
 *
 * The law's defaults live in the case-type declarations; where a rule is
 * marked (local) or (unconfirmed) in spec/statutory-rules.md, the declaration
 * names a setting key and the value here wins. Known keys and their defaults
 * are declared where they belong: the core's (clock, session, login, store)
 * in settings.c, each module's in its own folder (struct fz_module settings),
 * so the admin screen lists the core's and the installed modules' keys.
 */
#ifndef FZ_PLATFORM_SETTINGS_H
#define FZ_PLATFORM_SETTINGS_H

#include <stdint.h>

#include "store/db.h"

/* What a setting holds: a whole number in [min, max] (most), or an address. */
enum fz_setting_kind {
	FZ_SETTING_INT = 0,
	/*
	 * An http(s) address without query or fragment, stored without trailing
	 * '/'; empty means not set (def, min and max are unused, 0).
	 */
	FZ_SETTING_URL,
};

struct fz_setting_def {
	const char *key;
	const char *label;
	long def;
	long min, max;
	const char *note; /* the help line: what it governs, its source or what a county must decide */
	enum fz_setting_kind kind;
};

/* The core's settings, key NULL ends. A module's keys are its own (module.h). */
extern const struct fz_setting_def fz_core_settings[];

/*
 * The declaration of key among the core's and the installed modules'
 * settings, or NULL. Owned by the declaring table (static data).
 */
const struct fz_setting_def *fz_setting_find(const char *key);

/*
 * The declarations are sound: every key is declared once across the core and
 * the installed modules, and every default lies within its range. Checked at
 * start-up with the modules (fz_modules_validate).
 */
enum fz_code fz_settings_validate(struct fz_err *err);

/* Integer setting, or its declared default (or def when undeclared). */
long fz_setting_int(struct fz_db *db, const char *key, long def);
enum fz_code fz_setting_set(struct fz_db *db, const char *key, long value, const char *now,
			    struct fz_err *err);

struct fz_ctx;
struct json_t;

/*
 * An address setting's value ("" when not set), copied into ctx's arena
 * (owned by it).
 */
const char *fz_setting_text(struct fz_ctx *ctx, const char *key);

/*
 * Checks an address for an FZ_SETTING_URL setting: http:// or https://, a
 * host (letters, digits, '-', '.'; or [IPv6]), an optional port and an
 * optional path of plain characters, no user, query, fragment or white space.
 * Returns the address without trailing '/' in ctx's arena, or NULL with err
 * naming the setting.
 */
const char *fz_setting_url_check(struct fz_ctx *ctx, const struct fz_setting_def *d,
				 const char *value, struct fz_err *err);

/*
 * Every known setting for the admin screen: [{key, label, value, default, min,
 * max, note, updated_at|null}], the core's first, then each installed
 * module's in table order. Caller owns *out.
 */
enum fz_code fz_settings_json(struct fz_ctx *ctx, struct json_t **out, struct fz_err *err);

/*
 * Changes one setting as ctx->user, in one transaction with its audit event
 * (before and after). Periods already running keep the days they started
 * with; the new value applies to clocks started from now on.
 */
enum fz_code fz_settings_change(struct fz_ctx *ctx, const char *key, long value,
				struct fz_err *err);

/*
 * Changes an address setting (FZ_SETTING_URL; "" clears it) as ctx->user,
 * checked by fz_setting_url_check, in one transaction with its audit event.
 */
enum fz_code fz_settings_change_text(struct fz_ctx *ctx, const char *key, const char *value,
				     struct fz_err *err);

#endif
