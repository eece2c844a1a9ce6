import * as v from 'valibot'
import {
  OUTCOME_KINDS,
  OUTCOME_STATUSES,
  ORG_KINDS,
  ROLES,
  SCOPES,
  VALUE_METRICS,
  METRICS,
} from './vocab'

/**
 * The raw shape of each table: every cell is text, as a spreadsheet holds it. One schema
 * serves the browser loader, the CLI and the build. Messages say what was expected, because
 * the person reading them is a curator with a spreadsheet open.
 */

export const ID_RE = /^[a-z0-9][a-z0-9-]*$/
export const ID_MSG =
  'expected a lowercase id: a–z, 0–9 and hyphens, starting with a letter or digit'
export const ID_LIST_MSG = 'expected ids separated by |, e.g. csu|sany'

const id = v.pipe(v.string(), v.regex(ID_RE, ID_MSG))
const optionalId = v.union([v.literal(''), id], ID_MSG)
const idList = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]*(\|[a-z0-9][a-z0-9-]*)*$/, ID_LIST_MSG),
)
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'))
const optionalText = v.string()

function oneOf<const T extends readonly string[]>(values: T) {
  return v.picklist(values, `expected one of: ${values.join(', ')}`)
}

function oneOfOrEmpty<const T extends readonly string[]>(values: T) {
  const msg = `expected one of: ${values.join(', ')} (or empty)`
  return v.union([v.literal(''), v.picklist(values, msg)], msg)
}

const METRIC_IDS = METRICS.map((m) => m.id)

export const TABLE_SCHEMAS = {
  sources: v.object({
    id,
    title: text,
    publisher: text,
    original_publisher: optionalText,
    publisher_en: optionalText,
    published: optionalText,
    url: optionalText,
    note: optionalText,
  }),
  places: v.object({
    id,
    name_zh: text,
    name_en: optionalText,
    province_zh: text,
    adcode: text,
    lng: text,
    lat: text,
  }),
  organizations: v.object({
    id,
    name_zh: text,
    name_en: optionalText,
    short_zh: optionalText,
    kind: oneOf(ORG_KINDS),
    place: optionalId,
    parent: optionalId,
  }),
  sectors: v.object({ id, name_zh: text, name_en: optionalText }),
  events: v.object({
    id,
    name_zh: text,
    name_en: optionalText,
    series: optionalText,
    edition: optionalText,
    parent: optionalId,
    start: text,
    end: optionalText,
    date_basis: optionalText,
    place: optionalId,
    sector: optionalId,
    source: id,
    summary_zh: optionalText,
    summary_en: optionalText,
  }),
  event_orgs: v.object({
    event: id,
    org: id,
    role: oneOf(ROLES),
    source: id,
    quote: optionalText,
  }),
  outcomes: v.object({
    id,
    event: id,
    kind: oneOf(OUTCOME_KINDS),
    status: oneOf(OUTCOME_STATUSES),
    title_zh: text,
    title_en: optionalText,
    parties: v.union([v.literal(''), idList], ID_LIST_MSG),
    value: optionalText,
    value_metric: oneOfOrEmpty(VALUE_METRICS),
    sector: optionalId,
    counted_in: optionalId,
    source: id,
    quote: text,
  }),
  figures: v.object({
    id,
    event: id,
    subject: optionalId,
    metric: oneOf(METRIC_IDS),
    scope: oneOf(SCOPES),
    period: optionalText,
    part_of: optionalId,
    value: text,
    unit: optionalText,
    source: id,
    quote: text,
  }),
} as const

export type TableName = keyof typeof TABLE_SCHEMAS
export type RawRow<T extends TableName> = v.InferOutput<(typeof TABLE_SCHEMAS)[T]>

/** Loading order: a table only refers to tables before it. */
export const TABLE_NAMES = [
  'sources',
  'places',
  'organizations',
  'sectors',
  'events',
  'event_orgs',
  'outcomes',
  'figures',
] as const satisfies readonly TableName[]

export function columnsOf(table: TableName): string[] {
  return Object.keys(TABLE_SCHEMAS[table].entries)
}

/** Columns a JSON table may give as numbers; every other cell is text, as in a spreadsheet. */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set(['lng', 'lat'])

/** Columns that may be missing from a file altogether (treated as empty). */
export const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set([
  'original_publisher',
  'publisher_en',
  'url',
  'note',
  'name_en',
  'short_zh',
  'series',
  'edition',
  'date_basis',
  'summary_en',
  'title_en',
  'unit',
])
