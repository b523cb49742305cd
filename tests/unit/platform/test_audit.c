/*
 * test_audit.c - unit tests of platform/audit.c: the event hash chain, on a
 * temporary SQLite file with the real schema (store/migrations.c and the
 * modules' migrations).
 *
 * For: appending inside the caller's transaction (and only there), verifying
 * an intact chain, and detecting each kind of tampering a person with write
 * access to the file could try with plain SQL: altering, removing, reordering
 * or adding events, or moving audit_head.
 * Not for: which service calls write which events (API tests).
 *
 * Every test builds its own database in /tmp and removes it (with its -wal
 * and -shm files) afterwards, so any one runs alone: `test_platform_audit 'tamper*'`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/audit.h"
#include "store/migrations.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixture ------------------------------------------------------------ */

struct fixture {
	char path[64];
	struct fz_db *db;
	struct fz_arena arena;
	struct fz_ctx ctx;
	struct fz_user user;
};

#define T0 1767225600 /* 2026-01-01T00:00:00Z */

static void remove_files(const char *path)
{
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static struct fixture *fixture_new(void)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return NULL;
	snprintf(fx->path, sizeof fx->path, "/tmp/fz-test-audit-XXXXXX");
	int fd = mkstemp(fx->path);
	if (fd < 0) {
		print_message("mkstemp %s failed\n", fx->path);
		free(fx);
		return NULL;
	}
	close(fd);
	struct fz_err err;
	fz_err_clear(&err);
	int applied = 0;
	if (fz_db_open(fx->path, FZ_DB_CREATE, &fx->db, &err) != FZ_OK ||
	    fz_migrate(fx->db, NULL, 0, &applied, &err) != FZ_OK) {
		print_message("cannot create the test database %s: %s\n", fx->path, err.message);
		fz_db_close(fx->db);
		remove_files(fx->path);
		free(fx);
		return NULL;
	}
	fz_arena_init(&fx->arena);
	fx->ctx.db = fx->db;
	fx->ctx.arena = &fx->arena;
	fx->ctx.now = T0;
	fx->user.user_id = 5;
	snprintf(fx->user.username, sizeof fx->user.username, "zhangsan");
	snprintf(fx->user.display_name, sizeof fx->user.display_name, "张三");
	fx->user.role = FZ_ROLE_LEGAL_STAFF;
	return fx;
}

static void fixture_free(struct fixture *fx)
{
	if (!fx)
		return;
	fz_db_close(fx->db);
	fz_arena_cleanup(&fx->arena);
	remove_files(fx->path);
	free(fx);
}

static int setup(void **state)
{
	*state = fixture_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	fixture_free(*state);
	return 0;
}

/* ---- events --------------------------------------------------------------- */

/* Six events of a letter's life, with NULLs, CJK, JSON and three kinds of actor. */
#define NEVENTS 6
static const struct fz_event events[NEVENTS] = {
	{.case_id = 0, .entity = "calendar", .action = "load", .note = "载入 2026 年日历"},
	{.case_id = 1,
	 .entity = "case",
	 .action = "create",
	 .to_state = "pending",
	 .note = "来信登记",
	 .input = "{\"subject\":\"路灯不亮\",\"phone\":\"13800138000\"}",
	 .after = "{\"state\":\"pending\"}"},
	{.case_id = 1,
	 .entity = "case",
	 .action = "assign",
	 .from_state = "pending",
	 .to_state = "handling",
	 .note = "请城管局办理",
	 .input = "{\"agency_id\":3}",
	 .before = "{\"agency_id\":1}",
	 .after = "{\"agency_id\":3}"},
	{.case_id = 1, .entity = "clock", .action = "stop", .note = "assign"},
	{.case_id = 2, .entity = "case", .action = "create", .to_state = "pending", .input = "{}"},
	{.case_id = 1,
	 .entity = "case",
	 .action = "reply",
	 .from_state = "handling",
	 .to_state = "reviewing",
	 .note = "已修复，特此答复。"},
};

/* Who acts: event 1 the system, event 2 the public, the rest the legal staff member. */
static void act_as(struct fixture *fx, int i)
{
	fx->ctx.user = i >= 2 ? &fx->user : NULL;
	fx->ctx.client = i == 1 ? "203.0.113.9" : NULL;
	fx->ctx.now = T0 + 3600 * i;
}

/* Appends the six events: the first three in a transaction each, the rest in one. */
static void append_all(struct fixture *fx)
{
	struct fz_err err;
	fz_err_clear(&err);
	for (int i = 0; i < NEVENTS; i++) {
		bool batch = i >= 3;
		if ((!batch || i == 3) && fz_db_begin(fx->db, &err) != FZ_OK)
			fail_msg("begin: %s", err.message);
		act_as(fx, i);
		int64_t id = 0;
		if (fz_audit_append(&fx->ctx, &events[i], &id, &err) != FZ_OK)
			fail_msg("append event %d: %s", i + 1, err.message);
		if (id != i + 1)
			fail_msg("event %d got id %" PRId64, i + 1, id);
		if ((!batch || i == NEVENTS - 1) && fz_db_commit(fx->db, &err) != FZ_OK)
			fail_msg("commit: %s", err.message);
	}
}

