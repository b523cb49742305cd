// Receipt on a rest day (issue 15, item 6): the receipt day starts the clocks and is not counted
// itself (政府信息公开条例 第31条; 行政复议法 第30条; the mailbox's local rule). Many local rules say a
// receipt on a rest day counts as one on the next working day: setting receipt.rest_day_rule,
// 0 = the day itself (the default), 1 = the next working day, used by disclosure requests,
// reconsideration applications and mailbox letters, and said on the case (receipt_note naming the
// setting and the day counting starts from).
//
// Dates counted from data/cn-calendar.csv (2026): 02-15..23 春节, 02-28 (Sat) make-up working day;
// 10-01..07 国庆节, 10-10 (Sat) make-up working day; November no holiday.
//   Disclosure received 10-03 (国庆节): rule 0 -> 20 WD from 10-03: 08, 09, 10W, 12..16, 19..23,
//     26..30, 11-02, 03 -> 11-03; rule 1 -> from 10-08: 09, 10W, ... -> 11-04.
//   Received 10-10 (a make-up working day): a working day under either rule: 20 WD -> 11-06.
//   Reconsideration received 02-15 (春节): rule 0 -> review 5 WD from 02-15: 24..27, 28W -> 02-28;
//     rule 1 -> from 02-24: 25, 26, 27, 28W, 03-02 -> 03-02 (then deemed accepted, 第30条第3款).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, stopAll } from './lib.mjs'

const servers = []
let main // 2026-11-23
let holiday // 2026-10-04, a Sunday inside 国庆节
let scj

const setRule = async (c, value) => {
  const r = await c.api('PUT', '/api/settings/receipt.rest_day_rule', { session: await c.login('admin'), body: { value } })
  assert.equal(r.status, 200, r.text)
}

function disclosure (over = {}) {
  return {
    agency_id: scj, applicant_type: 'natural', applicant_name: '周明', phone: '13907910001',
    description: '请公开2026年农贸市场抽检结果', purpose: '了解情况', delivery: 'email', email: 'z@example.cn',
    channel: 'in_person', ...over,
  }
}

async function registerDisclosure (c, on, name) {
  const r = await c.post('/api/disclosure/requests', disclosure({ submitted_on: on, applicant_name: name }),
    { session: await c.login('scj.clerk') })
  assert.equal(r.status, 201, r.text)
  return c.detail(r.json.case_id)
}

async function registerRecon (c, on, name) {
  const r = await c.post('/api/reconsideration/cases', {
    applicant_name: name, applicant_type: 'natural', phone: '13807910000', respondent_agency_id: scj,
    act_type: 'penalty', learned_on: '2026-02-10', requests: '请求撤销行政处罚决定', channel: 'written', received_on: on,
  }, { session: await c.login('legal') })
  assert.equal(r.status, 201, r.text)
  return c.detail(r.json.case_id)
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

before(async () => {
  const m = await startServer()
  servers.push(m)
  main = new Client(m)
  scj = await main.agencyOf('scj.clerk')
  const h = await startServer({ env: { FAZHI_TODAY: '2026-10-04' } })
  servers.push(h)
  holiday = new Client(h)
})

after(async () => { await stopAll(servers) })

test('rule 0 (default): a request received on a holiday counts from that day, nothing said', async () => {
  const d = await registerDisclosure(main, '2026-10-03', '规则零')
  assert.equal(clock(d, 'reply').trigger_date, '2026-10-03')
  assert.equal(clock(d, 'reply').due_date, '2026-11-03')
  assert.equal(d.case.receipt_note, undefined)
  assert.equal(d.case.received_on, '2026-10-03')
})

test('rule 1: received on a holiday, counted from the next working day, and the case says so', async () => {
  await setRule(main, 1)
  try {
    const d = await registerDisclosure(main, '2026-10-03', '规则一')
    assert.equal(d.case.received_on, '2026-10-03', 'the receipt day itself is kept')
    assert.equal(clock(d, 'reply').trigger_date, '2026-10-08')
    assert.equal(clock(d, 'reply').due_date, '2026-11-04')
    assert.match(d.case.receipt_note, /休息日/)
    assert.match(d.case.receipt_note, /2026-10-08/)
    assert.match(d.case.receipt_note, /receipt\.rest_day_rule/)
    // A make-up working day is a working day: nothing moves.
    const w = await registerDisclosure(main, '2026-10-10', '调休日')
    assert.equal(clock(w, 'reply').trigger_date, '2026-10-10')
    assert.equal(clock(w, 'reply').due_date, '2026-11-06')
    assert.equal(w.case.receipt_note, undefined)
    // Reconsideration: received during 春节, the review counts from 02-24 and ends 03-02.
    const r = await registerRecon(main, '2026-02-15', '春节收件')
    assert.equal(clock(r, 'acceptance').trigger_date, '2026-02-24')
    assert.equal(clock(r, 'acceptance').due_date, '2026-03-02')
    assert.equal(r.case.fields.accepted_on, '2026-03-02')
    assert.match(r.case.receipt_note, /2026-02-24/)
  } finally {
    await setRule(main, 0)
  }
  const r0 = await registerRecon(main, '2026-02-15', '春节收件零')
  assert.equal(clock(r0, 'acceptance').due_date, '2026-02-28')
})

test('a mailbox letter on a holiday: the day itself under rule 0, the next working day under rule 1', async () => {
  const l0 = await holiday.submitLetter({ subject: '节日来信（规则零）' })
  const d0 = await holiday.detail(l0.case_id)
  assert.ok(d0.clocks.length > 0)
  for (const k of d0.clocks) assert.equal(k.trigger_date, '2026-10-04')
  await setRule(holiday, 1)
  const l1 = await holiday.submitLetter({ subject: '节日来信（规则一）' })
  const d1 = await holiday.detail(l1.case_id)
  for (const k of d1.clocks) assert.equal(k.trigger_date, '2026-10-08')
  assert.match(d1.case.receipt_note, /2026-10-08/)
  assert.equal(d1.case.received_on, '2026-10-04')
})
