import { use, registerMap, getMap } from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import {
  MapChart,
  LinesChart,
  ScatterChart,
  EffectScatterChart,
  SankeyChart,
  BarChart,
  LineChart,
} from 'echarts/charts'
import {
  GeoComponent,
  VisualMapContinuousComponent,
  AriaComponent,
  GridSimpleComponent,
  TitleComponent,
} from 'echarts/components'
import { CHINA_MAP } from './map/build'
import { provinceMapFile, provinceMapName } from './map/province'

export { provinceMapName }

// Tree-shaken, and only what the big screen needs to draw its charts (FIRST_SERIES in ./modules
// lists the series types; the map's visualMap is continuous). Tooltips and the KPI card's
// graphic are in ./echartsRest, which the screen fetches once its charts have drawn and the
// other views fetch with their own code.
// Maps must be registered after MapChart and GeoComponent are in, or registerMap silently
// registers nothing.
use([
  CanvasRenderer,
  MapChart,
  LinesChart,
  ScatterChart,
  EffectScatterChart,
  SankeyChart,
  BarChart,
  LineChart,
  GeoComponent,
  VisualMapContinuousComponent,
  AriaComponent,
  // The grid without its axis pointer, which only axis-triggered tooltips use (./echartsRest).
  GridSimpleComponent,
  TitleComponent,
])

let chinaLoad: Promise<void> | null = null

/** Fetches the China map relative to the page (config may name an approved one); once. */
export function ensureChinaMap(file = 'maps/china.json'): Promise<void> {
  if (getMap(CHINA_MAP)) return Promise.resolve()
  chinaLoad ??= fetch(new URL(file, document.baseURI))
    .then((r) => {
      if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`)
      return r.json()
    })
    .then((geo) => registerMap(CHINA_MAP, geo))
    .catch((e: unknown) => {
      chinaLoad = null
      throw e
    })
  return chinaLoad
}

/**
 * The China map, and the province's own map when one is given, are registered: a view can draw
 * at once, without a loading state (which would replace the chart and re-create it).
 */
export function mapsReady(province?: string): boolean {
  if (!getMap(CHINA_MAP)) return false
  if (!province) return true
  try {
    return !!getMap(provinceMapName(province))
  } catch {
    return false
  }
}

const provinceLoads = new Map<string, Promise<void>>()

/**
 * Fetches one province's map (`maps/province/43.json`, relative to the page, never from another
 * origin) and registers it as `provinceMapName(province)`, once. A failed fetch is forgotten, so
 * the next call tries again. `province` is a short name (湖南) or an adcode prefix (43).
 */
export function ensureProvinceMap(province: string): Promise<void> {
  let name: string
  let url: URL
  try {
    name = provinceMapName(province)
    url = new URL(provinceMapFile(province), document.baseURI)
    if (url.origin !== new URL(document.URL).origin)
      throw new Error(`${url.href}: not on this page's origin`)
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)))
  }
  if (getMap(name)) return Promise.resolve()
  let load = provinceLoads.get(name)
  if (!load) {
    load = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url.pathname}: HTTP ${r.status}`)
        return r.json()
      })
      .then((geo) => registerMap(name, geo))
      .catch((e: unknown) => {
        provinceLoads.delete(name)
        throw e
      })
    provinceLoads.set(name, load)
  }
  return load
}

/**
 * Loads the maps of the provinces a reader may drill into, one at a time while the page is idle,
 * so that a click finds its map already in: at 100,000 outcomes the first drill-down into each
 * province spent ~150 ms waiting for its file. A map that fails is left for the click, which
 * tries again and says why. Returns a function that stops the loads not yet started.
 */
export function prefetchProvinceMaps(
  provinces: readonly string[],
  whenIdle: (run: () => void) => void = idle,
): () => void {
  let stopped = false
  const next = (i: number) => {
    if (stopped || i >= provinces.length) return
    whenIdle(() => {
      if (stopped) return
      ensureProvinceMap(provinces[i]!)
        .catch(() => undefined)
        .finally(() => next(i + 1))
    })
  }
  next(0)
  return () => {
    stopped = true
  }
}

function idle(run: () => void): void {
  // Safari has no requestIdleCallback.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 2000 })
  else setTimeout(run, 200)
}
