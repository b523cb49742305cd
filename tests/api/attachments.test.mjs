// Attachments: multipart upload, content check against the extension, size limit, safe names,
// download of the same bytes, and agency scope.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { useServer, assertError, snapshot, assertUnchanged, multipart } from './lib.mjs'

let caseId // a letter being handled by scj
const c = useServer({
  async setup (cl) {
    const l = await cl.submitLetter({ subject: '附件测试来信' })
    await cl.actOk(l.case_id, 'assign', 'legal', { agency_id: await cl.agencyOf('scj.clerk') })
    caseId = l.case_id
  },
})

const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n' +
  'xref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n', 'latin1')
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(64)])
const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex')

async function upload (username, filename, bytes, { id = caseId, ...opts } = {}) {
  const m = multipart(filename, bytes, opts)
  return c.post(`/api/cases/${id}/attachments`, m.body, { session: await c.login(username), headers: m.headers })
}

/** An upload that must be refused without storing anything. */
async function refused (username, filename, bytes, status, code, field, opts) {
  const before = await snapshot(c, caseId)
  const r = await upload(username, filename, bytes, opts)
  assertError(r, status, code, field)
  await assertUnchanged(c, caseId, before)
}

test('a small PDF uploads (201) with the SHA-256 of its bytes, and downloads byte for byte', async () => {
  const r = await upload('scj.clerk', '现场检查记录.pdf', PDF)
  assert.equal(r.status, 201, r.text)
  const a = r.json
  assert.equal(a.sha256, sha256(PDF))
  assert.equal(a.size, PDF.length)
  assert.equal(a.filename, '现场检查记录.pdf')
  assert.equal(a.content_type, 'application/pdf')
  assert.equal(typeof a.attachment_id, 'number')
  assert.match(a.uploaded_at, /^2026-11-2[23]T\d\d:\d\d:\d\dZ$/)
  assert.ok(a.uploaded_by.length > 0)

  // The case lists it and records who added it.
  const d = await c.detail(caseId)
  const listed = d.attachments.find((x) => x.attachment_id === a.attachment_id)
  assert.deepEqual(listed, { ...a })
  const ev = d.events.at(-1)
  assert.equal(ev.action, 'attachment_add')
  assert.equal(ev.note, '现场检查记录.pdf')
  assert.equal(ev.actor_role, 'agency_clerk')

  for (const u of ['scj.clerk', 'legal', 'leader']) {
    const dl = await c.get(`/api/attachments/${a.attachment_id}`, { session: await c.login(u) })
    assert.equal(dl.status, 200, `${u}: ${dl.text}`)
    assert.deepEqual(dl.bytes, PDF, 'the same bytes come back')
    assert.equal(sha256(dl.bytes), a.sha256)
    assert.equal(dl.headers.get('content-type'), 'application/pdf')
    const cd = dl.headers.get('content-disposition')
    assert.match(cd, /^attachment;/)
    const star = /filename\*=UTF-8''([^;]+)/.exec(cd)
    assert.ok(star, cd)
    assert.equal(decodeURIComponent(star[1]), '现场检查记录.pdf')
    assert.match(dl.headers.get('cache-control'), /no-store/)
    assert.equal(dl.headers.get('x-content-type-options'), 'nosniff')
  }
})

test('other accepted types: PNG and UTF-8 text; the same content twice is two attachments', async () => {
  const p = await upload('scj.head', 'photo.PNG', PNG)
  assert.equal(p.status, 201, p.text)
  assert.equal(p.json.content_type, 'image/png')
  const t1 = await upload('legal', '说明.txt', Buffer.from('情况说明：已整改。\n'))
  assert.equal(t1.status, 201, t1.text)
  assert.match(t1.json.content_type, /^text\/plain/)
  const t2 = await upload('scj.officer', '说明副本.txt', Buffer.from('情况说明：已整改。\n'))
  assert.equal(t2.status, 201, t2.text)
  assert.notEqual(t2.json.attachment_id, t1.json.attachment_id)
  assert.equal(t2.json.sha256, t1.json.sha256)
  const dl = await c.get(`/api/attachments/${t2.json.attachment_id}`, { session: await c.login('legal') })
  assert.equal(dl.text, '情况说明：已整改。\n')
})

