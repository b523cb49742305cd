// Enforcement bodies, power lists, officers and certificates (issue #5): the registries through
// the API, agency scope on every record, bad input refused with nothing stored, a certificate's
// whole life through the case engine with its clocks on the supervision view, and the public
// certificate lookup for valid, expired, withdrawn and unknown numbers (rate-limited).
//
// One server on a demo database (FAZHI_TODAY 2026-11-23); the rate limit gets its own server.
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, startServer, Client, assertError, sql, sqlNumber, TODAY } from './lib.mjs'

const c = useServer()

async function as (user) { return c.login(user) }
async function get (user, p) {
  const r = await c.get(p, { session: await as(user) })
  return r
}
async function post (user, p, body) { return c.post(p, body, { session: await as(user) }) }
async function patch (user, p, body) { return c.api('PATCH', p, { session: await as(user), body }) }

function counts () {
  return sql(c.db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM enf_body), (SELECT COUNT(*) FROM enf_power),' +
    ' (SELECT COUNT(*) FROM enf_officer), (SELECT COUNT(*) FROM enf_training), (SELECT COUNT(*) FROM enf_certificate),' +
    ' (SELECT COUNT(*) FROM case_record), (SELECT COUNT(*) FROM enf_power_version)')[0].join(',')
}

async function bodyNamed (name, user = 'legal') {
  const r = await get(user, '/api/enforcement/bodies?per_page=100&q=' + encodeURIComponent(name))
  assert.equal(r.status, 200, r.text)
  return r.json.items.find((b) => b.name === name)
}

