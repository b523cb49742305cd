// Administrative reconsideration (行政复议法, 2023): applications from the public portal and at the
// counter (第20-22条), acceptance review and correction (第30-31条), the normal and simplified
// procedures (第48条, 第53-55条), hearings (第51条), suspension (第39条), the decision period and
// its one extension (第62条), every decision (第63-69条, 第33条) and ending (第41条, 第73-74条),
// the decision document, and opinion letters (第76条). Litigation is in
// reconsideration_litigation.test.mjs, the yearly statistics in reconsideration_stats.test.mjs.
//
// Every expected date is counted by hand from data/cn-calendar.csv; the counting is in the
// comment beside it. "WDn" is the n-th working day after the trigger day (the trigger day itself
// is never counted); "H" an official holiday, "W" an official make-up working day (调休上班).
// A calendar-day (CD) period ending on a rest day moves to the next working day (民事诉讼法 第85条,
// applied by 行政复议法 第88条1款); a make-up working day is a working day. The months used, 2026:
//
//   Feb  13 Fri | 14W Sat | 15H-23H (春节, Sun 15 .. Mon 23) | 24 Tue .. 27 Fri | 28W Sat
//   Jul  28 Tue .. 31 Fri (31 days)               Aug 1 Sat .. 31 Mon (31 days)
//   Sep  10 Thu 11 Fri | 12-13 weekend | 14-18 Mon-Fri | 19 Sat | 20W Sun (国庆节调休上班) |
//        21-24 Mon-Thu | 25H 26H 27H (中秋节, Fri-Sun) | 28 29 30 Mon-Wed (30 days)
//   Oct  1H-7H (国庆节, Thu-Wed) | 8 Thu 9 Fri | 10W Sat (国庆节调休上班) | 11 Sun |
//        12-16 Mon-Fri | 19-23 | 26-30 | 31 Sat (31 days)
//   Nov  no holiday; 1 Sun, Mondays 2, 9, 16, 23, 30; 29 Sun (30 days)
//   Dec  no holiday; 29 Tue
//
// Servers (each stopped, and checked for crashes and sanitizer reports, in after()):
//   main  FAZHI_TODAY 2026-09-30 (Wed, the day before 国庆节) on a demo database; before it, the
//         same database is served once with FAZHI_TODAY 2026-09-10 ("early") to accept, suspend
//         and send correction notices whose periods are then looked at on 2026-09-30;
//   feb   FAZHI_TODAY 2026-02-13 (the Friday before 春节), its own demo database.
// Every case the tests change is registered by the tests; the demo cases are left alone.
import { test, describe, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, Client, assertError, makeDb, mkTemp, sql, HAN, stopAll } from './lib.mjs'

const MAIN_TODAY = '2026-09-30'
const EARLY_TODAY = '2026-09-10'

let main // Client of the main server
let feb
const servers = []
let scj // agency_id of 青山县市场监督管理局
let zjj // agency_id of 青山县住房和城乡建设局
const early = {} // case ids of cases accepted, suspended or sent a correction notice on 2026-09-10

// ---- helpers -------------------------------------------------------------------------------

/** An application as the public portal sends it: a penalty decision of the 市场监管局. */
function applyBody (over = {}) {
  return {
    applicant_name: '测试申请人',
    applicant_type: 'natural',
    applicant_id: '360121198001011234',
    phone: '13807910000',
    address: '青山县城关镇人民路 8 号',
    respondent_agency_id: scj,
    act_type: 'penalty',
    act_number: '青市监罚〔2026〕99号',
    act_date: '2026-09-01',
    learned_on: '2026-09-02',
    requests: '请求撤销被申请人作出的行政处罚决定',
    facts: '申请人认为处罚认定事实不清、证据不足。',
    ...over,
  }
}

/** The same registered at the counter by the legal office (written, received today unless over says). */
function staffBody (over = {}) {
  return applyBody({ channel: 'written', received_on: MAIN_TODAY, ...over })
}

async function register (client, over = {}, username = 'legal') {
  const r = await client.post('/api/reconsideration/cases', staffBody(over), { session: await client.login(username) })
  assert.equal(r.status, 201, `registration by ${username}: ${r.text}`)
  return r.json
}

/** A new case registered and accepted today; returns its detail after acceptance. */
async function acceptedCase (client, accept = { procedure: 'normal' }, over = {}) {
  const { case_id: id } = await register(client, over)
  return client.actOk(id, 'accept', 'legal', accept)
}

function clock (detail, name) {
  const k = detail.clocks.find((x) => x.name === name)
  assert.ok(k, `no clock ${name} in ${JSON.stringify(detail.clocks.map((x) => x.name))}`)
  return k
}

async function offered (client, caseId, username) {
  return (await client.detail(caseId, username)).actions.map((a) => a.name)
}

/**
 * What is stored about a case (record, reconsideration row, clocks) and the size of every table
 * a reconsideration write touches, read straight from the database.
 */
function stored (db, caseId) {
  const one = (q) => JSON.stringify(sql(db, q))
  const id = Number(caseId)
  return {
    counts: one('SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
      ' (SELECT COUNT(*) FROM recon_case), (SELECT COUNT(*) FROM lit_case), (SELECT COUNT(*) FROM lit_hearing),' +
      ' (SELECT COUNT(*) FROM case_clock), (SELECT COALESCE(SUM(last_no), 0) FROM number_seq)'),
    record: caseId ? one(`SELECT state, version, agency_id, received_on, closed_on, due_date FROM case_record WHERE case_id = ${id}`) : null,
    recon: caseId ? one(`SELECT * FROM recon_case WHERE case_id = ${id}`) : null,
    clocks: caseId ? one(`SELECT name, state, days, trigger_date, due_date, extended_days, pauses, stopped_on FROM case_clock WHERE case_id = ${id} ORDER BY name`) : null,
  }
}

/** The stored rows plus what a user sees: the case's version and its number of events. */
async function snap (client, caseId) {
  const s = stored(client.db, caseId)
  if (caseId) {
    const d = await client.detail(caseId)
    s.version = d.case.version
    s.events = d.events.length
  }
  return s
}

async function assertNothingWritten (client, caseId, before) {
  assert.deepEqual(await snap(client, caseId), before, 'a refused request changed what is stored')
}

