// The reference lists of reconsideration and litigation (GET /api/public/reconsideration/meta)
// and the module lists the back office pages use (GET /api/reconsideration/cases,
// GET /api/litigation/cases): rows carrying the respondent or defendant, the procedure, the act,
// the decision or outcome and the clock, filtered by year, respondent, state, procedure, act,
// instance, outcome and keyword; the generic scope rule (a department sees no reconsideration
// case, even one against it; its own lawsuits only); every bad parameter a 422 naming it.
//
// One server, FAZHI_TODAY 2026-11-23, on the demo county (src/modules/reconsideration/recon_demo.c:
// nine applications #0..#8 and four lawsuits L0..L3, all received in 2026; the table is in
// reconsideration_stats.test.mjs). Only the last describe writes, and counts its own case.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, fazhiOk, sql, HAN } from './lib.mjs'

const c = useServer()

async function list (path, username = 'legal') {
  const r = await c.get(path, { session: await c.login(username) })
  assert.equal(r.status, 200, `${path} as ${username}: ${r.text}`)
  return r.json
}

/** The stored tables a list request might touch, to show it touched none. */
function tables () {
  return JSON.stringify(sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM recon_case), (SELECT COUNT(*) FROM lit_case), (SELECT MAX(version) FROM case_record)'))
}

describe('GET /api/public/reconsideration/meta', () => {
  test('public, no session: every list the forms need, value + label, as the server validates', async () => {
    const r = await c.get('/api/public/reconsideration/meta')
    assert.equal(r.status, 200, r.text)
    const m = r.json
    for (const key of ['applicant_types', 'act_types', 'channels', 'procedures', 'simplified_grounds', 'decisions',
      'endings', 'opinion_kinds', 'instances', 'litigation_outcomes', 'appearance_posts']) {
      assert.ok(Array.isArray(m[key]) && m[key].length, `${key} is a non-empty list`)
      for (const o of m[key]) {
        assert.equal(typeof o.value, 'string', key)
        assert.match(o.label, HAN, `${key} ${o.value} has a Chinese label`)
      }
    }
    const values = (k) => m[k].map((o) => o.value)
    assert.deepEqual(values('applicant_types'), ['natural', 'legal_person', 'other_org'])
    assert.deepEqual(values('act_types'), ['penalty', 'licensing', 'coercion', 'levy', 'confirmation', 'ownership', 'disclosure', 'inaction', 'other'])
    assert.equal(m.act_types.find((o) => o.value === 'inaction').label, '不履行法定职责')
    assert.deepEqual(values('channels'), ['online', 'written', 'oral'])
    assert.deepEqual(values('procedures'), ['normal', 'simplified'])
    assert.deepEqual(values('simplified_grounds'), ['on_spot', 'warning', 'amount_3000', 'disclosure', 'consent'])
    assert.deepEqual(values('instances'), ['first', 'second', 'retrial'])
    assert.deepEqual(m.appearance_posts, [{ value: 'head', label: '正职负责人' }, { value: 'deputy', label: '副职负责人' }, { value: 'staff', label: '其他工作人员' }])
    assert.deepEqual(values('opinion_kinds'), ['opinion', 'suggestion'])
    // Decisions with their articles (第63-69条, 第33条) and whether the correction rate counts them.
    assert.deepEqual(m.decisions.find((o) => o.value === 'revoke'),
      { value: 'revoke', label: '撤销（第64条）', name: '撤销', article: '《行政复议法》第64条', class: 'corrected' })
    assert.deepEqual(m.decisions.find((o) => o.value === 'uphold'),
      { value: 'uphold', label: '维持（第68条）', name: '维持', article: '《行政复议法》第68条', class: 'upheld' })
    assert.equal(m.decisions.find((o) => o.value === 'dismiss').article, '《行政复议法》第33条')
    assert.equal(m.decisions.length, 10)
    assert.deepEqual(m.endings.map((o) => [o.value, o.name, o.article, o.class]), [
      ['mediation', '调解结案', '《行政复议法》第73条', 'other'],
      ['settle_withdraw', '和解后撤回申请，终止', '《行政复议法》第74条', 'other'],
      ['withdraw', '申请人撤回申请，终止', '《行政复议法》第41条', 'other'],
      ['terminate', '其他情形终止', '《行政复议法》第41条', 'other'],
    ])
    assert.deepEqual(m.litigation_outcomes.filter((o) => o.class === 'corrected').map((o) => o.value), ['revoke', 'confirm_illegal', 'order_perform', 'change'])
    assert.equal(m.litigation_outcomes.find((o) => o.value === 'uphold').label, '驳回诉讼请求（维持）')
    assert.deepEqual(m.states.reconsideration.map((s) => s.value), ['received', 'correcting', 'accepted', 'suspended', 'decided', 'refused', 'forwarded', 'withdrawn'])
    assert.deepEqual(m.states.litigation.map((s) => [s.value, s.label, s.final]), [['pending', '审理中', false], ['judged', '已判决（裁定）', true]])
  })

  test('the lists are the ones the server validates: each value is accepted, an unlisted one refused', async () => {
    const m = (await c.get('/api/public/reconsideration/meta')).json
    const s = await c.login('legal')
    for (const { value } of m.act_types) {
      const r = await c.get(`/api/reconsideration/cases?act_type=${value}`, { session: s })
      assert.equal(r.status, 200, `${value}: ${r.text}`)
    }
    assertError(await c.get('/api/reconsideration/cases?act_type=tax', { session: s }), 422, 'BAD_VALUE', 'act_type')
    // The registration refuses an act type and an applicant type that are not in the lists.
    const before = tables()
    const body = {
      applicant_name: '测试', applicant_type: m.applicant_types[0].value, phone: '13800138000',
      respondent_agency_id: await c.agencyOf('scj.clerk'), act_type: 'tax', learned_on: '2026-11-20', requests: '请求撤销',
    }
    assertError(await c.post('/api/public/reconsideration', body), 422, undefined, 'act_type')
    assertError(await c.post('/api/public/reconsideration', { ...body, act_type: 'penalty', applicant_type: 'government' }), 422, undefined, 'applicant_type')
    assert.equal(tables(), before, 'nothing stored')
  })
})

