/*
 * recon_list.c - the module lists of reconsideration cases and lawsuits,
 * declared for platform/lists.h: the generic case row with what only this
 * module knows (the respondent, the procedure, the act, the decision; the
 * instance and the outcome), so the browser never loads a case's detail to
 * fill a row, and the same query exported to Excel.
 *
 * Scope is the case's agency: agency roles see only their own agency's
 * cases. A reconsideration case belongs to the legal office and is shared
 * with its respondent (the kind's shares), so a department sees the
 * applications against it; a lawsuit belongs to the defendant agency.
 */
#include "modules/reconsideration/recon_int.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

static const struct fz_list_sort sorts[] = {
	{.name = "received_on", .expr = "c.received_on"},
	{.name = "created_at", .expr = "c.created_at"},
	{.name = "due_date", .expr = "c.due_date", .nulls_last = true},
	{.name = "number", .expr = "c.case_id"},
	{.name = NULL},
};

#define YEAR                                                                                   \
	{.param = "year", .label = "年度", .kind = FZ_LF_YEAR, .sql = "c.received_on",            \
	 .hint = "按收案日期所在年度筛选"}
#define ACT_TYPE                                                                               \
	{.param = "act_type", .label = "行政行为类型", .kind = FZ_LF_OPTION, .sql = "x.act_type = ?", \
	 .options = fz_recon_act_types}
#define CLOCK {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"}
/* The day outcome_class judges a result on (table 四: 31 December of its year); before outcome_class. */
#define AS_OF {.param = "as_of", .label = "截至日期", .kind = FZ_LF_CUSTOM, .custom = fz_recon_as_of_filter}

/* ---- reconsideration cases ------------------------------------------------------- */

static const char *const recon_like[] = {"c.number", "c.title", "x.applicant_name", "x.requests",
					 "x.act_number", "ra.name", NULL};

static const struct fz_list_filter recon_filters[] = {
	YEAR,
	{.param = "respondent_agency_id", .label = "被申请人", .kind = FZ_LF_AGENCY,
	 .sql = "x.respondent_agency_id = ?"},
	{.param = "state", .label = "状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .type = &fz_recon_type},
	ACT_TYPE,
	CLOCK,
	{.param = "procedure", .label = "审理程序", .kind = FZ_LF_OPTION, .sql = "x.procedure = ?",
	 .options = fz_recon_procedures},
	/* The records behind the named figures (recon_report.c): decided in a year, accepted, by result. */
	{.param = "decided_year", .label = "审结年度", .kind = FZ_LF_YEAR, .sql = "x.decided_on",
	 .hint = "按决定、不予受理或终止日期所在年度筛选"},
	{.param = "accepted", .label = "已受理", .kind = FZ_LF_FLAG,
	 .sql = "c.state IN ('accepted', 'suspended', 'decided')"},
	AS_OF,
	{.param = "outcome_class", .label = "结果类别", .kind = FZ_LF_CUSTOM,
	 .custom = fz_recon_outcome_filter},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 100, .like = recon_like},
	{.param = NULL},
};

/* The case row's columns 0-12, then these from 13. */
static json_t *recon_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "applicant_name", fz_col_text(st, 13));
	json_object_set_new(o, "respondent_agency_id", json_integer(fz_col_int(st, 14)));
	fz_json_set_str(o, "respondent_name", fz_col_text(st, 15));
	fz_json_set_str(o, "procedure", fz_col_text(st, 16));
	fz_json_set_str(o, "procedure_label",
			fz_col_text(st, 16) ? fz_option_label(fz_recon_procedures, fz_col_text(st, 16)) : NULL);
	fz_json_set_str(o, "act_type", fz_col_text(st, 17));
	fz_json_set_str(o, "act_type_label", fz_option_label(fz_recon_act_types, fz_col_text(st, 17)));
	/* Only decisions and endings have a label; refusals and the like read from the state. */
	const char *d = fz_col_text(st, 18);
	const char *dl = fz_option_label(fz_recon_decisions, d);
	if (dl == d)
		dl = fz_option_label(fz_recon_endings, d);
	fz_json_set_str(o, "decision", dl == d ? NULL : d);
	fz_json_set_str(o, "decision_label", dl == d ? NULL : dl);
	fz_json_set_str(o, "accepted_on", fz_col_text(st, 19));
	fz_json_set_str(o, "decided_on", fz_col_text(st, 20));
	json_object_set_new(o, "late", json_boolean(fz_col_int(st, 21)));
	return o;
}

