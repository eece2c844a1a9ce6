import { describe, expect, it } from 'vitest'
import { use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { LineChart, ScatterChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, AriaComponent } from 'echarts/components'
import { timelineChart, timelineOrder } from '../../src/charts/timeline'
import { labelled, timelineRange, wrapText } from '../../src/charts/timeline/build'
import { formatEventDate } from '../../src/domain/eventDate'
import { textWidth } from '../../src/charts/text'
import type { TimelineRows } from '../../src/charts/timeline/select'
import type { BuildContext } from '../../src/charts/types'
import { eventFamily } from '../../src/domain/aggregate'
import type { DateValue } from '../../src/domain/types'
import { THEMES } from '../../src/themes'
import { loadMini } from '../helpers/snapshot'
import { inkedPatterns, loadReal, renderSvg } from '../helpers/charts'

use([SVGRenderer, LineChart, ScatterChart, GridComponent, TooltipComponent, AriaComponent])

const ctx: BuildContext = {
  theme: THEMES.dark,
  locale: 'zh-CN',
  size: { width: 800, height: 400 },
  frozen: true,
}

interface PointItem {
  name: string
  value: [number, number]
  symbol: string
  itemStyle: { color: string }
  label: { position: 'top' | 'bottom'; offset: [number, number]; formatter: string }
  tooltip: { formatter: string }
}

interface TimelineOption {
  useUTC: boolean
  animation: boolean
  aria: { enabled: boolean }
  xAxis: { type: string; min: number; max: number }
  grid: { left: number; right: number }
  series: { type: string; data: PointItem[] }[]
}

function points(option: EChartsCoreOption): PointItem[] {
  return (option as unknown as TimelineOption).series[0]!.data
}

const day = (text: string): DateValue => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number?]
  return { text, precision: d ? 'day' : 'month', year: y, month: m, day: d ?? null }
}

describe('event dates', () => {
  it('are shown as the source gives them, a month-only date without a day', () => {
    expect(formatEventDate(day('2024-11-19'), day('2024-11-20'), 'zh-CN')).toBe(
      '2024年11月19日—20日',
    )
    expect(formatEventDate(day('2024-11-19'), day('2024-11-20'), 'en')).toBe('Nov 19–20, 2024')
    expect(formatEventDate(day('2024-11-30'), day('2024-12-02'), 'en')).toBe('Nov 30 – Dec 2, 2024')
    expect(formatEventDate(day('2025-03-30'), null, 'zh-CN', false)).toBe('3月30日')
    expect(formatEventDate(day('2024-07'), null, 'zh-CN')).toBe('2024年7月')
    expect(formatEventDate(day('2024-07'), null, 'en')).toBe('Jul 2024')
    expect(formatEventDate(day('2024-07'), null, 'zh-CN', false)).toBe('7月')
  })

  it('wrap into balanced lines, Latin text between words', () => {
    expect(wrapText('中南大学校友企业家联谊会2024年年会', 200, 16, 2)).toHaveLength(2)
    const [a, b] = wrapText('中南大学校友企业家联谊会2024年年会', 200, 16, 2)
    expect(Math.abs(textWidth(a!, 16) - textWidth(b!, 16))).toBeLessThanOrEqual(32)
    expect(wrapText('Hunan Conference on Advancing the Transfer', 150, 13, 2)[0]).toBe(
      'Hunan Conference on',
    )
    const cut = wrapText('一二三四五六七八九十一二三四五六七八九十', 64, 16, 2)
    expect(cut).toHaveLength(2)
    expect(cut[1]).toMatch(/…$/)
  })
})

