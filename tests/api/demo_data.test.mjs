// Demo data files (docs/demo-data.md): `fazhi demo` plays each module's demo folder through the
// real procedures, on the days the files name, as the accounts they name. A trainer's edited
// copy is played with --data DIR; a mistake names the file, the record, the step and the field,
// and leaves nothing of any record behind.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fazhi, makeDb, mkTemp, sql, sqlNumber, DEMO_PASSWORD } from './lib.mjs'

let root
let accounts // a database with the demo county's agencies and accounts and no records

before(() => {
  root = mkTemp('fazhi-demo-data-')
  fs.mkdirSync(path.join(root, 'accounts'))
  accounts = makeDb(path.join(root, 'accounts'), { demo: false })
  const empty = path.join(root, 'empty')
  fs.mkdirSync(empty)
  const r = fazhi(['demo', '--db', accounts, '--data', empty], { env: { FAZHI_DEMO_PASSWORD: DEMO_PASSWORD } })
  assert.equal(r.status, 0, r.stderr)
  assert.equal(sqlNumber(accounts, 'SELECT COUNT(*) FROM case_record'), 0)
})

after(() => {
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

let runs = 0
/** Plays files ({'mailbox/demo/x.json': object}) on a copy of the accounts database. */
function play (files) {
  const dir = path.join(root, `run${++runs}`)
  fs.mkdirSync(dir)
  const db = path.join(dir, 'test.db')
  fs.copyFileSync(accounts, db)
  const data = path.join(dir, 'data')
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(data, name)), { recursive: true })
    fs.writeFileSync(path.join(data, name), JSON.stringify(content, null, 1))
  }
  const r = fazhi(['demo', '--db', db, '--data', data])
  return { ...r, db, data }
}

const letterFields = (subject, extra = {}) => ({
  name: '张三', phone: '13800000000', category: 'problem', subject, content: `${subject}，请尽快处理。`, publish_ok: true, ...extra,
})

test('a trainer\'s copy is played on its days, as its accounts, with codes and references resolved', () => {
  const r = play({
    'mailbox/demo/letters.json': {
      about: '两封来信：一封办结并公开，一封日期在今天之后，不办理',
      records: [
        {
          kind: 'letter', on: 'today-10', fields: letterFields('演示路灯坏了'),
          steps: [
            { on: '+1wd', as: 'legal', do: 'assign', input: { agency_id: 'cgj', opinion: '请办理' } },
            { on: '+3wd', as: 'cgj.clerk', do: 'reply', input: { reply_text: '已修复。' } },
            { on: '+0', as: 'legalhead', do: 'approve', input: { opinion: '同意' } },
            { on: '+1wd', as: 'legal', do: 'publish' },
          ],
        },
        { kind: 'letter', on: 'today+5', fields: letterFields('演示未来来信'), steps: [{ on: '+1', as: 'legal', do: 'close', input: { reason: '重复' } }] },
      ],
    },
    'reconsideration/demo/cases.json': {
      defaults: { application: { as: 'legal', fields: { channel: 'written', received_on: 'day' } } },
      records: [
        {
          kind: 'application', key: '复议一', on: '2026-10-09',
          fields: { applicant_name: '演示申请人', applicant_type: 'natural', phone: '13100000000', respondent_agency_id: 'hbj', act_type: 'penalty', learned_on: 'day-9', requests: '请求撤销罚款决定' },
          steps: [{ on: '+3', do: 'accept', input: { procedure: 'normal' } }],
        },
        {
          kind: 'lawsuit', on: 'today-2', as: 'legal',
          fields: { plaintiff: '演示申请人', agency_id: 'hbj', court: '青山县人民法院', instance: 'first', act_type: 'penalty', received_on: 'day', recon_case_id: '@复议一' },
        },
      ],
    },
  })
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stdout, /县长信箱：1 条记录，4 个办理步骤（2 项日期晚于今天，未办理）/)
  assert.match(r.stdout, /行政复议与应诉：2 条记录，1 个办理步骤/)
  assert.doesNotMatch(r.stdout, /政府信息公开|执法/, 'modules without a folder in the copy are not played')

  // today-10 is Friday 2026-11-13; working days skip the weekend.
  const [letter] = sql(r.db, "SELECT case_id, state, received_on FROM case_record WHERE case_type = 'mailbox'")
  assert.deepEqual(letter.slice(1), ['published', '2026-11-13'])
  const steps = sql(r.db, `SELECT e.action, substr(e.at, 1, 10), u.username FROM event e
    LEFT JOIN app_user u ON u.user_id = e.actor_user_id WHERE e.case_id = ${letter[0]} ORDER BY e.event_id`)
  assert.deepEqual(steps, [
    ['create', '2026-11-13', ''],
    ['assign', '2026-11-16', 'legal'],
    ['reply', '2026-11-19', 'cgj.clerk'],
    ['approve', '2026-11-19', 'legalhead'],
    ['publish', '2026-11-20', 'legal'],
  ])
  assert.equal(sqlNumber(r.db, "SELECT COUNT(*) FROM mailbox_letter WHERE subject = '演示未来来信'"), 0)

  const [recon] = sql(r.db, "SELECT r.case_id, a.code, r.received_on FROM case_record r JOIN agency a USING (agency_id) WHERE case_type = 'reconsideration'")
  assert.equal(recon[2], '2026-10-09')
  assert.equal(sqlNumber(r.db, `SELECT COUNT(*) FROM recon_case c JOIN agency a ON a.agency_id = c.respondent_agency_id
    WHERE c.case_id = ${recon[0]} AND a.code = 'hbj' AND c.learned_on = '2026-09-30'`), 1, 'agency code and relative date resolved')
  assert.equal(sqlNumber(r.db, `SELECT COUNT(*) FROM lit_case WHERE recon_case_id = ${recon[0]}`), 1, '@key names the application')
})

