/*
 * lists.c - the one engine behind every declared list (lists.h): checks a
 * query against the declaration, assembles the SQL from the declared
 * fragments with every value bound, and answers a page or an Excel export.
 *
 * What must stay true: no byte of the query reaches the SQL text (values go
 * into binds, names only select declared fragments), and a page and an
 * export of the same query see the same rows in the same order.
 */
#include "platform/lists.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "platform/cases.h"
#include "platform/jsonx.h"
#include "platform/module.h"
#include "platform/search.h"
#include "platform/spreadsheets.h"

#define PAGE_MAX 100000

const struct fz_option fz_list_clock_bands[] = {
	{"green", "正常"}, {"yellow", "即将到期"}, {"red", "已超期"}, {NULL, NULL}};

/* ---- building the WHERE ---------------------------------------------------------- */

static void where_add(struct fz_list_run *run, const char *frag)
{
	size_t n = strlen(run->where), k = strlen(frag);
	/* Fragments are the declaration's fixed text: running out is a programmer error. */
	assert(n + k < sizeof run->where);
	memcpy(run->where + n, frag, k + 1);
}

void fz_list_where(struct fz_list_run *run, const char *cond)
{
	where_add(run, " AND (");
	where_add(run, cond);
	where_add(run, ")");
}

static void bind(struct fz_list_run *run, struct fz_bind b)
{
	/* Two left for LIMIT and OFFSET. */
	assert(run->nbinds + 2 < FZ_LIST_MAX_BINDS);
	run->binds[run->nbinds++] = b;
}

void fz_list_bind_int(struct fz_list_run *run, int64_t v)
{
	bind(run, (struct fz_bind){'i', v, NULL});
}

void fz_list_bind_text(struct fz_list_run *run, const char *v)
{
	bind(run, (struct fz_bind){'t', 0, v});
}

void fz_list_bind_select(struct fz_list_run *run, struct fz_bind b)
{
	assert(run->nselect < sizeof run->select_binds / sizeof run->select_binds[0]);
	run->select_binds[run->nselect++] = b;
}

static int filter_index(const struct fz_list *l, const char *param)
{
	for (int i = 0; l->filters && l->filters[i].param; i++)
		if (strcmp(l->filters[i].param, param) == 0)
			return i;
	return -1;
}

const char *fz_list_value(const struct fz_list_run *run, const char *param)
{
	int i = filter_index(run->list, param);
	return i < 0 ? NULL : run->values[i];
}

int64_t fz_list_int(const struct fz_list_run *run, const char *param, int64_t def)
{
	int i = filter_index(run->list, param);
	return i < 0 || !run->values[i] ? def : run->ints[i];
}

/* ---- checking the query ---------------------------------------------------------- */

/* A parameter's value, copied: a getter need not keep its answers (NULL when absent or ""). */
static const char *param(struct fz_list_run *run, const char *key)
{
	const char *v = key ? run->get(run->data, key) : NULL;
	return v && *v ? fz_arena_strdup(run->ctx->arena, v) : NULL;
}

/* "a（甲）、b（乙）" of an option list, for a refusal. */
static const char *choices(struct fz_arena *a, const struct fz_option *o)
{
	const char *s = "";
	for (const struct fz_option *p = o; p && p->value; p++)
		s = fz_arena_printf(a, "%s%s%s（%s）", s, p == o ? "" : "、", p->value, p->label);
	return s;
}

static const char *state_choices(struct fz_arena *a, const struct fz_case_type *t)
{
	const char *s = "";
	for (const struct fz_state *x = t->states; x->name; x++)
		s = fz_arena_printf(a, "%s%s%s（%s）", s, *s ? "、" : "", x->name, x->label);
	return s;
}

static const char *hint(struct fz_arena *a, const struct fz_list_filter *f)
{
	return f->hint ? fz_arena_printf(a, "（%s）", f->hint) : "";
}

static enum fz_code bad_choice(const struct fz_list_filter *f, const char *v, const char *all,
			       struct fz_err *err)
{
	return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s“%s”无效，可选 %s", f->label, v, all);
}

static const char *option_value(const struct fz_list_filter *f, const char *v)
{
	for (const struct fz_option *o = f->options; o && o->value; o++)
		if (strcmp(o->value, v) == 0 || (f->labels_too && strcmp(o->label, v) == 0))
			return o->value;
	return NULL;
}

