import { DEFAULT_CONFIG } from '../../data/config'
import { filterEvents, type Filters } from '../../domain/filters'
import { computeKpis, kpiEvidence, type Kpi } from '../../domain/kpis'
import type { Dataset } from '../../domain/types'

export interface KpiOptions {
  /** KPI ids, as in config.json `kpis`; the big screen's by default. */
  ids: readonly string[]
}

export interface KpiRows {
  /** One tile each, in the order asked for. Reported totals and itemised counts stay apart. */
  tiles: readonly Kpi[]
  /** Sources of every record behind the tiles, sorted. */
  sources: readonly string[]
  /** The same, tile by tile, in the order of `tiles`. */
  tileSources: readonly (readonly string[])[]
}

/** The headline numbers of the current filters (computeKpis), for the KPI card. */
export function selectKpi(
  d: Dataset,
  filters: Filters,
  options: Partial<KpiOptions> = {},
): KpiRows {
  const tiles = computeKpis(d, options.ids ?? DEFAULT_CONFIG.kpis, filters)
  const tileSources = tiles.map((k) => {
    const sources = new Set<string>()
    if (k.id === 'orgs' || k.id.startsWith('orgs:')) {
      // Organisations are named by roles and outcome parties: their sources stand behind it.
      const eventIds = filterEvents(d, filters)
      for (const eo of d.eventOrgs) if (eventIds.has(eo.event)) sources.add(eo.source)
      for (const o of d.outcomes) if (eventIds.has(o.event)) sources.add(o.source)
    } else {
      for (const e of kpiEvidence(d, k, filters)) sources.add(e.source.id)
    }
    return [...sources].sort()
  })
  return { tiles, sources: [...new Set(tileSources.flat())].sort(), tileSources }
}
