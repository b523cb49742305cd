// The write-ahead log is bounded: while a reader holds an old snapshot (here a sqlite3 shell
// left inside a transaction), the WAL cannot be copied back and reset, so it grows with every
// write. Past the store.wal_limit_mb setting the server refuses write transactions with 503
// (JSON, Chinese) instead of filling the disk, reads go on, and writes resume by themselves
// once the reader is gone.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { useServer, assertError } from './lib.mjs'

const c = useServer({ env: { FAZHI_PUBLIC_RATE: '1000000' } })
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const letter = (i) => ({
  name: '李四', phone: '13900139000', category: 'suggestion', subject: `日志上限测试 ${i}`,
  content: '建议在城关镇增设公交站点。'.repeat(40), publish_ok: false,
})

test('a long reader cannot make the WAL fill the disk: writes wait past the limit, then resume', async () => {
  const admin = await c.login('admin')
  const put = await c.api('PUT', '/api/settings/store.wal_limit_mb', { session: admin, body: { value: 1 } })
  assert.equal(put.status, 200, put.text)

  // Let the start-up writes (supervision cards) be copied back and the log reset, so the
  // reader below starts from a short log.
  await sleep(2500)
  assert.equal((await c.post('/api/public/mailbox', letter(-1))).status, 201)
  await sleep(1200)
  // A reader that stays inside its transaction until told to stop.
  const reader = spawn('sqlite3', [c.db], { stdio: ['pipe', 'pipe', 'pipe'] })
  let readerOut = ''
  reader.stdout.on('data', (d) => { readerOut += d })
  reader.stdin.write('BEGIN;\nSELECT COUNT(*) FROM event;\n')
  for (let i = 0; i < 50 && !readerOut.trim(); i++) await sleep(100)
  assert.match(readerOut, /^\d+/, 'the reader holds its snapshot')

  let refused = null
  let written = 0
  const t0 = Date.now()
  for (let i = 0; i < 3000 && !refused && Date.now() - t0 < 60000; i++) {
    const r = await c.post('/api/public/mailbox', letter(i))
    if (r.status === 201) written++
    else refused = r
  }
  assert.ok(refused, `no write was refused after ${written} letters`)
  const e = assertError(refused, 503, 'BUSY', null)
  assert.match(e.message, /日志/)
  // Reads go on while writes wait.
  assert.equal((await c.get('/api/public/agencies')).status, 200)
  await sleep(1200) // the background checkpoint's next look, which /metrics reports
  const metrics = await c.get('/metrics')
  assert.match(metrics.text, /fazhi_writes_held 1/)
  // The log's live part stopped at the limit, overshooting by the one write that crossed it.
  const live = Number(/fazhi_wal_bytes (\d+)/.exec(metrics.text)[1])
  assert.ok(live > 1024 * 1024 && live < 3 * 1024 * 1024, `live WAL ${live} bytes with a 1 MB limit`)
  const before = fs.statSync(c.db + '-wal').size
  for (let i = 0; i < 20; i++) assertError(await c.post('/api/public/mailbox', letter(5000 + i)), 503, 'BUSY', null)
  assert.equal(fs.statSync(c.db + '-wal').size, before, 'refused writes add nothing to the WAL')

  reader.stdin.end('COMMIT;\n')
  await new Promise((resolve) => reader.on('exit', resolve))
  let resumed = null
  for (let i = 0; i < 50 && !resumed; i++) {
    const r = await c.post('/api/public/mailbox', letter(10000 + i))
    if (r.status === 201) resumed = r
    else await sleep(200)
  }
  assert.ok(resumed, 'writes did not resume within 10 s of the reader ending')
  assert.match((await c.get('/metrics')).text, /fazhi_writes_held 0/)
  await c.api('PUT', '/api/settings/store.wal_limit_mb', { session: admin, body: { value: 1024 } })
})
