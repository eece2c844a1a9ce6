import { init, type EChartsCoreOption } from 'echarts/core'
import { loadSnapshotDir } from '../../scripts/lib/snapshot'
import type { Dataset } from '../../src/domain/types'
import { DATA_DIR } from './snapshot'

/** The curated snapshot in data/, for option builders run against the real data. */
export async function loadReal(): Promise<Dataset> {
  const r = await loadSnapshotDir(DATA_DIR)
  if (!r.ok) throw new Error('the curated snapshot does not load')
  return r.dataset
}

/** Renders an option once through ECharts' SSR SVG renderer: proof that ECharts accepts it. */
export function renderSvg(option: EChartsCoreOption, width = 800, height = 400): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  chart.setOption(option)
  const svg = chart.renderToSVGString()
  chart.dispose()
  return svg
}

/** Decal patterns in an SVG rendering that draw something (NO_DECAL draws a transparent one). */
export function inkedPatterns(svg: string): number {
  const patterns = svg.match(/<pattern[\s\S]*?<\/pattern>/g) ?? []
  return patterns.filter((p) => /<(path|circle|rect)\b(?![^>]*fill-opacity="0")[^>]*fill=/.test(p))
    .length
}
