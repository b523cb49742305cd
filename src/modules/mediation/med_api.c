/*
 * med_api.c - the mediation module's routes: the committee register and its
 * public directory, the registration of cases, the case list and its Excel
 * export, the agreement as Word, and the yearly statistics. Generic case
 * routes (detail, actions, attachments) serve the procedure itself.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/mediation/mediation_int.h"
#include "platform/documents.h"
#include "platform/figures.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

const struct fz_input fz_med_committee_inputs[] = {
    {.name = "agency_id", .label = "所属乡镇（街道）", .type = FZ_IN_AGENCY},
    {.name = "name",
     .label = "调解委员会名称",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 60},
    {.name = "village", .label = "村（社区）", .type = FZ_IN_TEXT, .max_chars = 40},
    {.name = "director", .label = "主任", .type = FZ_IN_TEXT, .required = true, .max_chars = 30},
    {.name = "phone", .label = "办公电话", .type = FZ_IN_TEXT, .max_chars = 20},
    {.name = "address", .label = "办公地址", .type = FZ_IN_TEXT, .max_chars = 100},
    {.name = "founded_on", .label = "设立日期", .type = FZ_IN_DATE},
    {.name = NULL},
};

const struct fz_input fz_med_mediator_inputs[] = {
    {.name = "name", .label = "姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 30},
    {.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .required = true, .max_chars = 20},
    {.name = "phone_public", .label = "联系电话对外公开", .type = FZ_IN_BOOL},
    {.name = "post",
     .label = "职务",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = (const struct fz_option[]){{"director", "主任"},
					   {"deputy", "副主任"},
					   {"member", "委员"},
					   {"mediator", "调解员"},
					   {NULL, NULL}}},
    {.name = "trained_on", .label = "最近一次业务培训日期", .type = FZ_IN_DATE},
    {.name = "training", .label = "培训内容", .type = FZ_IN_TEXT, .max_chars = 200},
    {.name = NULL},
};

/* The case form; parties (an array) are checked by fz_med_submit. */
const struct fz_input fz_med_case_inputs[] = {
    {.name = "kind",
     .label = "调解类型",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_med_kinds},
    {.name = "agency_id", .label = "承办单位", .type = FZ_IN_AGENCY},
    {.name = "field", .label = "行政调解领域", .type = FZ_IN_SELECT, .options = fz_med_fields},
    {.name = "dispute_type",
     .label = "纠纷类型",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_med_dispute_types},
    {.name = "committee_id",
     .label = "人民调解委员会",
     .type = FZ_IN_INT,
     .min = 1,
     .max = 2147483647},
    {.name = "mediator_id", .label = "人民调解员", .type = FZ_IN_INT, .min = 1, .max = 2147483647},
    {.name = "mediator_name", .label = "调解人员", .type = FZ_IN_TEXT, .max_chars = 60},
    {.name = "received_on", .label = "受理日期", .type = FZ_IN_DATE, .required = true},
    {.name = "summary",
     .label = "纠纷简要情况",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 3000},
    {.name = "requests", .label = "当事人请求", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = "source_case_id",
     .label = "来源案件（信访或行政复议）",
     .type = FZ_IN_INT,
     .min = 1,
     .max = 2147483647},
    {.name = NULL},
};

const struct fz_record_kind fz_med_records[] = {
    {"med_committee", "SELECT agency_id FROM med_committee WHERE committee_id = ?"},
    {"med_mediator", "SELECT k.agency_id FROM med_mediator m JOIN med_committee k"
		     " ON k.committee_id = m.committee_id WHERE m.mediator_id = ?"},
    {NULL, NULL},
};

static int64_t path_id(struct fz_req *req)
{
	long long id = 0;
	sscanf(req->params[0], "%lld", &id);
	return (int64_t)id;
}

static enum fz_code check_case_body(struct fz_ctx *ctx, json_t *b, struct fz_err *err)
{
	static const char *const extra[] = {"parties", NULL};
	if (!json_is_object(b))
		return fz_err_set(err, FZ_EBAD_VALUE, NULL, "请求内容应为 JSON 对象");
	return fz_json_check_inputs(ctx, fz_med_case_inputs, 16, b, extra, err);
}

