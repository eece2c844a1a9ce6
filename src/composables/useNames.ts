import { computed } from 'vue'
import type { Bilingual } from '../domain/types'
import { provinceName } from '../domain/geo'
import { useSettingsStore } from '../stores/settings'

/** Names from the data in the viewer's language: `_en` fields in English, `_zh` otherwise. */
export function useNames() {
  const settings = useSettingsStore()
  const locale = computed(() => settings.locale)
  const name = (b: Bilingual | null | undefined): string =>
    b ? (settings.locale === 'en' ? b.en : b.zh) : ''
  const province = (p: string): string => provinceName(p, settings.locale)
  /** List separator and label colon: 、 and ： in Chinese, ", " and ": " in English. */
  const sep = computed(() => (settings.locale === 'en' ? ', ' : '、'))
  const colon = computed(() => (settings.locale === 'en' ? ': ' : '：'))
  return { name, province, locale, sep, colon }
}
