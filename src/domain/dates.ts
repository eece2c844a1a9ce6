import type { DateValue } from './types'

export type DateParse = { ok: true; date: DateValue } | { ok: false; error: string }

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/
// What Excel/WPS turn an ISO date into when a CSV is opened and saved again.
const EXCEL_DAY = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/
const EXCEL_MONTH = /^(\d{4})[/.年](\d{1,2})月?$/

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Parses `YYYY-MM-DD` or `YYYY-MM`; explains Excel-rewritten forms rather than guessing. */
export function parseDate(raw: string): DateParse {
  const text = raw.trim()
  let m = DAY.exec(text)
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (month < 1 || month > 12) return { ok: false, error: `month ${month} does not exist` }
    if (day < 1 || day > daysIn(year, month)) {
      return { ok: false, error: `${year}-${pad(month)} has no day ${day}` }
    }
    return { ok: true, date: { text, precision: 'day', year, month, day } }
  }
  m = MONTH.exec(text)
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])]
    if (month < 1 || month > 12) return { ok: false, error: `month ${month} does not exist` }
    return { ok: true, date: { text, precision: 'month', year, month, day: null } }
  }
  m = EXCEL_DAY.exec(text)
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`
    return {
      ok: false,
      error: `looks rewritten by Excel/WPS; write it as ${iso} (format the column as text before saving)`,
    }
  }
  m = EXCEL_MONTH.exec(text)
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}`
    return { ok: false, error: `looks rewritten by Excel/WPS; write it as ${iso}` }
  }
  return { ok: false, error: 'expected a date as YYYY-MM-DD, or YYYY-MM when the day is unknown' }
}

/** Orders two dates; a month-precision date sorts before the days of that month. */
export function compareDates(a: DateValue, b: DateValue): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0
}
