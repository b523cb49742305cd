// Agency scope: an agency's staff see and touch only their own agency's cases and those shared
// with it (tests/api/shared.mjs: a reconsideration case's respondent, a routed petition's
// handling body, a proposal's co-handlers, the county government's decisions); for anything
// else the answer is 404 (not 403, which would confirm the case exists) and nothing is
// written. The county leader reads everything and changes nothing.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, snapshot, assertUnchanged, sql, sqlNumber, multipart } from './lib.mjs'
import { sharedWith as sharedCases } from './shared.mjs'

const c = useServer({ setup })

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** Every case row the user can list, through all pages. */
async function listAll (username, query = '') {
  const s = await c.login(username)
  const items = []
  let total = null
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/cases?per_page=100&page=${page}${query}`, { session: s })
    assert.equal(r.status, 200, r.text)
    total = r.json.total
    items.push(...r.json.items)
    if (r.json.items.length < 100) break
  }
  assert.equal(items.length, total, 'the pages add up to the total')
  return items
}

let scj, zjj, hbj

/** Case ids shared with an agency (not its own). */
function sharedWith (agency) {
  return sharedCases(c.db, agency)
}
/** Is the case the agency's own or shared with it? */
function sees (agency, x) {
  return x.agency_id === agency || sharedWith(agency).has(x.case_id)
}
let ownCase // a letter assigned to scj during the test
let foreign // ids of other agencies' cases, of several kinds and states
let foreignAttachment

async function setup () {
  scj = await c.agencyOf('scj.clerk')
  zjj = await c.agencyOf('zjj.clerk')
  hbj = await c.agencyOf('hbj.clerk')
  const l = await c.submitLetter({ subject: '范围测试：本局来信' })
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
  ownCase = l.case_id
  const o = await c.submitLetter({ subject: '范围测试：住建局来信' })
  await c.actOk(o.case_id, 'assign', 'legal', { agency_id: zjj })
  const up = multipart('zjj-evidence.pdf', PDF)
  const ur = await c.post(`/api/cases/${o.case_id}/attachments`, up.body,
    { session: await c.login('zjj.clerk'), headers: up.headers })
  assert.equal(ur.status, 201, ur.text)
  foreignAttachment = ur.json.attachment_id
  const all = await listAll('legal')
  const pick = (pred, what) => {
    const x = all.find(pred)
    assert.ok(x, `demo data has no ${what}`)
    return x.case_id
  }
  foreign = {
    zjjHandling: o.case_id,
    hbjHandling: pick((x) => x.agency_id === hbj && x.state === 'handling', 'hbj case being handled'),
    pendingAtOffice: pick((x) => x.state === 'pending' && x.case_type === 'mailbox', 'pending letter'),
    zjjPublished: pick((x) => x.agency_id === zjj && x.state === 'published', 'published zjj letter'),
    otherType: pick((x) => x.case_type !== 'mailbox' && !sees(scj, x), 'case of another procedure'),
  }
}

test('an agency clerk lists only the own agency’s cases, on every page', async () => {
  const mine = await listAll('scj.clerk')
  assert.ok(mine.length > 0)
  for (const x of mine) assert.ok(sees(scj, x), `case ${x.case_id} of agency ${x.agency_id} listed to scj`)
  assert.ok(mine.some((x) => x.case_id === ownCase))
  // Exactly what the legal office sees for that agency, and the applications against it.
  const asLegal = await listAll('legal', `&agency_id=${scj}`)
  const shared = [...sharedWith(scj)]
  assert.ok(shared.length > 0, 'the demo has cases shared with scj (applications against it, petitions routed to it)')
  assert.deepEqual(mine.map((x) => x.case_id).sort((a, b) => a - b),
    [...asLegal.map((x) => x.case_id), ...shared].sort((a, b) => a - b))
  // Filters and search stay inside the scope.
  for (const q of ['&state=handling', '&type=mailbox', '&sort=due_date', '&q=' + encodeURIComponent('来信'),
    '&clock_status=green']) {
    for (const x of await listAll('scj.clerk', q)) assert.ok(sees(scj, x), q)
  }
})

test('filtering by another agency returns nothing, not that agency’s cases (only those shared with it)', async () => {
  const shared = sharedWith(scj)
  for (const other of [zjj, hbj, 1, 2]) {
    const r = await c.get(`/api/cases?agency_id=${other}&per_page=100`, { session: await c.login('scj.clerk') })
    assert.equal(r.status, 200, r.text)
    const expect = sqlNumber(c.db, `SELECT COUNT(*) FROM case_record WHERE agency_id = ${other}` +
      ` AND case_id IN (${[...shared].join(',') || 'NULL'})`)
    assert.equal(r.json.total, expect, `agency ${other}`)
    for (const x of r.json.items) assert.ok(shared.has(x.case_id), `case ${x.case_id} of agency ${other}`)
  }
})

test('another agency’s case is 404 for reading, acting and uploading, exactly like a missing one, and nothing changes', async () => {
  const s = await c.login('scj.clerk')
  const missing = await c.get('/api/cases/99999999', { session: s })
  assertError(missing, 404, 'NOT_FOUND')
  const ids = Object.entries(foreign)
  for (const [what, id] of ids) {
    const before = await snapshot(c, id)
    const get = await c.get(`/api/cases/${id}`, { session: s })
    assertError(get, 404, 'NOT_FOUND')
    assert.deepEqual(get.json, missing.json, `${what}: the answer must not reveal that case ${id} exists`)
    for (const [action, body] of [['reply', { reply_text: '越权答复' }], ['return', { reason: '越权退回' }],
      ['assign', { agency_id: scj }], ['approve', {}], ['close', { reason: '越权' }]]) {
      const r = await c.post(`/api/cases/${id}/actions/${action}`, { version: before.version, ...body }, { session: s })
      assertError(r, 404, 'NOT_FOUND')
    }
    const up = multipart('evil.pdf', PDF)
    assertError(await c.post(`/api/cases/${id}/attachments`, up.body, { session: s, headers: up.headers }), 404, 'NOT_FOUND')
    await assertUnchanged(c, id, before)
  }
  // The owner of the case can read it (the 404s above are about scope, not about the case).
  assert.equal((await c.get(`/api/cases/${foreign.hbjHandling}`, { session: await c.login('hbj.clerk') })).status, 200)
})

test('another agency’s attachment cannot be downloaded (404); its own agency and the legal office can', async () => {
  const r = await c.get(`/api/attachments/${foreignAttachment}`, { session: await c.login('scj.clerk') })
  assertError(r, 404, 'NOT_FOUND')
  assert.ok(!r.bytes.includes(Buffer.from('%PDF-')), 'no file content in the refusal')
  for (const u of ['zjj.clerk', 'legal', 'leader']) {
    const ok = await c.get(`/api/attachments/${foreignAttachment}`, { session: await c.login(u) })
    assert.equal(ok.status, 200, `${u}: ${ok.text}`)
    assert.deepEqual(ok.bytes, PDF)
  }
})

test('the own agency’s case works for the clerk (the positive control)', async () => {
  const d = await c.detail(ownCase, 'scj.clerk')
  assert.deepEqual(d.actions.map((a) => a.name).sort(), ['reply', 'return'])
  const r = await c.act(ownCase, 'reply', 'scj.clerk', { reply_text: '本局已处理。' })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.case.state, 'reviewing')
})

test('an officer sees the own agency’s cases but cannot act on letters (403)', async () => {
  const l = await c.submitLetter({ subject: '范围测试：执法人员' })
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
  const d = await c.detail(l.case_id, 'scj.officer')
  assert.deepEqual(d.actions, [])
  const before = await snapshot(c, l.case_id)
  assertError(await c.act(l.case_id, 'reply', 'scj.officer', { reply_text: '执法人员答复' }), 403, 'FORBIDDEN')
  await assertUnchanged(c, l.case_id, before)
  for (const x of await listAll('scj.officer')) assert.ok(sees(scj, x), `case ${x.case_id}`)
})

test('the county leader reads every case but every action is 403 and offers none', async () => {
  const all = await listAll('legal')
  const leaderAll = await listAll('leader')
  assert.equal(leaderAll.length, all.length)
  const s = await c.login('leader')
  const l = await c.submitLetter({ subject: '范围测试：县领导' })
  const targets = [l.case_id, ownCase, ...Object.values(foreign)]
  const eventsBefore = sqlNumber(c.db, 'SELECT COUNT(*) FROM event')
  for (const id of targets) {
    const d = await c.detail(id, 'leader')
    assert.deepEqual(d.actions, [], `case ${id}: a read-only role is offered no action`)
    const before = await snapshot(c, id)
    // Every action of the procedure for a letter (the role is checked before the state);
    // for other procedures, what the legal office may do on that case right now.
    const actions = d.case.case_type === 'mailbox'
      ? ['assign', 'close', 'reply', 'return', 'approve', 'reject', 'publish']
      : (await c.detail(id, 'legal')).actions.map((a) => a.name)
    assert.ok(actions.length > 0 || d.case.case_type !== 'mailbox')
    for (const action of actions) {
      const r = await c.post(`/api/cases/${id}/actions/${action}`, { version: before.version }, { session: s })
      assertError(r, 403, 'FORBIDDEN')
    }
    const up = multipart('leader.pdf', PDF)
    assertError(await c.post(`/api/cases/${id}/attachments`, up.body, { session: s, headers: up.headers }), 403, 'FORBIDDEN')
    await assertUnchanged(c, id, before)
  }
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM event'), eventsBefore)
})

test('mailbox statistics are scoped too', async () => {
  const r = await c.get('/api/mailbox/stats', { session: await c.login('zjj.clerk') })
  assert.equal(r.status, 200, r.text)
  assert.deepEqual(r.json.by_agency.map((a) => a.agency_id), [zjj])
  assert.equal(r.json.totals.received, r.json.by_agency[0].received)
})
