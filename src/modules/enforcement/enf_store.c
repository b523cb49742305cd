/*
 * enf_store.c - SQL of the enforcement registries: the tables, bodies and
 * their qualification review, reorganisations with history, and the scope
 * and audit rules every registry write follows.
 *
 * Scope (DESIGN.md): a body belongs to an agency; agency roles see and change
 * only their own agency's bodies, power items, officers and certificates, and
 * anything else answers 404 as if it did not exist. Every registry write
 * stores its audit event in the same transaction.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"
#include "platform/search.h"

const struct fz_migration fz_enf_migrations[] = {
	{"enforcement-001",
	 "CREATE TABLE enf_body ("
	 " body_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, entrusted_by INTEGER REFERENCES enf_body,"
	 " legal_basis TEXT NOT NULL, parent_id INTEGER REFERENCES enf_body, level TEXT NOT NULL,"
	 " status TEXT NOT NULL, case_id INTEGER REFERENCES case_record, published_on TEXT,"
	 " announcement TEXT, version INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL);"
	 "CREATE INDEX enf_body_agency ON enf_body(agency_id, status);"
	 "CREATE INDEX enf_body_case ON enf_body(case_id);"
	 "CREATE TABLE enf_body_change ("
	 " change_id INTEGER PRIMARY KEY, body_id INTEGER NOT NULL REFERENCES enf_body,"
	 " change_type TEXT NOT NULL, changed_on TEXT NOT NULL, reason TEXT NOT NULL,"
	 " related_body_id INTEGER REFERENCES enf_body, before_json TEXT, after_json TEXT,"
	 " actor TEXT NOT NULL, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_body_change_body ON enf_body_change(body_id, change_id);"
	 "CREATE TABLE enf_power ("
	 " item_id INTEGER PRIMARY KEY, body_id INTEGER NOT NULL REFERENCES enf_body,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, code TEXT NOT NULL UNIQUE,"
	 " name TEXT NOT NULL, category TEXT NOT NULL, law_name TEXT NOT NULL, article TEXT,"
	 " basis_text TEXT, post TEXT, duties TEXT, accountability TEXT,"
	 " status TEXT NOT NULL DEFAULT 'active', version INTEGER NOT NULL DEFAULT 1,"
	 " updated_on TEXT NOT NULL, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_power_body ON enf_power(body_id, status, category);"
	 "CREATE INDEX enf_power_agency ON enf_power(agency_id, status, category);"
	 "CREATE TABLE enf_power_version ("
	 " version_id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES enf_power,"
	 " version INTEGER NOT NULL, changed_on TEXT NOT NULL, reason TEXT NOT NULL,"
	 " before_json TEXT, after_json TEXT NOT NULL, actor TEXT NOT NULL, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_power_version_item ON enf_power_version(item_id, version);"
	 "CREATE TABLE enf_officer ("
	 " officer_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " body_id INTEGER NOT NULL REFERENCES enf_body, name TEXT NOT NULL, gender TEXT,"
	 " id_number TEXT, post TEXT NOT NULL, area TEXT NOT NULL, education TEXT NOT NULL,"
	 " employment TEXT NOT NULL, legal_qualification INTEGER NOT NULL DEFAULT 0,"
	 " status TEXT NOT NULL, status_on TEXT, version INTEGER NOT NULL DEFAULT 1,"
	 " created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
	 "CREATE INDEX enf_officer_agency ON enf_officer(agency_id, status);"
	 "CREATE INDEX enf_officer_body ON enf_officer(body_id, status);"
	 "CREATE TABLE enf_training ("
	 " training_id INTEGER PRIMARY KEY, officer_id INTEGER NOT NULL REFERENCES enf_officer,"
	 " trained_on TEXT NOT NULL, course TEXT NOT NULL, hours INTEGER NOT NULL,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_training_officer ON enf_training(officer_id, trained_on);"
	 "CREATE INDEX enf_training_day ON enf_training(trained_on);"
	 "CREATE TABLE enf_certificate ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " officer_id INTEGER NOT NULL REFERENCES enf_officer, cert_type TEXT NOT NULL,"
	 " number TEXT UNIQUE, area TEXT, issued_on TEXT, valid_until TEXT, exam_score INTEGER,"
	 " exam_on TEXT, training_hours INTEGER, ended_on TEXT, end_reason TEXT, end_note TEXT,"
	 " last_review_on TEXT);"
	 "CREATE INDEX enf_certificate_officer ON enf_certificate(officer_id);"
	 "CREATE INDEX enf_certificate_valid ON enf_certificate(valid_until);"},
	{"enforcement-002", /* full-text search of the power list (SQLite FTS5, trigram for Chinese) */
	 "CREATE VIRTUAL TABLE enf_power_fts USING fts5(name, basis, tokenize='trigram');"},
	{"enforcement-003",
	 /*
	  * A certificate's expiry clock counts to a fixed end (unit DAY): due on the
	  * last day of validity, never moved off a rest day and known years ahead.
	  * Clocks started before as calendar days (CD) were moved to the next
	  * working day, or left pending beyond the loaded calendar; they take the
	  * validity end the certificate records, and each case its earliest due date.
	  */
	 "UPDATE case_clock SET unit = 'DAY', due_date = (SELECT c.valid_until FROM enf_certificate c"
	 " WHERE c.case_id = case_clock.case_id)"
	 " WHERE name = 'expiry' AND unit <> 'DAY'"
	 " AND case_id IN (SELECT case_id FROM enf_certificate WHERE valid_until IS NOT NULL);"
	 "UPDATE case_record SET"
	 " due_date = (SELECT k.due_date FROM case_clock k WHERE k.case_id = case_record.case_id"
	 "  AND k.state = 'running' AND k.due_date IS NOT NULL ORDER BY k.due_date LIMIT 1),"
	 " due_unit = (SELECT k.unit FROM case_clock k WHERE k.case_id = case_record.case_id"
	 "  AND k.state = 'running' AND k.due_date IS NOT NULL ORDER BY k.due_date LIMIT 1)"
	 " WHERE case_type = 'enf_certificate' AND case_id IN (SELECT case_id FROM case_clock"
	 "  WHERE name = 'expiry' AND state = 'running');"},
	{"enforcement-004", /* the holder's photo on the card: an attachment of the certificate case */
	 "ALTER TABLE enf_certificate ADD COLUMN photo_id INTEGER REFERENCES attachment;"},
	{"enforcement-005",
	 /*
	  * Penalty cases (行政处罚案件, enf_penalty_flow.c): the case's own fields,
	  * its officers (第42条) and the legal reviews (第58条; a reviewer's first
	  * review needs the legal-profession qualification).
	  */
	 "CREATE TABLE enf_penalty ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " body_id INTEGER NOT NULL REFERENCES enf_body, power_id INTEGER NOT NULL REFERENCES enf_power,"
	 " procedure TEXT NOT NULL, party_type TEXT NOT NULL, party_name TEXT NOT NULL,"
	 " party_id_number TEXT, matter TEXT NOT NULL, source TEXT, act_on TEXT NOT NULL,"
	 " filed_on TEXT NOT NULL, harm_grave INTEGER NOT NULL DEFAULT 0, limitation_end TEXT NOT NULL,"
	 " limitation_reason TEXT, major INTEGER NOT NULL DEFAULT 0, major_reason TEXT, facts TEXT,"
	 " notified_on TEXT, proposed_kind TEXT, proposed_fine INTEGER, proposed_confiscation INTEGER,"
	 " hearing_offered INTEGER NOT NULL DEFAULT 0, notice_facts TEXT, hearing_requested_on TEXT,"
	 " hearing_notice_on TEXT, hearing_on TEXT, hearing_place TEXT, hearing_host TEXT,"
	 " hearing_held_on TEXT, statement_on TEXT, review_opinion TEXT, reviewed_on TEXT,"
	 " reviewer_id INTEGER REFERENCES enf_officer, decided_on TEXT, outcome TEXT, penalty_kind TEXT,"
	 " fine_amount INTEGER, confiscation_amount INTEGER, no_penalty_ground TEXT,"
	 " collective INTEGER NOT NULL DEFAULT 0, decision_text TEXT, served_on TEXT,"
	 " service_method TEXT, paid_on TEXT, paid_amount INTEGER, receipt_no TEXT, closed_on TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_penalty_body ON enf_penalty(body_id);"
	 "CREATE INDEX enf_penalty_decided ON enf_penalty(decided_on, outcome);"
	 "CREATE TABLE enf_penalty_officer ("
	 " case_id INTEGER NOT NULL REFERENCES case_record,"
	 " officer_id INTEGER NOT NULL REFERENCES enf_officer, PRIMARY KEY (case_id, officer_id));"
	 "CREATE INDEX enf_penalty_officer_officer ON enf_penalty_officer(officer_id);"
	 "CREATE TABLE enf_penalty_review ("
	 " review_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " reviewer_id INTEGER NOT NULL REFERENCES enf_officer, reviewed_on TEXT NOT NULL,"
	 " opinion TEXT NOT NULL, note TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_penalty_review_case ON enf_penalty_review(case_id);"
	 "CREATE INDEX enf_penalty_review_reviewer ON enf_penalty_review(reviewer_id);"},
	/* Fines after the decision (enf_penalty_fines.c): 第66条 applications and instalments,
	 * payments (fine in 元, surcharge in 分), surcharge reductions, 第73条 remedies. */
	{"enforcement-006",
	 "CREATE TABLE enf_fine_application ("
	 " application_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " applied_on TEXT NOT NULL, mode TEXT NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL,"
	 " decided_on TEXT, decided_by INTEGER, decision_note TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_fine_application_case ON enf_fine_application(case_id);"
	 "CREATE TABLE enf_fine_instalment ("
	 " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
	 " due_on TEXT NOT NULL, amount INTEGER NOT NULL, paid_on TEXT, payment_id INTEGER,"
	 " PRIMARY KEY (case_id, seq));"
	 "CREATE TABLE enf_fine_payment ("
	 " payment_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " paid_on TEXT NOT NULL, fine_amount INTEGER NOT NULL, surcharge_fen INTEGER NOT NULL,"
	 " receipt_no TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_fine_payment_case ON enf_fine_payment(case_id);"
	 "CREATE INDEX enf_fine_payment_day ON enf_fine_payment(paid_on);"
	 "CREATE TABLE enf_fine_reduction ("
	 " reduction_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " decided_on TEXT NOT NULL, amount_fen INTEGER NOT NULL, reason TEXT NOT NULL,"
	 " decided_by INTEGER, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_fine_reduction_case ON enf_fine_reduction(case_id);"
	 "CREATE TABLE enf_fine_remedy ("
	 " remedy_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " kind TEXT NOT NULL, applied_on TEXT NOT NULL, remedy_number TEXT,"
	 " remedy_case_id INTEGER REFERENCES case_record, ended_on TEXT, outcome TEXT, note TEXT,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_fine_remedy_case ON enf_fine_remedy(case_id);"},
	{"enforcement-007",
	 /*
	  * enf_penalty_review.c: each submission for legal review (法制审核) with its due day and
	  * opinion; the filing of a major penalty decision with the justice bureau; evidence
	  * preserved under 第五十六条 and its handling.
	  */
	 "CREATE TABLE enf_review_round ("
	 " round_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, submitted_on TEXT NOT NULL, due_on TEXT,"
	 " submit_note TEXT, reviewed_on TEXT, reviewer_id INTEGER REFERENCES enf_officer, opinion TEXT,"
	 " changes TEXT, reasons TEXT, note TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_review_round_case ON enf_review_round(case_id);"
	 "CREATE INDEX enf_review_round_agency ON enf_review_round(agency_id, submitted_on);"
	 "CREATE TABLE enf_major_filing ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, decided_on TEXT NOT NULL, due_on TEXT,"
	 " state TEXT NOT NULL, filed_on TEXT, note TEXT, received_on TEXT, receipt_note TEXT,"
	 " returned_on TEXT, return_opinion TEXT, returns INTEGER NOT NULL DEFAULT 0,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_major_filing_agency ON enf_major_filing(agency_id, decided_on);"
	 "CREATE TABLE enf_preservation ("
	 " preservation_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, preserved_on TEXT NOT NULL, items TEXT NOT NULL,"
	 " approver TEXT NOT NULL, approved_on TEXT NOT NULL, due_on TEXT, handled_on TEXT,"
	 " handling TEXT, handling_note TEXT, late_reason TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_preservation_case ON enf_preservation(case_id);"},
	{"enforcement-008",
	 /*
	  * Discretion benchmarks (裁量基准, enf_benchmark.c): versions per penalty
	  * power (one draft at most; publishing supersedes the version in force,
	  * which stays), their rows of circumstances, and the row a penalty case
	  * picked at the notice and at the decision, inside or outside its range.
	  */
	 "CREATE TABLE enf_benchmark ("
	 " benchmark_id INTEGER PRIMARY KEY, power_id INTEGER NOT NULL REFERENCES enf_power,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, body_id INTEGER NOT NULL REFERENCES enf_body,"
	 " version INTEGER NOT NULL, status TEXT NOT NULL, note TEXT, published_on TEXT,"
	 " superseded_on TEXT, created_by TEXT NOT NULL, created_at TEXT NOT NULL,"
	 " updated_at TEXT NOT NULL, UNIQUE (power_id, version));"
	 "CREATE INDEX enf_benchmark_agency ON enf_benchmark(agency_id, status);"
	 "CREATE INDEX enf_benchmark_body ON enf_benchmark(body_id, status);"
	 "CREATE TABLE enf_benchmark_row ("
	 " row_id INTEGER PRIMARY KEY, benchmark_id INTEGER NOT NULL REFERENCES enf_benchmark,"
	 " seq INTEGER NOT NULL, level TEXT NOT NULL, circumstances TEXT NOT NULL, factors TEXT,"
	 " kinds TEXT NOT NULL, fine_min INTEGER, fine_max INTEGER,"
	 " no_penalty INTEGER NOT NULL DEFAULT 0, basis TEXT NOT NULL);"
	 "CREATE INDEX enf_benchmark_row_bm ON enf_benchmark_row(benchmark_id, seq);"
	 "CREATE TABLE enf_penalty_benchmark ("
	 " case_id INTEGER NOT NULL REFERENCES case_record, step TEXT NOT NULL,"
	 " row_id INTEGER NOT NULL REFERENCES enf_benchmark_row,"
	 " benchmark_id INTEGER NOT NULL REFERENCES enf_benchmark, version INTEGER NOT NULL,"
	 " level TEXT NOT NULL, placement TEXT NOT NULL, deviation_reason TEXT, penalty_kind TEXT,"
	 " fine INTEGER, note TEXT, recorded_on TEXT NOT NULL, PRIMARY KEY (case_id, step));"
	 "CREATE INDEX enf_penalty_benchmark_bm ON enf_penalty_benchmark(benchmark_id);"},
	{"enforcement-011",
	 /*
	  * Publication of enforcement decisions (三项制度 公示, enf_publication.c):
	  * one row per notice of a case (seq 2 for a changed decision published
	  * again), the masked text the portal shows, the 第48条 withdrawal; its
	  * full-text index (trigram); and the body's 第39条 public information
	  * (procedure and remedies beside its legal basis).
	  */
	 "CREATE TABLE enf_publication ("
	 " publication_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, seq INTEGER NOT NULL, kind TEXT NOT NULL,"
	 " decided_on TEXT NOT NULL, due_on TEXT, status TEXT NOT NULL, published_on TEXT,"
	 " late INTEGER NOT NULL DEFAULT 0, number TEXT, party_shown TEXT, facts_shown TEXT,"
	 " basis_shown TEXT, penalty_shown TEXT, penalty_kind TEXT, body_name TEXT, agency_name TEXT,"
	 " change_kind TEXT, changed_by TEXT, changed_on TEXT, change_note TEXT, new_decision TEXT,"
	 " withdraw_due TEXT, withdrawn_on TEXT, withdraw_late INTEGER NOT NULL DEFAULT 0,"
	 " withdraw_note TEXT, created_at TEXT NOT NULL, UNIQUE (case_id, seq));"
	 "CREATE INDEX enf_publication_status ON enf_publication(status, agency_id, decided_on);"
	 "CREATE INDEX enf_publication_published ON enf_publication(published_on);"
	 "CREATE VIRTUAL TABLE enf_publication_fts USING fts5(title, body, tokenize='trigram');"
	 "ALTER TABLE enf_body ADD COLUMN procedure_text TEXT;"
	 "ALTER TABLE enf_body ADD COLUMN remedies TEXT;"},
	{"enforcement-012",
	 /*
	  * The documents of a penalty case as issued (全过程记录, 第47条,
	  * enf_documents.c): one per kind and case, its official number, the
	  * stored Word file by SHA-256 (also carried by its event).
	  */
	 "CREATE TABLE enf_document ("
	 " document_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " kind TEXT NOT NULL, number TEXT NOT NULL, year INTEGER NOT NULL, doc_date TEXT NOT NULL,"
	 " sha256 TEXT NOT NULL REFERENCES blob_store, size INTEGER NOT NULL,"
	 " issued_by INTEGER REFERENCES app_user, issued_at TEXT NOT NULL, UNIQUE (case_id, kind));"},
	{"enforcement-013",
	 /*
	  * The portal's decision list at a province's size (enf_publication.c):
	  * counts of notices by agency, decision year (its first day), penalty kind,
	  * kind and status, kept by triggers, answer its total and its counts by
	  * penalty kind without reading the notices; the public notices newest
	  * first, all and by agency, from indexes of those alone.
	  */
	 "CREATE TABLE enf_pub_tally (agency_id INTEGER NOT NULL, decided_on TEXT NOT NULL,"
	 " penalty_kind TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,"
	 " PRIMARY KEY (agency_id, decided_on, penalty_kind, kind, status));"
	 "INSERT INTO enf_pub_tally SELECT agency_id, substr(decided_on, 1, 4) || '-01-01',"
	 " COALESCE(penalty_kind, ''), kind, status, COUNT(*) FROM enf_publication GROUP BY 1, 2, 3, 4, 5;"
	 "CREATE TRIGGER enf_pub_tally_ins AFTER INSERT ON enf_publication BEGIN"
	 " INSERT INTO enf_pub_tally VALUES (NEW.agency_id, substr(NEW.decided_on, 1, 4) || '-01-01',"
	 " COALESCE(NEW.penalty_kind, ''), NEW.kind, NEW.status, 1)"
	 " ON CONFLICT (agency_id, decided_on, penalty_kind, kind, status) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER enf_pub_tally_upd AFTER UPDATE OF agency_id, decided_on, penalty_kind, kind, status"
	 " ON enf_publication BEGIN"
	 " UPDATE enf_pub_tally SET n = n - 1 WHERE agency_id = OLD.agency_id"
	 " AND decided_on = substr(OLD.decided_on, 1, 4) || '-01-01'"
	 " AND penalty_kind = COALESCE(OLD.penalty_kind, '') AND kind = OLD.kind AND status = OLD.status;"
	 " INSERT INTO enf_pub_tally VALUES (NEW.agency_id, substr(NEW.decided_on, 1, 4) || '-01-01',"
	 " COALESCE(NEW.penalty_kind, ''), NEW.kind, NEW.status, 1)"
	 " ON CONFLICT (agency_id, decided_on, penalty_kind, kind, status) DO UPDATE SET n = n + 1; END;"
	 "CREATE TRIGGER enf_pub_tally_del AFTER DELETE ON enf_publication BEGIN"
	 " UPDATE enf_pub_tally SET n = n - 1 WHERE agency_id = OLD.agency_id"
	 " AND decided_on = substr(OLD.decided_on, 1, 4) || '-01-01'"
	 " AND penalty_kind = COALESCE(OLD.penalty_kind, '') AND kind = OLD.kind AND status = OLD.status; END;"
	 "CREATE INDEX enf_publication_public ON enf_publication(published_on)"
	 " WHERE status IN ('published', 'to_withdraw');"
	 "CREATE INDEX enf_publication_public_agency ON enf_publication(agency_id, published_on)"
	 " WHERE status IN ('published', 'to_withdraw');"
	 "DROP INDEX enf_publication_published;"},
	{"enforcement-010",
	 /*
	  * Coercion cases (行政强制案件, enf_coercion_flow.c): 查封、扣押 with the list
	  * of items (第24条) and coercive execution (催告 第35条, 第37条 or 第53条);
	  * decision_on is the day a measure was taken or an execution decided (the
	  * figures' year), the officers those of 第18条.
	  */
	 "CREATE TABLE enf_coercion ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record, procedure TEXT NOT NULL,"
	 " body_id INTEGER NOT NULL REFERENCES enf_body, power_id INTEGER REFERENCES enf_power,"
	 " measure_kind TEXT, approval TEXT, party_type TEXT NOT NULL, party_name TEXT NOT NULL,"
	 " party_id_number TEXT, matter TEXT NOT NULL, facts TEXT, filed_on TEXT NOT NULL,"
	 " approved_on TEXT, approved_at TEXT, refused_on TEXT, taken_on TEXT, taken_at TEXT,"
	 " extended_on TEXT, extension_days INTEGER, party_told_on TEXT, released_on TEXT,"
	 " release_reason TEXT, handled_on TEXT, handling TEXT, handling_basis TEXT,"
	 " handling_penalty_id INTEGER REFERENCES case_record,"
	 " penalty_case_id INTEGER REFERENCES case_record, decision_text TEXT, decision_served_on TEXT,"
	 " obligation TEXT, amount INTEGER, remedy_end_on TEXT, reminded_on TEXT, perform_days INTEGER,"
	 " statement_on TEXT, statement TEXT, statement_adopted INTEGER NOT NULL DEFAULT 0,"
	 " exec_decided_on TEXT, exec_method TEXT, exec_power_law TEXT, court_applied_on TEXT,"
	 " court TEXT, ruled_on TEXT, ruling TEXT, ruling_no TEXT, closed_on TEXT,"
	 " performed INTEGER NOT NULL DEFAULT 0, decision_on TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_coercion_body ON enf_coercion(body_id);"
	 "CREATE INDEX enf_coercion_decision ON enf_coercion(decision_on);"
	 "CREATE INDEX enf_coercion_penalty ON enf_coercion(penalty_case_id);"
	 "CREATE TABLE enf_coercion_item ("
	 " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL, name TEXT NOT NULL,"
	 " quantity TEXT NOT NULL, place TEXT NOT NULL, PRIMARY KEY (case_id, seq));"
	 "CREATE TABLE enf_coercion_officer ("
	 " case_id INTEGER NOT NULL REFERENCES case_record,"
	 " officer_id INTEGER NOT NULL REFERENCES enf_officer, PRIMARY KEY (case_id, officer_id));"
	 "CREATE INDEX enf_coercion_officer_officer ON enf_coercion_officer(officer_id);"},
	{"enforcement-009",
	 /*
	  * Inspections, "双随机、一公开" (enf_inspection*.c): plans with their power
	  * items, the directory of inspected entities, the draws (seed, candidate
	  * lists and their SHA-256, result) and the tasks (a case kind) with their
	  * drawn inspectors; a penalty case opened on a finding names its inspection.
	  */
	 "CREATE TABLE enf_insp_plan ("
	 " plan_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " body_id INTEGER NOT NULL REFERENCES enf_body, year INTEGER NOT NULL, name TEXT NOT NULL,"
	 " draw_kind TEXT NOT NULL, draw_value INTEGER NOT NULL, period_from TEXT NOT NULL,"
	 " period_to TEXT NOT NULL, scope TEXT, created_by INTEGER, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_insp_plan_agency ON enf_insp_plan(agency_id, period_from);"
	 "CREATE TABLE enf_insp_plan_power ("
	 " plan_id INTEGER NOT NULL REFERENCES enf_insp_plan, item_id INTEGER NOT NULL REFERENCES enf_power,"
	 " PRIMARY KEY (plan_id, item_id));"
	 "CREATE TABLE enf_insp_entity ("
	 " entity_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " name TEXT NOT NULL, credit_code TEXT NOT NULL, entity_type TEXT NOT NULL, address TEXT,"
	 " area TEXT, industry TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
	 " UNIQUE (agency_id, credit_code));"
	 "CREATE TABLE enf_insp_draw ("
	 " draw_id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES enf_insp_plan,"
	 " agency_id INTEGER NOT NULL REFERENCES agency, drawn_on TEXT NOT NULL,"
	 " team_size INTEGER NOT NULL, entity_count INTEGER NOT NULL, seed TEXT NOT NULL,"
	 " entity_list TEXT NOT NULL, entity_hash TEXT NOT NULL, officer_list TEXT NOT NULL,"
	 " officer_hash TEXT NOT NULL, result TEXT NOT NULL, result_hash TEXT NOT NULL, note TEXT,"
	 " event_id INTEGER, created_by INTEGER, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_insp_draw_plan ON enf_insp_draw(plan_id);"
	 "CREATE INDEX enf_insp_draw_agency ON enf_insp_draw(agency_id, drawn_on);"
	 "CREATE TABLE enf_inspection ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " draw_id INTEGER NOT NULL REFERENCES enf_insp_draw, plan_id INTEGER NOT NULL REFERENCES enf_insp_plan,"
	 " body_id INTEGER NOT NULL REFERENCES enf_body, entity_id INTEGER NOT NULL REFERENCES enf_insp_entity,"
	 " entity_name TEXT NOT NULL, credit_code TEXT NOT NULL, drawn_on TEXT NOT NULL,"
	 " inspected_on TEXT, result TEXT, findings TEXT, rectify_by TEXT, published_on TEXT,"
	 " penalty_case_id INTEGER REFERENCES case_record, cancel_reason TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX enf_inspection_plan ON enf_inspection(plan_id, entity_id);"
	 "CREATE INDEX enf_inspection_draw ON enf_inspection(draw_id);"
	 "CREATE INDEX enf_inspection_penalty ON enf_inspection(penalty_case_id);"
	 "CREATE TABLE enf_inspection_officer ("
	 " case_id INTEGER NOT NULL REFERENCES case_record,"
	 " officer_id INTEGER NOT NULL REFERENCES enf_officer, PRIMARY KEY (case_id, officer_id));"
	 "ALTER TABLE enf_penalty ADD COLUMN inspection_case_id INTEGER REFERENCES case_record;"},
	{NULL, NULL},
};

