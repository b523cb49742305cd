// End-to-end test of an objection to a normative document (审查建议) through the browser, against a
// running `fazhi serve` with the demo county loaded:
//   a company objects on the portal → tracking code → the legal office accepts and replies with the
//   outcome, then publishes it → the portal's tracking page shows the outcome, the published list
//   shows it without the company's name.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose } from './lib.mjs'

browserTest('an objection: portal submission, acceptance, reply with the outcome, publication',
  { timeout: 180_000, failureShot: 'failure.png' }, scenario)

async function scenario() {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const title = `关于农资经营者缴纳保证金的通知 ${stamp}`
  const reply = `经审查，该通知要求缴纳保证金缺乏法律依据，已督促制定机关纠正。${stamp}`

  // 1. A company objects on the portal: the form names what is missing, then takes it.
  await page.goto(`${BASE}/normative/objection`)
  await page.locator(sel('objection-form')).waitFor()
  await page.click(sel('objection-submit'))
  await waitForText('.el-form-item__error', '请填写')
  await page.click(sel('objection-type-organisation'))
  await page.fill(sel('objection-applicant'), '青山县绿源农业有限公司')
  await page.fill(sel('objection-contact'), '0571-88880000')
  await page.fill(sel('objection-doc-title'), title)
  await page.fill(sel('objection-content'), '通知要求农资经营者缴纳经营保证金，设定了法律法规没有规定的义务，请予审查。')
  await page.click(sel('objection-submit'))
  const codeEl = page.locator(sel('tracking-code'))
  await codeEl.waitFor()
  const code = (await codeEl.textContent()).trim()
  const number = await textOf(sel('objection-number'))
  assert.match(code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  assert.match(await textOf(sel('objection-due')), /\d{4}/, 'the reply due day is shown')
  await shot('portal-objection-submitted.png')

  // 2. The legal office finds it among the objections and accepts it.
  await login('legal')
  await page.goto(`${BASE}/app/cases?type=norm_objection`)
  await page.fill(sel('filter-q'), stamp)
  await page.click(sel('filter-search'))
  const link = page.locator(sel('case-link'), { hasText: number })
  await link.waitFor()
  await link.click()
  await page.waitForURL(/\/app\/cases\/[^/?#]+$/)
  await waitForText(sel('case-number'), number)
  await waitForText('[data-test="objection-fields"]', '青山县绿源农业有限公司')
  await perform('accept')
  await expectState('审查中')

  // 3. The reply needs the outcome; then it is published.
  await perform('reply', async (dialog) => {
    await choose(dialog, `${sel('action-field-outcome')} .el-select`, '已督促纠正')
    await dialog.locator(`${sel('action-field-reply')} textarea`).fill(reply)
  })
  await expectState('已答复')
  await shot('app-objection-replied.png')
  await perform('publish')
  await expectState('已公开')
  await logout()

  // 4. The portal: the tracking page shows the outcome; the published list hides the company's name.
  await page.goto(`${BASE}/normative/objection-track/${code}`)
  await waitForText(sel('otrack-outcome'), '已督促纠正')
  await waitForText(sel('otrack-outcome'), stamp)
  await shot('portal-objection-track.png')
  await page.goto(`${BASE}/normative/objections?q=${stamp}`)
  const item = page.locator(sel('objection-item'), { hasText: stamp })
  await item.waitFor()
  const text = await item.textContent()
  assert.ok(text.includes('青山****'), text)
  assert.ok(!text.includes('绿源'), 'the company is not named')
  await shot('portal-objections.png')
}
