// End-to-end test of mediation (矛盾纠纷调解) through the browser, against a running `fazhi serve` with
// the demo county loaded:
//   青山镇's clerk registers a village committee and its mediators (one phone public, one not, one
//   struck off) → the portal's directory (政民互动 · 人民调解组织) shows the committee and its
//   mediators, the public phone only → the clerk accepts a 人民调解 case with that committee and
//   mediator → the period is extended on both parties' consent → 达成协议: the 人民调解协议书 downloads
//   as Word → performance recorded → 结案 → the statistics count it; 城关镇's clerk neither opens the
//   case nor finds it in the list; the legal office registering an administrative case for a field
//   that is not the agency's gets the server's refusal under 调解机关.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { BASE, YEAR, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, getJson, fetchBytes, DOCX } from './lib.mjs'

const field = (name, tag) => `${sel(name)} ${tag}, ${tag}${sel(name)}`
const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

browserTest('mediation: the register, the public directory, a people\'s mediation case to its agreement, scope, statistics',
  { timeout: 300_000, failureShot: 'mediation-failure.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `${Date.now().toString(36).slice(-5).toUpperCase()}`
  const village = `新桥${stamp}村`
  const committeeName = `青山镇${village}人民调解委员会`

  // 1. 青山镇's clerk registers a village committee; an empty form is refused at its fields.
  await login('qsz.clerk')
  const before = await getJson(`/api/mediation/stats?year=${YEAR}`)
  await page.locator(sel('menu-med-committees')).click()
  await page.waitForURL((url) => url.pathname === '/app/mediation/committees')
  await page.click(sel('mk-new'))
  const kdlg = page.locator(sel('mk-dialog'))
  await kdlg.waitFor()
  await kdlg.locator(sel('mk-save')).click()
  await waitForText(`${sel('mk-dialog')} .el-form-item__error`, '请填写委员会名称')
  await waitForText(`${sel('mk-dialog')} .el-form-item__error`, '请填写主任姓名')
  await page.fill(field('mk-f-village', 'input'), village)
  await page.fill(field('mk-f-name', 'input'), committeeName)
  await page.fill(field('mk-f-director', 'input'), '郑明远')
  await page.fill(field('mk-f-phone', 'input'), '12')
  await kdlg.locator(sel('mk-save')).click()
  await waitForText(`${sel('mk-dialog')} .el-form-item__error`, '办公电话应为 7 至 20 位数字')
  await page.fill(field('mk-f-phone', 'input'), '0551-6612345')
  await page.fill(field('mk-f-address', 'input'), `${village}党群服务中心`)
  await kdlg.locator(sel('mk-save')).click()
  await page.waitForURL(/\/app\/mediation\/committees\/\d+$/)
  const committeePath = new URL(page.url()).pathname
  await waitForText(sel('mc-name'), committeeName)
  await waitForText(sel('mc-table'), '尚未登记调解员')

  // 2. Its mediators: the director's phone public, a member's not, a third registered and struck off.
  async function addMediator(name, post, phone, pub, trained) {
    await page.click(sel('mc-add'))
    const d = page.locator(sel('mc-add-dialog'))
    await d.waitFor()
    await page.fill(field('mc-f-name', 'input'), name)
    await d.locator(sel('mc-f-post')).getByText(post, { exact: true }).click()
    await page.fill(field('mc-f-phone', 'input'), phone)
    if (pub) await d.locator(sel('mc-f-public')).click()
    if (trained) {
      const input = d.locator(`${sel('mc-f-trained')} input, input${sel('mc-f-trained')}`).first()
      await input.click()
      await input.fill(trained)
      await input.press('Enter')
      await page.fill(field('mc-f-training', 'input'), '全县人民调解员业务培训')
    }
    await d.locator(sel('mc-f-save')).click()
    await d.waitFor({ state: 'hidden' })
    await waitForText(sel('mc-m-name'), name)
  }
  await addMediator('郑明远', '主任', '13905517788', true, `${YEAR}-09-18`)
  await addMediator('钱玉兰', '委员', '13905517799', false, null)
  await addMediator('孙立新', '调解员', '13905517766', false, null)
  await waitForText(sel('mc-total'), '共 3 人')
  const strikeId = await page.locator('tr', { has: page.locator(sel('mc-m-name'), { hasText: '孙立新' }) }).locator('[data-test^="mc-strike-"]').getAttribute('data-test')
  await page.click(sel(strikeId))
  await page.locator('.el-message-box').getByRole('button', { name: '除名' }).click()
  await waitForText(sel('mc-total'), '共 2 人')
  assert.equal(await page.locator(sel('mc-m-name'), { hasText: '孙立新' }).count(), 0)
  await waitForText(sel('mc-table'), '2026年9月18日'.replace('2026', YEAR))
  await shot('mediation-committee.png')
  await page.goto(`${BASE}/app/mediation/committees?q=${encodeURIComponent(village)}`)
  await waitForText(sel('mk-link'), committeeName)
  await waitForText(sel('mk-mediators'), '2')
  await logout()

  // 3. The portal's directory (政民互动 · 人民调解组织): the committee, its two mediators, the public phone only.
  await page.goto(`${BASE}/`)
  await page.locator(sel('nav-interact')).hover()
  await page.locator(sel('nav-mediation')).click()
  await page.waitForURL((url) => url.pathname === '/mediation')
  await page.fill(field('md-q', 'input'), village)
  await page.click(sel('md-search'))
  await waitForText(sel('md-committee-name'), committeeName)
  assert.equal(await page.locator(sel('md-committee')).count(), 1)
  await waitForText(sel('md-committee'), `${village}党群服务中心`)
  await waitForText(sel('md-committee'), '0551-6612345')
  const mediators = page.locator(sel('md-mediator'))
  assert.equal(await mediators.count(), 2)
  assert.match(await mediators.nth(0).textContent(), /郑明远.*主任.*13905517788/)
  assert.match(await mediators.nth(1).textContent(), /钱玉兰.*委员.*请拨打办公电话/)
  assert.doesNotMatch(await page.locator(sel('med-directory')).textContent(), /13905517799|孙立新/)
  // the township filter keeps the committee; another township's leaves it out
  await choose(page, sel('md-township'), '青山镇人民政府')
  await waitForText(sel('md-committee-name'), committeeName)
  await choose(page, sel('md-township'), '城关镇人民政府')
  await page.locator(sel('md-empty')).waitFor()
  await shot('mediation-portal-directory.png')

  // 4. The clerk accepts a people's mediation case with that committee and mediator.
  await login('qsz.clerk')
  await page.locator(sel('menu-med-new')).click()
  await page.waitForURL((url) => url.pathname === '/app/mediation/cases/new')
  await choose(page, sel('med-committee'), committeeName)
  await choose(page, sel('med-mediator'), '郑明远')
  await choose(page, sel('med-type'), exact('邻里纠纷'))
  await page.fill(field('med-party-0-name', 'input'), `周${stamp}`)
  await page.fill(field('med-party-0-phone', 'input'), '13905510001')
  await page.fill(field('med-party-1-name', 'input'), `吴${stamp}`)
  await page.fill(field('med-party-1-phone', 'input'), '139')
  await page.fill(field('med-summary', 'textarea'), '两家因宅前排水沟改道发生争执，雨天积水流入周家院内。')
  await page.click(sel('med-submit'))
  await waitForText('.el-form-item__error', '第 2 名当事人：联系电话应为 7 至 20 位数字')
  await page.fill(field('med-party-1-phone', 'input'), '13905510002')
  await page.click(sel('med-submit'))
  await page.locator(sel('med-result')).waitFor()
  const number = await textOf(sel('med-number'))
  assert.match(number, /调〔\d{4}〕\d+号/)
  await page.click(sel('med-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const casePath = new URL(page.url()).pathname
  await expectState('调解中')
  await waitForText(sel('case-title'), `周${stamp}与吴${stamp}邻里纠纷`)
  await waitForText(sel('field-committee_name'), committeeName)
  await waitForText(sel('field-mediator_name'), '郑明远')
  await waitForText(sel('field-period_article'), '《人民调解法》第二十六条')
  await waitForText(sel('field-extended_days'), '未延长')
  assert.equal(await page.locator(sel('med-agreement')).count(), 0, 'no agreement before the agreement')

  // 5. The period is extended only on both parties' consent; then the agreement.
  await perform('extend', async (dialog) => {
    await dialog.locator(sel('action-hint-consent')).waitFor()
    assert.equal(await dialog.locator(sel('action-field-days')).count(), 0, 'the days are asked once the parties consent')
    await dialog.locator(sel('action-input-consent')).click()
    await dialog.locator(sel('action-field-days')).waitFor()
    await page.waitForTimeout(400) // a rule change validates asynchronously
    // The input it reveals is asked for, not flagged as missing before anything is typed.
    assert.equal(await dialog.locator(`${sel('action-field-days')} .el-form-item__error`).count(), 0, 'no error before typing')
    await dialog.locator(field('action-input-days', 'input')).first().fill('10')
  })
  await waitForText(sel('field-extended_days'), '延长 10 日')
  await waitForText(sel('field-period_due'), '经双方同意延长 10 日')
  await perform('agree', async (dialog) => {
    await dialog.locator(field('action-input-terms', 'textarea')).first().fill('一、吴家于十日内将排水沟恢复原走向；二、双方今后互谅互让。')
    await dialog.locator(field('action-input-obligations', 'textarea')).first().fill('吴家自行施工，周家予以配合。')
  })
  await expectState('达成协议')
  await waitForText(sel('field-outcome'), '达成协议')
  await waitForText(sel('field-terms'), '排水沟恢复原走向')
  await waitForText(sel('field-confirm_due'), '天后到期')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel('med-agreement'))])
  assert.match(download.suggestedFilename(), /\.docx$/)
  assert.equal(fs.readFileSync(await download.path()).subarray(0, 2).toString('latin1'), 'PK')
  const doc = await fetchBytes(`/api/cases/${casePath.split('/').pop()}/documents/mediation-agreement.docx`)
  assert.equal(doc.status, 200)
  assert.ok(doc.type.startsWith(DOCX))

  // 6. Performance recorded (a note is asked only when not fully performed), then 结案.
  await perform('perform', async (dialog) => {
    await choose(dialog, sel('action-input-performance'), exact('已履行'))
  })
  await waitForText(sel('field-performance_label'), '已履行')
  await shot('mediation-case.png')
  await perform('close')
  await expectState('已结案')

  // 7. The list finds it; the statistics count it (received and agreed, one more each).
  await page.goto(`${BASE}/app/mediation/cases?q=${stamp}`)
  await waitForText(sel('mcs-link'), number)
  await waitForText(sel('mcs-state'), '已结案')
  await waitForText(sel('mcs-kind'), '人民调解')
  await page.locator(sel('menu-med-stats')).click()
  await page.waitForURL((url) => url.pathname === '/app/mediation/stats')
  await waitForText(`${sel('mst-received')} ${sel('mst-value')}`, String(before.totals.received + 1))
  await waitForText(`${sel('mst-agreed')} ${sel('mst-value')}`, String(before.totals.agreed + 1))
  const after = await getJson(`/api/mediation/stats?year=${YEAR}`)
  assert.equal(after.totals.received, before.totals.received + 1)
  assert.equal(after.totals.agreed, before.totals.agreed + 1)
  await page.locator(sel('mst-agencies')).waitFor()
  await logout()

  // 8. 城关镇's clerk: the case is not theirs — no page, not in the list, nor the committee.
  await login('cgz.clerk')
  await page.goto(`${BASE}${casePath}`)
  await page.locator(sel('case-error')).waitFor()
  await page.goto(`${BASE}/app/mediation/cases?q=${stamp}`)
  await waitForText(sel('mcs-total'), '共 0 件')
  await page.goto(`${BASE}${committeePath}`)
  await waitForText('.el-alert', '没有这个人民调解委员会')
  await logout()

  // 9. The legal office: an administrative case for the police's field named for the market bureau is
  //    refused by the server under 调解机关.
  await login('legal')
  await page.goto(`${BASE}/app/mediation/cases/new`)
  await page.click(sel('med-kind-admin'))
  await choose(page, sel('med-field'), '公安')
  await waitForText(sel('med-agency'), '公安局')
  await choose(page, sel('med-agency'), '市场监督管理局')
  await page.fill(field('med-mediator-name', 'input'), '李警官')
  await choose(page, sel('med-type'), exact('损害赔偿'))
  await page.fill(field('med-party-0-name', 'input'), `甲${stamp}`)
  await page.fill(field('med-party-0-phone', 'input'), '13905510003')
  await page.fill(field('med-party-1-name', 'input'), `乙${stamp}`)
  await page.fill(field('med-party-1-phone', 'input'), '13905510004')
  await page.fill(field('med-summary', 'textarea'), '双方因停车剐蹭发生争执。')
  await page.click(sel('med-submit'))
  await waitForText('.el-form-item__error', '行政调解由其主管部门办理')
  const err = page.locator('.el-form-item', { has: page.locator(sel('med-agency')) }).locator('.el-form-item__error')
  assert.match(await err.textContent(), /主管部门办理/)
  assert.equal(await page.locator(sel('med-result')).count(), 0)
  await logout()
}
