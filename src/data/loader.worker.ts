// The snapshot loader's Web Worker: fetching, hashing, parsing, validating and building the
// Dataset of a large snapshot takes seconds of CPU that the screen's animations must not wait on.
import { loadPublished } from './published'

export interface LoaderRequest {
  id: number
  base: string
  fallBack: boolean
}

self.onmessage = async (e: MessageEvent<LoaderRequest>) => {
  const { id, base, fallBack } = e.data
  try {
    const load = await loadPublished(base, { fallBack })
    self.postMessage({ id, load })
  } catch (err) {
    self.postMessage({ id, failure: (err as Error).message })
  }
}
