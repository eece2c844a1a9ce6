import { parseAmount, type Amount, type ParseResult } from './amount'
import { parseDate, compareDates } from './dates'
import {
  CHINA_BOUNDS,
  CITY_PROVINCES,
  PROVINCE_NAMES,
  mapProvinceName,
  provinceOfAdcode,
} from './geo'
import { ProblemList, type Problem } from './problems'
import {
  cleanOutcomes,
  OutcomeReader,
  type CleanOutcomes,
  type OutcomeLookups,
} from './cleanOutcomes'
import { checkColumns, checkRows, idsOf, rowCount, type CheckedRow, type RawTable } from './rows'
import { TABLE_NAMES, type TableName } from './tables'
import { creditedPublisher } from './sources'
import type {
  CoopEvent,
  Dataset,
  DatasetIndex,
  DateValue,
  EventOrg,
  Figure,
  Organization,
  Outcome,
  Place,
  Sector,
  SnapshotInfo,
  Source,
} from './types'
import { metricDef, type MetricId, type Unit, type ValueMetric } from './vocab'

export type RawTables = Partial<Record<TableName, RawTable>>

export interface BuildResult {
  /** Built from the rows that passed; complete only when `problems` has no error. */
  dataset: Dataset
  problems: Problem[]
}

const VALUE_METRIC_UNIT: Record<ValueMetric, Unit> = {
  contract: 'yuan',
  investment: 'yuan',
  demand: 'yuan',
  donation: 'yuan',
  area: 'm2',
}

/**
 * Turns raw tables into a validated, indexed, frozen Dataset. Every problem names the file,
 * the row, the field and what was expected; rows with errors are left out of the dataset.
 */
export function buildDataset(tables: RawTables, snapshot: SnapshotInfo): BuildResult {
  return beginBuild(tables, snapshot).finish(tables.outcomes)
}

/** A build that has every table but outcomes.csv (see beginBuild). */
export interface BegunBuild {
  /**
   * A reader of outcomes.csv's rows as they arrive, for a file with these columns: null when
   * it cannot read them (see OutcomeReader).
   */
  reader(columns: readonly string[]): OutcomeReader | null
  /**
   * The rest of the build, taken once: outcomes.csv, and what needs every table. `read` are its
   * outcomes as a reader had them, when it read every row.
   */
  finish(outcomes: RawTable | undefined, read?: CleanOutcomes | null): BuildResult
}

/**
 * buildDataset in two steps: every table but outcomes.csv, which no other table refers to,
 * then outcomes.csv. A loader may take the first step, and read outcomes.csv's rows, while
 * outcomes.csv, most of a large snapshot, is still on its way.
 */
