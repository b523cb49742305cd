/*
 * enf_generate.c - synthetic penalty cases for benchmarks (`fazhi bench-gen`).
 *
 * Each bench agency first gets what a real agency has before it can file a
 * case: an enforcement body confirmed and published, a penalty item in its
 * power list and three officers holding valid certificates, all through the
 * functions and steps the staff pages use. Then count penalty cases, filed
 * over the last 400 days and spread over the agencies, are taken through the
 * real procedure as far as their age allows (notice, statement, decision,
 * publication, service, payment, closing; a share on the spot), so the case
 * lists, the published decisions, the clocks and the figures hold what a year
 * of enforcement leaves. Deterministic: the same
 * cases each run. The demo county's cases are data files instead (demo
 * folder, enf_demo_kinds.c).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/enforcement/enf_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"

#define OFFICERS 3

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

struct agency_kit {
	struct fz_user head, legal;
	int64_t body_id, power_id, officers[OFFICERS];
};

static const char *const matters[] = {
	"未取得食品经营许可从事餐饮服务", "销售超过保质期的食品", "未按规定明码标价",
	"使用未经检定的计量器具",       "擅自占用城市道路经营",   "未按规定设置安全警示标志",
	"超标排放大气污染物",           "无证运输危险货物",       "未依法履行安全生产培训义务",
	"违规处置建筑垃圾",
};
static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
static const char *const towns[] = {"城关镇", "东湖街道", "青山镇", "石桥镇", "龙泉镇", "柳河乡"};

/* Sets the acting day: the step's day is today for the checks that read it. */
static void on_day(struct fz_ctx *ctx, int day)
{
	ctx->today = day;
	ctx->now = (int64_t)day * 86400 + 2 * 3600 + (int64_t)rnd(6 * 3600);
}

static enum fz_code act(struct fz_ctx *ctx, struct fz_user *as, int64_t case_id, int day,
			const char *action, json_t *in, struct fz_err *err)
{
	ctx->user = as;
	on_day(ctx, day);
	enum fz_code rc = fz_case_act_current(ctx, case_id, action, in, err);
	json_decref(in);
	return rc;
}

static json_t *day_in(const char *key, int day)
{
	char d[11];
	fz_date_format(day, d);
	return json_pack("{ss}", key, d);
}

/* The body, power item and certified officers an agency needs before it files a case. */
static enum fz_code agency_setup(struct fz_ctx *ctx, size_t i, int64_t agency, int today,
				 const char *hash, struct agency_kit *k, struct fz_err *err)
{
	char name[64], code[32];
	enum fz_code rc;
	snprintf(name, sizeof name, "bench.enf%03zu", i + 1);
	if ((rc = fz_user_ensure(ctx, name, "压测执法单位负责人", FZ_ROLE_AGENCY_HEAD, agency, hash, &k->head,
			    err)))
		return rc;
	snprintf(name, sizeof name, "bench.enflegal%03zu", i + 1);
	if ((rc = fz_user_ensure(ctx, name, "压测法制员", FZ_ROLE_LEGAL_STAFF, agency, hash, &k->legal, err)))
		return rc;
	int start = today - 800;
	ctx->user = &k->legal;
	on_day(ctx, start);
	snprintf(name, sizeof name, "压测执法主体%03zu", i + 1);
	json_t *in = json_pack("{sI ss ss ss ss}", "agency_id", (json_int_t)agency, "name", name,
			       "kind", "organ", "legal_basis", "《中华人民共和国行政处罚法》第十七条",
			       "level", "department");
	json_t *out = NULL;
	rc = fz_enf_body_create(ctx, in, &out, err);
	json_decref(in);
	if (rc)
		return rc;
	k->body_id = json_integer_value(json_object_get(out, "body_id"));
	int64_t body_case = json_integer_value(json_object_get(out, "case_id"));
	json_decref(out);
	if ((rc = act(ctx, &k->legal, body_case, start + 10, "confirm",
		      json_pack("{ss}", "opinion", "主体资格依据充分，予以确认。"), err)))
		return rc;
	json_t *pub = day_in("published_on", start + 20);
	json_object_set_new(pub, "announcement", json_string("压测公告〔2024〕1号"));
	if ((rc = act(ctx, &k->legal, body_case, start + 20, "publish", pub, err)))
		return rc;
	snprintf(code, sizeof code, "BENCH-%03zu-CF-001", i + 1);
	ctx->user = &k->legal;
	in = json_pack("{sI ss ss ss ss ss}", "body_id", (json_int_t)k->body_id, "code", code, "name",
		       "对违反市场秩序管理规定行为的行政处罚", "category", "penalty", "law_name",
		       "《中华人民共和国行政处罚法》", "article", "第九条");
	out = NULL;
	rc = fz_enf_power_create(ctx, in, &out, err);
	json_decref(in);
	if (rc)
		return rc;
	k->power_id = json_integer_value(json_object_get(out, "item_id"));
	json_decref(out);
	for (int o = 0; o < OFFICERS; o++) {
		char oname[32];
		snprintf(oname, sizeof oname, "%s%s%d", surnames[rnd(10)], "执法", o + 1);
		ctx->user = &k->legal;
		on_day(ctx, start + 30);
		in = json_pack("{sI ss ss ss ss ss ss sb}", "body_id", (json_int_t)k->body_id, "name",
			       oname, "gender", "male", "post", "enforcement", "area", "青山县行政区域",
			       "education", "bachelor", "employment", "civil_servant",
			       "legal_qualification", o == 0);
		out = NULL;
		rc = fz_enf_officer_create(ctx, in, &out, err);
		json_decref(in);
		if (rc)
			return rc;
		k->officers[o] = json_integer_value(json_object_get(out, "officer_id"));
		json_decref(out);
		in = json_pack("{sI}", "officer_id", (json_int_t)k->officers[o]);
		struct fz_case_row cert;
		rc = fz_enf_cert_apply_new(ctx, in, &cert, err);
		json_decref(in);
		if (rc)
			return rc;
		json_t *train = day_in("completed_on", start + 40);
		json_object_set_new(train, "hours", json_integer(40));
		json_t *exam = day_in("exam_on", start + 50);
		json_object_set_new(exam, "score", json_integer(80));
		if ((rc = act(ctx, &k->legal, cert.case_id, start + 32, "qualify",
			      json_pack("{ss}", "note", "符合条件"), err)) ||
		    (rc = act(ctx, &k->legal, cert.case_id, start + 40, "train", train, err)) ||
		    (rc = act(ctx, &k->legal, cert.case_id, start + 50, "exam_pass", exam, err)) ||
		    (rc = act(ctx, &k->legal, cert.case_id, start + 60, "issue",
			      json_pack("{ss si}", "area", "青山县行政区域", "valid_years", 5), err)))
			return rc;
	}
	return FZ_OK;
}

