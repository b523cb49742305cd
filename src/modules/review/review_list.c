/*
 * review_list.c - the legal office's review queue and what is counted from it:
 * the queue (mine, the office's, overdue by the clock's band), the points
 * raised with their adoption, the yearly statistics per review kind and the
 * named figures (platform/figures.h) whose drill-downs are these lists.
 *
 * A review counts in the year of its opinion (reviews done, unlawful); its
 * points count in the same year, since the opinion is when they are raised.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/review/review_int.h"
#include "platform/jsonx.h"
#include "platform/legality.h"
#include "platform/settings.h"

/* ---- shared filters ---------------------------------------------------------------- */

/* mine=1: reviews assigned to the signed-in user. */
static enum fz_code mine(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
		return FZ_OK;
	if (strcmp(v, "1") != 0 && strcmp(v, "true") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "mine", "“我的审核”应为 1（是）或 0（否）");
	fz_list_where(run, "r.reviewer_id = ?");
	fz_list_bind_int(run, run->ctx->user ? run->ctx->user->user_id : 0);
	return FZ_OK;
}

/* kind: a review kind some installed module registered. */
static enum fz_code kind(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (!fz_review_kind_find(v)) {
		const char *allowed = "";
		for (size_t i = 0, n = fz_review_kind_count(); i < n; i++)
			allowed = fz_arena_printf(run->ctx->arena, "%s%s%s（%s）", allowed, i ? "、" : "",
						  fz_review_kind_at(i)->name,
						  fz_review_kind_at(i)->label);
		return fz_err_set(err, FZ_EBAD_VALUE, "kind", "审核类别“%s”无效，可选 %s", v,
				  *allowed ? allowed : "（尚无模块注册审核类别）");
	}
	fz_list_where(run, "r.kind = ?");
	fz_list_bind_text(run, fz_arena_strdup(run->ctx->arena, v));
	return FZ_OK;
}

static const struct fz_option adoptions[] = {
	{"adopted", "采纳"},
	{"not_adopted", "未采纳"},
	{"pending", "待起草单位说明"},
	{NULL, NULL},
};

#define ADOPTION_SQL                                                                              \
	"CASE WHEN p.adopted IS NULL THEN 'pending' WHEN p.adopted = 1 THEN 'adopted'"             \
	" ELSE 'not_adopted' END"

/* ---- the queue ------------------------------------------------------------------------ */

static json_t *queue_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "kind", fz_col_text(st, 13));
	fz_json_set_str(o, "kind_label", fz_review_kind_label(fz_col_text(st, 13)));
	json_object_set_new(o, "subject_case_id", json_integer(fz_col_int(st, 14)));
	fz_json_set_str(o, "subject_number", fz_col_text(st, 15));
	fz_json_set_str(o, "subject_title", fz_col_text(st, 16));
	fz_json_set_str(o, "submitted_on", fz_col_text(st, 17));
	if (!fz_col_null(st, 18))
		json_object_set_new(o, "reviewer_id", json_integer(fz_col_int(st, 18)));
	fz_json_set_str(o, "reviewer_name", fz_col_text(st, 19));
	const char *op = fz_col_text(st, 20);
	fz_json_set_str(o, "opinion", op);
	fz_json_set_str(o, "opinion_label", op ? fz_option_label(fz_review_opinions, op) : NULL);
	fz_json_set_str(o, "opinion_on", fz_col_text(st, 21));
	fz_json_set_str(o, "letter_number", fz_col_text(st, 22));
	json_object_set_new(o, "extended_days", json_integer(fz_col_int(st, 23)));
	json_object_set_new(o, "points", json_integer(fz_col_int(st, 24)));
	fz_json_set_str(o, "review_due_on", fz_col_text(st, 25));
	return o;
}

static const char *const queue_like[] = {"c.number", "c.title", "s.number", "r.letter_number", NULL};

