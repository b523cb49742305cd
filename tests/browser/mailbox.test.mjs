// End-to-end test of the county head's mailbox (县长信箱) through the browser, against a
// running `fazhi serve` with the demo county loaded:
//   portal letter → legal office assigns → agency clerk drafts the reply → legal office
//   approves and publishes → the portal shows the reply and lists it among published replies.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose } from './lib.mjs'

const AGENCY = '县市场监督管理局'

browserTest('county head mailbox: letter, assignment, reply, approval, publication',
  { timeout: 180_000, failureShot: 'failure.png' }, scenario)

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
  const number = await textOf(sel('letter-number'))
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
  await perform('assign', (dialog) => choose(dialog, `${sel('action-field-agency_id')} .el-select`, AGENCY))
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
