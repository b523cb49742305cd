// End-to-end test of government information disclosure (政府信息公开) through the browser,
// against a running `fazhi serve` with the demo county loaded:
//   the portal catalogue and a catalogue item → a request on the portal (tracking code) →
//   the legal office opens it from 申请办理, asks for a correction (第三十条), records the
//   corrected request and replies 部分公开 (第三十七条) → the portal shows the reply with
//   the Word letter → the annual report of the whole county reconciles (表三) → statistics.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import {
  BASE, TODAY, DOCX, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, typeDate,
} from './lib.mjs'

const AGENCY = '市场监督管理局'

browserTest('information disclosure: catalogue, request, correction, partial disclosure, annual report',
  { timeout: 240_000, failureShot: 'failure-disclosure.png' }, scenario)

async function scenario() {
  const stamp = `D${Date.now().toString(36).toUpperCase()}`
  // The server's today: the day scripts/with-server.sh pins, or else today in China Standard Time.
  const today = TODAY
  const thisYear = today.slice(0, 4)
  const description = `${stamp} 城南片区老旧小区改造项目的立项批复文件及项目资金安排情况（2025年）`
  const replyText = `${stamp} 您申请公开的城南片区老旧小区改造项目立项批复文件现予公开；项目资金安排表中涉及第三方商业秘密的部分不予公开。`

  // 1. The public browses the proactive-disclosure catalogue and opens one item.
  await page.goto(`${BASE}/`)
  await page.click(sel('nav-disclosure'))
  await page.waitForURL((url) => url.pathname === '/disclosure')
  await page.locator(sel('catalogue-item')).first().waitFor()
  await waitForText(sel('cat-all'), '全部信息')
  await page.waitForFunction((s) => /\d/.test(document.querySelector(s)?.textContent || ''), sel('cat-all'))
  const catalogueTotal = await page.locator(sel('catalogue-total')).textContent()
  assert.match(catalogueTotal, /共 [1-9][\d,]* 条/, 'the catalogue lists items')
  await page.mouse.move(10, 700) // away from the navigation's drop-down
  await shot('portal-disclosure-catalogue.png')

  await page.click(sel('cat-normdoc'))
  await page.waitForURL((url) => url.searchParams.get('category') === 'normdoc')
  await page.locator(sel('catalogue-item')).first().waitFor()
  const itemTitle = (await page.locator(sel('catalogue-item')).first().textContent()).trim()
  await page.locator(sel('catalogue-item')).first().click()
  await page.waitForURL(/\/disclosure\/items\/\d+$/)
  await waitForText(sel('item-title'), itemTitle)
  const indexNo = await textOf(sel('item-index'))
  assert.match(indexNo, /^[a-z]+\/\d{4}-\d{5}$/, `索引号 looks wrong: "${indexNo}"`)
  await waitForText(sel('item-meta'), '有 效 性')

  // 2. An applicant requests information on the portal and gets a tracking code.
  await page.goto(`${BASE}/disclosure/apply`)
  await page.locator(sel('disclosure-form')).waitFor()
  await choose(page, sel('da-agency'), AGENCY)
  await page.click(sel('da-type-natural'))
  await page.fill(sel('da-name'), '李明华')
  await page.fill(sel('da-id'), '330103198805120018')
  await page.fill(sel('da-phone'), '138-0571-2233')
  await page.fill(sel('da-email'), 'liminghua@example.cn')
  await page.fill(sel('da-address'), '青山县城关镇解放路 16 号（邮编 311300）')
  await page.fill(sel('da-description'), description)
  await page.fill(sel('da-purpose'), '了解小区改造资金使用情况')
  await page.click(sel('da-delivery-email'))
  await page.click(sel('da-pledge'))
  await shot('portal-disclosure-form.png')
  await page.click(sel('da-submit'))
  const codeEl = page.locator(sel('da-code'))
  await codeEl.waitFor()
  const trackingCode = (await codeEl.textContent()).trim()
  const number = await textOf(sel('da-number'))
  assert.match(trackingCode, /^[A-Z0-9]{4}-?[A-Z0-9]{4}-?[A-Z0-9]{4}$/, `tracking code looks wrong: "${trackingCode}"`)
  assert.ok(number.includes('依申公'), `request number looks wrong: "${number}"`)
  assert.equal(await textOf(sel('da-received')), today, 'an online request is received the day it is sent (第三十一条)')
  assert.match(await textOf(sel('da-due')), /^\d{4}-\d{2}-\d{2}$/)
  await waitForText(sel('da-explain'), '第三十三条')
  await shot('portal-disclosure-submitted.png')

  // 3. The legal office opens it from 申请办理 and handles it.
  await login('legal')
  await page.click(sel('menu-disclosure-cases'))
  await page.waitForURL((url) => url.pathname === '/app/cases' && url.searchParams.get('type') === 'disclosure')
  await page.fill(sel('filter-q'), stamp)
  await page.click(sel('filter-search'))
  await page.waitForURL((url) => url.searchParams.get('q') === stamp)
  const link = page.locator(sel('case-link'), { hasText: number })
  await link.waitFor()
  await link.click()
  await page.waitForURL(/\/app\/cases\/[^/?#]+$/)
  await waitForText(sel('case-number'), number)
  await waitForText(sel('field-channel'), '网上申请')
  await expectState('办理中')

  // 一次性告知补正 (第三十条): the reply clock pauses, the applicant's correction clock starts.
  await perform('request_correction', async (dialog) => {
    await dialog.locator(`${sel('action-field-items')} textarea`).fill('请补充说明所需资金安排情况的具体年度和项目名称。')
    const days = dialog.locator(`${sel('action-field-correction_days')} input`)
    await days.fill('10')
    await days.press('Tab')
  })
  await expectState('待补正')

  // 收到补正申请 today: the 20 working days restart from the corrected request.
  await perform('corrected', async (dialog) => {
    await typeDate(dialog, sel('action-field-corrected_on'), today)
    await dialog.locator(`${sel('action-field-note')} textarea`).fill('申请人已补正：2025 年度城南片区老旧小区改造项目。')
  })
  await expectState('办理中')
  await waitForText(sel('field-corrections'), '1 次')

  // 作出答复: 部分公开 needs the ground and the withheld part (第三十七条).
  await perform('reply', async (dialog) => {
    await choose(dialog, `${sel('action-field-outcome')} .el-select`, '部分公开')
    await dialog.locator(`${sel('action-field-withheld')} textarea`).waitFor()
    await dialog.locator(`${sel('action-field-ground')} textarea`).fill('依据《中华人民共和国政府信息公开条例》第十五条、第三十七条，涉及第三方商业秘密的内容不予公开，其余部分予以公开。')
    await dialog.locator(`${sel('action-field-withheld')} textarea`).fill('项目资金安排表中施工企业的报价明细。')
    await dialog.locator(`${sel('action-field-reply_text')} textarea`).fill(replyText)
  })
  await expectState('已答复')
  await waitForText(sel('field-outcome'), '部分公开')
  await waitForText(sel('field-outcome'), '第37条')
  await waitForText(sel('field-withheld'), '报价明细')
  const staffDocx = await page.locator(sel('case-reply-docx')).getAttribute('href')
  assert.match(staffDocx, /^\/api\/cases\/\d+\/documents\/reply\.docx$/)
  await shot('app-disclosure-detail.png')

  // 4. The annual report of the whole county for this year reconciles.
  await page.click(sel('menu-disclosure-report'))
  await page.waitForURL((url) => url.pathname === '/app/disclosure/report')
  await page.locator(sel('report-title')).waitFor()
  if (!(await page.locator(sel('report-title')).textContent()).includes(thisYear)) {
    await page.goto(`${BASE}/app/disclosure/report?year=${thisYear}`)
    await waitForText(sel('report-title'), thisYear)
  }
  await waitForText(sel('report-title'), `青山县人民政府${thisYear}年`)
  await waitForText(sel('report-reconcile'), '表三平衡校验通过')
  await waitForText(sel('report-table3'), '（七）总计')
  await waitForText(sel('t3-total'), '（七）总计')
  const sectionTitles = await page.locator('.sec-title').allTextContents()
  assert.deepEqual(sectionTitles.map((t) => t.trim().slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、'], 'six sections in order')
  assert.match(await page.locator(sel('report-docx')).getAttribute('href'), new RegExp(`^/api/disclosure/report\\.docx\\?year=${thisYear}&agency_id=0$`))
  assert.match(await page.locator(sel('report-xlsx')).getAttribute('href'), new RegExp(`^/api/disclosure/report\\.xlsx\\?year=${thisYear}&agency_id=0$`))
  await shot('app-disclosure-report.png')

  // 5. Statistics.
  await page.click(sel('menu-disclosure-stats'))
  await page.locator(sel('disclosure-stats')).waitFor()
  await page.waitForFunction((s) => /%/.test(document.querySelector(s)?.textContent || ''), sel('dstats-rate'))
  await page.locator(`${sel('dstats-pie')} canvas`).waitFor()
  await shot('app-disclosure-stats.png')
  await logout()

  // 6. The applicant sees the reply on the portal and can download the letter.
  await page.goto(`${BASE}/disclosure/track`)
  await page.fill(sel('dt-input'), trackingCode)
  await page.click(sel('dt-submit'))
  await waitForText(sel('dt-state'), '已答复')
  await waitForText(sel('dt-number'), number)
  await waitForText(sel('dt-outcome'), '部分公开')
  await waitForText(sel('dt-reply-text'), stamp)
  // The handling as the applicant was told it: the correction notice, then the reply.
  await waitForText(sel('dt-timeline'), '一次性告知补正')
  await waitForText(sel('dt-timeline'), '作出答复')
  const docxHref = await page.locator(sel('dt-reply-docx')).getAttribute('href')
  assert.equal(docxHref, `/api/public/disclosure/track/${encodeURIComponent(trackingCode)}/reply.docx`)
  const res = await page.request.get(`${BASE}${docxHref}`)
  assert.equal(res.status(), 200, 'the reply letter downloads')
  assert.ok(String(res.headers()['content-type']).startsWith(DOCX), 'the reply letter is a Word document')
  await shot('portal-disclosure-track.png')

  // 7. The head of the legal office writes section 五 and publishes the county's report;
  //    the public find it on the portal as published (第四十九条).
  await login('legalhead')
  await page.goto(`${BASE}/app/disclosure/report?year=${thisYear}`)
  await waitForText(sel('report-title'), `青山县人民政府${thisYear}年`)
  const five = page.locator(sel('report-text-problems'))
  if (!(await five.inputValue()).trim()) {
    await five.fill('个别单位主动公开信息更新不够及时。下一步将加强督促检查，按季度通报。')
    await page.click(sel('report-save-problems'))
    await page.locator(`${sel('report-save-problems')}.is-disabled, ${sel('report-save-problems')}[disabled]`).waitFor()
  }
  await page.click(sel('report-publish'))
  await page.locator('.el-message-box').waitFor()
  await page.click('.el-message-box .el-button--primary')
  await waitForText(sel('report-published'), '发布')

  // The head also sets the local rules: the information-fee period, audited, for new notices.
  await page.click(sel('menu-settings'))
  await page.locator(sel('settings-table')).waitFor()
  await waitForText(sel('settings-table'), '信息处理费缴费期限')
  const feeInput = page.locator(`${sel('setting-input-disclosure.fee_days')} input`)
  await feeInput.fill('15')
  await feeInput.press('Tab')
  await page.click(sel('setting-save-disclosure.fee_days'))
  await page.locator('.el-message-box').waitFor()
  await page.click('.el-message-box .el-button--primary')
  await page.waitForFunction((s) => document.querySelector(s)?.disabled, sel('setting-save-disclosure.fee_days'))
  assert.equal(await feeInput.inputValue(), '15')
  await shot('app-settings.png')
  await logout()

  await page.goto(`${BASE}/disclosure/reports`)
  await page.waitForURL((url) => url.pathname === `/disclosure/reports/${thisYear}`)
  await waitForText(sel('report-title'), `青山县人民政府${thisYear}年政府信息公开工作年度报告`)
  await waitForText(sel('report-table3'), '（七）总计')
  await waitForText(sel('report-section-problems'), '按季度通报')
  assert.equal(await page.locator(sel('report-docx')).getAttribute('href'), `/api/public/disclosure/reports/${thisYear}/report.docx`)
  const pubDoc = await page.request.get(`${BASE}/api/public/disclosure/reports/${thisYear}/report.docx`)
  assert.equal(pubDoc.status(), 200, 'the published report downloads')
  await shot('portal-disclosure-reports.png')
}
