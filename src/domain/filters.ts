import type { Dataset } from './types'
import type { OrgKind, OutcomeKind } from './vocab'

/** What the viewer has narrowed the data to. Empty = everything. */
export interface Filters {
  from?: string
  to?: string
  province?: string
  city?: string
  sector?: string
  outcomeKind?: OutcomeKind
  orgKind?: OrgKind
  event?: string
}

/** Events (conferences and sessions) that pass the filters. */
export function filterEvents(d: Dataset, f: Filters): Set<string> {
  const out = new Set<string>()
  for (const e of d.events) {
    if (f.event && d.index.rootEvent[e.id] !== f.event && e.id !== f.event) continue
    if (f.from && e.start.text < f.from) continue
    if (f.to && e.start.text.slice(0, f.to.length) > f.to) continue
    const place = d.index.place[e.place]
    if (f.province && place?.province !== f.province) continue
    if (f.city && e.place !== f.city) continue
    if (
      f.sector &&
      e.sector !== f.sector &&
      !d.outcomes.some((o) => o.event === e.id && o.sector === f.sector)
    )
      continue
    out.add(e.id)
  }
  return out
}
