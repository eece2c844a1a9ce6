import type { DateValue } from './types'

export type DateParse = { ok: true; date: DateValue } | { ok: false; error: string }

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH = /^(\d{4})-(\d{2})$/
// What Excel and WPS turn an ISO date into when a CSV is opened and saved again: 2024/7/17,
// 2024.7.17, 2024年7月17日, 2024-7-17 (the day or month unpadded), with a time 2024/7/17 0:00,
// 2024/7 and 2024年7月 for a month; Jul-24 where English Excel reads 2024-07.
const LOOSE_DAY =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/
const LOOSE_MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/
const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]
const ENGLISH_MONTH = /^([a-z]{3})-(\d{2})$/i
// Excel's day numbers (1 = 1900-01-01, with its phantom 1900-02-29): what a date column turns
// into when it is formatted as a number. 36526 … 73050 are the years 2000 … 2099.
const SERIAL = /^\d{5}$/
const SERIAL_MIN = 36526
const SERIAL_MAX = 73050
const AS_TEXT = 'format the column as Text before saving'

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function checkDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) {
    return `month ${month} does not exist; expected a date as YYYY-MM-DD, e.g. 2024-07-17`
  }
  if (day < 1 || day > daysIn(year, month)) {
    return `${year}-${pad(month)} has no day ${day}; expected a date as YYYY-MM-DD, e.g. 2024-07-17`
  }
  return null
}

/** Parses `YYYY-MM-DD` or `YYYY-MM`; explains Excel-rewritten forms rather than guessing. */
export function parseDate(raw: string): DateParse {
  const text = raw.trim()
  let m = DAY.exec(text)
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const error = checkDay(year, month, day)
    if (error) return { ok: false, error }
    return { ok: true, date: { text, precision: 'day', year, month, day } }
  }
  m = MONTH.exec(text)
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])]
    if (month < 1 || month > 12) {
      return { ok: false, error: `month ${month} does not exist; expected YYYY-MM, e.g. 2024-07` }
    }
    return { ok: true, date: { text, precision: 'month', year, month, day: null } }
  }
  return { ok: false, error: explainDate(text) }
}

/** Why a date is not YYYY-MM-DD or YYYY-MM, naming the ISO form when it can be recovered. */
function explainDate(text: string): string {
  const rewritten = (iso: string) =>
    `Excel or WPS rewrote this date; write it as ${iso} and ${AS_TEXT}`
  let m = LOOSE_DAY.exec(text)
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return checkDay(year, month, day) ?? rewritten(`${year}-${pad(month)}-${pad(day)}`)
  }
  m = LOOSE_MONTH.exec(text)
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])]
    if (month < 1 || month > 12) return `month ${month} does not exist; expected YYYY-MM`
    return rewritten(`${year}-${pad(month)}`)
  }
  m = ENGLISH_MONTH.exec(text)
  const monthIndex = m ? MONTH_NAMES.indexOf((m[1] ?? '').toLowerCase()) : -1
  if (m && monthIndex >= 0) return rewritten(`20${m[2]}-${pad(monthIndex + 1)}`)
  if (SERIAL.test(text)) {
    const serial = Number(text)
    if (serial >= SERIAL_MIN && serial <= SERIAL_MAX) {
      const iso = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)
      return `is an Excel date serial number (${serial} is ${iso}): the column was formatted as a number; write it as ${iso} and ${AS_TEXT}`
    }
  }
  return 'expected a date as YYYY-MM-DD, or YYYY-MM when the day is unknown'
}

/** Orders two dates; a month-precision date sorts before the days of that month. */
export function compareDates(a: DateValue, b: DateValue): number {
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0
}
