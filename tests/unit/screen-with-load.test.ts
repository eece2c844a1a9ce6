// The screen's model travels with each load once the page has said which options the screen
// shows: the worker side (loader.worker.ts) and the page side (loadOffThread.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoaderReply, LoaderRequest, ScreenWithLoad } from '../../src/data/loader.worker'
import type { PublishedLoad } from '../../src/data/published'
import type { Dataset } from '../../src/domain/types'
import { screenModel, type ScreenModel } from '../../src/screen/model'
import { modelText, readModelText } from '../../src/screen/modelText'
import type { ScreenOptions } from '../../src/screen/options'
import { loadSnapshotDir } from '../../scripts/lib/snapshot'
import { writeSynthetic } from '../../scripts/bench/synthetic'
import { DATA_DIR, loadMini } from '../helpers/snapshot'

const OPTIONS: ScreenOptions = {
  kpis: ['events', 'outcomes'],
  mapSizeBy: 'outcomes',
  featuredProvince: '',
}
const OTHER: ScreenOptions = { ...OPTIONS, featuredProvince: '湖南' }

const published = vi.hoisted(() => ({ dataset: null as Dataset | null }))
vi.mock('../../src/data/published', () => ({
  async loadPublished(): Promise<PublishedLoad> {
    const dataset = published.dataset!
    return {
      result: { ok: true, dataset, manifest: null, problems: [] } as never,
      error: null,
      cached: null,
    }
  },
}))

beforeEach(async () => {
  vi.resetModules()
  published.dataset = await loadMini()
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the loader worker', () => {
  /** Loads the worker's module with `self` standing in for its global scope. */
  async function startWorker() {
    const replies: LoaderReply[] = []
    const scope: { postMessage(r: LoaderReply): void; onmessage: unknown } = {
      postMessage: (r) => void replies.push(r),
      onmessage: null,
    }
    vi.stubGlobal('self', scope)
    await import('../../src/data/loader.worker')
    const send = scope.onmessage as (e: { data: LoaderRequest }) => Promise<void>
    return { replies, send: (data: LoaderRequest) => send({ data }) }
  }

  it('sends the screen model with a load once the screen has given its options', async () => {
    const { replies, send } = await startWorker()
    await send({ id: 1, type: 'load', base: '/', fallBack: false })
    expect(replies[0]).toMatchObject({ id: 1, load: { data: { generation: 1 } } })
    expect(replies[0]).not.toHaveProperty('screen', expect.anything())

    await send({ id: 2, type: 'screen-options', options: OPTIONS })
    expect(replies).toHaveLength(1)
    await send({ id: 3, type: 'load', base: '/', fallBack: false })
    expect(replies[1]).toMatchObject({ id: 3, load: { data: { generation: 2 } } })
    const model = (replies[1] as { screen: ScreenWithLoad }).screen
    expect(model.options).toEqual(OPTIONS)
    // As text, which the page reads back into the same model.
    expect(typeof model.model).toBe('string')
    expect(readModelText(model.model)).toEqual(screenModel(published.dataset!, OPTIONS))

    // No screen shown any more: loads come alone again.
    await send({ id: 4, type: 'screen-options', options: null })
    await send({ id: 5, type: 'load', base: '/', fallBack: false })
    expect(replies[2]).not.toHaveProperty('screen', expect.anything())
  })
})

/** A stand-in for the worker: records requests, and the test answers them. */
function fakeWorker() {
  const requests: LoaderRequest[] = []
  let instance: { onmessage: ((e: { data: LoaderReply }) => void) | null } | null = null
  vi.stubGlobal(
    'Worker',
    class {
      onmessage: ((e: { data: LoaderReply }) => void) | null = null
      onerror: unknown = null
      constructor() {
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        instance = this
      }
      postMessage(r: LoaderRequest) {
        requests.push(r)
      }
    },
  )
  return { requests, answer: (r: LoaderReply) => instance!.onmessage!({ data: r }) }
}

