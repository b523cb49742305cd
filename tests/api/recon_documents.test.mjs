// The documents a reconsideration case ends with, read from word/document.xml: GB/T 9704 dates
// (2026年12月7日, never 2026-12-07), the issuing authority's name (the county people's
// government, 行政复议法 第24条) on its own line above the date at the foot, and the title the
// ending calls for: 行政复议决定书 for a decision (第63-69条, 第33条), 行政复议调解书 for a
// mediation (第73条), 行政复议终止决定书 where the applicant withdrew after a settlement (第74条)
// or the case ended otherwise (第41条), with no notice of suit on anything but a decision. The
// disclosure reply letter keeps the same date convention.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { useServer, mkTemp, TODAY } from './lib.mjs'

const c = useServer()
const ISO = /\b\d{4}-\d{2}-\d{2}\b/

/** The paragraphs of a .docx's body, each its w:t runs joined. */
function paragraphs (bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx starts with PK')
  const dir = mkTemp('fazhi-zip-')
  try {
    const f = path.join(dir, 'f.docx')
    fs.writeFileSync(f, bytes)
    const r = spawnSync('unzip', ['-p', f, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    assert.equal(r.status, 0, r.stderr)
    return r.stdout.split('</w:p>').map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
      .filter((p) => p.length)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** "2026-11-23" as GB/T 9704 writes it: "2026年11月23日". */
function cn (iso) {
  const [y, m, d] = iso.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

let government
async function county () {
  if (!government) government = (await c.get('/api/public/meta')).json.county.government
  return government
}

async function caseEndedWith (action, body, received) {
  const r = await c.post('/api/reconsideration/cases', {
    applicant_name: '文书测试人', applicant_type: 'natural', applicant_id: '360121198001011234',
    phone: '13807910000', address: '青山县城关镇人民路 8 号', respondent_agency_id: await c.agencyOf('scj.clerk'),
    act_type: 'penalty', act_number: '青市监罚〔2026〕31号', act_date: '2026-09-20', learned_on: '2026-09-25',
    requests: '请求撤销行政处罚决定', facts: '认定事实不清。', channel: 'written', received_on: received,
  }, { session: await c.login('legal') })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case_id
  // A case received long ago may already be accepted by law (第30条: deemed acceptance).
  if ((await c.detail(id)).case.state === 'received') await c.actOk(id, 'accept', 'legal', { procedure: 'normal' })
  const accepted = (await c.detail(id)).case.fields.accepted_on
  await c.actOk(id, action, 'legal', body)
  const d = await c.get(`/api/cases/${id}/documents/decision.docx`, { session: await c.login('legal') })
  assert.equal(d.status, 200, d.text)
  return { id, accepted, paras: paragraphs(d.bytes), disposition: d.headers.get('content-disposition') || '' }
}

function assertFoot (paras, what) {
  const text = paras.join('\n')
  assert.doesNotMatch(text, ISO, `${what}: an ISO date in the document: ${text.match(ISO)?.[0]}`)
  assert.equal(paras.at(-1), cn(TODAY), `${what}: the date, in Chinese, closes the document`)
  assert.equal(paras.at(-2), government, `${what}: the issuing authority's name above the date`)
}

test('a decision: 行政复议决定书, Chinese dates throughout, the county government above the date', async () => {
  await county()
  for (const received of ['2026-10-08', '2026-11-16']) {
    const { paras, accepted } = await caseEndedWith('decide', { decision: 'revoke', decision_text: '被申请人认定事实不清，证据不足，本机关决定撤销该行政处罚决定。' }, received)
    assert.equal(paras[0], '行政复议决定书')
    const text = paras.join('\n')
    assert.ok(text.includes(`于${cn(received)}向本机关申请行政复议`), `receipt day in Chinese: ${text}`)
    assert.ok(accepted && text.includes(`于${cn(accepted)}依法予以受理`), `acceptance day ${accepted} in Chinese`)
    assert.match(text, /十五日内依法向人民法院提起行政诉讼/)
    assertFoot(paras, `decision received ${received}`)
  }
})

test('withdrawal after settlement and other terminations: 行政复议终止决定书, no notice of suit', async () => {
  await county()
  for (const ending of ['settle_withdraw', 'withdraw', 'terminate']) {
    const { paras, disposition } = await caseEndedWith('end', { ending, reason: '申请人与被申请人达成和解，申请人撤回申请。' }, '2026-11-16')
    assert.equal(paras[0], '行政复议终止决定书', ending)
    assert.ok(!paras.includes('行政复议决定书'), `${ending}: not titled 行政复议决定书`)
    const text = paras.join('\n')
    assert.match(text, /终止本案的行政复议/)
    assert.doesNotMatch(text, /提起行政诉讼/, `${ending}: no notice of suit`)
    assert.doesNotMatch(text, /本案现已审理终结/)
    assert.match(decodeURIComponent(disposition), /行政复议终止决定书/)
    assertFoot(paras, ending)
  }
})

test('a mediation: 行政复议调解书', async () => {
  await county()
  const { paras } = await caseEndedWith('end', { ending: 'mediation', reason: '经调解，双方达成调解协议。' }, '2026-11-16')
  assert.equal(paras[0], '行政复议调解书')
  assert.doesNotMatch(paras.join('\n'), /提起行政诉讼/)
  assertFoot(paras, 'mediation')
})
