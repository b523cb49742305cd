// Login throttling: counted per account and address together. A stranger guessing an
// account's password slows down only the stranger's address (the owner elsewhere logs in);
// the wait starts after five failures, grows with each further failure, and is never
// extended by tries made during it; one address spraying many accounts is slowed only for
// accounts that have not logged in from there before (colleagues behind one office NAT keep
// working). Each wait that starts is a security event the administrator sees.
//
// Requests come from distinct loopback source addresses (127.0.0.x): Linux lets a client
// bind any of them and reach the server on 127.0.0.1.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { useServer, assertError, fazhiOk, DEMO_PASSWORD } from './lib.mjs'

const c = useServer()

/** POST /api/session from a given source address. Returns {status, headers, json}. */
function loginFrom (addr, username, password) {
  const body = JSON.stringify({ username, password })
  const u = new URL(c.url)
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: u.hostname, port: u.port, path: '/api/session', method: 'POST', localAddress: addr,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks = []
      res.on('data', (d) => chunks.push(d))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        resolve({ status: res.statusCode, headers: { get: (k) => res.headers[k.toLowerCase()] ?? null }, text, json: JSON.parse(text) })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

const wrong = (i) => `wrong-password-${i}`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function setDelay (seconds) {
  const s = await c.login('admin')
  const r = await c.api('PUT', '/api/settings/login.delay_seconds', { session: s, body: { value: seconds } })
  assert.equal(r.status, 200, r.text)
}

test('five wrong passwords slow down the guessing address only: the owner logs in from another', async () => {
  const user = 'scj.head'
  for (let i = 0; i < 5; i++) assertError(await loginFrom('127.0.0.21', user, wrong(i)), 401, 'BAD_CREDENTIALS')
  const r = await loginFrom('127.0.0.21', user, DEMO_PASSWORD)
  const e = assertError(r, 429, 'THROTTLED', 'username')
  assert.match(e.message, /\d+ 秒后再试/)
  const retry = Number(r.headers.get('retry-after'))
  assert.ok(retry >= 1 && retry <= 30, `Retry-After ${retry}`)
  assert.equal(r.headers.get('set-cookie'), null, 'a refused login opens no session')
  // The owner, from a fresh address, is not locked out by the stranger.
  const owner = await loginFrom('127.0.0.22', user, DEMO_PASSWORD)
  assert.equal(owner.status, 200, owner.text)
  // Nor is another account from the stranger's address.
  const other = await loginFrom('127.0.0.21', 'scj.clerk', DEMO_PASSWORD)
  assert.equal(other.status, 200, other.text)
})

test('tries during the wait never extend it; after it, the right password works', async () => {
  await setDelay(2)
  try {
    const user = 'zjj.head'
    const addr = '127.0.0.23'
    for (let i = 0; i < 5; i++) assertError(await loginFrom(addr, user, wrong(i)), 401, 'BAD_CREDENTIALS')
    let last = Infinity
    for (let i = 0; i < 15; i++) {
      const r = await loginFrom(addr, user, i % 2 ? DEMO_PASSWORD : wrong(100 + i))
      assertError(r, 429, 'THROTTLED')
      const retry = Number(r.headers.get('retry-after'))
      assert.ok(retry <= last, `the wait grew from ${last} to ${retry} s during the wait`)
      assert.ok(retry <= 2, `Retry-After ${retry} with a 2-second delay`)
      last = retry
    }
    await sleep(3100)
    const ok = await loginFrom(addr, user, DEMO_PASSWORD)
    assert.equal(ok.status, 200, `after the wait: ${ok.text}`)
  } finally {
    await setDelay(30)
  }
})

test('each further failure after the wait doubles the next wait', async () => {
  // Failures are stamped to the second, so a wait of D seconds lasts between D - 1 and D. A delay
  // of 4 s leaves room for a busy machine's slow password checks between the requests.
  await setDelay(4)
  try {
    const user = 'cgj.head'
    const addr = '127.0.0.25'
    for (let i = 0; i < 5; i++) assertError(await loginFrom(addr, user, wrong(i)), 401, 'BAD_CREDENTIALS')
    const r1 = await loginFrom(addr, user, wrong(9))
    assertError(r1, 429, 'THROTTLED')
    const first = Number(r1.headers.get('retry-after'))
    assert.ok(first >= 1 && first <= 4, `first wait ${first} s, expected up to 4`)
    await sleep(first * 1000 + 1100)
    const sixth = Date.now()
    assertError(await loginFrom(addr, user, wrong(10)), 401, 'BAD_CREDENTIALS') // the sixth failure, checked
    const r2 = await loginFrom(addr, user, DEMO_PASSWORD)
    assertError(r2, 429, 'THROTTLED')
    const second = Number(r2.headers.get('retry-after'))
    // The doubled wait runs 8 s from the sixth failure: what is left of it plus the time since
    // (whole seconds, however slow a busy machine makes the password checks) makes at least 8;
    // an undoubled 4-s wait could not.
    const since = Math.ceil((Date.now() - sixth) / 1000)
    assert.ok(second <= 8 && second + since >= 8, `second wait ${second} s ${since} s after the failure, expected 8 (doubled)`)
  } finally {
    await setDelay(30)
  }
})

test('one address trying many accounts is slowed, but not for accounts that log in from there', async () => {
  const nat = '127.0.0.24'
  // A colleague behind the same office address has logged in from it before.
  assert.equal((await loginFrom(nat, 'hbj.clerk', DEMO_PASSWORD)).status, 200)
  // Someone behind it sprays one guess at each of twenty accounts.
  for (let i = 0; i < 20; i++) {
    assertError(await loginFrom(nat, `nobody${i}`, wrong(i)), 401, 'BAD_CREDENTIALS')
  }
  // The next guess at an account never used from there waits, whatever the password.
  assertError(await loginFrom(nat, 'jyj.head', DEMO_PASSWORD), 429, 'THROTTLED')
  // The colleague keeps working.
  const colleague = await loginFrom(nat, 'hbj.clerk', DEMO_PASSWORD)
  assert.equal(colleague.status, 200, colleague.text)
  // And the sprayed account's owner elsewhere is untouched.
  assert.equal((await loginFrom('127.0.0.26', 'jyj.head', DEMO_PASSWORD)).status, 200)
})

test('the administrator sees each wait as a security event; others may not read them', async () => {
  const admin = await c.login('admin')
  const r = await c.get('/api/security/events?per_page=100', { session: admin })
  assert.equal(r.status, 200, r.text)
  const throttled = r.json.items.filter((e) => e.action === 'login_throttled')
  const scj = throttled.find((e) => e.detail?.username === 'scj.head' && e.detail?.client === '127.0.0.21')
  assert.ok(scj, `no event for scj.head from 127.0.0.21: ${JSON.stringify(throttled.slice(0, 3))}`)
  assert.equal(scj.detail.failures, 5)
  assert.equal(scj.action_label, '登录失败次数过多，已限制再试')
  assert.match(scj.note, /scj\.head.*127\.0\.0\.21/)
  assert.ok(throttled.some((e) => e.detail?.by_client && e.detail?.client === '127.0.0.24'), 'the spray is recorded')
  // Refused tries during a wait are not events (nor counted): zjj.head had 15 of them.
  assert.equal(throttled.filter((e) => e.detail?.username === 'zjj.head').length, 1)
  assert.ok(r.json.total >= throttled.length)
  for (const who of ['legal', 'legalhead', 'scj.head']) {
    assertError(await c.get('/api/security/events', { session: await c.login(who) }), 403, 'FORBIDDEN')
  }
  fazhiOk(['audit', 'verify', '--db', c.db])
})
