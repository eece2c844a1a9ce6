import { describe, it, expect } from 'vitest'
import { combineQualifiers, sumAmounts } from '../../src/domain/qualifier'
import { parseAmount, type Amount } from '../../src/domain/amount'
import { QUALIFIERS, type Qualifier, type Unit } from '../../src/domain/vocab'

function amount(value: number, unit: Unit, qualifier: Qualifier = 'exact'): Amount {
  return { value, unit, qualifier, text: String(value) }
}

function parsed(text: string): Amount {
  const r = parseAmount(text)
  if (!r.ok) throw new Error(r.error)
  return r.amount
}

describe('combineQualifiers', () => {
  it.each<[Qualifier[], Qualifier]>([
    [[], 'exact'],
    [['exact'], 'exact'],
    [['exact', 'exact', 'exact'], 'exact'],
    // lower bounds only
    [['more_than'], 'more_than'],
    [['exact', 'more_than'], 'more_than'],
    [['more_than', 'more_than', 'exact'], 'more_than'],
    // upper bounds only
    [['nearly'], 'nearly'],
    [['exact', 'nearly'], 'nearly'],
    [['up_to'], 'up_to'],
    [['exact', 'up_to'], 'up_to'],
    [['up_to', 'up_to'], 'up_to'],
    [['nearly', 'up_to'], 'nearly'],
    [['exact', 'up_to', 'nearly', 'exact'], 'nearly'],
    // any approx
    [['approx'], 'approx'],
    [['exact', 'approx'], 'approx'],
    [['more_than', 'approx'], 'approx'],
    [['nearly', 'approx'], 'approx'],
    [['up_to', 'approx'], 'approx'],
    // lower and upper bounds mixed
    [['more_than', 'nearly'], 'approx'],
    [['more_than', 'up_to'], 'approx'],
    [['exact', 'more_than', 'nearly', 'up_to'], 'approx'],
  ])('%j → %s', (qs, expected) => {
    expect(combineQualifiers(qs)).toBe(expected)
  })

  it('does not depend on order', () => {
    for (const a of QUALIFIERS) {
      for (const b of QUALIFIERS) {
        for (const c of QUALIFIERS) {
          const forward = combineQualifiers([a, b, c])
          expect(combineQualifiers([c, b, a])).toBe(forward)
          expect(combineQualifiers([b, c, a])).toBe(forward)
        }
      }
    }
  })

  it('is idempotent: combining a combination with its parts changes nothing', () => {
    for (const a of QUALIFIERS) {
      for (const b of QUALIFIERS) {
        const ab = combineQualifiers([a, b])
        expect(combineQualifiers([ab, a, b])).toBe(ab)
      }
    }
  })
})

describe('sumAmounts', () => {
  it('returns null for an empty list, never a 0 total', () => {
    expect(sumAmounts([])).toBeNull()
  })

  it('sums one amount into itself', () => {
    expect(sumAmounts([amount(57, 'count')])).toEqual({
      value: 57,
      unit: 'count',
      qualifier: 'exact',
      count: 1,
    })
  })

  it('sums parsed article figures with combined qualifiers', () => {
    expect(sumAmounts([parsed('近30亿元'), parsed('8480万元')])).toEqual({
      value: 3_084_800_000,
      unit: 'yuan',
      qualifier: 'nearly',
      count: 2,
    })
    expect(sumAmounts([parsed('80余项'), parsed('57项'), parsed('11个')])).toEqual({
      value: 148,
      unit: 'count',
      qualifier: 'more_than',
      count: 3,
    })
    expect(sumAmounts([parsed('超19亿元'), parsed('近30亿元')])).toEqual({
      value: 4.9e9,
      unit: 'yuan',
      qualifier: 'approx',
      count: 2,
    })
    expect(sumAmounts([parsed('约246亿元'), parsed('235亿元')])).toMatchObject({
      value: 4.81e10,
      qualifier: 'approx',
    })
    expect(sumAmounts([parsed('不超过5亿元'), parsed('235亿元')])).toMatchObject({
      value: 2.4e10,
      qualifier: 'up_to',
    })
  })

  it('adds decimals without binary noise', () => {
    expect(sumAmounts([amount(0.1, 'percent'), amount(0.2, 'percent')])?.value).toBe(0.3)
    expect(sumAmounts([amount(1.2, 'm2'), amount(0.07, 'm2'), amount(3, 'm2')])?.value).toBe(4.27)
    expect(sumAmounts([amount(9.38, 'percent'), amount(1.005, 'percent')])?.value).toBe(10.385)
  })

  it('keeps large yuan totals exact', () => {
    const many = Array.from({ length: 1000 }, () => parsed('1.2亿余元'))
    expect(sumAmounts(many)).toEqual({
      value: 120_000_000_000,
      unit: 'yuan',
      qualifier: 'more_than',
      count: 1000,
    })
  })

  it.each<[Unit, Unit]>([
    ['yuan', 'count'],
    ['count', 'yuan'],
    ['yuan', 'percent'],
    ['m2', 'count'],
  ])('throws rather than add %s and %s', (a, b) => {
    expect(() => sumAmounts([amount(1, a), amount(2, a), amount(3, b)])).toThrow(
      `cannot add ${b} to ${a}`,
    )
  })

  it('accepts plain { value, unit, qualifier } records such as earlier totals', () => {
    const t1 = sumAmounts([amount(10, 'count', 'more_than')])
    const t2 = sumAmounts([amount(5, 'count')])
    if (!t1 || !t2) throw new Error('unexpected null')
    expect(sumAmounts([t1, t2])).toEqual({
      value: 15,
      unit: 'count',
      qualifier: 'more_than',
      count: 2,
    })
  })
})
