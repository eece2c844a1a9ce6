// Text that goes with an exported chart: alt text for screen readers and WeChat's image
// description, and the caption a press person pastes under the picture.

import type { TableData } from '../charts/types'
import type { Locale } from '../domain/format'

type Cell = string | number | null

function cellText(c: Cell): string {
  if (c === null) return ''
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : ''
  return c.replace(/\s+/g, ' ').trim()
}

/** Ends a sentence unless it already ends with a stop (。！？.!?…). */
function sentence(text: string, locale: Locale): string {
  const t = text.trim()
  if (!t || /[。！？.!?…]$/.test(t)) return t
  return t + (locale === 'en' ? '.' : '。')
}

/**
 * A plain-text description of the chart: the title, how many rows the data has, the first
 * `maxRows` rows as "column: value; column: value" (empty cells left out), how many more there
 * are, and the source line.
 */
export function altText(o: {
  title: string
  table: { columns: TableData['columns']; rows: readonly (readonly Cell[])[] }
  locale: Locale
  sourceLine: string
  maxRows?: number
}): string {
  const en = o.locale === 'en'
  const max = Math.max(0, Math.floor(o.maxRows ?? 8))
  const total = o.table.rows.length
  const parts: string[] = [sentence(o.title, o.locale)]
  if (total === 0) parts.push(en ? 'No data.' : '暂无数据。')
  else parts.push(en ? `${total} ${total === 1 ? 'item' : 'items'}:` : `共${total}项：`)
  for (const row of o.table.rows.slice(0, max)) {
    const pairs = row.flatMap((cell, i) => {
      const value = cellText(cell)
      const column = cellText(o.table.columns[i] ?? '')
      if (!value) return []
      return [column ? (en ? `${column}: ${value}` : `${column}：${value}`) : value]
    })
    parts.push(sentence(pairs.join(en ? '; ' : '；'), o.locale))
  }
  if (total > max) parts.push(en ? `…and ${total - max} more.` : `……等共${total}项。`)
  parts.push(sentence(o.sourceLine, o.locale))
  return parts.filter(Boolean).join(en ? ' ' : '')
}

const hasCjk = (s: string) => /[\p{Script=Han}]/u.test(s)

/**
 * The caption under the picture: "title — subtitle. Source line. Data date. Note", leaving out
 * empty parts. Chinese punctuation (——, 。) when the locale is zh-CN, or, without a locale,
 * when the title or subtitle is Chinese.
 */
export function caption(o: {
  title: string
  subtitle: string
  sourceLine: string
  dataDate: string
  note: string | null
  locale?: Locale
}): string {
  const locale = o.locale ?? (hasCjk(o.title + o.subtitle) ? 'zh-CN' : 'en')
  const en = locale === 'en'
  const head = [o.title.trim(), o.subtitle.trim()].filter(Boolean).join(en ? ' — ' : '——')
  return [head, o.sourceLine, o.dataDate, o.note ?? '']
    .map((p) => sentence(p, locale))
    .filter(Boolean)
    .join(en ? ' ' : '')
}