static enum fz_code case_create(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = check_case_body(req->ctx, req->body, err);
	if (rc || (rc = fz_med_submit(req->ctx, req->body, &id, err)))
		return rc;
	return fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code committee_create(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_med_committee_add(req->ctx, req->body, &id, err);
	if (rc)
		return rc;
	*out = json_pack("{s:I}", "committee_id", (json_int_t)id);
	return FZ_OK;
}

static enum fz_code mediator_create(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, committee = 0;
	sscanf(req->params[0], "%lld", (long long *)&committee);
	enum fz_code rc = fz_med_mediator_add(req->ctx, committee, req->body, &id, err);
	if (rc)
		return rc;
	*out = json_pack("{s:I}", "mediator_id", (json_int_t)id);
	return FZ_OK;
}

/* One committee with all its mediators (staff: phones included). */
static enum fz_code committee_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT k.committee_id, k.agency_id, a.name, k.name, k.village, k.director, k.phone,"
	    " k.address, k.founded_on, k.active FROM med_committee k"
	    " JOIN agency a ON a.agency_id = k.agency_id WHERE k.committee_id = ?",
	    "i", path_id(req));
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "没有这个人民调解委员会");
	}
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:s?, s:s, s:s?, s:s?, s:s?}", "committee_id",
			      (json_int_t)fz_col_int(st, 0), "agency_id",
			      (json_int_t)fz_col_int(st, 1), "agency_name", fz_col_text(st, 2),
			      "name", fz_col_text(st, 3), "village", fz_col_text(st, 4), "director",
			      fz_col_text(st, 5), "phone", fz_col_text(st, 6), "address",
			      fz_col_text(st, 7), "founded_on", fz_col_text(st, 8));
	json_object_set_new(o, "active", json_boolean(fz_col_int(st, 9)));
	fz_stmt_done(st);
	json_t *ms = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT mediator_id, name, phone, phone_public, post, trained_on, training"
	    " FROM med_mediator WHERE committee_id = ? AND active = 1 ORDER BY mediator_id",
	    "i", path_id(req));
	while (st && fz_stmt_row(st))
		json_array_append_new(
		    ms, json_pack(
			    "{s:I, s:s, s:s, s:b, s:s, s:s, s:s?, s:s?}", "mediator_id",
			    (json_int_t)fz_col_int(st, 0), "name", fz_col_text(st, 1), "phone",
			    fz_col_text(st, 2), "phone_public", (int)fz_col_int(st, 3), "post",
			    fz_col_text(st, 4), "post_label",
			    fz_option_label(fz_med_mediator_inputs[3].options, fz_col_text(st, 4)),
			    "trained_on", fz_col_text(st, 5), "training", fz_col_text(st, 6)));
	fz_stmt_done(st);
	json_object_set_new(o, "mediators", ms);
	*out = o;
	return FZ_OK;
}

/* What a committee's or a mediator's record may change; absent keys keep their value. */
static const struct fz_input committee_patch_inputs[] = {
    {.name = "name", .label = "调解委员会名称", .type = FZ_IN_TEXT, .max_chars = 60},
    {.name = "director", .label = "主任", .type = FZ_IN_TEXT, .max_chars = 30},
    {.name = "phone", .label = "办公电话", .type = FZ_IN_TEXT, .max_chars = 20},
    {.name = "address", .label = "办公地址", .type = FZ_IN_TEXT, .max_chars = 100},
    {.name = "active", .label = "在册", .type = FZ_IN_BOOL},
    {.name = NULL},
};

static const struct fz_input mediator_patch_inputs[] = {
    {.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .max_chars = 20},
    {.name = "phone_public", .label = "联系电话对外公开", .type = FZ_IN_BOOL},
    {.name = "trained_on", .label = "最近一次业务培训日期", .type = FZ_IN_DATE},
    {.name = "training", .label = "培训内容", .type = FZ_IN_TEXT, .max_chars = 200},
    {.name = "active", .label = "在册", .type = FZ_IN_BOOL},
    {.name = NULL},
};

