/*
 * cases.c - the generic case engine (cases.h): creation, transitions, clocks,
 * and the JSON views every procedure shares.
 */
#include "platform/cases.h"

#include <assert.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/numbering.h"
#include "core/text.h"
#include "platform/audit.h"
#include "platform/cases_int.h"
#include "platform/documents.h"
#include "platform/jsonx.h"
#include "platform/lists.h"
#include "platform/module.h"
#include "platform/search.h"
#include "platform/settings.h"

#define MAX_CLOCKS 16
#define MAX_PAUSES 16

struct clock_rec {
	int64_t clock_id;
	char name[32];
	enum fz_clock_unit unit;
	int days, ext, trigger;
	char state[12]; /* running, paused, stopped */
	struct fz_clock_pause pauses[MAX_PAUSES];
	size_t np;
	int extensions;
	int due;  /* FZ_OPEN while paused or unknown */
	int left; /* days left when paused */
	int stopped_on;
};

/* ---- clock storage ------------------------------------------------------ */

static void pauses_format(const struct clock_rec *r, char *out, size_t size)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < r->np && k + 24 < size; i++) {
		char a[11], b[11] = "";
		fz_date_format(r->pauses[i].from, a);
		if (r->pauses[i].to != FZ_OPEN)
			fz_date_format(r->pauses[i].to, b);
		k += (size_t)snprintf(out + k, size - k, "%s%s/%s", i ? ";" : "", a, b);
	}
}

static void pauses_parse(struct clock_rec *r, const char *s)
{
	r->np = 0;
	while (s && *s && r->np < MAX_PAUSES) {
		char a[11] = "", b[11] = "";
		memcpy(a, s, strlen(s) >= 10 ? 10 : strlen(s));
		s += strlen(a);
		if (*s == '/')
			s++;
		if (*s && *s != ';') {
			memcpy(b, s, 10);
			s += 10;
		}
		struct fz_clock_pause p = {FZ_OPEN, FZ_OPEN};
		if (fz_date_parse(a, &p.from) != FZ_OK)
			break;
		if (b[0] && fz_date_parse(b, &p.to) != FZ_OK)
			break;
		r->pauses[r->np++] = p;
		if (*s == ';')
			s++;
	}
}

static int date_col(struct fz_stmt *st, int col)
{
	int d;
	const char *t = fz_col_text(st, col);
	return t && fz_date_parse(t, &d) == FZ_OK ? d : FZ_OPEN;
}

static enum fz_code load_clocks(struct fz_ctx *ctx, int64_t case_id, struct clock_rec *recs,
				size_t *n, struct fz_err *err)
{
	*n = 0;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT clock_id, name, unit, days, extended_days, trigger_date, state, due_date,"
		" left_when_paused, pauses, stopped_on, extensions FROM case_clock WHERE case_id = ?"
		" ORDER BY clock_id",
		"i", case_id);
	if (!st)
		return err->code;
	while (*n < MAX_CLOCKS && fz_stmt_row(st)) {
		struct clock_rec *r = &recs[(*n)++];
		memset(r, 0, sizeof *r);
		r->clock_id = fz_col_int(st, 0);
		snprintf(r->name, sizeof r->name, "%s", fz_col_text(st, 1));
		if (!fz_clock_unit_parse(fz_col_text(st, 2), &r->unit))
			r->unit = FZ_UNIT_WD;
		r->days = (int)fz_col_int(st, 3);
		r->ext = (int)fz_col_int(st, 4);
		r->trigger = date_col(st, 5);
		snprintf(r->state, sizeof r->state, "%s", fz_col_text(st, 6));
		r->due = date_col(st, 7);
		r->left = (int)fz_col_int(st, 8);
		pauses_parse(r, fz_col_text(st, 9));
		r->stopped_on = date_col(st, 10);
		r->extensions = (int)fz_col_int(st, 11);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

static enum fz_code compute(struct fz_ctx *ctx, struct clock_rec *r, struct fz_clock_explain *ex,
			    struct fz_err *err)
{
	struct fz_clock_spec spec = {r->unit, r->days, r->ext, r->trigger, r->pauses, r->np};
	struct fz_clock_explain local;
	if (!ex)
		ex = &local;
	enum fz_code rc = fz_clock_compute(ctx->cal, &spec, ex, err);
	if (rc == FZ_EDATE_RANGE) {
		/*
		 * The period runs into a year whose official calendar is not loaded yet
		 * (the State Council publishes it late in the year). The law's days are
		 * not guessed: the clock runs with its due date pending, the supervision
		 * view warns the administrator, and loading the year fills it in
		 * (fz_clocks_recompute_all). Refusing a citizen's letter instead would
		 * be worse.
		 */
		fz_err_clear(err);
		memset(ex, 0, sizeof *ex);
		ex->due = FZ_OPEN;
		r->due = FZ_OPEN;
		r->left = 0;
		return FZ_OK;
	}
	if (rc)
		return rc;
	r->due = ex->due;
	r->left = ex->left_when_paused;
	return FZ_OK;
}

static enum fz_code save_clock(struct fz_ctx *ctx, const struct clock_rec *r, struct fz_err *err)
{
	char trig[11], due[11], stop[11], pauses[MAX_PAUSES * 24];
	fz_date_format(r->trigger, trig);
	if (r->due != FZ_OPEN)
		fz_date_format(r->due, due);
	if (r->stopped_on != FZ_OPEN)
		fz_date_format(r->stopped_on, stop);
	pauses_format(r, pauses, sizeof pauses);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"UPDATE case_clock SET days = ?, extended_days = ?, trigger_date = ?, state = ?,"
		" due_date = ?, left_when_paused = ?, pauses = ?, stopped_on = ?, extensions = ?"
		" WHERE clock_id = ?",
		"IIttt" "IttIi", r->days, r->ext, trig, r->state, r->due != FZ_OPEN ? due : NULL,
		r->left, pauses, r->stopped_on != FZ_OPEN ? stop : NULL, r->extensions, r->clock_id);
	return fz_stmt_exec(st, err);
}

static int clock_days(struct fz_ctx *ctx, const struct fz_clock_def *def)
{
	return def->days_setting ? (int)fz_setting_int(ctx->db, def->days_setting, def->days)
				 : def->days;
}

static struct clock_rec *find_rec(struct clock_rec *recs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(recs[i].name, name) == 0)
			return &recs[i];
	return NULL;
}

/* ---- sharing ------------------------------------------------------------ */

/*
 * Through the kind's shares rule: agency_id itself when the case is shared with
 * it, or with agency_id 0 the first agency it is shared with; -1 when none.
 */
static int64_t shared_query(struct fz_ctx *ctx, const struct fz_case_kind *kind, int64_t case_id,
			    int64_t agency_id)
{
	char sql[1024];
	if (!kind || !kind->shares)
		return -1;
	int n = agency_id ? snprintf(sql, sizeof sql,
				     "SELECT s.agency_id FROM (%s) s WHERE s.case_id = ? AND s.agency_id = ?",
				     kind->shares)
			  : snprintf(sql, sizeof sql,
				     "SELECT s.agency_id FROM (%s) s WHERE s.case_id = ? AND ? = 0"
				     " ORDER BY s.agency_id",
				     kind->shares);
	assert(n > 0 && (size_t)n < sizeof sql);
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "ii", case_id, agency_id);
	int64_t found = st && fz_stmt_row(st) ? fz_col_int(st, 0) : -1;
	fz_stmt_done(st);
	return found;
}

bool fz_case_shared_with(struct fz_ctx *ctx, const struct fz_case_kind *kind, int64_t case_id,
			 int64_t agency_id)
{
	return agency_id > 0 && shared_query(ctx, kind, case_id, agency_id) == agency_id;
}

bool fz_case_may_see(struct fz_ctx *ctx, const struct fz_case_kind *kind, int64_t case_id,
		     int64_t agency_id)
{
	return fz_ctx_may_see(ctx, agency_id) ||
	       (ctx->user && fz_case_shared_with(ctx, kind, case_id, ctx->user->agency_id));
}

/* Who keeps a clock: a party clock the agency the case is shared with, else the case's agency. */
static int64_t clock_agency(struct fz_ctx *ctx, const struct fz_case_row *c,
			    const struct fz_clock_def *def)
{
	int64_t party = def->party ? shared_query(ctx, c->kind, c->case_id, 0) : -1;
	if (def->party && def->party_rank > 1 && c->kind && c->kind->shares) {
		/* The rank-th shared agency by id (workflow.h fz_clock_def.party_rank). */
		party = -1;
		struct fz_stmt *st = fz_db_query(
			ctx->db, NULL,
			fz_arena_printf(ctx->arena,
					"SELECT s.agency_id FROM (%s) s WHERE s.case_id = ?"
					" ORDER BY s.agency_id LIMIT 1 OFFSET ?",
					c->kind->shares),
			"ii", c->case_id, (int64_t)(def->party_rank - 1));
		if (st && fz_stmt_row(st))
			party = fz_col_int(st, 0);
		fz_stmt_done(st);
	}
	return party > 0 ? party : c->agency_id;
}

