// Penalty cases (行政处罚, 行政处罚法 2021; issue 10, first part): filing through the normal procedure to
// closing, every guard the law puts on a step (第42条 two certified officers on the day, the power list,
// 第36条 limitation, 第58条 review gate and first-time reviewer, 第63条 hearing right, 第51条 simplified
// limits), and every clock across the 2025 National Day holiday and the 2026 Spring Festival.
//
// The server runs on the demo county with the date pinned (lib.mjs TODAY). Each step carries the day it
// happened, so cases are filed on past days and the clocks start from them. The officers, bodies and
// powers are found by what the rule needs (a certificate valid on the day, a penalty item of the body),
// never by a fixed id.
//
// Days counted by hand from data/cn-calendar.csv:
//   2025: 09-27 Sat rest; 09-28 Sun make-up working day; 09-29 Mon, 09-30 Tue; 10-01..10-08 国庆节、中秋节;
//         10-09 Thu, 10-10 Fri; 10-11 Sat make-up working day; 10-12 Sun rest; 10-13 Mon.
//   2026: 02-13 Fri; 02-14 Sat make-up working day; 02-15..02-23 春节; 02-24 Tue .. 02-27 Fri;
//         02-28 Sat make-up working day; 03-01 Sun rest; 03-02 Mon.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, sqlNumber, assertError, TODAY } from './lib.mjs'

const c = useServer()

/** Rows that a refused write must leave as they were. */
function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM case_record), (SELECT COUNT(*) FROM event),' +
    ' (SELECT COUNT(*) FROM case_clock), (SELECT COUNT(*) FROM enf_penalty), (SELECT COUNT(*) FROM enf_penalty_officer),' +
    ' (SELECT COUNT(*) FROM enf_penalty_review), (SELECT COUNT(*) FROM number_seq),' +
    " (SELECT group_concat(last_no) FROM number_seq), (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'enf_penalty')," +
    " (SELECT group_concat(coalesce(notified_on,'') || coalesce(decided_on,'') || coalesce(hearing_on,'') || coalesce(reviewed_on,'')) FROM enf_penalty)")
  return row.join('|')
}

/** The market regulator's (scj) published body with the most officers, and one of its active penalty items. */
function scjBody () {
  const [[body]] = sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id" +
    " WHERE a.code = 'scj' AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")
  return Number(body)
}

