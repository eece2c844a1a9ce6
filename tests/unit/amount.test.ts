import { describe, it, expect } from 'vitest'
import { parseAmount } from '../../src/domain/amount'
import type { Qualifier, Unit } from '../../src/domain/vocab'

function parsed(text: string, expectedUnit?: Unit) {
  const r = parseAmount(text, expectedUnit)
  if (!r.ok) throw new Error(`expected ${text} to parse, got: ${r.error}`)
  return r.amount
}

function rejected(text: string, expectedUnit?: Unit): string {
  const r = parseAmount(text, expectedUnit)
  if (r.ok) throw new Error(`expected ${text} to be rejected, got ${JSON.stringify(r.amount)}`)
  return r.error
}

describe('parseAmount: forms found in the articles', () => {
  it.each<[string, number, Unit, Qualifier]>([
    ['近30亿元', 3e9, 'yuan', 'nearly'],
    ['1.2亿余元', 1.2e8, 'yuan', 'more_than'],
    ['超19亿元', 1.9e9, 'yuan', 'more_than'],
    ['80余项', 80, 'count', 'more_than'],
    ['248万平方米', 2.48e6, 'm2', 'exact'],
    ['9.38%', 9.38, 'percent', 'exact'],
    ['129位', 129, 'count', 'exact'],
    ['近400名', 400, 'count', 'nearly'],
    ['40多位', 40, 'count', 'more_than'],
    ['10多家', 10, 'count', 'more_than'],
    ['1000家以上', 1000, 'count', 'more_than'],
    ['20余个', 20, 'count', 'more_than'],
    ['约246亿元', 2.46e10, 'yuan', 'approx'],
    ['8480万元', 8.48e7, 'yuan', 'exact'],
    ['235亿元', 2.35e10, 'yuan', 'exact'],
    ['超300万元', 3e6, 'yuan', 'more_than'],
    ['11个', 11, 'count', 'exact'],
    ['57项', 57, 'count', 'exact'],
    ['不超过5亿元', 5e8, 'yuan', 'up_to'],
    ['30亿元左右', 3e9, 'yuan', 'approx'],
  ])('%s → %d %s %s', (text, value, unit, qualifier) => {
    expect(parsed(text)).toEqual({ value, unit, qualifier, text })
  })
})

describe('parseAmount: qualifier words', () => {
  it.each<[string, Qualifier]>([
    ['约30亿元', 'approx'],
    ['大约30亿元', 'approx'],
    ['30亿元左右', 'approx'],
    ['30亿元上下', 'approx'],
    ['近30亿元', 'nearly'],
    ['将近30亿元', 'nearly'],
    ['接近30亿元', 'nearly'],
    ['超30亿元', 'more_than'],
    ['超过30亿元', 'more_than'],
    ['逾30亿元', 'more_than'],
    ['30余亿元', 'more_than'],
    ['30亿余元', 'more_than'],
    ['30多亿元', 'more_than'],
    ['30亿元以上', 'more_than'],
    ['不低于30亿元', 'more_than'],
    ['不少于30亿元', 'more_than'],
    ['不超过30亿元', 'up_to'],
    ['不到30亿元', 'up_to'],
    ['30亿元以内', 'up_to'],
    ['30亿元以下', 'up_to'],
    ['30亿元', 'exact'],
  ])('%s is %s, value unchanged', (text, qualifier) => {
    expect(parsed(text)).toMatchObject({ value: 3e9, unit: 'yuan', qualifier })
  })

  it('accepts the same qualifier said twice', () => {
    expect(parsed('超1000家以上')).toMatchObject({ value: 1000, qualifier: 'more_than' })
    expect(parsed('大约30亿元左右')).toMatchObject({ value: 3e9, qualifier: 'approx' })
  })

  it('puts 余 before or after the magnitude', () => {
    expect(parsed('2000余万元')).toMatchObject({ value: 2e7, qualifier: 'more_than' })
    expect(parsed('1.2万余元')).toMatchObject({ value: 12000, qualifier: 'more_than' })
  })
})

describe('parseAmount: unit words', () => {
  it.each<[string, Unit]>([
    ['5元', 'yuan'],
    ...['项', '个', '家', '名', '位', '人', '所', '件', '座', '支', '款', '大'].map(
      (w) => [`5${w}`, 'count'] as [string, Unit],
    ),
    ['5平方米', 'm2'],
    ['5平米', 'm2'],
    ['5㎡', 'm2'],
    ['5m²', 'm2'],
    ['5%', 'percent'],
    ['5％', 'percent'],
  ])('%s → %s', (text, unit) => {
    expect(parsed(text)).toEqual({ value: 5, unit, qualifier: 'exact', text })
  })
})