describe('GET /api/reconsideration/cases', () => {
  test('rows carry the respondent, procedure, act, decision and clock; total counts all', async () => {
    const r = await list('/api/reconsideration/cases?per_page=100&sort=received_on')
    assert.equal(r.total, 9) //  #0..#8
    assert.equal(r.page, 1)
    assert.equal(r.per_page, 100)
    assert.deepEqual(r.items.map((x) => x.applicant_name), ['张建民', '李桂芳', '青山县鑫源矿业有限公司', '王海', '刘志强', '陈国华', '赵明', '孙立', '青山县恒通物流有限公司'])
    const first = r.items[0]
    assert.equal(first.number, '青司复〔2026〕1号')
    assert.equal(first.case_type, 'reconsideration')
    assert.equal(first.agency_name, '青山县司法局', 'the legal office owns it')
    assert.equal(first.respondent_name, '青山县市场监督管理局')
    assert.equal(first.respondent_agency_id, await c.agencyOf('scj.clerk'))
    assert.equal(first.procedure, 'normal')
    assert.equal(first.procedure_label, '普通程序')
    assert.equal(first.act_type_label, '行政处罚')
    assert.equal(first.decision, 'uphold')
    assert.equal(first.decision_label, '维持（第68条）')
    assert.equal(first.accepted_on, '2026-02-12')
    assert.equal(first.decided_on, '2026-03-30')
    assert.equal(first.state_label, '已审结')
    assert.equal(first.due_date, null)
    assert.equal(first.clock_status, null)
    // #3 simplified; #4 ended by mediation; #5 refused (no decision label: the state says it).
    assert.equal(r.items[3].procedure_label, '简易程序')
    assert.equal(r.items[4].decision_label, '调解结案（第73条）')
    assert.equal(r.items[5].state_label, '不予受理')
    assert.equal(r.items[5].decision, null)
    assert.equal(r.items[5].decision_label, null)
    assert.equal(r.items[5].late, true, '#5 learned 04-01, applied 07-15 (第二十条)')
    // #8 awaits the acceptance review: received 11-18, 5 WD -> 11-25, yellow on 11-23.
    const open = r.items[8]
    assert.equal(open.state, 'received')
    assert.equal(open.procedure, null)
    assert.equal(open.due_date, '2026-11-25')
    assert.equal(open.days_left, 2)
    assert.equal(open.clock_status, 'yellow')
    // The same rows as the generic list gives, field for field where both have them.
    const generic = (await list('/api/cases?type=reconsideration&per_page=100&sort=number')).items
    for (const g of generic) {
      const m = r.items.find((x) => x.case_id === g.case_id)
      for (const k of Object.keys(g)) assert.deepEqual(m[k], g[k], `${g.number} ${k}`)
    }
  })

  test('filters: respondent, year, state, procedure, act type, keyword, clock status; paging and sorting', async () => {
    const scj = await c.agencyOf('scj.clerk')
    const numbers = async (q) => (await list(`/api/reconsideration/cases?per_page=100&sort=number&${q}`)).items.map((x) => x.applicant_name)
    assert.deepEqual(await numbers(`respondent_agency_id=${scj}`), ['张建民', '青山县恒通物流有限公司']) //  #0, #8
    assert.deepEqual(await numbers('year=2026&state=decided'), ['张建民', '李桂芳', '青山县鑫源矿业有限公司', '王海', '刘志强', '赵明'])
    assert.deepEqual(await numbers('year=2025'), [])
    assert.deepEqual(await numbers('procedure=simplified'), ['王海', '刘志强'])
    assert.deepEqual(await numbers('act_type=disclosure'), ['王海', '青山县恒通物流有限公司'])
    assert.deepEqual(await numbers(`act_type=penalty&respondent_agency_id=${scj}&year=2026`), ['张建民'])
    // A keyword matches number, applicant, requests, act number and respondent; one character too.
    assert.deepEqual(await numbers('q=王'), ['王海'])
    assert.deepEqual(await numbers('q=采矿许可'), ['青山县鑫源矿业有限公司'])
    assert.deepEqual(await numbers('q=市场监督'), ['张建民', '青山县恒通物流有限公司'])
    assert.deepEqual(await numbers(`q=${encodeURIComponent('青司复〔2026〕2号')}`), ['李桂芳'])
    assert.deepEqual(await numbers(`q=${encodeURIComponent('100%_')}`), [], 'LIKE wildcards are literal')
    assert.deepEqual(await numbers('clock_status=yellow'), ['青山县恒通物流有限公司'])
    // Paging: 9 rows, 4 a page; the last page has one; newest first by default.
    const p3 = await list('/api/reconsideration/cases?per_page=4&page=3')
    assert.equal(p3.total, 9)
    assert.deepEqual(p3.items.map((x) => x.applicant_name), ['张建民'])
    const desc = await list('/api/reconsideration/cases?per_page=2&sort=-received_on')
    assert.deepEqual(desc.items.map((x) => x.applicant_name), ['青山县恒通物流有限公司', '孙立'])
    const due = await list('/api/reconsideration/cases?per_page=1&sort=due_date')
    // #7: copy sent 10-23, the answer was due 10 WD later (10-26..30, 11-02..06) = 11-06, overdue.
    assert.equal(due.items[0].due_date, '2026-11-06', 'the earliest due date first, cases without one last')
    assert.deepEqual(await numbers('clock_status=red'), ['孙立'])
  })

  test('scope: a department sees the cases it is the respondent in (第48条) and no others; the leader sees all', async () => {
    const scj = await c.agencyOf('scj.clerk')
    const against = (await list(`/api/reconsideration/cases?respondent_agency_id=${scj}&per_page=100`, 'legal')).items.map((x) => x.case_id)
    assert.ok(against.length > 0)
    for (const u of ['scj.clerk', 'scj.head', 'scj.officer']) {
      const r = await list(`/api/reconsideration/cases?respondent_agency_id=${scj}&per_page=100`, u)
      assert.deepEqual(r.items.map((x) => x.case_id), against, u)
      assert.equal((await list('/api/reconsideration/cases?per_page=100', u)).total, against.length, u)
    }
    const r = await list(`/api/reconsideration/cases?respondent_agency_id=${scj}`, 'zjj.clerk')
    assert.equal(r.total, 0, 'zjj.clerk')
    assert.deepEqual(r.items, [])
    assert.equal((await list('/api/reconsideration/cases', 'leader')).total, 9)
    assert.equal((await list('/api/reconsideration/cases', 'legalhead')).total, 9)
    assertError(await c.get('/api/reconsideration/cases'), 401)
  })

  test('each bad parameter is 422 naming it, in Chinese; nothing written', async () => {
    const s = await c.login('legal')
    const before = tables()
    for (const [q, field, words] of [
      ['year=abc', 'year', /年度/], ['year=1999', 'year', /2000/], ['year=2026x', 'year', /年度/],
      ['respondent_agency_id=x', 'respondent_agency_id', /被申请人/], ['respondent_agency_id=0', 'respondent_agency_id', /被申请人/],
      ['respondent_agency_id=99999', 'respondent_agency_id', /不存在/],
      ['state=open', 'state', /received（待审查）/], ['state=pending', 'state', /状态/],
      ['procedure=fast', 'procedure', /simplified（简易程序）/],
      ['act_type=tax', 'act_type', /penalty（行政处罚）/],
      ['clock_status=blue', 'clock_status', /时限状态/],
      [`q=${'字'.repeat(101)}`, 'q', /100/],
      ['sort=applicant', 'sort', /received_on/], ['sort=--number', 'sort', /排序/],
      ['page=0', 'page', /页码/], ['page=x', 'page', /页码/], ['per_page=101', 'per_page', /每页/], ['per_page=0', 'per_page', /每页/],
    ]) {
      const e = assertError(await c.get(`/api/reconsideration/cases?${q}`, { session: s }), 422, 'BAD_VALUE', field)
      assert.match(e.message, words, `${q}: ${e.message}`)
    }
    assert.equal(tables(), before)
  })
})

