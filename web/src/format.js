// Display conventions of the application: dates YYYY-MM-DD, instants in Asia/Shanghai
// as "YYYY-MM-DD HH:mm", numbers grouped the Chinese way, rates with one decimal.

const instantFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function parts(date) {
  const out = {}
  for (const p of instantFmt.formatToParts(date)) out[p.type] = p.value
  return out
}

/** "2026-03-04T01:02:03Z" -> "2026-03-04 09:02" (China Standard Time). */
export function fmtInstant(value) {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return String(value)
  const p = parts(d)
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** A law date ("2026-03-04") or an instant, shown as YYYY-MM-DD. */
export function fmtDate(value) {
  if (!value) return '—'
  const s = String(value)
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  const p = parts(d)
  return `${p.year}-${p.month}-${p.day}`
}

const numFmt = new Intl.NumberFormat('zh-CN')

export function fmtNumber(n) {
  if (n === null || n === undefined || n === '') return '—'
  const v = Number(n)
  return Number.isFinite(v) ? numFmt.format(v) : String(n)
}

export function fmtRate(r) {
  if (r === null || r === undefined || r === '') return '—'
  const v = Number(r)
  return Number.isFinite(v) ? `${v.toFixed(1)}%` : String(r)
}

export function fmtSize(bytes) {
  const b = Number(bytes) || 0
  if (b < 1024) return `${b} 字节`
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KB`
  return `${(b / 1024 / 1024).toFixed(1)} MB`
}

/** Days left on a clock, in words: 剩余 3 天 / 今日到期 / 超期 2 天. */
export function fmtDaysLeft(days, unitLabel, kind) {
  if (days === null || days === undefined) return '—'
  if (kind === 'validity') return fmtDueLeft(days, kind)
  // Working days are counted as such; calendar days (自然日, and the fixed-end 日（期满不顺延）) as days.
  const u = unitLabel === '工作日' ? ' 个工作日' : ' 天'
  if (days > 0) return `剩余 ${numFmt.format(days)}${u}`
  if (days === 0) return '今日到期'
  return `超期 ${numFmt.format(-days)}${u}`
}

/**
 * Days left on a clock in words, by what the clock is: a time limit to act (剩 3 天 / 今日到期 /
 * 超 2 天) or a validity period such as a certificate's (90 天后到期 / 今日到期 / 已过期 2 天).
 */
export function fmtDueLeft(days, kind, { short = true } = {}) {
  if (days === null || days === undefined) return '—'
  const n = numFmt.format(Math.abs(days))
  if (days === 0) return '今日到期'
  if (kind === 'validity') return days > 0 ? `${n} 天后到期` : `已过期 ${n} 天`
  if (short) return days > 0 ? `剩 ${n} 天` : `超 ${n} 天`
  return days > 0 ? `剩余 ${n} 天` : `超期 ${n} 天`
}

export const CLOCK_STATUS = {
  green: { label: '正常', type: 'success' },
  yellow: { label: '即将到期', type: 'warning' },
  red: { label: '已超期', type: 'danger' },
  paused: { label: '已暂停', type: 'info' },
  stopped: { label: '已停止', type: 'info' },
  // The period runs past the last loaded year of the holiday calendar: its end is not known yet.
  unknown: { label: '到期日待定', type: 'warning' },
}

export function todayShanghai() {
  return fmtDate(new Date().toISOString())
}

/** "某某县住房和城乡建设局" -> "县住房和城乡建设局": on a chart axis the county's name adds nothing. */
export function shortAgencyName(name) {
  return String(name || '').replace(/^[\u4e00-\u9fa5]{1,3}县(?=.)/, '县')
}

/** "2026-12-07" -> "2026年12月7日" (GB/T 9704 dates: reminders, the print view). '—' when none. */
export function fmtDateCn(value) {
  const s = fmtDate(value)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s || '—'
  return `${Number(s.slice(0, 4))}年${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日`
}
