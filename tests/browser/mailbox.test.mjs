// End-to-end test of the county head's mailbox (县长信箱) through the browser, against a
// running `fazhi serve` with the demo county loaded:
//   portal letter → legal office assigns → agency clerk drafts the reply → legal office
//   approves and publishes → the portal shows the reply and lists it among published replies.
//
// Environment:
//   FAZHI_URL             base URL of the server (required), e.g. http://127.0.0.1:8123
//   FAZHI_SHOTS           directory for the full-page screenshots (default tests/browser/shots)
//   FAZHI_DEMO_PASSWORD   password of the demo accounts (default fazhi-demo)
//
// Runs Debian's Chromium (/usr/bin/chromium); never downloads a browser.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const BASE = (process.env.FAZHI_URL || '').replace(/\/+$/, '')
const SHOTS = path.resolve(process.env.FAZHI_SHOTS || path.join(here, 'shots'))
const PASSWORD = process.env.FAZHI_DEMO_PASSWORD || 'fazhi-demo'
const AGENCY = '县市场监督管理局'
const TIMEOUT = 15_000

let browser
let context
let page
const pageErrors = []

before(async () => {
  assert.ok(BASE, 'set FAZHI_URL to the base URL of a running fazhi server')
  fs.mkdirSync(SHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  })
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  context.setDefaultTimeout(TIMEOUT)
  page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(err.message))
})

after(async () => {
  if (browser) await browser.close()
})

const sel = (name) => `[data-test="${name}"]`

async function shot(name) {
  // Let charts and transitions settle before the picture is taken.
  await page.waitForLoadState('networkidle').catch(() => {})
  // Toasts from the previous step fade after three seconds; keep them out of the picture.
  await page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 6000 }).catch(() => {})
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
}

async function waitForText(selector, text) {
  await page.waitForFunction(
    ([s, t]) => [...document.querySelectorAll(s)].some((el) => el.textContent.includes(t)),
    [selector, text],
    { timeout: TIMEOUT },
  )
}

async function login(username) {
  await page.goto(`${BASE}/app/login`)
  await page.fill(sel('login-username'), username)
  await page.fill(sel('login-password'), PASSWORD)
  await page.click(sel('login-submit'))
  await page.waitForURL((url) => url.pathname === '/app' || (url.pathname.startsWith('/app/') && url.pathname !== '/app/login'))
  await page.locator(sel('user-name')).waitFor()
}

async function logout() {
  await page.click(sel('logout'))
  await page.waitForURL((url) => url.pathname === '/app/login')
}

// Opens the action's dialog, lets fill() complete its form, submits and waits for the
// dialog to close (the case detail is replaced by the server's answer).
async function perform(action, fill) {
  const button = page.locator(sel(`action-${action}`))
  await button.waitFor()
  await button.click()
  const dialog = page.locator('.el-dialog').filter({ has: page.locator(sel('action-submit')) })
  await dialog.waitFor()
  if (fill) await fill(dialog)
  await dialog.locator(sel('action-submit')).click()
  await dialog.waitFor({ state: 'hidden' })
}

async function expectState(label) {
  await waitForText(sel('case-state'), label)
}

test('county head mailbox: letter, assignment, reply, approval, publication', { timeout: 180_000 }, async () => {
  try {
    await scenario()
  } catch (err) {
    // Keep a picture of the page as it was when the step failed.
    await page.screenshot({ path: path.join(SHOTS, 'failure.png'), fullPage: true }).catch(() => {})
    throw err
  }
  assert.deepEqual(pageErrors, [], 'no uncaught errors in the page')
})

