/*
 * lists.h - every list of every module declared as data and run by one
 * engine: the filters a list allows, its sorts, paging with totals, the
 * caller's agency scope, and the export of the same query to Excel.
 *
 * A module writes a struct fz_list (the SQL of its rows, its scope column,
 * its filters, its sorts, how a row becomes JSON, the columns of its
 * export) and two one-line handlers that call fz_list_answer and
 * fz_list_export. The engine parses and checks the query (a bad value is 422
 * naming the parameter, in Chinese, with the allowed values), builds the SQL
 * from the declared fragments with every value bound, and answers
 * {items, total, page, per_page}. The export runs the SAME filters and sort
 * without paging, up to FZ_LIST_EXPORT_MAX rows.
 *
 * SQL fragments are fixed text from the declaration, never user data, and
 * portable (scripts/check-sql.sh). Full-text search goes through
 * platform/search.h. Not for: a record's detail view, or statistics (they
 * read figures; only their default year lives here, fz_stats_year).
 */
#ifndef FZ_PLATFORM_LISTS_H
#define FZ_PLATFORM_LISTS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/ctx.h"

/* Most rows one export writes; a larger result is refused (422) before it is read. */
#define FZ_LIST_EXPORT_MAX 10000
/* The clock bands a list filters on and shows: green 正常, yellow 即将到期, red 已超期. */
extern const struct fz_option fz_list_clock_bands[];

/* Limits of a declaration, so a run needs no allocation for its bookkeeping. */
#define FZ_LIST_MAX_FILTERS 16
#define FZ_LIST_MAX_BINDS 40

enum fz_list_filter_kind {
	/* A value of .options (value NULL ends): "sql" holds "col = ?". */
	FZ_LF_OPTION,
	/* A state of .type, or with .type NULL of the case type the list's
	 * FZ_LF_CASE_TYPE filter names (any installed case kind without one). */
	FZ_LF_STATE,
	/* An installed case type (platform/module.h). */
	FZ_LF_CASE_TYPE,
	/* A positive integer id: "col = ?". */
	FZ_LF_ID,
	/* A positive integer naming an existing agency: "col = ?". */
	FZ_LF_AGENCY,
	/* An integer in [min, max]: "col = ?", or no sql (a value the hooks read). */
	FZ_LF_INT,
	/* A year in [min, max] (2000-2100 when both 0) on a date column: sql names the column. */
	FZ_LF_YEAR,
	/* A date range: parameters .param (from) and .param_to (to), YYYY-MM-DD,
	 * on the date column sql; either end may be left out. */
	FZ_LF_DATES,
	/* "1"/"true" adds sql (no value); "0"/"false" or absent adds nothing. */
	FZ_LF_FLAG,
	/* green | yellow | red: the clock band of the due-date column sql, with
	 * the bands of supervision (the warning window in working days). */
	FZ_LF_CLOCK,
	/* The keyword: full-text through .index (record key .key, or also equal
	 * to the column .equal), else LIKE on the .like columns. */
	FZ_LF_KEYWORD,
	/* Parsed by .custom, which adds its own condition. */
	FZ_LF_CUSTOM,
};

struct fz_list_run;

struct fz_list_filter {
	const char *param; /* query parameter; NULL ends the list's filters */
	const char *label; /* Chinese, for messages: "被申请人" */
	enum fz_list_filter_kind kind;
	/*
	 * The condition, one '?' for the value ("x.procedure = ?"); for
	 * FZ_LF_YEAR, FZ_LF_DATES and FZ_LF_CLOCK the column; for FZ_LF_FLAG the
	 * whole condition. NULL: the value is checked and kept for the hooks,
	 * with no condition (a parameter a public list accepts and ignores).
	 */
	const char *sql;
	const struct fz_option *options;  /* FZ_LF_OPTION */
	bool labels_too;		  /* FZ_LF_OPTION: a Chinese label is taken for its value */
	const struct fz_case_type *type;  /* FZ_LF_STATE */
	int64_t min, max;		  /* FZ_LF_INT, FZ_LF_YEAR */
	const char *param_to;		  /* FZ_LF_DATES */
	const char *hint;		  /* appended to the message in parentheses */
	/* FZ_LF_KEYWORD */
	int max_chars;			  /* 0: 100 */
	const char *index, *key, *equal;
	const char *const *like;	  /* NULL-terminated columns */
	/* The condition also holds on the list's tally table (struct fz_list .tally). */
	bool tally;
	/* FZ_LF_CUSTOM: checks value (never NULL) and adds its condition (fz_list_where). */
	enum fz_code (*custom)(struct fz_list_run *run, const char *value, struct fz_err *err);
};

