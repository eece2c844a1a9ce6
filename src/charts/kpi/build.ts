import type { EChartsCoreOption } from 'echarts/core'
import type { AppLocale } from '../../data/config'
import type { Kpi } from '../../domain/kpis'
import { amountParts } from '../../domain/parts'
import { metricDef, type OrgKind } from '../../domain/vocab'
import { ariaTitle, describeChart } from '../aria'
import { baseOption } from '../base'
import { escapeRich } from '../escape'
import { fitText, textWidth } from '../text'
import type { BuildContext } from '../types'
import type { KpiRows } from './select'

/**
 * The words a tile needs, per locale. Builders cannot use vue-i18n: these mirror kpi.*, kinds.*,
 * orgKinds.* and kpiUnits.* of src/i18n (a test keeps them equal).
 */
export const KPI_LABELS = {
  'zh-CN': {
    labels: {
      'kpi.events': '对接活动',
      'kpi.outcomes': '分项成果',
      'kpi.orgs': '参与单位',
      'kinds.joint_lab': '联合实验室（逐项）',
      'kinds.project': '签约项目（逐项）',
      'kinds.agreement': '合作协议（逐项）',
      'kinds.platform': '平台/中心（逐项）',
      'kinds.demand_list': '需求清单（逐项）',
      'kinds.donation': '捐赠（逐项）',
      'kinds.investment': '投资项目（逐项）',
      'kinds.talent': '人才（逐项）',
      'kinds.company': '企业（逐项）',
      'orgKinds.university': '参与高校',
      'orgKinds.institute': '参与科研院所',
      'orgKinds.university+institute': '参与高校/院所',
      'orgKinds.enterprise': '参与企业',
      'orgKinds.government': '参与政府部门',
      'orgKinds.park': '参与园区',
    } as Record<string, string>,
    orgKindNames: {
      university: '高校',
      institute: '科研院所',
      enterprise: '企业',
      government: '政府部门',
      park: '园区',
      association: '协会/学会',
      platform: '平台',
      investor: '投资机构',
      agency: '服务机构',
    } as Record<OrgKind, string>,
    orgKindsLabel: (names: string[]) => `参与${names.join('/')}`,
    /** Measure words (kpiUnits): 场 for events, 家 for labs and firms, 项 otherwise. */
    units: {
      events: '场',
      joint_labs: '家',
      'outcome:joint_lab': '家',
      orgs: '家',
      'orgs:university+institute': '家',
      'orgs:enterprise': '家',
      'orgs:university': '所',
      default: '项',
    } as Record<string, string>,
    basis: { count: '计数', itemised: '逐项列出', reported: '报道合计' },
    sessions: (n: number) => `含分会场 ${n} 个`,
    orgs: (n: number) => `去重 · ${n} 个活动/分会场`,
    events: (n: number) => `${n} 场活动`,
    sep: '；',
    open: '（',
    close: '）',
  },
  en: {
    labels: {
      'kpi.events': 'Events',
      'kpi.outcomes': 'Itemised outcomes',
      'kpi.orgs': 'Organisations involved',
      'kinds.joint_lab': 'Joint labs (itemised)',
      'kinds.project': 'Projects signed (itemised)',
      'kinds.agreement': 'Agreements (itemised)',
      'kinds.platform': 'Platforms and centres (itemised)',
      'kinds.demand_list': 'Demand lists (itemised)',
      'kinds.donation': 'Donations (itemised)',
      'kinds.investment': 'Investment projects (itemised)',
      'kinds.talent': 'Talent (itemised)',
      'kinds.company': 'Companies (itemised)',
      'orgKinds.university': 'Universities involved',
      'orgKinds.institute': 'Institutes involved',
      'orgKinds.university+institute': 'Universities & institutes',
      'orgKinds.enterprise': 'Enterprises involved',
      'orgKinds.government': 'Government bodies',
      'orgKinds.park': 'Industrial parks',
    } as Record<string, string>,
    orgKindNames: {
      university: 'universities',
      institute: 'institutes',
      enterprise: 'enterprises',
      government: 'government bodies',
      park: 'parks',
      association: 'associations',
      platform: 'platforms',
      investor: 'investors',
      agency: 'agencies',
    } as Record<OrgKind, string>,
    orgKindsLabel: (names: string[]) =>
      `${names.join(' & ')} involved`.replace(/^./, (c) => c.toUpperCase()),
    units: {} as Record<string, string>,
    basis: { count: 'count', itemised: 'itemised', reported: 'reported total' },
    sessions: (n: number) => `incl. ${n} session${n === 1 ? '' : 's'}`,
    orgs: (n: number) => `each once · ${n} events/sessions`,
    events: (n: number) => `${n} event${n === 1 ? '' : 's'}`,
    sep: '; ',
    open: ' (',
    close: ')',
  },
} as const

