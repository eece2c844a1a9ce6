import { isHeadlineFigure } from './aggregate'
import { compareDates } from './dates'
import { PARTNER_KINDS } from './participation'
import type {
  Bilingual,
  CoopEvent,
  Dataset,
  EventOrg,
  Figure,
  Organization,
  Outcome,
  Place,
  Sector,
  Source,
} from './types'
import { ROLES, type Role } from './vocab'

/**
 * Selectors behind the event page (/events/:id) and the organisation page (/orgs/:id).
 * Lookup and ordering only: every number shown comes from a row as curated, never a new sum.
 */

export interface SourceRef {
  source: Source
  quote: string
}

export interface FigureItem {
  figure: Figure
  source: Source
  /** Counts toward a headline total (isHeadlineFigure). */
  headline: boolean
  /** The figure it is part of (part_of), and figures that are parts of it. */
  partOf: Figure | null
  parts: readonly Figure[]
  /** Itemised outcomes whose counted_in names this figure: "57 signed on site, 2 named here". */
  itemised: readonly Outcome[]
  /** The org or place the number describes (subject), resolved to a bilingual name, or null. */
  subjectName: Bilingual | null
  /** Which table the subject is in, so the page links an org subject to its org page. */
  subjectKind: 'org' | 'place' | null
}

export interface OutcomeItem {
  outcome: Outcome
  event: CoopEvent
  parties: readonly Organization[]
  sector: Sector | null
  countedIn: Figure | null
  source: Source
}

export interface RoleGroup {
  role: Role
  entries: readonly { org: Organization; quote: string; source: Source }[]
}

export interface EventDetail {
  event: CoopEvent
  place: Place | null
  sector: Sector | null
  /** The conference this session belongs to (null for a conference). */
  parent: CoopEvent | null
  /** Direct sessions of this event, in date order then id. */
  sessions: readonly CoopEvent[]
  /**
   * Every top-level event of the same non-empty `series`, in date order, this one included;
   * empty when the event has no series. For a session, its conference's series.
   */
  series: readonly CoopEvent[]
  /** Roles at this event in ROLES order, orgs in file order. Only groups with entries. */
  roles: readonly RoleGroup[]
  /** Every figure whose event is this one, in file order. */
  figures: readonly FigureItem[]
  /** Every itemised outcome of this event, in file order. */
  outcomes: readonly OutcomeItem[]
  /**
   * Universities/institutes (kinds 'university'|'institute') that took part, for the partner
   * map — ids, first seen first. Same rule as partnerParticipations: a role other than guide
   * or host, or a party to an outcome; this event only (sessions have pages of their own).
   */
  partners: readonly string[]
  /** Every source cited on the page (event, figures, outcomes, roles), deduplicated, first seen first. */
  sources: readonly Source[]
}

export interface OrgRole {
  event: CoopEvent
  role: Role
  quote: string
  source: Source
}

export interface OrgDetail {
  org: Organization
  place: Place | null
  /** Chain of parents, nearest first (清华材料学院 → [清华大学]). */
  ancestors: readonly Organization[]
  /** Direct member units (orgs whose parent is this one), sorted by name_zh (zh-CN collation). */
  members: readonly Organization[]
  /** Its own roles at events, by event start date then event id. */
  roles: readonly OrgRole[]
  /** Roles of its member units (recursively), same order, each with the member. */
  memberRoles: readonly (OrgRole & { member: Organization })[]
  /**
   * Outcomes it or one of its members (recursively) is a party to, by event date then outcome
   * id; `via` is the member that is the party, null when the org itself is.
   */
  outcomes: readonly (OutcomeItem & { via: Organization | null })[]
  /**
   * Co-parties in those outcomes, excluding the org, its members (recursively) and its
   * ancestors, with the number of shared outcomes; most first, then name_zh.
   */
  partners: readonly { org: Organization; outcomes: number }[]
  /** Figures whose subject is this org (context numbers such as a park's firm count). */
  subjectFigures: readonly FigureItem[]
  /** Events (ids) it or its members took part in, any role or party, sorted by date then id. */
  events: readonly string[]
}

const collator = new Intl.Collator('zh-CN')

const byName = (a: Organization, b: Organization): number => collator.compare(a.name.zh, b.name.zh)

// Code-unit order, not locale order: ids are ASCII slugs and must sort the same everywhere.
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

const byDate = (a: CoopEvent, b: CoopEvent): number =>
  compareDates(a.start, b.start) || compareIds(a.id, b.id)