/* ---- scope, audit, paging ---------------------------------------------------- */

bool fz_enf_may_edit(const struct fz_ctx *ctx, int64_t agency_id)
{
	enum fz_role r = fz_ctx_role(ctx);
	if (r & FZ_ROLES_LEGAL)
		return true;
	return (r & (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)) && ctx->user &&
	       ctx->user->agency_id == agency_id;
}

enum fz_code fz_enf_need_edit(const struct fz_ctx *ctx, int64_t agency_id, struct fz_err *err)
{
	if (fz_enf_may_edit(ctx, agency_id))
		return FZ_OK;
	if (fz_ctx_role(ctx) & (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能登记和修改本单位的执法主体、权责清单和执法人员");
	return fz_err_set(err, FZ_EFORBIDDEN, NULL,
			  "您的角色只能查看，执法主体、权责清单和执法人员由法制机构或本单位经办人员、负责人维护");
}

enum fz_code fz_enf_audit(struct fz_ctx *ctx, const char *entity, const char *action,
			  const char *note, const char *input, const char *before, const char *after,
			  struct fz_err *err)
{
	struct fz_event ev = {.entity = entity, .action = action, .note = note, .input = input,
			      .before = before, .after = after};
	return fz_audit_append(ctx, &ev, NULL, err);
}

static const char *actor(const struct fz_ctx *ctx)
{
	return ctx->user ? ctx->user->display_name : "系统";
}

/* ---- bodies ------------------------------------------------------------------ */

static const struct fz_input body_inputs[] = {
	{.name = "agency_id", .label = "所属单位", .type = FZ_IN_AGENCY, .required = true},
	{.name = "name", .label = "执法主体名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
	{.name = "kind", .label = "主体类型", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_enf_body_kinds},
	{.name = "entrusted_by", .label = "委托机关", .type = FZ_IN_INT, .min = 1, .max = INT32_MAX},
	{.name = "legal_basis", .label = "执法主体资格的法律依据", .type = FZ_IN_TEXTAREA,
	 .required = true, .max_chars = 4000},
	{.name = "parent_id", .label = "上级执法主体", .type = FZ_IN_INT, .min = 1, .max = INT32_MAX},
	{.name = "level", .label = "层级", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_enf_body_levels},
	{.name = NULL}};

/* The body's agency and status, or 0 when it does not exist (or is out of scope: see_all false). */
static int64_t body_agency(struct fz_ctx *ctx, int64_t body_id, char *status, size_t size)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT agency_id, status, kind FROM enf_body WHERE body_id = ?",
					 "i", body_id);
	int64_t a = 0;
	if (st && fz_stmt_row(st)) {
		a = fz_col_int(st, 0);
		if (status)
			snprintf(status, size, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	return a;
}

static bool body_kind_is(struct fz_ctx *ctx, int64_t body_id, const char *kind)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT 1 FROM enf_body WHERE body_id = ? AND kind = ?"
					 " AND status <> 'abolished'",
					 "it", body_id, kind);
	bool ok = st && fz_stmt_row(st);
	fz_stmt_done(st);
	return ok;
}

static bool name_taken(struct fz_ctx *ctx, const char *name, int64_t except)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT 1 FROM enf_body WHERE name = ? AND body_id <> ?", "ti",
					 name, except);
	bool taken = st && fz_stmt_row(st);
	fz_stmt_done(st);
	return taken;
}

