/*
 * test_lists.c - unit tests of platform/lists.c, the declared-list engine,
 * on a toy table in a temporary SQLite file (removed after).
 *
 * For: each kind of filter, sorts both ways with the tie-breaker and nulls
 * last, paging totals, agency scope, the counts beside a list, refusals that
 * name the parameter and list the choices, values that reach SQL only as
 * bound parameters (a quote is matched literally), the Excel export of the
 * same query (rows, headers, dates as date cells, the row limit), and the
 * statistics year. Not for: the modules' lists (the API tests in tests/api).
 * Each test runs alone: `test_platform_lists 'sort*'`.
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

#include "platform/jsonx.h"
#include "platform/lists.h"
#include "platform/module.h"
#include "platform/xlsx_read.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the toy list ---------------------------------------------------------- */

static const struct fz_option kinds[] = {
	{"apple", "苹果"}, {"pear", "梨"}, {"plum", "李子"}, {NULL, NULL}};

static const struct fz_state toy_states[] = {
	{"open", "办理中", false}, {"done", "已办结", true}, {NULL, NULL, false}};
static const struct fz_case_type toy_type = {.name = "toy", .label = "玩具", .states = toy_states};

static const char *const name_cols[] = {"t.name", "t.note", NULL};

static const struct fz_list_filter toy_filters[] = {
	{.param = "kind", .label = "品种", .kind = FZ_LF_OPTION, .sql = "t.kind = ?",
	 .options = kinds, .labels_too = true},
	{.param = "state", .label = "状态", .kind = FZ_LF_STATE, .sql = "t.state = ?",
	 .type = &toy_type},
	{.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "t.agency_id = ?"},
	{.param = "toy_id", .label = "编号", .kind = FZ_LF_ID, .sql = "t.toy_id = ?"},
	{.param = "n", .label = "数量", .kind = FZ_LF_INT, .sql = "t.n = ?", .min = 0, .max = 99},
	{.param = "year", .label = "年度", .kind = FZ_LF_YEAR, .sql = "t.made_on",
	 .hint = "按制作日期所在年度筛选"},
	{.param = "from", .param_to = "to", .label = "制作日期", .kind = FZ_LF_DATES,
	 .sql = "t.made_on"},
	{.param = "big", .label = "大件", .kind = FZ_LF_FLAG, .sql = "t.n >= 10"},
	{.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "t.due_date"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 20, .index = "toy",
	 .key = "t.toy_id", .equal = "t.code", .like = name_cols},
	{.param = NULL},
};

static const struct fz_list_sort toy_sorts[] = {
	{.name = "name", .expr = "t.name"},
	{.name = "due_date", .expr = "t.due_date", .nulls_last = true},
	{.name = "kind", .expr = "t.kind, t.n"},
	{.name = "-made_on", .expr = "t.made_on", .one_way = true},
	{.name = NULL},
};

static const struct fz_list_col toy_cols[] = {
	{"toy_id", "t.toy_id", FZ_LC_NUMBER, NULL, "编号"},
	{"code", "t.code", FZ_LC_TEXT, NULL, "代码"},
	{"name", "t.name", FZ_LC_TEXT, NULL, "名称", 20},
	{"kind", "t.kind", FZ_LC_TEXT},
	{"kind_label", "t.kind", FZ_LC_LABEL, kinds, "品种"},
	{"agency_id", "t.agency_id", FZ_LC_NUMBER},
	{"agency_name", "a.name", FZ_LC_TEXT, NULL, "单位"},
	{"made_on", "t.made_on", FZ_LC_DATE, NULL, "制作日期"},
	{"due_date", "t.due_date", FZ_LC_DATE},
	{"big", "t.n >= 10", FZ_LC_BOOL, NULL, "大件"},
	{NULL},
};

static const struct fz_list toy_list = {
	.name = "玩具清单",
	.from = "toy t JOIN agency a ON a.agency_id = t.agency_id",
	.count_from = "toy t",
	.scope = "t.agency_id",
	.filters = toy_filters,
	.sorts = toy_sorts,
	.sort_default = "name",
	.tiebreak = "t.toy_id",
	.facet = "kind",
	.columns = toy_cols,
};