describe('timeline chart', () => {
  it('puts the conferences in date order, sessions and outcomes folded in', async () => {
    const rows = timelineChart.select(await loadMini(), {})
    expect(rows.points.map((p) => [p.id, p.start.text, p.sessions, p.outcomes, p.city.zh])).toEqual(
      [
        ['conf-b', '2024-07', 0, 1, '株洲'],
        ['conf-a', '2024-11-19', 1, 2, '长沙'],
      ],
    )
    expect(timelineOrder(rows)).toEqual(['conf-b', 'conf-a'])
    // A month-only date sits mid-month: never on the 1st, as if the day were known.
    expect(rows.points[0]!.time).toBe((Date.UTC(2024, 6, 1) + Date.UTC(2024, 7, 1)) / 2)
    expect(rows.points[1]!.time).toBe(Date.UTC(2024, 10, 19))
  })

  it('draws braces in a name as text, not as a rich-text style', async () => {
    const rows = timelineChart.select(await loadMini(), {})
    const named: TimelineRows = {
      ...rows,
      points: rows.points.map((p, i) =>
        i === 0
          ? {
              ...p,
              name: { zh: '{d|0}对接会', en: '{d|0} fair' },
              label: { zh: '{d|0}对接会', en: '{d|0} fair' },
            }
          : p,
      ),
    }
    const option = timelineChart.build(named, ctx)
    const label = points(option).find((p) => p.name === rows.points[0]!.id)!.label.formatter
    expect(label).toContain('｛d|0｝对接会')
    expect(label).not.toContain('{d|0}')
    expect(renderSvg(option)).toContain('｛d|0｝对接会')
  })

  it('marks a month-only date as such, and never shows an invented day', async () => {
    const rows = timelineChart.select(await loadMini(), {})
    for (const locale of ['zh-CN', 'en'] as const) {
      const [b, a] = points(timelineChart.build(rows, { ...ctx, locale }))
      expect(b!.symbol).toBe('roundRect')
      expect(b!.itemStyle.color).toBe('transparent')
      expect(a!.symbol).toBe('circle')
      expect(b!.label.formatter).toContain(locale === 'en' ? '{m|Jul}' : '{m|7月}')
      expect(b!.label.formatter).not.toMatch(/7月\d|Jul \d/)
      expect(b!.tooltip.formatter).toContain(locale === 'en' ? 'Jul 2024' : '2024年7月')
      expect(b!.tooltip.formatter).not.toMatch(/7月1\d日|Jul 1\d/)
      expect(a!.label.formatter).toContain(locale === 'en' ? 'Nov 19–20' : '11月19日—20日')
    }
    const zh = points(timelineChart.build(rows, ctx))
    expect(zh[0]!.tooltip.formatter).toContain('（报道未给出具体日期）')
    expect(zh[0]!.tooltip.formatter).toContain('分项成果 1 项')
    expect(zh[1]!.tooltip.formatter).toContain('1个分会场')
    expect(timelineChart.table(rows, 'zh-CN').rows[0]).toEqual([
      '会议乙',
      '2024年7月',
      '月',
      '株洲',
      0,
      1,
      'exact',
      'src-b',
    ])
  })

  it('fits the curated snapshot on the axis with room either side', async () => {
    const rows = timelineChart.select(await loadReal(), {})
    expect(timelineOrder(rows)).toEqual([
      'suxiang-2024',
      'hunan-transfer-2024',
      'csu-alumni-2024',
      'zgc-2025',
      'gbh63-2025',
    ])
    expect(rows.points.map((p) => p.sessions)).toEqual([0, 4, 3, 0, 0])
    const { min, max } = timelineRange(rows)
    expect(min).toBeLessThan(Date.UTC(2024, 6, 1))
    expect(min).toBeGreaterThan(Date.UTC(2024, 5, 1))
    expect(max).toBeGreaterThan(Date.UTC(2025, 4, 23))
    expect(max).toBeLessThan(Date.UTC(2025, 6, 1))
    const option = timelineChart.build(rows, ctx) as unknown as TimelineOption
    expect(option.xAxis).toMatchObject({ type: 'time', min, max })
    expect(option.useUTC).toBe(true)
    expect(option.aria.enabled).toBe(true)
    expect(option.animation).toBe(false)
  })

  it('keeps labels apart: alternately above and below, and inside the chart', async () => {
    const rows = timelineChart.select(await loadReal(), {})
    for (const size of [
      { width: 440, height: 300 },
      { width: 900, height: 400 },
      { width: 1080, height: 1080 },
    ]) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const option = timelineChart.build(rows, {
          ...ctx,
          size,
          locale,
        }) as unknown as TimelineOption
        const { min, max } = option.xAxis
        const x0 = option.grid.left
        const w = size.width - option.grid.left - option.grid.right
        const boxes = option.series[0]!.data.map((p) => {
          const lines = [...p.label.formatter.matchAll(/\{[nm]\|([^}]*)\}/g)].map((m) => m[1]!)
          // Base font at this size (13px scaled): wide enough to stand for either style.
          const font = Math.round(
            13 * Math.max(1, Math.min(2.2, size.width / 560, size.height / 320)),
          )
          const width = Math.max(...lines.map((l) => textWidth(l, font)))
          const centre = x0 + ((p.value[0] - min) / (max - min)) * w + p.label.offset[0]
          return { side: p.label.position, from: centre - width / 2, to: centre + width / 2 }
        })
        expect(boxes.map((b) => b.side)).toEqual(['top', 'bottom', 'top', 'bottom', 'top'])
        for (const b of boxes) {
          expect(b.from).toBeGreaterThanOrEqual(0)
          expect(b.to).toBeLessThanOrEqual(size.width)
        }
        for (const side of ['top', 'bottom']) {
          const same = boxes.filter((b) => b.side === side)
          for (let i = 1; i < same.length; i++)
            expect(same[i]!.from).toBeGreaterThan(same[i - 1]!.to)
        }
      }
    }
  })

  it('builds a deterministic option that renders, labelled by month', async () => {
    const rows = timelineChart.select(await loadReal(), {})
    const a = timelineChart.build(rows, ctx)
    expect(JSON.stringify(a)).toBe(JSON.stringify(timelineChart.build(rows, ctx)))
    const svg = renderSvg(a)
    for (const label of ['2024年7月', '2025年1月', '中关村论坛千校万企协同创新大会', '3月30日']) {
      expect(svg).toContain(`>${label}<`)
    }
    const en = renderSvg(timelineChart.build(rows, { ...ctx, locale: 'en' }))
    expect(en).toContain('>Jul 2024<')
    expect(en).toContain('>Mar 30<')
  })

  it('escapes every data string that reaches a tooltip', async () => {
    const rows = timelineChart.select(await loadMini(), {})
    const evil = { zh: '<img src=x onerror=alert(1)>', en: '<script>x</script>' }
    const poisoned: TimelineRows = {
      ...rows,
      points: rows.points.map((p) => ({ ...p, name: evil, label: evil, city: evil })),
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const formatters = points(timelineChart.build(poisoned, { ...ctx, locale })).map(
        (p) => p.tooltip.formatter,
      )
      const option = timelineChart.build(poisoned, { ...ctx, locale }) as unknown as {
        series: { tooltip?: { formatter?: unknown } }[]
      }
      const dot = option.series[1]!.tooltip!.formatter as (p: { dataIndex: number }) => string
      formatters.push(...poisoned.points.map((_, i) => dot({ dataIndex: i })))
      expect(formatters.join('')).not.toMatch(/<img|<script/)
      expect(formatters.join('')).toMatch(/&lt;(img|script)/)
    }
  })

  it('focuses the point of the conference that one of its sessions belongs to', async () => {
    const d = await loadReal()
    const rows = timelineChart.select(d, {})
    // The dot by its place (every conference has one), and the labelled point by name.
    expect(timelineChart.focus(rows, eventFamily(d, 'csu-alumni-2024'))).toEqual([
      { seriesIndex: 1, dataIndex: 2 },
      { seriesIndex: 0, name: 'csu-alumni-2024' },
    ])
    expect(timelineChart.focus(rows, new Set(['hunan-transfer-2024-ai']))).toEqual([
      { seriesIndex: 1, dataIndex: 1 },
      { seriesIndex: 0, name: 'hunan-transfer-2024' },
    ])
    expect(timelineChart.focus(rows, new Set(['no-such-event']))).toEqual([])
    // A month-only conference has no dot: its span, which is always drawn, is all there is.
    const mini = timelineChart.select(await loadMini(), {})
    const monthOnly = mini.points.find((p) => p.start.precision === 'month')!
    expect(timelineChart.focus(mini, new Set([monthOnly.id]))).toEqual([
      { seriesIndex: 0, name: monthOnly.id },
    ])
  })

  it('draws a dot per dated conference, plain values styled by the series, under the labels', async () => {
    const rows = timelineChart.select(await loadMini(), {})
    const option = timelineChart.build(rows, ctx) as unknown as {
      series: { name: string; z: number; data: unknown[]; tooltip: { formatter: unknown } }[]
    }
    const [labels, dots] = option.series
    expect(dots!.name).toBe('dots')
    expect(dots!.z).toBeLessThan(labels!.z)
    // Plain arrays: an object item would make ECharts build a model for every dot.
    expect(dots!.data).toEqual(
      rows.points.map((p) => [p.time, p.start.precision === 'month' ? NaN : 0]),
    )
    const tip = dots!.tooltip.formatter as (p: { dataIndex: number }) => string
    rows.points.forEach((p, i) => expect(tip({ dataIndex: i })).toContain(p.name.zh))
  })

  it('keeps a conference when only one of its sessions passes the filters', async () => {
    const d = await loadReal()
    const rows = timelineChart.select(d, { sector: 'aviation' })
    expect(rows.points.map((p) => [p.id, p.sessions, p.events])).toEqual([
      ['hunan-transfer-2024', 1, ['hunan-transfer-2024-aviation']],
    ])
    expect(timelineChart.isEmpty(timelineChart.select(d, { from: '2030-01-01' }))).toBe(true)
  })
})

