// Deadlines that run into a year whose official holiday calendar is not loaded yet (issue 15,
// item 4). The demo county's calendar holds 2024-2026; a reconsideration decision period
// (60 CD from acceptance) of a case accepted since November runs into 2027. Staff see the
// calendar warning wherever clocks are shown (dashboard, case list, case detail, supervision);
// the applicant's tracking page shows the provisional date marked as provisional.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, PASSWORD, TODAY, browserTest, page, sel, login, logout, getJson, shot } from './lib.mjs'

const NOTE = '暂按周末推算，以国务院公布的节假日安排为准'

browserTest('a deadline beyond the loaded calendar: warnings for staff, a provisional date for the applicant',
  { timeout: 120_000, failureShot: 'failure-calendar-provisional.png' }, scenario)

/** A JSON request outside the browser, as a demo user (or the public when user is null). */
async function call(method, url, body, user) {
  const headers = { 'content-type': 'application/json' }
  if (user) {
    const r = await fetch(`${BASE}/api/session`, { method: 'POST', headers, body: JSON.stringify({ username: user, password: PASSWORD }) })
    assert.equal(r.status, 200, `login ${user}`)
    const j = await r.json()
    headers.cookie = r.headers.get('set-cookie').split(';')[0]
    headers['x-csrf-token'] = j.csrf_token
    if (!body && method === 'GET') delete headers['content-type']
    call.user = j.user
  }
  const r = await fetch(`${BASE}${url}`, { method, headers, body: body ? JSON.stringify(body) : undefined })
  const text = await r.text()
  assert.ok(r.status < 300, `${method} ${url}: ${r.status} ${text}`)
  return JSON.parse(text)
}

/**
 * Makes sure a reconsideration decision period runs into the next year: in December any
 * accepted case does; earlier, an application accepted today does from early November on.
 */
async function acceptedToday() {
  await call('GET', '/api/session', null, 'scj.clerk')
  const agency = call.user?.agency_id
  const year = Number(TODAY.slice(0, 4))
  const learned = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 20 * 86400e3).toISOString().slice(0, 10)
  const app = await call('POST', '/api/public/reconsideration', {
    applicant_name: '跨年测试申请人', applicant_type: 'natural', applicant_id: '360121198001011234',
    phone: '13807910000', address: '青山县城关镇人民路 8 号', respondent_agency_id: agency,
    act_type: 'penalty', act_number: `青市监罚〔${year}〕98号`, act_date: learned, learned_on: learned,
    requests: '请求撤销被申请人作出的行政处罚决定', facts: '申请人认为处罚认定事实不清。',
  })
  const list = await call('GET', `/api/cases?type=reconsideration&q=${encodeURIComponent(app.number)}`, null, 'legal')
  const id = list.items.find((x) => x.number === app.number).case_id
  const d = await call('GET', `/api/cases/${id}`, null, 'legal')
  await call('POST', `/api/cases/${id}/actions/accept`, { version: d.case.version, procedure: 'normal' }, 'legal')
}

async function scenario() {
  // Before November no period of the demo county reaches the next year: nothing to show.
  if (TODAY.slice(5) < '11-02') return
  await acceptedToday()
  await login('legal')
  // A case with a clock whose due date waits for next year's calendar.
  let found = null
  const list = await getJson('/api/cases?type=reconsideration&per_page=100')
  for (const c of list.items) {
    const d = await getJson(`/api/cases/${c.case_id}`)
    const k = d.clocks.find((x) => x.provisional)
    if (k) { found = { d, k }; break }
  }
  assert.ok(found, 'the demo county has a reconsideration clock running into a year not loaded')
  const year = String(found.k.calendar_missing_year)
  assert.ok(found.k.provisional_due_date > `${year}-01-01`, JSON.stringify(found.k))

  for (const [url, where] of [['/app', 'dashboard'], ['/app/cases', 'case list'], ['/app/supervision', 'supervision']]) {
    await page.goto(`${BASE}${url}`)
    const w = page.locator(sel('calendar-warnings'))
    await w.waitFor()
    assert.match(await w.innerText(), new RegExp(`${year} 年`), `${where} warns about ${year}`)
  }
  await shot('calendar-warning-supervision.png')

  await page.goto(`${BASE}/app/cases/${found.d.case.case_id}`)
  const warn = page.locator(sel('clock-calendar-warning')).first()
  await warn.waitFor()
  assert.match(await warn.innerText(), new RegExp(`${year} 年国务院节假日安排`))
  const due = await page.locator(sel('clock-provisional-due')).first().innerText()
  assert.ok(due.includes('暂定') && due.includes(NOTE), due)
  await logout()

  // The applicant: the tracking page names the provisional date and says what it rests on.
  await page.goto(`${BASE}/reconsideration/track/${found.d.case.tracking_code}`)
  await page.locator(sel('rt-result')).waitFor()
  const pdue = page.locator(sel('clock-provisional-due')).first()
  await pdue.waitFor()
  const text = await pdue.innerText()
  assert.ok(text.includes('暂定') && text.includes(NOTE), text)
  assert.match(await page.locator(sel('clock-calendar-warning')).first().innerText(), /国务院/)
  await shot('calendar-provisional-track.png')
}