/* The public variant: its own fixed condition, no scope, a smaller page. */
static const struct fz_list toy_public = {
	.name = "公开玩具",
	.from = "toy t JOIN agency a ON a.agency_id = t.agency_id",
	.where = "t.state = 'done'",
	.filters = toy_filters,
	.order = "t.toy_id DESC",
	.per_page = 5,
	.per_page_max = 10,
	.columns = toy_cols,
};

/* ---- fixture --------------------------------------------------------------- */

struct fixture {
	char path[64];
	struct fz_db *db;
	struct fz_arena arena;
	struct fz_calendar *cal;
	struct fz_ctx ctx;
	struct fz_user user;
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

/*
 * 30 toys: ids 1-30, agency 1 for odd ids and 2 for even, kinds in turn
 * apple/pear/plum, state done for ids divisible by 3, n = id % 15, made in
 * 2025 for ids <= 10 and 2026 after, due dates from 2026-11-10 upward with
 * none for ids divisible by 5, names "玩具 NN" with three duplicates.
 */
static const char schema[] =
	"CREATE TABLE agency(agency_id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
	"INSERT INTO agency VALUES (1, '甲局'), (2, '乙局');"
	"CREATE TABLE toy(toy_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL, code TEXT,"
	" kind TEXT, state TEXT, name TEXT, note TEXT, made_on TEXT, due_date TEXT, n INTEGER);"
	"CREATE VIRTUAL TABLE toy_fts USING fts5(name, tokenize='trigram');";

static struct fixture *fixture_new(void)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	snprintf(fx->path, sizeof fx->path, "/tmp/fz-test-lists-XXXXXX");
	int fd = mkstemp(fx->path);
	close(fd);
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_db_open(fx->path, FZ_DB_CREATE, &fx->db, &err) || fz_db_exec(fx->db, schema, &err)) {
		print_message("cannot create %s: %s\n", fx->path, err.message);
		return NULL;
	}
	static const char *const kind_of[] = {"apple", "pear", "plum"};
	fz_db_begin(fx->db, &err);
	for (int id = 1; id <= 30; id++) {
		char made[11], due[11], name[32], code[8];
		snprintf(made, sizeof made, "%d-03-%02d", id <= 10 ? 2025 : 2026, id);
		snprintf(due, sizeof due, "2026-11-%02d", id);
		snprintf(name, sizeof name, "玩具 %02d", id > 27 ? 27 : id);
		snprintf(code, sizeof code, "%03d", id);
		struct fz_stmt *st = fz_db_query(
			fx->db, &err,
			"INSERT INTO toy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "iittttttti",
			(int64_t)id, (int64_t)(id % 2 ? 1 : 2), code, kind_of[(id - 1) % 3],
			id % 3 ? "open" : "done", name, id == 7 ? "O'Brien 的玩具" : "普通",
			made, id % 5 ? due : NULL, (int64_t)(id % 15));
		assert_int_equal(fz_stmt_exec(st, &err), FZ_OK);
		st = fz_db_query(fx->db, &err, "INSERT INTO toy_fts(rowid, name) VALUES (?, ?)", "it",
				 (int64_t)id, id == 12 ? "长江大桥模型" : name);
		assert_int_equal(fz_stmt_exec(st, &err), FZ_OK);
	}
	assert_int_equal(fz_db_commit(fx->db, &err), FZ_OK);
	fz_arena_init(&fx->arena);
	fx->cal = fz_calendar_new();
	fz_calendar_mark_year(fx->cal, 2026);
	fx->ctx.db = fx->db;
	fx->ctx.arena = &fx->arena;
	fx->ctx.cal = fx->cal;
	fx->ctx.today = fz_date_from_ymd(2026, 11, 23);
	fx->ctx.yellow_days = 3;
	fx->user.role = FZ_ROLE_LEGAL_STAFF;
	fx->user.agency_id = 1;
	fx->ctx.user = &fx->user;
	return fx;
}

static int setup(void **state)
{
	fz_platform_set_modules(NULL, 0);
	*state = fixture_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	fz_db_close(fx->db);
	fz_arena_cleanup(&fx->arena);
	fz_calendar_free(fx->cal);
	remove_files(fx->path);
	free(fx);
	return 0;
}

/* ---- running a query ------------------------------------------------------- */

