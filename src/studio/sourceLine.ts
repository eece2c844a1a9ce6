// The lines printed under a press chart: where the data comes from, as of when, what its
// qualified numbers mean, and who drew it (DESIGN.md §4 Studio, §4b Press).

import { formatEventDate } from '../domain/eventDate'
import type { Locale } from '../domain/format'
import { creditedPublisher } from '../domain/sources'
import type { CoopEvent, Dataset, DateValue } from '../domain/types'
import type { Qualifier } from '../domain/vocab'

/** Publishers named before the list ends in 等 / "and others". */
export const MAX_PUBLISHERS = 3

const cmpText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const earliestCache = new WeakMap<Dataset, Map<string, CoopEvent>>()

/**
 * The earliest event each source reports (events.source); for a source no event cites, the
 * earliest event any of its figures, outcomes or roles belong to. Month-only dates sort before
 * the days of that month (2024-07 < 2024-07-17), as their text does.
 */
function earliestEvents(d: Dataset): Map<string, CoopEvent> {
  let direct = earliestCache.get(d)
  if (direct) return direct
  direct = new Map<string, CoopEvent>()
  const indirect = new Map<string, CoopEvent>()
  const keepEarlier = (m: Map<string, CoopEvent>, id: string, e: CoopEvent | undefined) => {
    const seen = m.get(id)
    if (e && (!seen || cmpText(e.start.text, seen.start.text) < 0)) m.set(id, e)
  }
  for (const e of d.events) keepEarlier(direct, e.source, e)
  for (const r of [...d.figures, ...d.outcomes, ...d.eventOrgs])
    keepEarlier(indirect, r.source, d.index.event[r.event])
  for (const [id, e] of indirect) if (!direct.has(id)) direct.set(id, e)
  earliestCache.set(d, direct)
  return direct
}

interface Cited {
  publisher: string
  date: DateValue | null
  /** Sort key: the start of the earliest event the source reports. */
  key: string
}

/**
 * The publishers behind `sourceIds`, once each, in the order of the earliest event each source
 * reports, each with the source's date: its publication date, else the start of that event.
 * When two sources share a publisher, the earlier one's date is shown.
 */
export function citedPublishers(
  d: Dataset,
  sourceIds: readonly string[],
  locale: Locale,
): { publisher: string; date: string }[] {
  const first = earliestEvents(d)
  const cited: Cited[] = []
  for (const id of new Set(sourceIds)) {
    const s = d.index.source[id]
    if (!s) continue
    const event = first.get(id)
    const date = s.published ?? event?.start ?? null
    // A source cited by no event sorts last, by its own date if it has one.
    cited.push({
      publisher: creditedPublisher(s, locale),
      date,
      key: event?.start.text ?? `~${s.published?.text ?? ''}`,
    })
  }
  // Stable sort: equal keys keep the order the chart listed its sources in.
  cited.sort((a, b) => cmpText(a.key, b.key))
  const seen = new Set<string>()
  const out: { publisher: string; date: string }[] = []
  for (const c of cited) {
    if (seen.has(c.publisher)) continue
    seen.add(c.publisher)
    out.push({ publisher: c.publisher, date: c.date ? formatEventDate(c.date, null, locale) : '' })
  }
  return out
}

/**
 * 数据来源：据中国高等教育学会（2025年5月23日）、株洲日报（2024年7月17日）公开报道整理 /
 * Source: compiled from public reports by China Association of Higher Education (May 23, 2025),
 * Zhuzhou Daily (Jul 17, 2024). More than three publishers: the first three, then 等 / and others.
 */
export function sourceLine(d: Dataset, sourceIds: readonly string[], locale: Locale): string {
  const all = citedPublishers(d, sourceIds, locale)
  const en = locale === 'en'
  if (all.length === 0) return en ? 'Source: public reports' : '数据来源：公开报道整理'
  const more = all.length > MAX_PUBLISHERS
  const listed = all.slice(0, MAX_PUBLISHERS).map(({ publisher, date }) => {
    if (!date) return publisher
    return en ? `${publisher} (${date})` : `${publisher}（${date}）`
  })
  if (en)
    return `Source: compiled from public reports by ${listed.join(', ')}${more ? ' and others' : ''}`
  return `数据来源：据${listed.join('、')}${more ? '等' : ''}公开报道整理`
}

/** 数据截至 2026-11-21 / Data as of 2026-11-21 */
export function dataDateLine(date: string, locale: Locale): string {
  return locale === 'en' ? `Data as of ${date}` : `数据截至 ${date}`
}

/** Said under a chart that shows a qualified number (超, 近, 约 …); null when all are exact. */
export function qualifierNote(qualifiers: Iterable<Qualifier>, locale: Locale): string | null {
  for (const q of qualifiers) {
    if (q === 'exact') continue
    return locale === 'en'
      ? 'Note: “over”, “nearly”, “about” and similar are as worded in the original reports'
      : '注：超、近、约等为原报道表述'
  }
  return null
}

/** 制图：… / Chart: …, or '' when no credit is set. */
export function creditLine(credit: string, locale: Locale): string {
  const c = credit.trim()
  if (!c) return ''
  return locale === 'en' ? `Chart: ${c}` : `制图：${c}`
}
