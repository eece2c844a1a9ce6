import { defineConfig, runnerImport, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { snapshotPlugin } from './scripts/lib/vite-data-plugin'
import { precompileMessages } from './src/i18n/precompile'

/** The message files of src/i18n, one per language. */
const MESSAGES = /\/src\/i18n\/(zh-CN|en)\.ts$/

/**
 * The build ships the messages compiled (vue-i18n's message ASTs), and vue-i18n without its
 * message compiler. The files are read fresh for every build; the dev server compiles at run time.
 */
function precompiledMessages(): Plugin {
  return {
    name: 'precompiled-i18n-messages',
    apply: 'build',
    async load(id) {
      if (!MESSAGES.test(id)) return
      const { module } = await runnerImport<{ default: unknown }>(id, { configFile: false })
      return `export default ${JSON.stringify(precompileMessages(module.default))}\n`
    },
  }
}

export default defineConfig(({ command }) => ({
  // Relative URLs everywhere, so dist/ runs from any sub-path of any static host.
  base: './',
  // SNAPSHOT_DIR lets a test (or ops) build against another snapshot folder.
  plugins: [
    vue(),
    precompiledMessages(),
    snapshotPlugin(process.env.SNAPSHOT_DIR ?? fileURLToPath(new URL('./data', import.meta.url))),
  ],
  // Compile-time switches of Vue and vue-i18n: every component is <script setup> and the i18n
  // instance is composition-only (legacy: false), with no <i18n-t> nor v-t, so the code for the
  // Options API, vue-i18n's legacy API and its global components never ships; nor, in a build,
  // its message compiler (see precompiledMessages).
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: command === 'build' ? 'true' : 'false',
  },
  // The snapshot loader's worker (src/data/loadOffThread.ts) is an ES module, as the app is.
  worker: { format: 'es' },
  build: {
    // Kiosk browsers: Chromium 87 cores (360, 奇安信, 统信), Chrome 109 on Windows 7.
    target: ['chrome87', 'edge88', 'firefox78', 'safari14'],
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
}))
