// Routes of the one SPA: the public portal at / and the staff back office under /app.
// Every /app page except the login page needs a session (checked with GET /api/session).
import { createRouter, createWebHistory } from 'vue-router'
import { session, loadSession } from './session.js'
import { onUnauthorized } from './api.js'
import PortalLayout from './layouts/PortalLayout.vue'
import PortalHome from './views/portal/Home.vue'

const routes = [
  {
    path: '/',
    component: PortalLayout,
    children: [
      { path: '', name: 'portal-home', component: PortalHome, meta: { title: '首页' } },
      { path: 'mailbox', name: 'portal-mailbox', component: () => import('./views/portal/Mailbox.vue'), meta: { title: '我要写信' } },
      { path: 'track', name: 'portal-track', component: () => import('./views/portal/Track.vue'), meta: { title: '查询办理进度' } },
      { path: 'track/:code', name: 'portal-track-code', component: () => import('./views/portal/Track.vue'), meta: { title: '查询办理进度' } },
      { path: 'replies', name: 'portal-replies', component: () => import('./views/portal/Replies.vue'), meta: { title: '公开答复' } },
      {
        path: 'disclosure',
        component: () => import('./views/portal/disclosure/Section.vue'),
        meta: { section: 'disclosure' },
        children: [
          { path: '', name: 'disclosure-catalogue', component: () => import('./views/portal/disclosure/Catalogue.vue'), meta: { title: '主动公开目录' } },
          { path: 'items/:id', name: 'disclosure-item', component: () => import('./views/portal/disclosure/Item.vue'), meta: { title: '政府信息' } },
          { path: 'apply', name: 'disclosure-apply', component: () => import('./views/portal/disclosure/Apply.vue'), meta: { title: '依申请公开' } },
          { path: 'track', name: 'disclosure-track', component: () => import('./views/portal/disclosure/Track.vue'), meta: { title: '申请办理查询' } },
          { path: 'track/:code', name: 'disclosure-track-code', component: () => import('./views/portal/disclosure/Track.vue'), meta: { title: '申请办理查询' } },
          { path: 'reports', name: 'disclosure-public-reports', component: () => import('./views/portal/disclosure/Reports.vue'), meta: { title: '年度报告' } },
          { path: 'reports/:year', name: 'disclosure-public-report', component: () => import('./views/portal/disclosure/Reports.vue'), meta: { title: '年度报告' } },
        ],
      },
      {
        path: 'reconsideration',
        component: () => import('./views/portal/reconsideration/Section.vue'),
        meta: { section: 'reconsideration' },
        children: [
          { path: '', name: 'recon-apply', component: () => import('./views/portal/reconsideration/Apply.vue'), meta: { title: '申请行政复议' } },
          { path: 'track', name: 'recon-track', component: () => import('./views/portal/reconsideration/Track.vue'), meta: { title: '申请办理查询' } },
          { path: 'track/:code', name: 'recon-track-code', component: () => import('./views/portal/reconsideration/Track.vue'), meta: { title: '申请办理查询' } },
        ],
      },
      {
        // 行政执法公示: certificate lookup (亮证执法; /certificates/{number} is what the QR code opens),
        // the published power lists, the announced bodies and each body's officers.
        path: '',
        component: () => import('./views/portal/enforcement/Section.vue'),
        meta: { section: 'enforcement' },
        children: [
          { path: 'certificates', name: 'enf-pub-cert', component: () => import('./views/portal/enforcement/CertLookup.vue'), meta: { title: '执法证件查询' } },
          { path: 'certificates/:number', name: 'enf-pub-cert-number', component: () => import('./views/portal/enforcement/CertLookup.vue'), meta: { title: '执法证件查询' } },
          { path: 'enforcement/powers', name: 'enf-pub-powers', component: () => import('./views/portal/enforcement/Powers.vue'), meta: { title: '权责清单' } },
          { path: 'enforcement/powers/:id', name: 'enf-pub-power', component: () => import('./views/portal/enforcement/PowerItem.vue'), meta: { title: '权责事项' } },
          { path: 'enforcement/bodies', name: 'enf-pub-bodies', component: () => import('./views/portal/enforcement/Bodies.vue'), meta: { title: '执法主体公告' } },
          { path: 'enforcement/bodies/:id', name: 'enf-pub-body', component: () => import('./views/portal/enforcement/Body.vue'), meta: { title: '执法人员公示' } },
        ],
      },
    ],
  },
  { path: '/app/login', name: 'login', component: () => import('./views/app/Login.vue'), meta: { title: '登录', staffTitle: true } },
  {
    path: '/app',
    component: () => import('./layouts/StaffLayout.vue'),
    meta: { requiresAuth: true },
    children: [
      { path: '', name: 'dashboard', component: () => import('./views/app/Dashboard.vue'), meta: { title: '工作台', crumbs: [] } },
      { path: 'cases', name: 'cases', component: () => import('./views/app/CaseList.vue'), meta: { title: '案件办理', crumbs: [] } },
      { path: 'cases/:id', name: 'case-detail', component: () => import('./views/app/CaseDetail.vue'), meta: { title: '案件详情', crumbs: [{ title: '案件办理', to: '/app/cases' }] } },
      { path: 'supervision', name: 'supervision', component: () => import('./views/app/Supervision.vue'), meta: { title: '电子监察', crumbs: [] } },
      { path: 'settings', name: 'settings', component: () => import('./views/app/Settings.vue'), meta: { title: '地方规定与设置', crumbs: [] } },
      { path: 'security', name: 'security', component: () => import('./views/app/SecurityEvents.vue'), meta: { title: '安全事件', crumbs: [] } },
      { path: 'mailbox/stats', name: 'mailbox-stats', component: () => import('./views/app/MailboxStats.vue'), meta: { title: '县长信箱统计', crumbs: [{ title: '县长信箱' }] } },
      { path: 'disclosure/register', name: 'disclosure-register', component: () => import('./views/app/disclosure/Register.vue'), meta: { title: '登记申请', crumbs: [{ title: '政府信息公开' }] } },
      { path: 'disclosure/items', name: 'disclosure-items', component: () => import('./views/app/disclosure/Items.vue'), meta: { title: '主动公开', crumbs: [{ title: '政府信息公开' }] } },
      { path: 'disclosure/report', name: 'disclosure-report', component: () => import('./views/app/disclosure/Report.vue'), meta: { title: '年度报告', crumbs: [{ title: '政府信息公开' }] } },
      { path: 'disclosure/stats', name: 'disclosure-stats', component: () => import('./views/app/disclosure/Stats.vue'), meta: { title: '政府信息公开统计', crumbs: [{ title: '政府信息公开' }] } },
      { path: 'reconsideration', name: 'recon-cases', component: () => import('./views/app/reconsideration/CaseList.vue'), props: { caseType: 'reconsideration' }, meta: { title: '复议案件', crumbs: [{ title: '行政复议与应诉' }] } },
      { path: 'reconsideration/register', name: 'recon-register', component: () => import('./views/app/reconsideration/Register.vue'), meta: { title: '登记复议申请', crumbs: [{ title: '行政复议与应诉' }] } },
      { path: 'litigation', name: 'lit-cases', component: () => import('./views/app/reconsideration/CaseList.vue'), props: { caseType: 'litigation' }, meta: { title: '应诉案件', crumbs: [{ title: '行政复议与应诉' }] } },
      { path: 'litigation/register', name: 'lit-register', component: () => import('./views/app/reconsideration/LitigationRegister.vue'), meta: { title: '登记应诉案件', crumbs: [{ title: '行政复议与应诉' }] } },
      { path: 'reconsideration/stats', name: 'recon-stats', component: () => import('./views/app/reconsideration/Stats.vue'), meta: { title: '复议应诉统计', crumbs: [{ title: '行政复议与应诉' }] } },
      { path: 'enforcement/bodies', name: 'enf-bodies', component: () => import('./views/app/enforcement/Bodies.vue'), meta: { title: '执法主体', crumbs: [{ title: '行政执法' }] } },
      { path: 'enforcement/bodies/:id', name: 'enf-body', component: () => import('./views/app/enforcement/Body.vue'), meta: { title: '执法主体', crumbs: [{ title: '行政执法' }, { title: '执法主体', to: '/app/enforcement/bodies' }] } },
      { path: 'enforcement/powers', name: 'enf-powers', component: () => import('./views/app/enforcement/Powers.vue'), meta: { title: '权责清单', crumbs: [{ title: '行政执法' }] } },
      { path: 'enforcement/powers/import', name: 'enf-import', component: () => import('./views/app/enforcement/PowerImport.vue'), meta: { title: '导入权责清单', crumbs: [{ title: '行政执法' }, { title: '权责清单', to: '/app/enforcement/powers' }] } },
      { path: 'enforcement/powers/counts', name: 'enf-power-counts', component: () => import('./views/app/enforcement/PowerCounts.vue'), meta: { title: '事项分类统计', crumbs: [{ title: '行政执法' }, { title: '权责清单', to: '/app/enforcement/powers' }] } },
      { path: 'enforcement/officers', name: 'enf-officers', component: () => import('./views/app/enforcement/Officers.vue'), meta: { title: '执法人员', crumbs: [{ title: '行政执法' }] } },
      { path: 'enforcement/officers/:id', name: 'enf-officer', component: () => import('./views/app/enforcement/Officer.vue'), meta: { title: '执法人员', crumbs: [{ title: '行政执法' }, { title: '执法人员', to: '/app/enforcement/officers' }] } },
      { path: 'enforcement/certificates', name: 'enf-certs', component: () => import('./views/app/enforcement/Certificates.vue'), meta: { title: '执法证件', crumbs: [{ title: '行政执法' }] } },
      { path: 'enforcement/certificates/batch-exam', name: 'enf-batch-exam', component: () => import('./views/app/enforcement/CertBatch.vue'), props: { mode: 'exam' }, meta: { title: '批量登记考试成绩', crumbs: [{ title: '行政执法' }, { title: '执法证件', to: '/app/enforcement/certificates' }] } },
      { path: 'enforcement/certificates/batch-issue', name: 'enf-batch-issue', component: () => import('./views/app/enforcement/CertBatch.vue'), props: { mode: 'issue' }, meta: { title: '批量发证', crumbs: [{ title: '行政执法' }, { title: '执法证件', to: '/app/enforcement/certificates' }] } },
      { path: 'enforcement/certificates/:id/card', name: 'enf-cert-card', component: () => import('./views/app/enforcement/CertCard.vue'), meta: { title: '执法证件卡', crumbs: [{ title: '行政执法' }, { title: '执法证件', to: '/app/enforcement/certificates' }] } },
      { path: 'enforcement/stats', name: 'enf-stats', component: () => import('./views/app/enforcement/Stats.vue'), meta: { title: '行政执法统计', crumbs: [{ title: '行政执法' }] } },
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
  return true
})

router.afterEach((to) => {
  const staff = to.path.startsWith('/app')
  const section = to.matched.map((r) => r.meta.section).find(Boolean)
  const site = staff ? '青山县依法行政综合管理平台'
    : section === 'disclosure' ? '青山县人民政府 · 政府信息公开'
    : section === 'reconsideration' ? '青山县人民政府 · 行政复议'
    : section === 'enforcement' ? '青山县人民政府 · 行政执法公示' : '青山县人民政府 · 县长信箱'
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
