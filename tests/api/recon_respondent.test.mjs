// The respondent of a reconsideration case (行政复议法 第48条: it answers the application and
// hands in its evidence) sees the case although it belongs to the legal office: in the
// reconsideration list, the case list and the detail, it files its answer and uploads evidence,
// and the answer clock is its own, so supervision charges it (yellow, red, cards) to the
// respondent, not to the justice bureau. Agencies that are not the respondent still see nothing.
//
// One server on the demo county (today 2026-11-23), plus cases registered here against agencies
// other than the demo's respondents.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, multipart, TODAY } from './lib.mjs'

const c = useServer()
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** The agency users of an agency (clerk and head), by SQL on the demo accounts. */
function agencyUsers (agency) {
  return sql(c.db, `SELECT username FROM app_user WHERE agency_id = ${agency}` +
    " AND role IN ('agency_clerk', 'agency_head') ORDER BY username").map(([u]) => u)
}

/** Case ids of the reconsideration cases against an agency. */
function against (agency) {
  return sql(c.db, `SELECT case_id FROM recon_case WHERE respondent_agency_id = ${agency} ORDER BY case_id`)
    .map(([id]) => Number(id))
}

async function listIds (path, username) {
  const r = await c.get(path, { session: await c.login(username) })
  assert.equal(r.status, 200, `${path} as ${username}: ${r.text}`)
  return r.json.items.map((x) => Number(x.case_id))
}

async function register (respondent, received = '2026-11-16') {
  const r = await c.post('/api/reconsideration/cases', {
    applicant_name: '被申请人测试', applicant_type: 'natural', applicant_id: '360121198001011234',
    phone: '13807910000', address: '青山县城关镇人民路 8 号', respondent_agency_id: respondent,
    act_type: 'penalty', act_number: '青罚〔2026〕7号', act_date: '2026-10-20', learned_on: '2026-10-21',
    requests: '请求撤销行政处罚决定', facts: '认定事实不清。', channel: 'written', received_on: received,
  }, { session: await c.login('legal') })
  assert.equal(r.status, 201, r.text)
  return r.json.case_id
}

test('every respondent agency sees exactly the applications against it, and no other', async () => {
  const respondents = sql(c.db, 'SELECT DISTINCT respondent_agency_id FROM recon_case').map(([a]) => Number(a))
  assert.ok(respondents.length >= 3, 'the demo has applications against several agencies')
  const all = sql(c.db, 'SELECT case_id FROM recon_case').map(([id]) => Number(id))
  for (const agency of respondents) {
    const mine = against(agency)
    for (const u of agencyUsers(agency)) {
      assert.deepEqual((await listIds('/api/reconsideration/cases?per_page=100&sort=number', u)).sort((a, b) => a - b), mine,
        `reconsideration list of ${u}`)
      const generic = await listIds('/api/cases?type=reconsideration&per_page=100', u)
      assert.deepEqual(generic.sort((a, b) => a - b), mine, `case list of ${u}`)
      const r = await c.get('/api/reconsideration/cases?per_page=1', { session: await c.login(u) })
      assert.equal(r.json.total, mine.length, `total of ${u}`)
      for (const id of mine) {
        const d = await c.get(`/api/cases/${id}`, { session: await c.login(u) })
        assert.equal(d.status, 200, `detail of case ${id} as respondent ${u}: ${d.text}`)
      }
      const other = all.find((id) => !mine.includes(id))
      const d = await c.get(`/api/cases/${other}`, { session: await c.login(u) })
      assert.equal(d.status, 404, `case ${other} is not against ${u}'s agency`)
    }
  }
})

