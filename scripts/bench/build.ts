// The three builds of npm run bench: the app, the same app with all of ECharts, and the bare map.
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'vite'
import { selectMap } from '../../src/charts/map/select'
import { loadSnapshotDir } from '../lib/snapshot'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ECHARTS_MODULE = path.join(ROOT, 'src/charts/echarts.ts')
const FULL_ECHARTS_MODULE = path.join(ROOT, 'scripts/bench/echarts-full.ts')
const BARE_PAGE = path.join(ROOT, 'scripts/bench/bare')
/** The app's build targets (vite.config.ts): the bare page is built for the same browsers. */
const TARGET = ['chrome87', 'edge88', 'firefox78', 'safari14']

/** Swaps src/charts/echarts.ts for scripts/bench/echarts-full.ts wherever the app imports it. */
export function fullEchartsPlugin(): Plugin {
  return {
    name: 'bench-full-echarts',
    enforce: 'pre',
    resolveId: {
      filter: { id: /^[./].*echarts(\.ts)?$/ },
      async handler(source, importer, options) {
        if (!importer || importer === FULL_ECHARTS_MODULE) return
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
        return resolved?.id === ECHARTS_MODULE ? FULL_ECHARTS_MODULE : undefined
      },
    },
  }
}

/** What a chunk is made of: packages (and src/ folders) by share of its code before minifying. */
export type Composition = Record<string, { name: string; share: number }[]>

function composition(output: unknown): Composition {
  const out: Composition = {}
  const results = (Array.isArray(output) ? output : [output]) as {
    output?: {
      type: string
      fileName: string
      modules?: Record<string, { renderedLength: number }>
    }[]
  }[]
  for (const result of results) {
    for (const chunk of result.output ?? []) {
      if (chunk.type !== 'chunk') continue
      const parts = new Map<string, number>()
      for (const [id, m] of Object.entries(chunk.modules ?? {})) {
        const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1]
        const src = /\/src\/([^/]+)\//.exec(id)?.[1]
        const name = pkg ?? (src ? `src/${src}` : path.basename(id))
        parts.set(name, (parts.get(name) ?? 0) + m.renderedLength)
      }
      const total = [...parts.values()].reduce((a, b) => a + b, 0) || 1
      out[chunk.fileName] = [...parts]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([name, n]) => ({ name, share: Math.round((100 * n) / total) }))
    }
  }
  return out
}

/** vite build of the app (vite.config.ts, curated data/) into outDir; `full`: all of ECharts. */
export async function buildApp(
  outDir: string,
  opts: { full?: boolean } = {},
): Promise<Composition> {
  const output = await build({
    root: ROOT,
    configFile: path.join(ROOT, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    // All of ECharts is one big chunk: that is the point, no need to warn about it.
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      ...(opts.full ? { chunkSizeWarningLimit: 10_000 } : {}),
    },
    plugins: opts.full ? [fullEchartsPlugin()] : [],
  })
  return composition(output)
}

/** What the bare page draws: the app's map rows for the curated snapshot, pre-baked. */
export interface BakedMap {
  provinces: { name: string; value: number }[]
  points: { name: string; value: [number, number, number]; symbolSize: number }[]
}

export async function bakeMap(dataDir = path.join(ROOT, 'data')): Promise<BakedMap> {
  const result = await loadSnapshotDir(dataDir)
  if (!result.dataset) throw new Error(`${dataDir}: no dataset to bake the bare map from`)
  const rows = selectMap(result.dataset, {}, {})
  const max = Math.max(1, ...rows.points.map((p) => p.size))
  return {
    provinces: rows.provinces.map((p) => ({ name: p.name, value: p.events })),
    points: rows.points.map((p) => ({
      name: p.name.zh,
      value: [p.lng, p.lat, p.size],
      symbolSize: Math.round(10 + 22 * Math.sqrt(p.size / max)),
    })),
  }
}

/** The bare page (scripts/bench/bare): no Vue, no validation, same map file, pre-baked points. */
export async function buildBare(outDir: string, baked: BakedMap): Promise<void> {
  await build({
    root: BARE_PAGE,
    configFile: false,
    base: './',
    publicDir: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: TARGET, reportCompressedSize: false },
  })
  await mkdir(path.join(outDir, 'maps'), { recursive: true })
  await copyFile(path.join(ROOT, 'public/maps/china.json'), path.join(outDir, 'maps/china.json'))
  await writeFile(path.join(outDir, 'points.json'), JSON.stringify(baked))
}
