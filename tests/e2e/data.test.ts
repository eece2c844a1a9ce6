import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { serveStatic, type StaticServer } from '../../scripts/lib/server'
import { memoryReader } from '../../src/data/cache'
import { loadSnapshot } from '../../src/data/loadSnapshot'
import { columnsOf } from '../../src/domain/tables'
import { DATA_DIR, FIXTURES } from '../helpers/snapshot'
import { launch, shot, watch } from './browser'

const ROOT = path.resolve(__dirname, '../..')
const base = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(() => browser?.close())

async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)])
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) }
}

function tsx(script: string, ...args: string[]) {
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts', script), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  )
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
}

describe('the data view', () => {
  it('shows the snapshot’s status and every file, and gives the audit CSV and templates', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const log = watch(page, new URL(base).origin)
    const workers: string[] = []
    page.on('worker', (w) => workers.push(w.url()))
    await page.goto(`${base}#/data`)
    await expect
      .poll(() => page.getAttribute('[data-testid="data-state"]', 'data-state'))
      .toBe('valid')
    const counts = await page.$$eval('[data-testid="data-files"] tbody tr', (rows) =>
      rows.map((r) => [r.getAttribute('data-table'), Number(r.children[1]!.textContent)]),
    )
    // As many rows as the curated files hold (header and blank lines aside).
    for (const [table, n] of counts) {
      const csv = readFileSync(path.join(DATA_DIR, `${table}.csv`), 'utf8')
      expect(Papa.parse(csv, { header: true, skipEmptyLines: true }).data.length).toBe(n)
    }
    expect(counts).toHaveLength(8)
    // The snapshot was parsed and validated off the main thread.
    expect(workers.some((u) => /loader\.worker-[\w-]+\.js$/.test(u))).toBe(true)

    const audit = await download(page, '[data-download="audit"]')
    expect(audit.name).toBe('figures_2026-11-21.csv')
    expect(audit.bytes.toString('utf8')).toBe('\uFEFF' + tsx('data-figures.ts'))

    const template = await download(page, '[data-download="template-events"]')
    expect(template.name).toBe('events.csv')
    const rows = Papa.parse<string[]>(template.bytes.toString('utf8').slice(1), {
      skipEmptyLines: true,
    }).data
    expect(rows[0]).toEqual(columnsOf('events'))
    expect(rows).toHaveLength(2)
    await shot(page, 'data-view')
    expect(log).toEqual({ errors: [], failed: [], foreign: [] })
    await page.close()
  })

  it('checks dropped files locally, reads GBK, and gives a folder ready to deploy', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    const uploads: string[] = []
    page.on('request', (r) => r.method() !== 'GET' && uploads.push(r.url()))
    await page.goto(`${base}#/data`)
    await page.setInputFiles(
      '[data-testid="file-input"]',
      path.join(FIXTURES, 'dropped/sectors.csv'),
    )
    const verdict = page.locator('[data-testid="candidate-state"]')
    await expect.poll(() => verdict.getAttribute('class')).toContain('valid')
    expect(await page.textContent('[data-used="sectors"]')).toContain('GBK')
    expect(await page.textContent('[data-testid="candidate"]')).toMatch(/GBK/)

    const zip = await download(page, '[data-download="zip"]')
    expect(zip.name).toMatch(/^data_\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.zip$/)
    const files = unzipSync(new Uint8Array(zip.bytes))
    expect(Object.keys(files).at(-1)).toBe('data/manifest.json')
    const loaded = await loadSnapshot(
      memoryReader(Object.fromEntries(Object.entries(files).map(([k, v]) => [k.slice(5), v]))),
    )
    expect(loaded.ok).toBe(true)
    expect(new TextDecoder().decode(files['data/sectors.csv'])).toBe(
      readFileSync(path.join(DATA_DIR, 'sectors.csv'), 'utf8').replace(/\n/g, '\r\n'),
    )
    // Nothing left the browser.
    expect(uploads).toEqual([])
    await page.close()
  })

  it('previews the dashboard with partly broken files, marked as partial on every page', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const dir = mkdtempSync(path.join(tmpdir(), 'drop-'))
    const lines = readFileSync(path.join(DATA_DIR, 'outcomes.csv'), 'utf8').split('\n')
    lines[1] = lines[1]!.replace(/^([^,]+),([^,]+),/, '$1,no-such-event,')
    writeFileSync(path.join(dir, 'outcomes.csv'), lines.join('\n'))
    await page.goto(`${base}#/?frozen=1`)
    const outcomes = page.locator('[data-kpi="outcomes"]')
    await outcomes.waitFor()
    const before = await outcomes.textContent()

    await page.goto(`${base}#/data`)
    await page.setInputFiles('[data-testid="file-input"]', path.join(dir, 'outcomes.csv'))
    await expect
      .poll(() => page.getAttribute('[data-testid="candidate-state"]', 'class'))
      .toContain('partial')
    expect(await page.isDisabled('[data-download="zip"]')).toBe(true)
    const report = page.locator('[data-testid="candidate"] [data-testid="problem-table"] tbody tr')
    expect(await report.count()).toBe(1)
    expect(await report.first().textContent()).toContain('outcomes.csv')
    await page.click('[data-testid="preview"]')
    await page.locator('[data-testid="preview-badge"]').waitFor()
    // One outcome fewer: the broken row is not shown, the rest is.
    await expect.poll(() => outcomes.textContent()).not.toBe(before)
    // Let the map and counters settle: the picture is for a person to look at.
    await page.waitForTimeout(2000)
    await shot(page, 'data-preview-screen')

    await page.goto(`${base}#/explore`)
    await page.locator('[data-testid="preview-banner"]').waitFor()
    await page.click('[data-testid="preview-banner"] button')
    expect(await page.locator('[data-testid="preview-banner"]').count()).toBe(0)
    rmSync(dir, { recursive: true })
    await page.close()
  })
})

