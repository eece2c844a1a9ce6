// Heap after GC at growing carousel cycle counts: tsx scripts/dev/heap.ts (needs dist/)
import { launchChromium } from '../lib/chromium'
import { serveStatic } from '../lib/server'

const server = await serveStatic({ root: 'dist', base: '/x/' })
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
await page.goto(server.url + '#/?carousel=0.03')
await page.waitForSelector('[data-chart="sankey"] canvas')
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
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
  return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6
}
for (const n of [0, 300, 600, 900, 1200]) {
  await page.waitForFunction((k) => (window as unknown as { __steps: number }).__steps >= k, n, {
    timeout: 120_000,
  })
  console.log(
    `${n} cycles: ${(await heap()).toFixed(2)} MB, DOM nodes ${await page.evaluate(() => document.getElementsByTagName('*').length)}`,
  )
}
await browser.close()
await server.close()
