// Administrative reconsideration (行政复议, 行政复议法 2023) and litigation (行政应诉,
// 行政诉讼法): the reference lists the pages show, the client-side checks that mirror the
// server's (docs/api.md "Administrative reconsideration"), and the 60-day application period
// of 第二十条 as far as a browser can tell it without the holiday calendar.
import { phoneValid, chars } from './disclosure.js'
import { fmtDate, fmtInstant } from './format.js'

// The server declares these lists in its inputs (src/modules/reconsideration) but publishes
// no endpoint for them; keep them in step with fz_recon_act_types and the litigation inputs.
export const APPLICANT_TYPES = [
  { value: 'natural', label: '公民' },
  { value: 'legal_person', label: '法人' },
  { value: 'other_org', label: '其他组织' },
]

export const ACT_TYPES = [
  { value: 'penalty', label: '行政处罚' },
  { value: 'licensing', label: '行政许可' },
  { value: 'coercion', label: '行政强制' },
  { value: 'levy', label: '行政征收' },
  { value: 'confirmation', label: '行政确认' },
  { value: 'ownership', label: '行政确权' },
  { value: 'disclosure', label: '政府信息公开' },
  { value: 'inaction', label: '不履行法定职责' },
  { value: 'other', label: '其他' },
]

export const CHANNELS = [
  { value: 'online', label: '网上申请' },
  { value: 'written', label: '书面申请' },
  { value: 'oral', label: '口头申请' },
]

export const INSTANCES = [
  { value: 'first', label: '一审' },
  { value: 'second', label: '二审' },
  { value: 'retrial', label: '再审' },
]

export const POSTS = [
  { value: 'head', label: '正职负责人' },
  { value: 'deputy', label: '副职负责人' },
  { value: 'staff', label: '其他工作人员' },
]

export const SIMPLIFIED_GROUNDS = [
  { value: 'on_spot', label: '当场作出的行政行为' },
  { value: 'warning', label: '警告或者通报批评' },
  { value: 'amount_3000', label: '案件涉及款额三千元以下' },
  { value: 'disclosure', label: '政府信息公开案件' },
  { value: 'consent', label: '当事人各方同意适用简易程序' },
]

export function labelOf(list, value) {
  const o = (list || []).find((x) => x.value === value)
  return o ? o.label : value
}

/** Tag colour of a reconsideration or litigation state. */
export function reconStateType(state) {
  switch (state) {
    case 'decided': case 'judged': return 'success'
    case 'refused': case 'forwarded': case 'withdrawn': return 'info'
    case 'correcting': case 'suspended': case 'received': return 'warning'
    default: return 'primary'
  }
}

const DAY = 86400000
const toUtc = (s) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)))
const fromUtc = (t) => new Date(t).toISOString().slice(0, 10)

/**
 * 第二十条: sixty days from the day the applicant knew of the act. The day of knowing is not
 * counted; a period ending on a Saturday or Sunday runs to the Monday (第八十八条). The browser
 * does not know the official holidays, so the answer is "looks late"; the server decides.
 * Returns {lastDay, late} or null when a date is missing.
 */
export function applicationPeriod(learnedOn, receivedOn) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(learnedOn || '') || !/^\d{4}-\d{2}-\d{2}$/.test(receivedOn || '')) return null
  let t = toUtc(learnedOn) + 60 * DAY
  const wd = new Date(t).getUTCDay()
  if (wd === 6) t += 2 * DAY
  else if (wd === 0) t += DAY
  const lastDay = fromUtc(t)
  return { lastDay, late: receivedOn > lastDay }
}

/**
 * el-form rules of an application (portal form and staff registration): the server's required
 * fields and limits (recon_api.c RECON_INPUTS), dates not after the receipt day.
 */
