// Litigation against the county's agencies (行政应诉, 行政诉讼法): registering a lawsuit, the
// defence period (第67条: 15 days), the head of the agency in court (第3条) and the appearance
// record, judgments, appeals and judicial suggestions; and who sees what: a lawsuit belongs to the
// defendant agency, a reconsideration case to the legal office.
//
// Expected dates are counted by hand from data/cn-calendar.csv ("H" an official holiday).
// A calendar-day (CD) period ending on a rest day moves to the next working day (民事诉讼法
// 第85条, applied by 行政诉讼法 第101条). The months used, 2026:
//
//   Sep  22 Tue .. 24 Thu | 25H 26H 27H (中秋节) | 28 29 30 Mon-Wed (30 days)
//   Oct  1H-7H (国庆节, Thu-Wed) | 8 Thu 9 Fri | 10 Sat (a make-up working day) | 15 Thu (31 days)
//   Nov  29 Sun, 30 Mon
//
// One server, FAZHI_TODAY 2026-09-30 (Wed), on a demo database. The demo county's lawsuits
// (made with the demo on 2026-11-23) are only read: 张建民诉行政处罚 against 市场监管局 (scj),
// 王海诉政府信息公开 against 住建局 (zjj). Every lawsuit changed here is registered here.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, sql } from './lib.mjs'

const TODAY = '2026-09-30'
const c = useServer({ env: { FAZHI_TODAY: TODAY } })

function lawsuit (over = {}) {
  return {
    plaintiff: '青山县宏远运输有限公司',
    court: '青山县人民法院',
    instance: 'first',
    act_type: 'penalty',
    act_number: '青市监罚〔2026〕120号',
    received_on: '2026-09-22',
    ...over,
  }
}

async function registerLawsuit (username, over = {}) {
  const body = lawsuit({ agency_id: await c.agencyOf('scj.clerk'), ...over })
  const r = await c.post('/api/litigation/cases', body, { session: await c.login(username) })
  assert.equal(r.status, 201, `lawsuit by ${username}: ${r.text}`)
  return r.json
}

function clock (detail, name) {
  const k = detail.clocks.find((x) => x.name === name)
  assert.ok(k, `no clock ${name} in ${JSON.stringify(detail.clocks.map((x) => x.name))}`)
  return k
}

/** Stored rows a litigation write touches, plus the case's version and number of events. */
async function snap (caseId) {
  const one = (q) => JSON.stringify(sql(c.db, q))
  const s = {
    counts: one('SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
      ' (SELECT COUNT(*) FROM lit_case), (SELECT COUNT(*) FROM lit_hearing), (SELECT COUNT(*) FROM case_clock),' +
      ' (SELECT COALESCE(SUM(last_no), 0) FROM number_seq)'),
  }
  if (caseId) {
    const id = Number(caseId)
    s.record = one(`SELECT state, version, agency_id, closed_on, due_date FROM case_record WHERE case_id = ${id}`)
    s.lit = one(`SELECT * FROM lit_case WHERE case_id = ${id}`)
    s.clocks = one(`SELECT name, state, trigger_date, due_date, stopped_on FROM case_clock WHERE case_id = ${id} ORDER BY name`)
    const d = await c.detail(caseId)
    s.version = d.case.version
    s.events = d.events.length
  }
  return s
}

async function assertNothingWritten (caseId, before) {
  assert.deepEqual(await snap(caseId), before, 'a refused request changed what is stored')
}

/** case_id of a demo case of the given type by its title, as the legal office lists it. */
async function demoCase (type, title) {
  const r = await c.get(`/api/cases?type=${type}&per_page=100`, { session: await c.login('legal') })
  assert.equal(r.status, 200, r.text)
  const hit = r.json.items.find((x) => x.title === title)
  assert.ok(hit, `demo ${type} “${title}” not found`)
  return hit
}

// ---- registration and the defence period ---------------------------------------------------

