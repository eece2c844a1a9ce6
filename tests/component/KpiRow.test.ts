import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import KpiRow from '../../src/components/KpiRow.vue'
import { computeKpis } from '../../src/domain/kpis'
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
})
