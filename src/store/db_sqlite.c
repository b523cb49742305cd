/*
 * db_sqlite.c - the SQLite backend of db.h.
 *
 * The only file that includes sqlite3.h besides the migration runner. WAL
 * journal so readers never wait for the writer; a busy timeout so concurrent
 * writers queue instead of failing.
 *
 * Statement cache: each connection keeps up to CACHE_SLOTS prepared
 * statements, keyed by the SQL text. Callers hold struct fz_stmt pointers, so
 * a statement lives in a fixed slot of db->slot and never moves; a separate
 * open-addressed index (linear probing, FNV-1a of the text) maps the text to
 * its slot number. A hit costs a hash, a probe and a string compare, and
 * stamps the slot with the connection's use tick. The list endpoints build a
 * different text per filter and sort, so there are more texts than slots:
 * when the slots are full, a miss evicts the least recently used statement
 * that is not in use. "In use" is sqlite3_stmt_busy(): a caller stepping
 * through its rows, perhaps running other queries inside that loop. A
 * statement a caller has just been handed but not yet stepped is the most
 * recently used one, so it is evicted only after CACHE_SLOTS - 1 other texts
 * have been used since; no caller holds one that long. When every slot is busy
 * (CACHE_SLOTS nested loops) the query fails with FZ_EINTERNAL.
 */
#include "store/db.h"

#include <pthread.h>
#include <stdatomic.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CACHE_SLOTS 256 /* statements kept per connection */
#define INDEX_SIZE 512  /* power of two, twice the slots: probes stay short */

struct fz_stmt {
	sqlite3_stmt *st;
	char *sql;        /* the key: a copy of the SQL text */
	uint64_t hash;
	uint64_t used;    /* db->tick when last handed out; the LRU order */
	int rc;           /* last step result */
	struct fz_db *db;
};

struct fz_db {
	sqlite3 *h;
	int depth;     /* transaction nesting */
	int page;      /* page size, read at open: the WAL's length in bytes */
	uint64_t tick; /* counts statements handed out */
	int filled;    /* slots [0, filled) hold a statement, the rest are unused */
	struct fz_stmt slot[CACHE_SLOTS];
	/* Slot number + 1 of each cached text, 0 for an empty entry. */
	uint16_t index[INDEX_SIZE];
};

/*
 * Waiting for the write lock. SQLite's own busy timeout sleeps 1, 2, 5 ... 100
 * ms between tries, so a server's threads queueing for the lock spend most of
 * their time asleep after it is free. This backs off from 50 µs to 2 ms and
 * gives up after about 10 s, as the timeout did.
 */
static int on_busy(void *arg, int count)
{
	(void)arg;
	long step = 50L * (count + 1);
	if (step > 2000)
		step = 2000;
	/* Total wait: the ramp (~40 tries, ~40 ms) then 2 ms a try. */
	if (count > 5000)
		return 0;
	struct timespec ts = {0, step * 1000};
	nanosleep(&ts, NULL);
	return 1;
}

static enum fz_code map_rc(struct fz_db *db, int rc, struct fz_err *err)
{
	int base = rc & 0xFF;
	if (base == SQLITE_CONSTRAINT) {
		int ext = rc;
		if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
			return fz_err_set(err, FZ_EDUPLICATE, NULL, NULL);
		return fz_err_set(err, FZ_EBAD_VALUE, NULL, "数据不满足约束：%s",
				  sqlite3_errmsg(db->h));
	}
	fprintf(stderr, "fazhi: sqlite error %d: %s\n", rc, sqlite3_errmsg(db->h));
	return fz_err_set(err, FZ_EDB, NULL, "数据库错误（%d）", rc);
}

