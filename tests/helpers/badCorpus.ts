/**
 * The bad-input corpus: tests/fixtures/bad/<case>/, one folder per broken (or awkward but
 * valid) snapshot, each described by its case.json. A folder holds only what differs from the
 * curated snapshot in data/, so the corpus follows the curated data as it grows.
 *
 * Stable API, used by the unit tests (CLI and loader) and the browser tests:
 *
 *   BAD_CASES            every case, sorted by folder name
 *   materialise(c)       a fresh temp folder holding the case's snapshot, ready to serve or check
 *   removeMaterialised   deletes such a folder
 *   matchesProblem(e, p) whether a loader Problem (file, row, field, value, message, severity)
 *                        is the one an expectation describes
 *   expectedLine(e)      the same for a line printed by `npm run data:check`, as a RegExp
 *   describeExpected(e)  an expectation as text, for failure messages
 *
 * case.json (all data, no code):
 *
 *   {
 *     "description": "what a curator did, in words",
 *     "severity": "error" | "ok",        error: must be refused (exit 1); ok: must load (exit 0)
 *     "manifest": "regenerate" | "keep" | "overlay",   default "regenerate":
 *                    regenerate — rewritten as `npm run data:manifest` would, after the changes
 *                    keep       — data/manifest.json as it is (so changed files no longer match)
 *                    overlay    — the case folder's own manifest.json
 *     "manifestSet": { "tables.figures.file": "figures.json", "tables.events": null },
 *                    dot paths set in manifest.json after the above; null deletes the key
 *     "remove": ["sectors.csv"],          files deleted from the copy of data/
 *     "edit": [{ "file": "events.csv", "from": ",2024-07-17,", "to": ",2024/7/17," },
 *              { "file": "sectors.csv", "append": "aviation,航空,Aviation\n" }],
 *                    text edits of a curated file (UTF-8): `from` must occur, its first
 *                    occurrence is replaced; for changes of one cell in a large file
 *     "generate": { "file": "outcomes.csv", "bytes": 52428800 },
 *                    the curated file followed by copies of its first data row (fresh ids)
 *                    until it has at least `bytes` bytes; written at test time, never committed
 *     "expect": [{ "file": "events.csv", "row": 6, "field": "start", "value": "2024/7/17",
 *                  "message": "Excel or WPS rewrote", "severity": "error" }],
 *                    problems that must be reported. row, field, value: omitted = any;
 *                    row 0 and field "" mean the file (or row) as a whole; message: a
 *                    substring of the message; severity defaults to "error"
 *     "exhaustive": true    default true: no error beyond those expected may be reported
 *   }
 *
 * Every other file in the folder is copied over the curated one byte for byte (GBK, BOM, CRLF
 * are real bytes; tests/fixtures/bad/.gitattributes keeps git from rewriting them).
 */