/** The text of a Word document's body (its w:t runs joined). */
function docxText (bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx starts with PK')
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'f.docx')
    fs.writeFileSync(f, bytes)
    const list = spawnSync('unzip', ['-Z1', f], { encoding: 'utf8' })
    assert.equal(list.status, 0, `not a zip file: ${list.stderr}`)
    assert.ok(list.stdout.split('\n').includes('word/document.xml'), `no word/document.xml in ${list.stdout}`)
    const r = spawnSync('unzip', ['-p', f, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    assert.equal(r.status, 0, r.stderr)
    return [...r.stdout.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

// ---- servers -------------------------------------------------------------------------------

before(async () => {
  const dir = mkTemp('fazhi-recon-')
  const db = makeDb(dir)
  // Phase 1, on 2026-09-10: cases whose clocks are then read, resumed or switched on 2026-09-30.
  const e = await startServer({ db, dir, env: { FAZHI_TODAY: EARLY_TODAY } })
  try {
    const c = new Client(e)
    scj = await c.agencyOf('scj.clerk')
    zjj = await c.agencyOf('zjj.clerk')
    const reg = async (name, over = {}) =>
      (await register(c, { received_on: EARLY_TODAY, applicant_name: name, ...over })).case_id
    // Simplified (amount <= 3000 元), to be switched to the normal procedure on 09-30.
    early.switch = await reg('严振东')
    await c.actOk(early.switch, 'accept', 'legal', { procedure: 'simplified', simplified_ground: 'amount_3000' })
    // Simplified (an on-the-spot act), its copy sent on 09-14 (recorded on 09-30).
    early.copy = await reg('钟秀琴')
    await c.actOk(early.copy, 'accept', 'legal', { procedure: 'simplified', simplified_ground: 'on_spot' })
    // Normal, suspended the day it was accepted; resumed on 09-30.
    early.suspend = await reg('邱德海')
    await c.actOk(early.suspend, 'accept', 'legal', { procedure: 'normal' })
    await c.actOk(early.suspend, 'suspend', 'legal', { reason: '本案需以相关民事诉讼的审理结果为依据（第三十九条）' })
    // Simplified and suspended; resumed and then switched to the normal procedure on 09-30.
    early.suspendSwitch = await reg('龚丽华')
    await c.actOk(early.suspendSwitch, 'accept', 'legal', { procedure: 'simplified', simplified_ground: 'consent' })
    await c.actOk(early.suspendSwitch, 'suspend', 'legal', { reason: '申请人申请中止，等待鉴定结论（第三十九条）' })
    // Correction notices on the day of receipt; one is answered, one is not.
    early.corrected = await reg('蔡文斌')
    await c.actOk(early.corrected, 'request_correction', 'legal', { items: '请补充提交行政处罚决定书复印件及申请人身份证明。' })
    early.lapsed = await reg('万小燕')
    await c.actOk(early.lapsed, 'request_correction', 'legal', { items: '请写明具体的行政复议请求。' })
  } finally {
    await e.stop({ keep: true })
  }
  const m = await startServer({ db, dir, env: { FAZHI_TODAY: MAIN_TODAY } })
  servers.push(m)
  main = new Client(m)
  const f = await startServer({ env: { FAZHI_TODAY: '2026-02-13' } })
  servers.push(f)
  feb = new Client(f)
})

after(() => stopAll(servers))

// ---- public application --------------------------------------------------------------------

describe('public application (第30条: acceptance review within 5 working days)', () => {
  test('on 2026-09-30, the day before 国庆节: 201 with a tracking code, acceptance due 2026-10-13', async () => {
    const before = stored(main.db)
    const r = await main.post('/api/public/reconsideration', applyBody({ applicant_name: '黄立新' }))
    assert.equal(r.status, 201, r.text)
    assert.match(r.json.tracking_code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    assert.match(r.json.number, /^青司复〔2026〕\d+号$/)
    assert.equal(r.json.received_on, '2026-09-30')
    // Trigger 09-30 (Wed, not counted). 10-01..07 H; 10-08 WD1, 09 WD2, 10W WD3; 11 Sun;
    // 12 WD4, 13 WD5 -> 2026-10-13.
    assert.equal(r.json.due_date, '2026-10-13')
    const [now, was] = [stored(main.db).counts, before.counts].map((s) => JSON.parse(s)[0].map(Number))
    assert.equal(now[1], was[1] + 1, 'one case')
    assert.equal(now[2], was[2] + 1, 'one reconsideration row')
    assert.equal(now[0], was[0] + 1, 'one event')

    const t = await main.get('/api/public/reconsideration/track/' + r.json.tracking_code)
    assert.equal(t.status, 200, t.text)
    assert.equal(t.json.number, r.json.number)
    assert.equal(t.json.state, 'received')
    assert.equal(t.json.state_label, '待审查')
    assert.equal(t.json.received_on, '2026-09-30')
    assert.equal(t.json.result, null)
    assert.equal(t.json.decided_on, null)
    const k = t.json.clocks.find((x) => x.name === 'acceptance')
    assert.ok(k, JSON.stringify(t.json.clocks))
    assert.equal(k.unit, 'WD')
    assert.equal(k.days, 5)
    assert.equal(k.trigger_date, '2026-09-30')
    assert.equal(k.due_date, '2026-10-13')
    assert.match(k.article, /第三十条/)
    const explain = k.explain.join('\n')
    assert.match(explain, /国庆节/, 'the explanation names the holiday skipped')
    assert.match(explain, /2026-10-10/, 'and the make-up working day counted')

    // The legal office sees the application as filed.
    const d = await main.detail(r.json.case_id)
    assert.equal(d.case.case_type, 'reconsideration')
    assert.equal(d.case.agency_name, '青山县司法局', 'the reconsideration body owns the case')
    assert.equal(d.case.tracking_code, r.json.tracking_code)
    assert.equal(d.case.fields.channel, 'online')
    assert.equal(d.case.fields.applicant_name, '黄立新')
    assert.equal(d.case.fields.respondent_agency_id, scj)
    assert.equal(d.case.fields.respondent_name, '青山县市场监督管理局')
    assert.equal(d.case.fields.act_type_label, '行政处罚')
    assert.equal(d.case.fields.late, false)
    assert.equal(d.case.due_date, '2026-10-13')
  })

  test('on 2026-02-13, the Friday before 春节: the make-up Saturday counts, the holiday does not', async () => {
    const agency = await feb.agencyOf('zjj.clerk')
    const r = await feb.post('/api/public/reconsideration', applyBody({
      applicant_name: '青山县新禾食品有限公司', applicant_type: 'legal_person', respondent_agency_id: agency,
      act_type: 'licensing', act_date: '2026-02-02', learned_on: '2026-02-03',
    }))
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.received_on, '2026-02-13')
    // Trigger 02-13 (Fri, not counted). 02-14W WD1; 15..23 H (春节); 24 WD2, 25 WD3, 26 WD4,
    // 27 WD5 -> 2026-02-27.
    assert.equal(r.json.due_date, '2026-02-27')
    const t = await feb.get('/api/public/reconsideration/track/' + r.json.tracking_code)
    assert.equal(t.status, 200, t.text)
    const k = t.json.clocks.find((x) => x.name === 'acceptance')
    assert.equal(k.due_date, '2026-02-27')
    assert.match(k.explain.join('\n'), /春节/)
    const d = await feb.detail(r.json.case_id)
    assert.equal(d.case.fields.applicant_type, 'legal_person')
    assert.equal(d.case.fields.respondent_name, '青山县住房和城乡建设局')
  })

  test('a bad application is refused naming the field, with a Chinese message; nothing stored', async () => {
    const before = stored(main.db)
    for (const [over, status, field] of [
      [{ applicant_name: undefined }, 422, 'applicant_name'],
      [{ applicant_name: '  ' }, 422, 'applicant_name'],
      [{ requests: undefined }, 422, 'requests'],
      [{ applicant_type: 'government' }, 422, 'applicant_type'],
      [{ phone: '电话' }, 422, 'phone'],
      [{ respondent_agency_id: 99999 }, 422, 'respondent_agency_id'],
      [{ act_type: 'tax' }, 422, 'act_type'],
      // Known of tomorrow: later than the day the application is received.
      [{ learned_on: '2026-10-01' }, 422, 'learned_on'],
      [{ learned_on: '2026-09-31' }, 422, 'learned_on'],
      // The act cannot be made after the applicant learned of it.
      [{ act_date: '2026-09-03', learned_on: '2026-09-02' }, 422, 'act_date'],
      // The portal cannot choose its own channel or receipt day.
      [{ channel: 'written' }, 422, 'channel'],
      [{ received_on: '2026-09-01' }, 422, 'received_on'],
    ]) {
      const r = await main.post('/api/public/reconsideration', applyBody(over))
      assertError(r, status, undefined, field)
    }
    assert.deepEqual(stored(main.db), before)
  })

  test('an unknown tracking code is 404', async () => {
    assertError(await main.get('/api/public/reconsideration/track/AAAA-BBBB-CCCC'), 404, 'NOT_FOUND')
  })
})

// ---- staff registration --------------------------------------------------------------------

describe('registration at the legal office (第21-22条)', () => {
  test('written, received on Monday 09-28: acceptance due on the make-up Saturday 10-10', async () => {
    const r = await register(main, { received_on: '2026-09-28', applicant_name: '罗建国' })
    assert.equal(r.received_on, '2026-09-28')
    assert.match(r.tracking_code, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    // Trigger 09-28 (Mon). 29 WD1, 30 WD2; 10-01..07 H; 08 WD3, 09 WD4, 10W WD5 -> 2026-10-10.
    assert.equal(r.due_date, '2026-10-10')
    const d = await main.detail(r.case_id)
    assert.equal(d.case.fields.channel, 'written')
    assert.equal(d.case.received_on, '2026-09-28')
    assert.equal(clock(d, 'acceptance').trigger_date, '2026-09-28')
    assert.equal(d.events.length, 1)
  })

  test('oral, confirmed by the applicant, received 09-24 before 中秋节 and 国庆节: due 10-09', async () => {
    const r = await register(main, { channel: 'oral', oral_confirmed: true, received_on: '2026-09-24', applicant_name: '郑大勇' })
    // Trigger 09-24 (Thu). 25H 26H 27H; 28 WD1, 29 WD2, 30 WD3; 10-01..07 H; 08 WD4,
    // 09 WD5 -> 2026-10-09.
    assert.equal(r.due_date, '2026-10-09')
    const d = await main.detail(r.case_id)
    assert.equal(d.case.fields.channel, 'oral')
  })

  test('oral without the applicant’s confirmation is refused naming oral_confirmed (第22条); nothing stored', async () => {
    const before = stored(main.db)
    const s = await main.login('legal')
    for (const over of [{ channel: 'oral' }, { channel: 'oral', oral_confirmed: false }]) {
      const e = assertError(await main.post('/api/reconsideration/cases', staffBody(over), { session: s }), 422, undefined, 'oral_confirmed')
      assert.match(e.message, /笔录|确认/)
    }
    assert.deepEqual(stored(main.db), before)
  })

  test('a department clerk, an officer, a department head or the county leader registering: 403; nothing stored', async () => {
    const before = stored(main.db)
    for (const u of ['scj.clerk', 'scj.officer', 'scj.head', 'leader']) {
      const r = await main.post('/api/reconsideration/cases', staffBody(), { session: await main.login(u) })
      assertError(r, 403, 'FORBIDDEN')
    }
    // Without a session at all: 401.
    assertError(await main.post('/api/reconsideration/cases', staffBody()), 401)
    assert.deepEqual(stored(main.db), before)
  })

  test('bad dates and an unknown respondent are refused naming the field; nothing stored', async () => {
    const before = stored(main.db)
    const s = await main.login('legal')
    for (const [over, field, code] of [
      [{ respondent_agency_id: 99999 }, 'respondent_agency_id', 'BAD_VALUE'],
      // Learned of the act after the application was received.
      [{ received_on: '2026-09-28', learned_on: '2026-09-29' }, 'learned_on', 'BAD_DATE'],
      // The act dated after the applicant learned of it.
      [{ act_date: '2026-09-05', learned_on: '2026-09-04' }, 'act_date', 'BAD_DATE'],
      // Received tomorrow.
      [{ received_on: '2026-10-01' }, 'received_on', 'BAD_DATE'],
      [{ received_on: undefined }, 'received_on', 'MISSING_FIELD'],
      [{ channel: 'fax' }, 'channel', 'BAD_VALUE'],
    ]) {
      const r = await main.post('/api/reconsideration/cases', staffBody(over), { session: s })
      const e = assertError(r, 422, code, field)
      assert.match(e.message, HAN)
    }
    assert.deepEqual(stored(main.db), before)
  })
})

// ---- 第20条: sixty days from knowing of the act --------------------------------------------

describe('late applications (第20条: 60 days from knowing of the act)', () => {
  let late

  test('learned 07-31, received 09-30: the 60th day was 09-29, so the application is flagged late', async () => {
    // 07-31 + 60 CD: Aug 31 is day 31, Sep 29 day 60 (Tue, a working day) -> last day 09-29.
    late = (await register(main, { act_date: '2026-07-30', learned_on: '2026-07-31', applicant_name: '石国庆' })).case_id
    const d = await main.detail(late)
    assert.equal(d.case.fields.late, true)
    assert.equal(d.case.fields.learned_on, '2026-07-31')
  })

  test('learned 08-01, received 09-30: received on the 60th day itself, not late', async () => {
    // 08-01 + 60 CD: Aug 31 is day 30, Sep 30 day 60 (Wed) -> last day 09-30 = the receipt day.
    const { case_id: id } = await register(main, { act_date: '2026-08-01', learned_on: '2026-08-01' })
    assert.equal((await main.detail(id)).case.fields.late, false)
  })

  test('learned 07-28, received Monday 09-28: the 60th day fell in 中秋节, so the period ran to 09-28', async () => {
    // 07-28 + 60 CD: Jul 31 is day 3, Aug 31 day 34, Sep 26 day 60 = Sat, 中秋节 H; 27 Sun H;
    // the period ends on the next working day 09-28 (第88条) -> received in time.
    const { case_id: id } = await register(main, { act_date: '2026-07-27', learned_on: '2026-07-28', received_on: '2026-09-28' })
    assert.equal((await main.detail(id)).case.fields.late, false)
  })

  test('accepting a late application without a reason is refused naming late_reason; nothing stored', async () => {
    for (const body of [{ procedure: 'normal' }, { procedure: 'normal', late_reason: '   ' }]) {
      const before = await snap(main, late)
      const e = assertError(await main.act(late, 'accept', 'legal', body), 422, 'MISSING_FIELD', 'late_reason')
      assert.match(e.message, /第二十条/)
      await assertNothingWritten(main, late, before)
    }
  })

  test('with the reason recorded it is accepted', async () => {
    const d = await main.actOk(late, 'accept', 'legal', { procedure: 'normal', late_reason: '申请人因住院治疗耽误申请期限，提交了医院证明（不可抗力等正当理由）。' })
    assert.equal(d.case.state, 'accepted')
    assert.equal(d.case.fields.late_reason, '申请人因住院治疗耽误申请期限，提交了医院证明（不可抗力等正当理由）。')
    assert.equal(d.case.fields.accepted_on, MAIN_TODAY)
  })
})

// ---- 第31条: correction -------------------------------------------------------------------

describe('correction (第31条)', () => {
  test('the notice sent on 09-10 paused the acceptance review and gave the applicant 10 WD, to 09-23', async () => {
    const d = await main.detail(early.corrected)
    assert.equal(d.case.state, 'correcting')
    assert.equal(d.case.state_label, '补正中')
    const acc = clock(d, 'acceptance')
    assert.equal(acc.state, 'paused')
    assert.equal(acc.status, 'paused')
    const corr = clock(d, 'correction')
    assert.equal(corr.unit, 'WD')
    assert.equal(corr.trigger_date, '2026-09-10')
    // Trigger 09-10 (Thu). 11 WD1; 14 WD2 .. 18 WD6; 19 Sat; 20W WD7 (a make-up Sunday);
    // 21 WD8, 22 WD9, 23 WD10 -> 2026-09-23.
    assert.equal(corr.due_date, '2026-09-23')
    assert.match(corr.article, /第三十一条/)
  })

  test('a correction dated before the notice, or in the future, is refused naming corrected_on', async () => {
    const before = await snap(main, early.corrected)
    for (const day of ['2026-09-09', '2026-10-01']) {
      assertError(await main.act(early.corrected, 'corrected', 'legal', { corrected_on: day }), 422, 'BAD_DATE', 'corrected_on')
    }
    assertError(await main.act(early.corrected, 'corrected', 'legal', {}), 422, 'MISSING_FIELD', 'corrected_on')
    await assertNothingWritten(main, early.corrected, before)
  })

  test('corrected on 09-23: the 5 WD of acceptance review restart from that day, to 10-08', async () => {
    const d = await main.actOk(early.corrected, 'corrected', 'legal', { corrected_on: '2026-09-23' })
    assert.equal(d.case.state, 'received')
    const acc = clock(d, 'acceptance')
    assert.equal(acc.state, 'running')
    assert.equal(acc.trigger_date, '2026-09-23')
    // Trigger 09-23 (Wed). 24 WD1; 25H 26H 27H; 28 WD2, 29 WD3, 30 WD4; 10-01..07 H;
    // 08 WD5 -> 2026-10-08.
    assert.equal(acc.due_date, '2026-10-08')
    assert.equal(d.case.due_date, '2026-10-08')
    const corr = clock(d, 'correction')
    assert.equal(corr.state, 'stopped')
    assert.equal(sql(main.db, `SELECT stopped_on FROM case_clock WHERE case_id = ${early.corrected} AND name = 'correction'`)[0][0], '2026-09-23')
  })

  test('the notice is given once: a second one after the correction is refused (409) citing 第三十一条', async () => {
    const before = await snap(main, early.corrected)
    const e = assertError(await main.act(early.corrected, 'request_correction', 'legal', { items: '再补充一份材料' }), 409, 'STATE')
    assert.match(e.message, /第三十一条/)
    await assertNothingWritten(main, early.corrected, before)
  })

  test('the notice is due within 5 WD of receipt: received 09-22 it may go out on 09-30, received 09-21 it may not', async () => {
    // Received 09-22 (Tue): 23 WD1, 24 WD2; 25-27 H; 28 WD3, 29 WD4, 30 WD5 -> 09-30 is the last day.
    const inTime = (await register(main, { received_on: '2026-09-22' })).case_id
    const d = await main.actOk(inTime, 'request_correction', 'legal', { items: '请补充身份证明。' })
    assert.equal(d.case.state, 'correcting')
    // Received 09-21 (Mon): 22 WD1, 23 WD2, 24 WD3; 25-27 H; 28 WD4, 29 WD5 -> ended 09-29. By
    // 09-30 the silent review has made it accepted (第三十条第三款): no correction notice any more.
    const tooLate = (await register(main, { received_on: '2026-09-21' })).case_id
    assert.equal((await main.detail(tooLate)).case.fields.accepted_how, 'deemed')
    const before = await snap(main, tooLate)
    const e = assertError(await main.act(tooLate, 'request_correction', 'legal', { items: '请补充身份证明。' }), 409, 'STATE')
    assert.match(e.message, /审理中/)
    await assertNothingWritten(main, tooLate, before)
  })

  test('a notice today gives the applicant until 10-20; deem_withdrawn before then is 409 and not offered', async () => {
    const id = (await register(main, { applicant_name: '毛振宇' })).case_id
    const d = await main.actOk(id, 'request_correction', 'legal', { items: '请补充提交行政处罚决定书复印件。' })
    const corr = clock(d, 'correction')
    assert.equal(corr.trigger_date, MAIN_TODAY)
    // Trigger 09-30 (Wed). 10-01..07 H; 08 WD1, 09 WD2, 10W WD3; 12 WD4 .. 16 WD8; 19 WD9,
    // 20 WD10 -> 2026-10-20.
    assert.equal(corr.due_date, '2026-10-20')
    assert.ok(!(await offered(main, id, 'legal')).includes('deem_withdrawn'))
    assert.ok((await offered(main, id, 'legal')).includes('corrected'))
    const before = await snap(main, id)
    const e = assertError(await main.act(id, 'deem_withdrawn', 'legal'), 409, 'STATE')
    assert.match(e.message, /2026-10-20/, 'the refusal says when the period ends')
    await assertNothingWritten(main, id, before)
  })

  test('no correction by 09-23: on 09-30 the application is deemed withdrawn', async () => {
    assert.ok((await offered(main, early.lapsed, 'legal')).includes('deem_withdrawn'))
    const d = await main.actOk(early.lapsed, 'deem_withdrawn', 'legal')
    assert.equal(d.case.state, 'withdrawn')
    assert.equal(d.case.state_label, '视为撤回')
    assert.equal(clock(d, 'correction').state, 'stopped')
    assert.equal(clock(d, 'acceptance').state, 'stopped')
    assert.equal(d.case.due_date, null)
  })
})

// ---- acceptance and the two procedures ----------------------------------------------------

describe('acceptance: normal procedure (第48条, 第62条)', () => {
  let id

  test('accepted 09-30: copy due 10-15 (7 WD), decision due 11-30 (60 CD, moved off a Sunday)', async () => {
    const d = await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '韦光明' })
    id = d.case.case_id
    assert.equal(d.case.state, 'accepted')
    assert.equal(d.case.state_label, '审理中')
    assert.equal(d.case.fields.procedure, 'normal')
    assert.equal(d.case.fields.procedure_label, '普通程序')
    assert.equal(d.case.fields.accepted_on, MAIN_TODAY)
    assert.equal(clock(d, 'acceptance').state, 'stopped')
    const copy = clock(d, 'copy')
    assert.equal(copy.days, 7)
    assert.equal(copy.trigger_date, MAIN_TODAY)
    // Trigger 09-30. 10-01..07 H; 08 WD1, 09 WD2, 10W WD3; 12 WD4, 13 WD5, 14 WD6, 15 WD7 -> 2026-10-15.
    assert.equal(copy.due_date, '2026-10-15')
    const dec = clock(d, 'decision')
    assert.equal(dec.unit, 'CD')
    assert.equal(dec.days, 60)
    assert.equal(dec.trigger_date, MAIN_TODAY)
    // Trigger 09-30. Oct 31 is day 31, Nov 29 day 60 = a Sunday, not a working day, so the
    // period ends on the next working day: Monday 2026-11-30 (民事诉讼法 第85条, 行政复议法 第88条).
    assert.equal(dec.due_date, '2026-11-30')
    assert.match(dec.explain.join('\n'), /2026-11-29/, 'the explanation shows the day moved from')
    assert.match(dec.article, /第六十二条/)
    // The case is due at its earliest running clock: the copy.
    assert.equal(d.case.due_date, '2026-10-15')
  })

  test('copy_sent on 09-30: the respondent answers within 10 WD, by 10-20', async () => {
    const d = await main.actOk(id, 'copy_sent', 'legal', { sent_on: MAIN_TODAY })
    const copy = clock(d, 'copy')
    assert.equal(copy.state, 'stopped')
    const ans = clock(d, 'answer')
    assert.equal(ans.days, 10)
    assert.equal(ans.trigger_date, MAIN_TODAY)
    // Trigger 09-30. 10-01..07 H; 08 WD1, 09 WD2, 10W WD3; 12 WD4 .. 16 WD8; 19 WD9, 20 WD10 -> 2026-10-20.
    assert.equal(ans.due_date, '2026-10-20')
    assert.equal(d.case.state, 'accepted')
  })

  test('copy_sent dated in the future is refused naming sent_on', async () => {
    const other = (await acceptedCase(main)).case.case_id
    const before = await snap(main, other)
    assertError(await main.act(other, 'copy_sent', 'legal', { sent_on: '2026-10-08' }), 422, 'BAD_DATE', 'sent_on')
    await assertNothingWritten(main, other, before)
  })

  test('answer_received stops the answer clock on the day received', async () => {
    const d = await main.actOk(id, 'answer_received', 'legal', { received_on: MAIN_TODAY, summary: '被申请人提交了答复书及证据。' })
    const ans = clock(d, 'answer')
    assert.equal(ans.state, 'stopped')
    assert.equal(ans.status, 'stopped')
  })
})

describe('acceptance: simplified procedure (第53-55条)', () => {
  test('"information-disclosure case" on a penalty case is refused naming simplified_ground; nothing stored', async () => {
    const { case_id: id } = await register(main, { act_type: 'penalty' })
    const lic = (await register(main, { act_type: 'licensing' })).case_id
    const before = await snap(main, id)
    const beforeLic = await snap(main, lic)
    const e = assertError(await main.act(id, 'accept', 'legal', { procedure: 'simplified', simplified_ground: 'disclosure' }),
      422, 'BAD_VALUE', 'simplified_ground')
    assert.match(e.message, /政府信息公开/)
    // "Warning or circulated criticism" only fits a penalty: refused on a licensing case.
    assertError(await main.act(lic, 'accept', 'legal', { procedure: 'simplified', simplified_ground: 'warning' }),
      422, 'BAD_VALUE', 'simplified_ground')
    await assertNothingWritten(main, id, before)
    await assertNothingWritten(main, lic, beforeLic)
  })

  test('simplified without a ground is refused naming simplified_ground (第五十三条); nothing stored', async () => {
    const { case_id: id } = await register(main)
    const before = await snap(main, id)
    const e = assertError(await main.act(id, 'accept', 'legal', { procedure: 'simplified' }), 422, 'MISSING_FIELD', 'simplified_ground')
    assert.match(e.message, /第五十三条/)
    assertError(await main.act(id, 'accept', 'legal', { procedure: 'simplified', simplified_ground: 'small' }), 422, 'BAD_VALUE', 'simplified_ground')
    assertError(await main.act(id, 'accept', 'legal', { procedure: 'fast' }), 422, 'BAD_VALUE', 'procedure')
    await assertNothingWritten(main, id, before)
  })

  test('amount <= 3000 元, accepted 09-30: copy due 10-10 (3 WD), decision due 10-30 (30 CD); answer 5 WD', async () => {
    const d = await acceptedCase(main, { procedure: 'simplified', simplified_ground: 'amount_3000' }, { applicant_name: '贺春梅' })
    const id = d.case.case_id
    assert.equal(d.case.fields.procedure, 'simplified')
    assert.equal(d.case.fields.procedure_label, '简易程序')
    assert.equal(d.case.fields.simplified_ground, 'amount_3000')
    const copy = clock(d, 'copy')
    assert.equal(copy.days, 3)
    // Trigger 09-30. 10-01..07 H; 08 WD1, 09 WD2, 10W WD3 -> 2026-10-10 (a make-up Saturday).
    assert.equal(copy.due_date, '2026-10-10')
    const dec = clock(d, 'decision')
    assert.equal(dec.days, 30)
    // Trigger 09-30. Oct 30 is day 30 (Fri, a working day) -> 2026-10-30.
    assert.equal(dec.due_date, '2026-10-30')
    const sent = await main.actOk(id, 'copy_sent', 'legal', { sent_on: MAIN_TODAY })
    const ans = clock(sent, 'answer')
    assert.equal(ans.days, 5)
    // Trigger 09-30. 10-01..07 H; 08 WD1, 09 WD2, 10W WD3; 12 WD4, 13 WD5 -> 2026-10-13.
    assert.equal(ans.due_date, '2026-10-13')
  })

  test('a disclosure case may use the disclosure ground', async () => {
    const d = await acceptedCase(main, { procedure: 'simplified', simplified_ground: 'disclosure' }, { act_type: 'disclosure' })
    assert.equal(d.case.fields.simplified_ground, 'disclosure')
    assert.equal(clock(d, 'decision').due_date, '2026-10-30')
  })

  test('accepted 09-10 (on-the-spot act): copy due 09-15; sent 09-14, the answer is due on the make-up Sunday 09-20', async () => {
    const before = await main.detail(early.copy)
    // Trigger 09-10 (Thu). 11 WD1; 14 WD2, 15 WD3 -> 2026-09-15.
    assert.equal(clock(before, 'copy').due_date, '2026-09-15')
    const d = await main.actOk(early.copy, 'copy_sent', 'legal', { sent_on: '2026-09-14' })
    const copy = clock(d, 'copy')
    assert.equal(copy.state, 'stopped')
    assert.equal(copy.on_time, true, 'sent on 09-14, before the 09-15 deadline')
    const ans = clock(d, 'answer')
    assert.equal(ans.trigger_date, '2026-09-14')
    // Trigger 09-14 (Mon). 15 WD1, 16 WD2, 17 WD3, 18 WD4; 19 Sat; 20W WD5 -> 2026-09-20.
    assert.equal(ans.due_date, '2026-09-20')
  })

  test('accepted 09-10 under the simplified procedure, the decision was due on the make-up Saturday 10-10', async () => {
    const d = await main.detail(early.switch)
    const dec = clock(d, 'decision')
    assert.equal(dec.days, 30)
    assert.equal(dec.trigger_date, '2026-09-10')
    // Trigger 09-10. Sep 30 is day 20, Oct 10 day 30 = Sat, but 国庆节调休上班, a working day,
    // so the period ends there -> 2026-10-10.
    assert.equal(dec.due_date, '2026-10-10')
    assert.ok((await offered(main, early.switch, 'legalhead')).includes('switch_normal'))
    assert.ok(!(await offered(main, early.switch, 'legalhead')).includes('extend'), 'no extension in the simplified procedure')
  })

  test('switch_normal by a legal-office staff member is 403; nothing stored', async () => {
    const before = await snap(main, early.switch)
    assertError(await main.act(early.switch, 'switch_normal', 'legal', { reason: '案情复杂' }), 403, 'FORBIDDEN')
    await assertNothingWritten(main, early.switch, before)
  })

  test('switch_normal by the legal head: 60 CD counted from the acceptance day 09-10, due 11-09', async () => {
    const d = await main.actOk(early.switch, 'switch_normal', 'legalhead', { reason: '案情复杂，经批准转为普通程序（第五十五条）' })
    assert.equal(d.case.fields.procedure, 'normal')
    assert.equal(d.case.fields.procedure_label, '普通程序')
    const dec = clock(d, 'decision')
    assert.equal(dec.days, 60)
    assert.equal(dec.trigger_date, '2026-09-10', 'counted from acceptance, not from the switch')
    // Trigger 09-10. Sep 30 is day 20, Oct 31 day 51, Nov 9 day 60 (Mon) -> 2026-11-09
    // (counted from the switch day 09-30 it would have been 11-30).
    assert.equal(dec.due_date, '2026-11-09')
    const names = await offered(main, early.switch, 'legalhead')
    assert.ok(names.includes('extend') && !names.includes('switch_normal'), names.join(','))
    assert.equal(d.events.at(-1).action, 'switch_normal')
  })

  test('switch_normal on a normal-procedure case is 409; nothing stored', async () => {
    const before = await snap(main, early.switch)
    assertError(await main.act(early.switch, 'switch_normal', 'legalhead', { reason: '再转一次' }), 409, 'STATE')
    await assertNothingWritten(main, early.switch, before)
    const fresh = (await acceptedCase(main)).case.case_id
    const beforeFresh = await snap(main, fresh)
    assertError(await main.act(fresh, 'switch_normal', 'legalhead', { reason: '已是普通程序' }), 409, 'STATE')
    await assertNothingWritten(main, fresh, beforeFresh)
  })

  test('switching after a suspension keeps the suspended days out of the 60', async () => {
    // Accepted 09-10 (simplified, 30 CD), suspended 09-10, resumed 09-30: days 09-11..09-30 (20) are excluded.
    const resumed = await main.actOk(early.suspendSwitch, 'resume', 'legal')
    // 30 CD counted from 10-01: Oct 30 is day 30 (Fri) -> 2026-10-30.
    assert.equal(clock(resumed, 'decision').due_date, '2026-10-30')
    const d = await main.actOk(early.suspendSwitch, 'switch_normal', 'legalhead', { reason: '案情复杂' })
    // 60 CD from acceptance with the same 20 days excluded: counted 10-01..: Oct 31 is day 31,
    // Nov 29 day 60 = Sunday -> Monday 2026-11-30.
    assert.equal(clock(d, 'decision').due_date, '2026-11-30')
  })
})

// ---- 第62条: one extension ----------------------------------------------------------------

describe('extension of the decision period (第62条)', () => {
  let id

  test('the legal head extends a normal case by 30: due 12-29 (90 CD from acceptance)', async () => {
    id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '程远航' })).case.case_id
    assert.ok((await offered(main, id, 'legalhead')).includes('extend'))
    assert.ok(!(await offered(main, id, 'legal')).includes('extend'), 'only the head approves')
    const d = await main.actOk(id, 'extend', 'legalhead', { days: 30, reason: '案情重大复杂，经机关负责人批准延长。' })
    const dec = clock(d, 'decision')
    assert.equal(dec.extended_days, 30)
    // The 60 days ended on Sunday 11-29 (moved to 11-30). With 30 more the period is 90 CD
    // from 09-30: Oct 31 is day 31, Nov 30 day 61, Dec 29 day 90 (Tue, a working day)
    // -> 2026-12-29 (11-29 + 30; the move to 11-30 is not part of the period).
    assert.equal(dec.due_date, '2026-12-29')
    assert.equal(d.events.at(-1).action, 'extend')
    assert.equal(d.events.at(-1).note, '案情重大复杂，经机关负责人批准延长。')
  })

  test('a second extension is 409 naming 第六十二条; nothing stored', async () => {
    const before = await snap(main, id)
    const e = assertError(await main.act(id, 'extend', 'legalhead', { days: 1, reason: '再延长一日' }), 409, 'STATE')
    assert.match(e.message, /第六十二条/)
    await assertNothingWritten(main, id, before)
  })

  test('more than 30 days, or none, is refused naming days; a staff member is 403; nothing stored', async () => {
    const other = (await acceptedCase(main)).case.case_id
    const before = await snap(main, other)
    assertError(await main.act(other, 'extend', 'legalhead', { days: 31, reason: '延长' }), 422, 'BAD_VALUE', 'days')
    assertError(await main.act(other, 'extend', 'legalhead', { days: 0, reason: '延长' }), 422, 'BAD_VALUE', 'days')
    assertError(await main.act(other, 'extend', 'legalhead', { days: '30', reason: '延长' }), 422, 'BAD_TYPE', 'days')
    assertError(await main.act(other, 'extend', 'legalhead', { days: 30 }), 422, 'MISSING_FIELD', 'reason')
    assertError(await main.act(other, 'extend', 'legal', { days: 30, reason: '延长' }), 403, 'FORBIDDEN')
    await assertNothingWritten(main, other, before)
  })

  test('a simplified case cannot be extended (409); nothing stored', async () => {
    const simple = (await acceptedCase(main, { procedure: 'simplified', simplified_ground: 'on_spot' })).case.case_id
    const before = await snap(main, simple)
    const e = assertError(await main.act(simple, 'extend', 'legalhead', { days: 10, reason: '延长' }), 409, 'STATE')
    assert.match(e.message, /简易程序/)
    await assertNothingWritten(main, simple, before)
  })
})

