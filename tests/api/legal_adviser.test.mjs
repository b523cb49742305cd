// Legal advisers (法律事务 · 法律顾问、公职律师, docs/legal.md): the register kept by the legal office
// (refusals name the field, nothing written; agencies read it and write nothing); engagements
// seen by their agency only; an adviser's opinion recorded on a case of ANOTHER module (a
// normative draft, a legality review) in the case's scope: another agency's clerk gets 404 on
// reading, recording and deleting; the figures per adviser equal the opinions listed.
//
// One server on the demo county (FAZHI_TODAY 2026-11-23).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, sql } from './lib.mjs'

const c = useServer()

const ADVISER = {
  name: '测试顾问', kind: 'counsel', firm: '浙江青山律师事务所', licence_no: '13311202610999001',
  specialities: '行政法、合同法', phone: '0571-88880000', term_from: '2026-01-01', term_to: '2027-12-31',
}

function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM legal_adviser),' +
    ' (SELECT COUNT(*) FROM legal_engagement), (SELECT COUNT(*) FROM legal_adviser_opinion)')
  return row.join('|')
}

let AID

test('the register: the legal office adds and edits advisers; refusals name the field; agencies only read', async () => {
  const s = await c.login('legal')
  const before = stored()
  for (const [over, field] of [[{ name: '' }, 'name'], [{ kind: 'friend' }, 'kind'], [{ firm: '' }, 'firm'],
    [{ licence_no: undefined }, 'licence_no'], [{ term_from: '2026-13-01' }, 'term_from'], [{ term_to: '2025-12-31' }, 'term_to']]) {
    const body = { ...ADVISER, ...over }
    for (const k of Object.keys(over)) if (over[k] === undefined) delete body[k]
    assertError(await c.post('/api/legal/advisers', body, { session: s }), 422, undefined, field)
  }
  assertError(await c.post('/api/legal/advisers', ADVISER, { session: await c.login('scj.head') }), 403, 'FORBIDDEN')
  assert.equal(stored(), before)
  const r = await c.post('/api/legal/advisers', ADVISER, { session: s })
  assert.equal(r.status, 201, r.text)
  AID = r.json.adviser_id
  // The licence number is unique.
  assertError(await c.post('/api/legal/advisers', { ...ADVISER, name: '另一人' }, { session: s }), 422, 'BAD_VALUE', 'licence_no')
  const put = await c.api('PUT', '/api/legal/advisers', { session: s, body: { ...ADVISER, adviser_id: AID, phone: '13900001111', active: true } })
  assert.equal(put.status, 200, put.text)
  assertError(await c.api('PUT', '/api/legal/advisers', { session: s, body: { ...ADVISER, adviser_id: 999999, active: true } }), 422, 'BAD_VALUE', 'adviser_id')
  const list = await c.get(`/api/legal/advisers?q=${encodeURIComponent('测试顾问')}`, { session: await c.login('scj.clerk') })
  assert.equal(list.status, 200)
  assert.equal(list.json.items[0].phone, '13900001111')
  assert.equal(list.json.items[0].kind, 'counsel')
  // Public lawyers: the demo county has two.
  const pl = await c.get('/api/legal/advisers?kind=public_lawyer', { session: s })
  assert.equal(pl.json.total, 2)
})

test('engagements: the legal office records them; an agency sees only its own', async () => {
  const s = await c.login('legal')
  const scj = await c.agencyOf('scj.clerk')
  assertError(await c.post('/api/legal/engagements', { adviser_id: AID, agency_id: scj, start_on: '2026-03-01', end_on: '2026-02-01', fee: 50000 }, { session: s }), 422, 'BAD_DATE', 'end_on')
  assertError(await c.post('/api/legal/engagements', { adviser_id: 999999, agency_id: scj, start_on: '2026-03-01', end_on: '2027-02-28', fee: 50000 }, { session: s }), 422, 'BAD_VALUE', 'adviser_id')
  const r = await c.post('/api/legal/engagements', { adviser_id: AID, agency_id: scj, start_on: '2026-03-01', end_on: '2027-02-28', fee: 50000, scope: '市场监管执法案件法律咨询' }, { session: s })
  assert.equal(r.status, 201, r.text)
  const mine = await c.get('/api/legal/engagements?per_page=100', { session: await c.login('scj.clerk') })
  assert.ok(mine.json.items.some((e) => e.engagement_id === r.json.engagement_id))
  assert.ok(mine.json.items.every((e) => e.agency_id === scj))
  const theirs = await c.get('/api/legal/engagements?per_page=100', { session: await c.login('zjj.clerk') })
  assert.ok(!theirs.json.items.some((e) => e.engagement_id === r.json.engagement_id))
})

