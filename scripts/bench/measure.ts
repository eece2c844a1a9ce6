// Browser measurements of npm run bench, in Debian's Chromium through playwright-core. Every
// page script is passed as a string: tsx would otherwise inject helpers the page does not have.
import type { Browser, BrowserContext, Page } from 'playwright-core'

export const VIEWPORT = { width: 1920, height: 1080 }

/** The User Timing marks the app (and the bare page) set, in ms since navigation start. */
export type Marks = Record<string, number>

export interface Resource {
  url: string
  /** ms since navigation start when the last byte arrived. */
  responseEnd: number
}

export interface LoadResult {
  marks: Marks
  /** `chart:drawn` marks in order, with the chart id of each. */
  drawn: { id: string; at: number }[]
  resources: Resource[]
  heapMb: number | null
  /** Longest main-thread tasks from navigation to the mark (when traced). */
  tasks: Task[] | null
  /** The mark did not come in time (traced loads only; the others throw). */
  timedOut: boolean
  /** The page stopped answering (traced loads only): no resources, no heap. */
  busy: boolean
  errors: string[]
}

const READ_MARKS = `(() => {
  const marks = {}
  for (const m of performance.getEntriesByType('mark')) if (!(m.name in marks)) marks[m.name] = m.startTime
  const drawn = performance.getEntriesByName('chart:drawn').map((m) => ({ id: String(m.detail), at: m.startTime }))
  const resources = performance.getEntriesByType('resource').map((r) => ({ url: r.name, responseEnd: r.responseEnd }))
  return { marks, drawn, resources }
})()`

/** Rejects when `promise` has not settled within `ms` (a page busy in one long task). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer))
}

/** page.evaluate of a string, given up after `ms` when the page's main thread is blocked. */
function evaluate<T>(page: Page, expression: string, ms: number): Promise<T> {
  return within(page.evaluate(expression) as Promise<T>, ms, 'the page (main thread busy?)')
}

/** Heap in use after three forced garbage collections, in MB (10^6 bytes). */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  try {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / 1e6
  } finally {
    await cdp.detach().catch(() => undefined)
  }
}

/** Waits until the page has set a User Timing mark; names what it saw when it gives up. */
export async function waitForMark(
  page: Page,
  name: string,
  timeoutMs: number,
  errors: readonly string[] = [],
): Promise<void> {
  try {
    await page.waitForFunction(
      `performance.getEntriesByName(${JSON.stringify(name)}).length > 0`,
      null,
      {
        timeout: timeoutMs,
        polling: 100,
      },
    )
  } catch (e) {
    const seen = await evaluate<string>(
      page,
      `performance.getEntriesByType('mark').map((m) => m.name).join(', ')`,
      3000,
    ).catch(() => '? (the page does not answer: its main thread is blocked)')
    throw new Error(
      `${page.url()}: no ${name} mark after ${timeoutMs} ms (marks: ${seen || 'none'}` +
        `${errors.length ? `; page errors: ${errors.join(' | ')}` : ''}): ${(e as Error).message.split('\n')[0]}`,
    )
  }
}

interface TraceEvent {
  name: string
  cat?: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  args?: {
    name?: string
    src_func?: string
    src_file?: string
    data?: { startTime?: number }
  }
}

export interface Task {
  ms: number
  /** What posted it: a frame (rendering, rAF), a timer, a script's load, a fetch … */
  source: string
  /** Still running when the trace stopped: `ms` is a lower bound. */
  unfinished?: boolean
}

/**
 * What a Chromium trace (categories `toplevel` and `blink.user_timing`) says about one load:
 * the app's User Timing marks (ms since navigation, as `performance.mark` gave them) and the
 * longest tasks of the renderer main thread that set them, longest first. A trace is read even
 * when the page is stuck in a task, which then counts from its start to the end of the trace.
 */