/* One case: filed on `filed`, taken as far as its age allows. */
static enum fz_code one_case(struct fz_ctx *ctx, struct agency_kit *k, int today, long n,
			     struct fz_err *err)
{
	int filed = today - (int)rnd(400);
	bool org = rnd(3) != 0, simple = rnd(7) == 0;
	char party[64], matter[256], filed_s[11], act_s[11];
	if (org)
		snprintf(party, sizeof party, "青山县%s压测商贸有限公司%ld", towns[rnd(6)], n);
	else
		snprintf(party, sizeof party, "%s某%ld", surnames[rnd(10)], n);
	snprintf(matter, sizeof matter, "%s%s案", party, matters[rnd(10)]);
	fz_date_format(filed, filed_s);
	fz_date_format(filed - 1 - (int)rnd(30), act_s);
	json_t *in = json_pack("{sI sI ss ss ss ss ss ss ss ss s[II]}", "body_id", (json_int_t)k->body_id,
			       "power_id", (json_int_t)k->power_id, "procedure",
			       simple ? "simple" : "normal", "party_type", org ? "organisation" : "citizen",
			       "party_name", party, "matter", matter, "source", "inspection", "act_on",
			       act_s, "filed_on", filed_s, "facts", "执法人员检查时发现当事人存在上述违法行为。",
			       "officer_ids", (json_int_t)k->officers[0],
			       (json_int_t)k->officers[1 + rnd(OFFICERS - 1)]);
	ctx->user = &k->head;
	on_day(ctx, filed);
	struct fz_case_row c;
	enum fz_code rc = fz_enf_penalty_file(ctx, in, &c, err);
	json_decref(in);
	if (rc)
		return rc;
	int age = today - filed;
	long fine = org ? 1000 + 500 * (long)rnd(150) : 50 + 50 * (long)rnd(150);
	if (simple) {
		fine = org ? 500 + 100 * (long)rnd(25) : 50 + 50 * (long)rnd(3);
		json_t *d = day_in("decided_on", filed);
		json_object_set_new(d, "penalty_kind", json_string("fine"));
		json_object_set_new(d, "fine_amount", json_integer(fine));
		json_object_set_new(d, "decision_text", json_string("当场作出罚款决定。"));
		if ((rc = act(ctx, &k->head, c.case_id, filed, "decide_simple", d, err)))
			return rc;
		int published = filed + 1 + (int)rnd(6);
		if (published <= today &&
		    (rc = act(ctx, &k->head, c.case_id, published, "publish",
			      day_in("published_on", published), err)))
			return rc;
		if (age < 10 || rnd(10) == 0)
			return FZ_OK;
		json_t *p = day_in("paid_on", filed + 1 + (int)rnd(9));
		json_object_set_new(p, "paid_amount", json_integer(fine));
		if ((rc = act(ctx, &k->head, c.case_id, filed + 10, "pay", p, err)))
			return rc;
		return act(ctx, &k->head, c.case_id, filed + 10, "close", day_in("closed_on", filed + 10),
			   err);
	}
	/* Normal procedure: each step a few working days after the last, while the age allows. */
	int notify = filed + 5 + (int)rnd(10);
	if (notify > today)
		return FZ_OK;
	json_t *nt = day_in("notified_on", notify);
	json_object_set_new(nt, "proposed_kind", json_string("fine"));
	json_object_set_new(nt, "proposed_fine", json_integer(fine));
	json_object_set_new(nt, "hearing_offered", json_false());
	json_object_set_new(nt, "facts", json_string("拟作出罚款的行政处罚，告知当事人陈述、申辩的权利。"));
	if ((rc = act(ctx, &k->head, c.case_id, notify, "notify", nt, err)))
		return rc;
	int stmt = notify + 7;
	if (stmt > today)
		return FZ_OK;
	json_t *s = day_in("statement_on", stmt);
	json_object_set_new(s, "statement", json_string("当事人未提出陈述、申辩意见。"));
	if ((rc = act(ctx, &k->head, c.case_id, stmt, "statement", s, err)))
		return rc;
	int decide = stmt + 3 + (int)rnd(20);
	if (decide > today || decide > filed + 85)
		return FZ_OK;
	json_t *d = day_in("decided_on", decide);
	bool punish = rnd(12) != 0;
	json_object_set_new(d, "outcome", json_string(punish ? "penalty" : "no_penalty"));
	if (punish) {
		json_object_set_new(d, "penalty_kind", json_string("fine"));
		json_object_set_new(d, "fine_amount", json_integer(fine));
	} else {
		json_object_set_new(d, "no_penalty_ground", json_string("first_minor"));
	}
	json_object_set_new(d, "decision_text", json_string("依法作出决定。"));
	if ((rc = act(ctx, &k->head, c.case_id, decide, "decide", d, err)))
		return rc;
	/* 公示 within 7 working days (国办发〔2018〕118号), a few late, some not yet. */
	int published = decide + 1 + (int)rnd(punish ? 8 : 20);
	if (published <= today && rnd(40) != 0 &&
	    (rc = act(ctx, &k->head, c.case_id, published, "publish", day_in("published_on", published),
		      err)))
		return rc;
	int serve = decide + 1 + (int)rnd(4);
	if (serve > today)
		return FZ_OK;
	json_t *sv = day_in("served_on", serve);
	json_object_set_new(sv, "method", json_string("direct"));
	if ((rc = act(ctx, &k->head, c.case_id, serve, "serve", sv, err)))
		return rc;
	int close = serve + 20;
	if (punish) {
		int paid = serve + 1 + (int)rnd(14);
		if (paid > today || rnd(15) == 0)
			return FZ_OK;
		json_t *p = day_in("paid_on", paid);
		json_object_set_new(p, "paid_amount", json_integer(fine));
		if ((rc = act(ctx, &k->head, c.case_id, paid, "pay", p, err)))
			return rc;
		close = paid + 5;
	}
	if (close > today)
		return FZ_OK;
	return act(ctx, &k->head, c.case_id, close, "close", day_in("closed_on", close), err);
}