function push<V>(m: Map<string, V[]>, key: string, value: V): void {
  const list = m.get(key)
  if (list) list.push(value)
  else m.set(key, [value])
}

/** What points at each figure. The dataset is frozen, so this is found once per dataset. */
interface FigureLinks {
  parts: ReadonlyMap<string, readonly Figure[]>
  itemised: ReadonlyMap<string, readonly Outcome[]>
}

const linksCache = new WeakMap<Dataset, FigureLinks>()

function figureLinks(d: Dataset): FigureLinks {
  const cached = linksCache.get(d)
  if (cached) return cached
  const parts = new Map<string, Figure[]>()
  for (const f of d.figures) if (f.partOf !== null) push(parts, f.partOf, f)
  const itemised = new Map<string, Outcome[]>()
  for (const o of d.outcomes) if (o.countedIn !== null) push(itemised, o.countedIn, o)
  const links = { parts, itemised }
  linksCache.set(d, links)
  return links
}

// The loader prunes rows whose references dangle, so the lookups below always hit; a row
// that somehow did not would have no source to cite, and is left out rather than shown bare.

function figureItem(d: Dataset, links: FigureLinks, f: Figure): FigureItem | null {
  const source = d.index.source[f.source]
  if (!source) return null
  const org = f.subject === null ? undefined : d.index.org[f.subject]
  const place = f.subject === null || org ? undefined : d.index.place[f.subject]
  return {
    figure: f,
    source,
    headline: isHeadlineFigure(f, d.index.figure),
    partOf: f.partOf === null ? null : (d.index.figure[f.partOf] ?? null),
    parts: links.parts.get(f.id) ?? [],
    itemised: links.itemised.get(f.id) ?? [],
    subjectName: (org ?? place)?.name ?? null,
    subjectKind: org ? 'org' : place ? 'place' : null,
  }
}

function outcomeItem(d: Dataset, o: Outcome): OutcomeItem | null {
  const event = d.index.event[o.event]
  const source = d.index.source[o.source]
  if (!event || !source) return null
  return {
    outcome: o,
    event,
    parties: o.parties.flatMap((p) => d.index.org[p] ?? []),
    sector: o.sector === null ? null : (d.index.sector[o.sector] ?? null),
    countedIn: o.countedIn === null ? null : (d.index.figure[o.countedIn] ?? null),
    source,
  }
}

function orgRole(d: Dataset, eo: EventOrg): OrgRole | null {
  const event = d.index.event[eo.event]
  const source = d.index.source[eo.source]
  if (!event || !source) return null
  return { event, role: eo.role, quote: eo.quote, source }
}

function nonNull<T>(x: T | null): x is T {
  return x !== null
}

export function eventDetail(d: Dataset, id: string): EventDetail | null {
  const event = d.index.event[id]
  if (!event) return null
  const links = figureLinks(d)
  const root = d.index.event[d.index.rootEvent[id] ?? id] ?? event
  const sessions: CoopEvent[] = []
  const series: CoopEvent[] = []
  for (const e of d.events) {
    if (e.parent === id) sessions.push(e)
    if (root.series !== '' && e.parent === null && e.series === root.series) series.push(e)
  }

  const byRole = new Map<Role, { org: Organization; quote: string; source: Source }[]>()
  const roleSources: Source[] = []
  const partners = new Set<string>()
  const isPartner = (org: Organization) => PARTNER_KINDS.has(org.kind)
  for (const eo of d.eventOrgs) {
    if (eo.event !== id) continue
    const org = d.index.org[eo.org]
    const source = d.index.source[eo.source]
    if (!org || !source) continue
    const list = byRole.get(eo.role) ?? []
    list.push({ org, quote: eo.quote, source })
    byRole.set(eo.role, list)
    roleSources.push(source)
    // As on the partner map: a guide or host lends its name, it does not take part.
    if (isPartner(org) && eo.role !== 'guide' && eo.role !== 'host') partners.add(org.id)
  }
  const roles = ROLES.flatMap((role) => {
    const entries = byRole.get(role)
    return entries ? [{ role, entries }] : []
  })

  const figures = d.figures
    .filter((f) => f.event === id)
    .map((f) => figureItem(d, links, f))
    .filter(nonNull)
  const outcomes = d.outcomes
    .filter((o) => o.event === id)
    .map((o) => outcomeItem(d, o))
    .filter(nonNull)
  for (const o of outcomes) for (const p of o.parties) if (isPartner(p)) partners.add(p.id)

  const eventSource = d.index.source[event.source]
  const sources = new Set<Source>([
    ...(eventSource ? [eventSource] : []),
    ...figures.map((f) => f.source),
    ...outcomes.map((o) => o.source),
    ...roleSources,
  ])

  return {
    event,
    place: d.index.place[event.place] ?? null,
    sector: event.sector === null ? null : (d.index.sector[event.sector] ?? null),
    parent: event.parent === null ? null : (d.index.event[event.parent] ?? null),
    sessions: sessions.sort(byDate),
    series: series.sort(byDate),
    roles,
    figures,
    outcomes,
    partners: [...partners],
    sources: [...sources],
  }
}

