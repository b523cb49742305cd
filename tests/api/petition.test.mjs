// Petitions (信访工作条例 2022): every clock on the official calendar across 国庆 2026, counted by
// the rule (data/cn-calendar.csv) for several trigger days, not one example: 15 CD routing
// (第22条), 15 CD acceptance notice (第23条), the 5 WD objection, 60 CD handling + one extension of
// at most 30 CD by the head before the due day (第34条), 30/30 CD 复查 (第35条), 30/30 CD 复核 with
// the hearing time excluded and then closed to the same matter (第36条); duplicates (第19条);
// ratings and reopening; scope; identity never on the public routes; 422 naming the field.
//
// One database, served on several pinned days in turn: 2026-09-16, 09-30 (the eve of 国庆),
// 10-12 and the suite's 2026-11-23.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, makeDb, mkTemp, Client, sql, sqlNumber, assertError, multipart, residentId, ROOT, TODAY } from './lib.mjs'

// ---- the official calendar, read from the data file the server loads ----------------------
const special = new Map()
for (const line of fs.readFileSync(path.join(ROOT, 'data', 'cn-calendar.csv'), 'utf8').split('\n')) {
  const [d, kind] = line.split(',')
  if (/^\d{4}-\d\d-\d\d$/.test(d)) special.set(d, kind)
}
const iso = (t) => new Date(t).toISOString().slice(0, 10)
const plus = (d, n) => iso(Date.parse(d + 'T00:00:00Z') + n * 86400000)
function isWorkday (d) {
  const k = special.get(d)
  if (k === 'holiday') return false
  if (k === 'workday') return true
  const wd = new Date(d + 'T00:00:00Z').getUTCDay()
  return wd !== 0 && wd !== 6
}
/** A CD period: N days after the trigger day, moved to the next working day when that is a rest day. */
function cdDue (trigger, n) {
  let d = plus(trigger, n)
  while (!isWorkday(d)) d = plus(d, 1)
  return d
}
/** A WD period: the N-th working day after the trigger day. */
function wdDue (trigger, n) {
  let d = trigger
  while (n > 0) { d = plus(d, 1); if (isWorkday(d)) n-- }
  return d
}

const A = '2026-09-16'
const B = '2026-09-30'
const C = '2026-10-12'
let dir, db
let main // the client on TODAY, kept for the tests below
const servers = []
const ids = {} // case ids made in the phases
const facts = {} // what the phases saw

let seq = 0
function petitioner (over = {}) {
  seq++
  return {
    name: `测试信访人${seq}`, id_number: residentId(`36012119800101${String(1000 + seq).slice(-3)}`),
    phone: `1390791${String(1000 + seq).padStart(4, '0')}`, address: `青山县城关镇测试路${seq}号`,
    matter_type: 'housing', subject: `城关镇测试小区房屋漏水问题${seq}`, content: '房屋漏水，多次反映未果，请求处理。',
    ...over,
  }
}

async function register (c, user, over = {}) {
  const r = await c.post('/api/petitions', { channel: 'visit', received_on: over.received_on || (c.today), ...petitioner(over) },
    { session: await c.login(user) })
  assert.equal(r.status, 201, r.text)
  return r.json
}

function clock (detail, name) {
  const k = detail.clocks.find((x) => x.name === name)
  assert.ok(k, `clock ${name} on case: ${detail.clocks.map((x) => x.name)}`)
  return k
}

async function onDay (day, fn) {
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  try {
    const c = new Client(s)
    c.today = day
    await fn(c)
  } finally {
    await s.stop({ keep: true })
  }
}

