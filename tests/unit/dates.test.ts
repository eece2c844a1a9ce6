import { describe, expect, it } from 'vitest'
import { compareDates, parseDate } from '../../src/domain/dates'

function rejected(text: string): string {
  const r = parseDate(text)
  if (r.ok) throw new Error(`${text} was accepted`)
  return r.error
}

describe('parseDate', () => {
  it('reads a day and a month, keeping the precision the source gives', () => {
    expect(parseDate('2024-07-17')).toEqual({
      ok: true,
      date: { text: '2024-07-17', precision: 'day', year: 2024, month: 7, day: 17 },
    })
    expect(parseDate(' 2024-07 ')).toEqual({
      ok: true,
      date: { text: '2024-07', precision: 'month', year: 2024, month: 7, day: null },
    })
  })

  it.each([
    ['2024-13-40', /^month 13 does not exist; expected a date as YYYY-MM-DD/],
    ['2024-02-30', /^2024-02 has no day 30/],
    ['2023-02-29', /^2023-02 has no day 29/],
    ['2024-00', /^month 0 does not exist; expected YYYY-MM/],
    ['abc', /^expected a date as YYYY-MM-DD, or YYYY-MM/],
    ['12345', /^expected a date/],
  ])('rejects %s', (text, message) => {
    expect(rejected(text)).toMatch(message)
  })

  it('accepts 29 February in a leap year', () => {
    expect(parseDate('2024-02-29').ok).toBe(true)
  })

  // What Excel and WPS write back when a curator opens the CSV and saves it.
  it.each([
    ['2024/7/17', '2024-07-17'],
    ['2024.7.17', '2024-07-17'],
    ['2024-7-17', '2024-07-17'],
    ['2024年7月17日', '2024-07-17'],
    ['2024/7/17 0:00', '2024-07-17'],
    ['2024/07/17 00:00:00', '2024-07-17'],
    ['2024/7', '2024-07'],
    ['2024年7月', '2024-07'],
    ['Jul-24', '2024-07'],
    ['dec-25', '2025-12'],
  ])('names Excel’s rewrite of %s and the form to write: %s', (text, iso) => {
    expect(rejected(text)).toBe(
      `Excel or WPS rewrote this date; write it as ${iso} and format the column as Text before saving`,
    )
  })

  it('checks the date inside an Excel rewrite too', () => {
    expect(rejected('2024/13/1')).toMatch(/^month 13 does not exist/)
  })

  it.each([
    ['45490', '2024-07-17'],
    ['45800', '2025-05-23'],
    ['36526', '2000-01-01'],
  ])('reads the Excel serial number %s as %s', (text, iso) => {
    expect(rejected(text)).toMatch(
      new RegExp(`^is an Excel date serial number \\(${text} is ${iso}\\).*write it as ${iso}`),
    )
  })
})

describe('compareDates', () => {
  it('puts a month before the days of that month', () => {
    const d = (t: string) => {
      const r = parseDate(t)
      if (!r.ok) throw new Error(r.error)
      return r.date
    }
    expect(compareDates(d('2024-07'), d('2024-07-01'))).toBeLessThan(0)
    expect(compareDates(d('2024-07-17'), d('2024-07-17'))).toBe(0)
    expect(compareDates(d('2024-08'), d('2024-07-31'))).toBeGreaterThan(0)
  })
})
