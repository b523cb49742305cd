// Normative documents, the drafting chain (issue 11): a draft opened from the plan or with a reason,
// public comment for a document touching the public's rights and duties (at least 7 working days,
// shorter only with a reason), the automatic pre-check, the legality review by the legal office (the
// shared review queue: 不合法 sends it back to drafting), collective deliberation, 三统一 (one number
// per issuing prefix and year, never reused; published the day it is issued) and filing within 30 days.
//
// What a user checks: each gate refuses in Chinese and writes nothing; clocks across the 2025 National
// Day holiday and the 2026 Spring Festival; numbers; another agency sees none of it.
//
// Days counted by hand from data/cn-calendar.csv:
//   2025: 10-01..10-08 国庆节、中秋节; 10-11 Sat make-up working day.
//   2026: 02-14 Sat make-up; 02-15..02-23 春节; 02-28 Sat make-up.
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

const BODY = '第一条 为规范本县农贸市场经营秩序，制定本办法。\n' +
  '第二条 市场开办者应当建立经营者档案。\n' +
  '第三条 经营者未按规定亮证经营的，由市场监督管理部门处以五百元罚款。\n' +
  '第四条 市场开办者可以向经营者收取摊位管理费。\n'

function draftInput (over = {}) {
  return {
    title: '青山县农贸市场管理办法', issuing_body: '青山县人民政府', number_prefix: '青政规',
    off_plan_reason: '农贸市场改造完成后急需规范经营秩序', drafting_note: '起草说明：依据上位法，结合本县实际。',
    basis: '《中华人民共和国食品安全法》《集贸市场管理规定》', body: BODY,
    affects_public: true, affects_market: false, ...over,
  }
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM norm_draft), (SELECT COUNT(*) FROM norm_number), (SELECT COUNT(*) FROM norm_document),' +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type IN ('norm_doc', 'legal_review'))")
  return row.join('|')
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

