// Normative documents after issue (issue 11, points 7 and 8, the public library): the status and
// text of a document on any day across an amendment and a repeal; what changed between versions;
// expiry by the daily job; evaluation before expiry; repeal; the staff list in the agency's scope;
// the portal's library, whose search finds two- and three-character words and shows nothing of
// drafts or staff fields.
//
// Documents are made through the drafting routes (draft, review, deliberation, issue), each day
// with its own server and FAZHI_TODAY. The provisional period is set to 1 year so expiry falls
// inside the loaded calendar (2024-2026):
//   B 青山县殡葬服务暂行办法 and E 青山县流动摊点管理试行办法: issued 2025-03-03, in force from
//   2025-03-10, valid until 2026-03-09; the evaluation window (6 months) opens 2025-09-10.
//   C 青山县建筑工地扬尘治理暂行办法 (another agency): issued 2025-03-04, in force 2025-03-11, valid
//   until 2026-03-10; continued to 2026-12-31 by the legal office.
//   A 青山县农贸市场管理办法: issued 2025-03-03, in force 2025-04-01; amended (issued 2025-06-02, in
//   force 2025-07-01); repealed 2025-11-03.
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

const BODY_A = '第一条 为规范本县农贸市场经营秩序，制定本办法。\n' +
  '第二条 市场开办者应当建立经营者档案。\n' +
  '第三条 市场开办者应当合理设置摊位，公示摊位租金标准。\n' +
  '第四条 本办法自施行之日起实施。\n'
const BODY_A2 = '第一条 为规范本县农贸市场经营秩序，制定本办法。\n' +
  '第二条 市场开办者应当建立经营者档案。\n' +
  '第三条 市场开办者应当设置公秤和电子秤复核点。\n' +
  '第四条 本办法自施行之日起实施。\n'

/* A document through the drafting routes on the server's day: draft, review (合法), deliberation, issue. */
async function issue (c, user, { title, body, amends, issuedOn, effectiveOn, summary }) {
  const s = await c.login(user)
  const r = await c.post('/api/normative/drafts', {
    title, body, issuing_body: '青山县人民政府', number_prefix: '青政规', off_plan_reason: '工作需要',
    drafting_note: '起草说明', basis: '有关法律法规', affects_public: false, affects_market: false,
    ...(amends ? { amends_doc_id: amends } : {}),
  }, { session: s })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case.case_id
  const d = await c.actOk(id, 'submit_review', user, { summary: '请予审核' })
  const review = d.case.fields.review_case_id
  const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
  await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
  await c.actOk(review, 'opinion', 'legal', { opinion: 'lawful', summary: '合法。' })
  await c.actOk(id, 'deliberate', user, { meeting: '县政府常务会议', deliberated_on: issuedOn, outcome: 'adopted' })
  const out = await c.actOk(id, 'issue', user, { issued_on: issuedOn, effective_on: effectiveOn, ...(summary ? { change_summary: summary } : {}) })
  return out.case.fields.doc_id
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM norm_version),' +
    ' (SELECT COUNT(*) FROM norm_evaluation),' +
    " (SELECT group_concat(doc_id || status || COALESCE(valid_until, '') || COALESCE(ended_on, ''), ',') FROM norm_document)")
  return row.join('|')
}

const pub = (c, id, day) => c.get(`/api/public/normative/documents/${id}${day ? `?on=${day}` : ''}`)
const ids = (r) => r.json.items.map((i) => i.doc_id).sort((a, b) => a - b)
// The demo county has documents of its own: the assertions look at the ones made here.
const ours = (r) => ids(r).filter((id) => [A, B, C, E].includes(id))
const sorted = (...xs) => xs.sort((a, b) => a - b)

let A, B, C, E, DRAFT
before(() => {
  dir = mkTemp('fazhi-normlib-')
  db = makeDb(dir)
  sql(db, "INSERT INTO setting(key, value, updated_at) VALUES ('normative.provisional_years', '1', '2025-01-01T00:00:00Z')" +
    " ON CONFLICT (key) DO UPDATE SET value = '1'")
})
after(() => stopAll(servers))

