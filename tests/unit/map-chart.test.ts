import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { init, use, registerMap, type EChartsType, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import '../../src/charts/echarts'
import { mapChart } from '../../src/charts/map'
import { CHINA_MAP } from '../../src/charts/map/build'
import { PROVINCES } from '../../src/domain/geo'
import { THEMES } from '../../src/themes'
import type { BuildContext } from '../../src/charts/types'
import { loadMini } from '../helpers/snapshot'

// The app's own registrations, plus the SVG renderer for rendering in Node.
use([SVGRenderer])
const chinaJson = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../public/maps/china.json'), 'utf8'),
)
registerMap(CHINA_MAP, chinaJson)

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
