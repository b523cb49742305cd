// Inspections (行政检查) and "双随机、一公开" (issue 10, inspections part): the directory of inspected
// entities imported from Excel (all or nothing, bad rows named) and exported; inspection plans per agency
// and year; the seeded random draw of entities and of two or more inspectors certified on the draw day,
// recorded in the audit chain and re-run here by an independent implementation of the documented
// algorithm; the tasks it creates, their result, the 20-working-day publication clock (a local setting)
// across the 2025 National Day and the 2026 Spring Festival; a finding that opens a penalty case, linked
// both ways; the portal's published results; agency scope.
//
// Days counted by hand from data/cn-calendar.csv (a working day is day 1 after the trigger):
//   2025: 09-28 Sun make-up working day; 10-01..10-08 国庆节、中秋节; 10-11 Sat make-up working day.
//   2026: 02-14 Sat make-up working day; 02-15..02-23 春节; 02-28 Sat make-up working day.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import zlib from 'node:zlib'
import { useServer, sql, sqlNumber, assertError, multipart } from './lib.mjs'

const c = useServer()
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

// ---- the unified social credit code (GB 32100-2015), written here from the standard --------------
const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
function creditCode (n, prefix = 'T33611') {
  const body = prefix + String(n).padStart(11, '0')
  let s = 0
  for (let i = 0; i < 17; i++) s += ALPHA.indexOf(body[i]) * WEIGHTS[i]
  return body + ALPHA[(31 - s % 31) % 31]
}
function badCheck (code) { // the same code with a wrong last character
  const i = ALPHA.indexOf(code[17])
  return code.slice(0, 17) + ALPHA[(i + 1) % 31]
}

// ---- a small .xlsx writer (stored ZIP, inline strings) --------------------------------------------
function zip (files) {
  const locals = []; const central = []; let offset = 0
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content, 'utf8'); const nameBuf = Buffer.from(name, 'utf8'); const crc = zlib.crc32(data)
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
  const cd = Buffer.concat(central); const end = Buffer.alloc(22); const n = Object.keys(files).length
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(n, 8); end.writeUInt16LE(n, 10)
  end.writeUInt32LE(cd.length, 12); end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const colName = (i) => String.fromCharCode(65 + i)
function xlsx (rows) {
  const sheet = rows.map((r, ri) => `<row r="${ri + 1}">` + r.map((v, ci) => v == null ? ''
    : `<c r="${colName(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('') + '</row>').join('')
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': '<workbook/>',
    'xl/worksheets/sheet1.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`,
  })
}
const HEADER = ['序号', '检查对象名称', '统一社会信用代码', '对象类型', '地址', '所属区域', '行业']
function entity (i, prefix, over = {}) {
  return [String(i), over.name ?? `青山县测试商贸有限公司${i}号店`, over.code ?? creditCode(i, prefix), over.type ?? '企业',
    `青山县城关镇建设路 ${i} 号`, '城关镇', '批发和零售业']
}
async function importSheet (rows, query = '&commit=1', user = 'scj.clerk') {
  return c.post(`/api/enforcement/inspection-entities/import?x=1${query}`, xlsx(rows),
    { session: await c.login(user), headers: { 'content-type': XLSX } })
}

// ---- the draw, re-implemented from docs/enforcement-inspection.md ----------------------------------
const MAX64 = (1n << 64n) - 1n
function pick (seed, stream, n, k) {
  const a = [...Array(n).keys()]; const out = []; let counter = 0
  for (let j = 0; j < k; j++) {
    const m = BigInt(n - j); const rem = (MAX64 % m + 1n) % m; let x
    do {
      x = crypto.createHash('sha256').update(seed).update(stream).update(':' + counter++).digest().readBigUInt64BE(0)
    } while (rem && x > MAX64 - rem)
    const r = j + Number(x % m); [a[j], a[r]] = [a[r], a[j]]; out.push(a[j])
  }
  return out
}
function rerun (draw) {
  const seed = Buffer.from(draw.seed, 'hex')
  const keys = (list) => list.split('\n').filter(Boolean).map((l) => l.split('\t')[0])
  const ents = keys(draw.entity_list); const offs = keys(draw.officer_list)
  return pick(seed, 'entities', ents.length, draw.entity_count).map((e, i) =>
    `${ents[e]}\t${pick(seed, `team-${i}`, offs.length, draw.team_size).map((o) => offs[o]).join(',')}\n`).join('')
}
const sha = (s) => crypto.createHash('sha256').update(s).digest('hex')

