/*
 * petition_store.c - the petitions' SQL: the petition table (with the
 * petitioner's identity, read only by staff who may read the case),
 * registration with the duplicate rules (第19条, 第36条), the domain half of
 * each transition and the public tracking view (no identity data).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "modules/petition/petition_int.h"
#include "platform/jsonx.h"
#include "platform/search.h"

const struct fz_migration fz_petition_migrations[] = {
    {"petition-001",
     "CREATE TABLE petition ("
     " case_id INTEGER PRIMARY KEY REFERENCES case_record, channel TEXT NOT NULL,"
     " petitioner_name TEXT NOT NULL, id_number TEXT NOT NULL, phone TEXT NOT NULL,"
     " address TEXT, matter_type TEXT NOT NULL, subject TEXT NOT NULL, content TEXT NOT NULL,"
     " order_number TEXT, handler_agency_id INTEGER REFERENCES agency, route_kind TEXT,"
     " routed_on TEXT, objection_reason TEXT, accepted_on TEXT, refuse_reason TEXT,"
     " extension_days INTEGER, extension_reason TEXT, outcome TEXT, opinion TEXT,"
     " replied_on TEXT, review_outcome TEXT, review_opinion TEXT, reviewed_on TEXT,"
     " recheck_outcome TEXT, recheck_opinion TEXT, rechecked_on TEXT,"
     " hearing INTEGER NOT NULL DEFAULT 0, rating TEXT, rated_on TEXT, rated_by TEXT,"
     " reopened INTEGER NOT NULL DEFAULT 0, finished_on TEXT,"
     " duplicate_of INTEGER REFERENCES case_record);"
     "CREATE INDEX petition_matter ON petition(id_number, matter_type, subject);"
     "CREATE INDEX petition_handler ON petition(handler_agency_id);"},
    /* A petition converted from another case (a 县长信箱 letter): at most one per source. */
    {"petition-002", "ALTER TABLE petition ADD COLUMN source_case_id INTEGER REFERENCES case_record;"
		     "CREATE UNIQUE INDEX petition_source ON petition(source_case_id);"},
    /*
     * The keyword (编号、信访人、事项、内容、工单编号) through the module's own full-text
     * index with character pairs for two-character words (platform/search.h): LIKE over
     * 200,000 petitions took 0.3-0.7 s. Petitions registered before are indexed by the
     * job petition.search_index (at the next start); until it has indexed them all
     * (petition_fts_state.complete) the keyword stays LIKE.
     */
    {"petition-003",
     "CREATE VIRTUAL TABLE petition_fts USING fts5(number, name, subject, content, order_number,"
     " tokenize='trigram');"
     "CREATE VIRTUAL TABLE petition_fts_pairs USING fts5(number, name, subject, content,"
     " order_number, content='', detail='none', tokenize='unicode61');"
     "CREATE TABLE petition_fts_state (complete INTEGER NOT NULL);"
     "INSERT INTO petition_fts_state VALUES (0);"
     /*
      * The list's count joins each case to its petition: through this narrow index, not
      * the petition rows (a year's 70,000: 175 → 50 ms); by channel from its own index
      * (390 → 15 ms); sorted by due date (open ones first) along the petitions' due dates
      * instead of sorting them all (0.8 s → 8 ms).
      */
     "CREATE INDEX petition_cover ON petition(case_id, channel, handler_agency_id);"
     "CREATE INDEX petition_channel ON petition(channel);"
     "CREATE INDEX petition_due ON case_record(due_date IS NULL, due_date, case_id)"
     " WHERE case_type = 'petition';"
     /* Without their statistics the planner keeps reading the petition rows. */
     "ANALYZE petition;"
     "ANALYZE petition_due;"},
    /*
     * The list's count by year of receipt, registering body and state (the list as
     * opened, a year's, a state's) from counts kept by triggers, not by joining tens of
     * thousands of petitions to their cases (a year of 200,000: 50-70 ms). case_type is
     * the list's own condition (c.case_type = 'petition'), constant here.
     */
    {"petition-004",
     "CREATE TABLE petition_tally ("
     " case_type TEXT NOT NULL DEFAULT 'petition', agency_id INTEGER NOT NULL,"
     " state TEXT NOT NULL, received_on TEXT NOT NULL, n INTEGER NOT NULL,"
     " PRIMARY KEY (agency_id, state, received_on));"
     "INSERT INTO petition_tally(agency_id, state, received_on, n)"
     " SELECT c.agency_id, c.state, substr(c.received_on, 1, 4) || '-01-01', COUNT(*)"
     " FROM case_record c JOIN petition p ON p.case_id = c.case_id GROUP BY 1, 2, 3;"
     /* A petition's row is written after its case row (fz_petition_submit_from). */
     "CREATE TRIGGER petition_tally_ins AFTER INSERT ON petition BEGIN"
     " INSERT INTO petition_tally(agency_id, state, received_on, n)"
     " SELECT c.agency_id, c.state, substr(c.received_on, 1, 4) || '-01-01', 1"
     " FROM case_record c WHERE c.case_id = NEW.case_id"
     " ON CONFLICT (agency_id, state, received_on) DO UPDATE SET n = n + 1;"
     " END;"
     "CREATE TRIGGER petition_tally_del AFTER DELETE ON petition BEGIN"
     " UPDATE petition_tally SET n = n - 1"
     " WHERE (agency_id, state, received_on) = (SELECT c.agency_id, c.state,"
     " substr(c.received_on, 1, 4) || '-01-01' FROM case_record c WHERE c.case_id = OLD.case_id);"
     " END;"
     /* A step moves the petition from its old state (or body, or year) to its new one. */
     "CREATE TRIGGER petition_tally_case AFTER UPDATE OF agency_id, state, received_on"
     " ON case_record WHEN NEW.case_type = 'petition' AND (OLD.agency_id IS NOT NEW.agency_id"
     " OR OLD.state IS NOT NEW.state OR OLD.received_on IS NOT NEW.received_on) BEGIN"
     " UPDATE petition_tally SET n = n - 1"
     " WHERE agency_id = OLD.agency_id AND state = OLD.state"
     " AND received_on = substr(OLD.received_on, 1, 4) || '-01-01'"
     " AND EXISTS (SELECT 1 FROM petition k WHERE k.case_id = NEW.case_id);"
     " INSERT INTO petition_tally(agency_id, state, received_on, n)"
     " SELECT NEW.agency_id, NEW.state, substr(NEW.received_on, 1, 4) || '-01-01', 1"
     " FROM petition k WHERE k.case_id = NEW.case_id"
     " ON CONFLICT (agency_id, state, received_on) DO UPDATE SET n = n + 1;"
     " END;"},
    {NULL, NULL},
};