before(async () => {
  dir = mkTemp('fazhi-petition-')
  db = makeDb(dir)
  // ---- 2026-09-16 --------------------------------------------------------------------------
  await onDay(A, async (c) => {
    facts.zjj = await c.agencyOf('zjj.clerk')
    facts.rsj = await c.agencyOf('rsj.clerk')
    facts.hbj = await c.agencyOf('hbj.clerk')
    facts.jtj = await c.agencyOf('jtj.clerk')
    // 15 CD routing from each receipt day of the week before (09-16 + 15 = 10-01, 国庆).
    facts.route = []
    for (let d = '2026-09-09'; d <= A; d = plus(d, 1)) {
      const p = await register(c, 'gov.clerk', { received_on: d })
      facts.route.push([d, clock(await c.detail(p.case_id, 'gov.clerk'), 'route').due_date])
    }
    // Routed today: 15 CD to tell whether accepted, 5 WD to object.
    ids.p1 = (await register(c, 'gov.clerk', { received_on: '2026-09-14' })).case_id
    const d1 = await c.actOk(ids.p1, 'route', 'gov.clerk', { agency_id: facts.zjj, route_kind: 'transfer' })
    facts.p1 = { accept: clock(d1, 'accept').due_date, objection: clock(d1, 'objection').due_date }
    // Routed and accepted today: 60 CD handling; the one to extend.
    for (const k of ['p3', 'p6', 'pf']) {
      ids[k] = (await register(c, 'gov.clerk', { received_on: '2026-09-15' })).case_id
      await c.actOk(ids[k], 'route', 'gov.clerk', { agency_id: facts.rsj, route_kind: 'assign' })
      const d = await c.actOk(ids[k], 'accept', 'rsj.clerk', { notice: '已受理' })
      facts[k] = { handle: clock(d, 'handle').due_date }
    }
    ids.p2 = (await register(c, 'gov.clerk', { received_on: A })).case_id
    await c.actOk(ids.p2, 'route', 'gov.clerk', { agency_id: facts.hbj, route_kind: 'transfer' })
    // The full path: the opinion today opens the 30 CD 复查 request period.
    const df = await c.actOk(ids.pf, 'reply', 'rsj.clerk', { outcome: 'reject', opinion: '诉求缺乏依据，不予支持。' })
    facts.pf.review_request = clock(df, 'review_request').due_date
  })
  // ---- 2026-09-30, the eve of 国庆 -----------------------------------------------------------
  await onDay(B, async (c) => {
    const d1 = await c.actOk(ids.p1, 'accept', 'zjj.clerk', { notice: '已受理' })
    facts.p1.handle = clock(d1, 'handle').due_date
    facts.p1.acceptStopped = clock(d1, 'accept')
    // Objection after its 5 WD: refused, naming the rule.
    facts.lateObjection = await c.act(ids.p2, 'object', 'hbj.clerk', { reason: '不属于本机关职责' })
    ids.p5 = (await register(c, 'gov.clerk', { received_on: B })).case_id
    const d5 = await c.actOk(ids.p5, 'route', 'gov.clerk', { agency_id: facts.jtj, route_kind: 'transfer' })
    facts.p5 = { objection: clock(d5, 'objection').due_date, accept: clock(d5, 'accept').due_date }
    // The extension: the head only, at most 30 days, once.
    facts.extClerk = await c.act(ids.p3, 'extend', 'rsj.clerk', { days: 30, reason: '情况复杂' })
    facts.ext31 = await c.act(ids.p3, 'extend', 'rsj.head', { days: 31, reason: '情况复杂' })
    facts.extNoReason = await c.act(ids.p3, 'extend', 'rsj.head', { days: 30 })
    const d3 = await c.actOk(ids.p3, 'extend', 'rsj.head', { days: 30, reason: '涉及多个部门，需进一步调查核实' })
    facts.p3.extended = clock(d3, 'handle').due_date
    facts.ext2 = await c.act(ids.p3, 'extend', 'rsj.head', { days: 5, reason: '再延' })
    // 复查 requested today: 30 CD for the opinion; then 复核 requested today too, and a hearing starts.
    const r1 = await c.actOk(ids.pf, 'request_review', 'gov.clerk', { reason: '不服处理意见' })
    facts.pf.review = clock(r1, 'review').due_date
    const r2 = await c.actOk(ids.pf, 'review_opinion', 'gov.clerk', { outcome: 'reject', opinion: '维持原处理意见。' })
    facts.pf.recheck_request = clock(r2, 'recheck_request').due_date
    const r3 = await c.actOk(ids.pf, 'request_recheck', 'gov.clerk', { reason: '不服复查意见' })
    facts.pf.recheck = clock(r3, 'recheck').due_date
    await c.actOk(ids.pf, 'hearing_start', 'gov.clerk', { note: '举行听证' })
    facts.opinionDuringHearing = await c.act(ids.pf, 'recheck_opinion', 'gov.clerk', { outcome: 'reject', opinion: '维持' })
  })
  // ---- 2026-10-12 ----------------------------------------------------------------------------
  await onDay(C, async (c) => {
    // Inside its 5 WD (counted over 国庆 and the 10-10 make-up day): back to the office, route clock anew.
    const d5 = await c.actOk(ids.p5, 'object', 'jtj.clerk', { reason: '属于属地管理事项，不属于本机关职责' })
    facts.p5.after = { state: d5.case.state, handler: d5.case.fields.handler_agency_id, route: clock(d5, 'route') }
    const h = await c.actOk(ids.pf, 'hearing_end', 'gov.clerk', { note: '听证结束' })
    facts.pf.recheckResumed = clock(h, 'recheck').due_date
  })
  const m = await startServer({ db, dir })
  servers.push(m)
  main = new Client(m)
  main.today = TODAY
})

