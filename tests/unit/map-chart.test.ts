import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { init, use, registerMap, type EChartsType, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import '../../src/charts/echarts'
import { mapChart } from '../../src/charts/map'
import { ALL_LABELLED, CHINA_MAP, labelledCities, SERIES } from '../../src/charts/map/build'
import { provinceMapName } from '../../src/charts/map/province'
import {
  MAX_FLOWS,
  NAMES_CARRIED,
  strongest,
  type MapFlow,
  type MapRows,
} from '../../src/charts/map/select'
import { PROVINCES } from '../../src/domain/geo'
import { THEMES } from '../../src/themes'
import type { BuildContext, ChartEvent, FocusedEvent } from '../../src/charts/types'
import { NO_DECAL, type Decal } from '../../src/charts/base'
import { inkedPatterns, loadReal } from '../helpers/charts'
import { DATA_DIR, edit, FIXTURES, loadFiles, loadMini, readFolder } from '../helpers/snapshot'

// The app's own registrations, plus the SVG renderer for rendering in Node.
use([SVGRenderer])
const chinaJson = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../public/maps/china.json'), 'utf8'),
)
registerMap(CHINA_MAP, chinaJson)
// What ensureProvinceMap does in the browser before the view builds a drilled-down map.
registerMap(
  provinceMapName('湖南'),
  JSON.parse(readFileSync(path.resolve(__dirname, '../../public/maps/province/43.json'), 'utf8')),
)

const ctx: BuildContext = {
  theme: THEMES.dark,
  locale: 'zh-CN',
  size: { width: 1000, height: 800 },
  frozen: true,
}

function render(option: EChartsCoreOption): EChartsType {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 1000, height: 800 })
  chart.setOption(option)
  return chart
}

describe('the China map file', () => {
  it('has every province of the domain list under the same name and adcode', () => {
    const features = chinaJson.features.map((f: { id: string; properties: { name: string } }) => [
      f.id.slice(0, 2),
      f.properties.name,
    ])
    expect(Object.fromEntries(features)).toEqual(PROVINCES)
  })

  it('is drawn with the 南海诸岛 inset when registered as china', () => {
    const chart = render({ geo: { map: CHINA_MAP } })
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into the geo model
    const geo = (chart as any).getModel().getComponent('geo').coordinateSystem
    expect(geo.getRegion('南海诸岛')).toBeDefined()
    expect(geo.getRegion('湖南')).toBeDefined()
    chart.dispose()
  })
})

