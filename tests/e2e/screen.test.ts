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

describe('the screen, served from a sub-path', () => {
  it('shows the snapshot’s honest totals, with nothing broken or foreign', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const log = watch(page, origin)
    await page.goto(`${base}#/?frozen=1`)
    const canvas = '[data-chart="map"] canvas'
    await page.waitForSelector(canvas)
    const kpi = (id: string) =>
      page.$eval(`[data-kpi="${id}"]`, (el) => (el.textContent ?? '').replace(/\s+/g, ''))
    expect(await kpi('events')).toContain('5场')
    expect(await kpi('projects_signed')).toContain('74项')
    expect(await kpi('contract_value')).toContain('约8600万元')
    expect(await kpi('joint_labs')).toContain('14家')
    expect(await page.textContent('[data-testid="snapshot-date"]')).toContain('2026-11-21')
    // A blank canvas inks nothing.
    expect(await inkedShare(page, canvas)).toBeGreaterThan(0.03)
    await shot(page, 'screen-1920x1080')
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })
})

describe('every number can reveal its source', () => {
  it('shows the quotes behind a KPI on hover, and a signing’s quote as its title', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${base}#/?frozen=1`)
    const tile = page.locator('[data-kpi="projects_signed"]')
    await tile.waitFor()
    expect(await tile.locator('[data-testid="evidence"]').isVisible()).toBe(false)
    await tile.hover()
    const popover = tile.locator('[data-testid="evidence"]')
    await popover.waitFor({ state: 'visible' })
    expect(await popover.textContent()).toContain('現場簽約57項')
    await shot(page, 'screen-kpi-evidence')
    const title = await page.locator('[data-testid="signing"]').first().getAttribute('title')
    expect(title).toMatch(/^“.+” — 中国高等教育学会$/)
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
    // The quote stays as printed; its publisher is credited by the English name the data gives.
    const title = await page.locator('[data-testid="signing"]').first().getAttribute('title')
    expect(title).toMatch(/^“[^”]*[\u4e00-\u9fff][^”]*” — China Association of Higher Education$/)
    await page.close()
  })
})