describe('registries in the demo county', () => {
  test('bodies, powers and officers have realistic size; lists page, sort and filter', async () => {
    const b = await get('legal', '/api/enforcement/bodies?per_page=100&sort=-powers')
    assert.equal(b.status, 200)
    assert.ok(b.json.total >= 28)
    assert.ok(b.json.items[0].powers >= b.json.items[1].powers)
    assert.ok(b.json.items.some((x) => x.kind === 'entrusted' && x.entrusted_by_name))
    const p = await get('legal', '/api/enforcement/powers?per_page=5&category=penalty&sort=code')
    assert.ok(p.json.total >= 1500, `penalties: ${p.json.total}`)
    assert.ok(sqlNumber(c.db, 'SELECT COUNT(*) FROM enf_power') >= 2000)
    assert.deepEqual(p.json.items.map((x) => x.code), [...p.json.items.map((x) => x.code)].sort())
    const page2 = await get('legal', '/api/enforcement/powers?per_page=5&category=penalty&sort=code&page=2')
    assert.notEqual(page2.json.items[0].item_id, p.json.items[0].item_id)
    const o = await get('legal', '/api/enforcement/officers?per_page=100')
    assert.ok(o.json.total >= 250, `officers: ${o.json.total}`)
    const counts = await get('legal', '/api/enforcement/powers/counts')
    assert.equal(counts.json.total, counts.json.bodies.reduce((n, x) => n + x.total, 0))
    assertError(await get('legal', '/api/enforcement/powers?sort=bogus'), 422, 'BAD_VALUE', 'sort')
    assertError(await get('legal', '/api/enforcement/powers?category=行政命令'), 422, 'BAD_VALUE', 'category')
    assertError(await get('legal', '/api/enforcement/officers?per_page=1000'), 422, 'BAD_VALUE', 'per_page')
  })

  test('agency scope: an agency user sees and changes only its own bodies, items, officers, certificates', async () => {
    const scj = await c.agencyOf('scj.clerk')
    for (const p of ['/api/enforcement/bodies', '/api/enforcement/powers', '/api/enforcement/officers', '/api/enforcement/certificates']) {
      const r = await get('scj.clerk', p + '?per_page=100')
      assert.equal(r.status, 200, r.text)
      assert.ok(r.json.total > 0, p)
      assert.ok(r.json.items.every((x) => x.agency_id === scj), p)
      const other = await get('scj.clerk', p + '?per_page=100&agency_id=' + (await c.agencyOf('zjj.clerk')))
      assert.equal(other.json.total, 0, p)
    }
    const zjjBody = await bodyNamed('青山县住房和城乡建设局')
    const item = (await get('legal', `/api/enforcement/powers?body_id=${zjjBody.body_id}&per_page=1`)).json.items[0]
    const officer = (await get('legal', `/api/enforcement/officers?body_id=${zjjBody.body_id}&per_page=1`)).json.items[0]
    const before = counts()
    assertError(await get('scj.clerk', `/api/enforcement/bodies/${zjjBody.body_id}`), 404, 'NOT_FOUND')
    assertError(await get('scj.clerk', `/api/enforcement/powers/${item.item_id}`), 404, 'NOT_FOUND')
    assertError(await get('scj.clerk', `/api/enforcement/officers/${officer.officer_id}`), 404, 'NOT_FOUND')
    assertError(await patch('scj.clerk', `/api/enforcement/powers/${item.item_id}`, { version: item.version, reason: 'x', changed_on: TODAY, name: '篡改' }), 404)
    assertError(await patch('scj.head', `/api/enforcement/officers/${officer.officer_id}`, { version: officer.version, status: 'transferred' }), 404)
    assertError(await post('scj.clerk', `/api/enforcement/officers/${officer.officer_id}/training`, { trained_on: TODAY, course: '培训', hours: 4 }), 404)
    assertError(await post('scj.clerk', '/api/enforcement/powers', { body_id: zjjBody.body_id, code: 'X-1', name: '事项', category: '行政处罚', law_name: '《法》' }), 422, 'BAD_VALUE', 'body_id')
    assertError(await post('scj.clerk', '/api/enforcement/bodies', { agency_id: zjjBody.agency_id, name: '某执法队', kind: 'organ', legal_basis: '依据', level: 'department' }), 403, 'FORBIDDEN', 'agency_id')
    assertError(await post('scj.clerk', '/api/enforcement/certificates', { officer_id: officer.officer_id }), 422, 'BAD_VALUE', 'officer_id')
    const cert = (await get('legal', `/api/enforcement/certificates?body_id=${zjjBody.body_id}&per_page=1`)).json.items[0]
    assertError(await get('scj.clerk', `/api/cases/${cert.case_id}`), 404)
    assertError(await post('leader', '/api/enforcement/powers', { body_id: zjjBody.body_id, code: 'X-2', name: '事项', category: '行政处罚', law_name: '《法》' }), 403, 'FORBIDDEN')
    assert.equal(counts(), before)
  })
})