describe('map chart', () => {
  it('selects event cities, partner flows and province shading', async () => {
    const rows = mapChart.select(await loadMini(), {})
    expect(rows.points.map((p) => [p.place, p.events, p.outcomes])).toEqual([
      ['changsha', ['conf-a', 'conf-a-s1'], 2],
      ['zhuzhou', ['conf-b'], 1],
    ])
    // Tsinghua's school has no place of its own: it comes from its parent's city.
    expect(rows.flows.map((f) => [f.from, f.to, f.orgs.map((o) => o.zh)])).toEqual([
      ['beijing', 'zhuzhou', ['清华大学材料学院']],
      ['xining', 'zhuzhou', ['中国科学院青海盐湖研究所']],
    ])
    expect(rows.provinces).toEqual([{ name: '湖南', events: 2 }])
    expect(rows.origins.map((o) => o.place)).toEqual(['beijing', 'xining'])
  })

  it('sizes by a reported metric when asked, with its qualifier', async () => {
    const rows = mapChart.select(await loadMini(), {}, { sizeBy: 'contract_value' })
    expect(rows.points[0]).toMatchObject({
      place: 'zhuzhou',
      size: 3e9,
      total: { qualifier: 'nearly' },
    })
  })

  it('builds a deterministic option that renders', async () => {
    const rows = mapChart.select(await loadMini(), {})
    const a = mapChart.build(rows, ctx)
    expect(JSON.stringify(a)).toBe(JSON.stringify(mapChart.build(rows, ctx)))
    const svg = render(a).renderToSVGString()
    expect(svg).toContain('长沙')
    expect(svg).toContain('株洲')
  })

  it('names the event on show first in the tooltip of a city with more events than it lists', async () => {
    const rows = mapChart.select(await loadMini(), {})
    const ids = Array.from({ length: NAMES_CARRIED + 2 }, (_, i) => `e${i}`)
    const names = ids.slice(0, NAMES_CARRIED).map((id) => ({ zh: `活动${id}`, en: `Event ${id}` }))
    const busy: MapRows = {
      ...rows,
      points: rows.points.map((p, i) => (i === 0 ? { ...p, events: ids, eventNames: names } : p)),
    }
    let shown: FocusedEvent | null = null
    type Tip = { tooltip?: { formatter: string | (() => string) } }
    const option = mapChart.build(busy, { ...ctx, focused: () => shown }) as unknown as {
      series: { data: Tip[] }[]
    }
    const cities = option.series[SERIES.cities]!.data
    const tip = cities[0]!.tooltip!.formatter
    if (typeof tip !== 'function') throw new Error('expected a tooltip that reads the carousel')
    const last = `活动e${NAMES_CARRIED + 1}`
    expect(tip()).toContain('· 活动e0<br/>')
    expect(tip()).not.toContain(last)
    expect(tip()).toContain(`共 ${NAMES_CARRIED + 2} 个`)
    // The last one on show: named first, the count of all unchanged.
    shown = { events: new Set([`e${NAMES_CARRIED + 1}`]), name: { zh: last, en: last } }
    expect(tip()).toMatch(new RegExp(`^<b>[^<]+</b><br/>· ${last}<br/>· 活动e0<br/>`))
    expect(tip()).toContain(`共 ${NAMES_CARRIED + 2} 个`)
    // One listed already is not named twice.
    shown = { events: new Set(['e1']), name: { zh: '活动e1', en: 'Event e1' } }
    expect(tip()).toMatch(/^<b>[^<]+<\/b><br\/>· 活动e0<br\/>· 活动e1<br\/>/)
    // A city that lists all its events keeps a plain text tooltip.
    expect(typeof cities[1]?.tooltip?.formatter).toBe('string')
  })

  it('escapes every data string that reaches a tooltip', async () => {
    const d = await loadMini()
    const rows = mapChart.select(d, {})
    const evil = { zh: '<img src=x onerror=alert(1)>', en: '<script>x</script>' }
    const poisoned = {
      ...rows,
      points: rows.points.map((p) => ({ ...p, name: evil, eventNames: [evil] })),
    }
    // Tooltips are HTML; labels are canvas text and safe as they are.
    const formatters: string[] = []
    JSON.stringify(mapChart.build(poisoned, ctx), (key, value) => {
      if (key === 'formatter' && typeof value === 'string') formatters.push(value)
      return value
    })
    expect(formatters.length).toBeGreaterThan(2)
    expect(formatters.join('')).not.toMatch(/<img|<script/)
    expect(formatters.join('')).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })

  it('lists the first names in a tooltip and how many there are, and stops trails on many flows', async () => {
    const rows = mapChart.select(await loadMini(), {})
    expect(rows.flows.length).toBeGreaterThan(0)
    const names = Array.from({ length: 20 }, (_, i) => ({ zh: `高校${i}`, en: `Univ ${i}` }))
    const flow = { ...rows.flows[0]!, orgs: names, orgCount: 20 }
    const big = {
      ...rows,
      points: rows.points.map((p) => ({ ...p, eventNames: names })),
      flows: Array.from({ length: 201 }, () => flow),
    }
    type Built = {
      series: {
        name: string
        effect?: { show: boolean }
        data: { tooltip?: { formatter: string } }[]
      }[]
    }
    const live = mapChart.build(big, { ...ctx, frozen: false }) as unknown as Built
    const flows = live.series.find((s) => s.name === 'flows')!
    expect(flows.effect?.show).toBe(false)
    const tip = flows.data[0]!.tooltip!.formatter
    expect(tip).toContain('高校7')
    expect(tip).not.toContain('高校8')
    expect(tip).toContain('共 20 个')
    const few = mapChart.build(
      { ...rows, flows: [flow] },
      { ...ctx, frozen: false },
    ) as unknown as Built
    expect(few.series.find((s) => s.name === 'flows')!.effect?.show).toBe(true)
  })

  it('turns effects off when frozen', async () => {
    const rows = mapChart.select(await loadMini(), {})
    const frozen = mapChart.build(rows, ctx) as { series: { type: string }[]; animation: boolean }
    const live = mapChart.build(rows, { ...ctx, frozen: false }) as typeof frozen
    expect(frozen.animation).toBe(false)
    expect(frozen.series.map((s) => s.type)).toEqual(['map', 'lines', 'scatter', 'scatter'])
    expect(live.series.map((s) => s.type)).toEqual(['map', 'lines', 'scatter', 'effectScatter'])
  })

  it('gives its table in the chosen language', async () => {
    const rows = mapChart.select(await loadMini(), {})
    expect(mapChart.table(rows, 'en').rows[0]).toEqual([
      'Changsha',
      '湖南',
      2,
      2,
      112.9388,
      28.2282,
      'exact',
      'src-a',
    ])
  })

  it('gives the reported total and its qualifier when sized by a metric', async () => {
    const rows = mapChart.select(await loadMini(), {}, { sizeBy: 'contract_value' })
    const table = mapChart.table(rows, 'zh-CN')
    expect(table.columns.slice(-4)).toEqual(['签约金额（报道数）', '单位', '限定词', '来源'])
    // 株洲: 近30亿元 (nearly), 长沙: its session's 约8600万 (approx). The year-long 超19亿元
    // is context and stays out.
    expect(table.rows.map((r) => [r[0], ...r.slice(-4)])).toEqual([
      ['株洲', 3_000_000_000, 'yuan', 'nearly', 'src-b'],
      ['长沙', 86_000_000, 'yuan', 'approx', 'src-a'],
    ])
  })
})

