import type { EChartsCoreOption } from 'echarts/core'
import { escapeHtml, escapeRich } from '../escape'
import { panelFontSize, panelScale } from '../sankey/build'
import { fitText, textWidth } from '../text'
import { ariaTitle, describeChart, listItems } from '../aria'
import { baseOption } from '../base'
import type { BuildContext } from '../types'
import { enMonth, formatEventDate } from '../../domain/eventDate'
import type { TimelinePoint, TimelineRows } from './select'

type Locale = BuildContext['locale']

const LABELS = {
  'zh-CN': {
    sessions: (n: number) => `${n}个分会场`,
    outcomes: (n: number) => `分项成果 ${n} 项`,
    city: '地点',
    date: '日期',
    monthOnly: '（报道未给出具体日期）',
  },
  en: {
    sessions: (n: number) => `${n} session${n === 1 ? '' : 's'}`,
    outcomes: (n: number) => `${n} itemised outcome${n === 1 ? '' : 's'}`,
    city: 'Place',
    date: 'Date',
    monthOnly: ' (day not given in the report)',
  },
} as const

const DAY_MS = 86_400_000

/**
 * The series: the labelled points and the month-only spans, each an item with its own label and
 * shape, over one dot per conference. A large snapshot has a thousand conferences and more, most
 * of them unlabelled dots: given as plain `[time, y]` values styled once for the series, ECharts
 * makes no model per item for them, which was most of the chart's cost at 1,250 conferences.
 */
export const LABELLED = 0
export const DOTS = 1

/** A conference dated to the day is a dot; a month-only one is a span drawn over its month. */
export function isDot(p: TimelinePoint): boolean {
  return p.start.precision === 'day'
}

/**
 * Month ticks of the axis, every `step` months labelled (a narrow panel labels every other one).
 * The year is written on the first label and on each January.
 */
function tickLabel(value: number, axisMin: number, step: number, locale: Locale): string {
  const date = new Date(value)
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth() + 1
  if ((y * 12 + m - 1) % step !== 0) return ''
  // ECharts numbers ticks from one outside the range, so the first label is found by value.
  const withYear = value - axisMin <= step * 31 * DAY_MS || m === 1
  if (locale === 'en') return withYear ? `${enMonth(m)} ${y}` : enMonth(m)
  return withYear ? `${y}年${m}月` : `${m}月`
}

/** Label every month, or every 2, 3, 6 or 12 (all divide a year, so January is labelled). */
function labelStep(min: number, max: number, width: number, fontSize: number): number {
  const months = (max - min) / (30.4 * DAY_MS)
  const fit = Math.max(1, Math.floor(width / (fontSize * 4.5)))
  return [1, 2, 3, 6, 12].find((k) => months / k <= fit) ?? 12
}

/**
 * Breaks text into at most `maxLines` lines of `width`, the last one cut with an ellipsis.
 * Latin text breaks between words where it can; Chinese between any two characters.
 */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  maxLines: number,
): string[] {
  const lines: string[] = []
  // Text that takes two lines gets two lines of about equal length, not one and an orphan.
  const needed = Math.ceil(textWidth(text, fontSize) / width)
  if (needed > 1 && needed <= maxLines) {
    width = Math.min(width, textWidth(text, fontSize) / needed + fontSize)
  }
  let rest = text
  while (rest && lines.length < maxLines - 1) {
    let line = ''
    for (const ch of rest) {
      if (line && textWidth(line + ch, fontSize) > width) break
      line += ch
    }
    // Mid-word, step back to the last space or dash (Government–Industry–…) if there is one.
    if (line.length < rest.length && !/\s/.test(rest[line.length] ?? '')) {
      const cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('–'), line.lastIndexOf('-'))
      if (cut > 0) line = line.slice(0, cut + 1)
    }
    lines.push(line.trimEnd())
    rest = rest.slice(line.length).trimStart()
  }
  if (rest) lines.push(fitText(rest, width, fontSize))
  return lines
}

function monthStart(p: TimelinePoint): number {
  return Date.UTC(p.start.year, p.start.month - 1, 1)
}

function monthEnd(p: TimelinePoint): number {
  return Date.UTC(p.start.year, p.start.month, 1)
}