/* -1 when the boolean key is absent, else 0 or 1. */
static int tri(json_t *b, const char *key)
{
	json_t *v = json_object_get(b, key);
	return json_is_boolean(v) ? json_is_true(v) : -1;
}

static enum fz_code committee_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *b = req->body;
	const char *phone = fz_json_str(b, "phone");
	if (phone && *phone && !fz_phone_valid(phone))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	struct fz_stmt *st = fz_db_query(
	    req->ctx->db, err,
	    "UPDATE med_committee SET name = COALESCE(?, name), director = COALESCE(?, director),"
	    " phone = COALESCE(?, phone), address = COALESCE(?, address),"
	    " active = CASE WHEN ? < 0 THEN active ELSE ? END WHERE committee_id = ?",
	    "ttttIIi", fz_json_str(b, "name"), fz_json_str(b, "director"), phone,
	    fz_json_str(b, "address"), tri(b, "active"), tri(b, "active"), path_id(req));
	enum fz_code rc = fz_stmt_exec(st, err);
	return rc ? rc : committee_get(req, out, err);
}

static enum fz_code mediator_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *b = req->body;
	struct fz_ctx *ctx = req->ctx;
	const char *phone = fz_json_str(b, "phone");
	if (phone && !fz_phone_valid(phone))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	const char *trained = fz_json_str(b, "trained_on");
	int day;
	if (trained && !fz_date_parse(trained, &day) && day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "trained_on", "培训日期不能晚于今天");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "UPDATE med_mediator SET phone = COALESCE(?, phone),"
	    " phone_public = CASE WHEN ? < 0 THEN phone_public ELSE ? END,"
	    " trained_on = COALESCE(?, trained_on), training = COALESCE(?, training),"
	    " active = CASE WHEN ? < 0 THEN active ELSE ? END WHERE mediator_id = ?",
	    "tIIttIIi", phone, tri(b, "phone_public"), tri(b, "phone_public"), trained,
	    fz_json_str(b, "training"), tri(b, "active"), tri(b, "active"), path_id(req));
	enum fz_code rc = fz_stmt_exec(st, err);
	if (rc)
		return rc;
	*out = json_pack("{s:I}", "mediator_id", (json_int_t)path_id(req));
	return FZ_OK;
}

/* ---- lists --------------------------------------------------------------------------- */

static const struct fz_list_filter committee_filters[] = {
    {.param = "agency_id", .label = "乡镇（街道）", .kind = FZ_LF_AGENCY, .sql = "k.agency_id = ?"},
    {.param = "q",
     .label = "关键词",
     .kind = FZ_LF_KEYWORD,
     .max_chars = 50,
     .like = (const char *const[]){"k.name", "k.village", "k.director", NULL}},
    {.param = NULL},
};

static const struct fz_list_col committee_cols[] = {
    {"committee_id", "k.committee_id", FZ_LC_NUMBER},
    {"agency_id", "k.agency_id", FZ_LC_NUMBER},
    {"agency_name", "a.name", FZ_LC_TEXT, NULL, "所属乡镇（街道）", 18},
    {"name", "k.name", FZ_LC_TEXT, NULL, "调解委员会", 26},
    {"village", "k.village", FZ_LC_TEXT, NULL, "村（社区）", 14},
    {"director", "k.director", FZ_LC_TEXT, NULL, "主任", 10},
    {"phone", "k.phone", FZ_LC_TEXT, NULL, "办公电话", 16},
    {"mediators",
     "(SELECT COUNT(*) FROM med_mediator m WHERE m.committee_id = k.committee_id"
     " AND m.active = 1)",
     FZ_LC_NUMBER, NULL, "调解员人数", 10},
    {"cases", "(SELECT COUNT(*) FROM med_case x WHERE x.committee_id = k.committee_id)",
     FZ_LC_NUMBER, NULL, "调解案件数", 10},
    {NULL},
};

