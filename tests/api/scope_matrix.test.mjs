// Agency scope over the whole route table, generated from /api/openapi.json: every staff route
// whose path names a record declares which kind (x-fazhi-record, from the route row's `record`),
// and is then asked by every agency role with another agency's records of that kind, in several
// states (draft, in progress, closed), as GET or with a plausible write body. The rule of the
// house: an agency's staff see and touch only their own agency's records; anything else answers
// exactly like a missing record (404, never 403 or 422, which would confirm that it exists) and
// writes nothing. A case is also its respondent's (行政复议法 第48条: the respondent agency of a
// reconsideration case reads it and answers), so such a case is not "another agency's" for the
// respondent (SHARED below). A 403 is accepted only where the role is refused on its own agency's record
// too. The same routes with the user's own records must not answer 404 (the positive control),
// and the legal office and the county leader read every agency's records.
// List routes that filter by agency_id return no foreign rows to an agency user.
//
// One server on a demo database (FAZHI_TODAY 2026-11-23); a few records are added by the legal
// office in setup so that every kind has a draft or closed state to ask with.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import { useServer, sql, multipart, TODAY } from './lib.mjs'

const c = useServer({ setup })

/** Agency-bound role users: clerk, head and officer of one agency, and others of four more. */
const USERS = ['scj.clerk', 'scj.head', 'scj.officer', 'zjj.clerk', 'zjj.officer', 'hbj.head', 'fgj.clerk', 'qsz.head']
/** Roles that see every agency (read-only for the leader). */
const SEE_ALL = ['legal', 'leader']

/**
 * Path parameters of staff routes that name no record, with the reason. Anything else with a
 * path parameter must declare its record (route row field `record`).
 */
const NOT_RECORDS = {
  'PUT /api/settings/{key}': 'a setting name from the fixed list in platform/settings.c, the same for every agency',
}

/** Values for the parameters after the record's, given the record asked with. */
const PARAM_VALUES = {
  // An action the record's procedure declares: the engine checks the case's scope before the
  // action, the role or the state, so any declared action will do.
  action: (rec) => ACTIONS[rec.type],
  // A document of a penalty case (enf_documents.c): the filing form exists from filing on.
  kind: () => 'filing',
  // A point raised in a legality review (review_points.c): the first.
  seq: () => '1',
}
const ACTIONS = {
  major_decision: 'revise',
  mailbox: 'reply',
  disclosure: 'withdraw',
  reconsideration: 'accept',
  litigation: 'judge',
  enf_body: 'resubmit',
  enf_certificate: 'qualify',
  enf_penalty: 'notify',
  enf_coercion: 'release',
  enf_inspection: 'record_result',
  norm_doc: 'revise',
  legal_review: 'opinion',
  legal_contract: 'revise',
  legal_matter: 'withdraw',
  petition: 'accept',
  mediation: 'perform',
  proposal: 'contact',
}

/**
 * One rule per record kind: SQL giving every record as [id, agency_id, state, case type]. The
 * state groups records so that each state is asked with; the case type picks the action.
 * A kind "case:<type>" is a case of that procedure only (its documents).
 */
/** The agency a case is shared with besides its own: a reconsideration case's respondent. */
const SHARED = "COALESCE((SELECT r.respondent_agency_id FROM recon_case r WHERE r.case_id = %), (SELECT g.agency_id FROM dec_decision d JOIN agency g ON g.code = 'gov' WHERE d.case_id = %)," +
  // A petition is shared with the body it was routed to (转送/交办).
  " (SELECT p.handler_agency_id FROM petition p WHERE p.case_id = %)," +
  // A suggestion or proposal is shared with each of its co-handling agencies (协办单位): a list.
  " (SELECT group_concat(h.agency_id) FROM proposal_cohandler h WHERE h.case_id = %))"
