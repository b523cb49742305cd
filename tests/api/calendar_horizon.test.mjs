// Clocks at the edge of the loaded official calendar (issue 15): the shipped calendar holds
// 2024-2026 only, so a server whose today is in 2027 runs past it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client } from './lib.mjs'

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
