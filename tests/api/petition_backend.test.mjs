// Petitions, the backend gaps (docs/petition.md): a 县长信箱 letter converted to a petition with
// its history kept both ways (第22条: the 15 days run from the letter's receipt), the automatic
// 办结 when the 复查 / 复核 request period lapses (第35条, 第36条) across 国庆 2026, an agency's
// statistics counting the petitions it handles, the case lists' due day of a routed petition,
// and the handling agency's clocks in its supervision page.
//
// Dates from data/cn-calendar.csv: 2026-10-01..07 国庆节 (holiday), 10-10 (Sat) a make-up
// working day. 09-01 + 30 = 10-01 (holiday) -> 10-08; 09-16 + 15 = 10-01 -> 10-08.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, makeDb, mkTemp, Client, sql, assertError, residentId, TODAY } from './lib.mjs'

let dir, db
let main
const ids = {}
const facts = {}
let seq = 0

function petitioner (over = {}) {
  seq++
  return {
    name: `转办测试人${seq}`, id_number: residentId(`36012119900101${String(2000 + seq).slice(-3)}`),
    phone: `1390792${String(1000 + seq).padStart(4, '0')}`, matter_type: 'labour',
    subject: `拖欠工资问题${seq}`, content: '用人单位拖欠工资三个月，请求处理。', ...over,
  }
}

async function register (c, user, received) {
  const r = await c.post('/api/petitions', { channel: 'visit', received_on: received, ...petitioner() },
    { session: await c.login(user) })
  assert.equal(r.status, 201, r.text)
  return r.json.case_id
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

async function waitFor (fn, ms = 5000) {
  const end = Date.now() + ms
  for (;;) {
    const v = await fn()
    if (v || Date.now() > end) return v
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function onDay (day, fn) {
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  try {
    const c = new Client(s)
    await fn(c)
  } finally {
    await s.stop({ keep: true })
  }
}

async function convert (c, letterId, user, body = { matter_type: 'housing' }) {
  return c.post(`/api/petitions/from-mailbox/${letterId}`, body, { session: await c.login(user) })
}

before(async () => {
  dir = mkTemp('fazhi-petition-backend-')
  db = makeDb(dir)
  await onDay('2026-09-01', async (c) => {
    facts.rsj = await c.agencyOf('rsj.clerk')
    facts.hbj = await c.agencyOf('hbj.clerk')
    // Replied today: the 30 CD 复查 request period ends on 10-01, a holiday, so on 10-08.
    for (const k of ['px', 'py']) {
      ids[k] = await register(c, 'gov.clerk', '2026-08-28')
      await c.actOk(ids[k], 'route', 'gov.clerk', { agency_id: facts.rsj, route_kind: 'assign' })
      await c.actOk(ids[k], 'accept', 'rsj.clerk', { notice: '已受理' })
      const d = await c.actOk(ids[k], 'reply', 'rsj.clerk', { outcome: 'explain', opinion: '已督促用人单位支付。' })
      facts[k] = clock(d, 'review_request').due_date
    }
    // py goes on to 复查 the same day: the 30 CD 复核 request period, the same end.
    await c.actOk(ids.py, 'request_review', 'gov.clerk', { reason: '不服' })
    const dy = await c.actOk(ids.py, 'review_opinion', 'gov.clerk', { outcome: 'explain', opinion: '维持。' })
    facts.pyRecheck = clock(dy, 'recheck_request').due_date
    // Routed to hbj and left there: by 2026-11-23 its acceptance clock is overdue at hbj.
    ids.pSup = await register(c, 'gov.clerk', '2026-08-31')
    await c.actOk(ids.pSup, 'route', 'gov.clerk', { agency_id: facts.hbj, route_kind: 'transfer' })
  })
  await onDay('2026-09-16', async (c) => {
    const l = await c.submitLetter({ subject: '小区违建无人处理', content: '东湖小区有人私搭乱建，多次反映无果。', name: '李四', phone: '13907910001' })
    ids.letter1 = l.case_id
    facts.letter1 = l
  })
  await onDay('2026-09-30', async (c) => {
    facts.conv1 = await convert(c, ids.letter1, 'gov.clerk', { matter_type: 'housing', note: '反映事项属信访事项，转信访工作机构办理' })
    facts.conv1Detail = facts.conv1.status === 201 ? await c.detail(facts.conv1.json.case_id, 'gov.clerk') : null
    facts.letter1After = await c.detail(ids.letter1)
    facts.letter1Track = (await c.get(`/api/public/track/${facts.letter1.tracking_code}`)).json
  })
  await onDay('2026-10-08', async (c) => {
    // The job runs at start; on the period's last day the cases stay open.
    await new Promise((resolve) => setTimeout(resolve, 500))
    facts.px1008 = await c.detail(ids.px, 'gov.clerk')
    facts.py1008 = await c.detail(ids.py, 'gov.clerk')
  })
  await onDay('2026-10-12', async (c) => {
    // Run late (no server between 10-08 and 10-12): closed as of 10-08, not 10-12.
    facts.px1012 = await waitFor(async () => {
      const d = await c.detail(ids.px, 'gov.clerk')
      return d.case.state === 'closed' ? d : null
    })
    facts.py1012 = await waitFor(async () => {
      const d = await c.detail(ids.py, 'gov.clerk')
      return d.case.state === 'closed' ? d : null
    })
    facts.pxTrack = (await c.get(`/api/public/petitions/track/${facts.px1012.case.tracking_code}`)).json
    facts.concludeAfter = await c.act(ids.px, 'conclude', 'rsj.clerk')
  })
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: TODAY } })
  main = new Client(s)
  main.stopServer = () => s.stop()
})

