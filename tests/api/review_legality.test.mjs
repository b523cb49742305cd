// The legal office's legality review queue (合法性审核, issue 11), driven through the real server with a
// normative draft as the subject: submission with its materials, the head assigning a reviewer, the
// review period on the calendar with its article, the head's extension (never beyond review.max_days
// in all, never after the due day), the points raised with their legal bases, the opinion (修改后合法 and
// 不合法 need points; 不合法 sends the draft back to drafting), the opinion letter numbered once per
// year, the drafting agency's account of adoption, the queue's filters, statistics and figures.
//
// What a user checks: each refusal says in Chinese which field and writes nothing; another agency sees
// none of it; the due days are those of the official calendar.
//
// Days counted by hand from data/cn-calendar.csv (a period counts from the day after submission):
//   2025: 09-28 Sun make-up; 10-01..10-08 国庆节、中秋节; 10-11 Sat make-up.
//     Submitted Mon 09-29: 09-30 (1), 10-09 (2), 10-10 (3), 10-11 (4, make-up Saturday), 10-13 (5).
//     Extended by 3: 10-14, 10-15, 10-16.
//   2026: 02-14 Sat make-up; 02-15..02-23 春节; 02-28 Sat make-up.
//     Submitted Wed 02-11: 02-12 (1), 02-13 (2), 02-14 (3, make-up), 02-24 (4), 02-25 (5);
//     +5: 02-26, 02-27, 02-28 (make-up), 03-02, 03-03.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll, multipart, fazhiOk, DEMO_PASSWORD } from './lib.mjs'

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

const BODY = '第一条 为规范本县户外广告设置，制定本办法。\n' +
  '第二条 设置户外广告应当符合本县户外广告设置规划。\n' +
  '第三条 未经批准设置户外广告的，由城市管理部门责令限期拆除。\n'

function draftInput (over = {}) {
  return {
    title: '青山县户外广告设置管理办法', issuing_body: '青山县人民政府', number_prefix: '青政规',
    off_plan_reason: '城区改造后急需规范户外广告设置', drafting_note: '起草说明：依据上位法，结合本县实际。',
    basis: '《城市市容和环境卫生管理条例》', body: BODY,
    affects_public: false, affects_market: false, ...over,
  }
}

/** What a refused request must leave as it was. */
function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM legal_review_point), (SELECT COUNT(*) FROM blob_store),' +
    " (SELECT COALESCE(SUM(last_no), 0) FROM number_seq WHERE code = '法审')," +
    " (SELECT group_concat(COALESCE(reviewer_id, 0) || '/' || extended_days || '/' || COALESCE(opinion, '-')) FROM legal_review)," +
    " (SELECT group_concat(days || '/' || extended_days || '/' || COALESCE(due_date, '-')) FROM case_clock WHERE name = 'review')," +
    " (SELECT group_concat(COALESCE(adopted, 9) || COALESCE(adoption_note, '')) FROM legal_review_point)," +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type IN ('norm_doc', 'legal_review'))")
  return row.join('|')
}

const clock = (d, name) => d.clocks.find((k) => k.name === name)
const userId = (name) => Number(sql(db, `SELECT user_id FROM app_user WHERE username = '${name}'`)[0][0])
const lastLetter = (year) => Number(sql(db, `SELECT COALESCE(MAX(last_no), 0) FROM number_seq WHERE code = '法审' AND year = ${year}`)[0][0])