function powerOf (body, category = 'penalty') {
  const rows = sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${body} AND category = '${category}' AND status = 'active' ORDER BY item_id LIMIT 1`)
  assert.ok(rows.length, `body ${body} has an active ${category} item`)
  return Number(rows[0][0])
}

/** Officers of the body on duty whose enforcement certificate is valid on every day from..to. */
function certified (body, from, to = TODAY) {
  return sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${body} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    ` AND x.issued_on <= '${from}' AND x.valid_until >= '${to}' ORDER BY o.officer_id`).map((r) => Number(r[0]))
}

let BODY, POWER, OFFICERS
async function setup () {
  if (BODY) return
  BODY = scjBody()
  POWER = powerOf(BODY)
  OFFICERS = certified(BODY, '2025-01-01')
  assert.ok(OFFICERS.length >= 2, 'the demo scj body has two officers certified since 2025')
}

function filing (over = {}) {
  return {
    body_id: BODY, power_id: POWER, officer_ids: OFFICERS.slice(0, 2), party_type: 'organisation',
    party_name: '青山县惠民超市有限公司', party_id_number: '91360000MA35X1234K', matter: '青山县惠民超市有限公司销售超过保质期食品案',
    source: 'inspection', act_on: '2025-06-20', filed_on: '2025-07-03', facts: '执法人员检查时发现货架上有超过保质期的酸奶 12 盒。',
    ...over,
  }
}

async function file (over = {}, user = 'scj.officer') {
  await setup()
  const r = await c.post('/api/enforcement/penalties', filing(over), { session: await c.login(user) })
  return r
}

async function fileOk (over, user) {
  const r = await file(over, user)
  assert.equal(r.status, 201, r.text)
  return r.json.case.case_id
}

function clock (d, name) {
  const k = d.clocks.find((x) => x.name === name)
  assert.ok(k, `clock ${name} in ${JSON.stringify(d.clocks.map((x) => x.name))}`)
  return k
}

test('立案: numbered 青市监罚〔year〕N号 by the filing year, decision clock 90 days (第60条), the article shown', async () => {
  // Filed 2025-07-03: the 90th day is 2025-10-01 (国庆节), so the period ends on 10-09 (Thu), the next working day.
  const id = await fileOk()
  const d = await c.detail(id, 'scj.clerk')
  assert.match(d.case.number, /^青市监罚〔2025〕\d+号$/)
  assert.equal(d.case.state, 'investigating')
  assert.equal(d.case.fields.procedure, 'normal')
  assert.equal(d.case.fields.officers.length, 2)
  const k = clock(d, 'decision')
  assert.equal(k.due_date, '2025-10-09')
  assert.match(JSON.stringify(k), /第六十条/)
  // Filed 2025-11-17: the 90th day is 2026-02-15 (春节), so it ends on 02-24.
  const id2 = await fileOk({ filed_on: '2025-11-17', act_on: '2025-11-10' })
  assert.equal(clock(await c.detail(id2), 'decision').due_date, '2026-02-24')
})

test('第60条: the decision period is a setting; a case filed after a change counts the new number of days', async () => {
  const admin = await c.login('admin')
  const set = (v) => c.api('PUT', '/api/settings/enforcement.penalty_decision_days', { session: admin, body: { value: v } })
  const r = await set(30)
  assert.equal(r.status, 200, r.text)
  try {
    // Filed 2025-09-01 + 30 days = 10-01 (国庆节) -> 10-09.
    const id = await fileOk({ filed_on: '2025-09-01', act_on: '2025-08-20' })
    assert.equal(clock(await c.detail(id), 'decision').due_date, '2025-10-09')
    // + 30 from 2025-09-15 = 10-15 (Wed), a working day.
    const id2 = await fileOk({ filed_on: '2025-09-15', act_on: '2025-08-20' })
    assert.equal(clock(await c.detail(id2), 'decision').due_date, '2025-10-15')
  } finally {
    const back = await set(90)
    assert.equal(back.status, 200, back.text)
  }
})

test('normal procedure to the end: notice with hearing right, hearing, review, decision by the head, service, payment, closing', async () => {
  const id = await fileOk({ filed_on: '2025-09-01', act_on: '2025-08-25', party_type: 'organisation' })
  // 告知 2025-09-29 (Mon) with a fine at the organisation threshold: the hearing right is offered.
  let d = await c.actOk(id, 'notify', 'scj.officer', {
    notified_on: '2025-09-29', proposed_kind: 'fine', proposed_fine: 100000, hearing_offered: true, facts: '拟罚款十万元',
  })
  d = await c.detail(id)
  assert.equal(d.case.state, 'notified')
  // 第64条: 5 working days after 09-29: 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
  const hr = clock(d, 'hearing_request')
  assert.equal(hr.due_date, '2025-10-13')
  assert.match(JSON.stringify(hr), /第六十四条/)
  // A request on 10-14 is late; one on 10-13 (the last day) is in time.
  const before = stored()
  assertError(await c.act(id, 'request_hearing', 'scj.officer', { requested_on: '2025-10-14' }), 422, 'BAD_VALUE', 'requested_on')
  assert.equal(stored(), before)
  await c.actOk(id, 'request_hearing', 'scj.officer', { requested_on: '2025-10-13' })
  // Notice 2025-09-30 ... a hearing 7 working days on: 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16 -> earliest 10-16.
  const b2 = stored()
  const late = await c.act(id, 'schedule_hearing', 'scj.officer', { notice_on: '2025-10-13', hearing_on: '2025-10-21', place: '局三楼听证室', host: '段志强' })
  assertError(late, 422, 'BAD_VALUE', 'hearing_on')
  assert.match(late.json.error.message, /第六十四条.*2025-10-22/)
  assert.equal(stored(), b2)
  // Notice 10-13 (Mon): 10-14 .. 10-22 is the 7th working day (14,15,16,17,20,21,22).
  await c.actOk(id, 'schedule_hearing', 'scj.officer', { notice_on: '2025-10-13', hearing_on: '2025-10-22', place: '局三楼听证室', host: '段志强' })
  await c.actOk(id, 'hold_hearing', 'scj.officer', { held_on: '2025-10-22', record: '当事人对违法事实无异议，请求从轻处罚。' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'pending')
  // 第58条第一款第二项: a case heard is reviewed before the decision; the head is not offered decide yet.
  assert.equal(d.case.fields.major, true)
  assert.equal(d.case.fields.review_ok, false)
  const head = await c.detail(id, 'scj.head')
  assert.ok(!head.actions.some((a) => a.name === 'decide'), 'decide not offered before the review')
  const b3 = stored()
  const refused = await c.act(id, 'decide', 'scj.head', { decided_on: '2025-10-24', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 80000, decision_text: '罚款八万元' })
  assert.equal(refused.status, 409, refused.text)
  assert.match(refused.json.error.message, /第五十八条/)
  assert.equal(stored(), b3)
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-10-23' })
  const qualified = Number(sql(c.db, `SELECT officer_id FROM enf_officer WHERE agency_id = (SELECT agency_id FROM enf_body WHERE body_id = ${BODY}) AND legal_qualification = 1 AND status = 'on_duty' LIMIT 1`)[0][0])
  await c.actOk(id, 'review', 'scj.clerk', { reviewer_id: qualified, reviewed_on: '2025-10-24', opinion: 'pass', note: '事实清楚，证据确凿，程序合法。' })
  // A clerk may not decide (the head does, 第57条).
  assertError(await c.act(id, 'decide', 'scj.clerk', { decided_on: '2025-10-24', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 80000, decision_text: '罚款八万元' }), 403, 'FORBIDDEN')
  // Decided Fri 2025-10-24: service within 7 working days: 10-27..10-31 (5), 11-03, 11-04 -> 11-04.
  await c.actOk(id, 'decide', 'scj.head', { decided_on: '2025-10-24', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 80000, collective: true, decision_text: '罚款八万元' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'decided')
  assert.equal(clock(d, 'decision').state, 'stopped')
  assert.equal(clock(d, 'service').due_date, '2025-11-04')
  assert.match(JSON.stringify(clock(d, 'service')), /第六十一条/)
  // Served 2025-10-27: payment within 15 days -> 11-11 (Tue).
  await c.actOk(id, 'serve', 'scj.officer', { served_on: '2025-10-27', method: 'direct' })
  d = await c.detail(id)
  assert.equal(clock(d, 'payment').due_date, '2025-11-11')
  assert.match(JSON.stringify(clock(d, 'payment')), /第六十七条/)
  assert.equal(d.case.fields.fine_unpaid, true)
  assertError(await c.act(id, 'close', 'scj.clerk', { closed_on: '2025-11-12' }), 409, 'STATE')
  assertError(await c.act(id, 'pay', 'scj.officer', { paid_on: '2025-11-05', paid_amount: 8000 }), 422, 'BAD_VALUE', 'paid_amount')
  await c.actOk(id, 'pay', 'scj.officer', { paid_on: '2025-11-05', paid_amount: 80000, receipt_no: 'FS2025110500123' })
  await c.actOk(id, 'close', 'scj.clerk', { closed_on: '2025-11-12', note: '罚款已缴清' })
  d = await c.detail(id)
  assert.equal(d.case.state, 'closed')
  assert.equal(d.case.fields.paid_amount, 80000)
})

test('clocks across the holidays: service and payment periods over 国庆节 2025 and 春节 2026', async () => {
  // Decided Fri 2025-09-26: 7 working days: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
  const a = await fileOk({ filed_on: '2025-09-01', act_on: '2025-08-25', party_type: 'citizen', party_name: '李秋菊', matter: '李秋菊无证经营小餐饮案' })
  await c.actOk(a, 'notify', 'scj.officer', { notified_on: '2025-09-15', proposed_kind: 'fine', proposed_fine: 5000, hearing_offered: false, facts: '拟罚款五千元' })
  await c.actOk(a, 'statement', 'scj.officer', { statement_on: '2025-09-18', statement: '当事人无异议' })
  await c.actOk(a, 'decide', 'scj.head', { decided_on: '2025-09-26', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 5000, decision_text: '罚款五千元' })
  assert.equal(clock(await c.detail(a), 'service').due_date, '2025-10-13')
  // Served Wed 2025-09-17 would be before the decision: refused with the field named.
  assertError(await c.act(a, 'serve', 'scj.officer', { served_on: '2025-09-17', method: 'mail' }), 422, 'BAD_DATE', 'served_on')
  // Served 2025-09-28 (the make-up Sunday): 15 days -> 10-13 (Mon, a working day).
  await c.actOk(a, 'serve', 'scj.officer', { served_on: '2025-09-28', method: 'mail' })
  assert.equal(clock(await c.detail(a), 'payment').due_date, '2025-10-13')

  // 春节 2026: served Thu 02-05 + 15 days = 02-20 (春节) -> 02-24.
  const b = await fileOk({ filed_on: '2025-12-10', act_on: '2025-12-01', party_type: 'citizen', party_name: '周德明', matter: '周德明销售不符合食品安全标准的食品案' })
  await c.actOk(b, 'notify', 'scj.officer', { notified_on: '2026-01-20', proposed_kind: 'fine', proposed_fine: 3000, hearing_offered: false, facts: '拟罚款三千元' })
  await c.actOk(b, 'statement', 'scj.officer', { statement_on: '2026-01-23' })
  await c.actOk(b, 'decide', 'scj.head', { decided_on: '2026-02-02', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 3000, decision_text: '罚款三千元' })
  await c.actOk(b, 'serve', 'scj.officer', { served_on: '2026-02-05', method: 'direct' })
  assert.equal(clock(await c.detail(b), 'payment').due_date, '2026-02-24')
  // Decided Thu 2026-02-12: 7 working days: 02-13, 02-14 (make-up), 02-24, 02-25, 02-26, 02-27, 02-28 (make-up).
  const e = await fileOk({ filed_on: '2026-01-05', act_on: '2025-12-20', party_type: 'citizen', party_name: '吴海燕', matter: '吴海燕未按规定公示经营信息案' })
  await c.actOk(e, 'notify', 'scj.officer', { notified_on: '2026-01-26', proposed_kind: 'warning', hearing_offered: false, facts: '拟警告' })
  await c.actOk(e, 'statement', 'scj.officer', { statement_on: '2026-01-29' })
  await c.actOk(e, 'decide', 'scj.head', { decided_on: '2026-02-12', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' })
  assert.equal(clock(await c.detail(e), 'service').due_date, '2026-02-28')
})

test('第64条 over 春节: the party asks within 5 working days; the hearing no earlier than 7 working days after its notice', async () => {
  const id = await fileOk({ filed_on: '2026-01-05', act_on: '2025-12-28', party_type: 'organisation', party_name: '青山县鑫源食品厂', matter: '青山县鑫源食品厂超范围使用食品添加剂案' })
  // Notice Thu 2026-02-12: 02-13 (1), 02-14 make-up (2), 02-24 (3), 02-25 (4), 02-26 (5).
  await c.actOk(id, 'notify', 'scj.officer', { notified_on: '2026-02-12', proposed_kind: 'suspend_business', hearing_offered: true, facts: '拟责令停产停业' })
  let d = await c.detail(id)
  assert.equal(clock(d, 'hearing_request').due_date, '2026-02-26')
  // Before the period ends the case does not go on to the decision unless the party waives in writing.
  const before = stored()
  assertError(await c.act(id, 'statement', 'scj.officer', { statement_on: '2026-02-24' }), 422, 'BAD_VALUE', 'waived')
  assert.equal(stored(), before)
  assertError(await c.act(id, 'request_hearing', 'scj.officer', { requested_on: '2026-02-27' }), 422, 'BAD_VALUE', 'requested_on')
  await c.actOk(id, 'request_hearing', 'scj.officer', { requested_on: '2026-02-26' })
  // Hearing notice Fri 02-13: 02-14 (1), 02-24..02-27 (2-5), 02-28 make-up (6), 03-02 (7): the hearing no earlier than 03-02.
  const r = await c.act(id, 'schedule_hearing', 'scj.officer', { notice_on: '2026-02-26', hearing_on: '2026-03-06', place: '听证室', host: '段志强' })
  // Notice Thu 02-26: 02-27 (1), 02-28 make-up (2), 03-02..03-06 (3-7): 03-06 is the 7th working day, allowed.
  assert.equal(r.status, 200, r.text)
  d = await c.detail(id)
  assert.equal(d.case.fields.hearing_on, '2026-03-06')
  const id2 = await fileOk({ filed_on: '2026-01-05', act_on: '2025-12-28', party_type: 'organisation', party_name: '青山县顺达副食品批发部', matter: '青山县顺达副食品批发部经营标签不符合规定的食品案' })
  await c.actOk(id2, 'notify', 'scj.officer', { notified_on: '2026-02-09', proposed_kind: 'revoke_licence', hearing_offered: true, facts: '拟吊销食品经营许可证' })
  await c.actOk(id2, 'request_hearing', 'scj.officer', { requested_on: '2026-02-13' })
  const b2 = stored()
  const early = await c.act(id2, 'schedule_hearing', 'scj.officer', { notice_on: '2026-02-13', hearing_on: '2026-02-28', place: '听证室', host: '段志强' })
  assertError(early, 422, 'BAD_VALUE', 'hearing_on')
  assert.match(early.json.error.message, /2026-03-02/)
  assert.equal(stored(), b2)
  await c.actOk(id2, 'schedule_hearing', 'scj.officer', { notice_on: '2026-02-13', hearing_on: '2026-03-02', place: '听证室', host: '段志强' })
})

test('第42条: fewer than two officers, an officer of another body, an expired or a suspended certificate refuse filing and steps', async () => {
  await setup()
  const before = stored()
  assertError(await file({ officer_ids: [OFFICERS[0]] }), 422, 'BAD_VALUE', 'officer_ids')
  assertError(await file({ officer_ids: [] }), 422, 'BAD_VALUE', 'officer_ids')
  assertError(await file({ officer_ids: undefined }), 422, 'MISSING_FIELD', 'officer_ids')
  // An officer of another body (another agency's) cannot act for this one.
  const [[other]] = sql(c.db, `SELECT officer_id FROM enf_officer WHERE body_id <> ${BODY} AND status = 'on_duty' LIMIT 1`)
  const r = await file({ officer_ids: [OFFICERS[0], Number(other)] })
  assertError(r, 422, 'BAD_VALUE', 'officer_ids')
  assert.match(r.json.error.message, /第四十二条/)
  // An officer without any certificate.
  const none = sql(c.db, `SELECT officer_id FROM enf_officer o WHERE body_id = ${BODY} AND status = 'on_duty' AND NOT EXISTS (SELECT 1 FROM enf_certificate x WHERE x.officer_id = o.officer_id AND x.issued_on IS NOT NULL) LIMIT 1`)
  assert.ok(none.length, 'the demo body has an officer on duty without a certificate')
  const n = await file({ officer_ids: [OFFICERS[0], Number(none[0][0])] })
  assertError(n, 422, 'BAD_VALUE', 'officer_ids')
  assert.match(n.json.error.message, /没有执法证件/)
  // A certificate valid until some day: valid on that day, refused the day after (validity on the day of the step).
  const exp = sql(c.db, 'SELECT o.officer_id, x.valid_until, x.issued_on FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ` JOIN case_record r ON r.case_id = x.case_id WHERE o.body_id = ${BODY} AND o.status = 'on_duty' AND r.state = 'valid'` +
    ` AND x.valid_until < '${TODAY}' AND x.valid_until > '2025-01-10' ORDER BY x.valid_until LIMIT 1`)
  assert.ok(exp.length, 'the demo body has an officer whose certificate ran out before today')
  const [officer, until] = [Number(exp[0][0]), exp[0][1]]
  const next = new Date(Date.parse(until + 'T00:00:00Z') + 86400e3).toISOString().slice(0, 10)
  const late = await file({ officer_ids: [OFFICERS[0], officer], filed_on: next, act_on: '2025-01-02' })
  assertError(late, 422, 'BAD_VALUE', 'officer_ids')
  assert.match(late.json.error.message, new RegExp(`${until}.*有效期届满`))
  assert.equal(stored(), before)
  const ok = await fileOk({ officer_ids: [OFFICERS[0], officer], filed_on: until, act_on: '2025-01-02' })
  // The notice after the certificate ran out is refused the same way: the step's day counts.
  const b2 = stored()
  assertError(await c.act(ok, 'notify', 'scj.officer', { notified_on: next, proposed_kind: 'warning', hearing_offered: false, facts: '拟警告' }), 422, 'BAD_VALUE', 'officer_ids')
  assert.equal(stored(), b2)
  // A suspended certificate refuses whatever its validity.
  const cert = Number(sql(c.db, `SELECT x.case_id FROM enf_certificate x JOIN case_record r ON r.case_id = x.case_id WHERE x.officer_id = ${OFFICERS[1]} AND r.state = 'valid'`)[0][0])
  await c.actOk(cert, 'suspend', 'legal', { reason: '年度审验不合格' })
  try {
    const s = await file({ filed_on: '2026-11-20', act_on: '2026-11-01' })
    assertError(s, 422, 'BAD_VALUE', 'officer_ids')
    assert.match(s.json.error.message, /暂扣/)
  } finally {
    await c.actOk(cert, 'reinstate', 'legal', { note: '整改后发还' })
  }
})

test('权责清单: the power must be an active penalty item of the acting body; the body must be published and the filer\'s own', async () => {
  await setup()
  const before = stored()
  const licensing = powerOf(BODY, 'licensing')
  let r = await file({ power_id: licensing })
  assertError(r, 422, 'BAD_VALUE', 'power_id')
  assert.match(r.json.error.message, /不是行政处罚类/)
  const [[foreign]] = sql(c.db, `SELECT item_id FROM enf_power WHERE body_id <> ${BODY} AND category = 'penalty' LIMIT 1`)
  assertError(await file({ power_id: Number(foreign) }), 422, 'BAD_VALUE', 'power_id')
  assertError(await file({ power_id: 99999999 }), 422, 'BAD_VALUE', 'power_id')
  assert.equal(stored(), before)
  // An item cancelled from the list (已取消) no longer founds a case. The clerk keeps the agency's list.
  const clerk = await c.login('scj.clerk')
  const [[spare]] = sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'penalty' AND status = 'active' AND item_id <> ${POWER} ORDER BY item_id DESC LIMIT 1`)
  const item = (await c.get(`/api/enforcement/powers/${spare}`, { session: clerk })).json
  const cancelled = await c.api('PATCH', `/api/enforcement/powers/${spare}`, { session: clerk, body: { version: item.version, status: 'repealed', reason: '法律修改，事项取消', changed_on: TODAY } })
  assert.equal(cancelled.status, 200, cancelled.text)
  const after = stored()
  r = await file({ power_id: Number(spare) })
  assertError(r, 422, 'BAD_VALUE', 'power_id')
  assert.match(r.json.error.message, /取消/)
  assert.equal(stored(), after)
  // Another agency's body.
  const [[cgjBody]] = sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE a.code = 'cgj' LIMIT 1")
  assertError(await file({ body_id: Number(cgjBody) }), 422, 'BAD_VALUE', 'body_id')
  // A body whose qualification is not yet confirmed and published, filed for by its own agency.
  const [[draft, code]] = sql(c.db, "SELECT b.body_id, a.code FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE b.status <> 'published' ORDER BY b.body_id LIMIT 1")
  const u = await file({ body_id: Number(draft) }, `${code}.clerk`)
  assertError(u, 422, 'BAD_VALUE', 'body_id')
  assert.match(u.json.error.message, /尚未经确认公告/)
  assert.equal(stored(), after)
})