describe('GET /api/litigation/cases', () => {
  test('rows carry the defendant, plaintiff, instance, act, outcome, hearings', async () => {
    const r = await list('/api/litigation/cases?per_page=100&sort=received_on')
    assert.equal(r.total, 4) //  L0..L3
    assert.deepEqual(r.items.map((x) => x.plaintiff), ['张建民', '青山县宏达建材有限公司', '王海', '周卫国'])
    const [l0, , l2, l3] = r.items
    assert.equal(l0.agency_name, '青山县市场监督管理局', 'the defendant')
    assert.equal(l0.instance_label, '一审')
    assert.equal(l0.act_type_label, '行政处罚')
    assert.equal(l0.outcome_label, '驳回诉讼请求（维持）')
    assert.equal(l0.judged_on, '2026-06-15')
    assert.equal(l0.recon_number, '青司复〔2026〕1号')
    assert.equal(l0.hearings, 1)
    assert.equal(l0.head_appeared, 1)
    assert.equal(l2.outcome, 'confirm_illegal')
    assert.equal(l2.head_appeared, 0, 'L2 sent staff')
    assert.equal(l2.recon_case_id, null)
    assert.equal(l3.state, 'pending')
    assert.equal(l3.outcome, null)
    assert.equal(l3.outcome_label, null)
  })

  test('filters and scope: the defendant’s own users see theirs only', async () => {
    const zjj = await c.agencyOf('zjj.clerk')
    const scj = await c.agencyOf('scj.clerk')
    const plaintiffs = async (q, u) => (await list(`/api/litigation/cases?per_page=100&sort=number&${q}`, u)).items.map((x) => x.plaintiff)
    assert.deepEqual(await plaintiffs(`agency_id=${zjj}`), ['王海'])
    assert.deepEqual(await plaintiffs('state=pending&year=2026'), ['周卫国'])
    assert.deepEqual(await plaintiffs('outcome=withdrawn'), ['青山县宏达建材有限公司'])
    assert.deepEqual(await plaintiffs('instance=second'), [])
    assert.deepEqual(await plaintiffs('act_type=disclosure'), ['王海'])
    assert.deepEqual(await plaintiffs('q=法院&outcome=uphold'), ['张建民'])
    assert.deepEqual(await plaintiffs('', 'scj.clerk'), ['张建民'])
    assert.deepEqual(await plaintiffs('', 'zjj.head'), ['王海'])
    assert.deepEqual(await plaintiffs(`agency_id=${zjj}`, 'scj.clerk'), [], 'another agency’s lawsuits stay hidden')
    assert.deepEqual(await plaintiffs(`agency_id=${scj}`, 'leader'), ['张建民'])
  })

  test('bad parameters are 422 naming them; nothing written', async () => {
    const s = await c.login('legal')
    const before = tables()
    for (const [q, field] of [['agency_id=abc', 'agency_id'], ['agency_id=99999', 'agency_id'], ['state=decided', 'state'],
      ['instance=third', 'instance'], ['outcome=win', 'outcome'], ['year=20', 'year'], ['sort=plaintiff', 'sort'], ['per_page=500', 'per_page']]) {
      const e = assertError(await c.get(`/api/litigation/cases?${q}`, { session: s }), 422, 'BAD_VALUE', field)
      assert.match(e.message, HAN)
    }
    assert.equal(tables(), before)
  })
})

