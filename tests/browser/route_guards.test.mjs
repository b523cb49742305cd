// Read-only roles do not reach forms by URL (issue 15, item 14): a back-office page names the API
// it needs (its menu entry's or route's), and a role the server does not let call that API gets
// a clear "无权使用此页面" page on navigation, not a form refused only after submitting. The
// expectation comes from the server's declared roles (GET /api/meta), so the rule is tested, not
// a list of roles: every form page, for read-only and agency accounts and the legal office.
//
// Environment: see lib.mjs (FAZHI_URL, FAZHI_SHOTS, FAZHI_DEMO_PASSWORD).
import assert from 'node:assert/strict'
import { BASE, browserTest, page, sel, login, logout, getJson, shot } from './lib.mjs'

browserTest('form pages are guarded by the roles the server declares', { timeout: 240_000, failureShot: 'failure-route-guards.png' }, scenario)

// Form pages and the API each needs (as their menu entries declare it).
const FORMS = [
  ['/app/reconsideration/register', 'POST', '/api/reconsideration/cases'],
  ['/app/litigation/register', 'POST', '/api/litigation/cases'],
  ['/app/disclosure/register', 'POST', '/api/disclosure/requests'],
  ['/app/enforcement/powers/import', 'POST', '/api/enforcement/powers/import'],
]

async function scenario() {
  let refused = 0
  let allowed = 0
  for (const user of ['leader', 'scj.officer', 'scj.clerk', 'legal']) {
    await login(user)
    const meta = await getJson('/api/meta')
    const role = (await getJson('/api/session')).user.role
    for (const [path, method, api] of FORMS) {
      const route = meta.routes.find((r) => r.method.toUpperCase() === method && r.path === api)
      assert.ok(route, `${method} ${api} is declared`)
      const may = route.roles.includes(role)
      await page.goto(`${BASE}${path}`)
      if (!may) {
        await page.locator(sel('forbidden')).waitFor()
        const text = await page.locator(sel('forbidden')).innerText()
        assert.match(text, /无权使用此页面/, `${user} at ${path}`)
        assert.equal(await page.locator('form').count(), 0, `${user} at ${path}: no form shown`)
        if (user === 'leader' && path.includes('reconsideration')) await shot('route-guard-leader.png')
        refused++
      } else {
        await page.locator('form').first().waitFor()
        assert.equal(await page.locator(sel('forbidden')).count(), 0, `${user} may use ${path}`)
        allowed++
      }
    }
    await logout()
  }
  assert.ok(refused >= 4 && allowed >= 3, `refused ${refused}, allowed ${allowed}`)

  // The respondent agency reaches the reconsideration cases against it from its menu (第48条).
  await login('scj.clerk')
  const mine = await getJson('/api/reconsideration/cases?per_page=1')
  assert.ok(mine.total > 0, 'the demo has applications against scj')
  await page.locator(sel('menu-recon-cases')).waitFor({ state: 'attached' })
  await page.goto(`${BASE}/app/reconsideration`)
  await page.locator('.el-table__body tr').first().waitFor()
  assert.equal(await page.locator(sel('forbidden')).count(), 0)
  await logout()
}