async function scenario() {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const subject = `关于城南路路灯长期不亮的问题 ${stamp}`
  const content = '城南路从实验小学门口到农贸市场一段的路灯已经坏了两个多月，晚上出行很不安全，恳请有关部门尽快修复。'
  const replyText = `经核查，您反映的城南路路灯问题属实，我局已协调供电部门于三日内完成修复。感谢您的监督。${stamp}`

  // 1. The public writes a letter on the portal and agrees to publication.
  await page.goto(`${BASE}/`)
  await page.locator(sel('portal-title')).waitFor()
  await shot('portal-home.png')
  await page.click(sel('home-write'))
  await page.waitForURL((url) => url.pathname === '/mailbox')
  await page.fill(sel('letter-name'), '张建国')
  await page.fill(sel('letter-phone'), '0571-88886666')
  await page.click(sel('letter-category-problem'))
  await page.fill(sel('letter-subject'), subject)
  await page.fill(sel('letter-content'), content)
  await page.click(sel('letter-publish'))
  await page.click(sel('letter-submit'))
  const codeEl = page.locator(sel('tracking-code'))
  await codeEl.waitFor()
  const trackingCode = (await codeEl.textContent()).trim()
  const number = (await page.locator(sel('letter-number')).textContent()).trim()
  assert.ok(trackingCode.length >= 6, `tracking code looks wrong: "${trackingCode}"`)
  assert.ok(number.length > 0, 'letter number shown')
  await shot('portal-letter-submitted.png')

  // 2. The legal office finds the letter and assigns it to the market regulation bureau.
  await login('legal')
  await page.locator(sel('dashboard')).waitFor()
  await shot('app-dashboard.png')
  await page.goto(`${BASE}/app/cases`)
  await page.fill(sel('filter-q'), stamp)
  await page.click(sel('filter-search'))
  await page.waitForURL((url) => url.searchParams.get('q') === stamp)
  const link = page.locator(sel('case-link'), { hasText: number })
  await link.waitFor()
  await waitForText(sel('case-total'), '共 1 条')
  await shot('app-case-list.png')
  await link.click()
  await page.waitForURL(/\/app\/cases\/[^/?#]+$/)
  const casePath = new URL(page.url()).pathname
  await waitForText(sel('case-number'), number)
  await perform('assign', async (dialog) => {
    await dialog.locator(`${sel('action-field-agency_id')} .el-select`).click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: AGENCY }).first().click()
    // The drop-down closes with an animation; on a busy machine it can still cover the button.
    await page.waitForFunction(() => ![...document.querySelectorAll('.el-select-dropdown')]
      .some((e) => e.getClientRects().length && getComputedStyle(e.closest('.el-popper') || e).display !== 'none'))
  })
  await expectState('办理中')
  await logout()

  // 3. The bureau's clerk drafts the reply.
  await login('scj.clerk')
  await page.goto(`${BASE}${casePath}`)
  await waitForText(sel('case-number'), number)
  await perform('reply', async (dialog) => {
    await dialog.locator(`${sel('action-field-reply_text')} textarea`).fill(replyText)
  })
  await expectState('待审核')
  await logout()

  // 4. The legal office approves the reply and publishes it.
  await login('legal')
  await page.goto(`${BASE}${casePath}`)
  await waitForText(sel('case-number'), number)
  await perform('approve')
  await expectState('已答复')
  await perform('publish')
  await expectState('已公开')
  await waitForText(sel('case-timeline'), '公开')
  await shot('app-case-detail.png')
  await page.click(sel('menu-supervision'))
  await page.locator(sel('supervision')).waitFor()
  await shot('app-supervision.png')
  await page.click(sel('menu-mailbox-stats'))
  await page.locator(sel('mailbox-stats')).waitFor()
  await shot('app-mailbox-stats.png')
  await logout()

  // 5. The portal shows the reply to the writer and lists it among the published replies.
  await page.goto(`${BASE}/track`)
  await page.fill(sel('track-input'), trackingCode)
  await page.click(sel('track-submit'))
  await waitForText(sel('track-reply-text'), stamp)
  await waitForText(sel('track-number'), number)
  await shot('portal-track.png')

  await page.goto(`${BASE}/replies`)
  await page.fill(sel('replies-q'), stamp)
  await page.click(sel('replies-search'))
  await waitForText(sel('reply-item'), subject)
  await waitForText(sel('reply-item'), replyText)
  await shot('portal-replies.png')
}
