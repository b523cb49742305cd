/*
 * petition_api.c - the petitions' routes: registration by staff and on the
 * portal, tracking and rating with the tracking code (never the petitioner's
 * identity), the staff list and its export, the statistics, and the written
 * opinion as Word. The generic case routes serve detail and steps.
 */
#include <string.h>

#include "core/text.h"
#include "modules/petition/petition_int.h"
#include "platform/documents.h"
#include "platform/jsonx.h"

static json_t *created(struct fz_case_row *c, struct fz_ctx *ctx)
{
	json_t *o = json_pack("{s:I, s:s, s:s, s:s, s:s}", "case_id", (json_int_t)c->case_id,
			      "tracking_code", c->tracking_code, "number", c->number, "received_on",
			      c->received_on, "state", c->state);
	fz_case_receipt_due_json(ctx, c->case_id, "route", o);
	return o;
}

static enum fz_code public_submit(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	/* 网上信访: received the day it is sent, by the county's petition office. */
	enum fz_code rc = fz_petition_submit(
	    req->ctx, req->body, "online", fz_petition_office(req->ctx), req->ctx->today, &c, err);
	if (rc)
		return rc;
	/* The portal's answer: the code and the steps, never who wrote. */
	*out = created(&c, req->ctx);
	json_object_del(*out, "case_id");
	return FZ_OK;
}

static enum fz_code staff_register(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	if (!ctx->user || !ctx->user->agency_id)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "只有信访工作机构或乡镇的工作人员可以登记信访事项");
	int received = -1;
	fz_date_parse(fz_json_str(req->body, "received_on"), &received);
	struct fz_case_row c;
	enum fz_code rc = fz_petition_submit(ctx, req->body, fz_json_str(req->body, "channel"),
					     ctx->user->agency_id, received, &c, err);
	if (rc)
		return rc;
	*out = created(&c, ctx);
	return FZ_OK;
}

static bool code_arg(struct fz_req *req, char code[15], struct fz_err *err)
{
	if (fz_tracking_normalize(req->params[0], code))
		return true;
	fz_err_set(err, FZ_ENOT_FOUND, "code",
		   "查询码格式不正确，应为 12 位字母数字（如 ACDE-FGHJ-KMNP）");
	return false;
}

static enum fz_code track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char code[15];
	if (!code_arg(req, code, err))
		return err->code;
	return fz_petition_track_json(req->ctx, code, out, err);
}

/* The petitioner rates the handling with the tracking code (满意 / 基本满意 / 不满意). */
static enum fz_code public_rate(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char code[15];
	if (!code_arg(req, code, err))
		return err->code;
	struct fz_stmt *st = fz_db_query(req->ctx->db, err,
					 "SELECT case_id FROM case_record WHERE tracking_code = ?"
					 " AND case_type = 'petition'",
					 "t", code);
	if (!st)
		return err->code;
	int64_t id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!id)
		return fz_err_set(err, FZ_ENOT_FOUND, "code",
				  "没有找到该查询码对应的信访事项，请核对后重试");
	json_t *body = json_pack("{s:O}", "rating", json_object_get(req->body, "rating"));
	enum fz_code rc = fz_db_begin(req->ctx->db, err);
	if (!rc) {
		if (!(rc = fz_case_act_system(req->ctx, id, "public_rate", body, err)))
			rc = fz_db_commit(req->ctx->db, err);
		if (rc)
			fz_db_rollback(req->ctx->db);
	}
	json_decref(body);
	if (rc) {
		/* The system step's refusal is about the state: say it for the petitioner. */
		if (rc == FZ_ESTATE)
			return fz_err_set(err, FZ_ESTATE, "rating", "出具书面处理意见后才能评价");
		return rc;
	}
	return fz_petition_track_json(req->ctx, code, out, err);
}

/* POST /api/petitions/import?commit=1: the workbook or CSV as multipart (field "file"). */
static enum fz_code import(struct fz_req *req, json_t **out, struct fz_err *err)
{
	if (!req->ctx->user || !req->ctx->user->agency_id)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "只有信访工作机构或乡镇的工作人员可以导入工单");
	if (!req->upload_len)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file",
				  "请上传 12345 热线工单（.xlsx 或 .csv 文件）");
	const char *c = fz_req_query(req, "commit");
	bool commit = c && (strcmp(c, "1") == 0 || strcmp(c, "true") == 0);
	return fz_petition_import(req->ctx, req->upload_data, req->upload_len, commit, out, err);
}

static enum fz_code list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_petition_list, out, err);
}

static enum fz_code export(struct fz_req *req, json_t **out, struct fz_err *err) {
	return fz_list_export(req, &fz_petition_list, out, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	return rc ? rc : fz_petition_stats_json(req->ctx, year, out, err);
}

static const char *cn_date(struct fz_ctx *ctx, const char *iso)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3)
		return "";
	return fz_arena_printf(ctx->arena, "%d年%d月%d日", y, m, d);
}

