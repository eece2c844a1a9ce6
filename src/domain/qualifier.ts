// How the qualifiers of several figures combine when they are added up (DESIGN.md §2). A sum is
// only as precise as its least precise part, and bounds in opposite directions cancel out any
// claim about which side of the total the truth lies on.

import type { Amount } from './amount'
import type { Qualifier, Unit } from './vocab'

export function combineQualifiers(qs: readonly Qualifier[]): Qualifier {
  const seen = new Set(qs)
  if (seen.has('approx')) return 'approx'
  const lower = seen.has('more_than')
  const upper = seen.has('nearly') || seen.has('up_to')
  if (lower && upper) return 'approx'
  if (lower) return 'more_than'
  // 近 (just under) is the stronger statement than 不超过 (at most), so a mix stays 近.
  if (seen.has('nearly')) return 'nearly'
  if (seen.has('up_to')) return 'up_to'
  return 'exact'
}

export interface Total {
  value: number
  unit: Unit
  qualifier: Qualifier
  count: number
}

/**
 * Adds amounts of one unit. Returns null for an empty list, so "no figures" is never shown as 0,
 * and throws when units differ: yuan plus a count is a bug in the caller, not data to display.
 */
export function sumAmounts(
  amounts: readonly Pick<Amount, 'value' | 'unit' | 'qualifier'>[],
): Total | null {
  const first = amounts[0]
  if (!first) return null
  let sum = 0
  let decimals = 0
  for (const a of amounts) {
    if (a.unit !== first.unit) {
      throw new Error(`cannot add ${a.unit} to ${first.unit}: amounts of different units`)
    }
    sum += a.value
    decimals = Math.max(decimals, fractionDigits(a.value))
  }
  // Adding decimals (1.2 + 0.07) leaves binary noise; no sum is more precise than its inputs.
  const value = decimals > 0 ? Number(sum.toFixed(Math.min(decimals, 20))) : sum
  return {
    value,
    unit: first.unit,
    qualifier: combineQualifiers(amounts.map((a) => a.qualifier)),
    count: amounts.length,
  }
}

function fractionDigits(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return 0
  const [mantissa = '', exp = '0'] = x.toString().split('e')
  const fraction = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, fraction - Number(exp))
}
