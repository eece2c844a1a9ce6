// Amount text as Chinese news writes it (近30亿元, 1.2亿余元, 80余项, 248万平方米, 9.38%) →
// { value in base units, unit, qualifier }. Anything the grammar below does not cover is rejected
// with a message naming what was expected: a misread figure on a public screen is worse than a
// validation error, and an unparseable value must never turn into 0.
//
// Grammar, after NFKC normalisation (full-width digits, ％, ．, ㎡ and m² become ASCII) and removal
// of whitespace:
//   [prefix qualifier] number [余|多] [magnitude] [余|多] [unit word] [suffix qualifier]
// where number is Arabic (with optional 1,262 separators and decimals) or a Chinese numeral.

import type { Qualifier, Unit } from './vocab'

export interface Amount {
  value: number
  unit: Unit
  qualifier: Qualifier
  text: string
}

export type ParseResult = { ok: true; amount: Amount } | { ok: false; error: string }

// Longest first, so 不超过 is not read as 不 + 超过 and 超过 not as 超 + 过.
const PREFIX_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['不超过', 'up_to'],
  ['不低于', 'more_than'],
  ['不少于', 'more_than'],
  ['大约', 'approx'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['超过', 'more_than'],
  ['不到', 'up_to'],
  ['约', 'approx'],
  ['近', 'nearly'],
  ['超', 'more_than'],
  ['逾', 'more_than'],
]

// 余/多 sit between the number and the unit: 80余项, 1.2亿余元, 2000余万元, 40多位.
const INFIX_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['余', 'more_than'],
  ['多', 'more_than'],
]

const SUFFIX_QUALIFIERS: readonly (readonly [string, Qualifier])[] = [
  ['以上', 'more_than'],
  ['以下', 'up_to'],
  ['以内', 'up_to'],
  ['左右', 'approx'],
  ['上下', 'approx'],
]

// 大 is the measure in 十三大创新中心 ("thirteen major …"); 平米 is the everyday short form of 平方米.
// m2 also covers ㎡ and m², which NFKC turns into m2.
const UNIT_WORDS: readonly (readonly [string, Unit])[] = [
  ['平方米', 'm2'],
  ['平米', 'm2'],
  ['m2', 'm2'],
  ['%', 'percent'],
  ['元', 'yuan'],
  ...['项', '个', '家', '名', '位', '人', '所', '件', '座', '支', '款', '大'].map(
    (w) => [w, 'count'] as const,
  ),
]

// Powers of ten, longest first so 万亿 wins over 万.
const BIG_MAGNITUDES: readonly (readonly [string, number])[] = [
  ['万亿', 12],
  ['亿', 8],
  ['万', 4],
]
const SMALL_MAGNITUDES: readonly (readonly [string, number])[] = [
  ['千', 3],
  ['百', 2],
]

const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }

const EXPECTED_UNIT: Record<Unit, { en: string; zh: string }> = {
  yuan: { en: 'yuan', zh: '金额（元）' },
  count: { en: 'a count', zh: '数量（项、个、家等）' },
  m2: { en: 'an area in m²', zh: '面积（平方米）' },
  percent: { en: 'a percentage', zh: '百分比（%）' },
}
const FOUND_UNIT: Record<Unit, { en: string; zh: string }> = {
  yuan: { en: 'an amount in yuan', zh: '金额（元）' },
  count: { en: 'a count', zh: '数量' },
  m2: { en: 'an area', zh: '面积' },
  percent: { en: 'a percentage', zh: '百分比' },
}

const EXAMPLES = 'such as 30亿元, 近30亿元, 80余项 or 9.38%'

// What spreadsheets and people type for "no figure": never an amount, and never 0.
const PLACEHOLDER = /^(?:[-‐–—−~_/\\.·…?]+|n\/?a|null|none|无|暂无|不详|未知)$/i

