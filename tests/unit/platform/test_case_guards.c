/*
 * test_case_guards.c - unit tests of the case engine's guards (platform/cases.c
 * with case_guards.c): a toy module's declared guards refuse fz_case_act before
 * its apply hook runs, and the detail view does not offer what they refuse. On
 * a temporary SQLite file with the core schema and no real module.
 *
 * For: the facts read from the store (clocks, earlier events, the kind's
 * fields), the one check before apply, the offered actions.
 * Not for: the rules of each guard (tests/unit/core/test_workflow_guards.c) or
 * the real modules' rows (API tests).
 *
 * The calendar has 2027 loaded with no holidays; the case is received on
 * Monday 2027-03-01, so its 3-working-day "answer" clock is due Thursday 03-04.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/cases.h"
#include "platform/module.h"

/* ---- the toy module -------------------------------------------------------- */

static const struct fz_state states[] = {
	{"waiting", "办理中", false}, {"done", "已办结", true}, {NULL, NULL, false}};

static const struct fz_clock_def clocks[] = {
	{.name = "answer", .label = "答复期限", .unit = FZ_UNIT_WD, .days = 3},
	{.name = "letter", .label = "报告期限", .unit = FZ_UNIT_CD, .days = 60},
	{.name = NULL}};

#define STAFF FZ_ROLE_LEGAL_STAFF

static const struct fz_transition transitions[] = {
	{.name = "lapse", .label = "逾期终止", .from = {"waiting"}, .to = "done", .roles = STAFF,
	 .article = "《示例条例》第三条：逾期视为放弃", .after_clock = "answer",
	 .effects = {{.op = FZ_CLK_STOP, .clock = "answer"}}},
	{.name = "notice", .label = "告知补正", .from = {"waiting"}, .roles = STAFF, .once = true},
	{.name = "publish", .label = "公开", .from = {"waiting"}, .roles = STAFF,
	 .when = {{.field = "consent", .is = "true", .rule = "申请人不同意公开，不能公开"}}},
	{.name = "send", .label = "制发意见书", .from = {"waiting"}, .roles = STAFF,
	 .unless_clock = "letter", .effects = {{.op = FZ_CLK_START, .clock = "letter"}}},
	{.name = NULL}};

static const struct fz_case_type toy_type = {
	.name = "toy", .label = "示例申请", .number_code = "示", .states = states,
	.transitions = transitions, .clocks = clocks, .initial_state = "waiting",
	.on_create = {{.op = FZ_CLK_START, .clock = "answer"}}, .create_label = "登记"};

/* What the toy domain knows, and how often its apply hook ran. */
static bool consent;
static int applied;

static enum fz_code toy_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	(void)ctx, (void)c, (void)tr, (void)input, (void)err;
	applied++;
	return FZ_OK;
}

static enum fz_code toy_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			       struct fz_err *err)
{
	(void)ctx, (void)case_id, (void)err;
	json_object_set_new(obj, "consent", json_boolean(consent));
	return FZ_OK;
}

static const struct fz_case_kind toy_kinds[] = {
	{.type = &toy_type, .apply = toy_apply, .fields = toy_fields}, {.type = NULL}};
static const struct fz_module toy_module = {.name = "toy", .label = "示例", .kinds = toy_kinds};
static const struct fz_module *const toy_table[] = {&toy_module};

/* ---- fixture --------------------------------------------------------------- */

struct fixture {
	char path[64];
	struct fz_db *db;
	struct fz_calendar *cal;
	struct fz_arena arena;
	struct fz_ctx ctx;
	struct fz_user user;
	int64_t case_id;
};

static void remove_files(const char *path)
{
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int day(const char *s)
{
	int d = 0;
	fz_date_parse(s, &d);
	return d;
}

static int teardown(void **state);

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	*state = fx;
	if (!fx)
		return -1;
	snprintf(fx->path, sizeof fx->path, "/tmp/fz-test-guards-XXXXXX");
	int fd = mkstemp(fx->path);
	if (fd < 0)
		return -1;
	close(fd);
	fz_platform_set_modules(toy_table, 1);
	struct fz_err err;
	fz_err_clear(&err);
	int n = 0;
	fx->cal = fz_calendar_new();
	if (fz_db_open(fx->path, FZ_DB_CREATE, &fx->db, &err) != FZ_OK ||
	    fz_platform_migrate(fx->db, &n, &err) != FZ_OK || !fx->cal ||
	    fz_calendar_mark_year(fx->cal, 2027) != FZ_OK ||
	    fz_db_exec(fx->db,
		       "INSERT INTO agency(agency_id, code, name, short_name, kind)"
		       " VALUES (1, 'fzb', '示例县司法局', '示司', 'legal_office')",
		       &err) != FZ_OK) {
		print_message("cannot set up %s: %s\n", fx->path, err.message);
		teardown(state);
		return -1;
	}
	fz_arena_init(&fx->arena);
	fx->user = (struct fz_user){.user_id = 5, .role = FZ_ROLE_LEGAL_STAFF, .agency_id = 1};
	snprintf(fx->user.display_name, sizeof fx->user.display_name, "张三");
	fx->ctx = (struct fz_ctx){.db = fx->db, .arena = &fx->arena, .cal = fx->cal,
				  .user = &fx->user, .today = day("2027-03-01"), .now = 1803945600};
	consent = false;
	applied = 0;
	struct fz_case_new cn = {.case_type = "toy", .agency_id = 1, .title = "示例",
				 .received_on = day("2027-03-01")};
	struct fz_case_row row;
	if (fz_db_begin(fx->db, &err) || fz_case_create(&fx->ctx, &cn, &row, &err) ||
	    fz_db_commit(fx->db, &err)) {
		print_message("cannot create the case: %s\n", err.message);
		teardown(state);
		return -1;
	}
	fx->case_id = row.case_id;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	if (!fx)
		return 0;
	fz_db_close(fx->db);
	fz_calendar_free(fx->cal);
	fz_arena_cleanup(&fx->arena);
	remove_files(fx->path);
	free(fx);
	return 0;
}

