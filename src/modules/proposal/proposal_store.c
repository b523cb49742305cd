/*
 * proposal_store.c - the module's SQL: sessions, items and their authors,
 * co-handlers, contacts, reply rounds; the domain half of each transition and
 * the detail fields.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/proposal/proposal_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

const struct fz_migration fz_proposal_migrations[] = {
    {"proposal-001",
     "CREATE TABLE proposal_session ("
     " session_id INTEGER PRIMARY KEY, body TEXT NOT NULL, name TEXT NOT NULL UNIQUE,"
     " opens_on TEXT NOT NULL, closes_on TEXT NOT NULL);"
     "CREATE TABLE proposal_item ("
     " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
     " session_id INTEGER NOT NULL REFERENCES proposal_session, body TEXT NOT NULL,"
     " item_no TEXT NOT NULL, title TEXT NOT NULL, content TEXT NOT NULL,"
     " difficult INTEGER NOT NULL DEFAULT 0, round INTEGER NOT NULL DEFAULT 1,"
     " assigned_on TEXT, first_due_on TEXT, first_replied_on TEXT, on_time INTEGER,"
     " result TEXT, reply_text TEXT, replied_on TEXT, rating TEXT, rated_on TEXT,"
     " published_on TEXT, UNIQUE (session_id, item_no));"
     "CREATE TABLE proposal_author ("
     " author_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES proposal_item,"
     " ord INTEGER NOT NULL, name TEXT NOT NULL, unit TEXT);"
     "CREATE INDEX proposal_author_case ON proposal_author(case_id);"
     "CREATE TABLE proposal_cohandler ("
     " case_id INTEGER NOT NULL REFERENCES proposal_item, agency_id INTEGER NOT NULL REFERENCES "
     "agency,"
     " opinion TEXT, answered_on TEXT, waived_reason TEXT, PRIMARY KEY (case_id, agency_id));"
     "CREATE TABLE proposal_contact ("
     " contact_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES proposal_item,"
     " round INTEGER NOT NULL, contact_on TEXT NOT NULL, way TEXT NOT NULL, summary TEXT NOT NULL);"
     "CREATE INDEX proposal_contact_case ON proposal_contact(case_id);"
     "CREATE TABLE proposal_round ("
     " case_id INTEGER NOT NULL REFERENCES proposal_item, round INTEGER NOT NULL,"
     " started_on TEXT NOT NULL, due_on TEXT NOT NULL, result TEXT, reply_text TEXT,"
     " replied_on TEXT, on_time INTEGER, rating TEXT, comment TEXT, rated_on TEXT,"
     " PRIMARY KEY (case_id, round));"},
    {NULL, NULL},
};

int fz_proposal_add_months(int day, int months)
{
	int y, m, d;
	fz_date_to_ymd(day, &y, &m, &d);
	int idx = (y * 12 + (m - 1)) + months;
	int ny = idx / 12, nm = idx % 12 + 1;
	/* The last day of the target month: the day before the first of the next. */
	int last = fz_date_from_ymd(nm == 12 ? ny + 1 : ny, nm == 12 ? 1 : nm + 1, 1) - 1;
	int cand = fz_date_from_ymd(ny, nm, 1) + d - 1;
	return cand > last ? last : cand;
}

static enum fz_code exec(struct fz_stmt *st, struct fz_err *err)
{
	return st ? fz_stmt_exec(st, err) : err->code;
}

/* ---- sessions ------------------------------------------------------------------ */

enum fz_code fz_proposal_session_create(struct fz_ctx *ctx, json_t *in, int64_t *id,
					struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, fz_proposal_session_inputs, 8, in, NULL, err);
	if (rc)
		return rc;
	const char *opens = fz_json_str(in, "opens_on"), *closes = fz_json_str(in, "closes_on");
	if (strcmp(closes, opens) < 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "closes_on", "闭幕日期不能早于开幕日期");
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err, "SELECT COUNT(*) FROM proposal_session WHERE name = ?", "t",
			fz_json_str(in, "name"));
	if (!st)
		return err->code;
	long n = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (n)
		return fz_err_set(err, FZ_EBAD_VALUE, "name", "已有同名会次：%s",
				  fz_json_str(in, "name"));
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO proposal_session(body, name, opens_on, closes_on) VALUES (?,?,?,?)"
	    " RETURNING session_id",
	    "tttt", fz_json_str(in, "body"), fz_json_str(in, "name"), opens, closes);
	return st ? fz_stmt_exec_id(st, id, err) : err->code;
}