static enum fz_code start_clock(struct fz_ctx *ctx, const struct fz_case_row *c,
				const struct fz_clock_def *def, int trigger, int days, struct fz_err *err)
{
	struct clock_rec r = {.unit = def->unit, .days = days, .trigger = trigger, .due = FZ_OPEN,
			      .stopped_on = FZ_OPEN};
	snprintf(r.name, sizeof r.name, "%s", def->name);
	snprintf(r.state, sizeof r.state, "running");
	enum fz_code rc = compute(ctx, &r, NULL, err);
	if (rc)
		return rc;
	char trig[11], due[11];
	fz_date_format(r.trigger, trig);
	if (r.due != FZ_OPEN)
		fz_date_format(r.due, due);
	/* Starting a clock again (a step re-entered) replaces the old run. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO case_clock(case_id, agency_id, name, unit, days, extended_days,"
		" trigger_date, state, due_date, left_when_paused, pauses)"
		" VALUES (?,?,?,?,?,0,?,'running',?,0,'')"
		" ON CONFLICT (case_id, name) DO UPDATE SET days = excluded.days, extended_days = 0,"
		" extensions = 0, trigger_date = excluded.trigger_date, state = 'running',"
		" due_date = excluded.due_date, left_when_paused = 0, pauses = '', stopped_on = NULL",
		"iittItt", c->case_id, clock_agency(ctx, c, def), def->name, fz_clock_unit_code(def->unit),
		r.days, trig, r.due != FZ_OPEN ? due : NULL);
	return fz_stmt_exec(st, err);
}

/*
 * The day an effect takes hold: the date input it names (already checked to
 * be a date inside the loaded calendar), else `fallback` (today, or the
 * receipt day at creation). A day in the future is refused: the record says
 * what happened, not what will.
 */
static enum fz_code effect_day(struct fz_ctx *ctx, const struct fz_clock_effect *e,
			       const struct fz_transition *tr, json_t *input, int fallback,
			       int *day, struct fz_err *err)
{
	*day = fallback;
	const char *s = e->arg && e->op != FZ_CLK_EXTEND ? fz_json_str(input, e->arg) : NULL;
	if (!s)
		return FZ_OK;
	if (fz_date_parse(s, day) != FZ_OK)
		return fz_err_set(err, FZ_EBAD_DATE, e->arg, NULL);
	if (*day > ctx->today) {
		const char *label = e->arg;
		for (int i = 0; tr && i < FZ_MAX_INPUTS && tr->inputs[i].name; i++)
			if (strcmp(tr->inputs[i].name, e->arg) == 0)
				label = tr->inputs[i].label;
		return fz_err_set(err, FZ_EBAD_DATE, e->arg, "“%s”不能晚于今天", label);
	}
	return FZ_OK;
}

static enum fz_code apply_effect(struct fz_ctx *ctx, const struct fz_case_row *c,
				 const struct fz_transition *tr, const struct fz_clock_effect *e,
				 int fallback, json_t *input, struct clock_rec *recs, size_t n,
				 struct fz_err *err)
{
	const struct fz_clock_def *def = fz_flow_clock(c->type, e->clock);
	int day;
	enum fz_code rc = effect_day(ctx, e, tr, input, fallback, &day, err);
	if (rc)
		return rc;
	int days = clock_days(ctx, def);
	if (e->days_arg && json_is_integer(json_object_get(input, e->days_arg)))
		days = (int)json_integer_value(json_object_get(input, e->days_arg));
	if (e->op == FZ_CLK_START)
		return start_clock(ctx, c, def, day, days, err);
	struct clock_rec *r = find_rec(recs, n, e->clock);
	if (!r && (e->op == FZ_CLK_STOP || e->op == FZ_CLK_PAUSE || e->op == FZ_CLK_RESUME))
		return FZ_OK; /* a clock that never ran (e.g. the other procedure's decision clock) */
	if (r && strcmp(r->state, "stopped") == 0 &&
	    (e->op == FZ_CLK_PAUSE || e->op == FZ_CLK_RESUME))
		return FZ_OK; /* suspending a case does not revive a finished step */
	if (!r) /* the clock never started: only START makes sense */
		return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”尚未起算", def->label);
	int last_resume = r->np ? r->pauses[r->np - 1].to : FZ_OPEN;
	switch (e->op) {
	case FZ_CLK_STOP:
		if (strcmp(r->state, "stopped") == 0)
			return FZ_OK;
		if (strcmp(r->state, "paused") == 0 && r->np)
			r->pauses[r->np - 1].to = day < r->pauses[r->np - 1].from
							  ? r->pauses[r->np - 1].from
							  : day;
		snprintf(r->state, sizeof r->state, "stopped");
		r->stopped_on = day;
		break;
	case FZ_CLK_PAUSE:
		if (strcmp(r->state, "running") != 0)
			return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”未在计算中，不能暂停",
					  def->label);
		if (r->np == MAX_PAUSES)
			return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”暂停次数过多", def->label);
		if (day < r->trigger || (last_resume != FZ_OPEN && day < last_resume))
			return fz_err_set(err, FZ_EBAD_DATE, e->arg ? e->arg : "date",
					  "暂停日期不能早于起算日或上次恢复计算的日期");
		r->pauses[r->np++] = (struct fz_clock_pause){day, FZ_OPEN};
		snprintf(r->state, sizeof r->state, "paused");
		break;
	case FZ_CLK_RESUME:
		if (strcmp(r->state, "paused") != 0 || !r->np)
			return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”未暂停，不能恢复",
					  def->label);
		if (day < r->pauses[r->np - 1].from)
			return fz_err_set(err, FZ_EBAD_DATE, e->arg ? e->arg : "date",
					  "恢复计算的日期不能早于暂停日期");
		r->pauses[r->np - 1].to = day;
		snprintf(r->state, sizeof r->state, "running");
		break;
	case FZ_CLK_RESTART:
		if (r->np && r->pauses[r->np - 1].to == FZ_OPEN && day < r->pauses[r->np - 1].from)
			return fz_err_set(err, FZ_EBAD_DATE, e->arg ? e->arg : "date",
					  "重新起算的日期不能早于中止计算的日期");
		r->trigger = day;
		r->np = 0;
		r->ext = 0;
		r->extensions = 0;
		r->days = days;
		r->stopped_on = FZ_OPEN;
		snprintf(r->state, sizeof r->state, "running");
		break;
	case FZ_CLK_EXTEND: {
		if (strcmp(r->state, "stopped") == 0)
			return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”已停止，不能延长", def->label);
		if (def->max_extensions && r->extensions >= def->max_extensions)
			return fz_err_set(err, FZ_ESTATE, e->arg,
					  "“%s”依法只能延长 %d 次，已经延长过（%s）", def->label,
					  def->max_extensions, def->cite ? def->cite : "见该期限的法律依据");
		int add = (int)json_integer_value(json_object_get(input, e->arg));
		if (add <= 0 || r->ext + add > def->max_extension)
			return fz_err_set(err, FZ_EBAD_VALUE, e->arg,
					  "延长天数超出法定上限：“%s”最多延长 %d 日，已延长 %d 日",
					  def->label, def->max_extension, r->ext);
		r->ext += add;
		r->extensions++;
		break;
	}
	default:
		return fz_err_set(err, FZ_EINTERNAL, NULL, NULL);
	}
	if (strcmp(r->state, "stopped") != 0) {
		rc = compute(ctx, r, NULL, err);
		if (rc)
			return rc;
	}
	return save_clock(ctx, r, err);
}

static enum fz_code refresh_case_due(struct fz_ctx *ctx, int64_t case_id, struct fz_err *err);

enum fz_code fz_case_clock_start(struct fz_ctx *ctx, const struct fz_case_row *c,
				 const char *clock, int trigger, int days, struct fz_err *err)
{
	const struct fz_clock_def *def = fz_flow_clock(c->type, clock);
	if (!def)
		return fz_err_set(err, FZ_EINTERNAL, clock, "时限 %s 未声明", clock);
	enum fz_code rc = start_clock(ctx, c, def, trigger, days > 0 ? days : clock_days(ctx, def), err);
	/* A clock started at creation, outside a transition, shows as the case's due day too. */
	return rc ? rc : refresh_case_due(ctx, c->case_id, err);
}

enum fz_code fz_case_clock_set_days(struct fz_ctx *ctx, const struct fz_case_row *c,
				    const char *clock, int days, struct fz_err *err)
{
	const struct fz_clock_def *def = fz_flow_clock(c->type, clock);
	if (!def)
		return fz_err_set(err, FZ_EINTERNAL, clock, "时限 %s 未声明", clock);
	struct clock_rec recs[MAX_CLOCKS];
	size_t n = 0;
	enum fz_code rc = load_clocks(ctx, c->case_id, recs, &n, err);
	if (rc)
		return rc;
	struct clock_rec *r = find_rec(recs, n, clock);
	if (!r)
		return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”尚未起算", def->label);
	if (strcmp(r->state, "stopped") == 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "时限“%s”已停止", def->label);
	r->days = days;
	rc = compute(ctx, r, NULL, err);
	return rc ? rc : save_clock(ctx, r, err);
}

