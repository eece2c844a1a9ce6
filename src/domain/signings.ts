import { filterEvents, type Filters } from './filters'
import { orgByNumber, outcomePositionsOf, partyNumbers, perDataset } from './lookups'
import { localeRankMap, localeRanks } from './order'
import { creditedPublisher } from './sources'
import type { Bilingual, CoopEvent, Dataset, Organization } from './types'
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
  /** The publisher credited (creditedPublisher), in both languages. */
  publisher: Bilingual
}

export interface SigningOptions {
  /** Only the first rows: a screen shows the latest few, not every outcome. */
  limit: number
}

/** Latest first, then by id. */
export function selectSignings(
  d: Dataset,
  filters: Filters = {},
  options: Partial<SigningOptions> = {},
): SigningRow[] {
  const eventIds = filterEvents(d, filters)
  const { order, place } = signingOrder(d)
  const row = signingRow(d)
  const limit = Math.max(0, Math.floor(options.limit ?? Infinity))
  if (limit < order.length) {
    // The first few in list order whose event passes.
    const rows: SigningRow[] = []
    for (let k = 0; k < order.length && rows.length < limit; k++) {
      const i = order[k]!
      const o = d.outcomes[i]!
      if (eventIds.has(o.event)) rows.push(row(i, d.index.event[o.event]!))
    }
    return rows
  }
  // Event by event, so what a row takes from its event is looked up once; each row goes to its
  // place in the list, and the places left empty (events left out) are closed up at the end.
  const rows: SigningRow[] = new Array(d.outcomes.length)
  let filled = 0
  for (const e of d.events) {
    if (!eventIds.has(e.id)) continue
    for (const i of outcomePositionsOf(d, e.id)) rows[place[i]!] = row(i, e)
    filled += outcomePositionsOf(d, e.id).length
  }
  // (filter visits only the places filled.)
  return filled === rows.length ? rows : rows.filter(() => true)
}

/**
 * The list order, worked out once per dataset: `order` holds positions in `d.outcomes`, `place`
 * each outcome's place in `order`. The order of sorting the rows by
 * `b.date.localeCompare(a.date) || a.id.localeCompare(b.id)`, found through ranks.
 */
const signingOrder = perDataset((d) => {
  const dateRank = localeRankMap(d.events.map((e) => e.start.text))
  const idRank = localeRanks(d.outcomes.map((o) => o.id))
  // By id (ids usually come in order already), then a stable counting sort by date, latest first.
  const byId = Array.from(d.outcomes, (_, i) => i)
  if (idRank.some((rank, i) => rank !== i)) byId.sort((a, b) => idRank[a]! - idRank[b]!)
  const latest = dateRank.size - 1
  const dates = Int32Array.from(
    d.outcomes,
    (o) => latest - dateRank.get(d.index.event[o.event]!.start.text)!,
  )
  const start = new Int32Array(latest + 2)
  for (const k of dates) start[k + 1]!++
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!
  const order = new Int32Array(byId.length)
  const place = new Int32Array(byId.length)
  for (const i of byId) {
    const k = start[dates[i]!]!++
    order[k] = i
    place[i] = k
  }
  return { order, place }
})

/** The row of outcome i, of event `e`; what rows share is looked up once per call. */
function signingRow(d: Dataset): (i: number, e: CoopEvent) => SigningRow {
  const partyNames = namesOfParties(d)
  const publishers = new Map<string, Bilingual>()
  let event: CoopEvent | null = null
  let conference = ''
  let eventName: Bilingual = { zh: '', en: '' }
  return (i, e) => {
    const o = d.outcomes[i]!
    if (e !== event) {
      event = e
      conference = d.index.rootEvent[e.id]!
      eventName = d.index.event[conference]!.name
    }
    let publisher = publishers.get(o.source)
    if (publisher === undefined) {
      const source = d.index.source[o.source]!
      publisher = { zh: creditedPublisher(source, 'zh-CN'), en: creditedPublisher(source, 'en') }
      publishers.set(o.source, publisher)
    }
    return {
      id: o.id,
      event: o.event,
      conference,
      eventName,
      date: e.start.text,
      kind: o.kind,
      status: o.status,
      title: o.title,
      parties: partyNames(i),
      value: o.amount?.text ?? '',
      quote: o.quote,
      publisher,
    }
  }
}

/** The parties of outcome i as the list names them: by short name where there is one. */
function namesOfParties(d: Dataset): (i: number) => Bilingual[] {
  const { start, numbers } = partyNumbers(d)
  const orgs = orgByNumber(d)
  const names: Bilingual[] = []
  const nameOf = (org: Organization) => (org.short ? { zh: org.short, en: org.name.en } : org.name)
  return (i) => {
    const out: Bilingual[] = []
    // (An id that names no organisation, -1, fails as it always did; validation rules it out.)
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const k = numbers[j]!
      out.push((names[k] ??= nameOf(orgs[k]!)))
    }
    return out
  }
}
