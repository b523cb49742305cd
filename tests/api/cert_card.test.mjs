// The certificate card (执法证件卡, issue 15 item 16): its QR code and printed address follow the
// setting 门户网站公开地址 (county.public_url), never the address the request came to; the
// setting takes only an http(s) address; the holder's photo is uploaded by those who may edit
// the certificate (JPEG or PNG by content, at most 2 MB, their own agency's), replaces the one
// before, shows on the card, and on the public lookup only while the certificate is valid.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { useServer, assertError, multipart, sql, sqlNumber } from './lib.mjs'

const c = useServer()
const s = (u) => c.login(u)
const put = async (key, value, u = 'legalhead') => c.api('PUT', `/api/settings/${encodeURIComponent(key)}`, { session: await s(u), body: { value } })
const card = async (id, u = 'scj.clerk') => c.get(`/api/enforcement/certificates/${id}/card`, { session: await s(u) })
const upload = async (id, name, bytes, u = 'scj.clerk') => {
  const m = multipart(name, bytes)
  return c.post(`/api/enforcement/certificates/${id}/photo`, m.body, { session: await s(u), headers: m.headers })
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0'), crypto.randomBytes(300)])
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(300)])
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')

// A valid certificate of scj (whose clerk uploads) and one of another agency, from the database.
async function certs () {
  const scj = (await s('scj.clerk')).user.agency_id
  const pick = (cond) => {
    const row = sql(c.db, 'SELECT c.case_id, c.number FROM enf_certificate c JOIN case_record r ON r.case_id = c.case_id' +
      ` JOIN enf_officer o ON o.officer_id = c.officer_id WHERE r.state = 'valid' AND o.status = 'on_duty' AND c.valid_until > '2026-11-23'` +
      ` AND ${cond} ORDER BY c.case_id LIMIT 1`)[0]
    assert.ok(row, `a valid certificate where ${cond}`)
    return { case_id: Number(row[0]), number: row[1] }
  }
  return { own: pick(`r.agency_id = ${scj}`), other: pick(`r.agency_id <> ${scj}`) }
}

test('the card\'s address follows the setting 门户网站公开地址, not the address the request came to', async () => {
  const { own } = await certs()
  let r = await card(own.case_id)
  assert.equal(r.status, 200, r.text)
  assert.equal(r.json.number, own.number)
  assert.equal(r.json.url, null, 'no public address set: the card has no address of its own')
  assert.equal(r.json.public_url, null)

  for (const [value, want] of [['https://fazhi.qingshan.gov.cn', 'https://fazhi.qingshan.gov.cn'],
    ['http://10.1.2.3:8080/', 'http://10.1.2.3:8080'], ['https://www.qingshan.gov.cn/fazhi//', 'https://www.qingshan.gov.cn/fazhi']]) {
    const p = await put('county.public_url', value)
    assert.equal(p.status, 200, p.text)
    assert.equal(p.json.items.find((x) => x.key === 'county.public_url').value, want)
    r = await card(own.case_id, 'legal')
    assert.equal(r.json.url, `${want}/certificates/${own.number}`, value)
    // Whatever host the request names, the card's address is the setting's.
    const h = await c.get(`/api/enforcement/certificates/${own.case_id}/card`, { session: await s('legal'), headers: { host: '127.0.0.1:9' } })
    assert.equal(h.json.url, `${want}/certificates/${own.number}`)
  }

  const before = sql(c.db, "SELECT value FROM setting WHERE key = 'county.public_url'")
  for (const bad of ['qingshan.gov.cn', 'ftp://qingshan.gov.cn', 'https://', 'https://a.gov.cn/x?y=1', 'https://a.gov.cn/#top',
    'https://user@a.gov.cn', 'https://a gov.cn', 'javascript:alert(1)', 'https://a.gov.cn:99999', 12]) {
    const e = await put('county.public_url', bad)
    assertError(e, 422, typeof bad === 'number' ? 'BAD_TYPE' : 'BAD_VALUE', 'value')
    assert.match(e.json.error.message, /门户网站公开地址/)
  }
  assert.deepEqual(sql(c.db, "SELECT value FROM setting WHERE key = 'county.public_url'"), before, 'a refused address changes nothing')
  assertError(await put('county.public_url', 'https://x.gov.cn', 'legal'), 403, 'FORBIDDEN')
  assertError(await put('mailbox.reply_days', 'https://x.gov.cn'), 422, 'BAD_TYPE', 'value')

  // Cleared, the card is back to "not set".
  assert.equal((await put('county.public_url', '')).status, 200)
  assert.equal((await card(own.case_id)).json.url, null)
})