enum fz_code fz_enf_body_create(struct fz_ctx *ctx, json_t *in, json_t **out, struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, body_inputs, 16, in, NULL, err);
	if (rc)
		return rc;
	int64_t agency = json_integer_value(json_object_get(in, "agency_id"));
	if ((rc = fz_enf_need_edit(ctx, agency, err)))
		return rc;
	const char *name = fz_json_str(in, "name"), *kind = fz_json_str(in, "kind");
	int64_t entrusted = json_integer_value(json_object_get(in, "entrusted_by"));
	int64_t parent = json_integer_value(json_object_get(in, "parent_id"));
	if (name_taken(ctx, name, 0))
		return fz_err_set(err, FZ_EDUPLICATE, "name", "执法主体“%s”已经登记", name);
	if (strcmp(kind, "entrusted") == 0 && !entrusted)
		return fz_err_set(err, FZ_EMISSING_FIELD, "entrusted_by",
				  "受委托组织须写明委托机关（《行政处罚法》第二十条：委托机关应当是依法享有行政处罚权的行政机关）");
	if (strcmp(kind, "entrusted") != 0 && entrusted)
		return fz_err_set(err, FZ_EBAD_VALUE, "entrusted_by", "只有受委托组织才有委托机关");
	if (entrusted && !body_kind_is(ctx, entrusted, "organ"))
		return fz_err_set(err, FZ_EBAD_VALUE, "entrusted_by",
				  "委托机关应当是已登记的行政机关类执法主体");
	if (parent && !body_agency(ctx, parent, NULL, 0))
		return fz_err_set(err, FZ_EBAD_VALUE, "parent_id", "上级执法主体不存在");
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO enf_body(agency_id, name, kind, entrusted_by, legal_basis, parent_id, level,"
		" status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,'submitted',?,?)"
		" RETURNING body_id",
		"itttttttt", agency, name, kind,
		entrusted ? fz_arena_printf(ctx->arena, "%lld", (long long)entrusted) : NULL,
		fz_json_str(in, "legal_basis"),
		parent ? fz_arena_printf(ctx->arena, "%lld", (long long)parent) : NULL,
		fz_json_str(in, "level"), now, now);
	int64_t id = 0;
	if ((rc = fz_stmt_exec_id(st, &id, err)))
		goto fail;
	struct fz_case_row c;
	struct fz_case_new n = {.case_type = "enf_body", .agency_id = agency, .title = name,
				.body = fz_json_str(in, "legal_basis"), .received_on = ctx->today,
				.input = fz_json_text(ctx->arena, in, NULL)};
	if ((rc = fz_case_create(ctx, &n, &c, err)))
		goto fail;
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err, "UPDATE enf_body SET case_id = ? WHERE body_id = ?",
				   "ii", c.case_id, id),
		       err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_body_json(ctx, id, false, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

#define BODY_COLS                                                                              \
	"b.body_id, b.agency_id, a.name, b.name, b.kind, b.entrusted_by, e.name, b.legal_basis," \
	" b.parent_id, p.name, b.level, b.status, b.case_id, b.published_on, b.announcement,"   \
	" b.version, b.created_at, b.updated_at,"                                              \
	" (SELECT COUNT(*) FROM enf_power i WHERE i.body_id = b.body_id AND i.status = 'active'),"   \
	" (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id AND o.status = 'on_duty')"
#define BODY_FROM                                                                              \
	" FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id"                           \
	" LEFT JOIN enf_body e ON e.body_id = b.entrusted_by"                                   \
	" LEFT JOIN enf_body p ON p.body_id = b.parent_id"

static json_t *body_row(struct fz_stmt *st, bool public_only)
{
	json_t *o = json_object();
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 1)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 2));
	fz_json_set_str(o, "name", fz_col_text(st, 3));
	fz_json_set_str(o, "kind", fz_col_text(st, 4));
	fz_json_set_str(o, "kind_label", fz_enf_label(fz_enf_body_kinds, fz_col_text(st, 4)));
	json_object_set_new(o, "entrusted_by",
			    fz_col_null(st, 5) ? json_null() : json_integer(fz_col_int(st, 5)));
	fz_json_set_str(o, "entrusted_by_name", fz_col_text(st, 6));
	fz_json_set_str(o, "legal_basis", fz_col_text(st, 7));
	json_object_set_new(o, "parent_id",
			    fz_col_null(st, 8) ? json_null() : json_integer(fz_col_int(st, 8)));
	fz_json_set_str(o, "parent_name", fz_col_text(st, 9));
	fz_json_set_str(o, "level", fz_col_text(st, 10));
	fz_json_set_str(o, "level_label", fz_enf_label(fz_enf_body_levels, fz_col_text(st, 10)));
	fz_json_set_str(o, "status", fz_col_text(st, 11));
	fz_json_set_str(o, "status_label", fz_enf_label(fz_enf_body_status, fz_col_text(st, 11)));
	fz_json_set_str(o, "published_on", fz_col_text(st, 13));
	fz_json_set_str(o, "announcement", fz_col_text(st, 14));
	json_object_set_new(o, "powers", json_integer(fz_col_int(st, 18)));
	json_object_set_new(o, "officers", json_integer(fz_col_int(st, 19)));
	if (!public_only) {
		json_object_set_new(o, "case_id", fz_col_null(st, 12) ? json_null()
								      : json_integer(fz_col_int(st, 12)));
		json_object_set_new(o, "version", json_integer(fz_col_int(st, 15)));
		fz_json_set_str(o, "created_at", fz_col_text(st, 16));
		fz_json_set_str(o, "updated_at", fz_col_text(st, 17));
	}
	return o;
}

