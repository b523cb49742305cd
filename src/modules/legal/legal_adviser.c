/*
 * legal_adviser.c - the county's legal advisers (政府法律顾问) and public
 * lawyers (公职律师), kept by the legal office: the register, the
 * engagements (which agency, for which period, for what fee), and the
 * opinions an adviser gives on a case of any procedure (a legality review, a
 * decision, a contract, a matter), keyed by the case, so the case's agency
 * scope is theirs.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/legal/legal_int.h"
#include "platform/jsonx.h"

#define BIG 9000000000000000000L

const struct fz_input fz_legal_adviser_inputs[] = {
    {.name = "name", .label = "姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 30},
    {.name = "kind",
     .label = "类别",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_legal_adviser_kinds},
    {.name = "firm",
     .label = "律师事务所或者工作单位",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 100},
    {.name = "licence_no",
     .label = "执业证号",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 30},
    {.name = "specialities", .label = "专业特长", .type = FZ_IN_TEXTAREA, .max_chars = 500},
    {.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .max_chars = 20},
    {.name = "term_from", .label = "聘任期起", .type = FZ_IN_DATE, .required = true},
    {.name = "term_to", .label = "聘任期止", .type = FZ_IN_DATE, .required = true},
    {.name = "active", .label = "在聘", .type = FZ_IN_BOOL},
    {.name = NULL},
};

const struct fz_input fz_legal_adviser_edit_inputs[] = {
    {.name = "adviser_id",
     .label = "法律顾问",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = BIG},
    {.name = "name", .label = "姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 30},
    {.name = "kind",
     .label = "类别",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_legal_adviser_kinds},
    {.name = "firm",
     .label = "律师事务所或者工作单位",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 100},
    {.name = "licence_no",
     .label = "执业证号",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 30},
    {.name = "specialities", .label = "专业特长", .type = FZ_IN_TEXTAREA, .max_chars = 500},
    {.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .max_chars = 20},
    {.name = "term_from", .label = "聘任期起", .type = FZ_IN_DATE, .required = true},
    {.name = "term_to", .label = "聘任期止", .type = FZ_IN_DATE, .required = true},
    {.name = "active", .label = "在聘", .type = FZ_IN_BOOL, .required = true},
    {.name = NULL},
};

const struct fz_input fz_legal_engagement_inputs[] = {
    {.name = "adviser_id",
     .label = "法律顾问",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = BIG},
    {.name = "agency_id", .label = "聘请单位", .type = FZ_IN_AGENCY, .required = true},
    {.name = "start_on", .label = "服务期起", .type = FZ_IN_DATE, .required = true},
    {.name = "end_on", .label = "服务期止", .type = FZ_IN_DATE, .required = true},
    {.name = "fee",
     .label = "服务费用（元）",
     .type = FZ_IN_INT,
     .required = true,
     .min = 0,
     .max = 100000000},
    {.name = "scope", .label = "服务范围", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
    {.name = NULL},
};

const struct fz_input fz_legal_opinion_inputs[] = {
    {.name = "adviser_id",
     .label = "法律顾问",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = BIG},
    {.name = "step", .label = "涉及环节", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "kind",
     .label = "参与方式",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_legal_opinion_kinds},
    {.name = "given_on", .label = "日期", .type = FZ_IN_DATE, .required = true},
    {.name = "summary",
     .label = "意见摘要",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 4000},
    {.name = NULL},
};

static int64_t int_of(json_t *in, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(in, key));
}

struct adviser {
	bool found, active;
	char name[128], term_from[11], term_to[11];
};

static enum fz_code adviser_get(struct fz_ctx *ctx, int64_t id, struct adviser *v,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT name, term_from, term_to, active FROM legal_adviser WHERE adviser_id = ?", "i",
	    id);
	if (!st)
		return err->code;
	*v = (struct adviser){.found = fz_stmt_row(st)};
	if (v->found) {
		snprintf(v->name, sizeof v->name, "%s", fz_col_text(st, 0));
		snprintf(v->term_from, sizeof v->term_from, "%s", fz_col_text(st, 1));
		snprintf(v->term_to, sizeof v->term_to, "%s", fz_col_text(st, 2));
		v->active = fz_col_int(st, 3);
	}
	fz_stmt_done(st);
	return FZ_OK;
}

enum fz_code fz_legal_adviser_save(struct fz_ctx *ctx, json_t *in, bool create, int64_t *id,
				   struct fz_err *err)
{
	const char *from = fz_json_str(in, "term_from"), *to = fz_json_str(in, "term_to");
	if (strcmp(to, from) < 0)
		return fz_err_set(err, FZ_EBAD_DATE, "term_to", "聘任期止不能早于聘任期起");
	*id = create ? 0 : int_of(in, "adviser_id");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if (!create) {
		struct adviser v;
		if ((rc = adviser_get(ctx, *id, &v, err)))
			goto fail;
		if (!v.found) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "adviser_id", "没有这名法律顾问");
			goto fail;
		}
	}
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT name FROM legal_adviser WHERE licence_no = ? AND adviser_id <> ?",
	    "ti", fz_json_str(in, "licence_no"), *id);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	if (fz_stmt_row(st)) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "licence_no", "执业证号 %s 已登记（%s）",
				fz_json_str(in, "licence_no"), fz_col_text(st, 0));
		fz_stmt_done(st);
		goto fail;
	}
	fz_stmt_done(st);
	json_t *a = json_object_get(in, "active");
	int active = !a || json_is_true(a);
	char now[21];
	fz_iso_utc(ctx->now, now);
	if (create)
		rc = fz_stmt_exec_id(
		    fz_db_query(
			ctx->db, err,
			"INSERT INTO legal_adviser(name, kind, firm, licence_no, specialities,"
			" phone, term_from, term_to, active, created_at)"
			" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING adviser_id",
			"ttttttttIt", fz_json_str(in, "name"), fz_json_str(in, "kind"),
			fz_json_str(in, "firm"), fz_json_str(in, "licence_no"),
			fz_json_str(in, "specialities"), fz_json_str(in, "phone"), from, to, active,
			now),
		    id, err);
	else
		rc = fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE legal_adviser SET name = ?, kind = ?, firm = ?,"
				" licence_no = ?, specialities = ?, phone = ?, term_from = ?,"
				" term_to = ?, active = ? WHERE adviser_id = ?",
				"ttttttttIi", fz_json_str(in, "name"), fz_json_str(in, "kind"),
				fz_json_str(in, "firm"), fz_json_str(in, "licence_no"),
				fz_json_str(in, "specialities"), fz_json_str(in, "phone"), from, to,
				active, *id),
		    err);
	if (!rc)
		rc = fz_legal_audit(ctx, 0, "legal_adviser",
				    create ? "adviser_create" : "adviser_update",
				    fz_json_str(in, "name"), in, err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_legal_engagement_add(struct fz_ctx *ctx, json_t *in, int64_t *id,
				     struct fz_err *err)
{
	const char *from = fz_json_str(in, "start_on"), *to = fz_json_str(in, "end_on");
	if (strcmp(to, from) < 0)
		return fz_err_set(err, FZ_EBAD_DATE, "end_on", "服务期止不能早于服务期起");
	struct adviser v;
	enum fz_code rc = adviser_get(ctx, int_of(in, "adviser_id"), &v, err);
	if (rc)
		return rc;
	if (!v.found)
		return fz_err_set(err, FZ_EBAD_VALUE, "adviser_id", "没有这名法律顾问");
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	char now[21];
	fz_iso_utc(ctx->now, now);
	rc = fz_stmt_exec_id(
	    fz_db_query(ctx->db, err,
			"INSERT INTO legal_engagement(adviser_id, agency_id, start_on, end_on, fee,"
			" scope, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING engagement_id",
			"iittitt", int_of(in, "adviser_id"), int_of(in, "agency_id"), from, to,
			int_of(in, "fee"), fz_json_str(in, "scope"), now),
	    id, err);
	if (!rc)
		rc = fz_legal_audit(ctx, 0, "legal_engagement", "engagement_create", v.name, in,
				    err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

/* ---- opinions on a case ------------------------------------------------------------------------
 */

