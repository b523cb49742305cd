/* api.c - the request helpers a handler calls, and the core record kinds (api.h). */
#include "platform/api.h"

#include <stdlib.h>
#include <string.h>

#include "core/text.h"

const char *fz_req_header(struct fz_req *req, const char *name)
{
	return req->lookup ? req->lookup(req->conn, 0, name) : NULL;
}

const char *fz_req_query(struct fz_req *req, const char *key)
{
	const char *v = req->lookup ? req->lookup(req->conn, 1, key) : NULL;
	return v && *v ? v : NULL;
}

bool fz_req_id(struct fz_req *req, int i, int64_t *out)
{
	return i < req->nparams && fz_parse_int(req->params[i], 1, INT64_MAX, out);
}

enum fz_code fz_req_path_id(struct fz_req *req, int64_t *out, const char *missing,
			    struct fz_err *err)
{
	if (fz_req_id(req, 0, out))
		return FZ_OK;
	return fz_err_set(err, FZ_ENOT_FOUND, "id", "%s", missing ? missing : "记录不存在");
}

void fz_req_status(struct fz_req *req, int status)
{
	req->status = status;
}

void fz_req_file(struct fz_req *req, const char *type, char *data, size_t len,
		 const char *filename)
{
	free(req->file_data);
	req->file_type = type;
	req->file_data = data;
	req->file_len = len;
	req->file_name = filename;
}

void fz_req_text(struct fz_req *req, int status, const char *type, const char *text)
{
	size_t n = strlen(text);
	char *copy = malloc(n + 1);
	if (copy)
		memcpy(copy, text, n + 1);
	fz_req_file(req, type, copy, copy ? n : 0, NULL);
	req->status = status;
}

void fz_req_add_header(struct fz_req *req, const char *name, const char *value)
{
	if (req->nheaders < FZ_MAX_RESP_HEADERS) {
		req->headers[req->nheaders][0] = name;
		req->headers[req->nheaders][1] = value;
		req->nheaders++;
	}
}

json_t *fz_roles_json(unsigned roles)
{
	json_t *a = json_array();
	for (int i = 0; i < FZ_ROLE_COUNT; i++)
		if (roles & (1u << i))
			json_array_append_new(a, json_string(fz_role_name((enum fz_role)(1u << i))));
	return a;
}

/* ---- record kinds ------------------------------------------------------------- */

#include "platform/cases.h"
#include "platform/module.h"

/* The core's: cases of every procedure, and their attachments. */
static const struct fz_record_kind core_records[] = {
	{"case", "SELECT agency_id, case_type, case_id FROM case_record WHERE case_id = ?", true},
	{"attachment", "SELECT c.agency_id, c.case_type, c.case_id FROM attachment a JOIN case_record c"
		       " ON c.case_id = a.case_id WHERE a.attachment_id = ?", true},
	{NULL, NULL, false},
};

static const struct fz_record_kind *kind_in(const struct fz_record_kind *k, const char *name,
					    size_t len)
{
	for (; k && k->name; k++)
		if (strlen(k->name) == len && memcmp(k->name, name, len) == 0)
			return k;
	return NULL;
}

const struct fz_record_kind *fz_record_kind_find(const char *record)
{
	const char *colon = strchr(record, ':');
	size_t len = colon ? (size_t)(colon - record) : strlen(record);
	const struct fz_record_kind *k = kind_in(core_records, record, len);
	for (size_t i = 0; !k && i < fz_platform_module_count(); i++)
		k = kind_in(fz_platform_module(i)->records, record, len);
	return k;
}

enum fz_code fz_record_check(struct fz_ctx *ctx, const char *record, int64_t id,
			     struct fz_err *err)
{
	const struct fz_record_kind *k = fz_record_kind_find(record);
	if (!k)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未声明的记录类型：%s", record);
	struct fz_stmt *st = fz_db_query(ctx->db, err, k->sql, "i", id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	bool ok = found;
	if (found && !fz_col_null(st, 0))
		ok = k->of_case ? fz_case_may_see(ctx, fz_case_kind_for_type(fz_col_text(st, 1), NULL),
						  fz_col_int(st, 2), fz_col_int(st, 0))
				: fz_ctx_may_see(ctx, fz_col_int(st, 0));
	const char *colon = strchr(record, ':');
	if (ok && colon) {
		const char *v = fz_col_text(st, 1);
		ok = v && strcmp(v, colon + 1) == 0;
	}
	fz_stmt_done(st);
	return ok ? FZ_OK : fz_err_set(err, FZ_ENOT_FOUND, "id", "记录不存在");
}

/* ---- the public tracker ---------------------------------------------------------- */

enum fz_code fz_track_resolve(struct fz_ctx *ctx, const char *code, json_t **out,
			      struct fz_err *err)
{
	char norm[15];
	const char *type = NULL;
	if (fz_tracking_normalize(code, norm)) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err, "SELECT case_type FROM case_record WHERE tracking_code = ?", "t",
			norm);
		if (!st)
			return err->code;
		if (fz_stmt_row(st) && fz_col_text(st, 0))
			type = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		fz_stmt_done(st);
	}
	/* One answer for a malformed and an unknown code: the tracker tells nothing apart. */
	if (!type)
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "未查询到该查询码对应的事项，请核对后重新输入");
	*out = json_pack("{s:s}", "type", type);
	return FZ_OK;
}
