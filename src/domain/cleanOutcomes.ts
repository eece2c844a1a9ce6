import type { Amount, ParseResult } from './amount'
import type { RawTable } from './rows'
import { ID_RE } from './tables'
import type { Outcome } from './types'
import {
  OUTCOME_KINDS,
  OUTCOME_STATUSES,
  VALUE_METRICS,
  type Unit,
  type ValueMetric,
} from './vocab'

/** What converting an outcome looks up: the ids other tables declare, and amounts. */
export interface OutcomeLookups {
  /** Each declared id with the one string the dataset holds for it. */
  eventIds: ReadonlyMap<string, string>
  sectorIds: ReadonlyMap<string, string>
  sourceIds: ReadonlyMap<string, string>
  figureIds: ReadonlyMap<string, string>
  orgIds: ReadonlyMap<string, string>
  /** parseAmount of a value in a unit, as the full path has it (the same objects). */
  amount: (value: string, unit: Unit) => ParseResult
  valueUnit: Readonly<Record<ValueMetric, Unit>>
}

export interface CleanOutcomes {
  outcomes: Outcome[]
  /** The spreadsheet row of each outcome id. */
  rowOf: (id: string) => number | undefined
}

/**
 * outcomes.csv read straight from its CellGrid, when every row of it is valid: the same
 * outcomes the full path (checkRows, then Context.unique and Context.outcome) makes, at a
 * fraction of the cost at 100,000 rows (see OutcomeReader). Null when some row is not.
 */
export function cleanOutcomes(raw: RawTable, find: OutcomeLookups): CleanOutcomes | null {
  const { grid } = raw
  if (raw.table !== 'outcomes' || !grid) return null
  const reader = OutcomeReader.for(raw.columns, find)
  if (!reader) return null
  const { text, bounds, rowNumbers } = grid
  const stride = grid.width + 1
  for (let i = 0, base = 0; i < rowNumbers.length; i++, base += stride)
    if (!reader.row(text, bounds, base, rowNumbers[i]!)) return null
  return reader.result()
}

/**
 * Reads outcomes.csv row by row, from the cells' places in a text, as long as every row is
 * valid: whatever is checked or looked up about an id or a word is done once for each distinct
 * value, and no record is made for a row. A row may come from a CellGrid (cleanOutcomes) or
 * from the file as it arrives (see CsvStream).
 *
 * It reports nothing: at the first row the full path would refuse, or might read differently,
 * it stops, and the full path reads the table again and words every problem. So it must refuse
 * whatever the full path refuses, and make what the full path makes of every row it takes.
 */
export class OutcomeReader {
  private readonly outcomes: Outcome[] = []
  private readonly rows: number[] = []
  /** Whether every row so far was clean. */
  private clean = true
  /**
   * Ids in ascending order, as a generated or sorted file has them, are each new, which
   * comparing each with the one before shows; the first that is not sends them all to a set,
   * where a repeated id is found (and the table is not clean).
   */
  private lastId = ''
  private ids: Set<string> | null = null
  // What each distinct value of a column reads as, null where it is not valid there.
  private readonly events: Memo<string>
  private readonly kinds = new Memo((v) => word(v, OUTCOME_KINDS))
  private readonly statuses = new Memo((v) => word(v, OUTCOME_STATUSES))
  private readonly sectors: Memo<string>
  private readonly countedIns: Memo<string>
  private readonly sources: Memo<string>
  private readonly orgs: Memo<string>
  private readonly metrics = new Memo((v) => wordOrEmpty(v, VALUE_METRICS))
  private readonly amounts = new Map<Unit, Memo<Amount>>()

  /** A reader for a file with these columns; null when one is missing (not clean). */
  static for(columns: readonly string[], find: OutcomeLookups): OutcomeReader | null {
    const at = Object.fromEntries(OUTCOME_COLUMNS.map((c) => [c, columns.indexOf(c)]))
    return Object.values(at).includes(-1) ? null : new OutcomeReader(at as Places, find)
  }

