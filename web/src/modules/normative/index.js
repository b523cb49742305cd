// 行政规范性文件 (normative documents). Each part of the document's life adds its entries here,
// grouped under its own heading.
import { Document } from '@element-plus/icons-vue'
import { seesAllAgencies } from '../../session.js'

const group = { key: 'normative', label: '规范性文件', icon: Document, order: 40 }
const section = { section: 'normative' }

export default {
  name: 'normative',
  label: '行政规范性文件',
  order: 40,
  staffRoutes: [
    // ---- cleanup campaigns, objections, statistics ----
    { path: 'normative/campaigns', name: 'norm-campaigns', component: () => import('./staff/Campaigns.vue'), meta: { title: '规范性文件清理', crumbs: [{ title: '规范性文件' }] } },
    { path: 'normative/campaigns/:id', name: 'norm-campaign', component: () => import('./staff/Campaign.vue'), meta: { title: '清理详情', crumbs: [{ title: '规范性文件' }, { title: '规范性文件清理', to: '/app/normative/campaigns' }] } },
    { path: 'normative/stats', name: 'norm-stats', component: () => import('./staff/NormStats.vue'), meta: { title: '规范性文件统计', crumbs: [{ title: '规范性文件' }] } },
  ],
  portalRoutes: [
    // ---- objections and cleanup results ----
    { path: 'normative/objection', name: 'portal-norm-objection', component: () => import('./portal/ObjectionForm.vue'), meta: { title: '提出审查建议', ...section } },
    { path: 'normative/objection-track', name: 'portal-norm-objection-track', component: () => import('./portal/ObjectionTrack.vue'), meta: { title: '审查建议办理进度', ...section } },
    { path: 'normative/objection-track/:code', name: 'portal-norm-objection-track-code', component: () => import('./portal/ObjectionTrack.vue'), meta: { title: '审查建议办理进度', ...section } },
    { path: 'normative/objections', name: 'portal-norm-objections', component: () => import('./portal/Objections.vue'), meta: { title: '审查建议办理结果', ...section } },
    { path: 'normative/cleanup', name: 'portal-norm-cleanup', component: () => import('./portal/CampaignResults.vue'), meta: { title: '规范性文件清理结果', ...section } },
  ],
  menu: [
    // ---- cleanup campaigns, objections, statistics ----
    { group, path: '/app/normative/campaigns', label: '文件清理', test: 'menu-norm-campaigns', order: 20, api: 'GET /api/normative/campaigns' },
    { group, path: '/app/cases?type=norm_objection', label: '审查建议', test: 'menu-norm-objections', order: 21, api: 'GET /api/normative/objections', when: (user) => seesAllAgencies(user) },
    { group, path: '/app/normative/stats', label: '统计分析', test: 'menu-norm-stats', order: 30, api: 'GET /api/normative/stats' },
  ],
  portal: {
    track: { norm_objection: '/normative/objection-track' },
    nav: [
      {
        label: '规范性文件', to: '/normative/objections', section: 'normative', test: 'nav-normative', order: 40,
        children: [
          // ---- objections and cleanup results ----
          { label: '提出审查建议', to: '/normative/objection', test: 'nav-norm-objection' },
          { label: '审查建议办理结果', to: '/normative/objections', test: 'nav-norm-objections' },
          { label: '文件清理结果', to: '/normative/cleanup', test: 'nav-norm-cleanup' },
        ],
      },
    ],
    brand: {
      title: '行政规范性文件',
      sub: '审查建议 · 文件清理 · 依法公开',
      footer: '公民、法人或者其他组织认为规范性文件违法的，可以提出审查建议。',
    },
  },
  casePanels: {
    norm_objection: () => import('./ObjectionPanel.vue'),
  },
  caseLists: {
    norm_objection: { page: '审查建议', list: '审查建议列表' },
  },
}
