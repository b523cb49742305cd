// End-to-end test of a petition (信访) through the browser, against a running `fazhi serve` with the
// demo county loaded:
//   a resident writes on 网上信访 (a wrong ID number is shown under its field first) and keeps the
//   tracking code → the county's petition office (gov.clerk) finds it in 信访事项, sees the
//   petitioner's identity on the case page and routes it to 人社局 (the same matter registered again
//   in person becomes 重复信访, linked to the first) → the bureau's clerk accepts it
//   and gives its opinion (支持) → the portal's tracking page (reached from the portal's one
//   tracking box) shows the state, the steps and the opinion, never the identity → the resident
//   rates it 基本满意 → the staff case page shows the rating; the environment bureau's clerk does
//   not see the petition in the list; a township imports 12345 work orders (a wrong row refused with
//   its row and column, then the corrected file registered); the county's statistics show the four
//   rates, the charts and the township heat table; a mailbox letter's 转为信访事项 shows only to those
//   the server lets call the route.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, XLSX, fetchBytes, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, getJson } from './lib.mjs'

const field = (name, tag) => `${sel(name)} ${tag}, ${tag}${sel(name)}`
const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

browserTest('a petition from the portal to the rating, agency scope, the identity kept off the portal',
  { timeout: 300_000, failureShot: 'petition-failure.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const subject = `社区公益性岗位工资拖欠三个月未发放${stamp}`
  const name = '郑晓明'
  const idNumber = '330102198807154213'
  const phone = '13905717788'

  // 1. The resident writes on 网上信访; a wrong ID number is said under its field.
  await page.goto(`${BASE}/`)
  await page.locator(sel('nav-interact')).hover()
  await page.locator(sel('nav-petition')).click()
  await page.waitForURL((url) => url.pathname === '/petition')
  await page.locator(sel('pp-form')).waitFor()
  await waitForText(sel('pp-privacy'), '不在网站公开')
  await page.fill(field('pp-name', 'input'), name)
  await page.fill(field('pp-id', 'input'), '33010219880715')
  await page.fill(field('pp-phone', 'input'), phone)
  await choose(page, sel('pp-matter'), exact('劳动社保'))
  await page.fill(field('pp-subject', 'input'), subject)
  await page.fill(field('pp-content', 'textarea'), '本人在社区从事公益性岗位工作，8月至10月工资未发放，多次向社区反映未果，请求依法督促发放。')
  await page.click(sel('pp-submit'))
  await waitForText(`${sel('pp-field-id')} .el-form-item__error`, '身份证号码不正确')
  assert.equal(await page.locator(sel('pp-result')).count(), 0, 'nothing is sent with a wrong ID number')
  await page.fill(field('pp-id', 'input'), idNumber)
  await page.click(sel('pp-submit'))
  await page.locator(sel('pp-result')).waitFor()
  const code = (await textOf(sel('pp-code'))).trim()
  const number = (await textOf(sel('pp-number'))).trim()
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  assert.match(number, /访〔\d{4}〕\d+号/)
  await waitForText(sel('pp-private'), '不会在网站公开')
  await shot('petition-portal-submitted.png')

  // 2. The county's petition office finds it, sees the identity, routes it to 人社局.
  await login('gov.clerk')
  await page.locator(sel('menu-petition-list')).click()
  await page.waitForURL((url) => url.pathname === '/app/petition/list')
  await page.fill(field('pt-filter-q', 'input'), stamp)
  await page.click(sel('pt-search'))
  await waitForText(sel('pt-total'), '共 1 件')
  await waitForText(sel('pt-petitioner'), name)
  const xlsx = await fetchBytes(`/api/petitions.xlsx?q=${encodeURIComponent(stamp)}`)
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.type, XLSX)
  await page.locator(sel('pt-link')).first().click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const caseUrl = new URL(page.url()).pathname
  await expectState('待转送交办')
  await waitForText(sel('field-petitioner_name'), name)
  await waitForText(sel('field-id_number'), idNumber)
  await waitForText(sel('field-channel_label'), '网上信访')
  await perform('route', async (dialog) => {
    await choose(dialog, sel('action-input-agency_id'), '人力资源和社会保障局')
    await choose(dialog, sel('action-input-route_kind'), exact('转送'))
    await waitForText(sel('action-hint-agency_id'), '第二十二条')
  })
  await expectState('待受理告知')
  await waitForText(sel('field-handler_agency_name'), '人力资源和社会保障局')

  // The same resident comes in person about the same matter: registered as 重复信访, linked to the first.
  await page.locator(sel('menu-petition-new')).click()
  await page.waitForURL((url) => url.pathname === '/app/petition/new')
  await page.fill(field('pt-name', 'input'), name)
  await page.fill(field('pt-id', 'input'), idNumber)
  await page.fill(field('pt-phone', 'input'), phone)
  await choose(page, sel('pt-matter'), exact('劳动社保'))
  await page.fill(field('pt-subject', 'input'), subject)
  await page.fill(field('pt-content', 'textarea'), '再次反映公益性岗位工资拖欠问题。')
  await page.click(sel('pt-submit'))
  await page.locator(sel('pt-duplicate')).waitFor()
  await page.click(sel('pt-result-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  await expectState('重复信访')
  await waitForText(sel('pt-duplicate-link'), number)
  await page.click(sel('pt-duplicate-link'))
  await page.waitForURL((url) => url.pathname === caseUrl)
  await logout()

  // 3. The bureau accepts it and gives its opinion; the opinion letter is offered.
  await login('rsj.clerk')
  await page.goto(`${BASE}${caseUrl}`)
  await expectState('待受理告知')
  await perform('accept', (dialog) => dialog.locator(field('action-input-notice', 'textarea')).first().fill('你反映的事项已予受理，我局将在60日内办结并书面答复。'))
  await expectState('办理中')
  const opinion = `经核实，社区已于11月20日补发8月至10月工资，你的请求予以支持。${stamp}`
  await perform('reply', async (dialog) => {
    await choose(dialog, sel('action-input-outcome'), exact('支持'))
    await waitForText(sel('action-hint-opinion'), '第三十二条')
    await dialog.locator(field('action-input-opinion', 'textarea')).first().fill(opinion)
  })
  await expectState('已出具处理意见')
  await waitForText(sel('field-outcome'), '支持')
  await page.locator(sel('pt-opinion-doc')).waitFor()
  await shot('petition-staff-replied.png')
  await logout()

  // 4. The portal's one tracking box opens the petition's tracking page: the state, the steps, the
  //    opinion; never the petitioner's name, ID number or phone.
  await page.goto(`${BASE}/track`)
  await page.fill(field('track-input', 'input'), code)
  await page.click(sel('track-submit'))
  await page.waitForURL((url) => url.pathname === `/petition/track/${code}`)
  await waitForText(sel('ptt-state'), '已出具处理意见')
  await waitForText(sel('ptt-number'), number)
  await waitForText(sel('ptt-handler'), '人力资源和社会保障局')
  await waitForText(sel('ptt-opinion-text'), opinion)
  await waitForText(sel('ptt-opinion-outcome'), '支持')
  await waitForText(sel('ptt-timeline'), '已受理')
  const body = await page.locator('body').innerText()
  for (const secret of [name, idNumber, phone]) assert.ok(!body.includes(secret), `the tracking page never shows ${secret}`)

  // 5. The resident rates it 基本满意.
  await page.locator(sel('ptt-rate-basic')).click()
  await page.click(sel('ptt-rate-submit'))
  await waitForText(sel('ptt-rated-label'), '基本满意')
  await shot('petition-portal-rated.png')

  // 6. The staff case page shows the rating, given on the portal.
  await login('gov.clerk')
  await page.goto(`${BASE}${caseUrl}`)
  await waitForText(sel('field-rating'), '基本满意')
  await waitForText(sel('field-group-rating'), '信访人在门户网站评价')
  await logout()

  // 7. Another agency (生态环境分局) does not see the petition, nor 转为信访事项 on a letter it handles
  //    (the route is the legal office's and the county government office's).
  await login('hbj.clerk')
  await page.goto(`${BASE}/app/petition/list?q=${encodeURIComponent(stamp)}`)
  await waitForText(sel('pt-total'), '共 0 件')
  assert.equal(await page.locator(sel('pt-petitioner')).count(), 0)
  const own = await getJson('/api/cases?type=mailbox&per_page=20')
  const mine = (own.items || []).find((c) => c.state === 'handling')
  if (mine) {
    await page.goto(`${BASE}/app/cases/${mine.case_id}`)
    await expectState('办理中')
    await page.waitForTimeout(500)
    assert.equal(await page.locator(sel('pt-from-mailbox')).count(), 0, 'no conversion for a department')
  }
  await logout()

  // 8. 12345 hotline work orders: a file with a wrong row is checked and refused row by row; the
  //    corrected file is registered at once.
  await login('qsz.clerk')
  await page.locator(sel('menu-petition-import')).click()
  await page.waitForURL((url) => url.pathname === '/app/petition/import')
  const header = '工单编号,受理日期,来电人,身份证号码,联系电话,地址,事项类别,诉求标题,诉求内容'
  const good = `GD${stamp}1,2026-11-20,王大力,330102198807154213,13900001111,青山镇东街,交通运输,青山镇东街路口信号灯故障${stamp},路口信号灯已故障三天，存在安全隐患。`
  const bad = `GD${stamp}2,2026/11/21 09:12,李小四,12345,13900002222,,教育,学校收取资料费${stamp},学校要求统一购买教辅资料。`
  const csv = (rows) => ({ name: 'hotline.csv', mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${[header, ...rows].join('\n')}\n`, 'utf8') })
  await page.locator(`${sel('pti-file')} input[type=file]`).setInputFiles(csv([good, bad]))
  await page.click(sel('pti-check'))
  await waitForText(sel('pti-invalid'), '1')
  await waitForText(sel('pti-errors'), '第 3 行')
  await waitForText(sel('pti-errors'), '身份证号码')
  assert.equal(await page.locator(sel('pti-commit')).count(), 0, 'no registration while a row is wrong')
  await shot('petition-import-errors.png')
  await page.reload()
  await page.locator(`${sel('pti-file')} input[type=file]`).setInputFiles(csv([good]))
  await page.click(sel('pti-check'))
  await waitForText(sel('pti-valid'), '1')
  await page.click(sel('pti-commit'))
  await waitForText(sel('pti-imported'), '1')
  await waitForText(sel('pti-created'), '青山镇访')
  await logout()

  // 9. The county's statistics: the four rates, the charts, the township heat table.
  await login('legal')
  await page.locator(sel('menu-petition-stats')).click()
  await page.waitForURL((url) => url.pathname === '/app/petition/stats')
  await waitForText(sel('pts-scope'), '全县')
  for (const r of ['timely_acceptance', 'on_time_handling', 'satisfaction', 'repeated']) await waitForText(sel(`pts-rate-${r}`), '%')
  await page.locator(`${sel('pts-channel-chart')} canvas`).waitFor()
  await page.locator(`${sel('pts-township')} tbody tr`).nth(6).waitFor()
  await shot('petition-stats.png')

  // 10. A mailbox letter: 转为信访事项 only for those the server lets call the route.
  const meta = await getJson('/api/meta')
  const route = (meta.routes || []).find((r) => r.method === 'POST' && r.path.startsWith('/api/petitions/from-mailbox/'))
  const letters = await getJson('/api/cases?type=mailbox&per_page=50')
  const open = (letters.items || []).find((c) => ['pending', 'handling'].includes(c.state))
  assert.ok(open, 'the demo has an open mailbox letter')
  await page.goto(`${BASE}/app/cases/${open.case_id}`)
  await page.locator(sel('case-state')).waitFor()
  await page.waitForTimeout(500)
  if (!route || !route.roles.includes('legal_staff')) {
    assert.equal(await page.locator(sel('pt-from-mailbox')).count(), 0, 'no conversion without the route')
  } else {
    await page.click(sel('pt-convert-open'))
    const dialog = page.locator('.el-dialog').filter({ has: page.locator(sel('pt-convert-submit')) })
    await dialog.waitFor()
    await choose(dialog, sel('pt-convert-matter'), exact('其他'))
    await dialog.locator(sel('pt-convert-submit')).click()
    await waitForText(sel('pt-convert-link'), '访')
    await expectState('已转为信访事项')
    const letterUrl = new URL(page.url()).pathname
    await page.click(sel('pt-convert-link'))
    await page.waitForURL((url) => /\/app\/cases\/\d+$/.test(url.pathname) && url.pathname !== letterUrl)
    await expectState('待转送交办')
    await waitForText(sel('field-channel_label'), '县长信箱转入')
    await waitForText(sel('field-source_number'), open.number)
    // Back on the letter: it names the petition it became.
    await page.goto(`${BASE}${letterUrl}`)
    await expectState('已转为信访事项')
    await waitForText(sel('pt-convert-done'), '已登记为信访事项')
  }
  // Never on a petition's own page.
  await page.waitForTimeout(300)
  await page.goto(`${BASE}${caseUrl}`)
  await expectState('已出具处理意见')
  assert.equal(await page.locator(sel('pt-from-mailbox')).count(), 0)
  await logout()
}
