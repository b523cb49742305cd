// The per-address rate limit of the public forms and lookups (src/http/ratelimit.c).
//
// Each client address has its own token bucket: using up one address's requests must not
// throttle its neighbour. The old address hash ended in `| 1`, so addresses whose hashes
// differed only in the last bit (127.0.0.5 and 127.0.0.6, among many pairs) shared a bucket.
// Linux accepts any 127.x.y.z as a source address towards a server on 127.0.0.1.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import http from 'node:http'
import { useServer } from './lib.mjs'

const RATE = 3 // requests a minute, and the burst
const client = useServer({ env: { FAZHI_PUBLIC_RATE: String(RATE) } })

/** GET path from the given source address on a fresh connection; resolves to the status. */
function getFrom (localAddress, path) {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: client.server.port, path, localAddress, agent: false },
      (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)) })
    req.on('error', reject)
  })
}

const TRACK = '/api/public/track/NOSUCHCODE1'

// Pairs whose old hashes collided; each pair is fresh, so the order of the tests does not matter.
for (const [a, b] of [['127.0.0.5', '127.0.0.6'], ['127.0.0.7', '127.0.0.8'],
  ['127.0.0.10', '127.0.0.11'], ['127.0.0.12', '127.0.0.13']]) {
  test(`${a} using up its requests leaves ${b} its own`, async () => {
    for (let i = 0; i < RATE; i++) {
      const st = await getFrom(a, TRACK)
      assert.notEqual(st, 429, `request ${i + 1} of ${RATE} from ${a} was throttled`)
    }
    assert.equal(await getFrom(a, TRACK), 429, `request ${RATE + 1} from ${a} was not throttled`)
    for (let i = 0; i < RATE; i++) {
      const st = await getFrom(b, TRACK)
      assert.notEqual(st, 429, `request ${i + 1} from ${b} throttled after ${a} used up its bucket`)
    }
    assert.equal(await getFrom(b, TRACK), 429, `request ${RATE + 1} from ${b} was not throttled`)
    assert.equal(await getFrom(a, TRACK), 429, `${a} got requests back from ${b}'s bucket`)
  })
}

test('the limit applies to the address, not to the route', async () => {
  const a = '127.0.0.20'
  for (let i = 0; i < RATE; i++) assert.notEqual(await getFrom(a, TRACK), 429)
  assert.equal(await getFrom(a, '/api/public/disclosure/track/NOSUCHCODE1'), 429)
  assert.notEqual(await getFrom(a, '/api/public/agencies'), 429, 'an unlimited route was throttled')
})
