/*
 * migrations.h - numbered schema migrations, applied once each, re-runnable.
 *
 * Core migrations live in migrations.c; the caller hands in the others as
 * sets (each module's table, from its entry in platform/module.h: see
 * fz_platform_migrate), so the store knows nothing of modules. A migration is
 * identified by a name such as "core-001" and recorded in schema_migration
 * when applied, in the same transaction as its statements.
 */
#ifndef FZ_STORE_MIGRATIONS_H
#define FZ_STORE_MIGRATIONS_H

#include <stddef.h>

#include "store/db.h"

struct fz_migration {
	const char *name; /* unique, ordered within its owner: "core-001" */
	const char *sql;
};

/*
 * The sets: nsets migration tables, each ended by a NULL name (a NULL table is
 * empty), applied after the core ones in the order given.
 */

/* Known migrations (core and sets) not yet applied; the server then refuses to start. */
int fz_migrations_pending(struct fz_db *db, const struct fz_migration *const *sets, size_t nsets);

/*
 * Applies every migration not yet recorded: core first, then each set's in
 * order. *applied says how many ran.
 */
enum fz_code fz_migrate(struct fz_db *db, const struct fz_migration *const *sets, size_t nsets,
			int *applied, struct fz_err *err);

#endif
