// Government contracts (法律事务 · 政府合同, docs/legal.md): registration refused field by field with
// nothing written; the legality review gate (no signing before a passed review, 不合法 back to
// drafting); the review period is the setting legal.contract_review_days in working days on the
// official calendar, also across 国庆节 2026; milestones drive the contract's clock and the
// reminder list; disputes; completion; another agency's clerk sees none of it.
//
// One database, servers on the days the story needs (FAZHI_TODAY).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'
import { PARTY, creditCode, addWorkdays, spansHoliday, newContract, submitContract, giveOpinion } from './legal_helpers.mjs'

const servers = []
let dir, db

async function on (day) {
  for (const s of servers.splice(0)) await s.stop({ keep: true })
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  servers.push(s)
  return new Client(s)
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM legal_contract), (SELECT COUNT(*) FROM legal_contract_party),' +
    ' (SELECT COUNT(*) FROM legal_milestone), (SELECT COUNT(*) FROM legal_dispute)')
  return row.join('|')
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)
const actions = (d) => d.actions.map((a) => a.name)

before(() => {
  dir = mkTemp('fazhi-legal-contract-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

let ID // the zjj contract followed through the story

test('registration: each missing or wrong field is 422 in Chinese naming it, and nothing is written', async () => {
  const c = await on('2026-09-28')
  const s = await c.login('zjj.clerk')
  const good = {
    title: '城区道路改造工程施工合同', kind: 'construction', amount: 12860000, planned_sign_on: '2026-10-20',
    subject: '青山县城区主干道路面改造。', counterparties: [PARTY],
  }
  const before = stored()
  const bad = [
    [{ title: '' }, 'title'], [{ title: undefined }, 'title'], [{ kind: 'gift' }, 'kind'], [{ amount: -5 }, 'amount'],
    [{ amount: '一千万' }, 'amount'], [{ planned_sign_on: '2026-02-30' }, 'planned_sign_on'], [{ subject: '' }, 'subject'],
    [{ counterparties: [] }, 'counterparties'], [{ counterparties: undefined }, 'counterparties'],
    [{ counterparties: [{ name: '某公司' }] }, 'counterparties'],
    [{ counterparties: [{ name: '某公司', credit_code: '91331100MA2A0B0C0X' }] }, 'counterparties'],
    [{ counterparties: [{ name: '某公司', credit_code: '12345' }] }, 'counterparties'],
    [{ counterparties: [PARTY, { ...PARTY, name: '重复' }] }, 'counterparties'],
  ]
  for (const [over, field] of bad) {
    const body = { ...good, ...over }
    for (const k of Object.keys(over)) if (over[k] === undefined) delete body[k]
    const r = await c.post('/api/legal/contracts', body, { session: s })
    assertError(r, 422, undefined, field)
  }
  // The check character of a credit code is verified: a wrong last character names the party.
  const wrong = PARTY.credit_code.slice(0, 17) + (PARTY.credit_code[17] === '0' ? '1' : '0')
  const r = await c.post('/api/legal/contracts', { ...good, counterparties: [{ name: '青山县路桥建设有限公司', credit_code: wrong }] }, { session: s })
  assertError(r, 422, 'BAD_VALUE', 'counterparties')
  assert.match(r.json.error.message, /青山县路桥建设有限公司/)
  // A clerk registers for its own agency only.
  const other = await c.agencyOf('scj.clerk')
  assert.notEqual((await c.post('/api/legal/contracts', { ...good, agency_id: other }, { session: s })).status, 201)
  assert.equal(stored(), before, 'refused registrations wrote nothing')
  // The county leader reads and writes nothing.
  assertError(await c.post('/api/legal/contracts', good, { session: await c.login('leader') }), 403, 'FORBIDDEN')
  // Two parties, both kept in order.
  const d = await newContract(c, 'zjj.clerk', { counterparties: [PARTY, { name: '青山县市政设计院', credit_code: creditCode('12331100MB1234567') }] })
  ID = d.case.case_id
  assert.equal(d.case.state, 'drafting')
  assert.equal(d.case.fields.amount, 12860000)
  assert.deepEqual(d.case.fields.counterparties.map((p) => p.seq), [1, 2])
  assert.equal(d.case.fields.counterparty_names, '青山县路桥建设有限公司；青山县市政设计院')
  assert.ok(!actions(d).includes('sign'), 'signing is not offered before the review')
})

test('the review gate: no signing before a passed review; 不合法 sends it back to drafting', async () => {
  const c = await on('2026-09-28')
  // Signing now is refused by state, and nothing is written.
  let before = stored()
  assertError(await c.act(ID, 'sign', 'zjj.clerk', { signed_on: '2026-09-28', signed_amount: 12860000 }), 409, 'STATE')
  // Only the agency's head (or the legal office) sends it to review.
  assertError(await c.act(ID, 'submit_review', 'zjj.clerk', { summary: '送审' }), 403, 'FORBIDDEN')
  assertError(await c.act(ID, 'submit_review', 'zjj.head', {}), 422, undefined, 'summary')
  assert.equal(stored(), before)
  const review = await submitContract(c, ID, 'zjj.head')
  assert.equal((await c.detail(ID)).case.state, 'in_review')
  assertError(await c.act(ID, 'sign', 'zjj.head', { signed_on: '2026-09-28', signed_amount: 1 }), 409, 'STATE')
  const rv = await c.detail(review)
  assert.equal(rv.case.fields.kind, 'contract')
  assert.equal(rv.case.fields.subject_case_id, ID)
  // 不合法: back to drafting, the opinion recorded on the contract; still no signing.
  await giveOpinion(c, review, 'unlawful')
  let d = await c.detail(ID)
  assert.equal(d.case.state, 'drafting')
  assert.equal(d.case.fields.review_opinion, 'unlawful')
  assert.equal(d.case.fields.review_opinion_label, '不合法')
  assert.equal(d.case.fields.reviewed_on, '2026-09-28')
  before = stored()
  assertError(await c.act(ID, 'sign', 'zjj.head', { signed_on: '2026-09-28', signed_amount: 1 }), 409, 'STATE')
  assert.equal(stored(), before)
  // Revised and sent again: a new review case.
  await c.actOk(ID, 'revise', 'zjj.clerk', { amount: 12500000, subject: '按审核意见修改违约责任条款。' })
  const second = await submitContract(c, ID, 'zjj.head')
  assert.notEqual(second, review)
  d = await c.detail(ID)
  assert.equal(d.case.fields.review_case_id, second)
  assert.equal(d.case.fields.review_opinion, undefined, 'the earlier opinion is cleared on resubmission')
  assert.equal(d.case.fields.review_due_date, clock(await c.detail(second), 'review').due_date, 'the contract shows its review’s due day')
})

test('the review period is legal.contract_review_days working days on the official calendar, across 国庆节 2026', async () => {
  const c = await on('2026-09-28')
  const head = await c.login('legalhead')
  const day = '2026-09-28'
  for (const days of [5, 3, 8]) {
    const put = await c.api('PUT', '/api/settings/legal.contract_review_days', { session: head, body: { value: days } })
    assert.equal(put.status, 200, put.text)
    const d = await newContract(c, 'scj.clerk', { title: `农贸市场改造监理服务合同（${days}）`, kind: 'service', amount: 386000 })
    const review = await submitContract(c, d.case.case_id, 'scj.head')
    const k = clock(await c.detail(review), 'review')
    const due = addWorkdays(day, days)
    assert.equal(k.days, days, `${days} WD`)
    assert.equal(k.due_date, due, `${days} WD from ${day}`)
    assert.match((await c.detail(review)).case.fields.kind_article, /政府合同/)
    if (days >= 3) assert.ok(spansHoliday(day, due), `${day}..${due} crosses 国庆节`)
  }
  // Five working days from 28 September end on the 国庆 make-up Saturday.
  assert.equal(addWorkdays(day, 5), '2026-10-10')
  // Outside the setting's range: refused naming the value.
  const bad = await c.api('PUT', '/api/settings/legal.contract_review_days', { session: head, body: { value: 99 } })
  assert.equal(bad.status, 422, bad.text)
  await c.api('PUT', '/api/settings/legal.contract_review_days', { session: head, body: { value: 5 } })
})

test('signing after 修改后合法: the date not before the opinion nor after today; the amount signed is kept', async () => {
  const c = await on('2026-10-09')
  const review = (await c.detail(ID)).case.fields.review_case_id
  await giveOpinion(c, review, 'lawful_if_amended')
  let d = await c.detail(ID)
  assert.equal(d.case.state, 'reviewed')
  assert.ok(actions(d).includes('sign'))
  const before = stored()
  assertError(await c.act(ID, 'sign', 'zjj.clerk', { signed_on: '2026-09-30', signed_amount: 12500000 }), 422, 'BAD_DATE', 'signed_on')
  assertError(await c.act(ID, 'sign', 'zjj.clerk', { signed_on: '2026-10-10', signed_amount: 12500000 }), 422, 'BAD_DATE', 'signed_on')
  assertError(await c.act(ID, 'sign', 'zjj.clerk', { signed_on: '2026-10-09' }), 422, undefined, 'signed_amount')
  // The amount reviewed (12,500,000 after the revision) is the most that may be signed.
  const reviewed = d.case.fields.amount
  assert.equal(reviewed, 12500000)
  const over = await c.act(ID, 'sign', 'zjj.clerk', { signed_on: '2026-10-09', signed_amount: reviewed + 1 })
  assertError(over, 422, 'BAD_VALUE', 'signed_amount')
  assert.match(over.json.error.message, /重新送审/)
  assert.equal(stored(), before)
  d = await c.actOk(ID, 'sign', 'zjj.clerk', { signed_on: '2026-10-09', signed_amount: 12480000 })
  assert.equal(d.case.state, 'performing')
  assert.equal(d.case.fields.signed_amount, 12480000)
  assert.equal(d.case.fields.signed_on, '2026-10-09')
})

test('milestones: the nearest open one is the contract’s due day and is reminded within the window', async () => {
  let c = await on('2026-10-09')
  const s = await c.login('zjj.clerk')
  const add = (body) => c.post(`/api/legal/contracts/${ID}/milestones`, body, { session: s })
  assertError(await add({ title: '', due_on: '2026-10-15' }), 422, undefined, 'title')
  assertError(await add({ title: '开工', due_on: '2025-01-01' }), 422, 'BAD_DATE', 'due_on')
  for (const [title, due_on] of [['路面铣刨完成', '2026-10-15'], ['管网铺设完成', '2026-11-30'], ['竣工验收', '2026-12-28']]) {
    const r = await add({ title, due_on, amount: 3000000 })
    assert.equal(r.status, 201, r.text)
  }
  let d = await c.detail(ID)
  assert.equal(d.case.due_date, '2026-10-15')
  assert.equal(clock(d, 'milestone').due_date, '2026-10-15')
  assert.match(clock(d, 'milestone').article, /履行/)
  const window = d.case.fields.milestone_remind_days
  assert.equal(window, 10)
  // The rule: an open milestone is reminded when due within the window (or overdue), on any day.
  const remind = async (client) => {
    const r = await client.get(`/api/legal/milestones?remind=1&case_id=${ID}`, { session: await client.login('zjj.clerk') })
    assert.equal(r.status, 200, r.text)
    return r.json.items.map((m) => m.title)
  }
  assert.deepEqual(await remind(c), ['路面铣刨完成'])
  for (const m of d.case.fields.milestones) {
    const left = (Date.parse(m.due_on) - Date.parse('2026-10-09')) / 86400000
    assert.equal(m.days_left, left)
    assert.equal(m.remind, left <= window, m.title)
  }
  // Another agency's clerk: the contract and its milestones are missing to it.
  const other = await c.login('scj.clerk')
  assertError(await c.get(`/api/cases/${ID}`, { session: other }), 404)
  assertError(await c.post(`/api/legal/contracts/${ID}/milestones`, { title: 'x', due_on: '2026-10-20' }, { session: other }), 404)
  assertError(await c.post(`/api/legal/contracts/${ID}/milestones/1/done`, { done_on: '2026-10-09' }, { session: other }), 404)
  const list = await c.get('/api/legal/milestones?per_page=100', { session: other })
  assert.ok(!list.json.items.some((m) => m.case_id === ID))
  assert.ok(!(await c.get('/api/legal/contracts?per_page=100', { session: other })).json.items.some((x) => x.case_id === ID))
  // 待履行 (open=1): the open milestones of contracts in performance only, never a terminated contract's.
  const open = (await c.get('/api/legal/milestones?open=1&per_page=100', { session: await c.login('legal') })).json.items
  assert.ok(open.length >= 1)
  const states = new Map(sql(db, 'SELECT case_id, state FROM case_record WHERE case_type = \'legal_contract\'').map(([id, st]) => [Number(id), st]))
  for (const m of open) assert.ok(['performing', 'disputed'].includes(states.get(m.case_id)), `${m.case_id} ${states.get(m.case_id)}`)
  // (The demo county has a terminated contract with a milestone left undone: the rule is exercised.)
  assert.ok(Number(sql(db, "SELECT COUNT(*) FROM legal_milestone m JOIN case_record c ON c.case_id = m.case_id WHERE m.done_on IS NULL AND c.state = 'terminated'")[0][0]) >= 1)

  // A week later the first is overdue: red, reminded; done, the clock moves to the next.
  c = await on('2026-10-16')
  d = await c.detail(ID)
  assert.equal(clock(d, 'milestone').status, 'red')
  assert.deepEqual(await remind(c), ['路面铣刨完成'])
  const done = (seq, body) => c.post(`/api/legal/contracts/${ID}/milestones/${seq}/done`, body, { session: s2 })
  const s2 = await c.login('zjj.clerk')
  assertError(await done(1, { done_on: '2026-10-17' }), 422, 'BAD_DATE', 'done_on')
  assertError(await done(9, { done_on: '2026-10-16' }), 422, 'BAD_VALUE', 'seq')
  assert.equal((await done(1, { done_on: '2026-10-16', note: '按期完成' })).status, 200)
  assertError(await done(1, { done_on: '2026-10-16' }), 409, 'STATE')
  d = await c.detail(ID)
  assert.equal(d.case.due_date, '2026-11-30')
  assert.deepEqual(await remind(c), [])
  // Completion waits for every milestone.
  assertError(await c.act(ID, 'complete', 'zjj.clerk', { completed_on: '2026-10-16' }), 409, 'STATE')
})

test('a dispute and its outcome; the last milestone stops the clock; completion', async () => {
  let c = await on('2026-11-23')
  const s = await c.login('zjj.clerk')
  assert.deepEqual((await c.get(`/api/legal/milestones?remind=1&case_id=${ID}`, { session: s })).json.items.map((m) => m.title), ['管网铺设完成'])
  assertError(await c.act(ID, 'dispute', 'zjj.clerk', { kind: 'arbitration', raised_on: '2026-10-01', summary: '工期' }), 422, 'BAD_DATE', 'raised_on')
  let d = await c.actOk(ID, 'dispute', 'zjj.clerk', { kind: 'mediation', raised_on: '2026-11-20', summary: '施工方主张因雨季顺延工期。' })
  assert.equal(d.case.state, 'disputed')
  assertError(await c.act(ID, 'resolve_dispute', 'zjj.clerk', { outcome: 'mediated', resolved_on: '2026-11-19', outcome_note: '调解' }), 422, 'BAD_DATE', 'resolved_on')
  d = await c.actOk(ID, 'resolve_dispute', 'zjj.clerk', { outcome: 'mediated', resolved_on: '2026-11-23', outcome_note: '经县人民调解委员会调解，工期顺延 10 日。' })
  assert.equal(d.case.state, 'performing')
  assert.equal(d.case.fields.disputes[0].outcome_label, '调解结案')
  for (const seq of [2, 3]) {
    const r = await c.post(`/api/legal/contracts/${ID}/milestones/${seq}/done`, { done_on: '2026-11-23' }, { session: s })
    assert.equal(r.status, 200, r.text)
  }
  d = await c.detail(ID)
  assert.equal(clock(d, 'milestone').state, 'stopped')
  assert.equal(d.case.due_date, null)
  assert.ok(d.events.some((e) => e.action === 'milestones_clear'))
  d = await c.actOk(ID, 'complete', 'zjj.clerk', { completed_on: '2026-11-23', note: '工程竣工验收合格。' })
  assert.equal(d.case.state, 'completed')
  // The register: the contract with its amounts, parties and dates, in the list and its export.
  const l = await c.get(`/api/legal/contracts?signed_year=2026&q=${encodeURIComponent('城区道路')}`, { session: s })
  const row = l.json.items.find((x) => x.case_id === ID)
  assert.equal(row.amount, 12500000)
  assert.equal(row.signed_amount, 12480000)
  assert.equal(row.disputes, 1)
  assert.match(row.counterparty_names, /路桥/)
  // The register's totals are those of every contract the filters select, not only the page's.
  const all = await c.get('/api/legal/contracts?per_page=100', { session: await c.login('legal') })
  assert.equal(all.json.amount_total, all.json.items.reduce((t, x) => t + x.amount, 0))
  assert.equal(all.json.signed_amount_total, all.json.items.reduce((t, x) => t + (x.signed_amount || 0), 0))
  const page = await c.get('/api/legal/contracts?per_page=2', { session: await c.login('legal') })
  assert.equal(page.json.amount_total, all.json.amount_total)
  const mine = await c.get('/api/legal/contracts?per_page=100', { session: s })
  assert.equal(mine.json.amount_total, mine.json.items.reduce((t, x) => t + x.amount, 0), 'an agency’s totals are its own')
  const x = await c.get(`/api/legal/contracts.xlsx?signed_year=2026`, { session: s })
  assert.equal(x.status, 200)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
  c = null
})
