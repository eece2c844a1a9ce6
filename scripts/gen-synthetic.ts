// npm run data:synthetic [-- <outcomes> [<dir>] [--seed N]]: writes a synthetic snapshot (for the
// bench) of N itemised outcomes (default 1k; 10k, 100k …) to <dir>, by default
// node_modules/.bench/synthetic/<N>: outside data/ and dist/, never shipped. Ids start with
// syn-, names with 合成, and every row is made up: it is for measuring, not for showing.
import path from 'node:path'
import { parseCount, SYNTHETIC_ROOT, writeSynthetic } from './bench/synthetic'

const args = process.argv.slice(2)
const seedAt = args.indexOf('--seed')
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 7
const positional = args.filter((a, i) => !a.startsWith('--') && (seedAt < 0 || i !== seedAt + 1))
const label = positional[0] ?? '1k'
const outcomes = parseCount(label)
const dir = path.resolve(positional[1] ?? path.join(SYNTHETIC_ROOT, label))
if (!Number.isInteger(seed)) throw new Error('--seed expects a whole number')

const tables = await writeSynthetic(dir, outcomes, seed)
console.error(
  `${dir}: synthetic snapshot, ${tables.outcomes.length} outcomes, ${tables.events.length} events, ` +
    `${tables.organizations.length} organizations, ${tables.figures.length} figures (seed ${seed})`,
)
