// End-to-end test of administrative reconsideration (行政复议) and litigation (行政应诉) through
// the browser, against a running `fazhi serve` with the demo county loaded:
//   a member of the public applies on the portal (with the 第二十条 warning for a late date, an
//   attachment, the tracking code and the acceptance-review due date of 第三十条) → the legal
//   office finds it in 复议案件, accepts it under the normal procedure, sends the copy, records
//   the answer, schedules a hearing, decides 撤销 (第64条) and downloads the decision (.docx),
//   and issues an opinion letter (第76条) → the portal shows the new state → the legal office
//   registers an oral application (第22条) → a lawsuit after the reconsideration is registered with
//   two hearings (staff with the reason, then the head) and judged → the statistics page shows
//   the API's figures and paragraph, and the Excel export downloads.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import {
  BASE, TODAY, YEAR, DOCX, XLSX, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState,
  choose, typeDate, fetchBytes,
} from './lib.mjs'

const RESPONDENT = '市场监督管理局'

// The pages count days from the browser's today: pinClock makes it the server's pinned day.
browserTest('reconsideration and litigation: portal application, decision, tracking, lawsuit, statistics',
  { timeout: 300_000, failureShot: 'failure-reconsideration.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `R${Date.now().toString(36).toUpperCase()}`
  const requests = `${stamp} 请求撤销被申请人作出的青市监罚〔${YEAR}〕88号行政处罚决定`

  // 1. The portal home shows the new section; its navigation leads to the application form.
  await page.goto(`${BASE}/`)
  await page.locator(sel('home-recon')).waitFor()
  await page.mouse.move(10, 700)
  await shot('portal-home-recon.png')
  await page.click(sel('nav-recon'))
  await page.waitForURL((url) => url.pathname === '/reconsideration')
  await page.locator(sel('recon-form')).waitFor()
  await waitForText(sel('portal-title'), '行政复议')

  await page.click(sel('ra-type-natural'))
  await page.fill(sel('ra-name'), '沈建华')
  await page.fill(sel('ra-id'), '360121198203150416')
  await page.fill(sel('ra-phone'), '138-0791-5566')
  await page.fill(sel('ra-address'), '青山县城关镇建设路 21 号')
  await page.fill(sel('ra-representative'), '沈丽（申请人之女），13907915566')
  await page.fill(sel('ra-third'), '青山县某建材商店')
  await choose(page, sel('ra-respondent'), RESPONDENT)
  await choose(page, sel('ra-act-type'), '行政处罚')
  await page.fill(sel('ra-act-number'), `青市监罚〔${YEAR}〕88号`)
  // A day of knowing more than 60 days back: the form warns (第二十条) and asks for the reason.
  await typeDate(page, sel('ra-learned-on'), `${YEAR}-08-03`)
  await page.locator(sel('ra-late')).waitFor()
  await waitForText(sel('ra-late'), '第二十条')
  await page.locator(sel('ra-late-reason')).waitFor()
  await page.fill(sel('ra-late-reason'), '申请人因住院治疗耽误申请期限。')
  await page.fill(sel('ra-requests'), requests)
  await page.fill(sel('ra-facts'), '被申请人认定申请人销售不合格建材，但抽样程序违法，检验报告未依法送达，处罚认定事实不清、证据不足。')
  await page.setInputFiles(`${sel('ra-files')} input[type=file]`, {
    name: '证据清单.txt', mimeType: 'text/plain', buffer: Buffer.from('证据清单\n1. 行政处罚决定书复印件\n2. 身份证复印件\n', 'utf8'),
  })
  await page.click(sel('ra-pledge'))
  await shot('portal-recon-form-late.png')
  // The real day of knowing is within the period: the warning goes away.
  await typeDate(page, sel('ra-act-date'), `${YEAR}-11-05`)
  await typeDate(page, sel('ra-learned-on'), `${YEAR}-11-09`)
  await page.locator(sel('ra-late')).waitFor({ state: 'detached' })
  await shot('portal-recon-form.png')
  // Back to the late day of knowing: the reason typed before is still there and is sent as
  // late_reason (第二十条), a field of its own.
  await typeDate(page, sel('ra-act-date'), `${YEAR}-08-01`)
  await typeDate(page, sel('ra-learned-on'), `${YEAR}-08-03`)
  await page.locator(sel('ra-late')).waitFor()
  assert.equal(await page.locator(sel('ra-late-reason')).inputValue(), '申请人因住院治疗耽误申请期限。')
  await page.click(sel('ra-submit'))
  const codeEl = page.locator(sel('ra-code'))
  await codeEl.waitFor()
  const trackingCode = (await codeEl.textContent()).trim()
  const number = await textOf(sel('ra-number'))
  assert.match(trackingCode, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, `tracking code looks wrong: "${trackingCode}"`)
  assert.match(number, new RegExp(`^青司复〔${YEAR}〕\\d+号$`), `case number looks wrong: "${number}"`)
  assert.equal(await textOf(sel('ra-received')), TODAY, 'an online application is received the day it is sent')
  assert.match(await textOf(sel('ra-due')), /^\d{4}-\d{2}-\d{2}$/)
  await waitForText(sel('ra-explain'), '第三十条')
  await waitForText(sel('ra-upload'), '证据清单.txt')
  await shot('portal-recon-submitted.png')

  // The tracking page before acceptance.
  await page.click(sel('ra-go-track'))
  await waitForText(sel('rt-state'), '待审查')
  await waitForText(sel('rt-clocks'), '第三十条')

  // 2. The legal office finds it among the reconsideration cases and handles it.
  await login('legal')
  await page.click(sel('menu-recon-cases'))
  await page.waitForURL((url) => url.pathname === '/app/reconsideration')
  await page.locator(sel('case-link')).first().waitFor()
  await waitForText(sel('rl-respondent'), '青山县')
  await waitForText(sel('rl-result'), '维持')
  await shot('app-recon-list.png')
  await page.fill(sel('rf-q'), stamp)
  await page.click(sel('rf-search'))
  await page.waitForURL((url) => url.searchParams.get('q') === stamp)
  const link = page.locator(sel('case-link'), { hasText: number })
  await link.waitFor()
  await link.click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  await waitForText(sel('case-number'), number)
  await waitForText(sel('field-channel'), '网上申请')
  await waitForText(sel('field-respondent_name'), RESPONDENT)
  await waitForText(sel('field-act_type'), '行政处罚')
  await waitForText(sel('field-late'), '已超过申请期限（知道之日起六十日')
  await waitForText(sel('field-late_reason'), '住院治疗')
  await waitForText(sel('field-facts'), '抽样程序违法')
  assert.ok(!(await page.locator(sel('field-facts')).textContent()).includes('住院治疗'), 'the reason is not appended to the facts')
  await waitForText(sel('case-attachments'), '证据清单.txt')
  await waitForText(sel('case-clocks'), '第三十条')
  await expectState('待审查')

  // 受理, normal procedure (第三十条, 第四十八条): the simplified ground only shows for 简易程序.
  await perform('accept', async (dialog) => {
    await choose(dialog, `${sel('action-field-procedure')} .el-select`, '简易程序')
    await dialog.locator(sel('action-field-simplified_ground')).waitFor()
    await choose(dialog, `${sel('action-field-procedure')} .el-select`, '普通程序')
    await dialog.locator(sel('action-field-simplified_ground')).waitFor({ state: 'detached' })
  })
  await expectState('审理中')
  await waitForText(sel('field-procedure'), '普通程序')
  await waitForText(sel('case-clocks'), '第六十二条')

  await perform('copy_sent', (dialog) => typeDate(dialog, sel('action-field-sent_on'), TODAY))
  await perform('answer_received', async (dialog) => {
    await typeDate(dialog, sel('action-field-received_on'), TODAY)
    await dialog.locator(`${sel('action-field-summary')} textarea`).fill('被申请人提交了书面答复及抽样记录、检验报告等证据。')
  })
  // A hearing five working days after the notice (第五十一条): 11-23 → 11-30.
  await perform('schedule_hearing', async (dialog) => {
    await typeDate(dialog, sel('action-field-hearing_on'), `${YEAR}-11-30`)
    await typeDate(dialog, sel('action-field-notified_on'), TODAY)
  })
  await waitForText(sel('field-hearing_on'), `${YEAR}-11-30`)

  await perform('decide', async (dialog) => {
    await choose(dialog, `${sel('action-field-decision')} .el-select`, '撤销（第64条）')
    await dialog.locator(`${sel('action-field-decision_text')} textarea`).fill(`${stamp} 经审理查明，被申请人抽样程序违法，检验报告未依法送达申请人，认定事实不清、证据不足。依照《中华人民共和国行政复议法》第六十四条，本机关决定撤销该行政处罚决定。`)
  })
  await expectState('已审结')
  await waitForText(sel('field-decision'), '撤销')
  await waitForText(sel('field-decision'), '第64条')

  await perform('issue_opinion', async (dialog) => {
    await choose(dialog, `${sel('action-field-kind')} .el-select`, '行政复议意见书')
    await dialog.locator(`${sel('action-field-content')} textarea`).fill('请被申请人规范产品质量抽样检验程序，并于六十日内将纠正情况报送本机关。')
  })
  await waitForText(sel('field-opinion'), '规范产品质量抽样检验程序')

  const docxHref = await page.locator(sel('case-decision-docx')).getAttribute('href')
  assert.match(docxHref, /^\/api\/cases\/\d+\/documents\/decision\.docx$/)
  const docx = await fetchBytes(docxHref)
  assert.equal(docx.status, 200, 'the decision document downloads')
  assert.ok(docx.type.startsWith(DOCX), `a Word document, not ${docx.type}`)
  assert.equal(docx.body.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip file')
  assert.ok(docx.body.length > 1000, `the document is only ${docx.body.length} bytes`)
  assert.ok(docx.body.includes('word/document.xml'), 'the zip holds word/document.xml')
  await shot('app-recon-detail.png')

  // 3. The legal office registers an oral application (第二十二条: recorded and confirmed).
  await page.click(sel('menu-recon-register'))
  await page.locator(sel('recon-register-form')).waitFor()
  await page.click(sel('rr-channel-oral'))
  await page.locator(sel('rr-oral-confirmed')).waitFor()
  await page.click(sel('ra-type-legal_person'))
  await page.fill(sel('ra-name'), `${stamp}青山县兴旺农资有限公司`)
  await page.fill(sel('ra-phone'), '0791-5550123')
  await choose(page, sel('ra-respondent'), '城市管理')
  await choose(page, sel('ra-act-type'), '行政强制')
  await typeDate(page, sel('ra-learned-on'), `${YEAR}-11-16`)
  await page.fill(sel('ra-requests'), '请求确认被申请人扣押财物的行为违法')
  // Without the applicant's confirmation the form refuses, naming the field.
  await page.click(sel('rr-submit'))
  await waitForText('.el-form-item__error', '第二十二条')
  await page.click(sel('rr-oral-confirmed'))
  await shot('app-recon-register.png')
  await page.click(sel('rr-submit'))
  await page.locator(sel('rr-result')).waitFor()
  assert.match(await textOf(sel('rr-code')), /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  await shot('app-recon-registered.png')

  // 4. A lawsuit after the reconsideration: registered, two hearings, judged.
  await page.click(sel('menu-lit-register'))
  await page.locator(sel('lit-register-form')).waitFor()
  await choose(page, sel('lr-agency'), RESPONDENT)
  await page.fill(sel('lr-plaintiff'), `${stamp}青山县某建材商店`)
  await page.fill(sel('lr-court'), '青山县人民法院')
  await page.click(sel('lr-instance-first'))
  await choose(page, sel('lr-act-type'), '行政处罚')
  await page.fill(sel('lr-act-number'), `青市监罚〔${YEAR}〕88号`)
  await typeDate(page, sel('lr-received-on'), TODAY)
  await choose(page, sel('lr-recon'), number)
  await shot('app-lit-register.png')
  await page.click(sel('lr-submit'))
  await page.locator(sel('lr-result')).waitFor()
  const litNumber = await textOf(sel('lr-number'))
  assert.match(litNumber, new RegExp(`诉〔${YEAR}〕\\d+号$`))
  await page.click(sel('lr-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  await waitForText(sel('case-number'), litNumber)
  await waitForText(sel('field-recon_number'), number)
  await waitForText(sel('case-clocks'), '第六十七条')

  // Staff in court: the reason is asked for (第三条); then the head himself.
  await perform('record_hearing', async (dialog) => {
    await typeDate(dialog, sel('action-field-hearing_on'), TODAY)
    await dialog.locator(`${sel('action-field-appearer')} input`).fill('谢婷')
    await choose(dialog, `${sel('action-field-post')} .el-select`, '其他工作人员')
    await dialog.locator(`${sel('action-field-reason')} textarea`).fill('局长参加省局会议，委托法规科工作人员出庭。')
  })
  await perform('record_hearing', async (dialog) => {
    await typeDate(dialog, sel('action-field-hearing_on'), TODAY)
    await dialog.locator(`${sel('action-field-appearer')} input`).fill('戚振华')
    await choose(dialog, `${sel('action-field-post')} .el-select`, '正职负责人')
    await dialog.locator(sel('action-field-reason')).waitFor({ state: 'detached' })
  })
  await waitForText(sel('field-table-hearings'), '戚振华')
  await waitForText(sel('field-table-hearings'), '局长参加省局会议')
  await perform('judge', async (dialog) => {
    await choose(dialog, `${sel('action-field-outcome')} .el-select`, '驳回诉讼请求')
    await typeDate(dialog, sel('action-field-judged_on'), TODAY)
  })
  await expectState('已判决')
  await waitForText(sel('field-outcome'), '驳回诉讼请求')
  await shot('app-lit-detail.png')

  await page.click(sel('menu-lit-cases'))
  await page.waitForURL((url) => url.pathname === '/app/litigation')
  await waitForText(sel('case-link'), litNumber)
  await waitForText(sel('rl-outcome'), '驳回诉讼请求')
  await waitForText(sel('rl-instance'), '一审')
  await shot('app-lit-list.png')

  // 5. Statistics of the year: the page shows the API's figures and paragraph.
  await page.click(sel('menu-recon-stats'))
  await page.locator(sel('recon-stats')).waitFor()
  const api = await page.request.get(`${BASE}/api/reconsideration/stats?year=${YEAR}`)
  assert.equal(api.status(), 200)
  const stats = await api.json()
  await waitForText(sel('rs-paragraph'), stats.paragraph.slice(0, 20))
  assert.equal(await textOf(sel('rs-paragraph')), stats.paragraph)
  const num = (n) => new Intl.NumberFormat('zh-CN').format(n)
  assert.equal(await textOf(sel('rs-received')), `${num(stats.reconsideration.received)}件`)
  assert.equal(await textOf(sel('rs-decided')), `${num(stats.reconsideration.decided)}件`)
  assert.equal(await textOf(sel('rs-correction-rate')), `${stats.reconsideration.correction_rate}%`)
  assert.equal(await textOf(sel('rs-lit-received')), `${num(stats.litigation.received)}件`)
  assert.equal(await textOf(sel('rs-appearance')), `${stats.litigation.appearance_rate}%`)
  // Our case was accepted and decided today; its 60 days run into next year (no calendar yet),
  // yet it is on time for certain, and the page shows the API's rate.
  assert.equal(stats.reconsideration.on_time, stats.reconsideration.decided)
  assert.equal(await textOf(sel('rs-on-time')), `${stats.reconsideration.on_time_rate}%`)
  assert.ok(stats.by_decision.some((x) => x.value === 'revoke'), 'our 撤销 is counted')
  for (const d of stats.by_decision) await waitForText(sel('rs-decision-table'), d.label)
  await page.locator(`${sel('rs-decision-chart')} canvas`).waitFor()
  const xlsxHref = await page.locator(sel('rs-xlsx')).getAttribute('href')
  assert.equal(xlsxHref, `/api/reconsideration/stats.xlsx?year=${YEAR}&agency_id=0`)
  const xlsx = await fetchBytes(xlsxHref)
  assert.equal(xlsx.status, 200, 'the Excel export downloads')
  assert.ok(xlsx.type.startsWith(XLSX), `an Excel file, not ${xlsx.type}`)
  assert.equal(xlsx.body.subarray(0, 2).toString('latin1'), 'PK')
  await shot('app-recon-stats.png')
  await logout()

  // 6. The applicant sees the decision on the tracking page.
  await page.goto(`${BASE}/reconsideration/track`)
  await page.fill(sel('rt-input'), trackingCode)
  await page.click(sel('rt-submit'))
  await waitForText(sel('rt-state'), '已审结')
  await waitForText(sel('rt-number'), number)
  await waitForText(sel('rt-result-text'), '撤销（第64条）')
  await waitForText(sel('rt-timeline'), '作出行政复议决定')
  for (const step of ['收到行政复议申请', '受理', '向被申请人发送申请书副本', '收到被申请人的书面答复', '通知听证', `听证日期 ${YEAR}-11-30`]) {
    await waitForText(sel('rt-timeline'), step)
  }
  assert.ok(!(await page.locator(sel('rt-timeline')).textContent()).includes('抽样记录'), 'no staff note on the public page')
  await waitForText(sel('rt-accepted'), TODAY)
  await waitForText(sel('rt-procedure'), '普通程序')
  await shot('portal-recon-track.png')
}