// ---- 第51条: hearing notice ---------------------------------------------------------------

describe('hearing notice (第51条: 5 working days before)', () => {
  let id
  before(async () => { id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '焦玉兰' })).case.case_id })

  test('notified 09-30 for a hearing on 10-12: only 4 WD apart, refused naming hearing_on; nothing stored', async () => {
    const before = await snap(main, id)
    // Working days after 09-30 up to 10-12: 10-08, 10-09, 10-10W, 10-12 = 4 (10-01..07 H, 10-11 Sun).
    const e = assertError(await main.act(id, 'schedule_hearing', 'legal', { hearing_on: '2026-10-12', notified_on: MAIN_TODAY }),
      422, 'BAD_DATE', 'hearing_on')
    assert.match(e.message, /第五十一条/)
    // A notice dated in the future, and a hearing before the notice, are refused too.
    assertError(await main.act(id, 'schedule_hearing', 'legal', { hearing_on: '2026-10-30', notified_on: '2026-10-08' }),
      422, 'BAD_DATE', 'notified_on')
    assertError(await main.act(id, 'schedule_hearing', 'legal', { hearing_on: '2026-09-25', notified_on: MAIN_TODAY }),
      422, 'BAD_DATE', 'hearing_on')
    await assertNothingWritten(main, id, before)
  })

  test('a hearing on 10-13, the 5th working day after the notice, is scheduled', async () => {
    // 10-08 WD1, 09 WD2, 10W WD3, 12 WD4, 13 WD5.
    const d = await main.actOk(id, 'schedule_hearing', 'legal', { hearing_on: '2026-10-13', notified_on: MAIN_TODAY })
    assert.equal(d.case.fields.hearing_on, '2026-10-13')
    assert.equal(d.case.state, 'accepted')
  })
})

