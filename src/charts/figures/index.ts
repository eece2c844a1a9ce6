import type { Unit } from '../../domain/vocab'
import type { ChartEntry } from '../types'
import { buildFigures } from './build'
import { selectFigures, type FiguresOptions, type FiguresRows } from './select'

const UNIT_WORDS: Record<'zh-CN' | 'en', Record<Unit, string>> = {
  'zh-CN': { count: '计数', yuan: '元', m2: '平方米', percent: '%' },
  en: { count: 'count', yuan: 'yuan', m2: 'm²', percent: '%' },
}

const SCOPES = {
  'zh-CN': { outcome: '活动成果', attendance: '参会规模', context: '背景数字（非活动成果）' },
  en: {
    outcome: 'Event outcome',
    attendance: 'Attendance',
    context: 'Context (not an event outcome)',
  },
} as const

export const figuresChart: ChartEntry<FiguresRows, FiguresOptions> = {
  id: 'figures',
  titleKey: 'charts.figures.title',
  select: selectFigures,
  build: buildFigures,
  table(rows, locale) {
    const en = locale === 'en'
    const name = (b: { zh: string; en: string }) => (en ? b.en : b.zh)
    return {
      columns: en
        ? [
            'event',
            'metric',
            'value (as reported)',
            'value (base units)',
            'unit',
            'qualifier',
            'scope',
            'period',
            'subject',
            'quote',
            'source',
            'part of',
          ]
        : [
            '活动',
            '指标',
            '数值（原文）',
            '数值（基本单位）',
            '单位',
            '限定词',
            '范围',
            '期间',
            '对象',
            '原文',
            '来源',
            '属于',
          ],
      // In the chart's order. `part of` names the figure a row is already inside of: a column
      // summed in a spreadsheet would count 现场签约57项 twice without it.
      rows: rows.groups.flatMap((g) =>
        g.bars.map((b) => [
          name(b.eventName),
          name(b.metricName),
          b.amount.text,
          b.amount.value,
          UNIT_WORDS[locale][b.amount.unit],
          // The vocabulary id (more_than …), as in the audit CSV; the studio's note reads it.
          b.amount.qualifier,
          SCOPES[locale][b.scope],
          b.period,
          b.subject ? name(b.subject.name) : '',
          b.quote,
          b.source.id,
          b.partOf?.id ?? '',
        ]),
      ),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.groups.length === 0,
  // One event's numbers: nothing to highlight for the carousel, nothing to filter by.
  focus: () => [],
  pick: () => null,
}
