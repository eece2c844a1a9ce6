import { flushPromises, mount } from '@vue/test-utils'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, type PropType } from 'vue'
import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import ChartPanel from '../../src/components/ChartPanel.vue'
import { CHARTS } from '../../src/charts/registry'
import type { RankingRows } from '../../src/charts/ranking/select'
import { loadMini } from '../helpers/snapshot'
import { FixedResizeObserver, plugins } from './setup'

// Panels that appear together are set up one a task (../../src/charts/drawQueue): the first at
// once, the next once the browser has had a turn, and a chart already drawn updates at once.

beforeAll(() => {
  vi.stubGlobal('ResizeObserver', FixedResizeObserver)
  use([SVGRenderer])
})

describe('chart panels appearing together', () => {
  it('draws the second in a later task than the first, and updates in place at once', async () => {
    const dataset = await loadMini()
    const rows = CHARTS.ranking.select(dataset, {}, { limit: 8 })
    const fewer = { ...rows, items: rows.items.slice(0, 2) }
    const panel = (id: string, r: RankingRows) =>
      h(ChartPanel, {
        entry: CHARTS.ranking,
        rows: r,
        title: id,
        emptyText: '暂无数据',
        renderer: 'svg',
        'data-panel': id,
      })
    const Two = defineComponent({
      props: { second: { type: Object as PropType<RankingRows>, required: true } },
      setup: (props) => () => [panel('first', rows), panel('second', props.second)],
    })
    const wrapper = mount(Two, {
      props: { second: rows },
      global: plugins().global as never,
      attachTo: document.body,
    })
    const charts = () => wrapper.findAll('x-vue-echarts').length
    // The sizes arrive in microtasks; both panels then have an option in the same task.
    await flushPromises()
    await nextTick()
    expect(charts()).toBe(1)
    await vi.waitFor(() => expect(charts()).toBe(2))

    const second = wrapper.findAll('x-vue-echarts')[1]!.element
    await wrapper.setProps({ second: fewer })
    await flushPromises()
    // Same element, new bars, with no task in between.
    expect(wrapper.findAll('x-vue-echarts')[1]!.element).toBe(second)
    wrapper.unmount()
  })
})
