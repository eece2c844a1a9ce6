import { describe, it, expect } from 'vitest'
import { formatAmount, formatNumber, qualifierPrefix } from '../../src/domain/format'
import { parseAmount } from '../../src/domain/amount'
import { sumAmounts } from '../../src/domain/qualifier'
import { QUALIFIERS, UNITS, type Qualifier, type Unit } from '../../src/domain/vocab'

describe('qualifierPrefix', () => {
  it.each<[Qualifier, string, string]>([
    ['exact', '', ''],
    ['approx', '约', '≈ '],
    ['nearly', '近', '< '],
    ['more_than', '超', '> '],
    ['up_to', '不超过', '≤ '],
  ])('%s → zh %j, en %j', (q, zh, en) => {
    expect(qualifierPrefix(q, 'zh-CN')).toBe(zh)
    expect(qualifierPrefix(q, 'en')).toBe(en)
  })

  it('never uses ≥ or ≤ in Chinese', () => {
    for (const q of QUALIFIERS) expect(qualifierPrefix(q, 'zh-CN')).not.toMatch(/[≥≤><≈]/)
  })
})

describe('formatNumber zh-CN', () => {
  it.each<[number, Unit, string]>([
    [3e9, 'yuan', '30亿元'],
    [1.2e8, 'yuan', '1.2亿元'],
    [8.6e7, 'yuan', '8600万元'],
    [2.46e10, 'yuan', '246亿元'],
    [2.35e10, 'yuan', '235亿元'],
    [8.48e7, 'yuan', '8480万元'],
    [3e6, 'yuan', '300万元'],
    [1.9e9, 'yuan', '19亿元'],
    [1.23456e8, 'yuan', '1.23亿元'],
    [1.005e8, 'yuan', '1.01亿元'],
    [1e8, 'yuan', '1亿元'],
    [1e4, 'yuan', '1万元'],
    [11500, 'yuan', '1.15万元'],
    [9999, 'yuan', '9999元'],
    [12.5, 'yuan', '12.5元'],
    [0, 'yuan', '0元'],
    [1.5e12, 'yuan', '1.5万亿元'],
    // rounding that carries into the next unit moves up a unit
    [99_999_999, 'yuan', '1亿元'],
    [99_999.999, 'yuan', '10万元'],
    [57, 'count', '57'],
    [1262, 'count', '1262'],
    [12000, 'count', '12000'],
    [99_999, 'count', '99999'],
    [1e5, 'count', '10万'],
    [120000, 'count', '12万'],
    [3e8, 'count', '3亿'],
    [2.48e6, 'm2', '248万平方米'],
    [12000, 'm2', '1.2万平方米'],
    [5000, 'm2', '5000平方米'],
    [9.38, 'percent', '9.38%'],
    [9.384, 'percent', '9.38%'],
    [120, 'percent', '120%'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatNumber(value, unit, 'zh-CN')).toBe(expected)
  })
})

describe('formatNumber en', () => {
  it.each<[number, Unit, string]>([
    [3e9, 'yuan', '¥3.0 bn'],
    [1.9e9, 'yuan', '¥1.9 bn'],
    [1e9, 'yuan', '¥1.0 bn'],
    [9.94e9, 'yuan', '¥9.9 bn'],
    [9.96e9, 'yuan', '¥10 bn'],
    [2.35e10, 'yuan', '¥23.5 bn'],
    [2.46e10, 'yuan', '¥24.6 bn'],
    [2.4e10, 'yuan', '¥24 bn'],
    [8.6e7, 'yuan', '¥86 m'],
    [8.48e7, 'yuan', '¥84.8 m'],
    [1.2e6, 'yuan', '¥1.2 m'],
    [1e6, 'yuan', '¥1.0 m'],
    [5e8, 'yuan', '¥500 m'],
    [999_960_000, 'yuan', '¥1.0 bn'],
    [1.5e12, 'yuan', '¥1.5 tn'],
    [8000, 'yuan', '¥8,000'],
    [999_999, 'yuan', '¥999,999'],
    [500, 'yuan', '¥500'],
    [12.5, 'yuan', '¥12.5'],
    [57, 'count', '57'],
    [1262, 'count', '1,262'],
    [120000, 'count', '120,000'],
    [2.48e6, 'm2', '2.48 million m²'],
    [1e6, 'm2', '1 million m²'],
    [480_000, 'm2', '480,000 m²'],
    [9.38, 'percent', '9.38%'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatNumber(value, unit, 'en')).toBe(expected)
  })
})

describe('formatNumber options and edge values', () => {
  it('honours maxFractionDigits', () => {
    expect(formatNumber(1.23456e8, 'yuan', 'zh-CN', { maxFractionDigits: 4 })).toBe('1.2346亿元')
    expect(formatNumber(1.23456e8, 'yuan', 'zh-CN', { maxFractionDigits: 0 })).toBe('1亿元')
    expect(formatNumber(9.384, 'percent', 'en', { maxFractionDigits: 1 })).toBe('9.4%')
    expect(formatNumber(3e9, 'yuan', 'en', { maxFractionDigits: 0 })).toBe('¥3 bn')
    expect(formatNumber(3.456e9, 'yuan', 'en', { maxFractionDigits: 2 })).toBe('¥3.46 bn')
  })

  it('puts the sign in front of the currency', () => {
    expect(formatNumber(-3e9, 'yuan', 'en')).toBe('-¥3.0 bn')
    expect(formatNumber(-3e9, 'yuan', 'zh-CN')).toBe('-30亿元')
  })

  it.each([NaN, Infinity, -Infinity])('shows %d as a dash, never as NaN or 0', (v) => {
    for (const unit of UNITS) {
      expect(formatNumber(v, unit, 'zh-CN')).toBe('—')
      expect(formatNumber(v, unit, 'en')).toBe('—')
    }
  })
})

