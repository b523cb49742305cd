// Text over a field's length limit is not cut silently (issue 15, item 19): a paste that does not
// fit a field with a limit is refused in part by the browser, and the page says which field, its
// limit and how many characters did not go in. A paste that fits says nothing.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel } from './lib.mjs'

browserTest('a paste longer than a field allows is said, not cut silently', { timeout: 120_000, failureShot: 'failure-paste.png' }, async () => {
  await page.goto(`${BASE}/mailbox`)
  const name = page.locator(`${sel('letter-name')} input, input${sel('letter-name')}`).first()
  await name.waitFor()
  const max = await name.evaluate((el) => el.maxLength)
  assert.ok(max > 0, 'the name field has a limit')

  const paste = (text) => name.evaluate((el, t) => {
    el.focus()
    const dt = new DataTransfer()
    dt.setData('text/plain', t)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, text)

  await paste('张'.repeat(max - 2))
  await page.waitForTimeout(300)
  assert.equal(await page.locator('.paste-cut').count(), 0, 'a paste that fits says nothing')

  await paste('李'.repeat(max + 7))
  const msg = page.locator('.paste-cut').first()
  await msg.waitFor()
  const text = await msg.textContent()
  assert.match(text, new RegExp(`“姓名”最多 ${max} 个字`), text)
  // A synthetic paste inserts nothing, so the field is still empty: 7 characters do not fit.
  assert.match(text, /有 7 个字超出未能填入/, text)
})
