import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { writeSynthetic } from '../../scripts/bench/synthetic'
import { serveStatic, type StaticServer } from '../../scripts/lib/server'
import { launch, watch } from './browser'

// The app on a synthetic snapshot of 1,000 outcomes (the bench's generator, never shipped): the
// loader worker keeps the Dataset, the screen gets its model, and lists stay short.
const OUTCOMES = 1000
let browser: Browser
let server: StaticServer
let dist: string

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'large-'))
  cpSync(inject('distDir'), dist, { recursive: true })
  rmSync(path.join(dist, 'data'), { recursive: true })
  await writeSynthetic(path.join(dist, 'data'), OUTCOMES, 7)
  server = await serveStatic({ root: dist, base: '/big/' })
  browser = await launch()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('a snapshot larger than a wall can list', () => {
  it('scrolls the latest signings only and says how many there are in all', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const log = watch(page, new URL(server.url).origin)
    await page.goto(`${server.url}#/?frozen=1`)
    await page.locator('[data-chart="map"] canvas').first().waitFor({ timeout: 60_000 })
    // Frozen: the list does not loop, so each row is there once.
    await expect.poll(() => page.locator('[data-testid="signing"]').count()).toBe(60)
    const panel = page.locator('.p-signings')
    expect(await panel.textContent()).toContain(`最新 60 项，共 ${OUTCOMES} 项`)
    const tile = page.locator('[data-kpi="outcomes"]')
    expect((await tile.textContent())?.replace(/\D/g, '')).toContain(String(OUTCOMES))
    // The hidden chart tables read the first rows and say there are more.
    const more = await page.locator('[data-testid="chart-table-more"]').allTextContents()
    expect(more.some((t) => /共 \d{3,} 行/.test(t))).toBe(true)
    expect(log.errors).toEqual([])
    await page.close()
  }, 90_000)

  it('copies the whole Dataset to Explore, and the table shows it a page at a time', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const log = watch(page, new URL(server.url).origin)
    await page.goto(`${server.url}#/?frozen=1`)
    await page.locator('[data-testid="signing"]').first().waitFor({ timeout: 60_000 })
    // In-app navigation: the page keeps its worker, which sends the Dataset it holds.
    await page.evaluate(() => (location.hash = '#/explore'))
    const count = page.locator('[data-testid="table-count"]').first()
    await expect
      .poll(() => count.textContent(), { timeout: 60_000 })
      .toMatch(new RegExp(`${OUTCOMES} / ${OUTCOMES}`))
    const rows = page.locator('[data-testid="explore"] table').first().locator('tbody tr[data-row]')
    expect(await rows.count()).toBe(50)
    await page.locator('[data-testid="table-more"]').first().click()
    expect(await rows.count()).toBe(100)
    expect(log.errors).toEqual([])
    await page.close()
  }, 120_000)
})
