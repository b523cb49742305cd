// ECharts options shared by the statistics pages: shares of a whole as a ring, counts as
// horizontal bars. Rows are the API's {label, count, percent} (whole percents).
import { fmtNumber } from './format.js'

export const PALETTE = ['#1f4e8c', '#c0392b', '#e6a23c', '#2e7d6b', '#8c6bb1', '#3f8fd2', '#95c45a', '#909399', '#d48806', '#5b7ba8']

export function pieOption(rows, unit = '件') {
  return {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: (x) => `${x.name}<br/>${fmtNumber(x.value)} ${unit}（${x.data.percent}%）` },
    legend: { orient: 'vertical', left: '54%', top: 'middle', itemWidth: 12, itemHeight: 12, itemGap: 12, textStyle: { fontSize: 12 },
      formatter: (name) => { const x = rows.find((y) => y.label === name); return x ? `${name}  ${fmtNumber(x.count)} ${unit}` : name } },
    series: [{ type: 'pie', radius: ['34%', '74%'], center: ['26%', '50%'],
      label: { show: true, position: 'inside', color: '#fff', fontWeight: 600, formatter: (x) => (x.data.percent >= 5 ? `${x.data.percent}%` : '') }, labelLine: { show: false },
      itemStyle: { borderColor: '#fff', borderWidth: 1 },
      data: rows.map((x) => ({ name: x.label, value: x.count, percent: x.percent })) }],
  }
}

export function barOption(rows, color, unit = '件') {
  return {
    color: [color],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps) => `${ps[0].name}<br/>${fmtNumber(ps[0].value)} ${unit}${rows[ps[0].dataIndex].percent !== undefined ? `（${rows[ps[0].dataIndex].percent}%）` : ''}` },
    grid: { left: 10, right: 90, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: unit },
    yAxis: { type: 'category', inverse: true, data: rows.map((x) => x.label), axisLabel: { fontSize: 12 } },
    series: [{ type: 'bar', barMaxWidth: 22, data: rows.map((x) => x.count),
      label: { show: true, position: 'right', color: '#606266',
        formatter: (x) => `${fmtNumber(x.value)} ${unit}${rows[x.dataIndex].percent !== undefined ? ` ${rows[x.dataIndex].percent}%` : ''}` } }],
  }
}
