// 导出 Excel on every back-office list page (web/src/components/ExportButton.vue), against a
// running `fazhi serve` with the demo county: the button's link is the list's export route with
// the filters and sort the list shows (no paging), and clicking it downloads the workbook. (The
// security record's button, for the administrator, whose password the demo does not set, is
// left to the API test.)
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, XLSX, browserTest, page, sel, login } from './lib.mjs'

// Each list page opened with filters (as the legal office), its button and the export it must point at.
const PAGES = [
  ['/app/cases?type=mailbox&state=handling&sort=due_date', 'case-export', '/api/cases.xlsx?sort=due_date&type=mailbox&state=handling'],
  ['/app/reconsideration?year=2026', 'rl-export', '/api/reconsideration/cases.xlsx?sort=-created_at&year=2026'],
  ['/app/litigation', 'rl-export', '/api/litigation/cases.xlsx?sort=-created_at'],
  ['/app/enforcement/bodies?status=published&sort=-powers', 'bodies-export', '/api/enforcement/bodies.xlsx?sort=-powers&status=published'],
  ['/app/enforcement/powers?category=penalty', 'powers-list-export', '/api/enforcement/powers/export.xlsx?category=penalty'],
  ['/app/enforcement/officers?below_target=1', 'officers-export', '/api/enforcement/officers.xlsx?below_target=1'],
  ['/app/enforcement/certificates?state=valid', 'certs-export', '/api/enforcement/certificates.xlsx?sort=-created_at&state=valid'],
  ['/app/disclosure/items?category=penalty', 'items-export', '/api/disclosure/items.xlsx?category=penalty'],
]

browserTest('every back-office list exports the rows it shows to Excel', { timeout: 180_000, failureShot: 'lists-export-failure.png' }, async () => {
  await login('legal')
  for (const [path, button, want] of PAGES) {
    await page.goto(`${BASE}${path}`)
    const b = page.locator(sel(button))
    await b.waitFor()
    assert.equal((await b.innerText()).trim(), '导出 Excel', path)
    // The link follows the list once it has loaded with the page's filters.
    await page.waitForFunction(([s, w]) => document.querySelector(s)?.getAttribute('href') === w, [sel(button), want], { timeout: 15_000 })
      .catch(async () => assert.fail(`${path}: export link ${await b.getAttribute('href')}, want ${want}`))
    const [download] = await Promise.all([page.waitForEvent('download'), b.click()])
    assert.match(download.suggestedFilename(), /\.xlsx$/, path)
    const r = await page.request.get(`${BASE}${want}`)
    assert.equal(r.status(), 200, want)
    assert.equal(r.headers()['content-type'], XLSX, want)
  }
})
