import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { ShownLoad } from '../../src/data/remote'

// The loader worker is replaced by a stand-in whose loads finish when the test says so.
const worker = vi.hoisted(() => ({
  broken: false,
  pending: [] as (() => void)[],
}))
vi.mock('../../src/data/loadOffThread', () => ({
  workerAlive: () => true,
  loadPublishedOffThread(): Promise<ShownLoad> {
    const broken = worker.broken
    return new Promise((resolve) =>
      worker.pending.push(() =>
        resolve(
          broken
            ? {
                result: { ok: false, manifest: null, problems: [] },
                error: 'events.csv row 3',
                cached: null,
                data: null,
              }
            : {
                result: { ok: true, manifest: null, problems: [] },
                error: null,
                cached: null,
                data: { generation: 1 },
              },
        ),
      ),
    )
  },
}))

const { useDatasetStore } = await import('../../src/stores/dataset')

/** Finishes the load under way and lets the store take its result. */
async function finishLoad(): Promise<void> {
  await vi.waitFor(() => expect(worker.pending.length).toBe(1))
  worker.pending.shift()!()
  await new Promise((r) => setTimeout(r))
}

beforeEach(() => {
  setActivePinia(createPinia())
  worker.broken = false
  worker.pending = []
  let n = 0
  // Each poll finds a different manifest, so each one loads.
  vi.stubGlobal('fetch', async () => new Response(`{"n":${n++}}`))
})
afterEach(() => vi.unstubAllGlobals())

describe('dataset store, polling a published folder', () => {
  it('keeps the error of a failed snapshot while it tries again, so the badge does not blink', async () => {
    const data = useDatasetStore()
    const first = data.load()
    expect(data.status).toBe('loading')
    await finishLoad()
    await first
    expect(data.status).toBe('ready')

    worker.broken = true
    const failing = data.poll()
    expect(data.status).toBe('ready')
    await vi.waitFor(() => expect(data.status).toBe('loading'))
    await finishLoad()
    await failing
    expect(data.status).toBe('error')
    expect(data.error).toBe('events.csv row 3')

    // The next poll retries: still 'error' while it runs, 'ready' once the data is good again.
    worker.broken = false
    const retry = data.poll()
    await vi.waitFor(() => expect(worker.pending.length).toBe(1))
    expect(data.status).toBe('error')
    expect(data.hasData).toBe(true)
    await finishLoad()
    await retry
    expect(data.status).toBe('ready')
    expect(data.error).toBeNull()
  })
})
