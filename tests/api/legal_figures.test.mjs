// The legal affairs' named figures (legal.*, docs/legal.md) for the annual rule-of-law report: each
// count equals its drill-down list's total, the contract value equals the sum of the amounts its
// drill-down lists, the statistics page says the same, county-wide and per agency, for 2025 and
// 2026 of the demo county; an agency user gets its own agency's.
//
// One server on the demo county (FAZHI_TODAY 2026-11-23).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError } from './lib.mjs'

const c = useServer()

async function getJson (user, p) {
  const r = await c.get(p, { session: await c.login(user) })
  assert.equal(r.status, 200, `${p}: ${r.text}`)
  return r.json
}

async function legalFigures (query) {
  return (await getJson('legal', `/api/figures?${query}`)).items.filter((x) => x.name.startsWith('legal.'))
}

/** Every row of a list (pages of 100). */
async function allRows (p) {
  const rows = []
  for (let page = 1; ; page++) {
    const j = await getJson('legal', `${p}&per_page=100&page=${page}`)
    rows.push(...j.items)
    if (rows.length >= j.total || j.items.length === 0) return rows
  }
}

const NAMES = ['legal.contracts.reviewed', 'legal.contracts.reviewed_amount', 'legal.contracts.signed',
  'legal.contracts.disputes', 'legal.matters.handled', 'legal.matters.on_time', 'legal.advisers.opinions',
  'legal.advisers.meetings']

test('every legal figure equals its drill-down: a count its total, the value the sum of the amounts', async () => {
  const agencies = await c.agencies()
  const ids = ['青山县人民政府', '青山县住房和城乡建设局', '青山县市场监督管理局', '青山县教育局']
    .map((n) => agencies.find((a) => a.name === n).agency_id)
  for (const y of [2025, 2026]) {
    for (const a of [0, ...ids]) {
      const q = `year=${y}${a ? `&agency_id=${a}` : ''}`
      const figs = await legalFigures(q)
      assert.deepEqual(figs.map((f) => f.name), NAMES)
      for (const f of figs) {
        assert.equal(f.module, 'legal')
        const path = `${f.drill.path}?${f.drill.query}`
        if (f.kind === 'count') {
          assert.equal((await getJson('legal', `${path}&per_page=1`)).total, f.value, `${q} ${f.name}`)
        } else {
          assert.equal(f.unit, '元')
          const rows = await allRows(path)
          assert.equal(rows.reduce((s, r) => s + r.amount, 0), f.value, `${q} ${f.name}`)
        }
      }
      // The statistics page shows the same figures, and its breakdowns add up to them.
      const st = await getJson('legal', `/api/legal/stats?${q}`)
      const v = Object.fromEntries(figs.map((f) => [f.name, f.value]))
      assert.deepEqual(Object.fromEntries(st.figures.map((f) => [f.name, f.value])), v)
      const sum = (arr, k) => arr.reduce((s, r) => s + r[k], 0)
      assert.equal(sum(st.contracts, 'reviewed'), v['legal.contracts.reviewed'], q)
      assert.equal(sum(st.contracts, 'reviewed_amount'), v['legal.contracts.reviewed_amount'], q)
      assert.equal(sum(st.contracts, 'signed'), v['legal.contracts.signed'], q)
      assert.equal(sum(st.disputes, 'raised'), v['legal.contracts.disputes'], q)
      assert.equal(sum(st.matters, 'answered'), v['legal.matters.handled'], q)
      assert.equal(sum(st.matters, 'on_time'), v['legal.matters.on_time'], q)
      assert.equal(st.advisers.total.opinions, v['legal.advisers.opinions'], q)
      assert.equal(st.advisers.total.meetings, v['legal.advisers.meetings'], q)
      assert.ok(v['legal.matters.on_time'] <= v['legal.matters.handled'])
      assert.ok(v['legal.advisers.meetings'] <= v['legal.advisers.opinions'])
    }
  }
})

test('the demo county has a year of legal affairs in 2025 and in 2026', async () => {
  for (const y of [2025, 2026]) {
    const v = Object.fromEntries((await legalFigures(`year=${y}`)).map((f) => [f.name, f.value]))
    for (const n of NAMES) assert.ok(v[n] > 0, `${y} ${n}: ${v[n]}`)
    assert.ok(v['legal.matters.on_time'] < v['legal.matters.handled'] || y === 2025, `${y}: some matter answered late`)
  }
  // Every state of a contract is in the demo.
  const states = new Set((await allRows('/api/legal/contracts?sort=created_at')).map((r) => r.state))
  for (const s of ['drafting', 'in_review', 'reviewed', 'performing', 'disputed', 'completed', 'terminated', 'abandoned']) {
    assert.ok(states.has(s), s)
  }
})

test('an agency user reads its own agency’s figures and statistics; another agency is 404', async () => {
  const zjj = await c.agencyOf('zjj.clerk')
  const scj = await c.agencyOf('scj.clerk')
  const own = await getJson('zjj.clerk', '/api/legal/stats?year=2026')
  assert.equal(own.agency_id, zjj)
  assert.deepEqual(own.figures, (await getJson('legal', `/api/legal/stats?year=2026&agency_id=${zjj}`)).figures)
  assertError(await c.get(`/api/legal/stats?year=2026&agency_id=${scj}`, { session: await c.login('zjj.clerk') }), 404)
  assertError(await c.get('/api/legal/stats?year=20x6', { session: await c.login('legal') }), 422, 'BAD_VALUE', 'year')
})
