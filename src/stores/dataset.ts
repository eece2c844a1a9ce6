import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { dataBaseUrl, httpReader } from '../data/browserReader'
import { loadPublishedOffThread } from '../data/loadOffThread'
import type { Candidate } from '../data/dropped'
import type { FileReader } from '../data/loadSnapshot'
import { MANIFEST_FILE } from '../data/names'
import type { Manifest } from '../data/manifest'
import type { Problem } from '../domain/problems'
import type { Dataset } from '../domain/types'

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
  const live = shallowRef<Dataset | null>(null)
  const liveManifest = shallowRef<Manifest | null>(null)
  const preview = shallowRef<Preview | null>(null)
  const status = ref<LoadStatus>('idle')
  /** Problems of the last load attempt, whatever its outcome. */
  const problems = shallowRef<readonly Problem[]>([])
  const error = ref<string | null>(null)
  const checkedAt = ref<Date | null>(null)
  const liveOrigin = ref<'network' | 'cache' | null>(null)
  /** When the cached copy shown was stored. */
  const cachedAt = ref<string | null>(null)

  const dataset = computed(() => preview.value?.dataset ?? live.value)
  const manifest = computed(() => preview.value?.candidate.manifest ?? liveManifest.value)
  const origin = computed<DataOrigin | null>(() => (preview.value ? 'preview' : liveOrigin.value))

  /**
   * Loads the published folder (in the loader worker) or, in tests, what `reader` serves. A
   * failed load keeps what is on screen; with nothing on screen, the last good copy is shown.
   */
  async function load(reader?: FileReader): Promise<void> {
    status.value = 'loading'
    const {
      result,
      error: failure,
      cached,
    } = reader
      ? {
          result: await (await import('../data/loadSnapshot')).loadSnapshot(reader),
          error: null,
          cached: null,
        }
      : await loadPublishedOffThread(dataBaseUrl(), { fallBack: !live.value })
    problems.value = result.problems
    checkedAt.value = new Date()
    if (result.ok) {
      live.value = result.dataset
      liveManifest.value = result.manifest
      liveOrigin.value = 'network'
      cachedAt.value = null
      error.value = null
      status.value = 'ready'
      return
    }
    error.value =
      failure ??
      `${result.problems.filter((p) => p.severity === 'error').length} problem(s) in the snapshot`
    status.value = 'error'
    if (cached && !live.value) {
      live.value = cached.dataset
      liveManifest.value = cached.manifest
      liveOrigin.value = 'cache'
      cachedAt.value = cached.savedAt
    }
  }

  /**
   * Checks whether the snapshot changed and loads it if so. A copy in progress or an invalid
   * snapshot fails the load, which keeps the current dataset; the next poll tries again.
   */
  async function poll(base: string = dataBaseUrl()): Promise<void> {
    try {
      const res = await fetch(new URL(MANIFEST_FILE, base), { cache: 'no-store' })
      if (!res.ok) throw new Error(`${MANIFEST_FILE}: HTTP ${res.status}`)
      const text = await res.text()
      if (text === lastManifestText && status.value === 'ready') return
      lastManifestText = text
      await load(base === dataBaseUrl() ? undefined : httpReader(base))
    } catch (e) {
      error.value = (e as Error).message
      status.value = 'error'
    }
  }
  let lastManifestText: string | null = null

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
    manifest,
    origin,
    preview,
    status,
    problems,
    error,
    checkedAt,
    cachedAt,
    load,
    poll,
    showPreview,
    endPreview,
  }
})
