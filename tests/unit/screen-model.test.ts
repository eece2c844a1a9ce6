import { describe, expect, it } from 'vitest'
import { CHARTS } from '../../src/charts/registry'
import { datasetToShow, localLoad, remoteLoad } from '../../src/data/remote'
import type { PublishedLoad } from '../../src/data/published'
import { eventFamily } from '../../src/domain/aggregate'
import { computeKpis, kpiEvidence } from '../../src/domain/kpis'
import { selectSignings } from '../../src/domain/signings'
import type { Dataset } from '../../src/domain/types'
import { EVIDENCE_SHOWN, SIGNINGS_SHOWN, screenModel } from '../../src/screen/model'
import { sameScreenOptions, type ScreenOptions } from '../../src/screen/options'
import { loadMini } from '../helpers/snapshot'

const OPTIONS: ScreenOptions = {
  kpis: ['events', 'outcomes', 'contract_value', 'orgs'],
  mapSizeBy: 'contract_value',
  featuredProvince: '湖南',
}

/** The dataset with every outcome repeated `times` times (new ids): a long signings list. */
function repeated(d: Dataset, times: number): Dataset {
  const outcomes = Array.from({ length: times }, (_, i) =>
    d.outcomes.map((o) => ({ ...o, id: `${o.id}-${i}` })),
  ).flat()
  return { ...d, outcomes }
}

describe('screenModel', () => {
  it('gives the screen the same rows as the chart registry', async () => {
    const d = await loadMini()
    const m = screenModel(d, OPTIONS)
    expect(m.map).toEqual(
      CHARTS.map.select(d, {}, { sizeBy: 'contract_value', featuredProvince: '湖南' }),
    )
    expect(m.sankey).toEqual(CHARTS.sankey.select(d, {}))
    expect(m.timeline).toEqual(CHARTS.timeline.select(d, {}))
    expect(m.ranking).toEqual(CHARTS.ranking.select(d, {}))
    expect(m.kpis).toEqual(computeKpis(d, OPTIONS.kpis))
    expect(m.snapshot).toEqual(d.snapshot)
  })

  it('orders conferences by date and knows each one’s sessions', async () => {
    const d = await loadMini()
    const m = screenModel(d, OPTIONS)
    const starts = m.order.map((id) => d.index.event[id]!.start.text)
    expect(starts).toEqual([...starts].sort())
    expect(m.order.every((id) => d.index.event[id]!.parent === null)).toBe(true)
    for (const id of m.order) expect(new Set(m.families[id])).toEqual(eventFamily(d, id))
  })

  it('keeps the first records behind each KPI and counts them all', async () => {
    const d = repeated(await loadMini(), 3)
    const m = screenModel(d, OPTIONS)
    for (const k of m.kpis) {
      const all = kpiEvidence(d, k)
      expect(m.evidence[k.id]).toEqual({ items: all.slice(0, EVIDENCE_SHOWN), total: all.length })
    }
    expect(m.evidence.outcomes!.total).toBe(d.outcomes.length)
  })

  it('lists the latest signings only, and says how many there are', async () => {
    const mini = await loadMini()
    const d = repeated(mini, Math.ceil(SIGNINGS_SHOWN / mini.outcomes.length) + 1)
    expect(d.outcomes.length).toBeGreaterThan(SIGNINGS_SHOWN)
    const m = screenModel(d, OPTIONS)
    expect(m.signings).toEqual(selectSignings(d).slice(0, SIGNINGS_SHOWN))
    expect(m.signingsTotal).toBe(d.outcomes.length)
  })

  it('credits each source’s original publisher once, in both languages', async () => {
    // src-a is a 某网易号 repost of 某学会's report; neither has an English name in the fixture.
    const d = await loadMini()
    expect(screenModel(d, OPTIONS).publishers).toEqual([
      { zh: '某学会', en: '某学会' },
      { zh: '某日报', en: '某日报' },
    ])
    const sources = d.sources.map((s) => (s.id === 'src-b' ? { ...s, publisherEn: 'A Daily' } : s))
    expect(screenModel({ ...d, sources }, OPTIONS).publishers[1]).toEqual({
      zh: '某日报',
      en: 'A Daily',
    })
  })

  it('crosses a worker boundary unchanged', async () => {
    const m = screenModel(await loadMini(), OPTIONS)
    expect(structuredClone(m)).toEqual(m)
  })

  it('compares options by value', () => {
    expect(sameScreenOptions(OPTIONS, { ...OPTIONS, kpis: [...OPTIONS.kpis] })).toBe(true)
    expect(sameScreenOptions(OPTIONS, { ...OPTIONS, featuredProvince: '' })).toBe(false)
    expect(sameScreenOptions(OPTIONS, { ...OPTIONS, kpis: OPTIONS.kpis.slice(1) })).toBe(false)
  })
})

describe('what a load shows', () => {
  it('shows the new snapshot when good, else the last good copy, and never both', async () => {
    const d = await loadMini()
    const copy = { ...d, snapshot: { ...d.snapshot, version: 'cached' } }
    const manifest = { schema: 1, snapshot: d.snapshot, tables: {} } as never
    const good: PublishedLoad = {
      result: { ok: true, dataset: d, manifest, problems: [] },
      error: null,
      cached: null,
    }
    const refused: PublishedLoad = {
      result: { ok: false, dataset: null, manifest: null, problems: [], verified: false },
      error: 'HTTP 503',
      cached: { dataset: copy, manifest, savedAt: '2026-11-01T00:00:00Z' },
    }
    expect(datasetToShow(good)).toBe(d)
    expect(datasetToShow(refused)).toBe(copy)
    expect(localLoad(refused).data).toBe(copy)
    expect(localLoad(refused).cached).toEqual({ manifest, savedAt: '2026-11-01T00:00:00Z' })
    // From the worker, only the number of the Dataset it keeps.
    const remote = remoteLoad(good, 4)
    expect(remote.data).toEqual({ generation: 4 })
    expect(JSON.stringify(remote)).not.toContain(d.outcomes[0]!.quote)
    expect(remoteLoad(refused, null).data).toBeNull()
  })
})