/* Takes an action on the fixture's case as it stands; err receives a refusal. */
static enum fz_code act(struct fixture *fx, const char *action, struct fz_err *err)
{
	json_t *body = json_object();
	fz_err_clear(err);
	enum fz_code rc = fz_case_act_current(&fx->ctx, fx->case_id, action, body, err);
	json_decref(body);
	return rc;
}

/* Is the action among those the detail view offers now? */
static bool offered(struct fixture *fx, const char *action)
{
	json_t *detail = NULL;
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_case_detail(&fx->ctx, fx->case_id, &detail, &err) != FZ_OK)
		fail_msg("detail: %s", err.message);
	bool found = false;
	size_t i;
	json_t *a;
	json_array_foreach(json_object_get(detail, "actions"), i, a)
		found |= strcmp(json_string_value(json_object_get(a, "name")), action) == 0;
	json_decref(detail);
	return found;
}

static int64_t version(struct fixture *fx)
{
	struct fz_case_row c;
	struct fz_err err;
	if (fz_case_load(&fx->ctx, fx->case_id, true, &c, &err) != FZ_OK)
		fail_msg("load: %s", err.message);
	return c.version;
}

/* ---- tests ----------------------------------------------------------------- */

static void field_guard_reads_the_kinds_fields(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	assert_false(offered(fx, "publish"));
	int64_t v = version(fx);
	assert_int_equal(act(fx, "publish", &err), FZ_ESTATE);
	assert_string_equal(err.message, "申请人不同意公开，不能公开");
	assert_int_equal(applied, 0); /* refused before the domain's hook */
	assert_int_equal(version(fx), v);
	consent = true;
	assert_true(offered(fx, "publish"));
	assert_int_equal(act(fx, "publish", &err), FZ_OK);
	assert_int_equal(applied, 1);
}

static void once_reads_the_cases_events(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	assert_true(offered(fx, "notice"));
	assert_int_equal(act(fx, "notice", &err), FZ_OK);
	assert_false(offered(fx, "notice"));
	assert_int_equal(act(fx, "notice", &err), FZ_ESTATE);
	assert_non_null(strstr(err.message, "只能办理一次"));
	assert_int_equal(applied, 1);
}

static void after_clock_reads_the_due_day(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	fx->ctx.today = day("2027-03-04"); /* the due day itself: the period still runs */
	assert_false(offered(fx, "lapse"));
	assert_int_equal(act(fx, "lapse", &err), FZ_ESTATE);
	assert_string_equal(err.message,
			    "“答复期限”至 2027-03-04 届满，届满后才能“逾期终止”（《示例条例》第三条）");
	assert_int_equal(applied, 0);
	fx->ctx.today = day("2027-03-05");
	assert_true(offered(fx, "lapse"));
	assert_int_equal(act(fx, "lapse", &err), FZ_OK);
	assert_int_equal(applied, 1);
}

static void unless_clock_reads_the_clocks_state(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	assert_true(offered(fx, "send"));
	assert_int_equal(act(fx, "send", &err), FZ_OK); /* starts the letter clock */
	assert_false(offered(fx, "send"));
	assert_int_equal(act(fx, "send", &err), FZ_ESTATE);
	assert_non_null(strstr(err.message, "“报告期限”尚在计算中"));
	assert_int_equal(applied, 1);
}

static void actionable_follows_the_guards(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	/* publish (no consent) and lapse (not due) are guarded; notice and send remain. */
	assert_true(fz_case_actionable(&fx->ctx, fx->case_id));
	assert_int_equal(act(fx, "notice", &err), FZ_OK);
	assert_int_equal(act(fx, "send", &err), FZ_OK);
	assert_false(fz_case_actionable(&fx->ctx, fx->case_id));
	consent = true;
	assert_true(fz_case_actionable(&fx->ctx, fx->case_id));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(field_guard_reads_the_kinds_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(once_reads_the_cases_events, setup, teardown),
		cmocka_unit_test_setup_teardown(after_clock_reads_the_due_day, setup, teardown),
		cmocka_unit_test_setup_teardown(unless_clock_reads_the_clocks_state, setup, teardown),
		cmocka_unit_test_setup_teardown(actionable_follows_the_guards, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
