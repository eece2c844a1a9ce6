import type { Problem } from '../domain/problems'
import { TABLE_NAMES, type TableName } from '../domain/tables'
import type { Dataset } from '../domain/types'
import type { Manifest } from './manifest'

/** One line of the Data view's file list. */
export interface FileStatus {
  table: TableName
  file: string
  /** Records loaded (rows refused by the validator are not counted). */
  rows: number
  bytes: number | null
  sha256: string | null
  errors: number
  warnings: number
}

const RECORDS: { readonly [T in TableName]: (d: Dataset) => readonly unknown[] } = {
  sources: (d) => d.sources,
  places: (d) => d.places,
  organizations: (d) => d.organizations,
  sectors: (d) => d.sectors,
  events: (d) => d.events,
  event_orgs: (d) => d.eventOrgs,
  outcomes: (d) => d.outcomes,
  figures: (d) => d.figures,
}

/** Every table of a snapshot with its rows and the problems found in its file. */
export function fileStatus(
  d: Dataset,
  manifest: Manifest | null,
  problems: readonly Problem[],
): FileStatus[] {
  return TABLE_NAMES.map((table) => {
    const entry = manifest?.tables[table]
    const file = entry?.file ?? `${table}.csv`
    const mine = problems.filter((p) => p.file === file)
    return {
      table,
      file,
      rows: RECORDS[table](d).length,
      bytes: entry?.bytes ?? null,
      sha256: entry?.sha256 ?? null,
      errors: mine.filter((p) => p.severity === 'error').length,
      warnings: mine.filter((p) => p.severity === 'warning').length,
    }
  })
}
