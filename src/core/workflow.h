/*
 * workflow.h - procedures declared as data: states, transitions, roles,
 * inputs, guards and clock effects, and the one engine that reads them.
 *
 * A case type (one procedure, e.g. the county head's mailbox) is a table of
 * states and a table of transitions. Each transition names the states it may
 * leave, the state it enters, the roles that may take it, the inputs it needs,
 * what it does to the case's statutory clocks, and the guards the law puts on
 * it (after a period ran out, once per case, needs an input). platform/cases.c
 * interprets the tables inside one transaction; modules declare rows and keep
 * only their domain work (their own table, their documents) in an apply hook.
 *
 * Not for: I/O or JSON. Everything here is pure and tested without a database.
 */
#ifndef FZ_CORE_WORKFLOW_H
#define FZ_CORE_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/clock.h"
#include "core/err.h"

/* Roles (bit flags so a transition can allow several). */
#define FZ_ROLE_MAP(X)                                                         \
	X(ADMIN, admin, "系统管理员")                                          \
	X(LEGAL_STAFF, legal_staff, "法制机构工作人员")                         \
	X(LEGAL_HEAD, legal_head, "法制机构负责人")                             \
	X(AGENCY_CLERK, agency_clerk, "部门经办人员")                          \
	X(AGENCY_HEAD, agency_head, "部门负责人")                              \
	X(OFFICER, officer, "执法人员")                                        \
	X(LEADER, leader, "县领导（只读）")                                    \
	X(PUBLIC, public, "公众")

enum fz_role_bit {
#define FZ_X(up, low, label) FZ_ROLEBIT_##up,
	FZ_ROLE_MAP(FZ_X)
#undef FZ_X
	FZ_ROLE_COUNT
};

enum fz_role {
#define FZ_X(up, low, label) FZ_ROLE_##up = 1u << FZ_ROLEBIT_##up,
	FZ_ROLE_MAP(FZ_X)
#undef FZ_X
};

#define FZ_ROLES_LEGAL (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)
#define FZ_ROLES_AGENCY (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD | FZ_ROLE_OFFICER)
/* Roles that see every agency's records. */
#define FZ_ROLES_ALL_AGENCIES (FZ_ROLES_LEGAL | FZ_ROLE_LEADER | FZ_ROLE_ADMIN)

const char *fz_role_name(enum fz_role role);  /* "legal_staff" */
const char *fz_role_label(enum fz_role role); /* "法制机构工作人员" */
/* 0 when the name is unknown. PUBLIC is not a role an account can have. */
enum fz_role fz_role_parse(const char *name);

enum fz_input_type {
	FZ_IN_TEXT,     /* one line */
	FZ_IN_TEXTAREA, /* several lines */
	FZ_IN_AGENCY,   /* an agency id from the registry */
	FZ_IN_BOOL,
	FZ_IN_DATE, /* YYYY-MM-DD within the loaded calendar */
	FZ_IN_INT,
	FZ_IN_SELECT, /* one of options */
};

struct fz_option {
	const char *value;
	const char *label;
};

struct fz_input {
	const char *name;
	const char *label;
	enum fz_input_type type;
	bool required;
	int max_chars;                   /* text: limit in characters, 0 = 2000 */
	long min, max;                   /* int: range */
	const struct fz_option *options; /* select: NULL-terminated by value */
};

enum fz_clock_op {
	FZ_CLK_NONE = 0,
	FZ_CLK_START,   /* start (trigger = today) */
	FZ_CLK_STOP,    /* stop */
	FZ_CLK_PAUSE,   /* pause on today */
	FZ_CLK_RESUME,  /* resume on today */
	FZ_CLK_RESTART, /* new trigger day = today, pauses cleared */
	FZ_CLK_EXTEND,  /* add the number of days in the input named by arg */
};

struct fz_clock_effect {
	enum fz_clock_op op;
	const char *clock; /* clock name */
	/*
	 * EXTEND: the int input holding the number of days. Any other op: the
	 * date input giving the day it takes effect (e.g. the day a corrected
	 * request arrived), or NULL for today (creation: the receipt day).
	 */
	const char *arg;
	const char *days_arg; /* START/RESTART: int input overriding the clock's days, or NULL */
};