enum fz_code fz_petition_check_person(json_t *b, struct fz_err *err)
{
	if (!fz_resident_id_valid(fz_json_str(b, "id_number")))
		return fz_err_set(err, FZ_EBAD_VALUE, "id_number",
				  "身份证号码不正确：应为 18 位（含有效的出生日期，末位校验码正确，可为 X）或 15 位数字");
	if (!fz_phone_valid(fz_json_str(b, "phone")))
		return fz_err_set(err, FZ_EBAD_VALUE, "phone",
				  "联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +");
	return FZ_OK;
}

enum fz_code fz_petition_submit(struct fz_ctx *ctx, json_t *b, const char *channel,
				int64_t agency_id, int received, struct fz_case_row *out,
				struct fz_err *err)
{
	return fz_petition_submit_from(ctx, b, channel, agency_id, received, 0, NULL, out, err);
}

enum fz_code fz_petition_submit_from(struct fz_ctx *ctx, json_t *b, const char *channel,
				     int64_t agency_id, int received, int64_t source_id,
				     const char *note, struct fz_case_row *out, struct fz_err *err)
{
	const char *name = fz_json_str(b, "name"), *idn = fz_json_str(b, "id_number"),
		   *phone = fz_json_str(b, "phone"), *matter = fz_json_str(b, "matter_type"),
		   *subject = fz_json_str(b, "subject"), *content = fz_json_str(b, "content");
	/*
	 * A converted letter carries no ID number (the mailbox does not ask for one):
	 * registered without, it is not compared with other petitions (the same
	 * matter is the same ID number's), unless staff add the number.
	 */
	bool no_id = source_id && (!idn || !*idn);
	if (no_id)
		idn = "";
	enum fz_code vrc = no_id ? FZ_OK : fz_petition_check_person(b, err);
	if (vrc)
		return vrc;
	if (received > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "收到日期不能晚于今天");
	if (!agency_id)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未配置受理信访事项的机关");
	/* 第36条: after 复核 the same facts and grounds are not accepted again. */
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.number FROM petition p JOIN case_record c ON c.case_id = p.case_id"
	    " WHERE p.id_number = ? AND p.matter_type = ? AND p.subject = ? AND c.state = 'final'"
	    " ORDER BY c.case_id LIMIT 1",
	    "ttt", idn, matter, subject);
	if (!st)
		return err->code;
	if (!no_id && fz_stmt_row(st)) {
		char number[64];
		snprintf(number, sizeof number, "%s", fz_col_text(st, 0));
		fz_stmt_done(st);
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "subject",
		    "该信访事项已经复核（%"
		    "s），复核意见为最终意见；信访人仍以同一事实和理由提出投诉请求的，"
		    "不再受理（《信访工作条例》第三十六条）",
		    number);
	}
	fz_stmt_done(st);
	/* 第19条: the same matter in progress is linked as 重复信访 to the first, not counted
	 * again. */
	int64_t orig = 0, orig_agency = 0;
	char orig_number[64] = "";
	st = fz_db_query(ctx->db, err,
			 "SELECT c.case_id, c.agency_id, c.number FROM petition p"
			 " JOIN case_record c ON c.case_id = p.case_id"
			 " WHERE p.id_number = ? AND p.matter_type = ? AND p.subject = ?"
			 " AND c.state NOT IN ('closed', 'final', 'not_accepted', 'duplicate')"
			 " ORDER BY c.case_id LIMIT 1",
			 "ttt", idn, matter, subject);
	if (!st)
		return err->code;
	if (!no_id && fz_stmt_row(st)) {
		orig = fz_col_int(st, 0);
		orig_agency = fz_col_int(st, 1);
		snprintf(orig_number, sizeof orig_number, "%s", fz_col_text(st, 2));
	}
	fz_stmt_done(st);

	json_t *in = json_pack("{s:s, s:s, s:s}", "channel", channel, "matter_type", matter,
			       "subject", subject);
	char *input = fz_json_text(ctx->arena, in, NULL);
	json_decref(in);
	struct fz_case_new n = {.case_type = "petition",
				.agency_id = agency_id,
				.title = subject,
				.body = content,
				.received_on = received,
				.tracking = true,
				.receipt = true,
				.input = input,
				.origin = note};
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO petition(case_id, channel, petitioner_name, id_number, phone,"
			 " address, matter_type, subject, content, order_number, source_case_id)"
			 " VALUES (?,?,?,?,?,?,?,?,?,?,NULLIF(?, 0))",
			 "itttttttt"
			 "ti",
			 out->case_id, channel, name, idn, phone, fz_json_str(b, "address"), matter,
			 subject, content, fz_json_str(b, "order_number"), source_id);
	if (!st || fz_stmt_exec(st, err)) {
		rc = err->code;
		goto fail;
	}
	if ((rc = fz_petition_index(ctx, out->case_id, out->number, name, subject, content,
				    fz_json_str(b, "order_number"), err)))
		goto fail;
	if (orig) {
		const char *dnote =
		    orig_agency != agency_id
			? fz_arena_printf(ctx->arena,
					  "同一信访事项已由其他机关受理或正在办理（%s），不再受理，"
					  "作重复信访处理（《信访工作条例》第十九条）",
					  orig_number)
			: fz_arena_printf(ctx->arena,
					  "同一信访人同一事项正在办理（%s），作重复信访处理",
					  orig_number);
		json_t *body =
		    json_pack("{s:I, s:s}", "duplicate_of", (json_int_t)orig, "note", dnote);
		rc = fz_case_act_system(ctx, out->case_id, "mark_duplicate", body, err);
		json_decref(body);
		if (rc)
			goto fail;
		snprintf(out->state, sizeof out->state, "duplicate");
	}
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_petition_index(struct fz_ctx *ctx, int64_t case_id, const char *number,
				const char *name, const char *subject, const char *content,
				const char *order_number, struct fz_err *err)
{
	struct fz_search_field text[] = {{"number", number},
					 {"name", name},
					 {"subject", subject},
					 {"content", content},
					 {"order_number", order_number}};
	return fz_search_index(ctx->db, "petition", case_id, text, 5, err);
}

