// npm run data:manifest [-- <dir>] [--date YYYY-MM-DD]: rewrites manifest.json after an edit.
import { readFile, writeFile, access } from 'node:fs/promises'
import path from 'node:path'
import { TABLE_NAMES } from '../src/domain/tables'
import { SCHEMA_VERSION, entryFor, hashBytes, type Manifest } from '../src/data/manifest'
import { MANIFEST_FILE } from '../src/data/loadSnapshot'
import { dataDirFromArgs } from './lib/snapshot'

const dir = dataDirFromArgs(process.argv.filter((a, i, all) => all[i - 1] !== '--date'))
const dateArg = process.argv[process.argv.indexOf('--date') + 1]
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const date = process.argv.includes('--date') && dateArg ? dateArg : today

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  )
}

/** Keeps the file each table had; otherwise finds <table>.csv or <table>.json. */
async function fileOf(table: string, previous: Manifest | null): Promise<string> {
  const known = previous?.tables[table as keyof Manifest['tables']]?.file
  if (known && (await exists(path.join(dir, known)))) return known
  for (const ext of ['csv', 'json']) {
    if (await exists(path.join(dir, `${table}.${ext}`))) return `${table}.${ext}`
  }
  throw new Error(`${dir}: no ${table}.csv or ${table}.json`)
}

const previous = await readFile(path.join(dir, MANIFEST_FILE), 'utf8')
  .then((t) => JSON.parse(t) as Manifest)
  .catch(() => null)
const tables: Record<string, ReturnType<typeof entryFor>> = {}
for (const table of TABLE_NAMES) {
  const file = await fileOf(table, previous)
  tables[table] = entryFor(file, new Uint8Array(await readFile(path.join(dir, file))))
}
const digest = hashBytes(new TextEncoder().encode(JSON.stringify(tables))).slice(0, 8)
const manifest = {
  schema: SCHEMA_VERSION,
  snapshot: { version: `${date}-${digest}`, date },
  tables,
}
await writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n')
console.log(`${path.join(dir, MANIFEST_FILE)}: snapshot ${manifest.snapshot.version}`)