test('第36条 limitation: two years from the act (five where life, health or financial security was harmed), overridable with a recorded reason', async () => {
  const before = stored()
  // Act 2024-03-05: filing in time up to 2026-03-05 inclusive.
  const r = await file({ act_on: '2024-03-05', filed_on: '2026-03-06' })
  assertError(r, 422, 'BAD_VALUE', 'act_on')
  assert.match(r.json.error.message, /第三十六条.*2026-03-05.*limitation_reason/)
  assert.equal(stored(), before)
  const inTime = await fileOk({ act_on: '2024-03-05', filed_on: '2026-03-05' })
  assert.equal((await c.detail(inTime)).case.fields.limitation_end, '2026-03-05')
  const grave = await fileOk({ act_on: '2024-03-05', filed_on: '2026-03-06', harm_grave: true })
  assert.equal((await c.detail(grave)).case.fields.limitation_end, '2029-03-05')
  const over = await fileOk({ act_on: '2024-03-05', filed_on: '2026-03-06', limitation_reason: '违法行为有连续状态，自行为终了之日起计算' })
  assert.equal((await c.detail(over)).case.fields.limitation_reason, '违法行为有连续状态，自行为终了之日起计算')
  // A reason given while in time is not kept (no override happened).
  const plain = await fileOk({ act_on: '2025-03-05', filed_on: '2026-03-05', limitation_reason: '无' })
  assert.equal((await c.detail(plain)).case.fields.limitation_reason, null)
})