/* Is every petition in the full-text index (petition-003)? */
bool fz_petition_indexed(struct fz_ctx *ctx)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL, "SELECT complete FROM petition_fts_state", NULL);
	bool done = st && fz_stmt_row(st) && fz_col_int(st, 0) == 1;
	fz_stmt_done(st);
	return done;
}

/*
 * Every petition (re)indexed, 500 at a time in case order, then the index is complete: those
 * registered since the migration were indexed already, and indexing replaces.
 */
enum fz_code fz_petition_index_all(struct fz_ctx *ctx, long *n, struct fz_err *err)
{
	*n = 0;
	if (fz_petition_indexed(ctx))
		return FZ_OK;
	for (int64_t last = 0;;) {
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT p.case_id, c.number, p.petitioner_name, p.subject, p.content,"
		    " p.order_number FROM petition p JOIN case_record c ON c.case_id = p.case_id"
		    " WHERE p.case_id > ? ORDER BY p.case_id LIMIT 500",
		    "i", last);
		if (!st)
			return err->code;
		struct {
			int64_t id;
			char *t[5];
		} rows[500];
		int k = 0;
		while (k < 500 && fz_stmt_row(st)) {
			rows[k].id = last = fz_col_int(st, 0);
			for (int j = 0; j < 5; j++) {
				const char *v = fz_col_text(st, 1 + j);
				rows[k].t[j] = v ? strdup(v) : NULL;
			}
			k++;
		}
		bool failed = fz_stmt_failed(st, err);
		fz_stmt_done(st);
		enum fz_code rc = failed ? err->code : FZ_OK;
		for (int i = 0; i < k; i++) {
			if (!rc)
				rc = fz_petition_index(ctx, rows[i].id, rows[i].t[0], rows[i].t[1],
						       rows[i].t[2], rows[i].t[3], rows[i].t[4],
						       err);
			for (int j = 0; j < 5; j++)
				free(rows[i].t[j]);
		}
		if (rc)
			return rc;
		*n += k;
		if (k < 500)
			break;
	}
	struct fz_stmt *st = fz_db_query(ctx->db, err, "UPDATE petition_fts_state SET complete = 1",
					 NULL);
	return st ? fz_stmt_exec(st, err) : err->code;
}

