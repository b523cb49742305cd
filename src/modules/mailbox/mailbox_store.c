/*
 * mailbox_store.c - the mailbox's SQL: its table, registering letters, the
 * domain half of each transition, and the public and statistical views.
 */
#include <stdio.h>
#include <string.h>

#include "modules/mailbox/mailbox_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

const struct fz_migration fz_mailbox_migrations[] = {
	{"mailbox-001",
	 "CREATE TABLE mailbox_letter ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record, writer_name TEXT NOT NULL,"
	 " phone TEXT NOT NULL, category TEXT NOT NULL, subject TEXT NOT NULL,"
	 " content TEXT NOT NULL, publish_ok INTEGER NOT NULL, office_agency_id INTEGER NOT NULL,"
	 " reply_text TEXT, reply_agency_id INTEGER, replied_on TEXT, published_on TEXT,"
	 " close_reason TEXT);"
	 "CREATE INDEX mailbox_letter_published ON mailbox_letter(published_on);"},
	{NULL, NULL},
};

enum fz_code fz_mailbox_submit(struct fz_ctx *ctx, const struct fz_letter *l,
			       struct fz_case_row *out, struct fz_err *err)
{
	int64_t office = l->agency_id ? l->agency_id : fz_county_office(ctx->db);
	if (!office)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未配置受理来信的单位");
	json_t *in = json_pack("{s:s, s:s, s:s, s:b}", "category", l->category, "subject",
			       l->subject, "content", l->content, "publish_ok", l->publish_ok);
	char *input = fz_json_text(ctx->arena, in, NULL);
	json_decref(in);
	char *body = fz_arena_printf(ctx->arena, "%s\n%s", l->content, l->writer_name);
	struct fz_case_new n = {.case_type = "mailbox", .agency_id = office, .title = l->subject,
				.body = body, .received_on = l->received_on, .tracking = true,
				.receipt = true, .input = input};
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO mailbox_letter(case_id, writer_name, phone, category, subject, content,"
		" publish_ok, office_agency_id) VALUES (?,?,?,?,?,?,?,?)",
		"itttttIi", out->case_id, l->writer_name, l->phone, l->category, l->subject,
		l->content, l->publish_ok ? 1 : 0, office);
	if (!st || (rc = fz_stmt_exec(st, err))) {
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

enum fz_code fz_mailbox_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = NULL;
	if (strcmp(tr->name, "assign") == 0) {
		int64_t to = json_integer_value(json_object_get(input, "agency_id"));
		/* A letter assigned where nobody can open it would sit there unanswered. */
		st = fz_db_query(ctx->db, err,
				 "SELECT a.name, (SELECT COUNT(*) FROM app_user u WHERE u.agency_id = a.agency_id"
				 " AND u.disabled = 0 AND u.role IN ('agency_clerk', 'agency_head'))"
				 " FROM agency a WHERE a.agency_id = ?",
				 "i", to);
		if (!st)
			return err->code;
		bool row = fz_stmt_row(st), ok = row && fz_col_int(st, 1) > 0;
		const char *name = row ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
		fz_stmt_done(st);
		if (!ok)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id",
					  "“%s”没有可以办理来信的账号（部门经办人员或负责人），请改派其他单位，"
					  "或由管理员先为该单位开设账号",
					  name ? name : "该单位");
		c->agency_id = to;
		return FZ_OK;
	}
	if (strcmp(tr->name, "return") == 0) {
		st = fz_db_query(ctx->db, err,
				 "SELECT office_agency_id FROM mailbox_letter WHERE case_id = ?", "i",
				 c->case_id);
		if (!st)
			return err->code;
		if (fz_stmt_row(st))
			c->agency_id = fz_col_int(st, 0);
		fz_stmt_done(st);
		return FZ_OK;
	}
	if (strcmp(tr->name, "reply") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE mailbox_letter SET reply_text = ?, reply_agency_id = ?"
				 " WHERE case_id = ?",
				 "tii", fz_json_str(input, "reply_text"), c->agency_id, c->case_id);
	} else if (strcmp(tr->name, "approve") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE mailbox_letter SET replied_on = ? WHERE case_id = ?", "ti", today,
				 c->case_id);
	} else if (strcmp(tr->name, "publish") == 0) {
		/* The writer's consent is the row's guard (mailbox_flow.c). */
		st = fz_db_query(ctx->db, err,
				 "UPDATE mailbox_letter SET published_on = ? WHERE case_id = ?", "ti",
				 today, c->case_id);
	} else if (strcmp(tr->name, "close") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE mailbox_letter SET close_reason = ? WHERE case_id = ?", "ti",
				 fz_json_str(input, "reason"), c->case_id);
	} else {
		return FZ_OK;
	}
	return fz_stmt_exec(st, err);
}