describe('a featured province', () => {
  it('zooms the map to that province, padded so a lone city has context', async () => {
    const rows = mapChart.select(await loadMini(), {}, { featuredProvince: '湖南' })
    const [[west, north], [east, south]] = rows.bounds!
    // 长沙 and 株洲 inside, and a view of at least 9° × 8.5°.
    for (const p of rows.points) {
      expect(p.lng).toBeGreaterThan(west)
      expect(p.lng).toBeLessThan(east)
      expect(p.lat).toBeGreaterThan(south)
      expect(p.lat).toBeLessThan(north)
    }
    expect(east - west).toBeGreaterThanOrEqual(9)
    expect(north - south).toBeGreaterThanOrEqual(8.5)
    const option = mapChart.build(rows, ctx) as { geo: { boundingCoords?: unknown } }
    expect(option.geo.boundingCoords).toEqual(rows.bounds!.map((c) => [...c]))
    expect(mapChart.select(await loadMini(), {}).bounds).toBeNull()
  })
})

describe('SVG output', () => {
  it('keeps the Chinese font stack inside well-formed style attributes', async () => {
    const rows = mapChart.select(await loadMini(), {})
    const svg = render(mapChart.build(rows, ctx)).renderToSVGString()
    const styles = [...svg.matchAll(/style="([^"]*)"/g)].map((m) => m[1]!)
    expect(styles.some((s) => s.includes('Noto Sans SC'))).toBe(true)
    // A double quote inside the stack would end the attribute early and leave this behind.
    expect(svg).not.toMatch(/style="[^"]*"\s*(Microsoft|PingFang|Noto)/)
  })
})