/* 第32条: the written handling opinion (支持 / 解释说明 / 不予支持) as Word. */
static enum fz_code opinion_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	int64_t id;
	struct fz_case_row c;
	struct fz_ctx *ctx = req->ctx;
	if (!fz_req_id(req, 0, &id) || fz_case_load(ctx, id, false, &c, err) ||
	    strcmp(c.type->name, "petition") != 0)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "信访事项不存在");
	json_t *f = json_object();
	enum fz_code rc = fz_petition_fields(ctx, id, f, err);
	if (rc) {
		json_decref(f);
		return rc;
	}
	if (!fz_json_str(f, "outcome")) {
		json_decref(f);
		return fz_err_set(err, FZ_ESTATE, "outcome",
				  "尚未出具处理意见，不能生成处理意见书");
	}
	struct fz_docx *doc = fz_docx_new();
	fz_docx_para(doc, FZ_P_TITLE, "信访事项处理意见书");
	fz_docx_para(doc, FZ_P_SUBTITLE, c.number);
	fz_docx_para(doc, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "%s：", fz_json_str(f, "petitioner_name")));
	fz_docx_para(
	    doc, FZ_P_BODY,
	    fz_arena_printf(
		ctx->arena,
		"你于%s通过%s反映的“%s”一事，%s已于%s依法受理。经调查核实，现将处理意见告知如下：",
		cn_date(ctx, c.received_on), fz_json_str(f, "channel_label"),
		fz_json_str(f, "subject"),
		fz_json_str(f, "handler_agency_name") ? fz_json_str(f, "handler_agency_name")
						      : "本机关",
		cn_date(ctx, fz_json_str(f, "accepted_on"))));
	fz_docx_para(doc, FZ_P_HEADING,
		     fz_arena_printf(ctx->arena, "处理意见：%s", fz_json_str(f, "outcome_label")));
	fz_docx_para(doc, FZ_P_BODY, fz_json_str(f, "opinion"));
	fz_docx_para(
	    doc, FZ_P_BODY,
	    "如对本处理意见不服，可以自收到本意见书之日起三十日内，向本机关的上一级机关请求复查"
	    "（《信访工作条例》第三十五条）。");
	fz_docx_para(doc, FZ_P_PLAIN, "");
	fz_docx_para(doc, FZ_P_RIGHT,
		     fz_json_str(f, "handler_agency_name") ? fz_json_str(f, "handler_agency_name")
							   : "");
	fz_docx_para(doc, FZ_P_RIGHT, cn_date(ctx, fz_json_str(f, "replied_on")));
	char *data = NULL;
	size_t len = 0;
	rc = fz_docx_finish(doc, &data, &len, err);
	fz_docx_free(doc);
	if (!rc)
		fz_req_file(
		    req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		    data, len, fz_arena_printf(ctx->arena, "信访事项处理意见书-%s.docx", c.number));
	json_decref(f);
	return rc;
}

void fz_petition_meta(json_t *obj)
{
	json_object_set_new(obj, "petition_channels", fz_options_json(fz_petition_channels));
	json_object_set_new(obj, "petition_matters", fz_options_json(fz_petition_matters));
	json_object_set_new(obj, "petition_outcomes", fz_options_json(fz_petition_outcomes));
	json_object_set_new(obj, "petition_ratings", fz_options_json(fz_petition_ratings));
}

static const struct fz_input rating_inputs[] = {
    {.name = "rating",
     .label = "满意度",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_petition_ratings},
    {.name = NULL},
};

#define T     "信访"
#define STAFF (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

const struct fz_route fz_petition_routes[] = {
    {"POST", "/api/public/petitions", public_submit, FZ_ROLES_ANYONE, FZ_R_RATELIMIT,
     "网上信访：提交信访事项，返回查询码", T, .body = fz_petition_public_inputs, .status = 201},
    {"GET", "/api/public/petitions/track/{code}", track, FZ_ROLES_ANYONE, FZ_R_RATELIMIT,
     "凭查询码查询信访事项办理进度（不含信访人身份信息）", T},
    {"POST", "/api/public/petitions/track/{code}/rating", public_rate, FZ_ROLES_ANYONE,
     FZ_R_RATELIMIT, "信访人凭查询码评价办理结果（满意、基本满意、不满意）", T,
     .body = rating_inputs},
    {"POST", "/api/petitions", staff_register, STAFF, 0,
     "登记信访事项（来访、来信、电话、12345热线、县长信箱转入等渠道）", T,
     .body = fz_petition_staff_inputs, .status = 201},
    {"POST", "/api/petitions/import", import, STAFF, FZ_R_UPLOAD,
     "导入 12345 热线工单（Excel 或 CSV）：不带 commit 为校验，commit=1 全部登记或全部不登记", T},
    {"GET", "/api/petitions", list, FZ_ROLES_SIGNED_IN, 0,
     "信访事项列表：按年度、渠道、事项类别、登记机关、办理机关、状态、时限、关键词筛选", T},
    {"GET", "/api/petitions.xlsx", export, FZ_ROLES_SIGNED_IN, 0,
     "导出信访事项列表（Excel，筛选和排序同列表）", T},
    {"GET", "/api/petitions/stats", stats, FZ_ROLES_SIGNED_IN, 0,
     "信访年度统计：按渠道、事项类别、办理机关、乡镇；及时受理率、按期办结率、群众满意率、重复信访"
     "率",
     T},
    {"GET", "/api/cases/{id}/documents/petition-opinion.docx", opinion_docx, FZ_ROLES_SIGNED_IN, 0,
     "生成信访事项处理意见书（Word，《信访工作条例》第三十二条）", T, "case:petition"},
    {NULL, NULL, NULL, 0, 0, NULL, NULL},
};