export function beginBuild(
  others: Omit<RawTables, 'outcomes'>,
  snapshot: SnapshotInfo,
): BegunBuild {
  const tables: RawTables = { ...others, outcomes: undefined }
  const p = new ProblemList()
  const rows = <T extends TableName>(name: T): CheckedRow<T>[] => {
    const raw = tables[name]
    if (!raw) return []
    if (!checkColumns(raw, p)) return []
    return checkRows(raw as RawTable & { table: T }, p)
  }
  const fileOf = (name: TableName): string => tables[name]?.file ?? `${name}.csv`

  // References are checked against every id a file declares, valid row or not: one broken
  // row is reported once, not again at every row that points at it.
  const ids = (name: TableName): string[] => {
    const raw = tables[name]
    return raw ? idsOf(raw) : []
  }
  const strings = sharedStrings(TABLE_NAMES.flatMap((t) => (t === 'outcomes' ? [] : ids(t))))
  const declared = (name: TableName): Map<string, string> => {
    const out = new Map<string, string>()
    for (const id of ids(name)) out.set(id, strings.get(id) ?? id)
    return out
  }
  const refs: Refs = {
    sourceIds: declared('sources'),
    placeIds: declared('places'),
    sectorIds: declared('sectors'),
    orgIds: declared('organizations'),
    eventIds: declared('events'),
    figureIds: declared('figures'),
  }

  const ctx = new Context(p, fileOf, strings)
  // Each converter gives the row's record, or null for a row left out for its error.
  const convert = <T extends TableName, R>(
    rows: CheckedRow<T>[],
    to: (r: CheckedRow<T>) => R | null,
  ) => {
    const out: R[] = []
    for (const r of rows) {
      const item = to(r)
      if (item !== null) out.push(item)
    }
    return out
  }
  const sources = ctx.publishersInEnglish(
    convert(ctx.unique('sources', rows('sources')), (r) => ctx.source(r)),
  )
  const places = convert(ctx.unique('places', rows('places')), (r) => ctx.place(r))
  const sectors = convert(ctx.unique('sectors', rows('sectors')), (r) => ctx.sector(r))
  const organizations = convert(ctx.unique('organizations', rows('organizations')), (r) =>
    ctx.organization(r, refs),
  )
  ctx.noCycles('organizations', organizations, (o) => o.parent)
  const events = ctx.events(ctx.unique('events', rows('events')), refs)
  const eventOrgs = convert(rows('event_orgs'), (r) => ctx.eventOrg(r, refs))
  const figures = convert(ctx.unique('figures', rows('figures')), (r) => ctx.figure(r, refs))
  ctx.noCycles('figures', figures, (f) => f.partOf)
  const reader = (columns: readonly string[]) => OutcomeReader.for(columns, ctx.lookups(refs))
  const finish = (outcomesTable: RawTable | undefined, read?: CleanOutcomes | null) => {
    tables.outcomes = outcomesTable
    const outcomes = ctx.outcomes(outcomesTable, refs, read ?? null)

    const converted = {
      sources,
      places,
      sectors,
      organizations,
      events,
      eventOrgs,
      figures,
      outcomes,
    }
    // With every row of every file converted, every reference was checked against the ids of
    // records that exist: nothing can dangle, and 100,000 outcomes need not be checked again.
    const rowsOf = (t: TableName) => {
      // Outcomes read as they arrived were every row of their file.
      if (t === 'outcomes' && read) return read.outcomes.length
      const raw = tables[t]
      return raw ? rowCount(raw) : 0
    }
    const complete =
      sources.length === rowsOf('sources') &&
      places.length === rowsOf('places') &&
      sectors.length === rowsOf('sectors') &&
      organizations.length === rowsOf('organizations') &&
      events.length === rowsOf('events') &&
      eventOrgs.length === rowsOf('event_orgs') &&
      figures.length === rowsOf('figures') &&
      outcomes.length === rowsOf('outcomes')
    const kept = complete ? converted : prune(converted)
    const rootEvent = rootsOf(kept.events)
    const figureById = byId(kept.figures)
    ctx.sameConference('figures', kept.figures, (f) => f.partOf, figureById, rootEvent, 'part_of')
    ctx.sameConference(
      'outcomes',
      kept.outcomes,
      (o) => o.countedIn,
      figureById,
      rootEvent,
      'counted_in',
    )

    const index: DatasetIndex = {
      source: byId(kept.sources),
      place: byId(kept.places),
      org: byId(kept.organizations),
      sector: byId(kept.sectors),
      event: byId(kept.events),
      figure: figureById,
      rootEvent,
    }
    const dataset: Dataset = { snapshot, ...kept, index }
    return { dataset: deepFreeze(dataset), problems: p.items }
  }
  return { reader, finish }
}

type Tables = Omit<Dataset, 'snapshot' | 'index'>

/**
 * Drops rows that point at a row left out for its own error, until nothing dangles, so a
 * partial dataset (the valid rows of a broken snapshot) is still consistent. Nothing new is
 * reported: the cause already was.
 */
