/*
 * migrations.c - the core schema and the migration runner.
 *
 * Types are kept to what PostgreSQL also accepts (INTEGER, TEXT, REAL, BLOB as
 * BYTEA in that backend). The FTS5 table is SQLite-only and sits in its own
 * migration so a PostgreSQL backend can replace that one migration.
 */
#include "store/migrations.h"

#include <stdio.h>
#include <time.h>

static const struct fz_migration core[] = {
	{"core-001", /* registry, accounts, settings, calendar */
	 "CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);"
	 "CREATE TABLE agency ("
	 " agency_id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL UNIQUE,"
	 " short_name TEXT NOT NULL, kind TEXT NOT NULL, parent_id INTEGER REFERENCES agency,"
	 " sort_order INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1);"
	 "CREATE TABLE app_user ("
	 " user_id INTEGER PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
	 " password_hash TEXT NOT NULL, role TEXT NOT NULL,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, disabled INTEGER NOT NULL DEFAULT 0,"
	 " created_at TEXT NOT NULL, password_changed_at TEXT NOT NULL);"
	 "CREATE TABLE user_session ("
	 " session_id INTEGER PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,"
	 " user_id INTEGER NOT NULL REFERENCES app_user, csrf_token TEXT NOT NULL,"
	 " created_at TEXT NOT NULL, expires_at TEXT NOT NULL);"
	 "CREATE INDEX user_session_user ON user_session(user_id);"
	 "CREATE TABLE login_attempt ("
	 " attempt_id INTEGER PRIMARY KEY, username TEXT NOT NULL, client TEXT NOT NULL,"
	 " at TEXT NOT NULL, ok INTEGER NOT NULL);"
	 "CREATE INDEX login_attempt_user ON login_attempt(username, at);"
	 "CREATE TABLE calendar_day (day TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT);"
	 "CREATE TABLE calendar_year (year INTEGER PRIMARY KEY, loaded_at TEXT NOT NULL,"
	 " source TEXT NOT NULL);"},
	{"core-002", /* cases, clocks, events, attachments, numbering */
	 "CREATE TABLE case_record ("
	 " case_id INTEGER PRIMARY KEY, case_type TEXT NOT NULL,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, state TEXT NOT NULL,"
	 " version INTEGER NOT NULL DEFAULT 1, number TEXT, title TEXT NOT NULL,"
	 " tracking_code TEXT UNIQUE, received_on TEXT NOT NULL, created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL, closed_on TEXT,"
	 " due_date TEXT, due_unit TEXT);" /* earliest due date of its running clocks and its unit */
	 "CREATE INDEX case_type_created ON case_record(case_type, created_at);"
	 "CREATE INDEX case_agency_created ON case_record(agency_id, created_at);"
	 "CREATE INDEX case_agency_state ON case_record(agency_id, state, created_at);"
	 "CREATE INDEX case_due ON case_record(due_date);"
	 "CREATE INDEX case_created ON case_record(created_at);"
	 "CREATE INDEX case_received ON case_record(received_on);"
	 "CREATE INDEX case_closed ON case_record(closed_on);"
	 "CREATE TABLE case_clock ("
	 " clock_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " agency_id INTEGER NOT NULL, name TEXT NOT NULL, unit TEXT NOT NULL,"
	 " days INTEGER NOT NULL, extended_days INTEGER NOT NULL DEFAULT 0,"
	 " trigger_date TEXT NOT NULL, state TEXT NOT NULL, due_date TEXT,"
	 " left_when_paused INTEGER, pauses TEXT NOT NULL DEFAULT '',"
	 " stopped_on TEXT, UNIQUE (case_id, name));"
	 "CREATE INDEX case_clock_due ON case_clock(state, due_date, agency_id);"
	 "CREATE INDEX case_clock_agency ON case_clock(state, agency_id);"
	 "CREATE TABLE event ("
	 " event_id INTEGER PRIMARY KEY, case_id INTEGER, entity TEXT NOT NULL,"
	 " action TEXT NOT NULL, actor_user_id INTEGER, actor TEXT NOT NULL,"
	 " actor_role TEXT NOT NULL, at TEXT NOT NULL, from_state TEXT, to_state TEXT,"
	 " note TEXT, input TEXT, before_json TEXT, after_json TEXT,"
	 " prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
	 "CREATE INDEX event_case ON event(case_id, event_id);"
	 "CREATE TABLE audit_head (id INTEGER PRIMARY KEY CHECK (id = 1),"
	 " last_event_id INTEGER NOT NULL, last_hash TEXT NOT NULL);"
	 "INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');"
	 "CREATE TABLE blob_store (sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, data BLOB NOT NULL);"
	 "CREATE TABLE attachment ("
	 " attachment_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " sha256 TEXT NOT NULL REFERENCES blob_store, filename TEXT NOT NULL,"
	 " content_type TEXT NOT NULL, size INTEGER NOT NULL,"
	 " uploaded_by INTEGER REFERENCES app_user, uploaded_at TEXT NOT NULL);"
	 "CREATE INDEX attachment_case ON attachment(case_id);"
	 "CREATE TABLE number_seq (agency_id INTEGER NOT NULL, code TEXT NOT NULL,"
	 " year INTEGER NOT NULL, last_no INTEGER NOT NULL, PRIMARY KEY (agency_id, code, year));"
	 "CREATE TABLE supervision_card ("
	 " card_id INTEGER PRIMARY KEY, clock_id INTEGER NOT NULL REFERENCES case_clock,"
	 " case_id INTEGER NOT NULL, agency_id INTEGER NOT NULL, level TEXT NOT NULL,"
	 " due_date TEXT NOT NULL, issued_on TEXT NOT NULL, issued_at TEXT NOT NULL,"
	 " UNIQUE (clock_id, level, due_date));"
	 "CREATE INDEX supervision_card_agency ON supervision_card(agency_id, issued_on);"},
	{"core-003", /* full-text search over case titles and bodies (SQLite FTS5, trigram for Chinese) */
	 "CREATE VIRTUAL TABLE case_fts USING fts5(title, body, tokenize='trigram');"},
	{"core-004", /* how many times a clock was extended: some laws allow one extension only */
	 "ALTER TABLE case_clock ADD COLUMN extensions INTEGER NOT NULL DEFAULT 0;"},
	{"core-005",
	 /*
	  * Tallies kept by triggers in the same transaction as every change, so the
	  * supervision view and list totals read a few thousand tally rows instead
	  * of counting millions of clocks and cases on every request. Red and yellow
	  * depend on today, so clocks are tallied by due date (per agency and state)
	  * and the view sums the dates up to the warning window. SQLite trigger
	  * syntax: a PostgreSQL backend replaces this migration.
	  */
	 "CREATE TABLE clock_tally (agency_id INTEGER NOT NULL, state TEXT NOT NULL,"
	 " due_date TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (agency_id, state, due_date));"
	 "INSERT INTO clock_tally SELECT agency_id, state, COALESCE(due_date, ''), COUNT(*)"
	 " FROM case_clock WHERE state <> 'stopped' GROUP BY 1, 2, 3;"
	 "CREATE TRIGGER clock_tally_ins AFTER INSERT ON case_clock WHEN NEW.state <> 'stopped' BEGIN"
	 " INSERT INTO clock_tally VALUES (NEW.agency_id, NEW.state, COALESCE(NEW.due_date, ''), 1)"
	 " ON CONFLICT (agency_id, state, due_date) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER clock_tally_upd AFTER UPDATE OF agency_id, state, due_date ON case_clock"
	 " WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.state IS NOT NEW.state"
	 " OR OLD.due_date IS NOT NEW.due_date BEGIN"
	 " UPDATE clock_tally SET n = n - 1 WHERE OLD.state <> 'stopped' AND agency_id = OLD.agency_id"
	 " AND state = OLD.state AND due_date = COALESCE(OLD.due_date, '');"
	 " INSERT INTO clock_tally SELECT NEW.agency_id, NEW.state, COALESCE(NEW.due_date, ''), 1"
	 " WHERE NEW.state <> 'stopped' ON CONFLICT (agency_id, state, due_date) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER clock_tally_del AFTER DELETE ON case_clock WHEN OLD.state <> 'stopped' BEGIN"
	 " UPDATE clock_tally SET n = n - 1 WHERE agency_id = OLD.agency_id AND state = OLD.state"
	 " AND due_date = COALESCE(OLD.due_date, ''); END;"
	 "CREATE TABLE case_tally (agency_id INTEGER NOT NULL, case_type TEXT NOT NULL,"
	 " state TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (agency_id, case_type, state));"
	 "INSERT INTO case_tally SELECT agency_id, case_type, state, COUNT(*) FROM case_record GROUP BY 1, 2, 3;"
	 "CREATE TRIGGER case_tally_ins AFTER INSERT ON case_record BEGIN"
	 " INSERT INTO case_tally VALUES (NEW.agency_id, NEW.case_type, NEW.state, 1)"
	 " ON CONFLICT (agency_id, case_type, state) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER case_tally_upd AFTER UPDATE OF agency_id, state ON case_record"
	 " WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.state IS NOT NEW.state BEGIN"
	 " UPDATE case_tally SET n = n - 1 WHERE agency_id = OLD.agency_id AND case_type = OLD.case_type"
	 " AND state = OLD.state;"
	 " INSERT INTO case_tally VALUES (NEW.agency_id, NEW.case_type, NEW.state, 1)"
	 " ON CONFLICT (agency_id, case_type, state) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER case_tally_del AFTER DELETE ON case_record BEGIN"
	 " UPDATE case_tally SET n = n - 1 WHERE agency_id = OLD.agency_id AND case_type = OLD.case_type"
	 " AND state = OLD.state; END;"
	 "CREATE INDEX case_clock_agency_due ON case_clock(agency_id, state, due_date);"
	 "DROP INDEX case_clock_agency;"},
	{"core-006", /* login throttling per address across accounts; security events by action */
	 "CREATE INDEX login_attempt_client ON login_attempt(client, at);"
	 "CREATE INDEX event_action ON event(entity, action, event_id);"},
	/*
	 * Periodic jobs (platform/jobs.h): a row claims a job's period. The key
	 * makes the claim once per period, even with several server processes.
	 */
	{"core-007",
	 "CREATE TABLE job_run (job TEXT NOT NULL, period_key TEXT NOT NULL, ran_at TEXT NOT NULL,"
	 " PRIMARY KEY (job, period_key));"},
	/*
	 * The tally also keeps half of each clock's period, so yellow (a clock in
	 * its own warning window, at most half its period: platform/cases.h
	 * fz_case_warn_sql) is summed from tally rows too, not read clock by clock.
	 */
	{"core-008",
	 "DROP TRIGGER clock_tally_ins; DROP TRIGGER clock_tally_upd; DROP TRIGGER clock_tally_del;"
	 "DROP TABLE clock_tally;"
	 "CREATE TABLE clock_tally (agency_id INTEGER NOT NULL, state TEXT NOT NULL,"
	 " due_date TEXT NOT NULL, half INTEGER NOT NULL, n INTEGER NOT NULL,"
	 " PRIMARY KEY (agency_id, state, due_date, half));"
	 "INSERT INTO clock_tally SELECT agency_id, state, COALESCE(due_date, ''),"
	 " (days + extended_days) / 2, COUNT(*) FROM case_clock WHERE state <> 'stopped'"
	 " GROUP BY 1, 2, 3, 4;"
	 "CREATE INDEX clock_tally_due ON clock_tally(state, due_date);"
	 "CREATE TRIGGER clock_tally_ins AFTER INSERT ON case_clock WHEN NEW.state <> 'stopped' BEGIN"
	 " INSERT INTO clock_tally VALUES (NEW.agency_id, NEW.state, COALESCE(NEW.due_date, ''),"
	 " (NEW.days + NEW.extended_days) / 2, 1)"
	 " ON CONFLICT (agency_id, state, due_date, half) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER clock_tally_upd AFTER UPDATE OF agency_id, state, due_date, days, extended_days"
	 " ON case_clock WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.state IS NOT NEW.state"
	 " OR OLD.due_date IS NOT NEW.due_date"
	 " OR OLD.days + OLD.extended_days IS NOT NEW.days + NEW.extended_days BEGIN"
	 " UPDATE clock_tally SET n = n - 1 WHERE OLD.state <> 'stopped' AND agency_id = OLD.agency_id"
	 " AND state = OLD.state AND due_date = COALESCE(OLD.due_date, '')"
	 " AND half = (OLD.days + OLD.extended_days) / 2;"
	 " INSERT INTO clock_tally SELECT NEW.agency_id, NEW.state, COALESCE(NEW.due_date, ''),"
	 " (NEW.days + NEW.extended_days) / 2, 1 WHERE NEW.state <> 'stopped'"
	 " ON CONFLICT (agency_id, state, due_date, half) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER clock_tally_del AFTER DELETE ON case_clock WHEN OLD.state <> 'stopped' BEGIN"
	 " UPDATE clock_tally SET n = n - 1 WHERE agency_id = OLD.agency_id AND state = OLD.state"
	 " AND due_date = COALESCE(OLD.due_date, '') AND half = (OLD.days + OLD.extended_days) / 2;"
	 " END;"},
	/*
	 * A module's case list of one agency, newest filing first (the penalty
	 * cases of an agency among a million): the index gives the page in order
	 * without sorting the agency's cases (case_id, the rowid, breaks ties).
	 */
	{"core-009", "CREATE INDEX case_agency_type_received ON case_record(agency_id, case_type, received_on);"},
	{NULL, NULL},
};

