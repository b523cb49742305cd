// Accessibility of the citizens' portal and the staff login page (issue 15, item 22; WCAG 2.1 AA,
// GB/T 37668): axe-core (the npm package) runs on every portal page — with real records for the
// pages that show one, the tracking pages with a code of each procedure, the forms empty, with
// their error messages, and after they are sent — and on the login page, at 1440 px and at
// 390 px, and finds no violation of WCAG 2.0/2.1 A and AA.
//
// The larger-text mode (长者模式, 适老化): the portal header's toggle says its state to assistive
// technology (aria-pressed), really enlarges the text (computed font sizes), raises the contrast,
// stays on across pages and reloads, and with it on axe finds nothing and no page is wider than a
// 390 px phone.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { BASE, browserTest, page, sel, getJson, shot, login, logout, choose } from './lib.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const AXE_SOURCE = fs.readFileSync(path.join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8')
const WIDTHS = [1440, 390]
const STRUCTURE = ['page-has-heading-one', 'heading-order', 'landmark-one-main', 'landmark-no-duplicate-main', 'region']

browserTest('portal and login page pass axe-core at both widths, also in 长者模式', { timeout: 900_000, failureShot: 'failure-a11y.png' }, scenario)

/** Every portal page, with real records for the pages that show one, and the login page. */
async function allPages() {
  const body = (await getJson('/api/public/enforcement/bodies')).items[0]
  const officer = (await getJson(`/api/public/enforcement/bodies/${body.body_id}/officers`)).items[0]
  const item = (await getJson('/api/public/disclosure/items')).items[0]
  const power = (await getJson('/api/public/enforcement/powers')).items[0]
  const reports = await getJson('/api/public/disclosure/reports')
  const pages = {
    home: '/',
    mailbox: '/mailbox',
    track: '/track',
    replies: '/replies',
    catalogue: '/disclosure',
    catalogueNormdoc: '/disclosure?category=normdoc',
    disclosureItem: `/disclosure/items/${item.item_id}`,
    disclosureApply: '/disclosure/apply',
    disclosureTrack: '/disclosure/track',
    reports: '/disclosure/reports',
    reconApply: '/reconsideration',
    reconTrack: '/reconsideration/track',
    certSearch: '/certificates',
    cert: `/certificates/${encodeURIComponent(officer.number)}`,
    certUnknown: '/certificates/NO-SUCH-NUMBER',
    powers: '/enforcement/powers',
    power: `/enforcement/powers/${power.item_id}`,
    bodies: '/enforcement/bodies',
    body: `/enforcement/bodies/${body.body_id}`,
    notFound: '/no-such-page',
    login: '/app/login',
  }
  const year = reports.items[0]?.year
  if (year) pages.report = `/disclosure/reports/${year}`
  // The tracking pages with a record shown (a staff account reads one code of each procedure).
  await login('legal')
  for (const [type, base] of [['mailbox', '/track'], ['disclosure', '/disclosure/track'], ['reconsideration', '/reconsideration/track']]) {
    const list = await getJson(`/api/cases?type=${type}&page_size=50`)
    for (const [i, c] of [[0, list.items[0]], [1, list.items[list.items.length - 1]]]) {
      const code = (await getJson(`/api/cases/${c.case_id}`)).case.tracking_code
      pages[`${type}Tracked${i}`] = `${base}/${encodeURIComponent(code)}`
    }
  }
  await logout()
  return pages
}

/** Waits until the page has rendered its content and settled. */
async function settle(p) {
  await page.locator(p.startsWith('/app/login') ? sel('login-submit') : sel('portal-title')).waitFor()
  await page.waitForLoadState('networkidle')
  // Transitions of Element Plus (fades, the card's shadow) finish before colours are measured.
  await page.waitForTimeout(400)
}

