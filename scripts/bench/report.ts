// The budgets of issue 7 and the table npm run bench prints.
import type { BenchResult, FigureKey, Figures } from './run'

export interface Budget {
  key: FigureKey
  text: string
  /** The limit, from the figures (some budgets are relative to another figure). */
  limit: (f: Figures) => number | null
}

export const BUDGETS: readonly Budget[] = [
  { key: 'initial_js_gzip_kb', text: '≤ 300', limit: () => 300 },
  {
    key: 'initial_js_gzip_kb',
    text: '≤ 0.77 × full_echarts_js_gzip_kb',
    limit: (f) => (f.full_echarts_js_gzip_kb === null ? null : 0.77 * f.full_echarts_js_gzip_kb),
  },
  {
    key: 'first_chart_ms',
    text: '≤ 1.5 × bare_map_ms',
    limit: (f) => (f.bare_map_ms === null ? null : 1.5 * f.bare_map_ms),
  },
  { key: 'all_panels_ms', text: '≤ 1500', limit: () => 1500 },
  {
    key: 'parse_validate_aggregate_ms_100k',
    text: '≤ 1500 (and in a Web Worker)',
    limit: () => 1500,
  },
  { key: 'longest_main_thread_task_ms_100k', text: '≤ 50', limit: () => 50 },
  { key: 'filter_redraw_ms_100k', text: '≤ 100', limit: () => 100 },
  { key: 'carousel_heap_growth_pct', text: '≤ 5', limit: () => 5 },
  {
    key: 'heap_after_load_mb',
    text: '≤ 2 × bare_map_heap_mb',
    limit: (f) => (f.bare_map_heap_mb === null ? null : 2 * f.bare_map_heap_mb),
  },
]

export interface Verdict {
  budget: Budget
  value: number | null
  limit: number | null
  pass: boolean | null
}

export function verdicts(f: Figures): Verdict[] {
  return BUDGETS.map((budget) => {
    const value = f[budget.key]
    const limit = budget.limit(f)
    const pass = value === null || limit === null ? null : value <= limit
    return { budget, value, limit, pass }
  })
}

/** What each figure is, in the table's words. */
const MEANING: Record<FigureKey, string> = {
  initial_js_gzip_kb: 'JS received before the first chart on / (gzip, kB)',
  total_js_gzip_kb: 'all JS of the build (gzip, kB)',
  full_echarts_js_gzip_kb: "all JS of the same app with `import * as echarts from 'echarts'`",
  bare_map_ms: 'bare page: navigation → map drawn (median)',
  first_chart_ms: '/: navigation → first chart drawn (median)',
  all_panels_ms: '/: navigation → every chart panel drawn (median)',
  heap_after_load_mb: '/: JS heap after GC, curated snapshot (MB)',
  bare_map_heap_mb: 'bare page: JS heap after GC (MB)',
  parse_validate_aggregate_ms_1k: '1k outcomes: load start → screen rendered with data',
  parse_validate_aggregate_ms_10k: '10k outcomes: same',
  parse_validate_aggregate_ms_100k: '100k outcomes: same',
  json_parse_ms_100k: 'floor: JSON.parse of the same rows (all tables)',
  heap_mb_100k: '/ with 100k outcomes: JS heap after GC (MB)',
  longest_main_thread_task_ms_100k: '100k: longest main-thread task, navigation → all drawn',
  filter_redraw_ms_100k: '#/explore, 100k: filter change → charts redrawn (median of 3)',
  carousel_heap_growth_pct: 'heap after GC, after vs before N carousel steps (%)',
}

function fmt(n: number | null): string {
  if (n === null) return 'n/a'
  return Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1)
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)))
  const line = (r: string[]) =>
    r.map((cell, c) => cell + ' '.repeat(widths[c]! - [...cell].length)).join('  ')
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)]
    .join('\n')
    .trimEnd()
}