/* A petition routed where nobody can open it would sit there unanswered. */
static enum fz_code route_ok(struct fz_ctx *ctx, int64_t to, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT a.name, (SELECT COUNT(*) FROM app_user u WHERE u.agency_id = a.agency_id"
	    " AND u.disabled = 0 AND u.role IN ('agency_clerk', 'agency_head'))"
	    " FROM agency a WHERE a.agency_id = ?",
	    "i", to);
	if (!st)
		return err->code;
	bool row = fz_stmt_row(st), ok = row && fz_col_int(st, 1) > 0;
	const char *name = row ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	if (!ok)
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "agency_id",
		    "“%s”没有可以办理信访事项的账号（部门经办人员或负责人），请转送交办其他机关",
		    name ? name : "该机关");
	return FZ_OK;
}

enum fz_code fz_petition_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			       const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	const char *n = tr->name;
	int64_t id = c->case_id;
	struct fz_db *db = ctx->db;
	struct fz_stmt *st = NULL;
	if (strcmp(n, "route") == 0 &&
	    route_ok(ctx, json_integer_value(json_object_get(input, "agency_id")), err))
		return err->code;
	if (strcmp(n, "route") == 0)
		st = fz_db_query(
		    db, err,
		    "UPDATE petition SET handler_agency_id = ?, route_kind = ?, routed_on = ?"
		    " WHERE case_id = ?",
		    "itti", (int64_t)json_integer_value(json_object_get(input, "agency_id")),
		    fz_json_str(input, "route_kind"), today, id);
	else if (strcmp(n, "object") == 0)
		st =
		    fz_db_query(db, err,
				"UPDATE petition SET handler_agency_id = NULL, objection_reason = ?"
				" WHERE case_id = ?",
				"ti", fz_json_str(input, "reason"), id);
	else if (strcmp(n, "accept") == 0)
		st = fz_db_query(db, err, "UPDATE petition SET accepted_on = ? WHERE case_id = ?",
				 "ti", today, id);
	else if (strcmp(n, "refuse") == 0)
		st = fz_db_query(
		    db, err,
		    "UPDATE petition SET refuse_reason = ?, finished_on = ? WHERE case_id = ?",
		    "tti", fz_json_str(input, "reason"), today, id);
	else if (strcmp(n, "extend") == 0)
		st = fz_db_query(db, err,
				 "UPDATE petition SET extension_days = ?, extension_reason = ? "
				 "WHERE case_id = ?",
				 "iti", (int64_t)json_integer_value(json_object_get(input, "days")),
				 fz_json_str(input, "reason"), id);
	else if (strcmp(n, "reply") == 0)
		st = fz_db_query(
		    db, err,
		    "UPDATE petition SET outcome = ?, opinion = ?, replied_on = ?, rating = NULL,"
		    " rated_on = NULL, rated_by = NULL WHERE case_id = ?",
		    "ttti", fz_json_str(input, "outcome"), fz_json_str(input, "opinion"), today,
		    id);
	else if (strcmp(n, "review_opinion") == 0)
		st = fz_db_query(
		    db, err,
		    "UPDATE petition SET review_outcome = ?, review_opinion = ?, reviewed_on = ?"
		    " WHERE case_id = ?",
		    "ttti", fz_json_str(input, "outcome"), fz_json_str(input, "opinion"), today,
		    id);
	else if (strcmp(n, "recheck_opinion") == 0)
		st = fz_db_query(db, err,
				 "UPDATE petition SET recheck_outcome = ?, recheck_opinion = ?, "
				 "rechecked_on = ?,"
				 " finished_on = ? WHERE case_id = ?",
				 "tttti", fz_json_str(input, "outcome"),
				 fz_json_str(input, "opinion"), today, today, id);
	else if (strcmp(n, "hearing_start") == 0 || strcmp(n, "hearing_end") == 0)
		st = fz_db_query(db, err, "UPDATE petition SET hearing = ? WHERE case_id = ?", "Ii",
				 strcmp(n, "hearing_start") == 0 ? 1 : 0, id);
	else if (strcmp(n, "rate") == 0 || strcmp(n, "public_rate") == 0)
		st = fz_db_query(
		    db, err,
		    "UPDATE petition SET rating = ?, rated_on = ?, rated_by = ? WHERE case_id = ?",
		    "ttti", fz_json_str(input, "rating"), today,
		    strcmp(n, "rate") == 0 ? "staff" : "public", id);
	else if (strcmp(n, "reopen") == 0)
		st = fz_db_query(db, err,
				 "UPDATE petition SET reopened = reopened + 1, finished_on = NULL"
				 " WHERE case_id = ?",
				 "i", id);
	else if (strcmp(n, "lapse_review") == 0 || strcmp(n, "lapse_recheck") == 0)
		st = fz_db_query(db, err, "UPDATE petition SET finished_on = ? WHERE case_id = ?",
				 "ti", fz_json_str(input, "ended_on"), id);
	else if (strcmp(n, "conclude") == 0 || strcmp(n, "conclude_review") == 0)
		st = fz_db_query(db, err, "UPDATE petition SET finished_on = ? WHERE case_id = ?",
				 "ti", today, id);
	else if (strcmp(n, "mark_duplicate") == 0)
		st = fz_db_query(
		    db, err, "UPDATE petition SET duplicate_of = ? WHERE case_id = ?", "ii",
		    (int64_t)json_integer_value(json_object_get(input, "duplicate_of")), id);
	else
		return FZ_OK;
	return st ? fz_stmt_exec(st, err) : err->code;
}

