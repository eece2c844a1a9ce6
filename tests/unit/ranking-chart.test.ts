import { describe, expect, it } from 'vitest'
import { use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { BarChart } from 'echarts/charts'
import { GridComponent, TitleComponent, TooltipComponent, AriaComponent } from 'echarts/components'
import { rankingChart } from '../../src/charts/ranking'
import type { RankingRows } from '../../src/charts/ranking/select'
import type { BuildContext } from '../../src/charts/types'
import { eventFamily } from '../../src/domain/aggregate'
import zh from '../../src/i18n/zh-CN'
import { THEMES } from '../../src/themes'
import { loadMini } from '../helpers/snapshot'
import { inkedPatterns, loadReal, renderSvg } from '../helpers/charts'

use([SVGRenderer, BarChart, GridComponent, TitleComponent, TooltipComponent, AriaComponent])

const ctx: BuildContext = {
  theme: THEMES.dark,
  locale: 'zh-CN',
  size: { width: 800, height: 400 },
  frozen: true,
}

interface RankingOption {
  aria: { enabled: boolean }
  animation: boolean
  title: { show: boolean; text: string }
  xAxis: { name: string }
  yAxis: { data: string[]; inverse: boolean }
  series: { type: string; data: { value: number; tooltip: { formatter: string } }[] }[]
}

const asOption = (o: EChartsCoreOption) => o as unknown as RankingOption

describe('participating universities and institutes', () => {
  it('lists who took part, by itemised outcomes, then events, then name', async () => {
    const rows = rankingChart.select(await loadMini(), {})
    // One outcome each: 清华 (qīng) before 中南 (zhōng) by pinyin; the institute that only
    // attended comes last, with 0, and is still listed.
    expect(rows.items.map((i) => [i.org, i.label.zh, i.outcomes, i.conferences])).toEqual([
      ['tsinghua-mse', '清华大学材料学院', 1, 1],
      ['csu', '中南', 1, 1],
      ['cas-isl', '盐湖所', 0, 1],
    ])
    expect(rows.hidden).toBe(0)
    const option = asOption(rankingChart.build(rows, ctx))
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([1, 1, 0])
    expect(option.yAxis.inverse).toBe(true)
    expect(option.title.show).toBe(false)
  })

  it('summarises the organisations beyond the limit as +N', async () => {
    const rows = rankingChart.select(await loadMini(), {}, { limit: 2 })
    expect(rows.items).toHaveLength(2)
    expect(rows.hidden).toBe(1)
    expect(asOption(rankingChart.build(rows, ctx)).title).toMatchObject({
      show: true,
      text: '另有 1 家参与，未列出',
    })
    expect(asOption(rankingChart.build(rows, { ...ctx, locale: 'en' })).title.text).toBe(
      '+1 more took part, not listed',
    )
    const table = rankingChart.table(rows, 'zh-CN')
    expect(table.columns).toEqual([
      '高校/院所',
      '简称',
      '类型',
      '分项成果数',
      '参与活动数',
      '限定词',
      '来源',
    ])
    expect(table.rows).toEqual([
      ['清华大学材料学院', '清华大学材料学院', '高校', 1, 1, 'exact', 'src-b'],
      ['中南大学', '中南', '高校', 1, 1, 'exact', 'src-a'],
      ['另有 1 家（未列出）', '', '', '', '', '', ''],
    ])
  })

  it('never calls itself a ranking in Chinese', async () => {
    const rows = rankingChart.select(await loadReal(), {})
    const text = JSON.stringify(rankingChart.build(rows, ctx)) + JSON.stringify(zh.charts.ranking)
    expect(text).not.toMatch(/排名|排行|榜/)
    expect(zh.charts.ranking.title).toBe('参与高校/院所')
    expect(asOption(rankingChart.build(rows, ctx)).xAxis.name).toBe('成果数')
  })

  it('shows the curated snapshot: 中南大学 first, then the others, zeros after', async () => {
    const d = await loadReal()
    const rows = rankingChart.select(d, {})
    expect(rows.items).toHaveLength(10)
    expect(rows.items[0]).toMatchObject({ org: 'csu', outcomes: 3, conferences: 2 })
    expect(rows.items.slice(1).every((i) => i.outcomes === 1)).toBe(true)
    expect(rows.hidden).toBe(30)
    const all = rankingChart.select(d, {}, { limit: 1000 })
    expect(all.items).toHaveLength(40)
    expect(all.items.every((i) => i.kind === 'university' || i.kind === 'institute')).toBe(true)
    const outcomes = all.items.map((i) => i.outcomes)
    expect(outcomes).toEqual([...outcomes].sort((a, b) => b - a))
    expect(outcomes.filter((n) => n === 0)).toHaveLength(30)
    // A guide (国家级智库) lends its name, and is not a participant.
    expect(all.items.some((i) => i.org === 'ciur')).toBe(false)
  })

  it('builds a deterministic option that renders, with short names and numbers', async () => {
    const rows = rankingChart.select(await loadReal(), {})
    const a = rankingChart.build(rows, ctx)
    expect(JSON.stringify(a)).toBe(JSON.stringify(rankingChart.build(rows, ctx)))
    expect(asOption(a).aria.enabled).toBe(true)
    expect(asOption(a).animation).toBe(false)
    const svg = renderSvg(a)
    for (const label of ['中南大学', '上海交大', '清华材料学院', '>3<', '另有 30 家参与，未列出']) {
      expect(svg).toContain(label)
    }
    const en = renderSvg(rankingChart.build(rows, { ...ctx, locale: 'en' }))
    expect(en).toContain('Central South Univ.')
  })

  it('names every bar, whatever the language', async () => {
    const rows = rankingChart.select(await loadReal(), {})
    // In the browser ECharts' automatic interval measured the full English names (the categories)
    // and skipped every other label; Node's text estimate never does, so the option is checked.
    for (const locale of ['zh-CN', 'en'] as const) {
      const o = rankingChart.build(rows, { ...ctx, locale }) as unknown as {
        yAxis: { axisLabel: { interval: number } }
      }
      expect(o.yAxis.axisLabel.interval).toBe(0)
    }
  })

  it('escapes every data string that reaches a tooltip', async () => {
    const rows = rankingChart.select(await loadMini(), {})
    const evil = { zh: '<img src=x onerror=alert(1)>', en: '<script>x</script>' }
    const poisoned: RankingRows = {
      ...rows,
      items: rows.items.map((i) => ({ ...i, name: evil, label: evil, outcomeTitles: [evil] })),
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const formatters = asOption(
        rankingChart.build(poisoned, { ...ctx, locale }),
      ).series[0]!.data.map((d) => d.tooltip.formatter)
      expect(formatters.join('')).not.toMatch(/<img|<script/)
      expect(formatters.join('')).toMatch(/&lt;(img|script)/)
    }
  })

  it('focuses the bars of the organisations taking part in one event', async () => {
    const d = await loadReal()
    const rows = rankingChart.select(d, {})
    const focus = rankingChart.focus(rows, eventFamily(d, 'zgc-2025'))
    expect(focus.map((f) => rows.items[f.dataIndex]!.org).sort()).toEqual(['hust', 'ncut', 'xjtu'])
    expect(focus.every((f) => f.seriesIndex === 0)).toBe(true)
    expect(rankingChart.focus(rows, new Set(['no-such-event']))).toEqual([])
  })

  it('narrows to one kind when the filters ask, and is empty for a kind it does not show', async () => {
    const d = await loadMini()
    expect(rankingChart.select(d, { orgKind: 'institute' }).items.map((i) => i.org)).toEqual([
      'cas-isl',
    ])
    expect(rankingChart.isEmpty(rankingChart.select(d, { orgKind: 'enterprise' }))).toBe(true)
  })
})

describe('participants for screen readers', () => {
  const description = (o: EChartsCoreOption) =>
    (o as unknown as { aria: { label: { description: string } } }).aria.label.description

  it('names who took part and with how many outcomes, and how many are not listed', async () => {
    const rows = rankingChart.select(await loadReal(), {})
    expect(rows.hidden).toBeGreaterThan(0)
    const top = rows.items[0]!
    const zh = description(rankingChart.build(rows, { ...ctx, title: '参与高校/院所' }))
    expect(zh).toMatch(/^参与高校\/院所。条形图：\d+ 家参与的高校\/院所/)
    expect(zh).toContain('不作评比')
    expect(zh).toContain(`${top.name.zh} ${top.outcomes} 项`)
    expect(zh).toContain(`等，共 ${rows.items.length} 个`)
    expect(zh).toContain(`另有 ${rows.hidden} 家参与，未列出`)
    const en = description(rankingChart.build(rows, { ...ctx, locale: 'en' }))
    expect(en).toMatch(/^Participating universities & institutes\. Bar chart of \d+/)
    expect(en).toContain(`${top.name.en} ${top.outcomes}`)
    expect(en).toContain(`+${rows.hidden} more took part`)
  })

  it('draws no pattern on its one-colour bars, even with decal on', async () => {
    const rows = rankingChart.select(await loadReal(), {})
    const option = rankingChart.build(rows, { ...ctx, decal: true })
    expect((option as { aria: { decal: { show: boolean } } }).aria.decal.show).toBe(true)
    expect(inkedPatterns(renderSvg(option))).toBe(0)
  })
})
