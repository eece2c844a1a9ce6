import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { SankeyChart } from 'echarts/charts'
import { TooltipComponent, AriaComponent } from 'echarts/components'
import { sankeyChart, type SankeyFocus } from '../../src/charts/sankey'
import { textWidth } from '../../src/charts/text'
import {
  foldLayer,
  GENERAL_SECTOR,
  OTHER_CITY,
  OTHER_SECTOR,
  TOP_CITIES,
  TOP_SECTORS,
  type SankeyRows,
} from '../../src/charts/sankey/select'
import type { BuildContext, FocusedEvent } from '../../src/charts/types'
import { eventFamily } from '../../src/domain/aggregate'
import { THEMES, worstDeltaE } from '../../src/themes'
import { NO_DECAL, type Decal } from '../../src/charts/base'
import { FIXTURES, edit, loadFiles, loadMini, readFolder } from '../helpers/snapshot'
import { inkedPatterns, loadReal, renderSvg } from '../helpers/charts'

use([SVGRenderer, SankeyChart, TooltipComponent, AriaComponent])

const ctx: BuildContext = {
  theme: THEMES.dark,
  locale: 'zh-CN',
  size: { width: 800, height: 400 },
  frozen: true,
}

function stringFormatters(option: EChartsCoreOption): string[] {
  const out: string[] = []
  JSON.stringify(option, (key, value) => {
    if (key === 'formatter' && typeof value === 'string') out.push(value)
    return value
  })
  return out
}

const LAYER = { org: 0, sector: 1, city: 2 } as const

/** Every link goes one layer right, and no path comes back: the graph is a DAG. */
function expectLayeredDag(rows: SankeyRows) {
  const layerOf = (id: string) => LAYER[id.split(':')[0] as keyof typeof LAYER]
  for (const n of rows.nodes) {
    expect(n.id).toMatch(/^(org|sector|city):/)
    expect(layerOf(n.id)).toBe(n.layer)
  }
  expect(new Set(rows.nodes.map((n) => n.id)).size).toBe(rows.nodes.length)
  for (const k of rows.links) expect(layerOf(k.target)).toBe(layerOf(k.source) + 1)
  // Depth-first search for a back edge, independent of the layer argument above.
  const out = new Map<string, string[]>()
  for (const k of rows.links) out.set(k.source, [...(out.get(k.source) ?? []), k.target])
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return
    expect(state.get(id)).not.toBe('open')
    state.set(id, 'open')
    for (const next of out.get(id) ?? []) visit(next)
    state.set(id, 'done')
  }
  rows.nodes.forEach((n) => visit(n.id))
}

/** The same participations leave each layer as enter the next, node by node. */
function expectConservation(rows: SankeyRows) {
  const sum = (from: number) =>
    rows.links
      .filter((k) => rows.nodes.find((n) => n.id === k.source)!.layer === from)
      .reduce((s, k) => s + k.value, 0)
  expect(sum(0)).toBe(rows.total)
  expect(sum(1)).toBe(rows.total)
  for (const n of rows.nodes) {
    const inflow = rows.links.filter((k) => k.target === n.id).reduce((s, k) => s + k.value, 0)
    const outflow = rows.links.filter((k) => k.source === n.id).reduce((s, k) => s + k.value, 0)
    if (n.layer === 0) expect(outflow).toBe(n.value)
    if (n.layer === 1) expect([inflow, outflow]).toEqual([n.value, n.value])
    if (n.layer === 2) expect(inflow).toBe(n.value)
  }
  for (const layer of [0, 1, 2]) {
    const total = rows.nodes.filter((n) => n.layer === layer).reduce((s, n) => s + n.value, 0)
    expect(total).toBe(rows.total)
  }
}

