import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { use, type EChartsType } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import VChart from 'vue-echarts'
import ChartPanel from '../../src/components/ChartPanel.vue'
import { CHARTS } from '../../src/charts/registry'
import { restReady } from '../../src/charts/modules'
import { loadMini } from '../helpers/snapshot'
import { FixedResizeObserver, plugins } from './setup'

// ChartPanel draws the screen's charts with the first ECharts modules (no tooltips), fetches the
// rest once they have drawn, and gives them their tooltips then without redrawing them.

beforeAll(() => {
  vi.stubGlobal('ResizeObserver', FixedResizeObserver)
  use([SVGRenderer])
})

function instance(wrapper: ReturnType<typeof mount>): EChartsType {
  return (wrapper.findComponent(VChart).vm as unknown as { chart: EChartsType }).chart
}

describe('chart panel and the ECharts modules it needs', () => {
  it('draws a screen chart at once, and adds its tooltips when the rest is in', async () => {
    expect(restReady()).toBe(false)
    const errors = vi.spyOn(console, 'error')
    const wrapper = mount(ChartPanel, {
      props: {
        entry: CHARTS.ranking,
        rows: CHARTS.ranking.select(await loadMini(), {}),
        title: '参与高校/院所',
        emptyText: '暂无数据',
        renderer: 'svg',
      },
      global: plugins().global as never,
      attachTo: document.body,
    })
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('svg').exists()).toBe(true))
    const chart = instance(wrapper)
    // Its first frame was drawn without the rest: then the rest is fetched.
    await vi.waitFor(() => expect(restReady()).toBe(true), { timeout: 10_000 })
    await flushPromises()
    // The same chart (merged into, not re-created), now with its tooltip.
    expect(instance(wrapper)).toBe(chart)
    expect(chart.getOption().tooltip).toMatchObject([{ trigger: 'item', confine: true }])
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
    wrapper.unmount()
  })

  it('draws a chart that needs the rest once it is in (the KPI card’s graphic)', async () => {
    const wrapper = mount(ChartPanel, {
      props: {
        entry: CHARTS.kpi,
        rows: CHARTS.kpi.select(await loadMini(), {}),
        title: 'KPI',
        emptyText: '暂无数据',
        renderer: 'svg',
      },
      global: plugins().global as never,
      attachTo: document.body,
    })
    await flushPromises()
    await vi.waitFor(() => expect(wrapper.find('svg text').exists()).toBe(true))
    expect(instance(wrapper).getOption().graphic).toBeTruthy()
    wrapper.unmount()
  })
})
