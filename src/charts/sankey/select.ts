import { filterEvents, type Filters } from '../../domain/filters'
import { orgByNumber, orgLocaleRanks, orgNumbers, perDataset } from '../../domain/lookups'
import {
  PARTNER_KINDS,
  partnerParticipationsByEvent,
  type EventParticipations,
  type Participation,
} from '../../domain/participation'
import type { Bilingual, CoopEvent, Dataset, Organization, Outcome } from '../../domain/types'

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
  /**
   * What this node gathers: a parent's units, or in an `Other` node the organisations, sectors or
   * cities it stands for (sectors and cities biggest first).
   */
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
  /** Sectors folded into 其他领域 (综合 never is: it is no sector). */
  otherSectors: number
  /** Event cities folded into 其他城市. */
  otherCities: number
  /** Names of the events behind the flows, for tooltips. */
  eventNames: Readonly<Record<string, Bilingual>>
  sources: readonly string[]
}

export interface SankeyOptions {
  /** Organisation nodes drawn; the rest are grouped as 其他高校/院所. */
  top: number
  /** Sector nodes drawn besides 综合; the rest are grouped as 其他领域. */
  topSectors: number
  /** Event city nodes drawn; the rest are grouped as 其他城市. */
  topCities: number
  /** Count a school or an institute under its university / academy (清华材料学院 → 清华大学). */
  groupByParent: boolean
}

export const OTHER_ORG = 'org:_other'
export const GENERAL_SECTOR = 'sector:_general'
export const OTHER_SECTOR = 'sector:_other'
export const OTHER_CITY = 'city:_other'

/**
 * Sector and city nodes drawn by default. A large snapshot has dozens of event cities, whose
 * labels cannot all stand in one column of the panel; a few more sectors than the data's usual
 * ten would crowd the middle one the same way.
 */
export const TOP_SECTORS = 10
export const TOP_CITIES = 12

const OTHER_NAME: Bilingual = { zh: '其他高校/院所', en: 'Other universities & institutes' }
const GENERAL_NAME: Bilingual = { zh: '综合', en: 'General' }
const OTHER_SECTOR_NAME: Bilingual = { zh: '其他领域', en: 'Other sectors' }
const OTHER_CITY_NAME: Bilingual = { zh: '其他城市', en: 'Other cities' }

/** Ids that are no one sector, city or organisation (ids in the data never start with `_`). */
export const CATCH_ALL: ReadonlySet<string> = new Set([
  OTHER_ORG,
  GENERAL_SECTOR,
  OTHER_SECTOR,
  OTHER_CITY,
])

/**
 * Each node id's node: itself among the `top` with most participations (ties by id), else
 * `other`. A lone leftover keeps its own node, as "Other (1)" would hide it for nothing; `keep`
 * (综合) is always drawn and not counted.
 */
export function foldLayer(
  values: ReadonlyMap<string, number>,
  top: number,
  other: string,
  keep?: string,
): Map<string, string> {
  const ids = [...values.keys()]
    .filter((id) => id !== keep)
    .sort((a, b) => values.get(b)! - values.get(a)! || (a < b ? -1 : a > b ? 1 : 0))
  const kept = ids.length === top + 1 ? ids.length : top
  return new Map([
    ...ids.map((id, i) => [id, i < kept ? id : other] as const),
    ...(keep !== undefined && values.has(keep) ? [[keep, keep] as const] : []),
  ])
}

/** The keys (`new-materials`, not `sector:new-materials`) folded into `other`, biggest first. */
function folds(
  nodeOf: ReadonlyMap<string, string>,
  values: ReadonlyMap<string, number>,
  other: string,
): string[] {
  return [...nodeOf]
    .filter(([id, node]) => node === other && id !== other)
    .map(([id]) => id)
    .sort((a, b) => values.get(b)! - values.get(a)! || (a < b ? -1 : a > b ? 1 : 0))
    .map((id) => id.slice(id.indexOf(':') + 1))
}

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

/**
 * The sector an organisation worked in at an event: the session's, else the one most of its
 * outcomes there have; a tie goes to the sector listed first in sectors.csv.
 */
