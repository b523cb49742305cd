// Named yearly figures (platform/figures.h, GET /api/figures, `fazhi report figures`): each
// figure equals what its module's own statistics or report says for the same year and agency;
// the disclosure report's table 四 is the fifteen figures, read by name; every count figure's
// drill-down is a normal list whose total is the figure; agency users see only their agency.
//
// One server, FAZHI_TODAY 2026-11-23, on the demo county. Only the last test writes (it moves one
// decision into the next year, for the "result on 31 December" rule of table 四).
import { test, describe } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, assertError, fazhiOk, sql } from './lib.mjs'

const c = useServer()

async function figures (username = 'legal', query = 'year=2026') {
  const r = await c.get(`/api/figures?${query}`, { session: await c.login(username) })
  assert.equal(r.status, 200, r.text)
  return r.json
}

/** {name: value} of a /api/figures answer. */
function values (f) {
  return Object.fromEntries(f.items.map((x) => [x.name, x.value]))
}

async function getJson (username, path) {
  const r = await c.get(path, { session: await c.login(username) })
  assert.equal(r.status, 200, `${path}: ${r.text}`)
  return r.json
}

const TABLE4 = [
  'recon.disclosure.upheld', 'recon.disclosure.corrected', 'recon.disclosure.other',
  'recon.disclosure.pending', 'recon.disclosure.total',
  'litigation.disclosure.direct.upheld', 'litigation.disclosure.direct.corrected',
  'litigation.disclosure.direct.other', 'litigation.disclosure.direct.pending',
  'litigation.disclosure.direct.total',
  'litigation.disclosure.after_recon.upheld', 'litigation.disclosure.after_recon.corrected',
  'litigation.disclosure.after_recon.other', 'litigation.disclosure.after_recon.pending',
  'litigation.disclosure.after_recon.total',
]

/** Every count figure's drill-down, opened as the legal office: its total is the figure. */
async function checkDrills (f, label) {
  const s = await c.login('legal')
  for (const x of f.items) {
    assert.equal(x.drill.method, 'GET', x.name)
    if (x.kind !== 'count') continue
    const r = await c.get(`${x.drill.path}?${x.drill.query}&per_page=1`, { session: s })
    assert.equal(r.status, 200, `${label} ${x.name}: ${x.drill.path}?${x.drill.query}: ${r.text}`)
    assert.equal(r.json.total, x.value, `${label} ${x.name}: ${x.drill.path}?${x.drill.query}`)
  }
}

