// Normative documents, around the drafting chain (issue 11): the yearly drafting plan (an agency's own
// items, the county's view for the legal office, edit and drop only while planned, the item's status as its
// draft moves), public comment on the portal (a comment only inside the period, a tracking code, the
// drafter's answer seen by the commenter, the account published after closing; no other draft's text),
// the pre-check's decisions (a dismissal needs a reason; the drafter while drafting, the legal office in
// review), the fair-competition check list that gates submission, and the filing's result.
//
// Days counted by hand from data/cn-calendar.csv: March 2026 has no holiday; 7 working days from Wed
// 03-04 are 03-05, 06, 09, 10, 11, 12, 13.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'

const servers = []
let dir, db

async function on (day) {
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  servers.push(s)
  return new Client(s)
}
async function done (c) {
  servers.splice(servers.indexOf(c.server), 1)
  await c.server.stop({ keep: true })
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM norm_plan_item),' +
    " (SELECT COUNT(*) FROM norm_comment), (SELECT group_concat(item_id || status) FROM norm_plan_item)," +
    " (SELECT group_concat(seq || status) FROM norm_precheck_hit), (SELECT COUNT(*) FROM norm_fair_check)," +
    ' (SELECT group_concat(COALESCE(result, \'-\')) FROM norm_filing), (SELECT group_concat(COALESCE(answer, \'-\')) FROM norm_comment)')
  return row.join('|')
}

function draftInput (over = {}) {
  return {
    title: '青山县集贸市场摊位管理办法', issuing_body: '青山县市场监督管理局', number_prefix: '青市监规',
    off_plan_reason: '测试用计划外理由', drafting_note: '起草说明。', basis: '《集贸市场管理规定》',
    body: '第一条 为规范摊位管理，制定本办法。\n第二条 摊位经营者应当亮照经营。\n',
    affects_public: true, affects_market: false, ...over,
  }
}

const plan = (over = {}) => ({ year: 2026, title: '青山县农村集体经济组织财务管理办法', reason: '规范农村集体“三资”管理。', issuing_body: '青山县人民政府', planned_quarter: 3, ...over })

