import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { serveStatic, type StaticServer } from '../../scripts/lib/server'
import { launch, watch } from './browser'

const ROOT = path.resolve(__dirname, '../..')
let browser: Browser
let server: StaticServer
let dist: string

function manifest(date: string) {
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
      path.join(ROOT, 'scripts/data-manifest.ts'),
      path.join(dist, 'data'),
      '--date',
      date,
    ],
    { encoding: 'utf8' },
  )
  expect(r.status, r.stderr).toBe(0)
}

function editData(file: string, from: string, to: string) {
  const p = path.join(dist, 'data', file)
  const text = readFileSync(p, 'utf8')
  expect(text).toContain(from)
  writeFileSync(p, text.replace(from, to))
}

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'dist-'))
  cpSync(inject('distDir'), dist, { recursive: true })
  server = await serveStatic({ root: dist, base: '/wall/' })
  browser = await launch()
})
// Each test starts from the snapshot as built, whatever the one before left in the folder.
beforeEach(() => {
  cpSync(path.join(inject('distDir'), 'data'), path.join(dist, 'data'), { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('a screen left running while ops replace the data', () => {
  it('swaps in a valid new snapshot, and keeps the last good one when the next is broken', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const log = watch(page, new URL(server.url).origin)
    await page.goto(`${server.url}#/?poll=0.5`)
    const date = page.locator('[data-testid="snapshot-date"]')
    await expect.poll(() => date.textContent()).toContain('2026-11-21')
    // Polls read the manifest only, while it describes the snapshot shown.
    const asked: string[] = []
    page.on('request', (r) => {
      const file = new URL(r.url()).pathname.match(/\/data\/([^/]+)$/)?.[1]
      if (file) asked.push(file)
    })
    const askedSince = async (ms: number) => {
      const from = asked.length
      await page.waitForTimeout(ms)
      return asked.slice(from)
    }
    const unchanged = await askedSince(2000)
    expect(unchanged.filter((f) => f === 'manifest.json').length).toBeGreaterThanOrEqual(2)
    expect(unchanged.filter((f) => f !== 'manifest.json')).toEqual([])

    // A valid new snapshot appears without a reload.
    manifest('2026-12-01')
    await expect.poll(() => date.textContent(), { timeout: 10_000 }).toContain('2026-12-01')
    const badge = page.locator('[data-testid="stale-badge"]')
    expect(await badge.count()).toBe(0)

    // The folder cannot be read for a while (a server restarting): the data stays, and the badge
    // says why it is not updated, not that the data has zero problems.
    const manifestPath = path.join(dist, 'data/manifest.json')
    const published = readFileSync(manifestPath)
    rmSync(manifestPath)
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toContain('暂时读不到新数据')
    expect(await date.textContent()).toContain('2026-12-01')
    writeFileSync(manifestPath, published)
    await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(0)

    // A copy in progress: a file changed, the manifest not yet. The old data stays, with a badge.
    editData('events.csv', ',2024-11-19,2024-11-20,', ',2024-11-19,2024-11-02,')
    writeFileSync(
      path.join(dist, 'data/manifest.json'),
      readFileSync(path.join(dist, 'data/manifest.json'), 'utf8').replace(
        '2026-12-01',
        '2026-12-02',
      ),
    )
    await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1)
    expect(await date.textContent()).toContain('2026-12-01')

    // Copied whole, but invalid (an event ending before it starts): still the old data.
    manifest('2026-12-02')
    // The badge stays through whatever polls and loads come meanwhile.
    const seen = await page.evaluate(async () => {
      const states = new Set<boolean>()
      for (let i = 0; i < 75; i++) {
        states.add(document.querySelector('[data-testid="stale-badge"]') !== null)
        await new Promise((r) => setTimeout(r, 20))
      }
      return [...states]
    })
    expect(seen).toEqual([true])
    expect(await badge.count()).toBe(1)
    expect(await date.textContent()).toContain('2026-12-01')
    expect(await page.locator('[data-kpi="events"]').textContent()).toContain('5')
    // Its files are the ones the manifest describes, so polls read the manifest and stop there
    // until it changes: loading the same files again would find the same problem.
    const refused = await askedSince(2000)
    expect(refused.filter((f) => f === 'manifest.json').length).toBeGreaterThanOrEqual(2)
    expect(refused.filter((f) => f !== 'manifest.json')).toEqual([])

    // Fixed: the next poll takes it.
    editData('events.csv', ',2024-11-19,2024-11-02,', ',2024-11-19,2024-11-20,')
    manifest('2026-12-03')
    await expect.poll(() => date.textContent(), { timeout: 10_000 }).toContain('2026-12-03')
    expect(await page.locator('[data-testid="stale-badge"]').count()).toBe(0)
    // Chromium logs the manifest's 404s while it was gone; nothing else went wrong.
    expect(log.errors.filter((e) => !e.startsWith('Failed to load resource: '))).toEqual([])
    expect(log.failed.length).toBeGreaterThan(0)
    for (const f of log.failed) expect(f).toMatch(/\/data\/manifest\.json(\?\S*)? HTTP 404$/)
    await page.close()
  }, 60_000)

  it('never shows a mix of old and new while a snapshot is copied file by file', async () => {
    // Snapshot B: A (what is served now) plus one conference with one outcome, dated apart.
    const data = path.join(dist, 'data')
    const next = mkdtempSync(path.join(tmpdir(), 'next-'))
    cpSync(data, next, { recursive: true })
    const append = (file: string, row: string) => {
      const p = path.join(next, file)
      writeFileSync(p, readFileSync(p, 'utf8').replace(/\n*$/, '\n') + row + '\n')
    }
    append(
      'events.csv',
      'mix-test-2026,混合测试会议,Mix test conference,,,,2026-10-01,,,changsha,,csu-news-2024-11-20,,',
    )
    append(
      'outcomes.csv',
      'mix-test-2026-lab,mix-test-2026,joint_lab,launched,测试实验室,Test lab,csu,,,,,csu-news-2024-11-20,测试',
    )
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        path.join(ROOT, 'scripts/data-manifest.ts'),
        next,
        '--date',
        '2026-12-05',
      ],
      { encoding: 'utf8' },
    )
    expect(r.status, r.stderr).toBe(0)
    const old = Object.fromEntries(
      ['events.csv', 'outcomes.csv', 'manifest.json'].map((f) => [
        f,
        readFileSync(path.join(data, f)),
      ]),
    )

    const context = await browser.newContext({
      viewport: { width: 1920, height: 1080 },
      // Counters then jump to their value instead of counting up: every sample is a real state.
      reducedMotion: 'reduce',
    })
    const page = await context.newPage()
    await page.goto(`${server.url}#/?poll=0.2`)
    const sig = () =>
      page.evaluate(() =>
        ['[data-testid="snapshot-date"]', '[data-kpi="events"]', '[data-kpi="outcomes"]']
          .map((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
          .join(' | '),
      )
    await expect.poll(sig, { timeout: 10_000 }).toMatch(/^\S.* \| .*\d.* \| .*\d/)
    const before = await sig()
    // Every 20 ms, what the screen shows, recorded in the page so no state is missed between polls.
    await page.evaluate(() => {
      const w = window as unknown as { samples: string[] }
      w.samples = []
      const read = () =>
        ['[data-testid="snapshot-date"]', '[data-kpi="events"]', '[data-kpi="outcomes"]']
          .map((s) => document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
          .join(' | ')
      setInterval(() => {
        const s = read()
        if (w.samples.at(-1) !== s) w.samples.push(s)
      }, 20)
    })

    // The dangerous order first: the new manifest, then each file a poll or two apart.
    for (const f of ['manifest.json', 'events.csv', 'outcomes.csv']) {
      cpSync(path.join(next, f), path.join(data, f))
      await page.waitForTimeout(500)
    }
    await expect.poll(sig, { timeout: 10_000 }).toContain('2026-12-05')
    const after = await sig()
    expect(after).not.toBe(before)
    // And back, the manifest last this time.
    for (const f of ['events.csv', 'outcomes.csv', 'manifest.json']) {
      writeFileSync(path.join(data, f), old[f]!)
      await page.waitForTimeout(500)
    }
    await expect.poll(sig, { timeout: 10_000 }).toBe(before)

    const samples = await page.evaluate(() => (window as unknown as { samples: string[] }).samples)
    expect(new Set(samples)).toEqual(new Set([before, after]))
    rmSync(next, { recursive: true })
    await context.close()
  }, 60_000)
})
