// The request edge: what arrives before any handler runs. Routing on the path as sent, for
// every connection whatever the others do; limits answered in JSON and Chinese, at once;
// slow clients cut off; connections capped per address; the session cookie as the settings
// say; /metrics for this machine (or a token) only; a trusted proxy's forwarded client.
// Everything here talks to servers on loopback only, and every loop is bounded.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import net from 'node:net'
import { useServer, startServer, stopAll, assertError, HAN, DEMO_PASSWORD } from './lib.mjs'

const c = useServer()
const extra = [] // servers started by single tests with other options
after(() => stopAll(extra))

/** Raw HTTP over a socket: writes parts (with optional pauses), resolves {status, head, body, ms}. */
function raw (url, parts, { localAddress, pauseMs = 0, timeoutMs = 10000 } = {}) {
  const u = new URL(url)
  return new Promise((resolve) => {
    const t0 = Date.now()
    const sock = net.connect({ host: u.hostname, port: Number(u.port), localAddress })
    let data = Buffer.alloc(0)
    let done = false
    const finish = (why) => {
      if (done) return
      done = true
      clearTimeout(timer)
      sock.destroy()
      const text = data.toString('utf8')
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text)
      const i = text.indexOf('\r\n\r\n')
      resolve({ status: m ? Number(m[1]) : null, head: i >= 0 ? text.slice(0, i) : text, body: i >= 0 ? text.slice(i + 4) : '', ms: Date.now() - t0, why })
    }
    const timer = setTimeout(() => finish('timeout'), timeoutMs)
    sock.on('data', (d) => {
      data = Buffer.concat([data, d])
      const text = data.toString('utf8')
      const i = text.indexOf('\r\n\r\n')
      const len = /content-length: *(\d+)/i.exec(text)
      if (i >= 0 && len && data.length >= Buffer.byteLength(text.slice(0, i + 4)) + Number(len[1])) finish('answered')
    })
    sock.on('end', () => finish('closed'))
    sock.on('error', () => finish('error'))
    sock.on('connect', async () => {
      for (const p of parts) {
        if (done || sock.destroyed) return
        sock.write(p)
        if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs))
      }
    })
  })
}

function jsonError (r) {
  assert.match(r.head, /content-type: application\/json/i, r.head)
  const e = JSON.parse(r.body).error
  assert.match(e.message, HAN, `not Chinese: ${e.message}`)
  return e
}

test('routing does not depend on other traffic: %2531 is never item 1, with 120 request lines at once', async () => {
  const line = 'GET /api/public/disclosure/items/%2531 HTTP/1.1\r\n'
  const rest = 'Host: 127.0.0.1\r\nConnection: close\r\n\r\n'
  for (const n of [40, 120]) {
    // Every connection sends its request line first, then all send their headers: the request
    // lines of all connections are read before any request is routed.
    // Spread over four source addresses: the per-address connection cap (64) is not under test.
    const u = new URL(c.url)
    const conns = await Promise.all(Array.from({ length: n }, (_, i) => new Promise((resolve) => {
      const conn = { data: '' }
      conn.closed = new Promise((resolveClosed) => {
        conn.sock = net.connect({ host: u.hostname, port: Number(u.port), localAddress: `127.0.0.${100 + (i % 4)}` },
          () => { conn.sock.write(line); resolve(conn) })
        conn.sock.on('data', (x) => { conn.data += x })
        conn.sock.on('close', () => resolveClosed(conn.data))
        conn.sock.on('error', () => resolve(conn))
      })
    })))
    await new Promise((resolve) => setTimeout(resolve, 200))
    for (const x of conns) if (!x.sock.destroyed) x.sock.write(rest)
    const answers = await Promise.all(conns.map((x) => x.closed))
    const statuses = answers.map((a) => Number(/^HTTP\/1\.1 (\d+)/.exec(a)?.[1]))
    assert.deepEqual([...new Set(statuses)], [404], `${n} connections: ${statuses.filter((x) => x !== 404).length} not 404`)
  }
  // The same path once decoded is a real item: the test would see a leak.
  assert.equal((await c.get('/api/public/disclosure/items/1')).status, 200)
})

test('headers over 16 KiB are 431 in JSON, naming the headers', async () => {
  const r = await c.get('/api/public/agencies', { headers: { 'x-filler': 'y'.repeat(20000) } })
  assertError(r, 431, 'HEADERS_TOO_LARGE', 'headers')
  const many = Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`x-h${i}`, 'v']))
  assertError(await c.get('/api/public/agencies', { headers: many }), 431, 'HEADERS_TOO_LARGE', 'headers')
  assert.equal((await c.get('/api/public/agencies', { headers: { 'x-filler': 'y'.repeat(8000) } })).status, 200)
})

test('a path or query over 4 KiB is 414 in JSON', async () => {
  assertError(await c.get('/api/public/agencies?q=' + 'a'.repeat(5000)), 414, 'URI_TOO_LONG', 'query')
  assertError(await c.get('/api/public/' + 'a'.repeat(5000)), 414, 'URI_TOO_LONG', 'path')
})

test('a body announced as 10 GB is refused with 413 before any of it is sent', async () => {
  const r = await raw(c.url, [
    'POST /api/public/mailbox HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
    'Content-Length: 10000000000\r\n\r\n{"a":',
  ], { timeoutMs: 5000 })
  assert.equal(r.status, 413, `${r.why}: ${r.head}`)
  assert.equal(jsonError(r).field, 'Content-Length')
  assert.ok(r.ms < 2000, `took ${r.ms} ms`)
})

