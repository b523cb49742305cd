// A session's suggestions or proposals imported from Excel: a dry run reports each row as the
// entry form would judge it and writes nothing; commit=1 writes the whole file or nothing; the
// authors' names are split on 、 and paired with their delegations (or one delegation for all).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import { useServer, assertError, sql } from './lib.mjs'

const c = useServer()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** A stored (uncompressed) ZIP of {name: string|Buffer}. */
function zip (files) {
  const locals = []
  const central = []
  let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8')
    const nameBuf = Buffer.from(name, 'utf8')
    const crc = zlib.crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0x0800, 6)
    local.writeUInt16LE(0, 8); local.writeUInt32LE(crc, 14); local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBuf.length, 26)
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
function col (i) { let s = ''; i++; while (i > 0) { s = String.fromCharCode(65 + (i - 1) % 26) + s; i = Math.floor((i - 1) / 26) } return s }

/** An .xlsx whose first sheet holds rows (arrays; null = empty cell) with inline strings. */
function xlsx (rows) {
  const sheet = rows.map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => v == null ? ''
    : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('') + '</row>').join('')
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  })
}

const HEADER = ['编号', '标题', '内容', '提出人', '代表团']
const count = () => Number(sql(c.db, 'SELECT (SELECT COUNT(*) FROM proposal_item) * 1000 + (SELECT COUNT(*) FROM case_record)')[0][0])

async function session () {
  const s = await c.login('legal')
  const r = await c.post('/api/proposal-sessions', { body: 'npc', name: `导入测试会次${Math.random().toString(36).slice(2, 8)}`, opens_on: '2026-01-08', closes_on: '2026-01-11' }, { session: s })
  assert.equal(r.status, 201, r.text)
  return r.json.session_id
}

async function upload (sid, bytes, query = '', user = 'legal') {
  const s = await c.login(user)
  return c.post(`/api/proposals/import?session_id=${sid}${query}`, bytes, { session: s, headers: { 'content-type': XLSX } })
}

const good = [
  ['1', '关于改善城区停车的建议', '建议增设公共停车泊位。', '张导入、李导入', '城关镇代表团、龙泉镇代表团'],
  ['2', '关于农村饮水安全的建议', '建议加快管网改造。', '王导入', '石桥镇代表团'],
  ['3', '关于校园安全的建议', '建议完善护学岗。', '赵导入、钱导入', '青石镇代表团'],
]

test('a dry run reports each row and writes nothing; a bad row keeps the whole file out', async () => {
  const sid = await session()
  const before = count()
  const rows = [HEADER, ...good, ['4', null, '没有标题', '孙导入', '河口镇代表团'], ['1', '重复编号', '内容', '周导入', null]]
  const r = await upload(sid, xlsx(rows))
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.imported, false)
  assert.equal(r.json.rows, 5)
  assert.equal(r.json.valid, 3)
  assert.equal(r.json.invalid, 2)
  assert.deepEqual(r.json.errors.map((e) => [e.row, e.field, e.column]), [[5, 'title', 'B'], [6, 'item_no', 'A']])
  assert.equal(count(), before)
  const all = await upload(sid, xlsx(rows), '&commit=1')
  assertError(all, 422, 'BAD_VALUE', 'file')
  assert.match(all.json.error.message, /第 5 行“标题”/)
  assert.equal(count(), before)
})

test('commit=1 imports every row with its authors and delegations', async () => {
  const sid = await session()
  const r = await upload(sid, xlsx([['青山县第十八届人大第六次会议代表建议'], HEADER, ...good]), '&commit=1')
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.imported, true)
  assert.equal(r.json.created.length, 3)
  const authors = sql(c.db, `SELECT i.item_no, a.name, a.unit FROM proposal_author a JOIN proposal_item i ON i.case_id = a.case_id WHERE i.session_id = ${sid} ORDER BY i.item_no, a.ord`)
  assert.deepEqual(authors, [
    ['1', '张导入', '城关镇代表团'], ['1', '李导入', '龙泉镇代表团'],
    ['2', '王导入', '石桥镇代表团'],
    ['3', '赵导入', '青石镇代表团'], ['3', '钱导入', '青石镇代表团'],
  ])
  const l = await c.get(`/api/proposals?session_id=${sid}`, { session: await c.login('legal') })
  assert.equal(l.json.total, 3)
  assert.ok(l.json.items.every((x) => x.state === 'pending'))
})

test('the session, the file and the role are checked first', async () => {
  const sid = await session()
  assertError(await upload(999999, xlsx([HEADER, ...good])), 422, 'BAD_VALUE', 'session_id')
  assertError(await upload(sid, xlsx([['无关', '表头'], ['a', 'b']])), 422, 'BAD_VALUE', 'file')
  assertError(await upload(sid, xlsx([['编号', '标题', '内容'], ['1', 't', 'c']])), 422, 'BAD_VALUE', 'file')
  const r = await upload(sid, xlsx([HEADER, ...good]), '&commit=1', 'zjj.clerk')
  assert.equal(r.status, 403)
})
