// End-to-end test of the legal office's legality review queue (合法性审核) through the browser, against
// a running `fazhi serve` with the demo county loaded:
//   the market regulation bureau sends a normative draft to review (through the API, as its page does)
//   → the legal office's head finds it in 审核队列 and assigns a reviewer → the reviewer adds a point
//   with its legal basis and gives 修改后合法 → downloads the numbered opinion letter → the bureau records
//   that it adopted the point → the statistics count it.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { BASE, DOCX, YEAR, browserTest, page, sel, shot, waitForText, login, logout, perform, expectState, choose, getJson } from './lib.mjs'

/** An Element Plus input or textarea marked data-test (on its wrapper or on the element itself). */
const field = (name, tag) => `${sel(name)} ${tag}, ${tag}${sel(name)}`
const exact = (s) => new RegExp(`^\\s*${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`)

browserTest('legality review: assignment, a point with its basis, 修改后合法, the letter, adoption',
  { timeout: 240_000, failureShot: 'review-failure.png', pinClock: true }, scenario)

/** POST JSON with the browser's session (and its CSRF token); the answer must be 2xx. */
async function postJson (url, body) {
  const csrf = await page.evaluate(() => sessionStorage.getItem('fz_csrf'))
  const res = await page.request.post(`${BASE}${url}`, { data: body, headers: { 'X-CSRF-Token': csrf } })
  assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`)
  return res.json()
}

async function scenario () {
  const stamp = `T${Date.now().toString(36).toUpperCase()}`
  const title = `青山县农村集体资产管理暂行办法${stamp}`
  const point = '第六条规定“逾期未整改的，暂停集体经济组织享受扶持政策”，属于没有法律依据减损权利。'
  const basis = '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）'

  // 1. The bureau sends its draft to review (the drafting pages are the normative module's).
  await login('scj.clerk')
  const draft = await postJson('/api/normative/drafts', {
    title, issuing_body: '青山县人民政府', number_prefix: '青政规', off_plan_reason: '乡村振兴工作需要',
    drafting_note: '起草说明：规范农村集体资产管理。', basis: '《中华人民共和国村民委员会组织法》',
    body: '第一条 为规范农村集体资产管理，制定本办法。\n第六条 逾期未整改的，暂停集体经济组织享受扶持政策。',
    affects_public: false, affects_market: false,
  })
  const id = draft.case.case_id
  const submitted = await postJson(`/api/cases/${id}/actions/submit_review`, { version: draft.case.version, summary: '请予合法性审核。' })
  const review = submitted.case.fields.review_case_id
  assert.ok(review, 'the draft is in review')
  await logout()

  // 2. The head finds it in the queue (全部) and assigns 王晓燕.
  await login('legalhead')
  await page.locator(sel('menu-review-queue')).click()
  await page.waitForURL((url) => url.pathname === '/app/reviews')
  await page.locator(sel('review-tab-all')).click()
  await page.fill(field('review-filter-q', 'input'), stamp)
  await page.click(sel('review-search'))
  await waitForText(sel('review-subject'), title)
  await waitForText(sel('review-state'), '待分配审核人员')
  await shot('review-queue.png')
  await page.locator(sel('review-subject'), { hasText: title }).click()
  await page.waitForURL((url) => url.pathname === `/app/cases/${review}`)
  await waitForText(sel('field-subject'), title)
  await waitForText(sel('field-review_article'), '115号')
  await perform('assign', (dialog) => choose(dialog, sel('action-input-reviewer_id'), '王晓燕'))
  await expectState('审核中')
  await waitForText(sel('field-reviewer_name'), '王晓燕')
  await logout()

  // 3. The reviewer finds it under 我的审核, adds the point with its basis and gives 修改后合法.
  await login('legal')
  await page.goto(`${BASE}/app/reviews`)
  await page.locator(sel('review-tab-mine')).click()
  await page.waitForURL((url) => url.searchParams.get('mine') === '1')
  await page.locator(sel('review-subject'), { hasText: title }).click()
  await page.waitForURL((url) => url.pathname === `/app/cases/${review}`)
  await waitForText(sel('review-points'), '尚未提出审核意见要点')
  // A point without its basis is not sent.
  await page.fill(field('review-point-input', 'textarea'), point)
  await page.click(sel('review-point-add'))
  await waitForText(`${sel('review-point-form')} .el-form-item__error`, '请填写法律依据')
  await page.fill(field('review-basis-input', 'textarea'), basis)
  await page.click(sel('review-point-add'))
  await waitForText(sel('review-point-text'), point)
  await waitForText(sel('review-point-basis'), '国办发〔2018〕37号')
  await shot('review-case-reviewing.png')
  await perform('opinion', async (dialog) => {
    await choose(dialog, sel('action-input-opinion'), exact('修改后合法'))
    await dialog.locator(field('action-input-summary', 'textarea')).first().fill('删除第六条暂停扶持政策的规定后合法。')
  })
  await expectState('已出具审核意见')
  await waitForText(sel('field-opinion_label'), '修改后合法')
  await waitForText(sel('field-letter_number'), `青司法审〔${YEAR}〕`)
  // The letter: a Word file named with its number.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(sel('review-letter-action'))])
  assert.match(download.suggestedFilename(), new RegExp(`^合法性审核意见书（青司法审〔${YEAR}〕\\d+号）\\.docx$`))
  const file = await download.path()
  assert.equal(fs.readFileSync(file).subarray(0, 2).toString('latin1'), 'PK')
  const res = await page.request.get(`${BASE}/api/reviews/${review}/letter`)
  assert.equal(res.headers()['content-type'], DOCX)
  await shot('review-case-done.png')
  await logout()

  // 4. The bureau records that it adopted the point.
  await login('scj.clerk')
  await page.goto(`${BASE}/app/cases/${review}`)
  await waitForText(sel('review-point-adoption'), '待起草单位说明')
  await page.click(sel('review-adopt-1'))
  const dialog = page.locator(sel('review-adoption-dialog'))
  await page.fill(field('review-adoption-note', 'textarea'), '已删除第六条。')
  await page.click(sel('review-adoption-save'))
  await waitForText(sel('review-point-adoption'), '采纳')
  await dialog.waitFor({ state: 'hidden' }).catch(() => {})
  await shot('review-case-adopted.png')
  await logout()

  // 5. The statistics count the point raised and adopted.
  await login('legal')
  await page.locator(sel('menu-review-stats')).click()
  await page.waitForURL((url) => url.pathname === '/app/reviews/stats')
  const stats = await getJson(`/api/reviews/stats?year=${YEAR}`)
  const adopted = stats.figures.find((x) => x.name === 'review.points.adopted').value
  assert.ok(adopted >= 1)
  await waitForText(sel('rs-review.points.adopted'), String(adopted))
  await shot('review-stats.png')
}
