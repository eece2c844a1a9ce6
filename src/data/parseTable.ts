import Papa from 'papaparse'
import { ProblemList } from '../domain/problems'
import { gridCell, type CellGrid, type RawRecord, type RawTable } from '../domain/rows'
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
  // Papa Parse drops a byte-order mark, then splits text without a quote at every line break
  // and comma; the grid reader does the same without making a string of every cell.
  const plain = unified.startsWith(BOM) ? unified.slice(1) : unified
  if (!plain.includes('"')) return parseCsvGrid(table, file, plain, problems)
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
  const columns = readHeader(file, header, problems)
  if (!columns) return null
  const rows: RawRecord[] = []
  body.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((c) => c.trim() === '')) return
    if (cells.length !== columns.length) {
      problems.error(file, row, '', '', cellCountMessage(cells.length, columns.length))
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

/** The header's column names, or null when the header itself is wrong (reported). */
function readHeader(file: string, header: readonly string[], problems: ProblemList) {
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
  return headerOk ? columns : null
}

function cellCountMessage(cells: number, columns: number): string {
  const hint =
    cells > columns
      ? 'a value containing a comma must be in "quotes"'
      : 'every row needs a cell for each column, even an empty one'
  return `has ${cells} cells but the header has ${columns}; ${hint}`
}

/** Up to a line's end, nothing but commas and white space (what `trim` removes). */
const BLANK = /(?:[^\S\n]|,)*/y

/**
 * parseCsv for text without a quote character, where a line break always ends a row and a
 * comma always ends a cell: the same rows and problems, read into a CellGrid.
 */
function parseCsvGrid(
  table: TableName,
  file: string,
  text: string,
  problems: ProblemList,
): RawTable | null {
  const headerEnd = lineEnd(text, 0)
  const columns = readHeader(file, text.slice(0, headerEnd).split(','), problems)
  if (!columns) return null
  const width = columns.length
  const stride = width + 1
  // Sized for rows of 200 characters, then doubled as needed.
  let rowNumbers: Int32Array = new Int32Array(Math.max(16, Math.ceil(text.length / 200)))
  let bounds: Int32Array = new Int32Array(rowNumbers.length * stride)
  let n = 0
  let filled = false
  const scan = new CellScanner(text)
  for (let end = headerEnd, row = 2; end < text.length; row++) {
    const start = end + 1
    end = lineEnd(text, start)
    if (blankLine(text, start, end)) continue
    filled = true
    if (n === rowNumbers.length) {
      rowNumbers = grow(rowNumbers, n * 2)
      bounds = grow(bounds, n * 2 * stride)
    }
    const cells = scan.cells(start, end, bounds, n * stride, width)
    if (cells !== width) {
      problems.error(file, row, '', '', cellCountMessage(cells, width))
      continue
    }
    rowNumbers[n++] = row
  }
  if (!filled) {
    problems.error(file, 0, '', '', NO_ROWS)
    return null
  }
  return new GridTable(table, file, columns, {
    text,
    width,
    rowNumbers: rowNumbers.subarray(0, n),
    bounds: bounds.subarray(0, n * stride),
  })
}

/**
 * The cells of a text's lines, line after line: one search per comma, however many lines hold
 * none (the search for a line's first comma may run past lines without one, and its answer
 * serves them all).
 */
class CellScanner {
  /** The next comma at or after where the search last was (text.length when none is left). */
  private comma = -1

  constructor(private readonly text: string) {}

  /**
   * How many cells the line text[start, end) has. When that is `width`, `bounds` from `base` is
   * then the line's row of a CellGrid: where each cell starts, and where the line ends, + 1.
   * Lines must come in order.
   */
  cells(start: number, end: number, bounds: Int32Array, base: number, width: number): number {
    const { text } = this
    let comma = this.comma
    bounds[base] = start
    let cells = 1
    for (;;) {
      if (comma < start) {
        comma = text.indexOf(',', start)
        if (comma < 0) comma = text.length
      }
      if (comma >= end) break
      if (cells <= width) bounds[base + cells] = comma + 1
      cells++
      comma = text.indexOf(',', comma + 1)
      if (comma < 0) comma = text.length
    }
    this.comma = comma
    if (cells === width) bounds[base + width] = end + 1
    return cells
  }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end < 0 ? text.length : end
}

function blankLine(text: string, start: number, end: number): boolean {
  const c = start < end ? text.charCodeAt(start) : 0
  // Printable ASCII other than a space or a comma: the common case, decided at once.
  if (c > 0x20 && c < 0x7f && c !== 0x2c) return false
  BLANK.lastIndex = start
  BLANK.test(text)
  return BLANK.lastIndex >= end
}

function grow(a: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size)
  out.set(a)
  return out
}

/** A table read into a CellGrid; its records are made only if something asks for them. */
class GridTable implements RawTable {
  private records: RawRecord[] | null = null

