import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import zhCN from '../../src/i18n/zh-CN'
import en from '../../src/i18n/en'
import { precompileMessages } from '../../src/i18n/precompile'

// The build ships the messages compiled and vue-i18n without its compiler (vite.config.ts):
// every message must read exactly as the run-time compiler would have made it.

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  )
}

/** Any named argument a message asks for, as a visible marker. */
const named = new Proxy({} as Record<string, unknown>, {
  get: (_, k) => (typeof k === 'string' ? `‹${k}›` : undefined),
  has: () => true,
})

function i18n(locale: 'zh-CN' | 'en', compiled: boolean) {
  const messages = { 'zh-CN': zhCN as unknown as Tree, en: en as unknown as Tree }
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    missingWarn: false,
    fallbackWarn: false,
    messages: compiled
      ? (precompileMessages(messages) as typeof messages)
      : (messages as typeof messages),
  }).global
}

describe('precompiled messages', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`read as the run-time compiler reads them (${locale})`, () => {
      const source = i18n(locale, false)
      const built = i18n(locale, true)
      const all = keys((locale === 'en' ? en : zhCN) as unknown as Tree)
      expect(all.length).toBeGreaterThan(100)
      for (const key of all) {
        expect(built.te(key), key).toBe(true)
        expect(built.t(key), key).toBe(source.t(key))
        expect(built.t(key, named), key).toBe(source.t(key, named))
        // Plural forms pick by count, and {n} / {count} read the count.
        for (const n of [0, 1, 2, 5])
          expect(built.t(key, n, { named }), `${key} (${n})`).toBe(source.t(key, n, { named }))
      }
    })
  }

  it('keep {named} arguments, plural forms, linked messages and literals', () => {
    const source = {
      a: 'The first {n} of {total}',
      b: 'no events | one event | {n} events',
      c: 'So: @:a',
      d: "{'{'}x{'}'}",
    }
    const [built, runtime] = [precompileMessages(source) as Tree, source].map(
      (messages) => createI18n({ legacy: false, locale: 'en', messages: { en: messages } }).global,
    ) as [ReturnType<typeof i18n>, ReturnType<typeof i18n>]
    for (const { t } of [built, runtime]) {
      expect(t('a', { n: 3, total: 7 })).toBe('The first 3 of 7')
      expect([0, 1, 5].map((n) => t('b', n))).toEqual(['no events', 'one event', '5 events'])
      expect(t('c', { n: 1, total: 2 })).toBe('So: The first 1 of 2')
      expect(t('d')).toBe('{x}')
    }
  })

  it('fail the build on a message the compiler rejects', () => {
    expect(() => precompileMessages({ bad: { x: 'unclosed {name' } })).toThrow(/bad\.x/)
    expect(() => precompileMessages({ f: () => 'x' })).toThrow(/f: function/)
  })
})