type Option = {
  geo: { map: string; regions?: { name: string }[]; boundingCoords?: unknown }
  series: {
    name: string
    cursor?: string
    data: { name?: string; value?: unknown; coords?: number[][]; tooltip?: { formatter: string } }[]
  }[]
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reaching into the geo model
const geoOf = (chart: EChartsType): any =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (chart as any).getModel().getComponent('geo').coordinateSystem

const hunan = async () => mapChart.select(await loadReal(), { province: '湖南' }, { drill: true })

describe('drilling into a province', () => {
  it('stays on China without drill, or without a province to drill into', async () => {
    const d = await loadReal()
    for (const rows of [
      mapChart.select(d, { province: '湖南' }),
      mapChart.select(d, {}, { drill: true }),
      mapChart.select(d, { province: 'Atlantis' }, { drill: true }),
    ]) {
      expect(rows.level).toBeNull()
      expect(rows.regions).toEqual([])
      expect(rows.outsideOrigins).toEqual([])
    }
  })

  it('selects the province by city, a district counted in its city', async () => {
    const rows = await hunan()
    expect(rows.level).toEqual({ province: '湖南', map: 'province:43' })
    expect(rows.regions).toHaveLength(14)
    const byName = Object.fromEntries(rows.regions.map((r) => [r.name, r]))
    expect(byName['长沙市']).toEqual({
      adcode: '430100',
      name: '长沙市',
      events: 1,
      places: ['changsha'],
    })
    // Two conferences had sessions in 株洲; 芦淞区 is one of its districts, the city itself first.
    expect(byName['株洲市']).toEqual({
      adcode: '430200',
      name: '株洲市',
      events: 2,
      places: ['zhuzhou', 'zhuzhou-lusong'],
    })
    expect(byName['湘潭市']).toMatchObject({ events: 0, places: ['xiangtan'] })
    expect(byName['常德市']).toMatchObject({ events: 0, places: [] })
    expect(rows.points.map((p) => p.place)).toEqual(['changsha', 'zhuzhou'])
    expect(rows.bounds).toBeNull()
  })

  it('rolls an event in a district up to its city', async () => {
    // The 中南大学 alumni conference's 株洲 session, moved to 芦淞区.
    const files = edit(
      readFolder(DATA_DIR),
      'events.csv',
      ',zhuzhou,,csu-news-2024-11-20,',
      ',zhuzhou-lusong,,csu-news-2024-11-20,',
    )
    const loaded = await loadFiles(files)
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'))
    const rows = mapChart.select(
      loaded.dataset,
      { province: '湖南', event: 'csu-alumni-2024' },
      { drill: true },
    )
    expect(rows.points.map((p) => p.place)).toEqual(['changsha', 'zhuzhou-lusong'])
    const counts = rows.regions.filter((r) => r.events > 0).map((r) => [r.name, r.events])
    expect(counts).toEqual([
      ['长沙市', 1],
      ['株洲市', 1],
    ])
  })

  it('draws only the partners from inside the province, and lists the others', async () => {
    const rows = await hunan()
    const d = await loadReal()
    const inside = (place: string) => d.index.place[place]!.province === '湖南'
    expect(rows.flows.length).toBeGreaterThan(0)
    for (const f of rows.flows) expect([f.from, f.to].every(inside), f.from).toBe(true)
    expect(rows.flows.map((f) => f.from)).toContain('xiangtan')
    for (const o of rows.origins) expect(inside(o.place), o.place).toBe(true)
    expect(rows.outsideOrigins.length).toBeGreaterThan(0)
    for (const o of rows.outsideOrigins) expect(inside(o.place), o.place).toBe(false)
    const beijing = rows.outsideOrigins.find((o) => o.place === 'beijing' && o.to === 'zhuzhou')
    expect(beijing?.province).toBe('北京')
    expect(beijing?.orgs.map((o) => o.zh)).toContain('清华大学材料学院')
    // On the China map the same partners are lines.
    const china = mapChart.select(d, { province: '湖南' })
    expect(china.flows.map((f) => f.from)).toContain('beijing')
  })

  it('builds the province map, without the 南海诸岛 inset, and it renders', async () => {
    const rows = await hunan()
    const option = mapChart.build(rows, ctx) as Option
    expect(option.geo.map).toBe('province:43')
    expect(option.geo.boundingCoords).toBeUndefined()
    expect(option.series[SERIES.regions]!.data.map((x) => [x.name, x.value])).toEqual(
      rows.regions.map((r) => [r.name, r.events]),
    )
    expect(option.series[SERIES.flows]!.data).toHaveLength(rows.flows.length)
    // Regions with an event city keep quiet: the point's label names them.
    expect(option.geo.regions!.map((r) => r.name)).toEqual(['长沙市', '株洲市'])
    const chart = render(option)
    const geo = geoOf(chart)
    expect(geo.getRegion('株洲市')).toBeDefined()
    expect(geo.getRegion('南海诸岛')).toBeUndefined()
    expect(geo.getRegion('湖南')).toBeUndefined()
    const svg = chart.renderToSVGString()
    chart.dispose()
    expect(svg).toContain('株洲市')
    expect(svg).toContain('常德市') // a region label
  })

  it("names outside partners' cities in the event city's tooltip, escaped", async () => {
    const rows = await hunan()
    const option = mapChart.build(rows, ctx) as Option
    const zhuzhou = rows.points.findIndex((p) => p.place === 'zhuzhou')
    const tip = option.series[SERIES.cities]!.data[zhuzhou]!.tooltip!.formatter
    expect(tip).toMatch(/合作方来自 .*北京市/)
    expect(tip).toContain('上海市')
    const en = mapChart.build(rows, { ...ctx, locale: 'en' }) as Option
    expect(en.series[SERIES.cities]!.data[zhuzhou]!.tooltip!.formatter).toMatch(
      /partners from .*Beijing/,
    )
    const evil: MapRows = {
      ...rows,
      outsideOrigins: rows.outsideOrigins.map((o) => ({ ...o, name: { zh: '<b>x', en: '<b>x' } })),
    }
    const poisoned = mapChart.build(evil, ctx) as Option
    expect(poisoned.series[SERIES.cities]!.data[zhuzhou]!.tooltip!.formatter).toContain(
      '&lt;b&gt;x',
    )
    // The China map's tooltips stay as they were.
    const china = mapChart.build(mapChart.select(await loadReal(), {}), ctx) as Option
    for (const p of china.series[SERIES.cities]!.data)
      expect(p.tooltip!.formatter).not.toContain('合作方来自')
  })

  it('gives its table at both levels', async () => {
    const rows = await hunan()
    const table = mapChart.table(rows, 'zh-CN')
    expect(table.rows.map((r) => r[0])).toEqual(['长沙市', '株洲市'])
    expect(table.rows.every((r) => r[1] === '湖南')).toBe(true)
  })
})

describe('interactive maps', () => {
  it('leave the big screen option alone when not interactive', async () => {
    for (const rows of [mapChart.select(await loadMini(), {}), await hunan()]) {
      const plain = JSON.stringify(mapChart.build(rows, ctx))
      expect(JSON.stringify(mapChart.build(rows, { ...ctx, interactive: false }))).toBe(plain)
      expect(plain).not.toContain('cursor')
    }
    const china = mapChart.build(mapChart.select(await loadMini(), {}), ctx) as Option
    expect(china.series[SERIES.regions]!.data).toEqual([{ name: '湖南', value: 2 }])
  })

  it('make regions and event cities clickable, with a tooltip per region', async () => {
    for (const rows of [mapChart.select(await loadMini(), {}), await hunan()]) {
      const option = mapChart.build(rows, { ...ctx, interactive: true }) as Option
      expect(option.series[SERIES.regions]!.cursor).toBe('pointer')
      expect(option.series[SERIES.cities]!.cursor).toBe('pointer')
      const first = option.series[SERIES.regions]!.data[0]!
      expect(first.tooltip!.formatter).toMatch(/^(湖南|长沙市)<br\/>\d+ 场活动$/)
      render(option).dispose()
    }
  })
})

describe('clicks on the map', () => {
  const click = (e: Partial<Extract<ChartEvent, { type: 'click' }>>): ChartEvent => ({
    type: 'click',
    componentType: 'series',
    name: '',
    ...e,
  })

  it('drill into a province on the China map', async () => {
    const rows = mapChart.select(await loadReal(), {}, { drill: true })
    const patch = { province: '湖南', city: undefined }
    // The patch clears the city: a city of another province would leave nothing.
    expect(mapChart.pick(rows, click({ componentType: 'geo', name: '湖南' }))).toStrictEqual(patch)
    expect(
      mapChart.pick(rows, click({ seriesIndex: SERIES.regions, dataIndex: 0, name: '湖南' })),
    ).toStrictEqual(patch)
    // A province without events drills in too: its map is there to look at.
    expect(mapChart.pick(rows, click({ componentType: 'geo', name: '西藏' }))).toStrictEqual({
      province: '西藏',
      city: undefined,
    })
    expect(mapChart.pick(rows, click({ componentType: 'geo', name: '南海诸岛' }))).toBeNull()
    expect(mapChart.pick(rows, click({ componentType: 'geo', name: '长沙市' }))).toBeNull()
  })

  it('filter by a city on a province map, when the snapshot has a place there', async () => {
    const rows = await hunan()
    const region = (name: string) => mapChart.pick(rows, click({ componentType: 'geo', name }))
    expect(region('株洲市')).toStrictEqual({ city: 'zhuzhou' })
    expect(region('长沙市')).toStrictEqual({ city: 'changsha' })
    expect(region('湘潭市')).toStrictEqual({ city: 'xiangtan' })
    expect(
      mapChart.pick(rows, click({ seriesIndex: SERIES.regions, dataIndex: 1, name: '株洲市' })),
    ).toStrictEqual({ city: 'zhuzhou' })
    expect(region('常德市')).toBeNull() // on the map, not in the snapshot
    expect(region('湖南')).toBeNull()
    expect(region('纽约')).toBeNull()
  })

  it('filter by an event city, and ignore flows and partner dots', async () => {
    for (const rows of [mapChart.select(await loadReal(), {}), await hunan()]) {
      rows.points.forEach((p, dataIndex) =>
        expect(
          mapChart.pick(rows, click({ seriesIndex: SERIES.cities, dataIndex, name: p.name.zh })),
        ).toStrictEqual({ province: p.province, city: p.place }),
      )
      expect(
        mapChart.pick(rows, click({ seriesIndex: SERIES.cities, dataIndex: 99, name: 'x' })),
      ).toBeNull()
      expect(mapChart.pick(rows, click({ seriesIndex: SERIES.flows, dataIndex: 0 }))).toBeNull()
      expect(mapChart.pick(rows, click({ seriesIndex: SERIES.origins, dataIndex: 0 }))).toBeNull()
      expect(mapChart.pick(rows, { type: 'brush', range: [0, 1] })).toBeNull()
    }
    const china = mapChart.select(await loadReal(), {})
    const changchun = china.points.findIndex((p) => p.place === 'changchun')
    expect(
      mapChart.pick(china, click({ seriesIndex: SERIES.cities, dataIndex: changchun })),
    ).toStrictEqual({ province: '吉林', city: 'changchun' })
  })
})

describe('the map for screen readers and colour-blind readers', () => {
  interface AriaOption {
    aria: { enabled: boolean; label: { description: string }; decal: { show: boolean } }
    series: {
      itemStyle?: { decal?: unknown }
      data: { name: string; itemStyle?: { decal: Decal } }[]
    }[]
  }
  const aria = (o: EChartsCoreOption) => o as unknown as AriaOption

  it('says what it shows in the chart’s language: title, provinces, the biggest cities', async () => {
    const rows = mapChart.select(await loadReal(), {})
    const top = rows.provinces[0]!
    const zh = aria(mapChart.build(rows, { ...ctx, title: '合作对接地图' })).aria.label.description
    expect(zh).toMatch(/^合作对接地图。示意地图：\d+ 个省份有活动：/)
    expect(zh).toContain(`${top.name} ${top.events} 场`)
    const city = [...rows.points].sort((a, b) => b.size - a.size)[0]!
    expect(zh).toContain(`${city.name.zh}（${city.events.length} 场活动，${city.outcomes} 项成果`)
    // Without a title from the view, the chart's own; in English, English names.
    const en = aria(mapChart.build(rows, { ...ctx, locale: 'en' })).aria.label.description
    expect(en).toMatch(/^Cooperation map\. Schematic map: events in \d+ provinces: /)
    expect(en).toContain(`${city.name.en} (${city.events.length} event`)
    expect(en).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('patterns the provinces denser as their shade gets stronger, only when asked', async () => {
    const rows = mapChart.select(await loadReal(), {})
    const plain = aria(mapChart.build(rows, ctx))
    expect(plain.aria.decal.show).toBe(false)
    expect(plain.series[SERIES.regions]!.data.every((d) => !d.itemStyle)).toBe(true)

    const patterned = aria(mapChart.build(rows, { ...ctx, decal: true }))
    expect(patterned.aria.decal.show).toBe(true)
    // Provinces without events take the series' pattern, which draws nothing.
    expect(patterned.series[SERIES.regions]!.itemStyle?.decal).toEqual(NO_DECAL)
    const decalOf = (name: string) =>
      patterned.series[SERIES.regions]!.data.find((d) => d.name === name)!.itemStyle!.decal
    const most = rows.provinces[0]!
    const least = rows.provinces.at(-1)!
    expect(most.events).toBeGreaterThan(least.events)
    expect(decalOf(most.name).dashArrayX).toEqual([2, 2])
    expect(decalOf(least.name)).not.toEqual(decalOf(most.name))
    expect(decalOf(least.name).color).not.toBe(NO_DECAL.color)
    // ECharts takes it, and draws the patterns.
    const svg = render(patterned as unknown as EChartsCoreOption).renderToSVGString()
    expect(inkedPatterns(svg)).toBeGreaterThan(1)
    expect(inkedPatterns(render(plain as unknown as EChartsCoreOption).renderToSVGString())).toBe(0)
  })
})

describe('a large snapshot on the map', () => {
  /** The mini snapshot with `n` more universities in Beijing at conf-b, and `n` sessions of it. */
  async function crowded(n: number) {
    let files = readFolder(path.join(FIXTURES, 'mini'))
    const add = (name: string, lines: string[]) =>
      (files = { ...files, [name]: files[name] + lines.join('\n') + '\n' })
    const ids = Array.from({ length: n }, (_, i) => String(i).padStart(2, '0'))
    add(
      'organizations.csv',
      ids.map((i) => `u${i},北京大学${i},Beijing Univ ${i},,university,beijing,`),
    )
    add(
      'event_orgs.csv',
      ids.map((i) => `conf-b,u${i},participant,src-b,北京大学${i}参会`),
    )
    add(
      'events.csv',
      ids.map((i) => `conf-b-s${i},会议乙分会${i},Session ${i},,,conf-b,2024-07,,,,,src-b,,`),
    )
    const result = await loadFiles(files)
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
    return result.dataset
  }

  it('keeps the strongest flows, a tie to the earlier one, in their order', () => {
    const flows = [3, 1, 5, 1, 3, 2].map((orgCount, i) => ({ id: i, orgCount }))
    expect(strongest(flows, 3).map((f) => f.id)).toEqual([0, 2, 4])
    expect(strongest(flows, 4).map((f) => f.id)).toEqual([0, 2, 4, 5])
    // A tie at the cut goes to the earlier flow.
    expect(strongest(flows, 5).map((f) => f.id)).toEqual([0, 1, 2, 4, 5])
    expect(strongest(flows, 6)).toEqual(flows)
    expect(strongest(flows, 6)).not.toBe(flows)
  })

  it('draws at most maxFlows lines, the ones with most partners, and counts them all', async () => {
    const d = await loadReal()
    const all = mapChart.select(d, {})
    // The curated snapshot is drawn whole.
    expect(all.flows.length).toBeLessThan(MAX_FLOWS)
    expect(all.flowsTotal).toBe(all.flows.length)
    const rows = mapChart.select(d, {}, { maxFlows: 4 })
    expect(rows.flowsTotal).toBe(all.flows.length)
    expect(rows.flows).toHaveLength(4)
    const key = (f: MapFlow) => `${f.from}>${f.to}`
    const kept = new Set(rows.flows.map(key))
    const weakestKept = Math.min(...rows.flows.map((f) => f.orgCount))
    for (const f of all.flows.filter((f) => !kept.has(key(f))))
      expect(f.orgCount).toBeLessThanOrEqual(weakestKept)
    // In the order of the whole list; among equals, the first ones.
    expect(rows.flows.map(key)).toEqual(all.flows.map(key).filter((k) => kept.has(k)))
    expect(rows.flows.map((f) => [key(f), f.orgCount])).toEqual([
      ['beijing>changsha', 2],
      ['beijing>zhuzhou', 5],
      ['changsha>zhuzhou', 5],
      ['shanghai>changchun', 2],
    ])
    // Partner dots only where a drawn line starts, and never on an event city.
    expect(rows.origins.map((o) => o.place)).toEqual(['shanghai'])
    // Cities, provinces and the table do not change.
    expect(rows.points).toEqual(all.points)
    expect(mapChart.table(rows, 'zh-CN')).toEqual(mapChart.table(all, 'zh-CN'))
  })

  it('focuses the drawn lines of an event by their index in the capped list', async () => {
    const d = await loadReal()
    const rows = mapChart.select(d, {}, { maxFlows: 4 })
    const zhuzhou = rows.points.findIndex((p) => p.place === 'zhuzhou')
    const focus = mapChart.focus(rows, new Set(rows.points[zhuzhou]!.events))
    expect(focus[0]).toEqual({ seriesIndex: SERIES.cities, dataIndex: zhuzhou })
    const lines = focus.filter((f) => f.seriesIndex === SERIES.flows).map((f) => f.dataIndex)
    expect(lines).toEqual([1, 2])
    for (const i of lines) expect(rows.flows[i]!.to).toBe('zhuzhou')
    // Built, the same indices address those lines.
    const option = mapChart.build(rows, ctx) as unknown as Option
    expect(option.series[SERIES.flows]!.data).toHaveLength(4)
  })

  it('says on the chart and to screen readers that only the strongest lines are drawn', async () => {
    const d = await loadReal()
    type Titled = { title?: { text: string }; aria: { label: { description: string } } }
    const all = mapChart.build(mapChart.select(d, {}), ctx) as unknown as Titled
    expect(all.title).toBeUndefined()
    expect(all.aria.label.description).not.toContain('画出')
    const rows = mapChart.select(d, {}, { maxFlows: 4 })
    const zh = mapChart.build(rows, ctx) as unknown as Titled
    expect(zh.title!.text).toBe(`连线：合作高校/院所最多的 4 条，共 ${rows.flowsTotal} 条`)
    expect(zh.aria.label.description).toContain(
      `连线 ${rows.flowsTotal} 条，画出合作高校/院所最多的 4 条`,
    )
    const en = mapChart.build(rows, { ...ctx, locale: 'en' }) as unknown as Titled
    expect(en.title!.text).toBe(`Lines: the 4 with most partners, of ${rows.flowsTotal}`)
    expect(en.aria.label.description).toContain(`of ${rows.flowsTotal} lines, the 4 with most`)
    expect(render(zh as unknown as EChartsCoreOption).renderToSVGString()).toContain(
      '合作高校/院所最多',
    )
  })

  it('carries the first names of partners and events, with how many there are', async () => {
    const d = await crowded(12)
    const rows = mapChart.select(d, {})
    const flow = rows.flows.find((f) => f.from === 'beijing' && f.to === 'zhuzhou')!
    // 清华大学材料学院 and the twelve.
    expect(flow.orgCount).toBe(13)
    expect(flow.orgs).toHaveLength(NAMES_CARRIED)
    // By id, as before the cap: tsinghua-mse, u00, u01 …
    expect(flow.orgs.map((o) => o.zh).slice(0, 3)).toEqual([
      '清华大学材料学院',
      '北京大学00',
      '北京大学01',
    ])
    const zhuzhou = rows.points.find((p) => p.place === 'zhuzhou')!
    expect(zhuzhou.events).toHaveLength(13)
    expect(zhuzhou.eventNames).toHaveLength(NAMES_CARRIED)
    expect(zhuzhou.eventNames).toEqual(
      zhuzhou.events.slice(0, NAMES_CARRIED).map((id) => d.index.event[id]!.name),
    )
    const option = mapChart.build(rows, ctx) as unknown as Option
    const line = option.series[SERIES.flows]!.data[rows.flows.indexOf(flow)]!
    expect(line.tooltip!.formatter).toContain('共 13 个')
    const city = option.series[SERIES.cities]!.data[rows.points.indexOf(zhuzhou)]!
    expect(city.tooltip!.formatter).toContain('共 13 个')
    // Line width by every partner, not by the names carried.
    const width = (line as unknown as { lineStyle: { width: number } }).lineStyle.width
    expect(width).toBe(4 * Math.max(0.6, Math.min(1000, 800 * 1.4) / 900))
  })

  it('labels every city up to ALL_LABELLED, beyond that the biggest whose labels do not collide', () => {
    const city = (name: string, lng: number, lat: number, symbolSize: number) => ({
      name,
      lng,
      lat,
      symbolSize,
    })
    // Two cities 1° apart: with all labelled, both; with many, the bigger one only.
    const pair = [city('小城市', 113, 28, 10), city('大城市', 113, 27, 30)]
    expect(labelledCities(pair, ['right', 'right'], 14, 10)).toEqual([true, true])
    const far = Array.from({ length: ALL_LABELLED - 1 }, (_, i) =>
      city(`远${i}`, 80, 40 + 3 * i, 10),
    )
    const many = [...pair, ...far]
    const sides = many.map(() => 'right' as const)
    expect(labelledCities(many, sides, 14, 10)).toEqual([false, true, ...far.map(() => true)])
    // Labels on opposite sides do not collide.
    expect(labelledCities(many, ['left', ...sides.slice(1)], 14, 10).slice(0, 2)).toEqual([
      true,
      true,
    ])
    // Drawn large enough, they are apart.
    expect(labelledCities(many, sides, 14, 40).slice(0, 2)).toEqual([true, true])
    // On a province map, whose extent the builder does not know, every city.
    expect(labelledCities(many, sides, 14, null).every(Boolean)).toBe(true)
  })

  it('names an unlabelled city when it is highlighted', async () => {
    const d = await loadReal()
    const rows = mapChart.select(d, {})
    type Cities = { data: { label: { show?: boolean }; emphasis?: { label: { show: boolean } } }[] }
    const cities = (r: MapRows) =>
      (mapChart.build(r, ctx) as unknown as { series: Cities[] }).series[SERIES.cities]!.data
    expect(cities(rows).every((c) => c.label.show !== false && !c.emphasis)).toBe(true)
    // The same cities many times over, a little apart: many labels would collide.
    const points = Array.from({ length: 5 }, (_, k) =>
      rows.points.map((p) => ({ ...p, place: `${p.place}-${k}`, lat: p.lat + k * 0.3 })),
    ).flat()
    const crowdedRows = { ...rows, points }
    const data = cities(crowdedRows)
    const hidden = data.filter((c) => c.label.show === false)
    expect(hidden.length).toBeGreaterThan(0)
    expect(hidden.length).toBeLessThan(points.length)
    for (const c of hidden) expect(c.emphasis).toEqual({ label: { show: true } })
  })
})