test('第63条: a notice without the hearing right is refused for the kinds and amounts that need one (local thresholds)', async () => {
  const rows = [
    // [party_type, kind, fine, confiscation, refused?]
    ['citizen', 'fine', 10000, 0, true],
    ['citizen', 'fine', 9999, 0, false],
    ['organisation', 'fine', 99999, 0, false],
    ['organisation', 'fine', 100000, 0, true],
    ['citizen', 'confiscation', 0, 10000, true],
    ['organisation', 'revoke_licence', 0, 0, true],
    ['citizen', 'suspend_business', 0, 0, true],
    ['organisation', 'suspend_licence', 0, 0, false],
    ['citizen', 'warning', 0, 0, false],
  ]
  for (const [party, kind, fine, conf, refused] of rows) {
    const id = await fileOk({ party_type: party, filed_on: '2026-10-09', act_on: '2026-09-30' })
    const before = stored()
    const r = await c.act(id, 'notify', 'scj.officer', { notified_on: '2026-10-12', proposed_kind: kind, proposed_fine: fine, proposed_confiscation: conf, hearing_offered: false, facts: '拟处罚' })
    if (refused) {
      assertError(r, 422, 'BAD_VALUE', 'hearing_offered')
      assert.match(r.json.error.message, /第六十三条/)
      assert.equal(stored(), before, `${party} ${kind} ${fine}`)
      const ok = await c.act(id, 'notify', 'scj.officer', { notified_on: '2026-10-12', proposed_kind: kind, proposed_fine: fine, proposed_confiscation: conf, hearing_offered: true, facts: '拟处罚' })
      assert.equal(ok.status, 200, ok.text)
    } else {
      assert.equal(r.status, 200, `${party} ${kind} ${fine}: ${r.text}`)
      // No hearing right offered: no hearing request period, and no hearing may be asked for.
      const d = await c.detail(id)
      assert.ok(!d.clocks.some((k) => k.name === 'hearing_request'))
      assertError(await c.act(id, 'request_hearing', 'scj.officer', { requested_on: '2026-10-13' }), 409, 'STATE')
      // Deciding a heavier penalty than notified without the hearing right is refused too.
      await c.actOk(id, 'statement', 'scj.officer', { statement_on: '2026-10-13' })
      const heavy = await c.act(id, 'decide', 'scj.head', { decided_on: '2026-10-20', outcome: 'penalty', penalty_kind: 'revoke_licence', decision_text: '吊销' })
      assertError(heavy, 422, 'BAD_VALUE', 'penalty_kind')
    }
  }
  // The thresholds are settings: raised for citizens, 10,000 no longer needs the hearing right.
  const admin = await c.login('admin')
  const s = await c.api('PUT', '/api/settings/enforcement.hearing_fine_citizen', { session: admin, body: { value: 20000 } })
  assert.equal(s.status, 200, s.text)
  const id = await fileOk({ party_type: 'citizen', filed_on: '2026-10-09', act_on: '2026-09-30' })
  const r = await c.act(id, 'notify', 'scj.officer', { notified_on: '2026-10-12', proposed_kind: 'fine', proposed_fine: 10000, hearing_offered: false, facts: '拟罚款一万元' })
  assert.equal(r.status, 200, r.text)
})