after(async () => { if (main) await main.stopServer() })

test('a letter converted to a petition: 201, received on the letter\'s day, channel 县长信箱, the writer as petitioner', () => {
  assert.equal(facts.conv1.status, 201, facts.conv1.text)
  const r = facts.conv1.json
  assert.ok(r.case_id > 0)
  assert.match(r.number, /访〔2026〕\d+号/)
  assert.equal(r.source_case_id, ids.letter1)
  const d = facts.conv1Detail
  assert.equal(d.case.received_on, '2026-09-16', 'received on the letter\'s receipt day')
  assert.equal(d.case.state, 'registered')
  const f = d.case.fields
  assert.equal(f.channel, 'mailbox')
  assert.equal(f.channel_label, '县长信箱转入')
  assert.equal(f.petitioner_name, '李四')
  assert.equal(f.phone, '13907910001')
  assert.equal(f.subject, '小区违建无人处理')
  assert.equal(f.content, '东湖小区有人私搭乱建，多次反映无果。')
  assert.equal(f.matter_type, 'housing')
  assert.equal(f.source_case_id, ids.letter1)
  assert.equal(f.source_number, facts.letter1.number)
  // 第22条: 15 days from the letter's receipt (09-16 + 15 = 10-01, 国庆) -> 10-08, not from 09-30.
  const route = clock(d, 'route')
  assert.equal(route.trigger_date, '2026-09-16')
  assert.equal(route.due_date, '2026-10-08')
  assert.match(route.article, /第二十二条/)
})

test('history both ways: the petition begins with the letter\'s number, the letter ends naming the petition', () => {
  const d = facts.conv1Detail
  assert.deepEqual(d.events.slice(0, 2).map((e) => e.action), ['create', 'convert_in'])
  assert.ok(d.events[1].note.includes(facts.letter1.number), d.events[1].note)
  assert.ok(d.events[1].note.includes('转信访工作机构办理'), 'the note given is kept')
  assert.equal(d.events[1].action_label, '由其他案件转入')
  const l = facts.letter1After
  assert.equal(l.case.state, 'converted')
  assert.equal(l.case.state_label, '已转为信访事项')
  const last = l.events[l.events.length - 1]
  assert.equal(last.action, 'convert')
  assert.ok(last.note.includes(facts.conv1.json.number), last.note)
  assert.match(last.note, /青山县人民政府.*转办/, 'who converted it')
  // The letter's history before the conversion is kept as it was.
  assert.equal(l.events[0].action, 'create')
  // Its clocks stopped: no open work left in the mailbox.
  for (const k of l.clocks) assert.equal(k.state, 'stopped', `${k.name} stopped`)
  assert.equal(l.case.due_date, null)
  assert.deepEqual(l.actions, [], 'nothing left to do on the letter')
  // The writer's tracking page says where it went.
  assert.equal(facts.letter1Track.state, 'converted')
  assert.ok(facts.letter1Track.timeline.some((x) => x.label === '已转为信访事项办理'), JSON.stringify(facts.letter1Track.timeline))
})

