import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ProblemList } from '../../src/domain/problems'
import { parseTable } from '../../src/data/parseTable'
import { quickRowCheck } from '../../src/domain/quickCheck'
import { TABLE_NAMES, TABLE_SCHEMAS, columnsOf, type TableName } from '../../src/domain/tables'
import { DATA_DIR, readFolder } from '../helpers/snapshot'

/** Cells a curator's spreadsheet can hold, valid or not, for every kind of column. */
const ODD_CELLS = [
  '',
  ' ',
  'csu',
  'CSU',
  ' csu',
  'csu ',
  'csu|sany',
  'csu | sany',
  'csu|',
  '|csu',
  '-csu',
  'a--b',
  'csu\u3000',
  '\u00a0中南大学',
  '中南大学',
  '\t',
  'university',
  'University',
  'signed',
  'joint_lab',
  'contract',
  'contract_value',
  'outcome',
  '2024-07-17',
  '近30亿元',
]

function rowsOf(table: TableName): Record<string, string>[] {
  const files = readFolder(DATA_DIR)
  const raw = parseTable(table, `${table}.csv`, files[`${table}.csv`]!, new ProblemList())!
  return raw.rows.map((r) => {
    const cells: Record<string, string> = {}
    for (const col of columnsOf(table)) cells[col] = String(r.cells[col] ?? '')
    return cells
  })
}

describe('quickRowCheck', () => {
  it('reads every table schema (a check it could not read would send all rows to valibot)', () => {
    for (const t of TABLE_NAMES) expect(quickRowCheck(TABLE_SCHEMAS[t].entries), t).not.toBeNull()
  })

  it('passes exactly what valibot passes, with valibot’s output', () => {
    for (const table of TABLE_NAMES) {
      const quick = quickRowCheck(TABLE_SCHEMAS[table].entries)!
      const rows = rowsOf(table)
      const cases = [...rows]
      // Each odd value in each column of a valid row.
      for (const col of columnsOf(table))
        for (const cell of ODD_CELLS) cases.push({ ...rows[0]!, [col]: cell })
      for (const cells of cases) {
        const result = v.safeParse(TABLE_SCHEMAS[table], cells)
        const copy = { ...cells }
        const out = quick(copy)
        expect(out !== null, `${table} ${JSON.stringify(cells)}`).toBe(result.success)
        if (result.success) expect(out).toEqual(result.output)
        // The row it was given is never changed; an unchanged row is given back as it is.
        expect(copy).toEqual(cells)
        if (out && JSON.stringify(out) === JSON.stringify(cells)) expect(out).toBe(copy)
      }
    }
  })

  it('reads a missing or null cell as empty, and leaves other non-text cells to the full path', () => {
    const quick = quickRowCheck(TABLE_SCHEMAS.sectors.entries)!
    expect(quick({ id: 'ict', name_zh: '信息' })).toEqual({
      id: 'ict',
      name_zh: '信息',
      name_en: '',
    })
    expect(quick({ id: 'ict', name_zh: '信息', name_en: null })).toEqual({
      id: 'ict',
      name_zh: '信息',
      name_en: '',
    })
    expect(quick({ id: 'ict', name_zh: '信息', name_en: 3 })).toBeNull()
    expect(quick({ id: 'ict', name_zh: ' 信息 ', name_en: '' })).toEqual({
      id: 'ict',
      name_zh: '信息',
      name_en: '',
    })
  })

  it('leaves a schema with a check it does not know to valibot', () => {
    const entries = v.object({ id: v.pipe(v.string(), v.email()) }).entries
    expect(quickRowCheck(entries)).toBeNull()
    const sticky = v.object({ id: v.pipe(v.string(), v.regex(/a/g)) }).entries
    expect(quickRowCheck(sticky)).toBeNull()
  })
})
