// npm run bench [-- --json] [--strict] [--runs N] [--syn-runs N] [--cycles N] [--reuse]
// [--sizes 1k=1000,10k=10000,100k=100000]: builds the app (and the same app with all of ECharts,
// and a bare map page), serves them, drives Debian's Chromium and prints issue 7's figures with
// each budget beside them. --json prints one JSON object with exactly those keys on stdout (the
// table goes to stderr); --strict exits 1 when a budget is missed. Progress goes to stderr.
// The full bench runs for several minutes: it is run by hand, not by npm test.
import { mkdir, writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import { CHROMIUM } from './lib/chromium'
import { formatReport, verdicts } from './bench/report'
import {
  DEFAULT_OPTIONS,
  FIGURE_KEYS,
  runBench,
  type BenchOptions,
  type SizeLabel,
} from './bench/run'
import { parseCount } from './bench/synthetic'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
function value(name: string): string | undefined {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
function count(name: string, fallback: number): number {
  const v = value(name)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} expects a whole number ≥ 1`)
  return n
}

const sizes = { ...DEFAULT_OPTIONS.sizes }
for (const pair of value('--sizes')?.split(',') ?? []) {
  const [label, n] = pair.split('=')
  if (!label || !(label in sizes) || !n) throw new Error(`--sizes: expected 1k=N,10k=N,100k=N`)
  sizes[label as SizeLabel] = parseCount(n)
}
const options: Partial<BenchOptions> = {
  runs: count('--runs', DEFAULT_OPTIONS.runs),
  synRuns: count('--syn-runs', DEFAULT_OPTIONS.synRuns),
  cycles: count('--cycles', DEFAULT_OPTIONS.cycles),
  sizes,
  reuse: flag('--reuse'),
}

const started = Date.now()
const result = await runBench(options)
const report = formatReport(result, FIGURE_KEYS)

function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim()
  } catch {
    return CHROMIUM
  }
}
const machine =
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
  `Node ${process.version}, ${chromiumVersion()}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`
const footer =
  `machine: ${machine}\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s; ` +
  `times are medians of ${options.runs} cold loads (${options.synRuns} for synthetic snapshots)`

await mkdir('bench-results', { recursive: true })
await writeFile(
  'bench-results/latest.json',
  JSON.stringify({ ...result, machine, options, at: new Date().toISOString() }, null, 2) + '\n',
)

if (flag('--json')) {
  console.error(`${report}\n${footer}`)
  console.log(JSON.stringify(result.figures))
} else {
  console.log(`${report}\n${footer}`)
}
const missed = verdicts(result.figures).filter((v) => v.pass === false).length
const unmeasured = FIGURE_KEYS.filter((k) => result.figures[k] === null)
if (flag('--strict') && (missed > 0 || unmeasured.length > 0)) {
  console.error(`${missed} budget(s) missed; not measured: ${unmeasured.join(', ') || 'none'}`)
  process.exitCode = 1
}
