// npm run data:figures [-- <dir>]: the audit trail, every figure and valued outcome, as CSV.
import { auditCsv } from '../src/domain/audit'
import { formatProblem } from '../src/domain/problems'
import { dataDirFromArgs, loadSnapshotDir } from './lib/snapshot'

const result = await loadSnapshotDir(dataDirFromArgs(process.argv))
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem(p))
  process.exitCode = 1
} else {
  process.stdout.write(auditCsv(result.dataset))
}
