import type { ChartEntry } from '../types'
import { buildTimeline, formatEventDate } from './build'
import { selectTimeline, type TimelineRows } from './select'

export { timelineOrder } from './select'

export const timelineChart: ChartEntry<TimelineRows> = {
  id: 'timeline',
  titleKey: 'charts.timeline.title',
  select: (d, filters) => selectTimeline(d, filters),
  build: buildTimeline,
  table(rows, locale) {
    const en = locale === 'en'
    return {
      columns: en
        ? ['event', 'date', 'date precision', 'city', 'sessions', 'itemised outcomes']
        : ['活动', '日期', '日期精度', '城市', '分会场数', '分项成果数'],
      rows: rows.points.map((p) => [
        en ? p.name.en : p.name.zh,
        formatEventDate(p.start, p.end, locale),
        p.start.precision === 'month' ? (en ? 'month' : '月') : en ? 'day' : '日',
        en ? p.city.en : p.city.zh,
        p.sessions,
        p.outcomes,
      ]),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.points.length === 0,
  focus: (rows, eventIds) =>
    rows.points.flatMap((p, dataIndex) =>
      p.events.some((e) => eventIds.has(e)) || eventIds.has(p.id)
        ? [{ seriesIndex: 0, dataIndex }]
        : [],
    ),
}