function sectorPicker(d: Dataset): (event: CoopEvent, p: Participation) => string {
  const index = new Map(d.sectors.map((s, i) => [s.id, i]))
  const counts = new Int32Array(d.sectors.length)
  return (event, p) => {
    if (event.sector) return event.sector
    let best = -1
    for (const o of p.outcomes) {
      const k = o.sector === null ? undefined : index.get(o.sector)
      if (k === undefined) continue
      const n = ++counts[k]!
      if (best < 0 || n > counts[best]! || (n === counts[best] && k < best)) best = k
    }
    for (const o of p.outcomes) {
      const k = o.sector === null ? undefined : index.get(o.sector)
      if (k !== undefined) counts[k] = 0
    }
    return best < 0 ? '_general' : d.sectors[best]!.id
  }
}

/** Each organisation's group by number: its partner root, or itself (`groupByParent`). */
const groupTables = perDataset((d) => {
  const orgs = orgByNumber(d)
  const number = orgNumbers(d)
  let grouped: Int32Array | null = null
  return (groupByParent: boolean): ((org: number) => number) => {
    if (!groupByParent) return (k) => k
    const table = (grouped ??= Int32Array.from(orgs, (o) => number(partnerRoot(d, o).id)))
    return (k) => table[k]!
  }
})

/**
 * What the Sankey takes from one event's participations, worked out once for shared ones (see
 * partnerParticipationsByEvent): each one's sector node, and how many outcomes it adds to its
 * group's. Outcomes of different events are different outcomes, so only members of one group
 * at the same event can share one.
 */
const sectorCache = perDataset(() => new WeakMap<EventParticipations, readonly string[]>())
const groupedCache = perDataset(() => new WeakMap<EventParticipations, Int32Array>())

function sectorsAt(
  d: Dataset,
  e: EventParticipations,
  sectorOf: (event: CoopEvent, p: Participation) => string,
): readonly string[] {
  const cache = sectorCache(d)
  let sectors = cache.get(e)
  if (!sectors) {
    const node = sectorNodes(d)
    const own = e.event.sector && node(e.event.sector)
    sectors = e.parts.map((p) => own || node(sectorOf(e.event, p)))
    cache.set(e, sectors)
  }
  return sectors
}

/** A sector's node id: one string for each sector. */
const sectorNodes = perDataset(() => {
  const ids = new Map<string, string>()
  return (sector: string) => ids.get(sector) ?? ids.set(sector, `sector:${sector}`).get(sector)!
})

function newOutcomesAt(
  d: Dataset,
  e: EventParticipations,
  groupOf: ((org: number) => number) | null,
): Int32Array {
  if (!groupOf) return e.distinct
  const cache = groupedCache(d)
  let added = cache.get(e)
  if (!added) {
    const groups = Array.from(e.orgs, groupOf)
    const once = new Set<number>()
    const shared = new Set<number>()
    for (const g of groups) (once.has(g) ? shared : once).add(g)
    const seen = new Map<number, Set<Outcome>>()
    added = Int32Array.from(e.parts, (p, i) => {
      const g = groups[i]!
      if (!shared.has(g)) return e.distinct[i]!
      const set = seen.get(g) ?? seen.set(g, new Set()).get(g)!
      const before = set.size
      for (const o of p.outcomes) set.add(o)
      return set.size - before
    })
    cache.set(e, added)
  }
  return added
}

/**
 * A node's or a link's flow. Participations come event by event, so an event is new to an
 * accumulator exactly when it differs from the last one it saw; and most share one frozen list
 * of reports, so a list seen just before need not be looked through again.
 */
class Acc {
  value = 0
  readonly events: string[] = []
  readonly sources = new Set<string>()
  private lastSources: readonly string[] | null = null

  add(event: CoopEvent, sources: readonly string[]): void {
    this.value += 1
    if (this.events[this.events.length - 1] !== event.id) {
      this.events.push(event.id)
      this.sources.add(event.source)
    }
    if (sources === this.lastSources) return
    for (const s of sources) this.sources.add(s)
    this.lastSources = sources
  }
}

function accOf<K>(map: Map<K, Acc>, key: K): Acc {
  let a = map.get(key)
  if (!a) {
    a = new Acc()
    map.set(key, a)
  }
  return a
}

