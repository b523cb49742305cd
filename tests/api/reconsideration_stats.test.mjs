// The yearly figures of reconsideration and litigation (the paragraph county reports print:
// "收到行政复议申请N件 … 纠错率 … 出庭应诉率"), their Excel export, `fazhi report
// reconsideration`, and table 四 of the information-disclosure annual report, all checked against
// a count by hand of the demo script (src/modules/reconsideration/recon_demo.c).
//
// One server, FAZHI_TODAY 2026-11-23, on a demo database loaded on 2026-11-23: every step of the
// script is dated on or before that day, so all of it has run. Nothing here writes.
//
// The script, by hand (respondent kind from src/cli/cmd_demo.c; D = department, T = township):
//   #0 张建民    scj D  penalty     rcv 02-10  accepted 02-12 normal      decided 03-30 uphold
//   #1 李桂芳    qsz T  coercion    rcv 03-05  accepted 03-09 normal      decided 04-28 revoke
//   #2 鑫源矿业  zrj D  licensing   rcv 04-08  accepted 04-10 normal      (suspended 05-06..06-15)
//                                                                        decided 07-06 confirm_illegal
//   #3 王海      zjj D  disclosure  rcv 05-12  accepted 05-13 simplified  decided 06-05 order_perform
//   #4 刘志强    cgj D  penalty     rcv 06-03  accepted 06-04 simplified  ended   06-22 mediation
//   #5 陈国华    lhx T  levy        rcv 07-15  learned 04-01 (late)       refused 07-20
//   #6 赵明      gaj D  penalty     rcv 08-20  accepted 08-24 normal      ended   09-21 settle_withdraw
//   #7 孙立      hbj D  penalty     rcv 10-09  correction 10-12, corrected 10-19, accepted 10-21 (open)
//   #8 恒通物流  scj D  disclosure  rcv 11-18  (awaiting the acceptance review)
// Lawsuits:
//   L0 张建民 v scj penalty, after #0, rcv 04-14; hearing 05-20 head;    judged 06-15 uphold
//   L1 宏达建材 v zrj penalty,         rcv 05-08; hearing 06-18 deputy;  judged 07-01 withdrawn
//   L2 王海 v zjj disclosure, direct,  rcv 07-02; hearing 08-12 staff;   judged 09-10 confirm_illegal
//   L3 周卫国 v gov levy,              rcv 09-18; hearing 10-28 head;    not judged
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { useServer, assertError, fazhiOk, mkTemp } from './lib.mjs'

const c = useServer()

