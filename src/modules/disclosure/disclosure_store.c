/*
 * disclosure_store.c - the disclosure module's SQL: its tables, registering
 * requests, the domain half of each transition (the guards of 第30条 and
 * 第36-39条), the detail fields, public tracking, and the catalogue.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/disclosure/disclosure_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"
#include "platform/lists.h"
#include "platform/search.h"

const struct fz_migration fz_disc_migrations[] = {
	{"disclosure-001",
	 "CREATE TABLE disclosure_request ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " channel TEXT NOT NULL, applicant_type TEXT NOT NULL, applicant_name TEXT NOT NULL,"
	 " id_number TEXT, phone TEXT NOT NULL, address TEXT, email TEXT,"
	 " description TEXT NOT NULL, purpose TEXT, delivery TEXT NOT NULL,"
	 " submitted_on TEXT NOT NULL, corrections INTEGER NOT NULL DEFAULT 0,"
	 " outcome TEXT, report_row TEXT, ground TEXT, where_public TEXT, right_agency TEXT,"
	 " withheld TEXT, reply_text TEXT, replied_on TEXT, fee_amount INTEGER,"
	 " fee_paid INTEGER NOT NULL DEFAULT 0);"
	 "CREATE INDEX disclosure_request_row ON disclosure_request(report_row);"
	 "CREATE TABLE disclosure_item ("
	 " item_id INTEGER PRIMARY KEY, index_no TEXT NOT NULL UNIQUE,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, category TEXT NOT NULL,"
	 " title TEXT NOT NULL, body TEXT NOT NULL, created_on TEXT NOT NULL,"
	 " published_on TEXT NOT NULL, valid_until TEXT, late INTEGER NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX disclosure_item_agency ON disclosure_item(agency_id, category, published_on);"
	 "CREATE INDEX disclosure_item_published ON disclosure_item(published_on);"
	 "CREATE TABLE disclosure_report (year INTEGER NOT NULL, agency_id INTEGER NOT NULL,"
	 " sections TEXT NOT NULL, updated_at TEXT NOT NULL, published_on TEXT,"
	 " PRIMARY KEY (year, agency_id));"},
	{"disclosure-002", /* SQLite full-text search over the catalogue (trigram: Chinese) */
	 "CREATE VIRTUAL TABLE disclosure_item_fts USING fts5(title, body, tokenize='trigram');"},
	{"disclosure-003", /* the report as published: its figures do not move afterwards */
	 "ALTER TABLE disclosure_report ADD COLUMN published TEXT;"},
	{NULL, NULL},
};

