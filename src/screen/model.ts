// What the big screen draws, computed from a Dataset in one pure call. In the browser it runs in
// the loader's Web Worker next to the Dataset (DESIGN.md §3), so the screen's thread receives
// aggregated chart rows (kilobytes for the curated snapshot, a few megabytes at 100,000 outcomes)
// instead of every outcome; with dropped files or without a worker it runs on the main thread,
// giving the same model.
import { selectMap, type MapRows } from '../charts/map/select'
import { selectRanking, type RankingRows } from '../charts/ranking/select'
import { selectSankey, type SankeyRows } from '../charts/sankey/select'
import { selectTimeline, type TimelineRows } from '../charts/timeline/select'
import { conferences, outcomeKindCounts } from '../domain/aggregate'
import { computeKpis, kpiEvidence, type Evidence, type Kpi } from '../domain/kpis'
import { selectSignings, type SigningRow } from '../domain/signings'
import { creditedPublishers } from '../domain/sources'
import type { Bilingual, Dataset, SnapshotInfo } from '../domain/types'
import type { OutcomeKind } from '../domain/vocab'
import type { ScreenOptions } from './options'

/** A KPI tile's records: the first few, and how many there are in all. */
export interface EvidenceList {
  items: readonly Evidence[]
  total: number
}

export interface ScreenModel {
  snapshot: SnapshotInfo
  /** Conference ids in date order: the carousel's sequence. */
  order: readonly string[]
  /** Each conference's own id and its sessions' ids, for the carousel's focus. */
  families: Readonly<Record<string, readonly string[]>>
  kpis: readonly Kpi[]
  evidence: Readonly<Record<string, EvidenceList>>
  map: MapRows
  sankey: SankeyRows
  timeline: TimelineRows
  ranking: RankingRows
  /** The latest itemised outcomes, at most SIGNINGS_SHOWN. */
  signings: readonly SigningRow[]
  /** Every itemised outcome, whether the list shows it or not. */
  signingsTotal: number
  kinds: readonly { kind: OutcomeKind; count: number }[]
  /** Publishers credited by every source, each once, in source order: the footer's line. */
  publishers: readonly Bilingual[]
}

/** A wall has no room for a long list: the first few records behind a KPI, then a count. */
export const EVIDENCE_SHOWN = 6
/** The scrolling list loops over the latest outcomes; thousands would never come round. */
export const SIGNINGS_SHOWN = 60

export function screenModel(d: Dataset, opts: ScreenOptions): ScreenModel {
  const roots = [...conferences(d)].sort((a, b) => a.start.text.localeCompare(b.start.text))
  const families: Record<string, string[]> = Object.fromEntries(roots.map((e) => [e.id, []]))
  for (const e of d.events) families[d.index.rootEvent[e.id] ?? e.id]?.push(e.id)
  const kpis = computeKpis(d, opts.kpis)
  const evidence: Record<string, EvidenceList> = {}
  for (const k of kpis) {
    const all = kpiEvidence(d, k)
    evidence[k.id] = { items: all.slice(0, EVIDENCE_SHOWN), total: all.length }
  }
  return {
    snapshot: d.snapshot,
    order: roots.map((e) => e.id),
    families,
    kpis,
    evidence,
    map: selectMap(d, {}, { sizeBy: opts.mapSizeBy, featuredProvince: opts.featuredProvince }),
    sankey: selectSankey(d, {}),
    timeline: selectTimeline(d, {}),
    ranking: selectRanking(d, {}),
    signings: selectSignings(d, {}, { limit: SIGNINGS_SHOWN }),
    // Unfiltered, the list is every itemised outcome.
    signingsTotal: d.outcomes.length,
    kinds: outcomeKindCounts(d.outcomes),
    publishers: creditedPublishers(d.sources),
  }
}
