/*
 * enf_report.c - the figures county reports publish about enforcement bodies,
 * powers and officers ("全县72个执法主体，梳理行政许可336项、行政处罚1709项……；
 * 组织800人参加执法资格考试，700人合格"), the drafted paragraph and the Excel
 * export, and the module's named figures (platform/figures.h), which the
 * report reads like any other reader. Percentages are whole numbers, rounded
 * half up, as the reports write them. Agency users get their own agency's
 * figures.
 */
#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/settings.h"
#include "platform/spreadsheets.h"

static long pct(long n, long total)
{
	return total ? (n * 100 + total / 2) / total : 0;
}

static long one(struct fz_ctx *ctx, const char *sql, const char *lo, const char *hi, int64_t scope,
		const char *today)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "ttit", lo, hi, scope, today);
	long n = st && fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return n;
}

/* [{value,label,count,percent}] of a GROUP BY over an option list, in the list's order. */
static json_t *by(struct fz_ctx *ctx, const char *sql, int64_t scope, const struct fz_option *o,
		  long *total_out)
{
	long counts[16] = {0}, total = 0;
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "i", scope);
	while (st && fz_stmt_row(st)) {
		for (int i = 0; o[i].value && i < 16; i++)
			if (fz_col_text(st, 0) && strcmp(o[i].value, fz_col_text(st, 0)) == 0)
				counts[i] = (long)fz_col_int(st, 1);
		total += (long)fz_col_int(st, 1);
	}
	fz_stmt_done(st);
	json_t *a = json_array();
	for (int i = 0; o[i].value && i < 16; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:I}", "value", o[i].value, "label",
						   o[i].label, "count", (json_int_t)counts[i], "percent",
						   (json_int_t)pct(counts[i], total)));
	if (total_out)
		*total_out = total;
	return a;
}