enum fz_code fz_proposal_sessions_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT s.session_id, s.body, s.name, s.opens_on, s.closes_on,"
			" (SELECT COUNT(*) FROM proposal_item i WHERE i.session_id = s.session_id)"
			" FROM proposal_session s ORDER BY s.opens_on DESC, s.session_id DESC",
			NULL);
	if (!st)
		return err->code;
	json_t *items = json_array();
	while (fz_stmt_row(st)) {
		json_t *o = json_object();
		json_object_set_new(o, "session_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(o, "body", fz_col_text(st, 1));
		fz_json_set_str(o, "body_label",
				fz_option_label(fz_proposal_bodies, fz_col_text(st, 1)));
		fz_json_set_str(o, "name", fz_col_text(st, 2));
		fz_json_set_str(o, "opens_on", fz_col_text(st, 3));
		fz_json_set_str(o, "closes_on", fz_col_text(st, 4));
		json_object_set_new(o, "items", json_integer(fz_col_int(st, 5)));
		json_array_append_new(items, o);
	}
	fz_stmt_done(st);
	*out = json_pack("{s:o}", "items", items);
	return FZ_OK;
}

/* ---- items --------------------------------------------------------------------- */

/* authors: [{name, unit}], one or more; checked before anything is written. */
static enum fz_code check_authors(json_t *authors, struct fz_err *err)
{
	if (!json_is_array(authors) || json_array_size(authors) == 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "authors",
				  "请填写提出人（领衔代表或委员），至少一人");
	if (json_array_size(authors) > 50)
		return fz_err_set(err, FZ_EBAD_VALUE, "authors", "提出人最多 50 人");
	size_t i;
	json_t *a;
	json_array_foreach (authors, i, a) {
		const char *name = fz_json_str(a, "name"), *unit = fz_json_str(a, "unit");
		if (!name || fz_text_blank(name) || fz_utf8_chars(name) > 30 ||
		    fz_text_has_controls(name, false))
			return fz_err_set(err, FZ_EBAD_VALUE, "authors",
					  "第 %zu 位提出人的姓名应为 1 至 30 个字", i + 1);
		if (unit && (fz_utf8_chars(unit) > 100 || fz_text_has_controls(unit, false)))
			return fz_err_set(err, FZ_EBAD_VALUE, "authors",
					  "第 %zu 位提出人的代表团（界别）不能超过 100 个字",
					  i + 1);
	}
	return FZ_OK;
}

