// Safety (issue 6): data is text, never markup; nothing is fetched from anywhere but the page's
// own origin; the built app runs under a strict Content-Security-Policy.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Frame, Page } from 'playwright-core'
import { serveStatic, type StaticServer } from '../../scripts/lib/server'
import {
  cacheControl,
  contentSecurityPolicy,
  IMMUTABLE,
  REVALIDATE,
} from '../../scripts/lib/headers'
import { STUDIO_CHARTS } from '../../src/studio/charts'
import { launch, shot, watch } from './browser'

const ROOT = path.resolve(__dirname, '../..')
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')

/**
 * What an attacker who can edit a CSV (or a curator pasting from a web page) might put in a
 * text field. Every one sets window.__xss if it ever runs, and leaves an element behind if it is
 * ever parsed as markup.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=1</script>`,
  `"><svg onload=window.__xss=1>`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  `'><iframe src="javascript:window.__xss=1"></iframe>`,
  `</b></div><details open ontoggle=window.__xss=1>`,
  // A spreadsheet formula: the studio's CSV must keep it text.
  `=HYPERLINK("javascript:window.__xss=1","x")`,
]
/** Text that appears in the DOM only if a payload was kept as text (and not parsed away). */
const LITERAL = /onerror=|<script>|onload=|constructor\.constructor|<iframe|ontoggle=|HYPERLINK/

/**
 * The free-text fields of each table: names, titles, summaries, quotes, publishers, basis.
 * Ids, dates, numbers, amounts, units and vocabularies stay as they are, or the snapshot would
 * (rightly) be refused and the test would prove nothing. `fill`: optional fields that get a
 * payload even when empty, so the code paths for them run too (a repost's original publisher).
 */
const FREE_TEXT: Record<string, { prefix?: string[]; suffix?: string[]; fill?: string[] }> = {
  sources: {
    suffix: ['title', 'publisher', 'original_publisher', 'publisher_en', 'note'],
    fill: ['original_publisher', 'publisher_en', 'note'],
  },
  places: { prefix: ['name_zh', 'name_en'] },
  organizations: { prefix: ['name_zh', 'name_en', 'short_zh'], fill: ['short_zh'] },
  sectors: { prefix: ['name_zh', 'name_en'] },
  events: {
    prefix: ['name_zh', 'name_en'],
    // Non-empty only: an empty series means "not part of a series".
    suffix: ['series', 'edition', 'date_basis', 'summary_zh', 'summary_en'],
    fill: ['summary_zh', 'summary_en'],
  },
  event_orgs: { suffix: ['quote'] },
  outcomes: { prefix: ['title_zh', 'title_en'], suffix: ['quote'] },
  figures: { suffix: ['quote'] },
}

/** Same text, same payload: values that were equal (a series) stay equal, distinct stay distinct. */
function payloadFor(value: string): string {
  let h = 0
  for (const ch of value) h = (h * 31 + ch.codePointAt(0)!) >>> 0
  return PAYLOADS[h % PAYLOADS.length]!
}

/** Rewrites every CSV of a snapshot folder with payloads in its free text, correctly quoted. */
function poison(dataDir: string): void {
  for (const [table, spec] of Object.entries(FREE_TEXT)) {
    const file = path.join(dataDir, `${table}.csv`)
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    })
    const fields = parsed.meta.fields!
    parsed.data.forEach((row, i) => {
      for (const f of spec.prefix ?? []) row[f] = affix(row[f] ?? '', f, (p, v) => p + v)
      for (const f of spec.suffix ?? []) row[f] = affix(row[f] ?? '', f, (p, v) => `${v} ${p}`)
      // A link to a source: a script URL, or a web address carrying markup in its query.
      if (table === 'sources')
        row.url =
          i % 2 === 0
            ? 'javascript:window.__xss=1'
            : 'https://example.invalid/?q="><img src=x onerror=window.__xss=1>'
    })
    function affix(v: string, f: string, join: (p: string, v: string) => string): string {
      if (v === '') return spec.fill?.includes(f) ? payloadFor(f) : ''
      return join(payloadFor(v), v)
    }
    writeFileSync(file, Papa.unparse({ fields, data: parsed.data }, { newline: '\n' }) + '\n')
  }
}

function tsx(args: string[]) {
  const r = spawnSync(process.execPath, [TSX, ...args], { encoding: 'utf8', cwd: ROOT })
  return { status: r.status, out: `${r.stdout}\n${r.stderr}` }
}