enum fz_code fz_legal_opinion_add(struct fz_ctx *ctx, int64_t case_id, json_t *in, int64_t *seq,
				  struct fz_err *err)
{
	struct adviser v;
	enum fz_code rc = adviser_get(ctx, int_of(in, "adviser_id"), &v, err);
	if (rc)
		return rc;
	if (!v.found)
		return fz_err_set(err, FZ_EBAD_VALUE, "adviser_id", "没有这名法律顾问");
	const char *on = fz_json_str(in, "given_on");
	int day = 0;
	fz_date_parse(on, &day);
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "given_on", "日期不能晚于今天");
	if (strcmp(on, v.term_from) < 0 || strcmp(on, v.term_to) > 0)
		return fz_err_set(err, FZ_EBAD_DATE, "given_on",
				  "%s 的聘任期为 %s 至 %s，该日期不在聘任期内", v.name, v.term_from,
				  v.term_to);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_case_row c;
	if ((rc = fz_case_load(ctx, case_id, false, &c, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	rc = fz_stmt_exec_id(
	    fz_db_query(ctx->db, err,
			"INSERT INTO legal_adviser_opinion(case_id, seq, adviser_id, step, kind,"
			" given_on, summary, created_by, created_at)"
			" VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM legal_adviser_opinion"
			" WHERE case_id = ?), ?, ?, ?, ?, ?, ?, ?) RETURNING seq",
			"iiittttit", case_id, case_id, int_of(in, "adviser_id"),
			fz_json_str(in, "step"), fz_json_str(in, "kind"), on,
			fz_json_str(in, "summary"), ctx->user ? ctx->user->user_id : (int64_t)0,
			now),
	    seq, err);
	if (!rc)
		rc = fz_legal_audit(ctx, case_id, "legal_adviser_opinion", "adviser_opinion",
				    fz_arena_printf(ctx->arena, "%s（%s）：%s", v.name,
						    fz_option_label(fz_legal_opinion_kinds,
								    fz_json_str(in, "kind")),
						    fz_json_str(in, "step")),
				    in, err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_legal_opinion_remove(struct fz_ctx *ctx, int64_t case_id, int64_t seq,
				     struct fz_err *err)
{
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	/* Who recorded it: an agency's staff delete only their own records, the office any. */
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT step, COALESCE(created_by, 0) FROM legal_adviser_opinion"
			" WHERE case_id = ? AND seq = ?",
			"ii", case_id, seq);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	bool found = fz_stmt_row(st);
	const char *step = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	int64_t by = found ? fz_col_int(st, 1) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		rc = err->code;
		goto fail;
	}
	/* 422, not 404: the case exists and is the caller's; the number names no opinion. */
	if (!found) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "seq", "该案件没有第 %lld 条法律顾问意见",
				(long long)seq);
		goto fail;
	}
	if (ctx->user && !(ctx->user->role & FZ_ROLES_LEGAL) && ctx->user->user_id != by) {
		rc = fz_err_set(err, FZ_EFORBIDDEN, NULL,
				"只能删除本人记录的法律顾问意见；其他记录请联系法制机构");
		goto fail;
	}
	if ((rc = fz_stmt_exec(
		 fz_db_query(ctx->db, err,
			     "DELETE FROM legal_adviser_opinion WHERE case_id = ? AND seq = ?",
			     "ii", case_id, seq),
		 err)))
		goto fail;
	if ((rc = fz_legal_audit(ctx, case_id, "legal_adviser_opinion", "adviser_opinion_remove",
				 fz_arena_printf(ctx->arena, "删除法律顾问意见第 %lld 条：%s",
						 (long long)seq, step),
				 NULL, err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_legal_opinions_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				    struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT o.seq, o.adviser_id, v.name, v.kind, v.firm, o.step, o.kind, o.given_on,"
	    " o.summary, u.display_name, o.created_at"
	    " FROM legal_adviser_opinion o JOIN legal_adviser v ON v.adviser_id = o.adviser_id"
	    " LEFT JOIN app_user u ON u.user_id = o.created_by"
	    " WHERE o.case_id = ? ORDER BY o.given_on, o.seq",
	    "i", case_id);
	if (!st)
		return err->code;
	json_t *items = json_array();
	while (fz_stmt_row(st)) {
		json_t *o = json_pack(
		    "{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "seq",
		    (json_int_t)fz_col_int(st, 0), "adviser_id", (json_int_t)fz_col_int(st, 1),
		    "adviser_name", fz_col_text(st, 2), "adviser_kind", fz_col_text(st, 3),
		    "adviser_kind_label",
		    fz_option_label(fz_legal_adviser_kinds, fz_col_text(st, 3)), "firm",
		    fz_col_text(st, 4), "step", fz_col_text(st, 5), "kind", fz_col_text(st, 6),
		    "kind_label", fz_option_label(fz_legal_opinion_kinds, fz_col_text(st, 6)),
		    "given_on", fz_col_text(st, 7), "summary", fz_col_text(st, 8));
		fz_json_set_str(o, "recorded_by", fz_col_text(st, 9));
		fz_json_set_str(o, "recorded_at", fz_col_text(st, 10));
		json_array_append_new(items, o);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(items);
		return err->code;
	}
	*out = json_pack("{s:I, s:o, s:I}", "case_id", (json_int_t)case_id, "items", items, "total",
			 (json_int_t)json_array_size(items));
	return FZ_OK;
}

/* ---- figures per adviser ------------------------------------------------------------------------
 */

enum fz_code fz_legal_adviser_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id,
					 json_t **out, struct fz_err *err)
{
	char from[11], to[11];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT v.adviser_id, v.name, v.kind, v.firm, v.active,"
	    " (SELECT COUNT(*) FROM legal_adviser_opinion o JOIN case_record c ON c.case_id = "
	    "o.case_id"
	    "  WHERE o.adviser_id = v.adviser_id AND o.given_on >= ?1 AND o.given_on <= ?2"
	    "  AND (?3 = 0 OR c.agency_id = ?3)),"
	    " (SELECT COUNT(*) FROM legal_adviser_opinion o JOIN case_record c ON c.case_id = "
	    "o.case_id"
	    "  WHERE o.adviser_id = v.adviser_id AND o.given_on >= ?1 AND o.given_on <= ?2"
	    "  AND (?3 = 0 OR c.agency_id = ?3) AND o.kind = 'written'),"
	    " (SELECT COUNT(*) FROM legal_adviser_opinion o JOIN case_record c ON c.case_id = "
	    "o.case_id"
	    "  WHERE o.adviser_id = v.adviser_id AND o.given_on >= ?1 AND o.given_on <= ?2"
	    "  AND (?3 = 0 OR c.agency_id = ?3) AND o.kind = 'meeting'),"
	    " (SELECT COUNT(*) FROM legal_adviser_opinion o JOIN case_record c ON c.case_id = "
	    "o.case_id"
	    "  WHERE o.adviser_id = v.adviser_id AND o.given_on >= ?1 AND o.given_on <= ?2"
	    "  AND (?3 = 0 OR c.agency_id = ?3) AND o.kind = 'oral'),"
	    " (SELECT COUNT(*) FROM legal_engagement e WHERE e.adviser_id = v.adviser_id"
	    "  AND e.start_on <= ?2 AND e.end_on >= ?1 AND (?3 = 0 OR e.agency_id = ?3)),"
	    " (SELECT COALESCE(SUM(e.fee), 0) FROM legal_engagement e WHERE e.adviser_id = "
	    "v.adviser_id"
	    "  AND e.start_on <= ?2 AND e.end_on >= ?1 AND (?3 = 0 OR e.agency_id = ?3))"
	    " FROM legal_adviser v ORDER BY v.adviser_id",
	    "tti", from, to, agency_id);
	if (!st)
		return err->code;
	json_t *rows = json_array();
	json_int_t t[6] = {0};
	while (fz_stmt_row(st)) {
		json_int_t n[6];
		for (int i = 0; i < 6; i++)
			t[i] += n[i] = (json_int_t)fz_col_int(st, 5 + i);
		json_array_append_new(
		    rows, json_pack("{s:I, s:s, s:s, s:s, s:s, s:b, s:I, s:I, s:I, s:I, s:I, s:I}",
				    "adviser_id", (json_int_t)fz_col_int(st, 0), "name",
				    fz_col_text(st, 1), "kind", fz_col_text(st, 2), "kind_label",
				    fz_option_label(fz_legal_adviser_kinds, fz_col_text(st, 2)),
				    "firm", fz_col_text(st, 3), "active", (int)fz_col_int(st, 4),
				    "opinions", n[0], "written", n[1], "meetings", n[2], "oral",
				    n[3], "engagements", n[4], "fees", n[5]));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(rows);
		return err->code;
	}
	*out = json_pack("{s:i, s:I, s:o, s:{s:I, s:I, s:I, s:I, s:I, s:I}}", "year", year,
			 "agency_id", (json_int_t)agency_id, "advisers", rows, "total", "opinions",
			 t[0], "written", t[1], "meetings", t[2], "oral", t[3], "engagements", t[4],
			 "fees", t[5]);
	return FZ_OK;
}

