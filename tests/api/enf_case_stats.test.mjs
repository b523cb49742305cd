// The year's enforcement case statistics (执法案件统计, GET /api/enforcement/case-stats): every number of the
// totals and of each agency's row is the module's named figure for that agency (GET /api/figures), the agency
// rows add up to the county, the breakdowns by kind of penalty and by month add up to the decisions, an agency
// user gets its own agency only, and a case filed today is counted at once for its agency and the county.
//
// One server on the demo county, FAZHI_TODAY pinned (lib.mjs TODAY). Only the last test writes.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, assertError, TODAY } from './lib.mjs'

const c = useServer()

async function getJson (user, path) {
  const r = await c.get(path, { session: await c.login(user) })
  assert.equal(r.status, 200, `${path}: ${r.text}`)
  return r.json
}

async function figureValues (user, query) {
  const f = await getJson(user, `/api/figures?${query}`)
  return Object.fromEntries(f.items.map((x) => [x.name, x.value]))
}

const agencyId = (code) => Number(sql(c.db, `SELECT agency_id FROM agency WHERE code = '${code}'`)[0][0])

for (const year of [2025, 2026]) {
  test(`${year}: the totals and each agency's row are the named figures, and the rows add up to the county`, async () => {
    const s = await getJson('legal', `/api/enforcement/case-stats?year=${year}`)
    assert.equal(s.year, year)
    const names = s.columns.map((x) => x.name)
    for (const n of ['enforcement.penalties.filed', 'enforcement.penalties.decided', 'enforcement.penalties.not_punished',
      'enforcement.penalties.fines', 'enforcement.penalties.simple', 'enforcement.penalties.hearings', 'enforcement.penalties.major']) {
      assert.ok(names.includes(n), `column ${n}`)
    }
    const county = await figureValues('legal', `year=${year}`)
    for (const n of names) assert.equal(s.totals[n], county[n], `county ${n}`)
    assert.ok(s.agencies.length >= 3, 'several agencies enforce')
    for (const row of s.agencies) {
      const mine = await figureValues('legal', `year=${year}&agency_id=${row.agency_id}`)
      for (const n of names) assert.equal(row.values[n], mine[n], `${row.agency_name} ${n}`)
    }
    for (const n of names) {
      assert.equal(s.agencies.reduce((a, r) => a + r.values[n], 0), s.totals[n], `the agencies add up to the county: ${n}`)
    }
    const decided = s.totals['enforcement.penalties.decided']
    assert.equal(s.by_kind.reduce((a, k) => a + k.count, 0), decided, 'by kind adds up to the decisions')
    assert.equal(s.by_month.length, 12)
    assert.equal(s.by_month.reduce((a, n) => a + n, 0), decided, 'by month adds up to the decisions')
    assert.ok(s.paragraph.startsWith(`${year}年，全县`), s.paragraph)
    assert.ok(s.paragraph.includes(`作出行政处罚决定${decided}件`), s.paragraph)
    // Money as the reports write it: 元 under 1万, else 万元 with two decimals rounded half up.
    const fines = s.totals['enforcement.penalties.fines']
    const money = fines < 10000 ? `${fines}元` : `${(Math.floor((fines + 50) / 100) / 100).toFixed(2)}万元`
    assert.ok(s.paragraph.includes(`罚款${money}`), `${money}: ${s.paragraph}`)
    if (year === 2026) assert.ok(decided > 0 && s.totals['enforcement.penalties.filed'] > 0, 'the demo county has cases in 2026')
  })
}

test('an agency user gets its own agency only, whatever agency it asks for', async () => {
  const scj = agencyId('scj')
  const other = agencyId('zjj')
  for (const q of ['', `&agency_id=${other}`]) {
    const s = await getJson('scj.clerk', `/api/enforcement/case-stats?year=2026${q}`)
    assert.equal(s.agency_id, scj)
    assert.deepEqual(s.agencies.map((r) => r.agency_id), [scj])
    const mine = await figureValues('legal', `year=2026&agency_id=${scj}`)
    for (const col of s.columns) assert.equal(s.totals[col.name], mine[col.name], col.name)
    assert.ok(s.paragraph.includes('本单位'), s.paragraph)
  }
  // The legal office may look at one agency.
  const one = await getJson('legal', `/api/enforcement/case-stats?year=2026&agency_id=${other}`)
  assert.deepEqual(one.agencies.map((r) => r.agency_id), [other])
})