describe('the page side of the loader', () => {
  it('takes the model that came with the last load, once, for the same snapshot and options', async () => {
    const worker = fakeWorker()
    const off = await import('../../src/data/loadOffThread')
    const model = { marker: 'with the load' } as unknown as ScreenModel
    const text = modelText(model)
    off.setScreenOptions(OPTIONS)
    expect(worker.requests).toEqual([
      expect.objectContaining({ type: 'screen-options', options: OPTIONS }),
    ])
    const shown = {
      result: { ok: true, manifest: null, problems: [], verified: true },
      error: null,
      cached: null,
    }
    async function load(generation: number) {
      const loading = off.loadPublishedOffThread('/', { fallBack: false })
      const req = worker.requests.at(-1)!
      expect(req.type).toBe('load')
      worker.answer({
        id: req.id,
        load: { ...shown, data: { generation } },
        screen: { options: OPTIONS, model: text },
      })
      await loading
    }
    /** Whether a call asked the worker (and answers it if so). */
    async function asks(generation: number, options: ScreenOptions): Promise<boolean> {
      const before = worker.requests.length
      const got = off.remoteScreen(generation, options)
      const asked = worker.requests.length > before
      if (asked) {
        expect(worker.requests.at(-1)).toMatchObject({ type: 'screen', generation, options })
        worker.answer({ id: worker.requests.at(-1)!.id, screen: null })
        await expect(got).resolves.toBeNull()
      } else await expect(got).resolves.toEqual(model)
      return asked
    }

    await load(7)
    expect(await asks(7, OPTIONS)).toBe(false)
    // Given once: the next call asks.
    expect(await asks(7, OPTIONS)).toBe(true)
    // A model for other options, or for an older snapshot, is not the one asked for.
    await load(8)
    expect(await asks(8, OTHER)).toBe(true)
    await load(9)
    expect(await asks(8, OPTIONS)).toBe(true)
    await load(10)
    expect(await asks(10, OPTIONS)).toBe(false)
  })
})

describe('the load started before the app', () => {
  it('is the first load of the same folder, once', async () => {
    const { requests, answer } = fakeWorker()
    const off = await import('../../src/data/loadOffThread')
    const shown = {
      result: { ok: true, manifest: null, problems: [], verified: true },
      error: null,
      cached: null,
    }
    off.startLoadEarly('/data/', { fallBack: true })
    expect(requests).toEqual([expect.objectContaining({ type: 'load', base: '/data/' })])
    // The app's first load asks nothing more, and gets the early load's answer.
    const first = off.loadPublishedOffThread('/data/', { fallBack: true })
    expect(requests).toHaveLength(1)
    answer({ id: requests[0]!.id, load: { ...shown, data: null } })
    await expect(first).resolves.toMatchObject({ error: null, data: null })
    // Later loads (the poll) ask again.
    void off.loadPublishedOffThread('/data/', { fallBack: false })
    expect(requests).toHaveLength(2)
  })
})

describe('the screen model as text', () => {
  // JSON drops what it cannot say (undefined in a list, NaN, a Map or a Date) without a word:
  // the models of real snapshots must read back from their text as they were.
  it('reads back unchanged for the curated snapshot and a synthetic one', async () => {
    const curated = (await loadSnapshotDir(DATA_DIR)).dataset!
    const dir = mkdtempSync(path.join(tmpdir(), 'model-text-'))
    await writeSynthetic(dir, 1000)
    const synthetic = (await loadSnapshotDir(dir)).dataset!
    rmSync(dir, { recursive: true, force: true })
    for (const [d, options] of [
      [curated, OPTIONS],
      [curated, OTHER],
      [curated, { ...OPTIONS, mapSizeBy: 'cooperation_projects' }],
      [synthetic, OPTIONS],
    ] as const) {
      const model = screenModel(d, options)
      // toEqual passes over properties set to undefined (JSON leaves them out, as the page
      // would), and fails on null for NaN or undefined in a list, {} for a Map, text for a Date.
      expect(readModelText(modelText(model))).toEqual(model)
    }
  })
})
