import { localeRankMap } from './order'
import type { Dataset, Organization, Outcome } from './types'

/**
 * Indexes derived from a Dataset, built on first use and kept beside it in a WeakMap: the
 * Dataset itself stays plain, frozen, structured-clone-able data (it crosses a Worker boundary),
 * and a dataset that is dropped takes its indexes with it.
 */
export function perDataset<T>(build: (d: Dataset) => T): (d: Dataset) => T {
  const cache = new WeakMap<Dataset, T>()
  return (d) => {
    let value = cache.get(d)
    if (value === undefined) {
      value = build(d)
      cache.set(d, value)
    }
    return value
  }
}

const NONE: readonly number[] = []

function positionsBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const out = new Map<string, number[]>()
  items.forEach((item, i) => {
    const k = key(item)
    const list = out.get(k)
    if (list) list.push(i)
    else out.set(k, [i])
  })
  return out
}

const outcomePositions = perDataset((d) => positionsBy(d.outcomes, (o) => o.event))
const eventOrgPositions = perDataset((d) => positionsBy(d.eventOrgs, (eo) => eo.event))

/** Positions in `d.outcomes` of an event's own outcomes (not its sessions'), ascending. */
export function outcomePositionsOf(d: Dataset, event: string): readonly number[] {
  return outcomePositions(d).get(event) ?? NONE
}

/** Positions in `d.eventOrgs` of an event's roles, ascending. */
export function eventOrgPositionsOf(d: Dataset, event: string): readonly number[] {
  return eventOrgPositions(d).get(event) ?? NONE
}

/**
 * The outcomes of the given events, in dataset order. Only the outcomes of those events are
 * touched: their positions are marked, then read back in order.
 */
export function outcomesOfEvents(d: Dataset, eventIds: ReadonlySet<string>): Outcome[] {
  const byEvent = outcomePositions(d)
  const marks = new Uint8Array(d.outcomes.length)
  let n = 0
  for (const e of eventIds) {
    const positions = byEvent.get(e) ?? NONE
    for (const i of positions) marks[i] = 1
    n += positions.length
  }
  if (n === d.outcomes.length) return d.outcomes.slice()
  const out: Outcome[] = []
  for (let i = marks.indexOf(1); i >= 0; i = marks.indexOf(1, i + 1)) out.push(d.outcomes[i]!)
  return out
}

/**
 * Each organisation with its parent, grandparent …: the units a filter on an ancestor takes in.
 * A cycle in `parent` (reported by validation, possible in a partial dataset) ends the line.
 */
export const orgLines = perDataset((d) => {
  const out = new Map<string, ReadonlySet<string>>()
  for (const id of Object.keys(d.index.org)) {
    const line = new Set<string>()
    let o = d.index.org[id]
    while (o && !line.has(o.id)) {
      line.add(o.id)
      o = o.parent ? d.index.org[o.parent] : undefined
    }
    out.set(id, line)
  }
  return out
})

/**
 * A number for each organisation, for counting in arrays rather than maps: its position in
 * `d.organizations` (then any only in the index, in a dataset made by hand); -1 for an id that
 * names none.
 */
export function orgNumbers(d: Dataset): (id: string) => number {
  const { numbers } = orgTable(d)
  return (id) => numbers.get(id) ?? -1
}

/** The organisations by number (see `orgNumbers`). */
export function orgByNumber(d: Dataset): readonly Organization[] {
  return orgTable(d).list
}

const orgTable = perDataset((d) => {
  const list = [...d.organizations]
  const numbers = new Map(list.map((o, i) => [o.id, i]))
  for (const o of Object.values(d.index.org))
    if (!numbers.has(o.id)) numbers.set(o.id, list.push(o) - 1)
  return { numbers, list }
})

/** Organisations by number: the rank of each id in `localeCompare` order (see order.ts). */
export const orgLocaleRanks = perDataset((d) => {
  const ids = orgByNumber(d).map((o) => o.id)
  const ranks = localeRankMap(ids)
  return Int32Array.from(ids, (id) => ranks.get(id)!)
})

/** Each outcome's parties by number: `numbers[start[i] … start[i + 1]]` for outcome i. */
export const partyNumbers = perDataset((d) => {
  const number = orgNumbers(d)
  const start = new Int32Array(d.outcomes.length + 1)
  const numbers: number[] = []
  d.outcomes.forEach((o, i) => {
    for (const p of o.parties) numbers.push(number(p))
    start[i + 1] = numbers.length
  })
  return { start, numbers: Int32Array.from(numbers) }
})
