import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  DEFAULT_CONFIG,
  FIT_MODES,
  LOCALES,
  THEMES,
  parseConfig,
  type AppConfig,
} from '../data/config'

/** Query parameters from the real query string and from the hash route, the hash winning. */
export function urlParams(
  loc: Pick<Location, 'search' | 'hash'> = window.location,
): URLSearchParams {
  const params = new URLSearchParams(loc.search)
  const q = loc.hash.indexOf('?')
  if (q >= 0) new URLSearchParams(loc.hash.slice(q + 1)).forEach((v, k) => params.set(k, v))
  return params
}

/** A positive number of seconds from the URL, or undefined. */
function seconds(value: string | null): number | undefined {
  const n = value === null ? NaN : Number(value)
  return Number.isFinite(n) && n > 0 ? n : undefined
}

/** An on/off URL parameter: `1` or `0` (also true/false), else the configured value. */
export function urlFlag(value: string | null, fallback: boolean): boolean {
  if (value === '1' || value === 'true') return true
  if (value === '0' || value === 'false') return false
  return fallback
}

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value)
}

/** config.json, overridden by URL parameters (?frozen=1&lang=en&theme=light&fit=cover). */
export const useSettingsStore = defineStore('settings', () => {
  const config = shallowRef<AppConfig>(DEFAULT_CONFIG)
  const warnings = ref<string[]>([])
  const params = shallowRef(urlParams())
  /** config.json has been read (or given up on): what depends on it can start. */
  const loaded = ref(false)

  async function load(): Promise<void> {
    params.value = urlParams()
    try {
      const res = await fetch(new URL('config.json', document.baseURI), { cache: 'no-store' })
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const result = parseConfig(await res.json())
      config.value = result.config
      warnings.value = result.warnings
      // Ops read these in the browser console; the screen itself stays clean.
      result.warnings.forEach((w) => console.warn(w))
    } catch (e) {
      warnings.value = [`config.json: ${(e as Error).message}; using the defaults`]
    }
    loaded.value = true
  }

  /** Re-reads the URL after an in-app navigation (a language switch, a filter). */
  function syncUrl(): void {
    params.value = urlParams()
  }

  const frozen = computed(() => params.value.get('frozen') === '1')
  const locale = computed(() => pick(params.value.get('lang'), LOCALES) ?? config.value.locale)
  const theme = computed(() => pick(params.value.get('theme'), THEMES) ?? config.value.theme)
  const fit = computed(() => pick(params.value.get('fit'), FIT_MODES) ?? config.value.fit)
  const kiosk = computed(() => params.value.get('kiosk') === '1')
  /** Patterns over colours: `?decal=1` or `?decal=0` wins over config.json. */
  const decal = computed(() => urlFlag(params.value.get('decal'), config.value.decal))
  const reducedMotion = ref(
    typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
  )
  /** No animation at all: frozen for screenshots, or the viewer asked for less motion. */
  const still = computed(() => frozen.value || reducedMotion.value)
  const carouselMs = computed(() => {
    const s = seconds(params.value.get('carousel')) ?? config.value.carouselSeconds
    return s * 1000 * (reducedMotion.value ? 2 : 1)
  })
  const pollMs = computed(
    () => (seconds(params.value.get('poll')) ?? config.value.pollSeconds) * 1000,
  )
  const featuredProvince = computed(
    () => params.value.get('province') ?? config.value.featuredProvince,
  )

  return {
    config,
    loaded,
    warnings,
    params,
    frozen,
    locale,
    theme,
    fit,
    kiosk,
    decal,
    reducedMotion,
    still,
    carouselMs,
    pollMs,
    featuredProvince,
    load,
    syncUrl,
  }
})
