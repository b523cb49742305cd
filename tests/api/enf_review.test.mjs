// Legal review (法制审核, 行政处罚法 第58条), major penalties filed with the justice bureau (重大行政处罚备案)
// and evidence preservation (先行登记保存, 第56条) of a penalty case (issue 10, the review part).
//
// The server runs on the demo county with the date pinned (lib.mjs TODAY). Each step carries the day it
// happened, so the clocks start from days in the past and cross the holidays.
//
// Days counted by hand from data/cn-calendar.csv:
//   2025: 09-27 Sat rest; 09-28 Sun make-up working day; 09-29 Mon, 09-30 Tue; 10-01..10-08 国庆节、中秋节;
//         10-09 Thu, 10-10 Fri; 10-11 Sat make-up working day; 10-12 Sun rest; 10-13 Mon; 10-14 Tue.
//   2026: 02-12 Thu, 02-13 Fri; 02-14 Sat make-up working day; 02-15..02-23 春节; 02-24 Tue .. 02-27 Fri;
//         02-28 Sat make-up working day; 03-01 Sun rest; 03-02 Mon.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, sqlNumber, assertError } from './lib.mjs'

const c = useServer()

/** Rows that a refused write must leave as they were. */
function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_clock),' +
    " (SELECT group_concat(state || ':' || coalesce(due_date, '') || ':' || coalesce(stopped_on, '')) FROM case_clock)," +
    ' (SELECT COUNT(*) FROM enf_penalty_review),' +
    " (SELECT group_concat(coalesce(opinion, '-') || coalesce(reviewed_on, '') || coalesce(changes, '') || coalesce(reasons, '')) FROM enf_review_round)," +
    " (SELECT group_concat(state || coalesce(filed_on, '') || coalesce(received_on, '') || coalesce(returned_on, '') || returns) FROM enf_major_filing)," +
    " (SELECT group_concat(coalesce(handled_on, '-') || coalesce(late_reason, '')) FROM enf_preservation)," +
    " (SELECT COUNT(*) FROM enf_preservation), (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'enf_penalty')")
  return row.join('|')
}

let BODY, POWER, OFFICERS, AGENCY, REVIEWER
async function setup () {
  if (BODY) return
  BODY = sqlNumber(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id" +
    " WHERE a.code = 'scj' AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")
  POWER = sqlNumber(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)
  OFFICERS = sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${BODY} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    " AND x.issued_on <= '2025-01-01' AND x.valid_until >= '2026-11-23' ORDER BY o.officer_id LIMIT 2").map((r) => Number(r[0]))
  assert.equal(OFFICERS.length, 2, 'two scj officers certified since 2025')
  AGENCY = await c.agencyOf('scj.clerk')
  REVIEWER = sqlNumber(c.db, `SELECT officer_id FROM enf_officer WHERE agency_id = ${AGENCY} AND legal_qualification = 1` +
    ` AND status = 'on_duty' AND officer_id NOT IN (${OFFICERS.join(',')}) ORDER BY officer_id LIMIT 1`)
}

async function file (over = {}) {
  await setup()
  const body = {
    body_id: BODY, power_id: POWER, officer_ids: OFFICERS, party_type: 'organisation', party_name: '青山县百味食品有限公司',
    matter: '青山县百味食品有限公司生产经营标签不符合规定的食品案', source: 'inspection', act_on: '2025-08-01', filed_on: '2025-08-20',
    facts: '检查发现预包装食品标签未标注生产日期。', ...over,
  }
  const r = await c.post('/api/enforcement/penalties', body, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  return r.json.case.case_id
}

/** A case brought to 待决定 after notice and statement on the given days. */
async function pending (over = {}, notified = '2025-09-01', stated = '2025-09-03') {
  const id = await file(over)
  await c.actOk(id, 'notify', 'scj.officer', { notified_on: notified, proposed_kind: 'warning', hearing_offered: false, facts: '拟警告' })
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: stated })
  return id
}

