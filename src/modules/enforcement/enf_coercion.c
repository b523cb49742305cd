/*
 * enf_coercion.c - the coercion case's own record (enf_coercion, keyed by the
 * case id, with its items and officers), its filing, the domain checks of its
 * steps, its declared list and its figures' rule.
 *
 * Every step carries the day it happened; the checks the law ties to a day
 * (two officers each holding an enforcement certificate valid on the day of
 * the measure, 第18条; the report within 24 hours, 第19条; the three months
 * after the remedy periods, 第53条) read that day. A refusal returns before
 * anything is written; the engine's transaction is rolled back with it.
 *
 * Not for: the procedure's declaration (enf_coercion_flow.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

#define MAX_OFFICERS 8
#define MAX_ITEMS    50
#define LAW_18	     "《行政强制法》第十八条"

static int in_day(json_t *in, const char *key)
{
	int d;
	const char *s = fz_json_str(in, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static void copy(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "");
}

/* ---- pure rules ------------------------------------------------------------------ */

int fz_coe_add_months(int day, int months)
{
	int y, m, d;
	fz_date_to_ymd(day, &y, &m, &d);
	int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int last = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	return fz_date_from_ymd(y, m, d > last ? last : d);
}

int fz_coe_remedy_end(int served)
{
	return fz_coe_add_months(served, 6);
}

bool fz_coe_parse_time(const char *s, int *minutes)
{
	if (!s || strlen(s) != 5 || s[2] != ':')
		return false;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return false;
	int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return false;
	*minutes = h * 60 + m;
	return true;
}

bool fz_coe_within_24h(int taken_day, int taken_min, int approved_day, int approved_min)
{
	long from = (long)taken_day * 1440 + taken_min,
	     to = (long)approved_day * 1440 + approved_min;
	return to >= from && to - from <= 24 * 60;
}

/* ---- the record as the steps read it ------------------------------------------ */

struct coercion {
	int64_t body_id, penalty_case_id;
	char procedure[16], filed_on[11], approved_on[11], taken_on[11], taken_at[6],
	    remedy_end_on[11], reminded_on[11];
};

static bool load(struct fz_ctx *ctx, int64_t case_id, struct coercion *p)
{
	memset(p, 0, sizeof *p);
	struct fz_stmt *st = fz_db_query(
	    ctx->db, NULL,
	    "SELECT body_id, procedure, filed_on, approved_on, taken_on, taken_at, remedy_end_on,"
	    " reminded_on, penalty_case_id FROM enf_coercion WHERE case_id = ?",
	    "i", case_id);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		p->body_id = fz_col_int(st, 0);
		copy(p->procedure, sizeof p->procedure, fz_col_text(st, 1));
		copy(p->filed_on, sizeof p->filed_on, fz_col_text(st, 2));
		copy(p->approved_on, sizeof p->approved_on, fz_col_text(st, 3));
		copy(p->taken_on, sizeof p->taken_on, fz_col_text(st, 4));
		copy(p->taken_at, sizeof p->taken_at, fz_col_text(st, 5));
		copy(p->remedy_end_on, sizeof p->remedy_end_on, fz_col_text(st, 6));
		copy(p->reminded_on, sizeof p->reminded_on, fz_col_text(st, 7));
		p->penalty_case_id = fz_col_null(st, 8) ? 0 : fz_col_int(st, 8);
	}
	fz_stmt_done(st);
	return ok;
}

/* The day of a step: not after today, not before the step it follows (empty: no such step). */
static enum fz_code step_day(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
			     const char *after, const char *after_label, int *day,
			     struct fz_err *err)
{
	*day = in_day(in, key);
	if (*day < 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请填写“%s”（%s）", label, key);
	if (*day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	int before;
	if (after && *after && fz_date_parse(after, &before) == FZ_OK && *day < before)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能早于%s（%s）", label,
				  after_label, after);
	return FZ_OK;
}

/* The due day of a clock of this case, or -1. */
static int clock_due(struct fz_ctx *ctx, int64_t case_id, const char *name)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, NULL, "SELECT due_date FROM case_clock WHERE case_id = ? AND name = ?", "it",
	    case_id, name);
	int d = -1;
	if (st && fz_stmt_row(st) && fz_col_text(st, 0))
		fz_date_parse(fz_col_text(st, 0), &d);
	fz_stmt_done(st);
	return d;
}

static size_t case_officers(struct fz_ctx *ctx, int64_t case_id, int64_t *ids)
{
	size_t n = 0;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL,
			"SELECT officer_id FROM enf_coercion_officer WHERE case_id = ?"
			" ORDER BY officer_id",
			"i", case_id);
	while (st && fz_stmt_row(st) && n < MAX_OFFICERS)
		ids[n++] = fz_col_int(st, 0);
	fz_stmt_done(st);
	return n;
}

/* ---- filing ----------------------------------------------------------------------- */

