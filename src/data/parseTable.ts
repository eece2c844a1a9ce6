import Papa from 'papaparse'
import type { ProblemList } from '../domain/problems'
import type { RawRecord, RawTable } from '../domain/rows'
import type { TableName } from '../domain/tables'

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gbk'

export interface DecodedText {
  text: string
  encoding: Encoding
}

const BOM = '\uFEFF'

/**
 * Decodes a file's bytes. UTF-8 (with or without BOM) always; GBK, what Excel on Chinese
 * Windows saves, only where the caller allows it (the import page), and always named.
 */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  problems: ProblemList,
  opts: { allowGbk?: boolean } = {},
): DecodedText | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    if (text.startsWith(BOM)) return { text: text.slice(1), encoding: 'utf-8-bom' }
    return { text, encoding: 'utf-8' }
  } catch {
    const gbk = tryGbk(bytes)
    if (gbk !== null && opts.allowGbk) {
      problems.warn(
        file,
        0,
        '',
        '',
        'read as GBK (what Excel on Chinese Windows saves); save as “CSV UTF-8” to publish it',
      )
      return { text: gbk, encoding: 'gbk' }
    }
    const hint =
      gbk !== null
        ? 'it looks like GBK, what Excel on Chinese Windows saves: choose “CSV UTF-8 (逗号分隔)” when saving'
        : 'save it as UTF-8'
    problems.error(file, 0, '', '', `is not valid UTF-8; ${hint}`)
    return null
  }
}

function tryGbk(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('gbk', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** Reads a table from CSV or JSON text; structural problems are reported, not thrown. */
export function parseTable(
  table: TableName,
  file: string,
  text: string,
  problems: ProblemList,
): RawTable | null {
  if (text.trim() === '') {
    problems.error(file, 0, '', '', 'is empty; expected a header row and data rows')
    return null
  }
  return /\.json$/i.test(file)
    ? parseJson(table, file, text, problems)
    : parseCsv(table, file, text, problems)
}

function parseCsv(
  table: TableName,
  file: string,
  text: string,
  problems: ProblemList,
): RawTable | null {
  // Without header mode so each record keeps its position: spreadsheet row = index + 1.
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false })
  for (const err of result.errors) {
    if (err.code === 'UndetectableDelimiter') continue
    const row = (err.row ?? 0) + 1
    const msg =
      err.code === 'MissingQuotes'
        ? 'a quoted value is never closed (a " is missing); everything after it was read as one cell'
        : err.message
    problems.error(file, row, '', '', msg)
  }
  if (result.errors.some((e) => e.code === 'MissingQuotes')) return null
  const [header, ...body] = result.data
  if (!header) return null
  const columns = header.map((h) => h.trim())
  const rows: RawRecord[] = []
  body.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((c) => c.trim() === '')) return
    if (cells.length !== columns.length) {
      problems.error(
        file,
        row,
        '',
        '',
        `has ${cells.length} cells but the header has ${columns.length}; a value containing a comma must be in "quotes"`,
      )
      return
    }
    const record: Record<string, string> = {}
    columns.forEach((c, k) => (record[c] = cells[k] ?? ''))
    rows.push({ row, cells: record })
  })
  if (rows.length === 0) problems.warn(file, 0, '', '', 'has a header but no data rows')
  return { table, file, columns, rows }
}

function parseJson(
  table: TableName,
  file: string,
  text: string,
  problems: ProblemList,
): RawTable | null {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    problems.error(file, 0, '', '', `is not valid JSON: ${(e as Error).message}`)
    return null
  }
  if (!Array.isArray(data)) {
    problems.error(file, 0, '', '', 'expected a JSON array of objects, one per row')
    return null
  }
  const columns = new Set<string>()
  const rows: RawRecord[] = []
  data.forEach((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.error(file, i + 1, '', '', 'expected an object with the table’s fields')
      return
    }
    Object.keys(item).forEach((k) => columns.add(k))
    rows.push({ row: i + 1, cells: item as Record<string, unknown> })
  })
  return { table, file, columns: [...columns], rows }
}
