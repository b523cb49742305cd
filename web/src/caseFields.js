// The fields of a case as the case detail page shows them: in two columns, a long text across
// both. The page's plain view and every module's case panel build their rows with these.
import { fmtDate, fmtInstant } from './format.js'

/**
 * Two-column rows: a long text takes a whole row, and a short field left alone before one (or at
 * the end) is widened so that no cell is left empty. Sets `span` on each item; returns the list.
 */
export function layout(items) {
  let col = 0
  items.forEach((it, i) => {
    it.span = it.long ? 2 : 1
    if (it.long && col === 1) items[i - 1].span = 2
    col = it.long ? 0 : (col + 1) % 2
  })
  if (col === 1 && items.length) items[items.length - 1].span = 2
  return items
}

// Shown for a field of no declared label: what every procedure may carry.
const COMMON_LABELS = {
  name: '姓名', phone: '联系电话', address: '地址', email: '电子邮箱', applicant: '申请人',
  reason: '原因', closed_on: '办结日期',
}
const COMMON_LONG = ['content', 'note', 'reason', 'description']

function fieldValue(key, raw, fields) {
  const labelKey = `${key}_label`
  if (labelKey in fields && fields[labelKey]) return fields[labelKey]
  if (typeof raw === 'boolean') return raw ? '是' : '否'
  if (raw === null || raw === undefined || raw === '') return '—'
  if (key.endsWith('_on')) return fmtDate(raw)
  if (key.endsWith('_at')) return fmtInstant(raw)
  if (typeof raw === 'object') return JSON.stringify(raw)
  return String(raw)
}

/**
 * The plain view of a case: its common columns, then every domain field that has a value, labelled
 * from `labels` (a module's) or the common labels, or else by its key. Texts in `longFields`, and any
 * value over 40 characters, take a whole row.
 */
export function plainItems(x, labels = {}, longFields = []) {
  const items = [
    { key: 'number', label: '编号', value: x.number || '—' },
    { key: 'type_label', label: '类型', value: x.type_label || '—' },
    { key: 'state_label', label: '状态', value: x.state_label || '—' },
    { key: 'agency_name', label: '承办单位', value: x.agency_name || '—' },
    { key: 'received_on', label: '收件日期', value: fmtDate(x.received_on) },
    { key: 'created_at', label: '登记时间', value: fmtInstant(x.created_at) },
    { key: 'due_date', label: '到期日', value: fmtDate(x.due_date) },
  ]
  if (x.tracking_code) items.push({ key: 'tracking_code', label: '查询码', value: x.tracking_code })
  const fields = x.fields || {}
  const all = { ...COMMON_LABELS, ...labels }
  for (const [key, raw] of Object.entries(fields)) {
    if (key.endsWith('_label') && (key.slice(0, -6) in fields)) continue
    // Fields not filled yet (a reply before there is one) are left out rather than shown empty.
    if (raw === null || raw === undefined || raw === '') continue
    const value = fieldValue(key, raw, fields)
    const base = key.replace(/_label$/, '')
    const long = COMMON_LONG.includes(key) || longFields.includes(key) || value.length > 40
    items.push({ key, label: all[key] || all[base] || base, value, long })
  }
  return layout(items)
}
