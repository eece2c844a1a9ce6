/**
 * Ranks in `localeCompare` order, for sorting by comparing integers instead of calling the
 * collator at every step: for each string of the list, its rank. Strings the collator finds
 * equal share a rank, so a stable sort by rank orders exactly as a stable sort by
 * `a.localeCompare(b)`.
 *
 * Ids are lowercase ASCII and often come sorted already, or sort the same by code unit. Either
 * is checked, one `localeCompare` per neighbour, before it is relied on (a locale may order
 * ASCII its own way: Danish puts aa after z); failing both, the collator sorts them itself.
 */
export function localeRanks(strings: readonly string[]): Int32Array {
  const ranks = new Int32Array(strings.length)
  if (increasing(strings)) {
    for (let i = 0; i < ranks.length; i++) ranks[i] = i
    return ranks
  }
  const rankOf = localeRankMap(strings)
  for (let i = 0; i < ranks.length; i++) ranks[i] = rankOf.get(strings[i]!)!
  return ranks
}

/** The same ranks by string, for strings looked up by value. */
export function localeRankMap(strings: Iterable<string>): Map<string, number> {
  const list = [...new Set(strings)]
  const ranks = new Map<string, number>()
  if (increasing(list) || (list.sort(byCodeUnit), increasing(list))) {
    list.forEach((s, i) => ranks.set(s, i))
    return ranks
  }
  list.sort((a, b) => a.localeCompare(b))
  let rank = 0
  list.forEach((s, i) => {
    if (i > 0 && list[i - 1]!.localeCompare(s) !== 0) rank++
    ranks.set(s, rank)
  })
  return ranks
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Strictly increasing to the collator: then this is its order, with no ties. */
function increasing(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]!.localeCompare(list[i]!) >= 0) return false
  return true
}
