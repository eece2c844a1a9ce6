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
const SAVE_AS_UTF8 = 'save it as “CSV UTF-8 (逗号分隔)”'

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
  if (looksUtf16(bytes)) {
    problems.error(
      file,
      0,
      '',
      '',
      `is UTF-16 (what Excel saves as “Unicode Text”, with tabs between the values); ${SAVE_AS_UTF8}`,
    )
    return null
  }
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
    // A CSV row is a line here (quoted line breaks aside); a JSON item is not, so say the line.
    const line = lineOfFirstInvalidByte(bytes)
    const csv = !/\.json$/i.test(file)
    const where = line === 0 || csv ? '' : ` (first at line ${line})`
    const hint =
      gbk !== null
        ? `it looks like GBK, what Excel on Chinese Windows saves as “CSV (逗号分隔)”: ${SAVE_AS_UTF8} instead`
        : 'save it as UTF-8'
    problems.error(file, csv ? line : 0, '', '', `is not valid UTF-8${where}; ${hint}`)
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

/** A byte-order mark, or the zero bytes that ASCII text has in every other byte of UTF-16. */
function looksUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true
  const head = bytes.subarray(0, 1024)
  let zeros = 0
  for (const x of head) if (x === 0) zeros++
  return head.length >= 16 && zeros > head.length / 4
}

/** 1-based line of the first byte that is not UTF-8; 0 when none is found. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i]!
    const follow =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1
    if (follow < 0) return line
    for (let k = 1; k <= follow; k++) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return line
    }
    if (c === 0x0a) line++
    i += follow + 1
  }
  return 0
}

const NO_ROWS =
  'has a header but no data rows; every table of a snapshot needs at least one row (was it saved before it was filled in?)'

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

const SEPARATORS: Readonly<Record<string, string>> = {
  ';': 'has its values separated by ; (as Excel does in some European languages)',
  '\t': 'has its values separated by tabs (Excel’s “Text (Tab delimited)” or “Unicode Text”)',
}

function parseCsv(
  table: TableName,
  file: string,
  text: string,
  problems: ProblemList,
): RawTable | null {
  // Line endings are unified first: files passed between Windows and other editors mix CRLF
  // and LF, and a parser that guesses one style reads the other as part of a value.
  const unified = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
  // Without header mode so each record keeps its position: spreadsheet row = index + 1.
  const result = Papa.parse<string[]>(unified, {
    header: false,
    skipEmptyLines: false,
    delimiter: ',',
    newline: '\n',
  })
  for (const err of result.errors) {
    const row = (err.row ?? 0) + 1
    const msg =
      err.code === 'MissingQuotes'
        ? 'a quoted value is never closed (a " is missing); everything after it was read as one cell'
        : err.code === 'InvalidQuotes'
          ? 'a " inside a quoted value must be written twice (""), as spreadsheets save it'
          : err.message
    problems.error(file, row, '', '', msg)
  }
  if (result.errors.some((e) => e.code === 'MissingQuotes')) return null
  const [header, ...body] = result.data
  if (!header) return null
  const columns = header.map((h) => h.trim())
  if (columns.length === 1) {
    const sep = Object.keys(SEPARATORS).find((s) => columns[0]!.includes(s))
    if (sep) {
      problems.error(file, 1, '', '', `${SEPARATORS[sep]}, not commas; ${SAVE_AS_UTF8}`)
      return null
    }
  }
  let headerOk = true
  columns.forEach((c, k) => {
    if (c !== '' && columns.indexOf(c) !== k) {
      problems.error(file, 1, c, '', 'this column appears twice in the header; keep one of them')
      headerOk = false
    }
  })
  if (!headerOk) return null
  const rows: RawRecord[] = []
  body.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((c) => c.trim() === '')) return
    if (cells.length !== columns.length) {
      const hint =
        cells.length > columns.length
          ? 'a value containing a comma must be in "quotes"'
          : 'every row needs a cell for each column, even an empty one'
      problems.error(
        file,
        row,
        '',
        '',
        `has ${cells.length} cells but the header has ${columns.length}; ${hint}`,
      )
      return
    }
    const record: Record<string, string> = {}
    columns.forEach((c, k) => (record[c] = cells[k] ?? ''))
    rows.push({ row, cells: record })
  })
  if (!body.some((cells) => cells.some((c) => c.trim() !== ''))) {
    problems.error(file, 0, '', '', NO_ROWS)
    return null
  }
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
    problems.error(
      file,
      0,
      '',
      '',
      'expected a JSON array of objects, one per row, e.g. [{"id": "…", …}, …]',
    )
    return null
  }
  if (data.length === 0) {
    problems.error(file, 0, '', '', 'is an empty array; every table of a snapshot needs a row')
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