static int64_t count_events(struct fixture *fx)
{
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_stmt *st = fz_db_query(fx->db, &err, "SELECT count(*) FROM event", NULL);
	assert_non_null(st);
	assert_true(fz_stmt_row(st));
	int64_t n = fz_col_int(st, 0);
	fz_stmt_done(st);
	return n;
}

static void exec(struct fixture *fx, const char *sql)
{
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_db_exec(fx->db, sql, &err) != FZ_OK)
		fail_msg("SQL failed (%s): %s", err.message, sql);
}

/* ---- tests ---------------------------------------------------------------- */

static void empty_chain_verifies(void **state)
{
	struct fixture *fx = *state;
	struct fz_audit_report rep;
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_audit_verify(fx->db, &rep, &err), FZ_OK);
	assert_int_equal(rep.verified, 0);
	assert_int_equal(rep.bad_event_id, 0);
}

static void intact_chain_verifies(void **state)
{
	struct fixture *fx = *state;
	append_all(fx);
	assert_int_equal(count_events(fx), NEVENTS);
	struct fz_audit_report rep;
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = fz_audit_verify(fx->db, &rep, &err);
	if (rc != FZ_OK)
		print_message("FAIL [intact chain] %s\n", rep.why);
	assert_int_equal(rc, FZ_OK);
	assert_int_equal(rep.verified, NEVENTS);
	assert_int_equal(rep.bad_event_id, 0);
	assert_string_equal(rep.why, "");

	/* The chain links each event to the one before; the first to 64 zeros. */
	fz_err_clear(&err);
	struct fz_stmt *st =
		fz_db_query(fx->db, &err,
			    "SELECT e.event_id, e.prev_hash, p.hash, length(e.hash) FROM event e"
			    " LEFT JOIN event p ON p.event_id = e.event_id - 1 ORDER BY e.event_id",
			    NULL);
	assert_non_null(st);
	while (fz_stmt_row(st)) {
		int64_t id = fz_col_int(st, 0);
		const char *prev = fz_col_text(st, 1);
		const char *want =
			id == 1 ? "0000000000000000000000000000000000000000000000000000000000000000"
				: fz_col_text(st, 2);
		if (!prev || !want || strcmp(prev, want) != 0 || fz_col_int(st, 3) != 64) {
			fz_stmt_done(st);
			fail_msg("event %" PRId64 ": prev_hash %s, want %s", id,
				 prev ? prev : "NULL", want ? want : "NULL");
		}
	}
	fz_stmt_done(st);
}

static void records_actor_and_time(void **state)
{
	struct fixture *fx = *state;
	append_all(fx);
	static const struct {
		const char *actor, *role, *at;
		int64_t user_id;
	} want[NEVENTS] = {
		{"系统", "system", "2026-01-01T00:00:00Z", 0},
		{"公众", "public", "2026-01-01T01:00:00Z", 0},
		{"张三", "legal_staff", "2026-01-01T02:00:00Z", 5},
		{"张三", "legal_staff", "2026-01-01T03:00:00Z", 5},
		{"张三", "legal_staff", "2026-01-01T04:00:00Z", 5},
		{"张三", "legal_staff", "2026-01-01T05:00:00Z", 5},
	};
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_stmt *st = fz_db_query(
		fx->db, &err,
		"SELECT event_id, actor, actor_role, at, actor_user_id, note, from_state"
		" FROM event ORDER BY event_id",
		NULL);
	assert_non_null(st);
	int failures = 0, n = 0;
	while (fz_stmt_row(st)) {
		int i = (int)fz_col_int(st, 0) - 1;
		const char *note = fz_col_text(st, 5), *from = fz_col_text(st, 6);
		bool ok = i == n && strcmp(fz_col_text(st, 1), want[i].actor) == 0 &&
			  strcmp(fz_col_text(st, 2), want[i].role) == 0 &&
			  strcmp(fz_col_text(st, 3), want[i].at) == 0 &&
			  fz_col_int(st, 4) == want[i].user_id &&
			  (events[i].note ? note && strcmp(note, events[i].note) == 0 : !note) &&
			  (events[i].from_state ? from && strcmp(from, events[i].from_state) == 0
						: !from);
		if (!ok) {
			print_message("FAIL [event %d] actor %s role %s at %s\n", i + 1,
				      fz_col_text(st, 1), fz_col_text(st, 2), fz_col_text(st, 3));
			failures++;
		}
		n++;
	}
	fz_stmt_done(st);
	assert_int_equal(n, NEVENTS);
	assert_int_equal(failures, 0);
}

