// The petitions' benchmark generator (`fazhi bench-gen --only petition`, petition_generate.c): a small
// generated register lists, filters and counts consistently. On a database of 500 generated petitions
// over 5 bench agencies and 10 bench townships: the list's total is every petition; the totals by
// channel, by state and by year add up to it and each equals the rows of the database with that
// value; the handling agency's filter and a keyword of two and of three characters select exactly
// the matching rows; the statistics of each year count what the list with the figure's own filters
// counts (受理登记, 重复信访, 及时受理, 按期办结, 满意), by channel too; the keyword through the full-text
// index (petition-003) finds what LIKE finds, by name, number and work order too; a handling agency's head sees
// only the petitions routed to it. The generated mix holds every stage a benchmark should meet.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { useServer, mkTemp, fazhiOk, sql, sqlNumber, assertError, ADMIN_PASSWORD } from './lib.mjs'

const dir = mkTemp('fazhi-petition-gen-')
const DB = path.join(dir, 'gen.db')
fazhiOk(['init', '--db', DB], { env: { FAZHI_ADMIN_PASSWORD: ADMIN_PASSWORD } })
fazhiOk(['bench-gen', '--db', DB, '--cases', '500', '--agencies', '5', '--only', 'petition'])
const c = useServer({ db: DB, dir })

const CHANNELS = ['visit', 'letter', 'phone', 'online', 'hotline', 'mailbox']
const list = async (q, who = 'bench.legal') => {
  const r = await c.get('/api/petitions' + (q ? '?' + q : ''), { session: await c.login(who) })
  assert.equal(r.status, 200, `${q}: ${r.text}`)
  return r.json
}
const count = (where) => sqlNumber(c.db, "SELECT COUNT(*) FROM case_record c JOIN petition p ON p.case_id = c.case_id WHERE c.case_type = 'petition' AND " + where)
const years = () => sql(c.db, "SELECT DISTINCT substr(received_on, 1, 4) FROM case_record WHERE case_type = 'petition' ORDER BY 1").map((r) => Number(r[0]))

test('the generated register holds every stage: routed, accepted, answered, closed, refused, duplicates, 复查 and 复核', () => {
  const total = count('1')
  assert.ok(total >= 500, `${total} petitions`)
  for (const s of ['registered', 'accepted', 'closed', 'not_accepted', 'duplicate']) assert.ok(count(`c.state = '${s}'`) > 0, s)
  assert.ok(count("c.state IN ('reviewing', 'reviewed', 'final') OR p.reviewed_on IS NOT NULL") > 0, '复查')
  for (const ch of CHANNELS) assert.ok(count(`p.channel = '${ch}'`) > 0, ch)
  assert.ok(years().length >= 2, 'several years')
  // Registered by the county and by townships, routed to bench agencies and to townships.
  assert.ok(count("c.agency_id IN (SELECT agency_id FROM agency WHERE kind = 'township')") > 0)
  assert.ok(count("c.agency_id IN (SELECT agency_id FROM agency WHERE kind = 'county')") > 0)
  assert.ok(count("p.handler_agency_id IN (SELECT agency_id FROM agency WHERE kind = 'township')") > 0)
  // A duplicate is linked to a first petition of the same petitioner and matter.
  assert.equal(count("c.state = 'duplicate' AND NOT EXISTS (SELECT 1 FROM petition o WHERE o.case_id = p.duplicate_of AND o.id_number = p.id_number AND o.subject = p.subject)"), 0)
  // Every petition has its route clock, and one open clock at most of each name.
  assert.equal(count("NOT EXISTS (SELECT 1 FROM case_clock k WHERE k.case_id = c.case_id AND k.name = 'route')"), 0)
  // The answered ones carry their outcome; the rated ones their rating.
  assert.equal(count("p.replied_on IS NOT NULL AND p.outcome IS NULL"), 0)
  assert.ok(count('p.rating IS NOT NULL') > 0)
  // The counts the triggers keep (petition-004) are the petitions', by body, state and year.
  const kept = sql(c.db, "SELECT agency_id, state, received_on, n FROM petition_tally WHERE n <> 0 ORDER BY 1, 2, 3").map((r) => r.join('|'))
  const real = sql(c.db, "SELECT c.agency_id, c.state, substr(c.received_on, 1, 4) || '-01-01', COUNT(*) FROM case_record c JOIN petition p ON p.case_id = c.case_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").map((r) => r.join('|'))
  assert.deepEqual(kept, real)
})

test('the list: totals by channel, state and year add up to the whole and match the rows', async () => {
  const all = await list('')
  assert.equal(all.total, count('1'))
  assert.equal(all.items.length, 20)
  let sum = 0
  for (const ch of CHANNELS) {
    const r = await list(`channel=${ch}&per_page=100`)
    assert.equal(r.total, count(`p.channel = '${ch}'`), ch)
    assert.ok(r.items.every((i) => i.channel === ch))
    sum += r.total
  }
  assert.equal(sum, all.total)
  sum = 0
  for (const [s] of sql(c.db, "SELECT DISTINCT state FROM case_record WHERE case_type = 'petition'")) {
    const r = await list(`state=${s}`)
    assert.equal(r.total, count(`c.state = '${s}'`), s)
    sum += r.total
  }
  assert.equal(sum, all.total)
  sum = 0
  for (const y of years()) {
    const r = await list(`year=${y}`)
    assert.equal(r.total, count(`c.received_on LIKE '${y}-%'`), String(y))
    sum += r.total
  }
  assert.equal(sum, all.total)
  // Sorted by due date: the open deadlines first, in order.
  const due = await list('sort=due_date&per_page=100')
  const dates = due.items.map((i) => i.due_date).filter(Boolean)
  assert.deepEqual(dates, [...dates].sort())
})