enum fz_code fz_case_clock_stop(struct fz_ctx *ctx, const struct fz_case_row *c,
				const char *clock, int day, struct fz_err *err)
{
	const struct fz_clock_def *def = fz_flow_clock(c->type, clock);
	if (!def)
		return fz_err_set(err, FZ_EINTERNAL, clock, "时限 %s 未声明", clock);
	struct fz_clock_effect e = {.op = FZ_CLK_STOP, .clock = clock};
	struct clock_rec recs[MAX_CLOCKS];
	size_t n = 0;
	enum fz_code rc = load_clocks(ctx, c->case_id, recs, &n, err);
	if (!rc)
		rc = apply_effect(ctx, c, NULL, &e, day, NULL, recs, n, err);
	return rc ? rc : refresh_case_due(ctx, c->case_id, err);
}

static enum fz_code refresh_case_due(struct fz_ctx *ctx, int64_t case_id, struct fz_err *err)
{
	/*
	 * The earliest due date among the case's running clocks, found in C over the
	 * case's own rows: an ORDER BY due_date in SQL invites the planner to walk the
	 * (state, due_date) index over every running clock in the database.
	 */
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT state, due_date, unit FROM case_clock WHERE case_id = ?",
					 "i", case_id);
	if (!st)
		return err->code;
	char due[11] = "", unit[8] = "";
	while (fz_stmt_row(st)) {
		const char *d = fz_col_text(st, 1);
		if (strcmp(fz_col_text(st, 0), "running") != 0 || !d)
			continue;
		if (!due[0] || strcmp(d, due) < 0) {
			snprintf(due, sizeof due, "%s", d);
			snprintf(unit, sizeof unit, "%s", fz_col_text(st, 2));
		}
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	st = fz_db_query(ctx->db, err,
			 "UPDATE case_record SET due_date = ?1, due_unit = ?2 WHERE case_id = ?3"
			 " AND (due_date IS DISTINCT FROM ?1 OR due_unit IS DISTINCT FROM ?2)",
			 "tti", due[0] ? due : NULL, unit[0] ? unit : NULL, case_id);
	return fz_stmt_exec(st, err);
}

static enum fz_code run_effects(struct fz_ctx *ctx, const struct fz_case_row *c,
				const struct fz_transition *tr, const struct fz_clock_effect *effects,
				int trigger, json_t *input, struct fz_err *err)
{
	struct clock_rec recs[MAX_CLOCKS];
	size_t n = 0;
	enum fz_code rc = load_clocks(ctx, c->case_id, recs, &n, err);
	for (int i = 0; !rc && i < FZ_MAX_EFFECTS && effects[i].op; i++)
		rc = apply_effect(ctx, c, tr, &effects[i], trigger, input, recs, n, err);
	/* Clocks follow the case to its agency, so supervision counts them there. */
	if (!rc) {
		/* Only rows that move: rewriting an unchanged row still dirties its index pages. */
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"UPDATE case_clock SET agency_id = ?1 WHERE case_id = ?2 AND agency_id <> ?1", "ii",
			c->agency_id, c->case_id);
		rc = fz_stmt_exec(st, err);
	}
	/* ... except the party's own clocks, which stay with the party. */
	for (const struct fz_clock_def *d = c->type->clocks; !rc && d->name; d++) {
		if (!d->party)
			continue;
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"UPDATE case_clock SET agency_id = ?1 WHERE case_id = ?2 AND name = ?3"
			" AND agency_id <> ?1",
			"iit", clock_agency(ctx, c, d), c->case_id, d->name);
		rc = fz_stmt_exec(st, err);
	}
	if (!rc)
		rc = refresh_case_due(ctx, c->case_id, err);
	return rc;
}

/* ---- creation ------------------------------------------------------------ */

static enum fz_code next_number(struct fz_ctx *ctx, const struct fz_case_type *t,
				int64_t agency_id, int year, char *out, size_t size,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO number_seq(agency_id, code, year, last_no) VALUES (?, ?, ?, 1)"
		" ON CONFLICT (agency_id, code, year) DO UPDATE SET last_no = number_seq.last_no + 1"
		" RETURNING last_no",
		"itI", agency_id, t->number_code, year);
	if (!st)
		return err->code;
	long serial = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	st = fz_db_query(ctx->db, err, "SELECT short_name FROM agency WHERE agency_id = ?", "i",
			 agency_id);
	if (!st)
		return err->code;
	char shortname[64] = "";
	if (fz_stmt_row(st))
		snprintf(shortname, sizeof shortname, "%s", fz_col_text(st, 0));
	fz_stmt_done(st);
	if (!fz_number_format(out, size, shortname, t->number_code, year, serial))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "文号生成失败");
	return FZ_OK;
}

enum fz_code fz_case_create(struct fz_ctx *ctx, const struct fz_case_new *n, struct fz_case_row *out,
			    struct fz_err *err)
{
	const struct fz_case_kind *kind = fz_case_kind_for_type(n->case_type, NULL);
	if (!kind)
		return fz_err_set(err, FZ_EINTERNAL, "case_type", "未知的案件类型");
	const struct fz_case_type *t = kind->type;
	memset(out, 0, sizeof *out);
	out->type = t;
	out->kind = kind;
	out->agency_id = n->agency_id;
	out->version = 1;
	/* A kind whose procedures begin in different states names the one (a declared state). */
	assert(!n->state || fz_flow_state(t, n->state));
	snprintf(out->state, sizeof out->state, "%s", n->state ? n->state : t->initial_state);
	fz_date_format(n->received_on, out->received_on);
	snprintf(out->title, sizeof out->title, "%s", n->title);
	int y, mo, d;
	fz_date_to_ymd(n->received_on, &y, &mo, &d);
	enum fz_code rc = next_number(ctx, t, n->agency_id, y, out->number, sizeof out->number, err);
	if (rc)
		return rc;
	char now[21];
	fz_iso_utc(ctx->now, now);
	for (int attempt = 0; attempt < 5; attempt++) {
		if (n->tracking) {
			unsigned char raw[12];
			randombytes_buf(raw, sizeof raw);
			fz_tracking_from_bytes(raw, out->tracking_code);
		}
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"INSERT INTO case_record(case_type, agency_id, state, version, number, title,"
			" tracking_code, received_on, created_at, updated_at)"
			" VALUES (?,?,?,1,?,?,?,?,?,?) RETURNING case_id",
			"titttttt" "t", t->name, n->agency_id, out->state, out->number,
			n->title, n->tracking ? out->tracking_code : NULL, out->received_on, now, now);
		if (!st)
			return err->code;
		rc = fz_stmt_exec_id(st, &out->case_id, err);
		if (rc != FZ_EDUPLICATE || !n->tracking)
			break;
	}
	if (rc)
		return rc;
	/* The number goes into the searched text too: staff search by it (“编号、标题、内容”). */
	struct fz_search_field text[] = {
		{"title", n->title},
		{"body", fz_arena_printf(ctx->arena, "%s\n%s", out->number, n->body ? n->body : "")},
	};
	if ((rc = fz_search_index(ctx->db, "case", out->case_id, text, 2, err)))
		return rc;
	/*
	 * The receipt day starts the clocks, not counted itself (第31条 and the
	 * like). Where the county's rule says so (receipt.rest_day_rule 1), a
	 * receipt on a rest day counts as one on the next working day.
	 */
	int trigger = n->received_on;
	const char *note = NULL;
	bool work = true;
	/* Said on the receipt whichever rule applies (issue 15 item 6), in words for the applicant. */
	if (n->receipt && fz_calendar_is_workday(ctx->cal, trigger, &work) == FZ_OK && !work) {
		char a[32], b[32];
		fz_date_chinese(trigger, a);
		int next = trigger;
		if (fz_setting_int(ctx->db, "receipt.rest_day_rule", 0) == 1) {
			while (fz_calendar_is_workday(ctx->cal, ++next, &work) == FZ_OK && !work)
				;
			if (work) {
				fz_date_chinese(next, b);
				note = fz_arena_printf(ctx->arena,
						       "%s收到，当日为休息日。按本县规定，休息日收到的视为下一个工作日"
						       "收到，即%s收到，期限自其次日起计算",
						       a, b);
				trigger = next;
			}
		} else {
			note = fz_arena_printf(ctx->arena,
					       "%s收到，当日为休息日。按本县规定，休息日收到的以收到当日为收到日，"
					       "期限自其次日起计算",
					       a);
		}
	}
	if ((rc = run_effects(ctx, out, NULL, t->on_create, trigger, NULL, err)))
		return rc;
	char after[160];
	snprintf(after, sizeof after, "{\"state\":\"%s\",\"agency_id\":%lld,\"version\":1}",
		 out->state, (long long)out->agency_id);
	struct fz_event ev = {.case_id = out->case_id, .entity = "case", .action = "create",
			      .to_state = out->state, .note = note, .input = n->input, .after = after};
	rc = fz_audit_append(ctx, &ev, NULL, err);
	if (rc || !n->origin)
		return rc;
	struct fz_event in = {.case_id = out->case_id, .entity = "case", .action = "convert_in",
			      .note = n->origin};
	return fz_audit_append(ctx, &in, NULL, err);
}

