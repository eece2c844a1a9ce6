import { isOrgOrMember, narrowsOutcomes, outcomeMatches, type Filters } from './filters'
import {
  eventOrgPositionsOf,
  orgByNumber,
  orgLocaleRanks,
  orgNumbers,
  outcomePositionsOf,
  partyNumbers,
  perDataset,
} from './lookups'
import type { CoopEvent, Dataset, Outcome } from './types'
import type { OrgKind } from './vocab'

/** Universities and institutes: the partners these charts are about. */
export const PARTNER_KINDS: ReadonlySet<OrgKind> = new Set<OrgKind>(['university', 'institute'])

/** One university or institute taking part in one event (a conference or a session). */
export interface Participation {
  event: string
  org: string
  /** Outcomes of this event the organisation is a party to. */
  outcomes: readonly Outcome[]
  sources: readonly string[]
}

/**
 * Who took part in which event: a role other than guide or host (those lend a name, they do not
 * cooperate), or a party to one of the event's itemised outcomes. Universities and institutes
 * only; ordered as the events file, then by org id, so every consumer sees the same order.
 * Filters narrow it further: an org-kind filter to that kind, an org filter to the organisation
 * and its units, an outcome-kind filter to parties of such outcomes. The participations (not the
 * array) may be shared with other calls: they are read-only.
 */
export function partnerParticipations(
  d: Dataset,
  eventIds: ReadonlySet<string>,
  filters: Filters = {},
): Participation[] {
  return partnerParticipationsByEvent(d, eventIds, filters).flatMap((e) => e.parts)
}

/** The participations of one event, as partnerParticipations orders them. */
export interface EventParticipations {
  event: CoopEvent
  parts: readonly Participation[]
  /** Each participation's organisation by number (`orgNumbers`), for counting in arrays. */
  orgs: Int32Array
  /** How many different outcomes each has (an outcome naming the organisation twice is one). */
  distinct: Int32Array
}

/**
 * partnerParticipations event by event, leaving out events without any. Without a filter on
 * outcomes or partners an event's participations are always the same: they are worked out once
 * per event and shared, so what a chart derives from them can be kept with them (WeakMap).
 */
export function partnerParticipationsByEvent(
  d: Dataset,
  eventIds: ReadonlySet<string>,
  filters: Filters = {},
): EventParticipations[] {
  const shared = narrowsOutcomes(filters) ? null : unfiltered(d)
  let at: ((event: CoopEvent) => EventParticipations) | undefined
  const out: EventParticipations[] = []
  for (const event of d.events) {
    if (!eventIds.has(event.id)) continue
    let entry = shared?.get(event.id)
    if (!entry) {
      entry = (at ??= participationsAt(d, filters))(event)
      shared?.set(event.id, entry)
    }
    if (entry.parts.length > 0) out.push(entry)
  }
  return out
}

const unfiltered = perDataset(() => new Map<string, EventParticipations>())