after(async () => { for (const s of servers) await s.stop() })

// ---- clocks ---------------------------------------------------------------------------------

test('第22条: routing is due 15 CD after receipt, moved past 中秋 and 国庆 by the calendar', () => {
  assert.equal(facts.route.length, 8)
  for (const [received, due] of facts.route) assert.equal(due, cdDue(received, 15), `received ${received}`)
  assert.ok(facts.route.some(([, due]) => due === '2026-10-08'), 'a day landing in 国庆 moves to 10-08')
})

test('第23条: the body routed to tells within 15 CD; an objection within 5 WD (国庆 and the make-up Saturday counted right)', () => {
  assert.equal(facts.p1.accept, cdDue(A, 15))
  assert.equal(facts.p1.accept, '2026-10-08')
  assert.equal(facts.p1.objection, wdDue(A, 5))
  assert.equal(facts.p5.accept, cdDue(B, 15))
  assert.equal(facts.p5.objection, wdDue(B, 5))
  assert.equal(facts.p5.objection, '2026-10-13', '10-08, 09, 10 (调休上班), 12, 13')
  assertError(facts.lateObjection, 409, 'STATE')
  assert.match(facts.lateObjection.json.error.message, /异议/)
  // The objection inside the period sends it back to be routed again; the agency no longer shares it.
  assert.equal(facts.p5.after.state, 'registered')
  assert.equal(facts.p5.after.handler, null)
  assert.equal(facts.p5.after.route.due_date, cdDue(C, 15))
})

test('第34条: handling is due 60 CD after acceptance, whichever day it is accepted', () => {
  assert.equal(facts.p6.handle, cdDue(A, 60))
  assert.equal(facts.p1.handle, cdDue(B, 60))
  assert.equal(facts.p1.handle, '2026-11-30', '11-29 is a Sunday')
})

test('第34条: one extension of at most 30 CD, by the head, with the reason; a second is refused', () => {
  assertError(facts.extClerk, 403, 'FORBIDDEN')
  assertError(facts.ext31, 422, undefined, 'days')
  assertError(facts.extNoReason, 422, 'MISSING_FIELD', 'reason')
  assert.equal(facts.p3.extended, cdDue(A, 90))
  assertError(facts.ext2, 409, 'STATE')
})

test('第34条: an extension after the due day is refused (guard before the due day)', async () => {
  // p6 was accepted on 09-16: due 11-16, passed on 11-23.
  assert.ok(cdDue(A, 60) < TODAY)
  const r = await main.act(ids.p6, 'extend', 'rsj.head', { days: 10, reason: '情况复杂' })
  assertError(r, 409, 'STATE')
  assert.match(r.json.error.message, /第三十四条/)
})

test('第35条 and 第36条: 30 CD to request 复查 and 30 for its opinion; 30 + 30 for 复核, the hearing excluded', () => {
  assert.equal(facts.pf.review_request, cdDue(A, 30))
  assert.equal(facts.pf.review, cdDue(B, 30))
  assert.equal(facts.pf.recheck_request, cdDue(B, 30))
  assert.equal(facts.pf.recheck, cdDue(B, 30))
  assertError(facts.opinionDuringHearing, 409, 'STATE')
  // Paused on 09-30, resumed on 10-12: the 12 days of the hearing are not counted.
  assert.ok(facts.pf.recheckResumed > facts.pf.recheck, `${facts.pf.recheckResumed} after ${facts.pf.recheck}`)
  assert.equal(facts.pf.recheckResumed, cdDue(B, 30 + 12))
})

