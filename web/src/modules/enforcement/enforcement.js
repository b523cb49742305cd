// 执法主体、权责清单、执法人员与执法证件: the reference lists (GET /api/public/enforcement/meta,
// and for the back office GET /api/enforcement/meta with the local rules), who may do what (docs/api.md "Enforcement"), tag colours of the states, and the field groups
// the generic case detail shows for a body's qualification review (enf_body) and a
// certificate (enf_certificate).
import { computed, onMounted, ref } from 'vue'
import api from '../../api.js'
import { fmtDate, fmtInstant, fmtNumber } from '../../format.js'
import { getAgencies, session } from '../../session.js'
import { useCan } from '../../meta.js'
import { reviewGroups } from './reviewGroups.js'
import { publicationGroups } from './publication.js'

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
  if (caseType === 'enf_penalty') return penaltyStateType(state)
  if (caseType === 'enf_coercion') return coercionStateType(state)
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

// ---- penalty cases (行政处罚案件, enf_penalty) ----------------------------------------------

export function penaltyStateType(state) {
  switch (state) {
    case 'closed': return 'success'
    case 'cancelled': return 'info'
    case 'revoked': return 'info'
    case 'reviewing': case 'hearing': return 'warning'
    case 'decided': case 'served': case 'executed': return 'primary'
    default: return 'primary'
  }
}

const yuan = (n) => (has(n) ? `${fmtNumber(n)} 元` : '')

/**
 * Groups of a penalty case: the case and its legal basis, the party, the officers and their
 * certificates (第42条), the notice and hearing (第44、63-65条), the legal review (第58条), the
 * decision (第57条、第33条), service and payment (第61、67条). Each group says the article it rests on.
 */
