// Legal matters (法律事务 · 涉法事务, docs/legal.md): referred by an agency or the county government,
// refused field by field with nothing written; handled on the clock legal.matter_days in working
// days (across 国庆节 2026), extended by the office head with a reason up to the setting's total;
// assigned to a member of the legal office; answered with a Word opinion letter whose number is
// drawn once per year (unique, consecutive); on time or late against the clock; scope.
//
// One database, servers on the days the story needs (FAZHI_TODAY).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, assertError, makeDb, mkTemp, sql, stopAll } from './lib.mjs'
import { addWorkdays, spansHoliday } from './legal_helpers.mjs'

const servers = []
let dir, db

async function on (day) {
  for (const s of servers.splice(0)) await s.stop({ keep: true })
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  servers.push(s)
  return new Client(s)
}

function stored () {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM legal_matter), (SELECT COUNT(*) FROM attachment),' +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'legal_matter')")
  return row.join('|')
}

const clock = (d) => d.clocks.find((k) => k.name === 'handle')
const userId = (name) => Number(sql(db, `SELECT user_id FROM app_user WHERE username = '${name}'`)[0][0])

function matter (over = {}) {
  return {
    title: '关于青山县城区集贸市场租赁合同到期收回的法律意见', kind: 'letter',
    question: '租赁合同到期后承租人拒不腾退，县政府能否直接收回并清理？',
    background: '原租赁合同于 2026 年 6 月 30 日到期，承租人以装修投入未收回为由拒绝腾退。', ...over,
  }
}

before(() => {
  dir = mkTemp('fazhi-legal-matter-')
  db = makeDb(dir)
})
after(() => stopAll(servers))

let GOV, LATE

/** The county government (gov): its office refers matters itself, or the legal office registers them for it. */
async function govId (c) {
  return (await c.agencies()).find((a) => a.name === '青山县人民政府').agency_id
}

test('referral: refusals name the field and write nothing; the county government refers through the legal office', async () => {
  const c = await on('2026-09-28')
  const s = await c.login('legal')
  const gov = await govId(c)
  const before = stored()
  for (const [over, field] of [[{ title: '' }, 'title'], [{ kind: 'gossip' }, 'kind'], [{ question: ' ' }, 'question'],
    [{ received_on: '2026-09-29' }, 'received_on'], [{ received_on: '2026-08-01' }, 'received_on'], [{ extra: 1 }, 'extra']]) {
    assertError(await c.post('/api/legal/matters', matter({ agency_id: gov, ...over }), { session: s }), 422, undefined, field)
  }
  assertError(await c.post('/api/legal/matters', matter(), { session: await c.login('leader') }), 403, 'FORBIDDEN')
  assert.equal(stored(), before)
  // An agency clerk refers for its own agency only.
  assert.notEqual((await c.post('/api/legal/matters', matter({ agency_id: gov }), { session: await c.login('zjj.clerk') })).status, 201)
  assert.equal(stored(), before)
  const r = await c.post('/api/legal/matters', matter({ agency_id: gov }), { session: s })
  assert.equal(r.status, 201, r.text)
  GOV = r.json.case.case_id
  assert.equal(r.json.case.state, 'received')
  assert.equal(r.json.case.agency_id, gov)
  assert.equal(r.json.case.fields.kind_label, '函件')
  // Another agency's clerk: missing.
  assertError(await c.get(`/api/cases/${GOV}`, { session: await c.login('scj.clerk') }), 404)
  assert.ok(!(await c.get('/api/legal/matters?per_page=100', { session: await c.login('scj.clerk') })).json.items.some((m) => m.case_id === GOV))
  // The county government's office refers one of its own; it reads it, an agency does not.
  const own = await c.post('/api/legal/matters', matter({ title: '关于县政府与某公司合作协议条款的法律咨询', kind: 'agreement' }), { session: await c.login('gov.clerk') })
  assert.equal(own.status, 201, own.text)
  assert.equal(own.json.case.agency_id, gov)
  assert.equal((await c.get(`/api/cases/${own.json.case.case_id}`, { session: await c.login('gov.head') })).status, 200)
  assertError(await c.get(`/api/cases/${own.json.case.case_id}`, { session: await c.login('zjj.clerk') }), 404)
  LATE = (await c.post('/api/legal/matters', matter({ title: '关于某企业投诉征收补偿标准的应诉准备', kind: 'litigation' }),
    { session: await c.login('zjj.clerk') })).json.case.case_id
})