test('第36条: after 复核 the same matter is not accepted again: 422 naming the rule, nothing written', async () => {
  await main.actOk(ids.pf, 'recheck_opinion', 'gov.clerk', { outcome: 'reject', opinion: '维持复查意见，本意见为最终意见。' })
  const f = (await main.detail(ids.pf, 'gov.clerk')).case.fields
  const before = sqlNumber(main.db, 'SELECT COUNT(*) FROM petition')
  for (const user of ['gov.clerk', 'qsz.clerk']) {
    const r = await main.post('/api/petitions', {
      channel: 'visit', received_on: TODAY, name: f.petitioner_name, id_number: f.id_number, phone: f.phone,
      matter_type: f.matter_type, subject: f.subject, content: '再次反映同一问题。',
    }, { session: await main.login(user) })
    const e = assertError(r, 422, 'BAD_VALUE', 'subject')
    assert.match(e.message, /第三十六条/)
  }
  const pub = await main.post('/api/public/petitions', {
    name: f.petitioner_name, id_number: f.id_number, phone: f.phone, matter_type: f.matter_type, subject: f.subject, content: '再次反映。',
  })
  assertError(pub, 422, 'BAD_VALUE', 'subject')
  assert.equal(sqlNumber(main.db, 'SELECT COUNT(*) FROM petition'), before)
})

// ---- duplicates ---------------------------------------------------------------------------------

test('第19条: the same petitioner and matter in progress is linked as 重复信访, not counted twice, at any level', async () => {
  const year = 2026
  const fig = async (name) => (await main.get(`/api/figures?year=${year}`, { session: await main.login('legal') })).json.items.find((x) => x.name === name).value
  const total0 = await fig('petition.received.total')
  const rep0 = await fig('petition.repeated')
  const first = await register(main, 'qsz.clerk', { subject: '青山镇测试村土地补偿款未发放', matter_type: 'land' })
  const f = (await main.detail(first.case_id, 'qsz.clerk')).case.fields
  const again = { name: f.petitioner_name, id_number: f.id_number, phone: f.phone, matter_type: 'land', subject: f.subject, content: '再次反映' }
  // The same township again, the county above it, the portal: each is linked to the first.
  for (const [user, body] of [['qsz.clerk', { channel: 'phone', received_on: TODAY, ...again }], ['gov.clerk', { channel: 'visit', received_on: TODAY, ...again }]]) {
    const r = await main.post('/api/petitions', body, { session: await main.login(user) })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.state, 'duplicate')
    const d = await main.detail(r.json.case_id, user)
    assert.equal(d.case.fields.duplicate_of, first.case_id)
    assert.equal(d.case.fields.duplicate_of_number, first.number)
    assert.equal(d.clocks.filter((k) => k.status !== 'stopped').length, 0, 'no clock runs on a duplicate')
  }
  const p = await main.post('/api/public/petitions', again)
  assert.equal(p.status, 201, p.text)
  assert.equal(p.json.state, 'duplicate')
  // The county's registration above the township's names 第十九条.
  const note = sql(main.db, `SELECT e.note FROM event e JOIN petition p ON p.case_id = e.case_id WHERE p.duplicate_of = ${first.case_id} AND e.action = 'mark_duplicate' ORDER BY e.event_id`)
  assert.ok(note.some(([n]) => /第十九条/.test(n)), JSON.stringify(note))
  assert.equal(await fig('petition.received.total'), total0 + 1, 'counted once')
  assert.equal(await fig('petition.repeated'), rep0 + 3)
  // Another petitioner's same subject, or the same petitioner's other matter, is a petition of its own.
  const other = await register(main, 'qsz.clerk', { ...again, name: '另一信访人', id_number: '360121199001011239', received_on: TODAY })
  assert.equal(other.state, 'registered')
})

// ---- rating and reopening -------------------------------------------------------------------------