test('issued documents: numbered, in the staff list within the agency scope, in the library; drafts never', async () => {
  let c = await on('2025-03-03')
  try {
    A = await issue(c, 'scj.clerk', { title: '青山县农贸市场管理办法', body: BODY_A, issuedOn: '2025-03-03', effectiveOn: '2025-04-01' })
    B = await issue(c, 'scj.clerk', { title: '青山县殡葬服务暂行办法', body: '第一条 规范殡葬服务，推行节地生态安葬。\n第二条 本办法自施行之日起实施。\n', issuedOn: '2025-03-03', effectiveOn: '2025-03-10' })
    E = await issue(c, 'scj.clerk', { title: '青山县流动摊点管理试行办法', body: '第一条 流动摊点应当在划定区域经营。\n', issuedOn: '2025-03-03', effectiveOn: '2025-03-10' })
    // A draft that is never issued: its words must not reach the library.
    const s = await c.login('scj.clerk')
    DRAFT = (await c.post('/api/normative/drafts', {
      title: '青山县信鸽放飞管理办法', body: '第一条 放飞信鸽应当办理登记。', issuing_body: '青山县人民政府', number_prefix: '青政规',
      off_plan_reason: '工作需要', drafting_note: '起草说明', basis: '有关法律法规', affects_public: false, affects_market: false,
    }, { session: s })).json?.case?.case_id
  } finally { await done(c) }
  c = await on('2025-03-04')
  try {
    C = await issue(c, 'hbj.clerk', { title: '青山县建筑工地扬尘治理暂行办法', body: '第一条 施工单位应当落实扬尘防治措施。\n', issuedOn: '2025-03-04', effectiveOn: '2025-03-11' })
    // The staff list: each agency its own, the legal office all.
    const scjAgency = Number(sql(db, `SELECT agency_id FROM norm_document WHERE doc_id = ${A}`)[0][0])
    const hbjAgency = Number(sql(db, `SELECT agency_id FROM norm_document WHERE doc_id = ${C}`)[0][0])
    const scj = await c.get('/api/normative/documents?per_page=100', { session: await c.login('scj.clerk') })
    assert.equal(scj.status, 200, scj.text)
    assert.deepEqual(ours(scj), sorted(A, B, E))
    assert.ok(scj.json.items.every((i) => i.agency_id === scjAgency), 'only its own agency')
    const hbj = await c.get('/api/normative/documents?per_page=100', { session: await c.login('hbj.clerk') })
    assert.deepEqual(ours(hbj), [C])
    assert.ok(hbj.json.items.every((i) => i.agency_id === hbjAgency), 'only its own agency')
    const other = await c.get(`/api/normative/documents?agency_id=${scjAgency}`, { session: await c.login('hbj.clerk') })
    assert.ok(other.status === 403 || (other.status === 200 && other.json.items.length === 0), other.text)
    assert.equal((await c.get(`/api/normative/documents/${A}`, { session: await c.login('hbj.clerk') })).status, 404)
    const all = await c.get('/api/normative/documents?per_page=100', { session: await c.login('legal') })
    assert.deepEqual(ours(all), sorted(A, B, C, E))
    const b = all.json.items.find((i) => i.doc_id === B)
    assert.equal(b.valid_until, '2026-03-09')
    assert.equal(b.status_label, '现行有效')
    assert.match(b.number, /^青政规〔2025〕\d+号$/)
    // Filters: a bad status names the field; year and status; the Excel export.
    assertError(await c.get('/api/normative/documents?status=gone', { session: await c.login('legal') }), 422, 'BAD_VALUE', 'status')
    assert.deepEqual(ours(await c.get('/api/normative/documents?year=2024&per_page=100', { session: await c.login('legal') })), [])
    const x = await c.get('/api/normative/documents.xlsx?status=in_force', { session: await c.login('scj.clerk') })
    assert.equal(x.status, 200)
    assert.equal(x.bytes.subarray(0, 2).toString(), 'PK')
    // The library: issued documents only, no staff fields.
    const lib = await c.get('/api/public/normative/documents?per_page=100')
    assert.equal(lib.status, 200, lib.text)
    assert.deepEqual(ours(lib), sorted(A, B, C, E))
    assert.equal(lib.json.total, Number(sql(db, 'SELECT COUNT(*) FROM norm_document')[0][0]), 'issued documents only')
    assert.equal(lib.json.items[0].agency_id, undefined)
    assert.equal((await c.get('/api/public/normative/documents?q=' + encodeURIComponent('信鸽'))).json.total, 0)
    assert.equal((await c.get('/api/public/normative/documents?q=' + encodeURIComponent('放飞信鸽'))).json.total, 0)
    assert.equal((await pub(c, 999999)).status, 404)
  } finally { await done(c) }
})

