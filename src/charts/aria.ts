import type { AppLocale } from '../data/config'

/**
 * What a screen reader says of a chart: its title, what the numbers are, the first few items.
 * The chart's table view has all of them; this is the sentence that tells a listener whether to
 * open it. Builders cannot use vue-i18n, so the words live here, per locale.
 */

/** Items a description names before saying how many more there are. */
export const ARIA_TOP = 5

const WORDS = {
  'zh-CN': { item: '、', clause: '；', more: (_rest: number, all: number) => `等，共 ${all} 个` },
  en: { item: ', ', clause: '; ', more: (rest: number) => ` and ${rest} more` },
} as const

/** The chart's name when the view gives none (the studio's export): the i18n titles. */
export const DEFAULT_TITLES: Record<AppLocale, Record<string, string>> = {
  'zh-CN': {
    map: '合作对接地图',
    sankey: '合作流向',
    timeline: '活动时间轴',
    ranking: '参与高校/院所',
    kpi: '核心数字',
    figures: '活动报道数字',
  },
  en: {
    map: 'Cooperation map',
    sankey: 'Cooperation flows',
    timeline: 'Event timeline',
    ranking: 'Participating universities & institutes',
    kpi: 'Key figures',
    figures: 'Reported figures of an event',
  },
}

/** The title a description starts with: the view's, else the chart's own. */
export function ariaTitle(chart: string, ctx: { title?: string; locale: AppLocale }): string {
  return ctx.title || DEFAULT_TITLES[ctx.locale][chart] || chart
}

/** The first `max` items joined as a list, then how many more there are. */
export function listItems(items: readonly string[], locale: AppLocale, max = ARIA_TOP): string {
  const w = WORDS[locale]
  const shown = items.slice(0, max).join(w.item)
  return items.length > max ? `${shown}${w.more(items.length - max, items.length)}` : shown
}

/**
 * Title, then sentences, each ending in a full stop: 活动时间轴。共 5 场活动……。 Empty
 * sentences are left out.
 */
export function describeChart(
  title: string,
  sentences: readonly string[],
  locale: AppLocale,
): string {
  const en = locale === 'en'
  const sentence = (s: string) => {
    const capital = en ? s.charAt(0).toUpperCase() + s.slice(1) : s
    return /[。.!?！？]$/.test(capital) ? capital : `${capital}${en ? '.' : '。'}`
  }
  return [title, ...sentences]
    .filter((s) => s.trim() !== '')
    .map(sentence)
    .join(en ? ' ' : '')
}

/** Clauses of one sentence: a；b；c (a; b; c). */
export function clauses(parts: readonly string[], locale: AppLocale): string {
  return parts.filter(Boolean).join(WORDS[locale].clause)
}
