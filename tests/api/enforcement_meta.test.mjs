// Enforcement, what the pages need from the server (issue #5): the staff reference data with the
// local rules in force (GET /api/enforcement/meta), each batch row's result (batch/exam and
// batch/issue answer the new state, the exam result, the certificate number and validity),
// power counts of one body (body_id), and the certificate expiry clock as a fixed-end DAY clock
// (also for certificates issued before it, by migration enforcement-003).
//
// One server on a demo database (FAZHI_TODAY 2026-11-23); the migration runs on its own database.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { useServer, assertError, sql, sqlNumber, makeDb, mkTemp, fazhiOk, ADMIN_PASSWORD, HAN, TODAY } from './lib.mjs'

const c = useServer()

async function get (user, p) { return c.get(p, { session: await c.login(user) }) }
async function post (user, p, body) { return c.post(p, body, { session: await c.login(user) }) }

function counts () {
  return sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM enf_certificate WHERE number IS NOT NULL),' +
    ' (SELECT COUNT(*) FROM enf_certificate WHERE exam_score IS NOT NULL), (SELECT COUNT(*) FROM case_clock),' +
    " (SELECT group_concat(state) FROM (SELECT state FROM case_record WHERE case_type = 'enf_certificate' ORDER BY case_id))")[0].join('|')
}

async function bodyNamed (name) {
  const r = await get('legal', '/api/enforcement/bodies?per_page=100&q=' + encodeURIComponent(name))
  return r.json.items.find((b) => b.name === name)
}

/** A new officer of the market regulator with an application taken to 待考试 (trained). */
async function trainedApplication (name) {
  const body = await bodyNamed('青山县市场监督管理局')
  const o = await post('scj.clerk', '/api/enforcement/officers', { body_id: body.body_id, name, post: 'enforcement', area: '青山县行政区域', education: 'bachelor', employment: 'civil_servant' })
  assert.equal(o.status, 201, o.text)
  const a = await post('scj.clerk', '/api/enforcement/certificates', { officer_id: o.json.officer_id })
  assert.equal(a.status, 201, a.text)
  const id = a.json.case.case_id
  await c.actOk(id, 'qualify', 'legal', {})
  await c.actOk(id, 'train', 'scj.clerk', { hours: 40, completed_on: TODAY })
  return id
}

function setSetting (key, value) {
  if (value === null) sql(c.db, `DELETE FROM setting WHERE key = '${key}'`)
  else sql(c.db, `INSERT INTO setting(key, value, updated_at) VALUES ('${key}', '${value}', '2026-11-23T00:00:00Z') ON CONFLICT (key) DO UPDATE SET value = excluded.value`)
}

