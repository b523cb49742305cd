// 行政规范性文件: a document's whole life — the yearly drafting plan, the draft with public comment
// and the automatic pre-check, the legality review by the legal office, deliberation, 三统一 issue
// and filing, then validity, versions, cleanup and objections — and what the portal publishes of it.
// Each part keeps its entries together under its heading below (routes, menu, portal, panels).
import { Files } from '@element-plus/icons-vue'

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
  ],
  portalRoutes: [
    {
      // 规范性文件 on the portal: public comment on drafts (意见征集).
      path: '',
      component: () => import('./portal/Section.vue'),
      meta: { section: 'normative' },
      children: [
        // ---- public comment ----
        { path: 'normative/consultations', name: 'norm-pub-consultations', component: () => import('./portal/Consultations.vue'), meta: { title: '意见征集' } },
        { path: 'normative/consultations/:id', name: 'norm-pub-consultation', component: () => import('./portal/Consultation.vue'), meta: { title: '意见征集' } },
        { path: 'normative/comments/:code?', name: 'norm-pub-comment', component: () => import('./portal/CommentTrack.vue'), meta: { title: '意见查询' } },
      ],
    },
  ],
  menu: [
    // ---- drafting ----
    { group, path: '/app/normative/plans', label: '制定计划', test: 'menu-norm-plans', order: 1, api: 'GET /api/normative/plans' },
    { group, path: '/app/normative/drafts', label: '起草与审核', test: 'menu-norm-drafts', order: 2, api: 'GET /api/normative/drafts' },
    { group, path: '/app/normative/drafts/new', label: '新建草案', test: 'menu-norm-draft-new', order: 3, api: 'POST /api/normative/drafts' },
  ],
  portal: {
    nav: [
      {
        label: '规范性文件', to: '/normative/consultations', test: 'nav-norm', order: 50, section: 'normative',
        children: [
          // ---- public comment ----
          { label: '意见征集', to: '/normative/consultations', test: 'nav-norm-consultations' },
          { label: '意见查询', to: '/normative/comments', test: 'nav-norm-comments' },
        ],
      },
    ],
    brand: {
      title: '行政规范性文件',
      sub: '公开征求意见 · 统一登记 · 统一编号 · 统一发布',
      footer: '制定机关：{government}　依据国务院办公厅《关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）',
    },
  },
  casePanels: {
    // ---- drafting: the draft's whole chain on the case page ----
    norm_doc: () => import('./DraftPanel.vue'),
  },
  caseLists: {
    norm_doc: { page: '规范性文件制定', list: '草案列表', register: { path: '/app/normative/drafts/new', label: '新建草案', api: 'POST /api/normative/drafts' } },
  },
}