const KINDS = {
  case: (type) => 'SELECT case_id, agency_id, case_type || \'/\' || state, case_type,' +
    ` ${SHARED.replaceAll('%', 'case_record.case_id')} FROM case_record` +
    (type ? ` WHERE case_type = '${type}'` : ''),
  attachment: () => 'SELECT t.attachment_id, c.agency_id, c.case_type || \'/\' ||' +
    ' CASE WHEN c.closed_on IS NULL THEN \'open\' ELSE \'closed\' END, c.case_type,' +
    ` ${SHARED.replaceAll('%', 'c.case_id')} FROM attachment t JOIN case_record c ON c.case_id = t.case_id`,
  disclosure_item: () => `SELECT item_id, agency_id, CASE WHEN published_on > '${TODAY}' THEN 'draft'` +
    ` WHEN valid_until < '${TODAY}' THEN 'expired' ELSE 'published' END, NULL FROM disclosure_item`,
  enf_body: () => 'SELECT body_id, agency_id, status, NULL FROM enf_body',
  enf_power: () => 'SELECT item_id, agency_id, status, NULL FROM enf_power',
  enf_officer: () => 'SELECT officer_id, agency_id, status, NULL FROM enf_officer',
  enf_benchmark: () => 'SELECT benchmark_id, agency_id, status, NULL FROM enf_benchmark',
  enf_insp_plan: () => "SELECT plan_id, agency_id, 'plan', NULL FROM enf_insp_plan",
  enf_insp_draw: () => "SELECT draw_id, agency_id, 'draw', NULL FROM enf_insp_draw",
  norm_plan_item: () => 'SELECT item_id, agency_id, status, NULL FROM norm_plan_item',
  norm_comment: () => 'SELECT m.comment_id, c.agency_id, c.state, NULL FROM norm_comment m JOIN case_record c ON c.case_id = m.case_id',
  norm_filing: () => 'SELECT f.filing_id, d.agency_id, COALESCE(f.result, \'open\'), NULL FROM norm_filing f JOIN norm_document d ON d.doc_id = f.doc_id',
  norm_document: () => 'SELECT doc_id, agency_id, status, NULL FROM norm_document',
  norm_campaign: () => 'SELECT campaign_id, NULL, status, NULL FROM norm_campaign',
  dec_item: () => 'SELECT item_id, NULL, status, NULL FROM dec_item',
  dec_meeting: () => 'SELECT meeting_id, agency_id, kind, NULL FROM dec_meeting',
  med_committee: () => "SELECT committee_id, agency_id, 'committee', NULL FROM med_committee",
  med_mediator: () => "SELECT m.mediator_id, k.agency_id, 'mediator', NULL FROM med_mediator m JOIN med_committee k ON k.committee_id = m.committee_id",
  dec_comment: () => 'SELECT m.comment_id, c.agency_id, c.state, NULL FROM dec_comment m JOIN case_record c ON c.case_id = m.case_id',
}

/**
 * Record kinds that belong to the county, not to an agency: every user reads them, and what an
 * agency may touch inside one is the module's rule, tested in the module's own file.
 */
const COUNTY_KINDS = {
  norm_campaign: 'a cleanup campaign: every agency reads it and decides only its own documents (norm_campaign.test.mjs)',
  dec_item: 'the decision catalogue (决策事项目录): every staff user reads an item; changes are the government\'s (decision.test.mjs)',
}

/**
 * Routes whose rows legitimately carry other agencies' agency_id for an agency user: reference
 * data, not records. Everything else listed with ?agency_id=<other> must return only own rows.
 */
const LIST_SHARED = {
  'GET /api/agencies': 'reference data: the county’s agencies, also public at /api/public/agencies',
}

/**
 * GET routes that answer a file only once the record has reached a state, with the state: before
 * it they answer 409 (STATE) to everyone, which the reading test below does not count as a refusal.
 */
const READY = {
  'GET /api/reviews/{id}/letter': (rec) => rec.state === 'legal_review/done', // issued with the opinion
  // the written handling opinion (第32条) exists once it is given
  'GET /api/cases/{id}/documents/petition-opinion.docx': (rec) =>
    ['replied', 'reviewing', 'reviewed', 'rechecking', 'closed', 'final'].includes(rec.state.split('/')[1]),
  'GET /api/cases/{id}/documents/mediation-agreement.docx': (rec) => ['mediation/agreed', 'mediation/confirming', 'mediation/closed'].includes(rec.state), // once agreed
}

const MISSING_ID = 999999999
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

const figures = { routes: new Set(), roles: new Set(USERS.map(roleOf)), users: USERS.length, requests: 0, refusals: 0, roleRefusals: 0, controls: 0, failures: 0, lists: new Set() }
let ops // [{method, path, op}] from the OpenAPI document
let agencyOf // username -> agency_id
let rows // kind -> [{id, agency, state, type}]