enum fz_code fz_enf_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			     size_t nagencies, struct fz_err *err)
{
	struct agency_kit *kits = calloc(nagencies, sizeof *kits);
	if (!kits)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	/* One password for every bench user (bench.enf001 … can sign in with the demo password). */
	const char *pw = getenv("FAZHI_DEMO_PASSWORD");
	char hash[crypto_pwhash_STRBYTES];
	const struct fz_user *saved = ctx->user;
	int today = ctx->today;
	enum fz_code rc = fz_password_hash(pw && *pw ? pw : "fazhi-demo", hash, sizeof hash, err);
	if (!rc)
		rc = fz_db_begin(ctx->db, err);
	for (size_t i = 0; i < nagencies && !rc; i++) {
		rc = agency_setup(ctx, i, agencies[i], today, hash, &kits[i], err);
		fz_arena_cleanup(ctx->arena);
	}
	for (long i = 0; i < count && !rc; i++) {
		rc = one_case(ctx, &kits[rnd((unsigned)nagencies)], today, i + 1, err);
		fz_arena_cleanup(ctx->arena);
		if (!rc && (i + 1) % 20000 == 0) {
			rc = fz_db_commit(ctx->db, err);
			if (!rc)
				rc = fz_db_begin(ctx->db, err);
			fprintf(stderr, "\r  已生成 %ld / %ld 件（%.0f%%）", i + 1, count,
				100.0 * (double)(i + 1) / (double)count);
		}
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	fprintf(stderr, "\n");
	ctx->user = saved;
	ctx->today = today;
	fz_ctx_set_time(ctx);
	free(kits);
	return rc;
}