function prune(t: Tables): Tables {
  const ids = <T extends { id: string }>(items: readonly T[]) => new Set(items.map((i) => i.id))
  const ok = (set: Set<string>, id: string | null) => id === null || set.has(id)
  const sources = ids(t.sources)
  const places = ids(t.places)
  const sectors = ids(t.sectors)
  let organizations = t.organizations.filter((o) => ok(places, o.place))
  for (let n = -1; n !== organizations.length;) {
    n = organizations.length
    const orgIds = ids(organizations)
    organizations = organizations.filter((o) => ok(orgIds, o.parent))
  }
  let events = t.events.filter(
    (e) => places.has(e.place) && sources.has(e.source) && ok(sectors, e.sector),
  )
  for (let n = -1; n !== events.length;) {
    n = events.length
    const eventIds = ids(events)
    events = events.filter((e) => ok(eventIds, e.parent))
  }
  const orgIds = ids(organizations)
  const eventIds = ids(events)
  const eventOrgs = t.eventOrgs.filter(
    (e) => eventIds.has(e.event) && orgIds.has(e.org) && sources.has(e.source),
  )
  let figures = t.figures.filter(
    (f) =>
      eventIds.has(f.event) &&
      sources.has(f.source) &&
      (f.subject === null || orgIds.has(f.subject) || places.has(f.subject)),
  )
  for (let n = -1; n !== figures.length;) {
    n = figures.length
    const figureIds = ids(figures)
    figures = figures.filter((f) => ok(figureIds, f.partOf))
  }
  const figureIds = ids(figures)
  const outcomes = t.outcomes.filter(
    (o) =>
      eventIds.has(o.event) &&
      sources.has(o.source) &&
      ok(sectors, o.sector) &&
      ok(figureIds, o.countedIn) &&
      o.parties.every((p) => orgIds.has(p)),
  )
  return {
    sources: t.sources,
    places: t.places,
    sectors: t.sectors,
    organizations,
    events,
    eventOrgs,
    figures,
    outcomes,
  }
}

function byId<T extends { id: string }>(items: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {}
  for (const item of items) out[item.id] = item
  return out
}

function rootsOf(events: readonly CoopEvent[]): Record<string, string> {
  const parent = new Map(events.map((e) => [e.id, e.parent]))
  const out: Record<string, string> = {}
  for (const e of events) {
    let cur = e.id
    const seen = new Set<string>()
    for (let up = parent.get(cur); up && !seen.has(up) && parent.has(up); up = parent.get(cur)) {
      seen.add(cur)
      cur = up
    }
    out[e.id] = cur
  }
  return out
}

/**
 * Freezes plain data all the way down. Values are looked at before the call, and `for … in`
 * spares a list of values per object: at 100,000 outcomes that is most of the cost.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeAll(value)
  return value
}

function freezeAll(value: object): void {
  Object.freeze(value)
  if (Array.isArray(value)) {
    for (const item of value as unknown[])
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeAll(item)
  } else {
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key]
      if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeAll(item)
    }
  }
}

/**
 * One string for each id, which every record that names it then shares. A cell is a slice of
 * its file's whole text: records holding their own would keep that text alive, and every later
 * lookup would compare characters where comparing references suffices. Object keys are interned
 * strings, read back here, so property lookups by them (`index.org[id]`) are direct too.
 */
function sharedStrings(ids: readonly string[]): Map<string, string> {
  const keys: Record<string, null> = Object.create(null)
  for (const id of ids) keys[id] = null
  const out = new Map<string, string>()
  for (const key of Object.keys(keys)) out.set(key, key)
  return out
}

/** The ids each file declares, each with its shared string. */
interface Refs {
  placeIds?: ReadonlyMap<string, string>
  sectorIds?: ReadonlyMap<string, string>
  sourceIds?: ReadonlyMap<string, string>
  eventIds?: ReadonlyMap<string, string>
  orgIds?: ReadonlyMap<string, string>
  figureIds?: ReadonlyMap<string, string>
}

