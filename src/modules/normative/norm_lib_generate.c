/*
 * norm_lib_generate.c - synthetic issued documents for benchmarks
 * (`fazhi bench-gen --only normative --cases N`).
 *
 * Each bench agency opens one drafting case (the register the documents are
 * numbered against, created as the staff page creates a draft); then count
 * documents, issued over the last ten years and spread over the agencies and
 * their issuing bodies, go through fz_norm_doc_issue (三统一: the number once
 * per prefix and year, the document and its first version, validity from the
 * settings, the library's full-text index with its character pairs). About
 * one in ten is later amended (a second version through the same call), one
 * in twenty repealed (fz_norm_repeal); those past their validity are then
 * marked expired as the daily job would. Titles and bodies are Chinese of the
 * kind a county issues, several hundred characters each, from a fixed list of
 * subjects, so the library's search words (bench/norm_search.lua) find a
 * realistic share. Deterministic: the same documents each run. At most
 * NORM_GENERATE_MAX documents whatever count asks (a bench-gen of a million
 * cases for every module makes the library 100,000 documents, more than any
 * province's library holds).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/normative/norm_int.h"
#include "platform/accounts.h"

#define NORM_GENERATE_MAX 100000L

static unsigned long long rng = 0xD1B54A32D192ED03ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A subject: its words for the title and the body. */
static const struct {
	const char *subject, *actor, *duty;
} subjects[] = {
	{"农贸市场", "市场开办者", "建立经营者档案，落实食品安全自查制度"},
	{"养老服务", "养老机构", "配备专业护理人员，定期开展安全隐患排查"},
	{"城市停车场", "停车场经营者", "公示收费标准，设置新能源汽车充电车位"},
	{"物业管理", "物业服务企业", "公开物业服务事项和收费标准，接受业主监督"},
	{"殡葬管理", "殡葬服务单位", "规范丧葬用品销售，推行节地生态安葬"},
	{"农村宅基地", "村民委员会", "公开宅基地申请条件和审批程序"},
	{"中小企业扶持", "申请企业", "如实提供经营和纳税情况，按规定使用扶持资金"},
	{"消防安全", "人员密集场所", "保持疏散通道畅通，定期组织消防演练"},
	{"校园周边环境", "学校及周边经营者", "不得在校园周边销售烟酒和不安全食品"},
	{"医疗保障", "定点医药机构", "严格执行医保目录，不得串换药品和项目"},
	{"生活垃圾分类", "管理责任人", "设置分类收集容器，指导督促分类投放"},
	{"城乡低保", "乡镇人民政府", "做好申请受理、入户调查和公示工作"},
	{"建筑工地扬尘", "施工单位", "落实围挡、覆盖、冲洗等防尘措施"},
	{"饮用水水源保护", "供水单位", "定期检测水质，设置保护区标志"},
	{"旅游市场秩序", "旅游经营者", "明码标价，不得强迫或者变相强迫消费"},
	{"就业创业补贴", "用人单位", "按时足额缴纳社会保险费，如实申报就业人数"},
	{"河道采砂", "采砂许可持有人", "按照许可的范围、期限和方式采砂"},
	{"燃气安全", "燃气经营企业", "定期入户安全检查，及时消除事故隐患"},
	{"森林防火", "林区经营单位", "建立防火责任制，配备必要的扑火器材"},
	{"残疾人救助", "残疾人联合会", "建立救助台账，按月发放补贴资金"},
	{"户外广告设置", "广告设置人", "按照规划设置，定期检查广告设施安全"},
	{"农业机械购置补贴", "农机经销企业", "如实登记销售信息，不得虚假销售套取补贴"},
	{"公共租赁住房", "承租人", "按时缴纳租金，不得转租、转借"},
	{"网络预约出租汽车", "网约车平台公司", "核验驾驶员和车辆资质，保障乘客安全"},
	{"集体资产管理", "农村集体经济组织", "建立资产台账，重大事项经成员大会讨论"},
};
#define NSUBJECTS (sizeof subjects / sizeof subjects[0])

static const char *const forms[] = {"管理办法", "实施细则", "暂行办法", "管理规定", "实施办法",
				    "若干措施", "试行办法"};