test('conversion leaves the mailbox\'s lists and supervision; double conversion 409; a final letter 409', async () => {
  const legal = await main.login('legal')
  const l = await main.submitLetter({ subject: '转办测试：农村道路损坏', name: '王五', phone: '13907910002' })
  const sup = async () => (await main.get('/api/supervision', { session: legal })).json.totals.open
  const before = await sup()
  const pending = async () => (await main.get('/api/cases?type=mailbox&state=pending&per_page=100', { session: legal })).json.items.map((x) => x.case_id)
  assert.ok((await pending()).includes(l.case_id))
  const qsz = await main.agencyOf('qsz.clerk')
  const r = await convert(main, l.case_id, 'legal', { matter_type: 'traffic', township_agency_id: qsz })
  assert.equal(r.status, 201, r.text)
  const p = await main.detail(r.json.case_id)
  assert.equal(p.case.agency_id, qsz, 'registered by the township named')
  assert.equal(p.case.received_on, TODAY)
  assert.ok(!(await pending()).includes(l.case_id), 'no longer pending in the mailbox')
  // The letter's two clocks stop, the petition's routing clock starts.
  assert.equal(await sup(), before - 2 + 1)
  const ks = sql(main.db, `SELECT name, state FROM case_clock WHERE case_id = ${l.case_id} ORDER BY name`)
  assert.deepEqual(ks, [['assign', 'stopped'], ['reply', 'stopped']])
  // Twice: 409, nothing written.
  const n = sql(main.db, 'SELECT COUNT(*) FROM petition')[0][0]
  const twice = assertError(await convert(main, l.case_id, 'legal'), 409, 'STATE', 'id')
  assert.ok(twice.message.includes(r.json.number), twice.message)
  assertError(await convert(main, l.case_id, 'gov.clerk'), 409, 'STATE', 'id')
  assert.equal(sql(main.db, 'SELECT COUNT(*) FROM petition')[0][0], n)
  // An answered letter is final: 409.
  const scj = await main.agencyOf('scj.clerk')
  const a = await main.submitLetter({ subject: '转办测试：已答复来信' })
  await main.actOk(a.case_id, 'assign', 'legal', { agency_id: scj })
  await main.actOk(a.case_id, 'reply', 'scj.clerk', { reply_text: '已处理。' })
  await main.actOk(a.case_id, 'approve', 'legal', {})
  const e = assertError(await convert(main, a.case_id, 'legal'), 409, 'STATE', 'id')
  assert.match(e.message, /已答复/)
})

