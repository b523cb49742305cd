// Cleanup campaigns of normative documents (清理, issue 11 point 9): the legal office opens a
// campaign, every document in force that day is listed to its agency, each agency decides its own
// (保留 / 修改 / 废止 / 宣布失效, with a reason), the office follows the progress per agency and closes
// the campaign once every document is decided; closing ends the repealed and invalid documents that
// day (a version of kind repeal / lapse) and marks the amended ones; the counts are published on the
// portal with the list of repealed and invalid documents.
//
// What a user checks: refusals name the field and write nothing; an agency sees and decides only
// its own documents (another agency's answers like a missing one); closing with open documents is
// refused with their number; the portal shows nothing before publication.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'
import { issueDoc } from './norm_helpers.mjs'

const servers = []
let dir, db

async function on (day) {
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  servers.push(s)
  return new Client(s)
}
async function done (c) {
  servers.splice(servers.indexOf(c.server), 1)
  await c.server.stop({ keep: true })
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM norm_campaign),' +
    ' (SELECT COUNT(*) FROM norm_campaign_item), (SELECT COUNT(*) FROM norm_version),' +
    " (SELECT group_concat(COALESCE(decision, '-') || COALESCE(reason, '-')) FROM norm_campaign_item)," +
    " (SELECT group_concat(status || COALESCE(ended_on, '-')) FROM norm_document)," +
    " (SELECT group_concat(status || COALESCE(closed_on, '-') || COALESCE(published_on, '-')) FROM norm_campaign)")
  return row.join('|')
}

