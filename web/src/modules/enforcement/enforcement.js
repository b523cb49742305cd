// 执法主体、权责清单、执法人员与执法证件: the reference lists (GET /api/public/enforcement/meta,
// and for the back office GET /api/enforcement/meta with the local rules), who may do what (docs/api.md "Enforcement"), tag colours of the states, and the field groups
// the generic case detail shows for a body's qualification review (enf_body) and a
// certificate (enf_certificate).
import { computed, onMounted, ref } from 'vue'
import api from '../../api.js'
import { fmtDate, fmtInstant, fmtNumber } from '../../format.js'
import { getAgencies, session } from '../../session.js'
import { useCan } from '../../meta.js'

let metaPromise = null
let staffMetaPromise = null

/** {body_kinds, body_levels, body_status, categories, officer_status, posts, education, employment, end_reasons, change_types}. */
export function getEnfMeta() {
  if (!metaPromise) metaPromise = api.get('/api/public/enforcement/meta').catch((e) => { metaPromise = null; throw e })
  return metaPromise
}

/**
 * The back office's reference data (GET /api/enforcement/meta): the public lists plus genders,
 * cert_types, cert_states, body_review_states, and `settings`, the local rules in force
 * ({exam_pass_mark, training_hours, cert_valid_years, cert_expiry_warning_days, cert_withdraw_days,
 * body_review_days}, each {key, label, value, default, min, max, unit, note}). Pages take the pass
 * mark, validity and warning window from here, never from a copy.
 */
export function getEnfStaffMeta() {
  if (!staffMetaPromise) staffMetaPromise = api.get('/api/enforcement/meta').catch((e) => { staffMetaPromise = null; throw e })
  return staffMetaPromise
}

/** A setting's value from the staff meta, or undefined while it is not loaded. */
export const settingOf = (meta, name) => meta?.settings?.[name]?.value

export function labelOf(list, value) {
  const o = (list || []).find((x) => x.value === value)
  return o ? o.label : value
}

const LEGAL = ['legal_staff', 'legal_head']
const AGENCY_ROLES = ['agency_clerk', 'agency_head', 'officer']

/**
 * Rules inside routes rather than their roles, so the web app keeps them: the legal office alone
 * records a change from an institutional reform (enf_store.c), and enters exam results and issues
 * certificates (the certificate workflow's transitions, also when batched).
 */
export const isLegal = (user) => !!user && LEGAL.includes(user.role)
/** Agency roles see only their own agency (the API answers 404 for the others). */
export const seesAll = (user) => !!user && !AGENCY_ROLES.includes(user.role)

/**
 * What a back-office enforcement list needs besides its rows: whether the user sees every
 * agency (all) and may call the list's write route `edits` (canEdit, as the server declares),
 * the reference lists (meta) and the agencies, loaded once mounted; ownOnly: an agency user's
 * list of agencies holds only their own.
 */
export function useEnfPage({ ownOnly = false, edits = '' } = {}) {
  const all = computed(() => seesAll(session.user))
  const { allowed } = useCan()
  const canEdit = computed(() => allowed(edits))
  const meta = ref({})
  const agencies = ref([])
  onMounted(() => {
    getEnfMeta().then((m) => (meta.value = m)).catch(() => {})
    getAgencies().then((a) => (agencies.value = ownOnly && !all.value ? a.filter((x) => x.agency_id === session.user?.agency_id) : a)).catch(() => {})
  })
  return { all, canEdit, meta, agencies }
}

/** The pages accept these MIME types for the power-list workbook. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export function bodyStatusType(status) {
  switch (status) {
    case 'published': return 'success'
    case 'confirmed': return 'primary'
    case 'submitted': return 'warning'
    case 'rejected': return 'danger'
    default: return 'info'
  }
}

export function officerStatusType(status) {
  switch (status) {
    case 'on_duty': return 'success'
    case 'suspended': return 'danger'
    case 'transferred': return 'warning'
    default: return 'info'
  }
}

export function certStateType(state) {
  switch (state) {
    case 'valid': return 'success'
    case 'suspended': case 'to_withdraw': case 'failed': return 'warning'
    case 'rejected': return 'danger'
    case 'withdrawn': case 'expired': return 'info'
    default: return 'primary'
  }
}

/** A case's state tag colour for the enforcement case types, or null for the others. */
export function enfCaseStateType(caseType, state) {
  if (caseType === 'enf_certificate') return certStateType(state)
  if (caseType === 'enf_body') return bodyStatusType(state)
  return null
}

