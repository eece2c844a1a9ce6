import * as v from 'valibot'
import type { ProblemList } from './problems'
import { quickRowCheck, type RowCheck } from './quickCheck'
import {
  ID_LIST_MSG,
  ID_MSG,
  ID_RE,
  NUMERIC_COLUMNS,
  OPTIONAL_COLUMNS,
  TABLE_SCHEMAS,
  columnsOf,
  type RawRow,
  type TableName,
} from './tables'

/** A table as read from one file, before validation. Cells are whatever the file held. */
export interface RawTable {
  table: TableName
  file: string
  /** Column names in file order (for CSV: the header row; for JSON: the union of keys). */
  columns: readonly string[]
  rows: readonly RawRecord[]
  /**
   * A CSV table's cells as places in its text, where the reader kept them so (a file without
   * quotes); `rows` is then made only if something asks for it.
   */
  grid?: CellGrid
}

/**
 * The cells of a CSV table as offsets into its text. At 100,000 rows, 1.3 million strings and
 * 100,000 records cost more to make, keep and collect than checking the rows does; from the
 * offsets a reader cuts only the cells it needs (see cleanOutcomes).
 */
export interface CellGrid {
  text: string
  /** Cells in each row: the header's count. */
  width: number
  /** The spreadsheet row number of each row. */
  rowNumbers: Int32Array
  /**
   * Row i's cell k is `text.slice(bounds[i * (width + 1) + k], bounds[i * (width + 1) + k + 1] - 1)`:
   * each cell ends one character (a comma or a line break) before the next one starts.
   */
  bounds: Int32Array
}

/** Cell k of row i of a grid. */
export function gridCell(grid: CellGrid, i: number, k: number): string {
  const at = i * (grid.width + 1) + k
  return grid.text.slice(grid.bounds[at]!, grid.bounds[at + 1]! - 1)
}

/** How many rows a table has. */
export function rowCount(raw: RawTable): number {
  return raw.grid ? raw.grid.rowNumbers.length : raw.rows.length
}

/** Each row's id as text, trimmed ('' where it has none), in row order. */
export function idsOf(raw: RawTable): string[] {
  const { grid } = raw
  if (!grid) return raw.rows.map((r) => String(r.cells['id'] ?? '').trim())
  const k = raw.columns.indexOf('id')
  const out: string[] = new Array(grid.rowNumbers.length)
  for (let i = 0; i < out.length; i++) out[i] = k < 0 ? '' : gridCell(grid, i, k).trim()
  return out
}

export interface RawRecord {
  /** Spreadsheet row number (header = 1) for CSV; 1-based item number for JSON. */
  row: number
  cells: Readonly<Record<string, unknown>>
}

export interface CheckedRow<T extends TableName> {
  row: number
  data: RawRow<T>
}

/** Checks a file's columns: a missing required column fails the file; extras only warn. */
export function checkColumns(raw: RawTable, problems: ProblemList): boolean {
  const expected = columnsOf(raw.table)
  const present = new Set(raw.columns)
  let ok = true
  for (const col of expected) {
    if (present.has(col) || OPTIONAL_COLUMNS.has(col)) continue
    const near = raw.columns.find((c) => c.trim().toLowerCase() === col)
    const hint =
      near === undefined
        ? ''
        : near.trim() !== near
          ? ' (the header has it with extra spaces)'
          : ` (the header has ${near}: column names are lowercase)`
    problems.error(
      raw.file,
      1,
      col,
      '',
      `missing column${hint}; expected columns: ${expected.join(', ')}`,
    )
    ok = false
  }
  for (const col of raw.columns) {
    if (expected.includes(col) || expected.includes(col.trim().toLowerCase())) continue
    problems.warn(
      raw.file,
      1,
      col,
      '',
      col === ''
        ? 'a column without a name in the header, ignored'
        : `unknown column, ignored; the columns read are: ${expected.join(', ')}`,
    )
  }
  return ok
}