export function readTrace(trace: Buffer, top = 5): { marks: Marks; tasks: Task[] } {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const thread = (e: TraceEvent) => `${e.pid}/${e.tid}`
  const marks: Marks = {}
  const markThreads = new Set<string>()
  for (const e of traceEvents) {
    const at = e.args?.data?.startTime
    if (e.ph !== 'I' || !e.cat?.includes('blink.user_timing') || at === undefined) continue
    if (!(e.name in marks)) marks[e.name] = at
    markThreads.add(thread(e))
  }
  const rendererMain = new Set(
    traceEvents
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map(thread),
  )
  const main = markThreads.size ? markThreads : rendererMain
  let end = 0
  for (const e of traceEvents) if (e.ts + (e.dur ?? 0) > end) end = e.ts + (e.dur ?? 0)
  const tasks: Task[] = []
  // Outermost tasks only: a RunTask can hold another (ThreadControllerImpl::RunTask inside
  // RunTask, nested run loops), which must not count twice.
  const runs = traceEvents
    .filter(
      (e) =>
        main.has(thread(e)) &&
        (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') &&
        ((e.ph === 'X' && e.dur) || e.ph === 'B'),
    )
    .sort((a, b) => a.ts - b.ts)
  const ends = traceEvents.filter(
    (e) => e.ph === 'E' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  )
  /** A B event's end: its E on the same thread, or none (still running when the trace stopped). */
  const endOf = (b: TraceEvent) =>
    ends.find((e) => thread(e) === thread(b) && e.name === b.name && e.ts >= b.ts)?.ts
  const openUntil = new Map<string, number>()
  for (const e of runs) {
    if (e.ts < (openUntil.get(thread(e)) ?? -Infinity)) continue
    const closed = e.ph === 'B' ? endOf(e) : undefined
    const unfinished = e.ph === 'B' && closed === undefined
    const stop = e.ph === 'X' ? e.ts + e.dur! : (closed ?? end)
    openUntil.set(thread(e), stop)
    const source = `${e.args?.src_func ?? '?'} (${(e.args?.src_file ?? '?').split('/').pop()})`
    tasks.push({ ms: (stop - e.ts) / 1000, source, ...(unfinished ? { unfinished } : {}) })
  }
  return { marks, tasks: tasks.sort((a, b) => b.ms - a.ms).slice(0, top) }
}

/**
 * One cold load in a new browser context (empty cache, storage and IndexedDB): navigates and
 * waits for `until` (a mark), then reads the marks and resources; optionally the heap after GC
 * (after `settleMs`). With `trace`, the marks and the longest main-thread tasks come from a
 * Chromium trace, and a load that does not reach `until` in time is still reported (timedOut).
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  opts: { until: string; timeoutMs: number; heap?: boolean; trace?: boolean; settleMs?: number },
): Promise<LoadResult> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  let tracing = false
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    if (opts.trace) {
      await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] })
      tracing = true
    }
    await page.goto(url, { waitUntil: 'commit', timeout: opts.timeoutMs })
    let timedOut = false
    try {
      await waitForMark(page, opts.until, opts.timeoutMs, errors)
    } catch (e) {
      if (!opts.trace) throw e
      timedOut = true
      errors.push((e as Error).message)
    }
    let traced: ReturnType<typeof readTrace> | null = null
    if (opts.trace) {
      tracing = false
      traced = readTrace(await within(browser.stopTracing(), 120_000, 'stopping the trace'))
    }
    // A traced page may be stuck in a task right after its charts drew: what the trace gave is
    // then all there is (no resources, no heap), and `busy` says so.
    let busy = timedOut
    const read = busy
      ? null
      : await evaluate<Pick<LoadResult, 'marks' | 'drawn' | 'resources'>>(
          page,
          READ_MARKS,
          opts.trace ? 120_000 : opts.timeoutMs,
        ).catch((e: unknown) => {
          if (!opts.trace) throw e
          busy = true
          return null
        })
    let heapMb: number | null = null
    if (opts.heap && !busy) {
      await page.waitForTimeout(opts.settleMs ?? 1000)
      heapMb = await within(heapAfterGc(page), opts.trace ? 120_000 : opts.timeoutMs, 'heap').catch(
        (e: unknown) => {
          if (!opts.trace) throw e
          busy = true
          return null
        },
      )
    }
    return {
      marks: { ...traced?.marks, ...read?.marks },
      drawn: read?.drawn ?? [],
      resources: (read?.resources ?? []).map((r) => ({ url: r.url, responseEnd: r.responseEnd })),
      heapMb,
      tasks: traced?.tasks ?? null,
      timedOut,
      busy,
      errors,
    }
  } finally {
    if (tracing) await within(browser.stopTracing(), 60_000, 'stopping the trace').catch(() => null)
    await closeContext(context)
  }
}

/** Closes a context, even one whose page is stuck in a long task. */
async function closeContext(context: BrowserContext): Promise<void> {
  await within(context.close(), 30_000, 'closing the browser context').catch(() => undefined)
}

/** `JSON.parse` of a file the page fetches first (not timed), in ms. */
export async function jsonParseMs(
  browser: Browser,
  pageUrl: string,
  fileUrl: string,
): Promise<number> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(pageUrl)
    return (await page.evaluate(`(async () => {
      const text = await (await fetch(${JSON.stringify(fileUrl)}, { cache: 'no-store' })).text()
      const t0 = performance.now()
      const rows = JSON.parse(text)
      const ms = performance.now() - t0
      if (!rows || typeof rows !== 'object') throw new Error('not JSON')
      return ms
    })()`)) as number
  } finally {
    await closeContext(context)
  }
}

/** Chart ids of the panels that have drawn their current option at or after `since`. */
function drawnSince(page: Page, since: number, ms: number): Promise<string[]> {
  return evaluate<string[]>(
    page,
    `performance.getEntriesByName('chart:drawn')
      .filter((m) => m.startTime >= ${since}).map((m) => String(m.detail))`,
    ms,
  )
}

