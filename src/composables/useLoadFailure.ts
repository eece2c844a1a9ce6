import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useDatasetStore } from '../stores/dataset'

/**
 * Why the last load failed, in the viewer's language: how many problems the data has (the Data
 * view lists them), or, when no file could be read, the failure as the browser reported it.
 */
export function useLoadFailure() {
  const data = useDatasetStore()
  const { t } = useI18n()
  const why = computed(() =>
    data.errorCount ? t('app.problems', { n: data.errorCount }) : (data.error ?? ''),
  )
  return { why }
}
