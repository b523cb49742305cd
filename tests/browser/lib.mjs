// Shared helpers of the browser tests: one headless Chromium page per test file, against a
// running `fazhi serve` with the demo county loaded.
//
// A test file registers its scenario with browserTest(); the scenario drives the page through
// the helpers below (login, sel, waitForText, choose, typeDate, perform, shot, ...).
//
// Environment:
//   FAZHI_URL             base URL of the server (required), e.g. http://127.0.0.1:8123
//   FAZHI_TODAY           the server's pinned day (scripts/with-server.sh sets it); without it,
//                         today in China Standard Time, as the server counts it
//   FAZHI_SHOTS           directory for the full-page screenshots (default tests/browser/shots)
//   FAZHI_DEMO_PASSWORD   password of the demo accounts (default fazhi-demo)
//   CHROMIUM              the browser to run (default Debian's /usr/bin/chromium)
//
// Runs Debian's Chromium; never downloads a browser.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))

/** Base URL of the server, without a trailing slash. */
export const BASE = (process.env.FAZHI_URL || '').replace(/\/+$/, '')
/** Directory of the screenshots. */
export const SHOTS = path.resolve(process.env.FAZHI_SHOTS || path.join(here, 'shots'))
/** Password of the demo accounts. */
export const PASSWORD = process.env.FAZHI_DEMO_PASSWORD || 'fazhi-demo'
/** Default timeout of every wait, in milliseconds. */
export const TIMEOUT = 15_000

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The server's today as YYYY-MM-DD: FAZHI_TODAY, or else today in China Standard Time. */
export function serverToday() {
  if (process.env.FAZHI_TODAY) return process.env.FAZHI_TODAY
  const p = Object.fromEntries(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date()).map((x) => [x.type, x.value]))
  return `${p.year}-${p.month}-${p.day}`
}
export const TODAY = serverToday()
export const YEAR = TODAY.slice(0, 4)

// ---- browser and page ----

/** The test's browser, context and page; live bindings, set by the before() hook of browserTest(). */
export let browser
export let context
export let page
/** Uncaught errors of the page; browserTest() asserts there are none. */
export const pageErrors = []

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']

/**
 * Launches Chromium and opens the page: 1440×900, zh-CN, Asia/Shanghai, TIMEOUT for every wait.
 * With pinClock, the browser's clock stands still at 10:00 of the server's today (the pages count
 * days from the browser's today).
 */
