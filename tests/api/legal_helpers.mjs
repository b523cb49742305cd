// Helpers of the legal affairs tests (tests/api/legal*.test.mjs): valid credit codes, working days
// on the official calendar, a contract taken through its legality review. Not a test file.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { ROOT, sql } from './lib.mjs'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** A 统一社会信用代码 (GB 32100-2015) from its first 17 characters, with its check character. */
export function creditCode (first17) {
  assert.equal(first17.length, 17)
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i]
  return first17 + ALPHABET[(31 - (sum % 31)) % 31]
}

/** The official calendar's exceptions: {date: 'holiday' | 'workday'}. */
function calendar () {
  const out = {}
  for (const line of fs.readFileSync(path.join(ROOT, 'data', 'cn-calendar.csv'), 'utf8').split('\n')) {
    const [d, kind] = line.split(',')
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) out[d] = kind
  }
  return out
}

function isWorkday (cal, iso) {
  if (cal[iso] === 'holiday') return false
  if (cal[iso] === 'workday') return true
  const wd = new Date(iso + 'T00:00:00Z').getUTCDay()
  return wd !== 0 && wd !== 6
}

export function addDays (iso, n) {
  const d = new Date(iso + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** The day n working days after iso (counting from the next day), on the official calendar. */
export function addWorkdays (iso, n) {
  const cal = calendar()
  let d = iso
  while (n > 0) {
    d = addDays(d, 1)
    if (isWorkday(cal, d)) n--
  }
  return d
}

/** Whether [from, to] contains a day the calendar marks as a holiday. */
export function spansHoliday (from, to) {
  const cal = calendar()
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal[d] === 'holiday') return true
  return false
}

export const PARTY = { name: '青山县路桥建设有限公司', credit_code: creditCode('91331100MA2A0B0C0') }

/** A contract of the clerk's agency; returns the detail. */
export async function newContract (c, clerk, over = {}) {
  const r = await c.post('/api/legal/contracts', {
    title: '城区道路改造工程施工合同', kind: 'construction', amount: 12860000,
    planned_sign_on: '2026-12-20', subject: '青山县城区主干道路面改造、雨污分流管网和人行道铺装。',
    counterparties: [PARTY], ...over,
  }, { session: await c.login(clerk) })
  assert.equal(r.status, 201, r.text)
  return r.json
}

/** Submits the contract as the head, assigns the review to `legal`; returns the review case id. */
export async function submitContract (c, id, head) {
  const d = await c.actOk(id, 'submit_review', head, { summary: '请对合同文本进行合法性审核。' })
  const review = d.case.fields.review_case_id
  assert.ok(review, 'the contract names its review case')
  const staff = Number(sql(c.db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
  await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
  return review
}

/** The review's opinion: lawful, or with a point when not. */
export async function giveOpinion (c, review, opinion) {
  const body = { opinion, summary: opinion === 'lawful' ? '合同文本合法。' : '合同文本存在问题。' }
  if (opinion !== 'lawful') Object.assign(body, { point: '违约责任条款约定不明确', basis: '《中华人民共和国民法典》第五百七十七条' })
  return c.actOk(review, 'opinion', 'legal', body)
}