static const struct fz_input file_inputs[] = {
    {.name = "procedure",
     .label = "行政强制类别",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_coe_procedures},
    {.name = "body_id",
     .label = "执法主体",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 2147483647},
    {.name = "power_id",
     .label = "适用的权责事项（行政强制职权）",
     .type = FZ_IN_INT,
     .min = 1,
     .max = 2147483647},
    {.name = "measure_kind",
     .label = "强制措施种类",
     .type = FZ_IN_SELECT,
     .options = fz_coe_measure_kinds},
    {.name = "approval", .label = "批准方式", .type = FZ_IN_SELECT, .options = fz_coe_approvals},
    {.name = "party_type",
     .label = "当事人类型",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_pen_party_types},
    {.name = "party_name",
     .label = "当事人名称或姓名",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 100},
    {.name = "party_id_number",
     .label = "统一社会信用代码或身份证号",
     .type = FZ_IN_TEXT,
     .max_chars = 30},
    {.name = "matter", .label = "案由", .type = FZ_IN_TEXT, .required = true, .max_chars = 200},
    {.name = "filed_on", .label = "立案（报请批准）日期", .type = FZ_IN_DATE, .required = true},
    {.name = "taken_on", .label = "当场实施日期", .type = FZ_IN_DATE},
    {.name = "taken_at", .label = "当场实施时间（时:分）", .type = FZ_IN_TEXT, .max_chars = 5},
    {.name = "facts", .label = "理由和依据", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
    {.name = "penalty_case_id",
     .label = "未履行的行政处罚案件",
     .type = FZ_IN_INT,
     .min = 1,
     .max = 2147483647},
    {.name = "decision_text",
     .label = "当事人未履行的行政决定",
     .type = FZ_IN_TEXTAREA,
     .max_chars = 2000},
    {.name = "decision_served_on", .label = "行政决定送达日期", .type = FZ_IN_DATE},
    {.name = "obligation", .label = "当事人应当履行的义务", .type = FZ_IN_TEXT, .max_chars = 200},
    {.name = "amount",
     .label = "金钱给付义务金额（元）",
     .type = FZ_IN_INT,
     .min = 0,
     .max = 2000000000},
    {.name = NULL}};

static enum fz_code officer_ids(json_t *in, int64_t *ids, size_t *n, struct fz_err *err)
{
	json_t *a = json_object_get(in, "officer_ids"), *v;
	size_t i;
	*n = 0;
	if (!a || json_is_null(a))
		return fz_err_set(err, FZ_EMISSING_FIELD, "officer_ids",
				  "请选择实施的执法人员（officer_ids，至少两人）");
	if (!json_is_array(a))
		return fz_err_set(err, FZ_EBAD_TYPE, "officer_ids",
				  "执法人员（officer_ids）应为编号数组");
	if (json_array_size(a) > MAX_OFFICERS)
		return fz_err_set(err, FZ_EBAD_VALUE, "officer_ids", "实施的执法人员最多 %d 人",
				  MAX_OFFICERS);
	json_array_foreach (a, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return fz_err_set(err, FZ_EBAD_TYPE, "officer_ids",
					  "执法人员（officer_ids）应为编号数组");
		for (size_t j = 0; j < *n; j++)
			if (ids[j] == json_integer_value(v))
				return fz_err_set(err, FZ_EBAD_VALUE, "officer_ids",
						  "同一执法人员重复选择");
		ids[(*n)++] = json_integer_value(v);
	}
	return FZ_OK;
}

/* 第24条: the list of items (清单): each with its name, quantity and place, checked before any
 * write. */
static enum fz_code check_items(json_t *in, struct fz_err *err)
{
	json_t *a = json_object_get(in, "items"), *v;
	size_t i;
	if (!a || json_is_null(a) || (json_is_array(a) && json_array_size(a) == 0))
		return fz_err_set(err, FZ_EMISSING_FIELD, "items",
				  "《行政强制法》第二十四条：请填写查封、扣押的场所、设施或者财物清"
				  "单（items，至少一项）");
	if (!json_is_array(a))
		return fz_err_set(err, FZ_EBAD_TYPE, "items", "财物清单（items）应为数组");
	if (json_array_size(a) > MAX_ITEMS)
		return fz_err_set(err, FZ_EBAD_VALUE, "items", "财物清单最多 %d 项", MAX_ITEMS);
	json_array_foreach (a, i, v) {
		static const char *const keys[] = {"name", "quantity", "place"};
		static const char *const labels[] = {"名称", "数量", "存放地点"};
		if (!json_is_object(v))
			return fz_err_set(err, FZ_EBAD_TYPE, "items", "财物清单第 %zu 项应为对象",
					  i + 1);
		for (int k = 0; k < 3; k++) {
			const char *s = fz_json_str(v, keys[k]);
			if (!s || fz_text_blank(s))
				return fz_err_set(err, FZ_EMISSING_FIELD, "items",
						  "财物清单第 %zu 项缺少“%s”（items[].%s）", i + 1,
						  labels[k], keys[k]);
			if (fz_utf8_chars(s) > 100)
				return fz_err_set(err, FZ_EBAD_VALUE, "items",
						  "财物清单第 %zu 项的“%s”不能超过 100 字", i + 1,
						  labels[k]);
		}
		const char *key;
		json_t *x;
		json_object_foreach (v, key, x) {
			if (strcmp(key, "name") && strcmp(key, "quantity") && strcmp(key, "place"))
				return fz_err_set(err, FZ_EUNKNOWN_FIELD, "items",
						  "财物清单第 %zu 项包含不认识的字段“%s”", i + 1,
						  key);
		}
	}
	return FZ_OK;
}

/* The penalty case whose unpaid fine is executed: the agency's own, served, unpaid, past its
 * period. */
static enum fz_code check_penalty_link(struct fz_ctx *ctx, int64_t agency, int64_t pen, int filed,
				       char served[11], long *amount, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.agency_id, x.served_on, x.fine_amount, x.paid_on, c.number,"
	    " (SELECT k.due_date FROM case_clock k WHERE k.case_id = c.case_id AND k.name = "
	    "'payment')"
	    " FROM enf_penalty x JOIN case_record c ON c.case_id = x.case_id WHERE x.case_id = ?",
	    "i", pen);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	bool own = found && fz_col_int(st, 0) == agency;
	copy(served, 11, found ? fz_col_text(st, 1) : NULL);
	*amount = found ? (long)fz_col_int(st, 2) : 0;
	bool paid = found && !fz_col_null(st, 3);
	const char *number = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 4)) : "";
	int due = -1;
	if (found && fz_col_text(st, 5))
		fz_date_parse(fz_col_text(st, 5), &due);
	fz_stmt_done(st);
	if (!own)
		return fz_err_set(err, FZ_EBAD_VALUE, "penalty_case_id",
				  "该行政处罚案件不存在或不属于本单位");
	if (!*served || *amount <= 0 || paid)
		return fz_err_set(err, FZ_EBAD_VALUE, "penalty_case_id",
				  "行政处罚案件 %s 没有已送达而未缴纳的罚款，不需要强制执行",
				  number);
	if (due >= 0 && filed <= due) {
		char d[11];
		fz_date_format(due, d);
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "penalty_case_id",
		    "行政处罚案件 %s 的缴纳罚款期限至 %s 尚未届满（《行政处罚法》第六十七条），"
		    "期满不缴纳的方可申请强制执行",
		    number, d);
	}
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT r.number FROM enf_coercion x JOIN case_record r ON r.case_id = x.case_id"
	    " WHERE x.penalty_case_id = ? AND x.procedure = 'execution'"
	    " AND r.state NOT IN ('closed', 'ruled')",
	    "i", pen);
	if (!st)
		return err->code;
	const char *other =
	    fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	if (other)
		return fz_err_set(err, FZ_EDUPLICATE, "penalty_case_id",
				  "行政处罚案件 %s 已有正在办理的强制执行案件 %s", number, other);
	return FZ_OK;
}

