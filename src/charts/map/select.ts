import { reportedTotal } from '../../domain/aggregate'
import { filterEvents, type Filters } from '../../domain/filters'
import { orgByNumber, perDataset } from '../../domain/lookups'
import { partnerParticipationsByEvent, type EventParticipations } from '../../domain/participation'
import { tallyOutcomes } from '../../domain/tally'
import type { Total } from '../../domain/qualifier'
import type { Bilingual, Dataset, Organization } from '../../domain/types'
import type { MetricId } from '../../domain/vocab'
import { provinceMapName, provincePrefix, provinceRegions, regionOfAdcode } from './province'

/** A city where events took place. */
export interface MapPoint {
  place: string
  name: Bilingual
  province: string
  lng: number
  lat: number
  /** Every event there, by id (focus and counts need them all). */
  events: readonly string[]
  /** The names of the first NAMES_CARRIED of `events`, for the tooltip (it lists no more). */
  eventNames: readonly Bilingual[]
  outcomes: number
  /** The sizing quantity: itemised outcomes, or an honest total of one metric. */
  size: number
  total: Total | null
  /** Reports behind its events, outcomes and total. */
  sources: readonly string[]
}

/** Partners from one city coming to events in another. */
export interface MapFlow {
  from: string
  to: string
  fromName: Bilingual
  toName: Bilingual
  coords: readonly [readonly [number, number], readonly [number, number]]
  /** The first NAMES_CARRIED partners by id, for the tooltip. */
  orgs: readonly Bilingual[]
  /** Every partner organisation on this line: its strength. */
  orgCount: number
}

/** A region of a province map (a city, or a district of a municipality) with its events. */
export interface MapRegion {
  /** The map feature's id (430100), null when the map file gives none. */
  adcode: string | null
  /** As the map names it (长沙市). */
  name: string
  /** Conferences with at least one session there (a conference counts once). */
  events: number
  /** The snapshot's places in the region by adcode: the city's own first (430200 < 430203). */
  places: readonly string[]
}

/** Partners from a city outside the drilled-into province, coming to an event city in it. */
export interface MapOutsideOrigin {
  place: string
  name: Bilingual
  province: string
  /** The event city (place id) they come to. */
  to: string
  /** The first NAMES_CARRIED partners by id. */
  orgs: readonly Bilingual[]
  orgCount: number
}

export interface MapRows {
  /** The map drawn: null = China by province; else one province by city (`province:43`). */
  level: { province: string; map: string } | null
  points: readonly MapPoint[]
  /**
   * Drawn as lines: the strongest MAX_FLOWS (most partner organisations), in from/to order. In a
   * province, only partners from inside it (the rest are outsideOrigins).
   */
  flows: readonly MapFlow[]
  /** How many lines there are in all, drawn or not: `flows` is "the strongest N of M". */
  flowsTotal: number
  /** Partner cities that send the drawn flows, drawn as small dots. */
  origins: readonly { place: string; name: Bilingual; lng: number; lat: number }[]
  provinces: readonly { name: string; events: number }[]
  /** The regions of the province map, in map file order; empty at China level. */
  regions: readonly MapRegion[]
  /** In a province: partners from elsewhere, kept as data (tooltips), not drawn; else empty. */
  outsideOrigins: readonly MapOutsideOrigin[]
  sizeBy: 'outcomes' | MetricId
  sources: readonly string[]
  /** [[west, north], [east, south]] to zoom to a featured province, or null for all China. */
  bounds: readonly [readonly [number, number], readonly [number, number]] | null
}

export interface MapOptions {
  sizeBy: 'outcomes' | MetricId
  /** Zooms the map to this province (short name, as on the map) so short flows show. */
  featuredProvince: string
  /**
   * Drill down (explore): with a province filter, draw that province by city instead of China.
   * The view fetches its map first (`ensureProvinceMap`).
   */
  drill: boolean
  /** The most lines drawn (MAX_FLOWS unless a test asks for fewer). */
  maxFlows: number
}

/**
 * Lines drawn at most. Beyond a couple of hundred the map is a solid web that says nothing, and
 * ECharts lays each one out on the page's thread (1,560 took most of a second): the strongest are
 * drawn, and the chart says how many there are in all.
 */
export const MAX_FLOWS = 150

/**
 * Names carried per city or line. Tooltips list this many and then the count; the rows go from
 * the loader's worker to the page, and a large snapshot's full lists were megabytes of names.
 */
export const NAMES_CARRIED = 8