test('ratings: by staff and by the public with the tracking code; 不满意 can be reopened by the office only', async () => {
  const p = await register(main, 'gov.clerk', { received_on: TODAY })
  // Not yet answered: nothing to rate.
  assertError(await main.post(`/api/public/petitions/track/${p.tracking_code}/rating`, { rating: 'satisfied' }), 409, 'STATE')
  await main.actOk(p.case_id, 'route', 'gov.clerk', { agency_id: facts.zjj, route_kind: 'assign' })
  await main.actOk(p.case_id, 'accept', 'zjj.clerk', {})
  await main.actOk(p.case_id, 'reply', 'zjj.clerk', { outcome: 'explain', opinion: '已作解释说明。' })
  assertError(await main.post(`/api/public/petitions/track/${p.tracking_code}/rating`, { rating: 'great' }), 422, undefined, 'rating')
  const t = await main.post(`/api/public/petitions/track/${p.tracking_code}/rating`, { rating: 'satisfied' })
  assert.equal(t.status, 200, t.text)
  assert.equal(t.json.rating, 'satisfied')
  // Satisfied: no reopening.
  assertError(await main.act(p.case_id, 'reopen', 'gov.head', { reason: '重办' }), 409, 'STATE')
  const r = await main.post(`/api/public/petitions/track/${p.tracking_code}/rating`, { rating: 'dissatisfied' })
  assert.equal(r.status, 200, r.text)
  assertError(await main.act(p.case_id, 'reopen', 'gov.clerk', { reason: '重办' }), 403, 'FORBIDDEN')
  const d = await main.actOk(p.case_id, 'reopen', 'gov.head', { reason: '信访人不满意，重新办理' })
  assert.equal(d.case.state, 'accepted')
  // 60 CD runs into 2027, whose holidays may not be loaded yet: the provisional day then.
  const k = clock(d, 'handle')
  assert.equal(k.due_date ?? k.provisional_due_date, cdDue(TODAY, 60))
  assert.equal(d.case.fields.reopened, 1)
  // Staff records the rating of the new opinion.
  await main.actOk(p.case_id, 'reply', 'zjj.clerk', { outcome: 'support', opinion: '已协调解决。' })
  const s = await main.actOk(p.case_id, 'rate', 'gov.clerk', { rating: 'basic' })
  assert.equal(s.case.fields.rating, 'basic')
  assert.equal(s.case.fields.rated_by, 'staff')
})

// ---- scope --------------------------------------------------------------------------------------

test('scope: a township sees only its own; the agency routed to sees it; another agency 404', async () => {
  const mine = await register(main, 'qsz.clerk', { received_on: TODAY })
  assert.equal((await main.get(`/api/cases/${mine.case_id}`, { session: await main.login('cgz.clerk') })).status, 404)
  assert.equal((await main.get(`/api/cases/${mine.case_id}`, { session: await main.login('hbj.clerk') })).status, 404)
  assert.equal((await main.get(`/api/cases/${mine.case_id}`, { session: await main.login('qsz.head') })).status, 200)
  for (const u of ['qsz.clerk', 'cgz.clerk', 'zjj.clerk']) {
    const agency = await main.agencyOf(u)
    const want = sql(main.db, `SELECT c.case_id FROM case_record c JOIN petition p ON p.case_id = c.case_id WHERE c.agency_id = ${agency} OR p.handler_agency_id = ${agency} ORDER BY c.case_id`).map(([id]) => Number(id))
    const r = await main.get('/api/petitions?per_page=100&sort=number', { session: await main.login(u) })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.total, want.length, u)
    const got = []
    for (let page = 1; got.length < want.length; page++) {
      const q = await main.get(`/api/petitions?per_page=100&sort=number&page=${page}`, { session: await main.login(u) })
      got.push(...q.json.items.map((x) => x.case_id))
    }
    assert.deepEqual(got, want, u)
  }
  // The handler of p1 (zjj) reads it; hbj does not.
  assert.equal((await main.get(`/api/cases/${ids.p1}`, { session: await main.login('zjj.clerk') })).status, 200)
  assert.equal((await main.get(`/api/cases/${ids.p1}`, { session: await main.login('hbj.clerk') })).status, 404)
  assert.equal((await main.get(`/api/cases/${ids.p1}/documents/petition-opinion.docx`, { session: await main.login('hbj.clerk') })).status, 404)
})

// ---- the portal ---------------------------------------------------------------------------------