enum fz_code fz_enf_coercion_file(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				  struct fz_err *err)
{
	static const char *const extra[] = {"officer_ids", "items", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, file_inputs, 32, in, extra, err);
	if (rc)
		return rc;
	bool measure = strcmp(fz_json_str(in, "procedure"), "measure") == 0;
	int64_t ids[MAX_OFFICERS];
	size_t n;
	if ((rc = officer_ids(in, ids, &n, err)))
		return rc;
	int64_t body_id = json_integer_value(json_object_get(in, "body_id"));
	json_t *pv = json_object_get(in, "power_id");
	int64_t power_id = json_is_integer(pv) ? json_integer_value(pv) : 0;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT agency_id, status, name FROM enf_body WHERE body_id = ?", "i",
	    body_id);
	if (!st)
		return err->code;
	int64_t agency = 0;
	char status[16] = "", body_name[256] = "";
	if (fz_stmt_row(st)) {
		agency = fz_col_int(st, 0);
		copy(status, sizeof status, fz_col_text(st, 1));
		copy(body_name, sizeof body_name, fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!agency || !ctx->user || ctx->user->agency_id != agency)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "执法主体不存在或不属于本单位");
	if (strcmp(status, "published") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id",
				  "%s的执法主体资格尚未经确认公告，不能以其名义实施行政强制",
				  body_name);
	/* 第17条: the measure only by the agency the law gives the power, named in its power list.
	 */
	if (measure && !power_id)
		return fz_err_set(err, FZ_EMISSING_FIELD, "power_id",
				  "请选择适用的行政强制职权（power_id，《行政强制法》第十七条）");
	if (power_id) {
		st = fz_db_query(
		    ctx->db, err,
		    "SELECT body_id, category, status, name FROM enf_power WHERE item_id = ?", "i",
		    power_id);
		if (!st)
			return err->code;
		bool found = fz_stmt_row(st);
		bool same = found && fz_col_int(st, 0) == body_id;
		bool coercion = found && strcmp(fz_col_text(st, 1), "coercion") == 0;
		bool active = found && strcmp(fz_col_text(st, 2), "active") == 0;
		const char *power_name =
		    found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 3)) : "";
		fz_stmt_done(st);
		if (!found || !same)
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "power_id",
			    "该事项不在%"
			    "s的权责清单中，不能据以实施行政强制（《行政强制法》第十七条）",
			    body_name);
		if (!active)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
					  "“%s”已从现行权责清单中取消，不能据以实施行政强制",
					  power_name);
		if (!coercion)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
					  "“%s”不是行政强制类权责事项", power_name);
	}
	int filed = in_day(in, "filed_on");
	if (filed > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "filed_on",
				  "“立案（报请批准）日期”不能晚于今天");
	const char *kind = fz_json_str(in, "measure_kind"), *approval = fz_json_str(in, "approval");
	const char *taken_at = fz_json_str(in, "taken_at");
	int taken = in_day(in, "taken_on"), minutes = 0;
	bool spot = false;
	const char *state = "to_remind";
	long amount = json_is_integer(json_object_get(in, "amount"))
			  ? (long)json_integer_value(json_object_get(in, "amount"))
			  : 0;
	char served[11] = "";
	int remedy_end = -1;
	int64_t pen = json_is_integer(json_object_get(in, "penalty_case_id"))
			  ? json_integer_value(json_object_get(in, "penalty_case_id"))
			  : 0;
	if (measure) {
		if (!kind)
			return fz_err_set(err, FZ_EMISSING_FIELD, "measure_kind",
					  "请选择强制措施种类（查封或者扣押）");
		if (!approval)
			return fz_err_set(err, FZ_EMISSING_FIELD, "approval",
					  "请选择批准方式（事先批准或者当场实施后补办批准）");
		if ((rc = check_items(in, err)))
			return rc;
		spot = strcmp(approval, "spot") == 0;
		state = spot ? "spot_pending" : "requested";
		if (spot) {
			if (taken < 0)
				return fz_err_set(err, FZ_EMISSING_FIELD, "taken_on",
						  "当场实施的，请填写“当场实施日期”");
			if (!fz_coe_parse_time(taken_at, &minutes))
				return fz_err_set(
				    err, taken_at ? FZ_EBAD_VALUE : FZ_EMISSING_FIELD, "taken_at",
				    "当场实施的，请填写“当场实施时间”，格式为 时:分（如 09:30），"
				    "用于计算第十九条的二十四小时");
			if (taken > ctx->today)
				return fz_err_set(err, FZ_EBAD_DATE, "taken_on",
						  "“当场实施日期”不能晚于今天");
			if (taken != filed)
				return fz_err_set(err, FZ_EBAD_DATE, "filed_on",
						  "当场实施的，立案日期即实施日期（%s）",
						  fz_json_str(in, "taken_on"));
		} else if (taken >= 0 || taken_at) {
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "taken_on",
			    "事先批准的，经负责人批准后在“实施查封、扣押”步骤登记实施日期");
		}
		if (pen || fz_json_str(in, "decision_text") ||
		    fz_json_str(in, "decision_served_on"))
			return fz_err_set(err, FZ_EUNKNOWN_FIELD,
					  pen ? "penalty_case_id" : "decision_text",
					  "查封、扣押不填写被执行的行政决定");
	} else {
		if (kind || approval || json_object_get(in, "items") || taken >= 0)
			return fz_err_set(err, FZ_EUNKNOWN_FIELD,
					  kind	       ? "measure_kind"
					  : approval   ? "approval"
					  : taken >= 0 ? "taken_on"
						       : "items",
					  "行政强制执行不填写查封、扣押的事项");
		if (!fz_json_str(in, "obligation"))
			return fz_err_set(err, FZ_EMISSING_FIELD, "obligation",
					  "请填写当事人应当履行的义务（obligation）");
		if (pen) {
			if ((rc =
				 check_penalty_link(ctx, agency, pen, filed, served, &amount, err)))
				return rc;
		} else {
			if (!fz_json_str(in, "decision_text"))
				return fz_err_set(err, FZ_EMISSING_FIELD, "decision_text",
						  "请填写当事人未履行的行政决定（decision_"
						  "text），或选择未缴纳罚款的行政处罚案件");
			if (in_day(in, "decision_served_on") < 0)
				return fz_err_set(err, FZ_EMISSING_FIELD, "decision_served_on",
						  "请填写行政决定送达日期（decision_served_"
						  "on），据以计算复议、诉讼期限");
			copy(served, sizeof served, fz_json_str(in, "decision_served_on"));
		}
		int sd;
		fz_date_parse(served, &sd);
		if (sd > filed)
			return fz_err_set(err, FZ_EBAD_DATE,
					  pen ? "penalty_case_id" : "decision_served_on",
					  "行政决定送达日期（%s）不能晚于立案日期", served);
		/* 行政诉讼法 第46条: six months from knowing the decision (the longer remedy
		 * period). */
		remedy_end = fz_coe_remedy_end(sd);
	}
	int day = spot ? taken : filed;
	if ((rc = fz_enf_officers_certified(ctx, body_id, ids, n, day, "officer_ids",
					    LAW_18 "第（二）项", "行政强制", err)))
		return rc;
	const char *party = fz_json_str(in, "party_name"), *matter = fz_json_str(in, "matter");
	struct fz_case_new nc = {
	    .case_type = "enf_coercion",
	    .agency_id = agency,
	    .title = matter,
	    .body = fz_arena_printf(ctx->arena, "%s\n%s", party,
				    fz_json_str(in, "facts") ? fz_json_str(in, "facts") : ""),
	    .received_on = filed,
	    .input = fz_json_text(ctx->arena, in, NULL),
	    .state = state};
	char now[21], remedy_s[11] = "";
	fz_iso_utc(ctx->now, now);
	if (remedy_end >= 0)
		fz_date_format(remedy_end, remedy_s);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_case_create(ctx, &nc, out, err)))
		goto fail;
	if ((rc = fz_stmt_exec(
		 fz_db_query(
		     ctx->db, err,
		     "INSERT INTO enf_coercion(case_id, procedure, body_id, measure_kind, approval,"
		     " party_type, party_name, party_id_number, matter, facts, filed_on, taken_on,"
		     " taken_at, decision_text, decision_served_on, obligation, remedy_end_on,"
		     " decision_on, created_at)"
		     " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		     "itit"
		     "tttt"
		     "ttt"
		     "ttt"
		     "ttt"
		     "tt",
		     out->case_id, fz_json_str(in, "procedure"), body_id, kind, approval,
		     fz_json_str(in, "party_type"), party, fz_json_str(in, "party_id_number"),
		     matter, fz_json_str(in, "facts"), out->received_on,
		     spot ? fz_json_str(in, "taken_on") : NULL, spot ? taken_at : NULL,
		     fz_json_str(in, "decision_text"), measure ? NULL : served,
		     fz_json_str(in, "obligation"), remedy_end >= 0 ? remedy_s : NULL,
		     spot ? fz_json_str(in, "taken_on") : NULL, now),
		 err)))
		goto fail;
	/* The optional numbers, NULL when not given. */
	if (power_id &&
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "UPDATE enf_coercion SET power_id = ? WHERE case_id = ?", "ii",
				   power_id, out->case_id),
		       err)))
		goto fail;
	if (pen &&
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "UPDATE enf_coercion SET penalty_case_id = ? WHERE case_id = ?",
				   "ii", pen, out->case_id),
		       err)))
		goto fail;
	if (json_is_integer(json_object_get(in, "amount")) || pen)
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					   "UPDATE enf_coercion SET amount = ? WHERE case_id = ?",
					   "ii", (int64_t)amount, out->case_id),
			       err)))
			goto fail;
	for (size_t i = 0; i < n; i++)
		if ((rc = fz_stmt_exec(
			 fz_db_query(
			     ctx->db, err,
			     "INSERT INTO enf_coercion_officer(case_id, officer_id) VALUES (?,?)",
			     "ii", out->case_id, ids[i]),
			 err)))
			goto fail;
	json_t *items = json_object_get(in, "items"), *v;
	size_t i;
	json_array_foreach (items, i, v) {
		if ((rc = fz_stmt_exec(
			 fz_db_query(
			     ctx->db, err,
			     "INSERT INTO enf_coercion_item(case_id, seq, name, quantity, place)"
			     " VALUES (?,?,?,?,?)",
			     "iittt", out->case_id, (int64_t)(i + 1), fz_json_str(v, "name"),
			     fz_json_str(v, "quantity"), fz_json_str(v, "place")),
			 err)))
			goto fail;
	}
	/* 第19条, 第25条: an on-the-spot measure is in force from the day it was taken. */
	if (spot && ((rc = fz_case_clock_start(ctx, out, "duration", taken, 0, err)) ||
		     (rc = fz_case_clock_start(ctx, out, "approval", taken, 0, err))))
		goto fail;
	/* 第53条: three months from the end of the remedy periods (a period in months, in days). */
	if (remedy_end >= 0 &&
	    (rc = fz_case_clock_start(ctx, out, "court_application", remedy_end,
				      fz_coe_add_months(remedy_end, 3) - remedy_end, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the steps ------------------------------------------------------------------ */

static enum fz_code update(struct fz_ctx *ctx, int64_t case_id, const char *set, const char *fmt,
			   const char *a, const char *b, const char *c3, struct fz_err *err)
{
	/* set is one of this file's SET clauses, never input; fmt binds a, b, c3 in order. */
	char sql[256];
	snprintf(sql, sizeof sql, "UPDATE enf_coercion SET %s WHERE case_id = ?", set);
	if (strcmp(fmt, "t") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ti", a, case_id), err);
	if (strcmp(fmt, "tt") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err, sql, "tti", a, b, case_id), err);
	return fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ttti", a, b, c3, case_id), err);
}

static enum fz_code take(struct fz_ctx *ctx, struct fz_case_row *c, struct coercion *p, json_t *in,
			 struct fz_err *err)
{
	int day, minutes;
	enum fz_code rc =
	    step_day(ctx, in, "taken_on", "实施日期", p->approved_on, "批准日期", &day, err);
	if (rc)
		return rc;
	const char *at = fz_json_str(in, "taken_at");
	if (at && !fz_coe_parse_time(at, &minutes))
		return fz_err_set(err, FZ_EBAD_VALUE, "taken_at",
				  "“实施时间”格式为 时:分（如 09:30）");
	int64_t ids[MAX_OFFICERS];
	size_t n = case_officers(ctx, c->case_id, ids);
	if ((rc = fz_enf_officers_certified(ctx, p->body_id, ids, n, day, "officer_ids",
					    LAW_18 "第（二）项", "行政强制", err)))
		return rc;
	const char *d = fz_json_str(in, "taken_on");
	return update(ctx, c->case_id, "taken_on = ?, taken_at = ?, decision_on = ?", "ttt", d, at,
		      d, err);
}

static enum fz_code approve_spot(struct fz_ctx *ctx, struct fz_case_row *c, struct coercion *p,
				 json_t *in, struct fz_err *err)
{
	int day, minutes, tmin = 0, tday;
	enum fz_code rc =
	    step_day(ctx, in, "approved_on", "批准日期", p->taken_on, "实施日期", &day, err);
	if (rc)
		return rc;
	if (!fz_coe_parse_time(fz_json_str(in, "approved_at"), &minutes))
		return fz_err_set(err, FZ_EBAD_VALUE, "approved_at",
				  "“批准时间”格式为 时:分（如 09:30）");
	fz_date_parse(p->taken_on, &tday);
	fz_coe_parse_time(p->taken_at, &tmin);
	if (!fz_coe_within_24h(tday, tmin, day, minutes)) {
		bool before = (long)day * 1440 + minutes < (long)tday * 1440 + tmin;
		return fz_err_set(err, FZ_EBAD_VALUE, "approved_at",
				  before ? "补办批准的时间不能早于当场实施的时间（%s %s）"
					 : "《行政强制法》第十九条：当场实施行政强制措施的，应当在"
					   "二十四小时内报告负责人并补办批准手续"
					   "（实施于 %s %s）；已逾期，不能补办批准，应当解除该措施",
				  p->taken_on, p->taken_at);
	}
	return update(ctx, c->case_id, "approved_on = ?, approved_at = ?", "tt",
		      fz_json_str(in, "approved_on"), fz_json_str(in, "approved_at"), NULL, err);
}

static enum fz_code extend(struct fz_ctx *ctx, struct fz_case_row *c, struct coercion *p,
			   json_t *in, struct fz_err *err)
{
	int day, told;
	enum fz_code rc =
	    step_day(ctx, in, "extended_on", "批准延长日期", p->taken_on, "实施日期", &day, err);
	if (rc)
		return rc;
	int due = clock_due(ctx, c->case_id, "duration");
	if (due >= 0 && day > due) {
		char d[11];
		fz_date_format(due, d);
		return fz_err_set(err, FZ_EBAD_VALUE, "extended_on",
				  "《行政强制法》第二十五条：查封、扣押期限已于 %s "
				  "届满，不能再延长，应当解除或者依法处理",
				  d);
	}
	if ((rc = step_day(ctx, in, "party_told_on", "书面告知当事人日期",
			   fz_json_str(in, "extended_on"), "批准延长日期", &told, err)))
		return rc;
	char ds[8];
	snprintf(ds, sizeof ds, "%d", (int)json_integer_value(json_object_get(in, "days")));
	return update(ctx, c->case_id,
		      "extended_on = ?, extension_days = CAST(? AS INTEGER), party_told_on = ?",
		      "ttt", fz_json_str(in, "extended_on"), ds, fz_json_str(in, "party_told_on"),
		      err);
}

static enum fz_code release(struct fz_ctx *ctx, struct fz_case_row *c, struct coercion *p,
			    json_t *in, const char *reason, struct fz_err *err)
{
	int day;
	enum fz_code rc =
	    step_day(ctx, in, "released_on", "解除日期", p->taken_on, "实施日期", &day, err);
	if (rc)
		return rc;
	return update(ctx, c->case_id, "released_on = ?, release_reason = ?", "tt",
		      fz_json_str(in, "released_on"), reason, NULL, err);
}

static enum fz_code handle(struct fz_ctx *ctx, struct fz_case_row *c, struct coercion *p,
			   json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc =
	    step_day(ctx, in, "handled_on", "处理日期", p->taken_on, "实施日期", &day, err);
	if (rc)
		return rc;
	const char *how = fz_json_str(in, "handling");
	int64_t pen = json_is_integer(json_object_get(in, "penalty_case_id"))
			  ? json_integer_value(json_object_get(in, "penalty_case_id"))
			  : 0;
	if (strcmp(how, "confiscate") == 0) {
		/* 没收 is a penalty (行政处罚法 第9条): only by a decided penalty case of this
		 * agency. */
		struct fz_stmt *st =
		    fz_db_query(ctx->db, err,
				"SELECT r.agency_id, x.decided_on, x.outcome FROM enf_penalty x"
				" JOIN case_record r ON r.case_id = x.case_id WHERE x.case_id = ?",
				"i", pen);
		if (!st)
			return err->code;
		bool found = fz_stmt_row(st);
		bool own = found && fz_col_int(st, 0) == c->agency_id;
		const char *decided =
		    found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 1)) : NULL;
		bool punished =
		    found && fz_col_text(st, 2) && strcmp(fz_col_text(st, 2), "penalty") == 0;
		fz_stmt_done(st);
		if (!own)
			return fz_err_set(err, FZ_EBAD_VALUE, "penalty_case_id",
					  "该行政处罚案件不存在或不属于本单位");
		if (!decided || !punished)
			return fz_err_set(err, FZ_EBAD_VALUE, "penalty_case_id",
					  "没收须依据已作出的行政处罚决定（《行政强制法》第二十七条"
					  "），该案件尚未作出处罚决定");
	} else if (pen) {
		return fz_err_set(err, FZ_EBAD_VALUE, "penalty_case_id",
				  "依法销毁不填写行政处罚案件");
	}
	if ((rc = update(ctx, c->case_id, "handled_on = ?, handling = ?, handling_basis = ?", "ttt",
			 fz_json_str(in, "handled_on"), how, fz_json_str(in, "handling_basis"),
			 err)))
		return rc;
	return pen ? fz_stmt_exec(fz_db_query(
			      ctx->db, err,
			      "UPDATE enf_coercion SET handling_penalty_id = ? WHERE case_id = ?",
			      "ii", pen, c->case_id),
			  err)
		   : FZ_OK;
}

static enum fz_code apply_court(struct fz_ctx *ctx, struct fz_case_row *c, struct coercion *p,
				json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "court_applied_on", "申请日期", p->reminded_on,
				   "催告日期", &day, err);
	if (rc)
		return rc;
	int end, perform = clock_due(ctx, c->case_id, "perform"),
		 due = clock_due(ctx, c->case_id, "court_application");
	char d[11];
	if (perform >= 0 && day <= perform) {
		fz_date_format(perform, d);
		return fz_err_set(err, FZ_EBAD_VALUE, "court_applied_on",
				  "《行政强制法》第五十四条：催告书送达后履行期限（至 "
				  "%s）届满当事人仍未履行的，方可申请",
				  d);
	}
	if (fz_date_parse(p->remedy_end_on, &end) == FZ_OK && day <= end)
		return fz_err_set(err, FZ_EBAD_VALUE, "court_applied_on",
				  "《行政强制法》第五十三条：当事人申请行政复议或者提起行政诉讼的期"
				  "限至 %s 尚未届满，"
				  "期限届满后方可申请人民法院强制执行",
				  p->remedy_end_on);
	if (due >= 0 && day > due) {
		fz_date_format(due, d);
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "court_applied_on",
		    "《行政强制法》第五十三条：申请人民法院强制执行的期限已于 %s 届满", d);
	}
	return update(ctx, c->case_id, "court_applied_on = ?, court = ?", "tt",
		      fz_json_str(in, "court_applied_on"), fz_json_str(in, "court"), NULL, err);
}

