/* supervision.c - supervision counts, cards and the dashboard (supervision.h). */
#include "platform/supervision.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/cases.h"
#include "platform/jsonx.h"
#include "platform/module.h"
#include "platform/settings.h"

static void window(struct fz_ctx *ctx, char today[11], char soon[11], int *yellow_days)
{
	int yd = fz_ctx_yellow_days(ctx);
	int s = fz_clock_warn_end(ctx->cal, ctx->today, yd);
	fz_date_format(ctx->today, today);
	fz_date_format(s, soon);
	if (yellow_days)
		*yellow_days = yd;
}

/*
 * What an administrator must do before clocks go wrong: load next year's
 * official calendar (published by the State Council late each year), and the
 * clocks whose due date waits for it.
 */
static json_t *warnings(struct fz_ctx *ctx)
{
	json_t *w = json_array();
	int y, m, d;
	fz_date_to_ymd(ctx->today, &y, &m, &d);
	/* Today's own year missing is the worse case: no clock started today has a due day. */
	if (!fz_calendar_covers(ctx->cal, ctx->today))
		json_array_append_new(
			w, json_string(fz_arena_printf(
				   ctx->arena,
				   "%d 年（本年度）国务院节假日安排尚未载入：本年度起算或到期的期限无法计算到期日，"
				   "已逾期的期限仍按逾期监察。请管理员立即运行 fazhi calendar load 载入 %d 年日历。",
				   y, y)));
	else if (m >= 10 && !fz_calendar_covers(ctx->cal, fz_date_from_ymd(y + 1, 1, 1)))
		json_array_append_new(
			w, json_string(fz_arena_printf(
				   ctx->arena,
				   "%d 年国务院节假日安排尚未载入：跨入 %d 年的期限暂无法计算到期日。"
				   "请管理员在安排公布后运行 fazhi calendar load 载入。",
				   y + 1, y + 1)));
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT COUNT(*) FROM case_clock WHERE state = 'running' AND due_date IS NULL", NULL);
	int64_t n = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (n)
		json_array_append_new(w, json_string(fz_arena_printf(
					       ctx->arena,
					       "%lld 个期限跨入未载入节假日日历的年度，到期日待载入后自动计算。",
					       (long long)n)));
	return w;
}

/*
 * The one count of what is in hand, for supervision and the dashboard alike:
 * per agency (all, or the one in scope), its running or paused clocks (open),
 * those due in their warning window (yellow) and those past due (red), each
 * charged to the agency that keeps the clock (a respondent its answer,
 * platform/module.h shares). *out is the caller's; t gets the totals.
 */
static enum fz_code agency_clocks(struct fz_ctx *ctx, int64_t scope, const char *today,
				  const char *soon, json_t **out, struct fz_sup_totals *t,
				  struct fz_err *err)
{
	json_t *agencies = json_array();
	*t = (struct fz_sup_totals){0, 0, 0};
	/* Open clocks per agency, from the tally the triggers keep (core-005). */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT a.agency_id, a.name, COALESCE(k.open, 0) FROM agency a LEFT JOIN"
		" (SELECT agency_id, SUM(n) AS open FROM clock_tally GROUP BY agency_id) k"
		" ON k.agency_id = a.agency_id WHERE (? = 0 OR a.agency_id = ?)"
		" ORDER BY a.sort_order, a.agency_id",
		"ii", scope, scope);
	if (!st) {
		json_decref(agencies);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *a = json_object();
		json_object_set_new(a, "agency_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(a, "agency_name", fz_col_text(st, 1));
		json_object_set_new(a, "open", json_integer(fz_col_int(st, 2)));
		json_object_set_new(a, "yellow", json_integer(0));
		json_object_set_new(a, "red", json_integer(0));
		t->open += fz_col_int(st, 2);
		json_array_append_new(agencies, a);
	}
	fz_stmt_done(st);
	/*
	 * Red: the tally's due dates before today. Yellow: the tallied clocks due from
	 * today to the end of the county's window that are inside their own
	 * (a short period warns later, core/clock.h fz_clock_warn_days).
	 */
	st = fz_db_query(
		ctx->db, err,
		fz_arena_printf(
			ctx->arena,
			"SELECT agency_id, SUM(red), SUM(yellow) FROM ("
			"SELECT agency_id, n AS red, 0 AS yellow FROM clock_tally WHERE state = 'running'"
			" AND due_date <> '' AND due_date < ?1 AND (?3 = 0 OR agency_id = ?3)"
			" UNION ALL SELECT agency_id, 0, n FROM clock_tally WHERE state = 'running'"
			" AND due_date >= ?1 AND due_date <= ?2 AND %s AND (?3 = 0 OR agency_id = ?3)"
			") x GROUP BY agency_id",
			fz_case_warn_sql(ctx, "due_date", "half * 2")),
		"tti", today, soon, scope);
	if (!st) {
		json_decref(agencies);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		int64_t id = fz_col_int(st, 0), red = fz_col_int(st, 1),
			yellow = fz_col_int(st, 2);
		size_t i;
		json_t *a;
		json_array_foreach(agencies, i, a)
		{
			if (json_integer_value(json_object_get(a, "agency_id")) == id) {
				json_object_set_new(a, "yellow", json_integer(yellow));
				json_object_set_new(a, "red", json_integer(red));
			}
		}
		t->red += red;
		t->yellow += yellow;
	}
	fz_stmt_done(st);
	*out = agencies;
	return FZ_OK;
}

