// npm run bench, as functions: build, serve, measure. scripts/bench.ts is the command line;
// tests/e2e/bench-smoke.test.ts runs a small version of the same code so it cannot rot.
import { cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../lib/chromium'
import { serveStatic } from '../lib/server'
import { bakeMap, buildApp, buildBare, type Composition } from './build'
import {
  carouselHeap,
  coldLoad,
  filterRedraws,
  jsonParseMs,
  type LoadResult,
  type Task,
} from './measure'
import { writeSynthetic } from './synthetic'

/** The figures of issue 7, exactly these keys. null: the measurement failed (see notes). */
export const FIGURE_KEYS = [
  'initial_js_gzip_kb',
  'total_js_gzip_kb',
  'full_echarts_js_gzip_kb',
  'bare_map_ms',
  'first_chart_ms',
  'all_panels_ms',
  'heap_after_load_mb',
  'bare_map_heap_mb',
  'parse_validate_aggregate_ms_1k',
  'parse_validate_aggregate_ms_10k',
  'parse_validate_aggregate_ms_100k',
  'json_parse_ms_100k',
  'heap_mb_100k',
  'longest_main_thread_task_ms_100k',
  'filter_redraw_ms_100k',
  'carousel_heap_growth_pct',
] as const
export type FigureKey = (typeof FIGURE_KEYS)[number]
export type Figures = Record<FigureKey, number | null>

export type SizeLabel = '1k' | '10k' | '100k'

/** The app's marks on `/`, in the order they happen (src/main.ts, ScreenView, ChartPanel). */
export const PHASES = [
  'data:load-start',
  'screen:dataset',
  'screen:data-ready',
  'chart:drawn',
  'chart:all-drawn',
] as const

export interface BenchOptions {
  /** Where builds, synthetic data and the served site go (default node_modules/.bench). */
  workDir: string
  /** Cold loads of `/` and of the bare page, for the medians (issue: 5). */
  runs: number
  /** Loads of each synthetic snapshot. */
  synRuns: number
  /** Outcomes of the snapshot behind each label (1k = 1,000 …); the smoke makes them small. */
  sizes: Record<SizeLabel, number>
  /** Carousel steps between the two heap readings (issue: 1,000). */
  cycles: number
  /** A built app to use instead of building one (the e2e project's build). */
  appDir?: string
  /** Reuse the builds already in workDir. */
  reuse?: boolean
  /** An uncounted load of each page first, and a load of the full-ECharts app (a detail). */
  extras: boolean
  /** Per-wait limit for the curated snapshot, and for the largest synthetic one. */
  timeoutMs: number
  bigTimeoutMs: number
  log: (line: string) => void
}

export const DEFAULT_OPTIONS: BenchOptions = {
  workDir: 'node_modules/.bench',
  runs: 5,
  synRuns: 3,
  sizes: { '1k': 1_000, '10k': 10_000, '100k': 100_000 },
  cycles: 1_000,
  extras: true,
  timeoutMs: 60_000,
  bigTimeoutMs: 180_000,
  log: (line) => console.error(line),
}

export interface JsFile {
  file: string
  gzipKb: number
  /** Its biggest parts, by share of the code before minifying (when the bench built it). */
  parts?: { name: string; share: number }[]
}

/** What the lead needs to see where the cost is, beside the figures. */
export interface Details {
  initialJs: JsFile[]
  totalJsFiles: number
  fullInitialJsKb: number | null
  bareJsKb: number
  runs: {
    bare: number[]
    first: number[]
    all: number[]
    heap: number[]
    bareHeap: number[]
  }
  /** Medians of the marks of the cold loads of `/` (ms since navigation start). */
  phases: Record<string, number | null>
  synthetic: Record<
    string,
    {
      outcomes: number
      csvMb: number
      /** data:load-start → screen:dataset: fetch, size and hash check, parse, validate, index. */
      loadMs: number[]
      /** screen:dataset → screen:data-ready: the screen's aggregates computed and rendered. */
      aggregateMs: number[]
      /** data:load-start → screen:data-ready. */
      totalMs: number[]
      allDrawnMs: number[]
      heapMb: number[]
      longestTaskMs: number[]
      /** The longest main-thread tasks of the last traced load. */
      longTasks: Task[]
    }
  >
  jsonParseMs: number[]
  jsonMb: number
  filter: FilterRun | null
  lightFilter: FilterRun | null
  carousel: {
    beforeMb: number
    afterMb: number
    seconds: number
    steps: number
    /** Steps run before the first reading, while V8 still compiles the hot paths. */
    warmup: number
    /** Heap after GC after the warm-up and after each quarter of the steps (MB). */
    series: number[]
  } | null
  notes: string[]
}

export interface FilterRun {
  /** The explore view's query before the first change ('' = all of China). */
  start: string
  queries: string[]
  /** Navigation → every chart of the explore view drawn. */
  loadMs: number
  redrawMs: number[]
}

export interface BenchResult {
  figures: Figures
  details: Details
}

const kb = (bytes: number) => bytes / 1000
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

const fmtMs = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`

export function median(values: readonly number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (v.length === 0) return null
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2
}

const gzipCache = new Map<string, number>()
/** Gzip size (zlib level 6, as a web server would send it) of a file, in bytes. */
async function gzipBytes(file: string): Promise<number> {
  let n = gzipCache.get(file)
  if (n === undefined) {
    n = gzipSync(await readFile(file), { level: 6 }).byteLength
    gzipCache.set(file, n)
  }
  return n
}

async function jsFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.js'))
      out.push(path.join(entry.parentPath, entry.name))
  }
  return out.sort()
}

/** Every JS file of a build, gzipped, in kB. */
export async function totalJsKb(dir: string): Promise<{ kb: number; files: number }> {
  const files = await jsFiles(dir)
  let bytes = 0
  for (const f of files) bytes += await gzipBytes(f)
  return { kb: kb(bytes), files: files.length }
}

/** The JS files a load received before its first chart was drawn, gzipped. */
async function initialJs(
  load: LoadResult,
  siteRoot: string,
  siteUrl: string,
  chunks: Composition = {},
): Promise<{ kb: number; files: JsFile[] }> {
  const first = load.drawn[0]?.at ?? Infinity
  const files: JsFile[] = []
  let total = 0
  for (const r of load.resources) {
    const url = new URL(r.url)
    if (!url.pathname.endsWith('.js') || r.responseEnd > first) continue
    const rel = decodeURIComponent(url.pathname.slice(new URL(siteUrl).pathname.length))
    const bytes = await gzipBytes(path.join(siteRoot, rel))
    total += bytes
    const parts = chunks[rel.split('/').slice(1).join('/')]
    files.push({ file: rel, gzipKb: round(kb(bytes)), ...(parts ? { parts } : {}) })
  }
  files.sort((a, b) => b.gzipKb - a.gzipKb)
  return { kb: kb(total), files }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  )
}

/** A copy of the app whose data/ is a synthetic snapshot, plus its rows as one JSON file. */
async function syntheticSite(appDir: string, target: string, outcomes: number): Promise<SiteSize> {
  await rm(target, { recursive: true, force: true })
  await cp(appDir, target, { recursive: true, dereference: true })
  const data = path.join(target, 'data')
  const tables = await writeSynthetic(data, outcomes)
  let csvBytes = 0
  for (const f of await readdir(data)) csvBytes += (await stat(path.join(data, f))).size
  // The floor of json_parse_ms: the same rows (every table) as one JSON text.
  const json = JSON.stringify(tables)
  await writeFile(path.join(target, 'bench-rows.json'), json)
  const provinceOf = new Map(tables.places.map((p) => [p.id, p.province_zh!]))
  const events = new Map<string, number>()
  for (const e of tables.events) {
    if (e.parent) continue
    const p = provinceOf.get(e.place!)!
    events.set(p, (events.get(p) ?? 0) + 1)
  }
  const provinces = [...events].sort((a, b) => b[1] - a[1]).map(([p]) => p)
  return { csvBytes, jsonBytes: Buffer.byteLength(json), provinces }
}

interface SiteSize {
  csvBytes: number
  jsonBytes: number
  /** Provinces by number of conferences, most first. */
  provinces: string[]
}

/** Builds (or reuses) everything the bench serves under one root. */
async function prepare(o: BenchOptions, root: string): Promise<Prepared> {
  const app = path.join(root, 'app')
  const ready = o.reuse && (await exists(path.join(root, 'ready.json')))
  if (ready) {
    const built = JSON.parse(await readFile(path.join(root, 'ready.json'), 'utf8')) as Prepared
    if (Object.values(o.sizes).every((n) => built.sizes[n])) {
      o.log(`reusing the builds in ${root}`)
      return built
    }
  }
  await rm(root, { recursive: true, force: true })
  await mkdir(root, { recursive: true })
  let chunks: Composition = {}
  if (o.appDir) {
    await symlink(path.resolve(o.appDir), app, 'dir')
  } else {
    o.log('building the app …')
    chunks = await buildApp(app)
  }
  o.log('building the app with all of ECharts …')
  await buildApp(path.join(root, 'full'), { full: true })
  o.log('building the bare map page …')
  await buildBare(path.join(root, 'bare'), await bakeMap())
  await writeFile(path.join(root, 'blank.html'), '<!doctype html><title>bench</title>\n')
  const sizes: Record<string, SiteSize> = {}
  for (const n of new Set(Object.values(o.sizes))) {
    o.log(`writing a synthetic snapshot of ${n} outcomes …`)
    sizes[n] = await syntheticSite(app, path.join(root, `syn-${n}`), n)
  }
  await writeFile(path.join(root, 'ready.json'), JSON.stringify({ sizes, chunks }))
  return { sizes, chunks }
}

interface Prepared {
  sizes: Record<string, SiteSize>
  /** What each chunk of the app is made of (empty when the app was built elsewhere). */
  chunks: Composition
}

/** Runs the whole bench. Figures that could not be measured are null, with a note saying why. */
export async function runBench(options: Partial<BenchOptions> = {}): Promise<BenchResult> {
  const o: BenchOptions = { ...DEFAULT_OPTIONS, ...options }
  const root = path.resolve(o.workDir, 'site')
  const { sizes, chunks } = await prepare(o, root)
  const notes: string[] = []
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Figures
  const details: Details = {
    initialJs: [],
    totalJsFiles: 0,
    fullInitialJsKb: null,
    bareJsKb: (await totalJsKb(path.join(root, 'bare'))).kb,
    runs: { bare: [], first: [], all: [], heap: [], bareHeap: [] },
    phases: {},
    synthetic: {},
    jsonParseMs: [],
    jsonMb: (sizes[o.sizes['100k']]?.jsonBytes ?? 0) / 1e6,
    filter: null,
    lightFilter: null,
    carousel: null,
    notes,
  }
  const total = await totalJsKb(path.join(root, 'app'))
  figures.total_js_gzip_kb = round(total.kb)
  details.totalJsFiles = total.files
  figures.full_echarts_js_gzip_kb = round((await totalJsKb(path.join(root, 'full'))).kb)

  const server = await serveStatic({ root, base: '/bench/' })
  let browser: Browser | null = null
  /** Runs one measurement; a failure becomes a note and leaves its figures null. */
  const attempt = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn()
    } catch (e) {
      // Playwright appends a call log after the first line: the first line says it.
      const message = (e as Error).message.split('\n')[0]
      notes.push(`${what} failed: ${message}`)
      o.log(`  ${what} failed: ${message}`)
    }
  }
  try {
    browser = await launchChromium()
    const b = browser
    const url = (dir: string) => `${server.url}${dir}/`
    const curated = { until: 'chart:all-drawn', timeoutMs: o.timeoutMs, heap: true }
    const big100k = url(`syn-${o.sizes['100k']}`)

    // Warm the OS file cache and the browser once; not counted.
    if (o.extras)
      await attempt('warm-up', async () => {
        await coldLoad(b, url('bare'), curated)
        await coldLoad(b, url('app'), curated)
      })

    // Cold loads of the bare page and of `/`, interleaved so a busy machine slows both alike.
    const appMarks: Record<string, number>[] = []
    for (let i = 0; i < o.runs; i++) {
      o.log(`cold load ${i + 1}/${o.runs}: bare map, then /`)
      await attempt(`bare map load ${i + 1}`, async () => {
        const bare = await coldLoad(b, url('bare'), curated)
        details.runs.bare.push(bare.marks['chart:drawn']!)
        details.runs.bareHeap.push(bare.heapMb!)
      })
      await attempt(`/ load ${i + 1}`, async () => {
        const app = await coldLoad(b, url('app'), curated)
        appMarks.push(app.marks)
        details.runs.first.push(app.drawn[0]!.at)
        details.runs.all.push(app.marks['chart:all-drawn']!)
        details.runs.heap.push(app.heapMb!)
        if (i === 0) {
          const js = await initialJs(app, root, server.url, chunks)
          figures.initial_js_gzip_kb = round(js.kb)
          details.initialJs = js.files
        }
      })
    }
    for (const mark of PHASES) {
      const at = median(appMarks.map((m) => m[mark] ?? NaN))
      details.phases[mark] = at === null ? null : Math.round(at)
    }
    figures.bare_map_ms = round(median(details.runs.bare) ?? NaN, 0)
    figures.first_chart_ms = round(median(details.runs.first) ?? NaN, 0)
    figures.all_panels_ms = round(median(details.runs.all) ?? NaN, 0)
    figures.heap_after_load_mb = round(median(details.runs.heap) ?? NaN, 2)
    figures.bare_map_heap_mb = round(median(details.runs.bareHeap) ?? NaN, 2)

    if (o.extras)
      await attempt('full-ECharts / load', async () => {
        const full = await coldLoad(b, url('full'), curated)
        details.fullInitialJsKb = round((await initialJs(full, root, server.url)).kb)
      })

    // Synthetic snapshots through the app itself: the same store, loader, worker (if any),
    // aggregates and charts as production, only data/ differs.
    for (const label of Object.keys(o.sizes) as SizeLabel[]) {
      // The smoke gives every label the same small snapshot: measured once.
      const same = Object.entries(details.synthetic).find(([, m]) => m.outcomes === o.sizes[label])
      if (same) {
        details.synthetic[label] = same[1]
        figures[`parse_validate_aggregate_ms_${label}`] =
          figures[`parse_validate_aggregate_ms_${same[0] as SizeLabel}`]
        continue
      }
      const s = {
        outcomes: o.sizes[label],
        csvMb: round((sizes[o.sizes[label]]?.csvBytes ?? 0) / 1e6, 1),
        loadMs: [] as number[],
        aggregateMs: [] as number[],
        totalMs: [] as number[],
        allDrawnMs: [] as number[],
        heapMb: [] as number[],
        longestTaskMs: [] as number[],
        longTasks: [] as Task[],
      }
      details.synthetic[label] = s
      const big = o.sizes[label] === o.sizes['100k']
      for (let i = 0, stop = false; i < o.synRuns && !stop; i++) {
        o.log(`synthetic ${label} (${s.outcomes} outcomes) on /: load ${i + 1}/${o.synRuns}`)
        await attempt(`synthetic ${label} load ${i + 1}`, async () => {
          const timeoutMs = big ? o.bigTimeoutMs : o.timeoutMs
          const r = await coldLoad(b, url(`syn-${o.sizes[label]}`), {
            until: 'chart:all-drawn',
            timeoutMs,
            heap: big,
            trace: big,
          })
          const m = r.marks
          const span = (from: string, to: string) =>
            m[from] === undefined || m[to] === undefined ? null : m[to]! - m[from]!
          const push = (list: number[], v: number | null | undefined) =>
            v !== null && v !== undefined && list.push(v)
          push(s.loadMs, span('data:load-start', 'screen:dataset'))
          push(s.aggregateMs, span('screen:dataset', 'screen:data-ready'))
          push(s.totalMs, span('data:load-start', 'screen:data-ready'))
          push(s.allDrawnMs, m['chart:all-drawn'])
          push(s.heapMb, r.heapMb)
          if (r.tasks) {
            push(s.longestTaskMs, r.tasks[0]?.ms ?? 0)
            s.longTasks = r.tasks
          }
          o.log(
            `  load ${fmtMs(span('data:load-start', 'screen:dataset'))}, aggregate+render ` +
              `${fmtMs(span('screen:dataset', 'screen:data-ready'))}, all drawn at ` +
              `${fmtMs(m['chart:all-drawn'])}, longest task ${fmtMs(r.tasks?.[0]?.ms)}` +
              `${r.tasks?.[0]?.unfinished ? ' (still running)' : ''}`,
          )
          if (r.timedOut || r.busy) {
            // Another run would only wait as long again.
            stop = true
            throw new Error(
              (m['chart:all-drawn'] === undefined
                ? `not every chart drawn within ${timeoutMs / 1000} s`
                : `every chart drawn (at ${fmtMs(m['chart:all-drawn'])}, per the trace), then the page stopped answering (a long task)`) +
                `; marks reached: ${Object.keys(m).join(', ') || 'none'}; the longest main-thread task ` +
                `${r.tasks?.[0]?.unfinished ? 'was still running when the trace stopped (its figure is a lower bound)' : 'had ended'}; ` +
                `no heap reading; later runs skipped`,
            )
          }
        })
      }
      const key = `parse_validate_aggregate_ms_${label}` as FigureKey
      figures[key] = round(median(s.totalMs) ?? NaN, 0)
    }
    const big = details.synthetic['100k']
    figures.heap_mb_100k = round(median(big?.heapMb ?? []) ?? NaN, 2)
    figures.longest_main_thread_task_ms_100k = round(median(big?.longestTaskMs ?? []) ?? NaN, 0)

    for (let i = 0; i < o.synRuns; i++) {
      await attempt(`JSON.parse ${i + 1}`, async () => {
        details.jsonParseMs.push(
          await jsonParseMs(b, `${server.url}blank.html`, `${big100k}bench-rows.json`),
        )
      })
    }
    figures.json_parse_ms_100k = round(median(details.jsonParseMs) ?? NaN, 0)

    // The province with most events from China, then the next one, then the first again (its
    // map now loaded): the median of three.
    const provinces = sizes[o.sizes['100k']]?.provinces ?? []
    const [p1 = '湖南', p2 = '广东'] = provinces
    const queries = [`province=${p1}`, `province=${p2}`, `province=${p1}`]
    o.log(`filter → redraw on #/explore with the 100k snapshot: ${queries.join(', ')}`)
    await attempt('filter → redraw (from all of China)', async () => {
      const r = await filterRedraws(b, big100k, '', queries, o.bigTimeoutMs)
      details.filter = { start: '', queries, ...r }
      figures.filter_redraw_ms_100k = round(median(r.redrawMs) ?? NaN, 0)
    })
    // A detail, not a figure: between the two provinces with fewest events, where the
    // selections still run over all 100k outcomes but little is left to show.
    const [s1, s2] = provinces.slice(-2).reverse()
    if (o.extras && s1 && s2) {
      const light = [`province=${s2}`, `province=${s1}`, `province=${s2}`]
      o.log(`filter → redraw, small provinces: ${light.join(', ')}`)
      await attempt('filter → redraw (small provinces)', async () => {
        const r = await filterRedraws(b, big100k, `province=${s1}`, light, o.bigTimeoutMs)
        details.lightFilter = { start: `province=${s1}`, queries: light, ...r }
      })
    }

    // V8 keeps compiling optimised code for the carousel's hot paths (Vue, zrender, vue-i18n)
    // for ~1,000 steps, +1.2 MB of code, then levels off (heap snapshots: no objects,
    // listeners, charts or DOM nodes accumulate): measured after that warm-up.
    const warmup = Math.max(20, o.cycles)
    o.log(`carousel: ${warmup} steps to warm up, then ${o.cycles} measured, on / (curated) …`)
    await attempt('carousel', async () => {
      const c = await carouselHeap(b, url('app'), {
        cycles: o.cycles,
        warmup,
        stepSeconds: 0.03,
        timeoutMs: Math.max(o.timeoutMs, o.cycles * 600),
      })
      details.carousel = { ...c, steps: o.cycles, warmup }
      figures.carousel_heap_growth_pct = round(((c.afterMb - c.beforeMb) / c.beforeMb) * 100, 1)
    })
  } finally {
    await browser?.close()
    await server.close()
  }
  for (const k of FIGURE_KEYS) if (!Number.isFinite(figures[k] ?? NaN)) figures[k] = null
  return { figures, details }
}
