// 重大行政决策: the module's API paths, the steps of a decision in their order (重大行政决策程序暂行条例),
// and the labels and colours its pages share.
import { reactive } from 'vue'

// Every route of the module in one place (the server's contract: docs/decision.md).
export const API = {
  catalogue: '/api/decision-catalogue',
  cataloguePublish: '/api/decision-catalogue-publication',
  decisions: '/api/decisions',
  comments: '/api/decision-comments',
  meetings: '/api/decision-meetings',
  stats: '/api/decisions/stats',
  pub: {
    catalogue: '/api/public/decision-catalogue',
    consultations: '/api/public/decision-consultations',
    decisions: '/api/public/decisions',
    comments: '/api/public/decision-comments',
  },
}

// The case type of a major decision.
export const CASE_TYPE = 'major_decision'

// The steps in their statutory order (重大行政决策程序暂行条例 第二章、第三章).
export const STEPS = [
  { key: 'start', label: '决策启动' },
  { key: 'participation', label: '公众参与' },
  { key: 'expert', label: '专家论证' },
  { key: 'risk', label: '风险评估' },
  { key: 'legality', label: '合法性审查' },
  { key: 'meeting', label: '集体讨论决定' },
  { key: 'publication', label: '决策公布' },
  { key: 'archive', label: '归档' },
]

// The colour of a decision's state tag.
export function decisionStateType(state) {
  if (!state) return 'info'
  if (['published', 'archived', 'executing', 'evaluated', 'closed'].includes(state)) return 'success'
  if (['abandoned', 'withdrawn', 'terminated'].includes(state)) return 'info'
  if (['in_review', 'review_failed'].includes(state)) return 'warning'
  return 'primary'
}

export const CATALOGUE_STATUS = {
  proposed: { label: '已申报', type: 'info' },
  approved: { label: '已批准', type: 'primary' },
  published: { label: '已公布', type: 'success' },
  dropped: { label: '已调出', type: 'danger' },
}

export const QUARTERS = [1, 2, 3, 4].map((q) => ({ value: q, label: `第${'一二三四'[q - 1]}季度` }))
export const quarterLabel = (q) => QUARTERS.find((x) => x.value === q)?.label || '—'

export const ADOPTED_TYPE = { yes: 'success', partly: 'warning', no: 'info' }


// The county government decides (its agency's staff) and the legal office acts for it: they approve,
// publish and adjust the catalogue and see every agency's items (the server's fz_dec_is_gov).
// The government's agency: /api/meta's decision.gov_agency_id if the server names it, else the agency
// of kind 'county' in /api/agencies, else by its name.
const LEGAL_ROLES = ['legal_staff', 'legal_head', 'admin']
export function isGov(user, meta, agencies = []) {
  if (!user) return false
  if (LEGAL_ROLES.includes(user.role)) return true
  const gov = meta?.decision?.gov_agency_id ?? agencies.find((a) => a.kind === 'county')?.agency_id
  if (gov) return user.agency_id === gov
  return /人民政府$/.test(user.agency_name || '') && !/乡|镇|街道/.test(user.agency_name || '')
}

// Where each state stands in the steps: the index of the current step (STEPS.length: all done,
// the decision in execution).
const AT = { drafting: 0, participation: 1, expert: 2, risk: 3, ready_review: 4, in_review: 4, reviewed: 5, deferred: 5, decided: 6, published: 7, archived: 8, evaluated: 8, not_adopted: 5 }
export const STEP_TEXT = { done: '已完成', skipped: '未开展', current: '进行中', pending: '未开始', failed: '未通过', stopped: '已终止' }

/**
 * The steps of a decision with their status: done, skipped (a step not needed, its reason given),
 * current, pending, failed (the review not passed, or the meeting said no) or stopped (abandoned).
 * d: {state, reviewRounds, reached (for an abandoned decision: the index it had reached),
 *     skips: {participation, expert, risk} (the reason, or true), on: {step: date}}.
 */
export function decisionSteps({ state, reviewRounds = 0, reached = 0, skips = {}, on = {} }) {
  let at = state === 'abandoned' ? reached : AT[state] ?? 0
  const reviewFailed = state === 'drafting' && reviewRounds > 0
  if (reviewFailed) at = 4
  return STEPS.map((s, i) => {
    let status = i < at ? 'done' : i === at ? 'current' : 'pending'
    if (status === 'done' && skips[s.key]) status = 'skipped'
    if (i === at && state === 'abandoned') status = 'stopped'
    if (s.key === 'meeting' && state === 'not_adopted') status = 'failed'
    if (s.key === 'legality' && reviewFailed) status = 'failed'
    let text = STEP_TEXT[status]
    if (status === 'failed') text = s.key === 'legality' ? '未通过，退回修改' : '不予通过'
    if (s.key === 'meeting' && state === 'deferred') text = '暂缓决策'
    return { ...s, status, text, reason: typeof skips[s.key] === 'string' ? skips[s.key] : '', on: status === 'done' ? on[s.key] || null : null }
  })
}

// The case panel is shown twice (its buttons, its fields): a save in one makes the other reload.
export const panelBus = reactive({ tick: 0 })