function csv(dir: string, name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path.join(dir, 'data', name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data
}

/**
 * Installed before any page script: records every element added anywhere in the document that
 * could run script or was plainly made from markup in data — script, iframe, object, embed,
 * frame, base; any on* attribute; any javascript: URL; an <img> that is not one of the app's
 * own (blob:/data: previews, the configured logo); anything but text, <b> and <br> in an
 * ECharts tooltip (its box has z-index 9999999). Also every CSP violation. Runs in every frame,
 * embeds included.
 */
function installObserver() {
  const w = window as unknown as {
    __injected: string[]
    __csp: string[]
  }
  w.__injected = []
  w.__csp = []
  document.addEventListener('securitypolicyviolation', (e) =>
    w.__csp.push(
      `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
    ),
  )
  const BAD = new Set(['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE'])
  const describeEl = (el: Element) => el.outerHTML.slice(0, 160)
  const inspect = (el: Element, deep: boolean) => {
    for (const e of deep ? [el, ...el.querySelectorAll('*')] : [el]) {
      const tag = e.tagName.toUpperCase()
      const attrs = [...e.attributes]
      const src = e.getAttribute('src') ?? ''
      const inTooltip = !!e.closest('div[style*="z-index: 9999999"]')
      // index.html's own module script, parsed after this observer starts.
      const ownScript = tag === 'SCRIPT' && /^\.?\/?assets\/[\w.-]+\.js$/.test(src)
      if (
        (BAD.has(tag) && !ownScript) ||
        attrs.some((a) => /^on/i.test(a.name)) ||
        attrs.some((a) => /^\s*javascript:/i.test(a.value)) ||
        (tag === 'IMG' && !/^(blob:|data:)/.test(src) && !e.classList.contains('logo')) ||
        (inTooltip && !['DIV', 'SPAN', 'B', 'BR'].includes(tag))
      )
        w.__injected.push(describeEl(e))
    }
  }
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) if (n instanceof Element) inspect(n, true)
      if (r.type === 'attributes' && r.target instanceof Element) inspect(r.target, false)
    }
  }).observe(document, { subtree: true, childList: true, attributes: true })
}

interface FrameState {
  xss: unknown
  injected: string[]
  csp: string[]
}
const frameState = (f: Frame): Promise<FrameState> =>
  f.evaluate(() => {
    const w = window as unknown as {
      __xss?: unknown
      __injected?: string[]
      __csp?: string[]
    }
    return {
      xss: w.__xss,
      injected: w.__injected ?? [],
      csp: w.__csp ?? [],
    }
  })

/** All frames of the page together. */
async function state(page: Page): Promise<FrameState> {
  const all = await Promise.all(page.frames().map(frameState))
  return {
    xss: all.find((s) => s.xss !== undefined)?.xss,
    injected: all.flatMap((s) => s.injected),
    csp: all.flatMap((s) => s.csp),
  }
}

/**
 * Moves the mouse over a dense grid of every chart on the page, in every frame: tooltips are
 * HTML strings, so they are where markup from data would get in. The moves are mousemove
 * events dispatched in the page (zrender, ECharts' renderer, takes them like the real thing),
 * since tens of thousands of round trips to the browser would take minutes. Returns, per chart,
 * the texts of the tooltips shown while over it.
 */
async function hoverCharts(
  page: Page,
  { step = 5, untilRan = false, only = '' } = {},
): Promise<Record<string, string[]>> {
  const seen: Record<string, string[]> = {}
  for (const frame of page.frames()) {
    const found = await frame.evaluate(
      async ({ step, untilRan, only }) => {
        const ran = () => (window as unknown as { __xss?: unknown }).__xss !== undefined
        const out: Record<string, string[]> = {}
        const charts = [
          ...document.querySelectorAll(only ? `[data-chart="${only}"]` : '[data-chart]'),
        ]
        for (const [i, chart] of charts.entries()) {
          const canvas = chart.querySelector('canvas')
          if (!canvas) continue
          canvas.scrollIntoView({ block: 'nearest' })
          await new Promise((r) => requestAnimationFrame(r))
          const host = canvas.closest('[_echarts_instance_]') ?? chart
          const box = canvas.getBoundingClientRect()
          const tips = new Set<string>()
          let tip: HTMLElement | null = null
          const move = (x: number, y: number) =>
            canvas.dispatchEvent(
              new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true, view: window }),
            )
          for (let y = box.top + step / 2; y < box.bottom; y += step) {
            for (let x = box.left + step / 2; x < box.right; x += step) {
              move(x, y)
              tip ??=
                [...host.querySelectorAll<HTMLElement>('div')].find(
                  (d) => d.style.zIndex === '9999999',
                ) ?? null
              if (tip && tip.style.display !== 'none' && tip.textContent) tips.add(tip.textContent)
              // The MutationObserver sees each tooltip while it is still in the page.
              await Promise.resolve()
            }
            await new Promise((r) => setTimeout(r))
            if (untilRan && ran()) break
          }
          move(box.left - 50, box.top - 50)
          out[`${chart.getAttribute('data-chart')}#${i}`] = [...tips]
        }
        return out
      },
      { step, untilRan, only },
    )
    Object.assign(seen, found)
  }
  return seen
}