function tooltip(p: TimelinePoint, ctx: BuildContext): string {
  const l = LABELS[ctx.locale]
  const name = ctx.locale === 'en' ? p.name.en : p.name.zh
  const city = ctx.locale === 'en' ? p.city.en : p.city.zh
  const date = formatEventDate(p.start, p.end, ctx.locale)
  const lines = [
    `<b>${escapeHtml(name)}</b>`,
    `${l.date}: ${escapeHtml(date)}${p.start.precision === 'month' ? l.monthOnly : ''}`,
    `${l.city}: ${escapeHtml(city)}`,
  ]
  if (p.sessions > 0) lines.push(l.sessions(p.sessions))
  lines.push(l.outcomes(p.outcomes))
  return lines.join('<br/>')
}

const ARIA = {
  'zh-CN': {
    kind: (n: number, from: string, to: string) =>
      n === 1 ? `时间轴：共 1 场活动` : `时间轴：${from}至${to}，共 ${n} 场活动`,
    event: (name: string, date: string, city: string, outcomes: number, sessions: number) =>
      `${name}（${date}，${city}${sessions ? `，${sessions} 个分会场` : ''}，分项成果 ${outcomes} 项）`,
  },
  en: {
    kind: (n: number, from: string, to: string) =>
      n === 1 ? 'Timeline of 1 event' : `Timeline of ${n} events from ${from} to ${to}`,
    event: (name: string, date: string, city: string, outcomes: number, sessions: number) =>
      `${name} (${date}, ${city}${sessions ? `, ${sessions} session${sessions === 1 ? '' : 's'}` : ''}, ${outcomes} itemised outcome${outcomes === 1 ? '' : 's'})`,
  },
} as const

/** The events in date order, with date, place and outcomes, in words. */
export function describeTimeline(
  rows: TimelineRows,
  ctx: Pick<BuildContext, 'locale' | 'title'>,
): string {
  const { locale } = ctx
  const a = ARIA[locale]
  const en = locale === 'en'
  const points = rows.points
  const first = points[0]
  const last = points[points.length - 1]
  // The span by month: the axis is read in months.
  const span = (p: TimelinePoint | undefined) =>
    !p
      ? ''
      : en
        ? `${enMonth(p.start.month)} ${p.start.year}`
        : `${p.start.year}年${p.start.month}月`
  const events = points.map((p) =>
    a.event(
      en ? p.name.en : p.name.zh,
      formatEventDate(p.start, p.end, locale),
      en ? p.city.en : p.city.zh,
      p.outcomes,
      p.sessions,
    ),
  )
  return describeChart(
    ariaTitle('timeline', ctx),
    [
      `${a.kind(points.length, span(first), span(last))}${en ? ': ' : '：'}${listItems(events, locale)}`,
    ],
    locale,
  )
}

/** The axis range: the events with room either side, so no point sits on the chart's edge. */
export function timelineRange(rows: TimelineRows): { min: number; max: number } {
  const times = rows.points.map((p) => p.time)
  const first = Math.min(...times)
  const last = Math.max(...times)
  const pad = Math.max(20 * DAY_MS, (last - first) * 0.06)
  return { min: first - pad, max: last + pad }
}

/**
 * Which points get a label. Labels alternate above and below the line; while every point has
 * `minRoom` on its side, all do (a curated year of conferences). A large snapshot has more
 * conferences than the axis has room for: then the ones with most outcomes are labelled first,
 * none closer than `minRoom` to another on its side, and the rest are dots with a tooltip.
 * Measuring and laying out a thousand overlapping labels would also stall the screen.
 */
export function labelled(
  rows: TimelineRows,
  xs: readonly number[],
  minRoom: number,
  gridWidth: number,
): Set<number> {
  const all = xs.map((_, i) => i)
  if (xs.length <= Math.max(2, Math.floor((2 * gridWidth) / minRoom))) return new Set(all)
  const byOutcomes = all.sort(
    (a, b) => rows.points[b]!.outcomes - rows.points[a]!.outcomes || xs[a]! - xs[b]!,
  )
  const placed: [number[], number[]] = [[], []]
  const out = new Set<number>()
  for (const i of byOutcomes) {
    const side = placed[i % 2]!
    if (side.some((j) => Math.abs(xs[j]! - xs[i]!) < minRoom)) continue
    side.push(i)
    out.add(i)
  }
  return out
}

