import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { Manifest } from '../../src/data/manifest'
import type { ShownLoad } from '../../src/data/remote'

// The loader worker is replaced by a stand-in whose loads finish when the test says so, and the
// server by a fetch that answers with `manifest` (null: 404).
const site = vi.hoisted(() => ({
  /** What the next load finds: good data, a half-copied snapshot, or complete files with errors. */
  next: 'good' as 'good' | 'copying' | 'invalid',
  pending: [] as (() => void)[],
  loads: 0,
  manifest: null as object | null,
}))

/** Snapshot number n's manifest, as the loader reads it. */
const manifestNo = (n: number) => ({
  schema: 1,
  snapshot: { version: `v${n}`, date: `2026-12-0${n}` },
  tables: { events: { file: 'events.csv', bytes: 10 + n, sha256: `${n}`.repeat(64) } },
})
vi.mock('../../src/data/loadOffThread', () => ({
  workerAlive: () => true,
  loadPublishedOffThread(): Promise<ShownLoad> {
    site.loads++
    const next = site.next
    const manifest = site.manifest as Manifest | null
    return new Promise((resolve) =>
      site.pending.push(() =>
        resolve(
          next === 'good'
            ? {
                result: { ok: true, manifest, problems: [], verified: true },
                error: null,
                cached: null,
                data: { generation: site.loads },
              }
            : {
                result: { ok: false, manifest, problems: [], verified: next === 'invalid' },
                error: null,
                cached: null,
                data: null,
              },
        ),
      ),
    )
  },
}))

const { useDatasetStore } = await import('../../src/stores/dataset')

/** Finishes the load under way and lets the store take its result. */
async function finishLoad(): Promise<void> {
  await vi.waitFor(() => expect(site.pending.length).toBe(1))
  site.pending.shift()!()
  await new Promise((r) => setTimeout(r))
}

/** A poll whose load (if it starts one) is finished; whether it loaded. */
async function pollOnce(data: ReturnType<typeof useDatasetStore>): Promise<boolean> {
  const before = site.loads
  const polled = data.poll()
  await new Promise((r) => setTimeout(r))
  if (site.loads > before) await finishLoad()
  await polled
  return site.loads > before
}

beforeEach(() => {
  setActivePinia(createPinia())
  site.next = 'good'
  site.pending = []
  site.loads = 0
  site.manifest = manifestNo(0)
  vi.stubGlobal('fetch', async () =>
    site.manifest === null
      ? new Response('', { status: 404 })
      : new Response(JSON.stringify(site.manifest)),
  )
})
afterEach(() => vi.unstubAllGlobals())

/** A store that loaded good data, as the app does on start. */
async function shown() {
  const data = useDatasetStore()
  const first = data.load()
  await finishLoad()
  await first
  expect(data.status).toBe('ready')
  return data
}

/** A store showing good data, whose published snapshot then changed to `next`. */
async function shownThen(next: typeof site.next) {
  const data = await shown()
  site.next = next
  site.manifest = manifestNo(1)
  expect(await pollOnce(data)).toBe(true)
  return data
}

describe('dataset store, polling a published folder', () => {
  it('keeps the error of a failed snapshot while it tries again, so the badge does not blink', async () => {
    const data = useDatasetStore()
    const first = data.load()
    expect(data.status).toBe('loading')
    await finishLoad()
    await first
    expect(data.status).toBe('ready')

    site.next = 'copying'
    site.manifest = manifestNo(1)
    const failing = data.poll()
    expect(data.status).toBe('ready')
    await vi.waitFor(() => expect(data.status).toBe('loading'))
    await finishLoad()
    await failing
    expect(data.status).toBe('error')

    // The next poll retries: still 'error' while it runs, 'ready' once the data is good again.
    site.next = 'good'
    const retry = data.poll()
    await vi.waitFor(() => expect(site.pending.length).toBe(1))
    expect(data.status).toBe('error')
    expect(data.hasData).toBe(true)
    await finishLoad()
    await retry
    expect(data.status).toBe('ready')
    expect(data.error).toBeNull()
  })

  it('does not load the snapshot it shows again, however its manifest is laid out', async () => {
    const data = await shown()
    expect(await pollOnce(data)).toBe(false)
    const m = manifestNo(0)
    site.manifest = { tables: m.tables, snapshot: m.snapshot, schema: 1, note: 'copied by ops' }
    expect(await pollOnce(data)).toBe(false)
    site.manifest = manifestNo(1)
    expect(await pollOnce(data)).toBe(true)
    expect(await pollOnce(data)).toBe(false)
    expect(data.status).toBe('ready')
  })

  it('loads a half-copied snapshot again at each poll, as its files may have arrived since', async () => {
    const data = await shownThen('copying')
    expect(data.status).toBe('error')
    expect(await pollOnce(data)).toBe(true)
    site.next = 'good'
    expect(await pollOnce(data)).toBe(true)
    expect(data.status).toBe('ready')
  })

  it('does not load complete files with errors again until the manifest changes', async () => {
    const data = await shownThen('invalid')
    expect(data.status).toBe('error')
    expect(await pollOnce(data)).toBe(false)
    expect(await pollOnce(data)).toBe(false)
    expect(data.status).toBe('error')

    site.next = 'good'
    site.manifest = manifestNo(2)
    expect(await pollOnce(data)).toBe(true)
    expect(data.status).toBe('ready')
  })

  it('loads again once a folder that could not be read is back, even with the same manifest', async () => {
    const data = await shownThen('invalid')
    site.manifest = null
    expect(await pollOnce(data)).toBe(false)
    expect(data.error).toBe('manifest.json: HTTP 404')
    expect(data.errorCount).toBe(0)

    site.manifest = manifestNo(1)
    site.next = 'good'
    expect(await pollOnce(data)).toBe(true)
    expect(data.status).toBe('ready')
  })
})
