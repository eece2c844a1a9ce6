import { describe, expect, it } from 'vitest'
import { selectRanking } from '../../src/charts/ranking/select'
import { selectSankey } from '../../src/charts/sankey/select'
import { partnerParticipations } from '../../src/domain/participation'
import type { Dataset } from '../../src/domain/types'
import { FIXTURES, loadFiles, readFolder } from '../helpers/snapshot'
import path from 'node:path'

/**
 * The mini snapshot with two groups at conf-b, each of two members: 清华 (材料学院, and a new
 * 计算机系 that shares an outcome with it) and 中科院 (盐湖所 with two outcomes, and a new
 * institute that only attends). Counted by id, each group has two outcomes; counted naively,
 * 清华 would have three.
 */
async function twoGroups(): Promise<Dataset> {
  const files = readFolder(path.join(FIXTURES, 'mini'))
  files['organizations.csv'] +=
    'tsinghua-cs,清华大学计算机系,"Computer Science, Tsinghua",,university,,tsinghua\n' +
    'cas-ict,中国科学院计算技术研究所,Institute of Computing Technology,计算所,institute,beijing,cas\n'
  files['event_orgs.csv'] += 'conf-b,cas-ict,participant,src-b,计算所参会\n'
  files['outcomes.csv'] +=
    'ob-joint,conf-b,project,signed,联合攻关,Joint project,tsinghua-mse|tsinghua-cs|tsinghua-mse,,,,,src-b,联合攻关\n' +
    'ob-c1,conf-b,project,signed,盐湖项目一,Salt lake project 1,cas-isl|wsk,,,,,src-b,盐湖项目一\n' +
    'ob-c2,conf-b,project,signed,盐湖项目二,Salt lake project 2,cas-isl|wsk,,,,,src-b,盐湖项目二\n'
  const r = await loadFiles(files)
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'))
  return r.dataset
}

describe('outcomes counted once, by id', () => {
  it('lists an outcome naming an organisation twice twice in its participation', async () => {
    const d = await twoGroups()
    const mse = partnerParticipations(d, new Set(['conf-b'])).find((p) => p.org === 'tsinghua-mse')
    expect(mse!.outcomes.map((o) => o.id)).toEqual(['ob-project', 'ob-joint', 'ob-joint'])
  })

  it('ranks by outcomes counted once, however often a party is named', async () => {
    const d = await twoGroups()
    const mse = selectRanking(d, {}, { limit: 10 }).items.find((i) => i.org === 'tsinghua-mse')
    expect(mse!.outcomes).toBe(2)
    expect(mse!.outcomeTitles.map((t) => t.en)).toEqual([
      'Silicon nitride substrate sintering',
      'Joint project',
    ])
  })

  it('gives a Sankey node to the group with more outcomes, an outcome shared by two members counting once', async () => {
    const d = await twoGroups()
    // Two participations each; two outcomes each, so the tie goes to the id: cas before tsinghua.
    const one = selectSankey(d, {}, { top: 1 })
    const orgNodes = one.nodes.filter((n) => n.layer === 0).map((n) => n.id)
    expect(orgNodes).toEqual(['org:cas', 'org:_other'])
    // Without grouping each takes part once, and 材料学院's outcomes, counted once, tie with
    // 盐湖所's: the id decides again.
    const alone = selectSankey(d, {}, { top: 1, groupByParent: false })
    expect(alone.nodes.filter((n) => n.layer === 0).map((n) => n.id)).toEqual([
      'org:cas-isl',
      'org:_other',
    ])
  })
})
