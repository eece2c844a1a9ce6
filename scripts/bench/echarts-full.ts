// npm run bench builds the app a second time with this module in place of src/charts/echarts.ts:
// the same API, but with `import * as echarts from 'echarts'`, which registers every chart,
// component and renderer. Its JavaScript is full_echarts_js_gzip_kb, the reference of the ratio.
import * as echarts from 'echarts'

export * from '../../src/charts/echarts'

// Keeps the whole namespace: nothing of it may be tree-shaken away.
;(globalThis as { __benchFullEcharts?: unknown }).__benchFullEcharts = echarts
