import type { EChartsCoreOption } from 'echarts/core'
import { formatAmount } from '../../domain/format'
import { provinceName } from '../../domain/geo'
import type { Bilingual } from '../../domain/types'
import { metricDef } from '../../domain/vocab'
import { escapeHtml } from '../escape'
import { textWidth } from '../text'
import { ariaTitle, clauses, describeChart, listItems } from '../aria'
import { baseOption, levelDecal, NO_DECAL } from '../base'
import type { BuildContext, FocusedEvent } from '../types'
import { NAMES_CARRIED, type MapPoint, type MapRows } from './select'

export const CHINA_MAP = 'china'

/** The series order, fixed: focus and pick address items by series index. */
export const SERIES = { regions: 0, flows: 1, origins: 2, cities: 3 } as const

/** Outside partners' cities named in an event city's tooltip before "…". */
const MAX_OUTSIDE = 8
/**
 * Lines of a tooltip list (events of a city, partners of a flow) before "… N in all": as many
 * names as the rows carry.
 */
const MAX_LISTED = NAMES_CARRIED
/**
 * Moving trails on more flows than this would keep a wall's CPU busy for nothing: a large
 * snapshot's flows are still drawn, without the animation.
 */
const MAX_ANIMATED_FLOWS = 200

const LABELS = {
  'zh-CN': {
    events: '场活动',
    outcomes: '项成果',
    partners: '合作方来自',
    inAll: (n: number) => `…… 共 ${n} 个`,
    strongest: (shown: number, total: number) =>
      `连线：合作高校/院所最多的 ${shown} 条，共 ${total} 条`,
    province: '活动',
    none: '无',
  },
  en: {
    events: 'events',
    outcomes: 'outcomes',
    partners: 'partners from',
    inAll: (n: number) => `… ${n} in all`,
    strongest: (shown: number, total: number) =>
      `Lines: the ${shown} with most partners, of ${total}`,
    province: 'events',
    none: 'none',
  },
} as const

function nameOf(b: Bilingual, locale: BuildContext['locale']): string {
  return locale === 'en' ? b.en : b.zh
}

function pointSize(size: number, max: number, scale: number): number {
  const t = max > 0 ? Math.sqrt(size / max) : 0
  return Math.round((10 + 22 * t) * scale)
}

/**
 * Up to this many event cities, every one keeps its label. With dozens, the names of a crowded
 * province pile up unreadably: see labelledCities.
 */
export const ALL_LABELLED = 20

/** Aspect scale of the geo (lat is drawn 1/0.8 as tall as lng): the same in geo below. */
const ASPECT = 0.8
/** Degrees of longitude the bundled China map spans (73.5°E to 135.1°E), at layoutSize 100%. */
const CHINA_SPAN = 61.6
/** ECharts' default gap between a symbol and its label. */
const LABEL_DISTANCE = 5

/**
 * Pixels per degree where the builder can tell (China, whole or zoomed to `bounds`), else null:
 * a province map's extent is in its own file.
 */
function pixelsPerDegree(rows: MapRows, size: BuildContext['size']): number | null {
  if (rows.level) return null
  const side = Math.min(size.width, size.height)
  if (!rows.bounds) return (side * CHINA_LAYOUT_SIZE) / CHINA_SPAN
  const [[west, north], [east, south]] = rows.bounds
  return side / Math.max(east - west, (north - south) / ASPECT)
}

/**
 * Which event cities are labelled. Up to ALL_LABELLED, all of them. Beyond, the biggest dots
 * first, each city whose label would not touch one already placed, measured as ECharts will draw
 * it (its side, the dot's size, the text's estimated width): the rest show theirs when
 * highlighted, and their tooltips name them. ECharts could hide overlaps itself (labelLayout),
 * but only with its LabelLayout feature, which the app does not load.
 */
