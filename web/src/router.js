// Routes of the one SPA: the public portal at / and the staff back office under /app. The core
// pages are listed here; each module's pages come from its folder (modules/index.js).
// Every /app page except the login page needs a session (checked with GET /api/session).
import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession, getMeta } from './session.js'
import { onUnauthorized } from './api.js'
import PortalLayout from './layouts/PortalLayout.vue'
import PortalHome from './views/portal/Home.vue'
import { allPortalRoutes, allStaffRoutes, modules, portalBrand } from './modules/index.js'
import { can, county, loadCounty } from './meta.js'

const routes = [
  {
    path: '/',
    component: PortalLayout,
    children: [
      { path: '', name: 'portal-home', component: PortalHome, meta: { title: '首页' } },
      ...allPortalRoutes(),
    ],
  },
  { path: '/app/login', name: 'login', component: () => import('./views/app/Login.vue'), meta: { title: '登录', staffTitle: true } },
  // A case on paper: outside the back office's frame (no menus), the same session and scope.
  { path: '/app/print/cases/:id', name: 'case-print', component: () => import('./views/app/CasePrint.vue'), meta: { title: '打印案件', requiresAuth: true } },
  {
    path: '/app',
    component: () => import('./layouts/StaffLayout.vue'),
    meta: { requiresAuth: true },
    children: [
      { path: '', name: 'dashboard', component: () => import('./views/app/Dashboard.vue'), meta: { title: '工作台', crumbs: [] } },
      { path: 'cases', name: 'cases', component: () => import('./views/app/CaseList.vue'), meta: { title: '案件办理', crumbs: [] } },
      { path: 'cases/:id', name: 'case-detail', component: () => import('./views/app/CaseDetail.vue'), meta: { title: '案件详情', crumbs: [{ title: '案件办理', to: '/app/cases' }] } },
      { path: 'review', name: 'review', component: () => import('./views/app/ReviewQueue.vue'), meta: { title: '待我审核', crumbs: [], api: 'GET /api/review' } },
      { path: 'supervision', name: 'supervision', component: () => import('./views/app/Supervision.vue'), meta: { title: '电子监察', crumbs: [] } },
      { path: 'settings', name: 'settings', component: () => import('./views/app/Settings.vue'), meta: { title: '地方规定与设置', crumbs: [] } },
      { path: 'security', name: 'security', component: () => import('./views/app/SecurityEvents.vue'), meta: { title: '安全事件', crumbs: [] } },
      { path: 'forbidden', name: 'app-forbidden', component: () => import('./views/app/Forbidden.vue'), meta: { title: '无权使用此页面', crumbs: [] } },
      ...allStaffRoutes(),
      { path: ':rest(.*)*', name: 'app-not-found', component: () => import('./views/NotFound.vue'), meta: { title: '页面不存在', crumbs: [] } },
    ],
  },
  {
    path: '/:rest(.*)*',
    component: PortalLayout,
    children: [{ path: '', name: 'not-found', component: () => import('./views/NotFound.vue'), meta: { title: '页面不存在' } }],
  },
]

const router = createRouter({
  history: createWebHistory('/'),
  routes,
  scrollBehavior(to, from, saved) {
    if (saved) return saved
    if (to.path === from.path) return false
    return { top: 0 }
  },
})

router.beforeEach(async (to) => {
  // Every page and title names the county: known before the first page renders (fetched once).
  await loadCounty()
  const needsAuth = to.matched.some((r) => r.meta.requiresAuth)
  if (needsAuth && !session.user) {
    try {
      await loadSession()
    } catch {
      /* server unreachable: treat as signed out, the login page shows the error */
    }
    if (!session.user) return { path: '/app/login', query: { redirect: to.fullPath } }
  }
  if (to.name === 'login' && !session.checked) {
    try { await loadSession() } catch { /* ignore */ }
  }
  if (to.name === 'login' && session.user) return { path: typeof to.query.redirect === 'string' ? to.query.redirect : '/app' }
  // A back-office page names the API it needs (its route's meta.api, else its menu entry's api):
  // a role the server does not let call it gets a clear page, never a form it cannot submit.
  const need = needsAuth && session.user ? pageApi(to) : null
  if (need) {
    let meta = null
    try { meta = await getMeta() } catch { /* server unreachable: the page shows its own error */ }
    if (meta && !can(meta, session.user.role, need)) {
      return { name: 'app-forbidden', query: { page: to.meta.title || '', from: to.fullPath }, replace: true }
    }
  }
  return true
})

/** "METHOD /api/..." a back-office page needs: its route's meta.api, or its menu entry's api. */
function pageApi(to) {
  const own = [...to.matched].reverse().map((r) => r.meta.api).find(Boolean)
  if (own) return own
  return modules.flatMap((m) => m.menu || []).find((e) => e.path === to.path)?.api || null
}

router.afterEach((to) => {
  const staff = to.path.startsWith('/app')
  const section = to.matched.map((r) => r.meta.section).find(Boolean)
  const site = staff ? `${county.name}依法行政综合管理平台` : `${county.government} · ${portalBrand(section).title}`
  document.title = to.meta.title ? `${to.meta.title} - ${site}` : site
})

// A staff request that answers 401 means the session expired: back to the login page.
onUnauthorized(() => {
  session.user = null
  const current = router.currentRoute.value
  if (current.path.startsWith('/app') && current.name !== 'login') {
    router.replace({ path: '/app/login', query: { redirect: current.fullPath } })
  }
})

export default router