enum fz_code fz_mailbox_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			       struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT m.writer_name, m.phone, m.category, m.subject, m.content, m.publish_ok,"
		" m.reply_text, a.name, m.replied_on, m.published_on, m.close_reason"
		" FROM mailbox_letter m LEFT JOIN agency a ON a.agency_id = m.reply_agency_id"
		" WHERE m.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		fz_json_set_str(obj, "writer_name", fz_col_text(st, 0));
		fz_json_set_str(obj, "phone", fz_col_text(st, 1));
		fz_json_set_str(obj, "category", fz_col_text(st, 2));
		fz_json_set_str(obj, "category_label", fz_mailbox_category_label(fz_col_text(st, 2)));
		fz_json_set_str(obj, "subject", fz_col_text(st, 3));
		fz_json_set_str(obj, "content", fz_col_text(st, 4));
		json_object_set_new(obj, "publish_ok", json_boolean(fz_col_int(st, 5)));
		fz_json_set_str(obj, "reply_text", fz_col_text(st, 6));
		fz_json_set_str(obj, "reply_agency_name", fz_col_text(st, 7));
		fz_json_set_str(obj, "replied_on", fz_col_text(st, 8));
		fz_json_set_str(obj, "published_on", fz_col_text(st, 9));
		fz_json_set_str(obj, "close_reason", fz_col_text(st, 10));
	}
	fz_stmt_done(st);
	return FZ_OK;
}

/* What the writer sees of each event: no staff names, no internal notes. */
static const char *public_label(const char *action, const char *agency)
{
	(void)agency;
	if (strcmp(action, "create") == 0)
		return "来信已受理";
	if (strcmp(action, "assign") == 0)
		return "已转交承办单位办理";
	if (strcmp(action, "return") == 0)
		return "承办单位申请调整，正在重新分办";
	if (strcmp(action, "reply") == 0)
		return "承办单位已拟办答复，正在审核";
	if (strcmp(action, "reject") == 0)
		return "答复正在修改完善";
	if (strcmp(action, "approve") == 0)
		return "已答复";
	if (strcmp(action, "publish") == 0)
		return "答复已在网站公开";
	if (strcmp(action, "close") == 0)
		return "不予办理";
	if (strcmp(action, "convert") == 0)
		return "已转为信访事项办理";
	return NULL;
}