enum fz_code fz_disc_submit(struct fz_ctx *ctx, const struct fz_disc_request *r,
			    struct fz_case_row *out, struct fz_err *err)
{
	json_t *in = json_pack("{s:s, s:s, s:s}", "channel", r->channel, "applicant_type",
			       r->applicant_type, "description", r->description);
	char *input = fz_json_text(ctx->arena, in, NULL);
	json_decref(in);
	/* The title staff see in lists: the start of the request on one line, "…" when cut. */
	char title[200];
	fz_text_excerpt(r->description, 40, title, sizeof title);
	struct fz_case_new n = {.case_type = "disclosure", .agency_id = r->agency_id, .title = title,
				.body = r->description, .received_on = r->received_on,
				.tracking = true, .receipt = true, .input = input};
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	char sub[11];
	fz_date_format(r->submitted_on, sub);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO disclosure_request(case_id, channel, applicant_type, applicant_name,"
		" id_number, phone, address, email, description, purpose, delivery, submitted_on)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
		"itttttttttt" "t", out->case_id, r->channel, r->applicant_type, r->applicant_name,
		r->id_number, r->phone, r->address, r->email, r->description, r->purpose, r->delivery,
		sub);
	if (!st || fz_stmt_exec(st, err)) {
		rc = err->code;
		goto fail;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/*
 * 第30条: the consolidated correction notice. That it comes once and within 7
 * working days of receipt are the row's guards (disclosure_flow.c); here the
 * request counts it, for the "still unclear after correction" outcome.
 */
static enum fz_code count_correction(struct fz_ctx *ctx, struct fz_case_row *c, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "UPDATE disclosure_request SET corrections = corrections + 1 WHERE case_id = ?",
		"i", c->case_id);
	return fz_stmt_exec(st, err);
}

static enum fz_code record_reply(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				struct fz_err *err)
{
	const char *value = fz_json_str(in, "outcome");
	const struct fz_disc_outcome *o = fz_disc_outcome(value);
	if (!o)
		return fz_err_set(err, FZ_EBAD_VALUE, "outcome", "答复类型无效");
	static const struct {
		unsigned need;
		const char *field, *msg;
	} needs[] = {
		{FZ_DISC_NEEDS_GROUND, "ground", "该答复类型须写明理由和法律依据"},
		{FZ_DISC_NEEDS_WHERE, "where", "已主动公开的，须告知获取该信息的方式和途径（第三十六条（一））"},
		{FZ_DISC_NEEDS_AGENCY, "right_agency",
		 "不属于本机关公开的，须告知负责公开的机关名称及联系方式（第三十六条（五））"},
		{FZ_DISC_NEEDS_WITHHELD, "withheld", "部分公开的，须写明不予公开的部分及理由（第三十七条）"},
	};
	for (size_t i = 0; i < sizeof needs / sizeof needs[0]; i++) {
		const char *v = fz_json_str(in, needs[i].field);
		if ((o->needs & needs[i].need) && (!v || fz_text_blank(v)))
			return fz_err_set(err, FZ_EMISSING_FIELD, needs[i].field, "%s", needs[i].msg);
	}
	/* 第30条: "still unclear after correction" needs a correction first. */
	if (strcmp(o->value, "unable.unclear") == 0) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err, "SELECT corrections FROM disclosure_request WHERE case_id = ?", "i",
			c->case_id);
		long n = st && fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!n)
			return fz_err_set(err, FZ_EBAD_VALUE, "outcome",
					  "“补正后申请内容仍不明确”须先告知补正（第三十条）");
	}
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"UPDATE disclosure_request SET outcome = ?, report_row = ?, ground = ?, where_public = ?,"
		" right_agency = ?, withheld = ?, reply_text = ?, replied_on = ? WHERE case_id = ?",
		"tttttttti", o->value, o->row, fz_json_str(in, "ground"), fz_json_str(in, "where"),
		fz_json_str(in, "right_agency"), fz_json_str(in, "withheld"),
		fz_json_str(in, "reply_text"), today, c->case_id);
	return fz_stmt_exec(st, err);
}

static enum fz_code set_ending(struct fz_ctx *ctx, struct fz_case_row *c, const char *outcome,
			       const char *ground, struct fz_err *err)
{
	const struct fz_disc_outcome *o = fz_disc_outcome(outcome);
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "UPDATE disclosure_request SET outcome = ?, report_row = ?,"
					 " ground = ?, replied_on = ? WHERE case_id = ?",
					 "tttti", o->value, o->row, ground, today, c->case_id);
	return fz_stmt_exec(st, err);
}

enum fz_code fz_disc_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			   const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	const char *a = tr->name;
	if (strcmp(a, "request_correction") == 0)
		return count_correction(ctx, c, err);
	/* Both ends of a waiting period are guarded by its clock having run out (the rows). */
	if (strcmp(a, "deem_withdrawn") == 0)
		return set_ending(ctx, c, "other.no_correction",
				  "申请人无正当理由逾期不补正，视为放弃申请（第三十条）", err);
	if (strcmp(a, "fee_lapsed") == 0)
		return set_ending(ctx, c, "other.no_fee", "申请人逾期未按收费通知缴纳费用", err);
	if (strcmp(a, "withdraw") == 0)
		return set_ending(ctx, c, "other.other", fz_json_str(input, "reason"), err);
	if (strcmp(a, "fee_notice") == 0) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err, "UPDATE disclosure_request SET fee_amount = ? WHERE case_id = ?", "ii",
			(int64_t)json_integer_value(json_object_get(input, "amount")), c->case_id);
		return fz_stmt_exec(st, err);
	}
	if (strcmp(a, "fee_paid") == 0) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err, "UPDATE disclosure_request SET fee_paid = 1 WHERE case_id = ?", "i",
			c->case_id);
		return fz_stmt_exec(st, err);
	}
	if (strcmp(a, "reply") == 0)
		return record_reply(ctx, c, input, err);
	return FZ_OK;
}