/** Chart ids of the chart panels on the page. */
function chartPanels(page: Page, ms: number): Promise<string[]> {
  return evaluate<string[]>(
    page,
    `[...document.querySelectorAll('[data-chart]')].map((el) => el.getAttribute('data-chart'))`,
    ms,
  )
}

async function waitUntilDrawn(
  page: Page,
  ids: readonly string[],
  since: number,
  timeoutMs: number,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const left = () => Math.max(1000, deadline - Date.now())
    const done = await drawnSince(page, since, left())
    if (ids.every((id) => done.includes(id))) {
      return evaluate<number>(
        page,
        `Math.max(...performance.getEntriesByName('chart:drawn')
          .filter((m) => m.startTime >= ${since}).map((m) => m.startTime))`,
        left(),
      )
    }
    if (Date.now() > deadline)
      throw new Error(
        `${page.url()}: after ${timeoutMs} ms only ${done.join(', ') || 'no chart'} of ${ids.join(', ')} redrawn`,
      )
    await page.waitForTimeout(50)
  }
}

/**
 * Filter → redraw on the explore view: loads `#/explore?<start>` and waits for its charts,
 * then for each query in turn sets the URL hash (what a click on a chip, map or bar does, since
 * the filters live in the URL) and times from that moment to the last chart panel's first frame
 * of its new option. DOM updates (chips, tables) happen before the charts' frame, so they count.
 */
export async function filterRedraws(
  browser: Browser,
  appUrl: string,
  start: string,
  queries: readonly string[],
  timeoutMs: number,
): Promise<{ loadMs: number; redrawMs: number[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    await page.goto(`${appUrl}#/explore${start ? `?${start}` : ''}`, { timeout: timeoutMs })
    await page.waitForSelector('[data-chart="map"]', { timeout: timeoutMs })
    const ids = ['map', 'sankey', 'timeline', 'ranking']
    const loadMs = await waitUntilDrawn(page, ids, 0, timeoutMs)
    const redrawMs: number[] = []
    for (const q of queries) {
      await page.waitForTimeout(300)
      const t0 = await evaluate<number>(
        page,
        `(() => {
          const t0 = performance.now()
          location.hash = ${JSON.stringify(`#/explore?${q}`)}
          return t0
        })()`,
        timeoutMs,
      )
      // The map panel is replaced while a province's map loads: wait for it to come back.
      await page.waitForSelector('[data-chart="map"]', { timeout: timeoutMs })
      const shown = await chartPanels(page, timeoutMs)
      const end = await waitUntilDrawn(
        page,
        ids.filter((id) => shown.includes(id)),
        t0,
        timeoutMs,
      )
      redrawMs.push(end - t0)
    }
    return { loadMs, redrawMs }
  } finally {
    await closeContext(context)
  }
}

/**
 * Heap after GC before and after `cycles` carousel steps on `/` (`?carousel=<seconds>` makes
 * it step fast; each step moves the screen's `data-focus` to the next event).
 */
export async function carouselHeap(
  browser: Browser,
  appUrl: string,
  opts: { cycles: number; warmup: number; stepSeconds: number; timeoutMs: number },
): Promise<{ beforeMb: number; afterMb: number; seconds: number; series: number[] }> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(`${appUrl}#/?carousel=${opts.stepSeconds}`, { timeout: opts.timeoutMs })
    await waitForMark(page, 'chart:all-drawn', opts.timeoutMs, errors)
    await page.evaluate(`(() => {
      window.__benchSteps = 0
      new MutationObserver(() => window.__benchSteps++).observe(document.querySelector('[data-focus]'), {
        attributes: true,
        attributeFilter: ['data-focus'],
      })
    })()`)
    const steps = (n: number) =>
      page.waitForFunction(`window.__benchSteps >= ${n}`, null, {
        timeout: opts.timeoutMs,
        polling: 250,
      })
    // One reading after GC moves by about ±0.3 MB either way: each is the median of three, ten
    // steps apart.
    const reading = async (at: number) => {
      const mb: number[] = []
      for (let k = 0; k < 3; k++) {
        await steps(at + k * 10)
        mb.push(await heapAfterGc(page))
      }
      return mb.sort((a, b) => a - b)[1]!
    }
    // Readings at each quarter too: a leak grows steadily, a warming-up heap levels off.
    const series = [await reading(opts.warmup)]
    const t0 = Date.now()
    for (let q = 1; q <= 4; q++)
      series.push(await reading(opts.warmup + Math.round((opts.cycles * q) / 4)))
    const seconds = (Date.now() - t0) / 1000
    if (errors.length) throw new Error(`carousel run: page errors: ${errors.join(' | ')}`)
    return { beforeMb: series[0]!, afterMb: series[4]!, seconds, series }
  } finally {
    await closeContext(context)
  }
}
