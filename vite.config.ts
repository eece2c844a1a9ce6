import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { snapshotPlugin } from './scripts/lib/vite-data-plugin'

export default defineConfig({
  // Relative URLs everywhere, so dist/ runs from any sub-path of any static host.
  base: './',
  // SNAPSHOT_DIR lets a test (or ops) build against another snapshot folder.
  plugins: [
    vue(),
    snapshotPlugin(process.env.SNAPSHOT_DIR ?? fileURLToPath(new URL('./data', import.meta.url))),
  ],
  // The snapshot loader's worker (src/data/loadOffThread.ts) is an ES module, as the app is.
  worker: { format: 'es' },
  build: {
    // Kiosk browsers: Chromium 87 cores (360, 奇安信, 统信), Chrome 109 on Windows 7.
    target: ['chrome87', 'edge88', 'firefox78', 'safari14'],
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
})
