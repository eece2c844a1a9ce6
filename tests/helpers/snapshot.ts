import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { loadSnapshot, MANIFEST_FILE, type LoadResult } from '../../src/data/loadSnapshot'
import { SCHEMA_VERSION } from '../../src/data/manifest'
import { entryFor } from '../../src/data/manifestWrite'
import { TABLE_NAMES } from '../../src/domain/tables'
import type { Dataset } from '../../src/domain/types'

export const FIXTURES = path.resolve(__dirname, '../fixtures')
export const DATA_DIR = path.resolve(__dirname, '../../data')

/** A snapshot folder as text files, to be altered in a test and loaded from memory. */
export function readFolder(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    if (/\.(csv|json)$/.test(name) && name !== MANIFEST_FILE)
      out[name] = readFileSync(path.join(dir, name), 'utf8')
  }
  return out
}

/** Loads files from memory, with a manifest written for them as `npm run data:manifest` would. */
export function loadFiles(
  files: Record<string, string | Uint8Array>,
  opts: { manifest?: string } = {},
): Promise<LoadResult> {
  const bytes = new Map<string, Uint8Array>()
  for (const [name, content] of Object.entries(files)) {
    bytes.set(name, typeof content === 'string' ? new TextEncoder().encode(content) : content)
  }
  const tables: Record<string, ReturnType<typeof entryFor>> = {}
  for (const t of TABLE_NAMES) {
    const file = bytes.has(`${t}.json`) ? `${t}.json` : `${t}.csv`
    tables[t] = entryFor(file, bytes.get(file) ?? new Uint8Array())
  }
  const manifest =
    opts.manifest ??
    JSON.stringify({
      schema: SCHEMA_VERSION,
      snapshot: { version: 'test', date: '2024-12-01' },
      tables,
    })
  bytes.set(MANIFEST_FILE, new TextEncoder().encode(manifest))
  return loadSnapshot(async (name) => bytes.get(name) ?? null)
}

export async function loadMini(): Promise<Dataset> {
  const result = await loadFiles(readFolder(path.join(FIXTURES, 'mini')))
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'))
  return result.dataset
}

/** Replaces the first occurrence of `from` in a file; fails loudly if it is not there. */
export function edit(
  files: Record<string, string>,
  name: string,
  from: string,
  to: string,
): Record<string, string> {
  const text = files[name]
  if (text === undefined || !text.includes(from))
    throw new Error(`${name} has no ${JSON.stringify(from)}`)
  return { ...files, [name]: text.replace(from, to) }
}
