import type { Amount } from '../../domain/amount'
import type { Filters } from '../../domain/filters'
import type { Bilingual, Dataset, Figure } from '../../domain/types'
import { metricDef, type MetricId, type Scope, type Unit } from '../../domain/vocab'

export interface FiguresOptions {
  /** An event id (a conference with its sessions, or one session); else filters.event. */
  event: string | null
}

/**
 * What a number says about the event: `outcome` is the event's own result; `attributed` an
 * outcome credited to a party or a span (subject or period); `attendance` its scale; `context`
 * a number about something else (a park, a city, a year). Only `outcome` is drawn full strength.
 */
export type FigureStanding = 'outcome' | 'attributed' | 'attendance' | 'context'

export const STANDINGS: readonly FigureStanding[] = [
  'outcome',
  'attributed',
  'attendance',
  'context',
]

export interface FigureBar {
  id: string
  /** The event the figure belongs to: the chosen one or one of its sessions. */
  event: string
  eventName: Bilingual
  /** True when the figure is a session's, not the chosen event's own. */
  session: boolean
  metric: MetricId
  metricName: Bilingual
  amount: Amount
  scope: Scope
  period: string
  subject: { id: string; name: Bilingual; short: Bilingual } | null
  standing: FigureStanding
  /** The figure this one is part of (现场签约57项 of 合作项目80余项), when it is known. */
  partOf: { id: string; metricName: Bilingual; amount: Amount } | null
  /** Levels of part_of above it within its grid: 0 for a figure that is nobody's part. */
  depth: number
  quote: string
  source: {
    id: string
    publisher: string
    originalPublisher: string
    publisherEn: string
    published: string
  }
}

/** The bars of one unit: bars of different units never share an axis. */
export interface FigureGroup {
  unit: Unit
  bars: readonly FigureBar[]
}

export interface FiguresRows {
  event: { id: string; name: Bilingual } | null
  /** Counts, money, area, percent: only the units present, in this order. */
  groups: readonly FigureGroup[]
  sources: readonly string[]
}

export const UNIT_ORDER: readonly Unit[] = ['count', 'yuan', 'm2', 'percent']

function standingOf(f: Figure): FigureStanding {
  if (f.scope === 'context') return 'context'
  if (f.scope === 'attendance') return 'attendance'
  return f.subject !== null || f.period !== '' ? 'attributed' : 'outcome'
}

/** True when `id` is `root` or one of its sessions (at any depth). */
function within(d: Dataset, id: string, root: string): boolean {
  const seen = new Set<string>()
  for (
    let e = d.index.event[id];
    e && !seen.has(e.id);
    e = e.parent ? d.index.event[e.parent] : undefined
  ) {
    if (e.id === root) return true
    seen.add(e.id)
  }
  return false
}

function subjectOf(d: Dataset, id: string | null): FigureBar['subject'] {
  if (id === null) return null
  const org = d.index.org[id]
  if (org) return { id, name: org.name, short: { zh: org.short || org.name.zh, en: org.name.en } }
  const place = d.index.place[id]
  return place
    ? { id, name: place.name, short: place.name }
    : { id, name: { zh: id, en: id }, short: { zh: id, en: id } }
}

const nameOfMetric = (id: string): Bilingual => {
  const def = metricDef(id)
  return def ? { zh: def.zh, en: def.en } : { zh: id, en: id }
}

/**
 * The figures of one event and its sessions (or of one session), as reported, grouped by unit.
 * Within a grid: the event's own outcomes first, then attributed, attendance and context
 * figures; the conference before its sessions, file order after that; a part right after the
 * figure it is part of. Other filters do not apply: the chart is about one event, whole.
 */
export function selectFigures(
  d: Dataset,
  filters: Filters,
  options: Partial<FiguresOptions> = {},
): FiguresRows {
  const id = options.event ?? filters.event ?? null
  const event = id === null ? undefined : d.index.event[id]
  if (!event) return { event: null, groups: [], sources: [] }

  const eventRank = new Map<string, number>([[event.id, -1]])
  d.events.forEach((e, i) => {
    if (e.id !== event.id && within(d, e.id, event.id)) eventRank.set(e.id, i)
  })
  const figures = d.figures.filter((f) => eventRank.has(f.event))
  const fileOrder = new Map(figures.map((f, i) => [f.id, i]))

  const bar = (f: Figure): FigureBar => {
    const source = d.index.source[f.source]
    const parent = f.partOf === null ? undefined : d.index.figure[f.partOf]
    return {
      id: f.id,
      event: f.event,
      eventName: d.index.event[f.event]?.name ?? { zh: f.event, en: f.event },
      session: f.event !== event.id,
      metric: f.metric,
      metricName: nameOfMetric(f.metric),
      amount: f.amount,
      scope: f.scope,
      period: f.period,
      subject: subjectOf(d, f.subject),
      standing: standingOf(f),
      partOf: parent
        ? { id: parent.id, metricName: nameOfMetric(parent.metric), amount: parent.amount }
        : null,
      depth: 0,
      quote: f.quote,
      source: {
        id: f.source,
        publisher: source?.publisher ?? '',
        originalPublisher: source?.originalPublisher ?? '',
        publisherEn: source?.publisherEn ?? '',
        published: source?.published?.text ?? '',
      },
    }
  }

  const groups: FigureGroup[] = []
  for (const unit of UNIT_ORDER) {
    const inUnit = figures.filter((f) => f.amount.unit === unit)
    if (inUnit.length === 0) continue
    const here = new Set(inUnit.map((f) => f.id))
    const children = new Map<string, Figure[]>()
    const roots: Figure[] = []
    for (const f of inUnit) {
      // A part whose total is in another grid (or not in this event) stands on its own here.
      if (f.partOf !== null && here.has(f.partOf) && f.partOf !== f.id) {
        children.set(f.partOf, [...(children.get(f.partOf) ?? []), f])
      } else roots.push(f)
    }
    roots.sort(
      (a, b) =>
        STANDINGS.indexOf(standingOf(a)) - STANDINGS.indexOf(standingOf(b)) ||
        eventRank.get(a.event)! - eventRank.get(b.event)! ||
        fileOrder.get(a.id)! - fileOrder.get(b.id)!,
    )
    const bars: FigureBar[] = []
    const placed = new Set<string>()
    const place = (f: Figure, depth: number) => {
      if (placed.has(f.id)) return
      placed.add(f.id)
      bars.push({ ...bar(f), depth })
      for (const c of children.get(f.id) ?? []) place(c, depth + 1)
    }
    roots.forEach((f) => place(f, 0))
    // A cycle of part_of (the validator rejects one) would leave figures unplaced: never drop them.
    inUnit.forEach((f) => place(f, 0))
    groups.push({ unit, bars })
  }
  return {
    event: { id: event.id, name: event.name },
    groups,
    sources: [...new Set(figures.map((f) => f.source))].sort(),
  }
}