test('conversion: who may (legal office, county government office), scope 403/404, 422 naming the field', async () => {
  const l = await main.submitLetter({ subject: '转办测试：权限' })
  // Another agency's letter is as if missing (404); the leader only reads (403).
  assertError(await convert(main, l.case_id, 'scj.clerk'), 404, 'NOT_FOUND')
  assertError(await convert(main, l.case_id, 'qsz.clerk'), 404, 'NOT_FOUND')
  assertError(await convert(main, l.case_id, 'leader'), 403, 'FORBIDDEN')
  assertError(await convert(main, 99999999, 'legal'), 404, 'NOT_FOUND')
  // A petition is no letter.
  assertError(await convert(main, ids.px, 'legal'), 404, 'NOT_FOUND')
  assertError(await convert(main, l.case_id, 'legal', {}), 422, undefined, 'matter_type')
  assertError(await convert(main, l.case_id, 'legal', { matter_type: 'nope' }), 422, undefined, 'matter_type')
  const scj = await main.agencyOf('scj.clerk')
  assertError(await convert(main, l.case_id, 'legal', { matter_type: 'land', township_agency_id: scj }), 422, 'BAD_VALUE', 'township_agency_id')
  assertError(await convert(main, l.case_id, 'legal', { matter_type: 'land', id_number: '123' }), 422, 'BAD_VALUE', 'id_number')
  assert.equal((await main.detail(l.case_id)).case.state, 'pending', 'nothing written')
  // A letter assigned to a department is outside the county office's scope: 404 as if missing.
  await main.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
  assertError(await convert(main, l.case_id, 'gov.clerk'), 404, 'NOT_FOUND')
  // The department handling it reads it but may not convert it: 403.
  assertError(await convert(main, l.case_id, 'scj.clerk'), 403, 'FORBIDDEN')
  assertError(await convert(main, l.case_id, 'scj.head'), 403, 'FORBIDDEN')
  // The legal office may; gov.head may convert its own letters.
  const r = await convert(main, l.case_id, 'legal', { matter_type: 'land', id_number: '360121199001011239' })
  assert.equal(r.status, 201, r.text)
  assert.equal((await main.detail(r.json.case_id)).case.fields.id_number, '360121199001011239')
  const g = await main.submitLetter({ subject: '转办测试：县政府办' })
  assert.equal((await convert(main, g.case_id, 'gov.head')).status, 201)
})

test('automatic 办结: the 复查 request period ending on a holiday closes the case after the next working day, as of that day', () => {
  assert.equal(facts.px, '2026-10-08', '09-01 + 30 = 10-01 (国庆) -> 10-08')
  assert.equal(facts.pyRecheck, '2026-10-08')
  // On 10-08 itself the petitioner may still ask: the case stays open.
  assert.equal(facts.px1008.case.state, 'replied')
  assert.ok(facts.px1008.actions.some((a) => a.name === 'request_review'), 'request_review still offered on the last day')
  assert.equal(facts.py1008.case.state, 'reviewed')
  // On 10-12 (the job ran late): closed by the system as of 10-08.
  const d = facts.px1012
  assert.ok(d, 'closed on 10-12')
  const e = d.events[d.events.length - 1]
  assert.equal(e.action, 'lapse_review')
  assert.equal(e.actor, '系统')
  assert.match(e.note, /2026年10月8日/)
  assert.match(e.note, /第三十五条/)
  assert.equal(d.case.fields.finished_on, '2026-10-08')
  assert.deepEqual(sql(db, `SELECT state, stopped_on FROM case_clock WHERE case_id = ${ids.px} AND name = 'review_request'`),
    [['stopped', '2026-10-08']])
  const y = facts.py1012
  assert.equal(y.events[y.events.length - 1].action, 'lapse_recheck')
  assert.match(y.events[y.events.length - 1].note, /第三十六条/)
  assert.equal(y.case.fields.finished_on, '2026-10-08')
  // The petitioner's tracking page dates the step on the period's end.
  const step = facts.pxTrack.timeline.find((x) => x.action === 'lapse_review')
  assert.equal(step.on, '2026-10-08')
  // Users cannot take the system's step; the office's manual step is no longer open.
  assertError(facts.concludeAfter, 409, 'STATE')
})

test('the system steps are not for users', async () => {
  const id = await register(main, 'gov.clerk', TODAY)
  const r = await main.act(id, 'lapse_review', 'legal', { ended_on: TODAY })
  assert.ok([403, 409].includes(r.status), r.text)
})