enum fz_code fz_disc_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT channel, applicant_type, applicant_name, id_number, phone, address, email,"
		" description, purpose, delivery, submitted_on, corrections, outcome, ground,"
		" where_public, right_agency, withheld, reply_text, replied_on, fee_amount, fee_paid"
		" FROM disclosure_request WHERE case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		static const char *const names[] = {
			"channel", "applicant_type", "applicant_name", "id_number", "phone", "address",
			"email", "description", "purpose", "delivery", "submitted_on"};
		for (int i = 0; i < 11; i++)
			fz_json_set_str(obj, names[i], fz_col_text(st, i));
		fz_json_set_str(obj, "channel_label", fz_option_label(fz_disc_channels, fz_col_text(st, 0)));
		fz_json_set_str(obj, "applicant_type_label",
				fz_option_label(fz_disc_applicant_types, fz_col_text(st, 1)));
		json_object_set_new(obj, "corrections", json_integer(fz_col_int(st, 11)));
		const struct fz_disc_outcome *o = fz_disc_outcome(fz_col_text(st, 12));
		fz_json_set_str(obj, "outcome", fz_col_text(st, 12));
		fz_json_set_str(obj, "outcome_label", o ? o->label : NULL);
		fz_json_set_str(obj, "outcome_article", o ? o->article : NULL);
		static const char *const rest[] = {"ground", "where", "right_agency", "withheld",
						   "reply_text", "replied_on"};
		for (int i = 0; i < 6; i++)
			fz_json_set_str(obj, rest[i], fz_col_text(st, 13 + i));
		if (!fz_col_null(st, 19))
			json_object_set_new(obj, "fee_amount", json_integer(fz_col_int(st, 19)));
		json_object_set_new(obj, "fee_paid", json_boolean(fz_col_int(st, 20)));
	}
	fz_stmt_done(st);
	return FZ_OK;
}

/* What the applicant sees of the handling (the notices the office sent them, 第30-33条, 第42条). */
static const struct fz_public_step public_steps[] = {
	{"create", "收到申请", NULL},
	{"request_correction", "一次性告知补正（答复期限中止）", NULL},
	{"corrected", "收到补正申请，答复期限重新计算", "corrected_on"},
	{"deem_withdrawn", "逾期未补正，视为放弃申请", NULL},
	{"consult", "征求第三方或其他机关意见（所需时间不计入答复期限）", "sent_on"},
	{"consulted", "收到意见，恢复计算答复期限", "answered_on"},
	{"extend", "延长答复期限", NULL},
	{"fee_notice", "发出收费通知", NULL},
	{"fee_paid", "已缴纳信息处理费", "paid_on"},
	{"fee_lapsed", "逾期未缴费，不再处理", NULL},
	{"reply", "作出答复", NULL},
	{"withdraw", "申请人撤回申请", NULL},
};

