import { describe, expect, it } from 'vitest'
import { exportFileName, sanitizePart } from '../../src/studio/fileName'

const date = '2026-11-21'

describe('exportFileName', () => {
  it('names chart, filters, preset, date, scale and extension', () => {
    expect(
      exportFileName({
        chart: 'map',
        filters: { province: '湖南', org: 'csu' },
        snapshotDate: date,
        ext: 'png',
      }),
    ).toBe('map_province-湖南_org-csu_2026-11-21.png')
    expect(exportFileName({ chart: 'sankey', filters: {}, snapshotDate: date, ext: 'csv' })).toBe(
      'sankey_all_2026-11-21.csv',
    )
    expect(
      exportFileName({
        chart: 'map',
        filters: {},
        snapshotDate: date,
        ext: 'png',
        scale: 2,
        preset: 'wechat-square',
      }),
    ).toBe('map_all_wechat-square_2026-11-21@2x.png')
    expect(
      exportFileName({ chart: 'map', filters: {}, snapshotDate: date, ext: 'svg', scale: 1 }),
    ).toBe('map_all_2026-11-21.svg')
  })

  it('writes the filters in FILTER_KEYS order, whatever the object order', () => {
    const name = exportFileName({
      chart: 'timeline',
      filters: { event: 'gbh63-2025', outcomeKind: 'joint_lab', from: '2024-07', province: '湖南' },
      snapshotDate: date,
      ext: 'csv',
    })
    expect(name).toBe(
      'timeline_from-2024-07_province-湖南_outcomeKind-joint-lab_event-gbh63-2025_2026-11-21.csv',
    )
  })

  it('replaces characters that are unsafe in file names, keeping Chinese', () => {
    expect(sanitizePart('a/b\\c:d*e?f"g<h>i|j k.l')).toBe('a-b-c-d-e-f-g-h-i-j-k-l')
    expect(sanitizePart(' //中南大学 深圳研究院.. ')).toBe('中南大学-深圳研究院')
    expect(sanitizePart('第63届_高博会')).toBe('第63届-高博会')
    expect(
      exportFileName({
        chart: 'ranking',
        filters: { org: '清华大学/材料学院', city: '株洲 市.' },
        snapshotDate: date,
        ext: 'png',
      }),
    ).toBe('ranking_city-株洲-市_org-清华大学-材料学院_2026-11-21.png')
  })

  it('caps the name at 120 characters by cutting the filters, never the date or extension', () => {
    const name = exportFileName({
      chart: 'map',
      filters: { province: '湖南', org: 'x'.repeat(100), event: 'y'.repeat(100) },
      snapshotDate: date,
      ext: 'csv',
      scale: 4,
      preset: 'slide',
    })
    expect([...name].length).toBeLessThanOrEqual(120)
    expect(name.startsWith('map_province-湖南_org-xxxx')).toBe(true)
    expect(name.endsWith('xx_slide_2026-11-21@4x.csv')).toBe(true)
  })

  it('keeps a long Chinese name within 240 UTF-8 bytes', () => {
    const name = exportFileName({
      chart: 'map',
      filters: { event: '中关村论坛千校万企协同创新大会'.repeat(8) },
      snapshotDate: date,
      ext: 'png',
    })
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(240)
    expect(name).toMatch(/^map_event-中关村论坛.*_2026-11-21\.png$/)
  })
})
