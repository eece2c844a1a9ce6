import type { AppLocale } from '../data/config'
import { QUALIFIERS, type Qualifier } from '../domain/vocab'
import { provenanceColumns } from './provenance'
import type { TableData } from './types'

/** A chart's table as people read it on the page (the CSV keeps the raw values). */
export interface TableView {
  columns: readonly string[]
  /** Right-aligned: every filled cell of the column is a number. */
  numeric: readonly boolean[]
  rows: readonly (readonly string[])[]
}

const isQualifier = (v: unknown): v is Qualifier =>
  typeof v === 'string' && (QUALIFIERS as readonly string[]).includes(v)

/**
 * The chart's `table()` for reading: numbers with digit grouping in the page's language, and the
 * qualifier column (vocabulary ids such as `more_than`, which the CSV keeps for machines) in
 * words. Everything stays text: the view renders it as text, never as markup.
 */
export function tableView(
  table: TableData,
  locale: AppLocale,
  qualifierWords: Readonly<Record<Qualifier, string>>,
): TableView {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })
  const qualifierColumn = table.columns.indexOf(provenanceColumns(locale)[0])
  const rows = table.rows.map((row) =>
    table.columns.map((_, i) => {
      const v = row[i]
      if (v === undefined || v === '') return ''
      if (typeof v === 'number') return Number.isFinite(v) ? number.format(v) : '—'
      if (i === qualifierColumn && isQualifier(v)) return qualifierWords[v]
      return v
    }),
  )
  const numeric = table.columns.map((_, i) => {
    const filled = table.rows.map((r) => r[i]).filter((v) => v !== undefined && v !== '')
    return filled.length > 0 && filled.every((v) => typeof v === 'number')
  })
  return { columns: table.columns, numeric, rows }
}
