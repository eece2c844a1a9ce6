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
  const schema = TABLE_SCHEMAS[raw.table]
  const columns = columnsOf(raw.table)
  const quick = quickCheckOf(raw.table)
  const out: CheckedRow<T>[] = []
  for (const rec of raw.rows) {
    const passed = quick?.(rec.cells)
    if (passed) {
      out.push({ row: rec.row, data: passed as RawRow<T> })
      continue
    }
    const cells: Record<string, string> = {}
    let typeOk = true
    for (const col of columns) {
      const value = rec.cells[col]
      const text = cellText(col, value)
      if (text === null) {
        problems.error(raw.file, rec.row, col, shortJson(value), wrongType(value))
        typeOk = false
        continue
      }
      cells[col] = text
    }
    if (!typeOk) continue
    const result = v.safeParse(schema, cells)
    if (!result.success) {
      for (const issue of result.issues) {
        const key = issue.path?.[0]?.key
        const field = typeof key === 'string' ? key : ''
        const value = cells[field] ?? ''
        problems.error(raw.file, rec.row, field, value, explain(value, issue.message))
      }
      continue
    }
    out.push({ row: rec.row, data: result.output as RawRow<T> })
  }
  return out
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