function docxText (bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx starts with PK')
  const tmp = mkTemp('fazhi-review-docx-')
  try {
    const f = path.join(tmp, 'letter.docx')
    fs.writeFileSync(f, bytes)
    const r = spawnSync('unzip', ['-p', f, 'word/document.xml'], { maxBuffer: 64 << 20 })
    assert.equal(r.status, 0, String(r.stderr))
    return [...r.stdout.toString('utf8').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}

async function submitDraft (c, over = {}) {
  const s = await c.login('scj.clerk')
  const r = await c.post('/api/normative/drafts', draftInput(over), { session: s })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case.case_id
  const d = await c.actOk(id, 'submit_review', 'scj.clerk', { summary: '请予合法性审核，起草说明和依据见附件。' })
  assert.equal(d.case.state, 'in_review')
  return { draft: id, review: d.case.fields.review_case_id }
}

before(() => {
  dir = mkTemp('fazhi-review-')
  db = makeDb(dir)
  // A second reviewer of the legal office, to show that only the assigned one gives the opinion.
  fazhiOk(['user', 'add', '--db', db, '--username', 'legal2', '--name', '赵审核', '--role', 'legal_staff',
    '--agency', 'sfj', '--password', DEMO_PASSWORD])
})
after(() => stopAll(servers))

let DRAFT, REVIEW
test('submitted across 国庆节 2025: the drafting agency\'s review case, due on the 5th working day with its article, materials attached', async () => {
  const c = await on('2025-09-29')
  try {
    ;({ draft: DRAFT, review: REVIEW } = await submitDraft(c))
    const r = await c.detail(REVIEW, 'legalhead')
    assert.equal(r.case.case_type, 'legal_review')
    assert.equal(r.case.state, 'submitted')
    assert.equal(r.case.agency_id, await c.agencyOf('scj.clerk'), 'the review belongs to the drafting agency')
    const f = r.case.fields
    assert.equal(f.kind, 'norm_doc')
    assert.equal(f.kind_label, '行政规范性文件')
    assert.equal(f.subject_case_id, DRAFT)
    assert.equal(f.subject_title, '青山县户外广告设置管理办法')
    assert.equal(f.summary, '请予合法性审核，起草说明和依据见附件。')
    assert.equal(f.submitted_on, '2025-09-29')
    assert.deepEqual(f.points, [])
    const k = clock(r, 'review')
    assert.equal(k.due_date, '2025-10-13', '09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13')
    assert.match(JSON.stringify(k), /115号/, 'the clock shows its article')
    // Materials: the drafting agency attaches its files to the review case.
    const up = multipart('起草说明.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'), { type: 'application/pdf' })
    const a = await c.api('POST', `/api/cases/${REVIEW}/attachments`, { session: await c.login('scj.clerk'), body: up.body, headers: up.headers })
    assert.equal(a.status, 201, a.text)
    assert.equal((await c.detail(REVIEW, 'legal')).attachments.length, 1)
    // Another agency sees nothing of it: not the case, not in the queue, not by filtering for it.
    const hbj = await c.login('hbj.clerk')
    assert.equal((await c.get(`/api/cases/${REVIEW}`, { session: hbj })).status, 404)
    assert.equal((await c.get(`/api/reviews/${REVIEW}/letter`, { session: hbj })).status, 404)
    for (const q of ['', `?agency_id=${await c.agencyOf('scj.clerk')}`]) {
      const l = await c.get(`/api/reviews${q}`, { session: hbj })
      assert.equal(l.status, 200, l.text)
      assert.ok(!l.json.items.some((x) => x.case_id === REVIEW), `hbj.clerk /api/reviews${q}`)
    }
    // The drafting agency and the legal office see it in the queue, with the subject and the period.
    for (const u of ['scj.clerk', 'legal']) {
      const l = await c.get('/api/reviews?state=submitted', { session: await c.login(u) })
      const row = l.json.items.find((x) => x.case_id === REVIEW)
      assert.ok(row, `${u} sees the review in the queue`)
      assert.equal(row.subject_title, '青山县户外广告设置管理办法')
      assert.equal(row.kind_label, '行政规范性文件')
      assert.equal(row.review_due_on, '2025-10-13')
    }
  } finally { await done(c) }
})

test('assigning: the head picks a legal office reviewer; anyone else, or a reviewer outside the office, is refused and nothing is written', async () => {
  const c = await on('2025-09-30')
  try {
    // The picker lists the office's staff, for the legal office only.
    const pick = await c.get('/api/reviews/reviewers', { session: await c.login('legalhead') })
    assert.equal(pick.status, 200, pick.text)
    const names = pick.json.reviewers.map((x) => x.name)
    assert.ok(names.includes('王晓燕') && names.includes('赵审核'), names.join(','))
    assert.ok(pick.json.reviewers.every((x) => ['legal_staff', 'legal_head'].includes(x.role)))
    assertError(await c.get('/api/reviews/reviewers', { session: await c.login('scj.clerk') }), 403)
    const before = stored()
    assertError(await c.act(REVIEW, 'assign', 'legal', { reviewer_id: userId('legal') }), 403)
    assertError(await c.act(REVIEW, 'assign', 'scj.head', { reviewer_id: userId('legal') }), 403)
    const e = assertError(await c.act(REVIEW, 'assign', 'legalhead', { reviewer_id: userId('scj.clerk') }), 422, 'BAD_VALUE', 'reviewer_id')
    assert.match(e.message, /法制机构/)
    assertError(await c.act(REVIEW, 'assign', 'legalhead', {}), 422, undefined, 'reviewer_id')
    // Points before a reviewer is assigned: not yet.
    assertError(await c.post(`/api/reviews/${REVIEW}/points`, { point: '要点', basis: '依据' }, { session: await c.login('legalhead') }), 409, 'STATE')
    assert.equal(stored(), before)
    const d = await c.actOk(REVIEW, 'assign', 'legalhead', { reviewer_id: userId('legal') })
    assert.equal(d.case.state, 'reviewing')
    assert.equal(d.case.fields.reviewer_name, '王晓燕')
    assert.equal(d.case.fields.assigned_on, '2025-09-30')
    // 我的: the reviewer's queue has it; the other reviewer's does not.
    assert.ok((await c.get('/api/reviews?mine=1', { session: await c.login('legal') })).json.items.some((x) => x.case_id === REVIEW))
    assert.ok(!(await c.get('/api/reviews?mine=1', { session: await c.login('legal2') })).json.items.some((x) => x.case_id === REVIEW))
  } finally { await done(c) }
})

test('extension by the head: at most review.max_days (15 WD) in all, refused naming days; 3 more days move the due day to 10-16', async () => {
  const c = await on('2025-10-13')
  try {
    const before = stored()
    assertError(await c.act(REVIEW, 'extend', 'legal', { days: 3, reason: '材料较多' }), 403)
    const e = assertError(await c.act(REVIEW, 'extend', 'legalhead', { days: 11, reason: '材料较多' }), 422, 'BAD_VALUE', 'days')
    assert.match(e.message, /15 个工作日/)
    assert.match(e.message, /合法性审核最长期限/)
    assertError(await c.act(REVIEW, 'extend', 'legalhead', { days: 3 }), 422, undefined, 'reason')
    assert.equal(stored(), before)
    const d = await c.actOk(REVIEW, 'extend', 'legalhead', { days: 3, reason: '涉及多部门职责，需征求相关部门意见' })
    assert.equal(d.case.state, 'reviewing')
    assert.equal(clock(d, 'review').due_date, '2025-10-16')
    assert.equal(d.case.fields.extended_days, 3)
    assert.equal(d.case.fields.extension_reason, '涉及多部门职责，需征求相关部门意见')
  } finally { await done(c) }
})

test('points and the opinion: only the assigned reviewer; 不合法 and 修改后合法 need a point; 不合法 sends the draft back, with the letter numbered once', async () => {
  const c = await on('2025-10-15')
  try {
    const legal = await c.login('legal')
    let before = stored()
    // Opinions without points, by someone else, by the drafting agency: refused, nothing written.
    let e = assertError(await c.act(REVIEW, 'opinion', 'legal', { opinion: 'unlawful', summary: '不合法' }), 422, 'MISSING_FIELD', 'points')
    assert.match(e.message, /不合法/)
    assertError(await c.act(REVIEW, 'opinion', 'legal', { opinion: 'lawful_if_amended', summary: '修改后合法' }), 422, 'MISSING_FIELD', 'points')
    assertError(await c.act(REVIEW, 'opinion', 'legal2', { opinion: 'lawful', summary: '合法' }), 403)
    assertError(await c.act(REVIEW, 'opinion', 'scj.clerk', { opinion: 'lawful', summary: '合法' }), 403)
    assertError(await c.act(REVIEW, 'opinion', 'legal', { opinion: 'fine', summary: '合法' }), 422, undefined, 'opinion')
    // Points: text and basis both required; only the assigned reviewer (or the head); not the agency.
    e = assertError(await c.post(`/api/reviews/${REVIEW}/points`, { point: '第三条设定责令拆除' }, { session: legal }), 422, undefined, 'basis')
    assertError(await c.post(`/api/reviews/${REVIEW}/points`, { point: '   ', basis: '依据' }, { session: legal }), 422, undefined, 'point')
    assertError(await c.post(`/api/reviews/${REVIEW}/points`, { point: '要点', basis: '依据' }, { session: await c.login('legal2') }), 403)
    assertError(await c.post(`/api/reviews/${REVIEW}/points`, { point: '要点', basis: '依据' }, { session: await c.login('scj.clerk') }), 403)
    assert.equal((await c.post(`/api/reviews/${REVIEW}/points`, { point: '要点', basis: '依据' }, { session: await c.login('hbj.clerk') })).status, 403)
    assertError(await c.get(`/api/reviews/${REVIEW}/letter`, { session: legal }), 409, 'STATE')
    assert.equal(stored(), before)
    // Add two, edit one, remove one.
    let r = await c.post(`/api/reviews/${REVIEW}/points`, { point: '第三条规定未经批准设置户外广告的责令限期拆除，属于设定行政强制措施。', basis: '《中华人民共和国行政强制法》第十条' }, { session: legal })
    assert.equal(r.status, 201, r.text)
    r = await c.post(`/api/reviews/${REVIEW}/points`, { point: '第二条表述不清', basis: '《立法技术规范》' }, { session: legal })
    assert.equal(r.status, 201, r.text)
    assert.deepEqual(r.json.case.fields.points.map((p) => p.seq), [1, 2])
    r = await c.api('PUT', `/api/reviews/${REVIEW}/points/2`, { session: legal, body: { point: '第二条“设置规划”未明确制定主体', basis: '《中华人民共和国城乡规划法》第十一条' } })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.case.fields.points[1].basis, '《中华人民共和国城乡规划法》第十一条')
    assertError(await c.api('PUT', `/api/reviews/${REVIEW}/points/9`, { session: legal, body: { point: '无', basis: '无' } }), 404, undefined, 'seq')
    r = await c.api('DELETE', `/api/reviews/${REVIEW}/points/2`, { session: legal })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.case.fields.points.length, 1)
    const labels = r.json.events.map((e) => e.action_label)
    assert.ok(labels.includes('记录审核意见要点') && labels.includes('删除审核意见要点'), labels.join('、'))
    // 不合法: the review is done and the draft goes back to drafting.
    const year = lastLetter(2025)
    const d = await c.actOk(REVIEW, 'opinion', 'legal', { opinion: 'unlawful', summary: '第三条设定行政强制措施，应予删除。' })
    assert.equal(d.case.state, 'done')
    assert.equal(d.case.fields.opinion_label, '不合法')
    assert.equal(d.case.fields.letter_number, `青司法审〔2025〕${year + 1}号`)
    assert.equal(clock(d, 'review').state, 'stopped')
    const draft = await c.detail(DRAFT, 'scj.clerk')
    assert.equal(draft.case.state, 'drafting')
    assert.equal(draft.case.fields.review_opinion, 'unlawful')
    // The letter: the subject, the point with its basis, the conclusion; the same file every time.
    const l1 = await c.get(`/api/reviews/${REVIEW}/letter`, { session: await c.login('scj.clerk') })
    assert.equal(l1.status, 200, l1.text)
    assert.match(l1.headers.get('content-type'), /wordprocessingml/)
    assert.match(decodeURIComponent(l1.headers.get('content-disposition')), /合法性审核意见书（青司法审〔2025〕\d+号）\.docx/)
    const text = docxText(l1.bytes)
    for (const s of ['合法性审核意见书', `青司法审〔2025〕${year + 1}号`, '青山县户外广告设置管理办法', '属于设定行政强制措施',
      '《中华人民共和国行政强制法》第十条', '审核结论为：不合法', '青山县司法局', '2025年10月15日', '青山县市场监督管理局']) {
      assert.ok(text.includes(s), `the letter says ${s}: ${text}`)
    }
    const l2 = await c.get(`/api/reviews/${REVIEW}/letter`, { session: legal })
    assert.ok(l1.bytes.equals(l2.bytes), 'downloaded twice, the same file')
    assert.equal(lastLetter(2025), year + 1, 'downloads draw no number')
    // After the opinion the points are frozen.
    before = stored()
    assertError(await c.post(`/api/reviews/${REVIEW}/points`, { point: '补充', basis: '依据' }, { session: legal }), 409, 'STATE')
    assertError(await c.act(REVIEW, 'opinion', 'legal', { opinion: 'lawful', summary: '合法' }), 409)
    assertError(await c.act(REVIEW, 'extend', 'legalhead', { days: 1, reason: '再延长' }), 409)
    assert.equal(stored(), before)
  } finally { await done(c) }
})

