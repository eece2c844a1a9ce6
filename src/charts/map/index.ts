import type { ChartEntry } from '../types'
import { buildMap } from './build'
import { selectMap, type MapOptions, type MapRows } from './select'

export const mapChart: ChartEntry<MapRows, MapOptions> = {
  id: 'map',
  titleKey: 'charts.map.title',
  select: selectMap,
  build: buildMap,
  table(rows, locale) {
    const en = locale === 'en'
    return {
      columns: en
        ? ['city', 'province', 'events', 'itemised outcomes', 'lng', 'lat']
        : ['城市', '省份', '活动数', '分项成果数', '经度', '纬度'],
      rows: rows.points.map((p) => [
        en ? p.name.en : p.name.zh,
        p.province,
        p.events.length,
        p.outcomes,
        p.lng,
        p.lat,
      ]),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.points.length === 0,
  // Series order is fixed in build.ts: 1 = flows, 3 = event cities. The city comes first so
  // its tooltip is the one shown.
  focus: (rows, eventIds) => {
    const cities = rows.points.flatMap((p, dataIndex) =>
      p.events.some((e) => eventIds.has(e)) ? [{ seriesIndex: 3, dataIndex, place: p.place }] : [],
    )
    const places = new Set(cities.map((c) => c.place))
    const flows = rows.flows.flatMap((f, dataIndex) =>
      places.has(f.to) ? [{ seriesIndex: 1, dataIndex }] : [],
    )
    return [...cities.map(({ seriesIndex, dataIndex }) => ({ seriesIndex, dataIndex })), ...flows]
  },
}