enum fz_code fz_db_open(const char *path, int flags, struct fz_db **out, struct fz_err *err)
{
	struct fz_db *db = calloc(1, sizeof *db);
	if (!db)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	int oflags = SQLITE_OPEN_NOMUTEX;
	oflags |= (flags & FZ_DB_READONLY) ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (flags & FZ_DB_CREATE)
		oflags |= SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &db->h, oflags, NULL);
	if (rc != SQLITE_OK) {
		fz_err_set(err, FZ_EIO, "db", "无法打开数据库 %s：%s", path,
			   db->h ? sqlite3_errmsg(db->h) : "?");
		sqlite3_close(db->h);
		free(db);
		return FZ_EIO;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_handler(db->h, on_busy, NULL);
	/*
	 * synchronous=NORMAL in WAL mode: a commit survives the process being
	 * killed (the WAL is in the kernel's page cache) but the last commits may
	 * be lost if the machine loses power; FULL syncs the WAL on every commit
	 * and survives that too, at the cost of one fsync per write.
	 */
	const char *pragmas = (flags & FZ_DB_READONLY)
				      ? "PRAGMA foreign_keys=ON;"
				      : (flags & FZ_DB_SYNC_FULL)
					? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
					  "PRAGMA journal_size_limit=67108864;"
					  "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;"
					: "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
					  "PRAGMA journal_size_limit=67108864;"
					  "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;";
	char *msg = NULL;
	if (sqlite3_exec(db->h, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		fz_err_set(err, FZ_EIO, "db", "数据库 %s 不可用：%s", path, msg ? msg : "?");
		sqlite3_free(msg);
		sqlite3_close(db->h);
		free(db);
		return FZ_EIO;
	}
	/*
	 * 16 MiB page cache per connection (a server has one per thread), and the
	 * database file memory-mapped whole (SQLite caps the map at its compile-time
	 * limit, 2 GiB on Debian): another connection's commit empties this one's
	 * page cache, and pages read through the map cost no read() and no copy. The
	 * map is the kernel's page cache shared by every thread, not private memory.
	 */
	sqlite3_exec(db->h, "PRAGMA cache_size=-16384; PRAGMA mmap_size=8589934592;", NULL, NULL,
		     NULL);
	/* The page size, once: the WAL's length in bytes is frames × (page + 24). */
	db->page = 4096;
	struct fz_stmt *st = fz_db_query(db, NULL, "PRAGMA page_size", NULL);
	if (st && fz_stmt_row(st))
		db->page = (int)fz_col_int(st, 0);
	fz_stmt_done(st);
	*out = db;
	return FZ_OK;
}

void fz_db_close(struct fz_db *db)
{
	if (!db)
		return;
	while (db->depth > 0) /* a transaction left open: rolled back, the queue freed */
		fz_db_rollback(db);
	for (int i = 0; i < db->filled; i++) {
		sqlite3_finalize(db->slot[i].st);
		free(db->slot[i].sql);
	}
	sqlite3_close(db->h);
	free(db);
}

enum fz_code fz_db_exec(struct fz_db *db, const char *sql, struct fz_err *err)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->h, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "fazhi: sql: %s\n", msg ? msg : "?");
		sqlite3_free(msg);
		return map_rc(db, rc, err);
	}
	return FZ_OK;
}

static uint64_t text_hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Position in db->index of slot k's entry (which must be there). */
static size_t index_find_slot(const struct fz_db *db, int k)
{
	size_t i = db->slot[k].hash & (INDEX_SIZE - 1);
	while (db->index[i] != k + 1)
		i = (i + 1) & (INDEX_SIZE - 1);
	return i;
}

/*
 * Removes the entry at position i by backward shift: each later entry of the
 * same run whose home position is not cyclically within (i, j] moves back
 * into the hole, so every entry stays reachable from its home without
 * tombstones.
 */
static void index_remove(struct fz_db *db, size_t i)
{
	size_t j = i;
	for (;;) {
		j = (j + 1) & (INDEX_SIZE - 1);
		if (!db->index[j])
			break;
		size_t home = db->slot[db->index[j] - 1].hash & (INDEX_SIZE - 1);
		bool stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
		if (stays)
			continue;
		db->index[i] = db->index[j];
		i = j;
	}
	db->index[i] = 0;
}

static void index_insert(struct fz_db *db, int k)
{
	size_t i = db->slot[k].hash & (INDEX_SIZE - 1);
	while (db->index[i])
		i = (i + 1) & (INDEX_SIZE - 1);
	db->index[i] = (uint16_t)(k + 1);
}

