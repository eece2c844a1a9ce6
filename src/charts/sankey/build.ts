import type { EChartsCoreOption } from 'echarts/core'
import { fitText, textWidth } from '../text'
import type { Bilingual } from '../../domain/types'
import { escapeHtml } from '../escape'
import { ariaTitle, clauses, describeChart, listItems } from '../aria'
import { baseOption, categoryDecal, NO_DECAL } from '../base'
import type { BuildContext } from '../types'
import { categoryColours } from '../../themes'
import { GENERAL_SECTOR, OTHER_CITY, OTHER_ORG, type SankeyNode, type SankeyRows } from './select'

// Shared sizing rules of the panel charts (sankey, timeline, ranking). The panels run from about
// 440×300 to 900×400 on the 1920×1080 canvas, where text must stay at 13px or more; studio
// exports are larger and scale up, but not so far that a slide shouts.

/** How much bigger than the smallest panel (≈560×320) this chart is drawn, from 1 to 2.2. */
export function panelScale(size: BuildContext['size']): number {
  return Math.max(1, Math.min(2.2, size.width / 560, size.height / 320))
}

export function panelFontSize(size: BuildContext['size']): number {
  return Math.round(13 * panelScale(size))
}

const EN_ABBREVIATIONS: readonly [RegExp, string][] = [
  [/\bUniversity\b/g, 'Univ.'],
  [/\bInstitute\b/g, 'Inst.'],
  [/\bScience and Technology\b/g, 'Sci. & Tech.'],
  [/\bChinese Academy of Sciences\b/g, 'CAS'],
  [/\bTechnology\b/g, 'Tech.'],
]

/** English names have no short form in the data; the usual abbreviations keep labels readable. */
export function labelName(b: Bilingual, locale: BuildContext['locale']): string {
  if (locale !== 'en') return b.zh
  return EN_ABBREVIATIONS.reduce((s, [re, to]) => s.replace(re, to), b.en)
}

function nameOf(b: Bilingual, locale: BuildContext['locale']): string {
  return locale === 'en' ? b.en : b.zh
}

/** How many names a tooltip lists before saying "and N more". */
const MAX_NAMES = 8
/** How many events a city's tooltip lists, one a line. */
const MAX_EVENTS = 4

const LABELS = {
  'zh-CN': {
    times: (n: number) => `参与 ${n} 次`,
    events: (n: number) => `${n} 场活动/分会场`,
    includes: '含',
    more: (rest: number) => `（另有 ${rest} 个）`,
    sep: '、',
  },
  en: {
    times: (n: number) => `${n} participation${n === 1 ? '' : 's'}`,
    events: (n: number) => `${n} event${n === 1 ? '' : 's'} or session${n === 1 ? '' : 's'}`,
    includes: 'Includes',
    more: (rest: number) => `and ${rest} more`,
    sep: ', ',
  },
} as const

function nameList(names: readonly Bilingual[], ctx: BuildContext, max = MAX_NAMES): string {
  const l = LABELS[ctx.locale]
  const shown = names.slice(0, max).map((m) => escapeHtml(nameOf(m, ctx.locale)))
  return shown.join(l.sep) + (names.length > max ? ` ${l.more(names.length - max)}` : '')
}

/** Up to four event names, one a line, then how many more; the focused events first. */
function eventLines(
  events: readonly string[],
  rows: SankeyRows,
  ctx: BuildContext,
  focused: ReadonlySet<string> | null = null,
): string[] {
  const first = focused ? events.filter((e) => focused.has(e)) : []
  const ordered = first.length ? [...first, ...events.filter((e) => !focused!.has(e))] : events
  const names = ordered.map((e) => rows.eventNames[e] ?? { zh: e, en: e })
  const lines = names.slice(0, MAX_EVENTS).map((b) => `· ${escapeHtml(nameOf(b, ctx.locale))}`)
  if (names.length > MAX_EVENTS)
    lines.push(`· ${LABELS[ctx.locale].more(names.length - MAX_EVENTS)}`)
  return lines
}