async function stats (username = 'legal', query = '') {
  const r = await c.get(`/api/reconsideration/stats?year=2026${query}`, { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

/** {value: [count, percent]} of a by_* list. */
function byValue (list) {
  return Object.fromEntries(list.map((x) => [x.value, [x.count, x.percent]]))
}

/** The cells of the first sheet of an .xlsx, by row number and column letter. */
function xlsxCells (bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx starts with PK')
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'f.xlsx')
    fs.writeFileSync(f, bytes)
    const list = spawnSync('unzip', ['-Z1', f], { encoding: 'utf8' })
    assert.equal(list.status, 0, `not a zip file: ${list.stderr}`)
    const entries = list.stdout.split('\n').filter(Boolean)
    for (const e of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']) {
      assert.ok(entries.includes(e), `no ${e} in ${entries}`)
    }
    const read = (e) => entries.includes(e)
      ? spawnSync('unzip', ['-p', f, e], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout
      : ''
    const unxml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    const shared = [...read('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)]
      .map((m) => unxml([...m[1].matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => t[1]).join('')))
    const rows = {}
    for (const m of read('xl/worksheets/sheet1.xml').matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
      const ref = /\br="([A-Z]+)(\d+)"/.exec(m[1])
      const type = /\bt="(\w+)"/.exec(m[1])?.[1]
      const v = /<v>([^<]*)<\/v>/.exec(m[2] || '')?.[1]
      const inline = /<t(?:\s[^>]*)?>([^<]*)<\/t>/.exec(m[2] || '')?.[1]
      let val
      if (type === 's') val = shared[Number(v)]
      else if (type === 'inlineStr') val = unxml(inline ?? '')
      else if (type === 'str') val = unxml(v ?? '')
      else if (v !== undefined) val = Number(v)
      else continue
      ;(rows[ref[2]] ||= {})[ref[1]] = val
    }
    return rows
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('GET /api/reconsideration/stats?year=2026 equals a count by hand of the demo script', () => {
  test('reconsideration', async () => {
    const r = await stats()
    assert.equal(r.year, 2026)
    assert.equal(r.agency_id, 0)
    assert.deepEqual(r.reconsideration, {
      received: 9, //           #0..#8 were all received in 2026
      accepted: 7, //           #0 #1 #2 #3 #4 #6 #7 (#5 refused, #8 not yet reviewed)
      refused: 1, //            #5
      forwarded: 0,
      withdrawn: 0,
      decided: 6, //            #0 #1 #2 #3 decided, #4 #6 ended
      corrected: 3, //          #1 revoke, #2 confirm_illegal, #3 order_perform
      correction_rate: 50, //   3 / 6
      // Each within its decision period: #0 02-12+60 CD = 04-13 (Feb has 28 days: Feb 28 is
      // day 16, Mar 31 day 47, Apr 13 day 60, Mon) >= 03-30; #1 03-09+60 = 05-08 (Fri) >= 04-28;
      // #2 04-10+60 = 06-09, plus the 40 suspended days 05-07..06-15 = 07-19 (Sun) -> 07-20
      // >= 07-06; #3 05-13+30 = 06-12 (Fri) >= 06-05; #4 06-04+30 = 07-04 (Sat) -> 07-06
      // >= 06-22; #6 08-24+60 = 10-23 (Fri) >= 09-21.
      on_time: 6,
      on_time_rate: 100, //      6 / 6
      // #5: learned 04-01, +60 CD = 05-31 (Sun) -> 06-01; received 07-15, later. All others
      // were received within days of learning of the act.
      late_applications: 1,
    })
  })

  test('by respondent type, act type and decision', async () => {
    const r = await stats()
    // Departments #0 #2 #3 #4 #6 #7 #8 = 7 (7/9 = 77.8% -> 78); townships #1 #5 = 2 (22.2% -> 22).
    assert.deepEqual(byValue(r.by_respondent_type), { department: [7, 78], township: [2, 22] })
    assert.equal(r.by_respondent_type.find((x) => x.value === 'township').label, '乡镇政府（街道办事处）')
    assert.equal(r.by_respondent_type.find((x) => x.value === 'department').label, '县政府部门')
    // Penalty #0 #4 #6 #7 = 4 (44.4% -> 44); disclosure #3 #8 = 2 (22); coercion #1, licensing #2,
    // levy #5 one each (11.1% -> 11).
    assert.deepEqual(byValue(r.by_act_type), {
      penalty: [4, 44], disclosure: [2, 22], coercion: [1, 11], licensing: [1, 11], levy: [1, 11],
    })
    // One each of the six closings, 1/6 = 16.7% -> 17.
    assert.deepEqual(byValue(r.by_decision), {
      uphold: [1, 17], revoke: [1, 17], confirm_illegal: [1, 17], order_perform: [1, 17],
      mediation: [1, 17], settle_withdraw: [1, 17],
    })
  })

  test('litigation', async () => {
    const r = await stats()
    assert.deepEqual({ ...r.litigation, by_outcome: undefined }, {
      received: 4, //               L0..L3
      after_reconsideration: 1, //  L0 (after #0)
      judged: 3, //                 L0 L1 L2
      hearings: 4, //               one each
      head_appeared: 3, //          head, deputy (a 负责人 too), head; L2 sent staff
      appearance_rate: 75, //       3 / 4
      by_outcome: undefined,
    })
    assert.deepEqual(byValue(r.litigation.by_outcome), { uphold: [1, 33], withdrawn: [1, 33], confirm_illegal: [1, 33] })
  })

  test('the drafted paragraph says the same in the reports’ words', async () => {
    const p = (await stats()).paragraph
    for (const phrase of ['2026年', '收到行政复议申请9件', '受理7件', '不予受理1件',
      '被申请人是县政府部门的7件，占78%', '被申请人是乡镇政府（街道办事处）的2件，占22%',
      '审结6件', '维持1件', '撤销1件', '确认违法1件', '责令履行1件', '调解1件', '和解终止1件',
      '纠错率50%', '按期审结6件', '行政应诉案件4件', '经复议后起诉1件', '审结3件',
      '出庭应诉3次', '出庭应诉率75%']) {
      assert.ok(p.includes(phrase), `paragraph lacks “${phrase}”: ${p}`)
    }
  })

  test('an agency’s own figures: 市场监管局 (scj) is respondent in #0 and #8 and defendant in L0', async () => {
    const scj = await c.agencyOf('scj.head')
    for (const r of [await stats('legal', `&agency_id=${scj}`), await stats('scj.head'), await stats('scj.clerk', '&agency_id=0')]) {
      assert.equal(r.agency_id, scj)
      assert.equal(r.reconsideration.received, 2) //  #0, #8
      assert.equal(r.reconsideration.accepted, 1) //  #0
      assert.equal(r.reconsideration.decided, 1) //   #0 uphold
      assert.equal(r.reconsideration.corrected, 0)
      assert.equal(r.reconsideration.correction_rate, 0)
      assert.deepEqual(byValue(r.by_respondent_type), { department: [2, 100] })
      assert.equal(r.litigation.received, 1) //        L0
      assert.equal(r.litigation.after_reconsideration, 1)
      assert.equal(r.litigation.hearings, 1) //        05-20, the head
      assert.equal(r.litigation.appearance_rate, 100)
      assert.match(r.paragraph, /收到行政复议申请2件/)
    }
    // 住建局 (zjj) asking for scj's figures gets its own: #3 (corrected) and L2 (staff in court).
    const zjj = await c.agencyOf('zjj.clerk')
    const z = await stats('zjj.clerk', `&agency_id=${scj}`)
    assert.equal(z.agency_id, zjj)
    assert.equal(z.reconsideration.received, 1)
    assert.equal(z.reconsideration.correction_rate, 100)
    assert.equal(z.litigation.hearings, 1)
    assert.equal(z.litigation.head_appeared, 0)
    assert.equal(z.litigation.appearance_rate, 0)
  })

  test('2025 has no reconsideration in the demo county: zeros, and rates of 0 rather than an error', async () => {
    const r = await c.get('/api/reconsideration/stats?year=2025', { session: await c.login('legal') })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.reconsideration.received, 0)
    assert.equal(r.json.reconsideration.correction_rate, 0)
    assert.equal(r.json.litigation.appearance_rate, 0)
    assert.deepEqual(r.json.by_decision, [])
    assert.match(r.json.paragraph, /^2025年，共收到行政复议申请0件/)
  })

  test('a bad year is 422 naming year; without a session 401', async () => {
    const s = await c.login('legal')
    for (const y of ['abc', '1999', '2026x']) {
      assertError(await c.get(`/api/reconsideration/stats?year=${y}`, { session: s }), 422, undefined, 'year')
    }
    assertError(await c.get('/api/reconsideration/stats?year=2026'), 401)
    assertError(await c.get('/api/reconsideration/stats.xlsx?year=2026'), 401)
  })
})

describe('exports', () => {
  test('stats.xlsx is a real Excel file with the same figures', async () => {
    const r = await c.get('/api/reconsideration/stats.xlsx?year=2026', { session: await c.login('legal') })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    assert.match(r.headers.get('content-disposition') || '', /attachment/)
    const rows = xlsxCells(r.bytes)
    assert.equal(rows[1].A, '2026年行政复议和行政应诉情况统计')
    const byLabel = Object.fromEntries(Object.values(rows).filter((x) => typeof x.A === 'string').map((x) => [x.A, [x.B, x.C]]))
    assert.deepEqual(byLabel['收到行政复议申请'], [9, undefined])
    assert.deepEqual(byLabel['受理'], [7, undefined])
    assert.deepEqual(byLabel['不予受理'], [1, undefined])
    assert.deepEqual(byLabel['审结'], [6, undefined])
    // The rates beside their counts, of the 6 decided: 纠错率 3/6 = 50 %, 按期审结率 6/6 = 100 %.
    assert.deepEqual(byLabel['纠错（变更、撤销、确认违法、责令履行、确认无效），占比为纠错率'], [3, 50])
    assert.deepEqual(byLabel['按期审结，占比为按期审结率'], [6, 100])
    assert.deepEqual(byLabel['超过申请期限的申请'], [1, undefined])
    assert.deepEqual(byLabel['被申请人：县政府部门'], [7, 78])
    assert.deepEqual(byLabel['被申请人：乡镇政府（街道办事处）'], [2, 22])
    assert.deepEqual(byLabel['审结方式：维持（第68条）'], [1, 17])
    assert.deepEqual(byLabel['行政应诉案件'], [4, undefined])
    assert.deepEqual(byLabel['负责人出庭应诉（次）'], [3, 75])
  })

  test('`fazhi report reconsideration --format json` prints the same figures as the API', async () => {
    const api = await stats()
    const out = fazhiOk(['report', 'reconsideration', '--db', c.db, '--year', '2026', '--format', 'json'])
    assert.deepEqual(JSON.parse(out.stdout), api)
    const scj = await c.agencyOf('scj.clerk')
    const one = fazhiOk(['report', 'reconsideration', '--db', c.db, '--year', '2026', '--agency', String(scj), '--format', 'json'])
    assert.deepEqual(JSON.parse(one.stdout), await stats('legal', `&agency_id=${scj}`))
  })
})

describe('table 四 of the information-disclosure annual report', () => {
  // Reconsideration about disclosure: #3 (zjj, order_perform = 结果纠正); #8 (scj) has not been
  // accepted, so it is not yet a reconsideration case. Lawsuits about disclosure: L2 (zjj,
  // straight to court, confirm_illegal = 结果纠正). None after reconsideration.
  const EXPECTED = [0, 1, 0, 0, 1, /* 未经复议直接起诉 */ 0, 1, 0, 0, 1, /* 复议后起诉 */ 0, 0, 0, 0, 0]

  test('county-wide: 复议·结果纠正 1 and 未经复议直接起诉·结果纠正 1', async () => {
    const r = await c.get('/api/disclosure/report?year=2026', { session: await c.login('legal') })
    assert.equal(r.status, 200, r.text)
    const t = r.json.table4
    const value = (col) => t.values[t.columns.indexOf(col)]
    assert.equal(value('行政复议·结果纠正'), 1)
    assert.equal(value('行政复议·总计'), 1)
    assert.equal(value('行政诉讼（未经复议直接起诉）·结果纠正'), 1)
    assert.equal(value('行政诉讼（未经复议直接起诉）·总计'), 1)
    assert.equal(value('行政诉讼（复议后起诉）·总计'), 0)
    assert.deepEqual(t.values, EXPECTED)
    assert.equal(t.note ?? null, null, 'no “module not enabled” note')
  })

  test('per agency: 住建局 has both, 市场监管局 none', async () => {
    const s = await c.login('legal')
    const zjj = await c.agencyOf('zjj.clerk')
    const scj = await c.agencyOf('scj.clerk')
    const z = await c.get(`/api/disclosure/report?year=2026&agency_id=${zjj}`, { session: s })
    assert.deepEqual(z.json.table4.values, EXPECTED)
    const m = await c.get(`/api/disclosure/report?year=2026&agency_id=${scj}`, { session: s })
    assert.deepEqual(m.json.table4.values, new Array(15).fill(0))
  })
})

describe('a count by hand from the records themselves, read through the API', () => {
  // Not the script above: every case of the county is listed (GET /api/reconsideration/cases,
  // /api/litigation/cases), each one's detail read, and the figures counted here the way the
  // reports count them; then compared with the statistics and with `fazhi report`.
  const Y = '2026'
  const inYear = (d) => typeof d === 'string' && d.startsWith(`${Y}-`)
  const pct = (n, total) => (total ? Math.floor((n * 100 + Math.floor(total / 2)) / total) : 0)
  const CORRECTED = ['change', 'revoke', 'partial_revoke', 'revoke_remake', 'confirm_illegal', 'order_perform', 'confirm_void']

  async function all (path) {
    const s = await c.login('legal')
    const r = await c.get(`${path}?per_page=100`, { session: s })
    assert.equal(r.status, 200, r.text)
    assert.ok(r.json.total <= 100, 'one page holds the demo county')
    return Promise.all(r.json.items.map(async (row) => ({ row, d: await c.detail(row.case_id) })))
  }

  test('reconsideration and litigation figures equal the API and the command line', async () => {
    const kinds = Object.fromEntries((await c.agencies()).map((a) => [a.agency_id, a.kind]))
    const recon = await all('/api/reconsideration/cases')
    const h = { received: 0, accepted: 0, refused: 0, forwarded: 0, withdrawn: 0, decided: 0, corrected: 0, on_time: 0, late_applications: 0 }
    const byResp = {}
    const byAct = {}
    const byDec = {}
    for (const { row, d } of recon) {
      const f = d.case.fields
      if (inYear(row.received_on)) {
        h.received++
        if (f.late) h.late_applications++
        const k = kinds[f.respondent_agency_id] === 'township' ? 'township' : kinds[f.respondent_agency_id] === 'county' ? 'county' : 'department'
        byResp[k] = (byResp[k] || 0) + 1
        byAct[f.act_type] = (byAct[f.act_type] || 0) + 1
      }
      if (inYear(f.accepted_on)) h.accepted++
      if (!inYear(f.decided_on)) continue
      if (row.state === 'refused') h.refused++
      if (row.state === 'forwarded') h.forwarded++
      if (row.state === 'withdrawn') h.withdrawn++
      if (row.state !== 'decided') continue
      h.decided++
      byDec[f.decision] = (byDec[f.decision] || 0) + 1
      if (CORRECTED.includes(f.decision)) h.corrected++
      const k = d.clocks.find((x) => x.name === 'decision')
      // On time: stopped on or before the due date; with no due date yet, on or before
      // trigger + days + extension in calendar days (the earliest the period can end).
      const stopped = f.decided_on
      const bound = k.due_date || new Date(Date.parse(`${k.trigger_date}T00:00:00Z`) + (k.days + k.extended_days) * 86400000).toISOString().slice(0, 10)
      if (stopped <= bound) h.on_time++
    }
    const lit = await all('/api/litigation/cases')
    const l = { received: 0, after_reconsideration: 0, judged: 0, hearings: 0, head_appeared: 0 }
    const byOutcome = {}
    for (const { row, d } of lit) {
      const f = d.case.fields
      if (inYear(row.received_on)) {
        l.received++
        if (f.recon_case_id) l.after_reconsideration++
      }
      if (inYear(f.judged_on)) {
        l.judged++
        byOutcome[f.outcome] = (byOutcome[f.outcome] || 0) + 1
      }
      for (const x of f.hearings) {
        if (!inYear(x.hearing_on)) continue
        l.hearings++
        if (x.head_appeared) l.head_appeared++
      }
      assert.equal(row.hearings, f.hearings.length, `${row.number}: the list counts the hearings`)
    }

    const api = await stats()
    assert.deepEqual(api.reconsideration, {
      ...h, correction_rate: pct(h.corrected, h.decided), on_time_rate: pct(h.on_time, h.decided),
      received: h.received, late_applications: h.late_applications,
    })
    const counts = (list) => Object.fromEntries(list.map((x) => [x.value, x.count]))
    assert.deepEqual(counts(api.by_respondent_type), byResp)
    assert.deepEqual(counts(api.by_act_type), byAct)
    assert.deepEqual(counts(api.by_decision), byDec)
    assert.deepEqual({ ...api.litigation, by_outcome: undefined }, { ...l, appearance_rate: pct(l.head_appeared, l.hearings), by_outcome: undefined })
    assert.deepEqual(counts(api.litigation.by_outcome), byOutcome)
    // And the figures are the script's: the hand count above is not an empty agreement.
    assert.equal(h.received, 9)
    assert.equal(h.on_time, 6)
    assert.equal(l.hearings, 4)
    const cli = JSON.parse(fazhiOk(['report', 'reconsideration', '--db', c.db, '--year', Y, '--format', 'json']).stdout)
    assert.deepEqual(cli, api)
  })
})