enum fz_code fz_proposal_item_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				     struct fz_err *err)
{
	static const char *const extra[] = {"authors", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_proposal_item_inputs, 8, in, extra, err);
	if (rc)
		return rc;
	json_t *authors = json_object_get(in, "authors");
	if ((rc = check_authors(authors, err)))
		return rc;
	int64_t sid = json_integer_value(json_object_get(in, "session_id"));
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT body, opens_on FROM proposal_session WHERE session_id = ?", "i",
	    sid);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EBAD_VALUE, "session_id", "会次不存在，请先登记会次");
	}
	const char *body = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
	fz_stmt_done(st);
	const char *no = fz_json_str(in, "item_no");
	st = fz_db_query(ctx->db, err,
			 "SELECT COUNT(*) FROM proposal_item WHERE session_id = ? AND item_no = ?",
			 "it", sid, no);
	if (!st)
		return err->code;
	long dup = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (dup)
		return fz_err_set(err, FZ_EBAD_VALUE, "item_no", "本会次已有第 %s 号%s", no,
				  strcmp(body, "npc") == 0 ? "建议" : "提案");
	int64_t office = fz_county_office(ctx->db);
	if (!office)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未配置县人民政府（办公室）");
	int received = ctx->today; /* registered the day it is entered */
	const char *title = fz_json_str(in, "title"), *content = fz_json_str(in, "content");
	char *input = fz_json_text(ctx->arena, in, NULL);
	struct fz_case_new n = {.case_type = "proposal",
				.agency_id = office,
				.title = title,
				.body = content,
				.received_on = received,
				.input = input};
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	if ((rc = exec(
		 fz_db_query(ctx->db, err,
			     "INSERT INTO proposal_item(case_id, session_id, body, item_no, title,"
			     " content) VALUES (?,?,?,?,?,?)",
			     "iittt"
			     "t",
			     out->case_id, sid, body, no, title, content),
		 err)))
		goto fail;
	size_t i;
	json_t *a;
	json_array_foreach (authors, i, a) {
		if ((rc = exec(fz_db_query(ctx->db, err,
					   "INSERT INTO proposal_author(case_id, ord, name, unit)"
					   " VALUES (?,?,?,?)",
					   "iItt", out->case_id, (int)i + 1, fz_json_str(a, "name"),
					   fz_json_str(a, "unit")),
			       err)))
			goto fail;
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- transitions --------------------------------------------------------------- */

static long months_for(struct fz_ctx *ctx, const char *body, bool difficult, bool rehandle)
{
	if (rehandle)
		return fz_setting_int(ctx->db, "proposal.rehandle_months", 1);
	bool npc = strcmp(body, "npc") == 0;
	if (difficult)
		return fz_setting_int(
		    ctx->db,
		    npc ? "proposal.npc_difficult_months" : "proposal.cppcc_difficult_months", 6);
	return fz_setting_int(ctx->db, npc ? "proposal.npc_months" : "proposal.cppcc_months", 3);
}

/* The running reply clock's due day ("" when none). */
static const char *reply_due(struct fz_ctx *ctx, int64_t case_id)
{
	json_t *clocks = NULL;
	struct fz_err e = {0};
	const char *due = "";
	if (fz_case_clocks_json(ctx, case_id, &clocks, &e))
		return due;
	size_t i;
	json_t *k;
	json_array_foreach (clocks, i, k) {
		if (strcmp(fz_json_str(k, "name"), "reply") != 0)
			continue;
		/* A due day in a year whose calendar is not loaded yet: the provisional one. */
		const char *d = fz_json_str(k, "due_date");
		if (!d)
			d = fz_json_str(k, "provisional_due_date");
		if (d)
			due = fz_arena_strdup(ctx->arena, d);
	}
	json_decref(clocks);
	return due;
}

static enum fz_code start_round(struct fz_ctx *ctx, struct fz_case_row *c, const char *body,
				bool difficult, int round, struct fz_err *err)
{
	int months = (int)months_for(ctx, body, difficult, round > 1);
	int due = fz_proposal_add_months(ctx->today, months);
	enum fz_code rc = fz_case_clock_start(ctx, c, "reply", ctx->today, due - ctx->today, err);
	if (rc)
		return rc;
	char today[11];
	fz_date_format(ctx->today, today);
	return exec(fz_db_query(ctx->db, err,
				"INSERT INTO proposal_round(case_id, round, started_on, due_on)"
				" VALUES (?,?,?,?)",
				"iItt", c->case_id, round, today, reply_due(ctx, c->case_id)),
		    err);
}

static bool agency_staffed(struct fz_ctx *ctx, int64_t id, const char **name)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, NULL,
	    "SELECT a.name, (SELECT COUNT(*) FROM app_user u WHERE u.agency_id = a.agency_id"
	    " AND u.disabled = 0 AND u.role IN ('agency_clerk', 'agency_head'))"
	    " FROM agency a WHERE a.agency_id = ? AND a.active = 1",
	    "i", id);
	bool row = st && fz_stmt_row(st), ok = row && fz_col_int(st, 1) > 0;
	*name = row ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : "该单位";
	fz_stmt_done(st);
	return ok;
}

