// Administrative reconsideration (行政复议, 行政复议法 2023) and litigation (行政应诉,
// 行政诉讼法): the reference lists the pages show, the client-side checks that mirror the
// server's (docs/api.md "Administrative reconsideration"), and the 60-day application period
// of 第二十条 as far as a browser can tell it without the holiday calendar.
import api from '../../api.js'
import { phoneValid, chars } from '../../validate.js'
import { fmtDate, fmtInstant } from '../../format.js'

// The reference lists (act types, applicant types, decisions with their articles, instances,
// outcomes, appearance posts…) come from the server's own tables: GET
// /api/public/reconsideration/meta, fetched once per page load.
let metaPromise = null
export function getReconMeta() {
  if (!metaPromise) metaPromise = api.get('/api/public/reconsideration/meta').catch((e) => { metaPromise = null; throw e })
  return metaPromise
}

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
    late_reason: [max(1000, '耽误申请期限的理由')],
  }
}

export const APPLICATION_KEYS = ['applicant_name', 'applicant_type', 'applicant_id', 'phone', 'address', 'representative',
  'third_parties', 'respondent_agency_id', 'act_type', 'act_number', 'act_date', 'learned_on', 'requests', 'facts', 'late_reason']

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
const clockOf = (clocks, name) => (clocks || []).find((k) => k.name === name) || null
const day = (d) => (has(d) ? fmtDate(d) : '')

/** Groups of a reconsideration case, all from its fields (docs/api.md "Fields"). */
export function reconGroups(x, clocks) {
  const f = x.fields || {}
  const org = has(f.applicant_type) && f.applicant_type !== 'natural'
  const groups = [
    {
      key: 'request', title: '申请信息', items: [
        item('number', '案件编号', x.number),
        item('state_label', '办理状态', x.state_label),
        item('channel', '申请方式', f.channel_label),
        item('received_on', '收到申请日期', day(x.received_on)),
        item('due_date', '最近到期日', has(x.due_date) ? fmtDate(x.due_date) : '无正在计算的期限'),
        item('tracking_code', '查询码', x.tracking_code),
        // Three-valued (late, in time, 待定 while the year's holidays are not loaded): the server's words.
        item('late', '申请期限（第二十条）', f.late_label || (f.late ? '已超过 60 日申请期限' : '在 60 日申请期限内'), { warn: f.late !== false }),
        item('created_at', '登记时间', fmtInstant(x.created_at)),
      ],
    },
    {
      key: 'applicant', title: '申请人及其他参加人', items: [
        item('applicant_type', '申请人类型', f.applicant_type_label),
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
        item('act_type', '行政行为类型', f.act_type_label),
        item('act_number', '文书编号', f.act_number),
        item('act_date', '作出日期', day(f.act_date)),
        item('learned_on', '知道该行为日期', day(f.learned_on)),
        item('requests', '行政复议请求', f.requests, { long: true }),
        item('facts', '事实和理由', f.facts, { long: true }),
      ],
    },
  ]
  if (has(f.late_reason)) groups[0].items.push(item('late_reason', '耽误申请期限的理由（第二十条）', f.late_reason, { long: true, warn: !!f.late }))

  const review = []
  if (has(f.accepted_on) || has(f.procedure)) {
    review.push(item('procedure', '审理程序', f.procedure_label, { tag: true, tagType: f.procedure === 'simplified' ? 'success' : 'primary',
      article: f.procedure === 'simplified' ? '《行政复议法》第五十三条' : '《行政复议法》第四十八条' }))
    review.push(item('accepted_on', '受理日期', day(f.accepted_on)))
    // 第三十条第三款: accepted by law when the review ran out in silence; the server's words.
    if (f.accepted_how === 'deemed') review.push(item('acceptance', '视为受理', f.acceptance_label, { long: true, warn: true }))
    if (has(f.simplified_ground)) review.push(item('simplified_ground', '适用简易程序的情形', f.simplified_ground_label))
    if (has(f.switched_on)) review.push(item('switch_normal', '转为普通程序', `${fmtDate(f.switched_on)}：${f.switch_reason || ''}`, { long: true }))
    if (has(f.extended_on)) review.push(item('extend', '延长审理期限（第六十二条）', `${fmtDate(f.extended_on)} 延长 ${f.extended_days} 日：${f.extension_reason || ''}`, { long: true }))
    review.push(item('copy_sent_on', '发送申请书副本', has(f.copy_sent_on) ? fmtDate(f.copy_sent_on) : '尚未发送', { empty: !has(f.copy_sent_on) }))
    if (has(f.answer_received_on)) review.push(item('answer', '被申请人答复', `${fmtDate(f.answer_received_on)} 收到${f.answer_summary ? `：${f.answer_summary}` : ''}`, { long: true }))
    if (has(f.hearing_on)) review.push(item('hearing_on', '听证日期（第五十一条）', `${fmtDate(f.hearing_on)}${has(f.hearing_notified_on) ? `（${fmtDate(f.hearing_notified_on)} 通知）` : ''}`))
  }
  // 中止 (第三十九条): each suspension with its reason and the day it was resumed.
  const suspensions = (f.suspensions || []).map((s) =>
    `${fmtDate(s.from)} 中止${s.to ? `，${fmtDate(s.to)} 恢复审理` : x.state === 'suspended' ? '，尚未恢复' : '，未恢复即结案'}：${s.reason}`)
  if (suspensions.length) review.push(item('suspension', '中止审理（第三十九条）', suspensions.join('\n'), { long: true }))
  if (review.length) groups.push({ key: 'review', title: '审理情况', items: review })

  if (['refused', 'forwarded', 'withdrawn'].includes(x.state)) {
    groups.push({ key: 'closing', title: '审查结论', items: [
      item('closing', '结论', x.state_label, { tag: true, tagType: 'info', article: x.state === 'withdrawn' ? '《行政复议法》第三十一条' : '《行政复议法》第三十条' }),
      item('closing_ground', x.state === 'forwarded' ? '有权受理的复议机关' : '理由和依据', x.state === 'forwarded' ? f.forward_to : f.decision_text, { long: true }),
    ] })
  }

  if (has(f.decision_label)) {
    // decision_label carries its article: "撤销（第64条）".
    const m = String(f.decision_label).match(/^(.*?)（(第[^）]+条)）$/)
    const corrected = f.decision_class === 'corrected'
    groups.push({ key: 'decision', title: '复议决定', items: [
      item('decision', '决定类型', m ? m[1] : f.decision_label, { tag: true, tagType: corrected ? 'danger' : 'success',
        article: m ? `《行政复议法》${m[2]}${corrected ? ' · 计入纠错' : ''}` : '' }),
      item('decided_on', '决定日期', day(f.decided_on)),
      item('decision_text', '决定书正文', f.decision_text, { long: true }),
    ] })
  }

  const opinions = f.opinions || []
  if (opinions.length) {
    const report = clockOf(clocks, 'opinion_report')
    const items = []
    opinions.forEach((o, i) => {
      const n = opinions.length > 1 ? `（${i + 1}）` : ''
      items.push(item(i ? `opinion-${i}` : 'opinion', `${o.kind_label}${n}`, `${fmtDate(o.issued_on)} 制发：${o.content}`, { long: true }))
      const due = !o.reported && report && report.state !== 'stopped'
        ? `，应于 ${report.due_date ? fmtDate(report.due_date) : '（到期日待定）'} 前报告（收到之日起 60 日）` : ''
      items.push(item(i ? `opinion_reported-${i}` : 'opinion_reported', `纠正情况报告${n}`,
        o.reported ? `${fmtDate(o.reported_on)} 收到：${o.report_summary || ''}` : `尚未报告${due}`, { long: true, empty: !o.reported, warn: !o.reported }))
    })
    groups.push({ key: 'opinion', title: '行政复议意见书、建议书（第七十六条）', items })
  }
  return groups
}

