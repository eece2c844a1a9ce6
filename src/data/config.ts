import * as v from 'valibot'

/**
 * Deployment settings from config.json next to index.html (DESIGN.md §3). Each field is
 * checked on its own: a bad value falls back to its default with a warning, so a typo in one
 * setting never takes the screen down.
 */
export const FIT_MODES = ['contain', 'cover', 'stretch'] as const
export type FitMode = (typeof FIT_MODES)[number]
export const THEMES = ['dark', 'light'] as const
export type ThemeName = (typeof THEMES)[number]
export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
/** Each language in its own words, as a language picker lists it. */
export const LOCALE_NAMES: Record<AppLocale, string> = { 'zh-CN': '中文', en: 'English' }

const seconds = (min: number) => v.pipe(v.number(), v.minValue(min))

const FIELDS = {
  title: v.pipe(v.string(), v.minLength(1)),
  subtitle: v.string(),
  logo: v.string(),
  footerOrg: v.string(),
  theme: v.picklist(THEMES),
  locale: v.picklist(LOCALES),
  timeZone: v.pipe(
    v.string(),
    v.check((tz) => isTimeZone(tz), 'expected an IANA time zone such as Asia/Shanghai'),
  ),
  fit: v.picklist(FIT_MODES),
  safeArea: v.object({ top: v.number(), right: v.number(), bottom: v.number(), left: v.number() }),
  carouselSeconds: seconds(1),
  pollSeconds: seconds(10),
  featuredProvince: v.string(),
  mapSizeBy: v.string(),
  mapReviewNumber: v.string(),
  /** An approved map (GeoJSON, relative to index.html) that replaces the bundled schematic. */
  mapFile: v.string(),
  kpis: v.array(v.string()),
  panels: v.array(v.picklist(['map', 'sankey', 'timeline', 'ranking', 'signings', 'kinds'])),
  /** Patterns over the colours that carry meaning, for readers who cannot tell them apart. */
  decal: v.boolean('expected true or false'),
} as const

type Fields = typeof FIELDS
export type AppConfig = { [K in keyof Fields]: v.InferOutput<Fields[K]> }

export const DEFAULT_CONFIG: AppConfig = {
  title: '产学研合作对接看板',
  subtitle: '高校 · 科研院所 · 企业 合作对接成果',
  logo: '',
  footerOrg: '',
  theme: 'dark',
  locale: 'zh-CN',
  timeZone: 'Asia/Shanghai',
  fit: 'contain',
  safeArea: { top: 0, right: 0, bottom: 0, left: 0 },
  carouselSeconds: 8,
  pollSeconds: 300,
  featuredProvince: '',
  mapSizeBy: 'outcomes',
  mapReviewNumber: '',
  mapFile: 'maps/china.json',
  kpis: ['events', 'outcomes', 'joint_labs', 'projects_signed'],
  panels: ['map', 'sankey', 'timeline', 'ranking', 'signings', 'kinds'],
  decal: false,
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export interface ConfigResult {
  config: AppConfig
  warnings: string[]
}

export function parseConfig(json: unknown): ConfigResult {
  const warnings: string[] = []
  const config: AppConfig = { ...DEFAULT_CONFIG }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { config, warnings: ['config.json: expected an object; using the defaults'] }
  }
  const input = json as Record<string, unknown>
  for (const key of Object.keys(input)) {
    if (!(key in FIELDS)) {
      warnings.push(`config.json: unknown setting ${key}, ignored`)
      continue
    }
    const k = key as keyof Fields
    const result = v.safeParse(FIELDS[k], input[k])
    if (result.success) {
      ;(config as Record<string, unknown>)[k] = result.output
    } else {
      warnings.push(
        `config.json: ${k}: ${result.issues[0]?.message ?? 'invalid'}; using the default`,
      )
    }
  }
  return { config, warnings }
}
