// Fines after a penalty decision (行政处罚法 2021; issue 10, fines part): the payment period of 第67条,
// deferral and instalments on the party's written application and the head's approval (第66条第二款),
// the late surcharge of 第72条 (3 % of the unpaid fine a day, capped at the fine), the days of a
// reconsideration or lawsuit kept out of it (第73条), a revoked decision ending the case, and every
// refusal with nothing written.
//
// The server runs on the demo county with the date pinned (lib.mjs TODAY = 2026-11-23). Cases are decided
// on the spot (simplified procedure: the decision is handed over, so served, on its day) to reach the
// fine quickly; the fines' rules read only the service day and the fine.
//
// Days counted by hand from data/cn-calendar.csv:
//   2025: 10-01..10-08 国庆节、中秋节 (rest); 10-09 Thu working.
//   2026: 02-15..02-23 春节 (rest); 02-24 Tue working; 10-01..10-07 国庆节 (rest), 10-08 Thu working.
// A surcharge is 3 fen per yuan a day: 1,234 yuan for 3 days = 111.06 yuan.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, sqlNumber, assertError } from './lib.mjs'

const c = useServer()

let BODY, POWER, OFFICERS
function setup () {
  if (BODY) return
  BODY = Number(sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id" +
    " WHERE a.code = 'scj' AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")[0][0])
  POWER = Number(sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)[0][0])
  OFFICERS = sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${BODY} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    " AND x.issued_on <= '2025-01-01' AND x.valid_until >= '2026-11-23' ORDER BY o.officer_id").map((r) => Number(r[0]))
  assert.ok(OFFICERS.length >= 2)
}