test('search: two- and three-character words find their documents and no others', async () => {
  const c = await on('2025-03-05')
  try {
    const find = async (q, extra = '') => {
      const r = await c.get(`/api/public/normative/documents?q=${encodeURIComponent(q)}${extra}`)
      assert.equal(r.status, 200, r.text)
      // Every document whose title, number or text holds the word, and no other (the library's
      // own demo documents included): counted here with LIKE over the indexed text.
      if (!extra && /^[\p{L}\p{N}]+$/u.test(q)) {
        const like = sql(db, `SELECT COUNT(*) FROM norm_document_fts WHERE title LIKE '%${q}%' OR body LIKE '%${q}%'`)[0][0]
        assert.equal(r.json.total, Number(like), q)
      }
      return ours(r)
    }
    assert.deepEqual(await find('殡葬'), [B])
    assert.deepEqual(await find('扬尘'), [C])
    assert.deepEqual(await find('摊点'), [E])
    assert.deepEqual(await find('摊位'), [A]) // in the body only
    assert.deepEqual(await find('农贸市'), [A])
    assert.deepEqual(await find('节地生态'), [B])
    assert.deepEqual(await find('办法'), sorted(A, B, C, E))
    assert.deepEqual(await find('公秤'), [])
    // Across punctuation is no word: "营秩" is inside A's text, "法。第" is not one run.
    assert.deepEqual(await find('营秩'), [A])
    assert.deepEqual(await find('。第'), []) // falls back to LIKE on title and number: none
    // With the other filters.
    assert.deepEqual(await find('办法', '&issuing_body=' + encodeURIComponent('青山县人民政府') + '&year=2025&status=in_force'), sorted(A, B, C, E))
    assertError(await c.get('/api/public/normative/documents?year=abc'), 422, 'BAD_VALUE', 'year')
    // A keyword alone is answered from the index (total and page); with a filter, by the declared
    // list: the same documents in the same order, page by page.
    const every = (await c.get(`/api/public/normative/documents?q=${encodeURIComponent('办法')}&per_page=100`)).json
    const listed = (await c.get(`/api/public/normative/documents?q=${encodeURIComponent('办法')}&year=2025&per_page=100`)).json
    assert.deepEqual(listed.items, every.items.filter((d) => d.issued_on.startsWith('2025')))
    for (const p of [1, 2, 3]) {
      const alone = await c.get(`/api/public/normative/documents?q=${encodeURIComponent('办法')}&per_page=2&page=${p}`)
      assert.deepEqual(alone.json.items, every.items.slice(2 * (p - 1), 2 * p), `page ${p}`)
      assert.equal(alone.json.total, every.total)
    }
    assertError(await c.get('/api/public/normative/documents?q=' + encodeURIComponent('办法') + '&page=0'), 422, undefined, 'page')
    // The staff list searches the same way, inside the scope.
    const r = await c.get('/api/normative/documents?q=' + encodeURIComponent('扬尘'), { session: await c.login('scj.clerk') })
    assert.equal(r.json.total, 0)
  } finally { await done(c) }
})

