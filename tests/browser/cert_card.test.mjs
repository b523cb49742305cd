// The certificate card (执法证件卡, issue 15 item 16) and the public lookup it leads to: dates are
// never broken inside; without the setting 门户网站公开地址 the card says so and marks the address
// it prints as this browser's; once the setting is made, the printed address (and the QR code,
// made from it) is the county's; the holder's photo is uploaded on the card page (a PDF is
// refused), shown on the card, and on the public lookup at phone width while the certificate is valid.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, login, logout, shot, waitForText } from './lib.mjs'

const PUBLIC = 'https://fazhi.qingshan.gov.cn'

// A 3:4 picture drawn by the browser itself, as PNG bytes.
async function photoPng() {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 240
    c.height = 320
    const g = c.getContext('2d')
    g.fillStyle = '#3a6ea5'; g.fillRect(0, 0, 240, 320)
    g.fillStyle = '#f1d3b3'; g.beginPath(); g.arc(120, 120, 60, 0, 7); g.fill()
    g.fillStyle = '#1d2129'; g.fillRect(40, 200, 160, 120)
    return c.toDataURL('image/png').split(',')[1]
  })
  return Buffer.from(b64, 'base64')
}

// Every date of the selector's element is on one line (its text box has one line's rectangle).
async function datesWhole(selector) {
  const dates = await page.locator(selector).evaluateAll((els) => els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length })))
  assert.ok(dates.length >= 2, `dates found under ${selector}`)
  for (const d of dates) {
    assert.match(d.text, /^\d{4}年\d{1,2}月\d{1,2}日$/, `Chinese date form: ${d.text}`)
    assert.equal(d.lines, 1, `date ${d.text} broken over lines`)
  }
}

browserTest('the certificate card prints the county\'s address and the holder\'s photo; the lookup shows it at 390 px', { timeout: 240_000, failureShot: 'cert-card-failure.png' }, async () => {
  await login('scj.clerk')
  const list = await page.request.get(`${BASE}/api/enforcement/certificates?state=valid&per_page=100`)
  const cert = (await list.json()).items.find((x) => x.number && x.valid_until > '2027')
  assert.ok(cert, 'a valid certificate of the clerk\'s agency')
  await page.goto(`${BASE}/app/enforcement/certificates/${cert.case_id}/card`)
  await page.locator(sel('card-number')).waitFor()

  // Not set yet: the page says who must set it; the card marks the address as this browser's.
  await page.locator(sel('cert-card-no-public-url')).waitFor()
  assert.match(await page.locator(sel('cert-card-no-public-url')).innerText(), /门户网站公开地址/)
  assert.match(await page.locator(sel('card-url')).innerText(), new RegExp(`临时地址.*${BASE.replace(/[.:/]/g, '\\$&')}/certificates/${cert.number}`))
  await datesWhole(`${sel('card-validity')} .date`)

  // A PDF named .jpg is refused, with the reason.
  await page.setInputFiles(sel('cert-photo-input'), { name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') })
  await waitForText(sel('cert-photo-error'), 'JPEG 或 PNG')
  assert.equal(await page.locator(sel('card-photo-img')).count(), 0)

  // A photo uploads and shows on the card.
  await page.setInputFiles(sel('cert-photo-input'), { name: '照片.png', mimeType: 'image/png', buffer: await photoPng() })
  await page.waitForFunction((s) => document.querySelector(s)?.naturalWidth > 0, sel('card-photo-img'))
  assert.equal((await page.locator(sel('cert-photo-upload')).innerText()).trim(), '更换照片')
  await logout()

  // The legal office head sets the county's public address on the settings page.
  await login('legalhead')
  await page.goto(`${BASE}/app/settings`)
  const input = page.locator(sel('setting-input-county.public_url'))
  await input.fill(PUBLIC + '/')
  await page.click(sel('setting-save-county.public_url'))
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.waitForFunction((s) => document.querySelector(s)?.disabled, `${sel('setting-save-county.public_url')}`)

  // Now the card prints the county's address, unmarked.
  await page.goto(`${BASE}/app/enforcement/certificates/${cert.case_id}/card`)
  await waitForText(sel('card-url'), `${PUBLIC}/certificates/${cert.number}`)
  assert.equal((await page.locator(sel('card-url')).innerText()).trim(), `${PUBLIC}/certificates/${cert.number}`)
  assert.equal(await page.locator(sel('cert-card-no-public-url')).count(), 0)
  assert.equal(await page.locator(sel('card-qr')).getAttribute('aria-label'), `二维码：${PUBLIC}/certificates/${cert.number}`)
  await page.waitForFunction((s) => document.querySelector(s)?.naturalWidth > 0, sel('card-photo-img'))
  await shot('cert-card-1440.png')
  await logout()

  // The public lookup the QR code opens, on a phone: the photo, the dates whole, no sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(`${BASE}/certificates/${cert.number}`)
  await page.locator(sel('lookup-result')).waitFor()
  await page.waitForFunction((s) => document.querySelector(s)?.naturalWidth > 0, sel('lookup-photo-img'))
  await datesWhole(`${sel('lookup-result')} dd.date`)
  const wide = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth)
  assert.ok(wide <= 1, `the lookup scrolls sideways by ${wide} px`)
  await shot('cert-lookup-390.png')
  await page.setViewportSize({ width: 1440, height: 900 })
})
