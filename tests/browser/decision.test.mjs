// End-to-end test of major administrative decisions (重大行政决策) through the browser, against a
// running `fazhi serve` with the demo county loaded:
//   the housing bureau's clerk proposes two items for the year's catalogue (第三条) → the county
//   government's clerk approves them and publishes the catalogue, which the portal shows → the clerk
//   starts decision A and opens it for public comment for 30 days (第十五条) → a citizen comments on
//   the portal and keeps the tracking code → the clerk answers the comment (部分采纳);
//   decision B goes the whole way: started from the catalogue, no public comment (依法不予公开, the
//   reason recorded and shown as a skipped step), an expert's opinion and the expert review, the risk
//   assessment skipped with its reason, sent to the legality review (第二十五条) → the legal office's
//   head assigns it, the reviewer gives 合法 → the government's clerk (gov.clerk; on a demo county
//   without one, the legal office's head, who acts for the government) registers the executive meeting
//   with its 会前学法, records each member's view with the head last (第三十条), records the decision
//   with the meeting picked from the register and publishes it (第三十二条) → the portal shows it.
// The server's date cannot move in a browser test, and a comment period closes only once it has
// run out (after_clock): decision A stays in its comment period, so decision B, which needs none,
// is the one taken to publication.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { request } from 'playwright-core'
import {
  BASE, PASSWORD, TODAY, YEAR, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, typeDate, getJson,
} from './lib.mjs'

const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)
const textarea = (scope, name) => scope.locator(`${sel(`action-input-${name}`)} textarea, textarea${sel(`action-input-${name}`)}`).first()
const input = (scope, name) => scope.locator(`${sel(`action-input-${name}`)} input, input${sel(`action-input-${name}`)}`).first()
const area = (name) => page.locator(`${sel(name)} textarea, textarea${sel(name)}`).first()
// The text box (input or textarea) of an Element Plus input marked data-test=name, within scope.
const box = (scope, name) => scope.locator(`${sel(name)} input, input${sel(name)}, ${sel(name)} textarea, textarea${sel(name)}`).first()

browserTest('major decision: catalogue, public comment, experts, risk, legality review, meeting with the head last, publication',
  { timeout: 420_000, failureShot: 'decision-failure.png', pinClock: true }, scenario)

// The clerk proposes an item of this year's catalogue from the catalogue page.
async function propose(title, reason) {
  await page.click(sel('dc-add'))
  const dialog = page.locator('.el-dialog', { has: page.locator(sel('dc-form')) })
  await dialog.waitFor()
  await box(dialog, 'dc-form-title').fill(title)
  await choose(dialog, sel('dc-form-quarter'), '第四季度')
  await box(dialog, 'dc-form-basis').fill('《中华人民共和国城乡规划法》')
  await box(dialog, 'dc-form-reason').fill(reason)
  await dialog.locator(sel('dc-save')).click()
  await dialog.waitFor({ state: 'hidden' })
}

// The row of the catalogue table holding the title.
const itemRow = (title) => page.locator(`${sel('dc-table')} .el-table__body tr`, { hasText: title }).first()

// Waits until the catalogue row of the title shows the text (its status).
const rowShows = (title, text) => page.locator(`${sel('dc-table')} .el-table__body tr`, { hasText: title }).filter({ hasText: text }).first().waitFor()

// Starts the decision of a catalogue item from its row; ends on the new case's page.
async function start(title, draft, { technical = false } = {}) {
  await itemRow(title).locator(sel('dc-start')).click()
  const dialog = page.locator('.el-dialog', { has: page.locator(sel('dc-start-form')) })
  await dialog.waitFor()
  await box(dialog, 'dc-start-draft').fill(draft)
  await box(dialog, 'dc-start-explanation').fill('起草说明：根据年度决策事项目录，拟订本决策草案。')
  if (technical) await dialog.locator(sel('dc-start-technical')).click()
  await dialog.locator(sel('dc-save')).click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  await expectState('决策启动')
  return new URL(page.url()).pathname
}

// The county government's clerk (gov.clerk) when the demo has one; else the legal office's head,
// who acts for the government in this module (fz_dec_is_gov).
async function governmentUser() {
  const api = await request.newContext({ baseURL: BASE })
  try {
    const res = await api.post('/api/session', { data: { username: 'gov.clerk', password: PASSWORD } })
    return res.ok() ? 'gov.clerk' : 'legalhead'
  } finally {
    await api.dispose()
  }
}

