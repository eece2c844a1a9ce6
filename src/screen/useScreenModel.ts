import { computed, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { screenModel, type ScreenModel } from './model'
import { sameScreenOptions, type ScreenOptions } from './options'

/**
 * The big screen's model of the data shown. Dropped files and data loaded on this thread are
 * modelled here; the published data is modelled in the loader worker, which holds its Dataset.
 * While a new model is on its way the previous one stays on screen: never a blank panel.
 */
export function useScreenModel(options: Ref<ScreenOptions | null>): Ref<ScreenModel | null> {
  const data = useDatasetStore()
  const local = computed(() => {
    const opts = options.value
    if (!opts) return null
    if (data.preview) return screenModel(data.preview.dataset, opts)
    if (!data.remote && data.dataset) return screenModel(data.dataset, opts)
    return null
  })
  // The worker computes the model with each load, for these options, while the screen is shown.
  watch(options, (opts) => data.showScreen(opts), { immediate: true })
  onScopeDispose(() => data.showScreen(null))
  const fromWorker = shallowRef<{
    generation: number
    options: ScreenOptions
    model: ScreenModel
  } | null>(null)
  watch(
    [() => data.remote, options],
    async ([remote, opts]) => {
      const had = fromWorker.value
      if (
        !remote ||
        !opts ||
        (had?.generation === remote.generation && sameScreenOptions(had.options, opts))
      )
        return
      const model = await data.screenOf(remote.generation, opts).catch(() => null)
      // A newer snapshot or other settings may have been asked for meanwhile.
      const now = options.value
      if (model && data.remote === remote && now && sameScreenOptions(opts, now))
        fromWorker.value = { generation: remote.generation, options: opts, model }
    },
    { immediate: true },
  )
  return computed(() => local.value ?? (data.remote ? (fromWorker.value?.model ?? null) : null))
}