enum fz_code fz_enf_coercion_hook(struct fz_ctx *ctx, struct fz_case_row *c,
				  const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	struct coercion p;
	if (!load(ctx, c->case_id, &p))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "行政强制案件缺少案件信息");
	const char *a = tr->name;
	int day;
	enum fz_code rc;
	if (strcmp(a, "approve") == 0) {
		if ((rc = step_day(ctx, in, "approved_on", "批准日期", p.filed_on, "立案日期", &day,
				   err)))
			return rc;
		return update(ctx, c->case_id, "approved_on = ?", "t",
			      fz_json_str(in, "approved_on"), NULL, NULL, err);
	}
	if (strcmp(a, "refuse") == 0) {
		if ((rc = step_day(ctx, in, "decided_on", "决定日期", p.filed_on, "立案日期", &day,
				   err)))
			return rc;
		return update(ctx, c->case_id, "refused_on = ?", "t", fz_json_str(in, "decided_on"),
			      NULL, NULL, err);
	}
	if (strcmp(a, "take") == 0)
		return take(ctx, c, &p, in, err);
	if (strcmp(a, "approve_spot") == 0)
		return approve_spot(ctx, c, &p, in, err);
	if (strcmp(a, "refuse_spot") == 0)
		return release(ctx, c, &p, in, "not_approved", err);
	if (strcmp(a, "extend") == 0)
		return extend(ctx, c, &p, in, err);
	if (strcmp(a, "release") == 0)
		return release(ctx, c, &p, in, fz_json_str(in, "release_reason"), err);
	if (strcmp(a, "handle") == 0)
		return handle(ctx, c, &p, in, err);
	if (strcmp(a, "remind") == 0) {
		if ((rc = step_day(ctx, in, "reminded_on", "催告书送达日期", p.filed_on, "立案日期",
				   &day, err)))
			return rc;
		json_t *pd = json_object_get(in, "perform_days");
		char ds[8];
		snprintf(
		    ds, sizeof ds, "%d",
		    json_is_integer(pd)
			? (int)json_integer_value(pd)
			: (int)fz_setting_int(ctx->db, "enforcement.coercion_perform_days", 10));
		return update(ctx, c->case_id, "reminded_on = ?, perform_days = CAST(? AS INTEGER)",
			      "tt", fz_json_str(in, "reminded_on"), ds, NULL, err);
	}
	if (strcmp(a, "statement") == 0) {
		if ((rc = step_day(ctx, in, "statement_on", "陈述申辩日期", p.reminded_on,
				   "催告日期", &day, err)))
			return rc;
		return update(
		    ctx, c->case_id,
		    "statement_on = ?, statement = ?, statement_adopted = CAST(? AS INTEGER)",
		    "ttt", fz_json_str(in, "statement_on"), fz_json_str(in, "statement"),
		    json_is_true(json_object_get(in, "adopted")) ? "1" : "0", err);
	}
	if (strcmp(a, "decide_execution") == 0) {
		if ((rc = step_day(ctx, in, "exec_decided_on", "强制执行决定日期", p.reminded_on,
				   "催告日期", &day, err)))
			return rc;
		int perform = clock_due(ctx, c->case_id, "perform");
		if (perform >= 0 && day <= perform) {
			char d[11];
			fz_date_format(perform, d);
			return fz_err_set(err, FZ_EBAD_VALUE, "exec_decided_on",
					  "《行政强制法》第三十七条：催告的履行期限至 %s "
					  "届满，逾期仍不履行的方可作出强制执行决定",
					  d);
		}
		const char *d = fz_json_str(in, "exec_decided_on");
		return update(ctx, c->case_id,
			      "exec_decided_on = ?, exec_method = ?, exec_power_law = ?, "
			      "decision_on = exec_decided_on",
			      "ttt", d, fz_json_str(in, "exec_method"),
			      fz_json_str(in, "exec_power_law"), err);
	}
	if (strcmp(a, "apply_court") == 0)
		return apply_court(ctx, c, &p, in, err);
	if (strcmp(a, "court_ruling") == 0) {
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err, "SELECT court_applied_on FROM enf_coercion WHERE case_id = ?",
		    "i", c->case_id);
		if (!st)
			return err->code;
		const char *applied =
		    fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
		fz_stmt_done(st);
		if ((rc =
			 step_day(ctx, in, "ruled_on", "裁定日期", applied, "申请日期", &day, err)))
			return rc;
		return update(ctx, c->case_id, "ruled_on = ?, ruling = ?, ruling_no = ?", "ttt",
			      fz_json_str(in, "ruled_on"), fz_json_str(in, "ruling"),
			      fz_json_str(in, "ruling_no"), err);
	}
	if (strcmp(a, "complete_execution") == 0 || strcmp(a, "performed") == 0) {
		if ((rc = step_day(ctx, in, "closed_on",
				   strcmp(a, "performed") == 0 ? "履行日期" : "执行完毕日期",
				   p.filed_on, "立案日期", &day, err)))
			return rc;
		return update(ctx, c->case_id, "closed_on = ?, performed = CAST(? AS INTEGER)",
			      "tt", fz_json_str(in, "closed_on"),
			      strcmp(a, "performed") == 0 ? "1" : "0", NULL, err);
	}
	return FZ_OK;
}