enum fz_code fz_enf_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err)
{
	(void)err;
	char lo[11], hi[11], today[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	fz_date_format(ctx->today, today);
	int64_t scope = agency_id;
	if (!fz_ctx_sees_all(ctx))
		scope = ctx->user ? ctx->user->agency_id : -1;
	/* The counts other readers also use are the module's figures, counted once there. */
	long published = 0, powers = 0, on_duty = 0, valid_now = 0, below = 0, hours = 0;
	const struct {
		const char *name;
		long *value;
	} figures[] = {
		{"enforcement.bodies.published", &published}, {"enforcement.powers.count", &powers},
		{"enforcement.officers.on_duty", &on_duty},    {"enforcement.officers.certified", &valid_now},
		{"enforcement.officers.below_target", &below}, {"enforcement.training.hours", &hours},
	};
	for (size_t f = 0; f < sizeof figures / sizeof figures[0]; f++) {
		enum fz_code rc = fz_figure_value(ctx, figures[f].name, year, scope, figures[f].value, err);
		if (rc)
			return rc;
	}
	long bodies = 0, officers_all = 0;
	json_t *by_kind = by(ctx,
			     "SELECT kind, COUNT(*) FROM enf_body WHERE status <> 'abolished'"
			     " AND (?1 = 0 OR agency_id = ?1) GROUP BY kind",
			     scope, fz_enf_body_kinds, &bodies);
	json_t *by_cat = by(ctx,
			    "SELECT category, COUNT(*) FROM enf_power WHERE status = 'active'"
			    " AND (?1 = 0 OR agency_id = ?1) GROUP BY category",
			    scope, fz_enf_categories, NULL);
	json_t *by_status = by(ctx,
			       "SELECT status, COUNT(*) FROM enf_officer WHERE (?1 = 0 OR agency_id = ?1)"
			       " GROUP BY status",
			       scope, fz_enf_officer_status, &officers_all);
	long qualified = one(ctx,
			     "SELECT COUNT(*), ?1, ?2, ?4 FROM enf_officer WHERE status = 'on_duty'"
			     " AND legal_qualification = 1 AND (?3 = 0 OR agency_id = ?3)",
			     lo, hi, scope, today);
#define CERT " FROM enf_certificate c JOIN case_record r ON r.case_id = c.case_id WHERE (?3 = 0 OR r.agency_id = ?3)"
	long applied = one(ctx, "SELECT COUNT(*), ?4" CERT " AND r.received_on BETWEEN ?1 AND ?2", lo,
			   hi, scope, today);
	long sat = one(ctx, "SELECT COUNT(*), ?4" CERT " AND c.exam_on BETWEEN ?1 AND ?2", lo, hi,
		       scope, today);
	long passed = one(ctx,
			  "SELECT COUNT(*), ?4" CERT " AND c.exam_on BETWEEN ?1 AND ?2 AND r.state <> 'failed'",
			  lo, hi, scope, today);
	long issued = one(ctx, "SELECT COUNT(*), ?4" CERT " AND c.issued_on BETWEEN ?1 AND ?2", lo, hi,
			  scope, today);
	long withdrawn = one(ctx,
			     "SELECT COUNT(*), ?4" CERT " AND r.state = 'withdrawn' AND c.ended_on BETWEEN ?1 AND ?2",
			     lo, hi, scope, today);
	long expired = one(ctx,
			   "SELECT COUNT(*)" CERT " AND r.state IN ('valid', 'suspended', 'to_withdraw', 'expired')"
			   " AND c.valid_until BETWEEN ?1 AND ?2 AND c.valid_until < ?4",
			   lo, hi, scope, today);
	long to_withdraw = one(ctx, "SELECT COUNT(*), ?1, ?2, ?4" CERT " AND r.state = 'to_withdraw'", lo,
			       hi, scope, today);
#undef CERT
	long target = fz_setting_int(ctx->db, "enforcement.training_hours", 60);

	/* The paragraph, in the county reports' own style. */
	char kinds[256] = "", cats[768] = "";
	size_t k = 0;
	size_t i;
	json_t *x;
	json_array_foreach(by_kind, i, x)
	{
		long n = (long)json_integer_value(json_object_get(x, "count"));
		if (n && k < sizeof kinds - 80)
			k += (size_t)snprintf(kinds + k, sizeof kinds - k, "%s%s%ld个", k ? "、" : "",
					      fz_json_str(x, "label"), n);
	}
	k = 0;
	json_array_foreach(by_cat, i, x)
	{
		long n = (long)json_integer_value(json_object_get(x, "count"));
		if (n && k < sizeof cats - 80)
			k += (size_t)snprintf(cats + k, sizeof cats - k, "%s%s%ld项", k ? "、" : "",
					      fz_json_str(x, "label"), n);
	}
	char *paragraph = fz_arena_printf(
		ctx->arena,
		"截至%d年底，%s共有行政执法主体%ld个%s%s%s，其中已确认并公告%ld个；梳理公布权责事项%ld项%s%s%s。"
		"在岗行政执法人员%ld人，持有效执法证件%ld人，具有法律职业资格%ld人。全年受理执法证件申领%ld件，"
		"组织执法资格考试%ld人次，合格%ld人次，合格率%ld%%；新发执法证件%ld个，因调离、退休等收回注销%ld个，"
		"有效期届满失效%ld个%s。全年执法人员参加培训共%ld学时，人均%ld学时，未达到%ld学时的%ld人。",
		year, scope ? "本单位" : "全县", bodies, kinds[0] ? "（" : "", kinds, kinds[0] ? "）" : "",
		published, powers, cats[0] ? "，其中" : "", cats, "", on_duty, valid_now, qualified,
		applied, sat, passed, pct(passed, sat), issued, withdrawn, expired,
		to_withdraw ? fz_arena_printf(ctx->arena, "，另有%ld个待收回", to_withdraw) : "", hours,
		on_duty ? (hours + on_duty / 2) / on_duty : 0, target, below);
	*out = json_pack(
		"{s:i, s:I, s:{s:I, s:I, s:o}, s:{s:I, s:o}, s:{s:I, s:I, s:I, s:o},"
		" s:{s:I, s:I, s:I, s:I, s:I, s:I}, s:{s:I, s:I, s:I}, s:{s:I, s:I, s:I, s:I}, s:s}",
		"year", year, "agency_id", (json_int_t)scope, "bodies", "total", (json_int_t)bodies,
		"published", (json_int_t)published, "by_kind", by_kind, "powers", "total",
		(json_int_t)powers, "by_category", by_cat, "officers", "total", (json_int_t)officers_all,
		"on_duty", (json_int_t)on_duty, "legal_qualified", (json_int_t)qualified, "by_status",
		by_status, "certificates", "applied", (json_int_t)applied, "issued", (json_int_t)issued,
		"withdrawn", (json_int_t)withdrawn, "expired", (json_int_t)expired, "valid_now",
		(json_int_t)valid_now, "to_withdraw", (json_int_t)to_withdraw, "exam", "sat",
		(json_int_t)sat, "passed", (json_int_t)passed, "pass_rate", (json_int_t)pct(passed, sat),
		"training", "hours", (json_int_t)hours, "average", (json_int_t)(on_duty ? (hours + on_duty / 2) / on_duty : 0),
		"target", (json_int_t)target, "below_target", (json_int_t)below, "paragraph", paragraph);
	return *out ? FZ_OK : fz_err_set(err, FZ_EINTERNAL, NULL, "统计结果生成失败");
}

enum fz_code fz_enf_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err)
{
	json_t *r;
	enum fz_code rc = fz_enf_report_json(ctx, year, agency_id, &r, err);
	if (rc)
		return rc;
	const char *cells[80 * 3];
	int n = 0;
#define NUM(v) fz_arena_printf(ctx->arena, "%lld", (long long)(v))
#define ROW(a, b, c) (cells[n * 3] = (a), cells[n * 3 + 1] = (b), cells[n * 3 + 2] = (c), n++)
	ROW("项目", "数量", "占比（%）");
	static const char *const lists[][3] = {{"bodies", "by_kind", "执法主体："},
					       {"powers", "by_category", "权责事项："},
					       {"officers", "by_status", "执法人员："}};
	for (size_t l = 0; l < 3; l++) {
		json_t *g = json_object_get(r, lists[l][0]);
		ROW(fz_arena_printf(ctx->arena, "%s合计", lists[l][2]), NUM(json_integer_value(json_object_get(g, "total"))), NULL);
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(g, lists[l][1]), i, x)
			ROW(fz_arena_printf(ctx->arena, "%s%s", lists[l][2], fz_json_str(x, "label")),
			    NUM(json_integer_value(json_object_get(x, "count"))),
			    NUM(json_integer_value(json_object_get(x, "percent"))));
	}
	static const char *const flat[][3] = {
		{"certificates", "applied", "执法证件：受理申领"}, {"certificates", "issued", "执法证件：新发"},
		{"certificates", "withdrawn", "执法证件：收回注销"}, {"certificates", "expired", "执法证件：到期失效"},
		{"certificates", "valid_now", "执法证件：现有效"}, {"certificates", "to_withdraw", "执法证件：待收回"},
		{"exam", "sat", "执法资格考试：参考人次"}, {"exam", "passed", "执法资格考试：合格人次"},
		{"exam", "pass_rate", "执法资格考试：合格率（%）"}, {"training", "hours", "培训：总学时"},
		{"training", "average", "培训：人均学时"}, {"training", "below_target", "培训：学时未达标人数"}};
	for (size_t i = 0; i < sizeof flat / sizeof flat[0]; i++)
		ROW(flat[i][2], NUM(json_integer_value(json_object_get(json_object_get(r, flat[i][0]), flat[i][1]))), NULL);
