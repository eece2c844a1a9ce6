import { defineStore } from 'pinia'
import { computed } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { applyPatch, FILTER_KEYS, type FilterPatch, type Filters } from '../domain/filters'
import { checkFilters, filtersToQuery, parseFilterQuery, type QueryNotice } from '../domain/query'
import { useDatasetStore } from './dataset'

/**
 * The filters live in the URL query and nowhere else: a copied link reopens the same view, and
 * the browser's Back undoes a filter. This store reads them from the route and writes them back.
 */
export const useFiltersStore = defineStore('filters', () => {
  const route = useRoute()
  const router = useRouter()
  const data = useDatasetStore()

  const parsed = computed(() => parseFilterQuery(route.query))
  const checked = computed(() =>
    data.dataset ? checkFilters(data.dataset, parsed.value.filters) : parsed.value,
  )
  const filters = computed<Filters>(() => checked.value.filters)
  const notices = computed<QueryNotice[]>(() => [
    ...parsed.value.notices,
    ...(data.dataset ? checked.value.notices : []),
  ])

  /** The query with every filter replaced by `f`; other keys (lang, theme, q) stay. */
  function queryWith(f: Filters) {
    const rest = Object.fromEntries(
      Object.entries(route.query).filter(([k]) => !(FILTER_KEYS as readonly string[]).includes(k)),
    )
    return { ...rest, ...filtersToQuery(f) }
  }

  function update(patch: FilterPatch) {
    void router.push({ query: queryWith(applyPatch(filters.value, patch)) })
  }
  function clear() {
    void router.push({ query: queryWith({}) })
  }
  return { filters, notices, update, clear, queryWith }
})