/* A slot for a new statement: a never used one, else the least recently used idle one. */
static int victim(struct fz_db *db)
{
	if (db->filled < CACHE_SLOTS)
		return db->filled;
	int best = -1;
	for (int k = 0; k < CACHE_SLOTS; k++) {
		const struct fz_stmt *s = &db->slot[k];
		if ((best < 0 || s->used < db->slot[best].used) && !sqlite3_stmt_busy(s->st))
			best = k;
	}
	return best;
}

static struct fz_stmt *cached(struct fz_db *db, const char *sql, struct fz_err *err)
{
	uint64_t h = text_hash(sql);
	for (size_t i = h & (INDEX_SIZE - 1); db->index[i]; i = (i + 1) & (INDEX_SIZE - 1)) {
		struct fz_stmt *s = &db->slot[db->index[i] - 1];
		if (s->hash == h && strcmp(s->sql, sql) == 0) {
			sqlite3_reset(s->st);
			sqlite3_clear_bindings(s->st);
			s->rc = SQLITE_OK;
			s->used = ++db->tick;
			return s;
		}
	}
	int k = victim(db);
	if (k < 0) {
		fprintf(stderr, "fazhi: statement cache: all %d statements in use\n", CACHE_SLOTS);
		fz_err_set(err, FZ_EINTERNAL, NULL, NULL);
		return NULL;
	}
	/* Prepared before the victim goes, so a failure leaves the cache as it was. */
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "fazhi: prepare failed: %s\n  in: %s\n", sqlite3_errmsg(db->h),
			sql);
		fz_err_set(err, FZ_EDB, NULL, "数据库语句错误");
		sqlite3_finalize(st);
		return NULL;
	}
	char *copy = strdup(sql);
	if (!copy)
		abort();
	struct fz_stmt *s = &db->slot[k];
	if (k == db->filled) {
		db->filled++;
	} else {
		index_remove(db, index_find_slot(db, k));
		sqlite3_finalize(s->st);
		free(s->sql);
	}
	*s = (struct fz_stmt){
	    .st = st, .sql = copy, .hash = h, .used = ++db->tick, .rc = SQLITE_OK, .db = db};
	index_insert(db, k);
	return s;
}

struct fz_stmt *fz_db_query(struct fz_db *db, struct fz_err *err, const char *sql,
			    const char *fmt, ...)
{
	struct fz_stmt *s = cached(db, sql, err);
	if (!s)
		return NULL;
	/* A format that does not match the statement is a programmer error: stop at once. */
	if ((int)strlen(fmt ? fmt : "") != sqlite3_bind_parameter_count(s->st)) {
		fprintf(stderr, "fazhi: bind format \"%s\" does not match %d parameters in: %s\n",
			fmt ? fmt : "", sqlite3_bind_parameter_count(s->st), sql);
		abort();
	}
	va_list ap;
	va_start(ap, fmt);
	int idx = 1;
	for (const char *f = fmt ? fmt : ""; *f; f++, idx++) {
		switch (*f) {
		case 'i':
			sqlite3_bind_int64(s->st, idx, va_arg(ap, int64_t));
			break;
		case 'I':
			sqlite3_bind_int(s->st, idx, va_arg(ap, int));
			break;
		case 't': {
			const char *t = va_arg(ap, const char *);
			if (t)
				sqlite3_bind_text(s->st, idx, t, -1, SQLITE_TRANSIENT);
			else
				sqlite3_bind_null(s->st, idx);
			break;
		}
		case 'd':
			sqlite3_bind_double(s->st, idx, va_arg(ap, double));
			break;
		case 'n':
			sqlite3_bind_null(s->st, idx);
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t n = va_arg(ap, size_t);
			sqlite3_bind_blob64(s->st, idx, p, n, SQLITE_TRANSIENT);
			break;
		}
		default:
			va_end(ap);
			fprintf(stderr, "fazhi: bad bind format '%c'\n", *f);
			abort();
		}
	}
	va_end(ap);
	return s;
}

struct fz_stmt *fz_db_query_v(struct fz_db *db, struct fz_err *err, const char *sql,
			      const struct fz_bind *binds, size_t n)
{
	struct fz_stmt *s = cached(db, sql, err);
	if (!s)
		return NULL;
	for (size_t k = 0; k < n; k++) {
		int idx = (int)k + 1;
		if (binds[k].type == 'i')
			sqlite3_bind_int64(s->st, idx, binds[k].i);
		else if (binds[k].t)
			sqlite3_bind_text(s->st, idx, binds[k].t, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s->st, idx);
	}
	return s;
}