/* ---- the case's fields ------------------------------------------------------------ */

static void set_opt(json_t *o, const char *key, const struct fz_option *opts, const char *v)
{
	fz_json_set_str(o, key, v);
	char k[64];
	snprintf(k, sizeof k, "%s_label", key);
	fz_json_set_str(o, k, v ? fz_enf_label(opts, v) : NULL);
}

static void set_int(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	json_object_set_new(o, key,
			    fz_col_null(st, col) ? json_null() : json_integer(fz_col_int(st, col)));
}

enum fz_code fz_enf_coercion_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				    struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT x.procedure, x.body_id, b.name, x.power_id, p.name, p.law_name, p.article,"
	    " x.measure_kind, x.approval, x.party_type, x.party_name, x.party_id_number, x.matter,"
	    " x.facts, x.filed_on, x.approved_on, x.approved_at, x.refused_on, x.taken_on, "
	    "x.taken_at,"
	    " x.extended_on, x.extension_days, x.party_told_on, x.released_on, x.release_reason,"
	    " x.handled_on, x.handling, x.handling_basis, x.handling_penalty_id, x.penalty_case_id,"
	    " pr.number, x.decision_text, x.decision_served_on, x.obligation, x.amount,"
	    " x.remedy_end_on, x.reminded_on, x.perform_days, x.statement_on, x.statement,"
	    " x.statement_adopted, x.exec_decided_on, x.exec_method, x.exec_power_law,"
	    " x.court_applied_on, x.court, x.ruled_on, x.ruling, x.ruling_no, x.closed_on, "
	    "x.performed,"
	    " hp.number"
	    " FROM enf_coercion x JOIN enf_body b ON b.body_id = x.body_id"
	    " LEFT JOIN enf_power p ON p.item_id = x.power_id"
	    " LEFT JOIN case_record pr ON pr.case_id = x.penalty_case_id"
	    " LEFT JOIN case_record hp ON hp.case_id = x.handling_penalty_id WHERE x.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		set_opt(obj, "procedure", fz_coe_procedures, fz_col_text(st, 0));
		json_object_set_new(obj, "body_id", json_integer(fz_col_int(st, 1)));
		fz_json_set_str(obj, "body_name", fz_col_text(st, 2));
		set_int(obj, "power_id", st, 3);
		fz_json_set_str(obj, "power_name", fz_col_text(st, 4));
		if (fz_col_text(st, 5))
			fz_json_set_str(
			    obj, "legal_basis",
			    fz_arena_printf(ctx->arena, "%s%s", fz_col_text(st, 5),
					    fz_col_text(st, 6) ? fz_col_text(st, 6) : ""));
		set_opt(obj, "measure_kind", fz_coe_measure_kinds, fz_col_text(st, 7));
		set_opt(obj, "approval", fz_coe_approvals, fz_col_text(st, 8));
		set_opt(obj, "party_type", fz_pen_party_types, fz_col_text(st, 9));
		static const char *const texts[] = {"party_name",  "party_id_number", "matter",
						    "facts",	   "filed_on",	      "approved_on",
						    "approved_at", "refused_on",      "taken_on",
						    "taken_at",	   "extended_on"};
		for (int i = 0; i < 11; i++)
			fz_json_set_str(obj, texts[i], fz_col_text(st, 10 + i));
		set_int(obj, "extension_days", st, 21);
		fz_json_set_str(obj, "party_told_on", fz_col_text(st, 22));
		fz_json_set_str(obj, "released_on", fz_col_text(st, 23));
		set_opt(obj, "release_reason", fz_coe_release_reasons, fz_col_text(st, 24));
		fz_json_set_str(obj, "handled_on", fz_col_text(st, 25));
		set_opt(obj, "handling", fz_coe_handlings, fz_col_text(st, 26));
		fz_json_set_str(obj, "handling_basis", fz_col_text(st, 27));
		set_int(obj, "handling_penalty_id", st, 28);
		fz_json_set_str(obj, "handling_penalty_number", fz_col_text(st, 51));
		set_int(obj, "penalty_case_id", st, 29);
		fz_json_set_str(obj, "penalty_number", fz_col_text(st, 30));
		fz_json_set_str(obj, "decision_text", fz_col_text(st, 31));
		fz_json_set_str(obj, "decision_served_on", fz_col_text(st, 32));
		fz_json_set_str(obj, "obligation", fz_col_text(st, 33));
		set_int(obj, "amount", st, 34);
		fz_json_set_str(obj, "remedy_end_on", fz_col_text(st, 35));
		if (fz_col_text(st, 35))
			fz_json_set_str(
			    obj, "remedy_article",
			    "《行政诉讼法》第四十六条：自知道或者应当知道作出行政行为之日起六个月内"
			    "提起诉讼"
			    "（长于《行政复议法》规定的六十日申请期限）；期限届满之日起三个月内可以"
			    "申请人民法院强制执行（《行政强制法》第五十三条）");
		fz_json_set_str(obj, "reminded_on", fz_col_text(st, 36));
		set_int(obj, "perform_days", st, 37);
		fz_json_set_str(obj, "statement_on", fz_col_text(st, 38));
		fz_json_set_str(obj, "statement", fz_col_text(st, 39));
		json_object_set_new(obj, "statement_adopted", json_boolean(fz_col_int(st, 40)));
		fz_json_set_str(obj, "exec_decided_on", fz_col_text(st, 41));
		set_opt(obj, "exec_method", fz_coe_exec_methods, fz_col_text(st, 42));
		fz_json_set_str(obj, "exec_power_law", fz_col_text(st, 43));
		fz_json_set_str(obj, "court_applied_on", fz_col_text(st, 44));
		fz_json_set_str(obj, "court", fz_col_text(st, 45));
		fz_json_set_str(obj, "ruled_on", fz_col_text(st, 46));
		set_opt(obj, "ruling", fz_coe_rulings, fz_col_text(st, 47));
		fz_json_set_str(obj, "ruling_no", fz_col_text(st, 48));
		fz_json_set_str(obj, "closed_on", fz_col_text(st, 49));
		json_object_set_new(obj, "performed", json_boolean(fz_col_int(st, 50)));
		json_object_set_new(obj, "extended", json_boolean(!fz_col_null(st, 20)));
	}
	fz_stmt_done(st);
	json_t *items = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT seq, name, quantity, place FROM enf_coercion_item WHERE case_id = "
			 "? ORDER BY seq",
			 "i", case_id);
	if (!st) {
		json_decref(items);
		return err->code;
	}
	while (fz_stmt_row(st))
		json_array_append_new(
		    items, json_pack("{s:I, s:s, s:s, s:s}", "seq", (json_int_t)fz_col_int(st, 0),
				     "name", fz_col_text(st, 1), "quantity", fz_col_text(st, 2),
				     "place", fz_col_text(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "items", items);
	json_t *officers = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT o.officer_id, o.name, (SELECT c.number FROM enf_certificate c"
	    "  WHERE c.officer_id = o.officer_id AND c.cert_type = 'enforcement'"
	    "  AND c.number IS NOT NULL ORDER BY c.issued_on DESC LIMIT 1)"
	    " FROM enf_coercion_officer x JOIN enf_officer o ON o.officer_id = x.officer_id"
	    " WHERE x.case_id = ? ORDER BY o.officer_id",
	    "i", case_id);
	if (!st) {
		json_decref(officers);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *o = json_pack("{s:I, s:s}", "officer_id", (json_int_t)fz_col_int(st, 0),
				      "name", fz_col_text(st, 1));
		fz_json_set_str(o, "cert_number", fz_col_text(st, 2));
		json_array_append_new(officers, o);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "officers", officers);
	return FZ_OK;
}

/* ---- the list of coercion cases (platform/lists.h) --------------------------------- */

static json_t *coercion_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "body_name", fz_col_text(st, 13));
	set_opt(o, "procedure", fz_coe_procedures, fz_col_text(st, 14));
	set_opt(o, "measure_kind", fz_coe_measure_kinds, fz_col_text(st, 15));
	set_opt(o, "approval", fz_coe_approvals, fz_col_text(st, 16));
	fz_json_set_str(o, "party_name", fz_col_text(st, 17));
	fz_json_set_str(o, "filed_on", fz_col_text(st, 18));
	fz_json_set_str(o, "taken_on", fz_col_text(st, 19));
	json_object_set_new(o, "extended", json_boolean(!fz_col_null(st, 20)));
	fz_json_set_str(o, "decision_on", fz_col_text(st, 21));
	fz_json_set_str(o, "court_applied_on", fz_col_text(st, 22));
	set_opt(o, "ruling", fz_coe_rulings, fz_col_text(st, 23));
	fz_json_set_str(o, "penalty_number", fz_col_text(st, 24));
	return o;
}