static const struct fz_list_col recon_cols[] = {
	{.key = "number", .header = "案号", .width = 22},
	{.key = "applicant_name", .header = "申请人", .width = 20},
	{.key = "respondent_name", .header = "被申请人", .width = 24},
	{.key = "act_type_label", .header = "行政行为类型"},
	{.key = "procedure_label", .header = "审理程序", .width = 10},
	{.key = "state_label", .header = "状态"},
	{.key = "received_on", .header = "收到申请日期", .kind = FZ_LC_DATE},
	{.key = "accepted_on", .header = "受理日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = "days_left", .header = "剩余天数", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "decision_label", .header = "决定", .width = 20},
	{.key = "decided_on", .header = "决定日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "late", .header = "超过申请期限", .kind = FZ_LC_BOOL, .width = 12},
	{.key = NULL},
};

const struct fz_list fz_recon_cases_list = {
	.name = "行政复议案件",
	.select = FZ_CASE_ROW_COLS ", x.applicant_name, x.respondent_agency_id, ra.name, x.procedure,"
				   " x.act_type, x.decision, x.accepted_on, x.decided_on, x.late",
	.from = "case_record c JOIN recon_case x ON x.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" JOIN agency ra ON ra.agency_id = x.respondent_agency_id",
	.where = "c.case_type = 'reconsideration'",
	.scope = "c.agency_id",
	.shared = "c.case_id",
	.filters = recon_filters,
	.sorts = sorts,
	.sort_default = "-created_at",
	.tiebreak = "c.case_id",
	.row = recon_row,
	.columns = recon_cols,
};

/* ---- lawsuits -------------------------------------------------------------------- */

static const char *const lit_like[] = {"c.number", "c.title", "x.plaintiff", "x.court",
				       "x.act_number", "a.name", NULL};

static const struct fz_option after_recon[] = {
	{"0", "未经复议直接起诉"}, {"1", "经复议后起诉"}, {NULL, NULL}};

static const struct fz_list_filter lit_filters[] = {
	YEAR,
	{.param = "agency_id", .label = "被告", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
	{.param = "state", .label = "状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .type = &fz_lit_type},
	ACT_TYPE,
	CLOCK,
	{.param = "instance", .label = "审级", .kind = FZ_LF_OPTION, .sql = "x.instance = ?",
	 .options = fz_lit_instances},
	{.param = "outcome", .label = "裁判结果", .kind = FZ_LF_OPTION, .sql = "x.outcome = ?",
	 .options = fz_lit_outcomes},
	/* The records behind the named figures (recon_report.c): judged in a year, after reconsideration, by result. */
	{.param = "judged_year", .label = "裁判年度", .kind = FZ_LF_YEAR, .sql = "x.judged_on",
	 .hint = "按裁判日期所在年度筛选"},
	{.param = "after_recon", .label = "是否经复议后起诉", .kind = FZ_LF_OPTION,
	 .sql = "CASE WHEN x.recon_case_id IS NULL THEN '0' ELSE '1' END = ?", .options = after_recon},
	AS_OF,
	{.param = "outcome_class", .label = "结果类别", .kind = FZ_LF_CUSTOM,
	 .custom = fz_lit_outcome_filter},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 100, .like = lit_like},
	{.param = NULL},
};

static json_t *lit_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "plaintiff", fz_col_text(st, 13));
	fz_json_set_str(o, "court", fz_col_text(st, 14));
	static const struct {
		const char *key;
		const struct fz_option *opts;
	} labelled[] = {{"instance", fz_lit_instances}, {"act_type", fz_recon_act_types},
			{"outcome", fz_lit_outcomes}};
	for (int i = 0; i < 3; i++) {
		const char *v = fz_col_text(st, 15 + i);
		fz_json_set_str(o, labelled[i].key, v);
		fz_json_set_str(o, fz_arena_printf(ctx->arena, "%s_label", labelled[i].key),
				v ? fz_option_label(labelled[i].opts, v) : NULL);
	}
	fz_json_set_str(o, "judged_on", fz_col_text(st, 18));
	json_object_set_new(o, "recon_case_id",
			    fz_col_null(st, 19) ? json_null() : json_integer(fz_col_int(st, 19)));
	fz_json_set_str(o, "recon_number", fz_col_text(st, 20));
	json_object_set_new(o, "hearings", json_integer(fz_col_int(st, 21)));
	json_object_set_new(o, "head_appeared", json_integer(fz_col_int(st, 22)));
	return o;
}

static const struct fz_list_col lit_cols[] = {
	{.key = "number", .header = "案号", .width = 22},
	{.key = "plaintiff", .header = "原告", .width = 20},
	{.key = "agency_name", .header = "被告", .width = 24},
	{.key = "court", .header = "受理法院", .width = 20},
	{.key = "instance_label", .header = "审级", .width = 8},
	{.key = "act_type_label", .header = "被诉行为类型"},
	{.key = "state_label", .header = "状态"},
	{.key = "received_on", .header = "收到起诉状日期", .kind = FZ_LC_DATE},
	{.key = "outcome_label", .header = "裁判结果", .width = 20},
	{.key = "judged_on", .header = "裁判日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "hearings", .header = "开庭次数", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "head_appeared", .header = "负责人出庭次数", .kind = FZ_LC_NUMBER},
	{.key = "recon_number", .header = "经复议案号", .width = 22},
	{.key = NULL},
};

/* 行政诉讼法 第3条: hearings and how many of them the head (or a deputy) attended. */
const struct fz_list fz_lit_cases_list = {
	.name = "行政应诉案件",
	.select = FZ_CASE_ROW_COLS ", x.plaintiff, x.court, x.instance, x.act_type, x.outcome,"
				   " x.judged_on, x.recon_case_id, rc.number,"
				   " (SELECT COUNT(*) FROM lit_hearing h WHERE h.case_id = c.case_id),"
				   " (SELECT COUNT(*) FROM lit_hearing h WHERE h.case_id = c.case_id"
				   " AND h.post <> 'staff')",
	.from = "case_record c JOIN lit_case x ON x.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" LEFT JOIN case_record rc ON rc.case_id = x.recon_case_id",
	.where = "c.case_type = 'litigation'",
	.scope = "c.agency_id",
	.filters = lit_filters,
	.sorts = sorts,
	.sort_default = "-created_at",
	.tiebreak = "c.case_id",
	.row = lit_row,
	.columns = lit_cols,
};
