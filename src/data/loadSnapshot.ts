import * as v from 'valibot'
import { beginBuild, type RawTables } from '../domain/build'
import { ProblemList, hasErrors, type Problem } from '../domain/problems'
import { TABLE_NAMES, type TableName } from '../domain/tables'
import type { CleanOutcomes, OutcomeReader } from '../domain/cleanOutcomes'
import type { CellGrid, RawRecord, RawTable } from '../domain/rows'
import type { Dataset } from '../domain/types'
import { ManifestSchema, hashBytesAsync, type Manifest } from './manifest'
import { CsvStream, decodeText, parseTable } from './parseTable'

/**
 * Reads one file of the snapshot folder; null when it does not exist. `stream`, where the
 * reader has it, reads the same file and gives `part` each piece of its bytes as it arrives.
 */
export type FileReader = ((name: string) => Promise<Uint8Array | null>) & {
  stream?: (name: string, part: (bytes: Uint8Array) => void) => Promise<Uint8Array | null>
}

export type LoadResult =
  | { ok: true; dataset: Dataset; manifest: Manifest; problems: Problem[] }
  | {
      ok: false
      dataset: Dataset | null
      manifest: Manifest | null
      problems: Problem[]
      /**
       * Every file was read whole and is the one the manifest describes, so the problems are in
       * the data itself: the same manifest would give the same result again. False when a file
       * was missing, cut short or changed (a copy in progress) or could not be fetched.
       */
      verified: boolean
    }

import { MANIFEST_FILE } from './names'

export { MANIFEST_FILE }

/**
 * The largest file a snapshot may hold. 100,000 outcomes take about 25 MiB; anything much
 * bigger is a wrong or runaway file, and a kiosk browser should not download, hash and parse
 * it only to fail.
 */
export const MAX_FILE_BYTES = 40 * 1024 * 1024

const MIB = 1024 * 1024

function tooBig(bytes: number): string {
  const size = bytes >= MIB ? `${(bytes / MIB).toFixed(1)} MiB` : `${bytes} bytes`
  return (
    `is ${size} (${bytes.toLocaleString('en')} bytes), over the limit of ` +
    `${MAX_FILE_BYTES / MIB} MiB per file (100,000 outcomes take about 25 MiB); ` +
    'check that it is the right file and has no runaway rows'
  )
}

/**
 * Loads a snapshot folder: manifest → files → size and hash check → parse → validate →
 * Dataset. Async and free of DOM and Vue, so the browser, the CLI, the build and a Web
 * Worker all run the same code. It never throws on bad data; it reports.
 *
 * `partial`: when every table could be read, build a dataset even though some rows were
 * refused, for the Data view's preview of the valid rows. The result is still not ok, and the
 * report then also names what the refused rows leave dangling (an outcome of a refused event).
 */
export async function loadSnapshot(
  read: FileReader,
  opts: { partial?: boolean } = {},
): Promise<LoadResult> {
  const p = new ProblemList()
  const manifest = await readManifest(read, p)
  if (!manifest)
    return { ok: false, dataset: null, manifest: null, problems: p.items, verified: false }

  // Every file is read side by side, and each checked and parsed as soon as it arrives; every
  // table but outcomes.csv, which no other refers to, is built while outcomes.csv (most of a
  // large snapshot) is still arriving, and outcomes.csv's rows are read as they arrive, where
  // the reader can stream. Problems are listed in table order all the same, and nothing is
  // used that a problem would have stopped.
  const rows = read.stream ? new RowQueue() : null
  const loads = TABLE_NAMES.map((t) => loadTable(read, manifest, t, t === 'outcomes' ? rows : null))
  // A read that fails while another is awaited is still seen, by Promise.all below.
  for (const load of loads) load.catch(() => {})
  const snapshot = { schema: manifest.schema, ...manifest.snapshot }
  const others = TABLE_NAMES.filter((t) => t !== 'outcomes')
  const loaded = await Promise.all(loads.filter((_, i) => TABLE_NAMES[i] !== 'outcomes'))
  const usable = loaded.every((l) => l.raw) && (opts.partial || !loaded.some((l) => l.failed))
  const begun = usable
    ? beginBuild(Object.fromEntries(others.map((t, i) => [t, loaded[i]!.raw!])), snapshot)
    : null
  rows?.start(begun ? (columns) => begun.reader(columns) : null)

  const tables: RawTables = {}
  const all = await Promise.all(loads)
  for (const [i, load] of all.entries()) {
    for (const problem of load.problems) p.items.push(problem)
    if (load.raw) tables[TABLE_NAMES[i]!] = load.raw
  }
  const complete = TABLE_NAMES.every((t) => tables[t])
  const verified = all.every((l) => l.verified)
  if (hasErrors(p.items) && !(opts.partial && complete))
    return { ok: false, dataset: null, manifest, problems: p.items, verified }

  const streamed = all[TABLE_NAMES.indexOf('outcomes')]!.streamed ? rows!.result() : null
  const built = (begun ?? beginBuild(tables, snapshot)).finish(tables.outcomes, streamed)
  const problems = [...p.items, ...built.problems]
  return hasErrors(problems)
    ? { ok: false, dataset: built.dataset, manifest, problems, verified }
    : { ok: true, dataset: built.dataset, manifest, problems }
}