/* The case type the list's FZ_LF_CASE_TYPE filter names, or NULL. */
static const struct fz_case_type *chosen_type(struct fz_list_run *run)
{
	for (int i = 0; run->list->filters[i].param; i++) {
		if (run->list->filters[i].kind != FZ_LF_CASE_TYPE)
			continue;
		const struct fz_case_kind *k = fz_case_kind_for_type(param(run, run->list->filters[i].param), NULL);
		return k ? k->type : NULL;
	}
	return NULL;
}

static enum fz_code check_state(struct fz_list_run *run, const struct fz_list_filter *f,
				const char *v, struct fz_err *err)
{
	const struct fz_case_type *t = f->type ? f->type : chosen_type(run);
	if (t)
		return fz_flow_state(t, v) ? FZ_OK
					   : bad_choice(f, v, state_choices(run->ctx->arena, t), err);
	size_t n = fz_platform_kind_count();
	for (size_t i = 0; i < n; i++)
		if (fz_flow_state(fz_platform_kind(i)->type, v))
			return FZ_OK;
	return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s“%s”不存在", f->label, v);
}

static enum fz_code check_case_type(struct fz_list_run *run, const struct fz_list_filter *f,
				    const char *v, struct fz_err *err)
{
	if (fz_case_kind_for_type(v, NULL))
		return FZ_OK;
	const char *all = "";
	size_t n = fz_platform_kind_count();
	for (size_t i = 0; i < n; i++) {
		const struct fz_case_type *t = fz_platform_kind(i)->type;
		all = fz_arena_printf(run->ctx->arena, "%s%s%s（%s）", all, i ? "、" : "", t->name, t->label);
	}
	return bad_choice(f, v, all, err);
}

static enum fz_code check_agency(struct fz_list_run *run, const struct fz_list_filter *f,
				 const char *v, int64_t *id, struct fz_err *err)
{
	if (!fz_parse_int(v, 1, INT64_MAX, id))
		return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s应为单位编号（正整数）", f->label);
	struct fz_stmt *st = fz_db_query(run->ctx->db, err, "SELECT 1 FROM agency WHERE agency_id = ?",
					 "i", *id);
	if (!st)
		return err->code;
	bool known = fz_stmt_row(st);
	fz_stmt_done(st);
	if (!known)
		return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s单位（编号 %lld）不存在", f->label,
				  (long long)*id);
	return FZ_OK;
}

static enum fz_code add_dates(struct fz_list_run *run, int i, struct fz_err *err)
{
	const struct fz_list_filter *f = &run->list->filters[i];
	const char *from = param(run, f->param), *to = param(run, f->param_to);
	int d0 = 0, d1 = 0;
	if (from && fz_date_parse(from, &d0) != FZ_OK)
		return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s起始日期应为 YYYY-MM-DD 格式的日期",
				  f->label);
	if (to && fz_date_parse(to, &d1) != FZ_OK)
		return fz_err_set(err, FZ_EBAD_VALUE, f->param_to, "%s截止日期应为 YYYY-MM-DD 格式的日期",
				  f->label);
	if (from && to && d0 > d1)
		return fz_err_set(err, FZ_EBAD_VALUE, f->param_to, "%s截止日期不能早于起始日期", f->label);
	run->values[i] = from ? from : to;
	if (!f->sql)
		return FZ_OK;
	if (from) {
		fz_list_where(run, fz_arena_printf(run->ctx->arena, "%s >= ?", f->sql));
		fz_list_bind_text(run, from);
	}
	if (to) {
		fz_list_where(run, fz_arena_printf(run->ctx->arena, "%s <= ?", f->sql));
		fz_list_bind_text(run, to);
	}
	return FZ_OK;
}

static void add_year(struct fz_list_run *run, const char *col, int year)
{
	char *lo = fz_arena_alloc(run->ctx->arena, 11), *hi = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	fz_list_where(run, fz_arena_printf(run->ctx->arena, "%s >= ? AND %s <= ?", col, col));
	fz_list_bind_text(run, lo);
	fz_list_bind_text(run, hi);
}

