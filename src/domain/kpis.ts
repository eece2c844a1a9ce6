import { conferences, involvedOrgs, reportedTotal } from './aggregate'
import { filterEvents, type Filters } from './filters'
import { outcomesOfEvents } from './lookups'
import { outcomeCount, outcomeKindCount } from './tally'
import type { Bilingual, Dataset, Source } from './types'
import {
  metricDef,
  ORG_KINDS,
  OUTCOME_KINDS,
  type OrgKind,
  type OutcomeKind,
  type Qualifier,
  type Unit,
} from './vocab'

/**
 * A headline number. `basis` says what it is: a count of records, itemised outcomes named one
 * by one, or a total of figures as reported. The two last are never added together.
 */
export interface Kpi {
  id: string
  basis: 'count' | 'itemised' | 'reported'
  /** i18n key of the label, or a metric id for reported totals (labelled from the vocabulary). */
  label: string
  value: number
  unit: Unit
  qualifier: Qualifier
  /** Number of events behind the figure, for the note under it. */
  events: number
  /** Conference sessions included in an event count. */
  sessions: number
  /** Figure ids summed (reported totals only): the quotes behind the number. */
  figures: readonly string[]
}

/**
 * KPI ids: `events`, `outcomes`, `outcome:<kind>` (itemised), `orgs` / `orgs:<kind>[+<kind>]`
 * (organisations involved, each counted once), `<metric>` (a reported total of a metric flagged
 * kpi). Unknown ids are skipped, so a config typo hides one tile, not the row.
 */
export function computeKpis(d: Dataset, ids: readonly string[], filters: Filters = {}): Kpi[] {
  const eventIds = filterEvents(d, filters)
  const out: Kpi[] = []
  for (const id of ids) {
    if (id === 'events') {
      const roots = conferences(d).filter((e) => eventIds.has(e.id))
      out.push({
        id,
        basis: 'count',
        label: 'kpi.events',
        value: roots.length,
        unit: 'count',
        qualifier: 'exact',
        events: roots.length,
        sessions: eventIds.size - roots.length,
        figures: [],
      })
    } else if (id === 'orgs' || id.startsWith('orgs:')) {
      const kinds =
        id === 'orgs' ? [...ORG_KINDS] : (id.slice('orgs:'.length).split('+') as OrgKind[])
      if (!kinds.every((k) => ORG_KINDS.includes(k))) continue
      const orgs = new Set(
        [...involvedOrgs(d, eventIds)]
          .map((o) => universityOf(d, o))
          .filter((o) => kinds.includes(d.index.org[o]!.kind)),
      )
      out.push({
        id,
        basis: 'count',
        label: id === 'orgs' ? 'kpi.orgs' : `orgKinds.${kinds.join('+')}`,
        value: orgs.size,
        unit: 'count',
        qualifier: 'exact',
        events: eventIds.size,
        sessions: 0,
        figures: [],
      })
    } else if (id === 'outcomes' || id.startsWith('outcome:')) {
      const kind = id.slice('outcome:'.length) as OutcomeKind
      if (id !== 'outcomes' && !OUTCOME_KINDS.includes(kind)) continue
      // Counted event by event from indexes built once.
      let value = 0
      const roots = new Set<string | undefined>()
      for (const e of eventIds) {
        const n = id === 'outcomes' ? outcomeCount(d, e) : outcomeKindCount(d, e, kind)
        value += n
        if (n > 0) roots.add(d.index.rootEvent[e])
      }
      out.push({
        id,
        basis: 'itemised',
        label: id === 'outcomes' ? 'kpi.outcomes' : `kinds.${kind}`,
        value,
        unit: 'count',
        qualifier: 'exact',
        events: roots.size,
        sessions: 0,
        figures: [],
      })
    } else {
      const def = metricDef(id)
      if (!def?.kpi) continue
      const total = reportedTotal(d, def.id as Parameters<typeof reportedTotal>[1], eventIds)
      if (!total) continue
      out.push({
        id,
        basis: 'reported',
        label: id,
        value: total.total.value,
        unit: def.unit,
        qualifier: total.total.qualifier,
        events: new Set(total.events.map((e) => d.index.rootEvent[e])).size,
        sessions: 0,
        figures: total.figures.map((f) => f.id),
      })
    }
  }
  return out
}

/** A school of a university is that university: 清华大学材料学院 and 清华大学 count once. */
function universityOf(d: Dataset, id: string): string {
  let org = d.index.org[id]!
  while (
    org.kind === 'university' &&
    org.parent &&
    d.index.org[org.parent]?.kind === 'university'
  ) {
    org = d.index.org[org.parent]!
  }
  return org.id
}

/** The records behind a headline number: what each is, its quote, and who reported it. */
export interface Evidence {
  label: Bilingual
  /** Empty for an event, which has a source but no single sentence behind it. */
  quote: string
  source: Source
}

/**
 * What a KPI tile can reveal on hover or tap: the figures summed into a reported total, the
 * outcomes counted one by one, or the events counted. Organisations are too many to list.
 */
export function kpiEvidence(d: Dataset, kpi: Kpi, filters: Filters = {}): Evidence[] {
  const eventIds = filterEvents(d, filters)
  const sourceOf = (id: string) => d.index.source[id]!
  if (kpi.basis === 'reported') {
    return kpi.figures.map((id) => {
      const f = d.index.figure[id]!
      return { label: d.index.event[f.event]!.name, quote: f.quote, source: sourceOf(f.source) }
    })
  }
  if (kpi.basis === 'itemised') {
    const kind = kpi.id.startsWith('outcome:') ? kpi.id.slice('outcome:'.length) : null
    return outcomesOfEvents(d, eventIds)
      .filter((o) => !kind || o.kind === kind)
      .map((o) => ({ label: o.title, quote: o.quote, source: sourceOf(o.source) }))
  }
  if (kpi.id === 'events') {
    return conferences(d)
      .filter((e) => eventIds.has(e.id))
      .map((e) => ({ label: e.name, quote: '', source: sourceOf(e.source) }))
  }
  return []
}
