/*
 * mailbox_report.c - the mailbox's named yearly figures (platform/figures.h):
 * what the yearly statistics print and other reports (the annual rule-of-law
 * report, the assessment) will read by name.
 */
#include "modules/mailbox/mailbox_int.h"

const struct fz_figure fz_mailbox_figures[] = {
    {"mailbox.letters.received",
     "县长信箱来信",
     "件",
     NULL,
     {"GET /api/cases", "type=mailbox&year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM case_record c JOIN mailbox_letter m ON m.case_id = c.case_id"
     " WHERE c.case_type = 'mailbox' AND c.received_on >= ?1 AND c.received_on <= ?2"
     " AND (?3 = 0 OR c.agency_id = ?3)"},
    {NULL},
};
