// Refused requests: each gets the right status and {error:{code,message,field}} with a Chinese
// message, and none of them stores anything. Also: text that looks like SQL, HTML or quotes is
// data, stored and returned verbatim; every response carries the security headers.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, snapshot, assertUnchanged, HAN } from './lib.mjs'

let caseId // a letter being handled by scj
let scj
const c = useServer({
  async setup (cl) {
    scj = await cl.agencyOf('scj.clerk')
    const l = await cl.submitLetter({ subject: '错误处理测试来信' })
    await cl.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
    caseId = l.case_id
  },
})

const actionPath = (action, id = caseId) => `/api/cases/${id}/actions/${action}`

/** POST raw bytes to the reply action as scj.clerk and check the refusal changed nothing. */
async function rejectedReply (body, headers, status, code, field) {
  const before = await snapshot(c, caseId)
  const r = await c.post(actionPath('reply'), body, { session: await c.login('scj.clerk'), headers })
  const e = assertError(r, status, code, field)
  await assertUnchanged(c, caseId, before)
  return e
}

const JSON_CT = { 'content-type': 'application/json' }

test('malformed JSON is 400 BAD_JSON', async () => {
  // A bare scalar is not a JSON text this API accepts either (it wants an object).
  for (const body of ['{"version": 2, "reply_text": "x"', '{version: 2}', '', 'null x', '{"a":1}{"b":2}',
    '{"version":2,"version":3,"reply_text":"重复字段"}', '"text"', '42', 'null']) {
    await rejectedReply(body, JSON_CT, 400, 'BAD_JSON', null)
  }
})

