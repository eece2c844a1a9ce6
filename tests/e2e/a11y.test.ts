import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'
import { launch, shot } from './browser'

const base = inject('baseUrl')
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

interface AuditedPage {
  /** The route with its query, after `#`. */
  path: string
  /** What is on screen once the page has drawn. */
  ready: string
  /** Something to do before the audit (open the table views …). */
  before?: (page: Page) => Promise<void>
}

const openTables = async (page: Page) => {
  for (const button of await page.$$('[data-testid="view-table"]')) await button.click()
  await page.waitForSelector('[data-testid="chart-table"]')
}

/**
 * Every page a visitor can reach, in Chinese and in English, in both themes. A new page is one
 * more line here.
 */
const PAGES: AuditedPage[] = [
  { path: '/explore?frozen=1', ready: '[data-chart="map"] canvas' },
  { path: '/explore?frozen=1&lang=en&theme=light', ready: '[data-chart="sankey"] canvas' },
  { path: '/explore?frozen=1', ready: '[data-chart="map"] canvas', before: openTables },
  { path: '/events/csu-alumni-2024?frozen=1', ready: '[data-testid="partner-map"] canvas' },
  { path: '/events/gbh63-2025?frozen=1&lang=en', ready: '[data-testid="partner-map"] canvas' },
  { path: '/orgs/csu?frozen=1', ready: '[data-testid="org-page"]' },
  { path: '/orgs/zju?frozen=1&lang=en&theme=light', ready: '[data-testid="org-page"]' },
  { path: '/studio/map?frozen=1', ready: '[data-testid="studio-preview"]' },
  {
    path: '/studio/figures?frozen=1&event=gbh63-2025&lang=en',
    ready: '[data-testid="studio-preview"]',
  },
  { path: '/embed/timeline?frozen=1', ready: '[data-chart="timeline"] canvas' },
  { path: '/?frozen=1', ready: '[data-chart="map"] canvas' },
  { path: '/data?frozen=1', ready: '[data-testid="data-status"]' },
  { path: '/data?frozen=1&lang=en&theme=light', ready: '[data-testid="data-status"]' },
]

/** Only what blocks people: `serious` and `critical`; the rest is printed, not failed. */
const BLOCKING = new Set(['serious', 'critical'])

function describeViolation(v: Result): string {
  const nodes = v.nodes
    .slice(0, 6)
    .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`)
    .join('\n')
  const more = v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : ''
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`
}

async function audit(page: Page): Promise<AxeResults> {
  await page.addScriptTag({ path: AXE })
  return page.evaluate(() =>
    (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  )
}

describe('accessibility: axe-core finds nothing serious or critical', () => {
  it.each(PAGES.map((p) => [p.path + (p.before ? ' (tables open)' : ''), p] as const))(
    '%s',
    async (_name, { path, ready, before }) => {
      // The strict CSP of the built app would refuse the injected axe script.
      const context = await browser.newContext({
        viewport: { width: 1440, height: 1000 },
        bypassCSP: true,
      })
      const page = await context.newPage()
      await page.goto(`${base}#${path}`)
      await page.waitForSelector(ready)
      if (before) await before(page)
      const { violations } = await audit(page)
      const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''))
      const minor = violations.filter((v) => !BLOCKING.has(v.impact ?? ''))
      if (minor.length) console.log(`${path}: minor\n${minor.map(describeViolation).join('\n')}`)
      await shot(
        page,
        `a11y-${path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}${before ? '-tables' : ''}`,
      )
      expect(
        blocking.map(describeViolation).join('\n'),
        `${path}: serious or critical violations`,
      ).toBe('')
      await context.close()
    },
  )
})

describe('the audit itself', () => {
  it('fails on what it should: a button without a name, text without contrast', async () => {
    const page = await browser.newPage()
    await page.setContent(
      '<html lang="en"><body><main><button></button><p style="color:#777;background:#888">faint</p></main></body></html>',
    )
    const { violations } = await audit(page)
    expect(violations.filter((v) => BLOCKING.has(v.impact ?? '')).map((v) => v.id)).toEqual(
      expect.arrayContaining(['button-name', 'color-contrast']),
    )
    await page.close()
  })
})