describe('registering a lawsuit (行政诉讼法 第67条: defence within 15 days)', () => {
  test('complaint received 09-22: the defence is due 10-08, moved out of 国庆节', async () => {
    const scj = await c.agencyOf('scj.clerk')
    const r = await registerLawsuit('legal')
    assert.equal(r.received_on, '2026-09-22')
    assert.equal(r.tracking_code, null, 'a lawsuit has no public tracking code')
    assert.match(r.number, /^青市监诉〔2026〕\d+号$/, 'numbered by the defendant agency')
    // Trigger 09-22 (Tue). Sep 30 is day 8, Oct 7 day 15 = 国庆节 H; the period ends on the
    // next working day, Thursday 2026-10-08.
    assert.equal(r.due_date, '2026-10-08')
    const d = await c.detail(r.case_id)
    assert.equal(d.case.case_type, 'litigation')
    assert.equal(d.case.state, 'pending')
    assert.equal(d.case.state_label, '审理中')
    assert.equal(d.case.agency_id, scj, 'the case belongs to the defendant')
    assert.equal(d.case.agency_name, '青山县市场监督管理局')
    const k = clock(d, 'defense')
    assert.equal(k.unit, 'CD')
    assert.equal(k.days, 15)
    assert.equal(k.trigger_date, '2026-09-22')
    assert.equal(k.due_date, '2026-10-08')
    assert.match(k.article, /第六十七条/)
    assert.match(k.explain.join('\n'), /2026-10-07/, 'the explanation shows the day moved from')
    assert.equal(d.case.fields.plaintiff, '青山县宏远运输有限公司')
    assert.equal(d.case.fields.court, '青山县人民法院')
    assert.equal(d.case.fields.instance, 'first')
    assert.deepEqual(d.case.fields.hearings, [])
  })

  test('the defendant’s own clerk registers one received today: due 10-15', async () => {
    const r = await registerLawsuit('scj.clerk', { received_on: TODAY, plaintiff: '李春来' })
    // Trigger 09-30. Oct 15 is day 15 (Thu, a working day) -> 2026-10-15.
    assert.equal(r.due_date, '2026-10-15')
    const d = await c.detail(r.case_id, 'scj.clerk')
    assert.equal(d.case.fields.plaintiff, '李春来')
  })

  test('a lawsuit after reconsideration links the reconsideration case', async () => {
    const recon = await demoCase('reconsideration', '张建民不服行政处罚')
    const r = await registerLawsuit('legal', { plaintiff: '张建民', recon_case_id: recon.case_id })
    const d = await c.detail(r.case_id)
    assert.equal(String(d.case.fields.recon_case_id), String(recon.case_id))
    assert.equal(d.case.fields.recon_number, recon.number)
  })

  test('bad registrations are refused naming the field; nothing stored', async () => {
    const s = await c.login('legal')
    const scj = await c.agencyOf('scj.clerk')
    const letter = await c.submitLetter() // a case that is not a reconsideration case
    const before = await snap()
    for (const [over, field] of [
      [{ received_on: '2026-10-01' }, 'received_on'], // received tomorrow
      [{ received_on: undefined }, 'received_on'],
      [{ plaintiff: ' ' }, 'plaintiff'],
      [{ instance: 'supreme' }, 'instance'],
      [{ agency_id: 99999 }, 'agency_id'],
      [{ recon_case_id: letter.case_id }, 'recon_case_id'], // not a reconsideration case
    ]) {
      const r = await c.post('/api/litigation/cases', lawsuit({ agency_id: scj, ...over }), { session: s })
      assertError(r, 422, undefined, field)
    }
    assert.deepEqual(await snap(), before)
  })
})

// ---- scope ---------------------------------------------------------------------------------