describe('parseAmount: magnitudes and exact scaling', () => {
  it.each<[string, number]>([
    ['1.2亿元', 120000000],
    ['0.07亿元', 7000000],
    ['1.15万元', 11500],
    ['3千万元', 30000000],
    ['5百万元', 5000000],
    ['2千元', 2000],
    ['1.5万亿元', 1.5e12],
    ['2.35亿元', 235000000],
    ['0.1亿元', 10000000],
    ['0.3万元', 3000],
    ['1.01亿元', 101000000],
    ['12.345万元', 123450],
    ['1,262项', 1262],
    ['12,345,678元', 12345678],
    ['1,262.5万元', 12625000],
    ['0项', 0],
    ['007项', 7],
  ])('%s → %d exactly', (text, value) => {
    const a = parsed(text)
    expect(a.value).toBe(value)
  })

  it('has no floating-point noise in any tenth or hundredth of 亿 and 万', () => {
    for (let k = 1; k < 1000; k++) {
      const s = (k / 100).toFixed(2)
      expect(parsed(`${s}亿元`).value).toBe(k * 1e6)
      expect(parsed(`${s}万元`).value).toBe(k * 100)
    }
  })
})

describe('parseAmount: full-width characters and whitespace', () => {
  it.each<[string, number, Unit]>([
    ['３０亿元', 3e9, 'yuan'],
    ['９．３８％', 9.38, 'percent'],
    ['１，２６２项', 1262, 'count'],
    ['  近30亿元  ', 3e9, 'yuan'],
    ['近 30 亿元', 3e9, 'yuan'],
    ['30\u3000亿元', 3e9, 'yuan'],
  ])('%s → %d %s', (text, value, unit) => {
    const a = parsed(text)
    expect(a).toMatchObject({ value, unit })
    expect(a.text).toBe(text.trim())
  })
})

describe('parseAmount: Chinese numerals', () => {
  it.each<[string, number, Unit, Qualifier]>([
    ['十四家', 14, 'count', 'exact'],
    ['二十余所', 20, 'count', 'more_than'],
    ['一百二十人', 120, 'count', 'exact'],
    ['两千万元', 2e7, 'yuan', 'exact'],
    ['三千五百万元', 3.5e7, 'yuan', 'exact'],
    ['十三大', 13, 'count', 'exact'],
    ['十家', 10, 'count', 'exact'],
    ['十余家', 10, 'count', 'more_than'],
    ['百余家', 100, 'count', 'more_than'],
    ['千余人', 1000, 'count', 'more_than'],
    ['三十多位', 30, 'count', 'more_than'],
    ['一千零五十人', 1050, 'count', 'exact'],
    ['一千零五人', 1005, 'count', 'exact'],
    ['一百零八项', 108, 'count', 'exact'],
    ['一百一十家', 110, 'count', 'exact'],
    ['一万五千人', 15000, 'count', 'exact'],
    ['两亿五千万元', 2.5e8, 'yuan', 'exact'],
    ['三万亿元', 3e12, 'yuan', 'exact'],
    ['二十余万元', 2e5, 'yuan', 'more_than'],
    ['约两亿元', 2e8, 'yuan', 'approx'],
    ['近五十家', 50, 'count', 'nearly'],
    ['九项', 9, 'count', 'exact'],
    ['两家', 2, 'count', 'exact'],
    ['〇项', 0, 'count', 'exact'],
  ])('%s → %d %s %s', (text, value, unit, qualifier) => {
    expect(parsed(text)).toEqual({ value, unit, qualifier, text })
  })
})

describe('parseAmount: expectedUnit', () => {
  it.each<[string, Unit, number, Qualifier]>([
    ['约8600万', 'yuan', 8.6e7, 'approx'],
    ['约12万', 'count', 120000, 'approx'],
    ['80余', 'count', 80, 'more_than'],
    ['5亿以内', 'yuan', 5e8, 'up_to'],
    ['57', 'count', 57, 'exact'],
    ['248万', 'm2', 2.48e6, 'exact'],
  ])('%s with %s → %d %s', (text, unit, value, qualifier) => {
    expect(parsed(text, unit)).toEqual({ value, unit, qualifier, text })
  })

  it('accepts a unit word that agrees with the expected unit', () => {
    expect(parsed('80余项', 'count')).toMatchObject({ value: 80, unit: 'count' })
    expect(parsed('近30亿元', 'yuan')).toMatchObject({ value: 3e9, unit: 'yuan' })
    expect(parsed('248万平方米', 'm2')).toMatchObject({ value: 2.48e6, unit: 'm2' })
    expect(parsed('9.38%', 'percent')).toMatchObject({ value: 9.38, unit: 'percent' })
  })
})

