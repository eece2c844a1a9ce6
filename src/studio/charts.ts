import { CHARTS, type ChartId } from '../charts/registry'
import type { ChartEntry } from '../charts/types'
import type { Filters } from '../domain/filters'
import type { Dataset } from '../domain/types'

/** Charts the studio and the embed can publish, in the order the picker lists them. */
export const STUDIO_CHARTS = [
  'map',
  'sankey',
  'timeline',
  'ranking',
  'kpi',
  'figures',
] as const satisfies readonly ChartId[]
export type StudioChartId = (typeof STUDIO_CHARTS)[number]

export function isStudioChart(id: string): id is StudioChartId {
  return (STUDIO_CHARTS as readonly string[]).includes(id)
}

/** A registry entry with its row type erased: the studio only passes rows back to it. */
export function studioEntry(id: StudioChartId): ChartEntry<unknown, unknown> {
  return CHARTS[id] as unknown as ChartEntry<unknown, unknown>
}

/** The rows of a published chart: the current filters, the map drilled into a chosen province. */
export function studioRows(id: StudioChartId, d: Dataset, filters: Filters): unknown {
  const options = id === 'map' ? { drill: true } : {}
  return studioEntry(id).select(d, filters, options)
}
