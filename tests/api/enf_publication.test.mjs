// Publication of enforcement decisions (三项制度 公示, 国办发〔2018〕118号) and the withdrawal of a published
// decision later changed, revoked or declared unlawful (《行政处罚法》第48条; issue 10, publication part).
//
// What a user checks: a decision starts a publication clock (7 working days for a penalty, 20 for a decision
// not to punish, both settings; whether 不予处罚 decisions are published is a setting too), the publish step
// stops it and a late one is counted late; the portal shows the notice with personal data removed (a citizen's
// surname only, no ID or phone number, no address), with search and filters; a change of the decision starts
// the 3-working-day withdrawal clock and the withdraw step takes the notice off the portal, while staff keep
// the history; a changed decision is published again. Refusals name the field and write nothing; another
// agency's staff see none of it. Each body's public page carries its basis, procedure and remedies (第39条).
//
// Days counted by hand from data/cn-calendar.csv:
//   2025: 09-27 Sat rest; 09-28 Sun make-up working day; 10-01..10-08 国庆节、中秋节; 10-11 Sat make-up; 10-12 Sun rest.
//   2026: 02-14 Sat make-up; 02-15..02-23 春节; 02-28 Sat make-up; 03-01 Sun rest.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql, sqlNumber, assertError } from './lib.mjs'

const c = useServer()

/** What a refused step must leave as it was. */
function stored () {
  const [row] = sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_clock),' +
    " (SELECT COUNT(*) FROM enf_publication), (SELECT group_concat(status || coalesce(published_on,'') || coalesce(withdrawn_on,'') || coalesce(changed_on,'')) FROM enf_publication)," +
    " (SELECT group_concat(state || version) FROM case_record WHERE case_type = 'enf_penalty')," +
    " (SELECT group_concat(coalesce(stopped_on,'') || state) FROM case_clock WHERE name IN ('publication', 'publication_other', 'withdrawal'))")
  return row.join('|')
}

let BODY, POWER, OFFICERS
function setup () {
  if (BODY) return
  BODY = Number(sql(c.db, "SELECT b.body_id FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id" +
    " WHERE a.code = 'scj' AND b.status = 'published' ORDER BY (SELECT COUNT(*) FROM enf_officer o WHERE o.body_id = b.body_id) DESC LIMIT 1")[0][0])
  POWER = Number(sql(c.db, `SELECT item_id FROM enf_power WHERE body_id = ${BODY} AND category = 'penalty' AND status = 'active' ORDER BY item_id LIMIT 1`)[0][0])
  OFFICERS = sql(c.db, 'SELECT DISTINCT o.officer_id FROM enf_officer o JOIN enf_certificate x ON x.officer_id = o.officer_id' +
    ' JOIN case_record r ON r.case_id = x.case_id' +
    ` WHERE o.body_id = ${BODY} AND o.status = 'on_duty' AND x.cert_type = 'enforcement' AND r.state = 'valid'` +
    " AND x.issued_on <= '2025-01-01' AND x.valid_until >= '2026-11-23' ORDER BY o.officer_id").map((r) => Number(r[0]))
  assert.ok(OFFICERS.length >= 2, 'two officers of the scj body certified since 2025')
}

const FACTS = '当事人李秋菊（身份证号码36072119850312421X，住青山县城关镇解放路12号，联系电话13812345678）在其经营的小餐馆内无证经营。'

async function file (over = {}) {
  setup()
  const body = {
    body_id: BODY, power_id: POWER, officer_ids: OFFICERS.slice(0, 2), party_type: 'citizen', party_name: '李秋菊',
    party_id_number: '36072119850312421X', matter: '李秋菊无证经营小餐饮案', source: 'inspection',
    act_on: '2025-06-20', filed_on: '2025-09-01', facts: FACTS, ...over,
  }
  const r = await c.post('/api/enforcement/penalties', body, { session: await c.login('scj.officer') })
  assert.equal(r.status, 201, r.text)
  return r.json.case.case_id
}

/** A penalty decided on the spot on day (simplified procedure, 第51条): a warning. */
async function decidedOnSpot (day, over = {}) {
  const id = await file({ procedure: 'simple', filed_on: day, act_on: day, ...over })
  await c.actOk(id, 'decide_simple', 'scj.officer', { decided_on: day, penalty_kind: 'fine', fine_amount: 200, decision_text: '罚款二百元' })
  return id
}