test('adoption: the drafting agency says for each point whether it was adopted (未采纳 with its reason); nobody else may', async () => {
  const c = await on('2025-10-17')
  try {
    const scj = await c.login('scj.clerk')
    const before = stored()
    assertError(await c.post(`/api/reviews/${REVIEW}/points/1/adoption`, { adopted: false }, { session: scj }), 422, 'MISSING_FIELD', 'note')
    assertError(await c.post(`/api/reviews/${REVIEW}/points/1/adoption`, { note: '已改' }, { session: scj }), 422, undefined, 'adopted')
    assertError(await c.post(`/api/reviews/${REVIEW}/points/1/adoption`, { adopted: true }, { session: await c.login('legal') }), 403)
    assertError(await c.post(`/api/reviews/${REVIEW}/points/1/adoption`, { adopted: true }, { session: await c.login('hbj.clerk') }), 404)
    assertError(await c.post(`/api/reviews/${REVIEW}/points/7/adoption`, { adopted: true }, { session: scj }), 404, undefined, 'seq')
    assert.equal(stored(), before)
    const r = await c.post(`/api/reviews/${REVIEW}/points/1/adoption`, { adopted: true, note: '已删除第三条' }, { session: scj })
    assert.equal(r.status, 200, r.text)
    const p = r.json.case.fields.points[0]
    assert.equal(p.adopted, true)
    assert.equal(p.adoption_label, '采纳')
    assert.equal(p.adoption_note, '已删除第三条')
    assert.equal(p.adoption_on, '2025-10-17')
    // Revised and submitted again: a new review; 修改后合法 lets the draft go on to deliberation.
    await c.actOk(DRAFT, 'revise', 'scj.clerk', { body: BODY.replace('由城市管理部门责令限期拆除', '依照《城市市容和环境卫生管理条例》的规定处理') })
    const d = await c.actOk(DRAFT, 'submit_review', 'scj.clerk', { summary: '已删除第三条，请再次审核' })
    const second = d.case.fields.review_case_id
    assert.notEqual(second, REVIEW)
    await c.actOk(second, 'assign', 'legalhead', { reviewer_id: userId('legal2') })
    const s2 = await c.login('legal2')
    assert.equal((await c.post(`/api/reviews/${second}/points`, { point: '第二条应明确规划的制定机关', basis: '《中华人民共和国城乡规划法》第十一条' }, { session: s2 })).status, 201)
    const year = lastLetter(2025)
    const o = await c.actOk(second, 'opinion', 'legal2', { opinion: 'lawful_if_amended', summary: '按意见修改后合法。' })
    assert.equal(o.case.fields.letter_number, `青司法审〔2025〕${year + 1}号`, 'the next number of the year')
    assert.equal((await c.detail(DRAFT, 'scj.clerk')).case.state, 'reviewed')
    assert.match(docxText((await c.get(`/api/reviews/${second}/letter`, { session: scj })).bytes), /审核结论为：修改后合法/)
    const n = await c.post(`/api/reviews/${second}/points/1/adoption`, { adopted: false, note: '规划由县政府制定，已有规定，无需重复' }, { session: scj })
    assert.equal(n.status, 200, n.text)
    assert.equal(n.json.case.fields.points[0].adoption_label, '未采纳')
  } finally { await done(c) }
})

