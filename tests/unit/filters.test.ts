import { beforeAll, describe, expect, it } from 'vitest'
import { CHARTS } from '../../src/charts/registry'
import { filterEvents, filterOutcomes } from '../../src/domain/filters'
import {
  eventTree,
  figureRows,
  outcomeRow,
  searchRows,
  sortRows,
  outcomeText,
} from '../../src/domain/listing'
import type { Dataset } from '../../src/domain/types'
import { DATA_DIR, loadFiles, readFolder } from '../helpers/snapshot'

let d: Dataset
beforeAll(async () => {
  const r = await loadFiles(readFolder(DATA_DIR))
  if (!r.ok) throw new Error('snapshot does not load')
  d = r.dataset
})

const sorted = (s: Iterable<string>) => [...s].sort()

describe('filters narrow events', () => {
  it('a province keeps its events only', () => {
    const ids = filterEvents(d, { province: '吉林' })
    expect(sorted(ids)).toEqual(['gbh63-2025'])
  })

  it('a city takes in its districts', () => {
    expect(sorted(filterEvents(d, { city: 'suzhou' }))).toEqual(['suxiang-2024'])
  })

  it('a date range keeps events that overlap it; a month-only event overlaps its month', () => {
    expect(sorted(filterEvents(d, { from: '2025-01-01' }))).toEqual(['gbh63-2025', 'zgc-2025'])
    // suxiang-2024 is dated 2024-07 only: it may be on the 15th, so it stays.
    expect(filterEvents(d, { from: '2024-07-15', to: '2024-07-31' }).has('suxiang-2024')).toBe(true)
    expect(
      filterEvents(d, { from: '2024-07-18', to: '2024-07-31' }).has('hunan-transfer-2024'),
    ).toBe(false)
  })

  it('an event keeps the conference and its sessions; a session only itself', () => {
    expect(filterEvents(d, { event: 'hunan-transfer-2024' }).size).toBe(5)
    expect(sorted(filterEvents(d, { event: 'hunan-transfer-2024-ai' }))).toEqual([
      'hunan-transfer-2024-ai',
    ])
  })

  it('an organisation stands for its member units too', () => {
    // 清华大学 takes part only through its school of materials (a party at hunan-transfer-2024).
    const ids = filterEvents(d, { org: 'tsinghua' })
    expect(ids.has('hunan-transfer-2024')).toBe(true)
    expect(filterOutcomes(d, { org: 'tsinghua' }).map((o) => o.id)).toEqual([
      'hunan-transfer-2024-tsinghua-weishang',
    ])
  })

  it('an outcome kind narrows events and outcomes alike', () => {
    expect(sorted(filterEvents(d, { outcomeKind: 'joint_lab' }))).toEqual([
      'csu-alumni-2024',
      'zgc-2025',
    ])
    expect(filterOutcomes(d, { outcomeKind: 'joint_lab' }).map((o) => o.id)).toEqual([
      'csu-alumni-2024-tech-city-labs',
      'zgc-2025-hust-cosl-lab',
      'zgc-2025-xjtu-lenovo-lab',
    ])
  })

  it('a sector takes a session whose sector it is, and outcomes of that sector', () => {
    const ids = filterEvents(d, { sector: 'ict' })
    expect(ids.has('gbh63-2025')).toBe(true)
    expect(ids.has('csu-alumni-2024')).toBe(false)
    expect(filterOutcomes(d, { sector: 'ict' }).map((o) => o.id)).toEqual([
      'gbh63-2025-huawei-ict-academy',
      'gbh63-2025-tj-scri-jilin',
      'zgc-2025-xjtu-lenovo-lab',
      'zgc-2025-ncut-iov-base',
    ])
  })
})

describe('chart selectors apply the filters', () => {
  it('the map keeps the filtered cities and counts the filtered outcomes', () => {
    const rows = CHARTS.map.select(d, { outcomeKind: 'joint_lab' })
    expect(rows.points.map((p) => [p.place, p.outcomes])).toEqual([
      ['beijing', 2],
      ['changsha', 1],
    ])
  })

  it('the Sankey and the ranking keep the chosen organisation only', () => {
    const sankey = CHARTS.sankey.select(d, { org: 'csu' })
    expect(sankey.nodes.filter((n) => n.layer === 0).map((n) => n.id)).toEqual(['org:csu'])
    const ranking = CHARTS.ranking.select(d, { org: 'csu' })
    expect(ranking.items.map((i) => i.org)).toEqual(['csu'])
  })

  it('an org-kind filter leaves institutes only', () => {
    const ranking = CHARTS.ranking.select(d, { orgKind: 'institute' }, { limit: 100 })
    expect(ranking.items.length).toBeGreaterThan(0)
    expect(new Set(ranking.items.map((i) => i.kind))).toEqual(new Set(['institute']))
  })

  it('the timeline keeps the conferences of the filtered events', () => {
    const rows = CHARTS.timeline.select(d, { province: '湖南' })
    expect(rows.points.map((p) => p.id)).toEqual(['hunan-transfer-2024', 'csu-alumni-2024'])
  })
})

