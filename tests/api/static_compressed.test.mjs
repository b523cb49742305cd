// Precompressed static files (issue 15, item 21): the build puts name.br and name.gz beside
// each text file (web/vite.config.js); the server sends brotli, else gzip, when the browser's
// Accept-Encoding allows it (q=0 refuses), with Content-Encoding and Vary: Accept-Encoding, and
// the file itself otherwise. Hashed assets keep their year-long immutable cache.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { startServer, mkTemp } from './lib.mjs'

const JS = 'export const county = "青山县";\n'.repeat(200)
const PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>法治</title></head><body>' + '<p>依法行政</p>'.repeat(200) + '</body></html>\n'
let server

before(async () => {
  const dir = mkTemp()
  const assets = path.join(dir, 'web', 'assets')
  fs.mkdirSync(assets, { recursive: true })
  fs.writeFileSync(path.join(assets, 'big-Abc123.js'), JS)
  fs.writeFileSync(path.join(assets, 'big-Abc123.js.gz'), zlib.gzipSync(JS))
  fs.writeFileSync(path.join(assets, 'big-Abc123.js.br'), zlib.brotliCompressSync(JS))
  fs.writeFileSync(path.join(assets, 'gzonly-Def456.css'), 'p{color:#333}\n'.repeat(100))
  fs.writeFileSync(path.join(assets, 'gzonly-Def456.css.gz'), zlib.gzipSync('p{color:#333}\n'.repeat(100)))
  fs.writeFileSync(path.join(dir, 'web', 'about.html'), PAGE)
  fs.writeFileSync(path.join(dir, 'web', 'about.html.br'), zlib.brotliCompressSync(PAGE))
  server = await startServer({ dir })
})
after(async () => { if (server) await server.stop() })

/** GET with exactly these headers (fetch would add its own Accept-Encoding and decode). */
function get (p, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: server.port, path: p, headers, agent: false }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

test('brotli when accepted, with Content-Encoding and Vary; the year-long cache stays', async () => {
  for (const ae of ['gzip, deflate, br', 'br', 'BR;q=0.5, gzip;q=1', 'br;q=1.0']) {
    const r = await get('/assets/big-Abc123.js', { 'accept-encoding': ae })
    assert.equal(r.status, 200)
    assert.equal(r.headers['content-encoding'], 'br', ae)
    assert.match(r.headers.vary, /Accept-Encoding/i)
    assert.match(r.headers['content-type'], /javascript/)
    assert.match(r.headers['cache-control'], /max-age=31536000, immutable/)
    assert.equal(zlib.brotliDecompressSync(r.body).toString(), JS)
    assert.ok(r.body.length < JS.length / 5, 'smaller over the wire')
  }
})

test('gzip when brotli is refused or not built; plain when nothing is accepted', async () => {
  for (const ae of ['gzip', 'br;q=0, gzip', 'deflate, gzip;q=0.3', 'br;q=0.000, gzip']) {
    const r = await get('/assets/big-Abc123.js', { 'accept-encoding': ae })
    assert.equal(r.headers['content-encoding'], 'gzip', ae)
    assert.equal(zlib.gunzipSync(r.body).toString(), JS)
  }
  const css = await get('/assets/gzonly-Def456.css', { 'accept-encoding': 'br, gzip' })
  assert.equal(css.headers['content-encoding'], 'gzip', 'only the variants that exist')
  for (const headers of [{}, { 'accept-encoding': 'identity' }, { 'accept-encoding': 'gzip;q=0, br;q=0' }, { 'accept-encoding': 'gzipx, xbr' }]) {
    const r = await get('/assets/big-Abc123.js', headers)
    assert.equal(r.headers['content-encoding'], undefined, JSON.stringify(headers))
    assert.match(r.headers.vary, /Accept-Encoding/i, 'caches keep the variants apart')
    assert.equal(r.body.toString(), JS)
  }
})

test('pages too; a file without variants is sent as it is, without Vary', async () => {
  const page = await get('/about.html', { 'accept-encoding': 'gzip, br' })
  assert.equal(page.headers['content-encoding'], 'br')
  assert.match(page.headers['cache-control'], /no-cache/)
  assert.equal(zlib.brotliDecompressSync(page.body).toString(), PAGE)
  const small = await get('/assets/app.js', { 'accept-encoding': 'gzip, br' })
  assert.equal(small.headers['content-encoding'], undefined)
  assert.equal(small.headers.vary, undefined)
  assert.match(small.body.toString(), /fazhi-test-asset/)
})
