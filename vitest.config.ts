import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Three projects, as vue-echarts does: pure Node tests, component tests in happy-dom, and
// browser tests that build the app and drive Debian's Chromium through playwright-core.
export default defineConfig({
  plugins: [vue()],
  test: {
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The browser shares two cores with the unit tests' workers: a page that takes longer
          // than vitest's default second is slow, not wrong. A poll that must fail still does.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
})
