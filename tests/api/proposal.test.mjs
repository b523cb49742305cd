// Deputies' suggestions and members' proposals (人大代表建议 · 政协委员提案) through the API:
// sessions and items, the reply clock counted in calendar months from assignment (代表法 第51条:
// 3 months, 6 for difficult ones; CPPCC by settings) across month ends and holidays, the
// co-handlers' gate before the reply, contact before the reply, re-handling after 不满意,
// scope (a co-handler sees the item, an unrelated agency gets 404), the portal's replies
// without the authors' personal data, 422 naming the field with nothing written, and figures.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, startServer, Client, assertError, sql, TODAY } from './lib.mjs'

const c = useServer()
const extra = []
after(async () => { for (const s of extra) await s.stop() })

const AUTHOR = { name: '欧阳代表测', unit: '龙泉镇代表团（测试）' }

/** The day n calendar months after iso (民法典 第202条: the corresponding day, else the month's last). */
function addMonths (iso, n) {
  const [y, m, d] = iso.split('-').map(Number)
  const idx = y * 12 + (m - 1) + n
  const ny = Math.floor(idx / 12)
  const nm = idx % 12 + 1
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** The first working day on or after iso, on the official calendar stored in db. */
function workingOnOrAfter (db, iso) {
  const kinds = new Map(sql(db, "SELECT day, kind FROM calendar_day").map(([d, k]) => [d, k]))
  let t = Date.parse(iso + 'T00:00:00Z')
  for (;;) {
    const day = new Date(t).toISOString().slice(0, 10)
    const k = kinds.get(day)
    const wd = new Date(t).getUTCDay()
    const rest = k === 'holiday' || (k !== 'workday' && (wd === 0 || wd === 6))
    if (!rest) return day
    t += 86400000
  }
}

let seq = 0
async function session (client, body) {
  const s = await client.login('legal')
  const r = await client.post('/api/proposal-sessions', {
    body, name: `测试${body === 'npc' ? '人大' : '政协'}会次${++seq}-${Math.random().toString(36).slice(2, 8)}`,
    opens_on: '2026-01-10', closes_on: '2026-01-13',
  }, { session: s })
  assert.equal(r.status, 201, r.text)
  return r.json.session_id
}

async function item (client, sessionId, over = {}) {
  const s = await client.login('legal')
  const r = await client.post('/api/proposals', {
    session_id: sessionId, item_no: String(++seq), title: '关于加强乡村道路养护的建议（测试）',
    content: '建议加大投入，建立长效养护机制。', authors: [AUTHOR, { name: '李测试', unit: '石桥镇代表团' }], ...over,
  }, { session: s })
  assert.equal(r.status, 201, r.text)
  return r.json.case_id
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)
/** The due day, or the provisional one while the year's official calendar is not loaded. */
const due = (k) => k.due_date || k.provisional_due_date

async function assigned (client, body, { difficult = false, cohandlers = '', lead = 'zjj' } = {}) {
  const sid = await session(client, body)
  const id = await item(client, sid)
  const agency = await client.agencyOf(`${lead}.clerk`)
  const d = await client.actOk(id, 'assign', 'legal', { agency_id: agency, cohandlers, difficult, opinion: '请按时办理。' })
  return { id, d }
}

test('the reply is due 3 or 6 calendar months after assignment, month end clamped, a rest-day end moved on', async () => {
  // Assignment days that meet a 31st without a counterpart, a National Day end and an ordinary day.
  const days = [TODAY, '2026-01-31', '2026-07-01', '2026-08-31']
  for (const day of days) {
    let client = c
    if (day !== TODAY) {
      const srv = await startServer({ env: { FAZHI_TODAY: day } })
      extra.push(srv)
      client = new Client(srv)
    }
    for (const body of ['npc', 'cppcc']) {
      for (const difficult of [false, true]) {
        const { d } = await assigned(client, body, { difficult })
        const months = difficult ? 6 : 3
        const raw = addMonths(day, months)
        const want = workingOnOrAfter(client.db, raw)
        const k = clock(d, 'reply')
        assert.equal(due(k), want, JSON.stringify(k) + `${body} difficult=${difficult} assigned ${day}: raw end ${raw}`)
        assert.match(k.article, /代表法》第五十一条/)
        assert.equal(d.case.fields.assigned_on, day)
        assert.equal(d.case.fields.first_due_on, want)
      }
    }
  }
})

test('a CPPCC period follows its own setting', async () => {
  const admin = await c.login('legalhead')
  const r = await c.api('PUT', '/api/settings/proposal.cppcc_months', { session: admin, body: { value: 2 } })
  assert.equal(r.status, 200, r.text)
  try {
    const { d } = await assigned(c, 'cppcc')
    assert.equal(due(clock(d, 'reply')), workingOnOrAfter(c.db, addMonths(TODAY, 2)))
  } finally {
    await c.api('PUT', '/api/settings/proposal.cppcc_months', { session: admin, body: { value: 3 } })
  }
})

test('the reply waits for every co-handler (or the lead\'s reason) and for the contact with the author', async () => {
  const { id, d } = await assigned(c, 'npc', { cohandlers: 'hbj、cgj' })
  assert.equal(d.case.fields.cohandlers.length, 2)
  assert.equal(d.case.fields.cohandle_left, 2)
  // One co-handling clock for each co-handler, named in its row of the fields.
  const coClocks = d.case.fields.cohandlers.map((h) => clock(d, h.clock))
  assert.equal(new Set(d.case.fields.cohandlers.map((h) => h.clock)).size, 2)
  const co = coClocks[0]
  assert.ok(co && due(co), 'co-handling clock runs')
  assert.equal(due(coClocks[1]), due(co))
  // Each names the co-handler keeping it.
  assert.deepEqual(d.case.fields.cohandlers.map((h) => clock(d, h.clock).keeper_name), d.case.fields.cohandlers.map((h) => h.agency_name))
  assert.equal(due(co), workingOnOrAfter(c.db, new Date(Date.parse(TODAY + 'T00:00:00Z') + 30 * 86400000).toISOString().slice(0, 10)))

  // The lead cannot reply yet: neither contacted nor co-handled.
  let r = await c.act(id, 'reply', 'zjj.clerk', { result: 'A', reply_text: '已解决。' })
  assertError(r, 409)
  assert.match(r.json.error.message, /协办/)
  // The lead may not give a co-handler's opinion.
  r = await c.act(id, 'cohandle', 'zjj.clerk', { opinion: '主办代填' })
  assertError(r, 409)
  // Each agency is offered only its own steps: the lead its own, a co-handler its opinion.
  const offered = async (u) => (await c.detail(id, u)).actions.map((a) => a.name).sort()
  assert.deepEqual(await offered('zjj.clerk'), ['contact', 'waive'])
  assert.match((await c.act(id, 'waive_last', 'zjj.clerk', { agency_id: await c.agencyOf('cgj.clerk'), reason: 'x' })).json.error.message, /没有待提交/)
  assert.deepEqual(await offered('hbj.clerk'), ['cohandle'])
  assert.equal((await c.detail(id, 'hbj.clerk')).case.fields.my_part, 'cohandler_due')
  // A co-handler gives its opinion; the second is excused by the lead with a reason.
  await c.actOk(id, 'cohandle', 'hbj.clerk', { opinion: '环保方面无异议，配合做好扬尘治理。' })
  r = await c.act(id, 'cohandle', 'hbj.clerk', { opinion: '再来一次' })
  assert.ok([403, 409].includes(r.status), r.text)
  assert.deepEqual(await offered('zjj.clerk'), ['contact', 'waive_last'])
  r = await c.act(id, 'waive_last', 'zjj.clerk', { agency_id: await c.agencyOf('hbj.clerk'), reason: '已提交' })
  assertError(r, 422, 'BAD_VALUE', 'agency_id')
  const cgj = await c.agencyOf('cgj.clerk')
  const hbj = await c.agencyOf('hbj.clerk')
  const mid = await c.detail(id, 'zjj.clerk')
  const clockOf = (dd, ag) => clock(dd, dd.case.fields.cohandlers.find((x) => x.agency_id === ag).clock)
  assert.equal(clockOf(mid, hbj).state, 'stopped')
  assert.equal(clockOf(mid, cgj).state, 'running')
  const w = await c.actOk(id, 'waive_last', 'zjj.clerk', { agency_id: cgj, reason: '经电话催办，城管局表示无补充意见。' })
  assert.equal(clockOf(w, cgj).state, 'stopped')
  assert.equal(w.case.fields.cohandlers.find((x) => x.agency_id === cgj).waived_reason, '经电话催办，城管局表示无补充意见。')
  assert.equal(w.case.fields.cohandle_left, 0)
  // Still no contact with the author this round.
  r = await c.act(id, 'reply', 'zjj.clerk', { result: 'A', reply_text: '已解决。' })
  assertError(r, 409)
  assert.match(r.json.error.message, /沟通/)
  // A co-handler cannot take the lead's steps.
  r = await c.act(id, 'contact', 'hbj.clerk', { contact_on: TODAY, way: 'phone', summary: '电话' })
  assertError(r, 409)
  assert.deepEqual(await offered('hbj.clerk'), [])
  assert.equal((await c.detail(id, 'hbj.clerk')).case.fields.my_part, 'cohandler')
  await c.actOk(id, 'contact', 'zjj.clerk', { contact_on: TODAY, way: 'meeting', summary: '当面听取代表意见。' })
  const done = await c.actOk(id, 'reply', 'zjj.clerk', { result: 'B', reply_text: '已列入明年计划。' })
  assert.equal(done.case.state, 'replied')
  assert.equal(clock(done, 'reply').state, 'stopped')
  assert.ok(done.clocks.filter((k) => k.name.startsWith('cohandle_')).every((k) => k.state === 'stopped'))
  assert.equal(done.case.fields.on_time, true)
  assert.equal(done.case.fields.result, 'B')
  // The reply letter as Word.
  const doc = await c.get(`/api/cases/${id}/documents/proposal-reply.docx`, { session: await c.login('zjj.clerk') })
  assert.equal(doc.status, 200)
  assert.match(doc.headers.get('content-type'), /wordprocessingml/)
})

test('the last co-handler\'s opinion stops the co-handling clock', async () => {
  const { id } = await assigned(c, 'cppcc', { cohandlers: 'hbj' })
  const d = await c.actOk(id, 'cohandle_last', 'hbj.clerk', { opinion: '无补充意见。' })
  assert.equal(clock(d, d.case.fields.cohandlers[0].clock).state, 'stopped')
  assert.equal(d.case.fields.cohandle_left, 0)
})

test('each co-handler keeps its own co-handling clock in supervision until it answers or is excused', async () => {
  // Assigned on 2026-10-10: by TODAY (2026-11-23) the 30-day co-handling period has run out.
  const early = await startServer({ env: { FAZHI_TODAY: '2026-10-10' } })
  let id
  try {
    const e = new Client(early)
    id = (await assigned(e, 'npc', { cohandlers: 'hbj、cgj、jtj' })).id
  } finally {
    await early.stop({ keep: true })
  }
  const srv = await startServer({ dir: early.dir, db: early.db })
  extra.push(srv)
  const k = new Client(srv)
  const due = async (user) => {
    const r = await k.get('/api/supervision', { session: await k.login(user) })
    assert.equal(r.status, 200, r.text)
    return r.json.items.filter((x) => x.case_id === id && x.clock_label === '协办意见期限')
  }
  // Each co-handler's clerk sees its own overdue opinion, charged to its agency; the lead does not.
  for (const u of ['hbj.clerk', 'cgj.clerk', 'jtj.clerk']) {
    const mine = await due(u)
    assert.equal(mine.length, 1, `${u}: ${JSON.stringify(mine)}`)
    const ag = await k.agencyOf(u)
    assert.equal(mine[0].agency_name, (await k.detail(id, u)).case.fields.cohandlers.find((h) => h.agency_id === ag).agency_name)
    assert.equal(mine[0].status, 'red')
  }
  assert.equal((await due('zjj.clerk')).length, 0)
  // The legal office sees all three, each under its co-handler.
  const all = await due('legal')
  assert.deepEqual(all.map((x) => x.agency_name).sort(), (await k.detail(id, 'legal')).case.fields.cohandlers.map((h) => h.agency_name).sort())
  // hbj answers: its line is gone, the others remain.
  await k.actOk(id, 'cohandle', 'hbj.clerk', { opinion: '无补充意见。' })
  assert.equal((await due('hbj.clerk')).length, 0)
  assert.equal((await due('cgj.clerk')).length, 1)
  // The lead excuses jtj: gone for jtj, still there for cgj.
  await k.actOk(id, 'waive', 'zjj.clerk', { agency_id: await k.agencyOf('jtj.clerk'), reason: '多次催办未回复。' })
  assert.equal((await due('jtj.clerk')).length, 0)
  assert.equal((await due('cgj.clerk')).length, 1)
  assert.equal((await due('legal')).length, 1)
})

test('不满意 opens a new round on a new clock, with a new contact before the new reply', async () => {
  const { id } = await assigned(c, 'npc')
  await c.actOk(id, 'contact', 'zjj.clerk', { contact_on: TODAY, way: 'phone', summary: '电话沟通。' })
  await c.actOk(id, 'reply', 'zjj.clerk', { result: 'C', reply_text: '因条件限制暂不能解决。' })
  let r = await c.act(id, 'dissatisfied', 'zjj.clerk', { comment: '不满意' })
  assertError(r, 403)
  const d = await c.actOk(id, 'dissatisfied', 'legal', { comment: '代表认为答复未回应核心问题。' })
  assert.equal(d.case.state, 'handling')
  assert.equal(d.case.fields.round, 2)
  assert.equal(d.case.fields.rating, 'dissatisfied')
  assert.equal(d.case.fields.contacted, false)
  const k = clock(d, 'reply')
  assert.equal(k.state, 'running')
  assert.equal(due(k), workingOnOrAfter(c.db, addMonths(TODAY, 1)))
  assert.equal(d.case.fields.rounds.length, 2)
  assert.equal(d.case.fields.rounds[0].rating, 'dissatisfied')
  r = await c.act(id, 'reply', 'zjj.clerk', { result: 'B', reply_text: '重新办理：已列入计划。' })
  assertError(r, 409)
  await c.actOk(id, 'contact', 'zjj.clerk', { contact_on: TODAY, way: 'visit', summary: '实地走访。' })
  await c.actOk(id, 'reply', 'zjj.clerk', { result: 'B', reply_text: '重新办理：已列入计划。' })
  const closed = await c.actOk(id, 'feedback', 'legal', { rating: 'basic' })
  assert.equal(closed.case.state, 'closed')
  assert.equal(closed.case.fields.rating, 'basic')
  assert.equal(closed.case.fields.first_replied_on, TODAY)
  assert.equal(closed.case.fields.rounds[1].result, 'B')
})

test('scope: the lead and co-handlers see the item; an unrelated agency gets 404 everywhere', async () => {
  const { id } = await assigned(c, 'cppcc', { cohandlers: 'hbj' })
  for (const u of ['zjj.clerk', 'hbj.clerk', 'legal', 'leader']) {
    const r = await c.get(`/api/cases/${id}`, { session: await c.login(u) })
    assert.equal(r.status, 200, `${u}: ${r.text}`)
  }
  const scj = await c.login('scj.clerk')
  assert.equal((await c.get(`/api/cases/${id}`, { session: scj })).status, 404)
  assert.equal((await c.get(`/api/cases/${id}/documents/proposal-reply.docx`, { session: scj })).status, 404)
  const list = async (u) => (await c.get('/api/proposals?per_page=100&q=' + encodeURIComponent('乡村道路'), { session: await c.login(u) })).json.items.map((x) => x.case_id)
  assert.ok((await list('hbj.clerk')).includes(id))
  assert.ok(!(await list('scj.clerk')).includes(id))
  const r = await c.act(id, 'contact', 'scj.clerk', { contact_on: TODAY, way: 'phone', summary: 'x' })
  assert.equal(r.status, 404)
})

test('published replies on the portal carry no author\'s name or unit', async () => {
  const { id } = await assigned(c, 'npc')
  assert.equal((await c.get(`/api/public/proposals/${id}`)).status, 404)
  await c.actOk(id, 'contact', 'zjj.clerk', { contact_on: TODAY, way: 'letter', summary: '书面征询。' })
  await c.actOk(id, 'reply', 'zjj.clerk', { result: 'A', reply_text: '公开测试答复正文。' })
  await c.actOk(id, 'publish', 'legal')
  const r = await c.act(id, 'publish', 'legal')
  assertError(r, 409)
  const one = await c.get(`/api/public/proposals/${id}`)
  assert.equal(one.status, 200, one.text)
  assert.equal(one.json.reply_text, '公开测试答复正文。')
  const list = await c.get('/api/public/proposals?per_page=50')
  assert.equal(list.status, 200)
  assert.ok(list.json.items.some((x) => x.case_id === id))
  for (const t of [one.text, list.text]) {
    for (const secret of [AUTHOR.name, AUTHOR.unit, '李测试', '石桥镇代表团']) assert.ok(!t.includes(secret), `leaked ${secret}`)
    assert.ok(!/"authors"\s*:/.test(t))
  }
})

test('422 names the field and writes nothing', async () => {
  const sid = await session(c, 'npc')
  const s = await c.login('legal')
  const count = () => Number(sql(c.db, 'SELECT (SELECT COUNT(*) FROM proposal_item) + (SELECT COUNT(*) FROM proposal_author) + (SELECT COUNT(*) FROM case_record)')[0][0])
  const before = count()
  const base = { session_id: sid, item_no: '901', title: '标题', content: '内容', authors: [AUTHOR] }
  assertError(await c.post('/api/proposals', { ...base, authors: [] }, { session: s }), 422, 'MISSING_FIELD', 'authors')
  assertError(await c.post('/api/proposals', { ...base, authors: [{ name: '' }] }, { session: s }), 422, 'BAD_VALUE', 'authors')
  assertError(await c.post('/api/proposals', { ...base, title: '' }, { session: s }), 422, undefined, 'title')
  assertError(await c.post('/api/proposals', { ...base, session_id: 999999 }, { session: s }), 422, 'BAD_VALUE', 'session_id')
  assert.equal(count(), before)
  await c.post('/api/proposals', base, { session: s })
  assertError(await c.post('/api/proposals', base, { session: s }), 422, 'BAD_VALUE', 'item_no')
  assertError(await c.post('/api/proposal-sessions', { body: 'npc', name: 'x', opens_on: '2026-02-02', closes_on: '2026-02-01' }, { session: s }), 422, 'BAD_VALUE', 'closes_on')

  const id = await item(c, sid)
  const events = () => Number(sql(c.db, `SELECT COUNT(*) FROM event WHERE case_id = ${id}`)[0][0])
  const ev = events()
  const zjj = await c.agencyOf('zjj.clerk')
  assertError(await c.act(id, 'assign', 'legal', { agency_id: zjj, cohandlers: 'zjj' }), 422, 'BAD_VALUE', 'cohandlers')
  assertError(await c.act(id, 'assign', 'legal', { agency_id: zjj, cohandlers: 'nosuch' }), 422, 'BAD_VALUE', 'cohandlers')
  assertError(await c.act(id, 'assign', 'legal', { agency_id: zjj, cohandlers: 'hbj,hbj' }), 422, 'BAD_VALUE', 'cohandlers')
  assert.equal(events(), ev)
  assert.equal(Number(sql(c.db, `SELECT COUNT(*) FROM proposal_cohandler WHERE case_id = ${id}`)[0][0]), 0)
  await c.actOk(id, 'assign', 'legal', { agency_id: zjj })
  assertError(await c.act(id, 'contact', 'zjj.clerk', { contact_on: '2026-12-31', way: 'phone', summary: '未来' }), 422, 'BAD_VALUE', 'contact_on')
  assertError(await c.act(id, 'contact', 'zjj.clerk', { contact_on: TODAY, way: 'pigeon', summary: 'x' }), 422, undefined, 'way')
  assert.equal(Number(sql(c.db, `SELECT COUNT(*) FROM proposal_contact WHERE case_id = ${id}`)[0][0]), 0)
})

test('figures equal their drill-downs and the statistics', async () => {
  const s = await c.login('legal')
  const st = await c.get('/api/proposals/stats?year=2026', { session: s })
  assert.equal(st.status, 200, st.text)
  const drills = {
    'proposal.items.total': 'year=2026',
    'proposal.npc.total': 'year=2026&body=npc',
    'proposal.cppcc.total': 'year=2026&body=cppcc',
    'proposal.items.replied_on_time': 'year=2026&on_time=1',
    'proposal.items.satisfied': 'year=2026&satisfied=1',
    'proposal.npc.satisfied': 'year=2026&body=npc&satisfied=1',
    'proposal.cppcc.satisfied': 'year=2026&body=cppcc&satisfied=1',
  }
  for (const [name, q] of Object.entries(drills)) {
    const l = await c.get(`/api/proposals?${q}`, { session: s })
    assert.equal(l.status, 200, l.text)
    assert.equal(st.json.figures[name], l.json.total, name)
  }
  assert.equal(st.json.figures['proposal.items.total'],
    st.json.figures['proposal.npc.total'] + st.json.figures['proposal.cppcc.total'])
  const sum = st.json.by_agency.reduce((a, x) => a + x.items, 0)
  assert.equal(sum, st.json.figures['proposal.items.total'])
  const x = await c.get('/api/proposals.xlsx?year=2026', { session: s })
  assert.equal(x.status, 200)
})

test('an item found difficult while handling gets six months from its assignment; a lead is changed with its clocks running', async () => {
  const { id, d } = await assigned(c, 'npc', { cohandlers: 'hbj' })
  assert.equal(due(clock(d, 'reply')), workingOnOrAfter(c.db, addMonths(TODAY, 3)))
  let r = await c.act(id, 'mark_difficult', 'legal', {})
  assertError(r, 422, undefined, 'reason')
  const m = await c.actOk(id, 'mark_difficult', 'legal', { reason: '涉及多个部门和跨年度资金安排。' })
  const six = workingOnOrAfter(c.db, addMonths(TODAY, 6))
  assert.equal(due(clock(m, 'reply')), six)
  assert.equal(m.case.fields.difficult, true)
  assert.equal(m.case.fields.first_due_on, six)
  assertError(await c.act(id, 'mark_difficult', 'legal', { reason: '再次' }), 409)

  const zjj = await c.agencyOf('zjj.clerk')
  const hbj = await c.agencyOf('hbj.clerk')
  const scj = await c.agencyOf('scj.clerk')
  assertError(await c.act(id, 'transfer', 'legal', { agency_id: zjj, reason: '同一单位' }), 422, 'BAD_VALUE', 'agency_id')
  assertError(await c.act(id, 'transfer', 'legal', { agency_id: hbj, reason: '协办单位' }), 422, 'BAD_VALUE', 'agency_id')
  const t = await c.actOk(id, 'transfer', 'legal', { agency_id: scj, reason: '属于市场监管职责。' })
  assert.equal(t.case.agency_id, scj)
  assert.equal(due(clock(t, 'reply')), six)
  assert.equal((await c.get(`/api/cases/${id}`, { session: await c.login('zjj.clerk') })).status, 404)
  assert.equal((await c.detail(id, 'scj.clerk')).case.fields.my_part, 'lead')
})