// ---- the demo county's records the tests need, found by the rule -----------------------------------
const agencyId = (code) => sqlNumber(c.db, `SELECT agency_id FROM agency WHERE code = '${code}'`)
function certified (body, day) {
  return sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${body} AND o.status = 'on_duty' AND x.cert_type = 'enforcement'` +
    " AND r.state IN ('valid', 'to_withdraw', 'withdrawn', 'expired')" +
    ` AND x.issued_on <= '${day}' AND x.valid_until >= '${day}' AND (x.ended_on IS NULL OR x.ended_on > '${day}')` +
    ' ORDER BY o.officer_id').map((r) => Number(r[0]))
}
const inspectionItems = (body) => sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${body} AND category = 'inspection' AND status = 'active' ORDER BY item_id`).map((r) => Number(r[0]))
/** The scj body with the most officers certified on every one of days. */
function scjBody (days) {
  const bodies = sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE a.code = 'scj' AND b.status = 'published'").map((r) => Number(r[0]))
  const score = (b) => Math.min(...days.map((d) => certified(b, d).length))
  const best = bodies.filter((b) => inspectionItems(b).length).sort((x, y) => score(y) - score(x))[0]
  assert.ok(score(best) >= 3, `an scj body has three officers certified on ${days}`)
  return best
}

function stored () {
  return sql(c.db, 'SELECT (SELECT COUNT(*) FROM case_record), (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_clock),' +
    ' (SELECT COUNT(*) FROM enf_insp_plan), (SELECT COUNT(*) FROM enf_insp_plan_power), (SELECT COUNT(*) FROM enf_insp_entity),' +
    ' (SELECT COUNT(*) FROM enf_insp_draw), (SELECT COUNT(*) FROM enf_inspection), (SELECT COUNT(*) FROM enf_inspection_officer),' +
    " (SELECT COUNT(*) FROM enf_penalty), (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'enf_inspection')," +
    " (SELECT group_concat(coalesce(inspected_on,'') || coalesce(published_on,'') || coalesce(penalty_case_id,'')) FROM enf_inspection)")[0].join('|')
}

async function plan (over = {}, user = 'scj.clerk') {
  const body = over.body_id
  return c.post('/api/enforcement/inspection-plans', {
    body_id: body, year: 2025, name: '2025年度食品经营者“双随机”抽查计划', draw_kind: 'number', draw_value: 3,
    period_from: '2025-03-01', period_to: '2025-12-31', power_ids: inspectionItems(body).slice(0, 1), scope: '食品经营许可、进货查验记录',
    ...over,
  }, { session: await c.login(user) })
}
async function planOk (over, user) {
  const r = await plan(over, user)
  assert.equal(r.status, 201, r.text)
  return r.json
}
async function draw (planId, body = {}, user = 'scj.clerk') {
  return c.post(`/api/enforcement/inspection-plans/${planId}/draws`, body, { session: await c.login(user) })
}
async function drawOk (planId, body, user) {
  const r = await draw(planId, body, user)
  assert.equal(r.status, 201, r.text)
  return r.json
}
function clock (d, name) {
  const k = d.clocks.find((x) => x.name === name)
  assert.ok(k, `clock ${name} in ${JSON.stringify(d.clocks.map((x) => x.name))}`)
  return k
}

let SCJ_DIR = false
/** Twelve scj entities in the directory (once). */
async function scjDirectory () {
  if (SCJ_DIR) return
  const r = await importSheet([HEADER, ...Array.from({ length: 12 }, (_, i) => entity(i + 1, 'T33611'))])
  assert.equal(r.status, 200, r.text)
  SCJ_DIR = true
}

test('GB 32100 check character: the generator here agrees with a published code', () => {
  assert.equal(creditCode(0, '913501').length, 18)
  // 91350100M000100Y43 is the standard's worked example; recompute its check character.
  let s = 0; const b = '91350100M000100Y4'
  for (let i = 0; i < 17; i++) s += ALPHA.indexOf(b[i]) * WEIGHTS[i]
  assert.equal(ALPHA[(31 - s % 31) % 31], '3')
})