describe('formatAmount (aggregates)', () => {
  it.each<[number, Unit, Qualifier, string, string]>([
    [3e9, 'yuan', 'nearly', '近30亿元', '< ¥3.0 bn'],
    [1.9e9, 'yuan', 'more_than', '超19亿元', '> ¥1.9 bn'],
    [8.6e7, 'yuan', 'approx', '约8600万元', '≈ ¥86 m'],
    [5e8, 'yuan', 'up_to', '不超过5亿元', '≤ ¥500 m'],
    [2.35e10, 'yuan', 'exact', '235亿元', '¥23.5 bn'],
    [80, 'count', 'more_than', '超80', '80+'],
    [1262, 'count', 'more_than', '超1262', '1,262+'],
    [57, 'count', 'exact', '57', '57'],
    [400, 'count', 'nearly', '近400', '< 400'],
    [120000, 'count', 'approx', '约12万', '≈ 120,000'],
    [20, 'count', 'up_to', '不超过20', '≤ 20'],
    [2.48e6, 'm2', 'exact', '248万平方米', '2.48 million m²'],
    [2.48e6, 'm2', 'more_than', '超248万平方米', '> 2.48 million m²'],
    [9.38, 'percent', 'exact', '9.38%', '9.38%'],
    [9.38, 'percent', 'approx', '约9.38%', '≈ 9.38%'],
  ])('%d %s %s → zh %s, en %s', (value, unit, qualifier, zh, en) => {
    expect(formatAmount({ value, unit, qualifier }, 'zh-CN')).toBe(zh)
    expect(formatAmount({ value, unit, qualifier }, 'en')).toBe(en)
  })

  it('formats a sum with its combined qualifier', () => {
    const figures = ['近30亿元', '8480万元'].map((t) => parseAmount(t))
    const amounts = figures.flatMap((r) => (r.ok ? [r.amount] : []))
    const total = sumAmounts(amounts)
    if (!total) throw new Error('unexpected null')
    expect(formatAmount(total, 'zh-CN')).toBe('近30.85亿元')
    expect(formatAmount(total, 'en')).toBe('< ¥3.1 bn')
  })
})

// A single figure is displayed in its source's words (Amount.text); these round trips check
// that an aggregate of one figure still reads like the article.
describe('round trips parse → formatAmount (zh-CN)', () => {
  it.each<[string, string]>([
    ['近30亿元', '近30亿元'],
    ['超19亿元', '超19亿元'],
    ['约8600万元', '约8600万元'],
    ['约246亿元', '约246亿元'],
    ['8480万元', '8480万元'],
    ['235亿元', '235亿元'],
    ['超300万元', '超300万元'],
    ['不超过5亿元', '不超过5亿元'],
    ['248万平方米', '248万平方米'],
    ['9.38%', '9.38%'],
    ['57项', '57'],
    ['11个', '11'],
    ['129位', '129'],
    ['近400名', '近400'],
    // the aggregate form of a qualifier is by rule, so 余/多/以上/左右 change their words
    ['80余项', '超80'],
    ['40多位', '超40'],
    ['1000家以上', '超1000'],
    ['1.2亿余元', '超1.2亿元'],
    ['30亿元左右', '约30亿元'],
    ['逾30亿元', '超30亿元'],
    ['３０亿元', '30亿元'],
    ['两千万元', '2000万元'],
    ['三千五百万元', '3500万元'],
    ['3千万元', '3000万元'],
    ['0.07亿元', '700万元'],
  ])('%s → %s', (source, expected) => {
    const r = parseAmount(source)
    if (!r.ok) throw new Error(r.error)
    expect(formatAmount(r.amount, 'zh-CN')).toBe(expected)
  })

  it.each(['近30亿元', '超19亿元', '约8600万元', '80余项', '248万平方米', '9.38%', '不超过5亿元'])(
    '%s: the formatted aggregate parses back to the same amount',
    (source) => {
      const first = parseAmount(source)
      if (!first.ok) throw new Error(first.error)
      const again = parseAmount(formatAmount(first.amount, 'zh-CN'), first.amount.unit)
      if (!again.ok) throw new Error(again.error)
      const { value, unit, qualifier } = first.amount
      expect(again.amount).toMatchObject({ value, unit, qualifier })
    },
  )

  it('every unit and qualifier formats to something parseAmount accepts back', () => {
    for (const unit of UNITS) {
      for (const qualifier of QUALIFIERS) {
        const text = formatAmount({ value: 1234, unit, qualifier }, 'zh-CN')
        const back = parseAmount(text, unit)
        expect(back.ok, text).toBe(true)
        if (back.ok) expect(back.amount).toMatchObject({ value: 1234, unit, qualifier })
      }
    }
  })
})
