// 行政规范性文件: a document's whole life — the yearly drafting plan, the draft with public comment
// and the automatic pre-check, the legality review by the legal office, deliberation, 三统一 issue
// and filing, then validity, versions, cleanup and objections — and what the portal publishes of it.
// Each part keeps its entries together under its heading below (routes, menu, portal, panels).
import { Files } from '@element-plus/icons-vue'
import { seesAllAgencies } from '../../session.js'

const group = { key: 'normative', label: '规范性文件', icon: Files, order: 50 }
const crumbs = [{ title: '规范性文件' }]
const under = (title, to) => [...crumbs, { title, to }]

export default {
  name: 'normative',
  label: '行政规范性文件',
  order: 50,
  staffRoutes: [
    // ---- drafting: plan, drafts, the new-draft form ----
    { path: 'normative/plans', name: 'norm-plans', component: () => import('./staff/Plan.vue'), meta: { title: '年度制定计划', crumbs } },
    { path: 'normative/drafts', name: 'norm-drafts', component: () => import('./staff/Drafts.vue'), meta: { title: '起草与审核', crumbs } },
    { path: 'normative/drafts/new', name: 'norm-draft-new', component: () => import('./staff/DraftNew.vue'), meta: { title: '新建草案', crumbs: under('起草与审核', '/app/normative/drafts') } },
    // ---- documents after issue: list, record (versions, validity, evaluation, repeal) ----
    { path: 'normative/documents', name: 'norm-documents', component: () => import('./staff/Documents.vue'), meta: { title: '已印发文件', crumbs } },
    { path: 'normative/documents/:id', name: 'norm-document', component: () => import('./staff/Document.vue'), meta: { title: '文件详情', crumbs: under('已印发文件', '/app/normative/documents') } },
    // ---- cleanup campaigns, statistics ----
    { path: 'normative/campaigns', name: 'norm-campaigns', component: () => import('./staff/Campaigns.vue'), meta: { title: '规范性文件清理', crumbs } },
    { path: 'normative/campaigns/:id', name: 'norm-campaign', component: () => import('./staff/Campaign.vue'), meta: { title: '清理详情', crumbs: under('规范性文件清理', '/app/normative/campaigns') } },
    { path: 'normative/stats', name: 'norm-stats', component: () => import('./staff/NormStats.vue'), meta: { title: '规范性文件统计', crumbs } },
  ],
  portalRoutes: [
    {
      // 规范性文件 on the portal: one section with a tab for each part (portal/Section.vue).
      path: '',
      component: () => import('./portal/Section.vue'),
      meta: { section: 'normative' },
      children: [
        // ---- the public library ----
        { path: 'normative/library', name: 'portal-norm-library', component: () => import('./portal/Library.vue'), meta: { title: '规范性文件库' } },
        { path: 'normative/library/:id', name: 'portal-norm-library-doc', component: () => import('./portal/LibraryDoc.vue'), meta: { title: '规范性文件' } },
        // ---- public comment ----
        { path: 'normative/consultations', name: 'norm-pub-consultations', component: () => import('./portal/Consultations.vue'), meta: { title: '意见征集' } },
        { path: 'normative/consultations/:id', name: 'norm-pub-consultation', component: () => import('./portal/Consultation.vue'), meta: { title: '意见征集' } },
        { path: 'normative/comments/:code?', name: 'norm-pub-comment', component: () => import('./portal/CommentTrack.vue'), meta: { title: '意见查询' } },
        // ---- objections and cleanup results ----
        { path: 'normative/objection', name: 'portal-norm-objection', component: () => import('./portal/ObjectionForm.vue'), meta: { title: '提出审查建议' } },
        { path: 'normative/objection-track', name: 'portal-norm-objection-track', component: () => import('./portal/ObjectionTrack.vue'), meta: { title: '审查建议办理进度' } },
        { path: 'normative/objection-track/:code', name: 'portal-norm-objection-track-code', component: () => import('./portal/ObjectionTrack.vue'), meta: { title: '审查建议办理进度' } },
        { path: 'normative/objections', name: 'portal-norm-objections', component: () => import('./portal/Objections.vue'), meta: { title: '审查建议办理结果' } },
        { path: 'normative/cleanup', name: 'portal-norm-cleanup', component: () => import('./portal/CampaignResults.vue'), meta: { title: '规范性文件清理结果' } },
      ],
    },
  ],
  menu: [
    // ---- drafting ----
    { group, path: '/app/normative/plans', label: '制定计划', test: 'menu-norm-plans', order: 1, api: 'GET /api/normative/plans' },
    { group, path: '/app/normative/drafts', label: '起草与审核', test: 'menu-norm-drafts', order: 2, api: 'GET /api/normative/drafts' },
    { group, path: '/app/normative/drafts/new', label: '新建草案', test: 'menu-norm-draft-new', order: 3, api: 'POST /api/normative/drafts' },
    // ---- documents after issue ----
    { group, path: '/app/normative/documents', label: '已印发文件', test: 'menu-norm-documents', order: 10, api: 'GET /api/normative/documents' },
    // ---- cleanup campaigns, objections, statistics ----
    { group, path: '/app/normative/campaigns', label: '文件清理', test: 'menu-norm-campaigns', order: 20, api: 'GET /api/normative/campaigns' },
    { group, path: '/app/cases?type=norm_objection', label: '审查建议', test: 'menu-norm-objections', order: 21, api: 'GET /api/normative/objections', when: (user) => seesAllAgencies(user) },
    { group, path: '/app/normative/stats', label: '统计分析', test: 'menu-norm-stats', order: 30, api: 'GET /api/normative/stats' },
  ],
  portal: {
    track: { norm_objection: '/normative/objection-track' },
    nav: [
      {
        label: '规范性文件', to: '/normative/library', test: 'nav-normative', order: 50, section: 'normative',
        children: [
          { label: '规范性文件库', to: '/normative/library', test: 'nav-norm-library' },
          { label: '意见征集', to: '/normative/consultations', test: 'nav-norm-consultations' },
          { label: '意见查询', to: '/normative/comments', test: 'nav-norm-comments' },
          { label: '提出审查建议', to: '/normative/objection', test: 'nav-norm-objection' },
          { label: '审查建议办理结果', to: '/normative/objections', test: 'nav-norm-objections' },
          { label: '文件清理结果', to: '/normative/cleanup', test: 'nav-norm-cleanup' },
        ],
      },
    ],
    brand: {
      title: '行政规范性文件',
      sub: '公开征求意见 · 统一登记 · 统一编号 · 统一发布',
      footer: '制定机关：{government}　依据国务院办公厅《关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）。公民、法人或者其他组织认为规范性文件违法的，可以提出审查建议。',
    },
  },
  casePanels: {
    // ---- drafting: the draft's whole chain on the case page ----
    norm_doc: () => import('./DraftPanel.vue'),
    norm_objection: () => import('./ObjectionPanel.vue'),
  },
  caseLists: {
    norm_doc: { page: '规范性文件制定', list: '草案列表', register: { path: '/app/normative/drafts/new', label: '新建草案', api: 'POST /api/normative/drafts' } },
    norm_objection: { page: '审查建议', list: '审查建议列表' },
  },
}