test('第58条: a major case needs a passed review; a first-time reviewer needs the legal-profession qualification', async () => {
  const id = await fileOk({ filed_on: '2026-09-01', act_on: '2026-08-20', major: true, major_reason: 'complex' })
  await c.actOk(id, 'notify', 'scj.officer', { notified_on: '2026-09-07', proposed_kind: 'warning', hearing_offered: false, facts: '拟警告' })
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: '2026-09-09' })
  const body = { decided_on: '2026-09-20', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' }
  const before = stored()
  assertError(await c.act(id, 'decide', 'scj.head', body), 409, 'STATE')
  assert.equal(stored(), before)
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2026-09-10' })
  const agency = `(SELECT agency_id FROM enf_body WHERE body_id = ${BODY})`
  const unqualified = sql(c.db, `SELECT officer_id FROM enf_officer o WHERE agency_id = ${agency} AND status = 'on_duty' AND legal_qualification = 0 AND NOT EXISTS (SELECT 1 FROM enf_penalty_review v WHERE v.reviewer_id = o.officer_id) AND o.officer_id NOT IN (${OFFICERS.slice(0, 2).join(',')}) LIMIT 1`)
  const b2 = stored()
  const r = await c.act(id, 'review', 'scj.clerk', { reviewer_id: Number(unqualified[0][0]), reviewed_on: '2026-09-11', opinion: 'pass', note: '同意' })
  assertError(r, 422, 'BAD_VALUE', 'reviewer_id')
  assert.match(r.json.error.message, /法律职业资格/)
  assert.equal(stored(), b2)
  // Another agency's officer cannot review this agency's case.
  const [[foreign]] = sql(c.db, `SELECT officer_id FROM enf_officer WHERE agency_id <> ${agency} AND legal_qualification = 1 LIMIT 1`)
  assertError(await c.act(id, 'review', 'scj.clerk', { reviewer_id: Number(foreign), reviewed_on: '2026-09-11', opinion: 'pass', note: '同意' }), 422, 'BAD_VALUE', 'reviewer_id')
  // The case's own officers may not review it (the reviewer checks someone else's work).
  const own = OFFICERS.slice(0, 2).find((o) => Number(sqlNumber(c.db, `SELECT legal_qualification FROM enf_officer WHERE officer_id = ${o}`)) === 1) ?? OFFICERS[0]
  const b3 = stored()
  assertError(await c.act(id, 'review', 'scj.clerk', { reviewer_id: own, reviewed_on: '2026-09-11', opinion: 'pass', note: '同意' }), 422, 'BAD_VALUE', 'reviewer_id')
  assert.equal(stored(), b3)
  const qualified = Number(sql(c.db, `SELECT officer_id FROM enf_officer WHERE agency_id = ${agency} AND legal_qualification = 1 AND status = 'on_duty' AND officer_id NOT IN (${OFFICERS.slice(0, 2).join(',')}) LIMIT 1`)[0][0])
  // A failed review keeps the gate shut.
  await c.actOk(id, 'review', 'scj.clerk', { reviewer_id: qualified, reviewed_on: '2026-09-11', opinion: 'fail', note: '证据不足，补充调查', reasons: '违法所得数额的证据不足' })
  assertError(await c.act(id, 'decide', 'scj.head', body), 409, 'STATE')
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2026-09-15' })
  await c.actOk(id, 'review', 'scj.clerk', { reviewer_id: qualified, reviewed_on: '2026-09-16', opinion: 'amend', note: '修改后同意', changes: '决定书补充写明裁量理由' })
  await c.actOk(id, 'decide', 'scj.head', body)
  assert.equal((await c.detail(id)).case.state, 'decided')
  // A case not marked major needs no review.
  const plain = await fileOk({ filed_on: '2026-09-01', act_on: '2026-08-20' })
  await c.actOk(plain, 'notify', 'scj.officer', { notified_on: '2026-09-07', proposed_kind: 'warning', hearing_offered: false, facts: '拟警告' })
  await c.actOk(plain, 'statement', 'scj.officer', { statement_on: '2026-09-09' })
  await c.actOk(plain, 'decide', 'scj.head', body)
  // Marked major while pending: the gate closes.
  const later = await fileOk({ filed_on: '2026-09-01', act_on: '2026-08-20' })
  await c.actOk(later, 'mark_major', 'scj.officer', { major_reason: 'public_interest' })
  assert.equal((await c.detail(later)).case.fields.review_ok, false)
  // major without a reason is refused at filing.
  assertError(await file({ major: true }), 422, 'MISSING_FIELD', 'major_reason')
})

