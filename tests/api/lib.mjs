// Shared helpers of the HTTP API tests: a real `fazhi serve` on a temporary demo database,
// a JSON client, logins, and the checks every test file repeats.
//
// Environment:
//   FAZHI_BIN   absolute path of the fazhi binary under test (plain or ASan build);
//               default /work/main/build/fazhi, i.e. the plain build of this checkout.
//
// Every database, web directory and server belongs to one test file and is removed in its
// after() hook. A server that crashed, exited non-zero, or printed a sanitizer report
// (AddressSanitizer, LeakSanitizer, UBSan "runtime error") fails that hook, and so the run.
import { before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = process.env.FAZHI_BIN || path.join(ROOT, 'build', 'fazhi')
export const TODAY = '2026-11-23'
export const ADMIN_PASSWORD = 'admin-test-pass-2026'
export const DEMO_PASSWORD = 'fazhi-demo'
export const INDEX_HTML = '<!doctype html><html><head><meta charset="utf-8"><title>法治测试</title></head>' +
  '<body><div id="app">fazhi-test-index</div></body></html>\n'

// What a sanitizer prints when it finds something; any of these fails the run.
const SANITIZER = /ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer/

/** A string contains at least one CJK ideograph (error messages are for Chinese users). */
export const HAN = /\p{Script=Han}/u

export function mkTemp (prefix = 'fazhi-api-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/**
 * Runs the fazhi CLI synchronously with the date pinned. Returns {status, stdout, stderr}.
 * A sanitizer report in its output is an assertion failure whatever the exit status.
 */
export function fazhi (args, { env = {}, input } = {}) {
  const r = spawnSync(BIN, args, {
    env: { ...process.env, FAZHI_TODAY: TODAY, ...env },
    input,
    encoding: 'utf8',
    // Generous: the demo county (a year of records through the real procedures) takes some 30 s
    // of CPU under ASan, and a shared machine may give it a fraction of a core.
    timeout: 900_000,
  })
  if (r.error) throw r.error
  assert.doesNotMatch(r.stderr, SANITIZER, `sanitizer report from fazhi ${args.join(' ')}:\n${r.stderr}`)
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }
}

/** Like fazhi() but the command must succeed. */
export function fazhiOk (args, opts) {
  const r = fazhi(args, opts)
  assert.equal(r.status, 0, `fazhi ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`)
  return r
}

/** A fresh database: init (admin password known) and, unless demo is false, the demo county. */
export function makeDb (dir, { demo = true } = {}) {
  const db = path.join(dir, 'test.db')
  if (demo) {
    fs.copyFileSync(demoTemplate(), db)
    return db
  }
  fazhiOk(['init', '--db', db], { env: { FAZHI_ADMIN_PASSWORD: ADMIN_PASSWORD } })
  return db
}

/**
 * The demo county, made once per build of the binary and copied for each test file: `fazhi
 * demo` hashes every account's password separately (argon2id, ~85 accounts), which takes
 * seconds. The template is keyed by the binary (path, size, modification time), the pinned
 * day and the passwords, so a rebuilt binary makes a fresh one; older ones of the same
 * binary path are removed.
 */
function demoTemplate () {
  const st = fs.statSync(BIN)
  const binKey = crypto.createHash('sha1').update(BIN).digest('hex').slice(0, 12)
  const key = crypto.createHash('sha1')
    .update([BIN, st.size, st.mtimeMs, TODAY, ADMIN_PASSWORD, DEMO_PASSWORD].join('\n')).digest('hex').slice(0, 12)
  const prefix = `fazhi-demo-${binKey}-`
  const file = path.join(os.tmpdir(), `${prefix}${key}.db`)
  if (fs.existsSync(file)) return file
  const work = mkTemp('fazhi-demo-make-')
  try {
    const db = path.join(work, 'demo.db')
    fazhiOk(['init', '--db', db], { env: { FAZHI_ADMIN_PASSWORD: ADMIN_PASSWORD } })
    fazhiOk(['demo', '--db', db], { env: { FAZHI_DEMO_PASSWORD: DEMO_PASSWORD } })
    // Both commands closed the database, so the WAL is empty: the one file is the whole state.
    assert.ok(!fs.existsSync(db + '-wal') || fs.statSync(db + '-wal').size === 0, 'demo left a WAL behind')
    for (const f of fs.readdirSync(os.tmpdir())) {
      if (f.startsWith(prefix)) fs.rmSync(path.join(os.tmpdir(), f), { force: true })
    }
    fs.renameSync(db, file) // atomic: a reader never sees half a template
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
  return file
}

/** Runs a query with the sqlite3 command-line shell; returns the rows as arrays of strings. */
export function sql (db, query) {
  const r = spawnSync('sqlite3', ['-batch', '-separator', '\t', db, query], { encoding: 'utf8' })
  if (r.error) throw r.error
  assert.equal(r.status, 0, `sqlite3 failed: ${r.stderr}`)
  return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'))
}

/** One number from a COUNT(*) or similar query. */
export function sqlNumber (db, query) {
  return Number(sql(db, query)[0][0])
}

/**
 * Starts `fazhi serve --port 0 --quiet` on db (or on a new demo database) with its web files
 * in dir/web (dir: a new temporary directory unless given), with `threads` server threads
 * (default 4) and any further serve arguments in args. Resolves to a handle:
 * {url, port, db, dir, web, pid, stderr(), alive(), stop(), kill()}; stop() removes dir, a given one too.
 */
export async function startServer ({ env = {}, demo = true, db = null, dir = null, threads = 4, args = [] } = {}) {
  const ownDir = !dir
  dir = dir || mkTemp()
  try {
    db = db || makeDb(dir, { demo })
  } catch (e) {
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true })
    throw e
  }
  const web = path.join(dir, 'web')
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(web, 'index.html'), INDEX_HTML)
  fs.writeFileSync(path.join(web, 'assets', 'app.js'), 'console.log("fazhi-test-asset")\n')
  const child = spawn(BIN, ['serve', '--db', db, '--port', '0', '--quiet', '--threads', String(threads), '--web', web, ...args], {
    env: {
      ...process.env,
      FAZHI_TODAY: TODAY,
      FAZHI_PUBLIC_RATE: '100000', // the rate limit has its own test with its own server
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (d) => { err += d })
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  const listening = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${out}\n${err}`)), 20_000)
    child.stdout.on('data', (d) => {
      out += d
      const first = out.split('\n')[0]
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(first)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) } else if (out.includes('\n')) {
        clearTimeout(timer)
        reject(new Error(`unexpected first line from the server: ${first}`))
      }
    })
    exited.then(({ code, signal }) => {
      clearTimeout(timer)
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${out}\n${err}`))
    })
  })
  let port
  try {
    port = await listening
  } catch (e) {
    child.kill('SIGKILL')
    await exited
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true })
    throw e
  }
  let stopped = null
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    dir,
    web,
    stderr: () => err,
    /** True while the process runs. */
    alive: () => child.exitCode === null && child.signalCode === null,
    /**
     * SIGTERM, wait, remove the directory. Throws when the server had died before, exited
     * non-zero, was killed by a signal, or printed a sanitizer report.
     */
    async stop ({ keep = false } = {}) {
      if (stopped) return stopped
      const wasAlive = child.exitCode === null && child.signalCode === null
      if (wasAlive) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      const { code, signal } = await exited
      clearTimeout(timer)
      if (!keep) fs.rmSync(dir, { recursive: true, force: true })
      stopped = { code, signal, stderr: err }
      assert.ok(wasAlive, `the server died during the tests (code ${code}, signal ${signal}):\n${err}`)
      assert.doesNotMatch(err, SANITIZER, `sanitizer report from the server:\n${err}`)
      assert.equal(signal, null, `server killed by ${signal}:\n${err}`)
      assert.equal(code, 0, `server exited with ${code}:\n${err}`)
      return stopped
    },
    pid: child.pid,
    /**
     * SIGKILL on purpose (a crash test), wait; keeps dir, so a new server can start on the
     * same database, and stop() afterwards does nothing. Throws when the server had died
     * before the kill or printed a sanitizer report.
     */
    async kill () {
      if (stopped) return stopped
      const wasAlive = child.exitCode === null && child.signalCode === null
      if (wasAlive) process.kill(child.pid, 'SIGKILL')
      const { code, signal } = await exited
      stopped = { code, signal, stderr: err }
      assert.ok(wasAlive && signal === 'SIGKILL', `the server died before the kill (code ${code}, signal ${signal}):\n${err}`)
      assert.doesNotMatch(err, SANITIZER, `sanitizer report from the server:\n${err}`)
      return stopped
    },
  }
}