let browser: Browser
let hostile: StaticServer
let hostileDir: string
let eventId: string
let orgId: string

beforeAll(async () => {
  hostileDir = mkdtempSync(path.join(tmpdir(), 'dist-hostile-'))
  cpSync(inject('distDir'), hostileDir, { recursive: true })
  const date = JSON.parse(readFileSync(path.join(hostileDir, 'data/manifest.json'), 'utf8'))
    .snapshot.date as string
  poison(path.join(hostileDir, 'data'))
  const m = tsx(['scripts/data-manifest.ts', path.join(hostileDir, 'data'), '--date', date])
  expect(m.status, m.out).toBe(0)
  // The hostile snapshot is valid data: the app must load it, or the test proves nothing.
  const check = tsx(['scripts/data-check.ts', path.join(hostileDir, 'data')])
  expect(check.status, check.out).toBe(0)
  // The event with the most reported figures (its page lists quotes and publishers), and the
  // organisation at the most events.
  const count = (rows: Record<string, string>[], key: string) => {
    const n = new Map<string, number>()
    for (const r of rows) n.set(r[key]!, (n.get(r[key]!) ?? 0) + 1)
    return [...n].sort((a, b) => b[1] - a[1])[0]![0]
  }
  eventId = count(csv(hostileDir, 'figures.csv'), 'event')
  orgId = count(csv(hostileDir, 'event_orgs.csv'), 'org')
  // No security headers here on purpose: the CSP would stop an injected handler from running
  // and hide a hole in the escaping. Each defence is tested on its own.
  hostile = await serveStatic({ root: hostileDir, base: '/hostile/' })
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  await hostile?.close()
  if (hostileDir) rmSync(hostileDir, { recursive: true, force: true })
})

async function hostilePage(
  viewport = { width: 1920, height: 1080 },
): Promise<{ page: Page; log: ReturnType<typeof watch>; dialogs: string[] }> {
  const page = await browser.newPage({ viewport })
  await page.addInitScript(installObserver)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  return { page, log: watch(page, new URL(hostile.url).origin), dialogs }
}

async function expectClean(page: Page, dialogs: string[]) {
  // An onerror handler runs after the image fails to load: give it the time.
  await page.waitForTimeout(300)
  const s = await state(page)
  expect(s.injected).toEqual([])
  expect(s.xss).toBeUndefined()
  expect(dialogs).toEqual([])
}

/**
 * Charts whose tooltips must have shown while hovered. The map's used to show none at all:
 * `geo.tooltip.show: false` cascades to every series drawn on the geo (ECharts builds an item's
 * tooltip from item → series → coordinate system), so its series now say `show: true`.
 */
const TOOLTIP_CHARTS = new Set(['map', 'sankey', 'timeline', 'ranking', 'figures'])

/** Each chart was hovered onto data: some tooltip showed a payload, as text. */
function expectTooltipsShowPayloads(seen: Record<string, string[]>, charts: string[]) {
  for (const chart of charts.filter((c) => TOOLTIP_CHARTS.has(c))) {
    const key = Object.keys(seen).find((k) => k.startsWith(`${chart}#`))
    expect(key, `no ${chart} chart on the page`).toBeDefined()
    expect(
      seen[key!]!.some((t) => LITERAL.test(t)),
      `${chart}: no tooltip with data text`,
    ).toBe(true)
  }
}