/* "zjj、hbj" or "12,15": agency codes or ids, separated by commas, 、 or spaces. */
static enum fz_code parse_cohandlers(struct fz_ctx *ctx, const char *text, int64_t lead,
				     int64_t *ids, size_t *n, struct fz_err *err)
{
	*n = 0;
	if (!text)
		return FZ_OK;
	char *s = fz_arena_strdup(ctx->arena, text);
	/* 、 is three bytes in UTF-8; make it a comma first. */
	for (char *p = strstr(s, "、"); p; p = strstr(p, "、"))
		memcpy(p, ",  ", 3);
	for (char *p = s; *p; p++)
		if (*p == ' ' || *p == ';' || *p == '\t' || *p == '\n')
			*p = ',';
	for (char *tok = strtok(s, ","); tok; tok = strtok(NULL, ",")) {
		if (!*tok)
			continue;
		if (*n >= 10)
			return fz_err_set(err, FZ_EBAD_VALUE, "cohandlers", "协办单位最多 10 个");
		int64_t id = 0;
		if (!fz_parse_int(tok, 1, INT64_MAX, &id)) {
			struct fz_stmt *st = fz_db_query(
			    ctx->db, err, "SELECT agency_id FROM agency WHERE code = ?", "t", tok);
			if (!st)
				return err->code;
			id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
			fz_stmt_done(st);
		}
		const char *name;
		if (!id || !agency_staffed(ctx, id, &name))
			return fz_err_set(err, FZ_EBAD_VALUE, "cohandlers",
					  "协办单位“%s”不存在或没有可以办理的账号", tok);
		if (id == lead)
			return fz_err_set(err, FZ_EBAD_VALUE, "cohandlers",
					  "主办单位“%s”不能同时作为协办单位", name);
		for (size_t i = 0; i < *n; i++)
			if (ids[i] == id)
				return fz_err_set(err, FZ_EBAD_VALUE, "cohandlers",
						  "协办单位“%s”重复", name);
		ids[(*n)++] = id;
	}
	return FZ_OK;
}

struct item_now {
	char body[8];
	bool difficult;
	int round;
	char assigned_on[11];
};

static enum fz_code load_item(struct fz_ctx *ctx, int64_t case_id, struct item_now *it,
			      struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT body, difficult, round, assigned_on FROM proposal_item"
			" WHERE case_id = ?",
			"i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, "建议提案不存在");
	}
	snprintf(it->body, sizeof it->body, "%s", fz_col_text(st, 0));
	it->difficult = fz_col_int(st, 1) != 0;
	it->round = (int)fz_col_int(st, 2);
	snprintf(it->assigned_on, sizeof it->assigned_on, "%s",
		 fz_col_text(st, 3) ? fz_col_text(st, 3) : "");
	fz_stmt_done(st);
	return FZ_OK;
}

/* Steps of the lead agency: staff of a co-handler read the item but do not answer for it. */
static enum fz_code lead_only(struct fz_ctx *ctx, const struct fz_case_row *c, struct fz_err *err)
{
	if (ctx->user && (ctx->user->role & (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)) &&
	    ctx->user->agency_id != c->agency_id)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "此步骤由主办单位办理，协办单位请提交协办意见");
	return FZ_OK;
}

/*
 * A co-handler has answered or been excused: its own clock stops (cohandle_k,
 * k its rank by agency id among the item's co-handlers; proposal_flow.c).
 */
static enum fz_code stop_cohandle_clock(struct fz_ctx *ctx, const struct fz_case_row *c,
					int64_t agency_id, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT COUNT(*) FROM proposal_cohandler WHERE case_id = ? AND agency_id <= ?", "ii",
	    c->case_id, agency_id);
	if (!st)
		return err->code;
	long rank = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	char clk[32];
	snprintf(clk, sizeof clk, "cohandle_%ld", rank);
	return fz_case_clock_stop(ctx, c, clk, ctx->today, err);
}

