import type { LoaderRequest } from './loader.worker'
import type { PublishedLoad } from './published'

type Reply = { id: number; load: PublishedLoad } | { id: number; failure: string }

let worker: Worker | null | undefined
let next = 0
const waiting = new Map<number, (reply: Reply) => void>()

/** One worker for the page's lifetime; null where workers are missing or refused. */
function loaderWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<Reply>) => {
      waiting.get(e.data.id)?.(e.data)
      waiting.delete(e.data.id)
    }
    // A worker that cannot start (old kiosk browser, a CSP without worker-src) is not an
    // outage: every pending and later load runs on the main thread instead.
    worker.onerror = () => {
      worker?.terminate()
      worker = null
      for (const [id, resolve] of waiting) resolve({ id, failure: 'worker failed' })
      waiting.clear()
    }
  } catch {
    worker = null
  }
  return worker
}

/**
 * The loader on this thread, fetched only where the worker is missing: the parser, validator and
 * hashing then stay out of the first screen's JavaScript.
 */
async function onThisThread(base: string, opts: { fallBack: boolean }): Promise<PublishedLoad> {
  const { loadPublished } = await import('./published')
  return loadPublished(base, opts)
}

/** loadPublished in the loader worker, or on this thread where there is none. */
export async function loadPublishedOffThread(
  base: string,
  opts: { fallBack: boolean },
): Promise<PublishedLoad> {
  const w = loaderWorker()
  if (!w) return onThisThread(base, opts)
  const id = ++next
  const reply = await new Promise<Reply>((resolve) => {
    waiting.set(id, resolve)
    w.postMessage({ id, base, fallBack: opts.fallBack } satisfies LoaderRequest)
  })
  return 'load' in reply ? reply.load : onThisThread(base, opts)
}