/* The timeline with the details the applicant was told: what to correct, the days added, the fee. */
static json_t *public_timeline(struct fz_ctx *ctx, int64_t case_id, const char *received_on)
{
	json_t *tl = fz_case_public_timeline(ctx, case_id, public_steps,
					     sizeof public_steps / sizeof public_steps[0]);
	size_t i;
	json_t *e;
	json_array_foreach(tl, i, e)
	{
		const char *a = fz_json_str(e, "action");
		json_t *in = json_object_get(e, "input");
		const char *detail = NULL;
		if (strcmp(a, "create") == 0) /* received by 第31条, not the day it was registered */
			json_object_set_new(e, "on", json_string(received_on));
		else if (strcmp(a, "request_correction") == 0)
			detail = fz_json_str(in, "items");
		else if (strcmp(a, "extend") == 0 && json_is_integer(json_object_get(in, "days")))
			detail = fz_arena_printf(ctx->arena, "延长 %lld 个工作日（第三十三条第二款）。%s",
						 (long long)json_integer_value(json_object_get(in, "days")),
						 fz_json_str(in, "reason") ? fz_json_str(in, "reason") : "");
		else if (strcmp(a, "fee_notice") == 0 && json_is_integer(json_object_get(in, "amount")))
			detail = fz_arena_printf(ctx->arena, "信息处理费 %lld 元（第四十二条）",
						 (long long)json_integer_value(json_object_get(in, "amount")));
		if (detail)
			json_object_set_new(e, "detail", json_string(detail));
		json_object_del(e, "input");
	}
	return tl;
}

enum fz_code fz_disc_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.case_id, c.number, c.state, c.received_on, a.name, r.description,"
		" r.outcome, r.reply_text, r.replied_on, c.tracking_code FROM case_record c"
		" JOIN disclosure_request r ON r.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" WHERE c.tracking_code = ? AND c.case_type = 'disclosure'",
		"t", code);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "没有找到该查询码对应的申请，请核对后重试");
	}
	int64_t case_id = fz_col_int(st, 0);
	const char *received_on = fz_arena_strdup(ctx->arena, fz_col_text(st, 3));
	const struct fz_state *s = fz_flow_state(&fz_disc_type, fz_col_text(st, 2));
	const struct fz_disc_outcome *o = fz_disc_outcome(fz_col_text(st, 6));
	bool done = s && s->final;
	json_t *res = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "tracking_code",
				fz_col_text(st, 9), "number", fz_col_text(st, 1), "state",
				fz_col_text(st, 2), "state_label", s ? s->label : "", "received_on",
				fz_col_text(st, 3), "agency_name", fz_col_text(st, 4), "description",
				fz_col_text(st, 5));
	json_object_set_new(res, "reply",
			    done && o ? json_pack("{s:s, s:s?, s:s?}", "outcome_label", o->label,
						  "text", fz_col_text(st, 7), "replied_on",
						  fz_col_text(st, 8))
				      : json_null());
	fz_stmt_done(st);
	json_t *clocks;
	enum fz_code rc = fz_case_clocks_json(ctx, case_id, &clocks, err);
	if (rc) {
		json_decref(res);
		return rc;
	}
	json_object_set_new(res, "clocks", clocks);
	json_object_set_new(res, "timeline", public_timeline(ctx, case_id, received_on));
	fz_case_receipt_json(ctx, case_id, res);
	*out = res;
	return FZ_OK;
}

/* ---- catalogue (主动公开) ------------------------------------------------------ */

const struct fz_option fz_disc_categories[] = {
	{"functions", "机构职能"},   {"normdoc", "规范性文件"},
	{"plans", "规划计划"},       {"budget", "财政预决算"},
	{"licensing", "行政许可"},   {"penalty", "行政处罚"},
	{"coercion", "行政强制"},    {"fees", "行政事业性收费"},
	{"personnel", "人事信息"},   {"other", "其他"},
	{NULL, NULL},
};

static enum fz_code item_json(struct fz_ctx *ctx, int64_t item_id, bool public_only, bool scoped,
			      json_t **out, struct fz_err *err);

