import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  loadSnapshot,
  MANIFEST_FILE,
  MAX_FILE_BYTES,
  type FileReader,
  type LoadResult,
} from '../../src/data/loadSnapshot'
import { formatProblem } from '../../src/domain/problems'
import { FIXTURES, edit, loadFiles, readFolder } from '../helpers/snapshot'

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

describe('reading side by side', () => {
  /** A snapshot whose files each arrive after their own delay (ms). */
  async function arriving(files: Record<string, string>, delays: Record<string, number>) {
    const bytes = new Map<string, Uint8Array>(
      Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]),
    )
    const manifest = (await loadFiles(files)).manifest!
    bytes.set(MANIFEST_FILE, new TextEncoder().encode(JSON.stringify(manifest)))
    return loadSnapshot(async (name) => {
      await new Promise((go) => setTimeout(go, delays[name] ?? 0))
      return bytes.get(name) ?? null
    })
  }

  it('lists problems in table order, whatever order the files arrive in', async () => {
    const files = {
      ...mini(),
      'sources.csv': mini()['sources.csv']!.replace('src-a,', 'src-a,,'),
      'outcomes.csv': mini()['outcomes.csv']!.replace('oa-lab,', 'oa-lab,,'),
    }
    const inOrder = await loadFiles(files)
    const late = await arriving(files, { 'sources.csv': 30, 'places.csv': 20 })
    expect(late.problems.map((p) => `${p.file}:${p.row}`)).toEqual([
      'sources.csv:2',
      'outcomes.csv:3',
    ])
    expect(late.problems).toEqual(inOrder.problems)
    expect(late.ok).toBe(false)
  })

  it('builds the same dataset when outcomes.csv arrives last', async () => {
    const inOrder = await loadFiles(mini())
    const late = await arriving(mini(), { 'outcomes.csv': 30 })
    expect(late.ok).toBe(true)
    expect(late.dataset).toEqual(inOrder.dataset)
  })

  it('reports nothing of a file that does not match the manifest but that', async () => {
    const s = await miniSnapshot()
    // A broken row, in a file the manifest does not describe: only the mismatch is news.
    s.files.set(
      'outcomes.csv',
      new TextEncoder().encode(mini()['outcomes.csv']!.replace('oa-lab,', 'OA-lab,')),
    )
    const result = await s.load()
    expect(result.problems.map(formatProblem)).toEqual([
      'outcomes.csv: does not match manifest.json (size or SHA-256): a copy may be in progress, or the file was edited without running npm run data:manifest',
    ])
  })
})

describe('outcomes.csv read as it arrives (FileReader.stream)', () => {
  /** A reader of these files that streams them in pieces, each file after its own delay. */
  async function streaming(files: Record<string, string>, delays: Record<string, number> = {}) {
    const bytes = new Map<string, Uint8Array>(
      Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]),
    )
    const manifest = (await loadFiles(files)).manifest!
    bytes.set(MANIFEST_FILE, new TextEncoder().encode(JSON.stringify(manifest)))
    const wait = (name: string) => new Promise((go) => setTimeout(go, delays[name] ?? 0))
    const streamed: string[] = []
    const read: FileReader = Object.assign(
      async (name: string) => {
        await wait(name)
        return bytes.get(name) ?? null
      },
      {
        stream: async (name: string, part: (b: Uint8Array) => void) => {
          await wait(name)
          const b = bytes.get(name)
          if (!b) return null
          streamed.push(name)
          for (let at = 0; at < b.length; at += 5) part(b.subarray(at, at + 5))
          return b
        },
      },
    )
    return { result: await loadSnapshot(read), streamed }
  }

  it.each([
    ['before the other files are built', { 'outcomes.csv': 0, 'sources.csv': 20 }],
    ['after the other files are built', { 'outcomes.csv': 20 }],
  ])('builds what reading it whole builds, arriving %s', async (_, delays) => {
    const whole = await loadFiles(mini())
    const { result, streamed } = await streaming(mini(), delays)
    expect(streamed).toEqual(['outcomes.csv'])
    expect(result.ok).toBe(true)
    expect(result.problems).toEqual(whole.problems)
    expect(result.dataset).toEqual(whole.dataset)
  })

  it.each([
    ['a row the short way refuses', 'oa-lab,conf-a', 'oa-lab,conf-x'],
    ['a row of the wrong length', 'oa-lab,conf-a', 'oa-lab,,conf-a'],
    ['a total of another conference', ',fb-signed,src-b,', ',fa-labs,src-b,'],
  ])('reports %s as reading it whole does', async (_, from, to) => {
    const files = edit(mini(), 'outcomes.csv', from, to)
    const whole = await loadFiles(files)
    expect(whole.problems.length).toBeGreaterThan(0)
    const orders: Record<string, number>[] = [
      { 'outcomes.csv': 0, 'sources.csv': 20 },
      { 'outcomes.csv': 20 },
    ]
    for (const delays of orders) {
      const { result } = await streaming(files, delays)
      expect(result.problems).toEqual(whole.problems)
      expect(result.ok).toBe(whole.ok)
      expect(result.ok || result.verified).toBe(true)
      expect(result.dataset).toEqual(whole.dataset)
    }
  })

  it('leaves a file with a quoted value to be read whole', async () => {
    const files = edit(mini(), 'outcomes.csv', ',SANY demand list,', ',"SANY, demand list",')
    const whole = await loadFiles(files)
    const { result } = await streaming(files)
    expect(result.ok).toBe(true)
    expect(result.dataset?.outcomes[0]?.title.en).toBe('SANY, demand list')
    expect(result.dataset).toEqual(whole.dataset)
  })

  it('reports nothing of a streamed file that does not match the manifest but that', async () => {
    const files = mini()
    const bytes = new TextEncoder().encode(files['outcomes.csv']!.replace('oa-lab', 'oa-lac'))
    const manifest = (await loadFiles(files)).manifest!
    const result = await loadSnapshot(
      Object.assign(
        async (name: string) =>
          name === MANIFEST_FILE
            ? new TextEncoder().encode(JSON.stringify(manifest))
            : new TextEncoder().encode(files[name] ?? ''),
        {
          stream: async (_: string, part: (b: Uint8Array) => void) => {
            part(bytes)
            return bytes
          },
        },
      ),
    )
    expect(result.ok || result.verified).toBe(false)
    expect(result.problems.map(formatProblem)).toEqual([
      'outcomes.csv: does not match manifest.json (size or SHA-256): a copy may be in progress, or the file was edited without running npm run data:manifest',
    ])
  })
})

describe('whether the same manifest would load the same way again (verified)', () => {
  const verified = (r: LoadResult) => r.ok || r.verified

  it('is so for complete files with errors in their rows or their structure', async () => {
    const rows = await loadFiles(edit(mini(), 'outcomes.csv', 'oa-lab,conf-a', 'oa-lab,conf-x'))
    const structure = await loadFiles({ ...mini(), 'places.csv': 'not,a\nplaces"file' })
    for (const r of [rows, structure]) {
      expect(r.ok).toBe(false)
      expect(verified(r)).toBe(true)
    }
  })

  it('is not so while a file differs from the manifest or is missing: a copy may be under way', async () => {
    const changed = await miniSnapshot()
    changed.files.set('events.csv', new TextEncoder().encode(mini()['events.csv'] + '\n'))
    const missing = await miniSnapshot()
    missing.files.delete('sources.csv')
    const noManifest = await loadSnapshot(async () => null)
    for (const r of [await changed.load(), await missing.load(), noManifest]) {
      expect(r.ok).toBe(false)
      expect(verified(r)).toBe(false)
    }
  })
})
