import * as v from 'valibot'
import { buildDataset, type RawTables } from '../domain/build'
import { ProblemList, hasErrors, type Problem } from '../domain/problems'
import { TABLE_NAMES } from '../domain/tables'
import type { Dataset } from '../domain/types'
import { ManifestSchema, hashBytes, type Manifest } from './manifest'
import { decodeText, parseTable } from './parseTable'

/** Reads one file of the snapshot folder; null when it does not exist. */
export type FileReader = (name: string) => Promise<Uint8Array | null>

export type LoadResult =
  | { ok: true; dataset: Dataset; manifest: Manifest; problems: Problem[] }
  | { ok: false; dataset: Dataset | null; manifest: Manifest | null; problems: Problem[] }

export const MANIFEST_FILE = 'manifest.json'

/**
 * Loads a snapshot folder: manifest → files → size and hash check → parse → validate →
 * Dataset. Async and free of DOM and Vue, so the browser, the CLI, the build and a Web
 * Worker all run the same code. It never throws on bad data; it reports.
 */
export async function loadSnapshot(read: FileReader): Promise<LoadResult> {
  const p = new ProblemList()
  const manifest = await readManifest(read, p)
  if (!manifest) return { ok: false, dataset: null, manifest: null, problems: p.items }

  const tables: RawTables = {}
  const files = await Promise.all(
    TABLE_NAMES.map(async (t) => [t, await read(manifest.tables[t].file)] as const),
  )
  for (const [table, bytes] of files) {
    const entry = manifest.tables[table]
    if (!bytes) {
      p.error(entry.file, 0, '', '', `is listed in ${MANIFEST_FILE} but missing`)
      continue
    }
    if (bytes.byteLength !== entry.bytes || hashBytes(bytes) !== entry.sha256) {
      p.error(
        entry.file,
        0,
        '',
        '',
        `does not match ${MANIFEST_FILE} (size or SHA-256): a copy may be in progress, or the file was edited without running npm run data:manifest`,
      )
      continue
    }
    const decoded = decodeText(bytes, entry.file, p)
    if (!decoded) continue
    const raw = parseTable(table, entry.file, decoded.text, p)
    if (raw) tables[table] = raw
  }
  if (hasErrors(p.items)) return { ok: false, dataset: null, manifest, problems: p.items }

  const built = buildDataset(tables, { schema: manifest.schema, ...manifest.snapshot })
  const problems = [...p.items, ...built.problems]
  return hasErrors(problems)
    ? { ok: false, dataset: built.dataset, manifest, problems }
    : { ok: true, dataset: built.dataset, manifest, problems }
}

async function readManifest(read: FileReader, p: ProblemList): Promise<Manifest | null> {
  const bytes = await read(MANIFEST_FILE)
  if (!bytes) {
    p.error(MANIFEST_FILE, 0, '', '', 'is missing; run npm run data:manifest')
    return null
  }
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder().decode(bytes))
  } catch (e) {
    p.error(MANIFEST_FILE, 0, '', '', `is not valid JSON: ${(e as Error).message}`)
    return null
  }
  const result = v.safeParse(ManifestSchema, json)
  if (!result.success) {
    for (const issue of result.issues) {
      p.error(MANIFEST_FILE, 0, v.getDotPath(issue) ?? '', '', issue.message)
    }
    return null
  }
  return result.output
}
