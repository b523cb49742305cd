// Discretion benchmarks (行政处罚裁量基准; issue 10): a versioned table of circumstances per penalty power,
// edited by the agency and published (a new version keeps the old one, and a case keeps the version it
// used); the calculator; Excel export and all-or-nothing import naming every bad row and column; the
// portal's published tables; the check of a penalty case's notice and decision against the picked row
// (outside the range: a written deviation_reason, the case made major with 超出裁量基准作出处罚 so the
// 第58条 review gate holds the decision); the statistics inside vs outside per agency.
//
// The server runs on the demo county with the date pinned (lib.mjs TODAY = 2026-11-23). Powers and
// officers are found by what the rule needs, never by a fixed id; each test makes its own power's
// benchmark so the rule is tested on fresh ranges, not on the demo's.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import { useServer, sql, sqlNumber, assertError, TODAY } from './lib.mjs'

const c = useServer()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** What a refused write must leave as it was. */
function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM enf_benchmark), (SELECT COUNT(*) FROM enf_benchmark_row),' +
    ' (SELECT COUNT(*) FROM enf_penalty_benchmark), (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    " (SELECT group_concat(status || version) FROM enf_benchmark), (SELECT group_concat(major || coalesce(major_reason, '') || coalesce(notified_on, '') || coalesce(decided_on, '')) FROM enf_penalty)," +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'enf_penalty')")
  return row.join('|')
}

function scjBody () {
  const [[body]] = sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id" +
    " WHERE a.code = 'scj' AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")
  return Number(body)
}

/** Active penalty items of the body with no benchmark yet (each test takes its own). */
const taken = new Set()
function freshPower (body) {
  const rows = sql(c.db, `SELECT item_id FROM enf_power p WHERE body_id = ${body} AND category = 'penalty' AND status = 'active'` +
    ' AND NOT EXISTS (SELECT 1 FROM enf_benchmark m WHERE m.power_id = p.item_id) ORDER BY item_id')
  const hit = rows.map((r) => Number(r[0])).find((id) => !taken.has(id))
  assert.ok(hit, `body ${body} has an active penalty item without a benchmark`)
  taken.add(hit)
  return hit
}

function certified (body, from, to = TODAY) {
  return sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${body} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    ` AND x.issued_on <= '${from}' AND x.valid_until >= '${to}' ORDER BY o.officer_id`).map((r) => Number(r[0]))
}

let BODY, OFFICERS
function setup () {
  if (BODY) return
  BODY = scjBody()
  OFFICERS = certified(BODY, '2026-01-01')
  assert.ok(OFFICERS.length >= 2)
}

/** Four levels: 轻微 may go unpunished; 一般 2,000-10,000; 较重 10,000-30,000 or confiscation; 严重 30,000-50,000 or suspension. */
function table (powerId, over = {}) {
  return {
    power_id: powerId,
    note: '依据《青山县市场监管行政处罚裁量权基准》制定',
    rows: [
      { level: 'minor', circumstances: '首次违法，货值金额不足 500 元，及时改正', factors: '主动消除危害后果', kinds: ['warning', 'fine'], fine_min: 0, fine_max: 2000, no_penalty: true, basis: '《行政处罚法》第三十三条' },
      { level: 'general', circumstances: '货值金额 500 元以上不足 5000 元', kinds: ['fine'], fine_min: 2000, fine_max: 10000, basis: '《食品安全法》第一百二十四条' },
      { level: 'serious', circumstances: '货值金额 5000 元以上不足 1 万元', factors: '拒不改正的从重', kinds: ['fine', 'confiscation'], fine_min: 10000, fine_max: 30000, basis: '《食品安全法》第一百二十四条' },
      { level: 'grave', circumstances: '货值金额 1 万元以上或造成危害后果', kinds: ['fine', 'suspend_business'], fine_min: 30000, fine_max: 50000, basis: '《食品安全法》第一百二十四条' },
    ],
    ...over,
  }
}