/* DESIGN.md: the event and the change it records are stored together or not at all. */
static void append_outside_transaction_is_refused(void **state)
{
	struct fixture *fx = *state;
	append_all(fx);
	assert_int_equal(fz_db_depth(fx->db), 0);
	struct fz_err err;
	fz_err_clear(&err);
	int64_t id = -1;
	assert_int_equal(fz_audit_append(&fx->ctx, &events[0], &id, &err), FZ_EINTERNAL);
	assert_int_equal(err.code, FZ_EINTERNAL);
	assert_string_equal(err.message, "审计事件必须与变更在同一事务中写入");
	assert_int_equal(id, -1);
	assert_int_equal(count_events(fx), NEVENTS);
	struct fz_audit_report rep;
	fz_err_clear(&err);
	assert_int_equal(fz_audit_verify(fx->db, &rep, &err), FZ_OK);
	assert_int_equal(rep.verified, NEVENTS);
}

static void rolled_back_event_leaves_no_trace(void **state)
{
	struct fixture *fx = *state;
	append_all(fx);
	struct fz_err err;
	fz_err_clear(&err);
	int64_t id = 0;
	assert_int_equal(fz_db_begin(fx->db, &err), FZ_OK);
	assert_int_equal(fz_audit_append(&fx->ctx, &events[2], &id, &err), FZ_OK);
	assert_int_equal(id, NEVENTS + 1);
	fz_db_rollback(fx->db);
	assert_int_equal(count_events(fx), NEVENTS);

	struct fz_audit_report rep;
	assert_int_equal(fz_audit_verify(fx->db, &rep, &err), FZ_OK);
	assert_int_equal(rep.verified, NEVENTS);

	/* The id is reused, and an inner transaction (a savepoint) also counts. */
	assert_int_equal(fz_db_begin(fx->db, &err), FZ_OK);
	assert_int_equal(fz_db_begin(fx->db, &err), FZ_OK);
	assert_int_equal(fz_audit_append(&fx->ctx, &events[3], &id, &err), FZ_OK);
	assert_int_equal(fz_db_commit(fx->db, &err), FZ_OK);
	assert_int_equal(fz_db_commit(fx->db, &err), FZ_OK);
	assert_int_equal(id, NEVENTS + 1);
	assert_int_equal(fz_audit_verify(fx->db, &rep, &err), FZ_OK);
	assert_int_equal(rep.verified, NEVENTS + 1);
}

/* Columns of an event other than its id, for swapping contents between events. */
#define CONTENT                                                                                    \
	"case_id, entity, action, actor_user_id, actor, actor_role, at, from_state,"               \
	" to_state, note, input, before_json, after_json"

struct tamper_row {
	const char *name;
	const char *sql;
	int64_t bad_event_id; /* the first event the chain cannot vouch for */
	int64_t verified;     /* events verified before it */
};

