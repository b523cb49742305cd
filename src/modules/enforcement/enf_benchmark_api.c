/*
 * enf_benchmark_api.c - the handlers of the discretion benchmark routes
 * (裁量基准): the staff's tables, versions, Excel, the calculator and the
 * statistics, and the portal's published tables. The rows of the route table
 * are in enf_api.c; the work is in enf_benchmark.c.
 */
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_int.h"

/* An optional id query parameter (0 when absent); false with err set when it is not one. */
static bool query_id(struct fz_req *req, const char *key, const char *label, int64_t *out,
		     struct fz_err *err)
{
	const char *s = fz_req_query(req, key);
	*out = 0;
	if (s && *s && !fz_parse_int(s, 0, INT32_MAX, out)) {
		fz_err_set(err, FZ_EBAD_VALUE, key, "%s（%s）应为整数编号", label, key);
		return false;
	}
	return true;
}

/* A short text query parameter (NULL when absent or blank). */
static bool query_text(struct fz_req *req, const char *key, const char *label, const char **out,
		       struct fz_err *err)
{
	const char *s = fz_req_query(req, key);
	*out = NULL;
	if (!s || fz_text_blank(s))
		return true;
	if (!fz_utf8_valid(s, strlen(s)) || fz_utf8_chars(s) > 50 ||
	    fz_text_has_controls(s, false)) {
		fz_err_set(err, FZ_EBAD_VALUE, key, "“%s”不能超过 50 个字", label);
		return false;
	}
	*out = s;
	return true;
}

static enum fz_code list_as(struct fz_req *req, bool public_only, json_t **out, struct fz_err *err)
{
	int64_t agency, body, power;
	const char *status = NULL, *q;
	if (!query_id(req, "agency_id", "单位编号", &agency, err) ||
	    !query_id(req, "body_id", "执法主体编号", &body, err) ||
	    !query_id(req, "power_id", "处罚事项编号", &power, err) ||
	    !query_text(req, "q", "关键词", &q, err) ||
	    (!public_only && !query_text(req, "status", "状态", &status, err)))
		return err->code;
	if (status) {
		bool ok = false;
		for (const struct fz_option *o = fz_bench_status; o->value; o++)
			ok = ok || strcmp(o->value, status) == 0;
		if (!ok)
			return fz_err_set(err, FZ_EBAD_VALUE, "status",
					  "状态应为 draft、published 或 superseded");
	}
	return fz_enf_bench_list(req->ctx, public_only, agency, body, power, status, q, out, err);
}

enum fz_code fz_enf_bench_r_public(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return list_as(req, true, out, err);
}

enum fz_code fz_enf_bench_r_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return list_as(req, false, out, err);
}

enum fz_code fz_enf_bench_r_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "裁量基准不存在", err);
	return rc ? rc : fz_enf_bench_json(req->ctx, id, false, out, err);
}

enum fz_code fz_enf_bench_r_create(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_enf_bench_save(req->ctx, 0, req->body, out, err);
}

enum fz_code fz_enf_bench_r_update(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "裁量基准不存在", err);
	return rc ? rc : fz_enf_bench_save(req->ctx, id, req->body, out, err);
}

enum fz_code fz_enf_bench_r_publish(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "裁量基准不存在", err);
	return rc ? rc : fz_enf_bench_publish(req->ctx, id, req->body, out, err);
}

enum fz_code fz_enf_bench_r_calc(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t power;
	const char *level;
	if (!query_id(req, "power_id", "处罚事项编号", &power, err) ||
	    !query_text(req, "level", "违法情节", &level, err))
		return err->code;
	return fz_enf_bench_calc(req->ctx, power, level, out, err);
}

enum fz_code fz_enf_bench_r_stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	if (rc || !query_id(req, "agency_id", "单位编号", &agency, err))
		return rc ? rc : err->code;
	return fz_enf_bench_stats(req->ctx, year, agency, out, err);
}

enum fz_code fz_enf_bench_r_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t body;
	char *data = NULL;
	size_t len = 0;
	(void)out;
	if (!query_id(req, "body_id", "执法主体编号", &body, err) ||
	    fz_enf_bench_xlsx(req->ctx, body, &data, &len, err))
		return err->code;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		    len, "行政处罚裁量基准.xlsx");
	return FZ_OK;
}

/* POST /api/enforcement/benchmarks/import?body_id=&commit=1: the workbook as the "file" part. */
enum fz_code fz_enf_bench_r_import(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t body;
	if (!query_id(req, "body_id", "执法主体编号", &body, err))
		return err->code;
	if (!body)
		return fz_err_set(err, FZ_EMISSING_FIELD, "body_id",
				  "请选择导入到哪个执法主体（body_id）");
	if (!req->upload_len)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "请上传 .xlsx 文件");
	const char *c = fz_req_query(req, "commit");
	bool commit = c && (strcmp(c, "1") == 0 || strcmp(c, "true") == 0);
	return fz_enf_bench_import(req->ctx, body, req->upload_data, req->upload_len, commit, out,
				   err);
}
