import { filterEvents, type Filters } from './filters'
import type { Bilingual, Dataset } from './types'
import type { OutcomeKind, OutcomeStatus } from './vocab'

/** One itemised outcome as the scrolling list shows it: parties, title, value as written. */
export interface SigningRow {
  id: string
  event: string
  /** The conference it belongs to, for the carousel. */
  conference: string
  eventName: Bilingual
  date: string
  kind: OutcomeKind
  status: OutcomeStatus
  title: Bilingual
  parties: readonly Bilingual[]
  /** The value in the source's own words (约8600万, 8480万元), or empty. */
  value: string
  /** The sentence it comes from, and who published it: shown on hover or tap. */
  quote: string
  publisher: string
}

export function selectSignings(d: Dataset, filters: Filters = {}): SigningRow[] {
  const eventIds = filterEvents(d, filters)
  const rows = d.outcomes
    .filter((o) => eventIds.has(o.event))
    .map((o) => {
      const event = d.index.event[o.event]!
      const conference = d.index.rootEvent[o.event]!
      return {
        id: o.id,
        event: o.event,
        conference,
        eventName: d.index.event[conference]!.name,
        date: event.start.text,
        kind: o.kind,
        status: o.status,
        title: o.title,
        parties: o.parties.map((p) => {
          const org = d.index.org[p]!
          return org.short ? { zh: org.short, en: org.name.en } : org.name
        }),
        value: o.amount?.text ?? '',
        quote: o.quote,
        publisher:
          d.index.source[o.source]?.originalPublisher || d.index.source[o.source]!.publisher,
      }
    })
  return rows.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
}
