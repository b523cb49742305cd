// Durability: what the server acknowledged survives a crash. Four writers keep the server busy
// with state-changing requests (letters through the public portal; as the legal office, the
// assignment of each letter a writer has just sent), the server is killed with SIGKILL while
// requests are in flight, and a new server on the same database must still hold every write
// that got a 2xx answer, with an audit chain that verifies. Three rounds, each killed 1-3 s in.
//
// A write that was in flight at the kill may or may not be stored: the client never heard, so
// either is correct. Only acknowledged writes are checked, and each round checks all of them
// again, so a later recovery cannot lose an earlier round's writes either.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { startServer, Client, makeDb, mkTemp, fazhi, sql } from './lib.mjs'

const ROUNDS = 3
const WRITERS = 4

/** fetch's rejection when the server went away (reset, refused, closed mid-answer). */
function connectionError (e) {
  const codes = ['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']
  for (let x = e; x; x = x.cause) {
    if (codes.includes(x.code)) return true
  }
  return e instanceof TypeError && e.message === 'fetch failed'
}

/**
 * One writer until the kill: sends letters and, when staff is given, assigns each of its own
 * letters to an agency as the legal office. Every 2xx answer is recorded in acked; any other
 * answer fails the test. Stops at the first connection error, which it counts in tally.
 */
async function writer (client, round, w, staff, acked, tally) {
  /** A write through the API; undefined when the connection broke (the kill). */
  async function write (fn) {
    tally.inFlight++
    try {
      return await fn()
    } catch (e) {
      if (!connectionError(e)) throw e
      tally.connErrors++
      return undefined
    } finally {
      tally.inFlight--
    }
  }
  for (let i = 1; ; i++) {
    const subject = `耐久测试 第${round}轮 写信人${w} 第${i}封`
    const r = await write(() => client.post('/api/public/mailbox', {
      name: `写信人${w}`,
      phone: '13800138000',
      category: 'problem',
      subject,
      content: `第${round}轮第${i}封：青山镇东街路灯不亮。`,
      publish_ok: false,
    }))
    if (!r) return
    assert.equal(r.status, 201, `letter ${subject}: ${r.text}`)
    acked.letters.push({ ...r.json, subject })
    if (!staff) continue

    let caseId
    try {
      caseId = await client.caseIdByNumber(r.json.number)
    } catch (e) {
      if (!connectionError(e)) throw e
      tally.connErrors++
      return
    }
    const a = await write(() => client.post(`/api/cases/${caseId}/actions/assign`,
      { version: 1, agency_id: staff.agencyId, opinion: `第${round}轮分办` }, { session: staff.session }))
    if (!a) return
    assert.equal(a.status, 200, `assign ${caseId}: ${a.text}`)
    acked.assigns.push({ case_id: caseId, number: r.json.number })
  }
}

/** Checks that every acknowledged write is in db and visible through the server; returns counts. */
async function assertStored (client, db, acked) {
  const cases = new Map(sql(db, "SELECT tracking_code, number, title, state, case_id FROM case_record WHERE case_type = 'mailbox'")
    .map(([code, number, title, state, id]) => [code, { number, title, state, case_id: Number(id) }]))
  const byId = new Map([...cases.values()].map((c) => [c.case_id, c]))
  const created = new Set(sql(db, "SELECT case_id FROM event WHERE action = 'create'").map(([id]) => Number(id)))
  const assigned = new Set(sql(db, "SELECT case_id FROM event WHERE action = 'assign'").map(([id]) => Number(id)))
  const lost = []
  for (const l of acked.letters) {
    const c = cases.get(l.tracking_code)
    if (!c || c.number !== l.number || c.title !== l.subject || !created.has(c.case_id)) {
      lost.push(`letter ${l.number} ${l.tracking_code}`)
    }
  }
  for (const a of acked.assigns) {
    const c = byId.get(a.case_id)
    if (!c || c.state !== 'handling' || !assigned.has(a.case_id)) lost.push(`assignment of ${a.number}`)
  }
  assert.deepEqual(lost, [], `${lost.length} of ${acked.letters.length + acked.assigns.length} acknowledged writes missing after the restart: ${lost.slice(0, 20).join(', ')}`)

  // The same through the public tracking route, eight requests at a time.
  const codes = acked.letters.map((l) => l.tracking_code)
  for (let i = 0; i < codes.length; i += 8) {
    await Promise.all(codes.slice(i, i + 8).map(async (code) => {
      const r = await client.get(`/api/public/track/${code}`)
      assert.equal(r.status, 200, `track ${code} after the restart: ${r.text}`)
    }))
  }
  return { letters: acked.letters.length, assigns: acked.assigns.length, stored: cases.size }
}