test('the holder\'s photo: JPEG or PNG by content, at most 2 MB, own agency only; shown on the card and, while valid, to the public', async () => {
  const { own, other } = await certs()
  const photos = () => sqlNumber(c.db, `SELECT COUNT(*) FROM attachment WHERE case_id = ${own.case_id}`)
  const n0 = photos()

  // Refused, with nothing stored: a PDF named .jpg, a file over 2 MB, an empty one, another agency's certificate, a read-only role.
  assertError(await upload(own.case_id, '照片.jpg', PDF), 415, 'MEDIA_TYPE', 'file')
  assertError(await upload(own.case_id, '照片.png', Buffer.from('GIF89a' + 'x'.repeat(100))), 415, 'MEDIA_TYPE', 'file')
  const big = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)])
  const e = await upload(own.case_id, '照片.jpg', big)
  assertError(e, 413, 'TOO_LARGE', 'file')
  assert.match(e.json.error.message, /2 MB/)
  assertError(await upload(other.case_id, '照片.jpg', JPEG), 404, 'NOT_FOUND')
  assertError(await upload(own.case_id, '照片.jpg', JPEG, 'leader'), 403, 'FORBIDDEN')
  assert.equal(photos(), n0, 'nothing stored on a refusal')
  assert.equal(sqlNumber(c.db, `SELECT COUNT(*) FROM enf_certificate WHERE case_id = ${own.case_id} AND photo_id IS NOT NULL`), 0)
  // Nor may another agency read the card.
  assertError(await card(other.case_id), 404, 'NOT_FOUND')

  // A JPEG whose name says .png is a JPEG all the same.
  let r = await upload(own.case_id, 'whatever.png', JPEG)
  assert.equal(r.status, 200, r.text)
  assert.match(r.json.photo_url, /^\/api\/attachments\/\d+$/)
  let img = await c.get(r.json.photo_url, { session: await s('scj.clerk') })
  assert.equal(img.status, 200)
  assert.equal(img.headers.get('content-type'), 'image/jpeg')
  assert.ok(img.bytes.equals(JPEG))

  // The public lookup shows it while the certificate is valid.
  let look = await c.get(`/api/public/certificates/${own.number}`)
  assert.equal(look.json.valid, true)
  // Its reason gives the date as the card does (2029年9月1日), never 2029-09-01.
  assert.match(look.json.reason, /至\d{4}年\d{1,2}月\d{1,2}日/)
  assert.doesNotMatch(look.json.reason, /\d{4}-\d{2}-\d{2}/)
  assert.equal(look.json.photo, `/api/public/certificates/${own.number}/photo`)
  let pub = await c.get(look.json.photo)
  assert.equal(pub.status, 200)
  assert.ok(pub.bytes.equals(JPEG))

  // Replaced by a PNG (the legal office may too).
  r = await upload(own.case_id, '新照片.png', PNG, 'legal')
  assert.equal(r.status, 200, r.text)
  img = await c.get(r.json.photo_url, { session: await s('scj.clerk') })
  assert.equal(img.headers.get('content-type'), 'image/png')
  assert.ok(img.bytes.equals(PNG))
  pub = await c.get(`/api/public/certificates/${own.number}/photo`)
  assert.ok(pub.bytes.equals(PNG))
  assert.equal((await card(own.case_id)).json.photo_url, r.json.photo_url)

  // A certificate that is no longer valid shows no photo to the public.
  sql(c.db, `UPDATE enf_certificate SET valid_until = '2020-01-01' WHERE case_id = ${own.case_id}`)
  look = await c.get(`/api/public/certificates/${own.number}`)
  assert.equal(look.json.valid, false)
  assert.equal(look.json.photo, null)
  assert.match(look.json.reason, /有效期至2020年1月1日/)
  assertError(await c.get(`/api/public/certificates/${own.number}/photo`), 404, 'NOT_FOUND')
  // Nor one without a photo.
  assertError(await c.get(`/api/public/certificates/${other.number}/photo`), 404, 'NOT_FOUND')
})