before(() => {
  dir = mkTemp('fazhi-normpc-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

test('the drafting plan: an agency keeps its own items, the legal office sees the county; edit and drop only while planned; a draft from the plan marks it drafting, an abandoned one takes it off', async () => {
  const c = await on('2026-03-02')
  try {
    const s = await c.login('scj.clerk')
    const scj = await c.agencyOf('scj.clerk')
    const hbj = await c.agencyOf('hbj.clerk')
    let before = stored()
    assertError(await c.post('/api/normative/plans', plan({ title: '' }), { session: s }), 422, 'MISSING_FIELD', 'title')
    assertError(await c.post('/api/normative/plans', plan({ planned_quarter: 5 }), { session: s }), 422, undefined, 'planned_quarter')
    assertError(await c.post('/api/normative/plans', plan({ agency_id: hbj }), { session: s }), 403, 'FORBIDDEN', 'agency_id')
    assert.equal(stored(), before)
    const r = await c.post('/api/normative/plans', plan(), { session: s })
    assert.equal(r.status, 201, r.text)
    const item = r.json
    assert.equal(item.status, 'planned')
    assert.equal(item.status_label, '计划中')
    assert.equal(item.agency_id, scj)
    // Another agency neither lists nor touches it; the legal office sees every agency's plan.
    const h = await c.login('hbj.clerk')
    const theirs = await c.get(`/api/normative/plans?year=2026&agency_id=${scj}&per_page=500`, { session: h })
    assert.equal(theirs.status, 200)
    assert.ok(theirs.json.items.every((x) => x.agency_id === hbj), 'an agency lists only its own plan')
    assert.equal((await c.api('PATCH', `/api/normative/plans/${item.item_id}`, { session: h, body: { title: '改' } })).status, 404)
    const county = await c.get('/api/normative/plans?year=2026&per_page=500', { session: await c.login('legal') })
    assert.ok(county.json.items.some((x) => x.item_id === item.item_id))
    assert.ok(new Set(county.json.items.map((x) => x.agency_id)).size >= 3, 'the county view holds several agencies')
    // Edited while planned.
    const e = await c.api('PATCH', `/api/normative/plans/${item.item_id}`, { session: s, body: { title: '青山县集贸市场管理办法', planned_quarter: 2 } })
    assert.equal(e.status, 200, e.text)
    assert.equal(e.json.title, '青山县集贸市场管理办法')
    assert.equal(e.json.planned_quarter, 2)
    // A draft from the plan: the item is drafting and can no longer be edited or dropped.
    const { off_plan_reason: _, ...fromPlan } = draftInput({ title: '青山县集贸市场管理办法', plan_item_id: item.item_id })
    const d = await c.post('/api/normative/drafts', fromPlan, { session: s })
    assert.equal(d.status, 201, d.text)
    assert.equal(d.json.case.fields.plan_item_title, '青山县集贸市场管理办法')
    const now = (await c.get(`/api/normative/plans?year=2026&q=${encodeURIComponent('集贸市场管理办法')}`, { session: s })).json.items.find((x) => x.item_id === item.item_id)
    assert.equal(now.status, 'drafting')
    assert.equal(now.draft_case_id, d.json.case.case_id)
    before = stored()
    assertError(await c.api('PATCH', `/api/normative/plans/${item.item_id}`, { session: s, body: { title: '再改' } }), 409, 'STATE')
    assertError(await c.post(`/api/normative/plans/${item.item_id}/drop`, { reason: '不再需要' }, { session: s }), 409, 'STATE')
    assertError(await c.post('/api/normative/drafts', fromPlan, { session: s }), 422, 'BAD_VALUE', 'plan_item_id')
    assert.equal(stored(), before)
    // Abandoning the draft takes the item off the plan, with the reason.
    await c.actOk(d.json.case.case_id, 'abandon', 'scj.clerk', { reason: '上位法已作规定' })
    const gone = (await c.get('/api/normative/plans?year=2026&status=dropped&per_page=500', { session: s })).json.items.find((x) => x.item_id === item.item_id)
    assert.equal(gone.status_label, '已调出计划')
    assert.match(gone.drop_reason, /上位法已作规定/)
    // Another item dropped by hand: a reason is required.
    const other = (await c.post('/api/normative/plans', plan({ title: '青山县广告牌匾设置规定' }), { session: s })).json
    before = stored()
    assertError(await c.post(`/api/normative/plans/${other.item_id}/drop`, {}, { session: s }), 422, 'MISSING_FIELD', 'reason')
    assert.equal(stored(), before)
    const dropped = await c.post(`/api/normative/plans/${other.item_id}/drop`, { reason: '并入城市管理办法一并规定' }, { session: s })
    assert.equal(dropped.status, 200, dropped.text)
    assert.equal(dropped.json.status, 'dropped')
    assertError(await c.post('/api/normative/drafts', { ...fromPlan, plan_item_id: other.item_id }, { session: s }), 422, 'BAD_VALUE', 'plan_item_id')
    // The plan exports like every list.
    const x = await c.get('/api/normative/plans.xlsx?year=2026', { session: s })
    assert.equal(x.status, 200)
    assert.match(x.headers.get('content-type'), /spreadsheetml/)
  } finally { await done(c) }
})

let ID, CODE, COMMENT
test('public comment: before it opens the draft is not public (404); inside the period a comment gets a tracking code', async () => {
  const c = await on('2026-03-02')
  try {
    const s = await c.login('scj.clerk')
    ID = (await c.post('/api/normative/drafts', draftInput(), { session: s })).json.case.case_id
    // Being drafted: its text is not public and no comment is taken.
    const before = stored()
    assertError(await c.get(`/api/public/normative/consultations/${ID}`), 404, 'NOT_FOUND')
    assertError(await c.get('/api/public/normative/consultations/999999999'), 404, 'NOT_FOUND')
    assertError(await c.post(`/api/public/normative/consultations/${ID}/comments`, { contact: '13800000000', content: '建议明确摊位费标准。' }), 404)
    assert.ok(!(await c.get('/api/public/normative/consultations')).json.items.some((x) => x.case_id === ID))
    assert.equal(stored(), before)
  } finally { await done(c) }
  const c2 = await on('2026-03-04')
  try {
    const s = await c2.login('scj.clerk')
    const quiet = (await c2.post('/api/normative/drafts', draftInput({ title: '青山县内部草案（未征求意见）' }), { session: s })).json.case.case_id
    const d = await c2.actOk(ID, 'open_comment', 'scj.clerk', { comment_from: '2026-03-04', days: 7 })
    assert.equal(d.case.fields.comment_to, '2026-03-13')
    assertError(await c2.get(`/api/public/normative/consultations/${quiet}`), 404, 'NOT_FOUND')
    const list = await c2.get('/api/public/normative/consultations?status=open')
    const row = list.json.items.find((x) => x.case_id === ID)
    assert.ok(row, 'the consultation is listed while open')
    assert.equal(row.status, 'open')
    assert.equal(row.days_left, 8, 'working days 03-04 to 03-13 inclusive')
    const page = (await c2.get(`/api/public/normative/consultations/${ID}`)).json
    assert.match(page.body, /摊位经营者应当亮照经营/)
    assert.equal(page.drafting_note, '起草说明。')
    let before = stored()
    assertError(await c2.post(`/api/public/normative/consultations/${quiet}/comments`, { contact: '13800000000', content: '意见' }), 404)
    assertError(await c2.post(`/api/public/normative/consultations/${ID}/comments`, { content: '意见' }), 422, 'MISSING_FIELD', 'contact')
    assertError(await c2.post(`/api/public/normative/consultations/${ID}/comments`, { contact: '13800000000', content: '  ' }), 422, undefined, 'content')
    assert.equal(stored(), before)
    const r = await c2.post(`/api/public/normative/consultations/${ID}/comments`, { name: '王敏', contact: '13800000000', content: '建议明确摊位费的收费标准和依据。' })
    assert.equal(r.status, 201, r.text)
    CODE = r.json.tracking_code
    assert.match(CODE, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    const t = await c2.get(`/api/public/normative/comments/${CODE.toLowerCase()}`)
    assert.equal(t.status, 200, t.text)
    assert.equal(t.json.content, '建议明确摊位费的收费标准和依据。')
    assert.equal(t.json.answer, null)
    assert.equal(t.json.contact, undefined, 'the contact is not shown publicly')
    assertError(await c2.get('/api/public/normative/comments/ABCD-EFGH-JKLM'), 404, 'NOT_FOUND', 'code')
    // The drafter sees the comment with its contact; another agency does not.
    assert.equal((await c2.get(`/api/normative/drafts/${ID}/comments`, { session: await c2.login('hbj.clerk') })).status, 404)
    const staff = await c2.get(`/api/normative/drafts/${ID}/comments`, { session: await c2.login('scj.clerk') })
    assert.equal(staff.json.total, 1)
    assert.equal(staff.json.items[0].contact, '13800000000')
    assert.equal(staff.json.may_answer, true)
    COMMENT = staff.json.items[0].comment_id
  } finally { await done(c2) }
})

test('the drafter answers; the commenter sees the answer; the last day still takes comments, the day after does not; the account is published on closing', async () => {
  const c = await on('2026-03-13')
  try {
    const s = await c.login('scj.clerk')
    let before = stored()
    assert.equal((await c.post(`/api/normative/comments/${COMMENT}/answer`, { adopted: 'yes', answer: '采纳。' }, { session: await c.login('hbj.clerk') })).status, 404)
    assertError(await c.post(`/api/normative/comments/${COMMENT}/answer`, { adopted: 'yes' }, { session: s }), 422, 'MISSING_FIELD', 'answer')
    assertError(await c.post(`/api/normative/comments/${COMMENT}/answer`, { adopted: 'maybe', answer: '…' }, { session: s }), 422, 'BAD_VALUE', 'adopted')
    assert.equal(stored(), before)
    const a = await c.post(`/api/normative/comments/${COMMENT}/answer`, { adopted: 'partly', answer: '已在第四条写明收费依据；标准由价格主管部门另行公布。' }, { session: s })
    assert.equal(a.status, 200, a.text)
    const t = (await c.get(`/api/public/normative/comments/${CODE}`)).json
    assert.equal(t.adopted_label, '部分采纳')
    assert.match(t.answer, /收费依据/)
    assert.equal(t.answered_on, '2026-03-13')
    // The draft's timeline says what happened in words, not codes.
    const labels = (await c.detail(ID, 'legal')).events.map((e) => e.action_label)
    assert.ok(labels.includes('公众提交意见') && labels.includes('答复公众意见'), labels.join('、'))
    // The last day of the period, inclusive.
    const last = await c.post(`/api/public/normative/consultations/${ID}/comments`, { contact: 'li@example.cn', content: '最后一天的意见。' })
    assert.equal(last.status, 201, last.text)
    assert.equal((await c.get(`/api/public/normative/consultations/${ID}`)).json.days_left, 1)
  } finally { await done(c) }
  const c2 = await on('2026-03-16')
  try {
    const before = stored()
    const late = await c2.post(`/api/public/normative/consultations/${ID}/comments`, { contact: '13800000000', content: '迟到的意见。' })
    assertError(late, 409, 'STATE')
    assert.match(late.json.error.message, /已经结束/)
    assert.equal(stored(), before)
    assert.equal((await c2.get(`/api/public/normative/consultations/${ID}`)).json.status, 'ended')
    await c2.actOk(ID, 'close_comment', 'scj.clerk', { account: '共收到意见 2 条，部分采纳 1 条。' })
    const p = (await c2.get(`/api/public/normative/consultations/${ID}`)).json
    assert.equal(p.status, 'closed')
    assert.equal(p.account, '共收到意见 2 条，部分采纳 1 条。')
    assert.equal(p.comment_count, 2)
    assert.equal(p.partly_count, 1)
    assertError(await c2.post(`/api/public/normative/consultations/${ID}/comments`, { contact: '1', content: '再提' }), 409, 'STATE')
    assert.ok((await c2.get('/api/public/normative/consultations?status=closed')).json.items.some((x) => x.case_id === ID))
    // Sent to review, its answers are final.
    const s = await c2.login('scj.clerk')
    await c2.actOk(ID, 'submit_review', 'scj.clerk', { summary: '请审核' })
    assertError(await c2.post(`/api/normative/comments/${COMMENT}/answer`, { adopted: 'yes', answer: '改为采纳' }, { session: s }), 409, 'STATE')
  } finally { await done(c2) }
})

test('pre-check decisions: a dismissal needs a reason; the drafter decides while drafting, the legal office in review; the fair-competition check gates submission', async () => {
  const c = await on('2026-04-01')
  try {
    const s = await c.login('scj.clerk')
    const body = '第一条 为规范农贸市场经营，制定本办法。\n第二条 市场开办者应当使用指定的电子秤。\n第三条 违反第二条的，处以二百元罚款。\n'
    const id = (await c.post('/api/normative/drafts', draftInput({ title: '青山县农贸市场计量器具管理规定', body, affects_public: false, affects_market: true }), { session: s })).json.case.case_id
    const run = await c.post(`/api/normative/drafts/${id}/precheck`, {}, { session: s })
    assert.equal(run.status, 200, run.text)
    const hits = run.json.case.fields.precheck_hits
    const named = hits.find((h) => h.term === '指定')
    assert.ok(hits.some((h) => h.term === '罚款') && named, JSON.stringify(hits))
    assert.match(named.excerpt, /使用指定的电子秤/)
    assert.equal(named.rule_label, '排除、限制竞争（公平竞争审查）')
    let before = stored()
    assertError(await c.post(`/api/normative/drafts/${id}/precheck/${named.seq}`, { decision: 'dismissed' }, { session: s }), 422, 'MISSING_FIELD', 'note')
    assertError(await c.post(`/api/normative/drafts/${id}/precheck/${named.seq}`, { decision: 'ignore', note: 'x' }, { session: s }), 422, 'BAD_VALUE', 'decision')
    assertError(await c.post(`/api/normative/drafts/${id}/precheck/999`, { decision: 'confirmed' }, { session: s }), 404)
    assert.equal((await c.post(`/api/normative/drafts/${id}/precheck/${named.seq}`, { decision: 'confirmed' }, { session: await c.login('hbj.clerk') })).status, 404)
    // The legal office does not decide for the drafter while it drafts.
    assertError(await c.post(`/api/normative/drafts/${id}/precheck/${named.seq}`, { decision: 'confirmed' }, { session: await c.login('legal') }), 403, 'FORBIDDEN')
    assert.equal(stored(), before)
    let d = await c.post(`/api/normative/drafts/${id}/precheck/${named.seq}`, { decision: 'dismissed', note: '“指定”指依法检定合格的计量器具，不限定经营者。' }, { session: s })
    assert.equal(d.status, 200, d.text)
    assert.equal(d.json.case.fields.precheck_hits.find((h) => h.seq === named.seq).status, 'dismissed')
    // The fair-competition check: submission refused until it is complete without a problem.
    before = stored()
    const early = await c.act(id, 'submit_review', 'scj.clerk', { summary: '请审核' })
    assertError(early, 409, 'STATE')
    assert.match(early.json.error.message, /公平竞争审查/)
    const fc = await c.get(`/api/normative/drafts/${id}/fair-check`, { session: s })
    assert.equal(fc.status, 200, fc.text)
    assert.equal(fc.json.required, true)
    assert.equal(fc.json.done, false)
    assert.deepEqual(fc.json.items.map((x) => x.label), ['市场准入和退出标准', '商品和要素自由流动标准', '影响生产经营成本标准', '影响生产经营行为标准'])
    const put = (body) => c.api('PUT', `/api/normative/drafts/${id}/fair-check`, { session: s, body })
    assertError(await put({ market_access: 'problem' }), 422, 'MISSING_FIELD', 'market_access_note')
    assertError(await put({ cost: 'unsure' }), 422, 'BAD_VALUE', 'cost')
    assert.equal(stored(), before)
    let f = await put({ market_access: 'problem', market_access_note: '第二条限定使用特定电子秤。', free_flow: 'not_involved', cost: 'not_involved', conduct: 'not_involved' })
    assert.equal(f.status, 200, f.text)
    assert.equal(f.json.done, false, 'a problem keeps the check open')
    assertError(await c.act(id, 'submit_review', 'scj.clerk', { summary: '请审核' }), 409, 'STATE')
    f = await put({ market_access: 'not_involved', market_access_note: '已改为“经检定合格的计量器具”。' })
    assert.equal(f.json.done, true)
    d = await c.actOk(id, 'submit_review', 'scj.clerk', { summary: '请审核' })
    assert.equal(d.case.state, 'in_review')
    assert.equal(d.case.fields.fair_check_done, true)
    // The check ran again on submission: the dismissal is kept, the open hits are found anew.
    assert.equal(d.case.fields.precheck_hits.find((h) => h.term === '指定').status, 'dismissed')
    const fine = d.case.fields.precheck_hits.find((h) => h.term === '罚款')
    assert.equal(fine.status, 'open')
    // In review: the legal office decides, the drafter no longer; the check list is closed.
    assertError(await c.post(`/api/normative/drafts/${id}/precheck/${fine.seq}`, { decision: 'confirmed' }, { session: s }), 403, 'FORBIDDEN')
    const conf = await c.post(`/api/normative/drafts/${id}/precheck/${fine.seq}`, { decision: 'confirmed', note: '设定罚款，违反行政处罚法第十六条。' }, { session: await c.login('legal') })
    assert.equal(conf.status, 200, conf.text)
    assert.equal(conf.json.case.fields.precheck_hits.find((h) => h.seq === fine.seq).status, 'confirmed')
    assertError(await put({ cost: 'not_involved' }), 409, 'STATE')
    assertError(await c.post(`/api/normative/drafts/${id}/precheck`, {}, { session: s }), 409, 'STATE')
    // A draft that does not touch market actors needs no check list.
    const plain = (await c.post('/api/normative/drafts', draftInput({ title: '青山县内部管理规定', affects_public: false }), { session: s })).json.case.case_id
    assertError(await c.api('PUT', `/api/normative/drafts/${plain}/fair-check`, { session: s, body: { cost: 'not_involved' } }), 409, 'STATE')
  } finally { await done(c) }
})

test('filing results: recorded by the legal office after the filing; 要求纠正 needs its note; shown on the draft', async () => {
  const c = await on('2026-11-23')
  try {
    const s = await c.login('scj.clerk')
    const id = (await c.post('/api/normative/drafts', draftInput({ title: '青山县计量监督管理规定', affects_public: false }), { session: s })).json.case.case_id
    const review = (await c.actOk(id, 'submit_review', 'scj.clerk', { summary: '请审核' })).case.fields.review_case_id
    const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
    await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
    await c.actOk(review, 'opinion', 'legal', { opinion: 'lawful', summary: '合法。' })
    await c.actOk(id, 'deliberate', 'scj.clerk', { meeting: '局务会议', deliberated_on: '2026-11-23', outcome: 'adopted' })
    let d = await c.actOk(id, 'issue', 'scj.clerk', { issued_on: '2026-11-23', effective_on: '2026-12-01' })
    const npc = d.case.fields.filings.find((f) => f.recipient === 'npc')
    assert.equal(npc.recipient_label, '县人大常委会')
    assert.equal(npc.due_on, '2026-12-23')
    const legal = await c.login('legal')
    let before = stored()
    assertError(await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'filed_ok', result_on: '2026-11-23' }, { session: legal }), 409, 'STATE')
    await c.actOk(id, 'file', 'scj.clerk', { npc_filed_on: '2026-11-23', government_filed_on: '2026-11-23', complete: true })
    before = stored()
    assertError(await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'filed_ok', result_on: '2026-11-23' }, { session: s }), 403, 'FORBIDDEN')
    assertError(await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'correct', result_on: '2026-11-23' }, { session: legal }), 422, 'MISSING_FIELD', 'note')
    assertError(await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'filed_ok', result_on: '2026-11-20' }, { session: legal }), 422, 'BAD_DATE', 'result_on')
    assertError(await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'filed_ok', result_on: '2026-11-24' }, { session: legal }), 422, 'BAD_DATE', 'result_on')
    assertError(await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'void', result_on: '2026-11-23' }, { session: legal }), 422, 'BAD_VALUE', 'result')
    assertError(await c.post('/api/normative/filings/999999999/result', { result: 'filed_ok', result_on: '2026-11-23' }, { session: legal }), 404)
    assert.equal(stored(), before)
    const r = await c.post(`/api/normative/filings/${npc.filing_id}/result`, { result: 'correct', result_on: '2026-11-23', note: '第三条超出上位法规定的范围，请予纠正。' }, { session: legal })
    assert.equal(r.status, 200, r.text)
    d = await c.detail(id, 'scj.clerk')
    const f = d.case.fields.filings.find((x) => x.recipient === 'npc')
    assert.equal(f.result_label, '要求纠正')
    assert.match(f.result_note, /请予纠正/)
    assert.equal(d.case.fields.filings.find((x) => x.recipient === 'government').result, null)
  } finally { await done(c) }
})