bool fz_stmt_row(struct fz_stmt *st)
{
	if (st->rc != SQLITE_OK && st->rc != SQLITE_ROW)
		return false;
	st->rc = sqlite3_step(st->st);
	return st->rc == SQLITE_ROW;
}

bool fz_stmt_failed(const struct fz_stmt *st, struct fz_err *err)
{
	if (st->rc == SQLITE_DONE || st->rc == SQLITE_ROW || st->rc == SQLITE_OK)
		return false;
	map_rc(st->db, st->rc, err);
	return true;
}

enum fz_code fz_stmt_exec(struct fz_stmt *st, struct fz_err *err)
{
	if (!st) /* fz_db_query failed to prepare it and said why in err */
		return err ? err->code : FZ_EDB;
	int rc = sqlite3_step(st->st);
	st->rc = rc;
	sqlite3_reset(st->st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return FZ_OK;
	return map_rc(st->db, rc, err);
}

void fz_stmt_done(struct fz_stmt *st)
{
	if (st)
		sqlite3_reset(st->st);
}

int64_t fz_col_int(struct fz_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

double fz_col_double(struct fz_stmt *st, int col)
{
	return sqlite3_column_double(st->st, col);
}

const char *fz_col_text(struct fz_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

const void *fz_col_blob(struct fz_stmt *st, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(st->st, col);
	*len = (size_t)sqlite3_column_bytes(st->st, col);
	return p;
}

bool fz_col_null(struct fz_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

enum fz_code fz_stmt_exec_id(struct fz_stmt *st, int64_t *id, struct fz_err *err)
{
	if (!st)
		return err ? err->code : FZ_EDB;
	int rc = sqlite3_step(st->st);
	st->rc = rc;
	if (rc == SQLITE_ROW) {
		/* SQLite makes every change of a RETURNING statement in its first step. */
		*id = sqlite3_column_int64(st->st, 0);
		sqlite3_reset(st->st);
		return FZ_OK;
	}
	sqlite3_reset(st->st);
	if (rc == SQLITE_DONE)
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, NULL);
	return map_rc(st->db, rc, err);
}

int fz_db_changes(struct fz_db *db)
{
	return sqlite3_changes(db->h);
}

/*
 * Write transactions of this process queue on a mutex before they ask SQLite
 * for its write lock. SQLite's lock has no queue: a writer that finds it taken
 * sleeps in the busy handler and retries, so under load the lock sits free
 * while the waiters sleep. The mutex hands it straight to the next thread; the
 * busy handler is left for other processes (a CLI command beside the server).
 */
static pthread_mutex_t write_mutex = PTHREAD_MUTEX_INITIALIZER;

/* Set while the WAL is over its limit and cannot be reset (see fz_db_checkpoint). */
static atomic_bool writes_held;
static _Atomic int64_t wal_limit_bytes; /* the limit fz_db_checkpoint was last given */

enum fz_code fz_db_begin(struct fz_db *db, struct fz_err *err)
{
	char sql[48];
	if (db->depth == 0 && atomic_load(&writes_held))
		return fz_err_set(err, FZ_EBUSY, NULL,
				  "数据库日志已达上限，正在等待长时间的读取结束后整理，请稍后再试");
	if (db->depth == 0) {
		pthread_mutex_lock(&write_mutex);
		snprintf(sql, sizeof sql, "BEGIN IMMEDIATE");
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT sp%d", db->depth);
	}
	enum fz_code rc = fz_db_exec(db, sql, err);
	if (rc == FZ_OK)
		db->depth++;
	else if (db->depth == 0)
		pthread_mutex_unlock(&write_mutex);
	return rc;
}

enum fz_code fz_db_commit(struct fz_db *db, struct fz_err *err)
{
	char sql[48];
	if (db->depth <= 0)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "没有进行中的事务");
	if (db->depth == 1)
		snprintf(sql, sizeof sql, "COMMIT");
	else
		snprintf(sql, sizeof sql, "RELEASE sp%d", db->depth - 1);
	enum fz_code rc = fz_db_exec(db, sql, err);
	if (rc == FZ_OK) {
		if (--db->depth == 0)
			pthread_mutex_unlock(&write_mutex);
	} else if (db->depth == 1) {
		/* A failed COMMIT is rolled back here, so the write queue moves on. */
		fz_db_rollback(db);
	}
	return rc;
}

void fz_db_rollback(struct fz_db *db)
{
	char sql[64];
	if (db->depth <= 0)
		return;
	if (db->depth == 1)
		snprintf(sql, sizeof sql, "ROLLBACK");
	else
		snprintf(sql, sizeof sql, "ROLLBACK TO sp%d; RELEASE sp%d", db->depth - 1,
			 db->depth - 1);
	/* Reset cached statements first: an active read would block ROLLBACK. */
	for (int i = 0; i < db->filled; i++)
		sqlite3_reset(db->slot[i].st);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	if (--db->depth == 0)
		pthread_mutex_unlock(&write_mutex);
}

int fz_db_depth(const struct fz_db *db)
{
	return db->depth;
}

enum fz_code fz_db_backup(struct fz_db *db, const char *path, struct fz_err *err)
{
	sqlite3 *dst = NULL;
	int rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_close(dst);
		return fz_err_set(err, FZ_EIO, "to", "无法创建备份文件 %s", path);
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", db->h, "main");
	if (!b) {
		fz_err_set(err, FZ_EIO, "to", "备份失败：%s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return FZ_EIO;
	}
	/* Copy in steps so a running server's writers are not blocked for long. */
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		fz_err_set(err, FZ_EIO, "to", "备份失败：%s", sqlite3_errmsg(dst));
		sqlite3_close(dst);
		return FZ_EIO;
	}
	rc = sqlite3_exec(dst, "PRAGMA journal_mode=DELETE;", NULL, NULL, NULL);
	sqlite3_close(dst);
	return FZ_OK;
}

/*
 * With automatic checkpoints off (a server: its background thread
 * checkpoints), each commit still reports the WAL's length here: past the
 * limit, write transactions are held at once, not a second later when the
 * background thread looks, so the WAL overshoots by one transaction at most.
 */
static int on_wal_commit(void *arg, sqlite3 *h, const char *name, int frames)
{
	(void)h;
	(void)name;
	const struct fz_db *db = arg;
	int64_t limit = atomic_load(&wal_limit_bytes);
	if (limit > 0 && (int64_t)frames * (db->page + 24) > limit)
		atomic_store(&writes_held, true);
	return SQLITE_OK;
}

void fz_db_autocheckpoint(struct fz_db *db, int pages)
{
	sqlite3_wal_autocheckpoint(db->h, pages);
	if (pages > 0)
		return;
	sqlite3_wal_hook(db->h, on_wal_commit, db);
}

void fz_db_checkpoint(struct fz_db *db, int64_t wal_limit, struct fz_wal_state *out)
{
	int log = 0, done = 0;
	/* PASSIVE: copies what it can without waiting for readers or writers. */
	sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
	int64_t bytes = log > 0 ? (int64_t)log * (db->page + 24) : 0;
	atomic_store(&wal_limit_bytes, wal_limit);
	bool over = wal_limit > 0 && bytes > wal_limit, reset = false;
	/*
	 * Once everything is copied back, RESTART makes the next writer start the
	 * WAL again from its beginning: the file's blocks are reused instead of new
	 * ones being allocated (and zeroed) for every commit, and nothing is
	 * truncated (truncating hundreds of MB holds the write lock for 100s of
	 * ms). journal_size_limit trims a WAL that a burst left larger.
	 */
	if ((log > 4096 || over) && done == log) {
		/*
		 * RESTART holds back new writers while it waits for readers. Request
		 * readers finish within milliseconds, so it waits at most 20 ms: a
		 * long reader (a yearly report, say) makes it give up rather than stall
		 * every write for as long as that reader runs; the next second retries.
		 */
		sqlite3_busy_timeout(db->h, 20);
		reset = sqlite3_wal_checkpoint_v2(db->h, NULL, SQLITE_CHECKPOINT_RESTART, NULL, NULL) ==
			SQLITE_OK;
		sqlite3_busy_handler(db->h, on_busy, NULL);
	}
	/*
	 * The WAL only grows past its usual size while a reader holds an old
	 * snapshot: frames that reader may still need are neither copied back nor
	 * reused. Past wal_limit, write transactions are refused (503) until the
	 * reader ends and the WAL is reset: a full disk would stop every write
	 * anyway, and take the rest of the machine with it.
	 */
	bool held = over && !reset;
	atomic_store(&writes_held, held);
	if (out) {
		out->bytes = reset ? 0 : bytes;
		out->frames = log;
		out->copied = done;
		out->writes_held = held;
	}
}

/*
 * Full-text indexes (db.h): FTS5 tables <index>_fts keyed by rowid. The SQL
 * is built from identifiers in the code, never from user data; a name that is
 * not a plain identifier is a programmer error.
 */
static void check_ident(const char *s)
{
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) {
			fprintf(stderr, "fazhi: bad full-text identifier \"%s\"\n", s);
			abort();
		}
}

#define FTS_MAX_COLUMNS 8

/*
 * Words of two characters. A trigram index cannot find them, so an index may
 * have a second, contentless FTS5 table <index>_fts_pairs (tokenize 'unicode61',
 * detail 'none') fed with the text's overlapping character pairs: "农贸市场"
 * is stored as the tokens "农贸 贸市 市场", and a two-character word is one
 * token lookup. Pairs run inside runs of word characters (letters, digits,
 * CJK); punctuation and spaces end a run, as they end a unicode61 token. The
 * table holds no text of its own (content ''): a row is deleted with the
 * pairs of the text it was indexed with, which the trigram table keeps. A
 * record indexed before its index had pairs is found by two-character words
 * only once it is indexed again.
 */

/* The code point at *p (advancing p), 0 at the end; bad bytes count as one. */
static unsigned utf8_next(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	int n = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	if (!c)
		return 0;
	if (n == 0) {
		*p = s + 1;
		return c;
	}
	c &= 0x3Fu >> n;
	for (int k = 1; k <= n; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*p = s + k;
			return 0xFFFD;
		}
		c = (c << 6) | (s[k] & 0x3F);
	}
	*p = s + n + 1;
	return c;
}

