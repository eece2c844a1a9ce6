import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { dataBaseUrl, httpReader } from '../data/browserReader'
import {
  loadPublishedOffThread,
  remoteDataset,
  remoteScreen,
  setScreenOptions,
  workerAlive,
} from '../data/loadOffThread'
import type { Candidate } from '../data/dropped'
import type { FileReader } from '../data/loadSnapshot'
import { MANIFEST_FILE, snapshotKey } from '../data/names'
import { localLoad, type RemoteDataset } from '../data/remote'
import type { Manifest } from '../data/manifest'
import type { Problem } from '../domain/problems'
import type { Dataset, SnapshotInfo } from '../domain/types'
import type { ScreenModel } from '../screen/model'
import type { ScreenOptions } from '../screen/options'

/** snapshotKey of a manifest's text; null when it is not JSON (the load will say what is wrong). */
function keyOf(text: string): string | null {
  try {
    return snapshotKey(JSON.parse(text))
  } catch {
    return null
  }
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'
/** Where the data on screen came from: the server, the last good copy, or dropped files. */
export type DataOrigin = 'network' | 'cache' | 'preview'

/** Dropped files shown instead of the published data, in this browser tab only. */
export interface Preview {
  candidate: Candidate
  dataset: Dataset
  /** Some rows were refused: the preview shows only the valid ones. */
  partial: boolean
}

/**
 * Holds the last good snapshot. A load that fails never replaces it: the screen keeps
 * showing what it had, and `problems` says why the new one was refused. The last good files
 * are also kept in IndexedDB, so a reload while the published data is broken still shows them.
 */
export const useDatasetStore = defineStore('dataset', () => {
  /** The Dataset on this thread: loaded here, or copied from the worker for a view that lists. */
  const live = shallowRef<Dataset | null>(null)
  /**
   * The Dataset the loader worker keeps for the screen, by its generation number; null when the
   * live data was loaded on this thread. The screen asks the worker for its model of it.
   */
  const remote = shallowRef<RemoteDataset | null>(null)
  /** A view that lists records is open: the worker's Dataset is copied here. */
  const wanted = ref(false)
  const liveManifest = shallowRef<Manifest | null>(null)
  const preview = shallowRef<Preview | null>(null)
  const status = ref<LoadStatus>('idle')
  /** Problems of the last load attempt, whatever its outcome. */
  const problems = shallowRef<readonly Problem[]>([])
  /** Why the last load failed when it was not the data's problems (a fetch, the worker). */
  const error = ref<string | null>(null)
  /** Errors among those problems; none while the status is 'error' means no file could be read. */
  const errorCount = computed(() => problems.value.filter((p) => p.severity === 'error').length)
  const checkedAt = ref<Date | null>(null)
  const liveOrigin = ref<'network' | 'cache' | null>(null)
  /** When the cached copy shown was stored. */
  const cachedAt = ref<string | null>(null)

  const dataset = computed(() => preview.value?.dataset ?? live.value)
  const manifest = computed(() => preview.value?.candidate.manifest ?? liveManifest.value)
  const origin = computed<DataOrigin | null>(() => (preview.value ? 'preview' : liveOrigin.value))
  /** Some data is there to show, on this thread or in the worker. */
  const hasData = computed(() => dataset.value !== null || remote.value !== null)
  /** The snapshot shown, wherever its Dataset is. */
  const snapshot = computed<SnapshotInfo | null>(() => {
    const m = manifest.value
    return (
      dataset.value?.snapshot ?? (m && remote.value ? { schema: m.schema, ...m.snapshot } : null)
    )
  })

  function show(
    next: Dataset | RemoteDataset,
    m: Manifest | null,
    from: 'network' | 'cache',
    savedAt: string | null,
  ) {
    if ('generation' in next) {
      remote.value = next
      // Kept until its successor arrives, so a listing view never goes blank; dropped when no
      // view needs it, so the screen's thread holds only chart rows.
      if (wanted.value) void copyDataset(next.generation)
      else live.value = null
    } else {
      remote.value = null
      live.value = next
    }
    liveManifest.value = m
    liveOrigin.value = from
    cachedAt.value = savedAt
  }

  async function copyDataset(generation: number): Promise<void> {
    const d = await remoteDataset(generation).catch(() => null)
    if (remote.value?.generation !== generation) return
    if (d) live.value = d
    else workerLost()
  }

  /**
   * The worker that held the shown Dataset failed (a crash, the browser reclaiming memory): its
   * data is gone, and a view waiting for a copy would wait forever. Load it again, on this
   * thread, once, falling back to the last good copy as a first load would; the screen keeps its
   * model meanwhile.
   */
  let reloading: Promise<void> | null = null
  function workerLost(): void {
    if (workerAlive() || !remote.value) return
    reloading ??= load(undefined, { shownLost: true }).finally(() => (reloading = null))
  }

  /** Called by views that list records: they need the whole Dataset on this thread. */
  function needDataset(): void {
    if (wanted.value) return
    wanted.value = true
    if (remote.value && !live.value) void copyDataset(remote.value.generation)
  }

  /** The screen shown, and its options, or none (null): each load then brings the model. */
  function showScreen(options: ScreenOptions | null): void {
    setScreenOptions(options)
  }

  /** The screen's model of the worker's Dataset; null when there is none (or it was replaced). */
  async function screenOf(generation: number, options: ScreenOptions): Promise<ScreenModel | null> {
    try {
      const model = await remoteScreen(generation, options)
      if (!model) workerLost()
      return model
    } catch (e) {
      workerLost()
      throw e
    }
  }

  /**
   * Loads the published folder (in the loader worker) or, in tests, what `reader` serves. A
   * failed load keeps what is on screen; with nothing on screen, the last good copy is shown.
   * `shownLost`: what is on screen is gone (the worker that held it failed), so it counts as
   * nothing.
   */
  async function load(reader?: FileReader, opts: { shownLost?: boolean } = {}): Promise<void> {
    const nothingShown = !hasData.value || opts.shownLost === true
    // A retry of a failed snapshot keeps its 'error' until it succeeds: the data shown is still
    // the previous snapshot, and a badge that went away for every poll's load would blink.
    if (status.value !== 'error') status.value = 'loading'
    const {
      result,
      error: failure,
      cached,
      data,
    } = reader
      ? localLoad({
          result: await (await import('../data/loadSnapshot')).loadSnapshot(reader),
          error: null,
          cached: null,
        })
      : await loadPublishedOffThread(dataBaseUrl(), { fallBack: nothingShown })
    problems.value = result.problems
    checkedAt.value = new Date()
    loadedKey = result.manifest && snapshotKey(result.manifest)
    sameAgain = !result.ok && result.verified
    if (result.ok && data) {
      show(data, result.manifest, 'network', null)
      error.value = null
      status.value = 'ready'
      return
    }
    // The problems say why on their own (errorCount); `error` is for a load that read no data.
    error.value = failure
    status.value = 'error'
    if (cached && data && nothingShown) show(data, cached.manifest, 'cache', cached.savedAt)
  }

  /**
   * Checks whether the snapshot changed and loads it if so. A copy in progress or an invalid
   * snapshot fails the load, which keeps the current dataset. The next poll tries again, unless
   * the manifest still describes the files the load read whole: loading them again would only
   * find the same problems (a 30 MB download and a second and a half of work at 100,000
   * outcomes, every poll, for as long as nobody fixes them).
   */
  async function poll(base: string = dataBaseUrl()): Promise<void> {
    try {
      const res = await fetch(new URL(MANIFEST_FILE, base), { cache: 'no-store' })
      if (!res.ok) throw new Error(`${MANIFEST_FILE}: HTTP ${res.status}`)
      const key = keyOf(await res.text())
      if (key !== null && key === loadedKey && (status.value === 'ready' || sameAgain)) return
      await load(base === dataBaseUrl() ? undefined : httpReader(base))
    } catch (e) {
      // The folder could not be read: that is the error shown now, and the next poll that can
      // read it loads it again, so that a good snapshot replaces the error.
      sameAgain = false
      error.value = (e as Error).message
      status.value = 'error'
    }
  }
  /** snapshotKey of the manifest the last load read (null: none could be read). */
  let loadedKey: string | null = null
  /** The last load failed for what is in its files: the same manifest would fail the same way. */
  let sameAgain = false

  function showPreview(candidate: Candidate): boolean {
    const d = candidate.result.dataset
    if (!d) return false
    preview.value = { candidate, dataset: d, partial: !candidate.result.ok }
    return true
  }
  function endPreview(): void {
    preview.value = null
  }

  return {
    dataset,
    remote,
    hasData,
    snapshot,
    needDataset,
    screenOf,
    showScreen,
    manifest,
    origin,
    preview,
    status,
    problems,
    errorCount,
    error,
    checkedAt,
    cachedAt,
    load,
    poll,
    showPreview,
    endPreview,
  }
})
