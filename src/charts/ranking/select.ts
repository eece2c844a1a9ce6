import { filterEvents, type Filters } from '../../domain/filters'
import type { Bilingual, Dataset } from '../../domain/types'
import type { OrgKind } from '../../domain/vocab'
import { partnerParticipations } from '../../domain/participation'

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
  const parts = partnerParticipations(d, filterEvents(d, filters), filters)

  const byOrg = new Map<
    string,
    { outcomes: Map<string, Bilingual>; events: Set<string>; sources: Set<string> }
  >()
  const sources = new Set<string>()
  for (const p of parts) {
    const acc = byOrg.get(p.org) ?? {
      outcomes: new Map(),
      events: new Set<string>(),
      sources: new Set<string>(),
    }
    p.outcomes.forEach((o) => acc.outcomes.set(o.id, o.title))
    acc.events.add(p.event)
    p.sources.forEach((s) => (sources.add(s), acc.sources.add(s)))
    byOrg.set(p.org, acc)
  }

  const all: RankingItem[] = [...byOrg].map(([id, acc]) => {
    const org = d.index.org[id]!
    return {
      org: id,
      name: org.name,
      label: { zh: org.short || org.name.zh, en: org.name.en },
      kind: org.kind,
      outcomes: acc.outcomes.size,
      outcomeTitles: [...acc.outcomes.values()],
      conferences: new Set([...acc.events].map((e) => d.index.rootEvent[e] ?? e)).size,
      events: [...acc.events].sort(),
      sources: [...acc.sources].sort(),
    }
  })
  all.sort(
    (a, b) =>
      b.outcomes - a.outcomes ||
      b.conferences - a.conferences ||
      collator.compare(a.name.zh, b.name.zh) ||
      a.org.localeCompare(b.org),
  )
  const items = all.slice(0, limit)
  return { items, hidden: all.length - items.length, sources: [...sources].sort() }
}