import { once } from 'node:events'
import { cpSync, createWriteStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { copyFile, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as v from 'valibot'
import { writeManifest } from '../../scripts/lib/snapshot'
import { MANIFEST_FILE } from '../../src/data/loadSnapshot'
import { formatProblem, type Problem } from '../../src/domain/problems'
import { DATA_DIR, FIXTURES } from './snapshot'

export const BAD_DIR = path.join(FIXTURES, 'bad')
export const CASE_FILE = 'case.json'

const ExpectedSchema = v.strictObject({
  file: v.string(),
  row: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  field: v.optional(v.string()),
  value: v.optional(v.string()),
  message: v.pipe(v.string(), v.minLength(1)),
  severity: v.optional(v.picklist(['error', 'warning'])),
})

const EditSchema = v.union([
  v.strictObject({ file: v.string(), from: v.pipe(v.string(), v.minLength(1)), to: v.string() }),
  v.strictObject({ file: v.string(), append: v.string() }),
])

const CaseSchema = v.strictObject({
  description: v.pipe(v.string(), v.minLength(1)),
  severity: v.picklist(['error', 'ok']),
  manifest: v.optional(v.picklist(['regenerate', 'keep', 'overlay']), 'regenerate'),
  manifestSet: v.optional(v.record(v.string(), v.unknown())),
  remove: v.optional(v.array(v.string()), []),
  edit: v.optional(v.array(EditSchema), []),
  generate: v.optional(
    v.strictObject({ file: v.string(), bytes: v.pipe(v.number(), v.integer(), v.minValue(1)) }),
  ),
  expect: v.array(ExpectedSchema),
  exhaustive: v.optional(v.boolean(), true),
})

export type ExpectedProblem = v.InferOutput<typeof ExpectedSchema>
export type CaseEdit = v.InferOutput<typeof EditSchema>

export interface BadCase extends v.InferOutput<typeof CaseSchema> {
  /** The folder name, e.g. `18-excel-date-slash`; also the test's name. */
  name: string
  /** Absolute path of the case folder. */
  dir: string
  /** Files of the folder copied over the curated snapshot (everything but case.json). */
  overlay: string[]
}

function readCase(name: string): BadCase {
  const dir = path.join(BAD_DIR, name)
  const file = path.join(dir, CASE_FILE)
  const parsed = v.safeParse(CaseSchema, JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    const issues = parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`)
    throw new Error(`${file}: ${issues.join('; ')}`)
  }
  const overlay = readdirSync(dir)
    .filter((f) => f !== CASE_FILE)
    .sort()
  const c: BadCase = { ...parsed.output, name, dir, overlay }
  if ((c.manifest === 'overlay') !== overlay.includes(MANIFEST_FILE)) {
    throw new Error(`${file}: "manifest": "overlay" goes with a manifest.json in the folder`)
  }
  if (c.severity === 'error' && !c.expect.some((e) => (e.severity ?? 'error') === 'error')) {
    throw new Error(`${file}: a bad case must expect at least one error`)
  }
  return c
}

export const BAD_CASES: readonly BadCase[] = readdirSync(BAD_DIR)
  .filter((name) => statSync(path.join(BAD_DIR, name)).isDirectory())
  .sort()
  .map(readCase)

/**
 * Copies data/ to a fresh temp folder and turns it into the case's snapshot: removals, overlay
 * files, edits, generated files, then manifest.json (rewritten with the code of
 * `npm run data:manifest`, dated like the curated one, unless the case keeps or brings its own).
 * The caller deletes the folder (removeMaterialised).
 */
export async function materialise(c: BadCase): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `bad-${c.name}-`))
  try {
    cpSync(DATA_DIR, dir, { recursive: true })
    for (const name of c.remove) await unlink(path.join(dir, name))
    for (const name of c.overlay) await copyFile(path.join(c.dir, name), path.join(dir, name))
    for (const e of c.edit) await applyEdit(dir, e, c)
    if (c.generate) await generate(dir, c.generate.file, c.generate.bytes)
    if (c.manifest === 'regenerate') {
      const curated = JSON.parse(readFileSync(path.join(DATA_DIR, MANIFEST_FILE), 'utf8')) as {
        snapshot: { date: string }
      }
      await writeManifest(dir, curated.snapshot.date)
    }
    if (c.manifestSet) await setInManifest(dir, c.manifestSet)
    return dir
  } catch (e) {
    await removeMaterialised(dir)
    throw e
  }
}

export async function removeMaterialised(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

async function applyEdit(dir: string, e: CaseEdit, c: BadCase): Promise<void> {
  const file = path.join(dir, e.file)
  const text = await readFile(file, 'utf8')
  if ('append' in e) return writeFile(file, text + e.append)
  const at = text.indexOf(e.from)
  if (at < 0) {
    throw new Error(
      `${c.name}: ${e.file} no longer contains ${JSON.stringify(e.from)}; update ${CASE_FILE}`,
    )
  }
  await writeFile(file, text.slice(0, at) + e.to + text.slice(at + e.from.length))
}

/**
 * Streams the curated file followed by copies of its first data row, each with a fresh id,
 * until the file has `bytes` bytes: a valid table, only too big, written without holding it in
 * memory.
 */
async function generate(dir: string, name: string, bytes: number): Promise<void> {
  const file = path.join(dir, name)
  const curated = await readFile(file, 'utf8')
  const template = curated.split('\n')[1]
  if (!template) throw new Error(`${name}: no data row to copy`)
  const rest = template.slice(template.indexOf(','))
  const out = createWriteStream(file, { flags: 'a' })
  let written = Buffer.byteLength(curated)
  if (!curated.endsWith('\n')) written += Buffer.byteLength('\n')
  if (!curated.endsWith('\n')) out.write('\n')
  for (let n = 0; written < bytes;) {
    let chunk = ''
    for (let k = 0; k < 2000; k++, n++) chunk += `generated-${n}${rest}\n`
    written += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

async function setInManifest(dir: string, set: Record<string, unknown>): Promise<void> {
  const file = path.join(dir, MANIFEST_FILE)
  if (!existsSync(file)) throw new Error('manifestSet needs a manifest.json')
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  for (const [dotPath, value] of Object.entries(set)) {
    const keys = dotPath.split('.')
    const last = keys.pop()!
    let node = manifest
    for (const k of keys) node = node[k] as Record<string, unknown>
    if (value === null) delete node[last]
    else node[last] = value
  }
  await writeFile(file, JSON.stringify(manifest, null, 2) + '\n')
}

/** Whether a problem reported by the loader is the one the expectation describes. */
export function matchesProblem(e: ExpectedProblem, p: Problem): boolean {
  return (
    p.file === e.file &&
    (e.row === undefined || p.row === e.row) &&
    (e.field === undefined || p.field === e.field) &&
    (e.value === undefined || p.value === e.value) &&
    p.message.includes(e.message) &&
    p.severity === (e.severity ?? 'error')
  )
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** A line of `npm run data:check` output (formatProblem) that the expectation describes. */
export function expectedLine(e: ExpectedProblem): RegExp {
  const row = e.row === undefined ? '(?::\\d+)?' : e.row > 0 ? `:${e.row}` : ''
  const field = e.field === undefined ? '(?: [^ ]+:)?' : e.field === '' ? '' : ` ${esc(e.field)}:`
  const value = e.value === undefined ? '' : `.* \\(got ${esc(JSON.stringify(e.value))}\\)`
  const tag = (e.severity ?? 'error') === 'warning' ? ' \\[warning\\]' : '(?<! \\[warning\\])'
  return new RegExp(`^${esc(e.file)}${row}:${field} .*${esc(e.message)}.*${value}${tag}$`)
}

export function describeExpected(e: ExpectedProblem): string {
  return formatProblem({
    file: e.file,
    row: e.row ?? 0,
    field: e.field ?? '',
    value: e.value ?? '',
    message: `…${e.message}…`,
    severity: e.severity ?? 'error',
  })
}
