import { describe, expect, it } from 'vitest'
import { CsvStream, parseTable } from '../../src/data/parseTable'
import { ProblemList } from '../../src/domain/problems'

/**
 * The same text with its first header cell in quotes: Papa Parse reads it to the same header,
 * and the quote sends the whole file down the Papa Parse path instead of the grid reader.
 */
function quotedHeader(text: string): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : ''
  const rest = text.slice(bom.length)
  const end = rest.search(/[,\r\n]|$/)
  return `${bom}"${rest.slice(0, end)}"${rest.slice(end)}`
}

function read(text: string) {
  const problems = new ProblemList()
  const raw = parseTable('sectors', 'sectors.csv', text, problems)
  return {
    raw,
    result: raw && { columns: raw.columns, rows: raw.rows },
    problems: problems.items,
  }
}

const HEADER = 'id,name_zh,name_en'

describe('the grid reader (CSV without a quote character)', () => {
  it.each([
    ['a trailing line break', `${HEADER}\nict,信息,ICT\n`],
    ['no trailing line break', `${HEADER}\nict,信息,ICT`],
    ['Windows line breaks', `${HEADER}\r\nict,信息,ICT\r\nbio,生物,Bio\r\n`],
    ['old Mac line breaks', `${HEADER}\rict,信息,ICT\rbio,生物,Bio`],
    ['a byte-order mark left in the text', `\uFEFF${HEADER}\nict,信息,ICT\n`],
    ['blank lines between rows', `${HEADER}\n\nict,信息,ICT\n\n\nbio,生物,Bio\n\n`],
    ['lines of white space and commas', `${HEADER}\n , \t,\nict,信息,ICT\n\u3000\u00a0\n,,\n`],
    ['spaces around values', `${HEADER}\n ict , 信息 ,ICT \n`],
    ['too many cells', `${HEADER}\nict,信息,ICT,extra\nbio,生物,Bio\n`],
    ['too few cells', `${HEADER}\nict,信息\nbio,生物,Bio\n,\n`],
    ['a row that is only commas, too many of them', `${HEADER}\n,,,,,\nict,信息,ICT\n`],
    ['a header and nothing else', HEADER],
    ['a header and blank lines', `${HEADER}\n\n \n`],
    ['a header with spaces and an empty name', ` id ,name_zh,,name_en\nict,信息,,ICT\n`],
    ['a column named twice', `id,name_zh,id\nict,信息,x\n`],
    ['values separated by semicolons', `id;name_zh;name_en\nict;信息;ICT\n`],
    ['values separated by tabs', `id\tname_zh\tname_en\nict\t信息\tICT\n`],
    ['one column', `id\nict\nbio\n`],
    ['a long file', `${HEADER}\n${'ict,信息,ICT\n'.repeat(3000)}bio,生物\n`],
  ])('reads %s as Papa Parse does', (_, text) => {
    const grid = read(text)
    const papa = read(quotedHeader(text))
    expect(papa.raw?.grid).toBeUndefined()
    if (grid.raw) expect(grid.raw.grid).toBeDefined()
    expect(grid.problems).toEqual(papa.problems)
    expect(grid.result).toEqual(papa.result)
  })

  it('is taken only where the text has no quote, and gives its records when asked', () => {
    const plain = read(`${HEADER}\nict,信息,ICT\n`).raw!
    expect(plain.grid).toBeDefined()
    expect(plain.rows).toEqual([{ row: 2, cells: { id: 'ict', name_zh: '信息', name_en: 'ICT' } }])
    expect(plain.rows).toBe(plain.rows)
  })

  it('leaves a quoted value, with its comma and line break, to Papa Parse', () => {
    const { raw, problems } = read(`${HEADER}\nict,"信息,通信",ICT\nbio,生物,"Bio\nscience"\n`)
    expect(problems).toEqual([])
    expect(raw!.grid).toBeUndefined()
    expect(raw!.rows.map((r) => r.cells)).toEqual([
      { id: 'ict', name_zh: '信息,通信', name_en: 'ICT' },
      { id: 'bio', name_zh: '生物', name_en: 'Bio\nscience' },
    ])
  })
})

