import { formatNumber, qualifierPrefix, type Locale } from './format'
import type { Qualifier, Unit } from './vocab'

/** A formatted amount cut into pieces a KPI tile sets in different sizes. */
export interface AmountParts {
  /** 约 / 超 / 近 / ≈ … */
  qualifier: string
  /** Text before the digits, e.g. ¥ */
  before: string
  digits: string
  /** Magnitude and unit after the digits: 亿元, bn, + … */
  after: string
}

export function amountParts(
  a: { value: number; unit: Unit; qualifier: Qualifier },
  locale: Locale,
): AmountParts {
  const text = formatNumber(a.value, a.unit, locale)
  const m = /^(\D*?)(-?[\d.,]+)(.*)$/.exec(text)
  const plus = locale === 'en' && a.unit === 'count' && a.qualifier === 'more_than'
  const qualifier = plus ? '' : qualifierPrefix(a.qualifier, locale).trim()
  if (!m) return { qualifier, before: '', digits: text, after: plus ? '+' : '' }
  return {
    qualifier,
    before: m[1] ?? '',
    digits: m[2] ?? '',
    after: (m[3] ?? '') + (plus ? '+' : ''),
  }
}