const struct fz_list fz_med_committees_list = {
    .name = "人民调解委员会",
    .from = "med_committee k JOIN agency a ON a.agency_id = k.agency_id",
    .where = "k.active = 1",
    .scope = "k.agency_id",
    .filters = committee_filters,
    .order = "a.sort_order, k.village IS NOT NULL, k.committee_id",
    .columns = committee_cols,
};

/* The portal's directory: a mediator's phone only when marked public; the keyword finds a
 * committee, a village, a township or a mediator by name. */
static const struct fz_list_filter directory_filters[] = {
    {.param = "agency_id", .label = "乡镇（街道）", .kind = FZ_LF_AGENCY, .sql = "k.agency_id = ?"},
    {.param = "q",
     .label = "关键词",
     .kind = FZ_LF_KEYWORD,
     .max_chars = 50,
     .like = (const char *const[]){"k.name", "k.village", "a.name", "m.name", NULL}},
    {.param = NULL},
};

static const struct fz_list_col directory_cols[] = {
    {"committee_id", "k.committee_id", FZ_LC_NUMBER},
    {"agency_id", "k.agency_id", FZ_LC_NUMBER},
    {"agency_name", "a.name", FZ_LC_TEXT},
    {"committee_name", "k.name", FZ_LC_TEXT},
    {"village", "k.village", FZ_LC_TEXT},
    {"address", "k.address", FZ_LC_TEXT},
    {"office_phone", "k.phone", FZ_LC_TEXT},
    {"mediator_name", "m.name", FZ_LC_TEXT},
    {"post", "m.post", FZ_LC_TEXT},
    {"post_label",
     "CASE m.post WHEN 'director' THEN '主任' WHEN 'deputy' THEN '副主任'"
     " WHEN 'member' THEN '委员' ELSE '调解员' END",
     FZ_LC_TEXT},
    {"phone", "CASE WHEN m.phone_public = 1 THEN m.phone END", FZ_LC_TEXT},
    {NULL},
};

const struct fz_list fz_med_directory_list = {
    .name = "人民调解组织名录",
    .from = "med_mediator m JOIN med_committee k ON k.committee_id = m.committee_id"
	    " JOIN agency a ON a.agency_id = k.agency_id",
    .where = "m.active = 1 AND k.active = 1",
    .filters = directory_filters,
    .order = "a.sort_order, k.committee_id, m.mediator_id",
    .per_page = 50,
    .per_page_max = 200,
    .columns = directory_cols,
};

static const struct fz_list_sort case_sorts[] = {
    {.name = "received_on", .expr = "c.received_on"},
    {.name = "created_at", .expr = "c.created_at"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = "number", .expr = "c.case_id"},
    {.name = NULL},
};

