/*
 * review_letter.c - the opinion letter (合法性审核意见书) as Word.
 *
 * The letter is issued by the opinion step, inside its transaction: the legal
 * office's next number for the opinion's year (its short name and 法审, as
 * 青司法审〔2026〕12号; the serial kept in number_seq, so a number is drawn once
 * and never reused), the .docx written from the review as recorded (the
 * subject, each point with its basis, the conclusion), stored by its SHA-256
 * and linked into the hash-chained record. Every download answers that stored
 * file, so the number and the text never change.
 *
 * Not for: the opinion's rules (review_store.c).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/numbering.h"
#include "modules/review/review_int.h"
#include "platform/audit.h"
#include "platform/documents.h"
#include "platform/jsonx.h"

/* 类别代字 of the letter after the legal office's short name. */
#define LETTER_CODE "法审"

struct office {
	int64_t agency_id;
	char name[128], short_name[64];
};

/* The county's legal office (法制机构), which signs and numbers the letter. */
static enum fz_code legal_office(struct fz_ctx *ctx, struct office *o, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT agency_id, name, short_name FROM agency WHERE kind = 'legal_office'"
		" AND active = 1 ORDER BY agency_id LIMIT 1",
		"");
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		o->agency_id = fz_col_int(st, 0);
		snprintf(o->name, sizeof o->name, "%s", fz_col_text(st, 1));
		snprintf(o->short_name, sizeof o->short_name, "%s",
			 fz_col_text(st, 2) ? fz_col_text(st, 2) : "");
	}
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "单位名录中没有法制机构，无法为审核意见书编号，请管理员先登记");
	return FZ_OK;
}

static enum fz_code draw_number(struct fz_ctx *ctx, const struct office *o, int year,
				char number[64], long *serial, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO number_seq(agency_id, code, year, last_no) VALUES (?, ?, ?, 1)"
		" ON CONFLICT (agency_id, code, year) DO UPDATE SET last_no = number_seq.last_no + 1"
		" RETURNING last_no",
		"itI", o->agency_id, LETTER_CODE, year);
	if (!st)
		return err->code;
	*serial = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	if (!fz_number_format(number, 64, o->short_name, LETTER_CODE, year, *serial))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "审核意见书文号生成失败");
	return FZ_OK;
}

static const char *S(json_t *f, const char *key)
{
	const char *s = json_string_value(json_object_get(f, key));
	return s && *s ? s : NULL;
}

static const char *cn_date(struct fz_ctx *ctx, const char *iso)
{
	int d;
	if (!iso || fz_date_parse(iso, &d) != FZ_OK)
		return "    年  月  日";
	char buf[32];
	fz_date_chinese(d, buf);
	return fz_arena_strdup(ctx->arena, buf);
}

static const char *conclusion(const char *opinion)
{
	if (opinion && strcmp(opinion, "lawful") == 0)
		return "经审核，送审事项符合法律、法规、规章和上级行政规范性文件的规定，审核结论为：合法。";
	if (opinion && strcmp(opinion, "lawful_if_amended") == 0)
		return "经审核，送审事项按照上述意见修改后符合法律、法规、规章和上级行政规范性文件的规定，"
		       "审核结论为：修改后合法。请按上述意见修改，并将采纳情况书面反馈本机构。";
	return "经审核，送审事项存在上述不合法情形，审核结论为：不合法。请按上述意见重新起草后再行送审，"
	       "未经审核通过的，不得提交集体审议。";
}

static void write_letter(struct fz_ctx *ctx, struct fz_docx *d, const struct fz_case_row *c,
			 json_t *f, const struct office *o, const char *number)
{
	/* Addressed to the agency that submitted the subject. */
	const char *to = "";
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT name FROM agency WHERE agency_id = ?",
					 "i", c->agency_id);
	if (st && fz_stmt_row(st))
		to = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
	if (st)
		fz_stmt_done(st);
	fz_docx_para(d, FZ_P_TITLE, "合法性审核意见书");
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	fz_docx_para(d, FZ_P_PLAIN, fz_arena_printf(ctx->arena, "%s：", to));
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena,
				     "你单位于%s送审的%s《%s》（编号 %s）收悉。本机构依照国办发〔2018〕115号"
				     "及本县合法性审核规定进行了审核，现提出审核意见如下：",
				     cn_date(ctx, S(f, "submitted_on")),
				     S(f, "kind_label") ? S(f, "kind_label") : "",
				     S(f, "subject_title") ? S(f, "subject_title") : c->title,
				     S(f, "subject_number") ? S(f, "subject_number") : ""));
	json_t *points = json_object_get(f, "points");
	size_t n = json_array_size(points);
	if (n) {
		fz_docx_para(d, FZ_P_HEADING, "一、审核意见要点");
		const char **cells = fz_arena_alloc(ctx->arena, sizeof *cells * 3 * (n + 1));
		cells[0] = "序号";
		cells[1] = "审核意见";
		cells[2] = "法律依据";
		for (size_t i = 0; i < n; i++) {
			json_t *p = json_array_get(points, i);
			cells[3 * (i + 1)] = fz_arena_printf(ctx->arena, "%zu", i + 1);
			cells[3 * (i + 1) + 1] = S(p, "point") ? S(p, "point") : "";
			cells[3 * (i + 1) + 2] = S(p, "basis") ? S(p, "basis") : "";
		}
		static const int widths[] = {1, 6, 4};
		fz_docx_table(d, (int)n + 1, 3, cells, 1, widths);
		fz_docx_para(d, FZ_P_HEADING, "二、审核结论");
	} else {
		fz_docx_para(d, FZ_P_HEADING, "审核结论");
	}
	fz_docx_para(d, FZ_P_BODY, conclusion(S(f, "opinion")));
	if (S(f, "opinion_summary"))
		fz_docx_para(d, FZ_P_BODY, S(f, "opinion_summary"));
	fz_docx_para(d, FZ_P_PLAIN, "");
	fz_docx_para(d, FZ_P_RIGHT,
		     fz_arena_printf(ctx->arena, "审核人员：%s",
				     S(f, "opinion_by_name") ? S(f, "opinion_by_name")
							     : (S(f, "reviewer_name") ? S(f, "reviewer_name") : "")));
	fz_docx_para(d, FZ_P_RIGHT, o->name);
	fz_docx_para(d, FZ_P_RIGHT, cn_date(ctx, S(f, "opinion_on")));
}