// ---- 第39条: suspension -------------------------------------------------------------------

describe('suspension (第39条)', () => {
  test('accepted and suspended on 09-10: the decision clock is paused, with no due date', async () => {
    const d = await main.detail(early.suspend)
    assert.equal(d.case.state, 'suspended')
    assert.equal(d.case.state_label, '中止审理')
    const dec = clock(d, 'decision')
    assert.equal(dec.state, 'paused')
    assert.equal(dec.status, 'paused')
    assert.equal(dec.due_date, null)
    assert.equal(dec.trigger_date, '2026-09-10')
  })

  test('deciding a suspended case is 409; resuming an accepted one is 409', async () => {
    const before = await snap(main, early.suspend)
    assertError(await main.act(early.suspend, 'decide', 'legal', { decision: 'uphold', decision_text: '维持。' }), 409, 'STATE')
    await assertNothingWritten(main, early.suspend, before)
    const running = (await acceptedCase(main)).case.case_id
    const beforeRunning = await snap(main, running)
    assertError(await main.act(running, 'resume', 'legal'), 409, 'STATE')
    await assertNothingWritten(main, running, beforeRunning)
  })

  test('resumed on 09-30: the due date moves 20 calendar days later, from 11-09 to 11-30', async () => {
    const d = await main.actOk(early.suspend, 'resume', 'legal')
    assert.equal(d.case.state, 'accepted')
    const dec = clock(d, 'decision')
    assert.equal(dec.state, 'running')
    // Without the suspension: 09-10 + 60 CD = 11-09 (Sep 30 day 20, Oct 31 day 51, Nov 9 day 60).
    // Suspended 09-10, resumed 09-30: days 09-11..09-30 (20) do not count. The 60 days run
    // 10-01..11-29 (Oct 31 is day 31, Nov 29 day 60) = 11-09 + 20; Sunday -> Monday 2026-11-30.
    assert.equal(dec.due_date, '2026-11-30')
    assert.equal(dec.extended_days, 0)
  })

  test('suspending today pauses the clock at once; a suspension needs a reason', async () => {
    const id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '庞建军' })).case.case_id
    const before = await snap(main, id)
    assertError(await main.act(id, 'suspend', 'legal', {}), 422, 'MISSING_FIELD', 'reason')
    await assertNothingWritten(main, id, before)
    const d = await main.actOk(id, 'suspend', 'legal', { reason: '申请人死亡，须等待其近亲属确定是否参加（第三十九条）' })
    assert.equal(d.case.state, 'suspended')
    assert.equal(clock(d, 'decision').status, 'paused')
    assert.equal(clock(d, 'decision').due_date, null)
    // Resumed the same day nothing is excluded: still 11-30 (09-30 + 60 CD, moved off Sunday 11-29).
    const r = await main.actOk(id, 'resume', 'legal')
    assert.equal(clock(r, 'decision').due_date, '2026-11-30')
  })
})

