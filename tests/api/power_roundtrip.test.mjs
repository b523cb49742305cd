// The power list's round trip (权责清单): "下载现有清单（导入格式）" of one enforcement body holds
// that body's items and nothing else, and importing it back into the same body reports a summary
// that adds up, already in the dry run (有效行 = 新增 + 更新 + 未变, rows with errors counted apart):
// the export itself is all 未变; a file mixing new, changed, unchanged and bad rows reports each
// kind, the dry run exactly as the commit then does.
//
// The mixed workbook is written here (inline strings, a stored ZIP), from the stored items.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { spawnSync } from 'node:child_process'
import { useServer, sql, sqlNumber, mkTemp } from './lib.mjs'

const c = useServer()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const HEADER = ['序号', '事项编码', '事项名称', '事项类别', '法律法规名称', '条款', '依据内容', '承办机构（责任岗位）', '责任事项', '追责情形']
const FIELDS = 'code, name, category, law_name, article, basis_text, post, duties, accountability'

/** A stored (uncompressed) ZIP of {name: string}. */
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
function col (i) { let s = ''; i++; while (i > 0) { s = String.fromCharCode(65 + (i - 1) % 26) + s; i = Math.floor((i - 1) / 26) } return s }
function xlsx (rows) {
  const sheet = rows.map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => v == null || v === '' ? ''
    : `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('') + '</row>').join('')
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  })
}

/** How many rows the export's first sheet has (every row, header and title included). */
function sheetRows (bytes) {
  const dir = mkTemp('fazhi-xlsx-')
  try {
    const f = path.join(dir, 'f.xlsx')
    fs.writeFileSync(f, bytes)
    const r = spawnSync('unzip', ['-p', f, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    assert.equal(r.status, 0, r.stderr)
    return (r.stdout.match(/<row[ >]/g) || []).length
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function importFile (user, bodyId, bytes, query = '') {
  return c.post(`/api/enforcement/powers/import?body_id=${bodyId}${query}`, bytes,
    { session: await c.login(user), headers: { 'content-type': XLSX } })
}

function addsUp (j, what) {
  assert.equal(j.valid, j.created + j.updated + j.unchanged, `${what}: 有效行 ${j.valid} = 新增 ${j.created} + 更新 ${j.updated} + 未变 ${j.unchanged}`)
  assert.equal(j.rows, j.valid + j.invalid, `${what}: rows`)
  assert.equal(new Set(j.errors.map((e) => e.row)).size, j.invalid, `${what}: one row with errors per invalid row`)
}

/** Bodies with items, with an editor account of their agency. */
function bodies () {
  return sql(c.db, "SELECT b.body_id, b.agency_id, COUNT(p.item_id), (SELECT MIN(username) FROM app_user u WHERE u.agency_id = b.agency_id AND u.role = 'agency_clerk')" +
    " FROM enf_body b JOIN enf_power p ON p.body_id = b.body_id AND p.status = 'active' GROUP BY b.body_id ORDER BY COUNT(p.item_id) DESC")
    .map(([id, agency, n, user]) => ({ id: Number(id), agency: Number(agency), n: Number(n), user }))
}

test('the export of one body holds that body’s items only, and its dry-run import is all 未变', async () => {
  const list = bodies()
  assert.ok(list.length >= 3)
  const total = sqlNumber(c.db, "SELECT COUNT(*) FROM enf_power WHERE status = 'active'")
  for (const b of [list[0], list[Math.floor(list.length / 2)], list.at(-1)]) {
    for (const user of ['legal', b.user].filter(Boolean)) {
      const exp = await c.get(`/api/enforcement/powers.xlsx?body_id=${b.id}`, { session: await c.login(user) })
      assert.equal(exp.status, 200, exp.text)
      const rows = sheetRows(exp.bytes)
      assert.ok(rows >= b.n + 1 && rows <= b.n + 3, `body ${b.id} as ${user}: ${rows} sheet rows for ${b.n} items (county: ${total})`)
      const r = await importFile(user, b.id, exp.bytes)
      assert.equal(r.status, 200, r.text)
      assert.equal(r.json.imported, false)
      assert.equal(r.json.invalid, 0, JSON.stringify(r.json.errors.slice(0, 2)))
      assert.equal(r.json.valid, b.n)
      assert.equal(r.json.unchanged, b.n, `body ${b.id}: the file as exported changes nothing`)
      addsUp(r.json, `body ${b.id} as ${user}`)
    }
  }
})

test('a mixed file: the dry run reports new, changed, unchanged and bad rows, and the commit does the same', async () => {
  const [b, other] = bodies()
  const items = sql(c.db, `SELECT ${FIELDS} FROM enf_power WHERE body_id = ${b.id} AND status = 'active' ORDER BY code LIMIT 3`)
  // A code another body uses: refused for this one.
  const foreign = sql(c.db, `SELECT code FROM enf_power WHERE body_id = ${other.id} AND status = 'active' LIMIT 1`)[0]?.[0]
  const row = (i, v) => [String(i), ...v.map((x) => x == null ? null : String(x))]
  const changed1 = [...items[1]]; changed1[1] = `${changed1[1]}（修订）`
  const changed2 = [...items[2]]; changed2[7] = '立案、调查、审查、告知、决定、送达、执行、归档'
  const fresh = (k) => [`T-RT-${k}`, `往返测试新增事项（${k}）`, '行政检查', '《中华人民共和国行政处罚法》', '第五十四条',
    '行政机关在调查或者进行检查时，执法人员不得少于两人。', '综合执法股', '检查、记录、处理', '违法检查的，依法追究责任']
  const bad = [...fresh(9)]; bad[2] = '行政指导之外'
  const rows = [HEADER, row(1, items[0]), row(2, changed1), row(3, changed2), row(4, fresh(1)), row(5, fresh(2)), row(6, bad)]
  if (foreign) { const f = [...fresh(8)]; f[0] = foreign; rows.push(row(7, f)) }
  const file = xlsx(rows)
  const user = b.user || 'legal'
  const dry = await importFile(user, b.id, file)
  assert.equal(dry.status, 200, dry.text)
  const expect = { valid: 5, created: 2, updated: 2, unchanged: 1, invalid: foreign ? 2 : 1 }
  for (const [k, v] of Object.entries(expect)) assert.equal(dry.json[k], v, `dry run ${k}`)
  addsUp(dry.json, 'dry run')
  const before = sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power')
  const done = await importFile(user, b.id, file, '&commit=1&valid_only=1')
  assert.equal(done.status, 200, done.text)
  assert.equal(done.json.imported, true)
  for (const [k, v] of Object.entries(expect)) assert.equal(done.json[k], v, `commit ${k}`)
  addsUp(done.json, 'commit')
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power'), before + 2)
  // Imported again, nothing is new or changed any more; the bad rows are still counted apart.
  const again = await importFile(user, b.id, file)
  for (const [k, v] of Object.entries({ valid: 5, created: 0, updated: 0, unchanged: 5 })) assert.equal(again.json[k], v, `again ${k}`)
  addsUp(again.json, 'again')
})
