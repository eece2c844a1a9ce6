import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { CHARTS } from '../../src/charts/registry'
import { readPngInfo } from '../../src/studio/png'
import { STUDIO_CHARTS, studioRows, studioEntry } from '../../src/studio/charts'
import { DATA_DIR, loadFiles, readFolder } from '../helpers/snapshot'
import { launch, shot, watch } from './browser'

const base = inject('baseUrl')
const origin = new URL(base).origin
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  const path = await file.path()
  return { name: file.suggestedFilename(), bytes: readFileSync(path) }
}

/** Share of a PNG's pixels (decoded by the browser) that differ from its top-left corner. */
function inkedPng(page: Page, bytes: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const img = new Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d')!
    ctx.drawImage(img, 0, 0)
    const { data } = ctx.getImageData(0, 0, c.width, c.height)
    let inked = 0
    for (let i = 0; i < data.length; i += 4)
      if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) inked++
    return inked / (c.width * c.height)
  }, bytes.toString('base64'))
}

describe('studio: publication-ready files', () => {
  for (const chart of STUDIO_CHARTS) {
    // An event's figures need an event; every other chart shows the whole snapshot.
    const filters: Record<string, string> = chart === 'figures' ? { event: 'gbh63-2025' } : {}
    const query = new URLSearchParams({ ...filters, preset: 'article' }).toString()
    const filterPart = chart === 'figures' ? 'event-gbh63-2025' : 'all'
    it(`exports ${chart} as PNG at 2×, SVG and CSV`, async () => {
      const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
      const log = watch(page, origin)
      await page.goto(`${base}#/studio/${chart}?${query}`)
      await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
      await shot(page, `studio-${chart}`)

      const png = await download(page, '[data-download="png-2"]')
      expect(png.name).toBe(`${chart}_${filterPart}_article_2026-11-21@2x.png`)
      const info = readPngInfo(new Uint8Array(png.bytes))
      expect(info).toEqual({ width: 1800, height: 1000, dpi: 144 })
      expect(await inkedPng(page, png.bytes)).toBeGreaterThan(0.03)

      const svg = await download(page, '[data-download="svg"]')
      const title = await page.inputValue('input[name="title"]')
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        }
      }, svg.bytes.toString('utf8'))
      expect(parsed.error).toBeNull()
      expect(parsed.texts).toContain(title)

      const csv = await download(page, '[data-download="csv"]')
      const text = csv.bytes.toString('utf8')
      expect(text.charCodeAt(0)).toBe(0xfeff)
      const back = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data
      const r = await loadFiles(readFolder(DATA_DIR))
      if (!r.ok) throw new Error('snapshot')
      const table = studioEntry(chart).table(studioRows(chart, r.dataset, filters), 'zh-CN')
      expect(back[0]).toEqual(table.columns)
      // Every chart's CSV says how exact its numbers are and which reports they come from.
      expect(back[0]).toEqual(expect.arrayContaining(['限定词', '来源']))
      expect(back.slice(1)).toEqual(table.rows.map((row) => row.map((c) => String(c ?? ''))))
      expect(log).toEqual({ errors: [], failed: [], foreign: [] })
      await page.close()
    })
  }

  it('carries the filters into the file name and the print preset’s 300 dpi into the PNG', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await page.goto(
      `${base}#/studio/ranking?province=${encodeURIComponent('湖南')}&preset=a4-print`,
    )
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    const png = await download(page, '[data-download="png-1"]')
    expect(png.name).toBe('ranking_province-湖南_a4-print_2026-11-21.png')
    expect(readPngInfo(new Uint8Array(png.bytes))).toEqual({ width: 3508, height: 2480, dpi: 300 })
    await shot(page, 'studio-ranking-a4')
    const { writeFileSync, mkdirSync } = await import('node:fs')
    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/export-ranking-a4.png', png.bytes)
    await page.close()
  })

  it('draws an event’s figures once an event is picked in the studio itself', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    const log = watch(page, origin)
    await page.goto(`${base}#/studio/figures?preset=article`)
    await page.waitForSelector('[data-testid="studio"]')
    expect(await page.textContent('.preview')).toContain('请先在“活动”中选择一场活动')
    expect(await page.isDisabled('[data-download="png-2"]')).toBe(true)
    await page.selectOption('[data-testid="studio-event"]', 'gbh63-2025')
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    expect(page.url()).toContain('event=gbh63-2025')
    // The default subtitle names the event picked.
    expect(await page.inputValue('input[name="subtitle"]')).toBe(
      '第63届高等教育博览会政产学研合作对接活动',
    )
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })

  it('copies the picture to the clipboard where the browser allows it', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    const page = await context.newPage()
    await page.goto(`${base}#/studio/timeline?preset=weibo`)
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    await page.click('[data-testid="copy-image"]')
    await expect.poll(() => page.textContent('[data-testid="copy-image"]')).toBe('已复制')
    // Read back what the clipboard holds: a PNG at 2× the preset.
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read()
      const blob = await item!.getType('image/png')
      const img = await createImageBitmap(blob)
      return { types: item!.types, width: img.width, height: img.height }
    })
    expect(copied).toEqual({ types: ['image/png'], width: 2400, height: 1256 })
    await context.close()
  })

  it('says so when the clipboard will not take an image', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await page.addInitScript(() => {
      // As on a plain-HTTP intranet: no asynchronous clipboard at all.
      Object.defineProperty(navigator, 'clipboard', { value: undefined })
    })
    await page.goto(`${base}#/studio/timeline?preset=weibo`)
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    await page.click('[data-testid="copy-image"]')
    await page.waitForSelector('text=此浏览器在这里不能复制图片，请下载 PNG')
    await page.close()
  })

  it('shows the PNG to press and hold in WeChat, where downloads do not start', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN',
    })
    const page = await context.newPage()
    let downloads = 0
    page.on('download', () => downloads++)
    await page.goto(`${base}#/studio/kpi?preset=wechat-square`)
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    await page.click('[data-download="png-2"]')
    const overlay = page.locator('[data-testid="long-press"]')
    await overlay.waitFor()
    expect(await overlay.textContent()).toContain('长按图片保存')
    const size = await overlay.locator('img').evaluate(async (img: HTMLImageElement) => {
      await img.decode()
      return [img.naturalWidth, img.naturalHeight]
    })
    expect(size).toEqual([2160, 2160])
    await shot(page, 'studio-wechat-overlay')
    expect(downloads).toBe(0)
    await overlay.locator('button').click()
    expect(await overlay.count()).toBe(0)
    await context.close()
  })

  it('works in English: controls, picture and file', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await page.goto(`${base}#/studio/map?preset=slide`)
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    await page.selectOption('[data-testid="studio-lang"]', 'en')
    await expect.poll(() => page.inputValue('input[name="title"]')).toBe('Cooperation map')
    expect(page.url()).toContain('lang=en')
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    expect(await page.inputValue('input[name="title"]')).toMatch(/^[\x20-\x7e–—’]+$/)
    expect(await page.inputValue('textarea[name="source"]')).toMatch(/^Source/)
    await shot(page, 'studio-map-en')
    const csv = await download(page, '[data-download="csv"]')
    const header = Papa.parse<string[]>(csv.bytes.toString('utf8').slice(1)).data[0]
    expect(header).toEqual(expect.arrayContaining(['qualifier', 'source']))
    await page.close()
  })

  it('adds patterns to the picture for grey print when asked', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await page.goto(`${base}#/studio/map?preset=article`)
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    const plain = await page.getAttribute('[data-testid="studio-preview"]', 'src')
    const plainPng = await download(page, '[data-download="png-1"]')
    await page.check('[data-testid="studio-decal"]')
    await expect.poll(() => page.url()).toContain('decal=1')
    await expect
      .poll(() => page.getAttribute('[data-testid="studio-preview"]', 'src'))
      .not.toBe(plain)
    await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
    const patterned = await download(page, '[data-download="png-1"]')
    // Same size, different pixels: the provinces now carry patterns.
    expect(readPngInfo(new Uint8Array(patterned.bytes))).toEqual(
      readPngInfo(new Uint8Array(plainPng.bytes)),
    )
    expect(patterned.bytes.equals(plainPng.bytes)).toBe(false)
    await shot(page, 'studio-map-decal')
    await page.close()
  })

  it('is reached from the export button of an explore panel, with the same filters', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } })
    await page.goto(`${base}#/explore?frozen=1&outcomeKind=joint_lab`)
    await page.click('[data-chart="sankey"] [data-testid="export"]')
    await page.waitForSelector('[data-testid="studio"]')
    expect(page.url()).toContain('/studio/sankey')
    expect(page.url()).toContain('outcomeKind=joint_lab')
    await page.close()
  })
})

