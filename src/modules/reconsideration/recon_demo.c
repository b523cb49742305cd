/*
 * recon_demo.c - a year of reconsideration and litigation for the demo county,
 * scripted step by step on real dates (one case runs across Spring Festival
 * 2026), through the engine in date order. Steps dated after today are left
 * undone, so recent cases are still open.
 */
#include <stdio.h>
#include <string.h>

#include "modules/reconsideration/recon_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"

struct step {
	const char *date;
	int idx;          /* recon cases 0..; lawsuits 100.. */
	const char *what; /* "apply", "lawsuit" or a transition name */
	const char *json; /* input (without version); "%ID%" nowhere: links by index below */
};

static const struct step script[] = {
	{"2026-02-10", 0, "apply", "{\"applicant_name\":\"张建民\",\"applicant_type\":\"natural\",\"phone\":\"13807911234\",\"respondent\":\"scj\",\"act_type\":\"penalty\",\"act_number\":\"青市监罚〔2026〕8号\",\"act_date\":\"2026-01-20\",\"learned_on\":\"2026-01-22\",\"requests\":\"请求撤销被申请人作出的行政处罚决定\",\"facts\":\"申请人认为处罚认定事实不清。\"}"},
	{"2026-02-12", 0, "accept", "{\"procedure\":\"normal\"}"},
	{"2026-02-13", 0, "copy_sent", "{\"sent_on\":\"2026-02-13\"}"},
	{"2026-02-27", 0, "answer_received", "{\"received_on\":\"2026-02-27\",\"summary\":\"被申请人提交了答复书及全部证据。\"}"},
	{"2026-03-30", 0, "decide", "{\"decision\":\"uphold\",\"decision_text\":\"经审理查明，被申请人作出的行政处罚决定认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。\"}"},
	{"2026-03-05", 1, "apply", "{\"applicant_name\":\"李桂芳\",\"applicant_type\":\"natural\",\"phone\":\"13907912345\",\"respondent\":\"qsz\",\"act_type\":\"coercion\",\"act_date\":\"2026-02-26\",\"learned_on\":\"2026-02-26\",\"requests\":\"请求确认被申请人强制拆除行为违法并予以撤销\"}"},
	{"2026-03-09", 1, "accept", "{\"procedure\":\"normal\"}"},
	{"2026-03-10", 1, "copy_sent", "{\"sent_on\":\"2026-03-10\"}"},
	{"2026-03-24", 1, "answer_received", "{\"received_on\":\"2026-03-24\"}"},
	{"2026-04-28", 1, "decide", "{\"decision\":\"revoke\",\"decision_text\":\"被申请人未依法履行催告、决定程序即实施强制，程序违法。\"}"},
	{"2026-04-08", 2, "apply", "{\"applicant_name\":\"青山县鑫源矿业有限公司\",\"applicant_type\":\"legal_person\",\"phone\":\"07915550123\",\"respondent\":\"zrj\",\"act_type\":\"licensing\",\"act_number\":\"青自然资源许〔2026〕15号\",\"learned_on\":\"2026-03-30\",\"requests\":\"请求撤销不予延续采矿许可的决定\"}"},
	{"2026-04-10", 2, "accept", "{\"procedure\":\"normal\"}"},
	{"2026-04-13", 2, "copy_sent", "{\"sent_on\":\"2026-04-13\"}"},
	{"2026-05-06", 2, "suspend", "{\"reason\":\"本案需以相关民事诉讼的审理结果为依据（第三十九条）\"}"},
	{"2026-06-15", 2, "resume", "{}"},
	{"2026-07-06", 2, "decide", "{\"decision\":\"confirm_illegal\",\"decision_text\":\"被申请人作出决定前未告知申请人陈述申辩权利，程序违法，但撤销将损害公共利益，确认违法。\"}"},
	{"2026-07-08", 2, "issue_opinion", "{\"kind\":\"opinion\",\"content\":\"请被申请人规范行政许可延续审查程序，并于六十日内报告纠正情况。\"}"},
	{"2026-08-25", 2, "opinion_reported", "{\"reported_on\":\"2026-08-25\",\"summary\":\"被申请人已修订许可审查工作规程并组织培训。\"}"},
	{"2026-05-12", 3, "apply", "{\"applicant_name\":\"王海\",\"applicant_type\":\"natural\",\"phone\":\"13607913456\",\"respondent\":\"zjj\",\"act_type\":\"disclosure\",\"learned_on\":\"2026-05-06\",\"requests\":\"请求责令被申请人公开某小区规划许可文件\"}"},
	{"2026-05-13", 3, "accept", "{\"procedure\":\"simplified\",\"simplified_ground\":\"disclosure\"}"},
	{"2026-05-14", 3, "copy_sent", "{\"sent_on\":\"2026-05-14\"}"},
	{"2026-05-20", 3, "answer_received", "{\"received_on\":\"2026-05-20\"}"},
	{"2026-06-05", 3, "decide", "{\"decision\":\"order_perform\",\"decision_text\":\"责令被申请人在十五个工作日内对申请人的政府信息公开申请重新作出答复。\"}"},
	{"2026-06-03", 4, "apply", "{\"applicant_name\":\"刘志强\",\"applicant_type\":\"natural\",\"phone\":\"13507914567\",\"respondent\":\"cgj\",\"act_type\":\"penalty\",\"act_number\":\"青城管罚〔2026〕102号\",\"learned_on\":\"2026-05-28\",\"requests\":\"请求撤销罚款200元的处罚决定\"}"},
	{"2026-06-04", 4, "accept", "{\"procedure\":\"simplified\",\"simplified_ground\":\"amount_3000\"}"},
	{"2026-06-05", 4, "copy_sent", "{\"sent_on\":\"2026-06-05\"}"},
	{"2026-06-22", 4, "end", "{\"ending\":\"mediation\",\"reason\":\"经调解，双方达成调解协议，制作行政复议调解书。\"}"},
	{"2026-07-15", 5, "apply", "{\"applicant_name\":\"陈国华\",\"applicant_type\":\"natural\",\"phone\":\"13307915678\",\"respondent\":\"lhx\",\"act_type\":\"levy\",\"learned_on\":\"2026-04-01\",\"requests\":\"请求撤销征收土地补偿决定\"}"},
	{"2026-07-20", 5, "refuse", "{\"ground\":\"申请人自知道该行政行为之日起超过六十日提出申请，且无正当理由（第二十条、第三十条）。\"}"},
	{"2026-08-20", 6, "apply", "{\"applicant_name\":\"赵明\",\"applicant_type\":\"natural\",\"phone\":\"13207916789\",\"respondent\":\"gaj\",\"act_type\":\"penalty\",\"learned_on\":\"2026-08-10\",\"requests\":\"请求撤销行政拘留五日的处罚决定\"}"},
	{"2026-08-24", 6, "accept", "{\"procedure\":\"normal\"}"},
	{"2026-08-25", 6, "copy_sent", "{\"sent_on\":\"2026-08-25\"}"},
	{"2026-09-21", 6, "end", "{\"ending\":\"settle_withdraw\",\"reason\":\"双方自愿达成和解，申请人撤回行政复议申请，本案终止。\"}"},
	{"2026-10-09", 7, "apply", "{\"applicant_name\":\"孙立\",\"applicant_type\":\"natural\",\"phone\":\"13107917890\",\"respondent\":\"hbj\",\"act_type\":\"penalty\",\"learned_on\":\"2026-09-30\",\"requests\":\"请求撤销罚款决定\"}"},
	{"2026-10-12", 7, "request_correction", "{\"items\":\"请补充提交行政处罚决定书复印件及申请人身份证明。\"}"},
	{"2026-10-19", 7, "corrected", "{\"corrected_on\":\"2026-10-19\"}"},
	{"2026-10-21", 7, "accept", "{\"procedure\":\"normal\"}"},
	{"2026-10-23", 7, "copy_sent", "{\"sent_on\":\"2026-10-23\"}"},
	{"2026-11-18", 8, "apply", "{\"applicant_name\":\"青山县恒通物流有限公司\",\"applicant_type\":\"legal_person\",\"phone\":\"07915556789\",\"respondent\":\"scj\",\"act_type\":\"disclosure\",\"learned_on\":\"2026-11-10\",\"requests\":\"请求撤销不予公开决定，责令公开相关抽检报告\"}"},
	/* Lawsuits (index 100+): 100 follows reconsideration 0. */
	{"2026-04-14", 100, "lawsuit", "{\"plaintiff\":\"张建民\",\"defendant\":\"scj\",\"court\":\"青山县人民法院\",\"instance\":\"first\",\"act_type\":\"penalty\",\"recon\":0}"},
	{"2026-04-20", 100, "defense_filed", "{\"filed_on\":\"2026-04-20\"}"},
	{"2026-05-20", 100, "record_hearing", "{\"hearing_on\":\"2026-05-20\",\"appearer\":\"戚振华\",\"post\":\"head\"}"},
	{"2026-06-15", 100, "judge", "{\"outcome\":\"uphold\",\"judged_on\":\"2026-06-15\",\"text\":\"驳回原告诉讼请求。\"}"},
	{"2026-05-08", 101, "lawsuit", "{\"plaintiff\":\"青山县宏达建材有限公司\",\"defendant\":\"zrj\",\"court\":\"青山县人民法院\",\"instance\":\"first\",\"act_type\":\"penalty\"}"},
	{"2026-05-18", 101, "defense_filed", "{\"filed_on\":\"2026-05-18\"}"},
	{"2026-06-18", 101, "record_hearing", "{\"hearing_on\":\"2026-06-18\",\"appearer\":\"卫建设\",\"post\":\"deputy\"}"},
	{"2026-07-01", 101, "judge", "{\"outcome\":\"withdrawn\",\"judged_on\":\"2026-07-01\",\"text\":\"原告申请撤诉，法院裁定准许。\"}"},
	{"2026-07-02", 102, "lawsuit", "{\"plaintiff\":\"王海\",\"defendant\":\"zjj\",\"court\":\"青山县人民法院\",\"instance\":\"first\",\"act_type\":\"disclosure\"}"},
	{"2026-07-14", 102, "defense_filed", "{\"filed_on\":\"2026-07-14\"}"},
	{"2026-08-12", 102, "record_hearing", "{\"hearing_on\":\"2026-08-12\",\"appearer\":\"沈悦\",\"post\":\"staff\",\"reason\":\"局长参加省厅紧急会议，委托法规股工作人员出庭。\"}"},
	{"2026-09-10", 102, "judge", "{\"outcome\":\"confirm_illegal\",\"judged_on\":\"2026-09-10\",\"text\":\"确认被告逾期未答复的行为违法。\"}"},
	{"2026-09-15", 102, "suggestion", "{\"content\":\"建议规范政府信息公开申请办理流程，严格遵守法定答复期限。\"}"},
	{"2026-10-20", 102, "suggestion_handled", "{\"reply\":\"已建立申请办理台账和到期提醒机制。\"}"},
	{"2026-09-18", 103, "lawsuit", "{\"plaintiff\":\"周卫国\",\"defendant\":\"gov\",\"court\":\"某市中级人民法院\",\"instance\":\"first\",\"act_type\":\"levy\"}"},
	{"2026-09-25", 103, "defense_filed", "{\"filed_on\":\"2026-09-25\"}"},
	{"2026-10-28", 103, "record_hearing", "{\"hearing_on\":\"2026-10-28\",\"appearer\":\"周建国\",\"post\":\"head\"}"},
};

