/*
 * cases.h - the generic case engine: identity, state, clocks, events for every procedure.
 *
 * A case is a case (DESIGN.md): every procedure instance lives in case_record
 * with its statutory clocks in case_clock and its history in the event chain;
 * a domain keeps only its own fields in its own table keyed by case_id. This
 * file interprets the declarations of core/workflow.h: it checks who may do
 * what, applies clock effects on the official calendar, writes the new state
 * and the audit event in one transaction, and renders cases as JSON.
 *
 * Scope rule: agency roles see and act only on their own agency's cases; any
 * other case answers FZ_ENOT_FOUND, as if it did not exist.
 */
#ifndef FZ_PLATFORM_CASES_H
#define FZ_PLATFORM_CASES_H

#include <jansson.h>

#include "platform/ctx.h"
#include "platform/lists.h"

struct fz_case_kind;

struct fz_case_row {
	int64_t case_id;
	const struct fz_case_type *type;
	const struct fz_case_kind *kind; /* type and its domain hooks */
	int64_t agency_id;
	char state[32];
	int64_t version;
	char number[64];
	char received_on[11];
	char tracking_code[15];
	char title[512];
};

struct fz_case_new {
	const char *case_type;
	int64_t agency_id;  /* the agency that registers (and numbers) the case */
	const char *title;
	const char *body;   /* extra searchable text, may be NULL */
	int received_on;    /* receipt day: the trigger of the creation clocks */
	bool tracking;      /* give the public a tracking code */
	/*
	 * received_on is a receipt day (a request, an application, a letter): with
	 * setting receipt.rest_day_rule 1, one on a rest day starts the creation
	 * clocks from the next working day (case.receipt_note says so).
	 */
	bool receipt;
	const char *input;  /* JSON of the submission, for the event */
	const char *state;  /* the state it begins in, NULL: the type's initial_state */
	/*
	 * Where the case came from (a petition converted from a 县长信箱 letter:
	 * "由县长信箱来信 … 转入"): recorded right after the creation event as an
	 * event "convert_in" (由其他案件转入) with this note. NULL: none.
	 */
	const char *origin;
};

/* Creates a case inside the caller's transaction: number, tracking code, clocks, event. */
enum fz_code fz_case_create(struct fz_ctx *ctx, const struct fz_case_new *n, struct fz_case_row *out,
			    struct fz_err *err);

/*
 * For a domain's apply hook, or its creation right after fz_case_create:
 * starts (or restarts) a declared clock with a trigger day and a number of
 * days the domain decides (days <= 0: the declared days), and updates the
 * case's due day. The engine's own effects run after the hook.
 */
enum fz_code fz_case_clock_start(struct fz_ctx *ctx, const struct fz_case_row *c,
				 const char *clock, int trigger, int days, struct fz_err *err);

/*
 * For a domain's apply hook: stops a declared clock on day (a clock that never
 * ran: nothing), e.g. one party's clock of several (fz_clock_def.party_rank)
 * when that party has done its part. The engine's own effects run after it.
 */
enum fz_code fz_case_clock_stop(struct fz_ctx *ctx, const struct fz_case_row *c,
				const char *clock, int day, struct fz_err *err);

/*
 * For a domain's apply hook: changes the number of days of a running or paused
 * clock, keeping its trigger day, pauses and extensions (a procedure switched
 * to a longer period: the suspended days stay out of the count).
 */
enum fz_code fz_case_clock_set_days(struct fz_ctx *ctx, const struct fz_case_row *c,
				    const char *clock, int days, struct fz_err *err);

/*
 * Is the case (of kind) shared with agency_id through the kind's `shares`
 * rule (platform/module.h)? And may the caller see a case of agency_id: its
 * own agency's, every agency's, or one shared with the caller's agency.
 */
bool fz_case_shared_with(struct fz_ctx *ctx, const struct fz_case_kind *kind, int64_t case_id,
			 int64_t agency_id);
bool fz_case_may_see(struct fz_ctx *ctx, const struct fz_case_kind *kind, int64_t case_id,
		     int64_t agency_id);

/* Loads a case the user may see (staff) or any case (ctx->user NULL and any_scope). */
enum fz_code fz_case_load(struct fz_ctx *ctx, int64_t case_id, bool any_scope,
			  struct fz_case_row *out, struct fz_err *err);

/*
 * Takes a transition: scope, role, state, version (body "version"), inputs,
 * domain apply, clock effects, new state, event, all in one transaction.
 */
enum fz_code fz_case_act(struct fz_ctx *ctx, int64_t case_id, const char *action, json_t *body,
			 struct fz_err *err);
/*
 * fz_case_act on the case as it stands now: sets body "version" to the
 * version just read, for scripted actors (demo data) that hold no earlier
 * read. body stays the caller's.
 */
enum fz_code fz_case_act_current(struct fz_ctx *ctx, int64_t case_id, const char *action,
				 json_t *body, struct fz_err *err);

/*
 * A system transition (core/workflow.h `system`: a period whose silence
 * decides) on the case as it stands now, whatever its agency, recorded as the
 * system's act (ctx->user is set aside for it). body holds its inputs; its
 * "version" is set. Same checks of state, inputs and guards, same one
 * transaction (a savepoint inside the caller's).
 */
enum fz_code fz_case_act_system(struct fz_ctx *ctx, int64_t case_id, const char *action,
				json_t *body, struct fz_err *err);

