import type { Amount } from './amount'
import type {
  MetricId,
  OrgKind,
  OutcomeKind,
  OutcomeStatus,
  Role,
  Scope,
  ValueMetric,
} from './vocab'

/** Text in both languages; `en` falls back to `zh` where the curator gave none. */
export interface Bilingual {
  zh: string
  en: string
}

/** A date as the source gives it: a day, or only a month when the day is unknown. */
export interface DateValue {
  /** `YYYY-MM-DD` or `YYYY-MM`, as written in the data; sorts lexically. */
  text: string
  precision: 'day' | 'month'
  year: number
  month: number
  day: number | null
}

export interface Source {
  id: string
  title: string
  publisher: string
  originalPublisher: string
  /**
   * The English name of the publisher credited (the original one, if any), as this or another
   * source of that publisher gives it; '' when none does.
   */
  publisherEn: string
  published: DateValue | null
  url: string
  note: string
}

export interface Place {
  id: string
  name: Bilingual
  province: string
  adcode: string
  lng: number
  lat: number
}

export interface Organization {
  id: string
  name: Bilingual
  short: string
  kind: OrgKind
  place: string | null
  parent: string | null
}

export interface Sector {
  id: string
  name: Bilingual
}

export interface CoopEvent {
  id: string
  name: Bilingual
  series: string
  edition: string
  parent: string | null
  start: DateValue
  end: DateValue | null
  dateBasis: string
  /** Where the event took place; a session without its own place inherits its conference's. */
  place: string
  sector: string | null
  source: string
  summary: Bilingual
}

export interface EventOrg {
  event: string
  org: string
  role: Role
  source: string
  quote: string
}

export interface Outcome {
  id: string
  event: string
  kind: OutcomeKind
  status: OutcomeStatus
  title: Bilingual
  parties: readonly string[]
  amount: Amount | null
  valueMetric: ValueMetric | null
  sector: string | null
  countedIn: string | null
  source: string
  quote: string
}

export interface Figure {
  id: string
  event: string
  subject: string | null
  metric: MetricId
  scope: Scope
  period: string
  partOf: string | null
  amount: Amount
  source: string
  quote: string
}

export interface SnapshotInfo {
  schema: number
  version: string
  date: string
}

/**
 * A validated snapshot: plain data, frozen, structured-clone-able (it may cross a Worker
 * boundary), indexed once. Nothing here is reactive.
 */
export interface Dataset {
  snapshot: SnapshotInfo
  sources: readonly Source[]
  places: readonly Place[]
  organizations: readonly Organization[]
  sectors: readonly Sector[]
  events: readonly CoopEvent[]
  eventOrgs: readonly EventOrg[]
  outcomes: readonly Outcome[]
  figures: readonly Figure[]
  index: DatasetIndex
}

export interface DatasetIndex {
  source: Readonly<Record<string, Source>>
  place: Readonly<Record<string, Place>>
  org: Readonly<Record<string, Organization>>
  sector: Readonly<Record<string, Sector>>
  event: Readonly<Record<string, CoopEvent>>
  figure: Readonly<Record<string, Figure>>
  /** The top-level conference of each event (itself for a conference). */
  rootEvent: Readonly<Record<string, string>>
}