enum fz_code fz_enf_body_json(struct fz_ctx *ctx, int64_t body_id, bool public_only, json_t **out,
			      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " BODY_COLS BODY_FROM " WHERE b.body_id = ?", "i",
					 body_id);
	if (!st)
		return err->code;
	json_t *o = NULL;
	if (fz_stmt_row(st)) {
		bool visible = public_only ? strcmp(fz_col_text(st, 11), "published") == 0
					   : fz_ctx_may_see(ctx, fz_col_int(st, 1));
		if (visible)
			o = body_row(st, public_only);
	}
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "执法主体不存在");
	if (!public_only) {
		json_t *changes = json_array();
		st = fz_db_query(ctx->db, err,
				 "SELECT c.change_type, c.changed_on, c.reason, c.related_body_id, r.name,"
				 " c.before_json, c.after_json, c.actor, c.created_at"
				 " FROM enf_body_change c LEFT JOIN enf_body r ON r.body_id = c.related_body_id"
				 " WHERE c.body_id = ? OR c.related_body_id = ? ORDER BY c.change_id",
				 "ii", body_id, body_id);
		while (st && fz_stmt_row(st)) {
			json_t *x = json_object();
			fz_json_set_str(x, "change_type", fz_col_text(st, 0));
			fz_json_set_str(x, "change_label", fz_enf_label(fz_enf_change_types, fz_col_text(st, 0)));
			fz_json_set_str(x, "changed_on", fz_col_text(st, 1));
			fz_json_set_str(x, "reason", fz_col_text(st, 2));
			json_object_set_new(x, "related_body_id", fz_col_null(st, 3) ? json_null()
										    : json_integer(fz_col_int(st, 3)));
			fz_json_set_str(x, "related_body_name", fz_col_text(st, 4));
			json_object_set_new(x, "before", fz_col_text(st, 5) ? json_loads(fz_col_text(st, 5), 0, NULL) : json_null());
			json_object_set_new(x, "after", fz_col_text(st, 6) ? json_loads(fz_col_text(st, 6), 0, NULL) : json_null());
			fz_json_set_str(x, "actor", fz_col_text(st, 7));
			fz_json_set_str(x, "at", fz_col_text(st, 8));
			json_array_append_new(changes, x);
		}
		fz_stmt_done(st);
		json_object_set_new(o, "changes", changes);
	}
	*out = o;
	return FZ_OK;
}

