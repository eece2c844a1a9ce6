// CSV of exactly the data behind a chart (DESIGN.md §4 Studio, §5), written for the tools press
// people open it with: Excel and WPS on Chinese Windows.

export type CsvCell = string | number | null

export interface CsvTable {
  columns: readonly string[]
  rows: readonly (readonly CsvCell[])[]
}

/**
 * Excel and WPS read a CSV without a byte-order mark in the system code page (GBK on Chinese
 * Windows) and show UTF-8 Chinese as mojibake; the BOM makes them read UTF-8.
 */
export const BOM = '\uFEFF'
const EOL = '\r\n'

/** Plain digits: no grouping, no exponent (3086000000, not 3,086,000,000 or 3.086e9). */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return ''
  const s = String(n) // -0 prints as 0
  if (!/e/i.test(s)) return s
  // String() switches to an exponent from 1e21 up and below 1e-6.
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 })
}

/**
 * A spreadsheet runs a cell that starts with =, +, @ or - as a formula (CSV injection: a title
 * in the data such as `=HYPERLINK(…)` would become a live link or worse when a journalist opens
 * the file). A leading apostrophe makes Excel and WPS take the cell as text and is not shown.
 * `-` followed by a digit is a negative number written as text (-5%), which is left alone, as is
 * a lone `-` used for "no value". Tab and CR at the start are treated like = by OWASP's advice.
 */
function guardFormula(s: string): string {
  return /^(?:[=+@\t\r]|-(?=[^\d.]|\.\D))/.test(s) ? `'${s}` : s
}

/** Quoted when it holds a comma, quote, CR or LF, or starts or ends with a space (Excel trims). */
function field(cell: CsvCell): string {
  if (cell === null) return ''
  const s = typeof cell === 'number' ? numberText(cell) : guardFormula(cell)
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/**
 * The table as CSV text: BOM, header row, one record per row, CRLF after every record (RFC 4180;
 * Excel on Windows expects CRLF). Encode with TextEncoder (UTF-8) to save it.
 */
export function toCsv(table: CsvTable): string {
  const lines = [table.columns, ...table.rows].map((row) => row.map(field).join(',') + EOL)
  return BOM + lines.join('')
}