// ---- decisions and endings ----------------------------------------------------------------

// Every decision of 第63-69条 and 第33条, with the label a user reads (article included).
const DECISIONS = [
  ['change', '变更（第63条）'],
  ['revoke', '撤销（第64条）'],
  ['partial_revoke', '部分撤销（第64条）'],
  ['revoke_remake', '撤销并责令重新作出行政行为（第64条）'],
  ['confirm_illegal', '确认违法（第65条）'],
  ['order_perform', '责令履行（第66条）'],
  ['confirm_void', '确认无效（第67条）'],
  ['uphold', '维持（第68条）'],
  ['reject_claim', '驳回复议请求（第69条）'],
  ['dismiss', '驳回复议申请（第33条）'],
]
const ENDINGS = [
  ['mediation', '调解结案（第73条）'],
  ['settle_withdraw', '和解后撤回申请，终止（第74条）'],
  ['withdraw', '申请人撤回申请，终止（第41条）'],
  ['terminate', '其他情形终止（第41条）'],
]

describe('decisions (第63-69条, 第33条)', () => {
  test('deciding before acceptance is 409 STATE; nothing stored', async () => {
    const { case_id: id } = await register(main)
    const before = await snap(main, id)
    assertError(await main.act(id, 'decide', 'legal', { decision: 'uphold', decision_text: '维持。' }), 409, 'STATE')
    assertError(await main.act(id, 'end', 'legal', { ending: 'withdraw', reason: '撤回。' }), 409, 'STATE')
    await assertNothingWritten(main, id, before)
  })

  test('an unknown decision, or one without its text, is refused naming the field', async () => {
    const id = (await acceptedCase(main)).case.case_id
    const before = await snap(main, id)
    assertError(await main.act(id, 'decide', 'legal', { decision: 'approve', decision_text: '批准。' }), 422, 'BAD_VALUE', 'decision')
    assertError(await main.act(id, 'decide', 'legal', { decision: 'uphold' }), 422, 'MISSING_FIELD', 'decision_text')
    assertError(await main.act(id, 'decide', 'legal', { decision: 'uphold', decision_text: '维持。', version: 1 }), 409, 'CONFLICT')
    await assertNothingWritten(main, id, before)
  })

  for (const [value, label] of DECISIONS) {
    test(`decide ${value}: ${label}`, async () => {
      const name = `决定${value}`
      const id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: name })).case.case_id
      const text = `经审理查明……本机关依法作出${label}的决定。`
      const d = await main.actOk(id, 'decide', 'legal', { decision: value, decision_text: text })
      assert.equal(d.case.state, 'decided')
      assert.equal(d.case.state_label, '已审结')
      assert.equal(d.case.fields.decision, value)
      assert.equal(d.case.fields.decision_label, label)
      assert.equal(d.case.fields.decision_text, text)
      assert.equal(d.case.fields.decided_on, MAIN_TODAY)
      for (const k of ['decision', 'copy']) assert.equal(clock(d, k).state, 'stopped', k)
      assert.equal(clock(d, 'decision').on_time, true)
      assert.equal(d.case.due_date, null, 'no running clock left')
      const t = await main.get('/api/public/reconsideration/track/' + d.case.tracking_code)
      assert.equal(t.json.state_label, '已审结')
      assert.equal(t.json.result, label)
      assert.equal(t.json.decided_on, MAIN_TODAY)
    })
  }
})