/* A query string "a=1&b=2" (no escapes) as the parameter source. */
static const char *query_get(void *data, const char *key)
{
	static char value[256];
	const char *q = data;
	size_t k = strlen(key);
	while (q && *q) {
		const char *amp = strchr(q, '&');
		size_t n = amp ? (size_t)(amp - q) : strlen(q);
		if (n > k && strncmp(q, key, k) == 0 && q[k] == '=') {
			snprintf(value, sizeof value, "%.*s", (int)(n - k - 1), q + k + 1);
			return value;
		}
		q = amp ? amp + 1 : NULL;
	}
	return NULL;
}

/* Runs the list with query q; on success the page, else NULL with err set. */
static json_t *page(struct fixture *fx, const struct fz_list *l, const char *q, struct fz_err *err)
{
	json_t *out = NULL;
	fz_err_clear(err);
	if (fz_list_page(&fx->ctx, l, query_get, (void *)q, &out, err) != FZ_OK)
		return NULL;
	return out;
}

/* The toy_ids of a page as "1,2,3", in the arena. */
static const char *ids(struct fixture *fx, json_t *p)
{
	const char *s = "";
	size_t i;
	json_t *row;
	json_array_foreach(json_object_get(p, "items"), i, row)
	{
		s = fz_arena_printf(&fx->arena, "%s%s%lld", s, i ? "," : "",
				    (long long)json_integer_value(json_object_get(row, "toy_id")));
	}
	return s;
}

static int64_t total(json_t *p)
{
	return json_integer_value(json_object_get(p, "total"));
}

/* ---- filters --------------------------------------------------------------- */

static void filters_table(void **state)
{
	struct fixture *fx = *state;
	static const struct {
		const char *q;
		int64_t total;
		const char *ids; /* NULL: not checked; by name (the default), which is id order */
	} rows[] = {
		{"", 30, NULL},
		{"kind=pear", 10, "2,5,8,11,14,17,20,23,26,29"},
		{"kind=梨", 10, "2,5,8,11,14,17,20,23,26,29"}, /* the label for the value */
		{"state=done", 10, "3,6,9,12,15,18,21,24,27,30"},
		{"agency_id=2&kind=apple", 5, "4,10,16,22,28"},
		{"toy_id=7", 1, "7"},
		{"n=3", 2, "3,18"},
		{"year=2025", 10, "1,2,3,4,5,6,7,8,9,10"},
		{"from=2026-03-28&to=2026-03-30", 3, "28,29,30"},
		{"to=2025-03-02", 2, "1,2"},
		{"big=1&agency_id=1", 5, "11,13,25,27,29"},
		{"big=0&toy_id=1", 1, "1"},
		{"clock_status=red", 18, NULL},	/* due before 11-23, without the ids divisible by 5 */
		{"clock_status=yellow", 3, "23,24,26"}, /* 11-23 to 11-26 (three working days) */
		{"clock_status=green", 3, "27,28,29"},
		{"q=O'", 1, "7"},		     /* LIKE (two characters), the quote literal */
		{"q=n' OR", 0, ""},		     /* full text, the quote inside the phrase */
		{"q=大桥模", 1, "12"},		     /* full text */
		{"q=013", 1, "13"},		     /* full text finds nothing: equal to the code */
		{"q=%25", 0, ""},		     /* '%' is matched literally */
		{"q=' OR 1=1 --", 0, ""},
		{"q=   ", 30, NULL},		     /* blank is no keyword */
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct fz_err err;
		json_t *p = page(fx, &toy_list, fz_arena_printf(&fx->arena, "%s&per_page=100", rows[i].q), &err);
		if (!p) {
			print_message("FAIL %s: %s %s\n", rows[i].q, err.field, err.message);
			failures++;
			continue;
		}
		if (total(p) != rows[i].total ||
		    (int64_t)json_array_size(json_object_get(p, "items")) != rows[i].total) {
			print_message("FAIL %s: total %lld, %zu items, want %lld\n", rows[i].q,
				      (long long)total(p), json_array_size(json_object_get(p, "items")),
				      (long long)rows[i].total);
			failures++;
		}
		if (rows[i].ids) {
			const char *got = ids(fx, p);
			if (strcmp(got, rows[i].ids) != 0) {
				print_message("FAIL %s: ids %s, want %s\n", rows[i].q, got, rows[i].ids);
				failures++;
			}
		}
		json_decref(p);
	}
	assert_int_equal(failures, 0);
}

/* ---- refusals -------------------------------------------------------------- */

