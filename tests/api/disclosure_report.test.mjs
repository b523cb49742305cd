// The annual information-disclosure report (政府信息公开工作年度报告, 条例 第49-50条, layout of
// 国办公开办函〔2021〕30号): table 三 counted by hand from the requests the API lists, the
// template's printed checks, a tampered record that breaks them and blocks publication, the
// prose, who may publish, agency scope, the Word and Excel exports, and `fazhi report`.
//
// One server, FAZHI_TODAY 2026-11-23, on the demo county (a year of requests up to today).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { useServer, assertError, mkTemp, sql, fazhiOk, TODAY } from './lib.mjs'

const c = useServer()
const YEAR = 2026
const LO = '2026-01-01'
const HI = '2026-12-31'

// Table 三's rows in template order (30号), and the columns.
// Each group's line comes first, then its numbered items, as the form prints them.
const ROW_KEYS = ['received', 'carried_in', 'disclose', 'partial',
  'withhold', 'withhold.secret', 'withhold.law', 'withhold.security', 'withhold.third_party', 'withhold.internal',
  'withhold.process', 'withhold.enforcement', 'withhold.query',
  'unable', 'unable.not_held', 'unable.needs_creation', 'unable.unclear',
  'refuse', 'refuse.petition', 'refuse.repeat', 'refuse.publication', 'refuse.excessive', 'refuse.confirm',
  'other', 'other.no_correction', 'other.no_fee', 'other.other', 'total', 'carried_out']
const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
const TYPES = ['natural', 'commercial', 'research', 'public_interest', 'legal_service', 'other_org']

// Where each reply type is counted, read off the template by hand: 已主动公开 is 予以公开
// (第36条（一）), and 不属于本机关公开 (第36条（五）) is 四.1 本机关不掌握.
const DETAIL_ROW = {
  disclose: 'disclose',
  already_public: 'disclose',
  partial: 'partial',
  not_ours: 'unable.not_held',
}
function detailRow (outcome) {
  if (outcome in DETAIL_ROW) return DETAIL_ROW[outcome]
  assert.match(outcome, /^(withhold|unable|refuse|other)\.[a-z_]+$/, `unknown outcome ${outcome}`)
  return outcome
}

/** Every disclosure request, with the detail fields the count needs, as the legal office sees them. */
async function allRequests () {
  const s = await c.login('legal')
  const rows = []
  let total = null
  for (let page = 1; ; page++) {
    const r = await c.get(`/api/cases?type=disclosure&per_page=100&page=${page}`, { session: s })
    assert.equal(r.status, 200, r.text)
    total = r.json.total
    rows.push(...r.json.items)
    if (r.json.items.length < 100) break
  }
  assert.equal(rows.length, total, 'the pages add up to the total')
  assert.ok(rows.length >= 100, 'the demo county has a year of requests')
  const out = []
  for (const row of rows) {
    assert.equal(row.case_type, 'disclosure')
    const d = await c.detail(row.case_id)
    const f = d.case.fields
    const ended = ['replied', 'withdrawn'].includes(d.case.state)
    // A request ends on the day it is replied to or withdrawn; that day is replied_on.
    assert.equal(Boolean(f.replied_on), ended, `case ${row.case_id}: replied_on ${f.replied_on} in state ${d.case.state}`)
    out.push({
      case_id: row.case_id,
      agency_id: row.agency_id,
      type: f.applicant_type,
      received: row.received_on,
      closed: ended ? f.replied_on : null,
      outcome: f.outcome,
    })
  }
  return out
}

/** Table 三 counted from the list: {rowKey: [7 numbers]}. */
function handCount (requests) {
  const t = Object.fromEntries(ROW_KEYS.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]]))
  const add = (key, col) => { t[key][col]++; t[key][6]++ }
  for (const q of requests) {
    const col = TYPES.indexOf(q.type)
    assert.ok(col >= 0, `case ${q.case_id}: applicant type ${q.type}`)
    if (q.received >= LO && q.received <= HI) add('received', col) // 一、本年新收
    if (q.received < LO && (!q.closed || q.closed >= LO)) add('carried_in', col) // 二、上年结转
    if (q.closed && q.closed >= LO && q.closed <= HI) { // 三、本年度办理结果
      const row = detailRow(q.outcome)
      add(row, col)
      if (row.includes('.')) add(row.split('.')[0], col) // its group （三）-（六）
      add('total', col) // （七）总计
    }
    if (q.received <= HI && (!q.closed || q.closed > HI)) add('carried_out', col) // 四、结转下年度
  }
  return t
}

