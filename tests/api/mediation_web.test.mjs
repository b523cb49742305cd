// Mediation: what the web pages need of the API (docs/mediation.md), beside tests/api/mediation.test.mjs.
// The public directory gives the township (agency_id, for the portal's filter) and the post's label,
// finds a mediator or a township by keyword, and never a phone not marked public; a committee's page
// says whether it is still on the register, and one struck off leaves the register and the directory;
// the statistics take agency_id (the legal office any agency, an agency only its own: another is
// 404); a case's title names the dispute (张三与李四邻里纠纷, 甲与乙纠纷 for 其他).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, stopAll, Client, assertError, TODAY } from './lib.mjs'

const servers = []
let c
before(async () => {
  const s = await startServer()
  servers.push(s)
  c = new Client(s)
})
after(async () => { await stopAll(servers) })

const year = TODAY.slice(0, 4)
const parties = (a, b) => [
  { name: a, id_type: 'id_card', phone: '13905510001' },
  { name: b, id_type: 'other', phone: '13905510002' },
]

test('the directory: township and post label, keyword on mediators and townships, public phones only', async () => {
  const all = await c.get('/api/public/mediation/directory?per_page=200')
  assert.equal(all.status, 200, all.text)
  assert.ok(all.json.items.length >= 30)
  const posts = { director: '主任', deputy: '副主任', member: '委员', mediator: '调解员' }
  for (const r of all.json.items) {
    assert.equal(typeof r.agency_id, 'number')
    assert.equal(r.post_label, posts[r.post], r.mediator_name)
    for (const k of ['id_number', 'phone_public', 'trained_on']) assert.ok(!(k in r), k)
  }
  // Phones: only the ones marked public (the staff detail tells which).
  const s = await c.login('legal')
  const k = all.json.items[0].committee_id
  const detail = (await c.get(`/api/mediation/committees/${k}`, { session: s })).json
  for (const m of detail.mediators) {
    const row = all.json.items.find((r) => r.committee_id === k && r.mediator_name === m.name)
    assert.equal(row.phone, m.phone_public ? m.phone : null, m.name)
  }
  // A mediator found by name; a township by its name; the township filter by agency_id.
  const someone = all.json.items.find((r) => r.post === 'mediator')
  const byName = await c.get(`/api/public/mediation/directory?q=${encodeURIComponent(someone.mediator_name)}`)
  assert.ok(byName.json.items.some((r) => r.mediator_name === someone.mediator_name && r.committee_id === someone.committee_id))
  const town = someone.agency_name.replace(/人民政府$/, '')
  const byTown = await c.get(`/api/public/mediation/directory?per_page=200&q=${encodeURIComponent(town)}`)
  assert.equal(byTown.json.total, all.json.items.filter((r) => r.agency_name.includes(town)).length)
  const byAgency = await c.get(`/api/public/mediation/directory?per_page=200&agency_id=${someone.agency_id}`)
  assert.ok(byAgency.json.items.length > 0)
  assert.ok(byAgency.json.items.every((r) => r.agency_id === someone.agency_id))
})

test('a committee struck off is marked so on its page and leaves the register and the directory', async () => {
  const s = await c.login('lhx.clerk')
  const r = await c.post('/api/mediation/committees', { name: '柳河乡测试村人民调解委员会', village: '测试村', director: '测试', phone: '0551-6600000' }, { session: s })
  assert.equal(r.status, 201, r.text)
  const id = r.json.committee_id
  const m = await c.post(`/api/mediation/committees/${id}/mediators`, { name: '唯一调解员', phone: '13905519999', phone_public: true, post: 'director' }, { session: s })
  assert.equal(m.status, 201, m.text)
  let d = await c.get(`/api/mediation/committees/${id}`, { session: s })
  assert.equal(d.json.active, true)
  let dir = await c.get(`/api/public/mediation/directory?q=${encodeURIComponent('唯一调解员')}`)
  assert.equal(dir.json.total, 1)
  assert.equal(dir.json.items[0].phone, '13905519999')
  const p = await c.api('PATCH', `/api/mediation/committees/${id}`, { session: s, body: { active: false } })
  assert.equal(p.status, 200, p.text)
  assert.equal(p.json.active, false)
  d = await c.get(`/api/mediation/committees/${id}`, { session: s })
  assert.equal(d.json.active, false)
  const reg = await c.get('/api/mediation/committees?q=测试村', { session: s })
  assert.equal(reg.json.total, 0)
  dir = await c.get(`/api/public/mediation/directory?q=${encodeURIComponent('唯一调解员')}`)
  assert.equal(dir.json.total, 0)
})

test('the statistics take agency_id: the legal office any agency, an agency only its own', async () => {
  const legal = await c.login('legal')
  const county = (await c.get(`/api/mediation/stats?year=${year}`, { session: legal })).json
  assert.equal(county.agency_id, 0)
  const row = county.by_agency.find((r) => r.received > 0)
  const one = await c.get(`/api/mediation/stats?year=${year}&agency_id=${row.agency_id}`, { session: legal })
  assert.equal(one.status, 200, one.text)
  assert.equal(one.json.agency_id, row.agency_id)
  assert.equal(one.json.totals.received, row.received)
  assert.equal(one.json.totals.agreed, row.agreed)
  assert.deepEqual(one.json.by_agency.map((r) => r.agency_id), [row.agency_id])
  const list = await c.get(`/api/mediations?year=${year}&agency_id=${row.agency_id}&per_page=1`, { session: legal })
  assert.equal(list.json.total, row.received)
  // A township's clerk: its own without asking, the same when asking for it, 404 for another.
  const qsz = await c.login('qsz.clerk')
  const own = await c.get(`/api/mediation/stats?year=${year}`, { session: qsz })
  assert.equal(own.status, 200)
  const mine = county.by_agency.find((r) => r.agency_id === own.json.agency_id)
  assert.equal(own.json.totals.received, mine ? mine.received : 0)
  const asked = await c.get(`/api/mediation/stats?year=${year}&agency_id=${own.json.agency_id}`, { session: qsz })
  assert.deepEqual(asked.json.totals, own.json.totals)
  const other = county.by_agency.find((r) => r.agency_id !== own.json.agency_id)
  assertError(await c.get(`/api/mediation/stats?year=${year}&agency_id=${other.agency_id}`, { session: qsz }), 404)
  assertError(await c.get(`/api/mediation/stats?year=${year}&agency_id=abc`, { session: legal }), 422, undefined, 'agency_id')
})

test('a case\'s title names the dispute', async () => {
  const s = await c.login('qsz.clerk')
  const k = (await c.get('/api/mediation/committees', { session: s })).json.items[0]
  const m = (await c.get(`/api/mediation/committees/${k.committee_id}`, { session: s })).json.mediators[0]
  for (const [type, a, b, title] of [
    ['neighbour', '张标题', '李标题', '张标题与李标题邻里纠纷'],
    ['damages', '王标题', '赵标题', '王标题与赵标题损害赔偿纠纷'],
    ['labour', '钱标题', '孙标题', '钱标题与孙标题劳动争议'],
    ['other', '周标题', '吴标题', '周标题与吴标题纠纷'],
  ]) {
    const r = await c.post('/api/mediations', {
      kind: 'people', committee_id: k.committee_id, mediator_id: m.mediator_id, dispute_type: type, received_on: TODAY,
      summary: '纠纷简要情况。', parties: parties(a, b),
    }, { session: s })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.case.title, title)
  }
})
