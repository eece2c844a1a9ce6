import type { Locale } from './format'
import type { Bilingual, Source } from './types'

/**
 * Who a figure is credited to: the original publisher, not the platform that reposted the page.
 * In English, the English name sources.csv gives (`publisher_en`), else the name as printed: a
 * proper name is better left as printed than guessed.
 */
export function creditedPublisher(
  s: Pick<Source, 'publisher' | 'originalPublisher' | 'publisherEn'>,
  locale: Locale,
): string {
  if (locale === 'en' && s.publisherEn.trim()) return s.publisherEn.trim()
  return (s.originalPublisher || s.publisher).trim()
}

/** The publishers the sources credit, each once, in source order, with their English names. */
export function creditedPublishers(sources: readonly Source[]): Bilingual[] {
  const out = new Map<string, Bilingual>()
  for (const s of sources) {
    const zh = creditedPublisher(s, 'zh-CN')
    if (!out.has(zh)) out.set(zh, { zh, en: creditedPublisher(s, 'en') })
  }
  return [...out.values()]
}