describe('GET /api/enforcement/meta', () => {
  test('the local rules with their labels and every option list the server validates against', async () => {
    const r = await get('scj.clerk', '/api/enforcement/meta')
    assert.equal(r.status, 200, r.text)
    const s = r.json.settings
    assert.deepEqual(Object.keys(s).sort(), ['body_review_days', 'cert_expiry_warning_days', 'cert_valid_years', 'cert_withdraw_days',
      'coercion_perform_days', 'exam_pass_mark', 'hearing_fine_citizen', 'hearing_fine_org', 'inspection_publish_days', 'legal_review_days',
      'major_filing_days', 'penalty_decision_days', 'publish_no_penalty', 'publish_other_days', 'publish_penalty_days', 'training_hours'])
    assert.deepEqual(s.exam_pass_mark, { key: 'enforcement.exam_pass_mark', label: '执法资格考试合格分数线', value: 60, default: 60, min: 1, max: 100, unit: '分', note: '地方规定，默认 60 分' })
    assert.equal(s.training_hours.value, 60)
    assert.equal(s.cert_valid_years.value, 5)
    assert.equal(s.cert_valid_years.unit, '年')
    assert.equal(s.cert_expiry_warning_days.value, 90)
    assert.equal(s.cert_withdraw_days.value, 10)
    assert.equal(s.cert_withdraw_days.unit, '工作日')
    assert.equal(s.body_review_days.value, 20)
    // Penalty cases: 第60条's 90 days and 第63条's local thresholds of a large fine.
    assert.equal(s.penalty_decision_days.value, 90)
    assert.equal(s.penalty_decision_days.unit, '日')
    assert.equal(s.coercion_perform_days.value, 10)
    assert.equal(s.coercion_perform_days.unit, '工作日')
    assert.deepEqual(r.json.coercion.procedures.map((p) => p.value), ['measure', 'execution'])
    assert.equal(s.hearing_fine_citizen.unit, '元')
    assert.ok(s.hearing_fine_org.value > s.hearing_fine_citizen.value)
    // 法制审核 and 重大行政处罚备案: local periods, their help saying so.
    assert.equal(s.legal_review_days.value, 5)
    assert.equal(s.legal_review_days.unit, '工作日')
    assert.match(s.legal_review_days.note, /本县法制审核办法/)
    assert.equal(s.major_filing_days.value, 15)
    assert.equal(s.major_filing_days.unit, '日')
    assert.match(s.major_filing_days.note, /备案规定/)
    // Publication (国办发〔2018〕118号): 7 and 20 working days, and whether 不予处罚 decisions are published.
    assert.equal(s.publish_penalty_days.value, 7)
    assert.equal(s.publish_penalty_days.unit, '工作日')
    assert.equal(s.publish_other_days.value, 20)
    assert.equal(s.publish_no_penalty.value, 1)
    // Inspections: the publication period is a local rule, unverified, and says so.
    assert.equal(s.inspection_publish_days.value, 20)
    assert.equal(s.inspection_publish_days.unit, '工作日')
    assert.match(s.inspection_publish_days.note, /未经核实/)
    assert.deepEqual(r.json.inspection.states.map((x) => x.value), ['assigned', 'inspected', 'published', 'cancelled'])
    for (const v of Object.values(s)) assert.match(v.label, HAN)
    // The option lists: the public ones, and the certificate's types and states.
    const pub = (await c.get('/api/public/enforcement/meta')).json
    for (const k of Object.keys(pub)) assert.deepEqual(r.json[k], pub[k], k)
    assert.deepEqual(r.json.cert_types, [{ value: 'enforcement', label: '行政执法证' }, { value: 'supervision', label: '行政执法监督证' }])
    assert.deepEqual(r.json.genders.map((x) => x.value), ['male', 'female'])
    const states = (await c.get('/api/meta', { session: await c.login('legal') })).json.case_types.find((t) => t.value === 'enf_certificate').states
    assert.deepEqual(r.json.cert_states.map(({ value, label }) => ({ value, label })), states.map(({ value, label }) => ({ value, label })))
    assert.equal(r.json.cert_states.find((x) => x.value === 'withdrawn').final, true)
    assert.equal(r.json.cert_states.find((x) => x.value === 'applied').final, false)
    assert.deepEqual(r.json.body_review_states.map((x) => x.value), ['submitted', 'confirmed', 'rejected', 'published'])
  })

  test('a changed setting shows at once; without a session 401', async () => {
    setSetting('enforcement.exam_pass_mark', 70)
    setSetting('enforcement.cert_valid_years', 3)
    try {
      const r = await get('leader', '/api/enforcement/meta')
      assert.equal(r.status, 200)
      assert.equal(r.json.settings.exam_pass_mark.value, 70)
      assert.equal(r.json.settings.exam_pass_mark.default, 60)
      assert.equal(r.json.settings.cert_valid_years.value, 3)
    } finally {
      setSetting('enforcement.exam_pass_mark', null)
      setSetting('enforcement.cert_valid_years', null)
    }
    assert.equal((await get('legal', '/api/enforcement/meta')).json.settings.exam_pass_mark.value, 60)
    assertError(await c.get('/api/enforcement/meta'), 401)
  })
})

