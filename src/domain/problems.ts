/** One thing wrong with a snapshot, precise enough for a curator to fix it in a spreadsheet. */
export interface Problem {
  file: string
  /** 1-based, as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole. */
  row: number
  field: string
  value: string
  message: string
  severity: 'error' | 'warning'
}

export function formatProblem(p: Problem): string {
  const where = p.row > 0 ? `${p.file}:${p.row}` : p.file
  const field = p.field ? ` ${p.field}:` : ''
  const value = p.value !== '' ? ` (got ${JSON.stringify(p.value)})` : ''
  const tag = p.severity === 'warning' ? ' [warning]' : ''
  return `${where}:${field} ${p.message}${value}${tag}`
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}

export class ProblemList {
  readonly items: Problem[] = []

  error(file: string, row: number, field: string, value: string, message: string): void {
    this.items.push({ file, row, field, value, message, severity: 'error' })
  }

  warn(file: string, row: number, field: string, value: string, message: string): void {
    this.items.push({ file, row, field, value, message, severity: 'warning' })
  }
}
