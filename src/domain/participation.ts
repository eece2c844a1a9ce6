import { isOrgOrMember, outcomeMatches, type Filters } from './filters'
import type { Dataset, Outcome } from './types'
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
 * and its units, an outcome-kind filter to parties of such outcomes.
 */
export function partnerParticipations(
  d: Dataset,
  eventIds: ReadonlySet<string>,
  filters: Filters = {},
): Participation[] {
  const kinds = partnerKinds(filters)
  const byKey = new Map<string, { outcomes: Outcome[]; sources: Set<string> }>()
  const entry = (event: string, org: string) => {
    const key = `${event}\n${org}`
    let e = byKey.get(key)
    if (!e) {
      e = { outcomes: [], sources: new Set() }
      byKey.set(key, e)
    }
    return e
  }
  const isPartner = (id: string) => {
    const kind = d.index.org[id]?.kind
    return (
      kind !== undefined && kinds.has(kind) && (!filters.org || isOrgOrMember(d, id, filters.org))
    )
  }
  // With an outcome kind chosen, taking part means being a party to such an outcome.
  if (!filters.outcomeKind) {
    for (const eo of d.eventOrgs) {
      if (!eventIds.has(eo.event) || eo.role === 'guide' || eo.role === 'host') continue
      if (isPartner(eo.org)) entry(eo.event, eo.org).sources.add(eo.source)
    }
  }
  for (const o of d.outcomes) {
    if (!eventIds.has(o.event) || !outcomeMatches(d, o, filters)) continue
    for (const p of o.parties) {
      if (!isPartner(p)) continue
      const e = entry(o.event, p)
      e.outcomes.push(o)
      e.sources.add(o.source)
    }
  }
  const eventOrder = new Map(d.events.map((e, i) => [e.id, i]))
  return [...byKey]
    .map(([key, e]) => {
      const [event = '', org = ''] = key.split('\n')
      return { event, org, outcomes: e.outcomes, sources: [...e.sources].sort() }
    })
    .sort(
      (a, b) =>
        (eventOrder.get(a.event) ?? 0) - (eventOrder.get(b.event) ?? 0) ||
        a.org.localeCompare(b.org),
    )
}

/** The partner kinds an org-kind filter leaves: both, one, or none for any other kind. */
export function partnerKinds(filters: Filters): ReadonlySet<OrgKind> {
  if (!filters.orgKind) return PARTNER_KINDS
  return new Set([...PARTNER_KINDS].filter((k) => k === filters.orgKind))
}