static const char *const coe_like[] = {"c.number", "c.title", "x.party_name", NULL};

static const struct fz_list_filter coe_filters[] = {
    {.param = "year",
     .label = "立案年度",
     .kind = FZ_LF_YEAR,
     .sql = "c.received_on",
     .hint = "按立案日期所在年度筛选"},
    /* The records behind the enforcement.coercions.* figures (enf_report.c). */
    {.param = "decision_year",
     .label = "决定年度",
     .kind = FZ_LF_YEAR,
     .sql = "x.decision_on",
     .hint = "按实施查封、扣押或者作出强制执行决定的日期所在年度筛选"},
    {.param = "court_year",
     .label = "申请法院执行年度",
     .kind = FZ_LF_YEAR,
     .sql = "x.court_applied_on",
     .hint = "按申请人民法院强制执行的日期所在年度筛选"},
    {.param = "from",
     .label = "立案日期",
     .kind = FZ_LF_DATES,
     .sql = "c.received_on",
     .param_to = "to"},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "body_id", .label = "执法主体编号", .kind = FZ_LF_ID, .sql = "x.body_id = ?"},
    {.param = "state",
     .label = "案件状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_enf_coercion_type},
    {.param = "procedure",
     .label = "行政强制类别",
     .kind = FZ_LF_OPTION,
     .sql = "x.procedure = ?",
     .options = fz_coe_procedures},
    {.param = "measure_kind",
     .label = "强制措施种类",
     .kind = FZ_LF_OPTION,
     .sql = "x.measure_kind = ?",
     .options = fz_coe_measure_kinds},
    {.param = "approval",
     .label = "批准方式",
     .kind = FZ_LF_OPTION,
     .sql = "x.approval = ?",
     .options = fz_coe_approvals},
    {.param = "extended",
     .label = "已延长期限",
     .kind = FZ_LF_FLAG,
     .sql = "x.extended_on IS NOT NULL"},
    {.param = "own_execution",
     .label = "本机关强制执行",
     .kind = FZ_LF_FLAG,
     .sql = "x.exec_decided_on IS NOT NULL"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = coe_like},
    {.param = NULL},
};

