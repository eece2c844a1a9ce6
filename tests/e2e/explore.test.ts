import { readFileSync } from 'node:fs'
import path from 'node:path'
import Papa from 'papaparse'
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

function csv(name: string): Record<string, string>[] {
  const text = readFileSync(path.resolve(__dirname, '../../data', name), 'utf8')
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

const rowIds = (page: Page, table: string) =>
  page.$$eval(`[data-testid="${table}"] tbody tr[data-row]`, (rows) =>
    rows.map((r) => r.getAttribute('data-row')),
  )

/** Where on a chart's canvas pixels of a colour sit: the centre of the largest solid patch. */
async function findColour(
  page: Page,
  chart: string,
  rgb: [number, number, number],
  area: { x0: number; x1: number } = { x0: 0, x1: 1 },
): Promise<{ x: number; y: number } | null> {
  return page.$eval(
    `[data-chart="${chart}"] canvas`,
    (el, { rgb, area }) => {
      const canvas = el as HTMLCanvasElement
      const { width, height } = canvas
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, width, height)
      const near = (x: number, y: number) => {
        const i = (y * width + x) * 4
        // Opaque only: a translucent link of the same hue is not the node it comes from.
        return (
          data[i + 3]! > 250 &&
          Math.abs(data[i]! - rgb[0]) < 8 &&
          Math.abs(data[i + 1]! - rgb[1]) < 8 &&
          Math.abs(data[i + 2]! - rgb[2]) < 8
        )
      }
      // A pixel whose whole 7×7 neighbourhood has the colour: inside the shape, not on a line.
      let best: { x: number; y: number; n: number } | null = null
      const step = 3
      for (let y = 3; y < height - 3; y += step) {
        for (let x = Math.floor(width * area.x0) + 3; x < width * area.x1 - 3; x += step) {
          let solid = true
          for (let dy = -3; dy <= 3 && solid; dy++)
            for (let dx = -3; dx <= 3 && solid; dx++) solid = near(x + dx, y + dy)
          if (!solid) continue
          // Prefer the point deepest inside: count matching pixels along a cross.
          let n = 0
          for (let r = 4; r < 60 && near(x + r, y) && near(x - r, y); r++) n++
          if (!best || n > best.n) best = { x, y, n }
        }
      }
      if (!best) return null
      const rect = canvas.getBoundingClientRect()
      return {
        x: rect.left + (best.x / width) * rect.width,
        y: rect.top + (best.y / height) * rect.height,
      }
    },
    { rgb, area },
  )
}

