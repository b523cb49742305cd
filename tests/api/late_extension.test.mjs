// Extensions recorded after the period ran out (issue 15, item 5). An extension is approved
// while the period runs: 政府信息公开条例 第33条第2款 (the disclosure reply, +20 WD at most) and
// 行政复议法 第62条 (the reconsideration decision, +30 days once). Recorded after the due day, it
// would only hide an overdue case, so both are refused (409 naming the period, its due day and
// the article), not offered, and nothing is stored. On the due day itself it is still in time.
//
// Dates counted by hand from data/cn-calendar.csv (2026): Sep 25-27 中秋节, Oct 1-7 国庆节,
// Oct 10 (Sat) make-up working day; November has no holiday (Mondays 2, 9, 16, 23, 30).
// The database is served on 2026-09-10, then 2026-09-24, then (main) 2026-11-23.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'

const MAIN_TODAY = '2026-11-23'
const servers = []
let main
let scj
const ids = {}

function disclosureBody (over = {}) {
  return {
    agency_id: scj, applicant_type: 'natural', applicant_name: '陈立新', phone: '13907910001',
    address: '青山县城关镇解放路 12 号', description: '请公开2026年农贸市场食品安全抽检结果',
    purpose: '了解本地食品安全情况', delivery: 'email', email: 'chen@example.cn',
    channel: 'in_person', submitted_on: MAIN_TODAY, ...over,
  }
}

function reconBody (over = {}) {
  return {
    applicant_name: '测试申请人', applicant_type: 'natural', phone: '13807910000',
    respondent_agency_id: scj, act_type: 'penalty', act_date: '2026-09-01', learned_on: '2026-09-02',
    requests: '请求撤销行政处罚决定', channel: 'written', ...over,
  }
}

async function reconAccepted (c, today, name) {
  const r = await c.post('/api/reconsideration/cases', reconBody({ received_on: today, applicant_name: name }),
    { session: await c.login('legal') })
  assert.equal(r.status, 201, r.text)
  await c.actOk(r.json.case_id, 'accept', 'legal', { procedure: 'normal' })
  return r.json.case_id
}

function stored (db, id) {
  return JSON.stringify([
    sql(db, `SELECT state, version FROM case_record WHERE case_id = ${id}`),
    sql(db, `SELECT name, state, due_date, extended_days, extensions FROM case_clock WHERE case_id = ${id} ORDER BY name`),
    sql(db, `SELECT COUNT(*) FROM event WHERE case_id = ${id}`),
  ])
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)
const offered = async (id, user) => (await main.detail(id, user)).actions.map((a) => a.name)

before(async () => {
  const dir = mkTemp('fazhi-lateext-')
  const db = makeDb(dir)
  for (const today of ['2026-09-10', '2026-09-24']) {
    const e = await startServer({ db, dir, env: { FAZHI_TODAY: today } })
    try {
      const c = new Client(e)
      scj = await c.agencyOf('scj.clerk')
      // Accepted 09-10: 60 days end 11-09 (Mon), before 11-23. Accepted 09-24: 60 days end 11-23.
      ids[today] = await reconAccepted(c, today, today === '2026-09-10' ? '迟延甲' : '当日乙')
    } finally {
      await e.stop({ keep: true })
    }
  }
  const m = await startServer({ db, dir, env: { FAZHI_TODAY: MAIN_TODAY } })
  servers.push(m)
  main = new Client(m)
})

after(async () => { await stopAll(servers) })

