import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { memoryReader } from '../../src/data/cache'
import { checkDropped } from '../../src/data/dropped'
import { loadSnapshot, MANIFEST_FILE } from '../../src/data/loadSnapshot'
import type { Manifest } from '../../src/data/manifest'
import { manifestBytes, manifestFor } from '../../src/data/manifestWrite'
import { hashBytes } from '../../src/data/sha256'
import { snapshotZip, todayInChina } from '../../src/data/publish'
import { fileStatus } from '../../src/data/status'
import { TEMPLATE_ROWS, templateCsv } from '../../src/data/templates'
import { columnsOf, TABLE_NAMES, type TableName } from '../../src/domain/tables'
import { DATA_DIR, FIXTURES, readFolder } from '../helpers/snapshot'

const utf8 = (s: string) => new TextEncoder().encode(s)

function published() {
  const files: Record<string, Uint8Array> = {}
  for (const name of readdirSync(DATA_DIR))
    files[name] = new Uint8Array(readFileSync(path.join(DATA_DIR, name)))
  const manifest = JSON.parse(new TextDecoder().decode(files[MANIFEST_FILE])) as Manifest
  return { read: memoryReader(files), manifest }
}

describe('templates', () => {
  it('give each table its header and one example row, as Excel opens them', () => {
    for (const table of TABLE_NAMES) {
      const csv = templateCsv(table)
      expect(csv.startsWith('\uFEFF')).toBe(true)
      expect(csv).toContain('\r\n')
      const [header, row, ...rest] = Papa.parse<string[]>(csv.slice(1), {
        skipEmptyLines: true,
      }).data
      expect(header).toEqual(columnsOf(table))
      expect(row).toHaveLength(header!.length)
      expect(rest).toEqual([])
    }
  })

  it('make a valid snapshot together, with no warning', async () => {
    const files = Object.fromEntries(
      TABLE_NAMES.map((t) => [t, { file: `${t}.csv`, bytes: utf8(templateCsv(t)) }]),
    ) as Record<TableName, { file: string; bytes: Uint8Array }>
    const memory: Record<string, Uint8Array> = {
      [MANIFEST_FILE]: manifestBytes(manifestFor(files, '2025-05-23')),
    }
    for (const t of TABLE_NAMES) memory[files[t].file] = files[t].bytes
    const r = await loadSnapshot(memoryReader(memory))
    expect(r.problems).toEqual([])
    expect(r.ok).toBe(true)
    // The example keeps its qualifiers: 约1.2亿元 and 20余项 are not turned into plain numbers.
    expect(r.dataset!.outcomes[0]!.amount).toMatchObject({
      value: 120_000_000,
      qualifier: 'approx',
    })
    expect(r.dataset!.figures[0]!.amount).toMatchObject({ value: 20, qualifier: 'more_than' })
    expect(Object.keys(TEMPLATE_ROWS).sort()).toEqual([...TABLE_NAMES].sort())
  })
})