/** The tile's title: the vocabulary's metric name for a reported total, else the i18n label. */
export function kpiLabel(k: Kpi, locale: AppLocale): string {
  const l = KPI_LABELS[locale]
  if (k.basis === 'reported') {
    const def = metricDef(k.id)
    return def ? (locale === 'en' ? def.en : def.zh) : k.id
  }
  const known = l.labels[k.label]
  if (known) return known
  if (k.label.startsWith('orgKinds.')) {
    const kinds = k.label.slice('orgKinds.'.length).split('+') as OrgKind[]
    return l.orgKindsLabel(kinds.map((kind) => l.orgKindNames[kind] ?? kind))
  }
  return k.label
}

/** The measure word after the digits (场, 家, 项); none in English, none for money or area. */
export function kpiUnitWord(k: Kpi, locale: AppLocale): string {
  if (k.unit !== 'count') return ''
  const units = KPI_LABELS[locale].units
  return units[k.id] ?? units.default ?? ''
}

/** What the number is and how many events are behind it: 报道合计 · 2 场活动. */
export function kpiNote(k: Kpi, locale: AppLocale): string {
  const l = KPI_LABELS[locale]
  const basis = l.basis[k.basis]
  if (k.basis === 'count') {
    if (k.id === 'events') return k.sessions > 0 ? `${basis} · ${l.sessions(k.sessions)}` : basis
    return `${basis} · ${l.orgs(k.events)}`
  }
  return `${basis} · ${l.events(k.events)}`
}

/** The number as one string: qualifier, digits and unit (超80项, ≈ ¥3.1 bn, 80+). */
export function kpiValueText(k: Kpi, locale: AppLocale): string {
  const p = amountParts(k, locale)
  const space = locale === 'en' && p.qualifier ? ' ' : ''
  return `${p.qualifier}${space}${p.before}${p.digits}${p.after}${kpiUnitWord(k, locale)}`
}

/** Columns and rows of tiles that give the digits the most room (2–4 columns). */
export function kpiGrid(n: number, size: BuildContext['size']): { cols: number; rows: number } {
  if (n <= 1) return { cols: 1, rows: 1 }
  let best = { cols: 2, rows: Math.ceil(n / 2), score: -1 }
  for (let cols = 2; cols <= Math.min(4, n); cols++) {
    const rows = Math.ceil(n / cols)
    // A tile reads best about 1.7 times as wide as high; the smaller side bounds the digits.
    const score = Math.min(size.width / cols / 1.7, size.height / rows)
    if (score > best.score + 0.5) best = { cols, rows, score }
  }
  return { cols: best.cols, rows: best.rows }
}

/**
 * The headline numbers of the current filters as a card of tiles, drawn with ECharts `graphic`
 * so it exports like any chart. Each tile: label, qualifier + digits + unit, and what the
 * number is (count, itemised, reported total) with how many events are behind it.
 */