/* The clock bands of supervision: red past due, yellow within the warning window, green after. */
static void add_clock(struct fz_list_run *run, const char *col, const char *band)
{
	struct fz_ctx *ctx = run->ctx;
	int yellow = fz_ctx_yellow_days(ctx), soon;
	if (fz_calendar_add_workdays(ctx->cal, ctx->today, yellow, &soon) != FZ_OK)
		soon = ctx->today + yellow;
	char *t = fz_arena_alloc(ctx->arena, 11), *s = fz_arena_alloc(ctx->arena, 11);
	fz_date_format(ctx->today, t);
	fz_date_format(soon, s);
	if (strcmp(band, "red") == 0) {
		fz_list_where(run, fz_arena_printf(ctx->arena, "%s < ?", col));
		fz_list_bind_text(run, t);
	} else {
		/*
		 * Inside the county's window, each clock's own (core/clock.h
		 * fz_clock_warn_days): a case row (c.due_date, case_record c as in
		 * FZ_CASE_ROW_COLS) asks its clocks due that day; any other column
		 * takes the county's window.
		 */
		bool case_row = strcmp(col, "c.due_date") == 0;
		const char *own = case_row ? fz_case_warn_case_sql(ctx, "c") : "1 = 1";
		if (strcmp(band, "yellow") == 0) {
			fz_list_where(run, fz_arena_printf(ctx->arena, "%s >= ? AND %s <= ? AND %s",
							   col, col, own));
		} else {
			/*
			 * Green also holds a case row whose running clock falls due in a
			 * year whose holidays are not loaded (no due day yet; the row shows
			 * the provisional one, far beyond the window).
			 */
			fz_list_where(
				run,
				fz_arena_printf(
					ctx->arena,
					"(NOT (%s >= ? AND %s <= ? AND %s) AND %s >= ?%s)", col, col, own,
					col,
					case_row ? " OR (c.due_date IS NULL AND EXISTS (SELECT 1 FROM"
						   " case_clock pk WHERE pk.case_id = c.case_id AND"
						   " pk.state = 'running' AND pk.due_date IS NULL))"
						 : ""));
		}
		fz_list_bind_text(run, t);
		fz_list_bind_text(run, s);
		if (strcmp(band, "yellow") != 0)
			fz_list_bind_text(run, t);
	}
}

static enum fz_code add_keyword(struct fz_list_run *run, const struct fz_list_filter *f,
				const char *v, struct fz_err *err)
{
	struct fz_arena *a = run->ctx->arena;
	int max = f->max_chars ? f->max_chars : 100;
	if (fz_utf8_chars(v) > (size_t)max)
		return fz_err_set(err, FZ_EBAD_VALUE, f->param, "关键词不能超过 %d 个字", max);
	char *clause = fz_arena_alloc(a, 200), *value = fz_arena_alloc(a, 512);
	if (f->index && fz_search_match(run->ctx->db, f->index, f->key, v, clause, 200, value, 512)) {
		run->tally_ok = false;
		if (f->equal) {
			fz_list_where(run, fz_arena_printf(a, "%s OR %s = ?", clause, f->equal));
			fz_list_bind_text(run, value);
			fz_list_bind_text(run, v);
		} else {
			fz_list_where(run, clause);
			fz_list_bind_text(run, value);
		}
		return FZ_OK;
	}
	fz_search_like(v, value, 512);
	const char *cond = "";
	for (const char *const *c = f->like; c && *c; c++) {
		cond = fz_arena_printf(a, "%s%s%s LIKE ? ESCAPE '\\'", cond, *cond ? " OR " : "", *c);
		fz_list_bind_text(run, value);
	}
	if (*cond) {
		run->tally_ok = false;
		fz_list_where(run, cond);
	}
	return FZ_OK;
}