test('agency statistics count the petitions it handles; by_handler by the handling agency', async () => {
  const s = await main.login('hbj.clerk')
  const st = (await main.get('/api/petitions/stats?year=2026', { session: s })).json
  const list = (await main.get('/api/petitions?year=2026&counted=1&per_page=1', { session: s })).json
  assert.ok(st.figures['petition.received.total'] > 0, 'hbj registers none but handles some')
  assert.equal(st.figures['petition.received.total'], list.total)
  const hbj = await main.agencyOf('hbj.clerk')
  for (const row of st.by_handler) assert.equal(row.key, String(hbj))
  assert.equal(st.by_handler.reduce((n, x) => n + x.count, 0), list.total)
  // The figure's drill-down is the list it counts.
  const fig = (await main.get(`/api/figures?year=2026&agency_id=${hbj}`, { session: await main.login('legal') })).json
  const f = fig.items.find((x) => x.name === 'petition.received.total')
  {
    assert.equal(f.value, st.figures['petition.received.total'])
    const q = f.drill.query
    assert.match(q, /party_agency_id=/)
    const dl = (await main.get(`${f.drill.path}?${q}&per_page=1`, { session: await main.login('legal') })).json
    assert.equal(dl.total, f.value)
  }
  // Routing one more to hbj adds it to hbj's figures.
  const id = await register(main, 'gov.clerk', TODAY)
  await main.actOk(id, 'route', 'gov.clerk', { agency_id: hbj, route_kind: 'transfer' })
  const st2 = (await main.get('/api/petitions/stats?year=2026', { session: s })).json
  assert.equal(st2.figures['petition.received.total'], st.figures['petition.received.total'] + 1)
})

test('case lists: a routed petition shows its acceptance due day; an accepted one the handling clock\'s provisional day', async () => {
  const hbj = await main.agencyOf('hbj.clerk')
  const id = await register(main, 'gov.clerk', TODAY)
  const d = await main.actOk(id, 'route', 'gov.clerk', { agency_id: hbj, route_kind: 'transfer' })
  const number = d.case.number
  const row = async (user, p) => (await main.get(`${p}&q=${encodeURIComponent(number)}`, { session: await main.login(user) })).json.items.find((x) => x.case_id === id)
  for (const [user, p] of [['gov.clerk', '/api/cases?type=petition'], ['hbj.clerk', '/api/cases?type=petition'], ['hbj.clerk', '/api/petitions?year=2026']]) {
    const r = await row(user, p)
    assert.ok(r, `${user} ${p}`)
    // The nearest running clock, both the handling agency's: the objection's 5 WD (11-30)
    // before the acceptance notice's 15 CD (12-08, 第23条).
    assert.equal(r.due_date, '2026-11-30')
    assert.equal(r.clock_status, 'green')
    assert.equal(r.provisional, false)
    assert.equal(r.provisional_due_date, null)
  }
  await main.actOk(id, 'accept', 'hbj.clerk', { notice: '已受理' })
  for (const [user, p] of [['gov.clerk', '/api/cases?type=petition'], ['hbj.clerk', '/api/petitions?year=2026']]) {
    const r = await row(user, p)
    assert.equal(r.state_label, '办理中')
    // 60 CD into 2027, whose holidays are not loaded: the weekend-only day, marked provisional.
    assert.equal(r.due_date, null)
    assert.equal(r.provisional, true)
    assert.equal(r.provisional_due_date, '2027-01-22')
    assert.equal(r.clock_status, 'green')
    assert.ok(r.days_left > 50)
  }
  // ... and the green band lists it.
  const green = (await main.get(`/api/cases?type=petition&clock_status=green&q=${encodeURIComponent(number)}`,
    { session: await main.login('hbj.clerk') })).json
  assert.ok(green.items.some((x) => x.case_id === id))
})

test('supervision: the acceptance and objection clocks are charged to the handling agency and listed on its page', async () => {
  const hbj = await main.agencyOf('hbj.clerk')
  assert.deepEqual(sql(main.db, `SELECT name, agency_id FROM case_clock WHERE case_id = ${ids.pSup} AND state = 'running' ORDER BY name`),
    [['accept', String(hbj)], ['objection', String(hbj)]])
  const mine = (await main.get('/api/supervision', { session: await main.login('hbj.clerk') })).json
  const cards = mine.items.filter((x) => x.case_id === ids.pSup)
  assert.deepEqual(cards.map((x) => x.clock_label).sort(), ['受理告知期限', '职责异议期限'])
  for (const x of cards) {
    assert.equal(x.status, 'red')
    assert.equal(x.agency_name, '青山县生态环境分局')
  }
  const gov = (await main.get('/api/supervision', { session: await main.login('gov.clerk') })).json
  assert.equal(gov.items.find((x) => x.case_id === ids.pSup), undefined, 'not on the registering body\'s page')
})
