// 行政执法: the registries behind administrative enforcement (行政处罚法 第八条、第五十五条) —
// enforcement bodies and their qualification review, the power lists (权责清单), officers and
// their certificates — and what the portal publishes of them.
import { Postcard, Stamp } from '@element-plus/icons-vue'
import HomeCard from './portal/HomeCard.vue'
import { isLegal, benchmarkChoices } from './enforcement.js'
import api from '../../api.js'

// Two groups: who may enforce (bodies, powers, officers, certificates) and the cases they handle.
const group = { key: 'enforcement', label: '执法主体与人员', icon: Postcard, order: 40 }
const cases = { key: 'enforcement-cases', label: '行政执法监督', icon: Stamp, order: 41 }
const crumbs = [{ title: '行政执法' }]
const under = (title, to) => [...crumbs, { title, to }]

export default {
  name: 'enforcement',
  label: '行政执法',
  order: 40,
  staffRoutes: [
    { path: 'enforcement/bodies', name: 'enf-bodies', component: () => import('./staff/Bodies.vue'), meta: { title: '执法主体', crumbs } },
    { path: 'enforcement/bodies/:id', name: 'enf-body', component: () => import('./staff/Body.vue'), meta: { title: '执法主体', crumbs: under('执法主体', '/app/enforcement/bodies') } },
    { path: 'enforcement/powers', name: 'enf-powers', component: () => import('./staff/Powers.vue'), meta: { title: '权责清单', crumbs } },
    { path: 'enforcement/powers/import', name: 'enf-import', component: () => import('./staff/PowerImport.vue'), meta: { title: '导入权责清单', crumbs: under('权责清单', '/app/enforcement/powers') } },
    { path: 'enforcement/powers/counts', name: 'enf-power-counts', component: () => import('./staff/PowerCounts.vue'), meta: { title: '事项分类统计', crumbs: under('权责清单', '/app/enforcement/powers') } },
    { path: 'enforcement/officers', name: 'enf-officers', component: () => import('./staff/Officers.vue'), meta: { title: '执法人员', crumbs } },
    { path: 'enforcement/officers/:id', name: 'enf-officer', component: () => import('./staff/Officer.vue'), meta: { title: '执法人员', crumbs: under('执法人员', '/app/enforcement/officers') } },
    { path: 'enforcement/certificates', name: 'enf-certs', component: () => import('./staff/Certificates.vue'), meta: { title: '执法证件', crumbs } },
    { path: 'enforcement/certificates/batch-exam', name: 'enf-batch-exam', component: () => import('./staff/CertBatch.vue'), props: { mode: 'exam' }, meta: { title: '批量登记考试成绩', crumbs: under('执法证件', '/app/enforcement/certificates') } },
    { path: 'enforcement/certificates/batch-issue', name: 'enf-batch-issue', component: () => import('./staff/CertBatch.vue'), props: { mode: 'issue' }, meta: { title: '批量发证', crumbs: under('执法证件', '/app/enforcement/certificates') } },
    { path: 'enforcement/certificates/:id/card', name: 'enf-cert-card', component: () => import('./staff/CertCard.vue'), meta: { title: '执法证件卡', crumbs: under('执法证件', '/app/enforcement/certificates') } },
    { path: 'enforcement/penalties', name: 'enf-penalties', component: () => import('./staff/Penalties.vue'), meta: { title: '行政处罚案件', crumbs } },
    { path: 'enforcement/penalties/new', name: 'enf-penalty-new', component: () => import('./staff/PenaltyNew.vue'), meta: { title: '行政处罚立案', crumbs: under('行政处罚案件', '/app/enforcement/penalties') } },
    { path: 'enforcement/case-stats', name: 'enf-case-stats', component: () => import('./staff/CaseStats.vue'), meta: { title: '执法案件统计', crumbs } },
    { path: 'enforcement/benchmarks', name: 'enf-benchmarks', component: () => import('./staff/Benchmarks.vue'), meta: { title: '行政处罚裁量基准', crumbs } },
    { path: 'enforcement/benchmarks/import', name: 'enf-bench-import', component: () => import('./staff/BenchmarkImport.vue'), meta: { title: '导入裁量基准', crumbs: under('行政处罚裁量基准', '/app/enforcement/benchmarks') } },
    { path: 'enforcement/reviews', name: 'enf-reviews', component: () => import('./staff/Reviews.vue'), meta: { title: '法制审核', crumbs } },
    { path: 'enforcement/major-filings', name: 'enf-major-filings', component: () => import('./staff/MajorFilings.vue'), meta: { title: '重大行政处罚备案', crumbs } },
    { path: 'enforcement/coercions', name: 'enf-coercions', component: () => import('./staff/Coercions.vue'), meta: { title: '行政强制案件', crumbs } },
    { path: 'enforcement/coercions/new', name: 'enf-coercion-new', component: () => import('./staff/CoercionNew.vue'), meta: { title: '行政强制立案', crumbs: under('行政强制案件', '/app/enforcement/coercions') } },
    { path: 'enforcement/stats', name: 'enf-stats', component: () => import('./staff/Stats.vue'), meta: { title: '行政执法统计', crumbs } },
    { path: 'enforcement/publications', name: 'enf-publications', component: () => import('./staff/Publications.vue'), meta: { title: '执法决定公示情况', crumbs } },
    { path: 'enforcement/inspection-plans', name: 'enf-insp-plans', component: () => import('./staff/InspectionPlans.vue'), meta: { title: '行政检查计划', crumbs } },
    { path: 'enforcement/inspection-plans/:id', name: 'enf-insp-plan', component: () => import('./staff/InspectionPlan.vue'), meta: { title: '行政检查计划', crumbs: under('行政检查计划', '/app/enforcement/inspection-plans') } },
    { path: 'enforcement/inspection-entities', name: 'enf-insp-entities', component: () => import('./staff/InspectionEntities.vue'), meta: { title: '检查对象名录', crumbs } },
    { path: 'enforcement/inspections', name: 'enf-inspections', component: () => import('./staff/InspectionTasks.vue'), meta: { title: '行政检查任务', crumbs } },
  ],
  portalRoutes: [
    {
      // 行政执法公示: certificate lookup (亮证执法; /certificates/{number} is what the QR code opens),
      // the published power lists, the announced bodies and each body's officers.
      path: '',
      component: () => import('./portal/Section.vue'),
      meta: { section: 'enforcement' },
      children: [
        { path: 'certificates', name: 'enf-pub-cert', component: () => import('./portal/CertLookup.vue'), meta: { title: '执法证件查询' } },
        { path: 'certificates/:number', name: 'enf-pub-cert-number', component: () => import('./portal/CertLookup.vue'), meta: { title: '执法证件查询' } },
        { path: 'enforcement/powers', name: 'enf-pub-powers', component: () => import('./portal/Powers.vue'), meta: { title: '权责清单' } },
        { path: 'enforcement/powers/:id', name: 'enf-pub-power', component: () => import('./portal/PowerItem.vue'), meta: { title: '权责事项' } },
        { path: 'enforcement/benchmarks', name: 'enf-pub-benchmarks', component: () => import('./portal/Benchmarks.vue'), meta: { title: '行政处罚裁量基准' } },
        { path: 'enforcement/bodies', name: 'enf-pub-bodies', component: () => import('./portal/Bodies.vue'), meta: { title: '执法主体公告' } },
        { path: 'enforcement/bodies/:id', name: 'enf-pub-body', component: () => import('./portal/Body.vue'), meta: { title: '执法人员公示' } },
        { path: 'enforcement/decisions', name: 'enf-pub-decisions', component: () => import('./portal/Decisions.vue'), meta: { title: '执法决定公示' } },
        { path: 'enforcement/decisions/:id', name: 'enf-pub-decision', component: () => import('./portal/Decision.vue'), meta: { title: '执法决定公示' } },
        { path: 'enforcement/inspections', name: 'enf-pub-inspections', component: () => import('./portal/Inspections.vue'), meta: { title: '随机抽查结果公示' } },
      ],
    },
  ],
  menu: [
    { group, path: '/app/enforcement/bodies', label: '执法主体', test: 'menu-enf-bodies', order: 1, api: 'GET /api/enforcement/bodies' },
    { group, path: '/app/enforcement/powers', label: '权责清单', test: 'menu-enf-powers', order: 2, api: 'GET /api/enforcement/powers' },
    { group, path: '/app/enforcement/powers/import', label: '导入权责清单', test: 'menu-enf-import', order: 3, api: 'POST /api/enforcement/powers/import' },
    { group, path: '/app/enforcement/powers/counts', label: '事项分类统计', test: 'menu-enf-counts', order: 4, api: 'GET /api/enforcement/powers/counts' },
    { group, path: '/app/enforcement/officers', label: '执法人员', test: 'menu-enf-officers', order: 5, api: 'GET /api/enforcement/officers' },
    { group, path: '/app/enforcement/certificates', label: '执法证件', test: 'menu-enf-certs', order: 6, api: 'GET /api/enforcement/certificates' },
    // Any staff role may call the batch routes, but each row is a legal-office transition.
    { group, path: '/app/enforcement/certificates/batch-exam', label: '批量登记成绩', test: 'menu-enf-batch-exam', order: 7, api: 'POST /api/enforcement/certificates/batch/exam', when: isLegal },
    { group, path: '/app/enforcement/certificates/batch-issue', label: '批量发证', test: 'menu-enf-batch-issue', order: 8, api: 'POST /api/enforcement/certificates/batch/issue', when: isLegal },
    { group, path: '/app/enforcement/stats', label: '统计分析', test: 'menu-enf-stats', order: 9, api: 'GET /api/enforcement/stats' },
    { group: cases, path: '/app/enforcement/penalties', label: '行政处罚案件', test: 'menu-enf-penalties', order: 1, api: 'GET /api/enforcement/penalties' },
    { group: cases, path: '/app/enforcement/case-stats', label: '执法案件统计', test: 'menu-enf-case-stats', order: 11, api: 'GET /api/enforcement/case-stats' },
    { group: cases, path: '/app/enforcement/benchmarks', label: '裁量基准', test: 'menu-enf-benchmarks', order: 6, api: 'GET /api/enforcement/benchmarks' },
    { group: cases, path: '/app/enforcement/penalties/new', label: '行政处罚立案', test: 'menu-enf-penalty-new', order: 2, api: 'POST /api/enforcement/penalties' },
    { group: cases, path: '/app/enforcement/reviews', label: '法制审核', test: 'menu-enf-reviews', order: 3, api: 'GET /api/enforcement/reviews' },
    { group: cases, path: '/app/enforcement/major-filings', label: '重大行政处罚备案', test: 'menu-enf-major-filings', order: 4, api: 'GET /api/enforcement/major-filings' },
    { group: cases, path: '/app/enforcement/publications', label: '执法决定公示', test: 'menu-enf-publications', order: 5, api: 'GET /api/enforcement/publications' },
    { group: cases, path: '/app/enforcement/coercions', label: '行政强制案件', test: 'menu-enf-coercions', order: 7, api: 'GET /api/enforcement/coercions' },
    { group: cases, path: '/app/enforcement/inspection-plans', label: '行政检查计划', test: 'menu-enf-insp-plans', order: 8, api: 'GET /api/enforcement/inspection-plans' },
    { group: cases, path: '/app/enforcement/inspections', label: '行政检查任务', test: 'menu-enf-inspections', order: 9, api: 'GET /api/enforcement/inspections' },
    { group: cases, path: '/app/enforcement/inspection-entities', label: '检查对象名录', test: 'menu-enf-insp-entities', order: 10, api: 'GET /api/enforcement/inspection-entities' },
  ],
  portal: {
    nav: [
      {
        label: '执法公示', to: '/certificates', test: 'nav-enf', order: 40, section: 'enforcement',
        children: [
          { label: '执法证件查询', to: '/certificates', test: 'nav-enf-cert' },
          { label: '权责清单', to: '/enforcement/powers', test: 'nav-enf-powers' },
          { label: '执法主体公告', to: '/enforcement/bodies', test: 'nav-enf-bodies' },
          { label: '行政处罚裁量基准', to: '/enforcement/benchmarks', test: 'nav-enf-benchmarks' },
          { label: '执法决定公示', to: '/enforcement/decisions', test: 'nav-enf-decisions' },
          { label: '随机抽查结果', to: '/enforcement/inspections', test: 'nav-enf-inspections' },
        ],
      },
    ],
    home: { order: 40, component: HomeCard },
    brand: {
      title: '行政执法公示',
      sub: '亮证执法 · 权责公开 · 接受社会监督',
      footer: '行政执法监督机构：{county}司法局　依据《中华人民共和国行政处罚法》第八条、第五十五条',
    },
  },
  supervisionCards: [
    { order: 40, component: () => import('./staff/SupervisionCard.vue') },
  ],
  casePanels: {
    enf_body: () => import('./CasePanel.vue'),
    enf_certificate: () => import('./CasePanel.vue'),
    enf_penalty: () => import('./CasePanel.vue'),
    enf_coercion: () => import('./CasePanel.vue'),
  },
  caseLists: {
    enf_penalty: { page: '行政处罚案件', list: '行政处罚案件列表', register: { path: '/app/enforcement/penalties/new', label: '立案', api: 'POST /api/enforcement/penalties' } },
    enf_coercion: { page: '行政强制案件', list: '行政强制案件列表', register: { path: '/app/enforcement/coercions/new', label: '立案', api: 'POST /api/enforcement/coercions' } },
    enf_inspection: () => import('./staff/InspectionPanel.vue'),
  },
  caseLists: {
    enf_penalty: { page: '行政处罚案件', list: '行政处罚案件列表', register: { path: '/app/enforcement/penalties/new', label: '立案', api: 'POST /api/enforcement/penalties' } },
    enf_inspection: { page: '行政检查任务', list: '行政检查任务列表' },
  },
  actionForms: {
    // 依法处理 (第二十七条): 没收 names the penalty case that decided it, 销毁 the law that orders it.
    'enf_coercion.handle': {
      on: 'handling',
      shows: (name, v) => (name === 'penalty_case_id' ? v !== 'destroy' : name === 'handling_basis' ? v !== 'confiscate' : true),
      needs: (name, v) => (name === 'penalty_case_id' && v === 'confiscate') || (name === 'handling_basis' && v === 'destroy'),
      hints: { penalty_case_id: '没收须依据已作出的行政处罚决定，填写该处罚案件的编号（案件详情页地址中的数字）。' },
    },
    // 决定 (第五十七条): a penalty names its kind and amount; a decision not to punish names its ground (第三十三条).
    'enf_penalty.decide': {
      on: 'outcome',
      shows: (name, v) => (['penalty_kind', 'fine_amount', 'confiscation_amount'].includes(name) ? v !== 'no_penalty'
        : name === 'no_penalty_ground' ? v === 'no_penalty' : true),
      needs: (name, v) => (name === 'penalty_kind' && v === 'penalty') || (name === 'no_penalty_ground' && v === 'no_penalty'),
      options: benchmarkChoices,
      hints: {
        penalty_kind: '罚款的同时填写罚款金额；拟作出的处罚属于第六十三条情形而告知时未告知听证权利的，应当重新告知。',
        no_penalty_ground: '不予行政处罚的，按第三十三条写明理由，单独统计。',
      },
    },
    // 告知 (第六十三条): large fines and heavy penalties carry the hearing right; the thresholds are the county's settings.
    'enf_penalty.notify': {
      on: 'proposed_kind',
      shows: () => true,
      needs: (name, v) => name === 'hearing_offered' && ['lower_qualification', 'revoke_licence', 'suspend_business', 'close_down', 'restrict_practice'].includes(v),
      options: benchmarkChoices,
      hints: { hearing_offered: '拟降低资质等级、吊销许可证件、责令停产停业、责令关闭、限制从业，或较大数额罚款、没收的，应当告知当事人有要求听证的权利（第六十三条）。' },
    },
    // 法制审核 (第五十八条): the reviewer chosen from the agency's list with the qualification shown; 修改后同意
    // names what must change, 不同意 its reasons.
    'enf_penalty.review': {
      on: 'opinion',
      shows: (name, v) => (name === 'changes' ? v === 'amend' : name === 'reasons' ? v === 'fail' : true),
      needs: (name, v) => name === 'reviewer_id' || (name === 'changes' && v === 'amend') || (name === 'reasons' && v === 'fail'),
      hints: {
        reviewer_id: '本单位在岗的法制审核人员（承办本案的执法人员不能审核本案）；初次从事法制审核的人员须取得法律职业资格（第五十八条第二款）。',
        changes: '写明须修改的内容，修改后方可作出决定。',
        reasons: '写明不同意的理由；不同意的，须重新提交审核并经审核同意后方可作出决定。',
      },
      choices: {
        reviewer_id: (caseId) => api.get(`/api/enforcement/penalties/${caseId}/reviewers`).then((r) => r.reviewers.map((o) => ({
          value: o.officer_id, label: `${o.name}（${o.body_name}，${o.qualification_label}）`, disabled: !o.eligible,
        }))),
      },
    },
    // 第五十六条: a handling decision after the seventh working day says why.
    'enf_penalty.handle_preservation': {
      on: 'handled_on',
      shows: () => true,
      needs: (name, v, f) => {
        const open = (f.preservations || []).find((p) => !p.handled_on)
        return name === 'late_reason' && !!v && !!open && v > open.due_on
      },
      hints: { late_reason: '处理决定日期已超过登记保存之日起七个工作日的期限（第五十六条），须写明原因。' },
    },
  },
}
