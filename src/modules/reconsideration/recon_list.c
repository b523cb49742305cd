/*
 * recon_list.c - the module lists of reconsideration cases and lawsuits: the
 * generic case list filtered and shown by what only this module knows (the
 * respondent, the procedure, the act, the decision; the instance and the
 * outcome), so the browser never loads a case's detail to fill a row.
 *
 * Scope is the engine's (platform/cases.h): agency roles see only their own
 * agency's cases. A reconsideration case belongs to the legal office, so a
 * department sees none, even where it is the respondent; a lawsuit belongs to
 * the defendant agency. Filters arrive validated (recon_api.c); every value is
 * bound, the SQL is assembled from fixed fragments only.
 */
#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/reconsideration/recon_int.h"
#include "platform/jsonx.h"
#include "platform/search.h"

#define MAXB 24

struct where {
	char sql[1536];
	struct fz_bind b[MAXB];
	size_t nb;
	char year_lo[11], year_hi[11], today[11], soon[11], like[512];
};

static void add(struct where *w, const char *frag)
{
	strncat(w->sql, frag, sizeof w->sql - strlen(w->sql) - 1);
}

static void bind_t(struct where *w, const char *t)
{
	assert(w->nb < MAXB - 2); /* two left for LIMIT and OFFSET */
	w->b[w->nb++] = (struct fz_bind){'t', 0, t};
}

static void bind_i(struct where *w, int64_t i)
{
	assert(w->nb < MAXB - 2);
	w->b[w->nb++] = (struct fz_bind){'i', i, NULL};
}

/* The filters both lists share: scope, year of receipt, state, agency column, clock status. */
static void common(struct fz_ctx *ctx, const struct fz_recon_filter *f, const char *agency_col,
		   struct where *w)
{
	if (!fz_ctx_sees_all(ctx)) {
		add(w, " AND c.agency_id = ?");
		bind_i(w, ctx->user ? ctx->user->agency_id : -1);
	}
	if (f->year) {
		fz_date_format(fz_date_from_ymd(f->year, 1, 1), w->year_lo);
		fz_date_format(fz_date_from_ymd(f->year, 12, 31), w->year_hi);
		add(w, " AND c.received_on >= ? AND c.received_on <= ?");
		bind_t(w, w->year_lo);
		bind_t(w, w->year_hi);
	}
	if (f->state) {
		add(w, " AND c.state = ?");
		bind_t(w, f->state);
	}
	if (f->agency_id) {
		add(w, agency_col);
		bind_i(w, f->agency_id);
	}
	if (f->act_type) {
		add(w, " AND x.act_type = ?");
		bind_t(w, f->act_type);
	}
	if (f->clock_status) {
		/* The same bands as the generic list and the dashboard. */
		int yellow = fz_ctx_yellow_days(ctx), s;
		if (fz_calendar_add_workdays(ctx->cal, ctx->today, yellow, &s) != FZ_OK)
			s = ctx->today + yellow;
		fz_date_format(ctx->today, w->today);
		fz_date_format(s, w->soon);
		if (strcmp(f->clock_status, "red") == 0) {
			add(w, " AND c.due_date < ?");
			bind_t(w, w->today);
		} else if (strcmp(f->clock_status, "yellow") == 0) {
			add(w, " AND c.due_date >= ? AND c.due_date <= ?");
			bind_t(w, w->today);
			bind_t(w, w->soon);
		} else {
			add(w, " AND c.due_date > ?");
			bind_t(w, w->soon);
		}
	}
}

static const struct {
	const char *key, *sql;
} sorts[] = {
	{"created_at", " ORDER BY c.created_at, c.case_id"},
	{"-created_at", " ORDER BY c.created_at DESC, c.case_id DESC"},
	{"received_on", " ORDER BY c.received_on, c.case_id"},
	{"-received_on", " ORDER BY c.received_on DESC, c.case_id DESC"},
	{"due_date", " ORDER BY c.due_date IS NULL, c.due_date, c.case_id"},
	{"-due_date", " ORDER BY c.due_date IS NULL, c.due_date DESC, c.case_id DESC"},
	{"number", " ORDER BY c.case_id"},
	{"-number", " ORDER BY c.case_id DESC"},
	{NULL, NULL},
};

bool fz_recon_sort_valid(const char *sort)
{
	for (int i = 0; sorts[i].key; i++)
		if (strcmp(sorts[i].key, sort) == 0)
			return true;
	return false;
}

