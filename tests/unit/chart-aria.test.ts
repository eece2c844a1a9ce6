import { describe, expect, it } from 'vitest'
import {
  ARIA_TOP,
  DEFAULT_TITLES,
  ariaTitle,
  describeChart,
  listItems,
} from '../../src/charts/aria'
import { CHARTS } from '../../src/charts/registry'
import { tableView } from '../../src/charts/tableView'
import { THEMES } from '../../src/themes'
import zh from '../../src/i18n/zh-CN'
import en from '../../src/i18n/en'
import { loadReal } from '../helpers/charts'

describe('chart descriptions', () => {
  it('use the charts’ own titles, the same as the interface’s', () => {
    for (const id of Object.keys(CHARTS) as (keyof typeof CHARTS)[]) {
      expect(DEFAULT_TITLES['zh-CN'][id]).toBe(zh.charts[id].title)
      expect(DEFAULT_TITLES.en[id]).toBe(en.charts[id].title)
    }
    expect(ariaTitle('map', { locale: 'en', title: 'Partners' })).toBe('Partners')
    expect(ariaTitle('map', { locale: 'en' })).toBe('Cooperation map')
  })

  it('name the first few items, then how many there are', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g']
    expect(listItems(items.slice(0, 2), 'zh-CN')).toBe('a、b')
    expect(listItems(items, 'zh-CN')).toBe('a、b、c、d、e等，共 7 个')
    expect(listItems(items, 'en')).toBe('a, b, c, d, e and 2 more')
    expect(listItems(items, 'en', 3)).toBe('a, b, c and 4 more')
    expect(ARIA_TOP).toBe(5)
  })

  it('make sentences in each language’s punctuation, leaving empty ones out', () => {
    expect(describeChart('地图', ['甲', '', '乙。'], 'zh-CN')).toBe('地图。甲。乙。')
    expect(describeChart('Map', ['events in 2 provinces', ''], 'en')).toBe(
      'Map. Events in 2 provinces.',
    )
  })

  it('are given by every chart, in its language, from the real data', async () => {
    const d = await loadReal()
    for (const [id, entry] of Object.entries(CHARTS)) {
      const filters = id === 'figures' ? { event: 'gbh63-2025' } : {}
      const rows = (entry.select as (...a: unknown[]) => unknown)(d, filters)
      const build = entry.build as (
        r: unknown,
        c: object,
      ) => { aria: { label: { description: string } } }
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = build(rows, {
          theme: THEMES.dark,
          locale,
          size: { width: 800, height: 500 },
          frozen: true,
        }).aria.label.description
        expect(text.startsWith(DEFAULT_TITLES[locale][id]!), `${id} ${locale}`).toBe(true)
        expect(text.length, `${id} ${locale}`).toBeGreaterThan(
          DEFAULT_TITLES[locale][id]!.length + 20,
        )
        // English descriptions in English: Chinese only where a name has no English form.
        if (locale === 'en') expect(text.match(/[\u4e00-\u9fff]/g)?.length ?? 0).toBeLessThan(4)
      }
    }
  })
})

describe('the table view of a chart', () => {
  const words = { exact: '确数', approx: '约', nearly: '近', more_than: '超过', up_to: '不超过' }

  it('groups digits, says qualifiers in words and marks number columns', () => {
    const view = tableView(
      {
        columns: ['城市', '金额', '限定词', '来源'],
        rows: [
          ['长沙', 86000000, 'approx', 'src-a|src-b'],
          ['株洲', '', 'more_than', 'src-c'],
        ],
      },
      'zh-CN',
      words,
    )
    expect(view.rows).toEqual([
      ['长沙', '86,000,000', '约', 'src-a|src-b'],
      ['株洲', '', '超过', 'src-c'],
    ])
    expect(view.numeric).toEqual([false, true, false, false])
  })

  it('leaves a qualifier-like word alone outside the qualifier column, and keeps markup as text', () => {
    const view = tableView(
      {
        columns: ['name', 'qualifier'],
        rows: [
          ['approx', 'up_to'],
          ['<b>x</b>', 'exact'],
        ],
      },
      'en',
      { ...words, up_to: 'up to', exact: 'exact' },
    )
    expect(view.rows).toEqual([
      ['approx', 'up to'],
      ['<b>x</b>', 'exact'],
    ])
  })

  it('shows every chart’s table, whatever the chart', async () => {
    const d = await loadReal()
    for (const [id, entry] of Object.entries(CHARTS)) {
      const filters = id === 'figures' ? { event: 'gbh63-2025' } : {}
      const rows = (entry.select as (...a: unknown[]) => unknown)(d, filters)
      const table = (
        entry.table as (r: unknown, l: 'en') => { columns: string[]; rows: unknown[] }
      )(rows, 'en')
      const view = tableView(table as never, 'en', words)
      expect(view.columns).toEqual(table.columns)
      expect(view.rows.length, id).toBe(table.rows.length)
      expect(view.rows.every((r) => r.every((c) => typeof c === 'string'))).toBe(true)
    }
  })
})
