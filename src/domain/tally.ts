import { filterOutcomes, narrowsOutcomes, type Filters } from './filters'
import { outcomePositionsOf, perDataset } from './lookups'
import type { Dataset } from './types'
import type { OutcomeKind } from './vocab'

/** How many itemised outcomes an event has of its own (not its sessions'). */
export function outcomeCount(d: Dataset, event: string): number {
  return outcomePositionsOf(d, event).length
}

/** How many of an event's own outcomes are of a kind. */
export function outcomeKindCount(d: Dataset, event: string, kind: OutcomeKind): number {
  return kindCounts(d).get(event)?.get(kind) ?? 0
}

/** The reports behind an event's own outcomes, each once, first seen first. */
export function outcomeSources(d: Dataset, event: string): readonly string[] {
  return sourceLists(d).get(event) ?? []
}

// Each worked out in one pass over the outcomes when first needed, and kept with the dataset.
const kindCounts = perDataset((d) => {
  const out = new Map<string, Map<OutcomeKind, number>>()
  for (const o of d.outcomes) {
    const counts = out.get(o.event) ?? out.set(o.event, new Map()).get(o.event)!
    counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1)
  }
  return out
})
const sourceLists = perDataset((d) => {
  const sets = new Map<string, Set<string>>()
  for (const o of d.outcomes)
    (sets.get(o.event) ?? sets.set(o.event, new Set()).get(o.event)!).add(o.source)
  return new Map([...sets].map(([event, set]) => [event, [...set]]))
})

export interface Tally {
  outcomes: number
  sources: Set<string>
}

/**
 * The outcomes that pass the filters, counted with their reports under a key of their event
 * (its conference, its city …); events without a key are left out. Without a filter on
 * outcomes this adds up per-event summaries rather than visiting every outcome.
 */
export function tallyOutcomes(
  d: Dataset,
  filters: Filters,
  eventIds: ReadonlySet<string>,
  keyOf: (event: string) => string | undefined,
): Map<string, Tally> {
  const out = new Map<string, Tally>()
  const tallyOf = (event: string) => {
    const key = keyOf(event)
    if (key === undefined) return undefined
    let t = out.get(key)
    if (!t) {
      t = { outcomes: 0, sources: new Set() }
      out.set(key, t)
    }
    return t
  }
  if (narrowsOutcomes(filters)) {
    for (const o of filterOutcomes(d, filters, eventIds)) {
      const t = tallyOf(o.event)
      if (!t) continue
      t.outcomes++
      t.sources.add(o.source)
    }
  } else {
    for (const e of eventIds) {
      const count = outcomeCount(d, e)
      const t = count > 0 ? tallyOf(e) : undefined
      if (!t) continue
      t.outcomes += count
      for (const s of outcomeSources(d, e)) t.sources.add(s)
    }
  }
  return out
}