/* Issuing bodies and their number prefixes. */
static const struct {
	const char *body, *prefix;
} issuers[] = {
	{"青山县人民政府", "青政规"},
	{"青山县人民政府办公室", "青政办规"},
	{"青山县市场监督管理局", "青市监规"},
	{"青山县民政局", "青民规"},
	{"青山县住房和城乡建设局", "青建规"},
	{"青山县农业农村局", "青农规"},
	{"青山县人力资源和社会保障局", "青人社规"},
	{"青山县生态环境分局", "青环规"},
};
#define NISSUERS (sizeof issuers / sizeof issuers[0])

static char *title_of(struct fz_ctx *ctx, unsigned s, unsigned f, unsigned year)
{
	if (rnd(4) == 0)
		return fz_arena_printf(ctx->arena, "关于进一步加强%s工作的通知（%u年）",
				       subjects[s].subject, year);
	const char *form = forms[f];
	size_t n = strlen(subjects[s].subject);
	/* 殡葬管理 + 管理办法: 青山县殡葬管理办法, not 殡葬管理管理办法. */
	if (n > 6 && strcmp(subjects[s].subject + n - 6, "管理") == 0 && strncmp(form, "管理", 6) == 0)
		form += 6;
	return fz_arena_printf(ctx->arena, "青山县%s%s", subjects[s].subject, form);
}

static char *body_of(struct fz_ctx *ctx, unsigned s, long n, bool amended)
{
	unsigned other = rnd(NSUBJECTS);
	return fz_arena_printf(
		ctx->arena,
		"第一条 为了规范本县%s工作，保障公民、法人和其他组织的合法权益，根据有关法律、法规和规章，"
		"结合本县实际，制定本办法。\n"
		"第二条 本县行政区域内的%s活动及其监督管理，适用本办法。\n"
		"第三条 县人民政府有关部门按照各自职责做好%s的监督管理工作；乡镇人民政府、街道办事处"
		"予以配合。\n"
		"第四条 %s应当%s。\n"
		"第五条 有关部门应当建立健全投诉举报制度，公开举报电话，及时处理群众反映的问题；"
		"涉及%s的，会同相关部门共同处理。\n"
		"第六条 有关部门应当加强信息共享，推行“双随机、一公开”监管，检查结果依法向社会公开。\n"
		"第七条 违反本办法规定的，由有关部门依照相关法律、法规的规定处理。\n"
		"第八条 %s\n"
		"第九条 本办法自印发之日起施行，由县%s工作主管部门负责解释。（编号%ld）\n",
		subjects[s].subject, subjects[s].subject, subjects[s].subject, subjects[s].actor,
		subjects[s].duty, subjects[other].subject,
		amended ? "本办法修改后，有关部门应当自施行之日起三十日内完成相关制度的清理和衔接。"
			: "有关部门应当每年对本办法的实施情况进行评估，评估结果报县人民政府。",
		subjects[s].subject, n);
}

static enum fz_code bench_user(struct fz_ctx *ctx, const char *hash, int64_t agency,
			       struct fz_user *u, struct fz_err *err)
{
	memset(u, 0, sizeof *u);
	u->role = FZ_ROLE_LEGAL_HEAD;
	u->agency_id = agency;
	snprintf(u->username, sizeof u->username, "bench.normlegal");
	snprintf(u->display_name, sizeof u->display_name, "压测法制机构负责人");
	if (fz_user_create(ctx, u->username, u->display_name, u->role, agency, hash,
			   &u->user_id, err) ==
	    FZ_OK)
		return FZ_OK;
	if (err->code != FZ_EDUPLICATE)
		return err->code;
	fz_err_clear(err);
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT user_id, agency_id FROM app_user WHERE username = ?",
					 "t", u->username);
	if (!st)
		return err->code;
	if (fz_stmt_row(st))
		u->user_id = fz_col_int(st, 0);
	fz_stmt_done(st);
	return FZ_OK;
}

/* The register case of one agency: a draft opened with a reason, as the staff page opens one. */
static enum fz_code register_case(struct fz_ctx *ctx, int64_t agency, size_t i, int64_t *case_id,
				  struct fz_err *err)
{
	json_t *in = json_pack(
		"{sI ss ss ss ss ss ss sb}", "agency_id", (json_int_t)agency, "title",
		"压测：历年印发的规范性文件登记", "issuing_body", issuers[i % NISSUERS].body,
		"number_prefix", issuers[i % NISSUERS].prefix, "off_plan_reason", "压测数据登记",
		"body", "历年印发的规范性文件。", "drafting_note", "压测数据", "affects_public", false);
	struct fz_case_row c;
	enum fz_code rc = fz_norm_draft_create(ctx, in, &c, err);
	json_decref(in);
	*case_id = c.case_id;
	return rc;
}