function roleOf (u) { return u.split('.')[1] }

async function call (method, path, session, body) {
  figures.requests++
  if (body === 'upload') {
    const up = multipart('scope-matrix.pdf', PDF, { type: 'application/pdf' })
    return c.api(method, path, { session, body: up.body, headers: up.headers })
  }
  return c.api(method, path, { session, body })
}

async function setup () {
  const r = await c.get('/api/openapi.json')
  assert.equal(r.status, 200)
  ops = []
  for (const [p, item] of Object.entries(r.json.paths)) {
    for (const [m, op] of Object.entries(item)) ops.push({ method: m.toUpperCase(), path: p, op })
  }
  agencyOf = {}
  for (const u of USERS) agencyOf[u] = await c.agencyOf(u)
  const legal = await c.login('legal')
  const ok = async (method, p, body, status = 201) => {
    const x = await c.api(method, p, { session: legal, body })
    assert.equal(x.status, status, `${method} ${p}: ${x.text}`)
    return x.json
  }
  const agencies = [...new Set(Object.values(agencyOf))]
  // Catalogue drafts (公开日期 not reached) of every tested agency, and an expired item.
  for (const a of agencies) {
    await ok('POST', '/api/disclosure/items', {
      agency_id: a, category: 'other', title: `范围矩阵：未公开草稿 ${a}`, body: '尚未到公开日期的信息。',
      created_on: TODAY, published_on: '2026-12-18',
    })
  }
  await ok('POST', '/api/disclosure/items', {
    agency_id: agencyOf['zjj.clerk'], category: 'plans', title: '范围矩阵：已过有效期', body: '有效期已过的信息。',
    created_on: '2026-01-05', published_on: '2026-01-06', valid_until: '2026-06-30',
  })
  // Attachments on an open and a closed case of every tested agency, the legal office and the county.
  const targets = sql(c.db, 'SELECT MIN(case_id) FROM case_record WHERE agency_id IN (' + agencies.join(',') +
    ") OR agency_id IN (SELECT agency_id FROM agency WHERE kind IN ('county', 'legal_office'))" +
    ' GROUP BY agency_id, closed_on IS NULL')
  for (const [id] of targets) {
    const up = multipart('范围矩阵.pdf', PDF, { type: 'application/pdf' })
    const x = await c.api('POST', `/api/cases/${id}/attachments`, { session: legal, body: up.body, headers: up.headers })
    assert.equal(x.status, 201, `attachment on case ${id}: ${x.text}`)
  }
  // A body under review of zjj, an abolished one of hbj, a repealed power of zjj and of scj.
  await ok('POST', '/api/enforcement/bodies', {
    agency_id: agencyOf['zjj.clerk'], name: '范围矩阵：住建局待审核执法主体', kind: 'authorized', level: 'department',
    legal_basis: '《建设工程质量管理条例》第四十三条',
  })
  const gone = await ok('POST', '/api/enforcement/bodies', {
    agency_id: agencyOf['hbj.head'], name: '范围矩阵：环境局已撤销执法主体', kind: 'authorized', level: 'department',
    legal_basis: '《中华人民共和国环境保护法》第十条',
  })
  await ok('POST', `/api/enforcement/bodies/${gone.body_id}/changes`,
    { change_type: 'abolish', changed_on: TODAY, reason: '范围矩阵：机构改革撤销' })
  for (const u of ['zjj.clerk', 'scj.clerk']) {
    const [[id, version]] = sql(c.db, `SELECT MIN(item_id), version FROM enf_power WHERE agency_id = ${agencyOf[u]}`)
    await ok('PATCH', `/api/enforcement/powers/${id}`,
      { version: Number(version), reason: '范围矩阵：依据废止', changed_on: TODAY, status: 'repealed' }, 200)
  }
  // Legality reviews (合法性审核) of every tested agency's drafts: submitted, and for two agencies done with a point.
  const head = await c.login('legalhead')
  const act = async (session, id, action, body) => {
    const [[version]] = sql(c.db, `SELECT version FROM case_record WHERE case_id = ${id}`)
    const x = await c.api('POST', `/api/cases/${id}/actions/${action}`, { session, body: { version: Number(version), ...body } })
    assert.equal(x.status, 200, `${action} on ${id}: ${x.text}`)
    return x.json
  }
  const [[reviewer]] = sql(c.db, "SELECT user_id FROM app_user WHERE username = 'legal'")
  for (const a of agencies) {
    const d = await ok('POST', '/api/normative/drafts', {
      agency_id: a, title: `范围矩阵：规范性文件草案 ${a}`, issuing_body: '青山县人民政府', number_prefix: '青政规',
      off_plan_reason: '范围矩阵', drafting_note: '起草说明', basis: '依据', body: '第一条 为加强管理，制定本办法。',
      affects_public: false, affects_market: false,
    })
    const review = (await act(legal, d.case.case_id, 'submit_review', { summary: '范围矩阵：送审' })).case.fields.review_case_id
    if (a !== agencyOf['scj.clerk'] && a !== agencyOf['zjj.clerk']) continue
    await act(head, review, 'assign', { reviewer_id: Number(reviewer) })
    await ok('POST', `/api/reviews/${review}/points`, { point: '范围矩阵：意见要点', basis: '范围矩阵：依据' })
    await act(legal, review, 'opinion', { opinion: 'lawful_if_amended', summary: '范围矩阵：修改后合法' })
  }
  rows = {}
}

