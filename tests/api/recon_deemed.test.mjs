// Deemed acceptance (行政复议法 第30条第3款; issue 15, item 1): when the 5-working-day acceptance
// review ends with no decision, the application is accepted as of the day the review ended. The
// decision's 60 days (第62条, calendar days, a rest-day end moving to the next working day, 第88条)
// and the copy's 7 working days (第48条) count from that day, in the normal procedure, whatever day
// the program or a clerk notices it. The case says so: state accepted, an event by the system
// naming 第三十条第三款, fields accepted_how "deemed" with a label. A user cannot take the step.
//
// Dates counted from data/cn-calendar.csv. "WDn" the n-th working day after receipt; W a make-up
// working day, H a holiday:
//   2025-09-26 Fri: 09-28 W WD1, 29, 30, 10-01..08 H (国庆节、中秋节), 10-09 WD4, 10-10 WD5;
//               10-10 + 60 = 12-09 (Tue); + 7 WD: 10-11 W, 13..17, 20 -> 10-20.
//   2026-02-12 Thu: 02-13 WD1, 02-14 W WD2, 15..23 H (春节), 24, 25, 26 WD5;
//               02-26 + 60 = 04-27 (Mon); + 7 WD: 27, 03-02..06 -> 03-06.
//   2025-12-29 Mon: 30, 31, 2026-01-01..03 H (元旦), 01-04 W WD3, 05, 06 WD5;
//               01-06 + 60 = 03-07 (Sat) -> 03-09 (Mon); + 7 WD -> 01-15.
//   2026-07-27 Mon: review ends 08-03; + 60 = 10-02 (国庆节) -> 10-08 (Thu); + 7 WD -> 08-12.
//   2024-09-27 Fri: 09-29 W, 30, 10-01..07 H, 08, 09, 10 WD5; + 60 = 12-09; + 7 WD: 10-12 W .. -> 10-18.
//   2026-09-10 Thu: 11, 14, 15, 16, 17 WD5; + 60 = 11-16 (Mon); + 7 WD: 18, 20 W, 21..24, 28 -> 09-28.
//   2026-09-22 Tue: 23, 24, (25-27 中秋节), 28, 29, 30 WD5: the review ends on 09-30 itself.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, stopAll } from './lib.mjs'

const servers = []
let main // served on 2026-11-23 (registrations of past receipts)
let later // the same kind of database served on 2026-09-10, then on 2026-09-30
let scj
const early = {}

function body (over = {}) {
  return {
    applicant_name: '申请人', applicant_type: 'natural', phone: '13807910000', respondent_agency_id: scj,
    act_type: 'penalty', requests: '请求撤销行政处罚决定', channel: 'written', ...over,
  }
}