enum fz_code fz_review_letter_issue(struct fz_ctx *ctx, int64_t case_id, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_case_load(ctx, case_id, true, &c, err);
	if (rc)
		return rc;
	struct office o;
	if ((rc = legal_office(ctx, &o, err)))
		return rc;
	json_t *f = json_object();
	if ((rc = fz_review_fields(ctx, case_id, f, err)))
		goto out;
	if (S(f, "letter_number")) /* issued once: never a second number */
		goto out;
	int day = ctx->today, y, m, dd;
	if (S(f, "opinion_on"))
		fz_date_parse(S(f, "opinion_on"), &day);
	fz_date_to_ymd(day, &y, &m, &dd);
	char number[64];
	long serial = 0;
	if ((rc = draw_number(ctx, &o, y, number, &serial, err)))
		goto out;
	struct fz_docx *d = fz_docx_new();
	if (!d) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto out;
	}
	write_letter(ctx, d, &c, f, &o, number);
	char *data = NULL;
	size_t len = 0;
	rc = fz_docx_finish(d, &data, &len, err);
	fz_docx_free(d);
	if (rc)
		goto out;
	unsigned char digest[crypto_hash_sha256_BYTES];
	char sha[65];
	crypto_hash_sha256(digest, (const unsigned char *)data, len);
	sodium_bin2hex(sha, sizeof sha, digest, sizeof digest);
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "INSERT INTO blob_store(sha256, size, data) VALUES (?, ?, ?)"
					 " ON CONFLICT (sha256) DO NOTHING",
					 "tib", sha, (int64_t)len, data, len);
	rc = !st ? err->code : fz_stmt_exec(st, err);
	free(data);
	if (rc)
		goto out;
	char on[11];
	fz_date_format(day, on);
	st = fz_db_query(ctx->db, err,
			 "UPDATE legal_review SET letter_number = ?, letter_year = ?, letter_seq = ?,"
			 " letter_sha256 = ?, letter_size = ?, letter_on = ? WHERE case_id = ?",
			 "tIitiIi", number, y, (int64_t)serial, sha, (int64_t)len, on, case_id);
	if (!st || (rc = fz_stmt_exec(st, err))) {
		rc = st ? rc : err->code;
		goto out;
	}
	json_t *after = json_pack("{s:s, s:s, s:s, s:I}", "kind", "review_letter", "number", number,
				  "sha256", sha, "size", (json_int_t)len);
	char *after_s = json_dumps(after, JSON_COMPACT);
	json_decref(after);
	struct fz_event ev = {
		.case_id = case_id,
		.entity = "document",
		.action = "document_issue",
		.note = fz_arena_printf(ctx->arena, "合法性审核意见书（%s）.docx", number),
		.after = after_s ? fz_arena_strdup(ctx->arena, after_s) : NULL,
	};
	free(after_s);
	rc = fz_audit_append(ctx, &ev, NULL, err);
out:
	json_decref(f);
	return rc;
}

enum fz_code fz_review_letter_get(struct fz_ctx *ctx, int64_t case_id, char **data, size_t *len,
				  const char **filename, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.letter_number, b.data FROM legal_review r"
		" LEFT JOIN blob_store b ON b.sha256 = r.letter_sha256 WHERE r.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	enum fz_code rc = FZ_OK;
	if (!fz_stmt_row(st)) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "id", "合法性审核案件不存在");
	} else if (fz_col_null(st, 0)) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "尚未出具审核意见，没有审核意见书");
	} else if (fz_col_null(st, 1)) {
		rc = fz_err_set(err, FZ_EIO, NULL, "审核意见书文件缺失，请联系管理员运行审计校验");
	} else {
		const void *p = fz_col_blob(st, 1, len);
		*filename = fz_arena_printf(ctx->arena, "合法性审核意见书（%s）.docx", fz_col_text(st, 0));
		*data = malloc(*len ? *len : 1);
		if (*data)
			memcpy(*data, p, *len);
		else
			rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	fz_stmt_done(st);
	return rc;
}