export function buildKpi(rows: KpiRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale, size } = ctx
  const l = KPI_LABELS[locale]
  const n = rows.tiles.length
  const { cols, rows: lines } = kpiGrid(n, size)
  const scale = Math.max(0.6, Math.min(size.width, size.height * 1.6) / 900)
  const pad = Math.round(12 * scale)
  const gap = Math.round(12 * scale)
  const tileW = Math.max(1, (size.width - pad * 2 - gap * (cols - 1)) / cols)
  const tileH = Math.max(1, (size.height - pad * 2 - gap * (lines - 1)) / lines)
  const inset = Math.round(Math.min(tileW, tileH) * 0.08)
  const innerW = tileW - inset * 2
  const innerH = tileH - inset * 2

  const parts = rows.tiles.map((k) => ({
    ...amountParts(k, locale),
    unitWord: kpiUnitWord(k, locale),
  }))
  // One digit size for every tile, so numbers read alike: the tallest that fits the height
  // (label, value and note stacked) and, for each tile, the width of its value line.
  const SMALL = 0.42
  const byHeight = innerH / 1.94
  const byWidth = parts.map((p) => {
    const digits = textWidth(p.digits, 1)
    const rest = textWidth(`${p.qualifier}${p.before}${p.after}${p.unitWord}`, 1) * SMALL
    return innerW / (digits + rest + 0.3)
  })
  const digitSize = Math.max(12, Math.floor(Math.min(byHeight, ...byWidth)))
  // Label and note shrink (to a floor) before they are cut, the same size on every tile.
  const fitSize = (texts: string[], base: number, floor: number) =>
    Math.max(floor, Math.min(base, ...texts.map((t) => Math.floor(innerW / textWidth(t, 1)))))
  const labelSize = fitSize(
    rows.tiles.map((k) => kpiLabel(k, locale)),
    Math.round(digitSize * 0.34),
    12,
  )
  const noteSize = fitSize(
    rows.tiles.map((k) => kpiNote(k, locale)),
    Math.round(digitSize * 0.26),
    11,
  )
  const smallSize = Math.max(11, Math.round(digitSize * SMALL))

  const elements = rows.tiles.map((k, i) => {
    const p = parts[i]!
    const col = i % cols
    const line = Math.floor(i / cols)
    const segments = [
      p.qualifier ? `{q|${escapeRich(p.qualifier)}}` : '',
      p.before ? `{u|${escapeRich(p.before)}}` : '',
      `{d|${escapeRich(p.digits)}}`,
      p.after || p.unitWord ? `{u|${escapeRich(p.after + p.unitWord)}}` : '',
    ]
    const top = inset + labelSize * 1.4
    const bottom = tileH - inset - noteSize * 1.4
    return {
      type: 'group' as const,
      id: `kpi-${k.id}`,
      x: Math.round(pad + col * (tileW + gap)),
      y: Math.round(pad + line * (tileH + gap)),
      children: [
        {
          type: 'rect' as const,
          shape: { x: 0, y: 0, width: Math.round(tileW), height: Math.round(tileH), r: 4 },
          style: { fill: theme.panel, stroke: theme.border, lineWidth: 1 },
        },
        {
          type: 'rect' as const,
          shape: {
            x: 0,
            y: 0,
            width: Math.max(2, Math.round(3 * scale)),
            height: Math.round(tileH),
          },
          style: { fill: theme.accent },
        },
        {
          type: 'text' as const,
          x: inset,
          y: inset,
          style: {
            text: fitText(kpiLabel(k, locale), innerW, labelSize),
            fill: theme.text,
            fontSize: labelSize,
            fontFamily: theme.fontFamily,
            verticalAlign: 'top' as const,
          },
        },
        {
          type: 'text' as const,
          x: inset,
          y: Math.round((top + bottom) / 2),
          style: {
            text: segments.join(''),
            verticalAlign: 'middle' as const,
            rich: {
              q: {
                fill: theme.text,
                fontSize: smallSize,
                fontFamily: theme.fontFamily,
                padding: [0, Math.round(smallSize * 0.1), 0, 0],
              },
              d: {
                fill: theme.accent,
                fontSize: digitSize,
                fontWeight: 600,
                fontFamily: theme.numberFontFamily,
              },
              u: { fill: theme.text, fontSize: smallSize, fontFamily: theme.fontFamily },
            },
          },
        },
        {
          type: 'text' as const,
          x: inset,
          y: Math.round(tileH - inset),
          style: {
            text: fitText(kpiNote(k, locale), innerW, noteSize),
            fill: theme.muted,
            fontSize: noteSize,
            fontFamily: theme.fontFamily,
            verticalAlign: 'bottom' as const,
          },
        },
      ],
    }
  })

  const numbers = rows.tiles
    .map(
      (k) =>
        `${kpiLabel(k, locale)} ${kpiValueText(k, locale)}${l.open}${kpiNote(k, locale)}${l.close}`,
    )
    .join(l.sep)
  return {
    // No series: aria would describe nothing, so the card says its numbers in words.
    ...baseOption(ctx, labelSize, describeChart(ariaTitle('kpi', ctx), [numbers], locale)),
    graphic: { elements },
  } satisfies EChartsCoreOption
}