test('an adviser’s opinion on another module’s case, in that case’s scope; refusals write nothing', async () => {
  const scjAgency = await c.agencyOf('scj.clerk')
  const [[draft]] = sql(c.db, `SELECT case_id FROM case_record WHERE case_type = 'norm_doc' AND agency_id = ${scjAgency} ORDER BY case_id LIMIT 1`)
  const [[review]] = sql(c.db, `SELECT case_id FROM case_record WHERE case_type = 'legal_review' AND agency_id = ${scjAgency} ORDER BY case_id LIMIT 1`)
  const scj = await c.login('scj.clerk')
  const zjj = await c.login('zjj.clerk')
  const body = { adviser_id: AID, step: '起草阶段法律论证', kind: 'written', given_on: '2026-11-20', summary: '建议删除第三条罚款规定，规范性文件不得设定行政处罚。' }
  let before = stored()
  for (const [over, field] of [[{ step: '' }, 'step'], [{ kind: 'email' }, 'kind'], [{ given_on: '2026-11-24' }, 'given_on'],
    [{ given_on: '2025-12-31' }, 'given_on'], [{ adviser_id: 999999 }, 'adviser_id'], [{ summary: undefined }, 'summary']]) {
    const b = { ...body, ...over }
    for (const k of Object.keys(over)) if (over[k] === undefined) delete b[k]
    assertError(await c.post(`/api/cases/${draft}/adviser-opinions`, b, { session: scj }), 422, undefined, field)
  }
  // Another agency's clerk: the case is missing, whatever it asks.
  const missing = await c.get('/api/cases/999999999/adviser-opinions', { session: zjj })
  for (const r of [await c.get(`/api/cases/${draft}/adviser-opinions`, { session: zjj }),
    await c.post(`/api/cases/${draft}/adviser-opinions`, body, { session: zjj }),
    await c.api('DELETE', `/api/cases/${draft}/adviser-opinions/1`, { session: zjj })]) {
    assertError(r, 404, 'NOT_FOUND')
    assert.deepEqual(r.json, missing.json)
  }
  assertError(await c.post(`/api/cases/${draft}/adviser-opinions`, body, { session: await c.login('leader') }), 403, 'FORBIDDEN')
  assert.equal(stored(), before)
  // The drafting agency records it on its draft; the legal office on the review of it.
  let r = await c.post(`/api/cases/${draft}/adviser-opinions`, body, { session: scj })
  assert.equal(r.status, 201, r.text)
  assert.equal(r.json.items.at(-1).adviser_name, '测试顾问')
  assert.equal(r.json.items.at(-1).kind_label, '书面意见')
  r = await c.post(`/api/cases/${review}/adviser-opinions`, { ...body, step: '合法性审核论证会', kind: 'meeting', given_on: '2026-11-23' }, { session: await c.login('legal') })
  assert.equal(r.status, 201, r.text)
  const seq = r.json.items.at(-1).seq
  // Read by the case's agency, the legal office and the leader.
  for (const u of ['scj.head', 'legal', 'leader']) {
    const g = await c.get(`/api/cases/${review}/adviser-opinions`, { session: await c.login(u) })
    assert.equal(g.status, 200, u)
    assert.ok(g.json.items.some((o) => o.seq === seq && o.kind === 'meeting'), u)
  }
  // The case's timeline says so.
  assert.ok((await c.detail(draft)).events.some((e) => e.action === 'adviser_opinion'))
  // Deleting: an unknown number is 422 naming it; the right one goes.
  before = stored()
  assertError(await c.api('DELETE', `/api/cases/${draft}/adviser-opinions/99`, { session: scj }), 422, 'BAD_VALUE', 'seq')
  assert.equal(stored(), before)
  // An agency's staff delete only what they recorded; the legal office any.
  const byLegal = await c.post(`/api/cases/${draft}/adviser-opinions`, { ...body, kind: 'oral', step: '法制机构记录' }, { session: await c.login('legal') })
  const legalSeq = byLegal.json.items.at(-1).seq
  assertError(await c.api('DELETE', `/api/cases/${draft}/adviser-opinions/${legalSeq}`, { session: scj }), 403, 'FORBIDDEN')
  assert.equal((await c.api('DELETE', `/api/cases/${draft}/adviser-opinions/${legalSeq}`, { session: await c.login('legal') })).status, 200)
  const extra = await c.post(`/api/cases/${draft}/adviser-opinions`, { ...body, kind: 'oral', step: '口头咨询' }, { session: scj })
  const del = await c.api('DELETE', `/api/cases/${draft}/adviser-opinions/${extra.json.items.at(-1).seq}`, { session: scj })
  assert.equal(del.status, 200, del.text)
  assert.ok(!del.json.items.some((o) => o.kind === 'oral' && o.step === '口头咨询'))
})

test('per adviser: opinions given and meetings attended equal the opinions listed, county-wide and per agency', async () => {
  const s = await c.login('legal')
  const scj = await c.agencyOf('scj.clerk')
  for (const q of ['year=2026', 'year=2025', `year=2026&agency_id=${scj}`]) {
    const st = await c.get(`/api/legal/advisers/stats?${q}`, { session: s })
    assert.equal(st.status, 200, st.text)
    let opinions = 0
    for (const a of st.json.advisers) {
      const all = await c.get(`/api/legal/adviser-opinions?${q}&adviser_id=${a.adviser_id}&per_page=1`, { session: s })
      const meet = await c.get(`/api/legal/adviser-opinions?${q}&adviser_id=${a.adviser_id}&kind=meeting&per_page=1`, { session: s })
      assert.equal(a.opinions, all.json.total, `${a.name} ${q}`)
      assert.equal(a.meetings, meet.json.total, `${a.name} ${q}`)
      assert.equal(a.opinions, a.written + a.meetings + a.oral)
      opinions += a.opinions
    }
    assert.equal(st.json.total.opinions, opinions)
  }
  const mine = (await c.get('/api/legal/advisers/stats?year=2026', { session: s })).json.advisers.find((a) => a.adviser_id === AID)
  assert.equal(mine.written, 1)
  assert.equal(mine.meetings, 1)
  // An agency user reads its own agency's figures; another agency's is 404.
  const zjj = await c.agencyOf('zjj.clerk')
  assertError(await c.get(`/api/legal/advisers/stats?year=2026&agency_id=${zjj}`, { session: await c.login('scj.clerk') }), 404)
})
