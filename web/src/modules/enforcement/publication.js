// 公示 (三项制度) and 第四十八条 withdrawal on a penalty case's page: the notice as the portal shows it,
// its clock with the basis, and the history of withdrawn notices (staff only; the portal forgets them).
import { fmtDate } from '../../format.js'

const has = (v) => v !== null && v !== undefined && v !== ''
const item = (key, label, value, opts = {}) => ({ key, label, value: has(value) ? String(value) : '未填写', empty: !has(value), ...opts })

function clockText (clocks, name) {
  const k = (clocks || []).find((c) => c.name === name)
  if (!k) return ''
  const due = k.due_date ? `${fmtDate(k.due_date)} 前` : ''
  const done = k.state === 'stopped' ? (k.on_time === false ? '（已办结，超期）' : '（已办结）') : ''
  return `${due}${done}　依据：${k.article || ''}`
}

export function publicationGroups (f, clocks) {
  const pubs = f.publications || []
  if (!pubs.length) return []
  return pubs.map((p, i) => {
    const latest = i === pubs.length - 1
    const items = [
      item(`pub_status_${p.seq}`, '公示状态', p.status_label, {
        tag: true,
        tagType: { due: 'warning', published: 'success', to_withdraw: 'danger', withdrawn: 'info' }[p.status] || 'info',
      }),
      item(`pub_kind_${p.seq}`, '决定类别', p.kind_label),
      item(`pub_due_${p.seq}`, '公示期限', p.due_on ? fmtDate(p.due_on) : ''),
      item(`pub_on_${p.seq}`, '公示日期', p.published_on ? `${fmtDate(p.published_on)}${p.late ? '（超期公示）' : '（按期）'}` : '尚未公示',
        { warn: !!p.late, empty: !p.published_on }),
    ]
    if (latest && p.status === 'due') {
      items.push(item(`pub_clock_${p.seq}`, '公示时限', clockText(clocks, p.kind === 'penalty' ? 'publication' : 'publication_other'), { long: true, span: 2 }))
    }
    if (p.published_on) {
      items.push(
        item(`pub_party_${p.seq}`, '公示的当事人', p.party_shown),
        item(`pub_penalty_${p.seq}`, '公示的处罚内容', p.penalty_shown, { long: true, span: 2 }),
        item(`pub_facts_${p.seq}`, '公示的违法事实（已隐去个人信息）', p.facts_shown, { long: true, span: 2 }),
      )
    }
    if (p.change_kind) {
      items.push(
        item(`pub_change_${p.seq}`, '决定变动', `${p.change_kind_label}：${p.changed_by}（${fmtDate(p.changed_on)}）`, { span: 2, warn: p.status === 'to_withdraw' }),
        item(`pub_withdraw_${p.seq}`, '撤回公示', p.withdrawn_on
          ? `${fmtDate(p.withdrawn_on)} 撤回${p.withdraw_late ? '（超期撤回）' : ''}：${p.withdraw_note || ''}`
          : `应于 ${fmtDate(p.withdraw_due)} 前撤回　依据：${(clocks || []).find((c) => c.name === 'withdrawal')?.article || '《行政处罚法》第四十八条'}`,
        { long: true, span: 2, warn: !p.withdrawn_on || !!p.withdraw_late }),
      )
    }
    const title = pubs.length > 1 ? `公示（第 ${p.seq} 次${p.seq > 1 ? '，变更后的决定' : ''}）` : '公示（国办发〔2018〕118号、《行政处罚法》第四十八条）'
    return { key: `publication_${p.seq}`, title, items }
  })
}
