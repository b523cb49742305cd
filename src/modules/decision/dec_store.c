/*
 * dec_store.c - the tables of major administrative decisions.
 *
 * The yearly catalogue (dec_item) with every change to it (dec_item_change:
 * what, why, by whom, when); the county government's executive meetings
 * (dec_meeting, with the leaders' study of law before the meeting); a
 * decision's own fields (dec_decision, keyed by its case), its experts'
 * opinions (dec_expert), the speeches at its meeting in speaking order
 * (dec_speech), its progress reports (dec_progress) and the public's comments
 * (dec_comment).
 */
#include "modules/decision/dec_int.h"

const struct fz_migration fz_dec_migrations[] = {
    {"decision-001",
     "CREATE TABLE dec_item ("
     " item_id INTEGER PRIMARY KEY, year INTEGER NOT NULL,"
     " agency_id INTEGER NOT NULL REFERENCES agency, title TEXT NOT NULL, reason TEXT NOT NULL,"
     " basis TEXT, planned_quarter INTEGER, status TEXT NOT NULL DEFAULT 'proposed',"
     " approved_on TEXT, approved_by INTEGER REFERENCES app_user, published_on TEXT,"
     " dropped_on TEXT, drop_reason TEXT, case_id INTEGER REFERENCES case_record,"
     " created_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL);"
     "CREATE INDEX dec_item_year ON dec_item(year, agency_id);"
     "CREATE TABLE dec_item_change ("
     " change_id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL REFERENCES dec_item,"
     " action TEXT NOT NULL, what TEXT NOT NULL, reason TEXT, changed_on TEXT NOT NULL,"
     " user_id INTEGER REFERENCES app_user, user_name TEXT, created_at TEXT NOT NULL);"
     "CREATE INDEX dec_item_change_item ON dec_item_change(item_id, change_id);"
     "CREATE TABLE dec_meeting ("
     " meeting_id INTEGER PRIMARY KEY, agency_id INTEGER NOT NULL REFERENCES agency,"
     " kind TEXT NOT NULL, session_no INTEGER NOT NULL, title TEXT NOT NULL,"
     " held_on TEXT NOT NULL, chair TEXT, attendees TEXT NOT NULL, topics TEXT,"
     " study_topic TEXT, study_speaker TEXT, study_attendees TEXT,"
     " created_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL,"
     " UNIQUE (agency_id, kind, held_on, session_no));"
     "CREATE INDEX dec_meeting_held ON dec_meeting(held_on);"
     "CREATE TABLE dec_decision ("
     " case_id INTEGER PRIMARY KEY REFERENCES case_record,"
     " item_id INTEGER NOT NULL REFERENCES dec_item, title TEXT NOT NULL,"
     " draft TEXT NOT NULL, explanation TEXT, technical INTEGER NOT NULL DEFAULT 0,"
     " affects_stability INTEGER NOT NULL DEFAULT 0,"
     " comment_from TEXT, comment_to TEXT, comment_days INTEGER, comment_short_reason TEXT,"
     " comment_closed_on TEXT, comment_summary TEXT, participation_skip_reason TEXT,"
     " hearing_on TEXT, hearing_materials_on TEXT, hearing_place TEXT, hearing_participants TEXT,"
     " expert_summary TEXT, expert_done_on TEXT, expert_skip_reason TEXT,"
     " risk_assessor TEXT, risk_level TEXT, risk_points TEXT, risk_measures TEXT,"
     " risk_contingency TEXT, risk_report TEXT, risk_done_on TEXT, risk_skip_reason TEXT,"
     " review_case_id INTEGER REFERENCES case_record, review_opinion TEXT, reviewed_on TEXT,"
     " review_rounds INTEGER NOT NULL DEFAULT 0,"
     " meeting_id INTEGER REFERENCES dec_meeting, decided_on TEXT, outcome TEXT,"
     " outcome_reason TEXT, dissent TEXT, decision_text TEXT,"
     " published_on TEXT, publish_channel TEXT, publish_account TEXT,"
     " archived_on TEXT, archive_note TEXT,"
     " evaluator TEXT, evaluated_on TEXT, evaluation_trigger TEXT, evaluation_conclusion TEXT,"
     " evaluation_report TEXT, created_at TEXT NOT NULL);"
     "CREATE INDEX dec_decision_item ON dec_decision(item_id);"
     "CREATE INDEX dec_decision_decided ON dec_decision(decided_on);"
     "CREATE TABLE dec_expert ("
     " expert_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
     " name TEXT NOT NULL, party TEXT NOT NULL, field TEXT, opinion TEXT NOT NULL,"
     " given_on TEXT NOT NULL, created_at TEXT NOT NULL);"
     "CREATE INDEX dec_expert_case ON dec_expert(case_id);"
     "CREATE TABLE dec_speech ("
     " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
     " speaker TEXT NOT NULL, position TEXT, is_head INTEGER NOT NULL DEFAULT 0,"
     " view TEXT NOT NULL, dissent INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (case_id, seq));"
     "CREATE TABLE dec_progress ("
     " progress_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
     " reported_on TEXT NOT NULL, progress TEXT NOT NULL, problems TEXT,"
     " user_id INTEGER REFERENCES app_user, created_at TEXT NOT NULL);"
     "CREATE INDEX dec_progress_case ON dec_progress(case_id);"
     "CREATE TABLE dec_comment ("
     " comment_id INTEGER PRIMARY KEY, case_id INTEGER NOT NULL REFERENCES case_record,"
     " tracking_code TEXT NOT NULL UNIQUE, name TEXT, contact TEXT NOT NULL, content TEXT NOT NULL,"
     " submitted_on TEXT NOT NULL, adopted TEXT, answer TEXT, answered_on TEXT,"
     " answered_by INTEGER REFERENCES app_user, created_at TEXT NOT NULL);"
     "CREATE INDEX dec_comment_case ON dec_comment(case_id);"
     "CREATE INDEX dec_comment_submitted ON dec_comment(submitted_on);"},
    {NULL, NULL},
};