describe('a CSV file read as it arrives (CsvStream)', () => {
  /** The rows a CsvStream gives, and whether it took the file to the end. */
  function stream(text: string, pieces: number[], opts: { refuse?: number } = {}) {
    const bytes = new TextEncoder().encode(text)
    let columns: readonly string[] = []
    const rows: { row: number; cells: string[] }[] = []
    const s = new CsvStream(
      (c) => ((columns = c), true),
      (t, bounds, row) => {
        const cells = columns.map((_, k) => t.slice(bounds[k]!, bounds[k + 1]! - 1))
        rows.push({ row, cells })
        return row !== opts.refuse
      },
    )
    for (let at = 0, k = 0; at < bytes.length; k++) {
      const size = pieces[k % pieces.length]!
      s.push(bytes.subarray(at, at + size))
      at += size
    }
    return { done: s.end(), columns, rows }
  }

  /** What the grid reader makes of the same text, as rows of cells; null when it has problems. */
  function grid(text: string) {
    const { raw, problems } = read(new TextDecoder().decode(new TextEncoder().encode(text)))
    if (!raw?.grid || problems.length > 0) return null
    return {
      columns: raw.columns,
      rows: raw.rows.map((r) => ({
        row: r.row,
        cells: raw.columns.map((c) => String(r.cells[c])),
      })),
    }
  }

  const CLEAN = [
    `${HEADER}\nict,信息,ICT\n`,
    `${HEADER}\nict,信息,ICT`,
    `${HEADER}\r\nict,信息,ICT\r\nbio,生物,Bio\r\n`,
    `${HEADER}\rict,信息,ICT\rbio,生物,Bio\r`,
    `\uFEFF${HEADER}\n\n , \t,\nict, 信息 ,ICT\n\u3000\n,,\nbio,生物,Bio`,
    `${HEADER}\n${'ict,信息通信技术产业,Information and communication technology\n'.repeat(2000)}`,
  ]

  it.each(CLEAN.map((t, i) => [i, t]))(
    'gives the grid reader’s rows, in any pieces (%i)',
    (_, text) => {
      for (const pieces of [[1], [2, 3], [7, 1, 4096], [65536], [1 << 20]]) {
        const s = stream(text, pieces)
        expect(s.done).toBe(true)
        expect({ columns: s.columns, rows: s.rows }).toEqual(grid(text))
      }
    },
  )

  it.each([
    ['a quote', `${HEADER}\nict,"信息",ICT\n`],
    ['a row too long', `${HEADER}\nict,信息,ICT,x\n`],
    ['a row too short', `${HEADER}\nict,信息\n`],
    ['no rows', `${HEADER}\n\n`],
    ['a column named twice', `id,id\nict,x\n`],
    ['values separated by semicolons', `id;name_zh\nict;信息\n`],
    ['two byte-order marks', `\uFEFF\uFEFF${HEADER}\nict,信息,ICT\n`],
  ])('stops at %s: the file is then read whole', (_, text) => {
    for (const pieces of [[1], [3, 5], [65536]]) expect(stream(text, pieces).done).toBe(false)
  })

  it('stops at bytes that are not UTF-8, or that are UTF-16', () => {
    const s = new CsvStream(
      () => true,
      () => true,
    )
    s.push(new TextEncoder().encode(`${HEADER}\nict,`))
    s.push(new Uint8Array([0xba, 0xbd, 0x2c, 0x0a]))
    expect(s.end()).toBe(false)
    const utf16 = new CsvStream(
      () => true,
      () => true,
    )
    utf16.push(new Uint8Array([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00, 0x0a, 0x00]))
    expect(utf16.end()).toBe(false)
  })

  it('stops when the header or a row is refused, or a row throws', () => {
    expect(stream(`${HEADER}\nict,信息,ICT\nbio,生物,Bio\n`, [4], { refuse: 2 }).done).toBe(false)
    const refused = new CsvStream(
      () => false,
      () => true,
    )
    refused.push(new TextEncoder().encode(`${HEADER}\nict,信息,ICT\n`))
    expect(refused.end()).toBe(false)
    const throwing = new CsvStream(
      () => true,
      () => {
        throw new Error('a bug')
      },
    )
    throwing.push(new TextEncoder().encode(`${HEADER}\nict,信息,ICT\n`))
    expect(throwing.end()).toBe(false)
  })
})