/** Holds the problem list and file names while the tables are converted one by one. */
class Context {
  /** Each table's ids with the row that declares them. */
  private readonly rows = new Map<TableName, Map<string, number>>()
  /** The same, for a table read without `unique` (see `outcomes`): asked only for a problem. */
  private readonly rowsLater = new Map<TableName, (id: string) => number | undefined>()
  /** parseAmount's result for each unit and text: amounts repeat (10亿元, 80余项). */
  private readonly amounts = new Map<Unit, Map<string, ParseResult>>()

  constructor(
    private readonly p: ProblemList,
    private readonly fileOf: (t: TableName) => string,
    private readonly strings: ReadonlyMap<string, string>,
  ) {}

  /** The shared string for an id (see `sharedStrings`); other text as it is. */
  private s<S extends string>(text: S): S {
    return (this.strings.get(text) as S | undefined) ?? text
  }

  private opt(text: string): string | null {
    return text === '' ? null : this.s(text)
  }

  unique<T extends TableName>(table: T, rows: CheckedRow<T>[]): CheckedRow<T>[] {
    const seen = new Map<string, number>()
    this.rows.set(table, seen)
    return rows.filter((r) => {
      const id = (r.data as { id: string }).id
      const first = seen.get(id)
      if (first !== undefined) {
        this.p.error(
          this.fileOf(table),
          r.row,
          'id',
          id,
          `duplicate id: row ${first} has it already`,
        )
        return false
      }
      seen.set(id, r.row)
      return true
    })
  }

  private rowOf(table: TableName, id: string): number {
    return this.rows.get(table)?.get(id) ?? this.rowsLater.get(table)?.(id) ?? 0
  }

  /** A reference's shared string ('' when empty); null when no row declares it (reported). */
  private ref(
    table: TableName,
    row: number,
    field: string,
    value: string,
    known: ReadonlyMap<string, string> | undefined,
    what: TableName,
  ): string | null {
    const id = value === '' || !known ? value : known.get(value)
    if (id !== undefined) return id
    this.p.error(
      this.fileOf(table),
      row,
      field,
      value,
      `unknown id: no row in ${this.fileOf(what)} has this id; correct it, or add that row to ${this.fileOf(what)}`,
    )
    return null
  }

  private date(table: TableName, row: number, field: string, value: string): DateValue | null {
    const d = parseDate(value)
    if (d.ok) return d.date
    this.p.error(this.fileOf(table), row, field, value, d.error)
    return null
  }

  private amount(
    table: TableName,
    row: number,
    field: string,
    value: string,
    unit: Unit,
  ): Amount | null {
    const a = this.parsed(value, unit)
    if (a.ok) return a.amount
    this.p.error(this.fileOf(table), row, field, value, a.error)
    return null
  }

  /** parseAmount, once for each text and unit: amounts repeat (10亿元, 80余项). */
  private parsed(value: string, unit: Unit): ParseResult {
    const known = this.amounts.get(unit) ?? this.amounts.set(unit, new Map()).get(unit)!
    let a = known.get(value)
    if (!a) {
      a = parseAmount(value, unit)
      known.set(value, a)
    }
    return a
  }

  /** Each credited publisher's English name, from the first source that gives one. */
  private readonly publisherEn = new Map<string, { name: string; row: number }>()

  source(r: CheckedRow<'sources'>): Source {
    const d = r.data
    const published =
      d.published === '' ? null : this.date('sources', r.row, 'published', d.published)
    const source: Source = {
      id: this.s(d.id),
      title: d.title,
      publisher: d.publisher,
      originalPublisher: d.original_publisher,
      publisherEn: d.publisher_en.trim(),
      published,
      url: d.url,
      note: d.note,
    }
    const en = source.publisherEn
    const credited = creditedPublisher(source, 'zh-CN')
    const first = this.publisherEn.get(credited)
    if (en && !first) this.publisherEn.set(credited, { name: en, row: r.row })
    else if (en && first && first.name !== en)
      this.p.warn(
        this.fileOf('sources'),
        r.row,
        'publisher_en',
        en,
        `row ${first.row} already gives ${first.name} as ${credited}'s English name; that one is used for both`,
      )
    return source
  }