/* Loads a body the user may see; 404 otherwise. */
static enum fz_code body_in_scope(struct fz_ctx *ctx, int64_t body_id, int64_t *agency,
				  char status[16], struct fz_err *err)
{
	*agency = body_agency(ctx, body_id, status, 16);
	if (!*agency || !fz_ctx_may_see(ctx, *agency))
		return fz_err_set(err, FZ_ENOT_FOUND, "body_id", "执法主体不存在");
	return FZ_OK;
}

static const char *body_snapshot(struct fz_ctx *ctx, int64_t body_id)
{
	json_t *o;
	struct fz_err e;
	if (fz_enf_body_json(ctx, body_id, false, &o, &e))
		return NULL;
	json_object_del(o, "changes");
	char *s = fz_json_text(ctx->arena, o, NULL);
	json_decref(o);
	return s;
}

enum fz_code fz_enf_body_update(struct fz_ctx *ctx, int64_t body_id, json_t *in, json_t **out,
				struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "version", .label = "版本号", .type = FZ_IN_INT, .required = true, .min = 1,
		 .max = INT32_MAX},
		{.name = "legal_basis", .label = "执法主体资格的法律依据", .type = FZ_IN_TEXTAREA,
		 .max_chars = 4000},
		{.name = "parent_id", .label = "上级执法主体", .type = FZ_IN_INT, .min = 1,
		 .max = INT32_MAX},
		{.name = "level", .label = "层级", .type = FZ_IN_SELECT, .options = fz_enf_body_levels},
		{.name = NULL}};
	int64_t agency;
	char status[16];
	enum fz_code rc = body_in_scope(ctx, body_id, &agency, status, err);
	if (rc || (rc = fz_enf_need_edit(ctx, agency, err)) ||
	    (rc = fz_json_check_inputs(ctx, inputs, 8, in, NULL, err)))
		return rc;
	if (strcmp(status, "abolished") == 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "该执法主体已撤销，不能修改");
	const char *basis = fz_json_str(in, "legal_basis");
	if (basis && fz_text_blank(basis))
		return fz_err_set(err, FZ_EMISSING_FIELD, "legal_basis", "请填写“执法主体资格的法律依据”");
	int64_t parent = json_integer_value(json_object_get(in, "parent_id"));
	if (parent && (parent == body_id || !body_agency(ctx, parent, NULL, 0)))
		return fz_err_set(err, FZ_EBAD_VALUE, "parent_id", "上级执法主体不存在或是其本身");
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	const char *before = body_snapshot(ctx, body_id);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"UPDATE enf_body SET legal_basis = COALESCE(?, legal_basis),"
		" parent_id = CASE WHEN ? = 0 THEN parent_id ELSE ? END, level = COALESCE(?, level),"
		" version = version + 1, updated_at = ? WHERE body_id = ? AND version = ?",
		"tiitt" "ii", basis, parent, parent, fz_json_str(in, "level"), now, body_id,
		(int64_t)json_integer_value(json_object_get(in, "version")));
	if ((rc = fz_stmt_exec(st, err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ECONFLICT, "version", "执法主体已被他人修改，请刷新后重试");
		goto fail;
	}
	if ((rc = fz_enf_audit(ctx, "enf_body", "body_update", NULL, fz_json_text(ctx->arena, in, NULL),
			       before, body_snapshot(ctx, body_id), err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_body_json(ctx, body_id, false, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_enf_body_change(struct fz_ctx *ctx, int64_t body_id, json_t *in, json_t **out,
				struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "change_type", .label = "变更类型", .type = FZ_IN_SELECT, .required = true,
		 .options = fz_enf_change_types},
		{.name = "changed_on", .label = "变更日期（机构改革文件日期）", .type = FZ_IN_DATE,
		 .required = true},
		{.name = "reason", .label = "变更依据和理由", .type = FZ_IN_TEXTAREA, .required = true,
		 .max_chars = 2000},
		{.name = "new_name", .label = "新名称", .type = FZ_IN_TEXT, .max_chars = 100},
		{.name = "merged_into", .label = "并入的执法主体", .type = FZ_IN_INT, .min = 1,
		 .max = INT32_MAX},
		{.name = NULL}};
	int64_t agency;
	char status[16];
	enum fz_code rc = body_in_scope(ctx, body_id, &agency, status, err);
	if (rc)
		return rc;
	if (!(fz_ctx_role(ctx) & FZ_ROLES_LEGAL))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "机构改革引起的执法主体变更由法制机构登记");
	if ((rc = fz_json_check_inputs(ctx, inputs, 8, in, NULL, err)))
		return rc;
	if (strcmp(status, "abolished") == 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "该执法主体已撤销（或已并入其他主体），不能再变更");
	const char *type = fz_json_str(in, "change_type"), *new_name = fz_json_str(in, "new_name");
	int64_t target = json_integer_value(json_object_get(in, "merged_into"));
	int changed_on;
	fz_date_parse(fz_json_str(in, "changed_on"), &changed_on);
	if (changed_on > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "changed_on", "变更日期不能晚于今天");
	if (strcmp(type, "rename") == 0) {
		if (!new_name || fz_text_blank(new_name))
			return fz_err_set(err, FZ_EMISSING_FIELD, "new_name", "更名须填写新名称");
		if (name_taken(ctx, new_name, body_id))
			return fz_err_set(err, FZ_EDUPLICATE, "new_name", "执法主体“%s”已经登记", new_name);
	}
	char tstatus[16] = "";
	if (strcmp(type, "merge") == 0) {
		if (!target)
			return fz_err_set(err, FZ_EMISSING_FIELD, "merged_into", "合并须选择并入的执法主体");
		if (target == body_id || !body_agency(ctx, target, tstatus, sizeof tstatus) ||
		    strcmp(tstatus, "abolished") == 0)
			return fz_err_set(err, FZ_EBAD_VALUE, "merged_into", "并入的执法主体不存在或已撤销");
	}
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	const char *before = body_snapshot(ctx, body_id);
	json_t *after = json_object();
	struct fz_stmt *st = NULL;
	if (strcmp(type, "rename") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE enf_body SET name = ?, version = version + 1, updated_at = ?"
				 " WHERE body_id = ?",
				 "tti", new_name, now, body_id);
		fz_json_set_str(after, "name", new_name);
	} else if (strcmp(type, "abolish") == 0 || strcmp(type, "merge") == 0) {
		st = fz_db_query(ctx->db, err,
				 "UPDATE enf_body SET status = 'abolished', version = version + 1,"
				 " updated_at = ? WHERE body_id = ?",
				 "ti", now, body_id);
		fz_json_set_str(after, "status", "abolished");
	}
	if (st && (rc = fz_stmt_exec(st, err)))
		goto fail;
	if (strcmp(type, "merge") == 0) {
		/* The surviving body takes over the powers and the officers on duty. */
		int64_t tagency = body_agency(ctx, target, NULL, 0);
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					   "UPDATE enf_power SET body_id = ?, agency_id = ?,"
					   " version = version + 1 WHERE body_id = ? AND status = 'active'",
					   "iii", target, tagency, body_id),
			       err)))
			goto fail;
		json_object_set_new(after, "powers_moved", json_integer(fz_db_changes(ctx->db)));
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					   "UPDATE enf_officer SET body_id = ?, agency_id = ?,"
					   " version = version + 1 WHERE body_id = ? AND status = 'on_duty'",
					   "iii", target, tagency, body_id),
			       err)))
			goto fail;
		json_object_set_new(after, "officers_moved", json_integer(fz_db_changes(ctx->db)));
		json_object_set_new(after, "merged_into", json_integer(target));
	}
	char *after_text = fz_json_text(ctx->arena, after, NULL);
	json_decref(after);
	after = NULL;
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO enf_body_change(body_id, change_type, changed_on, reason,"
			 " related_body_id, before_json, after_json, actor, created_at)"
			 " VALUES (?,?,?,?,?,?,?,?,?)",
			 "ittttt" "ttt", body_id, type, fz_json_str(in, "changed_on"),
			 fz_json_str(in, "reason"),
			 target ? fz_arena_printf(ctx->arena, "%lld", (long long)target) : NULL, before,
			 after_text, actor(ctx), now);
	if ((rc = fz_stmt_exec(st, err)) ||
	    (rc = fz_enf_audit(ctx, "enf_body", fz_arena_printf(ctx->arena, "body_%s", type),
			       fz_json_str(in, "reason"), fz_json_text(ctx->arena, in, NULL), before,
			       after_text, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_body_json(ctx, body_id, false, out, err);
fail:
	json_decref(after);
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the lists of bodies (platform/lists.h) ------------------------------------- */

static json_t *list_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *public_only)
{
	(void)ctx;
	return body_row(st, public_only != NULL);
}

static const char *const body_like[] = {"b.name", "b.legal_basis", NULL};

#define BODY_FILTERS(status_sql)                                                                \
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "b.agency_id = ?"},    \
	{.param = "kind", .label = "主体类型", .kind = FZ_LF_OPTION, .sql = "b.kind = ?",          \
	 .options = fz_enf_body_kinds},                                                          \
	{.param = "status", .label = "状态", .kind = FZ_LF_OPTION, .sql = status_sql,             \
	 .options = fz_enf_body_status},                                                         \
	{.param = "level", .label = "层级", .kind = FZ_LF_OPTION, .sql = "b.level = ?",           \
	 .options = fz_enf_body_levels},                                                         \
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = body_like}, \
	{.param = NULL}

