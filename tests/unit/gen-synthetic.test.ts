import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateSynthetic, parseCount, toCsv, writeSynthetic } from '../../scripts/bench/synthetic'
import { loadSnapshotDir } from '../../scripts/lib/snapshot'

const ROOT = path.resolve(__dirname, '../..')
const made: string[] = []
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'synthetic-'))
  made.push(dir)
  return dir
}

describe('synthetic snapshots (npm run data:synthetic, for the bench)', () => {
  it('are valid snapshots of the asked size, written with a manifest', async () => {
    const dir = path.join(tempDir(), 'syn')
    await writeSynthetic(dir, 1000)
    const result = await loadSnapshotDir(dir)
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(result.ok).toBe(true)
    const d = result.dataset!
    expect(d.outcomes).toHaveLength(1000)
    expect(d.events.length).toBeGreaterThan(10)
    expect(d.figures.length).toBeGreaterThan(d.events.length)
    expect(d.eventOrgs.length).toBeGreaterThan(d.events.length)
    // Every row keeps its parties: nothing was pruned for a broken reference.
    expect(d.outcomes.every((o) => o.parties.length > 0)).toBe(true)
  })

  it('are clearly marked as made up: syn- ids, 合成 names, a synthetic publisher', () => {
    const t = generateSynthetic(1000)
    for (const [table, rows] of Object.entries(t)) {
      for (const r of rows) expect(r.id ?? r.event, table).toMatch(/^syn-/)
    }
    for (const r of [...t.organizations, ...t.events, ...t.outcomes])
      expect(r.name_zh ?? r.title_zh).toMatch(/^合成/)
    expect(new Set(t.sources.map((s) => s.publisher))).toEqual(new Set(['合成数据']))
    expect(t.outcomes.every((o) => o.quote!.includes('非真实'))).toBe(true)
  })

  it('carry the qualifiers articles print (约, 超, 近, 余) and real cities', () => {
    const t = generateSynthetic(1000)
    const values = [...t.figures, ...t.outcomes].map((r) => r.value).join(' ')
    for (const q of ['约', '超', '近', '余']) expect(values).toContain(q)
    expect(t.places.find((p) => p.id === 'syn-changsha')).toMatchObject({
      name_zh: '长沙市',
      adcode: '430100',
    })
  })

  it('are deterministic for a seed, and scale with N', () => {
    expect(toCsv('outcomes', generateSynthetic(500).outcomes)).toBe(
      toCsv('outcomes', generateSynthetic(500).outcomes),
    )
    expect(generateSynthetic(500, 1).outcomes).not.toEqual(generateSynthetic(500, 2).outcomes)
    const big = generateSynthetic(10_000)
    expect(big.outcomes).toHaveLength(10_000)
    expect(big.events.length).toBeGreaterThan(10 * generateSynthetic(1000).events.length * 0.8)
  })

  it('quote cells as spreadsheets do', () => {
    expect(toCsv('sectors', [{ id: 'syn-a', name_zh: '甲,乙', name_en: 'say "hi"' }])).toBe(
      'id,name_zh,name_en\nsyn-a,"甲,乙","say ""hi"""\n',
    )
  })

  it('are never written into the curated data/ or dist/', async () => {
    await expect(writeSynthetic(path.join(ROOT, 'data'), 10)).rejects.toThrow(/data\//)
    await expect(writeSynthetic(path.join(ROOT, 'dist/data'), 10)).rejects.toThrow(/dist\//)
  })

  it('read 1k, 10k, 100k or a plain number', () => {
    expect([parseCount('1k'), parseCount('100k'), parseCount('2500')]).toEqual([
      1000, 100_000, 2500,
    ])
    expect(() => parseCount('lots')).toThrow()
  })

  it('pass npm run data:check, from the command line', () => {
    const dir = path.join(tempDir(), '1k')
    const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')
    const gen = spawnSync(process.execPath, [tsx, 'scripts/gen-synthetic.ts', '1k', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(gen.status, gen.stderr).toBe(0)
    expect(readFileSync(path.join(dir, 'manifest.json'), 'utf8')).toContain('"date": "2026-01-01"')
    const check = spawnSync(process.execPath, [tsx, 'scripts/data-check.ts', dir], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    expect(check.status, check.stdout + check.stderr).toBe(0)
    expect(check.stderr).toContain('1000 outcomes')
  })
})
