// The whole-process record of a penalty case (全过程记录, 行政处罚法 第47条; issue 10): the documents of each
// step taken as Word with official numbers issued once, the evidence files (body camera video, audio, photos)
// stored by SHA-256 and linked into the hash-chained record that `fazhi audit verify` re-hashes, and the
// whole case as one ZIP archive (案卷) with its index.
//
// The server runs on the demo county with the date pinned (lib.mjs TODAY). Cases are filed on past days and
// driven through the real procedure, so each document's date and its number's year come from the step's day.
// Holidays crossed: 2025 National Day (10-01..10-08) and 2026 Spring Festival (02-15..02-23): a notice
// before the holiday and a decision after it keep the year of their own day.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { useServer, sql, sqlNumber, assertError, multipart, mkTemp, fazhi } from './lib.mjs'

const c = useServer()
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex')

/** The entries of a zip file, and the bytes of the entries asked for, through unzip(1). */
function unzip (bytes, wanted = []) {
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'file.zip')
    fs.writeFileSync(f, bytes)
    const list = spawnSync('unzip', ['-Z1', f], { encoding: 'utf8' })
    assert.equal(list.status, 0, `not a zip file: ${list.stderr}`)
    const entries = list.stdout.split('\n').filter(Boolean)
    const files = {}
    for (const e of wanted) {
      if (!entries.includes(e)) continue
      const r = spawnSync('unzip', ['-p', f, e], { maxBuffer: 64 << 20 })
      assert.equal(r.status, 0, String(r.stderr))
      files[e] = r.stdout
    }
    return { entries, files }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The text of a Word document: its w:t runs joined. */
function docxText (bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx starts with PK')
  const { files } = unzip(bytes, ['word/document.xml'])
  const xml = files['word/document.xml']
  assert.ok(xml, 'word/document.xml in the .docx')
  return [...xml.toString('utf8').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

/** What a refused request must leave as it was. */
function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM enf_document),' +
    ' (SELECT COUNT(*) FROM attachment), (SELECT COUNT(*) FROM blob_store), (SELECT group_concat(code || last_no) FROM number_seq)')
  return row.join('|')
}

let BODY, POWER, OFFICERS
function setup () {
  if (BODY) return
  BODY = Number(sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE a.code = 'scj'" +
    " AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")[0][0])
  POWER = Number(sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)[0][0])
  OFFICERS = sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${BODY} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    " AND x.issued_on <= '2025-01-01' AND x.valid_until >= '2026-11-23' ORDER BY o.officer_id").map((r) => Number(r[0]))
  assert.ok(OFFICERS.length >= 2, 'two certified officers in the demo scj body')
}