test('the handling agency and the keywords of two and three characters select exactly the matching rows', async () => {
  // The keyword goes through the petitions' full-text index once the start-up job has found every
  // petition in it (petition-003); its answers are those of LIKE on the same columns.
  for (let i = 0; i < 100 && sqlNumber(c.db, 'SELECT complete FROM petition_fts_state') !== 1; i++) await new Promise((resolve) => setTimeout(resolve, 100))
  assert.equal(sqlNumber(c.db, 'SELECT complete FROM petition_fts_state'), 1)
  assert.equal(sqlNumber(c.db, 'SELECT COUNT(*) FROM petition_fts'), count('1'))
  const [[handler]] = sql(c.db, 'SELECT handler_agency_id FROM petition WHERE handler_agency_id IS NOT NULL GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1')
  const h = await list(`handler_agency_id=${handler}&per_page=100`)
  assert.ok(h.total > 0)
  assert.equal(h.total, count(`p.handler_agency_id = ${handler}`))
  assert.ok(h.items.every((i) => i.handler_agency_id === Number(handler)))
  for (const w of ['征收', '工资', '补偿款', '宅基地']) {
    const r = await list(`q=${encodeURIComponent(w)}&per_page=100`)
    const like = `(c.number LIKE '%${w}%' OR p.subject LIKE '%${w}%' OR p.content LIKE '%${w}%' OR p.petitioner_name LIKE '%${w}%' OR p.order_number LIKE '%${w}%')`
    assert.ok(r.total > 0, w)
    assert.equal(r.total, count(like), w)
    // Combined with a filter.
    const y = years().at(-1)
    const ry = await list(`q=${encodeURIComponent(w)}&year=${y}`)
    assert.equal(ry.total, count(`${like} AND c.received_on LIKE '${y}-%'`), `${w} ${y}`)
  }
  // By the petitioner's name, the case number and the work order too; one character by LIKE.
  const [[name, number, order]] = sql(c.db, "SELECT p.petitioner_name, c.number, p.order_number FROM petition p JOIN case_record c ON c.case_id = p.case_id WHERE p.order_number IS NOT NULL LIMIT 1")
  for (const [w, col] of [[name, 'p.petitioner_name'], [number, 'c.number'], [order, 'p.order_number'], ['访', 'c.number']]) {
    const r = await list(`q=${encodeURIComponent(w)}`)
    assert.ok(r.total > 0, w)
    assert.ok(r.total >= count(`${col} LIKE '%${w}%'`), w)
  }
  assertError(await c.get('/api/petitions?q=' + encodeURIComponent('字'.repeat(101)), { session: await c.login('bench.legal') }), 422, 'BAD_VALUE', 'q')
})

test('the statistics of each year count what the figures\' lists count', async () => {
  const s = await c.login('bench.legal')
  for (const y of years()) {
    const r = await c.get(`/api/petitions/stats?year=${y}`, { session: s })
    assert.equal(r.status, 200, r.text)
    const f = r.json.figures
    const lt = async (q) => (await list(`year=${y}&${q}`)).total
    assert.equal(f['petition.received.total'], await lt('counted=1'))
    assert.equal(f['petition.received.total'], count(`c.received_on LIKE '${y}-%' AND c.state <> 'duplicate'`))
    assert.equal(f['petition.repeated'], await lt('state=duplicate'))
    assert.equal(f['petition.accept.decided'], await lt('counted=1&accept_decided=1'))
    assert.equal(f['petition.accept.on_time'], await lt('counted=1&accept_on_time=1'))
    assert.equal(f['petition.handle.done'], await lt('counted=1&handle_done=1'))
    assert.equal(f['petition.handle.on_time'], await lt('counted=1&handle_on_time=1'))
    assert.equal(f['petition.rating.satisfied'], await lt('counted=1&satisfied=1'))
    assert.ok(f['petition.accept.on_time'] <= f['petition.accept.decided'])
    assert.ok(f['petition.handle.on_time'] <= f['petition.handle.done'])
    // By channel: each the list's, together the year's counted petitions.
    let sum = 0
    for (const row of r.json.by_channel) {
      assert.equal(row.count, await lt(`counted=1&channel=${row.key}`), row.key)
      sum += row.count
    }
    assert.equal(sum, f['petition.received.total'])
    assert.ok(r.json.by_handler.length > 0)
    assert.ok(r.json.by_township.length > 0)
  }
})

test('a handling agency\'s head sees the petitions routed to it and no other', async () => {
  const [[agency]] = sql(c.db, "SELECT agency_id FROM app_user WHERE username = 'bench.phead001'")
  const mine = await list('per_page=100', 'bench.phead001')
  assert.equal(mine.total, count(`${agency} IN (c.agency_id, p.handler_agency_id)`))
  assert.ok(mine.total > 0 && mine.total < count('1'))
  assert.ok(mine.items.every((i) => i.handler_agency_id === Number(agency)))
  const other = await list(`handler_agency_id=${Number(agency) + 1}`, 'bench.phead001')
  assert.equal(other.total, 0)
})