test('disclosure: an extension after the reply period ran out is refused (409, 第三十三条) and not offered', async () => {
  // Received 10-20 (Tue): 21-23 WD1-3; 26-30 WD4-8; 11-02..06 WD9-13; 09..13 WD14-18; 16 WD19, 17 WD20.
  const r = await main.post('/api/disclosure/requests', disclosureBody({ submitted_on: '2026-10-20' }),
    { session: await main.login('scj.clerk') })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case_id
  assert.equal(clock(await main.detail(id), 'reply').due_date, '2026-11-17')
  assert.ok(!(await offered(id, 'scj.head')).includes('extend'), 'a late extension is not offered')
  const before = stored(main.db, id)
  const e = assertError(await main.act(id, 'extend', 'scj.head', { days: 10, reason: '需要调取档案。' }), 409, 'STATE')
  assert.match(e.message, /答复期限/)
  assert.match(e.message, /2026-11-17/)
  assert.match(e.message, /第三十三条/)
  assert.equal(stored(main.db, id), before, 'nothing stored on refusal')
})

test('disclosure: on the due day itself the extension is still in time', async () => {
  // Received 10-26 (Mon): 27-30 WD1-4; 11-02..06 WD5-9; 09..13 WD10-14; 16..20 WD15-19; 23 WD20.
  const r = await main.post('/api/disclosure/requests', disclosureBody({ submitted_on: '2026-10-26', applicant_name: '林小雨' }),
    { session: await main.login('scj.clerk') })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case_id
  assert.equal(clock(await main.detail(id), 'reply').due_date, MAIN_TODAY)
  assert.ok((await offered(id, 'scj.head')).includes('extend'))
  const d = await main.actOk(id, 'extend', 'scj.head', { days: 5, reason: '需要调取档案。' })
  // 11-23 + 5 WD: 24, 25, 26, 27, 30.
  assert.equal(clock(d, 'reply').due_date, '2026-11-30')
})

test('reconsideration: a decision extension after the 60 days ran out is refused (409, 第六十二条)', async () => {
  const id = ids['2026-09-10']
  const d = await main.detail(id)
  // 09-10 + 60 days: Sep 20 days to 09-30, Oct 31 to 10-31, 9 more: 11-09 (Mon).
  assert.equal(clock(d, 'decision').due_date, '2026-11-09')
  assert.ok(!(await offered(id, 'legalhead')).includes('extend'))
  const before = stored(main.db, id)
  const e = assertError(await main.act(id, 'extend', 'legalhead', { days: 30, reason: '案情复杂，经批准延长。' }), 409, 'STATE')
  assert.match(e.message, /复议决定期限/)
  assert.match(e.message, /2026-11-09/)
  assert.match(e.message, /第六十二条/)
  assert.equal(stored(main.db, id), before, 'nothing stored on refusal')
})

test('reconsideration: extended on the due day itself: 60 + 30 days from acceptance', async () => {
  const id = ids['2026-09-24']
  // 09-24 + 60 days: 6 to 09-30, 31 to 10-31, 23 more: 11-23 (Mon), today.
  assert.equal(clock(await main.detail(id), 'decision').due_date, MAIN_TODAY)
  const d = await main.actOk(id, 'extend', 'legalhead', { days: 30, reason: '案情复杂，经批准延长。' })
  // 11-23 + 30 days: 12-23 (Wed).
  assert.equal(clock(d, 'decision').due_date, '2026-12-23')
})

test('the clock tally the supervision counts read follows every extension (period and due day)', async () => {
  // core-008: the tally keeps half of each clock's period (its widest warning window), so an
  // extension that lengthens the period must move the clock to its new tally row.
  const fresh = sql(main.db, `SELECT agency_id, state, COALESCE(due_date, ''), (days + extended_days) / 2, COUNT(*)
    FROM case_clock WHERE state <> 'stopped' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`)
  const tally = sql(main.db, `SELECT agency_id, state, due_date, half, n FROM clock_tally WHERE n > 0
    ORDER BY 1, 2, 3, 4`)
  assert.ok(fresh.length > 10, 'the demo county has open clocks')
  assert.deepEqual(tally, fresh)
  const extended = sql(main.db, `SELECT k.due_date, (k.days + k.extended_days) / 2 FROM case_clock k
    WHERE k.case_id = ${ids['2026-09-24']} AND k.name = 'decision'`)[0]
  assert.deepEqual(extended, ['2026-12-23', '45'], '60 + 30 days: half 45')
})