/* Checks filter i's value v and adds its condition. */
static enum fz_code add_filter(struct fz_list_run *run, int i, const char *v, struct fz_err *err)
{
	const struct fz_list_filter *f = &run->list->filters[i];
	struct fz_arena *a = run->ctx->arena;
	enum fz_code rc = FZ_OK;
	int64_t n = 0;
	switch (f->kind) {
	case FZ_LF_OPTION:
		if (!(v = option_value(f, v)))
			return bad_choice(f, param(run, f->param), choices(a, f->options), err);
		break;
	case FZ_LF_STATE:
		rc = check_state(run, f, v, err);
		break;
	case FZ_LF_CASE_TYPE:
		rc = check_case_type(run, f, v, err);
		break;
	case FZ_LF_ID:
		if (!fz_parse_int(v, 1, INT64_MAX, &n))
			return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s应为正整数", f->label);
		break;
	case FZ_LF_AGENCY:
		rc = check_agency(run, f, v, &n, err);
		break;
	case FZ_LF_INT:
	case FZ_LF_YEAR: {
		int64_t lo = f->min, hi = f->max;
		if (f->kind == FZ_LF_YEAR && !lo && !hi)
			lo = 2000, hi = 2100;
		if (!fz_parse_int(v, lo, hi, &n))
			return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s应为 %lld 至 %lld 的整数%s",
					  f->label, (long long)lo, (long long)hi, hint(a, f));
		break;
	}
	case FZ_LF_FLAG:
		if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
			return FZ_OK;
		if (strcmp(v, "1") != 0 && strcmp(v, "true") != 0)
			return fz_err_set(err, FZ_EBAD_VALUE, f->param, "%s应为 1（是）或 0（否）", f->label);
		break;
	case FZ_LF_CLOCK:
		if (!option_value(&(struct fz_list_filter){.options = fz_list_clock_bands}, v))
			return bad_choice(f, v, choices(a, fz_list_clock_bands), err);
		break;
	case FZ_LF_KEYWORD:
		if (fz_text_blank(v))
			return FZ_OK;
		break;
	case FZ_LF_CUSTOM:
	case FZ_LF_DATES:
		break;
	}
	if (rc)
		return rc;
	run->values[i] = v;
	run->ints[i] = n;
	if (!f->tally)
		run->tally_ok = false;
	if (!f->sql && f->kind != FZ_LF_CUSTOM && f->kind != FZ_LF_KEYWORD)
		return FZ_OK;
	switch (f->kind) {
	case FZ_LF_YEAR:
		add_year(run, f->sql, (int)n);
		return FZ_OK;
	case FZ_LF_CLOCK:
		add_clock(run, f->sql, v);
		return FZ_OK;
	case FZ_LF_FLAG:
		fz_list_where(run, f->sql);
		return FZ_OK;
	case FZ_LF_KEYWORD:
		return add_keyword(run, f, v, err);
	case FZ_LF_CUSTOM:
		return f->custom(run, v, err);
	case FZ_LF_ID:
	case FZ_LF_AGENCY:
	case FZ_LF_INT:
		fz_list_where(run, f->sql);
		fz_list_bind_int(run, n);
		return FZ_OK;
	default:
		fz_list_where(run, f->sql);
		fz_list_bind_text(run, v);
		return FZ_OK;
	}
}

/* Where the facet's own condition sits in where and binds, to count without it. */
struct facet_cut {
	size_t at, len, b0, nb;
};

static enum fz_code add_filters(struct fz_list_run *run, struct facet_cut *cut, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	for (int i = 0; l->filters && l->filters[i].param; i++) {
		assert(i < FZ_LIST_MAX_FILTERS);
		const struct fz_list_filter *f = &l->filters[i];
		size_t at = strlen(run->where), b0 = run->nbinds;
		enum fz_code rc;
		if (f->kind == FZ_LF_DATES)
			rc = add_dates(run, i, err);
		else {
			const char *v = param(run, f->param);
			rc = v ? add_filter(run, i, v, err) : FZ_OK;
		}
		if (rc)
			return rc;
		if (l->facet && strcmp(l->facet, f->param) == 0)
			*cut = (struct facet_cut){at, strlen(run->where) - at, b0, run->nbinds - b0};
	}
	return FZ_OK;
}

/* ---- sort and paging ------------------------------------------------------------- */

/* The ORDER BY terms of s, each followed by DESC when desc, then the tie-breaker. */
static const char *order_terms(struct fz_arena *a, const struct fz_list *l,
			       const struct fz_list_sort *s, bool desc)
{
	const char *dir = desc ? " DESC" : "", *out = "";
	const char *p = s->expr;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);
		char *term = fz_arena_strndup(a, p, n);
		if (s->nulls_last)
			out = fz_arena_printf(a, "%s%s%s IS NULL", out, *out ? ", " : "", term);
		out = fz_arena_printf(a, "%s%s%s%s", out, *out ? ", " : "", term, dir);
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
	}
	if (l->tiebreak && strcmp(l->tiebreak, s->expr) != 0)
		out = fz_arena_printf(a, "%s, %s%s", out, l->tiebreak, dir);
	return out;
}

static enum fz_code parse_sort(struct fz_list_run *run, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	struct fz_arena *a = run->ctx->arena;
	if (!l->sorts) {
		run->order = l->order;
		return FZ_OK;
	}
	const char *v = param(run, "sort");
	const char *want = v ? v : l->sort_default;
	bool desc = want[0] == '-';
	const char *all = "";
	bool two_way = false;
	for (const struct fz_list_sort *s = l->sorts; s->name; s++) {
		bool s_desc = s->name[0] == '-';
		if (strcmp(s->name + s_desc, want + desc) == 0 && (!s->one_way || s_desc == desc)) {
			run->order = order_terms(a, l, s, desc);
			return FZ_OK;
		}
		all = fz_arena_printf(a, "%s%s%s", all, *all ? "、" : "", s->name);
		two_way |= !s->one_way;
	}
	return fz_err_set(err, FZ_EBAD_VALUE, "sort", "排序方式“%s”无效，可选 %s%s", want, all,
			  two_way ? "（前加 - 为倒序）" : "");
}

