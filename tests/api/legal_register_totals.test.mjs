// The contract register's count and amount totals (docs/legal.md §1 Lists): under the agency,
// state and year filters they come from the trigger-kept legal_contract_tally (legal-002), under
// any other filter from the contracts themselves; both must equal the contracts the filters
// select, counted here straight from the tables, before and after a contract is registered,
// revised, reviewed, signed, completed and moved, county-wide and as an agency sees it.
//
// One server on the demo county (FAZHI_TODAY 2026-11-23).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql } from './lib.mjs'
import { newContract, submitContract, giveOpinion } from './legal_helpers.mjs'

const c = useServer()

/** [total, amount, signed_amount] of the contracts a SQL condition on c (case) and k selects. */
function expected (where) {
  const [row] = sql(c.db, 'SELECT COUNT(*), COALESCE(SUM(k.amount), 0), COALESCE(SUM(k.signed_amount), 0)' +
    ` FROM case_record c JOIN legal_contract k ON k.case_id = c.case_id WHERE 1 = 1 ${where}`)
  return row.map(Number)
}

async function check (user, agency) {
  const s = await c.login(user)
  const scope = agency ? ` AND c.agency_id = ${agency}` : ''
  const zjj = await c.agencyOf('zjj.clerk')
  const cases = [
    ['', ''],
    [`agency_id=${agency || zjj}`, ` AND c.agency_id = ${agency || zjj}`],
    ['state=performing', " AND c.state = 'performing'"],
    ['state=drafting', " AND c.state = 'drafting'"],
    ['year=2026', " AND c.received_on BETWEEN '2026-01-01' AND '2026-12-31'"],
    ['year=2025&state=completed', " AND c.received_on BETWEEN '2025-01-01' AND '2025-12-31' AND c.state = 'completed'"],
    // Not from the tally: the same answer from the contracts.
    ['kind=construction', " AND k.kind = 'construction'"],
    ['year=2026&kind=construction', " AND k.kind = 'construction' AND c.received_on BETWEEN '2026-01-01' AND '2026-12-31'"],
  ]
  for (const [q, where] of cases) {
    const r = await c.get(`/api/legal/contracts?per_page=1&${q}`, { session: s })
    assert.equal(r.status, 200, r.text)
    assert.deepEqual([r.json.total, r.json.amount_total, r.json.signed_amount_total], expected(scope + where), `${user} ?${q}`)
  }
}

test('the totals equal the contracts selected, county-wide and per agency, on the demo county', async () => {
  assert.ok(expected('')[0] > 10, 'the demo county has contracts')
  await check('legal')
  await check('zjj.clerk', await c.agencyOf('zjj.clerk'))
})

test('after registering, revising, reviewing, signing and completing a contract, still equal', async () => {
  const d = await newContract(c, 'zjj.clerk', { amount: 3000000 })
  const id = d.case.case_id
  await check('legal')
  await c.actOk(id, 'revise', 'zjj.clerk', { amount: 2800000 })
  await check('legal')
  const review = await submitContract(c, id, 'zjj.head')
  await check('legal')
  await giveOpinion(c, review, 'lawful')
  await check('legal')
  await c.actOk(id, 'sign', 'zjj.clerk', { signed_on: '2026-11-23', signed_amount: 2750000 })
  await check('legal')
  await check('zjj.clerk', await c.agencyOf('zjj.clerk'))
  await c.actOk(id, 'complete', 'zjj.clerk', { completed_on: '2026-11-23' })
  await check('legal')
  // The tally holds no row for a contract that is not there (counts never negative).
  const [[neg]] = sql(c.db, 'SELECT COUNT(*) FROM legal_contract_tally WHERE n < 0 OR amount < 0 OR signed_amount < 0')
  assert.equal(Number(neg), 0)
})
