// The per-connection statement cache (src/store/db_sqlite.c) under many distinct SQL texts.
//
// The list endpoints assemble their SQL from the filters and the sort, so each combination is
// its own statement text. The cache once kept every text it had seen in a fixed table: after
// a few hundred combinations a server thread's connection refused every query, /healthz
// included, until restart. With one server thread every request below goes through the same
// connection, so the cache has to evict and keep going.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer } from './lib.mjs'

const client = useServer({ threads: 1 })

const REQUESTS = 5000
const CONCURRENCY = 6

/** Every combination of the given choices (undefined = parameter left out), as query strings. */
function combinations (choices) {
  let out = [[]]
  for (const [key, values] of Object.entries(choices)) {
    const next = []
    for (const prefix of out) {
      for (const v of values) next.push(v === undefined ? prefix : [...prefix, [key, v]])
    }
    out = next
  }
  return out
}

/**
 * Query strings for GET /api/cases and GET /api/reconsideration/cases whose parameters change
 * the SQL text (a parameter's presence, the clock band, LIKE or full-text search, the sort).
 * Each filter's value changes with i, so no two of the REQUESTS URLs are the same. Every
 * value is valid, so every request must answer 200: a 422 would mean a failed lookup
 * (the reconsideration list checks respondent_agency_id with a query of its own).
 */
function urls (agencyId, states) {
  const cases = combinations({
    type: [undefined, 'mailbox'],
    state: [undefined, 'S'],
    agency_id: [undefined, String(agencyId)],
    clock_status: [undefined, 'red', 'yellow', 'green'],
    q: [undefined, 'L', 'F'], // L: one character (LIKE), F: a phrase (full-text)
    sort: ['created_at', '-created_at', 'due_date', '-due_date', 'number', '-number'],
  }).map((p) => ['/api/cases', p])
  const recon = combinations({
    year: [undefined, 'Y'],
    respondent_agency_id: [undefined, String(agencyId)],
    act_type: [undefined, 'penalty'],
    procedure: [undefined, 'normal'],
    clock_status: [undefined, 'red', 'yellow', 'green'],
    q: [undefined, 'L'],
    sort: [undefined, 'created_at', '-created_at', 'received_on', '-received_on', 'due_date',
      '-due_date', 'number', '-number'],
  }).map((p) => ['/api/reconsideration/cases', p])
  const shapes = [...cases, ...recon]
  const out = []
  for (let i = 0; i < REQUESTS; i++) {
    const [base, params] = shapes[i % shapes.length]
    const round = Math.floor(i / shapes.length)
    const q = params.map(([k, v]) => {
      if (k === 'state') v = states[i % states.length]
      else if (k === 'year') v = String(2024 + (i % 3))
      else if (v === 'L') v = '灯路街'[i % 3]
      else if (v === 'F') v = `路灯${i}`
      return `${k}=${encodeURIComponent(v)}`
    })
    q.push(`page=${round + 1}`)
    out.push(`${base}?${q.join('&')}`)
  }
  return { out, shapes: shapes.length }
}

test('5,000 list queries with distinct SQL texts leave the one server thread answering', async () => {
  const s = await client.login('legal')
  const first = await client.get('/api/cases?per_page=1&sort=number', { session: s })
  assert.equal(first.status, 200, first.text)
  const caseId = first.json.items[0].case_id
  const agencyId = (await client.agencies())[0].agency_id
  const meta = await client.get('/api/meta', { session: s })
  assert.equal(meta.status, 200, meta.text)
  const states = meta.json.case_types.find((t) => t.value === 'mailbox').states.map((x) => x.value)

  const { out: list, shapes } = urls(agencyId, states)
  assert.equal(new Set(list).size, REQUESTS, 'the URLs are not all distinct')
  assert.ok(shapes > 3 * 256, `only ${shapes} SQL shapes: not enough to overflow the cache`)

  const started = Date.now()
  let next = 0
  let firstBad = null
  const statuses = new Map()
  async function worker () {
    while (next < list.length) {
      const i = next++
      const r = await client.get(list[i], { session: s })
      statuses.set(r.status, (statuses.get(r.status) || 0) + 1)
      if (r.status !== 200 && firstBad === null) {
        firstBad = { i, url: list[i], status: r.status, text: r.text.slice(0, 200) }
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const ms = Date.now() - started
  const summary = JSON.stringify(Object.fromEntries(statuses))
  assert.equal(firstBad, null, `request #${firstBad && firstBad.i + 1} of ${REQUESTS} failed ` +
    `(statuses ${summary}): ${JSON.stringify(firstBad)}`)
  console.log(`# ${REQUESTS} list requests (${shapes} SQL shapes) in ${ms} ms: ${summary}`)

  const health = await client.get('/healthz')
  assert.equal(health.status, 200, health.text)
  const detail = await client.get(`/api/cases/${caseId}`, { session: s })
  assert.equal(detail.status, 200, detail.text)
  assert.equal(detail.json.case.case_id, caseId)
  const dash = await client.get('/api/dashboard', { session: s })
  assert.equal(dash.status, 200, dash.text)
  assert.doesNotMatch(client.server.stderr(), /statement cache full/)
})
