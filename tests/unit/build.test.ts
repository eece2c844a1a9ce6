import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatProblem } from '../../src/domain/problems'
import { FIXTURES, edit, loadFiles, loadMini, readFolder } from '../helpers/snapshot'

const mini = () => readFolder(path.join(FIXTURES, 'mini'))

async function errorsOf(files: Record<string, string>) {
  const result = await loadFiles(files)
  expect(result.ok).toBe(false)
  return result.problems.filter((p) => p.severity === 'error')
}

describe('buildDataset on a valid snapshot', () => {
  it('loads every table, indexes ids and freezes the result', async () => {
    const d = await loadMini()
    expect(d.events.map((e) => e.id)).toEqual(['conf-a', 'conf-a-s1', 'conf-b'])
    expect(d.index.org['cas-isl']?.parent).toBe('cas')
    expect(d.index.figure['fa-s1-value']?.amount).toMatchObject({
      value: 86_000_000,
      unit: 'yuan',
      qualifier: 'approx',
    })
    expect(Object.isFrozen(d)).toBe(true)
    expect(Object.isFrozen(d.events[0])).toBe(true)
    expect(structuredClone(d).events.length).toBe(3)
  })

  it('gives a session its conference’s place and root', async () => {
    const d = await loadMini()
    expect(d.index.event['conf-a-s1']?.place).toBe('changsha')
    expect(d.index.rootEvent['conf-a-s1']).toBe('conf-a')
    expect(d.index.rootEvent['conf-b']).toBe('conf-b')
  })

  it('keeps month precision where the day is unknown', async () => {
    const d = await loadMini()
    expect(d.index.event['conf-b']?.start).toEqual({
      text: '2024-07',
      precision: 'month',
      year: 2024,
      month: 7,
      day: null,
    })
  })

  it('reads the same table from JSON', async () => {
    const files = mini()
    const csv = (await loadMini()).sectors.map((s) => ({
      id: s.id,
      name_zh: s.name.zh,
      name_en: s.name.en,
    }))
    delete files['sectors.csv']
    const result = await loadFiles({ ...files, 'sectors.json': JSON.stringify(csv) })
    expect(result.problems).toEqual([])
    expect(result.ok && result.dataset.sectors.map((s) => s.id)).toEqual([
      'new-materials',
      'aviation',
    ])
  })
})