static enum fz_code parse_paging(struct fz_list_run *run, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	int max = l->per_page_max ? l->per_page_max : 100;
	int64_t v;
	const char *s;
	run->page = 1;
	run->per_page = l->per_page ? l->per_page : 20;
	if ((s = param(run, "page"))) {
		if (!fz_parse_int(s, 1, PAGE_MAX, &v))
			return fz_err_set(err, FZ_EBAD_VALUE, "page", "页码应为 1 至 %d 的整数", PAGE_MAX);
		run->page = (int)v;
	}
	if ((s = param(run, "per_page"))) {
		if (!fz_parse_int(s, 1, max, &v))
			return fz_err_set(err, FZ_EBAD_VALUE, "per_page", "每页条数应为 1 至 %d 的整数", max);
		run->per_page = (int)v;
	}
	return FZ_OK;
}

/*
 * The ids of the cases shared with the caller's agency, one SELECT per case
 * kind with a shares rule, each taking the agency as its one parameter; NULL
 * when no kind shares its cases.
 */
static const char *shared_cases(struct fz_list_run *run)
{
	const char *sql = NULL;
	for (size_t i = 0, n = fz_platform_kind_count(); i < n; i++) {
		const struct fz_case_kind *k = fz_platform_kind(i);
		if (!k->shares)
			continue;
		sql = fz_arena_printf(run->ctx->arena, "%s%sSELECT s%zu.case_id FROM (%s) s%zu WHERE s%zu.agency_id = ?",
				      sql ? sql : "", sql ? " UNION " : "", i, k->shares, i, i);
	}
	return sql;
}

/* Everything a run needs before its SQL: filters, scope, hooks, sort and paging. */
static enum fz_code prepare(struct fz_list_run *run, struct facet_cut *cut, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	run->tally_ok = l->tally != NULL || l->tally_from != NULL;
	run->where[0] = '\0';
	if (l->where)
		fz_list_where(run, l->where);
	if (l->scope && !fz_ctx_sees_all(run->ctx)) {
		int64_t agency = run->ctx->user ? run->ctx->user->agency_id : -1;
		const char *shares = l->shared ? shared_cases(run) : NULL;
		fz_list_where(run, shares ? fz_arena_printf(run->ctx->arena, "(%s = ? OR %s IN (%s))",
							    l->scope, l->shared, shares)
					  : fz_arena_printf(run->ctx->arena, "%s = ?", l->scope));
		fz_list_bind_int(run, agency);
		if (shares)
			run->tally_ok = false; /* the tally knows agencies, not shares */
		for (size_t i = 0, n = fz_platform_kind_count(); shares && i < n; i++)
			if (fz_platform_kind(i)->shares)
				fz_list_bind_int(run, agency);
	}
	enum fz_code rc;
	if ((rc = add_filters(run, cut, err)) || (rc = parse_sort(run, err)) ||
	    (rc = parse_paging(run, err)))
		return rc;
	if (l->prepare) {
		size_t n = strlen(run->where);
		if ((rc = l->prepare(run, err)))
			return rc;
		if (strlen(run->where) != n)
			run->tally_ok = false;
	}
	return FZ_OK;
}

/* ---- running --------------------------------------------------------------------- */

static const char *select_list(struct fz_list_run *run)
{
	const struct fz_list *l = run->list;
	if (l->row)
		return l->select;
	const char *s = "";
	for (const struct fz_list_col *c = l->columns; c->key; c++)
		s = fz_arena_printf(run->ctx->arena, "%s%s%s", s, *s ? ", " : "", c->sql);
	return s;
}