export function labelledCities(
  points: readonly { lng: number; lat: number; name: string; symbolSize: number }[],
  sides: readonly ('left' | 'right')[],
  fontSize: number,
  perDegree: number | null,
): boolean[] {
  if (points.length <= ALL_LABELLED || perDegree === null) return points.map(() => true)
  // Half a line: the glyphs and their border. Lines a little closer may touch, not collide.
  const half = fontSize * 0.6 + 1
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = []
  const shown = points.map(() => false)
  const order = points
    .map((_, i) => i)
    .sort((a, b) => points[b]!.symbolSize - points[a]!.symbolSize || a - b)
  for (const i of order) {
    const p = points[i]!
    const x = p.lng * perDegree
    const y = (-p.lat * perDegree) / ASPECT
    const gap = p.symbolSize / 2 + LABEL_DISTANCE
    const width = textWidth(p.name, fontSize) + 4
    const box =
      sides[i] === 'left'
        ? { x0: x - gap - width, x1: x - gap, y0: y - half, y1: y + half }
        : { x0: x + gap, x1: x + gap + width, y0: y - half, y1: y + half }
    if (placed.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1))
      continue
    placed.push(box)
    shown[i] = true
  }
  return shown
}

/** Cities closer than this (degrees) get their labels on opposite sides. */
const NEAR = 2.5

/** Puts a label on the side away from its nearest close neighbour (长沙 left, 株洲 right). */
export function labelSides(points: readonly { lng: number; lat: number }[]): ('left' | 'right')[] {
  return points.map((p, i) => {
    let nearest: { lng: number; lat: number } | null = null
    let best = NEAR
    points.forEach((q, j) => {
      const dist = Math.hypot(q.lng - p.lng, q.lat - p.lat)
      if (j !== i && dist < best) {
        best = dist
        nearest = q
      }
    })
    return nearest && (nearest as { lng: number }).lng > p.lng ? 'left' : 'right'
  })
}

/** Names the cities outside the drilled-into province whose partners came to this one. */
function outsidePartners(rows: MapRows, p: MapPoint, ctx: BuildContext): string {
  const names = [
    ...new Set(
      rows.outsideOrigins.filter((o) => o.to === p.place).map((o) => nameOf(o.name, ctx.locale)),
    ),
  ]
  if (names.length === 0) return ''
  const shown = names.slice(0, MAX_OUTSIDE).map(escapeHtml)
  const more = names.length > MAX_OUTSIDE ? ' …' : ''
  const sep = ctx.locale === 'en' ? ', ' : '、'
  return `<br/>${LABELS[ctx.locale].partners} ${shown.join(sep)}${more}`
}

/**
 * A tooltip's list, one name a line, cut after MAX_LISTED with how many there are (`count`: the
 * rows carry only the first names).
 */
function listLines(
  names: readonly Bilingual[],
  count: number,
  locale: BuildContext['locale'],
): string {
  const lines = names.slice(0, MAX_LISTED).map((n) => `· ${escapeHtml(nameOf(n, locale))}`)
  if (count > MAX_LISTED) lines.push(LABELS[locale].inAll(count))
  return lines.join('<br/>')
}

function pointTooltip(
  p: MapPoint,
  rows: MapRows,
  ctx: BuildContext,
  focused: FocusedEvent | null = null,
): string {
  const l = LABELS[ctx.locale]
  const head = `<b>${escapeHtml(nameOf(p.name, ctx.locale))}</b>`
  // The event on show comes first when the list would otherwise leave it out.
  const listed = p.events.slice(0, MAX_LISTED)
  const lead =
    focused &&
    p.events.some((e) => focused.events.has(e)) &&
    !listed.some((e) => focused.events.has(e))
  const names = lead ? [focused.name, ...p.eventNames] : p.eventNames
  const events = listLines(names, p.events.length, ctx.locale)
  const value = p.total ? `<br/>${escapeHtml(formatAmount(p.total, ctx.locale))}` : ''
  const partners = outsidePartners(rows, p, ctx)
  return `${head}<br/>${events}<br/>${p.outcomes} ${l.outcomes}${value}${partners}`
}

/**
 * A city's tooltip. One with more events than it lists reads the carousel's event when it
 * opens, so that the event on show is named even when it is not among the first.
 */
