import { describe, expect, it } from 'vitest'
import { use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { AriaComponent, GraphicComponent, TooltipComponent } from 'echarts/components'
import { kpiChart } from '../../src/charts/kpi'
import { KPI_LABELS, kpiGrid } from '../../src/charts/kpi/build'
import type { BuildContext } from '../../src/charts/types'
import { DEFAULT_CONFIG } from '../../src/data/config'
import { reportedTotal } from '../../src/domain/aggregate'
import type { Dataset } from '../../src/domain/types'
import zh from '../../src/i18n/zh-CN'
import en from '../../src/i18n/en'
import { THEMES } from '../../src/themes'
import { DATA_DIR, loadFiles, loadMini, readFolder } from '../helpers/snapshot'
import { renderSvg } from '../helpers/charts'

// The KPI card is drawn with `graphic` elements: without GraphicComponent ECharts draws nothing.
use([SVGRenderer, GraphicComponent, AriaComponent, TooltipComponent])

const ctx: BuildContext = {
  theme: THEMES.light,
  locale: 'zh-CN',
  size: { width: 900, height: 500 },
  frozen: true,
}

async function loadReal(): Promise<Dataset> {
  const r = await loadFiles(readFolder(DATA_DIR))
  if (!r.ok) throw new Error('the curated snapshot does not load')
  return r.dataset
}

interface Element {
  type: string
  id?: string
  x?: number
  y?: number
  style?: { text?: string; fill?: string; fontFamily?: string; rich?: Record<string, Style> }
  children?: Element[]
}
interface Style {
  fill?: string
  fontSize?: number
  fontFamily?: string
}
interface KpiOption {
  aria: { enabled: boolean; label: { description: string } }
  animation: boolean
  graphic: { elements: Element[] }
}
const asOption = (o: EChartsCoreOption) => o as unknown as KpiOption

/** The texts of each tile, in order: label, value (rich markup), note. */
function tileTexts(o: EChartsCoreOption): string[][] {
  return asOption(o).graphic.elements.map((g) =>
    (g.children ?? []).filter((c) => c.type === 'text').map((c) => c.style?.text ?? ''),
  )
}

/** The value markup with the markup removed: 超80项. */
const plainValue = (markup: string) => markup.replace(/\{\w+\|([^}]*)\}/g, '$1')