/** The figures with each budget beside them, then where the cost is. */
export function formatReport(result: BenchResult, keys: readonly FigureKey[]): string {
  const { figures: f, details: d } = result
  const byKey = new Map<FigureKey, Verdict[]>()
  for (const v of verdicts(f)) byKey.set(v.budget.key, [...(byKey.get(v.budget.key) ?? []), v])
  const rows: string[][] = [['figure', 'value', 'budget', 'result', 'what']]
  for (const key of keys) {
    const vs = byKey.get(key) ?? []
    const budget = vs.map(
      (v) => `${v.budget.text}${v.limit === null ? '' : ` (${fmt(round1(v.limit))})`}`,
    )
    const result = vs.map((v) =>
      v.pass === null ? 'n/a' : v.pass ? 'pass' : `FAIL (+${fmt(round1(v.value! - v.limit!))})`,
    )
    rows.push([key, fmt(f[key]), budget.join('; '), result.join('; '), MEANING[key]])
  }
  const out = [table(rows), '']
  out.push(`initial JS on / (gzip kB, received before the first chart):`)
  for (const j of d.initialJs) {
    const parts = j.parts?.map((p) => `${p.name} ${p.share}%`).join(', ')
    out.push(`  ${j.gzipKb.toFixed(1).padStart(7)}  ${j.file}${parts ? `  (${parts})` : ''}`)
  }
  out.push(
    `total JS: ${d.totalJsFiles} files; full-ECharts build's initial JS on /: ${fmt(d.fullInitialJsKb)} kB; ` +
      `bare page JS: ${fmt(round1(d.bareJsKb))} kB`,
  )
  const ms = (xs: readonly number[]) => xs.map((x) => Math.round(x)).join(', ')
  out.push(
    `runs (ms): bare ${ms(d.runs.bare)} | first chart ${ms(d.runs.first)} | all panels ${ms(d.runs.all)}`,
  )
  out.push(
    `/ phases (median ms since navigation): ` +
      Object.entries(d.phases)
        .map(([mark, at]) => `${mark} ${fmt(at)}`)
        .join(' → '),
  )
  for (const [label, s] of Object.entries(d.synthetic)) {
    out.push(
      `synthetic ${label} (${s.outcomes} outcomes, ${s.csvMb} MB CSV): load+hash+parse+validate ` +
        `${ms(s.loadMs)} ms; aggregate+render ${ms(s.aggregateMs)} ms; all drawn at ${ms(s.allDrawnMs)} ms` +
        (s.heapMb.length ? `; heap ${s.heapMb.map((x) => x.toFixed(1)).join(', ')} MB` : '') +
        (s.longestTaskMs.length ? `; longest task ${ms(s.longestTaskMs)} ms` : ''),
    )
  }
  const big = d.synthetic['100k']
  if (big?.longTasks.length)
    out.push(
      `longest main-thread tasks, 100k: ` +
        big.longTasks
          .map((t) => `${t.unfinished ? '≥ ' : ''}${Math.round(t.ms)} ms ${t.source}`)
          .join('; '),
    )
  out.push(`JSON.parse of ${d.jsonMb.toFixed(1)} MB: ${ms(d.jsonParseMs)} ms`)
  for (const f of [d.filter, d.lightFilter]) {
    if (!f) continue
    out.push(
      `#/explore${f.start ? `?${f.start}` : ''} with 100k: drawn at ${Math.round(f.loadMs)} ms; then ` +
        f.queries.map((q, i) => `${q} ${Math.round(f.redrawMs[i] ?? NaN)} ms`).join(', '),
    )
  }
  if (d.carousel)
    out.push(
      `carousel: ${d.carousel.steps} steps in ${d.carousel.seconds.toFixed(0)} s after ${d.carousel.warmup} to warm up, heap after GC (median of 3) at ` +
        `0, ¼, ½, ¾, all of them: ${d.carousel.series.map((x) => x.toFixed(2)).join(' → ')} MB`,
    )
  for (const n of d.notes) out.push(`note: ${n}`)
  return out.join('\n')
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}
