import { hashBytes } from './sha256'
import { SCHEMA_VERSION, type Manifest, type ManifestEntry } from './manifest'
import { TABLE_NAMES, type TableName } from '../domain/tables'

// Writing a manifest (npm run data:manifest, the data page's zip, tests) hashes synchronously;
// kept apart from ./manifest so the loader, which only checks, fetches the JS SHA-256 only on
// plain HTTP.

export function entryFor(file: string, bytes: Uint8Array): ManifestEntry {
  return { file, bytes: bytes.byteLength, sha256: hashBytes(bytes) }
}

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
