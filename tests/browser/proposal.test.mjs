// End-to-end test of a deputy's suggestion (人大代表建议, 代表法 第五十一条) through the browser,
// against a running `fazhi serve` with the demo county loaded:
//   the legal office registers a session (a closing day before the opening day is refused at its
//   field) → imports the session's list from Excel: the dry run shows the bad row, the corrected
//   file is checked and imported → assigns the item to the housing bureau (主办) with the
//   environment bureau as co-handler (协办) → the co-handler's clerk is told its period and gives
//   its opinion → the lead's clerk records the contact with the deputy and replies (B类) → the legal
//   office publishes the reply → the portal's 建议提案答复 lists it and shows it without any
//   author's name or delegation → the deputy is not satisfied: the office records it and the item
//   is handled again, the page showing round 2 and its new period.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import { BASE, TODAY, browserTest, page, sel, shot, waitForText, textOf, login, logout, perform, expectState, choose, typeDate } from './lib.mjs'

const field = (name, tag) => `${sel(name)} ${tag}, ${tag}${sel(name)}`

// ---- a small .xlsx, built as tests/api/proposal_import.test.mjs builds one ----
function zip (files) {
  const locals = []
  const central = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8')
    const nameBuf = Buffer.from(name, 'utf8')
    const crc = zlib.crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBuf.length, 26)
    locals.push(local, nameBuf, data)
    const cen = Buffer.alloc(46)
    cen.writeUInt32LE(0x02014b50, 0); cen.writeUInt16LE(20, 4); cen.writeUInt16LE(20, 6); cen.writeUInt16LE(0x0800, 8)
    cen.writeUInt32LE(crc, 16); cen.writeUInt32LE(data.length, 20); cen.writeUInt32LE(data.length, 24)
    cen.writeUInt16LE(nameBuf.length, 28); cen.writeUInt32LE(offset, 42)
    central.push(cen, nameBuf)
    offset += 30 + nameBuf.length + data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(files).length, 8)
  end.writeUInt16LE(Object.keys(files).length, 10); end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
