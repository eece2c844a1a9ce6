import { sumAmounts, type Total } from './qualifier'
import type { CoopEvent, Dataset, Figure, Outcome } from './types'
import { METRICS, OUTCOME_KINDS, type MetricDef, type MetricId, type OutcomeKind } from './vocab'

/**
 * Honest aggregation. A reported total sums one metric only, over event-level outcome figures
 * (no period, no subject), never a figure that is part of another of the same metric, never
 * an itemised outcome. The qualifier of a sum follows the rule in qualifier.ts.
 */
export function isHeadlineFigure(f: Figure, figures: Readonly<Record<string, Figure>>): boolean {
  if (f.scope !== 'outcome' || f.period !== '' || f.subject !== null) return false
  // A part of a total of the same metric is already inside that total.
  for (let up = f.partOf; up; up = figures[up]?.partOf ?? null) {
    if (figures[up]?.metric === f.metric) return false
  }
  return true
}

export interface ReportedTotal {
  metric: MetricDef
  total: Total
  /** The figures summed, for the quote and the source behind the number. */
  figures: readonly Figure[]
  /** Events with a figure of this metric. */
  events: readonly string[]
}

export function reportedTotal(
  d: Dataset,
  metric: MetricId,
  eventIds?: ReadonlySet<string>,
): ReportedTotal | null {
  const def = METRICS.find((m) => m.id === metric)
  if (!def) return null
  const figures = d.figures.filter(
    (f) =>
      f.metric === metric &&
      (!eventIds || eventIds.has(f.event)) &&
      isHeadlineFigure(f, d.index.figure),
  )
  // A non-additive metric (attendance) is never summed across conferences.
  const conferences = new Set(figures.map((f) => d.index.rootEvent[f.event]))
  if (!def.additive && conferences.size > 1) return null
  const total = sumAmounts(figures.map((f) => f.amount))
  if (!total) return null
  return { metric: def, total, figures, events: [...new Set(figures.map((f) => f.event))] }
}

export function countBy<T, K extends string>(
  items: readonly T[],
  key: (t: T) => K,
): Record<K, number> {
  const out = {} as Record<K, number>
  for (const item of items) {
    const k = key(item)
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

/** Itemised outcomes by kind, most first, ties in vocabulary order. */
export function outcomeKindCounts(
  outcomes: readonly Outcome[],
): { kind: OutcomeKind; count: number }[] {
  const counts = countBy(outcomes, (o) => o.kind)
  return OUTCOME_KINDS.filter((k) => counts[k])
    .map((kind) => ({ kind, count: counts[kind] }))
    .sort(
      (a, b) => b.count - a.count || OUTCOME_KINDS.indexOf(a.kind) - OUTCOME_KINDS.indexOf(b.kind),
    )
}

/** Every organisation that took part in the given events: a role or a party to an outcome. */
export function involvedOrgs(d: Dataset, eventIds?: ReadonlySet<string>): Set<string> {
  const inScope = (e: string) => !eventIds || eventIds.has(e)
  const out = new Set<string>()
  for (const eo of d.eventOrgs) if (inScope(eo.event)) out.add(eo.org)
  for (const o of d.outcomes) if (inScope(o.event)) o.parties.forEach((p) => out.add(p))
  return out
}

/** Top-level conferences (sessions are counted with the conference they belong to). */
export function conferences(d: Dataset): CoopEvent[] {
  return d.events.filter((e) => e.parent === null)
}

/** The conference and all its sessions. */
export function eventFamily(d: Dataset, rootId: string): Set<string> {
  return new Set(d.events.filter((e) => d.index.rootEvent[e.id] === rootId).map((e) => e.id))
}
