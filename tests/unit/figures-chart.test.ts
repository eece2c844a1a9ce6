import { describe, expect, it } from 'vitest'
import { use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { BarChart } from 'echarts/charts'
import { AriaComponent, GridComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { figuresChart } from '../../src/charts/figures'
import { barLabel, groupLabels } from '../../src/charts/figures/build'
import type { FigureBar, FiguresRows } from '../../src/charts/figures/select'
import type { BuildContext } from '../../src/charts/types'
import { NO_DECAL, type Decal } from '../../src/charts/base'
import type { Dataset } from '../../src/domain/types'
import { THEMES } from '../../src/themes'
import { DATA_DIR, loadFiles, loadMini, readFolder } from '../helpers/snapshot'
import { renderSvg } from '../helpers/charts'

use([SVGRenderer, BarChart, GridComponent, TitleComponent, TooltipComponent, AriaComponent])

const ctx: BuildContext = {
  theme: THEMES.light,
  locale: 'zh-CN',
  size: { width: 900, height: 700 },
  frozen: true,
}

async function loadReal(): Promise<Dataset> {
  const r = await loadFiles(readFolder(DATA_DIR))
  if (!r.ok) throw new Error('the curated snapshot does not load')
  return r.dataset
}

interface Item {
  value: number
  name: string
  itemStyle: { color: string; opacity: number; decal?: object }
  label: { formatter: string; color: string }
  tooltip: { formatter: string }
}
interface FiguresOption {
  aria: { enabled: boolean }
  animation: boolean
  title: { text: string }[]
  grid: { top: number; height: number }[]
  xAxis: { gridIndex: number; max: number }[]
  yAxis: {
    gridIndex: number
    data: string[]
    axisLabel: { formatter: (value: string, index: number) => string }
  }[]
  series: { type: string; name: string; xAxisIndex: number; yAxisIndex: number; data: Item[] }[]
}
const asOption = (o: EChartsCoreOption) => o as unknown as FiguresOption

/** The category labels drawn on grid `i`, markup removed: 其中：签约项目 / （参会规模）. */
function drawnLabels(o: FiguresOption, i: number): string[] {
  const axis = o.yAxis[i]!
  return axis.data.map((v, j) => axis.axisLabel.formatter(v, j).replace(/\{\w+\|([^}]*)\}/g, '$1'))
}

const ids = (rows: FiguresRows) => rows.groups.map((g) => [g.unit, g.bars.map((b) => b.id)])

describe('an event’s figures as bars', () => {
  it('selects the figures of gbh63-2025: outcomes first, the part after its total', async () => {
    const rows = figuresChart.select(await loadReal(), {}, { event: 'gbh63-2025' })
    expect(rows.event?.id).toBe('gbh63-2025')
    expect(ids(rows)).toEqual([
      [
        'count',
        [
          'gbh63-2025-cooperation-projects',
          'gbh63-2025-signed-on-site',
          'gbh63-2025-achievements-collected',
          'gbh63-2025-demands-released',
          'gbh63-2025-attendees',
          'gbh63-2025-universities',
          'gbh63-2025-universities-cooperating',
          'gbh63-2025-enterprises',
          'gbh63-2025-enterprises-cooperating',
          'gbh63-2025-parks',
          'gbh63-2025-teams',
        ],
      ],
    ])
    const bars = rows.groups[0]!.bars
    const byId = (id: string) => bars.find((b) => b.id === `gbh63-2025-${id}`)!
    expect(byId('cooperation-projects')).toMatchObject({
      standing: 'outcome',
      depth: 0,
      amount: { value: 80, qualifier: 'more_than', text: '80余项' },
    })
    expect(byId('signed-on-site')).toMatchObject({
      standing: 'outcome',
      depth: 1,
      partOf: { id: 'gbh63-2025-cooperation-projects' },
    })
    expect(byId('attendees')).toMatchObject({
      scope: 'attendance',
      standing: 'attendance',
      amount: { value: 300, qualifier: 'nearly' },
    })
    expect(rows.sources).toEqual(['cahe-gbh63'])
    expect(figuresChart.sources(rows)).toEqual(['cahe-gbh63'])
  })

  it('draws counts only in the count grid, each bar with the number as reported', async () => {
    const rows = figuresChart.select(await loadReal(), { event: 'gbh63-2025' })
    const o = asOption(figuresChart.build(rows, ctx))
    expect(o.grid).toHaveLength(1)
    expect(o.series).toHaveLength(1)
    expect(o.title[0]!.text).toBe('数量')
    const data = o.series[0]!.data
    expect(data.map((d) => d.label.formatter).slice(0, 5)).toEqual([
      '80余项',
      '57项',
      '400余项',
      '190余项',
      '近300人',
    ])
    expect(data.map((d) => d.value).slice(0, 5)).toEqual([80, 57, 400, 190, 300])
    const labels = drawnLabels(o, 0)
    expect(labels[0]).toBe('促成合作项目')
    expect(labels[1]).toBe('└ 其中：签约项目')
    expect(labels[4]).toBe('参会人数\n（参会规模）')
    // Qualified bars are hatched; the exact 57 is not.
    expect(data[0]!.itemStyle.decal).toBeDefined()
    expect(data[1]!.itemStyle.decal).toBeUndefined()
    // The event's own outcomes at full strength, attendance lighter and after them.
    expect(data.slice(0, 4).every((d) => d.itemStyle.opacity === 1)).toBe(true)
    expect(data.slice(4).every((d) => d.itemStyle.opacity < 1)).toBe(true)
  })

  it('keeps qualifiers in English: 80+, < 300', async () => {
    const rows = figuresChart.select(await loadReal(), { event: 'gbh63-2025' })
    const o = asOption(figuresChart.build(rows, { ...ctx, locale: 'en' }))
    const data = o.series[0]!.data
    expect(data[0]!.label.formatter).toBe('80+')
    expect(data[1]!.label.formatter).toBe('57')
    expect(data[4]!.label.formatter).toBe('< 300')
    const labels = drawnLabels(o, 0)
    expect(labels[0]).toBe('Cooperation projects brokered')
    expect(labels[1]).toBe('└ of which: Projects signed')
    expect(labels[4]).toBe('Attendees\n (attendance)')
    expect(o.title[0]!.text).toBe('Counts')
  })

  it('never lets two units share an axis: counts, money and area in grids of their own', async () => {
    const d = await loadReal()
    for (const event of ['csu-alumni-2024', 'hunan-transfer-2024', 'suxiang-2024', 'gbh63-2025']) {
      const rows = figuresChart.select(d, { event })
      const o = asOption(figuresChart.build(rows, ctx))
      expect(o.grid).toHaveLength(rows.groups.length)
      expect(new Set(rows.groups.map((g) => g.unit)).size).toBe(rows.groups.length)
      rows.groups.forEach((g, i) => {
        expect(g.bars.every((b) => b.amount.unit === g.unit)).toBe(true)
        const s = o.series[i]!
        expect([s.xAxisIndex, s.yAxisIndex]).toEqual([i, i])
        expect([o.xAxis[i]!.gridIndex, o.yAxis[i]!.gridIndex]).toEqual([i, i])
        expect(s.data.map((x) => x.name)).toEqual(g.bars.map((b) => b.id))
        expect(o.xAxis[i]!.max).toBe(Math.max(...g.bars.map((b) => b.amount.value)))
      })
      // Grids stacked top to bottom, never overlapping.
      o.grid.slice(1).forEach((g, i) => {
        expect(g.top).toBeGreaterThanOrEqual(o.grid[i]!.top + o.grid[i]!.height)
      })
    }
    const csu = figuresChart.select(d, { event: 'csu-alumni-2024' })
    expect(csu.groups.map((g) => g.unit)).toEqual(['count', 'yuan', 'm2'])
    const o = asOption(figuresChart.build(csu, ctx))
    expect(o.title.slice(0, 3).map((t) => t.text)).toEqual(['数量', '金额（元）', '面积（平方米）'])
    const money = o.series[1]!.data
    expect(money.find((x) => x.name === 'csu-alumni-2024-sd-contract-value')).toMatchObject({
      value: 86_000_000,
      label: { formatter: '约8600万' },
    })
    expect(o.series[0]!.data.some((x) => x.name.includes('contract'))).toBe(false)
  })

  it('marks context figures, puts them after the outcomes, and says what they describe', async () => {
    const d = await loadReal()
    const rows = figuresChart.select(d, { event: 'csu-alumni-2024' })
    for (const g of rows.groups) {
      const roots = g.bars.filter((b) => b.depth === 0)
      const rank = roots.map((b) =>
        ['outcome', 'attributed', 'attendance', 'context'].indexOf(b.standing),
      )
      expect(rank).toEqual([...rank].sort((a, b) => a - b))
    }
    const big = { ...ctx, size: { width: 1080, height: 1080 } }
    const o = asOption(figuresChart.build(rows, big))
    const area = rows.groups[2]!.bars[0]!
    expect(area).toMatchObject({ id: 'csu-alumni-2024-tech-city-area', standing: 'context' })
    expect(drawnLabels(o, 2)[0]).toBe('面积\n（背景 · 中南·三一科技城）')
    expect(o.series[2]!.data[0]!.itemStyle).toMatchObject({ color: THEMES.light.muted })
    expect(o.series[2]!.data[0]!.itemStyle.opacity).toBeLessThan(1)
    expect(o.series[2]!.data[0]!.label.color).toBe(THEMES.light.muted)
    // A period is named, in Chinese dates.
    const money = drawnLabels(o, 1)
    expect(money).toContain('签约金额\n（背景 · 校友企业家联谊会 · 2023年10月—2024年11月）')
    // An outcome credited to one party says whose it is.
    expect(money).toContain('需求清单金额\n（三一集团）')
    // A session's own outcome is an outcome of the conference, and says it is a session's.
    expect(money).toContain('签约金额\n（分会场）')
    const en = asOption(figuresChart.build(rows, { ...big, locale: 'en' }))
    expect(drawnLabels(en, 2)[0]).toMatch(/^Floor area\n \(context · CSU–SANY/)
    // Short of room, the tags shrink to one word beside the name, and are never cut off.
    const small = asOption(figuresChart.build(rows, { ...ctx, size: { width: 900, height: 500 } }))
    expect(drawnLabels(small, 2)[0]).toBe('面积（背景）')
    expect(drawnLabels(small, 1)).toContain('需求清单金额（三一集团）')
    expect(en.title.map((t) => t.text)).toContain(
      'Light bars: attendance, context, or numbers credited to one party or period: not an outcome of the event itself',
    )
  })

  it('tells repeated labels apart: sessions by name, one event’s figures by their quote', async () => {
    const d = await loadReal()
    const suxiang = figuresChart.select(d, { event: 'suxiang-2024' })
    const names = groupLabels(suxiang.groups[0]!, 'zh-CN').map((x) => x.name)
    expect(names).toContain('企业数：国家科技型中小企业')
    expect(names).toContain('企业数：独角兽企业')
    const hunan = figuresChart.select(d, { event: 'hunan-transfer-2024' })
    const tags = groupLabels(hunan.groups[0]!, 'zh-CN').map((x) => x.tags)
    expect(tags).toContain('（参会规模 · 分会场：工业软件与人工智能产业领域交流合作对接闭门会）')
    const bar = hunan.groups[0]!.bars.find((b) => b.id === 'hunan-transfer-2024-cas-enterprises')!
    expect(barLabel(bar, 'zh-CN').tags).toBe('（参会规模 · 分会场）')
  })

  it('shows metric, value as reported, quote and publisher in an escaped tooltip', async () => {
    const rows = figuresChart.select(await loadReal(), { event: 'gbh63-2025' })
    const data = asOption(figuresChart.build(rows, ctx)).series[0]!.data
    const tip = data[1]!.tooltip.formatter
    for (const part of [
      '<b>签约项目</b>',
      '报道数值：<b>57项</b>',
      '属于：促成合作项目 80余项',
      '“現場簽約57項”',
      '来源：中国高等教育学会 · 转载：网易号',
    ]) {
      expect(tip).toContain(part)
    }
    const enTip = asOption(figuresChart.build(rows, { ...ctx, locale: 'en' })).series[0]!.data[0]!
      .tooltip.formatter
    expect(enTip).toContain('Reported: <b>80+</b> · source text: 80余项')
    // The publisher by the English name sources.csv gives it; the platform as printed.
    expect(enTip).toContain('Source: China Association of Higher Education · via: 网易号')

    const evil = '<img src=x onerror=alert(1)>'
    const poisoned: FiguresRows = {
      ...rows,
      groups: rows.groups.map((g) => ({
        ...g,
        bars: g.bars.map((b): FigureBar => ({
          ...b,
          quote: evil,
          metricName: { zh: evil, en: evil },
          eventName: { zh: evil, en: evil },
          session: true,
          subject: { id: 'x', name: { zh: evil, en: evil }, short: { zh: evil, en: evil } },
          source: { ...b.source, publisher: evil, originalPublisher: '<script>x</script>' },
          amount: { ...b.amount, text: evil },
        })),
      })),
    }
    for (const locale of ['zh-CN', 'en'] as const) {
      const tips = asOption(figuresChart.build(poisoned, { ...ctx, locale }))
        .series.flatMap((s) => s.data.map((x) => x.tooltip.formatter))
        .join('')
      expect(tips).not.toMatch(/<img|<script/)
      expect(tips).toMatch(/&lt;img/)
    }
  })

  it('writes the table in chart order, in both languages', async () => {
    const rows = figuresChart.select(await loadReal(), { event: 'gbh63-2025' })
    const zh = figuresChart.table(rows, 'zh-CN')
    expect(zh.columns).toEqual([
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
    ])
    expect(zh.rows).toHaveLength(11)
    expect(zh.rows[1]).toEqual([
      '第63届高等教育博览会政产学研合作对接活动',
      '签约项目',
      '57项',
      57,
      '计数',
      'exact',
      '活动成果',
      '',
      '',
      '現場簽約57項',
      'cahe-gbh63',
      'gbh63-2025-cooperation-projects',
    ])
    expect(zh.rows[4]!.slice(1, 7)).toEqual([
      '参会人数',
      '近300人',
      300,
      '计数',
      'nearly',
      '参会规模',
    ])
    const en = figuresChart.table(rows, 'en')
    expect(en.columns).toEqual([
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
    ])
    expect(en.rows[0]!.slice(0, 7)).toEqual([
      'Government–Industry–University–Research Matchmaking Event of the 63rd China Higher Education Expo',
      'Cooperation projects brokered',
      '80余项',
      80,
      'count',
      'more_than',
      'Event outcome',
    ])
  })

  it('takes the event from the options, else from the filters; none is empty', async () => {
    const d = await loadMini()
    const a = figuresChart.select(d, { event: 'conf-b' }, { event: 'conf-a' })
    expect(ids(a)).toEqual([
      ['count', ['fa-projects', 'fa-signed', 'fa-labs', 'fa-labs-members', 'fa-s1-signed']],
      ['yuan', ['fa-s1-value', 'fa-year']],
    ])
    expect(a.groups[0]!.bars.map((b) => b.session)).toEqual([false, false, false, false, true])
    expect(a.groups[1]!.bars[1]).toMatchObject({
      standing: 'context',
      period: '2023-10/2024-11',
      subject: { id: 'csu' },
    })
    expect(a.sources).toEqual(['src-a'])
    // One session alone: its figures are its own.
    const s1 = figuresChart.select(d, {}, { event: 'conf-a-s1' })
    expect(ids(s1)).toEqual([
      ['count', ['fa-s1-signed']],
      ['yuan', ['fa-s1-value']],
    ])
    expect(s1.groups.flatMap((g) => g.bars).every((b) => !b.session)).toBe(true)
    expect(ids(figuresChart.select(d, { event: 'conf-b' }))).toEqual([
      ['count', ['fb-signed', 'fb-people']],
      ['yuan', ['fb-value', 'fb-output']],
    ])
    for (const rows of [
      figuresChart.select(d, {}),
      figuresChart.select(d, {}, { event: null }),
      figuresChart.select(d, {}, { event: 'no-such-event' }),
    ]) {
      expect(rows.event).toBeNull()
      expect(figuresChart.isEmpty(rows)).toBe(true)
      expect(figuresChart.table(rows, 'zh-CN').rows).toEqual([])
    }
    expect(figuresChart.isEmpty(a)).toBe(false)
    expect(figuresChart.focus(a, new Set(['conf-a']))).toEqual([])
    expect(figuresChart.pick(a, { type: 'click', componentType: 'series', name: 'x' })).toBeNull()
  })

  it('renders through the SVG renderer with the labels as reported', async () => {
    const d = await loadReal()
    const rows = figuresChart.select(d, { event: 'gbh63-2025' })
    const option = figuresChart.build(rows, ctx)
    expect(JSON.stringify(option)).toBe(JSON.stringify(figuresChart.build(rows, ctx)))
    expect(asOption(option).aria.enabled).toBe(true)
    expect(asOption(option).animation).toBe(false)
    const svg = renderSvg(option, 900, 700)
    for (const text of [
      '>数量<',
      '>80余项<',
      '>57项<',
      '>近300人<',
      '其中：签约项目',
      '参会规模',
    ]) {
      expect(svg).toContain(text)
    }
    // The hatching of qualified bars is drawn.
    expect(svg).toContain('<pattern')
    const en = renderSvg(figuresChart.build(rows, { ...ctx, locale: 'en' }), 900, 700)
    for (const text of ['>Counts<', '>80+<', '>57<', 'of which: Projects signed']) {
      expect(en).toContain(text)
    }
    const csu = figuresChart.select(d, { event: 'csu-alumni-2024' })
    for (const size of [
      { width: 900, height: 500 },
      { width: 1080, height: 1080 },
    ]) {
      const svg = renderSvg(figuresChart.build(csu, { ...ctx, size }), size.width, size.height)
      for (const text of ['>金额（元）<', '>近30亿元<', '>约8600万<', '>248万平方米<', '背景']) {
        expect(svg).toContain(text)
      }
    }
  })
})

describe('an event’s figures for screen readers and colour-blind readers', () => {
  const description = (o: EChartsCoreOption) =>
    (o as unknown as { aria: { label: { description: string } } }).aria.label.description

  it('reads out each unit’s numbers as reported, qualifiers and tags included', async () => {
    const rows = figuresChart.select(await loadReal(), {}, { event: 'gbh63-2025' })
    const first = rows.groups[0]!.bars[0]!
    const zh = description(figuresChart.build(rows, ctx))
    expect(zh).toMatch(/^活动报道数字。.+的报道数字，按单位分组，不同单位不共用坐标轴。数量：/)
    expect(zh).toContain(`${first.metricName.zh} ${first.amount.text}`)
    // Attendance is said to be attendance, not an outcome.
    expect(zh).toContain('（参会规模）')
    const en = description(figuresChart.build(rows, { ...ctx, locale: 'en', title: 'Figures' }))
    expect(en).toMatch(/^Figures\. Numbers reported of .+Counts: /)
    expect(en).toContain('(attendance)')
  })

  it('dots the light bars with decal on, keeps the hatch of a bound, leaves outcomes plain', async () => {
    const d = await loadReal()
    // An event with a light bar of an exact number: one the dots alone mark.
    const rows = d.events
      .map((e) => figuresChart.select(d, {}, { event: e.id }))
      .find((r) =>
        r.groups.some((g) =>
          g.bars.some((b) => b.amount.qualifier === 'exact' && b.standing !== 'outcome'),
        ),
      )!
    const bars = rows.groups.flatMap((g) => g.bars)
    const items = (o: FiguresOption) => o.series.flatMap((s) => s.data)
    const plain = items(asOption(figuresChart.build(rows, ctx)))
    const dotted = asOption(figuresChart.build(rows, { ...ctx, decal: true }))
    bars.forEach((b, i) => {
      const before = plain[i]!.itemStyle.decal
      const after = items(dotted)[i]!.itemStyle.decal as Decal | undefined
      if (b.amount.qualifier !== 'exact') expect(after).toEqual(before)
      else if (b.standing === 'outcome') expect(after).toEqual(NO_DECAL)
      else expect(after?.symbol).toBe('circle')
    })
    // The note under the chart says what the dots mean.
    expect(dotted.title.map((t) => t.text).join('\n')).toContain('浅色带圆点')
  })
})
