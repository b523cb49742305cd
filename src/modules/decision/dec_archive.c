/*
 * dec_archive.c - the whole file of a decision as one ZIP archive (归档,
 * 《重大行政决策程序暂行条例》第三十四条): a contents page, the decision's record
 * step by step (draft, public participation with the comments and answers,
 * experts, risk assessment, legality review, the meeting with each speech, the
 * publication, execution reports, post-evaluation), the timeline with each
 * event's hash, and every attachment, zipped in memory by the platform
 * (fz_zip_build, platform/documents.h) like the enforcement case archive.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/decision/dec_int.h"
#include "platform/attachments.h"
#include "platform/documents.h"
#include "platform/jsonx.h"

static const char *S(json_t *o, const char *k)
{
	const char *s = json_string_value(json_object_get(o, k));
	return s ? s : "";
}

static void head(FILE *f, const char *title, json_t *c)
{
	fputs("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>", f);
	fz_html_esc(f, title);
	fputs(
	    "</"
	    "title><style>body{font-family:'FangSong','仿宋',serif;margin:2em}table{border-"
	    "collapse:"
	    "collapse;width:100%}td,th{border:1px solid #333;padding:4px 6px;font-size:14px;"
	    "vertical-align:top;white-space:pre-wrap}th{background:#eee;width:12em;text-align:left}"
	    "code{font-size:12px;word-break:break-all}</style></head><body><h1>",
	    f);
	fz_html_esc(f, title);
	fputs("</h1><p>编号：", f);
	fz_html_esc(f, S(c, "number"));
	fputs("　决策事项：", f);
	fz_html_esc(f, S(c, "title"));
	fputs("　承办单位：", f);
	fz_html_esc(f, S(c, "agency_name"));
	fputs("</p>", f);
}

static void row(FILE *f, const char *label, const char *v)
{
	if (!v || !*v)
		return;
	fputs("<tr><th>", f);
	fz_html_esc(f, label);
	fputs("</th><td>", f);
	fz_html_esc(f, v);
	fputs("</td></tr>", f);
}

static void record_html(FILE *f, json_t *c, json_t *comments)
{
	json_t *x = json_object_get(c, "fields");
	head(f, "重大行政决策过程记录", c);
	fputs("<h2>一、决策启动</h2><table>", f);
	row(f, "决策草案", S(x, "draft"));
	row(f, "起草说明", S(x, "explanation"));
	fputs("</table><h2>二、公众参与</h2><table>", f);
	row(f, "不公开征求意见的理由", S(x, "participation_skip_reason"));
	row(f, "征求意见开始", S(x, "comment_from"));
	row(f, "征求意见截止", S(x, "comment_to"));
	row(f, "期限少于 30 日的理由", S(x, "comment_short_reason"));
	row(f, "听证会日期", S(x, "hearing_on"));
	row(f, "听证材料送达日期", S(x, "hearing_materials_on"));
	row(f, "听证地点", S(x, "hearing_place"));
	row(f, "公众意见采纳情况", S(x, "comment_summary"));
	fputs("</table>", f);
	size_t i;
	json_t *v;
	if (json_array_size(json_object_get(comments, "items"))) {
		fputs(
		    "<table><tr><th>提交日期</th><th>意见</th><th>采纳情况</th><th>答复</th></tr>",
		    f);
		json_array_foreach (json_object_get(comments, "items"), i, v) {
			fputs("<tr><td>", f);
			fz_html_esc(f, S(v, "submitted_on"));
			fputs("</td><td>", f);
			fz_html_esc(f, S(v, "content"));
			fputs("</td><td>", f);
			fz_html_esc(f, S(v, "adopted_label"));
			fputs("</td><td>", f);
			fz_html_esc(f, S(v, "answer"));
			fputs("</td></tr>", f);
		}
		fputs("</table>", f);
	}
	fputs("<h2>三、专家论证</h2><table>", f);
	row(f, "不组织专家论证的理由", S(x, "expert_skip_reason"));
	json_array_foreach (json_object_get(x, "experts"), i, v) {
		char *label = NULL;
		size_t n = 0;
		FILE *m = open_memstream(&label, &n);
		if (!m)
			continue;
		fprintf(m, "%s（%s）", S(v, "name"), S(v, "party"));
		fclose(m);
		row(f, label, S(v, "opinion"));
		free(label);
	}
	row(f, "论证意见综述", S(x, "expert_summary"));
	fputs("</table><h2>四、风险评估</h2><table>", f);
	row(f, "不开展风险评估的理由", S(x, "risk_skip_reason"));
	row(f, "评估单位", S(x, "risk_assessor"));
	row(f, "风险等级", S(x, "risk_level_label"));
	row(f, "风险点", S(x, "risk_points"));
	row(f, "防范化解措施", S(x, "risk_measures"));
	row(f, "应急处置预案", S(x, "risk_contingency"));
	row(f, "风险评估报告", S(x, "risk_report"));
	fputs("</table><h2>五、合法性审查</h2><table>", f);
	row(f, "审查案件", S(x, "review_number"));
	row(f, "审查意见", S(x, "review_opinion_label"));
	row(f, "出具意见日期", S(x, "reviewed_on"));
	fputs("</table><h2>六、集体讨论决定</h2><table>", f);
	row(f, "决策会议", S(x, "meeting_title"));
	row(f, "决定日期", S(x, "decided_on"));
	json_array_foreach (json_object_get(x, "speeches"), i, v) {
		char *label = NULL;
		size_t n = 0;
		FILE *m = open_memstream(&label, &n);
		if (!m)
			continue;
		fprintf(m, "%zu. %s%s%s", i + 1, S(v, "speaker"),
			json_is_true(json_object_get(v, "is_head")) ? "（行政首长）" : "",
			json_is_true(json_object_get(v, "dissent")) ? "（不同意见）" : "");
		fclose(m);
		row(f, label, S(v, "view"));
		free(label);
	}
	row(f, "不同意见", S(x, "dissent"));
	row(f, "决定结果", S(x, "outcome_label"));
	row(f, "决定内容", S(x, "decision_text"));
	fputs("</table><h2>七、决策公布</h2><table>", f);
	row(f, "公布日期", S(x, "published_on"));
	row(f, "公布载体和文号", S(x, "publish_channel"));
	row(f, "公众意见采纳情况说明", S(x, "publish_account"));
	fputs("</table><h2>八、执行和决策后评估</h2><table>", f);
	json_array_foreach (json_object_get(x, "progress_reports"), i, v)
		row(f, S(v, "reported_on"), S(v, "progress"));
	row(f, "评估单位", S(x, "evaluator"));
	row(f, "评估完成日期", S(x, "evaluated_on"));
	row(f, "评估结论", S(x, "evaluation_conclusion_label"));
	row(f, "评估报告", S(x, "evaluation_report"));
	fputs("</table></body></html>", f);
}

enum fz_code fz_dec_archive_zip(struct fz_ctx *ctx, int64_t case_id, char **out, size_t *len,
				const char **filename, struct fz_err *err)
{
	json_t *c = NULL, *comments = NULL;
	enum fz_code rc = fz_case_detail(ctx, case_id, &c, err);
	if (rc)
		return rc;
	json_t *cs = json_object_get(c, "case");
	if (cs)
		json_incref(cs);
	else
		cs = json_incref(c);
	if ((rc = fz_dec_case_comments_json(ctx, case_id, &comments, err)))
		goto done;
	size_t natt = json_array_size(json_object_get(c, "attachments"));
	struct fz_zip_entry *e = fz_arena_alloc(ctx->arena, sizeof *e * (natt + 4));
	size_t n = 0;
	char *rec = NULL, *idx = NULL, *tl = NULL;
	size_t rec_len = 0, idx_len = 0, tl_len = 0;
	FILE *fr = open_memstream(&rec, &rec_len), *fi = open_memstream(&idx, &idx_len),
	     *ft = open_memstream(&tl, &tl_len);
	if (!fr || !fi || !ft) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto close;
	}
	if (!json_object_get(cs, "fields"))
		json_object_set(cs, "fields", json_object_get(c, "fields"));
	record_html(fr, cs, comments);
	head(fi, "决策案卷目录", cs);
	fputs("<table><tr><th>序号</th><th>材料</th><th>卷内文件</th></tr>"
	      "<tr><td>1</td><td>决策过程记录</td><td>决策过程记录.html</td></tr>"
	      "<tr><td>2</td><td>办理过程（含事件哈希）</td><td>办理过程.html</td></tr>",
	      fi);
	int seq = 2;
	size_t i;
	json_t *a;
	json_array_foreach (json_object_get(c, "attachments"), i, a) {
		struct fz_attachment att;
		json_int_t aid = json_integer_value(json_object_get(a, "attachment_id"));
		if ((rc = fz_attachment_get(ctx, aid, &att, err)))
			break;
		const char *name = fz_arena_printf(ctx->arena, "附件/%02d-%s", ++seq, att.filename);
		e[n++] = (struct fz_zip_entry){name, att.data, att.len};
		fprintf(fi, "<tr><td>%d</td><td>", seq);
		fz_html_esc(fi, att.filename);
		fputs("</td><td>", fi);
		fz_html_esc(fi, name);
		fputs("</td></tr>", fi);
	}
	fputs(
	    "</table><p>《重大行政决策程序暂行条例》第三十四条：决策机关应当按照档案管理有关规定，"
	    "及时完整归档决策过程中形成的材料。</p></body></html>",
	    fi);
	head(ft, "办理过程", cs);
	fputs(
	    "<table><tr><th>序号</th><th>时间（UTC）</th><th>操作人</th><th>环节</th><th>说明</th>"
	    "<th>事件哈希</th></tr>",
	    ft);
	json_t *ev;
	json_t *events = json_object_get(c, "events");
	if (!events)
		events = json_object_get(cs, "events");
	json_array_foreach (events, i, ev) {
		json_int_t id = json_integer_value(json_object_get(ev, "event_id"));
		char hash[65] = "";
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err, "SELECT hash FROM event WHERE event_id = ?", "i", (int64_t)id);
		if (st && fz_stmt_row(st))
			snprintf(hash, sizeof hash, "%s", fz_col_text(st, 0));
		fz_stmt_done(st);
		fprintf(ft, "<tr><td>%lld</td><td>", (long long)id);
		fz_html_esc(ft, S(ev, "at"));
		fputs("</td><td>", ft);
		fz_html_esc(ft, S(ev, "actor"));
		fputs("</td><td>", ft);
		fz_html_esc(ft, S(ev, "action_label"));
		fputs("</td><td>", ft);
		fz_html_esc(ft, S(ev, "note"));
		fprintf(ft, "</td><td><code>%s</code></td></tr>", hash);
	}
	fputs("</table></body></html>", ft);
close:
	if (fr)
		fclose(fr);
	if (fi)
		fclose(fi);
	if (ft)
		fclose(ft);
	if (!rc) {
		e[n++] = (struct fz_zip_entry){"目录.html", idx, idx_len};
		e[n++] = (struct fz_zip_entry){"决策过程记录.html", rec, rec_len};
		e[n++] = (struct fz_zip_entry){"办理过程.html", tl, tl_len};
		rc = fz_zip_build(e, n, "决策案卷压缩包", out, len, err);
		*filename = fz_arena_printf(ctx->arena, "决策案卷-%s.zip", S(cs, "number"));
	}
	free(rec);
	free(idx);
	free(tl);
done:
	json_decref(comments);
	json_decref(cs);
	json_decref(c);
	return rc;
}
