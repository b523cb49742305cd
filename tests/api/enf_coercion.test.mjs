// Coercion cases (行政强制, 行政强制法 2011; issue 10): 查封、扣押 with prior approval and on the spot (第19条:
// approval afterwards within 24 hours; a refusal lifts the measure), at most 30 days (第25条) and one extension
// of at most 30 days by the head with the party told in writing, release (第28条) or handling (第27条); and
// coercive execution of an unpaid fine: 催告 (第35条, 10 working days by default, a field), 陈述申辩 (第36条),
// the agency's own execution decision (第37条) or a court application within three months after the remedy
// periods ended (第53条), the court's ruling. Every refusal names its field and writes nothing.
//
// The server runs on the demo county with the date pinned (lib.mjs TODAY 2026-11-23, a Monday).
// Days counted by hand from data/cn-calendar.csv:
//   2025: 09-28 Sun make-up working day; 10-01..10-08 国庆节、中秋节; 10-11 Sat make-up working day.
//   2026: 02-14 Sat make-up working day; 02-15..02-23 春节; 02-28 Sat make-up working day.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, sqlNumber, assertError, TODAY } from './lib.mjs'

const c = useServer()

function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM case_record), (SELECT COUNT(*) FROM event),' +
    ' (SELECT COUNT(*) FROM case_clock), (SELECT COUNT(*) FROM enf_coercion), (SELECT COUNT(*) FROM enf_coercion_item),' +
    ' (SELECT COUNT(*) FROM enf_coercion_officer), (SELECT group_concat(last_no) FROM number_seq),' +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'enf_coercion')," +
    " (SELECT group_concat(coalesce(approved_on,'') || coalesce(taken_on,'') || coalesce(extended_on,'') || coalesce(released_on,'')" +
    " || coalesce(handled_on,'') || coalesce(court_applied_on,'') || coalesce(exec_decided_on,'')) FROM enf_coercion)," +
    " (SELECT group_concat(due_date || state) FROM case_clock)")
  return row.join('|')
}