/* A character unicode61 keeps inside a token: ASCII letters and digits, and above
 * ASCII everything but the punctuation and space blocks. */
static bool pair_char(unsigned c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c < 0xC0 && c != 0xAA && c != 0xB5 && c != 0xBA)
		return false;
	if ((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 && c <= 0x303F) ||
	    (c >= 0xFE10 && c <= 0xFE6F) || (c >= 0xFF00 && c <= 0xFF0F) ||
	    (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
	    (c >= 0xFF5B && c <= 0xFF65) || c == 0xFFFD || c == 0xFEFF)
		return false;
	return true;
}

/* The pairs of text, space-separated, malloc'd (NULL when out of memory). */
static char *pairs_of(const char *text)
{
	size_t len = strlen(text);
	char *out = malloc(3 * len + 1), *o = out;
	if (!out)
		return NULL;
	const unsigned char *p = (const unsigned char *)text, *prev = NULL;
	for (;;) {
		const unsigned char *at = p;
		unsigned c = utf8_next(&p);
		if (!c)
			break;
		if (!pair_char(c)) {
			prev = NULL;
			continue;
		}
		if (prev) {
			memcpy(o, prev, (size_t)(p - prev));
			o += p - prev;
			*o++ = ' ';
		}
		prev = at;
	}
	*o = '\0';
	return out;
}