/** The smallest view of a featured province, in degrees, so a lone city has context. */
const MIN_SPAN = { lng: 9, lat: 8.5 }

function provinceBounds(d: Dataset, province: string): MapRows['bounds'] {
  const places = d.places.filter((p) => p.province === province)
  if (places.length === 0) return null
  const lngs = places.map((p) => p.lng)
  const lats = places.map((p) => p.lat)
  const pad = (lo: number, hi: number, min: number) => {
    const half = Math.max(min, hi - lo + 1) / 2
    const mid = (lo + hi) / 2
    return [mid - half, mid + half] as const
  }
  const [west, east] = pad(Math.min(...lngs), Math.max(...lngs), MIN_SPAN.lng)
  const [south, north] = pad(Math.min(...lats), Math.max(...lats), MIN_SPAN.lat)
  return [
    [west, north],
    [east, south],
  ]
}

/**
 * The `max` flows with most partner organisations, a tie going to the one earlier in the list,
 * kept in list order: the order the lines are drawn in and addressed by (focus).
 */
export function strongest<F extends { orgCount: number }>(flows: readonly F[], max: number): F[] {
  if (flows.length <= max) return [...flows]
  const keep = flows
    .map((f, i) => i)
    .sort((a, b) => flows[b]!.orgCount - flows[a]!.orgCount || a - b)
    .slice(0, max)
    .sort((a, b) => a - b)
  return keep.map((i) => flows[i]!)
}

/** Organisations by number: the rank of each one's id in code-unit order. */
const idOrder = perDataset((d) => {
  const ids = orgByNumber(d).map((o) => o.id)
  const rank = new Int32Array(ids.length)
  ids
    .map((_, k) => k)
    .sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0))
    .forEach((k, r) => (rank[k] = r))
  return rank
})

function homePlace(d: Dataset, org: Organization): string | null {
  for (let o: Organization | undefined = org; o; o = o.parent ? d.index.org[o.parent] : undefined) {
    if (o.place) return o.place
  }
  return null
}

/** The province's map regions with their events, and the snapshot's places in each. */
function selectRegions(
  d: Dataset,
  province: string,
  events: readonly { id: string; place: string }[],
): MapRegion[] {
  const regions = provinceRegions(province)
  const places = new Map<string, { id: string; adcode: string }[]>()
  for (const p of d.places) {
    if (p.province !== province) continue
    const r = regionOfAdcode(regions, p.adcode)
    if (r) places.set(r.name, [...(places.get(r.name) ?? []), p])
  }
  const roots = new Map<string, Set<string>>()
  for (const e of events) {
    const place = d.index.place[e.place]
    const r = place?.province === province ? regionOfAdcode(regions, place.adcode) : undefined
    if (!r) continue
    roots.set(r.name, (roots.get(r.name) ?? new Set<string>()).add(d.index.rootEvent[e.id]!))
  }
  return regions.map((r) => ({
    adcode: r.adcode,
    name: r.name,
    events: roots.get(r.name)?.size ?? 0,
    places: (places.get(r.name) ?? [])
      .sort((a, b) => a.adcode.localeCompare(b.adcode) || a.id.localeCompare(b.id))
      .map((p) => p.id),
  }))
}