static const struct fz_list_sort coe_sorts[] = {
    {.name = "filed_on", .expr = "c.received_on"},
    {.name = "created_at", .expr = "c.case_id"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = "taken_on", .expr = "x.taken_on", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col coe_cols[] = {
    {.key = "number", .header = "案号", .width = 22},
    {.key = "title", .header = "案由", .width = 36},
    {.key = "procedure_label", .header = "类别", .width = 16},
    {.key = "measure_kind_label", .header = "强制措施", .width = 18},
    {.key = "party_name", .header = "当事人", .width = 24},
    {.key = "agency_name", .header = "执法单位", .width = 24},
    {.key = "body_name", .header = "执法主体", .width = 26},
    {.key = "state_label", .header = "状态", .width = 16},
    {.key = "filed_on", .header = "立案日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "taken_on", .header = "实施日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "extended", .header = "已延长", .kind = FZ_LC_BOOL, .width = 8},
    {.key = "court_applied_on", .header = "申请法院执行日期", .kind = FZ_LC_DATE, .width = 14},
    {.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = NULL},
};

const struct fz_list fz_enf_coercions_list = {
    .name = "行政强制案件",
    .select = FZ_CASE_ROW_COLS
    ", b.name, x.procedure, x.measure_kind, x.approval, x.party_name,"
    " x.filed_on, x.taken_on, x.extended_on, x.decision_on, x.court_applied_on,"
    " x.ruling, pr.number",
    .from = "case_record c JOIN enf_coercion x ON x.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id JOIN enf_body b ON b.body_id = x.body_id"
	    " LEFT JOIN case_record pr ON pr.case_id = x.penalty_case_id",
    .where = "c.case_type = 'enf_coercion'",
    .scope = "c.agency_id",
    .filters = coe_filters,
    .sorts = coe_sorts,
    .sort_default = "-filed_on",
    .tiebreak = "c.case_id",
    .row = coercion_row,
    .columns = coe_cols,
};
