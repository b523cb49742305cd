// The power list (权责清单) in Excel: export, import as a dry run with a row-level report,
// all-or-nothing import, import of only the valid rows, the round trip of the export through the
// import, malformed workbooks, and a generated sheet of 2,000 items imported in well under 5 s.
//
// The workbooks are written here by a small .xlsx writer (inline strings, a stored ZIP), so the
// reader is also tested against a producer other than libxlsxwriter.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import { useServer, assertError, sql, sqlNumber, multipart } from './lib.mjs'

const c = useServer()

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADER = ['序号', '事项编码', '事项名称', '事项类别', '法律法规名称', '条款', '依据内容', '承办机构（责任岗位）', '责任事项', '追责情形']

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

function item (i, over = {}) {
  return [String(i), `T-IMP-${String(i).padStart(5, '0')}`, `对经营者未按规定公示价格的行政处罚（${i}）`, '行政处罚',
    '《中华人民共和国价格法》', '第四十二条', '经营者违反明码标价规定的，责令改正，没收违法所得，可以并处五千元以下的罚款。',
    '价格监督检查股', '立案、调查、审查、告知、决定、送达、执行', '违法实施处罚的，依法追究责任', ...(over.tail || [])]
}

async function scjBody () {
  const s = await c.login('scj.clerk')
  const r = await c.get('/api/enforcement/bodies?q=' + encodeURIComponent('青山县市场监督管理局'), { session: s })
  assert.equal(r.status, 200, r.text)
  return r.json.items.find((b) => b.name === '青山县市场监督管理局')
}

async function upload (bodyId, bytes, query = '', user = 'scj.clerk') {
  const s = await c.login(user)
  return c.post(`/api/enforcement/powers/import?body_id=${bodyId}${query}`, bytes, { session: s, headers: { 'content-type': XLSX } })
}

test('a dry run reports every bad row by row, column and field, and stores nothing', async () => {
  const body = await scjBody()
  const before = sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power')
  const events = sqlNumber(c.db, 'SELECT COUNT(*) FROM event')
  const rows = [['青山县市场监督管理局权责清单'], [], HEADER, item(1), item(2)]
  const bad1 = item(3); bad1[3] = '行政命令' //              unknown category (row 6)
  const bad2 = item(4); bad2[4] = '' //                      missing legal basis (row 7)
  const dup = item(1); dup[0] = '5' //                      duplicate code of row 4 (row 8)
  const taken = item(6); taken[1] = sql1(c.db) //           a code another body holds (row 9)
  rows.push(bad1, bad2, dup, taken)
  const r = await upload(body.body_id, xlsx(rows))
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.imported, false)
  assert.equal(r.json.rows, 6)
  assert.equal(r.json.valid, 2)
  assert.equal(r.json.invalid, 4)
  const byRow = Object.fromEntries(r.json.errors.map((e) => [e.row, e]))
  assert.equal(byRow[6].field, 'category'); assert.equal(byRow[6].column, 'D'); assert.match(byRow[6].message, /行政命令/)
  assert.equal(byRow[7].field, 'law_name'); assert.equal(byRow[7].column, 'E'); assert.match(byRow[7].message, /设定依据/)
  assert.equal(byRow[8].field, 'code'); assert.match(byRow[8].message, /与第 4 行重复/)
  assert.equal(byRow[9].field, 'code'); assert.match(byRow[9].message, /已被/)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power'), before)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM event'), events)

  // Committed without valid_only: refused as a whole with the report, still nothing stored.
  const all = await upload(body.body_id, xlsx(rows), '&commit=1')
  assert.equal(all.status, 422, all.text)
  assert.equal(all.json.error.code, 'BAD_VALUE')
  assert.equal(all.json.error.field, 'file')
  assert.match(all.json.error.message, /^共 4 行有误，未导入任何数据.*第 6 行“事项类别”/)
  assert.equal(all.json.errors.length, 4)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power'), before)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM event'), events)

  // valid_only: the two good rows, one audited event, versions recorded.
  const some = await upload(body.body_id, xlsx(rows), '&commit=1&valid_only=1&reason=' + encodeURIComponent('价格法配套清单'))
  assert.equal(some.status, 200, some.text)
  assert.equal(some.json.imported, true)
  assert.equal(some.json.created, 2)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power'), before + 2)
  assert.equal(sqlNumber(c.db, "SELECT COUNT(*) FROM event WHERE action = 'power_import'"), 1)
  assert.equal(sqlNumber(c.db, "SELECT COUNT(*) FROM enf_power_version v JOIN enf_power i USING (item_id) WHERE i.code = 'T-IMP-00001' AND v.reason = '价格法配套清单'"), 1)
})

