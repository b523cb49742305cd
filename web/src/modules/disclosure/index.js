// 政府信息公开 (government information disclosure): requests under 政府信息公开条例, the
// catalogue of published information and the yearly report.
import { Reading } from '@element-plus/icons-vue'
import HomeCard from './portal/HomeCard.vue'
import { OUTCOME_NEEDS, OUTCOME_ONLY_INPUTS } from './disclosure.js'

const group = { key: 'disclosure', label: '政府信息公开', icon: Reading, order: 20 }
const crumbs = [{ title: '政府信息公开' }]

export default {
  name: 'disclosure',
  label: '政府信息公开',
  order: 20,
  staffRoutes: [
    { path: 'disclosure/register', name: 'disclosure-register', component: () => import('./staff/Register.vue'), meta: { title: '登记申请', crumbs } },
    { path: 'disclosure/items', name: 'disclosure-items', component: () => import('./staff/Items.vue'), meta: { title: '主动公开', crumbs } },
    { path: 'disclosure/report', name: 'disclosure-report', component: () => import('./staff/Report.vue'), meta: { title: '年度报告', crumbs } },
    { path: 'disclosure/stats', name: 'disclosure-stats', component: () => import('./staff/Stats.vue'), meta: { title: '政府信息公开统计', crumbs } },
  ],
  portalRoutes: [
    {
      path: 'disclosure',
      component: () => import('./portal/Section.vue'),
      meta: { section: 'disclosure' },
      children: [
        { path: '', name: 'disclosure-catalogue', component: () => import('./portal/Catalogue.vue'), meta: { title: '主动公开目录' } },
        { path: 'items/:id', name: 'disclosure-item', component: () => import('./portal/Item.vue'), meta: { title: '政府信息' } },
        { path: 'apply', name: 'disclosure-apply', component: () => import('./portal/Apply.vue'), meta: { title: '依申请公开' } },
        { path: 'track', name: 'disclosure-track', component: () => import('./portal/Track.vue'), meta: { title: '申请办理查询' } },
        { path: 'track/:code', name: 'disclosure-track-code', component: () => import('./portal/Track.vue'), meta: { title: '申请办理查询' } },
        { path: 'reports', name: 'disclosure-public-reports', component: () => import('./portal/Reports.vue'), meta: { title: '年度报告' } },
        { path: 'reports/:year', name: 'disclosure-public-report', component: () => import('./portal/Reports.vue'), meta: { title: '年度报告' } },
      ],
    },
  ],
  menu: [
    { group, path: '/app/cases?type=disclosure', label: '申请办理', test: 'menu-disclosure-cases', order: 1, api: 'GET /api/cases' },
    { group, path: '/app/disclosure/register', label: '登记申请', test: 'menu-disclosure-register', order: 2, api: 'POST /api/disclosure/requests' },
    { group, path: '/app/disclosure/items', label: '主动公开', test: 'menu-disclosure-items', order: 3, api: 'GET /api/disclosure/items' },
    { group, path: '/app/disclosure/report', label: '年度报告', test: 'menu-disclosure-report', order: 4, api: 'GET /api/disclosure/report' },
    { group, path: '/app/disclosure/stats', label: '统计分析', test: 'menu-disclosure-stats', order: 5, api: 'GET /api/disclosure/stats' },
  ],
  portal: {
    // the page that tracks this procedure's codes (the portal's one tracking box opens it)
    track: { disclosure: '/disclosure/track' },
    nav: [
      {
        label: '政府信息公开', to: '/disclosure', test: 'nav-disclosure', order: 20, section: 'disclosure',
        children: [
          { label: '主动公开目录', to: '/disclosure', test: 'nav-disclosure-catalogue' },
          { label: '依申请公开', to: '/disclosure/apply', test: 'nav-disclosure-apply' },
          { label: '申请办理查询', to: '/disclosure/track', test: 'nav-disclosure-track' },
        ],
      },
    ],
    home: { order: 20, component: HomeCard },
    brand: {
      title: '政府信息公开',
      sub: '以公开为常态 · 不公开为例外',
      footer: '政府信息公开工作机构：{government}办公室　依据《中华人民共和国政府信息公开条例》',
    },
  },
  casePanels: {
    disclosure: () => import('./CasePanel.vue'),
  },
  caseLists: {
    disclosure: {
      page: '依申请公开办理',
      list: '政府信息公开申请列表',
      register: { path: '/app/disclosure/register', label: '登记申请', api: 'POST /api/disclosure/requests' },
    },
  },
  actionForms: {
    // The reply to a request (第36-39条): where to find it for 已主动公开, the right agency for
    // 非本机关, the withheld part for 部分公开, and the legal ground for every refusal.
    'disclosure.reply': {
      on: 'outcome',
      shows: (name, v) => !OUTCOME_ONLY_INPUTS[name] || OUTCOME_ONLY_INPUTS[name].includes(v),
      needs: (name, v) => (OUTCOME_NEEDS[v] || []).includes(name),
      hints: {
        ground: '不予公开、不予处理的，须写明理由和法律依据（第三十六条）。',
        withheld: '部分公开的，须写明不予公开的部分及理由（第三十七条）。',
        where: '告知获取该政府信息的方式、途径（第三十六条第（一）项）。',
        right_agency: '能够确定负责公开机关的，告知其名称、联系方式（第三十六条第（五）项）。',
      },
    },
  },
}