  /**
   * One English name per publisher: a publisher's name need be given once, on any of its
   * sources, and every source credited to it then has it (so a list of publishers names each one
   * once, in either language).
   */
  publishersInEnglish(sources: Source[]): Source[] {
    for (const s of sources)
      s.publisherEn = this.publisherEn.get(creditedPublisher(s, 'zh-CN'))?.name ?? ''
    return sources
  }

  sector(r: CheckedRow<'sectors'>): Sector {
    const d = r.data
    return { id: this.s(d.id), name: { zh: d.name_zh, en: d.name_en || d.name_zh } }
  }

  place(r: CheckedRow<'places'>): Place | null {
    const d = r.data
    const file = this.fileOf('places')
    let ok = true
    if (!PROVINCE_NAMES.has(d.province_zh)) {
      const short = mapProvinceName(d.province_zh)
      this.p.error(
        file,
        r.row,
        'province_zh',
        d.province_zh,
        short
          ? `not a province on the map; write ${short}, the map’s name for it`
          : `not a province on the map; expected one of: ${[...PROVINCE_NAMES].join(' ')}`,
      )
      ok = false
    }
    const adcodeProblem = checkAdcode(d.adcode)
    if (adcodeProblem) {
      this.p.error(file, r.row, 'adcode', d.adcode, adcodeProblem)
      ok = false
    } else if (PROVINCE_NAMES.has(d.province_zh) && provinceOfAdcode(d.adcode) !== d.province_zh) {
      this.p.error(
        file,
        r.row,
        'adcode',
        d.adcode,
        `belongs to ${provinceOfAdcode(d.adcode) ?? 'no province'}, but province_zh says ${d.province_zh}`,
      )
      ok = false
    } else if (/^\d{2}0000$/.test(d.adcode) && !CITY_PROVINCES.has(d.province_zh)) {
      this.p.error(
        file,
        r.row,
        'adcode',
        d.adcode,
        `is the code of ${provinceOfAdcode(d.adcode) ?? 'a province'} as a whole, not of a city or district; ` +
          'Excel rounds a code it shows as 4.3E+05 (430200 becomes 430000): type the place’s own 6 digits with the column formatted as Text',
      )
      ok = false
    }
    const lng = Number(d.lng)
    const lat = Number(d.lat)
    const b = CHINA_BOUNDS
    const inLng = (x: number) => x >= b.minLng && x <= b.maxLng
    const inLat = (x: number) => x >= b.minLat && x <= b.maxLat
    if (
      !Number.isFinite(lng) ||
      !Number.isFinite(lat) ||
      d.lng.trim() === '' ||
      d.lat.trim() === ''
    ) {
      this.p.error(
        file,
        r.row,
        Number.isFinite(lng) ? 'lat' : 'lng',
        Number.isFinite(lng) ? d.lat : d.lng,
        'expected decimal degrees, e.g. 112.9388',
      )
      ok = false
    } else if (!inLng(lng) || !inLat(lat)) {
      const swapped = inLng(lat) && inLat(lng)
      const msg = swapped
        ? 'lng and lat look swapped (lng is east–west, 73–136 in China)'
        : `outside China (expected lng ${b.minLng}–${b.maxLng}, lat ${b.minLat}–${b.maxLat}); check the sign and the decimal point`
      this.p.error(file, r.row, inLng(lng) ? 'lat' : 'lng', inLng(lng) ? d.lat : d.lng, msg)
      ok = false
    }
    if (!ok) return null
    return {
      id: this.s(d.id),
      name: { zh: d.name_zh, en: d.name_en || d.name_zh },
      province: d.province_zh,
      adcode: d.adcode,
      lng,
      lat,
    }
  }