describe('GET /api/figures', () => {
  test('lists every installed figure with label, unit, module, value and drill-down', async () => {
    const f = await figures()
    assert.equal(f.year, 2026)
    assert.equal(f.agency_id, 0)
    const names = f.items.map((x) => x.name)
    assert.equal(new Set(names).size, names.length, 'names are unique')
    for (const n of [...TABLE4, 'recon.cases.received', 'recon.decisions.corrected', 'litigation.cases.judged',
      'disclosure.requests.received', 'mailbox.letters.received', 'enforcement.powers.count',
      'enforcement.officers.certified', 'enforcement.training.hours',
      'review.reviews.done', 'review.reviews.unlawful', 'review.points.raised', 'review.points.adopted']) {
      assert.ok(names.includes(n), `${n} is listed`)
    }
    for (const x of f.items) {
      assert.match(x.name, /^[a-z0-9_]+(\.[a-z0-9_]+)+$/)
      assert.match(x.label, /\p{Script=Han}/u, x.name)
      assert.ok(x.unit, x.name)
      assert.ok(['mailbox', 'disclosure', 'reconsideration', 'enforcement', 'review', 'normative', 'decision', 'legal', 'proposal'].includes(x.module), x.module)
      assert.ok(['count', 'sum'].includes(x.kind), x.name)
      assert.equal(typeof x.value, 'number', x.name)
      assert.ok(Number.isInteger(x.value) && x.value >= 0, x.name)
      assert.deepEqual(Object.keys(x.drill).sort(), ['method', 'path', 'query'], x.name)
      assert.match(x.drill.path, /^\/api\//, x.name)
      assert.doesNotMatch(x.drill.query, /[{}]/, `${x.name}: the query is filled in`)
      assert.doesNotMatch(x.drill.query, /agency_id=0\b/, `${x.name}: the county is no agency filter`)
    }
    assert.equal(f.items.find((x) => x.name === 'enforcement.training.hours').kind, 'sum')
  })

  test('the reconsideration figures equal its statistics, county-wide and for one agency', async () => {
    const zjj = await c.agencyOf('zjj.clerk')
    for (const q of ['', `&agency_id=${zjj}`]) {
      const v = values(await figures('legal', `year=2026${q}`))
      const s = await getJson('legal', `/api/reconsideration/stats?year=2026${q}`)
      assert.equal(v['recon.cases.received'], s.reconsideration.received, q)
      assert.equal(v['recon.cases.refused'], s.reconsideration.refused, q)
      assert.equal(v['recon.decisions.total'], s.reconsideration.decided, q)
      assert.equal(v['recon.decisions.corrected'], s.reconsideration.corrected, q)
      assert.equal(v['litigation.cases.received'], s.litigation.received, q)
      assert.equal(v['litigation.cases.after_recon'], s.litigation.after_reconsideration, q)
      assert.equal(v['litigation.cases.judged'], s.litigation.judged, q)
    }
    // The demo script (reconsideration_stats.test.mjs): 9 received, 6 decided, 3 corrected.
    const v = values(await figures())
    assert.equal(v['recon.cases.received'], 9)
    assert.equal(v['recon.decisions.total'], 6)
    assert.equal(v['recon.decisions.corrected'], 3)
  })

  test('the enforcement, mailbox and disclosure figures equal their statistics', async () => {
    const scj = await c.agencyOf('scj.clerk')
    for (const q of ['', `&agency_id=${scj}`]) {
      const v = values(await figures('legal', `year=2026${q}`))
      const e = await getJson('legal', `/api/enforcement/stats?year=2026${q}`)
      assert.equal(v['enforcement.bodies.published'], e.bodies.published, q)
      assert.equal(v['enforcement.powers.count'], e.powers.total, q)
      assert.equal(v['enforcement.officers.on_duty'], e.officers.on_duty, q)
      assert.equal(v['enforcement.officers.certified'], e.certificates.valid_now, q)
      assert.equal(v['enforcement.officers.below_target'], e.training.below_target, q)
      assert.equal(v['enforcement.training.hours'], e.training.hours, q)
      const d = await getJson('legal', `/api/disclosure/report?year=2026${q}`)
      const received = d.table3.rows.find((r) => r.key === 'received').values
      assert.equal(v['disclosure.requests.received'], received[received.length - 1], q)
    }
    const v = values(await figures())
    assert.ok(v['enforcement.powers.count'] > 0, 'the demo county has a power list')
    assert.equal(v['mailbox.letters.received'], (await getJson('legal', '/api/mailbox/stats?year=2026')).totals.received)
    assert.equal(v['disclosure.requests.received'], (await getJson('legal', '/api/disclosure/stats?year=2026')).totals.received)
    assert.ok(v['mailbox.letters.received'] > 0 && v['disclosure.requests.received'] > 0)
    // An agency user's statistics are its own agency's, and so are its figures.
    const mine = values(await figures('scj.clerk'))
    assert.equal(mine['mailbox.letters.received'], (await getJson('scj.clerk', '/api/mailbox/stats?year=2026')).totals.received)
  })

  test('table 四 of the disclosure report is the fifteen figures, county-wide and per agency', async () => {
    const zjj = await c.agencyOf('zjj.clerk')
    const scj = await c.agencyOf('scj.clerk')
    for (const q of ['', `&agency_id=${zjj}`, `&agency_id=${scj}`]) {
      for (const y of [2025, 2026]) {
        const v = values(await figures('legal', `year=${y}${q}`))
        const t4 = (await getJson('legal', `/api/disclosure/report?year=${y}${q}`)).table4
        assert.deepEqual(t4.values, TABLE4.map((n) => v[n]), `${y}${q}`)
        assert.equal(t4.note ?? null, null, 'the reconsideration module is installed')
      }
    }
    // Table 二's 行政处罚 row is the enforcement module's figure of penalty decisions and its 行政强制 row the
    // coercion cases' figure (measures taken and execution decisions of the year), county-wide and per agency;
    // the 行政规范性文件 row the normative module's figures; the rows of modules not yet installed are zeros, named in the note.
    for (const q of ['', `&agency_id=${scj}`, `&agency_id=${zjj}`]) {
      for (const y of [2025, 2026]) {
        const v = values(await figures('legal', `year=${y}${q}`))
        const t2 = (await getJson('legal', `/api/disclosure/report?year=${y}${q}`)).table2
        assert.equal(t2.note, '相关业务模块（规章、行政许可、收费）尚未启用，暂填 0')
        assert.deepEqual(t2.blocks[2].rows, [['行政处罚', v['enforcement.penalties.decided']], ['行政强制', v['enforcement.coercions.count']]], `${y}${q}`)
        assert.deepEqual(t2.blocks[0].rows, [['规章', 0, 0, 0], ['行政规范性文件', v['normative.documents.issued'],
          v['normative.documents.repealed'], v['normative.documents.in_force']]], `${y}${q}`)
      }
    }
    const names = (await figures()).items.map((x) => x.name)
    for (const n of ['normative.documents.issued', 'normative.documents.repealed', 'normative.documents.in_force']) {
      assert.ok(names.includes(n), `${n} is listed`)
    }
    const t2 = (await getJson('legal', '/api/disclosure/report?year=2026')).table2
    assert.ok(t2.blocks[2].rows[0][1] > 0, 'the demo county decided penalty cases in 2026')
    assert.ok(t2.blocks[2].rows[1][1] > 0, 'the demo county took coercive measures in 2026')
  })

  test('every count figure’s drill-down list has the figure as its total', async () => {
    const zjj = await c.agencyOf('zjj.clerk')
    const scj = await c.agencyOf('scj.clerk')
    for (const q of ['year=2026', 'year=2025', `year=2026&agency_id=${zjj}`, `year=2026&agency_id=${scj}`]) {
      const f = await figures('legal', q)
      await checkDrills(f, q)
    }
    const one = (await figures()).items.find((x) => x.name === 'recon.decisions.corrected')
    assert.deepEqual(one.drill, {
      method: 'GET', path: '/api/reconsideration/cases', query: 'decided_year=2026&outcome_class=corrected',
    })
  })

  test('an agency user sees its own agency; another agency is 404', async () => {
    const scj = await c.agencyOf('scj.clerk')
    const zjj = await c.agencyOf('zjj.clerk')
    const own = await figures('scj.clerk')
    assert.equal(own.agency_id, scj)
    assert.deepEqual(await figures('scj.clerk', `year=2026&agency_id=${scj}`), own)
    assert.deepEqual(values(await figures('legal', `year=2026&agency_id=${scj}`)), values(own))
    for (const x of own.items) assert.match(x.drill.query, new RegExp(`=${scj}(&|$)`), `${x.name} is filtered to scj`)
    const s = await c.login('scj.clerk')
    assertError(await c.get(`/api/figures?year=2026&agency_id=${zjj}`, { session: s }), 404, 'NOT_FOUND', 'agency_id')
  })

  test('a bad year or agency is 422 naming it; without a session 401', async () => {
    const s = await c.login('legal')
    for (const y of ['abc', '1999', '2026x', '20.26']) {
      assertError(await c.get(`/api/figures?year=${y}`, { session: s }), 422, 'BAD_VALUE', 'year')
    }
    assertError(await c.get('/api/figures?year=2026&agency_id=x', { session: s }), 422, 'BAD_VALUE', 'agency_id')
    assertError(await c.get('/api/figures?year=2026&agency_id=99999', { session: s }), 422, 'BAD_VALUE', 'agency_id')
    assertError(await c.get('/api/figures?year=2026'), 401)
    // The lists' new filters refuse what they do not know, naming the parameter.
    assertError(await c.get('/api/reconsideration/cases?outcome_class=won', { session: s }), 422, 'BAD_VALUE', 'outcome_class')
    assertError(await c.get('/api/litigation/cases?outcome_class=pending&as_of=2026-13-01', { session: s }), 422, 'BAD_VALUE', 'as_of')
    assertError(await c.get('/api/litigation/cases?after_recon=2', { session: s }), 422, 'BAD_VALUE', 'after_recon')
    assertError(await c.get('/api/cases?year=19', { session: s }), 422, 'BAD_VALUE', 'year')
  })

  test('`fazhi report figures` prints the same figures', async () => {
    const out = fazhiOk(['report', 'figures', '--db', c.db, '--year', '2026', '--format', 'json'])
    assert.deepEqual(JSON.parse(out.stdout), await figures())
    const scj = await c.agencyOf('scj.clerk')
    const one = fazhiOk(['report', 'figures', '--db', c.db, '--year', '2026', '--agency', String(scj)])
    assert.deepEqual(JSON.parse(one.stdout), await figures('legal', `year=2026&agency_id=${scj}`))
    const text = fazhiOk(['report', 'figures', '--db', c.db, '--year', '2026', '--format', 'text']).stdout
    assert.match(text, /^recon\.decisions\.corrected\s+3 件\t/m)
  })

  test('a decision after 31 December is still 尚未审结 in that year’s table 四 and its drill-down', async () => {
    // 王海's disclosure application (#3, zjj) was decided 2026-06-05 (order_perform, corrected).
    const before = values(await figures())
    assert.equal(before['recon.disclosure.corrected'], 1)
    const [[id]] = sql(c.db, "SELECT r.case_id FROM recon_case r WHERE r.act_type = 'disclosure' AND r.decision = 'order_perform'")
    sql(c.db, `UPDATE case_record SET received_on = '2025-12-20' WHERE case_id = ${id}`)
    sql(c.db, `UPDATE recon_case SET decided_on = '2026-01-08' WHERE case_id = ${id}`)
    const y2025 = values(await figures('legal', 'year=2025'))
    assert.equal(y2025['recon.disclosure.pending'], 1, 'received in 2025, decided in 2026')
    assert.equal(y2025['recon.disclosure.corrected'], 0)
    assert.equal(y2025['recon.disclosure.total'], 1)
    assert.equal(y2025['recon.decisions.corrected'], 0, 'decided in 2026, not 2025')
    assert.equal(values(await figures())['recon.decisions.corrected'], before['recon.decisions.corrected'])
    await checkDrills(await figures('legal', 'year=2025'), '2025 after the move')
    await checkDrills(await figures(), '2026 after the move')
    const t4 = (await getJson('legal', '/api/disclosure/report?year=2025')).table4
    assert.deepEqual(t4.values, TABLE4.map((n) => y2025[n]))
  })

  test('the legality review figures equal the review statistics and their drill-down lists, after a review with points', async () => {
    // A draft of scj through the review (不合法 with two points, one adopted), written through the API.
    const s = await c.login('scj.clerk')
    const r = await c.post('/api/normative/drafts', {
      title: '青山县图表测试管理办法', issuing_body: '青山县人民政府', number_prefix: '青政规', off_plan_reason: '统计测试',
      drafting_note: '起草说明', basis: '依据', body: '第一条 为加强管理，制定本办法。', affects_public: false, affects_market: false,
    }, { session: s })
    assert.equal(r.status, 201, r.text)
    const review = (await c.actOk(r.json.case.case_id, 'submit_review', 'scj.clerk', { summary: '请审核' })).case.fields.review_case_id
    const [[legal]] = sql(c.db, "SELECT user_id FROM app_user WHERE username = 'legal'")
    await c.actOk(review, 'assign', 'legalhead', { reviewer_id: Number(legal) })
    const l = await c.login('legal')
    for (const point of ['第一条目的不明确', '缺少施行日期']) {
      const p = await c.post(`/api/reviews/${review}/points`, { point, basis: '《立法技术规范》' }, { session: l })
      assert.equal(p.status, 201, p.text)
    }
    await c.actOk(review, 'opinion', 'legal', { opinion: 'unlawful', summary: '不合法' })
    const a = await c.post(`/api/reviews/${review}/points/1/adoption`, { adopted: true }, { session: s })
    assert.equal(a.status, 200, a.text)
    const scj = await c.agencyOf('scj.clerk')
    for (const q of ['', `&agency_id=${scj}`]) {
      const v = values(await figures('legal', `year=2026${q}`))
      const t = (await getJson('legal', `/api/reviews/stats?year=2026${q}`)).total
      assert.equal(v['review.reviews.done'], t.done, q)
      assert.equal(v['review.reviews.unlawful'], t.unlawful, q)
      assert.equal(v['review.points.raised'], t.points_raised, q)
      assert.equal(v['review.points.adopted'], t.points_adopted, q)
      assert.ok(v['review.reviews.done'] >= 1 && v['review.points.raised'] >= 2 && v['review.points.adopted'] >= 1, q)
      await checkDrills(await figures('legal', `year=2026${q}`), `review ${q}`)
    }
    assert.equal(values(await figures('legal', `year=2026&agency_id=${await c.agencyOf('zjj.clerk')}`))['review.reviews.done'],
      (await getJson('zjj.clerk', '/api/reviews/stats?year=2026')).total.done)
  })
})