test('the portal: submission gives a tracking code; tracking never shows the petitioner’s identity', async () => {
  const body = petitioner({ subject: '网上信访测试：路灯不亮', matter_type: 'other' })
  const r = await main.post('/api/public/petitions', body)
  assert.equal(r.status, 201, r.text)
  assert.match(r.json.tracking_code, /^[A-Z0-9-]{12,14}$/)
  assert.equal(r.json.due_date, cdDue(TODAY, 15))
  for (const v of [body.name, body.id_number, body.phone, body.address]) assert.ok(!r.text.includes(v), v)
  assert.equal(r.json.case_id, undefined)
  // Every demo petition's tracking page, and the new one's: no name, ID number, phone or address.
  const rows = sql(main.db, 'SELECT c.tracking_code, p.petitioner_name, p.id_number, p.phone, p.address FROM case_record c JOIN petition p ON p.case_id = c.case_id ORDER BY c.case_id')
  assert.ok(rows.length > 200)
  for (const [code, ...identity] of rows) {
    const t = await main.get(`/api/public/petitions/track/${code}`)
    assert.equal(t.status, 200, t.text)
    for (const v of identity) if (v) assert.ok(!t.text.includes(v), `${code} shows ${v}`)
    for (const k of ['petitioner_name', 'id_number', 'phone', 'address', 'name']) assert.equal(t.json[k], undefined, k)
  }
  const t = await main.get(`/api/public/petitions/track/${r.json.tracking_code}`)
  assert.equal(t.json.channel, 'online')
  assert.equal(t.json.state, 'registered')
  assert.ok(t.json.timeline.length >= 1)
  assert.ok(t.json.clocks.every((k) => k.article), 'each clock names its article')
  assert.equal((await main.get('/api/public/petitions/track/ZZZZ-ZZZZ-ZZZZ')).status, 404)
  // The staff detail shows it to the office that reads the case.
  const id = Number(sql(main.db, `SELECT case_id FROM case_record WHERE tracking_code = '${r.json.tracking_code}'`)[0][0])
  const d = await main.detail(id, 'gov.clerk')
  assert.equal(d.case.fields.id_number, body.id_number)
})

test('422 naming the field, nothing written', async () => {
  const before = sqlNumber(main.db, 'SELECT COUNT(*) FROM case_record')
  const s = await main.login('gov.clerk')
  const bad = [
    [{ id_number: '12345' }, 'id_number'], [{ phone: 'abc' }, 'phone'], [{ subject: '' }, 'subject'],
    // GB 11643-1999: a wrong check character, a day that does not exist (31 April), X where a digit is due.
    [{ id_number: residentId('36012119800101123').slice(0, 17) + '0' }, 'id_number'],
    [{ id_number: residentId('36012119800431123') }, 'id_number'], [{ id_number: '36012319800101123X' }, 'id_number'],
    [{ matter_type: 'xyz' }, 'matter_type'], [{ channel: 'pigeon' }, 'channel'], [{ received_on: '2026-11-30' }, 'received_on'],
  ]
  for (const [over, field] of bad) {
    const r = await main.post('/api/petitions', { channel: 'visit', received_on: TODAY, ...petitioner(), ...over }, { session: s })
    assertError(r, 422, undefined, field)
  }
  assertError(await main.post('/api/public/petitions', { ...petitioner(), id_number: '3601' }), 422, undefined, 'id_number')
  // Routed to an agency nobody can open it in (the justice bureau has no clerk or head): refused.
  const p = await register(main, 'gov.clerk', { received_on: TODAY })
  const sfj = Number(sql(main.db, "SELECT agency_id FROM agency WHERE code = 'sfj'")[0][0])
  const e = assertError(await main.act(p.case_id, 'route', 'gov.clerk', { agency_id: sfj, route_kind: 'transfer' }), 422, 'BAD_VALUE', 'agency_id')
  assert.match(e.message, /账号/)
  assert.equal((await main.detail(p.case_id, 'gov.clerk')).case.state, 'registered')
  const cases = sqlNumber(main.db, 'SELECT COUNT(*) FROM case_record')
  assert.equal(sqlNumber(main.db, 'SELECT COUNT(*) FROM case_record'), cases)
  assert.equal(cases, before + 1)
  // Registration is for the petition office or a township's staff, not the leader.
  assert.equal((await main.post('/api/petitions', { channel: 'visit', received_on: TODAY, ...petitioner() }, { session: await main.login('leader') })).status, 403)
})