test('an amendment: versions, the text on each day, what changed; the search follows the new text', async () => {
  const c = await on('2025-06-02')
  try {
    const id = await issue(c, 'scj.clerk', { title: '青山县农贸市场管理办法', body: BODY_A2, amends: A, issuedOn: '2025-06-02', effectiveOn: '2025-07-01', summary: '第三条改为设置公秤。' })
    assert.equal(id, A)
    const d = (await c.get(`/api/normative/documents/${A}`, { session: await c.login('scj.clerk') })).json
    assert.deepEqual(d.versions.map((v) => [v.seq, v.kind, v.effective_from, v.effective_to ?? null]),
      [[1, 'original', '2025-04-01', '2025-07-01'], [2, 'amendment', '2025-07-01', null]])
    const diff = (await c.get(`/api/public/normative/documents/${A}/diff?from=1&to=2`)).json
    assert.equal(diff.added, 1)
    assert.equal(diff.removed, 1)
    assert.deepEqual(diff.lines.filter((l) => l.op !== 'kept').map((l) => [l.op, l.text]), [
      ['removed', '第三条 市场开办者应当合理设置摊位，公示摊位租金标准。'],
      ['added', '第三条 市场开办者应当设置公秤和电子秤复核点。'],
    ])
    assert.equal(diff.lines.filter((l) => l.op === 'kept').length, 3)
    assertError(await c.get(`/api/public/normative/documents/${A}/diff?from=1&to=7`), 422, 'BAD_VALUE', 'to')
    assertError(await c.get(`/api/public/normative/documents/${A}/diff?from=x`), 422, 'BAD_VALUE', 'from')
    // The search follows the text in force: 公秤 finds A, 摊位 no longer.
    assert.deepEqual(ids(await c.get('/api/public/normative/documents?q=' + encodeURIComponent('公秤'))), [A])
    assert.deepEqual(ids(await c.get('/api/public/normative/documents?q=' + encodeURIComponent('摊位'))), [])
  } finally { await done(c) }
})

test('repeal: refusals write nothing; the repeal version keeps the text; the status on each day', async () => {
  const c = await on('2025-11-05')
  try {
    const body = { decided_on: '2025-11-03', basis: '县政府第20次常务会议决定', reason: '上位法已修改，本办法不再适用。' }
    let before = stored()
    // Roles and scope: a clerk may not, another agency's head does not see it.
    assertError(await c.post(`/api/normative/documents/${A}/repeal`, body, { session: await c.login('scj.clerk') }), 403)
    assert.equal((await c.post(`/api/normative/documents/${A}/repeal`, body, { session: await c.login('hbj.head') })).status, 404)
    assertError(await c.post(`/api/normative/documents/${A}/repeal`, { ...body, decided_on: '2025-02-28' }, { session: await c.login('scj.head') }), 422, 'BAD_DATE', 'decided_on')
    assertError(await c.post(`/api/normative/documents/${A}/repeal`, { ...body, decided_on: '2025-11-06' }, { session: await c.login('scj.head') }), 422, 'BAD_DATE', 'decided_on')
    assertError(await c.post(`/api/normative/documents/${A}/repeal`, { ...body, reason: '' }, { session: await c.login('scj.head') }), 422, undefined, 'reason')
    assert.equal(stored(), before)
    const r = await c.post(`/api/normative/documents/${A}/repeal`, body, { session: await c.login('scj.head') })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.status, 'repealed')
    assert.equal(r.json.ended_on, '2025-11-03')
    assert.deepEqual(r.json.versions.map((v) => [v.seq, v.kind, v.effective_from, v.effective_to ?? null]),
      [[1, 'original', '2025-04-01', '2025-07-01'], [2, 'amendment', '2025-07-01', '2025-11-03'], [3, 'repeal', '2025-11-03', null]])
    // Again: 409, nothing written.
    before = stored()
    assertError(await c.post(`/api/normative/documents/${A}/repeal`, body, { session: await c.login('legal') }), 409, 'STATE')
    assert.equal(stored(), before)
    // The document on each day (public page).
    const want = [
      ['2025-02-28', 'not_issued', null],
      ['2025-03-15', 'not_effective', 1],
      ['2025-05-01', 'in_force', 1],
      ['2025-06-15', 'in_force', 1], // amended on 06-02, the new text in force from 07-01
      ['2025-07-01', 'in_force', 2],
      ['2025-11-02', 'in_force', 2],
      ['2025-11-03', 'repealed', 3],
    ]
    for (const [day, status, seq] of want) {
      const p = await pub(c, A, day)
      assert.equal(p.status, 200, p.text)
      assert.equal(p.json.on.status, status, day)
      assert.equal(p.json.on.version?.seq ?? null, seq, day)
    }
    assert.match((await pub(c, A, '2025-05-01')).json.on.version.body, /合理设置摊位/)
    assert.match((await pub(c, A, '2025-07-01')).json.on.version.body, /公秤/)
    const gone = (await pub(c, A, '2025-12-01')).json
    assert.equal(gone.on.status_label, '已废止')
    assert.match(gone.on.version.body, /公秤/, 'the repealed text is kept')
    assert.deepEqual(gone.history.map((h) => [h.date, h.kind]), [['2025-03-03', 'original'], ['2025-06-02', 'amendment'], ['2025-11-03', 'repeal']])
    assertError(await pub(c, A, '2025-02-30'), 422, 'BAD_DATE', 'on')
    // The library's status filter; the public page has no staff fields.
    assert.deepEqual(ours(await c.get('/api/public/normative/documents?status=repealed&per_page=100')), [A])
    for (const k of ['agency_id', 'evaluations', 'validity', 'may']) assert.equal(gone[k], undefined, k)
    assert.ok(gone.versions.every((v) => v.case_id === undefined))
    assert.ok(gone.filings.every((f) => f.due_on === undefined && f.on_time === undefined))
    // Filings: the latest per recipient, both receiving bodies.
    assert.deepEqual(gone.filings.map((f) => f.recipient).sort(), ['government', 'npc'])
  } finally { await done(c) }
})