/** Runs axe-core on the page as it is; returns the violations, each in one readable line. */
async function axe() {
  // The server's Content-Security-Policy refuses inline scripts (page.addScriptTag would add
  // one): the engine's file is evaluated through the DevTools protocol, which the policy spares.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE)
  const wcag = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }))
  // And the page's structure: a level-one heading naming it, headings in order, one main
  // region, all content inside landmarks (header, navigation, main, footer).
  const structure = await page.evaluate((rules) => window.axe.run(document, { runOnly: { type: 'rule', values: rules } }), STRUCTURE)
  return [...wcag.violations, ...structure.violations].flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}) ${n.target.join(' ')}: ${(n.failureSummary || v.help).replace(/\s+/g, ' ').slice(0, 300)}`))
}

/** Collects the violations of the page under a name (page and width) into found. */
async function check(found, name) {
  for (const line of await axe()) found.push(`${name}: ${line}`)
}

/** The horizontal overflow of the page: 0 when nothing is wider than the screen. */
async function overflow() {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

// ---- the forms: empty and sent with errors, then sent ----

async function fillLetter() {
  await page.fill(sel('letter-name'), '王秀英')
  await page.fill(sel('letter-phone'), '0571-88886666')
  await page.click(sel('letter-category-problem'))
  await page.fill(sel('letter-subject'), '城关镇幸福路路灯不亮')
  await page.fill(sel('letter-content'), '幸福路中段三盏路灯已坏了半个月，晚上老人出门不安全，请有关部门修复。')
}

async function fillDisclosure() {
  // Any agency the public can address: the first department of the list.
  const agencies = (await getJson('/api/public/agencies')).items
  const agency = agencies.find((a) => a.kind === 'department') || agencies[0]
  await choose(page, sel('da-agency'), agency.name)
  await page.click(sel('da-type-natural'))
  await page.fill(sel('da-name'), '李明华')
  await page.fill(sel('da-id'), '330103198805120018')
  await page.fill(sel('da-phone'), '138-0571-2233')
  await page.fill(sel('da-address'), '青山县城关镇解放路 16 号')
  await page.fill(sel('da-description'), '城南片区老旧小区改造项目的立项批复文件')
  await page.fill(sel('da-purpose'), '了解小区改造情况')
  await page.locator(`${sel('da-delivery')} .el-radio`).first().click()
  await page.click(sel('da-pledge'))
}

const FORMS = [
  { name: 'mailbox', path: '/mailbox', submit: 'letter-submit', error: '.el-form-item__error', fill: fillLetter, result: 'tracking-code' },
  { name: 'disclosureApply', path: '/disclosure/apply', submit: 'da-submit', error: '.el-form-item__error', fill: fillDisclosure, result: 'da-code' },
  { name: 'reconApply', path: '/reconsideration', submit: 'ra-submit', error: '.el-form-item__error' },
]

async function scenario() {
  const pages = await allPages()
  const found = []

  // 1. Every page at both widths; on the phone also with its menu open.
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 })
    for (const [name, p] of Object.entries(pages)) {
      await page.goto(`${BASE}${p}`)
      await settle(p)
      await check(found, `${p} @${width}`)
    }
    await page.goto(`${BASE}/`)
    await settle('/')
    if (width < 500) {
      await page.click(sel('nav-toggle'))
      await page.locator(sel('nav-disclosure')).waitFor({ state: 'visible' })
      await check(found, `/ (menu open) @${width}`)
    } else {
      await page.hover(sel('nav-disclosure'))
      await page.locator(sel('nav-disclosure-apply')).waitFor({ state: 'visible' })
      await check(found, `/ (drop-down open) @${width}`)
    }

    // 2. The forms: their error messages, then the page that answers a sent form.
    for (const f of FORMS) {
      await page.goto(`${BASE}${f.path}`)
      await settle(f.path)
      await page.click(sel(f.submit))
      await page.locator(f.error).first().waitFor()
      await page.waitForTimeout(400)
      await check(found, `${f.path} (errors shown) @${width}`)
      if (!f.fill) continue
      await page.goto(`${BASE}${f.path}`)
      await settle(f.path)
      await f.fill()
      await page.click(sel(f.submit))
      await page.locator(sel(f.result)).waitFor()
      await page.waitForTimeout(400)
      await check(found, `${f.path} (sent) @${width}`)
    }
  }
  assert.deepEqual(found, [], `axe-core found ${found.length} violations:\n${found.join('\n')}`)

  // 3. 长者模式: the toggle in the header, announced by aria-pressed, enlarges the text.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${BASE}/`)
  await settle('/')
  await page.mouse.move(10, 700)
  await shot('a11y-home-1440.png')
  const toggle = page.locator(sel('elder-toggle'))
  await toggle.waitFor({ state: 'visible' })
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'the mode starts off')
  // Font sizes (px) of the site title, the page's text, a navigation entry, the footer's small
  // print and a grey (secondary) text; and how light the page's text and the grey text are.
  const sizes = () => page.evaluate((s) => {
    const px = (el) => parseFloat(getComputedStyle(el).fontSize)
    const lum = (color) => {
      const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((c) => {
        const v = Number(c) / 255
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
      })
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const main = document.querySelector('main')
    const grey = document.createElement('span')
    grey.style.color = 'var(--el-text-color-secondary)'
    grey.textContent = '说明'
    main.appendChild(grey)
    const out = {
      title: px(document.querySelector(s)),
      body: px(main),
      nav: px(document.querySelector('[data-test="nav-home"]')),
      small: px(document.querySelector('.portal-footer .footer-sub') || document.querySelector('footer')),
      grey: px(grey),
      textColor: getComputedStyle(main).color,
      greyColor: getComputedStyle(grey).color,
    }
    out.textLum = lum(out.textColor)
    out.greyLum = lum(out.greyColor)
    grey.remove()
    return out
  }, sel('portal-title'))
  const before = await sizes()
  await toggle.click()
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the toggle says the mode is on')
  const after = await sizes()
  for (const k of ['title', 'body', 'nav', 'small', 'grey']) {
    const ratio = after[k] / before[k]
    assert.ok(ratio >= 1.2 && ratio <= 1.6, `长者模式 enlarges the ${k} text 1.2-1.6×: ${before[k]}px -> ${after[k]}px`)
  }
  // Higher contrast: the page's ordinary text and Element Plus's grey text turn darker.
  assert.ok(after.textLum < before.textLum, `the text is darker in 长者模式: ${before.textColor} -> ${after.textColor}`)
  assert.ok(after.greyLum < before.greyLum, `the grey text is darker in 长者模式: ${before.greyColor} -> ${after.greyColor}`)
  await page.mouse.move(10, 700)
  await shot('a11y-home-1440-elder.png')

  // It stays on across pages and reloads.
  await page.goto(`${BASE}/disclosure/apply`)
  await settle('/disclosure/apply')
  assert.equal(await page.locator(sel('elder-toggle')).getAttribute('aria-pressed'), 'true', 'the mode stays on on the next page')
  await page.reload()
  await settle('/disclosure/apply')
  assert.equal(await page.locator(sel('elder-toggle')).getAttribute('aria-pressed'), 'true', 'the mode stays on after a reload')
  assert.equal((await sizes()).body, after.body, 'the text stays large after a reload')

  // 4. With the mode on: axe on the home page and the forms at both widths, no page wider than a phone.
  const elderFound = []
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 })
    for (const p of ['/', '/mailbox', '/disclosure/apply', '/reconsideration']) {
      await page.goto(`${BASE}${p}`)
      await settle(p)
      await check(elderFound, `${p} (长者模式) @${width}`)
      if (p === '/reconsideration') await shot(`a11y-recon-${width}-elder.png`)
    }
    await page.goto(`${BASE}/disclosure/apply`)
    await settle('/disclosure/apply')
    await page.click(sel('da-submit'))
    await page.locator('.el-form-item__error').first().waitFor()
    await page.waitForTimeout(400)
    await check(elderFound, `/disclosure/apply (长者模式, errors shown) @${width}`)
  }
  assert.deepEqual(elderFound, [], `axe-core found ${elderFound.length} violations in 长者模式:\n${elderFound.join('\n')}`)

  const wide = []
  await page.setViewportSize({ width: 390, height: 844 })
  for (const [name, p] of Object.entries(pages)) {
    if (p.startsWith('/app/')) continue
    await page.goto(`${BASE}${p}`)
    await settle(p)
    const over = await overflow()
    if (over > 0) wide.push(`${p} is ${over} px wider than the 390 px screen in 长者模式`)
    if (name === 'home' || name === 'disclosureApply') await shot(`a11y-${name}-390-elder.png`)
  }
  assert.deepEqual(wide, [], wide.join('\n'))

  // Off again: the text is back to its normal size, and the choice is kept.
  await page.goto(`${BASE}/`)
  await settle('/')
  await page.click(sel('elder-toggle'))
  assert.equal(await page.locator(sel('elder-toggle')).getAttribute('aria-pressed'), 'false')
  assert.equal((await sizes()).body, before.body, 'the text is back to its normal size')
  await page.reload()
  await settle('/')
  assert.equal(await page.locator(sel('elder-toggle')).getAttribute('aria-pressed'), 'false', 'off stays off after a reload')
  await shot('a11y-home-390.png')
  await page.goto(`${BASE}/disclosure/apply`)
  await settle('/disclosure/apply')
  await shot('a11y-form-390.png')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${BASE}/reconsideration`)
  await settle('/reconsideration')
  await shot('a11y-recon-1440.png')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${BASE}/app/login`)
  await settle('/app/login')
  await shot('a11y-login-390.png')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.reload()
  await settle('/app/login')
  await shot('a11y-login-1440.png')
}
