/* review.c - the 待我审核 queue as a declared list (review.h). */
#include "platform/review.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"

#include "platform/cases.h"
#include "platform/module.h"

/* The clerk roles of the office a head leads: whose work the head approves. */
static unsigned clerks_of(enum fz_role head)
{
	switch (head) {
	case FZ_ROLE_AGENCY_HEAD:
		return FZ_ROLE_AGENCY_CLERK | FZ_ROLE_OFFICER;
	case FZ_ROLE_LEGAL_HEAD:
		return FZ_ROLE_LEGAL_STAFF;
	default:
		return 0;
	}
}

/* Does a state of t wait on role: a step role may take leaves it, none that clerks may take does. */
static bool waits_on(const struct fz_case_type *t, const char *state, enum fz_role role,
		     unsigned clerks)
{
	bool head = false;
	for (const struct fz_transition *tr = t->transitions; tr->name; tr++) {
		if (tr->system || !fz_flow_from_ok(tr, state))
			continue;
		if (tr->roles & clerks)
			return false;
		if (tr->roles & role)
			head = true;
	}
	return head;
}

/* Restricts the rows to the (case type, state) pairs that wait on the caller's role. */
static enum fz_code review_prepare(struct fz_list_run *run, struct fz_err *err)
{
	(void)err;
	enum fz_role role = run->ctx->user ? run->ctx->user->role : 0;
	unsigned clerks = clerks_of(role);
	char cond[2048];
	size_t n = 0;
	cond[0] = '\0';
	int pairs = 0;
	for (size_t i = 0; clerks && i < fz_platform_kind_count(); i++) {
		const struct fz_case_type *t = fz_platform_kind(i)->type;
		for (const struct fz_state *s = t->states; s->name; s++) {
			bool reviewing = t->review_state && strcmp(t->review_state, s->name) == 0;
			if (s->final || !(reviewing || waits_on(t, s->name, role, clerks)))
				continue;
			const char *part = "(c.case_type = ? AND c.state = ?)";
			int w = snprintf(cond + n, sizeof cond - n, "%s%s", pairs ? " OR " : "", part);
			if (w < 0 || (size_t)w >= sizeof cond - n || pairs >= 12)
				break; /* more pairs than a list binds: the first ones are served */
			n += (size_t)w;
			fz_list_bind_text(run, t->name);
			fz_list_bind_text(run, s->name);
			pairs++;
		}
	}
	/* fz_list_where takes its condition text for the run: keep it in the arena. */
	fz_list_where(run, pairs ? fz_arena_strdup(run->ctx->arena, cond) : "1 = 0");
	return FZ_OK;
}

static json_t *review_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	return fz_case_row_json(ctx, st);
}

static const char *const review_like[] = {"c.title", "c.number", NULL};

static const struct fz_list_filter review_filters[] = {
	{.param = "type", .label = "案件类型", .kind = FZ_LF_CASE_TYPE, .sql = "c.case_type = ?"},
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "c.agency_id = ?"},
	{.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 100, .index = "case",
	 .key = "c.case_id", .like = review_like},
	{.param = NULL},
};

static const struct fz_list_sort review_sorts[] = {
	{.name = "due_date", .expr = "c.due_date", .nulls_last = true},
	{.name = "created_at", .expr = "c.created_at"},
	{.name = "number", .expr = "c.case_id"},
	{.name = NULL},
};

const struct fz_list fz_review_list = {
	.name = "待我审核",
	.select = FZ_CASE_ROW_COLS,
	.from = "case_record c JOIN agency a ON a.agency_id = c.agency_id",
	.where = "c.closed_on IS NULL",
	.scope = "c.agency_id",
	.shared = "c.case_id",
	.filters = review_filters,
	.sorts = review_sorts,
	/* The most pressing first: the nearest due day, cases without one last. */
	.sort_default = "due_date",
	.tiebreak = "c.case_id",
	.prepare = review_prepare,
	.row = review_row,
	.columns = fz_case_export_cols,
};
