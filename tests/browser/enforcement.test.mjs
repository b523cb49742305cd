// End-to-end test of enforcement bodies, power lists, officers and certificates (执法主体、权责清单、
// 执法人员与执法证件) through the browser, against a running `fazhi serve` with the demo county:
//   the legal office browses the bodies and a body's power list → imports a power-list workbook
//   with a bad row, sees the row-level report, imports only the valid rows and finds an imported
//   item by search → records an exam result and issues the certificate in batch → sets the holder
//   to 调离, and the withdrawal task shows on the officer, the certificate's clocks and the
//   supervision page → the public lookup answers for valid, expired, withdrawn and unknown
//   numbers → the statistics page shows the API's figures.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_TODAY, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import { createRequire } from 'node:module'
import {
  BASE, YEAR, XLSX, browserTest, page, sel, shot, shotNow, waitForText, login, logout, expectState, choose,
  fetchBytes, getJson,
} from './lib.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
// The web application's own QR encoder (web/node_modules, installed by npm ci for the build), to
// check the printed card's code module by module.
const QRCode = createRequire(path.join(here, '..', '..', 'web', 'package.json'))('qrcode')
const fmtCn = (s) => `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`

// ---- a small .xlsx writer (inline strings in a stored ZIP), as the agencies' sheets are ----
function zip(files) {
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
const col = (i) => String.fromCharCode(65 + i)
function xlsx(rows) {
  const sheet = rows.map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => (v == null ? ''
    : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('') + '</row>').join('')
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  })
}
const HEADER = ['序号', '事项编码', '事项名称', '事项类别', '法律法规名称', '条款', '依据内容', '承办机构（责任岗位）', '责任事项', '追责情形']

// The pages count days from the browser's today: pinClock makes it the server's pinned day.
browserTest('enforcement: bodies, power-list import, batch exam and issue, transfer, public lookup, statistics',
  { timeout: 300_000, failureShot: 'failure-enforcement.png', pinClock: true }, scenario)