describe('a snapshot whose every text field holds markup and script', () => {
  it('loads on the screen, shows the payloads as literal text, and runs none', async () => {
    const { page, log, dialogs } = await hostilePage()
    await page.goto(`${hostile.url}#/?frozen=1`)
    await page.waitForSelector('[data-chart="map"] canvas')
    // Loaded, not refused: the counts are the real snapshot's and no stale badge shows.
    const kpi = (id: string) =>
      page.$eval(`[data-kpi="${id}"]`, (el) => (el.textContent ?? '').replace(/\s+/g, ''))
    expect(await kpi('events')).toContain('5场')
    expect(await page.locator('[data-testid="stale-badge"]').count()).toBe(0)
    // The payloads are on the page as text a person can read.
    await expect.poll(async () => LITERAL.test(await page.innerText('body'))).toBe(true)
    expect(await page.innerText('body')).toContain('<img src=x onerror="window.__xss=1">')
    await shot(page, 'safety-hostile-screen')

    const seen = await hoverCharts(page)
    expectTooltipsShowPayloads(seen, ['map', 'sankey', 'timeline', 'ranking'])
    // Every KPI's evidence popover: quotes and publishers from data.
    let popovers = 0
    for (const tile of await page.$$('[data-kpi]')) {
      await tile.hover()
      const evidence = await tile.$('[data-testid="evidence"]')
      if (!evidence) continue
      await evidence.waitForElementState('visible')
      expect(LITERAL.test(await evidence.innerText())).toBe(true)
      popovers++
    }
    expect(popovers).toBeGreaterThan(2)
    await expectClean(page, dialogs)
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  }, 240_000)

  it('is harmless on explore, with the map drilled into a province', async () => {
    const { page, log, dialogs } = await hostilePage({ width: 1600, height: 1300 })
    await page.goto(`${hostile.url}#/explore?frozen=1`)
    await page.waitForSelector('[data-chart="map"] canvas')
    await page.waitForSelector('[data-testid="outcomes-table"] tbody tr')
    expect(await page.innerText('[data-testid="outcomes-table"]')).toMatch(LITERAL)
    await shot(page, 'safety-hostile-explore')
    const seen = await hoverCharts(page)
    expectTooltipsShowPayloads(seen, ['map', 'sankey', 'timeline', 'ranking'])
    await expectClean(page, dialogs)

    await page.goto(`${hostile.url}#/explore?frozen=1&province=${encodeURIComponent('湖南')}`)
    await expect.poll(() => page.textContent('[data-testid="map-breadcrumb"]')).toContain('湖南')
    await page.waitForTimeout(500)
    // The province's map: its cities' tooltips list partners from elsewhere, as text.
    expectTooltipsShowPayloads(await hoverCharts(page, { only: 'map' }), ['map'])
    await expectClean(page, dialogs)
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  }, 240_000)

  it('is harmless on an event page, an organisation page and the data view, in both languages', async () => {
    const { page, log, dialogs } = await hostilePage({ width: 1400, height: 1000 })
    for (const lang of ['zh-CN', 'en']) {
      await page.goto(`${hostile.url}#/events/${eventId}?frozen=1&lang=${lang}`)
      await page.waitForSelector('[data-testid="event-page"]')
      expect(await page.innerText('[data-testid="event-page"]')).toMatch(LITERAL)
      // Source links: a javascript: URL is never a link; a web address stays inert text in href.
      for (const href of await page.$$eval('a[href]', (as) =>
        as.map((a) => a.getAttribute('href')),
      ))
        expect(href).not.toMatch(/^\s*javascript:/i)
      // The partners' map.
      expectTooltipsShowPayloads(await hoverCharts(page), ['map'])
      await expectClean(page, dialogs)

      await page.goto(`${hostile.url}#/orgs/${orgId}?frozen=1&lang=${lang}`)
      await page.waitForSelector('[data-testid="org-page"]')
      expect(await page.innerText('[data-testid="org-page"]')).toMatch(LITERAL)
      await hoverCharts(page)
      await expectClean(page, dialogs)

      // The data view: the snapshot's status and report.
      await page.goto(`${hostile.url}#/data?lang=${lang}`)
      await page.waitForSelector('[data-testid="data-state"]')
      await expectClean(page, dialogs)
    }
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  }, 240_000)

  it('makes studio pictures and files that carry the payloads as text only', async () => {
    const { page, log, dialogs } = await hostilePage({ width: 1500, height: 1000 })
    for (const chart of STUDIO_CHARTS) {
      const q = chart === 'figures' ? `event=${eventId}&` : ''
      await page.goto(`${hostile.url}#/studio/${chart}?${q}preset=article`)
      await page.waitForSelector('[data-testid="studio-preview"][data-rendering="0"]')
      // The source line is prefilled from the (hostile) publishers.
      expect(await page.inputValue('textarea[name="source"]')).toMatch(LITERAL)

      const [svgFile] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-download="svg"]'),
      ])
      const svg = readFileSync((await svgFile.path())!, 'utf8')
      // Opened in a browser, an SVG file runs its scripts: it must hold none, only text.
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
        const all = [...doc.querySelectorAll('*')]
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          active: all
            .filter(
              (e) =>
                /^(script|foreignObject|iframe|img|image|a|use)$/i.test(e.localName) ||
                [...e.attributes].some(
                  (a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value),
                ),
            )
            .map((e) => e.outerHTML.slice(0, 120)),
          text: [...doc.querySelectorAll('text')].map((t) => t.textContent).join('\n'),
        }
      }, svg)
      expect(parsed.error).toBeNull()
      expect(parsed.active).toEqual([])
      expect(parsed.text).toMatch(LITERAL)

      const [csvFile] = await Promise.all([
        page.waitForEvent('download'),
        page.click('[data-download="csv"]'),
      ])
      const cells = Papa.parse<string[]>(
        readFileSync((await csvFile.path())!, 'utf8').slice(1),
      ).data.flat()
      // A formula from data is kept as text (leading apostrophe), never a live cell.
      expect(cells.filter((c) => /^[=+@]/.test(c))).toEqual([])
      await expectClean(page, dialogs)
    }
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  }, 240_000)

  it('is harmless in an embed', async () => {
    const { page, log, dialogs } = await hostilePage({ width: 1000, height: 800 })
    // The charts the pages above do not show live: an event's figures (quotes and publishers
    // in every tooltip) and the KPI card.
    for (const chart of ['figures', 'kpi']) {
      const q = chart === 'figures' ? `event=${eventId}&` : ''
      await page.goto(`${hostile.url}#/embed/${chart}?${q}frozen=1`)
      await page.waitForSelector(`[data-chart="${chart}"] canvas`)
      expect(await page.innerText('[data-testid="embed"]')).toMatch(LITERAL)
      // The KPI tiles are drawn without tooltips; every other chart's tooltips carry data.
      const seen = await hoverCharts(page)
      expectTooltipsShowPayloads(seen, [chart])
      await expectClean(page, dialogs)
    }
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  }, 240_000)
})