function clock (d, name) {
  const k = d.clocks.find((x) => x.name === name)
  assert.ok(k, `clock ${name} in ${JSON.stringify(d.clocks.map((x) => x.name))}`)
  return k
}

const pass = (day, extra = {}) => ({ reviewer_id: REVIEWER, reviewed_on: day, opinion: 'pass', note: '事实清楚，证据确凿，程序合法。', ...extra })

test('审核期限: 5 working days from submission by default, a local setting, across National Day and the Spring Festival', async () => {
  // Submitted 2025-09-29 (Mon): 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
  const id = await pending()
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-29' })
  const k = clock(await c.detail(id, 'scj.clerk'), 'legal_review')
  assert.equal(k.due_date, '2025-10-13')
  assert.equal(k.unit, 'WD')
  assert.match(k.article, /第五十八条/)
  assert.match(k.article, /设置项/)
  // Submitted 2026-02-12 (Thu): 02-13, 02-14 (make-up Saturday), 02-24, 02-25, 02-26.
  const id2 = await pending({ filed_on: '2026-02-02', act_on: '2026-01-20' }, '2026-02-05', '2026-02-09')
  await c.actOk(id2, 'submit_review', 'scj.clerk', { submitted_on: '2026-02-12' })
  assert.equal(clock(await c.detail(id2), 'legal_review').due_date, '2026-02-26')
  // The setting: 3 working days from 2026-02-12 -> 02-13, 02-14, 02-24; the help says it is a local rule.
  const admin = await c.login('admin')
  const settings = await c.get('/api/settings', { session: admin })
  assert.match(JSON.stringify(settings.json), /enforcement\.legal_review_days[^}]*本县法制审核办法/)
  const set = (v) => c.api('PUT', '/api/settings/enforcement.legal_review_days', { session: admin, body: { value: v } })
  assert.equal((await set(3)).status, 200)
  try {
    const id3 = await pending({ filed_on: '2026-02-02', act_on: '2026-01-20' }, '2026-02-05', '2026-02-09')
    await c.actOk(id3, 'submit_review', 'scj.clerk', { submitted_on: '2026-02-12' })
    const d3 = await c.detail(id3)
    assert.equal(clock(d3, 'legal_review').due_date, '2026-02-24')
    assert.equal(d3.case.fields.review_rounds[0].due_on, '2026-02-24')
  } finally {
    assert.equal((await set(5)).status, 200)
  }
  // The answer stops the clock on its day; a review dated before the submission is refused.
  const before = stored()
  assertError(await c.act(id, 'review', 'scj.clerk', pass('2025-09-28')), 422, 'BAD_DATE', 'reviewed_on')
  assert.equal(stored(), before)
  await c.actOk(id, 'review', 'scj.clerk', pass('2025-10-14'))
  const d = await c.detail(id)
  assert.equal(clock(d, 'legal_review').state, 'stopped')
  const round = d.case.fields.review_rounds[0]
  assert.equal(round.due_on, '2025-10-13')
  assert.equal(round.reviewed_on, '2025-10-14')
  assert.equal(round.overdue, true, 'answered one working day late')
})