void fz_case_receipt_json(struct fz_ctx *ctx, int64_t case_id, json_t *obj)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT note FROM event WHERE case_id = ? AND entity = 'case'"
					 " AND action = 'create' ORDER BY event_id LIMIT 1",
					 "i", case_id);
	if (st && fz_stmt_row(st) && fz_col_text(st, 0))
		fz_json_set_str(obj, "receipt_note", fz_col_text(st, 0));
	fz_stmt_done(st);
}

void fz_case_receipt_due_json(struct fz_ctx *ctx, int64_t case_id, const char *clock, json_t *obj)
{
	json_t *clocks = NULL, *k = NULL;
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_case_clocks_json(ctx, case_id, &clocks, &err) == FZ_OK) {
		size_t i;
		json_t *x;
		json_array_foreach(clocks, i, x)
		{
			if (!clock || strcmp(fz_json_str(x, "name"), clock) == 0) {
				k = x;
				break;
			}
		}
	}
	json_t *due = k ? json_object_get(k, "due_date") : NULL;
	json_object_set_new(obj, "due_date", due ? json_incref(due) : json_null());
	if (k && json_is_true(json_object_get(k, "provisional"))) {
		json_object_set(obj, "provisional_due_date", json_object_get(k, "provisional_due_date"));
		json_object_set_new(obj, "provisional", json_true());
		fz_json_set_str(obj, "provisional_note", "暂按周末推算，以国务院公布的节假日安排为准");
	}
	json_decref(clocks);
	fz_case_receipt_json(ctx, case_id, obj);
}

/* ---- loading and acting -------------------------------------------------- */

enum fz_code fz_case_load(struct fz_ctx *ctx, int64_t case_id, bool any_scope,
			  struct fz_case_row *out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT case_type, agency_id, state, version, number, received_on, tracking_code,"
		" title FROM case_record WHERE case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	enum fz_code rc = FZ_OK;
	if (!fz_stmt_row(st)) {
		rc = fz_stmt_failed(st, err) ? err->code
					     : fz_err_set(err, FZ_ENOT_FOUND, "id", "案件不存在");
		fz_stmt_done(st);
		return rc;
	}
	memset(out, 0, sizeof *out);
	out->case_id = case_id;
	out->kind = fz_case_kind_for_type(fz_col_text(st, 0), NULL);
	out->type = out->kind ? out->kind->type : NULL;
	out->agency_id = fz_col_int(st, 1);
	snprintf(out->state, sizeof out->state, "%s", fz_col_text(st, 2));
	out->version = fz_col_int(st, 3);
	snprintf(out->number, sizeof out->number, "%s", fz_col_text(st, 4) ? fz_col_text(st, 4) : "");
	snprintf(out->received_on, sizeof out->received_on, "%s", fz_col_text(st, 5));
	snprintf(out->tracking_code, sizeof out->tracking_code, "%s",
		 fz_col_text(st, 6) ? fz_col_text(st, 6) : "");
	snprintf(out->title, sizeof out->title, "%s", fz_col_text(st, 7));
	fz_stmt_done(st);
	if (!out->type)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "案件类型未注册");
	if (!any_scope && !fz_case_may_see(ctx, out->kind, case_id, out->agency_id))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "案件不存在");
	return FZ_OK;
}

/* The China Standard Time day of an instant "YYYY-MM-DDTHH:MM:SSZ", or -1. */
static int cst_day(const char *at)
{
	char d[11];
	int day;
	if (!at || strlen(at) < 13)
		return -1;
	memcpy(d, at, 10);
	d[10] = '\0';
	if (fz_date_parse(d, &day) != FZ_OK)
		return -1;
	int hour = (at[11] - '0') * 10 + (at[12] - '0');
	return hour >= 16 ? day + 1 : day;
}

json_t *fz_case_public_timeline(struct fz_ctx *ctx, int64_t case_id,
				const struct fz_public_step *steps, size_t nsteps)
{
	json_t *out = json_array();
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT action, at, input FROM event WHERE case_id = ?"
					 " AND entity = 'case' ORDER BY event_id",
					 "i", case_id);
	while (st && fz_stmt_row(st)) {
		const char *action = fz_col_text(st, 0);
		size_t k = 0;
		while (k < nsteps && strcmp(steps[k].action, action) != 0)
			k++;
		if (k == nsteps)
			continue;
		json_t *in = fz_col_text(st, 2) ? json_loads(fz_col_text(st, 2), 0, NULL) : NULL;
		int day = cst_day(fz_col_text(st, 1)), d;
		const char *dated = steps[k].date_input ? fz_json_str(in, steps[k].date_input) : NULL;
		if (dated && fz_date_parse(dated, &d) == FZ_OK)
			day = d;
		json_array_append_new(out, json_pack("{s:s, s:o, s:s, s:o}", "action", action, "on",
						     fz_json_date(day), "label", steps[k].label, "input",
						     in ? in : json_object()));
	}
	fz_stmt_done(st);
	return out;
}

bool fz_case_actionable(struct fz_ctx *ctx, int64_t case_id)
{
	struct fz_case_row c;
	struct fz_err err;
	if (fz_case_load(ctx, case_id, false, &c, &err) != FZ_OK)
		return false;
	const struct fz_transition *one[1];
	return fz_case_offered(ctx, &c, NULL, one, 1) > 0;
}

