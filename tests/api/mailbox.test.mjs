// The county head's mailbox (县长信箱) end to end through the API: a citizen writes, the legal
// office assigns, the agency replies, the legal office approves and publishes, the citizen
// tracks it; plus the side roads (return, reject, close, no consent to publish) and the
// public rate limit.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  useServer, startServer, Client, assertError, snapshot, assertUnchanged, fazhi, sql, TODAY,
} from './lib.mjs'

const c = useServer()

const WRITER = { name: '欧阳测试', phone: '0571-88886666' }

/** The clock called name in a case detail or a list of clocks. */
function clock (detailOrClocks, name) {
  const list = Array.isArray(detailOrClocks) ? detailOrClocks : detailOrClocks.clocks
  const k = list.find((x) => x.name === name)
  assert.ok(k, `no clock ${name}`)
  return k
}

/** Asserts that neither the writer's name nor phone appears anywhere in a public response. */
function assertNoWriter (r) {
  assert.ok(!r.text.includes(WRITER.name), `writer's name leaked: ${r.text.slice(0, 300)}`)
  assert.ok(!r.text.includes(WRITER.phone), `writer's phone leaked: ${r.text.slice(0, 300)}`)
  for (const key of ['writer_name', 'phone']) {
    assert.ok(!new RegExp(`"${key}"\\s*:`).test(r.text), `public response has a "${key}" key`)
  }
}

