import { zipSync } from 'fflate'
import { TABLE_NAMES, type TableName } from '../domain/tables'
import { MANIFEST_FILE } from './loadSnapshot'
import { SCHEMA_VERSION, entryFor, hashBytes, type Manifest } from './manifest'

/**
 * A manifest for a set of table files: written after the files are final, so its sizes and
 * hashes are those of the bytes that ship. The version is the date plus a digest of the
 * entries, as `npm run data:manifest` writes it, so two different snapshots of one day differ.
 */
export function manifestFor(
  files: Readonly<Record<TableName, { file: string; bytes: Uint8Array }>>,
  date: string,
): Manifest {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, entryFor(files[t].file, files[t].bytes)]),
  ) as Manifest['tables']
  const digest = hashBytes(new TextEncoder().encode(JSON.stringify(tables))).slice(0, 8)
  return { schema: SCHEMA_VERSION, snapshot: { version: `${date}-${digest}`, date }, tables }
}

export function manifestBytes(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n')
}

/**
 * A ready-to-deploy `data/` folder as a zip: the table files, then `manifest.json` last, the
 * order ops should copy them in (a screen polling mid-copy then never sees a manifest whose
 * files are not all there yet).
 */
export function snapshotZip(
  files: Readonly<Record<TableName, { file: string; bytes: Uint8Array }>>,
  manifest: Manifest,
): Uint8Array {
  const entries: Record<string, Uint8Array> = {}
  for (const t of TABLE_NAMES) entries[`data/${files[t].file}`] = files[t].bytes
  entries[`data/${MANIFEST_FILE}`] = manifestBytes(manifest)
  return zipSync(entries, { level: 6 })
}

/** Today in China, where the curators are: the date a freshly written manifest carries. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)
}
