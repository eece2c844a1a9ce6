// The bench's floor (npm run bench, bare_map_ms): no Vue, no validation, tree-shaken ECharts
// drawing the app's China map with the same event points, read from a pre-baked JSON. It marks
// `chart:drawn` and `chart:all-drawn` at its first frame, as the app's chart panels do.
import { init, registerMap, use } from 'echarts/core'
import { MapChart, ScatterChart } from 'echarts/charts'
import { GeoComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([MapChart, ScatterChart, GeoComponent, CanvasRenderer])

interface Baked {
  provinces: { name: string; value: number }[]
  points: { name: string; value: [number, number, number]; symbolSize: number }[]
}

async function draw(): Promise<void> {
  const [geo, baked] = await Promise.all([
    fetch(new URL('maps/china.json', document.baseURI)).then((r) => r.json()),
    fetch(new URL('points.json', document.baseURI)).then((r) => r.json() as Promise<Baked>),
  ])
  registerMap('china', geo)
  const chart = init(document.getElementById('map'), null, { renderer: 'canvas' })
  let marked = false
  chart.on('rendered', () => {
    if (marked) return
    marked = true
    performance.mark('chart:drawn', { detail: 'map' })
    performance.mark('chart:all-drawn')
  })
  const max = Math.max(1, ...baked.provinces.map((p) => p.value))
  chart.setOption({
    geo: {
      map: 'china',
      roam: false,
      layoutCenter: ['50%', '53%'],
      layoutSize: '118%',
      aspectScale: 0.8,
      label: { show: false },
      itemStyle: { areaColor: '#0d2a5c', borderColor: '#3ad4ff', borderWidth: 1 },
      regions: baked.provinces.map((p) => ({
        name: p.name,
        itemStyle: { areaColor: `rgba(58, 212, 255, ${0.15 + (0.6 * p.value) / max})` },
      })),
    },
    series: [
      {
        type: 'map',
        geoIndex: 0,
        data: baked.provinces,
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        data: baked.points,
        itemStyle: { color: '#ffb648' },
        label: { show: true, position: 'right', formatter: '{b}', color: '#fff' },
      },
    ],
  })
}

void draw()
