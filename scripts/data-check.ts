// npm run data:check [-- <dir>]: validates a snapshot folder; exit 0 when valid, 1 otherwise.
import { formatProblem } from '../src/domain/problems'
import { dataDirFromArgs, loadSnapshotDir } from './lib/snapshot'

const dir = dataDirFromArgs(process.argv)
const result = await loadSnapshotDir(dir)
for (const p of result.problems) console.log(formatProblem(p))
const errors = result.problems.filter((p) => p.severity === 'error').length
const warnings = result.problems.length - errors
if (result.ok) {
  const d = result.dataset
  console.error(
    `${dir}: valid — ${d.events.length} events, ${d.organizations.length} organizations, ` +
      `${d.outcomes.length} outcomes, ${d.figures.length} figures` +
      (warnings ? `, ${warnings} warning(s)` : ''),
  )
} else {
  console.error(`${dir}: ${errors} error(s), ${warnings} warning(s)`)
}
process.exitCode = result.ok ? 0 : 1
