import { describe, expect, it } from 'vitest'
import {
  eventOrgPositionsOf,
  orgLines,
  outcomePositionsOf,
  outcomesOfEvents,
  perDataset,
} from '../../src/domain/lookups'
import { localeRankMap, localeRanks } from '../../src/domain/order'
import {
  outcomeCount,
  outcomeKindCount,
  outcomeSources,
  tallyOutcomes,
} from '../../src/domain/tally'
import type { Dataset } from '../../src/domain/types'
import { loadMini } from '../helpers/snapshot'

describe('perDataset', () => {
  it('builds once per dataset and keeps nothing on the dataset itself', async () => {
    const d = await loadMini()
    let builds = 0
    const count = perDataset((x: Dataset) => (builds++, x.events.length))
    expect([count(d), count(d)]).toEqual([3, 3])
    expect(builds).toBe(1)
    // Another dataset (a structured clone, a spread) gets its own.
    expect(count({ ...d, events: d.events.slice(0, 1) })).toBe(1)
    expect(builds).toBe(2)
    expect(Object.keys(d)).not.toContain('cache')
    expect(structuredClone(d)).toEqual(d)
  })
})

describe('positions by event', () => {
  it('lists the positions of an event’s own outcomes and roles, ascending', async () => {
    const d = await loadMini()
    expect(outcomePositionsOf(d, 'conf-a')).toEqual([0, 1])
    expect(outcomePositionsOf(d, 'conf-b')).toEqual([2])
    // A session’s list holds its own records, not its conference’s, and vice versa.
    expect(outcomePositionsOf(d, 'conf-a-s1')).toEqual([])
    expect(outcomePositionsOf(d, 'no-such-event')).toEqual([])
    expect(eventOrgPositionsOf(d, 'conf-b')).toEqual([1, 2])
  })

  it('gives the outcomes of a set of events in dataset order', async () => {
    const d = await loadMini()
    const ids = (events: string[]) => outcomesOfEvents(d, new Set(events)).map((o) => o.id)
    expect(ids(['conf-b', 'conf-a'])).toEqual(['oa-demand', 'oa-lab', 'ob-project'])
    expect(ids(['conf-b'])).toEqual(['ob-project'])
    expect(ids(['conf-a-s1', 'nowhere'])).toEqual([])
    // A fresh array each time: callers may sort it.
    const all = outcomesOfEvents(d, new Set(d.events.map((e) => e.id)))
    expect(all).toEqual(d.outcomes)
    expect(all).not.toBe(d.outcomes)
    expect(outcomesOfEvents(d, new Set(['conf-b']))[0]).toBe(d.outcomes[2])
  })
})

describe('orgLines', () => {
  it('gives each organisation with its ancestors', async () => {
    const d = await loadMini()
    expect([...orgLines(d).get('tsinghua-mse')!]).toEqual(['tsinghua-mse', 'tsinghua'])
    expect([...orgLines(d).get('cas-isl')!]).toEqual(['cas-isl', 'cas'])
    expect([...orgLines(d).get('csu')!]).toEqual(['csu'])
    expect(orgLines(d).get('nobody')).toBeUndefined()
  })

  it('ends a line at a cycle instead of walking it forever', async () => {
    const d = await loadMini()
    const a = { ...d.index.org.tsinghua!, parent: 'tsinghua-mse' }
    const b = d.index.org['tsinghua-mse']!
    const cyclic: Dataset = { ...d, index: { ...d.index, org: { ...d.index.org, tsinghua: a } } }
    expect([...orgLines(cyclic).get(b.id)!]).toEqual(['tsinghua-mse', 'tsinghua'])
  })
})

describe('localeRanks', () => {
  const byCollator = (list: string[]) => [...list].sort((x, y) => x.localeCompare(y))

  it('ranks as localeCompare orders, whatever order the strings come in', () => {
    const ids = ['b-2', 'a', 'a-b', 'ab', 'b10', 'b2', 'a', '0x']
    const ranks = localeRankMap(ids)
    expect(ranks.size).toBe(7)
    const unique = [...new Set(ids)]
    expect(unique.sort((x, y) => ranks.get(x)! - ranks.get(y)!)).toEqual(byCollator(unique))
    // Per position: the same ranks, duplicates alike.
    expect([...localeRanks(ids)]).toEqual(ids.map((s) => ranks.get(s)))
  })

  it('ranks a list that comes in order by position', () => {
    expect([...localeRanks(['a', 'b', 'c'])]).toEqual([0, 1, 2])
    expect([...localeRanks([])]).toEqual([])
  })

  it('gives strings the collator finds equal the same rank, and ranks Chinese too', () => {
    // é precomposed and e + combining acute are canonically equivalent: equal to the collator.
    const ranks = localeRankMap(['f', '\u00e9', 'e\u0301', 'd'])
    expect(ranks.get('\u00e9')).toBe(ranks.get('e\u0301'))
    expect(ranks.get('d')! < ranks.get('\u00e9')! && ranks.get('\u00e9')! < ranks.get('f')!).toBe(
      true,
    )
    const chinese = ['乙', '甲', '丙']
    const cr = localeRankMap(chinese)
    expect([...chinese].sort((x, y) => cr.get(x)! - cr.get(y)!)).toEqual(byCollator(chinese))
  })
})

describe('outcome tallies', () => {
  it('counts an event’s own outcomes, by kind, with their reports', async () => {
    const d = await loadMini()
    expect(outcomeCount(d, 'conf-a')).toBe(2)
    expect(outcomeKindCount(d, 'conf-a', 'joint_lab')).toBe(1)
    expect(outcomeKindCount(d, 'conf-a', 'project')).toBe(0)
    expect(outcomeSources(d, 'conf-a')).toEqual(['src-a'])
    // A session's outcomes are its own, not its conference's.
    expect(outcomeCount(d, 'conf-a-s1')).toBe(0)
    expect(outcomeSources(d, 'conf-a-s1')).toEqual([])
  })

  it('counts outcomes under a key of their event, with or without outcome filters', async () => {
    const d = await loadMini()
    const all = new Set(d.events.map((e) => e.id))
    const city = (e: string) => d.index.event[e]?.place
    const plain = tallyOutcomes(d, {}, all, city)
    expect([...plain.keys()].sort()).toEqual(['changsha', 'zhuzhou'])
    expect(plain.get('changsha')).toEqual({ outcomes: 2, sources: new Set(['src-a']) })
    const labs = tallyOutcomes(d, { outcomeKind: 'joint_lab' }, all, city)
    expect([...labs]).toEqual([['changsha', { outcomes: 1, sources: new Set(['src-a']) }]])
    // Events without a key are left out.
    expect(tallyOutcomes(d, {}, all, () => undefined).size).toBe(0)
    expect(tallyOutcomes(d, {}, new Set(['conf-b']), city).get('changsha')).toBeUndefined()
  })
})
