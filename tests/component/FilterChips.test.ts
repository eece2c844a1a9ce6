import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import FilterChips from '../../src/components/FilterChips.vue'
import { plugins } from './setup'

const chips = [
  { key: 'province', label: '省份', value: '湖南' },
  { key: 'org', label: '单位', value: '中南大学' },
]

describe('FilterChips', () => {
  it('shows each active filter with its label and value, and says when there is none', () => {
    const w = mount(FilterChips, { props: { chips }, global: plugins().global as never })
    expect(w.findAll('.chip').map((c) => c.text().replace(/\s+/g, ''))).toEqual([
      '省份湖南×',
      '单位中南大学×',
    ])
    const empty = mount(FilterChips, { props: { chips: [] }, global: plugins().global as never })
    expect(empty.text()).toContain('未筛选')
    expect(empty.find('[data-testid="clear-all"]').exists()).toBe(false)
  })

  it('removes one filter by its key, or clears all', async () => {
    const w = mount(FilterChips, { props: { chips }, global: plugins().global as never })
    await w.get('[data-key="org"] button').trigger('click')
    expect(w.emitted('remove')).toEqual([['org']])
    await w.get('[data-testid="clear-all"]').trigger('click')
    expect(w.emitted('clear')).toHaveLength(1)
  })

  it('names the filter a remove button removes, for screen readers', () => {
    const w = mount(FilterChips, { props: { chips }, global: plugins().global as never })
    expect(w.get('[data-key="province"] button').attributes('aria-label')).toBe(
      '移除筛选：省份 湖南',
    )
  })
})
