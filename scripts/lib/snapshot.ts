import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { loadSnapshot, type FileReader, type LoadResult } from '../../src/data/loadSnapshot'

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
