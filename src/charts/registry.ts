import { figuresChart } from './figures'
import { kpiChart } from './kpi'
import { mapChart } from './map'
import { rankingChart } from './ranking'
import { sankeyChart } from './sankey'
import { timelineChart } from './timeline'

/** Every chart of the app, by id. Views, studio, embed and CSV export all start here. */
export const CHARTS = {
  map: mapChart,
  sankey: sankeyChart,
  timeline: timelineChart,
  ranking: rankingChart,
  kpi: kpiChart,
  figures: figuresChart,
} as const

export type ChartId = keyof typeof CHARTS