#undef ROW
#undef NUM
	int widths[3] = {40, 12, 12};
	struct fz_sheet sheet = {"执法主体与执法人员",
				 fz_arena_printf(ctx->arena, "%d年行政执法主体、权责清单和执法人员情况统计", year),
				 n, 3, cells, 1, widths, false};
	rc = fz_xlsx_build(&sheet, 1, out, len, err);
	json_decref(r);
	return rc;
}

/* ---- named figures (platform/figures.h) ------------------------------------------- */

/* The one number of a counting statement into *value (left alone on failure). */
static enum fz_code count_into(struct fz_stmt *st, long *value, struct fz_err *err)
{
	if (!st)
		return err->code;
	long v = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	*value = v;
	return FZ_OK;
}

/* Certificates valid today (a certificate past its date counts as lapsed even before the job marks it). */
static enum fz_code certified(struct fz_ctx *ctx, int year, int64_t agency, long *value,
			      struct fz_err *err)
{
	(void)year;
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT COUNT(*) FROM enf_certificate c JOIN case_record r ON r.case_id = c.case_id"
		" WHERE (? = 0 OR r.agency_id = ?) AND r.state = 'valid' AND c.valid_until >= ?",
		"iit", agency, agency, today);
	return count_into(st, value, err);
}

/* Officers on duty whose class hours of the year are under the target (setting enforcement.training_hours). */
static enum fz_code below_target(struct fz_ctx *ctx, int year, int64_t agency, long *value,
				 struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	long target = fz_setting_int(ctx->db, "enforcement.training_hours", 60);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT COUNT(*) FROM enf_officer o WHERE o.status = 'on_duty' AND (?3 = 0 OR o.agency_id = ?3)"
		" AND (SELECT COALESCE(SUM(t.hours), 0) FROM enf_training t WHERE t.officer_id = o.officer_id"
		" AND t.trained_on BETWEEN ?1 AND ?2) < ?4",
		"ttiI", lo, hi, agency, (int)target);
	return count_into(st, value, err);
}

