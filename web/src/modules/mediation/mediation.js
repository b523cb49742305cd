// 矛盾纠纷调解's shared helpers: the API's paths (docs/mediation.md), the options of its forms and
// filters (from /api/meta, with the contract's lists as the fallback), and the colours of its tags.
import { reactive } from 'vue'
import { getMeta } from '../../session.js'

// ---- the API (docs/mediation.md) ----
export const API = {
  directory: '/api/public/mediation/directory',
  committees: '/api/mediation/committees',
  committeesXlsx: '/api/mediation/committees.xlsx',
  committee: (id) => `/api/mediation/committees/${id}`,
  mediators: (id) => `/api/mediation/committees/${id}/mediators`,
  mediator: (id) => `/api/mediation/mediators/${id}`,
  cases: '/api/mediations',
  casesXlsx: '/api/mediations.xlsx',
  stats: '/api/mediation/stats',
  agreement: (id) => `/api/cases/${id}/documents/mediation-agreement.docx`,
}

/** The case type (the server's name). */
export const CASE_TYPE = 'mediation'

// The contract's lists, used until /api/meta has answered (and if it lacks one).
const FALLBACK = {
  kinds: [{ value: 'people', label: '人民调解' }, { value: 'admin', label: '行政调解' }],
  fields: [
    { value: 'police', label: '公安（治安纠纷）' }, { value: 'health', label: '卫生健康（医疗纠纷）' },
    { value: 'market', label: '市场监管（消费纠纷）' }, { value: 'labour', label: '人社（劳动争议）' },
    { value: 'land', label: '自然资源（土地纠纷）' },
  ],
  disputeTypes: [
    { value: 'family', label: '婚姻家庭' }, { value: 'neighbour', label: '邻里纠纷' }, { value: 'homestead', label: '房屋宅基地' },
    { value: 'contract', label: '合同纠纷' }, { value: 'damages', label: '损害赔偿' }, { value: 'labour', label: '劳动争议' },
    { value: 'consumer', label: '消费纠纷' }, { value: 'medical', label: '医疗纠纷' }, { value: 'land', label: '土地纠纷' },
    { value: 'other', label: '其他' },
  ],
  idTypes: [{ value: 'id_card', label: '居民身份证' }, { value: 'passport', label: '护照' }, { value: 'uscc', label: '统一社会信用代码' }, { value: 'other', label: '其他证件' }],
  performance: [{ value: 'done', label: '已履行' }, { value: 'partly', label: '部分履行' }, { value: 'not_done', label: '未履行' }],
  referrals: [{ value: 'none', label: '未引导' }, { value: 'court', label: '引导向人民法院起诉' }, { value: 'arbitration', label: '引导申请仲裁' }],
  rulings: [{ value: 'valid', label: '确认调解协议有效' }, { value: 'rejected', label: '驳回申请' }],
}
const META_KEYS = {
  kinds: 'mediation_kinds', fields: 'mediation_fields', disputeTypes: 'mediation_dispute_types', idTypes: 'mediation_id_types',
  performance: 'mediation_performance', referrals: 'mediation_referrals', rulings: 'mediation_rulings',
}

const options = reactive({ ...FALLBACK, states: [] })
let loaded = null
/** The options of the module's forms and filters (reactive; filled from /api/meta once). */
export function useMediationOptions() {
  if (!loaded) {
    loaded = getMeta().then((m) => {
      for (const [k, key] of Object.entries(META_KEYS)) if (Array.isArray(m[key]) && m[key].length) options[k] = m[key]
      const t = (m.case_types || []).find((x) => x.value === CASE_TYPE)
      options.states = t ? t.states || [] : []
    }).catch(() => { loaded = null })
  }
  return options
}

/** The label of a value in a list of {value, label}; the value itself when unknown. */
export const labelOf = (list, value) => (list || []).find((o) => o.value === value)?.label ?? value

// A mediator's post in the committee (主任, 副主任, 委员, 调解员).
export const POSTS = [
  { value: 'director', label: '主任' }, { value: 'deputy', label: '副主任' },
  { value: 'member', label: '委员' }, { value: 'mediator', label: '调解员' },
]

// The agency that mediates in each field of administrative mediation (its code), docs/mediation.md.
export const FIELD_AGENCY = { police: 'gaj', health: 'wjj', market: 'scj', labour: 'rsj', land: 'zrj' }

// ---- colours ----
export function caseStateType(state) {
  return { mediating: 'primary', agreed: 'success', confirming: 'warning', failed: 'danger', closed: 'info' }[state] || 'info'
}
export const KIND_TYPE = { people: 'success', admin: 'primary' }
export const PERFORMANCE_TYPE = { done: 'success', partly: 'warning', not_done: 'danger' }
export const OUTCOME = { agreed: { label: '达成协议', type: 'success' }, failed: { label: '未达成协议', type: 'danger' } }

/** 69.7 -> "69.7%"; '—' when no case ended (null). */
export function fmtSuccess(rate) {
  if (rate === null || rate === undefined) return '—'
  return `${Number(rate).toFixed(1)}%`
}

/** The label of a committee: its name (the township's own committee or a village's). */
export const committeeLabel = (k) => (k.village ? `${k.name}（${k.village}）` : k.name)