async function fileCase (over = {}) {
  setup()
  const body = {
    body_id: BODY, power_id: POWER, officer_ids: OFFICERS.slice(0, 2), party_type: 'organisation',
    party_name: '青山县惠民超市有限公司', party_id_number: '91360000MA35X1234K', matter: '青山县惠民超市有限公司销售超过保质期食品案',
    source: 'inspection', act_on: '2025-06-20', filed_on: '2025-07-03', facts: '执法人员检查时发现货架上有超过保质期的酸奶 12 盒。',
    ...over,
  }
  const r = await c.post('/api/enforcement/penalties', body, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  return r.json.case
}

async function doc (id, kind, user = 'scj.clerk') {
  return c.get(`/api/enforcement/penalties/${id}/documents/${kind}`, { session: await c.login(user) })
}

async function docOk (id, kind, user) {
  const r = await doc(id, kind, user)
  assert.equal(r.status, 200, `${kind}: ${r.text}`)
  assert.equal(r.headers.get('content-type'), DOCX)
  return { bytes: r.bytes, text: docxText(r.bytes), disposition: decodeURIComponent(r.headers.get('content-disposition') || '') }
}

async function list (id, user = 'scj.clerk') {
  const r = await c.get(`/api/enforcement/penalties/${id}/documents`, { session: await c.login(user) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

const entry = (l, kind) => l.documents.find((d) => d.kind === kind)

/** Notice (with or without the hearing right), statement, decision by the head: a decided case. */
async function decided ({ filed = '2025-09-01', notified = '2025-09-29', decidedOn = '2025-10-09', fine = 5000, hearing = false, over = {} } = {}) {
  const k = await fileCase({ filed_on: filed, act_on: '2025-08-25', ...over })
  await c.actOk(k.case_id, 'notify', 'scj.officer', { notified_on: notified, proposed_kind: 'fine', proposed_fine: fine, hearing_offered: hearing, facts: `拟罚款${fine}元` })
  return k
}

test('立案审批表: numbered 青市监罚立〔filing year〕N号 on first download, the same file after; the text is the recorded case', async () => {
  const k = await fileCase({ party_name: '青山县福临门粮油店', matter: '青山县福临门粮油店销售过期食用油案' })
  const l = await list(k.case_id)
  assert.equal(entry(l, 'filing').available, true)
  assert.equal(entry(l, 'filing').number, undefined, 'no number before the first download')
  const seq = sql(c.db, "SELECT last_no FROM number_seq WHERE code = '罚立' AND year = 2025")
  const before = seq.length ? Number(seq[0][0]) : 0
  const events = sqlNumber(c.db, `SELECT COUNT(*) FROM event WHERE case_id = ${k.case_id}`)
  const a = await docOk(k.case_id, 'filing')
  assert.match(a.text, new RegExp(`青市监罚立〔2025〕${before + 1}号`))
  assert.match(a.text, /立案审批表/)
  assert.match(a.text, /青山县福临门粮油店销售过期食用油案/)
  assert.match(a.text, new RegExp(k.number.replace(/[〔〕]/g, '.')))
  assert.match(a.text, /2025-07-03/)
  // The two officers of 第42条 by name, as recorded at filing.
  const names = sql(c.db, `SELECT name FROM enf_officer WHERE officer_id IN (${OFFICERS.slice(0, 2).join(',')})`).map((r) => r[0])
  for (const n of names) assert.ok(a.text.includes(n), `officer ${n} in the form`)
  assert.match(a.disposition, /立案审批表/)
  // Downloaded again (by another user of the agency): byte for byte the same file, no new number, no new event.
  const b = await docOk(k.case_id, 'filing', 'scj.head')
  assert.ok(a.bytes.equals(b.bytes), 'the same stored file')
  assert.equal(Number(sql(c.db, "SELECT last_no FROM number_seq WHERE code = '罚立' AND year = 2025")[0][0]), before + 1)
  assert.equal(sqlNumber(c.db, `SELECT COUNT(*) FROM event WHERE case_id = ${k.case_id}`), events + 1)
  // The issue is an event of the case's hash chain carrying the file's SHA-256.
  const [[action, after]] = sql(c.db, `SELECT action, after_json FROM event WHERE case_id = ${k.case_id} ORDER BY event_id DESC LIMIT 1`)
  assert.equal(action, 'document_issue')
  assert.equal(JSON.parse(after).sha256, sha256(a.bytes))
  const l2 = await list(k.case_id)
  assert.equal(entry(l2, 'filing').number, `青市监罚立〔2025〕${before + 1}号`)
  assert.equal(entry(l2, 'filing').sha256, sha256(a.bytes))
  assert.equal(entry(l2, 'filing').doc_date, '2025-07-03')
  // The case page's timeline names the step in Chinese.
  const d = await c.detail(k.case_id)
  assert.ok(d.events.some((e) => e.action_label === '生成文书'))
})

test('a document of a step not yet taken is refused (409, Chinese, field kind) and nothing is written; an unknown kind is 404', async () => {
  const k = await fileCase()
  const l = await list(k.case_id)
  for (const kind of ['notice', 'hearing_notice', 'decision', 'service', 'closing']) {
    assert.equal(entry(l, kind).available, false, kind)
    assert.match(entry(l, kind).refusal, /\p{Script=Han}/u)
  }
  // The decision not to punish is not listed while the case is undecided (only one of the two will exist).
  assert.equal(entry(l, 'no_penalty'), undefined)
  const before = stored()
  for (const kind of ['notice', 'hearing_notice', 'decision', 'no_penalty', 'service', 'closing']) {
    const r = await doc(k.case_id, kind)
    const e = assertError(r, 409, 'STATE', 'kind')
    assert.match(e.message, /尚未/)
  }
  assert.match((await doc(k.case_id, 'notice')).json.error.message, /第四十四条/)
  assertError(await doc(k.case_id, 'nonsense'), 404, 'NOT_FOUND', 'kind')
  assert.equal(stored(), before)
  // The blank forms are there from filing: 询问笔录 and 现场检查（勘验）笔录 with the case head.
  const q = await docOk(k.case_id, 'inquiry')
  assert.match(q.text, /询问笔录/)
  assert.match(q.text, /青市监罚询〔2026〕\d+号/) // a form's number takes the year it is issued (TODAY 2026)
  assert.ok(q.text.includes('青山县惠民超市有限公司'))
  assert.match(q.text, /申请回避/)
  const s = await docOk(k.case_id, 'inspection')
  assert.match(s.text, /现场检查（勘验）笔录/)
  assert.match(s.text, /青市监罚检〔2026〕\d+号/)
})

test('事先告知书 over 国庆节: numbered 青市监罚告 by the notice year, serials in order; the hearing right (第63、64条) only when offered', async () => {
  // Notice Mon 2025-09-29 just before the holiday, hearing right offered (fine at the organisation threshold).
  const a = await decided({ notified: '2025-09-29', fine: 100000, hearing: true })
  const b = await decided({ notified: '2025-10-09', fine: 3000, hearing: false, over: { party_type: 'citizen', party_name: '李秋菊', party_id_number: null, matter: '李秋菊无证经营小餐饮案' } })
  const na = await docOk(a.case_id, 'notice')
  const nb = await docOk(b.case_id, 'notice')
  const [, sa] = na.text.match(/青市监罚告〔2025〕(\d+)号/)
  const [, sb] = nb.text.match(/青市监罚告〔2025〕(\d+)号/)
  assert.equal(Number(sb), Number(sa) + 1, 'the next notice of the agency in the year takes the next serial')
  assert.match(na.text, /有权要求听证/)
  assert.match(na.text, /第六十三条/)
  assert.match(na.text, /100000元/)
  assert.match(na.text, /2025年9月29日/)
  assert.doesNotMatch(nb.text, /听证/)
  assert.match(nb.text, /李秋菊：/)
  assert.match(nb.text, /你有权进行陈述和申辩/)
  assert.match(nb.text, /2025年10月9日/)
  // The same case's notice, downloaded again, keeps its number.
  assert.ok((await docOk(b.case_id, 'notice')).bytes.equals(nb.bytes))
  // 春节 2026: a notice of 2026-02-12 is numbered in 2026.
  const e = await decided({ filed: '2026-01-05', notified: '2026-02-12', fine: 3000 })
  assert.match((await docOk(e.case_id, 'notice')).text, /青市监罚告〔2026〕\d+号/)
})

test('听证通知书 once the hearing is scheduled: the day, place and host as recorded, the rights of 第64条', async () => {
  const k = await decided({ filed: '2026-01-05', notified: '2026-02-12', fine: 100000, hearing: true })
  assertError(await doc(k.case_id, 'hearing_notice'), 409, 'STATE', 'kind')
  await c.actOk(k.case_id, 'request_hearing', 'scj.officer', { requested_on: '2026-02-26' })
  assertError(await doc(k.case_id, 'hearing_notice'), 409, 'STATE', 'kind')
  // Notice Thu 2026-02-26 over the end of 春节: the hearing on 03-06, the 7th working day.
  await c.actOk(k.case_id, 'schedule_hearing', 'scj.officer', { notice_on: '2026-02-26', hearing_on: '2026-03-06', place: '局三楼听证室', host: '段志强' })
  const h = await docOk(k.case_id, 'hearing_notice')
  assert.match(h.text, /听证通知书/)
  assert.match(h.text, /青市监罚听〔2026〕\d+号/)
  assert.match(h.text, /2026年3月6日/)
  assert.match(h.text, /局三楼听证室/)
  assert.match(h.text, /段志强/)
  assert.match(h.text, /第六十四条/)
  assert.match(h.text, /2026年2月26日/)
})

test('行政处罚决定书 bears the case number, the penalty, the payment instructions (第67条) and the remedies; 送达回证 and 结案报告 follow their steps', async () => {
  const k = await decided({ notified: '2025-09-15', fine: 5000 })
  await c.actOk(k.case_id, 'statement', 'scj.officer', { statement_on: '2025-09-18', statement: '当事人无异议' })
  assertError(await doc(k.case_id, 'decision'), 409, 'STATE', 'kind')
  assertError(await doc(k.case_id, 'service'), 409, 'STATE', 'kind')
  // Decided Thu 2025-10-09, the first working day after 国庆节.
  await c.actOk(k.case_id, 'decide', 'scj.head', { decided_on: '2025-10-09', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 5000, decision_text: '罚款人民币五千元。' })
  const l = await list(k.case_id)
  assert.equal(entry(l, 'no_penalty'), undefined, 'a case punished lists no 不予处罚 decision')
  assertError(await doc(k.case_id, 'no_penalty'), 409, 'STATE', 'kind')
  const d = await docOk(k.case_id, 'decision')
  assert.ok(d.text.includes(k.number), `the decision bears the case number ${k.number}`)
  assert.match(d.text, /行政处罚决定书/)
  assert.match(d.text, /给予如下行政处罚：罚款人民币5000元。/)
  assert.match(d.text, /对青山县惠民超市有限公司销售超过保质期食品案立案调查/)
  assert.match(d.text, /十五日内.*缴纳罚款.*第六十七条/)
  assert.match(d.text, /六十日内.*申请行政复议/)
  assert.match(d.text, /六个月内.*提起行政诉讼/)
  assert.match(d.text, /2025年10月9日/)
  assert.match(d.text, /2025年9月15日/) // the notice day, as recorded
  assert.equal(entry(await list(k.case_id), 'decision').number, k.number)
  // 送达回证 once decided; the service day is left to fill in until service is recorded.
  const s = await docOk(k.case_id, 'service')
  assert.match(s.text, /送达回证/)
  assert.match(s.text, /青市监罚送〔2025〕\d+号/)
  assert.ok(s.text.includes(k.number))
  assertError(await doc(k.case_id, 'closing'), 409, 'STATE', 'kind')
  await c.actOk(k.case_id, 'serve', 'scj.officer', { served_on: '2025-10-10', method: 'direct' })
  await c.actOk(k.case_id, 'pay', 'scj.officer', { paid_on: '2025-10-20', paid_amount: 5000, receipt_no: 'FS2025102000077' })
  await c.actOk(k.case_id, 'close', 'scj.clerk', { closed_on: '2025-10-27', note: '罚款已缴清' })
  const z = await docOk(k.case_id, 'closing')
  assert.match(z.text, /结案报告/)
  assert.match(z.text, /青市监罚结〔2025〕\d+号/)
  assert.match(z.text, /FS2025102000077/)
  assert.match(z.text, /2025-10-27/)
})

test('不予行政处罚决定书 (第33条) numbered 青市监不罚: the ground and the remedies, no payment', async () => {
  const k = await decided({ filed: '2026-01-05', notified: '2026-02-12', fine: 2000 })
  await c.actOk(k.case_id, 'statement', 'scj.officer', { statement_on: '2026-02-13' })
  // Decided Tue 2026-02-24, the first working day after 春节.
  await c.actOk(k.case_id, 'decide', 'scj.head', { decided_on: '2026-02-24', outcome: 'no_penalty', no_penalty_ground: 'first_minor', decision_text: '决定不予行政处罚。' })
  const l = await list(k.case_id)
  assert.equal(entry(l, 'decision'), undefined)
  assertError(await doc(k.case_id, 'decision'), 409, 'STATE', 'kind')
  const d = await docOk(k.case_id, 'no_penalty')
  assert.match(d.text, /不予行政处罚决定书/)
  assert.match(d.text, /青市监不罚〔2026〕\d+号/)
  assert.match(d.text, /初次违法/)
  assert.match(d.text, /六十日内/)
  assert.match(d.text, /六个月内/)
  assert.doesNotMatch(d.text, /缴纳罚款/)
  assert.match(d.text, /2026年2月24日/)
})

test('evidence: body-camera video, audio, photos and PDF stored by SHA-256 and linked into the record; other types, renamed files and closed cases refused', async () => {
  const k = await fileCase()
  const s = await c.login('scj.officer')
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), crypto.randomBytes(200)])
  const up = (name, bytes, session = s) => { const m = multipart(name, bytes); return c.post(`/api/enforcement/penalties/${k.case_id}/evidence`, m.body, { session, headers: m.headers }) }
  const r = await up('执法记录仪-20250703-01.mp4', mp4)
  assert.equal(r.status, 201, r.text)
  assert.equal(r.json.sha256, sha256(mp4))
  assert.equal(r.json.content_type, 'video/mp4')
  const [[after, note]] = sql(c.db, `SELECT after_json, note FROM event WHERE case_id = ${k.case_id} ORDER BY event_id DESC LIMIT 1`)
  assert.equal(JSON.parse(after).sha256, sha256(mp4))
  assert.equal(note, '执法记录仪-20250703-01.mp4')
  const mp3 = Buffer.concat([Buffer.from('ID3'), crypto.randomBytes(100)])
  const wav = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WAVEfmt '), crypto.randomBytes(64)])
  const jpg = Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE0]), crypto.randomBytes(64)])
  for (const [name, bytes, type] of [['询问录音.mp3', mp3, 'audio/mpeg'], ['现场录音.wav', wav, 'audio/wav'], ['货架照片.jpg', jpg, 'image/jpeg']]) {
    const x = await up(name, bytes)
    assert.equal(x.status, 201, `${name}: ${x.text}`)
    assert.equal(x.json.content_type, type)
    assert.equal(x.json.sha256, sha256(bytes))
  }
  const l = await list(k.case_id)
  assert.deepEqual(l.evidence.map((e) => e.sha256), [sha256(mp4), sha256(mp3), sha256(wav), sha256(jpg)])
  // Refusals: a Word file, an executable renamed .mp4, an empty file; nothing written.
  const before = stored()
  assertError(await up('说明.docx', Buffer.concat([Buffer.from('PK\x03\x04'), crypto.randomBytes(32)])), 415, 'MEDIA_TYPE', 'file')
  const renamed = await up('录像.mp4', Buffer.concat([Buffer.from('MZ'), crypto.randomBytes(64)]))
  assertError(renamed, 415, 'MEDIA_TYPE', 'file')
  assert.match(renamed.json.error.message, /MP4/)
  assertError(await up('空.mp4', Buffer.alloc(0)), 422, 'BAD_VALUE', 'file')
  // Another agency's user: the case is not there (404), nothing written.
  assert.equal((await up('x.mp4', mp4, await c.login('zjj.clerk'))).status, 404)
  assert.equal(stored(), before)
  // A closed (or cancelled) case takes no more evidence.
  await c.actOk(k.case_id, 'cancel', 'scj.head', { reason: '违法事实不能成立' })
  const b2 = stored()
  const late = await up('晚到.jpg', jpg)
  assertError(late, 409, 'STATE', 'file')
  assert.match(late.json.error.message, /已撤销立案/)
  assert.equal(stored(), b2)
})