function linkAcc(links: Map<string, Map<string, Acc>>, source: string, target: string): Acc {
  let targets = links.get(source)
  if (!targets) {
    targets = new Map()
    links.set(source, targets)
  }
  return accOf(targets, target)
}

export function selectSankey(
  d: Dataset,
  filters: Filters,
  options: Partial<SankeyOptions> = {},
): SankeyRows {
  const top = Math.max(1, Math.floor(options.top ?? 12))
  const topSectors = Math.max(1, Math.floor(options.topSectors ?? TOP_SECTORS))
  const topCities = Math.max(1, Math.floor(options.topCities ?? TOP_CITIES))
  const groupByParent = options.groupByParent ?? true
  const byEvent = partnerParticipationsByEvent(d, filterEvents(d, filters), filters)
  const byNumber = orgByNumber(d)
  const groupOf = groupTables(d)(groupByParent)
  const sectorOf = sectorPicker(d)
  const sectorsOf = byEvent.map((e) => sectorsAt(d, e, sectorOf))
  const addedOf = byEvent.map((e) => newOutcomesAt(d, e, groupByParent ? groupOf : null))
  const n = byNumber.length

  // Which organisations get a node of their own: most participations, then most outcomes.
  const value = new Int32Array(n)
  const outcomes = new Int32Array(n)
  const groups: number[] = [] // first seen first, where a stable sort leaves ties
  byEvent.forEach((e, k) => {
    const added = addedOf[k]!
    e.orgs.forEach((org, i) => {
      const g = groupOf(org)
      if (value[g] === 0) groups.push(g)
      value[g] = value[g]! + 1
      outcomes[g] = outcomes[g]! + added[i]!
    })
  })
  // Ties by id, as `a.localeCompare(b)` orders them.
  const ranks = orgLocaleRanks(d)
  groups.sort(
    (a, b) => value[b]! - value[a]! || outcomes[b]! - outcomes[a]! || ranks[a]! - ranks[b]!,
  )
  // A lone leftover is drawn under its own name: "Other (1)" would hide it for nothing.
  const kept = groups.slice(0, groups.length === top + 1 ? top + 1 : top)
  const nodeOfGroup = new Map(kept.map((g) => [g, `org:${byNumber[g]!.id}`]))
  const fromOf = (org: number) => nodeOfGroup.get(groupOf(org)) ?? OTHER_ORG

  // Sectors and cities beyond their top fold into their layer's Other, by participations.
  const sectorValue = new Map<string, number>()
  const cityValue = new Map<string, number>()
  const cityOf = (e: EventParticipations) => `city:${e.event.place}`
  byEvent.forEach((e, k) => {
    const city = cityOf(e)
    cityValue.set(city, (cityValue.get(city) ?? 0) + e.parts.length)
    for (const s of sectorsOf[k]!) sectorValue.set(s, (sectorValue.get(s) ?? 0) + 1)
  })
  const sectorNode = foldLayer(sectorValue, topSectors, OTHER_SECTOR, GENERAL_SECTOR)
  const cityNode = foldLayer(cityValue, topCities, OTHER_CITY)

  const nodeAcc = new Map<string, Acc>()
  // Links by source, then target: two lookups instead of a joined key per participation.
  const orgSector = new Map<string, Map<string, Acc>>()
  const sectorCity = new Map<string, Map<string, Acc>>()
  const member = new Uint8Array(n)
  let total = 0
  byEvent.forEach((e, k) => {
    const city = cityNode.get(cityOf(e))!
    const cityAcc = accOf(nodeAcc, city)
    const sectors = sectorsOf[k]!
    // Neighbours mostly flow the same way (the catch-all, the session's sector): the
    // accumulators of the last flow are kept at hand.
    let from = ''
    let sector = ''
    let accs: Acc[] = []
    e.parts.forEach((p, i) => {
      const org = e.orgs[i]!
      member[org] = 1
      const f = fromOf(org)
      const s = sectorNode.get(sectors[i]!)!
      if (f !== from || s !== sector) {
        from = f
        sector = s
        accs = [
          accOf(nodeAcc, from),
          accOf(nodeAcc, sector),
          linkAcc(orgSector, from, sector),
          linkAcc(sectorCity, sector, city),
        ]
      }
      for (const acc of accs) acc.add(e.event, p.sources)
      cityAcc.add(e.event, p.sources)
    })
    total += e.parts.length
  })
  // The organisations of each organisation node, by id.
  const members = new Map<string, string[]>()
  member.forEach((yes, org) => {
    if (!yes) return
    const from = fromOf(org)
    const list = members.get(from) ?? members.set(from, []).get(from)!
    list.push(byNumber[org]!.id)
  })
  // Every report reaches an organisation node: theirs together are all of them.
  const sources = new Set<string>()
  for (const [id, acc] of nodeAcc)
    if (id.startsWith('org:')) acc.sources.forEach((s) => sources.add(s))

  const nodes: SankeyNode[] = []
  for (const [id, acc] of nodeAcc) {
    const [ns, key = ''] = id.split(':') as [string, string]
    const layer: SankeyLayer = ns === 'org' ? 0 : ns === 'sector' ? 1 : 2
    let name: Bilingual
    let label: Bilingual
    if (id === OTHER_ORG) name = label = OTHER_NAME
    else if (id === GENERAL_SECTOR) name = label = GENERAL_NAME
    else if (id === OTHER_SECTOR) name = label = OTHER_SECTOR_NAME
    else if (id === OTHER_CITY) name = label = OTHER_CITY_NAME
    else if (layer === 0) {
      const org = d.index.org[key]!
      name = org.name
      label = shortName(org)
    } else if (layer === 1) name = label = d.index.sector[key]?.name ?? { zh: key, en: key }
    else name = label = d.index.place[key]?.name ?? { zh: key, en: key }
    const memberIds = (members.get(id) ?? []).sort()
    const folded =
      id === OTHER_SECTOR
        ? folds(sectorNode, sectorValue, id).map((s) => d.index.sector[s]?.name ?? { zh: s, en: s })
        : id === OTHER_CITY
          ? folds(cityNode, cityValue, id).map((c) => d.index.place[c]?.name ?? { zh: c, en: c })
          : null
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
        folded ??
        (memberIds.length === 1 && memberIds[0] === key
          ? []
          : memberIds.map((m) => d.index.org[m]!.name)),
    })
  }
  // Organisations biggest first, the catch-all last, where a reader looks for it. Each later
  // layer is ordered by where its flows come from (the barycentre heuristic), which keeps the
  // crossings few while the layout itself keeps this order (layoutIterations: 0 in build); its
  // Other last too.
  const links: SankeyLink[] = []
  for (const byTarget of [orgSector, sectorCity]) {
    for (const [source, targets] of byTarget) {
      for (const [target, acc] of targets) {
        links.push({
          source,
          target,
          value: acc.value,
          events: [...acc.events].sort(),
          sources: [...acc.sources].sort(),
        })
      }
    }
  }
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
  const last = (n: SankeyNode) => Number(n.id === OTHER_SECTOR || n.id === OTHER_CITY)
  for (const layer of [1, 2] as const) {
    const centre = (n: SankeyNode) => {
      const incoming = links.filter((k) => k.target === n.id)
      const weight = incoming.reduce((s, k) => s + k.value, 0)
      return incoming.reduce((s, k) => s + rank.get(k.source)! * k.value, 0) / (weight || 1)
    }
    const inLayer = nodes
      .filter((n) => n.layer === layer)
      .map((n) => ({ n, c: centre(n) }))
      .sort(
        (a, b) =>
          last(a.n) - last(b.n) ||
          a.c - b.c ||
          b.n.value - a.n.value ||
          a.n.id.localeCompare(b.n.id),
      )
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
    total,
    otherOrgs: members.get(OTHER_ORG)?.length ?? 0,
    otherSectors: folds(sectorNode, sectorValue, OTHER_SECTOR).length,
    otherCities: folds(cityNode, cityValue, OTHER_CITY).length,
    eventNames: Object.fromEntries(byEvent.map((e) => [e.event.id, e.event.name])),
    sources: [...sources].sort(),
  }
}