describe('batches answer what each row did', () => {
  test('batch/exam: each row its new state, score and pass; the pass mark used', async () => {
    const a = await trainedApplication('批量考试甲')
    const b = await trainedApplication('批量考试乙')
    const r = await post('legal', '/api/enforcement/certificates/batch/exam', { items: [{ case_id: a, score: 88, exam_on: TODAY }, { case_id: b, score: 59, exam_on: TODAY }] })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.done, 2)
    assert.equal(r.json.pass_mark, 60)
    const [ra, rb] = r.json.rows
    const da = await c.detail(a)
    assert.deepEqual(ra, { row: 1, case_id: a, state: 'passed', state_label: '考试合格，待发证', case_number: da.case.number, version: da.case.version, officer_name: '批量考试甲', score: 88, exam_on: TODAY, passed: true })
    assert.equal(rb.row, 2)
    assert.equal(rb.state, 'failed')
    assert.equal(rb.state_label, '考试不合格')
    assert.equal(rb.passed, false)
    assert.equal(rb.score, 59)
    assert.equal(sqlNumber(c.db, `SELECT exam_score FROM enf_certificate WHERE case_id = ${b}`), 59)

    // A raised pass mark applies to the batch and is in its answer.
    const d = await trainedApplication('批量考试丙')
    setSetting('enforcement.exam_pass_mark', 70)
    try {
      const r2 = await post('legal', '/api/enforcement/certificates/batch/exam', { items: [{ case_id: d, score: 65, exam_on: TODAY }] })
      assert.equal(r2.status, 200, r2.text)
      assert.equal(r2.json.pass_mark, 70)
      assert.equal(r2.json.rows[0].state, 'failed')
      assert.equal(r2.json.rows[0].passed, false)
    } finally {
      setSetting('enforcement.exam_pass_mark', null)
    }
  })

  test('batch/issue: each row its number, area and validity; the expiry clock ends on the last day of validity', async () => {
    const a = await trainedApplication('批量发证甲')
    const b = await trainedApplication('批量发证乙')
    assert.equal((await post('legal', '/api/enforcement/certificates/batch/exam', { items: [{ case_id: a, score: 90, exam_on: TODAY }, { case_id: b, score: 75, exam_on: TODAY }] })).status, 200)
    const r = await post('legal', '/api/enforcement/certificates/batch/issue', { items: [
      { case_id: a, area: '青山县行政区域', valid_years: 3, number: 'QSBATCH0001' },
      { case_id: b, area: '青山镇' },
    ] })
    assert.equal(r.status, 200, r.text)
    assert.equal(r.json.done, 2)
    assert.equal(r.json.pass_mark, undefined)
    const [ra, rb] = r.json.rows
    const da = await c.detail(a)
    assert.deepEqual(ra, { row: 1, case_id: a, state: 'valid', state_label: '有效', case_number: da.case.number, version: da.case.version, officer_name: '批量发证甲', number: 'QSBATCH0001', area: '青山县行政区域', issued_on: TODAY, valid_until: '2029-11-22' })
    assert.equal(rb.state, 'valid')
    assert.match(rb.number, /^QS\d{9}$/)
    assert.equal(rb.valid_until, '2031-11-22', 'the default validity: setting enforcement.cert_valid_years, 5 years')
    assert.equal(rb.area, '青山镇')
    assert.equal(sql(c.db, `SELECT number FROM enf_certificate WHERE case_id = ${b}`)[0][0], rb.number)
    // The expiry clock: a fixed end, due on valid_until, counted without the calendar.
    const k = da.clocks.find((x) => x.name === 'expiry')
    assert.equal(k.unit, 'DAY')
    assert.equal(k.unit_label, '日（期满不顺延）')
    assert.equal(k.due_date, '2029-11-22')
    assert.equal(k.status, 'green')
    assert.equal(k.days_left, 1095)
    assert.match(k.explain.join('\n'), /期满日不因节假日顺延/)
    assert.equal(da.case.due_date, '2029-11-22')
    const list = await get('legal', '/api/enforcement/certificates?q=QSBATCH0001')
    assert.equal(list.json.items[0].due_date, '2029-11-22')
    assert.equal(list.json.items[0].clock_status, 'green')
  })

  test('bad input: 422 naming the row and field in Chinese, nothing written', async () => {
    const a = await trainedApplication('批量错误甲')
    const b = await trainedApplication('批量错误乙')
    const before = counts()
    assertError(await post('legal', '/api/enforcement/certificates/batch/exam', {}), 422, 'MISSING_FIELD', 'items')
    assertError(await post('legal', '/api/enforcement/certificates/batch/exam', { items: [] }), 422, 'MISSING_FIELD', 'items')
    assertError(await post('legal', '/api/enforcement/certificates/batch/exam', { items: [{ case_id: a, score: 80, exam_on: TODAY }], pass_mark: 50 }), 422, 'UNKNOWN_FIELD', 'pass_mark')
    // One good row and two bad ones: nothing is done, and the rows say why.
    const r = await post('legal', '/api/enforcement/certificates/batch/exam', { items: [
      { case_id: a, score: 80, exam_on: TODAY },
      { case_id: a + 100000, score: 80, exam_on: TODAY },
      { case_id: b, score: 80, exam_on: '2026-12-01' },
      { case_id: a, score: 70, exam_on: TODAY },
    ] })
    assertError(r, 422, 'BAD_VALUE', 'items')
    assert.equal(r.json.done, 0)
    assert.deepEqual(r.json.rows.map((x) => [x.row, x.case_id, x.code, x.field]),
      [[2, a + 100000, 'NOT_FOUND', 'case_id'], [3, b, 'BAD_DATE', 'exam_on'], [4, a, 'STATE', 'case_id']])
    for (const x of r.json.rows) assert.match(x.message, HAN)
    assert.match(r.json.error.message, /共 3 条有误，全部未处理。第 2 条/)
    assert.equal(r.json.rows[0].state, undefined)
    // Issue: a duplicate number and a case not yet passed.
    const [taken] = sql(c.db, "SELECT number FROM enf_certificate WHERE number IS NOT NULL LIMIT 1")[0]
    const i = await post('legal', '/api/enforcement/certificates/batch/issue', { items: [{ case_id: a, area: '县域', number: taken }, { case_id: a, area: ' ' }] })
    assertError(i, 422, 'BAD_VALUE', 'items')
    assert.equal(i.json.rows[0].field, 'case_id')
    assert.match(i.json.rows[0].message, /只有考试合格的才能发证/)
    assert.equal(counts(), before)
    assertError(await post('scj.clerk', '/api/enforcement/certificates/batch/exam', { items: [{ case_id: a, score: 80, exam_on: TODAY }] }), 422, 'BAD_VALUE', 'items')
    assert.equal(counts(), before)
  })
})