#define LABELLED(key, opts, col)                                                                   \
	do {                                                                                       \
		const char *v_ = fz_col_text(st, col);                                             \
		fz_json_set_str(obj, key, v_);                                                     \
		fz_json_set_str(obj, key "_label", v_ ? fz_option_label(opts, v_) : NULL);         \
	} while (0)

enum fz_code fz_petition_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT p.channel, p.petitioner_name, p.id_number, p.phone, p.address, p.matter_type,"
	    " p.subject, p.content, p.order_number, p.handler_agency_id, h.name, p.route_kind,"
	    " p.routed_on, p.objection_reason, p.accepted_on, p.refuse_reason, p.extension_days,"
	    " p.extension_reason, p.outcome, p.opinion, p.replied_on, p.review_outcome,"
	    " p.review_opinion, p.reviewed_on, p.recheck_outcome, p.recheck_opinion,"
	    " p.rechecked_on, p.hearing, p.rating, p.rated_on, p.rated_by, p.reopened,"
	    " p.finished_on, p.duplicate_of, d.number, p.source_case_id, s.number, s.case_type"
	    " FROM petition p LEFT JOIN agency h ON h.agency_id = p.handler_agency_id"
	    " LEFT JOIN case_record d ON d.case_id = p.duplicate_of"
	    " LEFT JOIN case_record s ON s.case_id = p.source_case_id WHERE p.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		LABELLED("channel", fz_petition_channels, 0);
		fz_json_set_str(obj, "petitioner_name", fz_col_text(st, 1));
		fz_json_set_str(obj, "id_number", fz_col_text(st, 2));
		fz_json_set_str(obj, "phone", fz_col_text(st, 3));
		fz_json_set_str(obj, "address", fz_col_text(st, 4));
		LABELLED("matter_type", fz_petition_matters, 5);
		fz_json_set_str(obj, "subject", fz_col_text(st, 6));
		fz_json_set_str(obj, "content", fz_col_text(st, 7));
		fz_json_set_str(obj, "order_number", fz_col_text(st, 8));
		json_object_set_new(obj, "handler_agency_id",
				    fz_col_null(st, 9) ? json_null()
						       : json_integer(fz_col_int(st, 9)));
		fz_json_set_str(obj, "handler_agency_name", fz_col_text(st, 10));
		fz_json_set_str(obj, "route_kind", fz_col_text(st, 11));
		fz_json_set_str(obj, "routed_on", fz_col_text(st, 12));
		fz_json_set_str(obj, "objection_reason", fz_col_text(st, 13));
		fz_json_set_str(obj, "accepted_on", fz_col_text(st, 14));
		fz_json_set_str(obj, "refuse_reason", fz_col_text(st, 15));
		json_object_set_new(obj, "extension_days",
				    fz_col_null(st, 16) ? json_null()
							: json_integer(fz_col_int(st, 16)));
		fz_json_set_str(obj, "extension_reason", fz_col_text(st, 17));
		LABELLED("outcome", fz_petition_outcomes, 18);
		fz_json_set_str(obj, "opinion", fz_col_text(st, 19));
		fz_json_set_str(obj, "replied_on", fz_col_text(st, 20));
		LABELLED("review_outcome", fz_petition_outcomes, 21);
		fz_json_set_str(obj, "review_opinion", fz_col_text(st, 22));
		fz_json_set_str(obj, "reviewed_on", fz_col_text(st, 23));
		LABELLED("recheck_outcome", fz_petition_outcomes, 24);
		fz_json_set_str(obj, "recheck_opinion", fz_col_text(st, 25));
		fz_json_set_str(obj, "rechecked_on", fz_col_text(st, 26));
		json_object_set_new(obj, "hearing", json_boolean(fz_col_int(st, 27)));
		LABELLED("rating", fz_petition_ratings, 28);
		fz_json_set_str(obj, "rated_on", fz_col_text(st, 29));
		fz_json_set_str(obj, "rated_by", fz_col_text(st, 30));
		json_object_set_new(obj, "reopened", json_integer(fz_col_int(st, 31)));
		fz_json_set_str(obj, "finished_on", fz_col_text(st, 32));
		json_object_set_new(obj, "duplicate_of",
				    fz_col_null(st, 33) ? json_null()
							: json_integer(fz_col_int(st, 33)));
		fz_json_set_str(obj, "duplicate_of_number", fz_col_text(st, 34));
		/* The case it was converted from (a 县长信箱 letter), if any. */
		json_object_set_new(obj, "source_case_id",
				    fz_col_null(st, 35) ? json_null()
							: json_integer(fz_col_int(st, 35)));
		fz_json_set_str(obj, "source_number", fz_col_text(st, 36));
		fz_json_set_str(obj, "source_case_type", fz_col_text(st, 37));
	}
	fz_stmt_done(st);
	return FZ_OK;
}