/** Every view of the app, with what shows it is drawn. */
function routes(): { path: string; ready: string }[] {
  const studio = (c: string) => `${c}?${c === 'figures' ? `event=${eventId}&` : ''}preset=article`
  return [
    { path: '/?frozen=1', ready: '[data-chart="map"] canvas' },
    { path: '/explore?frozen=1', ready: '[data-chart="map"] canvas' },
    // Drilled into a province: its map file is fetched only now.
    {
      path: `/explore?frozen=1&province=${encodeURIComponent('湖南')}`,
      ready: '[data-chart="map"] canvas',
    },
    { path: `/events/${eventId}?frozen=1`, ready: '[data-testid="event-page"]' },
    { path: `/orgs/${orgId}?frozen=1`, ready: '[data-testid="org-page"]' },
    ...STUDIO_CHARTS.map((c) => ({
      path: `/studio/${studio(c)}`,
      ready: '[data-testid="studio-preview"][data-rendering="0"]',
    })),
    ...STUDIO_CHARTS.map((c) => ({
      path: `/embed/${studio(c)}&frozen=1`,
      ready: `[data-chart="${c}"] canvas`,
    })),
    { path: '/data', ready: '[data-testid="data-state"]' },
  ]
}

/** Opens a route afresh (a new document, so fonts, maps and data are fetched as on first visit). */
async function open(page: Page, base: string, route: { path: string; ready: string }, q: string) {
  await page.goto('about:blank')
  const sep = route.path.includes('?') ? '&' : '?'
  await page.goto(`${base}#${route.path}${sep}${q}`)
  await page.waitForSelector(route.ready)
  await page.waitForLoadState('networkidle')
}

async function download(page: Page, selector: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  return file.suggestedFilename()
}

