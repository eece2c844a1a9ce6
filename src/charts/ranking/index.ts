import { provenanceCells, provenanceColumns } from '../provenance'
import type { ChartEntry } from '../types'
import { buildRanking } from './build'
import { selectRanking, type RankingOptions, type RankingRows } from './select'

export const rankingChart: ChartEntry<RankingRows, RankingOptions> = {
  id: 'ranking',
  titleKey: 'charts.ranking.title',
  select: selectRanking,
  build: buildRanking,
  table(rows, locale) {
    const en = locale === 'en'
    const kind = (k: string) =>
      k === 'university' ? (en ? 'university' : '高校') : en ? 'institute' : '院所'
    const listed = rows.items.map((i) => [
      en ? i.name.en : i.name.zh,
      en ? i.name.en : i.label.zh,
      kind(i.kind),
      i.outcomes,
      i.conferences,
      // Counts of curated records: exact.
      ...provenanceCells('exact', i.sources),
    ])
    // The organisations beyond the limit are not drawn; the table says how many there are.
    const hidden =
      rows.hidden > 0
        ? [
            [
              en ? `+${rows.hidden} more (not listed)` : `另有 ${rows.hidden} 家（未列出）`,
              '',
              '',
              '',
              '',
              '',
              '',
            ],
          ]
        : []
    return {
      columns: [
        ...(en
          ? ['university / institute', 'short name', 'kind', 'itemised outcomes', 'events']
          : ['高校/院所', '简称', '类型', '分项成果数', '参与活动数']),
        ...provenanceColumns(locale),
      ],
      rows: [...listed, ...hidden],
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.items.length === 0,
  focus: (rows, eventIds) =>
    rows.items.flatMap((i, dataIndex) =>
      i.events.some((e) => eventIds.has(e)) ? [{ seriesIndex: 0, dataIndex }] : [],
    ),
  pick(rows, event) {
    if (event.type !== 'click') return null
    const item = rows.items[event.dataIndex ?? -1]
    return item ? { org: item.org } : null
  },
}