/** A table read, checked against the manifest and parsed: null, and why, where it cannot be. */
interface TableLoad {
  raw: RawTable | null
  problems: Problem[]
  /** Some problem is an error. */
  failed: boolean
  /** Its rows were read as the file arrived, each given to a RowQueue. */
  streamed: boolean
  /** The file was read whole and matched the manifest's size and hash. */
  verified: boolean
}

async function loadTable(
  read: FileReader,
  manifest: Manifest,
  table: TableName,
  rows: RowQueue | null,
): Promise<TableLoad> {
  const p = new ProblemList()
  const done = (raw: RawTable | null, streamed = false, verified = false): TableLoad => ({
    raw,
    problems: p.items,
    failed: hasErrors(p.items),
    streamed,
    verified,
  })
  const entry = manifest.tables[table]
  const stream =
    rows && /\.csv$/i.test(entry.file)
      ? new CsvStream(
          (columns) => rows.header(columns),
          (text, bounds, row) => rows.row(text, bounds, row),
        )
      : null
  const bytes = await readTable(read, manifest, table, p, stream)
  if (!bytes) return done(null)
  // Hashing starts first, as Web Crypto may hash elsewhere while the file is decoded and parsed
  // here; what the parse found counts only once the file is known to be the one the manifest
  // describes.
  const hashed = hashBytesAsync(bytes)
  if (stream?.end()) {
    // Every row arrived as the grid reader would read it: no problem to find, and the text is
    // made again only if something asks for its rows.
    if ((await hashed) !== entry.sha256) {
      p.error(entry.file, 0, '', '', MISMATCH)
      return done(null)
    }
    return done(new StreamedTable(table, entry.file, rows!.columns, bytes), true, true)
  }
  const parsing = new ProblemList()
  const decoded = decodeText(bytes, entry.file, parsing)
  const raw = decoded && parseTable(table, entry.file, decoded.text, parsing)
  if ((await hashed) !== entry.sha256) {
    p.error(entry.file, 0, '', '', MISMATCH)
    return done(null)
  }
  for (const problem of parsing.items) p.items.push(problem)
  return done(raw, false, true)
}

/**
 * A file's rows as they arrive, held until the build that reads them is ready (see
 * BegunBuild.reader), then given to its reader. Only rows the grid reader would take come here
 * (see CsvStream); the reader says whether it could read them all.
 */
class RowQueue {
  columns: readonly string[] = []
  /** undefined until the build is ready; null when it cannot read the rows. */
  private reader: OutcomeReader | null | undefined = undefined
  private make: ((columns: readonly string[]) => OutcomeReader | null) | null | undefined
  private held: { text: string; bounds: Int32Array; row: number }[] = []

  header(columns: readonly string[]): boolean {
    this.columns = columns
    if (this.make !== undefined) this.reader = this.make?.(columns) ?? null
    return this.reader !== null
  }

  row(text: string, bounds: Int32Array, row: number): boolean {
    if (this.reader === undefined) {
      this.held.push({ text, bounds: bounds.slice(), row })
      return true
    }
    return this.reader?.row(text, bounds, 0, row) ?? false
  }

  /** The build is ready (`make` its readers), or will not be (null). */
  start(make: ((columns: readonly string[]) => OutcomeReader | null) | null): void {
    this.make = make
    if (this.columns.length === 0) return
    this.reader = make?.(this.columns) ?? null
    for (const r of this.held) if (!this.reader?.row(r.text, r.bounds, 0, r.row)) break
    this.held = []
  }

