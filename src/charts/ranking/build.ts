import type { EChartsCoreOption } from 'echarts/core'
import { escapeHtml } from '../escape'
import { labelName, panelFontSize, panelScale } from '../sankey/build'
import { fitText, textWidth } from '../text'
import { ariaTitle, describeChart, listItems } from '../aria'
import { baseOption, NO_DECAL } from '../base'
import type { BuildContext } from '../types'
import type { RankingItem, RankingRows } from './select'

// Wording: this is a list of who took part, not a league table. Nothing here says 排名.
const LABELS = {
  'zh-CN': {
    axis: '成果数',
    outcomes: (n: number) => `分项成果 ${n} 项`,
    conferences: (n: number) => `参与 ${n} 场活动`,
    hidden: (n: number) => `另有 ${n} 家参与，未列出`,
    kinds: { university: '高校', institute: '院所' } as Record<string, string>,
  },
  en: {
    axis: 'Itemised outcomes',
    outcomes: (n: number) => `${n} itemised outcome${n === 1 ? '' : 's'}`,
    conferences: (n: number) => `took part in ${n} event${n === 1 ? '' : 's'}`,
    hidden: (n: number) => `+${n} more took part, not listed`,
    kinds: { university: 'University', institute: 'Institute' } as Record<string, string>,
  },
} as const

/** Outcome titles a tooltip lists before cutting off. */
const MAX_TITLES = 5

function tooltip(item: RankingItem, ctx: BuildContext): string {
  const l = LABELS[ctx.locale]
  const en = ctx.locale === 'en'
  const lines = [
    `<b>${escapeHtml(en ? item.name.en : item.name.zh)}</b>`,
    `${l.kinds[item.kind] ?? item.kind} · ${l.conferences(item.conferences)}`,
    l.outcomes(item.outcomes),
    ...item.outcomeTitles.slice(0, MAX_TITLES).map((t) => `· ${escapeHtml(en ? t.en : t.zh)}`),
  ]
  if (item.outcomeTitles.length > MAX_TITLES) lines.push('· …')
  return lines.join('<br/>')
}

const ARIA = {
  'zh-CN': {
    kind: (n: number) =>
      `条形图：${n} 家参与的高校/院所，条长为报道逐项列出、该单位为一方的成果数（参与名单，不作评比）`,
    item: (name: string, n: number) => `${name} ${n} 项`,
  },
  en: {
    kind: (n: number) =>
      `Bar chart of ${n} participating universities and institutes, by the itemised outcomes each is a party to (a list of who took part, not a league table)`,
    item: (name: string, n: number) => `${name} ${n}`,
  },
} as const

/** Who took part and with how many itemised outcomes, in words. */
export function describeRanking(
  rows: RankingRows,
  ctx: Pick<BuildContext, 'locale' | 'title'>,
): string {
  const { locale } = ctx
  const a = ARIA[locale]
  const items = rows.items.map((i) => a.item(locale === 'en' ? i.name.en : i.name.zh, i.outcomes))
  return describeChart(
    ariaTitle('ranking', ctx),
    [
      `${a.kind(rows.items.length)}${locale === 'en' ? ': ' : '：'}${listItems(items, locale)}`,
      rows.hidden > 0 ? LABELS[locale].hidden(rows.hidden) : '',
    ],
    locale,
  )
}

/** Participating universities and institutes as horizontal bars of their itemised outcomes. */
export function buildRanking(rows: RankingRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale } = ctx
  const l = LABELS[locale]
  const scale = panelScale(ctx.size)
  const fontSize = panelFontSize(ctx.size)
  const pad = Math.round(10 * scale)
  const names = rows.items.map((i) => labelName(i.label, locale))
  const labelWidth = Math.min(
    Math.round(ctx.size.width * 0.42),
    Math.max(fontSize * 3, ...names.map((n) => textWidth(n, fontSize))),
  )
  const fitted = names.map((n) => fitText(n, labelWidth, fontSize))
  const max = Math.max(1, ...rows.items.map((i) => i.outcomes))
  const valueWidth = textWidth(String(max), fontSize) + pad
  const footer = rows.hidden > 0 ? fontSize + pad : 0

  return {
    ...baseOption(ctx, fontSize, describeRanking(rows, ctx)),
    title: {
      show: rows.hidden > 0,
      text: rows.hidden > 0 ? l.hidden(rows.hidden) : '',
      right: pad,
      bottom: Math.round(pad / 2),
      textStyle: {
        color: theme.muted,
        fontSize: Math.max(13, fontSize - 1),
        fontWeight: 'normal',
        fontFamily: theme.fontFamily,
      },
    },
    grid: {
      left: labelWidth + pad * 2,
      right: valueWidth + pad,
      top: fontSize + pad * 2,
      bottom: pad + footer,
    },
    xAxis: {
      type: 'value',
      position: 'top',
      min: 0,
      max,
      minInterval: 1,
      name: l.axis,
      nameLocation: 'end',
      nameGap: 0,
      nameTextStyle: {
        color: theme.muted,
        fontSize: Math.max(13, fontSize - 1),
        align: 'right',
        verticalAlign: 'bottom',
        padding: [0, 0, Math.round(pad / 2), 0],
      },
      axisLabel: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      // Full names as the categories, for aria; the drawn label is the short one.
      data: rows.items.map((i) => (locale === 'en' ? i.name.en : i.name.zh)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: theme.border } },
      axisLabel: {
        color: theme.text,
        fontSize,
        fontFamily: theme.fontFamily,
        formatter: (_value: string, index: number) => fitted[index] ?? '',
        // Every bar keeps its name: ECharts' automatic interval measures the full names (the
        // categories), not the fitted ones drawn, and skipped every other English one.
        interval: 0,
      },
    },
    series: [
      {
        type: 'bar',
        name: 'outcomes',
        barMaxWidth: Math.round(18 * scale),
        showBackground: true,
        backgroundStyle: { color: theme.border, opacity: 0.18 },
        // One colour for every bar: nothing for a pattern to repeat.
        itemStyle: {
          color: theme.accent,
          borderRadius: [0, 3 * scale, 3 * scale, 0],
          ...(ctx.decal ? { decal: NO_DECAL } : {}),
        },
        emphasis: { itemStyle: { color: theme.warm } },
        label: {
          show: true,
          position: 'right',
          color: theme.text,
          fontSize,
          fontFamily: theme.numberFontFamily,
        },
        data: rows.items.map((i) => ({
          value: i.outcomes,
          tooltip: { formatter: tooltip(i, ctx) },
          // No outcome named: the number is still shown, greyed, so the row does not look empty.
          ...(i.outcomes === 0 ? { label: { color: theme.muted } } : {}),
        })),
      },
    ],
  } satisfies EChartsCoreOption
}
