import { spawn } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fsReader } from '../../scripts/lib/snapshot'
import { loadSnapshot, type LoadResult } from '../../src/data/loadSnapshot'
import { formatProblem, type Problem } from '../../src/domain/problems'
import {
  BAD_CASES,
  BAD_DIR,
  describeExpected,
  expectedLine,
  materialise,
  matchesProblem,
  removeMaterialised,
  type BadCase,
} from '../helpers/badCorpus'
import { DATA_DIR } from '../helpers/snapshot'

const ROOT = path.resolve(__dirname, '../..')

// Two CLI processes at a time: the cases run side by side, on a machine others share.
let running = 0
const waiting: (() => void)[] = []
async function limited<T>(task: () => Promise<T>): Promise<T> {
  // A finished task hands its slot to the next one waiting.
  if (running >= 2) await new Promise<void>((go) => waiting.push(go))
  else running++
  try {
    return await task()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** `npm run data:check -- <dir>`, without npm: the same script through tsx. */
function dataCheck(dir: string): Promise<{ code: number | null; out: string; err: string }> {
  return limited(() => spawnCheck(dir))
}

function spawnCheck(dir: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/data-check.ts', dir],
      { cwd: ROOT },
    )
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out, err }))
  })
}

/** Loads a folder as the CLI and the browser do, noting which files were read. */
async function load(dir: string): Promise<{ result: LoadResult; read: string[] }> {
  const read: string[] = []
  const reader = fsReader(dir)
  const result = await loadSnapshot((name) => {
    read.push(name)
    return reader(name)
  })
  return { result, read }
}

const listing = (problems: readonly Problem[]) => problems.map(formatProblem).join('\n')
const errorsOf = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error')
const lines = (out: string) => out.split('\n').filter((l) => l !== '')

let curated: LoadResult
beforeAll(async () => {
  curated = (await load(DATA_DIR)).result
  expect(curated.ok, listing(curated.problems)).toBe(true)
})

const bad = BAD_CASES.filter((c) => c.severity === 'error')
const ok = BAD_CASES.filter((c) => c.severity === 'ok')

describe('the corpus', () => {
  it('has at least 20 broken snapshots and the inputs that must load', () => {
    expect(bad.length).toBeGreaterThanOrEqual(20)
    expect(ok.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'ok-bom',
        'ok-crlf-mixed',
        'ok-trailing-blank-lines',
        'ok-extra-column',
      ]),
    )
  })

  it('keeps its bytes as committed and commits nothing large', () => {
    const attributes = readFileSync(path.join(BAD_DIR, '.gitattributes'), 'utf8')
    expect(attributes).toMatch(/^\* -text$/m)
    for (const c of BAD_CASES) {
      for (const f of c.overlay) expect(statSync(path.join(c.dir, f)).size).toBeLessThan(1 << 20)
    }
    expect(readFileSync(path.join(BAD_DIR, 'ok-crlf-mixed/sectors.csv'), 'latin1')).toMatch(
      /\r\n[^\r]*[^\r]\n/,
    )
    expect(readFileSync(path.join(BAD_DIR, 'ok-bom/sectors.csv')).subarray(0, 3)).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    )
  })
})

/**
 * Each problem a case expects must be reported, and (unless the case says otherwise) nothing
 * else may be reported as an error: a precise message, not a cascade.
 */
function checkProblems(c: BadCase, problems: readonly Problem[]) {
  for (const e of c.expect) {
    expect(
      problems.some((p) => matchesProblem(e, p)),
      `expected ${describeExpected(e)}\ngot:\n${listing(problems)}`,
    ).toBe(true)
  }
  if (!c.exhaustive) return
  const unexpected = (c.severity === 'ok' ? problems : errorsOf(problems)).filter(
    (p) => !c.expect.some((e) => matchesProblem(e, p)),
  )
  expect(listing(unexpected), 'problems the case does not expect').toBe('')
}

function checkCliLines(c: BadCase, out: string) {
  const printed = lines(out)
  for (const e of c.expect) {
    const re = expectedLine(e)
    expect(
      printed.some((l) => re.test(l)),
      `expected a line like ${describeExpected(e)}\ngot:\n${out}`,
    ).toBe(true)
  }
  if (!c.exhaustive) return
  const unexpected = printed.filter(
    (l) =>
      (c.severity === 'ok' || !l.endsWith(' [warning]')) &&
      !c.expect.some((e) => expectedLine(e).test(l)),
  )
  expect(unexpected, 'lines the case does not expect').toEqual([])
}

// The CLI runs in a child process per case; running them side by side keeps the file quick.
describe.concurrent('a broken snapshot is refused with a precise message', () => {
  it.each(bad.map((c) => [c.name, c] as const))(
    '%s',
    async (_, c) => {
      const dir = await materialise(c)
      try {
        const [cli, { result, read }] = await Promise.all([dataCheck(dir), load(dir)])

        expect(result.ok, listing(result.problems)).toBe(false)
        checkProblems(c, result.problems)

        expect(cli.code, cli.out + cli.err).toBe(1)
        checkCliLines(c, cli.out)
        expect(lines(cli.out)).toEqual(result.problems.map(formatProblem))
        expect(cli.err).toMatch(/\d+ error\(s\)/)

        if (c.generate) {
          // Refused on the size the manifest gives, before anything is read or decoded.
          expect(read).not.toContain(c.generate.file)
          expect(statSync(path.join(dir, c.generate.file)).size).toBeGreaterThanOrEqual(
            c.generate.bytes,
          )
        }
      } finally {
        await removeMaterialised(dir)
      }
    },
    120_000,
  )
})

describe.concurrent('an awkward but valid snapshot loads', () => {
  it.each(ok.map((c) => [c.name, c] as const))(
    '%s',
    async (_, c) => {
      const dir = await materialise(c)
      try {
        const [cli, { result }] = await Promise.all([dataCheck(dir), load(dir)])

        expect(result.ok, listing(result.problems)).toBe(true)
        checkProblems(c, result.problems)
        // Same data as the curated snapshot: no BOM, \r or padding left in any value.
        expect({ ...result.dataset!, snapshot: null }).toEqual({
          ...curated.dataset!,
          snapshot: null,
        })

        expect(cli.code, cli.out + cli.err).toBe(0)
        checkCliLines(c, cli.out)
        expect(cli.err).toMatch(/valid — /)
      } finally {
        await removeMaterialised(dir)
      }
    },
    120_000,
  )
})