async function stats (username = 'legal') {
  const r = await c.get('/api/mailbox/stats?year=2026', { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

const byAgency = (s, id) => s.by_agency.find((a) => a.agency_id === id) ||
  { received: 0, answered: 0, on_time: 0 }
const byCategory = (s, cat) => s.by_category.find((x) => x.category === cat)

test('a letter goes from the portal through assignment, reply, approval and publication', async () => {
  const scj = await c.agencyOf('scj.clerk')
  const statsBefore = await stats()
  const subject = '端到端：农贸市场缺斤少两'
  const content = '青山县农贸市场多个摊位电子秤不准，希望市场监管部门检查。'

  // 1. The citizen writes. Online letters are received the day they are sent.
  const sub = await c.post('/api/public/mailbox', {
    name: WRITER.name, phone: WRITER.phone, category: 'complaint', subject, content, publish_ok: true,
  })
  assert.equal(sub.status, 201, sub.text)
  assert.deepEqual(Object.keys(sub.json).sort(), ['due_date', 'number', 'received_on', 'tracking_code'])
  assert.match(sub.json.tracking_code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  assert.match(sub.json.number, /^青政信〔2026〕\d+号$/)
  assert.equal(sub.json.received_on, TODAY)
  // 15 working days, the day of receipt (Mon 2026-11-23) not counted:
  //   Nov 24 25 26 27 (Tue–Fri)      1–4
  //   Nov 30, Dec 1 2 3 4            5–9
  //   Dec 7 8 9 10 11                10–14
  //   Dec 14 (Mon)                   15
  // No holiday falls in between in the official 2026 calendar; the weekends are skipped.
  assert.equal(sub.json.due_date, '2026-12-14')
  assertNoWriter(sub)
  const code = sub.json.tracking_code
  const id = await c.caseIdByNumber(sub.json.number)

  // 2. Tracking shows it waiting to be assigned, with the reply clock.
  let tr = await c.get(`/api/public/track/${code}`)
  assert.equal(tr.status, 200, tr.text)
  assert.equal(tr.json.state, 'pending')
  assert.equal(tr.json.state_label, '待分办')
  assert.equal(tr.json.number, sub.json.number)
  assert.equal(tr.json.subject, subject)
  assert.equal(tr.json.category_label, '投诉举报')
  assert.equal(tr.json.received_on, TODAY)
  assert.equal(tr.json.due_date, '2026-12-14')
  assert.equal(tr.json.reply, null)
  assert.equal(tr.json.clock.due_date, '2026-12-14')
  assert.equal(tr.json.clock.status, 'green')
  assert.equal(tr.json.clock.days_left, 15)
  assert.deepEqual(tr.json.timeline.map((e) => e.label), ['来信已受理'])
  assertNoWriter(tr)
  // The code is accepted in lower case and without dashes, as people type it.
  const loose = await c.get(`/api/public/track/${code.replace(/-/g, '').toLowerCase()}`)
  assert.equal(loose.status, 200, loose.text)
  assert.equal(loose.json.number, sub.json.number)

  // 3. The legal office sees the whole letter, both clocks, and what it may do.
  let d = await c.detail(id)
  assert.equal(d.case.state, 'pending')
  assert.equal(d.case.agency_name, '青山县人民政府')
  assert.equal(d.case.tracking_code, code)
  assert.equal(d.case.version, 1)
  assert.equal(d.case.fields.writer_name, WRITER.name)
  assert.equal(d.case.fields.phone, WRITER.phone)
  assert.equal(d.case.fields.content, content)
  assert.equal(d.case.fields.publish_ok, true)
  assert.equal(clock(d, 'reply').due_date, '2026-12-14')
  assert.equal(clock(d, 'reply').trigger_date, TODAY)
  // Assignment: 2 working days, Tue 24 and Wed 25.
  assert.equal(clock(d, 'assign').due_date, '2026-11-25')
  assert.equal(clock(d, 'assign').state, 'running')
  assert.deepEqual(d.actions.map((a) => a.name).sort(), ['assign', 'close'])
  assert.deepEqual(d.events.map((e) => e.action), ['create'])
  assert.equal(d.events[0].actor_role, 'public')

  // 4. Assign to the market regulation bureau.
  let r = await c.post(`/api/cases/${id}/actions/assign`,
    { version: 1, agency_id: scj, opinion: '请市场监管局核查' }, { session: await c.login('legal') })
  assert.equal(r.status, 200, r.text)
  d = r.json
  assert.equal(d.case.state, 'handling')
  assert.equal(d.case.state_label, '办理中')
  assert.equal(d.case.agency_id, scj)
  assert.equal(d.case.agency_name, '青山县市场监督管理局')
  assert.equal(d.case.version, 2)
  assert.equal(clock(d, 'assign').state, 'stopped')
  assert.equal(clock(d, 'assign').on_time, true)
  assert.equal(clock(d, 'reply').state, 'running')
  assert.deepEqual(d.events.map((e) => e.action), ['create', 'assign'])
  assert.equal(d.events[1].note, '请市场监管局核查')
  assert.equal(d.events[1].actor_role, 'legal_staff')
  assert.equal(d.events[1].from_state, 'pending')
  assert.equal(d.events[1].to_state, 'handling')
  assert.deepEqual(d.actions, [], 'the legal office has nothing to do while the agency handles it')

  tr = await c.get(`/api/public/track/${code}`)
  assert.equal(tr.json.state_label, '办理中')
  assert.deepEqual(tr.json.timeline.map((e) => e.label), ['来信已受理', '已转交承办单位办理'])
  assert.ok(!tr.text.includes('请市场监管局核查'), 'internal opinions are not public')

  // 5. The agency clerk now sees it and drafts the reply.
  d = await c.detail(id, 'scj.clerk')
  assert.deepEqual(d.actions.map((a) => a.name).sort(), ['reply', 'return'])
  const replyText = '经现场检查，已责令 3 个摊位更换电子秤，并立案调查。感谢监督！'
  d = await c.actOk(id, 'reply', 'scj.clerk', { reply_text: replyText })
  assert.equal(d.case.state, 'reviewing')
  assert.equal(d.case.version, 3)
  assert.equal(d.case.fields.reply_text, replyText)
  assert.equal(d.case.fields.reply_agency_name, '青山县市场监督管理局')
  tr = await c.get(`/api/public/track/${code}`)
  assert.equal(tr.json.state_label, '待审核')
  assert.equal(tr.json.reply, null, 'a draft reply is not shown to the writer')
  assert.ok(!tr.text.includes(replyText))

  // 6. The legal office approves: the reply is given, the reply clock stops on time.
  d = await c.actOk(id, 'approve', 'legal', { opinion: '同意' })
  assert.equal(d.case.state, 'answered')
  assert.equal(d.case.state_label, '已答复')
  assert.equal(d.case.version, 4)
  assert.equal(d.case.fields.replied_on, TODAY)
  const rc = clock(d, 'reply')
  assert.equal(rc.state, 'stopped')
  assert.equal(rc.status, 'stopped')
  assert.equal(rc.on_time, true)
  assert.equal(rc.days_left, null)
  assert.equal(d.case.due_date, null, 'no clock runs on an answered letter')
  assert.deepEqual(d.actions.map((a) => a.name), ['publish'])

  tr = await c.get(`/api/public/track/${code}`)
  assert.equal(tr.json.state_label, '已答复')
  assert.deepEqual(tr.json.reply, { text: replyText, replied_on: TODAY, agency_name: '青山县市场监督管理局' })

  // 7. Publish: the reply appears among the published replies, without the writer.
  d = await c.actOk(id, 'publish', 'legal')
  assert.equal(d.case.state, 'published')
  assert.equal(d.case.fields.published_on, TODAY)
  assert.deepEqual(d.actions, [])
  assert.deepEqual(d.events.map((e) => e.action), ['create', 'assign', 'reply', 'approve', 'publish'])
  const ids = d.events.map((e) => e.event_id)
  assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'events are in order')

  tr = await c.get(`/api/public/track/${code}`)
  assert.equal(tr.json.state, 'published')
  assert.equal(tr.json.state_label, '已公开')
  assert.equal(tr.json.reply.text, replyText)
  assert.deepEqual(tr.json.timeline.map((e) => e.label),
    ['来信已受理', '已转交承办单位办理', '承办单位已拟办答复，正在审核', '已答复', '答复已在网站公开'])
  assertNoWriter(tr)

  const pub = await c.get(`/api/public/mailbox/replies?q=${encodeURIComponent('缺斤少两')}`)
  assert.equal(pub.status, 200, pub.text)
  assert.equal(pub.json.total, 1)
  assert.deepEqual(pub.json.items[0], {
    number: sub.json.number,
    subject,
    category_label: '投诉举报',
    content,
    reply_text: replyText,
    replied_on: TODAY,
    agency_name: '青山县市场监督管理局',
  })
  assertNoWriter(pub)
  // Newest first on the unfiltered list too.
  const all = await c.get('/api/public/mailbox/replies?per_page=5')
  assert.equal(all.json.items[0].number, sub.json.number)
  assert.ok(all.json.total > 1)
  assertNoWriter(all)

  // 8. The statistics count it: received, answered, on time, for its category and agency.
  const after = await stats()
  assert.equal(after.year, 2026)
  assert.equal(after.totals.received, statsBefore.totals.received + 1)
  assert.equal(after.totals.answered, statsBefore.totals.answered + 1)
  assert.equal(after.totals.on_time, statsBefore.totals.on_time + 1)
  assert.equal(byCategory(after, 'complaint').received, byCategory(statsBefore, 'complaint').received + 1)
  assert.equal(byCategory(after, 'complaint').label, '投诉举报')
  const a0 = byAgency(statsBefore, scj); const a1 = byAgency(after, scj)
  assert.equal(a1.received, a0.received + 1)
  assert.equal(a1.answered, a0.answered + 1)
  assert.equal(a1.on_time, a0.on_time + 1)
  assert.equal(a1.agency_name, '青山县市场监督管理局')
  const rate = Math.round((a1.on_time * 1000) / a1.answered) / 10
  assert.equal(a1.on_time_rate, rate)
  // Totals are the sum over categories.
  for (const k of ['received', 'answered', 'on_time']) {
    assert.equal(after.totals[k], after.by_category.reduce((n, x) => n + x[k], 0), k)
  }
  // The agency sees only its own figures.
  const mine = await stats('scj.clerk')
  assert.deepEqual(mine.by_agency.map((x) => x.agency_id), [scj])
  assert.equal(mine.totals.received, a1.received)
})

test('return: the agency sends a letter back, it is pending again and the assignment clock restarts', async () => {
  const zjj = await c.agencyOf('zjj.clerk')
  const scj = await c.agencyOf('scj.clerk')
  const l = await c.submitLetter({ subject: '退回测试：小区违建' })
  let d = await c.actOk(l.case_id, 'assign', 'legal', { agency_id: zjj })
  assert.equal(clock(d, 'assign').state, 'stopped')
  d = await c.actOk(l.case_id, 'return', 'zjj.clerk', { reason: '不属于本局职责，建议转城管局' })
  assert.equal(d.case.state, 'pending')
  assert.equal(d.case.agency_name, '青山县人民政府', 'the letter goes back to the receiving office')
  assert.deepEqual(d.actions, [], 'the returning clerk has nothing more to do on it')
  const ac = clock(d, 'assign')
  assert.equal(ac.state, 'running')
  assert.equal(ac.trigger_date, TODAY)
  assert.equal(ac.due_date, '2026-11-25')
  assert.equal(clock(d, 'reply').state, 'running', 'the reply period keeps running')
  assert.equal(clock(d, 'reply').due_date, '2026-12-14')
  const ev = d.events.at(-1)
  assert.equal(ev.action, 'return')
  assert.equal(ev.note, '不属于本局职责，建议转城管局')
  assert.equal(ev.actor_role, 'agency_clerk')
  // The returning agency no longer sees it.
  assertError(await c.get(`/api/cases/${l.case_id}`, { session: await c.login('zjj.clerk') }), 404, 'NOT_FOUND')
  const tr = await c.get(`/api/public/track/${l.tracking_code}`)
  assert.equal(tr.json.state_label, '待分办')
  assert.equal(tr.json.timeline.at(-1).label, '承办单位申请调整，正在重新分办')
  assert.ok(!tr.text.includes('不属于本局职责'))
  // A return needs a reason.
  d = await c.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
  const before = await snapshot(c, l.case_id)
  assertError(await c.act(l.case_id, 'return', 'scj.clerk', { reason: '   ' }), 422, 'MISSING_FIELD', 'reason')
  await assertUnchanged(c, l.case_id, before)
})

test('reject: the legal office sends a draft back to the agency, which replies again', async () => {
  const scj = await c.agencyOf('scj.clerk')
  const l = await c.submitLetter({ subject: '退回修改测试：过期食品' })
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
  await c.actOk(l.case_id, 'reply', 'scj.clerk', { reply_text: '已处理。' })
  let d = await c.actOk(l.case_id, 'reject', 'legalhead', { reason: '答复过于简单，请说明处理结果' })
  assert.equal(d.case.state, 'handling')
  assert.equal(d.case.agency_id, scj)
  assert.equal(clock(d, 'reply').state, 'running', 'the reply clock did not stop')
  assert.equal(d.events.at(-1).action, 'reject')
  assert.equal(d.events.at(-1).note, '答复过于简单，请说明处理结果')
  assert.equal(d.events.at(-1).actor_role, 'legal_head')
  d = await c.actOk(l.case_id, 'reply', 'scj.head', { reply_text: '经查，涉事超市下架过期食品 12 件，罚款 5000 元。' })
  assert.equal(d.case.state, 'reviewing')
  assert.equal(d.case.fields.reply_text, '经查，涉事超市下架过期食品 12 件，罚款 5000 元。')
  d = await c.actOk(l.case_id, 'approve', 'legal')
  assert.equal(d.case.state, 'answered')
  assert.deepEqual(d.events.map((e) => e.action), ['create', 'assign', 'reply', 'reject', 'reply', 'approve'])
})

test('close: a pending letter is closed with a reason; both clocks stop; tracking says so', async () => {
  const l = await c.submitLetter({ subject: '不予办理测试：广告' })
  let d = await c.actOk(l.case_id, 'close', 'legal', { reason: '内容为商业广告，不属于来信受理范围' })
  assert.equal(d.case.state, 'closed')
  assert.equal(d.case.state_label, '不予办理')
  assert.equal(d.case.fields.close_reason, '内容为商业广告，不属于来信受理范围')
  assert.equal(clock(d, 'reply').state, 'stopped')
  assert.equal(clock(d, 'assign').state, 'stopped')
  assert.deepEqual(d.actions, [])
  const tr = await c.get(`/api/public/track/${l.tracking_code}`)
  assert.equal(tr.json.state, 'closed')
  assert.equal(tr.json.state_label, '不予办理')
  assert.equal(tr.json.close_reason, '内容为商业广告，不属于来信受理范围')
  assert.equal(tr.json.reply, null)
  assert.equal(tr.json.timeline.at(-1).label, '不予办理')
  // Closed is final: nothing more can happen, and nothing is written by trying.
  const before = await snapshot(c, l.case_id)
  assertError(await c.act(l.case_id, 'assign', 'legal', { agency_id: 19 }), 409, 'STATE')
  assertError(await c.act(l.case_id, 'close', 'legal', { reason: '再次' }), 409, 'STATE')
  await assertUnchanged(c, l.case_id, before)
  // A letter being handled cannot be closed.
  const h = await c.submitLetter({ subject: '办理中不能不予办理' })
  await c.actOk(h.case_id, 'assign', 'legal', { agency_id: await c.agencyOf('cgj.clerk') })
  const b2 = await snapshot(c, h.case_id)
  assertError(await c.act(h.case_id, 'close', 'legal', { reason: '试图关闭' }), 409, 'STATE')
  await assertUnchanged(c, h.case_id, b2)
})

test('a letter is not assigned where nobody could open it: 422 naming the agency; nothing is written', async () => {
  const l = await c.submitLetter({ subject: '改派测试：无人办理的单位' })
  // An agency with no clerk or head account at all (a new one, not yet staffed).
  const name = '青山县新设事务中心'
  sql(c.db, `INSERT INTO agency(code, name, short_name, kind, sort_order) VALUES ('xszx', '${name}', '新设中心', 'department', 99)`)
  const county = sql(c.db, `SELECT agency_id FROM agency WHERE code = 'xszx'`)[0][0]
  const before = await snapshot(c, l.case_id)
  const e = assertError(await c.act(l.case_id, 'assign', 'legal', { agency_id: Number(county) }), 422, 'BAD_VALUE', 'agency_id')
  assert.ok(e.message.includes(name), e.message)
  await assertUnchanged(c, l.case_id, before)
  // A disabled account does not count either.
  const cgj = await c.agencyOf('cgj.clerk')
  sql(c.db, `UPDATE app_user SET disabled = 1 WHERE agency_id = ${cgj} AND role IN ('agency_clerk', 'agency_head')`)
  try {
    assertError(await c.act(l.case_id, 'assign', 'legal', { agency_id: cgj }), 422, 'BAD_VALUE', 'agency_id')
  } finally {
    sql(c.db, `UPDATE app_user SET disabled = 0 WHERE agency_id = ${cgj} AND role IN ('agency_clerk', 'agency_head')`)
  }
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: cgj })
})

test('publish is refused (409 STATE) when the writer did not agree, and not offered', async () => {
  const l = await c.submitLetter({ subject: '不同意公开：家庭纠纷', publish_ok: false })
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: await c.agencyOf('qsz.clerk') })
  await c.actOk(l.case_id, 'reply', 'qsz.clerk', { reply_text: '已调解。' })
  const d = await c.actOk(l.case_id, 'approve', 'legal')
  assert.equal(d.case.fields.publish_ok, false)
  assert.deepEqual(d.actions, [], 'publish is not offered without consent')
  const before = await snapshot(c, l.case_id)
  const r = await c.act(l.case_id, 'publish', 'legal')
  const e = assertError(r, 409, 'STATE')
  assert.match(e.message, /不同意公开/)
  await assertUnchanged(c, l.case_id, before)
  const tr = await c.get(`/api/public/track/${l.tracking_code}`)
  assert.equal(tr.json.state, 'answered')
  assert.equal(tr.json.reply.text, '已调解。', 'the writer still sees the reply')
  const pub = await c.get(`/api/public/mailbox/replies?q=${encodeURIComponent('家庭纠纷')}`)
  assert.equal(pub.json.total, 0)
})