  private constructor(
    /** Each column's place in a row. */
    private readonly at: Places,
    private readonly find: OutcomeLookups,
  ) {
    this.events = new Memo((v) => known(v, find.eventIds))
    this.sectors = new Memo((v) => knownOrEmpty(v, find.sectorIds))
    this.countedIns = new Memo((v) => knownOrEmpty(v, find.figureIds))
    this.sources = new Memo((v) => known(v, find.sourceIds))
    this.orgs = new Memo((v) => known(v, find.orgIds))
  }

  /**
   * Reads the row whose cell k is `text.slice(bounds[base + k], bounds[base + k + 1] - 1)`;
   * false, now and for every later row, once a row is not clean.
   */
  row(text: string, bounds: Int32Array, base: number, row: number): boolean {
    if (this.clean && !this.read(text, bounds, base, row)) this.clean = false
    return this.clean
  }

  /** The outcomes, when every row was clean. */
  result(): CleanOutcomes | null {
    if (!this.clean) return null
    const { outcomes, rows } = this
    let byId: Map<string, number> | null = null
    return {
      outcomes,
      rowOf: (id) => {
        byId ??= new Map(outcomes.map((o, i) => [o.id, rows[i]!]))
        return byId.get(id)
      },
    }
  }

  private read(text: string, bounds: Int32Array, base: number, row: number): boolean {
    const { at } = this
    const id = cut(text, bounds, base + at.id)
    if (!this.ids && this.outcomes.length > 0 && !(id > this.lastId))
      this.ids = new Set(this.outcomes.map((o) => o.id))
    if (this.ids) {
      if (this.ids.has(id)) return false
      this.ids.add(id)
    }
    this.lastId = id
    if (!ID_RE.test(id)) return false

    const event = this.events.at(text, bounds, base + at.event)
    const kind = this.kinds.at(text, bounds, base + at.kind)
    const status = this.statuses.at(text, bounds, base + at.status)
    const sector = this.sectors.at(text, bounds, base + at.sector)
    const countedIn = this.countedIns.at(text, bounds, base + at.counted_in)
    const source = this.sources.at(text, bounds, base + at.source)
    if (
      event === null ||
      kind === null ||
      status === null ||
      sector === null ||
      countedIn === null ||
      source === null
    )
      return false

    const titleZh = nonBlank(text, bounds[base + at.title_zh]!, bounds[base + at.title_zh + 1]! - 1)
    const quote = nonBlank(text, bounds[base + at.quote]!, bounds[base + at.quote + 1]! - 1)
    if (titleZh === null || quote === null) return false
    const titleEn = cut(text, bounds, base + at.title_en)

    // '' or ids separated by |, each one an organisation's.
    const parties: string[] = []
    const from = bounds[base + at.parties]!
    const to = bounds[base + at.parties + 1]! - 1
    for (let p = from, q = from; from < to && q <= to; q++) {
      if (q < to && text.charCodeAt(q) !== 0x7c) continue
      const org = this.orgs.slice(text, p, q)
      if (org === null) return false
      parties.push(org)
      p = q + 1
    }

    // A value and its metric come together, and the value is an amount in the metric's unit.
    const metric = this.metrics.at(text, bounds, base + at.value_metric)
    if (metric === null) return false
    const noValue = bounds[base + at.value]! === bounds[base + at.value + 1]! - 1
    if (noValue !== (metric === '')) return false
    let amount: Amount | null = null
    if (metric !== '') {
      amount = this.amountsIn(this.find.valueUnit[metric]).at(text, bounds, base + at.value)
      if (amount === null) return false
    }

    // Frozen as the dataset is in the end; deepFreeze then passes over them.
    this.outcomes.push(
      Object.freeze({
        id,
        event,
        kind,
        status,
        title: Object.freeze({ zh: titleZh, en: titleEn || titleZh }),
        parties: Object.freeze(parties),
        amount,
        valueMetric: metric === '' ? null : metric,
        sector: sector || null,
        countedIn: countedIn || null,
        source,
        quote,
      }),
    )
    this.rows.push(row)
    return true
  }

