/* attachments.c - content-addressed attachments (attachments.h). */
#include "platform/attachments.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/text.h"
#include "platform/audit.h"
#include "platform/cases.h"
#include "platform/jsonx.h"

static const struct {
	const char *ext;
	const char *type;
	const char *magic;
	size_t magic_len;
} kinds[] = {
	{".pdf", "application/pdf", "%PDF-", 5},
	{".jpg", "image/jpeg", "\xFF\xD8\xFF", 3},
	{".jpeg", "image/jpeg", "\xFF\xD8\xFF", 3},
	{".png", "image/png", "\x89PNG\r\n\x1A\n", 8},
	{".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\x03\x04", 4},
	{".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\x03\x04", 4},
	{".ofd", "application/ofd", "PK\x03\x04", 4},
	{".txt", "text/plain; charset=utf-8", NULL, 0},
};

const char *fz_attachment_sniff(const char *filename, const void *data, size_t len)
{
	const char *dot = strrchr(filename, '.');
	if (!dot)
		return NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		if (strcasecmp(dot, kinds[i].ext) != 0)
			continue;
		if (kinds[i].magic)
			return len >= kinds[i].magic_len &&
					       memcmp(data, kinds[i].magic, kinds[i].magic_len) == 0
				       ? kinds[i].type
				       : NULL;
		return fz_utf8_valid(data, len) ? kinds[i].type : NULL;
	}
	return NULL;
}

static enum fz_code check_name(const char *name, struct fz_err *err)
{
	size_t n = strlen(name);
	if (n == 0 || n > 200 || !fz_utf8_valid(name, n) || fz_text_has_controls(name, false) ||
	    strchr(name, '/') || strchr(name, '\\') || name[0] == '.')
		return fz_err_set(err, FZ_EBAD_VALUE, "file",
				  "文件名无效：不能为空、不能超过 200 字节、不能含路径或控制字符");
	return FZ_OK;
}

static enum fz_code store_typed(struct fz_ctx *ctx, int64_t case_id, const char *filename,
				const char *type, const void *data, size_t len, json_t **out,
				struct fz_err *err);

/* Stores one file on a case, inside the caller's transaction, with its event. */
static enum fz_code store(struct fz_ctx *ctx, int64_t case_id, const char *filename,
			  const void *data, size_t len, json_t **out, struct fz_err *err)
{
	const char *type = fz_attachment_sniff(filename, data, len);
	if (!type)
		return fz_err_set(err, FZ_EMEDIA_TYPE, "file",
				  "只接受 PDF、JPG、PNG、Word（.docx）、Excel（.xlsx）、OFD 和 UTF-8 文本文件，且内容须与扩展名相符");
	return store_typed(ctx, case_id, filename, type, data, len, out, err);
}

static enum fz_code store_typed(struct fz_ctx *ctx, int64_t case_id, const char *filename,
				const char *type, const void *data, size_t len, json_t **out,
				struct fz_err *err)
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hex[65], now[21];
	crypto_hash_sha256(digest, data, len);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	fz_iso_utc(ctx->now, now);
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "INSERT INTO blob_store(sha256, size, data) VALUES (?, ?, ?)"
					 " ON CONFLICT (sha256) DO NOTHING",
					 "tib", hex, (int64_t)len, data, len);
	if (!st || fz_stmt_exec(st, err))
		return err->code;
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO attachment(case_id, sha256, filename, content_type, size,"
			 " uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?) RETURNING attachment_id",
			 "itttit" "t", case_id, hex, filename, type, (int64_t)len,
			 ctx->user ? fz_arena_printf(ctx->arena, "%lld", (long long)ctx->user->user_id) : NULL,
			 now);
	int64_t id = 0;
	if (!st || fz_stmt_exec_id(st, &id, err))
		return err->code;
	char *after = fz_arena_printf(ctx->arena, "{\"attachment_id\":%lld,\"sha256\":\"%s\",\"size\":%zu}",
				      (long long)id, hex, len);
	struct fz_event ev = {.case_id = case_id, .entity = "attachment", .action = "attachment_add",
			      .note = filename, .after = after};
	enum fz_code rc = fz_audit_append(ctx, &ev, NULL, err);
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:s, s:I, s:s, s:s, s:s, s:s}", "attachment_id", (json_int_t)id,
			 "filename", filename, "size", (json_int_t)len, "content_type", type, "sha256",
			 hex, "uploaded_at", now, "uploaded_by",
			 ctx->user ? ctx->user->display_name : "公众");
	return FZ_OK;
}