test('the handling period is legal.matter_days working days on the official calendar, across 国庆节 2026', async () => {
  const c = await on('2026-09-28')
  const head = await c.login('legalhead')
  const k = clock(await c.detail(GOV))
  assert.equal(k.days, 10)
  assert.equal(k.due_date, addWorkdays('2026-09-28', 10))
  assert.ok(spansHoliday('2026-09-28', k.due_date))
  assert.match(k.article, /涉法事务办理期限/)
  for (const days of [4, 7]) {
    assert.equal((await c.api('PUT', '/api/settings/legal.matter_days', { session: head, body: { value: days } })).status, 200)
    const r = await c.post('/api/legal/matters', matter({ title: `期限测试 ${days}`, kind: 'policy' }), { session: await c.login('scj.clerk') })
    assert.equal(r.status, 201, r.text)
    assert.equal(clock(r.json).due_date, addWorkdays('2026-09-28', days), `${days} WD`)
  }
  await c.api('PUT', '/api/settings/legal.matter_days', { session: head, body: { value: 10 } })
})

test('assignment by the head to a member of the legal office; extension by the head with a reason, within the total', async () => {
  const c = await on('2026-09-29')
  let before = stored()
  assertError(await c.act(GOV, 'assign', 'legal', { handler_id: userId('legal') }), 403, 'FORBIDDEN')
  assertError(await c.act(GOV, 'assign', 'legalhead', { handler_id: userId('scj.clerk') }), 422, 'BAD_VALUE', 'handler_id')
  assert.equal(stored(), before)
  const h = await c.get('/api/legal/handlers', { session: await c.login('legalhead') })
  assert.ok(h.json.handlers.some((x) => x.user_id === userId('legal')))
  let d = await c.actOk(GOV, 'assign', 'legalhead', { handler_id: userId('legal'), note: '请按期办理。' })
  assert.equal(d.case.state, 'handling')
  assert.equal(d.case.fields.handler_name, (await c.login('legal')).user.display_name)
  const due0 = clock(d).due_date
  before = stored()
  assertError(await c.act(GOV, 'extend', 'legal', { days: 3, reason: '情况复杂' }), 403, 'FORBIDDEN')
  assertError(await c.act(GOV, 'extend', 'legalhead', { days: 3 }), 422, undefined, 'reason')
  assertError(await c.act(GOV, 'extend', 'legalhead', { days: 11, reason: '情况复杂' }), 422, 'BAD_VALUE', 'days')
  assert.equal(stored(), before)
  d = await c.actOk(GOV, 'extend', 'legalhead', { days: 3, reason: '需征求县自然资源局意见。' })
  assert.equal(clock(d).due_date, addWorkdays('2026-09-28', 13))
  assert.notEqual(clock(d).due_date, due0)
  assert.equal(d.case.fields.extended_days, 3)
  // The total is the setting: 3 + 8 > 10.
  const r = await c.act(GOV, 'extend', 'legalhead', { days: 8, reason: '再延长' })
  assertError(r, 422, 'BAD_VALUE', 'days')
  assert.match(r.json.error.message, /10/)
})