test('第51条 simplified procedure: a warning or a fine up to 200 yuan (citizen) / 3,000 yuan (organisation) on the spot, nothing above', async () => {
  const rows = [
    ['citizen', 'fine', 200, true], ['citizen', 'fine', 201, false],
    ['organisation', 'fine', 3000, true], ['organisation', 'fine', 3001, false],
    ['citizen', 'warning', 0, true], ['organisation', 'confiscation', 0, false], ['citizen', 'criticism', 0, false],
  ]
  for (const [party, kind, fine, ok] of rows) {
    const id = await fileOk({ procedure: 'simple', party_type: party, filed_on: '2025-09-30', act_on: '2025-09-30' })
    // The normal steps are not the simplified procedure's.
    assertError(await c.act(id, 'notify', 'scj.officer', { notified_on: '2025-09-30', proposed_kind: 'warning', hearing_offered: false, facts: 'x' }), 409, 'STATE')
    const before = stored()
    const r = await c.act(id, 'decide_simple', 'scj.officer', { decided_on: '2025-09-30', penalty_kind: kind, fine_amount: fine, decision_text: '当场处罚' })
    if (!ok) {
      assertError(r, 422, 'BAD_VALUE')
      assert.match(r.json.error.message, /第五十一条/)
      assert.equal(stored(), before)
      continue
    }
    assert.equal(r.status, 200, `${party} ${kind} ${fine}: ${r.text}`)
    const d = await c.detail(id)
    assert.equal(d.case.state, 'served')
    if (fine > 0) {
      // Handed over on 09-30: 15 days -> 10-15 (Wed).
      assert.equal(clock(d, 'payment').due_date, '2025-10-15')
      await c.actOk(id, 'pay', 'scj.officer', { paid_on: '2025-10-09', paid_amount: fine })
    }
    await c.actOk(id, 'close', 'scj.clerk', { closed_on: '2025-10-10' })
  }
  // A normal case cannot be decided on the spot.
  const n = await fileOk({ filed_on: '2025-09-30', act_on: '2025-09-30' })
  assertError(await c.act(n, 'decide_simple', 'scj.officer', { decided_on: '2025-09-30', penalty_kind: 'warning', decision_text: 'x' }), 409, 'STATE')
})

