import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { inkedShare, launch, shot, watch } from './browser'

const base = inject('baseUrl')
const origin = new URL(base).origin
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

describe.each([
  [1920, 1080],
  [3840, 2160],
  [5760, 1080],
])('the screen at %ix%i, served from a sub-path', (width, height) => {
  it('draws the map and the KPIs from the snapshot, with nothing broken or foreign', async () => {
    const page = await browser.newPage({ viewport: { width, height } })
    const log = watch(page, origin)
    await page.goto(`${base}#/?frozen=1`)
    const canvas = '[data-chart="map"] canvas'
    await page.waitForSelector(canvas)
    await page.waitForFunction(() => document.fonts.status === 'loaded')
    await page.waitForTimeout(500)

    const kpi = (id: string) =>
      page.$eval(`[data-kpi="${id}"]`, (el) => (el.textContent ?? '').replace(/\s+/g, ''))
    expect(await kpi('events')).toContain('5场')
    expect(await kpi('projects_signed')).toContain('74项')
    expect(await kpi('contract_value')).toContain('约8600万元')
    expect(await page.textContent('[data-testid="snapshot-date"]')).toContain('2026-11-21')
    // A blank canvas inks nothing; the map alone inks well over 3% of its panel at any aspect.
    expect(await inkedShare(page, canvas)).toBeGreaterThan(0.03)

    // Nothing scrolls and nothing spills out of the window.
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - innerWidth,
      y: document.documentElement.scrollHeight - innerHeight,
    }))
    expect(overflow).toEqual({ x: 0, y: 0 })

    await shot(page, `screen-${width}x${height}`)
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })
})

describe('the screen in English', () => {
  it('switches labels and number formats with ?lang=en', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${base}#/?frozen=1&lang=en`)
    await page.waitForSelector('[data-kpi="contract_value"]')
    const text = await page.textContent('[data-kpi="contract_value"]')
    expect(text).toContain('Contract value')
    expect(text).toContain('≈')
    expect(text).toContain('¥86 m')
    await page.close()
  })
})