test('evaluation before expiry: the window, continue needs a later date, errors name the field', async () => {
  let c = await on('2025-09-01')
  try {
    const before = stored()
    assertError(await c.post(`/api/normative/documents/${B}/evaluations`, { decision: 'amend', note: '需要修改' }, { session: await c.login('scj.clerk') }), 409, 'STATE')
    assert.equal(stored(), before)
    const d = (await c.get(`/api/normative/documents/${B}`, { session: await c.login('scj.clerk') })).json
    assert.equal(d.validity.evaluate_from, '2025-09-10')
    assert.equal(d.validity.evaluation_due, false)
    assert.equal(d.validity.days_left, 189)
    assert.equal(d.validity.status, 'green')
  } finally { await done(c) }
  c = await on('2025-10-09')
  try {
    const s = await c.login('scj.clerk')
    const due = await c.get('/api/normative/documents?evaluation_due=1&per_page=100', { session: s })
    assert.deepEqual(ours(due), [B, E].sort((a, b) => a - b))
    const url = `/api/normative/documents/${B}/evaluations`
    const before = stored()
    assertError(await c.post(url, { decision: 'continue', note: '继续实施' }, { session: s }), 422, 'MISSING_FIELD', 'new_valid_until')
    assertError(await c.post(url, { decision: 'continue', note: '继续实施', new_valid_until: '2026-03-09' }, { session: s }), 422, 'BAD_DATE', 'new_valid_until')
    assertError(await c.post(url, { decision: 'amend', note: '需修改', new_valid_until: '2026-12-31' }, { session: s }), 422, 'BAD_VALUE', 'new_valid_until')
    assertError(await c.post(url, { decision: 'keep', note: '需修改' }, { session: s }), 422, 'BAD_VALUE', 'decision')
    assertError(await c.post(url, { decision: 'amend' }, { session: s }), 422, 'MISSING_FIELD', 'note')
    assert.equal((await c.post(url, { decision: 'amend', note: 'x' }, { session: await c.login('hbj.clerk') })).status, 404)
    assert.equal(stored(), before)
    // B: marked for amendment, then let lapse; C (another agency): continued by the legal office.
    let r = await c.post(url, { decision: 'amend', note: '殡葬服务收费部分需要修改' }, { session: s })
    assert.equal(r.status, 201, r.text)
    r = await c.post(url, { decision: 'lapse', note: '上位法已作规定，届满后不再继续' }, { session: s })
    assert.deepEqual(r.json.evaluations.map((e) => [e.decision, e.decision_label]), [['amend', '予以修改'], ['lapse', '有效期届满后失效']])
    assert.equal(r.json.status, 'in_force', 'it lapses on valid_until, not before')
    r = await c.post(`/api/normative/documents/${C}/evaluations`, { decision: 'continue', note: '实施效果良好', new_valid_until: '2026-12-31' }, { session: await c.login('legal') })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.valid_until, '2026-12-31')
  } finally { await done(c) }
})

