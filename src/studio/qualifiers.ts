import type { Qualifier } from '../domain/vocab'
import { QUALIFIERS } from '../domain/vocab'
import type { TableData } from '../charts/types'

const COLUMN = /^(限定词|qualifier)$/i

/** The qualifiers a chart's table carries (its 限定词 column), for the automatic note. */
export function tableQualifiers(table: TableData): Qualifier[] {
  const i = table.columns.findIndex((c) => COLUMN.test(c))
  if (i < 0) return []
  return table.rows.flatMap((row) => {
    const q = row[i]
    return QUALIFIERS.find((x) => x === q) ?? []
  })
}
