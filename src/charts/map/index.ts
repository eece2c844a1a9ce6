import { PROVINCE_NAMES } from '../../domain/geo'
import { METRICS } from '../../domain/vocab'
import { provenanceCells, provenanceColumns } from '../provenance'
import type { ChartEntry } from '../types'
import { buildMap, SERIES } from './build'
import { selectMap, type MapOptions, type MapRows } from './select'

export const mapChart: ChartEntry<MapRows, MapOptions> = {
  id: 'map',
  titleKey: 'charts.map.title',
  select: selectMap,
  build: buildMap,
  table(rows, locale) {
    const en = locale === 'en'
    // Sized by a reported total: its value (base units, as a spreadsheet wants) and its
    // qualifier. Otherwise every number is a count of curated records, so exact.
    const metric = METRICS.find((m) => m.id === rows.sizeBy)
    const totalColumns = metric
      ? en
        ? [`${metric.en} (reported)`, 'unit']
        : [`${metric.zh}（报道数）`, '单位']
      : []
    return {
      columns: [
        ...(en
          ? ['city', 'province', 'events', 'itemised outcomes', 'lng', 'lat']
          : ['城市', '省份', '活动数', '分项成果数', '经度', '纬度']),
        ...totalColumns,
        ...provenanceColumns(locale),
      ],
      rows: rows.points.map((p) => [
        en ? p.name.en : p.name.zh,
        p.province,
        p.events.length,
        p.outcomes,
        p.lng,
        p.lat,
        ...(metric ? [p.total?.value ?? '', p.total?.unit ?? ''] : []),
        ...provenanceCells(metric ? (p.total?.qualifier ?? 'exact') : 'exact', p.sources),
      ]),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.points.length === 0,
  // Series order is fixed in build.ts (SERIES). The city comes first so its tooltip is the one
  // shown.
  focus: (rows, eventIds) => {
    const cities = rows.points.flatMap((p, dataIndex) =>
      p.events.some((e) => eventIds.has(e))
        ? [{ seriesIndex: SERIES.cities, dataIndex, place: p.place }]
        : [],
    )
    const places = new Set(cities.map((c) => c.place))
    const flows = rows.flows.flatMap((f, dataIndex) =>
      places.has(f.to) ? [{ seriesIndex: SERIES.flows, dataIndex }] : [],
    )
    return [...cities.map(({ seriesIndex, dataIndex }) => ({ seriesIndex, dataIndex })), ...flows]
  },
  // A province drills down (the view then draws its cities), a city region or an event city
  // filters by that city. Flows and partner dots mean nothing to filter by.
  pick: (rows, event) => {
    if (event.type !== 'click') return null
    const region =
      event.componentType === 'geo' ||
      (event.componentType === 'series' && event.seriesIndex === SERIES.regions)
    if (region) {
      if (!rows.level)
        return PROVINCE_NAMES.has(event.name) ? { province: event.name, city: undefined } : null
      const place = rows.regions.find((r) => r.name === event.name)?.places[0]
      return place ? { city: place } : null
    }
    if (event.componentType === 'series' && event.seriesIndex === SERIES.cities) {
      const point = event.dataIndex === undefined ? undefined : rows.points[event.dataIndex]
      return point ? { province: point.province, city: point.place } : null
    }
    return null
  },
}