static enum fz_code check_file(const char *filename, size_t len, struct fz_err *err)
{
	enum fz_code rc = check_name(filename, err);
	if (rc)
		return rc;
	if (len == 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "file", "文件为空");
	if (len > FZ_ATTACH_MAX)
		return fz_err_set(err, FZ_ETOO_LARGE, "file", "文件超过 10 MB 上限");
	return FZ_OK;
}

enum fz_code fz_attachment_store(struct fz_ctx *ctx, int64_t case_id, const char *filename,
				 const char *type, const void *data, size_t len, json_t **out,
				 struct fz_err *err)
{
	enum fz_code rc = check_file(filename, len, err);
	return rc ? rc : store_typed(ctx, case_id, filename, type, data, len, out, err);
}

enum fz_code fz_attachment_add(struct fz_ctx *ctx, int64_t case_id, const char *filename,
			       const void *data, size_t len, json_t **out, struct fz_err *err)
{
	enum fz_code rc = check_file(filename, len, err);
	if (rc)
		return rc;
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_case_row c;
	if ((rc = fz_case_load(ctx, case_id, false, &c, err)))
		goto fail;
	if (!(fz_ctx_role(ctx) & (FZ_ROLES_LEGAL | FZ_ROLES_AGENCY))) {
		rc = fz_err_set(err, FZ_EFORBIDDEN, NULL, "您的角色不能上传附件");
		goto fail;
	}
	if ((rc = store(ctx, case_id, filename, data, len, out, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_attachment_add_public(struct fz_ctx *ctx, const char *code, const char *filename,
				      const void *data, size_t len, json_t **out, struct fz_err *err)
{
	enum fz_code rc = check_file(filename, len, err);
	if (rc)
		return rc;
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT case_id, closed_on, (SELECT COUNT(*) FROM attachment t WHERE t.case_id ="
		" c.case_id AND t.uploaded_by IS NULL) FROM case_record c WHERE tracking_code = ?",
		"t", code);
	int64_t case_id = 0, count = 0;
	bool closed = false;
	if (st && fz_stmt_row(st)) {
		case_id = fz_col_int(st, 0);
		closed = !fz_col_null(st, 1);
		count = fz_col_int(st, 2);
	}
	fz_stmt_done(st);
	if (!case_id)
		rc = fz_err_set(err, FZ_ENOT_FOUND, "code", "没有找到该查询码对应的事项");
	else if (closed)
		rc = fz_err_set(err, FZ_ESTATE, "code", "该事项已办结，不能再上传材料");
	else if (count >= FZ_ATTACH_PUBLIC_MAX)
		rc = fz_err_set(err, FZ_ESTATE, "file", "每件事项最多上传 %d 个材料", FZ_ATTACH_PUBLIC_MAX);
	if (rc || (rc = store(ctx, case_id, filename, data, len, out, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* Reads a file into ctx's arena and says its case; no scope check. */
static enum fz_code read_file(struct fz_ctx *ctx, int64_t attachment_id, struct fz_attachment *out,
			      int64_t *case_id, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT t.case_id, t.filename, t.content_type, b.data FROM attachment t"
		" JOIN blob_store b ON b.sha256 = t.sha256 WHERE t.attachment_id = ?",
		"i", attachment_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "附件不存在");
	}
	*case_id = fz_col_int(st, 0);
	snprintf(out->filename, sizeof out->filename, "%s", fz_col_text(st, 1));
	snprintf(out->content_type, sizeof out->content_type, "%s", fz_col_text(st, 2));
	size_t len;
	const void *p = fz_col_blob(st, 3, &len);
	void *copy = fz_arena_alloc(ctx->arena, len ? len : 1);
	if (len)
		memcpy(copy, p, len);
	out->data = copy;
	out->len = len;
	fz_stmt_done(st);
	return FZ_OK;
}

enum fz_code fz_attachment_get_public(struct fz_ctx *ctx, int64_t attachment_id,
				      struct fz_attachment *out, struct fz_err *err)
{
	int64_t case_id;
	return read_file(ctx, attachment_id, out, &case_id, err);
}

enum fz_code fz_attachment_get(struct fz_ctx *ctx, int64_t attachment_id, struct fz_attachment *out,
			       struct fz_err *err)
{
	int64_t case_id;
	enum fz_code rc = read_file(ctx, attachment_id, out, &case_id, err);
	if (rc)
		return rc;
	/* Another agency's case: the attachment is not there for this user. */
	struct fz_case_row c;
	if (fz_case_load(ctx, case_id, false, &c, err))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "附件不存在");
	return FZ_OK;
}