let BODY, POWER, PENALTY_POWER, OFFICERS
function setup () {
  if (BODY) return
  ;[[BODY]] = sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id" +
    " WHERE a.code = 'scj' AND b.status = 'published' AND EXISTS (SELECT 1 FROM enf_power p WHERE p.body_id = b.body_id" +
    " AND p.category = 'coercion' AND p.status = 'active')" +
    " ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1").map((r) => r.map(Number))
  POWER = sqlNumber(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'coercion' AND status = 'active' ORDER BY item_id LIMIT 1`)
  PENALTY_POWER = sqlNumber(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)
  OFFICERS = sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${BODY} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    ` AND x.issued_on <= '2025-01-01' AND x.valid_until >= '${TODAY}' ORDER BY o.officer_id`).map((r) => Number(r[0]))
  assert.ok(OFFICERS.length >= 2, 'the demo scj body has two officers certified since 2025')
}

function measure (over = {}) {
  setup()
  return {
    procedure: 'measure', body_id: BODY, power_id: POWER, officer_ids: OFFICERS.slice(0, 2), measure_kind: 'seize',
    approval: 'prior', party_type: 'organisation', party_name: '青山县惠民超市有限公司', matter: '扣押青山县惠民超市有限公司涉嫌过期食品',
    filed_on: '2025-09-05', facts: '检查发现过期酸奶，为防止流入市场予以扣押。',
    items: [{ name: '酸奶（200 克/盒）', quantity: '12 盒', place: '县市场监管局罚没物品仓库' }],
    ...over,
  }
}

async function file (body, user = 'scj.officer') {
  return c.post('/api/enforcement/coercions', body, { session: await c.login(user) })
}

async function fileOk (body, user) {
  const r = await file(body, user)
  assert.equal(r.status, 201, r.text)
  return r.json.case.case_id
}

function clock (d, name) {
  const k = d.clocks.find((x) => x.name === name)
  assert.ok(k, `clock ${name} in ${JSON.stringify(d.clocks.map((x) => x.name))}`)
  return k
}

/** A measure approved by the head beforehand and taken on `taken`. */
async function taken (taken, over = {}) {
  const id = await fileOk(measure({ filed_on: taken, ...over }))
  await c.actOk(id, 'approve', 'scj.head', { approved_on: taken })
  await c.actOk(id, 'take', 'scj.officer', { taken_on: taken, taken_at: '10:00' })
  return id
}

test('查封、扣押 with prior approval: numbered 强, the head approves, two certified officers take it, 30 days (第25条) across National Day', async () => {
  const id = await fileOk(measure())
  let d = await c.detail(id, 'scj.clerk')
  assert.match(d.case.number, /强〔2025〕\d+号$/)
  assert.equal(d.case.state, 'requested')
  assert.equal(d.case.fields.items.length, 1)
  assert.equal(d.case.fields.officers.length, 2)
  // Only the head approves (第18条第一项).
  assertError(await c.act(id, 'approve', 'scj.officer', { approved_on: '2025-09-05' }), 403, 'FORBIDDEN')
  await c.actOk(id, 'approve', 'scj.head', { approved_on: '2025-09-05' })
  // Taken before it was approved: refused, nothing written.
  const before = stored()
  assertError(await c.act(id, 'take', 'scj.officer', { taken_on: '2025-09-04' }), 422, 'BAD_DATE', 'taken_on')
  assert.equal(stored(), before)
  await c.actOk(id, 'take', 'scj.officer', { taken_on: '2025-09-08', taken_at: '09:30' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'in_force')
  // 2025-09-08 + 30 days = 10-08 (国庆节), so the period ends on 10-09, the next working day.
  const k = clock(d, 'duration')
  assert.equal(k.due_date, '2025-10-09')
  assert.match(k.article, /第二十五条/)
  // The period ran out long ago (today 2026-11-23): no extension (第25条), refused with nothing written.
  const b2 = stored()
  const r = await c.act(id, 'extend', 'scj.head', { extended_on: '2025-10-08', days: 10, reason: '需检验', party_told_on: '2025-10-08' })
  assertError(r, 409, 'STATE')
  assert.equal(stored(), b2)
  // Release (第28条) with its day: the clock stops, on time or not as the day says.
  await c.actOk(id, 'release', 'scj.officer', { released_on: '2025-10-09', release_reason: 'no_violation', note: '已退还 12 盒' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'released')
  assert.equal(d.case.fields.release_reason, 'no_violation')
  const k2 = clock(d, 'duration')
  assert.equal(k2.state, 'stopped')
  assert.equal(k2.on_time, true)
})

test('filing refusals name the field and write nothing: officers (第18条), power list (第17条), items (第24条), body of another agency', async () => {
  setup()
  const before = stored()
  assertError(await file(measure({ officer_ids: OFFICERS.slice(0, 1) })), 422, 'BAD_VALUE', 'officer_ids')
  assertError(await file(measure({ officer_ids: undefined })), 422, 'MISSING_FIELD', 'officer_ids')
  assertError(await file(measure({ power_id: PENALTY_POWER })), 422, 'BAD_VALUE', 'power_id')
  assertError(await file(measure({ power_id: undefined })), 422, 'MISSING_FIELD', 'power_id')
  assertError(await file(measure({ items: [] })), 422, 'MISSING_FIELD', 'items')
  assertError(await file(measure({ items: [{ name: '酸奶', quantity: '1 盒' }] })), 422, 'MISSING_FIELD', 'items')
  assertError(await file(measure({ measure_kind: undefined })), 422, 'MISSING_FIELD', 'measure_kind')
  assertError(await file(measure({ measure_kind: 'demolish' })), 422, 'BAD_VALUE', 'measure_kind')
  assertError(await file(measure({ filed_on: '2026-11-24' })), 422, 'BAD_DATE', 'filed_on')
  // An officer whose certificate was not yet issued on the day (filed before 2000).
  const e = assertError(await file(measure({ filed_on: '2019-01-02' })), 422, 'BAD_VALUE', 'officer_ids')
  assert.match(e.message, /行政强制法/)
  // Another agency's user cannot file with scj's body.
  assertError(await file(measure(), 'cgj.officer'), 422, 'BAD_VALUE', 'body_id')
  // On the spot without the time of day the 24 hours are counted from.
  assertError(await file(measure({ approval: 'spot', taken_on: '2025-09-05' })), 422, 'MISSING_FIELD', 'taken_at')
  assertError(await file(measure({ approval: 'spot', taken_on: '2025-09-05', taken_at: '25:00' })), 422, 'BAD_VALUE', 'taken_at')
  assert.equal(stored(), before)
})

test('第19条: on the spot, the head approves within 24 hours (to the minute) across the Spring Festival; a refusal lifts it at once', async () => {
  const spot = (over) => measure({ approval: 'spot', filed_on: '2026-01-20', taken_on: '2026-01-20', taken_at: '10:00', measure_kind: 'seal', ...over })
  const id = await fileOk(spot())
  let d = await c.detail(id)
  assert.equal(d.case.state, 'spot_pending')
  assert.equal(clock(d, 'approval').due_date, '2026-01-21')
  assert.match(clock(d, 'approval').article, /二十四小时/)
  // In force from the day it was taken: 01-20 + 30 = 02-19 (春节) → 02-24.
  assert.equal(clock(d, 'duration').due_date, '2026-02-24')
  // The case's own due day (lists, supervision) is the earliest running clock's.
  assert.equal(d.case.due_date, '2026-01-21')
  // One minute late, or before the measure: refused, nothing written.
  const before = stored()
  const late = assertError(await c.act(id, 'approve_spot', 'scj.head', { approved_on: '2026-01-21', approved_at: '10:01' }), 422, 'BAD_VALUE', 'approved_at')
  assert.match(late.message, /第十九条/)
  assertError(await c.act(id, 'approve_spot', 'scj.head', { approved_on: '2026-01-20', approved_at: '09:59' }), 422, 'BAD_VALUE', 'approved_at')
  assertError(await c.act(id, 'approve_spot', 'scj.officer', { approved_on: '2026-01-21', approved_at: '09:00' }), 403, 'FORBIDDEN')
  assert.equal(stored(), before)
  await c.actOk(id, 'approve_spot', 'scj.head', { approved_on: '2026-01-21', approved_at: '10:00' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'in_force')
  assert.equal(clock(d, 'approval').state, 'stopped')
  assert.equal(d.case.fields.approved_at, '10:00')
  // Refused afterwards: released at once, both clocks stopped, the reason recorded.
  const id2 = await fileOk(spot({ party_name: '青山县好运来食杂店' }))
  await c.actOk(id2, 'refuse_spot', 'scj.head', { released_on: '2026-01-20', reason: '不属于应当扣押的情形' })
  d = await c.detail(id2)
  assert.equal(d.case.state, 'released')
  assert.equal(d.case.fields.release_reason, 'not_approved')
  assert.ok(d.clocks.every((k) => k.state === 'stopped'), JSON.stringify(d.clocks))
})

test('a refused request ends the case; a spot measure whose approval came too late is released, not approved', async () => {
  const id = await fileOk(measure({ filed_on: '2026-03-02', party_name: '青山县拒批测试店' }))
  assertError(await c.act(id, 'refuse', 'scj.head', { decided_on: '2026-03-01', reason: '不需要扣押' }), 422, 'BAD_DATE', 'decided_on')
  await c.actOk(id, 'refuse', 'scj.head', { decided_on: '2026-03-02', reason: '不需要扣押' })
  let d = await c.detail(id)
  assert.equal(d.case.state, 'refused')
  assert.equal(d.clocks.length, 0, 'a measure never taken runs no clock')
  assertError(await c.act(id, 'take', 'scj.officer', { taken_on: '2026-03-03' }), 409, 'STATE')
  // Taken on the spot Fri 2026-02-13 at 23:50; the head is reached on Sun 02-15 (春节): too late to approve.
  const id2 = await fileOk(measure({ approval: 'spot', filed_on: '2026-02-13', taken_on: '2026-02-13', taken_at: '23:50', party_name: '青山县迟报测试店' }))
  assertError(await c.act(id2, 'approve_spot', 'scj.head', { approved_on: '2026-02-15', approved_at: '08:00' }), 422, 'BAD_VALUE', 'approved_at')
  d = await c.detail(id2)
  assert.equal(clock(d, 'approval').due_date, '2026-02-14')
  assert.equal(clock(d, 'approval').status, 'red')
  await c.actOk(id2, 'release', 'scj.officer', { released_on: '2026-02-15', release_reason: 'no_longer_needed', note: '未在二十四小时内补办批准，立即解除' })
  d = await c.detail(id2)
  assert.equal(d.case.state, 'released')
  assert.equal(clock(d, 'approval').state, 'stopped')
  assert.equal(clock(d, 'approval').on_time, false)
})

test('第25条: one extension of at most 30 days by the head, the party told in writing; a second one refused; the clock warns first', async () => {
  // Taken 2026-11-10: due 12-10 (Thu).
  const id = await taken('2026-11-10')
  let d = await c.detail(id)
  assert.equal(clock(d, 'duration').due_date, '2026-12-10')
  const ext = { extended_on: '2026-11-20', days: 20, reason: '需送检，情况复杂', party_told_on: '2026-11-20' }
  const before = stored()
  assertError(await c.act(id, 'extend', 'scj.head', { ...ext, days: 31 }), 422, 'BAD_VALUE', 'days')
  assertError(await c.act(id, 'extend', 'scj.head', { ...ext, party_told_on: undefined }), 422, 'MISSING_FIELD', 'party_told_on')
  assertError(await c.act(id, 'extend', 'scj.head', { ...ext, party_told_on: '2026-11-19' }), 422, 'BAD_DATE', 'party_told_on')
  assertError(await c.act(id, 'extend', 'scj.clerk', ext), 403, 'FORBIDDEN')
  assert.equal(stored(), before)
  await c.actOk(id, 'extend', 'scj.head', ext)
  d = await c.detail(id)
  const k = clock(d, 'duration')
  assert.equal(k.due_date, '2026-12-30')
  assert.equal(k.extended_days, 20)
  assert.equal(d.case.fields.extended, true)
  assert.equal(d.case.fields.party_told_on, '2026-11-20')
  // A second extension, even of the days left, is refused.
  const b2 = stored()
  assertError(await c.act(id, 'extend', 'scj.head', { ...ext, days: 5 }), 409, 'STATE')
  assert.equal(stored(), b2)
  // Taken 2026-10-27: due 11-26 (Thu), within the warning window on 11-23: yellow, and still extendable.
  const id2 = await taken('2026-10-27')
  d = await c.detail(id2)
  assert.equal(clock(d, 'duration').due_date, '2026-11-26')
  assert.equal(clock(d, 'duration').status, 'yellow')
  // Taken 2026-10-20: due 11-19, run out: red, and no extension.
  const id3 = await taken('2026-10-20')
  d = await c.detail(id3)
  assert.equal(clock(d, 'duration').status, 'red')
  assertError(await c.act(id3, 'extend', 'scj.head', { ...ext, extended_on: '2026-11-19', party_told_on: '2026-11-19' }), 409, 'STATE')
})

test('第27条: handling — 没收 only by a decided penalty case of the agency, 销毁 with the law that orders it', async () => {
  const id = await taken('2026-11-02')
  const before = stored()
  assertError(await c.act(id, 'handle', 'scj.officer', { handled_on: '2026-11-20', handling: 'confiscate' }), 422, 'MISSING_FIELD', 'penalty_case_id')
  assertError(await c.act(id, 'handle', 'scj.officer', { handled_on: '2026-11-20', handling: 'destroy' }), 422, 'MISSING_FIELD', 'handling_basis')
  // A penalty case of another agency, or one not decided, is refused.
  const other = sqlNumber(c.db, "SELECT x.case_id FROM enf_penalty x JOIN case_record r ON r.case_id = x.case_id JOIN agency a ON a.agency_id = r.agency_id WHERE a.code <> 'scj' AND x.outcome = 'penalty' LIMIT 1")
  assertError(await c.act(id, 'handle', 'scj.officer', { handled_on: '2026-11-20', handling: 'confiscate', penalty_case_id: other }), 422, 'BAD_VALUE', 'penalty_case_id')
  const undecided = sqlNumber(c.db, "SELECT x.case_id FROM enf_penalty x JOIN case_record r ON r.case_id = x.case_id JOIN agency a ON a.agency_id = r.agency_id WHERE a.code = 'scj' AND x.decided_on IS NULL LIMIT 1")
  assertError(await c.act(id, 'handle', 'scj.officer', { handled_on: '2026-11-20', handling: 'confiscate', penalty_case_id: undecided }), 422, 'BAD_VALUE', 'penalty_case_id')
  assert.equal(stored(), before)
  const own = sqlNumber(c.db, "SELECT x.case_id FROM enf_penalty x JOIN case_record r ON r.case_id = x.case_id JOIN agency a ON a.agency_id = r.agency_id WHERE a.code = 'scj' AND x.outcome = 'penalty' LIMIT 1")
  await c.actOk(id, 'handle', 'scj.officer', { handled_on: '2026-11-20', handling: 'confiscate', penalty_case_id: own })
  const d = await c.detail(id)
  assert.equal(d.case.state, 'handled')
  assert.equal(d.case.fields.handling, 'confiscate')
  assert.equal(d.case.fields.handled_on, '2026-11-20')
  assert.ok(d.case.fields.handling_penalty_number)
  const id2 = await taken('2026-11-02', { measure_kind: 'seal' })
  await c.actOk(id2, 'handle', 'scj.officer', { handled_on: '2026-11-21', handling: 'destroy', handling_basis: '《食品安全法》第一百二十四条' })
  assert.equal((await c.detail(id2)).case.state, 'handled')
})

/** A fine decided on the spot (simplified procedure) on `day` and left unpaid; returns its case id. */
async function unpaidFine (day, party = '青山县个体户王某') {
  setup()
  const r = await c.post('/api/enforcement/penalties', {
    body_id: BODY, power_id: PENALTY_POWER, officer_ids: OFFICERS.slice(0, 2), procedure: 'simple', party_type: 'citizen',
    party_name: party, matter: `${party}占道经营案`, act_on: day, filed_on: day,
  }, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case.case_id
  await c.actOk(id, 'decide_simple', 'scj.officer', { decided_on: day, penalty_kind: 'fine', fine_amount: 200, decision_text: '罚款二百元' })
  return id
}

function execution (pen, over = {}) {
  return {
    procedure: 'execution', body_id: BODY, officer_ids: OFFICERS.slice(0, 2), party_type: 'citizen', party_name: '青山县个体户王某',
    matter: '王某逾期不缴纳罚款强制执行案', penalty_case_id: pen, obligation: '缴纳罚款 200 元', filed_on: '2025-04-01', ...over,
  }
}

test('强制执行 of an unpaid fine: 催告 10 working days across National Day (第35条), 陈述申辩 (第36条), court application in the three months after the remedy periods (第53条), ruling', async () => {
  // Decided and handed over 2025-03-03: payment due 03-18 (第67条), remedy periods end 2025-09-03 (six months).
  const pen = await unpaidFine('2025-03-03')
  const before = stored()
  // Before the payment period ran out, and without the decision it executes.
  assertError(await file(execution(pen, { filed_on: '2025-03-10' })), 422, 'BAD_VALUE', 'penalty_case_id')
  assertError(await file(execution(undefined)), 422, 'MISSING_FIELD', 'decision_text')
  assertError(await file(execution(pen, { obligation: undefined })), 422, 'MISSING_FIELD', 'obligation')
  // Another agency's penalty case.
  const other = sqlNumber(c.db, "SELECT x.case_id FROM enf_penalty x JOIN case_record r ON r.case_id = x.case_id JOIN agency a ON a.agency_id = r.agency_id WHERE a.code <> 'scj' LIMIT 1")
  assertError(await file(execution(other)), 422, 'BAD_VALUE', 'penalty_case_id')
  assert.equal(stored(), before)
  const id = await fileOk(execution(pen))
  let d = await c.detail(id)
  assert.equal(d.case.state, 'to_remind')
  assert.equal(d.case.fields.remedy_end_on, '2025-09-03')
  assert.equal(d.case.fields.amount, 200)
  const court = clock(d, 'court_application')
  // 2025-09-03 + 3 months = 12-03 (Wed).
  assert.equal(court.due_date, '2025-12-03')
  assert.equal(d.case.due_date, '2025-12-03')
  assert.match(court.article, /第五十三条/)
  // A second execution of the same fine while this one runs: 409.
  assertError(await file(execution(pen)), 409, 'DUPLICATE', 'penalty_case_id')
  // 催告 served Fri 2025-09-26: 10 working days = 09-28 (make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up), 10-13 .. 10-16.
  await c.actOk(id, 'remind', 'scj.officer', { reminded_on: '2025-09-26', content: '限期缴纳罚款 200 元' })
  d = await c.detail(id)
  assert.equal(clock(d, 'perform').due_date, '2025-10-16')
  assert.equal(d.case.fields.perform_days, 10)
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: '2025-09-30', statement: '当事人称经营困难，经复核理由不成立', adopted: false })
  // On the last day of the period, or by a clerk: refused, nothing written.
  const b2 = stored()
  assertError(await c.act(id, 'apply_court', 'scj.head', { court_applied_on: '2025-10-16', court: '青山县人民法院' }), 422, 'BAD_VALUE', 'court_applied_on')
  assertError(await c.act(id, 'apply_court', 'scj.officer', { court_applied_on: '2025-10-17', court: '青山县人民法院' }), 403, 'FORBIDDEN')
  assert.equal(stored(), b2)
  await c.actOk(id, 'apply_court', 'scj.head', { court_applied_on: '2025-10-17', court: '青山县人民法院' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'at_court')
  assert.equal(clock(d, 'court_application').on_time, true)
  // The period to perform ends with the application: nothing stays running on the case.
  assert.ok(d.clocks.every((k) => k.state === 'stopped'), JSON.stringify(d.clocks.map((k) => [k.name, k.state])))
  assertError(await c.act(id, 'court_ruling', 'scj.officer', { ruled_on: '2025-10-16', ruling: 'grant' }), 422, 'BAD_DATE', 'ruled_on')
  await c.actOk(id, 'court_ruling', 'scj.officer', { ruled_on: '2025-10-24', ruling: 'grant', ruling_no: '（2025）青0101行审12号' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'ruled')
  assert.equal(d.case.fields.ruling_label, '裁定准予执行')
})

test('第53条 across the Spring Festival, before the remedy periods end, after the three months; 第37条 own execution; the period to perform a field', async () => {
  // Served 2025-05-20: remedy end 11-20, + 3 months = 2026-02-20 (春节) → 02-24.
  const pen = await unpaidFine('2025-05-20', '青山县个体户李某')
  const id = await fileOk(execution(pen, { filed_on: '2025-06-10', party_name: '青山县个体户李某' }))
  let d = await c.detail(id)
  assert.equal(clock(d, 'court_application').due_date, '2026-02-24')
  // 催告 with 5 working days on Thu 2026-02-12: 02-13, 02-14 (make-up), 02-24, 02-25, 02-26.
  await c.actOk(id, 'remind', 'scj.officer', { reminded_on: '2026-02-12', perform_days: 5, content: '限五个工作日内缴纳' })
  d = await c.detail(id)
  assert.equal(clock(d, 'perform').due_date, '2026-02-26')
  assert.equal(d.case.fields.perform_days, 5)
  // The three months ran out on 02-24: an application on 02-27 is refused, nothing written.
  const before = stored()
  const late = assertError(await c.act(id, 'apply_court', 'scj.head', { court_applied_on: '2026-02-27', court: '青山县人民法院' }), 422, 'BAD_VALUE', 'court_applied_on')
  assert.match(late.message, /第五十三条.*2026-02-24/)
  assert.equal(stored(), before)
  // An agency a law gives the power decides its own execution after the period (第37条); not before.
  assertError(await c.act(id, 'decide_execution', 'scj.head', {
    exec_decided_on: '2026-02-26', exec_method: 'surcharge', exec_power_law: '《行政处罚法》第七十二条第一款第（一）项', exec_text: '加处罚款',
  }), 422, 'BAD_VALUE', 'exec_decided_on')
  assertError(await c.act(id, 'decide_execution', 'scj.head', {
    exec_decided_on: '2026-02-27', exec_method: 'surcharge', exec_text: '加处罚款',
  }), 422, 'MISSING_FIELD', 'exec_power_law')
  await c.actOk(id, 'decide_execution', 'scj.head', {
    exec_decided_on: '2026-02-27', exec_method: 'surcharge', exec_power_law: '《行政处罚法》第七十二条第一款第（一）项', exec_text: '每日按罚款数额的百分之三加处罚款',
  })
  await c.actOk(id, 'complete_execution', 'scj.officer', { closed_on: '2026-03-10', note: '当事人已缴纳罚款及加处罚款' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'closed')
  assert.ok(d.clocks.every((k) => k.state === 'stopped'), JSON.stringify(d.clocks.map((k) => [k.name, k.state])))

  // A decision not linked to a penalty case, served 2026-08-10: the remedy periods run to 2027-02-10, so no court
  // application yet; 10 working days after 2026-09-01 = 09-15.
  const id2 = await fileOk(execution(undefined, {
    filed_on: '2026-08-31', decision_text: '责令限期拆除违法搭建的广告牌（青市监责改〔2026〕8号）', decision_served_on: '2026-08-10', obligation: '拆除广告牌',
  }))
  d = await c.detail(id2)
  assert.equal(d.case.fields.remedy_end_on, '2027-02-10')
  await c.actOk(id2, 'remind', 'scj.officer', { reminded_on: '2026-09-01', content: '限期拆除' })
  assert.equal(clock(await c.detail(id2), 'perform').due_date, '2026-09-15')
  const e = assertError(await c.act(id2, 'apply_court', 'scj.head', { court_applied_on: '2026-11-20', court: '青山县人民法院' }), 422, 'BAD_VALUE', 'court_applied_on')
  assert.match(e.message, /2027-02-10/)
  await c.actOk(id2, 'performed', 'scj.officer', { closed_on: '2026-11-20', note: '当事人已自行拆除' })
  d = await c.detail(id2)
  assert.equal(d.case.state, 'closed')
  assert.equal(d.case.fields.performed, true)
})

test('list, export and figures: filters, another agency sees nothing, the table 二 count equals its drill-down', async () => {
  setup()
  const id = await taken('2026-11-03', { party_name: '青山县列表测试商店' })
  const s = await c.login('scj.clerk')
  let r = await c.get('/api/enforcement/coercions?q=列表测试', { session: s })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.total, 1)
  assert.equal(r.json.items[0].case_id, id)
  assert.equal(r.json.items[0].measure_kind_label, '扣押财物')
  r = await c.get('/api/enforcement/coercions?extended=1&per_page=100', { session: s })
  assert.ok(r.json.total >= 1 && r.json.items.every((x) => x.extended === true))
  r = await c.get('/api/enforcement/coercions?procedure=execution&per_page=100', { session: s })
  assert.ok(r.json.items.every((x) => x.procedure === 'execution'))
  r = await c.get('/api/enforcement/coercions.xlsx?measure_kind=seize', { session: s })
  assert.equal(r.status, 200)
  assert.equal(r.bytes.subarray(0, 2).toString(), 'PK')
  // Another agency: not in its list, and the case answers 404 like a missing one.
  const cg = await c.login('cgj.clerk')
  r = await c.get('/api/enforcement/coercions?q=列表测试', { session: cg })
  assert.equal(r.json.total, 0)
  r = await c.get(`/api/cases/${id}`, { session: cg })
  assert.equal(r.status, 404)
  assertError(await c.act(id, 'release', 'cgj.clerk', { released_on: '2026-11-20', release_reason: 'no_violation' }), 404)
  // Figures: the year's count per agency equals the drill-down list's total.
  const agency = await c.agencyOf('scj.clerk')
  const legal = await c.login('legal')
  r = await c.get(`/api/figures?year=2026&agency_id=${agency}`, { session: legal })
  assert.equal(r.status, 200, r.text)
  for (const name of ['enforcement.coercions.count', 'enforcement.coercions.seized', 'enforcement.coercions.extended',
    'enforcement.coercions.executions', 'enforcement.coercions.court_applications']) {
    const f = r.json.items.find((x) => x.name === name)
    assert.ok(f, name)
    const q = new URLSearchParams(f.drill.query)
    const list = await c.get(`/api/enforcement/coercions?${q}&per_page=1`, { session: legal })
    assert.equal(list.status, 200, list.text)
    assert.equal(list.json.total, f.value, name)
  }
  assert.ok(r.json.items.find((x) => x.name === 'enforcement.coercions.count').value >= 1)
})