let SPRING
test('across 春节 2026: due on 02-25; extended by 5 to 03-03; never beyond 15 WD; no extension after the due day; late, it shows red', async () => {
  const c = await on('2026-02-11')
  try {
    ;({ review: SPRING } = await submitDraft(c, { title: '青山县停车场管理暂行办法' }))
    let d = await c.detail(SPRING, 'legalhead')
    assert.equal(clock(d, 'review').due_date, '2026-02-25', '02-12, 02-13, 02-14 (make-up), 02-24, 02-25')
    const before = stored()
    assertError(await c.act(SPRING, 'extend', 'legalhead', { days: 11, reason: '春节' }), 422, 'BAD_VALUE', 'days')
    assert.equal(stored(), before)
    d = await c.actOk(SPRING, 'extend', 'legalhead', { days: 5, reason: '春节假期' })
    assert.equal(clock(d, 'review').due_date, '2026-03-03', '02-26, 02-27, 02-28 (make-up), 03-02, 03-03')
    const again = stored()
    const e = assertError(await c.act(SPRING, 'extend', 'legalhead', { days: 6, reason: '再次延长' }), 422, 'BAD_VALUE', 'days')
    assert.match(e.message, /最多还能延长 5 个工作日/)
    assert.equal(stored(), again)
  } finally { await done(c) }
  const c2 = await on('2026-03-04')
  try {
    const before = stored()
    const e = assertError(await c2.act(SPRING, 'extend', 'legalhead', { days: 1, reason: '逾期后延长' }), 409, 'STATE')
    assert.match(e.message, /合法性审核期限/)
    assert.equal(stored(), before)
    // Overdue in the queue: 逾期 (band red), and not in the green band.
    const s = await c2.login('legal')
    assert.ok((await c2.get('/api/reviews?band=red', { session: s })).json.items.some((x) => x.case_id === SPRING))
    assert.ok(!(await c2.get('/api/reviews?band=green', { session: s })).json.items.some((x) => x.case_id === SPRING))
    await c2.actOk(SPRING, 'assign', 'legalhead', { reviewer_id: userId('legal') })
    const d = await c2.actOk(SPRING, 'opinion', 'legal', { opinion: 'lawful', summary: '合法。' })
    assert.equal(d.case.fields.letter_number, `青司法审〔2026〕${lastLetter(2026)}号`)
    // Numbering starts again each year: 2026's numbers count the letters of 2026 only.
    assert.equal(lastLetter(2026), Number(sql(db, "SELECT COUNT(*) FROM legal_review WHERE letter_number LIKE '%〔2026〕%'")[0][0]))
  } finally { await done(c2) }
})

