// The demo county reads as real (issue 15 item 19f): no "某…" or "（正文）" placeholder in any
// record the demo stores, and every administrative penalty on the power list rests on a law of its own matter
// (《食品安全法》 for food, never 《广告法》 for a food licence) by the table below, which names
// for each kind of matter the laws that may found the penalty.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { useServer, sql } from './lib.mjs'

const c = useServer()

// [what the matter is about, the laws that may be its basis]. A penalty whose matter no row
// describes fails the test: add its row (with the laws that govern it), do not loosen a row.
const LAWS = [
  [/食品生产经营许可|非食品原料|保质期|食品添加剂|禽畜肉类|查验供货者|预包装食品|从业人员健康/, ['中华人民共和国食品安全法']],
  [/户外广告/, ['城市市容和环境卫生管理条例']],
  [/虚假广告/, ['中华人民共和国广告法', '中华人民共和国食品安全法']],
  [/掺杂|掺假|以假充真|以次充好|伪造产品产地|冒用他人厂名厂址|失效、变质的产品|劣质肥料/, ['中华人民共和国产品质量法']],
  [/危险化学品经营许可证|储存危险化学品/, ['危险化学品安全管理条例']],
  [/经营烟花爆竹/, ['烟花爆竹安全管理条例']],
  [/安全生产管理机构|安全生产教育|事故隐患|应急救援预案|直接关系生产安全的监控设备|劳动防护用品|持证上岗/, ['中华人民共和国安全生产法']],
  [/道路运输经营许可|道路运输证|客运站点|对车辆进行技术维护/, ['中华人民共和国道路运输条例']],
  [/超限运输|公路用地范围|挖掘公路/, ['公路安全保护条例', '中华人民共和国公路法']],
  [/占用农村道路/, ['中华人民共和国公路法', '农村公路条例']],
  [/饮酒后驾驶|货运车辆超载|人行道上违法停放/, ['中华人民共和国道路交通安全法']],
  [/环境影响评价/, ['中华人民共和国环境影响评价法']],
  [/设置排污口/, ['中华人民共和国水污染防治法']],
  [/恶臭气体|有毒有害烟尘|焚烧秸秆|油烟净化/, ['中华人民共和国大气污染防治法']],
  [/危险废物/, ['中华人民共和国固体废物污染环境防治法']],
  [/排污许可证排放|超过污染物排放标准|暗管、渗井|自动监测设备|拒绝环境保护主管部门|篡改、伪造监测数据/, ['中华人民共和国环境保护法', '中华人民共和国大气污染防治法', '中华人民共和国水污染防治法']],
  [/禁养区/, ['畜禽规模养殖污染防治条例']],
  [/城镇排水设施/, ['城镇排水与污水处理条例']],
  [/城市道路两侧擅自设置摊点|乱张贴、乱涂写|清运生活垃圾|建筑垃圾|渣土车辆/, ['城市市容和环境卫生管理条例']],
  [/擅自占用城市道路/, ['城市道路管理条例']],
  [/临时建设|违反规划许可|乡村建设规划许可证/, ['中华人民共和国城乡规划法']],
  [/村庄道路两侧乱堆乱放|集镇规划区内进行建设|村庄和集镇的公共设施|乱倒生活垃圾/, ['村庄和集镇规划建设管理条例']],
  [/村庄规划区内占用农用地建住宅/, ['中华人民共和国土地管理法']],
  [/禁止使用的农药的农产品/, ['中华人民共和国农产品质量安全法']],
  [/农药经营许可证|经营假农药|农药经营台账/, ['农药管理条例']],
  [/强制免疫|未经检疫的动物产品|病死畜禽/, ['中华人民共和国动物防疫法']],
  [/禁用的兽药/, ['兽药管理条例']],
  [/假种子/, ['中华人民共和国种子法']],
  [/非法捕捞/, ['中华人民共和国渔业法']],
  [/野外用火/, ['森林防火条例', '中华人民共和国森林法']],
  [/盗伐林木|滥伐林木|改变林地用途/, ['中华人民共和国森林法']],
  [/采矿许可证|矿区范围|非法采砂/, ['中华人民共和国矿产资源法']],
  [/非法占用土地|农用地改为建设用地|非法转让土地|土地复垦|耕地种植条件/, ['中华人民共和国土地管理法']],
]

function lawsFor (matter) {
  const row = LAWS.find(([re]) => re.test(matter))
  return row ? row[1] : null
}

test('no record of the demo county says "某…" where a real name belongs, nor "（正文）" where a text belongs', () => {
  // Every text column of every table the demo fills.
  const tables = sql(c.db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'").map((r) => r[0])
  const found = []
  for (const t of tables) {
    const cols = sql(c.db, `SELECT name, type FROM pragma_table_info('${t}')`).filter(([, type]) => /TEXT|^$/i.test(type)).map(([n]) => n)
    for (const col of cols) {
      for (const mark of ['某', '（正文）']) {
        // The public notice of a decision names a citizen by the surname only (张某): the law's 某, not a placeholder.
        if (mark === '某' && t === 'enf_publication' && ['party_shown', 'facts_shown', 'penalty_shown'].includes(col)) continue
        for (const [v] of sql(c.db, `SELECT substr("${col}", max(1, instr("${col}", '${mark}') - 6), 20) FROM "${t}" WHERE "${col}" LIKE '%${mark}%' LIMIT 3`)) {
          found.push(`${t}.${col}: …${v}…`)
        }
      }
    }
  }
  assert.deepEqual(found, [])
})

test('every penalty on the power list rests on a law of its own matter', () => {
  const rows = sql(c.db, "SELECT code, name, law_name, basis_text FROM enf_power WHERE category = 'penalty'")
  assert.ok(rows.length >= 100, `penalties in the demo: ${rows.length}`)
  const wrong = []
  for (const [code, name, law, basis] of rows) {
    const matter = name.replace(/^对/, '').replace(/的行政处罚.*$/, '')
    const laws = lawsFor(matter)
    const bare = law.replace(/[《》]/g, '')
    if (!laws) wrong.push(`${code} ${name}: no row of the table describes this matter`)
    else if (!laws.includes(bare)) wrong.push(`${code} ${name}: ${law}, expected one of ${laws.join('、')}`)
    else if (basis && !basis.startsWith(law)) wrong.push(`${code}: the basis text cites another law than ${law}`)
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} penalties on a law of another matter`)
})