/** The participations of one event under the filters, ordered by org id. */
function participationsAt(d: Dataset, filters: Filters): (event: CoopEvent) => EventParticipations {
  const kinds = partnerKinds(filters)
  const orgs = orgByNumber(d)
  const number = orgNumbers(d)
  const isPartner = Uint8Array.from(orgs, ({ id }) => {
    const kind = d.index.org[id]?.kind
    return kind && kinds.has(kind) && (!filters.org || isOrgOrMember(d, id, filters.org)) ? 1 : 0
  })
  const parties = partyNumbers(d)
  const ranks = orgLocaleRanks(d)
  const reports = reportLists(d)
  // For each organisation, 1 + its place among the event's so far; 0 when not met yet.
  const slot = new Int32Array(orgs.length)
  return (event) => {
    // The organisations met, in the order met, with their first report and any others; and
    // each (organisation, outcome) pair met, to make lists of the right length at the end.
    const met: number[] = []
    const firstSource: string[] = []
    const moreSources: (string[] | undefined)[] = []
    const pairs: number[] = []
    const pairOutcomes: Outcome[] = []
    const add = (org: number, source: string) => {
      let m = slot[org]!
      if (m === 0) {
        m = met.push(org)
        slot[org] = m
        firstSource.push(source)
        moreSources.push(undefined)
      } else if (source !== firstSource[m - 1]) {
        const more = (moreSources[m - 1] ??= [])
        if (more[more.length - 1] !== source) more.push(source)
      }
      return m - 1
    }
    // With an outcome kind chosen, taking part means being a party to such an outcome.
    if (!filters.outcomeKind) {
      for (const i of eventOrgPositionsOf(d, event.id)) {
        const eo = d.eventOrgs[i]!
        if (eo.role === 'guide' || eo.role === 'host') continue
        const org = number(eo.org)
        if (org >= 0 && isPartner[org]) add(org, eo.source)
      }
    }
    for (const i of outcomePositionsOf(d, event.id)) {
      const o = d.outcomes[i]!
      if (!outcomeMatches(d, o, filters)) continue
      for (let j = parties.start[i]!; j < parties.start[i + 1]!; j++) {
        const org = parties.numbers[j]!
        if (org < 0 || !isPartner[org]) continue
        pairs.push(add(org, o.source))
        pairOutcomes.push(o)
      }
    }
    for (const org of met) slot[org] = 0
    const outcomes = outcomeLists(met.length, pairs, pairOutcomes)
    const order = inRankOrder(met, ranks)
    const parts = order.map((m) => ({
      event: event.id,
      org: orgs[met[m]!]!.id,
      outcomes: outcomes[m]!,
      sources: reports(firstSource[m]!, moreSources[m]),
    }))
    return {
      event,
      parts,
      orgs: Int32Array.from(order, (m) => met[m]!),
      distinct: Int32Array.from(parts, (p) => distinctOutcomes(p.outcomes)),
    }
  }
}

/** For each of `n` organisations, its outcomes in the order met, in a list of just that size. */
function outcomeLists(n: number, pairs: readonly number[], outcomes: readonly Outcome[]) {
  const count = new Int32Array(n)
  for (const m of pairs) count[m]!++
  const lists = Array.from(count, (c) => (c === 0 ? NO_OUTCOMES : new Array<Outcome>(c)))
  count.fill(0)
  pairs.forEach((m, k) => ((lists[m] as Outcome[])[count[m]!++] = outcomes[k]!))
  return lists
}

const NO_OUTCOMES: readonly Outcome[] = Object.freeze([])

/**
 * Lists of reports, sorted and each once. Most participations have one report, the same as many
 * others: one frozen list per report serves them all (the lists are read-only).
 */
const reportLists = perDataset(() => {
  const single = new Map<string, readonly string[]>()
  return (first: string, more: string[] | undefined): readonly string[] => {
    if (more) return sortedUnique([first, ...more])
    let shared = single.get(first)
    if (!shared) {
      shared = Object.freeze([first])
      single.set(first, shared)
    }
    return shared
  }
})

/**
 * Places in `orgs` in `localeCompare` order of the ids, ties in the order given: what a stable
 * sort by `a.localeCompare(b)` gives, found by sorting numbers (rank, then place) natively.
 */
function inRankOrder(orgs: readonly number[], ranks: Int32Array): number[] {
  const keys = Float64Array.from(orgs, (org, m) => ranks[org]! * 2 ** 24 + m)
  return Array.from(keys.sort(), (key) => key % 2 ** 24)
}

function sortedUnique(list: string[]): string[] {
  list.sort()
  let n = 0
  for (const s of list) if (n === 0 || list[n - 1] !== s) list[n++] = s
  list.length = n
  return list
}

/** An outcome naming the organisation twice is listed twice, one after the other. */
function distinctOutcomes(outcomes: readonly Outcome[]): number {
  let n = 0
  for (let i = 0; i < outcomes.length; i++) if (i === 0 || outcomes[i - 1] !== outcomes[i]) n++
  return n
}

/** The partner kinds an org-kind filter leaves: both, one, or none for any other kind. */
export function partnerKinds(filters: Filters): ReadonlySet<OrgKind> {
  if (!filters.orgKind) return PARTNER_KINDS
  return new Set([...PARTNER_KINDS].filter((k) => k === filters.orgKind))
}