/*
 * The certificates list's valid_now=1 (the drill-down of
 * enforcement.officers.certified): valid today, as certified() counts.
 */
enum fz_code fz_enf_valid_now_filter(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (strcmp(v, "0") == 0)
		return FZ_OK;
	if (strcmp(v, "1") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "valid_now", "现有效证件应为 1（是）或 0（否）");
	char *today = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(run->ctx->today, today);
	fz_list_where(run, "r.state = 'valid' AND c.valid_until >= ?");
	fz_list_bind_text(run, today);
	return FZ_OK;
}

#define BODIES "GET /api/enforcement/bodies"
#define POWERS "GET /api/enforcement/powers"
#define OFFICERS "GET /api/enforcement/officers"
#define CERTS "GET /api/enforcement/certificates"
#define PENALTIES "GET /api/enforcement/penalties"
#define REVIEWS "GET /api/enforcement/reviews"
/* Penalty decisions of the year (决定日期 in it) of one outcome, per agency. */
#define PENALTY_SQL(what, outcome)                                                                 \
	"SELECT " what " FROM enf_penalty x JOIN case_record c ON c.case_id = x.case_id"          \
	" WHERE x.outcome = '" outcome "' AND x.decided_on >= ?1 AND x.decided_on <= ?2"           \
	" AND (?3 = 0 OR c.agency_id = ?3)"

/* Rows of a fines table (enf_penalty_fines.c) whose day falls in the year, per agency. */
#define FINE_SQL(what, table, day, cond)                                                          \
	"SELECT " what " FROM " table " f JOIN case_record c ON c.case_id = f.case_id"            \
	" WHERE f." day " >= ?1 AND f." day " <= ?2 AND (?3 = 0 OR c.agency_id = ?3)" cond
