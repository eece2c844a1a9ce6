import type { EChartsCoreOption } from 'echarts/core'
import type { AppLocale } from '../../data/config'
import { enMonth } from '../../domain/eventDate'
import { creditedPublisher } from '../../domain/sources'
import { amountText } from '../../domain/format'
import type { Bilingual } from '../../domain/types'
import type { Unit } from '../../domain/vocab'
import { ariaTitle, clauses, describeChart, listItems } from '../aria'
import { baseOption, categoryDecal, NO_DECAL } from '../base'
import { escapeHtml, escapeRich } from '../escape'
import { labelName, panelFontSize, panelScale } from '../sankey/build'
import { fitText, textWidth } from '../text'
import type { BuildContext } from '../types'
import type { FigureBar, FigureGroup, FigureStanding, FiguresRows } from './select'

/** Words the chart draws, per locale (builders cannot use vue-i18n). */
export const FIGURES_LABELS = {
  'zh-CN': {
    units: {
      count: '数量',
      yuan: '金额（元）',
      m2: '面积（平方米）',
      percent: '比率（%）',
    } as Record<Unit, string>,
    tags: { attendance: '参会规模', context: '背景', session: '分会场' },
    part: '其中：',
    colon: '：',
    open: '（',
    close: '）',
    sep: ' · ',
    reported: '报道数值',
    sourceText: '原文',
    partOf: '属于',
    event: '活动',
    source: '来源',
    via: '转载',
    light: '浅色：参会规模、背景数字或归于某一单位/时段的数字，非本活动自身成果',
    lightDotted: '浅色带圆点：参会规模、背景数字或归于某一单位/时段的数字，非本活动自身成果',
    of: (event: string) => `${event}的报道数字，按单位分组，不同单位不共用坐标轴`,
    hatched: '斜纹：报道数字带限定词（约、超、近、不超过），条长按报道数值',
    quote: (q: string) => `“${q}”`,
  },
  en: {
    units: {
      count: 'Counts',
      yuan: 'Money (yuan)',
      m2: 'Area (m²)',
      percent: 'Percentages',
    } as Record<Unit, string>,
    tags: { attendance: 'attendance', context: 'context', session: 'session' },
    part: 'of which: ',
    colon: ': ',
    open: ' (',
    close: ')',
    sep: ' · ',
    reported: 'Reported',
    sourceText: 'source text',
    partOf: 'Part of',
    event: 'Event',
    source: 'Source',
    via: 'via',
    light:
      'Light bars: attendance, context, or numbers credited to one party or period: not an outcome of the event itself',
    lightDotted:
      'Light dotted bars: attendance, context, or numbers credited to one party or period: not an outcome of the event itself',
    of: (event: string) =>
      `Numbers reported of ${event}, grouped by unit; numbers of different units never share an axis`,
    hatched:
      'Hatched: the report qualifies the number (about, over, nearly, up to); bars show the number as reported',
    quote: (q: string) => `“${q}”`,
  },
} as const

const nameOf = (b: Bilingual, locale: AppLocale) => (locale === 'en' ? b.en : b.zh)

/** 2023 → 2023年; 2023-10/2024-11 → 2023年10月—2024年11月 (Oct 2023 – Nov 2024). */
export function periodText(period: string, locale: AppLocale): string {
  const one = (p: string) => {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(p)
    if (!m) return p
    const [, y, mo, day] = m
    if (locale === 'en')
      return mo ? `${day ? `${Number(day)} ` : ''}${enMonth(Number(mo))} ${y}` : (y ?? p)
    return `${y}年${mo ? `${Number(mo)}月` : ''}${day ? `${Number(day)}日` : ''}`
  }
  return period
    .split('/')
    .map(one)
    .join(locale === 'en' ? ' – ' : '—')
}

/** The value as the source wrote it (zh) or rendered with its qualifier (en): 80余项 / 80+. */
export function barValueText(b: FigureBar, locale: AppLocale): string {
  return amountText(b.amount, locale)
}

/**
 * What marks a bar as not the event's own outcome: subject, period, scope, session. `named`
 * gives a session's name instead of the bare word, to tell two sessions' figures apart.
 */
export function barTags(b: FigureBar, locale: AppLocale, named = false): string[] {
  const l = FIGURES_LABELS[locale]
  // The scope first: a label cut for room must still say it is not an outcome.
  const tags: string[] = []
  if (b.scope === 'attendance') tags.push(l.tags.attendance)
  if (b.scope === 'context') tags.push(l.tags.context)
  if (b.subject) tags.push(locale === 'en' ? labelName(b.subject.name, 'en') : b.subject.short.zh)
  if (b.period) tags.push(periodText(b.period, locale))
  if (b.session)
    tags.push(named ? `${l.tags.session}${l.colon}${nameOf(b.eventName, locale)}` : l.tags.session)
  return tags
}