describe('dropped files', () => {
  it('replace their tables and keep the published rest, with a fresh manifest', async () => {
    const events = readFolder(DATA_DIR)['events.csv']!
    const c = await checkDropped(
      [{ name: 'events.csv', bytes: utf8('\uFEFF' + events) }],
      published(),
      '2026-12-01',
    )
    expect(c.result.ok).toBe(true)
    expect(c.files!.events.from).toBe('dropped')
    expect(c.files!.events.encoding).toBe('utf-8-bom')
    expect(c.files!.sources.from).toBe('published')
    expect(c.manifest!.snapshot.date).toBe('2026-12-01')
    // What ships is UTF-8 without the BOM, and the manifest names exactly those bytes.
    expect(c.files!.events.bytes).toEqual(utf8(events))
    expect(c.manifest!.tables.events.sha256).toBe(hashBytes(utf8(events)))
  })

  it('read GBK, say so, and keep UTF-8 for publishing', async () => {
    const gbk = new Uint8Array(readFileSync(path.join(FIXTURES, 'dropped/sectors.csv')))
    const c = await checkDropped([{ name: 'sectors.csv', bytes: gbk }], published(), '2026-12-01')
    expect(c.result.ok).toBe(true)
    expect(c.files!.sectors.encoding).toBe('gbk')
    expect(new TextDecoder().decode(c.files!.sectors.bytes)).toContain('新材料')
    expect(c.result.problems).toEqual([
      expect.objectContaining({
        file: 'sectors.csv',
        severity: 'warning',
        message: expect.stringMatching(/GBK/),
      }),
    ])
  })

  it('set aside files that are not tables, and a manifest, with the reason', async () => {
    const c = await checkDropped(
      [
        { name: 'events (1).csv', bytes: utf8('x') },
        { name: 'manifest.json', bytes: utf8('{}') },
      ],
      published(),
      '2026-12-01',
    )
    expect(c.ignored).toEqual([
      { name: 'events (1).csv', reason: 'unknown' },
      { name: 'manifest.json', reason: 'manifest' },
    ])
    expect(c.result.ok).toBe(true)
  })

  it('with some bad rows: every problem named, and a partial dataset of the valid rows', async () => {
    const outcomes = readFolder(DATA_DIR)['outcomes.csv']!.split('\n')
    // Row 2 (the first record) now names an event that does not exist.
    const [header, first, ...rest] = outcomes
    const broken = [header, first!.replace(/^([^,]+),([^,]+),/, '$1,no-such-event,'), ...rest]
    const c = await checkDropped(
      [{ name: 'outcomes.csv', bytes: utf8(broken.join('\n')) }],
      published(),
      '2026-12-01',
    )
    expect(c.result.ok).toBe(false)
    expect(c.result.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'outcomes.csv', row: 2, field: 'event' }),
    ])
    const all = await loadSnapshot(published().read)
    expect(c.result.dataset!.outcomes.length).toBe(all.dataset!.outcomes.length - 1)
  })

  it('preview the valid rows of a file whose broken row cannot even be split into cells', async () => {
    const lines = readFileSync(path.join(DATA_DIR, 'figures.csv'), 'utf8').split('\n')
    lines[1] += ',an extra cell'
    const c = await checkDropped(
      [{ name: 'figures.csv', bytes: utf8(lines.join('\n')) }],
      published(),
      '2026-12-01',
    )
    expect(c.result.ok).toBe(false)
    expect(c.result.problems).toContainEqual(
      expect.objectContaining({ file: 'figures.csv', row: 2, severity: 'error' }),
    )
    const all = await loadSnapshot(published().read)
    expect(c.result.dataset!.figures.length).toBeLessThan(all.dataset!.figures.length)
    // The live loader stays strict: no dataset from such a folder.
    const strict = await loadSnapshot(
      memoryReader({
        ...Object.fromEntries(Object.entries(c.files!).map(([, f]) => [f.file, f.bytes])),
        [MANIFEST_FILE]: manifestBytes(c.manifest!),
      }),
    )
    expect(strict.dataset).toBeNull()
  })
})

describe('the ready-to-deploy folder', () => {
  it('holds the tables and, last, a manifest that matches them', async () => {
    const c = await checkDropped([], published(), '2026-12-01')
    const zip = unzipSync(snapshotZip(c.files!, c.manifest!))
    const names = Object.keys(zip)
    expect(names.at(-1)).toBe('data/manifest.json')
    expect(names.slice(0, -1)).toEqual(TABLE_NAMES.map((t) => `data/${c.files![t].file}`))
    const memory = Object.fromEntries(
      Object.entries(zip).map(([k, v]) => [k.replace(/^data\//, ''), v]),
    )
    const r = await loadSnapshot(memoryReader(memory))
    expect(r.ok).toBe(true)
    expect(r.manifest!.snapshot.date).toBe('2026-12-01')
  })

  it('is dated in China’s time zone', () => {
    expect(todayInChina(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22')
    expect(todayInChina(new Date('2026-11-21T15:00:00Z'))).toBe('2026-11-21')
  })
})

describe('file status', () => {
  it('counts each table’s records and its problems', async () => {
    const r = await loadSnapshot(published().read)
    const status = fileStatus(r.dataset!, r.manifest, [
      { file: 'events.csv', row: 3, field: 'x', value: '', message: 'm', severity: 'warning' },
    ])
    expect(status.map((s) => s.table)).toEqual([...TABLE_NAMES])
    const events = status.find((s) => s.table === 'events')!
    expect(events).toMatchObject({ rows: r.dataset!.events.length, errors: 0, warnings: 1 })
    expect(events.bytes).toBe(r.manifest!.tables.events.bytes)
  })
})
