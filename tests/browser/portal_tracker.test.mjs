// The portal's one tracking box (issue 15, item 8): 查询办理进度 takes any tracking code — a
// mailbox letter's, a disclosure request's, a reconsideration application's — and opens the page
// that tracks it; an unknown or malformed code is told so on the same page.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, login, logout, getJson, waitForText, shot } from './lib.mjs'

browserTest('one tracking box opens the page of any code', { timeout: 120_000, failureShot: 'failure-tracker.png' }, scenario)

// The page (path prefix) and the result card each procedure's code must lead to.
const TARGETS = {
  mailbox: { path: '/track/', result: 'track-result' },
  disclosure: { path: '/disclosure/track/', result: 'dt-result' },
  reconsideration: { path: '/reconsideration/track/', result: 'rt-result' },
}

async function scenario() {
  // A staff account reads some codes of each procedure (the public never sees them listed).
  await login('legal')
  const codes = {}
  for (const type of Object.keys(TARGETS)) {
    const list = await getJson(`/api/cases?type=${type}&page_size=50`)
    assert.ok(list.items.length > 0, `demo has ${type} cases`)
    const picks = [list.items[0], list.items[list.items.length - 1]]
    codes[type] = []
    for (const c of picks) codes[type].push((await getJson(`/api/cases/${c.case_id}`)).case.tracking_code)
  }
  await logout()

  for (const [type, list] of Object.entries(codes)) {
    for (const code of list) {
      await page.goto(`${BASE}/`)
      await page.click(sel('nav-track'))
      await page.waitForURL((url) => url.pathname === '/track')
      await page.fill(sel('track-input'), code.toLowerCase())
      await page.click(sel('track-submit'))
      await page.waitForURL((url) => url.pathname.startsWith(TARGETS[type].path))
      await page.locator(sel(TARGETS[type].result)).waitFor()
    }
    // An old link to the wrong page opens the right one.
    if (type !== 'mailbox') {
      await page.goto(`${BASE}/track/${encodeURIComponent(list[0])}`)
      await page.waitForURL((url) => url.pathname.startsWith(TARGETS[type].path))
      await page.locator(sel(TARGETS[type].result)).waitFor()
    }
  }
  await shot('portal-tracker.png')

  // A code of no procedure and a malformed one: said on the tracking page, nothing opened.
  for (const bad of ['ZZZZ-ZZZZ-ZZZZ', 'not-a-code']) {
    await page.goto(`${BASE}/track`)
    await page.fill(sel('track-input'), bad)
    await page.click(sel('track-submit'))
    await waitForText(sel('track-error'), '未查询到')
    assert.ok(new URL(page.url()).pathname.startsWith('/track'), `${bad} stays on the tracking page`)
  }
}
