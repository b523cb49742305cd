// "Late or not" (行政复议法 第20条; issue 15, item 3): 60 calendar days from the day the applicant
// knew of the act; a period ending on a rest day ends on the next working day (第88条1款, 民事诉讼法
// 第85条). When the year that could move the 60th day has no holiday arrangement loaded, the answer
// is "待定" only where it is uncertain: an application on or before the 60th day is in time whatever
// the holidays, one more than 12 days after it (the longest official rest run is 9 days) is late
// whatever they are. The detail says which (late true / false / null, late_status, late_label with
// the article), and a certainly late application is accepted only with a reason.
//
// The server runs on 2027-02-01 with the official calendar of 2024-2026 only (2027 not loaded).
// 2026 dates counted from data/cn-calendar.csv: 09-30 Wed a working day; 10-01..07 国庆节; 10-08 Thu.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, stopAll } from './lib.mjs'

const TODAY = '2027-02-01'
const servers = []
let c
let scj

function body (over = {}) {
  return {
    applicant_name: '申请人', applicant_type: 'natural', phone: '13807910000',
    respondent_agency_id: scj, act_type: 'penalty', requests: '请求撤销行政处罚决定', ...over,
  }
}

async function publicApply (learned, name) {
  const r = await c.post('/api/public/reconsideration', body({ learned_on: learned, applicant_name: name }))
  assert.equal(r.status, 201, r.text)
  return r.json.case_id
}

async function fields (id) {
  return (await c.detail(id)).case.fields
}

before(async () => {
  const s = await startServer({ env: { FAZHI_TODAY: TODAY } })
  servers.push(s)
  c = new Client(s)
  scj = await c.agencyOf('scj.clerk')
})

after(async () => { await stopAll(servers) })

// [learned_on, expected late, late_status, label pattern, why] for an application on 2027-02-01.
const rows = [
  ['2026-11-15', true, 'late', /已超过申请期限/, '60th day 2027-01-14: no holiday can move it to February'],
  ['2026-11-20', true, 'late', /已超过申请期限/, '60th day 2027-01-19: 13 days before the application'],
  ['2026-12-03', false, 'in_time', /在申请期限内/, '60th day 2027-02-01: applied on the 60th day itself'],
  ['2026-12-20', false, 'in_time', /在申请期限内/, '60th day 2027-02-18: well inside'],
  ['2026-12-01', null, 'pending', /待定.*2027/, '60th day 2027-01-30 (Sat): a holiday run could reach 02-01'],
  ['2026-11-27', null, 'pending', /待定.*2027/, '60th day 2027-01-26: six days before; a 春节 run could cover them'],
]

for (const [learned, late, status, label, why] of rows) {
  test(`第20条 without the 2027 calendar: knew ${learned}, applied ${TODAY} -> ${status} (${why})`, async () => {
    const id = await publicApply(learned, `申请${learned}`)
    const f = await fields(id)
    assert.equal(f.late, late, JSON.stringify(f))
    assert.equal(f.late_status, status)
    assert.match(f.late_label, label)
    assert.match(f.late_label, /第二十条/)
  })
}

test('第20条 with the calendar known: the 60th day on a holiday moves to the next working day', async () => {
  const legal = await c.login('legal')
  const reg = async (learned, name) => {
    const r = await c.post('/api/reconsideration/cases',
      body({ learned_on: learned, applicant_name: name, channel: 'written', received_on: '2026-10-08' }), { session: legal })
    assert.equal(r.status, 201, r.text)
    return fields(r.json.case_id)
  }
  // Knew 08-01: 60th day 09-30 (Wed, working day); applied 10-08: late.
  let f = await reg('2026-08-01', '已知甲')
  assert.equal(f.late, true)
  assert.equal(f.late_status, 'late')
  assert.equal(f.application_last_day, '2026-09-30')
  // Knew 08-03: 60th day 10-02 (国庆节) -> 10-08 (Thu); applied 10-08: in time.
  f = await reg('2026-08-03', '已知乙')
  assert.equal(f.late, false)
  assert.equal(f.application_last_day, '2026-10-08')
  assert.match(f.late_label, /2026-10-08/)
})

test('a certainly late application (calendar missing) is accepted only with a reason; an undecided one without', async () => {
  const late = await publicApply('2026-11-15', '迟延丙')
  const e = assertError(await c.act(late, 'accept', 'legal', { procedure: 'normal' }), 422, 'MISSING_FIELD', 'late_reason')
  assert.match(e.message, /第二十条/)
  await c.actOk(late, 'accept', 'legal', { procedure: 'normal', late_reason: '申请人因住院治疗耽误申请期限。' })
  const pending = await publicApply('2026-12-01', '待定丁')
  const d = await c.actOk(pending, 'accept', 'legal', { procedure: 'normal' })
  assert.equal(d.case.state, 'accepted')
  assert.equal(d.case.fields.late_status, 'pending')
})