async function publishedBenchmark (powerId, on = '2026-01-05') {
  const clerk = await c.login('scj.clerk')
  const r = await c.post('/api/enforcement/benchmarks', table(powerId), { session: clerk })
  assert.equal(r.status, 201, r.text)
  const p = await c.post(`/api/enforcement/benchmarks/${r.json.benchmark_id}/publish`, { published_on: on }, { session: clerk })
  assert.equal(p.status, 200, p.text)
  return p.json
}

const rowOf = (bm, level) => bm.rows.find((r) => r.level === level).row_id

async function fileCase (powerId, over = {}) {
  const r = await c.post('/api/enforcement/penalties', {
    body_id: BODY, power_id: powerId, officer_ids: OFFICERS.slice(0, 2), party_type: 'organisation',
    party_name: '青山县惠民超市有限公司', matter: '销售超过保质期食品案', source: 'inspection',
    act_on: '2026-03-02', filed_on: '2026-03-05', ...over,
  }, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  return r.json.case.case_id
}

const notice = (over = {}) => ({ notified_on: '2026-03-10', proposed_kind: 'fine', proposed_fine: 5000, hearing_offered: false, facts: '拟罚款', ...over })
const decision = (over = {}) => ({ decided_on: '2026-03-20', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 5000, decision_text: '罚款', ...over })

async function toPending (id, over = {}) {
  await c.actOk(id, 'notify', 'scj.officer', notice(over))
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: '2026-03-16', statement: '无异议' })
}

function reviewer () {
  return Number(sql(c.db, `SELECT officer_id FROM enf_officer WHERE agency_id = (SELECT agency_id FROM enf_body WHERE body_id = ${BODY}) AND legal_qualification = 1 AND status = 'on_duty' LIMIT 1`)[0][0])
}

test('an agency edits a draft and publishes it; published versions never change; a new version supersedes and keeps the old', async () => {
  setup()
  const power = freshPower(BODY)
  const clerk = await c.login('scj.clerk')
  const r = await c.post('/api/enforcement/benchmarks', table(power), { session: clerk })
  assert.equal(r.status, 201, r.text)
  const bm = r.json
  assert.equal(bm.status, 'draft')
  assert.equal(bm.version, 1)
  assert.equal(bm.rows.length, 4)
  assert.deepEqual(bm.rows.map((x) => x.level_label), ['轻微', '一般', '较重', '严重'])
  assert.equal(bm.rows[1].range_text, '罚款 2000 元以上 10000 元以下')
  assert.match(bm.rows[0].range_text, /警告/)
  assert.match(bm.rows[0].range_text, /不予行政处罚（首违不罚）/)
  // A second draft of the same power is refused: the open draft is edited instead.
  const before = stored()
  assertError(await c.post('/api/enforcement/benchmarks', table(power), { session: clerk }), 409, 'DUPLICATE', 'power_id')
  assert.equal(stored(), before)
  // The draft is edited in place.
  const t2 = table(power)
  t2.rows[1].fine_max = 12000
  const put = await c.api('PUT', `/api/enforcement/benchmarks/${bm.benchmark_id}`, { session: clerk, body: t2 })
  assert.equal(put.status, 200, put.text)
  assert.equal(put.json.rows[1].fine_max, 12000)
  // A publication day after today is refused.
  assertError(await c.post(`/api/enforcement/benchmarks/${bm.benchmark_id}/publish`, { published_on: '2026-11-24' }, { session: clerk }), 422, 'BAD_DATE', 'published_on')
  const pub = await c.post(`/api/enforcement/benchmarks/${bm.benchmark_id}/publish`, { published_on: '2026-02-02' }, { session: clerk })
  assert.equal(pub.status, 200, pub.text)
  assert.equal(pub.json.status, 'published')
  // Published: no more edits, no second publication.
  const b2 = stored()
  assertError(await c.api('PUT', `/api/enforcement/benchmarks/${bm.benchmark_id}`, { session: clerk, body: t2 }), 409, 'STATE')
  assertError(await c.post(`/api/enforcement/benchmarks/${bm.benchmark_id}/publish`, { published_on: '2026-02-03' }, { session: clerk }), 409, 'STATE')
  assert.equal(stored(), b2)
  // Version 2: a new draft, then published; version 1 is superseded and still readable.
  const t3 = table(power)
  t3.rows[1].fine_min = 3000
  const v2 = await c.post('/api/enforcement/benchmarks', t3, { session: clerk })
  assert.equal(v2.status, 201, v2.text)
  assert.equal(v2.json.version, 2)
  // Not before the version in force.
  assertError(await c.post(`/api/enforcement/benchmarks/${v2.json.benchmark_id}/publish`, { published_on: '2026-02-01' }, { session: clerk }), 422, 'BAD_DATE', 'published_on')
  const p2 = await c.post(`/api/enforcement/benchmarks/${v2.json.benchmark_id}/publish`, { published_on: '2026-06-01' }, { session: clerk })
  assert.equal(p2.status, 200, p2.text)
  assert.deepEqual(p2.json.versions.map((v) => [v.version, v.status]), [[2, 'published'], [1, 'superseded']])
  const old = await c.get(`/api/enforcement/benchmarks/${bm.benchmark_id}`, { session: clerk })
  assert.equal(old.status, 200)
  assert.equal(old.json.status, 'superseded')
  assert.equal(old.json.superseded_on, '2026-06-01')
  assert.equal(old.json.rows[1].fine_min, 2000)
  // The audit chain holds each write.
  assert.equal(sqlNumber(c.db, "SELECT COUNT(*) FROM event WHERE entity = 'enf_benchmark' AND action IN ('benchmark_create', 'benchmark_update', 'benchmark_publish')") >= 5, true)
})

