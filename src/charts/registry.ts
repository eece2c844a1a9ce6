import { mapChart } from './map'

/** Every chart of the app, by id. Views, studio, embed and CSV export all start here. */
export const CHARTS = {
  map: mapChart,
} as const

export type ChartId = keyof typeof CHARTS
