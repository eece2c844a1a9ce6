import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { formatReport, verdicts } from '../../scripts/bench/report'
import { FIGURE_KEYS, runBench } from '../../scripts/bench/run'

// A smoke of npm run bench so it cannot rot: the bench's own code (builds of the full-ECharts
// app and the bare page, synthetic data, every browser measurement) on 1k outcomes, one load
// each, a few carousel steps. Nothing is timed against a budget here: the full bench is run by
// hand on a quiet machine.
describe('npm run bench (smoke: 1k outcomes, one load)', () => {
  it('measures every figure of issue 7 as a finite number', async () => {
    const workDir = await mkdtemp(path.join(tmpdir(), 'bench-smoke-'))
    try {
      const result = await runBench({
        workDir,
        appDir: inject('distDir'),
        runs: 1,
        synRuns: 1,
        sizes: { '1k': 1000, '10k': 1000, '100k': 1000 },
        cycles: 10,
        extras: false,
        timeoutMs: 60_000,
        bigTimeoutMs: 60_000,
        log: () => undefined,
      })
      const { figures, details } = result
      expect(Object.keys(figures).sort()).toEqual([...FIGURE_KEYS].sort())
      for (const key of FIGURE_KEYS) {
        expect(Number.isFinite(figures[key]), `${key}: ${details.notes.join('; ')}`).toBe(true)
      }
      expect(details.initialJs.length).toBeGreaterThan(0)
      expect(verdicts(figures)).toHaveLength(9)
      expect(formatReport(result, FIGURE_KEYS)).toContain('initial_js_gzip_kb')
    } finally {
      await rm(workDir, { recursive: true, force: true })
    }
  }, 400_000)
})