describe('who sees what', () => {
  test('an agency user sees a reconsideration case only when it is the respondent (第48条), and never the draft decision', async () => {
    const recon = await demoCase('reconsideration', '张建民不服行政处罚')
    const legal = await c.detail(recon.case_id)
    assert.equal(legal.case.fields.respondent_name, '青山县市场监督管理局')
    for (const u of ['scj.clerk', 'scj.head']) {
      const s = await c.login(u)
      assert.equal((await c.get(`/api/cases/${recon.case_id}`, { session: s })).status, 200, u)
      assertError(await c.get(`/api/cases/${recon.case_id}/documents/decision.docx`, { session: s }), 403)
      const list = await c.get('/api/cases?type=reconsideration&per_page=100', { session: s })
      for (const x of list.json.items) {
        assert.equal((await c.detail(x.case_id)).case.fields.respondent_name, '青山县市场监督管理局', `${u}: case ${x.case_id}`)
      }
    }
    for (const u of ['zjj.clerk', 'hbj.head']) {
      assertError(await c.get(`/api/cases/${recon.case_id}`, { session: await c.login(u) }), 404, 'NOT_FOUND')
    }
  })

  test('scj.clerk sees scj’s lawsuit but gets 404 for zjj’s; zjj.clerk sees zjj’s', async () => {
    const mine = await demoCase('litigation', '张建民诉行政处罚')
    const theirs = await demoCase('litigation', '王海诉政府信息公开')
    const s = await c.login('scj.clerk')
    const r = await c.get(`/api/cases/${mine.case_id}`, { session: s })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.case.agency_name, '青山县市场监督管理局')
    assert.equal(r.json.case.fields.recon_number, '青司复〔2026〕1号', 'after reconsideration 青司复〔2026〕1号')
    assertError(await c.get(`/api/cases/${theirs.case_id}`, { session: s }), 404, 'NOT_FOUND')
    const list = await c.get('/api/cases?type=litigation&per_page=100', { session: s })
    assert.ok(list.json.items.every((x) => x.agency_id === r.json.case.agency_id), 'only scj’s lawsuits are listed')
    assert.ok(list.json.items.some((x) => x.case_id === mine.case_id))
    const z = await c.get(`/api/cases/${theirs.case_id}`, { session: await c.login('zjj.clerk') })
    assert.equal(z.status, 200, z.text)
  })

  test('scj.clerk acting on zjj’s lawsuit gets 404; registering a lawsuit against zjj gets 403; nothing stored', async () => {
    const theirs = await demoCase('litigation', '王海诉政府信息公开')
    const before = await snap(theirs.case_id)
    assertError(await c.act(theirs.case_id, 'suggestion', 'scj.clerk', { content: '建议' }), 404, 'NOT_FOUND')
    const zjj = await c.agencyOf('zjj.clerk')
    for (const u of ['scj.clerk', 'scj.head']) {
      const r = await c.post('/api/litigation/cases', lawsuit({ agency_id: zjj }), { session: await c.login(u) })
      assertError(r, 403, 'FORBIDDEN')
    }
    // An officer or the county leader registers none at all.
    for (const u of ['scj.officer', 'leader']) {
      const r = await c.post('/api/litigation/cases', lawsuit({ agency_id: await c.agencyOf('scj.clerk') }), { session: await c.login(u) })
      assertError(r, 403, 'FORBIDDEN')
    }
    await assertNothingWritten(theirs.case_id, before)
  })
})

// ---- the course of a lawsuit ---------------------------------------------------------------

