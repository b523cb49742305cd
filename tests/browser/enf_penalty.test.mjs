// End-to-end test of a penalty case (行政处罚案件) through the browser, against a running
// `fazhi serve` with the demo county: an enforcement officer of the market regulator files a case
// (立案) with two certified officers from the body's own list and a penalty power from its list,
// sees the 90-day decision clock with 第六十条, gives the notice (告知) and records the party's
// statement; the clerk finds the case in the list, which offers no decision to a clerk; the head
// decides, and the case waits for service with the 7-working-day clock of 第六十一条.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import {
  BASE, TODAY, browserTest, page, sel, shot, waitForText, login, logout, expectState, perform, choose, typeDate, getJson,
} from './lib.mjs'

const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

browserTest('penalty case: filing, notice, statement, decision by the head', { timeout: 240_000, failureShot: 'enf-penalty-failure.png', pinClock: true }, async () => {
  await login('scj.officer')
  // A published body of the agency with at least two officers certified today.
  const certs = (await getJson('/api/enforcement/certificates?valid_now=1&per_page=100')).items.filter((c) => c.cert_type === 'enforcement')
  const byBody = new Map()
  for (const c of certs) byBody.set(c.body_name, [...(byBody.get(c.body_name) || []), c])
  const [bodyName, holders] = [...byBody.entries()].find(([, list]) => list.length >= 2)
  assert.ok(bodyName, 'the market regulator has a body with two certified officers')

  await page.goto(`${BASE}/app/enforcement/penalties`)
  await page.locator(sel('pen-table')).waitFor()
  await page.click(sel('pen-new'))
  await page.locator(sel('pen-form')).waitFor()
  await choose(page, sel('pen-body'), exact(bodyName))
  // The power select searches the body's penalty items.
  const power = page.locator(`${sel('pen-power')} input`).first()
  await power.click()
  await power.fill('食品')
  const opt = page.locator('.el-select-dropdown__item:visible').first()
  await opt.waitFor()
  await opt.click()
  await page.keyboard.press('Escape')
  // A multiple select stays open while its options are picked.
  await page.locator(sel('pen-officers')).click()
  for (const h of holders.slice(0, 2)) {
    await page.locator('.el-select-dropdown__item:visible', { hasText: `${h.officer_name}（${h.number}` }).first().click()
    await page.locator(sel('pen-officers')).locator('.el-select__selected-item', { hasText: h.officer_name }).first().waitFor()
  }
  await page.keyboard.press('Escape')
  await page.locator('.el-select-dropdown:visible').waitFor({ state: 'hidden' }).catch(() => {})
  await page.click(sel('pen-party-citizen'))
  const stamp = `${Date.now() % 100000}`
  await page.fill(sel('pen-party-name'), '孙丽华')
  await page.fill(sel('pen-matter'), `孙丽华销售过期食品案${stamp}`)
  await typeDate(page, sel('pen-act-on'), `${TODAY.slice(0, 4)}-${TODAY.slice(5, 7)}-01`)
  await page.fill(sel('pen-facts'), '现场检查发现其店内销售的面包已超过保质期。')
  await shot('enf-penalty-new.png')
  await page.click(sel('pen-submit'))
  await page.locator(sel('pen-result')).waitFor()
  const number = (await page.locator(sel('pen-number')).textContent()).trim()
  assert.match(number, /^青市监罚〔\d{4}〕\d+号$/)
  await page.click(sel('pen-open'))
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const caseUrl = page.url()
  await expectState('调查取证')
  // The power shown is an item of the body's own penalty list (as the server recorded it).
  const detail = await getJson(`/api/cases/${caseUrl.split('/').pop()}`)
  const item = await getJson(`/api/enforcement/powers/${detail.case.fields.power_id}`)
  assert.equal(item.category, 'penalty')
  assert.equal(detail.case.fields.body_name, bodyName)
  await waitForText(sel('field-power_name'), item.name)
  await waitForText(sel('case-clocks'), '第六十条')
  await waitForText(sel('field-table-officers'), holders[0].officer_name)

  // 告知: a warning carries no hearing right; then the party's statement.
  await perform('notify', async (dialog) => {
    await typeDate(dialog, sel('action-field-notified_on'), TODAY)
    await choose(dialog, sel('action-input-proposed_kind'), exact('警告'))
    await dialog.locator(`${sel('action-input-facts')} textarea, textarea${sel('action-input-facts')}`).first().fill('拟给予警告。')
  })
  await expectState('已告知')
  await perform('statement', async (dialog) => {
    await typeDate(dialog, sel('action-field-statement_on'), TODAY)
  })
  await expectState('待决定')
  await shot('enf-penalty-pending.png')
  await logout()

  // The clerk finds the case in the list; a clerk is not offered the decision.
  await login('scj.clerk')
  await page.goto(`${BASE}/app/enforcement/penalties?q=${encodeURIComponent(stamp)}`)
  const link = page.locator(sel('pen-link'), { hasText: number })
  await link.waitFor()
  await link.click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  await expectState('待决定')
  await page.locator(sel('action-submit_review')).waitFor()
  assert.equal(await page.locator(sel('action-decide')).count(), 0, 'a clerk is not offered the decision')
  await logout()

  // The head decides (第五十七条): the decision clock stops, service must follow within 7 working days.
  await login('scj.head')
  await page.goto(caseUrl)
  await expectState('待决定')
  await perform('decide', async (dialog) => {
    await typeDate(dialog, sel('action-field-decided_on'), TODAY)
    await choose(dialog, sel('action-input-outcome'), exact('给予行政处罚'))
    await choose(dialog, sel('action-input-penalty_kind'), exact('警告'))
    await dialog.locator(`${sel('action-input-decision_text')} textarea, textarea${sel('action-input-decision_text')}`).first().fill('给予警告。')
  })
  await expectState('已决定，待送达')
  await waitForText(sel('case-clocks'), '第六十一条')
  await waitForText(sel('field-outcome'), '给予行政处罚')
  await shot('enf-penalty-decided.png')
})
