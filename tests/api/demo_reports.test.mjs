// The demo county publishes last year's disclosure annual reports (issue 15, item 10): the
// county's and some departments' (政府信息公开条例 第49条), played on the demo's day from src/modules/disclosure/demo/reports.json through the report page's
// own publish (figures frozen, an audit event each), so the portal's 年度报告 page is not empty.
// "Last year" is counted from the demo's reference day, so a demo made on another day
// publishes that day's last year.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import fs from 'node:fs'
import { useServer, startServer, Client, fazhiOk, mkTemp, sql, ROOT, TODAY, ADMIN_PASSWORD, DEMO_PASSWORD } from './lib.mjs'

const client = useServer()
const LAST = Number(TODAY.slice(0, 4)) - 1

async function checkPublished (c, db, year, today) {
  const r = await c.get('/api/public/disclosure/reports')
  assert.equal(r.status, 200, r.text)
  const mine = r.json.items.filter((x) => x.year === year)
  const county = mine.filter((x) => !x.agency_id)
  const depts = mine.filter((x) => x.agency_id)
  assert.equal(county.length, 1, `the county's ${year} report is published: ${r.text}`)
  assert.ok(depts.length >= 2, `some departments' ${year} reports are published: ${r.text}`)
  // Published after the year ended, on the demo's day.
  for (const d of mine) assert.equal(d.published_on, today, JSON.stringify(d))

  // Each opens on the portal with its figures and its words, and downloads as Word.
  for (const x of [county[0], depts[0]]) {
    const q = x.agency_id ? `?agency_id=${x.agency_id}` : ''
    const one = await c.get(`/api/public/disclosure/reports/${year}${q}`)
    assert.equal(one.status, 200, one.text)
    assert.ok(JSON.stringify(one.json).includes('坚持以公开为常态'), 'the published words')
    const docx = await c.get(`/api/public/disclosure/reports/${year}/report.docx${q}`)
    assert.equal(docx.status, 200)
    assert.equal(docx.bytes.subarray(0, 2).toString(), 'PK')
  }
  // Published through the real procedure: one audit event per report.
  const events = Number(sql(db, "SELECT COUNT(*) FROM event WHERE action = 'report_publish'")[0][0])
  assert.equal(events, mine.length, 'an audit event for each published report')
}

test(`the demo made on ${TODAY} has published the ${LAST} reports`, async () => {
  await checkPublished(client, client.db, LAST, TODAY)
})

test('a demo made on 2026-01-05 (the first working day of the year) publishes the 2025 reports', async () => {
  const dir = mkTemp()
  const db = path.join(dir, 'test.db')
  const env = { FAZHI_TODAY: '2026-01-05', FAZHI_ADMIN_PASSWORD: ADMIN_PASSWORD, FAZHI_DEMO_PASSWORD: DEMO_PASSWORD }
  fazhiOk(['init', '--db', db], { env })
  // Only the disclosure module's files (the other modules' demo years are not this test's).
  const data = path.join(dir, 'data', 'disclosure', 'demo')
  fs.mkdirSync(data, { recursive: true })
  for (const f of fs.readdirSync(path.join(ROOT, 'src/modules/disclosure/demo'))) {
    fs.copyFileSync(path.join(ROOT, 'src/modules/disclosure/demo', f), path.join(data, f))
  }
  fazhiOk(['demo', '--db', db, '--data', path.join(dir, 'data')], { env })
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: '2026-01-05' } })
  after(() => s.stop())
  await checkPublished(new Client(s), db, 2025, '2026-01-05')
})