describe('bodies: qualification review, publication and reorganisation', () => {
  test('submitted → confirmed → published, with the review clock; rename and merge keep history', async () => {
    const scj = await c.agencyOf('scj.clerk')
    const r = await post('scj.clerk', '/api/enforcement/bodies', {
      agency_id: scj, name: '青山县市场监督管理局东湖市场监督管理所', kind: 'authorized', level: 'department',
      legal_basis: '《市场监督管理行政处罚程序规定》第十四条',
    })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.status, 'submitted')
    const d = await c.detail(r.json.case_id)
    assert.equal(d.clocks[0].name, 'review')
    assertError(await c.act(r.json.case_id, 'confirm', 'scj.head', { opinion: '同意' }), 403, 'FORBIDDEN')
    await c.actOk(r.json.case_id, 'confirm', 'legal', { opinion: '依据充分' })
    assertError(await c.act(r.json.case_id, 'publish', 'legal', { published_on: '2026-12-01' }), 422, 'BAD_DATE', 'published_on')
    await c.actOk(r.json.case_id, 'publish', 'legal', { published_on: TODAY, announcement: '青政告〔2026〕9号' })
    const pub = await c.get(`/api/public/enforcement/bodies/${r.json.body_id}`)
    assert.equal(pub.status, 200)
    assert.equal(pub.json.status, 'published')
    assert.equal(pub.json.case_id, undefined)

    assertError(await post('scj.head', `/api/enforcement/bodies/${r.json.body_id}/changes`, { change_type: 'rename', changed_on: TODAY, reason: '机构改革', new_name: '新名' }), 403)
    const ren = await post('legal', `/api/enforcement/bodies/${r.json.body_id}/changes`, { change_type: 'rename', changed_on: TODAY, reason: '县委机构改革方案', new_name: '青山县市场监督管理局东湖所' })
    assert.equal(ren.status, 201, ren.text)
    assert.equal(ren.json.name, '青山县市场监督管理局东湖所')
    assert.equal(ren.json.changes[0].before.name, '青山县市场监督管理局东湖市场监督管理所')
    const main = await bodyNamed('青山县市场监督管理局')
    const merge = await post('legal', `/api/enforcement/bodies/${r.json.body_id}/changes`, { change_type: 'merge', changed_on: TODAY, reason: '撤并', merged_into: main.body_id })
    assert.equal(merge.status, 201, merge.text)
    assert.equal(merge.json.status, 'abolished')
    assert.equal(merge.json.changes.length, 2)
    assertError(await post('legal', `/api/enforcement/bodies/${r.json.body_id}/changes`, { change_type: 'abolish', changed_on: TODAY, reason: 'x' }), 409, 'STATE')
  })

  test('bad input: duplicate name, entrusted without its entrusting body, unknown kind', async () => {
    const scj = await c.agencyOf('scj.clerk')
    const before = counts()
    assertError(await post('legal', '/api/enforcement/bodies', { agency_id: scj, name: '青山县市场监督管理局', kind: 'organ', legal_basis: '依据', level: 'department' }), 409, 'DUPLICATE', 'name')
    assertError(await post('legal', '/api/enforcement/bodies', { agency_id: scj, name: '某委托队', kind: 'entrusted', legal_basis: '依据', level: 'department' }), 422, 'MISSING_FIELD', 'entrusted_by')
    assertError(await post('legal', '/api/enforcement/bodies', { agency_id: scj, name: '某队', kind: 'bureau', legal_basis: '依据', level: 'department' }), 422, 'BAD_VALUE', 'kind')
    assertError(await post('legal', '/api/enforcement/bodies', { agency_id: scj, name: '某队', kind: 'organ', legal_basis: '  ', level: 'department' }), 422, 'MISSING_FIELD', 'legal_basis')
    assert.equal(counts(), before)
  })
})