test('directory import: a dry run names each bad row and field; a commit with one bad row stores nothing; a good sheet imports', async () => {
  const before = stored()
  const rows = [HEADER, entity(101, '923612'), entity(102, '923612', { code: badCheck(creditCode(102, '923612')) }),
    entity(103, '923612', { name: '' }), entity(104, '923612', { type: '外星组织' }), entity(105, '923612', { code: creditCode(101, '923612') })]
  const dry = await importSheet(rows, '')
  assert.equal(dry.status, 200, dry.text)
  assert.equal(dry.json.imported, false)
  assert.equal(dry.json.valid, 1)
  assert.equal(dry.json.invalid, 4)
  const byRow = Object.fromEntries(dry.json.errors.map((e) => [e.row, e]))
  assert.equal(byRow[3].field, 'credit_code'); assert.match(byRow[3].message, /校验码/)
  assert.equal(byRow[4].field, 'name'); assert.match(byRow[4].message, /检查对象名称/)
  assert.equal(byRow[5].field, 'entity_type'); assert.match(byRow[5].message, /外星组织/)
  assert.equal(byRow[6].field, 'credit_code'); assert.match(byRow[6].message, /与第 2 行重复/)
  assert.equal(stored(), before)
  const all = await importSheet(rows)
  assertError(all, 422, 'BAD_VALUE', 'file')
  assert.match(all.json.error.message, /共 4 行有误，未导入任何数据/)
  assert.equal(stored(), before)
  const good = await importSheet([HEADER, entity(101, '923612'), entity(106, '923612', { type: '个体工商户' })])
  assert.equal(good.status, 200, good.text)
  assert.equal(good.json.imported, true)
  assert.equal(good.json.created, 2)
  assert.equal(sqlNumber(c.db, `SELECT COUNT(*) FROM enf_insp_entity WHERE agency_id = ${agencyId('scj')} AND credit_code LIKE '923612%'`), 2)
  assert.equal(sql(c.db, `SELECT entity_type FROM enf_insp_entity WHERE credit_code = '${creditCode(106, '923612')}'`)[0][0], 'individual')
  assert.equal(sqlNumber(c.db, "SELECT COUNT(*) FROM event WHERE action = 'insp_entity_import'"), 1)
  // Imported again with a changed address: updated, not duplicated.
  const again = await importSheet([HEADER, entity(101, '923612', { name: '青山县测试商贸有限公司（更名）' })])
  assert.equal(again.json.updated, 1)
  assert.equal(sqlNumber(c.db, `SELECT COUNT(*) FROM enf_insp_entity WHERE credit_code = '${creditCode(101, '923612')}'`), 1)
  assert.equal(sql(c.db, `SELECT name FROM enf_insp_entity WHERE credit_code = '${creditCode(101, '923612')}'`)[0][0], '青山县测试商贸有限公司（更名）')
})

test('directory: the export re-imports unchanged; another agency neither sees the entities nor imports into scj', async () => {
  await scjDirectory()
  const s = await c.login('scj.clerk')
  const exp = await c.get('/api/enforcement/inspection-entities.xlsx?q=T33611', { session: s })
  assert.equal(exp.status, 200)
  assert.match(exp.headers.get('content-type'), /spreadsheetml/)
  const m = multipart('检查对象名录.xlsx', exp.bytes)
  const r = await c.post('/api/enforcement/inspection-entities/import?commit=1', m.body, { session: s, headers: m.headers })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.created, 0)
  assert.equal(r.json.updated, 12)
  const zjj = await c.login('zjj.clerk')
  const list = await c.get('/api/enforcement/inspection-entities?q=T33611', { session: zjj })
  assert.equal(list.status, 200)
  assert.equal(list.json.total, 0)
  const before = stored()
  const other = await importSheet([HEADER, entity(201, '923613')], `&commit=1&agency_id=${agencyId('scj')}`, 'zjj.clerk')
  assert.equal(other.status, 403, other.text)
  assert.equal(stored(), before)
})

