import { describe, expect, it } from 'vitest'
import { partnerKinds, partnerParticipations } from '../../src/domain/participation'
import { loadMini } from '../helpers/snapshot'

describe('partnerParticipations', () => {
  it('counts a role other than guide or host, or a party to an outcome; universities and institutes only', async () => {
    const d = await loadMini()
    const all = new Set(d.events.map((e) => e.id))
    // csu only hosts conf-a and is a party to its lab; sany is an enterprise.
    expect(
      partnerParticipations(d, all).map((p) => [p.event, p.org, p.outcomes.map((o) => o.id)]),
    ).toEqual([
      ['conf-a', 'csu', ['oa-lab']],
      ['conf-b', 'cas-isl', []],
      ['conf-b', 'tsinghua-mse', ['ob-project']],
    ])
  })

  it('narrows to the partner kind a filter names, and to none for any other kind', () => {
    expect([...partnerKinds({})].sort()).toEqual(['institute', 'university'])
    expect([...partnerKinds({ orgKind: 'institute' })]).toEqual(['institute'])
    expect([...partnerKinds({ orgKind: 'enterprise' })]).toEqual([])
  })
})