function sql1 (db) {
  return sql(db, "SELECT code FROM enf_power WHERE code LIKE 'QS-jtj-%' LIMIT 1")[0][0]
}

test('malformed workbooks are refused with a clear message naming the file', async () => {
  const body = await scjBody()
  const cases = [
    [Buffer.from('序号,事项编码\n1,A\n'), /不是 Excel/],
    [Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]), /损坏/],
    [zip({ 'xl/workbook.xml': '<workbook/>' }), /没有第一个工作表/],
    [zip({ 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>' }), /共享字符串不存在/],
    [zip({ 'xl/worksheets/sheet1.xml': '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>' }), /意外结束|未闭合/],
    [zip({ 'xl/worksheets/sheet1.xml': '<!DOCTYPE x [<!ENTITY a "b">]><worksheet><sheetData/></worksheet>' }), /DOCTYPE/],
    [xlsx([['甲', '乙'], ['1', '2']]), /没有找到表头/],
    [xlsx([['事项编码', '事项名称']]), /缺少“事项类别”列/],
  ]
  for (const [bytes, re] of cases) {
    const r = await upload(body.body_id, bytes, '&commit=1')
    assert.ok([413, 422].includes(r.status), r.text)
    const e = assertError(r, r.status, null, 'file')
    assert.match(e.message, re)
  }
})

test('multipart upload, and the export round-trips through the import unchanged', async () => {
  const body = await scjBody()
  const s = await c.login('scj.clerk')
  const exp = await c.get(`/api/enforcement/powers.xlsx?body_id=${body.body_id}`, { session: s })
  assert.equal(exp.status, 200)
  assert.equal(exp.bytes.subarray(0, 2).toString('latin1'), 'PK')
  const n = sqlNumber(c.db, `SELECT COUNT(*) FROM enf_power WHERE body_id = ${body.body_id} AND status = 'active'`)
  const m = multipart('权责清单.xlsx', exp.bytes)
  const r = await c.post(`/api/enforcement/powers/import?body_id=${body.body_id}&commit=1`, m.body, { session: s, headers: m.headers })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.invalid, 0, JSON.stringify(r.json.errors.slice(0, 3)))
  assert.equal(r.json.rows, n)
  assert.equal(r.json.unchanged, n)
  assert.equal(r.json.created + r.json.updated, 0)
})

test('an agency user cannot import into another agency\'s body', async () => {
  const body = await scjBody()
  const r = await upload(body.body_id, xlsx([HEADER, item(9001)]), '&commit=1', 'zjj.clerk')
  assertError(r, 422, 'BAD_VALUE', 'body_id')
  assert.equal(sqlNumber(c.db, "SELECT COUNT(*) FROM enf_power WHERE code = 'T-IMP-09001'"), 0)
})

test('2,000 generated items import in well under 5 s, with the bad rows reported', async () => {
  const body = await scjBody()
  const rows = [HEADER]
  for (let i = 10000; i < 12000; i++) rows.push(item(i))
  rows[501][3] = '行政指导' // row 502: unknown category
  rows[1500][2] = '' //          row 1501: missing name
  const bytes = xlsx(rows)
  const dry = await upload(body.body_id, bytes)
  assert.equal(dry.status, 200, dry.text)
  assert.deepEqual(dry.json.errors.map((e) => [e.row, e.field]), [[502, 'category'], [1501, 'name']])
  const before = sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power')
  const t0 = performance.now()
  const r = await upload(body.body_id, bytes, '&commit=1&valid_only=1')
  const ms = performance.now() - t0
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.created, 1998)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power'), before + 1998)
  console.log(`# import of 2,000 rows (1,998 stored): ${ms.toFixed(0)} ms`)
  assert.ok(ms < 5000, `import took ${ms} ms`)
  // The imported items are searchable at once (FTS5 trigram).
  const s = await c.login('scj.clerk')
  const q = await c.get('/api/enforcement/powers?q=' + encodeURIComponent('明码标价') + `&body_id=${body.body_id}&per_page=5`, { session: s })
  assert.equal(q.status, 200)
  assert.ok(q.json.total >= 1998, q.text.slice(0, 200))
})
