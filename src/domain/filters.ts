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

/** What each event touches, computed once per dataset: filters then test sets, not tables. */
interface EventFacts {
  sectors: Set<string>
  outcomeKinds: Set<OutcomeKind>
  /** Organisations taking part (a role or a party), with every ancestor of each. */
  orgs: Set<string>
  orgKinds: Set<OrgKind>
}

const factsCache = new WeakMap<Dataset, Map<string, EventFacts>>()

function eventFacts(d: Dataset): Map<string, EventFacts> {
  let facts = factsCache.get(d)
  if (facts) return facts
  facts = new Map()
  for (const e of d.events) {
    facts.set(e.id, {
      sectors: new Set(e.sector ? [e.sector] : []),
      outcomeKinds: new Set(),
      orgs: new Set(),
      orgKinds: new Set(),
    })
  }
  const addOrg = (f: EventFacts, id: string) => {
    const org = d.index.org[id]
    if (org) f.orgKinds.add(org.kind)
    for (let o = org; o && !f.orgs.has(o.id); o = o.parent ? d.index.org[o.parent] : undefined)
      f.orgs.add(o.id)
  }
  for (const eo of d.eventOrgs) {
    const f = facts.get(eo.event)
    if (f) addOrg(f, eo.org)
  }
  for (const o of d.outcomes) {
    const f = facts.get(o.event)
    if (!f) continue
    if (o.sector) f.sectors.add(o.sector)
    f.outcomeKinds.add(o.kind)
    o.parties.forEach((p) => addOrg(f, p))
  }
  factsCache.set(d, facts)
  return facts
}

/** True when the organisation is `target` or one of its member units. */
export function isOrgOrMember(d: Dataset, orgId: string, target: string): boolean {
  for (let o = d.index.org[orgId]; o; o = o.parent ? d.index.org[o.parent] : undefined)
    if (o.id === target) return true
  return false
}

/** Events (conferences and sessions) that pass the filters. */
export function filterEvents(d: Dataset, f: Filters): Set<string> {
  const facts = eventFacts(d)
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
    const x = facts.get(e.id)!
    if (f.sector && !x.sectors.has(f.sector)) continue
    if (f.outcomeKind && !x.outcomeKinds.has(f.outcomeKind)) continue
    if (f.orgKind && !x.orgKinds.has(f.orgKind)) continue
    if (f.org && !x.orgs.has(f.org)) continue
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
  return d.outcomes.filter((o) => eventIds.has(o.event) && outcomeMatches(d, o, f))
}