enum fz_code fz_petition_conclude_lapsed(struct fz_ctx *ctx, int *n, struct fz_err *err)
{
	*n = 0;
	char today[11];
	fz_date_format(ctx->today, today);
	/* Collect first: each act issues its own queries on this connection. */
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.case_id, k.name, k.due_date FROM case_record c"
	    " JOIN case_clock k ON k.case_id = c.case_id"
	    " WHERE c.case_type = 'petition' AND k.state = 'running' AND k.due_date < ?"
	    " AND ((c.state = 'replied' AND k.name = 'review_request')"
	    " OR (c.state = 'reviewed' AND k.name = 'recheck_request'))"
	    " ORDER BY c.case_id LIMIT 500",
	    "t", today);
	if (!st)
		return err->code;
	int64_t ids[500];
	bool review[500];
	char days[500][11];
	size_t k = 0;
	while (k < 500 && fz_stmt_row(st)) {
		ids[k] = fz_col_int(st, 0);
		review[k] = strcmp(fz_col_text(st, 1), "review_request") == 0;
		snprintf(days[k], sizeof days[k], "%s", fz_col_text(st, 2));
		k++;
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	for (size_t i = 0; i < k; i++) {
		int y = 0, m = 0, d = 0;
		sscanf(days[i], "%d-%d-%d", &y, &m, &d);
		const char *note =
		    review[i] ? fz_arena_printf(ctx->arena,
						"复查申请期限于%d年%d月%d日届满，信访人未请求复查，"
						"信访事项办结（《信访工作条例》第三十五条）",
						y, m, d)
			      : fz_arena_printf(ctx->arena,
						"复核申请期限于%d年%d月%d日届满，信访人未请求复核，"
						"信访事项办结（《信访工作条例》第三十六条）",
						y, m, d);
		json_t *in = json_pack("{s:s, s:s}", "ended_on", days[i], "note", note);
		enum fz_code rc = fz_case_act_system(
		    ctx, ids[i], review[i] ? "lapse_review" : "lapse_recheck", in, err);
		json_decref(in);
		if (rc)
			return rc;
		(*n)++;
	}
	return FZ_OK;
}

