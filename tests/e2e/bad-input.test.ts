import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { serveStatic, type StaticServer } from '../../scripts/lib/server'
import type { Problem } from '../../src/domain/problems'
import {
  BAD_CASES,
  describeExpected,
  matchesProblem,
  materialise,
  removeMaterialised,
} from '../helpers/badCorpus'
import { DATA_DIR } from '../helpers/snapshot'
import { launch, shot, watch, type PageLog } from './browser'

// Every snapshot of the bad-input corpus, published over a good one on a running dashboard and
// reloaded: the browser loader must refuse it with the same report as the CLI, and the
// dashboard must go on showing the last good data, which only IndexedDB has after a reload.
let browser: Browser
let context: BrowserContext
let page: Page
let log: PageLog
let server: StaticServer
let dist: string

function publish(dir: string) {
  rmSync(path.join(dist, 'data'), { recursive: true, force: true })
  cpSync(dir, path.join(dist, 'data'), { recursive: true })
}

/** The report on the data view, read back from its table. */
async function report(): Promise<Problem[]> {
  return page.$$eval('[data-testid="data-report"] tbody tr[data-row]', (rows) =>
    rows.map((r) => {
      const cell = (col: string) =>
        r.querySelector(`[data-col="${col}"]`)?.textContent?.trim() ?? ''
      const severity = r.querySelector('[data-col="severity"] span')?.classList.contains('error')
        ? 'error'
        : 'warning'
      return {
        severity,
        file: cell('file'),
        row: Number(cell('row') || 0),
        field: cell('field'),
        // Shown in quotes, as JSON: a trailing space must survive the trip.
        value: JSON.parse(r.querySelector('[data-col="value"] code')?.textContent || '""'),
        message: cell('message'),
      } as Problem
    }),
  )
}

async function settled(): Promise<string> {
  const state = await page.waitForSelector('[data-testid="data-state"]:not([data-state="loading"])')
  return (await state.getAttribute('data-state'))!
}

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'dist-bad-'))
  cpSync(inject('distDir'), dist, { recursive: true })
  server = await serveStatic({ root: dist, base: '/wall/' })
  browser = await launch()
  // One context for the whole file: IndexedDB keeps the last good snapshot across reloads.
  context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  page = await context.newPage()
  log = watch(page, new URL(server.url).origin)
  await page.goto(`${server.url}#/data`)
  expect(await settled()).toBe('valid')
  // IndexedDB's write is not awaited by the app; give it a moment before breaking the data.
  await page.waitForTimeout(500)
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('the browser loader on the bad-input corpus', () => {
  for (const c of BAD_CASES) {
    it(`${c.name}: ${c.severity === 'ok' ? 'loads' : 'is refused, the last good data stays'}`, async () => {
      const dir = await materialise(c)
      try {
        publish(dir)
        await page.reload()
        const state = await settled()
        // Every expected problem in the report (polled: the table renders a moment after).
        const missing = async () => {
          const problems = await report()
          return c.expect.filter((e) => !problems.some((p) => matchesProblem(e, p)))
        }
        await expect.poll(async () => (await missing()).map(describeExpected)).toEqual([])
        if (c.severity === 'ok') {
          expect(state).toBe('valid')
          expect(await page.textContent('[data-testid="data-origin"]')).toContain('服务器')
        } else {
          // Refused, yet the dashboard has data: the last good copy, kept in this browser.
          expect(state).toBe('stale')
          expect(await page.textContent('[data-testid="data-origin"]')).toContain('本机保存')
          expect(await page.locator('[data-testid="data-files"] tbody tr').count()).toBe(8)
        }
      } finally {
        await removeMaterialised(dir)
      }
    })
  }

  it('leaves the big screen showing the last good data, with a quiet badge, not an error page', async () => {
    const bad = BAD_CASES.find((c) => c.name.includes('unterminated-quote'))!
    const dir = await materialise(bad)
    try {
      publish(dir)
      await page.goto(`${server.url}#/?frozen=1`)
      await page.reload()
      await page.locator('[data-testid="stale-badge"]').waitFor()
      expect(await page.textContent('[data-testid="snapshot-date"]')).toContain('2026-11-21')
      expect(await page.textContent('[data-kpi="events"]')).toContain('5')
      expect(await page.locator('[data-chart] canvas').count()).toBeGreaterThan(3)
      await shot(page, 'bad-input-screen')
    } finally {
      await removeMaterialised(dir)
      publish(DATA_DIR)
    }
    // The only console errors are the refused loads' own: no exception, no crash.
    expect(log.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })
})
