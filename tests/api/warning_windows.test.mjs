// Warning windows per clock (issue 15, item 15): a clock is yellow within the county's window
// (clock.yellow_days, 3 working days) but never more than half its own period, so a new letter
// (2-WD assignment period) is green on arrival and turns yellow one working day before its due
// day. Followed day by day on the official calendar, across the National Day holidays too.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client } from './lib.mjs'

/**
 * Submits a letter on the first day (after the settings are put), then restarts the server on
 * each later day and checks every clock's status in the case detail, the case list row (the
 * nearest clock) and the supervision items (yellow and red only).
 */
async function follow ({ settings = {}, days }) {
  let server = null
  let letter = null
  try {
    for (const [i, day] of days.entries()) {
      server = await startServer({ db: server?.db, dir: server?.dir, env: { FAZHI_TODAY: day.today } })
      const c = new Client(server)
      if (i === 0) {
        for (const [key, value] of Object.entries(settings)) {
          const r = await c.api('PUT', `/api/settings/${key}`, { session: await c.login('admin'), body: { value } })
          assert.equal(r.status, 200, r.text)
        }
        letter = await c.submitLetter({ subject: `预警期测试 ${day.today}` })
      }
      const d = await c.detail(letter.case_id)
      for (const [name, want] of Object.entries(day.expect)) {
        const k = d.clocks.find((x) => x.name === name)
        assert.equal(k.status, want, `${day.today}: ${name} due ${k.due_date} should be ${want}: ${JSON.stringify(k)}`)
      }
      const nearest = d.clocks.filter((k) => k.state === 'running').sort((a, b) => a.due_date < b.due_date ? -1 : 1)[0]
      assert.equal(d.case.clock_status, nearest.status, `${day.today}: the case shows its nearest clock`)
      const band = await c.get(`/api/cases?type=mailbox&clock_status=${nearest.status}&per_page=100&sort=-number`, { session: await c.login('legal') })
      assert.equal(band.status, 200, band.text)
      assert.ok(band.json.items.some((x) => x.case_id === letter.case_id), `${day.today}: in the ${nearest.status} band`)

      const s = await c.get('/api/supervision', { session: await c.login('legal') })
      assert.equal(s.status, 200, s.text)
      const items = s.json.items.filter((x) => x.case_id === letter.case_id)
      for (const k of d.clocks) {
        const item = items.find((x) => x.clock_label === k.label)
        if (k.status === 'green') assert.equal(item, undefined, `${day.today}: no card for green ${k.name}`)
        else if (s.json.items.length < 200) assert.equal(item?.status, k.status, `${day.today}: ${k.name} listed ${k.status}`)
      }
      for (const x of s.json.items) assert.ok(['yellow', 'red'].includes(x.status), JSON.stringify(x))
      await server.stop({ keep: i < days.length - 1 })
    }
  } finally {
    if (server && server.alive()) await server.stop()
  }
}

test('a new letter is green on arrival; the 2-WD assignment turns yellow 1 WD ahead, the 15-WD reply 3 WD ahead', async () => {
  // Received Mon 2026-11-30: assignment due Wed 12-02, reply due Mon 12-21.
  await follow({
    days: [
      { today: '2026-11-30', expect: { assign: 'green', reply: 'green' } },
      { today: '2026-12-01', expect: { assign: 'yellow', reply: 'green' } },
      { today: '2026-12-15', expect: { assign: 'red', reply: 'green' } },
      { today: '2026-12-16', expect: { assign: 'red', reply: 'yellow' } },
    ],
  })
})

test('across National Day: received 2026-09-29, yellow on 09-30 for an assignment due 10-08', async () => {
  // 10-01..07 are holidays, Sat 10-10 a make-up working day: the reply is due Mon 10-26.
  await follow({
    days: [
      { today: '2026-09-29', expect: { assign: 'green', reply: 'green' } },
      { today: '2026-09-30', expect: { assign: 'yellow', reply: 'green' } },
      { today: '2026-10-20', expect: { assign: 'red', reply: 'green' } },
      { today: '2026-10-21', expect: { assign: 'red', reply: 'yellow' } },
    ],
  })
})

test('other periods: 5 WD warns 2 WD ahead, 1 WD only on its due day', async () => {
  // Received Mon 2026-11-30 with the county's periods set to 5 (assignment) and 1 (reply) WD:
  // assignment due Mon 12-07, reply due Tue 12-01.
  await follow({
    settings: { 'mailbox.assign_days': 5, 'mailbox.reply_days': 1 },
    days: [
      { today: '2026-11-30', expect: { assign: 'green', reply: 'green' } },
      { today: '2026-12-01', expect: { assign: 'green', reply: 'yellow' } },
      { today: '2026-12-02', expect: { assign: 'green', reply: 'red' } },
      { today: '2026-12-03', expect: { assign: 'yellow', reply: 'red' } },
    ],
  })
})