static enum fz_code count_rows(struct fz_list_run *run, int64_t *total, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	const char *sql =
		run->tally_ok && l->tally_from
			? fz_arena_printf(run->ctx->arena, "SELECT COALESCE(SUM(n), 0) FROM %s WHERE 1 = 1%s",
					  l->tally_from, run->where)
		: run->tally_ok
			? fz_arena_printf(run->ctx->arena, "%s WHERE 1 = 1%s", l->tally, run->where)
			: fz_arena_printf(run->ctx->arena, "SELECT COUNT(*) FROM %s WHERE 1 = 1%s",
					  l->count_from ? l->count_from : l->from, run->where);
	struct fz_stmt *st = fz_db_query_v(run->ctx->db, err, sql, run->binds, run->nbinds);
	if (!st)
		return err->code;
	*total = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

static json_t *columns_row(const struct fz_list *l, struct fz_stmt *st)
{
	json_t *o = json_object();
	int i = 0;
	for (const struct fz_list_col *c = l->columns; c->key; c++, i++) {
		json_t *v;
		if (fz_col_null(st, i))
			v = json_null();
		else if (c->kind == FZ_LC_NUMBER)
			v = json_integer(fz_col_int(st, i));
		else if (c->kind == FZ_LC_BOOL)
			v = json_boolean(fz_col_int(st, i) != 0);
		else if (c->kind == FZ_LC_LABEL)
			v = json_string(fz_option_label(c->options, fz_col_text(st, i)));
		else
			v = json_string(fz_col_text(st, i));
		json_object_set_new(o, c->key, v);
	}
	return o;
}

/* Whether every "alias." in sql is one of aliases (a space-separated list). */
static bool names_only(const char *sql, const char *aliases)
{
	for (const char *p = sql; *p; p++) {
		if (*p == '\'') { /* skip a literal */
			while (*++p && *p != '\'')
				;
			if (!*p)
				return true;
			continue;
		}
		if (!(isalpha((unsigned char)*p) || *p == '_') ||
		    (p > sql && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.')))
			continue;
		const char *e = p;
		while (isalnum((unsigned char)*e) || *e == '_')
			e++;
		if (*e == '.') {
			size_t n = (size_t)(e - p);
			bool ok = false;
			for (const char *a = aliases; *a;) {
				size_t m = strcspn(a, " ");
				if (m == n && strncmp(a, p, n) == 0)
					ok = true;
				a += m;
				a += strspn(a, " ");
			}
			if (!ok)
				return false;
		}
		p = e - 1;
	}
	return true;
}

/* The rows of the page (limit rows from offset) as a JSON array in *items. */
static enum fz_code fetch_rows(struct fz_list_run *run, int64_t limit, int64_t offset,
			       json_t **items, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	const char *sql;
	if (l->key_from && names_only(run->where, l->key_aliases) &&
	    names_only(run->order, l->key_aliases))
		sql = fz_arena_printf(run->ctx->arena,
				      "SELECT %s FROM %s WHERE %s IN (SELECT %s FROM %s WHERE 1 = 1%s"
				      " ORDER BY %s LIMIT ? OFFSET ?) ORDER BY %s",
				      select_list(run), l->from, l->key, l->key, l->key_from,
				      run->where, run->order, run->order);
	else
		sql = fz_arena_printf(run->ctx->arena,
				      "SELECT %s FROM %s WHERE 1 = 1%s ORDER BY %s LIMIT ? OFFSET ?",
				      select_list(run), l->from, run->where, run->order);
	struct fz_bind b[FZ_LIST_MAX_BINDS + 4];
	size_t n = 0;
	for (size_t i = 0; i < run->nselect; i++)
		b[n++] = run->select_binds[i];
	for (size_t i = 0; i < run->nbinds; i++)
		b[n++] = run->binds[i];
	b[n++] = (struct fz_bind){'i', limit, NULL};
	b[n++] = (struct fz_bind){'i', offset, NULL};
	struct fz_stmt *st = fz_db_query_v(run->ctx->db, err, sql, b, n);
	if (!st)
		return err->code;
	json_t *a = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(a, l->row ? l->row(run->ctx, st, l->arg) : columns_row(l, st));
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(a);
		return err->code;
	}
	*items = a;
	return FZ_OK;
}

/* "<facet>_counts": each value of the facet's options with its count under the other filters. */
static enum fz_code facet_counts(struct fz_list_run *run, const struct facet_cut *cut,
				 json_t *out, struct fz_err *err)
{
	const struct fz_list *l = run->list;
	const struct fz_list_filter *f = &l->filters[filter_index(l, l->facet)];
	char *where = fz_arena_strdup(run->ctx->arena, run->where);
	memmove(where + cut->at, where + cut->at + cut->len, strlen(where + cut->at + cut->len) + 1);
	struct fz_bind b[FZ_LIST_MAX_BINDS];
	size_t n = 0;
	for (size_t i = 0; i < run->nbinds; i++)
		if (i < cut->b0 || i >= cut->b0 + cut->nb)
			b[n++] = run->binds[i];
	/* The filter's condition is "<column> = ?": its column is what the counts group by. */
	const char *eq = strstr(f->sql, " = ?");
	assert(eq);
	char *col = fz_arena_strndup(run->ctx->arena, f->sql, (size_t)(eq - f->sql));
	const char *sql =
		run->tally_ok && l->tally_from && f->tally
			? fz_arena_printf(run->ctx->arena,
					  "SELECT %s, SUM(n) FROM %s WHERE 1 = 1%s GROUP BY %s", col,
					  l->tally_from, where, col)
			: fz_arena_printf(run->ctx->arena,
					  "SELECT %s, COUNT(*) FROM %s WHERE 1 = 1%s GROUP BY %s", col,
					  l->count_from ? l->count_from : l->from, where, col);
	struct fz_stmt *st = fz_db_query_v(run->ctx->db, err, sql, b, n);
	if (!st)
		return err->code;
	json_t *counts = json_array();
	for (const struct fz_option *o = f->options; o->value; o++)
		json_array_append_new(counts, json_pack("{s:s, s:s, s:i}", "value", o->value, "label",
							o->label, "count", 0));
	while (fz_stmt_row(st)) {
		size_t k;
		json_t *c;
		json_array_foreach(counts, k, c)
		{
			if (fz_col_text(st, 0) && strcmp(fz_json_str(c, "value"), fz_col_text(st, 0)) == 0)
				json_object_set_new(c, "count", json_integer(fz_col_int(st, 1)));
		}
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(counts);
		return err->code;
	}
	json_object_set_new(out, fz_arena_printf(run->ctx->arena, "%s_counts", l->facet), counts);
	return FZ_OK;
}

static void run_init(struct fz_list_run *run, struct fz_ctx *ctx, const struct fz_list *l,
		     const char *(*get)(void *, const char *), void *data)
{
	memset(run, 0, sizeof *run);
	run->ctx = ctx;
	run->list = l;
	run->get = get;
	run->data = data;
}

static enum fz_code page_run(struct fz_list_run *run, json_t **out, struct fz_err *err)
{
	struct facet_cut cut = {0, 0, 0, 0};
	int64_t total;
	json_t *items = NULL;
	enum fz_code rc;
	if ((rc = prepare(run, &cut, err)) || (rc = count_rows(run, &total, err)) ||
	    (rc = fetch_rows(run, run->per_page, (int64_t)(run->page - 1) * run->per_page, &items,
			     err)))
		return rc;
	json_t *o = json_pack("{s:o, s:I, s:i, s:i}", "items", items, "total", (json_int_t)total,
			      "page", run->page, "per_page", run->per_page);
	if ((run->list->facet && (rc = facet_counts(run, &cut, o, err))) ||
	    (run->list->finish && (rc = run->list->finish(run, o, err)))) {
		json_decref(o);
		return rc;
	}
	*out = o;
	return FZ_OK;
}

enum fz_code fz_list_page(struct fz_ctx *ctx, const struct fz_list *l,
			  const char *(*get)(void *data, const char *key), void *data,
			  json_t **out, struct fz_err *err)
{
	struct fz_list_run run;
	run_init(&run, ctx, l, get, data);
	return page_run(&run, out, err);
}

static const char *req_get(void *data, const char *key)
{
	return fz_req_query(data, key);
}

enum fz_code fz_list_answer(struct fz_req *req, const struct fz_list *l, json_t **out,
			    struct fz_err *err)
{
	struct fz_list_run run;
	run_init(&run, req->ctx, l, req_get, req);
	run.req = req;
	return page_run(&run, out, err);
}

/* ---- export ---------------------------------------------------------------------- */

/* The member at a dotted key ("certificate.number") of a row, or NULL. */
static json_t *member(struct fz_arena *a, json_t *row, const char *key)
{
	const char *dot;
	while ((dot = strchr(key, '.')) && row) {
		row = json_object_get(row, fz_arena_strndup(a, key, (size_t)(dot - key)));
		key = dot + 1;
	}
	return row ? json_object_get(row, key) : NULL;
}

static const char *cell_text(struct fz_arena *a, json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v))
		return fz_arena_printf(a, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return fz_arena_printf(a, "%g", json_real_value(v));
	if (json_is_boolean(v))
		return json_is_true(v) ? "是" : "否";
	return NULL;
}

/* A cell's text: the value, or its label in the column's options. */
static const char *cell(struct fz_arena *a, const struct fz_list_col *c, json_t *v)
{
	const char *t = cell_text(a, v);
	return t && c->options ? fz_option_label(c->options, t) : t;
}

/* The rows as one sheet: header row, then each row's exported members. */
static enum fz_code workbook(struct fz_list_run *run, json_t *items, char **xlsx, size_t *len,
			     struct fz_err *err)
{
	struct fz_arena *a = run->ctx->arena;
	const struct fz_list *l = run->list;
	int cols = 0;
	for (const struct fz_list_col *c = l->columns; c && c->key; c++)
		cols += c->header != NULL;
	if (!cols)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "该列表没有声明导出列");
	size_t rows = json_array_size(items) + 1;
	const char **cells = fz_arena_alloc(a, sizeof *cells * rows * (size_t)cols);
	int *widths = fz_arena_alloc(a, sizeof *widths * (size_t)cols);
	char *kinds = fz_arena_alloc(a, (size_t)cols + 1);
	int k = 0;
	for (const struct fz_list_col *c = l->columns; c->key; c++) {
		if (!c->header)
			continue;
		cells[k] = c->header;
		widths[k] = c->width ? c->width : 14;
		kinds[k++] = c->kind == FZ_LC_NUMBER ? 'n' : c->kind == FZ_LC_DATE ? 'd' : 't';
	}
	kinds[k] = '\0';
	for (size_t r = 1; r < rows; r++) {
		json_t *row = json_array_get(items, r - 1);
		k = 0;
		for (const struct fz_list_col *c = l->columns; c->key; c++)
			if (c->header)
				cells[r * (size_t)cols + (size_t)k++] = cell(a, c, member(a, row, c->key));
	}
	const char *name = fz_arena_strndup(a, l->name, 31); /* a sheet name's limit (bytes suffice) */
	while (!fz_utf8_valid(name, strlen(name)))
		((char *)name)[strlen(name) - 1] = '\0';
	struct fz_sheet sheet = {.name = name, .rows = (int)rows, .cols = cols, .cells = cells,
				 .header_rows = 1, .widths = widths, .kinds = kinds};
	return fz_xlsx_build(&sheet, 1, xlsx, len, err);
}