/*
 * A case of another kind made from case source_id (platform/module.h
 * `convert`, e.g. a 县长信箱 letter turned into a petition). _source loads the
 * source as the caller may see it (FZ_ENOT_FOUND otherwise, like any unseen
 * case) and answers FZ_ESTATE naming field "id" when its kind declares no
 * conversion or its state is not one the conversion step leaves (a final
 * state, or converted already); fields (may be NULL) receives the kind's
 * fields of the case (its detail view's "fields"). _done takes the source's
 * conversion step as the system inside the caller's transaction, its event
 * naming to_number (and note): the source's clocks stop, it ends.
 */
enum fz_code fz_case_convert_source(struct fz_ctx *ctx, int64_t source_id, struct fz_case_row *out,
				    json_t *fields, struct fz_err *err);
enum fz_code fz_case_convert_done(struct fz_ctx *ctx, int64_t source_id, const char *to_number,
				  const char *note, struct fz_err *err);

/* Does the case offer this user at least one action (what its detail view lists)? */
bool fz_case_actionable(struct fz_ctx *ctx, int64_t case_id);

/*
 * What the public may see of a case's history: one step per event whose action
 * the module lists, with the public label. The day is the step's date input
 * where it names one (the day something happened, not the day it was
 * recorded), else the China Standard Time day of the event.
 */
struct fz_public_step {
	const char *action, *label, *date_input;
};
/* [{action, on, label, input}] in event order; "input" is the event's input (JSON) for the
 * module to pick public details from, removed by the caller. Caller owns the array. */
json_t *fz_case_public_timeline(struct fz_ctx *ctx, int64_t case_id,
				const struct fz_public_step *steps, size_t nsteps);

/* The detail view (docs/api.md CaseDetail). Caller owns *out. */
enum fz_code fz_case_detail(struct fz_ctx *ctx, int64_t case_id, json_t **out, struct fz_err *err);

struct fz_case_filter {
	const char *type, *state, *clock_status, *q, *sort;
	int64_t agency_id; /* 0 = any (within scope) */
	int page, per_page;
};

/*
 * The generic case list (GET /api/cases and its export), declared for
 * platform/lists.h: type, state, agency, clock band and keyword filters,
 * sorts by creation, due date and number.
 */
extern const struct fz_list fz_cases_list;
/* The list view with total, for callers inside the program. Caller owns *out. */
enum fz_code fz_case_list(struct fz_ctx *ctx, const struct fz_case_filter *f, json_t **out,
			  struct fz_err *err);

/*
 * A CaseRow (docs/api.md) for a module's own case list: the select columns
 * 0-12 over case_record c joined to its agency a (a module's columns follow
 * from 13), the row as JSON from a statement stepped on them, and the
 * export's columns of a CaseRow (key NULL ends).
 */
#define FZ_CASE_ROW_COLS                                                                       \
	"c.case_id, c.case_type, c.number, c.title, c.state, c.agency_id, a.name,"             \
	" c.received_on, c.created_at, c.due_date, c.due_unit, c.version, c.tracking_code"
json_t *fz_case_row_json(struct fz_ctx *ctx, struct fz_stmt *st);
extern const struct fz_list_col fz_case_export_cols[];

/* The clocks of a case as JSON (with explanations). Caller owns *out. */
enum fz_code fz_case_clocks_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				 struct fz_err *err);

/*
 * Recomputes every running or paused clock on ctx->cal (after a calendar
 * change), recording an event for each clock whose due date moved. Runs inside
 * the caller's transaction.
 */
enum fz_code fz_clocks_recompute_all(struct fz_ctx *ctx, int *changed, struct fz_err *err);

/* Status of a due date for lists: fills status/days_left JSON members on obj. */
void fz_case_due_json(struct fz_ctx *ctx, json_t *obj, const char *due_date, const char *unit);
/* The same for a clock of `period` days (days + extended days): its own warning window. */
void fz_case_due_json_period(struct fz_ctx *ctx, json_t *obj, const char *due_date,
			     const char *unit, int period);
/*
 * SQL condition (arena string, no parameters): the date expression `due` lies
 * within the warning window (core/clock.h fz_clock_warn_days) of a clock of
 * period `period` (an SQL expression), as of ctx->today. Combine with
 * `due >= today` for yellow.
 */
/*
 * Sets obj.receipt_note when the case was received on a rest day: the day,
 * the county's rule (receipt.rest_day_rule) and the day counting starts
 * from, in words for the applicant (public receipts and tracking pages).
 */
void fz_case_receipt_json(struct fz_ctx *ctx, int64_t case_id, json_t *obj);
/*
 * What a case's nearest due day ends: "validity" when it is the end of a
 * validity period (a certificate's expiry, fz_clock_def.validity), else
 * "deadline", a time limit to act. Reads the clocks only for procedures that
 * have a validity clock. Rows give it as due_kind.
 */
const char *fz_case_due_kind(struct fz_ctx *ctx, const struct fz_case_type *t, int64_t case_id,
			     const char *due_date);
/*
 * What a new case's receipt says of its period: obj.due_date of the clock
 * named (NULL: the case's first clock), or null with provisional_due_date,
 * provisional and provisional_note when the period runs into a year whose
 * holidays are not loaded yet (issue 15); then the receipt note above.
 */
void fz_case_receipt_due_json(struct fz_ctx *ctx, int64_t case_id, const char *clock, json_t *obj);
const char *fz_case_warn_sql(struct fz_ctx *ctx, const char *due, const char *period);
/* The same for a case row `alias` (case_record): one of its running clocks due on its
 * due_date is inside its window. */
const char *fz_case_warn_case_sql(struct fz_ctx *ctx, const char *alias);

/* Label of an event action for display. */
const char *fz_case_action_label(const struct fz_case_type *t, const char *action);

#endif