// ---- list, export, statistics, Word ---------------------------------------------------------------

test('the list filters and exports; the statistics agree with the figures; the opinion is Word', async () => {
  const s = await main.login('legal')
  const all = await main.get('/api/petitions?year=2026&per_page=1', { session: s })
  assert.equal(all.status, 200, all.text)
  assert.equal(all.json.total, sqlNumber(main.db, "SELECT COUNT(*) FROM case_record WHERE case_type = 'petition' AND received_on >= '2026-01-01'"))
  for (const ch of ['visit', 'letter', 'phone', 'online', 'hotline', 'mailbox']) {
    const r = await main.get(`/api/petitions?year=2026&channel=${ch}&counted=1&per_page=1`, { session: s })
    assert.equal(r.json.total, sqlNumber(main.db, `SELECT COUNT(*) FROM petition p JOIN case_record c ON c.case_id = p.case_id WHERE p.channel = '${ch}' AND c.state <> 'duplicate'`), ch)
    assert.ok(r.json.total > 0, `the demo has ${ch} petitions`)
  }
  const x = await main.get('/api/petitions.xlsx?year=2026&state=closed', { session: s })
  assert.equal(x.status, 200)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
  const st = await main.get('/api/petitions/stats?year=2026', { session: s })
  assert.equal(st.status, 200, st.text)
  const figs = (await main.get('/api/figures?year=2026', { session: s })).json.items.filter((f) => f.module === 'petition')
  assert.ok(figs.length >= 13)
  for (const f of figs) assert.equal(st.json.figures[f.name] ?? f.value, f.value, f.name)
  assert.equal(st.json.by_channel.reduce((a, r) => a + r.count, 0), st.json.figures['petition.received.total'])
  assert.ok(st.json.by_township.length >= 5, 'the township heat table')
  // A township's heat is every petition it registered, or that the county registered and routed
  // to it (信访工作条例 第22条), duplicates left out; the county office's own view has the latter.
  const town = (scope) => new Map(sql(main.db, "SELECT t.agency_id, COUNT(*) FROM case_record c JOIN petition p ON p.case_id = c.case_id" +
    ' JOIN agency r ON r.agency_id = c.agency_id LEFT JOIN agency h ON h.agency_id = p.handler_agency_id' +
    " JOIN agency t ON t.agency_id = CASE WHEN r.kind = 'township' THEN r.agency_id ELSE h.agency_id END AND t.kind = 'township'" +
    " WHERE c.state <> 'duplicate' AND c.received_on BETWEEN '2026-01-01' AND '2026-12-31'" +
    (scope ? ` AND ${scope} IN (c.agency_id, p.handler_agency_id)` : '') + ' GROUP BY t.agency_id').map(([k, n]) => [k, Number(n)]))
  const heat = (rows) => new Map(rows.map((r) => [r.key, r.count]))
  assert.deepEqual(heat(st.json.by_township), town(null))
  const govId = sqlNumber(main.db, "SELECT agency_id FROM agency WHERE code = 'gov'")
  const gst = await main.get('/api/petitions/stats?year=2026', { session: await main.login('gov.clerk') })
  assert.ok(gst.json.by_township.length >= 3, 'the county office sees the petitions it routed to townships')
  assert.deepEqual(heat(gst.json.by_township), town(govId))
  assert.ok(st.json.rates.timely_acceptance > 0 && st.json.rates.timely_acceptance <= 100)
  const replied = Number(sql(main.db, "SELECT c.case_id FROM case_record c JOIN petition p ON p.case_id = c.case_id WHERE p.outcome IS NOT NULL AND c.agency_id = (SELECT agency_id FROM agency WHERE code = 'gov') LIMIT 1")[0][0])
  const w = await main.get(`/api/cases/${replied}/documents/petition-opinion.docx`, { session: await main.login('gov.clerk') })
  assert.equal(w.status, 200, w.text)
  assert.match(w.headers.get('content-type'), /wordprocessingml/)
  assertError(await main.get(`/api/cases/${ids.p1}/documents/petition-opinion.docx`, { session: s }), 409, 'STATE', 'outcome')
})