export function penaltyGroups(x, clocks = []) {
  const f = x.fields || {}
  const groups = [
    {
      key: 'case', title: '立案', items: [
        item('number', '案号', x.number),
        item('matter', '案由', f.matter, { span: 2 }),
        item('procedure', '程序', f.procedure_label),
        item('body_name', '执法主体', f.body_name, { to: has(f.body_id) ? `/app/enforcement/bodies/${f.body_id}` : undefined }),
        item('power_name', '适用职权（权责清单）', f.power_name, { to: has(f.power_id) ? `/app/enforcement/powers/${f.power_id}` : undefined, span: 2 }),
        item('legal_basis', '法律依据', f.legal_basis, { span: 2 }),
        item('source', '案件来源', f.source_label),
        item('filed_on', '立案日期', has(f.filed_on) ? fmtDate(f.filed_on) : ''),
        item('act_on', '违法行为发生日期', has(f.act_on) ? fmtDate(f.act_on) : ''),
        item('limitation_end', '追责时效至', has(f.limitation_end) ? `${fmtDate(f.limitation_end)}（${f.limitation_article}）` : '', { long: true }),
        ...(has(f.limitation_reason) ? [item('limitation_reason', '超过时效仍立案的理由', f.limitation_reason, { warn: true, span: 2 })] : []),
        item('major', '须法制审核（第五十八条）', f.major ? `是：${f.major_reason_label || ''}` : '否', { warn: !!f.major && !f.review_ok }),
        item('facts', '案件基本情况', f.facts, { long: true, span: 2 }),
      ],
    },
    {
      key: 'party', title: '当事人', items: [
        item('party_name', '当事人', f.party_name),
        item('party_type', '类型', f.party_type_label),
        item('party_id_number', '证件号码', f.party_id_number, { code: true }),
      ],
    },
    {
      key: 'officers', title: '承办执法人员（《行政处罚法》第四十二条：不少于两人，持有效执法证件）', items: [],
      table: {
        rows: (f.officers || []).map((o) => ({ name: o.name, cert: o.cert_number || '无执法证件', until: o.cert_valid_until ? fmtDate(o.cert_valid_until) : '—' })),
        columns: [{ prop: 'name', label: '姓名', width: 120 }, { prop: 'cert', label: '执法证件编号', minWidth: 160 }, { prop: 'until', label: '有效期至', width: 130 }],
        empty: '未登记执法人员',
      },
    },
  ]
  if (has(f.notified_on)) {
    groups.push({
      key: 'notice', title: '告知与听证（第四十四条、第六十三至六十五条）', items: [
        item('notified_on', '告知日期', fmtDate(f.notified_on)),
        item('proposed_kind', '拟处罚种类', f.proposed_kind_label),
        ...(f.proposed_fine > 0 ? [item('proposed_fine', '拟罚款', yuan(f.proposed_fine))] : []),
        ...(f.proposed_confiscation > 0 ? [item('proposed_confiscation', '拟没收金额或价值', yuan(f.proposed_confiscation))] : []),
        item('hearing_offered', '告知听证权利', f.hearing_offered ? '已告知' : '未告知（不属于第六十三条情形）'),
        ...(has(f.hearing_requested_on) ? [item('hearing_requested_on', '要求听证日期', fmtDate(f.hearing_requested_on))] : []),
        ...(has(f.hearing_on) ? [
          item('hearing_notice_on', '听证通知日期', fmtDate(f.hearing_notice_on)),
          item('hearing_on', '听证日期', `${fmtDate(f.hearing_on)} ${f.hearing_place || ''}（主持人：${f.hearing_host || ''}）`),
        ] : []),
        ...(has(f.hearing_held_on) ? [item('hearing_held_on', '听证举行', fmtDate(f.hearing_held_on))] : []),
        ...(has(f.statement_on) ? [item('statement_on', '陈述申辩', fmtDate(f.statement_on))] : []),
      ],
    })
  }
  if (f.major || has(f.review_opinion)) {
    groups.push({
      key: 'review', title: '法制审核（第五十八条）', items: [
        item('review_opinion', '审核意见', has(f.review_opinion) ? f.review_opinion_label : '尚未审核', { warn: !f.review_ok }),
        item('reviewed_on', '审核日期', has(f.reviewed_on) ? fmtDate(f.reviewed_on) : ''),
        item('reviewer_name', '审核人员', f.reviewer_name),
        item('reviewers', '本单位法制审核人员', (f.reviewers || []).map((r) => `${r.name}（编号 ${r.officer_id}${r.qualified ? '，有法律职业资格' : r.reviews ? '' : '，初次审核须取得法律职业资格'}）`).join('；'), { long: true, span: 2 }),
      ],
    })
  }
  groups.push(...benchmarkGroups(f))
  if (has(f.decided_on)) {
    const punish = f.outcome === 'penalty'
    groups.push({
      key: 'decision', title: '决定、送达与执行（第五十七条、第六十一条、第六十七条）', items: [
        item('decided_on', '决定日期', fmtDate(f.decided_on)),
        item('outcome', '决定结果', f.outcome_label, { tag: true, tagType: punish ? 'danger' : 'success' }),
        ...(punish ? [item('penalty_kind', '处罚种类', f.penalty_kind_label), ...(f.fine_amount > 0 ? [item('fine_amount', '罚款', yuan(f.fine_amount))] : [])]
          : [item('no_penalty_ground', '不予处罚理由', f.no_penalty_ground_label, { span: 2 })]),
        item('decision_text', '决定内容', f.decision_text, { long: true, span: 2 }),
        item('served_on', '送达日期', has(f.served_on) ? `${fmtDate(f.served_on)}（${f.service_method_label || ''}）` : '尚未送达', { empty: !has(f.served_on) }),
        ...(punish && has(f.fine_amount) && f.fine_amount > 0
          ? [item('paid_on', '缴纳罚款', has(f.paid_on) ? `${fmtDate(f.paid_on)} 缴纳 ${yuan(f.paid_amount)}` : '尚未缴纳', { warn: !!f.fine_unpaid })] : []),
      ],
    })
  }
  groups.push(...reviewGroups(f))
  groups.push(...publicationGroups(f, clocks))
  return groups
}

/**
 * 裁量基准 on a penalty case: the row picked at the notice and at the decision (inside or outside,
 * with the reason), and the rows in force for the case's power with their numbers for the forms.
 */