enum fz_code fz_disc_item_create(struct fz_ctx *ctx, const struct fz_disc_item *it,
				 json_t **out, struct fz_err *err)
{
	if (it->published_on < it->created_on)
		return fz_err_set(err, FZ_EBAD_DATE, "published_on", "公开日期不能早于信息形成日期");
	if (it->valid_until >= 0 && it->valid_until < it->published_on)
		return fz_err_set(err, FZ_EBAD_DATE, "valid_until", "有效期截止日不能早于公开日期");
	/* 第26条: made public within 20 working days of being created or changed. */
	int limit;
	enum fz_code rc = fz_calendar_add_workdays(ctx->cal, it->created_on, 20, &limit);
	if (rc == FZ_EDATE_RANGE) {
		/*
		 * The 20 working days run into a year whose holidays are not loaded
		 * yet (created in late December). Published within 20 calendar days
		 * it is on time whatever the holidays (20 working days are at least
		 * 20 days); later than that, counted on weekends only until the
		 * year's calendar is loaded.
		 */
		struct fz_calendar *prov = fz_calendar_provisional(ctx->cal);
		rc = prov ? fz_calendar_add_workdays(prov, it->created_on, 20, &limit) : FZ_EINTERNAL;
		fz_calendar_free(prov);
		if (rc == FZ_OK && it->published_on <= it->created_on + 20)
			limit = it->published_on;
	}
	if (rc)
		return fz_err_set(err, FZ_EDATE_RANGE, "created_on", NULL);
	bool late = it->published_on > limit;
	int y, m, d;
	fz_date_to_ymd(it->published_on, &y, &m, &d);
	char created[11], published[11], valid[11], now[21];
	fz_date_format(it->created_on, created);
	fz_date_format(it->published_on, published);
	if (it->valid_until >= 0)
		fz_date_format(it->valid_until, valid);
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	/* 索引号: agency code / year - serial, unique within the county. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO number_seq(agency_id, code, year, last_no) VALUES (?, '索引', ?, 1)"
		" ON CONFLICT (agency_id, code, year) DO UPDATE SET last_no = number_seq.last_no + 1"
		" RETURNING last_no, (SELECT code FROM agency WHERE agency_id = ?)",
		"iIi", it->agency_id, y, it->agency_id);
	if (!st || !fz_stmt_row(st)) {
		fz_stmt_done(st);
		rc = fz_err_set(err, FZ_EBAD_VALUE, "agency_id", "单位不存在");
		goto fail;
	}
	char index_no[64];
	snprintf(index_no, sizeof index_no, "%s/%04d-%05lld", fz_col_text(st, 1), y,
		 (long long)fz_col_int(st, 0));
	fz_stmt_done(st);
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO disclosure_item(index_no, agency_id, category, title, body,"
			 " created_on, published_on, valid_until, late, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING item_id",
			 "titttttt" "It", index_no, it->agency_id, it->category, it->title, it->body,
			 created, published, it->valid_until >= 0 ? valid : NULL, late ? 1 : 0, now);
	int64_t id = 0;
	if (!st || (rc = fz_stmt_exec_id(st, &id, err)))
		goto fail_code;
	struct fz_search_field text[] = {{"title", it->title}, {"body", it->body}};
	if ((rc = fz_search_index(ctx->db, "disclosure_item", id, text, 2, err)))
		goto fail;
	char *after = fz_arena_printf(ctx->arena, "{\"index_no\":\"%s\",\"late\":%s}", index_no,
				      late ? "true" : "false");
	struct fz_event ev = {.entity = "disclosure_item", .action = "item_publish",
			      .note = it->title, .after = after};
	if ((rc = fz_audit_append(ctx, &ev, NULL, err)) || (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	/* Unscoped: the caller checked the agency before the write (the demo runs as no user). */
	return item_json(ctx, id, false, false, out, err);
fail_code:
	rc = err->code;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

#define ITEM_COLS                                                                              \
	"i.item_id, i.index_no, i.agency_id, a.name, i.category, i.title, i.created_on,"       \
	" i.published_on, i.valid_until, i.late"

static json_t *item_row(struct fz_stmt *st)
{
	json_t *o = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:b}", "item_id",
			      (json_int_t)fz_col_int(st, 0), "index_no", fz_col_text(st, 1),
			      "agency_id", (json_int_t)fz_col_int(st, 2), "agency_name",
			      fz_col_text(st, 3), "category", fz_col_text(st, 4), "category_label",
			      fz_option_label(fz_disc_categories, fz_col_text(st, 4)), "title",
			      fz_col_text(st, 5), "created_on", fz_col_text(st, 6), "published_on",
			      fz_col_text(st, 7), "valid_until", fz_col_text(st, 8), "late",
			      fz_col_int(st, 9) != 0);
	return o;
}

