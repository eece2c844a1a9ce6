import { parseDate } from './dates'
import { FILTER_KEYS, type FilterKey, type Filters } from './filters'
import { PROVINCE_NAMES } from './geo'
import type { Dataset } from './types'
import { ORG_KINDS, OUTCOME_KINDS } from './vocab'

/** A URL query as vue-router hands it over: a key may repeat or be empty. */
export type Query = Readonly<Record<string, string | null | readonly (string | null)[] | undefined>>

/** Why a query value was ignored; the view says so and goes on without it. */
export interface QueryNotice {
  key: string
  value: string
  problem: 'format' | 'unknown' | 'order' | 'repeated'
}

export interface ParsedFilters {
  filters: Filters
  notices: QueryNotice[]
}

const ID = /^[a-z0-9][a-z0-9_-]{0,99}$/

/** What a well-formed value of each filter looks like, before the dataset is known. */
const WELL_FORMED: Record<FilterKey, (v: string) => boolean> = {
  from: isDate,
  to: isDate,
  province: (v) => PROVINCE_NAMES.has(v),
  city: (v) => ID.test(v),
  sector: (v) => ID.test(v),
  outcomeKind: (v) => (OUTCOME_KINDS as readonly string[]).includes(v),
  orgKind: (v) => (ORG_KINDS as readonly string[]).includes(v),
  org: (v) => ID.test(v),
  event: (v) => ID.test(v),
}

function isDate(v: string): boolean {
  const p = parseDate(v)
  return p.ok && p.date.text === v
}

/** The one value of a key: the first of repeated ones (with a notice), never an array. */
export function queryValue(query: Query, key: string, notices?: QueryNotice[]): string | undefined {
  const raw = query[key]
  if (raw === undefined || raw === null) return undefined
  if (typeof raw === 'string') return raw === '' ? undefined : raw
  const values = raw.filter((v): v is string => typeof v === 'string' && v !== '')
  if (values.length > 1) notices?.push({ key, value: values.join(','), problem: 'repeated' })
  return values[0]
}

/**
 * Reads the filters from a URL query. Anything malformed is dropped with a notice; a link
 * someone mistyped opens the view with what could be understood, never an error page.
 */
export function parseFilterQuery(query: Query): ParsedFilters {
  const notices: QueryNotice[] = []
  const filters: Filters = {}
  for (const key of FILTER_KEYS) {
    const value = queryValue(query, key, notices)
    if (value === undefined) continue
    if (!WELL_FORMED[key](value)) notices.push({ key, value, problem: 'format' })
    else (filters as Record<FilterKey, string>)[key] = value
  }
  if (filters.from && filters.to) {
    // 2024-07 to 2024-07-15 is a fine span; only an end before the start is not.
    const n = Math.min(filters.from.length, filters.to.length)
    if (filters.to.slice(0, n) < filters.from.slice(0, n)) {
      notices.push({ key: 'to', value: filters.to, problem: 'order' })
      delete filters.to
    }
  }
  return { filters, notices }
}

/** The filters as query parameters, in one fixed order so equal views have equal URLs. */
export function filtersToQuery(f: Filters): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of FILTER_KEYS) {
    const value = f[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/** Drops filters that name something this snapshot does not have (an old link, a typo). */
export function checkFilters(d: Dataset, f: Filters): ParsedFilters {
  const notices: QueryNotice[] = []
  const out: Filters = { ...f }
  // Own keys only: `constructor` is a well-formed id but no place.
  const has = (index: object) => (v: string) => Object.prototype.hasOwnProperty.call(index, v)
  const known: Partial<Record<FilterKey, (v: string) => boolean>> = {
    city: has(d.index.place),
    sector: has(d.index.sector),
    org: has(d.index.org),
    event: has(d.index.event),
  }
  for (const key of FILTER_KEYS) {
    const value = out[key]
    const test = known[key]
    if (value === undefined || !test || test(value)) continue
    notices.push({ key, value, problem: 'unknown' })
    delete out[key]
  }
  return { filters: out, notices }
}