describe('KPI card', () => {
  it('shows the big screen KPIs by default, each on its own basis, never summed', async () => {
    const d = await loadReal()
    const rows = kpiChart.select(d, {})
    expect(rows.tiles.map((k) => k.id)).toEqual(DEFAULT_CONFIG.kpis)
    expect(rows.tiles.map((k) => [k.id, k.basis])).toEqual([
      ['events', 'count'],
      ['outcomes', 'itemised'],
      ['joint_labs', 'reported'],
      ['projects_signed', 'reported'],
    ])
    const labs = rows.tiles.find((k) => k.id === 'joint_labs')!
    expect(labs.value).toBe(reportedTotal(d, 'joint_labs')!.total.value)
    expect(labs.value).toBe(14)
    // 57 on site (gbh63) + 11 (a session of csu-alumni) + 6 (suxiang).
    expect(rows.tiles.find((k) => k.id === 'projects_signed')).toMatchObject({
      value: 74,
      qualifier: 'exact',
      events: 3,
    })
    expect(kpiChart.isEmpty(rows)).toBe(false)
    expect(rows.sources.length).toBeGreaterThan(3)
    expect(rows.sources).toEqual([...rows.sources].sort())
  })

  it('keeps itemised and reported joint labs as two tiles with two notes', async () => {
    const d = await loadReal()
    const rows = kpiChart.select(d, {}, { ids: ['outcome:joint_lab', 'joint_labs'] })
    const [itemised, reported] = rows.tiles
    expect(itemised).toMatchObject({ basis: 'itemised', value: 3 })
    expect(reported).toMatchObject({ basis: 'reported', value: 14 })
    const texts = tileTexts(kpiChart.build(rows, ctx))
    expect(texts.map(([label]) => label)).toEqual(['联合实验室（逐项）', '联合实验室'])
    expect(texts.map(([, value]) => plainValue(value!))).toEqual(['3家', '14家'])
    expect(texts[0]![2]).toBe('逐项列出 · 2 场活动')
    expect(texts[1]![2]).toBe('报道合计 · 1 场活动')
    // Nothing on the card is the sum of the two.
    expect(JSON.stringify(texts)).not.toContain('17')
  })

  it('never drops a qualifier: 超80项 in Chinese, 80+ and ≈ in English', async () => {
    const d = await loadReal()
    const rows = kpiChart.select(d, {}, { ids: ['cooperation_projects', 'contract_value'] })
    expect(rows.tiles.map((k) => k.qualifier)).toEqual(['more_than', 'approx'])
    const zhTexts = tileTexts(kpiChart.build(rows, ctx))
    expect(zhTexts.map(([, v]) => plainValue(v!))).toEqual(['超80项', '约8600万元'])
    expect(zhTexts[0]![1]).toContain('{q|超}')
    expect(zhTexts[0]![1]).toContain('{d|80}')
    const enTexts = tileTexts(kpiChart.build(rows, { ...ctx, locale: 'en' }))
    expect(enTexts.map(([label]) => label)).toEqual([
      'Cooperation projects brokered',
      'Contract value',
    ])
    expect(enTexts.map(([, v]) => plainValue(v!))).toEqual(['80+', '≈¥86 m'])
    expect(enTexts[1]![1]).toContain('{q|≈}')
    expect(enTexts[1]![2]).toBe('reported total · 1 event')
  })

  it('renders through the SVG renderer with the labels, digits, units and notes', async () => {
    const d = await loadReal()
    const rows = kpiChart.select(d, {}, { ids: [...DEFAULT_CONFIG.kpis, 'cooperation_projects'] })
    const option = kpiChart.build(rows, ctx)
    expect(JSON.stringify(option)).toBe(JSON.stringify(kpiChart.build(rows, ctx)))
    expect(asOption(option).aria.enabled).toBe(true)
    expect(asOption(option).animation).toBe(false)
    const svg = renderSvg(option, 900, 500)
    for (const text of ['对接活动', '分项成果', '联合实验室', '签约项目', '促成合作项目']) {
      expect(svg).toContain(`>${text}<`)
    }
    for (const text of [
      '>74<',
      '>超<',
      '>80<',
      '>项<',
      '>场<',
      '报道合计 · 3 场活动',
      '逐项列出',
    ]) {
      expect(svg).toContain(text)
    }
    // Digits in the numeric face, words in the text face (single-quoted stacks keep SVG valid).
    expect(svg).toMatch(/font-family:'Barlow Condensed'[^>]*>74</)
    // A screen reader hears the numbers too: the card has no series for aria to describe.
    expect(asOption(option).aria.label.description).toMatch(/^核心数字。对接活动 /)
    expect(
      asOption(kpiChart.build(rows, { ...ctx, locale: 'en', title: 'Headline' })).aria.label
        .description,
    ).toMatch(/^Headline\. Events \d+ \(count/)
    expect(asOption(option).aria.label.description).toContain(
      '促成合作项目 超80项（报道合计 · 1 场活动）',
    )
    const enSvg = renderSvg(kpiChart.build(rows, { ...ctx, locale: 'en' }), 900, 500)
    for (const text of [
      '>Events<',
      '>Projects signed<',
      '>80<',
      '>+<',
      'reported total · 3 events',
    ]) {
      expect(enSvg).toContain(text)
    }
  })

  it('lays the tiles out in 2 to 4 columns to suit the picture', async () => {
    expect(kpiGrid(4, { width: 1080, height: 1080 })).toEqual({ cols: 2, rows: 2 })
    expect(kpiGrid(4, { width: 1600, height: 200 })).toEqual({ cols: 4, rows: 1 })
    expect(kpiGrid(6, { width: 1920, height: 1080 })).toEqual({ cols: 3, rows: 2 })
    expect(kpiGrid(7, { width: 900, height: 500 })).toEqual({ cols: 3, rows: 3 })
    expect(kpiGrid(8, { width: 3000, height: 300 })).toEqual({ cols: 4, rows: 2 })
    expect(kpiGrid(1, { width: 900, height: 500 })).toEqual({ cols: 1, rows: 1 })

    const rows = kpiChart.select(await loadReal(), {})
    const columns = (size: BuildContext['size']) =>
      new Set(asOption(kpiChart.build(rows, { ...ctx, size })).graphic.elements.map((g) => g.x))
        .size
    expect(columns({ width: 1080, height: 1080 })).toBe(2)
    expect(columns({ width: 1600, height: 200 })).toBe(4)
    // Every tile stays inside the picture.
    for (const size of [
      { width: 1080, height: 1080 },
      { width: 900, height: 500 },
      { width: 1600, height: 200 },
    ]) {
      for (const g of asOption(kpiChart.build(rows, { ...ctx, size })).graphic.elements) {
        const rect = g.children![0] as unknown as { shape: { width: number; height: number } }
        expect(g.x! + rect.shape.width).toBeLessThanOrEqual(size.width)
        expect(g.y! + rect.shape.height).toBeLessThanOrEqual(size.height)
      }
    }
  })

  it('takes its colours and fonts from the theme', async () => {
    const rows = kpiChart.select(await loadMini(), {})
    for (const theme of [THEMES.light, THEMES.dark]) {
      const tile = asOption(kpiChart.build(rows, { ...ctx, theme })).graphic.elements[0]!
      const texts = tile.children!.filter((c) => c.type === 'text')
      expect(texts[0]!.style!.fill).toBe(theme.text)
      expect(texts[0]!.style!.fontFamily).toBe(theme.fontFamily)
      expect(texts[1]!.style!.rich!.d!.fill).toBe(theme.accent)
      expect(texts[1]!.style!.rich!.d!.fontFamily).toBe(theme.numberFontFamily)
      expect(texts[2]!.style!.fill).toBe(theme.muted)
    }
  })

  it('narrows to the filters: one conference', async () => {
    const d = await loadReal()
    const rows = kpiChart.select(
      d,
      { event: 'gbh63-2025' },
      {
        ids: ['events', 'outcomes', 'cooperation_projects', 'projects_signed', 'joint_labs'],
      },
    )
    // No joint labs were reported there: the tile is left out, not shown as 0.
    expect(rows.tiles.map((k) => [k.id, k.value, k.qualifier])).toEqual([
      ['events', 1, 'exact'],
      ['outcomes', 6, 'exact'],
      ['cooperation_projects', 80, 'more_than'],
      ['projects_signed', 57, 'exact'],
    ])
    expect(rows.sources).toEqual(['cahe-gbh63'])
    expect(kpiChart.sources(rows)).toEqual(['cahe-gbh63'])
  })

  it('writes one table row per tile, with the figures behind each reported total', async () => {
    const rows = kpiChart.select(
      await loadMini(),
      {},
      {
        ids: ['events', 'outcomes', 'outcome:joint_lab', 'joint_labs', 'contract_value', 'orgs'],
      },
    )
    const zhTable = kpiChart.table(rows, 'zh-CN')
    expect(zhTable.columns).toEqual([
      '指标',
      '数值',
      '限定词',
      '单位',
      '依据',
      '活动数',
      '所依据的报道数字',
      '来源',
    ])
    // Each tile cites the reports behind it alone: the joint labs come from src-a only.
    expect(zhTable.rows).toEqual([
      ['对接活动', 2, 'exact', '场', '计数', 2, '', 'src-a|src-b'],
      ['分项成果', 3, 'exact', '项', '逐项列出', 2, '', 'src-a|src-b'],
      ['联合实验室（逐项）', 1, 'exact', '家', '逐项列出', 1, '', 'src-a'],
      ['联合实验室', 14, 'exact', '家', '报道合计', 1, 'fa-labs', 'src-a'],
      [
        '签约金额',
        3_086_000_000,
        'approx',
        '元',
        '报道合计',
        2,
        'fa-s1-value|fb-value',
        'src-a|src-b',
      ],
      [
        '参与单位',
        rows.tiles[5]!.value,
        'exact',
        '家',
        '计数',
        rows.tiles[5]!.events,
        '',
        'src-a|src-b',
      ],
    ])
    const enTable = kpiChart.table(rows, 'en')
    expect(enTable.columns).toEqual([
      'indicator',
      'value',
      'qualifier',
      'unit',
      'basis',
      'events',
      'reported figures behind it',
      'source',
    ])
    expect(enTable.rows[0]).toEqual(['Events', 2, 'exact', 'count', 'count', 2, '', 'src-a|src-b'])
    expect(enTable.rows[4]).toEqual([
      'Contract value',
      3_086_000_000,
      'approx',
      'yuan',
      'reported total',
      2,
      'fa-s1-value|fb-value',
      'src-a|src-b',
    ])
    expect(rows.sources).toEqual(['src-a', 'src-b'])
  })

  it('is empty without tiles, and has nothing to focus or pick', async () => {
    const d = await loadMini()
    const none = kpiChart.select(d, {}, { ids: ['no-such-kpi'] })
    expect(kpiChart.isEmpty(none)).toBe(true)
    expect(asOption(kpiChart.build(none, ctx)).graphic.elements).toEqual([])
    const rows = kpiChart.select(d, {})
    expect(kpiChart.focus(rows, new Set(['conf-a']))).toEqual([])
    expect(kpiChart.pick(rows, { type: 'click', componentType: 'graphic', name: 'x' })).toBeNull()
  })

  it('says in the tile what the number is, with the words of the app', () => {
    const lookup = (messages: object, key: string): unknown =>
      key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], messages)
    for (const [locale, messages] of [
      ['zh-CN', zh],
      ['en', en],
    ] as const) {
      for (const [key, label] of Object.entries(KPI_LABELS[locale].labels)) {
        expect([key, label]).toEqual([key, lookup(messages, key)])
      }
    }
    for (const [id, word] of Object.entries(KPI_LABELS['zh-CN'].units)) {
      expect([id, word]).toEqual([id, (zh.kpiUnits as Record<string, string>)[id]])
    }
  })
})
