import { filterEvents, type Filters } from '../../domain/filters'
import {
  PARTNER_KINDS,
  partnerParticipations,
  type Participation,
} from '../../domain/participation'
import type { Bilingual, Dataset, Organization } from '../../domain/types'

export type SankeyLayer = 0 | 1 | 2

export interface SankeyNode {
  /** Namespaced by layer (`org:csu`, `sector:new-materials`, `city:changsha`): never cyclic. */
  id: string
  layer: SankeyLayer
  /** Full name, for the tooltip. */
  name: Bilingual
  /** Short name, for the label. */
  label: Bilingual
  value: number
  /** Events (conferences and sessions) flowing through this node. */
  events: readonly string[]
  /** Organisations gathered in this node (a parent's units, or the `Other` group). */
  members: readonly Bilingual[]
  /** A sector's place in sectors.csv (else -1): its colour stays the same whatever the filter. */
  sectorIndex: number
}

export interface SankeyLink {
  source: string
  target: string
  value: number
  events: readonly string[]
  /** Reports behind the participations that flow through it. */
  sources: readonly string[]
}

export interface SankeyRows {
  nodes: readonly SankeyNode[]
  links: readonly SankeyLink[]
  /** Number of (organisation, event) participations: the total flow through every layer. */
  total: number
  /** Organisations folded into the `Other` node. */
  otherOrgs: number
  /** Names of the events behind the flows, for tooltips. */
  eventNames: Readonly<Record<string, Bilingual>>
  sources: readonly string[]
}

export interface SankeyOptions {
  /** Organisation nodes drawn; the rest are grouped as 其他高校/院所. */
  top: number
  /** Count a school or an institute under its university / academy (清华材料学院 → 清华大学). */
  groupByParent: boolean
}

export const OTHER_ORG = 'org:_other'
export const GENERAL_SECTOR = 'sector:_general'

const OTHER_NAME: Bilingual = { zh: '其他高校/院所', en: 'Other universities & institutes' }
const GENERAL_NAME: Bilingual = { zh: '综合', en: 'General' }

/** The highest ancestor that is still a university or an institute (宏观院 stays: 发改委 is not). */
function partnerRoot(d: Dataset, org: Organization): Organization {
  let top = org
  for (let p = org.parent ? d.index.org[org.parent] : undefined; p;) {
    if (!PARTNER_KINDS.has(p.kind)) break
    top = p
    p = p.parent ? d.index.org[p.parent] : undefined
  }
  return top
}

function shortName(org: Organization): Bilingual {
  return { zh: org.short || org.name.zh, en: org.name.en }
}

/** The sector an organisation worked in at an event: the session's, else its outcomes' own. */
function sectorOf(d: Dataset, p: Participation): string {
  const event = d.index.event[p.event]
  if (event?.sector) return event.sector
  const counts = new Map<string, number>()
  for (const o of p.outcomes) if (o.sector) counts.set(o.sector, (counts.get(o.sector) ?? 0) + 1)
  // Most outcomes wins; a tie goes to the sector listed first in sectors.csv.
  let best: string | null = null
  for (const s of d.sectors) {
    const n = counts.get(s.id) ?? 0
    if (n > 0 && (best === null || n > (counts.get(best) ?? 0))) best = s.id
  }
  return best ?? '_general'
}

interface Acc {
  value: number
  events: Set<string>
  sources: Set<string>
}

function add(map: Map<string, Acc>, key: string, event: string, sources: Iterable<string>) {
  const a = map.get(key) ?? { value: 0, events: new Set<string>(), sources: new Set<string>() }
  a.value += 1
  a.events.add(event)
  for (const s of sources) a.sources.add(s)
  map.set(key, a)
}

