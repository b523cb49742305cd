/*
 * dec_meeting.c - the county government's register of its meetings that
 * decide (常务会议, 全体会议: 《重大行政决策程序暂行条例》第三十条), each with
 * its session number, attendees, the matters on it, and the leaders' study
 * of law before the meeting (会前学法: topic, speaker, who attended). A
 * decision's meeting step names one of them.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/decision/dec_int.h"
#include "platform/jsonx.h"

const struct fz_option fz_dec_meeting_kinds[] = {
    {"executive", "常务会议"},
    {"plenary", "全体会议"},
    {NULL, NULL},
};

const struct fz_input fz_dec_meeting_inputs[] = {
    {.name = "kind",
     .label = "会议类型",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_dec_meeting_kinds},
    {.name = "session_no",
     .label = "会议届次（第几次）",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 999},
    {.name = "held_on", .label = "会议日期", .type = FZ_IN_DATE, .required = true},
    {.name = "chair", .label = "主持人", .type = FZ_IN_TEXT, .required = true, .max_chars = 40},
    {.name = "attendees",
     .label = "出席人员",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 2000},
    {.name = "topics", .label = "会议议题", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
    {.name = "study_topic", .label = "会前学法内容", .type = FZ_IN_TEXT, .max_chars = 200},
    {.name = "study_speaker", .label = "会前学法主讲人", .type = FZ_IN_TEXT, .max_chars = 60},
    {.name = "study_attendees",
     .label = "会前学法参学人员",
     .type = FZ_IN_TEXTAREA,
     .max_chars = 2000},
    {.name = NULL},
};

enum fz_code fz_dec_meeting_create(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err)
{
	if (!fz_dec_is_gov(ctx))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "会议由县人民政府（或者法制机构）登记");
	int64_t gov = fz_dec_gov_agency(ctx);
	if (!gov)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "单位名录中没有县人民政府（代码 gov）");
	int held;
	if (fz_date_parse(fz_json_str(in, "held_on"), &held))
		return fz_err_set(err, FZ_EBAD_DATE, "held_on", "会议日期无效");
	const char *topic = fz_json_str(in, "study_topic");
	bool study = !fz_dec_blank(topic);
	if (study && fz_dec_blank(fz_json_str(in, "study_speaker")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "study_speaker",
				  "记录会前学法的，请填写主讲人");
	if (study && fz_dec_blank(fz_json_str(in, "study_attendees")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "study_attendees",
				  "记录会前学法的，请填写参学人员");
	int y, m, d;
	fz_date_to_ymd(held, &y, &m, &d);
	const char *kind = fz_json_str(in, "kind");
	int64_t no = (int64_t)json_integer_value(json_object_get(in, "session_no"));
	const char *title =
	    fz_arena_printf(ctx->arena, "县人民政府%d年第%lld次%s", y, (long long)no,
			    fz_option_label(fz_dec_meeting_kinds, kind));
	/* One session number per kind and year. */
	char from[11], to[11];
	fz_date_format(fz_date_from_ymd(y, 1, 1), from);
	fz_date_format(fz_date_from_ymd(y, 12, 31), to);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT 1 FROM dec_meeting WHERE kind = ? AND session_no = ?"
			" AND held_on BETWEEN ? AND ?",
			"titt", kind, no, from, to);
	if (!st)
		return err->code;
	bool dup = fz_stmt_row(st);
	fz_stmt_done(st);
	if (dup)
		return fz_err_set(err, FZ_EDUPLICATE, "session_no", "%s已经登记", title);
	char now[21];
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO dec_meeting(agency_id, kind, session_no, title, held_on, chair,"
	    " attendees, topics, study_topic, study_speaker, study_attendees, created_by,"
	    " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?)"
	    " RETURNING meeting_id",
	    "itittttttttit", gov, kind, no, title, fz_json_str(in, "held_on"),
	    fz_json_str(in, "chair"), fz_json_str(in, "attendees"), fz_json_str(in, "topics"),
	    study ? topic : NULL, study ? fz_json_str(in, "study_speaker") : NULL,
	    study ? fz_json_str(in, "study_attendees") : NULL,
	    ctx->user ? ctx->user->user_id : (int64_t)0, now);
	if ((rc = fz_stmt_exec_id(st, id, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

#define MEETING_COLS                                                                               \
	"m.meeting_id, m.kind, m.session_no, m.title, m.held_on, m.chair, m.attendees, m.topics,"  \
	" m.study_topic, m.study_speaker, m.study_attendees, m.agency_id,"                         \
	" (SELECT COUNT(*) FROM dec_decision d WHERE d.meeting_id = m.meeting_id)"

static json_t *meeting_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	json_t *o = json_object();
	json_object_set_new(o, "meeting_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "kind", fz_col_text(st, 1));
	fz_json_set_str(o, "kind_label", fz_option_label(fz_dec_meeting_kinds, fz_col_text(st, 1)));
	json_object_set_new(o, "session_no", json_integer(fz_col_int(st, 2)));
	fz_json_set_str(o, "title", fz_col_text(st, 3));
	fz_json_set_str(o, "held_on", fz_col_text(st, 4));
	fz_json_set_str(o, "chair", fz_col_text(st, 5));
	fz_json_set_str(o, "attendees", fz_col_text(st, 6));
	fz_json_set_str(o, "topics", fz_col_text(st, 7));
	fz_json_set_str(o, "study_topic", fz_col_text(st, 8));
	fz_json_set_str(o, "study_speaker", fz_col_text(st, 9));
	fz_json_set_str(o, "study_attendees", fz_col_text(st, 10));
	json_object_set_new(o, "study", json_boolean(!fz_col_null(st, 8)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 11)));
	json_object_set_new(o, "decision_count", json_integer(fz_col_int(st, 12)));
	return o;
}

static const struct fz_list_filter meeting_filters[] = {
    {.param = "year", .label = "年度", .kind = FZ_LF_YEAR, .sql = "m.held_on"},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "m.agency_id = ?"},
    {.param = "kind",
     .label = "会议类型",
     .kind = FZ_LF_OPTION,
     .sql = "m.kind = ?",
     .options = fz_dec_meeting_kinds},
    {.param = "study",
     .label = "有会前学法",
     .kind = FZ_LF_FLAG,
     .sql = "m.study_topic IS NOT NULL"},
    {.param = "held",
     .label = "会议日期",
     .kind = FZ_LF_DATES,
     .sql = "m.held_on",
     .param_to = "held_to"},
    {.param = NULL},
};

static const struct fz_list_sort meeting_sorts[] = {
    {.name = "held_on", .expr = "m.held_on"},
    {.name = NULL},
};

static const struct fz_list_col meeting_cols[] = {
    {.key = "title", .header = "会议", .width = 30},
    {.key = "held_on", .header = "会议日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "chair", .header = "主持人", .width = 12},
    {.key = "attendees", .header = "出席人员", .width = 40},
    {.key = "study_topic", .header = "会前学法内容", .width = 30},
    {.key = "study_speaker", .header = "主讲人", .width = 14},
    {.key = "decision_count", .header = "决定的重大事项", .kind = FZ_LC_NUMBER, .width = 12},
    {.key = NULL},
};

const struct fz_list fz_dec_meetings_list = {
    .name = "县人民政府会议",
    .select = MEETING_COLS,
    .from = "dec_meeting m",
    /* The government\'s register: its own staff, the legal office and the leaders. */
    .scope = "m.agency_id",
    .filters = meeting_filters,
    .sorts = meeting_sorts,
    .sort_default = "-held_on",
    .tiebreak = "m.meeting_id",
    .row = meeting_row,
    .columns = meeting_cols,
};

enum fz_code fz_dec_meeting_json(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT " MEETING_COLS " FROM dec_meeting m WHERE m.meeting_id = ?", "i",
	    id);
	if (!st)
		return err->code;
	json_t *o = fz_stmt_row(st) ? meeting_row(ctx, st, NULL) : NULL;
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "会议不存在");
	/* The decisions it took, those the caller may see. */
	json_t *a = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.case_id, c.number, c.title, d.outcome, c.agency_id FROM dec_decision d"
	    " JOIN case_record c ON c.case_id = d.case_id WHERE d.meeting_id = ?"
	    " ORDER BY c.case_id",
	    "i", id);
	while (st && fz_stmt_row(st)) {
		if (!fz_ctx_may_see(ctx, fz_col_int(st, 4)) && !fz_dec_is_gov(ctx))
			continue;
		json_t *r = json_object();
		json_object_set_new(r, "case_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(r, "number", fz_col_text(st, 1));
		fz_json_set_str(r, "title", fz_col_text(st, 2));
		fz_json_set_str(r, "outcome", fz_col_text(st, 3));
		fz_json_set_str(r, "outcome_label",
				fz_col_null(st, 3)
				    ? NULL
				    : fz_option_label(fz_dec_outcomes, fz_col_text(st, 3)));
		json_array_append_new(a, r);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "decisions", a);
	*out = o;
	return FZ_OK;
}