function benchmarkGroups(f) {
  const picks = f.benchmark || {}
  const pickText = (k) => `${k.level_label}：${k.circumstances}（第 ${k.version} 版情形编号 ${k.row_id}）`
  const items = []
  for (const [step, label] of [['notify', '告知时'], ['decide', '决定时']]) {
    const k = picks[step]
    if (!k) continue
    items.push(item(`bench_${step}`, `${label}适用情形`, pickText(k), { span: 2 }))
    items.push(item(`bench_${step}_placement`, `${label}是否在基准内`, k.placement === 'inside' ? k.placement_label : `${k.placement_label}：${k.deviation || ''}`,
      { warn: k.placement !== 'inside', span: 2 }))
    if (k.deviation_reason) items.push(item(`bench_${step}_reason`, '超出裁量基准的理由', k.deviation_reason, { long: true, span: 2 }))
  }
  const rows = f.benchmark_rows || []
  if (!items.length && !rows.length) return []
  return [{
    key: 'benchmark', title: `行政处罚裁量基准${has(f.benchmark_version) ? `（现行第 ${f.benchmark_version} 版）` : ''}：超出幅度须说明理由并经法制审核（第五十八条）`, items,
    table: {
      rows: rows.map((r) => ({ id: r.row_id, level: r.level_label, circumstances: r.circumstances, range: r.range_text, basis: r.basis })),
      columns: [{ prop: 'id', label: '情形编号', width: 90 }, { prop: 'level', label: '违法情节', width: 90 }, { prop: 'circumstances', label: '违法情形', minWidth: 200 },
        { prop: 'range', label: '裁量幅度', minWidth: 200 }, { prop: 'basis', label: '裁量依据', minWidth: 160 }],
      empty: '该事项尚未发布裁量基准',
    },
  }]
}

/** The choices of 适用的裁量基准情形 in the notice and decision forms: the rows in force. */
export function benchmarkChoices(name, fields) {
  if (name !== 'benchmark_row_id') return null
  return (fields.benchmark_rows || []).map((r) => ({ value: r.row_id, label: `${r.level_label}｜${r.circumstances}｜${r.range_text}` }))
}

// ---- coercion cases (行政强制案件, enf_coercion) --------------------------------------------

export function coercionStateType(state) {
  switch (state) {
    case 'closed': case 'ruled': case 'handled': return 'success'
    case 'released': case 'refused': return 'info'
    case 'spot_pending': case 'requested': return 'warning'
    default: return 'primary'
  }
}

/**
 * Groups of a coercion case: the case and its legal basis, the party, the officers (第十八条); for
 * 查封、扣押 the items (第二十四条), approval (第十八、十九条), period and extension (第二十五条) and
 * the end (第二十七、二十八条); for 强制执行 the decision, 催告 and 陈述申辩 (第三十五、三十六条),
 * the own decision (第三十七条) or the court application and ruling (第五十三条).
 */
