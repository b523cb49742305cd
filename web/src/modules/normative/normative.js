// The normative documents module's shared helpers: state colours and the labels its pages use.

// The colour of a draft's state tag (the case page and the drafts list).
export function draftStateType(state) {
  return {
    drafting: 'info', commenting: 'warning', in_review: 'warning', reviewed: 'primary',
    deliberated: 'primary', filing: 'warning', filed: 'success', abandoned: 'info',
  }[state] || 'info'
}

export const PLAN_STATUS_TYPE = { planned: 'info', drafting: 'warning', issued: 'success', dropped: 'danger' }

export const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))

export const HIT_STATUS = {
  open: { label: '待处理', type: 'warning' },
  confirmed: { label: '确认存在问题', type: 'danger' },
  dismissed: { label: '已排除', type: 'success' },
}

export const FILING_RESULT_TYPE = { filed_ok: 'success', correct: 'warning', revoke: 'danger' }
