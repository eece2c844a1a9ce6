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
