// The portal's 重大行政决策 pages (the published catalogue, the drafts out for comment and one of
// them with its comment form, the comment tracker, the published decisions and one of them) against a
// running `fazhi serve` with the demo county: at 1440 and 390 px each page shows its records, axe-core
// finds no violation of WCAG 2.0/2.1 A and AA nor of the page structure (as tests/browser/a11y does
// for the other portal pages), and nothing is wider than the screen; the comment form names what is
// missing before it is sent.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE, browserTest, page, sel, getJson, shot, waitForText } from './lib.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const AXE_SOURCE = fs.readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const STRUCTURE = ['page-has-heading-one', 'heading-order', 'landmark-one-main', 'landmark-no-duplicate-main', 'region']
const WIDTHS = [1440, 390]

browserTest('the portal pages of major decisions show their records and pass axe-core at both widths',
  { timeout: 300_000, failureShot: 'decision-portal-failure.png' }, scenario)

async function axe() {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE)
  const wcag = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }))
  const structure = await page.evaluate((rules) => window.axe.run(document, { runOnly: { type: 'rule', values: rules } }), STRUCTURE)
  return [...wcag.violations, ...structure.violations].flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}) ${n.target.join(' ')}: ${(n.failureSummary || v.help).replace(/\s+/g, ' ').slice(0, 300)}`))
}

async function scenario() {
  const open = (await getJson('/api/public/decision-consultations?status=open')).items
  assert.ok(open.length, 'the demo county has a draft out for comment')
  const decided = (await getJson('/api/public/decisions')).items
  assert.ok(decided.length, 'the demo county has a published decision')
  // name: [path, the element that shows the page's records, a text it must show]
  const pages = {
    catalogue: ['/decision/catalogue', 'dpc-table', '决策事项'],
    consultations: ['/decision/consultations', 'dcons-item', open[0].title],
    consultation: [`/decision/consultations/${open[0].case_id}`, 'dcon-title', open[0].title],
    comments: ['/decision/comments', 'dctrack-code', ''],
    decisions: ['/decision/decisions', 'dpd-item', decided[0].title],
    decision: [`/decision/decisions/${decided[0].case_id}`, 'dpub-title', decided[0].title],
  }
  const found = []
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 })
    for (const [name, [p, shows, text]] of Object.entries(pages)) {
      await page.goto(`${BASE}${p}`)
      await page.locator(sel(shows)).first().waitFor()
      if (text) await waitForText(sel(shows), text)
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(400)
      for (const line of await axe()) found.push(`${name}@${width}: ${line}`)
      const wider = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (wider > 0) found.push(`${name}@${width}: the page is ${wider} px wider than the screen`)
      await shot(`decision-portal-${name}-${width}.png`)
    }
  }
  // The comment form names what is missing.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${BASE}/decision/consultations/${open[0].case_id}`)
  await page.click(sel('dcomment-submit'))
  await waitForText('.el-form-item__error', '请填写联系方式')
  await page.waitForTimeout(600) // the messages' zoom-in transition, before colours are measured
  for (const line of await axe()) found.push(`comment form with errors: ${line}`)
  assert.deepEqual(found, [], found.join('\n'))
}
