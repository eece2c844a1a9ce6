import type { Dataset } from '../domain/types'
import { httpReader } from './browserReader'
import { loadLastGood, memoryReader, recordingReader, saveLastGood } from './cache'
import { loadSnapshot, type FileReader, type LoadResult } from './loadSnapshot'
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
  const read: FileReader = Object.assign(recorder.read, {
    stream: streamingReader(base, recorder.files),
  })
  let result: LoadResult
  let error: string | null = null
  try {
    result = await loadSnapshot(read)
  } catch (e) {
    error = (e as Error).message
    result = { ok: false, dataset: null, manifest: null, problems: [], verified: false }
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

/**
 * httpReader's files as they arrive (FileReader.stream), so the loader can read outcomes.csv's
 * rows while the rest of it is on its way; each file is kept, as the recorder keeps the ones it
 * reads, for the last good copy.
 */
function streamingReader(
  base: string,
  files: Record<string, Uint8Array>,
): NonNullable<FileReader['stream']> {
  return async (name, part) => {
    const res = await fetch(new URL(name, base), { cache: 'no-store' })
    if (res.status === 404) return null
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`)
    const parts: Uint8Array[] = []
    let length = 0
    if (res.body) {
      const reader = res.body.getReader()
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        parts.push(next.value)
        length += next.value.byteLength
        part(next.value)
      }
    } else {
      parts.push(new Uint8Array(await res.arrayBuffer()))
      length = parts[0]!.byteLength
      part(parts[0]!)
    }
    let bytes = parts[0] ?? new Uint8Array(0)
    if (parts.length > 1) {
      bytes = new Uint8Array(length)
      let at = 0
      for (const p of parts) {
        bytes.set(p, at)
        at += p.byteLength
      }
    }
    files[name] = bytes
    return bytes
  }
}