static void refusals_table(void **state)
{
	struct fixture *fx = *state;
	static const struct {
		const char *q, *field, *words; /* words: in the message */
	} rows[] = {
		{"kind=banana", "kind", "品种“banana”无效，可选 apple（苹果）、pear（梨）、plum（李子）"},
		{"kind=apple' OR '1'='1", "kind", "可选"},
		{"state=closed", "state", "可选 open（办理中）、done（已办结）"},
		{"agency_id=x", "agency_id", "单位应为单位编号"},
		{"agency_id=9", "agency_id", "不存在"},
		{"toy_id=0", "toy_id", "编号应为正整数"},
		{"n=100", "n", "0 至 99"},
		{"year=1999", "year", "按制作日期所在年度筛选"},
		{"from=2026-02-30", "from", "YYYY-MM-DD"},
		{"from=2026-03-02&to=2026-03-01", "to", "不能早于"},
		{"big=yes", "big", "大件"},
		{"clock_status=blue", "clock_status", "可选 green（正常）"},
		{"q=一二三四五六七八九十一二三四五六七八九十一", "q", "20"},
		{"sort=price", "sort", "可选 name、due_date、kind、-made_on（前加 - 为倒序）"},
		{"sort=made_on", "sort", "排序方式"},
		{"sort=--name", "sort", "排序方式"},
		{"page=0", "page", "页码"},
		{"page=100001", "page", "页码"},
		{"per_page=101", "per_page", "1 至 100"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct fz_err err;
		json_t *p = page(fx, &toy_list, rows[i].q, &err);
		if (p || err.code != FZ_EBAD_VALUE || strcmp(err.field, rows[i].field) != 0 ||
		    !strstr(err.message, rows[i].words)) {
			print_message("FAIL %s: code %d field %s message %s\n", rows[i].q, err.code,
				      err.field, err.message);
			failures++;
		}
		json_decref(p);
	}
	struct fz_err err;
	json_t *p = page(fx, &toy_public, "per_page=11", &err);
	assert_null(p);
	assert_string_equal(err.field, "per_page");
	assert_non_null(strstr(err.message, "1 至 10"));
	assert_int_equal(failures, 0);
}

/* ---- sorts and paging ------------------------------------------------------ */

static void sorts_and_pages(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	static const struct {
		const char *q, *ids;
	} rows[] = {
		/* Names 27-30 are equal: the tie-breaker orders them by id, reversed with the sort. */
		{"sort=name&toy_id=27", "27"},
		{"sort=name&from=2026-03-26", "26,27,28,29,30"},
		{"sort=-name&from=2026-03-26", "30,29,28,27,26"},
		/* No due date last, both ways. */
		{"sort=due_date&agency_id=1&year=2026&from=2026-03-21", "21,23,27,29,25"},
		{"sort=-due_date&agency_id=1&year=2026&from=2026-03-21", "29,27,23,21,25"},
		{"sort=-made_on&from=2026-03-28", "30,29,28"},
		{"sort=kind&from=2026-03-25", "25,28,26,29,30,27"}, /* kind, then n */
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		json_t *p = page(fx, &toy_list, rows[i].q, &err);
		const char *got = p ? ids(fx, p) : err.message;
		if (strcmp(got, rows[i].ids) != 0) {
			print_message("FAIL %s: %s, want %s\n", rows[i].q, got, rows[i].ids);
			failures++;
		}
		json_decref(p);
	}
	assert_int_equal(failures, 0);

	/* Pages: 30 rows by 7, the last page short, past the end empty, totals the same. */
	const char *all = "";
	for (int pg = 1; pg <= 5; pg++) {
		json_t *p = page(fx, &toy_list, fz_arena_printf(&fx->arena, "sort=-made_on&per_page=7&page=%d", pg), &err);
		assert_non_null(p);
		assert_int_equal(total(p), 30);
		assert_int_equal(json_integer_value(json_object_get(p, "page")), pg);
		assert_int_equal(json_integer_value(json_object_get(p, "per_page")), 7);
		assert_int_equal(json_array_size(json_object_get(p, "items")), pg < 5 ? 7 : 2);
		all = fz_arena_printf(&fx->arena, "%s%s%s", all, pg > 1 ? "," : "", ids(fx, p));
		json_decref(p);
	}
	assert_string_equal(all, "30,29,28,27,26,25,24,23,22,21,20,19,18,17,16,15,14,13,12,11,10,9,8,7,6,5,4,3,2,1");
	json_t *p = page(fx, &toy_list, "page=9", &err);
	assert_int_equal(total(p), 30);
	assert_int_equal(json_array_size(json_object_get(p, "items")), 0);
	json_decref(p);

	/* The public variant: its fixed condition and order, its own page size. */
	p = page(fx, &toy_public, "", &err);
	assert_non_null(p);
	assert_int_equal(total(p), 10);
	assert_string_equal(ids(fx, p), "30,27,24,21,18");
	json_decref(p);
	p = page(fx, &toy_public, "sort=nonsense", &err); /* a list without sorts reads no sort */
	assert_non_null(p);
	json_decref(p);
}

/* ---- rows, scope, counts --------------------------------------------------- */

static void rows_scope_counts(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	json_t *p = page(fx, &toy_list, "toy_id=12", &err);
	assert_non_null(p);
	json_t *row = json_array_get(json_object_get(p, "items"), 0);
	assert_string_equal(fz_json_str(row, "code"), "012");
	assert_string_equal(fz_json_str(row, "kind"), "plum");
	assert_string_equal(fz_json_str(row, "kind_label"), "李子");
	assert_string_equal(fz_json_str(row, "agency_name"), "乙局");
	assert_string_equal(fz_json_str(row, "made_on"), "2026-03-12");
	assert_true(json_is_true(json_object_get(row, "big")));
	json_decref(p);
	p = page(fx, &toy_list, "toy_id=10", &err);
	assert_true(json_is_null(json_object_get(json_array_get(json_object_get(p, "items"), 0), "due_date")));
	json_decref(p);

	/* Counts by kind beside the list: the other filters apply, the kind's own does not. */
	p = page(fx, &toy_list, "kind=pear&year=2025", &err);
	assert_int_equal(total(p), 3);
	json_t *counts = json_object_get(p, "kind_counts");
	assert_int_equal(json_array_size(counts), 3);
	int64_t want[] = {4, 3, 3};
	for (size_t i = 0; i < 3; i++) {
		json_t *c = json_array_get(counts, i);
		assert_string_equal(fz_json_str(c, "value"), kinds[i].value);
		assert_string_equal(fz_json_str(c, "label"), kinds[i].label);
		assert_int_equal(json_integer_value(json_object_get(c, "count")), want[i]);
	}
	json_decref(p);

	/* An agency's user sees its own rows only, whatever it asks for. */
	fx->user.role = FZ_ROLE_AGENCY_CLERK;
	p = page(fx, &toy_list, "per_page=100", &err);
	assert_int_equal(total(p), 15);
	size_t i;
	json_array_foreach(json_object_get(p, "items"), i, row)
	{
		assert_int_equal(json_integer_value(json_object_get(row, "agency_id")), 1);
	}
	json_decref(p);
	p = page(fx, &toy_list, "agency_id=2", &err);
	assert_int_equal(total(p), 0);
	json_decref(p);
	p = page(fx, &toy_list, "kind=apple", &err);
	counts = json_object_get(p, "kind_counts");
	assert_int_equal(json_integer_value(json_object_get(json_array_get(counts, 1), "count")), 5);
	json_decref(p);
	fx->user.role = FZ_ROLE_LEADER;
	p = page(fx, &toy_list, "", &err);
	assert_int_equal(total(p), 30);
	json_decref(p);
	/* The public list has no scope: the public (no user) sees its published rows. */
	fx->ctx.user = NULL;
	p = page(fx, &toy_public, "agency_id=1", &err);
	assert_int_equal(total(p), 5);
	json_decref(p);
}

/* ---- export ---------------------------------------------------------------- */

static struct fz_xlsx_table *export(struct fixture *fx, const char *q, struct fz_err *err)
{
	char *data = NULL;
	size_t len = 0;
	fz_err_clear(err);
	if (fz_list_xlsx(&fx->ctx, &toy_list, query_get, (void *)q, &data, &len, err) != FZ_OK)
		return NULL;
	struct fz_xlsx_table *t = NULL;
	fz_xlsx_read(data, len, NULL, &t, err);
	free(data);
	return t;
}

static void export_same_query(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	/* Same filters and sort as the page; paging is ignored. */
	const char *q = "kind=pear&sort=-made_on&page=2&per_page=2";
	struct fz_xlsx_table *t = export(fx, q, &err);
	assert_non_null(t);
	json_t *p = page(fx, &toy_list, "kind=pear&sort=-made_on&per_page=100", &err);
	assert_int_equal(t->nrows - 1, total(p));
	static const char *const heads[] = {"编号", "代码", "名称", "品种", "单位", "制作日期", "大件"};
	for (int c = 0; c < 7; c++)
		assert_string_equal(fz_xlsx_cell(t, 0, c), heads[c]);
	for (int r = 1; r < t->nrows; r++) {
		json_t *row = json_array_get(json_object_get(p, "items"), (size_t)r - 1);
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)json_integer_value(json_object_get(row, "toy_id")));
		assert_string_equal(fz_xlsx_cell(t, r, 0), id);
		assert_string_equal(fz_xlsx_cell(t, r, 1), fz_json_str(row, "code")); /* "029": text kept */
		assert_string_equal(fz_xlsx_cell(t, r, 3), "梨");
		/* A date is a date cell: the reader sees its serial number (days since 1899-12-30). */
		int day;
		fz_date_parse(fz_json_str(row, "made_on"), &day);
		char serial[16];
		snprintf(serial, sizeof serial, "%d", day - fz_date_from_ymd(1899, 12, 30));
		assert_string_equal(fz_xlsx_cell(t, r, 5), serial);
		assert_string_equal(fz_xlsx_cell(t, r, 6), json_is_true(json_object_get(row, "big")) ? "是" : "否");
	}
	fz_xlsx_table_free(t);
	json_decref(p);

	/* The agency's user exports its own rows only. */
	fx->user.role = FZ_ROLE_AGENCY_HEAD;
	t = export(fx, "", &err);
	assert_int_equal(t->nrows - 1, 15);
	for (int r = 1; r < t->nrows; r++)
		assert_string_equal(fz_xlsx_cell(t, r, 4), "甲局");
	fz_xlsx_table_free(t);
	fx->user.role = FZ_ROLE_LEGAL_STAFF;

	/* A bad filter is refused as on the page. */
	assert_null(export(fx, "kind=banana", &err));
	assert_string_equal(err.field, "kind");
}