static int64_t agency(struct fz_ctx *ctx, const char *code)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT agency_id FROM agency WHERE code = ?",
					 "t", code);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

static int cmp_date(const void *a, const void *b)
{
	const struct step *const *x = a, *const *y = b;
	int c = strcmp((*x)->date, (*y)->date);
	return c ? c : (*x < *y ? -1 : 1);
}

enum fz_code fz_recon_demo(struct fz_ctx *ctx, struct fz_err *err)
{
	enum { N = sizeof script / sizeof script[0] };
	const struct step *order[N];
	for (size_t i = 0; i < N; i++)
		order[i] = &script[i];
	qsort(order, N, sizeof order[0], cmp_date);
	int64_t recon[16] = {0}, lit[8] = {0};
	int today = ctx->today, done = 0;
	struct fz_user legal;
	if (!fz_user_load(ctx->db, "legal", &legal))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "缺少演示账号 legal");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	for (size_t i = 0; i < N && !rc; i++) {
		const struct step *s = order[i];
		int day;
		if (fz_date_parse(s->date, &day) || day > today)
			continue;
		ctx->today = day;
		ctx->now = (int64_t)day * 86400 + 3600 * 2;
		ctx->user = &legal;
		json_t *in = json_loads(s->json, 0, NULL);
		struct fz_case_row c;
		if (strcmp(s->what, "apply") == 0) {
			json_object_set_new(in, "respondent_agency_id",
					    json_integer(agency(ctx, fz_json_str(in, "respondent"))));
			json_object_del(in, "respondent");
			rc = fz_recon_submit(ctx, in, "written", day, &c, err);
			recon[s->idx] = c.case_id;
		} else if (strcmp(s->what, "lawsuit") == 0) {
			json_object_set_new(in, "agency_id", json_integer(agency(ctx, fz_json_str(in, "defendant"))));
			json_object_set_new(in, "received_on", json_string(s->date));
			json_t *link = json_object_get(in, "recon");
			if (link)
				json_object_set_new(in, "recon_case_id", json_integer(recon[json_integer_value(link)]));
			json_object_del(in, "recon");
			json_object_del(in, "defendant");
			rc = fz_lit_submit(ctx, in, &c, err);
			lit[s->idx - 100] = c.case_id;
		} else {
			int64_t id = s->idx >= 100 ? lit[s->idx - 100] : recon[s->idx];
			rc = fz_case_act_current(ctx, id, s->what, in, err);
		}
		if (rc)
			fprintf(stderr, "demo: %s %s (case %d) failed\n", s->date, s->what, s->idx);
		json_decref(in);
		done++;
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	ctx->user = NULL;
	fz_ctx_set_time(ctx);
	if (!rc)
		printf("行政复议与应诉：%d 个办理步骤\n", done);
	return rc;
}