export async function openBrowser({ pinClock = false } = {}) {
  assert.ok(BASE, 'set FAZHI_URL to the base URL of a running fazhi server')
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: CHROMIUM_ARGS })
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (pinClock) await context.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`))
  context.setDefaultTimeout(TIMEOUT)
  page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
}

export async function closeBrowser() {
  if (browser) await browser.close()
}

/**
 * Registers the test file's one scenario: opens the browser before it and closes it after, keeps
 * a full-page picture (failureShot) of the page as it was when a step failed, and asserts at the
 * end that the page threw no uncaught error.
 * Options: timeout (ms), failureShot (file name in SHOTS), pinClock (see openBrowser).
 */
export function browserTest(title, { timeout, failureShot = 'failure.png', pinClock = false }, scenario) {
  before(() => openBrowser({ pinClock }))
  after(closeBrowser)
  test(title, { timeout }, async () => {
    try {
      await scenario()
    } catch (err) {
      await shotNow(failureShot).catch(() => {})
      throw err
    }
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
  })
}

// ---- screenshots ----

/** A full-page screenshot into SHOTS, once the page has settled and the toasts have gone. */
export async function shot(name) {
  // Let charts and transitions settle before the picture is taken.
  await page.waitForLoadState('networkidle').catch(() => {})
  // Toasts from the previous step fade after three seconds; keep them out of the picture.
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
  await page.waitForTimeout(400)
  await shotNow(name)
}

/** A full-page screenshot into SHOTS, at once. */
export async function shotNow(name) {
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
}

// ---- selectors and waiting ----

/** The CSS selector of the element marked data-test="name". */
export const sel = (name) => `[data-test="${name}"]`

/** Waits until some element matching the CSS selector contains text. */
export async function waitForText(selector, text) {
  await page.waitForFunction(
    ([s, t]) => [...document.querySelectorAll(s)].some((el) => el.textContent.includes(t)),
    [selector, text],
    { timeout: TIMEOUT },
  )
}

/** The trimmed text of the one element matching the CSS selector. */
export async function textOf(selector) {
  return (await page.locator(selector).textContent()).trim()
}

// ---- staff application ----

/** Signs in to the staff application as a demo account and waits for its frame. */
export async function login(username) {
  await page.goto(`${BASE}/app/login`)
  await page.fill(sel('login-username'), username)
  await page.fill(sel('login-password'), PASSWORD)
  await page.click(sel('login-submit'))
  await page.waitForURL((url) => url.pathname === '/app' || (url.pathname.startsWith('/app/') && url.pathname !== '/app/login'))
  await page.locator(sel('user-name')).waitFor()
}

/** Signs out through the personal menu in the header (退出登录). */
export async function logout() {
  await page.click(sel('user-menu'))
  await page.locator(sel('logout')).click()
  await page.waitForURL((url) => url.pathname === '/app/login')
}

/**
 * Opens the case action's dialog, lets fill(dialog) complete its form, submits and waits for the
 * dialog to close (the case detail is replaced by the server's answer).
 */
export async function perform(action, fill) {
  const button = page.locator(sel(`action-${action}`))
  await button.waitFor()
  await button.click()
  const dialog = page.locator('.el-dialog').filter({ has: page.locator(sel('action-submit')) })
  await dialog.waitFor()
  if (fill) await fill(dialog)
  await dialog.locator(sel('action-submit')).click()
  await dialog.waitFor({ state: 'hidden' })
}

/** Waits until the case detail shows the state label. */
export async function expectState(label) {
  await waitForText(sel('case-state'), label)
}

// ---- Element Plus ----

/**
 * Picks the option of an Element Plus select (within scope, a page or a locator) whose text
 * contains `text`, waits until the select shows it (a click during the drop-down's opening
 * animation can miss), and until the drop-down has closed (on a busy machine its closing
 * animation can still cover the next button).
 */
export async function choose(scope, selectSelector, text) {
  const select = scope.locator(selectSelector).first()
  for (let attempt = 0; ; attempt++) {
    await select.click()
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
    await option.waitFor()
    await option.click()
    try {
      await select.locator('.el-select__selected-item', { hasText: text }).first().waitFor({ timeout: 2000 })
      break
    } catch (err) {
      if (attempt >= 2) throw err
      await page.keyboard.press('Escape')
    }
  }
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-select-dropdown')]
    .some((e) => e.getClientRects().length && getComputedStyle(e.closest('.el-popper') || e).display !== 'none'))
}

/**
 * Types a date into an Element Plus date picker (its form item, or the input carrying the
 * selector itself) within scope and confirms it.
 */
export async function typeDate(scope, selector, date) {
  const input = scope.locator(`${selector} input, input${selector}`).first()
  await input.click()
  await input.fill(date)
  await input.press('Enter')
  await page.locator('.el-picker-panel:visible').waitFor({ state: 'hidden' }).catch(() => {})
}

// ---- the API with the browser's session ----

/** GET with the browser's session cookie: {status, type, body}. */
export async function fetchBytes(url) {
  const res = await page.request.get(`${BASE}${url}`)
  return { status: res.status(), type: String(res.headers()['content-type'] || ''), body: await res.body() }
}

/** GET JSON with the browser's session cookie; the answer must be 200. */
export async function getJson(url) {
  const res = await page.request.get(`${BASE}${url}`)
  assert.equal(res.status(), 200, `${url}: ${res.status()}`)
  return res.json()
}
