/*
 * case_guards.c - the facts a transition's guards read, gathered from the
 * store (cases_int.h). The rules themselves are core's (fz_flow_guard): this
 * file only answers its questions about one case, each with one small query,
 * and only for the guards a transition declares.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "platform/cases_int.h"
#include "platform/jsonx.h"
#include "platform/module.h"

struct facts {
	struct fz_ctx *ctx;
	const struct fz_case_row *c;
	json_t *input;  /* the submitted body (acting); not read when listing */
	bool acting;
	json_t *fields; /* the domain fields: borrowed, or read when a guard needs them and owned */
	bool own_fields;
	enum fz_code fields_rc; /* how reading them went: a failure refuses every field guard */
};

static struct fz_clock_fact clock_fact(void *ud, const char *name)
{
	struct facts *f = ud;
	struct fz_clock_fact k = {.due = FZ_OPEN};
	struct fz_stmt *st = fz_db_query(f->ctx->db, NULL,
					 "SELECT state, due_date, extensions FROM case_clock"
					 " WHERE case_id = ? AND name = ?",
					 "it", f->c->case_id, name);
	if (st && fz_stmt_row(st)) {
		k.started = true;
		k.open = strcmp(fz_col_text(st, 0), "stopped") != 0;
		const char *due = fz_col_text(st, 1);
		if (!due || fz_date_parse(due, &k.due) != FZ_OK)
			k.due = FZ_OPEN;
		k.extensions = (int)fz_col_int(st, 2);
	}
	fz_stmt_done(st);
	return k;
}

static bool taken(void *ud, const char *transition)
{
	struct facts *f = ud;
	struct fz_stmt *st = fz_db_query(f->ctx->db, NULL,
					 "SELECT 1 FROM event WHERE case_id = ? AND entity = 'case'"
					 " AND action = ?",
					 "it", f->c->case_id, transition);
	bool yes = st && fz_stmt_row(st);
	fz_stmt_done(st);
	return yes;
}

/* A JSON value as the guards compare it: text, "true"/"false", digits; NULL for none. */
static const char *as_text(struct fz_ctx *ctx, json_t *v)
{
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_boolean(v))
		return json_is_true(v) ? "true" : "false";
	if (json_is_integer(v))
		return fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return fz_arena_printf(ctx->arena, "%g", json_real_value(v));
	return NULL;
}

static const char *field(void *ud, const char *name)
{
	struct facts *f = ud;
	return as_text(f->ctx, json_object_get(f->fields, name));
}

/* Reads the domain fields once, when a field guard needs them and the caller had none. */
static enum fz_code load_fields(struct facts *f, struct fz_err *err)
{
	if (f->fields)
		return f->fields_rc ? fz_err_set(err, f->fields_rc, NULL, NULL) : FZ_OK;
	f->fields = json_object();
	f->own_fields = true;
	if (f->c->kind && f->c->kind->fields)
		f->fields_rc = f->c->kind->fields(f->ctx, f->c->case_id, f->fields, err);
	return f->fields_rc;
}

static const char *input(void *ud, const char *name)
{
	struct facts *f = ud;
	const char *v = as_text(f->ctx, json_object_get(f->input, name));
	return v && !fz_text_blank(v) ? v : NULL;
}

static enum fz_code check(struct facts *f, const struct fz_transition *tr, struct fz_err *err)
{
	enum fz_code rc = tr->when[0].field ? load_fields(f, err) : FZ_OK;
	if (rc)
		return rc;
	int received = f->ctx->today;
	fz_date_parse(f->c->received_on, &received);
	struct fz_flow_facts ff = {
		.today = f->ctx->today,
		.received = received,
		.cal = f->ctx->cal,
		.ud = f,
		.clock = clock_fact,
		.taken = taken,
		.field = field,
		.input = f->acting ? input : NULL,
	};
	return fz_flow_guard(f->c->type, tr, &ff, err);
}

enum fz_code fz_case_guard(struct fz_ctx *ctx, const struct fz_case_row *c,
			   const struct fz_transition *tr, json_t *in, json_t *fields,
			   struct fz_err *err)
{
	if (!fz_flow_guarded(c->type, tr))
		return FZ_OK;
	struct facts f = {.ctx = ctx, .c = c, .input = in, .acting = true, .fields = fields};
	enum fz_code rc = check(&f, tr, err);
	if (f.own_fields)
		json_decref(f.fields);
	return rc;
}

size_t fz_case_offered(struct fz_ctx *ctx, const struct fz_case_row *c, json_t *fields,
		       const struct fz_transition **out, size_t max)
{
	const struct fz_transition *avail[32];
	size_t na = fz_flow_available(c->type, c->state, fz_ctx_role(ctx), avail, 32), n = 0;
	struct facts f = {.ctx = ctx, .c = c, .fields = fields};
	for (size_t i = 0; i < na && n < max; i++) {
		struct fz_err err;
		if (!fz_flow_guarded(c->type, avail[i]) || check(&f, avail[i], &err) == FZ_OK)
			out[n++] = avail[i];
	}
	if (f.own_fields)
		json_decref(f.fields);
	return n;
}
