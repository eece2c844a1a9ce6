import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DATA_DIR } from '../helpers/snapshot'

const ROOT = path.resolve(__dirname, '../..')

function run(script: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts', script), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  return { code: r.status, out: r.stdout, err: r.stderr }
}

const made: string[] = []
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

function copyOfData(): string {
  const dir = tempDir('snapshot-')
  cpSync(DATA_DIR, dir, { recursive: true })
  return dir
}

describe('npm run data:check', () => {
  it('exits 0 on the curated snapshot', () => {
    const r = run('data-check.ts')
    expect(r.out).toBe('')
    expect(r.err).toMatch(/valid — 12 events/)
    expect(r.code).toBe(0)
  })

  it('exits 1 with one file:row: field: message line per problem', () => {
    const dir = copyOfData()
    const events = path.join(dir, 'events.csv')
    writeFileSync(
      events,
      readFileSync(events, 'utf8').replace(',2024-11-19,2024-11-20,', ',2024-11-19,2024-11-02,'),
    )
    run('data-manifest.ts', dir)
    const r = run('data-check.ts', dir)
    expect(r.code).toBe(1)
    expect(r.out.trim().split('\n')).toEqual([
      'events.csv:2: end: ends before it starts (2024-11-19); check both dates against the source (got "2024-11-02")',
    ])
  }, 30_000)

  it('fails when a file no longer matches manifest.json', () => {
    const dir = copyOfData()
    writeFileSync(
      path.join(dir, 'sectors.csv'),
      readFileSync(path.join(dir, 'sectors.csv'), 'utf8') + 'x,y,z\n',
    )
    const r = run('data-check.ts', dir)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^sectors.csv: does not match manifest.json/)
  })
})

describe('npm run data:figures', () => {
  it('prints the audit trail with every figure and valued outcome', () => {
    const r = run('data-figures.ts')
    const lines = r.out.trim().split('\n')
    expect(lines[0]).toBe('event,record,kind,metric,value,unit,qualifier,quote,source')
    expect(lines).toContain(
      'csu-alumni-2024-supply-demand,csu-alumni-2024-sd-contract-value,figure,contract_value,86000000,yuan,approx,共计约8600万,csu-news-2024-11-20',
    )
    expect(lines.filter((l) => /,figure,/.test(l))).toHaveLength(68)
    expect(r.code).toBe(0)
  })
})

describe('npm run data:manifest', () => {
  it('writes sizes and hashes that data:check then accepts', () => {
    const dir = copyOfData()
    writeFileSync(
      path.join(dir, 'sectors.csv'),
      readFileSync(path.join(dir, 'sectors.csv'), 'utf8') + 'space,航天,Space\n',
    )
    expect(run('data-check.ts', dir).code).toBe(1)
    expect(run('data-manifest.ts', dir, '--date', '2026-12-01').code).toBe(0)
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
    expect(manifest.snapshot.date).toBe('2026-12-01')
    expect(run('data-check.ts', dir).code).toBe(0)
  }, 30_000)
})

describe('npm run build', () => {
  it('fails on an invalid snapshot, naming each problem', () => {
    const dir = copyOfData()
    const places = path.join(dir, 'places.csv')
    writeFileSync(places, readFileSync(places, 'utf8').replace(',430100,', ',4.3E+05,'))
    run('data-manifest.ts', dir)
    const out = tempDir('dist-')
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--configLoader',
        'runner',
        '--outDir',
        out,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SNAPSHOT_DIR: dir },
      },
    )
    expect(r.status).not.toBe(0)
    expect(r.stderr + r.stdout).toMatch(
      /places\.csv:\d+: adcode: Excel turned this adcode into scientific notation/,
    )
  }, 60_000)
})
