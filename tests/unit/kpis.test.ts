import { describe, expect, it } from 'vitest'
import { isHeadlineFigure, outcomeKindCounts, reportedTotal } from '../../src/domain/aggregate'
import { computeKpis } from '../../src/domain/kpis'
import { loadMini } from '../helpers/snapshot'

describe('reported totals', () => {
  it('sums one metric over event-level outcome figures, keeping the qualifier honest', async () => {
    const d = await loadMini()
    // 约8600万 (session of A) + 近30亿元 (B); A's year-long 超19亿元 has a period and a subject.
    const t = reportedTotal(d, 'contract_value')
    expect(t?.total).toEqual({ value: 3_086_000_000, unit: 'yuan', qualifier: 'approx', count: 2 })
    expect(t?.figures.map((f) => f.id).sort()).toEqual(['fa-s1-value', 'fb-value'])
  })

  it('never counts a part of a total of the same metric twice', async () => {
    const d = await loadMini()
    expect(isHeadlineFigure(d.index.figure['fa-labs-members']!, d.index.figure)).toBe(false)
    expect(reportedTotal(d, 'joint_labs')?.total.value).toBe(14)
  })

  it('includes a part of a total of another metric (57 signed of 80余 brokered)', async () => {
    const d = await loadMini()
    expect(reportedTotal(d, 'projects_signed')?.total).toMatchObject({
      value: 74,
      qualifier: 'exact',
    })
    expect(reportedTotal(d, 'cooperation_projects')?.total).toMatchObject({
      value: 80,
      qualifier: 'more_than',
    })
  })

  it('never turns context or attendance figures into outcome totals', async () => {
    const d = await loadMini()
    expect(reportedTotal(d, 'industry_output')).toBeNull()
    expect(reportedTotal(d, 'attendees')).toBeNull()
  })

  it('restricts to the given events', async () => {
    const d = await loadMini()
    expect(reportedTotal(d, 'projects_signed', new Set(['conf-b']))?.total.value).toBe(6)
  })
})

describe('computeKpis', () => {
  it('labels each number as a count, itemised or reported, never mixing them', async () => {
    const d = await loadMini()
    const kpis = computeKpis(d, [
      'events',
      'outcomes',
      'outcome:joint_lab',
      'joint_labs',
      'contract_value',
    ])
    expect(kpis.map((k) => [k.id, k.basis, k.value, k.qualifier])).toEqual([
      ['events', 'count', 2, 'exact'],
      ['outcomes', 'itemised', 3, 'exact'],
      ['outcome:joint_lab', 'itemised', 1, 'exact'],
      ['joint_labs', 'reported', 14, 'exact'],
      ['contract_value', 'reported', 3_086_000_000, 'approx'],
    ])
    expect(kpis[0]?.sessions).toBe(1)
  })

  it('counts organisations involved once each, a school with its university', async () => {
    const d = await loadMini()
    // csu, tsinghua-mse (→ tsinghua), cas-isl; sany and wsk are enterprises.
    const [unis, firms, all] = computeKpis(d, [
      'orgs:university+institute',
      'orgs:enterprise',
      'orgs',
    ])
    expect(unis).toMatchObject({ basis: 'count', value: 3 })
    expect(firms).toMatchObject({ value: 2 })
    expect(all?.value).toBe(5)
  })

  it('skips unknown ids and metrics that may not headline the screen', async () => {
    const d = await loadMini()
    expect(
      computeKpis(d, ['nonsense', 'outcome:nonsense', 'industry_output', 'attendees']),
    ).toEqual([])
  })
})

describe('outcomeKindCounts', () => {
  it('counts itemised outcomes by kind, most first, ties in vocabulary order', async () => {
    const d = await loadMini()
    expect(outcomeKindCounts(d.outcomes)).toEqual([
      { kind: 'joint_lab', count: 1 },
      { kind: 'project', count: 1 },
      { kind: 'demand_list', count: 1 },
    ])
  })
})
