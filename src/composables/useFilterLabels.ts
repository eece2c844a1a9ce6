import { useI18n } from 'vue-i18n'
import type { FilterKey, Filters } from '../domain/filters'
import { FILTER_KEYS } from '../domain/filters'
import type { Dataset } from '../domain/types'
import { formatEventDate } from '../domain/eventDate'
import { parseDate } from '../domain/dates'
import type { Chip } from '../components/FilterChips.vue'
import { useNames } from './useNames'

/** How a filter value reads to people: names in the viewer's language, never raw ids. */
export function useFilterLabels() {
  const { t } = useI18n()
  const { name, province, locale } = useNames()

  function valueLabel(d: Dataset, key: FilterKey, value: string): string {
    switch (key) {
      case 'from':
      case 'to': {
        const p = parseDate(value)
        return p.ok ? formatEventDate(p.date, null, locale.value) : value
      }
      case 'province':
        return province(value)
      case 'city':
        return name(d.index.place[value]?.name) || value
      case 'sector':
        return name(d.index.sector[value]?.name) || value
      case 'outcomeKind':
        return t(`kindNames.${value}`)
      case 'orgKind':
        return t(`orgKindNames.${value}`)
      case 'org':
        return name(d.index.org[value]?.name) || value
      case 'event':
        return name(d.index.event[value]?.name) || value
    }
  }

  function chips(d: Dataset, f: Filters): Chip[] {
    return FILTER_KEYS.flatMap((key) => {
      const value = f[key]
      return value === undefined
        ? []
        : [{ key, label: t(`filters.${key}`), value: valueLabel(d, key, value) }]
    })
  }
  return { valueLabel, chips }
}