static const struct fz_list_filter queue_filters[] = {
	{.param = "mine", .label = "我的审核", .kind = FZ_LF_CUSTOM, .custom = mine},
	{.param = "state", .label = "审核状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .type = &fz_review_type},
	{.param = "kind", .label = "审核类别", .kind = FZ_LF_CUSTOM, .custom = kind},
	{.param = "opinion", .label = "审核意见", .kind = FZ_LF_OPTION, .sql = "r.opinion = ?",
	 .options = fz_review_opinions, .labels_too = true},
	{.param = "agency_id", .label = "送审单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
	{.param = "band", .label = "期限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
	{.param = "year", .label = "送审年度", .kind = FZ_LF_YEAR, .sql = "r.submitted_on",
	 .hint = "按送审日期所在年度筛选"},
	{.param = "opinion_year", .label = "审核意见年度", .kind = FZ_LF_YEAR, .sql = "r.opinion_on",
	 .hint = "按出具审核意见日期所在年度筛选"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = queue_like},
	{.param = NULL},
};

static const struct fz_list_sort queue_sorts[] = {
	/* Open reviews first, the nearest due day first. */
	{.name = "due_date", .expr = "c.due_date", .nulls_last = true},
	{.name = "submitted_on", .expr = "r.submitted_on"},
	{.name = "opinion_on", .expr = "r.opinion_on", .nulls_last = true},
	{.name = NULL},
};

static const struct fz_list_col queue_cols[] = {
	{.key = "number", .header = "审核编号", .width = 22},
	{.key = "kind_label", .header = "审核类别", .width = 16},
	{.key = "subject_title", .header = "送审事项", .width = 40},
	{.key = "agency_name", .header = "送审单位", .width = 24},
	{.key = "submitted_on", .header = "送审日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "reviewer_name", .header = "审核人员", .width = 12},
	{.key = "review_due_on", .header = "审核期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = "extended_days", .header = "延长工作日", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "state_label", .header = "状态", .width = 14},
	{.key = "opinion_label", .header = "审核意见", .width = 12},
	{.key = "opinion_on", .header = "审核意见日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "points", .header = "意见要点数", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "letter_number", .header = "审核意见书文号", .width = 22},
	{.key = NULL},
};

const struct fz_list fz_review_queue_list = {
	.name = "合法性审核队列",
	.select = FZ_CASE_ROW_COLS ", r.kind, r.subject_case_id, s.number, s.title, r.submitted_on,"
				   " r.reviewer_id, u.display_name, r.opinion, r.opinion_on,"
				   " r.letter_number, r.extended_days,"
				   " (SELECT COUNT(*) FROM legal_review_point p WHERE p.case_id = r.case_id),"
				   " k.due_date",
	.from = "legal_review r JOIN case_record c ON c.case_id = r.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" JOIN case_record s ON s.case_id = r.subject_case_id"
		" LEFT JOIN app_user u ON u.user_id = r.reviewer_id"
		" LEFT JOIN case_clock k ON k.case_id = r.case_id AND k.name = 'review'",
	.scope = "c.agency_id",
	.filters = queue_filters,
	.sorts = queue_sorts,
	.sort_default = "due_date",
	.tiebreak = "c.case_id",
	.row = queue_row,
	.columns = queue_cols,
};

/* ---- the points raised ------------------------------------------------------------------ */

static json_t *point_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	json_object_set_new(o, "seq", json_integer(fz_col_int(st, 13)));
	fz_json_set_str(o, "point", fz_col_text(st, 14));
	fz_json_set_str(o, "basis", fz_col_text(st, 15));
	fz_json_set_str(o, "adoption", fz_col_text(st, 16));
	fz_json_set_str(o, "adoption_label", fz_option_label(adoptions, fz_col_text(st, 16)));
	fz_json_set_str(o, "adoption_note", fz_col_text(st, 17));
	const char *op = fz_col_text(st, 18);
	fz_json_set_str(o, "opinion", op);
	fz_json_set_str(o, "opinion_label", op ? fz_option_label(fz_review_opinions, op) : NULL);
	fz_json_set_str(o, "opinion_on", fz_col_text(st, 19));
	fz_json_set_str(o, "subject_title", fz_col_text(st, 20));
	fz_json_set_str(o, "letter_number", fz_col_text(st, 21));
	fz_json_set_str(o, "kind_label", fz_review_kind_label(fz_col_text(st, 22)));
	return o;
}

static const char *const point_like[] = {"p.point", "p.basis", "s.title", "c.number", NULL};

static const struct fz_list_filter point_filters[] = {
	{.param = "opinion_year", .label = "审核意见年度", .kind = FZ_LF_YEAR, .sql = "r.opinion_on"},
	{.param = "adoption", .label = "采纳情况", .kind = FZ_LF_OPTION, .sql = ADOPTION_SQL " = ?",
	 .options = adoptions, .labels_too = true},
	{.param = "opinion", .label = "审核意见", .kind = FZ_LF_OPTION, .sql = "r.opinion = ?",
	 .options = fz_review_opinions, .labels_too = true},
	{.param = "kind", .label = "审核类别", .kind = FZ_LF_CUSTOM, .custom = kind},
	{.param = "agency_id", .label = "送审单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = point_like},
	{.param = NULL},
};

static const struct fz_list_sort point_sorts[] = {
	{.name = "opinion_on", .expr = "r.opinion_on", .nulls_last = true},
	{.name = NULL},
};

static const struct fz_list_col point_cols[] = {
	{.key = "number", .header = "审核编号", .width = 22},
	{.key = "letter_number", .header = "审核意见书文号", .width = 22},
	{.key = "subject_title", .header = "送审事项", .width = 36},
	{.key = "agency_name", .header = "送审单位", .width = 24},
	{.key = "seq", .header = "序号", .kind = FZ_LC_NUMBER, .width = 6},
	{.key = "point", .header = "审核意见要点", .width = 48},
	{.key = "basis", .header = "法律依据", .width = 36},
	{.key = "opinion_label", .header = "审核结论", .width = 12},
	{.key = "opinion_on", .header = "审核意见日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "adoption_label", .header = "采纳情况", .width = 14},
	{.key = "adoption_note", .header = "采纳情况说明", .width = 36},
	{.key = NULL},
};

const struct fz_list fz_review_points_list = {
	.name = "合法性审核意见要点",
	.select = FZ_CASE_ROW_COLS ", p.seq, p.point, p.basis, " ADOPTION_SQL ", p.adoption_note,"
				   " r.opinion, r.opinion_on, s.title, r.letter_number, r.kind",
	.from = "legal_review_point p JOIN legal_review r ON r.case_id = p.case_id"
		" JOIN case_record c ON c.case_id = p.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" JOIN case_record s ON s.case_id = r.subject_case_id",
	.scope = "c.agency_id",
	.filters = point_filters,
	.sorts = point_sorts,
	.sort_default = "-opinion_on",
	.tiebreak = "p.case_id, p.seq",
	.row = point_row,
	.columns = point_cols,
};

/* ---- figures ------------------------------------------------------------------------------ */

#define DONE_WHERE                                                                                \
	" WHERE r.opinion_on >= ?1 AND r.opinion_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"

const struct fz_figure fz_review_figures[] = {
	{"review.reviews.done", "合法性审核出具审核意见", "件", NULL,
	 {"GET /api/reviews", "opinion_year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM legal_review r JOIN case_record c ON c.case_id = r.case_id" DONE_WHERE},
	{"review.reviews.unlawful", "合法性审核认定不合法", "件", NULL,
	 {"GET /api/reviews", "opinion_year={year}&agency_id={agency}&opinion=unlawful"},
	 "SELECT COUNT(*) FROM legal_review r JOIN case_record c ON c.case_id = r.case_id" DONE_WHERE
	 " AND r.opinion = 'unlawful'"},
	{"review.points.raised", "合法性审核提出意见要点", "条", NULL,
	 {"GET /api/reviews/points", "opinion_year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM legal_review_point p JOIN legal_review r ON r.case_id = p.case_id"
	 " JOIN case_record c ON c.case_id = p.case_id" DONE_WHERE},
	{"review.points.adopted", "合法性审核意见被采纳", "条", NULL,
	 {"GET /api/reviews/points", "opinion_year={year}&agency_id={agency}&adoption=adopted"},
	 "SELECT COUNT(*) FROM legal_review_point p JOIN legal_review r ON r.case_id = p.case_id"
	 " JOIN case_record c ON c.case_id = p.case_id" DONE_WHERE " AND p.adopted = 1"},
	{NULL},
};

/* ---- statistics ---------------------------------------------------------------------------- */

#define NSTAT 10
static const char *const stat_keys[NSTAT] = {
	"submitted", "done",	"lawful",	 "lawful_if_amended", "unlawful",
	"pending",   "overdue", "points_raised", "points_adopted",    "points_not_adopted",
};

/*
 * Per kind: submitted in the year; opinions given in the year and their
 * conclusions; open now; overdue (an opinion in the year after the due day, or
 * open past it today); the points of the year's opinions and their adoption.
 */
#define STATS_SQL                                                                                 \
	"SELECT r.kind,"                                                                           \
	" SUM(CASE WHEN r.submitted_on >= ?1 AND r.submitted_on <= ?2 THEN 1 ELSE 0 END),"        \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2 THEN 1 ELSE 0 END),"            \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2 AND r.opinion = 'lawful'"        \
	"  THEN 1 ELSE 0 END),"                                                                    \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2"                                 \
	"  AND r.opinion = 'lawful_if_amended' THEN 1 ELSE 0 END),"                                \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2 AND r.opinion = 'unlawful'"      \
	"  THEN 1 ELSE 0 END),"                                                                    \
	" SUM(CASE WHEN r.opinion IS NULL AND c.state IN ('submitted', 'reviewing')"               \
	"  THEN 1 ELSE 0 END),"                                                                    \
	" SUM(CASE WHEN k.due_date IS NOT NULL AND ((r.opinion_on >= ?1 AND r.opinion_on <= ?2"    \
	"  AND r.opinion_on > k.due_date) OR (r.opinion IS NULL"                                  \
	"  AND c.state IN ('submitted', 'reviewing') AND k.due_date < ?4)) THEN 1 ELSE 0 END),"    \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2 THEN"                            \
	"  (SELECT COUNT(*) FROM legal_review_point p WHERE p.case_id = r.case_id) ELSE 0 END),"    \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2 THEN"                            \
	"  (SELECT COUNT(*) FROM legal_review_point p WHERE p.case_id = r.case_id"                 \
	"  AND p.adopted = 1) ELSE 0 END),"                                                        \
	" SUM(CASE WHEN r.opinion_on >= ?1 AND r.opinion_on <= ?2 THEN"                            \
	"  (SELECT COUNT(*) FROM legal_review_point p WHERE p.case_id = r.case_id"                 \
	"  AND p.adopted = 0) ELSE 0 END)"                                                         \
	" FROM legal_review r JOIN case_record c ON c.case_id = r.case_id"                         \
	" LEFT JOIN case_clock k ON k.case_id = r.case_id AND k.name = 'review'"                   \
	" WHERE (?3 = 0 OR c.agency_id = ?3) GROUP BY r.kind ORDER BY r.kind"

enum fz_code fz_review_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				  struct fz_err *err)
{
	char from[11], to[11], today[11];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	fz_date_format(ctx->today, today);
	struct fz_stmt *st =
		fz_db_query(ctx->db, err, STATS_SQL, "ttit", from, to, agency_id, today);
	if (!st)
		return err->code;
	/* Every registered kind has its row, counted or not, in registration order. */
	size_t nk = fz_review_kind_count();
	json_t *rows = json_array();
	for (size_t i = 0; i < nk; i++) {
		const struct fz_review_kind *k = fz_review_kind_at(i);
		json_t *o = json_pack("{s:s, s:s}", "kind", k->name, "label", k->label);
		for (int j = 0; j < NSTAT; j++)
			json_object_set_new(o, stat_keys[j], json_integer(0));
		json_array_append_new(rows, o);
	}
	long tot[NSTAT] = {0};
	while (fz_stmt_row(st)) {
		json_t *o = NULL;
		for (size_t i = 0; i < nk; i++)
			if (strcmp(fz_review_kind_at(i)->name, fz_col_text(st, 0)) == 0)
				o = json_array_get(rows, i);
		for (int j = 0; j < NSTAT; j++) {
			long v = (long)fz_col_int(st, 1 + j);
			tot[j] += v;
			if (o)
				json_object_set_new(o, stat_keys[j], json_integer(v));
		}
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(rows);
		return err->code;
	}
	json_t *total = json_object();
	for (int j = 0; j < NSTAT; j++)
		json_object_set_new(total, stat_keys[j], json_integer(tot[j]));
	/* The named figures as every other reader sees them, with their drill-downs. */
	json_t *figs = json_array();
	for (const struct fz_figure *f = fz_review_figures; f->name; f++) {
		long v = 0;
		enum fz_code rc = fz_figure_value(ctx, f->name, year, agency_id, &v, err);
		if (rc) {
			json_decref(rows);
			json_decref(total);
			json_decref(figs);
			return rc;
		}
		json_array_append_new(figs, json_pack("{s:s, s:s, s:s, s:I, s:o}", "name", f->name,
						      "label", f->label, "unit", f->unit, "value",
						      (json_int_t)v, "drill",
						      fz_figure_drill_json(f, year, agency_id)));
	}
	*out = json_pack("{s:i, s:I, s:o, s:o, s:o, s:I, s:I}", "year", year, "agency_id",
			 (json_int_t)agency_id, "kinds", rows, "total", total, "figures", figs,
			 "review_days", (json_int_t)fz_setting_int(ctx->db, "review.days", 5),
			 "review_max_days",
			 (json_int_t)fz_setting_int(ctx->db, "review.max_days", 15));
	return FZ_OK;
}
