// The cases an agency reads besides its own, written from the law rather than from the server's
// code, so the scope suites check the server against it: a reconsideration case is shared with its
// respondent (行政复议法 第48条), a major decision with the county government that decides it
// (重大行政决策程序暂行条例 第30条), a petition with the body it was routed to (信访工作条例 第22条;
// an objection to the routing ends that), a suggestion or proposal with each co-handling agency.
import { sql } from './lib.mjs'

const SHARED = [
  ['reconsideration', 'SELECT case_id, respondent_agency_id FROM recon_case'],
  ['major_decision', "SELECT d.case_id, g.agency_id FROM dec_decision d JOIN agency g ON g.code = 'gov'"],
  ['petition', 'SELECT case_id, handler_agency_id FROM petition WHERE handler_agency_id IS NOT NULL'],
  ['proposal', 'SELECT case_id, agency_id FROM proposal_cohandler'],
]

/**
 * The cases shared with the agency (not its own), as a Set of case ids, or of case numbers with
 * `{ numbers: true }`; `{ type }` keeps one procedure's.
 */
export function sharedWith (db, agencyId, { type = null, numbers = false } = {}) {
  const parts = SHARED.filter(([t]) => !type || t === type).map(([, q]) => q)
  if (!parts.length) return new Set()
  const ids = `WITH s(case_id, agency_id) AS (${parts.join(' UNION ')})` +
    ' SELECT c.case_id, c.number FROM case_record c JOIN s ON s.case_id = c.case_id' +
    ` WHERE s.agency_id = ${Number(agencyId)} AND c.agency_id <> ${Number(agencyId)}`
  return new Set(sql(db, ids).map(([id, n]) => numbers ? n : Number(id)))
}