test('plan: each refusal names its field and stores nothing; another agency gets 404', async () => {
  const body = scjBody(['2025-09-15'])
  const penaltyItem = Number(sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${body} AND category = 'penalty' AND status = 'active' LIMIT 1`)[0][0])
  const zjjBody = Number(sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE a.code = 'zjj' AND b.status = 'published' LIMIT 1")[0][0])
  const before = stored()
  assertError(await plan({ body_id: body, power_ids: [penaltyItem] }), 422, 'BAD_VALUE', 'power_ids')
  assertError(await plan({ body_id: body, power_ids: [] }), 422, 'MISSING_FIELD', 'power_ids')
  assertError(await plan({ body_id: body, period_from: '2024-12-31' }), 422, 'BAD_DATE', 'period_from')
  assertError(await plan({ body_id: body, period_to: '2026-01-01' }), 422, 'BAD_DATE', 'period_to')
  assertError(await plan({ body_id: body, period_to: '2025-02-01' }), 422, 'BAD_DATE', 'period_to')
  assertError(await plan({ body_id: body, draw_kind: 'share', draw_value: 120 }), 422, 'BAD_VALUE', 'draw_value')
  assertError(await plan({ body_id: zjjBody, power_ids: inspectionItems(zjjBody).slice(0, 1) }), 422, 'BAD_VALUE', 'body_id')
  const officer = await plan({ body_id: body }, 'scj.officer')
  assert.equal(officer.status, 403)
  assert.equal(stored(), before)
  const p = await planOk({ body_id: body })
  assert.equal(p.powers.length, 1)
  assert.equal(p.draw_kind_label, '按数量抽取')
  const legal = await c.get(`/api/enforcement/inspection-plans/${p.plan_id}`, { session: await c.login('legal') })
  assert.equal(legal.status, 200)
  const zjj = await c.get(`/api/enforcement/inspection-plans/${p.plan_id}`, { session: await c.login('zjj.clerk') })
  assert.equal(zjj.status, 404)
  const list = await c.get('/api/enforcement/inspection-plans?year=2025', { session: await c.login('zjj.clerk') })
  assert.ok(!list.json.items.some((x) => x.plan_id === p.plan_id))
})

test('draw: N entities, inspectors certified on the day, in the audit chain; an independent re-run gives the same result; verify catches tampering', async () => {
  await scjDirectory()
  const day = '2025-09-15'
  const body = scjBody([day])
  const p = await planOk({ body_id: body, name: '2025年度第三季度抽查计划', draw_value: 4 })
  const d = await drawOk(p.plan_id, { drawn_on: day })
  assert.equal(d.entity_count, 4)
  assert.equal(d.team_size, 2)
  assert.equal(d.tasks.length, 4)
  assert.match(d.seed, /^[0-9a-f]{64}$/)
  // The candidate lists are the whole scj directory (sorted by code) and the officers certified on the day.
  const dir = sql(c.db, `SELECT credit_code, name FROM enf_insp_entity WHERE agency_id = ${agencyId('scj')}`).map((r) => `${r[0]}\t${r[1]}\n`).sort()
  assert.equal(d.entity_list, dir.join(''))
  assert.deepEqual(d.officer_list.split('\n').filter(Boolean).map((l) => Number(l.split('\t')[0])), certified(body, day))
  assert.equal(d.entity_hash, sha(d.entity_list))
  assert.equal(d.officer_hash, sha(d.officer_list))
  // Re-run by this file's own implementation of the documented algorithm.
  assert.equal(rerun(d), d.result)
  // The tasks: the drawn entities, each with its two drawn inspectors.
  for (const line of d.result.split('\n').filter(Boolean)) {
    const [code, team] = line.split('\t')
    const [[caseId]] = sql(c.db, `SELECT case_id FROM enf_inspection WHERE draw_id = ${d.draw_id} AND credit_code = '${code}'`)
    const officers = sql(c.db, `SELECT officer_id FROM enf_inspection_officer WHERE case_id = ${caseId} ORDER BY officer_id`).map((r) => r[0])
    assert.deepEqual(officers, team.split(',').sort((a, b) => a - b))
    const detail = await c.detail(caseId, 'scj.clerk')
    assert.equal(detail.case.state, 'assigned')
    assert.match(detail.case.number, /检〔2025〕\d+号$/)
    assert.equal(detail.case.fields.officers.length, 2)
  }
  // The audit event carries the seed, the hashes and the result.
  const [[after]] = sql(c.db, `SELECT after_json FROM event WHERE event_id = ${d.event_id}`)
  const ev = JSON.parse(after)
  assert.equal(ev.seed, d.seed); assert.equal(ev.entity_hash, d.entity_hash); assert.equal(ev.result, d.result)
  const s = await c.login('scj.clerk')
  const v = await c.get(`/api/enforcement/inspection-draws/${d.draw_id}/verify`, { session: s })
  assert.equal(v.status, 200, v.text)
  assert.equal(v.json.verified, true, JSON.stringify(v.json.checks))
  // A task's inspector swapped behind the system's back: verify says which check fails.
  const [[tc, to]] = sql(c.db, `SELECT x.case_id, MIN(o.officer_id) FROM enf_inspection x JOIN enf_inspection_officer o ON o.case_id = x.case_id WHERE x.draw_id = ${d.draw_id} GROUP BY x.case_id LIMIT 1`)
  const spare = certified(body, day).find((o) => !sql(c.db, `SELECT 1 FROM enf_inspection_officer WHERE case_id = ${tc} AND officer_id = ${o}`).length)
  if (spare) {
    sql(c.db, `UPDATE enf_inspection_officer SET officer_id = ${spare} WHERE case_id = ${tc} AND officer_id = ${to}`)
    const bad = await c.get(`/api/enforcement/inspection-draws/${d.draw_id}/verify`, { session: s })
    assert.equal(bad.json.verified, false)
    assert.equal(bad.json.checks.find((x) => x.check === 'tasks').ok, false)
    sql(c.db, `UPDATE enf_inspection_officer SET officer_id = ${to} WHERE case_id = ${tc} AND officer_id = ${spare}`)
  }
  // The seed changed in the draw row: the result no longer follows, and the audit event disagrees.
  sql(c.db, `UPDATE enf_insp_draw SET seed = '${'0'.repeat(64)}' WHERE draw_id = ${d.draw_id}`)
  const bad2 = await c.get(`/api/enforcement/inspection-draws/${d.draw_id}/verify`, { session: s })
  assert.equal(bad2.json.verified, false)
  assert.equal(bad2.json.checks.find((x) => x.check === 'audit_event').ok, false)
  sql(c.db, `UPDATE enf_insp_draw SET seed = '${d.seed}' WHERE draw_id = ${d.draw_id}`)
  // Another agency: 404 on the draw and its verification.
  const zjj = await c.login('zjj.clerk')
  assert.equal((await c.get(`/api/enforcement/inspection-draws/${d.draw_id}`, { session: zjj })).status, 404)
  assert.equal((await c.get(`/api/enforcement/inspection-draws/${d.draw_id}/verify`, { session: zjj })).status, 404)
  assert.equal((await c.get(`/api/enforcement/inspections?draw_id=${d.draw_id}`, { session: zjj })).json.total, 0)
})

test('draw refusals: fewer than two certified inspectors on the day (by the certificates\' issue days), a team larger than those certified, a day outside the period or after today', async () => {
  // A body whose second enforcement certificate was issued on a known day: the day before, one is certified.
  const rows = sql(c.db, 'SELECT o.body_id, x.issued_on FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    " JOIN enf_body b ON b.body_id = o.body_id WHERE b.status = 'published' AND x.cert_type = 'enforcement' AND x.issued_on IS NOT NULL" +
    " AND o.status = 'on_duty' ORDER BY o.body_id, x.issued_on")
  let found = null
  for (const [body, day] of rows) {
    const d = new Date(day + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() - 1)
    const prev = d.toISOString().slice(0, 10)
    if (certified(body, prev).length === 1 && certified(body, day).length === 2 && inspectionItems(body).length &&
      prev.slice(0, 4) === day.slice(0, 4) && day <= '2026-11-23') { found = { body: Number(body), prev, day }; break }
  }
  assert.ok(found, 'a body whose certified officers go from one to two on a day')
  const code = sql(c.db, `SELECT a.code FROM agency a JOIN enf_body b ON b.agency_id = a.agency_id WHERE b.body_id = ${found.body}`)[0][0]
  const user = `${code}.clerk`
  const year = Number(found.day.slice(0, 4))
  const imp = await importSheet([HEADER, ...Array.from({ length: 3 }, (_, i) => entity(i + 1, '923614'))], '&commit=1', user)
  assert.equal(imp.status, 200, imp.text)
  const p = await planOk({ body_id: found.body, year, name: `${year}年度抽查计划`, period_from: `${year}-01-01`, period_to: `${year}-12-31`, draw_value: 1 }, user)
  const before = stored()
  const r = await draw(p.plan_id, { drawn_on: found.prev }, user)
  assertError(r, 422, 'BAD_VALUE', 'team_size')
  assert.match(r.json.error.message, /只有 1 人/)
  assertError(await draw(p.plan_id, { drawn_on: found.day, team_size: 3 }, user), 422, 'BAD_VALUE', 'team_size')
  assertError(await draw(p.plan_id, { drawn_on: `${year - 1}-12-31` }, user), 422, 'BAD_DATE', 'drawn_on')
  assertError(await draw(p.plan_id, { drawn_on: '2026-11-24' }, user), 422, 'BAD_DATE', 'drawn_on')
  assertError(await draw(p.plan_id, { drawn_on: found.day, team_size: 1 }, user), 422, 'BAD_VALUE', 'team_size')
  const stranger = code === 'zjj' ? 'scj.clerk' : 'zjj.clerk'
  assert.equal(await draw(p.plan_id, { drawn_on: found.day }, stranger).then((x) => x.status), 404)
  assert.equal(stored(), before)
  const ok = await drawOk(p.plan_id, { drawn_on: found.day }, user)
  assert.equal(ok.tasks.length, 1)
  assert.equal(ok.tasks[0].inspectors.length, 2)
})

test('share: a draw takes the per cent of the directory rounded up; later draws skip entities drawn before; an exhausted directory is refused', async () => {
  await scjDirectory()
  const day = '2025-09-15'
  const body = scjBody([day])
  const total = sqlNumber(c.db, `SELECT COUNT(*) FROM enf_insp_entity WHERE agency_id = ${agencyId('scj')}`)
  const p = await planOk({ body_id: body, name: '按比例抽查', draw_kind: 'share', draw_value: 30 })
  assert.equal(p.next_draw_size, Math.ceil(total * 30 / 100))
  const seen = new Set()
  let left = total
  while (left > 0) {
    const d = await drawOk(p.plan_id, { drawn_on: day })
    assert.equal(d.entity_count, Math.min(Math.ceil(total * 30 / 100), left))
    for (const t of d.tasks) { assert.ok(!seen.has(t.credit_code), `${t.credit_code} drawn twice`); seen.add(t.credit_code) }
    left -= d.entity_count
  }
  assert.equal(seen.size, total)
  const before = stored()
  const r = await draw(p.plan_id, { drawn_on: day })
  assertError(r, 422, 'BAD_VALUE', 'plan_id')
  assert.match(r.json.error.message, /均已在本计划中抽取过/)
  assert.equal(stored(), before)
})

async function tasksOf (planId, drawnOn) {
  const p = await c.get(`/api/enforcement/inspections?plan_id=${planId}&per_page=100`, { session: await c.login('scj.clerk') })
  assert.equal(p.status, 200, p.text)
  return p.json.items.filter((x) => !drawnOn || x.drawn_on === drawnOn).map((x) => x.case_id)
}

test('result and publication: 20 working days (local setting, article shown) across National Day and Spring Festival; late publication is counted apart', async () => {
  await scjDirectory()
  const body = scjBody(['2025-09-22', '2025-09-26', '2026-02-02', '2026-02-10'])
  const p25 = await planOk({ body_id: body, name: '国庆前抽查', draw_value: 3 })
  await drawOk(p25.plan_id, { drawn_on: '2025-09-22' })
  const [a, b, x] = await tasksOf(p25.plan_id)
  const before = stored()
  assertError(await c.act(a, 'record_result', 'scj.officer', { inspected_on: '2025-09-21', result: 'pass' }), 422, 'BAD_DATE', 'inspected_on')
  assertError(await c.act(a, 'record_result', 'scj.officer', { inspected_on: '2026-11-24', result: 'pass' }), 422, 'BAD_DATE', 'inspected_on')
  assertError(await c.act(a, 'record_result', 'scj.officer', { inspected_on: '2025-09-26', result: 'rectify', findings: '进货查验记录不全' }), 422, 'MISSING_FIELD', 'rectify_date')
  assertError(await c.act(a, 'record_result', 'scj.officer', { inspected_on: '2025-09-26', result: 'refer_penalty' }), 422, 'MISSING_FIELD', 'findings')
  assertError(await c.act(a, 'record_result', 'scj.officer', { inspected_on: '2025-09-26', result: 'rectify', findings: '记录不全', rectify_date: '2025-09-26' }), 422, 'BAD_DATE', 'rectify_date')
  assert.equal((await c.act(a, 'record_result', 'zjj.clerk', { inspected_on: '2025-09-26', result: 'pass' })).status, 404)
  assert.equal(stored(), before)
  await c.actOk(a, 'record_result', 'scj.officer', { inspected_on: '2025-09-26', result: 'rectify', findings: '进货查验记录不全', rectify_date: '2025-10-31' })
  let d = await c.detail(a, 'scj.clerk')
  assert.equal(d.case.state, 'inspected')
  // 20 WD after Fri 09-26: 09-28 (make-up), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up), 10-13 .. 10-30.
  const k = clock(d, 'publish')
  assert.equal(k.due_date, '2025-10-30')
  assert.match(JSON.stringify(k), /地方规定/)
  assert.match(JSON.stringify(k), /未经核实/)
  assertError(await c.act(a, 'publish', 'scj.clerk', { published_on: '2025-09-25' }), 422, 'BAD_DATE', 'published_on')
  assert.equal((await c.act(a, 'publish', 'scj.officer', { published_on: '2025-10-30' })).status, 403)
  await c.actOk(a, 'publish', 'scj.clerk', { published_on: '2025-10-30' })
  d = await c.detail(a, 'scj.clerk')
  assert.equal(d.case.state, 'published')
  assert.equal(d.case.fields.published_on_time, true)
  // Published one working day late (10-31): counted as late.
  await c.actOk(b, 'record_result', 'scj.officer', { inspected_on: '2025-09-26', result: 'pass' })
  await c.actOk(b, 'publish', 'scj.clerk', { published_on: '2025-10-31' })
  assert.equal((await c.detail(b, 'scj.clerk')).case.fields.published_on_time, false)
  const s = await c.login('scj.clerk')
  const onTime = await c.get(`/api/enforcement/inspections?plan_id=${p25.plan_id}&on_time=1`, { session: s })
  assert.deepEqual(onTime.json.items.map((i) => i.case_id), [a])
  // The head cancels a task that cannot be carried out; an officer may not.
  assert.equal((await c.act(x, 'cancel', 'scj.officer', { reason: '对象已注销' })).status, 403)
  await c.actOk(x, 'cancel', 'scj.head', { reason: '检查对象已注销' })

  // Spring Festival: inspected Tue 2026-02-10 -> 02-11, 12, 13, 14 (make-up), 02-24 .. 02-27, 02-28 (make-up), 03-02 .. 03-16.
  const p26 = await planOk({ body_id: body, year: 2026, name: '春节前抽查', period_from: '2026-01-05', period_to: '2026-06-30', draw_value: 2 })
  await drawOk(p26.plan_id, { drawn_on: '2026-02-02' })
  const [e, f] = await tasksOf(p26.plan_id)
  await c.actOk(e, 'record_result', 'scj.officer', { inspected_on: '2026-02-10', result: 'pass' })
  assert.equal(clock(await c.detail(e), 'publish').due_date, '2026-03-16')
  // The period is a setting: 10 WD from 02-10 ends on 03-02.
  const admin = await c.login('admin')
  const set = (v) => c.api('PUT', '/api/settings/enforcement.inspection_publish_days', { session: admin, body: { value: v } })
  assert.equal((await set(10)).status, 200)
  try {
    await c.actOk(f, 'record_result', 'scj.officer', { inspected_on: '2026-02-10', result: 'pass' })
    assert.equal(clock(await c.detail(f), 'publish').due_date, '2026-03-02')
  } finally {
    assert.equal((await set(20)).status, 200)
  }
})

test('inspectors\' certificates are checked on the inspection day: a suspended one refuses the result until it is given back', async () => {
  await scjDirectory()
  const day = '2025-09-15'
  const body = scjBody([day, '2025-09-19'])
  const p = await planOk({ body_id: body, name: '证件核验抽查', draw_value: 1 })
  const d = await drawOk(p.plan_id, { drawn_on: day })
  const [task] = await tasksOf(p.plan_id)
  const officer = Number(d.result.split('\t')[1].split(',')[0])
  const [[cert]] = sql(c.db, `SELECT x.case_id FROM enf_certificate x JOIN case_record r ON r.case_id = x.case_id WHERE x.officer_id = ${officer} AND x.cert_type = 'enforcement' AND r.state = 'valid' ORDER BY x.issued_on DESC LIMIT 1`)
  await c.actOk(Number(cert), 'suspend', 'legal', { reason: '年度审验不合格' })
  try {
    const before = stored()
    const r = await c.act(task, 'record_result', 'scj.officer', { inspected_on: '2025-09-19', result: 'pass' })
    assertError(r, 422, 'BAD_VALUE', 'inspected_on')
    assert.match(r.json.error.message, /执法证件.*暂扣/)
    assert.equal(stored(), before)
  } finally {
    await c.actOk(Number(cert), 'reinstate', 'legal', { note: '复审合格' })
  }
  await c.actOk(task, 'record_result', 'scj.officer', { inspected_on: '2025-09-19', result: 'pass' })
})

test('a finding opens a penalty case with source inspection, linked both ways; refused for another result, twice, or by another agency', async () => {
  await scjDirectory()
  const day = '2025-09-15'
  const body = scjBody([day, '2025-09-19'])
  const p = await planOk({ body_id: body, name: '立案衔接抽查', draw_value: 2 })
  await drawOk(p.plan_id, { drawn_on: day })
  const [t1, t2] = await tasksOf(p.plan_id)
  await c.actOk(t1, 'record_result', 'scj.officer', { inspected_on: '2025-09-19', result: 'refer_penalty', findings: '销售超过保质期的食品' })
  await c.actOk(t2, 'record_result', 'scj.officer', { inspected_on: '2025-09-19', result: 'pass' })
  const fields = (await c.detail(t1, 'scj.clerk')).case.fields
  const penaltyPower = Number(sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${body} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)[0][0])
  const filing = {
    body_id: body, power_id: penaltyPower, officer_ids: fields.officers.map((o) => o.officer_id), party_type: 'organisation',
    party_name: fields.entity_name, party_id_number: fields.credit_code, matter: `${fields.entity_name}销售超过保质期食品案`,
    act_on: '2025-09-19', filed_on: '2025-09-22', facts: '双随机抽查发现。',
  }
  const s = await c.login('scj.officer')
  const before = stored()
  const refused = await c.post(`/api/enforcement/inspections/${t2}/penalty`, filing, { session: s })
  assertError(refused, 409, 'STATE', 'inspection_case_id')
  assert.equal((await c.post(`/api/enforcement/inspections/${t1}/penalty`, { ...filing, source: 'complaint' }, { session: s })).status, 422)
  assert.equal((await c.post(`/api/enforcement/inspections/${t1}/penalty`, filing, { session: await c.login('zjj.clerk') })).status, 404)
  assert.equal(stored(), before)
  const r = await c.post(`/api/enforcement/inspections/${t1}/penalty`, filing, { session: s })
  assert.equal(r.status, 201, r.text)
  const pen = r.json.case
  assert.equal(pen.fields.source, 'inspection')
  assert.equal(pen.fields.inspection_case_id, t1)
  const insp = (await c.detail(t1, 'scj.clerk')).case.fields
  assert.equal(insp.penalty_case_id, pen.case_id)
  assert.equal(insp.penalty_case_number, pen.number)
  assert.equal(insp.may_open_penalty, false)
  const n = stored()
  assertError(await c.post(`/api/enforcement/inspections/${t1}/penalty`, filing, { session: s }), 409, 'DUPLICATE', 'inspection_case_id')
  assertError(await c.post('/api/enforcement/penalties', { ...filing, inspection_case_id: t1 }, { session: s }), 409, 'DUPLICATE', 'inspection_case_id')
  assert.equal(stored(), n)
  const list = await c.get(`/api/enforcement/inspections?plan_id=${p.plan_id}&to_penalty=1`, { session: s })
  assert.deepEqual(list.json.items.map((i) => i.case_id), [t1])
})

test('portal: published results only, filtered by agency, year and result, searchable, without the inspectors', async () => {
  await scjDirectory()
  const day = '2025-09-15'
  const body = scjBody([day, '2025-09-19'])
  const p = await planOk({ body_id: body, name: '公示用抽查', draw_value: 2 })
  await drawOk(p.plan_id, { drawn_on: day })
  const [t1, t2] = await tasksOf(p.plan_id)
  await c.actOk(t1, 'record_result', 'scj.officer', { inspected_on: '2025-09-19', result: 'rectify', findings: '未公示营业执照', rectify_date: '2025-10-20' })
  await c.actOk(t1, 'publish', 'scj.clerk', { published_on: '2025-09-30' })
  await c.actOk(t2, 'record_result', 'scj.officer', { inspected_on: '2025-09-19', result: 'pass' })
  const name1 = (await c.detail(t1)).case.fields.entity_name
  const name2 = (await c.detail(t2)).case.fields.entity_name
  const pub = await c.get(`/api/public/enforcement/inspections?agency_id=${agencyId('scj')}&year=2025&result=rectify&per_page=100`)
  assert.equal(pub.status, 200, pub.text)
  assert.ok(pub.json.items.some((i) => i.case_id === t1 && i.result_label === '发现问题，责令整改' && i.entity_name === name1))
  assert.ok(!pub.json.items.some((i) => i.case_id === t2), 'an unpublished result is not public')
  assert.ok(pub.json.items.every((i) => i.result === 'rectify' && i.inspected_on.startsWith('2025')))
  assert.doesNotMatch(pub.text, /officer/)
  const q = await c.get('/api/public/enforcement/inspections?q=' + encodeURIComponent(name1))
  assert.ok(q.json.items.some((i) => i.case_id === t1))
  const none = await c.get('/api/public/enforcement/inspections?q=' + encodeURIComponent(name2) + '&year=2025&result=pass')
  assert.ok(!none.json.items.some((i) => i.case_id === t2))
  const other = await c.get(`/api/public/enforcement/inspections?agency_id=${agencyId('zjj')}&year=2025`)
  assert.ok(!other.json.items.some((i) => i.case_id === t1))
  assertError(await c.get('/api/public/enforcement/inspections?result=bogus'), 422, 'BAD_VALUE', 'result')
})

test('figures: plans, draws, inspections, published on time and findings to penalty cases equal their drill-downs, per agency', async () => {
  const s = await c.login('legal')
  for (const agency of [0, agencyId('scj'), agencyId('zjj')]) {
    for (const year of [2025, 2026]) {
      const r = await c.get(`/api/figures?year=${year}${agency ? `&agency_id=${agency}` : ''}`, { session: s })
      assert.equal(r.status, 200, r.text)
      const mine = r.json.items.filter((x) => x.name.startsWith('enforcement.inspection.'))
      assert.equal(mine.length, 5)
      for (const x of mine) {
        const d = await c.get(`${x.drill.path}?${x.drill.query}&per_page=1`, { session: s })
        assert.equal(d.status, 200, d.text)
        assert.equal(d.json.total, x.value, `${x.name} ${year} ${agency}`)
      }
    }
  }
  const r = await c.get(`/api/figures?year=2025&agency_id=${agencyId('scj')}`, { session: s })
  const val = (n) => r.json.items.find((x) => x.name === n).value
  assert.ok(val('enforcement.inspection.plans') >= 1)
  assert.ok(val('enforcement.inspection.published_on_time') >= 1)
  assert.ok(val('enforcement.inspection.to_penalty') >= 1)
})