enum fz_code fz_mailbox_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.case_id, c.number, c.state, c.received_on, m.subject, m.category,"
		" m.reply_text, m.replied_on, a.name, m.close_reason, c.tracking_code"
		" FROM case_record c JOIN mailbox_letter m ON m.case_id = c.case_id"
		" LEFT JOIN agency a ON a.agency_id = m.reply_agency_id"
		" WHERE c.tracking_code = ? AND c.case_type = 'mailbox'",
		"t", code);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "没有找到该查询码对应的来信，请核对后重试");
	}
	int64_t case_id = fz_col_int(st, 0);
	const char *state = fz_col_text(st, 2);
	const struct fz_state *s = fz_flow_state(&fz_mailbox_type, state);
	json_t *o = json_object();
	fz_json_set_str(o, "tracking_code", fz_col_text(st, 10));
	fz_json_set_str(o, "number", fz_col_text(st, 1));
	fz_json_set_str(o, "state", state);
	fz_json_set_str(o, "state_label", s ? s->label : state);
	fz_json_set_str(o, "received_on", fz_col_text(st, 3));
	fz_json_set_str(o, "subject", fz_col_text(st, 4));
	fz_json_set_str(o, "category_label", fz_mailbox_category_label(fz_col_text(st, 5)));
	bool answered = strcmp(state, "answered") == 0 || strcmp(state, "published") == 0;
	if (answered)
		json_object_set_new(o, "reply",
				    json_pack("{s:s?, s:s?, s:s?}", "text", fz_col_text(st, 6),
					      "replied_on", fz_col_text(st, 7), "agency_name",
					      fz_col_text(st, 8)));
	else
		json_object_set_new(o, "reply", json_null());
	if (strcmp(state, "closed") == 0)
		fz_json_set_str(o, "close_reason", fz_col_text(st, 9));
	fz_stmt_done(st);

	json_t *clocks;
	enum fz_code rc = fz_case_clocks_json(ctx, case_id, &clocks, err);
	if (rc) {
		json_decref(o);
		return rc;
	}
	json_t *reply_clock = NULL;
	size_t i;
	json_t *k;
	json_array_foreach(clocks, i, k)
	{
		if (strcmp(fz_json_str(k, "name"), "reply") == 0)
			reply_clock = json_incref(k);
	}
	json_decref(clocks);
	json_object_set_new(o, "due_date",
			    reply_clock ? json_incref(json_object_get(reply_clock, "due_date"))
					: json_null());
	json_object_set_new(o, "clock", reply_clock ? reply_clock : json_null());
	fz_case_receipt_json(ctx, case_id, o);

	json_t *timeline = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT at, action FROM event WHERE case_id = ? AND entity = 'case'"
			 " ORDER BY event_id",
			 "i", case_id);
	while (st && fz_stmt_row(st)) {
		const char *label = public_label(fz_col_text(st, 1), NULL);
		if (label)
			json_array_append_new(timeline, json_pack("{s:s, s:s}", "at", fz_col_text(st, 0),
								  "label", label));
	}
	fz_stmt_done(st);
	json_object_set_new(o, "timeline", timeline);
	*out = o;
	return FZ_OK;
}

/* ---- the published replies (platform/lists.h) ----------------------------------- */

static const char *const reply_like[] = {"m.subject", "m.content", "m.reply_text", NULL};

static const struct fz_list_filter reply_filters[] = {
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = reply_like},
	{.param = NULL},
};

/* What the portal shows of a published letter: never the writer. */
static const struct fz_list_col reply_cols[] = {
	{"number", "c.number", FZ_LC_TEXT},
	{"subject", "m.subject", FZ_LC_TEXT},
	{"category_label", "m.category", FZ_LC_LABEL, fz_mailbox_categories},
	{"content", "m.content", FZ_LC_TEXT},
	{"reply_text", "m.reply_text", FZ_LC_TEXT},
	{"replied_on", "m.replied_on", FZ_LC_DATE},
	{"agency_name", "a.name", FZ_LC_TEXT},
	{NULL},
};

const struct fz_list fz_mailbox_replies_list = {
	.name = "公开答复",
	.from = "mailbox_letter m JOIN case_record c ON c.case_id = m.case_id"
		" LEFT JOIN agency a ON a.agency_id = m.reply_agency_id",
	.count_from = "mailbox_letter m",
	.where = "m.published_on IS NOT NULL",
	.filters = reply_filters,
	.order = "m.replied_on DESC, m.case_id DESC",
	.per_page = 10,
	.per_page_max = 50,
	.columns = reply_cols,
};

static json_t *rate_row(json_t *o, int64_t received, int64_t answered, int64_t on_time)
{
	json_object_set_new(o, "received", json_integer(received));
	json_object_set_new(o, "answered", json_integer(answered));
	json_object_set_new(o, "on_time", json_integer(on_time));
	/* 按期答复率 = on time / answered, one decimal; null when nothing was answered. */
	json_object_set_new(o, "on_time_rate",
			    answered ? json_real((double)((on_time * 1000 + answered / 2) / answered) / 10.0)
				     : json_null());
	return o;
}