describe('the last good snapshot', () => {
  let server: StaticServer
  let dist: string
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'dist-'))
    cpSync(inject('distDir'), dist, { recursive: true })
    server = await serveStatic({ root: dist, base: '/wall/' })
  })
  afterAll(async () => {
    await server?.close()
    rmSync(dist, { recursive: true, force: true })
  })

  it('survives a reload onto broken data, and the data view says where it came from', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    const page = await context.newPage()
    await page.goto(`${server.url}#/?frozen=1`)
    const date = page.locator('[data-testid="snapshot-date"]')
    await expect.poll(() => date.textContent()).toContain('2026-11-21')
    const events = await page.locator('[data-kpi="events"]').textContent()
    // Give IndexedDB its write before the data breaks.
    await page.waitForTimeout(500)

    // A half-copied folder: a file changed, the manifest not.
    const file = path.join(dist, 'data/events.csv')
    writeFileSync(file, readFileSync(file, 'utf8').replace(',2024-11-20,', ',2024-11-02,'))
    await page.reload()
    await expect.poll(() => date.textContent()).toContain('2026-11-21')
    expect(await page.locator('[data-kpi="events"]').textContent()).toBe(events)
    await page.locator('[data-testid="stale-badge"]').waitFor()
    await shot(page, 'cache-after-reload')

    await page.goto(`${server.url}#/data`)
    await expect
      .poll(() => page.getAttribute('[data-testid="data-state"]', 'data-state'))
      .toBe('stale')
    expect(await page.textContent('[data-testid="data-origin"]')).toContain('本机保存的上一版')
    const row = page.locator('[data-testid="data-report"] tbody tr')
    expect(await row.count()).toBe(1)
    expect(await row.textContent()).toMatch(/events\.csv.*does not match manifest\.json/)
    // The page's notice is worded in the page's language, the count included.
    expect(await page.textContent('.page-warning')).toMatch(
      /^\s*数据未更新 · 1 个问题，仍显示上一版\s*$/,
    )

    // A browser with no copy of its own: nothing to show, and it says how many problems.
    const fresh = await browser.newPage()
    await fresh.goto(`${server.url}#/?frozen=1`)
    await expect
      .poll(() => fresh.textContent('.main-placeholder'))
      .toMatch(/^\s*数据载入失败：1 个问题\s*$/)
    await fresh.close()
    await context.close()
  })
})
