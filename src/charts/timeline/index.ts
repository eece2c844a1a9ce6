import { provenanceCells, provenanceColumns } from '../provenance'
import type { ChartEntry, ChartFocus } from '../types'
import { buildTimeline, DOTS, isDot, LABELLED } from './build'
import { formatEventDate } from '../../domain/eventDate'
import { selectTimeline, type TimelineRows } from './select'

export { timelineOrder } from './select'

export const timelineChart: ChartEntry<TimelineRows, Record<string, never>, ChartFocus> = {
  id: 'timeline',
  titleKey: 'charts.timeline.title',
  select: (d, filters) => selectTimeline(d, filters),
  build: buildTimeline,
  table(rows, locale) {
    const en = locale === 'en'
    return {
      columns: [
        ...(en
          ? ['event', 'date', 'date precision', 'city', 'sessions', 'itemised outcomes']
          : ['活动', '日期', '日期精度', '城市', '分会场数', '分项成果数']),
        ...provenanceColumns(locale),
      ],
      rows: rows.points.map((p) => [
        en ? p.name.en : p.name.zh,
        formatEventDate(p.start, p.end, locale),
        p.start.precision === 'month' ? (en ? 'month' : '月') : en ? 'day' : '日',
        en ? p.city.en : p.city.zh,
        p.sessions,
        p.outcomes,
        // Counts of curated records: exact, whatever the reports' own totals say.
        ...provenanceCells('exact', p.sources),
      ]),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.points.length === 0,
  // Series 0 has the labelled points and month-only spans, by name; series 1 every dot, in
  // order (see build). The dot comes first, for the tooltip: series 0 may not have the point.
  focus: (rows, eventIds) =>
    rows.points.flatMap((p, dataIndex) => {
      if (!p.events.some((e) => eventIds.has(e)) && !eventIds.has(p.id)) return []
      const labelled = { seriesIndex: LABELLED, name: p.id }
      return isDot(p) ? [{ seriesIndex: DOTS, dataIndex }, labelled] : [labelled]
    }),
  pick(rows, event) {
    if (event.type === 'brush') {
      const [from, to] = [...event.range].sort((a, b) => a - b).map(utcDay) as [string, string]
      return { from, to }
    }
    const point =
      event.seriesIndex === DOTS
        ? rows.points[event.dataIndex ?? -1]
        : event.seriesIndex === LABELLED
          ? rows.points.find((p) => p.id === event.name)
          : undefined
    return point ? { event: point.id } : null
  },
}

/** A time-axis position (ms, UTC: the axis is drawn in UTC) as the day it falls on. */
function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}