static void tamper_table(void **state)
{
	(void)state;
	static const struct tamper_row rows[] = {
		{"a note changed", "UPDATE event SET note = '请城管局尽快办理' WHERE event_id = 3",
		 3, 2},
		{"a note removed (NULL)", "UPDATE event SET note = NULL WHERE event_id = 2", 2, 1},
		{"a NULL note filled in", "UPDATE event SET note = '' WHERE event_id = 5", 5, 4},
		{"a note changed in the last event",
		 "UPDATE event SET note = 'x' WHERE event_id = 6", 6, 5},
		{"an action changed", "UPDATE event SET action = 'close' WHERE event_id = 3", 3, 2},
		{"a time backdated",
		 "UPDATE event SET at = '2025-12-31T23:00:00Z' WHERE event_id = 4", 4, 3},
		{"the actor changed", "UPDATE event SET actor = '李四' WHERE event_id = 3", 3, 2},
		{"the actor's user id changed",
		 "UPDATE event SET actor_user_id = 6 WHERE event_id = 4", 4, 3},
		{"moved to another case", "UPDATE event SET case_id = 2 WHERE event_id = 4", 4, 3},
		{"input JSON changed",
		 "UPDATE event SET input = '{\"agency_id\":4}' WHERE event_id = 3", 3, 2},
		{"after JSON changed", "UPDATE event SET after_json = NULL WHERE event_id = 2", 2,
		 1},
		{"a state changed", "UPDATE event SET to_state = 'closed' WHERE event_id = 6", 6,
		 5},
		{"a hash replaced by another event's",
		 "UPDATE event SET hash = (SELECT hash FROM event WHERE event_id = 2)"
		 " WHERE event_id = 4",
		 4, 3},
		{"a hash in upper case", "UPDATE event SET hash = upper(hash) WHERE event_id = 3",
		 3, 2},
		{"junk appended to a hash",
		 "UPDATE event SET hash = hash || '00' WHERE event_id = 3", 3, 2},
		{"junk appended to a prev_hash",
		 "UPDATE event SET prev_hash = prev_hash || 'ff' WHERE event_id = 3", 3, 2},
		{"a prev_hash changed", "UPDATE event SET prev_hash = hash WHERE event_id = 5", 5,
		 4},
		{"the first event deleted", "DELETE FROM event WHERE event_id = 1", 1, 0},
		{"a middle event deleted", "DELETE FROM event WHERE event_id = 3", 3, 2},
		{"two middle events deleted", "DELETE FROM event WHERE event_id IN (3, 4)", 3, 2},
		{"the last event deleted, audit_head untouched",
		 "DELETE FROM event WHERE event_id = 6", 6, 5},
		{"the last two events deleted, audit_head untouched",
		 "DELETE FROM event WHERE event_id >= 5", 5, 4},
		{"all events deleted, audit_head untouched", "DELETE FROM event", 1, 0},
		{"contents of events 2 and 3 swapped",
		 "CREATE TEMP TABLE saved AS SELECT * FROM event WHERE event_id IN (2, 3);"
		 "UPDATE event SET (" CONTENT ") = (SELECT " CONTENT
		 " FROM saved WHERE saved.event_id = 5 - event.event_id) WHERE event_id IN (2, 3);",
		 2, 1},
		{"events 4 and 5 reordered with their hashes",
		 "CREATE TEMP TABLE saved AS SELECT * FROM event WHERE event_id IN (4, 5);"
		 "UPDATE event SET (" CONTENT ", prev_hash, hash) = (SELECT " CONTENT
		 ", prev_hash, hash FROM saved WHERE saved.event_id = 9 - event.event_id)"
		 " WHERE event_id IN (4, 5);",
		 4, 3},
		{"an event renumbered into a gap",
		 "UPDATE event SET event_id = 10 WHERE event_id = 6", 6, 5},
		{"an event added at the end, audit_head untouched",
		 "INSERT INTO event(event_id, case_id, entity, action, actor, actor_role, at,"
		 " prev_hash, hash) SELECT 7, 1, 'case', 'close', '系统', 'system',"
		 " '2026-01-02T00:00:00Z', hash, hash FROM event WHERE event_id = 6",
		 7, 6},
		{"an event 0 added before the first",
		 "INSERT INTO event(event_id, case_id, entity, action, actor, actor_role, at,"
		 " prev_hash, hash) SELECT 0, 1, 'case', 'close', '系统', 'system', at,"
		 " prev_hash, hash FROM event WHERE event_id = 1",
		 1, 0},
		{"audit_head hash changed",
		 "UPDATE audit_head SET last_hash = (SELECT hash FROM event WHERE event_id = 5)", 7,
		 6},
		{"audit_head hash in upper case",
		 "UPDATE audit_head SET last_hash = upper(last_hash)", 7, 6},
		{"audit_head moved back one event", "UPDATE audit_head SET last_event_id = 5", 7,
		 6},
		{"audit_head moved forward", "UPDATE audit_head SET last_event_id = 9", 7, 6},
		{"audit_head removed", "DELETE FROM audit_head", 7, 6},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct tamper_row *r = &rows[i];
		struct fixture *fx = fixture_new();
		assert_non_null(fx);
		append_all(fx);
		exec(fx, r->sql);
		struct fz_audit_report rep;
		memset(&rep, 0x55, sizeof rep);
		struct fz_err err;
		fz_err_clear(&err);
		enum fz_code rc = fz_audit_verify(fx->db, &rep, &err);
		bool ok = rc == FZ_ECONFLICT && err.code == FZ_ECONFLICT &&
			  rep.bad_event_id == r->bad_event_id && rep.verified == r->verified &&
			  rep.why[0] != '\0' && strcmp(err.message, rep.why) == 0;
		if (!ok) {
			print_message(
				"FAIL [%s] %s: verify = %s bad %" PRId64 " verified %" PRId64
				" \"%s\", want CONFLICT bad %" PRId64 " verified %" PRId64 "\n",
				r->name, r->sql, fz_code_name(rc), rep.bad_event_id, rep.verified,
				rc == FZ_OK ? "" : rep.why, r->bad_event_id, r->verified);
			failures++;
		}
		fixture_free(fx);
	}
	assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(empty_chain_verifies, setup, teardown),
		cmocka_unit_test_setup_teardown(intact_chain_verifies, setup, teardown),
		cmocka_unit_test_setup_teardown(records_actor_and_time, setup, teardown),
		cmocka_unit_test_setup_teardown(append_outside_transaction_is_refused, setup,
						teardown),
		cmocka_unit_test_setup_teardown(rolled_back_event_leaves_no_trace, setup, teardown),
		cmocka_unit_test(tamper_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
