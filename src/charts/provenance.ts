import type { AppLocale } from '../data/config'
import type { Qualifier } from '../domain/vocab'

/**
 * The last two columns of every chart table, so a CSV pulled for an article still says how
 * exact its numbers are and which reports they come from. The qualifier is the vocabulary id
 * (more_than …), as in the audit CSV; the studio's automatic note reads it. Sources are the
 * ids of `sources.csv`, `|`-separated, as in the KPI table.
 */
const COLUMNS = {
  'zh-CN': ['限定词', '来源'],
  en: ['qualifier', 'source'],
} as const satisfies Record<AppLocale, readonly [string, string]>

export function provenanceColumns(locale: AppLocale): readonly [string, string] {
  return COLUMNS[locale]
}

export function provenanceCells(
  qualifier: Qualifier,
  sources: Iterable<string>,
): [Qualifier, string] {
  return [qualifier, [...new Set(sources)].sort().join('|')]
}