/** A cell as text; null when a JSON cell holds something a spreadsheet cell cannot. */
function cellText(column: string, value: unknown): string | null {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value) && NUMERIC_COLUMNS.has(column)) {
    return String(value)
  }
  return null
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'an object'
  return `a ${typeof value}`
}

function wrongType(value: unknown): string {
  const got = `expected text, got ${describe(value)}`
  if (typeof value === 'number') return `${got}; write it as a string ("${value}")`
  if (Array.isArray(value)) return `${got}; write one string (ids as "a|b")`
  if (typeof value === 'object') return `${got}; a cell holds one string`
  return `${got}; write it as a string`
}

function shortJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Validates each row against the table's schema; a row with any error is left out. */
export function checkRows<T extends TableName>(
  raw: RawTable & { table: T },
  problems: ProblemList,
): CheckedRow<T>[] {
  const quick = quickCheckOf(raw.table)
  const out: CheckedRow<T>[] = []
  const check = (row: number, cells: Readonly<Record<string, unknown>>) => {
    const passed = quick?.(cells)
    const data = passed ? (passed as RawRow<T>) : fullCheck(raw, row, cells, problems)
    if (data) out.push({ row, data })
  }
  const { grid } = raw
  if (!grid) {
    for (const rec of raw.rows) check(rec.row, rec.cells)
    return out
  }
  // The schema's columns only, by their place in the file; one the file leaves out is read as
  // empty, as a record without that key is.
  const columns = columnsOf(raw.table)
  const at = columns.map((c) => raw.columns.indexOf(c))
  for (let i = 0; i < grid.rowNumbers.length; i++) {
    const cells: Record<string, string> = {}
    columns.forEach((c, j) => (cells[c] = at[j]! < 0 ? '' : gridCell(grid, i, at[j]!)))
    check(grid.rowNumbers[i]!, cells)
  }
  return out
}

/** The schema's verdict on a row, every problem reported; null when it has any. */
function fullCheck<T extends TableName>(
  raw: RawTable & { table: T },
  row: number,
  given: Readonly<Record<string, unknown>>,
  problems: ProblemList,
): RawRow<T> | null {
  const cells: Record<string, string> = {}
  let typeOk = true
  for (const col of columnsOf(raw.table)) {
    const value = given[col]
    const text = cellText(col, value)
    if (text === null) {
      problems.error(raw.file, row, col, shortJson(value), wrongType(value))
      typeOk = false
      continue
    }
    cells[col] = text
  }
  if (!typeOk) return null
  const result = v.safeParse(TABLE_SCHEMAS[raw.table], cells)
  if (!result.success) {
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key
      const field = typeof key === 'string' ? key : ''
      const value = cells[field] ?? ''
      problems.error(raw.file, row, field, value, explain(value, issue.message))
    }
    return null
  }
  return result.output as RawRow<T>
}

const quickChecks = new Map<TableName, RowCheck | null>()

function quickCheckOf(table: TableName): RowCheck | null {
  if (!quickChecks.has(table)) quickChecks.set(table, quickRowCheck(TABLE_SCHEMAS[table].entries))
  return quickChecks.get(table)!
}

const ID_MESSAGES: ReadonlySet<string> = new Set([ID_MSG, ID_LIST_MSG])

/** Names what spreadsheets and copy-paste do to ids, rather than only restating the rule. */
function explain(value: string, message: string): string {
  const trimmed = value.trim()
  if (value !== trimmed && trimmed !== '') {
    const start = value !== value.trimStart()
    const end = value !== value.trimEnd()
    const where = start && end ? 'before and after it' : start ? 'at the start' : 'at the end'
    return `has a space ${where} (spreadsheets and copy-paste leave them); remove it`
  }
  if (!ID_MESSAGES.has(message)) return message
  if (/\s/.test(value)) {
    return 'has a space in it; ids never contain spaces: write csu|sany, not csu | sany'
  }
  if (value.split('|').every((part) => ID_RE.test(part.toLowerCase()))) {
    return `has capital letters; ids are lowercase: write ${value.toLowerCase()}`
  }
  return message
}
