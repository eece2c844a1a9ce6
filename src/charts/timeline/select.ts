import { compareDates } from '../../domain/dates'
import { filterEvents, type Filters } from '../../domain/filters'
import { tallyOutcomes } from '../../domain/tally'
import type { Bilingual, Dataset, DateValue } from '../../domain/types'

/** One conference on the time axis, with its sessions folded in. */
export interface TimelinePoint {
  id: string
  name: Bilingual
  /** A shorter name for the label under the point. */
  label: Bilingual
  start: DateValue
  end: DateValue | null
  /** Where the point sits, in ms since the epoch (UTC). A month-only date sits mid-month. */
  time: number
  city: Bilingual
  /** Sessions of this conference that pass the filters. */
  sessions: number
  /** Itemised outcomes of the conference and those sessions. */
  outcomes: number
  /** Ids of the conference and its sessions that pass the filters (for focus). */
  events: readonly string[]
  /** Reports behind the conference, its sessions and its outcomes. */
  sources: readonly string[]
}

export interface TimelineRows {
  /** In date order: a month-only date before the days of that month, then by id. */
  points: readonly TimelinePoint[]
  sources: readonly string[]
}

/**
 * Where a date sits on a time axis. A month-only date (the article said 近日) goes to the middle
 * of its month, so it is not read as the 1st; its label still shows the month alone.
 */
export function datePosition(date: DateValue): number {
  if (date.precision === 'day') return Date.UTC(date.year, date.month - 1, date.day ?? 1)
  return (Date.UTC(date.year, date.month - 1, 1) + Date.UTC(date.year, date.month, 1)) / 2
}

/** `近日`, `2024年第63届…`: the common prefixes that say nothing on a timeline label. */
const ZH_PREFIX = /^(\d{4}年?)?([(（]第[^)）]*[)）])?/
const EN_PREFIX = /^\d{4}\s+/

function shortLabel(name: Bilingual): Bilingual {
  // A joint title (A暨B, in English A and B) is known by its first half.
  const joint = name.zh.includes('暨')
  const zh = (name.zh.split('暨')[0] ?? name.zh).replace(ZH_PREFIX, '') || name.zh
  const en = (joint ? name.en.split(' and ')[0] : name.en)?.replace(EN_PREFIX, '') || name.en
  return { zh, en }
}

export function selectTimeline(d: Dataset, filters: Filters): TimelineRows {
  const eventIds = filterEvents(d, filters)
  const members = new Map<string, string[]>()
  for (const e of d.events) {
    if (!eventIds.has(e.id)) continue
    const root = d.index.rootEvent[e.id] ?? e.id
    const ids = members.get(root)
    if (ids) ids.push(e.id)
    else members.set(root, [e.id])
  }
  // The matching outcomes of every conference (with its sessions) at once, not one at a time.
  const tally = tallyOutcomes(d, filters, eventIds, (e) => d.index.rootEvent[e] ?? e)
  const sources = new Set<string>()
  const points: TimelinePoint[] = []
  for (const [root, ids] of members) {
    const e = d.index.event[root]
    if (!e) continue
    const here = tally.get(root)
    const own = new Set([...ids.map((id) => d.index.event[id]!.source), ...(here?.sources ?? [])])
    own.forEach((s) => sources.add(s))
    points.push({
      id: root,
      name: e.name,
      label: shortLabel(e.name),
      start: e.start,
      end: e.end,
      time: datePosition(e.start),
      city: d.index.place[e.place]?.name ?? { zh: e.place, en: e.place },
      sessions: ids.filter((id) => id !== root).length,
      outcomes: here?.outcomes ?? 0,
      events: [...ids].sort(),
      sources: [...own].sort(),
    })
  }
  points.sort((a, b) => compareDates(a.start, b.start) || a.id.localeCompare(b.id))
  return { points, sources: [...sources].sort() }
}

/** Conference ids in date order: the sequence of the timeline's play mode. */
export function timelineOrder(rows: TimelineRows): string[] {
  return rows.points.map((p) => p.id)
}