before(() => {
  dir = mkTemp('fazhi-normc-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

const DOC = {}
// The demo county's documents in force (by agency) besides this file's four, kept by the office in the campaign.
const BASE = { all: 0, by: {} }
test('documents of two agencies issued through the drafting routes', async () => {
  const c = await on('2026-03-02')
  try {
    const inForce = () => Number(sql(db, "SELECT COUNT(*) FROM norm_document WHERE status = 'in_force'")[0][0])
    const before = inForce()
    DOC.a = await issueDoc(c, db, 'scj.clerk', '青山县集贸市场摊位管理办法', { day: '2026-03-02' })
    DOC.b = await issueDoc(c, db, 'scj.clerk', '青山县早餐工程扶持暂行办法', { day: '2026-03-02' })
    DOC.c = await issueDoc(c, db, 'scj.clerk', '青山县个体工商户登记服务规定', { day: '2026-03-02' })
    DOC.d = await issueDoc(c, db, 'zjj.clerk', '青山县农村建房管理办法', { day: '2026-03-02' })
    for (const d of Object.values(DOC)) assert.ok(d.doc_id, JSON.stringify(d))
    assert.equal(inForce(), before + 4)
  } finally { await done(c) }
})

let CID
const INPUT = { name: '2026年度规范性文件清理', basis: '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）', due_on: '2026-06-30' }
test('the legal office opens a campaign; every document in force is listed to its agency; refusals write nothing', async () => {
  const c = await on('2026-06-01')
  try {
    const legal = await c.login('legal')
    let before = stored()
    assertError(await c.post('/api/normative/campaigns', INPUT, { session: await c.login('scj.clerk') }), 403)
    assertError(await c.post('/api/normative/campaigns', { ...INPUT, name: '' }, { session: legal }), 422, 'MISSING_FIELD', 'name')
    assertError(await c.post('/api/normative/campaigns', { ...INPUT, basis: undefined }, { session: legal }), 422, 'MISSING_FIELD', 'basis')
    assertError(await c.post('/api/normative/campaigns', { ...INPUT, due_on: '2026-05-31' }, { session: legal }), 422, 'BAD_DATE', 'due_on')
    assertError(await c.post('/api/normative/campaigns', { ...INPUT, due_on: '2026-02-30' }, { session: legal }), 422, 'BAD_DATE', 'due_on')
    assert.equal(stored(), before)
    const r = await c.post('/api/normative/campaigns', INPUT, { session: legal })
    assert.equal(r.status, 201, r.text)
    CID = r.json.campaign_id
    const ours = new Set(Object.values(DOC).map((d) => d.doc_id))
    for (const x of r.json.items) {
      if (ours.has(x.doc_id)) continue
      BASE.all++
      BASE.by[x.agency_id] = (BASE.by[x.agency_id] || 0) + 1
    }
    assert.equal(r.json.status, 'open')
    assert.equal(r.json.opened_on, '2026-06-01')
    const inForce = Number(sql(db, "SELECT COUNT(*) FROM norm_document WHERE status = 'in_force'")[0][0])
    assert.equal(r.json.counts.reviewed, inForce)
    assert.equal(r.json.counts.decided, 0)
    assert.equal(r.json.items.length, inForce)
    const scj = await c.agencyOf('scj.clerk')
    const zjj = await c.agencyOf('zjj.clerk')
    const byAgency = Object.fromEntries(r.json.agencies.map((a) => [a.agency_id, a.reviewed]))
    assert.equal(byAgency[scj], 3 + (BASE.by[scj] || 0))
    assert.equal(byAgency[zjj], 1 + (BASE.by[zjj] || 0))
    assert.equal(r.json.items.find((x) => x.doc_id === DOC.d.doc_id).agency_id, zjj)
    // A second campaign while one is open: refused.
    before = stored()
    const again = await c.post('/api/normative/campaigns', { ...INPUT, name: '另一次清理' }, { session: legal })
    assertError(again, 409, 'STATE')
    assert.match(again.json.error.message, /2026年度规范性文件清理/)
    assert.equal(stored(), before)
  } finally { await done(c) }
})

test('each agency sees and decides only its own documents; another agency’s answers like a missing one', async () => {
  const c = await on('2026-06-05')
  try {
    const scjS = await c.login('scj.clerk')
    const zjjS = await c.login('zjj.clerk')
    const mine = (await c.get(`/api/normative/campaigns/${CID}`, { session: scjS })).json
    const scjId = await c.agencyOf('scj.clerk')
    const zjjId = await c.agencyOf('zjj.clerk')
    assert.ok(mine.items.every((x) => x.agency_id === scjId), 'only its own documents')
    for (const d of [DOC.a, DOC.b, DOC.c]) assert.ok(mine.items.some((x) => x.doc_id === d.doc_id))
    assert.ok(!mine.items.some((x) => x.doc_id === DOC.d.doc_id))
    assert.equal(mine.agencies.length, 1)
    assert.equal(mine.counts.reviewed, 3 + (BASE.by[scjId] || 0))
    const list = (await c.get('/api/normative/campaigns', { session: zjjS })).json
    assert.equal(list.items.find((x) => x.campaign_id === CID).counts.reviewed, 1 + (BASE.by[zjjId] || 0), 'zjj counts only its own documents')
    const before = stored()
    const url = (doc) => `/api/normative/campaigns/${CID}/items/${doc}`
    const foreign = await c.post(url(DOC.a.doc_id), { decision: 'keep', reason: '继续有效' }, { session: zjjS })
    const missing = await c.post(url(999999), { decision: 'keep', reason: '继续有效' }, { session: zjjS })
    assertError(foreign, 404)
    assert.deepEqual(foreign.json, missing.json)
    assertError(await c.post(`/api/normative/campaigns/999999/items/${DOC.d.doc_id}`, { decision: 'keep', reason: '继续有效' }, { session: zjjS }), 404)
    // The decision and its reason are required; an unknown decision is named.
    assertError(await c.post(url(DOC.d.doc_id), { decision: 'keep' }, { session: zjjS }), 422, 'MISSING_FIELD', 'reason')
    assertError(await c.post(url(DOC.d.doc_id), { reason: '继续有效' }, { session: zjjS }), 422, 'MISSING_FIELD', 'decision')
    assertError(await c.post(url(DOC.d.doc_id), { decision: 'abolish', reason: '继续有效' }, { session: zjjS }), 422, 'BAD_VALUE', 'decision')
    assertError(await c.post(url(DOC.d.doc_id), { decision: 'keep', reason: '继续有效' }, { session: await c.login('leader') }), 403)
    assert.equal(stored(), before)
    // Decisions: zjj keeps its document; scj repeals one, declares one invalid, and amends one.
    let r = await c.post(url(DOC.d.doc_id), { decision: 'keep', reason: '符合上位法，继续有效' }, { session: zjjS })
    assert.equal(r.status, 200, r.text)
    const kept = r.json.items.find((x) => x.doc_id === DOC.d.doc_id)
    assert.equal(kept.decision_label, '保留')
    assert.equal(kept.decided_on, '2026-06-05')
    await c.post(url(DOC.a.doc_id), { decision: 'amend', reason: '摊位费标准需调整' }, { session: scjS })
    r = await c.post(url(DOC.b.doc_id), { decision: 'declare_invalid', reason: '扶持期限已届满' }, { session: scjS })
    assert.equal(r.json.counts.decided, 2)
    // The office's view: progress per agency.
    const office = (await c.get(`/api/normative/campaigns/${CID}`, { session: await c.login('legal') })).json
    const scj = await c.agencyOf('scj.clerk')
    const row = office.agencies.find((a) => a.agency_id === scj)
    assert.deepEqual([row.reviewed, row.decided, row.amended, row.declared_invalid], [3 + (BASE.by[scj] || 0), 2, 1, 1])
    assert.equal(office.counts.decided, 3)
  } finally { await done(c) }
})

test('closing with documents undecided is refused naming how many; closing applies the decisions', async () => {
  const c = await on('2026-06-15')
  try {
    const legal = await c.login('legal')
    // The office keeps the demo county's other documents, so one of this file's is left open.
    const ours = new Set(Object.values(DOC).map((d) => d.doc_id))
    for (const x of (await c.get(`/api/normative/campaigns/${CID}`, { session: legal })).json.items) {
      if (ours.has(x.doc_id) || x.decision) continue
      const k = await c.post(`/api/normative/campaigns/${CID}/items/${x.doc_id}`, { decision: 'keep', reason: '继续有效' }, { session: legal })
      assert.equal(k.status, 200, k.text)
    }
    let before = stored()
    const early = await c.post(`/api/normative/campaigns/${CID}/close`, {}, { session: legal })
    assertError(early, 409, 'STATE')
    assert.match(early.json.error.message, /尚有 1 件/)
    assertError(await c.post(`/api/normative/campaigns/${CID}/close`, {}, { session: await c.login('scj.head') }), 403)
    assertError(await c.post(`/api/normative/campaigns/${CID}/publish`, {}, { session: legal }), 409, 'STATE')
    assert.equal(stored(), before)
    const decided = await c.post(`/api/normative/campaigns/${CID}/items/${DOC.c.doc_id}`,
      { decision: 'repeal', reason: '上位法已废止，本规定失去依据' }, { session: await c.login('scj.head') })
    assert.equal(decided.status, 200, decided.text)
    const r = await c.post(`/api/normative/campaigns/${CID}/close`, {}, { session: legal })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.status, 'closed')
    assert.equal(r.json.closed_on, '2026-06-15')
    assert.deepEqual(r.json.counts, { reviewed: 4 + BASE.all, decided: 4 + BASE.all, kept: 1 + BASE.all, amended: 1, repealed: 1, declared_invalid: 1 })
    // 废止: repealed today; 宣布失效: lapsed today; the version in force closes, a version records the end.
    const docs = Object.fromEntries(sql(db, 'SELECT doc_id, status, ended_on, end_reason, amend_campaign_id FROM norm_document')
      .map(([id, ...rest]) => [Number(id), rest]))
    assert.deepEqual(docs[DOC.c.doc_id].slice(0, 2), ['repealed', '2026-06-15'])
    assert.match(docs[DOC.c.doc_id][2], /2026年度规范性文件清理/)
    assert.deepEqual(docs[DOC.b.doc_id].slice(0, 2), ['lapsed', '2026-06-15'])
    assert.deepEqual(docs[DOC.a.doc_id].slice(0, 2), ['in_force', ''])
    assert.equal(docs[DOC.a.doc_id][3], String(CID), 'amend marks the document for amendment')
    assert.deepEqual(docs[DOC.d.doc_id].slice(0, 2), ['in_force', ''])
    assert.deepEqual(sql(db, `SELECT seq, kind, effective_from, effective_to FROM norm_version WHERE doc_id = ${DOC.c.doc_id} ORDER BY seq`),
      [['1', 'original', '2026-03-02', '2026-06-15'], ['2', 'repeal', '2026-06-15', '']])
    // The closing version keeps the last text, as a repeal does, and says why; it is the document's current version.
    const [[kind, summary, same]] = sql(db, `SELECT v.kind, v.change_summary, v.body = (SELECT body FROM norm_version WHERE doc_id = v.doc_id AND seq = 1)
      FROM norm_version v WHERE v.doc_id = ${DOC.b.doc_id} AND v.seq = 2`)
    assert.equal(kind, 'lapse')
    assert.equal(summary, '经“2026年度规范性文件清理”清理，决定宣布失效。理由：扶持期限已届满')
    assert.equal(same, '1')
    assert.equal(sql(db, `SELECT d.current_version_id = v.version_id FROM norm_document d JOIN norm_version v ON v.doc_id = d.doc_id AND v.seq = 2 WHERE d.doc_id = ${DOC.c.doc_id}`)[0][0], '1')
    assert.equal(sql(db, `SELECT COUNT(*) FROM norm_version WHERE doc_id IN (${DOC.a.doc_id}, ${DOC.d.doc_id})`)[0][0], '2')
    // Nothing can be decided any more.
    before = stored()
    assertError(await c.post(`/api/normative/campaigns/${CID}/items/${DOC.d.doc_id}`, { decision: 'repeal', reason: '改变主意' }, { session: await c.login('zjj.clerk') }), 409, 'STATE')
    assertError(await c.post(`/api/normative/campaigns/${CID}/close`, {}, { session: legal }), 409, 'STATE')
    assert.equal(stored(), before)
    // A new campaign now lists only what is still in force.
    const next = await c.post('/api/normative/campaigns', { ...INPUT, name: '2026年专项清理', due_on: '2026-12-31' }, { session: legal })
    assert.equal(next.status, 201, next.text)
    assert.deepEqual(next.json.items.map((x) => x.doc_id).filter((id) => Object.values(DOC).some((d) => d.doc_id === id)).sort(),
      [DOC.a.doc_id, DOC.d.doc_id].sort())
  } finally { await done(c) }
})

test('the counts are published on the portal with the repealed and invalid documents, not before', async () => {
  const c = await on('2026-06-16')
  try {
    assert.ok(!(await c.get('/api/public/normative/campaigns')).json.items.some((x) => x.campaign_id === CID))
    assertError(await c.get(`/api/public/normative/campaigns/${CID}`), 404)
    const r = await c.post(`/api/normative/campaigns/${CID}/publish`, {}, { session: await c.login('legal') })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.published_on, '2026-06-16')
    assertError(await c.post(`/api/normative/campaigns/${CID}/publish`, {}, { session: await c.login('legal') }), 409, 'STATE')
    const list = (await c.get('/api/public/normative/campaigns')).json.items
    const mine = list.find((x) => x.campaign_id === CID)
    assert.deepEqual(mine.counts, { reviewed: 4 + BASE.all, decided: 4 + BASE.all, kept: 1 + BASE.all, amended: 1, repealed: 1, declared_invalid: 1 })
    assert.ok(!list.some((x) => x.status !== 'published'), 'only published campaigns')
    const one = (await c.get(`/api/public/normative/campaigns/${CID}`)).json
    assert.deepEqual(one.items.map((x) => [x.title, x.decision_label]).sort(),
      [['青山县个体工商户登记服务规定', '废止'], ['青山县早餐工程扶持暂行办法', '宣布失效']])
    assert.equal(one.agencies.length, new Set([await c.agencyOf('scj.clerk'), await c.agencyOf('zjj.clerk'), ...Object.keys(BASE.by).map(Number)]).size)
    assert.ok(!('doc_status' in one.items[0]))
    // The library says the same: declared invalid from the closing day, in force the day before; repealed likewise.
    const on = async (doc, day) => (await c.get(`/api/public/normative/documents/${doc.doc_id}?on=${day}`)).json.on
    assert.equal((await on(DOC.b, '2026-06-14')).status, 'in_force')
    const lapsed = await on(DOC.b, '2026-06-15')
    assert.equal(lapsed.status, 'lapsed')
    assert.equal((await on(DOC.c, '2026-06-15')).status, 'repealed')
  } finally { await done(c) }
})