static const char *sort_sql(const char *sort)
{
	for (int i = 0; sorts[i].key; i++)
		if (strcmp(sorts[i].key, sort ? sort : "-created_at") == 0)
			return sorts[i].sql;
	return sorts[1].sql;
}

/* Runs the count and the page; row() turns each row into JSON. */
static enum fz_code run(struct fz_ctx *ctx, const struct fz_recon_filter *f, struct where *w,
			const char *cols, const char *from,
			json_t *(*row)(struct fz_ctx *ctx, struct fz_stmt *st), json_t **out,
			struct fz_err *err)
{
	char sql[4096];
	snprintf(sql, sizeof sql, "SELECT COUNT(*) %s%s", from, w->sql);
	struct fz_stmt *st = fz_db_query_v(ctx->db, err, sql, w->b, w->nb);
	if (!st)
		return err->code;
	int64_t total = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	snprintf(sql, sizeof sql, "SELECT %s %s%s%s LIMIT ? OFFSET ?", cols, from, w->sql,
		 sort_sql(f->sort));
	w->b[w->nb++] = (struct fz_bind){'i', f->per_page, NULL};
	w->b[w->nb++] = (struct fz_bind){'i', (int64_t)(f->page - 1) * f->per_page, NULL};
	st = fz_db_query_v(ctx->db, err, sql, w->b, w->nb);
	if (!st)
		return err->code;
	json_t *items = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(items, row(ctx, st));
	failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(items);
		return err->code;
	}
	*out = json_pack("{s:o, s:I, s:i, s:i}", "items", items, "total", (json_int_t)total, "page",
			 f->page, "per_page", f->per_page);
	return FZ_OK;
}

/* Columns 0-10 of both lists, as the generic CaseRow has them. */
#define CASE_COLS                                                                          \
	"c.case_id, c.case_type, c.number, c.title, c.state, c.agency_id, a.name,"         \
	" c.received_on, c.created_at, c.due_date, c.due_unit, c.version"

static json_t *case_row(struct fz_ctx *ctx, struct fz_stmt *st, const struct fz_case_type *t)
{
	json_t *o = json_object();
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "case_type", fz_col_text(st, 1));
	fz_json_set_str(o, "type_label", t->label);
	fz_json_set_str(o, "number", fz_col_text(st, 2));
	fz_json_set_str(o, "title", fz_col_text(st, 3));
	fz_json_set_str(o, "state", fz_col_text(st, 4));
	const struct fz_state *s = fz_flow_state(t, fz_col_text(st, 4));
	fz_json_set_str(o, "state_label", s ? s->label : fz_col_text(st, 4));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 5)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 6));
	fz_json_set_str(o, "received_on", fz_col_text(st, 7));
	fz_json_set_str(o, "created_at", fz_col_text(st, 8));
	fz_case_due_json(ctx, o, fz_col_text(st, 9), fz_col_text(st, 10));
	json_object_set_new(o, "version", json_integer(fz_col_int(st, 11)));
	return o;
}

static void label(json_t *o, const char *key, const struct fz_option *opts, const char *v)
{
	char name[64];
	fz_json_set_str(o, key, v);
	snprintf(name, sizeof name, "%s_label", key);
	fz_json_set_str(o, name, v ? fz_recon_label(opts, v) : NULL);
}

static json_t *recon_row(struct fz_ctx *ctx, struct fz_stmt *st)
{
	json_t *o = case_row(ctx, st, &fz_recon_type);
	fz_json_set_str(o, "applicant_name", fz_col_text(st, 12));
	json_object_set_new(o, "respondent_agency_id", json_integer(fz_col_int(st, 13)));
	fz_json_set_str(o, "respondent_name", fz_col_text(st, 14));
	label(o, "procedure", fz_recon_procedures, fz_col_text(st, 15));
	label(o, "act_type", fz_recon_act_types, fz_col_text(st, 16));
	/* Only decisions and endings have a label; refusals and the like read from the state. */
	const char *d = fz_col_text(st, 17);
	const char *dl = d ? fz_recon_label(fz_recon_decisions, d) : NULL;
	if (dl == d)
		dl = d ? fz_recon_label(fz_recon_endings, d) : NULL;
	fz_json_set_str(o, "decision", dl == d ? NULL : d);
	fz_json_set_str(o, "decision_label", dl == d ? NULL : dl);
	fz_json_set_str(o, "accepted_on", fz_col_text(st, 18));
	fz_json_set_str(o, "decided_on", fz_col_text(st, 19));
	json_object_set_new(o, "late", json_boolean(fz_col_int(st, 20)));
	return o;
}

