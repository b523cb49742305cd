// The portal's one tracking box (issue 15, item 8): GET /api/public/track-code/{code} says which
// procedure a tracking code belongs to (mailbox letter, disclosure request, reconsideration
// application) so the box opens that procedure's page, and says nothing more. A malformed code
// is answered exactly like a well-formed unknown one, and the route is rate-limited like the
// other public lookups.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, startServer, sql, HAN } from './lib.mjs'

const client = useServer({ env: { FAZHI_PUBLIC_RATE: '1000' } })
const resolve = (code) => client.get(`/api/public/track-code/${encodeURIComponent(code)}`)

// A few codes of each procedure from the demo county, spread over the table (not one example).
function codesOf (type) {
  const rows = sql(client.db, `SELECT tracking_code FROM case_record WHERE case_type = '${type}'` +
    ' AND tracking_code IS NOT NULL ORDER BY case_id')
  assert.ok(rows.length > 0, `the demo has ${type} cases with tracking codes`)
  const picks = [rows[0], rows[Math.floor(rows.length / 2)], rows[rows.length - 1]]
  return [...new Set(picks.map((r) => r[0]))]
}

for (const type of ['mailbox', 'disclosure', 'reconsideration']) {
  test(`a ${type} code resolves to ${type}, and to nothing more`, async () => {
    for (const code of codesOf(type)) {
      const r = await resolve(code)
      assert.equal(r.status, 200, `${code}: ${r.text}`)
      assert.deepEqual(r.json, { type }, `${code} answers only its procedure`)
      // Typed as people type it: lower case, without the dashes.
      const loose = code.replace(/-/g, '').toLowerCase()
      const r2 = await resolve(loose)
      assert.equal(r2.status, 200, `${loose}: ${r2.text}`)
      assert.deepEqual(r2.json, { type })
    }
  })
}

test('a code the public just received resolves to its procedure', async () => {
  const r = await client.post('/api/public/mailbox', {
    name: '李桂兰', phone: '13900001111', category: 'suggestion', subject: '关于办理居住证的咨询',
    content: '请问外地户籍人员办理居住证需要哪些材料？', publish_ok: false,
  })
  assert.equal(r.status, 201, r.text)
  const code = r.json.tracking_code
  const got = await resolve(code)
  assert.equal(got.status, 200, got.text)
  assert.deepEqual(got.json, { type: 'mailbox' })
})

test('a malformed code is answered exactly like an unknown one', async () => {
  const unknown = await resolve('ZZZZ-ZZZZ-ZZZZ')
  assert.equal(unknown.status, 404)
  assert.equal(unknown.json.error.field, 'code')
  assert.match(unknown.json.error.message, HAN)
  for (const bad of ['12', 'NOT A CODE', 'ABCD-EFGH-JKLM-NPQR', '%27--', 'ABCD_EFGH_JKLM']) {
    const r = await resolve(bad)
    assert.equal(r.status, unknown.status, `${bad}: ${r.text}`)
    assert.deepEqual(r.json, unknown.json, `${bad} answers like an unknown code`)
  }
})

test('the tracker is rate-limited like the other public lookups', async () => {
  const server = await startServer({ env: { FAZHI_PUBLIC_RATE: '3' } })
  after(() => server.stop())
  const statuses = []
  for (let i = 0; i < 5; i++) {
    const r = await fetch(`${server.url}/api/public/track-code/ZZZZ-ZZZZ-ZZZZ`)
    await r.arrayBuffer()
    statuses.push(r.status)
  }
  assert.deepEqual(statuses.slice(0, 3), [404, 404, 404])
  assert.equal(statuses[4], 429, `statuses: ${statuses}`)
})

test('the route is declared public in OpenAPI', async () => {
  const r = await client.get('/api/openapi.json')
  const op = r.json.paths['/api/public/track-code/{code}']?.get
  assert.ok(op, 'declared')
})
