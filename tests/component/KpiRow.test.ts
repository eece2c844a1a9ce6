import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import KpiRow from '../../src/components/KpiRow.vue'
import { computeKpis } from '../../src/domain/kpis'
import { EVIDENCE_SHOWN, screenModel } from '../../src/screen/model'
import { loadMini } from '../helpers/snapshot'
import { plugins } from './setup'

async function mountRow(locale: 'zh-CN' | 'en') {
  const d = await loadMini()
  const kpis = computeKpis(d, [
    'events',
    'outcomes',
    'joint_labs',
    'projects_signed',
    'contract_value',
  ])
  return mount(KpiRow, {
    props: { kpis, locale, animate: false },
    global: plugins(locale).global as never,
  })
}

describe('KpiRow', () => {
  it('shows every number with its qualifier, unit and basis in Chinese', async () => {
    const row = await mountRow('zh-CN')
    const tile = (id: string) => row.get(`[data-kpi="${id}"]`).text().replace(/\s+/g, '')
    expect(tile('events')).toBe('对接活动2场含分会场1个')
    expect(tile('joint_labs')).toBe('联合实验室14家报道合计·1场活动报道数字之和')
    expect(tile('projects_signed')).toBe('签约项目74项报道合计·2场活动报道数字之和')
    expect(tile('contract_value')).toBe('签约金额约30.86亿元报道合计·2场活动报道数字之和')
    expect(tile('outcomes')).toContain('报道逐项列出')
  })

  it('speaks English with English qualifiers', async () => {
    const row = await mountRow('en')
    expect(row.get('[data-kpi="contract_value"]').text()).toContain('≈')
    expect(row.get('[data-kpi="contract_value"]').text()).toContain('¥3.1 bn')
    expect(row.get('[data-kpi="projects_signed"]').text()).toContain('Projects signed')
  })

  it('sets the digits apart from the qualifier and unit', async () => {
    const row = await mountRow('zh-CN')
    const tile = row.get('[data-kpi="contract_value"]')
    expect(tile.get('.kpi-qualifier').text()).toBe('约')
    expect(tile.get('.kpi-digits').text()).toBe('30.86')
    expect(tile.get('.kpi-unit').text()).toBe('亿元')
  })

  it('reveals the quotes and sources behind each number', async () => {
    const d = await loadMini()
    const { kpis, evidence } = screenModel(d, {
      kpis: ['events', 'outcomes', 'contract_value', 'orgs'],
      mapSizeBy: 'outcomes',
      featuredProvince: '',
    })
    const row = mount(KpiRow, {
      props: { kpis, locale: 'zh-CN', animate: false, evidence },
      global: plugins('zh-CN').global as never,
    })
    const value = row.get('[data-kpi="contract_value"]')
    // The two figures summed into 约30.86亿元, each with its own words and publisher.
    const quotes = value.findAll('[data-testid="evidence"] q').map((q) => q.text())
    const figures = kpis.find((k) => k.id === 'contract_value')!.figures
    expect(quotes).toEqual(figures.map((id) => d.index.figure[id]!.quote))
    expect(value.attributes('tabindex')).toBe('0')
    expect(row.get('[data-kpi="outcomes"]').findAll('[data-testid="evidence"] li').length).toBe(
      Math.min(EVIDENCE_SHOWN, d.outcomes.length),
    )
    const more = row.get('[data-kpi="outcomes"]').find('.evidence-more')
    expect(more.exists()).toBe(d.outcomes.length > EVIDENCE_SHOWN)
    if (more.exists()) expect(more.text()).toContain(String(d.outcomes.length - EVIDENCE_SHOWN))
    // Organisations are too many to list: no popover, not focusable.
    expect(row.get('[data-kpi="orgs"]').find('[data-testid="evidence"]').exists()).toBe(false)
    expect(row.get('[data-kpi="orgs"]').attributes('tabindex')).toBeUndefined()
  })
})
