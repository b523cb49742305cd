// Who may call what, declared once in the route rows: /api/meta and /api/openapi.json list each
// route's roles, the server refuses other roles naming who may, and the county's name comes from
// the registry, not from the web app.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, startServer, assertError, HAN, sql, fazhi, fazhiOk } from './lib.mjs'

const c = useServer()

test('the county: name and government from the registry, public and signed-in alike', async () => {
  const [[government]] = sql(c.db, "SELECT name FROM agency WHERE kind = 'county' ORDER BY agency_id LIMIT 1")
  const pub = await c.get('/api/public/meta')
  assert.equal(pub.status, 200, pub.text)
  assert.equal(pub.json.county.government, government)
  assert.equal(pub.json.county.name, government.replace(/人民政府$/, ''))
  assert.equal(pub.json.county.name, '青山县')
  assert.equal(pub.json.routes, undefined, 'the public learns no route table')
  const s = await c.login('scj.clerk')
  const meta = await c.get('/api/meta', { session: s })
  assert.deepEqual(meta.json.county, pub.json.county)
})

test('a county not set up yet shows 本县; `fazhi init --county` names the county and its two agencies', async () => {
  const bare = await startServer({ demo: false })
  try {
    const pub = await fetch(`${bare.url}/api/public/meta`)
    assert.equal(pub.status, 200)
    const j = await pub.json()
    assert.equal(j.county.name, '本县', 'not 县')
    const bad = fazhi(['init', '--db', bare.db, '--county', '青山'])
    assert.equal(bad.status, 2)
    assert.match(bad.stderr, /--county 应为本县（区、市、旗）名称/)
    fazhiOk(['init', '--db', bare.db, '--county', '城关区'])
    const again = await (await fetch(`${bare.url}/api/public/meta`)).json()
    assert.equal(again.county.name, '城关区')
    assert.equal(again.county.government, '城关区人民政府')
    assert.deepEqual(sql(bare.db, "SELECT name, short_name FROM agency WHERE code IN ('gov', 'sfj') ORDER BY sort_order"),
      [['城关区人民政府', '城政'], ['城关区司法局', '城司']])
    // A name given once is kept: init again with another name does not rename registered agencies.
    fazhiOk(['init', '--db', bare.db, '--county', '青山县'])
    assert.equal((await (await fetch(`${bare.url}/api/public/meta`)).json()).county.name, '城关区')
  } finally {
    await bare.stop()
  }
})

test('every route’s roles in /api/meta agree with the OpenAPI document', async () => {
  const s = await c.login('legal')
  const meta = (await c.get('/api/meta', { session: s })).json
  const doc = (await c.get('/api/openapi.json')).json
  let n = 0
  for (const r of meta.routes) {
    const op = doc.paths[r.path]?.[r.method.toLowerCase()]
    assert.ok(op, `${r.method} ${r.path} is documented`)
    assert.deepEqual(op['x-fazhi-roles'], r.roles, `${r.method} ${r.path}`)
    assert.equal(!!op['x-fazhi-public'], !!r.public, `${r.method} ${r.path}`)
    assert.equal(!op.security, !!r.public, `${r.method} ${r.path}: security only where login is needed`)
    n++
  }
  assert.ok(n > 80, `${n} routes`)
  const settings = meta.routes.find((r) => r.method === 'PUT' && r.path === '/api/settings/{key}')
  assert.deepEqual(settings.roles, ['admin', 'legal_head'])
  const form = meta.routes.find((r) => r.method === 'POST' && r.path === '/api/public/mailbox')
  assert.equal(form.public, true)
  const body = doc.paths['/api/public/mailbox'].post.requestBody.content['application/json'].schema
  assert.ok(body.required.includes('content'), 'the letter form’s required fields are documented')
  assert.match(body.properties.content.title, HAN)
})

test('a role the row does not name is refused before the handler, naming who may; nothing is written', async () => {
  // The county leader reads everything and changes nothing.
  const s = await c.login('leader')
  const before = sql(c.db, 'SELECT COUNT(*) FROM case_record')[0][0]
  const r = await c.post('/api/reconsideration/cases', { applicant_name: '张三' }, { session: s })
  assertError(r, 403, 'FORBIDDEN')
  assert.match(r.json.error.message, /县领导/)
  assert.match(r.json.error.message, /法制机构工作人员/)
  assert.equal(sql(c.db, 'SELECT COUNT(*) FROM case_record')[0][0], before)
  // The same row admits the legal office: its body is then checked field by field.
  const l = await c.login('legal')
  assertError(await c.post('/api/reconsideration/cases', { applicant_name: '张三' }, { session: l }), 422, undefined)
  // Settings: a clerk is refused, whatever the body.
  const k = await c.login('scj.clerk')
  const put = await c.api('PUT', '/api/settings/clock.yellow_days', { session: k, body: { value: 5 } })
  assertError(put, 403, 'FORBIDDEN')
})