enum fz_code fz_supervision_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	char today[11], soon[11];
	int yd;
	window(ctx, today, soon, &yd);
	int64_t scope = fz_ctx_sees_all(ctx) ? 0 : (ctx->user ? ctx->user->agency_id : -1);
	json_t *agencies = NULL;
	struct fz_sup_totals t;
	enum fz_code rc = agency_clocks(ctx, scope, today, soon, &agencies, &t, err);
	if (rc)
		return rc;

	/*
	 * The most overdue first, straight off an index in due-date order so only
	 * the first 200 are read: (state, due_date) county-wide, (agency_id, state,
	 * due_date) for one agency.
	 */
	json_t *items = json_array();
	/* CROSS JOIN keeps case_clock the outer loop (SQLite does not reorder it), so
	 * the planner cannot start from agency and sort every overdue clock. */
	/* A clock due inside the county's window but outside its own is green: not listed. */
	const char *own = fz_case_warn_sql(ctx, "k.due_date", "k.days + k.extended_days");
	const char *item_sql[2] = {
		fz_arena_printf(ctx->arena,
				"SELECT c.case_id, c.number, c.title, a.name, k.name, k.due_date, k.unit,"
				" c.case_type, k.days + k.extended_days"
				" FROM case_clock k CROSS JOIN case_record c CROSS JOIN agency a"
				" WHERE c.case_id = k.case_id AND a.agency_id = k.agency_id"
				" AND k.state = 'running' AND k.due_date <= ? AND (k.due_date < ? OR %s)"
				" ORDER BY k.due_date LIMIT 200",
				own),
		fz_arena_printf(ctx->arena,
				"SELECT c.case_id, c.number, c.title, a.name, k.name, k.due_date, k.unit,"
				" c.case_type, k.days + k.extended_days"
				" FROM case_clock k CROSS JOIN case_record c CROSS JOIN agency a"
				" WHERE c.case_id = k.case_id AND a.agency_id = k.agency_id"
				" AND k.agency_id = ? AND k.state = 'running' AND k.due_date <= ?"
				" AND (k.due_date < ? OR %s) ORDER BY k.due_date LIMIT 200",
				own),
	};
	struct fz_stmt *st = scope ? fz_db_query(ctx->db, err, item_sql[1], "itt", scope, soon, today)
		   : fz_db_query(ctx->db, err, item_sql[0], "tt", soon, today);
	if (!st) {
		json_decref(agencies);
		json_decref(items);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *o = json_object();
		json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(o, "number", fz_col_text(st, 1));
		fz_json_set_str(o, "title", fz_col_text(st, 2));
		fz_json_set_str(o, "agency_name", fz_col_text(st, 3));
		const struct fz_case_kind *kind = fz_case_kind_for_type(fz_col_text(st, 7), NULL);
		const struct fz_clock_def *def =
			kind ? fz_flow_clock(kind->type, fz_col_text(st, 4)) : NULL;
		fz_json_set_str(o, "clock_label", def ? def->label : fz_col_text(st, 4));
		fz_json_set_str(o, "article", def ? def->article : NULL);
		fz_json_set_str(o, "clock_kind", def && def->validity ? "validity" : "deadline");
		fz_case_due_json_period(ctx, o, fz_col_text(st, 5), fz_col_text(st, 6),
					(int)fz_col_int(st, 8));
		json_object_set(o, "status", json_object_get(o, "clock_status"));
		/* Days left are working days or calendar days as the clock counts (the header's reminders). */
		enum fz_clock_unit unit = FZ_UNIT_WD;
		fz_clock_unit_parse(fz_col_text(st, 6), &unit);
		fz_json_set_str(o, "unit_label", fz_clock_unit_label(unit));
		json_array_append_new(items, o);
	}
	fz_stmt_done(st);
	*out = json_pack("{s:s, s:i, s:{s:I, s:I, s:I}, s:o, s:o, s:o}", "today", today,
			 "yellow_days", yd, "totals", "open", (json_int_t)t.open, "yellow",
			 (json_int_t)t.yellow, "red", (json_int_t)t.red, "agencies", agencies, "items",
			 items, "warnings", warnings(ctx));
	return FZ_OK;
}