describe('endings (第41条, 第73-74条)', () => {
  for (const [value, label] of ENDINGS) {
    test(`end ${value}: ${label}`, async () => {
      const id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: `结案${value}` })).case.case_id
      const d = await main.actOk(id, 'end', 'legal', { ending: value, reason: `${label}：情况说明。` })
      assert.equal(d.case.state, 'decided')
      assert.equal(d.case.fields.decision, value)
      assert.equal(d.case.fields.decision_label, label)
      assert.equal(d.case.fields.decided_on, MAIN_TODAY)
      assert.equal(clock(d, 'decision').state, 'stopped')
      assert.equal(d.events.at(-1).note, `${label}：情况说明。`)
    })
  }

  test('a suspended case can be ended (terminated) without resuming', async () => {
    const id = (await acceptedCase(main)).case.case_id
    await main.actOk(id, 'suspend', 'legal', { reason: '作为申请人的法人终止，尚未确定权利义务承受人。' })
    const d = await main.actOk(id, 'end', 'legal', { ending: 'terminate', reason: '中止满六十日仍无人继续参加，终止。' })
    assert.equal(d.case.state, 'decided')
    assert.equal(clock(d, 'decision').state, 'stopped')
  })

  test('an unknown ending is refused naming ending', async () => {
    const id = (await acceptedCase(main)).case.case_id
    const before = await snap(main, id)
    assertError(await main.act(id, 'end', 'legal', { ending: 'closed', reason: '结案' }), 422, 'BAD_VALUE', 'ending')
    await assertNothingWritten(main, id, before)
  })
})

// ---- the decision document ----------------------------------------------------------------

describe('行政复议决定书 (decision.docx)', () => {
  test('a real Word file naming the applicant, the respondent and the decision', async () => {
    const id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '欧阳明远', third_parties: '青山县某餐饮店' })).case.case_id
    await main.actOk(id, 'decide', 'legal', { decision: 'revoke', decision_text: '被申请人认定事实不清，证据不足，本机关决定撤销该行政处罚决定。' })
    const r = await main.get(`/api/cases/${id}/documents/decision.docx`, { session: await main.login('legal') })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('content-type'), DOCX)
    assert.match(r.headers.get('content-disposition') || '', /attachment/)
    const text = docxText(r.bytes)
    assert.match(text, /行政复议决定书/)
    assert.match(text, /申请人：欧阳明远/)
    assert.match(text, /被申请人：青山县市场监督管理局/)
    assert.match(text, /第三人：青山县某餐饮店/)
    assert.match(text, /本机关决定撤销该行政处罚决定/)
    assert.match(text, /撤销（第64条）/)
    assert.match(text, /十五日内依法向人民法院提起行政诉讼/)
  })

  test('an agency user, even the respondent who reads the case, gets no draft decision (403); a non-reconsideration case is 404', async () => {
    const id = (await acceptedCase(main)).case.case_id
    for (const u of ['scj.clerk', 'scj.head', 'zjj.clerk']) {
      assertError(await main.get(`/api/cases/${id}/documents/decision.docx`, { session: await main.login(u) }), 403)
    }
    const letter = await main.submitLetter()
    assertError(await main.get(`/api/cases/${letter.case_id}/documents/decision.docx`, { session: await main.login('legal') }), 404)
  })
})

