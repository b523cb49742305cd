// Operations endpoints: health check, Prometheus metrics, and the OpenAPI document, which must
// describe every route the source declares.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { useServer, fazhi, sqlNumber, ROOT, HAN } from './lib.mjs'

const c = useServer()

/** Every {"METHOD", "/path", ...} row of the route tables in the source. */
function sourceRoutes () {
  const http = path.join(ROOT, 'src/http')
  const files = fs.readdirSync(http).filter((f) => /^routes.*\.c$/.test(f)).map((f) => path.join(http, f))
  const modules = path.join(ROOT, 'src/modules')
  for (const dir of fs.readdirSync(modules, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue
    for (const f of fs.readdirSync(path.join(modules, dir.name))) {
      if (f.endsWith('_api.c')) files.push(path.join(modules, dir.name, f))
    }
  }
  const routes = []
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8')
    for (const m of text.matchAll(/\{\s*"(GET|POST|PUT|PATCH|DELETE)"\s*,\s*"(\/[^"]*)"/g)) {
      routes.push({ method: m[1], path: m[2], file: path.relative(ROOT, f) })
    }
  }
  return routes
}

/** Samples of a Prometheus text exposition: {name{labels}: value}. Checks the syntax. */
function parseMetrics (text) {
  const samples = new Map()
  for (const line of text.split('\n')) {
    if (line === '') continue
    if (line.startsWith('#')) {
      assert.match(line, /^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* \S/, `bad comment line: ${line}`)
      continue
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*",?)*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$/.exec(line)
    assert.ok(m, `bad sample line: ${line}`)
    samples.set(m[1] + (m[2] || ''), Number(m[3]))
  }
  return samples
}

async function metrics () {
  const r = await c.get('/metrics')
  assert.equal(r.status, 200)
  assert.match(r.headers.get('content-type'), /^text\/plain; version=0\.0\.4/)
  return { text: r.text, samples: parseMetrics(r.text) }
}

test('/healthz answers ok', async () => {
  const r = await c.get('/healthz')
  assert.equal(r.status, 200)
  assert.equal(r.text, 'ok\n')
  assert.match(r.headers.get('content-type'), /^text\/plain/)
  const head = await c.api('HEAD', '/healthz')
  assert.equal(head.status, 200)
})

test('/metrics is Prometheus text with request counters, latencies and the clocks', async () => {
  const m1 = await metrics()
  assert.match(m1.text, /^# TYPE fazhi_http_requests_total counter$/m)
  assert.match(m1.text, /^# TYPE fazhi_http_request_duration_ms histogram$/m)
  assert.match(m1.text, /^# TYPE fazhi_clocks gauge$/m)
  assert.match(m1.text, /^# TYPE fazhi_open_cases gauge$/m)
  const key = 'fazhi_http_requests_total{method="GET",route="/healthz",status="2xx"}'
  const before = m1.samples.get(key) || 0
  await c.get('/healthz')
  await c.get('/healthz')
  await c.get('/api/cases') // 401, counted as 4xx of its route
  const m2 = await metrics()
  assert.equal(m2.samples.get(key), before + 2)
  assert.ok(m2.samples.get('fazhi_http_requests_total{method="GET",route="/api/cases",status="4xx"}') >= 1)
  assert.ok(m2.samples.get('fazhi_http_request_duration_ms_count{method="GET",route="/healthz"}') >= before + 2)
  // Histogram buckets are cumulative and end at the count.
  const buckets = [...m2.samples].filter(([k]) => k.startsWith('fazhi_http_request_duration_ms_bucket{method="GET",route="/healthz"'))
  assert.ok(buckets.length > 1)
  for (let i = 1; i < buckets.length; i++) assert.ok(buckets[i][1] >= buckets[i - 1][1], 'buckets are cumulative')
  assert.equal(buckets.at(-1)[1], m2.samples.get('fazhi_http_request_duration_ms_count{method="GET",route="/healthz"}'))

  // The clock gauges agree with the supervision view and the database.
  const sup = await c.get('/api/supervision', { session: await c.login('legal') })
  assert.equal(m2.samples.get('fazhi_clocks{status="open"}'), sup.json.totals.open)
  assert.equal(m2.samples.get('fazhi_clocks{status="due_soon"}'), sup.json.totals.yellow)
  assert.equal(m2.samples.get('fazhi_clocks{status="overdue"}'), sup.json.totals.red)
  assert.equal(m2.samples.get('fazhi_open_cases'), sqlNumber(c.db, 'SELECT COUNT(*) FROM case_record WHERE closed_on IS NULL'))
  assert.ok(sup.json.totals.open > 0)
  // A new letter is one more open case and two more running clocks.
  await c.submitLetter({ subject: '指标测试' })
  const m3 = await metrics()
  assert.equal(m3.samples.get('fazhi_open_cases'), m2.samples.get('fazhi_open_cases') + 1)
  assert.equal(m3.samples.get('fazhi_clocks{status="open"}'), m2.samples.get('fazhi_clocks{status="open"}') + 2)
})

test('/api/openapi.json documents every route declared in the source, and nothing else', async () => {
  const routes = sourceRoutes()
  assert.ok(routes.length >= 20, `only ${routes.length} routes found in the source`)
  assert.ok(routes.some((r) => r.path === '/api/public/mailbox' && r.method === 'POST'))
  const r = await c.get('/api/openapi.json')
  assert.equal(r.status, 200)
  const doc = r.json
  assert.equal(doc.openapi, '3.0.3')
  const version = fazhi(['--version']).stdout.trim().replace(/^fazhi /, '')
  assert.equal(doc.info.version, version)
  assert.match(doc.info.title, HAN)
  const missing = []
  for (const rt of routes) {
    const op = doc.paths[rt.path]?.[rt.method.toLowerCase()]
    if (!op) { missing.push(`${rt.method} ${rt.path} (${rt.file})`); continue }
    assert.match(op.summary, HAN, `${rt.method} ${rt.path} has a Chinese summary`)
    const params = [...rt.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
    assert.deepEqual(op.parameters.map((p) => p.name), params, `${rt.method} ${rt.path} path parameters`)
    for (const p of op.parameters) assert.equal(p.in, 'path')
    const isPublic = rt.path.startsWith('/api/public/') || ['/healthz', '/metrics', '/api/openapi.json'].includes(rt.path) ||
      (rt.path === '/api/session' && rt.method === 'POST')
    assert.equal(!op.security, isPublic, `${rt.method} ${rt.path}: session required ${!isPublic}`)
  }
  assert.deepEqual(missing, [], 'routes missing from the OpenAPI document')
  const declared = new Set(routes.map((x) => `${x.method} ${x.path}`))
  const extra = []
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of Object.keys(item)) if (!declared.has(`${m.toUpperCase()} ${p}`)) extra.push(`${m} ${p}`)
  }
  assert.deepEqual(extra, [], 'documented routes the source does not declare')
  assert.equal(doc.components.securitySchemes.session.name, 'fz_session')
})

test('every documented GET answers with its documented kind of response, never a 5xx', async () => {
  const doc = (await c.get('/api/openapi.json')).json
  const s = await c.login('legal')
  for (const [p, item] of Object.entries(doc.paths)) {
    if (!item.get) continue
    const url = p.replace('{id}', '1').replace('{code}', 'AAAA-BBBB-CCCC')
    let r = await c.get(url, { session: s })
    // A route for the administrator only (the security record) answers the legal office 403.
    if (r.status === 403) r = await c.get(url, { session: await c.login('admin') })
    // A route for heads only (待我审核) answers both 403.
    if (r.status === 403) r = await c.get(url, { session: await c.login('legalhead') })
    assert.ok(r.status < 500, `GET ${url}: ${r.status} ${r.text.slice(0, 200)}`)
    // A route that needs a query parameter (the benchmark calculator's power_id) names it in a 422.
    if (r.status === 422) {
      assert.ok(r.json?.error?.field, `GET ${url}: a 422 names the missing parameter: ${r.text.slice(0, 200)}`)
      continue
    }
    // A document of a step not yet taken (调解协议书 before an agreement, 处理意见书 before the opinion) answers
    // 409 STATE saying so.
    if (r.status === 409 && /\/documents\//.test(url)) {
      assert.equal(r.json?.error?.code, 'STATE', `GET ${url}: ${r.text.slice(0, 200)}`)
      continue
    }
    assert.ok([200, 404].includes(r.status), `GET ${url}: ${r.status} ${r.text.slice(0, 200)}`)
  }
})
