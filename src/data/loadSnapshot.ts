import * as v from 'valibot'
import { buildDataset, type RawTables } from '../domain/build'
import { ProblemList, hasErrors, type Problem } from '../domain/problems'
import { TABLE_NAMES, type TableName } from '../domain/tables'
import type { Dataset } from '../domain/types'
import { ManifestSchema, hashBytesAsync, type Manifest } from './manifest'
import { decodeText, parseTable } from './parseTable'

/** Reads one file of the snapshot folder; null when it does not exist. */
export type FileReader = (name: string) => Promise<Uint8Array | null>

export type LoadResult =
  | { ok: true; dataset: Dataset; manifest: Manifest; problems: Problem[] }
  | { ok: false; dataset: Dataset | null; manifest: Manifest | null; problems: Problem[] }

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
  if (!manifest) return { ok: false, dataset: null, manifest: null, problems: p.items }

  const tables: RawTables = {}
  // Read side by side, reported in table order whatever order the reads finish in.
  const files = await Promise.all(
    TABLE_NAMES.map(async (t) => {
      const own = new ProblemList()
      return [t, await readTable(read, manifest, t, own), own.items] as const
    }),
  )
  for (const [table, bytes, problems] of files) {
    p.items.push(...problems)
    if (!bytes) continue
    const file = manifest.tables[table].file
    const decoded = decodeText(bytes, file, p)
    if (!decoded) continue
    const raw = parseTable(table, file, decoded.text, p)
    if (raw) tables[table] = raw
  }
  const complete = TABLE_NAMES.every((t) => tables[t])
  if (hasErrors(p.items) && !(opts.partial && complete))
    return { ok: false, dataset: null, manifest, problems: p.items }

  const built = buildDataset(tables, { schema: manifest.schema, ...manifest.snapshot })
  const problems = [...p.items, ...built.problems]
  return hasErrors(problems)
    ? { ok: false, dataset: built.dataset, manifest, problems }
    : { ok: true, dataset: built.dataset, manifest, problems }
}

/**
 * A table's bytes, once they are known to be the ones the manifest describes. Sizes are
 * checked before anything is read (the manifest's) and before hashing (the file's), so an
 * oversized file costs neither a download nor a parse.
 */
async function readTable(
  read: FileReader,
  manifest: Manifest,
  table: TableName,
  p: ProblemList,
): Promise<Uint8Array | null> {
  const entry = manifest.tables[table]
  if (entry.bytes > MAX_FILE_BYTES) {
    p.error(entry.file, 0, '', '', `${tooBig(entry.bytes)} (size from ${MANIFEST_FILE})`)
    return null
  }
  const bytes = await read(entry.file)
  if (!bytes) {
    p.error(entry.file, 0, '', '', await missingMessage(read, table, entry.file))
    return null
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    p.error(entry.file, 0, '', '', tooBig(bytes.byteLength))
    return null
  }
  if (bytes.byteLength !== entry.bytes || (await hashBytesAsync(bytes)) !== entry.sha256) {
    p.error(
      entry.file,
      0,
      '',
      '',
      `does not match ${MANIFEST_FILE} (size or SHA-256): a copy may be in progress, or the file was edited without running npm run data:manifest`,
    )
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
