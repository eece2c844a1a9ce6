import { zipSync } from 'fflate'
import { TABLE_NAMES, type TableName } from '../domain/tables'
import { MANIFEST_FILE } from './loadSnapshot'
import type { Manifest } from './manifest'
import { manifestBytes } from './manifestWrite'

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
