// Which ECharts modules an option needs, and when the ones the big screen's first frames do
// without (./echartsRest) are loaded. No ECharts import here: the router uses this module, so it
// is part of the app's entry chunk.

/** Series types ./echarts registers: every chart the big screen draws. */
const FIRST_SERIES: ReadonlySet<string> = new Set([
  'map',
  'lines',
  'scatter',
  'effectScatter',
  'sankey',
  'bar',
  'line',
])
/** Components only ./echartsRest registers, without which a chart cannot be drawn. */
const REST_COMPONENTS = ['graphic'] as const
/**
 * Components only ./echartsRest registers that a chart can be drawn without: left out of the
 * option (`withoutLate`) and merged into the chart once the rest is in (`lateOption`).
 */
const LATE_COMPONENTS = ['tooltip'] as const

/**
 * Whether an option cannot be drawn with ./echarts alone. ECharts throws on a series type it
 * does not know and draws nothing of a component it does not know, so anything unexpected counts.
 */
export function needsRest(option: object): boolean {
  const o = option as Record<string, unknown>
  const series = o.series === undefined ? [] : Array.isArray(o.series) ? o.series : [o.series]
  for (const s of series) {
    const type = (s as { type?: unknown } | null)?.type
    if (typeof type !== 'string' || !FIRST_SERIES.has(type)) return true
  }
  return REST_COMPONENTS.some((key) => o[key] !== undefined)
}

/** The part of `option` a chart drawn before ./echartsRest was loaded lacks, or null. */
export function lateOption(option: object): Record<string, unknown> | null {
  const o = option as Record<string, unknown>
  const late = LATE_COMPONENTS.filter((key) => o[key] !== undefined)
  return late.length ? Object.fromEntries(late.map((key) => [key, o[key]])) : null
}

/**
 * `option` without what ./echartsRest registers and the chart can do without (a copy; the same
 * object when there is nothing to leave out). ECharts logs an error for a component it has not
 * registered, so it must not see those keys before the rest is in.
 */
export function withoutLate<T extends object>(option: T): T {
  if (!lateOption(option)) return option
  const copy = { ...option } as Record<string, unknown>
  for (const key of LATE_COMPONENTS) delete copy[key]
  return copy as T
}

let rest: Promise<void> | null = null
let restLoaded = false
let onLoaded: (() => void)[] = []

/** Registers the rest of the modules the charts use (./echartsRest), once; a failure is retried. */
export function loadRest(): Promise<void> {
  rest ??= import('./echartsRest').then(
    () => {
      restLoaded = true
      const callbacks = onLoaded
      onLoaded = []
      for (const cb of callbacks) cb()
    },
    (e: unknown) => {
      rest = null
      throw e
    },
  )
  return rest
}

export function restReady(): boolean {
  return restLoaded
}

/** Resolves once ./echartsRest is registered (it does not start the loading). */
export function whenRest(): Promise<void> {
  return restLoaded ? Promise.resolve() : new Promise((resolve) => onLoaded.push(resolve))
}

// The big screen draws all its charts with ./echarts; the rest is fetched once each of them has
// drawn its first frame, so it shares neither the network nor the main thread with them. A chart
// that never draws holds the rest back for no longer than this.
const FIRST_FRAME_TIMEOUT_MS = 1500
let drawing = 0
let timer: ReturnType<typeof setTimeout> | null = null

function loadRestQuietly() {
  if (timer !== null) clearTimeout(timer)
  timer = null
  loadRest().catch((e: unknown) => console.error('charts:', e))
}

/**
 * Says that a chart is on its way to its first frame without ./echartsRest; call the returned
 * function at that frame, or when the chart goes away (a second call does nothing).
 */
export function holdFirstFrame(): () => void {
  if (rest) return () => undefined
  drawing++
  timer ??= setTimeout(loadRestQuietly, FIRST_FRAME_TIMEOUT_MS)
  let done = false
  return () => {
    if (done) return
    done = true
    drawing--
    // Charts draw in frames of their own: the one after a frame may still be coming.
    setTimeout(() => drawing === 0 && !rest && loadRestQuietly(), 0)
  }
}
