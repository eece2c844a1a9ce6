import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Plugin } from 'vite'
import { formatProblem } from '../../src/domain/problems'
import { loadSnapshotDir } from './snapshot'

/**
 * The snapshot is data, not code: it is validated at build time (an invalid snapshot fails the
 * build, naming each problem), then copied next to index.html unbundled, so ops can replace
 * it without rebuilding. In dev the same folder is served at ./data/.
 */
export function snapshotPlugin(dataDir: string): Plugin {
  let outDir = 'dist'
  return {
    name: 'cooperation-snapshot',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    async buildStart() {
      if (this.meta.watchMode) return
      const result = await loadSnapshotDir(dataDir)
      if (!result.ok) {
        const lines = result.problems.filter((p) => p.severity === 'error').map(formatProblem)
        this.error(`the snapshot in ${dataDir} is invalid:\n${lines.join('\n')}`)
      }
    },
    async writeBundle() {
      const target = path.join(outDir, 'data')
      await mkdir(target, { recursive: true })
      for (const name of await readdir(dataDir)) {
        if (/\.(csv|json)$/i.test(name))
          await copyFile(path.join(dataDir, name), path.join(target, name))
      }
    },
    configureServer(server) {
      server.middlewares.use('/data', async (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\/+/, '')
        const file = path.join(dataDir, name)
        if (!name || name.includes('..') || !(await stat(file).catch(() => null))?.isFile())
          return next()
        // Not no-store: see scripts/lib/server.ts (a streamed outcomes.csv reported as aborted).
        res.setHeader('cache-control', 'no-cache')
        // A file removed meanwhile cuts the response off rather than stopping the dev server.
        createReadStream(file)
          .once('error', () => res.destroy())
          .pipe(res)
      })
    },
  }
}