struct fz_clock_def {
	const char *name;
	const char *label;
	enum fz_clock_unit unit;
	int days;                 /* statutory default */
	const char *days_setting; /* setting key that overrides days (local rules), or NULL */
	const char *article;      /* the law it rests on, shown in the UI */
	const char *cite;         /* short citation for messages, e.g. "《政府信息公开条例》第三十三条" */
	const char *step;         /* state the clock belongs to, or NULL for the whole case */
	int max_extension;        /* most days one may extend by in total, 0 = no extension */
	int max_extensions;       /* how many times it may be extended, 0 = no limit */
	/*
	 * Kept by the agency the case is shared with (the case kind's `shares`,
	 * platform/module.h), not the case's own: supervision charges it there.
	 */
	bool party;
	/*
	 * With party, for a kind shared with several agencies that each owe the
	 * same step (a proposal's co-handlers): the clock is kept by the
	 * party_rank-th of them by agency id (1 = the first); 0 = the first. A
	 * kind declares one such clock per possible party and its apply hook
	 * starts and stops each (platform/cases.h fz_case_clock_stop).
	 */
	int party_rank;
	/*
	 * A validity period (有效期, e.g. a certificate's), not a time limit to
	 * act: shown as "有效期至 …" and "已过期 N 天", never "超期".
	 */
	bool validity;
};

struct fz_state {
	const char *name;
	const char *label;
	bool final;
};

#define FZ_MAX_FROM 8
#define FZ_MAX_EFFECTS 4
#define FZ_MAX_INPUTS 12
#define FZ_MAX_GUARDS 3

/*
 * A condition on a field of the case's domain record (what the kind's fields
 * hook shows): the writer agreed to publication, the procedure is the
 * simplified one, the officer is on duty. The value compares as text: a
 * boolean is "true" or "false", a number its decimal digits, an absent or
 * null field is no value (it never equals, so it passes is_not).
 */
struct fz_field_guard {
	const char *field;  /* NULL ends the list */
	const char *is;     /* the field must have this value, or */
	const char *is_not; /* it must not have this one (exactly one of the two) */
	const char *rule;   /* the rule in Chinese, said on refusal: "来信人不同意公开，不能公开答复" */
};

/*
 * An input that becomes required when another input of the transition has a
 * value: the reason the head did not appear when a staff member did.
 */
struct fz_input_need {
	const char *input; /* must be present and not blank; NULL ends the list */
	const char *when;  /* the input whose value decides */
	const char *is;    /* the value that makes `input` required */
};

/* A period counted from the case's receipt day (days 0: no such limit). */
struct fz_period {
	int days;
	enum fz_clock_unit unit; /* FZ_UNIT_WD, or calendar days */
};

struct fz_transition {
	const char *name;
	const char *label;
	const char *from[FZ_MAX_FROM]; /* states it may leave; NULL-terminated */
	const char *to;                /* state it enters; NULL keeps the state */
	unsigned roles;                /* enum fz_role bits */
	struct fz_input inputs[FZ_MAX_INPUTS]; /* name NULL ends the list */
	struct fz_clock_effect effects[FZ_MAX_EFFECTS];
	const char *article; /* the law the step rests on, or NULL */
	const char *note_input; /* input whose text becomes the event note, or NULL */
	/*
	 * Guards: what the law asks beyond role and state. The engine checks them
	 * in one place before the domain's apply hook (fz_flow_guard) and offers
	 * no action they refuse. Clocks are named by their declaration.
	 */
	const char *after_clock;  /* only once this clock's due day has passed (the other side's period ran out) */
	const char *before_clock; /* refused once this clock's due day has passed (its validity ended) */
	const char *while_clock;  /* only while this clock runs or is paused (the step it times is awaited) */
	const char *unless_clock; /* refused while this clock runs or is paused (one at a time) */
	bool once;                /* at most once per case */
	/*
	 * Taken by the program itself when the law makes a period's silence decide
	 * (行政复议法 第30条第3款: no decision within the review = accepted), never by
	 * a user: roles is 0, it is never offered, and only fz_case_act_system takes it.
	 */
	bool system;
	struct fz_period within;  /* only within this period from the receipt day */
	struct fz_field_guard when[FZ_MAX_GUARDS]; /* conditions on the case's domain fields */
	struct fz_input_need needs[FZ_MAX_GUARDS]; /* inputs required by another input's value */
};

