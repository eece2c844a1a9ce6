import type { Locale } from './format'
import type { DateValue } from './types'

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const

export function enMonth(m: number): string {
  return EN_MONTHS[m - 1] ?? String(m)
}

/**
 * A date as the source gives it: 2024年11月19日—20日 / Nov 19–20, 2024, and a month-only date as
 * 2024年7月 / Jul 2024, never with an invented day. `withYear: false` drops the year for labels,
 * where the axis already says it.
 */
export function formatEventDate(
  start: DateValue,
  end: DateValue | null,
  locale: Locale,
  withYear = true,
): string {
  const { year: y, month: m, day: d } = start
  if (locale === 'en') {
    const yearPart = withYear ? `, ${y}` : ''
    if (start.precision === 'month' || d === null)
      return withYear ? `${enMonth(m)} ${y}` : enMonth(m)
    if (!end || end.text === start.text || end.day === null) return `${enMonth(m)} ${d}${yearPart}`
    if (end.year !== y)
      return `${enMonth(m)} ${d}, ${y} – ${enMonth(end.month)} ${end.day}, ${end.year}`
    if (end.month !== m) return `${enMonth(m)} ${d} – ${enMonth(end.month)} ${end.day}${yearPart}`
    return `${enMonth(m)} ${d}–${end.day}${yearPart}`
  }
  const yearPart = withYear ? `${y}年` : ''
  if (start.precision === 'month' || d === null) return `${yearPart}${m}月`
  if (!end || end.text === start.text || end.day === null) return `${yearPart}${m}月${d}日`
  if (end.year !== y) return `${y}年${m}月${d}日—${end.year}年${end.month}月${end.day}日`
  if (end.month !== m) return `${yearPart}${m}月${d}日—${end.month}月${end.day}日`
  return `${yearPart}${m}月${d}日—${end.day}日`
}
