// Electronic supervision (电子监察) and the dashboard: figures that add up, cards in due-date
// order, and each agency seeing only itself.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, TODAY } from './lib.mjs'
import { sharedWith } from './shared.mjs'

let scj
let handled // a letter assigned to scj
const c = useServer({
  async setup (cl) {
    scj = await cl.agencyOf('scj.clerk')
    const l = await cl.submitLetter({ subject: '监察测试：已分办' })
    await cl.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
    handled = l.case_id
  },
})

async function supervision (username) {
  const r = await c.get('/api/supervision', { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

async function dashboard (username) {
  const r = await c.get('/api/dashboard', { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

const sum = (rows, k) => rows.reduce((n, x) => n + x[k], 0)

function assertSupervisionShape (s) {
  assert.equal(s.today, TODAY)
  assert.equal(s.yellow_days, 3)
  for (const k of ['open', 'yellow', 'red']) assert.equal(s.totals[k], sum(s.agencies, k), `totals.${k} is the sum over agencies`)
  assert.ok(s.items.length <= 200)
  const dues = s.items.map((x) => x.due_date)
  assert.deepEqual(dues, [...dues].sort(), 'items are sorted by due date, most overdue first')
  for (const x of s.items) {
    assert.ok(['yellow', 'red'].includes(x.status), JSON.stringify(x))
    if (x.status === 'red') {
      assert.ok(x.due_date < TODAY, JSON.stringify(x))
      assert.ok(x.days_left < 0, JSON.stringify(x))
    } else {
      assert.ok(x.due_date >= TODAY, JSON.stringify(x))
      assert.ok(x.days_left >= 0 && x.days_left <= 3, JSON.stringify(x))
    }
  }
  if (s.items.length < 200) {
    assert.equal(s.items.filter((x) => x.status === 'red').length, s.totals.red)
    assert.equal(s.items.filter((x) => x.status === 'yellow').length, s.totals.yellow)
  }
}

test('supervision: totals are the sums over agencies; items sorted by due date and consistent', async () => {
  const s = await supervision('legal')
  assertSupervisionShape(s)
  assert.ok(s.totals.open > 0)
  assert.ok(s.totals.red > 0, 'the demo county has an overdue clock')
  assert.ok(s.agencies.length >= 30, 'every agency is listed, with or without open clocks')
  // A new letter adds two running clocks at the office; its assignment clock (due in 2 working
  // days) is inside the county's 3-day window but not its own (half its period: 1 working day),
  // so it is green on arrival (issue 15; calendar_horizon.test.mjs follows it to yellow).
  const l = await c.submitLetter({ subject: '监察测试：新来信' })
  const s2 = await supervision('legal')
  assertSupervisionShape(s2)
  assert.equal(s2.totals.open, s.totals.open + 2)
  assert.equal(s2.totals.yellow, s.totals.yellow)
  assert.equal(s2.items.find((x) => x.case_id === l.case_id), undefined, 'no card on arrival')
  // Assigning it stops that clock.
  await c.actOk(l.case_id, 'assign', 'legal', { agency_id: scj })
  const s3 = await supervision('legal')
  assert.equal(s3.items.find((x) => x.case_id === l.case_id), undefined)
  assert.equal(s3.totals.open, s.totals.open + 1)
})

test('supervision for an agency clerk shows only that agency', async () => {
  const all = await supervision('legal')
  const s = await supervision('scj.clerk')
  assertSupervisionShape(s)
  assert.deepEqual(s.agencies.map((a) => a.agency_id), [scj])
  const row = all.agencies.find((a) => a.agency_id === scj)
  assert.deepEqual(s.agencies[0], row)
  assert.deepEqual(s.totals, { open: row.open, yellow: row.yellow, red: row.red })
  for (const x of s.items) assert.equal(x.agency_name, '青山县市场监督管理局')
  // The county leader sees the whole county.
  assert.deepEqual((await supervision('leader')).totals, all.totals)
})

test('dashboard for the legal office: to-dos it can act on, counts that add up, months so far', async () => {
  const d = await dashboard('legal')
  for (const k of ['open', 'yellow', 'red']) assert.equal(d.counts[k], sum(d.by_agency, k), k)
  assert.equal(d.counts.closed_this_year, sum(d.by_agency, 'closed'))
  assert.deepEqual(d.monthly.map((m) => m.month),
    ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => `2026-${m}`))
  assert.ok(d.monthly.every((m) => m.received >= 0 && m.closed >= 0))
  assert.ok(d.todo.length > 0)
  assert.ok(d.todo.some((x) => x.state === 'pending' && x.case_type === 'mailbox'))
  // The most urgent twenty across every procedure: by due date, the ones without one last.
  assert.ok(d.todo.length <= 20)
  assert.equal(d.todo_more, true, 'the demo county has more to-dos than are shown')
  const dues = d.todo.map((x) => x.due_date)
  const dated = dues.filter(Boolean)
  assert.deepEqual(dated, [...dated].sort(), 'nearest due first')
  assert.ok(dues.indexOf(null) === -1 || dues.slice(dues.indexOf(null)).every((x) => x === null), 'no due date last')
  for (const x of d.todo) {
    const det = await c.detail(x.case_id, 'legal')
    assert.ok(det.actions.length > 0, `to-do ${x.case_id} (${x.state}) offers the legal office an action`)
  }
})

test('dashboard for an agency clerk: only own-agency cases it may act on', async () => {
  const d = await dashboard('scj.clerk')
  assert.ok(d.todo.some((x) => x.case_id === handled), 'the assigned letter is a to-do')
  // Its own cases, and those shared with it where it has the next step (a petition routed to it).
  const shared = sharedWith(c.db, scj)
  for (const x of d.todo) {
    assert.ok(x.agency_id === scj || shared.has(x.case_id), `to-do ${x.case_id} belongs to agency ${x.agency_id}`)
    const det = await c.detail(x.case_id, 'scj.clerk')
    assert.ok(det.actions.length > 0, `to-do ${x.case_id} (${x.state}) offers scj.clerk an action`)
  }
  assert.deepEqual(d.by_agency.map((a) => a.agency_id), [scj])
  assert.equal(d.counts.open, d.by_agency[0].open)
  // Other agencies' to-dos stay theirs.
  const z = await dashboard('zjj.clerk')
  assert.ok(!z.todo.some((x) => x.case_id === handled))
  // A read-only leader has nothing to do.
  assert.deepEqual((await dashboard('leader')).todo, [])
})