describe('the timeline for screen readers', () => {
  const description = (o: EChartsCoreOption) =>
    (o as unknown as { aria: { label: { description: string } } }).aria.label.description

  it('lists the events in date order with date, place and outcomes, in the chart’s language', async () => {
    const rows = timelineChart.select(await loadReal(), {})
    const first = rows.points[0]!
    const zh = description(timelineChart.build(rows, ctx))
    expect(zh).toMatch(
      new RegExp(
        `^活动时间轴。时间轴：${first.start.year}年${first.start.month}月至\\d{4}年\\d+月，共 ${rows.points.length} 场活动：`,
      ),
    )
    expect(zh).toContain(
      `${first.name.zh}（${formatEventDate(first.start, first.end, 'zh-CN')}，${first.city.zh}`,
    )
    const en = description(timelineChart.build(rows, { ...ctx, locale: 'en', title: 'Events' }))
    expect(en).toMatch(new RegExp(`^Events\\. Timeline of ${rows.points.length} events from `))
    expect(en).toContain(`${first.name.en} (${formatEventDate(first.start, first.end, 'en')}`)
  })

  it('keeps its patterns off: shapes already tell a dated event from a month-only one', async () => {
    const rows = timelineChart.select(await loadReal(), {})
    const option = timelineChart.build(rows, { ...ctx, decal: true }) as {
      aria: { decal: { show: boolean } }
    }
    expect(option.aria.decal.show).toBe(true)
    expect(inkedPatterns(renderSvg(option as EChartsCoreOption))).toBe(0)
  })
})

