/*
 * db.h - the one storage API: connections, transactions, prepared statements.
 *
 * Everything above store/ talks to the database through these calls, with
 * bound parameters only. SQL text handed in here is standard SQL that
 * PostgreSQL also accepts (positional `?` parameters; the backend rewrites them
 * if it needs to). Backend-specific text lives only in the backend file.
 *
 * A struct fz_db is one connection, used by one thread at a time. Statements
 * are cached per connection keyed by the SQL text (the 256 most recently
 * used; a statement being read is never evicted), so a text in regular use is
 * parsed once. Because a cached statement is shared, a caller must finish
 * (fz_stmt_done) a query before issuing the same SQL text again: never nest
 * a query inside a loop over rows of the same query.
 *
 * Transactions nest: the outermost fz_db_begin takes the write lock at once
 * (SQLite BEGIN IMMEDIATE), inner ones are savepoints, so a service function
 * that opens its own transaction can also run inside a caller's batch.
 */
#ifndef FZ_STORE_DB_H
#define FZ_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct fz_db;
struct fz_stmt;

enum fz_db_flags {
	FZ_DB_CREATE = 1,   /* create the file if missing */
	FZ_DB_READONLY = 2, /* open read-only */
	FZ_DB_SYNC_FULL = 4, /* synchronous=FULL: commits survive power loss, not only a crash */
};

/* Opens the database (WAL mode, foreign keys on, busy timeout). Caller owns *out. */
enum fz_code fz_db_open(const char *path, int flags, struct fz_db **out, struct fz_err *err);
void fz_db_close(struct fz_db *db); /* NULL is a no-op */

/* Runs one or more statements without parameters (schema, pragmas). */
enum fz_code fz_db_exec(struct fz_db *db, const char *sql, struct fz_err *err);

/*
 * Prepared, reset statement for sql (cached). Binds parameters from fmt:
 * 'i' int64_t, 'I' int, 't' const char * (NULL binds NULL), 'd' double,
 * 'n' nothing-binds-NULL, 'b' const void *, size_t (blob).
 * Returns NULL on a preparation error (a programmer error: logged, err set).
 */
struct fz_stmt *fz_db_query(struct fz_db *db, struct fz_err *err, const char *sql,
			    const char *fmt, ...);

/* One parameter for fz_db_query_v, for SQL assembled from fixed fragments. */
struct fz_bind {
	char type; /* 'i' integer, 't' text (NULL binds NULL) */
	int64_t i;
	const char *t;
};

struct fz_stmt *fz_db_query_v(struct fz_db *db, struct fz_err *err, const char *sql,
			      const struct fz_bind *binds, size_t n);

/* true while a row is available; false at the end or on error (see fz_stmt_failed). */
bool fz_stmt_row(struct fz_stmt *st);
bool fz_stmt_failed(const struct fz_stmt *st, struct fz_err *err);
/*
 * Runs a statement that returns no rows; FZ_OK or the mapped error. st may be
 * what a failed fz_db_query returned (NULL): its error, already in err, is
 * returned, so fz_stmt_exec(fz_db_query(...), err) is one write.
 */
enum fz_code fz_stmt_exec(struct fz_stmt *st, struct fz_err *err);
/* Resets the statement so its locks go; call after the last row you need. */
void fz_stmt_done(struct fz_stmt *st);

int64_t fz_col_int(struct fz_stmt *st, int col);
double fz_col_double(struct fz_stmt *st, int col);
/* Text of a column, valid until the next step/done; NULL for SQL NULL. */
const char *fz_col_text(struct fz_stmt *st, int col);
const void *fz_col_blob(struct fz_stmt *st, int col, size_t *len);
bool fz_col_null(struct fz_stmt *st, int col);

/*
 * Runs an INSERT whose SQL ends in `RETURNING <key>` and puts that one
 * returned value in *id: the portable way to learn a new row's key (there is
 * no "last insert id" outside SQLite). Errors as fz_stmt_exec (a NULL st too); a statement
 * that returns no row (ON CONFLICT DO NOTHING) gives FZ_ENOT_FOUND. *id is
 * left as it was on any error.
 */
