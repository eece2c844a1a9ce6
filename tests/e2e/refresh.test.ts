import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
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

    // A valid new snapshot appears without a reload.
    manifest('2026-12-01')
    await expect.poll(() => date.textContent(), { timeout: 10_000 }).toContain('2026-12-01')
    expect(await page.locator('[data-testid="stale-badge"]').count()).toBe(0)

    // A copy in progress: a file changed, the manifest not yet. The old data stays, with a badge.
    const badge = page.locator('[data-testid="stale-badge"]')
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
    await page.waitForTimeout(1500)
    expect(await badge.count()).toBe(1)
    expect(await date.textContent()).toContain('2026-12-01')
    expect(await page.locator('[data-kpi="events"]').textContent()).toContain('5')

    // Fixed: the next poll takes it.
    editData('events.csv', ',2024-11-19,2024-11-02,', ',2024-11-19,2024-11-20,')
    manifest('2026-12-03')
    await expect.poll(() => date.textContent(), { timeout: 10_000 }).toContain('2026-12-03')
    expect(await page.locator('[data-testid="stale-badge"]').count()).toBe(0)
    expect(log.errors).toEqual([])
    await page.close()
  }, 60_000)
})