test('letter numbers are consecutive and tracking codes unique', async () => {
  const a = await c.submitLetter({ subject: '编号测试一' })
  const b = await c.submitLetter({ subject: '编号测试二' })
  const n = (x) => Number(/〔2026〕(\d+)号/.exec(x.number)[1])
  assert.equal(n(b), n(a) + 1)
  assert.notEqual(a.tracking_code, b.tracking_code)
})

test('tracking an unknown or malformed code is 404 with a Chinese message', async () => {
  assertError(await c.get('/api/public/track/AAAA-BBBB-CCCC'), 404, 'NOT_FOUND', 'code')
  assertError(await c.get('/api/public/track/not-a-code'), 404, 'NOT_FOUND', 'code')
  assertError(await c.get('/api/public/track/' + encodeURIComponent("' OR 1=1 --")), 404, 'NOT_FOUND', 'code')
})

test('public submissions are checked field by field and nothing is stored when refused', async () => {
  const good = { name: '李四', phone: '13912345678', category: 'suggestion', subject: '建议', content: '内容', publish_ok: false }
  const before = await snapshot(c)
  const cases = [
    [{ ...good, phone: 'abc' }, 'BAD_VALUE', 'phone'],
    [{ ...good, phone: '123' }, 'BAD_VALUE', 'phone'],
    [{ ...good, subject: '长'.repeat(101) }, 'BAD_VALUE', 'subject'],
    [{ ...good, content: '字'.repeat(5001) }, 'BAD_VALUE', 'content'],
    [{ ...good, name: '名'.repeat(31) }, 'BAD_VALUE', 'name'],
    [{ ...good, category: 'gossip' }, 'BAD_VALUE', 'category'],
    [{ ...good, publish_ok: 'yes' }, 'BAD_TYPE', 'publish_ok'],
    [{ ...good, subject: 42 }, 'BAD_TYPE', 'subject'],
    [{ ...good, content: '  \n ' }, 'MISSING_FIELD', 'content'],
    [{ ...good, subject: 'a\u0007b' }, 'BAD_VALUE', 'subject'],
    [(({ name, ...rest }) => rest)(good), 'MISSING_FIELD', 'name'],
    [(({ publish_ok, ...rest }) => rest)(good), 'MISSING_FIELD', 'publish_ok'],
    [{ ...good, agency_id: 19 }, 'UNKNOWN_FIELD', 'agency_id'],
  ]
  for (const [body, code, field] of cases) {
    assertError(await c.post('/api/public/mailbox', body), 422, code, field)
  }
  await assertUnchanged(c, null, before)
  // The limits themselves are allowed: a 100-character subject and a 5000-character letter.
  const ok = await c.post('/api/public/mailbox', { ...good, subject: '长'.repeat(100), content: '字'.repeat(5000) })
  assert.equal(ok.status, 201, ok.text)
})