test('an overdue answer is the respondent’s red clock, not the justice bureau’s', async () => {
  const overdue = sql(c.db, "SELECT k.case_id, r.respondent_agency_id, c.agency_id FROM case_clock k" +
    ' JOIN recon_case r ON r.case_id = k.case_id JOIN case_record c ON c.case_id = k.case_id' +
    ` WHERE k.name = 'answer' AND k.state = 'running' AND k.due_date < '${TODAY}'`)
  assert.ok(overdue.length >= 1, 'the demo has an overdue answer')
  const legal = await c.login('legal')
  const sup = (await c.get('/api/supervision', { session: legal })).json
  for (const [caseId, respondent, owner] of overdue) {
    assert.notEqual(Number(respondent), Number(owner))
    const name = (await c.agencies()).find((a) => a.agency_id === Number(respondent)).name
    const item = sup.items.find((i) => i.case_id === Number(caseId) && i.clock_label === '被申请人答复期限')
    assert.ok(item, `case ${caseId}'s answer clock is in supervision`)
    assert.equal(item.agency_name, name, 'charged to the respondent')
    assert.equal(item.status, 'red')
    const u = agencyUsers(Number(respondent))[0]
    const mine = (await c.get('/api/supervision', { session: await c.login(u) })).json
    assert.ok(mine.items.some((i) => i.case_id === Number(caseId) && i.clock_label === '被申请人答复期限'),
      `${u} sees its own overdue answer`)
    assert.ok(mine.totals.red >= 1, `${u}'s red count has it`)
    // The cards issued for it (if the day's sweep ran) are the respondent's too.
    const cards = sql(c.db, `SELECT DISTINCT agency_id FROM supervision_card WHERE case_id = ${caseId}` +
      " AND clock_id IN (SELECT clock_id FROM case_clock WHERE name = 'answer')")
    for (const [a] of cards) assert.equal(Number(a), Number(respondent), `card of case ${caseId}`)
  }
  // The justice bureau's own red count holds no answer clock.
  const owner = Number(overdue[0][2])
  const ownRed = sup.agencies.find((a) => a.agency_id === owner).red
  const ownItems = sup.items.filter((i) => i.status === 'red' && i.clock_label === '被申请人答复期限' &&
    i.agency_name === (sup.agencies.find((a) => a.agency_id === owner).agency_name))
  assert.equal(ownItems.length, 0)
  assert.ok(ownRed >= 0)
})

test('a new application: the respondent reads it, answers on its own clock and uploads evidence', async () => {
  const zjj = await c.agencyOf('zjj.clerk')
  const id = await register(zjj)
  await c.actOk(id, 'accept', 'legal', { procedure: 'normal' })
  await c.actOk(id, 'copy_sent', 'legal', { sent_on: TODAY })
  // 第48条: ten working days from the copy, kept by the respondent.
  const [[agency, state, due]] = sql(c.db, `SELECT agency_id, state, due_date FROM case_clock WHERE case_id = ${id} AND name = 'answer'`)
  assert.equal(Number(agency), zjj, 'the answer clock is charged to the respondent')
  assert.equal(state, 'running')
  assert.equal(due, '2026-12-07')
  assert.equal(Number(sql(c.db, `SELECT agency_id FROM case_record WHERE case_id = ${id}`)[0][0]),
    await c.agencyOf('legal'), 'the case stays the legal office’s')

  const d = await c.detail(id, 'zjj.clerk')
  const names = d.actions.map((a) => a.name)
  assert.ok(names.includes('answer_submitted'), `offered to the respondent: ${names}`)
  assert.ok(!names.includes('decide') && !names.includes('answer_received'), `legal steps not offered: ${names}`)

  const up = multipart('答复证据.pdf', PDF, { type: 'application/pdf' })
  const a = await c.api('POST', `/api/cases/${id}/attachments`, { session: await c.login('zjj.clerk'), body: up.body, headers: up.headers })
  assert.equal(a.status, 201, a.text)
  const att = a.json.attachment_id ?? a.json.id
  if (att) {
    assert.equal((await c.get(`/api/attachments/${att}`, { session: await c.login('zjj.clerk') })).status, 200)
    assert.equal((await c.get(`/api/attachments/${att}`, { session: await c.login('hbj.head') })).status, 404)
  }

  // Another agency sees nothing of it and may not answer.
  assert.equal((await c.get(`/api/cases/${id}`, { session: await c.login('hbj.head') })).status, 404)
  assert.equal((await c.act(id, 'answer_submitted', 'hbj.head', { received_on: TODAY })).status, 404)
  assert.ok(!(await listIds('/api/reconsideration/cases?per_page=100', 'hbj.head')).includes(id))

  await c.actOk(id, 'answer_submitted', 'zjj.clerk', { received_on: TODAY, summary: '提交答复书及证据目录。' })
  const [[st2]] = sql(c.db, `SELECT state FROM case_clock WHERE case_id = ${id} AND name = 'answer'`)
  assert.equal(st2, 'stopped')
  const after = await c.detail(id, 'legal')
  assert.equal(after.case.fields.answer_received_on, TODAY)
})
