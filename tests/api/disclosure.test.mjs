// Information disclosure (政府信息公开条例, 2019): requests from the public portal and from the
// counter, the reply clock of 第33条 with correction (第30条), consultation (第32-33条),
// extension (第33条第2款) and fees (第42条), every reply type (第36-39条), the reply letter,
// agency scope, and the proactive-disclosure catalogue (第26条).
//
// Every expected date is counted by hand from data/cn-calendar.csv; the counting is in the
// comment beside it. "WDn" is the n-th working day after the trigger day (the trigger day
// itself is never counted); "H" an official holiday, "W" an official make-up working day
// (调休上班). The calendar of the months used, 2026:
//
//   Feb  9 10 11 12 13 | 14W  15H-23H (春节, 15 Sun .. 23 Mon) | 24 25 26 27 | 28W | Mar 1 Sun
//   Sep 21-24 Mon-Thu | 25H 26H 27H (中秋节, Fri-Sun) | 28 29 30 Mon-Wed
//   Oct 1H-7H (国庆节, Thu-Wed) | 8 Thu 9 Fri | 10W Sat | 11 Sun | from 12 Mon ordinary weeks
//   Nov, Dec: no holiday and no make-up day; Nov 2, 9, 16, 23, 30 and Dec 7, 14, 21, 28 are Mondays.
//
// Servers (each stopped, and checked for crashes and sanitizer reports, in after()):
//   main  FAZHI_TODAY 2026-11-23 (Mon) on a demo database; before it, the same database is
//         served once with FAZHI_TODAY 2026-11-02 ("early") to start a correction period and a
//         fee notice that have run out, or not, by 2026-11-23;
//   sep   FAZHI_TODAY 2026-09-25 (中秋节), its own demo database;
//   feb   FAZHI_TODAY 2026-02-13 (the Friday before 春节), its own demo database.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, Client, assertError, makeDb, mkTemp, sql, HAN, stopAll } from './lib.mjs'

const MAIN_TODAY = '2026-11-23'
const EARLY_TODAY = '2026-11-02'

let main // Client of the main server
let sep
let feb
const servers = []
let scj // agency_id of 青山县市场监督管理局 (scj.clerk, scj.head)
let zjj // agency_id of the 住建局 (zjj.clerk)
const early = {} // case ids made on 2026-11-02

// ---- helpers -------------------------------------------------------------------------------

/** A request as the public portal sends it. */
function publicBody (over = {}) {
  return {
    agency_id: scj,
    applicant_type: 'natural',
    applicant_name: '赵明远',
    phone: '13907910001',
    address: '青山县城关镇解放路 12 号',
    email: 'zhao@example.cn',
    description: '请公开2026年青山县农贸市场食品安全抽检结果',
    purpose: '了解本地食品安全情况',
    delivery: 'email',
    ...over,
  }
}

/** A request as staff register it at the counter (in person unless over says otherwise). */
function staffBody (over = {}) {
  return publicBody({ channel: 'in_person', submitted_on: MAIN_TODAY, ...over })
}

async function submitPublic (client, over = {}) {
  const r = await client.post('/api/public/disclosure/requests', publicBody(over))
  assert.equal(r.status, 201, `public submission: ${r.text}`)
  return r.json
}

async function register (client, username, over = {}) {
  const r = await client.post('/api/disclosure/requests', staffBody(over), { session: await client.login(username) })
  assert.equal(r.status, 201, `registration by ${username}: ${r.text}`)
  return r.json
}

function clock (detail, name) {
  const k = detail.clocks.find((x) => x.name === name)
  assert.ok(k, `no clock ${name} in ${JSON.stringify(detail.clocks.map((x) => x.name))}`)
  return k
}

/** Action names the user is offered on the case now. */
async function offered (client, caseId, username) {
  return (await client.detail(caseId, username)).actions.map((a) => a.name)
}

/**
 * What is stored about a case (its record, its request row, its clocks) and the size of every
 * table a disclosure write touches, read straight from the database.
 */
function stored (db, caseId) {
  const one = (q) => JSON.stringify(sql(db, q))
  return {
    counts: one('SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
      ' (SELECT COUNT(*) FROM disclosure_request), (SELECT COUNT(*) FROM case_clock),' +
      ' (SELECT COUNT(*) FROM disclosure_item), (SELECT COUNT(*) FROM number_seq)'),
    record: caseId ? one(`SELECT state, version, agency_id, received_on, closed_on FROM case_record WHERE case_id = ${Number(caseId)}`) : null,
    request: caseId ? one(`SELECT * FROM disclosure_request WHERE case_id = ${Number(caseId)}`) : null,
    clocks: caseId ? one(`SELECT name, state, trigger_date, due_date, extended_days, pauses, stopped_on FROM case_clock WHERE case_id = ${Number(caseId)} ORDER BY name`) : null,
  }
}

function assertNothingWritten (client, caseId, before) {
  assert.deepEqual(stored(client.db, caseId), before, 'a refused request changed what is stored')
}

/** The entries of a zip file and the text of one of them, through unzip(1). */
function unzip (bytes, entry) {
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'file.zip')
    fs.writeFileSync(f, bytes)
    const list = spawnSync('unzip', ['-Z1', f], { encoding: 'utf8' })
    assert.equal(list.status, 0, `not a zip file: ${list.stderr}`)
    const entries = list.stdout.split('\n').filter(Boolean)
    let text = null
    if (entry && entries.includes(entry)) {
      const r = spawnSync('unzip', ['-p', f, entry], { encoding: 'utf8', maxBuffer: 64 << 20 })
      assert.equal(r.status, 0, r.stderr)
      text = r.stdout
    }
    return { entries, text }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Text of a Word document (the w:t runs joined, so a phrase split across runs still matches). */
