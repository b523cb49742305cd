// The legality review's labels and colours, shared by its pages and its case panel.

export const REVIEW_STATES = [
  { value: 'submitted', label: '待分配审核人员' },
  { value: 'reviewing', label: '审核中' },
  { value: 'done', label: '已出具审核意见' },
  { value: 'returned', label: '退回补充材料' },
]

// 合法 green, 修改后合法 amber, 不合法 red.
export const OPINION_TYPE = { lawful: 'success', lawful_if_amended: 'warning', unlawful: 'danger' }

export function reviewStateType(caseType, state) {
  if (caseType !== 'legal_review') return null
  return { submitted: 'warning', reviewing: 'primary', done: 'success', returned: 'info' }[state] || null
}
