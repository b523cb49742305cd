// Objections to normative documents (审查建议, issue 11 point 10): a citizen or a company asks on the
// portal for a document to be reviewed and gets a tracking code; the case is registered with the
// legal office, on a clock of 60 calendar days (setting normative.objection_days) that ends on the
// next working day when its last day is a holiday; the office accepts it (or declines, 不予受理,
// with the reason), replies with the outcome, and publishes the outcome without the applicant's name.
//
// Days counted by hand from data/cn-calendar.csv:
//   2025-09-28 (a make-up working Sunday) + 60 days = 2025-11-27 (Thu), across 国庆 10-01..10-08.
//   2025-12-18 + 60 days = 2026-02-16, inside 春节 02-15..02-23: the next working day, 2026-02-24.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'
import { issueDoc } from './norm_helpers.mjs'

const servers = []
let dir, db

async function on (day, env = {}) {
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day, ...env } })
  servers.push(s)
  return new Client(s)
}
async function done (c) {
  servers.splice(servers.indexOf(c.server), 1)
  await c.server.stop({ keep: true })
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM norm_objection),' +
    " (SELECT group_concat(COALESCE(outcome, '-') || COALESCE(reply, '-') || COALESCE(published_on, '-')) FROM norm_objection)," +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'norm_objection')")
  return row.join('|')
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