/** Every control a keyboard should reach: visible, enabled, not taken out of the tab order. */
async function controls(page: Page): Promise<string[]> {
  return page.$$eval('a[href], button, select, input, textarea, [tabindex]', (els) =>
    els
      .filter((el) => {
        const e = el as HTMLElement
        if ((e as HTMLButtonElement).disabled || e.tabIndex < 0) return false
        const r = e.getBoundingClientRect()
        const style = getComputedStyle(e)
        return r.width > 0 && r.height > 0 && style.visibility !== 'hidden'
      })
      .map((el) => {
        const e = el as HTMLElement
        // Something to tell them apart in a failure message.
        e.dataset.tabProbe ??= String(Math.random()).slice(2)
        return e.dataset.tabProbe
      }),
  )
}

/** Presses Tab until focus comes round again; for each stop, whether a focus ring shows. */
async function tabThrough(page: Page, max = 800) {
  const seen: { probe: string; ring: boolean; what: string }[] = []
  await page.locator('body').focus()
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null
      if (!e || e === document.body) return null
      const style = getComputedStyle(e)
      // Focus inside a field's own parts (a date field's calendar button) does not match
      // :focus on the field; the browser rings that part, out of reach of styles and of this.
      const ring =
        !e.matches(':focus') ||
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) ||
        style.boxShadow !== 'none'
      return {
        probe: e.dataset.tabProbe ?? '',
        ring,
        what: `${e.tagName.toLowerCase()} ${e.getAttribute('data-testid') ?? ''} ${(e.textContent ?? '').trim().slice(0, 30)}`,
      }
    })
    if (!stop) continue
    if (seen.length && stop.probe && stop.probe === seen[0]!.probe) break
    seen.push(stop)
  }
  return seen
}

describe('keyboard', () => {
  it.each([
    '/explore?frozen=1',
    '/events/csu-alumni-2024?frozen=1',
    '/orgs/csu?frozen=1&lang=en',
    '/studio/timeline?frozen=1',
  ])('Tab reaches every control of %s, each with a visible focus ring', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await page.goto(`${base}#${path}`)
    await page.waitForSelector('main h1')
    await page.waitForTimeout(800)
    const all = await controls(page)
    expect(all.length).toBeGreaterThan(5)
    const stops = await tabThrough(page)
    const reached = new Set(stops.map((s) => s.probe))
    const missed = all.filter((probe) => !reached.has(probe))
    const describeMissed = await page.$$eval(
      '[data-tab-probe]',
      (els, ids) =>
        els
          .filter((e) => ids.includes((e as HTMLElement).dataset.tabProbe!))
          .map((e) => e.outerHTML.slice(0, 160)),
      missed,
    )
    expect(describeMissed).toEqual([])
    expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([])
    await page.close()
  })

  it('the view-as-table button swaps a chart for its table, from the keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1300 } })
    await page.goto(`${base}#/explore?frozen=1`)
    await page.waitForSelector('[data-chart="timeline"] canvas')
    const button = page.locator('[data-chart="timeline"] [data-testid="view-table"]')
    await button.focus()
    await page.keyboard.press('Enter')
    const table = page.locator('[data-chart="timeline"] [data-testid="chart-table"] table')
    await table.waitFor()
    expect(await button.getAttribute('aria-pressed')).toBe('true')
    expect(await table.locator('caption').textContent()).toContain('活动时间轴')
    expect(await table.locator('th[scope="col"]').count()).toBeGreaterThan(3)
    expect(await table.locator('tbody tr').count()).toBe(5)
    expect(await page.locator('[data-chart="timeline"] canvas').count()).toBe(0)
    // The other charts stay charts.
    expect(await page.locator('[data-chart="map"] canvas').count()).toBeGreaterThan(0)
    await page.locator('[data-chart="sankey"] [data-testid="view-table"]').click()
    await page.waitForSelector('[data-chart="sankey"] [data-testid="chart-table"]')
    await page.waitForTimeout(300)
    await shot(page, 'a11y-explore-tables')
    await page.close()
  })
})

