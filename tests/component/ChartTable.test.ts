import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ChartPanel from '../../src/components/ChartPanel.vue'
import ChartTable from '../../src/components/ChartTable.vue'
import { CHARTS } from '../../src/charts/registry'
import '../../src/charts/echarts'
import { loadReal } from '../helpers/charts'
import { FixedResizeObserver, plugins } from './setup'

beforeAll(() => {
  vi.stubGlobal('ResizeObserver', FixedResizeObserver)
  use([SVGRenderer])
})

describe('ChartTable', () => {
  it('is a real table: caption, column headers with scope, cells as text', () => {
    const w = mount(ChartTable, {
      props: {
        caption: '活动时间轴：图表数据',
        view: {
          columns: ['活动', '分项成果数'],
          numeric: [false, true],
          rows: [['<img src=x onerror="window.__x=1">', '5']],
        },
      },
      global: plugins().global as never,
    })
    expect(w.get('caption').text()).toBe('活动时间轴：图表数据')
    expect(w.findAll('th').map((th) => [th.attributes('scope'), th.text()])).toEqual([
      ['col', '活动'],
      ['col', '分项成果数'],
    ])
    // Data is text: the payload shows as characters, no element is made.
    expect(w.find('td img').exists()).toBe(false)
    expect(w.get('td').text()).toBe('<img src=x onerror="window.__x=1">')
    expect(w.findAll('td')[1]!.classes()).toContain('num')
    // A scrolling box the keyboard can reach, named for what it holds.
    const box = w.get('[data-testid="chart-table"]')
    expect(box.attributes('tabindex')).toBe('0')
    expect(box.attributes('role')).toBe('region')
    expect(box.attributes('aria-label')).toBe('活动时间轴：图表数据')
  })

  it('lays out the first 100 rows of a large chart and says how many there are', () => {
    const rows = Array.from({ length: 1250 }, (_, i) => [`活动${i}`, String(i)])
    const w = mount(ChartTable, {
      props: { caption: 'c', view: { columns: ['活动', '数'], numeric: [false, true], rows } },
      global: plugins().global as never,
    })
    expect(w.findAll('tbody tr')).toHaveLength(100)
    expect(w.findAll('tbody tr')[99]!.get('td').text()).toBe('活动99')
    expect(w.get('[data-testid="chart-table-more"]').text()).toBe(
      '仅列出前 100 行，共 1250 行；导出 CSV 可得全部',
    )
    const small = mount(ChartTable, {
      props: {
        caption: 'c',
        view: { columns: ['活动'], numeric: [false], rows: rows.slice(0, 3) },
      },
      global: plugins().global as never,
    })
    expect(small.findAll('tbody tr')).toHaveLength(3)
    expect(small.find('[data-testid="chart-table-more"]').exists()).toBe(false)
  })

  it('hidden: read by screen readers, not shown, not a tab stop', () => {
    const w = mount(ChartTable, {
      props: { caption: 'c', hidden: true, view: { columns: ['a'], numeric: [false], rows: [] } },
      global: plugins().global as never,
    })
    const box = w.get('[data-testid="chart-table"]')
    expect(box.classes()).toContain('sr-only')
    expect(box.attributes('tabindex')).toBeUndefined()
  })
})

describe('ChartPanel’s table view', () => {
  it('swaps the chart for its table and back with a pressed/unpressed button', async () => {
    const rows = CHARTS.timeline.select(await loadReal(), {})
    const w = mount(ChartPanel, {
      props: {
        entry: CHARTS.timeline,
        rows,
        title: '活动时间轴',
        emptyText: '暂无数据',
        renderer: 'svg',
      },
      global: plugins().global as never,
      attachTo: document.body,
    })
    await flushPromises()
    await vi.waitFor(() => expect(w.find('svg').exists()).toBe(true))
    // The chart says what it shows: ECharts writes the description into its aria-label.
    const chart = w.get('[role="img"]')
    expect(chart.attributes('aria-label')).toMatch(/^活动时间轴。时间轴：/)

    const button = w.get('[data-testid="view-table"]')
    expect(button.text()).toBe('表格')
    expect(button.attributes('aria-pressed')).toBe('false')
    await button.trigger('click')
    expect(button.attributes('aria-pressed')).toBe('true')
    expect(w.find('svg').exists()).toBe(false)
    const table = w.get('[data-testid="chart-table"] table')
    expect(table.get('caption').text()).toBe('活动时间轴：图表数据')
    expect(table.findAll('tbody tr')).toHaveLength(rows.points.length)
    expect(table.text()).toContain(rows.points[0]!.name.zh)

    await button.trigger('click')
    await vi.waitFor(() => expect(w.find('svg').exists()).toBe(true))
    expect(w.find('[data-testid="chart-table"]').exists()).toBe(false)
    w.unmount()
  })

  it('on the screen keeps a hidden table beside the chart, and no button', async () => {
    const rows = CHARTS.ranking.select(await loadReal(), {})
    const w = mount(ChartPanel, {
      props: {
        entry: CHARTS.ranking,
        rows,
        title: '参与高校/院所',
        emptyText: '暂无数据',
        renderer: 'svg',
        tableView: 'hidden',
      },
      global: plugins('en').global as never,
      attachTo: document.body,
    })
    await flushPromises()
    await vi.waitFor(() => expect(w.find('svg').exists()).toBe(true))
    expect(w.find('[data-testid="view-table"]').exists()).toBe(false)
    const hidden = w.get('[data-testid="chart-table"]')
    expect(hidden.classes()).toContain('sr-only')
    expect(hidden.findAll('tbody tr').length).toBeGreaterThanOrEqual(rows.items.length)
    w.unmount()
  })

  it('offers no table when there is nothing to draw', async () => {
    const rows = CHARTS.timeline.select(await loadReal(), { province: '西藏' })
    const w = mount(ChartPanel, {
      props: { entry: CHARTS.timeline, rows, title: 't', emptyText: '暂无数据', renderer: 'svg' },
      global: plugins().global as never,
    })
    await flushPromises()
    expect(w.find('[data-testid="view-table"]').exists()).toBe(false)
    expect(w.get('.panel-empty').text()).toBe('暂无数据')
  })
})