function pointTooltipOption(p: MapPoint, rows: MapRows, ctx: BuildContext) {
  const { focused } = ctx
  if (p.events.length <= MAX_LISTED || !focused) return { formatter: pointTooltip(p, rows, ctx) }
  return { formatter: () => pointTooltip(p, rows, ctx, focused()) }
}

const ARIA = {
  'zh-CN': {
    kind: '示意地图',
    provinces: (n: number, list: string) => `${n} 个省份有活动：${list}`,
    regions: (p: string, n: number, list: string) => `${p}，${n} 个市/区有活动：${list}`,
    region: (name: string, n: number) => `${name} ${n} 场`,
    cities: (n: number, by: string, list: string) => `活动城市 ${n} 个，圆点大小按${by}：${list}`,
    city: (name: string, events: number, outcomes: number, total: string) =>
      `${name}（${events} 场活动，${outcomes} 项成果${total ? `，${total}` : ''}）`,
    outcomes: '分项成果数',
    flows: (n: number) => `连线：合作高校/院所来自 ${n} 个城市，指向活动城市`,
    strongest: (shown: number, total: number) =>
      `连线 ${total} 条，画出合作高校/院所最多的 ${shown} 条`,
  },
  en: {
    kind: 'Schematic map',
    provinces: (n: number, list: string) => `events in ${n} province${n === 1 ? '' : 's'}: ${list}`,
    regions: (p: string, n: number, list: string) =>
      `${p}, events in ${n} cit${n === 1 ? 'y' : 'ies'} or districts: ${list}`,
    region: (name: string, n: number) => `${name} ${n}`,
    cities: (n: number, by: string, list: string) =>
      `${n} event cit${n === 1 ? 'y' : 'ies'}, dots sized by ${by}: ${list}`,
    city: (name: string, events: number, outcomes: number, total: string) =>
      `${name} (${events} event${events === 1 ? '' : 's'}, ${outcomes} outcome${outcomes === 1 ? '' : 's'}${total ? `, ${total}` : ''})`,
    outcomes: 'itemised outcomes',
    flows: (n: number) =>
      `lines lead from the ${n} cit${n === 1 ? 'y' : 'ies'} of partner universities and institutes to the event cities`,
    strongest: (shown: number, total: number) =>
      `of ${total} lines, the ${shown} with most partners are drawn`,
  },
} as const

/** Whether only the strongest flows are drawn. */
function capped(rows: MapRows): boolean {
  return rows.flowsTotal > rows.flows.length
}

/** What the map shows, in words: shaded provinces, event cities by size, where partners come from. */
export function describeMap(rows: MapRows, ctx: Pick<BuildContext, 'locale' | 'title'>): string {
  const { locale } = ctx
  const a = ARIA[locale]
  const shaded = (rows.level ? rows.regions : rows.provinces).filter((p) => p.events > 0)
  const areas = [...shaded]
    .sort((x, y) => y.events - x.events)
    .map((p) => a.region(rows.level ? p.name : provinceName(p.name, locale), p.events))
  const metric = rows.sizeBy === 'outcomes' ? null : metricDef(rows.sizeBy)
  const by = metric ? (locale === 'en' ? metric.en : metric.zh) : a.outcomes
  const cities = [...rows.points]
    .sort((x, y) => y.size - x.size)
    .map((p) =>
      a.city(
        nameOf(p.name, locale),
        p.events.length,
        p.outcomes,
        p.total ? formatAmount(p.total, locale) : '',
      ),
    )
  const where = rows.level
    ? a.regions(provinceName(rows.level.province, locale), areas.length, listItems(areas, locale))
    : a.provinces(areas.length, listItems(areas, locale))
  return describeChart(
    ariaTitle('map', ctx),
    [
      `${a.kind}${locale === 'en' ? ': ' : '：'}${where}`,
      clauses(
        [
          cities.length ? a.cities(cities.length, by, listItems(cities, locale)) : '',
          rows.origins.length ? a.flows(rows.origins.length) : '',
          capped(rows) ? a.strongest(rows.flows.length, rows.flowsTotal) : '',
        ],
        locale,
      ),
    ],
    locale,
  )
}