/* ---- lists
 * ----------------------------------------------------------------------------------------- */

static const char *const adviser_like[] = {"v.name", "v.firm", "v.specialities", "v.licence_no",
					   NULL};

static const struct fz_list_filter adviser_filters[] = {
    {.param = "kind",
     .label = "类别",
     .kind = FZ_LF_OPTION,
     .sql = "v.kind = ?",
     .options = fz_legal_adviser_kinds,
     .labels_too = true},
    {.param = "active", .label = "在聘", .kind = FZ_LF_FLAG, .sql = "v.active = 1"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = adviser_like},
    {.param = NULL},
};

static const struct fz_list_sort adviser_sorts[] = {
    {.name = "name", .expr = "v.name"},
    {.name = "term_to", .expr = "v.term_to"},
    {.name = "created_at", .expr = "v.adviser_id"},
    {.name = NULL},
};

static const struct fz_list_col adviser_cols[] = {
    {.key = "adviser_id", .sql = "v.adviser_id", .kind = FZ_LC_NUMBER},
    {.key = "name", .sql = "v.name", .header = "姓名", .width = 10},
    {.key = "kind", .sql = "v.kind"},
    {.key = "kind_label",
     .sql = "v.kind",
     .kind = FZ_LC_LABEL,
     .options = fz_legal_adviser_kinds,
     .header = "类别",
     .width = 10},
    {.key = "firm", .sql = "v.firm", .header = "律师事务所或者工作单位", .width = 30},
    {.key = "licence_no", .sql = "v.licence_no", .header = "执业证号", .width = 20},
    {.key = "specialities", .sql = "v.specialities", .header = "专业特长", .width = 30},
    {.key = "phone", .sql = "v.phone", .header = "联系电话", .width = 14},
    {.key = "term_from",
     .sql = "v.term_from",
     .kind = FZ_LC_DATE,
     .header = "聘任期起",
     .width = 12},
    {.key = "term_to", .sql = "v.term_to", .kind = FZ_LC_DATE, .header = "聘任期止", .width = 12},
    {.key = "active", .sql = "v.active", .kind = FZ_LC_BOOL, .header = "在聘", .width = 6},
    {.key = "opinions",
     .sql = "(SELECT COUNT(*) FROM legal_adviser_opinion o"
	    " WHERE o.adviser_id = v.adviser_id)",
     .kind = FZ_LC_NUMBER,
     .header = "提供意见（次）",
     .width = 10},
    {.key = NULL},
};

