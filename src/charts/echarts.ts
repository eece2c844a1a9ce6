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
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
  GridComponent,
  TitleComponent,
} from 'echarts/components'
import { CHINA_MAP } from './map/build'

// Tree-shaken: only what the charts use. Maps must be registered after MapChart and
// GeoComponent are in, or registerMap silently registers nothing.
use([
  CanvasRenderer,
  MapChart,
  LinesChart,
  ScatterChart,
  EffectScatterChart,
  GeoComponent,
  TooltipComponent,
  VisualMapComponent,
  AriaComponent,
  SankeyChart,
  BarChart,
  LineChart,
  GridComponent,
  TitleComponent,
])

let chinaLoad: Promise<void> | null = null

/** Fetches public/maps/china.json relative to the page and registers it once. */
export function ensureChinaMap(): Promise<void> {
  if (getMap(CHINA_MAP)) return Promise.resolve()
  chinaLoad ??= fetch(new URL('maps/china.json', document.baseURI))
    .then((r) => {
      if (!r.ok) throw new Error(`maps/china.json: HTTP ${r.status}`)
      return r.json()
    })
    .then((geo) => registerMap(CHINA_MAP, geo))
    .catch((e: unknown) => {
      chinaLoad = null
      throw e
    })
  return chinaLoad
}
