// 建议提案 (人大代表建议 · 政协委员提案, 代表法 第五十一条): the module's API paths, the labels and
// colours its pages share, and the article its pages cite.
import { reactive } from 'vue'

// Every route of the module in one place (the server's contract: docs/proposal.md).
export const API = {
  sessions: '/api/proposal-sessions',
  items: '/api/proposals',
  itemsXlsx: '/api/proposals.xlsx',
  import: '/api/proposals/import',
  stats: '/api/proposals/stats',
  pub: '/api/public/proposals',
}

export const CASE_TYPE = 'proposal'

export const BODIES = [
  { value: 'npc', label: '人大代表建议' },
  { value: 'cppcc', label: '政协委员提案' },
]
export const RESULTS = [
  { value: 'A', label: 'A类：已解决或采纳' },
  { value: 'B', label: 'B类：正在解决或列入计划解决' },
  { value: 'C', label: 'C类：因条件限制暂不能解决' },
]
export const STATES = [
  { value: 'pending', label: '待交办' },
  { value: 'handling', label: '办理中' },
  { value: 'replied', label: '已答复待反馈' },
  { value: 'closed', label: '已办结' },
]

export const ART51 = '《代表法》第五十一条：有关机关、组织应当自交办之日起三个月内答复；涉及面广、处理难度大的，应当在六个月内答复。政协委员提案按本县提案工作规定办理。'

// The unit an author belongs to: 代表团 for a deputy, 界别 for a member.
export const unitLabel = (body) => (body === 'cppcc' ? '界别' : '代表团')
export const authorWord = (body) => (body === 'cppcc' ? '提案人' : '提出代表')

export function proposalStateType(state) {
  return { pending: 'info', handling: 'primary', replied: 'warning', closed: 'success' }[state] || 'info'
}
export const RESULT_TYPE = { A: 'success', B: 'primary', C: 'info' }

// The case panel is shown twice (its buttons, its fields): a change in one makes the other reload.
export const panelBus = reactive({ tick: 0 })
