import { describe, expect, it } from 'vitest'
import { applyPatch, type Filters } from '../../src/domain/filters'
import { checkFilters, filtersToQuery, parseFilterQuery } from '../../src/domain/query'
import { DATA_DIR, loadFiles, readFolder } from '../helpers/snapshot'

async function real() {
  const r = await loadFiles(readFolder(DATA_DIR))
  if (!r.ok) throw new Error('snapshot does not load')
  return r.dataset
}

describe('filter state ↔ URL query', () => {
  it('round-trips every filter', () => {
    const f: Filters = {
      from: '2024-07',
      to: '2025-05-31',
      province: '湖南',
      city: 'zhuzhou',
      sector: 'new-materials',
      outcomeKind: 'joint_lab',
      orgKind: 'university',
      org: 'csu',
      event: 'hunan-transfer-2024',
    }
    const query = filtersToQuery(f)
    expect(parseFilterQuery(query)).toEqual({ filters: f, notices: [] })
  })

  it('writes keys in one fixed order, whatever order they were set in', () => {
    const a = filtersToQuery({ org: 'csu', province: '湖南', from: '2024-01' })
    const b = filtersToQuery({ from: '2024-01', province: '湖南', org: 'csu' })
    expect(Object.keys(a)).toEqual(['from', 'province', 'org'])
    expect(new URLSearchParams(a).toString()).toBe(new URLSearchParams(b).toString())
  })

  it('ignores malformed values with a notice and keeps the rest', () => {
    const { filters, notices } = parseFilterQuery({
      from: '2024-13-40',
      to: '2024/7/17',
      province: '<script>',
      outcomeKind: 'rocket',
      orgKind: 'university',
      city: 'Zhu Zhou',
      org: 'x'.repeat(300),
      event: '',
      unrelated: 'kept out',
    })
    expect(filters).toEqual({ orgKind: 'university' })
    expect(notices.map((n) => [n.key, n.problem])).toEqual([
      ['from', 'format'],
      ['to', 'format'],
      ['province', 'format'],
      ['city', 'format'],
      ['outcomeKind', 'format'],
      ['org', 'format'],
    ])
  })

  it('takes the first of repeated keys and says so', () => {
    const { filters, notices } = parseFilterQuery({ province: ['湖南', '北京'] })
    expect(filters).toEqual({ province: '湖南' })
    expect(notices).toEqual([{ key: 'province', value: '湖南,北京', problem: 'repeated' }])
  })

  it('drops an end date before the start date, but not a day inside a start month', () => {
    expect(parseFilterQuery({ from: '2025-01-01', to: '2024-12-31' })).toEqual({
      filters: { from: '2025-01-01' },
      notices: [{ key: 'to', value: '2024-12-31', problem: 'order' }],
    })
    expect(parseFilterQuery({ from: '2024-07', to: '2024-07-15' }).notices).toEqual([])
  })

  it('drops ids this snapshot does not know, even prototype names', async () => {
    const d = await real()
    const { filters, notices } = checkFilters(d, {
      city: 'constructor',
      org: 'csu',
      event: 'gone-2019',
      sector: 'new-materials',
    })
    expect(filters).toEqual({ org: 'csu', sector: 'new-materials' })
    expect(notices.map((n) => `${n.key}=${n.value}`)).toEqual([
      'city=constructor',
      'event=gone-2019',
    ])
  })

  it('applies a patch: undefined clears a key, a missing key stays', () => {
    const f = applyPatch(
      { province: '湖南', city: 'zhuzhou', org: 'csu' },
      {
        city: undefined,
        sector: 'ict',
      },
    )
    expect(f).toEqual({ province: '湖南', org: 'csu', sector: 'ict' })
  })
})