/** Parents, nearest first. The loader rejects cycles; the guard only keeps a bad input finite. */
function ancestorsOf(d: Dataset, org: Organization): Organization[] {
  const out: Organization[] = []
  const seen = new Set([org.id])
  for (let up = org.parent; up !== null && !seen.has(up);) {
    const parent = d.index.org[up]
    if (!parent) break
    seen.add(up)
    out.push(parent)
    up = parent.parent
  }
  return out
}

/** Every unit below `id`, at any depth. */
function descendantsOf(d: Dataset, id: string): Map<string, Organization> {
  const children = new Map<string, Organization[]>()
  for (const o of d.organizations) if (o.parent !== null) push(children, o.parent, o)
  const out = new Map<string, Organization>()
  const queue = [id]
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (child.id === id || out.has(child.id)) continue
      out.set(child.id, child)
      queue.push(child.id)
    }
  }
  return out
}

export function orgDetail(d: Dataset, id: string): OrgDetail | null {
  const org = d.index.org[id]
  if (!org) return null
  const ancestors = ancestorsOf(d, org)
  const descendants = descendantsOf(d, id)
  const members = [...descendants.values()].filter((o) => o.parent === id).sort(byName)
  const eventIds = new Set<string>()

  const roles: OrgRole[] = []
  const memberRoles: (OrgRole & { member: Organization })[] = []
  for (const eo of d.eventOrgs) {
    const member = descendants.get(eo.org)
    if (eo.org !== id && !member) continue
    const r = orgRole(d, eo)
    if (!r) continue
    eventIds.add(eo.event)
    if (member) memberRoles.push({ ...r, member })
    else roles.push(r)
  }
  // Stable sorts: rows of the same event keep their file order.
  const roleOrder = (a: OrgRole, b: OrgRole) => byDate(a.event, b.event)
  roles.sort(roleOrder)
  memberRoles.sort(roleOrder)

  const outcomes: (OutcomeItem & { via: Organization | null })[] = []
  for (const o of d.outcomes) {
    // The org itself wins over a member when both are parties: it is not there "via" anyone.
    const via = o.parties.includes(id)
      ? null
      : o.parties.map((p) => descendants.get(p)).find((m) => m !== undefined)
    if (via === undefined) continue
    const item = outcomeItem(d, o)
    if (!item) continue
    eventIds.add(o.event)
    outcomes.push({ ...item, via })
  }
  outcomes.sort((a, b) => byDate(a.event, b.event) || compareIds(a.outcome.id, b.outcome.id))

  // Co-parties from the same organisation tree are not partners: a school signing with its own
  // university is not cooperation between two parties.
  const own = new Set([id, ...descendants.keys(), ...ancestors.map((a) => a.id)])
  const shared = new Map<string, { org: Organization; outcomes: number }>()
  for (const o of outcomes) {
    for (const p of new Set(o.parties)) {
      if (own.has(p.id)) continue
      const entry = shared.get(p.id) ?? { org: p, outcomes: 0 }
      entry.outcomes += 1
      shared.set(p.id, entry)
    }
  }
  const partners = [...shared.values()].sort(
    (a, b) => b.outcomes - a.outcomes || byName(a.org, b.org),
  )

  const links = figureLinks(d)
  const subjectFigures = d.figures
    .filter((f) => f.subject === id)
    .map((f) => figureItem(d, links, f))
    .filter(nonNull)

  const events = [...eventIds]
    .flatMap((e) => d.index.event[e] ?? [])
    .sort(byDate)
    .map((e) => e.id)

  return {
    org,
    place: org.place === null ? null : (d.index.place[org.place] ?? null),
    ancestors,
    members,
    roles,
    memberRoles,
    outcomes,
    partners,
    subjectFigures,
    events,
  }
}