function tableOf (report) {
  return Object.fromEntries(report.table3.rows.map((r) => [r.key, r.values]))
}

async function report (username = 'legal', query = '') {
  const r = await c.get(`/api/disclosure/report?year=${YEAR}${query}`, { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

/** Names of the entries of a zip file, through unzip(1). */
function zipEntries (bytes) {
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'f.zip')
    fs.writeFileSync(f, bytes)
    const r = spawnSync('unzip', ['-Z1', f], { encoding: 'utf8' })
    assert.equal(r.status, 0, `not a zip file: ${r.stderr}`)
    return r.stdout.split('\n').filter(Boolean)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function zipText (bytes, entry) {
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'f.zip')
    fs.writeFileSync(f, bytes)
    const r = spawnSync('unzip', ['-p', f, entry], { encoding: 'utf8', maxBuffer: 64 << 20 })
    assert.equal(r.status, 0, r.stderr)
    return r.stdout
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

test('the 2026 report has the template’s table 三 and reconciles on the demo data', async () => {
  const r = await report()
  assert.equal(r.year, YEAR)
  assert.equal(r.agency_id, 0)
  assert.equal(r.reconciled, true, JSON.stringify(r.mismatches))
  assert.deepEqual(r.mismatches, [])
  assert.equal(r.published_on, null)
  assert.deepEqual(r.table3.columns, COLUMNS)
  assert.deepEqual(r.table3.rows.map((x) => x.key), ROW_KEYS)
  assert.deepEqual(r.sections.map((s) => s.title), ['一、总体情况', '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况', '六、其他需要报告的事项'])
  assert.equal(r.table4.values.length, 15)
  for (const row of r.table3.rows) assert.equal(row.values.length, 7, row.key)
})

test('table 三 equals a count by hand of every request listed through the API', async () => {
  const requests = await allRequests()
  const hand = handCount(requests)
  const got = tableOf(await report())
  // Rows 一 and （七） first, as the brief of the template checks them.
  assert.deepEqual(got.received, hand.received, '一、本年新收 per applicant type')
  assert.deepEqual(got.total, hand.total, '（七）总计 per applicant type')
  assert.ok(hand.received[6] > 50 && hand.total[6] > 50, 'a real year, not an empty table')
  for (const k of ROW_KEYS) assert.deepEqual(got[k], hand[k], `row ${k}`)
  // And one agency's report is the count over its own requests.
  const scj = await c.agencyOf('scj.clerk')
  const mine = handCount(requests.filter((q) => q.agency_id === scj))
  const scjReport = tableOf(await report('legal', `&agency_id=${scj}`))
  for (const k of ROW_KEYS) assert.deepEqual(scjReport[k], mine[k], `scj row ${k}`)
})

test('an agency clerk gets the own agency’s report whatever is asked; another agency’s is 404', async () => {
  const scj = await c.agencyOf('scj.clerk')
  const zjj = await c.agencyOf('zjj.clerk')
  const mine = await report('scj.clerk')
  assert.equal(mine.agency_id, scj, 'agency_id forced to the clerk’s own')
  assert.equal(mine.agency_name, '青山县市场监督管理局')
  assert.match(mine.title, /青山县市场监督管理局2026年政府信息公开工作年度报告/)
  const byLegal = await report('legal', `&agency_id=${scj}`)
  assert.deepEqual(mine.table3, byLegal.table3)
  const county = await report('legal')
  assert.ok(mine.table3.rows[0].values[6] < county.table3.rows[0].values[6], 'less than the whole county')
  // agency_id=0 (the county) is not the clerk's to see either: the clerk still gets scj.
  assert.equal((await report('scj.clerk', '&agency_id=0')).agency_id, scj)
  const other = await c.get(`/api/disclosure/report?year=${YEAR}&agency_id=${zjj}`, { session: await c.login('scj.clerk') })
  assertError(other, 404, 'NOT_FOUND', 'agency_id')
  for (const f of ['report.docx', 'report.xlsx']) {
    const r = await c.get(`/api/disclosure/${f}?year=${YEAR}&agency_id=${zjj}`, { session: await c.login('scj.clerk') })
    assertError(r, 404, 'NOT_FOUND')
  }
})

test('the prose is saved by PUT and returned by GET; a clerk cannot publish (403)', async () => {
  const prose = {
    overall: '2026年，青山县持续深化政务公开，全年主动公开政府信息若干条。（测试保存）',
    problems: '部分单位主动公开不够及时，下一步将加强督促检查。',
    other: '本年度未收取信息处理费以外的费用。',
  }
  const put = await c.api('PUT', `/api/disclosure/report?year=${YEAR}`, { session: await c.login('legal'), body: prose })
  assert.equal(put.status, 200, put.text)
  const r = await report()
  const text = Object.fromEntries(r.sections.filter((s) => 'text' in s).map((s) => [s.key, s.text]))
  assert.equal(text.overall, prose.overall)
  assert.equal(text.problems, prose.problems)
  assert.equal(text.other, prose.other)
  assert.equal(r.published_on, null, 'saving is not publishing')
  // Only heads publish (agency clerks and legal staff alike); nothing is published.
  const before = sql(c.db, 'SELECT COUNT(*), COUNT(published_on) FROM disclosure_report')
  for (const u of ['scj.clerk', 'legal']) {
    const p = await c.post(`/api/disclosure/report/publish?year=${YEAR}`, {}, { session: await c.login(u) })
    assertError(p, 403, 'FORBIDDEN')
  }
  assertError(await c.api('PUT', `/api/disclosure/report?year=${YEAR}`, { session: await c.login('leader'), body: prose }),
    403, 'FORBIDDEN')
  assert.deepEqual(sql(c.db, 'SELECT COUNT(*), COUNT(published_on) FROM disclosure_report'), before)
  assert.equal((await report()).published_on, null)
})

test('a request closed without a report row breaks the checks; the report cannot be published', async () => {
  // A replied request of a withhold type, to tamper with in the database.
  const [row] = sql(c.db, "SELECT r.case_id, r.report_row, r.applicant_type FROM disclosure_request r" +
    " JOIN case_record c ON c.case_id = r.case_id WHERE c.state = 'replied' AND c.closed_on >= '2026-01-01'" +
    " AND r.report_row LIKE 'withhold.%' ORDER BY r.case_id LIMIT 1")
  assert.ok(row, 'the demo has a replied withhold request')
  const [caseId, reportRow, type] = row
  const col = TYPES.indexOf(type)
  const clean = await report()
  try {
    // 1. report_row NULL: the request still counts in （七）总计 (it was closed this year) but
    // in no detail row and so in no group: （七） is one more than the sum of （一）-（六）.
    sql(c.db, `UPDATE disclosure_request SET report_row = NULL WHERE case_id = ${Number(caseId)}`)
    let r = await report()
    assert.equal(r.reconciled, false)
    const rule7 = '（七）总计 = （一）至（六）之和'
    for (const k of [col, 6]) {
      const m = r.mismatches.find((x) => x.rule === rule7 && x.column === k)
      assert.ok(m, `mismatch ${rule7} in column ${k}: ${JSON.stringify(r.mismatches)}`)
      assert.equal(m.left - m.right, 1)
    }
    assert.equal(r.mismatches.length, col === 6 ? 1 : 2, JSON.stringify(r.mismatches))
    const t = tableOf(r)
    const t0 = tableOf(clean)
    assert.equal(t[reportRow][col], t0[reportRow][col] - 1, 'gone from its detail row')
    assert.equal(t.total[col], t0.total[col], 'still in 总计')
    const before = sql(c.db, 'SELECT COUNT(*), COUNT(published_on) FROM disclosure_report')
    const p = await c.post(`/api/disclosure/report/publish?year=${YEAR}`, {}, { session: await c.login('legalhead') })
    const e = assertError(p, 409, 'STATE')
    assert.match(e.message, /不平衡/)
    assert.deepEqual(sql(c.db, 'SELECT COUNT(*), COUNT(published_on) FROM disclosure_report'), before)

    // 2. a report row that is no row of the template: counted in its group （三） but in no
    // numbered row, so the group check fails.
    sql(c.db, `UPDATE disclosure_request SET report_row = 'withhold.bogus' WHERE case_id = ${Number(caseId)}`)
    r = await report()
    assert.equal(r.reconciled, false)
    const ruleG = '（三）不予公开 = 1 至 8 之和'
    for (const k of [col, 6]) {
      const m = r.mismatches.find((x) => x.rule === ruleG && x.column === k)
      assert.ok(m, `mismatch ${ruleG} in column ${k}: ${JSON.stringify(r.mismatches)}`)
      assert.equal(m.left - m.right, 1)
    }
    assert.ok(r.mismatches.every((x) => x.rule === ruleG), JSON.stringify(r.mismatches))
    assertError(await c.post(`/api/disclosure/report/publish?year=${YEAR}`, {}, { session: await c.login('legalhead') }), 409, 'STATE')
  } finally {
    sql(c.db, `UPDATE disclosure_request SET report_row = '${reportRow}' WHERE case_id = ${Number(caseId)}`)
  }
  const restored = await report()
  assert.equal(restored.reconciled, true)
  assert.deepEqual(restored.table3, clean.table3)
})

test('the Word and Excel exports are real files', async () => {
  const s = await c.login('legal')
  const docx = await c.get(`/api/disclosure/report.docx?year=${YEAR}`, { session: s })
  assert.equal(docx.status, 200, docx.text)
  assert.equal(docx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  assert.equal(docx.bytes.subarray(0, 2).toString('latin1'), 'PK')
  assert.ok(zipEntries(docx.bytes).includes('word/document.xml'))
  const doc = zipText(docx.bytes, 'word/document.xml')
  assert.match(doc, /政府信息公开工作年度报告/)
  assert.match(doc, /收到和处理政府信息公开申请情况/)

  const xlsx = await c.get(`/api/disclosure/report.xlsx?year=${YEAR}`, { session: s })
  assert.equal(xlsx.status, 200, xlsx.text)
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK')
  const entries = zipEntries(xlsx.bytes)
  assert.ok(entries.includes('xl/workbook.xml'), entries.join(' '))
  assert.ok(entries.includes('xl/worksheets/sheet2.xml'), `the sheets: ${entries.join(' ')}`)
})

test('`fazhi report disclosure --format json` prints the same table 三 as the API', async () => {
  const api = await report()
  const r = fazhiOk(['report', 'disclosure', '--db', c.db, '--year', String(YEAR), '--format', 'json'])
  const cli = JSON.parse(r.stdout)
  assert.equal(cli.year, YEAR)
  assert.deepEqual(cli.table3, api.table3)
  assert.equal(cli.reconciled, api.reconciled)
})

test('a report with a blank section is not published: 422 naming the section; nothing changes', async () => {
  const legal = await c.login('legal'), head = await c.login('legalhead')
  // Never written, section 五 comes back empty with an instruction beside it, not as its text
  // (YEAR - 2: the demo publishes last year's report, demo/reports.json).
  const fresh = (await c.get(`/api/disclosure/report?year=${YEAR - 2}`, { session: legal })).json
  const five = fresh.sections.find((s) => s.key === 'problems')
  assert.equal(five.text, '')
  assert.match(five.placeholder, /请填写/)
  const keep = Object.fromEntries((await report()).sections.filter((s) => 'text' in s).map((s) => [s.key, s.text]))
  const put = await c.api('PUT', `/api/disclosure/report?year=${YEAR}`, { session: legal, body: { problems: '  \n ' } })
  assert.equal(put.status, 200, put.text)
  const before = sql(c.db, 'SELECT COUNT(*), COUNT(published_on) FROM disclosure_report')
  const e = assertError(await c.post(`/api/disclosure/report/publish?year=${YEAR}`, {}, { session: head }), 422, 'MISSING_FIELD', 'problems')
  assert.match(e.message, /五、存在的主要问题及改进情况/)
  assert.deepEqual(sql(c.db, 'SELECT COUNT(*), COUNT(published_on) FROM disclosure_report'), before)
  assert.equal((await report()).published_on, null)
  const back = await c.api('PUT', `/api/disclosure/report?year=${YEAR}`, { session: legal, body: keep })
  assert.equal(back.status, 200, back.text)
})

test('a head publishes the reconciled report; it shows today’s date', async () => {
  const p = await c.post(`/api/disclosure/report/publish?year=${YEAR}`, {}, { session: await c.login('legalhead') })
  assert.equal(p.status, 200, p.text)
  assert.equal(p.json.published_on, TODAY)
  assert.equal((await report()).published_on, TODAY)
  // The saved prose survives publication.
  assert.match((await report()).sections[0].text, /测试保存/)
})

test('the published report is on the portal as it was published; later records do not move it', async () => {
  const head = await c.login('legalhead')
  // Listed on the portal, with the day it was published.
  const list = await c.get('/api/public/disclosure/reports')
  assert.equal(list.status, 200, list.text)
  const entry = list.json.items.find((x) => x.year === YEAR && x.agency_id === 0)
  assert.ok(entry, 'the county report is listed')
  assert.equal(entry.published_on, TODAY)
  assert.match(entry.title, new RegExp(`${YEAR}年政府信息公开工作年度报告$`))
  // The public read the figures and words of the publication, without the staff's working data.
  const staff = await report()
  const pub = await c.get(`/api/public/disclosure/reports/${YEAR}`)
  assert.equal(pub.status, 200, pub.text)
  for (const t of ['table2', 'table3', 'table4']) assert.deepEqual(pub.json[t], staff[t], t)
  assert.deepEqual(pub.json.sections.map((s) => s.text ?? null), staff.sections.map((s) => s.text ?? null))
  assert.equal(pub.json.mismatches, undefined)
  assert.ok(pub.json.sections.every((s) => !('draft' in s)), 'drafts are not published')
  assert.equal(staff.changed_since_publish, false)

  // A reconsideration application about information disclosure received afterwards changes
  // table 四 of the live figures only.
  const scj = await c.agencyOf('scj.clerk')
  const app = await c.post('/api/public/reconsideration', {
    applicant_name: '发布后申请人', applicant_type: 'natural', phone: '13807910000',
    respondent_agency_id: scj, act_type: 'disclosure', act_date: '2026-11-02', learned_on: '2026-11-03',
    requests: '请求责令被申请人公开所申请的政府信息', facts: '测试：年度报告发布后收到的复议申请。',
  })
  assert.equal(app.status, 201, app.text)
  await c.actOk(app.json.case_id, 'accept', 'legal', { procedure: 'normal' })
  const live = await report()
  assert.notDeepEqual(live.table4, pub.json.table4, 'the live figures moved')
  assert.equal(live.changed_since_publish, true, 'staff are told the report no longer matches the records')
  const again = await c.get(`/api/public/disclosure/reports/${YEAR}`)
  assert.deepEqual(again.json.table4, pub.json.table4, 'the published report did not move')
  const doc = await c.get(`/api/public/disclosure/reports/${YEAR}/report.docx`)
  assert.equal(doc.status, 200)
  assert.equal(doc.bytes.subarray(0, 2).toString(), 'PK')
  const xlsx = await c.get(`/api/public/disclosure/reports/${YEAR}/report.xlsx`)
  assert.equal(xlsx.status, 200)
  assert.equal(xlsx.bytes.subarray(0, 2).toString(), 'PK')

  // Publishing again puts the corrected report on the portal.
  const p = await c.post(`/api/disclosure/report/publish?year=${YEAR}`, {}, { session: head })
  assert.equal(p.status, 200, p.text)
  assert.equal(p.json.changed_since_publish, false)
  assert.deepEqual((await c.get(`/api/public/disclosure/reports/${YEAR}`)).json.table4, live.table4)
  // Each publication is on the audit trail with what was published.
  const events = sql(c.db, "SELECT COUNT(*) FROM event WHERE action = 'report_publish' AND after_json LIKE '%table3%'")
  assert.ok(Number(events[0][0]) >= 2, `publication events: ${events}`)
})

test('a report never published is 404 on the portal, in Chinese; a bad year too', async () => {
  for (const p of [`/api/public/disclosure/reports/${YEAR - 3}`, `/api/public/disclosure/reports/${YEAR - 3}/report.docx`,
    `/api/public/disclosure/reports/${YEAR}?agency_id=999999`, '/api/public/disclosure/reports/abc']) {
    const e = assertError(await c.get(p), 404, 'NOT_FOUND')
    assert.match(e.message, /[\u4e00-\u9fff]/, p)
  }
  assertError(await c.get(`/api/public/disclosure/reports/${YEAR}?agency_id=x`), 422, 'BAD_VALUE', 'agency_id')
})
