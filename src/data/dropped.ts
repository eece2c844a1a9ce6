import { ProblemList, type Problem } from '../domain/problems'
import { TABLE_NAMES, type TableName } from '../domain/tables'
import { memoryReader } from './cache'
import {
  loadSnapshot,
  MANIFEST_FILE,
  MAX_FILE_BYTES,
  type FileReader,
  type LoadResult,
} from './loadSnapshot'
import { decodeText, type Encoding } from './parseTable'
import type { Manifest } from './manifest'
import { manifestBytes, manifestFor } from './manifestWrite'

/** A file a curator dropped on the Data view. Read in the browser, never uploaded. */
export interface DroppedFile {
  name: string
  bytes: Uint8Array
}

export interface CandidateFile {
  table: TableName
  file: string
  /** Re-encoded as UTF-8 without a BOM: what would be published. */
  bytes: Uint8Array
  from: 'dropped' | 'published'
  encoding: Encoding | null
}

/** A would-be snapshot: the dropped files over the published ones, checked as one. */
export interface Candidate {
  files: Record<TableName, CandidateFile> | null
  manifest: Manifest | null
  result: LoadResult
  /** Dropped files that are not a table of the snapshot. */
  ignored: readonly { name: string; reason: string }[]
}

const TABLE_FILE = /^([a-z_]+)\.(csv|json)$/i

/**
 * Which table a dropped file is, by its name (`events.csv`, `Events.CSV`, `events.json`). A
 * browser hands over the bare file name; a name a spreadsheet decorated (`events (1).csv`) is
 * refused with a word on how to fix it, never guessed.
 */
function tableOf(name: string): TableName | null {
  const m = TABLE_FILE.exec(name)
  const table = m?.[1]?.toLowerCase()
  return TABLE_NAMES.find((t) => t === table) ?? null
}

/**
 * Checks dropped files as the snapshot they would make with the published files they do not
 * replace. GBK (what Excel on Chinese Windows saves) is read and named in a warning; the bytes
 * kept are UTF-8, so the folder downloaded afterwards is what the loader expects. The manifest
 * is written fresh over the final bytes.
 */
export async function checkDropped(
  dropped: readonly DroppedFile[],
  published: { read: FileReader; manifest: Manifest | null },
  date: string,
): Promise<Candidate> {
  const p = new ProblemList()
  const ignored: { name: string; reason: string }[] = []
  const chosen = new Map<TableName, CandidateFile>()
  for (const f of dropped) {
    if (f.name.toLowerCase() === MANIFEST_FILE) {
      ignored.push({ name: f.name, reason: 'manifest' })
      continue
    }
    const table = tableOf(f.name)
    if (!table) {
      ignored.push({ name: f.name, reason: 'unknown' })
      continue
    }
    if (chosen.has(table)) {
      p.error(f.name, 0, '', '', `is a second file for the ${table} table; drop only one`)
      continue
    }
    // The loader's own limit, checked before decoding: a runaway file must not hang the tab.
    if (f.bytes.byteLength > MAX_FILE_BYTES) {
      p.error(
        f.name,
        0,
        '',
        '',
        `is ${f.bytes.byteLength} bytes, over the limit of ${MAX_FILE_BYTES} per file`,
      )
      continue
    }
    const decoded = decodeText(f.bytes, f.name, p, { allowGbk: true })
    if (!decoded) continue
    chosen.set(table, {
      table,
      file: f.name.toLowerCase(),
      bytes: new TextEncoder().encode(decoded.text),
      from: 'dropped',
      encoding: decoded.encoding,
    })
  }

  for (const table of TABLE_NAMES) {
    if (chosen.has(table)) continue
    const file = published.manifest?.tables[table].file ?? `${table}.csv`
    const bytes = await published.read(file)
    if (!bytes) {
      p.error(
        file,
        0,
        '',
        '',
        `is not among the dropped files and not published; drop ${table}.csv`,
      )
      continue
    }
    chosen.set(table, { table, file, bytes, from: 'published', encoding: null })
  }

  const early = [...p.items]
  if (chosen.size < TABLE_NAMES.length) {
    return {
      files: null,
      manifest: null,
      result: { ok: false, dataset: null, manifest: null, problems: early, verified: false },
      ignored,
    }
  }
  const files = Object.fromEntries(chosen) as Record<TableName, CandidateFile>
  const manifest = manifestFor(files, date)
  const memory: Record<string, Uint8Array> = { [MANIFEST_FILE]: manifestBytes(manifest) }
  for (const f of chosen.values()) memory[f.file] = f.bytes
  const loaded = await loadSnapshot(memoryReader(memory), { partial: true })
  const problems: Problem[] = [...early, ...loaded.problems]
  const ok = loaded.ok && !problems.some((x) => x.severity === 'error')
  return {
    files,
    manifest,
    result: ok
      ? { ...loaded, ok: true, problems }
      : {
          ok: false,
          dataset: loaded.dataset,
          manifest: loaded.manifest,
          problems,
          verified: loaded.ok || loaded.verified,
        },
    ignored,
  }
}
