import type { FileReader } from './loadSnapshot'

/**
 * The last snapshot that loaded cleanly, kept in IndexedDB as the files' bytes, so a screen that
 * is reloaded while the published data is broken (a half-copied folder, a bad edit) still shows
 * the last good data instead of an error. Stored as files, not as the built Dataset, so it goes
 * through the same loader and checks as anything read from the server.
 */
export interface CachedSnapshot {
  /** ISO time the snapshot was stored. */
  savedAt: string
  files: Record<string, Uint8Array>
}

const DB_NAME = 'coop-dashboard'
const STORE = 'last-good'

/** null where IndexedDB is missing or refused (private windows, locked-down kiosks). */
function openDb(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null)
      const req = indexedDB.open(DB_NAME, 1)
      req.onupgradeneeded = () => req.result.createObjectStore(STORE)
      req.onsuccess = () => resolve(req.result)
      req.onerror = () => resolve(null)
      req.onblocked = () => resolve(null)
    } catch {
      resolve(null)
    }
  })
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

/**
 * Keyed by the data folder's URL: two dashboards on one origin (different sub-paths) must not
 * fall back to each other's data. A failure to store is not worth disturbing the screen for.
 */
export async function saveLastGood(key: string, snapshot: CachedSnapshot): Promise<boolean> {
  const db = await openDb()
  if (!db) return false
  try {
    await done(db.transaction(STORE, 'readwrite').objectStore(STORE).put(snapshot, key))
    return true
  } catch {
    return false
  } finally {
    db.close()
  }
}

export async function loadLastGood(key: string): Promise<CachedSnapshot | null> {
  const db = await openDb()
  if (!db) return null
  try {
    const value = (await done(db.transaction(STORE).objectStore(STORE).get(key))) as unknown
    return isCached(value) ? value : null
  } catch {
    return null
  } finally {
    db.close()
  }
}

function isCached(value: unknown): value is CachedSnapshot {
  if (!value || typeof value !== 'object') return false
  const v = value as Partial<CachedSnapshot>
  return (
    typeof v.savedAt === 'string' &&
    !!v.files &&
    Object.values(v.files).every((b) => b instanceof Uint8Array)
  )
}

/** Serves files from memory: a cached snapshot, or files dropped on the data page. */
export function memoryReader(files: Readonly<Record<string, Uint8Array>>): FileReader {
  return async (name) => (Object.hasOwn(files, name) ? files[name]! : null)
}

/** Wraps a reader and keeps every file it returned, to store them once the load succeeds. */
export function recordingReader(read: FileReader): {
  read: FileReader
  files: Record<string, Uint8Array>
} {
  const files: Record<string, Uint8Array> = {}
  return {
    files,
    read: async (name) => {
      const bytes = await read(name)
      if (bytes) files[name] = bytes
      return bytes
    },
  }
}