/** A penalty through the normal procedure decided by the head on day. */
async function decided (day, { outcome = 'penalty', filed = '2025-09-01', notified = null } = {}) {
  const id = await file({ filed_on: filed })
  await c.actOk(id, 'notify', 'scj.officer', { notified_on: notified || filed, proposed_kind: 'warning', hearing_offered: false, facts: FACTS })
  await c.actOk(id, 'statement', 'scj.officer', { statement_on: notified || filed, statement: '当事人无异议' })
  const body = outcome === 'penalty'
    ? { decided_on: day, outcome, penalty_kind: 'warning', decision_text: '给予警告' }
    : { decided_on: day, outcome, no_penalty_ground: 'first_minor', decision_text: '初次违法且及时改正，不予行政处罚' }
  await c.actOk(id, 'decide', 'scj.head', body)
  return id
}

function clock (d, name) {
  const k = d.clocks.find((x) => x.name === name)
  assert.ok(k, `clock ${name} in ${JSON.stringify(d.clocks.map((x) => x.name))}`)
  return k
}

async function pubRows (query, user = 'scj.clerk') {
  const r = await c.get('/api/enforcement/publications?' + query, { session: await c.login(user) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

async function portal (query = '') {
  const r = await c.get('/api/public/enforcement/decisions?' + query)
  assert.equal(r.status, 200, r.text)
  return r.json
}

test('a penalty decision starts the 7-working-day publication clock over 国庆节 2025, with its basis; publishing on the last day is on time', async () => {
  // Decided Fri 2025-09-26: 09-28 (make-up Sunday), 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
  const id = await decidedOnSpot('2025-09-26')
  let d = await c.detail(id)
  const k = clock(d, 'publication')
  assert.equal(k.due_date, '2025-10-13')
  assert.match(JSON.stringify(k), /国办发〔2018〕118号/)
  assert.equal(d.case.fields.publication_due, true)
  assert.equal(d.case.fields.publications.length, 1)
  assert.equal(d.case.fields.publications[0].status, 'due')
  assert.equal(d.case.fields.publications[0].due_on, '2025-10-13')
  assert.ok((await c.detail(id, 'scj.clerk')).actions.some((a) => a.name === 'publish'), 'publish offered to the agency')
  // Staff list: due, and overdue today.
  const due = await pubRows(`status=due&q=${encodeURIComponent(d.case.number)}`)
  assert.equal(due.total, 1)
  assert.equal(due.items[0].overdue, true)
  assert.equal(due.items[0].status_label, '待公示')
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2025-10-13' })
  d = await c.detail(id)
  assert.equal(clock(d, 'publication').state, 'stopped')
  const p = d.case.fields.publications[0]
  assert.equal(p.status, 'published')
  assert.equal(p.published_on, '2025-10-13')
  assert.equal(p.late, false)
  assert.equal(d.case.fields.publication_due, false)
  // Once published, publishing again is refused with the rule, nothing written.
  const before = stored()
  const again = await c.act(id, 'publish', 'scj.clerk', { published_on: '2025-10-14' })
  assertError(again, 409, 'STATE')
  assert.match(again.json.error.message, /没有待公示/)
  assert.equal(stored(), before)
})

test('late publication across 春节 2026 is counted late; the day of publication is checked and refusals write nothing', async () => {
  // Decided Thu 2026-02-12: 02-13, 02-14 (make-up Saturday), 02-24, 02-25, 02-26, 02-27, 02-28 (make-up Saturday).
  const id = await decidedOnSpot('2026-02-12')
  assert.equal(clock(await c.detail(id), 'publication').due_date, '2026-02-28')
  const before = stored()
  assertError(await c.act(id, 'publish', 'scj.clerk', { published_on: '2026-02-11' }), 422, 'BAD_DATE', 'published_on')
  assertError(await c.act(id, 'publish', 'scj.clerk', { published_on: '2026-11-24' }), 422, 'BAD_DATE', 'published_on')
  assertError(await c.act(id, 'publish', 'scj.clerk', {}), 422, 'MISSING_FIELD', 'published_on')
  assert.equal(stored(), before)
  // 03-02 (Mon) is one working day after the due day (03-01 is a Sunday).
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2026-03-02' })
  const d = await c.detail(id)
  assert.equal(d.case.fields.publications[0].late, true)
  const late = await pubRows(`late=1&q=${encodeURIComponent(d.case.number)}`)
  assert.equal(late.total, 1)
  assert.equal((await pubRows(`on_time=1&q=${encodeURIComponent(d.case.number)}`)).total, 0)
  // The last day itself is on time.
  const id2 = await decidedOnSpot('2026-02-12')
  await c.actOk(id2, 'publish', 'scj.clerk', { published_on: '2026-02-28' })
  assert.equal((await c.detail(id2)).case.fields.publications[0].late, false)
})

test('the publication period is a setting (enforcement.publish_penalty_days)', async () => {
  const admin = await c.login('admin')
  const set = (v) => c.api('PUT', '/api/settings/enforcement.publish_penalty_days', { session: admin, body: { value: v } })
  assert.equal((await set(5)).status, 200)
  try {
    // 5 working days from Fri 2025-09-26: 09-28, 09-29, 09-30, 10-09, 10-10.
    const id = await decidedOnSpot('2025-09-26')
    assert.equal(clock(await c.detail(id), 'publication').due_date, '2025-10-10')
  } finally {
    assert.equal((await set(7)).status, 200)
  }
})

test('a decision not to punish: 20 working days across 春节 2026 where the county publishes them, none where it does not', async () => {
  // Decided Fri 2026-02-06: 02-09..02-13 (5), 02-14 make-up (6), 02-24..02-27 (10), 02-28 make-up (11),
  // 03-02..03-06 (16), 03-09..03-12 (20).
  const id = await decided('2026-02-06', { outcome: 'no_penalty', filed: '2026-01-20' })
  const d = await c.detail(id)
  const k = clock(d, 'publication_other')
  assert.equal(k.due_date, '2026-03-12')
  assert.match(JSON.stringify(k), /20个工作日/)
  assert.equal(d.case.fields.publications[0].kind, 'other')
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2026-03-12' })
  const p = (await c.detail(id)).case.fields.publications[0]
  assert.equal(p.late, false)
  assert.match(p.penalty_shown, /不予行政处罚/)
  // The county does not publish them: no clock, no publication, the step is refused.
  const admin = await c.login('admin')
  const set = (v) => c.api('PUT', '/api/settings/enforcement.publish_no_penalty', { session: admin, body: { value: v } })
  assert.equal((await set(0)).status, 200)
  try {
    const id2 = await decided('2026-02-06', { outcome: 'no_penalty', filed: '2026-01-20' })
    const d2 = await c.detail(id2)
    assert.ok(!d2.clocks.some((x) => x.name === 'publication_other'), 'no publication clock')
    assert.equal(d2.case.fields.publications.length, 0)
    assertError(await c.act(id2, 'publish', 'scj.clerk', { published_on: '2026-03-02' }), 409, 'STATE')
    // A decision to punish is published whatever this setting says: 7 working days from 02-06 are
    // 02-09..02-13 (5), 02-14 make-up (6), 02-24 (7).
    const id3 = await decided('2026-02-06', { filed: '2026-01-20' })
    assert.equal(clock(await c.detail(id3), 'publication').due_date, '2026-02-24')
  } finally {
    assert.equal((await set(1)).status, 200)
  }
})

test('the public notice: surname only, no ID number, phone or address of the citizen; agency, number, facts, basis, penalty, date', async () => {
  const id = await decidedOnSpot('2025-11-03')
  const number = (await c.detail(id)).case.number
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2025-11-05' })
  const list = await portal(`q=${encodeURIComponent(number)}`)
  assert.equal(list.total, 1)
  const item = list.items[0]
  const r = await c.get(`/api/public/enforcement/decisions/${item.publication_id}`)
  assert.equal(r.status, 200, r.text)
  const n = r.json
  assert.equal(n.party_shown, '李某')
  assert.equal(n.number, number)
  assert.equal(n.decided_on, '2025-11-03')
  assert.equal(n.published_on, '2025-11-05')
  assert.ok(n.agency_name && n.body_name, 'agency and body shown')
  assert.match(n.basis_shown, /\S/)
  assert.equal(n.penalty_shown, '罚款 200 元', 'the fine once: the decision text 罚款二百元 only repeats it')
  assert.match(n.facts_shown, /李某/)
  for (const secret of ['李秋菊', '36072119850312421X', '13812345678', '解放路12号']) {
    assert.ok(!r.text.includes(secret), `the notice shows ${secret}: ${r.text}`)
    assert.ok(!JSON.stringify(list).includes(secret), `the portal list shows ${secret}`)
  }
  assert.ok(!('due_on' in n) && !('status' in n) && !('change_note' in n), 'no staff fields on the portal')
  // Facts typed by the officer at publication are masked too; an organisation is named in full.
  const org = await decidedOnSpot('2025-11-03', { party_type: 'organisation', party_name: '青山县惠民超市有限公司', party_id_number: '91360000MA35X1234K', matter: '惠民超市销售过期食品案' })
  await c.actOk(org, 'publish', 'scj.clerk', { published_on: '2025-11-04', facts: '经查，该公司店长王五（手机 139-1234-5678）销售过期酸奶 12 盒，公司住所：青山县工业园区8号。' })
  const o = (await c.detail(org)).case.fields.publications[0]
  assert.equal(o.party_shown, '青山县惠民超市有限公司')
  assert.ok(!o.facts_shown.includes('139-1234-5678'), o.facts_shown)
  assert.match(o.facts_shown, /青山县工业园区8号/)
})

test('portal search (full text, Chinese trigram) and filters by agency, year and penalty kind', async () => {
  const id = await decidedOnSpot('2025-12-01', { matter: '钱塘春晓茶馆无证经营案', party_name: '钱多多' })
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2025-12-02', facts: '钱多多在青山县开设春晓茶馆，未取得食品经营许可证从事经营活动。' })
  const hit = await portal('q=' + encodeURIComponent('春晓茶馆'))
  assert.ok(hit.items.some((x) => x.number === sql(c.db, `SELECT number FROM case_record WHERE case_id = ${id}`)[0][0]), 'found by words of the facts')
  assert.ok(hit.items.every((x) => /春晓茶馆/.test(x.facts_shown + x.number + x.penalty_shown)), 'every hit has the words')
  const scj = Number(sql(c.db, "SELECT agency_id FROM agency WHERE code = 'scj'")[0][0])
  const other = Number(sql(c.db, "SELECT agency_id FROM agency WHERE code = 'hbj'")[0][0])
  assert.ok((await portal(`agency_id=${scj}&year=2025&penalty_kind=fine`)).items.some((x) => x.publication_id && x.penalty_kind === 'fine'))
  // The kinds of penalty with their counts under the other filters, for the portal's drop-down.
  const facet = (await portal(`agency_id=${scj}&year=2025`)).penalty_kind_counts
  const fines = facet.find((k) => k.value === 'fine')
  assert.equal(fines.label, '罚款')
  assert.equal(fines.count, (await portal(`agency_id=${scj}&year=2025&penalty_kind=fine`)).total)
  const none = await portal(`agency_id=${other}&q=` + encodeURIComponent('春晓茶馆'))
  assert.equal(none.total, 0)
  assert.equal((await portal('year=2024&q=' + encodeURIComponent('春晓茶馆'))).total, 0)
  assert.equal((await portal('penalty_kind=warning&q=' + encodeURIComponent('春晓茶馆'))).total, 0)
  assertError(await c.get('/api/public/enforcement/decisions?penalty_kind=nothing'), 422, 'BAD_VALUE', 'penalty_kind')
  assertError(await c.get('/api/public/enforcement/decisions?year=abc'), 422, undefined, 'year')
})

test('第48条: a published decision revoked after reconsideration is withdrawn within 3 working days (国庆节 2025); the portal says nothing of it, staff keep the history', async () => {
  const id = await decidedOnSpot('2025-09-22')
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2025-09-24' })
  const pubId = (await c.detail(id)).case.fields.publications[0].publication_id
  assert.equal((await c.get(`/api/public/enforcement/decisions/${pubId}`)).status, 200)
  // Refusals: the kind, the body, a day before publication; nothing written.
  const before = stored()
  assertError(await c.act(id, 'withdraw', 'scj.clerk', { withdrawn_on: '2025-09-30', note: '撤回' }), 409, 'STATE')
  assertError(await c.act(id, 'change_decision', 'scj.clerk', { changed_by: '青山县人民政府', changed_on: '2025-09-30' }), 422, 'MISSING_FIELD', 'change_kind')
  assertError(await c.act(id, 'change_decision', 'scj.clerk', { change_kind: 'revoked', changed_by: '青山县人民政府', changed_on: '2025-09-23' }), 422, 'BAD_DATE', 'changed_on')
  assertError(await c.act(id, 'change_decision', 'scj.clerk', { change_kind: 'changed', changed_by: '青山县人民政府', changed_on: '2025-09-30' }), 422, 'MISSING_FIELD', 'new_decision')
  assert.equal(stored(), before)
  // Revoked Tue 2025-09-30: 10-09, 10-10, 10-11 (make-up Saturday).
  await c.actOk(id, 'change_decision', 'scj.clerk', { change_kind: 'revoked', changed_by: '青山县人民政府（青府复决〔2025〕8号行政复议决定）', changed_on: '2025-09-30', note: '复议机关撤销原处罚决定' })
  let d = await c.detail(id)
  const w = clock(d, 'withdrawal')
  assert.equal(w.due_date, '2025-10-11')
  assert.match(JSON.stringify(w), /第四十八条/)
  assert.equal(d.case.fields.withdraw_due, true)
  // Until withdrawn the notice stays up.
  assert.equal((await c.get(`/api/public/enforcement/decisions/${pubId}`)).status, 200)
  const b2 = stored()
  assertError(await c.act(id, 'withdraw', 'scj.clerk', { withdrawn_on: '2025-09-29', note: '撤回' }), 422, 'BAD_DATE', 'withdrawn_on')
  assertError(await c.act(id, 'withdraw', 'scj.clerk', { withdrawn_on: '2025-10-13' }), 422, 'MISSING_FIELD', 'note')
  assert.equal(stored(), b2)
  // Withdrawn Mon 10-13: one working day late.
  await c.actOk(id, 'withdraw', 'scj.clerk', { withdrawn_on: '2025-10-13', note: '原处罚决定已被复议机关撤销' })
  d = await c.detail(id)
  assert.equal(clock(d, 'withdrawal').state, 'stopped')
  const p = d.case.fields.publications[0]
  assert.equal(p.status, 'withdrawn')
  assert.equal(p.withdraw_late, true)
  assert.equal(p.change_kind_label, '依法撤销')
  assert.match(p.changed_by, /行政复议决定/)
  assert.equal(d.case.fields.publications.length, 1, 'a revoked decision is not published again')
  // The portal: gone from the detail and from every list and search.
  assertError(await c.get(`/api/public/enforcement/decisions/${pubId}`), 404, 'NOT_FOUND')
  assert.equal((await portal(`q=${encodeURIComponent(d.case.number)}`)).total, 0)
  assert.ok(!(await portal('per_page=100&year=2025')).items.some((x) => x.publication_id === pubId))
  // Staff: the withdrawn notice with its history.
  const rows = await pubRows(`status=withdrawn&q=${encodeURIComponent(d.case.number)}`)
  assert.equal(rows.total, 1)
  assert.equal(rows.items[0].withdrawn_on, '2025-10-13')
})

test('第48条 across 春节 2026: a changed decision is withdrawn, then published again with the new penalty', async () => {
  const id = await decidedOnSpot('2026-02-09')
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2026-02-10' })
  // Changed Thu 2026-02-12 by the court: 02-13, 02-14 (make-up Saturday), 02-24.
  await c.actOk(id, 'change_decision', 'scj.head', { change_kind: 'changed', changed_by: '青山县人民法院（2026）赣0123行初5号判决', changed_on: '2026-02-12', new_decision: '变更为警告' })
  let d = await c.detail(id)
  assert.equal(clock(d, 'withdrawal').due_date, '2026-02-24')
  await c.actOk(id, 'withdraw', 'scj.clerk', { withdrawn_on: '2026-02-24', note: '原处罚决定已被人民法院判决变更' })
  d = await c.detail(id)
  const [old, again] = d.case.fields.publications
  assert.equal(old.status, 'withdrawn')
  assert.equal(old.withdraw_late, false)
  assert.equal(again.status, 'due')
  assert.equal(again.seq, 2)
  // The changed decision's clock runs from the day it was changed: 7 working days from 02-12 -> 02-28.
  assert.equal(clock(d, 'publication').state, 'running')
  assert.equal(again.due_on, '2026-02-28')
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2026-02-26' })
  const list = await portal(`q=${encodeURIComponent(d.case.number)}`)
  assert.equal(list.total, 1)
  assert.equal(list.items[0].penalty_shown, '变更为警告')
  assert.notEqual(list.items[0].publication_id, old.publication_id)
})

test('another agency sees none of it; the steps need an agency role of the case', async () => {
  const id = await decidedOnSpot('2025-10-09')
  const number = (await c.detail(id)).case.number
  const before = stored()
  assertError(await c.act(id, 'publish', 'hbj.clerk', { published_on: '2025-10-10' }), 404, 'NOT_FOUND')
  assert.equal(stored(), before)
  assert.equal((await pubRows(`q=${encodeURIComponent(number)}`, 'hbj.clerk')).total, 0)
  const all = await pubRows('per_page=100', 'hbj.clerk')
  const hbj = Number(sql(c.db, "SELECT agency_id FROM agency WHERE code = 'hbj'")[0][0])
  assert.ok(all.items.every((x) => x.agency_id === hbj), 'only its own agency')
  // The legal office sees every agency's; the export answers the same list.
  assert.equal((await pubRows(`q=${encodeURIComponent(number)}`, 'legal')).total, 1)
  const x = await c.get(`/api/enforcement/publications.xlsx?q=${encodeURIComponent(number)}`, { session: await c.login('scj.clerk') })
  assert.equal(x.status, 200)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
})

test('figures: published on time, late and withdrawn per agency equal their lists', async () => {
  const scj = Number(sql(c.db, "SELECT agency_id FROM agency WHERE code = 'scj'")[0][0])
  const legal = await c.login('legal')
  for (const year of [2025, 2026]) {
    const r = await c.get(`/api/figures?year=${year}&agency_id=${scj}`, { session: legal })
    assert.equal(r.status, 200, r.text)
    const figs = r.json.figures || r.json.items || r.json
    for (const [name, query, where] of [
      ['enforcement.publications.on_time', `published_year=${year}&on_time=1`, "late = 0 AND published_on LIKE '" + year + "-%'"],
      ['enforcement.publications.late', `published_year=${year}&late=1`, "late = 1 AND published_on LIKE '" + year + "-%'"],
      ['enforcement.publications.withdrawn', `withdrawn_year=${year}&status=withdrawn`, "status = 'withdrawn' AND withdrawn_on LIKE '" + year + "-%'"],
    ]) {
      const f = figs.find((x) => x.name === name)
      assert.ok(f, `figure ${name}`)
      const list = await pubRows(`${query}&agency_id=${scj}`, 'legal')
      assert.equal(f.value, list.total, `${name} ${year}`)
      assert.equal(f.value, sqlNumber(c.db, `SELECT COUNT(*) FROM enf_publication WHERE agency_id = ${scj} AND ${where}`))
    }
  }
})

test('第39条: each published body shows its enforcement basis, procedure and remedies; the agency writes its own', async () => {
  setup()
  let r = await c.get(`/api/public/enforcement/bodies/${BODY}/publicity`)
  assert.equal(r.status, 200, r.text)
  assert.match(r.json.article, /第三十九条/)
  assert.match(r.json.legal_basis, /\S/)
  assert.match(r.json.remedies, /行政复议/)
  assert.match(r.json.procedure_text, /立案/)
  assert.equal(r.json.procedure_default, true)
  const put = (user, body) => c.api('PUT', `/api/enforcement/bodies/${BODY}/publicity`, { session: user, body })
  // Another agency's clerk: not found, nothing written.
  assertError(await put(await c.login('hbj.clerk'), { procedure_text: '别的单位写的' }), 404, 'NOT_FOUND')
  assertError(await put(await c.login('scj.clerk'), { procedure_text: 'x'.repeat(4001) }), 422, undefined, 'procedure_text')
  assert.equal(sqlNumber(c.db, `SELECT COUNT(*) FROM enf_body WHERE body_id = ${BODY} AND procedure_text IS NOT NULL`), 0)
  r = await put(await c.login('scj.clerk'), { procedure_text: '本局执法程序：立案、调查、告知、决定、送达。', remedies: '可向青山县人民政府申请行政复议。' })
  assert.equal(r.status, 200, r.text)
  r = await c.get(`/api/public/enforcement/bodies/${BODY}/publicity`)
  assert.equal(r.json.procedure_text, '本局执法程序：立案、调查、告知、决定、送达。')
  assert.equal(r.json.procedure_default, false)
  // A body not published is not on the portal.
  const hidden = sql(c.db, "SELECT body_id FROM enf_body WHERE status <> 'published' LIMIT 1")
  if (hidden.length) assertError(await c.get(`/api/public/enforcement/bodies/${hidden[0][0]}/publicity`), 404, 'NOT_FOUND')
})

test('demo county: decisions published on time and late, one withdrawn after a reconsideration, one changed and published again', async () => {
  const count = (where) => sqlNumber(c.db, `SELECT COUNT(*) FROM enf_publication p JOIN case_record r ON r.case_id = p.case_id WHERE ${where}`)
  assert.ok(count("p.status IN ('published', 'to_withdraw') AND p.late = 0") >= 4, 'published on time')
  assert.ok(count("p.late = 1 AND r.title LIKE '%宏达石材%'") === 1, 'one published late')
  assert.equal(count("p.status = 'withdrawn' AND p.changed_by LIKE '%行政复议决定%' AND r.title LIKE '%黄建国%'"), 1)
  assert.equal(count("p.seq = 2 AND p.status = 'published' AND r.title LIKE '%刘小梅%'"), 1)
  assert.equal(count("p.kind = 'other' AND p.status = 'published'") >= 1, true)
  // The portal shows none of the withdrawn notice and no citizen's full name.
  const all = await portal('per_page=100')
  assert.ok(!all.items.some((x) => /黄建国|刘小梅|吴德明/.test(JSON.stringify(x))), 'no citizen named in full')
  assert.ok(all.items.some((x) => x.party_shown === '刘某' && x.penalty_shown === '变更为罚款一千五百元。'))
  const [[revoked]] = sql(c.db, "SELECT r.number FROM enf_publication p JOIN case_record r ON r.case_id = p.case_id" +
    " WHERE p.status = 'withdrawn' AND r.title LIKE '%黄建国%'")
  assert.ok(!all.items.some((x) => JSON.stringify(x).includes(revoked)), 'the revoked decision is withdrawn')
})

test('portal list: its totals and counts by penalty kind match the notices shown, before and after a withdrawal; pages follow one another', async () => {
  const shown = (where = '') => Number(sql(c.db, `SELECT COUNT(*) FROM enf_publication WHERE status IN ('published', 'to_withdraw')${where}`)[0][0])
  const id = await decidedOnSpot('2025-11-03')
  await c.actOk(id, 'publish', 'scj.clerk', { published_on: '2025-11-04' })
  const all = await portal('per_page=100')
  assert.equal(all.total, shown())
  assert.equal(all.penalty_kind_counts.reduce((s, k) => s + k.count, 0), shown(" AND penalty_kind IS NOT NULL AND penalty_kind <> ''"))
  const y = await portal('year=2025')
  assert.equal(y.total, shown(" AND decided_on BETWEEN '2025-01-01' AND '2025-12-31'"))
  // Page 2 of 5 rows continues page 1, newest publication first.
  const p1 = await portal('per_page=5&page=1'), p2 = await portal('per_page=5&page=2')
  const ids = [...p1.items, ...p2.items].map((x) => x.publication_id)
  assert.equal(new Set(ids).size, ids.length)
  const days = [...p1.items, ...p2.items].map((x) => x.published_on)
  assert.deepEqual(days, [...days].sort().reverse())
  // Revoked and withdrawn: one fewer everywhere the portal counts.
  await c.actOk(id, 'change_decision', 'scj.clerk', { change_kind: 'revoked', changed_by: '青山县人民政府', changed_on: '2025-11-05' })
  await c.actOk(id, 'withdraw', 'scj.clerk', { withdrawn_on: '2025-11-06', note: '原处罚决定已被撤销' })
  assert.equal((await portal('per_page=100')).total, all.total - 1)
  assert.equal((await portal('year=2025')).total, y.total - 1)
})