enum fz_code fz_recon_list(struct fz_ctx *ctx, const struct fz_recon_filter *f, json_t **out,
			   struct fz_err *err)
{
	struct where w = {.sql = " WHERE c.case_type = 'reconsideration'"};
	common(ctx, f, " AND x.respondent_agency_id = ?", &w);
	if (f->procedure) {
		add(&w, " AND x.procedure = ?");
		bind_t(&w, f->procedure);
	}
	if (f->q && *f->q) {
		fz_search_like(f->q, w.like, sizeof w.like);
		add(&w, " AND (c.number LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\'"
			" OR x.applicant_name LIKE ? ESCAPE '\\' OR x.requests LIKE ? ESCAPE '\\'"
			" OR x.act_number LIKE ? ESCAPE '\\' OR ra.name LIKE ? ESCAPE '\\')");
		for (int i = 0; i < 6; i++)
			bind_t(&w, w.like);
	}
	return run(ctx, f, &w,
		   CASE_COLS ", x.applicant_name, x.respondent_agency_id, ra.name, x.procedure,"
			     " x.act_type, x.decision, x.accepted_on, x.decided_on, x.late",
		   "FROM case_record c JOIN recon_case x ON x.case_id = c.case_id"
		   " JOIN agency a ON a.agency_id = c.agency_id"
		   " JOIN agency ra ON ra.agency_id = x.respondent_agency_id",
		   recon_row, out, err);
}

static json_t *lit_row(struct fz_ctx *ctx, struct fz_stmt *st)
{
	json_t *o = case_row(ctx, st, &fz_lit_type);
	fz_json_set_str(o, "plaintiff", fz_col_text(st, 12));
	fz_json_set_str(o, "court", fz_col_text(st, 13));
	label(o, "instance", fz_lit_instances, fz_col_text(st, 14));
	label(o, "act_type", fz_recon_act_types, fz_col_text(st, 15));
	label(o, "outcome", fz_lit_outcomes, fz_col_text(st, 16));
	fz_json_set_str(o, "judged_on", fz_col_text(st, 17));
	json_object_set_new(o, "recon_case_id",
			    fz_col_null(st, 18) ? json_null() : json_integer(fz_col_int(st, 18)));
	fz_json_set_str(o, "recon_number", fz_col_text(st, 19));
	json_object_set_new(o, "hearings", json_integer(fz_col_int(st, 20)));
	json_object_set_new(o, "head_appeared", json_integer(fz_col_int(st, 21)));
	return o;
}

enum fz_code fz_lit_list(struct fz_ctx *ctx, const struct fz_recon_filter *f, json_t **out,
			 struct fz_err *err)
{
	struct where w = {.sql = " WHERE c.case_type = 'litigation'"};
	common(ctx, f, " AND c.agency_id = ?", &w);
	if (f->instance) {
		add(&w, " AND x.instance = ?");
		bind_t(&w, f->instance);
	}
	if (f->outcome) {
		add(&w, " AND x.outcome = ?");
		bind_t(&w, f->outcome);
	}
	if (f->q && *f->q) {
		fz_search_like(f->q, w.like, sizeof w.like);
		add(&w, " AND (c.number LIKE ? ESCAPE '\\' OR c.title LIKE ? ESCAPE '\\'"
			" OR x.plaintiff LIKE ? ESCAPE '\\' OR x.court LIKE ? ESCAPE '\\'"
			" OR x.act_number LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\')");
		for (int i = 0; i < 6; i++)
			bind_t(&w, w.like);
	}
	/* 行政诉讼法 第3条: hearings and how many of them the head (or a deputy) attended. */
	return run(ctx, f, &w,
		   CASE_COLS ", x.plaintiff, x.court, x.instance, x.act_type, x.outcome, x.judged_on,"
			     " x.recon_case_id, rc.number,"
			     " (SELECT COUNT(*) FROM lit_hearing h WHERE h.case_id = c.case_id),"
			     " (SELECT COUNT(*) FROM lit_hearing h WHERE h.case_id = c.case_id"
			     " AND h.post <> 'staff')",
		   "FROM case_record c JOIN lit_case x ON x.case_id = c.case_id"
		   " JOIN agency a ON a.agency_id = c.agency_id"
		   " LEFT JOIN case_record rc ON rc.case_id = x.recon_case_id",
		   lit_row, out, err);
}