const has = (v) => v !== null && v !== undefined && v !== ''
const item = (key, label, value, opts = {}) => ({ key, label, value: has(value) ? String(value) : '未填写', empty: !has(value), ...opts })
const eventsOf = (events, action) => (events || []).filter((e) => e.action === action)
const lastNote = (events, action) => eventsOf(events, action).at(-1)?.note || ''

/** Groups of a certificate case: holder, certificate, exam and training, how it ended. */
export function certGroups(x, clocks, events) {
  const f = x.fields || {}
  const groups = [
    {
      key: 'holder', title: '持证人', items: [
        item('officer_name', '姓名', f.officer_name, { to: has(f.officer_id) ? `/app/enforcement/officers/${f.officer_id}` : undefined }),
        item('officer_status', '人员状态', f.officer_status_label || f.officer_status, { warn: has(f.officer_status) && f.officer_status !== 'on_duty' }),
        item('body_name', '执法主体', f.body_name, { to: has(f.body_id) ? `/app/enforcement/bodies/${f.body_id}` : undefined }),
        item('post_label', '岗位', f.post_label),
        item('education_label', '学历', f.education_label),
        item('employment_label', '人员性质', f.employment_label),
      ],
    },
    {
      key: 'certificate', title: '证件信息', items: [
        item('case_number', '申领编号', x.number),
        item('state_label', '证件状态', x.state_label, { tag: true, tagType: certStateType(x.state) }),
        item('cert_type', '证件类型', f.cert_type_label || f.cert_type),
        item('number', '证件编号', f.number, { code: true }),
        item('area', '执法区域', f.area),
        item('issued_on', '发证日期', has(f.issued_on) ? fmtDate(f.issued_on) : ''),
        item('valid_until', '有效期至', has(f.valid_until) ? fmtDate(f.valid_until) : ''),
        item('last_review_on', '最近年度审验', has(f.last_review_on) ? fmtDate(f.last_review_on) : '尚未审验', { empty: !has(f.last_review_on) }),
      ],
    },
    {
      key: 'exam', title: '培训与考试', items: [
        item('training_hours', '岗前培训学时', has(f.training_hours) ? `${fmtNumber(f.training_hours)} 学时` : ''),
        item('exam_on', '考试日期', has(f.exam_on) ? fmtDate(f.exam_on) : ''),
        item('exam_score', '考试成绩', has(f.exam_score) ? `${fmtNumber(f.exam_score)} 分` : '', {
          warn: has(f.exam_score) && has(f.pass_mark) && Number(f.exam_score) < Number(f.pass_mark),
        }),
        item('pass_mark', '合格分数线', has(f.pass_mark) ? `${fmtNumber(f.pass_mark)} 分` : ''),
      ],
    },
  ]
  const screening = eventsOf(events, 'qualify').at(-1) || eventsOf(events, 'disqualify').at(-1)
  if (screening) {
    groups[2].items.unshift(item('screening', '资格审查', `${fmtDate(screening.at)} ${screening.action === 'qualify' ? '通过' : '不通过'}${screening.note ? `：${screening.note}` : ''}`, { long: true }))
  }
  const reviews = eventsOf(events, 'annual_review')
  if (reviews.length) {
    groups.push({ key: 'reviews', title: '年度审验', items: [
      item('reviews', '审验记录', reviews.map((e) => `${fmtDate(e.at)} 审验通过${e.note ? `：${e.note}` : ''}`).join('\n'), { long: true }),
    ] })
  }
  const suspended = eventsOf(events, 'suspend')
  if (suspended.length) {
    groups.push({ key: 'suspension', title: '暂扣与发还', items: [
      item('suspension', '记录', [...suspended, ...eventsOf(events, 'reinstate')]
        .sort((a, b) => String(a.at).localeCompare(String(b.at)))
        .map((e) => `${fmtDate(e.at)} ${e.action === 'suspend' ? '暂扣' : '发还'}：${e.note || ''}`).join('\n'), { long: true }),
    ] })
  }
  if (x.state === 'to_withdraw' || has(f.ended_on) || has(f.end_reason)) {
    const w = (clocks || []).find((k) => k.name === 'withdrawal')
    const notice = eventsOf(events, 'transfer_notice').at(-1)
    const end = []
    if (notice || x.state === 'to_withdraw') {
      end.push(item('notice', '收回任务', notice ? `${fmtInstant(notice.at)} 由持证人离岗（调离、退休）引起` : '持证人离岗，证件待收回', { warn: x.state === 'to_withdraw' }))
      end.push(item('withdraw_due', '收回期限', w ? (w.due_date ? `${fmtDate(w.due_date)}（${w.days} 个${w.unit_label}）` : '到期日待定') : ''))
    }
    if (has(f.ended_on)) end.push(item('ended_on', x.state === 'expired' ? '失效日期' : '注销日期', fmtDate(f.ended_on)))
    if (has(f.end_reason)) end.push(item('end_reason', '注销原因', f.end_reason_label || f.end_reason))
    if (has(f.end_note)) end.push(item('end_note', '情况说明', f.end_note, { long: true }))
    groups.push({ key: 'end', title: x.state === 'expired' ? '证件失效' : '证件收回与注销', items: end })
  }
  return groups
}

