// 合法性审核 (the legal office's legality review): one queue for everything the office reviews before a
// body decides (normative documents now; other modules register a review kind). The review's steps
// are the case's workflow actions; the points, the letter and the adoption are on its case panel.
import { DocumentChecked } from '@element-plus/icons-vue'
import api from '../../api.js'

const group = { key: 'review', label: '合法性审核', icon: DocumentChecked, order: 55 }

export default {
  name: 'review',
  label: '合法性审核',
  order: 55,
  staffRoutes: [
    { path: 'reviews', name: 'review-queue', component: () => import('./staff/Queue.vue'), meta: { title: '审核队列', crumbs: [{ title: '合法性审核' }] } },
    { path: 'reviews/stats', name: 'review-stats', component: () => import('./staff/Stats.vue'), meta: { title: '合法性审核统计', crumbs: [{ title: '合法性审核' }] } },
  ],
  menu: [
    { group, path: '/app/reviews', label: '审核队列', test: 'menu-review-queue', order: 1, api: 'GET /api/reviews' },
    { group, path: '/app/reviews/stats', label: '统计分析', test: 'menu-review-stats', order: 2, api: 'GET /api/reviews/stats' },
  ],
  casePanels: {
    legal_review: () => import('./CasePanel.vue'),
  },
  caseLists: {
    legal_review: { page: '合法性审核', list: '审核案件' },
  },
  actionForms: {
    // 分配审核人员: the office's staff, with the reviews each has open.
    'legal_review.assign': {
      on: 'reviewer_id',
      shows: () => true,
      needs: (name) => name === 'reviewer_id',
      hints: { reviewer_id: '审核人员应为法制机构在岗的工作人员；括号内为其正在审核的件数。' },
      choices: {
        reviewer_id: () => api.get('/api/reviews/reviewers').then((r) => r.reviewers.map((o) => ({
          value: o.user_id, label: `${o.name}（${o.role_label}，在审 ${o.open_reviews} 件）`,
        }))),
      },
    },
    // 出具审核意见: 修改后合法 and 不合法 rest on the points listed on the case page.
    'legal_review.opinion': {
      on: 'opinion',
      shows: () => true,
      needs: (name, v) => name === 'summary' || (name === 'opinion' && !!v),
      hints: {
        opinion: '修改后合法、不合法的，须先在“审核意见要点”中列明至少一条要点及其法律依据；出具意见时生成合法性审核意见书并编号。',
      },
    },
    // 批准延长审核期限: the whole period stays within the county's maximum (setting).
    'legal_review.extend': {
      on: 'days',
      shows: () => true,
      needs: (name) => name === 'days' || name === 'reason',
      hints: { days: '审核期限连同延长不超过设置项“合法性审核最长期限”（默认 15 个工作日）；期限届满后不能再延长。' },
    },
  },
}