function nodeTooltip(
  n: SankeyNode,
  rows: SankeyRows,
  ctx: BuildContext,
  focused: ReadonlySet<string> | null = null,
): string {
  const l = LABELS[ctx.locale]
  const lines = [
    `<b>${escapeHtml(nameOf(n.name, ctx.locale))}</b>`,
    `${l.times(n.value)} · ${l.events(n.events.length)}`,
  ]
  if (n.members.length > 0) lines.push(`${l.includes}: ${nameList(n.members, ctx)}`)
  // A city's tooltip names its events: it is the one the carousel shows (see focus).
  if (n.layer === 2) lines.push(...eventLines(n.events, rows, ctx, focused))
  return lines.join('<br/>')
}

/**
 * A node's tooltip. A city with more events than it lists reads the carousel's event when it
 * opens, so that the event on show is named even when it is not among the first.
 */
function nodeTooltipOption(n: SankeyNode, rows: SankeyRows, ctx: BuildContext) {
  const { focused } = ctx
  if (n.layer !== 2 || n.events.length <= MAX_EVENTS || !focused)
    return { formatter: nodeTooltip(n, rows, ctx) }
  return { formatter: () => nodeTooltip(n, rows, ctx, focused()?.events ?? null) }
}

const ARIA = {
  'zh-CN': {
    kind: (total: number) =>
      `桑基图：高校/院所 → 领域 → 活动城市，宽度为参与次数（一家单位参加一场活动或分会场计一次），共 ${total} 次`,
    layers: ['高校/院所', '领域', '活动城市'],
    layer: (name: string, list: string) => `${name}：${list}`,
    node: (name: string, n: number) => `${name} ${n} 次`,
  },
  en: {
    kind: (total: number) =>
      `Sankey diagram: universities and institutes → sectors → event cities, width by participations (one organisation at one event or session), ${total} in all`,
    layers: ['universities and institutes', 'sectors', 'event cities'],
    layer: (name: string, list: string) => `${name}: ${list}`,
    node: (name: string, n: number) => `${name} ${n}`,
  },
} as const

/** The flows in words: the total, then each layer's biggest nodes. */
export function describeSankey(
  rows: SankeyRows,
  ctx: Pick<BuildContext, 'locale' | 'title'>,
): string {
  const a = ARIA[ctx.locale]
  const layer = (l: 0 | 1 | 2) =>
    a.layer(
      a.layers[l],
      listItems(
        rows.nodes
          .filter((n) => n.layer === l)
          .sort((x, y) => y.value - x.value)
          .map((n) => a.node(nameOf(n.name, ctx.locale), n.value)),
        ctx.locale,
      ),
    )
  return describeChart(
    ariaTitle('sankey', ctx),
    [a.kind(rows.total), clauses([layer(0), layer(1), layer(2)], ctx.locale)],
    ctx.locale,
  )
}

/**
 * The gap between nodes that keeps neighbouring labels apart. In a column of n nodes, a node of
 * value v is v·(H − (n − 1)·gap)/total high, and the next label comes one node height plus one gap
 * further down; that pitch must reach a line height for the smallest node of every column. The
 * flow keeps at least 35% of the height, so a crowded column may still touch.
 */
function nodeGapFor(rows: SankeyRows, height: number, lineHeight: number, scale: number): number {
  const base = Math.round(6 * scale)
  if (rows.total === 0) return base
  let gap = base
  let most = 1
  for (const layer of [0, 1, 2]) {
    const values = rows.nodes.filter((n) => n.layer === layer).map((n) => n.value)
    if (values.length < 2) continue
    most = Math.max(most, values.length)
    const v = Math.min(...values)
    const share = 1 - (v * (values.length - 1)) / rows.total
    if (share > 0) gap = Math.max(gap, (lineHeight - (v * height) / rows.total) / share)
  }
  return Math.round(Math.min(gap, (0.65 * height) / Math.max(1, most - 1)))
}