/* Does index have a table of character pairs? (The schema is read from memory.) */
static bool has_pairs(struct fz_db *db, const char *index)
{
	char name[96];
	if ((size_t)snprintf(name, sizeof name, "%s_fts_pairs", index) >= sizeof name)
		abort();
	return fz_db_has_table(db, name);
}

/*
 * Writes the pairs of record id's text into index's pairs table: with
 * "delete" the row's earlier text as the trigram table holds it (none: no
 * row), otherwise texts.
 */
static enum fz_code pairs_put(struct fz_db *db, const char *index, int64_t id, bool del,
			      const char *const *columns, const char *const *texts, size_t n,
			      struct fz_err *err)
{
	char cols[256] = "", marks[64] = "", sql[640];
	size_t cl = 0, ml = 0;
	for (size_t k = 0; k < n; k++) {
		cl += (size_t)snprintf(cols + cl, sizeof cols - cl, "%s%s", k ? ", " : "", columns[k]);
		ml += (size_t)snprintf(marks + ml, sizeof marks - ml, ", ?");
		if (cl >= sizeof cols)
			abort();
	}
	const char *old[FTS_MAX_COLUMNS];
	struct fz_stmt *prior = NULL;
	if (del) {
		/*
		 * Only a row the pairs hold: a record indexed before the pairs table
		 * was made is not there, and deleting its pairs would corrupt the
		 * index (FTS5's docsize table lists the rows of a contentless table).
		 */
		snprintf(sql, sizeof sql, "SELECT 1 FROM %s_fts_pairs_docsize WHERE id = ?", index);
		struct fz_stmt *held = fz_db_query(db, err, sql, "i", id);
		if (!held)
			return err->code;
		bool there = fz_stmt_row(held);
		fz_stmt_done(held);
		if (!there)
			return FZ_OK;
		if ((size_t)snprintf(sql, sizeof sql, "SELECT %s FROM %s_fts WHERE rowid = ?", cols,
				     index) >= sizeof sql)
			abort();
		prior = fz_db_query(db, err, sql, "i", id);
		if (!prior)
			return err->code;
		if (!fz_stmt_row(prior)) {
			fz_stmt_done(prior);
			return FZ_OK;
		}
		for (size_t k = 0; k < n; k++) {
			const char *t = fz_col_text(prior, (int)k);
			old[k] = t ? t : "";
		}
		texts = old;
	}
	char *pairs[FTS_MAX_COLUMNS] = {0};
	struct fz_bind b[1 + FTS_MAX_COLUMNS] = {{'i', id, NULL}};
	enum fz_code rc = FZ_OK;
	for (size_t k = 0; k < n && !rc; k++) {
		if (!(pairs[k] = pairs_of(texts[k])))
			rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		b[1 + k] = (struct fz_bind){'t', 0, pairs[k]};
	}
	if (del)
		fz_stmt_done(prior);
	if (!rc) {
		if (del)
			snprintf(sql, sizeof sql, "INSERT INTO %s_fts_pairs(%s_fts_pairs, rowid, %s) VALUES ('delete', ?%s)",
				 index, index, cols, marks);
		else
			snprintf(sql, sizeof sql, "INSERT INTO %s_fts_pairs(rowid, %s) VALUES (?%s)", index, cols,
				 marks);
		struct fz_stmt *st = fz_db_query_v(db, err, sql, b, 1 + n);
		rc = fz_stmt_exec(st, err);
	}
	for (size_t k = 0; k < n; k++)
		free(pairs[k]);
	return rc;
}

