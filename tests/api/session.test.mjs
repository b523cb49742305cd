// Logging in and out, the session cookie, login throttling and CSRF protection.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, startServer, Client, mkTemp, assertError, cookiePair, snapshot, assertUnchanged, DEMO_PASSWORD } from './lib.mjs'

const c = useServer()

test('login returns a CSRF token, the user, and an HttpOnly SameSite=Strict session cookie', async () => {
  const r = await c.post('/api/session', { username: 'legal', password: DEMO_PASSWORD })
  assert.equal(r.status, 200, r.text)
  assert.match(r.headers.get('content-type'), /^application\/json/)
  assert.match(r.json.csrf_token, /^[0-9a-f]{64}$/)
  const u = r.json.user
  assert.equal(u.username, 'legal')
  assert.equal(u.role, 'legal_staff')
  assert.equal(u.role_label, '法制机构工作人员')
  assert.equal(u.agency_name, '青山县司法局')
  assert.equal(typeof u.user_id, 'number')
  assert.equal(typeof u.agency_id, 'number')
  assert.ok(u.display_name.length > 0)
  assert.equal(u.password_hash, undefined, 'the password hash must never leave the server')
  const cookie = r.headers.get('set-cookie')
  assert.match(cookie, /^fz_session=[0-9a-f]{64};/)
  assert.match(cookie, /;\s*HttpOnly/i)
  assert.match(cookie, /;\s*SameSite=Strict/i)
  assert.match(cookie, /;\s*Path=\//)

  // The cookie opens the session: GET /api/session names the same user and token.
  const me = await c.get('/api/session', { headers: { cookie: cookiePair(cookie) } })
  assert.equal(me.status, 200, me.text)
  assert.equal(me.json.user.username, 'legal')
  assert.equal(me.json.csrf_token, r.json.csrf_token)
})

test('GET /api/session without a cookie, or with a forged one, is 401', async () => {
  assertError(await c.get('/api/session'), 401, 'UNAUTHENTICATED')
  const forged = 'fz_session=' + 'a'.repeat(64)
  assertError(await c.get('/api/session', { headers: { cookie: forged } }), 401, 'UNAUTHENTICATED')
  assertError(await c.get('/api/cases', { headers: { cookie: 'fz_session=short' } }), 401, 'UNAUTHENTICATED')
})

test('a wrong password is 401 BAD_CREDENTIALS with a Chinese message and no cookie', async () => {
  const r = await c.post('/api/session', { username: 'legalhead', password: 'not-the-password' })
  const e = assertError(r, 401, 'BAD_CREDENTIALS')
  assert.match(e.message, /用户名或密码错误/)
  assert.equal(r.headers.get('set-cookie'), null)
  // An unknown user gets exactly the same answer: no way to tell which usernames exist.
  const u = await c.post('/api/session', { username: 'nobody.here', password: 'not-the-password' })
  assertError(u, 401, 'BAD_CREDENTIALS')
  assert.deepEqual(u.json, r.json)
})

test('a login for an unknown account takes as long as one with a wrong password (no timing oracle)', async () => {
  const time = async (username) => {
    const t = performance.now()
    assertError(await c.post('/api/session', { username, password: 'wrong-password-1' }), 401, 'BAD_CREDENTIALS')
    return performance.now() - t
  }
  const median = (xs) => xs.sort((a, b) => a - b)[1]
  const known = median([await time('jyj.head'), await time('fgj.head'), await time('mzj.head')])
  const unknown = median([await time('no.such.one'), await time('ghost.user'), await time('nobody.else')])
  // The password hash (Argon2id) takes tens of milliseconds; skipping it would show.
  assert.ok(unknown > known * 0.3, `unknown account ${unknown.toFixed(1)} ms, known account ${known.toFixed(1)} ms`)
})

test('login input is checked: missing password, wrong types, unknown fields', async () => {
  assertError(await c.post('/api/session', { username: 'legal' }), 422, 'MISSING_FIELD', 'password')
  assertError(await c.post('/api/session', { username: 7, password: 'x' }), 422, 'BAD_TYPE', 'username')
  assertError(await c.post('/api/session', { username: 'legal', password: DEMO_PASSWORD, remember: true }),
    422, 'UNKNOWN_FIELD', 'remember')
  assertError(await c.post('/api/session', 'username=legal&password=x',
    { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'MEDIA_TYPE')
})

test('five failed logins for one username throttle it (429) even with the right password', async () => {
  const user = 'hbj.head'
  for (let i = 0; i < 5; i++) {
    assertError(await c.post('/api/session', { username: user, password: `wrong-${i}` }), 401, 'BAD_CREDENTIALS')
  }
  const r = await c.post('/api/session', { username: user, password: DEMO_PASSWORD })
  const e = assertError(r, 429, 'THROTTLED')
  assert.match(e.message, /\d+ 秒后再试/)
  assert.ok(Number(r.headers.get('retry-after')) > 0, 'Retry-After says how long')
  assert.equal(r.headers.get('set-cookie'), null, 'a throttled login must not open a session')
  // Another account from the same client is not affected.
  const other = await c.post('/api/session', { username: 'hbj.clerk', password: DEMO_PASSWORD })
  assert.equal(other.status, 200, other.text)
})

test('DELETE /api/session logs out: the cookie stops working', async () => {
  const s = await c.login('zjj.clerk', DEMO_PASSWORD)
  const keep = await c.login('zjj.head', DEMO_PASSWORD)
  assert.equal((await c.get('/api/cases', { session: s })).status, 200)
  const r = await c.api('DELETE', '/api/session', { session: s })
  assert.equal(r.status, 204, r.text)
  assert.equal(r.bytes.length, 0)
  assert.match(r.headers.get('set-cookie'), /^fz_session=;.*Max-Age=0/)
  assertError(await c.get('/api/session', { session: s }), 401, 'UNAUTHENTICATED')
  assertError(await c.get('/api/cases', { session: s }), 401, 'UNAUTHENTICATED')
  // Logging out ends only that session.
  assert.equal((await c.get('/api/session', { session: keep })).status, 200)
})

test('logout needs the CSRF token too', async () => {
  const s = await c.login('cgj.clerk', DEMO_PASSWORD)
  assertError(await c.api('DELETE', '/api/session', { session: s, csrf: false }), 403, 'CSRF', 'X-CSRF-Token')
  assert.equal((await c.get('/api/session', { session: s })).status, 200, 'the session survived')
})

test('a state change without X-CSRF-Token, with a wrong one, or with another session’s is 403 and changes nothing', async () => {
  const letter = await c.submitLetter({ subject: 'CSRF 测试来信' })
  const legal = await c.login('legal')
  const other = await c.login('legalhead')
  const scj = await c.agencyOf('scj.clerk')
  const before = await snapshot(c, letter.case_id)
  const path = `/api/cases/${letter.case_id}/actions/assign`
  const body = { version: before.version, agency_id: scj }
  for (const csrf of [false, '', 'f'.repeat(64), other.csrf, legal.csrf.slice(0, 63)]) {
    const r = await c.post(path, body, { session: legal, csrf })
    assertError(r, 403, 'CSRF', 'X-CSRF-Token')
    await assertUnchanged(c, letter.case_id, before)
  }
  // The same request with the right token goes through.
  const ok = await c.post(path, body, { session: legal })
  assert.equal(ok.status, 200, ok.text)
  assert.equal(ok.json.case.state, 'handling')
})

test('staff endpoints without a session are 401, not data', async () => {
  for (const p of ['/api/cases', '/api/cases/1', '/api/dashboard', '/api/supervision', '/api/meta',
    '/api/agencies', '/api/mailbox/stats', '/api/attachments/1']) {
    assertError(await c.get(p), 401, 'UNAUTHENTICATED')
  }
  const r = await c.post('/api/cases/1/actions/assign', { version: 1, agency_id: 19 })
  assertError(r, 401, 'UNAUTHENTICATED')
})

test('a session lasts 12 hours: the next day the cookie is refused', async () => {
  const s = await c.login('jyj.clerk', DEMO_PASSWORD)
  // Two more servers on the same database, one still on the day of login, one on the next day.
  for (const [today, status] of [['2026-11-23', 200], ['2026-11-24', 401]]) {
    const other = await startServer({ db: c.db, dir: mkTemp(), env: { FAZHI_TODAY: today } })
    try {
      const r = await new Client(other).get('/api/session', { session: s })
      assert.equal(r.status, status, `${today}: ${r.text}`)
      if (status === 401) assert.match(assertError(r, 401, 'UNAUTHENTICATED').message, /登录已过期/)
    } finally {
      await other.stop()
    }
  }
})
