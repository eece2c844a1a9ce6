import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/studio/csv'

const parse = (csv: string) => {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const r = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: true })
  expect(r.errors).toEqual([])
  return r.data
}

describe('toCsv', () => {
  it('writes BOM, header and CRLF after every record', () => {
    const csv = toCsv({
      columns: ['省份', '活动数'],
      rows: [
        ['湖南', 2],
        ['北京', 1],
      ],
    })
    expect(csv).toBe('\uFEFF省份,活动数\r\n湖南,2\r\n北京,1\r\n')
  })

  it('quotes commas, quotes and newlines in Chinese text, and reads back the same cells', () => {
    const rows = [
      ['中南大学，"三一"\n联合实验室', '超', 80, '80余项'],
      ['株洲, 芦淞区', '近', 3000000000, '近30亿元'],
      ['他说：“共振点”\r\n下一行', 'exact', 57, '57项'],
      [' 前后有空格 ', '约', 1.5, '1.5万'],
    ] as const
    const columns = ['名称', '限定词', '数值', '原文']
    const csv = toCsv({ columns, rows })
    expect(csv).toContain('"中南大学，""三一""\n联合实验室",超,80,80余项\r\n')
    expect(csv).toContain('"株洲, 芦淞区",近,3000000000,近30亿元\r\n')
    expect(csv).toContain('" 前后有空格 ",约,1.5,1.5万\r\n')
    expect(parse(csv)).toEqual([columns, ...rows.map((r) => r.map(String))])
  })

  it('writes numbers plainly: no grouping, no exponent', () => {
    const csv = toCsv({
      columns: ['n'],
      rows: [[3086000000], [1e21], [-2.5], [0.0000001], [0], [Number.NaN], [null]],
    })
    expect(csv.split('\r\n').slice(1)).toEqual([
      '3086000000',
      '1000000000000000000000',
      '-2.5',
      '0.0000001',
      '0',
      '',
      '',
      '',
    ])
  })

  it('keeps a spreadsheet from running text as a formula', () => {
    const cells = [
      '=HYPERLINK("http://x","点我")',
      '+86 731',
      '@SUM(A1)',
      '-A1',
      '-5%',
      '-',
      '中-南',
    ]
    const csv = toCsv({ columns: ['文本'], rows: cells.map((c) => [c]) })
    expect(parse(csv).slice(1).flat()).toEqual([
      `'=HYPERLINK("http://x","点我")`,
      `'+86 731`,
      `'@SUM(A1)`,
      `'-A1`,
      '-5%',
      '-',
      '中-南',
    ])
    // A negative number is a number, not a formula.
    expect(toCsv({ columns: ['n'], rows: [[-3]] })).toBe('\uFEFFn\r\n-3\r\n')
  })

  it('guards the header too and writes an empty table as its header only', () => {
    expect(toCsv({ columns: ['=x', 'a,b'], rows: [] })).toBe('\uFEFF\'=x,"a,b"\r\n')
  })
})