test('a filing body that revokes (撤销) a document ends it on the result day: in force before, revoked from then on, in the library and on the portal; the result stands', async () => {
  let c = await on('2026-11-23')
  let id, docId, filingId
  try {
    const s = await c.login('scj.clerk')
    id = (await c.post('/api/normative/drafts', draftInput({ title: '青山县电子计价秤管理暂行办法', affects_public: false }), { session: s })).json.case.case_id
    const review = (await c.actOk(id, 'submit_review', 'scj.clerk', { summary: '请审核' })).case.fields.review_case_id
    const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
    await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
    await c.actOk(review, 'opinion', 'legal', { opinion: 'lawful', summary: '合法。' })
    await c.actOk(id, 'deliberate', 'scj.clerk', { meeting: '局务会议', deliberated_on: '2026-11-23', outcome: 'adopted' })
    await c.actOk(id, 'issue', 'scj.clerk', { issued_on: '2026-11-23', effective_on: '2026-11-25' })
    const d = await c.actOk(id, 'file', 'scj.clerk', { npc_filed_on: '2026-11-23', government_filed_on: '2026-11-23', complete: true })
    docId = d.case.fields.doc_id
    filingId = d.case.fields.filings.find((f) => f.recipient === 'npc').filing_id
    assert.ok(docId, JSON.stringify(d.case.fields).slice(0, 300))
  } finally { await done(c) }
  c = await on('2026-12-09')
  try {
    const legal = await c.login('legal')
    const r = await c.post(`/api/normative/filings/${filingId}/result`, { result: 'revoke', result_on: '2026-12-08', note: '第五条增设行政许可条件，违反行政许可法第十六条，予以撤销。' }, { session: legal })
    assert.equal(r.status, 200, r.text)
    const doc = (await c.get(`/api/normative/documents/${docId}`, { session: legal })).json
    assert.equal(doc.status, 'revoked', JSON.stringify(doc).slice(0, 300))
    assert.equal(doc.status_label, '已被撤销')
    assert.equal(doc.ended_on, '2026-12-08')
    const before = (await c.get(`/api/public/normative/documents/${docId}?on=2026-12-07`)).json
    const after = (await c.get(`/api/public/normative/documents/${docId}?on=2026-12-08`)).json
    assert.equal(before.on.status, 'in_force', JSON.stringify(before.on))
    assert.equal(after.on.status, 'revoked', JSON.stringify(after.on))
    // Not counted in force at the year's end; the 撤销 cannot be turned into 予以备案 afterwards.
    const again = await c.post(`/api/normative/filings/${filingId}/result`, { result: 'filed_ok', result_on: '2026-12-09' }, { session: legal })
    assertError(again, 409, 'STATE', 'result')
    const inForce = (await c.get(`/api/normative/stats/documents?in_force_year=2026&per_page=100`, { session: legal })).json.items.map((x) => x.doc_id)
    assert.ok(!inForce.includes(docId))
  } finally { await done(c) }
})