test('a row says a lawful range: refusals name the row and column in Chinese, nothing written', async () => {
  setup()
  const power = freshPower(BODY)
  const clerk = await c.login('scj.clerk')
  const before = stored()
  const bad = async (mutate, field, re, code = 'BAD_VALUE') => {
    const t = table(power)
    mutate(t)
    const e = assertError(await c.post('/api/enforcement/benchmarks', t, { session: clerk }), 422, code, field)
    assert.match(e.message, re)
    assert.equal(stored(), before)
  }
  await bad((t) => { t.rows = [] }, 'rows', /至少填写一条/, 'MISSING_FIELD')
  // 不予处罚 (首违不罚) only for 轻微.
  await bad((t) => { t.rows[1].no_penalty = true }, 'rows', /第 2 条.*首违不罚.*轻微/)
  await bad((t) => { t.rows[2].fine_min = 40000 }, 'rows', /第 3 条.*罚款下限.*40000.*30000/)
  await bad((t) => { delete t.rows[3].fine_max }, 'rows', /第 4 条.*罚款上限/)
  await bad((t) => { t.rows[1].kinds = ['warning']; t.rows[1].fine_min = 0; t.rows[1].fine_max = 100 }, 'rows', /第 2 条.*不含罚款/)
  await bad((t) => { t.rows[1].kinds = ['jail'] }, 'rows', /第 2 条.*处罚种类.*第九条/)
  await bad((t) => { t.rows[0].level = 'light' }, 'rows', /第 1 条.*违法情节/)
  await bad((t) => { t.rows[2].basis = ' ' }, 'rows', /第 3 条.*裁量依据/, 'MISSING_FIELD')
  await bad((t) => { t.rows[1].kinds = []; t.rows[1].fine_min = undefined; t.rows[1].fine_max = undefined }, 'rows', /第 2 条.*处罚种类/)
  // Not a penalty power; another agency's power (as if it did not exist).
  const [[licence]] = sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category <> 'penalty' AND status = 'active' LIMIT 1`)
  assertError(await c.post('/api/enforcement/benchmarks', table(Number(licence)), { session: clerk }), 422, 'BAD_VALUE', 'power_id')
  const [[foreign]] = sql(c.db, "SELECT p.item_id FROM enf_power p JOIN agency a ON a.agency_id = p.agency_id WHERE a.code = 'cgj' AND p.category = 'penalty' LIMIT 1")
  assertError(await c.post('/api/enforcement/benchmarks', table(Number(foreign)), { session: clerk }), 422, 'BAD_VALUE', 'power_id')
  // An officer reads; the agency's clerk, head or the legal office edit.
  assertError(await c.post('/api/enforcement/benchmarks', table(power), { session: await c.login('scj.officer') }), 403, 'FORBIDDEN')
  assert.equal(stored(), before)
})

test('the calculator gives the range and basis of the version in force; scope: another agency sees nothing', async () => {
  setup()
  const power = freshPower(BODY)
  const officer = await c.login('scj.officer')
  assertError(await c.get(`/api/enforcement/benchmarks/calc?power_id=${power}&level=general`, { session: officer }), 404, 'NOT_FOUND', 'power_id')
  const bm = await publishedBenchmark(power)
  const r = await c.get(`/api/enforcement/benchmarks/calc?power_id=${power}&level=serious`, { session: officer })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.version, 1)
  assert.equal(r.json.rows.length, 1)
  assert.equal(r.json.rows[0].range_text, '罚款 10000 元以上 30000 元以下；没收违法所得、没收非法财物')
  assert.equal(r.json.rows[0].basis, '《食品安全法》第一百二十四条')
  assert.match(r.json.rule, /第五十八条/)
  assert.equal((await c.get(`/api/enforcement/benchmarks/calc?power_id=${power}`, { session: officer })).json.rows.length, 4)
  assertError(await c.get(`/api/enforcement/benchmarks/calc?power_id=${power}&level=heavy`, { session: officer }), 422, 'BAD_VALUE', 'level')
  // Another agency: the calculator, the detail and the list as if the benchmark did not exist.
  const other = await c.login('cgj.clerk')
  assertError(await c.get(`/api/enforcement/benchmarks/calc?power_id=${power}`, { session: other }), 404, 'NOT_FOUND')
  assertError(await c.get(`/api/enforcement/benchmarks/${bm.benchmark_id}`, { session: other }), 404, 'NOT_FOUND')
  assertError(await c.api('PUT', `/api/enforcement/benchmarks/${bm.benchmark_id}`, { session: other, body: table(power) }), 404, 'NOT_FOUND')
  const list = await c.get('/api/enforcement/benchmarks', { session: other })
  assert.equal(list.status, 200)
  assert.ok(!list.json.items.some((x) => x.benchmark_id === bm.benchmark_id))
  const mine = await c.get(`/api/enforcement/benchmarks?power_id=${power}`, { session: officer })
  assert.deepEqual(mine.json.items.map((x) => x.benchmark_id), [bm.benchmark_id])
  // The legal office sees every agency's.
  const legal = await c.get(`/api/enforcement/benchmarks?power_id=${power}`, { session: await c.login('legal') })
  assert.equal(legal.json.items.length, 1)
})

test('portal: published benchmarks per body and power, searchable; drafts never shown', async () => {
  setup()
  const power = freshPower(BODY)
  const clerk = await c.login('scj.clerk')
  const draft = await c.post('/api/enforcement/benchmarks', table(power, { rows: [{ level: 'general', circumstances: '草稿独有情形甲乙丙', kinds: ['fine'], fine_min: 1, fine_max: 2, basis: '草稿' }] }), { session: clerk })
  assert.equal(draft.status, 201, draft.text)
  let pub = await c.get('/api/public/enforcement/benchmarks?q=' + encodeURIComponent('草稿独有情形甲乙丙'))
  assert.equal(pub.status, 200)
  assert.equal(pub.json.items.length, 0)
  await c.post(`/api/enforcement/benchmarks/${draft.json.benchmark_id}/publish`, { published_on: '2026-03-01' }, { session: clerk })
  pub = await c.get('/api/public/enforcement/benchmarks?q=' + encodeURIComponent('草稿独有情形甲乙丙'))
  assert.equal(pub.json.items.length, 1)
  assert.equal(pub.json.items[0].power_id, power)
  assert.equal(pub.json.items[0].rows[0].range_text, '罚款 1 元以上 2 元以下')
  const byBody = await c.get(`/api/public/enforcement/benchmarks?body_id=${BODY}`)
  assert.ok(byBody.json.items.every((x) => x.body_id === BODY && x.status === 'published'))
  assert.ok(byBody.json.items.some((x) => x.power_id === power))
  assertError(await c.get('/api/public/enforcement/benchmarks?body_id=abc'), 422, 'BAD_VALUE', 'body_id')
})

test('a notice outside the picked row needs deviation_reason and makes the case major; the decision waits for the review (第58条)', async () => {
  setup()
  const power = freshPower(BODY)
  const bm = await publishedBenchmark(power)
  const id = await fileCase(power)
  const general = rowOf(bm, 'general')
  // 12,000 元 for 一般 (2,000-10,000): refused without a reason, nothing written.
  const before = stored()
  const e = assertError(await c.act(id, 'notify', 'scj.officer', notice({ proposed_fine: 12000, benchmark_row_id: general })), 422, 'MISSING_FIELD', 'deviation_reason')
  assert.match(e.message, /12000.*超出裁量基准.*2000 元以上 10000 元以下/)
  assertError(await c.act(id, 'notify', 'scj.officer', notice({ proposed_fine: 12000, benchmark_row_id: general, deviation_reason: '   ' })), 422, 'MISSING_FIELD', 'deviation_reason')
  // A kind the row does not allow is outside too.
  assertError(await c.act(id, 'notify', 'scj.officer', notice({ proposed_kind: 'suspend_business', proposed_fine: 0, hearing_offered: true, benchmark_row_id: general })), 422, 'MISSING_FIELD', 'deviation_reason')
  // A row of another power's benchmark.
  const otherPower = freshPower(BODY)
  const otherBm = await publishedBenchmark(otherPower)
  const b1 = stored()
  assertError(await c.act(id, 'notify', 'scj.officer', notice({ benchmark_row_id: rowOf(otherBm, 'general') })), 422, 'BAD_VALUE', 'benchmark_row_id')
  assert.equal(stored(), b1)
  assert.equal(before.split('|')[2], b1.split('|')[2])
  await c.actOk(id, 'notify', 'scj.officer', notice({ proposed_fine: 12000, benchmark_row_id: general, deviation_reason: '当事人拒不配合调查，多次转移证据' }))
  let d = await c.detail(id)
  assert.equal(d.case.fields.major, true)
  assert.equal(d.case.fields.major_reason, 'benchmark')
  assert.equal(d.case.fields.major_reason_label, '超出裁量基准作出处罚')
  assert.equal(d.case.fields.review_ok, false)
  assert.equal(d.case.fields.benchmark.notify.placement, 'outside')
  assert.equal(d.case.fields.benchmark.notify.deviation_reason, '当事人拒不配合调查，多次转移证据')
  assert.equal(d.case.fields.benchmark.notify.version, 1)
  assert.equal(d.case.fields.benchmark.notify.recorded_on, '2026-03-10', 'the notice day, not the day it was entered')
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: '2026-03-16', statement: '无异议' })
  // The head may not decide before a passed review.
  const b2 = stored()
  const refused = await c.act(id, 'decide', 'scj.head', decision({ fine_amount: 12000, deviation_reason: '同告知' }))
  assertError(refused, 409, 'STATE')
  assert.match(refused.json.error.message, /第五十八条/)
  assert.equal(stored(), b2)
  await c.actOk(id, 'submit_review', 'scj.clerk', { submitted_on: '2026-03-17' })
  await c.actOk(id, 'review', 'scj.clerk', { reviewer_id: reviewer(), reviewed_on: '2026-03-18', opinion: 'pass', note: '超出基准的理由成立' })
  // Still outside at the decision: the reason is needed again (the row picked at the notice applies).
  assertError(await c.act(id, 'decide', 'scj.head', decision({ fine_amount: 12000 })), 422, 'MISSING_FIELD', 'deviation_reason')
  await c.actOk(id, 'decide', 'scj.head', decision({ fine_amount: 12000, deviation_reason: '当事人拒不配合调查，经法制审核同意' }))
  d = await c.detail(id)
  assert.equal(d.case.state, 'decided')
  assert.equal(d.case.fields.benchmark.decide.placement, 'outside')
  assert.equal(d.case.fields.benchmark.decide.row_id, general)
  assert.equal(d.case.fields.benchmark.decide.recorded_on, '2026-03-20')
})

test('a decision outside the benchmark without a passed review is refused; inside passes; a superseded version stays on the case', async () => {
  setup()
  const power = freshPower(BODY)
  const bm = await publishedBenchmark(power)
  const general = rowOf(bm, 'general')
  // Notice inside (10,000 = the upper bound is inside): not major.
  const id = await fileCase(power)
  await toPending(id, { proposed_fine: 10000, benchmark_row_id: general })
  let d = await c.detail(id)
  assert.equal(d.case.fields.benchmark.notify.placement, 'inside')
  assert.equal(d.case.fields.major, false)
  // Decided at 1,999 (below 2,000): outside, and no review has passed.
  const before = stored()
  const e = assertError(await c.act(id, 'decide', 'scj.head', decision({ fine_amount: 1999, deviation_reason: '当事人经济困难' })), 409, 'STATE', 'deviation_reason')
  assert.match(e.message, /法制审核/)
  assert.equal(stored(), before)
  // A new version published after the notice: the decision still compares with the notice's row (version 1).
  const clerk = await c.login('scj.clerk')
  const t = table(power)
  t.rows[1].fine_min = 1000
  const v2 = await c.post('/api/enforcement/benchmarks', t, { session: clerk })
  await c.post(`/api/enforcement/benchmarks/${v2.json.benchmark_id}/publish`, { published_on: '2026-03-18' }, { session: clerk })
  assertError(await c.act(id, 'decide', 'scj.head', decision({ fine_amount: 1999, deviation_reason: '当事人经济困难' })), 409, 'STATE', 'deviation_reason')
  // Picking a row of the superseded version anew is refused; the new version's row is accepted.
  const v1Serious = rowOf(bm, 'serious')
  assertError(await c.act(id, 'decide', 'scj.head', decision({ fine_amount: 15000, benchmark_row_id: v1Serious })), 422, 'BAD_VALUE', 'benchmark_row_id')
  await c.actOk(id, 'decide', 'scj.head', decision({ fine_amount: 2000 }))
  d = await c.detail(id)
  assert.equal(d.case.fields.benchmark.decide.placement, 'inside')
  assert.equal(d.case.fields.benchmark.decide.version, 1)
  assert.equal(d.case.fields.benchmark_version, 2)
  const detail = await c.get(`/api/enforcement/benchmarks/${bm.benchmark_id}`, { session: clerk })
  assert.equal(detail.json.status, 'superseded')
  assert.equal(detail.json.cases, 1)
})

test('不予处罚 is inside only where the 轻微 row allows it; a simplified decision may not leave the benchmark', async () => {
  setup()
  const power = freshPower(BODY)
  const bm = await publishedBenchmark(power)
  // 轻微 with 首违不罚: deciding not to punish on the first-minor ground is inside.
  const a = await fileCase(power)
  await toPending(a, { proposed_kind: 'warning', proposed_fine: 0, benchmark_row_id: rowOf(bm, 'minor') })
  await c.actOk(a, 'decide', 'scj.head', { decided_on: '2026-03-20', outcome: 'no_penalty', no_penalty_ground: 'first_minor', decision_text: '首违不罚' })
  assert.equal((await c.detail(a)).case.fields.benchmark.decide.placement, 'inside')
  // 一般 does not allow it: not punishing a general violation is a deviation.
  const b = await fileCase(power)
  await toPending(b, { benchmark_row_id: rowOf(bm, 'general') })
  assertError(await c.act(b, 'decide', 'scj.head', { decided_on: '2026-03-20', outcome: 'no_penalty', no_penalty_ground: 'minor', decision_text: '不予处罚' }), 422, 'MISSING_FIELD', 'deviation_reason')
  // Facts unproven: the benchmark does not govern it.
  await c.actOk(b, 'decide', 'scj.head', { decided_on: '2026-03-20', outcome: 'no_penalty', no_penalty_ground: 'unproven', decision_text: '违法事实不能成立' })
  // On the spot: 300 元 against 轻微 (0-2,000 incl. warning) is inside; a fine of 轻微 above its range is refused outright.
  const s = await fileCase(power, { procedure: 'simple', party_type: 'organisation' })
  const before = stored()
  // 2,500 元 is within 第51条's 3,000 for an organisation but above the 轻微 row's 2,000.
  const e = assertError(await c.act(s, 'decide_simple', 'scj.officer', { decided_on: '2026-03-05', penalty_kind: 'fine', fine_amount: 2500, benchmark_row_id: rowOf(bm, 'minor'), decision_text: '罚款', deviation_reason: '情节较重' }), 422, 'BAD_VALUE', 'fine_amount')
  assert.match(e.message, /当场处罚不得超出裁量基准/)
  assert.equal(stored(), before)
  await c.actOk(s, 'decide_simple', 'scj.officer', { decided_on: '2026-03-05', penalty_kind: 'fine', fine_amount: 300, benchmark_row_id: rowOf(bm, 'minor'), decision_text: '罚款三百元' })
  assert.equal((await c.detail(s)).case.fields.benchmark.decide.placement, 'inside')
})

test('statistics: decisions inside vs outside per agency; the figures equal their drill-down; another agency sees only its own', async () => {
  setup()
  const agency = await c.agencyOf('scj.clerk')
  const s = await c.get(`/api/enforcement/benchmarks/stats?year=2026`, { session: await c.login('legal') })
  assert.equal(s.status, 200, s.text)
  const row = s.json.agencies.find((x) => x.agency_id === agency)
  assert.ok(row, 'scj has decisions in 2026')
  const inDb = (p) => sqlNumber(c.db, "SELECT COUNT(*) FROM enf_penalty x JOIN case_record r ON r.case_id = x.case_id JOIN enf_penalty_benchmark k ON k.case_id = x.case_id AND k.step = 'decide'" +
    ` WHERE k.placement = '${p}' AND x.decided_on LIKE '2026-%' AND r.agency_id = ${agency}`)
  assert.equal(row.inside, inDb('inside'))
  assert.equal(row.outside, inDb('outside'))
  assert.ok(row.outside >= 1 && row.inside >= 1)
  for (const p of ['inside', 'outside']) {
    const f = await c.get(`/api/figures?year=2026&agency_id=${agency}`, { session: await c.login('legal') })
    assert.equal(f.status, 200, f.text)
    const fig = (f.json.items || f.json.figures || f.json).find((x) => x.name === `enforcement.benchmark.${p}`)
    assert.ok(fig, `figure enforcement.benchmark.${p}`)
    assert.equal(fig.value, row[p])
    const drill = await c.get(`/api/enforcement/penalties?decided_year=2026&benchmark=${p}&agency_id=${agency}&per_page=100`, { session: await c.login('legal') })
    assert.equal(drill.status, 200, drill.text)
    assert.equal(drill.json.total, row[p])
  }
  // Another agency's user: only its own agency, whatever it asks.
  const other = await c.get(`/api/enforcement/benchmarks/stats?year=2026&agency_id=${agency}`, { session: await c.login('cgj.clerk') })
  assert.equal(other.status, 200)
  assert.ok(!other.json.agencies.some((x) => x.agency_id === agency))
})

// ---- Excel ----------------------------------------------------------------------------------------

function zip (files) {
  const locals = []
  const central = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8')
    const nameBuf = Buffer.from(name, 'utf8')
    const crc = zlib.crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    locals.push(local, nameBuf, data)
    const cen = Buffer.alloc(46)
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(0x0800, 8)
    cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(data.length, 20); cen.writeUInt32LE(data.length, 24)
    cen.writeUInt16LE(nameBuf.length, 28); cen.writeUInt32LE(offset, 42)
    central.push(cen, nameBuf)
    offset += 30 + nameBuf.length + data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const colName = (i) => String.fromCharCode(65 + i)
function xlsx (rows) {
  const sheet = rows.map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => v == null ? ''
    : `<c r="${colName(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('') + '</row>').join('')
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  })
}
const HEAD = ['事项编码', '事项名称', '违法情节', '违法情形', '从轻、从重情节', '处罚种类', '罚款下限（元）', '罚款上限（元）', '可以不予处罚（首违不罚）', '裁量依据']