  /** The outcomes, when the build read every row. */
  result(): CleanOutcomes | null {
    return this.reader?.result() ?? null
  }
}

/**
 * A table whose rows were read as its file arrived (see RowQueue): nothing needs its cells
 * then, and they are read again from its bytes only if something asks.
 */
class StreamedTable implements RawTable {
  private whole: RawTable | null = null

  constructor(
    readonly table: TableName,
    readonly file: string,
    readonly columns: readonly string[],
    private readonly bytes: Uint8Array,
  ) {}

  private get parsed(): RawTable {
    if (!this.whole) {
      // The same bytes that streamed without a problem: they parse without one.
      const p = new ProblemList()
      const text = decodeText(this.bytes, this.file, p)!.text
      this.whole = parseTable(this.table, this.file, text, p)!
    }
    return this.whole
  }

  get rows(): readonly RawRecord[] {
    return this.parsed.rows
  }

  get grid(): CellGrid | undefined {
    return this.parsed.grid
  }
}

const MISMATCH = `does not match ${MANIFEST_FILE} (size or SHA-256): a copy may be in progress, or the file was edited without running npm run data:manifest`

/**
 * A table's bytes, once their size is known to be the one the manifest gives. Sizes are checked
 * before anything is read (the manifest's) and before hashing (the file's), so an oversized file
 * costs neither a download nor a parse.
 */
async function readTable(
  read: FileReader,
  manifest: Manifest,
  table: TableName,
  p: ProblemList,
  stream: CsvStream | null,
): Promise<Uint8Array | null> {
  const entry = manifest.tables[table]
  if (entry.bytes > MAX_FILE_BYTES) {
    p.error(entry.file, 0, '', '', `${tooBig(entry.bytes)} (size from ${MANIFEST_FILE})`)
    return null
  }
  const bytes =
    stream && read.stream
      ? await read.stream(entry.file, (part) => stream.push(part))
      : await read(entry.file)
  if (!bytes) {
    p.error(entry.file, 0, '', '', await missingMessage(read, table, entry.file))
    return null
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    p.error(entry.file, 0, '', '', tooBig(bytes.byteLength))
    return null
  }
  if (bytes.byteLength !== entry.bytes) {
    p.error(entry.file, 0, '', '', MISMATCH)
    return null
  }
  return bytes
}

/** Says whether the table is there under its other name, which only the manifest got wrong. */
async function missingMessage(read: FileReader, table: TableName, file: string): Promise<string> {
  const listed = `is listed in ${MANIFEST_FILE} but missing`
  for (const other of [`${table}.csv`, `${table}.json`]) {
    if (other !== file && (await read(other)) !== null) {
      return `${listed}; ${other} is in the folder: run npm run data:manifest to list it instead`
    }
  }
  return `${listed}; copy it into the folder with the other files (a snapshot needs every table)`
}

async function readManifest(read: FileReader, p: ProblemList): Promise<Manifest | null> {
  const bytes = await read(MANIFEST_FILE)
  if (!bytes) {
    p.error(MANIFEST_FILE, 0, '', '', 'is missing; run npm run data:manifest')
    return null
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    p.error(MANIFEST_FILE, 0, '', '', tooBig(bytes.byteLength))
    return null
  }
  const rewrite = `run npm run data:manifest to rewrite ${MANIFEST_FILE}`
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch (e) {
    p.error(MANIFEST_FILE, 0, '', '', `is not valid JSON (${(e as Error).message}); ${rewrite}`)
    return null
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    p.error(MANIFEST_FILE, 0, '', '', `expected a JSON object; ${rewrite}`)
    return null
  }
  const result = v.safeParse(ManifestSchema, json)
  if (!result.success) {
    for (const issue of result.issues) {
      const path = v.getDotPath(issue) ?? ''
      const missing = issue.input === undefined
      const value = missing ? '' : shortJson(issue.input)
      const key = path.split('.').pop()
      const message = !missing
        ? issue.message
        : path.startsWith('tables.')
          ? `has no entry for ${key}`
          : 'is missing'
      p.error(MANIFEST_FILE, 0, path, value, `${message}; ${rewrite}`)
    }
    return null
  }
  return result.output
}

function shortJson(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}