static const struct fz_list_filter case_filters[] = {
    {.param = "year",
     .label = "年度",
     .kind = FZ_LF_YEAR,
     .sql = "c.received_on",
     .hint = "按受理日期所在年度筛选"},
    {.param = "agency_id", .label = "承办单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "kind",
     .label = "调解类型",
     .kind = FZ_LF_OPTION,
     .sql = "x.kind = ?",
     .options = fz_med_kinds},
    {.param = "field",
     .label = "行政调解领域",
     .kind = FZ_LF_OPTION,
     .sql = "x.field = ?",
     .options = fz_med_fields},
    {.param = "dispute_type",
     .label = "纠纷类型",
     .kind = FZ_LF_OPTION,
     .sql = "x.dispute_type = ?",
     .options = fz_med_dispute_types},
    {.param = "committee_id",
     .label = "人民调解委员会",
     .kind = FZ_LF_ID,
     .sql = "x.committee_id = ?"},
    {.param = "state",
     .label = "状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_med_type},
    {.param = "outcome",
     .label = "调解结果",
     .kind = FZ_LF_OPTION,
     .sql = "x.outcome = ?",
     .options = (const struct fz_option[]){{"agreed", "达成协议"},
					   {"failed", "未达成协议"},
					   {NULL, NULL}}},
    {.param = "performance",
     .label = "履行情况",
     .kind = FZ_LF_OPTION,
     .sql = "x.performance = ?",
     .options = fz_med_performance},
    {.param = "confirmed",
     .label = "已申请司法确认",
     .kind = FZ_LF_FLAG,
     .sql = "x.confirm_applied_on IS NOT NULL"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q",
     .label = "关键词",
     .kind = FZ_LF_KEYWORD,
     .max_chars = 100,
     .like = (const char *const[]){"c.number", "c.title", "x.summary", "x.mediator_name", NULL}},
    {.param = NULL},
};

static json_t *case_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "kind", fz_col_text(st, 13));
	fz_json_set_str(o, "kind_label", fz_option_label(fz_med_kinds, fz_col_text(st, 13)));
	fz_json_set_str(o, "field", fz_col_text(st, 14));
	fz_json_set_str(o, "field_label",
			fz_col_text(st, 14) ? fz_option_label(fz_med_fields, fz_col_text(st, 14))
					    : NULL);
	fz_json_set_str(o, "dispute_type", fz_col_text(st, 15));
	fz_json_set_str(o, "dispute_type_label",
			fz_option_label(fz_med_dispute_types, fz_col_text(st, 15)));
	fz_json_set_str(o, "committee_name", fz_col_text(st, 16));
	fz_json_set_str(o, "mediator_name", fz_col_text(st, 17));
	fz_json_set_str(o, "outcome", fz_col_text(st, 18));
	fz_json_set_str(o, "agreed_on", fz_col_text(st, 19));
	const char *perf = fz_col_text(st, 20);
	fz_json_set_str(o, "performance", perf);
	fz_json_set_str(o, "performance_label",
			perf && strcmp(perf, "none") ? fz_option_label(fz_med_performance, perf)
						     : NULL);
	fz_json_set_str(o, "confirm_applied_on", fz_col_text(st, 21));
	json_object_set_new(o, "extended_days", json_integer(fz_col_int(st, 22)));
	return o;
}

static const struct fz_list_col case_cols[] = {
    {.key = "number", .header = "案号", .width = 22},
    {.key = "title", .header = "纠纷", .width = 28},
    {.key = "kind_label", .header = "调解类型", .width = 10},
    {.key = "agency_name", .header = "承办单位", .width = 22},
    {.key = "dispute_type_label", .header = "纠纷类型", .width = 12},
    {.key = "committee_name", .header = "人民调解委员会", .width = 24},
    {.key = "mediator_name", .header = "调解员", .width = 12},
    {.key = "state_label", .header = "状态", .width = 10},
    {.key = "received_on", .header = "受理日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "due_date", .header = "调解期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = "extended_days", .header = "经同意延长天数", .kind = FZ_LC_NUMBER, .width = 10},
    {.key = "agreed_on", .header = "达成协议日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "performance_label", .header = "履行情况", .width = 10},
    {.key = "confirm_applied_on", .header = "申请司法确认日期", .kind = FZ_LC_DATE, .width = 14},
    {.key = NULL},
};

const struct fz_list fz_med_cases_list = {
    .name = "调解案件",
    .select = FZ_CASE_ROW_COLS ", x.kind, x.field, x.dispute_type, k.name, x.mediator_name,"
			       " x.outcome, x.agreed_on, x.performance, x.confirm_applied_on,"
			       " x.extended_days",
    .from = "case_record c JOIN med_case x ON x.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN med_committee k ON k.committee_id = x.committee_id",
    .where = "c.case_type = 'mediation'",
    .scope = "c.agency_id",
    .filters = case_filters,
    .sorts = case_sorts,
    .sort_default = "-created_at",
    .tiebreak = "c.case_id",
    .row = case_row,
    .columns = case_cols,
};

static enum fz_code cases_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_med_cases_list, out, err);
}
static enum fz_code cases_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_med_cases_list, out, err);
}
static enum fz_code committees_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_med_committees_list, out, err);
}
static enum fz_code committees_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_med_committees_list, out, err);
}
static enum fz_code directory(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_med_directory_list, out, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency = 0;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	if (!rc)
		rc = fz_figures_agency(req->ctx, fz_req_query(req, "agency_id"), &agency, err);
	return rc ? rc : fz_med_stats_json(req->ctx, year, agency, out, err);
}

