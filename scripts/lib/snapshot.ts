import { access, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import {
  loadSnapshot,
  MANIFEST_FILE,
  type FileReader,
  type LoadResult,
} from '../../src/data/loadSnapshot'
import type { Manifest } from '../../src/data/manifest'
import { manifestBytes, manifestFor } from '../../src/data/manifestWrite'
import { TABLE_NAMES, type TableName } from '../../src/domain/tables'

export function fsReader(dir: string): FileReader {
  return async (name) => {
    try {
      return new Uint8Array(await readFile(path.join(dir, name)))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  }
}

export function loadSnapshotDir(dir: string): Promise<LoadResult> {
  return loadSnapshot(fsReader(dir))
}

/** The data folder named on the command line, or the curated snapshot. */
export function dataDirFromArgs(argv: readonly string[]): string {
  const arg = argv.slice(2).find((a) => !a.startsWith('-'))
  return path.resolve(arg ?? 'data')
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** Keeps the file each table had; otherwise finds <table>.csv or <table>.json. */
async function fileOf(dir: string, table: TableName, previous: Manifest | null): Promise<string> {
  const known = previous?.tables?.[table]?.file
  if (known && (await exists(path.join(dir, known)))) return known
  for (const ext of ['csv', 'json']) {
    if (await exists(path.join(dir, `${table}.${ext}`))) return `${table}.${ext}`
  }
  throw new Error(`${dir}: no ${table}.csv or ${table}.json`)
}

/**
 * Writes manifest.json for the files of a snapshot folder (what `npm run data:manifest` does),
 * last, after every file is in place. Tests that build a snapshot use it too, so they publish
 * exactly as a curator does.
 */
export async function writeManifest(dir: string, date: string): Promise<Manifest> {
  const previous = await readFile(path.join(dir, MANIFEST_FILE), 'utf8')
    .then((t) => JSON.parse(t) as Manifest)
    .catch(() => null)
  const files = {} as Record<TableName, { file: string; bytes: Uint8Array }>
  for (const table of TABLE_NAMES) {
    const file = await fileOf(dir, table, previous)
    files[table] = { file, bytes: new Uint8Array(await readFile(path.join(dir, file))) }
  }
  // The same manifest the Data view writes for its zip: one rule for versions and hashes.
  const manifest = manifestFor(files, date)
  await writeFile(path.join(dir, MANIFEST_FILE), manifestBytes(manifest))
  return manifest
}
