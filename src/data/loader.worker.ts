// The snapshot loader's Web Worker. Fetching, hashing, parsing, validating and building a large
// snapshot takes seconds of CPU that the screen's animations must not wait on, and copying a
// Dataset of 100,000 outcomes to the page would itself block it: the Dataset stays here. The page
// gets the load's report, with the screen's model (aggregated chart rows) while a screen is
// shown, and the whole Dataset only when a view that lists records asks for it, in slices.
import { screenModel } from '../screen/model'
import { modelText, type ModelText } from '../screen/modelText'
import type { ScreenOptions } from '../screen/options'
import type { Dataset } from '../domain/types'
import { loadPublished } from './published'
import { datasetToShow, remoteLoad, type ShownLoad } from './remote'

export type LoaderRequest =
  | { id: number; type: 'load'; base: string; fallBack: boolean }
  /** The screen's options, or null when no screen is shown: every load then brings its model. */
  | { id: number; type: 'screen-options'; options: ScreenOptions | null }
  | { id: number; type: 'screen'; generation: number; options: ScreenOptions }
  | { id: number; type: 'dataset'; generation: number }

/** A Dataset crosses in slices of this many outcomes: each slice a short task on the page. */
export const OUTCOMES_PER_SLICE = 4000

/** A screen model computed with a load, for the options the page last gave. */
export interface ScreenWithLoad {
  options: ScreenOptions
  model: ModelText
}

export type LoaderReply =
  | { id: number; load: ShownLoad; screen?: ScreenWithLoad }
  | { id: number; screen: ModelText | null }
  /** The Dataset without its outcomes, then `outcomes` slices, then `done`. */
  | { id: number; head: Dataset }
  | { id: number; outcomes: Dataset['outcomes'] }
  | { id: number; done: boolean }
  | { id: number; failure: string }

/** The Dataset the page shows, by the generation number the page knows it by. */
let shown: { generation: number; dataset: Dataset } | null = null
let generations = 0
let screenOptions: ScreenOptions | null = null

/**
 * The model of a newly shown Dataset, sent with the load: the page would otherwise ask for it
 * only once the load's reply reached it, a round trip through a main thread that is busy
 * mounting the screen (~60–100 ms of the first chart, in an A/B on this machine).
 */
function screenWithLoad(d: Dataset | null): ScreenWithLoad | undefined {
  if (!d || !screenOptions) return undefined
  try {
    return { options: screenOptions, model: modelText(screenModel(d, screenOptions)) }
  } catch {
    // The page asks again, and hears why.
    return undefined
  }
}

function reply(r: LoaderReply) {
  self.postMessage(r)
}

self.onmessage = async (e: MessageEvent<LoaderRequest>) => {
  const req = e.data
  try {
    if (req.type === 'load') {
      const load = await loadPublished(req.base, { fallBack: req.fallBack })
      const next = datasetToShow(load)
      if (next) shown = { generation: ++generations, dataset: next }
      const screen = screenWithLoad(next)
      reply({ id: req.id, load: remoteLoad(load, next ? generations : null), screen })
    } else if (req.type === 'screen-options') {
      screenOptions = req.options
    } else if (req.type === 'screen') {
      const d = shown?.generation === req.generation ? shown.dataset : null
      reply({ id: req.id, screen: d ? modelText(screenModel(d, req.options)) : null })
    } else {
      const d = shown?.generation === req.generation ? shown.dataset : null
      if (!d) return reply({ id: req.id, done: false })
      reply({ id: req.id, head: { ...d, outcomes: [] } })
      for (let i = 0; i < d.outcomes.length; i += OUTCOMES_PER_SLICE)
        reply({ id: req.id, outcomes: d.outcomes.slice(i, i + OUTCOMES_PER_SLICE) })
      reply({ id: req.id, done: true })
    }
  } catch (err) {
    reply({ id: req.id, failure: (err as Error).message })
  }
}