/** Groups of a body's qualification review: the body as registered, the review and its publication. */
export function bodyGroups(x, clocks, events) {
  const f = x.fields || {}
  const groups = [
    {
      key: 'body', title: '执法主体', items: [
        item('name', '主体名称', f.name || x.title, { to: has(f.body_id) ? `/app/enforcement/bodies/${f.body_id}` : undefined }),
        item('kind', '主体类型', f.kind_label || f.kind),
        item('agency_name', '所属单位', f.agency_name || x.agency_name),
        item('level', '层级', f.level_label || f.level),
        item('parent_name', '上级主体', f.parent_name || '无', { empty: !has(f.parent_name) }),
        ...(f.kind === 'entrusted' ? [item('entrusted_by_name', '委托机关', f.entrusted_by_name)] : []),
        item('legal_basis', '主体资格的法律依据', f.legal_basis, { long: true }),
      ],
    },
  ]
  const review = [
    item('number', '审核编号', x.number),
    item('state_label', '审核状态', x.state_label, { tag: true, tagType: bodyStatusType(x.state) }),
    item('received_on', '报审日期', has(x.received_on) ? fmtDate(x.received_on) : ''),
  ]
  const confirmed = eventsOf(events, 'confirm').at(-1)
  if (confirmed) review.push(item('opinion', '审核意见', `${fmtDate(confirmed.at)} 确认：${confirmed.note || ''}`, { long: true }))
  const rejected = lastNote(events, 'reject')
  if (rejected) review.push(item('reject_reason', '不予确认的理由', rejected, { long: true }))
  if (has(f.published_on)) {
    review.push(item('published_on', '公告日期', fmtDate(f.published_on)))
    review.push(item('announcement', '公告文号', f.announcement))
  }
  groups.push({ key: 'review', title: '资格审核与公告', items: review })
  return groups
}

/** An error of the API about a named field goes next to that field; anything else is returned. */
export function fieldError(err, errors) {
  if (err && err.field && err.field in errors) {
    errors[err.field] = err.message
    return true
  }
  return false
}

/** "2026-03-04" → "2026年3月4日": the public pages and the report paragraph. */
export function fmtDateCn(s) {
  if (!/^\d{4}-\d{2}-\d{2}/.test(s || '')) return s ? String(s) : '—'
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`
}