static enum fz_code act(struct fz_ctx *ctx, int64_t case_id, const char *action, json_t *body,
			bool system, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = fz_case_load(ctx, case_id, system, &c, err)))
		goto fail;
	const struct fz_transition *tr = fz_flow_transition(c.type, action);
	if (!tr) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "action", "“%s”不是%s的操作", action,
				c.type->label);
		goto fail;
	}
	/* A system step is the program's (deemed acceptance): no role, the case as it is now. */
	if (system != tr->system) {
		rc = system ? fz_err_set(err, FZ_EINTERNAL, "action", "“%s”不是系统操作", action)
			    : fz_err_set(err, FZ_EFORBIDDEN, "action", "“%s”由系统按法定期限自动办理",
					 tr->label);
		goto fail;
	}
	if (system)
		json_object_set_new(body, "version", json_integer(c.version));
	json_t *ver = json_object_get(body, "version");
	if (system && !fz_flow_from_ok(tr, c.state)) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, NULL);
		goto fail;
	}
	if (!system && (rc = fz_flow_check(c.type, tr, c.state, fz_ctx_role(ctx), err))) {
		/*
		 * Not allowed in the state the case is in now, on a page showing an
		 * older version: someone else moved the case, and the user's page is
		 * out of date. Say that (409 CONFLICT, refresh) rather than the state.
		 */
		if (rc == FZ_ESTATE && json_is_integer(ver) && json_integer_value(ver) != c.version)
			rc = fz_err_set(err, FZ_ECONFLICT, "version",
					"案件已被他人办理（当前版本 %lld，提交的版本 %lld），请刷新后重试",
					(long long)c.version, (long long)json_integer_value(ver));
		goto fail;
	}
	if (ver && !json_is_null(ver) && !json_is_integer(ver)) {
		rc = fz_err_set(err, FZ_EBAD_TYPE, "version", "版本号 version 应为整数");
		goto fail;
	}
	if (!json_is_integer(ver)) {
		rc = fz_err_set(err, FZ_EMISSING_FIELD, "version",
				"缺少版本号 version（用于防止覆盖他人的修改）");
		goto fail;
	}
	if (json_integer_value(ver) != c.version) {
		rc = fz_err_set(err, FZ_ECONFLICT, "version",
				"案件已被他人修改（当前版本 %lld，提交的版本 %lld），请刷新后重试",
				(long long)c.version, (long long)json_integer_value(ver));
		goto fail;
	}
	static const char *const extra[] = {"version", NULL};
	if ((rc = fz_json_check_inputs(ctx, tr->inputs, FZ_MAX_INPUTS, body, extra, err)))
		goto fail;
	char before[160];
	snprintf(before, sizeof before, "{\"state\":\"%s\",\"agency_id\":%lld,\"version\":%lld}",
		 c.state, (long long)c.agency_id, (long long)c.version);
	char from[32];
	snprintf(from, sizeof from, "%s", c.state);
	/* The one place the declared guards are enforced: before any domain write. */
	if ((rc = fz_case_guard(ctx, &c, tr, body, NULL, err)))
		goto fail;
	if (c.kind->apply && (rc = c.kind->apply(ctx, &c, tr, body, err)))
		goto fail;
	if (tr->to)
		snprintf(c.state, sizeof c.state, "%s", tr->to);
	if ((rc = run_effects(ctx, &c, tr, tr->effects, ctx->today, body, err)))
		goto fail;
	const struct fz_state *to = fz_flow_state(c.type, c.state);
	char now[21], today[11];
	fz_iso_utc(ctx->now, now);
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		/* A step that keeps a closed case closed (a filing recorded after 结案) keeps its day. */
		"UPDATE case_record SET state = ?, agency_id = ?, version = version + 1,"
		" updated_at = ?, closed_on = CASE WHEN ? = 1 THEN COALESCE(closed_on, ?) ELSE NULL END"
		" WHERE case_id = ? AND version = ?",
		"titI" "tii", c.state, c.agency_id, now, (int)(to && to->final), today, c.case_id,
		c.version);
	if (!st || (rc = fz_stmt_exec(st, err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ECONFLICT, "version", NULL);
		goto fail;
	}
	char after[160];
	snprintf(after, sizeof after, "{\"state\":\"%s\",\"agency_id\":%lld,\"version\":%lld}",
		 c.state, (long long)c.agency_id, (long long)c.version + 1);
	static const char *const skip[] = {"version", NULL};
	struct fz_event ev = {
		.case_id = c.case_id,
		.entity = "case",
		.action = tr->name,
		.from_state = from,
		.to_state = c.state,
		.note = tr->note_input ? fz_json_str(body, tr->note_input) : NULL,
		.input = fz_json_text(ctx->arena, body, skip),
		.before = before,
		.after = after,
	};
	if ((rc = fz_audit_append(ctx, &ev, NULL, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_case_act(struct fz_ctx *ctx, int64_t case_id, const char *action, json_t *body,
			 struct fz_err *err)
{
	return act(ctx, case_id, action, body, false, err);
}

enum fz_code fz_case_act_system(struct fz_ctx *ctx, int64_t case_id, const char *action,
				json_t *body, struct fz_err *err)
{
	/* Recorded as the system's act, whoever's request led to it. */
	const struct fz_user *user = ctx->user;
	const char *client = ctx->client;
	ctx->user = NULL;
	ctx->client = NULL;
	enum fz_code rc = act(ctx, case_id, action, body, true, err);
	ctx->user = user;
	ctx->client = client;
	return rc;
}

enum fz_code fz_case_act_current(struct fz_ctx *ctx, int64_t case_id, const char *action,
				 json_t *body, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, case_id, true, &c, err);
	if (rc)
		return rc;
	json_object_set_new(body, "version", json_integer(c.version));
	return fz_case_act(ctx, case_id, action, body, err);
}

/* ---- JSON views ------------------------------------------------------------ */

const char *fz_case_action_label(const struct fz_case_type *t, const char *action)
{
	if (!action)
		return "";
	if (strcmp(action, "create") == 0)
		return t && t->create_label ? t->create_label : "登记";
	if (strcmp(action, "attachment_add") == 0)
		return "上传附件";
	if (strcmp(action, "document_issue") == 0)
		return "生成文书";
	if (strcmp(action, "clock_recompute") == 0)
		return "节假日日历调整，重新计算期限";
	if (strcmp(action, "convert_in") == 0)
		return "由其他案件转入";
	const struct fz_transition *tr = t ? fz_flow_transition(t, action) : NULL;
	if (tr)
		return tr->label;
	for (const struct fz_option *o = t ? t->event_labels : NULL; o && o->value; o++)
		if (strcmp(o->value, action) == 0)
			return o->label;
	/* What a module records on cases of any type (platform/module.h). */
	const char *label = fz_module_event_label(action);
	return label ? label : action;
}

const char *fz_case_warn_sql(struct fz_ctx *ctx, const char *due, const char *period)
{
	/* The dates are computed here from today, never taken from a request. */
	int setting = fz_ctx_yellow_days(ctx);
	char d[11];
	fz_date_format(fz_clock_warn_end(ctx->cal, ctx->today, setting), d);
	const char *sql = fz_arena_printf(ctx->arena, "(%s <= CASE WHEN (%s) / 2 >= %d THEN '%s'",
					  due, period, setting, d);
	for (int w = 0; w < setting; w++) {
		fz_date_format(fz_clock_warn_end(ctx->cal, ctx->today, w), d);
		sql = fz_arena_printf(ctx->arena, "%s WHEN (%s) / 2 = %d THEN '%s'", sql, period, w, d);
	}
	fz_date_format(ctx->today, d);
	return fz_arena_printf(ctx->arena, "%s ELSE '%s' END)", sql, d);
}

const char *fz_case_warn_case_sql(struct fz_ctx *ctx, const char *alias)
{
	return fz_arena_printf(ctx->arena,
			       "EXISTS (SELECT 1 FROM case_clock wk WHERE wk.case_id = %s.case_id"
			       " AND wk.state = 'running' AND wk.due_date = %s.due_date AND %s)",
			       alias, alias,
			       fz_case_warn_sql(ctx, "wk.due_date", "wk.days + wk.extended_days"));
}

/*
 * The longest period (days + extended days) among the running clocks of a
 * case due on due_date: the widest warning window, so the case is yellow when
 * any of those clocks is.
 */
static int case_due_period(struct fz_ctx *ctx, int64_t case_id, const char *due_date)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT MAX(days + extended_days) FROM case_clock"
		" WHERE case_id = ? AND state = 'running' AND due_date = ?",
		"it", case_id, due_date);
	int period = st && fz_stmt_row(st) && !fz_col_null(st, 0) ? (int)fz_col_int(st, 0) : INT_MAX;
	fz_stmt_done(st);
	return period;
}

/* A clock due the same day that is a time limit outranks a validity end. */
const char *fz_case_due_kind(struct fz_ctx *ctx, const struct fz_case_type *t, int64_t case_id,
			     const char *due_date)
{
	bool any = false;
	for (const struct fz_clock_def *k = t ? t->clocks : NULL; k && k->name; k++)
		any = any || k->validity;
	if (!any || !due_date)
		return "deadline";
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT name FROM case_clock WHERE case_id = ? AND state = 'running'"
					 " AND due_date = ?",
					 "it", case_id, due_date);
	bool validity = false;
	while (st && fz_stmt_row(st)) {
		const struct fz_clock_def *def = fz_flow_clock(t, fz_col_text(st, 0));
		validity = def && def->validity;
		if (!validity)
			break; /* a time limit due the same day comes first */
	}
	fz_stmt_done(st);
	return validity ? "validity" : "deadline";
}

void fz_case_due_json(struct fz_ctx *ctx, json_t *obj, const char *due_date, const char *unit)
{
	fz_case_due_json_period(ctx, obj, due_date, unit, INT_MAX);
}

void fz_case_due_json_period(struct fz_ctx *ctx, json_t *obj, const char *due_date,
			     const char *unit, int period)
{
	int due;
	if (!due_date || fz_date_parse(due_date, &due) != FZ_OK) {
		json_object_set_new(obj, "due_date", json_null());
		json_object_set_new(obj, "days_left", json_null());
		json_object_set_new(obj, "clock_status", json_null());
		return;
	}
	enum fz_clock_status s;
	int left = 0;
	int yellow = fz_clock_warn_days(fz_ctx_yellow_days(ctx), period);
	enum fz_clock_unit u = FZ_UNIT_WD;
	fz_clock_unit_parse(unit, &u);
	json_object_set_new(obj, "due_date", json_string(due_date));
	if (fz_clock_status(ctx->cal, u, due, ctx->today, yellow, &s, &left) == FZ_OK) {
		json_object_set_new(obj, "days_left", json_integer(left));
		json_object_set_new(obj, "clock_status", json_string(fz_clock_status_name(s)));
	} else {
		json_object_set_new(obj, "days_left", json_null());
		json_object_set_new(obj, "clock_status", json_null());
	}
}

static const char *state_label(const struct fz_case_type *t, const char *state)
{
	const struct fz_state *s = t ? fz_flow_state(t, state) : NULL;
	return s ? s->label : state;
}

/* Columns: case_id, case_type, number, title, state, agency_id, agency name, received_on,
 * created_at, due_date, due_unit, version, tracking_code. */
#define ROW_COLS FZ_CASE_ROW_COLS

/*
 * An open case with no due day whose running clock falls due in a year whose
 * holidays are not loaded (a 60-day period begun in November): its row says
 * so like a clock does (issue 15), provisional true and provisional_due_date
 * counted on weekends only, and its status and days left by that day, so
 * lists show the running clock (whoever keeps it, a party clock too) rather
 * than nothing. The list filter clock_status=green holds these rows.
 */
