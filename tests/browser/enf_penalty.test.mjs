// End-to-end test of a penalty case (行政处罚案件) through the browser, against a running
// `fazhi serve` with the demo county, from filing to publication as the officer, the reviewer and the
// head: an enforcement officer of the market regulator files a case (立案) with two certified officers
// from the body's own list and a penalty power from its list, sees the 90-day decision clock with
// 第六十条, gives the notice (告知), records the party's statement, marks the case for legal review
// (第五十八条) and submits it; the head is not offered the decision while the review is open; the
// agency's legal reviewer finds the case in the 法制审核 queue with its period, picks a qualified
// reviewer who did not handle the case and agrees; the head decides, and the case waits for service
// with the 7-working-day clock of 第六十一条; the officer serves it; the decision must be published
// within 7 working days (国办发〔2018〕118号) and the clerk publishes it; a member of the public finds
// it on the portal with the citizen's name masked (孙某).
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import {
  BASE, TODAY, browserTest, page, sel, shot, waitForText, textOf, login, logout, expectState, perform, choose, typeDate, getJson,
} from './lib.mjs'

const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

browserTest('penalty case from filing to publication: officer, legal reviewer, head, portal', { timeout: 360_000, failureShot: 'enf-penalty-failure.png', pinClock: true }, async () => {
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

  // 第五十八条: the officer marks the case as complex and submits it for legal review.
  await perform('mark_major', async (dialog) => {
    await choose(dialog, sel('action-input-major_reason'), '疑难复杂')
  })
  await perform('submit_review', async (dialog) => {
    await typeDate(dialog, sel('action-field-submitted_on'), TODAY)
  })
  await expectState('法制审核中')
  await waitForText(sel('case-clocks'), '第五十八条')
  await logout()

  // The head is not offered the decision while the review is open.
  await login('scj.head')
  await page.goto(caseUrl)
  await expectState('法制审核中')
  assert.equal(await page.locator(sel('action-decide')).count(), 0, 'no decision before the legal review')
  await logout()

  // The reviewer: the case is in the 法制审核 queue with its period; a qualified reviewer who did not
  // handle the case is picked from the agency's list (the case's own officers are not eligible).
  await login('scj.clerk')
  await page.goto(`${BASE}/app/enforcement/reviews?q=${encodeURIComponent(stamp)}`)
  const queued = page.locator(sel('rev-link'), { hasText: number })
  await queued.waitFor()
  await shot('enf-penalty-review-queue.png')
  await queued.click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const reviewers = (await getJson(`/api/enforcement/penalties/${caseUrl.split('/').pop()}/reviewers`)).reviewers
  const reviewer = reviewers.find((r) => r.eligible)
  assert.ok(reviewer, 'the market regulator has an eligible legal reviewer')
  for (const h of holders.slice(0, 2)) {
    const own = reviewers.find((r) => r.name === h.officer_name)
    assert.ok(!own || !own.eligible, `${h.officer_name} handled the case and may not review it`)
  }
  await perform('review', async (dialog) => {
    await choose(dialog, sel('action-input-reviewer_id'), reviewer.name)
    await typeDate(dialog, sel('action-field-reviewed_on'), TODAY)
    await choose(dialog, sel('action-input-opinion'), exact('同意'))
    await dialog.locator(`${sel('action-input-note')} textarea, textarea${sel('action-input-note')}`).first().fill('事实清楚，证据确凿，适用依据正确，程序合法。')
  })
  await expectState('待决定')
  await logout()

  // The clerk finds the case in the list; a clerk is not offered the decision.
  await login('scj.clerk')
  await page.goto(`${BASE}/app/enforcement/penalties?q=${encodeURIComponent(stamp)}`)
  const link = page.locator(sel('pen-link'), { hasText: number })
  await link.waitFor()
  await link.click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  await expectState('待决定')
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
  // 公示: a penalty decision is published within 7 working days (国办发〔2018〕118号).
  await waitForText(sel('case-clocks'), '国办发〔2018〕118号')
  await logout()

  // The officer serves the decision; the clerk publishes it.
  await login('scj.officer')
  await page.goto(caseUrl)
  await perform('serve', async (dialog) => {
    await typeDate(dialog, sel('action-field-served_on'), TODAY)
    await choose(dialog, sel('action-input-method'), exact('直接送达'))
  })
  await expectState('已送达')
  await logout()
  await login('scj.clerk')
  await page.goto(caseUrl)
  await perform('publish', async (dialog) => {
    await typeDate(dialog, sel('action-field-published_on'), TODAY)
  })
  await page.locator(sel('action-publish')).waitFor({ state: 'detached' })
  await shot('enf-penalty-published.png')
  await logout()

  // The public finds the decision on the portal; a citizen party shows the surname only.
  await page.goto(`${BASE}/enforcement/decisions`)
  await page.locator(sel('pub-dec-table')).waitFor()
  await page.fill(`${sel('pub-dec-q')} input, input${sel('pub-dec-q')}`, number)
  await page.click(sel('pub-dec-search'))
  const pub = page.locator(sel('pub-dec-link'), { hasText: number }).first()
  await pub.waitFor()
  await pub.click()
  await page.locator(sel('pub-decision')).waitFor()
  await waitForText(sel('pub-decision-number'), number)
  await waitForText(sel('pub-decision-party'), '孙某')
  assert.ok(!(await textOf(sel('pub-decision'))).includes('孙丽华'), 'the citizen party is masked on the portal')
  await shot('enf-penalty-portal.png')
})
