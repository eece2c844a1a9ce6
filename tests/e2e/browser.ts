import { mkdirSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { launchChromium } from '../../scripts/lib/chromium'

export const launch = launchChromium

/** Everything a page did that a user would call broken: console errors, failed or foreign requests. */
export interface PageLog {
  errors: string[]
  failed: string[]
  foreign: string[]
}

export function watch(page: Page, origin: string): PageLog {
  const log: PageLog = { errors: [], failed: [], foreign: [] }
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()))
  page.on('pageerror', (e) => log.errors.push(e.message))
  page.on('requestfailed', (r) => log.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`))
  page.on('response', (r) => r.status() >= 400 && log.failed.push(`${r.url()} HTTP ${r.status()}`))
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.protocol !== 'data:' && url.protocol !== 'blob:' && url.origin !== origin)
      log.foreign.push(r.url())
  })
  return log
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync('test-results', { recursive: true })
  const file = `test-results/${name}.png`
  await page.screenshot({ path: file })
  return file
}

/** Share of a canvas's pixels that something was drawn on. */
export function inkedShare(page: Page, selector: string): Promise<number> {
  return page.$eval(selector, (el) => {
    const canvas = el as HTMLCanvasElement
    const ctx = canvas.getContext('2d')
    if (!ctx) return 0
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height)
    let inked = 0
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++
    return inked / (canvas.width * canvas.height)
  })
}