static void row_provisional_due(struct fz_ctx *ctx, int64_t case_id, json_t *o)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT COUNT(*) FROM case_clock WHERE case_id = ?"
					 " AND state = 'running' AND due_date IS NULL",
					 "i", case_id);
	bool any = st && fz_stmt_row(st) && fz_col_int(st, 0) > 0;
	fz_stmt_done(st);
	json_t *clocks = NULL;
	struct fz_err err;
	fz_err_clear(&err);
	if (!any || fz_case_clocks_json(ctx, case_id, &clocks, &err) != FZ_OK)
		return;
	const char *best = NULL, *unit = NULL;
	int period = INT_MAX;
	size_t i;
	json_t *k;
	json_array_foreach(clocks, i, k)
	{
		const char *pd = fz_json_str(k, "provisional_due_date");
		if (!pd || strcmp(fz_json_str(k, "state"), "running") != 0)
			continue;
		if (!best || strcmp(pd, best) < 0) {
			best = fz_arena_strdup(ctx->arena, pd);
			unit = fz_arena_strdup(ctx->arena, fz_json_str(k, "unit"));
			period = (int)(json_integer_value(json_object_get(k, "days")) +
				       json_integer_value(json_object_get(k, "extended_days")));
		}
	}
	json_decref(clocks);
	if (!best)
		return;
	fz_case_due_json_period(ctx, o, best, unit, period);
	json_object_set_new(o, "due_date", json_null());
	json_object_set_new(o, "provisional", json_true());
	fz_json_set_str(o, "provisional_due_date", best);
}

static json_t *row_json(struct fz_ctx *ctx, struct fz_stmt *st)
{
	const struct fz_case_kind *kind = fz_case_kind_for_type(fz_col_text(st, 1), NULL);
	const struct fz_case_type *t = kind ? kind->type : NULL;
	json_t *o = json_object();
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "case_type", fz_col_text(st, 1));
	fz_json_set_str(o, "type_label", t ? t->label : fz_col_text(st, 1));
	fz_json_set_str(o, "number", fz_col_text(st, 2));
	fz_json_set_str(o, "title", fz_col_text(st, 3));
	fz_json_set_str(o, "state", fz_col_text(st, 4));
	fz_json_set_str(o, "state_label", state_label(t, fz_col_text(st, 4)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 5)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 6));
	fz_json_set_str(o, "received_on", fz_col_text(st, 7));
	fz_json_set_str(o, "created_at", fz_col_text(st, 8));
	/* Only a due day inside the county's window can depend on the clock's own one. */
	const char *due = fz_col_text(st, 9);
	int period = INT_MAX, d;
	if (due && fz_date_parse(due, &d) == FZ_OK && d >= ctx->today &&
	    d <= fz_clock_warn_end(ctx->cal, ctx->today, fz_ctx_yellow_days(ctx)))
		period = case_due_period(ctx, fz_col_int(st, 0), due);
	fz_case_due_json_period(ctx, o, due, fz_col_text(st, 10), period);
	json_object_set_new(o, "provisional", json_false());
	json_object_set_new(o, "provisional_due_date", json_null());
	if (!due && t) {
		const struct fz_state *sd = fz_flow_state(t, fz_col_text(st, 4));
		if (sd && !sd->final)
			row_provisional_due(ctx, fz_col_int(st, 0), o);
	}
	fz_json_set_str(o, "due_kind", fz_case_due_kind(ctx, t, fz_col_int(st, 0), due));
	json_object_set_new(o, "version", json_integer(fz_col_int(st, 11)));
	return o;
}

/*
 * Which day of its period a stopped clock stopped on (the reply came on the
 * Nth working day of 20): the smallest k for which a clock of k days from the
 * same trigger, with the same pauses, falls due on or after the stop day; 0
 * when it stopped on the trigger day. A k whose due day lies past the loaded
 * calendar is after every loaded day, so the answer stays exact while the stop
 * day itself is loaded. -1 when it cannot be told (the stop day is not loaded,
 * a calendar-day clock with pauses or rolled ends) or the stop came after the
 * whole period.
 */
static int stopped_day_of_period(const struct fz_calendar *cal, const struct clock_rec *r)
{
	if (r->stopped_on == FZ_OPEN || !fz_calendar_covers(cal, r->stopped_on))
		return -1;
	if (r->stopped_on <= r->trigger)
		return 0;
	int total = r->days + r->ext;
	if (r->unit != FZ_UNIT_WD) {
		int n = r->stopped_on - r->trigger;
		return r->np == 0 && n <= total ? n : -1;
	}
	for (int k = 1; k <= total; k++) {
		struct fz_clock_spec spec = {r->unit, k, 0, r->trigger, r->pauses, r->np};
		struct fz_clock_explain ex;
		struct fz_err e;
		fz_err_clear(&e);
		enum fz_code rc = fz_clock_compute(cal, &spec, &ex, &e);
		if (rc == FZ_EDATE_RANGE)
			return k;
		if (rc)
			return -1;
		if (ex.due == FZ_OPEN) /* stopped while paused: the days counted before */
			return k - 1;
		if (ex.due >= r->stopped_on)
			return k;
	}
	return -1;
}

enum fz_code fz_case_clocks_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				 struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, case_id, true, &c, err);
	if (rc)
		return rc;
	struct clock_rec recs[MAX_CLOCKS];
	size_t n;
	if ((rc = load_clocks(ctx, case_id, recs, &n, err)))
		return rc;
	int yellow = fz_ctx_yellow_days(ctx);
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		struct clock_rec *r = &recs[i];
		const struct fz_clock_def *def = fz_flow_clock(c.type, r->name);
		json_t *o = json_object();
		fz_json_set_str(o, "name", r->name);
		fz_json_set_str(o, "label", def ? def->label : r->name);
		fz_json_set_str(o, "unit", fz_clock_unit_code(r->unit));
		fz_json_set_str(o, "unit_label", fz_clock_unit_label(r->unit));
		json_object_set_new(o, "days", json_integer(r->days));
		json_object_set_new(o, "extended_days", json_integer(r->ext));
		json_object_set_new(o, "trigger_date", fz_json_date(r->trigger));
		fz_json_set_str(o, "state", r->state);
		fz_json_set_str(o, "article", def ? def->article : NULL);
		fz_json_set_str(o, "kind", def && def->validity ? "validity" : "deadline");
		fz_json_set_str(o, "step", def ? def->step : NULL);
		if (def && def->party) {
			/* A party's clock names the agency keeping it (several parties: which one). */
			struct fz_stmt *ks = fz_db_query(
				ctx->db, NULL,
				"SELECT a.name FROM case_clock k JOIN agency a ON a.agency_id = k.agency_id"
				" WHERE k.case_id = ? AND k.name = ?",
				"it", case_id, r->name);
			if (ks && fz_stmt_row(ks))
				fz_json_set_str(o, "keeper_name", fz_col_text(ks, 0));
			fz_stmt_done(ks);
		}
		if (def && def->step)
			fz_json_set_str(o, "step_label", state_label(c.type, def->step));
		struct fz_clock_explain ex;
		struct fz_err cerr;
		fz_err_clear(&cerr);
		json_t *lines = json_array();
		bool stopped = strcmp(r->state, "stopped") == 0;
		bool pending = false;
		if (compute(ctx, r, &ex, &cerr) == FZ_OK && strcmp(r->state, "running") == 0 &&
		    r->due == FZ_OPEN) {
			pending = true;
			char t[11];
			fz_date_format(r->trigger, t);
			json_array_append_new(
				lines, json_string(fz_arena_printf(
					       ctx->arena, "起算日 %s（当日不计入），按%s计算 %d 日。", t,
					       fz_clock_unit_label(r->unit), r->days + r->ext)));
			/*
			 * Issue 15: the law's due day waits for the State Council's notice,
			 * but the applicant and the staff are shown a provisional day,
			 * counted with weekends as the only rest days in the missing year,
			 * marked as such; never stored, replaced once the year is loaded.
			 */
			struct fz_clock_spec spec = {r->unit, r->days, r->ext, r->trigger, r->pauses,
						     r->np};
			struct fz_calendar *prov = fz_calendar_provisional(ctx->cal);
			struct fz_clock_explain pex;
			struct fz_err perr;
			fz_err_clear(&perr);
			int pdue = prov && fz_clock_compute(prov, &spec, &pex, &perr) == FZ_OK ? pex.due
											  : FZ_OPEN;
			fz_calendar_free(prov);
			int ty, missing = 0;
			fz_date_to_ymd(r->trigger, &ty, NULL, NULL);
			for (int y = ty; !missing && y <= FZ_CAL_MAX_YEAR; y++)
				if (!fz_calendar_covers(ctx->cal, fz_date_from_ymd(y, 1, 1)))
					missing = y;
			json_array_append_new(
				lines, json_string(fz_arena_printf(
					       ctx->arena,
					       "期限跨入 %d 年，该年度国务院节假日安排尚未公布或尚未载入：到期日以国务院"
					       "公布的节假日安排为准，管理员载入该年度日历后自动计算。",
					       missing)));
			if (pdue != FZ_OPEN) {
				char pd[11];
				fz_date_format(pdue, pd);
				json_array_append_new(
					lines, json_string(fz_arena_printf(
						       ctx->arena,
						       "暂定到期日 %s（暂按周末推算，以国务院公布的节假日安排为准）。",
						       pd)));
			}
			json_object_set_new(o, "provisional", json_true());
			json_object_set_new(o, "provisional_due_date", fz_json_date(pdue));
			fz_json_set_str(o, "provisional_note",
					"暂按周末推算，以国务院公布的节假日安排为准");
			json_object_set_new(o, "calendar_missing_year",
					    missing ? json_integer(missing) : json_null());
		} else if (cerr.code == FZ_OK) {
			struct fz_clock_spec spec = {r->unit, r->days, r->ext, r->trigger, r->pauses,
						     r->np};
			char(*buf)[FZ_CLOCK_LINE] = fz_arena_alloc(ctx->arena, 16 * FZ_CLOCK_LINE);
			size_t k = fz_clock_explain_lines(ctx->cal, &spec, &ex, buf, 16);
			/*
			 * A stopped clock is not paused: the last line (the due day, or
			 * "计时暂停中" when there is none: stopped while paused, or due in a
			 * year not loaded) gives way to the day it stopped on, below.
			 */
			if (stopped && ex.due == FZ_OPEN && k > 0)
				k = r->np ? k - 1 : 1;
			for (size_t j = 0; j < k; j++)
				json_array_append_new(lines, json_string(buf[j]));
		} else {
			json_array_append_new(lines, json_string(cerr.message));
		}
		int nth = stopped ? stopped_day_of_period(ctx->cal, r) : -1;
		if (stopped) {
			char d[11];
			fz_date_format(r->stopped_on, d);
			const char *u = fz_clock_unit_label(r->unit);
			json_array_append_new(
				lines,
				json_string(
					nth > 0 ? fz_arena_printf(ctx->arena,
								  "%s 完成，为第 %d 个%s（期限 %d 个%s），停止计时。",
								  d, nth, u, r->days + r->ext, u)
					: nth == 0 ? fz_arena_printf(ctx->arena,
								     "%s 完成（起算日当日），停止计时。", d)
						   : fz_arena_printf(ctx->arena, "%s 完成，停止计时。", d)));
		}
		json_object_set_new(o, "stopped_on_day", nth >= 0 ? json_integer(nth) : json_null());
		json_object_set_new(o, "explain", lines);
		json_object_set_new(o, "due_date", fz_json_date(r->due));
		enum fz_clock_status s = FZ_STATUS_STOPPED;
		int left = 0;
		if (strcmp(r->state, "paused") == 0) {
			s = FZ_STATUS_PAUSED;
			left = r->left;
		} else if (strcmp(r->state, "running") == 0 && r->due != FZ_OPEN) {
			fz_clock_status(ctx->cal, r->unit, r->due, ctx->today,
					fz_clock_warn_days(yellow, r->days + r->ext), &s, &left);
		}
		if (pending) {
			fz_json_set_str(o, "status", "unknown");
			json_object_set_new(o, "days_left", json_null());
			json_array_append_new(arr, o);
			continue;
		}
		fz_json_set_str(o, "status", fz_clock_status_name(s));
		json_object_set_new(o, "days_left",
				    s == FZ_STATUS_STOPPED ? json_null() : json_integer(left));
		/* A validity period runs out by itself: stopping it is neither on time nor late. */
		bool timed = !(def && def->validity);
		if (timed && s == FZ_STATUS_STOPPED && r->due != FZ_OPEN && r->stopped_on != FZ_OPEN)
			json_object_set_new(o, "on_time", json_boolean(r->stopped_on <= r->due));
		else if (timed && s == FZ_STATUS_STOPPED && nth >= 0) /* due day not known, inside it */
			json_object_set_new(o, "on_time", json_true());
		json_array_append_new(arr, o);
	}
	*out = arr;
	return FZ_OK;
}