enum fz_code fz_supervision_totals(struct fz_ctx *ctx, struct fz_sup_totals *t, struct fz_err *err)
{
	char today[11], soon[11];
	window(ctx, today, soon, NULL);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		fz_arena_printf(
			ctx->arena,
			"SELECT COALESCE(SUM(n), 0),"
			" COALESCE(SUM(CASE WHEN state = 'running' AND due_date <> '' AND due_date < ?1"
			"  THEN n ELSE 0 END), 0),"
			" COALESCE(SUM(CASE WHEN state = 'running' AND due_date >= ?1"
			"  AND due_date <= ?2 AND %s THEN n ELSE 0 END), 0) FROM clock_tally",
			fz_case_warn_sql(ctx, "due_date", "half * 2")),
		"tt", today, soon);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		t->open = fz_col_int(st, 0);
		t->red = fz_col_int(st, 1);
		t->yellow = fz_col_int(st, 2);
	}
	fz_stmt_done(st);
	return FZ_OK;
}

/*
 * Cards are issued once a day, for the due dates that crossed into red or
 * yellow since the last sweep (kept in the setting table), so a sweep reads a
 * day's worth of clocks, not every overdue one again. The first sweep covers
 * everything. A clock whose due date is moved into the past later in the day
 * gets its card at the next day's sweep only if its new due date falls in that
 * day's window; the supervision view itself is always current.
 */
