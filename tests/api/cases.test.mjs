// The generic case views every procedure shares: the list (filters, search, sort, pages),
// the detail, and the reference data the browser builds its forms from.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sqlNumber, TODAY } from './lib.mjs'

let letter // a new letter: {number, tracking_code, case_id}
const c = useServer({
  async setup (cl) {
    letter = await cl.submitLetter({
      subject: '河道垃圾清理',
      content: '柳河乡白杨村河道里堆满塑料垃圾，夏天气味难闻。',
    })
  },
})

const ROW_KEYS = ['agency_id', 'agency_name', 'case_id', 'case_type', 'clock_status', 'created_at', 'days_left',
  'due_date', 'due_kind', 'number', 'provisional', 'provisional_due_date', 'received_on', 'state', 'state_label',
  'title', 'type_label', 'version']

async function list (query, username = 'legal') {
  const r = await c.get(`/api/cases?${query}`, { session: await c.login(username) })
  assert.equal(r.status, 200, `${query}: ${r.text}`)
  return r.json
}

async function listAll (query) {
  const items = []
  for (let page = 1; ; page++) {
    const j = await list(`${query}&per_page=100&page=${page}`)
    items.push(...j.items)
    if (j.items.length < 100) return { items, total: j.total }
  }
}

test('the default list: newest first, 20 a page, every row complete', async () => {
  const j = await list('')
  assert.equal(j.page, 1)
  assert.equal(j.per_page, 20)
  assert.equal(j.items.length, 20)
  assert.equal(j.total, sqlNumber(c.db, 'SELECT COUNT(*) FROM case_record'))
  for (const x of j.items) assert.deepEqual(Object.keys(x).sort(), ROW_KEYS)
  const created = j.items.map((x) => x.created_at)
  assert.deepEqual(created, [...created].sort().reverse(), 'newest first')
  // (The demo's letters of today carry times of day that may be later than the test's now.)
  const row = (await list('q=' + encodeURIComponent(letter.number))).items.find((x) => x.case_id === letter.case_id)
  assert.deepEqual(Object.keys(row).sort(), ROW_KEYS)
  assert.equal(row.number, letter.number)
  assert.equal(row.type_label, '县长信箱来信')
  assert.equal(row.state_label, '待分办')
  assert.equal(row.received_on, TODAY)
  assert.equal(row.due_date, '2026-11-25', 'the nearest running clock: assignment, 2 working days')
  assert.equal(row.days_left, 2)
  // A 2-WD period warns 1 WD ahead (issue 15): a new letter is green on arrival.
  assert.equal(row.clock_status, 'green')
  assert.equal(row.due_kind, 'deadline', 'a time limit to act, not a validity period')
})

test('pages do not overlap and add up to the total', async () => {
  const all = await listAll('type=mailbox&state=published&sort=number')
  assert.ok(all.total > 100, 'enough rows for several pages')
  assert.equal(all.items.length, all.total)
  assert.equal(new Set(all.items.map((x) => x.case_id)).size, all.total, 'no row on two pages')
  const beyond = await list(`type=mailbox&state=published&per_page=100&page=${Math.ceil(all.total / 100) + 1}`)
  assert.deepEqual(beyond.items, [])
  assert.equal(beyond.total, all.total)
})

test('filters: type, state, agency, clock status', async () => {
  const pending = await listAll('state=pending')
  assert.ok(pending.items.some((x) => x.case_id === letter.case_id))
  for (const x of pending.items) assert.equal(x.state, 'pending')
  const mailbox = await listAll('type=mailbox')
  for (const x of mailbox.items) assert.equal(x.case_type, 'mailbox')
  assert.equal(mailbox.total, sqlNumber(c.db, "SELECT COUNT(*) FROM case_record WHERE case_type = 'mailbox'"))
  const scj = await c.agencyOf('scj.clerk')
  const bySc = await listAll(`agency_id=${scj}`)
  assert.ok(bySc.total > 0)
  for (const x of bySc.items) assert.equal(x.agency_id, scj)
  // Clock status: red is overdue, yellow due within the clock's own window (3 working days, by
  // Thu 2026-11-26, or half a shorter period: the new letter's 2-WD assignment is green), green later.
  const red = await listAll('clock_status=red')
  assert.ok(red.total > 0)
  for (const x of red.items) { assert.ok(x.due_date < TODAY); assert.equal(x.clock_status, 'red') }
  const yellow = await listAll('clock_status=yellow')
  assert.ok(!yellow.items.some((x) => x.case_id === letter.case_id))
  for (const x of yellow.items) {
    assert.ok(x.due_date >= TODAY && x.due_date <= '2026-11-26', x.due_date)
    assert.equal(x.clock_status, 'yellow')
  }
  const green = await listAll('clock_status=green')
  assert.ok(green.items.some((x) => x.case_id === letter.case_id))
  // Green also holds an open case whose running clock falls due in a year whose holidays are not
  // loaded (a 60-day period begun in November): no due day yet, the provisional one far ahead.
  for (const x of green.items) {
    if (x.due_date === null) {
      assert.equal(x.provisional, true)
      assert.ok(x.provisional_due_date > '2026-12-31', x.provisional_due_date)
    } else assert.ok(x.due_date >= TODAY)
    assert.equal(x.clock_status, 'green')
  }
  assert.ok(green.items.some((x) => x.provisional), 'the demo has such cases')
  assert.equal(red.total + yellow.total + green.total,
    sqlNumber(c.db, 'SELECT COUNT(*) FROM case_record c WHERE due_date IS NOT NULL OR EXISTS (SELECT 1 FROM case_clock k' +
      " WHERE k.case_id = c.case_id AND k.state = 'running' AND k.due_date IS NULL)"), 'every case with a running clock is in one band')
  const combined = await listAll(`type=mailbox&state=handling&agency_id=${scj}`)
  for (const x of combined.items) assert.ok(x.case_type === 'mailbox' && x.state === 'handling' && x.agency_id === scj)
})