/** A penalty case of scj decided on the spot on `day` with a fine: served that day. */
async function fined (day, fine, party = 'organisation') {
  setup()
  const r = await c.post('/api/enforcement/penalties', {
    body_id: BODY, power_id: POWER, officer_ids: OFFICERS.slice(0, 2), procedure: 'simple', party_type: party,
    party_name: '青山县便民百货有限公司', party_id_number: '91360000MA35X7777K', matter: '便民百货未按规定明码标价案',
    source: 'inspection', act_on: day, filed_on: day, facts: '检查发现商品未标价。',
  }, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case.case_id
  await c.actOk(id, 'decide_simple', 'scj.officer', { decided_on: day, penalty_kind: 'fine', fine_amount: fine, decision_text: '当场罚款' })
  return id
}

const url = (id, tail = '') => `/api/enforcement/penalties/${id}/fine${tail}`
async function fine (id, asOf, user = 'scj.clerk') {
  const r = await c.get(url(id, asOf ? `?as_of=${asOf}` : ''), { session: await c.login(user) })
  assert.equal(r.status, 200, r.text)
  return r.json
}
async function post (id, tail, body, user = 'scj.clerk') {
  return c.post(url(id, tail), body, { session: await c.login(user) })
}
async function postOk (id, tail, body, user = 'scj.clerk', status = 201) {
  const r = await post(id, tail, body, user)
  assert.equal(r.status, status, `${tail}: ${r.text}`)
  return r.json
}

/** What a refused write must leave as it was: the fines tables, the events, the clocks, the case. */
function stored (id) {
  return sql(c.db, 'SELECT (SELECT COUNT(*) FROM enf_fine_application), (SELECT group_concat(status) FROM enf_fine_application),' +
    ' (SELECT COUNT(*) FROM enf_fine_instalment), (SELECT COUNT(*) FROM enf_fine_payment), (SELECT COUNT(*) FROM enf_fine_reduction),' +
    ' (SELECT COUNT(*) FROM enf_fine_remedy), (SELECT group_concat(coalesce(ended_on, \'-\')) FROM enf_fine_remedy), (SELECT COUNT(*) FROM event),' +
    ` (SELECT group_concat(state || due_date) FROM case_clock WHERE case_id = ${id}), (SELECT state || version FROM case_record WHERE case_id = ${id})`)[0].join('|')
}
async function refused (id, tail, body, user, status, code, field) {
  const before = stored(id)
  const e = assertError(await post(id, tail, body, user), status, code, field)
  assert.equal(stored(id), before, `${tail} refused but something was written`)
  return e
}

function clock (d, name) {
  return d.clocks.find((k) => k.name === name)
}

test('第67条 and 第72条: due 15 days after service rolled past National Day; 3 % a day after it, capped at the fine; the payment must bring it', async () => {
  // Served 2025-09-20; the 15th day 10-05 is in the holiday, so the fine falls due on 10-09 (Thu).
  const id = await fined('2025-09-20', 1234)
  let f = await fine(id, '2025-10-09')
  assert.equal(f.statutory_due_on, '2025-10-09')
  assert.match(f.due_article, /第六十七条/)
  assert.equal(f.surcharge_as_of.amount, '0.00', 'nothing on the due day itself')
  assert.match(f.surcharge_as_of.article, /第七十二条/)
  f = await fine(id, '2025-10-10')
  assert.deepEqual([f.surcharge_as_of.amount, f.surcharge_as_of.days], ['37.02', 1])
  f = await fine(id, '2025-10-20')
  assert.deepEqual([f.surcharge_as_of.amount_fen, f.surcharge_as_of.days], [1234 * 3 * 11, 11])
  // 33 days: 99 %; the 34th day reaches the cap, and it never grows past the fine.
  assert.equal((await fine(id, '2025-11-11')).surcharge_as_of.amount, '1221.66')
  assert.equal((await fine(id, '2025-11-12')).surcharge_as_of.amount, '1234.00')
  f = await fine(id)
  assert.equal(f.status, 'overdue')
  assert.equal(f.status_label, '逾期未缴纳')
  assert.equal(f.surcharge_today.amount, '1234.00')
  assert.equal(f.surcharge_today.capped, true)
  assert.equal((await fine(id, '2025-11-11')).surcharge_as_of.capped, false)
  const shown = (await c.detail(id)).case.fields
  assert.deepEqual([shown.fine_status_label, shown.surcharge_today], ['逾期未缴纳', '1234.00'], 'the case page says so')
  assertError(await c.get(url(id, '?as_of=2025-09-19'), { session: await c.login('scj.clerk') }), 422, 'BAD_DATE', 'as_of')

  // The case's own 缴纳 step cannot skip the surcharge once the due day has passed.
  let before = stored(id)
  let r = await c.act(id, 'pay', 'scj.officer', { paid_on: '2025-10-12', paid_amount: 1234 })
  const e = assertError(r, 422, 'BAD_VALUE', 'paid_amount')
  assert.match(e.message, /加处罚款 111\.06 元/)
  assert.equal(stored(id), before)
  // A payment that does not cover what is due on its day: the surcharge short or over, the fine short.
  await refused(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1234, surcharge_amount: '111.05' }, 'scj.clerk', 422, 'BAD_VALUE', 'surcharge_amount')
  await refused(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1234, surcharge_amount: 112 }, 'scj.clerk', 422, 'BAD_VALUE', 'surcharge_amount')
  await refused(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1234 }, 'scj.clerk', 422, 'BAD_VALUE', 'surcharge_amount')
  await refused(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1000, surcharge_amount: '111.06' }, 'scj.clerk', 422, 'BAD_VALUE', 'fine_amount')
  await refused(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1234, surcharge_amount: '1.234' }, 'scj.clerk', 422, 'BAD_VALUE', 'surcharge_amount')
  await refused(id, '/payments', { paid_on: '2025-09-19', fine_amount: 1234, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_DATE', 'paid_on')
  await refused(id, '/payments', { paid_on: '2026-11-24', fine_amount: 1234, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_DATE', 'paid_on')
  // Another agency's user does not see the case at all.
  assertError(await c.get(url(id), { session: await c.login('zjj.clerk') }), 404, 'NOT_FOUND')
  await refused(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1234, surcharge_amount: '111.06' }, 'zjj.clerk', 404, 'NOT_FOUND')

  // Three days late (10-10, 10-11, 10-12): 1,234 × 3 % × 3 = 111.06 yuan, recorded apart from the fine.
  f = await postOk(id, '/payments', { paid_on: '2025-10-12', fine_amount: 1234, surcharge_amount: '111.06', receipt_no: 'FS20251012001' })
  assert.equal(f.status, 'paid')
  assert.deepEqual(f.payments.map((p) => [p.paid_on, p.fine_amount, p.surcharge_amount]), [['2025-10-12', 1234, '111.06']])
  const d = await c.detail(id)
  assert.equal(d.case.state, 'executed', 'the whole fine paid: 已缴纳罚款')
  assert.equal(clock(d, 'payment').state, 'stopped')
  // Paid: no application, no further payment; the case closes.
  await refused(id, '/applications', { applied_on: '2025-10-13', mode: 'defer', reason: '经营困难' }, 'scj.clerk', 409, 'STATE')
  await refused(id, '/payments', { paid_on: '2025-10-13', fine_amount: 1, surcharge_amount: 0 }, 'scj.clerk', 409, 'STATE')
  await c.actOk(id, 'close', 'scj.clerk', { closed_on: '2025-10-14' })
})

test('第67条: paid in time through the case step, nothing more is due; a payment on the due day carries no surcharge', async () => {
  const id = await fined('2025-09-20', 800, 'organisation')
  await c.actOk(id, 'pay', 'scj.officer', { paid_on: '2025-10-09', paid_amount: 800, receipt_no: 'A1' })
  const f = await fine(id)
  assert.equal(f.status, 'paid')
  assert.equal(f.surcharge_today.amount, '0.00')
  assert.deepEqual(f.payments.map((p) => [p.paid_on, p.fine_amount, p.surcharge_fen]), [['2025-10-09', 800, 0]])
})

test('第66条 instalments over the Spring Festival: a written application, the head approves a plan summing to the fine, each instalment recorded, executed when all is paid', async () => {
  // Served 2026-02-10: due 02-25.
  const id = await fined('2026-02-10', 3000)
  assert.equal((await fine(id)).statutory_due_on, '2026-02-25')
  await refused(id, '/applications', { applied_on: '2026-02-09', mode: 'instalments', reason: '资金周转困难' }, 'scj.clerk', 422, 'BAD_DATE', 'applied_on')
  await refused(id, '/applications', { applied_on: '2026-02-12', mode: 'monthly', reason: '资金周转困难' }, 'scj.clerk', 422, undefined, 'mode')
  await refused(id, '/applications', { applied_on: '2026-02-12', mode: 'instalments' }, 'scj.clerk', 422, 'MISSING_FIELD', 'reason')
  let f = await postOk(id, '/applications', { applied_on: '2026-02-12', mode: 'instalments', reason: '资金周转困难，申请分三期缴纳' }, 'scj.officer')
  assert.equal(f.application_pending, true)
  await refused(id, '/applications', { applied_on: '2026-02-12', mode: 'defer', reason: '再次申请' }, 'scj.clerk', 409, 'DUPLICATE', 'mode')

  const plan = [{ due_on: '2026-02-20', amount: 1000 }, { due_on: '2026-03-20', amount: 1000 }, { due_on: '2026-04-20', amount: 1000 }]
  const ok = { decided_on: '2026-02-13', approve: true, plan }
  // Only the agency head approves (第六十六条: 行政机关批准).
  for (const who of ['scj.clerk', 'scj.officer']) await refused(id, '/decision', ok, who, 403, 'FORBIDDEN')
  await refused(id, '/decision', ok, 'zjj.head', 404, 'NOT_FOUND')
  let e = await refused(id, '/decision', { ...ok, plan: [{ due_on: '2026-02-20', amount: 1000 }, { due_on: '2026-03-20', amount: 1999 }] }, 'scj.head', 422, 'BAD_VALUE', 'plan')
  assert.match(e.message, /合计 2999 元，与罚款 3000 元不符/)
  e = await refused(id, '/decision', { ...ok, plan: [{ due_on: '2026-02-09', amount: 1000 }, plan[1], plan[2]] }, 'scj.head', 422, 'BAD_DATE', 'plan')
  assert.match(e.message, /不能早于送达日期/)
  await refused(id, '/decision', { ...ok, plan: [plan[1], plan[0], plan[2]] }, 'scj.head', 422, 'BAD_DATE', 'plan')
  await refused(id, '/decision', { ...ok, plan: [{ due_on: '2026-03-20', amount: 3000 }] }, 'scj.head', 422, 'BAD_VALUE', 'plan')
  await refused(id, '/decision', { ...ok, plan: undefined }, 'scj.head', 422, 'MISSING_FIELD', 'plan')
  await refused(id, '/decision', { ...ok, decided_on: '2026-02-11' }, 'scj.head', 422, 'BAD_DATE', 'decided_on')

  f = await postOk(id, '/decision', ok, 'scj.head', 200)
  assert.equal(f.mode, 'instalments')
  // 02-20 falls in the Spring Festival: the first instalment is due on 02-24, and the payment clock follows it.
  assert.deepEqual(f.instalments.map((i) => [i.due_on, i.due_effective, i.amount]),
    [['2026-02-20', '2026-02-24', 1000], ['2026-03-20', '2026-03-20', 1000], ['2026-04-20', '2026-04-20', 1000]])
  assert.equal(clock(await c.detail(id), 'payment').due_date, '2026-02-24')
  await refused(id, '/decision', ok, 'scj.head', 409, 'STATE')

  // The first instalment on its (rolled) due day: no surcharge; the whole fine is not asked for.
  await refused(id, '/payments', { paid_on: '2026-02-24', fine_amount: 1500, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_VALUE', 'fine_amount')
  f = await postOk(id, '/payments', { paid_on: '2026-02-24', fine_amount: 1000, surcharge_amount: 0 })
  assert.equal(f.fine_remaining, 2000)
  let d = await c.detail(id)
  assert.equal(d.case.state, 'served')
  assert.equal(clock(d, 'payment').due_date, '2026-03-20')
  // The second instalment five days late (03-21..03-25): 1,000 × 3 % × 5 = 150 yuan on that instalment only.
  assert.equal((await fine(id, '2026-03-25')).surcharge_as_of.amount, '150.00')
  e = await refused(id, '/payments', { paid_on: '2026-03-25', fine_amount: 1000, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_VALUE', 'surcharge_amount')
  assert.match(e.message, /150\.00 元/)
  await refused(id, '/payments', { paid_on: '2026-02-23', fine_amount: 1000, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_DATE', 'paid_on')
  f = await postOk(id, '/payments', { paid_on: '2026-03-25', fine_amount: 1000, surcharge_amount: '150.00' })
  assert.equal(clock(await c.detail(id), 'payment').due_date, '2026-04-20')
  // The last one in time: executed.
  f = await postOk(id, '/payments', { paid_on: '2026-04-20', fine_amount: 1000, surcharge_amount: 0 })
  assert.equal(f.status, 'paid')
  assert.deepEqual(f.instalments.map((i) => i.paid_on), ['2026-02-24', '2026-03-25', '2026-04-20'])
  assert.equal(f.surcharge_paid, '150.00')
  d = await c.detail(id)
  assert.equal(d.case.state, 'executed')
  assert.equal(sqlNumber(c.db, `SELECT paid_amount FROM enf_penalty WHERE case_id = ${id}`), 3000)
  await refused(id, '/applications', { applied_on: '2026-04-21', mode: 'defer', reason: '已缴清后申请' }, 'scj.clerk', 409, 'STATE')
})

test('第66条 deferral: a due day before service is refused; a refusal needs its reason; late after the new day, the head waives the surcharge with a reason', async () => {
  // Served 2026-09-01: due 09-16. The party asks on 09-05 to pay by 10-03, inside National Day: due 10-08.
  const id = await fined('2026-09-01', 2000)
  await postOk(id, '/applications', { applied_on: '2026-09-05', mode: 'defer', reason: '受灾停业' })
  await refused(id, '/decision', { decided_on: '2026-09-06', approve: true }, 'scj.head', 422, 'MISSING_FIELD', 'due_on')
  await refused(id, '/decision', { decided_on: '2026-09-06', approve: true, due_on: '2026-08-31' }, 'scj.head', 422, 'BAD_DATE', 'due_on')
  await refused(id, '/decision', { decided_on: '2026-09-06', approve: false }, 'scj.head', 422, 'MISSING_FIELD', 'note')
  let f = await postOk(id, '/decision', { decided_on: '2026-09-06', approve: true, due_on: '2026-10-03', note: '同意暂缓' }, 'scj.head', 200)
  assert.equal(f.mode, 'defer')
  assert.equal(f.next_due_on, '2026-10-08')
  assert.equal(clock(await c.detail(id), 'payment').due_date, '2026-10-08')
  // The new due day counts, not the statutory one: nothing on 10-08, 3 % on 10-09.
  assert.equal((await fine(id, '2026-10-08')).surcharge_as_of.amount, '0.00')
  assert.equal((await fine(id, '2026-10-09')).surcharge_as_of.amount, '60.00')
  f = await fine(id)
  assert.equal(f.status, 'overdue')
  assert.equal(f.surcharge_today.amount, '2000.00', 'capped at the fine')
  // Reduction: the head only, within what is due that day, with a reason.
  await refused(id, '/reductions', { decided_on: '2026-10-12', amount: '10', reason: '确有困难' }, 'scj.clerk', 403, 'FORBIDDEN')
  await refused(id, '/reductions', { decided_on: '2026-10-12', amount: '240.01', reason: '确有困难' }, 'scj.head', 422, 'BAD_VALUE', 'amount')
  await refused(id, '/reductions', { decided_on: '2026-10-12', amount: '100' }, 'scj.head', 422, 'MISSING_FIELD', 'reason')
  await refused(id, '/reductions', { decided_on: '2026-10-08', waive_all: true, reason: '到期日无加处罚款' }, 'scj.head', 409, 'STATE')
  // 10-12: four days (10-09..10-12) = 240 yuan; the head waives all of it.
  f = await postOk(id, '/reductions', { decided_on: '2026-10-12', waive_all: true, reason: '当事人确有经济困难，依照《行政处罚法》第七十二条规定减免加处罚款' }, 'scj.head')
  assert.deepEqual(f.reductions.map((x) => [x.decided_on, x.amount]), [['2026-10-12', '240.00']])
  assert.equal((await fine(id, '2026-10-12')).surcharge_as_of.amount, '0.00')
  // It keeps running after the waiver: one more day on 10-13.
  await refused(id, '/payments', { paid_on: '2026-10-13', fine_amount: 2000, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_VALUE', 'surcharge_amount')
  await refused(id, '/payments', { paid_on: '2026-10-11', fine_amount: 2000, surcharge_amount: 0 }, 'scj.clerk', 422, 'BAD_DATE', 'paid_on')
  f = await postOk(id, '/payments', { paid_on: '2026-10-13', fine_amount: 2000, surcharge_amount: '60' })
  assert.equal(f.status, 'paid')
  assert.equal((await c.detail(id)).case.state, 'executed')

  // A refused application: recorded with its reason; the statutory day stays.
  const other = await fined('2026-09-01', 150, 'citizen')
  await postOk(other, '/applications', { applied_on: '2026-09-02', mode: 'defer', reason: '申请暂缓' })
  f = await postOk(other, '/decision', { decided_on: '2026-09-03', approve: false, note: '不符合经济困难条件' }, 'scj.head', 200)
  assert.deepEqual(f.applications.map((a) => [a.status, a.status_label]), [['refused', '不予批准']])
  assert.equal(f.next_due_on, '2026-09-16')
  assert.equal(clock(await c.detail(other), 'payment').due_date, '2026-09-16')
})

test('第73条: a reconsideration and a lawsuit keep their days out of the surcharge; a revoked decision ends the case with nothing to pay', async () => {
  // Served 2026-03-02 (Mon): due 03-17 (Tue).
  const id = await fined('2026-03-02', 1000)
  assert.equal((await fine(id)).statutory_due_on, '2026-03-17')
  const [[recon]] = sql(c.db, "SELECT number FROM case_record WHERE case_type = 'reconsideration' AND number IS NOT NULL ORDER BY case_id LIMIT 1")
  await refused(id, '/remedies', { kind: 'reconsideration', applied_on: '2026-03-20', remedy_number: '青司复〔2099〕1号' }, 'scj.clerk', 422, 'BAD_VALUE', 'remedy_number')
  await refused(id, '/remedies', { kind: 'litigation', applied_on: '2026-03-20', remedy_number: recon }, 'scj.clerk', 422, 'BAD_VALUE', 'remedy_number')
  await refused(id, '/remedies', { kind: 'reconsideration', applied_on: '2026-03-01' }, 'scj.clerk', 422, 'BAD_DATE', 'applied_on')
  await refused(id, '/remedies', { kind: 'appeal', applied_on: '2026-03-20' }, 'scj.clerk', 422, undefined, 'kind')
  await refused(id, '/remedies/end', { ended_on: '2026-04-10', outcome: 'upheld' }, 'scj.clerk', 409, 'STATE')
  let f = await postOk(id, '/remedies', { kind: 'reconsideration', applied_on: '2026-03-20', remedy_number: recon })
  assert.equal(f.pauses[0].remedy_number, recon)
  assert.ok(f.pauses[0].remedy_case_id > 0, 'linked to the reconsideration case')
  assert.match(f.pauses[0].article, /第七十三条/)
  // 03-18 and 03-19 count; from the application on, nothing.
  assert.equal((await fine(id, '2026-03-19')).surcharge_as_of.amount, '60.00')
  assert.equal((await fine(id, '2026-03-30')).surcharge_as_of.amount, '60.00')
  assert.equal((await fine(id, '2026-03-30')).surcharge_as_of.paused, true)
  await refused(id, '/remedies', { kind: 'litigation', applied_on: '2026-03-25' }, 'scj.clerk', 409, 'DUPLICATE', 'kind')
  await refused(id, '/remedies/end', { ended_on: '2026-03-19', outcome: 'upheld' }, 'scj.clerk', 422, 'BAD_DATE', 'ended_on')
  await refused(id, '/remedies/end', { ended_on: '2026-04-10', outcome: 'maybe' }, 'scj.clerk', 422, undefined, 'outcome')
  f = await postOk(id, '/remedies/end', { ended_on: '2026-04-10', outcome: 'upheld' }, 'scj.clerk', 200)
  assert.equal(f.pauses[0].outcome_label, '维持原处罚决定')
  assert.equal(f.pauses[0].days, 22)
  // Paused 03-20..04-10; 04-11 and 04-12 count again: 2 + 2 days = 120 yuan.
  assert.equal((await fine(id, '2026-04-12')).surcharge_as_of.amount, '120.00')
  assert.equal((await fine(id, '2026-04-12')).surcharge_as_of.days, 4)
  // Then the party sues; the court revokes the decision: the fine is not due and the case ends.
  await refused(id, '/remedies', { kind: 'litigation', applied_on: '2026-04-10' }, 'scj.clerk', 422, 'BAD_DATE', 'applied_on')
  await postOk(id, '/remedies', { kind: 'litigation', applied_on: '2026-04-15', note: '当事人向县人民法院起诉' })
  assert.equal((await fine(id, '2026-06-01')).surcharge_as_of.amount, '180.00', '04-11..04-14 only')
  f = await postOk(id, '/remedies/end', { ended_on: '2026-06-01', outcome: 'revoked', note: '判决撤销处罚决定' }, 'scj.clerk', 200)
  assert.equal(f.status, 'revoked')
  assert.equal(f.fine_remaining, 0)
  assert.equal(f.surcharge_today, null)
  const d = await c.detail(id)
  assert.equal(d.case.state, 'revoked')
  assert.equal(clock(d, 'payment').state, 'stopped')
  await refused(id, '/payments', { paid_on: '2026-06-02', fine_amount: 1000, surcharge_amount: '180' }, 'scj.clerk', 409, 'STATE')
  await refused(id, '/applications', { applied_on: '2026-06-02', mode: 'defer', reason: 'x' }, 'scj.clerk', 409, 'STATE')
})

test('figures: fines and surcharges collected (元) and cases with deferral or instalments, each with its drill-down', async () => {
  const scj = await c.agencyOf('scj.clerk')
  async function figs () {
    const r = await c.get(`/api/figures?year=2026&agency_id=${scj}`, { session: await c.login('legal') })
    assert.equal(r.status, 200, r.text)
    return Object.fromEntries(r.json.items.filter((x) => x.name.startsWith('enforcement.fines.')).map((x) => [x.name, x]))
  }
  const before = await figs()
  assert.deepEqual(Object.keys(before).sort(), ['enforcement.fines.arranged', 'enforcement.fines.collected', 'enforcement.fines.surcharges'])
  assert.equal(before['enforcement.fines.collected'].unit, '元')
  const id = await fined('2026-05-04', 2400)
  await postOk(id, '/applications', { applied_on: '2026-05-05', mode: 'instalments', reason: '分两期' })
  await postOk(id, '/decision', { decided_on: '2026-05-06', approve: true, plan: [{ due_on: '2026-05-19', amount: 1200 }, { due_on: '2026-06-19', amount: 1200 }] }, 'scj.head', 200)
  // Two days late on the first instalment: 1,200 × 3 % × 2 = 72 yuan.
  await postOk(id, '/payments', { paid_on: '2026-05-21', fine_amount: 1200, surcharge_amount: 72 })
  const after = await figs()
  assert.equal(after['enforcement.fines.collected'].value - before['enforcement.fines.collected'].value, 1200)
  assert.equal(after['enforcement.fines.surcharges'].value - before['enforcement.fines.surcharges'].value, 72)
  assert.equal(after['enforcement.fines.arranged'].value - before['enforcement.fines.arranged'].value, 1)
  const drill = after['enforcement.fines.arranged'].drill
  const r = await c.get(`${drill.path}?${drill.query}&per_page=100`, { session: await c.login('legal') })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.total, after['enforcement.fines.arranged'].value)
  assert.ok(r.json.items.some((x) => x.case_id === id))
  assertError(await c.get('/api/enforcement/penalties?arranged_year=20x6', { session: await c.login('legal') }), 422, 'BAD_VALUE', 'arranged_year')
})

test('the demo county: an instalment plan under way, a deferral paid on its day, a late payment with its surcharge, a surcharge paused by a reconsideration', async () => {
  const caseOf = (party) => Number(sql(c.db, `SELECT case_id FROM enf_penalty WHERE party_name = '${party}'`)[0][0])
  const days = (a, b) => Math.round((Date.parse(b) - Date.parse(a)) / 86400000)
  // 分期: three approved instalments adding up to the fine, the first two paid, the case still to execute.
  let f = await fine(caseOf('青山县金河建材有限公司'), null, 'hbj.clerk')
  assert.equal(f.mode, 'instalments')
  assert.equal(f.instalments.reduce((s, i) => s + i.amount, 0), f.fine_amount)
  assert.deepEqual(f.instalments.map((i) => !!i.paid_on), [true, true, false])
  assert.equal(f.fine_remaining, f.instalments[2].amount)
  // 暂缓: paid in one go by the approved day, no surcharge, executed.
  const deferral = caseOf('周玉兰')
  f = await fine(deferral, null, 'scj.clerk')
  assert.equal(f.mode, 'defer')
  assert.equal(f.status, 'paid')
  assert.ok(f.payments[0].paid_on <= f.instalments[0].due_effective)
  assert.equal((await c.detail(deferral)).case.state, 'executed')
  // 逾期缴纳: the surcharge paid is 3 % a day of the fine for the days after the due day.
  f = await fine(caseOf('青山县顺达物流有限公司'), null, 'cgj.clerk')
  const late = days(f.statutory_due_on, f.payments[0].paid_on)
  assert.ok(late > 0, 'paid after the due day')
  assert.equal(f.payments[0].surcharge_fen, Math.min(f.fine_amount * 100, f.fine_amount * 3 * late))
  // 复议期间: the days from the application through the decision are left out; unpaid, 逾期未缴纳.
  f = await fine(caseOf('青山县通达客运有限公司'), null, 'jtj.clerk')
  assert.equal(f.status, 'overdue')
  assert.equal(f.pauses.length, 1)
  const p = f.pauses[0]
  assert.ok(p.ended_on && p.applied_on > f.statutory_due_on)
  const counted = days(f.statutory_due_on, '2026-11-23') - (days(p.applied_on, p.ended_on) + 1)
  assert.equal(f.surcharge_today.days, counted)
  assert.equal(f.surcharge_today.amount_fen, Math.min(f.fine_amount * 100, f.fine_amount * 3 * counted))
  assert.ok(f.surcharge_today.amount_fen < f.fine_amount * 100, 'the pause keeps it under the cap')
})