enum fz_code fz_supervision_sweep(struct fz_ctx *ctx, int *issued, struct fz_err *err)
{
	char today[11], soon[11], now[21], last_today[11] = "", last_soon[11] = "";
	window(ctx, today, soon, NULL);
	fz_iso_utc(ctx->now, now);
	*issued = 0;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT value FROM setting WHERE key = 'supervision.swept'", NULL);
	if (st && fz_stmt_row(st))
		sscanf(fz_col_text(st, 0), "%10s %10s", last_today, last_soon);
	fz_stmt_done(st);
	if (strcmp(last_today, today) == 0 && strcmp(last_soon, soon) == 0)
		return FZ_OK; /* already swept for this day and window */
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	/*
	 * Yellow: every clock due from today to the window's end that is inside
	 * its own window and has no card for that due day yet, since a short
	 * period enters its window after the county's window reached it.
	 */
	const char *sql[2] = {
		"INSERT INTO supervision_card(clock_id, case_id, agency_id, level, due_date, issued_on,"
		" issued_at) SELECT clock_id, case_id, agency_id, 'red', due_date, ?1, ?2"
		" FROM case_clock WHERE state = 'running' AND due_date >= ?3 AND due_date < ?1"
		" ON CONFLICT (clock_id, level, due_date) DO NOTHING",
		fz_arena_printf(ctx->arena,
				"INSERT INTO supervision_card(clock_id, case_id, agency_id, level, due_date,"
				" issued_on, issued_at) SELECT clock_id, case_id, agency_id, 'yellow',"
				" due_date, ?1, ?2 FROM case_clock WHERE state = 'running'"
				" AND due_date >= ?1 AND due_date <= ?4 AND ?3 = ?3 AND %s"
				" ON CONFLICT (clock_id, level, due_date) DO NOTHING",
				fz_case_warn_sql(ctx, "due_date", "days + extended_days")),
	};
	/* Red: due dates in [last today, today); yellow: [today, window end], each in its own window. */
	const char *red_from = last_today[0] ? last_today : "0000-00-00";
	const char *yellow_from = last_soon[0] ? last_soon : "0000-00-00";
	for (int i = 0; i < 2 && !rc; i++) {
		st = i == 0 ? fz_db_query(ctx->db, err, sql[0], "ttt", today, now, red_from)
			    : fz_db_query(ctx->db, err, sql[1], "tttt", today, now, yellow_from, soon);
		rc = fz_stmt_exec(st, err);
		if (!rc)
			*issued += fz_db_changes(ctx->db);
	}
	if (!rc) {
		char value[32];
		snprintf(value, sizeof value, "%s %s", today, soon);
		st = fz_db_query(ctx->db, err,
				 "INSERT INTO setting(key, value, updated_at) VALUES ('supervision.swept', ?, ?)"
				 " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
				 " updated_at = excluded.updated_at",
				 "tt", value, now);
		rc = fz_stmt_exec(st, err);
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	if (rc)
		fz_db_rollback(ctx->db);
	return rc;
}

#define TODO_MAX 20

/* Case rows by due date, the ones without one last, then by case id. */
static int by_due(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	const char *dx = json_string_value(json_object_get(x, "due_date"));
	const char *dy = json_string_value(json_object_get(y, "due_date"));
	int c = (!dx) - (!dy);
	if (!c && dx && dy)
		c = strcmp(dx, dy);
	if (!c) {
		json_int_t ix = json_integer_value(json_object_get(x, "case_id"));
		json_int_t iy = json_integer_value(json_object_get(y, "case_id"));
		c = (ix > iy) - (ix < iy);
	}
	return c;
}

enum fz_code fz_dashboard_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	char today[11], soon[11], year_start[11];
	window(ctx, today, soon, NULL);
	int y, m, d;
	fz_date_to_ymd(ctx->today, &y, &m, &d);
	fz_date_format(fz_date_from_ymd(y, 1, 1), year_start);
	int64_t scope = fz_ctx_sees_all(ctx) ? 0 : (ctx->user ? ctx->user->agency_id : -1);

	/* To-do: cases in a state where this role has an action, nearest due first. */
	json_t *todo = json_array();
	bool more = false;
	size_t nkind = fz_platform_kind_count();
	for (size_t i = 0; i < nkind; i++) {
		const struct fz_case_type *t = fz_platform_kind(i)->type;
		for (const struct fz_state *s = t->states; s->name; s++) {
			const struct fz_transition *tr[1];
			/* Finished cases are not to-dos, even where a follow-up is possible. */
			if (s->final || !fz_flow_available(t, s->name, fz_ctx_role(ctx), tr, 1))
				continue;
			/*
			 * The state allows this role an action, but the domain may not offer
			 * it on a given case (a valid certificate waits for its annual
			 * review): only cases with an action on offer are to-dos.
			 */
			struct fz_case_filter f = {.type = t->name, .state = s->name,
						   .sort = "due_date", .page = 1, .per_page = 30,
						   .agency_id = 0};
			json_t *part;
			enum fz_code rc = fz_case_list(ctx, &f, &part, err);
			if (rc) {
				json_decref(todo);
				return rc;
			}
			size_t k, kept = 0;
			json_t *item;
			if (json_integer_value(json_object_get(part, "total")) > 10)
				more = true;
			json_array_foreach(json_object_get(part, "items"), k, item)
			{
				if (kept == 10)
					break;
				json_int_t id = json_integer_value(json_object_get(item, "case_id"));
				if (!fz_case_actionable(ctx, id))
					continue;
				json_array_append(todo, item);
				kept++;
			}
			json_decref(part);
		}
	}
	/* The most urgent first across all procedures (no due date last), at most TODO_MAX. */
	size_t nt = json_array_size(todo);
	json_t **rows = malloc(sizeof *rows * (nt ? nt : 1));
	for (size_t k = 0; k < nt; k++)
		rows[k] = json_incref(json_array_get(todo, k));
	qsort(rows, nt, sizeof *rows, by_due);
	json_array_clear(todo);
	for (size_t k = 0; k < nt; k++) {
		if (k < TODO_MAX)
			json_array_append(todo, rows[k]);
		json_decref(rows[k]);
	}
	free(rows);
	if (nt > TODO_MAX)
		more = true;

