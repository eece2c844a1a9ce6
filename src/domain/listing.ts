import type { Amount } from './amount'
import { isHeadlineFigure } from './aggregate'
import { filterEvents, type Filters } from './filters'
import type { Bilingual, CoopEvent, Dataset, DateValue, Outcome, Source } from './types'
import {
  metricDef,
  type MetricDef,
  type OutcomeKind,
  type OutcomeStatus,
  type Scope,
} from './vocab'

/** The explore tables: every record with its event, its words as printed, and its source. */
export interface OutcomeRow {
  id: string
  event: string
  eventName: Bilingual
  date: DateValue
  kind: OutcomeKind
  status: OutcomeStatus
  title: Bilingual
  parties: readonly { id: string; name: Bilingual }[]
  sector: Bilingual | null
  /** As the source wrote it (约8600万), with the parsed value for sorting; null when none. */
  amount: Amount | null
  quote: string
  source: Source
}

export interface FigureRow {
  id: string
  event: string
  eventName: Bilingual
  date: DateValue
  metric: MetricDef
  scope: Scope
  /** The span it covers when not the event itself (`2023`), else empty. */
  period: string
  /** The org or place it describes, when not the event. */
  subject: Bilingual | null
  amount: Amount
  /** Counts toward a reported total; false for parts, periods, subjects, context. */
  headline: boolean
  partOf: string | null
  quote: string
  source: Source
}

function eventName(d: Dataset, id: string): Bilingual {
  return d.index.event[id]?.name ?? { zh: id, en: id }
}

/** One outcome's row; Explore makes only the rows it shows (tens of thousands cost ~50 ms). */
export function outcomeRow(d: Dataset, o: Outcome): OutcomeRow {
  const event = d.index.event[o.event]!
  const sector = o.sector ?? event.sector
  return {
    id: o.id,
    event: o.event,
    eventName: event.name,
    date: event.start,
    kind: o.kind,
    status: o.status,
    title: o.title,
    parties: o.parties.map((id) => ({ id, name: d.index.org[id]?.name ?? { zh: id, en: id } })),
    sector: sector ? (d.index.sector[sector]?.name ?? null) : null,
    amount: o.amount,
    quote: o.quote,
    source: d.index.source[o.source]!,
  }
}

/**
 * Reported figures of the events that pass. They describe a whole event, so the outcome-level
 * filters (kind, organisation) do not narrow them further: they narrow the events.
 */
export function figureRows(d: Dataset, f: Filters): FigureRow[] {
  const events = filterEvents(d, f)
  return d.figures
    .filter((x) => events.has(x.event))
    .map((x) => {
      const subject = x.subject
        ? (d.index.org[x.subject]?.name ?? d.index.place[x.subject]?.name ?? null)
        : null
      return {
        id: x.id,
        event: x.event,
        eventName: eventName(d, x.event),
        date: d.index.event[x.event]!.start,
        metric: metricDef(x.metric)!,
        scope: x.scope,
        period: x.period,
        subject,
        amount: x.amount,
        headline: isHeadlineFigure(x, d.index.figure),
        partOf: x.partOf,
        quote: x.quote,
        source: d.index.source[x.source]!,
      }
    })
}

export type SortDir = 'asc' | 'desc'
export interface SortState<K extends string> {
  key: K
  dir: SortDir
}

/** Sorts by a key; missing values go last whichever the direction; ties keep their order. */
export function sortRows<T>(
  rows: readonly T[],
  key: (row: T) => string | number | null,
  dir: SortDir,
): T[] {
  const sign = dir === 'asc' ? 1 : -1
  const collator = new Intl.Collator('zh-CN', { numeric: true })
  return rows
    .map((row, i) => ({ row, i, k: key(row) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1
      const c =
        typeof a.k === 'number' && typeof b.k === 'number'
          ? a.k - b.k
          : collator.compare(String(a.k), String(b.k))
      return c * sign || a.i - b.i
    })
    .map((x) => x.row)
}

/** Every term must appear somewhere in the row's text (both languages), case-insensitive. */
export function searchRows<T>(rows: readonly T[], text: (row: T) => string, query: string): T[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (terms.length === 0) return [...rows]
  return rows.filter((row) => {
    const haystack = text(row).toLowerCase()
    return terms.every((t) => haystack.includes(t))
  })
}

const both = (b: Bilingual | null) => (b ? `${b.zh} ${b.en}` : '')

export function outcomeText(r: OutcomeRow): string {
  return [
    both(r.title),
    both(r.eventName),
    both(r.sector),
    ...r.parties.map((p) => both(p.name)),
    r.amount?.text ?? '',
    r.quote,
    r.source.publisher,
    r.source.originalPublisher,
  ].join(' ')
}

export function figureText(r: FigureRow): string {
  return [
    r.metric.zh,
    r.metric.en,
    both(r.eventName),
    both(r.subject),
    r.amount.text,
    r.quote,
    r.source.publisher,
    r.source.originalPublisher,
  ].join(' ')
}

/**
 * Conferences in date order, each followed by its sessions (depth 1): the order every event
 * picker lists them in.
 */
export function eventTree(d: Dataset): { event: CoopEvent; depth: 0 | 1 }[] {
  const roots = d.events
    .filter((e) => e.parent === null)
    .sort((a, b) => a.start.text.localeCompare(b.start.text) || a.id.localeCompare(b.id))
  return roots.flatMap((r) => [
    { event: r, depth: 0 as const },
    ...d.events.filter((e) => e.parent === r.id).map((event) => ({ event, depth: 1 as const })),
  ])
}
