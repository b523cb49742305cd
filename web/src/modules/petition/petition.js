// 信访's shared helpers: the API's paths (docs/petition.md), the options of /api/meta, the state
// colours, and the identity checks the server applies (the error shows at the field before sending).
import { reactive } from 'vue'
import { getMeta } from '../../session.js'
import { phoneValid, residentIdValid } from '../../validate.js'

export const TYPE = 'petition'

export const API = {
  list: '/api/petitions',
  xlsx: '/api/petitions.xlsx',
  register: '/api/petitions',
  import: '/api/petitions/import',
  stats: '/api/petitions/stats',
  opinion: (id) => `/api/cases/${id}/documents/petition-opinion.docx`,
  fromMailbox: (id) => `/api/petitions/from-mailbox/${id}`,
  publicSubmit: '/api/public/petitions',
  publicTrack: (code) => `/api/public/petitions/track/${encodeURIComponent(code)}`,
  publicRate: (code) => `/api/public/petitions/track/${encodeURIComponent(code)}/rating`,
}

// The options the server lists in /api/meta (petition_channels, _matters, _outcomes, _ratings) and
// the states of the case type; loaded once, shared by the pages.
const opts = reactive({ channels: [], matters: [], outcomes: [], ratings: [], states: [], loaded: false })
let loading = null
export function usePetitionOptions() {
  if (!loading) {
    loading = getMeta().then((m) => {
      opts.channels = m.petition_channels || []
      opts.matters = m.petition_matters || []
      opts.outcomes = m.petition_outcomes || []
      opts.ratings = m.petition_ratings || []
      const t = (m.case_types || []).find((x) => x.value === TYPE)
      opts.states = t ? t.states || [] : []
      opts.loaded = true
    }).catch(() => { loading = null })
  }
  return opts
}

// The public portal has no /api/meta of its own for these: the same lists, as the server names them.
export const MATTERS_FALLBACK = [
  ['land', '土地征收'], ['housing', '城乡建设'], ['labour', '劳动社保'], ['environment', '生态环境'], ['law', '政法'],
  ['agriculture', '农村农业'], ['market', '市场监管'], ['traffic', '交通运输'], ['health', '卫生健康'],
  ['education', '教育'], ['civil', '民政'], ['other', '其他'],
].map(([value, label]) => ({ value, label }))
export const RATINGS = [
  { value: 'satisfied', label: '满意' },
  { value: 'basic', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
]

/** A petition's state tag. */
export function petitionStateType(state) {
  return {
    registered: 'warning', routed: 'warning', accepted: 'primary', replied: 'success', reviewing: 'primary',
    reviewed: 'success', rechecking: 'primary', closed: 'info', final: 'info', not_accepted: 'danger', duplicate: 'danger',
  }[state] || 'info'
}
export const OUTCOME_TYPE = { support: 'success', explain: 'primary', reject: 'danger' }
export const RATING_TYPE = { satisfied: 'success', basic: 'primary', dissatisfied: 'danger' }

// ---- identity checks (the server's, docs/petition.md: GB 11643 — birth date and check character — or 15 digits) ----
/** '' when the ID number is acceptable, else the message. */
export function idNumberError(s) {
  const v = String(s || '').trim()
  if (!v) return '请填写身份证号码'
  if (residentIdValid(v)) return ''
  return '身份证号码不正确：应为 18 位（含有效的出生日期，末位校验码正确，可为 X）或 15 位数字'
}
/** An el-form rule for an ID number. */
export const idRule = { validator: (_r, v, cb) => { const e = idNumberError(v); e ? cb(new Error(e)) : cb() }, trigger: 'blur' }
export const phoneRule = { validator: (_r, v, cb) => (!v || phoneValid(String(v).trim()) ? cb() : cb(new Error('联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +'))), trigger: 'blur' }

/** "城关镇人民政府" -> "城关镇". */
export function townshipShort(name) {
  return String(name || '').replace(/人民政府$/, '').replace(/^.+县(?=.+(镇|乡|街道))/, '')
}
