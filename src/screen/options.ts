// Apart from ./model, so that the page's first bundle (../data/loadOffThread) can compare options
// without taking in the selectors.
import type { MetricId } from '../domain/vocab'

/** The settings the model depends on (config.json and the URL). */
export interface ScreenOptions {
  kpis: readonly string[]
  mapSizeBy: 'outcomes' | MetricId
  featuredProvince: string
}

/** Same options, same model: whether a model computed elsewhere still fits the settings. */
export function sameScreenOptions(a: ScreenOptions, b: ScreenOptions): boolean {
  return (
    a.mapSizeBy === b.mapSizeBy &&
    a.featuredProvince === b.featuredProvince &&
    a.kpis.length === b.kpis.length &&
    a.kpis.every((k, i) => k === b.kpis[i])
  )
}