describe('power items', () => {
  test('create, change with reason and date (a new version), repeal; public list and search', async () => {
    const body = await bodyNamed('青山县市场监督管理局')
    const r = await post('scj.clerk', '/api/enforcement/powers', {
      body_id: body.body_id, code: 'T-API-001', name: '对经营者价格欺诈行为的行政处罚', category: '行政处罚',
      law_name: '《中华人民共和国价格法》', article: '第四十条', basis_text: '经营者有本法第十四条所列行为之一的……',
    })
    assert.equal(r.status, 201, r.text)
    assert.equal(r.json.category, 'penalty')
    assert.equal(r.json.versions.length, 1)
    const before = counts()
    assertError(await post('scj.clerk', '/api/enforcement/powers', { body_id: body.body_id, code: 'T-API-001', name: '重复', category: 'penalty', law_name: '《法》' }), 409, 'DUPLICATE', 'code')
    assertError(await post('scj.clerk', '/api/enforcement/powers', { body_id: body.body_id, code: 'T-API-002', name: '未知类别', category: '行政命令', law_name: '《法》' }), 422, 'BAD_VALUE', 'category')
    assertError(await post('scj.clerk', '/api/enforcement/powers', { body_id: body.body_id, code: 'T-API-003', name: '缺依据', category: 'penalty' }), 422, 'MISSING_FIELD', 'law_name')
    assertError(await post('scj.clerk', '/api/enforcement/powers', { body_id: body.body_id, code: 'T API', name: '坏编码', category: 'penalty', law_name: '《法》' }), 422, 'BAD_VALUE', 'code')
    assertError(await patch('scj.clerk', `/api/enforcement/powers/${r.json.item_id}`, { version: 1, changed_on: TODAY, law_name: '《新法》' }), 422, 'MISSING_FIELD', 'reason')
    assertError(await patch('scj.clerk', `/api/enforcement/powers/${r.json.item_id}`, { version: 1, reason: '修法', changed_on: TODAY, law_name: '' }), 422, 'MISSING_FIELD', 'law_name')
    assertError(await patch('scj.clerk', `/api/enforcement/powers/${r.json.item_id}`, { version: 9, reason: '修法', changed_on: TODAY }), 409, 'CONFLICT', 'version')
    assert.equal(counts(), before)
    const u = await patch('scj.clerk', `/api/enforcement/powers/${r.json.item_id}`, { version: 1, reason: '《价格法》修正', changed_on: TODAY, article: '第四十一条' })
    assert.equal(u.status, 200, u.text)
    assert.equal(u.json.version, 2)
    assert.equal(u.json.versions[1].reason, '《价格法》修正')
    assert.equal(u.json.versions[1].before.article, '第四十条')
    assert.equal(sqlNumber(c.db, "SELECT COUNT(*) FROM event WHERE action = 'power_update'"), 1)
    const pub = await c.get('/api/public/enforcement/powers?q=' + encodeURIComponent('价格欺诈') + '&category=penalty')
    assert.equal(pub.status, 200)
    assert.ok(pub.json.items.some((x) => x.code === 'T-API-001'))
    assert.equal(pub.json.items[0].version, undefined)
    const rep = await patch('scj.clerk', `/api/enforcement/powers/${r.json.item_id}`, { version: 2, reason: '法律废止', changed_on: TODAY, status: 'repealed' })
    assert.equal(rep.status, 200)
    const gone = await c.get('/api/public/enforcement/powers?q=T-API-001')
    assert.equal(gone.json.total, 0)
    assertError(await c.get(`/api/public/enforcement/powers/${r.json.item_id}`), 404)
  })
})

