// Back-office tables at 1440×900 (issue 15 item 13): on every staff page a user reaches from the
// menu, each table shows all its columns without scrolling sideways — neither the page nor the
// table — and a deadline column (期限 / 到期 / 时限) has its header inside the window.
//
// The pages are found, not listed: the test signs in as users of each kind (the legal office,
// which sees every module's lists; a department clerk; the county leader),
// follows every entry of the menu each one is shown, the case list of each procedure type, and
// checks every table the page holds once its rows have loaded.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, login, logout, shot } from './lib.mjs'

const USERS = ['legal', 'scj.clerk', 'leader']

// The width of the page and of each table, and where the deadline headers end.
async function measure() {
  return page.evaluate(() => {
    const doc = document.scrollingElement
    const tables = [...document.querySelectorAll('.el-table')].filter((t) => t.getClientRects().length).map((t) => {
      const wrap = t.querySelector('.el-table__body-wrapper .el-scrollbar__wrap') || t.querySelector('.el-table__body-wrapper')
      const heads = [...t.querySelectorAll('.el-table__header-wrapper th')].filter((th) => /期限|到期|时限/.test(th.textContent))
      return {
        test: t.closest('[data-test]')?.getAttribute('data-test') || t.getAttribute('data-test') || '',
        scroll: wrap ? wrap.scrollWidth : 0,
        client: wrap ? wrap.clientWidth : 0,
        deadlines: heads.map((th) => ({ text: th.textContent.trim(), right: th.getBoundingClientRect().right })),
      }
    })
    return { pageScroll: doc.scrollWidth, pageClient: doc.clientWidth, viewport: window.innerWidth, tables }
  })
}

async function settle() {
  await page.waitForLoadState('networkidle').catch(() => {})
  // A table's column widths are laid out once its rows are in.
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.getClientRects().length), null, { timeout: 15_000 }).catch(() => {})
  await page.waitForTimeout(300)
}

browserTest('every back-office table fits a 1440 px window with its deadline column in view', { timeout: 600_000, failureShot: 'tables-1440-failure.png' }, async () => {
  const seen = new Set()
  let tablesChecked = 0
  let deadlineHeads = 0
  const problems = []
  for (const user of USERS) {
    await login(user)
    const links = await page.evaluate(() => [...document.querySelectorAll('.staff-menu .el-menu-item')].map((e) => e.getAttribute('data-test')))
    const paths = []
    for (const test of links) {
      await page.click(`.staff-menu [data-test="${test}"]`)
      await settle()
      paths.push(new URL(page.url()).pathname + new URL(page.url()).search)
    }
    // The case list of each procedure type (its type filter's options).
    for (const type of ['mailbox', 'disclosure', 'reconsideration', 'litigation', 'enf_body', 'enf_certificate']) paths.push(`/app/cases?type=${type}`)
    for (const p of paths) {
      const key = `${user} ${p}`
      if (seen.has(key)) continue
      seen.add(key)
      await page.goto(`${BASE}${p}`)
      await settle()
      const m = await measure()
      if (m.pageScroll > m.pageClient + 1) problems.push(`${key}: the page scrolls sideways (${m.pageScroll} > ${m.pageClient})`)
      for (const t of m.tables) {
        tablesChecked++
        if (t.scroll > t.client + 1) problems.push(`${key}: table ${t.test} is ${t.scroll - t.client} px wider than its box (${t.scroll} > ${t.client})`)
        for (const d of t.deadlines) {
          deadlineHeads++
          if (d.right > m.viewport + 1) problems.push(`${key}: the column ${d.text} ends at ${Math.round(d.right)} px, past the window (${m.viewport})`)
        }
      }
      if (user === 'legal' && m.tables.length) await shot(`tables-1440${p.replace(/[/?=&]+/g, '-')}.png`)
    }
    await logout()
  }
  assert.ok(tablesChecked >= 10, `tables checked: ${tablesChecked}`)
  assert.ok(deadlineHeads >= 4, `deadline columns checked: ${deadlineHeads}`)
  assert.deepEqual(problems, [])
})