test('the queue: filters by mine, state, kind, agency, band, year, opinion and keyword; sorts; Excel; bad values refused naming the parameter', async () => {
  const c = await on('2026-03-05')
  try {
    const s = await c.login('legal')
    const get = async (q, who = s) => {
      const r = await c.get(`/api/reviews?${q}`, { session: who })
      assert.equal(r.status, 200, `${q}: ${r.text}`)
      return r.json
    }
    const ours = (j) => j.items.filter((x) => [REVIEW, SPRING].includes(x.case_id)).map((x) => x.case_id)
    assert.deepEqual(ours(await get('year=2025&per_page=100')), [REVIEW])
    assert.deepEqual(ours(await get('year=2026&per_page=100')), [SPRING])
    assert.deepEqual(ours(await get('opinion=unlawful&per_page=100')), [REVIEW])
    assert.deepEqual(ours(await get('opinion=不合法&per_page=100')), [REVIEW])
    assert.ok((await get('kind=norm_doc&per_page=100')).items.every((x) => x.kind === 'norm_doc'))
    assert.ok((await get('state=done&per_page=100')).items.every((x) => x.state === 'done'))
    assert.deepEqual(ours(await get('q=停车场&per_page=100')), [SPRING])
    assert.deepEqual(ours(await get('q=青司法审〔2025〕&per_page=100')), [REVIEW])
    assert.ok((await get(`agency_id=${await c.agencyOf('hbj.clerk')}`)).items.every((x) => x.agency_name !== '青山县市场监督管理局'))
    assert.deepEqual(ours(await get('mine=1&per_page=100', await c.login('legal'))).sort(), [REVIEW, SPRING].sort())
    const sorted = (await get('sort=-submitted_on&per_page=100')).items.map((x) => x.submitted_on)
    assert.deepEqual(sorted, [...sorted].sort().reverse())
    assertError(await c.get('/api/reviews?kind=gift', { session: s }), 422, 'BAD_VALUE', 'kind')
    assertError(await c.get('/api/reviews?band=purple', { session: s }), 422, 'BAD_VALUE', 'band')
    assertError(await c.get('/api/reviews?state=lost', { session: s }), 422, 'BAD_VALUE', 'state')
    const x = await c.get('/api/reviews.xlsx?year=2025', { session: s })
    assert.equal(x.status, 200)
    assert.match(x.headers.get('content-type'), /spreadsheetml/)
    assert.equal(x.bytes.subarray(0, 2).toString('latin1'), 'PK')
    // The points list, as the figures' drill-down, for the drafting agency too.
    const p = await c.get('/api/reviews/points?opinion_year=2025&per_page=100', { session: await c.login('scj.clerk') })
    assert.equal(p.status, 200, p.text)
    assert.ok(p.json.items.length >= 2)
    assert.ok(p.json.items.every((x) => x.agency_name === '青山县市场监督管理局'))
    const hp = await c.get('/api/reviews/points?opinion_year=2025&per_page=100', { session: await c.login('hbj.clerk') })
    assert.ok(!hp.json.items.some((x) => x.case_id === REVIEW), 'another agency sees none of its points')
  } finally { await done(c) }
})