test('Excel: all-or-nothing import naming each bad row and column; dry run by default; export round trip', async () => {
  setup()
  const p1 = freshPower(BODY)
  const p2 = freshPower(BODY)
  const [[code1]] = sql(c.db, `SELECT code FROM enf_power WHERE item_id = ${p1}`)
  const [[code2]] = sql(c.db, `SELECT code FROM enf_power WHERE item_id = ${p2}`)
  const clerk = await c.login('scj.clerk')
  const post = (rows, q = '') => c.post(`/api/enforcement/benchmarks/import?body_id=${BODY}${q}`, xlsx(rows), { session: clerk, headers: { 'content-type': XLSX } })
  const good = [
    HEAD,
    [code1, null, '轻微', '首次违法及时改正', null, '警告；罚款', '0', '1000', '是', '《行政处罚法》第三十三条'],
    [code1, null, '一般', '一般情形', '初犯从轻', '罚款', '1000', '5000', '否', '《食品安全法》第一百二十六条'],
    [code2, null, '严重', '造成危害后果', null, '没收违法所得、没收非法财物；罚款', '20000', '50000', null, '《食品安全法》第一百二十四条'],
  ]
  const bad = [
    ...good,
    [code1, null, '很重', '情节不明', null, '罚款', '1', '2', null, '依据'],
    [code2, null, '一般', '幅度倒挂', null, '罚款', '9000', '800', null, '依据'],
    ['NO-SUCH-CODE', null, '一般', '编码错误', null, '罚款', '1', '2', null, '依据'],
    [code2, null, '较重', '种类错误', null, '拘留', null, null, null, '依据'],
    [code2, null, '一般', '不予处罚只适用于轻微', null, '罚款', '1', '2', '是', '依据'],
  ]
  const before = stored()
  const dry = await post(bad)
  assert.equal(dry.status, 200, dry.text)
  assert.equal(dry.json.imported, false)
  assert.deepEqual(dry.json.errors.map((e) => [e.row, e.column]), [[5, 'C'], [6, 'G'], [7, 'A'], [8, 'F'], [9, 'I']])
  assert.ok(dry.json.errors.every((e) => /\p{Script=Han}/u.test(e.message) && /\p{Script=Han}/u.test(e.label)))
  const refused = assertError(await post(bad, '&commit=1'), 422, 'BAD_VALUE', 'file')
  assert.match(refused.message, /共 5 处错误，未导入任何数据。第 5 行 C 列“违法情节”/)
  assert.equal(stored(), before)
  const ok = await post(good, '&commit=1')
  assert.equal(ok.status, 200, ok.text)
  assert.equal(ok.json.imported, true)
  assert.equal(ok.json.powers, 2)
  const list = await c.get(`/api/enforcement/benchmarks?power_id=${p1}`, { session: clerk })
  const bm = list.json.items[0]
  assert.equal(bm.status, 'draft')
  assert.deepEqual(bm.rows.map((r) => [r.level, r.kinds.join(','), r.fine_min, r.fine_max, r.no_penalty]),
    [['minor', 'warning,fine', 0, 1000, true], ['general', 'fine', 1000, 5000, false]])
  const b2 = (await c.get(`/api/enforcement/benchmarks?power_id=${p2}`, { session: clerk })).json.items[0]
  assert.deepEqual(b2.rows[0].kinds, ['confiscation', 'fine'])
  // Export, then import the export: the same rows again (the drafts rewritten, no new version).
  const x = await c.get(`/api/enforcement/benchmarks.xlsx?body_id=${BODY}`, { session: clerk })
  assert.equal(x.status, 200)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
  const again = await c.post(`/api/enforcement/benchmarks/import?body_id=${BODY}&commit=1`, x.bytes, { session: clerk, headers: { 'content-type': XLSX } })
  assert.equal(again.status, 200, again.text)
  assert.equal(again.json.invalid, 0)
  const after = (await c.get(`/api/enforcement/benchmarks?power_id=${p1}`, { session: clerk })).json.items[0]
  assert.equal(after.benchmark_id, bm.benchmark_id)
  assert.deepEqual(after.rows.map((r) => r.range_text), bm.rows.map((r) => r.range_text))
  // Another agency's clerk may not import into this body.
  assertError(await c.post(`/api/enforcement/benchmarks/import?body_id=${BODY}&commit=1`, xlsx(good), { session: await c.login('cgj.clerk'), headers: { 'content-type': XLSX } }), 422, 'BAD_VALUE', 'body_id')
})
