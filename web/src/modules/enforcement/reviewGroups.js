// The case page's groups for a penalty case's legal review rounds (法制审核, 第五十八条), its filing with
// the justice bureau (重大行政处罚备案) and evidence preserved (先行登记保存, 第五十六条); penaltyGroups
// (enforcement.js) appends them. Each due day names the rule it rests on.
import { fmtDate } from '../../format.js'

const has = (v) => v !== null && v !== undefined && v !== ''
const item = (key, label, value, opts = {}) => ({ key, label, value: has(value) ? String(value) : '未填写', empty: !has(value), ...opts })

export function reviewGroups(f) {
  const groups = []
  const rounds = f.review_rounds || []
  if (rounds.length) {
    groups.push({
      key: 'review-rounds', title: `法制审核记录（审核期限 ${f.legal_review_days} 个工作日，本县法制审核办法，设置项）`, items: [],
      table: {
        rows: rounds.map((r) => ({
          round: `第 ${r.round} 次`,
          submitted: fmtDate(r.submitted_on),
          due: r.due_on ? fmtDate(r.due_on) : '—',
          reviewed: r.reviewed_on ? `${fmtDate(r.reviewed_on)}${r.overdue ? '（超期）' : ''}` : (r.overdue ? '超期未审核' : '—'),
          opinion: r.status_label,
          reviewer: r.reviewer_name || '—',
          detail: r.changes ? `须修改：${r.changes}` : r.reasons ? `不同意理由：${r.reasons}` : (r.note || ''),
        })),
        columns: [
          { prop: 'round', label: '次序', width: 70 }, { prop: 'submitted', label: '提交日期', width: 110 },
          { prop: 'due', label: '审核期限', width: 110 }, { prop: 'reviewed', label: '审核日期', width: 150 },
          { prop: 'opinion', label: '意见', width: 100 }, { prop: 'reviewer', label: '审核人员', width: 90 },
          { prop: 'detail', label: '意见内容', minWidth: 200 },
        ],
        empty: '尚未提交法制审核',
      },
    })
  }
  const m = f.major_filing
  if (m) {
    groups.push({
      key: 'major-filing', title: `重大行政处罚决定备案（作出决定之日起 ${f.major_filing_days} 日内报司法行政部门备案，本省、本县规定，设置项）`, items: [
        item('filing_state', '备案状态', m.state_label, { tag: true, tagType: m.state === 'received' ? 'success' : m.overdue ? 'danger' : 'warning' }),
        item('filing_due_on', '备案期限', m.due_on ? `${fmtDate(m.due_on)}${m.overdue ? '（已超期）' : ''}` : '', { warn: m.overdue }),
        item('filed_on', '报送日期', m.filed_on ? fmtDate(m.filed_on) : ''),
        item('received_on', '司法行政部门收到备案', m.received_on ? fmtDate(m.received_on) : ''),
        ...(m.returns > 0 ? [
          item('returned_on', `退回（${m.returns} 次）`, fmtDate(m.returned_on), { warn: true }),
          item('return_opinion', '退回的审查意见', m.return_opinion, { long: true, span: 2 }),
        ] : []),
      ],
    })
  }
  const kept = f.preservations || []
  if (kept.length) {
    groups.push({
      key: 'preservation', title: '先行登记保存（《行政处罚法》第五十六条：经负责人批准，七个工作日内作出处理决定）', items: [],
      table: {
        rows: kept.map((p) => ({
          on: fmtDate(p.preserved_on),
          items: p.items,
          approval: `${p.approver}（${fmtDate(p.approved_on)} 批准）`,
          due: fmtDate(p.due_on),
          handled: p.handled_on ? `${fmtDate(p.handled_on)} ${p.handling_label}${p.overdue ? `（超期：${p.late_reason || ''}）` : ''}` : (p.overdue ? '超期未处理' : '待处理'),
        })),
        columns: [
          { prop: 'on', label: '登记保存日期', width: 120 }, { prop: 'items', label: '物品', minWidth: 180 },
          { prop: 'approval', label: '负责人批准', width: 170 }, { prop: 'due', label: '处理期限', width: 110 },
          { prop: 'handled', label: '处理决定', minWidth: 200 },
        ],
        empty: '无',
      },
    })
  }
  return groups
}
