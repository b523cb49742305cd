/*
 * legal_store.c - the legal affairs tables, the audit helper and the credit
 * code check.
 *
 * A contract and a matter are cases (legal_contract, legal_matter); their own
 * fields live here keyed by case_id. Counterparties, milestones and disputes
 * are rows of their contract, numbered per contract (seq). Advisers and their
 * engagements are the county's register, kept by the legal office; an
 * adviser's opinion belongs to a case of any procedure (legal_adviser_opinion
 * keyed by case_id and seq), so its scope is the case's.
 */
#include <string.h>

#include "modules/legal/legal_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"

const struct fz_migration fz_legal_migrations[] = {
    {"legal-001",
     "CREATE TABLE legal_contract ("
     " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
     " kind TEXT NOT NULL, amount INTEGER NOT NULL, planned_sign_on TEXT, subject TEXT,"
     " review_case_id INTEGER REFERENCES case_record, review_opinion TEXT, reviewed_on TEXT,"
     " signed_on TEXT, signed_amount INTEGER, completed_on TEXT, terminated_on TEXT,"
     " end_note TEXT, parties TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL);"
     "CREATE INDEX legal_contract_reviewed ON legal_contract(reviewed_on);"
     "CREATE INDEX legal_contract_signed ON legal_contract(signed_on);"
     "CREATE TABLE legal_contract_party ("
     " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
     " name TEXT NOT NULL, credit_code TEXT NOT NULL, PRIMARY KEY (case_id, seq));"
     "CREATE TABLE legal_milestone ("
     " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
     " title TEXT NOT NULL, due_on TEXT NOT NULL, amount INTEGER, done_on TEXT, note TEXT,"
     " PRIMARY KEY (case_id, seq));"
     "CREATE INDEX legal_milestone_due ON legal_milestone(due_on);"
     "CREATE TABLE legal_dispute ("
     " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
     " kind TEXT NOT NULL, raised_on TEXT NOT NULL, summary TEXT NOT NULL,"
     " outcome TEXT, resolved_on TEXT, outcome_note TEXT, PRIMARY KEY (case_id, seq));"
     "CREATE INDEX legal_dispute_raised ON legal_dispute(raised_on);"
     /* A legal matter: what was asked, who handles it, the answer and its letter. */
     "CREATE TABLE legal_matter ("
     " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
     " kind TEXT NOT NULL, question TEXT NOT NULL, background TEXT,"
     " handler_id INTEGER REFERENCES app_user, extended_days INTEGER NOT NULL DEFAULT 0,"
     " opinion TEXT, basis TEXT, answered_on TEXT, on_time INTEGER,"
     " letter_number TEXT UNIQUE, letter_year INTEGER, letter_seq INTEGER,"
     " letter_attachment_id INTEGER, created_at TEXT NOT NULL);"
     "CREATE INDEX legal_matter_answered ON legal_matter(answered_on);"
     /* The county's legal advisers and public lawyers, and their engagements. */
     "CREATE TABLE legal_adviser ("
     " adviser_id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
     " firm TEXT NOT NULL, licence_no TEXT NOT NULL, specialities TEXT, phone TEXT,"
     " term_from TEXT NOT NULL, term_to TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1,"
     " created_at TEXT NOT NULL);"
     "CREATE UNIQUE INDEX legal_adviser_licence ON legal_adviser(licence_no);"
     "CREATE TABLE legal_engagement ("
     " engagement_id INTEGER PRIMARY KEY, adviser_id INTEGER NOT NULL REFERENCES legal_adviser,"
     " agency_id INTEGER NOT NULL REFERENCES agency, start_on TEXT NOT NULL, end_on TEXT NOT NULL,"
     " fee INTEGER NOT NULL DEFAULT 0, scope TEXT, created_at TEXT NOT NULL);"
     "CREATE INDEX legal_engagement_adviser ON legal_engagement(adviser_id);"
     /* An adviser's opinion on a case of any procedure. */
     "CREATE TABLE legal_adviser_opinion ("
     " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
     " adviser_id INTEGER NOT NULL REFERENCES legal_adviser, step TEXT NOT NULL,"
     " kind TEXT NOT NULL, given_on TEXT NOT NULL, summary TEXT NOT NULL,"
     " created_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL,"
     " PRIMARY KEY (case_id, seq));"
     "CREATE INDEX legal_adviser_opinion_adviser ON legal_adviser_opinion(adviser_id, given_on);"},
    /*
     * The contract register at scale (200,000 contracts): its count and amount totals
     * under the agency, state and year filters from a table kept by triggers instead of
     * every contract joined (legal_contract.c, .tally_from); received_on there is 1
     * January of the year of registration, so the year filter's range holds on it. The
     * register by amount reads an index; newest first reads case_type_received or
     * case_agency_type_received (legal_contract.c, .key_from).
     */
    {"legal-002",
     "CREATE TABLE legal_contract_tally ("
     " agency_id INTEGER NOT NULL, state TEXT NOT NULL, received_on TEXT NOT NULL,"
     " n INTEGER NOT NULL, amount INTEGER NOT NULL, signed_amount INTEGER NOT NULL,"
     " PRIMARY KEY (agency_id, state, received_on));"
     "INSERT INTO legal_contract_tally"
     " SELECT c.agency_id, c.state, substr(c.received_on, 1, 4) || '-01-01', COUNT(*),"
     " SUM(k.amount), SUM(COALESCE(k.signed_amount, 0))"
     " FROM case_record c JOIN legal_contract k ON k.case_id = c.case_id GROUP BY 1, 2, 3;"
     /* A contract's row is written after its case row (fz_legal_contract_create). */
     "CREATE TRIGGER legal_contract_tally_ins AFTER INSERT ON legal_contract BEGIN"
     " INSERT INTO legal_contract_tally"
     " SELECT c.agency_id, c.state, substr(c.received_on, 1, 4) || '-01-01', 1, NEW.amount,"
     " COALESCE(NEW.signed_amount, 0) FROM case_record c WHERE c.case_id = NEW.case_id"
     " ON CONFLICT (agency_id, state, received_on) DO UPDATE SET n = n + 1,"
     " amount = amount + excluded.amount, signed_amount = signed_amount + excluded.signed_amount;"
     " END;"
     "CREATE TRIGGER legal_contract_tally_amount AFTER UPDATE OF amount, signed_amount"
     " ON legal_contract WHEN OLD.amount IS NOT NEW.amount"
     " OR OLD.signed_amount IS NOT NEW.signed_amount BEGIN"
     " UPDATE legal_contract_tally SET amount = amount + NEW.amount - OLD.amount,"
     " signed_amount = signed_amount + COALESCE(NEW.signed_amount, 0)"
     " - COALESCE(OLD.signed_amount, 0)"
     " WHERE (agency_id, state, received_on) = (SELECT c.agency_id, c.state,"
     " substr(c.received_on, 1, 4) || '-01-01' FROM case_record c WHERE c.case_id = NEW.case_id);"
     " END;"
     "CREATE TRIGGER legal_contract_tally_del AFTER DELETE ON legal_contract BEGIN"
     " UPDATE legal_contract_tally SET n = n - 1, amount = amount - OLD.amount,"
     " signed_amount = signed_amount - COALESCE(OLD.signed_amount, 0)"
     " WHERE (agency_id, state, received_on) = (SELECT c.agency_id, c.state,"
     " substr(c.received_on, 1, 4) || '-01-01' FROM case_record c WHERE c.case_id = OLD.case_id);"
     " END;"
     /* A step moves the contract's amounts from its old state (or agency) to its new one. */
     "CREATE TRIGGER legal_contract_tally_case AFTER UPDATE OF agency_id, state, received_on"
     " ON case_record WHEN NEW.case_type = 'legal_contract' AND (OLD.agency_id IS NOT NEW.agency_id"
     " OR OLD.state IS NOT NEW.state OR OLD.received_on IS NOT NEW.received_on) BEGIN"
     " UPDATE legal_contract_tally SET n = n - 1,"
     " amount = amount - (SELECT k.amount FROM legal_contract k WHERE k.case_id = NEW.case_id),"
     " signed_amount = signed_amount - (SELECT COALESCE(k.signed_amount, 0)"
     " FROM legal_contract k WHERE k.case_id = NEW.case_id)"
     " WHERE agency_id = OLD.agency_id AND state = OLD.state"
     " AND received_on = substr(OLD.received_on, 1, 4) || '-01-01'"
     " AND EXISTS (SELECT 1 FROM legal_contract k WHERE k.case_id = NEW.case_id);"
     " INSERT INTO legal_contract_tally"
     " SELECT NEW.agency_id, NEW.state, substr(NEW.received_on, 1, 4) || '-01-01', 1, k.amount,"
     " COALESCE(k.signed_amount, 0) FROM legal_contract k WHERE k.case_id = NEW.case_id"
     " ON CONFLICT (agency_id, state, received_on) DO UPDATE SET n = n + 1,"
     " amount = amount + excluded.amount, signed_amount = signed_amount + excluded.signed_amount;"
     " END;"
     "CREATE INDEX legal_contract_amount ON legal_contract(amount);"},
    {NULL, NULL},
};

enum fz_code fz_legal_audit(struct fz_ctx *ctx, int64_t case_id, const char *entity,
			    const char *action, const char *note, json_t *input, struct fz_err *err)
{
	struct fz_event ev = {.case_id = case_id,
			      .entity = entity,
			      .action = action,
			      .note = note,
			      .input = input ? fz_json_text(ctx->arena, input, NULL) : NULL};
	return fz_audit_append(ctx, &ev, NULL, err);
}

/* GB 32100-2015: 18 characters; the last is a check character over the first 17. */
bool fz_legal_credit_code_valid(const char *s)
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int weights[17] = {1,  3,	9,  27, 19, 26, 16, 17, 20,
					29, 25, 13, 8,	24, 10, 30, 28};
	if (!s || strlen(s) != 18)
		return false;
	int sum = 0;
	for (int i = 0; i < 18; i++) {
		const char *p = s[i] ? strchr(alphabet, s[i]) : NULL;
		if (!p)
			return false;
		if (i < 17)
			sum += (int)(p - alphabet) * weights[i];
		else
			return (int)(p - alphabet) == (31 - sum % 31) % 31;
	}
	return false;
}