test('an .exe, a .pdf that is not a PDF, or a text file that is not UTF-8 is 415', async () => {
  await refused('scj.clerk', 'setup.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 415, 'MEDIA_TYPE', 'file')
  await refused('scj.clerk', 'fake.pdf', Buffer.from('MZ this is really an executable'), 415, 'MEDIA_TYPE', 'file')
  await refused('scj.clerk', 'page.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 415, 'MEDIA_TYPE', 'file')
  await refused('scj.clerk', 'photo.png', PDF, 415, 'MEDIA_TYPE', 'file')
  await refused('scj.clerk', 'notes.txt', Buffer.from([0x41, 0xff, 0xfe, 0x42]), 415, 'MEDIA_TYPE', 'file')
  await refused('scj.clerk', 'no-extension', PDF, 415, 'MEDIA_TYPE', 'file')
  await refused('scj.clerk', 'report.pdf.html', PDF, 415, 'MEDIA_TYPE', 'file')
})

test('a file over 10 MiB is 413; exactly 10 MiB is accepted', async () => {
  const limit = 10 * 1024 * 1024
  const pad = (n) => Buffer.concat([PDF, Buffer.alloc(n - PDF.length, 0x20)])
  await refused('scj.clerk', 'big.pdf', pad(limit + 1), 413, 'TOO_LARGE')
  await refused('scj.clerk', 'huge.pdf', pad(12 * 1024 * 1024), 413, 'TOO_LARGE')
  const ok = await upload('scj.clerk', 'exactly-10MiB.pdf', pad(limit))
  assert.equal(ok.status, 201, ok.text)
  assert.equal(ok.json.size, limit)
})

test('a file name with a path, a control character, or nothing is 422; an empty file is 422', async () => {
  for (const name of ['../../etc/passwd.pdf', '..\\..\\boot.pdf', 'dir/file.pdf', '/abs.pdf', '.hidden.pdf',
    'a\u0001b.pdf', 'x'.repeat(201) + '.pdf']) {
    await refused('scj.clerk', name, PDF, 422, 'BAD_VALUE', 'file')
  }
  await refused('scj.clerk', 'empty.pdf', Buffer.alloc(0), 422, 'BAD_VALUE', 'file')
})

test('a malformed upload is refused: no file part (400), not multipart (415)', async () => {
  await refused('scj.clerk', 'x.pdf', PDF, 400, 'BAD_REQUEST', 'file', { field: 'document' })
  const before = await snapshot(c, caseId)
  const s = await c.login('scj.clerk')
  assertError(await c.post(`/api/cases/${caseId}/attachments`, { file: 'x' }, { session: s }), 415, 'MEDIA_TYPE')
  assertError(await c.post(`/api/cases/${caseId}/attachments`, PDF,
    { session: s, headers: { 'content-type': 'application/pdf' } }), 415, 'MEDIA_TYPE')
  assertError(await c.post(`/api/cases/${caseId}/attachments`, Buffer.from('--x\r\n'),
    { session: s, headers: { 'content-type': 'multipart/form-data' } }), 400, 'BAD_REQUEST')
  // Without the CSRF token the upload is refused before anything else.
  const m = multipart('ok.pdf', PDF)
  assertError(await c.post(`/api/cases/${caseId}/attachments`, m.body, { session: s, headers: m.headers, csrf: false }),
    403, 'CSRF')
  await assertUnchanged(c, caseId, before)
})

test('another agency’s user cannot upload to or download from the case (404); the leader cannot upload (403)', async () => {
  const r = await upload('scj.clerk', '内部材料.pdf', PDF)
  assert.equal(r.status, 201)
  const id = r.json.attachment_id
  await refused('zjj.clerk', 'intrude.pdf', PDF, 404, 'NOT_FOUND')
  await refused('qsz.head', 'intrude.pdf', PDF, 404, 'NOT_FOUND')
  await refused('leader', 'leader.pdf', PDF, 403, 'FORBIDDEN')
  const missing = await c.get('/api/attachments/99999999', { session: await c.login('zjj.clerk') })
  assertError(missing, 404, 'NOT_FOUND')
  for (const u of ['zjj.clerk', 'qsz.head', 'hbj.officer']) {
    const dl = await c.get(`/api/attachments/${id}`, { session: await c.login(u) })
    assertError(dl, 404, 'NOT_FOUND')
    assert.deepEqual(dl.json, missing.json, 'the refusal looks like a missing attachment')
    assert.equal(dl.headers.get('content-disposition'), null)
  }
  assertError(await c.get(`/api/attachments/${id}`), 401, 'UNAUTHENTICATED')
})
