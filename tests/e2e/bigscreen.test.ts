import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { inkedShare, launch, shot, watch } from './browser'

const base = inject('baseUrl')
const origin = new URL(base).origin
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

const CHART_PANELS = ['map', 'sankey', 'timeline', 'ranking']

async function open(page: Page, query: string) {
  await page.goto(`${base}#/?${query}`)
  for (const id of CHART_PANELS) await page.waitForSelector(`[data-chart="${id}"] canvas`)
  await page.waitForFunction(() => document.fonts.status === 'loaded')
  await page.waitForTimeout(400)
}

describe.each([
  [1366, 768],
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [5760, 1080],
])('the big screen at %ix%i', (width, height) => {
  it('fills the window with every panel drawn, crisp, and nothing scrolling', async () => {
    const page = await browser.newPage({ viewport: { width, height } })
    const log = watch(page, origin)
    await open(page, 'frozen=1')

    const overflow = await page.evaluate(() => [
      document.documentElement.scrollWidth - innerWidth,
      document.documentElement.scrollHeight - innerHeight,
    ])
    expect(overflow).toEqual([0, 0])

    for (const id of CHART_PANELS) {
      const canvas = `[data-chart="${id}"] canvas`
      expect(await inkedShare(page, canvas), id).toBeGreaterThan(0.02)
    }
    expect(await page.locator('[data-testid="signing"]').count()).toBeGreaterThan(5)
    expect(await page.locator('.kinds li').count()).toBeGreaterThan(3)

    // Backing pixels per CSS pixel of every chart ≥ devicePixelRatio × the canvas scale.
    const crisp = await page.evaluate(() => {
      const canvasEl = document.querySelector('[data-testid="screen-canvas"]') as HTMLElement
      const scale = canvasEl.getBoundingClientRect().width / canvasEl.offsetWidth
      return [...document.querySelectorAll('[data-chart] canvas')].map((c) => {
        const canvas = c as HTMLCanvasElement
        return canvas.width / canvas.offsetWidth / (devicePixelRatio * scale)
      })
    })
    for (const ratio of crisp) expect(ratio).toBeGreaterThanOrEqual(0.99)

    // The design canvas is inside the window, whole (contain), at any aspect.
    const box = await page.locator('[data-testid="screen-canvas"]').boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(-0.5)
    expect(box!.y).toBeGreaterThanOrEqual(-0.5)
    expect(box!.x + box!.width).toBeLessThanOrEqual(width + 0.5)
    expect(box!.y + box!.height).toBeLessThanOrEqual(height + 0.5)
    expect(Math.max(width - box!.width, height - box!.height)).toBeLessThan(
      Math.max(width, height) * 0.02,
    )

    await shot(page, `bigscreen-${width}x${height}`)
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })
})

describe('the carousel', () => {
  it('steps through the events across panels, and memory stays flat over hundreds of cycles', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const log = watch(page, origin)
    await open(page, 'carousel=0.03')
    await page.evaluate(() => {
      const w = window as unknown as { __steps: number }
      w.__steps = 0
      new MutationObserver(() => w.__steps++).observe(document.querySelector('[data-focus]')!, {
        attributes: true,
        attributeFilter: ['data-focus'],
      })
    })
    const cdp = await page.context().newCDPSession(page)
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage')
      await cdp.send('HeapProfiler.collectGarbage')
      return (await cdp.send('Runtime.getHeapUsage')).usedSize
    }
    await page.waitForTimeout(3000)
    const before = await heap()
    await page.waitForFunction(
      () => (window as unknown as { __steps: number }).__steps >= 300,
      undefined,
      { timeout: 60_000 },
    )
    const after = await heap()
    const growth = (after - before) / before
    console.log(
      `carousel heap: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB (${(growth * 100).toFixed(1)}%)`,
    )
    expect(growth).toBeLessThan(0.1)
    expect(log.errors).toEqual([])
    await page.close()
  }, 120_000)
})
