// An adviser's opinion recorded on ANOTHER module's case (a normative draft, a legality review) is
// said in Chinese in that case's timeline: the legal module declares the labels of the events it
// records on any case (fz_module.event_labels), read after the case type's own. The same on its
// own cases (a legal matter), and for the deletion of an opinion.
//
// One server on the demo county (FAZHI_TODAY 2026-11-23).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql } from './lib.mjs'

const c = useServer()

const LABELS = { adviser_opinion: '记录法律顾问意见', adviser_opinion_remove: '删除法律顾问意见' }

async function anAdviser () {
  const r = await c.get('/api/legal/advisers?active=1&per_page=100', { session: await c.login('legal') })
  assert.equal(r.status, 200, r.text)
  // One whose term covers the day of the opinion.
  const a = r.json.items.find((x) => x.term_from <= '2026-11-20' && x.term_to >= '2026-11-20')
  assert.ok(a, 'an adviser in term on 2026-11-20')
  return a.adviser_id
}

function labelsOf (detail) {
  return detail.events.filter((e) => e.action in LABELS).map((e) => [e.action, e.action_label])
}

test('an opinion on a normative draft: its timeline says 记录法律顾问意见, its deletion 删除法律顾问意见', async () => {
  const adviser = await anAdviser()
  const scjAgency = await c.agencyOf('scj.clerk')
  const [[draft]] = sql(c.db, `SELECT case_id FROM case_record WHERE case_type = 'norm_doc' AND agency_id = ${scjAgency} ORDER BY case_id LIMIT 1`)
  const scj = await c.login('scj.clerk')
  const before = labelsOf(await c.detail(draft)).length
  const r = await c.post(`/api/cases/${draft}/adviser-opinions`, {
    adviser_id: adviser, step: '起草阶段法律论证', kind: 'written', given_on: '2026-11-20',
    summary: '建议删除第三条罚款规定，规范性文件不得设定行政处罚。',
  }, { session: scj })
  assert.equal(r.status, 201, r.text)
  let d = await c.detail(draft, 'scj.clerk')
  let ev = labelsOf(d)
  assert.equal(ev.length, before + 1)
  assert.deepEqual(ev.at(-1), ['adviser_opinion', '记录法律顾问意见'])
  const del = await c.api('DELETE', `/api/cases/${draft}/adviser-opinions/${r.json.items.at(-1).seq}`, { session: scj })
  assert.equal(del.status, 200, del.text)
  d = await c.detail(draft)
  ev = labelsOf(d)
  assert.deepEqual(ev.at(-1), ['adviser_opinion_remove', '删除法律顾问意见'])
  // No event of the timeline is left with its raw name.
  for (const e of d.events) assert.notEqual(e.action_label, e.action, `${e.action} has no label`)
})

test('an opinion on a legality review and on a legal matter: the same words', async () => {
  const adviser = await anAdviser()
  const legal = await c.login('legal')
  const [[review]] = sql(c.db, "SELECT case_id FROM case_record WHERE case_type = 'legal_review' ORDER BY case_id LIMIT 1")
  const [[matter]] = sql(c.db, "SELECT case_id FROM case_record WHERE case_type = 'legal_matter' ORDER BY case_id LIMIT 1")
  for (const id of [review, matter]) {
    const r = await c.post(`/api/cases/${id}/adviser-opinions`, {
      adviser_id: adviser, step: '合法性审核论证会', kind: 'meeting', given_on: '2026-11-20', summary: '列席论证会并发表意见。',
    }, { session: legal })
    assert.equal(r.status, 201, r.text)
    assert.deepEqual(labelsOf(await c.detail(id)).at(-1), ['adviser_opinion', '记录法律顾问意见'], `case ${id}`)
  }
})

test('every opinion of the demo county, whatever its case type, is labelled in its timeline', async () => {
  const rows = sql(c.db, 'SELECT DISTINCT o.case_id, c.case_type FROM legal_adviser_opinion o' +
    ' JOIN case_record c ON c.case_id = o.case_id ORDER BY o.case_id')
  const types = new Set(rows.map(([, t]) => t))
  assert.ok(types.size >= 2, `opinions on several case types: ${[...types]}`)
  const seen = new Set()
  for (const [id, type] of rows) {
    if (seen.has(type)) continue
    seen.add(type)
    const ev = labelsOf(await c.detail(id))
    assert.ok(ev.length > 0, `${type} ${id}`)
    for (const [action, label] of ev) assert.equal(label, LABELS[action], `${type} ${id}`)
  }
})
