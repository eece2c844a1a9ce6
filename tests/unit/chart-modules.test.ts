import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { init, registerMap, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
// Only the screen's modules: this file checks what they can draw before ./echartsRest is in.
import '../../src/charts/echarts'
import { CHINA_MAP } from '../../src/charts/map/build'
import { CHARTS } from '../../src/charts/registry'
import type { BuildContext } from '../../src/charts/types'
import {
  holdFirstFrame,
  lateOption,
  loadRest,
  needsRest,
  restReady,
  withoutLate,
} from '../../src/charts/modules'
import { THEMES } from '../../src/themes'
import { loadReal } from '../helpers/charts'

use([SVGRenderer])
registerMap(
  CHINA_MAP,
  JSON.parse(readFileSync(path.resolve(__dirname, '../../public/maps/china.json'), 'utf8')),
)

const ctx: BuildContext = {
  theme: THEMES.dark,
  locale: 'zh-CN',
  size: { width: 900, height: 600 },
  frozen: true,
}

/** Draws an option through ECharts and returns what it complained about. */
function complaints(option: EChartsCoreOption): string[] {
  const said: string[] = []
  const log = (...args: unknown[]) => said.push(args.map(String).join(' '))
  const error = vi.spyOn(console, 'error').mockImplementation(log)
  const warn = vi.spyOn(console, 'warn').mockImplementation(log)
  try {
    const chart = init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 600 })
    chart.setOption(option)
    chart.renderToSVGString()
    chart.dispose()
  } catch (e) {
    said.push(String(e))
  } finally {
    error.mockRestore()
    warn.mockRestore()
  }
  return said
}

async function options() {
  const d = await loadReal()
  return {
    map: CHARTS.map.build(CHARTS.map.select(d, {}), ctx),
    sankey: CHARTS.sankey.build(CHARTS.sankey.select(d, {}), ctx),
    timeline: CHARTS.timeline.build(CHARTS.timeline.select(d, {}), ctx),
    ranking: CHARTS.ranking.build(CHARTS.ranking.select(d, {}), ctx),
    kpi: CHARTS.kpi.build(CHARTS.kpi.select(d, {}), ctx),
    figures: CHARTS.figures.build(CHARTS.figures.select(d, {}, { event: 'gbh63-2025' }), ctx),
  }
}

afterEach(() => vi.useRealTimers())

describe('ECharts modules: the screen’s first, the rest later', () => {
  it('draws every chart of the big screen with the first modules alone, tooltips left out', async () => {
    expect(restReady()).toBe(false)
    const o = await options()
    for (const id of ['map', 'sankey', 'timeline', 'ranking'] as const) {
      expect(needsRest(o[id]), id).toBe(false)
      expect(lateOption(o[id]), id).toEqual({ tooltip: (o[id] as { tooltip: unknown }).tooltip })
      const first = withoutLate(o[id])
      expect(first, id).not.toHaveProperty('tooltip')
      // A copy: the builder's option keeps its tooltip for later.
      expect(o[id], id).toHaveProperty('tooltip')
      expect(complaints(first), id).toEqual([])
    }
  })

  it('knows which options cannot be drawn without the rest', async () => {
    const o = await options()
    // The KPI card is drawn with graphic elements; the figures are bars, which the screen has.
    expect(needsRest(o.kpi)).toBe(true)
    expect(needsRest(o.figures)).toBe(false)
    expect(needsRest({ series: [{ type: 'pie' }] })).toBe(true)
    expect(needsRest({ series: { type: 'heatmap' } })).toBe(true)
    expect(needsRest({ series: [{}] })).toBe(true)
    expect(needsRest({ graphic: { elements: [] } })).toBe(true)
    expect(needsRest({ series: { type: 'bar' }, xAxis: {}, yAxis: {} })).toBe(false)
    expect(withoutLate({ series: [] })).toEqual({ series: [] })
    expect(lateOption({ series: [] })).toBeNull()
  })

  it('loads the rest once the charts drawing first have drawn, not before', async () => {
    vi.useFakeTimers()
    const a = holdFirstFrame()
    const b = holdFirstFrame()
    a()
    a()
    await vi.advanceTimersByTimeAsync(10)
    // b is still on its way.
    expect(restReady()).toBe(false)
    b()
    await vi.advanceTimersByTimeAsync(10)
    vi.useRealTimers()
    await vi.waitFor(() => expect(restReady()).toBe(true), { timeout: 10_000 })
    // Asking again reuses the load.
    await loadRest()
    expect(holdFirstFrame()).toBeTypeOf('function')
  })

  it('then draws every chart whole, tooltips and the KPI card included', async () => {
    await loadRest()
    const o = await options()
    for (const [id, option] of Object.entries(o)) expect(complaints(option), id).toEqual([])
  })
})
