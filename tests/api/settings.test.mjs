// Local rules as settings (spec: "local rules are settings, not constants"): listed for staff,
// changed only by the administrator or the head of the legal office, range-checked, audited,
// and applied to periods started afterwards.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, sql, fazhiOk, HAN } from './lib.mjs'

const c = useServer()

const put = async (key, body, username = 'admin', opts = {}) =>
  c.api('PUT', `/api/settings/${key}`, { session: await c.login(username), body, ...opts })
const setting = (list, key) => list.items.find((x) => x.key === key)
const clock = (detail, name) => detail.clocks.find((k) => k.name === name)

test('every setting is listed with its value, default, range and a Chinese label', async () => {
  const r = await c.get('/api/settings', { session: await c.login('scj.clerk') })
  assert.equal(r.status, 200, r.text)
  const keys = r.json.items.map((x) => x.key)
  for (const k of ['clock.yellow_days', 'mailbox.reply_days', 'mailbox.assign_days', 'disclosure.fee_days',
    'litigation.suggestion_days', 'enforcement.exam_pass_mark']) assert.ok(keys.includes(k), k)
  const reply = setting(r.json, 'mailbox.reply_days')
  assert.deepEqual([reply.value, reply.default, reply.min, reply.max], [15, 15, 1, 60])
  assert.equal(reply.updated_at, null)
  for (const x of r.json.items) {
    assert.match(x.label, HAN, x.key)
    assert.ok(x.min <= x.value && x.value <= x.max, x.key)
  }
  assertError(await c.get('/api/settings'), 401, 'UNAUTHENTICATED')
})

test('only the administrator or the legal office head may change one; bad values name the field; nothing changes', async () => {
  const events = () => sql(c.db, "SELECT COUNT(*) FROM event WHERE entity = 'setting'")[0][0]
  const before = events()
  for (const u of ['legal', 'scj.head', 'leader']) assertError(await put('mailbox.reply_days', { value: 10 }, u), 403, 'FORBIDDEN')
  assertError(await put('mailbox.reply_days', { value: 0 }), 422, 'BAD_VALUE', 'value')
  const e = assertError(await put('mailbox.reply_days', { value: 61 }), 422, 'BAD_VALUE', 'value')
  assert.match(e.message, /1 至 60/)
  assertError(await put('mailbox.reply_days', { value: '10' }), 422, 'BAD_TYPE', 'value')
  assertError(await put('mailbox.reply_days', {}), 422, 'MISSING_FIELD', 'value')
  assertError(await put('mailbox.reply_days', { value: 10, extra: 1 }), 422, 'UNKNOWN_FIELD', 'extra')
  assertError(await put('no.such_key', { value: 10 }), 404, 'NOT_FOUND', 'key')
  assertError(await put('mailbox.reply_days', { value: 10 }, 'admin', { csrf: false }), 403, 'CSRF')
  assert.equal(events(), before, 'no audit event for a refused change')
  assert.deepEqual(sql(c.db, "SELECT COUNT(*) FROM setting WHERE key = 'mailbox.reply_days'"), [['0']])
})

test('a change is audited and applies to periods started afterwards, not to running ones', async () => {
  const running = await c.submitLetter({ subject: '设置修改前的来信' })
  const r = await put('mailbox.reply_days', { value: 10 }, 'legalhead')
  assert.equal(r.status, 200, r.text)
  const s = setting(r.json, 'mailbox.reply_days')
  assert.equal(s.value, 10)
  assert.ok(s.updated_at)
  const [[action, note, beforeJson, afterJson, role]] = sql(c.db,
    "SELECT action, note, before_json, after_json, actor_role FROM event WHERE entity = 'setting' ORDER BY event_id DESC LIMIT 1")
  assert.equal(action, 'setting_change')
  assert.match(note, /由 15 改为 10/)
  assert.deepEqual([JSON.parse(beforeJson), JSON.parse(afterJson)], [{ 'mailbox.reply_days': 15 }, { 'mailbox.reply_days': 10 }])
  assert.equal(role, 'legal_head')
  const after = await c.submitLetter({ subject: '设置修改后的来信' })
  assert.equal(clock(await c.detail(after.case_id), 'reply').days, 10, 'a new letter gets the new period')
  assert.equal(clock(await c.detail(running.case_id), 'reply').days, 15, 'a running period keeps its days')
  // The chain still verifies with the setting event in it.
  assert.match(fazhiOk(['audit', 'verify', '--db', c.db]).stdout, /\d/)
  const back = await put('mailbox.reply_days', { value: 15 })
  assert.equal(back.status, 200, back.text)
})