/** Records of a kind as [{id, agency, state, type}]; an unknown kind is a failure of the test. */
function records (kind) {
  if (rows[kind]) return rows[kind]
  const [base, type] = kind.split(':')
  const rule = KINDS[base]
  assert.ok(rule, `record kind "${kind}" has no rule in KINDS: say how to find its records of an agency`)
  rows[kind] = sql(c.db, rule(type)).map(([id, agency, state, t, shared]) =>
    ({ id: Number(id), agency: Number(agency), state, type: t, shared: shared == null || shared === '' ? [] : String(shared).split(',').map(Number) }))
  return rows[kind]
}

/** Another agency's records: per state, the first and the last, and one of another tested agency. */
function foreign (kind, agency) {
  const tested = new Set(Object.values(agencyOf))
  const by = new Map()
  for (const r of records(kind)) {
    if (r.agency === agency || r.shared.includes(agency)) continue
    if (!by.has(r.state)) by.set(r.state, [])
    by.get(r.state).push(r)
  }
  const out = new Map()
  for (const list of by.values()) {
    for (const r of [list[0], list.at(-1), list.find((x) => tested.has(x.agency))]) if (r) out.set(r.id, r)
  }
  return [...out.values()]
}

/** The agency's own records: one per state. */
function own (kind, agency) {
  const by = new Map()
  for (const r of records(kind)) if (r.agency === agency && !by.has(r.state)) by.set(r.state, r)
  return [...by.values()]
}

/** The route's path with rec's id (or MISSING_ID) and values for the other parameters. */
function urlFor (path, rec, id = rec.id) {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
  let url = path.replace(`{${names[0]}}`, String(id))
  for (const n of names.slice(1)) {
    const v = PARAM_VALUES[n]?.(rec)
    assert.ok(v, `${path}: no value for {${n}} with a ${rec.type || 'record'} (PARAM_VALUES)`)
    url = url.replace(`{${n}}`, encodeURIComponent(v))
  }
  return url
}

function bodyFor (o) {
  if (o.method === 'GET' || o.method === 'DELETE') return undefined
  return o.op.requestBody?.content?.['multipart/form-data'] ? 'upload' : {}
}

/**
 * A digest per table of everything stored (sessions and login throttling aside), to prove that
 * refused writes left every row as it was.
 */
function fingerprint () {
  const tables = sql(c.db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'" +
    " AND name NOT IN ('user_session', 'login_attempt', 'sqlite_stat1') ORDER BY name").map((x) => x[0])
  const query = tables.map((t) => `SELECT '@@table ${t}'; SELECT * FROM "${t}" ORDER BY rowid;`).join('\n')
  const r = spawnSync('sqlite3', ['-batch', c.db, query], { maxBuffer: 1 << 30 })
  assert.equal(r.status, 0, `sqlite3: ${r.stderr}`)
  const out = {}
  const text = r.stdout.toString('latin1')
  const parts = text.split('@@table ')
  for (const part of parts.slice(1)) {
    const nl = part.indexOf('\n')
    out[part.slice(0, nl)] = crypto.createHash('sha256').update(part.slice(nl + 1), 'latin1').digest('hex')
  }
  return out
}

