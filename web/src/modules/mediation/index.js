// 矛盾纠纷调解 (人民调解法 2010; administrative mediation by the agencies of its fields): the register of
// the townships' and villages' people's mediation committees and their mediators (training, striking
// off), the cases of both kinds — the period clock (第二十六条) and its extension on both parties'
// consent, the agreement (调解协议书, Word), performance, judicial confirmation within 30 days
// (第三十三条) — the statistics, and on the portal the public directory of committees and mediators.
import { ChatLineRound } from '@element-plus/icons-vue'
import { interact } from '../../portalGroups.js'
import { API } from './mediation.js'

const group = { key: 'mediation', label: '矛盾纠纷调解', icon: ChatLineRound, order: 36 }
const crumbs = [{ title: '矛盾纠纷调解' }]
const under = (title, to) => [...crumbs, { title, to }]

export default {
  name: 'mediation',
  label: '矛盾纠纷调解',
  order: 36,
  staffRoutes: [
    { path: 'mediation/committees', name: 'med-committees', component: () => import('./staff/Committees.vue'), meta: { title: '人民调解委员会', crumbs } },
    { path: 'mediation/committees/:id', name: 'med-committee', component: () => import('./staff/Committee.vue'), meta: { title: '调解委员会及调解员', crumbs: under('人民调解委员会', '/app/mediation/committees') } },
    { path: 'mediation/cases', name: 'med-cases', component: () => import('./staff/Cases.vue'), meta: { title: '调解案件', crumbs } },
    { path: 'mediation/cases/new', name: 'med-case-new', component: () => import('./staff/CaseNew.vue'), meta: { title: '受理调解案件', crumbs: under('调解案件', '/app/mediation/cases') } },
    { path: 'mediation/stats', name: 'med-stats', component: () => import('./staff/Stats.vue'), meta: { title: '矛盾纠纷调解统计', crumbs } },
  ],
  portalRoutes: [
    { path: 'mediation', name: 'portal-mediation', component: () => import('./portal/Directory.vue'), meta: { title: '人民调解组织', section: 'mediation' } },
  ],
  menu: [
    { group, path: '/app/mediation/cases', label: '调解案件', test: 'menu-med-cases', order: 1, api: `GET ${API.cases}` },
    { group, path: '/app/mediation/cases/new', label: '受理调解', test: 'menu-med-new', order: 2, api: `POST ${API.cases}` },
    { group, path: '/app/mediation/committees', label: '人民调解委员会', test: 'menu-med-committees', order: 3, api: `GET ${API.committees}` },
    { group, path: '/app/mediation/stats', label: '统计分析', test: 'menu-med-stats', order: 4, api: `GET ${API.stats}` },
  ],
  portal: {
    nav: [
      { group: interact, label: '人民调解组织', to: '/mediation', test: 'nav-mediation', order: 40, names: ['portal-mediation'] },
    ],
    brand: {
      title: '人民调解',
      sub: '依法调解 · 自愿平等 · 就地化解矛盾纠纷',
      footer: '人民调解不收取任何费用（《中华人民共和国人民调解法》第四条）。当事人可以向所在村（社区）或者乡镇（街道）的人民调解委员会申请调解。',
    },
  },
  casePanels: {
    mediation: () => import('./CasePanel.vue'),
  },
  caseLists: {
    mediation: { page: '矛盾纠纷调解', list: '调解案件', register: { path: '/app/mediation/cases/new', label: '受理调解案件', api: `POST ${API.cases}` } },
  },
  actionForms: {
    // 经双方同意延长调解期限: the consent is the decisive input; without it nothing else is asked.
    'mediation.extend': {
      on: 'consent',
      shows: (name, consent) => name === 'consent' || !!consent,
      needs: (name, consent) => name === 'consent' || (!!consent && name === 'days'),
      hints: {
        consent: '调解期限的延长须经双方当事人同意（《人民调解法》第二十六条）；一方不同意的，不能延长，可以终止调解。',
        days: '按自然日计算，连同已延长的天数累计不超过 90 日；延长后的期限届满日在案件页面的期限中显示。',
      },
    },
    // 调解未达成协议: where the parties were told they may go (第二十六条).
    'mediation.fail': {
      on: 'referral',
      shows: () => true,
      needs: (name) => name === 'reason' || name === 'referral',
      hints: { referral: '调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（第二十六条）。' },
    },
    // 记录协议履行情况: a note is asked when the agreement was not (fully) performed.
    'mediation.perform': {
      on: 'performance',
      shows: (name, perf) => name === 'performance' || (name === 'note' && !!perf),
      needs: (name, perf) => name === 'performance' || (name === 'note' && (perf === 'partly' || perf === 'not_done')),
      hints: {
        performance: '人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务（第三十一条）。',
        note: '写明未履行的部分和原因，以及告知当事人的救济途径：经司法确认的，一方拒绝履行或者未全部履行的，对方可以向人民法院申请强制执行（第三十三条）；未经确认的，可以就协议的履行向人民法院提起诉讼（第三十二条）。',
      },
    },
    // 记录司法确认裁定: the ruling decides what else is asked.
    'mediation.confirm_ruling': {
      on: 'ruling',
      shows: (name, ruling) => name === 'ruling' || !!ruling,
      needs: (name, ruling) => name === 'ruling' || (!!ruling && (name === 'ruled_on' || (ruling === 'valid' && name === 'ruling_number'))),
      hints: {
        ruling: '人民法院裁定驳回申请的，当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼（第三十三条第三款）。',
        ruled_on: '裁定日期在申请司法确认之日与今天之间。',
        ruling_number: '人民法院民事裁定书的文号；确认有效的调解协议，一方拒绝履行或者未全部履行的，对方可以向人民法院申请强制执行（第三十三条）。',
      },
    },
  },
}