describe('a decision on the day of acceptance counts as on time, though its due date is pending (第62条)', () => {
  test('accepted and decided 2026-11-23: the 60 days run into 2027 (no calendar), decided on day 0', async () => {
    const before = (await c.get('/api/reconsideration/stats?year=2026', { session: await c.login('legal') })).json.reconsideration
    const body = {
      applicant_name: '测试按期', applicant_type: 'natural', phone: '13800138000', respondent_agency_id: await c.agencyOf('zjj.clerk'),
      act_type: 'penalty', learned_on: '2026-11-20', requests: '请求撤销', channel: 'written', received_on: '2026-11-23',
    }
    const reg = await c.post('/api/reconsideration/cases', body, { session: await c.login('legal') })
    assert.equal(reg.status, 201, reg.text)
    const a = await c.actOk(reg.json.case_id, 'accept', 'legal', { procedure: 'normal' })
    const dec = a.clocks.find((k) => k.name === 'decision')
    // 11-23 + 60 CD = 2027-01-22: the 2027 calendar is not loaded, so the due date is pending.
    assert.equal(dec.due_date, null)
    assert.equal(dec.status, 'unknown')
    const d = await c.actOk(reg.json.case_id, 'decide', 'legal', { decision: 'uphold', decision_text: '维持。' })
    assert.equal(d.clocks.find((k) => k.name === 'decision').state, 'stopped')
    const s = (await c.get('/api/reconsideration/stats?year=2026', { session: await c.login('legal') })).json
    const r = s.reconsideration
    assert.equal(r.received, before.received + 1)
    assert.equal(r.decided, before.decided + 1)
    assert.equal(r.on_time, before.on_time + 1, 'decided on the trigger day: on or before trigger + 60 calendar days for certain')
    // 7 of 7 decided on time.
    assert.equal(r.on_time_rate, 100)
    assert.match(s.paragraph, /按期审结7件/)
    const cli = JSON.parse(fazhiOk(['report', 'reconsideration', '--db', c.db, '--year', '2026', '--format', 'json']).stdout)
    assert.deepEqual(cli, s)
  })
})