export function selectMap(
  d: Dataset,
  filters: Filters,
  options: Partial<MapOptions> = {},
): MapRows {
  const sizeBy = options.sizeBy ?? 'outcomes'
  const province =
    options.drill && filters.province && provincePrefix(filters.province) ? filters.province : null
  const level = province ? { province, map: provinceMapName(province) } : null
  const eventIds = filterEvents(d, filters)
  const events = d.events.filter((e) => eventIds.has(e.id))
  const sources = new Set<string>()

  const byPlace = new Map<string, string[]>()
  for (const e of events) {
    const ids = byPlace.get(e.place)
    if (ids) ids.push(e.id)
    else byPlace.set(e.place, [e.id])
    sources.add(e.source)
  }
  // The matching outcomes of every city at once, rather than a pass over them per city.
  const tally = tallyOutcomes(d, filters, eventIds, (e) => d.index.event[e]?.place)
  const points: MapPoint[] = []
  for (const [placeId, ids] of byPlace) {
    const place = d.index.place[placeId]
    if (!place) continue
    const idSet = new Set(ids)
    const here = tally.get(placeId)
    const reported = sizeBy === 'outcomes' ? null : reportedTotal(d, sizeBy, idSet)
    const total = reported?.total ?? null
    const outcomes = here?.outcomes ?? 0
    points.push({
      place: placeId,
      name: place.name,
      province: place.province,
      lng: place.lng,
      lat: place.lat,
      events: ids,
      eventNames: ids.slice(0, NAMES_CARRIED).map((id) => d.index.event[id]!.name),
      outcomes,
      size: sizeBy === 'outcomes' ? outcomes : (total?.value ?? 0),
      total,
      sources: [
        ...new Set([
          ...ids.map((id) => d.index.event[id]!.source),
          ...(here?.sources ?? []),
          ...(reported?.figures.map((f) => f.source) ?? []),
        ]),
      ].sort(),
    })
  }
  points.sort((a, b) => b.size - a.size || a.place.localeCompare(b.place))

  // Partner universities and institutes, grouped by the city of the event they came to: events
  // city by city, an organisation is new to a city when it was last seen at another.
  const orgs = orgByNumber(d)
  const byCity = new Map<string, EventParticipations[]>()
  for (const e of partnerParticipationsByEvent(d, eventIds, filters)) {
    const list = byCity.get(e.event.place) ?? byCity.set(e.event.place, []).get(e.event.place)!
    list.push(e)
  }
  const lastCity = new Int32Array(orgs.length).fill(-1)
  const rank = idOrder(d)
  const homes = new Map<number, string | null>()
  type Flow = { from: string; to: string; orgs: Bilingual[]; orgCount: number }
  const flowMap = new Map<string, Map<string, Flow>>()
  let c = 0
  for (const [to, events] of byCity) {
    const here: number[] = []
    for (const e of events) {
      for (const k of e.orgs) {
        if (lastCity[k] === c) continue
        lastCity[k] = c
        here.push(k)
      }
    }
    c++
    // By id, as [...ids].sort() orders them.
    here.sort((a, b) => rank[a]! - rank[b]!)
    const flowsTo = new Map<string, Flow>()
    flowMap.set(to, flowsTo)
    for (const k of here) {
      const org = orgs[k]!
      let from = homes.get(k)
      if (from === undefined) {
        from = homePlace(d, org)
        homes.set(k, from)
      }
      if (!from || from === to) continue
      const flow =
        flowsTo.get(from) ?? flowsTo.set(from, { from, to, orgs: [], orgCount: 0 }).get(from)!
      if (flow.orgCount++ < NAMES_CARRIED) flow.orgs.push(org.name)
    }
  }
  const drawable: MapFlow[] = []
  const outsideOrigins: MapOutsideOrigin[] = []
  const all = [...flowMap.values()].flatMap((flowsTo) => [...flowsTo.values()])
  for (const f of all.sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to))) {
    const a = d.index.place[f.from]
    const b = d.index.place[f.to]
    if (!a || !b) continue
    // A line from Beijing would cross the whole province panel: listed, not drawn.
    if (province && a.province !== province) {
      outsideOrigins.push({
        place: f.from,
        name: a.name,
        province: a.province,
        to: f.to,
        orgs: f.orgs,
        orgCount: f.orgCount,
      })
      continue
    }
    drawable.push({
      ...f,
      fromName: a.name,
      toName: b.name,
      coords: [
        [a.lng, a.lat],
        [b.lng, b.lat],
      ],
    })
  }
  const flows = strongest(drawable, Math.max(1, Math.floor(options.maxFlows ?? MAX_FLOWS)))
  const origins = new Map<string, MapRows['origins'][number]>()
  for (const f of flows) {
    if (byPlace.has(f.from) || origins.has(f.from)) continue
    const a = d.index.place[f.from]!
    origins.set(f.from, { place: f.from, name: a.name, lng: a.lng, lat: a.lat })
  }

  const provinceEvents = new Map<string, Set<string>>()
  for (const e of events) {
    const province = d.index.place[e.place]?.province
    if (!province) continue
    const set = provinceEvents.get(province) ?? new Set<string>()
    set.add(d.index.rootEvent[e.id]!)
    provinceEvents.set(province, set)
  }
  const provinces = [...provinceEvents].map(([name, s]) => ({ name, events: s.size }))
  provinces.sort((a, b) => b.events - a.events || a.name.localeCompare(b.name))

  return {
    level,
    points,
    flows,
    flowsTotal: drawable.length,
    origins: [...origins.values()],
    provinces,
    regions: province ? selectRegions(d, province, events) : [],
    outsideOrigins,
    sizeBy,
    sources: [...sources].sort(),
    bounds: !level && options.featuredProvince ? provinceBounds(d, options.featuredProvince) : null,
  }
}