export function selectSankey(
  d: Dataset,
  filters: Filters,
  options: Partial<SankeyOptions> = {},
): SankeyRows {
  const top = Math.max(1, Math.floor(options.top ?? 12))
  const groupByParent = options.groupByParent ?? true
  const parts = partnerParticipations(d, filterEvents(d, filters), filters)

  const groupOf = (orgId: string) => {
    const org = d.index.org[orgId]!
    return groupByParent ? partnerRoot(d, org) : org
  }

  // Which organisations get a node of their own: most participations, then most outcomes.
  const stats = new Map<string, { value: number; outcomes: Set<string>; members: Set<string> }>()
  for (const p of parts) {
    const g = groupOf(p.org).id
    const s = stats.get(g) ?? { value: 0, outcomes: new Set<string>(), members: new Set<string>() }
    s.value += 1
    p.outcomes.forEach((o) => s.outcomes.add(o.id))
    s.members.add(p.org)
    stats.set(g, s)
  }
  const ranked = [...stats].sort(
    ([a, sa], [b, sb]) =>
      sb.value - sa.value || sb.outcomes.size - sa.outcomes.size || a.localeCompare(b),
  )
  // A lone leftover is drawn under its own name: "Other (1)" would hide it for nothing.
  const keep = new Set(ranked.slice(0, ranked.length === top + 1 ? top + 1 : top).map(([id]) => id))
  const orgNode = (orgId: string) => {
    const g = groupOf(orgId).id
    return keep.has(g) ? `org:${g}` : OTHER_ORG
  }

  const nodeAcc = new Map<string, Acc>()
  const orgSector = new Map<string, Acc>()
  const sectorCity = new Map<string, Acc>()
  const members = new Map<string, Set<string>>()
  const sources = new Set<string>()
  for (const p of parts) {
    const event = d.index.event[p.event]!
    const from = orgNode(p.org)
    const sector = `sector:${sectorOf(d, p)}`
    const city = `city:${event.place}`
    const reports = [event.source, ...p.sources]
    for (const n of [from, sector, city]) add(nodeAcc, n, p.event, reports)
    add(orgSector, `${from}\n${sector}`, p.event, reports)
    add(sectorCity, `${sector}\n${city}`, p.event, reports)
    const m = members.get(from) ?? new Set<string>()
    m.add(p.org)
    members.set(from, m)
    reports.forEach((s) => sources.add(s))
  }

  const nodes: SankeyNode[] = []
  for (const [id, acc] of nodeAcc) {
    const [ns, key = ''] = id.split(':') as [string, string]
    const layer: SankeyLayer = ns === 'org' ? 0 : ns === 'sector' ? 1 : 2
    let name: Bilingual
    let label: Bilingual
    if (id === OTHER_ORG) name = label = OTHER_NAME
    else if (id === GENERAL_SECTOR) name = label = GENERAL_NAME
    else if (layer === 0) {
      const org = d.index.org[key]!
      name = org.name
      label = shortName(org)
    } else if (layer === 1) name = label = d.index.sector[key]?.name ?? { zh: key, en: key }
    else name = label = d.index.place[key]?.name ?? { zh: key, en: key }
    const memberIds = [...(members.get(id) ?? [])].sort()
    nodes.push({
      id,
      layer,
      name,
      label,
      value: acc.value,
      events: [...acc.events].sort(),
      sectorIndex: layer === 1 ? d.sectors.findIndex((x) => x.id === key) : -1,
      // A node that is just the organisation itself has no members worth listing.
      members:
        memberIds.length === 1 && memberIds[0] === key
          ? []
          : memberIds.map((m) => d.index.org[m]!.name),
    })
  }
  // Organisations biggest first, the catch-all last, where a reader looks for it. Each later
  // layer is ordered by where its flows come from (the barycentre heuristic), which keeps the
  // crossings few while the layout itself keeps this order (layoutIterations: 0 in build).
  const links: SankeyLink[] = [...orgSector, ...sectorCity].map(([key, acc]) => {
    const [source = '', target = ''] = key.split('\n')
    return {
      source,
      target,
      value: acc.value,
      events: [...acc.events].sort(),
      sources: [...acc.sources].sort(),
    }
  })
  const rank = new Map<string, number>()
  const orgs = nodes
    .filter((n) => n.layer === 0)
    .sort(
      (a, b) =>
        Number(a.id === OTHER_ORG) - Number(b.id === OTHER_ORG) ||
        b.value - a.value ||
        a.id.localeCompare(b.id),
    )
  orgs.forEach((n, i) => rank.set(n.id, i))
  const ordered = [...orgs]
  for (const layer of [1, 2] as const) {
    const centre = (n: SankeyNode) => {
      const incoming = links.filter((k) => k.target === n.id)
      const weight = incoming.reduce((s, k) => s + k.value, 0)
      return incoming.reduce((s, k) => s + rank.get(k.source)! * k.value, 0) / (weight || 1)
    }
    const inLayer = nodes
      .filter((n) => n.layer === layer)
      .map((n) => ({ n, c: centre(n) }))
      .sort((a, b) => a.c - b.c || b.n.value - a.n.value || a.n.id.localeCompare(b.n.id))
      .map(({ n }) => n)
    inLayer.forEach((n, i) => rank.set(n.id, i))
    ordered.push(...inLayer)
  }
  const order = new Map(ordered.map((n, i) => [n.id, i]))
  links.sort(
    (a, b) =>
      order.get(a.source)! - order.get(b.source)! || order.get(a.target)! - order.get(b.target)!,
  )
  return {
    nodes: ordered,
    links,
    total: parts.length,
    otherOrgs: members.get(OTHER_ORG)?.size ?? 0,
    eventNames: Object.fromEntries(
      [...new Set(parts.map((p) => p.event))].map((id) => [id, d.index.event[id]!.name]),
    ),
    sources: [...sources].sort(),
  }
}