/**
 * One server for the whole test file: before() starts it, after() stops it and fails the file
 * if the server misbehaved. Returns a client whose fields are filled in by before().
 * setup(client), if given, runs in the same hook once the server is up: use it instead of a
 * second top-level before(), because Node 20 runs top-level before() hooks concurrently.
 */
/** Stops every server (each is tried), then fails with the first error if any stop failed. */
export async function stopAll (servers) {
  const errors = []
  for (const s of servers) {
    try { await s.stop() } catch (e) { errors.push(e) }
  }
  if (errors.length) throw errors[0]
}

export function useServer ({ setup, ...opts } = {}) {
  const client = new Client()
  before(async () => {
    client.server = await startServer(opts)
    client.url = client.server.url
    client.db = client.server.db
    if (setup) await setup(client)
  })
  after(async () => {
    if (client.server) await client.server.stop()
  })
  return client
}

export class Client {
  constructor (server = null) {
    this.server = server
    this.url = server ? server.url : null
    this.db = server ? server.db : null
    this.sessions = new Map()
  }

  /**
   * One HTTP request. session: {cookie, csrf} from login(); its CSRF token is sent on
   * state-changing methods unless csrf is given (false = send none, a string = send that).
   * body: an object is sent as JSON; a string or Buffer as is (set content-type yourself).
   * Returns {status, headers, json (or null), text, bytes}.
   */
  async api (method, p, { session, body, headers = {}, csrf } = {}) {
    const h = { ...headers }
    if (session) h.cookie = session.cookie
    const changes = !['GET', 'HEAD'].includes(method)
    if (session && changes && csrf !== false) h['x-csrf-token'] = csrf ?? session.csrf
    let payload
    if (body !== undefined) {
      if (typeof body === 'string' || Buffer.isBuffer(body) || body instanceof Uint8Array) {
        payload = body
      } else {
        payload = JSON.stringify(body)
        if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json'
      }
    }
    const res = await fetch(this.url + p, { method, headers: h, body: payload, redirect: 'manual' })
    const bytes = Buffer.from(await res.arrayBuffer())
    const text = bytes.toString('utf8')
    let json = null
    if ((res.headers.get('content-type') || '').startsWith('application/json') && text.length) {
      json = JSON.parse(text)
    }
    return { status: res.status, headers: res.headers, json, text, bytes }
  }

