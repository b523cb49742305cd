// Every staff list's Excel export (platform/lists.h): the same query as the list, without paging.
// For each list and a few filter sets, the workbook has exactly the list's `total` rows, in the
// list's order, under Chinese headers; dates are date cells; an agency user's export holds only
// that agency's rows, like its list; a bad filter is refused as on the list.
//
// One server on the demo county (FAZHI_TODAY 2026-11-23). Workbooks are read with unzip(1).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { sharedWith } from './shared.mjs'
import { useServer, mkTemp, assertError, HAN, sqlNumber } from './lib.mjs'

const c = useServer()

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Each staff list: its path, its export's path, the filter sets asked with, the JSON key and the
 * export header that identify a row (compared in order), the header of the agency column (for
 * the agency user's rows, null where the list shows none), and a date column to check.
 */
const LISTS = [
  { path: '/api/cases', xlsx: '/api/cases.xlsx', key: ['number', '编号'], agency: '承办单位',
    date: ['received_on', '收到日期'],
    queries: ['', 'type=mailbox&state=handling', 'clock_status=red&sort=due_date', 'sort=-number&q=' + encodeURIComponent('路灯'), 'type=disclosure&sort=due_date'] },
  { path: '/api/reconsideration/cases', xlsx: '/api/reconsideration/cases.xlsx', key: ['number', '案号'], agency: null,
    date: ['received_on', '收到申请日期'],
    queries: ['', 'year=2026&sort=received_on', 'procedure=normal&sort=-due_date'] },
  { path: '/api/litigation/cases', xlsx: '/api/litigation/cases.xlsx', key: ['number', '案号'], agency: '被告',
    date: ['received_on', '收到起诉状日期'],
    queries: ['', 'outcome=uphold', 'sort=received_on'] },
  { path: '/api/enforcement/bodies', xlsx: '/api/enforcement/bodies.xlsx', key: ['name', '执法主体名称'], agency: '所属单位',
    date: ['published_on', '公告日期'],
    queries: ['', 'sort=-powers', 'status=published&sort=name'] },
  { path: '/api/enforcement/powers', xlsx: '/api/enforcement/powers/export.xlsx', key: ['code', '事项编码'], agency: '所属单位',
    date: ['updated_on', '更新日期'],
    queries: ['category=penalty&sort=code', 'q=' + encodeURIComponent('行政处罚'), 'category=licensing&status=active'] },
  { path: '/api/enforcement/officers', xlsx: '/api/enforcement/officers.xlsx', key: ['name', '姓名'], agency: '所属单位',
    date: null,
    queries: ['', 'below_target=1', 'sort=-hours&status=on_duty'] },
  { path: '/api/enforcement/certificates', xlsx: '/api/enforcement/certificates.xlsx', key: ['case_number', '申领案号'], agency: '所属单位',
    date: ['valid_until', '有效期至'],
    queries: ['', 'expiring=1', 'state=valid&sort=valid_until'] },
  { path: '/api/enforcement/reviews', xlsx: '/api/enforcement/reviews.xlsx', key: ['number', '案号'], agency: '执法单位',
    date: ['submitted_on', '提交审核日期'],
    queries: ['', 'status=pass', 'sort=-submitted_on'] },
  { path: '/api/enforcement/major-filings', xlsx: '/api/enforcement/major-filings.xlsx', key: ['number', '案号'], agency: '执法单位',
    date: ['decided_on', '决定日期'],
    queries: ['', 'state=due', 'sort=-decided_on'] },
  { path: '/api/enforcement/inspections', xlsx: '/api/enforcement/inspections.xlsx', key: ['number', '任务编号'], agency: '检查单位',
    date: ['drawn_on', '抽取日期'],
    queries: ['', 'state=published&sort=drawn_on', 'sort=due_date'] },
  { path: '/api/enforcement/inspection-entities', xlsx: '/api/enforcement/inspection-entities.xlsx', key: ['credit_code', '统一社会信用代码'], agency: '单位',
    date: null,
    queries: ['', 'entity_type=individual', 'sort=name'] },
  { path: '/api/enforcement/inspection-plans', xlsx: '/api/enforcement/inspection-plans.xlsx', key: ['name', '计划名称'], agency: '单位',
    date: ['period_from', '检查期间（起）'],
    queries: ['', 'sort=name'] },
  { path: '/api/disclosure/items', xlsx: '/api/disclosure/items.xlsx', key: ['index_no', '索引号'], agency: '发布单位',
    date: ['published_on', '公开日期'],
    queries: ['', 'category=penalty', 'q=' + encodeURIComponent('公开')] },
  { path: '/api/enforcement/publications', xlsx: '/api/enforcement/publications.xlsx', key: ['case_number', '案号'], agency: '执法单位',
    date: ['decided_on', '决定日期'],
    queries: ['', 'status=published&sort=published_on', 'overdue=1&sort=due_on', 'late=1'] },
  // The legality review queue and its points (review_legality.test.mjs drives them with records).
  { path: '/api/reviews', xlsx: '/api/reviews.xlsx', key: ['number', '审核编号'], agency: '送审单位',
    date: null,
    queries: ['', 'band=red&sort=due_date', 'kind=norm_doc&sort=-submitted_on'] },
  { path: '/api/reviews/points', xlsx: '/api/reviews/points.xlsx', key: ['point', '审核意见要点'], agency: '送审单位',
    date: null,
    queries: ['', 'adoption=adopted'] },
]

/** The first worksheet of a workbook as rows of cells {text, style, type}, through unzip(1). */
function readSheet (bytes) {
  const dir = mkTemp('fazhi-xlsx-')
  try {
    const f = path.join(dir, 'f.xlsx')
    fs.writeFileSync(f, bytes)
    const part = (entry) => {
      const r = spawnSync('unzip', ['-p', f, entry], { encoding: 'utf8', maxBuffer: 64 << 20 })
      return r.status === 0 ? r.stdout : ''
    }
    const unxml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    const shared = [...part('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)]
      .map((m) => unxml([...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')))
    const sheet = part('xl/worksheets/sheet1.xml')
    assert.ok(sheet, 'the workbook has a first worksheet')
    const rows = []
    for (const row of sheet.matchAll(/<row [^>]*r="(\d+)"[^>]*>(.*?)<\/row>/gs)) {
      const cells = []
      for (const cm of row[2].matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
        const col = [...cm[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
        const type = /t="(\w+)"/.exec(cm[2])?.[1] || 'n'
        const style = /s="(\d+)"/.exec(cm[2])?.[1]
        const v = /<v>(.*?)<\/v>/s.exec(cm[3] || '')?.[1]
        cells[col] = { text: v === undefined ? null : type === 's' ? shared[Number(v)] : unxml(v), type, style }
      }
      rows[Number(row[1]) - 1] = cells
    }
    return rows
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** An export's table: headers and the rows as objects keyed by header (blank cells null). */
async function exported (url, session) {
  const r = await c.get(url, { session })
  assert.equal(r.status, 200, `${url}: ${r.text}`)
  assert.equal(r.headers.get('content-type'), XLSX, url)
  assert.match(r.headers.get('content-disposition') || '', /\.xlsx/, url)
  const rows = readSheet(r.bytes)
  const headers = rows[0].map((x) => x.text)
  for (const h of headers) assert.match(h, HAN, `${url}: header ${h}`)
  const body = rows.slice(1).map((cells = []) => Object.fromEntries(headers.map((h, i) => [h, cells[i] || { text: null }])))
  return { headers, body }
}

/** A list's every row (pages of 100) and its total. */
async function listAll (p, q, session) {
  const items = []
  let total = 0
  for (let page = 1; ; page++) {
    const r = await c.get(`${p}?${q}${q ? '&' : ''}per_page=100&page=${page}`, { session })
    assert.equal(r.status, 200, `${p}?${q}: ${r.text}`)
    total = r.json.total
    items.push(...r.json.items)
    if (r.json.items.length < 100) break
  }
  assert.equal(items.length, total, `${p}?${q}: the pages hold the total`)
  return { items, total }
}

const DAY_MS = 86400000
/** A date cell's serial number (days since 1899-12-30) as YYYY-MM-DD. */
const serialDate = (n) => new Date(Date.UTC(1899, 11, 30) + Number(n) * DAY_MS).toISOString().slice(0, 10)

/** A row's value as the export should show it (the key's text; null stays blank). */
const shown = (v) => (v === null || v === undefined ? null : String(v))

for (const L of LISTS) {
  test(`${L.xlsx}: the same rows as ${L.path}, in order, for every filter set`, async () => {
    const s = await c.login('legal')
    let sawDate = false
    for (const q of L.queries) {
      const list = await listAll(L.path, q, s)
      const x = await exported(`${L.xlsx}${q ? '?' : ''}${q}`, s)
      assert.equal(x.body.length, list.total, `${L.xlsx}?${q}: ${x.body.length} rows, list total ${list.total}`)
      assert.ok(x.headers.includes(L.key[1]), `${L.xlsx}: header ${L.key[1]} in ${x.headers}`)
      assert.deepEqual(x.body.map((r) => r[L.key[1]].text), list.items.map((it) => shown(it[L.key[0]])), `${L.xlsx}?${q}: rows in the list's order`)
      if (L.date) {
        for (const [i, it] of list.items.entries()) {
          const cell = x.body[i][L.date[1]]
          if (!it[L.date[0]]) {
            assert.equal(cell.text, null)
            continue
          }
          assert.equal(cell.type, 'n', `${L.date[1]} is a date cell, not text`)
          assert.ok(cell.style, `${L.date[1]} has a date format`)
          assert.equal(serialDate(cell.text), it[L.date[0]])
          sawDate = true
        }
      }
    }
    if (L.date) assert.ok(sawDate, `${L.xlsx}: some rows have a ${L.date[1]}`)
  })
}

test('an agency user’s export holds only its agency’s rows (and the cases shared with it), like its list', async () => {
  for (const user of ['scj.clerk', 'zjj.head']) {
    const s = await c.login(user)
    const me = (await c.get('/api/session', { session: s })).json.user
    // Shared with the agency (tests/api/shared.mjs): the reconsideration cases it is the respondent
    // in (行政复议法 第48条), the petitions routed to it, the proposals it co-handles.
    const shared = sharedWith(c.db, me.agency_id, { numbers: true })
    for (const L of LISTS) {
      const q = L.queries[0]
      const list = await listAll(L.path, q, s)
      for (const it of list.items) assert.ok(it.agency_id === me.agency_id || shared.has(it.number), `${L.path} as ${user}: ${it.number}`)
      const x = await exported(`${L.xlsx}${q ? '?' : ''}${q}`, s)
      assert.equal(x.body.length, list.total, `${L.xlsx} as ${user}`)
      if (L.agency) for (const r of x.body) assert.ok(r[L.agency].text === me.agency_name || shared.has(r[L.key[1]]?.text), `${L.xlsx} as ${user}`)
      // Asking for another agency finds nothing, in the list and in the export alike.
      if (L.path === '/api/cases') {
        const other = (await c.agencies()).find((a) => a.agency_id !== me.agency_id && a.kind !== 'legal_office').agency_id
        const sharedOfOther = sqlNumber(c.db, `SELECT COUNT(*) FROM case_record WHERE agency_id = ${other} AND number IN` +
          ` (${[...shared].map((n) => `'${n}'`).join(',') || 'NULL'})`)
        assert.equal((await exported(`${L.xlsx}?agency_id=${other}`, s)).body.length, sharedOfOther)
      }
    }
    // The department sees only the reconsideration cases against it (they belong to the legal office) …
    assert.equal((await listAll('/api/reconsideration/cases', '', s)).total,
      sharedWith(c.db, me.agency_id, { type: 'reconsideration' }).size)
  }
  // … and the legal office sees every agency's.
  const legal = await c.login('legal')
  const agencies = new Set((await listAll('/api/cases', '', legal)).items.map((x) => x.agency_id))
  assert.ok(agencies.size > 3, 'the legal office sees several agencies')
})

test('the security record exports for the administrator only', async () => {
  const admin = await c.login('admin')
  const list = await listAll('/api/security/events', '', admin)
  const x = await exported('/api/security/events.xlsx', admin)
  assert.equal(x.body.length, list.total)
  assert.deepEqual(x.body.map((r) => r['序号'].text), list.items.map((it) => String(it.event_id)))
  assertError(await c.get('/api/security/events.xlsx', { session: await c.login('legal') }), 403, 'FORBIDDEN')
  assertError(await c.get('/api/cases.xlsx'), 401)
})

test('a bad filter or sort is refused by the export as by the list, naming the parameter', async () => {
  const s = await c.login('legal')
  for (const [p, q, field] of [
    ['/api/cases', 'type=nothing', 'type'], ['/api/cases', 'sort=title', 'sort'],
    ['/api/reconsideration/cases', 'procedure=fast', 'procedure'],
    ['/api/litigation/cases', 'outcome=win', 'outcome'],
    ['/api/enforcement/bodies', 'kind=bogus', 'kind'],
    ['/api/enforcement/powers', 'category=bogus', 'category'],
    ['/api/enforcement/officers', 'year=1999', 'year'],
    ['/api/enforcement/certificates', 'state=bogus', 'state'],
    ['/api/disclosure/items', 'category=bogus', 'category'],
  ]) {
    const L = LISTS.find((x) => x.path === p)
    const a = assertError(await c.get(`${p}?${q}`, { session: s }), 422, 'BAD_VALUE', field)
    const b = assertError(await c.get(`${L.xlsx}?${q}`, { session: s }), 422, 'BAD_VALUE', field)
    assert.equal(b.message, a.message)
    assert.match(b.message, HAN)
  }
})
