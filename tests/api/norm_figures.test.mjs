// Normative documents in figures (issue 11, "Reports, figures, screens"): the named yearly figures
// that the disclosure report's table 二 reads (issued, repealed, in force at the year's end) and the
// annual rule-of-law report reads (reviewed, filed, filed on time, corrected, cleanup counts,
// objections received and replied). Each equals what happened in the year, each drill-down list
// has the figure as its total, the statistics page and its Excel print the same figures, and an
// agency user gets only its own agency.
//
// A year of work played through the routes: two documents issued in 2025 (one filed on time, one
// late), one in 2026; a cleanup in 2026 (repeal, keep, amend); one objection received and replied.
// Values are compared with those before the year was played, so demo data does not matter.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'
import { issueDoc } from './norm_helpers.mjs'

const servers = []
let dir, db

async function on (day) {
  const s = await startServer({ db, dir, env: day ? { FAZHI_TODAY: day } : {} })
  servers.push(s)
  return new Client(s)
}
async function done (c) {
  servers.splice(servers.indexOf(c.server), 1)
  await c.server.stop({ keep: true })
}

const NAMES = ['normative.documents.issued', 'normative.documents.repealed', 'normative.documents.in_force',
  'normative.reviewed', 'normative.filing.required', 'normative.filed', 'normative.filed_on_time',
  'normative.filing_corrected', 'normative.cleanup.reviewed', 'normative.cleanup.kept', 'normative.cleanup.amended',
  'normative.cleanup.repealed', 'normative.cleanup.invalid', 'normative.objections.received', 'normative.objections.replied']