describe('clicks become filters', () => {
  it('a Sankey node filters by what it stands for; links and catch-alls do not', () => {
    const rows = CHARTS.sankey.select(d, {})
    const index = (id: string) => rows.nodes.findIndex((n) => n.id === id)
    const click = (dataIndex: number, dataType = 'node') =>
      CHARTS.sankey.pick(rows, {
        type: 'click',
        componentType: 'series',
        seriesIndex: 0,
        dataIndex,
        dataType,
        name: '',
      })
    expect(click(index('org:csu'))).toEqual({ org: 'csu' })
    expect(click(index('sector:ict'))).toEqual({ sector: 'ict' })
    expect(click(index('city:zhuzhou'))).toEqual({ city: 'zhuzhou' })
    expect(click(index('org:_other'))).toBeNull()
    expect(click(0, 'edge')).toBeNull()
  })

  it('a timeline point filters by its conference; a brush sets the date range in UTC days', () => {
    const rows = CHARTS.timeline.select(d, {})
    const i = rows.points.findIndex((p) => p.id === 'zgc-2025')
    expect(
      CHARTS.timeline.pick(rows, {
        type: 'click',
        componentType: 'series',
        seriesIndex: 1,
        dataIndex: i,
        name: '',
      }),
    ).toEqual({ event: 'zgc-2025' })
    // A labelled point, drawn over its dot, is known by name.
    expect(
      CHARTS.timeline.pick(rows, {
        type: 'click',
        componentType: 'series',
        seriesIndex: 0,
        dataIndex: 0,
        name: 'zgc-2025',
      }),
    ).toEqual({ event: 'zgc-2025' })
    expect(
      CHARTS.timeline.pick(rows, {
        type: 'brush',
        range: [Date.UTC(2025, 2, 1, 13), Date.UTC(2024, 6, 1)],
      }),
    ).toEqual({ from: '2024-07-01', to: '2025-03-01' })
    expect(
      CHARTS.timeline.pick(rows, {
        type: 'click',
        componentType: 'series',
        seriesIndex: 2,
        dataIndex: 0,
        name: '',
      }),
    ).toBeNull()
  })

  it('a ranking bar filters by its organisation', () => {
    const rows = CHARTS.ranking.select(d, {})
    expect(
      CHARTS.ranking.pick(rows, {
        type: 'click',
        componentType: 'series',
        seriesIndex: 0,
        dataIndex: 0,
        name: '',
      }),
    ).toEqual({ org: rows.items[0]!.org })
    expect(
      CHARTS.ranking.pick(rows, {
        type: 'click',
        componentType: 'series',
        seriesIndex: 0,
        dataIndex: 99,
        name: '',
      }),
    ).toBeNull()
  })
})

describe('explore tables', () => {
  it('list outcomes with their source and reported figures of the filtered events', () => {
    const outcomes = filterOutcomes(d, { province: '吉林' }).map((o) => outcomeRow(d, o))
    expect(outcomes.map((o) => o.id)).toContain('gbh63-2025-zju-jilin')
    expect(outcomes.every((o) => o.quote.length > 0 && o.source.id.length > 0)).toBe(true)
    const figures = figureRows(d, { province: '吉林' })
    expect(new Set(figures.map((f) => f.event))).toEqual(new Set(['gbh63-2025']))
    const signed = figures.find((f) => f.metric.id === 'projects_signed')
    expect(signed?.amount.value).toBe(57)
  })

  it('sort with missing values last in both directions, and search every term in both languages', () => {
    const rows = d.outcomes.map((o) => outcomeRow(d, o))
    const value = (r: (typeof rows)[number]) => r.amount?.value ?? null
    const asc = sortRows(rows, value, 'asc')
    const desc = sortRows(rows, value, 'desc')
    expect(asc.at(-1)!.amount).toBeNull()
    expect(desc.at(-1)!.amount).toBeNull()
    expect(desc[0]!.amount!.value).toBeGreaterThanOrEqual(asc[0]!.amount!.value)
    expect(searchRows(rows, outcomeText, 'LENOVO 西安交通').map((r) => r.id)).toEqual([
      'zgc-2025-xjtu-lenovo-lab',
    ])
    expect(searchRows(rows, outcomeText, '   ')).toHaveLength(rows.length)
  })

  it('list every event once for a picker: conferences by date, each followed by its sessions', () => {
    const tree = eventTree(d)
    expect(sorted(tree.map((t) => t.event.id))).toEqual(sorted(d.events.map((e) => e.id)))
    let conference = ''
    const starts: string[] = []
    for (const { event, depth } of tree) {
      if (depth === 0) {
        expect(event.parent).toBeNull()
        conference = event.id
        starts.push(event.start.text)
      } else expect(event.parent).toBe(conference)
    }
    expect(starts).toEqual([...starts].sort())
    expect(tree.filter((t) => t.depth === 1).length).toBeGreaterThan(0)
  })
})