async function register (c, received, learned, name) {
  const r = await c.post('/api/reconsideration/cases', body({ received_on: received, learned_on: learned, applicant_name: name }),
    { session: await c.login('legal') })
  assert.equal(r.status, 201, r.text)
  return r.json.case_id
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

function assertDeemed (d, reviewEnd, decisionDue, copyDue) {
  assert.equal(d.case.state, 'accepted', JSON.stringify(d.case))
  const f = d.case.fields
  assert.equal(f.accepted_how, 'deemed')
  assert.equal(f.accepted_on, reviewEnd)
  assert.equal(f.procedure, 'normal')
  assert.match(f.acceptance_label, /视为受理/)
  assert.match(f.acceptance_label, /第三十条第三款/)
  const acc = clock(d, 'acceptance')
  assert.equal(acc.state, 'stopped')
  assert.equal(acc.due_date, reviewEnd)
  const dec = clock(d, 'decision')
  assert.equal(dec.trigger_date, reviewEnd, 'the decision period counts from the end of the review')
  assert.equal(dec.due_date, decisionDue)
  assert.equal(dec.days, 60)
  const copy = clock(d, 'copy')
  assert.equal(copy.trigger_date, reviewEnd)
  assert.equal(copy.due_date, copyDue)
  const ev = d.events.find((e) => e.action === 'deemed_accept')
  assert.ok(ev, 'a deemed_accept event')
  assert.equal(ev.actor_role, 'system')
  assert.equal(ev.to_state, 'accepted')
  assert.match(ev.action_label, /第三十条第三款/)
}

before(async () => {
  const m = await startServer()
  servers.push(m)
  main = new Client(m)
  scj = await main.agencyOf('scj.clerk')
  const dir = mkTemp('fazhi-deemed-')
  const db = makeDb(dir)
  const e = await startServer({ db, dir, env: { FAZHI_TODAY: '2026-09-10' } })
  try {
    const c = new Client(e)
    early.silent = await register(c, '2026-09-10', '2026-09-01', '沉默甲')
    early.correcting = await register(c, '2026-09-10', '2026-09-01', '补正乙')
    await c.actOk(early.correcting, 'request_correction', 'legal', { items: '请补充行政处罚决定书复印件。' })
    const d = await c.detail(early.silent)
    assert.equal(d.case.state, 'received', 'within the review: not yet accepted')
    assert.equal(clock(d, 'decision'), undefined)
  } finally {
    await e.stop({ keep: true })
  }
  const l = await startServer({ db, dir, env: { FAZHI_TODAY: '2026-09-30' } })
  servers.push(l)
  later = new Client(l)
})

after(async () => { await stopAll(servers) })

// [received_on, learned_on, review end, decision due, copy due, what it crosses]
const rows = [
  ['2025-09-26', '2025-09-20', '2025-10-10', '2025-12-09', '2025-10-20', '国庆节 2025 (the case in the issue)'],
  ['2026-02-12', '2026-02-01', '2026-02-26', '2026-04-27', '2026-03-06', '春节 2026'],
  ['2025-12-29', '2025-12-20', '2026-01-06', '2026-03-09', '2026-01-15', 'the year end; the 60th day a Saturday'],
  ['2026-07-27', '2026-07-20', '2026-08-03', '2026-10-08', '2026-08-12', 'the 60th day inside 国庆节 2026'],
  ['2024-09-27', '2024-09-20', '2024-10-10', '2024-12-09', '2024-10-18', '国庆节 2024'],
]

for (const [received, learned, end, due, copy, why] of rows) {
  test(`received ${received} (${why}): deemed accepted on ${end}, decision due ${due}`, async () => {
    const id = await register(main, received, learned, `申请${received}`)
    assertDeemed(await main.detail(id), end, due, copy)
    // The step is the system's: no user is offered or may take it.
    assertError(await main.act(id, 'deemed_accept', 'legal', { accepted_on: end }), 403, 'FORBIDDEN')
  })
}

test('the job deems a silent application accepted the first day after its review (received 09-10, review ended 09-17)', async () => {
  let d
  for (let i = 0; i < 50; i++) {
    d = await later.detail(early.silent)
    if (d.case.state === 'accepted') break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  assertDeemed(d, '2026-09-17', '2026-11-16', '2026-09-28')
  // The public tracking page shows the step on the day the law says, not the day it was noticed.
  const t = await later.get(`/api/public/reconsideration/track/${d.case.tracking_code}`)
  assert.equal(t.status, 200, t.text)
  const step = t.json.timeline.find((x) => x.action === 'deemed_accept')
  assert.ok(step, JSON.stringify(t.json.timeline))
  assert.equal(step.on, '2026-09-17')
  assert.equal(t.json.accepted_on, '2026-09-17')
})

test('a correction notice pauses the review: the application is not deemed accepted', async () => {
  const d = await later.detail(early.correcting)
  assert.equal(d.case.state, 'correcting')
  assert.equal(clock(d, 'decision'), undefined)
})

test('on the last day of the review the office still decides: accepted today, periods from today', async () => {
  const id = await register(later, '2026-09-22', '2026-09-20', '末日丙')
  let d = await later.detail(id)
  assert.equal(d.case.state, 'received')
  assert.equal(clock(d, 'acceptance').due_date, '2026-09-30')
  d = await later.actOk(id, 'accept', 'legal', { procedure: 'normal' })
  assert.equal(d.case.fields.accepted_how, 'decided')
  assert.equal(clock(d, 'decision').trigger_date, '2026-09-30')
  assert.equal(clock(d, 'decision').due_date, '2026-11-30')
})