enum fz_code fz_db_fts_put(struct fz_db *db, const char *index, int64_t id,
			   const char *const *columns, const char *const *texts, size_t n,
			   struct fz_err *err)
{
	if (n == 0 || n > FTS_MAX_COLUMNS) {
		fprintf(stderr, "fazhi: full-text index %s: %zu columns\n", index, n);
		abort();
	}
	check_ident(index);
	char cols[256] = "", marks[64] = "";
	size_t cl = 0, ml = 0;
	for (size_t k = 0; k < n; k++) {
		check_ident(columns[k]);
		cl += (size_t)snprintf(cols + cl, sizeof cols - cl, ", %s", columns[k]);
		ml += (size_t)snprintf(marks + ml, sizeof marks - ml, ", ?");
		if (cl >= sizeof cols)
			abort();
	}
	bool pairs = has_pairs(db, index);
	enum fz_code rc;
	/* The pairs of the text being replaced go first, read from the trigram table. */
	if (pairs && (rc = pairs_put(db, index, id, true, columns, NULL, n, err)))
		return rc;
	char sql[512];
	/* FTS5 takes REPLACE on its rowid: the record's earlier text goes. */
	if ((size_t)snprintf(sql, sizeof sql, "REPLACE INTO %s_fts(rowid%s) VALUES (?%s)", index,
			     cols, marks) >= sizeof sql)
		abort();
	struct fz_bind b[1 + FTS_MAX_COLUMNS] = {{'i', id, NULL}};
	for (size_t k = 0; k < n; k++)
		b[1 + k] = (struct fz_bind){'t', 0, texts[k]};
	struct fz_stmt *st = fz_db_query_v(db, err, sql, b, 1 + n);
	if (!st || (rc = fz_stmt_exec(st, err)))
		return st ? rc : err->code;
	return pairs ? pairs_put(db, index, id, false, columns, texts, n, err) : FZ_OK;
}

