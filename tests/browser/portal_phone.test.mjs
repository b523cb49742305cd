// The portal on phones (issue 15, item 7): at 390 px (and at 360 and 414 px) no portal page is
// wider than the screen — document.documentElement.scrollWidth stays within the viewport — the
// navigation opens from a menu button instead of a row of links that crushes its letters, and
// the certificate lookup reached from a certificate's QR code shows the number and the validity
// dates whole.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, getJson, shotNow, login, logout } from './lib.mjs'

browserTest('every portal page fits a phone screen', { timeout: 300_000, failureShot: 'failure-phone.png' }, scenario)

/** Every portal page, with real records for the pages that show one. */
export async function portalPages() {
  const body = (await getJson('/api/public/enforcement/bodies')).items[0]
  const officer = (await getJson(`/api/public/enforcement/bodies/${body.body_id}/officers`)).items[0]
  const item = (await getJson('/api/public/disclosure/items')).items[0]
  const power = (await getJson('/api/public/enforcement/powers')).items[0]
  return {
    home: '/',
    cert: `/certificates/${encodeURIComponent(officer.number)}`,
    certSearch: '/certificates',
    mailbox: '/mailbox',
    track: '/track',
    replies: '/replies',
    catalogue: '/disclosure',
    disclosureItem: `/disclosure/items/${item.item_id}`,
    disclosureApply: '/disclosure/apply',
    disclosureTrack: '/disclosure/track',
    reports: '/disclosure/reports',
    reconApply: '/reconsideration',
    reconTrack: '/reconsideration/track',
    powers: '/enforcement/powers',
    power: `/enforcement/powers/${power.item_id}`,
    bodies: '/enforcement/bodies',
    body: `/enforcement/bodies/${body.body_id}`,
    notFound: '/no-such-page',
  }
}

/** The widest element sticking out on the right, for the failure message. */
function overflowCulprit() {
  const w = document.documentElement.clientWidth
  let worst = null
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect()
    if (r.right > w + 1 && (!worst || r.right > worst.right)) {
      worst = { right: Math.round(r.right), tag: el.tagName, cls: String(el.className).slice(0, 80), text: (el.textContent || '').trim().slice(0, 30) }
    }
  }
  return worst
}

async function scenario() {
  const pages = await portalPages()
  // The tracking pages with a record shown (a staff account reads one code of each procedure).
  await login('legal')
  for (const [type, base] of [['mailbox', '/track'], ['disclosure', '/disclosure/track'], ['reconsideration', '/reconsideration/track']]) {
    const list = await getJson(`/api/cases?type=${type}`)
    const c = await getJson(`/api/cases/${list.items[list.items.length - 1].case_id}`)
    pages[`${type}Tracked`] = `${base}/${encodeURIComponent(c.case.tracking_code)}`
  }
  await logout()
  const certPath = pages.cert
  const number = decodeURIComponent(certPath.split('/').pop())
  for (const width of [390, 360, 414]) {
    await page.setViewportSize({ width, height: 844 })
    for (const [name, p] of Object.entries(pages)) {
      await page.goto(`${BASE}${p}`)
      await page.locator(sel('portal-title')).waitFor()
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(150)
      const sw = await page.evaluate(() => document.documentElement.scrollWidth)
      if (sw > width) await shotNow(`phone-${width}-${name}.png`)
      assert.ok(sw <= width, `${p} at ${width} px is ${sw} px wide: ${JSON.stringify(await page.evaluate(overflowCulprit))}`)
    }
  }

  // The certificate lookup from a QR code: number and dates whole, on the screen.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${BASE}${certPath}`)
  const result = page.locator(sel('lookup-result'))
  await result.waitFor()
  for (const text of [number, /\d{4}-\d{2}-\d{2}|\d{4}年\d{1,2}月\d{1,2}日/]) {
    const el = result.getByText(text).first()
    await el.waitFor()
    const box = await el.boundingBox()
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${text} is cut off: ${JSON.stringify(box)}`)
    const clipped = await el.evaluate((e) => e.scrollWidth > e.clientWidth + 1)
    assert.ok(!clipped, `${text} is clipped inside its box`)
  }
  await shotNow('phone-certificate.png')

  // The navigation: one menu button opens every entry, each a readable line.
  await page.goto(`${BASE}/`)
  const toggle = page.locator(sel('nav-toggle'))
  await toggle.waitFor()
  await toggle.click()
  const link = page.locator(sel('nav-disclosure'))
  await link.waitFor({ state: 'visible' })
  const box = await link.boundingBox()
  assert.ok(box.width >= 120 && box.height < 80, `menu entries read across, not letter by letter: ${JSON.stringify(box)}`)
  await shotNow('phone-menu.png')
  await page.locator(sel('nav-track')).click()
  await page.waitForURL((url) => url.pathname === '/track')
  assert.equal(await page.locator(sel('nav-track')).isVisible(), false, 'the menu closes after a choice')
}
