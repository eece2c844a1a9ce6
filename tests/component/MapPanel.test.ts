import { readFileSync } from 'node:fs'
import path from 'node:path'
import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { registerMap, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ChartPanel from '../../src/components/ChartPanel.vue'
import { CHARTS } from '../../src/charts/registry'
import { CHINA_MAP } from '../../src/charts/map/build'
import '../../src/charts/echarts'
import { loadMini } from '../helpers/snapshot'
import { FixedResizeObserver, plugins } from './setup'

beforeAll(() => {
  vi.stubGlobal('ResizeObserver', FixedResizeObserver)
  use([SVGRenderer])
  registerMap(
    CHINA_MAP,
    JSON.parse(readFileSync(path.resolve(__dirname, '../../public/maps/china.json'), 'utf8')),
  )
})

describe('map panel', () => {
  it('draws provinces, event cities and a caption', async () => {
    const rows = CHARTS.map.select(await loadMini(), {})
    const wrapper = mount(ChartPanel, {
      props: {
        entry: CHARTS.map,
        rows,
        title: '合作对接地图',
        caption: '示意图',
        emptyText: '暂无数据',
        renderer: 'svg',
      },
      global: plugins().global as never,
      attachTo: document.body,
    })
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('svg').exists()).toBe(true))
    const svg = wrapper.get('svg').html()
    expect(svg).toContain('长沙')
    expect(svg).toContain('株洲')
    expect(wrapper.get('.panel-title').text()).toBe('合作对接地图')
    expect(wrapper.get('.panel-caption').text()).toBe('示意图')
    wrapper.unmount()
  })

  it('says so in words when there is nothing to draw', async () => {
    const rows = CHARTS.map.select(await loadMini(), { province: '西藏' })
    const wrapper = mount(ChartPanel, {
      props: { entry: CHARTS.map, rows, title: '地图', emptyText: '暂无数据', renderer: 'svg' },
      global: plugins().global as never,
    })
    await flushPromises()
    expect(wrapper.get('.panel-empty').text()).toBe('暂无数据')
    expect(wrapper.find('svg').exists()).toBe(false)
  })

  it('says so in words when the chart cannot be drawn, instead of breaking the page', async () => {
    const rows = CHARTS.map.select(await loadMini(), {})
    const broken = {
      ...CHARTS.map,
      build: () => {
        throw new Error('unforeseen data')
      },
    }
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const wrapper = mount(ChartPanel, {
      props: { entry: broken, rows, title: '地图', emptyText: '暂无数据', renderer: 'svg' },
      global: plugins().global as never,
      attachTo: document.body,
    })
    await flushPromises()
    expect(wrapper.get('[data-testid="chart-failed"]').text()).toBe(
      '此图暂时无法绘制，其余内容不受影响',
    )
    expect(wrapper.get('.panel-title').text()).toBe('地图')
    expect(error).toHaveBeenCalledWith('chart map:', expect.any(Error))
    error.mockRestore()
    wrapper.unmount()
  })
})
