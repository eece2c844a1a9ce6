import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateSynthetic, toCsv } from '../../scripts/bench/synthetic'
import { loadSnapshot, MANIFEST_FILE } from '../../src/data/loadSnapshot'
import { manifestBytes, manifestFor } from '../../src/data/manifestWrite'
import { parseTable } from '../../src/data/parseTable'
import { parseAmount } from '../../src/domain/amount'
import { cleanOutcomes, type OutcomeLookups } from '../../src/domain/cleanOutcomes'
import { formatProblem, ProblemList } from '../../src/domain/problems'
import { idsOf } from '../../src/domain/rows'
import { TABLE_NAMES, type TableName } from '../../src/domain/tables'
import { FIXTURES, edit, loadFiles, readFolder } from '../helpers/snapshot'

const mini = () => readFolder(path.join(FIXTURES, 'mini'))

/** A small synthetic snapshot (no quote in its outcomes.csv), its outcomes in file order. */
function synthetic(): Record<string, string> {
  const tables = generateSynthetic(300, 11)
  return Object.fromEntries(TABLE_NAMES.map((t) => [`${t}.csv`, toCsv(t, tables[t])]))
}

/** The outcomes' first header cell in quotes: Papa Parse, then the full path, read the file. */
function fullPath(files: Record<string, string>): Record<string, string> {
  return { ...files, 'outcomes.csv': `"id"${files['outcomes.csv']!.slice(2)}` }
}

/** cleanOutcomes on a snapshot's outcomes.csv, with what the build would give it to look up. */
function clean(files: Record<string, string>) {
  const read = (t: TableName) => parseTable(t, `${t}.csv`, files[`${t}.csv`]!, new ProblemList())!
  const declared = (t: TableName) => new Map(idsOf(read(t)).map((id) => [id, id]))
  const lookups: OutcomeLookups = {
    eventIds: declared('events'),
    sectorIds: declared('sectors'),
    sourceIds: declared('sources'),
    figureIds: declared('figures'),
    orgIds: declared('organizations'),
    amount: (value, unit) => parseAmount(value, unit),
    valueUnit: {
      contract: 'yuan',
      investment: 'yuan',
      demand: 'yuan',
      donation: 'yuan',
      area: 'm2',
    },
  }
  return cleanOutcomes(read('outcomes'), lookups)
}

/** loadSnapshot with `partial`, as the Data view loads dropped files. */
function loadPartial(files: Record<string, string>) {
  const bytes = new Map<string, Uint8Array>(
    Object.entries(files).map(([k, v]) => [k, new TextEncoder().encode(v)]),
  )
  const manifest = manifestFor(
    Object.fromEntries(
      TABLE_NAMES.map((t) => [t, { file: `${t}.csv`, bytes: bytes.get(`${t}.csv`)! }]),
    ) as Parameters<typeof manifestFor>[0],
    '2024-12-01',
  )
  bytes.set(MANIFEST_FILE, manifestBytes(manifest))
  return loadSnapshot(async (name) => bytes.get(name) ?? null, { partial: true })
}

async function bothWays(files: Record<string, string>, opts: { partial?: boolean } = {}) {
  const load = opts.partial ? loadPartial : loadFiles
  const short = await load(files)
  const full = await load(fullPath(files))
  return { short, full }
}