struct fz_case_type {
	const char *name;
	const char *label;
	const char *number_code; /* 类别代字 in the official number, e.g. "信" */
	const struct fz_state *states; /* name NULL ends */
	const struct fz_transition *transitions; /* name NULL ends */
	const struct fz_clock_def *clocks; /* name NULL ends */
	const char *initial_state;
	struct fz_clock_effect on_create[FZ_MAX_EFFECTS]; /* START effects use the receipt day */
	const char *create_label; /* event label of creation, e.g. "来信登记" */
	/*
	 * A state in which the case waits on a reviewer rather than on whoever
	 * takes its next step (法制审核), or NULL: 待我审核 (platform/review.c)
	 * lists it for the approving roles too.
	 */
	const char *review_state;
	/*
	 * The timeline's words for what the domain records on a case outside its
	 * steps (a comment of the public, a point of a review), by event action;
	 * value NULL ends. NULL: none.
	 */
	const struct fz_option *event_labels;
};

const struct fz_state *fz_flow_state(const struct fz_case_type *t, const char *name);
const struct fz_transition *fz_flow_transition(const struct fz_case_type *t, const char *name);
const struct fz_clock_def *fz_flow_clock(const struct fz_case_type *t, const char *name);
bool fz_flow_from_ok(const struct fz_transition *tr, const char *state);

/*
 * May a user with `role` take transition `tr` while the case is in `state`?
 * FZ_EFORBIDDEN when the role may not, FZ_ESTATE when the state does not allow
 * it (the role is checked first, so a clerk learns nothing about states).
 */
enum fz_code fz_flow_check(const struct fz_case_type *t, const struct fz_transition *tr,
			   const char *state, enum fz_role role, struct fz_err *err);

/* Transitions open to role in state, in declaration order; returns how many (<= max). */
size_t fz_flow_available(const struct fz_case_type *t, const char *state, enum fz_role role,
			 const struct fz_transition **out, size_t max);

/*
 * What the guards of a transition need to know about one case, supplied by
 * the engine (platform/cases.c reads it from the store; tests make it up).
 * The callbacks get ud; strings they return stay valid until the check ends.
 */
struct fz_clock_fact {
	bool started;   /* the clock has run on this case */
	bool open;      /* it runs or is paused */
	int due;        /* its due day, or FZ_OPEN when not known */
	int extensions; /* how many times it was extended */
};

struct fz_flow_facts {
	int today;
	int received; /* the case's receipt day */
	const struct fz_calendar *cal;
	void *ud;
	struct fz_clock_fact (*clock)(void *ud, const char *name);
	bool (*taken)(void *ud, const char *transition); /* taken before on this case */
	const char *(*field)(void *ud, const char *name); /* as text; NULL when absent or null */
	/* An input as submitted, as text; NULL when absent or blank. NULL callback: listing. */
	const char *(*input)(void *ud, const char *name);
};

/*
 * The guards of transition tr on one case (role and state are fz_flow_check's):
 * FZ_OK when they allow it; FZ_ESTATE when a clock, "once", the period from
 * receipt, a field or the extension limit refuses; FZ_EMISSING_FIELD (naming
 * the input) when an input its needs require is missing. The message names the
 * rule and the article. With f->input NULL (listing the actions a case offers)
 * the needs are not checked: the user has not filled the form yet.
 */
enum fz_code fz_flow_guard(const struct fz_case_type *t, const struct fz_transition *tr,
			   const struct fz_flow_facts *f, struct fz_err *err);

/* Does tr declare any guard (so the engine may skip gathering facts)? */
bool fz_flow_guarded(const struct fz_case_type *t, const struct fz_transition *tr);

/*
 * Check a declaration for mistakes a reviewer would miss: transitions from or
 * to unknown states, effects on undeclared clocks, EXTEND without an int
 * input, duplicate names, guards on undeclared clocks or inputs, field guards
 * without a rule. Used by unit tests and at start-up.
 */
enum fz_code fz_flow_validate(const struct fz_case_type *t, struct fz_err *err);

#endif
