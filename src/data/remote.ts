import type { Problem } from '../domain/problems'
import type { Dataset } from '../domain/types'
import type { Manifest } from './manifest'
import type { PublishedLoad } from './published'

/** A Dataset the loader worker keeps, by the number the page knows it by. */
export interface RemoteDataset {
  generation: number
}

/**
 * One load as the dataset store takes it, wherever it ran. From the loader worker the Dataset
 * to show stays there (`data` names it); from this thread it is the Dataset itself.
 */
export interface ShownLoad {
  result: {
    ok: boolean
    manifest: Manifest | null
    problems: readonly Problem[]
    /** The files were the ones the manifest describes, so loading them again gives the same. */
    verified: boolean
  }
  /** The fetch itself failed (network down, HTTP error), rather than the data. */
  error: string | null
  /** The load failed and the last good copy is shown instead: when it was stored. */
  cached: { manifest: Manifest; savedAt: string } | null
  /** The new snapshot when it is good, else the last good copy, else nothing. */
  data: Dataset | RemoteDataset | null
}

function report(load: PublishedLoad, data: ShownLoad['data']): ShownLoad {
  const { result, error, cached } = load
  return {
    result: {
      ok: result.ok,
      manifest: result.manifest,
      problems: result.problems,
      verified: result.ok || result.verified,
    },
    error,
    cached: cached && { manifest: cached.manifest, savedAt: cached.savedAt },
    data,
  }
}

/** The Dataset a load shows: the new one when good, else the last good copy. */
export function datasetToShow(load: PublishedLoad): Dataset | null {
  return load.result.ok ? load.result.dataset : (load.cached?.dataset ?? null)
}

/** A load on this thread, Dataset included. */
export function localLoad(load: PublishedLoad): ShownLoad {
  return report(load, datasetToShow(load))
}

/** A load in the worker: its Dataset stays there, as `generation` (null: nothing to show). */
export function remoteLoad(load: PublishedLoad, generation: number | null): ShownLoad {
  return report(load, generation === null ? null : { generation })
}
