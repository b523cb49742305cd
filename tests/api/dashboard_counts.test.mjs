// One definition, one number: the home page's 在办 / 黄牌 / 红牌 and its table per agency are
// 电子监察's own count (running and paused clocks, each charged to the agency that keeps it,
// certificate validity included), for every role and agency, on days across holidays and the
// year end. Before, the dashboard counted open cases by their nearest due day and left out the
// clocks of closed cases (a valid certificate's), so the same user saw 95 / 2 on one page and
// 239 / 5 on the other.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client } from './lib.mjs'

const USERS = ['legal', 'legalhead', 'leader', 'scj.head', 'scj.clerk', 'hbj.head', 'zjj.clerk', 'gaj.head']
// The demo day, the eve of the year end, the first working day after New Year's Day, and the
// day after the National Day holiday (the demo's dates move with today: a different day, other clocks due).
const DAYS = ['2026-11-23', '2026-12-31', '2027-01-04', '2026-10-09']

for (const day of DAYS) {
  test(`the dashboard and 电子监察 agree for every user on ${day}`, async () => {
    const server = await startServer({ env: { FAZHI_TODAY: day } })
    try {
      const c = new Client(server)
      let checked = 0
      for (const u of USERS) {
        let s
        try { s = await c.login(u) } catch { continue } // an account the demo does not have
        const d = await c.get('/api/dashboard', { session: s })
        const v = await c.get('/api/supervision', { session: s })
        assert.equal(d.status, 200, d.text)
        assert.equal(v.status, 200, v.text)
        for (const k of ['open', 'yellow', 'red']) {
          assert.equal(d.json.counts[k], v.json.totals[k], `${u} on ${day}: ${k} ${d.json.counts[k]} on the dashboard, ${v.json.totals[k]} in 电子监察`)
        }
        const sup = new Map(v.json.agencies.map((a) => [a.agency_id, a]))
        for (const a of d.json.by_agency) {
          const b = sup.get(a.agency_id)
          if (!b) { assert.equal(a.open + a.yellow + a.red, 0, `${u}: agency ${a.agency_id} only on the dashboard`); continue }
          for (const k of ['open', 'yellow', 'red']) assert.equal(a[k], b[k], `${u} on ${day}: ${a.agency_name} ${k}`)
        }
        for (const b of v.json.agencies) {
          if (b.open + b.yellow + b.red === 0) continue
          assert.ok(d.json.by_agency.some((a) => a.agency_id === b.agency_id), `${u}: ${b.agency_name} missing on the dashboard`)
        }
        // The red items 电子监察 lists are the red it counts (up to its 200-item page).
        const redItems = v.json.items.filter((i) => i.status === 'red').length
        if (v.json.items.length < 200) assert.equal(redItems, v.json.totals.red, `${u} on ${day}: red items`)
        checked++
      }
      assert.ok(checked >= 6)
    } finally {
      await server.stop()
    }
  })
}

// Certificate expiry in words a clerk understands (item 12): a certificate's validity is not a
// time limit to act, so 电子监察, the case list and the case page mark its clock as a validity
// period (shown 已过期 N 天 / N 天后到期), every other clock as a time limit (超 N 天 / 剩 N 天).
test('a certificate validity clock is marked as such everywhere; time limits stay time limits', async () => {
  const server = await startServer({ env: { FAZHI_TODAY: '2026-11-23' } })
  try {
    const c = new Client(server)
    const s = await c.login('legal')
    const v = await c.get('/api/supervision', { session: s })
    assert.equal(v.status, 200, v.text)
    const certItems = v.json.items.filter((i) => i.clock_label === '证件有效期')
    const others = v.json.items.filter((i) => i.clock_label !== '证件有效期')
    assert.ok(certItems.length > 0, 'the demo county has a certificate past its validity')
    assert.ok(others.length > 0, 'and other clocks in 电子监察')
    for (const i of certItems) assert.equal(i.clock_kind, 'validity', JSON.stringify(i))
    for (const i of others) assert.equal(i.clock_kind, 'deadline', JSON.stringify(i))

    const cert = certItems[0]
    const d = await c.detail(cert.case_id)
    const k = d.clocks.find((x) => x.label === '证件有效期')
    assert.equal(k.kind, 'validity')
    assert.ok(d.clocks.every((x) => x.label === '证件有效期' || x.kind === 'deadline'))
    // A list row shows the case's nearest due day: marked by the clock that falls due then
    // (a certificate waiting to be withdrawn has a time limit before its expiry).
    const list = await c.get(`/api/cases?type=${d.case.case_type}&per_page=100`, { session: s })
    assert.equal(list.status, 200, list.text)
    const kinds = new Set()
    for (const row of list.json.items.filter((r) => r.due_date).slice(0, 25)) {
      const running = (await c.detail(row.case_id)).clocks.filter((x) => x.state === 'running' && x.due_date === row.due_date)
      assert.ok(running.length > 0, JSON.stringify(row))
      const want = running.some((x) => x.kind === 'deadline') ? 'deadline' : 'validity'
      assert.equal(row.due_kind, want, JSON.stringify(row))
      kinds.add(want)
    }
    assert.ok(kinds.has('validity'), 'some certificate rows show their validity')
    const red = await c.get(`/api/cases?type=${d.case.case_type}&clock_status=red&per_page=100`, { session: s })
    assert.ok(red.json.items.some((r) => r.case_id === cert.case_id && r.due_kind === 'validity'), red.text)
    // The certificate register says the same of each certificate as the case list.
    const certs = await c.get('/api/enforcement/certificates?per_page=100&sort=valid_until', { session: s })
    assert.equal(certs.status, 200, certs.text)
    const byCase = new Map([...list.json.items, ...red.json.items].map((r) => [r.case_id, r.due_kind]))
    let compared = 0
    for (const row of certs.json.items) {
      assert.ok(['validity', 'deadline'].includes(row.due_kind), JSON.stringify(row))
      if (byCase.has(row.case_id)) { assert.equal(row.due_kind, byCase.get(row.case_id), JSON.stringify(row)); compared++ }
    }
    assert.ok(compared > 0, 'some certificates are on both lists')
    assert.ok(certs.json.items.some((r) => r.case_id === cert.case_id && r.due_kind === 'validity'), 'the expired one reads as such')
    const letters = await c.get('/api/cases?type=mailbox&per_page=20', { session: s })
    for (const row of letters.json.items) assert.equal(row.due_kind, 'deadline', JSON.stringify(row))
  } finally {
    await server.stop()
  }
})