export function parseAmount(text: string, expectedUnit?: Unit): ParseResult {
  const original = text.trim()
  const fail = (en: string, zh: string): ParseResult => ({
    ok: false,
    error: `"${original}": ${en} (${zh})`,
  })

  if (original === '') {
    return {
      ok: false,
      error: `empty amount: expected a number ${EXAMPLES} (金额为空，应填写如“30亿元”“80余项”的数值)`,
    }
  }

  const norm = original.normalize('NFKC')
  // Spaces inside a figure (1 262, 30 50) are too ambiguous to guess at; elsewhere they are noise.
  if (/[0-9.,]\s+[0-9]/.test(norm)) {
    return fail(
      'expected a single amount, found more than one number (or digits split by a space)',
      '应为单个数值，不能包含多个数或以空格分隔的数字',
    )
  }
  const s = norm.replace(/\s+/g, '')
  if (PLACEHOLDER.test(s)) {
    return fail(
      `${/^[-‐–—−]+$/.test(s) ? 'a dash is a placeholder' : 'a placeholder'}, not an amount; ` +
        `expected a number as the source prints it, ${EXAMPLES}; or no value where the source gives none`,
      '占位符不是数值，应按原文填写，如“30亿元”；原文没有数值时不填',
    )
  }
  let i = 0

  const qualifiers: { word: string; q: Qualifier }[] = []
  const prefix = matchAt(s, i, PREFIX_QUALIFIERS)
  if (prefix) {
    qualifiers.push({ word: prefix[0], q: prefix[1] })
    i += prefix[0].length
  }

  if (/^[-−‐–]\s*[0-9零〇一二两三四五六七八九十百千]/.test(s.slice(i)) || s.startsWith('负', i)) {
    return fail(
      'expected a non-negative amount; write the figure as the source prints it, without a minus',
      '金额不能为负数，应按原文填写',
    )
  }

  const num = readNumber(s, i)
  if ('error' in num) return fail(num.error.en, num.error.zh)
  i = num.end

  const infixBefore = matchAt(s, i, INFIX_QUALIFIERS)
  if (infixBefore) {
    qualifiers.push({ word: infixBefore[0], q: infixBefore[1] })
    i += infixBefore[0].length
  }

  let exponent = 0
  const small = matchAt(s, i, SMALL_MAGNITUDES)
  if (small) {
    exponent += small[1]
    i += small[0].length
  }
  const big = matchAt(s, i, BIG_MAGNITUDES)
  if (big) {
    exponent += big[1]
    i += big[0].length
  }

  if (!infixBefore && (small || big)) {
    const infixAfter = matchAt(s, i, INFIX_QUALIFIERS)
    if (infixAfter) {
      qualifiers.push({ word: infixAfter[0], q: infixAfter[1] })
      i += infixAfter[0].length
    }
  }

  const unitWord = matchAt(s, i, UNIT_WORDS)
  if (unitWord) i += unitWord[0].length

  const suffix = matchAt(s, i, SUFFIX_QUALIFIERS)
  if (suffix) {
    qualifiers.push({ word: suffix[0], q: suffix[1] })
    i += suffix[0].length
  }

  const rest = s.slice(i)
  if (rest !== '') {
    if (/[0-9零〇一二两三四五六七八九]/.test(rest)) {
      return fail(
        'expected a single amount, found more than one number (ranges and lists are not amounts)',
        '应为单个数值，不能是多个数或区间',
      )
    }
    return fail(
      `unexpected "${rest}" after the amount; expected a unit word (元, 项, 个, 家, 平方米, % …) ` +
        'or a qualifier such as 以上 or 左右',
      `数值后有无法识别的内容“${rest}”，应为单位（元、项、个、家、平方米、%等）或“以上”“左右”等`,
    )
  }

  const distinct = [...new Set(qualifiers.map((x) => x.q))]
  if (distinct.length > 1) {
    const words = qualifiers.map((x) => x.word).join(' and ')
    return fail(
      `conflicting qualifiers ${words}; expected at most one kind (约, 近, 超 … or 余/以上 …)`,
      `限定词“${qualifiers.map((x) => x.word).join('”与“')}”相互矛盾，只能有一种`,
    )
  }
  const qualifier: Qualifier = distinct[0] ?? 'exact'

  let unit: Unit
  if (unitWord) {
    unit = unitWord[1]
    if (expectedUnit && unit !== expectedUnit) {
      return fail(
        `${FOUND_UNIT[unit].en} where ${EXPECTED_UNIT[expectedUnit].en} was expected`,
        `应为${EXPECTED_UNIT[expectedUnit].zh}，实为${FOUND_UNIT[unit].zh}`,
      )
    }
  } else if (expectedUnit) {
    unit = expectedUnit
  } else {
    return fail(
      'the unit is missing; expected a unit word such as 元, 项, 家, 平方米 or %',
      '缺少单位，应写明元、项、家、平方米或%等',
    )
  }

  const value = scale(num, exponent)
  if (!Number.isFinite(value)) {
    return fail('expected a number of a plausible size', '数值过大')
  }

  return { ok: true, amount: { value, unit, qualifier, text: original } }
}

type NumberToken =
  | { kind: 'decimal'; digits: string; fractionDigits: number; end: number }
  | { kind: 'integer'; value: number; end: number }
  | { error: { en: string; zh: string } }

