/*
 * petition_api.c - the petitions' routes: registration by staff and on the
 * portal, tracking and rating with the tracking code (never the petitioner's
 * identity), the staff list and its export, the statistics, and the written
 * opinion as Word. The generic case routes serve detail and steps.
 */
#include <string.h>

#include "core/text.h"
#include "modules/petition/petition_int.h"
#include "platform/accounts.h"
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
	    req->ctx, req->body, "online", fz_county_office(req->ctx->db), req->ctx->today, &c, err);
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

static const char *agency_kind(struct fz_ctx *ctx, int64_t agency_id)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL, "SELECT kind FROM agency WHERE agency_id = ? AND active = 1",
			"i", agency_id);
	const char *k =
	    st && fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	return k;
}

/*
 * POST /api/petitions/from-mailbox/{id}: a 县长信箱 letter is a petition (信访事项)
 * and goes on as one. The letter is read and ended through the platform
 * (fz_case_convert_source / _done: the mailbox kind's `convert` step), never
 * through the mailbox's own tables. The petition is received on the letter's
 * receipt day: the county government received the matter then (the mailbox is
 * its channel), so the 15 days of 第22条 run from that day.
 */
static enum fz_code from_mailbox(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	const struct fz_user *u = ctx->user;
	bool legal = u && (u->role & FZ_ROLES_LEGAL);
	const char *kind = u && u->agency_id ? agency_kind(ctx, u->agency_id) : NULL;
	if (!legal && !(kind && strcmp(kind, "county") == 0))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "只有司法局（法制机构）和县政府办公室可以将来信转为信访事项");
	int64_t letter_id;
	if (!fz_req_id(req, 0, &letter_id))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "来信不存在");
	int64_t agency = fz_county_office(ctx->db);
	json_t *town = json_object_get(req->body, "township_agency_id");
	if (json_is_integer(town)) {
		const char *k = agency_kind(ctx, json_integer_value(town));
		if (!k || strcmp(k, "township") != 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "township_agency_id",
					  "登记机关应为乡镇（街道），不填则由县政府信访工作机构登记");
		agency = json_integer_value(town);
	}
	const char *idn = fz_json_str(req->body, "id_number");
	if (idn && *idn && !fz_resident_id_valid(idn))
		return fz_err_set(err, FZ_EBAD_VALUE, "id_number",
				  "身份证号码不正确：应为 18 位（含有效的出生日期，末位校验码正确，可为 X）或 15 位数字");

	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_row letter, pet;
	memset(&letter, 0, sizeof letter);
	json_t *f = json_object();
	/* Converted already: name the petition (the path's letter is in the caller's scope). */
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT c.number FROM petition p JOIN case_record c"
					 " ON c.case_id = p.case_id WHERE p.source_case_id = ?",
					 "i", letter_id);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	if (fz_stmt_row(st)) {
		rc = fz_err_set(err, FZ_ESTATE, "id", "该来信已转为信访事项 %s", fz_col_text(st, 0));
		fz_stmt_done(st);
		goto fail;
	}
	fz_stmt_done(st);
	if ((rc = fz_case_convert_source(ctx, letter_id, &letter, f, err))) {
		/* Only letters are served here: another case is no letter. */
		if (rc == FZ_ESTATE && letter.type && strcmp(letter.type->name, "mailbox") != 0)
			rc = fz_err_set(err, FZ_ENOT_FOUND, "id", "来信不存在");
		goto fail;
	}
	if (strcmp(letter.type->name, "mailbox") != 0) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "id", "来信不存在");
		goto fail;
	}
	json_t *b = json_pack("{s:s?, s:s?, s:s?, s:s?, s:s?, s:s?}", "name",
			      fz_json_str(f, "writer_name"), "phone", fz_json_str(f, "phone"),
			      "id_number", idn && *idn ? idn : NULL, "matter_type",
			      fz_json_str(req->body, "matter_type"), "subject",
			      fz_json_str(f, "subject") ? fz_json_str(f, "subject") : letter.title,
			      "content", fz_json_str(f, "content"));
	int received = ctx->today;
	fz_date_parse(letter.received_on, &received);
	const char *note = fz_json_str(req->body, "note");
	const char *pnote =
	    note ? fz_arena_printf(ctx->arena, "由县长信箱来信 %s（%s 收到）转入：%s", letter.number,
				   letter.received_on, note)
		 : fz_arena_printf(ctx->arena, "由县长信箱来信 %s（%s 收到）转入", letter.number,
				   letter.received_on);
	rc = fz_petition_submit_from(ctx, b, "mailbox", agency, received, letter_id, pnote, &pet,
				     err);
	json_decref(b);
	if (rc)
		goto fail;
	/* The letter's step is the system's: its note says who converted it. */
	const char *who = fz_arena_printf(ctx->arena, "%s%s", u->agency_name, u->display_name);
	const char *lnote =
	    note ? fz_arena_printf(ctx->arena, "已转为信访事项 %s（%s转办）：%s", pet.number, who, note)
		 : fz_arena_printf(ctx->arena, "已转为信访事项 %s（%s转办）", pet.number, who);
	if ((rc = fz_case_convert_done(ctx, letter_id, pet.number, lnote, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	json_decref(f);
	*out = json_pack("{s:I, s:s, s:s, s:I, s:s}", "case_id", (json_int_t)pet.case_id, "number",
			 pet.number, "state", pet.state, "source_case_id", (json_int_t)letter_id,
			 "source_number", letter.number);
	fz_case_receipt_due_json(ctx, pet.case_id, "route", *out);
	return FZ_OK;
fail:
	json_decref(f);
	fz_db_rollback(ctx->db);
	return rc;
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

static const struct fz_input from_mailbox_inputs[] = {
    {.name = "matter_type",
     .label = "事项类别",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_petition_matters},
    {.name = "township_agency_id", .label = "登记机关（乡镇）", .type = FZ_IN_AGENCY},
    {.name = "id_number", .label = "身份证号码", .type = FZ_IN_TEXT, .max_chars = 18},
    {.name = "note", .label = "转入说明", .type = FZ_IN_TEXTAREA, .max_chars = 500},
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
    {"POST", "/api/petitions/from-mailbox/{id}", from_mailbox, STAFF | FZ_ROLES_LEGAL, 0,
     "县长信箱来信转为信访事项（保留来信办理记录；县政府办公室、司法局）", T, "case:mailbox",
     .body = from_mailbox_inputs, .status = 201},
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
