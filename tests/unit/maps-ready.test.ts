import { describe, expect, it } from 'vitest'
import { registerMap } from 'echarts/core'
import { mapsReady } from '../../src/charts/echarts'
import { CHINA_MAP } from '../../src/charts/map/build'
import { provinceMapName } from '../../src/charts/map/province'

const square = (name: string) => ({
  type: 'FeatureCollection' as const,
  features: [
    {
      type: 'Feature' as const,
      properties: { name },
      geometry: {
        type: 'Polygon' as const,
        coordinates: [
          [
            [110, 25],
            [114, 25],
            [114, 30],
            [110, 30],
            [110, 25],
          ],
        ],
      },
    },
  ],
})

// Explore keeps its map chart (and redraws it) when the maps a filter needs are already in, and
// shows a loading state (replacing the chart) only while one is fetched.
describe('mapsReady', () => {
  it('is true only once the China map, and the province map asked for, are registered', () => {
    expect(mapsReady()).toBe(false)
    registerMap(CHINA_MAP, square('湖南省'))
    expect(mapsReady()).toBe(true)
    expect(mapsReady('湖南')).toBe(false)
    registerMap(provinceMapName('湖南'), square('长沙市'))
    expect(mapsReady('湖南')).toBe(true)
    expect(mapsReady('广东')).toBe(false)
  })

  it('says false, rather than throwing, for a province it has no map for', () => {
    expect(mapsReady('不存在的省')).toBe(false)
  })
})
