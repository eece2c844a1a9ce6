import type { Unit } from '../../domain/vocab'
import type { ChartEntry } from '../types'
import { buildKpi, KPI_LABELS, kpiLabel, kpiUnitWord } from './build'
import { selectKpi, type KpiOptions, type KpiRows } from './select'

const UNIT_WORDS: Record<'zh-CN' | 'en', Record<Unit, string>> = {
  'zh-CN': { count: '项', yuan: '元', m2: '平方米', percent: '%' },
  en: { count: 'count', yuan: 'yuan', m2: 'm²', percent: '%' },
}

export const kpiChart: ChartEntry<KpiRows, KpiOptions> = {
  id: 'kpi',
  titleKey: 'charts.kpi.title',
  select: selectKpi,
  build: buildKpi,
  table(rows, locale) {
    const en = locale === 'en'
    return {
      columns: en
        ? [
            'indicator',
            'value',
            'qualifier',
            'unit',
            'basis',
            'events',
            'reported figures behind it',
            'source',
          ]
        : ['指标', '数值', '限定词', '单位', '依据', '活动数', '所依据的报道数字', '来源'],
      // The value in base units (yuan, not 亿元), so a spreadsheet can use it as a number.
      rows: rows.tiles.map((k, i) => [
        kpiLabel(k, locale),
        k.value,
        // The vocabulary id (more_than …), as in the audit CSV; the studio's note reads it.
        k.qualifier,
        (k.unit === 'count' && kpiUnitWord(k, locale)) || UNIT_WORDS[locale][k.unit],
        KPI_LABELS[locale].basis[k.basis],
        k.events,
        k.figures.join('|'),
        rows.tileSources[i]?.join('|') ?? '',
      ]),
    }
  },
  sources: (rows) => [...rows.sources],
  isEmpty: (rows) => rows.tiles.length === 0,
  // One card of totals: no item belongs to one event, and nothing on it is a filter.
  focus: () => [],
  pick: () => null,
}
