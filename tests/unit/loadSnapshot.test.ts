import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSnapshot, MANIFEST_FILE, MAX_FILE_BYTES } from '../../src/data/loadSnapshot'
import { formatProblem } from '../../src/domain/problems'
import { FIXTURES, loadFiles, readFolder } from '../helpers/snapshot'

const mini = () => readFolder(path.join(FIXTURES, 'mini'))

/** The mini snapshot in memory with its manifest, and a reader that notes what it was asked. */
async function miniSnapshot() {
  const good = await loadFiles(mini())
  const manifest = structuredClone(good.manifest!)
  const files = new Map<string, Uint8Array>(
    Object.entries(mini()).map(([k, v]) => [k, new TextEncoder().encode(v)]),
  )
  const read: string[] = []
  const load = () => {
    files.set(MANIFEST_FILE, new TextEncoder().encode(JSON.stringify(manifest)))
    return loadSnapshot(async (name) => {
      read.push(name)
      return files.get(name) ?? null
    })
  }
  return { manifest, files, read, load }
}

describe('the size limit', () => {
  it('refuses a file the manifest says is too big without reading it', async () => {
    const s = await miniSnapshot()
    s.manifest.tables.outcomes.bytes = 50 * 1024 * 1024
    const result = await s.load()
    expect(result.ok).toBe(false)
    expect(result.problems.map(formatProblem)).toEqual([
      'outcomes.csv: is 50.0 MiB (52,428,800 bytes), over the limit of 40 MiB per file (100,000 outcomes take about 25 MiB); check that it is the right file and has no runaway rows (size from manifest.json)',
    ])
    expect(s.read).not.toContain('outcomes.csv')
  })

  it('refuses a file bigger than the limit before hashing it, whatever the manifest says', async () => {
    const s = await miniSnapshot()
    s.files.set('outcomes.csv', new Uint8Array(MAX_FILE_BYTES + 1))
    const result = await s.load()
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'outcomes.csv',
        row: 0,
        message: expect.stringMatching(/^is 40\.0 MiB \(41,943,041 bytes\), over the limit/),
      }),
    ])
  })

  it('takes a file of exactly the limit', async () => {
    expect(MAX_FILE_BYTES).toBe(40 * 1024 * 1024)
    const s = await miniSnapshot()
    s.manifest.tables.outcomes.bytes = MAX_FILE_BYTES
    const result = await s.load()
    // Read and compared: the size is allowed, the content is not what the manifest says.
    expect(s.read).toContain('outcomes.csv')
    expect(result.problems[0]?.message).toMatch(/does not match manifest.json/)
  })
})

describe('the manifest', () => {
  it('names a table file that is missing, and its other name when that is there', async () => {
    const s = await miniSnapshot()
    s.manifest.tables.sectors.file = 'sectors.json'
    s.files.delete('places.csv')
    const result = await s.load()
    expect(result.problems.map(formatProblem)).toEqual([
      'places.csv: is listed in manifest.json but missing; copy it into the folder with the other files (a snapshot needs every table)',
      'sectors.json: is listed in manifest.json but missing; sectors.csv is in the folder: run npm run data:manifest to list it instead',
    ])
  })

  it('says which entry is wrong and how to rewrite it', async () => {
    const s = await miniSnapshot()
    const tables = s.manifest.tables as Record<string, unknown>
    tables['events'] = { ...s.manifest.tables.events, sha256: 'abc' }
    delete tables['figures']
    const result = await s.load()
    expect(result.problems.map(formatProblem)).toEqual([
      'manifest.json: tables.events.sha256: expected a SHA-256 in hex (64 characters 0–9, a–f); run npm run data:manifest to rewrite manifest.json (got "abc")',
      'manifest.json: tables.figures: has no entry for figures; run npm run data:manifest to rewrite manifest.json',
    ])
  })

  it('refuses a manifest that is not an object', async () => {
    const result = await loadFiles(mini(), { manifest: '[]' })
    expect(result.problems.map(formatProblem)).toEqual([
      'manifest.json: expected a JSON object; run npm run data:manifest to rewrite manifest.json',
    ])
  })
})

describe('encodings', () => {
  it('names UTF-16, what Excel saves as Unicode Text', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00, 0x0a, 0x00])
    const result = await loadFiles({ ...mini(), 'sectors.csv': utf16 })
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'sectors.csv',
        message: expect.stringMatching(/^is UTF-16/),
      }),
    ])
  })

  it('gives the row of the first byte that is not UTF-8', async () => {
    const ascii = (t: string) => [...new TextEncoder().encode(t)]
    const gbk = new Uint8Array([
      ...ascii('id,name_zh,name_en\nnew-materials,new,New materials\naviation,'),
      ...[0xba, 0xbd, 0xbf, 0xd5], // 航空 in GBK
      ...ascii(',Aviation\n'),
    ])
    const result = await loadFiles({ ...mini(), 'sectors.csv': gbk })
    expect(result.problems).toEqual([
      expect.objectContaining({
        file: 'sectors.csv',
        row: 3,
        message: expect.stringMatching(/^is not valid UTF-8; it looks like GBK/),
      }),
    ])
  })

  it('names values separated by semicolons or tabs', async () => {
    const files = mini()
    for (const [sep, what] of [
      [';', /separated by ;/],
      ['\t', /separated by tabs/],
    ] as const) {
      const result = await loadFiles({
        ...files,
        'sectors.csv': files['sectors.csv']!.replace(/,/g, sep),
      })
      expect(result.problems[0]).toMatchObject({ file: 'sectors.csv', row: 1 })
      expect(result.problems[0]?.message).toMatch(what)
    }
  })
})