/* What the petitioner sees of each step: no staff names, no internal notes. */
static const struct fz_public_step public_steps[] = {
    {"create", "信访事项已登记", NULL},
    {"convert_in", "县长信箱来信已转为信访事项办理", NULL},
    {"route", "已转送、交办有权处理的机关", NULL},
    {"object", "办理机关提出职责异议，正在重新转送交办", NULL},
    {"accept", "已受理", NULL},
    {"refuse", "不予受理，已告知", NULL},
    {"extend", "办理期限已延长，已告知延期理由", NULL},
    {"reply", "已出具书面处理意见", NULL},
    {"request_review", "已收到复查请求", NULL},
    {"review_opinion", "已出具复查意见", NULL},
    {"request_recheck", "已收到复核请求", NULL},
    {"hearing_start", "复核听证", NULL},
    {"hearing_end", "听证结束", NULL},
    {"recheck_opinion", "已出具复核意见", NULL},
    {"conclude", "已办结", NULL},
    {"conclude_review", "已办结", NULL},
    {"lapse_review", "复查申请期限届满，已办结", "ended_on"},
    {"lapse_recheck", "复核申请期限届满，已办结", "ended_on"},
    {"rate", "已记录评价", NULL},
    {"public_rate", "已评价", NULL},
    {"reopen", "决定重新办理", NULL},
    {"mark_duplicate", "同一事项正在办理，作重复信访处理", NULL},
};

