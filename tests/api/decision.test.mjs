// Major administrative decisions (重大行政决策, issue 12; 重大行政决策程序暂行条例 2019, spec §7): the
// catalogue (第3条), a decision's steps in the regulation's order enforced by its states, every gate
// (a comment period under 30 days needs a stated reason, 第15条; hearing materials 7 days ahead, 第16条;
// no review before participation is closed; no meeting without a passed review, 第25条; the head speaks
// last, 第30条; a skipped step needs its reason; the post-evaluator is not a party of the studies,
// 第36条), the clocks across the 2026 National Day holidays, the review's 7 working days (第26条), the
// public pages, the archive, scope and the figures.
//
// Days counted by hand from data/cn-calendar.csv: 2026-10-01..07 are holidays, 2026-09-20 and 10-10
// (a Saturday) are make-up working days. 30 days from 09-01 is 10-01 (a holiday): the period ends on
// the next working day, 10-08. 7 working days after Fri 10-09: 10-10 (Sat, make-up), 12, 13, 14, 15,
// 16, 19. 20 working days after Tue 10-20: 10-21..23 (3), 10-26..30 (8), 11-02..06 (13), 11-09..13
// (18), 11-16 (19), 11-17 (20).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, sqlNumber, stopAll } from './lib.mjs'

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

/** What a refused write must leave alone. */
function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM dec_item), (SELECT COUNT(*) FROM dec_item_change), (SELECT COUNT(*) FROM dec_meeting),' +
    " (SELECT group_concat(case_id || ':' || COALESCE(comment_from, '-') || COALESCE(hearing_on, '-') ||" +
    " COALESCE(evaluator, '-') || COALESCE(published_on, '-') || COALESCE(expert_skip_reason, '-') ||" +
    " COALESCE(participation_skip_reason, '-')) FROM dec_decision)," +
    ' (SELECT COUNT(*) FROM dec_speech), (SELECT COUNT(*) FROM dec_expert), (SELECT COUNT(*) FROM case_clock)')
  return row.join('|')
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)

/** An approved, published catalogue item of the clerk's agency; returns its id. */
async function item (c, clerk, title) {
  const s = await c.login(clerk)
  const r = await c.post('/api/decision-catalogue', { year: 2026, title, reason: '涉及群众切身利益，社会关注度高。', planned_quarter: 4 }, { session: s })
  assert.equal(r.status, 201, r.text)
  assert.equal(r.json.status, 'proposed')
  const a = await c.post(`/api/decision-catalogue/${r.json.item_id}/approve`, {}, { session: await c.login('gov.head') })
  assert.equal(a.status, 200, a.text)
  const p = await c.post('/api/decision-catalogue-publication', { year: 2026 }, { session: await c.login('gov.clerk') })
  assert.equal(p.status, 200, p.text)
  return r.json.item_id
}

async function start (c, clerk, itemId, over = {}) {
  const r = await c.post('/api/decisions', {
    item_id: itemId, draft: '一、目标任务……\n二、主要措施……', explanation: '起草说明。',
    technical: true, affects_stability: true, ...over,
  }, { session: await c.login(clerk) })
  assert.equal(r.status, 201, r.text)
  return r.json.case.case_id
}

async function review (c, caseId, opinion) {
  const d = await c.detail(caseId)
  const rid = d.case.fields.review_case_id
  const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
  await c.actOk(rid, 'assign', 'legalhead', { reviewer_id: staff })
  await c.actOk(rid, 'opinion', 'legal', { opinion, summary: opinion === 'unlawful' ? '收费依据不足。' : '合法。', ...(opinion === 'unlawful' ? { point: '收费项目缺乏定价依据。', basis: '《中华人民共和国价格法》第二十条' } : {}) })
  return rid
}

const speeches = (head = 'last') => {
  const s = [
    { speaker: '李副县长', position: '副县长', view: '同意，建议分步实施。' },
    { speaker: '王副县长', position: '副县长', view: '不同意现阶段实施，财政压力较大。', dissent: true },
    { speaker: '周县长', position: '县长', view: '综合大家意见，原则同意。', is_head: true },
  ]
  if (head === 'first') s.unshift(s.pop())
  return { speeches: s }
}