describe('the screen from the keyboard', () => {
  it('Space pauses and resumes the carousel, the arrows step it, and the pause shows', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${base}#/?carousel=0.4`)
    await page.waitForSelector('[data-chart="map"] canvas')
    const focus = () => page.getAttribute('[data-focus]', 'data-focus')
    const state = page.locator('[data-testid="carousel-state"]')
    await expect.poll(focus).not.toBe('')
    // Running: it moves on by itself.
    const first = await focus()
    await expect.poll(focus, { timeout: 15_000 }).not.toBe(first)

    await page.keyboard.press('Space')
    expect(await state.getAttribute('data-paused')).toBe('1')
    expect(await state.textContent()).toContain('轮播已暂停')
    const held = await focus()
    await page.waitForTimeout(1500)
    expect(await focus()).toBe(held)
    await shot(page, 'a11y-screen-paused')

    // Stepping while paused: forward, back, and it stays where it is put.
    await page.keyboard.press('ArrowRight')
    const next = await focus()
    expect(next).not.toBe(held)
    await page.keyboard.press('ArrowLeft')
    expect(await focus()).toBe(held)
    await page.waitForTimeout(1000)
    expect(await focus()).toBe(held)

    await page.keyboard.press('Space')
    expect(await state.getAttribute('data-paused')).toBe('0')
    expect((await state.textContent())?.trim()).toBe('')
    await expect.poll(focus, { timeout: 15_000 }).not.toBe(held)
    await page.close()
  })

  it('reaches the screen’s controls and every panel’s data by keyboard and screen reader', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${base}#/?frozen=1`)
    await page.waitForSelector('[data-chart="map"] canvas')
    const stops = await tabThrough(page, 40)
    expect(stops.some((s) => s.what.startsWith('button'))).toBe(true)
    expect(stops.filter((s) => s.what.startsWith('div')).length).toBeGreaterThan(2)
    expect(stops.filter((s) => !s.ring).map((s) => s.what)).toEqual([])
    // The screen is not clicked: its tables are there for screen readers only.
    expect(await page.locator('[data-testid="view-table"]').count()).toBe(0)
    const hidden = page.locator('[data-chart="ranking"] [data-testid="chart-table"]')
    expect(await hidden.locator('caption').textContent()).toContain('参与高校/院所')
    const box = await hidden.boundingBox()
    expect(box!.width * box!.height).toBeLessThanOrEqual(1)
    expect(await page.getAttribute('[data-chart="map"] [role="img"]', 'aria-label')).toMatch(
      /^合作对接地图。示意地图：/,
    )
    await page.close()
  })
})

describe('patterns for colour-blind readers', () => {
  it('draws decal patterns with ?decal=1, and none without', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1300 } })
    const inked: number[] = []
    for (const decal of ['0', '1']) {
      await page.goto(`${base}#/explore?frozen=1&decal=${decal}`)
      await page.waitForSelector('[data-chart="map"] canvas')
      await page.waitForTimeout(600)
      // The dark map is blues; pattern ink is a light line across the shaded provinces.
      inked.push(
        await page.$eval('[data-chart="map"] canvas', (el) => {
          const c = el as HTMLCanvasElement
          const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height)
          let light = 0
          for (let i = 0; i < data.length; i += 4)
            if (Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 120) light++
          return light
        }),
      )
      await shot(page, `a11y-explore-decal-${decal}`)
    }
    expect(inked[1]!).toBeGreaterThan(inked[0]! * 1.5)
    await page.goto(`${base}#/?frozen=1&decal=1`)
    await page.waitForSelector('[data-chart="sankey"] canvas')
    await page.waitForTimeout(600)
    await shot(page, 'a11y-screen-decal')
    await page.close()
  })
})