const good = { kind: 'letter', on: 'today-10', fields: letterFields('演示一'), steps: [{ on: '+1wd', as: 'legal', do: 'assign', input: { agency_id: 'cgj', opinion: '请办理' } }] }

/** A file whose record 2 is wrong must fail naming what, and leave no record of either. */
function assertRefused (second, want) {
  const r = play({ 'mailbox/demo/bad.json': { records: [good, second] } })
  assert.equal(r.status, 1, `${r.stdout}\n${r.stderr}`)
  const file = path.join(r.data, 'mailbox', 'demo', 'bad.json')
  assert.ok(r.stderr.includes(`演示数据 ${file} 第 2 条记录`), r.stderr)
  for (const s of want) assert.ok(r.stderr.includes(s), `"${s}" in: ${r.stderr}`)
  for (const table of ['case_record', 'mailbox_letter', 'case_clock']) {
    assert.equal(sqlNumber(r.db, `SELECT COUNT(*) FROM ${table}`), 0, `${table} left behind`)
  }
  assert.equal(sqlNumber(r.db, "SELECT COUNT(*) FROM event WHERE entity = 'case'"), 0, 'events left behind')
}

test('an unknown action names the file, the record, the step and the field, and writes nothing', () => {
  assertRefused({ ...good, steps: [{ on: '+1wd', as: 'legal', do: 'asign', input: {} }] },
    ['第 1 步（asign）', '字段 do', '“asign”不是'])
})

test('a bad field found while playing names it and leaves none of the records behind', () => {
  // Record 1 has been created by the time record 2 (five days later) is refused.
  assertRefused({ ...good, on: 'today-5', fields: letterFields('演示二', { phone: 'abc' }) }, ['字段 phone', '联系电话'])
  assertRefused({ ...good, on: 'today-5', fields: letterFields('演示三', { colour: 'red' }) }, ['字段 colour'])
  assertRefused({ ...good, on: 'today-5', steps: [{ on: '+1wd', as: 'legal', do: 'assign', input: { agency_id: 'cgj', opinion: '请办理' } }, { on: '+1wd', as: 'cgj.clerk', do: 'reply', input: {} }] },
    ['第 2 步（reply）', '字段 reply_text'])
})

test('mistakes in the file itself are named before anything is played', () => {
  const cases = [
    [{ ...good, kind: 'letterr' }, ['字段 kind', '不认识的记录种类“letterr”，可用：letter']],
    [{ ...good, on: 'yesterday' }, ['字段 on', '“yesterday”无效']],
    [{ ...good, as: 'nobody' }, ['字段 as', '没有用户名为“nobody”的账号']],
    [{ ...good, steps: [{ on: '+1wd', as: 'legal', do: 'assign', input: { agency_id: 'xyz', opinion: 'x' } }] }, ['第 1 步（assign）', '字段 agency_id', '没有代码为“xyz”的单位']],
    [{ ...good, fields: { ...good.fields, colour: '@nowhere' } }, ['字段 colour', '没有 key 为“nowhere”的记录']],
    [{ ...good, steps: [{ on: '-1', as: 'legal', do: 'assign', input: {} }] }, ['第 1 步（assign）', '字段 on', '早于上一步']],
    [{ ...good, note: 'x' }, ['字段 note', '不认识的键']],
  ]
  for (const [second, want] of cases) assertRefused(second, want)
})