/* ---- the catalogue lists (platform/lists.h) -------------------------------------- */

static json_t *list_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	return item_row(st);
}

/* The portal lists what is published by today. */
static enum fz_code published_by_today(struct fz_list_run *run, struct fz_err *err)
{
	(void)err;
	char *today = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(run->ctx->today, today);
	fz_list_where(run, "i.published_on <= ?");
	fz_list_bind_text(run, today);
	return FZ_OK;
}

static const char *const title_like[] = {"i.title", NULL};

/* Counted by category beside the list, under the other filters (category_counts). */
static const struct fz_list_filter item_filters[] = {
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "i.agency_id = ?"},
	{.param = "category", .label = "信息类别", .kind = FZ_LF_OPTION, .sql = "i.category = ?",
	 .options = fz_disc_categories},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50,
	 .index = "disclosure_item", .key = "i.item_id", .like = title_like},
	{.param = NULL},
};

static const struct fz_list_col item_cols[] = {
	{.key = "index_no", .header = "索引号", .width = 22},
	{.key = "title", .header = "标题", .width = 40},
	{.key = "category_label", .header = "信息类别", .width = 16},
	{.key = "agency_name", .header = "发布单位", .width = 24},
	{.key = "created_on", .header = "生成日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "published_on", .header = "公开日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "valid_until", .header = "有效期至", .kind = FZ_LC_DATE, .width = 12},
	{.key = "late", .header = "超过20个工作日公开", .kind = FZ_LC_BOOL},
	{.key = NULL},
};

#define ITEM_LIST                                                                              \
	.select = ITEM_COLS, .from = "disclosure_item i JOIN agency a ON a.agency_id = i.agency_id", \
	.count_from = "disclosure_item i", .filters = item_filters,                            \
	.order = "i.published_on DESC, i.item_id DESC", .facet = "category", .row = list_row

/*
 * The staff catalogue is scoped like cases: an agency's staff list their own
 * agency's items, drafts included, and none of another agency's (a filter
 * naming another agency finds nothing). What is published the portal lists
 * for everyone.
 */
const struct fz_list fz_disc_items_list = {
	.name = "主动公开信息",
	ITEM_LIST,
	.scope = "i.agency_id",
	.columns = item_cols,
};

const struct fz_list fz_disc_public_items_list = {
	.name = "政府信息公开目录",
	ITEM_LIST,
	.prepare = published_by_today,
};

/*
 * One item; public_only: published only; scoped: only an item of an agency the
 * user may see (another agency's is answered like a missing one, draft or not).
 */
static enum fz_code item_json(struct fz_ctx *ctx, int64_t item_id, bool public_only, bool scoped,
			      json_t **out, struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " ITEM_COLS ", i.body FROM disclosure_item i"
					 " JOIN agency a ON a.agency_id = i.agency_id"
					 " WHERE i.item_id = ? AND (? = 0 OR i.published_on <= ?)",
					 "iIt", item_id, public_only ? 1 : 0, today);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st) || (scoped && !fz_ctx_may_see(ctx, fz_col_int(st, 2)))) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "该信息不存在或尚未公开");
	}
	json_t *o = item_row(st);
	fz_json_set_str(o, "body", fz_col_text(st, 10));
	fz_stmt_done(st);
	*out = o;
	return FZ_OK;
}

enum fz_code fz_disc_item_json(struct fz_ctx *ctx, int64_t item_id, bool public_only,
			       json_t **out, struct fz_err *err)
{
	return item_json(ctx, item_id, public_only, !public_only, out, err);
}