  get (p, opts) { return this.api('GET', p, opts) }
  post (p, body, opts = {}) { return this.api('POST', p, { ...opts, body }) }

  /** Logs in (password defaults to the demo one); returns {cookie, csrf, user}. Cached per username. */
  async login (username, password) {
    if (!password && this.sessions.has(username)) return this.sessions.get(username)
    const pw = password || (username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD)
    const r = await this.post('/api/session', { username, password: pw })
    assert.equal(r.status, 200, `login ${username}: ${r.text}`)
    const cookie = cookiePair(r.headers.get('set-cookie'))
    const s = { cookie, csrf: r.json.csrf_token, user: r.json.user }
    if (!password) this.sessions.set(username, s)
    return s
  }

  /** GET /api/agencies as the legal office: [{agency_id, name, short_name, kind, kind_label}]. */
  async agencies () {
    if (!this._agencies) {
      const s = await this.login('legal')
      const r = await this.get('/api/agencies', { session: s })
      assert.equal(r.status, 200)
      this._agencies = r.json.items
    }
    return this._agencies
  }

  /** agency_id of a demo user's agency, e.g. agencyOf('scj.clerk'). */
  async agencyOf (username) {
    return (await this.login(username)).user.agency_id
  }

  /** A new letter through the public portal; returns the 201 body plus case_id (found as legal). */
  async submitLetter (over = {}) {
    const body = {
      name: '张三',
      phone: '13800138000',
      category: 'problem',
      subject: '测试来信：路灯不亮',
      content: '青山镇东街路灯已经坏了两周，请尽快维修。',
      publish_ok: true,
      ...over,
    }
    const r = await this.post('/api/public/mailbox', body)
    assert.equal(r.status, 201, `submit letter: ${r.text}`)
    const caseId = await this.caseIdByNumber(r.json.number)
    return { ...r.json, case_id: caseId }
  }

