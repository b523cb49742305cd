/*
 * migrations.h - numbered schema migrations, applied once each, re-runnable.
 *
 * Core migrations live in migrations.c; each module adds its own through its
 * registry entry (modules/registry.h). A migration is identified by a name
 * such as "core-001" and recorded in schema_migration when applied, in the
 * same transaction as its statements.
 */
#ifndef FZ_STORE_MIGRATIONS_H
#define FZ_STORE_MIGRATIONS_H

#include "store/db.h"

struct fz_migration {
	const char *name; /* unique, ordered within its owner: "core-001" */
	const char *sql;
};

/* How many known migrations are not yet applied (the server refuses to start then). */
int fz_migrations_pending(struct fz_db *db);

/* Applies every migration not yet recorded: core first, then each module's. Returns how many ran. */
enum fz_code fz_migrate(struct fz_db *db, int *applied, struct fz_err *err);

#endif