const struct fz_list fz_legal_advisers_list = {
    .name = "法律顾问",
    .from = "legal_adviser v",
    .filters = adviser_filters,
    .sorts = adviser_sorts,
    .sort_default = "created_at",
    .tiebreak = "v.adviser_id",
    .columns = adviser_cols,
};

static const struct fz_list_filter engagement_filters[] = {
    {.param = "adviser_id", .label = "法律顾问", .kind = FZ_LF_ID, .sql = "e.adviser_id = ?"},
    {.param = "agency_id", .label = "聘请单位", .kind = FZ_LF_AGENCY, .sql = "e.agency_id = ?"},
    {.param = "year", .label = "服务年度", .kind = FZ_LF_YEAR, .sql = "e.start_on"},
    {.param = NULL},
};

static const struct fz_list_sort engagement_sorts[] = {
    {.name = "start_on", .expr = "e.start_on"},
    {.name = "fee", .expr = "e.fee"},
    {.name = NULL},
};

static const struct fz_list_col engagement_cols[] = {
    {.key = "engagement_id", .sql = "e.engagement_id", .kind = FZ_LC_NUMBER},
    {.key = "adviser_id", .sql = "e.adviser_id", .kind = FZ_LC_NUMBER},
    {.key = "adviser_name", .sql = "v.name", .header = "法律顾问", .width = 10},
    {.key = "adviser_kind", .sql = "v.kind"},
    {.key = "adviser_kind_label",
     .sql = "v.kind",
     .kind = FZ_LC_LABEL,
     .options = fz_legal_adviser_kinds,
     .header = "类别",
     .width = 10},
    {.key = "firm", .sql = "v.firm", .header = "律师事务所或者工作单位", .width = 30},
    {.key = "agency_id", .sql = "e.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "聘请单位", .width = 24},
    {.key = "start_on", .sql = "e.start_on", .kind = FZ_LC_DATE, .header = "服务期起", .width = 12},
    {.key = "end_on", .sql = "e.end_on", .kind = FZ_LC_DATE, .header = "服务期止", .width = 12},
    {.key = "fee", .sql = "e.fee", .kind = FZ_LC_NUMBER, .header = "服务费用（元）", .width = 14},
    {.key = "scope", .sql = "e.scope", .header = "服务范围", .width = 36},
    {.key = NULL},
};

const struct fz_list fz_legal_engagements_list = {
    .name = "法律顾问聘请",
    .from = "legal_engagement e JOIN legal_adviser v ON v.adviser_id = e.adviser_id"
	    " JOIN agency a ON a.agency_id = e.agency_id",
    .scope = "e.agency_id",
    .filters = engagement_filters,
    .sorts = engagement_sorts,
    .sort_default = "-start_on",
    .tiebreak = "e.engagement_id",
    .columns = engagement_cols,
};

static const struct fz_list_filter opinion_filters[] = {
    {.param = "year", .label = "年度", .kind = FZ_LF_YEAR, .sql = "o.given_on"},
    {.param = "kind",
     .label = "参与方式",
     .kind = FZ_LF_OPTION,
     .sql = "o.kind = ?",
     .options = fz_legal_opinion_kinds,
     .labels_too = true},
    {.param = "adviser_id", .label = "法律顾问", .kind = FZ_LF_ID, .sql = "o.adviser_id = ?"},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "type", .label = "案件类别", .kind = FZ_LF_CASE_TYPE, .sql = "c.case_type = ?"},
    {.param = NULL},
};

