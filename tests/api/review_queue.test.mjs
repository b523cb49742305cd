// 待我审核: the cases waiting on a head. A case waits on a head when the step that moves it on is
// one the head's role may take and the clerks of the same office may not (read from the case
// kinds' declared transitions), within the head's agency scope. Here a clerk records that an
// officer left (the certificate goes to 待收回), and only the head of that agency may withdraw it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, sql } from './lib.mjs'

const c = useServer()

const queue = async (user, qs = 'per_page=100') => {
  const r = await c.get(`/api/review?${qs}`, { session: await c.login(user) })
  assert.equal(r.status, 200, `${user}: ${r.text}`)
  return r.json
}
const userOf = (agency, role) => {
  const r = sql(c.db, `SELECT username FROM app_user WHERE agency_id = ${Number(agency)} AND role = '${role}' AND disabled = 0 ORDER BY user_id LIMIT 1`)
  return r.length ? r[0][0] : null
}

/** Two agencies with valid certificates, a head and a clerk each. */
function twoAgencies () {
  const rows = sql(c.db, "SELECT agency_id FROM case_record WHERE case_type = 'enf_certificate' AND state = 'valid'" +
    ' GROUP BY agency_id ORDER BY agency_id')
  const ok = rows.map((r) => Number(r[0])).filter((a) => userOf(a, 'agency_head') && userOf(a, 'agency_clerk'))
  assert.ok(ok.length >= 2, 'the demo county has two agencies with certificates, heads and clerks')
  return ok.slice(0, 2).map((a) => ({ agency: a, head: userOf(a, 'agency_head'), clerk: userOf(a, 'agency_clerk') }))
}

/** The clerk records that the holder of one of the agency's valid certificates left: it goes to 待收回. */
async function putUp ({ clerk }) {
  const s = await c.login(clerk)
  const list = await c.get('/api/enforcement/certificates?state=valid&per_page=1', { session: s })
  assert.equal(list.status, 200, list.text)
  const cert = list.json.items[0]
  const off = await c.get(`/api/enforcement/officers/${cert.officer_id}`, { session: s })
  assert.equal(off.status, 200, off.text)
  const r = await c.api('PATCH', `/api/enforcement/officers/${cert.officer_id}`, { session: s, body: { version: off.json.version, status: 'retired' } })
  assert.equal(r.status, 200, r.text)
  const d = await c.detail(cert.case_id, clerk)
  assert.equal(d.case.state, 'to_withdraw')
  return cert.case_id
}

test('the head sees the case the clerk put up, the head of another agency and the legal office do not; clerks are refused', async () => {
  const [a, b] = twoAgencies()
  const idA = await putUp(a)
  const idB = await putUp(b)
  const qa = await queue(a.head)
  const qb = await queue(b.head)
  assert.ok(qa.items.some((i) => i.case_id === idA), `${a.head} sees the certificate ${idA}`)
  assert.ok(!qa.items.some((i) => i.case_id === idB), `${a.head} does not see the other agency's ${idB}`)
  assert.ok(qb.items.some((i) => i.case_id === idB))
  assert.ok(!qb.items.some((i) => i.case_id === idA))
  for (const i of qa.items) assert.equal(i.agency_id, a.agency, `every row is of ${a.head}'s agency: ${JSON.stringify(i)}`)
  assert.equal(qa.total, qa.items.length)
  // The legal office's staff may withdraw a certificate themselves: it waits on no head of theirs.
  assert.ok(!(await queue('legalhead')).items.some((i) => i.case_id === idA || i.case_id === idB))
  // The route's roles: clerks and the legal office's staff have no queue.
  for (const u of [a.clerk, 'legal', 'leader']) {
    const s = await c.login(u)
    assertError(await c.get('/api/review', { session: s }), 403, 'FORBIDDEN')
    assertError(await c.get('/api/review.xlsx', { session: s }), 403, 'FORBIDDEN')
  }
})

test('every case in a head’s queue is one the head may move on and the clerk may not', async () => {
  for (const { head, clerk } of twoAgencies()) {
    const q = await queue(head)
    assert.ok(q.items.length > 0, `${head} has something to approve`)
    for (const i of q.items) {
      const asHead = await c.detail(i.case_id, head)
      const asClerk = await c.detail(i.case_id, clerk)
      assert.equal(asClerk.actions.length, 0, `${clerk} can do nothing on ${i.number} (${i.state}): ${asClerk.actions.map((x) => x.name)}`)
      assert.ok(asHead.case.closed_on == null)
      assert.ok(asHead.actions.length > 0, `${head} is offered a step on ${i.number}`)
    }
  }
})

test('the queue is a declared list: nearest due day first, filters checked, pages, and the Excel export', async () => {
  const [a] = twoAgencies()
  await putUp(a)
  const q = await queue(a.head)
  const dues = q.items.map((i) => i.due_date).filter(Boolean)
  assert.deepEqual(dues, [...dues].sort(), 'nearest due day first')
  const one = await queue(a.head, 'per_page=1&page=1')
  assert.equal(one.items.length, Math.min(1, q.total))
  assert.equal(one.total, q.total)
  const e = assertError(await c.get('/api/review?clock_status=purple', { session: await c.login(a.head) }), 422, 'BAD_VALUE', 'clock_status')
  assert.match(e.message, /时限状态/)
  const x = await c.get('/api/review.xlsx', { session: await c.login(a.head) })
  assert.equal(x.status, 200, x.text)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
})

test('after the head acts the case leaves the queue', async () => {
  const [, b] = twoAgencies()
  const id = await putUp(b)
  assert.ok((await queue(b.head)).items.some((i) => i.case_id === id))
  await c.actOk(id, 'withdraw', b.head, { reason: 'retirement', note: '已交回证件' })
  assert.ok(!(await queue(b.head)).items.some((i) => i.case_id === id), 'withdrawn: no longer waiting')
})