/** The studio's exports: PNG (ECharts' canvas, fonts loaded first), SVG and CSV. */
async function exportAll(page: Page) {
  expect(await download(page, '[data-download="png-2"]')).toMatch(/\.png$/)
  expect(await download(page, '[data-download="svg"]')).toMatch(/\.svg$/)
  expect(await download(page, '[data-download="csv"]')).toMatch(/\.csv$/)
}

const COMBOS = [
  // Each language and each theme at least once: fonts differ by language (CJK slices or Latin).
  'lang=zh-CN&theme=dark',
  'lang=en&theme=light',
]

describe('under the Content-Security-Policy that npm start sends', () => {
  let csp: StaticServer
  beforeAll(async () => {
    csp = await serveStatic({ root: inject('distDir'), base: '/csp/', headers: true })
  })
  afterAll(() => csp?.close())

  it('sends the policy with every file, hashed assets immutable, the rest revalidated', async () => {
    const get = (p: string, headers: Record<string, string> = {}) =>
      fetch(new URL(p, csp.url), { headers })
    const index = await get('')
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
    expect(index.headers.get('x-content-type-options')).toBe('nosniff')
    expect(index.headers.get('cache-control')).toBe(REVALIDATE)
    const html = await index.text()
    // No inline script in the built page: script-src 'self' would refuse it.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    const asset = html.match(/src="\.\/(assets\/[^"]+\.js)"/)![1]!
    expect((await get(asset)).headers.get('cache-control')).toBe(IMMUTABLE)
    for (const p of ['config.json', 'data/manifest.json', 'data/events.csv', 'maps/china.json']) {
      const r = await get(p)
      expect(r.status, p).toBe(200)
      expect(r.headers.get('cache-control'), p).toBe(REVALIDATE)
      expect(r.headers.get('content-security-policy'), p).toBe(contentSecurityPolicy())
      // Revalidation is cheap: the same ETag gives 304 and no body.
      const again = await get(p, { 'if-none-match': r.headers.get('etag')! })
      expect(again.status, p).toBe(304)
    }
    expect(cacheControl('assets/index-abc.js')).toBe(IMMUTABLE)
  })

  it('runs every route in both languages and both themes, hovered and exported, with no violation and nothing fetched from elsewhere', async () => {
    const origin = new URL(csp.url).origin
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } })
    await context.addInitScript(installObserver)
    // Every request of every page and frame is intercepted: anything not from this origin is
    // refused and noted (fonts, maps, data, exports: all must be local). The CSP would block
    // most of them too, and say so; this catches them even where a deployment sends no CSP.
    const foreign: string[] = []
    const local = new Set<string>()
    await context.route('**', (route) => {
      const url = new URL(route.request().url())
      if (url.origin === origin) {
        local.add(url.pathname)
        return route.continue()
      }
      foreign.push(`${route.request().resourceType()} ${url.href}`)
      return route.abort('blockedbyclient')
    })
    const page = await context.newPage()
    const refused: string[] = []
    page.on(
      'console',
      (m) => /Refused to|Content Security Policy/i.test(m.text()) && refused.push(m.text()),
    )
    const families = new Set<string>()

    // Both alarms work: a foreign request from a page without a policy is intercepted, and on
    // the app the policy refuses one and the page reports it.
    await page.evaluate(() => fetch('http://example.invalid/probe').catch(() => null))
    expect(foreign).toEqual(['fetch http://example.invalid/probe'])
    foreign.length = 0
    await open(page, csp.url, routes()[0]!, COMBOS[0]!)
    await page.evaluate(() => fetch('http://example.invalid/probe').catch(() => null))
    await expect.poll(async () => (await state(page)).csp).toHaveLength(1)
    expect(foreign).toEqual([])
    refused.length = 0
    const log = watch(page, origin)

    for (const [n, q] of COMBOS.entries()) {
      for (const route of routes()) {
        const where = `${route.path} ${q}`
        await open(page, csp.url, route, q)
        // Tooltips are HTML made at run time: an inline style in one would be refused. The
        // theme only changes their colours (set through the CSSOM): once is enough.
        if (n === 0) await hoverCharts(page, { step: 25 })
        for (const tile of await page.$$('[data-kpi]')) await tile.hover()
        if (route.path.startsWith('/studio/')) await exportAll(page)
        for (const f of await page.evaluate(async () => {
          await document.fonts.ready
          return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family)
        }))
          families.add(f.replace(/["']/g, ''))
        expect(foreign, where).toEqual([])
        expect((await state(page)).csp, where).toEqual([])
        expect(refused, where).toEqual([])
      }
    }
    // The self-hosted faces were used, and came from here.
    expect([...families]).toEqual(expect.arrayContaining(['Noto Sans SC', 'Barlow Condensed']))
    expect([...local].filter((p) => /\/assets\/.+\.woff2?$/.test(p)).length).toBeGreaterThan(0)
    // The maps, China and the drilled-into province, from maps/ next to index.html.
    expect([...local].some((p) => p.endsWith('/maps/china.json'))).toBe(true)
    expect([...local].some((p) => /\/maps\/province\/43\.json$/.test(p))).toBe(true)
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await context.close()
  }, 300_000)

  it('can be framed by another site, and not where the policy says otherwise', async () => {
    // Another origin (another port) whose page embeds the chart, as a newspaper's CMS would:
    // the studio's fixed-height embed code, no script.
    const strict = await serveStatic({
      root: inject('distDir'),
      base: '/strict/',
      headers: { frameAncestors: "'self'" },
    })
    const site = mkdtempSync(path.join(tmpdir(), 'cms-'))
    const embed = (base: string) =>
      `<iframe src="${base}#/embed/timeline?frozen=1" width="800" height="420" style="border:0"></iframe>`
    writeFileSync(
      path.join(site, 'open.html'),
      `<!doctype html><title>cms</title>${embed(csp.url)}`,
    )
    writeFileSync(
      path.join(site, 'strict.html'),
      `<!doctype html><title>cms</title>${embed(strict.url)}`,
    )
    const cms = await serveStatic({ root: site, base: '/news/' })
    try {
      const context = await browser.newContext({ viewport: { width: 1000, height: 700 } })
      await context.addInitScript(installObserver)
      const page = await context.newPage()
      const refused: string[] = []
      page.on(
        'console',
        (m) => /Refused to|Content Security Policy/i.test(m.text()) && refused.push(m.text()),
      )
      await page.goto(`${cms.url}open.html`)
      const frame = page.frameLocator('iframe')
      await frame.locator('[data-chart="timeline"] canvas').waitFor()
      await shot(page, 'safety-embed-cross-origin')
      await hoverCharts(page, { step: 15 })
      expect((await state(page)).csp).toEqual([])
      expect(refused).toEqual([])

      // frame-ancestors 'self': the browser refuses to show it inside another site.
      await page.goto(`${cms.url}strict.html`)
      await expect.poll(() => refused.some((m) => /frame-ancestors/.test(m))).toBe(true)
      await page.waitForTimeout(1000)
      expect(await frame.locator('[data-testid="embed"]').count()).toBe(0)
      await context.close()
    } finally {
      await cms.close()
      await strict.close()
      rmSync(site, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('the hostile test itself', () => {
  it('catches a hole: with escaping switched off in a copy of the bundle, the same hover finds the injection', async () => {
    // The same hostile snapshot, with src/charts/escape.ts's escapeHtml made the identity in
    // the built JavaScript: what a formatter that forgot to escape would do.
    const holed = mkdtempSync(path.join(tmpdir(), 'dist-holed-'))
    cpSync(hostileDir, holed, { recursive: true })
    let patched = 0
    for (const f of readdirSync(path.join(holed, 'assets')).filter((f) => f.endsWith('.js'))) {
      const file = path.join(holed, 'assets', f)
      const js = readFileSync(file, 'utf8')
      const out = js.replace(
        /function (\w+)\((\w+)\)\{return \2\.replace\(\/\[&<>"'\]\/g,(\w+)=>\w+\[\3\]\?\?\3\)\}/g,
        (_m, name: string, arg: string) => `function ${name}(${arg}){return ${arg}}`,
      )
      if (out !== js) {
        patched++
        writeFileSync(file, out)
      }
    }
    expect(patched, 'escapeHtml not found in the bundle: update the pattern').toBe(1)
    const server = await serveStatic({ root: holed, base: '/holed/' })
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } })
    await page.addInitScript(installObserver)
    await page.goto(`${server.url}#/embed/sankey?frozen=1`)
    await page.waitForSelector('[data-chart="sankey"] canvas')
    await hoverCharts(page, { untilRan: true })
    await page.waitForTimeout(300)
    const s = await state(page)
    expect(s.injected.length).toBeGreaterThan(0)
    expect(s.xss).toBe(1)
    await page.close()
    await server.close()
    rmSync(holed, { recursive: true, force: true })
  }, 120_000)
})
