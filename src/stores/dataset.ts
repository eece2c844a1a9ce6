import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { dataBaseUrl, httpReader } from '../data/browserReader'
import { loadSnapshot, MANIFEST_FILE, type FileReader } from '../data/loadSnapshot'
import type { Manifest } from '../data/manifest'
import type { Problem } from '../domain/problems'
import type { Dataset } from '../domain/types'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/**
 * Holds the last good snapshot. A load that fails never replaces it: the screen keeps
 * showing what it had, and `problems` says why the new one was refused.
 */
export const useDatasetStore = defineStore('dataset', () => {
  const dataset = shallowRef<Dataset | null>(null)
  const manifest = shallowRef<Manifest | null>(null)
  const status = ref<LoadStatus>('idle')
  const problems = shallowRef<readonly Problem[]>([])
  const error = ref<string | null>(null)
  const checkedAt = ref<Date | null>(null)

  async function load(reader: FileReader = httpReader(dataBaseUrl())): Promise<void> {
    status.value = 'loading'
    try {
      const result = await loadSnapshot(reader)
      problems.value = result.problems
      checkedAt.value = new Date()
      if (result.ok) {
        dataset.value = result.dataset
        manifest.value = result.manifest
        error.value = null
        status.value = 'ready'
      } else {
        error.value = `${result.problems.filter((p) => p.severity === 'error').length} problem(s) in the snapshot`
        status.value = 'error'
      }
    } catch (e) {
      error.value = (e as Error).message
      status.value = 'error'
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
      await load(httpReader(base))
    } catch (e) {
      error.value = (e as Error).message
      status.value = 'error'
    }
  }
  let lastManifestText: string | null = null

  return { dataset, manifest, status, problems, error, checkedAt, load, poll }
})
