// 建议提案 (人大代表建议 · 政协委员提案; 代表法 第五十一条): the sessions of the people's congress and
// the CPPCC, their items registered one by one or imported from Excel, each item assigned to a lead
// agency with co-handlers and answered within 3 months of assignment (6 for difficult ones), the
// author's feedback and re-handling, the statistics, and on the portal the published replies
// (never the authors' names).
import { Tickets } from '@element-plus/icons-vue'
import { interact } from '../../portalGroups.js'
import { API } from './proposal.js'
import { getAgencies } from '../../session.js'

const group = { key: 'proposal', label: '建议提案', icon: Tickets, order: 58 }
const crumbs = [{ title: '建议提案' }]
const section = { section: 'proposal' }

// The co-handlers still owing their opinion: the only agencies the lead may excuse (waive).
const outstanding = (fields) => (fields.cohandlers || []).filter((h) => !h.answered_on && !h.waived_reason)
  .map((h) => ({ value: h.agency_id, label: h.agency_name }))
const waiveForm = {
  on: 'agency_id',
  shows: () => true,
  needs: (name) => name === 'agency_id' || name === 'reason',
  hints: { reason: '协办单位逾期未提出意见的，由主办单位记录催办情况和原因后方可答复代表委员。' },
  options: (name, fields) => (name === 'agency_id' ? outstanding(fields) : null),
}
const RESULT_HINT = {
  A: 'A类：所提问题已经解决或者建议已被采纳，写明采取的措施和取得的效果。',
  B: 'B类：正在解决或已列入计划解决，写明计划安排和完成时限。',
  C: 'C类：因条件限制或其他原因暂时不能解决，写明原因并做好解释说明。',
}

export default {
  name: 'proposal',
  label: '建议提案',
  order: 58,
  staffRoutes: [
    { path: 'proposal/items', name: 'prop-items', component: () => import('./staff/Items.vue'), meta: { title: '建议提案列表', crumbs } },
    { path: 'proposal/items/new', name: 'prop-new', component: () => import('./staff/ItemNew.vue'), meta: { title: '登记建议提案', crumbs } },
    { path: 'proposal/import', name: 'prop-import', component: () => import('./staff/Import.vue'), meta: { title: '导入建议提案', crumbs } },
    { path: 'proposal/sessions', name: 'prop-sessions', component: () => import('./staff/Sessions.vue'), meta: { title: '会次', crumbs } },
    { path: 'proposal/stats', name: 'prop-stats', component: () => import('./staff/Stats.vue'), meta: { title: '建议提案统计', crumbs } },
  ],
  portalRoutes: [
    { path: 'proposals', name: 'prop-pub-list', component: () => import('./portal/Replies.vue'), meta: { title: '建议提案答复', ...section } },
    { path: 'proposals/:id', name: 'prop-pub-one', component: () => import('./portal/Reply.vue'), meta: { title: '建议提案答复', ...section } },
  ],
  menu: [
    { group, path: '/app/proposal/items', label: '建议提案办理', test: 'menu-prop-items', order: 1, api: `GET ${API.items}` },
    { group, path: '/app/proposal/items/new', label: '登记建议提案', test: 'menu-prop-new', order: 2, api: `POST ${API.items}` },
    { group, path: '/app/proposal/import', label: '导入建议提案', test: 'menu-prop-import', order: 3, api: `POST ${API.import}` },
    { group, path: '/app/proposal/sessions', label: '会次', test: 'menu-prop-sessions', order: 4, api: `POST ${API.sessions}` },
    { group, path: '/app/proposal/stats', label: '统计分析', test: 'menu-prop-stats', order: 5, api: `GET ${API.stats}` },
  ],
  portal: {
    nav: [
      { group: interact, label: '建议提案答复', to: '/proposals', test: 'nav-proposals', order: 30, names: ['prop-pub-list', 'prop-pub-one'] },
    ],
    brand: {
      title: '建议提案办理公开',
      sub: '人大代表建议 · 政协委员提案 答复公开',
      footer: '办理机关：{government}　依据《全国人民代表大会和地方各级人民代表大会代表法》第五十一条。公开内容不含代表委员个人信息。',
    },
  },
  casePanels: {
    proposal: () => import('./CasePanel.vue'),
  },
  caseLists: {
    proposal: { page: '建议提案', list: '建议提案列表', register: { path: '/app/proposal/items/new', label: '登记建议提案', api: `POST ${API.items}` } },
  },
  actionForms: {
    // 交办: the lead (主办) is required; the co-handlers (协办) are optional; the period follows 难度大.
    'proposal.assign': {
      on: 'difficult',
      shows: () => true,
      needs: (name) => name === 'agency_id',
      hints: {
        agency_id: '协办单位可选多个（最多 10 个，不含主办单位），各自在交办之日起 30 日内提出协办意见；意见均提交或由主办单位说明原因后方可答复。',
      },
      // 协办单位: any agencies, sent as their ids joined by 、 (the API's form).
      multiple: { cohandlers: '、' },
      choices: {
        cohandlers: () => getAgencies().then((list) => list.map((a) => ({ value: String(a.agency_id), label: a.name }))),
      },
    },
    'proposal.waive': waiveForm,
    'proposal.waive_last': waiveForm,
    // 记录沟通: answering needs a contact with the author in this round.
    'proposal.contact': {
      on: 'way',
      shows: () => true,
      needs: (name) => ['contact_on', 'way', 'summary'].includes(name),
      hints: { summary: '答复前应当与代表委员沟通（见面、走访、电话或书面），记录沟通的时间、方式和代表委员的意见。' },
    },
    // 答复: the result category decides what the reply must say.
    'proposal.reply': {
      on: 'result',
      shows: (name, result) => name !== 'reply_text' || !!result,
      needs: (name) => name === 'result' || name === 'reply_text',
      hints: { reply_text: Object.values(RESULT_HINT).join('') },
    },
    'proposal.feedback': {
      on: 'rating',
      shows: () => true,
      needs: (name) => name === 'rating',
      hints: { rating: '代表委员不满意的，请用“代表委员不满意，重新办理”：主办单位重新办理并再次答复。' },
    },
    'proposal.dissatisfied': {
      on: 'comment',
      shows: () => true,
      needs: (name) => name === 'comment',
      hints: { comment: '重新办理自今日起计算期限（设置项“不满意后重新办理期限”，默认一个月），答复前须再次与代表委员沟通。' },
    },
  },
}