async function scenario() {
  const stamp = `B${Date.now().toString(36).toUpperCase()}`
  const BODY = '青山县市场监督管理局'

  // 1. The legal office browses the bodies, opens one, and its power list.
  await login('legal')
  await page.click(sel('menu-enf-bodies'))
  await page.waitForURL((url) => url.pathname === '/app/enforcement/bodies')
  await page.locator(`${sel('bodies-table')} ${sel('body-link')}`).first().waitFor()
  await shot('enf-bodies.png')
  await page.fill(sel('bodies-filter-q'), '市场监督')
  await page.click(sel('bodies-search'))
  await page.waitForURL((url) => url.searchParams.get('q') === '市场监督')
  await page.locator(sel('body-link'), { hasText: BODY }).first().click()
  await page.waitForURL((url) => /^\/app\/enforcement\/bodies\/\d+$/.test(url.pathname))
  const bodyId = Number(new URL(page.url()).pathname.split('/').pop())
  await waitForText(sel('body-name'), BODY)
  await page.locator(`${sel('body-power-counts')} .el-table__row`).first().waitFor()
  await page.locator(`${sel('body-officers')} .el-table__row`).first().waitFor()
  await shot('enf-body.png')
  await page.click(sel('body-change'))
  await page.locator(sel('body-change-dialog')).waitFor()
  await shot('enf-body-change-dialog.png')
  await page.keyboard.press('Escape')
  await page.locator(sel('body-change-dialog')).waitFor({ state: 'hidden' })
  await page.click(sel('body-powers-link'))
  await page.waitForURL((url) => url.pathname === '/app/enforcement/powers' && url.searchParams.get('body_id') === String(bodyId))
  await page.locator(`${sel('powers-table')} ${sel('power-name')}`).first().waitFor()
  const apiPowers = await getJson(`/api/enforcement/powers?body_id=${bodyId}&per_page=1`)
  await waitForText(sel('powers-total'), `共 ${apiPowers.total.toLocaleString('zh-CN')} 条`)
  await shot('enf-powers.png')
  await page.locator(sel('power-name')).first().click()
  await page.locator(sel('power-versions')).waitFor()
  await shot('enf-power-drawer.png')
  await page.keyboard.press('Escape')
  await page.click(sel('menu-enf-counts'))
  await page.locator(`${sel('counts-bodies')} .el-table__row`).first().waitFor()
  await shot('enf-power-counts.png')

  // 2. Import a workbook with one bad row: the dry run reports it by row and column, 全部导入 is
  //    refused while it is there, and 仅导入有效行 stores the other rows.
  const code = (i) => `${stamp}-${i}`
  const good = (i) => [String(i), code(i), `对经营者${stamp}号价格违法行为的行政处罚（${i}）`, '行政处罚', '《中华人民共和国价格法》', '第四十二条',
    '经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。', '价格监督检查股', '立案、调查、决定、送达', '违法实施处罚的，依法追究责任']
  const bad = good(3); bad[3] = '行政命令'
  const workbook = xlsx([[`${BODY}权责清单`], HEADER, good(1), good(2), bad, good(4)])
  await page.click(sel('menu-enf-import'))
  await page.waitForURL((url) => url.pathname === '/app/enforcement/powers/import')
  await choose(page, sel('import-body'), BODY)
  await page.fill(sel('import-reason'), '浏览器测试导入')
  await page.setInputFiles(`${sel('import-file')} input[type=file]`, { name: '权责清单.xlsx', mimeType: XLSX, buffer: workbook })
  await page.locator(`${sel('import-errors')} .el-table__row`).first().waitFor()
  await waitForText(sel('import-rows'), '4')
  await waitForText(sel('import-valid'), '3')
  await waitForText(sel('import-invalid'), '1')
  const errRow = await page.locator(`${sel('import-errors')} .el-table__row`).first().innerText()
  assert.match(errRow, /5\s+D\s+事项类别/, errRow)
  assert.match(errRow, /行政命令/)
  assert.equal(await page.locator(sel('import-all')).isDisabled(), true, '全部导入 is refused while a row is invalid')
  await shot('enf-import-report.png')
  await page.click(sel('import-valid-only'))
  await page.locator(sel('import-done')).waitFor()
  await waitForText(sel('import-done'), '新增 3 项')
  await shot('enf-import-done.png')
  await page.click(sel('import-view'))
  await page.waitForURL((url) => url.pathname === '/app/enforcement/powers')
  await page.fill(sel('powers-filter-q'), code(2))
  await page.click(sel('powers-search'))
  await waitForText(sel('powers-table'), code(2))
  await waitForText(sel('powers-total'), '共 1 条')
  assert.equal((await getJson(`/api/enforcement/powers?q=${encodeURIComponent(code(3))}`)).total, 0, 'the bad row was not stored')
  await shot('enf-powers-search.png')

  // 3. Batch exam result, then batch issue, for one application waiting for its exam.
  const trained = (await getJson('/api/enforcement/certificates?state=trained&per_page=1&sort=name')).items[0]
  assert.ok(trained, 'the demo has an application waiting for its exam')
  await page.click(sel('menu-enf-batch-exam'))
  await page.waitForURL((url) => url.pathname === '/app/enforcement/certificates/batch-exam')
  const examInput = page.locator(`${sel(`batch-score-${trained.case_id}`)} input`)
  await examInput.waitFor()
  await examInput.fill('88')
  await examInput.press('Tab')
  await page.locator(`${sel('batch-table')} .el-table__row`, { has: page.locator(sel(`batch-score-${trained.case_id}`)) }).locator('.el-checkbox').first().click()
  // The batch's answer says what each row did: the page reads no case back.
  const readBacks = []
  const onRequest = (r) => { if (r.method() === 'GET' && /^\/api\/cases\/\d+$/.test(new URL(r.url()).pathname)) readBacks.push(r.url()) }
  page.on('request', onRequest)
  await waitForText(sel('batch-hint'), `合格分数线 ${(await getJson('/api/enforcement/meta')).settings.exam_pass_mark.value} 分`)
  await page.click(sel('batch-submit'))
  await waitForText(sel(`batch-result-${trained.case_id}`), '已登记：考试合格，待发证（88 分）')
  await shot('enf-batch-exam.png')
  await page.click(sel('menu-enf-batch-issue'))
  await page.waitForURL((url) => url.pathname === '/app/enforcement/certificates/batch-issue')
  const areaInput = page.locator(`${sel(`batch-area-${trained.case_id}`)} input, input${sel(`batch-area-${trained.case_id}`)}`).first()
  await areaInput.waitFor()
  await areaInput.fill('青山县行政区域')
  await page.locator(`${sel('batch-table')} .el-table__row`, { has: areaInput }).locator('.el-checkbox').first().click()
  await page.click(sel('batch-submit'))
  await waitForText(sel(`batch-result-${trained.case_id}`), '已发证')
  await page.locator(sel(`batch-card-${trained.case_id}`)).waitFor()
  await shot('enf-batch-issue.png')
  page.off('request', onRequest)
  assert.deepEqual(readBacks, [], 'no case read back after a batch')
  const issued = await getJson(`/api/cases/${trained.case_id}`)
  await waitForText(sel(`batch-result-${trained.case_id}`), `已发证：${issued.case.fields.number}，有效期至 ${issued.case.fields.valid_until}`)
  assert.equal(issued.case.state, 'valid')
  const issuedNo = issued.case.fields.number
  assert.match(issuedNo, /^QS\d{9}$/)
  await page.goto(`${BASE}/app/cases/${trained.case_id}`)
  await expectState('有效')
  await waitForText(sel('field-number'), issuedNo)
  await waitForText(sel('case-clocks'), '证件有效期')
  // The expiry clock ends on the last day of validity, whatever calendar years are loaded.
  const expiry = issued.clocks.find((k) => k.name === 'expiry')
  assert.equal(expiry.unit, 'DAY')
  assert.equal(expiry.due_date, issued.case.fields.valid_until)
  await waitForText(sel('clock'), issued.case.fields.valid_until)
  await waitForText(sel('clock'), '天')
  await shot('enf-cert-detail.png')

  // 3b. The printable certificate card: its facts, and a QR code holding the public lookup URL.
  await page.click(sel('case-cert-card'))
  await page.waitForURL((url) => url.pathname === `/app/enforcement/certificates/${trained.case_id}/card`)
  await page.locator(sel('card-qr')).waitFor()
  const lookupUrl = `${BASE}/certificates/${issuedNo}`
  await waitForText(sel('card-url'), lookupUrl)
  // The demo sets no 门户网站公开地址: the card prints this browser's address, marked as such.
  assert.equal((await page.locator(sel('card-url')).innerText()).replace(/\s+/g, ''), `临时地址（未设置门户网站公开地址）${lookupUrl}`)
  await waitForText(sel('card-number'), issuedNo)
  await waitForText(sel('card-name'), trained.officer_name)
  await waitForText(sel('card-area'), '青山县行政区域')
  await waitForText(sel('card-validity'), fmtCn(issued.case.fields.valid_until))
  await page.locator(sel('card-photo')).waitFor()
  assert.equal(await page.locator(sel('cert-card-print')).isEnabled(), true)
  // The QR code is drawn, and it is the code of exactly that URL: each module's centre pixel on
  // the canvas is dark where the encoder's matrix has a dark module (error correction M, margin 2).
  const qr = await page.locator(sel('card-qr')).evaluate((cv) => {
    const d = cv.getContext('2d').getImageData(0, 0, cv.width, cv.height).data
    const dark = []
    for (let i = 0; i < d.length; i += 4) dark.push(d[i] < 128 ? 1 : 0)
    return { w: cv.width, h: cv.height, dark }
  })
  const matrix = QRCode.create(lookupUrl, { errorCorrectionLevel: 'M' }).modules
  const n = matrix.size
  const scale = qr.w / (n + 4)
  assert.equal(qr.w, qr.h)
  let wrong = 0
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const x = Math.floor(2 * scale + (c + 0.5) * scale)
      const y = Math.floor(2 * scale + (r + 0.5) * scale)
      if (qr.dark[y * qr.w + x] !== (matrix.get(r, c) ? 1 : 0)) wrong++
    }
  }
  assert.equal(wrong, 0, `${wrong} of ${n * n} QR modules differ from the code of ${lookupUrl}`)
  assert.ok(qr.dark.some((v) => v === 1) && qr.dark.some((v) => v === 0), 'the QR canvas is drawn')
  await shot('enf-cert-card.png')
  // As printed: the staff frame is hidden, the card alone.
  await page.emulateMedia({ media: 'print' })
  assert.equal(await page.locator('.staff-aside').isVisible(), false)
  assert.equal(await page.locator(sel('cert-card-print')).isVisible(), false)
  assert.equal(await page.locator(sel('card-qr')).isVisible(), true)
  await shotNow('enf-cert-card-print.png')
  await page.emulateMedia({ media: 'screen' })
  await page.goto(`${BASE}/app/cases/${trained.case_id}`)
  await expectState('有效')

  // 4. The holder is transferred (调离): the certificate must be withdrawn within the local rule's period.
  await page.click(sel('field-officer_name'))
  await page.waitForURL((url) => url.pathname === `/app/enforcement/officers/${trained.officer_id}`)
  await page.locator(sel('officer-training')).waitFor()
  await shot('enf-officer.png')
  await page.click(sel('officer-edit'))
  const dialog = page.locator(sel('officer-dialog'))
  await dialog.waitFor()
  await choose(page, sel('officer-status'), '调离')
  await page.locator(sel('officer-withdraw-warning')).waitFor()
  await shot('enf-officer-transfer.png')
  await page.click(sel('officer-submit'))
  await page.locator(sel('officer-withdrawal-task')).waitFor()
  await waitForText(sel('officer-status-tag'), '调离')
  await shot('enf-officer-withdrawal-task.png')
  await page.click(sel('officer-withdrawal-link'))
  await page.waitForURL((url) => url.pathname === `/app/cases/${trained.case_id}`)
  await expectState('待收回')
  await waitForText(sel('case-clocks'), '证件收回期限')
  const article = await page.locator(sel('clock'), { hasText: '证件收回期限' }).locator(sel('clock-article')).innerText()
  assert.match(article, /地方|规定/, article)
  await page.locator(sel('action-withdraw')).waitFor()
  await shot('enf-cert-to-withdraw.png')
  await page.click(sel('menu-supervision'))
  await page.locator(sel('sup-withdrawals')).waitFor()
  await waitForText(sel('sup-withdrawals'), trained.officer_name)
  await shot('enf-supervision.png')

  // 5. Lists of officers and certificates with their filters.
  await page.click(sel('menu-enf-officers'))
  await page.locator(`${sel('officers-table')} ${sel('officer-link')}`).first().waitFor()
  await page.click(`${sel('officers-filter-below')}`)
  await page.waitForURL((url) => url.searchParams.get('below_target') === '1')
  const below = await getJson('/api/enforcement/officers?below_target=1&per_page=1')
  await waitForText(sel('officers-total'), `共 ${below.total.toLocaleString('zh-CN')} 条`)
  await shot('enf-officers-below.png')
  await page.click(sel('menu-enf-certs'))
  await page.locator(`${sel('certs-table')} ${sel('cert-link')}`).first().waitFor()
  await page.goto(`${BASE}/app/enforcement/certificates?state=to_withdraw`)
  await waitForText(sel('certs-table'), trained.officer_name)
  await shot('enf-certs.png')

  // 6. Statistics: the figures are the API's.
  const stats = await getJson(`/api/enforcement/stats?year=${YEAR}`)
  await page.click(sel('menu-enf-stats'))
  await page.locator(sel('es-paragraph')).waitFor()
  await waitForText(sel('es-paragraph'), stats.paragraph.slice(0, 30))
  const fmt = (n) => Number(n).toLocaleString('zh-CN')
  for (const [key, value] of [['es-bodies', stats.bodies.total], ['es-powers', stats.powers.total], ['es-on-duty', stats.officers.on_duty],
    ['es-valid-now', stats.certificates.valid_now], ['es-issued', stats.certificates.issued], ['es-withdrawn', stats.certificates.withdrawn],
    ['es-expired', stats.certificates.expired], ['es-hours', stats.training.hours], ['es-below', stats.training.below_target]]) {
    const text = await page.locator(sel(key)).innerText()
    assert.ok(text.includes(fmt(value)), `${key}: "${text}" should show ${fmt(value)}`)
  }
  assert.equal((await page.locator(sel('es-pass-rate')).innerText()).trim(), `${stats.exam.pass_rate}%`)
  assert.equal((await page.locator(sel('es-paragraph')).innerText()).trim(), stats.paragraph)
  const x = await fetchBytes(`/api/enforcement/stats.xlsx?year=${YEAR}`)
  assert.equal(x.status, 200)
  assert.equal(x.body.subarray(0, 2).toString('latin1'), 'PK')
  await shot('enf-stats.png')

  // 7. The public lookup: valid, expired, withdrawn (demo), the one just transferred, and unknown.
  const valid = (await getJson('/api/enforcement/certificates?state=valid&sort=-valid_until&per_page=1')).items[0].number
  const expired = (await getJson('/api/enforcement/certificates?state=expired&per_page=1')).items[0].number
  const withdrawn = (await getJson('/api/enforcement/certificates?state=withdrawn&per_page=1')).items[0].number
  await logout()
  await page.goto(`${BASE}/`)
  await page.locator(sel('home-enf')).waitFor()
  await page.mouse.move(10, 700)
  await shot('enf-portal-home.png')
  await page.fill(sel('home-enf-input'), valid)
  await page.click(sel('home-enf-submit'))
  await page.waitForURL((url) => url.pathname === `/certificates/${valid}`)
  await waitForText(sel('lookup-verdict'), '证件有效')
  await waitForText(sel('portal-title'), '行政执法公示')
  await shot('enf-lookup-valid.png')
  const publicValid = await (await page.request.get(`${BASE}/api/public/certificates/${valid}`)).json()
  await waitForText(sel('lookup-name'), publicValid.name)
  await waitForText(sel('lookup-body'), publicValid.body_name)

  for (const [number, status, name] of [[expired, '已过期', 'enf-lookup-expired.png'], [withdrawn, '注销', 'enf-lookup-withdrawn.png']]) {
    await page.goto(`${BASE}/certificates/${number}`)
    await waitForText(sel('lookup-verdict'), '证件无效')
    await waitForText(sel('lookup-status'), status)
    await shot(name)
  }
  await page.goto(`${BASE}/certificates/${issuedNo}`)
  await waitForText(sel('lookup-verdict'), '证件无效')
  await page.goto(`${BASE}/certificates`)
  await page.fill(sel('lookup-input'), 'QS999999999')
  await page.click(sel('lookup-submit'))
  await page.waitForURL((url) => url.pathname === '/certificates/QS999999999')
  await waitForText(sel('lookup-error'), '没有找到该编号的执法证件')
  await shot('enf-lookup-unknown.png')

  // 8. The published power list, the bodies' announcement and a body's officers.
  await page.hover(sel('nav-enf'))
  await page.click(sel('nav-enf-powers'))
  await page.waitForURL((url) => url.pathname === '/enforcement/powers')
  await page.locator(`${sel('pub-powers-table')} ${sel('pub-power-link')}`).first().waitFor()
  await page.fill(sel('pub-powers-q'), code(1))
  await page.click(sel('pub-powers-search'))
  await waitForText(sel('pub-powers-table'), code(1))
  await shot('enf-portal-powers.png')
  await page.locator(sel('pub-power-link')).first().click()
  await page.waitForURL((url) => /^\/enforcement\/powers\/\d+$/.test(url.pathname))
  await waitForText(sel('power-fields'), code(1))
  await shot('enf-portal-power.png')
  await page.goto(`${BASE}/enforcement/bodies`)
  await page.locator(`${sel('pub-bodies-table')} ${sel('pub-body-link')}`).first().waitFor()
  await shot('enf-portal-bodies.png')
  await page.goto(`${BASE}/enforcement/bodies/${bodyId}`)
  await waitForText(sel('pub-body-name'), BODY)
  await page.locator(`${sel('pub-officers')} .el-table__row`).first().waitFor()
  await shot('enf-portal-body.png')
}