describe('parseAmount: rejections', () => {
  it.each<[string, RegExp]>([
    ['', /expected a number/],
    ['   ', /expected a number/],
    ['\u3000', /expected a number/],
    ['abc亿', /expected a number/],
    ['--', /expected a number/],
    ['—', /expected a number/],
    ['-', /expected a number/],
    ['N/A', /expected a number/],
    ['亿元', /expected a number before 亿/],
    ['万元', /expected a number before 万/],
    ['约亿元', /expected a number before 亿/],
    ['元', /expected a number/],
    ['数十家', /expected a number/],
    ['若干项', /expected a number/],
    ['.5亿元', /expected a number/],
    ['-5万元', /expected a non-negative amount/],
    ['－5万元', /expected a non-negative amount/],
    ['−5万元', /expected a non-negative amount/],
    ['负5万元', /expected a non-negative amount/],
    ['30亿元50亿元', /expected a single amount/],
    ['30-50亿元', /expected a single amount/],
    ['30~50亿元', /expected a single amount/],
    ['30至50亿元', /expected a single amount/],
    ['30亿元，50亿元', /expected a single amount/],
    ['1 262项', /expected a single amount/],
    ['3千五百万元', /expected a single amount/],
    ['2个百分点', /unexpected "百分点".*expected a unit word/],
    ['30亿元人民币', /unexpected "人民币".*expected a unit word/],
    ['30亿美元', /unexpected "美元".*expected a unit word/],
    ['30亿元abc', /unexpected "abc".*expected a unit word/],
    ['30亿元。', /unexpected "。".*expected a unit word/],
    ['1,26项', /expected a single amount/],
    ['5.亿元', /unexpected "\.亿元"/],
    ['2000余万余元', /unexpected "余元"/],
    ['约30亿元以上', /conflicting qualifiers 约 and 以上; expected at most one kind/],
    ['近80余项', /conflicting qualifiers 近 and 余; expected at most one kind/],
    ['超30亿元以内', /conflicting qualifiers 超 and 以内; expected at most one kind/],
    ['一万五', /ambiguous Chinese numeral.*expected a full form such as 一万五千/],
    ['二百五十', /unit is missing/],
    ['二百五', /ambiguous Chinese numeral/],
    ['三千五万元', /ambiguous Chinese numeral/],
    ['二〇二四', /malformed Chinese numeral.*expected a form such as/],
    ['十十家', /malformed Chinese numeral/],
    ['一十百家', /malformed Chinese numeral/],
    ['一万千家', /malformed Chinese numeral/],
    ['一万二万家', /malformed Chinese numeral/],
    ['约8600万', /unit is missing; expected a unit word/],
    ['57', /unit is missing; expected a unit word/],
    ['十三大创新中心', /unexpected "创新中心"/],
  ])('%j is rejected: %s', (text, message) => {
    const error = rejected(text)
    expect(error).toMatch(message)
    expect(error).toMatch(/expected/)
    // Every message also speaks Chinese for the curators.
    expect(error).toMatch(/[\u4e00-\u9fff]/)
  })

  it('parses 二百五十 as 250: only the shorthand 二百五 is rejected', () => {
    expect(parsed('二百五十人').value).toBe(250)
  })

  it.each<[string, Unit, string]>([
    ['9.38%', 'yuan', 'a percentage where yuan was expected'],
    ['30亿元', 'count', 'an amount in yuan where a count was expected'],
    ['80余项', 'yuan', 'a count where yuan was expected'],
    ['248万平方米', 'yuan', 'an area where yuan was expected'],
    ['57项', 'percent', 'a count where a percentage was expected'],
    ['5亿元', 'm2', 'an amount in yuan where an area in m² was expected'],
  ])('%s with expected %s says: %s', (text, unit, message) => {
    const error = rejected(text, unit)
    expect(error).toContain(message)
    expect(error).toContain(text)
  })

  it('quotes the trimmed input and gives both languages', () => {
    const error = rejected(' 9.38% ', 'yuan')
    expect(error).toBe('"9.38%": a percentage where yuan was expected (应为金额（元），实为百分比)')
  })

  it.each(['--', '—', '-', '－－'])('calls %j a placeholder, not an amount', (text) => {
    expect(rejected(text, 'yuan')).toMatch(/a dash is a placeholder, not an amount/)
  })

  it.each(['N/A', '/', '无', '暂无'])('calls %j a placeholder too', (text) => {
    expect(rejected(text, 'count')).toMatch(/a placeholder, not an amount/)
  })

  it('never reads unparseable text as 0', () => {
    for (const text of ['', 'abc', '--', '—', 'N/A', '亿元', '-0元', '零点五亿']) {
      expect(parseAmount(text, 'yuan').ok).toBe(false)
    }
  })
})