enum fz_code fz_proposal_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	struct item_now it;
	enum fz_code rc = load_item(ctx, c->case_id, &it, err);
	if (rc)
		return rc;
	const char *name = tr->name;
	if (strcmp(name, "assign") == 0) {
		int64_t lead = json_integer_value(json_object_get(input, "agency_id"));
		const char *lname;
		if (!agency_staffed(ctx, lead, &lname))
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "agency_id",
			    "“%s”没有可以办理的账号（部门经办人员或负责人），请改派其他单位",
			    lname);
		int64_t ids[10];
		size_t n;
		if ((rc = parse_cohandlers(ctx, fz_json_str(input, "cohandlers"), lead, ids, &n,
					   err)))
			return rc;
		bool difficult = json_is_true(json_object_get(input, "difficult"));
		if ((rc = exec(fz_db_query(ctx->db, err,
					   "UPDATE proposal_item SET difficult = ?, assigned_on = ?"
					   " WHERE case_id = ?",
					   "Iti", difficult ? 1 : 0, today, c->case_id),
			       err)))
			return rc;
		for (size_t i = 0; i < n; i++)
			if ((rc = exec(
				 fz_db_query(ctx->db, err,
					     "INSERT INTO proposal_cohandler(case_id, agency_id)"
					     " VALUES (?,?)",
					     "ii", c->case_id, ids[i]),
				 err)))
				return rc;
		c->agency_id = lead;
		/* Each co-handler's own clock (cohandle_k: the k-th by agency id). */
		for (size_t i = 0; i < n; i++) {
			char clk[32];
			snprintf(clk, sizeof clk, "cohandle_%zu", i + 1);
			if ((rc = fz_case_clock_start(ctx, c, clk, ctx->today, 0, err)))
				return rc;
		}
		if ((rc = start_round(ctx, c, it.body, difficult, 1, err)))
			return rc;
		return exec(
		    fz_db_query(ctx->db, err,
				"UPDATE proposal_item SET first_due_on = ? WHERE case_id = ?", "ti",
				reply_due(ctx, c->case_id), c->case_id),
		    err);
	}
	if (strcmp(name, "cohandle") == 0 || strcmp(name, "cohandle_last") == 0) {
		int64_t mine = ctx->user ? ctx->user->agency_id : 0;
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT COUNT(*) FROM proposal_cohandler WHERE case_id = ? AND agency_id = ?"
		    " AND answered_on IS NULL AND waived_reason IS NULL",
		    "ii", c->case_id, mine);
		if (!st)
			return err->code;
		long pending = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!pending)
			return fz_err_set(err, FZ_EFORBIDDEN, NULL,
					  "本单位不是该件待提交意见的协办单位");
		if ((rc = exec(fz_db_query(ctx->db, err,
					   "UPDATE proposal_cohandler SET opinion = ?, answered_on = ?"
					   " WHERE case_id = ? AND agency_id = ?",
					   "ttii", fz_json_str(input, "opinion"), today, c->case_id,
					   mine),
			       err)))
			return rc;
		return stop_cohandle_clock(ctx, c, mine, err);
	}
	if (strcmp(name, "mark_difficult") == 0) {
		int assigned = ctx->today;
		fz_date_parse(it.assigned_on, &assigned);
		int due =
		    fz_proposal_add_months(assigned, (int)months_for(ctx, it.body, true, false));
		if ((rc = fz_case_clock_set_days(ctx, c, "reply", due - assigned, err)))
			return rc;
		const char *d = reply_due(ctx, c->case_id);
		if ((rc =
			 exec(fz_db_query(ctx->db, err,
					  "UPDATE proposal_item SET difficult = 1, first_due_on = ?"
					  " WHERE case_id = ?",
					  "ti", d, c->case_id),
			      err)))
			return rc;
		return exec(
		    fz_db_query(
			ctx->db, err,
			"UPDATE proposal_round SET due_on = ? WHERE case_id = ? AND round = 1",
			"ti", d, c->case_id),
		    err);
	}
	if (strcmp(name, "transfer") == 0) {
		int64_t to = json_integer_value(json_object_get(input, "agency_id"));
		const char *tname;
		if (to == c->agency_id)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id",
					  "新的主办单位与原主办单位相同");
		if (!agency_staffed(ctx, to, &tname))
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "agency_id",
			    "“%s”没有可以办理的账号（部门经办人员或负责人），请改派其他单位",
			    tname);
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT COUNT(*) FROM proposal_cohandler WHERE case_id = ? AND agency_id = ?",
		    "ii", c->case_id, to);
		if (!st)
			return err->code;
		long co = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (co)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id",
					  "“%s”是本件的协办单位，不能同时作为主办单位", tname);
		c->agency_id = to;
		return FZ_OK;
	}
	if ((rc = lead_only(ctx, c, err)))
		return rc;
	if (strcmp(name, "waive") == 0 || strcmp(name, "waive_last") == 0) {
		int64_t co = json_integer_value(json_object_get(input, "agency_id"));
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT COUNT(*) FROM proposal_cohandler WHERE case_id = ? AND agency_id = ?"
		    " AND answered_on IS NULL AND waived_reason IS NULL",
		    "ii", c->case_id, co);
		if (!st)
			return err->code;
		long pending = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!pending)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id",
					  "该单位不是本件尚未提交意见的协办单位");
		if ((rc = exec(fz_db_query(ctx->db, err,
					   "UPDATE proposal_cohandler SET waived_reason = ?"
					   " WHERE case_id = ? AND agency_id = ?",
					   "tii", fz_json_str(input, "reason"), c->case_id, co),
			       err)))
			return rc;
		return stop_cohandle_clock(ctx, c, co, err);
	}
	if (strcmp(name, "contact") == 0) {
		const char *on = fz_json_str(input, "contact_on");
		if (strcmp(on, today) > 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "contact_on", "沟通日期不能晚于今天");
		if (it.assigned_on[0] && strcmp(on, it.assigned_on) < 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "contact_on",
					  "沟通日期不能早于交办日期（%s）", it.assigned_on);
		return exec(
		    fz_db_query(ctx->db, err,
				"INSERT INTO proposal_contact(case_id, round, contact_on, way,"
				" summary) VALUES (?,?,?,?,?)",
				"iIttt", c->case_id, it.round, on, fz_json_str(input, "way"),
				fz_json_str(input, "summary")),
		    err);
	}
	if (strcmp(name, "reply") == 0) {
		const char *due = reply_due(ctx, c->case_id);
		int on_time = due[0] && strcmp(today, due) <= 0;
		const char *result = fz_json_str(input, "result"),
			   *text = fz_json_str(input, "reply_text");
		if ((rc = exec(
			 fz_db_query(ctx->db, err,
				     "UPDATE proposal_round SET result = ?, reply_text = ?,"
				     " replied_on = ?, on_time = ? WHERE case_id = ? AND round = ?",
				     "tttIiI", result, text, today, on_time, c->case_id, it.round),
			 err)))
			return rc;
		if (it.round == 1 &&
		    (rc = exec(
			 fz_db_query(ctx->db, err,
				     "UPDATE proposal_item SET first_replied_on = ?, on_time = ?"
				     " WHERE case_id = ?",
				     "tIi", today, on_time, c->case_id),
			 err)))
			return rc;
		return exec(
		    fz_db_query(
			ctx->db, err,
			"UPDATE proposal_item SET result = ?, reply_text = ?, replied_on = ?,"
			" rating = NULL, rated_on = NULL WHERE case_id = ?",
			"ttti", result, text, today, c->case_id),
		    err);
	}
	if (strcmp(name, "feedback") == 0 || strcmp(name, "dissatisfied") == 0) {
		const char *rating =
		    strcmp(name, "feedback") == 0 ? fz_json_str(input, "rating") : "dissatisfied";
		if ((rc = exec(fz_db_query(
				   ctx->db, err,
				   "UPDATE proposal_round SET rating = ?, comment = ?, rated_on = ?"
				   " WHERE case_id = ? AND round = ?",
				   "tttiI", rating, fz_json_str(input, "comment"), today,
				   c->case_id, it.round),
			       err)))
			return rc;
		if ((rc = exec(
			 fz_db_query(
			     ctx->db, err,
			     "UPDATE proposal_item SET rating = ?, rated_on = ? WHERE case_id = ?",
			     "tti", rating, today, c->case_id),
			 err)))
			return rc;
		if (strcmp(name, "feedback") == 0)
			return FZ_OK;
		if ((rc = exec(fz_db_query(ctx->db, err,
					   "UPDATE proposal_item SET round = ? WHERE case_id = ?",
					   "Ii", it.round + 1, c->case_id),
			       err)))
			return rc;
		return start_round(ctx, c, it.body, it.difficult, it.round + 1, err);
	}
	if (strcmp(name, "publish") == 0)
		return exec(
		    fz_db_query(ctx->db, err,
				"UPDATE proposal_item SET published_on = ? WHERE case_id = ?", "ti",
				today, c->case_id),
		    err);
	return FZ_OK;
}

