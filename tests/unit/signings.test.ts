import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { selectSignings } from '../../src/domain/signings'
import { DATA_DIR, FIXTURES, loadFiles, readFolder } from '../helpers/snapshot'

async function mini(extra = '') {
  const files = readFolder(path.join(FIXTURES, 'mini'))
  files['outcomes.csv'] += extra
  const r = await loadFiles(files)
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'))
  return r.dataset
}

describe('selectSignings', () => {
  it('lists the latest first, then by id, whatever order the file has', async () => {
    // Added last, listed first of its day: ids decide within a date, not the file.
    const d = await mini(
      'oa-aaa,conf-a,project,signed,甲项目,Project A,csu,,,,,src-a,甲项目\n' +
        'ob-zzz,conf-b,project,signed,乙项目,Project B,wsk,,,,,src-b,乙项目\n',
    )
    expect(selectSignings(d).map((r) => [r.date, r.id])).toEqual([
      ['2024-11-19', 'oa-aaa'],
      ['2024-11-19', 'oa-demand'],
      ['2024-11-19', 'oa-lab'],
      ['2024-07', 'ob-project'],
      ['2024-07', 'ob-zzz'],
    ])
  })

  it('keeps that order under filters, and names parties by their short names', async () => {
    const d = await mini()
    const rows = selectSignings(d, { event: 'conf-a' })
    expect(rows.map((r) => r.id)).toEqual(['oa-demand', 'oa-lab'])
    expect(rows[1]!.parties).toEqual([
      { zh: '中南', en: 'Central South University' },
      { zh: '三一', en: 'SANY Group' },
    ])
    expect(rows[1]!.publisher).toEqual({ zh: '某学会', en: '某学会' })
    expect(selectSignings(d, { province: '青海' })).toEqual([])
  })

  it('credits the original publisher, by the English name sources.csv gives', async () => {
    const files = readFolder(path.join(FIXTURES, 'mini'))
    files['sources.csv'] = files['sources.csv']!.replace(/^(id,.*)$/m, '$1,publisher_en')
      .replace(/^(src-a,.*)$/m, '$1,A Society')
      .replace(/^(src-b,.*)$/m, '$1,')
    const r = await loadFiles(files)
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'))
    const rows = selectSignings(r.dataset, {})
    expect(rows.find((x) => x.id === 'oa-lab')!.publisher).toEqual({
      zh: '某学会',
      en: 'A Society',
    })
    expect(rows.find((x) => x.event === 'conf-b')!.publisher).toEqual({
      zh: '某日报',
      en: '某日报',
    })
  })

  it('gives the first rows only when asked for a few, as the whole list begins', async () => {
    const r = await loadFiles(readFolder(DATA_DIR))
    if (!r.ok) throw new Error('snapshot does not load')
    for (const f of [{}, { province: '湖南' }, { outcomeKind: 'joint_lab' as const }]) {
      const all = selectSignings(r.dataset, f)
      for (const limit of [0, 1, 5, all.length, all.length + 3])
        expect(selectSignings(r.dataset, f, { limit })).toEqual(all.slice(0, limit))
    }
  })
})