describe('hearings, judgment, appeal, judicial suggestion', () => {
  let id

  test('defence filed 09-29: the defence clock stops on time', async () => {
    id = (await registerLawsuit('scj.clerk', { plaintiff: '吴海波' })).case_id
    const d = await c.actOk(id, 'defense_filed', 'scj.clerk', { filed_on: '2026-09-29' })
    const k = clock(d, 'defense')
    assert.equal(k.state, 'stopped')
    assert.equal(k.on_time, true)
    assert.equal(sql(c.db, `SELECT stopped_on FROM case_clock WHERE case_id = ${id} AND name = 'defense'`)[0][0], '2026-09-29')
  })

  test('staff in court without the head’s reason: 422 naming reason (第3条); nothing stored', async () => {
    const before = await snap(id)
    for (const reason of [undefined, '  ']) {
      const e = assertError(await c.act(id, 'record_hearing', 'scj.clerk',
        { hearing_on: '2026-09-29', appearer: '谢婷', post: 'staff', reason }), 422, 'MISSING_FIELD', 'reason')
      assert.match(e.message, /第三条/)
    }
    await assertNothingWritten(id, before)
  })

  test('a hearing in the future is refused naming hearing_on; an unknown post naming post', async () => {
    const before = await snap(id)
    assertError(await c.act(id, 'record_hearing', 'scj.clerk', { hearing_on: '2026-10-08', appearer: '戚振华', post: 'head' }),
      422, 'BAD_DATE', 'hearing_on')
    assertError(await c.act(id, 'record_hearing', 'scj.clerk', { hearing_on: '2026-09-29', appearer: '律师甲', post: 'lawyer' }),
      422, 'BAD_VALUE', 'post')
    await assertNothingWritten(id, before)
  })

  test('two hearings: staff with the reason, then the head; each recorded with head_appeared', async () => {
    await c.actOk(id, 'record_hearing', 'scj.clerk', { hearing_on: '2026-09-24', appearer: '谢婷', post: 'staff', reason: '局长参加省局会议，委托法规科工作人员出庭。' })
    const d = await c.actOk(id, 'record_hearing', 'scj.head', { hearing_on: '2026-09-29', appearer: '戚振华', post: 'head' })
    assert.deepEqual(d.case.fields.hearings.map((h) => [h.hearing_on, h.appearer, h.post, h.head_appeared]), [
      ['2026-09-24', '谢婷', 'staff', false],
      ['2026-09-29', '戚振华', 'head', true],
    ])
    assert.equal(d.case.fields.hearings[0].reason, '局长参加省局会议，委托法规科工作人员出庭。')
  })

  test('a judgment dated in the future is refused naming judged_on; nothing stored', async () => {
    const before = await snap(id)
    assertError(await c.act(id, 'judge', 'scj.clerk', { outcome: 'revoke', judged_on: '2026-10-09' }), 422, 'BAD_DATE', 'judged_on')
    assertError(await c.act(id, 'judge', 'scj.clerk', { outcome: 'win', judged_on: TODAY }), 422, 'BAD_VALUE', 'outcome')
    await assertNothingWritten(id, before)
  })

  test('judge: 已判决（裁定）with the outcome', async () => {
    const d = await c.actOk(id, 'judge', 'scj.clerk', { outcome: 'revoke', judged_on: TODAY, text: '撤销被诉行政处罚决定。' })
    assert.equal(d.case.state, 'judged')
    assert.equal(d.case.state_label, '已判决（裁定）')
    assert.equal(d.case.fields.outcome, 'revoke')
    assert.equal(d.case.fields.outcome_label, '撤销')
    assert.equal(d.case.fields.judged_on, TODAY)
    assert.equal(d.case.due_date, null)
    // Judged: no second judgment and no hearing until an appeal.
    const before = await snap(id)
    assertError(await c.act(id, 'judge', 'scj.clerk', { outcome: 'uphold', judged_on: TODAY }), 409, 'STATE')
    assertError(await c.act(id, 'record_hearing', 'scj.clerk', { hearing_on: TODAY, appearer: '戚振华', post: 'head' }), 409, 'STATE')
    await assertNothingWritten(id, before)
  })

  test('appeal: back to pending at the second instance, before the appeal court', async () => {
    const d = await c.actOk(id, 'appeal', 'scj.head', { instance: 'second', court: '某市中级人民法院' })
    assert.equal(d.case.state, 'pending')
    assert.equal(d.case.fields.instance, 'second')
    assert.equal(d.case.fields.court, '某市中级人民法院')
    assert.equal(d.case.fields.outcome, null)
    assert.equal(d.case.fields.hearings.length, 2, 'the first-instance hearings stay on record')
    assert.equal(d.events.at(-1).action, 'appeal')
  })

  test('a reply to a judicial suggestion before any suggestion is 409; nothing stored', async () => {
    const before = await snap(id)
    assertError(await c.act(id, 'suggestion_handled', 'scj.clerk', { reply: '已整改。' }), 409, 'STATE')
    await assertNothingWritten(id, before)
  })

  test('a judicial suggestion received 09-30 is to be answered by 11-30 (60 CD); the reply stops it', async () => {
    const d = await c.actOk(id, 'suggestion', 'scj.clerk', { content: '建议规范行政处罚案件的证据收集程序。' })
    const k = clock(d, 'suggestion')
    assert.equal(k.unit, 'CD')
    assert.equal(k.days, 60)
    assert.equal(k.trigger_date, TODAY)
    // Trigger 09-30. Oct 31 is day 31, Nov 29 day 60 = Sunday -> Monday 2026-11-30.
    assert.equal(k.due_date, '2026-11-30')
    assert.equal(d.case.fields.suggestion, '建议规范行政处罚案件的证据收集程序。')
    const h = await c.actOk(id, 'suggestion_handled', 'scj.head', { reply: '已修订证据收集工作指引并组织培训。' })
    assert.equal(clock(h, 'suggestion').state, 'stopped')
    assert.equal(clock(h, 'suggestion').on_time, true)
    assert.equal(h.events.at(-1).note, '已修订证据收集工作指引并组织培训。')
    const before = await snap(id)
    assertError(await c.act(id, 'suggestion_handled', 'scj.clerk', { reply: '再回复一次。' }), 409, 'STATE')
    await assertNothingWritten(id, before)
  })

  test('an officer may not act on the lawsuit (403)', async () => {
    const before = await snap(id)
    assertError(await c.act(id, 'judge', 'scj.officer', { outcome: 'uphold', judged_on: TODAY }), 403, 'FORBIDDEN')
    await assertNothingWritten(id, before)
  })
})

