import { filterEvents, type Filters } from '../../domain/filters'
import type { Bilingual, Dataset } from '../../domain/types'
import type { OrgKind } from '../../domain/vocab'
import { orgByNumber } from '../../domain/lookups'
import { partnerParticipationsByEvent, type EventParticipations } from '../../domain/participation'

/** A university or institute that took part, with what it is named in. */
export interface RankingItem {
  org: string
  name: Bilingual
  /** short_zh (or the name) in Chinese, the name in English. */
  label: Bilingual
  kind: OrgKind
  /** Itemised outcomes it is a party to. */
  outcomes: number
  outcomeTitles: readonly Bilingual[]
  /** Conferences it took part in (a conference and its sessions count once). */
  conferences: number
  /** Events and sessions it took part in, for focus. */
  events: readonly string[]
  /** Reports that name it at those events. */
  sources: readonly string[]
}

export interface RankingRows {
  /** Most outcomes first; the same number of outcomes by conferences, then by name. */
  items: readonly RankingItem[]
  /** Organisations that took part but are not listed (beyond the limit). */
  hidden: number
  sources: readonly string[]
}

export interface RankingOptions {
  /** Rows drawn; the rest is summarised as +N. */
  limit: number
}

// Pinyin order, as a Chinese list is read; fixed here so the order is the same in every view.
const collator = new Intl.Collator('zh-CN')

export function selectRanking(
  d: Dataset,
  filters: Filters,
  options: Partial<RankingOptions> = {},
): RankingRows {
  const limit = Math.max(1, Math.floor(options.limit ?? 10))
  const byEvent = partnerParticipationsByEvent(d, filterEvents(d, filters), filters)
  const orgs = orgByNumber(d)
  const n = orgs.length

  // Counted first, for every organisation, in arrays by number; the lists are made for the few
  // that are shown. `order`: first seen first, where a stable sort leaves ties.
  const order = new Int32Array(n).fill(-1)
  const outcomes = new Int32Array(n)
  const sources = new Set<string>()
  let lastSources: readonly string[] | null = null
  let seen = 0
  for (const e of byEvent) {
    e.parts.forEach((p, i) => {
      const org = e.orgs[i]!
      if (order[org]! < 0) order[org] = seen++
      // An organisation's events are distinct, and so are their outcomes.
      outcomes[org] = outcomes[org]! + e.distinct[i]!
      if (p.sources === lastSources) return
      p.sources.forEach((s) => sources.add(s))
      lastSources = p.sources
    })
  }
  // Conferences: a conference and its sessions count once. Taken conference by conference, an
  // organisation is new to one when it was last seen at another.
  const conferences = new Int32Array(n)
  const lastConference = new Int32Array(n).fill(-1)
  const byConference = new Map<string, EventParticipations[]>()
  for (const e of byEvent) {
    const root = d.index.rootEvent[e.event.id] ?? e.event.id
    const list = byConference.get(root) ?? byConference.set(root, []).get(root)!
    list.push(e)
  }
  let c = 0
  for (const events of byConference.values()) {
    for (const e of events) {
      for (const org of e.orgs) {
        if (lastConference[org] === c) continue
        lastConference[org] = c
        conferences[org] = conferences[org]! + 1
      }
    }
    c++
  }

  // The order of a stable sort over all, of which only the first `limit` are kept.
  const before = (a: number, b: number) =>
    outcomes[b]! - outcomes[a]! ||
    conferences[b]! - conferences[a]! ||
    collator.compare(orgs[a]!.name.zh, orgs[b]!.name.zh) ||
    orgs[a]!.id.localeCompare(orgs[b]!.id) ||
    order[a]! - order[b]!
  const taking: number[] = []
  order.forEach((k, org) => k >= 0 && taking.push(org))
  const shown = firstInOrder(taking, limit, before)

  // What the shown ones are named in, in one more pass.
  const lists = new Map(
    shown.map((org) => [
      org,
      { titles: new Map<string, Bilingual>(), events: [] as string[], own: new Set<string>() },
    ]),
  )
  for (const e of byEvent) {
    e.parts.forEach((p, i) => {
      const l = lists.get(e.orgs[i]!)
      if (!l) return
      p.outcomes.forEach((o) => l.titles.set(o.id, o.title))
      l.events.push(p.event)
      p.sources.forEach((s) => l.own.add(s))
    })
  }
  const items: RankingItem[] = shown.map((k) => {
    const org = orgs[k]!
    const l = lists.get(k)!
    return {
      org: org.id,
      name: org.name,
      label: { zh: org.short || org.name.zh, en: org.name.en },
      kind: org.kind,
      outcomes: l.titles.size,
      outcomeTitles: [...l.titles.values()],
      conferences: conferences[k]!,
      events: l.events.sort(),
      sources: [...l.own].sort(),
    }
  })
  return { items, hidden: seen - items.length, sources: [...sources].sort() }
}

/** The first `n` items in `before` order (a total order), in that order, without sorting all. */
function firstInOrder<T>(items: Iterable<T>, n: number, before: (a: T, b: T) => number): T[] {
  const out: T[] = []
  for (const item of items) {
    if (out.length === n && before(item, out[n - 1]!) >= 0) continue
    let i = out.length === n ? n - 1 : out.length
    while (i > 0 && before(item, out[i - 1]!) < 0) i--
    out.splice(i, 0, item)
    if (out.length > n) out.pop()
  }
  return out
}