/** For each labelled point, the previous and next labelled point on its side of the line. */
function neighbours(shown: ReadonlySet<number>, n: number): [number | null, number | null][] {
  const out: [number | null, number | null][] = Array.from({ length: n }, () => [null, null])
  const last: [number | null, number | null] = [null, null]
  for (let i = 0; i < n; i++) {
    if (!shown.has(i)) continue
    const before = last[i % 2] ?? null
    if (before !== null) {
      out[i]![0] = before
      out[before]![1] = i
    }
    last[i % 2] = i
  }
  return out
}

/** Conferences on a time axis, labels alternately above and below the line. */
export function buildTimeline(rows: TimelineRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale } = ctx
  const { width, height } = ctx.size
  const l = LABELS[locale]
  const scale = panelScale(ctx.size)
  const fontSize = panelFontSize(ctx.size)
  const metaSize = Math.max(13, fontSize - 1)
  const lineHeight = Math.round(fontSize * 1.3)
  // Wide enough that a year label on the first or last tick is not cut by the edge.
  const pad = Math.round(
    Math.max(12 * scale, textWidth(locale === 'en' ? 'Jan 2024' : '2024年1月', metaSize) / 2),
  )
  const axisHeight = Math.round(fontSize + 16 * scale)
  const symbolSize = Math.round(12 * scale)
  const gap = Math.round(8 * scale)

  const { min, max } = rows.points.length ? timelineRange(rows) : { min: 0, max: 1 }
  const gridWidth = Math.max(1, width - 2 * pad)
  const xOf = (t: number) => pad + ((t - min) / (max - min)) * gridWidth
  const half = (height - pad - axisHeight) / 2
  // Two lines of name and one of date fit when the panel is tall enough; else one of name.
  const nameLines = half >= 3 * lineHeight + symbolSize ? 2 : 1

  // A day is a dot. A month-only date is a hollow capsule as wide as its month: "some time in
  // July", with no day suggested; a dated event of that month shows through it.
  const pointSymbol = (p: TimelinePoint) =>
    p.start.precision === 'month'
      ? {
          symbol: 'roundRect',
          symbolSize: [
            Math.max(symbolSize, Math.round(xOf(monthEnd(p)) - xOf(monthStart(p)))),
            symbolSize,
          ],
          itemStyle: { color: 'transparent', borderColor: theme.accent, borderWidth: 2 * scale },
          emphasis: {
            itemStyle: { color: 'transparent', borderColor: theme.warm },
            label: { rich: { n: { color: theme.warm } } },
          },
        }
      : {
          symbol: 'circle',
          symbolSize,
          itemStyle: { color: theme.accent, borderColor: theme.accent, borderWidth: 0 },
          emphasis: {
            itemStyle: { color: theme.warm, borderColor: theme.warm },
            label: { rich: { n: { color: theme.warm } } },
          },
        }

  const step = labelStep(min, max, gridWidth, metaSize)
  const xs = rows.points.map((p) => xOf(p.time))
  const shown = labelled(rows, xs, 4 * fontSize, gridWidth)
  // Each label owns the span between the midpoints to its labelled neighbours on its side.
  const sideNeighbours = neighbours(shown, xs.length)
  const labelledItems = rows.points.flatMap((p, i): object[] => {
    if (!shown.has(i) && isDot(p)) return []
    const above = i % 2 === 0
    const x = xs[i]!
    const symbol = pointSymbol(p)
    const tip = { formatter: tooltip(p, ctx) }
    if (!shown.has(i))
      return [{ name: p.id, value: [p.time, 0], ...symbol, label: { show: false }, tooltip: tip }]
    const [prevAt, nextAt] = sideNeighbours[i]!
    const prev = prevAt === null ? undefined : xs[prevAt]
    const next = nextAt === null ? undefined : xs[nextAt]
    const left = prev === undefined ? gap / 2 : (prev + x) / 2
    const right = next === undefined ? width - gap / 2 : (x + next) / 2
    const room = Math.max(4 * fontSize, right - left - gap)
    const name = locale === 'en' ? p.label.en : p.label.zh
    const meta = [
      formatEventDate(p.start, p.end, locale, false),
      ...(p.sessions > 0 ? [l.sessions(p.sessions)] : []),
    ].join(' · ')
    const lines = wrapText(escapeRich(name), room, fontSize, nameLines)
    const metaLine = fitText(escapeRich(meta), room, metaSize)
    const boxWidth = Math.max(
      ...lines.map((s) => textWidth(s, fontSize)),
      textWidth(metaLine, metaSize),
    )
    const centre = Math.min(Math.max(x, left + boxWidth / 2), right - boxWidth / 2)
    const item = {
      name: p.id,
      value: [p.time, 0],
      ...symbol,
      label: {
        position: above ? 'top' : 'bottom',
        distance: gap,
        offset: [Math.round(centre - x), 0],
        formatter: [...lines.map((s) => `{n|${s}}`), `{m|${metaLine}}`].join('\n'),
      },
      tooltip: tip,
    }
    return [item]
  })

  const dotTooltip = (i: number) => {
    const p = rows.points[i]
    return p ? tooltip(p, ctx) : ''
  }

  return {
    ...baseOption(ctx, fontSize, describeTimeline(rows, ctx)),
    // Points and ticks in UTC: the day of an event must not move with the kiosk's time zone.
    useUTC: true,
    // Explore: drag across the axis to set the date range (the view starts the brush cursor).
    ...(ctx.interactive
      ? {
          brush: {
            xAxisIndex: 0,
            brushType: 'lineX',
            brushMode: 'single',
            transformable: false,
            brushStyle: { color: theme.selection, borderColor: theme.accent, borderWidth: 1 },
            outOfBrush: { colorAlpha: 0.3 },
          },
          // The brush is started by the view; buttons inside the chart would end up in exports.
          toolbox: { show: false },
        }
      : {}),
    grid: { left: pad, right: pad, top: pad, bottom: axisHeight },
    xAxis: {
      type: 'time',
      min,
      max,
      // Month ticks at the least: a day tick would suggest a precision the data lacks.
      minInterval: 28 * DAY_MS,
      axisLine: { lineStyle: { color: theme.border } },
      axisTick: { lineStyle: { color: theme.border } },
      splitLine: {
        show: true,
        showMinLine: false,
        showMaxLine: false,
        lineStyle: { color: theme.border, opacity: 0.35, type: 'dashed' },
      },
      axisLabel: {
        color: theme.muted,
        fontSize: metaSize,
        fontFamily: theme.fontFamily,
        hideOverlap: true,
        formatter: (value: number) => tickLabel(value, min, step, locale),
      },
    },
    yAxis: { type: 'value', min: -1, max: 1, show: false },
    series: [
      {
        type: 'scatter',
        name: 'events',
        z: 4,
        data: labelledItems,
        label: {
          show: true,
          align: 'center',
          lineHeight,
          rich: {
            n: { color: theme.text, fontSize, lineHeight, fontFamily: theme.fontFamily },
            m: {
              color: theme.muted,
              fontSize: metaSize,
              lineHeight,
              fontFamily: theme.fontFamily,
            },
          },
        },
      },
      {
        type: 'scatter',
        name: 'dots',
        z: 3,
        // A month-only conference has no day to put a dot on: its span in series 0 stands alone.
        data: rows.points.map((p) => [p.time, isDot(p) ? 0 : NaN]),
        symbol: 'circle',
        symbolSize,
        itemStyle: { color: theme.accent },
        emphasis: { itemStyle: { color: theme.warm } },
        label: { show: false },
        tooltip: { formatter: (item: { dataIndex: number }) => dotTooltip(item.dataIndex) },
      },
      {
        type: 'line',
        name: 'axis',
        silent: true,
        z: 2,
        symbol: 'none',
        lineStyle: { color: theme.accent, opacity: 0.5, width: Math.max(1, 2 * scale) },
        data: [
          [min, 0],
          [max, 0],
        ],
        tooltip: { show: false },
      },
    ],
  } satisfies EChartsCoreOption
}