enum fz_code fz_mailbox_stats_json(struct fz_ctx *ctx, int year, json_t **out,
				   struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	/* One row per letter of the year: category, handling agency, answered, on time. */
	static const char *by_cat =
		"SELECT m.category, COUNT(*),"
		" SUM(CASE WHEN c.state IN ('answered', 'published') THEN 1 ELSE 0 END),"
		" SUM(CASE WHEN c.state IN ('answered', 'published') AND k.stopped_on <= k.due_date"
		"  THEN 1 ELSE 0 END)"
		" FROM case_record c JOIN mailbox_letter m ON m.case_id = c.case_id"
		" LEFT JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'reply'"
		" WHERE c.case_type = 'mailbox' AND c.received_on >= ? AND c.received_on <= ?"
		" AND (? = 0 OR c.agency_id = ?) GROUP BY m.category";
	static const char *by_agency =
		"SELECT a.agency_id, a.name, COUNT(*),"
		" SUM(CASE WHEN c.state IN ('answered', 'published') THEN 1 ELSE 0 END),"
		" SUM(CASE WHEN c.state IN ('answered', 'published') AND k.stopped_on <= k.due_date"
		"  THEN 1 ELSE 0 END)"
		" FROM case_record c JOIN agency a ON a.agency_id = c.agency_id"
		" LEFT JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'reply'"
		" WHERE c.case_type = 'mailbox' AND c.received_on >= ? AND c.received_on <= ?"
		" AND (? = 0 OR c.agency_id = ?) GROUP BY a.agency_id, a.name ORDER BY 3 DESC, 1";
	int64_t scope = fz_ctx_sees_all(ctx) ? 0 : (ctx->user ? ctx->user->agency_id : -1);
	/* The year's total is the module's figure (mailbox_report.c), counted once there. */
	long tr = 0;
	enum fz_code rc = fz_figure_value(ctx, "mailbox.letters.received", year, scope, &tr, err);
	if (rc)
		return rc;
	json_t *cats = json_array(), *ags = json_array();
	int64_t ta = 0, tt = 0;
	for (const struct fz_option *o = fz_mailbox_categories; o->value; o++) {
		json_t *row = json_pack("{s:s, s:s}", "category", o->value, "label", o->label);
		rate_row(row, 0, 0, 0);
		json_array_append_new(cats, row);
	}
	struct fz_stmt *st = fz_db_query(ctx->db, err, by_cat, "ttii", lo, hi, scope, scope);
	while (st && fz_stmt_row(st)) {
		size_t i;
		json_t *row;
		json_array_foreach(cats, i, row)
		{
			if (strcmp(fz_json_str(row, "category"), fz_col_text(st, 0)) == 0)
				rate_row(row, fz_col_int(st, 1), fz_col_int(st, 2), fz_col_int(st, 3));
		}
		ta += fz_col_int(st, 2);
		tt += fz_col_int(st, 3);
	}
	fz_stmt_done(st);
	st = fz_db_query(ctx->db, err, by_agency, "ttii", lo, hi, scope, scope);
	while (st && fz_stmt_row(st)) {
		json_t *row = json_pack("{s:I, s:s}", "agency_id", (json_int_t)fz_col_int(st, 0),
					"agency_name", fz_col_text(st, 1));
		json_array_append_new(ags, rate_row(row, fz_col_int(st, 2), fz_col_int(st, 3),
						    fz_col_int(st, 4)));
	}
	fz_stmt_done(st);
	if (!st) {
		json_decref(cats);
		json_decref(ags);
		return err->code;
	}
	*out = json_pack("{s:i, s:o, s:o, s:o}", "year", year, "totals", rate_row(json_object(), tr, ta, tt),
			 "by_category", cats, "by_agency", ags);
	return FZ_OK;
}