/* How many migrations this build knows (core and the given sets). */
static int known(const struct fz_migration *const *sets, size_t nsets)
{
	int n = 0;
	for (const struct fz_migration *m = core; m->name; m++)
		n++;
	for (size_t i = 0; i < nsets; i++)
		for (const struct fz_migration *mm = sets[i]; mm && mm->name; mm++)
			n++;
	return n;
}

int fz_migrations_pending(struct fz_db *db, const struct fz_migration *const *sets, size_t nsets)
{
	struct fz_stmt *st = fz_db_query(db, NULL, "SELECT COUNT(*) FROM schema_migration", NULL);
	int applied = st && fz_stmt_row(st) ? (int)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return known(sets, nsets) - applied;
}

static enum fz_code apply(struct fz_db *db, const struct fz_migration *m, int *applied,
			  struct fz_err *err)
{
	struct fz_stmt *st =
		fz_db_query(db, err, "SELECT 1 FROM schema_migration WHERE name = ?", "t", m->name);
	if (!st)
		return err->code;
	bool done = fz_stmt_row(st);
	fz_stmt_done(st);
	if (done)
		return FZ_OK;
	enum fz_code rc = fz_db_begin(db, err);
	if (rc)
		return rc;
	rc = fz_db_exec(db, m->sql, err);
	if (!rc) {
		char now[32];
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
		st = fz_db_query(db, err, "INSERT INTO schema_migration(name, applied_at) VALUES (?, ?)",
				 "tt", m->name, now);
		rc = fz_stmt_exec(st, err);
	}
	if (!rc)
		rc = fz_db_commit(db, err);
	if (rc) {
		fz_db_rollback(db);
		fprintf(stderr, "fazhi: migration %s failed\n", m->name);
		return rc;
	}
	(*applied)++;
	return FZ_OK;
}

enum fz_code fz_migrate(struct fz_db *db, const struct fz_migration *const *sets, size_t nsets,
			int *applied, struct fz_err *err)
{
	*applied = 0;
	enum fz_code rc = fz_db_exec(db,
				     "CREATE TABLE IF NOT EXISTS schema_migration ("
				     " name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
				     err);
	if (rc)
		return rc;
	for (const struct fz_migration *m = core; m->name; m++)
		if ((rc = apply(db, m, applied, err)))
			return rc;
	for (size_t i = 0; i < nsets; i++) {
		const struct fz_migration *mm = sets[i];
		for (; mm && mm->name; mm++)
			if ((rc = apply(db, mm, applied, err)))
				return rc;
	}
	return FZ_OK;
}