describe('timeline labels of a large snapshot', () => {
  /** `n` conferences a day apart from 2020-01-01, conference i with `outcomes(i)` outcomes. */
  function many(n: number, outcomes: (i: number) => number): TimelineRows {
    const points = Array.from({ length: n }, (_, i) => {
      const t = Date.UTC(2020, 0, 1 + i)
      const text = new Date(t).toISOString().slice(0, 10)
      return {
        id: `c${i}`,
        name: { zh: `会议${i}`, en: `Conference ${i}` },
        label: { zh: `会议${i}`, en: `Conference ${i}` },
        start: day(text),
        end: null,
        time: t,
        city: { zh: '长沙', en: 'Changsha' },
        sessions: 0,
        outcomes: outcomes(i),
        events: [`c${i}`],
        sources: ['s'],
      }
    })
    return { points, sources: ['s'] }
  }

  it('labels every conference while they fit, as on a curated year', () => {
    const rows = many(6, () => 1)
    expect(points(timelineChart.build(rows, ctx)).every((p) => p.label.formatter)).toBe(true)
  })

  it('labels the conferences with most outcomes first, never two too close on one side', () => {
    // The 3rd, 500th and 900th conferences have most outcomes.
    const top = new Set([3, 500, 900])
    const rows = many(1000, (i) => (top.has(i) ? 100 : 1))
    const built = timelineChart.build(rows, ctx)
    const option = built as unknown as TimelineOption
    const data = points(built)
    // Only the labelled conferences are items of their own; every one has a dot.
    expect(data.every((p) => p.label.formatter)).toBe(true)
    const shown = data.map((p) => rows.points.findIndex((q) => q.id === p.name))
    expect(shown.length).toBeGreaterThan(3)
    expect(shown.length).toBeLessThan(60)
    for (const i of top) expect(shown).toContain(i)
    const dots = option.series[1] as unknown as {
      data: unknown[]
      tooltip: { formatter: (p: { dataIndex: number }) => string }
    }
    expect(dots.data).toHaveLength(1000)
    // Every conference keeps its tooltip, labelled or not.
    for (let i = 0; i < 1000; i++)
      expect(dots.tooltip.formatter({ dataIndex: i })).toContain(`会议${i}`)
    // Directly: no two labels on one side closer than the room asked for.
    const xs = rows.points.map((_, i) => i * 2)
    const picked = [...labelled(rows, xs, 30, 800)]
    for (const a of picked)
      for (const b of picked)
        if (a !== b && a % 2 === b % 2) expect(Math.abs(xs[a]! - xs[b]!)).toBeGreaterThanOrEqual(30)
  })
})