  constructor(
    readonly table: TableName,
    readonly file: string,
    readonly columns: readonly string[],
    readonly grid: CellGrid,
  ) {}

  get rows(): readonly RawRecord[] {
    if (this.records) return this.records
    const { grid, columns } = this
    const out: RawRecord[] = []
    for (let i = 0; i < grid.rowNumbers.length; i++) {
      const cells: Record<string, string> = {}
      columns.forEach((c, k) => (cells[c] = gridCell(grid, i, k)))
      out.push({ row: grid.rowNumbers[i]!, cells })
    }
    return (this.records = out)
  }
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

/** A row of a CSV file as it arrives: cell k is `text.slice(bounds[k], bounds[k + 1] - 1)`. */
export type StreamedRow = (text: string, bounds: Int32Array, row: number) => boolean

/** A line not ended after this many characters: the file is read whole instead. */
const LONGEST_LINE = 1 << 20

/**
 * A CSV file read as it arrives, for a caller that can take its rows at once (the loader, for
 * outcomes.csv: see OutcomeReader), so that reading them need not wait for the last byte. It
 * follows only files the grid reader reads without a problem: UTF-8 without a quote, every row
 * as long as the header, some row not blank. At anything else it stops, as it does when
 * `header` or `row` say no, and the file is read whole the usual way, which words what is wrong.
 */
export class CsvStream {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  /** Bytes held back until there are enough to tell UTF-16 as decodeText does. */
  private head: Uint8Array | null = new Uint8Array(0)
  /** No text yet: a byte-order mark is still to be dropped. */
  private first = true
  /** A carriage return at the end of the text so far, which a line feed may follow. */
  private cr = false
  /** The text of a line not yet ended. */
  private rest = ''
  /** Lines so far; the header is line 1. */
  private line = 0
  private width = 0
  private bounds = new Int32Array(0)
  private filled = false
  private stopped = false

  constructor(
    private readonly header: (columns: readonly string[]) => boolean,
    private readonly row: StreamedRow,
  ) {}

  /** The next part of the file's bytes. */
  push(bytes: Uint8Array): void {
    if (this.stopped) return
    if (this.head) {
      const head = concat(this.head, bytes)
      if (head.length < 1024) {
        this.head = head
        return
      }
      this.head = null
      if (looksUtf16(head)) return this.stop()
      bytes = head
    }
    this.text(this.decode(bytes, true))
  }

  /** The end of the file: whether every row was read, and taken. */
  end(): boolean {
    if (this.head) {
      const head = this.head
      this.head = null
      if (looksUtf16(head)) this.stop()
      else this.text(this.decode(head, true))
    }
    this.text(this.decode(new Uint8Array(0), false))
    if (this.cr) this.lines('\n')
    // The last line, when no line break ends it.
    if (this.rest !== '') this.lines('\n')
    return !this.stopped && this.filled
  }

  /** The caller's verdict on a row; a caller that fails leaves the file to the usual way. */
  private take(text: string, line: number): boolean {
    try {
      return this.row(text, this.bounds, line)
    } catch {
      return false
    }
  }

  private stop(): void {
    this.stopped = true
    this.rest = ''
  }

  private decode(bytes: Uint8Array, stream: boolean): string {
    if (this.stopped) return ''
    try {
      return this.decoder.decode(bytes, { stream })
    } catch {
      this.stop()
      return ''
    }
  }

  /** Decoded text, its line breaks made what parseCsv makes them (\r\n and \r are \n). */
  private text(text: string): void {
    if (this.stopped || text === '') return
    if (this.first) {
      this.first = false
      // decodeText drops a byte-order mark, and Papa Parse a second one: too rare to follow.
      if (text.startsWith(BOM)) text = text.slice(1)
      if (text.startsWith(BOM)) return this.stop()
    }
    if (text.includes('"')) return this.stop()
    if (this.cr) text = '\r' + text
    this.cr = text.endsWith('\r')
    if (this.cr) text = text.slice(0, -1)
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n')
    this.lines(text)
  }

  private lines(text: string): void {
    if (this.stopped) return
    const buf = this.rest + text
    let start = 0
    const scan = new CellScanner(buf)
    for (let end = buf.indexOf('\n'); end >= 0; end = buf.indexOf('\n', start)) {
      this.line++
      if (this.line === 1) {
        const columns = readHeader('', buf.slice(0, end).split(','), new ProblemList())
        if (!columns || !this.header(columns)) return this.stop()
        this.width = columns.length
        this.bounds = new Int32Array(this.width + 1)
      } else if (!blankLine(buf, start, end)) {
        this.filled = true
        if (scan.cells(start, end, this.bounds, 0, this.width) !== this.width) return this.stop()
        if (!this.take(buf, this.line)) return this.stop()
      }
      start = end + 1
    }
    this.rest = buf.slice(start)
    if (this.rest.length > LONGEST_LINE) this.stop()
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