test('statistics and figures: per kind for the year, the figures equal their drill-down lists', async () => {
  const c = await on('2026-03-05')
  try {
    const s = await c.login('legal')
    const st = await c.get('/api/reviews/stats?year=2025', { session: s })
    assert.equal(st.status, 200, st.text)
    const norm = st.json.kinds.find((k) => k.kind === 'norm_doc')
    assert.equal(norm.label, '行政规范性文件')
    const base = Number(sql(db, "SELECT COUNT(*) FROM legal_review WHERE kind = 'norm_doc' AND opinion_on LIKE '2025-%'")[0][0])
    assert.equal(norm.done, base)
    assert.ok(norm.unlawful >= 1 && norm.lawful_if_amended >= 1)
    assert.ok(norm.points_raised >= 2 && norm.points_adopted >= 1 && norm.points_not_adopted >= 1)
    assert.equal(st.json.review_days, 5)
    assert.equal(st.json.review_max_days, 15)
    const f = Object.fromEntries(st.json.figures.map((x) => [x.name, x]))
    assert.equal(f['review.reviews.done'].value, st.json.total.done)
    assert.equal(f['review.reviews.unlawful'].value, st.json.total.unlawful)
    assert.equal(f['review.points.raised'].value, st.json.total.points_raised)
    assert.equal(f['review.points.adopted'].value, st.json.total.points_adopted)
    for (const x of st.json.figures) {
      const r = await c.get(`${x.drill.path}?${x.drill.query}&per_page=1`, { session: s })
      assert.equal(r.status, 200, r.text)
      assert.equal(r.json.total, x.value, x.name)
    }
    // 2026: the 春节 review was answered late.
    const y26 = await c.get('/api/reviews/stats?year=2026', { session: s })
    assert.ok(y26.json.kinds.find((k) => k.kind === 'norm_doc').overdue >= 1)
    // An agency user's statistics are its own agency's.
    const mine = await c.get('/api/reviews/stats?year=2025', { session: await c.login('hbj.clerk') })
    assert.equal(mine.status, 200)
    assert.equal(mine.json.agency_id, await c.agencyOf('hbj.clerk'))
    const hbj = await c.agencyOf('hbj.clerk')
    assert.equal(mine.json.kinds.find((k) => k.kind === 'norm_doc').done,
      Number(sql(db, `SELECT COUNT(*) FROM legal_review r JOIN case_record c ON c.case_id = r.case_id WHERE c.agency_id = ${hbj} AND r.kind = 'norm_doc' AND r.opinion_on LIKE '2025-%'`)[0][0]))
    assertError(await c.get('/api/reviews/stats?year=1999', { session: s }), 422, undefined, 'year')
  } finally { await done(c) }
})

test('a point given with the opinion itself counts as the point 修改后合法 needs; without its basis the opinion is refused and nothing is written', async () => {
  const c = await on('2026-03-02')
  try {
    const { draft, review } = await submitDraft(c, { title: '青山县户外广告设置管理办法' })
    const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
    await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
    const before = stored()
    assertError(await c.act(review, 'opinion', 'legal', { opinion: 'lawful_if_amended', summary: '需修改', point: '第五条设定的审批无上位法依据' }), 422, 'MISSING_FIELD', 'basis')
    assert.equal(stored(), before)
    const d = await c.actOk(review, 'opinion', 'legal', {
      opinion: 'lawful_if_amended', summary: '修改后合法',
      point: '第五条设定的审批无上位法依据，应当删除', basis: '《中华人民共和国行政许可法》第十七条',
    })
    assert.equal(d.case.state, 'done')
    assert.deepEqual(d.case.fields.points.map((p) => p.basis), ['《中华人民共和国行政许可法》第十七条'])
    assert.equal((await c.detail(draft, 'scj.clerk')).case.state, 'reviewed')
  } finally { await done(c) }
})