  organization(r: CheckedRow<'organizations'>, refs: Refs): Organization | null {
    const d = r.data
    // Checked in turn, as `&&` would: a row with a wrong place says nothing of its parent.
    const place = this.ref('organizations', r.row, 'place', d.place, refs.placeIds, 'places')
    const parent =
      place === null
        ? null
        : this.ref('organizations', r.row, 'parent', d.parent, refs.orgIds, 'organizations')
    if (place === null || parent === null) return null
    return {
      id: this.s(d.id),
      name: { zh: d.name_zh, en: d.name_en || d.name_zh },
      short: d.short_zh,
      kind: d.kind,
      place: place || null,
      parent: parent || null,
    }
  }

  noCycles<T extends { id: string }>(
    table: TableName,
    items: readonly T[],
    up: (t: T) => string | null,
  ): void {
    const map = new Map(items.map((i) => [i.id, i]))
    for (const item of items) {
      const seen = new Set<string>([item.id])
      for (let next = up(item); next;) {
        if (seen.has(next)) {
          const field = table === 'figures' ? 'part_of' : 'parent'
          this.p.error(
            this.fileOf(table),
            this.rowOf(table, item.id),
            field,
            item.id,
            `${field} forms a cycle through ${[...seen].join(' → ')}`,
          )
          break
        }
        seen.add(next)
        const n = map.get(next)
        next = n ? up(n) : null
      }
    }
  }

  events(rows: CheckedRow<'events'>[], refs: Refs): CoopEvent[] {
    const file = this.fileOf('events')
    const placeOf = new Map(rows.map((r) => [r.data.id, r.data.place]))
    const parentOf = new Map(rows.map((r) => [r.data.id, r.data.parent]))
    const out: CoopEvent[] = []
    for (const r of rows) {
      const d = r.data
      let ok =
        this.ref('events', r.row, 'parent', d.parent, refs.eventIds, 'events') !== null &&
        this.ref('events', r.row, 'place', d.place, refs.placeIds, 'places') !== null &&
        this.ref('events', r.row, 'sector', d.sector, refs.sectorIds, 'sectors') !== null &&
        this.ref('events', r.row, 'source', d.source, refs.sourceIds, 'sources') !== null
      const start = this.date('events', r.row, 'start', d.start)
      const end = d.end === '' ? null : this.date('events', r.row, 'end', d.end)
      if (!start || (d.end !== '' && !end)) ok = false
      if (start && end && compareDates(end, start) < 0) {
        this.p.error(
          file,
          r.row,
          'end',
          d.end,
          `ends before it starts (${d.start}); check both dates against the source`,
        )
        ok = false
      }
      // A session may leave place empty and take its conference's.
      let place = d.place
      const seen = new Set<string>()
      for (
        let up = parentOf.get(d.id);
        place === '' && up && !seen.has(up);
        up = parentOf.get(up)
      ) {
        seen.add(up)
        place = placeOf.get(up) ?? ''
      }
      if (place === '') {
        this.p.error(
          file,
          r.row,
          'place',
          '',
          'expected a place id (only a session may leave it empty and use its conference’s)',
        )
        ok = false
      }
      if (!ok || !start) continue
      out.push({
        id: this.s(d.id),
        name: { zh: d.name_zh, en: d.name_en || d.name_zh },
        series: d.series,
        edition: d.edition,
        parent: this.opt(d.parent),
        start,
        end,
        dateBasis: d.date_basis,
        place: this.s(place),
        sector: this.opt(d.sector),
        source: this.s(d.source),
        summary: { zh: d.summary_zh, en: d.summary_en || d.summary_zh },
      })
    }
    this.noCycles('events', out, (e) => e.parent)
    return out
  }