describe('outcomes.csv read the short way (cleanOutcomes)', () => {
  it('is taken for a clean file, and gives what the full path gives', async () => {
    for (const files of [mini(), synthetic()]) {
      expect(clean(files)).not.toBeNull()
      expect(clean(fullPath(files))).toBeNull()
      const { short, full } = await bothWays(files)
      expect(short.ok).toBe(true)
      expect(short.problems).toEqual(full.problems)
      expect(short.dataset).toEqual(full.dataset)
      expect(Object.isFrozen(short.dataset!.outcomes[0]!.title)).toBe(true)
      expect(Object.isFrozen(short.dataset!.outcomes[0]!.parties)).toBe(true)
    }
  })

  it('tells repeated ids apart when the ids are not in order', async () => {
    const files = synthetic()
    const [header, ...rows] = files['outcomes.csv']!.trimEnd().split('\n')
    const shuffled = [rows[5]!, ...rows.slice(0, 5), ...rows.slice(6)]
    const unordered = { ...files, 'outcomes.csv': [header, ...shuffled].join('\n') + '\n' }
    expect(clean(unordered)?.outcomes.map((o) => o.id)).toEqual(
      shuffled.map((r) => r.split(',')[0]),
    )
    const repeated = [header, ...shuffled, shuffled[2]!].join('\n') + '\n'
    expect(clean({ ...files, 'outcomes.csv': repeated })).toBeNull()
  })

  it('trims a title or quote as the schema does', async () => {
    const files = edit(
      mini(),
      'outcomes.csv',
      ',三一技术攻关需求清单,',
      ',\u3000三一技术攻关需求清单 ,',
    )
    expect(clean(files)).not.toBeNull()
    const { short, full } = await bothWays(files)
    expect(short.dataset?.outcomes[0]?.title.zh).toBe('三一技术攻关需求清单')
    expect(short.dataset).toEqual(full.dataset)
  })

  // Each a row the full path refuses: the short way gives up, and the full path then reports
  // the row exactly as it does for a file it reads from the start.
  it.each([
    ['a repeated id', 'oa-lab,conf-a,joint_lab', 'oa-demand,conf-a,joint_lab'],
    ['a repeated id, the ids in order', 'ob-project,conf-b', 'oa-lab,conf-b'],
    ['an id in capitals', 'oa-lab,conf-a', 'OA-lab,conf-a'],
    ['an unknown event', 'oa-lab,conf-a', 'oa-lab,conf-x'],
    ['an event with a space', 'oa-lab,conf-a', 'oa-lab,conf-a '],
    ['an unknown kind', ',joint_lab,launched,', ',lab,launched,'],
    ['an unknown status', ',joint_lab,launched,', ',joint_lab,opened,'],
    ['an empty title', ',三一技术攻关需求清单,', ', ,'],
    ['an empty quote', ',src-a,8480万元', ',src-a, '],
    ['an unknown party', ',csu|sany,', ',csu|sanyi,'],
    ['an empty party', ',csu|sany,', ',csu||sany,'],
    ['a list ending in |', ',csu|sany,', ',csu|,'],
    ['parties with spaces', ',csu|sany,', ',csu | sany,'],
    ['a value without a metric', ',8480万元,demand,', ',8480万元,,'],
    ['a metric without a value', ',8480万元,demand,', ',,demand,'],
    ['an unknown metric', ',8480万元,demand,', ',8480万元,demands,'],
    ['a value that is not an amount', ',8480万元,demand,', ',80-90万元,demand,'],
    ['an area where money is expected', ',8480万元,demand,', ',8480平方米,demand,'],
    ['an unknown sector', ',new-materials,fa-labs,', ',materials,fa-labs,'],
    ['an unknown figure', ',new-materials,fa-labs,', ',new-materials,fa-lab,'],
    ['an unknown source', ',fb-signed,src-b,', ',fb-signed,src-c,'],
  ])('gives up on %s, which the full path reports', async (_, from, to) => {
    const files = edit(mini(), 'outcomes.csv', from, to)
    expect(clean(files)).toBeNull()
    const { short, full } = await bothWays(files)
    expect(short.ok).toBe(false)
    expect(short.problems.map(formatProblem)).toEqual(full.problems.map(formatProblem))
    const own = short.problems.filter((p) => p.file === 'outcomes.csv')
    expect(own.length).toBeGreaterThan(0)
    for (const p of own) expect(p.row).toBeGreaterThan(1)
  })

  it('refuses an id another file declares but the schema does not take (a partial load)', async () => {
    let files = edit(mini(), 'events.csv', 'conf-b,', 'Conf-B,')
    files = edit(files, 'outcomes.csv', 'ob-project,conf-b,', 'ob-project,Conf-B,')
    expect(clean(files)).toBeNull()
    const { short, full } = await bothWays(files, { partial: true })
    expect(short.problems.map(formatProblem)).toEqual(full.problems.map(formatProblem))
    expect(short.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/^outcomes\.csv:4: event: has capital letters/),
    )
    // The manifest's version differs with the files' digests; the rest does not.
    expect({ ...short.dataset!, snapshot: null }).toEqual({ ...full.dataset!, snapshot: null })
  })

  it('gives up on a file without a column, which then reads as empty', async () => {
    const files = mini()
    const lines = files['outcomes.csv']!.trimEnd().split('\n')
    const noTitleEn =
      lines
        .map((l) =>
          l
            .split(',')
            .filter((_, k) => k !== 5)
            .join(','),
        )
        .join('\n') + '\n'
    const edited = { ...files, 'outcomes.csv': noTitleEn }
    expect(clean(edited)).toBeNull()
    const { short, full } = await bothWays(edited)
    expect(short.ok).toBe(true)
    expect(short.dataset).toEqual(full.dataset)
  })
})