test('意见: 修改后同意 needs what must change, 不同意 needs reasons; after 不同意 no decision until a new review passes', async () => {
  const id = await pending()
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-04' })
  let before = stored()
  let r = await c.act(id, 'review', 'scj.clerk', pass('2025-09-05', { opinion: 'amend' }))
  assertError(r, 422, 'MISSING_FIELD', 'changes')
  assert.match(r.json.error.message, /须修改的内容/)
  assertError(await c.act(id, 'review', 'scj.clerk', pass('2025-09-05', { opinion: 'amend', changes: '   ' })), 422, 'MISSING_FIELD', 'changes')
  r = await c.act(id, 'review', 'scj.clerk', pass('2025-09-05', { opinion: 'fail' }))
  assertError(r, 422, 'MISSING_FIELD', 'reasons')
  assert.match(r.json.error.message, /不同意的理由/)
  assert.equal(stored(), before)
  // 不同意 on a case not marked major still shuts the gate (第58条: 审核未通过的，不得作出决定).
  await c.actOk(id, 'review', 'scj.clerk', pass('2025-09-05', { opinion: 'fail', reasons: '违法事实的证据不足，应补充调查' }))
  let d = await c.detail(id)
  assert.equal(d.case.fields.major, false)
  assert.equal(d.case.fields.review_ok, false)
  assert.equal(d.case.fields.review_rounds[0].reasons, '违法事实的证据不足，应补充调查')
  const head = await c.detail(id, 'scj.head')
  assert.ok(!head.actions.some((a) => a.name === 'decide'), 'decide not offered after 不同意')
  const decision = { decided_on: '2025-09-20', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' }
  before = stored()
  r = await c.act(id, 'decide', 'scj.head', decision)
  assertError(r, 409, 'STATE')
  assert.match(r.json.error.message, /第五十八条/)
  assert.equal(stored(), before)
  // A new submission answered 修改后同意 opens it; the change to make is kept with the round.
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-10' })
  await c.actOk(id, 'review', 'scj.clerk', pass('2025-09-11', { opinion: 'amend', changes: '补充调取进货单据后作出决定' }))
  d = await c.detail(id)
  assert.equal(d.case.fields.review_ok, true)
  assert.deepEqual(d.case.fields.review_rounds.map((x) => x.status), ['fail', 'amend'])
  assert.equal(d.case.fields.review_rounds[1].changes, '补充调取进货单据后作出决定')
  await c.actOk(id, 'decide', 'scj.head', decision)
})

test('审核人员: chosen from the agency list with the qualification shown; the case officers and other agencies are not offered', async () => {
  const id = await pending()
  const r = await c.get(`/api/enforcement/penalties/${id}/reviewers`, { session: await c.login('scj.clerk') })
  assert.equal(r.status, 200, r.text)
  const list = r.json.reviewers
  assert.ok(list.length >= 1)
  const ids = list.map((x) => x.officer_id)
  for (const o of OFFICERS) assert.ok(!ids.includes(o), `case officer ${o} is not offered`)
  const agencyOf = sql(c.db, `SELECT DISTINCT agency_id FROM enf_officer WHERE officer_id IN (${ids.join(',')})`).map((x) => Number(x[0]))
  assert.deepEqual(agencyOf, [AGENCY])
  const q = list.find((x) => x.officer_id === REVIEWER)
  assert.ok(q && q.legal_qualification && q.eligible)
  assert.match(q.qualification_label, /法律职业资格/)
  for (const x of list) assert.equal(x.eligible, x.legal_qualification || x.reviews > 0, JSON.stringify(x))
  // Another agency's user gets the same answer as for a missing case.
  assert.equal((await c.get(`/api/enforcement/penalties/${id}/reviewers`, { session: await c.login('hbj.clerk') })).status, 404)
  // A case officer named anyway is refused, naming the field.
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-04' })
  const before = stored()
  const bad = await c.act(id, 'review', 'scj.clerk', pass('2025-09-05', { reviewer_id: OFFICERS[0] }))
  assertError(bad, 422, 'BAD_VALUE', 'reviewer_id')
  assert.match(bad.json.error.message, /承办/)
  assert.equal(stored(), before)
})

test('法制审核队列: due day and days left, filters, export, counts per agency = named figures = the list; an agency sees only its own', async () => {
  // One review awaited on TODAY's side (submitted 2026-11-20, Fri: due 11-27), one overdue and awaited.
  const open = await pending({ filed_on: '2026-11-02', act_on: '2026-10-20' }, '2026-11-05', '2026-11-09')
  await c.actOk(open, 'submit_review', 'scj.clerk', { submitted_on: '2026-11-20' })
  const late = await pending({ filed_on: '2026-10-08', act_on: '2026-10-01' }, '2026-10-09', '2026-10-12')
  await c.actOk(late, 'submit_review', 'scj.clerk', { submitted_on: '2026-10-13' })
  const scj = await c.login('scj.clerk')
  let r = await c.get('/api/enforcement/reviews?status=awaiting&per_page=100', { session: scj })
  assert.equal(r.status, 200, r.text)
  const row = r.json.items.find((x) => x.case_id === open)
  assert.ok(row, 'the awaited review is listed')
  assert.equal(row.review_due_on, '2026-11-27')
  assert.equal(row.due_date, '2026-11-27')
  assert.equal(row.days_left, 4) // 11-24, 11-25, 11-26, 11-27 after TODAY 11-23
  assert.equal(row.due_kind, 'deadline')
  assert.equal(row.status_label, '待审核')
  assert.ok(r.json.items.every((x) => x.agency_id === AGENCY), 'scj sees scj only')
  const lateRow = r.json.items.find((x) => x.case_id === late)
  assert.equal(lateRow.overdue, true)
  assert.ok(lateRow.days_left < 0)
  r = await c.get('/api/enforcement/reviews?overdue=1&per_page=100', { session: scj })
  assert.ok(r.json.items.some((x) => x.case_id === late) && !r.json.items.some((x) => x.case_id === open))
  assertError(await c.get('/api/enforcement/reviews?status=maybe', { session: scj }), 422, 'BAD_VALUE', 'status')
  assertError(await c.get('/api/enforcement/reviews?overdue=2', { session: scj }), 422, 'BAD_VALUE', 'overdue')
  // Another agency's clerk never sees these rows, even asking for the agency.
  const hbj = await c.login('hbj.clerk')
  r = await c.get(`/api/enforcement/reviews?agency_id=${AGENCY}&per_page=100`, { session: hbj })
  assert.ok(r.status === 200 || r.status === 403, r.text)
  if (r.status === 200) assert.ok(!r.json.items.some((x) => x.agency_id === AGENCY))
  r = await c.get('/api/enforcement/reviews/counts?year=2026', { session: hbj })
  assert.ok(!r.json.agencies.some((x) => x.agency_id === AGENCY))
  // Export.
  r = await c.get('/api/enforcement/reviews.xlsx?status=awaiting', { session: scj })
  assert.equal(r.status, 200)
  assert.match(r.headers.get('content-type'), /spreadsheetml/)
  // Counts per agency and the figures equal the list's totals.
  const legal = await c.login('legal')
  const counts = (await c.get(`/api/enforcement/reviews/counts?year=2026&agency_id=${AGENCY}`, { session: legal })).json
  const mine = counts.agencies.find((x) => x.agency_id === AGENCY)
  assert.ok(mine.submitted >= 2 && mine.overdue >= 1 && mine.awaiting >= 2)
  const figs = (await c.get(`/api/figures?year=2026&agency_id=${AGENCY}`, { session: legal })).json.items
  const total = async (q) => (await c.get(`/api/enforcement/reviews?year=2026&agency_id=${AGENCY}${q}`, { session: legal })).json.total
  for (const [name, key, q] of [['submitted', 'submitted', ''], ['passed', 'passed', '&status=pass'], ['amended', 'amended', '&status=amend'],
    ['refused', 'refused', '&status=fail'], ['overdue', 'overdue', '&overdue=1']]) {
    const f = figs.find((x) => x.name === `enforcement.reviews.${name}`)
    assert.ok(f, `figure enforcement.reviews.${name}`)
    assert.equal(f.value, mine[key], name)
    assert.equal(await total(q), mine[key], `${name} list total`)
  }
})

test('重大行政处罚备案: 15 days from a major decision (a setting), filed by the agency, received or returned by the justice bureau', async () => {
  const id = await pending({ major: true, major_reason: 'complex' })
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-04' })
  await c.actOk(id, 'review', 'scj.clerk', pass('2025-09-05'))
  // Decided 2025-09-20: the 15th day is 10-05 (国庆节), so the period ends on 10-09.
  await c.actOk(id, 'decide', 'scj.head', { decided_on: '2025-09-20', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' })
  let d = await c.detail(id, 'scj.clerk')
  const k = clock(d, 'major_filing')
  assert.equal(k.due_date, '2025-10-09')
  assert.match(k.article, /设置项/)
  assert.equal(d.case.fields.major_filing.state, 'due')
  assert.ok(d.actions.some((a) => a.name === 'file_major'))
  // The bureau cannot receive what was not filed; the agency cannot receive at all.
  let before = stored()
  assertError(await c.act(id, 'receive_filing', 'legal', { received_on: '2025-10-10' }), 409, 'STATE')
  assertError(await c.act(id, 'receive_filing', 'scj.clerk', { received_on: '2025-10-10' }), 403, 'FORBIDDEN')
  assertError(await c.act(id, 'file_major', 'scj.clerk', { filed_on: '2025-09-19' }), 422, 'BAD_DATE', 'filed_on')
  assert.equal(stored(), before)
  await c.actOk(id, 'serve', 'scj.officer', { served_on: '2025-09-22', method: 'direct' })
  await c.actOk(id, 'file_major', 'scj.clerk', { filed_on: '2025-10-09', note: '报送决定书和案卷目录' })
  d = await c.detail(id)
  assert.equal(clock(d, 'major_filing').state, 'stopped')
  assert.equal(d.case.fields.major_filing.overdue, false)
  // A return needs the opinion; it opens a new period from the return day for the refiling.
  before = stored()
  assertError(await c.act(id, 'return_filing', 'legal', { returned_on: '2025-10-10' }), 422, 'MISSING_FIELD', 'opinion')
  assertError(await c.act(id, 'file_major', 'scj.clerk', { filed_on: '2025-10-10' }), 409, 'STATE')
  assert.equal(stored(), before)
  // Returned 2026-02-06: 15 days is 02-21 (春节), so the refiling is due 02-24.
  await c.actOk(id, 'return_filing', 'legal', { returned_on: '2026-02-06', opinion: '未附听证材料，请补充后重新报送' })
  d = await c.detail(id, 'scj.clerk')
  assert.equal(d.case.fields.major_filing.state_label, '已退回，待重新报送')
  assert.equal(d.case.fields.major_filing.return_opinion, '未附听证材料，请补充后重新报送')
  assert.equal(clock(d, 'major_filing').due_date, '2026-02-24')
  assertError(await c.act(id, 'file_major', 'scj.clerk', { filed_on: '2026-02-05' }), 422, 'BAD_DATE', 'filed_on')
  await c.actOk(id, 'file_major', 'scj.clerk', { filed_on: '2026-02-25' })
  await c.actOk(id, 'receive_filing', 'legal', { received_on: '2026-02-26', note: '审查无异议' })
  d = await c.detail(id)
  assert.equal(d.case.fields.major_filing.state, 'received')
  assert.equal(d.case.fields.major_filing.returns, 1)
  assert.equal(d.case.fields.major_filing.overdue, true, 'refiled one day after 02-24')
  // The list, its filters and scope.
  const scj = await c.login('scj.clerk')
  let r = await c.get('/api/enforcement/major-filings?returned=1&per_page=100', { session: scj })
  assert.equal(r.status, 200, r.text)
  assert.ok(r.json.items.some((x) => x.case_id === id && x.filing_state === 'received' && x.returns === 1))
  r = await c.get('/api/enforcement/major-filings?per_page=100', { session: await c.login('hbj.clerk') })
  assert.ok(!r.json.items.some((x) => x.case_id === id))
  assert.equal((await c.get('/api/enforcement/major-filings.xlsx', { session: scj })).status, 200)
  // A case closed (结案) before its filing records the filing and keeps its closing day.
  const closed = await pending({ major: true, major_reason: 'by_law' })
  await c.actOk(closed, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-04' })
  await c.actOk(closed, 'review', 'scj.clerk', pass('2025-09-05'))
  await c.actOk(closed, 'decide', 'scj.head', { decided_on: '2025-09-22', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' })
  await c.actOk(closed, 'serve', 'scj.officer', { served_on: '2025-09-23', method: 'direct' })
  await c.actOk(closed, 'close', 'scj.clerk', { closed_on: '2025-09-24' })
  // The server's day is pinned; an earlier closing day shows whether the filing moves it.
  sql(c.db, `UPDATE case_record SET closed_on = '2025-09-24' WHERE case_id = ${closed}`)
  const closedOn = '2025-09-24'
  await c.actOk(closed, 'file_major', 'scj.clerk', { filed_on: '2025-09-30' })
  d = await c.detail(closed)
  assert.equal(d.case.state, 'closed')
  assert.equal(d.case.fields.major_filing.state, 'filed')
  assert.equal(sql(c.db, `SELECT closed_on FROM case_record WHERE case_id = ${closed}`)[0][0], closedOn)
  // A major case decided not to punish and an ordinary case have nothing to file.
  const plain = await pending()
  await c.actOk(plain, 'decide', 'scj.head', { decided_on: '2025-09-20', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' })
  d = await c.detail(plain, 'scj.clerk')
  assert.equal(d.case.fields.major_filing, null)
  assert.ok(!d.clocks.some((x) => x.name === 'major_filing'))
  assertError(await c.act(plain, 'file_major', 'scj.clerk', { filed_on: '2025-09-22' }), 409, 'STATE')
})

test('重大行政处罚备案: an unfiled decision past its day is overdue in the list and in supervision; the period is a setting', async () => {
  const admin = await c.login('admin')
  const set = (v) => c.api('PUT', '/api/settings/enforcement.major_filing_days', { session: admin, body: { value: v } })
  assert.equal((await set(10)).status, 200)
  let id
  try {
    id = await pending({ major: true, major_reason: 'public_interest', filed_on: '2026-10-08', act_on: '2026-10-01' }, '2026-10-09', '2026-10-12')
    await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2026-10-13' })
    await c.actOk(id, 'review', 'scj.clerk', pass('2026-10-14'))
    await c.actOk(id, 'decide', 'scj.head', { decided_on: '2026-11-02', outcome: 'penalty', penalty_kind: 'warning', decision_text: '警告' })
  } finally {
    assert.equal((await set(15)).status, 200)
  }
  const d = await c.detail(id)
  assert.equal(clock(d, 'major_filing').due_date, '2026-11-12')
  assert.equal(clock(d, 'major_filing').status, 'red')
  const r = await c.get('/api/enforcement/major-filings?overdue=1&per_page=100', { session: await c.login('legal') })
  assert.ok(r.json.items.some((x) => x.case_id === id && x.overdue && x.days_left < 0))
  const overdue = sqlNumber(c.db, `SELECT COUNT(*) FROM case_clock WHERE case_id = ${id} AND name = 'major_filing' AND state = 'running' AND due_date < '2026-11-23'`)
  assert.equal(overdue, 1, 'a running clock past its day: supervision counts it')
})

test('先行登记保存 (第56条): the head approves, the handling is decided within 7 working days, a later one needs its reason', async () => {
  // Preserved 2025-09-26 (Fri): 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
  const id = await file()
  const items = '超过保质期的酸奶 12 盒，存放于本局物证室'
  let before = stored()
  let r = await c.act(id, 'preserve', 'scj.officer', { preserved_on: '2025-09-26', items, approver: '李局长', approved_on: '2025-09-27' })
  assertError(r, 422, 'BAD_DATE', 'approved_on')
  assert.match(r.json.error.message, /第五十六条/)
  assertError(await c.act(id, 'preserve', 'scj.officer', { preserved_on: '2025-09-26', approver: '李局长', approved_on: '2025-09-26' }), 422, 'MISSING_FIELD', 'items')
  assertError(await c.act(id, 'handle_preservation', 'scj.officer', { handled_on: '2025-09-29', handling: 'return', note: '退还' }), 409, 'STATE')
  assert.equal(stored(), before)
  await c.actOk(id, 'preserve', 'scj.officer', { preserved_on: '2025-09-26', items, approver: '李局长', approved_on: '2025-09-26' })
  let d = await c.detail(id, 'scj.clerk')
  const k = clock(d, 'preservation')
  assert.equal(k.due_date, '2025-10-13')
  assert.match(k.article, /第五十六条/)
  assert.equal(d.case.fields.preservation_open, true)
  // One at a time.
  before = stored()
  assertError(await c.act(id, 'preserve', 'scj.officer', { preserved_on: '2025-09-29', items, approver: '李局长', approved_on: '2025-09-29' }), 409, 'STATE')
  // A decision dated after 10-13 without a reason is refused; one of the last day needs none.
  r = await c.act(id, 'handle_preservation', 'scj.officer', { handled_on: '2025-10-14', handling: 'confiscate', note: '依法应予没收' })
  assertError(r, 422, 'BAD_VALUE', 'late_reason')
  assert.match(r.json.error.message, /2025-10-13/)
  assertError(await c.act(id, 'handle_preservation', 'scj.officer', { handled_on: '2025-09-25', handling: 'return', note: '退还' }), 422, 'BAD_DATE', 'handled_on')
  assertError(await c.act(id, 'handle_preservation', 'scj.officer', { handled_on: '2025-10-13', handling: 'keep', note: '退还' }), 422, 'BAD_VALUE', 'handling')
  assert.equal(stored(), before)
  await c.actOk(id, 'handle_preservation', 'scj.officer', { handled_on: '2025-10-14', handling: 'confiscate', note: '依法应予没收', late_reason: '检验报告 10 月 14 日才出具' })
  d = await c.detail(id)
  const p = d.case.fields.preservations[0]
  assert.equal(p.handling_label, '依法应予没收的，提出没收处理意见')
  assert.equal(p.late_reason, '检验报告 10 月 14 日才出具')
  assert.equal(p.overdue, true)
  assert.equal(clock(d, 'preservation').state, 'stopped')
  // Spring Festival: preserved 2026-02-12 -> 02-13, 02-14, 02-24, 02-25, 02-26, 02-27, 02-28 (make-up Saturday).
  const id2 = await file({ filed_on: '2026-02-02', act_on: '2026-01-20' })
  await c.actOk(id2, 'preserve', 'scj.officer', { preserved_on: '2026-02-12', items, approver: '李局长', approved_on: '2026-02-12' })
  assert.equal(clock(await c.detail(id2), 'preservation').due_date, '2026-02-28')
  await c.actOk(id2, 'handle_preservation', 'scj.officer', { handled_on: '2026-02-28', handling: 'return', note: '解除保存，退还当事人', late_reason: '不应保存' })
  d = await c.detail(id2)
  assert.equal(d.case.fields.preservations[0].late_reason, null, 'an in-time decision keeps no late reason')
  assert.equal(d.case.fields.preservations[0].overdue, false)
  // Another agency cannot act on the case.
  assert.equal((await c.act(id2, 'preserve', 'hbj.clerk', { preserved_on: '2026-03-02', items, approver: '李局长', approved_on: '2026-03-02' })).status, 404)
})

test('待我审核: a penalty case under legal review is listed for its agency head until the review is recorded', async () => {
  const id = await pending()
  const inQueue = async (user) => {
    const r = await c.get('/api/review?type=enf_penalty&per_page=100', { session: await c.login(user) })
    assert.equal(r.status, 200, r.text)
    return r.json.items.some((x) => x.case_id === id)
  }
  assert.equal(await inQueue('scj.head'), false, 'not before submission')
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2025-09-04' })
  assert.equal(await inQueue('scj.head'), true)
  assert.equal(await inQueue('hbj.head'), false, 'another agency head never sees it')
  await c.actOk(id, 'review', 'scj.clerk', pass('2025-09-05'))
  assert.equal(await inQueue('scj.head'), false, 'gone once reviewed')
})
