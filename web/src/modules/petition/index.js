// 信访 (信访工作条例, 2022): the petitions the county's petition office and the townships register
// (来访, 来信, 电话, 网上信访, 12345 热线, 县长信箱转入), routed to the handling agency, accepted, answered with a
// written opinion, then 复查 and 复核; the staff list, the registration, the 12345 import, the
// statistics, and on the portal 网上信访 and its tracking with the petitioner's rating. A letter of the
// county head's mailbox can be turned into a petition from its case page (the case section below).
import { ChatDotSquare } from '@element-plus/icons-vue'
import HomeCard from './portal/HomeCard.vue'
import { interact } from '../../portalGroups.js'
import { API } from './petition.js'

const group = { key: 'petition', label: '信访工作', icon: ChatDotSquare, order: 12 }
const crumbs = [{ title: '信访工作' }]
const under = (title, to) => [...crumbs, { title, to }]
const section = { section: 'petition' }

function opinionForm(hint) {
  return {
    on: 'outcome',
    shows: () => true,
    needs: (name) => name === 'outcome' || name === 'opinion',
    hints: { opinion: hint },
  }
}

export default {
  name: 'petition',
  label: '信访工作',
  order: 12,
  staffRoutes: [
    { path: 'petition/list', name: 'petition-list', component: () => import('./staff/Petitions.vue'), meta: { title: '信访事项', crumbs } },
    { path: 'petition/new', name: 'petition-new', component: () => import('./staff/Register.vue'), meta: { title: '信访登记', crumbs: under('信访事项', '/app/petition/list') } },
    { path: 'petition/import', name: 'petition-import', component: () => import('./staff/Import.vue'), meta: { title: '12345 热线工单导入', crumbs: under('信访事项', '/app/petition/list') } },
    { path: 'petition/stats', name: 'petition-stats', component: () => import('./staff/Stats.vue'), meta: { title: '信访统计', crumbs } },
  ],
  portalRoutes: [
    { path: 'petition', name: 'portal-petition', component: () => import('./portal/Submit.vue'), meta: { title: '网上信访', ...section } },
    { path: 'petition/track', name: 'portal-petition-track', component: () => import('./portal/Track.vue'), meta: { title: '信访查询', ...section } },
    { path: 'petition/track/:code', name: 'portal-petition-track-code', component: () => import('./portal/Track.vue'), meta: { title: '信访查询', ...section } },
  ],
  menu: [
    { group, path: '/app/petition/list', label: '信访事项', test: 'menu-petition-list', order: 1, api: `GET ${API.list}` },
    { group, path: '/app/petition/new', label: '信访登记', test: 'menu-petition-new', order: 2, api: `POST ${API.register}` },
    { group, path: '/app/petition/import', label: '12345 工单导入', test: 'menu-petition-import', order: 3, api: `POST ${API.import}` },
    { group, path: '/app/petition/stats', label: '统计分析', test: 'menu-petition-stats', order: 4, api: `GET ${API.stats}` },
  ],
  portal: {
    // the page that tracks this procedure's codes (the portal's one tracking box opens it)
    track: { petition: '/petition/track' },
    nav: [
      { group: interact, label: '网上信访', to: '/petition', test: 'nav-petition', order: 20, names: ['portal-petition'] },
      { group: interact, label: '信访查询', to: '/petition/track', test: 'nav-petition-track', order: 21, names: ['portal-petition-track', 'portal-petition-track-code'] },
    ],
    home: { order: 12, component: HomeCard },
    brand: {
      title: '网上信访',
      sub: '依法逐级 · 及时就地 · 件件有回音',
      footer: '依据《信访工作条例》（2022年）。信访人应当如实反映情况，不得捏造、歪曲事实；信访人的个人信息依法保密，不在网站公开。',
    },
  },
  casePanels: {
    petition: () => import('./CasePanel.vue'),
  },
  caseLists: {
    petition: { page: '信访事项', list: '信访事项列表', register: { path: '/app/petition/new', label: '信访登记', api: `POST ${API.register}` } },
  },
  actionForms: {
    // 转送交办: the handling agency is a department or a township; how (转送 or 交办) decides the wording.
    'petition.route': {
      on: 'route_kind',
      shows: () => true,
      needs: (name) => name === 'agency_id' || name === 'route_kind',
      hints: {
        agency_id: '按照“属地管理、分级负责，谁主管、谁负责”的原则，转送或者交办有权处理的机关（第二十二条）；办理机关收到后 15 日内告知信访人是否受理，认为不属于其职责的可在异议期限内提出。',
        route_kind: '转送：转请有权处理的机关办理；交办：上级机关交由下级机关办理并要求报告结果。',
      },
    },
    // 延长办理期限: once, at most 30 days, the reason told to the petitioner.
    'petition.extend': {
      on: 'days',
      shows: () => true,
      needs: (name) => name === 'days' || name === 'reason',
      hints: {
        days: '情况复杂的，经本机关负责人批准可以适当延长办理期限，延长期限不得超过 30 日（第三十四条）；只能延长一次，须在办理期限届满前批准。',
        reason: '延期理由将告知信访人，并在门户网站的信访查询页面显示。',
      },
    },
    'petition.reply': opinionForm('处理意见分为支持（请求事实清楚、符合规定的）、解释说明（请求有道理但缺乏依据的）、不予支持（请求缺乏事实根据或者不符合规定的）（第三十二条）；意见书载明信访人可以自收到之日起 30 日内请求复查。处理意见在门户网站的信访查询页面向信访人显示。'),
    'petition.review_opinion': opinionForm('复查机关自收到复查请求之日起 30 日内提出复查意见（第三十五条）；信访人不服的，可以自收到复查意见之日起 30 日内请求复核。'),
    'petition.recheck_opinion': opinionForm('复核意见为最终意见（第三十六条）：信访人仍以同一事实和理由提出投诉请求的，不再受理。'),
    // 听证: the 复核 period stops while it runs (第三十六条).
    'petition.hearing_start': {
      on: 'note',
      shows: () => true,
      needs: (name) => name === 'note',
      hints: { note: '复核机关可以举行听证；听证所需时间不计算在复核期限内（第三十六条）。写明听证的时间、地点和参加人员。' },
    },
    'petition.reopen': {
      on: 'reason',
      shows: () => true,
      needs: (name) => name === 'reason',
      hints: { reason: '信访人对处理结果不满意的，可以决定重新办理；办理期限自决定之日起重新计算。' },
    },
  },
  // On a letter of the county head's mailbox: 转为信访事项 (for the roles the server allows).
  caseSections: [
    { key: 'petition-from-mailbox', order: 40, component: () => import('./MailboxConvert.vue') },
  ],
}