static json_t *input_json(const struct fz_input *in)
{
	static const char *const types[] = {"text", "textarea", "agency", "bool",
					    "date", "int", "select"};
	json_t *o = json_object();
	fz_json_set_str(o, "name", in->name);
	fz_json_set_str(o, "label", in->label);
	fz_json_set_str(o, "type", types[in->type]);
	json_object_set_new(o, "required", json_boolean(in->required));
	if (in->type == FZ_IN_TEXT || in->type == FZ_IN_TEXTAREA)
		json_object_set_new(o, "max_chars", json_integer(in->max_chars ? in->max_chars : 2000));
	if (in->type == FZ_IN_INT) {
		json_object_set_new(o, "min", json_integer(in->min));
		json_object_set_new(o, "max", json_integer(in->max));
	}
	if (in->options) {
		json_t *opts = json_array();
		for (const struct fz_option *op = in->options; op->value; op++) {
			json_t *x = json_object();
			fz_json_set_str(x, "value", op->value);
			fz_json_set_str(x, "label", op->label);
			json_array_append_new(opts, x);
		}
		json_object_set_new(o, "options", opts);
	}
	return o;
}

enum fz_code fz_case_detail(struct fz_ctx *ctx, int64_t case_id, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, case_id, false, &c, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " ROW_COLS " FROM case_record c"
					 " JOIN agency a ON a.agency_id = c.agency_id"
					 " WHERE c.case_id = ?",
					 "i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "案件不存在");
	}
	json_t *caseobj = row_json(ctx, st);
	fz_json_set_str(caseobj, "tracking_code", fz_col_text(st, 12));
	fz_stmt_done(st);
	json_t *res = json_object();
	json_object_set_new(res, "case", caseobj);
	json_t *fields = json_object();
	json_object_set_new(caseobj, "fields", fields);
	if (c.kind->fields && (rc = c.kind->fields(ctx, case_id, fields, err)))
		goto fail;
	json_t *clocks;
	if ((rc = fz_case_clocks_json(ctx, case_id, &clocks, err)))
		goto fail;
	json_object_set_new(res, "clocks", clocks);

	json_t *events = json_array();
	json_object_set_new(res, "events", events);
	st = fz_db_query(ctx->db, err,
			 "SELECT event_id, at, actor, actor_role, action, from_state, to_state, note"
			 " FROM event WHERE case_id = ? ORDER BY event_id",
			 "i", case_id);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	while (fz_stmt_row(st)) {
		json_t *e = json_object();
		json_object_set_new(e, "event_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(e, "at", fz_col_text(st, 1));
		fz_json_set_str(e, "actor", fz_col_text(st, 2));
		fz_json_set_str(e, "actor_role", fz_col_text(st, 3));
		enum fz_role r = fz_role_parse(fz_col_text(st, 3));
		fz_json_set_str(e, "actor_role_label",
				r ? fz_role_label(r)
				  : strcmp(fz_col_text(st, 3), "public") == 0 ? "公众" : "系统");
		fz_json_set_str(e, "action", fz_col_text(st, 4));
		fz_json_set_str(e, "action_label", fz_case_action_label(c.type, fz_col_text(st, 4)));
		fz_json_set_str(e, "from_state", fz_col_text(st, 5));
		fz_json_set_str(e, "to_state", fz_col_text(st, 6));
		if (fz_col_text(st, 5))
			fz_json_set_str(e, "from_state_label", state_label(c.type, fz_col_text(st, 5)));
		if (fz_col_text(st, 6))
			fz_json_set_str(e, "to_state_label", state_label(c.type, fz_col_text(st, 6)));
		fz_json_set_str(e, "note", fz_col_text(st, 7));
		/* The receipt day moved by the rest-day rule (fz_case_create) is said on the case. */
		if (strcmp(fz_col_text(st, 4), "create") == 0 && fz_col_text(st, 7))
			fz_json_set_str(caseobj, "receipt_note", fz_col_text(st, 7));
		json_array_append_new(events, e);
	}
	fz_stmt_done(st);

	json_t *atts = json_array();
	json_object_set_new(res, "attachments", atts);
	st = fz_db_query(ctx->db, err,
			 "SELECT t.attachment_id, t.filename, t.size, t.content_type, t.sha256,"
			 " t.uploaded_at, u.display_name FROM attachment t"
			 " LEFT JOIN app_user u ON u.user_id = t.uploaded_by"
			 " WHERE t.case_id = ? ORDER BY t.attachment_id",
			 "i", case_id);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	while (fz_stmt_row(st)) {
		json_t *a = json_object();
		json_object_set_new(a, "attachment_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(a, "filename", fz_col_text(st, 1));
		json_object_set_new(a, "size", json_integer(fz_col_int(st, 2)));
		fz_json_set_str(a, "content_type", fz_col_text(st, 3));
		fz_json_set_str(a, "sha256", fz_col_text(st, 4));
		fz_json_set_str(a, "uploaded_at", fz_col_text(st, 5));
		fz_json_set_str(a, "uploaded_by", fz_col_text(st, 6) ? fz_col_text(st, 6) : "公众");
		json_array_append_new(atts, a);
	}
	fz_stmt_done(st);

	json_t *actions = json_array();
	json_object_set_new(res, "actions", actions);
	const struct fz_transition *avail[32];
	size_t na = fz_case_offered(ctx, &c, fields, avail, 32);
	for (size_t i = 0; i < na; i++) {
		json_t *a = json_object();
		fz_json_set_str(a, "name", avail[i]->name);
		fz_json_set_str(a, "label", avail[i]->label);
		fz_json_set_str(a, "article", avail[i]->article);
		json_t *ins = json_array();
		for (int k = 0; k < FZ_MAX_INPUTS && avail[i]->inputs[k].name; k++)
			json_array_append_new(ins, input_json(&avail[i]->inputs[k]));
		json_object_set_new(a, "inputs", ins);
		json_array_append_new(actions, a);
	}
	*out = res;
	return FZ_OK;
fail:
	json_decref(res);
	return rc;
}

/* ---- the generic case list (platform/lists.h) --------------------------------- */

static json_t *list_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	return row_json(ctx, st);
}