static enum fz_code export_run(struct fz_list_run *run, char **xlsx, size_t *len,
			       struct fz_err *err)
{
	struct facet_cut cut = {0, 0, 0, 0};
	int64_t total;
	json_t *items = NULL;
	enum fz_code rc;
	if ((rc = prepare(run, &cut, err)) || (rc = count_rows(run, &total, err)))
		return rc;
	if (total > FZ_LIST_EXPORT_MAX)
		return fz_err_set(err, FZ_EBAD_VALUE, NULL,
				  "符合条件的%s有 %lld 条，一次最多导出 %d 条，请增加筛选条件后分批导出",
				  run->list->name, (long long)total, FZ_LIST_EXPORT_MAX);
	if ((rc = fetch_rows(run, FZ_LIST_EXPORT_MAX, 0, &items, err)))
		return rc;
	json_t *o = json_pack("{s:o}", "items", items);
	if (!(run->list->finish && (rc = run->list->finish(run, o, err))))
		rc = workbook(run, items, xlsx, len, err);
	json_decref(o);
	return rc;
}

enum fz_code fz_list_xlsx(struct fz_ctx *ctx, const struct fz_list *l,
			  const char *(*get)(void *data, const char *key), void *data,
			  char **xlsx, size_t *len, struct fz_err *err)
{
	struct fz_list_run run;
	run_init(&run, ctx, l, get, data);
	return export_run(&run, xlsx, len, err);
}

enum fz_code fz_list_export(struct fz_req *req, const struct fz_list *l, json_t **out,
			    struct fz_err *err)
{
	(void)out;
	struct fz_list_run run;
	run_init(&run, req->ctx, l, req_get, req);
	run.req = req;
	char *data = NULL;
	size_t len = 0;
	enum fz_code rc = export_run(&run, &data, &len, err);
	if (rc)
		return rc;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		    len, fz_arena_printf(req->ctx->arena, "%s.xlsx", l->name));
	return FZ_OK;
}

/* ---- the statistics year --------------------------------------------------------- */

int fz_stats_year(const struct fz_ctx *ctx)
{
	int y, m, d;
	fz_date_to_ymd(ctx->today, &y, &m, &d);
	return m <= 3 ? y - 1 : y;
}

enum fz_code fz_stats_year_arg(struct fz_req *req, int *year, struct fz_err *err)
{
	const char *s = fz_req_query(req, "year");
	int64_t v = fz_stats_year(req->ctx);
	if (s && !fz_parse_int(s, 2000, 2100, &v))
		return fz_err_set(err, FZ_EBAD_VALUE, "year", "年份应为 2000 至 2100 的整数");
	*year = (int)v;
	return FZ_OK;
}