function changedTables (before, after) {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t])
}

/** Staff operations whose path has a parameter. */
function staffWithParams () {
  return ops.filter((o) => o.op.security && o.path.includes('{'))
}

test('every staff route with a path parameter declares the record it names', () => {
  const undeclared = []
  for (const o of staffWithParams()) {
    const key = `${o.method} ${o.path}`
    if (o.op['x-fazhi-record'] || NOT_RECORDS[key]) continue
    undeclared.push(`${key}: declare its record (route row field record, e.g. "case") or list it in NOT_RECORDS with a reason`)
  }
  assert.deepEqual(undeclared, [])
  // Exceptions that no longer match a route are stale.
  for (const key of Object.keys(NOT_RECORDS)) {
    assert.ok(ops.some((o) => `${o.method} ${o.path}` === key), `NOT_RECORDS lists ${key}, which is not a route`)
  }
  // Every declared kind has a rule for finding its records.
  for (const o of ops) {
    const kind = o.op['x-fazhi-record']
    if (kind) assert.ok(KINDS[kind.split(':')[0]], `${o.method} ${o.path}: record kind "${kind}" is unknown to this test (KINDS)`)
  }
})

test('another agency’s records answer every agency role like missing ones, on every declared route, and nothing is written', async () => {
  const failures = []
  const routes = staffWithParams().filter((o) => o.op['x-fazhi-record'] && !COUNTY_KINDS[o.op['x-fazhi-record']])
  assert.ok(routes.length >= 15, `only ${routes.length} routes declare a record`)
  for (const o of routes) {
    const key = `${o.method} ${o.path}`
    const kind = o.op['x-fazhi-record']
    const body = bodyFor(o)
    figures.routes.add(key)
    // The positive control first (an upload to the own case is stored: outside the window below).
    const ownStatus = {}
    for (const u of USERS) {
      const s = await c.login(u)
      ownStatus[u] = []
      for (const rec of own(kind, agencyOf[u])) {
        const r = await call(o.method, urlFor(o.path, rec), s, body)
        figures.controls++
        ownStatus[u].push(r.status)
        if (r.status === 404) failures.push(`${key} as ${u}: own ${kind} ${rec.id} (${rec.state}) answers 404: ${r.text.slice(0, 160)}`)
        if (r.status >= 500) failures.push(`${key} as ${u}: own ${kind} ${rec.id} answers ${r.status}`)
      }
    }
    const before = body !== undefined ? fingerprint() : null
    for (const u of USERS) {
      const s = await c.login(u)
      const roleRefused = ownStatus[u].length > 0 && ownStatus[u].every((x) => x === 403)
      const foreignRecs = foreign(kind, agencyOf[u])
      assert.ok(foreignRecs.length > 0, `${key}: no ${kind} of another agency than ${u}'s to ask with`)
      const missing = await call(o.method, urlFor(o.path, foreignRecs[0], MISSING_ID), s, body)
      for (const rec of foreignRecs) {
        const r = await call(o.method, urlFor(o.path, rec), s, body)
        const what = `${key} as ${u}: ${kind} ${rec.id} of agency ${rec.agency} (${rec.state})`
        if (r.status === 404) {
          if (JSON.stringify(r.json) !== JSON.stringify(missing.json)) {
            failures.push(`${what}: 404 unlike a missing record's (${missing.text}): ${r.text}`)
          } else {
            figures.refusals++
          }
        } else if (r.status === 403 && (roleRefused || (ownStatus[u].length === 0 && missing.status === 403 &&
            r.text === missing.text))) {
          figures.refusals++ // the role is refused on its own agency's records too
          figures.roleRefusals++
        } else {
          failures.push(`${what}: ${r.status} (a missing one answers ${missing.status}): ${r.text.slice(0, 200)}`)
        }
      }
    }
    if (before) {
      const changed = changedTables(before, fingerprint())
      if (changed.length) failures.push(`${key}: refused requests changed ${changed.join(', ')}`)
    }
  }
  figures.failures += failures.length
  assert.deepEqual(failures, [], `${failures.length} scope failures`)
})