async function figure (name, agencyId) {
  const r = await c.get(`/api/figures?year=2026&agency_id=${agencyId}`, { session: await c.login('legal') })
  assert.equal(r.status, 200, r.text)
  const f = r.json.items.find((x) => x.name === name)
  assert.ok(f, name)
  return f.value
}

test('第33条 不予处罚: decided without a penalty, counted apart in the list and the figures; closes without payment', async () => {
  const scj = await c.agencyOf('scj.clerk')
  const before = { not: await figure('enforcement.penalties.not_punished', scj), yes: await figure('enforcement.penalties.decided', scj) }
  const id = await fileOk({ filed_on: '2026-10-09', act_on: '2026-10-01', party_type: 'citizen', party_name: '郑小兰', matter: '郑小兰未亮照经营案' })
  await c.actOk(id, 'notify', 'scj.officer', { notified_on: '2026-10-12', proposed_kind: 'warning', hearing_offered: false, facts: '拟警告' })
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: '2026-10-14', statement: '已当场改正' })
  assertError(await c.act(id, 'decide', 'scj.head', { decided_on: '2026-10-16', outcome: 'no_penalty', decision_text: '不予处罚' }), 422, 'MISSING_FIELD', 'no_penalty_ground')
  await c.actOk(id, 'decide', 'scj.head', { decided_on: '2026-10-16', outcome: 'no_penalty', no_penalty_ground: 'first_minor', decision_text: '初次违法且危害后果轻微并及时改正，不予行政处罚' })
  await c.actOk(id, 'serve', 'scj.officer', { served_on: '2026-10-19', method: 'direct' })
  const d = await c.detail(id)
  assert.ok(!d.clocks.some((k) => k.name === 'payment'), 'no payment period without a fine')
  assert.equal(d.case.fields.fine_unpaid, false)
  await c.actOk(id, 'close', 'scj.head', { closed_on: '2026-10-20' })
  assert.equal(await figure('enforcement.penalties.not_punished', scj), before.not + 1)
  assert.equal(await figure('enforcement.penalties.decided', scj), before.yes, 'a decision not to punish is not a penalty decision')
  const s = await c.login('scj.clerk')
  const list = await c.get('/api/enforcement/penalties?outcome=no_penalty&per_page=100', { session: s })
  assert.equal(list.status, 200, list.text)
  assert.ok(list.json.items.some((x) => x.case_id === id))
  assert.ok(list.json.items.every((x) => x.outcome === 'no_penalty'))
  const expected = sqlNumber(c.db, `SELECT COUNT(*) FROM enf_penalty x JOIN case_record r ON r.case_id = x.case_id WHERE x.outcome = 'no_penalty' AND r.agency_id = ${s.user.agency_id}`)
  assert.equal(list.json.total, expected)
})