json_t *fz_case_row_json(struct fz_ctx *ctx, struct fz_stmt *st)
{
	return row_json(ctx, st);
}

static const char *const case_like[] = {"c.title", "c.number", NULL};

/*
 * Type, state and agency alone (the common lists) are answered from the
 * tally the triggers keep (core-005): case_tally, aliased c, has exactly
 * those columns and the scope's.
 */
static const struct fz_list_filter case_filters[] = {
	{.param = "type", .label = "案件类型", .kind = FZ_LF_CASE_TYPE, .sql = "c.case_type = ?",
	 .tally = true},
	{.param = "state", .label = "案件状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .tally = true},
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "c.agency_id = ?",
	 .tally = true},
	{.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
	/* The records behind figures such as mailbox.letters.received (platform/figures.h). */
	{.param = "year", .label = "收件年度", .kind = FZ_LF_YEAR, .sql = "c.received_on",
	 .hint = "按收件日期所在年度筛选"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 100, .index = "case",
	 .key = "c.case_id", .like = case_like},
	{.param = NULL},
};

static const struct fz_list_sort case_sorts[] = {
	{.name = "created_at", .expr = "c.created_at"},
	{.name = "due_date", .expr = "c.due_date", .nulls_last = true},
	{.name = "number", .expr = "c.case_id"},
	{.name = NULL},
};

const struct fz_list_col fz_case_export_cols[] = {
	{.key = "number", .header = "编号", .width = 22},
	{.key = "type_label", .header = "类型", .width = 16},
	{.key = "title", .header = "标题", .width = 36},
	{.key = "state_label", .header = "状态"},
	{.key = "agency_name", .header = "承办单位", .width = 24},
	{.key = "received_on", .header = "收到日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = "days_left", .header = "剩余天数", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "clock_status", .header = "时限状态", .kind = FZ_LC_LABEL,
	 .options = fz_list_clock_bands, .width = 10},
	{.key = NULL},
};

const struct fz_list fz_cases_list = {
	.name = "案件列表",
	.select = FZ_CASE_ROW_COLS,
	.from = "case_record c JOIN agency a ON a.agency_id = c.agency_id",
	.count_from = "case_record c",
	.tally = "SELECT COALESCE(SUM(c.n), 0) FROM case_tally c",
	.scope = "c.agency_id",
	.shared = "c.case_id",
	.filters = case_filters,
	.sorts = case_sorts,
	.sort_default = "-created_at",
	.tiebreak = "c.case_id",
	.row = list_row,
	.columns = fz_case_export_cols,
};

/* struct fz_case_filter as the list's query parameters. */
static const char *filter_get(void *data, const char *key)
{
	const struct fz_case_filter *f = data;
	static _Thread_local char num[24];
	if (strcmp(key, "type") == 0)
		return f->type;
	if (strcmp(key, "state") == 0)
		return f->state;
	if (strcmp(key, "clock_status") == 0)
		return f->clock_status;
	if (strcmp(key, "q") == 0)
		return f->q;
	if (strcmp(key, "sort") == 0)
		return f->sort;
	int64_t v = strcmp(key, "agency_id") == 0 ? f->agency_id
		    : strcmp(key, "page") == 0	   ? f->page
		    : strcmp(key, "per_page") == 0 ? f->per_page
						   : 0;
	if (!v)
		return NULL;
	snprintf(num, sizeof num, "%lld", (long long)v);
	return num;
}

enum fz_code fz_case_list(struct fz_ctx *ctx, const struct fz_case_filter *f, json_t **out,
			  struct fz_err *err)
{
	return fz_list_page(ctx, &fz_cases_list, filter_get, (void *)f, out, err);
}

enum fz_code fz_clocks_recompute_all(struct fz_ctx *ctx, int *changed, struct fz_err *err)
{
	*changed = 0;
	/* Collect ids first: the per-clock work issues other queries on this connection. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT clock_id FROM case_clock WHERE state <> 'stopped' ORDER BY clock_id",
		NULL);
	if (!st)
		return err->code;
	size_t cap = 1024, n = 0;
	int64_t *ids = malloc(cap * sizeof *ids);
	while (ids && fz_stmt_row(st)) {
		if (n == cap) {
			int64_t *bigger = realloc(ids, (cap *= 2) * sizeof *ids);
			if (!bigger) {
				free(ids);
				ids = NULL;
				break;
			}
			ids = bigger;
		}
		ids[n++] = fz_col_int(st, 0);
	}
	fz_stmt_done(st);
	if (!ids)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	enum fz_code rc = FZ_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		st = fz_db_query(ctx->db, err,
				 "SELECT case_id, name, unit, days, extended_days, trigger_date,"
				 " due_date, pauses, state FROM case_clock WHERE clock_id = ?",
				 "i", ids[i]);
		if (!st || !fz_stmt_row(st)) {
			fz_stmt_done(st);
			continue;
		}
		struct clock_rec r = {.clock_id = ids[i], .stopped_on = FZ_OPEN};
		int64_t case_id = fz_col_int(st, 0);
		snprintf(r.name, sizeof r.name, "%s", fz_col_text(st, 1));
		if (!fz_clock_unit_parse(fz_col_text(st, 2), &r.unit))
			r.unit = FZ_UNIT_WD;
		r.days = (int)fz_col_int(st, 3);
		r.ext = (int)fz_col_int(st, 4);
		r.trigger = date_col(st, 5);
		int old_due = date_col(st, 6);
		pauses_parse(&r, fz_col_text(st, 7));
		snprintf(r.state, sizeof r.state, "%s", fz_col_text(st, 8));
		fz_stmt_done(st);
		if ((rc = compute(ctx, &r, NULL, err)))
			break;
		if (r.due == old_due)
			continue;
		if ((rc = save_clock(ctx, &r, err)) || (rc = refresh_case_due(ctx, case_id, err)))
			break;
		char a[11] = "", b2[11] = "", before[64], after[64];
		if (old_due != FZ_OPEN)
			fz_date_format(old_due, a);
		if (r.due != FZ_OPEN)
			fz_date_format(r.due, b2);
		snprintf(before, sizeof before, "{\"due_date\":\"%s\"}", a);
		snprintf(after, sizeof after, "{\"due_date\":\"%s\"}", b2);
		char *note = fz_arena_printf(ctx->arena, "时限 %s 到期日由 %s 调整为 %s", r.name, a, b2);
		struct fz_event ev = {.case_id = case_id, .entity = "clock", .action = "clock_recompute",
				      .note = note, .before = before, .after = after};
		rc = fz_audit_append(ctx, &ev, NULL, err);
		(*changed)++;
	}
	free(ids);
	return rc;
}

/* ---- conversion into another kind's case ------------------------------------- */

enum fz_code fz_case_convert_source(struct fz_ctx *ctx, int64_t source_id, struct fz_case_row *out,
				    json_t *fields, struct fz_err *err)
{
	enum fz_code rc = fz_case_load(ctx, source_id, false, out, err);
	if (rc)
		return rc;
	const struct fz_transition *tr =
		out->kind->convert ? fz_flow_transition(out->type, out->kind->convert) : NULL;
	bool open = false;
	for (int i = 0; tr && i < FZ_MAX_FROM && tr->from[i]; i++)
		open = open || strcmp(tr->from[i], out->state) == 0;
	if (!tr)
		return fz_err_set(err, FZ_ESTATE, "id", "%s不能转为其他案件办理", out->type->label);
	if (!open) {
		const struct fz_state *s = fz_flow_state(out->type, out->state);
		return fz_err_set(err, FZ_ESTATE, "id", "%s %s 当前状态为“%s”，不能再转办", out->type->label,
				  out->number, s ? s->label : out->state);
	}
	if (fields && out->kind->fields)
		return out->kind->fields(ctx, source_id, fields, err);
	return FZ_OK;
}

enum fz_code fz_case_convert_done(struct fz_ctx *ctx, int64_t source_id, const char *to_number,
				  const char *note, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, source_id, true, &c, err);
	if (rc)
		return rc;
	if (!c.kind->convert)
		return fz_err_set(err, FZ_ESTATE, "id", "%s不能转为其他案件办理", c.type->label);
	json_t *body = json_pack("{s:s}", "to_number", to_number);
	if (note)
		json_object_set_new(body, "note", json_string(note));
	rc = fz_case_act_system(ctx, source_id, c.kind->convert, body, err);
	json_decref(body);
	return rc;
}