// ---- only the actions that can be taken; the course of a lawsuit as fields ------------------

describe('offered actions and history fields', () => {
  const names = (d) => d.actions.map((a) => a.name)

  test('回复司法建议 is offered only while a suggestion awaits its reply; a second suggestion waits for it', async () => {
    const { case_id: id } = await registerLawsuit('legal', { plaintiff: '青山县明达商贸有限公司' })
    let d = await c.detail(id, 'scj.clerk')
    assert.ok(!names(d).includes('suggestion_handled'), 'no suggestion received: no reply offered')
    assert.ok(names(d).includes('suggestion'))
    d = await c.actOk(id, 'suggestion', 'scj.clerk', { content: '建议规范送达程序。' })
    assert.ok(names(d).includes('suggestion_handled'))
    assert.ok(!names(d).includes('suggestion'), 'one suggestion at a time')
    assert.deepEqual(d.case.fields.suggestions, [{ content: '建议规范送达程序。', received_on: TODAY, replied: false, reply: null, replied_on: null }])
    const before = await snap(id)
    assertError(await c.act(id, 'suggestion', 'scj.clerk', { content: '第二份。' }), 409, 'STATE')
    await assertNothingWritten(id, before)
    d = await c.actOk(id, 'suggestion_handled', 'scj.head', { reply: '已规范送达程序。' })
    assert.ok(!names(d).includes('suggestion_handled'), 'replied: no second reply offered')
    assert.deepEqual(d.case.fields.suggestions, [{ content: '建议规范送达程序。', received_on: TODAY, replied: true, reply: '已规范送达程序。', replied_on: TODAY }])
    d = await c.actOk(id, 'suggestion', 'scj.clerk', { content: '第二份建议。' })
    assert.equal(d.case.fields.suggestions.length, 2)
    assert.equal(d.case.fields.suggestion, '第二份建议。')
  })

  test('defence filed once, not before the complaint; judgments kept per instance with their text', async () => {
    const { case_id: id } = await registerLawsuit('legal', { plaintiff: '青山县利民农资店' })
    let d = await c.detail(id)
    assert.equal(d.case.fields.instance_label, '一审')
    assert.equal(d.case.fields.act_type_label, '行政处罚')
    assert.ok(names(d).includes('defense_filed'))
    let before = await snap(id)
    assertError(await c.act(id, 'defense_filed', 'legal', { filed_on: '2026-09-21' }), 422, 'BAD_DATE', 'filed_on')
    await assertNothingWritten(id, before)
    d = await c.actOk(id, 'defense_filed', 'legal', { filed_on: '2026-09-25' })
    assert.equal(d.case.fields.defense_filed_on, '2026-09-25')
    assert.ok(!names(d).includes('defense_filed'))
    before = await snap(id)
    assertError(await c.act(id, 'defense_filed', 'legal', { filed_on: TODAY }), 409, 'STATE')
    await assertNothingWritten(id, before)
    d = await c.actOk(id, 'record_hearing', 'legal', { hearing_on: TODAY, appearer: '戚振华', post: 'deputy' })
    assert.equal(d.case.fields.hearings[0].post_label, '副职负责人')
    d = await c.actOk(id, 'judge', 'legal', { outcome: 'revoke', judged_on: TODAY, text: '撤销被诉处罚决定。' })
    assert.equal(d.case.fields.judgment_text, '撤销被诉处罚决定。')
    assert.equal(d.case.fields.outcome_label, '撤销')
    d = await c.actOk(id, 'appeal', 'legal', { instance: 'second', court: '某市中级人民法院' })
    assert.equal(d.case.fields.instance_label, '二审')
    assert.equal(d.case.fields.judgment_text, null)
    d = await c.actOk(id, 'judge', 'legal', { outcome: 'uphold', judged_on: TODAY })
    assert.deepEqual(d.case.fields.judgments.map((j) => [j.instance_label, j.court, j.outcome_label, j.text]), [
      ['一审', '青山县人民法院', '撤销', '撤销被诉处罚决定。'],
      ['二审', '某市中级人民法院', '驳回诉讼请求（维持）', null],
    ])
  })
})