// ---- 第76条: opinion letters --------------------------------------------------------------

describe('opinion letters (第76条: report back within 60 days)', () => {
  let id

  test('an opinion letter only after the decision (409 before)', async () => {
    id = (await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '褚卫平' })).case.case_id
    const before = await snap(main, id)
    assertError(await main.act(id, 'issue_opinion', 'legal', { kind: 'opinion', content: '请规范执法程序。' }), 409, 'STATE')
    await assertNothingWritten(main, id, before)
    await main.actOk(id, 'decide', 'legal', { decision: 'confirm_illegal', decision_text: '程序违法，确认违法。' })
  })

  test('reporting back before any letter was issued is refused (409); nothing stored', async () => {
    assert.ok(!(await offered(main, id, 'legal')).includes('opinion_reported'))
    const before = await snap(main, id)
    assertError(await main.act(id, 'opinion_reported', 'legal', { reported_on: MAIN_TODAY, summary: '已整改。' }), 409, 'STATE')
    await assertNothingWritten(main, id, before)
  })

  test('issued 09-30: the respondent reports back by 11-30 (60 CD, moved off a Sunday)', async () => {
    const d = await main.actOk(id, 'issue_opinion', 'legal', { kind: 'opinion', content: '请被申请人规范行政处罚程序，并于六十日内报告纠正情况。' })
    const k = clock(d, 'opinion_report')
    assert.equal(k.unit, 'CD')
    assert.equal(k.days, 60)
    assert.equal(k.trigger_date, MAIN_TODAY)
    // Trigger 09-30. Oct 31 is day 31, Nov 29 day 60 = Sunday -> Monday 2026-11-30.
    assert.equal(k.due_date, '2026-11-30')
    assert.match(k.article, /第七十六条/)
    assert.equal(d.case.due_date, '2026-11-30', 'a decided case still shows the running report clock')
    assert.ok((await offered(main, id, 'legal')).includes('opinion_reported'))
  })

  test('a report dated in the future is refused naming reported_on', async () => {
    const before = await snap(main, id)
    assertError(await main.act(id, 'opinion_reported', 'legal', { reported_on: '2026-10-08', summary: '已整改。' }), 422, 'BAD_DATE', 'reported_on')
    await assertNothingWritten(main, id, before)
  })

  test('opinion_reported stops the clock on the day of the report; a second report is 409', async () => {
    const d = await main.actOk(id, 'opinion_reported', 'legal', { reported_on: MAIN_TODAY, summary: '被申请人已修订执法工作规程并组织培训。' })
    const k = clock(d, 'opinion_report')
    assert.equal(k.state, 'stopped')
    assert.equal(k.on_time, true)
    assert.equal(sql(main.db, `SELECT stopped_on FROM case_clock WHERE case_id = ${id} AND name = 'opinion_report'`)[0][0], MAIN_TODAY)
    assert.equal(d.case.due_date, null)
    const before = await snap(main, id)
    assertError(await main.act(id, 'opinion_reported', 'legal', { reported_on: MAIN_TODAY, summary: '再报一次。' }), 409, 'STATE')
    await assertNothingWritten(main, id, before)
  })
})

// ---- scope ---------------------------------------------------------------------------------

describe('who sees reconsideration cases', () => {
  test('the respondent’s own users read a case against them (第48条) but take none of the office’s steps; other departments get 404', async () => {
    const { case_id: id } = await register(main, { respondent_agency_id: scj, applicant_name: '范思远' })
    for (const u of ['scj.clerk', 'scj.head', 'scj.officer']) {
      const s = await main.login(u)
      assert.equal((await main.get(`/api/cases/${id}`, { session: s })).status, 200, u)
      const list = await main.get('/api/cases?type=reconsideration&per_page=100', { session: s })
      assert.equal(list.status, 200, list.text)
      assert.ok(list.json.items.some((x) => x.case_id === id), `${u} lists the case against its agency`)
      const before = await snap(main, id)
      assertError(await main.act(id, 'accept', u, { procedure: 'normal' }), 403, 'FORBIDDEN')
      await assertNothingWritten(main, id, before)
    }
    for (const u of ['zjj.clerk']) {
      const s = await main.login(u)
      assertError(await main.get(`/api/cases/${id}`, { session: s }), 404, 'NOT_FOUND')
      const list = await main.get('/api/cases?type=reconsideration&per_page=100', { session: s })
      assert.ok(!list.json.items.some((x) => x.case_id === id), `${u} does not list it`)
      const before = await snap(main, id)
      assertError(await main.act(id, 'accept', u, { procedure: 'normal' }), 404, 'NOT_FOUND')
      await assertNothingWritten(main, id, before)
    }
    // The legal head and the county leader see it.
    for (const u of ['legalhead', 'leader']) {
      const r = await main.get(`/api/cases/${id}`, { session: await main.login(u) })
      assert.equal(r.status, 200, `${u}: ${r.text}`)
    }
  })

  test('the county leader may look but not act (403)', async () => {
    const { case_id: id } = await register(main)
    const before = await snap(main, id)
    assertError(await main.act(id, 'accept', 'leader', { procedure: 'normal' }), 403, 'FORBIDDEN')
    await assertNothingWritten(main, id, before)
  })

  test('a case against another department is owned by the legal office all the same', async () => {
    const r = await register(main, { respondent_agency_id: zjj })
    const d = await main.detail(r.case_id)
    assert.equal(d.case.fields.respondent_name, '青山县住房和城乡建设局')
    assert.equal(d.case.agency_name, '青山县司法局')
    assert.equal((await main.get(`/api/cases/${r.case_id}`, { session: await main.login('zjj.head') })).status, 200,
      'the respondent reads it')
    assertError(await main.get(`/api/cases/${r.case_id}`, { session: await main.login('scj.head') }), 404, 'NOT_FOUND')
  })
})

// ---- the applicant's reason for a late application (第20条) --------------------------------

describe('late_reason on the application (第20条)', () => {
  const REASON = '申请人因住院治疗耽误申请期限，附医院证明。'

  test('the portal accepts it and the legal office reads it; acceptance then needs no second reason', async () => {
    const r = await main.post('/api/public/reconsideration', applyBody({
      applicant_name: '闵春生', act_date: '2026-07-01', learned_on: '2026-07-02', late_reason: REASON,
    }))
    assert.equal(r.status, 201, r.text)
    const d = await main.detail(r.json.case_id)
    assert.equal(d.case.fields.late, true, '07-02 + 60 CD = 08-31, received 09-30')
    assert.equal(d.case.fields.late_reason, REASON)
    assert.equal(d.case.fields.facts, applyBody().facts, 'the facts stay as written')
    const a = await main.actOk(r.json.case_id, 'accept', 'legal', { procedure: 'normal' })
    assert.equal(a.case.fields.late_reason, REASON)
  })

  test('staff registration takes the same field; the office’s reason at acceptance replaces it', async () => {
    const { case_id: id } = await register(main, { act_date: '2026-07-01', learned_on: '2026-07-02', late_reason: '申请人称曾向其他机关申请。' })
    assert.equal((await main.detail(id)).case.fields.late_reason, '申请人称曾向其他机关申请。')
    const a = await main.actOk(id, 'accept', 'legal', { procedure: 'normal', late_reason: '经核实，申请人曾于期限内向市政府申请，属正当理由。' })
    assert.equal(a.case.fields.late_reason, '经核实，申请人曾于期限内向市政府申请，属正当理由。')
  })

  test('a late_reason that is too long or not text is refused naming late_reason; nothing stored', async () => {
    const before = stored(main.db)
    for (const v of ['理'.repeat(1001), 123, ['a']]) {
      const e = assertError(await main.post('/api/public/reconsideration', applyBody({ late_reason: v })), 422, undefined, 'late_reason')
      assert.match(e.message, HAN)
    }
    assertError(await main.post('/api/reconsideration/cases', staffBody({ late_reason: '理'.repeat(1001) }), { session: await main.login('legal') }), 422, undefined, 'late_reason')
    assert.deepEqual(stored(main.db), before)
  })
})

// ---- public tracking: the course of the case ------------------------------------------------

