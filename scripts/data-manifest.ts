// npm run data:manifest [-- <dir>] [--date YYYY-MM-DD]: rewrites manifest.json after an edit.
import path from 'node:path'
import { MANIFEST_FILE } from '../src/data/loadSnapshot'
import { dataDirFromArgs, writeManifest } from './lib/snapshot'

const dir = dataDirFromArgs(process.argv.filter((a, i, all) => all[i - 1] !== '--date'))
const dateArg = process.argv[process.argv.indexOf('--date') + 1]
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
const date = process.argv.includes('--date') && dateArg ? dateArg : today

const manifest = await writeManifest(dir, date)
console.log(`${path.join(dir, MANIFEST_FILE)}: snapshot ${manifest.snapshot.version}`)
