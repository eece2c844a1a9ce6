// File names that say what they are: `<chart>_<filters>_<preset>_<snapshot-date>@2x.png`.
// `_` separates the parts and `-` joins words within a part, so a name reads back unambiguously.

import { FILTER_KEYS, type Filters } from '../domain/filters'

/** The longest name, in characters (code points). */
export const MAX_NAME_CHARS = 120
/**
 * And in UTF-8 bytes: Linux and macOS file systems allow 255 bytes per name, and a Chinese
 * character takes 3, so 120 Chinese characters would not fit. A margin is kept for the
 * ` (1)` a browser adds to a second download.
 */
export const MAX_NAME_BYTES = 240

/**
 * Letters of any script (incl. CJK), digits and `-` stay; anything else (/\:*?"<>| that Windows
 * forbids, spaces, dots, `_` which separates the parts) becomes `-`; runs of `-` collapse and
 * none are left at either end.
 */
export function sanitizePart(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N}-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length

/** Cuts `text` (whole code points) until `fits` holds, dropping any `-`/`_` left at the end. */
function cut(text: string, fits: (s: string) => boolean): string {
  const chars = [...text]
  while (chars.length > 0 && !fits(chars.join(''))) chars.pop()
  return chars.join('').replace(/[-_]+$/, '')
}

function scaleSuffix(scale: number | undefined): string {
  if (scale === undefined || !Number.isFinite(scale) || scale <= 0 || scale === 1) return ''
  // 2 → @2x; 1.5 → @1.5x; a long fraction is rounded, not written out.
  return `@${Math.round(scale * 100) / 100}x`
}

export function exportFileName(o: {
  chart: string
  filters: Filters
  snapshotDate: string
  ext: 'png' | 'svg' | 'csv'
  /** The user's 1×/2×/4× choice; omitted or 1 writes nothing. */
  scale?: number
  preset?: string
}): string {
  const filterParts = FILTER_KEYS.flatMap((key) => {
    const value = o.filters[key]
    if (value === undefined || value === '') return []
    const v = sanitizePart(value)
    return [v ? `${key}-${v}` : key]
  })
  const chart = sanitizePart(o.chart) || 'chart'
  const preset = o.preset ? sanitizePart(o.preset) : ''
  const date = sanitizePart(o.snapshotDate)
  const end = `${preset ? `_${preset}` : ''}${date ? `_${date}` : ''}${scaleSuffix(o.scale)}.${o.ext}`
  const fits = (s: string) =>
    [...s].length + [...end].length <= MAX_NAME_CHARS && utf8Length(s + end) <= MAX_NAME_BYTES
  const filters = filterParts.length > 0 ? filterParts.join('_') : 'all'
  // Only the filter part is ever shortened: chart, preset, date and extension always stay.
  const kept = cut(filters, (f) => fits(`${chart}_${f}`))
  return `${chart}${kept ? `_${kept}` : ''}${end}`
}
