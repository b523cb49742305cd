// Government information disclosure (政府信息公开): reference lists, the client-side
// checks that mirror the server's (docs/api.md "Information disclosure"), and the
// statutory rules the pages explain (政府信息公开条例 第26、30-33、36-39条).
import api from '../../api.js'
import { chars, phoneValid } from '../../validate.js'

// Shared with the other public forms; re-exported so this module's pages import from one place.
export { getPublicAgencies, groupAgencies } from '../../agencies.js'
export { chars, phoneValid }

let metaPromise = null

/** GET /api/public/disclosure/meta, fetched once: applicant_types, channels, deliveries, categories, outcomes. */
export function getDisclosureMeta() {
  if (!metaPromise) {
    metaPromise = api.get('/api/public/disclosure/meta').catch((e) => { metaPromise = null; throw e })
  }
  return metaPromise
}

export function labelOf(list, value) {
  const o = (list || []).find((x) => x.value === value)
  return o ? o.label : value
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * el-form rules of the applicant part of a request (public form and staff registration),
 * the same limits as the server: required fields, lengths in characters, the phone format.
 * Delivery by e-mail or post needs the address to deliver to.
 */
export function applicantRules(form) {
  const max = (n, label) => ({ validator: (_r, v, cb) => (chars(v) > n ? cb(new Error(`${label}不能超过 ${n} 个字`)) : cb()), trigger: 'blur' })
  return {
    agency_id: [{ required: true, type: 'number', message: '请选择申请公开的行政机关', trigger: 'change' }],
    applicant_type: [{ required: true, message: '请选择申请人类型', trigger: 'change' }],
    applicant_name: [{ required: true, whitespace: true, message: '请填写申请人姓名或名称', trigger: 'blur' }, max(100, '姓名或名称')],
    id_number: [max(30, '证件号码')],
    phone: [
      { required: true, whitespace: true, message: '请填写联系电话', trigger: 'blur' },
      { validator: (_r, v, cb) => (phoneValid(String(v || '').trim()) ? cb() : cb(new Error('联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +'))), trigger: 'blur' },
    ],
    address: [
      { validator: (_r, v, cb) => (form.delivery === 'post' && !String(v || '').trim() ? cb(new Error('选择邮寄的，请填写通信地址')) : cb()), trigger: 'blur' },
      max(200, '通信地址'),
    ],
    email: [
      { validator: (_r, v, cb) => {
        const s = String(v || '').trim()
        if (!s) return form.delivery === 'email' ? cb(new Error('选择电子邮件获取的，请填写电子邮箱')) : cb()
        return EMAIL_RE.test(s) ? cb() : cb(new Error('电子邮箱格式不正确'))
      }, trigger: 'blur' },
      max(100, '电子邮箱'),
    ],
    description: [{ required: true, whitespace: true, message: '请填写所需政府信息的名称、文号或特征性描述', trigger: 'blur' }, max(3000, '所需信息描述')],
    purpose: [max(200, '用途')],
    delivery: [{ required: true, message: '请选择获取信息的方式', trigger: 'change' }],
  }
}

export const APPLICANT_KEYS = ['agency_id', 'applicant_type', 'applicant_name', 'id_number', 'phone', 'address', 'email', 'description', 'purpose', 'delivery']

/** The request body: trimmed strings, optional fields left out when empty (the server rejects unknown keys). */
export function applicantBody(form, keys = APPLICANT_KEYS) {
  const body = {}
  for (const k of keys) {
    let v = form[k]
    if (typeof v === 'string') v = v.trim()
    if (v === '' || v === null || v === undefined) continue
    body[k] = v
  }
  return body
}

/**
 * 第三十一条: the day a request counts as received, by channel, and which date field proves it.
 * in_person → the day submitted; signed post → the day signed for; ordinary letter,
 * online, fax, e-mail → the day both sides confirm.
 */
export const RECEIPT_RULES = {
  in_person: { field: null, article: '第三十一条第（一）项', text: '当面提交的，以申请人提交政府信息公开申请之日为收到申请之日。' },
  post_signed: { field: 'signed_on', article: '第三十一条第（二）项', text: '以邮寄方式提交、需要签收的，以行政机关签收之日为收到申请之日。' },
  post_ordinary: { field: 'confirmed_on', article: '第三十一条第（二）项', text: '以平常信函等无需签收的邮寄方式提交的，以政府信息公开工作机构与申请人确认之日为收到申请之日。' },
  online: { field: 'confirmed_on', article: '第三十一条第（三）项', text: '通过互联网渠道提交的，以双方确认之日为收到申请之日。' },
  fax: { field: 'confirmed_on', article: '第三十一条第（三）项', text: '通过传真提交的，以双方确认之日为收到申请之日。' },
  email: { field: 'confirmed_on', article: '第三十一条第（三）项', text: '通过电子邮件提交的，以双方确认之日为收到申请之日。' },
}

/** The receipt day the server will compute, or '' when a needed date is missing. */
export function receiptDay(channel, dates) {
  const rule = RECEIPT_RULES[channel]
  if (!rule || !dates.submitted_on) return ''
  if (!rule.field) return dates.submitted_on
  return dates[rule.field] || ''
}

/** What each reply outcome needs (the server's FZ_DISC_NEEDS_*, 第36-39条). */
export const OUTCOME_NEEDS = {
  disclose: [],
  already_public: ['where'],
  partial: ['ground', 'withheld'],
  'withhold.secret': ['ground'],
  'withhold.law': ['ground'],
  'withhold.security': ['ground'],
  'withhold.third_party': ['ground'],
  'withhold.internal': ['ground'],
  'withhold.process': ['ground'],
  'withhold.enforcement': ['ground'],
  'withhold.query': ['ground'],
  'unable.not_held': [],
  not_ours: ['right_agency'],
  'unable.needs_creation': [],
  'unable.unclear': [],
  'refuse.petition': ['ground'],
  'refuse.repeat': ['ground'],
  'refuse.publication': ['ground'],
  'refuse.excessive': ['ground'],
  'refuse.confirm': ['ground'],
  'other.no_correction': [],
  'other.no_fee': [],
  'other.other': ['ground'],
}

/** Inputs of the reply form shown only for some outcomes; the others (ground, reply_text) are always shown. */
export const OUTCOME_ONLY_INPUTS = { where: ['already_public'], right_agency: ['not_ours'], withheld: ['partial'] }

/** The six outcome groups of table 三 (disclose + already_public count as 予以公开; not_ours as 无法提供). */
export const OUTCOME_GROUPS = [
  { key: 'disclose', label: '予以公开' },
  { key: 'partial', label: '部分公开' },
  { key: 'withhold', label: '不予公开' },
  { key: 'unable', label: '无法提供' },
  { key: 'refuse', label: '不予处理' },
  { key: 'other', label: '其他处理' },
]

export function outcomeGroup(value) {
  const v = String(value || '')
  if (v === 'disclose' || v === 'already_public') return 'disclose'
  if (v === 'not_ours') return 'unable'
  const head = v.split('.')[0]
  return OUTCOME_GROUPS.some((g) => g.key === head) ? head : 'other'
}

export function outcomeTagType(value) {
  switch (outcomeGroup(value)) {
    case 'disclose': return 'success'
    case 'partial': return 'warning'
    case 'withhold': return 'danger'
    default: return 'info'
  }
}

/** Tag colour of a request's state. */
export function disclosureStateType(state) {
  switch (state) {
    case 'replied': return 'success'
    case 'withdrawn': return 'info'
    case 'correcting': case 'awaiting_fee': return 'warning'
    default: return 'primary'
  }
}

/** Validity of a catalogue item on a given day: 现行有效 / 有效期至… / 已失效. */
export function validityText(validUntil, today) {
  if (!validUntil) return '现行有效'
  if (today && validUntil < today) return `已失效（有效期至 ${validUntil}）`
  return `现行有效（有效期至 ${validUntil}）`
}

export function yearShanghai() {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()))
}