async function scenario() {
  const gov = await governmentUser()
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const titleA = `青山县老旧小区加装电梯实施办法${stamp}`
  const titleB = `青山县城区停车设施专项规划${stamp}`

  // 1. The housing bureau's clerk proposes two items for this year's catalogue.
  await login('zjj.clerk')
  await page.click(sel('menu-dec-catalogue'))
  await page.locator(sel('dc-table')).waitFor()
  await propose(titleA, '涉及群众切身利益，社会关注度高，列入重大行政决策事项目录。')
  await propose(titleB, '对全县城区交通和土地利用有重大影响，列入重大行政决策事项目录。')
  await waitForText(sel('dc-table'), titleB)
  await rowShows(titleA, '已申报')
  // An agency does not approve the catalogue.
  assert.equal(await itemRow(titleA).locator(sel('dc-approve')).count(), 0, 'the bureau does not approve its own item')
  await shot('decision-catalogue-proposed.png')
  await logout()

  // 2. The county government approves both and publishes the year's catalogue.
  await login(gov)
  await page.goto(`${BASE}/app/decision/catalogue?year=${YEAR}&q=${encodeURIComponent(stamp)}`)
  for (const t of [titleA, titleB]) {
    await itemRow(t).locator(sel('dc-approve')).click()
    const dialog = page.locator('.el-dialog', { has: page.locator(sel('dc-save')) }).filter({ hasText: '批准' })
    await dialog.locator(sel('dc-save')).click()
    await dialog.waitFor({ state: 'hidden' })
    await rowShows(t, '已批准')
  }
  await page.click(sel('dc-publish-year'))
  const pub = page.locator('.el-dialog').filter({ hasText: '公布决策事项目录' })
  await pub.locator(sel('dc-save')).click()
  await pub.waitFor({ state: 'hidden' })
  await rowShows(titleA, '已公布')
  // The history of an item: proposed, approved, published.
  await itemRow(titleA).locator('.el-table__expand-icon').click()
  await waitForText(sel('dc-history'), '批准')
  await shot('decision-catalogue-published.png')
  await logout()

  // 3. The portal shows the published catalogue.
  await page.goto(`${BASE}/decision/catalogue`)
  await waitForText(sel('dpc-table'), titleA)
  await shot('decision-portal-catalogue.png')

  // 4. The clerk starts decision A and opens it for public comment for 30 days (第十五条).
  await login('zjj.clerk')
  await page.goto(`${BASE}/app/decision/catalogue?year=${YEAR}&q=${encodeURIComponent(stamp)}`)
  const pathA = await start(titleA, '第一条 为推进既有住宅加装电梯，改善居住条件，制定本办法。\n第二条 加装电梯应当经本单元房屋专有部分面积占比三分之二以上的业主同意。')
  await waitForText(sel('dec-step-start-status'), '进行中')
  await perform('open_comment', async (dialog) => {
    await typeDate(dialog, sel('action-field-comment_from'), TODAY)
    await input(dialog, 'days').fill('30')
  })
  await expectState('公众参与中')
  await waitForText(sel('case-clocks'), '第十五条')
  await waitForText(sel('field-comment_days'), '30 日')
  await shot('decision-a-comment-open.png')
  await logout()

  // 5. A citizen comments on the portal and keeps the tracking code.
  await page.goto(`${BASE}/decision/consultations?status=open`)
  const open = page.locator(sel('dcons-item'), { hasText: titleA })
  await open.waitFor()
  await shot('decision-portal-consultations.png')
  await open.locator(sel('dcons-link')).click()
  await page.locator(sel('dcomment-form')).waitFor()
  await waitForText(sel('dcon-period'), '30 日')
  await page.click(sel('dcomment-submit'))
  await waitForText('.el-form-item__error', '请填写联系方式')
  await page.fill(sel('dcomment-name'), '李秀兰')
  await page.fill(sel('dcomment-contact'), '13905550188')
  await area('dcomment-content').fill(`建议对低楼层住户给予适当补偿，并明确补偿标准。${stamp}`)
  await shot('decision-portal-consultation.png')
  await page.click(sel('dcomment-submit'))
  const code = await textOf(sel('dcomment-code'))
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  await page.click(sel('dcomment-track'))
  await waitForText(sel('dctrack-content'), stamp)
  await page.locator(sel('dctrack-pending')).waitFor()

  // 6. The clerk answers the comment on the case page; the citizen sees the answer by the code.
  await login('zjj.clerk')
  await page.goto(`${BASE}${pathA}`)
  const row = page.locator(sel('dec-comments')).locator('tr', { hasText: stamp }).first()
  await row.locator(sel('dec-comment-answer')).click()
  const answer = page.locator('.el-dialog', { has: page.locator(sel('dec-answer-text')) })
  await answer.locator('label', { hasText: '部分采纳' }).click()
  await box(answer, 'dec-answer-text').fill('已在第五条增加对低楼层住户的协商补偿规定，补偿标准由业主协商确定。')
  await answer.locator(sel('dec-dialog-save')).click()
  await waitForText(sel('dec-comment-adopted'), '部分采纳')
  await shot('decision-a-comment-answered.png')
  await page.goto(`${BASE}/decision/comments/${code}`)
  await waitForText(sel('dctrack-adopted'), '部分采纳')

  // 7. Decision B (the clerk still signed in): started, no public comment (reason recorded), an
  // expert review, risk skipped.
  await page.goto(`${BASE}/app/decision/catalogue?year=${YEAR}&q=${encodeURIComponent(stamp)}`)
  const pathB = await start(titleB, '一、规划范围为县城建成区。\n二、至 2030 年新增公共停车泊位 3000 个。', { technical: true })
  await perform('skip_participation', (dialog) => textarea(dialog, 'reason').fill('本规划涉及国防设施布局，依法不予公开。'))
  await expectState('专家论证')
  await waitForText(sel('dec-skip-participation'), '依法不予公开')
  // The expert review needs an expert's opinion first.
  await page.click(sel('dec-expert-add'))
  const ex = page.locator('.el-dialog', { has: page.locator(sel('dec-expert-form')) })
  await box(ex, 'dec-expert-name').fill('陈立新')
  await box(ex, 'dec-expert-party').fill('省城乡规划设计研究院')
  await box(ex, 'dec-expert-field').fill('交通规划')
  await box(ex, 'dec-expert-opinion').fill('规划目标总体可行，建议分期实施并预留新能源充电设施。')
  await ex.locator(sel('dec-dialog-save')).click()
  await waitForText(sel('dec-experts'), '陈立新')
  await perform('finish_expert', (dialog) => textarea(dialog, 'summary').fill('专家认为规划总体可行，建议分期实施。'))
  await expectState('风险评估')
  await perform('skip_risk', (dialog) => textarea(dialog, 'reason').fill('规划不涉及征收拆迁，实施不会对社会稳定造成不利影响。'))
  await expectState('待送合法性审查')
  await waitForText(sel('dec-step-expert-status'), '已完成')
  await waitForText(sel('dec-step-risk-status'), '未开展')
  await perform('submit_review', (dialog) => textarea(dialog, 'summary').fill('请予合法性审查。'))
  await expectState('合法性审查中')
  await shot('decision-b-in-review.png')
  const reviewLink = page.locator(sel('field-review_number'))
  await reviewLink.waitFor()
  await reviewLink.click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const reviewPath = new URL(page.url()).pathname
  // The review's period: at least 7 working days (第二十六条), the basis shown with it.
  await waitForText(sel('case-fields'), '第二十六条')
  await waitForText(sel('case-clocks'), '7 工作日')

  // 8. The legal office: the head assigns the review, the reviewer finds it lawful.
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
  await logout()
  await login('legal')
  await page.goto(`${BASE}${reviewPath}`)
  await perform('opinion', async (dialog) => {
    await choose(dialog, sel('action-input-opinion'), exact('合法'))
    await textarea(dialog, 'summary').fill('经审查，决策草案符合法律法规规定，决策程序合法。')
  })
  await logout()

  // 9. The county government: the executive meeting with its 会前学法 in the register.
  await login(gov)
  await page.click(sel('menu-dec-meetings'))
  await page.locator(sel('dm-table')).waitFor()
  await page.click(sel('dm-add'))
  const dm = page.locator('.el-dialog', { has: page.locator(sel('dm-form')) })
  const session = 100 + Math.floor(Math.random() * 800)
  await box(dm, 'dm-form-session').fill(String(session))
  await box(dm, 'dm-form-session').press('Tab')
  const meeting = `县人民政府${YEAR}年第${session}次常务会议`
  await waitForText(sel('dm-form-title'), meeting)
  await typeDate(dm, sel('dm-form-held-on'), TODAY)
  await box(dm, 'dm-form-chair').fill('周建国')
  await box(dm, 'dm-form-attendees').fill('周建国（县长）、王海（副县长）、刘敏（副县长）')
  await box(dm, 'dm-form-study-topic').fill('重大行政决策程序暂行条例')
  await box(dm, 'dm-form-study-speaker').fill('县司法局局长')
  await box(dm, 'dm-form-study-attendees').fill('县政府组成人员')
  await dm.locator(sel('dm-save')).click()
  await dm.waitFor({ state: 'hidden' })
  await waitForText(sel('dm-table'), meeting)
  await shot('decision-meetings.png')

  // 10. Each member's view in speaking order, the head last (第三十条); then the decision.
  await page.goto(`${BASE}${pathB}`)
  await expectState('审查通过，待集体讨论')
  await waitForText(sel('field-review_opinion'), '合法')
  await page.click(sel('dec-speeches-edit'))
  const sp = page.locator('.el-dialog', { has: page.locator(sel('dec-speech-add')) })
  const views = [
    ['周建国', '县长', '同意，请住建局抓紧组织实施。', true],
    ['王海', '副县长', '同意规划，建议优先建设医院、学校周边停车设施。', false],
    ['刘敏', '副县长', '原则同意，建议进一步测算建设资金。', false],
  ]
  for (let i = 0; i < views.length; i++) {
    if (i > 0) await sp.locator(sel('dec-speech-add')).click()
    const [who, pos, view, head] = views[i]
    // The head's row stays last: the rows added later go before it.
    const at = head ? 0 : i - 1
    await box(sp, `dec-speech-speaker-${at}`).fill(who)
    await box(sp, `dec-speech-position-${at}`).fill(pos)
    await box(sp, `dec-speech-view-${at}`).fill(view)
    if (head) await sp.locator(sel(`dec-speech-is-head-${at}`)).click()
  }
  await shot('decision-b-speeches-dialog.png')
  await sp.locator(sel('dec-dialog-save')).click()
  await sp.waitFor({ state: 'hidden' })
  const heads = page.locator(`${sel('dec-speeches')} .el-table__body tr`)
  await waitForText(sel('dec-speeches'), '周建国')
  assert.match(await heads.last().textContent(), /周建国/, 'the head speaks last')
  await perform('decide', async (dialog) => {
    await choose(dialog, sel('action-input-meeting_id'), meeting)
    await choose(dialog, sel('action-input-outcome'), exact('通过'))
    await textarea(dialog, 'decision_text').fill('原则通过《青山县城区停车设施专项规划》，由县住房和城乡建设局组织实施。')
  })
  await expectState('已决定，待公布')
  await waitForText(sel('case-clocks'), '第三十二条')
  await perform('publish', async (dialog) => {
    await typeDate(dialog, sel('action-field-published_on'), TODAY)
    await input(dialog, 'channel').fill(`青山县人民政府门户网站，青政发〔${YEAR}〕${session}号`)
  })
  await expectState('已公布')
  await waitForText(sel('dec-step-publication-status'), '已完成')
  await shot('decision-b-published.png')
  await logout()

  // 11. The portal lists the published decision; its page shows the steps it went through.
  await page.goto(`${BASE}/decision/decisions?q=${encodeURIComponent(stamp)}`)
  const item = page.locator(sel('dpd-item'), { hasText: titleB })
  await item.waitFor()
  await shot('decision-portal-decisions.png')
  await item.locator(sel('dpd-link')).click()
  await waitForText(sel('dpub-title'), titleB)
  await waitForText(sel('dpub-procedure'), '专家论证')
  await shot('decision-portal-decision.png')

  // 12. The staff list finds both; the statistics page shows the named figures.
  await login('legal')
  await page.goto(`${BASE}/app/decision/decisions?q=${encodeURIComponent(stamp)}`)
  await waitForText(sel('dd-table'), titleA)
  await waitForText(sel('dd-table'), titleB)
  await shot('decision-list.png')
  await page.click(sel('menu-dec-stats'))
  await page.locator(sel('dst-cards')).waitFor()
  await waitForText(sel('dst-cards'), '作出决策')
  await shot('decision-stats.png')
}