/** A region's tooltip when the map can be clicked: its name and its events. */
function regionTooltip(name: string, events: number, ctx: BuildContext): string {
  return `${escapeHtml(name)}<br/>${events} ${LABELS[ctx.locale].events}`
}

/** China's size in the panel, as a share of its shorter side. */
const CHINA_LAYOUT_SIZE = 1.18

function geoLayout(rows: MapRows): Record<string, unknown> {
  // A province map fills its panel; China leaves room for the 南海诸岛 inset.
  if (rows.level) return { layoutCenter: ['50%', '50%'], layoutSize: '92%' }
  if (rows.bounds)
    return {
      boundingCoords: rows.bounds.map((c) => [...c]),
      layoutCenter: ['50%', '50%'],
      layoutSize: '100%',
    }
  return { layoutCenter: ['50%', '53%'], layoutSize: `${CHINA_LAYOUT_SIZE * 100}%` }
}

/**
 * The China map: provinces shaded by events, event cities sized by value, partner flows. Drilled
 * into a province (`rows.level`, registered by the view beforehand): its cities shaded the same
 * way, and only the partners from inside it drawn as lines.
 */
export function buildMap(rows: MapRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale, frozen, interactive } = ctx
  const scale = Math.max(0.6, Math.min(ctx.size.width, ctx.size.height * 1.4) / 900)
  const max = Math.max(1, ...rows.points.map((p) => p.size))
  const shaded = rows.level ? rows.regions : rows.provinces
  const maxEvents = Math.max(1, ...shaded.map((p) => p.events))
  // Never below 14px on the 1920×1080 canvas: a wall is read from across the room.
  const fontSize = Math.max(14, Math.round(14 * scale))
  const sides = labelSides(rows.points)
  const regionLabel = {
    show: true,
    color: theme.muted,
    fontSize: Math.max(11, Math.round(fontSize * 0.8)),
    fontFamily: theme.fontFamily,
  }
  const drawn = rows.points.map((p) => ({
    name: nameOf(p.name, locale),
    lng: p.lng,
    lat: p.lat,
    symbolSize: pointSize(p.size, max, scale),
  }))
  const labelled = labelledCities(drawn, sides, fontSize, pixelsPerDegree(rows, ctx.size))
  const points = rows.points.map((p, i) => ({
    name: drawn[i]!.name,
    // An unlabelled city is named when the carousel or a pointer highlights it.
    label: labelled[i] ? { position: sides[i] } : { position: sides[i], show: false },
    ...(labelled[i] ? {} : { emphasis: { label: { show: true } } }),
    value: [p.lng, p.lat, p.size],
    symbolSize: drawn[i]!.symbolSize,
    tooltip: pointTooltipOption(p, rows, ctx),
  }))
  const scatterBase = {
    name: 'events',
    ...(interactive ? { cursor: 'pointer' } : {}),
    coordinateSystem: 'geo',
    tooltip: { show: true },
    data: points,
    z: 4,
    itemStyle: { color: theme.warm, shadowBlur: frozen ? 0 : 12, shadowColor: theme.warm },
    label: {
      show: true,
      position: 'right',
      formatter: '{b}',
      color: theme.text,
      fontSize,
      fontFamily: theme.fontFamily,
      textBorderColor: theme.background,
      textBorderWidth: 3,
    },
  }
  // With patterns on, a region's pattern grows denser with its shade: three steps of events.
  const shade = (events: number) =>
    theme.sequential[Math.round((events / maxEvents) * (theme.sequential.length - 1))] ??
    theme.mapArea
  const regionDecal = (events: number) =>
    levelDecal(Math.ceil((events / maxEvents) * 3), shade(events))
  return {
    ...baseOption(ctx, fontSize, describeMap(rows, ctx)),
    // Every view and export of the chart says when its lines are not all of them, top left,
    // where China's outline leaves the panel empty.
    ...(capped(rows)
      ? {
          title: {
            text: LABELS[locale].strongest(rows.flows.length, rows.flowsTotal),
            left: Math.round(8 * scale),
            top: Math.round(8 * scale),
            textStyle: {
              color: theme.muted,
              fontSize,
              fontWeight: 'normal',
              fontFamily: theme.fontFamily,
            },
          },
        }
      : {}),
    visualMap: {
      type: 'continuous',
      min: 0,
      max: maxEvents,
      seriesIndex: 0,
      show: false,
      inRange: { color: [theme.mapArea, ...theme.sequential.slice(1)] },
    },
    geo: {
      map: rows.level ? rows.level.map : CHINA_MAP,
      roam: false,
      ...geoLayout(rows),
      aspectScale: ASPECT,
      silent: false,
      label: rows.level ? regionLabel : { show: false },
      itemStyle: { areaColor: theme.mapArea, borderColor: theme.mapBorder, borderWidth: 1 * scale },
      emphasis: {
        label: rows.level ? regionLabel : { show: false },
        itemStyle: { areaColor: theme.sequential[2] },
      },
      select: { disabled: true },
      // The bare geo (regions outside the map series) has nothing to say. ECharts reads a
      // series item's tooltip through its coordinate system's, so every series drawn on the
      // map sets `show: true` itself, or this would silence them all.
      tooltip: { show: false },
      // Cities with events carry their point's label: the region's own would sit on top of it.
      ...(rows.level
        ? {
            regions: rows.regions
              .filter((r) => r.events > 0)
              .map((r) => ({
                name: r.name,
                label: { show: false },
                emphasis: { label: { show: false } },
              })),
          }
        : {}),
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        name: rows.level ? 'regions' : 'provinces',
        ...(interactive ? { cursor: 'pointer', tooltip: { show: true, formatter: '{b}' } } : {}),
        // Regions without events take the series' pattern: none.
        ...(ctx.decal ? { itemStyle: { decal: NO_DECAL } } : {}),
        data: shaded.map((p) => ({
          name: p.name,
          value: p.events,
          ...(ctx.decal ? { itemStyle: { decal: regionDecal(p.events) } } : {}),
          ...(interactive ? { tooltip: { formatter: regionTooltip(p.name, p.events, ctx) } } : {}),
        })),
      },
      {
        type: 'lines',
        name: 'flows',
        coordinateSystem: 'geo',
        tooltip: { show: true },
        z: 3,
        data: rows.flows.map((f) => ({
          coords: f.coords.map((c) => [...c]),
          tooltip: {
            formatter:
              `${escapeHtml(nameOf(f.fromName, locale))} → ${escapeHtml(nameOf(f.toName, locale))}<br/>` +
              listLines(f.orgs, f.orgCount, locale),
          },
          lineStyle: { width: Math.min(4, 0.8 + f.orgCount * 0.5) * scale },
        })),
        lineStyle: { color: theme.accent, opacity: 0.55, curveness: 0.25 },
        effect:
          frozen || rows.flows.length > MAX_ANIMATED_FLOWS
            ? { show: false }
            : { show: true, period: 5, trailLength: 0.35, symbolSize: 4 * scale, color: '#ffffff' },
      },
      {
        type: 'scatter',
        name: 'origins',
        coordinateSystem: 'geo',
        tooltip: { show: true },
        z: 3,
        symbolSize: 5 * scale,
        itemStyle: { color: theme.accent },
        data: rows.origins.map((o) => ({
          name: nameOf(o.name, locale),
          value: [o.lng, o.lat],
          tooltip: { formatter: escapeHtml(nameOf(o.name, locale)) },
        })),
      },
      frozen
        ? { ...scatterBase, type: 'scatter' }
        : {
            ...scatterBase,
            type: 'effectScatter',
            rippleEffect: { brushType: 'stroke', scale: 3, period: 4 },
          },
    ],
  } satisfies EChartsCoreOption
}
