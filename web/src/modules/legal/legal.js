// 法律事务's shared helpers: the API's paths (docs/legal.md), the labels and colours its pages use,
// and amounts of money in 元 / 万元.
import { fmtNumber } from '../../format.js'

// ---- the API (docs/legal.md) ----
export const API = {
  contracts: '/api/legal/contracts',
  contractsXlsx: '/api/legal/contracts.xlsx',
  milestones: (id) => `/api/legal/contracts/${id}/milestones`,
  milestoneDone: (id, seq) => `/api/legal/contracts/${id}/milestones/${seq}/done`,
  milestonesAll: '/api/legal/milestones',
  milestonesXlsx: '/api/legal/milestones.xlsx',
  disputes: '/api/legal/disputes',
  disputesXlsx: '/api/legal/disputes.xlsx',
  matters: '/api/legal/matters',
  mattersXlsx: '/api/legal/matters.xlsx',
  handlers: '/api/legal/handlers',
  advisers: '/api/legal/advisers',
  advisersXlsx: '/api/legal/advisers.xlsx',
  adviserStats: '/api/legal/advisers/stats',
  engagements: '/api/legal/engagements',
  engagementsXlsx: '/api/legal/engagements.xlsx',
  opinions: '/api/legal/adviser-opinions',
  opinionsXlsx: '/api/legal/adviser-opinions.xlsx',
  caseOpinions: (id) => `/api/cases/${id}/adviser-opinions`,
  stats: '/api/legal/stats',
}

// The case types (the server's names).
export const CONTRACT = 'legal_contract'
export const MATTER = 'legal_matter'

// ---- money ----
const yuanFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const wanFmt = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** 1234567.5 -> "1,234,567.50 元"; '—' when none. */
export function fmtYuan(v, unit = true) {
  if (v === null || v === undefined || v === '') return '—'
  const n = Number(v)
  if (!Number.isFinite(n)) return String(v)
  return unit ? `${yuanFmt.format(n)} 元` : yuanFmt.format(n)
}

/** 1234567 -> "123.46 万元" (from 元, rounded to the hundredth of 万元); '—' when none. */
export function fmtWan(v, unit = true) {
  if (v === null || v === undefined || v === '') return '—'
  const n = Number(v)
  if (!Number.isFinite(n)) return String(v)
  const s = wanFmt.format(Math.round(n / 100) / 100)
  return unit ? `${s} 万元` : s
}

/** An amount as a table shows it: 万元 from 10 000 元 on, 元 below. */
export function fmtAmount(v) {
  if (v === null || v === undefined || v === '') return '—'
  return Math.abs(Number(v)) >= 10000 ? fmtWan(v) : fmtYuan(v)
}

export { fmtNumber }

// ---- labels and colours ----

// A contract's state tag.
export function contractStateType(state) {
  return {
    drafting: 'info', in_review: 'warning', reviewed: 'primary', performing: 'success',
    disputed: 'danger', completed: 'info', terminated: 'info', abandoned: 'info',
  }[state] || 'info'
}

// A matter's state tag.
export function matterStateType(state) {
  return { received: 'warning', handling: 'primary', answered: 'success', withdrawn: 'info' }[state] || 'info'
}

// A dispute's outcome: for us green, partly amber, against us red.
export const OUTCOME_TYPE = { settled: 'success', mediated: 'success', won: 'success', partly: 'warning', lost: 'danger', withdrawn: 'info' }

// The legality review's opinions (the review module's names).
export const OPINION_TYPE = { lawful: 'success', lawful_if_amended: 'warning', unlawful: 'danger' }

// How an adviser took part in a case.
export const OPINION_KINDS = [
  { value: 'written', label: '书面意见' },
  { value: 'meeting', label: '列席会议' },
  { value: 'oral', label: '口头意见' },
]
export const OPINION_KIND_TYPE = { written: 'primary', meeting: 'success', oral: 'info' }

// 法律顾问 or 公职律师.
export const ADVISER_KINDS = [
  { value: 'counsel', label: '法律顾问' },
  { value: 'public_lawyer', label: '公职律师' },
]
