// 县长信箱 (the county head's mailbox): residents write, the legal office assigns, agencies reply.
// The portal's home page is this module's: its brand heads pages of no module.
import { Message } from '@element-plus/icons-vue'
import HomeCard from './portal/HomeCard.vue'
import { interact } from '../../portalGroups.js'

const group = { key: 'mailbox', label: '县长信箱', icon: Message, order: 10 }
const section = { section: 'mailbox' }

export default {
  name: 'mailbox',
  label: '县长信箱',
  order: 10,
  staffRoutes: [
    { path: 'mailbox/stats', name: 'mailbox-stats', component: () => import('./staff/Stats.vue'), meta: { title: '县长信箱统计', crumbs: [{ title: '县长信箱' }] } },
  ],
  portalRoutes: [
    { path: 'mailbox', name: 'portal-mailbox', component: () => import('./portal/Mailbox.vue'), meta: { title: '我要写信', ...section } },
    { path: 'track', name: 'portal-track', component: () => import('./portal/Track.vue'), meta: { title: '查询办理进度', ...section } },
    { path: 'track/:code', name: 'portal-track-code', component: () => import('./portal/Track.vue'), meta: { title: '查询办理进度', ...section } },
    { path: 'replies', name: 'portal-replies', component: () => import('./portal/Replies.vue'), meta: { title: '公开答复', ...section } },
  ],
  menu: [
    { group, path: '/app/cases?type=mailbox', label: '来信办理', test: 'menu-mailbox-cases', order: 1, api: 'GET /api/cases' },
    { group, path: '/app/mailbox/stats', label: '统计分析', test: 'menu-mailbox-stats', order: 2, api: 'GET /api/mailbox/stats' },
  ],
  portal: {
    // the page that tracks this procedure's codes (the portal's one tracking box opens it)
    track: { mailbox: '/track' },
    nav: [
      // Writing and the published replies are lines of the shared 政民互动 drop-down, beside the other
      // channels of the public; tracking stays an entry of its own: it finds every procedure's code.
      { group: interact, label: '县长信箱', to: '/mailbox', test: 'nav-mailbox-write', order: 10, names: ['portal-mailbox'] },
      { group: interact, label: '信箱公开答复', to: '/replies', test: 'nav-replies', order: 11, names: ['portal-replies'] },
      { label: '查询办理进度', to: '/track', test: 'nav-track', order: 11, names: ['portal-track', 'portal-track-code'] },
    ],
    home: { order: 10, component: HomeCard },
    brand: {
      home: true,
      title: '县长信箱',
      sub: '倾听民声 · 汇聚民智 · 解决民忧',
      footer: '来信请如实反映情况，不得捏造、歪曲事实，不得诬告、陷害他人。',
    },
  },
  casePanels: {
    mailbox: () => import('./CasePanel.vue'),
  },
  caseLists: {
    mailbox: { page: '来信办理', list: '来信列表' },
  },
}