function readNumber(s: string, i: number): NumberToken {
  const arabic = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/.exec(s.slice(i))
  if (arabic) {
    const whole = (arabic[1] ?? '').replace(/,/g, '')
    const fraction = arabic[2] ?? ''
    return {
      kind: 'decimal',
      digits: whole + fraction,
      fractionDigits: fraction.length,
      end: i + arabic[0].length,
    }
  }
  const head = s[i]
  if (head === '万' || head === '亿') {
    return {
      error: { en: `expected a number before ${head}`, zh: `“${head}”前应有数字` },
    }
  }
  const cn = readChineseNumeral(s, i)
  if (cn) return cn
  return {
    error: {
      en: `expected a number ${EXAMPLES}`,
      zh: '应为数值，如“30亿元”“近30亿元”“80余项”“9.38%”',
    },
  }
}

/**
 * Reads 十四, 二十, 一百二十, 两千万, 三千五百万, 一千零五 and the like. Colloquial abbreviations
 * such as 一万五 (15 000, not 10 005) or 二百五 are rejected rather than guessed.
 */
function readChineseNumeral(s: string, start: number): NumberToken | null {
  let total = 0 // completed 亿 part
  let group = 0 // completed 万 part, below 亿
  let section = 0 // below 万
  let digit: number | null = null
  let lastSmall = Infinity
  let lastUnit = Infinity
  let zeroSinceUnit = false
  let seenWan = false
  let seenYi = false
  let any = false
  let j = start

  const ambiguous = (): NumberToken => ({
    error: {
      en: `ambiguous Chinese numeral "${s.slice(start, j + 1)}"; expected a full form such as 一万五千`,
      zh: `中文数字“${s.slice(start, j + 1)}”有歧义，应写完整，如“一万五千”`,
    },
  })
  const malformed = (): NumberToken => ({
    error: {
      en: `malformed Chinese numeral "${s.slice(start, j + 1)}"; expected a form such as 二十, 一百二十 or 三千五百万`,
      zh: `中文数字“${s.slice(start, j + 1)}”格式有误，应如“二十”“一百二十”“三千五百万”`,
    },
  })
  // A bare digit after 百/千/万/亿 (一万五, 二百五) is shorthand for the next lower unit; we only
  // accept it after 十 or after 零, where the reading is unambiguous.
  const takeDigit = (): number | 'ambiguous' => {
    if (digit === null) return 0
    if (lastUnit !== Infinity && lastUnit > 10 && !zeroSinceUnit) return 'ambiguous'
    return digit
  }

  for (; j < s.length; j++) {
    const ch = s[j] ?? ''
    const d = CN_DIGITS[ch]
    if (d !== undefined) {
      if (digit !== null) return malformed()
      any = true
      if (d === 0) zeroSinceUnit = true
      else digit = d
      continue
    }
    const u = CN_SMALL_UNITS[ch]
    if (u !== undefined) {
      if (u >= lastSmall) return malformed()
      // 十四 and 一百十 drop the 一; 百余家 and 千余人 too, but only at the very start.
      const n = digit ?? (u === 10 || !any ? 1 : null)
      if (n === null) return malformed()
      section += n * u
      digit = null
      lastSmall = u
      lastUnit = u
      zeroSinceUnit = false
      any = true
      continue
    }
    if (ch === '万' || ch === '亿') {
      if (!any) return null
      if (ch === '万' ? seenWan : seenYi) return malformed()
      const tail = takeDigit()
      if (tail === 'ambiguous') return ambiguous()
      if (ch === '万') {
        const part = section + tail
        if (part === 0) return malformed()
        group += part * 1e4
        seenWan = true
        lastUnit = 1e4
      } else {
        const part = group + section + tail
        if (part === 0) return malformed()
        total += part * 1e8
        group = 0
        seenYi = true
        seenWan = false
        lastUnit = 1e8
      }
      section = 0
      digit = null
      lastSmall = Infinity
      zeroSinceUnit = false
      continue
    }
    break
  }

  if (!any) return null
  j -= 1 // for the error excerpt: the last character of the numeral
  const tail = takeDigit()
  if (tail === 'ambiguous') return ambiguous()
  return { kind: 'integer', value: total + group + section + tail, end: j + 1 }
}

// Scaling through the decimal string (12 × 10^(8-1)) keeps 1.2亿 exactly 120000000 and 0.07亿
// exactly 7000000, where 1.2 * 1e8 would carry binary noise into totals and labels.
function scale(num: Exclude<NumberToken, { error: unknown }>, exponent: number): number {
  if (num.kind === 'integer') return Number(`${num.value}e${exponent}`)
  return Number(`${num.digits}e${exponent - num.fractionDigits}`)
}

function matchAt<T>(
  s: string,
  i: number,
  table: readonly (readonly [string, T])[],
): readonly [string, T] | undefined {
  return table.find(([word]) => s.startsWith(word, i))
}
