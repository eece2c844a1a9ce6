import type { Dataset } from '../domain/types'
import { httpReader } from './browserReader'
import { loadLastGood, memoryReader, recordingReader, saveLastGood } from './cache'
import { loadSnapshot, type LoadResult } from './loadSnapshot'
import type { Manifest } from './manifest'

/** What one load of the published data folder gives the dataset store. */
export interface PublishedLoad {
  result: LoadResult
  /** The fetch itself failed (network down, HTTP error), rather than the data. */
  error: string | null
  /** The last good snapshot from IndexedDB, when the load failed and a fallback was asked for. */
  cached: { dataset: Dataset; manifest: Manifest; savedAt: string } | null
}

/**
 * Loads the data folder at `base`, keeps it in IndexedDB when it is good, and when it is not
 * (and the caller has nothing on screen) falls back to the last good copy, checked again like
 * any files. No DOM: it runs in the loader's Web Worker, or on the main thread where there is
 * no worker.
 */
export async function loadPublished(
  base: string,
  opts: { fallBack: boolean },
): Promise<PublishedLoad> {
  const recorder = recordingReader(httpReader(base))
  let result: LoadResult
  let error: string | null = null
  try {
    result = await loadSnapshot(recorder.read)
  } catch (e) {
    error = (e as Error).message
    result = { ok: false, dataset: null, manifest: null, problems: [] }
  }
  if (result.ok) {
    // Keyed by the folder's URL: two dashboards on one origin keep their own copies. Not
    // waited for: writing 30 MB to IndexedDB takes a quarter of a second that the screen need
    // not wait on, and a copy that fails to save only means no fallback (saveLastGood never throws).
    void saveLastGood(base, { savedAt: new Date().toISOString(), files: recorder.files })
    return { result, error, cached: null }
  }
  if (!opts.fallBack) return { result, error, cached: null }
  const copy = await loadLastGood(base)
  if (!copy) return { result, error, cached: null }
  const again = await loadSnapshot(memoryReader(copy.files))
  return {
    result,
    error,
    cached: again.ok
      ? { dataset: again.dataset, manifest: again.manifest, savedAt: copy.savedAt }
      : null,
  }
}