/** What the quote says besides the number: 179家国家科技型中小企业 → 国家科技型中小企业. */
function quoteGist(b: FigureBar): string {
  const q = b.quote.replace(/\s+/g, '')
  const text = b.amount.text.replace(/\s+/g, '')
  if (!text || !q.includes(text)) return ''
  return q
    .replace(text, '')
    .replace(/^(其中|包括)?[，,：:、\s]*/, '')
    .replace(/[，,。；;：:、\s]+$/, '')
}

export interface BarLabel {
  /** Metric name, after 其中 for a part; in zh with the quote's gist when names repeat. */
  name: string
  /** （株洲市 · 2023年 · 背景）: empty for the event's own outcome. */
  tags: string
}

/** The two lines of a bar's category label: name (with 其中 for a part), and its tags. */
export function barLabel(b: FigureBar, locale: AppLocale, named = false): BarLabel {
  const l = FIGURES_LABELS[locale]
  const tags = barTags(b, locale, named)
  const indent = b.depth > 0 ? `${'\u3000'.repeat(b.depth - 1)}└ ${l.part}` : ''
  return {
    name: `${indent}${nameOf(b.metricName, locale)}`,
    tags: tags.length ? `${l.open}${tags.join(l.sep)}${l.close}` : '',
  }
}

/**
 * Labels of one grid, told apart where they repeat: figures of different sessions by the
 * session's name, figures of one event (seven firm counts of one zone) by the gist of their
 * quote, in Chinese only (the quote is Chinese; the English tooltip still shows it).
 */
export function groupLabels(g: FigureGroup, locale: AppLocale): BarLabel[] {
  const key = (x: BarLabel) => `${x.name}\n${x.tags}`
  const repeats = (labels: BarLabel[]) => {
    const byKey = new Map<string, number[]>()
    labels.forEach((x, i) => byKey.set(key(x), [...(byKey.get(key(x)) ?? []), i]))
    return labels.map((x) => byKey.get(key(x))!)
  }
  let labels = g.bars.map((b) => barLabel(b, locale))
  const first = repeats(labels)
  labels = labels.map((x, i) => {
    const b = g.bars[i]!
    const others = first[i]!.filter((j) => j !== i)
    return b.session && others.some((j) => g.bars[j]!.event !== b.event)
      ? barLabel(b, locale, true)
      : x
  })
  if (locale === 'en') return labels
  const second = repeats(labels)
  return labels.map((x, i) => {
    const gist = second[i]!.length > 1 ? quoteGist(g.bars[i]!) : ''
    return gist ? { ...x, name: `${x.name}：${gist}` } : x
  })
}

function tooltip(b: FigureBar, ctx: BuildContext): string {
  const { locale } = ctx
  const l = FIGURES_LABELS[locale]
  const e = escapeHtml
  const tags = barTags(b, locale)
  const value =
    locale === 'en'
      ? `${l.reported}: <b>${e(barValueText(b, locale))}</b> · ${l.sourceText}: ${e(b.amount.text)}`
      : `${l.reported}：<b>${e(b.amount.text)}</b>`
  const colon = l.colon
  const publisher = creditedPublisher(b.source, locale)
  const via =
    b.source.originalPublisher && b.source.publisher !== b.source.originalPublisher
      ? `${l.sep}${l.via}${colon}${e(b.source.publisher)}`
      : ''
  const date = b.source.published ? `${l.sep}${e(b.source.published)}` : ''
  const lines = [
    `<b>${e(nameOf(b.metricName, locale))}</b>${tags.length ? e(`${l.open}${tags.join(l.sep)}${l.close}`) : ''}`,
    value,
    ...(b.partOf
      ? [
          `${l.partOf}${colon}${e(nameOf(b.partOf.metricName, locale))} ${e(amountText(b.partOf.amount, locale))}`,
        ]
      : []),
    ...(b.session ? [`${l.event}${colon}${e(nameOf(b.eventName, locale))}`] : []),
    e(l.quote(b.quote)),
    `${l.source}${colon}${e(publisher)}${via}${date}`,
  ]
  return lines.join('<br/>')
}

/** The numbers by unit, each with its name, its tags and the value as reported, in words. */
export function describeFigures(
  rows: FiguresRows,
  ctx: Pick<BuildContext, 'locale' | 'title'>,
): string {
  const { locale } = ctx
  const l = FIGURES_LABELS[locale]
  const groups = rows.groups.map((g, i) => {
    const labels = groupLabels(g, locale)
    const bars = g.bars.map((b, j) => {
      const x = labels[j]!
      return `${x.name.replace(/^[\u3000└ ]+/, '')}${x.tags} ${barValueText(b, locale)}`
    })
    return `${l.units[g.unit]}${l.colon}${listItems(bars, locale, i === 0 ? 8 : 5)}`
  })
  return describeChart(
    ariaTitle('figures', ctx),
    [rows.event ? l.of(nameOf(rows.event.name, locale)) : '', clauses(groups, locale)],
    locale,
  )
}