before(() => {
  dir = mkTemp('fazhi-decision-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

let mainCase, zjj

test('a decision runs its steps in order: 30-day comment across 国庆, hearing 7 days ahead, experts, risk, a failed then a passed review of 7 working days, the meeting with the head last, publication, archive, progress and an independent post-evaluation', async () => {
  let c = await on('2026-09-01')
  zjj = await c.agencyOf('zjj.clerk')
  const itemId = await item(c, 'zjj.clerk', '青山县城区停车收费标准调整（测试）')
  const id = mainCase = await start(c, 'zjj.clerk', itemId)
  let d = await c.detail(id)
  assert.equal(d.case.state, 'drafting')
  assert.equal(d.case.case_type, 'major_decision')
  // The county government sees and later takes its steps (shared); another agency does not.
  assert.equal((await c.get(`/api/cases/${id}`, { session: await c.login('gov.clerk') })).status, 200)
  // Each side is offered its own steps only.
  assert.ok((await c.detail(id, 'zjj.clerk')).actions.some((a) => a.name === 'open_comment'))
  assert.ok(!(await c.detail(id, 'gov.clerk')).actions.some((a) => a.name === 'open_comment'))
  assertError(await c.act(id, 'open_comment', 'gov.clerk', { comment_from: '2026-09-01', days: 30 }), 409, 'STATE')
  assert.equal((await c.get(`/api/cases/${id}`, { session: await c.login('hbj.clerk') })).status, 404)
  // No review before participation: refused, nothing written.
  let before = stored()
  assertError(await c.act(id, 'submit_review', 'zjj.clerk', { summary: '送审' }), 409, 'STATE')
  // A period under 30 days without a reason: 422 naming the reason, nothing written; for any short period.
  for (const days of [1, 15, 29]) {
    assertError(await c.act(id, 'open_comment', 'zjj.clerk', { comment_from: '2026-09-01', days }), 422, 'MISSING_FIELD', 'short_reason')
  }
  assert.equal(stored(), before)
  d = await c.actOk(id, 'open_comment', 'zjj.clerk', { comment_from: '2026-09-01', days: 30 })
  assert.equal(d.case.state, 'participation')
  const k = clock(d, 'comment')
  assert.equal(k.unit, 'CD')
  assert.equal(k.due_date, '2026-10-08', '30 days from 09-01 end on 10-01, a holiday: the next working day')
  assert.match(k.article, /第十五条/)
  assert.equal(d.case.fields.comment_to, '2026-10-08')
  assert.equal(d.case.fields.comment_short_reason, null)
  // Closing before the period ends is refused.
  assertError(await c.act(id, 'close_comment', 'zjj.clerk', { account: '汇总' }), 409, 'STATE')
  // Hearing materials: less than 7 days before the hearing refused (naming the field), 7 days accepted.
  before = stored()
  for (const sent of ['2026-09-20', '2026-09-22', '2026-09-26']) {
    const e = assertError(await c.act(id, 'schedule_hearing', 'zjj.clerk', { hearing_on: '2026-09-26', materials_sent_on: sent, place: '县政府三楼会议室' }), 422, 'BAD_VALUE', 'materials_sent_on')
    assert.match(e.message, /第十六条/)
  }
  assert.equal(stored(), before)
  d = await c.actOk(id, 'schedule_hearing', 'zjj.clerk', { hearing_on: '2026-09-26', materials_sent_on: '2026-09-19', place: '县政府三楼会议室', participants: '居民代表12人' })
  assert.equal(d.case.fields.hearing_on, '2026-09-26')
  await done(c)

  // The portal shows the comment page while open; a comment gets a tracking code.
  c = await on('2026-09-10')
  const list = await c.get('/api/public/decision-consultations?status=open')
  assert.equal(list.status, 200, list.text)
  const row = list.json.items.find((x) => x.case_id === id)
  assert.ok(row, 'the open consultation is listed')
  assert.equal(row.open, true)
  assert.equal(row.hearing_on, '2026-09-26')
  const page = await c.get(`/api/public/decision-consultations/${id}`)
  assert.equal(page.status, 200)
  assert.match(page.json.draft, /目标任务/)
  const cm = await c.post(`/api/public/decision-consultations/${id}/comments`, { name: '市民甲', contact: '13900000001', content: '夜间停车应免费。' })
  assert.equal(cm.status, 201, cm.text)
  const cm2 = await c.post(`/api/public/decision-consultations/${id}/comments`, { contact: '13900000002', content: '收费标准过高。' })
  assert.equal(cm2.status, 201, cm2.text)
  assertError(await c.post(`/api/public/decision-consultations/${id}/comments`, { content: '无联系方式' }), 422, 'MISSING_FIELD', 'contact')
  const tr = await c.get(`/api/public/decision-comments/${cm.json.tracking_code}`)
  assert.equal(tr.status, 200)
  assert.equal(tr.json.content, '夜间停车应免费。')
  // The undertaking agency answers; another agency may not.
  const comments = await c.get(`/api/decisions/${id}/comments`, { session: await c.login('zjj.clerk') })
  assert.equal(comments.json.total, 2)
  const [c1, c2] = comments.json.items
  assert.equal((await c.post(`/api/decision-comments/${c1.comment_id}/answer`, { adopted: 'yes', answer: '采纳' }, { session: await c.login('hbj.clerk') })).status, 404)
  assert.equal((await c.post(`/api/decision-comments/${c1.comment_id}/answer`, { adopted: 'yes', answer: '采纳，夜间 22 时至次日 7 时免费。' }, { session: await c.login('zjj.clerk') })).status, 200)
  assert.equal((await c.post(`/api/decision-comments/${c2.comment_id}/answer`, { adopted: 'no', answer: '标准经成本测算。' }, { session: await c.login('zjj.clerk') })).status, 200)
  await done(c)

  // After the period: no more comments; participation closes; the order goes on.
  c = await on('2026-10-09')
  assertError(await c.post(`/api/public/decision-consultations/${id}/comments`, { contact: '1', content: '晚了' }), 409, 'STATE')
  d = await c.actOk(id, 'close_comment', 'zjj.clerk', { account: '收到意见 2 条，采纳 1 条。' })
  assert.equal(d.case.state, 'expert')
  // Technical: expert review may not be skipped; without an expert's opinion it cannot finish.
  before = stored()
  assertError(await c.act(id, 'skip_expert', 'zjj.clerk', { reason: '不需要' }), 409, 'STATE')
  assertError(await c.act(id, 'finish_expert', 'zjj.clerk', { summary: '综述' }), 409, 'STATE')
  // No meeting record and no decision before the review.
  assertError(await c.api('PUT', `/api/decisions/${id}/speeches`, { session: await c.login('gov.clerk'), body: speeches() }), 409, 'STATE')
  assertError(await c.act(id, 'decide', 'gov.head', { meeting_id: 1, outcome: 'adopted' }), 409, 'STATE')
  assert.equal(stored(), before)
  const ex = await c.post(`/api/decisions/${id}/experts`, { name: '陈工', party: '青山县规划设计研究院', field: '交通规划', opinion: '收费分区合理。', given_on: '2026-10-09' }, { session: await c.login('zjj.clerk') })
  assert.equal(ex.status, 201, ex.text)
  d = await c.actOk(id, 'finish_expert', 'zjj.clerk', { summary: '专家认为方案基本可行。' })
  assert.equal(d.case.state, 'risk')
  assertError(await c.act(id, 'skip_risk', 'zjj.clerk', { reason: '影响小' }), 409, 'STATE')
  d = await c.actOk(id, 'assess_risk', 'zjj.clerk', { assessor: '青山县社会稳定风险评估中心', level: 'medium', risk_points: '部分居民不满。', measures: '分步实施、加强宣传。', contingency: '设立投诉专线。' })
  assert.equal(d.case.state, 'ready_review')
  d = await c.actOk(id, 'submit_review', 'zjj.clerk', { summary: '请予审查' })
  assert.equal(d.case.state, 'in_review')
  // The review: 7 working days (第26条), across the make-up Saturday 10-10.
  const rid = d.case.fields.review_case_id
  let r = await c.detail(rid)
  const rk = clock(r, 'review')
  assert.equal(rk.days, 7)
  assert.equal(rk.unit, 'WD')
  assert.equal(rk.due_date, '2026-10-19')
  assert.match(r.case.fields.kind_article, /第二十六条/)
  // Not passed: back to drafting, and no meeting.
  await review(c, id, 'unlawful')
  d = await c.detail(id)
  assert.equal(d.case.state, 'drafting')
  assert.equal(d.case.fields.review_opinion, 'unlawful')
  assertError(await c.act(id, 'decide', 'gov.head', { meeting_id: 1, outcome: 'adopted' }), 409, 'STATE')
  // Back in drafting, the comment period already held is not offered again (it would overwrite its record).
  assert.ok(!d.actions.some((a) => a.name === 'open_comment'), d.actions.map((a) => a.name).join())
  assertError(await c.act(id, 'open_comment', 'zjj.clerk', { comment_from: '2026-10-09', days: 30 }), 409)
  assert.equal((await c.detail(id)).case.fields.participation_done, true)
  // Revised and resubmitted (the earlier steps stay done): passed.
  await c.actOk(id, 'revise', 'zjj.clerk', { draft: '修改后的方案。' })
  d = await c.actOk(id, 'submit_review', 'zjj.clerk', { summary: '按审查意见修改后重新送审' })
  r = await c.detail(d.case.fields.review_case_id)
  assert.equal(clock(r, 'review').due_date, '2026-10-19')
  await review(c, id, 'lawful')
  d = await c.detail(id)
  assert.equal(d.case.state, 'reviewed')
  assert.equal(d.case.fields.review_rounds, 2)
  await done(c)

  c = await on('2026-10-20')
  // The government's meeting, with its 会前学法; an agency cannot register one.
  const mt = { kind: 'executive', session_no: 91, held_on: '2026-10-20', chair: '周县长', attendees: '周县长、李副县长、王副县长', study_topic: '《重大行政决策程序暂行条例》', study_speaker: '县司法局局长', study_attendees: '县政府组成人员' }
  assert.equal((await c.post('/api/decision-meetings', mt, { session: await c.login('zjj.clerk') })).status, 403)
  assertError(await c.post('/api/decision-meetings', { ...mt, study_speaker: '' }, { session: await c.login('gov.clerk') }), 422, 'MISSING_FIELD', 'study_speaker')
  const m = await c.post('/api/decision-meetings', mt, { session: await c.login('gov.clerk') })
  assert.equal(m.status, 201, m.text)
  assert.equal(m.json.title, '县人民政府2026年第91次常务会议')
  assert.equal(m.json.study, true)
  // The head not last (or missing, or twice) is refused and nothing is written.
  before = stored()
  const gs = await c.login('gov.clerk')
  assertError(await c.api('PUT', `/api/decisions/${id}/speeches`, { session: gs, body: speeches('first') }), 422, 'BAD_VALUE', 'speeches')
  const noHead = speeches(); delete noHead.speeches[2].is_head
  assertError(await c.api('PUT', `/api/decisions/${id}/speeches`, { session: gs, body: noHead }), 422, 'BAD_VALUE', 'speeches')
  const twoHeads = speeches(); twoHeads.speeches[0].is_head = true
  assertError(await c.api('PUT', `/api/decisions/${id}/speeches`, { session: gs, body: twoHeads }), 422, 'BAD_VALUE', 'speeches')
  assertError(await c.act(id, 'decide', 'gov.head', { meeting_id: m.json.meeting_id, outcome: 'adopted' }), 409, 'STATE')
  assert.equal(stored(), before)
  const sp = await c.api('PUT', `/api/decisions/${id}/speeches`, { session: gs, body: speeches() })
  assert.equal(sp.status, 200, sp.text)
  assert.equal(sp.json.case.fields.speeches.at(-1).is_head, true)
  // The undertaking agency does not decide, nor is it offered to; the government is.
  const e403 = assertError(await c.act(id, 'decide', 'zjj.clerk', { meeting_id: m.json.meeting_id, outcome: 'adopted' }), 409, 'STATE')
  assert.match(e403.message, /县人民政府/)
  assert.ok(!(await c.detail(id, 'zjj.clerk')).actions.some((a) => a.name.startsWith('decide')))
  assert.ok((await c.detail(id, 'gov.head')).actions.some((a) => a.name === 'decide'))
  d = await c.actOk(id, 'decide', 'gov.head', { meeting_id: m.json.meeting_id, outcome: 'adopted_in_principle', dissent: '王副县长：财政压力较大。' })
  assert.equal(d.case.state, 'decided')
  assert.equal(d.case.fields.decided_on, '2026-10-20')
  assert.equal(d.case.fields.meeting_title, '县人民政府2026年第91次常务会议')
  const pk = clock(d, 'publish')
  assert.equal(pk.unit, 'WD')
  assert.equal(pk.due_date, '2026-11-17')
  assert.match(pk.article, /第三十二条/)
  // Publication states how the comments were taken up.
  assertError(await c.act(id, 'publish', 'gov.clerk', { published_on: '2026-10-20', channel: '青政发〔2026〕9号' }), 422, 'MISSING_FIELD', 'comment_account')
  d = await c.actOk(id, 'publish', 'gov.clerk', { published_on: '2026-10-20', channel: '青政发〔2026〕9号', comment_account: '共收到意见 2 条，采纳 1 条。' })
  assert.equal(d.case.state, 'published')
  const pub = await c.get(`/api/public/decisions/${id}`)
  assert.equal(pub.status, 200, pub.text)
  assert.equal(pub.json.comment_account, '共收到意见 2 条，采纳 1 条。')
  assert.equal(pub.json.comments.length, 2)
  assert.equal(pub.json.meeting_title, '县人民政府2026年第91次常务会议')
  d = await c.actOk(id, 'archive', 'gov.clerk', { note: '归档' })
  assert.equal(d.case.state, 'archived')
  const zip = await c.get(`/api/decisions/${id}/archive`, { session: await c.login('zjj.clerk') })
  assert.equal(zip.status, 200)
  assert.equal(zip.bytes.subarray(0, 2).toString(), 'PK')
  assert.ok(zip.bytes.includes(Buffer.from('决策过程记录.html')))
  await c.actOk(id, 'report_progress', 'zjj.clerk', { reported_on: '2026-10-20', progress: '已完成收费系统改造。' })
  // Post-evaluation: not by a party of the studies (spaces make no difference).
  before = stored()
  for (const evaluator of ['青山县规划设计研究院', '青山县社会稳定风险评估中心', ' 青山县 社会稳定风险评估中心 ']) {
    const e = assertError(await c.act(id, 'evaluate', 'gov.clerk', { evaluator, evaluated_on: '2026-10-20', trigger: '群众反映较多', conclusion: 'adjust', report: '评估报告' }), 422, 'BAD_VALUE', 'evaluator')
    assert.match(e.message, /第三十六条/)
  }
  assert.equal(stored(), before)
  d = await c.actOk(id, 'evaluate', 'gov.clerk', { evaluator: '省行政管理学会', evaluated_on: '2026-10-20', trigger: '群众反映较多', conclusion: 'adjust', report: '评估报告' })
  assert.equal(d.case.state, 'evaluated')
  await done(c)
})

test('a skipped step needs its reason; a shorter comment period with its reason is shown on the portal; the catalogue keeps its history', async () => {
  const c = await on('2026-09-01')
  const itemId = await item(c, 'jyj.clerk', '青山县中小学布局调整（测试）')
  const id = await start(c, 'jyj.clerk', itemId, { technical: false, affects_stability: false })
  let before = stored()
  assertError(await c.act(id, 'skip_participation', 'jyj.clerk', { reason: '' }), 422, undefined, 'reason')
  assertError(await c.act(id, 'skip_participation', 'jyj.clerk', {}), 422, 'MISSING_FIELD', 'reason')
  assert.equal(stored(), before)
  // A shorter period with its reason: accepted, and the portal shows the reason.
  let d = await c.actOk(id, 'open_comment', 'jyj.clerk', { comment_from: '2026-09-01', days: 15, short_reason: '秋季开学前须确定方案，情况紧急。' })
  assert.equal(clock(d, 'comment').due_date, '2026-09-16')
  const page = await c.get(`/api/public/decision-consultations/${id}`)
  assert.equal(page.json.short_reason, '秋季开学前须确定方案，情况紧急。')
  assert.equal(page.json.comment_days, 15)
  await done(c)
  const c2 = await on('2026-09-17')
  d = await c2.actOk(id, 'close_comment', 'jyj.clerk', { account: '未收到意见。' })
  before = stored()
  assertError(await c2.act(id, 'skip_expert', 'jyj.clerk', { reason: '   ' }), 422, undefined, 'reason')
  assert.equal(stored(), before)
  d = await c2.actOk(id, 'skip_expert', 'jyj.clerk', { reason: '不涉及专业技术问题。' })
  assertError(await c2.act(id, 'skip_risk', 'jyj.clerk', {}), 422, 'MISSING_FIELD', 'reason')
  d = await c2.actOk(id, 'skip_risk', 'jyj.clerk', { reason: '经初步分析不影响社会稳定。' })
  assert.equal(d.case.state, 'ready_review')
  assert.equal(d.case.fields.expert_skip_reason, '不涉及专业技术问题。')
  assert.equal(d.case.fields.expert_done, false)
  // The catalogue: an adjustment after approval needs its reason and is recorded (what, why, who, when).
  const gov = await c2.login('gov.clerk')
  assertError(await c2.api('PATCH', `/api/decision-catalogue/${itemId}`, { session: gov, body: { title: '青山县中小学布局调整规划（测试）' } }), 422, 'MISSING_FIELD', 'change_reason')
  assert.equal((await c2.api('PATCH', `/api/decision-catalogue/${itemId}`, { session: await c2.login('jyj.clerk'), body: { title: 'x', change_reason: 'y' } })).status, 403)
  const e = await c2.api('PATCH', `/api/decision-catalogue/${itemId}`, { session: gov, body: { title: '青山县中小学布局调整规划（测试）', change_reason: '按县委意见扩大范围' } })
  assert.equal(e.status, 200, e.text)
  const h = e.json.history.at(-1)
  assert.equal(h.action, 'adjusted')
  assert.match(h.what, /由“青山县中小学布局调整（测试）”改为“青山县中小学布局调整规划（测试）”/)
  assert.equal(h.reason, '按县委意见扩大范围')
  assert.equal(h.changed_on, '2026-09-17')
  assert.ok(h.by)
  assert.deepEqual(e.json.history.map((x) => x.action), ['proposed', 'approved', 'published', 'adjusted'])
  // On the portal's published catalogue.
  const pc = await c2.get('/api/public/decision-catalogue?year=2026&per_page=100')
  assert.ok(pc.json.items.some((x) => x.item_id === itemId && x.title === '青山县中小学布局调整规划（测试）'))
  // A decision only from an approved item, once.
  const s = await c2.login('jyj.clerk')
  const prop = await c2.post('/api/decision-catalogue', { year: 2026, title: '未批准事项', reason: '理由' }, { session: s })
  assertError(await c2.post('/api/decisions', { item_id: prop.json.item_id, draft: 'x', technical: false, affects_stability: false }, { session: s }), 422, 'BAD_VALUE', 'item_id')
  assertError(await c2.post('/api/decisions', { item_id: itemId, draft: 'x', technical: false, affects_stability: false }, { session: s }), 422, 'BAD_VALUE', 'item_id')
  await done(c2)
})

test('scope: another agency neither reads nor acts on a decision; the government and the legal office do; lists and exports follow', async () => {
  const c = await on('2026-11-23')
  const h = await c.login('hbj.clerk')
  for (const p of [`/api/cases/${mainCase}`, `/api/decisions/${mainCase}/comments`, `/api/decisions/${mainCase}/archive`]) {
    assert.equal((await c.get(p, { session: h })).status, 404, p)
  }
  assert.equal((await c.post(`/api/decisions/${mainCase}/experts`, { name: 'a', party: 'b', opinion: 'c', given_on: '2026-11-23' }, { session: h })).status, 404)
  const mine = await c.get('/api/decisions?per_page=100', { session: h })
  assert.equal(mine.status, 200)
  assert.ok(mine.json.items.every((x) => x.case_id !== mainCase))
  for (const u of ['gov.clerk', 'legal', 'zjj.clerk']) {
    const r = await c.get(`/api/decisions?per_page=100&catalogue_year=2026`, { session: await c.login(u) })
    assert.ok(r.json.items.some((x) => x.case_id === mainCase), u)
  }
  for (const p of ['/api/decisions.xlsx?catalogue_year=2026', '/api/decision-catalogue.xlsx?year=2026', '/api/decision-meetings.xlsx?year=2026&study=1', '/api/decision-comments.xlsx?year=2026']) {
    const x = await c.get(p, { session: await c.login('legal') })
    assert.equal(x.status, 200, p)
    assert.equal(x.bytes.subarray(0, 2).toString(), 'PK', p)
  }
  // An agency lists its own catalogue items and comments; the government's meetings are not its records.
  const hbj = await c.agencyOf('hbj.clerk')
  const cat = await c.get('/api/decision-catalogue?year=2026&per_page=100', { session: h })
  assert.ok(cat.json.items.length >= 1 && cat.json.items.every((x) => x.agency_id === hbj))
  const all = await c.get('/api/decision-catalogue?year=2026&per_page=100', { session: await c.login('gov.clerk') })
  assert.ok(new Set(all.json.items.map((x) => x.agency_id)).size >= 5, 'the government lists the county')
  const mt = await c.get('/api/decision-meetings?per_page=100', { session: h })
  assert.equal(mt.json.total, 0)
  const meeting = sql(db, 'SELECT meeting_id FROM dec_meeting LIMIT 1')[0][0]
  assert.equal((await c.get(`/api/decision-meetings/${meeting}`, { session: h })).status, 404)
  assert.equal((await c.get(`/api/decision-meetings/${meeting}`, { session: await c.login('gov.clerk') })).status, 200)
  const cm = await c.get('/api/decision-comments?per_page=100', { session: h })
  assert.ok(cm.json.items.length >= 1 && cm.json.items.every((x) => x.agency_id === hbj))
  await done(c)
})

test('the figures: each equals its drill-down, and the test decision is counted', async () => {
  const c = await on('2026-11-23')
  const s = await c.login('legal')
  for (const q of ['', `&agency_id=${zjj}`]) {
    const f = await c.get(`/api/figures?year=2026${q}`, { session: s })
    assert.equal(f.status, 200)
    const mine = f.json.items.filter((x) => x.module === 'decision')
    assert.equal(mine.length, 10)
    for (const x of mine) {
      const r = await c.get(`${x.drill.path}?${x.drill.query}&per_page=1`, { session: s })
      assert.equal(r.status, 200, `${x.name}: ${r.text}`)
      assert.equal(r.json.total, x.value, `${x.name}${q}`)
    }
    const v = Object.fromEntries(mine.map((x) => [x.name, x.value]))
    for (const n of ['decision.decisions.decided', 'decision.decisions.participation', 'decision.decisions.expert',
      'decision.decisions.risk', 'decision.decisions.evaluated', 'decision.catalogue.items']) assert.ok(v[n] >= 1, n)
    assert.ok(v['decision.decisions.reviewed'] >= 1)
    assert.ok(v['decision.comments.received'] >= 2)
    assert.ok(v['decision.comments.adopted'] >= 1)
  }
  const st = await c.get('/api/decisions/stats?year=2026', { session: s })
  assert.equal(st.status, 200, st.text)
  assert.equal(st.json.figures.length, 10)
  // The meetings with 会前学法 as counted by the figure.
  const n = sqlNumber(db, "SELECT COUNT(*) FROM dec_meeting WHERE study_topic IS NOT NULL AND held_on LIKE '2026-%'")
  assert.equal(st.json.figures.find((x) => x.name === 'decision.meetings.study').value, n)
  // The county government decides every agency's decisions: its office reads the county's statistics
  // (the same as the legal office's) and each figure's drill-down gives it the same total.
  const gov = await c.login('gov.clerk')
  const gs = await c.get('/api/decisions/stats?year=2026', { session: gov })
  assert.equal(gs.status, 200, gs.text)
  assert.deepEqual(gs.json.figures.map((x) => [x.name, x.value]), st.json.figures.map((x) => [x.name, x.value]))
  for (const x of gs.json.figures) {
    const r = await c.get(`${x.drill.path}?${x.drill.query}&per_page=1`, { session: gov })
    assert.equal(r.status, 200, `${x.name}: ${r.text}`)
    assert.equal(r.json.total, x.value, `gov.clerk ${x.name}`)
  }
  // An undertaking agency still reads only its own.
  const own = await c.get('/api/decisions/stats?year=2026', { session: await c.login('zjj.clerk') })
  assert.equal(own.json.agency_id, await c.agencyOf('zjj.clerk'))
  assertError(await c.get('/api/decisions/stats?year=2026&agency_id=abc', { session: gov }), 422, 'BAD_VALUE', 'agency_id')
  await done(c)
})

test('the order holds in every state: no meeting record or decision before a passed review, no review before the earlier steps, each step offered only in its state; the periods are settings with the law\'s floor', async () => {
  const c = await on('2026-11-23')
  const legal = await c.login('legal')
  const all = await c.get('/api/decisions?per_page=100', { session: legal })
  const byState = new Map()
  for (const x of all.json.items) if (!byState.has(x.state)) byState.set(x.state, x.case_id)
  const meeting = sql(db, "SELECT meeting_id FROM dec_meeting ORDER BY meeting_id DESC LIMIT 1")[0][0]
  // Where each step is offered: the states before it never offer the later ones.
  const order = ['drafting', 'participation', 'expert', 'risk', 'ready_review', 'in_review', 'reviewed', 'decided', 'published', 'archived']
  const first = { open_comment: 'drafting', close_comment: 'participation', finish_expert: 'expert', assess_risk: 'risk', submit_review: 'drafting', decide: 'reviewed', publish: 'decided', archive: 'published', evaluate: 'archived' }
  let checked = 0
  for (const [state, id] of byState) {
    const d = await c.detail(id)
    const offered = new Set(d.actions.map((a) => a.name))
    for (const [action, from] of Object.entries(first)) {
      if (order.indexOf(state) < order.indexOf(from) && order.indexOf(state) >= 0) {
        assert.ok(!offered.has(action), `${state} must not offer ${action}`)
      }
    }
    if (['reviewed', 'deferred', 'decided', 'published', 'archived', 'evaluated', 'not_adopted', 'abandoned'].includes(state)) continue
    // Before a passed review: no meeting record, no decision of any outcome; nothing written.
    const before = stored()
    assertError(await c.api('PUT', `/api/decisions/${id}/speeches`, { session: legal, body: speeches() }), 409, 'STATE')
    for (const action of ['decide', 'decide_reject', 'decide_defer']) {
      assertError(await c.act(id, action, 'legal', { meeting_id: Number(meeting), outcome: 'adopted', reason: '测试' }), 409, 'STATE')
    }
    assert.equal(stored(), before, state)
    checked++
  }
  assert.ok(checked >= 4, `states before the review checked: ${[...byState.keys()]}`)
  // The periods: the law's floor is the settings' minimum (第15条 30 days, 第16条 7 days, 第26条 7 working days).
  const s = await c.get('/api/settings', { session: legal })
  const set = Object.fromEntries(s.json.items.map((x) => [x.key, x]))
  assert.equal(set['decision.comment_days'].min, 30)
  assert.equal(set['decision.hearing_notice_days'].min, 7)
  assert.equal(set['decision.review_days'].min, 7)
  assert.equal(set['decision.review_days'].value, 7)
  const head = await c.login('legalhead')
  assertError(await c.api('PUT', '/api/settings/decision.review_days', { session: head, body: { value: 6 } }), 422, undefined, 'value')
  // A longer review period set by the county applies to the next submission.
  assert.equal((await c.api('PUT', '/api/settings/decision.review_days', { session: head, body: { value: 10 } })).status, 200)
  const ready = byState.get('drafting')
  const d = await c.actOk(ready, 'submit_review', 'legal', { summary: '按审查意见修改后重新送审' })
  const r = await c.detail(d.case.fields.review_case_id)
  assert.equal(clock(r, 'review').days, 10)
  // 10 working days after Mon 11-23: 11-24..27 (4), 11-30..12-04 (9), 12-07 (10).
  assert.equal(clock(r, 'review').due_date, '2026-12-07')
  await done(c)
})

test('the portal on the demo county\'s day: the catalogue with an item taken off and why, a consultation open with its hearing, published decisions with how the comments were taken up', async () => {
  const c = await on('2026-11-23')
  const cat = await c.get('/api/public/decision-catalogue?year=2026&per_page=50')
  assert.equal(cat.status, 200)
  assert.ok(cat.json.items.length >= 7)
  assert.ok(cat.json.items.every((x) => x.published_on && x.status !== 'proposed'), 'only published items')
  const dropped = cat.json.items.find((x) => x.status === 'dropped')
  assert.ok(dropped && dropped.drop_reason, 'an item taken off keeps its reason')
  const open = await c.get('/api/public/decision-consultations?status=open')
  const old = open.json.items.find((x) => x.title.includes('老旧小区'))
  assert.ok(old, 'the old residential areas plan is out for comment')
  assert.equal(old.open, true)
  assert.ok(old.days_left > 0)
  assert.ok(old.hearing_on)
  const pub = await c.get('/api/public/decisions?per_page=50')
  const parking = pub.json.items.find((x) => x.title.includes('停车收费'))
  assert.ok(parking)
  const p = await c.get(`/api/public/decisions/${parking.case_id}`)
  assert.match(p.json.comment_account, /采纳/)
  assert.ok(p.json.comments.length >= 1)
  assert.ok(p.json.comments.every((x) => !('name' in x) && !('contact' in x)), 'commenters are not named')
  // A decision not yet published is not on the portal.
  const decided = sql(db, "SELECT case_id FROM case_record WHERE case_type = 'major_decision' AND state = 'decided'")[0][0]
  assert.equal((await c.get(`/api/public/decisions/${decided}`)).status, 404)
  await done(c)
})