/* One way a list may be sorted; "-name" sorts the other way. */
struct fz_list_sort {
	const char *name; /* NULL ends */
	/* ORDER BY terms, comma-separated ("i.body_id, i.code"); "-name" puts DESC after each. */
	const char *expr;
	bool nulls_last; /* rows without a value last in both directions */
	bool one_way;	 /* only this direction ("-updated_on" or "agency") */
};

enum fz_list_col_kind {
	FZ_LC_TEXT,   /* text (in the export never a number: codes, numbers with zeros) */
	FZ_LC_NUMBER, /* an integer */
	FZ_LC_DATE,   /* YYYY-MM-DD text, a date cell in the export */
	FZ_LC_BOOL,   /* true/false; 是 / 否 in the export */
	FZ_LC_LABEL,  /* the label of the column's value in .options (the value when none) */
};

/*
 * A column of a list: its JSON member and, when exported, its Chinese
 * header. A list without a row function builds each row from its columns'
 * SQL; a list with one declares here only what the export reads from each
 * row's JSON (key "certificate.number" reaches into an object).
 */
struct fz_list_col {
	const char *key; /* NULL ends */
	const char *sql; /* select expression (lists without a row function) */
	enum fz_list_col_kind kind;
	const struct fz_option *options; /* FZ_LC_LABEL */
	const char *header;		 /* NULL: not exported */
	int width;			 /* characters in the export; 0: 14 */
};

struct fz_list {
	const char *name;  /* for logs and messages: "行政复议案件" (also the export's title) */
	/* With a row function, the select list (may hold '?', see fz_list_bind_select). */
	const char *select;
	const char *from;   /* "case_record c JOIN agency a ON ..." */
	/* FROM of the count when it needs fewer joins than the rows; NULL: from. */
	const char *count_from;
	/*
	 * A page read in two steps: the row ids of the page from key_from alone
	 * ("case_record c"), then the full rows of those ids only, so rows skipped
	 * by OFFSET cost one index entry each, not the joins. Used when every
	 * condition and sort term of the run names only key_from's aliases
	 * (key_aliases, "c"); key is the id column ("c.case_id"). NULL: one step.
	 */
	const char *key_from, *key_aliases, *key;
	/*
	 * A table of precomputed counts that answers the total when every filter
	 * in use is marked .tally: "SELECT COALESCE(SUM(c.n), 0) FROM case_tally c"
	 * (the WHERE is appended). NULL: always count the rows.
	 */
	const char *tally;
	/*
	 * Or a table of counts (column n) named with the aliases the tally
	 * filters and .where use ("enf_pub_tally p"): it answers the total and,
	 * when the facet's filter is marked .tally too, the facet's counts.
	 */
	const char *tally_from;
	/* A condition every row meets (no value), such as the public "b.status = 'published'". */
	const char *where;
	/*
	 * The agency-scope column: users of an agency see only its rows, the
	 * legal office, leaders and the administrator all. NULL: no scope (a
	 * public list, or one whose route admits only the administrator).
	 */
	const char *scope;
	/*
	 * For a list of cases, the case id column ("c.case_id"): an agency's
	 * users also see the cases shared with it (the case kinds' `shares`,
	 * platform/module.h), such as those it is the respondent in. NULL: none.
	 */
	const char *shared;
	const struct fz_list_filter *filters;
	const struct fz_list_sort *sorts; /* NULL: always .order, no "sort" parameter */
	const char *sort_default;	  /* "-created_at" */
	const char *tiebreak;		  /* "c.case_id": after every sort, so pages are stable */
	const char *order;		  /* with no sorts: the fixed ORDER BY terms */
	int per_page, per_page_max;	  /* 0: 20 and 100 */
	/* The parameter of an FZ_LF_OPTION filter whose values are counted beside the list
	 * under the other filters ("<param>_counts": [{value, label, count}]). */
	const char *facet;
	/* The columns (rows and export). */
	const struct fz_list_col *columns;
	/*
	 * A row as JSON from the stepped statement of .select (arg is .arg), for
	 * rows the columns cannot describe; NULL: rows from the columns.
	 */
	json_t *(*row)(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg);
	const void *arg;
	/*
	 * Before the SQL is built: adds conditions or values only code knows
	 * (fz_list_where, fz_list_bind_select), reading checked values with
	 * fz_list_value. NULL: none.
	 */
	enum fz_code (*prepare)(struct fz_list_run *run, struct fz_err *err);
	/* After the rows: adds to each item or to the answer (out) what the rows need. */
	enum fz_code (*finish)(struct fz_list_run *run, json_t *out, struct fz_err *err);
};

