// Screenshots of the built app for a human to look at: tsx scripts/dev/shot.ts [route] [WxH...]
import { launchChromium } from '../lib/chromium'
import { serveStatic } from '../lib/server'

const route = process.argv[2] ?? '#/?frozen=1'
const sizes = (process.argv.slice(3).length ? process.argv.slice(3) : ['1920x1080']).map(
  (s) => s.split('x').map(Number) as [number, number],
)
const server = await serveStatic({ root: 'dist', base: '/x/cooperation/' })
const browser = await launchChromium()
for (const [w, h] of sizes) {
  const page = await browser.newPage({ viewport: { width: w, height: h } })
  page.on('console', (m) => console.log(`[${w}x${h}] console.${m.type()}: ${m.text()}`))
  page.on('requestfailed', (r) => console.log(`[${w}x${h}] failed: ${r.url()}`))
  await page.goto(server.url + route)
  await page.waitForTimeout(3000)
  const file = `test-results/shot-${w}x${h}.png`
  await page.screenshot({ path: file })
  console.log(file)
  await page.close()
}
await browser.close()
await server.close()