static const struct fz_list_filter staff_filters[] = {BODY_FILTERS("b.status = ?")};
/* The portal shows published bodies only: a status is checked, and changes nothing. */
static const struct fz_list_filter public_filters[] = {BODY_FILTERS(NULL)};

/* Column 19 is the number of active powers. */
static const struct fz_list_sort body_sorts[] = {
	{.name = "name", .expr = "b.name"},
	{.name = "agency", .expr = "a.sort_order", .one_way = true},
	{.name = "created_at", .expr = "b.created_at"},
	{.name = "powers", .expr = "19"},
	{.name = NULL},
};

static const struct fz_list_col body_cols[] = {
	{.key = "name", .header = "执法主体名称", .width = 30},
	{.key = "agency_name", .header = "所属单位", .width = 24},
	{.key = "kind_label", .header = "主体类型", .width = 16},
	{.key = "level_label", .header = "层级", .width = 8},
	{.key = "entrusted_by_name", .header = "委托机关", .width = 24},
	{.key = "parent_name", .header = "上级执法主体", .width = 24},
	{.key = "status_label", .header = "状态", .width = 10},
	{.key = "published_on", .header = "公告日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "powers", .header = "权责事项数", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "officers", .header = "在岗执法人员数", .kind = FZ_LC_NUMBER},
	{.key = "legal_basis", .header = "执法主体资格的法律依据", .width = 40},
	{.key = NULL},
};

#define BODY_LIST                                                                              \
	.select = BODY_COLS,                                                                   \
	.from = "enf_body b JOIN agency a ON a.agency_id = b.agency_id"                        \
		" LEFT JOIN enf_body e ON e.body_id = b.entrusted_by"                          \
		" LEFT JOIN enf_body p ON p.body_id = b.parent_id",                            \
	.count_from = "enf_body b JOIN agency a ON a.agency_id = b.agency_id",                 \
	.sorts = body_sorts, .sort_default = "agency", .tiebreak = "b.body_id", .row = list_row

const struct fz_list fz_enf_bodies_list = {
	.name = "执法主体",
	BODY_LIST,
	.scope = "b.agency_id",
	.filters = staff_filters,
	.columns = body_cols,
};

const struct fz_list fz_enf_public_bodies_list = {
	.name = "执法主体公告",
	BODY_LIST,
	.where = "b.status = 'published'",
	.filters = public_filters,
	.arg = "public",
};

/* ---- the qualification review (case hooks) --------------------------------------- */

static int64_t body_of_case(struct fz_ctx *ctx, int64_t case_id, char status[16])
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT body_id, status FROM enf_body WHERE case_id = ?", "i",
					 case_id);
	int64_t id = 0;
	if (st && fz_stmt_row(st)) {
		id = fz_col_int(st, 0);
		snprintf(status, 16, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	return id;
}

enum fz_code fz_enf_body_hook(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	char status[16] = "";
	int64_t body = body_of_case(ctx, c->case_id, status);
	if (!body)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "审核案件没有对应的执法主体");
	/* An abolished body takes no step: the rows' guard (enf_flow.c). */
	char now[21];
	fz_iso_utc(ctx->now, now);
	const char *a = tr->name;
	if (strcmp(a, "publish") == 0) {
		int d;
		fz_date_parse(fz_json_str(in, "published_on"), &d);
		if (d > ctx->today)
			return fz_err_set(err, FZ_EBAD_DATE, "published_on", "公告日期不能晚于今天");
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_body SET status = 'published', published_on = ?,"
					" announcement = ?, version = version + 1, updated_at = ?"
					" WHERE body_id = ?",
					"ttti", fz_json_str(in, "published_on"),
					fz_json_str(in, "announcement"), now, body),
			    err);
	}
	if (strcmp(a, "resubmit") == 0)
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_body SET status = 'submitted', legal_basis = ?,"
					" version = version + 1, updated_at = ? WHERE body_id = ?",
					"tti", fz_json_str(in, "legal_basis"), now, body),
			    err);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_body SET status = ?, version = version + 1, updated_at = ?"
				" WHERE body_id = ?",
				"tti", tr->to, now, body),
		    err);
}

enum fz_code fz_enf_body_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				struct fz_err *err)
{
	char status[16];
	int64_t body = body_of_case(ctx, case_id, status);
	if (!body)
		return FZ_OK;
	json_t *b;
	enum fz_code rc = fz_enf_body_json(ctx, body, false, &b, err);
	if (rc)
		return rc;
	json_object_del(b, "changes");
	json_object_update(obj, b);
	json_decref(b);
	return FZ_OK;
}
