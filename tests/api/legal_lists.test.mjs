// The legal affairs' lists and their Excel exports (docs/legal.md): for each list and several filter
// sets, the workbook holds exactly the list's rows in the list's order under Chinese headers, dates
// as date cells; an agency user's list and export hold only its agency's rows; a bad filter is 422
// naming the parameter, in the list and in the export alike.
//
// One server on the demo county (FAZHI_TODAY 2026-11-23). Workbooks are read with unzip(1).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { useServer, mkTemp, assertError, HAN } from './lib.mjs'

const c = useServer()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const LISTS = [
  { path: '/api/legal/contracts', key: ['number', '登记编号'], agency: '承办单位', date: ['signed_on', '签订日期'],
    queries: ['', 'signed_year=2026&sort=-amount', 'state=performing&sort=due_date', 'kind=construction', 'q=' + encodeURIComponent('合同')] },
  { path: '/api/legal/matters', key: ['number', '登记编号'], agency: '提请单位', date: ['received_on', '收到日期'],
    queries: ['', 'answered_year=2025&sort=answered_on', 'on_time=1&kind=letter', 'state=handling'] },
  { path: '/api/legal/advisers', key: ['name', '姓名'], agency: null, date: ['term_to', '聘任期止'],
    queries: ['', 'kind=public_lawyer', 'active=1&sort=name'] },
  { path: '/api/legal/engagements', key: ['adviser_name', '法律顾问'], agency: '聘请单位', date: ['start_on', '服务期起'],
    queries: ['', 'year=2026&sort=-fee'] },
  { path: '/api/legal/milestones', key: ['title', '履行节点'], agency: '承办单位', date: ['due_on', '约定期限'],
    queries: ['', 'open=1', 'remind=1', 'due_year=2025'] },
  { path: '/api/legal/disputes', key: ['summary', '争议事项'], agency: '承办单位', date: ['raised_on', '发生日期'],
    queries: ['', 'year=2026', 'kind=litigation'] },
  { path: '/api/legal/adviser-opinions', key: ['summary', '意见摘要'], agency: '单位', date: ['given_on', '日期'],
    queries: ['', 'year=2026&kind=meeting', 'type=legal_matter'] },
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
  test(`${L.path}.xlsx: the same rows as ${L.path}, in order, for every filter set`, async () => {
    const s = await c.login('legal')
    let sawDate = false
    for (const q of L.queries) {
      const list = await listAll(L.path, q, s)
      assert.ok(q === '' || list.total > 0 || q.includes('litigation') || q.includes('remind'), `${L.path}?${q}: the demo has rows`)
      const x = await exported(`${L.path}.xlsx${q ? '?' : ''}${q}`, s)
      assert.equal(x.body.length, list.total, `${L.path}.xlsx?${q}`)
      assert.ok(x.headers.includes(L.key[1]), `${L.path}.xlsx: header ${L.key[1]} in ${x.headers}`)
      assert.deepEqual(x.body.map((r) => r[L.key[1]].text), list.items.map((it) => shown(it[L.key[0]])), `${L.path}.xlsx?${q}: order`)
      for (const [i, it] of list.items.entries()) {
        const cell = x.body[i][L.date[1]]
        if (!it[L.date[0]]) { assert.equal(cell.text, null); continue }
        assert.equal(cell.type, 'n', `${L.date[1]} is a date cell`)
        assert.equal(serialDate(cell.text), it[L.date[0]])
        sawDate = true
      }
    }
    assert.ok(sawDate, `${L.path}: some rows have a ${L.date[1]}`)
  })
}

test('an agency user’s lists and exports hold only its agency’s rows', async () => {
  const s = await c.login('zjj.clerk')
  const zjj = await c.agencyOf('zjj.clerk')
  const [name] = (await c.agencies()).filter((a) => a.agency_id === zjj).map((a) => a.name)
  for (const L of LISTS.filter((x) => x.agency)) {
    const list = await listAll(L.path, '', s)
    for (const it of list.items) assert.equal(it.agency_id, zjj, `${L.path}: ${JSON.stringify(it).slice(0, 120)}`)
    const x = await exported(`${L.path}.xlsx`, s)
    assert.equal(x.body.length, list.total)
    for (const r of x.body) assert.equal(r[L.agency].text, name, L.path)
  }
  assert.ok((await listAll('/api/legal/contracts', '', s)).total > 0, 'zjj has contracts in the demo')
})

test('a bad filter or sort is refused naming the parameter, by the list and the export alike', async () => {
  const s = await c.login('legal')
  for (const [p, q, field] of [['/api/legal/contracts', 'kind=gift', 'kind'], ['/api/legal/contracts', 'state=lost', 'state'],
    ['/api/legal/contracts', 'signed_year=20x6', 'signed_year'], ['/api/legal/matters', 'kind=gossip', 'kind'],
    ['/api/legal/matters', 'sort=colour', 'sort'], ['/api/legal/milestones', 'remind=2', 'remind'],
    ['/api/legal/adviser-opinions', 'type=nothing', 'type'], ['/api/legal/advisers', 'kind=friend', 'kind']]) {
    assertError(await c.get(`${p}?${q}`, { session: s }), 422, 'BAD_VALUE', field)
    assertError(await c.get(`${p}.xlsx?${q}`, { session: s }), 422, 'BAD_VALUE', field)
  }
})