enum fz_code fz_petition_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
				    struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.case_id, c.number, c.state, c.received_on, p.subject, p.matter_type,"
	    " p.channel, p.outcome, p.opinion, p.replied_on, h.name, p.refuse_reason, p.rating,"
	    " c.tracking_code, p.review_outcome, p.review_opinion, p.recheck_outcome,"
	    " p.recheck_opinion, d.number"
	    " FROM case_record c JOIN petition p ON p.case_id = c.case_id"
	    " LEFT JOIN agency h ON h.agency_id = p.handler_agency_id"
	    " LEFT JOIN case_record d ON d.case_id = p.duplicate_of"
	    " WHERE c.tracking_code = ? AND c.case_type = 'petition'",
	    "t", code);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "code",
				  "没有找到该查询码对应的信访事项，请核对后重试");
	}
	int64_t case_id = fz_col_int(st, 0);
	const char *state = fz_col_text(st, 2);
	const struct fz_state *s = fz_flow_state(&fz_petition_type, state);
	json_t *obj = json_object();
	fz_json_set_str(obj, "tracking_code", fz_col_text(st, 13));
	fz_json_set_str(obj, "number", fz_col_text(st, 1));
	fz_json_set_str(obj, "state", state);
	fz_json_set_str(obj, "state_label", s ? s->label : state);
	fz_json_set_str(obj, "received_on", fz_col_text(st, 3));
	fz_json_set_str(obj, "subject", fz_col_text(st, 4));
	LABELLED("matter_type", fz_petition_matters, 5);
	LABELLED("channel", fz_petition_channels, 6);
	LABELLED("outcome", fz_petition_outcomes, 7);
	fz_json_set_str(obj, "opinion", fz_col_text(st, 8));
	fz_json_set_str(obj, "replied_on", fz_col_text(st, 9));
	fz_json_set_str(obj, "handler_agency_name", fz_col_text(st, 10));
	fz_json_set_str(obj, "refuse_reason", fz_col_text(st, 11));
	LABELLED("rating", fz_petition_ratings, 12);
	LABELLED("review_outcome", fz_petition_outcomes, 14);
	fz_json_set_str(obj, "review_opinion", fz_col_text(st, 15));
	LABELLED("recheck_outcome", fz_petition_outcomes, 16);
	fz_json_set_str(obj, "recheck_opinion", fz_col_text(st, 17));
	fz_json_set_str(obj, "duplicate_of_number", fz_col_text(st, 18));
	bool rateable = strcmp(state, "replied") == 0 || strcmp(state, "reviewed") == 0 ||
			strcmp(state, "closed") == 0 || strcmp(state, "final") == 0;
	json_object_set_new(obj, "may_rate", json_boolean(rateable && fz_col_text(st, 7)));
	fz_stmt_done(st);

	json_t *clocks;
	enum fz_code rc = fz_case_clocks_json(ctx, case_id, &clocks, err);
	if (rc) {
		json_decref(obj);
		return rc;
	}
	/* Only the running clocks, with their due day and article. */
	json_t *open = json_array();
	size_t i;
	json_t *k;
	json_array_foreach (clocks, i, k) {
		const char *ks = fz_json_str(k, "status");
		if (!ks || strcmp(ks, "stopped") != 0)
			json_array_append(open, k);
	}
	json_decref(clocks);
	json_object_set_new(obj, "clocks", open);
	fz_case_receipt_json(ctx, case_id, obj);
	json_t *tl = fz_case_public_timeline(ctx, case_id, public_steps,
					     sizeof public_steps / sizeof public_steps[0]);
	json_object_set_new(obj, "timeline", tl ? tl : json_array());
	*out = obj;
	return FZ_OK;
}
