import Papa from 'papaparse'
import type { Dataset } from './types'

export const AUDIT_COLUMNS = [
  'event',
  'record',
  'kind',
  'metric',
  'value',
  'unit',
  'qualifier',
  'quote',
  'source',
] as const

export type AuditRow = Record<(typeof AUDIT_COLUMNS)[number], string>

/** Every figure and every valued outcome, value in base units: the dataset's audit trail. */
export function auditRows(d: Dataset): AuditRow[] {
  const rows: AuditRow[] = d.figures.map((f) => ({
    event: f.event,
    record: f.id,
    kind: 'figure',
    metric: f.metric,
    value: String(f.amount.value),
    unit: f.amount.unit,
    qualifier: f.amount.qualifier,
    quote: f.quote,
    source: f.source,
  }))
  for (const o of d.outcomes) {
    if (!o.amount || !o.valueMetric) continue
    rows.push({
      event: o.event,
      record: o.id,
      kind: 'outcome',
      metric: o.valueMetric,
      value: String(o.amount.value),
      unit: o.amount.unit,
      qualifier: o.amount.qualifier,
      quote: o.quote,
      source: o.source,
    })
  }
  return rows
}

export function auditCsv(d: Dataset): string {
  return (
    Papa.unparse(
      { fields: [...AUDIT_COLUMNS], data: auditRows(d).map((r) => AUDIT_COLUMNS.map((c) => r[c])) },
      { newline: '\n' },
    ) + '\n'
  )
}
