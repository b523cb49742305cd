/*
 * norm_precheck.c - the automatic pre-check of a draft before legality review:
 * what a normative document may not do, found as words in its text.
 *
 * A normative document may not create licences, penalties, coercive measures,
 * levies or fees, add licence conditions, or reduce rights and add duties
 * without legal basis (行政许可法 第16条、第17条; 行政处罚法 第16条; 行政强制法
 * 第10条、第13条; 国办发〔2018〕37号), and one that affects market actors must
 * not exclude or restrict competition (公平竞争审查制度). Words are signals,
 * not findings: each hit is shown in context with the rule it may break, for
 * the reviewer to confirm or dismiss. A re-run (the draft submitted again)
 * keeps the decisions already taken on the same words in the same context.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/normative/norm_int.h"

static const char *const licence[] = {"行政许可", "审批", "核准", "许可证", "准入", NULL};
static const char *const condition[] = {"应当具备下列条件", "方可", "须取得", "前置条件", NULL};
static const char *const penalty[] = {"罚款", "没收", "吊销", "暂扣", "责令停产停业", "拘留",
				      "通报批评", "处以", NULL};
static const char *const coercion[] = {"查封", "扣押", "冻结", "强制执行", "强制拆除", NULL};
static const char *const levy[] = {"收费", "收取", "征收", "保证金", "押金", "缴纳", NULL};
static const char *const duties[] = {"禁止", "限制", "不得", "必须", NULL};
static const char *const market[] = {"指定", "本地企业", "外地", "优先采购", "限定", NULL};

const struct fz_norm_rule fz_norm_rules[] = {
	{"licence", "设定行政许可", "《中华人民共和国行政许可法》第十七条：其他规范性文件一律不得设定行政许可",
	 licence},
	{"licence_condition", "增设行政许可条件",
	 "《中华人民共和国行政许可法》第十六条第四款：对行政许可条件作出的具体规定，不得增设违反上位法的其他条件",
	 condition},
	{"penalty", "设定行政处罚",
	 "《中华人民共和国行政处罚法》第十六条：除法律、法规、规章外，其他规范性文件不得设定行政处罚", penalty},
	{"coercion", "设定行政强制措施",
	 "《中华人民共和国行政强制法》第十条第四款、第十三条：法律、法规以外的其他规范性文件不得设定行政强制措施、行政强制执行",
	 coercion},
	{"levy", "设定行政征收或者收费",
	 "国办发〔2018〕37号：不得违法增加办事环节、审批条件等，不得违法设定行政收费、征收事项", levy},
	{"duties", "减损权利或者增加义务",
	 "国办发〔2018〕37号：没有法律、法规依据，不得减损公民、法人和其他组织合法权益或者增加其义务",
	 duties},
	{"competition", "排除、限制竞争（公平竞争审查）",
	 "《公平竞争审查条例》：不得含有排除、限制竞争的内容，如限定经营、购买、使用特定经营者提供的商品和服务",
	 market},
	{NULL, NULL, NULL, NULL},
};

const struct fz_norm_rule *fz_norm_rule_find(const char *code)
{
	for (const struct fz_norm_rule *r = fz_norm_rules; code && r->code; r++)
		if (strcmp(r->code, code) == 0)
			return r;
	return NULL;
}

/* Bytes of n UTF-8 characters back from at (not before start) and forward from end. */
static const char *back_chars(const char *start, const char *at, int n)
{
	while (at > start && n > 0) {
		at--;
		while (at > start && ((unsigned char)*at & 0xC0) == 0x80)
			at--;
		n--;
	}
	return at;
}

static const char *fwd_chars(const char *at, int n)
{
	while (*at && n > 0) {
		at++;
		while (*at && ((unsigned char)*at & 0xC0) == 0x80)
			at++;
		n--;
	}
	return at;
}

#define CONTEXT_CHARS 20
#define MAX_HITS 200

enum fz_code fz_norm_precheck_run(struct fz_ctx *ctx, int64_t case_id, const char *body,
				  struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "DELETE FROM norm_precheck_hit WHERE case_id = ? AND status = 'open'", "i",
		case_id);
	enum fz_code rc = fz_stmt_exec(st, err);
	if (rc)
		return rc;
	st = fz_db_query(ctx->db, err,
			 "SELECT COALESCE(MAX(seq), 0) FROM norm_precheck_hit WHERE case_id = ?", "i",
			 case_id);
	if (!st)
		return err->code;
	int64_t seq = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	int hits = 0;
	for (const struct fz_norm_rule *r = fz_norm_rules; r->code && hits < MAX_HITS; r++) {
		for (const char *const *t = r->terms; *t && hits < MAX_HITS; t++) {
			size_t tl = strlen(*t);
			for (const char *p = strstr(body, *t); p && hits < MAX_HITS;
			     p = strstr(p + tl, *t)) {
				const char *a = back_chars(body, p, CONTEXT_CHARS);
				const char *b = fwd_chars(p + tl, CONTEXT_CHARS);
				char *excerpt = fz_arena_strndup(ctx->arena, a, (size_t)(b - a));
				char *before = fz_arena_strndup(ctx->arena, body, (size_t)(p - body));
				int64_t at_char = (int64_t)fz_utf8_chars(before);
				/* Decided already (same rule, words and context): kept as decided. */
				st = fz_db_query(ctx->db, err,
						 "SELECT 1 FROM norm_precheck_hit WHERE case_id = ? AND rule = ?"
						 " AND term = ? AND excerpt = ?",
						 "itt" "t", case_id, r->code, *t, excerpt);
				if (!st)
					return err->code;
				bool known = fz_stmt_row(st);
				fz_stmt_done(st);
				if (known)
					continue;
				st = fz_db_query(ctx->db, err,
						 "INSERT INTO norm_precheck_hit(case_id, seq, rule, term,"
						 " excerpt, at_char) VALUES (?, ?, ?, ?, ?, ?)",
						 "iitttI" "", case_id, ++seq, r->code, *t, excerpt,
						 (int)at_char);
				if ((rc = fz_stmt_exec(st, err)))
					return rc;
				hits++;
			}
		}
	}
	char now[21];
	fz_iso_utc(ctx->now, now);
	st = fz_db_query(ctx->db, err, "UPDATE norm_draft SET precheck_at = ? WHERE case_id = ?",
			 "ti", now, case_id);
	return fz_stmt_exec(st, err);
}