test('invalid UTF-8 in a JSON body is 400 BAD_UTF8', async () => {
  const bad = Buffer.concat([Buffer.from('{"version":2,"reply_text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')])
  await rejectedReply(bad, JSON_CT, 400, 'BAD_UTF8', null)
  // An overlong encoding of "/" and a lone surrogate are not UTF-8 either.
  const overlong = Buffer.concat([Buffer.from('{"version":2,"reply_text":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])
  await rejectedReply(overlong, JSON_CT, 400, 'BAD_UTF8', null)
  const surrogate = Buffer.concat([Buffer.from('{"version":2,"reply_text":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])
  await rejectedReply(surrogate, JSON_CT, 400, 'BAD_UTF8', null)
})

test('a body that is not declared as JSON is 415', async () => {
  const body = JSON.stringify({ version: 2, reply_text: '内容' })
  await rejectedReply(body, { 'content-type': 'text/plain' }, 415, 'MEDIA_TYPE', 'Content-Type')
  await rejectedReply(body, { 'content-type': 'application/x-www-form-urlencoded' }, 415, 'MEDIA_TYPE', 'Content-Type')
  await rejectedReply(Buffer.from(body), {}, 415, 'MEDIA_TYPE', 'Content-Type')
  // A type that merely starts like JSON's is another type.
  for (const t of ['application/jsonx', 'application/json-patch+json', 'application/json5', 'application/jsonl; charset=utf-8']) {
    await rejectedReply(body, { 'content-type': t }, 415, 'MEDIA_TYPE', 'Content-Type')
  }
  // With a charset parameter it is JSON all right (the request then fails on the version only).
  const ok = await c.post(actionPath('reply'), '{"version":1,"reply_text":"x"}',
    { session: await c.login('scj.clerk'), headers: { 'content-type': 'application/json; charset=utf-8' } })
  assertError(ok, 409, 'CONFLICT', 'version')
})

test('a JSON array instead of an object is 422 BAD_TYPE', async () => {
  for (const body of ['[1,2]', '[]', '[{"version":2,"reply_text":"x"}]']) await rejectedReply(body, JSON_CT, 422, 'BAD_TYPE', null)
})

test('missing, unknown and mistyped fields are 422 naming the field', async () => {
  const v = (await c.detail(caseId)).case.version
  await rejectedReply(JSON.stringify({ version: v }), JSON_CT, 422, 'MISSING_FIELD', 'reply_text')
  await rejectedReply(JSON.stringify({ version: v, reply_text: ' \u3000 ' }), JSON_CT, 422, 'MISSING_FIELD', 'reply_text')
  await rejectedReply(JSON.stringify({ reply_text: '没有版本号' }), JSON_CT, 422, 'MISSING_FIELD', 'version')
  await rejectedReply(JSON.stringify({ version: v, reply_text: '多了字段', colour: 'red' }), JSON_CT, 422, 'UNKNOWN_FIELD', 'colour')
  await rejectedReply(JSON.stringify({ version: v, reply_text: 5 }), JSON_CT, 422, 'BAD_TYPE', 'reply_text')
  await rejectedReply(JSON.stringify({ version: v, reply_text: ['数组'] }), JSON_CT, 422, 'BAD_TYPE', 'reply_text')
  await rejectedReply(JSON.stringify({ version: String(v), reply_text: '版本号是文本' }), JSON_CT, 422, 'BAD_TYPE', 'version')
  await rejectedReply(JSON.stringify({ version: v, reply_text: '字'.repeat(5001) }), JSON_CT, 422, 'BAD_VALUE', 'reply_text')
  await rejectedReply(JSON.stringify({ version: v, reply_text: '控制字符\u0001' }), JSON_CT, 422, 'BAD_VALUE', 'reply_text')
  // The assignment's agency must be a real agency, given by its number.
  const l = await c.submitLetter({ subject: '分办单位校验' })
  const before = await snapshot(c, l.case_id)
  const legal = await c.login('legal')
  assertError(await c.post(actionPath('assign', l.case_id), { version: 1, agency_id: '19' }, { session: legal }), 422, 'BAD_TYPE', 'agency_id')
  assertError(await c.post(actionPath('assign', l.case_id), { version: 1, agency_id: 999999 }, { session: legal }), 422, 'BAD_VALUE', 'agency_id')
  assertError(await c.post(actionPath('assign', l.case_id), { version: 1 }, { session: legal }), 422, 'MISSING_FIELD', 'agency_id')
  await assertUnchanged(c, l.case_id, before)
})

test('a JSON body over 256 KiB is 413, whether its length is declared or streamed', async () => {
  const big = JSON.stringify({ version: 2, reply_text: 'x'.repeat(300 * 1024) })
  await rejectedReply(big, JSON_CT, 413, 'TOO_LARGE', 'Content-Length')
  const before = await snapshot(c)
  const letter = JSON.stringify({ name: '大', phone: '13800000000', category: 'other', subject: '超大', content: '长'.repeat(100 * 1024), publish_ok: false })
  assert.ok(Buffer.byteLength(letter) > 256 * 1024)
  assertError(await c.post('/api/public/mailbox', letter, { headers: JSON_CT }), 413, 'TOO_LARGE')
  // Chunked, with no Content-Length: the server counts what arrives.
  const bytes = Buffer.from(letter)
  const stream = new ReadableStream({
    start (ctl) {
      for (let i = 0; i < bytes.length; i += 64 * 1024) ctl.enqueue(bytes.subarray(i, i + 64 * 1024))
      ctl.close()
    },
  })
  const res = await fetch(c.url + '/api/public/mailbox', { method: 'POST', body: stream, duplex: 'half', headers: JSON_CT })
  assert.equal(res.status, 413)
  const j = await res.json()
  assert.equal(j.error.code, 'TOO_LARGE')
  assert.equal(j.error.field, 'body')
  assert.match(j.error.message, HAN)
  await assertUnchanged(c, null, before)
})

test('unknown routes are 404; a known path with the wrong method is 405 with Allow', async () => {
  const s = await c.login('legal')
  for (const p of ['/api/nope', '/api', '/api/cases/1/bogus', '/api/cases/1/actions', '/api/public/track',
    '/api/cases/1/actions/assign/extra', '/api/cases/']) {
    assertError(await c.get(p, { session: s }), 404, 'NOT_FOUND')
  }
  const cases = [
    ['DELETE', '/api/cases', 'GET'],
    ['PATCH', `/api/cases/${caseId}`, 'GET'],
    ['PUT', '/api/session', 'POST, GET, DELETE'],
    ['GET', `/api/cases/${caseId}/actions/reply`, 'POST'],
    ['POST', '/healthz', 'GET'],
    ['DELETE', '/api/public/mailbox', 'POST'],
    ['POST', '/', 'GET, HEAD'],
  ]
  for (const [method, p, allow] of cases) {
    const r = await c.api(method, p, { session: s, body: method === 'GET' ? undefined : {} })
    assertError(r, 405, 'METHOD')
    assert.equal(r.headers.get('allow'), allow, `${method} ${p}`)
  }
})

test('ids that are not positive integers are 404', async () => {
  const s = await c.login('legal')
  for (const id of ['abc', '0', '-1', '1.5', '1e3', '0x10', '+1', '99999999999999999999', '%20', '%E4%B8%AD']) {
    assertError(await c.get(`/api/cases/${id}`, { session: s }), 404, 'NOT_FOUND')
  }
})

test('path parameters are percent-decoded exactly once', async () => {
  const s = await c.login('legal')
  for (const p of ['/api/cases/%2531', '/api/cases%2F1', '/api/cases/1%00']) {
    const r = await c.get(p, { session: s })
    assert.ok([400, 404].includes(r.status), `${p} must not be case 1 (got ${r.status})`)
    assert.ok(r.json.error, `${p} answers with an error body`)
  }
  // Decoded once: %31 is "1".
  const once = await c.get('/api/cases/%31', { session: s })
  assert.equal(once.status, 200)
  assert.equal(once.json.case.case_id, 1)
})

test('an unknown action is 404 naming it; nothing is written', async () => {
  const before = await snapshot(c, caseId)
  const e = assertError(await c.act(caseId, 'delete', 'legal'), 404, 'NOT_FOUND', 'action')
  assert.match(e.message, /delete/)
  assertError(await c.act(caseId, '..', 'legal'), 404, 'NOT_FOUND')
  await assertUnchanged(c, caseId, before)
})

test('an action the state does not allow is 409 STATE; one the role does not allow is 403', async () => {
  const before = await snapshot(c, caseId)
  const e = assertError(await c.act(caseId, 'approve', 'legal'), 409, 'STATE')
  assert.match(e.message, /办理中/)
  assertError(await c.act(caseId, 'assign', 'legal', { agency_id: scj }), 409, 'STATE')
  assertError(await c.act(caseId, 'reply', 'legal', { reply_text: '法制机构不能拟办答复' }), 403, 'FORBIDDEN')
  assertError(await c.act(caseId, 'reply', 'admin', { reply_text: '管理员也不能' }), 403, 'FORBIDDEN')
  await assertUnchanged(c, caseId, before)
})

test('a stale version is 409 CONFLICT and nothing is written', async () => {
  const l = await c.submitLetter({ subject: '并发修改测试' })
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: scj, version: 1 })
  const before = await snapshot(c, l.case_id)
  assert.equal(before.version, 2)
  for (const version of [1, 3, 0, -1]) {
    const e = assertError(await c.act(l.case_id, 'reply', 'scj.clerk', { version, reply_text: '基于旧版本的答复' }), 409, 'CONFLICT', 'version')
    assert.match(e.message, /刷新/)
  }
  await assertUnchanged(c, l.case_id, before)
  const d = await c.detail(l.case_id)
  assert.equal(d.case.fields.reply_text, null)
})

test('simultaneous actions on the same version: exactly one wins, the others are 409', async () => {
  const l = await c.submitLetter({ subject: '并发分办测试' })
  const agencies = (await c.agencies()).filter((a) => a.kind !== 'county' && a.kind !== 'legal_office').slice(0, 6)
  const legal = await c.login('legal')
  const head = await c.login('legalhead')
  const before = await snapshot(c, l.case_id)
  const results = await Promise.all(agencies.map((a, i) => c.post(actionPath('assign', l.case_id),
    { version: 1, agency_id: a.agency_id }, { session: i % 2 ? head : legal })))
  const winners = results.filter((r) => r.status === 200)
  assert.equal(winners.length, 1, results.map((r) => `${r.status} ${r.text.slice(0, 80)}`).join('\n'))
  // The losers' version is stale: 409 CONFLICT ("refresh"), even though the letter's new state
  // would not allow the action either; nothing of theirs is written.
  for (const r of results.filter((x) => x.status !== 200)) {
    assertError(r, 409, 'CONFLICT', 'version')
    assert.match(r.json.error.message, /刷新/)
  }
  const d = await c.detail(l.case_id)
  assert.equal(d.case.version, 2)
  assert.equal(d.case.agency_id, winners[0].json.case.agency_id)
  assert.equal(d.events.length, before.events + 1, 'one assignment recorded')
})

test('letters submitted at the same moment get distinct, consecutive numbers', async () => {
  const body = (i) => ({ name: '并发', phone: '13800000000', category: 'other', subject: `并发来信 ${i}`, content: '内容', publish_ok: false })
  const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => c.post('/api/public/mailbox', body(i))))
  for (const r of rs) assert.equal(r.status, 201, r.text)
  const serials = rs.map((r) => Number(/〔2026〕(\d+)号/.exec(r.json.number)[1])).sort((a, b) => a - b)
  for (let i = 1; i < serials.length; i++) assert.equal(serials[i], serials[i - 1] + 1, `numbers ${serials.join(',')}`)
  assert.equal(new Set(rs.map((r) => r.json.tracking_code)).size, rs.length)
})

test('bad list parameters are 422 naming the parameter', async () => {
  const s = await c.login('legal')
  const cases = [
    ['page=0', 'page'], ['page=abc', 'page'], ['page=-1', 'page'], ['page=100001', 'page'],
    ['per_page=1000', 'per_page'], ['per_page=0', 'per_page'],
    ['sort=bogus', 'sort'], ['sort=title', 'sort'], ['sort=created_at;DROP', 'sort'],
    ['clock_status=purple', 'clock_status'], ['agency_id=abc', 'agency_id'], ['agency_id=0', 'agency_id'],
    ['type=nothing', 'type'], [`q=${'长'.repeat(101)}`, 'q'],
  ]
  for (const [q, field] of cases) {
    assertError(await c.get(`/api/cases?${encodeURI(q)}`, { session: s }), 422, 'BAD_VALUE', field)
  }
  assertError(await c.get('/api/mailbox/stats?year=1999', { session: s }), 422, 'BAD_VALUE', 'year')
  assertError(await c.get('/api/public/mailbox/replies?per_page=51'), 422, 'BAD_VALUE', 'per_page')
  assertError(await c.get('/api/public/mailbox/replies?page=0'), 422, 'BAD_VALUE', 'page')
  assertError(await c.get(`/api/public/mailbox/replies?q=${encodeURIComponent('词'.repeat(51))}`), 422, 'BAD_VALUE', 'q')
  // The limits themselves are fine.
  const ok = await c.get('/api/cases?page=1&per_page=100&sort=-due_date&clock_status=red', { session: s })
  assert.equal(ok.status, 200, ok.text)
  assert.equal(ok.json.per_page, 100)
})

test('invalid UTF-8 or control characters in a query string are 400 naming the parameter', async () => {
  const s = await c.login('legal')
  assertError(await c.get('/api/cases?q=%FF', { session: s }), 400, 'BAD_UTF8', 'q')
  assertError(await c.get('/api/cases?q=ab%C3', { session: s }), 400, 'BAD_UTF8', 'q')
  assertError(await c.get('/api/cases?q=a%01b', { session: s }), 400, 'BAD_UTF8', 'q')
  assertError(await c.get('/api/public/mailbox/replies?q=%FE%FF'), 400, 'BAD_UTF8', 'q')
})

test('text with quotes, SQL, HTML, emoji and Chinese quotation marks is stored and returned verbatim', async () => {
  const nasty = {
    name: "O'Brien \"测试\" <b>",
    subject: "'; DROP TABLE case_record; -- <script>alert(1)</script>",
    content: '他说：“这是‘引号’”。\n<img src=x onerror=alert(1)> 😀🏮 \\ % _ \' " ; -- /* */ \u3000全角空格\r\n第二行\t制表',
  }
  const before = await snapshot(c)
  const r = await c.post('/api/public/mailbox', { ...nasty, phone: '+86138-0013-8000', category: 'other', publish_ok: true })
  assert.equal(r.status, 201, r.text)
  assert.match(r.headers.get('content-type'), /^application\/json/)
  const id = await c.caseIdByNumber(r.json.number)
  const after = await snapshot(c)
  assert.equal(after.allCases, before.allCases + 1, 'the table is still there and has one more row')
  const d = await c.detail(id)
  assert.equal(d.case.title, nasty.subject)
  assert.equal(d.case.fields.subject, nasty.subject)
  assert.equal(d.case.fields.writer_name, nasty.name)
  assert.equal(d.case.fields.content, nasty.content)
  assert.equal(d.case.fields.phone, '+86138-0013-8000')
  const tr = await c.get(`/api/public/track/${r.json.tracking_code}`)
  assert.equal(tr.json.subject, nasty.subject)
  // Searching for the SQL text finds the letter and only treats it as text.
  const s = await c.login('legal')
  const found = await c.get(`/api/cases?q=${encodeURIComponent("'; DROP TABLE")}`, { session: s })
  assert.equal(found.status, 200, found.text)
  assert.ok(found.json.items.some((x) => x.case_id === id))
  for (const q of ['"', '%', '_', '"<script>', "' OR '1'='1", 'a" OR "b', '*', 'NEAR(a b)']) {
    const x = await c.get(`/api/cases?q=${encodeURIComponent(q)}`, { session: s })
    assert.equal(x.status, 200, `q=${q}: ${x.text}`)
  }
  const pct = await c.get(`/api/cases?q=${encodeURIComponent('%')}`, { session: s })
  assert.ok(pct.json.items.every((x) => x.title.includes('%') || x.number.includes('%')), '% is not a wildcard')
  // The reply text goes the same way through the agency and the published list.
  const replyText = '答复：<script>alert("x")</script> \'; DELETE FROM event; -- “好的”🙂'
  await c.actOk(id, 'assign', 'legal', { agency_id: scj })
  await c.actOk(id, 'reply', 'scj.clerk', { reply_text: replyText })
  await c.actOk(id, 'approve', 'legal')
  await c.actOk(id, 'publish', 'legal')
  const pub = await c.get(`/api/public/mailbox/replies?q=${encodeURIComponent('DROP TABLE case_record')}`)
  assert.equal(pub.json.total, 1)
  assert.equal(pub.json.items[0].subject, nasty.subject)
  assert.equal(pub.json.items[0].content, nasty.content)
  assert.equal(pub.json.items[0].reply_text, replyText)
  assert.ok(!pub.text.includes("O'Brien"), 'the writer is not published')
})

test('hostile inputs get a 4xx and the server keeps serving', async () => {
  const before = await snapshot(c, caseId)
  const bodies = [
    '['.repeat(200000), // nesting far beyond any parser's comfort
    '{"version":' + '9'.repeat(400) + ',"reply_text":"x"}', // an integer no machine word holds
    '{"version":1e400,"reply_text":"x"}',
    '{"version":2,"reply_text":"a\\u0000b"}', // an escaped NUL
    '{"version":2,"reply_text":"\\ud800"}', // an escaped lone surrogate
    '{"version":2,"reply_text":"' + 'x'.repeat(200 * 1024) + '"}', // long, but under the body limit
    '{"' + 'k'.repeat(100000) + '":1}',
  ]
  for (const body of bodies) {
    const r = await c.post(actionPath('reply'), body, { session: await c.login('scj.clerk'), headers: JSON_CT })
    assert.ok(r.status >= 400 && r.status < 500, `${body.slice(0, 40)}…: ${r.status} ${r.text.slice(0, 200)}`)
    assertError(r, r.status)
  }
  await assertUnchanged(c, caseId, before)
  const s = await c.login('legal')
  const longQ = await c.get('/api/cases?q=' + 'a'.repeat(60000), { session: s })
  assert.ok(longQ.status >= 400 && longQ.status < 500, `long query: ${longQ.status}`)
  const bigHeader = await c.get('/api/cases', { session: s, headers: { 'x-filler': 'y'.repeat(20000) } })
  assert.ok(bigHeader.status < 500 || bigHeader.status === 431, `big header: ${bigHeader.status}`)
  assert.equal((await c.get('/healthz')).status, 200, 'still serving')
})

test('a request with many query parameters is answered at once with 414 naming the query', async () => {
  // libmicrohttpd would parse thousands of parameters into its connection pool, run out and
  // leave the request hanging; the server refuses them from the request line, before that.
  for (const n of [65, 500, 5000]) {
    const q = Array.from({ length: n }, (_, i) => `p${i}=${i}`).join('&')
    const t0 = Date.now()
    const r = await c.api('GET', `/api/cases?${q}`)
    if (n * 8 < 4096) assertError(r, 414, 'URI_TOO_LONG', 'query')
    else assertError(r, 414, 'URI_TOO_LONG')
    assert.ok(Date.now() - t0 < 2000, `${n} parameters took ${Date.now() - t0} ms`)
  }
  // 64 parameters are still a request like any other.
  const q = Array.from({ length: 64 }, (_, i) => `p${i}=${i}`).join('&')
  assertError(await c.get(`/api/cases?${q}`), 401, 'UNAUTHENTICATED')
  assert.equal((await c.get('/healthz')).status, 200, 'still serving')
})

test('every kind of response carries the security headers; API responses are JSON', async () => {
  const s = await c.login('legal')
  const responses = [
    await c.get('/api/cases?per_page=1', { session: s }),
    await c.get('/api/cases'),
    await c.get('/api/nope'),
    await c.post('/api/public/mailbox', '{', { headers: JSON_CT }),
    await c.get('/api/public/agencies'),
    await c.get('/healthz'),
    await c.get('/metrics'),
    await c.get('/'),
    await c.get('/assets/missing.js'),
  ]
  for (const r of responses) {
    assert.match(r.headers.get('content-security-policy') || '', /default-src 'self'/)
    assert.match(r.headers.get('content-security-policy'), /frame-ancestors 'none'/)
    assert.match(r.headers.get('content-security-policy'), /script-src 'self'(;|$)/, 'no inline scripts')
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff')
    assert.equal(r.headers.get('x-frame-options'), 'DENY')
  }
  for (const r of responses.slice(0, 5)) assert.match(r.headers.get('content-type'), /^application\/json; charset=utf-8$/)
  assert.equal(responses[0].headers.get('cache-control'), 'no-store', 'case data is not cached')
})
