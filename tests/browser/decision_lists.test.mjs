// The back-office lists of major decisions (the catalogue, the decisions, the government's meetings,
// the public's comments) against a running `fazhi serve` with the demo county, as the legal office:
// each opened with filters shows rows, its 导出 Excel link is the list's export route with the same
// filters and sort (no paging) and downloads a workbook; a statistics card leads to the list whose
// total is the figure (the named figure's drill-down).
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, XLSX, YEAR, browserTest, page, sel, login, getJson } from './lib.mjs'

// The page with its filters, the table, its export button and the export it must point at.
const PAGES = [
  [`/app/decision/catalogue?year=${YEAR}&status=published`, 'dc-table', 'dc-export', `/api/decision-catalogue.xlsx?year=${YEAR}&status=published`],
  ['/app/decision/decisions?state=participation', 'dd-table', 'dd-export', '/api/decisions.xlsx?sort=-created_at&state=participation'],
  [`/app/decision/meetings?year=${YEAR}&study=1`, 'dm-table', 'dm-export', `/api/decision-meetings.xlsx?sort=-held_on&year=${YEAR}&study=1`],
  [`/app/decision/comments?year=${YEAR}`, 'dcm-table', 'dcm-export', `/api/decision-comments.xlsx?year=${YEAR}`],
]

browserTest('the lists of major decisions filter, export what they show, and are the figures\' drill-downs',
  { timeout: 180_000, failureShot: 'decision-lists-failure.png' }, async () => {
    await login('legal')
    for (const [path, table, button, want] of PAGES) {
      await page.goto(`${BASE}${path}`)
      await page.locator(`${sel(table)} .el-table__body tr`).first().waitFor()
      const b = page.locator(sel(button))
      assert.equal((await b.innerText()).trim(), '导出 Excel', path)
      await page.waitForFunction(([s, w]) => document.querySelector(s)?.getAttribute('href') === w, [sel(button), want], { timeout: 15_000 })
        .catch(async () => assert.fail(`${path}: export link ${await b.getAttribute('href')}, want ${want}`))
      const [download] = await Promise.all([page.waitForEvent('download'), b.click()])
      assert.match(download.suggestedFilename(), /\.xlsx$/, path)
      const r = await page.request.get(`${BASE}${want}`)
      assert.equal(r.status(), 200, want)
      assert.equal(r.headers()['content-type'], XLSX, want)
    }

    // The statistics: each card is its figure; the one of decisions made leads to their list.
    const stats = await getJson(`/api/decisions/stats?year=${YEAR}`)
    await page.goto(`${BASE}/app/decision/stats`)
    await page.locator(sel('dst-cards')).waitFor()
    for (const f of stats.figures) {
      await page.waitForFunction(([s, v]) => document.querySelector(s)?.textContent.replace(/\D/g, '') === String(v),
        [sel(`dst-card-${f.name}`), f.value]).catch(() => assert.fail(`card ${f.name} should show ${f.value}`))
    }
    const decided = stats.figures.find((f) => f.name === 'decision.decisions.decided')
    await page.locator(sel('dst-card-decision.decisions.decided')).click()
    await page.waitForURL(/\/app\/decision\/decisions\?/)
    await page.locator(sel('dd-total')).waitFor()
    await page.waitForFunction(([s, v]) => document.querySelector(s)?.textContent.includes(`共 ${v} 件`), [sel('dd-total'), decided.value])
      .catch(async () => assert.fail(`the drill-down lists ${await page.locator(sel('dd-total')).innerText()}, the figure is ${decided.value}`))
  })
