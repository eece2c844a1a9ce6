import type { Dataset } from '../domain/types'
import type { ScreenModel } from '../screen/model'
import { readModelText } from '../screen/modelText'
import { sameScreenOptions, type ScreenOptions } from '../screen/options'
import type { LoaderReply, LoaderRequest, ScreenWithLoad } from './loader.worker'
import type { PublishedLoad } from './published'
import { localLoad, type ShownLoad } from './remote'

/** Distributes a request's `Omit<…, 'id'>` over the union, so each variant keeps its fields. */
type Request = LoaderRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never

/** Handles one reply to a request; true once the request has had its last reply. */
type Handler = (reply: LoaderReply) => boolean

let worker: Worker | null | undefined
let next = 0
const waiting = new Map<number, Handler>()
const WORKER_FAILED: LoaderReply = { id: 0, failure: 'worker failed' }

/** One worker for the page's lifetime; null where workers are missing or refused. */
function loaderWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./loader.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (e: MessageEvent<LoaderReply>) => {
      if (waiting.get(e.data.id)?.(e.data)) waiting.delete(e.data.id)
    }
    // A worker that cannot start (old kiosk browser, a CSP without worker-src) is not an
    // outage: every pending and later load runs on the main thread instead.
    worker.onerror = () => {
      worker?.terminate()
      worker = null
      for (const handle of waiting.values()) handle(WORKER_FAILED)
      waiting.clear()
    }
  } catch {
    worker = null
  }
  return worker
}

/**
 * False once the worker has failed (or where none could start): a Dataset it held is gone, and
 * whoever relied on it must load the data again, on this thread.
 */
export function workerAlive(): boolean {
  return worker !== null
}

function ask(w: Worker, req: Request, handle: Handler): void {
  const id = ++next
  waiting.set(id, handle)
  w.postMessage({ ...req, id } satisfies LoaderRequest)
}

/** A request answered by one reply. */
function askOnce(w: Worker, req: Request): Promise<LoaderReply> {
  return new Promise((resolve) =>
    ask(w, req, (reply) => {
      resolve(reply)
      return true
    }),
  )
}

/**
 * The loader on this thread, fetched only where the worker is missing: the parser, validator and
 * hashing then stay out of the first screen's JavaScript.
 */
async function onThisThread(base: string, opts: { fallBack: boolean }): Promise<PublishedLoad> {
  const { loadPublished } = await import('./published')
  return loadPublished(base, opts)
}

/**
 * Loads the published folder in the loader worker (the Dataset stays there), or on this thread
 * where there is no worker (the Dataset comes with the load).
 */
export async function loadPublishedOffThread(
  base: string,
  opts: { fallBack: boolean },
): Promise<ShownLoad> {
  const started = early
  early = null
  if (started && started.base === base && started.fallBack === opts.fallBack) return started.load
  const w = loaderWorker()
  if (w) {
    const reply = await askOnce(w, { type: 'load', base, fallBack: opts.fallBack })
    if ('load' in reply) {
      const data = reply.load.data
      withLoad =
        reply.screen && data && 'generation' in data
          ? { generation: data.generation, ...reply.screen }
          : null
      return reply.load
    }
  }
  return localLoad(await onThisThread(base, opts))
}

/** A load started before the app's code ran (startLoadEarly), for the first load to take. */
let early: { base: string; fallBack: boolean; load: Promise<ShownLoad> } | null = null

/**
 * Starts the first load before the app's own code (Vue, the router, the views) has run: the
 * worker then fetches and parses while the main bundle is evaluated. The store's first load
 * with the same folder takes it.
 */
export function startLoadEarly(base: string, opts: { fallBack: boolean }): void {
  const load = loadPublishedOffThread(base, opts)
  early = { base, fallBack: opts.fallBack, load }
}

/** The model that came with the last load, for the screen's next ask only. */
let withLoad: (ScreenWithLoad & { generation: number }) | null = null

/**
 * Tells the worker the screen's options (null: no screen shown), so that each load brings the
 * screen's model along instead of the screen asking for it afterwards.
 */
export function setScreenOptions(options: ScreenOptions | null): void {
  const w = loaderWorker()
  if (w) w.postMessage({ id: ++next, type: 'screen-options', options } satisfies LoaderRequest)
}

/** The screen's model of a Dataset kept in the worker; null once that Dataset is replaced. */
export async function remoteScreen(
  generation: number,
  options: ScreenOptions,
): Promise<ScreenModel | null> {
  const came = withLoad
  withLoad = null
  if (came?.generation === generation && sameScreenOptions(came.options, options))
    return readModelText(came.model)
  const w = loaderWorker()
  if (!w) return null
  const reply = await askOnce(w, { type: 'screen', generation, options })
  if ('failure' in reply) throw new Error(reply.failure)
  return 'screen' in reply && !('load' in reply) && reply.screen
    ? readModelText(reply.screen)
    : null
}

/**
 * A Dataset kept in the worker, copied here in slices (each a short task for this thread); null
 * once that Dataset is replaced.
 */
export function remoteDataset(generation: number): Promise<Dataset | null> {
  const w = loaderWorker()
  if (!w) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    let head: Dataset | null = null
    const outcomes: Dataset['outcomes'][number][] = []
    ask(w, { type: 'dataset', generation }, (reply) => {
      if ('head' in reply) head = reply.head
      else if ('outcomes' in reply) for (const o of reply.outcomes) outcomes.push(o)
      else if ('failure' in reply) reject(new Error(reply.failure))
      else if ('done' in reply) resolve(reply.done && head ? { ...head, outcomes } : null)
      return 'failure' in reply || 'done' in reply
    })
  })
}
