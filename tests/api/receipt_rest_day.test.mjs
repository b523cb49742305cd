// Receipt on a rest day (issue 15, item 6): the receipt day starts the clocks and is not counted
// itself (政府信息公开条例 第31条; 行政复议法 第30条; the mailbox's local rule). Many local rules say a
// receipt on a rest day counts as one on the next working day: setting receipt.rest_day_rule,
// 0 = the day itself (the default), 1 = the next working day, used by disclosure requests,
// reconsideration applications and mailbox letters, and said on the receipt whichever rule applies
// (receipt_note on the case, on the public receipt and on the tracking page: the day received, the
// county's rule, the day counting starts from, in Chinese dates).
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

test('rule 0 (default): a request received on a holiday counts from that day, and the receipt says so', async () => {
  const d = await registerDisclosure(main, '2026-10-03', '规则零')
  assert.equal(clock(d, 'reply').trigger_date, '2026-10-03')
  assert.equal(clock(d, 'reply').due_date, '2026-11-03')
  assert.match(d.case.receipt_note, /2026年10月3日收到，当日为休息日/)
  assert.match(d.case.receipt_note, /以收到当日为收到日/)
  assert.equal(d.case.received_on, '2026-10-03')
  // A working day needs no word.
  const w = await registerDisclosure(main, '2026-11-20', '工作日')
  assert.equal(w.case.receipt_note, undefined)
})

test('rule 1: received on a holiday, counted from the next working day, and the case says so', async () => {
  await setRule(main, 1)
  try {
    const d = await registerDisclosure(main, '2026-10-03', '规则一')
    assert.equal(d.case.received_on, '2026-10-03', 'the receipt day itself is kept')
    assert.equal(clock(d, 'reply').trigger_date, '2026-10-08')
    assert.equal(clock(d, 'reply').due_date, '2026-11-04')
    assert.match(d.case.receipt_note, /2026年10月3日收到，当日为休息日/)
    assert.match(d.case.receipt_note, /视为下一个工作日收到，即2026年10月8日收到/)
    assert.doesNotMatch(d.case.receipt_note, /rest_day_rule/, 'no internal key on a receipt')
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
    assert.match(r.case.receipt_note, /2026年2月24日/)
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
  assert.match(d1.case.receipt_note, /2026年10月8日/)
  assert.equal(d1.case.received_on, '2026-10-04')
})

test('the public receipt and tracking page say which rule applied (all three public forms, on a holiday)', async () => {
  const c = holiday
  for (const rule of [0, 1]) {
    await setRule(c, rule)
    const want = rule ? /视为下一个工作日收到，即2026年10月8日收到/ : /以收到当日为收到日/
    const letter = await c.post('/api/public/mailbox', { name: '张三', phone: '13800138000', category: 'problem',
      subject: `节日来信回执 ${rule}`, content: '路灯不亮，请维修。', publish_ok: false })
    assert.equal(letter.status, 201, letter.text)
    assert.match(letter.json.receipt_note, /2026年10月4日收到，当日为休息日/)
    assert.match(letter.json.receipt_note, want)
    const lt = await c.get(`/api/public/track/${letter.json.tracking_code}`)
    assert.equal(lt.status, 200, lt.text)
    assert.equal(lt.json.receipt_note, letter.json.receipt_note)

    const req = await c.post('/api/public/disclosure/requests', disclosure({ agency_id: await c.agencyOf('scj.clerk'),
      applicant_name: `节日申请${rule}`, channel: undefined }))
    assert.equal(req.status, 201, req.text)
    assert.match(req.json.receipt_note, want)
    const dt = await c.get(`/api/public/disclosure/track/${req.json.tracking_code}`)
    assert.match(dt.json.receipt_note, want)

    const rc = await c.post('/api/public/reconsideration', {
      applicant_name: `节日复议${rule}`, applicant_type: 'natural', phone: '13807910000',
      respondent_agency_id: await c.agencyOf('scj.clerk'), act_type: 'penalty', act_date: '2026-09-20',
      learned_on: '2026-09-21', requests: '请求撤销行政处罚决定',
    })
    assert.equal(rc.status, 201, rc.text)
    assert.match(rc.json.receipt_note, want)
    const rt = await c.get(`/api/public/reconsideration/track/${rc.json.tracking_code}`)
    assert.match(rt.json.receipt_note, want)
  }
  await setRule(c, 0)
  // Received on a working day (the main server's 11-23, a Monday): nothing to say.
  const w = await main.post('/api/public/mailbox', { name: '李四', phone: '13800138001', category: 'problem',
    subject: '工作日来信', content: '路灯不亮，请维修。', publish_ok: false })
  assert.equal(w.status, 201, w.text)
  assert.equal(w.json.receipt_note, undefined)
})
