// End-to-end test of a legal matter (法律事务 · 涉法事务) through the browser, against a running
// `fazhi serve` with the demo county loaded:
//   the housing bureau's clerk refers a question on 提交涉法事务 → the page shows the period and its
//   article → the legal office's head assigns it to 王晓燕 (the choice lists the office's staff with
//   their open matters) → she answers with an opinion → the numbered 法律意见书 downloads as Word →
//   the list shows it answered on time.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { BASE, YEAR, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose } from './lib.mjs'

const field = (name, tag) => `${sel(name)} ${tag}, ${tag}${sel(name)}`
const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

browserTest('a legal matter: referral, assignment, the opinion and its letter, on time',
  { timeout: 240_000, failureShot: 'legal-matter-failure.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const title = `关于物业服务企业退出交接争议的法律咨询${stamp}`

  // 1. The bureau's clerk refers the question.
  await login('zjj.clerk')
  await page.locator(sel('menu-legal-matters')).click()
  await page.waitForURL((url) => url.pathname === '/app/legal/matters')
  await page.click(sel('lm-new'))
  await page.waitForURL((url) => url.pathname === '/app/legal/matters/new')
  await page.click(sel('lm-submit'))
  await waitForText('.el-form-item__error', '请填写事项名称')
  await page.fill(field('lm-title', 'input'), title)
  await choose(page, sel('lm-kind'), exact('政策咨询'))
  await page.fill(field('lm-background', 'textarea'), '某小区物业服务企业合同期满拒不退出，业主委员会请求主管部门介入。')
  await page.fill(field('lm-question', 'textarea'), '主管部门可以采取哪些措施？是否可以责令其限期退出？')
  await page.click(sel('lm-submit'))
  await page.locator(sel('lm-result')).waitFor()
  const number = await textOf(sel('lm-number'))
  assert.match(number, /涉/)
  await page.click(sel('lm-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const url = new URL(page.url()).pathname
  await expectState('待分办')
  await waitForText(sel('field-handle_article'), '涉法事务办理期限')
  await waitForText(sel('field-handler_name'), '待法制机构负责人分办')
  await logout()

  // 2. The office's head assigns it to 王晓燕.
  await login('legalhead')
  await page.goto(`${BASE}${url}`)
  await perform('assign', (dialog) => choose(dialog, sel('action-input-handler_id'), '王晓燕'))
  await expectState('办理中')
  await waitForText(sel('field-handler_name'), '王晓燕')
  await logout()

  // 3. She answers; the letter is numbered and downloads as Word.
  await login('legal')
  await page.goto(`${BASE}${url}`)
  await perform('answer', async (dialog) => {
    await dialog.locator(field('action-input-opinion', 'textarea')).first().fill('物业服务合同期满未续聘的，原物业服务企业应当退出并办理交接；拒不退出的，主管部门可以责令限期改正。')
    await dialog.locator(field('action-input-basis', 'textarea')).first().fill('《中华人民共和国民法典》第九百四十九条；《物业管理条例》第五十八条')
  })
  await expectState('已出具法律意见')
  await waitForText(sel('field-letter_number'), `〔${YEAR}〕`)
  await waitForText(sel('field-on_time'), '按期出具')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel('lm-letter-action'))])
  assert.match(download.suggestedFilename(), /\.docx$/)
  assert.equal(fs.readFileSync(await download.path()).subarray(0, 2).toString('latin1'), 'PK')
  await shot('legal-matter-case.png')

  // 4. The list shows it answered on time.
  await page.goto(`${BASE}/app/legal/matters?q=${stamp}`)
  await waitForText(sel('lm-link'), number)
  await waitForText(sel('lm-on-time'), '按期')
  await shot('legal-matters.png')
  await logout()
}