test('the answer: a Word letter numbered once per year, on time or late against the clock', async () => {
  let c = await on('2026-10-12')
  await c.actOk(LATE, 'assign', 'legalhead', { handler_id: userId('legalhead') })
  assertError(await c.act(GOV, 'answer', 'legal', {}), 422, undefined, 'opinion')
  const d = await c.actOk(GOV, 'answer', 'legal', { opinion: '租赁期满后，出租人有权要求承租人返还租赁物；承租人拒不返还的，应当依法提起诉讼，不得自行强制清场。', basis: '《中华人民共和国民法典》第七百三十三条' })
  assert.equal(d.case.state, 'answered')
  const f = d.case.fields
  assert.equal(f.answered_on, '2026-10-12')
  assert.equal(f.on_time, true)
  assert.match(f.letter_number, /^青司法意〔2026〕\d+号$/)
  const att = d.attachments.find((a) => a.attachment_id === f.letter_attachment_id)
  assert.ok(att, 'the letter is a file of the matter')
  const file = await c.get(`/api/attachments/${f.letter_attachment_id}`, { session: await c.login('leader') })
  assert.equal(file.status, 200)
  assert.equal(file.bytes.subarray(0, 2).toString(), 'PK')
  // Late: the matter of zjj, answered after its due day by the head. Only its handler (the head) may
  // answer it: another member of the office is not offered the step and is refused, nothing written.
  c = await on('2026-11-23')
  assert.ok(!(await c.detail(LATE, 'legal')).actions.some((a) => a.name === 'answer'))
  assert.equal((await c.detail(LATE, 'legal')).case.fields.answerable, false)
  const before = stored()
  const refused = await c.act(LATE, 'answer', 'legal', { opinion: '意见' })
  assertError(refused, 409, 'STATE')
  assert.match(refused.json.error.message, /承办人员/)
  assert.equal(stored(), before)
  const late = await c.actOk(LATE, 'answer', 'legalhead', { opinion: '建议依法应诉，准备征收补偿决定的全部证据材料。' })
  assert.equal(late.case.fields.on_time, false)
  const n1 = Number(f.letter_number.match(/〕(\d+)号/)[1])
  assert.equal(late.case.fields.letter_number, `青司法意〔2026〕${n1 + 1}号`)
  // The lists: handled in the year, on time.
  const s = await c.login('legal')
  const all = (await c.get('/api/legal/matters?answered_year=2026&per_page=100', { session: s })).json.items.map((m) => m.case_id)
  const onTime = (await c.get('/api/legal/matters?answered_year=2026&on_time=1&per_page=100', { session: s })).json.items.map((m) => m.case_id)
  assert.ok(all.includes(GOV) && all.includes(LATE))
  assert.ok(onTime.includes(GOV) && !onTime.includes(LATE))
})

test('letter numbers are unique and consecutive within each year, from 1', () => {
  const rows = sql(db, 'SELECT letter_year, letter_seq, letter_number FROM legal_matter WHERE letter_number IS NOT NULL ORDER BY letter_year, letter_seq')
  assert.ok(rows.length >= 2)
  const byYear = {}
  for (const [y, seq, number] of rows) {
    (byYear[y] ||= []).push(Number(seq))
    assert.ok(number.includes(`〔${y}〕${seq}号`), number)
  }
  for (const [y, seqs] of Object.entries(byYear)) {
    assert.deepEqual(seqs, seqs.map((_, i) => i + 1), `${y}: 1..n without gaps or repeats`)
  }
  assert.equal(new Set(rows.map((r) => r[2])).size, rows.length)
})

test('withdrawal by the referring agency; another agency cannot act on it', async () => {
  const c = await on('2026-11-23')
  const r = await c.post('/api/legal/matters', matter({ title: '关于撤回测试的政策咨询', kind: 'policy' }), { session: await c.login('zjj.clerk') })
  const id = r.json.case.case_id
  assertError(await c.act(id, 'withdraw', 'scj.clerk', { reason: '不需要了' }), 404)
  const d = await c.actOk(id, 'withdraw', 'zjj.clerk', { reason: '已与相对方协商解决。' })
  assert.equal(d.case.state, 'withdrawn')
  assert.equal(clock(d).state, 'stopped')
})