export function applicationRules(form, receivedOn) {
  const max = (n, label) => ({ validator: (_r, v, cb) => (chars(v) > n ? cb(new Error(`${label}不能超过 ${n} 个字`)) : cb()), trigger: 'blur' })
  const received = () => (typeof receivedOn === 'function' ? receivedOn() : receivedOn)
  return {
    applicant_type: [{ required: true, message: '请选择申请人类型', trigger: 'change' }],
    applicant_name: [{ required: true, whitespace: true, message: '请填写申请人姓名或名称', trigger: 'blur' }, max(100, '申请人姓名或名称')],
    applicant_id: [max(30, '证件号码')],
    phone: [
      { required: true, whitespace: true, message: '请填写联系电话', trigger: 'blur' },
      { validator: (_r, v, cb) => (phoneValid(String(v || '').trim()) ? cb() : cb(new Error('联系电话格式不正确：应为 7 至 20 位数字，可含 - 和 +'))), trigger: 'blur' },
    ],
    address: [max(200, '住所或通信地址')],
    representative: [max(100, '代理人')],
    third_parties: [max(200, '第三人')],
    respondent_agency_id: [{ required: true, type: 'number', message: '请选择被申请人', trigger: 'change' }],
    act_type: [{ required: true, message: '请选择行政行为类型', trigger: 'change' }],
    act_number: [max(60, '行政行为文书编号')],
    act_date: [{ validator: (_r, v, cb) => {
      if (v && form.learned_on && v > form.learned_on) return cb(new Error('作出日期不能晚于知道该行政行为的日期'))
      return cb()
    }, trigger: 'change' }],
    learned_on: [
      { required: true, message: '请选择知道该行政行为的日期', trigger: 'change' },
      { validator: (_r, v, cb) => (v && received() && v > received() ? cb(new Error('知道该行政行为的日期不能晚于收到申请之日')) : cb()), trigger: 'change' },
    ],
    requests: [{ required: true, whitespace: true, message: '请填写行政复议请求', trigger: 'blur' }, max(3000, '行政复议请求')],
    facts: [max(10000, '事实和理由')],
  }
}

export const APPLICATION_KEYS = ['applicant_name', 'applicant_type', 'applicant_id', 'phone', 'address', 'representative',
  'third_parties', 'respondent_agency_id', 'act_type', 'act_number', 'act_date', 'learned_on', 'requests', 'facts']

/** The request body: trimmed strings, empty optional fields left out (the server rejects unknown keys). */
export function applicationBody(form, keys = APPLICATION_KEYS) {
  const body = {}
  for (const k of keys) {
    let v = form[k]
    if (typeof v === 'string') v = v.trim()
    if (v === '' || v === null || v === undefined) continue
    body[k] = v
  }
  return body
}

/** A copy of text to the clipboard, also on plain http (no secure context). */
export async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text)
    return
  }
  const ta = document.createElement('textarea')
  ta.value = text
  ta.setAttribute('readonly', '')
  ta.style.position = 'fixed'
  ta.style.opacity = '0'
  document.body.appendChild(ta)
  ta.select()
  const ok = document.execCommand('copy')
  document.body.removeChild(ta)
  if (!ok) throw new Error('copy failed')
}