async function jobRan (day) {
  for (let i = 0; i < 100; i++) {
    if (sql(db, `SELECT COUNT(*) FROM job_run WHERE job = 'normative_expiry' AND period_key = '${day}'`)[0][0] === '1') return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  assert.fail(`the expiry job did not run for ${day}`)
}

test('the daily job: on the day after valid_until, expired (or lapsed after its evaluation), nothing else', async () => {
  let c = await on('2026-03-09')
  try {
    await jobRan('2026-03-09')
    assert.deepEqual(sql(db, `SELECT doc_id, status FROM norm_document WHERE doc_id IN (${B}, ${E}) ORDER BY doc_id`), [[String(B), 'in_force'], [String(E), 'in_force']])
    const d = (await c.get(`/api/normative/documents/${E}`, { session: await c.login('scj.clerk') })).json
    assert.equal(d.validity.days_left, 0)
    assert.equal(d.validity.status, 'yellow')
  } finally { await done(c) }
  const others = sql(db, `SELECT * FROM norm_document WHERE doc_id NOT IN (${B}, ${E}) ORDER BY doc_id`)
  c = await on('2026-03-10')
  try {
    await jobRan('2026-03-10')
    assert.deepEqual(sql(db, `SELECT doc_id, status, ended_on FROM norm_document WHERE doc_id IN (${B}, ${E}) ORDER BY doc_id`),
      [[String(B), 'lapsed', '2026-03-10'], [String(E), 'expired', '2026-03-10']].sort((a, b) => a[0] - b[0]))
    assert.deepEqual(sql(db, `SELECT * FROM norm_document WHERE doc_id NOT IN (${B}, ${E}) ORDER BY doc_id`), others, 'nothing else changed')
    const e = (await pub(c, E)).json
    assert.equal(e.status_label, '有效期届满失效')
    assert.match(e.end_reason, /2026-03-09/)
    assert.equal((await pub(c, E, '2026-03-09')).json.on.status, 'in_force')
    assert.equal((await pub(c, E, '2026-03-10')).json.on.status, 'expired')
    assert.equal((await pub(c, E, '2026-03-10')).json.on.version.seq, 1, 'the text stays readable')
    // C was continued to 2026-12-31: still in force.
    assert.equal((await pub(c, C)).json.on.status, 'in_force')
    // An expired document is repealed no more; nor evaluated.
    assertError(await c.post(`/api/normative/documents/${E}/repeal`, { decided_on: '2026-03-10', basis: 'x', reason: 'y' }, { session: await c.login('legal') }), 409, 'STATE')
    assertError(await c.post(`/api/normative/documents/${E}/evaluations`, { decision: 'amend', note: 'x' }, { session: await c.login('legal') }), 409, 'STATE')
    const staff = (await c.get(`/api/normative/documents/${E}`, { session: await c.login('scj.clerk') })).json
    assert.equal(staff.validity.status, 'ended')
    assert.equal(staff.may.repeal, false)
    // The staff list by status.
    assert.deepEqual(ours(await c.get('/api/normative/documents?status=expired&per_page=100', { session: await c.login('legal') })), [E])
    assert.ok(DRAFT > 0)
  } finally { await done(c) }
})

test('objections on the document page: the public sees published replies only, without the applicant', async () => {
  const agency = sql(db, `SELECT agency_id FROM norm_document WHERE doc_id = ${A}`)[0][0]
  const now = '2026-03-01T02:00:00Z'
  for (const [id, published] of [[990001, "'2026-02-20'"], [990002, 'NULL']]) {
    sql(db, 'INSERT INTO case_record(case_id, case_type, agency_id, state, number, title, received_on, created_at, updated_at)' +
      ` VALUES (${id}, 'norm_objection', ${agency}, 'replied', '建${id}', '审查建议', '2026-01-05', '${now}', '${now}');` +
      'INSERT INTO norm_objection(case_id, doc_id, doc_title, applicant, applicant_type, contact, content, outcome, reply, replied_on, published_on, created_at)' +
      ` VALUES (${id}, ${A}, '青山县农贸市场管理办法', '张某${id}', 'citizen', '13800000000', '第三条收费无依据', '已纠正${id}', '答复${id}', '2026-02-10', ${published}, '${now}')`)
  }
  const c = await on('2026-03-10')
  try {
    const p = await pub(c, A)
    assert.deepEqual(p.json.objections.map((o) => o.outcome), ['已纠正990001'])
    assert.ok(!p.text.includes('张某') && !p.text.includes('13800000000'), 'no applicant or contact on the portal')
    const s = (await c.get(`/api/normative/documents/${A}`, { session: await c.login('scj.clerk') })).json
    assert.deepEqual(s.objections.map((o) => [o.applicant, o.published_on ?? null]), [['张某990001', '2026-02-20'], ['张某990002', null]])
  } finally { await done(c) }
})
