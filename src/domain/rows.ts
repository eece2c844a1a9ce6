import * as v from 'valibot'
import type { ProblemList } from './problems'
import { TABLE_SCHEMAS, columnsOf, OPTIONAL_COLUMNS, type RawRow, type TableName } from './tables'

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
    const trimmed = raw.columns.find((c) => c.trim() === col)
    const hint = trimmed !== undefined ? ' (the header has it with extra spaces)' : ''
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
    if (!expected.includes(col)) {
      problems.warn(raw.file, 1, col, '', 'unknown column, ignored')
    }
  }
  return ok
}

function cellText(value: unknown): string | null {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return null
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  return `a ${typeof value}`
}

/** Validates each row against the table's schema; a row with any error is left out. */
export function checkRows<T extends TableName>(
  raw: RawTable & { table: T },
  problems: ProblemList,
): CheckedRow<T>[] {
  const schema = TABLE_SCHEMAS[raw.table]
  const columns = columnsOf(raw.table)
  const out: CheckedRow<T>[] = []
  for (const rec of raw.rows) {
    const cells: Record<string, string> = {}
    let typeOk = true
    for (const col of columns) {
      const text = cellText(rec.cells[col])
      if (text === null) {
        problems.error(
          raw.file,
          rec.row,
          col,
          '',
          `expected text or a number, got ${describe(rec.cells[col])}`,
        )
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

function explain(value: string, message: string): string {
  if (value !== value.trim() && value.trim() !== '') {
    return 'has spaces before or after it (spreadsheets sometimes add them); remove them'
  }
  return message
}
