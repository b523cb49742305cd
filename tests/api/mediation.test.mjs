// Mediation (人民调解 · 行政调解) through the API: the period (setting mediation.days, 30 calendar
// days, a period ending on a rest day ends on the next working day) and its extension only on both
// parties' consent, across 国庆 2026 from data/cn-calendar.csv; the agreement as Word; judicial
// confirmation within 30 days of the agreement (人民调解法 第33条), refused the day after; scope
// (a township sees only its own, another agency gets 404); 422 naming the field with nothing
// written; the named figures against the list and the statistics.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import {
  startServer, stopAll, Client, assertError, sql, sqlNumber, mkTemp, makeDb, ROOT, TODAY,
} from './lib.mjs'

const servers = []
let c
before(async () => {
  const s = await startServer()
  servers.push(s)
  c = new Client(s)
})
after(async () => { await stopAll(servers) })

// ---- the official calendar, read from the same file the server loads ----
const cal = new Map()
for (const line of fs.readFileSync(path.join(ROOT, 'data', 'cn-calendar.csv'), 'utf8').split('\n')) {
  const [day, kind] = line.split(',')
  if (/^\d{4}-\d\d-\d\d$/.test(day)) cal.set(day, kind)
}
const iso = (d) => d.toISOString().slice(0, 10)
const addDays = (day, n) => { const d = new Date(day + 'T00:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return iso(d) }
function isRest (day) {
  const k = cal.get(day)
  if (k === 'holiday') return true
  if (k === 'workday') return false
  const w = new Date(day + 'T00:00:00Z').getUTCDay()
  return w === 0 || w === 6
}
/** n calendar days from day (not counted); a last day that is a rest day moves to the next working day. */
function dueCD (day, n) {
  let d = addDays(day, n)
  while (isRest(d)) d = addDays(d, 1)
  return d
}

const clockOf = (detail, name) => detail.clocks.find((k) => k.name === name)
const parties = (tag) => [
  { name: `甲${tag}`, id_type: 'id_card', id_number: '341122199001011232', phone: '13905510001' },
  { name: `乙${tag}`, id_type: 'id_card', id_number: '341122198805054321', phone: '13905510002' },
]

async function committeeOf (client, clerk) {
  const s = await client.login(clerk)
  const r = await client.get('/api/mediation/committees', { session: s })
  assert.equal(r.status, 200, r.text)
  const k = r.json.items[0]
  const d = await client.get(`/api/mediation/committees/${k.committee_id}`, { session: s })
  assert.equal(d.status, 200, d.text)
  return { committee_id: k.committee_id, mediator_id: d.json.mediators[0].mediator_id }
}

async function register (client, clerk, over = {}) {
  const k = await committeeOf(client, clerk)
  const body = {
    kind: 'people', dispute_type: 'neighbour', ...k, received_on: TODAY,
    summary: '双方因排水沟堵塞发生争执。', parties: parties('测试'), ...over,
  }
  const r = await client.post('/api/mediations', body, { session: await client.login(clerk) })
  assert.equal(r.status, 201, r.text)
  return r.json
}

test('the period is 30 calendar days from receipt; one ending on a rest day ends on the next working day (国庆 2026)', async () => {
  // Receipt days whose 30th day falls before, on and after the National Day holiday and 中秋.
  for (let day = '2026-08-24'; day <= '2026-09-12'; day = addDays(day, 1)) {
    const d = await register(c, 'qsz.clerk', { received_on: day, parties: parties(day) })
    const k = clockOf(d, 'period')
    assert.equal(k.due_date, dueCD(day, 30), `received ${day}`)
    assert.equal(k.unit, 'CD')
    assert.match(k.article, /人民调解法/)
  }
  // The rule really crosses the holiday: 2026-09-01 + 30 = 10-01 (国庆) → 10-08.
  assert.equal(dueCD('2026-09-01', 30), '2026-10-08')
})

test('the period is extended only on both parties’ consent, recorded; nothing is written without it', async () => {
  const received = '2026-09-02'
  const d = await register(c, 'qsz.clerk', { received_on: received, parties: parties('延长') })
  const id = d.case.case_id
  const before = d.case.version
  const events = sqlNumber(c.db, `SELECT COUNT(*) FROM event WHERE case_id = ${id}`)
  // No consent: refused naming the field, whatever the number of days.
  for (const days of [1, 10, 30]) {
    assertError(await c.act(id, 'extend', 'qsz.clerk', { consent: false, days }), 422, undefined, 'consent')
    assertError(await c.act(id, 'extend', 'qsz.clerk', { days }), 422, undefined, 'consent')
  }
  assertError(await c.act(id, 'extend', 'qsz.clerk', { consent: true }), 422, undefined, 'days')
  const same = await c.detail(id)
  assert.equal(same.case.version, before)
  assert.equal(clockOf(same, 'period').due_date, dueCD(received, 30))
  assert.equal(sqlNumber(c.db, `SELECT COUNT(*) FROM event WHERE case_id = ${id}`), events)
  assert.equal(sqlNumber(c.db, `SELECT extended_days FROM med_case WHERE case_id = ${id}`), 0)
  // With consent: the due day moves by the days, counted on the calendar again.
  let total = 0
  for (const days of [6, 9]) {
    total += days
    const after = await c.actOk(id, 'extend', 'qsz.clerk', { consent: true, days, note: '双方书面同意' })
    assert.equal(clockOf(after, 'period').due_date, dueCD(received, 30 + total), `+${total}`)
    assert.equal(after.case.fields.extended_days, total)
    assert.equal(after.case.fields.consent_on, TODAY)
  }
})

test('an agreement gives the agreement as Word with its terms; before one there is none', async () => {
  const d = await register(c, 'cgz.clerk', { parties: parties('协议') })
  const id = d.case.case_id
  const s = await c.login('cgz.clerk')
  assertError(await c.get(`/api/cases/${id}/documents/mediation-agreement.docx`, { session: s }), 409)
  const terms = '乙方于十五日内赔偿甲方医疗费人民币三千元整，双方再无其他争议。'
  const a = await c.actOk(id, 'agree', 'cgz.clerk', { terms, obligations: '十五日内一次付清。' })
  assert.equal(a.case.state, 'agreed')
  assert.equal(clockOf(a, 'period').status, 'stopped')
  assert.equal(clockOf(a, 'confirm').due_date, dueCD(TODAY, 30))
  const r = await c.get(`/api/cases/${id}/documents/mediation-agreement.docx`, { session: s })
  assert.equal(r.status, 200, r.text)
  assert.match(r.headers.get('content-type'), /wordprocessingml/)
  const dir = mkTemp('fazhi-med-docx-')
  const f = path.join(dir, 'a.docx')
  fs.writeFileSync(f, r.bytes)
  const xml = execFileSync('unzip', ['-p', f, 'word/document.xml']).toString('utf8')
  fs.rmSync(dir, { recursive: true, force: true })
  for (const s of ['人民调解协议书', terms, '甲协议', '乙协议', '第三十三条']) assert.ok(xml.includes(s), s)
  // Closing needs the performance recorded first (第31条), then it ends.
  assertError(await c.act(id, 'close', 'cgz.clerk', {}), 409)
  await c.actOk(id, 'perform', 'cgz.clerk', { performance: 'done' })
  assert.equal((await c.actOk(id, 'close', 'cgz.clerk', {})).case.state, 'closed')
})

test('judicial confirmation is applied for within 30 days of the agreement, refused the day after', async () => {
  const dir = mkTemp('fazhi-med-confirm-')
  const db = makeDb(dir)
  const rows = [] // [case_id, agreed_on]
  const days = ['2026-09-03', '2026-09-18', '2026-10-09', '2026-10-20']
  for (const day of days) {
    const e = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
    try {
      const ec = new Client(e)
      const d = await register(ec, 'lhx.clerk', { received_on: day, parties: parties(day) })
      const a = await ec.actOk(d.case.case_id, 'agree', 'lhx.clerk', { terms: '双方和解。' })
      assert.equal(clockOf(a, 'confirm').due_date, dueCD(day, 30), `agreed ${day}`)
      assert.match(clockOf(a, 'confirm').article, /第三十三条/)
      rows.push([d.case.case_id, day])
    } finally { await e.stop({ keep: true }) }
  }
  for (const [id, day] of rows) {
    const last = dueCD(day, 30)
    // The day after the last day: refused, nothing written.
    const late = await startServer({ db, dir, env: { FAZHI_TODAY: addDays(last, 1) } })
    try {
      const lc = new Client(late)
      const v = (await lc.detail(id)).case.version
      assertError(await lc.act(id, 'apply_confirm', 'lhx.clerk', { court: '青山县人民法院' }), 409)
      assert.equal((await lc.detail(id)).case.version, v)
    } finally { await late.stop({ keep: true }) }
  }
  // On the last day itself: allowed, and the ruling is recorded.
  const [id, day] = rows[3]
  const ok = await startServer({ db, dir, env: { FAZHI_TODAY: dueCD(day, 30) } })
  servers.push(ok)
  const oc = new Client(ok)
  const r = await oc.actOk(id, 'apply_confirm', 'lhx.clerk', { court: '青山县人民法院' })
  assert.equal(r.case.state, 'confirming')
  assertError(await oc.act(id, 'confirm_ruling', 'lhx.clerk', { ruling: 'valid', ruled_on: addDays(dueCD(day, 30), 1) }), 422, undefined, 'ruled_on')
  const ruled = await oc.actOk(id, 'confirm_ruling', 'lhx.clerk', { ruling: 'valid', ruled_on: dueCD(day, 30), ruling_number: '（2026）皖1122民特8号' })
  assert.equal(ruled.case.fields.ruling, 'valid')
  assert.equal(ruled.case.fields.confirm_court, '青山县人民法院')
})

test('a form the law refuses answers 422 naming the field and writes nothing', async () => {
  const k = await committeeOf(c, 'qsz.clerk')
  const other = await committeeOf(c, 'cgz.clerk')
  const good = { kind: 'people', dispute_type: 'family', ...k, received_on: TODAY, summary: '赡养纠纷。', parties: parties('校验') }
  const cases = () => sqlNumber(c.db, "SELECT COUNT(*) FROM case_record WHERE case_type = 'mediation'")
  const n = cases()
  const parties1 = sqlNumber(c.db, 'SELECT COUNT(*) FROM med_party')
  const bad = [
    [{ parties: parties('x').slice(0, 1) }, 'parties'],
    [{ parties: undefined }, 'parties'],
    [{ parties: [{ ...parties('y')[0], phone: '12' }, parties('y')[1]] }, 'parties'],
    // a 居民身份证 number whose check character is wrong (GB 11643-1999); another kind of document is not checked so
    [{ parties: [{ ...parties('z')[0], id_number: '341122199001011234' }, parties('z')[1]] }, 'parties'],
    [{ committee_id: undefined }, 'committee_id'],
    [{ committee_id: other.committee_id, mediator_id: other.mediator_id }, 'committee_id'],
    [{ mediator_id: other.mediator_id }, 'mediator_id'],
    [{ dispute_type: 'quarrel' }, 'dispute_type'],
    [{ kind: undefined }, 'kind'],
    [{ received_on: '2026-12-01' }, 'received_on'],
    [{ summary: undefined }, 'summary'],
    [{ source_case_id: 999999 }, 'source_case_id'],
    // administrative mediation by a township: not its field
    [{ kind: 'admin', field: 'market', mediator_name: '张三' }, 'agency_id'],
  ]
  for (const [over, field] of bad) {
    const body = { ...good, ...over }
    for (const key of Object.keys(over)) if (over[key] === undefined) delete body[key]
    const r = await c.post('/api/mediations', body, { session: await c.login('qsz.clerk') })
    assertError(r, r.status === 400 ? 400 : 422, undefined, field)
  }
  // An agency mediates only in its own field.
  const scjBody = { kind: 'admin', field: 'labour', dispute_type: 'labour', mediator_name: '谢婷', received_on: TODAY, summary: '工资纠纷。', parties: parties('劳动') }
  assertError(await c.post('/api/mediations', scjBody, { session: await c.login('scj.clerk') }), 422, undefined, 'agency_id')
  assertError(await c.post('/api/mediations', { ...scjBody, field: 'market', mediator_name: undefined }, { session: await c.login('scj.clerk') }), 422, undefined, 'mediator_name')
  assert.equal(cases(), n)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM med_party'), parties1)
  // The same form, good, is taken; so is the market authority's own.
  await register(c, 'qsz.clerk', { parties: parties('好') })
  await register(c, 'qsz.clerk', { parties: [{ ...parties('证')[0], id_type: 'other', id_number: '341122199001011234' }, parties('证')[1]] })
  const r = await c.post('/api/mediations', { ...scjBody, field: 'market', dispute_type: 'consumer' }, { session: await c.login('scj.clerk') })
  assert.equal(r.status, 201, r.text)
  assert.equal(r.json.case.fields.kind_label, '行政调解')
})

test('a petition or reconsideration case it came from must exist and be readable by the caller', async () => {
  const [[recon, reconAgency]] = sql(c.db, "SELECT case_id, agency_id FROM case_record WHERE case_type = 'reconsideration' LIMIT 1")
  const legal = await c.login('legal')
  const k = await committeeOf(c, 'qsz.clerk')
  const body = { kind: 'people', agency_id: await c.agencyOf('qsz.clerk'), dispute_type: 'other', ...k, received_on: TODAY, summary: '复议转调解。', parties: parties('复议'), source_case_id: Number(recon) }
  const r = await c.post('/api/mediations', body, { session: legal })
  assert.equal(r.status, 201, r.text)
  assert.equal(r.json.case.fields.source_case_id, Number(recon))
  assert.ok(r.json.case.fields.source_number)
  // A township clerk cannot link a case it cannot read (the legal office's reconsideration case).
  assert.notEqual(Number(reconAgency), await c.agencyOf('qsz.clerk'))
  const { agency_id: _, ...own } = body
  assertError(await c.post('/api/mediations', own, { session: await c.login('qsz.clerk') }), 422, undefined, 'source_case_id')
  // A mailbox letter is neither a petition nor a reconsideration case.
  const [[letter]] = sql(c.db, "SELECT case_id FROM case_record WHERE case_type = 'mailbox' LIMIT 1")
  assertError(await c.post('/api/mediations', { ...body, source_case_id: Number(letter) }, { session: legal }), 422, undefined, 'source_case_id')
})

test('scope: a township sees only its own cases and committees; another agency gets 404', async () => {
  const qsz = await c.agencyOf('qsz.clerk')
  const s = await c.login('qsz.clerk')
  const list = await c.get('/api/mediations?per_page=100', { session: s })
  assert.equal(list.status, 200)
  assert.ok(list.json.total > 0)
  for (const it of list.json.items) assert.equal(it.agency_id, qsz)
  const ks = await c.get('/api/mediation/committees?per_page=100', { session: s })
  for (const it of ks.json.items) assert.equal(it.agency_id, qsz)
  const id = list.json.items[0].case_id
  const [k] = ks.json.items
  for (const other of ['cgz.clerk', 'scj.clerk']) {
    const o = await c.login(other)
    assertError(await c.get(`/api/cases/${id}`, { session: o }), 404)
    assertError(await c.get(`/api/mediation/committees/${k.committee_id}`, { session: o }), 404)
    assertError(await c.post(`/api/mediation/committees/${k.committee_id}/mediators`, { name: '某', phone: '13900000000', post: 'member' }, { session: o }), 404)
    const l = await c.get(`/api/mediations?agency_id=${qsz}`, { session: o })
    assert.equal(l.status === 200 ? l.json.total : 0, 0)
  }
  // The Excel export is the same scoped list.
  const x = await c.get('/api/mediations.xlsx', { session: s })
  assert.equal(x.status, 200)
  assert.match(x.headers.get('content-type'), /spreadsheetml/)
  assert.equal(x.bytes.subarray(0, 2).toString(), 'PK')
  // Legal sees every township's.
  const all = await c.get('/api/mediations?per_page=1', { session: await c.login('legal') })
  assert.ok(all.json.total > list.json.total)
})

test('the public directory lists committees and mediators, a mediator’s phone only when public', async () => {
  const r = await c.get('/api/public/mediation/directory?per_page=200')
  assert.equal(r.status, 200, r.text)
  assert.ok(r.json.total >= 30)
  const pub = new Map(sql(c.db, "SELECT name, phone, phone_public FROM med_mediator").map(([n, p, x]) => [n + p, x]))
  const phones = sql(c.db, 'SELECT phone FROM med_mediator WHERE phone_public = 0').map(([p]) => p)
  for (const p of phones) assert.ok(!r.text.includes(p), `private phone ${p} published`)
  let shown = 0
  for (const it of r.json.items) if (it.phone) { shown++; assert.equal(pub.get(it.mediator_name + it.phone), '1') }
  assert.ok(shown > 0)
  assert.ok(!/id_number|"parties"/.test(r.text))
})

test('a township keeps its register: a mediator made public shows a phone, one struck off leaves the directory', async () => {
  const s = await c.login('bsx.clerk')
  const made = await c.post('/api/mediation/committees', { name: '白沙乡新村人民调解委员会', village: '新村', director: '苗测试', phone: '0551-62220001' }, { session: s })
  assert.equal(made.status, 201, made.text)
  const k = made.json.committee_id
  assertError(await c.post('/api/mediation/committees', { name: '错', director: '某', agency_id: await c.agencyOf('scj.clerk') }, { session: await c.login('legal') }), 422, undefined, 'agency_id')
  const m = await c.post(`/api/mediation/committees/${k}/mediators`, { name: '白调解', phone: '13955550001', post: 'mediator', trained_on: TODAY }, { session: s })
  assert.equal(m.status, 201, m.text)
  assertError(await c.post(`/api/mediation/committees/${k}/mediators`, { name: '白二', phone: '1', post: 'member' }, { session: s }), 422, undefined, 'phone')
  const id = m.json.mediator_id
  const dir = async () => (await c.get('/api/public/mediation/directory?q=白沙乡新村&per_page=50')).json.items
  assert.equal((await dir()).find((x) => x.mediator_name === '白调解').phone, null)
  assertError(await c.api('PATCH', `/api/mediation/mediators/${id}`, { body: { phone_public: true }, session: await c.login('qsz.clerk') }), 404)
  const p = await c.api('PATCH', `/api/mediation/mediators/${id}`, { body: { phone_public: true, training: '调解技巧培训' }, session: s })
  assert.equal(p.status, 200, p.text)
  assert.equal((await dir()).find((x) => x.mediator_name === '白调解').phone, '13955550001')
  await c.api('PATCH', `/api/mediation/mediators/${id}`, { body: { active: false }, session: s })
  assert.equal((await dir()).find((x) => x.mediator_name === '白调解'), undefined)
  const kp = await c.api('PATCH', `/api/mediation/committees/${k}`, { body: { director: '苗新任' }, session: s })
  assert.equal(kp.status, 200, kp.text)
  assert.equal(kp.json.director, '苗新任')
  assert.equal(kp.json.mediators.length, 0)
})

test('named figures: cases and agreements by kind, each equal to its drill-down and to the statistics', async () => {
  const s = await c.login('legal')
  const f = await c.get('/api/figures?year=2026', { session: s })
  assert.equal(f.status, 200)
  const v = Object.fromEntries(f.json.items.filter((x) => x.name.startsWith('mediation.')).map((x) => [x.name, x.value]))
  assert.equal(v['mediation.cases.received'], v['mediation.people.received'] + v['mediation.admin.received'])
  assert.equal(v['mediation.cases.agreed'], v['mediation.people.agreed'] + v['mediation.admin.agreed'])
  assert.ok(v['mediation.cases.agreed'] > 0 && v['mediation.cases.agreed'] < v['mediation.cases.received'])
  const st = await c.get('/api/mediation/stats?year=2026', { session: s })
  assert.equal(st.status, 200, st.text)
  assert.equal(st.json.totals.received, v['mediation.cases.received'])
  assert.equal(st.json.totals.agreed, v['mediation.cases.agreed'])
  const byKind = Object.fromEntries(st.json.by_kind.map((x) => [x.kind, x]))
  assert.equal(byKind.people.received, v['mediation.people.received'])
  assert.equal(byKind.admin.agreed, v['mediation.admin.agreed'])
  const sql = "SELECT COUNT(*) FROM case_record c JOIN med_case x ON x.case_id = c.case_id WHERE c.received_on LIKE '2026-%'"
  assert.equal(v['mediation.cases.received'], sqlNumber(c.db, sql))
  assert.equal(v['mediation.cases.agreed'], sqlNumber(c.db, sql + " AND x.outcome = 'agreed'"))
  // By agency: the townships and the agencies, adding up to the whole.
  assert.equal(st.json.by_agency.reduce((n, a) => n + a.received, 0), v['mediation.cases.received'])
  const rate = st.json.totals.success_rate
  assert.ok(rate > 0 && rate <= 100)
  // A township's own figures are its own cases.
  const qsz = await c.agencyOf('qsz.clerk')
  const own = await c.get('/api/mediation/stats?year=2026', { session: await c.login('qsz.clerk') })
  assert.equal(own.json.totals.received, sqlNumber(c.db, sql + ` AND c.agency_id = ${qsz}`))
})