  eventOrg(r: CheckedRow<'event_orgs'>, refs: Refs): EventOrg | null {
    const d = r.data
    const ok =
      this.ref('event_orgs', r.row, 'event', d.event, refs.eventIds, 'events') !== null &&
      this.ref('event_orgs', r.row, 'org', d.org, refs.orgIds, 'organizations') !== null &&
      this.ref('event_orgs', r.row, 'source', d.source, refs.sourceIds, 'sources') !== null
    if (!ok) return null
    return {
      event: this.s(d.event),
      org: this.s(d.org),
      role: d.role,
      source: this.s(d.source),
      quote: d.quote,
    }
  }

  /**
   * The outcomes of outcomes.csv, read the short way (cleanOutcomes) when every row is valid,
   * as at 100,000 rows it should be; otherwise row by row, each problem reported.
   */
  outcomes(raw: RawTable | undefined, refs: Refs, read: CleanOutcomes | null): Outcome[] {
    if (!raw || !checkColumns(raw, this.p)) return []
    const clean = read ?? cleanOutcomes(raw, this.lookups(refs))
    if (clean) {
      this.rowsLater.set('outcomes', clean.rowOf)
      return clean.outcomes
    }
    const out: Outcome[] = []
    const rows = checkRows(raw as RawTable & { table: 'outcomes' }, this.p)
    for (const r of this.unique('outcomes', rows)) {
      const outcome = this.outcome(r, refs)
      if (outcome) out.push(outcome)
    }
    return out
  }

  /** What reading outcomes the short way looks up (see OutcomeReader). */
  lookups(refs: Refs): OutcomeLookups {
    return {
      eventIds: refs.eventIds ?? new Map(),
      sectorIds: refs.sectorIds ?? new Map(),
      sourceIds: refs.sourceIds ?? new Map(),
      figureIds: refs.figureIds ?? new Map(),
      orgIds: refs.orgIds ?? new Map(),
      amount: (value, unit) => this.parsed(value, unit),
      valueUnit: VALUE_METRIC_UNIT,
    }
  }

  outcome(r: CheckedRow<'outcomes'>, refs: Refs): Outcome | null {
    const d = r.data
    const file = this.fileOf('outcomes')
    // Checked in turn, as `&&` would: a row with an unknown event says nothing of the rest.
    const event = this.ref('outcomes', r.row, 'event', d.event, refs.eventIds, 'events')
    const sector =
      event === null
        ? null
        : this.ref('outcomes', r.row, 'sector', d.sector, refs.sectorIds, 'sectors')
    const source =
      sector === null
        ? null
        : this.ref('outcomes', r.row, 'source', d.source, refs.sourceIds, 'sources')
    const countedIn =
      source === null
        ? null
        : this.ref('outcomes', r.row, 'counted_in', d.counted_in, refs.figureIds, 'figures')
    let ok = countedIn !== null
    const parties: string[] = []
    for (const party of d.parties === '' ? [] : d.parties.split('|')) {
      const id = this.ref('outcomes', r.row, 'parties', party, refs.orgIds, 'organizations')
      parties.push(id ?? party)
      ok = id !== null && ok
    }
    let amount: Amount | null = null
    if (d.value !== '' && d.value_metric === '') {
      this.p.error(
        file,
        r.row,
        'value_metric',
        '',
        `a value needs value_metric to say what it measures (${Object.keys(VALUE_METRIC_UNIT).join(', ')})`,
      )
      ok = false
    } else if (d.value === '' && d.value_metric !== '') {
      this.p.error(file, r.row, 'value', '', `value_metric is ${d.value_metric} but value is empty`)
      ok = false
    } else if (d.value_metric !== '') {
      amount = this.amount('outcomes', r.row, 'value', d.value, VALUE_METRIC_UNIT[d.value_metric])
      if (!amount) ok = false
    }
    if (!ok || event === null || source === null) return null
    return {
      id: d.id,
      event,
      kind: d.kind,
      status: d.status,
      title: { zh: d.title_zh, en: d.title_en || d.title_zh },
      parties,
      amount,
      valueMetric: d.value_metric === '' ? null : d.value_metric,
      sector: sector || null,
      countedIn: countedIn || null,
      source,
      quote: d.quote,
    }
  }