function docxText (bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx starts with PK')
  const { entries, text } = unzip(bytes, 'word/document.xml')
  assert.ok(entries.includes('word/document.xml'), `no word/document.xml in ${entries}`)
  return [...text.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// ---- servers -------------------------------------------------------------------------------

before(async () => {
  const dir = mkTemp('fazhi-disc-')
  const db = makeDb(dir)
  // Phase 1, on 2026-11-02: a correction notice and a fee notice whose periods are then
  // checked on 2026-11-23.
  const e = await startServer({ db, dir, env: { FAZHI_TODAY: EARLY_TODAY } })
  try {
    const c = new Client(e)
    scj = await c.agencyOf('scj.clerk')
    zjj = await c.agencyOf('zjj.clerk')
    // Received 2026-11-02 in person; the correction notice goes out the same day with 5 WD
    // to correct: 11-03 WD1, 04 WD2, 05 WD3, 06 WD4, (7-8 weekend) 09 WD5 -> ends 2026-11-09.
    early.deem = (await register(c, 'scj.clerk', { submitted_on: EARLY_TODAY, applicant_name: '钱卫东',
      description: '请公开某食品经营许可的审查材料' })).case_id
    await c.actOk(early.deem, 'request_correction', 'scj.clerk', { items: '请写明许可证编号或经营者名称。', correction_days: 5 })
    // Received 2026-10-30 (Fri) in person; fee notice on 2026-11-02.
    early.fee = (await register(c, 'scj.clerk', { submitted_on: '2026-10-30', applicant_name: '孙海燕',
      description: '请提供2021年至2025年全部食品抽检原始记录的复印件' })).case_id
    await c.actOk(early.fee, 'fee_notice', 'scj.clerk', { amount: 200, basis: '超出规定数量，按件计收。' })
  } finally {
    await e.stop({ keep: true })
  }
  const m = await startServer({ db, dir }) // FAZHI_TODAY = lib's TODAY = 2026-11-23
  servers.push(m)
  main = new Client(m)
  const s = await startServer({ env: { FAZHI_TODAY: '2026-09-25' } })
  servers.push(s)
  sep = new Client(s)
  const f = await startServer({ env: { FAZHI_TODAY: '2026-02-13' } })
  servers.push(f)
  feb = new Client(f)
})

after(() => stopAll(servers))

// ---- public submission ---------------------------------------------------------------------

describe('public submission (第31条（三）, 第33条)', () => {
  test('on 2026-09-25 (中秋节): received today, reply due 20 WD later across 国庆节', async () => {
    const agency = await sep.agencyOf('scj.clerk')
    const before = stored(sep.db)
    const r = await sep.post('/api/public/disclosure/requests', publicBody({ agency_id: agency }))
    assert.equal(r.status, 201, r.text)
    assert.match(r.json.tracking_code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    assert.match(r.json.number, /依申公〔2026〕\d+号$/)
    // Online: received the day both sides confirm, which the portal does at once.
    assert.equal(r.json.received_on, '2026-09-25')
    // Trigger 09-25 (not counted). 26H 27H; 09-28 WD1, 29 WD2, 30 WD3; 10-01..07 H;
    // 10-08 WD4, 09 WD5, 10W WD6; 12 WD7 .. 16 WD11; 19 WD12 .. 23 WD16; 26 WD17, 27 WD18,
    // 28 WD19, 29 WD20 -> 2026-10-29.
    assert.equal(r.json.due_date, '2026-10-29')
    const after = JSON.parse(stored(sep.db).counts)[0].map(Number)
    const was = JSON.parse(before.counts)[0].map(Number)
    assert.equal(after[1], was[1] + 1, 'one case')
    assert.equal(after[2], was[2] + 1, 'one request row')

    const t = await sep.get('/api/public/disclosure/track/' + r.json.tracking_code)
    assert.equal(t.status, 200, t.text)
    assert.equal(t.json.state, 'processing')
    assert.equal(t.json.received_on, '2026-09-25')
    assert.equal(t.json.agency_name, '青山县市场监督管理局')
    assert.equal(t.json.reply, null)
    const k = t.json.clocks.find((x) => x.name === 'reply')
    assert.equal(k.trigger_date, '2026-09-25')
    assert.equal(k.due_date, '2026-10-29')
    assert.equal(k.unit, 'WD')
    assert.equal(k.days, 20)
    assert.match(k.article, /第三十三条/)
    const explain = k.explain.join('\n')
    assert.match(explain, /国庆节/, 'the explanation names the holidays skipped')
    assert.match(explain, /2026-10-10/, 'and the make-up working day counted')

    const d = await sep.detail(r.json.case_id)
    assert.equal(d.case.fields.channel, 'online')
    assert.equal(d.case.fields.submitted_on, '2026-09-25')
    assert.equal(d.case.fields.applicant_name, '赵明远')
    assert.equal(d.case.fields.applicant_type_label, '自然人')
    assert.equal(d.case.agency_id, agency)
  })

  test('on 2026-02-13, the Friday before 春节: the make-up Saturdays count, the holiday does not', async () => {
    const agency = await feb.agencyOf('scj.clerk')
    const r = await feb.post('/api/public/disclosure/requests', publicBody({ agency_id: agency, applicant_type: 'commercial',
      applicant_name: '青山县新禾食品有限公司' }))
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.received_on, '2026-02-13')
    // Trigger 02-13 (not counted). 02-14W WD1; 15H..23H; 24 WD2, 25 WD3, 26 WD4, 27 WD5,
    // 28W WD6; 03-01 Sun; 03-02 WD7 .. 06 WD11; 09 WD12 .. 13 WD16; 16 WD17, 17 WD18,
    // 18 WD19, 19 WD20 -> 2026-03-19.
    assert.equal(r.json.due_date, '2026-03-19')
    const t = await feb.get('/api/public/disclosure/track/' + r.json.tracking_code)
    assert.equal(t.status, 200)
    assert.match(t.json.clocks[0].explain.join('\n'), /春节/)
    const d = await feb.detail(r.json.case_id)
    assert.equal(d.case.fields.applicant_type, 'commercial')
    assert.equal(d.case.due_date, '2026-03-19')
  })

  test('a request missing a required field, or with an unknown type, is refused and not stored', async () => {
    const before = stored(main.db)
    for (const [over, field] of [
      [{ applicant_name: undefined }, 'applicant_name'],
      [{ applicant_name: '   ' }, 'applicant_name'],
      [{ description: undefined }, 'description'],
      [{ phone: undefined }, 'phone'],
      [{ phone: '电话号码' }, 'phone'],
      [{ applicant_type: 'government' }, 'applicant_type'],
      [{ delivery: 'pigeon' }, 'delivery'],
      [{ agency_id: undefined }, 'agency_id'],
      // 第29条: the way of delivery needs its contact detail.
      [{ delivery: 'email', email: undefined }, 'email'],
      [{ delivery: 'email', email: '' }, 'email'],
      [{ email: 'zhao at example.cn' }, 'email'],
      [{ email: 'zhao@example' }, 'email'],
      [{ delivery: 'post', address: undefined }, 'address'],
      [{ delivery: 'post', address: '' }, 'address'],
    ]) {
      const r = await main.post('/api/public/disclosure/requests', publicBody(over))
      const e = assertError(r, 422, undefined, field)
      assert.match(e.message, HAN)
    }
    assertNothingWritten(main, null, before)
  })

  test('the title staff see is the request on one line, cut at 40 characters with …', async () => {
    const long = '请公开以下信息：\n1. 2025年度青山县农贸市场食品安全抽检的全部结果；\n2. 抽检不合格产品的处理情况及后续整改落实情况。'
    const r = await main.post('/api/public/disclosure/requests', publicBody({ description: long }))
    assert.equal(r.status, 201, r.text)
    const d = await main.detail(r.json.case_id, 'scj.clerk')
    assert.ok(!/[\n\r]/.test(d.case.title), 'one line')
    assert.ok(d.case.title.endsWith('…'), d.case.title)
    assert.equal([...d.case.title].length, 40)
    assert.ok(d.case.title.startsWith('请公开以下信息： 1. 2025年度'), d.case.title)
  })

  test('an unknown tracking code is 404', async () => {
    assertError(await main.get('/api/public/disclosure/track/AAAA-BBBB-CCCC'), 404, 'NOT_FOUND')
  })
})

// ---- staff registration ----------------------------------------------------------------

describe('staff registration (第31条 receipt day)', () => {
  test('in person: received the day it was handed in; reply due 20 WD later', async () => {
    const r = await register(main, 'scj.clerk', { submitted_on: '2026-11-20' })
    assert.equal(r.received_on, '2026-11-20')
    // Trigger 11-20 (Fri). 11-23 WD1 .. 27 WD5; 30 WD6; 12-01 WD7 .. 04 WD10; 07 WD11 .. 11 WD15;
    // 14 WD16, 15 WD17, 16 WD18, 17 WD19, 18 WD20 -> 2026-12-18.
    assert.equal(r.due_date, '2026-12-18')
    const d = await main.detail(r.case_id, 'scj.clerk')
    assert.equal(d.case.fields.channel, 'in_person')
    assert.equal(d.case.fields.channel_label, '当面提交')
    assert.equal(d.case.fields.submitted_on, '2026-11-20')
    assert.equal(clock(d, 'reply').trigger_date, '2026-11-20')
    assert.equal(d.case.agency_id, scj)
  })

  test('signed post without signed_on is refused, naming signed_on; nothing stored', async () => {
    const before = stored(main.db)
    const r = await main.post('/api/disclosure/requests', staffBody({ channel: 'post_signed', submitted_on: '2026-11-16' }),
      { session: await main.login('scj.clerk') })
    const e = assertError(r, 422, 'MISSING_FIELD', 'signed_on')
    assert.match(e.message, /第31条/)
    assertNothingWritten(main, null, before)
  })

  test('signed post: received the day it was signed for, and the clock runs from that day', async () => {
    const r = await register(main, 'scj.clerk', { channel: 'post_signed', submitted_on: '2026-11-16', signed_on: '2026-11-19' })
    assert.equal(r.received_on, '2026-11-19')
    // Trigger 11-19 (Thu). 11-20 WD1; 23 WD2 .. 27 WD6; 30 WD7; 12-01 WD8 .. 04 WD11;
    // 07 WD12 .. 11 WD16; 14 WD17, 15 WD18, 16 WD19, 17 WD20 -> 2026-12-17.
    assert.equal(r.due_date, '2026-12-17')
    const d = await main.detail(r.case_id)
    assert.equal(d.case.fields.submitted_on, '2026-11-16')
    assert.equal(d.case.received_on, '2026-11-19')
  })

  test('e-mail: received the day both sides confirmed', async () => {
    const r = await register(main, 'scj.clerk', { channel: 'email', submitted_on: '2026-11-16', confirmed_on: '2026-11-18' })
    assert.equal(r.received_on, '2026-11-18')
    // Trigger 11-18 (Wed). 19 WD1, 20 WD2; 23 WD3 .. 27 WD7; 30 WD8; 12-01 WD9 .. 04 WD12;
    // 07 WD13 .. 11 WD17; 14 WD18, 15 WD19, 16 WD20 -> 2026-12-16.
    assert.equal(r.due_date, '2026-12-16')
  })

  test('a confirmation dated before the submission is refused, naming confirmed_on', async () => {
    const before = stored(main.db)
    const s = await main.login('scj.clerk')
    for (const channel of ['post_ordinary', 'fax', 'email']) {
      const r = await main.post('/api/disclosure/requests',
        staffBody({ channel, submitted_on: '2026-11-16', confirmed_on: '2026-11-13' }), { session: s })
      assertError(r, 422, 'BAD_DATE', 'confirmed_on')
    }
    const r = await main.post('/api/disclosure/requests',
      staffBody({ channel: 'post_signed', submitted_on: '2026-11-16', signed_on: '2026-11-15' }), { session: s })
    assertError(r, 422, 'BAD_DATE', 'signed_on')
    assertNothingWritten(main, null, before)
  })

  test('a receipt day in the future is refused, naming the date that sets it', async () => {
    const before = stored(main.db)
    const s = await main.login('scj.clerk')
    assertError(await main.post('/api/disclosure/requests', staffBody({ submitted_on: '2026-11-24' }), { session: s }),
      422, 'BAD_DATE', 'submitted_on')
    assertError(await main.post('/api/disclosure/requests',
      staffBody({ channel: 'post_signed', submitted_on: '2026-11-20', signed_on: '2026-11-24' }), { session: s }),
    422, 'BAD_DATE', 'signed_on')
    assertError(await main.post('/api/disclosure/requests',
      staffBody({ channel: 'fax', submitted_on: '2026-11-23', confirmed_on: '2026-12-01' }), { session: s }),
    422, 'BAD_DATE', 'confirmed_on')
    assertNothingWritten(main, null, before)
  })

  test('an agency clerk cannot register a request for another agency (403); nothing stored', async () => {
    const before = stored(main.db)
    const r = await main.post('/api/disclosure/requests', staffBody({ agency_id: zjj }), { session: await main.login('scj.clerk') })
    assertError(r, 403, 'FORBIDDEN')
    // The county leader (read-only) cannot register at all.
    assertError(await main.post('/api/disclosure/requests', staffBody(), { session: await main.login('leader') }), 403, 'FORBIDDEN')
    assertNothingWritten(main, null, before)
  })

  test('an unknown channel is refused, naming channel', async () => {
    const before = stored(main.db)
    const r = await main.post('/api/disclosure/requests', staffBody({ channel: 'wechat' }), { session: await main.login('scj.clerk') })
    assertError(r, 422, undefined, 'channel')
    assertNothingWritten(main, null, before)
  })
})

// ---- correction (第30条) ------------------------------------------------------------------

describe('correction (第30条)', () => {
  let id // received 2026-11-12
  let code

  test('a correction notice on the 7th WD after receipt pauses the reply clock', async () => {
    // Received 11-12 (Thu): 13 WD1; 16 WD2 .. 20 WD6; 23 WD7 = today, the last day allowed.
    const reg = await register(main, 'scj.clerk', { submitted_on: '2026-11-12', applicant_name: '周晓梅' })
    id = reg.case_id
    code = reg.tracking_code
    const d = await main.actOk(id, 'request_correction', 'scj.clerk',
      { items: '请写明所需信息的文号或形成时间。', correction_days: 10 })
    assert.equal(d.case.state, 'correcting')
    assert.equal(d.case.state_label, '待补正')
    const reply = clock(d, 'reply')
    assert.equal(reply.state, 'paused')
    assert.equal(reply.status, 'paused')
    // The applicant's period: 10 WD from the notice day 11-23: 24 WD1 .. 27 WD4; 30 WD5;
    // 12-01 WD6 .. 04 WD9; 07 WD10 -> 2026-12-07.
    const corr = clock(d, 'correction')
    assert.equal(corr.trigger_date, '2026-11-23')
    assert.equal(corr.due_date, '2026-12-07')
    assert.equal(d.case.fields.corrections, 1)
  })

  test('while waiting: a second notice is refused (409), deem_withdrawn too and it is not offered', async () => {
    const before = stored(main.db, id)
    assertError(await main.act(id, 'request_correction', 'scj.clerk', { items: '再次补正', correction_days: 5 }), 409, 'STATE')
    const e = assertError(await main.act(id, 'deem_withdrawn', 'scj.clerk'), 409, 'STATE')
    assert.match(e.message, /2026-12-07/, 'the refusal says when the period ends')
    assert.ok(!(await offered(main, id, 'scj.clerk')).includes('deem_withdrawn'))
    assert.ok((await offered(main, id, 'scj.clerk')).includes('corrected'))
    assertNothingWritten(main, id, before)
  })

  test('a correction received before the notice, or in the future, is refused naming corrected_on', async () => {
    const before = stored(main.db, id)
    for (const day of ['2026-11-20', '2026-11-24']) {
      const r = await main.act(id, 'corrected', 'scj.clerk', { corrected_on: day, note: '已补正' })
      assertError(r, 422, 'BAD_DATE', 'corrected_on')
    }
    assertNothingWritten(main, id, before)
  })

  test('corrected: the 20 WD restart from the day the correction was received', async () => {
    const d = await main.actOk(id, 'corrected', 'scj.clerk', { corrected_on: '2026-11-23', note: '申请人补充了文号。' })
    assert.equal(d.case.state, 'processing')
    const reply = clock(d, 'reply')
    assert.equal(reply.state, 'running')
    assert.equal(reply.trigger_date, '2026-11-23')
    // Trigger 11-23: 24 WD1 .. 27 WD4; 30 WD5; 12-01 WD6 .. 04 WD9; 07 WD10 .. 11 WD14;
    // 14 WD15 .. 18 WD19; 21 WD20 -> 2026-12-21.
    assert.equal(reply.due_date, '2026-12-21')
    assert.equal(d.case.due_date, '2026-12-21')
    assert.equal(clock(d, 'correction').state, 'stopped')
  })

  test('the notice is given once: a second one after the correction is refused citing 第三十条', async () => {
    const before = stored(main.db, id)
    const e = assertError(await main.act(id, 'request_correction', 'scj.clerk', { items: '再补正一次', correction_days: 5 }), 409, 'STATE')
    assert.match(e.message, /第三十条/)
    assertNothingWritten(main, id, before)
  })

  test('a notice later than 7 WD after receipt is refused (409) with the article and the last day', async () => {
    // Received 11-10 (Tue): 11 WD1, 12 WD2, 13 WD3; 16 WD4, 17 WD5, 18 WD6, 19 WD7 -> the
    // notice had to go out by 2026-11-19; today is 11-23.
    const late = (await register(main, 'scj.clerk', { submitted_on: '2026-11-10' })).case_id
    const before = stored(main.db, late)
    const e = assertError(await main.act(late, 'request_correction', 'scj.clerk', { items: '补正', correction_days: 10 }), 409, 'STATE')
    assert.match(e.message, /第三十条/)
    assert.match(e.message, /2026-11-19/)
    assertNothingWritten(main, late, before)
  })

  test('deemed withdrawn once the correction period has run out: outcome 其他处理 1 (other.no_correction)', async () => {
    // early.deem: notice on 11-02 with 5 WD, so the period ended 2026-11-09 (see before()).
    let d = await main.detail(early.deem, 'scj.clerk')
    assert.equal(d.case.state, 'correcting')
    assert.equal(clock(d, 'correction').due_date, '2026-11-09')
    assert.ok(d.actions.some((a) => a.name === 'deem_withdrawn'), 'offered once the period has run out')
    d = await main.actOk(early.deem, 'deem_withdrawn', 'scj.clerk')
    assert.equal(d.case.state, 'withdrawn')
    assert.equal(d.case.fields.outcome, 'other.no_correction')
    assert.match(d.case.fields.outcome_label, /逾期不补正/)
    assert.equal(d.case.fields.replied_on, MAIN_TODAY)
    assert.equal(clock(d, 'reply').state, 'stopped')
    assert.equal(clock(d, 'correction').state, 'stopped')
    const row = sql(main.db, `SELECT report_row FROM disclosure_request WHERE case_id = ${early.deem}`)
    assert.equal(row[0][0], 'other.no_correction')
  })
})

// ---- consultation (第32条, 第33条) --------------------------------------------------------

describe('consultation (第32条, 第33条)', () => {
  let id

  test('consult pauses the reply clock and starts the third party’s 15 WD', async () => {
    // Received 11-02 (Mon). Reply due: 03 WD1 .. 06 WD4; 09 WD5 .. 13 WD9; 16 WD10 .. 20 WD14;
    // 23 WD15 .. 27 WD19; 30 WD20 -> 2026-11-30.
    const r = await register(main, 'scj.clerk', { submitted_on: '2026-11-02', applicant_name: '吴国栋',
      description: '请公开对某食品企业的检查记录' })
    id = r.case_id
    assert.equal(r.due_date, '2026-11-30')
    const d = await main.actOk(id, 'consult', 'scj.clerk', { third_party: '青山县某食品有限公司', sent_on: '2026-11-05' })
    assert.equal(d.case.state, 'consulting')
    assert.equal(clock(d, 'reply').status, 'paused')
    const tp = clock(d, 'third_party')
    assert.equal(tp.trigger_date, '2026-11-05')
    // Trigger 11-05 (Thu): 06 WD1; 09 WD2 .. 13 WD6; 16 WD7 .. 20 WD11; 23 WD12, 24 WD13,
    // 25 WD14, 26 WD15 -> 2026-11-26.
    assert.equal(tp.due_date, '2026-11-26')
    assert.equal(tp.days, 15)
  })

  test('an answer dated before the letter went out is refused, naming answered_on', async () => {
    const before = stored(main.db, id)
    assertError(await main.act(id, 'consulted', 'scj.clerk', { answered_on: '2026-11-04', opinion: '不同意公开' }),
      422, 'BAD_DATE', 'answered_on')
    assertNothingWritten(main, id, before)
  })

  test('consulted resumes: the due day moves by the working days in (sent_on, answered_on]', async () => {
    const d = await main.actOk(id, 'consulted', 'scj.clerk', { answered_on: '2026-11-20', opinion: '第三方不同意公开其商业秘密。' })
    assert.equal(d.case.state, 'processing')
    const reply = clock(d, 'reply')
    assert.equal(reply.state, 'running')
    // Excluded: the WD in (11-05, 11-20] = 06; 09-13; 16-20 = 11 WD. 11-30 + 11 WD:
    // 12-01 WD1 .. 04 WD4; 07 WD5 .. 11 WD9; 14 WD10, 15 WD11 -> 2026-12-15.
    // (Walking it: 11-03, 04, 05 counted (3), 06..20 excluded, 23..27 (8), 30 (9),
    // 12-01..04 (13), 07..11 (18), 14 (19), 15 (20).)
    assert.equal(reply.due_date, '2026-12-15')
    assert.equal(reply.trigger_date, '2026-11-02', 'consultation pauses; it does not restart')
    assert.equal(clock(d, 'third_party').state, 'stopped')
  })
})

test('tracking shows the applicant each step with its day and what they were told, nothing internal', async () => {
  // A request received 11-12, sent a correction notice, corrected on 11-23, then extended.
  const reg = await register(main, 'scj.clerk', { submitted_on: '2026-11-12', applicant_name: '冯立群' })
  await main.actOk(reg.case_id, 'request_correction', 'scj.clerk', { items: '请写明所需信息的形成年份。', correction_days: 10 })
  await main.actOk(reg.case_id, 'corrected', 'scj.clerk', { corrected_on: '2026-11-23', note: '内部备注：电话核实' })
  await main.actOk(reg.case_id, 'extend', 'scj.head', { days: 10, reason: '需要调取档案。' })
  const t = await main.get(`/api/public/disclosure/track/${reg.tracking_code}`)
  assert.equal(t.status, 200, t.text)
  const tl = t.json.timeline
  assert.deepEqual(tl.map((x) => x.action), ['create', 'request_correction', 'corrected', 'extend'])
  assert.equal(tl[0].on, '2026-11-12', 'received on the day of 第三十一条, not the day it was registered')
  assert.equal(tl[0].label, '收到申请')
  assert.equal(tl[1].detail, '请写明所需信息的形成年份。')
  assert.equal(tl[2].on, '2026-11-23')
  assert.match(tl[3].detail, /延长 10 个工作日.*需要调取档案/)
  for (const x of tl) assert.match(x.label, HAN)
  assert.ok(!JSON.stringify(tl).includes('内部备注'), 'staff notes stay inside')
  assert.ok(tl.every((x) => !('input' in x)))
})

// ---- extension (第33条第2款) --------------------------------------------------------------

describe('extension (第33条第2款)', () => {
  let id

  test('a clerk cannot extend (403); more than 20 WD is refused (422); nothing changes', async () => {
    // Received 11-05 (Thu): 06 WD1; 09 WD2 .. 13 WD6; 16 WD7 .. 20 WD11; 23 WD12 .. 27 WD16;
    // 30 WD17; 12-01 WD18, 02 WD19, 03 WD20 -> 2026-12-03.
    const r = await register(main, 'scj.clerk', { submitted_on: '2026-11-05', applicant_name: '郑爱华' })
    id = r.case_id
    assert.equal(r.due_date, '2026-12-03')
    const before = stored(main.db, id)
    assertError(await main.act(id, 'extend', 'scj.clerk', { days: 10, reason: '需要调档' }), 403, 'FORBIDDEN')
    assert.ok(!(await offered(main, id, 'scj.clerk')).includes('extend'))
    assertError(await main.act(id, 'extend', 'scj.head', { days: 21, reason: '需要调档' }), 422, undefined, 'days')
    assertNothingWritten(main, id, before)
  })

  test('the head extends by 20 WD: due + 20 WD', async () => {
    const d = await main.actOk(id, 'extend', 'scj.head', { days: 20, reason: '申请内容涉及多个年度档案，需要调档核对。' })
    const reply = clock(d, 'reply')
    assert.equal(reply.extended_days, 20)
    // 12-03 + 20 WD: 04 WD1; 07 WD2 .. 11 WD6; 14 WD7 .. 18 WD11; 21 WD12 .. 25 WD16;
    // 28 WD17, 29 WD18, 30 WD19, 31 WD20 -> 2026-12-31.
    assert.equal(reply.due_date, '2026-12-31')
    assert.equal(d.case.state, 'processing')
    assert.equal(d.events.at(-1).action, 'extend')
  })

  test('a second extension is refused (409); nothing changes', async () => {
    const before = stored(main.db, id)
    const r = await main.act(id, 'extend', 'scj.head', { days: 1, reason: '再延长' })
    assert.equal(r.status, 409, r.text)
    assertNothingWritten(main, id, before)
    assert.equal(clock(await main.detail(id), 'reply').due_date, '2026-12-31')
  })

  // The message once quoted the clock's whole article (278 bytes) and was cut mid-character
  // by fz_err_set, leaving a 409 with an empty body; now it cites the article briefly and
  // fz_err_set cuts on a character boundary.
  test('a second extension is refused with an error naming 第三十三条', async () => {
    const r = await main.act(id, 'extend', 'scj.head', { days: 1, reason: '再延长' })
    const e = assertError(r, 409, 'STATE')
    assert.match(e.message, /第三十三条/)
  })
})

// ---- fees (第42条) ------------------------------------------------------------------------

describe('fees (第42条)', () => {
  test('before the payment period ends, fee_lapsed is refused (409) and not offered', async () => {
    // early.fee: received 10-30, fee notice 11-02; 20 WD to pay: 03 WD1 .. 06 WD4; 09 WD5 .. 13 WD9;
    // 16 WD10 .. 20 WD14; 23 WD15 .. 27 WD19; 30 WD20 -> 2026-11-30, after today.
    const d = await main.detail(early.fee, 'scj.clerk')
    assert.equal(d.case.state, 'awaiting_fee')
    assert.equal(clock(d, 'reply').status, 'paused')
    assert.equal(clock(d, 'fee').due_date, '2026-11-30')
    assert.equal(d.case.fields.fee_amount, 200)
    assert.equal(d.case.fields.fee_paid, false)
    assert.ok(!d.actions.some((a) => a.name === 'fee_lapsed'))
    const before = stored(main.db, early.fee)
    const e = assertError(await main.act(early.fee, 'fee_lapsed', 'scj.clerk'), 409, 'STATE')
    assert.match(e.message, /2026-11-30/)
    assertNothingWritten(main, early.fee, before)
  })

  test('fee_paid resumes the reply clock; the unpaid time is not counted', async () => {
    const d = await main.actOk(early.fee, 'fee_paid', 'scj.clerk', { paid_on: '2026-11-20' })
    assert.equal(d.case.state, 'processing')
    assert.equal(d.case.fields.fee_paid, true)
    const reply = clock(d, 'reply')
    assert.equal(reply.state, 'running')
    // Received 10-30 (Fri); paused 11-02, resumed 11-20. Counted: 11-02 (1, the pause day);
    // 03..20 excluded; 23..27 (6); 30 (7); 12-01..04 (11); 07..11 (16); 14 (17), 15 (18),
    // 16 (19), 17 (20) -> 2026-12-17.
    assert.equal(reply.due_date, '2026-12-17')
    assert.equal(clock(d, 'fee').state, 'stopped')
  })
})

// ---- reply (第36-39条) --------------------------------------------------------------------

// What each reply type needs besides the text, from 第36-39条 (hand-written, not read from the code).
const NEEDS = {
  disclose: [],
  already_public: ['where'], // 第36条（一）: say where it is public
  partial: ['ground', 'withheld'], // 第37条: what was withheld and why
  'unable.not_held': [],
  not_ours: ['right_agency'], // 第36条（五）: name the agency that holds it
  'unable.needs_creation': [],
  'unable.unclear': [],
  'other.other': ['ground'],
}
function needsOf (outcome) {
  if (outcome in NEEDS) return NEEDS[outcome]
  if (/^(withhold|refuse)\./.test(outcome)) return ['ground'] // 第14-16条, 第35/36/39条: reasons
  throw new Error(`test does not know outcome ${outcome}`)
}
const FILL = {
  ground: '根据《中华人民共和国政府信息公开条例》的有关规定。',
  where: '青山县人民政府门户网站“政府信息公开”专栏',
  right_agency: '青山县卫生健康委员会，电话 0791-5550000',
  withheld: '涉及个人隐私的身份证号码已作区分处理。',
}

describe('reply (第36-39条)', () => {
  test('every reply type of the form can be given; a missing required part is refused naming it', async (t) => {
    const meta = await main.get('/api/public/disclosure/meta')
    assert.equal(meta.status, 200)
    const outcomes = meta.json.outcomes
    // 21 types staff choose (the two system ends, 逾期不补正 and 逾期未缴费, are not in the form).
    assert.equal(outcomes.length, 21)
    assert.ok(!outcomes.some((o) => o.value === 'other.no_correction' || o.value === 'other.no_fee'))
    for (const o of outcomes) {
      await t.test(o.value, async () => {
        const r = await submitPublic(main, { applicant_name: '答复测试人', description: `答复类型测试：${o.value}` })
        const id = r.case_id
        const needs = needsOf(o.value)
        const full = { outcome: o.value, reply_text: `经审查，答复如下（${o.label}）。` }
        for (const f of needs) full[f] = FILL[f]
        for (const missing of needs) {
          const before = stored(main.db, id)
          for (const blank of [undefined, '  ']) {
            const body = { ...full, [missing]: blank }
            const e = assertError(await main.act(id, 'reply', 'scj.clerk', body), 422, undefined, missing)
            assert.match(e.message, HAN)
          }
          assertNothingWritten(main, id, before)
        }
        if (o.value === 'unable.unclear') {
          // 第30条: "still unclear after correction" needs a correction notice first.
          const before = stored(main.db, id)
          assertError(await main.act(id, 'reply', 'scj.clerk', full), 422, undefined, 'outcome')
          assertNothingWritten(main, id, before)
          await main.actOk(id, 'request_correction', 'scj.clerk', { items: '请说明所需信息的具体内容。', correction_days: 10 })
          await main.actOk(id, 'corrected', 'scj.clerk', { corrected_on: MAIN_TODAY, note: '补正后仍不明确' })
        }
        const d = await main.actOk(id, 'reply', 'scj.clerk', full)
        assert.equal(d.case.state, 'replied')
        assert.equal(d.case.fields.outcome, o.value)
        assert.equal(d.case.fields.replied_on, MAIN_TODAY)
        assert.equal(d.case.fields.reply_text, full.reply_text)
        for (const f of needs) assert.equal(d.case.fields[f], FILL[f])
        assert.ok(d.case.fields.outcome_label && o.label.startsWith(d.case.fields.outcome_label.slice(0, 4)),
          `${o.value}: label ${d.case.fields.outcome_label} vs form ${o.label}`)
        assert.equal(clock(d, 'reply').state, 'stopped')
        assert.deepEqual(d.actions, [], 'nothing more to do on a replied request')
        const t2 = await main.get('/api/public/disclosure/track/' + r.tracking_code)
        assert.equal(t2.json.state, 'replied')
        assert.equal(t2.json.reply.outcome_label, d.case.fields.outcome_label)
        assert.equal(t2.json.reply.replied_on, MAIN_TODAY)
      })
    }
  })

  test('an unknown reply type is refused naming outcome', async () => {
    const { case_id: id } = await submitPublic(main)
    const before = stored(main.db, id)
    assertError(await main.act(id, 'reply', 'scj.clerk', { outcome: 'ignore', reply_text: '不理' }), 422, undefined, 'outcome')
    assertError(await main.act(id, 'reply', 'scj.clerk', { outcome: 'other.no_fee', reply_text: '未缴费' }), 422, undefined, 'outcome')
    assertNothingWritten(main, id, before)
  })

  test('a request that has ended cannot be replied (409), nor withdrawn', async () => {
    const { case_id: id } = await submitPublic(main)
    await main.actOk(id, 'reply', 'scj.clerk', { outcome: 'disclose', reply_text: '予以公开，见附件。' })
    const before = stored(main.db, id)
    assertError(await main.act(id, 'reply', 'scj.clerk', { outcome: 'disclose', reply_text: '再答复一次' }), 409, 'STATE')
    assertError(await main.act(id, 'withdraw', 'scj.clerk', { reason: '撤回' }), 409, 'STATE')
    assertNothingWritten(main, id, before)
    // Likewise a request deemed withdrawn (the early correction case).
    const b2 = stored(main.db, early.deem)
    assertError(await main.act(early.deem, 'reply', 'scj.clerk', { outcome: 'disclose', reply_text: '答复' }), 409, 'STATE')
    assertNothingWritten(main, early.deem, b2)
  })

  test('the reply letter: a real Word file naming the applicant and the reply type; public download only once replied', async () => {
    const r = await submitPublic(main, { applicant_name: '欧阳明月', description: '请公开某企业的产品检验报告' })
    const pub = `/api/public/disclosure/track/${r.tracking_code}/reply.docx`
    assertError(await main.get(pub), 404, 'NOT_FOUND')
    // Staff may look at the draft before replying.
    const draft = await main.get(`/api/cases/${r.case_id}/documents/reply.docx`, { session: await main.login('scj.clerk') })
    assert.equal(draft.status, 200, draft.text)
    assert.match(docxText(draft.bytes), /欧阳明月/)

    await main.actOk(r.case_id, 'reply', 'scj.clerk', { outcome: 'withhold.third_party', ground: '涉及第三方商业秘密，第三方不同意公开。',
      reply_text: '经征求第三方意见，决定不予公开。' })
    const staff = await main.get(`/api/cases/${r.case_id}/documents/reply.docx`, { session: await main.login('scj.clerk') })
    assert.equal(staff.status, 200, staff.text)
    assert.equal(staff.headers.get('content-type'), DOCX)
    const text = docxText(staff.bytes)
    assert.match(text, /政府信息公开申请答复告知书/)
    assert.match(text, /欧阳明月/, 'the applicant is addressed')
    assert.match(text, /不予公开：保护第三方合法权益/, 'the reply type')
    assert.match(text, /第15条/, 'its article')
    assert.match(text, /涉及第三方商业秘密/, 'the ground')
    assert.match(text, /经征求第三方意见，决定不予公开/, 'the text')
    assert.match(text, /青山县市场监督管理局/, 'signed by the agency')

    const p = await main.get(pub)
    assert.equal(p.status, 200, p.text)
    assert.equal(p.headers.get('content-type'), DOCX)
    const ptext = docxText(p.bytes)
    assert.match(ptext, /欧阳明月/)
    assert.match(ptext, /不予公开：保护第三方合法权益/)
    // A withdrawn request has no reply letter for the public.
    const t = await main.get('/api/public/disclosure/track/' + (await main.detail(early.deem)).case.tracking_code + '/reply.docx')
    assertError(t, 404, 'NOT_FOUND')
  })
})

// ---- agency scope ------------------------------------------------------------------------

describe('agency scope', () => {
  test('another agency’s request is 404 to a clerk: reading, acting, the reply letter; nothing changes', async () => {
    const zid = (await register(main, 'zjj.clerk', { agency_id: zjj, applicant_name: '冯志强',
      description: '请公开某小区规划许可证' })).case_id
    await main.actOk(zid, 'reply', 'zjj.clerk', { outcome: 'disclose', reply_text: '予以公开。' })
    const s = await main.login('scj.clerk')
    const missing = await main.get('/api/cases/99999999', { session: s })
    assertError(missing, 404, 'NOT_FOUND')
    const get = await main.get(`/api/cases/${zid}`, { session: s })
    assertError(get, 404, 'NOT_FOUND')
    assert.deepEqual(get.json, missing.json, 'the answer does not reveal that the case exists')
    const before = stored(main.db, zid)
    const version = (await main.detail(zid)).case.version
    for (const [action, body] of [['reply', { outcome: 'disclose', reply_text: '越权答复' }],
      ['withdraw', { reason: '越权' }], ['request_correction', { items: '越权', correction_days: 5 }]]) {
      assertError(await main.post(`/api/cases/${zid}/actions/${action}`, { version, ...body }, { session: s }), 404, 'NOT_FOUND')
    }
    const doc = await main.get(`/api/cases/${zid}/documents/reply.docx`, { session: s })
    assertError(doc, 404, 'NOT_FOUND')
    assert.ok(!doc.bytes.subarray(0, 2).equals(Buffer.from('PK')))
    assertNothingWritten(main, zid, before)
    // The positive control: its own agency downloads it.
    const own = await main.get(`/api/cases/${zid}/documents/reply.docx`, { session: await main.login('zjj.clerk') })
    assert.equal(own.status, 200)
    // And the clerk's list of disclosure cases holds only scj's.
    const list = await main.get('/api/cases?type=disclosure&per_page=100', { session: s })
    assert.equal(list.status, 200)
    assert.ok(list.json.items.length > 0)
    for (const x of list.json.items) assert.equal(x.agency_id, scj)
  })
})

// ---- catalogue (第26条) ----------------------------------------------------------------

test('the catalogue counts each category under the other filters, whichever category is shown', async () => {
  const all = (await main.get('/api/public/disclosure/items?per_page=1')).json
  const sum = all.category_counts.reduce((n, c) => n + c.count, 0)
  assert.equal(sum, all.total, 'the categories add up to the whole catalogue')
  for (const c of all.category_counts) assert.match(c.label, HAN)
  const penalty = (await main.get('/api/public/disclosure/items?category=penalty&per_page=1')).json
  assert.deepEqual(penalty.category_counts, all.category_counts, 'choosing a category does not change the counts')
  assert.equal(penalty.total, all.category_counts.find((c) => c.value === 'penalty').count)
  // So does an agency.
  const mine = (await main.get(`/api/public/disclosure/items?agency_id=${scj}&per_page=1`)).json
  assert.equal(mine.category_counts.reduce((n, c) => n + c.count, 0), mine.total)
  assert.ok(mine.total > 0 && mine.total < all.total)
  // A search narrows the counts too.
  const q = encodeURIComponent('行政处罚')
  const found = (await main.get(`/api/public/disclosure/items?q=${q}&per_page=1`)).json
  assert.equal(found.category_counts.reduce((n, c) => n + c.count, 0), found.total)
  assert.ok(found.total < all.total)
})

describe('proactive-disclosure catalogue (第26条)', () => {
  function item (over = {}) {
    return {
      agency_id: scj,
      category: 'penalty',
      title: '青山县市场监督管理局行政处罚决定公示（测试）',
      body: '根据《中华人民共和国政府信息公开条例》第二十条，现公开本局作出的行政处罚决定。',
      created_on: '2026-10-12',
      published_on: '2026-10-12',
      ...over,
    }
  }
  async function create (over) {
    const r = await main.post('/api/disclosure/items', item(over), { session: await main.login('scj.clerk') })
    assert.equal(r.status, 201, r.text)
    return r.json
  }

  test('published 25 WD after it was made: late', async () => {
    // Made 10-12 (Mon): 13 WD1 .. 16 WD4; 19 WD5 .. 23 WD9; 26 WD10 .. 30 WD14;
    // 11-02 WD15 .. 06 WD19; 09 WD20 (the last day allowed) .. 13 WD24; 16 WD25.
    const it = await create({ title: '行政处罚决定公示（迟延公开测试）', created_on: '2026-10-12', published_on: '2026-11-16' })
    assert.equal(it.late, true)
    assert.equal(it.published_on, '2026-11-16')
    assert.match(it.index_no, /\/2026-\d{5}$/)
    assert.equal(it.agency_name, '青山县市场监督管理局')
    assert.equal(it.category_label, '行政处罚')
  })

  test('published on the 20th WD, across 国庆节: on time; one WD later: late', async () => {
    // Made 09-25 (中秋节): the 20th WD after it is 2026-10-29 (counted in the public
    // submission test above), so 10-29 is on time and 10-30 (WD21) is late.
    const onTime = await create({ title: '规范性文件公开（按期测试）', category: 'normdoc', created_on: '2026-09-25', published_on: '2026-10-29' })
    assert.equal(onTime.late, false)
    const oneLate = await create({ title: '规范性文件公开（晚一日测试）', category: 'normdoc', created_on: '2026-09-25', published_on: '2026-10-30' })
    assert.equal(oneLate.late, true)
    const sameDay = await create({ title: '机构职能公开（当日测试）', category: 'functions', created_on: '2026-11-20', published_on: '2026-11-20' })
    assert.equal(sameDay.late, false)
  })

  test('made in late December: its 20 WD run into a year not loaded yet, and it is still recorded', async () => {
    // Made 12-21: the 20th working day falls in January 2027, whose holidays are not loaded.
    // Published within 20 days of being made it is on time whatever the holidays.
    for (const [made, published] of [['2026-12-21', '2026-12-31'], ['2026-12-14', '2026-12-14']]) {
      const it = await create({ title: `年末形成的信息（${made}）`, created_on: made, published_on: published })
      assert.equal(it.late, false, `${made} -> ${published}`)
      assert.equal(it.created_on, made)
    }
  })

  test('published before it was made: 422 naming published_on; nothing stored', async () => {
    const before = stored(main.db)
    const r = await main.post('/api/disclosure/items', item({ created_on: '2026-11-10', published_on: '2026-11-09' }),
      { session: await main.login('scj.clerk') })
    assertError(r, 422, 'BAD_DATE', 'published_on')
    const wrongAgency = await main.post('/api/disclosure/items', item({ agency_id: zjj }), { session: await main.login('scj.clerk') })
    assertError(wrongAgency, 403, 'FORBIDDEN')
    assertError(await main.post('/api/disclosure/items', item({ category: 'gossip' }), { session: await main.login('scj.clerk') }),
      422, undefined, 'category')
    assertNothingWritten(main, null, before)
  })

  test('the public sees only what is already published; staff see the rest too', async () => {
    const future = await create({ title: '拟于下周公开的抽检结果（未到公开日期）', created_on: '2026-11-20', published_on: '2026-11-30' })
    const past = await create({ title: '已经公开的抽检结果（已到公开日期）', created_on: '2026-11-20', published_on: '2026-11-23' })
    const pub = []
    for (let page = 1; ; page++) {
      const r = await main.get(`/api/public/disclosure/items?agency_id=${scj}&per_page=100&page=${page}`)
      assert.equal(r.status, 200, r.text)
      pub.push(...r.json.items)
      if (r.json.items.length < 100) break
    }
    assert.ok(pub.length > 0)
    assert.ok(pub.some((x) => x.item_id === past.item_id), 'published today: public')
    assert.ok(!pub.some((x) => x.item_id === future.item_id), 'published 11-30: not yet public')
    for (const x of pub) assert.ok(x.published_on <= MAIN_TODAY, `${x.title} published ${x.published_on}`)
    assertError(await main.get(`/api/public/disclosure/items/${future.item_id}`), 404, 'NOT_FOUND')
    const staff = await main.get(`/api/disclosure/items?agency_id=${scj}&per_page=100`, { session: await main.login('scj.clerk') })
    assert.equal(staff.status, 200)
    assert.ok(staff.json.items.some((x) => x.item_id === future.item_id))
    const one = await main.get(`/api/disclosure/items/${future.item_id}`, { session: await main.login('scj.clerk') })
    assert.equal(one.status, 200)
    assert.equal(one.json.published_on, '2026-11-30')
  })

  test('full-text search finds an item by a word of its body', async () => {
    const it = await create({ title: '农贸市场改造项目信息', category: 'plans', created_on: '2026-11-16', published_on: '2026-11-18',
      body: '本项目将对城关农贸市场实施萤火虫照明改造，并新增冷链摊位三十个。' })
    const q = encodeURIComponent('萤火虫照明')
    const r = await main.get(`/api/public/disclosure/items?q=${q}`)
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.total, 1)
    assert.equal(r.json.items[0].item_id, it.item_id)
    // Three characters are enough.
    const r3 = await main.get(`/api/public/disclosure/items?q=${encodeURIComponent('萤火虫')}`)
    assert.deepEqual(r3.json.items.map((x) => x.item_id), [it.item_id])
    const none = await main.get(`/api/public/disclosure/items?q=${encodeURIComponent('萤火鱿鱼')}`)
    assert.equal(none.json.total, 0)
  })

  test('an item’s public page carries its body; an unknown id is 404', async () => {
    const it = await create({ title: '行政许可决定公示（详情测试）', category: 'licensing', created_on: '2026-11-02', published_on: '2026-11-04',
      body: '食品经营许可决定：青山县新禾食品有限公司，许可证编号 JY13607000000001。' })
    const r = await main.get(`/api/public/disclosure/items/${it.item_id}`)
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.title, '行政许可决定公示（详情测试）')
    assert.match(r.json.body, /JY13607000000001/)
    assert.equal(r.json.late, false)
    assertError(await main.get('/api/public/disclosure/items/99999999'), 404, 'NOT_FOUND')
    assertError(await main.get('/api/public/disclosure/items/abc'), 404, 'NOT_FOUND')
  })
})