test('bad years are refused with the field named; the Excel export is a workbook', async () => {
  const s = await c.login('legal')
  assertError(await c.get('/api/enforcement/case-stats?year=1999', { session: s }), 422, 'BAD_VALUE', 'year')
  assertError(await c.get('/api/enforcement/case-stats?year=abc', { session: s }), 422, 'BAD_VALUE', 'year')
  const x = await c.get('/api/enforcement/case-stats.xlsx?year=2026', { session: s })
  assert.equal(x.status, 200)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
  assert.match(decodeURIComponent(x.headers.get('content-disposition')), /2026年行政执法案件统计\.xlsx/)
  assert.equal(x.text.slice(0, 2), 'PK')
  assert.equal((await c.get('/api/enforcement/case-stats?year=2026')).status, 401, 'signed in only')
})

test('a case filed today counts at once for its agency and the county', async () => {
  const scj = agencyId('scj')
  const before = await getJson('legal', '/api/enforcement/case-stats?year=2026')
  const [[body]] = sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE a.code = 'scj'" +
    " AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")
  const [[power]] = sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${body} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)
  const officers = sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ` JOIN case_record r ON r.case_id = x.case_id WHERE o.body_id = ${body} AND o.status = 'on_duty' AND r.state = 'valid'` +
    ` AND x.cert_type = 'enforcement' AND x.issued_on <= '${TODAY}' AND x.valid_until >= '${TODAY}' ORDER BY o.officer_id LIMIT 2`).map((r) => Number(r[0]))
  const r = await c.post('/api/enforcement/penalties', {
    body_id: Number(body), power_id: Number(power), officer_ids: officers, party_type: 'citizen', party_name: '李某',
    matter: '李某无照经营案', act_on: TODAY, filed_on: TODAY,
  }, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  const after = await getJson('legal', '/api/enforcement/case-stats?year=2026')
  const F = 'enforcement.penalties.filed'
  assert.equal(after.totals[F], before.totals[F] + 1)
  const row = (s) => s.agencies.find((x) => x.agency_id === scj).values[F]
  assert.equal(row(after), row(before) + 1)
})

test('the penalty list total by agency and state (read from the case tally) equals the cases counted', async () => {
  const s = await c.login('legal')
  for (const code of ['scj', 'zjj', 'hbj']) {
    const a = agencyId(code)
    for (const state of ['', 'closed', 'served', 'investigating']) {
      const q = `agency_id=${a}${state ? `&state=${state}` : ''}`
      const r = await c.get(`/api/enforcement/penalties?${q}&per_page=1`, { session: s })
      assert.equal(r.status, 200, r.text)
      const [[n]] = sql(c.db, `SELECT COUNT(*) FROM case_record WHERE case_type = 'enf_penalty' AND agency_id = ${a}` +
        (state ? ` AND state = '${state}'` : ''))
      assert.equal(r.json.total, Number(n), q)
    }
  }
  // An agency user counts its own cases only: another agency's filter finds nothing, its own all of them.
  const clerk = await c.login('scj.clerk')
  const other = await c.get(`/api/enforcement/penalties?per_page=1&agency_id=${agencyId('zjj')}`, { session: clerk })
  assert.equal(other.status, 200, other.text)
  assert.equal(other.json.total, 0)
  const own = await c.get('/api/enforcement/penalties?per_page=1', { session: clerk })
  const [[n]] = sql(c.db, `SELECT COUNT(*) FROM case_record WHERE case_type = 'enf_penalty' AND agency_id = ${agencyId('scj')}`)
  assert.equal(own.json.total, Number(n))
})