enum fz_code fz_db_fts_remove(struct fz_db *db, const char *index, int64_t id,
			      struct fz_err *err)
{
	check_ident(index);
	char sql[160];
	if (has_pairs(db, index)) {
		/* The columns of the trigram table, in order, for the pairs' delete. */
		const char *cols[FTS_MAX_COLUMNS];
		char names[FTS_MAX_COLUMNS][64];
		size_t n = 0;
		snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info(?)");
		char table[96];
		snprintf(table, sizeof table, "%s_fts", index);
		struct fz_stmt *st = fz_db_query(db, err, sql, "t", table);
		if (!st)
			return err->code;
		while (n < FTS_MAX_COLUMNS && fz_stmt_row(st)) {
			snprintf(names[n], sizeof names[n], "%s", fz_col_text(st, 0));
			cols[n] = names[n];
			n++;
		}
		fz_stmt_done(st);
		enum fz_code rc = pairs_put(db, index, id, true, cols, NULL, n, err);
		if (rc)
			return rc;
	}
	if ((size_t)snprintf(sql, sizeof sql, "DELETE FROM %s_fts WHERE rowid = ?", index) >=
	    sizeof sql)
		abort();
	struct fz_stmt *st = fz_db_query(db, err, sql, "i", id);
	return fz_stmt_exec(st, err);
}

const char *fz_db_fts_ids(const char *index, char *out, size_t size)
{
	check_ident(index);
	if ((size_t)snprintf(out, size, "(SELECT rowid FROM %s_fts WHERE %s_fts MATCH ?)", index,
			     index) >= size)
		abort();
	return out;
}

bool fz_db_fts_pair_ids(struct fz_db *db, const char *index, const char *word, char *out,
			size_t size, char *bind, size_t bind_size)
{
	check_ident(index);
	const unsigned char *p = (const unsigned char *)word;
	unsigned a = utf8_next(&p), b = a ? utf8_next(&p) : 0;
	if (!a || !b || *p || !pair_char(a) || !pair_char(b) || !has_pairs(db, index))
		return false;
	if ((size_t)snprintf(out, size, "(SELECT rowid FROM %s_fts_pairs WHERE %s_fts_pairs MATCH ?)", index,
			     index) >= size ||
	    (size_t)snprintf(bind, bind_size, "\"%s\"", word) >= bind_size)
		abort();
	return true;
}

const char *fz_db_fts_count_sql(const char *index, bool pairs, char *out, size_t size)
{
	check_ident(index);
	const char *t = pairs ? "_fts_pairs" : "_fts";
	if ((size_t)snprintf(out, size, "SELECT COUNT(*) FROM %s%s WHERE %s%s MATCH ?", index, t, index,
			     t) >= size)
		abort();
	return out;
}

const char *fz_db_fts_each_sql(const char *index, bool pairs, const char *key, char *out,
			       size_t size)
{
	check_ident(index);
	const char *t = pairs ? "_fts_pairs" : "_fts";
	/* FTS5 seeks the matching doclist to the one rowid: a probe, not a scan. */
	if ((size_t)snprintf(out, size, "EXISTS (SELECT 1 FROM %s%s WHERE %s%s MATCH ? AND rowid = %s)",
			     index, t, index, t, key) >= size)
		abort();
	return out;
}

void fz_db_optimize(struct fz_db *db)
{
	sqlite3_exec(db->h, "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", NULL, NULL, NULL);
}

bool fz_db_has_table(struct fz_db *db, const char *name)
{
	struct fz_stmt *st = fz_db_query(db, NULL,
					 "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
					 "t", name);
	bool found = st && fz_stmt_row(st);
	fz_stmt_done(st);
	return found;
}

void *fz_db_native(struct fz_db *db)
{
	return db->h;
}
