import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { snapshotKey } from '../../src/data/names'
import { FIXTURES, loadFiles, readFolder } from '../helpers/snapshot'

describe('snapshotKey', () => {
  it('is the same for the manifest the loader read and the text the poll reads, however laid out', async () => {
    const loaded = await loadFiles(readFolder(path.join(FIXTURES, 'mini')))
    expect(loaded.ok).toBe(true)
    const m = loaded.manifest!
    // As ops might write it: keys in another order, an extra note, indented.
    const text = JSON.stringify(
      { note: 'copied 2026-12-01', tables: m.tables, snapshot: m.snapshot, schema: m.schema },
      null,
      2,
    )
    expect(snapshotKey(JSON.parse(text))).toBe(snapshotKey(m))
  })

  it('changes with any file, and with the version or date', async () => {
    const m = (await loadFiles(readFolder(path.join(FIXTURES, 'mini')))).manifest!
    const key = snapshotKey(m)
    const edited = structuredClone(m)
    edited.tables.outcomes.sha256 = '0'.repeat(64)
    expect(snapshotKey(edited)).not.toBe(key)
    expect(snapshotKey({ ...m, snapshot: { ...m.snapshot, date: '2030-01-01' } })).not.toBe(key)
    expect(snapshotKey({ ...m, snapshot: { ...m.snapshot, version: 'v2' } })).not.toBe(key)
  })

  it('is null for what is not shaped like a manifest', () => {
    for (const x of [null, 'manifest', 3, [], {}, { tables: null }])
      expect(snapshotKey(x)).toBeNull()
  })
})