async function figures (c, username, query) {
  const r = await c.get(`/api/figures?${query}`, { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}
const values = (f) => Object.fromEntries(f.items.filter((x) => NAMES.includes(x.name)).map((x) => [x.name, x.value]))

const BASE = {}
let SCJ
before(async () => {
  dir = mkTemp('fazhi-normf-')
  db = makeDb(dir)
  const c = await on()
  try {
    SCJ = await c.agencyOf('scj.clerk')
    for (const q of ['year=2025', 'year=2026', `year=2025&agency_id=${SCJ}`, `year=2026&agency_id=${SCJ}`]) {
      BASE[q] = values(await figures(c, 'legal', q))
      assert.equal(Object.keys(BASE[q]).length, NAMES.length, 'every figure is declared')
    }
  } finally { await done(c) }
})
after(() => stopAll(servers))

const DOC = {}
test('a year and a half of work through the routes', async () => {
  let c = await on('2025-06-02')
  try {
    DOC.x = await issueDoc(c, db, 'scj.clerk', '青山县户外广告设置管理办法', { day: '2025-06-02' })
    DOC.y = await issueDoc(c, db, 'zjj.clerk', '青山县物业服务管理办法', { day: '2025-06-02' })
  } finally { await done(c) }
  // Filing due 30 days after 06-02: 07-02. scj files on time, zjj late.
  c = await on('2025-07-10')
  try {
    await c.actOk(DOC.x.case_id, 'file', 'scj.clerk', { npc_filed_on: '2025-06-20', government_filed_on: '2025-06-20', complete: true })
    await c.actOk(DOC.y.case_id, 'file', 'zjj.clerk', { npc_filed_on: '2025-07-10', government_filed_on: '2025-06-30', complete: true })
  } finally { await done(c) }
  c = await on('2026-03-02')
  try {
    DOC.z = await issueDoc(c, db, 'scj.clerk', '青山县电动自行车停放充电管理规定', { day: '2026-03-02' })
  } finally { await done(c) }
  c = await on('2026-04-01')
  try {
    const legal = await c.login('legal')
    const r = await c.post('/api/normative/campaigns', { name: '2026年规范性文件清理', basis: '国办发〔2018〕37号', due_on: '2026-04-30' }, { session: legal })
    assert.equal(r.status, 201, r.text)
    const id = r.json.campaign_id
    // Documents of the demo county, if any, are kept by the office.
    for (const x of r.json.items) {
      const decision = x.doc_id === DOC.x.doc_id ? 'repeal' : x.doc_id === DOC.z.doc_id ? 'amend' : 'keep'
      const d = await c.post(`/api/normative/campaigns/${id}/items/${x.doc_id}`, { decision, reason: '清理意见' }, { session: legal })
      assert.equal(d.status, 200, d.text)
    }
    assert.equal((await c.post(`/api/normative/campaigns/${id}/close`, {}, { session: legal })).status, 200)
    const o = await c.post('/api/public/normative/objections', {
      applicant: '王五', applicant_type: 'person', contact: '13900000000', doc_id: DOC.y.doc_id, content: '请审查第五条。',
    })
    assert.equal(o.status, 201, o.text)
    const oid = Number(sql(db, "SELECT case_id FROM norm_objection WHERE applicant = '王五'")[0][0])
    await c.actOk(oid, 'accept', 'legal')
    await c.actOk(oid, 'reply', 'legal', { outcome: 'no_problem', reply: '经审查，未发现问题。' })
  } finally { await done(c) }
})

function delta (now, base) {
  return Object.fromEntries(NAMES.map((n) => [n, now[n] - base[n]]))
}

test('each figure counts what happened in its year, county-wide and for one agency', async () => {
  const c = await on()
  try {
    const kept = Number(sql(db, "SELECT COUNT(*) FROM norm_campaign_item WHERE decision = 'keep'")[0][0])
    const d25 = delta(values(await figures(c, 'legal', 'year=2025')), BASE['year=2025'])
    assert.deepEqual(d25, {
      'normative.documents.issued': 2, 'normative.documents.repealed': 0, 'normative.documents.in_force': 2,
      'normative.reviewed': 2, 'normative.filing.required': 2, 'normative.filed': 2, 'normative.filed_on_time': 1,
      'normative.filing_corrected': 0, 'normative.cleanup.reviewed': 0, 'normative.cleanup.kept': 0,
      'normative.cleanup.amended': 0, 'normative.cleanup.repealed': 0, 'normative.cleanup.invalid': 0,
      'normative.objections.received': 0, 'normative.objections.replied': 0,
    })
    const d26 = delta(values(await figures(c, 'legal', 'year=2026')), BASE['year=2026'])
    assert.deepEqual(d26, {
      'normative.documents.issued': 1, 'normative.documents.repealed': 1, 'normative.documents.in_force': 2,
      'normative.reviewed': 1, 'normative.filing.required': 1, 'normative.filed': 0, 'normative.filed_on_time': 0,
      'normative.filing_corrected': 0, 'normative.cleanup.reviewed': kept + 2, 'normative.cleanup.kept': kept,
      'normative.cleanup.amended': 1, 'normative.cleanup.repealed': 1, 'normative.cleanup.invalid': 0,
      'normative.objections.received': 1, 'normative.objections.replied': 1,
    })
    const s26 = delta(values(await figures(c, 'legal', `year=2026&agency_id=${SCJ}`)), BASE[`year=2026&agency_id=${SCJ}`])
    assert.equal(s26['normative.documents.issued'], 1)
    assert.equal(s26['normative.documents.repealed'], 1)
    assert.equal(s26['normative.documents.in_force'], 1, 'x repealed, z in force at the end of 2026')
    assert.equal(s26['normative.objections.received'], 0, 'objections are the legal office’s')
    const s25 = delta(values(await figures(c, 'legal', `year=2025&agency_id=${SCJ}`)), BASE[`year=2025&agency_id=${SCJ}`])
    assert.equal(s25['normative.filed_on_time'], 1)
  } finally { await done(c) }
})

test('every figure’s drill-down list has the figure as its total; the lists export to Excel', async () => {
  const c = await on()
  try {
    const s = await c.login('legal')
    for (const q of ['year=2025', 'year=2026', `year=2026&agency_id=${SCJ}`, `year=2025&agency_id=${SCJ}`]) {
      for (const x of (await figures(c, 'legal', q)).items.filter((i) => NAMES.includes(i.name))) {
        const r = await c.get(`${x.drill.path}?${x.drill.query}&per_page=1`, { session: s })
        assert.equal(r.status, 200, `${x.name}: ${r.text}`)
        assert.equal(r.json.total, x.value, `${q} ${x.name}: ${x.drill.path}?${x.drill.query}`)
        const xl = await c.get(`${x.drill.path}.xlsx?${x.drill.query}`, { session: s })
        assert.equal(xl.status, 200, `${x.drill.path}.xlsx: ${xl.text.slice(0, 200)}`)
        assert.equal(xl.bytes.subarray(0, 2).toString(), 'PK')
      }
    }
    // The repealed document is in the 2026 list, with its end; an agency user sees only its own rows.
    const rep = await c.get('/api/normative/stats/documents?ended_year=2026&status=repealed', { session: s })
    const row = rep.json.items.find((x) => x.doc_id === DOC.x.doc_id)
    assert.equal(row.ended_on, '2026-04-01')
    assert.equal(row.status_label, '已废止')
    const zjj = await c.get('/api/normative/stats/documents?issued_year=2025', { session: await c.login('zjj.clerk') })
    assert.ok(zjj.json.items.length >= 1 && zjj.json.items.every((x) => x.agency_name === zjj.json.items[0].agency_name))
    assert.ok(!zjj.json.items.some((x) => x.doc_id === DOC.x.doc_id))
    assertError(await c.get('/api/normative/stats/documents?in_force_year=26', { session: s }), 422, 'BAD_VALUE', 'in_force_year')
    assertError(await c.get('/api/normative/stats/cleanup?decision=abolish', { session: s }), 422, 'BAD_VALUE', 'decision')
  } finally { await done(c) }
})

test('table 二 of the disclosure report reads the three document figures by name', async () => {
  const c = await on()
  try {
    for (const q of ['year=2025', 'year=2026', `year=2026&agency_id=${SCJ}`]) {
      const v = values(await figures(c, 'legal', q))
      const r = await c.get(`/api/disclosure/report?${q}`, { session: await c.login('legal') })
      assert.equal(r.status, 200, r.text)
      const t2 = r.json.table2
      assert.deepEqual(t2.blocks[0].rows[1], ['行政规范性文件', v['normative.documents.issued'],
        v['normative.documents.repealed'], v['normative.documents.in_force']], q)
      assert.doesNotMatch(t2.note || '', /规范性文件/, 'the normative module is installed')
    }
  } finally { await done(c) }
})

test('the statistics page prints the same figures, with the rates; Excel; an agency user gets its own agency', async () => {
  const c = await on()
  try {
    const s = await c.login('legal')
    const st = (await c.get('/api/normative/stats?year=2025', { session: s })).json
    const v = values(await figures(c, 'legal', 'year=2025'))
    for (const n of NAMES) assert.equal(st.totals[n], v[n], n)
    assert.equal(st.totals.filing_rate, v['normative.filing.required'] ? Math.round(1000 * v['normative.filed'] / v['normative.filing.required']) / 10 : null)
    assert.equal(st.columns.length, NAMES.length)
    const scjRow = st.agencies.find((a) => a.agency_id === SCJ)
    const vs = values(await figures(c, 'legal', `year=2025&agency_id=${SCJ}`))
    for (const n of NAMES) assert.equal(scjRow.values[n], vs[n], n)
    assert.match(st.paragraph, /^2025年，全县制发行政规范性文件\d+件/)
    const xl = await c.get('/api/normative/stats.xlsx?year=2025', { session: s })
    assert.equal(xl.status, 200)
    assert.match(xl.headers.get('content-type'), /spreadsheetml/)
    assert.match(decodeURIComponent(xl.headers.get('content-disposition')), /2025年行政规范性文件统计\.xlsx/)
    const mine = (await c.get('/api/normative/stats?year=2025', { session: await c.login('scj.clerk') })).json
    assert.equal(mine.agency_id, SCJ)
    assert.deepEqual(mine.agencies.map((a) => a.agency_id), [SCJ])
    const zjj = await c.agencyOf('zjj.clerk')
    assertError(await c.get(`/api/normative/stats?year=2025&agency_id=${zjj}`, { session: await c.login('scj.clerk') }), 404, 'NOT_FOUND', 'agency_id')
    assertError(await c.get('/api/normative/stats?year=19', { session: s }), 422, 'BAD_VALUE', 'year')
  } finally { await done(c) }
})