/** "2026-11-23" -> "2026年11月23日". */
export function fmtDateCn(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s || '')) return s || '—'
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`
}

// ---- the case detail page: a reconsideration case's and a lawsuit's fields, grouped -----------

const has = (v) => v !== null && v !== undefined && v !== ''
function item(key, label, value, opts = {}) {
  return { key, label, value: has(value) ? String(value) : '未填写', empty: !has(value), ...opts }
}
const eventsOf = (events, action) => (events || []).filter((e) => e.action === action)
const lastNote = (events, action) => eventsOf(events, action).at(-1)?.note || ''
const clockOf = (clocks, name) => (clocks || []).find((k) => k.name === name) || null

/** Groups of a reconsideration case (docs/api.md "Fields"), with hearings, suspension and opinion letters from the record. */
export function reconGroups(x, clocks, events) {
  const f = x.fields || {}
  const org = has(f.applicant_type) && f.applicant_type !== 'natural'
  const groups = [
    {
      key: 'request', title: '申请信息', items: [
        item('number', '案件编号', x.number),
        item('state_label', '办理状态', x.state_label),
        item('channel', '申请方式', labelOf(CHANNELS, f.channel)),
        item('received_on', '收到申请日期', has(x.received_on) ? fmtDate(x.received_on) : ''),
        item('due_date', '最近到期日', has(x.due_date) ? fmtDate(x.due_date) : '无正在计算的期限'),
        item('tracking_code', '查询码', x.tracking_code),
        item('late', '申请期限（第二十条）', f.late ? '已超过 60 日申请期限' : '在 60 日申请期限内', { warn: !!f.late }),
        item('created_at', '登记时间', fmtInstant(x.created_at)),
      ],
    },
    {
      key: 'applicant', title: '申请人及其他参加人', items: [
        item('applicant_type', '申请人类型', labelOf(APPLICANT_TYPES, f.applicant_type)),
        item('applicant_name', org ? '申请人名称' : '申请人姓名', f.applicant_name),
        item('applicant_id', org ? '统一社会信用代码' : '身份证件号码', f.applicant_id),
        item('phone', '联系电话', f.phone),
        item('address', '住所或通信地址', f.address),
        item('representative', org ? '法定代表人或代理人' : '代理人', f.representative),
        item('third_parties', '第三人', f.third_parties, { long: true }),
      ],
    },
    {
      key: 'act', title: '被申请人与行政行为', items: [
        item('respondent_name', '被申请人', f.respondent_name),
        item('act_type', '行政行为类型', f.act_type_label || labelOf(ACT_TYPES, f.act_type)),
        item('act_number', '文书编号', f.act_number),
        item('act_date', '作出日期', has(f.act_date) ? fmtDate(f.act_date) : ''),
        item('learned_on', '知道该行为日期', has(f.learned_on) ? fmtDate(f.learned_on) : ''),
        item('requests', '行政复议请求', f.requests, { long: true }),
        item('facts', '事实和理由', f.facts, { long: true }),
      ],
    },
  ]
  if (has(f.late_reason)) groups[0].items.push(item('late_reason', '超过申请期限仍受理的理由', f.late_reason, { long: true }))

  const review = []
  if (has(f.accepted_on) || has(f.procedure)) {
    review.push(item('procedure', '审理程序', f.procedure_label || f.procedure, { tag: true, tagType: f.procedure === 'simplified' ? 'success' : 'primary',
      article: f.procedure === 'simplified' ? '《行政复议法》第五十三条' : '《行政复议法》第四十八条' }))
    review.push(item('accepted_on', '受理日期', has(f.accepted_on) ? fmtDate(f.accepted_on) : ''))
    if (has(f.simplified_ground)) review.push(item('simplified_ground', '适用简易程序的情形', labelOf(SIMPLIFIED_GROUNDS, f.simplified_ground)))
    const switched = eventsOf(events, 'switch_normal').at(-1)
    if (switched) review.push(item('switch_normal', '转为普通程序', `${fmtDate(switched.at)}：${switched.note || ''}`, { long: true }))
    const extended = eventsOf(events, 'extend').at(-1)
    const dec = clockOf(clocks, 'decision')
    if (extended) review.push(item('extend', '延长审理期限（第六十二条）', `延长 ${dec?.extended_days || ''} 日：${extended.note || ''}`, { long: true }))
    if (has(f.hearing_on)) review.push(item('hearing_on', '听证日期（第五十一条）', fmtDate(f.hearing_on)))
    const answer = eventsOf(events, 'answer_received').at(-1)
    if (answer) review.push(item('answer', '被申请人答复', `${fmtDate(answer.at)} 收到${answer.note ? `：${answer.note}` : ''}`, { long: true }))
  }
  // 中止 (第三十九条): each suspension with its reason and the day it was resumed.
  const suspensions = eventsOf(events, 'suspend').map((e) => {
    const resumed = (events || []).find((r) => r.action === 'resume' && String(r.at) > String(e.at))
    return `${fmtDate(e.at)} 中止${resumed ? `，${fmtDate(resumed.at)} 恢复审理` : '，尚未恢复'}：${e.note || ''}`
  })
  if (suspensions.length) review.push(item('suspension', '中止审理（第三十九条）', suspensions.join('\n'), { long: true }))
  if (review.length) groups.push({ key: 'review', title: '审理情况', items: review })

  if (['refused', 'forwarded', 'withdrawn'].includes(x.state)) {
    const ground = lastNote(events, 'refuse') || lastNote(events, 'forward')
    groups.push({ key: 'closing', title: '审查结论', items: [
      item('closing', '结论', x.state_label, { tag: true, tagType: 'info', article: x.state === 'withdrawn' ? '《行政复议法》第三十一条' : '《行政复议法》第三十条' }),
      item('closing_ground', x.state === 'forwarded' ? '有权受理的复议机关' : '理由和依据', ground, { long: true }),
    ] })
  }

  if (has(f.decision)) {
    // decision_label carries its article: "撤销（第64条）".
    const m = String(f.decision_label || '').match(/^(.*?)（(第[^）]+条)）$/)
    const corrected = ['change', 'revoke', 'partial_revoke', 'revoke_remake', 'confirm_illegal', 'order_perform', 'confirm_void'].includes(f.decision)
    groups.push({ key: 'decision', title: '复议决定', items: [
      item('decision', '决定类型', m ? m[1] : f.decision_label || f.decision, { tag: true, tagType: corrected ? 'danger' : 'success',
        article: m ? `《行政复议法》${m[2]}${corrected ? ' · 计入纠错' : ''}` : '' }),
      item('decided_on', '决定日期', has(f.decided_on) ? fmtDate(f.decided_on) : ''),
      item('decision_text', '决定书正文', f.decision_text || lastNote(events, 'end'), { long: true }),
    ] })
  }

  const opinions = eventsOf(events, 'issue_opinion')
  if (opinions.length) {
    const report = clockOf(clocks, 'opinion_report')
    const reported = eventsOf(events, 'opinion_reported').at(-1)
    groups.push({ key: 'opinion', title: '行政复议意见书（第七十六条）', items: [
      item('opinion', '意见书内容', opinions.map((e) => `${fmtDate(e.at)}：${e.note || ''}`).join('\n'), { long: true }),
      item('opinion_due', '报告纠正情况期限', report ? `${report.due_date ? fmtDate(report.due_date) : '到期日待定'}（收到之日起 60 日）` : ''),
      item('opinion_reported', '纠正情况报告', reported ? `${fmtDate(reported.at)}：${reported.note || ''}` : '尚未报告', { long: true, empty: !reported }),
    ] })
  }
  return groups
}

/** Groups of a lawsuit: the case, its hearings with who appeared (第三条), the judgment and any judicial suggestion. */
export function litigationGroups(x, clocks, events) {
  const f = x.fields || {}
  const groups = [
    {
      key: 'lawsuit', title: '案件信息', items: [
        item('number', '案件编号', x.number),
        item('state_label', '办理状态', x.state_label),
        item('agency_name', '被告', x.agency_name),
        item('plaintiff', '原告', f.plaintiff),
        item('court', '受理法院', f.court),
        item('instance', '审级', labelOf(INSTANCES, f.instance)),
        item('act_type', '被诉行政行为', labelOf(ACT_TYPES, f.act_type)),
        item('act_number', '文书编号', f.act_number),
        item('received_on', '收到起诉状副本日期', has(x.received_on) ? fmtDate(x.received_on) : ''),
        has(f.recon_case_id)
          ? item('recon_number', '经复议后起诉', f.recon_number || `复议案件 ${f.recon_case_id}`, { to: `/app/cases/${f.recon_case_id}` })
          : item('recon_number', '经复议后起诉', '否（直接起诉）'),
      ],
    },
  ]
  const hearings = (f.hearings || []).map((h) => ({
    hearing_on: fmtDate(h.hearing_on),
    appearer: h.appearer || '—',
    post: labelOf(POSTS, h.post),
    head: h.head_appeared ? '负责人出庭' : '未出庭',
    headType: h.head_appeared ? 'success' : 'danger',
    reason: h.reason || (h.head_appeared ? '—' : '未说明'),
  }))
  const appeared = (f.hearings || []).filter((h) => h.head_appeared).length
  groups.push({
    key: 'hearings',
    title: `开庭及负责人出庭应诉（《行政诉讼法》第三条）${hearings.length ? `：开庭 ${hearings.length} 次，负责人出庭 ${appeared} 次` : ''}`,
    items: [],
    table: {
      empty: '尚未登记开庭',
      rows: hearings,
      columns: [
        { prop: 'hearing_on', label: '开庭日期', width: 110, num: true },
        { prop: 'appearer', label: '出庭人员', width: 110 },
        { prop: 'post', label: '职务', width: 120 },
        { prop: 'head', label: '负责人出庭', width: 110, tag: 'headType' },
        { prop: 'reason', label: '负责人未出庭的原因', minWidth: 200 },
      ],
    },
  })
  if (has(f.outcome) || has(f.judged_on)) {
    groups.push({ key: 'judgment', title: '裁判结果', items: [
      item('outcome', '裁判结果', f.outcome_label || f.outcome, { tag: true, tagType: ['revoke', 'confirm_illegal', 'order_perform', 'change'].includes(f.outcome) ? 'danger' : 'success' }),
      item('judged_on', '裁判日期', has(f.judged_on) ? fmtDate(f.judged_on) : ''),
      item('judgment_text', '裁判要旨', lastNote(events, 'judge'), { long: true }),
    ] })
  }
  if (has(f.suggestion)) {
    const k = clockOf(clocks, 'suggestion')
    const reply = lastNote(events, 'suggestion_handled')
    groups.push({ key: 'suggestion', title: '司法建议', items: [
      item('suggestion', '司法建议内容', f.suggestion, { long: true }),
      item('suggestion_due', '回复期限', k ? (k.due_date ? fmtDate(k.due_date) : '到期日待定') : ''),
      item('suggestion_state', '回复情况', k?.state === 'stopped' ? '已回复' : '待回复', { warn: k?.state !== 'stopped' }),
      item('suggestion_reply', '落实情况', reply, { long: true }),
    ] })
  }
  return groups
}
