import type { EChartsCoreOption } from 'echarts/core'
import { formatAmount } from '../../domain/format'
import type { Bilingual } from '../../domain/types'
import { escapeHtml } from '../escape'
import { baseOption } from '../base'
import type { BuildContext } from '../types'
import type { MapPoint, MapRows } from './select'

export const CHINA_MAP = 'china'

const LABELS = {
  'zh-CN': {
    events: '场活动',
    outcomes: '项成果',
    partners: '合作方来自',
    province: '活动',
    none: '无',
  },
  en: {
    events: 'events',
    outcomes: 'outcomes',
    partners: 'partners from',
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

function pointTooltip(p: MapPoint, ctx: BuildContext): string {
  const l = LABELS[ctx.locale]
  const head = `<b>${escapeHtml(nameOf(p.name, ctx.locale))}</b>`
  const events = p.eventNames.map((n) => `· ${escapeHtml(nameOf(n, ctx.locale))}`).join('<br/>')
  const value = p.total ? `<br/>${escapeHtml(formatAmount(p.total, ctx.locale))}` : ''
  return `${head}<br/>${events}<br/>${p.outcomes} ${l.outcomes}${value}`
}

/** The China map: provinces shaded by events, event cities sized by value, partner flows. */
export function buildMap(rows: MapRows, ctx: BuildContext): EChartsCoreOption {
  const { theme, locale, frozen } = ctx
  const scale = Math.max(0.6, Math.min(ctx.size.width, ctx.size.height * 1.4) / 900)
  const max = Math.max(1, ...rows.points.map((p) => p.size))
  const maxEvents = Math.max(1, ...rows.provinces.map((p) => p.events))
  // Never below 14px on the 1920×1080 canvas: a wall is read from across the room.
  const fontSize = Math.max(14, Math.round(14 * scale))
  const sides = labelSides(rows.points)
  const points = rows.points.map((p, i) => ({
    name: nameOf(p.name, locale),
    label: { position: sides[i] },
    value: [p.lng, p.lat, p.size],
    symbolSize: pointSize(p.size, max, scale),
    tooltip: { formatter: pointTooltip(p, ctx) },
  }))
  const scatterBase = {
    name: 'events',
    coordinateSystem: 'geo',
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
    // Nearby cities (长沙, 株洲) must both stay labelled: shift, never hide.
    labelLayout: { moveOverlap: 'shiftY' },
  }
  return {
    ...baseOption(ctx, fontSize),
    visualMap: {
      type: 'continuous',
      min: 0,
      max: maxEvents,
      seriesIndex: 0,
      show: false,
      inRange: { color: [theme.mapArea, ...theme.sequential.slice(1)] },
    },
    geo: {
      map: CHINA_MAP,
      roam: false,
      ...(rows.bounds
        ? {
            boundingCoords: rows.bounds.map((c) => [...c]),
            layoutCenter: ['50%', '50%'],
            layoutSize: '100%',
          }
        : { layoutCenter: ['50%', '53%'], layoutSize: '118%' }),
      aspectScale: 0.8,
      silent: false,
      label: { show: false },
      itemStyle: { areaColor: theme.mapArea, borderColor: theme.mapBorder, borderWidth: 1 * scale },
      emphasis: { label: { show: false }, itemStyle: { areaColor: theme.sequential[2] } },
      select: { disabled: true },
      tooltip: { show: false },
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        name: 'provinces',
        data: rows.provinces.map((p) => ({ name: p.name, value: p.events })),
      },
      {
        type: 'lines',
        name: 'flows',
        coordinateSystem: 'geo',
        z: 3,
        data: rows.flows.map((f) => ({
          coords: f.coords.map((c) => [...c]),
          tooltip: {
            formatter:
              `${escapeHtml(nameOf(f.fromName, locale))} → ${escapeHtml(nameOf(f.toName, locale))}<br/>` +
              f.orgs.map((o) => `· ${escapeHtml(nameOf(o, locale))}`).join('<br/>'),
          },
          lineStyle: { width: Math.min(4, 0.8 + f.orgs.length * 0.5) * scale },
        })),
        lineStyle: { color: theme.accent, opacity: 0.55, curveness: 0.25 },
        effect: frozen
          ? { show: false }
          : { show: true, period: 5, trailLength: 0.35, symbolSize: 4 * scale, color: '#ffffff' },
      },
      {
        type: 'scatter',
        name: 'origins',
        coordinateSystem: 'geo',
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