describe('officers and certificates', () => {
  test('an officer from registration to a valid certificate, then transfer raises the withdrawal task on supervision', async () => {
    const body = await bodyNamed('青山县市场监督管理局')
    const o = await post('scj.clerk', '/api/enforcement/officers', { body_id: body.body_id, name: '测试员甲', post: 'enforcement', area: '青山县行政区域', education: 'bachelor', employment: 'civil_servant' })
    assert.equal(o.status, 201, o.text)
    const t = await post('scj.clerk', `/api/enforcement/officers/${o.json.officer_id}/training`, { trained_on: TODAY, course: '行政处罚法培训', hours: 8 })
    assert.equal(t.status, 201, t.text)
    assert.equal(t.json.hours, 8)
    assert.equal(t.json.below_target, true)
    const below = await get('scj.clerk', '/api/enforcement/officers?below_target=1&per_page=100&q=' + encodeURIComponent('测试员甲'))
    assert.equal(below.json.total, 1)
    const a = await post('scj.clerk', '/api/enforcement/certificates', { officer_id: o.json.officer_id })
    assert.equal(a.status, 201, a.text)
    const id = a.json.case.case_id
    assertError(await post('scj.clerk', '/api/enforcement/certificates', { officer_id: o.json.officer_id }), 409, 'DUPLICATE', 'officer_id')
    await c.actOk(id, 'qualify', 'legal', {})
    await c.actOk(id, 'train', 'scj.clerk', { hours: 40, completed_on: TODAY })
    assertError(await c.act(id, 'exam_pass', 'legal', { score: 45, exam_on: TODAY }), 422, 'BAD_VALUE', 'score')
    // Batch exam and issue: all or nothing.
    const bad = await post('legal', '/api/enforcement/certificates/batch/issue', { items: [{ case_id: id, area: '青山县' }] })
    assert.equal(bad.status, 422, bad.text)
    assert.equal(bad.json.rows[0].row, 1)
    const ex = await post('legal', '/api/enforcement/certificates/batch/exam', { items: [{ case_id: id, score: 88, exam_on: TODAY }] })
    assert.equal(ex.status, 200, ex.text)
    const is = await post('legal', '/api/enforcement/certificates/batch/issue', { items: [{ case_id: id, area: '青山县行政区域', valid_years: 5 }] })
    assert.equal(is.status, 200, is.text)
    const d = await c.detail(id)
    assert.equal(d.case.state, 'valid')
    assert.match(d.case.fields.number, /^QS\d{9}$/)
    assert.equal(d.case.fields.valid_until, '2031-11-22')
    assert.ok(d.clocks.some((k) => k.name === 'expiry'))
    const look = await c.get('/api/public/certificates/' + d.case.fields.number.toLowerCase())
    assert.equal(look.status, 200)
    assert.equal(look.json.valid, true)
    assert.equal(look.json.name, '测试员甲')

    // Transfer: the officer's certificate goes to 待收回 with a withdrawal clock on the supervision view.
    const off = await get('scj.clerk', `/api/enforcement/officers/${o.json.officer_id}`)
    const tr = await patch('scj.head', `/api/enforcement/officers/${o.json.officer_id}`, { version: off.json.version, status: 'transferred' })
    assert.equal(tr.status, 200, tr.text)
    assert.equal(tr.json.withdrawal_tasks, 1)
    const d2 = await c.detail(id)
    assert.equal(d2.case.state, 'to_withdraw')
    const w = d2.clocks.find((k) => k.name === 'withdrawal')
    assert.equal(w.state, 'running')
    assert.equal(w.unit, 'WD')
    const look2 = await c.get('/api/public/certificates/' + d.case.fields.number)
    assert.equal(look2.json.valid, false)
    assert.equal(look2.json.status, 'invalid')
    // A certificate for an officer who is 调离: refused.
    assertError(await post('scj.clerk', '/api/enforcement/certificates', { officer_id: o.json.officer_id }), 422, 'BAD_VALUE', 'officer_id')
    await c.actOk(id, 'withdraw', 'scj.head', { reason: 'transfer', note: '已交回' })
    // A withdrawn certificate cannot be reactivated without a new issue.
    const before = counts()
    for (const action of ['reinstate', 'issue', 'annual_review']) {
      const r = await c.act(id, action, 'legal', { note: '恢复', area: 'x', reviewed_on: TODAY })
      assertError(r, 409, 'STATE')
    }
    assert.equal(counts(), before)
    const look3 = await c.get('/api/public/certificates/' + d.case.fields.number)
    assert.equal(look3.json.valid, false)
    assert.equal(look3.json.status, 'withdrawn')
    assert.match(look3.json.reason, /收回注销/)
  })

  test('screening refuses contract staff; failed exam cannot be issued; legal reviewers need the qualification', async () => {
    const body = await bodyNamed('青山县市场监督管理局')
    assertError(await post('scj.clerk', '/api/enforcement/officers', { body_id: body.body_id, name: '审核员', post: 'legal_review', area: '县域', education: 'bachelor', employment: 'civil_servant' }), 422, 'BAD_VALUE', 'legal_qualification')
    const o = await post('scj.clerk', '/api/enforcement/officers', { body_id: body.body_id, name: '合同工乙', post: 'enforcement', area: '县域', education: 'bachelor', employment: 'contract' })
    const a = await post('scj.clerk', '/api/enforcement/certificates', { officer_id: o.json.officer_id })
    assertError(await c.act(a.json.case.case_id, 'qualify', 'legal', {}), 422, 'BAD_VALUE', 'employment')
    const failed = (await get('legal', '/api/enforcement/certificates?state=failed&per_page=1')).json.items[0]
    assertError(await c.act(failed.case_id, 'issue', 'legal', { area: '县域' }), 409, 'STATE')
    const r = await post('legal', '/api/enforcement/certificates/batch/issue', { items: [{ case_id: failed.case_id, area: '县域' }] })
    assert.equal(r.status, 422)
    assert.match(r.json.rows[0].message, /考试不合格，不能发证/)
  })

  test('public lookup: valid, expired, withdrawn, unknown; nothing beyond what is published', async () => {
    const [valid] = sql(c.db, "SELECT c.number FROM enf_certificate c JOIN case_record r USING (case_id) JOIN enf_officer o USING (officer_id) WHERE r.state = 'valid' AND c.valid_until >= '2026-11-23' AND o.status = 'on_duty' LIMIT 1")[0]
    const [expired] = sql(c.db, "SELECT c.number FROM enf_certificate c WHERE c.valid_until < '2026-11-23' LIMIT 1")[0]
    const [withdrawn] = sql(c.db, "SELECT c.number FROM enf_certificate c JOIN case_record r USING (case_id) WHERE r.state = 'withdrawn' LIMIT 1")[0]
    const v = await c.get('/api/public/certificates/' + valid)
    assert.equal(v.status, 200)
    assert.equal(v.json.valid, true)
    assert.deepEqual(Object.keys(v.json).sort(), ['agency_name', 'area', 'body_name', 'cert_type_label', 'issued_on', 'name', 'number', 'photo', 'reason', 'status', 'status_label', 'valid', 'valid_until'])
    const e = await c.get('/api/public/certificates/' + expired)
    assert.equal(e.json.valid, false)
    assert.equal(e.json.status, 'expired')
    assert.match(e.json.reason, /已过期/)
    const w = await c.get('/api/public/certificates/' + withdrawn)
    assert.equal(w.json.valid, false)
    assert.equal(w.json.status, 'withdrawn')
    for (const n of ['QS999999999', 'x', '%27%20OR%201%3D1']) assertError(await c.get('/api/public/certificates/' + n), 404, 'NOT_FOUND', 'number')
    const pub = await c.get(`/api/public/enforcement/bodies/${(await bodyNamed('青山县市场监督管理局')).body_id}/officers?per_page=100`)
    assert.equal(pub.status, 200)
    assert.ok(pub.json.total > 0)
    assert.deepEqual(Object.keys(pub.json.items[0]).sort(), ['area', 'cert_type_label', 'name', 'number', 'post_label', 'valid_until'])
  })

  test('supervision: expired certificates not yet processed are red; withdrawal clocks run; statistics and report', async () => {
    const sup = await get('legal', '/api/supervision')
    assert.ok(sup.json.items.some((x) => x.clock_label === '证件有效期' && x.status === 'red'), JSON.stringify(sup.json.items.slice(0, 3)))
    assert.ok(sqlNumber(c.db, "SELECT COUNT(*) FROM case_clock WHERE name = 'withdrawal' AND state = 'running'") > 0)
    const s = await get('legal', '/api/enforcement/stats?year=2026')
    assert.equal(s.status, 200, s.text)
    assert.equal(s.json.powers.total, sqlNumber(c.db, "SELECT COUNT(*) FROM enf_power WHERE status = 'active'"))
    assert.equal(s.json.exam.pass_rate, Math.round(100 * s.json.exam.passed / s.json.exam.sat))
    assert.match(s.json.paragraph, /^截至2026年底，全县共有行政执法主体\d+个/)
    assert.match(s.json.paragraph, /合格率\d+%/)
    const mine = await get('scj.clerk', '/api/enforcement/stats?year=2026')
    assert.equal(mine.json.agency_id, await c.agencyOf('scj.clerk'))
    assert.ok(mine.json.powers.total < s.json.powers.total)
    const x = await get('legal', '/api/enforcement/stats.xlsx?year=2026')
    assert.equal(x.status, 200)
    assert.equal(x.bytes.subarray(0, 2).toString('latin1'), 'PK')
  })
})

test('the public lookup is rate-limited', async () => {
  const server = await startServer({ env: { FAZHI_PUBLIC_RATE: '5' } })
  try {
    const client = new Client(server)
    const statuses = []
    for (let i = 0; i < 8; i++) statuses.push((await client.get('/api/public/certificates/QS000000000')).status)
    assert.deepEqual(statuses.slice(0, 5), [404, 404, 404, 404, 404])
    assert.equal(statuses[7], 429)
  } finally {
    await server.stop()
  }
})
