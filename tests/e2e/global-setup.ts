import { existsSync } from 'node:fs'
import path from 'node:path'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'
import { serveStatic } from '../../scripts/lib/server'
import { CHROMIUM } from '../../scripts/lib/chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    distDir: string
  }
}

/** Builds the app once and serves it from a sub-path, as ops would deploy it. */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `browser tests need Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-wqy-microhei`,
    )
  }
  const root = path.resolve(__dirname, '../..')
  // E2E_DIST lets two runs on one machine (people or helpers) build without clobbering each other.
  const distDir = process.env.E2E_DIST
    ? path.resolve(process.env.E2E_DIST)
    : path.join(root, 'node_modules/.e2e-dist')
  await build({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    configLoader: 'runner',
    logLevel: 'warn',
    build: { outDir: distDir, emptyOutDir: true },
  })
  const server = await serveStatic({ root: distDir, base: '/x/cooperation/' })
  project.provide('baseUrl', server.url)
  project.provide('distDir', distDir)
  return () => server.close()
}