/* ---- the agreement (人民调解法 第29条: its content, signed by the parties and mediator) --- */

static const char *cn_date(struct fz_ctx *ctx, const char *iso)
{
	int y = 0, m = 0, d = 0;
	if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
		return "    年  月  日";
	return fz_arena_printf(ctx->arena, "%d年%d月%d日", y, m, d);
}

static enum fz_code agreement_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	struct fz_ctx *ctx = req->ctx;
	int64_t id = 0;
	sscanf(req->params[0], "%lld", (long long *)&id);
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, id, false, &c, err);
	if (rc)
		return rc;
	json_t *f = json_object();
	if ((rc = fz_med_fields_json(ctx, id, f, err))) {
		json_decref(f);
		return rc;
	}
	if (!fz_json_str(f, "agreed_on")) {
		json_decref(f);
		return fz_err_set(err, FZ_ESTATE, NULL, "本案尚未达成调解协议，不能生成调解协议书");
	}
	bool people = strcmp(fz_json_str(f, "kind"), "people") == 0;
	struct fz_docx *doc = fz_docx_new();
	fz_docx_para(doc, FZ_P_TITLE, people ? "人民调解协议书" : "行政调解协议书");
	fz_docx_para(doc, FZ_P_SUBTITLE, c.number);
	size_t i;
	json_t *p;
	json_array_foreach (json_object_get(f, "parties"), i, p) {
		fz_docx_para(
		    doc, FZ_P_PLAIN,
		    fz_arena_printf(ctx->arena, "当事人%zu：%s，%s：%s，联系电话：%s", i + 1,
				    fz_json_str(p, "name"), fz_json_str(p, "id_type_label"),
				    fz_json_str(p, "id_number") ? fz_json_str(p, "id_number")
								: "（未提供）",
				    fz_json_str(p, "phone")));
	}
	fz_docx_para(doc, FZ_P_HEADING, "纠纷主要事实、争议事项");
	fz_docx_para(doc, FZ_P_BODY, fz_json_str(f, "summary"));
	fz_docx_para(doc, FZ_P_HEADING, "经调解，自愿达成如下协议");
	fz_docx_para(doc, FZ_P_BODY, fz_json_str(f, "terms"));
	if (fz_json_str(f, "obligations")) {
		fz_docx_para(doc, FZ_P_HEADING, "履行方式、时限");
		fz_docx_para(doc, FZ_P_BODY, fz_json_str(f, "obligations"));
	}
	fz_docx_para(doc, FZ_P_BODY,
		     people ? "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解"
			      "委员会印章之日起生效。"
			      "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约"
			      "定履行（《人民调解法》第三十一条）。"
			      "双方当事人认为有必要的，可以自本协议生效之日起三十日内共同向人民法院"
			      "申请司法确认（第三十三条）。"
			    : "本协议自各方当事人签名或者盖章、调解人员签名并加盖调解机关印章之日起"
			      "生效，当事人应当按照约定履行。"
			      "双方当事人认为有必要的，可以依法共同向人民法院申请司法确认。");
	fz_docx_para(doc, FZ_P_PLAIN, "本协议一式三份，当事人各执一份，调解组织留存一份。");
	fz_docx_para(doc, FZ_P_PLAIN, "");
	fz_docx_para(doc, FZ_P_PLAIN, "当事人（签名）：");
	fz_docx_para(doc, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "%s（签名）：%s",
				     people ? "人民调解员" : "调解人员",
				     fz_json_str(f, "mediator_name")));
	fz_docx_para(doc, FZ_P_RIGHT,
		     people && fz_json_str(f, "committee_name")
			 ? fz_json_str(f, "committee_name")
			 : fz_arena_printf(ctx->arena, "%s", c.title));
	fz_docx_para(doc, FZ_P_RIGHT, cn_date(ctx, fz_json_str(f, "agreed_on")));
	char *data = NULL;
	size_t len = 0;
	rc = fz_docx_finish(doc, &data, &len, err);
	fz_docx_free(doc);
	if (!rc)
		fz_req_file(
		    req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		    data, len, fz_arena_printf(ctx->arena, "调解协议书-%s.docx", c.number));
	json_decref(f);
	return rc;
}