test('public submissions are rate-limited per client (429 THROTTLED with Retry-After)', async () => {
  const s = await startServer({ demo: false, env: { FAZHI_PUBLIC_RATE: '3' } })
  try {
    const pc = new Client(s)
    const body = { name: '王五', phone: '13700000000', category: 'other', subject: '限流', content: '测试', publish_ok: false }
    for (let i = 0; i < 3; i++) assert.equal((await pc.post('/api/public/mailbox', body)).status, 201)
    const before = await snapshot(pc)
    const r = await pc.post('/api/public/mailbox', body)
    assertError(r, 429, 'THROTTLED')
    assert.equal(r.headers.get('retry-after'), '60')
    await assertUnchanged(pc, null, before)
  } finally {
    await s.stop()
  }
})

test('a letter whose reply period runs into a year without an official calendar is accepted, its due date pending', async () => {
  // Received Tue 2026-12-15: 15 working days end in January 2027, whose holidays are not loaded.
  const s = await startServer({ demo: false, env: { FAZHI_TODAY: '2026-12-15' } })
  try {
    const pc = new Client(s)
    const r = await pc.post('/api/public/mailbox', { name: '跨年', phone: '13700000000', category: 'other',
      subject: '跨年来信', content: '十二月中旬的来信', publish_ok: false })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.received_on, '2026-12-15')
    assert.equal(r.json.due_date, null, 'no guessed due date')
    const tr = await pc.get(`/api/public/track/${r.json.tracking_code}`)
    assert.equal(tr.status, 200, tr.text)
    assert.equal(tr.json.clock.due_date, null)
    assert.equal(tr.json.clock.status, 'unknown')
    assert.ok(tr.json.clock.explain.some((line) => /尚未载入/.test(line)), tr.json.clock.explain.join('\n'))
    // The administrator is told on the supervision page.
    const sup = await pc.get('/api/supervision', { session: await pc.login('admin') })
    assert.equal(sup.status, 200, sup.text)
    assert.ok(sup.json.warnings.some((w) => /2027 年/.test(w)), sup.json.warnings.join('\n'))
    assert.ok(sup.json.warnings.some((w) => /到期日待载入后自动计算/.test(w)), sup.json.warnings.join('\n'))
  } finally {
    await s.stop()
  }
})

test('every event of the mailbox run is in an intact audit chain', async () => {
  const r = fazhi(['audit', 'verify', '--db', c.db])
  assert.equal(r.status, 0, r.stdout + r.stderr)
  assert.match(r.stdout, /审计链完整/)
})
