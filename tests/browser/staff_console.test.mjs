// What every back office has around the procedures (issue 15, item 20): the personal menu in the
// header (个人信息, 修改密码, 退出登录), the heads' 待我审核 queue with its count, the reminder bell
// with the user's yellow and red clocks as 电子监察 counts them, and a case's print view.
// Expectations come from the server's answers for the signed-in user, not from fixed numbers.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, PASSWORD, browserTest, context, page, sel, login, logout, getJson, shot, waitForText } from './lib.mjs'

browserTest('personal menu, review queue, reminders and print view', { timeout: 300_000, failureShot: 'failure-staff-console.png' }, scenario)

/** "2026-12-07" -> "2026年12月7日" */
const cn = (d) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

async function scenario() {
  // Count the print dialogs the pages open: only a click on 打印 may open one.
  await context.addInitScript(() => {
    window.__prints = 0
    window.print = () => { window.__prints++ }
  })
  await personalMenu('scj.head')
  await reviewQueue('scj.head')
  await reminders('scj.head')
  await printView('legal', 'scj.head')
  await changePassword('zjj.clerk')
}

/** The header names the user and the agency; its menu offers 个人信息, 修改密码, 退出登录. */
async function personalMenu(user) {
  await login(user)
  const me = (await getJson('/api/session')).user
  const header = await page.locator(sel('user-menu')).innerText()
  assert.ok(header.includes(me.display_name) && header.includes(me.agency_name), `header names the user and agency: ${header}`)
  await page.click(sel('user-menu'))
  for (const item of ['menu-profile', 'menu-password', 'logout']) await page.locator(sel(item)).waitFor()
  await shot('staff-user-menu.png')
  await page.click(sel('menu-profile'))
  const profile = page.locator('.el-dialog').filter({ hasText: '个人信息' })
  await profile.waitFor()
  for (const s of [me.username, me.agency_name, me.role_label]) assert.ok((await profile.innerText()).includes(s), `个人信息 shows ${s}`)
  await page.keyboard.press('Escape')
  await profile.waitFor({ state: 'hidden' })
  await logout()
}

/** 修改密码: a wrong current password is shown under 当前密码; after the change only the new one signs in. */
async function changePassword(user) {
  await login(user)
  await page.click(sel('user-menu'))
  await page.click(sel('menu-password'))
  await page.locator(sel('pw-current')).waitFor()
  await page.fill(sel('pw-current'), 'not-my-password')
  await page.fill(sel('pw-new'), 'Qingshan-2026-new')
  await page.fill(sel('pw-confirm'), 'Qingshan-2026-new')
  await page.click(sel('pw-submit'))
  await waitForText('.el-form-item__error', '当前密码不正确')
  const errItem = page.locator('.el-form-item').filter({ has: page.locator('.el-form-item__error', { hasText: '当前密码不正确' }) })
  assert.match(await errItem.locator('.el-form-item__label').innerText(), /当前密码/)
  await shot('staff-password.png')
  await page.fill(sel('pw-current'), PASSWORD)
  await page.click(sel('pw-submit'))
  await page.locator(sel('pw-current')).waitFor({ state: 'hidden' })
  await waitForText('.el-message', '密码已修改')
  await logout()
  // The old password no longer signs in; the new one does.
  await page.fill(sel('login-username'), user)
  await page.fill(sel('login-password'), PASSWORD)
  await page.click(sel('login-submit'))
  await waitForText('body', '用户名或密码错误')
  await page.fill(sel('login-password'), 'Qingshan-2026-new')
  await page.click(sel('login-submit'))
  await page.locator(sel('user-name')).waitFor()
  await logout()
}

/** 待我审核: the menu's count is the queue's total, and the page lists the queue. */
async function reviewQueue(head) {
  await login(head)
  const review = await getJson('/api/review?per_page=100')
  assert.ok(review.total > 0, `${head} has a case to approve in the demo county`)
  await page.locator(sel('menu-review-count')).waitFor()
  assert.equal((await page.locator(`${sel('menu-review-count')} .el-badge__content`).innerText()).trim(), String(review.total))
  await page.click(sel('menu-review'))
  await page.waitForURL((u) => u.pathname === '/app/review')
  await waitForText(sel('review-total'), `共 ${review.total} 件`)
  const rows = page.locator(`${sel('review-table')} .el-table__body tr`)
  await rows.first().waitFor()
  assert.equal(await rows.count(), Math.min(review.total, 20))
  assert.ok((await rows.first().innerText()).includes(review.items[0].number))
  await shot('staff-review.png')
  await logout()
}