test('the legal office and the county leader read every agency’s records', async () => {
  const failures = []
  for (const o of staffWithParams().filter((x) => x.op['x-fazhi-record'] && x.method === 'GET')) {
    const kind = o.op['x-fazhi-record']
    for (const u of SEE_ALL) {
      const s = await c.login(u)
      for (const rec of foreign(kind, -1)) {
        if (READY[`${o.method} ${o.path}`] && !READY[`${o.method} ${o.path}`](rec)) continue
        const r = await call(o.method, urlFor(o.path, rec), s)
        figures.controls++
        if (r.status !== 200) failures.push(`${o.method} ${o.path} as ${u}: ${kind} ${rec.id} (${rec.state}): ${r.status} ${r.text.slice(0, 160)}`)
      }
    }
  }
  assert.deepEqual(failures, [])
})

/** Every agency_id anywhere in a JSON answer. */
function agencyIds (j, out = [], shared = new Set()) {
  if (Array.isArray(j)) for (const x of j) agencyIds(x, out, shared)
  else if (j && typeof j === 'object') {
    if (shared.has(j.case_id)) return out // a case shared with the caller's agency
    for (const [k, v] of Object.entries(j)) {
      if (k === 'agency_id' && typeof v === 'number') out.push(v)
      else agencyIds(v, out, shared)
    }
  }
  return out
}

test('a filter naming another agency returns an agency user none of its rows, on every list', async () => {
  const failures = []
  const legal = await c.login('legal')
  const lists = ops.filter((o) => o.op.security && o.method === 'GET' && !o.path.includes('{') && !LIST_SHARED[`GET ${o.path}`])
  const others = [...new Set(Object.values(agencyOf))]
  for (const o of lists) {
    // A list with an agency filter: the legal office gets that agency's rows through it.
    const filtered = []
    for (const b of others) {
      const r = await call('GET', `${o.path}?agency_id=${b}&per_page=100`, legal)
      if (r.json && agencyIds(r.json).includes(b)) filtered.push(b)
    }
    if (filtered.length) figures.lists.add(`GET ${o.path}`)
    for (const u of USERS) {
      const s = await c.login(u)
      // Unfiltered, every list; with the filter, those that have one.
      for (const b of [undefined, ...filtered.filter((x) => x !== agencyOf[u])]) {
        const q = b === undefined ? '?per_page=100' : `?agency_id=${b}&per_page=100`
        const r = await call('GET', o.path + q, s)
        const what = `GET ${o.path}${q} as ${u}`
        if (r.status >= 500) { failures.push(`${what}: ${r.status}`); continue }
        if (!r.json || r.status !== 200) continue // refused: nothing listed
        const shared = new Set(sql(c.db, `SELECT case_id FROM recon_case WHERE respondent_agency_id = ${agencyOf[u]}` +
          ` UNION SELECT case_id FROM petition WHERE handler_agency_id = ${agencyOf[u]}` +
          ` UNION SELECT case_id FROM proposal_cohandler WHERE agency_id = ${agencyOf[u]}`).map(([x]) => Number(x)))
        const foreignIds = agencyIds(r.json, [], shared).filter((x) => x !== agencyOf[u])
        if (foreignIds.length) failures.push(`${what}: rows of agencies ${[...new Set(foreignIds)].join(', ')}`)
        if (b !== undefined && Array.isArray(r.json.items) && r.json.items.length === 0 && r.json.total) {
          failures.push(`${what}: no rows but total ${r.json.total}`)
        }
      }
    }
  }
  assert.ok(figures.lists.size >= 4, `only ${[...figures.lists].join(', ')} filter by agency`)
  figures.failures += failures.length
  assert.deepEqual(failures, [])
})

test('figures', (t) => {
  const line = `scope matrix: ${figures.routes.size} routes × ${figures.users} users (roles ${[...figures.roles].join(', ')}),` +
    ` ${figures.lists.size} agency-filtered lists; ${figures.requests} requests, ${figures.refusals} refusals of` +
    ` another agency's records (${figures.roleRefusals} of them 403 for the role), ${figures.controls} positive controls,` +
    ` ${figures.failures} failures`
  t.diagnostic(line)
  t.diagnostic(`routes: ${[...figures.routes].join('; ')}`)
  t.diagnostic(`agency-filtered lists: ${[...figures.lists].join('; ')}`)
  console.log(line)
})