	/*
	 * 在办, yellow and red are supervision's own count (agency_clocks), so the
	 * dashboard and 电子监察 give one number for the same user; only the
	 * cases closed this year are counted here.
	 */
	json_t *by_agency = NULL;
	struct fz_sup_totals t;
	enum fz_code rc = agency_clocks(ctx, scope, today, soon, &by_agency, &t, err);
	if (rc) {
		json_decref(todo);
		return rc;
	}
	json_int_t closed = 0;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT agency_id, COUNT(*) FROM case_record WHERE closed_on >= ?"
		" AND (? = 0 OR agency_id = ?) GROUP BY agency_id",
		"tii", year_start, scope, scope);
	if (!st) {
		json_decref(todo);
		json_decref(by_agency);
		return err->code;
	}
	size_t i;
	json_t *a;
	json_array_foreach(by_agency, i, a) json_object_set_new(a, "closed", json_integer(0));
	while (fz_stmt_row(st)) {
		json_array_foreach(by_agency, i, a)
		{
			if (json_integer_value(json_object_get(a, "agency_id")) == fz_col_int(st, 0))
				json_object_set_new(a, "closed", json_integer(fz_col_int(st, 1)));
		}
		closed += fz_col_int(st, 1);
	}
	fz_stmt_done(st);
	json_int_t open = t.open, yellow = t.yellow, red = t.red;

	json_t *monthly = json_array();
	for (int mo = 1; mo <= m; mo++) {
		char lo[11], hi[11], label[24];
		fz_date_format(fz_date_from_ymd(y, mo, 1), lo);
		fz_date_format(mo == 12 ? fz_date_from_ymd(y + 1, 1, 1) : fz_date_from_ymd(y, mo + 1, 1),
			       hi);
		snprintf(label, sizeof label, "%04d-%02d", y, mo);
		st = fz_db_query(ctx->db, err,
				 "SELECT (SELECT COUNT(*) FROM case_record WHERE received_on >= ?1"
				 "  AND received_on < ?2 AND (?3 = 0 OR agency_id = ?3)),"
				 " (SELECT COUNT(*) FROM case_record WHERE closed_on >= ?1"
				 "  AND closed_on < ?2 AND (?3 = 0 OR agency_id = ?3))",
				 "tti", lo, hi, scope);
		if (st && fz_stmt_row(st))
			json_array_append_new(monthly,
					      json_pack("{s:s, s:I, s:I}", "month", label, "received",
							(json_int_t)fz_col_int(st, 0), "closed",
							(json_int_t)fz_col_int(st, 1)));
		fz_stmt_done(st);
	}
	*out = json_pack("{s:o, s:b, s:{s:I, s:I, s:I, s:I}, s:o, s:o, s:o}", "todo", todo, "todo_more", more, "counts",
			 "open", open, "yellow", yellow, "red", red, "closed_this_year", closed,
			 "by_agency", by_agency, "monthly", monthly, "warnings", warnings(ctx));
	return FZ_OK;
}