test('fazhi audit verify re-hashes every linked file: a changed evidence file or a missing document fails naming the case and the file', async () => {
  const k = await fileCase({ matter: '青山县惠民超市有限公司虚假标价案' })
  const s = await c.login('scj.officer')
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), crypto.randomBytes(300)])
  const m = multipart('执法记录仪-虚假标价.mp4', mp4)
  assert.equal((await c.post(`/api/enforcement/penalties/${k.case_id}/evidence`, m.body, { session: s, headers: m.headers })).status, 201)
  const filing = await docOk(k.case_id, 'filing')
  const dir = mkTemp('fazhi-verify-')
  try {
    const copy = (name) => { const f = path.join(dir, name); sql(c.db, `.backup '${f}'`); return f }
    const good = copy('good.db')
    const ok = fazhi(['audit', 'verify', '--db', good])
    assert.equal(ok.status, 0, ok.stdout + ok.stderr)
    assert.match(ok.stdout, /审计链完整/)
    // The video's bytes replaced in the store (same size).
    const changed = copy('changed.db')
    sql(changed, `UPDATE blob_store SET data = randomblob(size) WHERE sha256 = '${sha256(mp4)}'`)
    const r = fazhi(['audit', 'verify', '--db', changed])
    assert.equal(r.status, 1, r.stdout)
    assert.match(r.stdout, /案卷文件被改动或缺失/)
    assert.ok(r.stdout.includes(k.number), `names the case ${k.number}: ${r.stdout}`)
    assert.ok(r.stdout.includes('执法记录仪-虚假标价.mp4'), r.stdout)
    assert.match(r.stdout, /已被改动/)
    // The issued 立案审批表 removed from the store.
    const missing = copy('missing.db')
    sql(missing, `DELETE FROM blob_store WHERE sha256 = '${sha256(filing.bytes)}'`)
    const r2 = fazhi(['audit', 'verify', '--db', missing])
    assert.equal(r2.status, 1, r2.stdout)
    assert.ok(r2.stdout.includes(k.number), r2.stdout)
    assert.match(r2.stdout, /立案审批表/)
    assert.match(r2.stdout, /已缺失/)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

test('案卷: one ZIP with the index (each document and file with its date and SHA-256), the documents, the evidence and the events; another agency gets 404', async () => {
  const k = await decided({ notified: '2025-09-15', fine: 3000 })
  await c.actOk(k.case_id, 'statement', 'scj.officer', { statement_on: '2025-09-18' })
  await c.actOk(k.case_id, 'decide', 'scj.head', { decided_on: '2025-09-26', outcome: 'penalty', penalty_kind: 'fine', fine_amount: 3000, decision_text: '罚款三千元' })
  const jpg = Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE1]), crypto.randomBytes(80)])
  const m = multipart('现场照片.jpg', jpg)
  assert.equal((await c.post(`/api/enforcement/penalties/${k.case_id}/evidence`, m.body, { session: await c.login('scj.officer'), headers: m.headers })).status, 201)
  const other = await c.login('zjj.clerk')
  const before = stored()
  assert.equal((await c.get(`/api/enforcement/penalties/${k.case_id}/archive`, { session: other })).status, 404)
  assert.equal((await c.get(`/api/enforcement/penalties/${k.case_id}/documents`, { session: other })).status, 404)
  assert.equal((await c.get(`/api/enforcement/penalties/${k.case_id}/documents/notice`, { session: other })).status, 404)
  assert.equal(stored(), before, 'another agency issues nothing')
  const r = await c.get(`/api/enforcement/penalties/${k.case_id}/archive`, { session: await c.login('scj.clerk') })
  assert.equal(r.status, 200, r.text)
  assert.equal(r.headers.get('content-type'), 'application/zip')
  assert.match(decodeURIComponent(r.headers.get('content-disposition')), /案卷/)
  const { entries } = unzip(r.bytes)
  assert.ok(entries.includes('目录.html'), entries.join(','))
  assert.ok(entries.includes('办理过程.html'))
  // Every document of a step taken is issued for the paper file; forms not downloaded are not.
  const l = await list(k.case_id)
  const issued = l.documents.filter((d) => d.number)
  assert.deepEqual(issued.map((d) => d.kind).sort(), ['decision', 'filing', 'notice', 'service'])
  const wanted = ['目录.html', '办理过程.html', ...entries.filter((e) => e.startsWith('文书/') || e.startsWith('证据/'))]
  const { files } = unzip(r.bytes, wanted)
  const index = files['目录.html'].toString('utf8')
  for (const d of issued) {
    const e = entries.find((x) => x.startsWith('文书/') && x.includes(d.title) && x.includes(d.number))
    assert.ok(e, `${d.title} ${d.number} in ${entries}`)
    assert.equal(sha256(files[e]), d.sha256, `${e} is the stored file`)
    assert.ok(index.includes(d.sha256) && index.includes(d.number) && index.includes(d.doc_date), `${d.title} in the index`)
  }
  const photo = entries.find((e) => e.startsWith('证据/') && e.endsWith('现场照片.jpg'))
  assert.ok(photo, entries.join(','))
  assert.ok(files[photo].equals(jpg))
  assert.ok(index.includes(sha256(jpg)))
  const timeline = files['办理过程.html'].toString('utf8')
  const hashes = sql(c.db, `SELECT hash FROM event WHERE case_id = ${k.case_id} AND action <> 'document_issue'`).map((x) => x[0])
  for (const h of hashes) assert.ok(timeline.includes(h), `event hash ${h} in the timeline`)
  assert.match(timeline, /作出处罚决定|决定/)
  // The county legal office may read every agency's case file.
  assert.equal((await c.get(`/api/enforcement/penalties/${k.case_id}/archive`, { session: await c.login('legal') })).status, 200)
})
