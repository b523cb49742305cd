// The command line: the official calendar, the audit chain, online backup, accounts and the
// supervision report. Every test works on its own copy of a database.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import {
  fazhi, fazhiOk, makeDb, mkTemp, sql, sqlNumber, startServer, Client, assertError, BIN, TODAY, DEMO_PASSWORD,
} from './lib.mjs'

let root // holds the pristine demo database and every test's copy
let pristine

before(() => {
  root = mkTemp('fazhi-cli-')
  fs.mkdirSync(path.join(root, 'pristine'))
  pristine = makeDb(path.join(root, 'pristine'))
})

after(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

let copies = 0
/** A private copy of the demo database (or, with demo false, a fresh init-only one). */
function ownDb ({ demo = true } = {}) {
  const dir = path.join(root, `t${++copies}`)
  fs.mkdirSync(dir)
  if (!demo) return makeDb(dir, { demo: false })
  const db = path.join(dir, 'test.db')
  for (const ext of ['', '-wal']) {
    if (fs.existsSync(pristine + ext)) fs.copyFileSync(pristine + ext, db + ext)
  }
  return db
}

const cal = (...args) => fazhi(['calendar', ...args])

test('calendar is-workday follows the official 2026 calendar, make-up days included', () => {
  const cases = {
    '2026-10-01': 'no', // 国庆节 (Thursday)
    '2026-10-07': 'no', // last day of the National Day holiday (Wednesday)
    '2026-10-08': 'yes', // back to work (Thursday)
    '2026-09-20': 'yes', // Sunday, 国庆节调休上班 in data/cn-calendar.csv
    '2026-10-10': 'yes', // Saturday, 国庆节调休上班
    '2026-09-27': 'no', // Sunday and 中秋节
    '2026-02-14': 'yes', // Saturday, 春节调休上班
    '2026-02-17': 'no', // 春节 (Tuesday)
    '2026-11-23': 'yes', // an ordinary Monday
    '2026-11-28': 'no', // an ordinary Saturday
  }
  for (const [day, want] of Object.entries(cases)) {
    const r = cal('is-workday', day)
    assert.equal(r.status, 0, `${day}: ${r.stderr}`)
    assert.equal(r.stdout, `${want}\n`, day)
  }
})

test('calendar add-workdays and add-days count across National Day', () => {
  const cases = [
    // Sep 30 is a working day; Oct 1–7 are holidays; Oct 8, 9 and Saturday Oct 10 are worked.
    [['add-workdays', '2026-09-30', '1'], '2026-10-08'],
    [['add-workdays', '2026-09-30', '3'], '2026-10-10'],
    [['add-workdays', '2026-09-29', '2'], '2026-10-08'],
    // The day of the trigger is not counted: 15 working days from Mon Nov 23 end on Mon Dec 14.
    [['add-workdays', '2026-11-23', '15'], '2026-12-14'],
    [['add-workdays', '2026-11-23', '0'], '2026-11-23'],
    // Calendar days: Sep 25 + 7 = Oct 2, a holiday, so the period ends on the next working day.
    [['add-days', '2026-09-25', '7'], '2026-10-08'],
    // Sep 13 + 7 = Sep 20, a Sunday that is a make-up working day: it stays.
    [['add-days', '2026-09-13', '7'], '2026-09-20'],
    [['add-days', '2026-11-23', '15'], '2026-12-08'],
  ]
  for (const [args, want] of cases) {
    const r = cal(...args)
    assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`)
    assert.equal(r.stdout, `${want}\n`, args.join(' '))
  }
  const ex = cal('explain', '2026-09-30', '3', 'wd')
  assert.equal(ex.status, 0, ex.stderr)
  assert.match(ex.stdout, /2026-10-10/)
  assert.match(ex.stdout, /国庆/)
})

test('a date outside the loaded years exits 1 naming the missing year', () => {
  const r = cal('is-workday', '2023-06-01')
  assert.equal(r.status, 1)
  assert.equal(r.stdout, '')
  assert.match(r.stderr, /2023 年/)
  assert.match(r.stderr, /尚未载入/)
  const r2 = cal('add-workdays', '2026-12-20', '30')
  assert.equal(r2.status, 1)
  assert.match(r2.stderr, /2027 年/)
  assert.equal(r2.stdout, '')
})

test('bad calendar arguments exit 2 with a usage message', () => {
  const bad = [
    ['is-workday', '2026-02-30'],
    ['is-workday', '2026-13-01'],
    ['is-workday', '26-01-01'],
    ['is-workday'],
    ['is-workday', '2026-01-01', 'extra'],
    ['add-workdays', '2026-01-01', '-1'],
    ['add-workdays', '2026-01-01', 'ten'],
    ['add-workdays', '2026-01-01', '3651'],
    ['add-days', '2026-01-01'],
    ['explain', '2026-01-01', '5', 'weeks'],
    ['frobnicate', '2026-01-01'],
    ['--bogus', 'is-workday', '2026-01-01'],
    [],
  ]
  for (const args of bad) {
    const r = cal(...args)
    assert.equal(r.status, 2, `calendar ${args.join(' ')}: ${r.stdout}${r.stderr}`)
    assert.equal(r.stdout, '', `calendar ${args.join(' ')} prints no answer`)
    assert.ok(r.stderr.length > 0)
  }
  assert.equal(fazhi(['no-such-command']).status, 2)
  assert.equal(fazhi([]).status, 2)
})

test('audit verify passes on the demo database', () => {
  const db = ownDb()
  const r = fazhiOk(['audit', 'verify', '--db', db])
  const n = sqlNumber(db, 'SELECT COUNT(*) FROM event')
  assert.equal(r.stdout.trim(), `审计链完整：已校验 ${n} 个事件`)
})

test('audit verify finds an edited event and names it (exit 1)', () => {
  const db = ownDb()
  sql(db, "UPDATE event SET note='x' WHERE event_id=5")
  const r = fazhi(['audit', 'verify', '--db', db])
  assert.equal(r.status, 1)
  assert.match(r.stdout + r.stderr, /第一个异常事件 5：/)
  assert.match(r.stdout + r.stderr, /此前 4 个事件校验通过/)
})

test('audit verify finds a deleted event, the last one or one in the middle (exit 1)', () => {
  const db = ownDb()
  const last = sqlNumber(db, 'SELECT MAX(event_id) FROM event')
  sql(db, `DELETE FROM event WHERE event_id=${last}`)
  const r = fazhi(['audit', 'verify', '--db', db])
  assert.equal(r.status, 1, r.stdout)
  assert.match(r.stdout + r.stderr, new RegExp(`异常事件 ${last}`))
  const db2 = ownDb()
  sql(db2, 'DELETE FROM event WHERE event_id=100')
  const r2 = fazhi(['audit', 'verify', '--db', db2])
  assert.equal(r2.status, 1, r2.stdout)
  assert.match(r2.stdout + r2.stderr, /第一个异常事件 10[01]：/)
})

test('audit verify usage errors', () => {
  const r = fazhi(['audit', 'verify'])
  assert.notEqual(r.status, 0)
  assert.match(r.stderr, /--db/)
  assert.equal(fazhi(['audit', 'check', '--db', 'x.db']).status, 2)
  const missing = fazhi(['audit', 'verify', '--db', path.join(root, 'no-such.db')])
  assert.equal(missing.status, 1)
  assert.ok(missing.stderr.length > 0)
})

test('backup while the server is writing produces a copy whose audit chain verifies', async () => {
  const db = ownDb()
  const server = await startServer({ db, dir: path.dirname(db) })
  try {
    const c = new Client(server)
    await c.submitLetter({ subject: '备份前的来信' })
    const to = path.join(root, `backup-${copies}.db`)
    // Letters keep arriving while the backup runs.
    const backup = new Promise((resolve) => {
      const p = spawn(BIN, ['backup', '--db', db, '--to', to], { env: { ...process.env, FAZHI_TODAY: TODAY } })
      let out = ''
      p.stdout.on('data', (d) => { out += d })
      p.stderr.on('data', (d) => { out += d })
      p.on('exit', (code) => resolve({ code, out }))
    })
    const writes = Array.from({ length: 8 }, (_, i) => c.post('/api/public/mailbox', {
      name: '备份', phone: '13800000000', category: 'other', subject: `备份期间的来信 ${i}`, content: '内容', publish_ok: false,
    }))
    const [{ code, out }, ...responses] = await Promise.all([backup, ...writes])
    assert.equal(code, 0, out)
    assert.match(out, /备份完成/)
    for (const r of responses) assert.equal(r.status, 201)
    const v = fazhiOk(['audit', 'verify', '--db', to])
    assert.match(v.stdout, /审计链完整/)
    const copied = sqlNumber(to, "SELECT COUNT(*) FROM case_record WHERE title = '备份前的来信'")
    assert.equal(copied, 1, 'the letter written before the backup is in it')
    const letters = sqlNumber(to, 'SELECT COUNT(*) FROM mailbox_letter')
    assert.equal(sqlNumber(to, "SELECT COUNT(*) FROM case_record WHERE case_type = 'mailbox'"), letters, 'a consistent copy')
    // A backup never overwrites a file.
    const again = fazhi(['backup', '--db', db, '--to', to])
    assert.equal(again.status, 1)
    assert.match(again.stderr, /已存在/)
    assert.equal(fazhi(['backup', '--db', db]).status, 2)
  } finally {
    await server.stop()
  }
})

test('user add / passwd / disable / enable, checked by logging in', async () => {
  const db = ownDb({ demo: false })
  const server = await startServer({ db, dir: path.dirname(db) })
  try {
    const c = new Client(server)
    const add = fazhi(['user', 'add', '--db', db, '--username', 'sfj.tester', '--name', '测试员',
      '--role', 'legal_staff', '--agency', 'sfj', '--password', 'first-pass-123'])
    assert.equal(add.status, 0, add.stderr)
    assert.match(add.stdout, /已创建用户 sfj\.tester/)
    const s1 = await c.login('sfj.tester', 'first-pass-123')
    assert.equal(s1.user.role, 'legal_staff')
    assert.equal(s1.user.display_name, '测试员')
    assert.equal(s1.user.agency_name, '县司法局')

    // Refusals: duplicate name, short password, bad role, missing options, unknown agency or verb.
    const dup = fazhi(['user', 'add', '--db', db, '--username', 'sfj.tester', '--name', '重复', '--role', 'leader',
      '--agency', 'gov', '--password', 'another-pass-1'])
    assert.equal(dup.status, 1)
    assert.match(dup.stderr, /已存在/)
    const short = fazhi(['user', 'add', '--db', db, '--username', 'short.pw', '--name', '短', '--role', 'leader',
      '--agency', 'gov', '--password', 'short'])
    assert.equal(short.status, 1)
    assert.match(short.stderr, /8 至 128/)
    assert.equal(fazhi(['user', 'add', '--db', db, '--username', 'x.y', '--name', '某', '--role', 'emperor',
      '--agency', 'gov', '--password', 'long-enough-1']).status, 2)
    assert.equal(fazhi(['user', 'add', '--db', db, '--name', '某', '--role', 'leader', '--agency', 'gov']).status, 2)
    assert.equal(fazhi(['user', 'promote', '--db', db, '--username', 'sfj.tester']).status, 2)
    const noAgency = fazhi(['user', 'add', '--db', db, '--username', 'x.y', '--name', '某', '--role', 'leader',
      '--agency', 'nowhere', '--password', 'long-enough-1'])
    assert.equal(noAgency.status, 1)
    assert.match(noAgency.stderr, /不存在/)
    const badName = fazhi(['user', 'add', '--db', db, '--username', 'Bad Name', '--name', '某', '--role', 'leader',
      '--agency', 'gov', '--password', 'long-enough-1'])
    assert.equal(badName.status, 1)
    assert.equal(sqlNumber(db, "SELECT COUNT(*) FROM app_user WHERE username IN ('short.pw', 'x.y', 'Bad Name')"), 0)

    // passwd (from standard input, as a script would): the old password and old sessions stop working.
    const pw = fazhi(['user', 'passwd', '--db', db, '--username', 'sfj.tester'], { input: 'second-pass-456\n' })
    assert.equal(pw.status, 0, pw.stderr)
    assertError(await c.get('/api/session', { session: s1 }), 401, 'UNAUTHENTICATED')
    assertError(await c.post('/api/session', { username: 'sfj.tester', password: 'first-pass-123' }), 401, 'BAD_CREDENTIALS')
    const s2 = await c.login('sfj.tester', 'second-pass-456')
    assert.equal(fazhi(['user', 'passwd', '--db', db, '--username', 'nobody', '--password', 'whatever-123']).status, 1)

    // disable: no login, and the open session ends; enable brings the account back.
    fazhiOk(['user', 'disable', '--db', db, '--username', 'sfj.tester'])
    assertError(await c.get('/api/session', { session: s2 }), 401, 'UNAUTHENTICATED')
    assertError(await c.post('/api/session', { username: 'sfj.tester', password: 'second-pass-456' }), 401, 'BAD_CREDENTIALS')
    fazhiOk(['user', 'enable', '--db', db, '--username', 'sfj.tester'])
    await c.login('sfj.tester', 'second-pass-456')

    // Every account change is in the audit chain.
    const actions = sql(db, "SELECT action FROM event WHERE entity = 'user' AND (note = 'sfj.tester' OR note = '测试员') ORDER BY event_id").map((r) => r[0])
    assert.deepEqual(actions, ['user_create', 'user_passwd', 'user_disable', 'user_enable'])
    fazhiOk(['audit', 'verify', '--db', db])
  } finally {
    await server.stop()
  }
})

test('supervise prints the cards per agency; --json parses and adds up', () => {
  const db = ownDb()
  const r = fazhiOk(['supervise', '--db', db, '--json'])
  const j = JSON.parse(r.stdout)
  assert.equal(j.today, TODAY)
  assert.equal(j.yellow_days, 3)
  for (const k of ['open', 'yellow', 'red']) {
    assert.equal(j.totals[k], j.agencies.reduce((n, a) => n + a[k], 0), k)
  }
  assert.ok(j.totals.open > 0)
  assert.equal(j.totals.open, sqlNumber(db, "SELECT COUNT(*) FROM case_clock WHERE state IN ('running', 'paused')"))
  assert.ok(Array.isArray(j.items))
  assert.ok(Array.isArray(j.warnings))
  // The sweep issued the cards: one per red or yellow clock.
  assert.equal(sqlNumber(db, 'SELECT COUNT(*) FROM supervision_card'), j.totals.red + j.totals.yellow)
  const text = fazhiOk(['supervise', '--db', db])
  assert.match(text.stdout, new RegExp(`电子监察 ${TODAY}：在办时限 ${j.totals.open}，`))
  assert.match(text.stdout, /本次新发牌 0/, 'a second sweep issues no new cards')
  assert.equal(fazhi(['supervise', '--db', db, '--csv']).status, 2)
})