  /** case_id of a recent letter with this number, looked up by the legal office (newest first). */
  async caseIdByNumber (number) {
    const s = await this.login('legal')
    const r = await this.get('/api/cases?type=mailbox&sort=-number&per_page=100', { session: s })
    assert.equal(r.status, 200, r.text)
    const hit = r.json.items.find((c) => c.number === number)
    assert.ok(hit, `case ${number} not found in the list`)
    return hit.case_id
  }

  /** Case detail as the given user (default legal); asserts 200. */
  async detail (caseId, username = 'legal') {
    const r = await this.get(`/api/cases/${caseId}`, { session: await this.login(username) })
    assert.equal(r.status, 200, `detail ${caseId} as ${username}: ${r.text}`)
    return r.json
  }

  /** POST an action with the case's current version (unless body.version is given). */
  async act (caseId, action, username, body = {}) {
    const s = await this.login(username)
    let version = body.version
    if (version === undefined) version = (await this.detail(caseId)).case.version
    return this.post(`/api/cases/${caseId}/actions/${action}`, { version, ...body }, { session: s })
  }

  /** Like act() but the action must succeed; returns the new detail. */
  async actOk (caseId, action, username, body = {}) {
    const r = await this.act(caseId, action, username, body)
    assert.equal(r.status, 200, `${action} on ${caseId} as ${username}: ${r.text}`)
    return r.json
  }
}

/**
 * A multipart/form-data body with one file part (and a plain field before it), built by hand
 * so that the filename is sent exactly as given. Returns {body, headers} for Client.post().
 */
export function multipart (filename, bytes, { field = 'file', type = 'application/octet-stream' } = {}) {
  const boundary = '----fazhiTest' + crypto.randomBytes(8).toString('hex')
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
    `Content-Type: ${type}\r\n\r\n`
  return {
    body: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n附言\r\n`),
      Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** The name=value pair of a Set-Cookie header. */
export function cookiePair (setCookie) {
  assert.ok(setCookie, 'no Set-Cookie header')
  return setCookie.split(';')[0].trim()
}

/** Asserts the standard error shape: status, code, field (when given), Chinese message. */
export function assertError (r, status, code, field) {
  assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status}: ${r.text}`)
  assert.match(r.headers.get('content-type') || '', /^application\/json/)
  assert.ok(r.json && r.json.error, `no error object: ${r.text}`)
  const e = r.json.error
  assert.deepEqual(Object.keys(e).sort(), ['code', 'field', 'message'], `error keys: ${r.text}`)
  if (code) assert.equal(e.code, code, r.text)
  if (field !== undefined) assert.equal(e.field, field, r.text)
  assert.equal(typeof e.message, 'string')
  assert.match(e.message, HAN, `error message has no Chinese: ${e.message}`)
  return e
}

/** A snapshot of what a rejected write must not change: the case's version and events, all events. */
export async function snapshot (client, caseId) {
  const d = caseId ? await client.detail(caseId) : null
  return {
    version: d ? d.case.version : null,
    state: d ? d.case.state : null,
    agency_id: d ? d.case.agency_id : null,
    events: d ? d.events.length : null,
    attachments: d ? d.attachments.length : null,
    ...counts(client.db),
  }
}

/** Rows in the tables a write would touch, in one sqlite3 run. */
function counts (db) {
  const [row] = sql(db, 'SELECT (SELECT COUNT(*) FROM event), (SELECT COUNT(*) FROM case_record),' +
    ' (SELECT COUNT(*) FROM mailbox_letter), (SELECT COUNT(*) FROM attachment), (SELECT COUNT(*) FROM case_clock)')
  const [allEvents, allCases, letters, allAttachments, clocks] = row.map(Number)
  return { allEvents, allCases, letters, allAttachments, clocks }
}

export async function assertUnchanged (client, caseId, before) {
  assert.deepEqual(await snapshot(client, caseId), before, 'a rejected request changed stored data')
}

/** A 居民身份证号码: the 17 digits given and their GB 11643-1999 check character. */
export function residentId (first17) {
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * W[i]
  return first17 + '10X98765432'[sum % 11]
}