/* ---- detail -------------------------------------------------------------------- */

enum fz_code fz_proposal_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	bool agency_user =
	    ctx->user && (ctx->user->role & (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD));
	int64_t mine = agency_user ? ctx->user->agency_id : 0;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT i.session_id, s.name, i.body, i.item_no, i.title, i.content, i.difficult,"
	    " i.round, i.assigned_on, i.first_due_on, i.first_replied_on, i.on_time, i.result,"
	    " i.reply_text, i.replied_on, i.rating, i.rated_on, i.published_on,"
	    " (SELECT COUNT(*) FROM proposal_cohandler h WHERE h.case_id = i.case_id"
	    "  AND h.answered_on IS NULL AND h.waived_reason IS NULL),"
	    " (SELECT COUNT(*) FROM proposal_contact k WHERE k.case_id = i.case_id"
	    "  AND k.round = i.round),"
	    " (SELECT agency_id FROM case_record c WHERE c.case_id = i.case_id),"
	    " (SELECT COUNT(*) FROM proposal_cohandler h WHERE h.case_id = i.case_id"
	    "  AND h.agency_id = ?),"
	    " (SELECT COUNT(*) FROM proposal_cohandler h WHERE h.case_id = i.case_id"
	    "  AND h.agency_id = ? AND h.answered_on IS NULL AND h.waived_reason IS NULL)"
	    " FROM proposal_item i JOIN proposal_session s ON s.session_id = i.session_id"
	    " WHERE i.case_id = ?",
	    "iii", mine, mine, case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return FZ_OK;
	}
	/*
	 * The caller's part in the item: the steps' guards read it, so the engine
	 * offers an agency only its own steps (the lead's, or its co-handling).
	 */
	const char *part = !agency_user			? "office"
			   : fz_col_int(st, 20) == mine ? "lead"
			   : fz_col_int(st, 22)		? "cohandler_due"
			   : fz_col_int(st, 21)		? "cohandler"
							: "other";
	fz_json_set_str(obj, "my_part", part);
	json_object_set_new(obj, "session_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(obj, "session_name", fz_col_text(st, 1));
	fz_json_set_str(obj, "body", fz_col_text(st, 2));
	fz_json_set_str(obj, "body_label", fz_option_label(fz_proposal_bodies, fz_col_text(st, 2)));
	fz_json_set_str(obj, "item_no", fz_col_text(st, 3));
	fz_json_set_str(obj, "title", fz_col_text(st, 4));
	fz_json_set_str(obj, "content", fz_col_text(st, 5));
	json_object_set_new(obj, "difficult", json_boolean(fz_col_int(st, 6)));
	json_object_set_new(obj, "round", json_integer(fz_col_int(st, 7)));
	fz_json_set_str(obj, "assigned_on", fz_col_text(st, 8));
	fz_json_set_str(obj, "first_due_on", fz_col_text(st, 9));
	fz_json_set_str(obj, "first_replied_on", fz_col_text(st, 10));
	json_object_set_new(obj, "on_time",
			    fz_col_null(st, 11) ? json_null() : json_boolean(fz_col_int(st, 11)));
	fz_json_set_str(obj, "result", fz_col_text(st, 12));
	fz_json_set_str(
	    obj, "result_label",
	    fz_col_text(st, 12) ? fz_option_label(fz_proposal_results, fz_col_text(st, 12)) : NULL);
	fz_json_set_str(obj, "reply_text", fz_col_text(st, 13));
	fz_json_set_str(obj, "replied_on", fz_col_text(st, 14));
	const char *rating = fz_col_text(st, 15);
	fz_json_set_str(obj, "rating", rating);
	fz_json_set_str(obj, "rating_label",
			!rating ? NULL
			: strcmp(rating, "dissatisfied") == 0
			    ? "不满意"
			    : fz_option_label(fz_proposal_ratings, rating));
	fz_json_set_str(obj, "rated_on", fz_col_text(st, 16));
	fz_json_set_str(obj, "published_on", fz_col_text(st, 17));
	json_object_set_new(obj, "published", json_boolean(!fz_col_null(st, 17)));
	json_object_set_new(obj, "cohandle_left", json_integer(fz_col_int(st, 18)));
	json_object_set_new(obj, "contacted", json_boolean(fz_col_int(st, 19) > 0));
	fz_stmt_done(st);

	json_t *arr = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT name, unit FROM proposal_author WHERE case_id = ? ORDER BY ord",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st))
		json_array_append_new(arr, json_pack("{s:s?, s:s?}", "name", fz_col_text(st, 0),
						     "unit", fz_col_text(st, 1)));
	fz_stmt_done(st);
	json_object_set_new(obj, "authors", arr);

	arr = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT h.agency_id, a.name, h.opinion, h.answered_on, h.waived_reason,"
			 " (SELECT COUNT(*) FROM proposal_cohandler x WHERE x.case_id = h.case_id"
			 "  AND x.agency_id <= h.agency_id)"
			 " FROM proposal_cohandler h JOIN agency a ON a.agency_id = h.agency_id"
			 " WHERE h.case_id = ? ORDER BY a.sort_order, a.agency_id",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st))
		json_array_append_new(
		    arr, json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s}", "agency_id",
				   (json_int_t)fz_col_int(st, 0), "agency_name", fz_col_text(st, 1),
				   "opinion", fz_col_text(st, 2), "answered_on", fz_col_text(st, 3),
				   "waived_reason", fz_col_text(st, 4), "clock",
				   fz_arena_printf(ctx->arena, "cohandle_%lld",
						   (long long)fz_col_int(st, 5))));
	fz_stmt_done(st);
	json_object_set_new(obj, "cohandlers", arr);

	arr = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT round, contact_on, way, summary FROM proposal_contact"
			 " WHERE case_id = ? ORDER BY contact_on, contact_id",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st))
		json_array_append_new(
		    arr, json_pack("{s:I, s:s?, s:s?, s:s?, s:s?}", "round",
				   (json_int_t)fz_col_int(st, 0), "contact_on", fz_col_text(st, 1),
				   "way", fz_col_text(st, 2), "way_label",
				   fz_option_label(fz_proposal_ways, fz_col_text(st, 2)), "summary",
				   fz_col_text(st, 3)));
	fz_stmt_done(st);
	json_object_set_new(obj, "contacts", arr);

	arr = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT round, started_on, due_on, result, replied_on, on_time, rating,"
			 " comment, rated_on FROM proposal_round WHERE case_id = ? ORDER BY round",
			 "i", case_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		json_t *r =
		    json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}", "round",
			      (json_int_t)fz_col_int(st, 0), "started_on", fz_col_text(st, 1),
			      "due_on", fz_col_text(st, 2), "result", fz_col_text(st, 3),
			      "replied_on", fz_col_text(st, 4), "rating", fz_col_text(st, 6),
			      "comment", fz_col_text(st, 7), "rated_on", fz_col_text(st, 8));
		json_object_set_new(r, "on_time",
				    fz_col_null(st, 5) ? json_null()
						       : json_boolean(fz_col_int(st, 5)));
		json_array_append_new(arr, r);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "rounds", arr);
	return FZ_OK;
}