static const struct fz_list_sort opinion_sorts[] = {
    {.name = "given_on", .expr = "o.given_on"},
    {.name = NULL},
};

static const struct fz_list_col opinion_cols[] = {
    {.key = "case_id", .sql = "o.case_id", .kind = FZ_LC_NUMBER},
    {.key = "seq", .sql = "o.seq", .kind = FZ_LC_NUMBER},
    {.key = "number", .sql = "c.number", .header = "案件编号", .width = 20},
    {.key = "title", .sql = "c.title", .header = "案件名称", .width = 36},
    {.key = "case_type", .sql = "c.case_type"},
    {.key = "agency_id", .sql = "c.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "单位", .width = 24},
    {.key = "adviser_id", .sql = "o.adviser_id", .kind = FZ_LC_NUMBER},
    {.key = "adviser_name", .sql = "v.name", .header = "法律顾问", .width = 10},
    {.key = "step", .sql = "o.step", .header = "涉及环节", .width = 20},
    {.key = "kind", .sql = "o.kind"},
    {.key = "kind_label",
     .sql = "o.kind",
     .kind = FZ_LC_LABEL,
     .options = fz_legal_opinion_kinds,
     .header = "参与方式",
     .width = 10},
    {.key = "given_on", .sql = "o.given_on", .kind = FZ_LC_DATE, .header = "日期", .width = 12},
    {.key = "summary", .sql = "o.summary", .header = "意见摘要", .width = 48},
    {.key = NULL},
};

const struct fz_list fz_legal_opinions_list = {
    .name = "法律顾问意见",
    .from = "legal_adviser_opinion o JOIN case_record c ON c.case_id = o.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " JOIN legal_adviser v ON v.adviser_id = o.adviser_id",
    .scope = "c.agency_id",
    .shared = "o.case_id",
    .filters = opinion_filters,
    .sorts = opinion_sorts,
    .sort_default = "-given_on",
    .tiebreak = "o.case_id, o.seq",
    .columns = opinion_cols,
};