function xlsx (rows) {
  const sheet = rows.map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => v == null ? ''
    : `<c r="${String.fromCharCode(65 + ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('') + '</row>').join('')
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  })
}
const XLSX_FILE = (name, rows) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx(rows) })

browserTest('a suggestion from import to a published reply, and re-handling after 不满意',
  { timeout: 300_000, failureShot: 'proposal-failure.png', pinClock: true }, scenario)

async function scenario() {
  await page.setViewportSize({ width: 1366, height: 900 })
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const sessionName = `测试县第十八届人民代表大会第七次会议${stamp}`
  const title = `关于改善城区老旧小区停车条件的建议${stamp}`
  const AUTHORS = ['欧阳明测', '司马静测']
  const UNITS = ['城关镇代表团测', '石桥镇代表团测']

  // 1. The legal office registers the session; a closing day before the opening day is refused at its field.
  await login('legal')
  await page.locator(sel('menu-prop-sessions')).click()
  await page.waitForURL((url) => url.pathname === '/app/proposal/sessions')
  await page.click(sel('ps-new'))
  const dlg = page.locator('.el-dialog').filter({ has: page.locator(sel('ps-form')) })
  await dlg.locator(field('ps-name', 'input')).fill(sessionName)
  await typeDate(dlg, sel('ps-opens-item'), '2026-11-10')
  await typeDate(dlg, sel('ps-closes-item'), '2026-11-08')
  await page.click(sel('ps-submit'))
  await waitForText('.el-dialog .el-form-item__error', '闭幕日期不能早于开幕日期')
  const errItem = page.locator('.el-dialog .el-form-item.is-error')
  assert.match(await errItem.locator('.el-form-item__label').textContent(), /闭幕日期/)
  await typeDate(dlg, sel('ps-closes-item'), '2026-11-12')
  await page.click(sel('ps-submit'))
  await dlg.waitFor({ state: 'hidden' })
  await waitForText(sel('ps-table'), sessionName)

  // 2. The import: the dry run names the bad row; the corrected file is checked, then imported.
  await page.locator(sel('menu-prop-import')).click()
  await page.waitForURL((url) => url.pathname === '/app/proposal/import')
  await choose(page, sel('pimp-session'), sessionName)
  const header = ['编号', '标题', '内容', '提出人', '代表团']
  const good = [`${stamp}-1`, title, '城区老旧小区停车位严重不足，建议利用闲置地块建设立体停车场。', AUTHORS.join('、'), UNITS.join('、')]
  await page.locator(`${sel('pimp-file')} input[type=file]`).setInputFiles(XLSX_FILE('建议.xlsx', [header, good, [`${stamp}-2`, '', '缺少标题的一行', '张测试', '龙泉镇代表团']]))
  await page.click(sel('pimp-check'))
  await waitForText(sel('pimp-summary'), '1 行有误，未导入任何数据')
  await waitForText(sel('pimp-errors'), '标题')
  assert.match(await textOf(`${sel('pimp-errors')} tbody tr:first-child td:first-child`), /^3$/)
  assert.ok(await page.locator(sel('pimp-commit')).isDisabled())
  await shot('proposal-import-dry-run.png')
  await page.locator(`${sel('pimp-file')} input[type=file]`).setInputFiles(XLSX_FILE('建议-修改.xlsx', [header, good]))
  await page.click(sel('pimp-check'))
  await waitForText(sel('pimp-summary'), '共 1 行，全部检查通过')
  await page.click(sel('pimp-commit'))
  await waitForText(sel('pimp-summary'), '已导入 1 件')
  await page.click(sel('pimp-open-list'))
  await page.waitForURL((url) => url.pathname === '/app/proposal/items')
  await waitForText(sel('pi-table'), title)
  await waitForText(sel('pi-state'), '待交办')
  await page.locator(sel('pi-link')).first().click()
  await page.waitForURL(/\/app\/cases\/\d+$/)
  const url = new URL(page.url()).pathname
  const caseId = url.split('/').pop()
  await expectState('待交办')
  await waitForText(sel('field-table-item'), AUTHORS[1])
  await waitForText(sel('field-table-item'), UNITS[1])

  // 3. Assignment: the housing bureau leads, the environment bureau co-handles.
  await perform('assign', async (dialog) => {
    await choose(dialog, sel('action-input-agency_id'), '住房和城乡建设局')
    // 协办单位: a multi-select of the agencies.
    await dialog.locator(sel('action-input-cohandlers')).first().click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: '生态环境分局' }).first().click()
    await dialog.locator(`${sel('action-input-cohandlers')} .el-select__selected-item`, { hasText: '生态环境分局' }).first().waitFor()
    await dialog.locator('.el-dialog__title').click()
    await waitForText('.el-dialog', '《代表法》第五十一条')
  })
  await expectState('办理中')
  await waitForText(sel('field-lead'), '住房和城乡建设局')
  await waitForText(sel('field-table-cohandlers'), '待提交意见')
  await logout()

  // 4. The co-handler's clerk is told its period and gives its opinion.
  await login('hbj.clerk')
  await page.goto(`${BASE}${url}`)
  await waitForText(sel('prop-notice'), '请在')
  await waitForText(sel('prop-notice'), '前提交协办意见')
  await perform('cohandle_last', (dialog) => dialog.locator(field('action-input-opinion', 'textarea')).first().fill('建设立体停车场须做好环境影响评价，施工期间落实扬尘防治措施。'))
  await waitForText(sel('field-table-cohandlers'), '已提交意见')
  await waitForText(sel('field-table-cohandlers'), '扬尘防治')
  await logout()

  // 5. The lead contacts the deputy, then replies (B类).
  await login('zjj.clerk')
  await page.goto(`${BASE}${url}`)
  await waitForText(sel('prop-notice'), '答复前应当与代表委员沟通')
  assert.equal(await page.locator(sel('action-reply')).count(), 0)
  await perform('contact', async (dialog) => {
    await typeDate(dialog, '[placeholder="请选择沟通日期"]', TODAY)
    await choose(dialog, sel('action-input-way'), '当面座谈')
    await dialog.locator(field('action-input-summary', 'textarea')).first().fill('与欧阳代表当面座谈，介绍停车场选址方案，代表表示认可。')
  })
  await waitForText(sel('field-table-contacts'), '当面座谈')
  await perform('reply', async (dialog) => {
    await choose(dialog, sel('action-input-result'), 'B类')
    await dialog.locator(field('action-input-reply_text', 'textarea')).first().fill('经研究，城区立体停车场已列入明年重点项目计划，选址和资金方案已基本确定，计划年底前开工建设。')
  })
  await expectState('已答复待反馈')
  await waitForText(sel('field-result'), 'B类')
  await waitForText(sel('field-on_time'), '按期')
  await page.locator(sel('prop-letter')).waitFor()
  await logout()

  // 6. The legal office publishes the reply.
  await login('legal')
  await page.goto(`${BASE}${url}`)
  await perform('publish')
  await waitForText(sel('field-published'), '已在门户网站公开')
  await shot('proposal-case.png')

  // 7. The portal's 建议提案答复 shows it, with no author's name or delegation anywhere.
  await page.goto(`${BASE}/`)
  await page.locator(sel('nav-interact')).hover()
  await page.locator(sel('nav-proposals')).click()
  await page.waitForURL((u) => u.pathname === '/proposals')
  await page.fill(field('ppl-q', 'input'), stamp)
  await page.click(sel('ppl-search'))
  await waitForText(sel('ppl-link'), title)
  await shot('proposal-portal-replies.png')
  let text = await page.locator('body').textContent()
  for (const s of [...AUTHORS, ...UNITS]) assert.ok(!text.includes(s), `the portal list shows ${s}`)
  await page.locator(sel('ppl-link')).first().click()
  await page.waitForURL((u) => u.pathname === `/proposals/${caseId}`)
  await waitForText(sel('ppo-reply'), '立体停车场已列入明年重点项目计划')
  await waitForText(sel('ppo-result'), 'B类')
  text = await page.locator('body').textContent()
  for (const s of [...AUTHORS, ...UNITS]) assert.ok(!text.includes(s), `the portal page shows ${s}`)

  // 8. The deputy is not satisfied: the item is handled again, round 2 with its own period.
  await page.goto(`${BASE}${url}`)
  await perform('dissatisfied', (dialog) => dialog.locator(field('action-input-comment', 'textarea')).first().fill('答复未明确开工时间，要求进一步落实。'))
  await expectState('办理中')
  await waitForText(sel('field-round'), '第 2 轮')
  await waitForText(sel('field-reply_due'), '年')
  await waitForText(sel('field-table-rounds'), '不满意：答复未明确开工时间')
  await waitForText('.group-title', '本轮尚未沟通')
  await logout()
  // The lead sees it back with a new contact required before the new reply.
  await login('zjj.clerk')
  await page.goto(`${BASE}${url}`)
  await waitForText(sel('prop-notice'), '答复前应当与代表委员沟通')
  await page.goto(`${BASE}/app/proposal/items?q=${stamp}`)
  await waitForText(sel('pi-table'), '重新办理')
  await logout()
}