static void export_limit(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	fz_db_begin(fx->db, &err);
	struct fz_stmt *st = fz_db_query(
		fx->db, &err,
		"WITH RECURSIVE k(i) AS (SELECT 31 UNION ALL SELECT i + 1 FROM k WHERE i < ?)"
		" INSERT INTO toy(toy_id, agency_id, kind, state, name, made_on) SELECT i, 1, 'apple',"
		" 'open', 'x', '2026-01-01' FROM k",
		"i", (int64_t)(FZ_LIST_EXPORT_MAX + 1));
	assert_int_equal(fz_stmt_exec(st, &err), FZ_OK);
	fz_db_commit(fx->db, &err);
	/* 30 + 9971 = 10001 rows: one too many. */
	assert_null(export(fx, "", &err));
	assert_int_equal(err.code, FZ_EBAD_VALUE);
	assert_non_null(strstr(err.message, "10000"));
	/* Narrowed by a filter, it goes. */
	struct fz_xlsx_table *t = export(fx, "kind=apple&year=2026", &err);
	assert_non_null(t);
	assert_int_equal(t->nrows - 1, FZ_LIST_EXPORT_MAX + 1 - 30 + 6);
	fz_xlsx_table_free(t);
}

/* ---- the statistics year --------------------------------------------------- */

static void stats_year(void **state)
{
	struct fixture *fx = *state;
	static const struct {
		int m, d, want;
	} rows[] = {{1, 1, 2025}, {1, 31, 2025}, {3, 31, 2025}, {4, 1, 2026}, {12, 31, 2026}};
	for (size_t i = 0; i < NROWS(rows); i++) {
		fx->ctx.today = fz_date_from_ymd(2026, rows[i].m, rows[i].d);
		if (fz_stats_year(&fx->ctx) != rows[i].want)
			fail_msg("2026-%02d-%02d: %d, want %d", rows[i].m, rows[i].d,
				 fz_stats_year(&fx->ctx), rows[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(filters_table, setup, teardown),
		cmocka_unit_test_setup_teardown(refusals_table, setup, teardown),
		cmocka_unit_test_setup_teardown(sorts_and_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(rows_scope_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(export_same_query, setup, teardown),
		cmocka_unit_test_setup_teardown(export_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(stats_year, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