test('scope and roles: another agency sees 404; only the agency files; a clerk may not decide; the list and its export keep to the agency', async () => {
  const id = await fileOk()
  const other = await c.login('cgj.clerk')
  assert.equal((await c.get(`/api/cases/${id}`, { session: other })).status, 404)
  assert.equal((await c.post(`/api/cases/${id}/actions/notify`, { version: 1, notified_on: '2025-07-10', proposed_kind: 'warning', hearing_offered: false, facts: 'x' }, { session: other })).status, 404)
  // The legal office reads every agency's case but takes no step of it.
  const legal = await c.detail(id, 'legal')
  assert.equal(legal.actions.length, 0)
  const before = stored()
  assertError(await file({}, 'legal'), 403, 'FORBIDDEN')
  assertError(await file({}, 'cgj.officer'), 422, 'BAD_VALUE', 'body_id')
  assert.equal(stored(), before)
  const list = await c.get('/api/enforcement/penalties?per_page=100', { session: other })
  assert.equal(list.status, 200)
  assert.ok(list.json.items.every((x) => x.agency_id === other.user.agency_id))
  const x = await c.get('/api/enforcement/penalties.xlsx?year=2025', { session: await c.login('scj.clerk') })
  assert.equal(x.status, 200)
  assert.equal(x.bytes.subarray(0, 2).toString(), 'PK')
  const bad = await c.get('/api/enforcement/penalties?outcome=maybe', { session: other })
  assertError(bad, 422, 'BAD_VALUE', 'outcome')
})