export function coercionGroups(x) {
  const f = x.fields || {}
  const d = (v) => (has(v) ? fmtDate(v) : '')
  const measure = f.procedure === 'measure'
  const groups = [
    {
      key: 'case', title: '立案', items: [
        item('number', '案号', x.number),
        item('matter', '案由', f.matter, { span: 2 }),
        item('procedure', '类别', measure ? `${f.measure_kind_label || ''}` : f.procedure_label),
        item('body_name', '执法主体', f.body_name, { to: has(f.body_id) ? `/app/enforcement/bodies/${f.body_id}` : undefined }),
        ...(has(f.power_id) ? [item('power_name', '适用职权（权责清单）', f.power_name, { to: `/app/enforcement/powers/${f.power_id}`, span: 2 }),
          item('legal_basis', '法律依据', f.legal_basis, { span: 2 })] : []),
        item('filed_on', '立案日期', d(f.filed_on)),
        item('facts', '理由和依据', f.facts, { long: true, span: 2 }),
      ],
    },
    {
      key: 'party', title: '当事人', items: [
        item('party_name', '当事人', f.party_name),
        item('party_type', '类型', f.party_type_label),
        item('party_id_number', '证件号码', f.party_id_number, { code: true }),
      ],
    },
    {
      key: 'officers', title: '执法人员（《行政强制法》第十八条：两名以上，持有效执法证件）', items: [],
      table: {
        rows: (f.officers || []).map((o) => ({ name: o.name, cert: o.cert_number || '无执法证件' })),
        columns: [{ prop: 'name', label: '姓名', width: 120 }, { prop: 'cert', label: '执法证件编号', minWidth: 160 }],
        empty: '未登记执法人员',
      },
    },
  ]
  if (measure) {
    groups.push({
      key: 'items', title: '查封、扣押清单（第二十四条）', items: [],
      table: {
        rows: f.items || [],
        columns: [{ prop: 'seq', label: '序号', width: 70 }, { prop: 'name', label: '名称', minWidth: 160 }, { prop: 'quantity', label: '数量', width: 120 }, { prop: 'place', label: '存放地点', minWidth: 160 }],
        empty: '未登记清单',
      },
    })
    groups.push({
      key: 'measure', title: '批准、实施与期限（第十八条、第十九条、第二十五条）', items: [
        item('approval', '批准方式', f.approval_label, { span: 2 }),
        item('taken_on', '实施日期', has(f.taken_on) ? `${fmtDate(f.taken_on)} ${f.taken_at || ''}` : '尚未实施', { empty: !has(f.taken_on) }),
        item('approved_on', '负责人批准', has(f.approved_on) ? `${fmtDate(f.approved_on)} ${f.approved_at || ''}` : has(f.refused_on) ? `${fmtDate(f.refused_on)} 不予批准` : '尚未批准',
          { warn: !has(f.approved_on) }),
        ...(f.extended ? [item('extended_on', '延长期限', `${fmtDate(f.extended_on)} 批准延长 ${f.extension_days} 日，${fmtDate(f.party_told_on)} 书面告知当事人`, { span: 2 })] : []),
        ...(has(f.released_on) ? [item('released_on', '解除（第二十八条）', `${fmtDate(f.released_on)}：${f.release_reason_label || ''}`, { span: 2 })] : []),
        ...(has(f.handled_on) ? [item('handled_on', '依法处理（第二十七条）', `${fmtDate(f.handled_on)}：${f.handling_label || ''}${f.handling_penalty_number ? `（${f.handling_penalty_number}）` : ''}${f.handling_basis ? `（${f.handling_basis}）` : ''}`, { span: 2 })] : []),
      ],
    })
  } else {
    groups.push({
      key: 'execution', title: '强制执行（第三十五条至第三十七条、第五十三条）', items: [
        item('decision', '未履行的行政决定', f.penalty_number ? `行政处罚决定 ${f.penalty_number}` : f.decision_text, { to: has(f.penalty_case_id) ? `/app/cases/${f.penalty_case_id}` : undefined, span: 2 }),
        item('obligation', '应当履行的义务', f.obligation + (f.amount > 0 ? `（${fmtNumber(f.amount)} 元）` : '')),
        item('decision_served_on', '决定送达日期', d(f.decision_served_on)),
        item('remedy_end_on', '复议、诉讼期限届满', has(f.remedy_end_on) ? `${fmtDate(f.remedy_end_on)}（${f.remedy_article || ''}）` : '', { long: true, span: 2 }),
        item('reminded_on', '催告', has(f.reminded_on) ? `${fmtDate(f.reminded_on)} 送达催告书，履行期限 ${f.perform_days} 个工作日` : '尚未催告', { empty: !has(f.reminded_on) }),
        ...(has(f.statement_on) ? [item('statement', '陈述申辩（第三十六条）', `${fmtDate(f.statement_on)}：${f.statement}${f.statement_adopted ? '（予以采纳）' : ''}`, { long: true, span: 2 })] : []),
        ...(has(f.exec_decided_on) ? [item('exec', '强制执行决定（第三十七条）', `${fmtDate(f.exec_decided_on)}：${f.exec_method_label || ''}；依据 ${f.exec_power_law || ''}`, { span: 2 })] : []),
        ...(has(f.court_applied_on) ? [item('court', '申请法院强制执行（第五十三条）', `${fmtDate(f.court_applied_on)} 向${f.court || ''}申请`, { span: 2 })] : []),
        ...(has(f.ruled_on) ? [item('ruling', '法院裁定', `${fmtDate(f.ruled_on)} ${f.ruling_label || ''}${f.ruling_no ? `（${f.ruling_no}）` : ''}`, { span: 2 })] : []),
        ...(has(f.closed_on) ? [item('closed_on', f.performed ? '当事人履行' : '执行完毕', fmtDate(f.closed_on))] : []),
      ],
    })
  }
  return groups
}