test('the compiled-in demo county keeps its size: records per procedure and state', () => {
  const dir = path.join(root, 'county')
  fs.mkdirSync(dir)
  const db = makeDb(dir)
  const got = Object.fromEntries(sql(db, 'SELECT case_type, state, COUNT(*) FROM case_record GROUP BY 1, 2')
    .map(([t, s, n]) => [`${t} ${s}`, Number(n)]))
  assert.deepEqual(got, {
    'disclosure awaiting_fee': 1, 'disclosure consulting': 2, 'disclosure correcting': 2, 'disclosure processing': 5,
    'disclosure replied': 107, 'disclosure withdrawn': 13,
    'enf_body published': 28, 'enf_body submitted': 2,
    'enf_certificate applied': 10, 'enf_certificate expired': 1, 'enf_certificate failed': 18, 'enf_certificate screened': 11,
    'enf_certificate suspended': 9, 'enf_certificate to_withdraw': 9, 'enf_certificate trained': 11,
    'enf_certificate valid': 170, 'enf_certificate withdrawn': 7,
    'enf_penalty cancelled': 1, 'enf_penalty closed': 30, 'enf_penalty decided': 2, 'enf_penalty hearing': 1,
    'enf_penalty investigating': 4, 'enf_penalty notified': 2, 'enf_penalty pending': 3, 'enf_penalty reviewing': 3,
    'enf_penalty executed': 2, 'enf_penalty served': 12,
    'enf_coercion closed': 1, 'enf_coercion handled': 1, 'enf_coercion in_force': 2, 'enf_coercion refused': 1,
    'enf_coercion released': 3, 'enf_coercion reminded': 1, 'enf_coercion requested': 1, 'enf_coercion ruled': 1,
    'enf_coercion spot_pending': 1, 'enf_coercion to_remind': 1,
    'enf_inspection assigned': 6, 'enf_inspection cancelled': 1, 'enf_inspection inspected': 3, 'enf_inspection published': 8,
    'legal_contract abandoned': 1, 'legal_contract completed': 7, 'legal_contract disputed': 1, 'legal_contract drafting': 2,
    'legal_contract in_review': 2, 'legal_contract performing': 7, 'legal_contract reviewed': 1, 'legal_contract terminated': 2,
    'legal_matter answered': 21, 'legal_matter handling': 2, 'legal_matter received': 2, 'legal_matter withdrawn': 1,
    'legal_review done': 43, 'legal_review reviewing': 3, 'legal_review submitted': 1,
    'mediation agreed': 3, 'mediation closed': 74, 'mediation confirming': 2, 'mediation failed': 33, 'mediation mediating': 8,
    'major_decision archived': 2, 'major_decision decided': 1, 'major_decision drafting': 1, 'major_decision evaluated': 1,
    'major_decision expert': 1, 'major_decision in_review': 1, 'major_decision participation': 1,
    'litigation judged': 3, 'litigation pending': 1,
    'mailbox answered': 189, 'mailbox closed': 22, 'mailbox handling': 7, 'mailbox pending': 3, 'mailbox published': 238,
    'mailbox reviewing': 1,
    'norm_doc abandoned': 1, 'norm_doc commenting': 1, 'norm_doc deliberated': 1, 'norm_doc drafting': 2,
    'norm_doc filed': 14, 'norm_doc filing': 1, 'norm_doc in_review': 1, 'norm_doc reviewed': 1,
    'proposal closed': 52, 'proposal handling': 14, 'proposal pending': 4, 'proposal replied': 10,
    'reconsideration accepted': 1, 'reconsideration decided': 6, 'reconsideration received': 1, 'reconsideration refused': 1,
    'petition accepted': 29, 'petition closed': 147, 'petition duplicate': 6, 'petition final': 3, 'petition not_accepted': 6,
    'petition rechecking': 1, 'petition registered': 2, 'petition replied': 20, 'petition reviewed': 5, 'petition reviewing': 2,
    'petition routed': 5,
  })
  const tables = {
    mailbox_letter: 460, disclosure_item: 140, disclosure_request: 130, recon_case: 9, lit_case: 4,
    enf_body: 30, enf_power: 2484, enf_officer: 321, enf_training: 1347, enf_certificate: 246,
    enf_penalty: 60, enf_penalty_officer: 120, enf_benchmark: 8, enf_benchmark_row: 30, enf_penalty_benchmark: 11,
    enf_review_round: 14, enf_major_filing: 8, enf_preservation: 2, enf_publication: 47,
    enf_coercion: 13, enf_coercion_item: 13, enf_coercion_officer: 26,
    enf_insp_entity: 30, enf_insp_plan: 3, enf_insp_draw: 4, enf_inspection: 18, enf_inspection_officer: 36,
    norm_plan_item: 13, norm_draft: 22, norm_document: 14, norm_version: 15, norm_comment: 8, norm_filing: 30,
    legal_review: 47,
    legal_contract: 23, legal_contract_party: 23, legal_milestone: 40, legal_dispute: 5, legal_matter: 26,
    legal_adviser: 6, legal_engagement: 7, legal_adviser_opinion: 21,
    med_committee: 15, med_mediator: 36, med_case: 120, med_party: 240,
    dec_item: 11, dec_item_change: 33, dec_meeting: 7, dec_decision: 8, dec_expert: 7, dec_speech: 14, dec_progress: 2, dec_comment: 17,
    petition: 226,
    proposal_session: 2, proposal_item: 80, proposal_author: 137, proposal_cohandler: 77, proposal_contact: 80, proposal_round: 86,
  }
  for (const [table, n] of Object.entries(tables)) assert.equal(sqlNumber(db, `SELECT COUNT(*) FROM ${table}`), n, table)
  // Every demo account a test or a trainer signs in with is there (the county government's office too).
  assert.equal(sqlNumber(db, 'SELECT COUNT(*) FROM app_user'), 87)
  for (const u of ['gov.clerk', 'gov.head']) assert.equal(sqlNumber(db, `SELECT COUNT(*) FROM app_user WHERE username = '${u}'`), 1, u)
})
