import type { ChartEntry, ChartFocus } from '../types'
import { buildSankey } from './build'
import { selectSankey, type SankeyOptions, type SankeyRows } from './select'

const LAYER_NAMES = {
  'zh-CN': ['高校/院所', '领域', '活动城市'],
  en: ['University / institute', 'Sector', 'Event city'],
} as const

/**
 * A link of the flow. ECharts addresses Sankey links with `dataType: 'edge'`; without it the
 * index would name a node, so the carousel must pass it on to highlight and showTip.
 */
export type SankeyFocus = ChartFocus & { dataType: 'edge' }

export const sankeyChart: ChartEntry<SankeyRows, SankeyOptions> = {
  id: 'sankey',
  titleKey: 'charts.sankey.title',
  select: selectSankey,
  build: buildSankey,
  table(rows, locale) {
    const en = locale === 'en'
    const byId = new Map(rows.nodes.map((n) => [n.id, n]))
    const layers = LAYER_NAMES[locale]
    return {
      columns: en
        ? ['from (layer)', 'from', 'to (layer)', 'to', 'participations']
        : ['起点层级', '起点', '终点层级', '终点', '参与次数'],
      rows: rows.links.map((k) => {
        const from = byId.get(k.source)!
        const to = byId.get(k.target)!
        return [
          layers[from.layer],
          en ? from.name.en : from.name.zh,
          layers[to.layer],
          en ? to.name.en : to.name.zh,
          k.value,
        ]
      }),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.links.length === 0,
  // The path of the event: every link one of its participations flows through.
  focus: (rows, eventIds): SankeyFocus[] =>
    rows.links.flatMap((k, dataIndex) =>
      k.events.some((e) => eventIds.has(e))
        ? [{ seriesIndex: 0, dataIndex, dataType: 'edge' as const }]
        : [],
    ),
}
