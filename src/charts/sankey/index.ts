import { provenanceCells, provenanceColumns } from '../provenance'
import type { ChartEntry, IndexFocus } from '../types'
import { buildSankey } from './build'
import { CATCH_ALL, selectSankey, type SankeyOptions, type SankeyRows } from './select'

const LAYER_NAMES = {
  'zh-CN': ['高校/院所', '领域', '活动城市'],
  en: ['University / institute', 'Sector', 'Event city'],
} as const

/**
 * One item of an event's path. Links are addressed with `dataType: 'edge'`, which the carousel
 * passes on to `highlight`; without it the index would name a node.
 */
export type SankeyFocus = IndexFocus & { dataType?: 'edge' }

/**
 * The event's city node first: `showTip` ignores `dataType` and always takes a node, so the
 * tooltip the carousel shows must be a node's (the city's lists its events). Then every link one
 * of the event's participations flows through.
 */
function sankeyFocus(rows: SankeyRows, eventIds: ReadonlySet<string>): SankeyFocus[] {
  let city = -1
  let most = 0
  for (const [dataIndex, n] of rows.nodes.entries()) {
    const events = n.layer === 2 ? n.events.filter((e) => eventIds.has(e)).length : 0
    if (events > most) [city, most] = [dataIndex, events]
  }
  if (city < 0) return []
  const links = rows.links.flatMap((k, dataIndex) =>
    k.events.some((e) => eventIds.has(e))
      ? [{ seriesIndex: 0, dataIndex, dataType: 'edge' as const }]
      : [],
  )
  return [{ seriesIndex: 0, dataIndex: city }, ...links]
}

export const sankeyChart: ChartEntry<SankeyRows, SankeyOptions, SankeyFocus> = {
  id: 'sankey',
  titleKey: 'charts.sankey.title',
  select: selectSankey,
  build: buildSankey,
  table(rows, locale) {
    const en = locale === 'en'
    const byId = new Map(rows.nodes.map((n) => [n.id, n]))
    const layers = LAYER_NAMES[locale]
    return {
      columns: [
        ...(en
          ? ['from (layer)', 'from', 'to (layer)', 'to', 'participations']
          : ['起点层级', '起点', '终点层级', '终点', '参与次数']),
        ...provenanceColumns(locale),
      ],
      rows: rows.links.map((k) => {
        const from = byId.get(k.source)!
        const to = byId.get(k.target)!
        return [
          layers[from.layer],
          en ? from.name.en : from.name.zh,
          layers[to.layer],
          en ? to.name.en : to.name.zh,
          k.value,
          // Counts of curated participations: exact.
          ...provenanceCells('exact', k.sources),
        ]
      }),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.links.length === 0,
  focus: sankeyFocus,
  // A node filters by what it stands for; the catch-all nodes and the links stand for no one thing.
  pick(rows, event) {
    if (event.type !== 'click' || event.dataType !== 'node') return null
    const node = rows.nodes[event.dataIndex ?? -1]
    if (!node || CATCH_ALL.has(node.id)) return null
    const key = node.id.slice(node.id.indexOf(':') + 1)
    if (node.layer === 0) return { org: key }
    if (node.layer === 1) return { sector: key }
    return { city: key }
  },
}