describe('GET /api/enforcement/powers/counts?body_id=', () => {
  test('the counts of one body; agency scope; bad and unknown body_id', async () => {
    const body = await bodyNamed('青山县市场监督管理局')
    const r = await get('scj.clerk', `/api/enforcement/powers/counts?body_id=${body.body_id}`)
    assert.equal(r.status, 200, r.text)
    assert.deepEqual(r.json.bodies.map((x) => x.body_id), [body.body_id])
    const active = await get('legal', `/api/enforcement/powers?body_id=${body.body_id}&status=active&per_page=1`)
    assert.equal(r.json.total, active.json.total)
    assert.equal(r.json.bodies[0].total, active.json.total)
    const penalty = await get('legal', `/api/enforcement/powers?body_id=${body.body_id}&status=active&category=penalty&per_page=1`)
    assert.equal(r.json.totals.penalty, penalty.json.total)
    assert.equal(r.json.categories.length, 10)
    const all = await get('legal', '/api/enforcement/powers/counts')
    assert.ok(all.json.total > r.json.total)
    // Together with agency_id: both apply.
    const other = await c.agencyOf('zjj.clerk')
    const none = await get('legal', `/api/enforcement/powers/counts?body_id=${body.body_id}&agency_id=${other}`)
    assert.equal(none.status, 200)
    assert.deepEqual(none.json.bodies, [])
    assert.equal(none.json.total, 0)
    // The public counts of a published body.
    const pub = await c.get(`/api/public/enforcement/powers/counts?body_id=${body.body_id}`)
    assert.equal(pub.status, 200)
    assert.equal(pub.json.total, r.json.total)

    const zjj = await bodyNamed('青山县住房和城乡建设局')
    let e = assertError(await get('scj.clerk', `/api/enforcement/powers/counts?body_id=${zjj.body_id}`), 404, 'NOT_FOUND', 'body_id')
    assert.match(e.message, /执法主体不存在/)
    assertError(await get('legal', '/api/enforcement/powers/counts?body_id=999999'), 404, 'NOT_FOUND', 'body_id')
    e = assertError(await get('legal', '/api/enforcement/powers/counts?body_id=abc'), 422, 'BAD_VALUE', 'body_id')
    assert.match(e.message, /执法主体编号/)
    assertError(await get('legal', '/api/enforcement/powers/counts?body_id=-1'), 422, 'BAD_VALUE', 'body_id')
    const [unpublished] = sql(c.db, "SELECT body_id FROM enf_body WHERE status <> 'published' LIMIT 1")[0] || []
    if (unpublished) assertError(await c.get(`/api/public/enforcement/powers/counts?body_id=${unpublished}`), 404, 'NOT_FOUND', 'body_id')
  })
})

test('migration enforcement-003: an expiry clock started as calendar days becomes the fixed end of validity', () => {
  const dir = mkTemp()
  try {
    const db = makeDb(dir)
    const [caseId, validUntil] = sql(db, "SELECT c.case_id, c.valid_until FROM enf_certificate c JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'expiry' AND k.state = 'running' WHERE c.valid_until > '2027-12-31' ORDER BY c.case_id LIMIT 1")[0]
    // As the module wrote it before: calendar days, pending beyond the loaded calendar.
    sql(db, `UPDATE case_clock SET unit = 'CD', due_date = NULL WHERE case_id = ${caseId} AND name = 'expiry';` +
      ` UPDATE case_record SET due_date = NULL, due_unit = NULL WHERE case_id = ${caseId};` +
      " DELETE FROM schema_migration WHERE name = 'enforcement-003';")
    fazhiOk(['init', '--db', db], { env: { FAZHI_ADMIN_PASSWORD: ADMIN_PASSWORD } })
    assert.deepEqual(sql(db, `SELECT unit, due_date FROM case_clock WHERE case_id = ${caseId} AND name = 'expiry'`), [['DAY', validUntil]])
    assert.deepEqual(sql(db, `SELECT due_date, due_unit FROM case_record WHERE case_id = ${caseId}`), [[validUntil, 'DAY']])
    assert.equal(sqlNumber(db, "SELECT COUNT(*) FROM case_clock WHERE name = 'expiry' AND unit <> 'DAY'"), 0)
    // The tallies the supervision view reads follow the clock (trigger-maintained).
    assert.equal(sqlNumber(db, `SELECT COALESCE(SUM(n), 0) FROM clock_tally WHERE due_date = '${validUntil}' AND state = 'running'`),
      sqlNumber(db, `SELECT COUNT(*) FROM case_clock WHERE due_date = '${validUntil}' AND state = 'running'`))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
