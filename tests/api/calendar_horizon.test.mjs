// Clocks at the edge of the loaded official calendar (issue 15): the shipped calendar holds
// 2024-2026 only, so a server whose today is in 2027 runs past it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { startServer, Client, fazhiOk } from './lib.mjs'

/** A demo-county server with today pinned to `today`, on db (a fresh demo copy when null). */
async function serverOn (today, db = null, dir = null) {
  return startServer({ db, dir, env: { FAZHI_TODAY: today } })
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

// Item 2: a clock that fell due inside the loaded year, seen when today is after it.
for (const [received, later] of [['2026-12-01', '2027-01-04'], ['2026-11-24', '2027-06-30']]) {
  test(`an unanswered letter received ${received} is overdue (red) on ${later}, past the loaded calendar`, async () => {
    const a = await serverOn(received)
    let letter
    try {
      letter = await new Client(a).submitLetter({ subject: `跨年逾期 ${received}` })
      const d = await new Client(a).detail(letter.case_id)
      assert.ok(clock(d, 'assign').due_date < '2027-01-01' && clock(d, 'reply').due_date < '2027-01-01', JSON.stringify(d.clocks))
    } finally {
      await a.stop({ keep: true })
    }
    const b = await serverOn(later, a.db, a.dir)
    try {
      const c = new Client(b)
      const d = await c.detail(letter.case_id)
      for (const name of ['assign', 'reply']) {
        const k = clock(d, name)
        assert.equal(k.state, 'running', JSON.stringify(k))
        assert.equal(k.status, 'red', `${name} is overdue, not ${k.status}: ${JSON.stringify(k)}`)
        assert.ok(Number.isInteger(k.days_left) && k.days_left < 0, JSON.stringify(k))
      }
      assert.equal(d.case.clock_status, 'red', JSON.stringify(d.case))
      // The earlier due day is the more overdue.
      assert.ok(clock(d, 'assign').days_left <= clock(d, 'reply').days_left, JSON.stringify(d.clocks))

      const s = await c.get('/api/supervision', { session: await c.login('legal') })
      assert.equal(s.status, 200, s.text)
      const items = s.json.items.filter((x) => x.case_id === letter.case_id)
      assert.ok(items.length >= 1, 'the overdue letter is listed')
      for (const x of items) {
        assert.equal(x.status, 'red', JSON.stringify(x))
        assert.equal(x.clock_status, 'red', JSON.stringify(x))
        assert.ok(x.days_left < 0, JSON.stringify(x))
      }
      assert.ok(s.json.items.every((x) => ['red', 'yellow'].includes(x.status)), 'every item has its status')
      const year = later.slice(0, 4)
      assert.ok(s.json.warnings.some((w) => w.includes(`${year} 年`) && /尚未载入/.test(w)),
        `a warning names the missing year ${year}: ${s.json.warnings.join('\n')}`)
      const dash = await c.get('/api/dashboard', { session: await c.login('legal') })
      assert.ok(dash.json.warnings.some((w) => w.includes(`${year} 年`)), dash.json.warnings.join('\n'))

      const list = await c.get('/api/cases?type=mailbox&clock_status=red&per_page=100&sort=-number', { session: await c.login('legal') })
      assert.equal(list.status, 200, list.text)
      const row = list.json.items.find((x) => x.case_id === letter.case_id)
      assert.ok(row, 'listed among the red cases')
      assert.equal(row.clock_status, 'red', JSON.stringify(row))
    } finally {
      await b.stop()
    }
  })
}

test('today inside a loaded year with next year missing: no current-year warning before October', async () => {
  const s = await serverOn('2026-06-15')
  try {
    const c = new Client(s)
    const r = await c.get('/api/supervision', { session: await c.login('legal') })
    assert.equal(r.status, 200, r.text)
    assert.ok(!r.json.warnings.some((w) => /本年度/.test(w)), r.json.warnings.join('\n'))
  } finally {
    await s.stop()
  }
})

// Item 4: a reply period that runs into a year whose official calendar is not loaded yet.
const NOTE = '暂按周末推算，以国务院公布的节假日安排为准'
for (const [received, provisional, real] of [
  // 15 WD from Tue 2026-12-15: 12 in December, then Fri 01-01, Mon 01-04, Tue 01-05 (weekends
  // only); with 元旦 on 01-01 loaded, Wed 01-06.
  ['2026-12-15', '2027-01-05', '2027-01-06'],
  // From Thu 2026-12-31 every day counted is in 2027: 01-01, 01-04..08, 01-11..15, 01-18..21.
  ['2026-12-31', '2027-01-21', '2027-01-22'],
]) {
  test(`a letter received ${received}: provisional reply date ${provisional} on the receipt, tracking and case, replaced by ${real} once 2027 is loaded`, async () => {
    const s = await serverOn(received)
    let dir = null
    try {
      const c = new Client(s)
      const r = await c.post('/api/public/mailbox', { name: '跨年', phone: '13700000000', category: 'other',
        subject: `跨年来信 ${received}`, content: '年底的来信', publish_ok: false })
      assert.equal(r.status, 201, r.text)
      assert.equal(r.json.due_date, null, 'the law\'s date is not guessed')
      assert.equal(r.json.provisional, true, r.text)
      assert.equal(r.json.provisional_due_date, provisional, r.text)
      assert.equal(r.json.provisional_note, NOTE)

      const tr = await c.get(`/api/public/track/${r.json.tracking_code}`)
      assert.equal(tr.status, 200, tr.text)
      assert.equal(tr.json.clock.due_date, null)
      assert.equal(tr.json.clock.status, 'unknown')
      assert.equal(tr.json.clock.provisional_due_date, provisional)
      assert.equal(tr.json.clock.calendar_missing_year, 2027)
      assert.ok(tr.json.clock.explain.some((l) => l.includes(provisional) && l.includes(NOTE)), tr.json.clock.explain.join('\n'))
      assert.ok(tr.json.clock.explain.some((l) => /2027 年/.test(l) && /国务院/.test(l)), tr.json.clock.explain.join('\n'))

      const caseId = await c.caseIdByNumber(r.json.number)
      const reply = (await c.detail(caseId)).clocks.find((k) => k.name === 'reply')
      assert.equal(reply.due_date, null)
      assert.equal(reply.provisional, true)
      assert.equal(reply.provisional_due_date, provisional)
      const sup = await c.get('/api/supervision', { session: await c.login('legal') })
      assert.ok(sup.json.warnings.some((w) => /2027 年/.test(w)), sup.json.warnings.join('\n'))

      // The administrator loads 2027 (元旦 on Friday 01-01): the real date replaces the provisional one.
      await s.stop({ keep: true })
      dir = s.dir
      const csv = `${s.dir}/cal2027.csv`
      fs.writeFileSync(csv, 'date,kind,name\n2027-01-01,holiday,元旦\n')
      fazhiOk(['calendar', '--db', s.db, 'load', csv], { env: { FAZHI_TODAY: received } })
      const s2 = await serverOn(received, s.db, s.dir)
      dir = null
      try {
        const c2 = new Client(s2)
        const tr2 = await c2.get(`/api/public/track/${r.json.tracking_code}`)
        assert.equal(tr2.json.clock.due_date, real, JSON.stringify(tr2.json.clock))
        assert.equal(tr2.json.clock.provisional, undefined)
        assert.ok(!tr2.json.clock.explain.some((l) => l.includes(NOTE)))
      } finally {
        await s2.stop()
      }
    } finally {
      if (s.alive()) await s.stop()
      else if (dir) fs.rmSync(dir, { recursive: true, force: true })
    }
  })
}

// Staff at the counter in January, before the new year's holidays are loaded: a date in that
// year is a date. The application is recorded (as a public submission already was) and its
// clock waits for the calendar with a provisional due day; only absurd years are refused.
test('staff register applications dated in a year whose calendar is not loaded yet', async () => {
  const s = await serverOn('2027-01-04')
  try {
    const c = new Client(s)
    const scj = await c.agencyOf('scj.clerk')
    const legal = await c.login('legal')
    const recon = (over) => c.post('/api/reconsideration/cases', {
      applicant_name: '跨年申请人', applicant_type: 'natural', phone: '13807910000', respondent_agency_id: scj,
      act_type: 'penalty', learned_on: '2026-12-20', requests: '请求撤销行政处罚决定', channel: 'written',
      received_on: '2027-01-04', ...over,
    }, { session: legal })
    const r = await recon()
    assert.equal(r.status, 201, r.text)
    // The 5-WD review counted on weekends only until 2027's holidays are loaded: Tue 01-05 .. Mon 01-11.
    assert.equal(r.json.due_date, null, r.text)
    assert.equal(r.json.provisional, true, r.text)
    assert.equal(r.json.provisional_due_date, '2027-01-11', r.text)
    const d = await c.detail(r.json.case_id)
    assert.equal(d.case.received_on, '2027-01-04')
    const k = clock(d, 'acceptance')
    assert.equal(k.due_date, null, JSON.stringify(k))
    assert.equal(k.status, 'unknown', JSON.stringify(k))
    const disc = await c.post('/api/disclosure/requests', {
      agency_id: scj, applicant_type: 'natural', applicant_name: '周明', phone: '13907910001',
      description: '请公开2026年农贸市场抽检结果', purpose: '了解情况', delivery: 'email', email: 'z@example.cn',
      channel: 'in_person', submitted_on: '2027-01-04',
    }, { session: await c.login('scj.clerk') })
    assert.equal(disc.status, 201, disc.text)
    assert.equal(disc.json.provisional, true, disc.text)
    assert.ok(disc.json.provisional_due_date > '2027-01-04', disc.text)
    const bad = await recon({ received_on: '1989-12-31', applicant_name: '年份有误' })
    assert.equal(bad.status, 422, bad.text)
    assert.equal(bad.json.error.field, 'received_on')
    assert.match(bad.json.error.message, /收到申请日期/)
    const far = await recon({ received_on: '2100-01-04', applicant_name: '年份有误' })
    assert.equal(far.status, 422, far.text)
    assert.equal(far.json.error.field, 'received_on')
  } finally {
    await s.stop()
  }
})