/** Organisations → sectors → event cities; link width = participations. */
export function buildSankey(rows: SankeyRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale } = ctx
  const scale = panelScale(ctx.size)
  const fontSize = panelFontSize(ctx.size)
  const byId = new Map(rows.nodes.map((n) => [n.id, n]))
  const labels = new Map(rows.nodes.map((n) => [n.id, labelName(n.label, locale)]))

  // Outer labels sit outside the flow, so the margins are as wide as the longest of them,
  // within a limit past which labels are cut rather than the flow squeezed.
  const maxLabel = Math.round(ctx.size.width * 0.26)
  const widest = (layer: number) =>
    Math.min(
      maxLabel,
      Math.max(
        0,
        ...rows.nodes
          .filter((n) => n.layer === layer)
          .map((n) => textWidth(labels.get(n.id)!, fontSize)),
      ),
    )
  const pad = Math.round(8 * scale)
  const left = widest(0) + pad * 2
  const right = widest(2) + pad * 2
  const nodeWidth = Math.round(10 * scale)
  // Sector labels run from their column towards the next one and must stop short of it.
  const between = (ctx.size.width - left - right - nodeWidth) / 2 - nodeWidth - pad * 2
  for (const n of rows.nodes) {
    const room = n.layer === 1 ? Math.max(3 * fontSize, between) : maxLabel
    labels.set(n.id, fitText(labels.get(n.id)!, room, fontSize))
  }
  const nodeGap = nodeGapFor(rows, ctx.size.height - 2 * pad, Math.round(fontSize * 1.15), scale)

  // Amber is the highlighted event's colour and grey is 综合's and the Other nodes', so no named
  // sector wears either, nor a colour that someone could take for amber.
  const sectorColours = categoryColours(theme)
  const sectorSlot = (n: SankeyNode) =>
    n.layer !== 1 || n.id === GENERAL_SECTOR || n.sectorIndex < 0
      ? -1
      : n.sectorIndex % sectorColours.length
  const colourOf = (n: SankeyNode): string => {
    if (n.layer === 0) return n.id === OTHER_ORG ? theme.muted : theme.accent
    if (n.layer === 2)
      return n.id === OTHER_CITY ? theme.muted : (theme.sequential[3] ?? theme.accent)
    const slot = sectorSlot(n)
    return slot < 0 ? theme.muted : (sectorColours[slot] ?? theme.accent)
  }
  // Sectors are told apart by colour; with patterns on, by pattern too, counted by the sector
  // rather than by its colour, so two sectors that share a colour (more sectors than hues) still
  // differ. The other layers are told apart by their column, and keep no pattern.
  const decalOf = (n: SankeyNode) =>
    sectorSlot(n) < 0 ? NO_DECAL : categoryDecal(n.sectorIndex, colourOf(n))

  return {
    ...baseOption(ctx, fontSize, describeSankey(rows, ctx)),
    series: [
      {
        type: 'sankey',
        name: 'flows',
        left,
        right,
        top: pad,
        bottom: pad,
        nodeWidth,
        nodeGap,
        draggable: false,
        // The order chosen in select (biggest first, few crossings) is kept as it is.
        layoutIterations: 0,
        // No adjacency focus: it blurs the series anew on every highlight, so of an event's
        // several links only the last would stay lit. The highlighted path turns amber instead.
        emphasis: {
          itemStyle: { color: theme.warm },
          lineStyle: { color: theme.warm, opacity: 0.8 },
        },
        lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
        label: {
          color: theme.text,
          fontSize,
          fontFamily: theme.fontFamily,
          textBorderColor: theme.background,
          textBorderWidth: 2,
          formatter: (p: { name: string }) => labels.get(p.name) ?? '',
        },
        // Outer layers label outwards; the sector layer labels across its outgoing flows.
        levels: [
          { depth: 0, label: { position: 'left' } },
          { depth: 1, label: { position: 'right' } },
          { depth: 2, label: { position: 'right' } },
        ],
        data: rows.nodes.map((n) => ({
          name: n.id,
          depth: n.layer,
          itemStyle: {
            color: colourOf(n),
            borderWidth: 0,
            ...(ctx.decal ? { decal: decalOf(n) } : {}),
          },
          tooltip: nodeTooltipOption(n, rows, ctx),
        })),
        links: rows.links.map((k) => {
          const from = byId.get(k.source)!
          const to = byId.get(k.target)!
          return {
            source: k.source,
            target: k.target,
            value: k.value,
            tooltip: {
              formatter: [
                `<b>${escapeHtml(nameOf(from.name, locale))} → ${escapeHtml(nameOf(to.name, locale))}</b>`,
                LABELS[locale].times(k.value),
                ...eventLines(k.events, rows, ctx),
              ].join('<br/>'),
            },
          }
        }),
      },
    ],
  } satisfies EChartsCoreOption
}
