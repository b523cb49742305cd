// 行政复议与应诉: applications for administrative reconsideration (行政复议法 2023) decided by the
// county government, and the lawsuits its agencies answer in court (行政诉讼法).
import { Stamp } from '@element-plus/icons-vue'
import HomeCard from './portal/HomeCard.vue'

const group = { key: 'recon', label: '行政复议与应诉', icon: Stamp, order: 30 }
const crumbs = [{ title: '行政复议与应诉' }]

export default {
  name: 'reconsideration',
  label: '行政复议与应诉',
  order: 30,
  staffRoutes: [
    { path: 'reconsideration', name: 'recon-cases', component: () => import('./staff/CaseList.vue'), props: { caseType: 'reconsideration' }, meta: { title: '复议案件', crumbs } },
    { path: 'reconsideration/register', name: 'recon-register', component: () => import('./staff/Register.vue'), meta: { title: '登记复议申请', crumbs } },
    { path: 'litigation', name: 'lit-cases', component: () => import('./staff/CaseList.vue'), props: { caseType: 'litigation' }, meta: { title: '应诉案件', crumbs } },
    { path: 'litigation/register', name: 'lit-register', component: () => import('./staff/LitigationRegister.vue'), meta: { title: '登记应诉案件', crumbs } },
    { path: 'reconsideration/stats', name: 'recon-stats', component: () => import('./staff/Stats.vue'), meta: { title: '复议应诉统计', crumbs } },
  ],
  portalRoutes: [
    {
      path: 'reconsideration',
      component: () => import('./portal/Section.vue'),
      meta: { section: 'reconsideration' },
      children: [
        { path: '', name: 'recon-apply', component: () => import('./portal/Apply.vue'), meta: { title: '申请行政复议' } },
        { path: 'track', name: 'recon-track', component: () => import('./portal/Track.vue'), meta: { title: '申请办理查询' } },
        { path: 'track/:code', name: 'recon-track-code', component: () => import('./portal/Track.vue'), meta: { title: '申请办理查询' } },
      ],
    },
  ],
  menu: [
    // Reconsideration cases belong to the legal office; an agency sees those it is the respondent in (第48条).
    { group, path: '/app/reconsideration', label: '复议案件', test: 'menu-recon-cases', order: 1, api: 'GET /api/reconsideration/cases' },
    { group, path: '/app/reconsideration/register', label: '登记复议申请', test: 'menu-recon-register', order: 2, api: 'POST /api/reconsideration/cases' },
    { group, path: '/app/litigation', label: '应诉案件', test: 'menu-lit-cases', order: 3, api: 'GET /api/litigation/cases' },
    { group, path: '/app/litigation/register', label: '登记应诉案件', test: 'menu-lit-register', order: 4, api: 'POST /api/litigation/cases' },
    { group, path: '/app/reconsideration/stats', label: '统计分析', test: 'menu-recon-stats', order: 5, api: 'GET /api/reconsideration/stats' },
  ],
  portal: {
    // the page that tracks this procedure's codes (the portal's one tracking box opens it)
    track: { reconsideration: '/reconsideration/track' },
    nav: [
      {
        label: '行政复议', to: '/reconsideration', test: 'nav-recon', order: 30, section: 'reconsideration',
        children: [
          { label: '申请行政复议', to: '/reconsideration', test: 'nav-recon-apply' },
          { label: '申请办理查询', to: '/reconsideration/track', test: 'nav-recon-track' },
        ],
      },
    ],
    home: { order: 30, component: HomeCard },
    brand: {
      title: '行政复议',
      sub: '依法化解行政争议 · 监督行政机关依法行使职权',
      footer: '行政复议机关：{government}　行政复议机构：{county}司法局　依据《中华人民共和国行政复议法》',
    },
  },
  casePanels: {
    reconsideration: () => import('./CasePanel.vue'),
    litigation: () => import('./CasePanel.vue'),
  },
  caseLists: {
    // A lawsuit's states are long (二审审理中…): the generic list gives the column more room.
    litigation: { stateWidth: 124 },
  },
  actionForms: {
    // 受理 (行政复议法 第三十条): the simplified procedure needs one of the grounds of 第五十三条;
    // an application after the 60 days of 第二十条 needs the reason it is accepted all the same.
    'reconsideration.accept': {
      on: 'procedure',
      shows: (name, v, f) => (name === 'simplified_ground' ? v === 'simplified' : name === 'late_reason' ? !!f.late : true),
      needs: (name, v, f) => (name === 'simplified_ground' && v === 'simplified') || (name === 'late_reason' && !!f.late && !f.late_reason),
      hints: {
        simplified_ground: '事实清楚、权利义务关系明确、争议不大，且属于第五十三条所列情形之一的，可以适用简易程序。',
        late_reason: '该申请超过了第二十条规定的 60 日申请期限，受理的须有正当理由（如不可抗力）；申请人已陈述理由的可不填，填写则以此为准。',
      },
    },
    // 出庭应诉 (行政诉讼法 第三条): when neither the head nor a deputy appears, say why.
    'litigation.record_hearing': {
      on: 'post',
      shows: (name, v) => name !== 'reason' || v === 'staff',
      needs: (name, v) => name === 'reason' && v === 'staff',
      hints: { reason: '行政机关负责人不能出庭的，应当委托相应的工作人员出庭，并写明负责人不能出庭的原因；不得仅委托律师出庭。' },
    },
  },
}
