// 法律事务: the county's government contracts (registration, legality review through the shared review
// queue, signing after a passed review, the register, performance milestones, disputes), the other
// legal matters agencies refer to the legal office (涉法事务: assigned, answered with an opinion
// letter on a clock), and the legal advisers (法律顾问 / 公职律师: register, engagements, and the
// opinions they give on any case — the case section below, on every case's page).
import { Briefcase } from '@element-plus/icons-vue'

const group = { key: 'legal', label: '法律事务', icon: Briefcase, order: 57 }
const crumbs = [{ title: '法律事务' }]
const under = (title, to) => [...crumbs, { title, to }]

export default {
  name: 'legal',
  label: '法律事务',
  order: 57,
  staffRoutes: [
    // ---- government contracts ----
    { path: 'legal/contracts', name: 'legal-contracts', component: () => import('./staff/Contracts.vue'), meta: { title: '合同登记簿', crumbs } },
    { path: 'legal/contracts/new', name: 'legal-contract-new', component: () => import('./staff/ContractNew.vue'), meta: { title: '登记合同', crumbs: under('合同登记簿', '/app/legal/contracts') } },
    // ---- other legal matters ----
    { path: 'legal/matters', name: 'legal-matters', component: () => import('./staff/Matters.vue'), meta: { title: '涉法事务', crumbs } },
    { path: 'legal/matters/new', name: 'legal-matter-new', component: () => import('./staff/MatterNew.vue'), meta: { title: '提交涉法事务', crumbs: under('涉法事务', '/app/legal/matters') } },
    // ---- legal advisers, statistics ----
    { path: 'legal/advisers', name: 'legal-advisers', component: () => import('./staff/Advisers.vue'), meta: { title: '法律顾问', crumbs } },
    { path: 'legal/advisers/engagements', name: 'legal-engagements', component: () => import('./staff/Engagements.vue'), meta: { title: '法律顾问聘用情况', crumbs: under('法律顾问', '/app/legal/advisers') } },
    { path: 'legal/advisers/opinions', name: 'legal-opinions', component: () => import('./staff/Opinions.vue'), meta: { title: '法律顾问意见与列席会议', crumbs: under('法律顾问', '/app/legal/advisers') } },
    { path: 'legal/stats', name: 'legal-stats', component: () => import('./staff/Stats.vue'), meta: { title: '法律事务统计', crumbs } },
  ],
  menu: [
    { group, path: '/app/legal/contracts', label: '合同登记簿', test: 'menu-legal-contracts', order: 1, api: 'GET /api/legal/contracts' },
    { group, path: '/app/legal/matters', label: '涉法事务', test: 'menu-legal-matters', order: 2, api: 'GET /api/legal/matters' },
    { group, path: '/app/legal/advisers', label: '法律顾问', test: 'menu-legal-advisers', order: 3, api: 'GET /api/legal/advisers' },
    { group, path: '/app/legal/stats', label: '统计分析', test: 'menu-legal-stats', order: 4, api: 'GET /api/legal/stats' },
  ],
  casePanels: {
    legal_contract: () => import('./ContractPanel.vue'),
    legal_matter: () => import('./MatterPanel.vue'),
  },
  caseLists: {
    legal_contract: { page: '政府合同', list: '合同列表', register: { path: '/app/legal/contracts/new', label: '登记合同', api: 'POST /api/legal/contracts' } },
    legal_matter: { page: '涉法事务', list: '涉法事务列表', register: { path: '/app/legal/matters/new', label: '提交涉法事务', api: 'POST /api/legal/matters' } },
  },
  // On every case's page, whatever its type: the legal advisers' opinions on the case.
  caseSections: [
    { key: 'legal-adviser-opinions', order: 50, component: () => import('./AdviserOpinions.vue') },
  ],
}
