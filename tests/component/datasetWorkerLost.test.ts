import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { loadMini } from '../helpers/snapshot'
import type { ShownLoad } from '../../src/data/remote'
import type { Dataset } from '../../src/domain/types'

// The loader worker is replaced by a stand-in whose Dataset can be lost, as a crashed worker's is.
const worker = vi.hoisted(() => ({
  alive: true,
  loads: 0,
  local: null as Dataset | null,
  /** The published data is broken meanwhile: only the last good copy can be shown. */
  broken: false,
  fallBacks: [] as boolean[],
}))
vi.mock('../../src/data/loadOffThread', () => ({
  workerAlive: () => worker.alive,
  async loadPublishedOffThread(_base: string, opts: { fallBack: boolean }): Promise<ShownLoad> {
    worker.loads++
    worker.fallBacks.push(opts.fallBack)
    if (worker.broken) {
      const result = { ok: false, manifest: null, problems: [], verified: true }
      const cached = opts.fallBack ? { manifest: { schema: 1 } as never, savedAt: 'earlier' } : null
      return { result, error: 'broken', cached, data: cached ? worker.local : null }
    }
    const result = { ok: true, manifest: null, problems: [], verified: true }
    // While the worker lives, its Dataset stays there; once it is gone, the load runs here.
    return worker.alive
      ? { result, error: null, cached: null, data: { generation: worker.loads } }
      : { result, error: null, cached: null, data: worker.local }
  },
  async remoteDataset() {
    if (!worker.alive) throw new Error('worker failed')
    return worker.local
  },
  async remoteScreen() {
    if (!worker.alive) throw new Error('worker failed')
    return null
  },
}))

const { useDatasetStore } = await import('../../src/stores/dataset')

beforeEach(async () => {
  setActivePinia(createPinia())
  worker.alive = true
  worker.loads = 0
  worker.broken = false
  worker.fallBacks = []
  worker.local = await loadMini()
})

describe('dataset store, when the loader worker is lost', () => {
  it('loads the data again on this thread for a view that lists records', async () => {
    const data = useDatasetStore()
    await data.load()
    expect(data.remote).toEqual({ generation: 1 })
    worker.alive = false
    data.needDataset()
    await vi.waitFor(() => expect(data.dataset).toBe(worker.local))
    expect(worker.loads).toBe(2)
    expect(data.remote).toBeNull()
    expect(data.status).toBe('ready')
  })

  it('loads it again when the screen asks for its model, and only once', async () => {
    const data = useDatasetStore()
    await data.load()
    worker.alive = false
    const options = { kpis: [], mapSizeBy: 'outcomes' as const, featuredProvince: '' }
    await expect(data.screenOf(1, options)).rejects.toThrow('worker failed')
    await expect(data.screenOf(1, options)).rejects.toThrow('worker failed')
    await vi.waitFor(() => expect(data.dataset).toBe(worker.local))
    expect(worker.loads).toBe(2)
  })

  it('falls back to the last good copy when the published data is broken meanwhile', async () => {
    const data = useDatasetStore()
    await data.load()
    worker.alive = false
    worker.broken = true
    data.needDataset()
    await vi.waitFor(() => expect(data.dataset).toBe(worker.local))
    expect(worker.fallBacks).toEqual([true, true])
    expect(data.origin).toBe('cache')
    expect(data.cachedAt).toBe('earlier')
  })

  it('leaves a live worker alone when its Dataset was merely replaced', async () => {
    const data = useDatasetStore()
    await data.load()
    const options = { kpis: [], mapSizeBy: 'outcomes' as const, featuredProvince: '' }
    expect(await data.screenOf(1, options)).toBeNull()
    expect(worker.loads).toBe(1)
    expect(data.remote).toEqual({ generation: 1 })
  })
})