/** The bell: the supervision API's yellow and red for this user; an item opens its case. */
async function reminders(user) {
  await login(user)
  const sup = await getJson('/api/supervision')
  const count = sup.totals.yellow + sup.totals.red
  assert.ok(count > 0 && sup.items.length > 0, `${user} has clocks to be reminded of`)
  const bell = page.locator(sel('reminder-bell'))
  await page.waitForFunction((n) => document.querySelector('[data-test="reminder-bell"]')?.getAttribute('aria-label') === `到期提醒：${n} 项`, count)
  const badge = (await bell.locator('.el-badge__content').innerText()).trim()
  assert.equal(badge, count > 99 ? '99+' : String(count))
  await bell.click()
  const list = page.locator(sel('reminder-list'))
  await list.waitFor()
  const first = sup.items[0]
  const firstItem = list.locator(sel('reminder-item')).first()
  const firstText = await firstItem.innerText()
  assert.ok(firstText.includes(first.number) && firstText.includes(first.clock_label), firstText)
  assert.ok(firstText.includes(`${cn(first.due_date)}到期`), `due date in Chinese: ${firstText}`)
  assert.match(firstText, first.days_left < 0 ? /超期 [\d,]+ / : first.days_left === 0 ? /今日到期/ : /剩余 [\d,]+ /)
  await shot('staff-reminders.png')
  await firstItem.click()
  await page.waitForURL((u) => u.pathname === `/app/cases/${first.case_id}`)
  await page.locator(sel('case-number')).waitFor()
  assert.equal((await page.locator(sel('case-number')).innerText()).trim(), first.number)
  await logout()
}

/**
 * 打印 on the case page opens the print view: the number, the parties, each clock's due date in
 * Chinese and article, the steps with who took them; no menus; buttons hidden on paper; the print
 * dialog only on a click. Another agency's case is not found there, as on its case page.
 */
async function printView(user, head) {
  await login(head)
  const me = (await getJson('/api/session')).user
  await logout()
  await login(user)
  for (const type of ['reconsideration', 'disclosure']) {
    const c = (await getJson(`/api/cases?type=${type}&per_page=1&sort=-created_at`)).items[0]
    const d = await getJson(`/api/cases/${c.case_id}`)
    await page.goto(`${BASE}/app/cases/${c.case_id}`)
    await page.click(sel('case-print'))
    await page.waitForURL((u) => u.pathname === `/app/print/cases/${c.case_id}`)
    await page.locator(sel('print-sheet')).waitFor()
    assert.equal(await page.locator('.staff-menu, .staff-header').count(), 0, 'no menus on the print view')
    assert.equal((await page.locator(sel('print-number')).innerText()).trim(), d.case.number)
    const parties = await page.locator(sel('print-parties')).innerText()
    assert.ok(parties.includes(d.case.fields.applicant_name), `${type}: the applicant is named: ${parties}`)
    if (d.case.fields.respondent_name) assert.ok(parties.includes(d.case.fields.respondent_name))
    const clocks = page.locator(sel('print-clock'))
    assert.equal(await clocks.count(), d.clocks.length)
    for (let i = 0; i < d.clocks.length; i++) {
      const k = d.clocks[i]
      const row = await clocks.nth(i).innerText()
      if (k.article) assert.ok(row.includes(k.article), `${type}: ${k.label} names its article`)
      if (k.due_date) assert.ok(row.includes(cn(k.due_date)), `${type}: ${k.label} due ${cn(k.due_date)}: ${row}`)
    }
    assert.equal(await page.locator(sel('print-event')).count(), d.events.length)
    const ev = await page.locator(sel('print-events')).innerText()
    for (const e of d.events) if (e.actor) assert.ok(ev.includes(e.actor), `the step's actor ${e.actor}`)
    assert.equal(await page.evaluate(() => window.__prints), 0, 'the print dialog waits for the click')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator(sel('print-toolbar')).isVisible(), false, 'buttons are hidden on paper')
    if (type === 'reconsideration') await shot('staff-print.png')
    await page.emulateMedia({ media: 'screen' })
    await page.click(sel('print-do'))
    assert.equal(await page.evaluate(() => window.__prints), 1)
  }
  // A case of an agency other than the head's, found as the legal office (which sees every agency).
  let other = null
  for (const a of (await getJson('/api/agencies')).items.filter((x) => x.agency_id !== me.agency_id)) {
    const r = await getJson(`/api/cases?type=disclosure&agency_id=${a.agency_id}&per_page=1`)
    if (r.items.length) { other = r.items[0]; break }
  }
  assert.ok(other, 'another agency has a disclosure request')
  await page.goto(`${BASE}/app`)
  await logout()
  await login(head)
  await page.goto(`${BASE}/app/print/cases/${other.case_id}`)
  await page.locator(sel('print-not-found')).waitFor()
  assert.equal(await page.locator(sel('print-sheet')).count(), 0)
  assert.ok(!(await page.locator('body').innerText()).includes(other.number), 'nothing of the case is shown')
  await page.goto(`${BASE}/app`)
  await logout()
}
