// Small things of issue 15 item 19, at 1440 px: (a) the settings page leads with each setting's
// Chinese label and a help line (the key only small and grey; no "默认值待确认" anywhere); (c)
// counts read one way on every list, back office and portal: "共 2,484 条" (grouped digits, 条);
// (d) the charts keep their axis labels inside (looked at in the screenshots); (e) a long
// unbroken string (an e-mail address) wraps inside its cell instead of running over.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, login, logout, shot } from './lib.mjs'

// Every "共 N X" count the page shows, as [text, digits, unit].
async function counts() {
  return page.evaluate(() => [...document.body.innerText.matchAll(/共\s*([\d,，]+)\s*([^\s\d,，])/g)].map((m) => [m[0], m[1], m[2]]))
}

function assertCounts(where, found) {
  for (const [text, digits, unit] of found) {
    assert.equal(unit, '条', `${where}: "${text}" counts in 条`)
    assert.match(digits, /^\d{1,3}(,\d{3})*$/, `${where}: "${text}" groups its digits by thousands`)
    assert.match(text, /^共 [\d,]+ 条$/, `${where}: "${text}" reads 共 N 条`)
  }
}

async function settle() {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.getClientRects().length), null, { timeout: 15_000 }).catch(() => {})
}

browserTest('settings read as labels with help, counts read 共 N 条, long strings wrap in cells', { timeout: 300_000, failureShot: 'small-things-failure.png' }, async () => {
  // (e) A request whose applicant gives a long e-mail address (the public form allows 100 characters).
  const email = `${'zhao.mingyuan.qingshan.chengguan.jiefanglu'.repeat(2)}@example-mail.cn`
  const agencies = await (await fetch(`${BASE}/api/public/agencies`)).json()
  const agency = (agencies.items || agencies).find((a) => a.name.includes('市场监督管理局')).agency_id
  const r = await fetch(`${BASE}/api/public/disclosure/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ agency_id: agency, applicant_type: 'natural', applicant_name: '赵明远', phone: '13907910001', address: '青山县城关镇解放路 12 号', email, description: '请公开2026年青山县农贸市场食品安全抽检结果', purpose: '了解本地食品安全情况', delivery: 'email' }),
  }).catch((e) => e)

  // (a) The settings page, as the legal office head who may change them.
  await login('legalhead')
  await page.goto(`${BASE}/app/settings`)
  await page.locator(`${sel('settings-table')} tbody tr`).first().waitFor()
  await settle()
  const rows = await page.evaluate(() => [...document.querySelectorAll('[data-test="settings-table"] tbody tr')].map((tr) => {
    const label = tr.querySelector('.label')
    const key = tr.querySelector('.key')
    const cells = [...tr.querySelectorAll('td')]
    const ks = key && getComputedStyle(key)
    return {
      label: label?.textContent.trim() || '',
      labelSize: label ? parseFloat(getComputedStyle(label).fontSize) : 0,
      key: key?.textContent.trim() || '',
      keySize: ks ? parseFloat(ks.fontSize) : 0,
      keyColor: ks ? ks.color : '',
      help: cells[4]?.textContent.trim() || '',
    }
  }))
  assert.ok(rows.length >= 10, `settings listed: ${rows.length}`)
  const meta = await (await page.request.get(`${BASE}/api/settings`)).json()
  assert.equal(rows.length, meta.items.length)
  for (const [i, row] of rows.entries()) {
    const want = meta.items[i]
    assert.equal(row.label, want.label, `row ${i} leads with the Chinese label`)
    assert.match(row.label, /\p{Script=Han}/u, `${want.key}: the label is Chinese`)
    assert.notEqual(row.label, want.key)
    assert.equal(row.key, want.key)
    assert.ok(row.keySize < row.labelSize, `${want.key}: the key is smaller than the label`)
    const [rr, gg, bb] = row.keyColor.match(/\d+/g).map(Number)
    assert.ok(Math.max(rr, gg, bb) - Math.min(rr, gg, bb) < 40 && rr > 100, `${want.key}: the key is grey (${row.keyColor})`)
    assert.ok(row.help.length >= 8 && row.help !== '—', `${want.key}: a help line (${row.help})`)
    assert.ok(want.note && want.note.length >= 8, `${want.key}: the server gives a help line`)
  }
  assert.doesNotMatch(await page.evaluate(() => document.body.innerText), /默认值待确认|待确认/)
  await shot('settings-1440.png')
  await logout()

  // (c) Counts on every list page of the back office and the portal.
  await login('legal')
  for (const p of ['/app/cases', '/app/enforcement/powers', '/app/enforcement/bodies', '/app/enforcement/officers', '/app/enforcement/certificates',
    '/app/reconsideration', '/app/litigation', '/app/disclosure/items', '/enforcement/powers', '/enforcement/bodies', '/disclosure', '/replies']) {
    await page.goto(`${BASE}${p}`)
    await page.locator('.el-pagination').first().waitFor()
    await settle()
    const found = await counts()
    assert.ok(found.length >= 1, `${p}: a count is shown`)
    assertCounts(p, found)
  }
  // The whole county's power list is in the thousands: both counts group the digits.
  await page.goto(`${BASE}/app/enforcement/powers`)
  await settle()
  const total = (await (await page.request.get(`${BASE}/api/enforcement/powers?per_page=1`)).json()).total
  assert.ok(total >= 1000, `power items: ${total}`)
  const grouped = `共 ${total.toLocaleString('en-US')} 条`
  assert.equal((await page.locator(sel('powers-total')).innerText()).trim(), grouped)
  assert.equal((await page.locator(sel('pager-total')).innerText()).trim(), grouped)

  // (d) The charts, for the eye: the dashboard and the mailbox statistics.
  await page.goto(`${BASE}/app`)
  await page.locator('canvas').first().waitFor()
  await shot('dashboard-charts-1440.png')
  await page.goto(`${BASE}/app/mailbox/stats`)
  await page.locator('canvas').first().waitFor()
  await shot('mailbox-stats-1440.png')

  // (e) The long address wraps inside its cell on the case detail page.
  assert.ok(r && r.status === 201, `public request: ${r && r.status}`)
  const number = (await r.json()).number
  const list = await (await page.request.get(`${BASE}/api/cases?type=disclosure&q=${encodeURIComponent(number)}`)).json()
  const hit = list.items.find((x) => x.number === number)
  assert.ok(hit, `case ${number} listed`)
  await page.goto(`${BASE}/app/cases/${hit.case_id}`)
  await page.locator(sel('field-email')).waitFor()
  await settle()
  const over = await page.evaluate(() => {
    const cells = [...document.querySelectorAll('.el-descriptions__cell, .el-table .cell')]
    const bad = cells.filter((c) => c.getClientRects().length && c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.trim().slice(0, 40))
    const e = document.querySelector('[data-test="field-email"]')
    const box = e.closest('.el-descriptions').getBoundingClientRect()
    return { bad, emailRight: e.getBoundingClientRect().right, boxRight: box.right, lines: Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || '20')) }
  })
  assert.deepEqual(over.bad, [], 'no cell runs over')
  assert.ok(over.emailRight <= over.boxRight + 1, `the address stays inside its table (${over.emailRight} > ${over.boxRight})`)
  assert.equal(await page.evaluate(() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth + 1), true, 'the page does not scroll sideways')
  await shot('case-long-email-1440.png')
})
