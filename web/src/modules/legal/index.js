// 法律事务: the county's government contracts (registration, legality review through the shared review
// queue, signing after a passed review, the register, performance milestones, disputes), the other
// legal matters agencies refer to the legal office (涉法事务: assigned, answered with an opinion
// letter on a clock), and the legal advisers (法律顾问 / 公职律师: register, engagements, and the
// opinions they give on any case — the case section below, on every case's page).
import { Briefcase } from '@element-plus/icons-vue'
import api from '../../api.js'
import { API } from './legal.js'

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
    { path: 'legal/contracts/disputes', name: 'legal-disputes', component: () => import('./staff/Disputes.vue'), meta: { title: '合同争议', crumbs: under('合同登记簿', '/app/legal/contracts') } },
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
  actionForms: {
    // 分办承办人员: the legal office's staff, with the matters each has open.
    'legal_matter.assign': {
      on: 'handler_id',
      shows: () => true,
      needs: (name) => name === 'handler_id',
      hints: { handler_id: '承办人员为法制机构在岗的工作人员；括号内为其正在办理的涉法事务件数。' },
      choices: {
        handler_id: () => api.get(API.handlers).then((r) => (r.handlers || r.items || []).map((o) => ({
          value: o.user_id, label: `${o.name}（${o.role_label || ''}${o.role_label ? '，' : ''}在办 ${o.open_matters ?? o.open ?? 0} 件）`,
        }))),
      },
    },
    // 批准延长办理期限: within the county's maximum (setting).
    'legal_matter.extend': {
      on: 'days',
      shows: () => true,
      needs: (name) => name === 'days' || name === 'reason',
      hints: { days: '延长连同已延长的不超过设置项“涉法事务最长延长期限”（默认 10 个工作日）；期限届满后不能再延长。' },
    },
    // 登记签订: only after the legality review passed the contract.
    'legal_contract.sign': {
      on: 'signed_amount',
      shows: () => true,
      needs: (name) => name === 'signed_on' || name === 'signed_amount',
      hints: { signed_amount: '签订金额以元为单位，不得超过经合法性审核的合同金额（超过的，应当重新送审）；与登记金额不一致的，在签订说明中写明原因。' },
    },
  },
  // On every case's page, whatever its type: the legal advisers' opinions on the case.
  caseSections: [
    { key: 'legal-adviser-opinions', order: 50, component: () => import('./AdviserOpinions.vue') },
  ],
}
