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

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value)
}

/** config.json, overridden by URL parameters (?frozen=1&lang=en&theme=light&fit=cover). */
export const useSettingsStore = defineStore('settings', () => {
  const config = shallowRef<AppConfig>(DEFAULT_CONFIG)
  const warnings = ref<string[]>([])
  const params = shallowRef(urlParams())

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
  }

  const frozen = computed(() => params.value.get('frozen') === '1')
  const locale = computed(() => pick(params.value.get('lang'), LOCALES) ?? config.value.locale)
  const theme = computed(() => pick(params.value.get('theme'), THEMES) ?? config.value.theme)
  const fit = computed(() => pick(params.value.get('fit'), FIT_MODES) ?? config.value.fit)
  const kiosk = computed(() => params.value.get('kiosk') === '1')

  return { config, warnings, params, frozen, locale, theme, fit, kiosk, load }
})