before(() => {
  dir = mkTemp('fazhi-norm-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

let ID
test('a draft: opened with a reason, public comment of 7 working days across 国庆节 2025, refusals write nothing', async () => {
  const c = await on('2025-09-29')
  try {
    const s = await c.login('scj.clerk')
    // Refusals: no plan item and no reason; missing title; a short period without a reason.
    let before = stored()
    const { off_plan_reason: _, ...noReason } = draftInput()
    assertError(await c.post('/api/normative/drafts', noReason, { session: s }), 422, 'MISSING_FIELD', 'off_plan_reason')
    assertError(await c.post('/api/normative/drafts', draftInput({ title: '' }), { session: s }), 422, undefined, 'title')
    assertError(await c.post('/api/normative/drafts', draftInput({ plan_item_id: 999999 }), { session: s }), 422, 'BAD_VALUE', 'plan_item_id')
    assert.equal(stored(), before)
    const r = await c.post('/api/normative/drafts', draftInput(), { session: s })
    assert.equal(r.status, 201, r.text)
    ID = r.json.case.case_id
    assert.equal(r.json.case.state, 'drafting')
    assert.equal(r.json.case.fields.title, '青山县农贸市场管理办法')
    // Sent to review before comment: refused, with the rule.
    before = stored()
    const early = await c.act(ID, 'submit_review', 'scj.clerk', { summary: '送审' })
    assertError(early, 409, 'STATE')
    assert.match(early.json.error.message, /公开征求意见/)
    assert.equal(stored(), before)
    // Five working days without a reason: refused; with 7 from Mon 09-29: 09-30, 10-09, 10-10, 10-11 (make-up), 10-13, 10-14, 10-15.
    assertError(await c.act(ID, 'open_comment', 'scj.clerk', { comment_from: '2025-09-29', days: 5 }), 422, 'MISSING_FIELD', 'short_reason')
    assertError(await c.act(ID, 'open_comment', 'scj.clerk', { comment_from: '2025-09-25', days: 7 }), 422, 'BAD_DATE', 'comment_from')
    assert.equal(stored(), before)
    const d = await c.actOk(ID, 'open_comment', 'scj.clerk', { comment_from: '2025-09-29', days: 7 })
    assert.equal(d.case.state, 'commenting')
    assert.equal(d.case.fields.comment_to, '2025-10-15')
    assert.equal(clock(d, 'comment').due_date, '2025-10-15')
    assert.match(JSON.stringify(clock(d, 'comment')), /37号/)
    // Closing before the period ends is refused.
    assertError(await c.act(ID, 'close_comment', 'scj.clerk', { account: '未收到意见' }), 409)
    // Another agency's clerk sees nothing of it.
    assert.equal((await c.get(`/api/cases/${ID}`, { session: await c.login('hbj.clerk') })).status, 404)
    const list = await c.get('/api/normative/drafts', { session: await c.login('hbj.clerk') })
    assert.equal(list.status, 200)
    assert.ok(!list.json.items.some((x) => x.case_id === ID))
    assert.ok((await c.get('/api/normative/drafts', { session: s })).json.items.some((x) => x.case_id === ID))
  } finally { await done(c) }
})

let REVIEW
test('comment closed with its account; the pre-check finds the penalty and the fee in context; the review is in the legal office queue', async () => {
  const c = await on('2025-10-16')
  try {
    const closed = await c.actOk(ID, 'close_comment', 'scj.clerk', { account: '收到意见 3 条，采纳 2 条：……' })
    // The public's period ran out by itself on 10-15: closing it the next day is not "late".
    const k = clock(closed, 'comment')
    assert.equal(k.state, 'stopped')
    assert.equal(k.kind, 'validity')
    assert.ok(k.on_time === undefined || k.on_time === null, JSON.stringify(k))
    const d = await c.actOk(ID, 'submit_review', 'scj.clerk', { summary: '请予审核' })
    assert.equal(d.case.state, 'in_review')
    const f = d.case.fields
    assert.ok(f.review_case_id)
    REVIEW = f.review_case_id
    const rules = f.precheck_hits.map((h) => h.rule)
    assert.ok(rules.includes('penalty'), JSON.stringify(rules))
    assert.ok(rules.includes('levy'))
    const pen = f.precheck_hits.find((h) => h.term === '罚款')
    assert.match(pen.excerpt, /五百元罚款/)
    assert.match(pen.basis, /行政处罚法》第十六条/)
    assert.equal(pen.status, 'open')
    // The review: a case of the drafting agency, in the review state, its period running (5 WD: 10-17, 20, 21, 22, 23).
    const r = await c.detail(REVIEW, 'legalhead')
    assert.equal(r.case.case_type, 'legal_review')
    assert.equal(r.case.state, 'submitted')
    assert.equal(r.case.fields.subject_case_id, ID)
    assert.equal(clock(r, 'review').due_date, '2025-10-23')
    // Deliberation before the review passes: not offered, refused.
    assertError(await c.act(ID, 'deliberate', 'scj.clerk', { meeting: '县政府常务会议', deliberated_on: '2025-10-16', outcome: 'adopted' }), 409, 'STATE')
  } finally { await done(c) }
})

test('不合法 sends the draft back to drafting; revised and submitted again, 修改后合法 lets it go to deliberation', async () => {
  const c = await on('2025-10-20')
  try {
    const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
    await c.actOk(REVIEW, 'assign', 'legalhead', { reviewer_id: staff })
    // 不合法 and 修改后合法 rest on the points raised, each with its basis (the review queue's rule).
    const point = async (id, text, basis) => assert.equal((await c.post(`/api/reviews/${id}/points`, { point: text, basis }, { session: await c.login('legal') })).status, 201)
    await point(REVIEW, '第三条设定罚款', '《中华人民共和国行政处罚法》第十六条')
    await c.actOk(REVIEW, 'opinion', 'legal', { opinion: 'unlawful', summary: '第三条设定罚款，违反行政处罚法第十六条。' })
    let d = await c.detail(ID, 'scj.clerk')
    assert.equal(d.case.state, 'drafting')
    assert.equal(d.case.fields.review_opinion, 'unlawful')
    await c.actOk(ID, 'revise', 'scj.clerk', { body: BODY.replace('由市场监督管理部门处以五百元罚款', '依照《食品安全法》的规定处理') })
    d = await c.actOk(ID, 'submit_review', 'scj.clerk', { summary: '已删除第三条罚款规定，请再次审核' })
    const second = d.case.fields.review_case_id
    assert.notEqual(second, REVIEW)
    assert.ok(!d.case.fields.precheck_hits.some((h) => h.term === '罚款' && h.status === 'open'), 'the removed penalty is no longer a hit')
    await c.actOk(second, 'assign', 'legalhead', { reviewer_id: staff })
    await point(second, '第四条收费无依据', '《中华人民共和国价格法》第二十条')
    await c.actOk(second, 'opinion', 'legal', { opinion: 'lawful_if_amended', summary: '第四条收费应有依据。' })
    d = await c.detail(ID, 'scj.clerk')
    assert.equal(d.case.state, 'reviewed')
    assert.equal(d.case.fields.review_opinion_label, '修改后合法')
  } finally { await done(c) }
})

test('deliberation, then 三统一: numbered 青政规〔2025〕N号 once, published on the day, filing due in 30 days; numbers never reused', async () => {
  const c = await on('2025-11-03')
  try {
    const before = stored()
    assertError(await c.act(ID, 'deliberate', 'scj.clerk', { meeting: '县政府第12次常务会议', deliberated_on: '2025-11-04', outcome: 'adopted' }), 422, 'BAD_DATE', 'deliberated_on')
    assert.equal(stored(), before)
    await c.actOk(ID, 'deliberate', 'scj.clerk', { meeting: '县政府第12次常务会议', deliberated_on: '2025-10-31', outcome: 'adopted_amended' })
    assertError(await c.act(ID, 'issue', 'scj.clerk', { issued_on: '2025-10-30', effective_on: '2025-12-01' }), 422, 'BAD_DATE', 'issued_on')
    assertError(await c.act(ID, 'issue', 'scj.clerk', { issued_on: '2025-11-03', effective_on: '2025-11-01' }), 422, 'BAD_DATE', 'effective_on')
    // Refused issues take no number (the demo county's documents hold the others).
    assert.equal(sql(db, "SELECT COUNT(*) FROM norm_number WHERE case_id = " + ID)[0][0], '0')
    const used = Number(sql(db, "SELECT COUNT(*) FROM norm_number WHERE prefix = '青政规' AND year = 2025")[0][0])
    const d = await c.actOk(ID, 'issue', 'scj.clerk', { issued_on: '2025-11-03', effective_on: '2025-12-01' })
    const f = d.case.fields
    assert.equal(d.case.state, 'filing')
    assert.equal(f.doc_number, `青政规〔2025〕${used + 1}号`)
    assert.equal(f.doc_status, 'in_force')
    assert.equal(f.valid_until, '2030-11-30')
    // Filing: 30 days from 11-03 is 12-03 (Wed).
    assert.equal(clock(d, 'filing').due_date, '2025-12-03')
    assert.deepEqual(sql(db, `SELECT recipient, due_on FROM norm_filing WHERE doc_id = ${f.doc_id} ORDER BY recipient`), [['government', '2025-12-03'], ['npc', '2025-12-03']])
    // A second draft of the same issuing body takes the next number; an abandoned one takes none.
    const s = await c.login('scj.clerk')
    const other = (await c.post('/api/normative/drafts', draftInput({ title: '青山县废弃草案', affects_public: false }), { session: s })).json.case.case_id
    await c.actOk(other, 'abandon', 'scj.clerk', { reason: '上位法已作规定' })
    assert.equal(sql(db, "SELECT COUNT(*) FROM norm_number WHERE prefix = '青政规' AND year = 2025")[0][0], String(used + 1))
    // Filing recorded: the government one a day late (12-04), the people's congress one on time.
    assertError(await c.act(ID, 'file', 'scj.clerk', { npc_filed_on: '2025-11-20', government_filed_on: '2025-11-04', complete: true }), 422, 'BAD_DATE', 'npc_filed_on')
  } finally { await done(c) }
  const c2 = await on('2025-12-05')
  try {
    const d = await c2.actOk(ID, 'file', 'scj.clerk', { npc_filed_on: '2025-12-01', government_filed_on: '2025-12-04', complete: true })
    assert.equal(d.case.state, 'filed')
    assert.deepEqual(sql(db, `SELECT recipient, filed_on, on_time FROM norm_filing WHERE doc_id = ${d.case.fields.doc_id} ORDER BY recipient`),
      [['government', '2025-12-04', '0'], ['npc', '2025-12-01', '1']])
  } finally { await done(c2) }
})

test('a provisional (暂行) document issued across 春节 2026 is valid for 2 years; its number is the year of issue', async () => {
  const c = await on('2026-02-12')
  try {
    const s = await c.login('scj.clerk')
    // From the plan: the item is drafting now, issued once the document is.
    const item = (await c.post('/api/normative/plans', { year: 2026, title: '青山县食品摊贩管理暂行办法', reason: '规范食品摊贩经营。', issuing_body: '青山县人民政府', planned_quarter: 1 }, { session: s })).json.item_id
    const { off_plan_reason: _, ...fromPlan } = draftInput({ title: '青山县食品摊贩管理暂行办法', affects_public: false, body: '第一条 为加强管理，制定本办法。', plan_item_id: item })
    const id = (await c.post('/api/normative/drafts', fromPlan, { session: s })).json.case.case_id
    const status = () => sql(db, `SELECT status FROM norm_plan_item WHERE item_id = ${item}`)[0][0]
    assert.equal(status(), 'drafting')
    let d = await c.actOk(id, 'submit_review', 'scj.clerk', { summary: '请予审核' })
    const review = d.case.fields.review_case_id
    // Five working days from Thu 02-12: 02-13, 02-14 (make-up Saturday), 02-24, 02-25, 02-26.
    assert.equal(clock(await c.detail(review, 'legalhead'), 'review').due_date, '2026-02-26')
    const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
    await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
    await c.actOk(review, 'opinion', 'legal', { opinion: 'lawful', summary: '合法。' })
    await c.actOk(id, 'deliberate', 'scj.clerk', { meeting: '县政府第1次常务会议', deliberated_on: '2026-02-12', outcome: 'adopted' })
    const used = Number(sql(db, "SELECT COUNT(*) FROM norm_number WHERE prefix = '青政规' AND year = 2026")[0][0])
    d = await c.actOk(id, 'issue', 'scj.clerk', { issued_on: '2026-02-12', effective_on: '2026-03-01' })
    assert.equal(d.case.fields.valid_until, '2028-02-29')
    assert.equal(d.case.fields.doc_number, `青政规〔2026〕${used + 1}号`)
    assert.equal(status(), 'issued')
    // Filing: 30 days from 02-12 is 03-14, a Saturday: the next working day, 03-16.
    assert.equal(clock(d, 'filing').due_date, '2026-03-16')
  } finally { await done(c) }
})