/** Groups of a lawsuit: the case, its hearings with who appeared (第三条), the judgments and any judicial suggestion. */
export function litigationGroups(x, clocks) {
  const f = x.fields || {}
  const groups = [
    {
      key: 'lawsuit', title: '案件信息', items: [
        item('number', '案件编号', x.number),
        item('state_label', '办理状态', x.state_label),
        item('agency_name', '被告', x.agency_name),
        item('plaintiff', '原告', f.plaintiff),
        item('court', '受理法院', f.court),
        item('instance', '审级', f.instance_label),
        item('act_type', '被诉行政行为', f.act_type_label),
        item('act_number', '文书编号', f.act_number),
        item('received_on', '收到起诉状副本日期', day(x.received_on)),
        item('defense_filed_on', '提交答辩状日期（第六十七条）', has(f.defense_filed_on) ? fmtDate(f.defense_filed_on) : '尚未提交', { empty: !has(f.defense_filed_on) }),
        has(f.recon_case_id)
          ? item('recon_number', '经复议后起诉', f.recon_number || `复议案件 ${f.recon_case_id}`, { to: `/app/cases/${f.recon_case_id}` })
          : item('recon_number', '经复议后起诉', '否（直接起诉）'),
      ],
    },
  ]
  const hearings = (f.hearings || []).map((h) => ({
    hearing_on: fmtDate(h.hearing_on),
    appearer: h.appearer || '—',
    post: h.post_label,
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
  const corrected = (o) => ['revoke', 'confirm_illegal', 'order_perform', 'change'].includes(o)
  if (has(f.outcome) || has(f.judged_on)) {
    groups.push({ key: 'judgment', title: `裁判结果（${f.instance_label || ''}）`, items: [
      item('outcome', '裁判结果', f.outcome_label, { tag: true, tagType: corrected(f.outcome) ? 'danger' : 'success' }),
      item('judged_on', '裁判日期', day(f.judged_on)),
      item('judgment_text', '裁判要旨', f.judgment_text, { long: true }),
    ] })
  }
  // Earlier instances (an appeal or a retrial followed): each judgment as it was given.
  const earlier = (f.judgments || []).filter((j) => !(has(f.judged_on) && j.judged_on === f.judged_on && j.instance === f.instance && j.outcome === f.outcome))
  if (earlier.length) {
    groups.push({ key: 'judgments', title: '此前审级的裁判', items: earlier.map((j, i) =>
      item(`judgment-${i}`, `${j.instance_label} · ${j.court}`, `${fmtDate(j.judged_on)} ${j.outcome_label}${j.text ? `：${j.text}` : ''}`, { long: true })) })
  }
  const suggestions = f.suggestions || []
  if (suggestions.length) {
    const k = clockOf(clocks, 'suggestion')
    const items = []
    suggestions.forEach((s, i) => {
      const n = suggestions.length > 1 ? `（${i + 1}）` : ''
      items.push(item(i ? `suggestion-${i}` : 'suggestion', `司法建议${n}`, `${fmtDate(s.received_on)} 收到：${s.content}`, { long: true }))
      const due = !s.replied && k && k.state !== 'stopped' ? `待回复，期限 ${k.due_date ? fmtDate(k.due_date) : '（到期日待定）'}` : '待回复'
      items.push(item(i ? `suggestion_reply-${i}` : 'suggestion_reply', `落实情况${n}`, s.replied ? `${fmtDate(s.replied_on)} 回复：${s.reply}` : due,
        { long: true, warn: !s.replied }))
    })
    groups.push({ key: 'suggestion', title: '司法建议', items })
  }
  return groups
}