// ---- the 12345 hotline's work orders ----------------------------------------------------------------

test('12345 work orders import from CSV: a dry run, all or nothing, each order once', async () => {
  const s = await main.login('cgz.clerk')
  const head = '\uFEFF12345热线工单导出\n工单编号,来电时间,来电人,身份证号码,联系电话,地址,诉求类别,诉求标题,诉求内容\n'
  const rows = [
    'GD-2026-110001,2026/11/20 09:12,"周, 海",360121198503031235,13907911111,城关镇人民路1号,城乡建设,城关镇人民路积水,"雨后积水严重，""出行困难"""',
    'GD-2026-110002,2026-11-21,吴敏,36012119900405105X,13907912222,,other,城关镇路灯不亮,夜间路灯不亮',
  ]
  const up = (text, q) => { const m = multipart('工单.csv', Buffer.from(text), { type: 'text/csv' }); return main.post(`/api/petitions/import${q}`, m.body, { session: s, headers: m.headers }) }
  const before = sqlNumber(main.db, 'SELECT COUNT(*) FROM petition')
  const bad = head + rows.join('\n') + '\nGD-2026-110003,2026-11-21,郑强,123,13907913333,,other,乱停车,乱停车\n'
  const dry = await up(bad, '')
  assert.equal(dry.status, 200, dry.text)
  assert.equal(dry.json.valid, 2)
  assert.equal(dry.json.invalid, 1)
  assert.deepEqual([dry.json.errors[0].row, dry.json.errors[0].field, dry.json.errors[0].label], [5, 'id_number', '身份证号码'])
  const refused = assertError(await up(bad, '?commit=1'), 422, 'BAD_VALUE', 'file')
  assert.match(refused.message, /第 5 行/)
  assert.equal(sqlNumber(main.db, 'SELECT COUNT(*) FROM petition'), before, 'nothing written')
  const ok = await up(head + rows.join('\r\n') + '\r\n', '?commit=1')
  assert.equal(ok.status, 200, ok.text)
  assert.equal(ok.json.imported, true)
  assert.equal(ok.json.created.length, 2)
  const d = await main.detail(ok.json.created[0].case_id, 'cgz.clerk')
  assert.equal(d.case.fields.channel, 'hotline')
  assert.equal(d.case.fields.order_number, 'GD-2026-110001')
  assert.equal(d.case.fields.petitioner_name, '周, 海')
  assert.equal(d.case.fields.content, '雨后积水严重，"出行困难"')
  assert.equal(d.case.fields.matter_type, 'housing')
  assert.equal(d.case.received_on, '2026-11-20')
  assert.equal(clock(d, 'route').due_date, cdDue('2026-11-20', 15))
  // The same file again: each order is already there.
  const again = await up(head + rows.join('\n'), '')
  assert.equal(again.json.invalid, 2)
  assert.match(again.json.errors[0].message, /已经导入/)
  assertError(await up('姓名,电话\n张三,1\n', ''), 422, 'BAD_VALUE', 'file')
  assert.equal((await main.post('/api/petitions/import', multipart('x.csv', Buffer.from(head)).body, { session: await main.login('leader'), headers: multipart('x.csv', Buffer.from(head)).headers })).status, 403)
})

// ---- supervision ------------------------------------------------------------------------------------

test('the handling clock is the handling agency’s in 电子监察, not the registering office’s', async () => {
  // The demo's petition accepted by 人社局 on 2026-09-11 and not yet answered: 60 CD ran out on 11-10.
  const [[id]] = sql(main.db, "SELECT c.case_id FROM case_record c JOIN petition p ON p.case_id = c.case_id WHERE p.subject = '城关镇滨江花园项目工地工伤待遇未落实'")
  const sup = (await main.get('/api/supervision', { session: await main.login('legal') })).json
  const item = sup.items.find((i) => i.case_id === Number(id) && i.clock_label === '办理期限')
  assert.ok(item, 'the overdue handling clock is in supervision')
  assert.equal(item.agency_name, '青山县人力资源和社会保障局')
  assert.equal(item.due_date, cdDue('2026-09-11', 60))
  assert.equal(item.status, 'red')
  assert.match(item.article, /第三十四条/)
})