/** Smallest text drawn, and smallest that still gets its tags on a line of their own. */
const MIN_FONT = 10
const MIN_TWO_LINE_FONT = 12

/** The one marker a label keeps when there is no room for its tags: 背景, 参会规模, 三一集团 … */
export function shortTag(b: FigureBar, locale: AppLocale): string {
  const l = FIGURES_LABELS[locale]
  if (b.scope === 'context') return l.tags.context
  if (b.scope === 'attendance') return l.tags.attendance
  if (b.subject) return locale === 'en' ? labelName(b.subject.name, 'en') : b.subject.short.zh
  if (b.period) return periodText(b.period, locale)
  return b.session ? l.tags.session : ''
}

const STRENGTH: Record<FigureStanding, number> = {
  outcome: 1,
  attributed: 0.62,
  attendance: 0.42,
  context: 0.5,
}

/**
 * An event's reported figures as bars. Honest by construction: one grid per unit (counts,
 * money, area, percent), each with its own axis, so no bar is ever measured against a number
 * of another unit; every bar is labelled with the number as reported, qualifier included; bars
 * that are not the event's own outcome are drawn light and tagged; a part sits under its total.
 */
export function buildFigures(rows: FiguresRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale, size } = ctx
  const l = FIGURES_LABELS[locale]
  const scale = panelScale(size)
  const pad = Math.round(10 * scale)
  const bars = rows.groups.flatMap((g) => g.bars)
  const labels = rows.groups.map((g) => groupLabels(g, locale))
  const anyTags = labels.some((g) => g.some((x) => x.tags))
  const notes = [
    ...(bars.some((b) => b.standing !== 'outcome') ? [ctx.decal ? l.lightDotted : l.light] : []),
    ...(bars.some((b) => b.amount.qualifier !== 'exact') ? [l.hatched] : []),
  ]

  // Text as large as the panel allows, smaller when many bars share the height; when even
  // small text has no room for a second line, the tags shrink to one word beside the name.
  const fits = (fontSize: number, twoLines: boolean) => {
    const headH = Math.round(fontSize * 1.9)
    const noteSize = Math.max(MIN_FONT, Math.round(fontSize * 0.8))
    const fixed =
      pad * 2 +
      rows.groups.length * headH +
      (rows.groups.length - 1) * pad +
      notes.length * noteSize * 1.5
    const slot = (size.height - fixed) / Math.max(1, bars.length)
    return {
      fontSize,
      twoLines,
      headH,
      noteSize,
      slot,
      ok: slot >= fontSize * (twoLines ? 2.5 : 1.6),
    }
  }
  let layout = fits(panelFontSize(size), anyTags)
  for (let i = 0; i < 5 && !layout.ok; i++) {
    const smaller = Math.floor(layout.slot / (layout.twoLines ? 2.5 : 1.6))
    if (layout.twoLines && smaller < MIN_TWO_LINE_FONT) layout = fits(layout.fontSize, false)
    else if (layout.fontSize > MIN_FONT)
      layout = fits(Math.max(MIN_FONT, Math.min(layout.fontSize - 1, smaller)), layout.twoLines)
    else break
  }
  const { fontSize, twoLines, headH, noteSize } = layout
  const slot = Math.max(4, Math.min(layout.slot, fontSize * (twoLines ? 3.2 : 2.4)))
  const tagSize = Math.max(MIN_FONT, Math.round(fontSize * 0.85))
  const compact = rows.groups.map((g) =>
    g.bars.map((b) => {
      const tag = shortTag(b, locale)
      return tag ? `${l.open}${tag}${l.close}` : ''
    }),
  )

  const labelWidth = Math.min(
    Math.round(size.width * 0.45),
    Math.max(
      fontSize * 4,
      ...labels.flatMap((g, i) =>
        g.map((x, j) =>
          twoLines
            ? Math.max(textWidth(x.name, fontSize), textWidth(x.tags, tagSize))
            : textWidth(x.name, fontSize) + textWidth(compact[i]![j]!, tagSize),
        ),
      ),
    ),
  )
  const valueWidth =
    Math.max(fontSize * 2, ...bars.map((b) => textWidth(barValueText(b, locale), fontSize))) + pad

  const decal = {
    symbol: 'rect',
    symbolSize: 1,
    color: theme.background,
    dashArrayX: [1, 0],
    dashArrayY: [Math.max(1, Math.round(1.5 * scale)), Math.max(4, Math.round(5 * scale))],
    rotation: -Math.PI / 4,
  }

  let y = pad
  const titles: Record<string, unknown>[] = []
  const grids: Record<string, unknown>[] = []
  const xAxes: Record<string, unknown>[] = []
  const yAxes: Record<string, unknown>[] = []
  const series: Record<string, unknown>[] = []
  rows.groups.forEach((g, i) => {
    const height = Math.round(slot * g.bars.length)
    titles.push({
      text: l.units[g.unit],
      left: pad,
      top: y,
      textStyle: {
        color: theme.text,
        fontSize: Math.round(fontSize * 1.05),
        fontWeight: 'bold',
        fontFamily: theme.fontFamily,
      },
    })
    grids.push({ left: labelWidth + pad * 2, right: valueWidth + pad, top: y + headH, height })
    y += headH + height + pad
    const max = Math.max(...g.bars.map((b) => b.amount.value), 0)
    xAxes.push({ type: 'value', gridIndex: i, min: 0, max: max > 0 ? max : 1, show: false })
    const fitted = labels[i]!.map((x, j) => {
      if (twoLines)
        return {
          name: escapeRich(fitText(x.name, labelWidth, fontSize)),
          tags: escapeRich(fitText(x.tags, labelWidth, tagSize)),
        }
      // One line: the marker is kept whole and the name cut, never the other way round.
      const tag = compact[i]![j]!
      return {
        name: escapeRich(fitText(x.name, labelWidth - textWidth(tag, tagSize), fontSize)),
        tags: escapeRich(tag),
      }
    })
    yAxes.push({
      type: 'category',
      gridIndex: i,
      inverse: true,
      // The full label for aria; the drawn one is cut to fit.
      data: labels[i]!.map((x) => `${x.name}${x.tags}`),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.border } },
      axisLabel: {
        interval: 0,
        fontFamily: theme.fontFamily,
        formatter: (_value: string, index: number) => {
          const x = fitted[index]
          if (!x) return ''
          const own = g.bars[index]?.standing === 'outcome'
          const name = `{${own ? 'm' : 'mc'}|${x.name}}`
          if (!x.tags) return name
          return twoLines ? `${name}\n{t|${x.tags}}` : `${name}{t|${x.tags}}`
        },
        rich: {
          m: { color: theme.text, fontSize, fontFamily: theme.fontFamily, align: 'right' },
          mc: { color: theme.muted, fontSize, fontFamily: theme.fontFamily, align: 'right' },
          t: {
            color: theme.muted,
            fontSize: tagSize,
            fontFamily: theme.fontFamily,
            align: 'right',
            padding: twoLines ? [Math.round(tagSize * 0.2), 0, 0, 0] : 0,
          },
        },
      },
    })
    series.push({
      type: 'bar',
      name: l.units[g.unit],
      xAxisIndex: i,
      yAxisIndex: i,
      barMaxWidth: Math.round(fontSize * 1.3),
      barCategoryGap: '35%',
      label: {
        show: true,
        position: 'right',
        fontSize,
        fontFamily: theme.numberFontFamily,
      },
      data: g.bars.map((b) => {
        const own = b.standing === 'outcome'
        const colour = b.standing === 'context' ? theme.muted : theme.accent
        return {
          value: b.amount.value,
          name: b.id,
          itemStyle: {
            color: colour,
            opacity: STRENGTH[b.standing],
            borderRadius: [0, 2 * scale, 2 * scale, 0],
            // A bound (超, 近, 约, 不超过) is hatched: its end is where the report puts it.
            // With patterns on, a light bar (not the event's own outcome) is dotted as well.
            ...(b.amount.qualifier !== 'exact'
              ? { decal }
              : ctx.decal
                ? { decal: own ? NO_DECAL : categoryDecal(1, colour) }
                : {}),
          },
          label: {
            formatter: escapeRich(barValueText(b, locale)),
            color: own ? theme.text : theme.muted,
          },
          tooltip: { formatter: tooltip(b, ctx) },
        }
      }),
    })
  })
  notes.forEach((text, i) => {
    titles.push({
      text: fitText(text, size.width - pad * 2, noteSize),
      left: pad,
      bottom: Math.round(pad / 2 + (notes.length - 1 - i) * noteSize * 1.5),
      textStyle: {
        color: theme.muted,
        fontSize: noteSize,
        fontWeight: 'normal',
        fontFamily: theme.fontFamily,
      },
    })
  })

  return {
    ...baseOption(ctx, fontSize, describeFigures(rows, ctx)),
    title: titles,
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
  } satisfies EChartsCoreOption
}
