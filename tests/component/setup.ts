import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createAppI18n } from '../../src/i18n'

/** happy-dom has no layout: report a fixed size to whoever observes an element. */
export class FixedResizeObserver {
  constructor(private readonly cb: ResizeObserverCallback) {}
  observe(target: Element) {
    const entry = {
      target,
      contentRect: { width: 900, height: 600 },
    } as unknown as ResizeObserverEntry
    queueMicrotask(() => this.cb([entry], this as unknown as ResizeObserver))
  }
  unobserve() {}
  disconnect() {}
}

export function plugins(locale: 'zh-CN' | 'en' = 'zh-CN'): {
  pinia: Pinia
  global: { plugins: unknown[] }
} {
  const pinia = createPinia()
  setActivePinia(pinia)
  const i18n = createAppI18n(locale)
  return { pinia, global: { plugins: [pinia, i18n] } }
}