describe('public tracking timeline', () => {
  test('received, accepted, copy sent, hearing notice, extension, suspension, resumption, decision — with dates, without notes', async () => {
    const r = await main.post('/api/public/reconsideration', applyBody({ applicant_name: '邵家明' }))
    assert.equal(r.status, 201, r.text)
    const id = r.json.case_id
    await main.actOk(id, 'accept', 'legal', { procedure: 'normal' })
    await main.actOk(id, 'copy_sent', 'legal', { sent_on: MAIN_TODAY })
    await main.actOk(id, 'answer_received', 'legal', { received_on: MAIN_TODAY, summary: '内部：被申请人答复要点（不公开）' })
    await main.actOk(id, 'schedule_hearing', 'legal', { hearing_on: '2026-10-13', notified_on: MAIN_TODAY })
    await main.actOk(id, 'extend', 'legalhead', { days: 30, reason: '内部：案情复杂（不公开）' })
    await main.actOk(id, 'suspend', 'legal', { reason: '内部：中止原因（不公开）' })
    await main.actOk(id, 'resume', 'legal')
    await main.actOk(id, 'decide', 'legal', { decision: 'revoke', decision_text: '内部：决定书正文（不公开）' })
    const t = await main.get(`/api/public/reconsideration/track/${r.json.tracking_code}`)
    assert.equal(t.status, 200, t.text)
    assert.equal(t.json.accepted_on, MAIN_TODAY)
    assert.equal(t.json.procedure, 'normal')
    assert.equal(t.json.procedure_label, '普通程序')
    assert.equal(t.json.respondent_name, '青山县市场监督管理局')
    assert.equal(t.json.result, '撤销（第64条）')
    assert.deepEqual(t.json.timeline.map((e) => [e.action, e.on, e.label, e.detail]), [
      ['create', MAIN_TODAY, '收到行政复议申请', null],
      ['accept', MAIN_TODAY, '受理', '普通程序'],
      ['copy_sent', MAIN_TODAY, '向被申请人发送申请书副本', null],
      ['answer_received', MAIN_TODAY, '收到被申请人的书面答复', null],
      ['schedule_hearing', MAIN_TODAY, '通知听证', '听证日期 2026-10-13'],
      ['extend', MAIN_TODAY, '延长审理期限', '延长 30 日（第六十二条）'],
      ['suspend', MAIN_TODAY, '中止审理', null],
      ['resume', MAIN_TODAY, '恢复审理', null],
      ['decide', MAIN_TODAY, '作出行政复议决定', '撤销（第64条）'],
    ])
    assert.doesNotMatch(t.text, /内部|不公开/, 'no note, reason, answer or decision text reaches the public')
    // An opinion letter to the respondent (第76条) is not the applicant's business: no step, no clock.
    await main.actOk(id, 'issue_opinion', 'legal', { kind: 'opinion', content: '内部：意见书内容' })
    const t2 = await main.get(`/api/public/reconsideration/track/${r.json.tracking_code}`)
    assert.equal(t2.json.timeline.length, t.json.timeline.length)
    assert.ok(!t2.json.clocks.some((k) => k.name === 'opinion_report'), 'the report clock stays internal')
    assert.doesNotMatch(t2.text, /意见书/)
  })

  test('a correction is dated by the day the materials came in (recorded on 09-30 as of 09-23)', async () => {
    // early.corrected: notice on 09-10 (the early server), corrected_on 09-23 recorded on 09-30
    // by the correction tests above; not yet accepted.
    const d = await main.detail(early.corrected)
    assert.equal(d.case.state, 'received')
    const t = (await main.get(`/api/public/reconsideration/track/${d.case.tracking_code}`)).json
    assert.deepEqual(t.timeline.map((e) => [e.label, e.on]), [
      ['收到行政复议申请', EARLY_TODAY], ['通知补正申请材料', EARLY_TODAY], ['收到补正材料', '2026-09-23'],
    ])
    assert.equal(t.accepted_on, null)
    assert.equal(t.procedure, null)
    assert.doesNotMatch(JSON.stringify(t.timeline), /身份证明/, 'the items of the notice are not shown')
  })
})

// ---- history as fields, and only the actions that can be taken ---------------------------------

describe('detail fields and offered actions', () => {
  test('suspensions, extension, answer, hearing and opinion letters are fields; copy_sent, answer_received, extend, issue_opinion offered only when possible', async () => {
    const d0 = await acceptedCase(main, { procedure: 'normal' }, { applicant_name: '符立群' })
    const id = d0.case.case_id
    let names = d0.actions.map((a) => a.name)
    assert.ok(names.includes('copy_sent'))
    assert.ok(!names.includes('answer_received'), 'no answer is awaited before the copy is sent')
    let before = await snap(main, id)
    assertError(await main.act(id, 'answer_received', 'legal', { received_on: MAIN_TODAY }), 409, 'STATE')
    await assertNothingWritten(main, id, before)
    const d1 = await main.actOk(id, 'copy_sent', 'legal', { sent_on: MAIN_TODAY })
    names = d1.actions.map((a) => a.name)
    assert.ok(!names.includes('copy_sent') && names.includes('answer_received'))
    before = await snap(main, id)
    assertError(await main.act(id, 'copy_sent', 'legal', { sent_on: MAIN_TODAY }), 409, 'STATE')
    await assertNothingWritten(main, id, before)
    const d2 = await main.actOk(id, 'answer_received', 'legal', { received_on: MAIN_TODAY, summary: '答复要点。' })
    assert.equal(d2.case.fields.copy_sent_on, MAIN_TODAY)
    assert.equal(d2.case.fields.answer_received_on, MAIN_TODAY)
    assert.equal(d2.case.fields.answer_summary, '答复要点。')
    assert.ok(!d2.actions.map((a) => a.name).includes('answer_received'))
    const d3 = await main.actOk(id, 'extend', 'legalhead', { days: 20, reason: '案情复杂。' })
    assert.equal(d3.case.fields.extended_days, 20)
    assert.equal(d3.case.fields.extension_reason, '案情复杂。')
    assert.equal(d3.case.fields.extended_on, MAIN_TODAY)
    assert.ok(!(await offered(main, id, 'legalhead')).includes('extend'), 'the one extension is used')
    await main.actOk(id, 'suspend', 'legal', { reason: '等待鉴定结论。' })
    const d4 = await main.actOk(id, 'resume', 'legal')
    assert.deepEqual(d4.case.fields.suspensions, [{ from: MAIN_TODAY, to: MAIN_TODAY, reason: '等待鉴定结论。' }])
    await main.actOk(id, 'suspend', 'legal', { reason: '申请人申请中止。' })
    const d5 = await main.actOk(id, 'end', 'legal', { ending: 'terminate', reason: '申请人死亡，无近亲属。' })
    assert.deepEqual(d5.case.fields.suspensions.map((s) => s.to), [MAIN_TODAY, null])
    assert.equal(d5.case.fields.decision_label, '其他情形终止（第41条）')
    assert.equal(d5.case.fields.decision_class, 'other')
    assert.equal(d5.case.fields.channel_label, '书面申请')
    assert.equal(d5.case.fields.applicant_type_label, '公民')
    assert.equal(d5.case.fields.procedure_label, '普通程序')
    assert.deepEqual(d5.case.fields.opinions, [])
    // An opinion letter (第76条): one awaiting its report at a time.
    const o1 = await main.actOk(id, 'issue_opinion', 'legal', { kind: 'suggestion', content: '建议完善程序。' })
    assert.deepEqual(o1.case.fields.opinions, [{ kind: 'suggestion', kind_label: '行政复议建议书', content: '建议完善程序。', issued_on: MAIN_TODAY, reported: false, reported_on: null, report_summary: null }])
    assert.ok(!o1.actions.map((a) => a.name).includes('issue_opinion'))
    before = await snap(main, id)
    assertError(await main.act(id, 'issue_opinion', 'legal', { kind: 'opinion', content: '再发一份。' }), 409, 'STATE')
    assertError(await main.act(id, 'opinion_reported', 'legal', { reported_on: '2026-09-29', summary: '早于制发日。' }), 422, 'BAD_DATE', 'reported_on')
    await assertNothingWritten(main, id, before)
    const o2 = await main.actOk(id, 'opinion_reported', 'legal', { reported_on: MAIN_TODAY, summary: '已完善。' })
    assert.equal(o2.case.fields.opinions[0].reported, true)
    assert.equal(o2.case.fields.opinions[0].report_summary, '已完善。')
    assert.ok(o2.actions.map((a) => a.name).includes('issue_opinion'), 'reported: a new letter may follow')
  })

  test('a refusal keeps its ground in decision_text and has no decision label; forwarding keeps forward_to', async () => {
    const { case_id: a } = await register(main)
    const r = await main.actOk(a, 'refuse', 'legal', { ground: '不属于行政复议范围。' })
    assert.equal(r.case.fields.decision_text, '不属于行政复议范围。')
    assert.equal(r.case.fields.decision_label, null)
    const { case_id: b } = await register(main)
    const f = await main.actOk(b, 'forward', 'legal', { forward_to: '某市人民政府' })
    assert.equal(f.case.fields.forward_to, '某市人民政府')
  })
})