static enum fz_code one_doc(struct fz_ctx *ctx, int64_t agency, int64_t case_id, long n,
			    struct fz_err *err)
{
	int today = ctx->today;
	unsigned s = rnd(NSUBJECTS), f = rnd(sizeof forms / sizeof forms[0]), k = rnd(NISSUERS);
	int issued = today - 10 - (int)rnd(3650);
	int y, m, d;
	fz_date_to_ymd(issued, &y, &m, &d);
	const char *title = title_of(ctx, s, f, (unsigned)y);
	struct fz_norm_issue is = {
		.case_id = case_id,
		.agency_id = agency,
		.issuing_body = issuers[k].body,
		.prefix = issuers[k].prefix,
		.title = title,
		.body = body_of(ctx, s, n, false),
		.provisional = strstr(title, "暂行") || strstr(title, "试行"),
		.issued_on = issued,
		.effective_on = issued + 10 + (int)rnd(20),
	};
	int64_t doc, version;
	char number[64];
	enum fz_code rc = fz_norm_doc_issue(ctx, &is, &doc, &version, number, err);
	if (rc)
		return rc;
	unsigned fate = rnd(20);
	int valid = fz_norm_valid_until(ctx, is.effective_on, is.provisional);
	int span = (valid < today ? valid : today) - is.effective_on;
	if (fate < 2 && span > 60) {
		/* Amended: a second version some time into its validity. */
		struct fz_norm_issue am = is;
		am.amends_doc_id = doc;
		am.issued_on = is.effective_on + 30 + (int)rnd((unsigned)(span - 30));
		am.effective_on = am.issued_on + 10 > today ? am.issued_on : am.issued_on + 10;
		am.body = body_of(ctx, s, n, true);
		am.change_summary = "修改第八条，增加制度衔接的规定。";
		fz_date_to_ymd(am.issued_on, &y, &m, &d);
		if (y > 2000 && (rc = fz_norm_doc_issue(ctx, &am, &doc, &version, number, err)))
			return rc;
		if (fate == 0 && am.effective_on + 30 < (valid < today ? valid : today))
			rc = fz_norm_end(ctx, doc,
					    am.effective_on + 1 +
						    (int)rnd((unsigned)((valid < today ? valid : today) -
									am.effective_on - 1)),
					    "repeal", "上位法修改：与上位法规定不一致，予以废止", err);
	} else if (fate == 2 && span > 30) {
		rc = fz_norm_end(ctx, doc, is.effective_on + 1 + (int)rnd((unsigned)(span - 1)),
				    "repeal", "清理决定：调整对象已消失，予以废止", err);
	}
	return rc;
}

enum fz_code fz_norm_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			      size_t nagencies, struct fz_err *err)
{
	if (count > NORM_GENERATE_MAX)
		count = NORM_GENERATE_MAX;
	const char *pw = getenv("FAZHI_DEMO_PASSWORD");
	char hash[crypto_pwhash_STRBYTES];
	const struct fz_user *saved = ctx->user;
	int64_t *cases = calloc(nagencies, sizeof *cases);
	if (!cases)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	struct fz_user u;
	enum fz_code rc = fz_password_hash(pw && *pw ? pw : "fazhi-demo", hash, sizeof hash, err);
	if (!rc)
		rc = fz_db_begin(ctx->db, err);
	if (!rc)
		rc = bench_user(ctx, hash, agencies[0], &u, err);
	ctx->user = &u;
	for (size_t i = 0; i < nagencies && !rc; i++)
		rc = register_case(ctx, agencies[i], i, &cases[i], err);
	for (long i = 0; i < count && !rc; i++) {
		size_t a = rnd((unsigned)nagencies);
		rc = one_doc(ctx, agencies[a], cases[a], i + 1, err);
		fz_arena_cleanup(ctx->arena);
		if (!rc && (i + 1) % 5000 == 0) {
			rc = fz_db_commit(ctx->db, err);
			if (!rc)
				rc = fz_db_begin(ctx->db, err);
			fprintf(stderr, "\r  已生成规范性文件 %ld / %ld 件（%.0f%%）", i + 1, count,
				100.0 * (double)(i + 1) / (double)count);
		}
	}
	/* What the daily job would have done: documents past their validity expire. */
	if (!rc)
		rc = fz_norm_expire_due(ctx, err);
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	fprintf(stderr, "\n");
	ctx->user = saved;
	free(cases);
	return rc;
}