void fz_med_meta(json_t *obj)
{
	json_object_set_new(obj, "mediation_kinds", fz_options_json(fz_med_kinds));
	json_object_set_new(obj, "mediation_fields", fz_options_json(fz_med_fields));
	json_object_set_new(obj, "mediation_dispute_types", fz_options_json(fz_med_dispute_types));
	json_object_set_new(obj, "mediation_id_types", fz_options_json(fz_med_id_types));
	json_object_set_new(obj, "mediation_performance", fz_options_json(fz_med_performance));
	json_object_set_new(obj, "mediation_referrals", fz_options_json(fz_med_referrals));
	json_object_set_new(obj, "mediation_rulings", fz_options_json(fz_med_rulings));
}

#define ANYONE	  FZ_ROLES_ANYONE
#define SIGNED_IN FZ_ROLES_SIGNED_IN
#define STAFF	  (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define READERS	  (FZ_ROLES_ALL_AGENCIES | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define T	  "人民调解和行政调解"

const struct fz_route fz_med_routes[] = {
    {"GET", "/api/public/mediation/directory", directory, ANYONE, 0,
     "人民调解组织名录（公开：调解委员会及调解员，调解员电话仅在标明公开时显示）", T},
    {"GET", "/api/mediation/committees", committees_list, SIGNED_IN, 0,
     "人民调解委员会登记册（按乡镇、关键词筛选）", T},
    {"GET", "/api/mediation/committees.xlsx", committees_xlsx, SIGNED_IN, 0,
     "导出人民调解委员会登记册（Excel）", T},
    {"POST", "/api/mediation/committees", committee_create, STAFF, 0,
     "登记人民调解委员会（乡镇、村或社区）", T, .body = fz_med_committee_inputs, .status = 201},
    {"GET", "/api/mediation/committees/{id}", committee_get, READERS, 0,
     "人民调解委员会及其调解员（含联系电话和培训情况）", T, "med_committee"},
    {"POST", "/api/mediation/committees/{id}/mediators", mediator_create, STAFF, 0,
     "登记人民调解员", T, "med_committee", .body = fz_med_mediator_inputs, .status = 201},
    {"PATCH", "/api/mediation/committees/{id}", committee_patch, STAFF, 0,
     "修改人民调解委员会（名称、主任、电话、地址、是否在册）", T, "med_committee",
     .body = committee_patch_inputs},
    {"PATCH", "/api/mediation/mediators/{id}", mediator_patch, STAFF, 0,
     "修改人民调解员（电话及是否公开、培训情况、是否在册）", T, "med_mediator",
     .body = mediator_patch_inputs},
    {"POST", "/api/mediations", case_create, STAFF, FZ_R_JSON,
     "受理调解案件（人民调解或行政调解），当事人两人以上", T, .status = 201},
    {"GET", "/api/mediations", cases_list, SIGNED_IN, 0,
     "调解案件列表：按年度、承办单位、调解类型、领域、纠纷类型、调解委员会、状态、结果、履行情况筛"
     "选",
     T},
    {"GET", "/api/mediations.xlsx", cases_xlsx, SIGNED_IN, 0,
     "导出调解案件列表（Excel，筛选和排序同列表）", T},
    {"GET", "/api/mediation/stats", stats, SIGNED_IN, 0,
     "年度调解统计：受理、达成协议、调解成功率，按调解类型、纠纷类型、承办单位", T},
    {"GET", "/api/cases/{id}/documents/mediation-agreement.docx", agreement_docx, READERS, 0,
     "生成调解协议书（Word）", T, "case:mediation"},
    {NULL, NULL, NULL, 0, 0, NULL, NULL},
};
