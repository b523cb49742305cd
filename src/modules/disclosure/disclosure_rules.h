/*
 * disclosure_rules.h - the disclosure rules that need no I/O: reply outcomes
 * and the report rows they count in, applicant types and their report columns,
 * the receipt day of 第31条 per channel, and the reconciliation of table 三.
 * Tested without a database (tests/unit/modules/test_disclosure_rules.c).
 */
#ifndef FZ_MODULES_DISCLOSURE_RULES_H
#define FZ_MODULES_DISCLOSURE_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"
#include "core/workflow.h"

/* What an outcome requires besides the reply text. */
enum fz_disc_needs {
	FZ_DISC_NEEDS_NONE = 0,
	FZ_DISC_NEEDS_GROUND = 1,   /* the legal ground (reasons) */
	FZ_DISC_NEEDS_WHERE = 2,    /* where the information is already public */
	FZ_DISC_NEEDS_AGENCY = 4,   /* the agency that holds it */
	FZ_DISC_NEEDS_WITHHELD = 8, /* what was withheld, and why */
};

struct fz_disc_outcome {
	const char *value;  /* "withhold.third_party" */
	const char *label;  /* shown in the reply form */
	const char *row;    /* table 三 row key it counts in */
	const char *article;
	unsigned needs;
};

/* Every reply type of 第36-39条 and every row of table 三, NULL-terminated. */
extern const struct fz_disc_outcome fz_disc_outcomes[];
extern const struct fz_option fz_disc_outcome_options[];
const struct fz_disc_outcome *fz_disc_outcome(const char *value);

/* Applicant types (申请人类型) = the columns of table 三, in template order. */
extern const struct fz_option fz_disc_applicant_types[];
#define FZ_DISC_COLUMNS 7 /* six types + 总计 */
int fz_disc_column(const char *applicant_type); /* 0..5, or -1 */

/* Channels (申请方式) and 第31条. */
extern const struct fz_option fz_disc_channels[];

/*
 * The receipt day under 第31条: in person, the day submitted; signed post
 * (挂号/EMS), the day signed for; ordinary letter, the day the agency confirms
 * with the applicant; online, fax and e-mail, the day both sides confirm.
 * `dates` gives submitted_on / signed_on / confirmed_on (-1 when absent); the
 * one the channel needs must be present and not before submitted_on.
 */
struct fz_disc_dates {
	int submitted_on, signed_on, confirmed_on;
};
enum fz_code fz_disc_receipt_day(const char *channel, const struct fz_disc_dates *d, int *out,
				 struct fz_err *err);

/* Table 三 of the annual report. */
enum fz_disc_row {
	FZ_ROW_RECEIVED,     /* 一、本年新收 */
	FZ_ROW_CARRIED_IN,   /* 二、上年结转 */
	FZ_ROW_DISCLOSE,     /* 三（一） */
	FZ_ROW_PARTIAL,      /* 三（二） */
	FZ_ROW_W1, FZ_ROW_W2, FZ_ROW_W3, FZ_ROW_W4, FZ_ROW_W5, FZ_ROW_W6, FZ_ROW_W7, FZ_ROW_W8,
	FZ_ROW_WITHHOLD,     /* 三（三） total */
	FZ_ROW_U1, FZ_ROW_U2, FZ_ROW_U3,
	FZ_ROW_UNABLE,       /* 三（四） total */
	FZ_ROW_R1, FZ_ROW_R2, FZ_ROW_R3, FZ_ROW_R4, FZ_ROW_R5,
	FZ_ROW_REFUSE,       /* 三（五） total */
	FZ_ROW_O1, FZ_ROW_O2, FZ_ROW_O3,
	FZ_ROW_OTHER,        /* 三（六） total */
	FZ_ROW_TOTAL,        /* 三（七） 总计 */
	FZ_ROW_CARRIED_OUT,  /* 四、结转下年度继续办理 */
	FZ_ROW_COUNT
};

struct fz_disc_row_def {
	const char *key;
	const char *label;
	int indent; /* 0 top row, 1 group, 2 numbered item */
};
extern const struct fz_disc_row_def fz_disc_rows[FZ_ROW_COUNT];
/* Row of a detail key ("withhold.third_party" → FZ_ROW_W4), or -1. */
int fz_disc_row_of(const char *row_key);

struct fz_disc_table3 {
	long v[FZ_ROW_COUNT][FZ_DISC_COLUMNS];
};

/* Fills the 总计 column (the sum of the six applicant columns) of every row. */
void fz_disc_table3_sum_columns(struct fz_disc_table3 *t);

struct fz_disc_check {
	char rule[128];   /* "一 + 二 = 三（七） + 四" */
	int column;       /* 0..6 */
	long left, right;
	bool ok;
};

/*
 * Checks the template's rules in every column: 一 + 二 = 三（七） + 四;
 * each group （三）-（六） equals the sum of its numbered rows; 三（七）
 * equals the sum of （一）-（六）. The group and total rows are counted from
 * the records independently of the detail rows, so a request closed without
 * a valid outcome shows up here. Writes up to max checks (all of them, failed
 * or not) and returns the number of failures.
 */
size_t fz_disc_reconcile(const struct fz_disc_table3 *t, struct fz_disc_check *out, size_t max,
			 size_t *n);

#endif
