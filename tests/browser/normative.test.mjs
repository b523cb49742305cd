// End-to-end test of a normative document's drafting chain through the browser, against a running
// `fazhi serve` with the demo county loaded:
//   the market bureau's clerk opens a draft off the plan → a citizen comments on the demo
//   consultation that is open now and tracks the comment by its code → the clerk sends the draft
//   to the legality review (the pre-check finds the fine in its text) → the legal office's head
//   assigns the review → the reviewer confirms the pre-check hit and gives 合法 → the clerk records
//   the deliberation, issues the document (the number 青市监规〔year〕N号 is shown) and files it →
//   the legal office records the people's congress' result 予以备案.
// The server's date cannot move in a browser test: the draft made here touches no public rights
// (no comment period to wait out), and the comment goes to the demo draft out for comment today.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, TODAY, YEAR, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, typeDate, getJson } from './lib.mjs'

const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)
const area = (name) => page.locator(`${sel(name)} textarea, textarea${sel(name)}`).first()
const textarea = (scope, name) => scope.locator(`${sel(`action-input-${name}`)} textarea, textarea${sel(`action-input-${name}`)}`).first()

browserTest('normative document: draft, public comment, review, deliberation, issue with its number, filing and its result',
  { timeout: 300_000, failureShot: 'normative-failure.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const title = `青山县计量器具使用管理规定${stamp}`

  // 1. The market bureau's clerk opens a draft off the plan (its plan has no item left to start).
  await login('scj.clerk')
  await page.click(sel('menu-norm-drafts'))
  await page.locator(sel('nd-table')).waitFor()
  await page.click(sel('nd-new'))
  await page.locator(sel('nd-form')).waitFor()
  await page.click(sel('nd-from-plan-no'))
  // The form says what is missing before anything is sent.
  await page.click(sel('nd-submit'))
  await waitForText('.el-form-item__error', '请说明计划外制定的理由')
  await waitForText('.el-form-item__error', '请填写文件名称')
  await area('nd-off-plan').fill('新修订的《计量法实施细则》施行，需规范集贸市场计量器具使用。')
  await page.fill(sel('nd-title'), title)
  await page.fill(sel('nd-issuing-body'), '青山县市场监督管理局')
  await page.fill(sel('nd-prefix'), '青市监规')
  await area('nd-note').fill('起草说明：规范集贸市场计量器具的使用和检定。')
  await area('nd-basis').fill('《中华人民共和国计量法》')
  await area('nd-body').fill('第一条 为规范计量器具使用，制定本规定。\n第二条 经营者应当使用经检定合格的计量器具。\n第三条 违反第二条的，处以五百元罚款。\n')
  await page.click(`${sel('nd-affects-public')}`) // off: no public rights or duties touched
  await shot('norm-draft-new.png')
  await page.click(sel('nd-submit'))
  await page.locator(sel('nd-result')).waitFor()
  const draftNumber = await textOf(sel('nd-number'))
  await page.click(sel('nd-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const draftPath = new URL(page.url()).pathname
  await expectState('起草中')
  await waitForText(sel('field-title'), title)

  // 2. A citizen comments on the demo consultation open today and finds the comment by its code.
  await logout()
  await page.goto(`${BASE}/normative/consultations?status=open`)
  const open = page.locator(sel('consult-item'), { has: page.locator(sel('consult-days-left')) }).first()
  await open.waitFor()
  await shot('norm-portal-consultations.png')
  await open.locator(sel('consult-link')).click()
  await page.locator(sel('comment-form')).waitFor()
  await page.click(sel('comment-submit'))
  await waitForText('.el-form-item__error', '请填写联系方式')
  await page.fill(sel('comment-name'), '周晓梅')
  await page.fill(sel('comment-contact'), '13905550123')
  await area('comment-content').fill(`建议明确过渡期内已改装车辆的处理办法。${stamp}`)
  await shot('norm-portal-consultation.png')
  await page.click(sel('comment-submit'))
  const code = (await textOf(sel('comment-code')))
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  await page.click(sel('comment-track'))
  await waitForText(sel('ctrack-content'), stamp)
  await page.locator(sel('ctrack-pending')).waitFor()
  await shot('norm-portal-comment-track.png')

  // 3. The clerk sends the draft to the legality review; the pre-check finds the fine in context.
  await login('scj.clerk')
  await page.goto(`${BASE}${draftPath}`)
  await perform('submit_review', (dialog) => textarea(dialog, 'summary').fill('请予合法性审核。'))
  await expectState('合法性审核中')
  await waitForText(sel('nd-hit-excerpt'), '五百元罚款')
  await waitForText(sel('nd-hit-status'), '待处理')
  const reviewLink = page.locator(sel('field-review_number'))
  await reviewLink.waitFor()
  const reviewNumber = (await reviewLink.textContent()).trim()
  await reviewLink.click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const reviewPath = new URL(page.url()).pathname
  await waitForText(sel('case-number'), reviewNumber)

  // 4. The legal office's head assigns the review to 王晓燕.
  await logout()
  await login('legal')
  const reviewer = (await getJson('/api/session')).user
  await logout()
  await login('legalhead')
  await page.goto(`${BASE}${reviewPath}`)
  await perform('assign', async (dialog) => {
    const field = dialog.locator(sel('action-input-reviewer_id'))
    if (await field.locator('.el-select__wrapper').count()) await choose(dialog, sel('action-input-reviewer_id'), reviewer.display_name)
    else await field.locator('input').fill(String(reviewer.user_id))
  })
  await shot('norm-review-assigned.png')

  // 5. The reviewer confirms the hit on the draft (in review: the legal office decides) and gives 合法.
  await logout()
  await login('legal')
  await page.goto(`${BASE}${draftPath}`)
  const hit = page.locator(sel('nd-hits')).locator('tr', { hasText: '五百元罚款' }).first()
  await hit.locator(sel('nd-hit-dismiss')).click()
  const dlg = page.locator('.el-dialog', { has: page.locator(sel('nd-hit-note')) })
  await dlg.locator(sel('nd-dialog-save')).click()
  await waitForText(sel('nd-dialog-error'), '应当说明理由')
  await page.keyboard.press('Escape')
  await hit.locator(sel('nd-hit-confirm')).click()
  await area('nd-hit-note').fill('第三条设定罚款，违反《行政处罚法》第十六条。')
  await page.locator('.el-dialog', { has: page.locator(sel('nd-hit-note')) }).locator(sel('nd-dialog-save')).click()
  await waitForText(sel('nd-hit-status'), '确认存在问题')
  await shot('norm-draft-in-review.png')
  await page.goto(`${BASE}${reviewPath}`)
  await perform('opinion', async (dialog) => {
    await choose(dialog, sel('action-input-opinion'), exact('合法'))
    await textarea(dialog, 'summary').fill('经审核，删除第三条罚款规定后合法。')
  })

  // 6. The clerk records the deliberation, issues the document and files it.
  await logout()
  await login('scj.clerk')
  await page.goto(`${BASE}${draftPath}`)
  await expectState('审核通过，待集体审议')
  await perform('deliberate', async (dialog) => {
    await dialog.locator(`${sel('action-input-meeting')} input, input${sel('action-input-meeting')}`).first().fill('县市场监督管理局局务会议')
    await typeDate(dialog, sel('action-field-deliberated_on'), TODAY)
    await choose(dialog, sel('action-input-outcome'), exact('审议通过'))
  })
  await expectState('已审议，待发布')
  await perform('issue', async (dialog) => {
    await typeDate(dialog, sel('action-field-issued_on'), TODAY)
    await typeDate(dialog, sel('action-field-effective_on'), TODAY)
  })
  await expectState('已发布，待备案')
  const number = await textOf(sel('field-doc_number'))
  assert.match(number, new RegExp(`^青市监规〔${YEAR}〕\\d+号$`))
  await perform('file', async (dialog) => {
    await typeDate(dialog, sel('action-field-npc_filed_on'), TODAY)
    await typeDate(dialog, sel('action-field-government_filed_on'), TODAY)
    await dialog.locator(sel('action-input-complete')).click()
  })
  await expectState('已备案')

  // 7. The legal office records the people's congress' result; the panel shows it.
  await logout()
  await login('legal')
  await page.goto(`${BASE}${draftPath}`)
  const npc = page.locator(sel('nd-filings')).locator('tr', { hasText: '县人大常委会' }).first()
  await npc.locator(sel('nd-filing-record')).click()
  await page.locator('.el-dialog', { has: page.locator(sel('nd-filing-note')) }).locator(sel('nd-dialog-save')).click()
  await waitForText(sel('nd-filing-result'), '予以备案')
  await waitForText(sel('field-doc_number'), number)
  await shot('norm-draft-filed.png')

  // The drafts list finds it by its number with its document number.
  await page.goto(`${BASE}/app/normative/drafts?q=${encodeURIComponent(draftNumber)}`)
  await waitForText(sel('nd-doc-number'), number)
  await shot('norm-drafts.png')
}