enum fz_code fz_stmt_exec_id(struct fz_stmt *st, int64_t *id, struct fz_err *err);
int fz_db_changes(struct fz_db *db);

/*
 * Full-text indexes, reached through platform/search.h. An index is named by
 * a word such as "case" or "enf_power" and holds, per record id, a few named
 * text columns; its table comes from a migration of the backend (SQLite: the
 * FTS5 table <name>_fts with the trigram tokenizer, keyed by rowid). Names
 * and columns are fixed identifiers from the code, never user data.
 */
/* Adds the record's text, replacing what was indexed for id before. */
enum fz_code fz_db_fts_put(struct fz_db *db, const char *index, int64_t id,
			   const char *const *columns, const char *const *texts, size_t n,
			   struct fz_err *err);
enum fz_code fz_db_fts_remove(struct fz_db *db, const char *index, int64_t id,
			      struct fz_err *err);
/*
 * Writes into out (size >= 128) a parenthesised subquery of the ids whose
 * text matches the one text parameter it takes (a phrase made by
 * fz_search_phrase), for "<key> IN <subquery>". Returns out.
 */
const char *fz_db_fts_ids(const char *index, char *out, size_t size);
/*
 * For a word of exactly two word characters (letters, digits, CJK; no
 * punctuation) and an index that has a table of character pairs (SQLite:
 * <name>_fts_pairs, contentless FTS5 unicode61, kept by fz_db_fts_put and
 * fz_db_fts_remove beside the trigram table): writes into out (size >= 128)
 * the subquery of the ids whose text holds the word, into bind the value of
 * its one parameter, and returns true. Otherwise false, both untouched.
 */
bool fz_db_fts_pair_ids(struct fz_db *db, const char *index, const char *word, char *out,
			size_t size, char *bind, size_t bind_size);
/* The count of index's records matching the one parameter (trigram phrase, or with pairs a pair). */
const char *fz_db_fts_count_sql(const char *index, bool pairs, char *out, size_t size);
/* A correlated test that the record whose id is the SQL expression key matches the one parameter. */
const char *fz_db_fts_each_sql(const char *index, bool pairs, const char *key, char *out,
			       size_t size);

enum fz_code fz_db_begin(struct fz_db *db, struct fz_err *err);
enum fz_code fz_db_commit(struct fz_db *db, struct fz_err *err);
void fz_db_rollback(struct fz_db *db);
int fz_db_depth(const struct fz_db *db);

/* Online, consistent copy of the whole database to path (server may be running). */
enum fz_code fz_db_backup(struct fz_db *db, const char *path, struct fz_err *err);

/*
 * WAL checkpoints: a server turns them off on request connections
 * (fz_db_autocheckpoint(db, 0)) and runs fz_db_checkpoint from a background
 * thread, so no request waits for the checkpoint's fsync.
 */
void fz_db_autocheckpoint(struct fz_db *db, int pages);
/* What one checkpoint pass found. */
struct fz_wal_state {
	int64_t bytes;    /* size of the WAL's live frames */
	int64_t frames;   /* frames in the WAL */
	int64_t copied;   /* of which copied back into the database */
	bool writes_held; /* over the limit and not resettable: write transactions refused */
};
/*
 * Copies the WAL back as far as readers allow and resets it when all of it
 * is copied. When the WAL is over wal_limit bytes (0: no limit) and cannot be
 * reset because a reader holds an old snapshot, every connection's
 * fz_db_begin refuses with FZ_EBUSY until a later call finds it reset. out
 * may be NULL.
 */
void fz_db_checkpoint(struct fz_db *db, int64_t wal_limit, struct fz_wal_state *out);

/* Refreshes the planner's statistics where they are stale (after migrations). */
void fz_db_optimize(struct fz_db *db);

/* Does the schema have this table? */
bool fz_db_has_table(struct fz_db *db, const char *name);

/* Backend handle, for the migration runner and tests only. */
void *fz_db_native(struct fz_db *db);

#endif