#define BENCH_SQL(placement)                                                                      \
	"SELECT COUNT(*) FROM enf_penalty x JOIN case_record c ON c.case_id = x.case_id"             \
	" JOIN enf_penalty_benchmark k ON k.case_id = x.case_id AND k.step = 'decide'"               \
	" WHERE k.placement = '" placement "' AND x.decided_on >= ?1 AND x.decided_on <= ?2"         \
	" AND (?3 = 0 OR c.agency_id = ?3)"
#define COERCIONS "GET /api/enforcement/coercions"
/* Coercion cases whose day column falls in the year, per agency. */
#define COERCION_SQL(day, cond)                                                                    \
	"SELECT COUNT(*) FROM enf_coercion x JOIN case_record c ON c.case_id = x.case_id"         \
	" WHERE " cond " AND " day " >= ?1 AND " day " <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"

/* Registries count what stands today; the year only bounds training. */
const struct fz_figure fz_enf_figures[] = {
	{"enforcement.bodies.published", "已确认并公告的行政执法主体", "个", NULL,
	 {BODIES, "status=published&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_body WHERE status = 'published' AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.powers.count", "权责清单事项（现行有效）", "项", NULL,
	 {POWERS, "status=active&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_power WHERE status = 'active' AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.officers.on_duty", "在岗行政执法人员", "人", NULL,
	 {OFFICERS, "status=on_duty&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_officer WHERE status = 'on_duty' AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.officers.certified", "持有效行政执法证件", "人", certified,
	 {CERTS, "valid_now=1&agency_id={agency}"}},
	{"enforcement.officers.below_target", "培训学时未达标的在岗执法人员", "人", below_target,
	 {OFFICERS, "below_target=1&year={year}&agency_id={agency}"}},
	{"enforcement.training.hours", "执法人员培训学时", "学时", NULL,
	 {OFFICERS, "year={year}&agency_id={agency}"},
	 "SELECT COALESCE(SUM(t.hours), 0) FROM enf_training t JOIN enf_officer o ON o.officer_id = t.officer_id"
	 " WHERE t.trained_on >= ?1 AND t.trained_on <= ?2 AND (?3 = 0 OR o.agency_id = ?3)",
	 .sum = true},
	/* 行政处罚法: decisions to punish and, counted apart, decisions not to (第三十三条). */
	{"enforcement.penalties.decided", "作出行政处罚决定", "件", NULL,
	 {PENALTIES, "decided_year={year}&outcome=penalty&agency_id={agency}"},
	 PENALTY_SQL("COUNT(*)", "penalty")},
	{"enforcement.penalties.not_punished", "作出不予行政处罚决定", "件", NULL,
	 {PENALTIES, "decided_year={year}&outcome=no_penalty&agency_id={agency}"},
	 PENALTY_SQL("COUNT(*)", "no_penalty")},
	{"enforcement.penalties.fines", "行政处罚决定罚款金额", "元", NULL,
	 {PENALTIES, "decided_year={year}&outcome=penalty&agency_id={agency}"},
	 PENALTY_SQL("COALESCE(SUM(x.fine_amount), 0)", "penalty"), .sum = true},
	/* The case statistics (enf_case_stats.c): filings, on-the-spot decisions, hearings, major cases. */
	{"enforcement.penalties.filed", "行政处罚立案", "件", NULL,
	 {PENALTIES, "year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM case_record c WHERE c.case_type = 'enf_penalty'"
	 " AND c.received_on >= ?1 AND c.received_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
	{"enforcement.penalties.simple", "适用简易程序当场作出处罚决定", "件", NULL,
	 {PENALTIES, "decided_year={year}&outcome=penalty&procedure=simple&agency_id={agency}"},
	 PENALTY_SQL("COUNT(*)", "penalty") " AND x.procedure = 'simple'"},
	{"enforcement.penalties.hearings", "举行听证", "件", NULL,
	 {PENALTIES, "hearing_year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_penalty x JOIN case_record c ON c.case_id = x.case_id"
	 " WHERE x.hearing_held_on >= ?1 AND x.hearing_held_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
	{"enforcement.penalties.major", "经法制审核作出决定的重大执法案件", "件", NULL,
	 {PENALTIES, "decided_year={year}&major=1&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_penalty x JOIN case_record c ON c.case_id = x.case_id"
	 " WHERE x.major = 1 AND x.decided_on >= ?1 AND x.decided_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
	/* 第66-67条, 第72条: what was collected in the year, and the cases allowed to defer or pay in
	 * instalments (enf_penalty_fines.c). */
	{"enforcement.fines.collected", "收缴罚款金额", "元", NULL,
	 {PENALTIES, "fine_paid_year={year}&agency_id={agency}"},
	 FINE_SQL("COALESCE(SUM(f.fine_amount), 0)", "enf_fine_payment", "paid_on", ""), .sum = true},
	{"enforcement.fines.surcharges", "收缴加处罚款金额", "元", NULL,
	 {PENALTIES, "fine_paid_year={year}&agency_id={agency}"},
	 FINE_SQL("COALESCE(SUM(f.surcharge_fen), 0) / 100", "enf_fine_payment", "paid_on", ""), .sum = true},
	{"enforcement.fines.arranged", "批准暂缓或分期缴纳罚款案件", "件", NULL,
	 {PENALTIES, "arranged_year={year}&agency_id={agency}"},
	 FINE_SQL("COUNT(DISTINCT f.case_id)", "enf_fine_application", "decided_on", " AND f.status = 'approved'")},
	/* Decisions of the year compared with the discretion benchmark (enf_benchmark.c). */
	{"enforcement.benchmark.inside", "在裁量基准范围内作出的处罚决定", "件", NULL,
	 {PENALTIES, "decided_year={year}&benchmark=inside&agency_id={agency}"}, BENCH_SQL("inside")},
	{"enforcement.benchmark.outside", "超出裁量基准作出的处罚决定", "件", NULL,
	 {PENALTIES, "decided_year={year}&benchmark=outside&agency_id={agency}"}, BENCH_SQL("outside")},
	/* 法制审核 (第五十八条), by the year of submission (enf_penalty_review.c). */
	{"enforcement.reviews.submitted", "提交法制审核", "件", fz_enf_reviews_submitted,
	 {REVIEWS, "year={year}&agency_id={agency}"}},
	{"enforcement.reviews.passed", "法制审核同意", "件", fz_enf_reviews_passed,
	 {REVIEWS, "year={year}&status=pass&agency_id={agency}"}},
	{"enforcement.reviews.amended", "法制审核修改后同意", "件", fz_enf_reviews_amended,
	 {REVIEWS, "year={year}&status=amend&agency_id={agency}"}},
	{"enforcement.reviews.refused", "法制审核不同意", "件", fz_enf_reviews_refused,
	 {REVIEWS, "year={year}&status=fail&agency_id={agency}"}},
	{"enforcement.reviews.overdue", "法制审核超过审核期限", "件", fz_enf_reviews_overdue,
	 {REVIEWS, "year={year}&overdue=1&agency_id={agency}"}},
	/* 三项制度 公示 (enf_publication.c): notices published in the year on time or late, and
	 * notices withdrawn in the year (《行政处罚法》第四十八条). */
	{"enforcement.publications.on_time", "执法决定按期公示", "件", NULL,
	 {"GET /api/enforcement/publications", "published_year={year}&on_time=1&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_publication WHERE late = 0 AND published_on >= ?1 AND published_on <= ?2"
	 " AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.publications.late", "执法决定超期公示", "件", NULL,
	 {"GET /api/enforcement/publications", "published_year={year}&late=1&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_publication WHERE late = 1 AND published_on >= ?1 AND published_on <= ?2"
	 " AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.publications.withdrawn", "撤回公示的执法决定", "件", NULL,
	 {"GET /api/enforcement/publications", "withdrawn_year={year}&status=withdrawn&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_publication WHERE status = 'withdrawn' AND withdrawn_on >= ?1"
	 " AND withdrawn_on <= ?2 AND (?3 = 0 OR agency_id = ?3)"},
	/* 行政强制法: measures taken and execution decisions of the year (the disclosure report's
	 * table 二 row 行政强制 reads .count), by kind, extensions, court applications. */
	{"enforcement.coercions.count", "行政强制决定（查封、扣押和强制执行决定）", "件", NULL,
	 {COERCIONS, "decision_year={year}&agency_id={agency}"}, COERCION_SQL("x.decision_on", "1 = 1")},
	{"enforcement.coercions.sealed", "实施查封", "件", NULL,
	 {COERCIONS, "decision_year={year}&measure_kind=seal&agency_id={agency}"},
	 COERCION_SQL("x.decision_on", "x.measure_kind = 'seal'")},
	{"enforcement.coercions.seized", "实施扣押", "件", NULL,
	 {COERCIONS, "decision_year={year}&measure_kind=seize&agency_id={agency}"},
	 COERCION_SQL("x.decision_on", "x.measure_kind = 'seize'")},
	{"enforcement.coercions.extended", "延长查封、扣押期限", "件", NULL,
	 {COERCIONS, "decision_year={year}&extended=1&agency_id={agency}"},
	 COERCION_SQL("x.decision_on", "x.extended_on IS NOT NULL")},
	{"enforcement.coercions.executions", "作出强制执行决定", "件", NULL,
	 {COERCIONS, "decision_year={year}&own_execution=1&agency_id={agency}"},
	 COERCION_SQL("x.decision_on", "x.exec_decided_on IS NOT NULL")},
	{"enforcement.coercions.court_applications", "申请人民法院强制执行", "件", NULL,
	 {COERCIONS, "court_year={year}&agency_id={agency}"}, COERCION_SQL("x.court_applied_on", "1 = 1")},
	/* Inspections, "双随机、一公开" (enf_inspection*.c). */
	{"enforcement.inspection.plans", "行政检查计划", "个", NULL,
	 {"GET /api/enforcement/inspection-plans", "year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_insp_plan WHERE period_from >= ?1 AND period_from <= ?2"
	 " AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.inspection.draws", "随机抽取", "次", NULL,
	 {"GET /api/enforcement/inspection-draws", "year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_insp_draw WHERE drawn_on >= ?1 AND drawn_on <= ?2"
	 " AND (?3 = 0 OR agency_id = ?3)"},
	{"enforcement.inspection.inspected", "完成随机抽查检查", "户次", NULL,
	 {"GET /api/enforcement/inspections", "inspected_year={year}&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_inspection x JOIN case_record c ON c.case_id = x.case_id"
	 " WHERE x.inspected_on >= ?1 AND x.inspected_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
	{"enforcement.inspection.published_on_time", "检查结果按期公示", "件", NULL,
	 {"GET /api/enforcement/inspections", "published_year={year}&on_time=1&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_inspection x JOIN case_record c ON c.case_id = x.case_id"
	 " WHERE x.published_on >= ?1 AND x.published_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"
	 " AND x.published_on <= (SELECT k.due_date FROM case_clock k WHERE k.case_id = c.case_id"
	 " AND k.name = 'publish')"},
	{"enforcement.inspection.to_penalty", "检查发现违法行为转立案查处", "件", NULL,
	 {"GET /api/enforcement/inspections", "inspected_year={year}&to_penalty=1&agency_id={agency}"},
	 "SELECT COUNT(*) FROM enf_inspection x JOIN case_record c ON c.case_id = x.case_id"
	 " WHERE x.inspected_on >= ?1 AND x.inspected_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"
	 " AND x.penalty_case_id IS NOT NULL"},
	{NULL},
};