describe('sankey chart', () => {
  it('counts partner participations: a role other than guide or host, or an outcome party', async () => {
    const rows = sankeyChart.select(await loadMini(), {}, { groupByParent: false })
    // 中南大学 only hosts conf-a, but is a party to its joint lab (sector from the outcome).
    expect(rows.links.map((k) => [k.source, k.target, k.value])).toEqual([
      ['org:cas-isl', 'sector:_general', 1],
      ['org:csu', 'sector:new-materials', 1],
      ['org:tsinghua-mse', 'sector:new-materials', 1],
      ['sector:_general', 'city:zhuzhou', 1],
      ['sector:new-materials', 'city:zhuzhou', 1],
      ['sector:new-materials', 'city:changsha', 1],
    ])
    expect(rows.total).toBe(3)
    expectLayeredDag(rows)
    expectConservation(rows)
  })

  it('groups units under their university or academy by default, listing them', async () => {
    const rows = sankeyChart.select(await loadMini(), {})
    const orgs = rows.nodes.filter((n) => n.layer === 0)
    expect(orgs.map((n) => [n.id, n.label.zh, n.members.map((m) => m.zh)])).toEqual([
      ['org:cas', '中科院', ['中国科学院青海盐湖研究所']],
      ['org:csu', '中南', []],
      ['org:tsinghua', '清华', ['清华大学材料学院']],
    ])
  })

  it('folds organisations beyond the top N into Other, but never a lone one', async () => {
    const d = await loadMini()
    // All have one participation; 中南 and 清华 also an outcome, so they come first.
    const one = sankeyChart.select(d, {}, { top: 1 })
    expect(one.nodes.filter((n) => n.layer === 0).map((n) => [n.id, n.value])).toEqual([
      ['org:csu', 1],
      ['org:_other', 2],
    ])
    expect(one.otherOrgs).toBe(2)
    expectConservation(one)
    const two = sankeyChart.select(d, {}, { top: 2 })
    expect(two.nodes.some((n) => n.id === 'org:_other')).toBe(false)
    expect(two.otherOrgs).toBe(0)
  })

  it('stays acyclic when an org, a sector and a city share one id', async () => {
    let files = readFolder(path.join(FIXTURES, 'mini'))
    files = edit(
      files,
      'sectors.csv',
      'aviation,航空,Aviation',
      'aviation,航空,Aviation\nzhuzhou,株洲,Zhuzhou',
    )
    files = edit(
      files,
      'organizations.csv',
      'sany,',
      'zhuzhou,株洲,Zhuzhou,,university,zhuzhou,\nsany,',
    )
    files = edit(
      files,
      'event_orgs.csv',
      'conf-b,cas-isl',
      'conf-b,zhuzhou,participant,src-b,株洲\nconf-b,cas-isl',
    )
    files = edit(files, 'events.csv', ',zhuzhou,,src-b', ',zhuzhou,zhuzhou,src-b')
    const result = await loadFiles(files)
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    const rows = sankeyChart.select(result.dataset, {}, { groupByParent: false })
    const ids = rows.nodes.map((n) => n.id)
    expect(ids).toEqual(expect.arrayContaining(['org:zhuzhou', 'sector:zhuzhou', 'city:zhuzhou']))
    expect(rows.links).toContainEqual(
      expect.objectContaining({ source: 'org:zhuzhou', target: 'sector:zhuzhou' }),
    )
    expect(rows.links).toContainEqual(
      expect.objectContaining({ source: 'sector:zhuzhou', target: 'city:zhuzhou' }),
    )
    expectLayeredDag(rows)
    expectConservation(rows)
    // ECharts itself refuses a cyclic graph; this one it draws, each node under its own label.
    const svg = renderSvg(sankeyChart.build(rows, ctx))
    expect(svg.match(/>株洲</g)?.length).toBeGreaterThanOrEqual(2)
  })

  it('draws the curated snapshot as a layered flow of every participation', async () => {
    const d = await loadReal()
    const rows = sankeyChart.select(d, {})
    expectLayeredDag(rows)
    expectConservation(rows)
    const value = (id: string) => rows.nodes.find((n) => n.id === id)?.value
    // Ten CAS institutes at the Zhuzhou closed-door meeting (one of them twice: also the main
    // conference); 中南大学 at its alumni conference, two of its sessions and the Hunan conference.
    expect(value('org:cas')).toBe(11)
    expect(value('org:csu')).toBe(4)
    expect(value('org:tsinghua')).toBe(3)
    expect(rows.nodes.filter((n) => n.layer === 0)).toHaveLength(13)
    expect(rows.nodes.at(12)?.id).toBe('org:_other')
    // Sessions bring their own sector; a conference without one is 综合.
    expect(value('sector:polymer-materials')).toBe(3)
    expect(value('sector:aviation')).toBe(2)
    expect(
      rows.nodes
        .filter((n) => n.layer === 2)
        .map((n) => n.id)
        .sort(),
    ).toEqual([
      'city:beijing',
      'city:changchun',
      'city:changsha',
      'city:suzhou-xiangcheng',
      'city:zhuzhou',
    ])
    expect(rows.sources.length).toBeGreaterThan(0)
    const table = sankeyChart.table(rows, 'zh-CN')
    expect(table.columns).toEqual([
      '起点层级',
      '起点',
      '终点层级',
      '终点',
      '参与次数',
      '限定词',
      '来源',
    ])
    expect(table.rows).toHaveLength(rows.links.length)
    expect(table.rows[0]!.slice(0, 6)).toEqual([
      '高校/院所',
      '中国科学院',
      '领域',
      '综合',
      11,
      'exact',
    ])
    // Every link cites the reports its participations come from, and only reports of the rows.
    for (const row of table.rows) {
      const cited = String(row[6]).split('|')
      expect(cited.length).toBeGreaterThan(0)
      for (const s of cited) expect(rows.sources).toContain(s)
    }
  })

  it('builds a deterministic option that renders, with labels that fit their margins', async () => {
    const rows = sankeyChart.select(await loadReal(), {})
    const a = sankeyChart.build(rows, ctx)
    expect(JSON.stringify(a)).toBe(JSON.stringify(sankeyChart.build(rows, ctx)))
    const opt = a as { aria: { enabled: boolean }; animation: boolean; series: { left: number }[] }
    expect(opt.aria.enabled).toBe(true)
    expect(opt.animation).toBe(false)
    expect(opt.series[0]!.left).toBeGreaterThanOrEqual(textWidth('其他高校/院所', 16))
    const svg = renderSvg(a)
    for (const label of ['中科院', '其他高校/院所', '综合', '株洲市', '长春市']) {
      expect(svg).toContain(`>${label}<`)
    }
    const en = renderSvg(sankeyChart.build(rows, { ...ctx, locale: 'en' }))
    expect(en).toContain('>Zhuzhou<')
  })

  it('gives each sector one colour whatever the filter, and 综合 a neutral one', async () => {
    const d = await loadReal()
    type Node = { name: string; itemStyle: { color: string } }
    const colours = (rows: SankeyRows) =>
      Object.fromEntries(
        (
          sankeyChart.build(rows, ctx) as unknown as { series: { data: Node[] }[] }
        ).series[0]!.data.map((n) => [n.name, n.itemStyle.color]),
      )
    const all = colours(sankeyChart.select(d, {}))
    const one = colours(sankeyChart.select(d, { event: 'hunan-transfer-2024' }))
    for (const id of ['sector:new-materials', 'sector:aviation', 'sector:polymer-materials']) {
      expect(one[id]).toBe(all[id])
    }
    expect(all['sector:_general']).toBe(THEMES.dark.muted)
    const named = Object.entries(all).filter(
      ([id]) => id.startsWith('sector:') && id !== 'sector:_general',
    )
    expect(named.every(([, c]) => c !== THEMES.dark.warm && c !== '#999999')).toBe(true)
  })

  it('escapes every data string that reaches a tooltip', async () => {
    const rows = sankeyChart.select(await loadMini(), {})
    const evil = { zh: '<img src=x onerror=alert(1)>', en: '<script>x</script>' }
    const poisoned: SankeyRows = {
      ...rows,
      nodes: rows.nodes.map((n) => ({ ...n, name: evil, label: evil, members: [evil] })),
      eventNames: Object.fromEntries(Object.keys(rows.eventNames).map((id) => [id, evil])),
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const formatters = stringFormatters(sankeyChart.build(poisoned, { ...ctx, locale }))
      expect(formatters.length).toBe(rows.nodes.length + rows.links.length)
      expect(formatters.join('')).not.toMatch(/<img|<script/)
    }
    const zh = stringFormatters(sankeyChart.build(poisoned, ctx)).join('')
    expect(zh).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('focuses the city of one event, then its links as edges', async () => {
    const d = await loadReal()
    const rows = sankeyChart.select(d, {})
    const family = eventFamily(d, 'zgc-2025')
    const [city, ...focus] = sankeyChart.focus(rows, family) as SankeyFocus[]
    // showTip takes a node whatever the dataType, so the first item is the city's node.
    expect(city).toEqual({
      seriesIndex: 0,
      dataIndex: rows.nodes.findIndex((n) => n.id === 'city:beijing'),
    })
    expect(focus.length).toBeGreaterThan(0)
    expect(focus.every((f) => f.seriesIndex === 0 && f.dataType === 'edge')).toBe(true)
    const links = focus.map((f) => rows.links[f.dataIndex]!)
    expect(links.every((k) => k.events.includes('zgc-2025'))).toBe(true)
    expect(links).toHaveLength(rows.links.filter((k) => k.events.includes('zgc-2025')).length)
    // The path runs from the universities through their sectors to Beijing.
    expect(links.map((k) => k.source)).toEqual(
      expect.arrayContaining(['org:hust', 'org:xjtu', 'org:ncut']),
    )
    expect(links.filter((k) => k.target.startsWith('city:')).map((k) => k.target)).toEqual(
      expect.arrayContaining(['city:beijing']),
    )
    // A conference spread over two cities is shown at the one most of its events are in.
    const csu = sankeyChart.focus(rows, eventFamily(d, 'csu-alumni-2024'))[0]!
    expect(rows.nodes[csu.dataIndex]!.id).toBe('city:changsha')
    expect(sankeyChart.focus(rows, new Set(['no-such-event']))).toEqual([])
  })

  it('names the events of a city in its tooltip, the one the carousel shows', async () => {
    const d = await loadReal()
    const rows = sankeyChart.select(d, {})
    type Node = { name: string; tooltip: { formatter: string } }
    const option = sankeyChart.build(rows, ctx) as unknown as { series: { data: Node[] }[] }
    const beijing = option.series[0]!.data.find((n) => n.name === 'city:beijing')!
    expect(beijing.tooltip.formatter).toContain('2025中关村论坛千校万企协同创新大会')
    expect(beijing.tooltip.formatter).toContain('参与 3 次')
  })

  it('names the event on show first in the tooltip of a city with more events than it lists', async () => {
    const rows = sankeyChart.select(await loadReal(), {})
    const ids = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6']
    const busy: SankeyRows = {
      ...rows,
      nodes: rows.nodes.map((n) => (n.id === 'city:beijing' ? { ...n, events: ids } : n)),
      eventNames: {
        ...rows.eventNames,
        ...Object.fromEntries(ids.map((id) => [id, { zh: `活动${id}`, en: `Event ${id}` }])),
      },
    }
    let shown: FocusedEvent | null = null
    type Node = { name: string; tooltip: { formatter: string | (() => string) } }
    const option = sankeyChart.build(busy, { ...ctx, focused: () => shown }) as unknown as {
      series: { data: Node[] }[]
    }
    const tip = option.series[0]!.data.find((n) => n.name === 'city:beijing')!.tooltip.formatter
    if (typeof tip !== 'function') throw new Error('expected a tooltip that reads the carousel')
    // No event on show: the first four, then how many more.
    expect(tip()).toContain('· 活动e1<br/>· 活动e2<br/>· 活动e3<br/>· 活动e4<br/>· （另有 2 个）')
    expect(tip()).not.toContain('活动e6')
    // The sixth on show: named first, and the count of the rest stays right.
    shown = { events: new Set(['e6']), name: { zh: '活动e6', en: 'Event e6' } }
    expect(tip()).toContain('· 活动e6<br/>· 活动e1<br/>· 活动e2<br/>· 活动e3<br/>· （另有 2 个）')
    // A city that lists all its events keeps a plain text tooltip.
    const few = option.series[0]!.data.find((n) => n.name === 'city:changsha')!.tooltip.formatter
    expect(typeof few).toBe('string')
  })

  it('is empty when the filters leave no university or institute', async () => {
    const d = await loadMini()
    const rows = sankeyChart.select(d, { orgKind: 'enterprise' })
    expect(sankeyChart.isEmpty(rows)).toBe(true)
    expect(sankeyChart.isEmpty(sankeyChart.select(d, {}))).toBe(false)
  })
})

describe('the Sankey for screen readers and colour-blind readers', () => {
  interface AriaOption {
    aria: { label: { description: string }; decal: { show: boolean } }
    series: { data: { name: string; itemStyle: { color: string; decal?: Decal } }[] }[]
  }
  const aria = (o: EChartsCoreOption) => o as unknown as AriaOption

  it('says what flows where: the total, then each layer’s biggest nodes', async () => {
    const rows = sankeyChart.select(await loadReal(), {})
    const zh = aria(sankeyChart.build(rows, { ...ctx, title: '合作流向' })).aria.label.description
    expect(zh).toMatch(/^合作流向。桑基图：高校\/院所 → 领域 → 活动城市/)
    expect(zh).toContain(`共 ${rows.total} 次`)
    const biggestCity = rows.nodes
      .filter((n) => n.layer === 2)
      .sort((a, b) => b.value - a.value)[0]!
    expect(zh).toContain(`活动城市：${biggestCity.name.zh} ${biggestCity.value} 次`)
    const en = aria(sankeyChart.build(rows, { ...ctx, locale: 'en' })).aria.label.description
    expect(en).toMatch(/^Cooperation flows\. Sankey diagram: /)
    expect(en).toContain(`event cities: ${biggestCity.name.en} ${biggestCity.value}`)
  })

  it('gives each sector its own pattern with decal on, and the other layers none', async () => {
    const rows = sankeyChart.select(await loadReal(), {})
    const plain = aria(sankeyChart.build(rows, ctx))
    expect(plain.aria.decal.show).toBe(false)
    expect(plain.series[0]!.data.every((n) => n.itemStyle.decal === undefined)).toBe(true)

    const option = aria(sankeyChart.build(rows, { ...ctx, decal: true }))
    expect(option.aria.decal.show).toBe(true)
    const byId = new Map(option.series[0]!.data.map((n) => [n.name, n.itemStyle]))
    const sectors = rows.nodes.filter((n) => n.layer === 1 && n.id !== GENERAL_SECTOR)
    // No two sectors look alike: where colours repeat (more sectors than hues), patterns differ.
    const looks = sectors.map((n) => {
      const style = byId.get(n.id)!
      return JSON.stringify({ ...style.decal, color: style.color })
    })
    expect(new Set(looks).size).toBe(sectors.length)
    const colours = sectors.map((n) => byId.get(n.id)!.color)
    expect(new Set(colours).size).toBeLessThan(sectors.length)
    for (const n of rows.nodes.filter((x) => x.layer !== 1))
      expect(byId.get(n.id)!.decal).toEqual(NO_DECAL)
    expect(inkedPatterns(renderSvg(option as unknown as EChartsCoreOption))).toBeGreaterThan(1)
    expect(inkedPatterns(renderSvg(plain as unknown as EChartsCoreOption))).toBe(0)
  })

  it('never dresses a sector in a colour that could pass for the highlight', async () => {
    const rows = sankeyChart.select(await loadReal(), {})
    for (const theme of [THEMES.dark, THEMES.light]) {
      const option = aria(sankeyChart.build(rows, { ...ctx, theme }))
      const sectorColours = rows.nodes
        .filter((n) => n.layer === 1)
        .map((n) => option.series[0]!.data.find((d) => d.name === n.id)!.itemStyle.color)
      for (const c of sectorColours) expect(worstDeltaE(c, theme.warm)).toBeGreaterThan(15)
    }
  })
})

describe('a Sankey with more sectors and cities than a column can name', () => {
  const layer = (rows: SankeyRows, l: number) => rows.nodes.filter((n) => n.layer === l)
  const value = (rows: SankeyRows, id: string) => rows.nodes.find((n) => n.id === id)?.value
  const linkValue = (rows: SankeyRows, source: string, target: string) =>
    rows.links.find((k) => k.source === source && k.target === target)?.value ?? 0

  it('keeps the top of a layer by value, ties by id, and never folds a lone one or 综合', () => {
    const values = new Map([
      ['city:b', 3],
      ['city:a', 3],
      ['city:c', 5],
      ['city:d', 1],
    ])
    expect(Object.fromEntries(foldLayer(values, 2, 'city:_other'))).toEqual({
      'city:c': 'city:c',
      'city:a': 'city:a',
      'city:b': 'city:_other',
      'city:d': 'city:_other',
    })
    // One left over keeps its own node.
    expect([...foldLayer(values, 3, 'city:_other').values()].sort()).toEqual([
      'city:a',
      'city:b',
      'city:c',
      'city:d',
    ])
    const sectors = new Map([
      ['sector:_general', 9],
      ['sector:x', 2],
      ['sector:y', 1],
      ['sector:z', 1],
    ])
    expect(Object.fromEntries(foldLayer(sectors, 1, 'sector:_other', 'sector:_general'))).toEqual({
      'sector:x': 'sector:x',
      'sector:y': 'sector:_other',
      'sector:z': 'sector:_other',
      'sector:_general': 'sector:_general',
    })
  })

  it('leaves the curated snapshot as it was: its sectors and cities are within the top', async () => {
    const rows = sankeyChart.select(await loadReal(), {})
    expect(layer(rows, 1).length).toBeLessThanOrEqual(TOP_SECTORS + 1)
    expect(layer(rows, 2).length).toBeLessThanOrEqual(TOP_CITIES)
    expect(rows.otherSectors).toBe(0)
    expect(rows.otherCities).toBe(0)
    expect(rows.nodes.some((n) => n.id === OTHER_SECTOR || n.id === OTHER_CITY)).toBe(false)
  })

  it('folds the smaller cities into 其他城市, every participation still flowing through', async () => {
    const d = await loadReal()
    const all = sankeyChart.select(d, {})
    const rows = sankeyChart.select(d, {}, { topCities: 2 })
    expectLayeredDag(rows)
    expectConservation(rows)
    expect(rows.total).toBe(all.total)
    // 株洲 25 and 长春 9 stay; 长沙 5, 北京 3 and 苏州相城 3 (a tie, by id) are folded, biggest first.
    const cities = layer(rows, 2)
    expect(cities.map((n) => n.id).sort()).toEqual([
      'city:_other',
      'city:changchun',
      'city:zhuzhou',
    ])
    // The catch-all last in its column, where a reader looks for it; the cities kept unchanged.
    expect(cities.at(-1)).toMatchObject({ id: OTHER_CITY, value: 11 })
    for (const n of cities.slice(0, -1)) expect(n.value).toBe(value(all, n.id))
    const other = rows.nodes.find((n) => n.id === OTHER_CITY)!
    expect(other.name).toEqual({ zh: '其他城市', en: 'Other cities' })
    expect(other.members.map((m) => m.zh)).toEqual(['长沙市', '北京市', '相城区'])
    expect(rows.otherCities).toBe(3)
    const folded = ['city:changsha', 'city:beijing', 'city:suzhou-xiangcheng']
    expect(other.events).toEqual(
      [...new Set(folded.flatMap((id) => all.nodes.find((n) => n.id === id)!.events))].sort(),
    )
    // Each sector sends the other cities what it sent the folded ones; nothing else changes.
    for (const s of layer(all, 1)) {
      expect(linkValue(rows, s.id, OTHER_CITY)).toBe(
        folded.reduce((sum, c) => sum + linkValue(all, s.id, c), 0),
      )
      expect(linkValue(rows, s.id, 'city:zhuzhou')).toBe(linkValue(all, s.id, 'city:zhuzhou'))
    }
    expect(layer(rows, 0)).toEqual(layer(all, 0))
    expect(rows.links.filter((k) => k.source.startsWith('org:'))).toEqual(
      all.links.filter((k) => k.source.startsWith('org:')),
    )
  })

  it('folds the smaller sectors into 其他领域, keeping 综合 apart', async () => {
    const d = await loadReal()
    const all = sankeyChart.select(d, {})
    const rows = sankeyChart.select(d, {}, { topSectors: 2 })
    expectLayeredDag(rows)
    expectConservation(rows)
    expect(rows.total).toBe(all.total)
    // 综合 30 is no sector and stays; 人工智能 5 and ICT 3 (a tie with 高分子 3, by id) stay.
    expect(
      layer(rows, 1)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['sector:_general', 'sector:_other', 'sector:ai-software', 'sector:ict'])
    expect(layer(rows, 1).at(-1)!.id).toBe(OTHER_SECTOR)
    expect(value(rows, OTHER_SECTOR)).toBe(3 + 2 + 1 + 1)
    const other = rows.nodes.find((n) => n.id === OTHER_SECTOR)!
    expect(other.members).toHaveLength(4)
    expect(other.members[0]).toEqual(d.index.sector['polymer-materials']!.name)
    expect(rows.otherSectors).toBe(4)
    const folded = ['polymer-materials', 'aviation', 'new-materials', 'resources-environment']
    // Every organisation sends 其他领域 what it sent the folded sectors.
    for (const o of layer(all, 0)) {
      expect(linkValue(rows, o.id, OTHER_SECTOR)).toBe(
        folded.reduce((sum, s) => sum + linkValue(all, o.id, `sector:${s}`), 0),
      )
    }
    for (const c of layer(all, 2)) expect(value(rows, c.id)).toBe(c.value)
  })

  it('draws the catch-alls in grey, without patterns, and lets no click filter by them', async () => {
    const d = await loadReal()
    const rows = sankeyChart.select(d, {}, { topSectors: 2, topCities: 2 })
    type Node = { name: string; itemStyle: { color: string; decal?: unknown } }
    const option = sankeyChart.build(rows, { ...ctx, decal: true }) as unknown as {
      series: { data: Node[] }[]
    }
    const node = (id: string) => option.series[0]!.data.find((n) => n.name === id)!
    for (const id of [OTHER_SECTOR, OTHER_CITY]) {
      expect(node(id).itemStyle.color).toBe(THEMES.dark.muted)
      expect(node(id).itemStyle.decal).toEqual(NO_DECAL)
      const dataIndex = rows.nodes.findIndex((n) => n.id === id)
      const click = {
        type: 'click',
        componentType: 'series',
        dataType: 'node',
        dataIndex,
        name: id,
      }
      expect(sankeyChart.pick(rows, click as never)).toBeNull()
    }
    expect(node('city:zhuzhou').itemStyle.color).not.toBe(THEMES.dark.muted)
    const svg = renderSvg(option as unknown as EChartsCoreOption)
    for (const label of ['其他城市', '其他领域']) expect(svg).toContain(`>${label}<`)
    // An event in a folded city is highlighted at 其他城市, the node its flows reach.
    const csu = sankeyChart.focus(rows, eventFamily(d, 'csu-alumni-2024'))[0]!
    expect(rows.nodes[csu.dataIndex]!.id).toBe(OTHER_CITY)
  })
})