  figure(r: CheckedRow<'figures'>, refs: Refs): Figure | null {
    const d = r.data
    const file = this.fileOf('figures')
    let ok =
      this.ref('figures', r.row, 'event', d.event, refs.eventIds, 'events') !== null &&
      this.ref('figures', r.row, 'source', d.source, refs.sourceIds, 'sources') !== null &&
      this.ref('figures', r.row, 'part_of', d.part_of, refs.figureIds, 'figures') !== null
    if (d.subject !== '' && !refs.orgIds?.has(d.subject) && !refs.placeIds?.has(d.subject)) {
      this.p.error(
        file,
        r.row,
        'subject',
        d.subject,
        `unknown id: no row in ${this.fileOf('organizations')} or ${this.fileOf('places')} has this id; correct it, or add that row`,
      )
      ok = false
    }
    if (d.part_of === d.id) {
      this.p.error(file, r.row, 'part_of', d.part_of, 'a figure cannot be part of itself')
      ok = false
    }
    if (d.period !== '' && !/^\d{4}(-\d{2})?(\/\d{4}(-\d{2})?)?$/.test(d.period)) {
      this.p.error(
        file,
        r.row,
        'period',
        d.period,
        'expected YYYY, YYYY-MM, or a span like 2023-10/2024-11',
      )
      ok = false
    }
    const metric = metricDef(d.metric)
    if (metric && d.unit !== '' && d.unit !== metric.unit) {
      this.p.error(
        file,
        r.row,
        'unit',
        d.unit,
        `metric ${d.metric} is measured in ${metric.unit}; write ${metric.unit} or leave unit empty`,
      )
      ok = false
    }
    const amount = metric ? this.amount('figures', r.row, 'value', d.value, metric.unit) : null
    if (!ok || !amount) return null
    return {
      id: this.s(d.id),
      event: this.s(d.event),
      subject: this.opt(d.subject),
      metric: d.metric as MetricId,
      scope: d.scope,
      period: d.period,
      partOf: this.opt(d.part_of),
      amount,
      source: this.s(d.source),
      quote: d.quote,
    }
  }

  /** A total and the items it includes must belong to the same conference. */
  sameConference<T extends { id: string; event: string }>(
    table: TableName,
    items: readonly T[],
    link: (t: T) => string | null,
    figures: Record<string, Figure>,
    roots: Record<string, string>,
    field: string,
  ): void {
    for (const item of items) {
      const target = link(item)
      const fig = target ? figures[target] : undefined
      if (fig && roots[fig.event] !== roots[item.event]) {
        this.p.error(
          this.fileOf(table),
          this.rowOf(table, item.id),
          field,
          target ?? '',
          `${item.id} belongs to ${item.event} but ${field} points at a figure of ${fig.event}`,
        )
      }
    }
  }
}

const AS_TEXT = 'with the column formatted as Text'

function checkAdcode(adcode: string): string | null {
  if (/^\d{6}$/.test(adcode)) return null
  if (/^\d(\.\d+)?E\+?\d+$/i.test(adcode)) {
    return `Excel turned this adcode into scientific notation; type the 6 digits, e.g. 430100, ${AS_TEXT}`
  }
  if (/^\d{6}\.0+$/.test(adcode)) {
    return `Excel saved this adcode as a decimal number; write the 6 digits without .0, ${AS_TEXT}`
  }
  if (/^\d{1,3}(,\d{3})+$/.test(adcode)) {
    return `Excel added a thousands separator; write the 6 digits without commas, ${AS_TEXT}`
  }
  if (/^\d{1,5}$/.test(adcode)) {
    return `has lost digits: an adcode has 6 (e.g. 430100), this one has ${adcode.length}; type it again ${AS_TEXT}`
  }
  return 'expected a 6-digit administrative code, e.g. 430100'
}