describe('embed', () => {
  it('renders one chart in an iframe with no navigation, reports its height, and warns when pinned data changed', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } })
    const log = watch(page, origin)
    await page.goto(`${base}#/studio/timeline?preset=article`)
    await page.waitForSelector('[data-testid="embed-fixed"]')
    // The studio's own embed code, pinned to an older snapshot date to see the warning.
    const src = `${base}#/embed/timeline?snapshot=pinned&pinned=2026-01-01`
    await page.setContent(
      `<script>window.heights=[];addEventListener('message',e=>{if(e.data&&e.data.type==='coop-dashboard:embed-height')heights.push(e.data.height)})</script>` +
        `<iframe id="f" src="${src}" width="800" height="420" style="border:0"></iframe>`,
    )
    const frame = page.frameLocator('#f')
    await frame.locator('[data-chart="timeline"] canvas').waitFor()
    expect(await frame.locator('.page-nav, nav').count()).toBe(0)
    expect(await frame.locator('[data-testid="embed-changed"]').textContent()).toContain(
      '2026-11-21',
    )
    expect(await frame.locator('[data-testid="embed-pinned"]').textContent()).toContain(
      '2026-01-01',
    )
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length))
      .toBeGreaterThan(0)
    await shot(page, 'embed-timeline')
    expect(log.errors).toEqual([])
    await page.close()
  })
})

// The registry and the studio list must not drift apart.
it('publishes only registered charts', () => {
  for (const id of STUDIO_CHARTS) expect(CHARTS[id].id).toBe(id)
})
