/*
 * norm_store.c - the normative documents' tables.
 *
 * A drafting procedure is a case (norm_draft, kind "norm_doc"); what it issues
 * is a document (norm_document) in versions (norm_version): the first issue,
 * each amendment, the repeal. A version is in force from effective_from until
 * the day before effective_to (NULL: open), so "as it stood on day D" is one
 * query. Numbers (norm_number) are issued once per issuing prefix and year and
 * never reused, whatever becomes of the document.
 */
#include "modules/normative/norm_int.h"

const struct fz_migration fz_norm_migrations[] = {
	{"normative-001",
	 /* The yearly drafting plan (年度制定计划), per agency and for the county. */
	 "CREATE TABLE norm_plan_item ("
	 " item_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " year INTEGER NOT NULL, title TEXT NOT NULL, reason TEXT, issuing_body TEXT,"
	 " planned_quarter INTEGER, status TEXT NOT NULL DEFAULT 'planned',"
	 " created_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL);"
	 "CREATE INDEX norm_plan_item_year ON norm_plan_item(year, agency_id);"
	 /*
	  * A draft: the drafting procedure's own fields. plan_item_id or
	  * off_plan_reason; public comment when it touches the public's rights and
	  * duties; the pre-check's run; the review; the deliberation; the number
	  * and the issue; amends_doc_id when it amends a document in force.
	  */
	 "CREATE TABLE norm_draft ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " plan_item_id INTEGER REFERENCES norm_plan_item, off_plan_reason TEXT,"
	 " amends_doc_id INTEGER REFERENCES norm_document,"
	 " issuing_body TEXT NOT NULL, number_prefix TEXT NOT NULL, title TEXT NOT NULL,"
	 " drafting_note TEXT, basis TEXT, body TEXT NOT NULL DEFAULT '',"
	 " provisional INTEGER NOT NULL DEFAULT 0, affects_public INTEGER NOT NULL DEFAULT 1,"
	 " affects_market INTEGER NOT NULL DEFAULT 0,"
	 " comment_from TEXT, comment_to TEXT, comment_short_reason TEXT,"
	 " comment_account TEXT, account_published_on TEXT,"
	 " precheck_at TEXT, fair_check_done INTEGER NOT NULL DEFAULT 0,"
	 " review_case_id INTEGER REFERENCES case_record, review_opinion TEXT,"
	 " meeting TEXT, deliberated_on TEXT, deliberation_outcome TEXT,"
	 " doc_id INTEGER REFERENCES norm_document, version_id INTEGER REFERENCES norm_version,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX norm_draft_plan ON norm_draft(plan_item_id);"
	 /* Comments of the public on a draft, each with its tracking code and the drafter's answer. */
	 "CREATE TABLE norm_comment ("
	 " comment_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " tracking_code TEXT NOT NULL UNIQUE, name TEXT, contact TEXT, content TEXT NOT NULL,"
	 " submitted_on TEXT NOT NULL, adopted TEXT, answer TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX norm_comment_case ON norm_comment(case_id);"
	 /* What the pre-check found in a draft: the rule, the words in context, the decision on it. */
	 "CREATE TABLE norm_precheck_hit ("
	 " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
	 " rule TEXT NOT NULL, term TEXT NOT NULL, excerpt TEXT NOT NULL, at_char INTEGER NOT NULL,"
	 " status TEXT NOT NULL DEFAULT 'open', note TEXT, decided_by INTEGER REFERENCES app_user,"
	 " decided_on TEXT, PRIMARY KEY (case_id, seq));"
	 /* The fair-competition check list (公平竞争审查) of a draft that affects market actors. */
	 "CREATE TABLE norm_fair_check ("
	 " case_id INTEGER NOT NULL REFERENCES case_record, item TEXT NOT NULL,"
	 " answer TEXT NOT NULL, note TEXT, PRIMARY KEY (case_id, item));"
	 /* 统一编号: one number per issuing prefix, year and sequence, never reused. */
	 "CREATE TABLE norm_number ("
	 " prefix TEXT NOT NULL, year INTEGER NOT NULL, seq INTEGER NOT NULL,"
	 " number TEXT NOT NULL UNIQUE, case_id INTEGER NOT NULL REFERENCES case_record,"
	 " issued_on TEXT NOT NULL, PRIMARY KEY (prefix, year, seq));"
	 /*
	  * A document as issued: its identity across versions, its state today
	  * (in_force, expired, repealed, lapsed) and validity; the versions.
	  */
	 "CREATE TABLE norm_document ("
	 " doc_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " issuing_body TEXT NOT NULL, title TEXT NOT NULL, number TEXT NOT NULL,"
	 " status TEXT NOT NULL, provisional INTEGER NOT NULL DEFAULT 0,"
	 " issued_on TEXT NOT NULL, effective_on TEXT NOT NULL, valid_until TEXT,"
	 " ended_on TEXT, end_reason TEXT, current_version_id INTEGER,"
	 " created_at TEXT NOT NULL);"
	 "CREATE INDEX norm_document_status ON norm_document(status, agency_id);"
	 "CREATE INDEX norm_document_valid ON norm_document(valid_until);"
	 "CREATE TABLE norm_version ("
	 " version_id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES norm_document,"
	 " seq INTEGER NOT NULL, kind TEXT NOT NULL, case_id INTEGER REFERENCES case_record,"
	 " number TEXT, title TEXT NOT NULL, body TEXT NOT NULL, change_summary TEXT,"
	 " issued_on TEXT NOT NULL, effective_from TEXT NOT NULL, effective_to TEXT,"
	 " created_at TEXT NOT NULL, UNIQUE (doc_id, seq));"
	 /* 备案: one filing per receiving body, its due day and its result. */
	 "CREATE TABLE norm_filing ("
	 " filing_id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES norm_document,"
	 " version_id INTEGER REFERENCES norm_version, recipient TEXT NOT NULL,"
	 " due_on TEXT NOT NULL, filed_on TEXT, on_time INTEGER, complete INTEGER,"
	 " result TEXT, result_on TEXT, result_note TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX norm_filing_doc ON norm_filing(doc_id);"
	 /* Evaluation in the months before expiry: continue, amend or let lapse. */
	 "CREATE TABLE norm_evaluation ("
	 " evaluation_id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES norm_document,"
	 " evaluated_on TEXT NOT NULL, decision TEXT NOT NULL, note TEXT,"
	 " new_valid_until TEXT, created_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL);"
	 /* Cleanup campaigns (清理) and each document's decision in one. */
	 "CREATE TABLE norm_campaign ("
	 " campaign_id INTEGER PRIMARY KEY, name TEXT NOT NULL, basis TEXT, opened_on TEXT NOT NULL,"
	 " due_on TEXT, status TEXT NOT NULL DEFAULT 'open', closed_on TEXT, published_on TEXT,"
	 " created_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL);"
	 "CREATE TABLE norm_campaign_item ("
	 " campaign_id INTEGER NOT NULL REFERENCES norm_campaign,"
	 " doc_id INTEGER NOT NULL REFERENCES norm_document, agency_id INTEGER NOT NULL REFERENCES agency,"
	 " decision TEXT, reason TEXT, decided_on TEXT, decided_by INTEGER REFERENCES app_user,"
	 " PRIMARY KEY (campaign_id, doc_id));"
	 /* Objections of the public (审查建议): a case kind, its own fields. */
	 "CREATE TABLE norm_objection ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
	 " doc_id INTEGER REFERENCES norm_document, doc_title TEXT NOT NULL,"
	 " applicant TEXT NOT NULL, applicant_type TEXT NOT NULL, contact TEXT NOT NULL,"
	 " content TEXT NOT NULL, outcome TEXT, reply TEXT, replied_on TEXT,"
	 " published_on TEXT, created_at TEXT NOT NULL);"
	 "CREATE INDEX norm_objection_doc ON norm_objection(doc_id);"
	 /* The library's full-text index of each document's current title, number and text. */
	 "CREATE VIRTUAL TABLE norm_document_fts USING fts5(title, body, tokenize='trigram');"},
	{"normative-002-drafting",
	 /*
	  * A plan item taken off the plan keeps its row (the plan's completion
	  * counts it), with why and when; a comment's answer has its day and
	  * who gave it; a filing's result who recorded it.
	  */
	 "ALTER TABLE norm_plan_item ADD COLUMN drop_reason TEXT;"
	 "ALTER TABLE norm_plan_item ADD COLUMN dropped_on TEXT;"
	 "ALTER TABLE norm_comment ADD COLUMN answered_on TEXT;"
	 "ALTER TABLE norm_comment ADD COLUMN answered_by INTEGER REFERENCES app_user;"
	 "ALTER TABLE norm_filing ADD COLUMN result_by INTEGER REFERENCES app_user;"
	 "CREATE INDEX norm_draft_comment ON norm_draft(comment_from);"},
	{"normative-002-library",
	 /*
	  * The library: two-character words found through the index's character
	  * pairs (platform/search.h); the list newest first, by issuing body.
	  */
	 "CREATE VIRTUAL TABLE norm_document_fts_pairs USING fts5(title, body, content='',"
	 " detail='none', tokenize='unicode61');"
	 "CREATE INDEX norm_document_issued ON norm_document(issued_on, doc_id);"
	 "CREATE INDEX norm_document_body ON norm_document(issuing_body, issued_on);"
	 "CREATE INDEX norm_document_agency ON norm_document(agency_id, issued_on);"
	 "CREATE INDEX norm_version_doc ON norm_version(doc_id, effective_from);"
	 "CREATE INDEX norm_evaluation_doc ON norm_evaluation(doc_id, evaluated_on);"},
	/*
	 * A cleanup campaign's 修改 marks the document for amendment (the
	 * amendment itself is a new draft); the campaigns' items by agency.
	 */
	{"normative-002-campaign",
	 "ALTER TABLE norm_document ADD COLUMN amend_campaign_id INTEGER REFERENCES norm_campaign;"
	 "CREATE INDEX norm_campaign_item_agency ON norm_campaign_item(agency_id, campaign_id);"},
	{NULL, NULL},
};
