import { orgLines, outcomesOfEvents, perDataset } from './lookups'
import type { Dataset, Outcome } from './types'
import type { OrgKind, OutcomeKind } from './vocab'

/** What the viewer has narrowed the data to. Empty = everything. */
export interface Filters {
  /** `YYYY-MM` or `YYYY-MM-DD`: events that end on or after it. */
  from?: string
  /** `YYYY-MM` or `YYYY-MM-DD`: events that start on or before it. */
  to?: string
  /** Province short name, as on the map (湖南). */
  province?: string
  /** A place id; a city also takes in its districts (株洲 → 芦淞区). */
  city?: string
  sector?: string
  outcomeKind?: OutcomeKind
  orgKind?: OrgKind
  /** An organisation id; it stands for its member units too (清华大学 → 材料学院). */
  org?: string
  /** An event id: a conference with its sessions, or one session. */
  event?: string
}

/** Every filter, in the order the chip row shows them and the URL writes them. */
export const FILTER_KEYS = [
  'from',
  'to',
  'province',
  'city',
  'sector',
  'outcomeKind',
  'orgKind',
  'org',
  'event',
] as const satisfies readonly (keyof Filters)[]

export type FilterKey = (typeof FILTER_KEYS)[number]

/** A change to the filters: a key set to undefined is cleared, a key left out is kept. */
export type FilterPatch = { [K in FilterKey]?: Filters[K] | undefined }

export function applyPatch(f: Filters, patch: FilterPatch): Filters {
  const out: Filters = { ...f }
  for (const key of FILTER_KEYS) {
    if (!(key in patch)) continue
    const value = patch[key]
    if (value === undefined) delete out[key]
    else (out as Record<FilterKey, string>)[key] = value
  }
  return out
}

export function isEmptyFilters(f: Filters): boolean {
  return FILTER_KEYS.every((k) => f[k] === undefined)
}

/**
 * Compares dates of different precision on their common prefix: 2024-07 is neither before nor
 * after 2024-07-15, since a month-only event may be on that day.
 */
function cmpDateText(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  const x = a.slice(0, n)
  const y = b.slice(0, n)
  return x < y ? -1 : x > y ? 1 : 0
}

/** A city's own adcode prefix (4 digits), or null for a district or a municipality. */
function cityPrefix(adcode: string): string | null {
  return /^\d{4}00$/.test(adcode) && !adcode.endsWith('0000') ? adcode.slice(0, 4) : null
}

/**
 * The events each sector, outcome kind, organisation kind or organisation touches, built once
 * per dataset and only for a filter that is used: a province or a date needs none of them.
 */
function eventsBy(collect: (d: Dataset, add: (key: string, event: string) => void) => void) {
  return perDataset((d) => {
    const out = new Map<string, Set<string>>()
    collect(d, (key, event) => {
      const set = out.get(key)
      if (set) set.add(event)
      else out.set(key, new Set([event]))
    })
    return out
  })
}

/** Every organisation taking part in each event (a role or a party), with the event. */
function eachTakingPart(d: Dataset, visit: (org: string, event: string) => void): void {
  for (const eo of d.eventOrgs) visit(eo.org, eo.event)
  for (const o of d.outcomes) for (const p of o.parties) visit(p, o.event)
}

const eventsBySector = eventsBy((d, add) => {
  for (const e of d.events) if (e.sector) add(e.sector, e.id)
  for (const o of d.outcomes) if (o.sector) add(o.sector, o.event)
})
const eventsByOutcomeKind = eventsBy((d, add) => {
  for (const o of d.outcomes) add(o.kind, o.event)
})
const eventsByOrgKind = eventsBy((d, add) =>
  eachTakingPart(d, (org, event) => {
    const kind = d.index.org[org]?.kind
    if (kind) add(kind, event)
  }),
)
/** An organisation's events include its member units' (清华大学 → 材料学院). */
const eventsByOrg = eventsBy((d, add) => {
  const lines = orgLines(d)
  eachTakingPart(d, (org, event) => lines.get(org)?.forEach((o) => add(o, event)))
})

/** True when the organisation is `target` or one of its member units. */
export function isOrgOrMember(d: Dataset, orgId: string, target: string): boolean {
  return orgLines(d).get(orgId)?.has(target) ?? false
}

/** Events (conferences and sessions) that pass the filters. */
export function filterEvents(d: Dataset, f: Filters): Set<string> {
  const city = f.city ? d.index.place[f.city] : undefined
  const prefix = city ? cityPrefix(city.adcode) : null
  const out = new Set<string>()
  for (const e of d.events) {
    if (f.event && d.index.rootEvent[e.id] !== f.event && e.id !== f.event) continue
    if (f.from && cmpDateText((e.end ?? e.start).text, f.from) < 0) continue
    if (f.to && cmpDateText(e.start.text, f.to) > 0) continue
    const place = d.index.place[e.place]
    if (f.province && place?.province !== f.province) continue
    if (f.city && e.place !== f.city && !(prefix && place?.adcode.startsWith(prefix))) continue
    if (f.sector && !eventsBySector(d).get(f.sector)?.has(e.id)) continue
    if (f.outcomeKind && !eventsByOutcomeKind(d).get(f.outcomeKind)?.has(e.id)) continue
    if (f.orgKind && !eventsByOrgKind(d).get(f.orgKind)?.has(e.id)) continue
    if (f.org && !eventsByOrg(d).get(f.org)?.has(e.id)) continue
    out.add(e.id)
  }
  return out
}

/**
 * Whether an itemised outcome passes the outcome-level filters (kind, sector, organisation).
 * An outcome without its own sector takes its session's.
 */
export function outcomeMatches(d: Dataset, o: Outcome, f: Filters): boolean {
  if (f.outcomeKind && o.kind !== f.outcomeKind) return false
  if (f.sector && (o.sector ?? d.index.event[o.event]?.sector ?? null) !== f.sector) return false
  if (f.org && !o.parties.some((p) => isOrgOrMember(d, p, f.org!))) return false
  if (f.orgKind && !o.parties.some((p) => d.index.org[p]?.kind === f.orgKind)) return false
  return true
}

/** Itemised outcomes of the events that pass, narrowed by the outcome-level filters. */
export function filterOutcomes(
  d: Dataset,
  f: Filters,
  eventIds: ReadonlySet<string> = filterEvents(d, f),
): Outcome[] {
  const outcomes = outcomesOfEvents(d, eventIds)
  return narrowsOutcomes(f) ? outcomes.filter((o) => outcomeMatches(d, o, f)) : outcomes
}

/**
 * Whether the filters narrow outcomes and partners as well as events. Without such a filter an
 * event counts in full, so what is worked out per event can be reused whatever else is chosen.
 */
export function narrowsOutcomes(f: Filters): boolean {
  return Boolean(f.outcomeKind || f.sector || f.org || f.orgKind)
}
