// 修改密码: a signed-in user changes their own password from the personal menu. The current
// password is checked like a login (a wrong one counts toward the login throttle and is a
// security event), the new one is typed twice and meets the rules the administrator's accounts
// meet, and the user's other sessions end while this one stays.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, sql, sqlNumber, DEMO_PASSWORD, HAN } from './lib.mjs'

const c = useServer()
const PATH = '/api/session/password'

const change = (session, body, opts = {}) => c.post(PATH, body, { session, ...opts })
const hashOf = (username) => sql(c.db, `SELECT password_hash FROM app_user WHERE username = '${username}'`)[0][0]

test('a wrong current password is refused naming 当前密码, counts as a failed login and is a security event', async () => {
  const user = 'scj.clerk'
  const s = await c.login(user, DEMO_PASSWORD)
  const before = hashOf(user)
  const fails = () => sqlNumber(c.db, `SELECT COUNT(*) FROM login_attempt WHERE username = '${user}' AND ok = 0`)
  const failsBefore = fails()
  const r = await change(s, { current_password: 'not-my-password', new_password: 'New-pass-2026', confirm_password: 'New-pass-2026' })
  const e = assertError(r, 422, 'BAD_VALUE', 'current_password')
  assert.match(e.message, /当前密码/)
  assert.equal(hashOf(user), before, 'the password is unchanged')
  assert.equal(fails(), failsBefore + 1, 'the wrong current password is a failed try of this account')
  // The administrator sees it among the security events.
  const admin = await c.login('admin')
  const ev = await c.get('/api/security/events?per_page=100', { session: admin })
  assert.equal(ev.status, 200, ev.text)
  assert.ok(ev.json.items.some((i) => i.action === 'password_change_refused' && (i.note || '').includes(user)),
    'a password_change_refused event names the account: ' + ev.text.slice(0, 400))
  // The session itself is not ended by the refusal (a mistyped password is no sign-out).
  assert.equal((await c.get('/api/session', { session: s })).status, 200)
})

test('wrong current passwords throttle like failed logins: after five, even the right one waits (429)', async () => {
  const user = 'zjj.clerk'
  const s = await c.login(user, DEMO_PASSWORD)
  // The throttle counts failures after the account's last successful login, to the second.
  await new Promise((resolve) => setTimeout(resolve, 1100))
  for (let i = 0; i < 5; i++) {
    assertError(await change(s, { current_password: `wrong-${i}-pass`, new_password: 'New-pass-2026', confirm_password: 'New-pass-2026' }),
      422, 'BAD_VALUE', 'current_password')
  }
  const r = await change(s, { current_password: DEMO_PASSWORD, new_password: 'New-pass-2026', confirm_password: 'New-pass-2026' })
  assertError(r, 429, 'THROTTLED')
  // The login form of that account from this address waits too: one throttle, not two.
  assertError(await c.post('/api/session', { username: user, password: DEMO_PASSWORD }), 429, 'THROTTLED')
})

test('the new password typed twice differently is refused naming 确认新密码, nothing changes', async () => {
  const user = 'cgj.clerk'
  const s = await c.login(user, DEMO_PASSWORD)
  const before = hashOf(user)
  const e = assertError(await change(s, { current_password: DEMO_PASSWORD, new_password: 'New-pass-2026', confirm_password: 'New-pass-2027' }),
    422, 'BAD_VALUE', 'confirm_password')
  assert.match(e.message, HAN)
  assert.match(e.message, /不一致/)
  assert.equal(hashOf(user), before)
})

test('a new password the system refuses for any account (too short, too long) is refused naming 新密码', async () => {
  const user = 'jyj.clerk'
  const s = await c.login(user, DEMO_PASSWORD)
  const before = hashOf(user)
  for (const weak of ['short7!', 'x'.repeat(129), '']) {
    const r = await change(s, { current_password: DEMO_PASSWORD, new_password: weak, confirm_password: weak })
    assert.equal(r.status, 422, r.text)
    assert.equal(r.json.error.field, 'new_password', r.text)
    assert.match(r.json.error.message, HAN)
  }
  const r = await change(s, { current_password: DEMO_PASSWORD, new_password: 'short7!', confirm_password: 'short7!' })
  assert.match(r.json.error.message, /新密码.*8/, 'the message names the rule')
  // Typing the current password again as the new one is no change.
  assertError(await change(s, { current_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD, confirm_password: DEMO_PASSWORD }),
    422, 'BAD_VALUE', 'new_password')
  assert.equal(hashOf(user), before)
  // Missing fields are named by the declared body.
  assertError(await change(s, { current_password: DEMO_PASSWORD, new_password: 'New-pass-2026' }), 422, 'MISSING_FIELD', 'confirm_password')
})

test('without the CSRF token the change is refused (403) and nothing changes', async () => {
  const user = 'hbj.clerk'
  const s = await c.login(user, DEMO_PASSWORD)
  const before = hashOf(user)
  const body = { current_password: DEMO_PASSWORD, new_password: 'New-pass-2026', confirm_password: 'New-pass-2026' }
  assertError(await change(s, body, { csrf: false }), 403, 'CSRF')
  assertError(await c.post(PATH, body), 401, 'UNAUTHENTICATED')
  assert.equal(hashOf(user), before)
})

test('a change ends the user’s other sessions, keeps this one, and only the new password logs in', async () => {
  const user = 'mzj.clerk'
  const other = await c.login(user, DEMO_PASSWORD)
  const here = await c.login(user, DEMO_PASSWORD)
  const colleague = await c.login('mzj.head', DEMO_PASSWORD)
  const next = 'Qingshan-新密码-2026'
  const r = await change(here, { current_password: DEMO_PASSWORD, new_password: next, confirm_password: next })
  assert.equal(r.status, 200, r.text)
  // The hash is argon2id, like every stored password.
  assert.match(hashOf(user), /^\$argon2id\$/)
  assert.equal((await c.get('/api/session', { session: here })).status, 200, 'this session stays')
  assertError(await c.get('/api/cases', { session: other }), 401, 'UNAUTHENTICATED')
  assert.equal((await c.get('/api/session', { session: colleague })).status, 200, 'another user is not signed out')
  assertError(await c.post('/api/session', { username: user, password: DEMO_PASSWORD }), 401, 'BAD_CREDENTIALS')
  const again = await c.post('/api/session', { username: user, password: next })
  assert.equal(again.status, 200, again.text)
  // The change is audited (who, when) in the security record.
  const admin = await c.login('admin')
  const ev = await c.get('/api/security/events?per_page=100', { session: admin })
  assert.ok(ev.json.items.some((i) => i.action === 'user_passwd_self' && (i.note || '').includes(user)), ev.text.slice(0, 400))
})