describe('problems name file, row, field, value and what was expected', () => {
  it.each([
    [
      'an unknown place',
      'events.csv',
      ',changsha,,src-a,甲会议',
      ',wuhan,,src-a,甲会议',
      { file: 'events.csv', row: 2, field: 'place', value: 'wuhan' },
      /unknown id/,
    ],
    [
      'an impossible date',
      'events.csv',
      '2024-11-19,2024-11-20',
      '2024-13-40,2024-11-20',
      { row: 2, field: 'start', value: '2024-13-40' },
      /month 13/,
    ],
    [
      'an end before the start',
      'events.csv',
      '2024-11-19,2024-11-20',
      '2024-11-19,2024-11-01',
      { row: 2, field: 'end' },
      /before it starts/,
    ],
    [
      'an Excel-rewritten date',
      'events.csv',
      '2024-11-19,2024-11-20',
      '2024/11/19,2024-11-20',
      { field: 'start', value: '2024/11/19' },
      /Excel.*2024-11-19/,
    ],
    [
      'a malformed amount',
      'figures.csv',
      '80余项',
      'abc亿',
      { file: 'figures.csv', row: 2, field: 'value', value: 'abc亿' },
      /expected/,
    ],
    ['a dash as amount', 'figures.csv', '80余项', '--', { row: 2, field: 'value' }, /./],
    [
      'a negative amount',
      'outcomes.csv',
      '8480万元',
      '-8480万元',
      { file: 'outcomes.csv', row: 2, field: 'value' },
      /negative/i,
    ],
    [
      'a percent where money is expected',
      'figures.csv',
      '约8600万',
      '9.38%',
      { row: 7, field: 'value' },
      /percent/,
    ],
    [
      'an unknown metric',
      'figures.csv',
      'cooperation_projects',
      'cooperation',
      { row: 2, field: 'metric' },
      /expected one of/,
    ],
    [
      'an unknown organisation kind',
      'organizations.csv',
      'university,changsha',
      'college,changsha',
      { row: 2, field: 'kind' },
      /expected one of: university/,
    ],
    [
      'a province not on the map',
      'places.csv',
      '长沙,Changsha,湖南',
      '长沙,Changsha,湖南省',
      { file: 'places.csv', row: 2, field: 'province_zh' },
      /not a province on the map/,
    ],
    [
      'an adcode in scientific notation',
      'places.csv',
      '430100',
      '4.3E+05',
      { field: 'adcode' },
      /scientific notation/,
    ],
    [
      'an adcode that lost digits',
      'places.csv',
      '430100',
      '43010',
      { field: 'adcode' },
      /lost digits/,
    ],
    [
      'coordinates outside China',
      'places.csv',
      '112.9388,28.2282',
      '12.9388,28.2282',
      { field: 'lng' },
      /outside China/,
    ],
    [
      'swapped coordinates',
      'places.csv',
      '112.9388,28.2282',
      '28.2282,112.9388',
      { field: 'lng' },
      /swapped/,
    ],
    [
      'an id with a trailing space',
      'sectors.csv',
      'aviation,航空',
      'aviation ,航空',
      { file: 'sectors.csv', row: 3, field: 'id' },
      /has a space at the end/,
    ],
    [
      'a party that does not exist',
      'outcomes.csv',
      'csu|sany',
      'csu|sanyi',
      { field: 'parties', value: 'sanyi' },
      /unknown id/,
    ],
    [
      'a counted_in that is not a figure',
      'outcomes.csv',
      ',fa-labs,',
      ',fa-lab,',
      { field: 'counted_in' },
      /unknown id/,
    ],
    [
      'a value without value_metric',
      'outcomes.csv',
      '8480万元,demand',
      '8480万元,',
      { field: 'value_metric' },
      /value_metric/,
    ],
    [
      'a unit that contradicts the metric',
      'figures.csv',
      '80余项,count',
      '80余项,yuan',
      { field: 'unit' },
      /measured in count/,
    ],
    [
      'a province written in full',
      'places.csv',
      '西宁,Xining,青海',
      '西宁,Xining,青海省',
      { field: 'province_zh', value: '青海省' },
      /not a province on the map; write 青海,/,
    ],
    [
      'a province in English',
      'places.csv',
      '长沙,Changsha,湖南',
      '长沙,Changsha,Hunan',
      { field: 'province_zh' },
      /write 湖南,/,
    ],
    [
      'a province that is none',
      'places.csv',
      '长沙,Changsha,湖南',
      '长沙,Changsha,华中',
      { field: 'province_zh' },
      /expected one of: 北京/,
    ],
    [
      'an adcode rounded to its province',
      'places.csv',
      '430200',
      '430000',
      { row: 3, field: 'adcode' },
      /code of 湖南 as a whole/,
    ],
    [
      'an adcode with a thousands separator',
      'places.csv',
      '430100',
      '"430,100"',
      { row: 2, field: 'adcode', value: '430,100' },
      /thousands separator/,
    ],
    [
      'an adcode saved as a decimal',
      'places.csv',
      '430100',
      '430100.0',
      { row: 2, field: 'adcode' },
      /decimal number/,
    ],
    [
      'an id in capitals',
      'sectors.csv',
      'aviation,航空',
      'Aviation,航空',
      { row: 3, field: 'id' },
      /ids are lowercase: write aviation/,
    ],
    [
      'an id with a space inside',
      'organizations.csv',
      'csu,中南大学',
      'cs u,中南大学',
      { row: 2, field: 'id' },
      /has a space in it/,
    ],
    [
      'a dash for a figure',
      'figures.csv',
      '80余项',
      '—',
      { row: 2, field: 'value', value: '—' },
      /a dash is a placeholder/,
    ],
    [
      'a date with a time, as Excel writes it',
      'events.csv',
      '2024-11-19,2024-11-20',
      '2024/11/19 0:00,2024-11-20',
      { field: 'start' },
      /write it as 2024-11-19 and format the column as Text/,
    ],
  ])('%s', async (_, file, from, to, where, message) => {
    const errors = await errorsOf(edit(mini(), file, from, to))
    const match = errors.find((e) =>
      Object.entries(where).every(([k, v]) => e[k as keyof typeof e] === v),
    )
    expect(match, errors.map(formatProblem).join('\n')).toBeDefined()
    expect(match!.message).toMatch(message)
  })

  it('reports one broken row once and keeps a consistent partial dataset', async () => {
    const result = await loadFiles(
      edit(mini(), 'events.csv', '2024-11-19,2024-11-20', '2024-11-19,2024-11-01'),
    )
    expect(result.problems.map(formatProblem)).toEqual([
      'events.csv:2: end: ends before it starts (2024-11-19); check both dates against the source (got "2024-11-01")',
    ])
    const d = result.dataset!
    // conf-a is out, and so is everything that hangs on it; conf-b is whole.
    expect(d.events.map((e) => e.id)).toEqual(['conf-b'])
    expect(new Set(d.figures.map((f) => f.event))).toEqual(new Set(['conf-b']))
    expect(d.outcomes.map((o) => o.id)).toEqual(['ob-project'])
    expect(d.eventOrgs.every((e) => e.event === 'conf-b')).toBe(true)
  })

  it('reports duplicate ids with the row that had it first', async () => {
    const files = mini()
    const errors = await errorsOf({
      ...files,
      'sectors.csv': files['sectors.csv'] + 'aviation,航空2,Aviation\n',
    })
    expect(errors).toContainEqual(
      expect.objectContaining({
        file: 'sectors.csv',
        row: 4,
        field: 'id',
        message: 'duplicate id: row 3 has it already',
      }),
    )
  })

  it('reports a cycle of parents', async () => {
    const files = edit(
      mini(),
      'organizations.csv',
      'university,beijing,\n',
      'university,beijing,tsinghua-mse\n',
    )
    const errors = await errorsOf(files)
    expect(errors.some((e) => e.field === 'parent' && /cycle/.test(e.message))).toBe(true)
  })

  it('reports a missing column and warns about an unknown one', async () => {
    const sectors =
      'id,name,name_en,colour\nnew-materials,新材料,New materials,blue\naviation,航空,Aviation,red\n'
    const result = await loadFiles({ ...mini(), 'sectors.csv': sectors })
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'sectors.csv', row: 1, field: 'name_zh', severity: 'error' }),
    )
    expect(result.problems).toContainEqual(
      expect.objectContaining({ file: 'sectors.csv', field: 'colour', severity: 'warning' }),
    )
  })

  it('takes one English name per publisher, warns where two rows disagree, and needs none', async () => {
    const header = 'id,title,publisher,original_publisher,publisher_en,published,url,note\n'
    const rowA = 'src-a,会议甲报道,某网易号,某学会,A Society,2024-11-20,,fixture\n'
    // src-b reposts the same society's report: the name given on src-a serves it too.
    const repost = await loadFiles({
      ...mini(),
      'sources.csv': header + rowA + 'src-b,会议乙报道,某日报,某学会,,,,fixture\n',
    })
    expect(repost.ok).toBe(true)
    expect(repost.dataset!.sources.map((s) => s.publisherEn)).toEqual(['A Society', 'A Society'])
    expect(repost.problems).toEqual([])

    const disagree = await loadFiles({
      ...mini(),
      'sources.csv': header + rowA + 'src-b,会议乙报道,某日报,某学会,Some Society,,,fixture\n',
    })
    expect(disagree.ok).toBe(true)
    expect(disagree.dataset!.sources.map((s) => s.publisherEn)).toEqual(['A Society', 'A Society'])
    expect(disagree.problems.map(formatProblem)).toEqual([
      'sources.csv:3: publisher_en: row 2 already gives A Society as 某学会\'s English name; that one is used for both (got "Some Society") [warning]',
    ])

    // The fixture has no publisher_en column: no English names, no problem.
    const d = await loadMini()
    expect(d.sources.map((s) => s.publisherEn)).toEqual(['', ''])
  })

  it('rejects a file that does not match the manifest', async () => {
    const files = mini()
    const good = await loadFiles(files)
    const manifest = JSON.stringify(good.manifest)
    const result = await loadFiles(
      { ...files, 'sectors.csv': files['sectors.csv'] + 'x,y,z\n' },
      { manifest },
    )
    expect(result.ok).toBe(false)
    expect(result.problems[0]).toMatchObject({
      file: 'sectors.csv',
      message: expect.stringMatching(/does not match manifest.json/),
    })
  })

  it('names GBK bytes in a UTF-8 snapshot', async () => {
    const gbk = new Uint8Array([
      0x69, 0x64, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x5f, 0x7a, 0x68, 0x0a, 0xba, 0xbd, 0xbf, 0xd5,
    ])
    const result = await loadFiles({ ...mini(), 'sectors.csv': gbk })
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        file: 'sectors.csv',
        message: expect.stringMatching(/not valid UTF-8.*GBK/),
      }),
    )
  })

  it('accepts a BOM, CRLF line endings and trailing blank lines', async () => {
    const files = mini()
    const sectors = '\uFEFF' + files['sectors.csv']!.replace(/\n/g, '\r\n') + '\r\n\r\n'
    const result = await loadFiles({ ...files, 'sectors.csv': sectors })
    expect(result.problems).toEqual([])
    expect(result.ok).toBe(true)
  })

  it('accepts old Mac line endings (CR alone) and a quoted line break', async () => {
    const files = mini()
    const sectors = files['sectors.csv']!.replace(/\n/g, '\r').replace('Aviation', '"Avia\r\ntion"')
    const result = await loadFiles({ ...files, 'sectors.csv': sectors })
    expect(result.problems).toEqual([])
    expect(result.ok && result.dataset.index.sector['aviation']?.name.en).toBe('Avia\ntion')
  })

  it('refuses a header that names a column twice', async () => {
    const files = mini()
    const sectors = files['sectors.csv']!.replace('id,name_zh,name_en', 'id,name_zh,name_zh')
    const errors = await errorsOf({ ...files, 'sectors.csv': sectors })
    expect(errors.map(formatProblem)).toEqual([
      'sectors.csv:1: name_zh: this column appears twice in the header; keep one of them',
    ])
  })

  it('says which column is missing a capital or has one too many', async () => {
    const files = mini()
    const sectors = files['sectors.csv']!.replace('id,name_zh,name_en', 'id,Name_zh,name_en')
    const errors = await errorsOf({ ...files, 'sectors.csv': sectors })
    expect(errors[0]?.message).toMatch(/missing column \(the header has Name_zh: column names/)
  })

  it('takes coordinates as JSON numbers, but no other cell', async () => {
    const files = mini()
    const places = (await loadMini()).places.map((p) => ({
      id: p.id,
      name_zh: p.name.zh,
      name_en: p.name.en,
      province_zh: p.province,
      adcode: p.adcode,
      lng: p.lng,
      lat: p.lat,
    }))
    delete files['places.csv']
    const good = await loadFiles({ ...files, 'places.json': JSON.stringify(places) })
    expect(good.problems).toEqual([])
    const numeric = places.map((p) => ({ ...p, adcode: Number(p.adcode) }))
    const errors = await errorsOf({ ...files, 'places.json': JSON.stringify(numeric) })
    expect(errors[0]).toMatchObject({
      file: 'places.json',
      row: 1,
      field: 'adcode',
      value: '430100',
      message: expect.stringMatching(/^expected text, got a number; write it as a string/),
    })
  })

  it('refuses an empty JSON array like a CSV with only its header', async () => {
    const files = mini()
    delete files['sectors.csv']
    const errors = await errorsOf({ ...files, 'sectors.json': '[]' })
    expect(errors.map(formatProblem)).toEqual([
      'sectors.json: is an empty array; every table of a snapshot needs a row',
    ])
  })

  it('reports an unterminated quote', async () => {
    const errors = await errorsOf(edit(mini(), 'sectors.csv', 'aviation,航空', 'aviation,"航空'))
    expect(errors[0]).toMatchObject({
      file: 'sectors.csv',
      message: expect.stringMatching(/never closed/),
    })
  })

  it('formats a problem as file:row: field: message', () => {
    expect(
      formatProblem({
        file: 'events.csv',
        row: 4,
        field: 'start',
        value: '2024-13-40',
        message: 'month 13 does not exist',
        severity: 'error',
      }),
    ).toBe('events.csv:4: start: month 13 does not exist (got "2024-13-40")')
  })
})