describe('explore: cross-filtering with the state in the URL', () => {
  it('narrows the tables on a map and a Sankey click, and a fresh page reopens the same view', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1300 } })
    const log = watch(page, origin)
    await page.goto(`${base}#/explore?frozen=1`)
    await page.waitForSelector('[data-chart="map"] canvas')
    await page.waitForSelector('[data-chart="sankey"] canvas')
    const all = await rowIds(page, 'outcomes-table')
    expect(all).toHaveLength(csv('outcomes.csv').length)
    expect(await inkedShare(page, '[data-chart="map"] canvas')).toBeGreaterThan(0.03)
    await shot(page, 'explore-1600x1300')

    // 湖南 has the most events: the strongest shade of the dark theme's province scale.
    const hunan = await findColour(page, 'map', [0x34, 0x94, 0xdc])
    expect(hunan).not.toBeNull()
    const mapInstance = () =>
      page.getAttribute('[data-chart="map"] [_echarts_instance_]', '_echarts_instance_')
    const chinaMap = await mapInstance()
    // The maps of provinces with events load while the page is idle, before anyone clicks.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((r) => r.name.endsWith('/43.json')),
        ),
      )
      .toBe(true)
    await page.mouse.click(hunan!.x, hunan!.y)
    await expect.poll(() => page.url()).toContain(`province=${encodeURIComponent('湖南')}`)
    await expect.poll(() => rowIds(page, 'outcomes-table')).not.toEqual(all)
    const inHunan = await rowIds(page, 'outcomes-table')
    const hunanEvents = new Set(
      csv('events.csv')
        .filter((e) => ['changsha', 'zhuzhou', 'zhuzhou-lusong'].includes(e.place!))
        .map((e) => e.id),
    )
    const expected = csv('outcomes.csv')
      .filter((o) => hunanEvents.has(o.event!))
      .map((o) => o.id)
    expect(inHunan.sort()).toEqual(expected.sort())
    await expect.poll(() => page.textContent('[data-testid="map-breadcrumb"]')).toContain('湖南')
    // The province's map loaded into the same chart: the panel was not replaced meanwhile.
    await expect.poll(() => page.$('[data-testid="map-loading"]')).toBeNull()
    expect(await mapInstance()).toBe(chinaMap)
    await page.waitForTimeout(500)
    await shot(page, 'explore-hunan')

    // The biggest organisation node on the Sankey's left layer.
    const node = await findColour(page, 'sankey', [0x3a, 0xd4, 0xff], { x0: 0, x1: 0.45 })
    expect(node).not.toBeNull()
    await page.mouse.click(node!.x, node!.y)
    await expect.poll(() => page.url()).toContain('org=')
    const url = page.url()
    await expect
      .poll(async () => (await rowIds(page, 'outcomes-table')).length)
      .toBeLessThanOrEqual(inHunan.length)
    const narrowed = await rowIds(page, 'outcomes-table')
    const chips = await page.$$eval('[data-testid="filter-chips"] .chip', (c) => c.length)
    expect(chips).toBe(2)
    await shot(page, 'explore-hunan-org')
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })

    // Another browser context: no shared storage, only the link.
    const context = await browser.newContext({ viewport: { width: 1600, height: 1300 } })
    const fresh = await context.newPage()
    await fresh.goto(url)
    await fresh.waitForSelector('[data-testid="outcomes-table"] tbody tr')
    await expect.poll(() => rowIds(fresh, 'outcomes-table')).toEqual(narrowed)
    expect(
      await fresh.$$eval('[data-testid="filter-chips"] .chip', (c) => c.map((x) => x.textContent)),
    ).toEqual(
      await page.$$eval('[data-testid="filter-chips"] .chip', (c) => c.map((x) => x.textContent)),
    )
    await context.close()

    // Clear all: everything again.
    await page.click('[data-testid="clear-all"]')
    await expect.poll(() => rowIds(page, 'outcomes-table')).toEqual(all)
    await page.close()
  })

  it('filters by a span brushed on the timeline, also after another filter redrew it', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1300 } })
    const log = watch(page, origin)
    await page.goto(`${base}#/explore?frozen=1`)
    const canvas = '[data-chart="timeline"] canvas'
    await page.waitForSelector(canvas)
    // Another filter first: the chart is updated in place, and its brush must still be armed.
    await page.evaluate(() => (location.hash = '#/explore?frozen=1&province=湖南'))
    await expect.poll(() => page.textContent('[data-testid="filter-chips"]')).toContain('湖南')
    await page.waitForTimeout(500)
    await page.locator(canvas).scrollIntoViewIfNeeded()
    const box = (await page.locator(canvas).boundingBox())!
    const y = box.y + box.height * 0.55
    await page.mouse.move(box.x + box.width * 0.03, y)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.97, y, { steps: 12 })
    await page.mouse.up()
    await expect.poll(() => page.url()).toMatch(/from=\d{4}-\d{2}-\d{2}/)
    const query = new URLSearchParams(page.url().split('?')[1])
    expect(query.get('to')! > query.get('from')!).toBe(true)
    expect(query.get('province')).toBe('湖南')

    // And again, on the chart its own brush just redrew (the span still has 湖南's events).
    await page.waitForSelector(canvas)
    await page.waitForTimeout(500)
    await page.mouse.move(box.x + box.width * 0.3, y, { steps: 4 })
    await page.mouse.down()
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 12 })
    await page.mouse.up()
    await expect
      .poll(() => new URLSearchParams(page.url().split('?')[1]).get('from'))
      .not.toBe(query.get('from'))
    expect(new URLSearchParams(page.url().split('?')[1]).get('province')).toBe('湖南')
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })

  it('links a table row to its event, keeping language and theme, and back returns', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const log = watch(page, origin)
    await page.goto(
      `${base}#/explore?frozen=1&lang=en&theme=light&province=${encodeURIComponent('湖南')}`,
    )
    await page.waitForSelector('[data-testid="outcomes-table"] tbody tr[data-row]')
    const [first] = await rowIds(page, 'outcomes-table')
    const event = csv('outcomes.csv').find((o) => o.id === first)!.event!
    await page.click(
      `[data-testid="outcomes-table"] tr[data-row="${first}"] td[data-col="event"] a`,
    )
    await page.waitForSelector('[data-testid="event-page"]')
    const at = new URL(page.url())
    expect(at.hash).toMatch(new RegExp(`^#/events/${event}\\?`))
    expect(new URLSearchParams(at.hash.split('?')[1]).get('lang')).toBe('en')
    expect(new URLSearchParams(at.hash.split('?')[1]).get('theme')).toBe('light')
    await page.goBack()
    await page.waitForSelector('[data-testid="outcomes-table"] tbody tr[data-row]')
    expect(page.url()).toContain(`province=${encodeURIComponent('湖南')}`)
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })

  it('ignores malformed or unknown query values with a notice, never a blank page', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const log = watch(page, origin)
    await page.goto(
      `${base}#/explore?frozen=1&from=2024-13-40&org=no-such-org&outcomeKind=joint_lab`,
    )
    await page.waitForSelector('[data-testid="notices"]')
    const notices = await page.textContent('[data-testid="notices"]')
    expect(notices).toContain('from=2024-13-40')
    expect(notices).toContain('org=no-such-org')
    await expect
      .poll(() => rowIds(page, 'outcomes-table'))
      .toEqual(
        csv('outcomes.csv')
          .filter((o) => o.kind === 'joint_lab')
          .map((o) => o.id),
      )
    expect(log.errors).toEqual([])
    await page.close()
  })
})