/*
 * A list being run: what the hooks see. Lives on the caller's stack for one
 * run; strings it holds are in ctx->arena.
 */
struct fz_list_run {
	struct fz_ctx *ctx;
	const struct fz_list *list;
	struct fz_req *req; /* the request (path parameters), NULL for an internal run */
	const char *(*get)(void *data, const char *key);
	void *data;
	const char *values[FZ_LIST_MAX_FILTERS]; /* checked value of filter i, NULL when absent */
	int64_t ints[FZ_LIST_MAX_FILTERS];	 /* integer values (ids, years) */
	char where[4096];
	struct fz_bind binds[FZ_LIST_MAX_BINDS];
	size_t nbinds;
	struct fz_bind select_binds[4];
	size_t nselect;
	bool tally_ok;
	const char *order;
	int page, per_page;
	void *user; /* for the hooks */
};

/*
 * Answers a staff or public list for a request: checks the query, runs the
 * count and the page. *out ({items, total, page, per_page} and what finish
 * adds) is owned by the caller (the server).
 */
enum fz_code fz_list_answer(struct fz_req *req, const struct fz_list *l, json_t **out,
			    struct fz_err *err);
/*
 * The same query (every filter and the sort, no paging) as an .xlsx
 * download named after the list (fz_req_file). FZ_EBAD_VALUE beyond
 * FZ_LIST_EXPORT_MAX rows. out stays NULL.
 */
enum fz_code fz_list_export(struct fz_req *req, const struct fz_list *l, json_t **out,
			    struct fz_err *err);

/*
 * The same two without HTTP: the query's parameters come from get(data, key)
 * (NULL or "" when absent). fz_list_xlsx hands out *data (malloc'd, the
 * caller's) and its length.
 */
enum fz_code fz_list_page(struct fz_ctx *ctx, const struct fz_list *l,
			  const char *(*get)(void *data, const char *key), void *data,
			  json_t **out, struct fz_err *err);
enum fz_code fz_list_xlsx(struct fz_ctx *ctx, const struct fz_list *l,
			  const char *(*get)(void *data, const char *key), void *data,
			  char **xlsx, size_t *len, struct fz_err *err);

/* For hooks: adds " AND (cond)" with the values its '?' take, in order (binds static or arena). */
void fz_list_where(struct fz_list_run *run, const char *cond);
void fz_list_bind_int(struct fz_list_run *run, int64_t v);
void fz_list_bind_text(struct fz_list_run *run, const char *v);
/* For prepare: a value for a '?' in the select list (bound in the rows' query only). */
void fz_list_bind_select(struct fz_list_run *run, struct fz_bind b);
/* The checked value of filter param (NULL when absent), and its integer (def when absent). */
const char *fz_list_value(const struct fz_list_run *run, const char *param);
int64_t fz_list_int(const struct fz_list_run *run, const char *param, int64_t def);

/*
 * The year a statistics page shows when none is asked for: the year just
 * ended during January to March, when its annual reports are written (政府
 * 信息公开条例 第49-50条: departments by 31 January, the county government
 * by 31 March), the current year from April on. docs/lists.md says why.
 */
int fz_stats_year(const struct fz_ctx *ctx);
/*
 * ?year= of a statistics route (2000-2100, 422 naming "year" otherwise),
 * fz_stats_year when absent.
 */
enum fz_code fz_stats_year_arg(struct fz_req *req, int *year, struct fz_err *err);

#endif