test('every acknowledged write survives SIGKILL mid-write, and the audit chain verifies', async (t) => {
  const started = Date.now()
  const dir = mkTemp('fazhi-durability-')
  const db = makeDb(dir)
  const acked = { letters: [], assigns: [] } // over all rounds
  let server = null
  try {
    server = await startServer({ db, dir })
    for (let round = 1; round <= ROUNDS; round++) {
      const client = new Client(server)
      const legal = await client.login('legal')
      const agencyId = await client.agencyOf('scj.clerk')
      const before = { letters: acked.letters.length, assigns: acked.assigns.length }
      const tally = { inFlight: 0, connErrors: 0 }

      const writers = []
      for (let w = 1; w <= WRITERS; w++) {
        const staff = w % 2 === 0 ? { session: legal, agencyId } : null
        writers.push(writer(client, round, w, staff, acked, tally))
      }
      // A writer failing before the kill fails the round at once.
      let killing = false
      const done = Promise.all(writers).then(() => {
        if (!killing) throw new Error('the writers stopped before the kill')
      })
      const delay = 1000 + Math.floor(Math.random() * 2000)
      await Promise.race([new Promise((resolve) => setTimeout(resolve, delay)), done])
      killing = true
      const inFlightAtKill = tally.inFlight
      const exit = await server.kill()
      await done

      const round_ = {
        round,
        killed_after_ms: delay,
        acked_letters: acked.letters.length - before.letters,
        acked_assigns: acked.assigns.length - before.assigns,
        in_flight_at_kill: inFlightAtKill,
        connection_errors: tally.connErrors,
      }
      assert.equal(exit.signal, 'SIGKILL')
      assert.ok(inFlightAtKill > 0, `no write was in flight at the kill: ${JSON.stringify(round_)}`)
      assert.ok(tally.connErrors > 0, `no write failed at the kill: ${JSON.stringify(round_)}`)
      assert.ok(round_.acked_letters > 0 && round_.acked_assigns > 0,
        `the round acknowledged too little to test anything: ${JSON.stringify(round_)}`)

      // The CLI opens the database as the crash left it (WAL not checkpointed) and walks the chain.
      const v = fazhi(['audit', 'verify', '--db', db])
      assert.equal(v.status, 0, `audit verify after the kill of round ${round}:\n${v.stdout}\n${v.stderr}`)

      server = await startServer({ db, dir })
      const found = await assertStored(new Client(server), db, acked)
      round_.found_letters_all_rounds = found.letters
      round_.found_assigns_all_rounds = found.assigns
      round_.mailbox_cases_stored = found.stored
      round_.lost = 0
      t.diagnostic(`durability ${JSON.stringify(round_)}`)
    }
    // The last server stops cleanly (stop() fails on a crash or a sanitizer report).
    await server.stop({ keep: true })
    const v = fazhi(['audit', 'verify', '--db', db])
    assert.equal(v.status, 0, `audit verify at the end:\n${v.stdout}\n${v.stderr}`)
    const summary = `durability total: ${acked.letters.length} letters and ${acked.assigns.length} assignments ` +
      `acknowledged over ${ROUNDS} rounds, 0 lost, ${((Date.now() - started) / 1000).toFixed(1)} s`
    t.diagnostic(summary)
  } finally {
    if (server && server.alive()) await server.stop().catch(() => {})
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