describe('event and organisation pages', () => {
  it('show every reported figure of every event with its verbatim quote and source', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const log = watch(page, origin)
    const figures = csv('figures.csv')
    for (const event of csv('events.csv')) {
      await page.goto(`${base}#/events/${event.id}?frozen=1`)
      // A hash change re-renders the same page component: wait for the new event's title.
      await expect.poll(() => page.textContent('h1')).toBe(event.name_zh)
      for (const f of figures.filter((x) => x.event === event.id)) {
        const item = page.locator(`[data-figure="${f.id}"]`)
        // The quote as curated (whitespace aside), and who published it.
        const quote = await item.locator('[data-testid="quote"]').first().textContent()
        expect(quote?.replace(/\s+/g, '')).toBe(f.quote!.replace(/\s+/g, ''))
        expect(await item.textContent()).toContain('来源')
      }
    }
    await page.goto(`${base}#/events/csu-alumni-2024?frozen=1`)
    await page.waitForSelector('[data-testid="partner-map"] canvas')
    await page.waitForTimeout(500)
    await shot(page, 'event-csu-alumni-2024')
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })

  it('links parties to organisation pages, which list roles, outcomes and partners', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${base}#/events/zgc-2025?frozen=1`)
    await page.click('[data-outcome="zgc-2025-xjtu-lenovo-lab"] a[href*="/orgs/xjtu"]')
    await page.waitForSelector('[data-testid="org-page"]')
    expect(await page.textContent('h1')).toBe('西安交通大学')
    expect(await page.textContent('[data-testid="org-outcomes"]')).toContain('联想')
    expect(await page.textContent('[data-testid="partners"]')).toContain('联想')
    await shot(page, 'org-xjtu')
    await page.close()
  })

  it('switches to English: interface and names from the data change, the URL keeps it', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    await page.goto(`${base}#/events/gbh63-2025?frozen=1`)
    await page.waitForSelector('[data-testid="event-page"]')
    const zh = await page.textContent('h1')
    await page.selectOption('[data-testid="lang-switch"]', 'en')
    await expect.poll(() => page.textContent('h1')).not.toBe(zh)
    const events = csv('events.csv')
    expect(await page.textContent('h1')).toBe(events.find((e) => e.id === 'gbh63-2025')!.name_en)
    expect(page.url()).toContain('lang=en')
    expect(await page.textContent('[data-testid="figures"]')).toContain('Reported figures')
    // A role's quote, as printed, credits its publisher by the English name the data gives.
    expect(await page.getAttribute('.roles a[href*="/orgs/zju"]', 'title')).toMatch(
      /^“.+” — China Association of Higher Education$/,
    )
    // In-app links keep the language.
    await page.click('a[href*="/orgs/zju"]')
    await page.waitForSelector('[data-testid="org-page"]')
    expect(await page.textContent('h1')).toBe('Zhejiang University')
    await shot(page, 'org-zju-en')
    await page.close()
  })
})