test('sorting by due date, number and creation, both ways', async () => {
  const asc = (await listAll('sort=due_date&state=pending')).items
  const dues = asc.map((x) => x.due_date).filter(Boolean)
  assert.deepEqual(dues, [...dues].sort())
  const desc = (await list('sort=-due_date&per_page=50')).items.map((x) => x.due_date).filter(Boolean)
  assert.deepEqual(desc, [...desc].sort().reverse())
  // Cases without a running clock come last either way.
  const all = (await listAll('sort=due_date')).items
  const firstNull = all.findIndex((x) => x.due_date === null)
  assert.ok(firstNull > 0)
  assert.ok(all.slice(firstNull).every((x) => x.due_date === null))
  const byNumber = (await list('sort=number&per_page=30')).items.map((x) => x.case_id)
  assert.deepEqual(byNumber, [...byNumber].sort((a, b) => a - b))
  const byNumberDesc = (await list('sort=-number&per_page=30')).items.map((x) => x.case_id)
  assert.deepEqual(byNumberDesc, [...byNumberDesc].sort((a, b) => b - a))
  const oldest = (await list('sort=created_at&per_page=30')).items.map((x) => x.created_at)
  assert.deepEqual(oldest, [...oldest].sort())
})

test('search finds a letter by its number, its title and its content', async () => {
  const serial = /〔2026〕(\d+号)/.exec(letter.number)[1]
  for (const q of [letter.number, serial, '河道垃圾', '垃圾清理', '白杨村', '塑料垃圾', '河道']) {
    const j = await list(`q=${encodeURIComponent(q)}`)
    assert.ok(j.items.some((x) => x.case_id === letter.case_id), `q=${q} finds the letter`)
  }
  const none = await list(`q=${encodeURIComponent('完全不存在的关键词组合')}`)
  assert.equal(none.total, 0)
  assert.deepEqual(none.items, [])
})

test('the detail has the case, its fields, clocks, events, attachments and the actions with their inputs', async () => {
  const d = await c.detail(letter.case_id)
  assert.deepEqual(Object.keys(d).sort(), ['actions', 'attachments', 'case', 'clocks', 'events'])
  for (const k of ROW_KEYS) assert.ok(k in d.case, k)
  assert.equal(d.case.tracking_code, letter.tracking_code)
  assert.equal(d.case.fields.category_label, '反映问题')
  for (const k of d.clocks) {
    for (const key of ['name', 'label', 'unit', 'unit_label', 'days', 'extended_days', 'trigger_date', 'due_date',
      'days_left', 'status', 'state', 'article', 'explain']) assert.ok(key in k, `clock.${key}`)
    assert.equal(k.unit_label, '工作日')
    assert.ok(k.explain.length > 0)
    assert.match(k.article, /地方规定/)
  }
  const assign = d.actions.find((a) => a.name === 'assign')
  assert.equal(assign.label, '分办')
  assert.deepEqual(assign.inputs.map((i) => [i.name, i.type, i.required]), [['agency_id', 'agency', true], ['opinion', 'textarea', false]])
  const close = d.actions.find((a) => a.name === 'close')
  assert.deepEqual(close.inputs.map((i) => [i.name, i.type, i.required, i.max_chars]), [['reason', 'textarea', true, 500]])
  assert.deepEqual(d.events.map((e) => [e.action, e.action_label, e.to_state_label]), [['create', '来信登记', '待分办']])
})

test('reference data: roles, procedures with their states, categories, clock statuses, agencies', async () => {
  const s = await c.login('scj.clerk')
  const meta = (await c.get('/api/meta', { session: s })).json
  assert.deepEqual(meta.roles.map((r) => r.value).sort(),
    ['admin', 'agency_clerk', 'agency_head', 'leader', 'legal_head', 'legal_staff', 'officer'])
  assert.ok(meta.roles.every((r) => /\p{Script=Han}/u.test(r.label)))
  const mb = meta.case_types.find((t) => t.value === 'mailbox')
  assert.equal(mb.label, '县长信箱来信')
  assert.deepEqual(mb.states.map((x) => [x.value, x.label]), [['pending', '待分办'], ['handling', '办理中'],
    ['reviewing', '待审核'], ['answered', '已答复'], ['published', '已公开'], ['closed', '不予办理'],
    ['converted', '已转为信访事项']])
  assert.deepEqual(meta.mailbox_categories, [{ value: 'problem', label: '反映问题' }, { value: 'complaint', label: '投诉举报' },
    { value: 'suggestion', label: '建议咨询' }, { value: 'other', label: '其他' }])
  assert.deepEqual(meta.clock_status, [{ value: 'green', label: '正常' }, { value: 'yellow', label: '即将到期' },
    { value: 'red', label: '已超期' }])
  const ag = (await c.get('/api/agencies', { session: s })).json.items
  assert.equal(ag.length, 30)
  const scj = ag.find((a) => a.agency_id === s.user.agency_id)
  assert.deepEqual(scj, { agency_id: s.user.agency_id, name: '青山县市场监督管理局', short_name: '青市监', kind: 'department', kind_label: '政府部门' })
  assert.ok(ag.some((a) => a.name === '青山镇人民政府' && a.kind_label === '乡镇（街道）'))
  const pub = await c.get('/api/public/agencies')
  assert.equal(pub.status, 200)
  assert.deepEqual(pub.json.items, ag)
})
