// The browser app's files: the single-page app's index.html for page paths, assets as they
// are, and no way out of the web directory whatever the path looks like.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { useServer, INDEX_HTML, ROOT } from './lib.mjs'

const c = useServer({
  // A secret next to the web directory, and the database one level up: neither may be served.
  async setup (cl) { fs.writeFileSync(path.join(cl.server.dir, 'secret.txt'), 'TOP-SECRET-fazhi\n') },
})

/** GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawGet (p, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: c.server.port, path: p, method }, (res) => {
      const chunks = []
      res.on('data', (d) => chunks.push(d))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('/ and the app’s page paths return the SPA index.html as text/html', async () => {
  for (const p of ['/', '/app/', '/app/cases', '/app/cases/123', '/track/ABCD-EFGH-JKMN', '/index.html']) {
    const r = await rawGet(p)
    assert.equal(r.status, 200, p)
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8', p)
    assert.equal(r.body.toString(), INDEX_HTML, p)
    assert.equal(r.headers['cache-control'], 'no-cache', `${p}: the page must be revalidated`)
  }
  const head = await rawGet('/app/cases', 'HEAD')
  assert.equal(head.status, 200)
  assert.equal(head.body.length, 0)
})

test('assets are served with their type and a long cache; a missing asset is 404, not the page', async () => {
  const r = await rawGet('/assets/app.js')
  assert.equal(r.status, 200)
  assert.equal(r.headers['content-type'], 'text/javascript; charset=utf-8')
  assert.equal(r.body.toString(), 'console.log("fazhi-test-asset")\n')
  assert.match(r.headers['cache-control'], /immutable/)
  for (const p of ['/assets/missing.js', '/favicon.ico', '/robots.txt', '/app/main.js']) {
    const m = await rawGet(p)
    assert.equal(m.status, 404, p)
    assert.ok(!m.body.toString().includes('fazhi-test-index'), `${p} must not be answered with the page`)
  }
})

test('path tricks never return a file from outside the web directory', async () => {
  const meson = fs.readFileSync(path.join(ROOT, 'meson.build'), 'utf8').slice(0, 40)
  const tricks = [
    '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fmeson.build', '/assets/../../meson.build',
    '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/....//....//etc/passwd', '/assets/%2e%2e/secret.txt',
    '/../secret.txt', '/%2e%2e/secret.txt', '/..%5csecret.txt', '/assets/..%5c..%5csecret.txt', '/../test.db',
    '/%2e%2e/test.db', '/%252e%252e/secret.txt', '/assets/%00../secret.txt', '//etc/passwd', '/./secret.txt',
    '/etc/passwd', '/proc/self/environ',
  ]
  for (const p of tricks) {
    const r = await rawGet(p)
    const body = r.body.toString('latin1')
    assert.ok(!/root:.*:0:0:/.test(body), `${p} returned /etc/passwd`)
    assert.ok(!body.includes('TOP-SECRET-fazhi'), `${p} returned a file next to the web directory`)
    assert.ok(!body.includes('SQLite format 3'), `${p} returned the database`)
    assert.ok(!body.includes(meson), `${p} returned meson.build`)
    assert.ok(!body.includes('FAZHI_'), `${p} returned the environment`)
    assert.ok([200, 400, 404].includes(r.status), `${p}: ${r.status}`)
    if (r.status === 200) assert.equal(r.body.toString('utf8'), INDEX_HTML, `${p}: 200 only with the app's page`)
  }
})

test('only GET and HEAD reach the static files', async () => {
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const r = await rawGet('/app/cases', method)
    assert.equal(r.status, 405)
    assert.equal(r.headers.allow, 'GET, HEAD')
  }
})
