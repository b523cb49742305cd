/*
 * norm_filing.c - the result of a filing (备案审查结果): what the county
 * people's congress standing committee or the next-higher government answers
 * on a filed document (予以备案 / 要求纠正 / 撤销), recorded by the legal office
 * with its day and note. The filing itself (one per receiving body, due within
 * the filing period of publication) is written on issue and on the file step
 * (norm_draft.c); the figures 报备率, 及时率, 纠错数 are counted from these rows.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"

const struct fz_option fz_norm_filing_results[] = {
	{"filed_ok", "予以备案"},
	{"correct", "要求纠正"},
	{"revoke", "撤销"},
	{NULL, NULL},
};

const struct fz_option fz_norm_filing_recipients[] = {
	{"npc", "县人大常委会"},
	{"government", "上一级人民政府"},
	{NULL, NULL},
};

const struct fz_input fz_norm_filing_result_inputs[] = {
	{.name = "result", .label = "备案审查结果", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_norm_filing_results},
	{.name = "result_on", .label = "结果日期", .type = FZ_IN_DATE, .required = true},
	{.name = "note", .label = "结果说明", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
	{.name = NULL},
};

json_t *fz_norm_filings_json(struct fz_ctx *ctx, int64_t doc_id, int64_t version_id)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT filing_id, recipient, due_on, filed_on, on_time, complete, result, result_on,"
		" result_note FROM norm_filing WHERE doc_id = ? AND (? = 0 OR version_id = ?)"
		" ORDER BY filing_id",
		"iii", doc_id, version_id, version_id);
	while (st && fz_stmt_row(st)) {
		json_t *o = json_object();
		json_object_set_new(o, "filing_id", json_integer(fz_col_int(st, 0)));
		const char *r = fz_col_text(st, 1);
		fz_json_set_str(o, "recipient", r);
		fz_json_set_str(o, "recipient_label", fz_option_label(fz_norm_filing_recipients, r));
		fz_json_set_str(o, "due_on", fz_col_text(st, 2));
		fz_json_set_str(o, "filed_on", fz_col_null(st, 3) ? NULL : fz_col_text(st, 3));
		if (!fz_col_null(st, 4))
			json_object_set_new(o, "on_time", json_boolean(fz_col_int(st, 4)));
		if (!fz_col_null(st, 5))
			json_object_set_new(o, "complete", json_boolean(fz_col_int(st, 5)));
		const char *res = fz_col_null(st, 6) ? NULL : fz_col_text(st, 6);
		fz_json_set_str(o, "result", res);
		fz_json_set_str(o, "result_label",
				res ? fz_option_label(fz_norm_filing_results, res) : NULL);
		fz_json_set_str(o, "result_on", fz_col_null(st, 7) ? NULL : fz_col_text(st, 7));
		fz_json_set_str(o, "result_note", fz_col_null(st, 8) ? NULL : fz_col_text(st, 8));
		json_array_append_new(a, o);
	}
	fz_stmt_done(st);
	return a;
}

enum fz_code fz_norm_filing_result(struct fz_ctx *ctx, int64_t filing_id, json_t *in,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT f.filed_on, d.case_id, f.recipient, f.doc_id, n.status, f.result"
		" FROM norm_filing f JOIN norm_document n ON n.doc_id = f.doc_id"
		" LEFT JOIN norm_draft d ON d.doc_id = f.doc_id AND d.version_id = f.version_id"
		" WHERE f.filing_id = ?",
		"i", filing_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	const char *filed = found && !fz_col_null(st, 0) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0))
						       : NULL;
	int64_t case_id = found && !fz_col_null(st, 1) ? fz_col_int(st, 1) : 0;
	const char *recipient = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 2)) : "";
	int64_t doc_id = found ? fz_col_int(st, 3) : 0;
	bool in_force = found && strcmp(fz_col_text(st, 4), "in_force") == 0;
	bool was_revoked = found && !fz_col_null(st, 5) && strcmp(fz_col_text(st, 5), "revoke") == 0;
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "备案记录不存在");
	if (!filed)
		return fz_err_set(err, FZ_ESTATE, NULL, "该文件尚未报送%s备案，不能登记备案审查结果",
				  fz_option_label(fz_norm_filing_recipients, recipient));
	const char *result = fz_json_str(in, "result"), *note = fz_json_str(in, "note");
	if (strcmp(result, "filed_ok") != 0 && (!note || fz_text_blank(note)))
		return fz_err_set(err, FZ_EMISSING_FIELD, "note", "要求纠正或者撤销的，请填写结果说明（纠正或者撤销的理由）");
	int day, filed_day;
	fz_date_parse(fz_json_str(in, "result_on"), &day);
	fz_date_parse(filed, &filed_day);
	if (day < filed_day)
		return fz_err_set(err, FZ_EBAD_DATE, "result_on", "结果日期不能早于报送备案日期（%s）", filed);
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "result_on", "结果日期不能晚于今天");
	if (was_revoked && strcmp(result, "revoke") != 0)
		return fz_err_set(err, FZ_ESTATE, "result",
				  "该文件已被%s撤销，撤销的结果不能改登为其他结果",
				  fz_option_label(fz_norm_filing_recipients, recipient));
	bool revoke = strcmp(result, "revoke") == 0 && in_force;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	st = fz_db_query(ctx->db, err,
			 "UPDATE norm_filing SET result = ?, result_on = ?, result_note = ?,"
			 " result_by = NULLIF(?, 0) WHERE filing_id = ?",
			 "tttii", result, fz_json_str(in, "result_on"),
			 note && !fz_text_blank(note) ? note : NULL,
			 ctx->user ? ctx->user->user_id : (int64_t)0, filing_id);
	/*
	 * 撤销 by the body the document was filed with (监督法 第三十条 for the standing
	 * committee, 地方组织法 for the next-higher government, and the province's
	 * filing rules): a document still in force ends that day.
	 */
	if (!(rc = fz_stmt_exec(st, err)) && revoke)
		rc = fz_norm_end(ctx, doc_id, day, "revoke",
				 fz_arena_printf(ctx->arena, "%s备案审查撤销：%s",
						 fz_option_label(fz_norm_filing_recipients, recipient), note),
				 err);
	if (rc ||
	    (rc = fz_norm_audit(ctx, case_id, "norm_filing", "filing_result", note, in,
				fz_arena_printf(ctx->arena, "{\"filing_id\":%lld}", (long long)filing_id),
				err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

enum fz_code fz_norm_filing_result_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "备案记录不存在", err);
	if (!rc)
		rc = fz_norm_filing_result(req->ctx, id, req->body, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(req->ctx->db, err,
					 "SELECT doc_id FROM norm_filing WHERE filing_id = ?", "i", id);
	int64_t doc = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	json_t *all = fz_norm_filings_json(req->ctx, doc, 0);
	*out = json_pack("{s:I, s:o}", "filing_id", (json_int_t)id, "filings", all);
	return FZ_OK;
}
