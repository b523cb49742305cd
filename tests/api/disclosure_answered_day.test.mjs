// After a disclosure reply, the reply clock says on which working day of its period the reply
// came (issue 15, item 9): "为第 N 个工作日（期限 20 个工作日）", counted on the official calendar
// (政府信息公开条例 第33条), and never "计时暂停中 … 已计 0 个工作日，尚余 0 个工作日" for a request
// that was never paused — also when the 20th working day falls in a year whose calendar is not
// loaded yet (the demo calendar ends with 2026).
//
// 2026 calendar used: Sep 25-27 中秋节 (Fri-Sun), Oct 1-7 国庆节, Oct 10 (Sat) make-up working
// day; December has no holiday; Dec 1, 15, 22 are Tuesdays.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, Client, makeDb, mkTemp, stopAll } from './lib.mjs'

const servers = []
const dir = mkTemp()
const db = makeDb(dir)
const cases = {}
let last // the Client of the last server (2026-12-22)

function body (agency, over = {}) {
  return {
    agency_id: agency, applicant_type: 'natural', applicant_name: '周文彬', phone: '13907910002',
    address: '青山县城关镇人民路 8 号', email: 'zhou@example.cn', description: '请公开本单位2026年度行政许可办理情况',
    purpose: '了解办理情况', delivery: 'email', ...over,
  }
}

/** Runs fn(client) on a server pinned to day, on the shared database. */
async function on (day, fn, keep = true) {
  const s = await startServer({ db, dir, env: { FAZHI_TODAY: day } })
  const c = new Client(s)
  try {
    await fn(c)
  } finally {
    if (keep) await s.stop({ keep: true })
    else servers.push(s)
  }
  return c
}

async function submit (c, key) {
  const r = await c.post('/api/public/disclosure/requests', body(await c.agencyOf('scj.clerk')))
  assert.equal(r.status, 201, r.text)
  const list = await c.get(`/api/cases?type=disclosure&q=${encodeURIComponent(r.json.number)}`, { session: await c.login('legal') })
  cases[key] = { code: r.json.tracking_code, id: list.json.items.find((x) => x.number === r.json.number).case_id }
}

const reply = (c, key) => c.actOk(cases[key].id, 'reply', 'scj.clerk', { outcome: 'disclose', reply_text: '经审查，现将您申请的信息予以公开。' })

before(async () => {
  await on('2026-09-25', (c) => submit(c, 'autumn')) // 中秋节 itself
  await on('2026-10-09', (c) => reply(c, 'autumn'))
  await on('2026-12-01', (c) => submit(c, 'dec1'))
  await on('2026-12-15', async (c) => { await submit(c, 'dec15'); await submit(c, 'sameday'); await reply(c, 'sameday') })
  last = await on('2026-12-22', async (c) => { await reply(c, 'dec1'); await reply(c, 'dec15') }, false)
})
after(async () => { await stopAll(servers) })

async function replyClock (key) {
  const r = await last.get(`/api/public/disclosure/track/${cases[key].code}`)
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.state, 'replied')
  const k = r.json.clocks.find((x) => x.name === 'reply')
  assert.ok(k, 'reply clock shown')
  assert.equal(k.state, 'stopped')
  const text = k.explain.join('\n')
  assert.doesNotMatch(text, /计时暂停中|尚余 0/, `a never-paused request reads as paused: ${text}`)
  return { k, text }
}

test('received on 中秋节, answered 2026-10-09: day 5 of 20 across 国庆节', async () => {
  // Trigger 09-25; 09-28 WD1, 29 WD2, 30 WD3; Oct 1-7 holiday; 10-08 WD4, 10-09 WD5.
  const { k, text } = await replyClock('autumn')
  assert.match(text, /2026-10-09 完成，为第 5 个工作日（期限 20 个工作日）/)
  assert.equal(k.on_time, true)
})

test('received 2026-12-01, answered 2026-12-22: day 15 of 20, due 2026-12-29', async () => {
  // 12-02..04 WD1-3, 07..11 WD4-8, 14..18 WD9-13, 21 WD14, 22 WD15; WD20 = 12-29.
  const { k, text } = await replyClock('dec1')
  assert.equal(k.due_date, '2026-12-29')
  assert.match(text, /2026-12-22 完成，为第 15 个工作日（期限 20 个工作日）/)
  assert.equal(k.on_time, true)
})

test('received 2026-12-15, due in 2027 (calendar not loaded), answered 2026-12-22: day 5 of 20', async () => {
  // 12-16 WD1, 17 WD2, 18 WD3, 21 WD4, 22 WD5; WD20 would be in January 2027.
  const { k, text } = await replyClock('dec15')
  assert.equal(k.due_date, null)
  assert.match(text, /2026-12-22 完成，为第 5 个工作日（期限 20 个工作日）/)
  assert.equal(k.on_time, true, 'answered within the period whatever the 2027 calendar says')
})

test('answered the day it was received: said so, not paused', async () => {
  const { text } = await replyClock('sameday')
  assert.match(text, /2026-12-15 完成（起算日当日）/)
})