test('control characters: C1 (U+0085) in a name is 422 like BEL; %00 in a query is 400', async () => {
  const letter = { phone: '13800138000', category: 'problem', subject: '控制字符', content: '内容', publish_ok: false }
  for (const name of ['张\u0085三', '张\u0007三', '张\u202e三', '张\u2028三']) {
    assertError(await c.post('/api/public/mailbox', { ...letter, name }), 422, undefined, 'name')
  }
  assert.equal((await c.post('/api/public/mailbox', { ...letter, name: '阿依古丽·买买提' })).status, 201)
  assertError(await c.get('/api/public/disclosure/items?q=a%00b'), 400, 'BAD_UTF8', 'q')
  assertError(await c.get('/api/public/disclosure/items?q=a%C2%85b'), 400, 'BAD_UTF8', 'q')
})

test('an unknown state filter is 422 naming it, like an unknown type or sort', async () => {
  const s = await c.login('legal')
  assertError(await c.get('/api/cases?state=nonsense', { session: s }), 422, 'BAD_VALUE', 'state')
  // A state of another procedure than the type asked for is unknown too.
  assertError(await c.get('/api/cases?type=mailbox&state=accepted_review', { session: s }), 422, 'BAD_VALUE', 'state')
  assert.equal((await c.get('/api/cases?state=handling', { session: s })).status, 200)
})

test('the session cookie lives as long as the session.hours setting says', async () => {
  const admin = await c.login('admin')
  const put = await c.api('PUT', '/api/settings/session.hours', { session: admin, body: { value: 72 } })
  assert.equal(put.status, 200, put.text)
  try {
    const r = await c.post('/api/session', { username: 'legal', password: DEMO_PASSWORD })
    assert.equal(r.status, 200)
    assert.match(r.headers.get('set-cookie'), /Max-Age=259200(;|$)/)
    assert.doesNotMatch(r.headers.get('set-cookie'), /Secure/, 'plain HTTP from this machine: no Secure')
  } finally {
    await c.api('PUT', '/api/settings/session.hours', { session: admin, body: { value: 12 } })
  }
})

test('/metrics answers this machine only', async () => {
  const r = await c.get('/metrics')
  assert.equal(r.status, 200)
  assert.match(r.text, /fazhi_http_requests_total/)
})

test('behind a trusted proxy: the forwarded client counts, HTTPS gives Secure cookies, /metrics needs the token', async () => {
  const s = await startServer({ args: ['--trusted-proxy', '127.0.0.1'], env: { FAZHI_METRICS_TOKEN: 'ops-token-0123456789' } })
  extra.push(s)
  const fwd = { 'x-forwarded-for': '203.0.113.7, 198.51.100.23', 'x-forwarded-proto': 'https' }
  const login = await fetch(s.url + '/api/session', {
    method: 'POST', headers: { ...fwd, 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'legal', password: DEMO_PASSWORD }),
  })
  assert.equal(login.status, 200)
  assert.match(login.headers.get('set-cookie'), /; Secure/)
  // A remote client through the proxy: /metrics refused without the token, served with it.
  const m1 = await fetch(s.url + '/metrics', { headers: fwd })
  assert.equal(m1.status, 403)
  assert.match((await m1.json()).error.message, HAN)
  assert.equal((await fetch(s.url + '/metrics', { headers: { ...fwd, authorization: 'Bearer wrong-token-0123456789' } })).status, 403)
  assert.equal((await fetch(s.url + '/metrics', { headers: { ...fwd, authorization: 'Bearer ops-token-0123456789' } })).status, 200)
  // The client is the address the proxy appended (the last), not what the client claimed.
  for (let i = 0; i < 5; i++) {
    await fetch(s.url + '/api/session', {
      method: 'POST', headers: { 'x-forwarded-for': `10.9.9.9, 198.51.100.${i + 50}`, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'scj.head', password: 'wrong-password' }),
    })
  }
  const rows = (await import('./lib.mjs')).sql(s.db, "SELECT DISTINCT client FROM login_attempt WHERE username = 'scj.head'")
  assert.deepEqual(rows.map((x) => x[0]).sort(), ['198.51.100.50', '198.51.100.51', '198.51.100.52', '198.51.100.53', '198.51.100.54'])
})

test('a client that drips its headers is cut off after the header time limit', async () => {
  const s = await startServer({ args: ['--header-timeout', '2'] })
  extra.push(s)
  const parts = ['GET /api/public/agencies HTTP/1.1\r\n', ...Array.from({ length: 40 }, (_, i) => `X-Drip-${i}: x\r\n`)]
  const t0 = Date.now()
  const r = await raw(s.url, parts, { pauseMs: 250, timeoutMs: 12000 })
  assert.ok(['closed', 'error'].includes(r.why), `still open after ${r.ms} ms (${r.why})`)
  assert.ok(Date.now() - t0 < 5000, `cut after ${Date.now() - t0} ms`)
  // A normal client on the same server is served.
  assert.equal((await fetch(s.url + '/api/public/agencies')).status, 200)
})

test('connections per address are capped; another address is still served', async () => {
  const s = await startServer({ args: ['--per-ip', '8'] })
  extra.push(s)
  const u = new URL(s.url)
  const held = []
  try {
    for (let i = 0; i < 12; i++) {
      held.push(await new Promise((resolve) => {
        const sock = net.connect({ host: u.hostname, port: Number(u.port), localAddress: '127.0.0.41' }, () => resolve(sock))
        sock.on('error', () => {})
      }))
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    const closed = held.filter((x) => x.destroyed || x.readableEnded).length
    assert.ok(closed >= 4, `${closed} of 12 connections refused with a cap of 8`)
    const other = await raw(s.url, ['GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'], { localAddress: '127.0.0.42' })
    assert.equal(other.status, 200)
  } finally {
    for (const x of held) x.destroy()
  }
})
