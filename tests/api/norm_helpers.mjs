// Normative documents for the campaign, objection and figure tests: a document is issued through
// the drafting routes as its agency and the legal office would (draft, legality review, deliberation,
// 三统一 issue), on the server's day. Not a test file.
import assert from 'node:assert/strict'
import { sql } from './lib.mjs'

/**
 * Issues a document of the clerk's agency on the client's day; returns {doc_id, case_id, number}.
 * The draft touches no one's rights (no public comment) and no market (no fair-competition check).
 */
export async function issueDoc (c, db, clerk, title, { day, prefix = '青政规', effective } = {}) {
  const s = await c.login(clerk)
  const r = await c.post('/api/normative/drafts', {
    title, issuing_body: '青山县人民政府', number_prefix: prefix, off_plan_reason: '工作需要',
    drafting_note: '起草说明。', basis: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》',
    body: `第一条 为做好${title}相关工作，制定本办法。\n第二条 本办法自印发之日起施行。`,
    affects_public: false, affects_market: false,
  }, { session: s })
  assert.equal(r.status, 201, r.text)
  const id = r.json.case.case_id
  const review = (await c.actOk(id, 'submit_review', clerk, { summary: '请予审核' })).case.fields.review_case_id
  const staff = Number(sql(db, "SELECT user_id FROM app_user WHERE username = 'legal'")[0][0])
  await c.actOk(review, 'assign', 'legalhead', { reviewer_id: staff })
  await c.actOk(review, 'opinion', 'legal', { opinion: 'lawful', summary: '合法。' })
  await c.actOk(id, 'deliberate', clerk, { meeting: '县政府常务会议', deliberated_on: day, outcome: 'adopted' })
  const d = await c.actOk(id, 'issue', clerk, { issued_on: day, effective_on: effective || day })
  return { doc_id: d.case.fields.doc_id, case_id: id, number: d.case.fields.doc_number }
}
