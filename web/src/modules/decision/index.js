// 重大行政决策 (重大行政决策程序暂行条例, 2019): the yearly catalogue of decision items (第3条), each
// decision through its ordered steps on its case page (决策启动 → 公众参与 → 专家论证 → 风险评估 →
// 合法性审查 → 集体讨论决定 → 决策公布 → 归档, then execution and 决策后评估), the executive meetings
// that decide (with 会前学法), the statistics, and on the portal the catalogue, the comment pages and
// the published decisions.
import { Flag } from '@element-plus/icons-vue'
import api from '../../api.js'
import HomeCard from './portal/HomeCard.vue'
import { API, isGov } from './decision.js'
import { seesAllAgencies } from '../../session.js'

// The form of a decision step taken at a meeting: the meeting is a choice from the register (the
// latest first), with the rule of 第三十条 under it.
function meetingForm() {
  return {
    on: 'meeting_id',
    shows: () => true,
    needs: (name) => name === 'meeting_id',
    hints: { meeting_id: '决策应当经政府常务会议或者全体会议讨论，由行政首长在集体讨论的基础上作出决定（第三十条）；会议须先在“常务会议”中登记，会议发言须先记录（行政首长最后发表意见）。' },
    choices: {
      meeting_id: () => api.get(API.meetings, { per_page: 100, sort: '-held_on' }).then((r) => (r.items || []).map((m) => ({
        value: m.meeting_id, label: `${m.title}（${m.held_on}）`,
      }))),
    },
  }
}

const group = { key: 'decision', label: '重大行政决策', icon: Flag, order: 52 }
const crumbs = [{ title: '重大行政决策' }]

export default {
  name: 'decision',
  label: '重大行政决策',
  order: 52,
  staffRoutes: [
    // ---- the catalogue, the decisions, the meetings, statistics ----
    { path: 'decision/catalogue', name: 'dec-catalogue', component: () => import('./staff/Catalogue.vue'), meta: { title: '决策事项目录', crumbs } },
    { path: 'decision/decisions', name: 'dec-decisions', component: () => import('./staff/Decisions.vue'), meta: { title: '决策列表', crumbs } },
    { path: 'decision/meetings', name: 'dec-meetings', component: () => import('./staff/Meetings.vue'), meta: { title: '常务会议', crumbs } },
    { path: 'decision/comments', name: 'dec-comments', component: () => import('./staff/Comments.vue'), meta: { title: '决策草案公众意见', crumbs } },
    { path: 'decision/stats', name: 'dec-stats', component: () => import('./staff/Stats.vue'), meta: { title: '重大行政决策统计', crumbs } },
  ],
  portalRoutes: [
    {
      // 重大行政决策 on the portal: one section, a tab for each part (portal/Section.vue).
      path: '',
      component: () => import('./portal/Section.vue'),
      meta: { section: 'decision' },
      children: [
        { path: 'decision/catalogue', name: 'dec-pub-catalogue', component: () => import('./portal/Catalogue.vue'), meta: { title: '决策事项目录' } },
        { path: 'decision/consultations', name: 'dec-pub-consultations', component: () => import('./portal/Consultations.vue'), meta: { title: '决策草案征求意见' } },
        { path: 'decision/consultations/:id', name: 'dec-pub-consultation', component: () => import('./portal/Consultation.vue'), meta: { title: '决策草案征求意见' } },
        { path: 'decision/comments/:code?', name: 'dec-pub-comment', component: () => import('./portal/CommentTrack.vue'), meta: { title: '意见查询' } },
        { path: 'decision/decisions', name: 'dec-pub-decisions', component: () => import('./portal/Decisions.vue'), meta: { title: '决策公布' } },
        { path: 'decision/decisions/:id', name: 'dec-pub-decision', component: () => import('./portal/Decision.vue'), meta: { title: '决策公布' } },
      ],
    },
  ],
  menu: [
    { group, path: '/app/decision/catalogue', label: '决策事项目录', test: 'menu-dec-catalogue', order: 1, api: `GET ${API.catalogue}` },
    { group, path: '/app/decision/decisions', label: '决策列表', test: 'menu-dec-decisions', order: 2, api: `GET ${API.decisions}` },
    // The meetings are the government's register: its staff, the legal office and the leaders.
    { group, path: '/app/decision/meetings', label: '常务会议', test: 'menu-dec-meetings', order: 3, api: `GET ${API.meetings}`,
      when: (user) => seesAllAgencies(user) || isGov(user) },
    { group, path: '/app/decision/comments', label: '公众意见', test: 'menu-dec-comments', order: 4, api: `GET ${API.comments}` },
    { group, path: '/app/decision/stats', label: '统计分析', test: 'menu-dec-stats', order: 5, api: `GET ${API.stats}` },
  ],
  portal: {
    nav: [
      {
        label: '重大决策', to: '/decision/catalogue', test: 'nav-decision', order: 55, section: 'decision',
        children: [
          { label: '决策事项目录', to: '/decision/catalogue', test: 'nav-dec-catalogue' },
          { label: '征求意见', to: '/decision/consultations', test: 'nav-dec-consultations' },
          { label: '意见查询', to: '/decision/comments', test: 'nav-dec-comments' },
          { label: '决策公布', to: '/decision/decisions', test: 'nav-dec-decisions' },
        ],
      },
    ],
    home: { order: 45, component: HomeCard },
    brand: {
      title: '重大行政决策',
      sub: '公众参与 · 专家论证 · 风险评估 · 合法性审查 · 集体讨论决定',
      footer: '决策机关：{government}　依据《重大行政决策程序暂行条例》（国务院令第713号）。决策草案公开征求意见的期限一般不少于30日。',
    },
  },
  casePanels: {
    major_decision: () => import('./CasePanel.vue'),
  },
  caseLists: {
    major_decision: { page: '重大行政决策', list: '决策列表' },
  },
  actionForms: {
    // 集体讨论决定 (通过, 不予通过, 暂缓): the meeting is picked from the government's register.
    'major_decision.decide': meetingForm(),
    'major_decision.decide_reject': meetingForm(),
    'major_decision.decide_defer': meetingForm(),
  },
}