before(() => {
  dir = mkTemp('fazhi-normo-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

let DOC
test('a document in the library to object to', async () => {
  const c = await on('2025-09-26')
  try {
    DOC = await issueDoc(c, db, 'scj.clerk', '青山县农贸市场经营秩序管理办法', { day: '2025-09-26' })
  } finally { await done(c) }
})

const INPUT = {
  applicant: '张三丰', applicant_type: 'person', contact: '13800000001',
  content: '该办法第三条规定摊位管理费，没有法律依据，请予审查。',
}

let ID, CODE
test('the public submits an objection: each missing field named, nothing written; a tracking code and a 60-day clock across 国庆 2025', async () => {
  const c = await on('2025-09-28')
  try {
    const before = stored()
    for (const f of ['applicant', 'applicant_type', 'contact', 'content']) {
      const { [f]: _, ...rest } = { ...INPUT, doc_id: DOC.doc_id }
      assertError(await c.post('/api/public/normative/objections', rest), 422, 'MISSING_FIELD', f)
      assertError(await c.post('/api/public/normative/objections', { ...rest, [f]: '' }), 422, undefined, f)
    }
    // The document: one in the library, or its title; neither is named.
    assertError(await c.post('/api/public/normative/objections', INPUT), 422, 'MISSING_FIELD', 'doc_title')
    assertError(await c.post('/api/public/normative/objections', { ...INPUT, doc_title: '   ' }), 422, 'MISSING_FIELD', 'doc_title')
    assertError(await c.post('/api/public/normative/objections', { ...INPUT, doc_id: 999999 }), 422, 'BAD_VALUE', 'doc_id')
    assertError(await c.post('/api/public/normative/objections', { ...INPUT, doc_id: DOC.doc_id, applicant_type: 'company' }), 422, 'BAD_VALUE', 'applicant_type')
    assert.equal(stored(), before)
    const r = await c.post('/api/public/normative/objections', { ...INPUT, doc_id: DOC.doc_id })
    assert.equal(r.status, 201, r.text)
    assert.match(r.json.tracking_code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    assert.equal(r.json.received_on, '2025-09-28')
    assert.equal(r.json.due_date, '2025-11-27')
    CODE = r.json.tracking_code
    const t = await c.get(`/api/public/normative/objections/${CODE}`)
    assert.equal(t.status, 200, t.text)
    assert.equal(t.json.state_label, '已收到')
    assert.equal(t.json.due_date, '2025-11-27')
    assert.match(t.json.doc_title, /青山县农贸市场经营秩序管理办法（青政规〔2025〕\d+号）/)
    assert.deepEqual(t.json.timeline.map((x) => x.label), ['审查建议已收到'])
    assert.ok(!JSON.stringify(t.json).includes('13800000001'), 'the tracking page shows no contact')
    assertError(await c.get('/api/public/normative/objections/AAAA-BBBB-CCCC'), 404, 'NOT_FOUND', 'code')
    // The case: the legal office's, with its clock and article; an agency does not see it.
    ID = Number(sql(db, `SELECT case_id FROM case_record WHERE tracking_code = '${CODE.replaceAll('-', '')}' OR tracking_code = '${CODE}'`)[0][0])
    const d = await c.detail(ID, 'legal')
    assert.equal(d.case.case_type, 'norm_objection')
    assert.equal(d.case.title, '关于《青山县农贸市场经营秩序管理办法》的审查建议')
    assert.equal(d.case.agency_id, Number(sql(db, "SELECT agency_id FROM agency WHERE kind = 'legal_office'")[0][0]))
    assert.equal(clock(d, 'reply').due_date, '2025-11-27')
    assert.match(JSON.stringify(clock(d, 'reply')), /60 日/)
    assert.equal(d.case.fields.applicant, '张三丰')
    assert.equal(d.case.fields.doc_id, DOC.doc_id)
    assert.equal((await c.get(`/api/cases/${ID}`, { session: await c.login('scj.clerk') })).status, 404)
    const list = await c.get('/api/normative/objections', { session: await c.login('scj.clerk') })
    assert.equal(list.status, 200)
    assert.ok(!list.json.items.some((x) => x.case_id === ID), 'an agency does not list the office’s objections')
    assert.ok((await c.get('/api/normative/objections?year=2025', { session: await c.login('legal') })).json.items.some((x) => x.case_id === ID))
  } finally { await done(c) }
})

test('accept, then reply: the outcome is required and named; the clock stops; the tracking page shows the outcome', async () => {
  const c = await on('2025-10-20')
  try {
    let before = stored()
    assertError(await c.act(ID, 'reply', 'legal', { outcome: 'corrected', reply: '已督促纠正。' }), 409, 'STATE')
    assertError(await c.act(ID, 'accept', 'scj.clerk'), 404)
    assert.equal(stored(), before)
    await c.actOk(ID, 'accept', 'legal')
    assert.equal((await c.get(`/api/public/normative/objections/${CODE}`)).json.state_label, '审查中')
    before = stored()
    assertError(await c.act(ID, 'reply', 'legal', { reply: '经审查，已督促制定机关纠正。' }), 422, 'MISSING_FIELD', 'outcome')
    assertError(await c.act(ID, 'reply', 'legal', { outcome: 'corrected' }), 422, 'MISSING_FIELD', 'reply')
    assertError(await c.act(ID, 'reply', 'legal', { outcome: 'fine', reply: '……' }), 422, 'BAD_VALUE', 'outcome')
    assertError(await c.act(ID, 'publish', 'legal'), 409, 'STATE')
    assert.equal(stored(), before)
    const d = await c.actOk(ID, 'reply', 'legal', { outcome: 'corrected', reply: '经审查，第三条收费缺乏依据，已督促制定机关删除。' })
    assert.equal(d.case.state, 'replied')
    assert.equal(d.case.fields.outcome_label, '已督促纠正')
    assert.equal(d.case.fields.replied_on, '2025-10-20')
    // Replied on the 22nd day of 60: the clock stops there.
    assert.equal(clock(d, 'reply').status, 'stopped')
    assert.equal(clock(d, 'reply').stopped_on_day, 22)
    const t = (await c.get(`/api/public/normative/objections/${CODE}`)).json
    assert.equal(t.outcome_label, '已督促纠正')
    assert.match(t.reply, /已督促制定机关删除/)
    assert.deepEqual(t.timeline.map((x) => x.label), ['审查建议已收到', '已受理，正在审查', '已答复'])
  } finally { await done(c) }
})

test('the outcome is published without the applicant’s name; only published ones are listed', async () => {
  const c = await on('2025-10-21')
  try {
    // A company's objection by title, not accepted, with the reason.
    const r = await c.post('/api/public/normative/objections', {
      applicant: '青山县绿源农业有限公司', applicant_type: 'organisation', contact: 'lvyuan@example.cn',
      doc_title: '关于规范农资经营的通知', content: '通知要求农资经营者缴纳保证金，请予审查。',
    })
    assert.equal(r.status, 201, r.text)
    const other = Number(sql(db, "SELECT case_id FROM norm_objection WHERE applicant = '青山县绿源农业有限公司'")[0][0])
    assert.equal((await c.detail(other)).case.title, '关于《关于规范农资经营的通知》的审查建议')
    assert.ok(!(await c.get('/api/public/normative/objections')).json.items.length, 'nothing published yet')
    assertError(await c.act(other, 'reject', 'legal', {}), 422, 'MISSING_FIELD', 'reason')
    let d = await c.actOk(other, 'reject', 'legal', { reason: '所涉文件为乡镇内部工作通知，不属于行政规范性文件审查范围。' })
    assert.equal(d.case.state, 'replied')
    assert.equal(d.case.fields.outcome_label, '不予受理')
    await c.actOk(ID, 'publish', 'legal')
    d = await c.actOk(other, 'publish', 'legal')
    assert.equal(d.case.state, 'published')
    const list = (await c.get('/api/public/normative/objections')).json
    assert.equal(list.total, 2)
    const byOutcome = Object.fromEntries(list.items.map((x) => [x.outcome, x]))
    assert.equal(byOutcome.corrected.applicant, '张**')
    assert.equal(byOutcome.not_accepted.applicant, '青山****')
    assert.equal(byOutcome.not_accepted.outcome_label, '不予受理')
    assert.match(byOutcome.not_accepted.reply, /不属于行政规范性文件审查范围/)
    assert.ok(!JSON.stringify(list).includes('张三丰') && !JSON.stringify(list).includes('绿源') && !JSON.stringify(list).includes('13800000001'))
    assert.equal((await c.get(`/api/public/normative/objections?doc_id=${DOC.doc_id}`)).json.total, 1)
  } finally { await done(c) }
})

test('an objection received before 春节 2026: the 60th day falls in the holiday and moves to the next working day', async () => {
  const c = await on('2025-12-18')
  try {
    const r = await c.post('/api/public/normative/objections', { ...INPUT, applicant: '李四', doc_title: '青山县某某管理规定' })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.due_date, '2026-02-24')
    assert.equal((await c.get(`/api/public/normative/objections/${r.json.tracking_code}`)).json.due_date, '2026-02-24')
  } finally { await done(c) }
})

test('the public form is rate-limited like the mailbox’s', async () => {
  const c = await on('2025-12-19', { FAZHI_PUBLIC_RATE: '2' })
  try {
    const body = { ...INPUT, doc_title: '青山县某某管理规定' }
    assert.equal((await c.post('/api/public/normative/objections', body)).status, 201)
    assert.equal((await c.post('/api/public/normative/objections', body)).status, 201)
    const before = stored()
    assertError(await c.post('/api/public/normative/objections', body), 429)
    assert.equal(stored(), before)
  } finally { await done(c) }
})
