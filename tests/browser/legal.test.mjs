// End-to-end test of a government contract (法律事务 · 政府合同) through the browser, against a running
// `fazhi serve` with the demo county loaded:
//   the housing bureau's clerk registers a contract on 登记合同 (counterparty, amount); signing is not
//   offered yet → the bureau's head sends it to the legality review (the server lets an agency's head,
//   not its clerk, submit) → the legal office's head assigns the review, the reviewer gives 合法 → the
//   legal office adds an adviser to the register → the clerk signs the contract → adds a performance
//   milestone (highlighted as due soon; the contract's clock and timeline follow) → records the
//   adviser's written opinion in the section every case's page has, and it shows there → completes
//   the milestone → the register lists the contract, performing, with its amount in 万元.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, TODAY, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, typeDate } from './lib.mjs'

/** An Element Plus input or textarea marked data-test (on its wrapper or on the element itself). */
const field = (name, tag) => `${sel(name)} ${tag}, ${tag}${sel(name)}`
const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

// A 统一社会信用代码 (GB 32100-2015) with its check character.
function creditCode(base17) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  const sum = [...base17].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0)
  return base17 + alphabet[(31 - (sum % 31)) % 31]
}

// A day n days after the server's today (YYYY-MM-DD).
function after(n) {
  const d = new Date(`${TODAY}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

browserTest('a government contract: registration, legality review 合法, signing, a milestone, an adviser opinion',
  { timeout: 300_000, failureShot: 'legal-failure.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const title = `青山县城区市政道路养护服务合同${stamp}`
  const company = `青山县通达市政工程有限公司${stamp}`
  const milestone = `支付首期服务费${stamp}`
  const opinion = `合同第九条违约责任约定明确，建议补充履约保证金退还条件。${stamp}`
  const adviser = `陈立言${stamp.slice(-4)}`
  const licence = `13301201${String(Date.now()).slice(-9)}`

  // 1. The housing bureau's clerk registers the contract; the form names what is missing first.
  await login('zjj.clerk')
  await page.locator(sel('menu-legal-contracts')).click()
  await page.waitForURL((url) => url.pathname === '/app/legal/contracts')
  await page.click(sel('lc-new'))
  await page.waitForURL((url) => url.pathname === '/app/legal/contracts/new')
  await page.click(sel('lc-submit'))
  await waitForText('.el-form-item__error', '请填写合同名称')
  await page.fill(field('lc-title', 'input'), title)
  await choose(page, sel('lc-kind'), exact('采购'))
  await page.fill(field('lc-amount', 'input'), '1280000')
  await page.fill(field('lc-party-name-0', 'input'), company)
  await page.fill(field('lc-party-code-0', 'input'), creditCode('91331100MA2A8B6C3'))
  await page.fill(field('lc-summary', 'textarea'), '乙方负责城区主次干道日常养护，服务期一年，服务费按季度支付。')
  await shot('legal-contract-new.png')
  await page.click(sel('lc-submit'))
  await page.locator(sel('lc-result')).waitFor()
  const number = await textOf(sel('lc-number'))
  assert.match(number, /合/)
  await page.click(sel('lc-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const contractUrl = new URL(page.url()).pathname
  await waitForText(sel('case-number'), number)
  await waitForText(sel('field-amount'), '128.00 万元')
  await waitForText(sel('lc-parties-table'), company)
  await expectState('拟订中')
  // Signing is not offered before the review.
  assert.equal(await page.locator(sel('action-sign')).count(), 0, 'no signing before a passed review')
  await logout()

  // 2. The bureau's head sends it to the legality review.
  await login('zjj.head')
  await page.goto(`${BASE}${contractUrl}`)
  await perform('submit_review', (dialog) => dialog.locator(field('action-input-summary', 'textarea')).first().fill('请对该服务合同进行合法性审核。'))
  await expectState('合法性审核中')
  const reviewLink = page.locator(sel('field-review_number'))
  await reviewLink.waitFor()
  await logout()

  // 3. The legal office's head assigns the review to 王晓燕; she gives 合法.
  await login('legalhead')
  await page.goto(`${BASE}${contractUrl}`)
  await page.locator(sel('field-review_number')).click()
  await page.waitForURL((url) => url.pathname !== contractUrl && /\/app\/cases\/\d+$/.test(url.pathname))
  const reviewUrl = new URL(page.url()).pathname
  await waitForText(sel('field-kind_label'), '政府合同')
  await perform('assign', (dialog) => choose(dialog, sel('action-input-reviewer_id'), '王晓燕'))
  await expectState('审核中')
  await logout()

  await login('legal')
  await page.goto(`${BASE}${reviewUrl}`)
  await perform('opinion', async (dialog) => {
    await choose(dialog, sel('action-input-opinion'), exact('合法'))
    await dialog.locator(field('action-input-summary', 'textarea')).first().fill('合同主体适格，内容不违反法律法规的强制性规定。')
  })
  await expectState('已出具审核意见')
  await page.goto(`${BASE}${contractUrl}`)
  await expectState('审核通过，待签订')
  await waitForText(sel('field-review_opinion'), '合法')

  // The legal office keeps the advisers' register: it adds a lawyer engaged by the county.
  await page.locator(sel('menu-legal-advisers')).click()
  await page.waitForURL((url) => url.pathname === '/app/legal/advisers')
  await page.click(sel('la-new'))
  const dlg = page.locator(sel('la-dialog'))
  await dlg.waitFor()
  await page.fill(field('la-f-name', 'input'), adviser)
  await page.fill(field('la-f-firm', 'input'), '浙江青山律师事务所')
  await page.fill(field('la-f-licence', 'input'), licence)
  await page.fill(field('la-f-specialities', 'input'), '合同法、行政法')
  const term = page.locator(`${sel('la-f-term')} input`)
  await term.nth(0).fill(`${Number(TODAY.slice(0, 4)) - 1}-01-01`)
  await term.nth(1).fill(`${Number(TODAY.slice(0, 4)) + 1}-12-31`)
  await term.nth(1).press('Enter')
  await page.click(sel('la-save'))
  await dlg.waitFor({ state: 'hidden' })
  await page.fill(field('la-filter-q', 'input'), adviser)
  await page.click(sel('la-search'))
  await waitForText(sel('la-name'), adviser)
  await shot('legal-advisers.png')
  await logout()

  // 4. The bureau signs the contract.
  await login('zjj.clerk')
  await page.goto(`${BASE}${contractUrl}`)
  await perform('sign', async (dialog) => {
    await typeDate(dialog, sel('action-field-signed_on'), TODAY)
    await dialog.locator(`${sel('action-field-signed_amount')} input`).fill('1280000')
  })
  await expectState('履行中')
  await waitForText(sel('field-signed_amount'), '128.00 万元')

  // 5. A milestone: what is to be done by when; one due within the reminder window is highlighted.
  await page.fill(field('lc-milestone-input', 'input'), milestone)
  await typeDate(page, sel('lc-milestone-due'), after(5))
  await page.fill(field('lc-milestone-amount', 'input'), '320000')
  await page.click(sel('lc-milestone-add'))
  await waitForText(sel('lc-milestone-title'), milestone)
  await waitForText(sel('lc-milestone-state'), '5 天后到期')
  // The contract's clock now runs to that day, and the timeline records the milestone.
  await waitForText(sel('case-clocks'), '履行节点期限')
  await waitForText(sel('case-timeline'), '登记履行节点')

  // 6. A legal adviser's opinion on the contract, in the section every case's page has.
  await page.locator(sel('adviser-opinions')).waitFor()
  await waitForText(sel('ao-table'), '本案尚未听取法律顾问意见')
  await page.click(sel('ao-open'))
  await page.click(sel('ao-save'))
  await waitForText(`${sel('ao-form')} .el-form-item__error`, '请选择法律顾问')
  await choose(page, sel('ao-adviser-select'), adviser)
  await page.click(sel('ao-kind-written'))
  await page.fill(field('ao-summary-input', 'textarea'), opinion)
  await page.click(sel('ao-save'))
  await waitForText(sel('ao-summary'), opinion)
  await waitForText(sel('ao-adviser'), adviser)
  await waitForText(sel('ao-kind'), '书面意见')
  await waitForText(sel('case-timeline'), '记录法律顾问意见')
  await shot('legal-contract-case.png')

  // The milestone is met: completed with its day, no longer highlighted.
  await page.click(sel('lc-milestone-done-1'))
  const done = page.locator(sel('lc-milestone-dialog'))
  await done.waitFor()
  await page.fill(field('lc-milestone-done-note', 'textarea'), '首期服务费已支付。')
  await page.click(sel('lc-milestone-done-save'))
  await done.waitFor({ state: 'hidden' })
  await waitForText(sel('lc-milestone-state'), '已完成')
  await waitForText(sel('case-timeline'), '履行节点完成')

  // 7. The register lists it, signed, with its amount.
  await page.goto(`${BASE}/app/legal/contracts?q=${stamp}`)
  await waitForText(sel('lc-link'), number)
  await waitForText(sel('lc-state'), '履行中')
  await waitForText(sel('lc-amount'), '128.00 万元')
  await shot('legal-contracts.png')
  await logout()
}
