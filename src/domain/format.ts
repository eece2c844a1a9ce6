// Display of numbers and aggregated amounts. A single figure is shown in its source's own words
// (the `text` kept by parseAmount, e.g. 80余项); formatAmount is for aggregates, which have no
// source text, so their qualifier is rendered by rule: 超X / 近X / 约X / 不超过X in Chinese (never
// ≥, which Chinese readers do not use in prose) and > / < / ≈ / ≤ in English.

import type { Qualifier, Unit } from './vocab'

export type Locale = 'zh-CN' | 'en'

export interface FormatOptions {
  maxFractionDigits?: number
}

/** One step of a unit ladder: values of at least `min` are shown divided by `divisor`. */
interface Step {
  min: number
  divisor: number
  render: (n: string) => string
  /** en money keeps one decimal below 10 (¥3.0 bn) so figures in a column read alike. */
  keepOneDecimalBelowTen?: boolean
  maxFractionDigits: number
}

const step = (min: number, divisor: number, render: (n: string) => string): Step => ({
  min,
  divisor,
  render,
  maxFractionDigits: 2,
})

const zhLadder = (word: string, countStyle: boolean): Step[] => [
  step(1e12, 1e12, (n) => `${n}万亿${word}`),
  step(1e8, 1e8, (n) => `${n}亿${word}`),
  // A count of 12 000 reads naturally as a plain number; only from 10万 on is 万 clearer.
  step(countStyle ? 1e5 : 1e4, 1e4, (n) => `${n}万${word}`),
  step(0, 1, (n) => `${n}${word}`),
]

const enMoney = (min: number, suffix: string): Step => ({
  ...step(min, min, (n) => `¥${n} ${suffix}`),
  keepOneDecimalBelowTen: true,
  maxFractionDigits: 1,
})

const LADDERS: Record<Locale, Record<Unit, Step[]>> = {
  'zh-CN': {
    yuan: zhLadder('元', false),
    count: zhLadder('', true),
    m2: zhLadder('平方米', false),
    percent: [step(0, 1, (n) => `${n}%`)],
  },
  en: {
    yuan: [enMoney(1e12, 'tn'), enMoney(1e9, 'bn'), enMoney(1e6, 'm'), step(0, 1, (n) => `¥${n}`)],
    count: [step(0, 1, (n) => n)],
    m2: [step(1e6, 1e6, (n) => `${n} million m²`), step(0, 1, (n) => `${n} m²`)],
    percent: [step(0, 1, (n) => `${n}%`)],
  },
}

const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'zh-CN', {
      minimumFractionDigits: min,
      maximumFractionDigits: max,
      // Chinese news writes 8600万元 and 1262项, not 8,600.
      useGrouping: locale === 'en',
    })
    formatters.set(key, f)
  }
  return f
}

function renderStep(rung: Step, value: number, locale: Locale, opts?: FormatOptions): string {
  const max = Math.max(0, Math.min(20, opts?.maxFractionDigits ?? rung.maxFractionDigits))
  const scaled = value / rung.divisor
  let text = numberFormat(locale, 0, max).format(scaled)
  if (rung.keepOneDecimalBelowTen && Math.abs(parseFormatted(text)) < 10) {
    text = numberFormat(locale, Math.min(1, max), max).format(scaled)
  }
  return text
}

function parseFormatted(text: string): number {
  return Number(text.replace(/,/g, ''))
}

export function formatNumber(
  value: number,
  unit: Unit,
  locale: Locale,
  opts?: FormatOptions,
): string {
  // A broken aggregate should show as missing, not as NaN on a public screen.
  if (!Number.isFinite(value)) return '—'
  const ladder = LADDERS[locale][unit]
  const magnitude = Math.abs(value)
  let index = ladder.findIndex((s) => magnitude >= s.min)
  if (index < 0) index = ladder.length - 1
  let rung = ladder[index]
  if (!rung) return '—'
  let text = renderStep(rung, magnitude, locale, opts)
  // Rounding can carry into the next unit (99 999 999 → 10000万元); show 1亿元 instead.
  const bigger = ladder[index - 1]
  if (bigger && parseFormatted(text) * rung.divisor >= bigger.min) {
    rung = bigger
    text = renderStep(rung, magnitude, locale, opts)
  }
  const rendered = rung.render(text)
  return value < 0 ? `-${rendered}` : rendered
}

const PREFIX: Record<Locale, Record<Qualifier, string>> = {
  'zh-CN': { exact: '', approx: '约', nearly: '近', more_than: '超', up_to: '不超过' },
  en: { exact: '', approx: '≈ ', nearly: '< ', more_than: '> ', up_to: '≤ ' },
}

export function qualifierPrefix(q: Qualifier, locale: Locale): string {
  return PREFIX[locale][q]
}

/** For aggregates only: a single figure should be shown in its source text (Amount.text). */
export function formatAmount(
  a: { value: number; unit: Unit; qualifier: Qualifier },
  locale: Locale,
): string {
  const number = formatNumber(a.value, a.unit, locale)
  // "80+ projects" is how English writes a lower bound on a count; "> 80" reads like maths.
  if (locale === 'en' && a.unit === 'count' && a.qualifier === 'more_than') return `${number}+`
  return qualifierPrefix(a.qualifier, locale) + number
}

/**
 * A single reported number: in Chinese in the source's own words (近30亿元, 80余项); in English
 * rendered from the parsed value with its qualifier (≈ ¥3.0 bn, 80+), never without it.
 */
export function amountText(
  a: { value: number; unit: Unit; qualifier: Qualifier; text: string },
  locale: Locale,
): string {
  return locale === 'en' ? formatAmount(a, locale) : a.text
}