  private amountsIn(unit: Unit): Memo<Amount> {
    let memo = this.amounts.get(unit)
    if (!memo) {
      // Frozen here, as the dataset is in the end: a frozen outcome is not looked into again.
      const read = (v: string) => {
        const amount = amountOf(this.find.amount(v, unit))
        return amount && Object.freeze(amount)
      }
      this.amounts.set(unit, (memo = new Memo(read)))
    }
    return memo
  }
}

/** The columns OutcomeReader reads. */
const OUTCOME_COLUMNS = [
  'id',
  'event',
  'kind',
  'status',
  'title_zh',
  'title_en',
  'parties',
  'value',
  'value_metric',
  'sector',
  'counted_in',
  'source',
  'quote',
] as const

type Places = Readonly<Record<(typeof OUTCOME_COLUMNS)[number], number>>

/** The cell that starts at `bounds[at]`. */
function cut(text: string, bounds: Int32Array, at: number): string {
  return text.slice(bounds[at]!, bounds[at + 1]! - 1)
}

/** A column's distinct values, each read once. */
class Memo<T> {
  /** What each value reads as; null where it is not valid. */
  private readonly values = new Map<string, T | null>()
  /**
   * The first values, while a column has few (kinds, statuses, sectors), with what they read
   * as: told apart by comparing characters in place, cheaper than hashing a new string.
   */
  private few: string[] | null = []
  private readonly fewRead: (T | null)[] = []
  /** What '' reads as, once asked. */
  private empty: T | null | undefined = undefined

  constructor(private readonly read: (value: string) => T | null) {}

  /** What `text[start, end)` reads as. */
  slice(text: string, start: number, end: number): T | null {
    // Many cells are empty (no sector, no value): those need no look-up.
    if (start === end) return this.empty === undefined ? (this.empty = this.read('')) : this.empty
    const { few } = this
    if (few) {
      for (let i = 0; i < few.length; i++) {
        const value = few[i]!
        if (value.length === end - start && text.startsWith(value, start)) return this.fewRead[i]!
      }
    }
    const value = text.slice(start, end)
    let known = this.values.get(value)
    if (known === undefined) {
      this.values.set(value, (known = this.read(value)))
      if (few && few.push(value) > FEW) this.few = null
      else this.fewRead.push(known)
    }
    return known
  }

  /** What the cell that starts at `bounds[at]` reads as. */
  at(text: string, bounds: Int32Array, at: number): T | null {
    return this.slice(text, bounds[at]!, bounds[at + 1]! - 1)
  }
}

/** How many distinct values a Memo tells apart by comparing, before it hashes them. */
const FEW = 16

/** The dataset's string for a valid id that `declared` has; null otherwise. */
function known(id: string, declared: ReadonlyMap<string, string>): string | null {
  return ID_RE.test(id) ? (declared.get(id) ?? null) : null
}

function knownOrEmpty(id: string, declared: ReadonlyMap<string, string>): string | null {
  return id === '' ? '' : known(id, declared)
}

function word<const T extends readonly string[]>(value: string, words: T): T[number] | null {
  return (words as readonly string[]).includes(value) ? (value as T[number]) : null
}

function wordOrEmpty<const T extends readonly string[]>(
  value: string,
  words: T,
): T[number] | '' | null {
  return value === '' ? '' : word(value, words)
}

function amountOf(result: ParseResult): Amount | null {
  return result.ok ? result.amount : null
}

/**
 * A text cell as the schema's `text` gives it: trimmed, and null when nothing is left. Cut as
 * it is when it starts and ends with something other than white space, as almost all do.
 */
function nonBlank(text: string, start: number, end: number): string | null {
  if (start === end) return null
  const cut = text.slice(start, end)
  if (!isSpace(text.charCodeAt(start)) && !isSpace(text.charCodeAt(end - 1))) return cut
  const trimmed = cut.trim()
  return trimmed === '' ? null : trimmed
}

/** What String.prototype.trim removes: ECMAScript's WhiteSpace and LineTerminator. */
function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}
