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
