import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG, parseConfig } from '../../src/data/config'
import { urlFlag, urlParams } from '../../src/stores/settings'

describe('config.json', () => {
  it('takes valid settings and keeps defaults for the rest', () => {
    const { config, warnings } = parseConfig({
      title: '某省产学研看板',
      timeZone: 'Asia/Urumqi',
      carouselSeconds: 20,
    })
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      title: '某省产学研看板',
      timeZone: 'Asia/Urumqi',
      carouselSeconds: 20,
    })
    expect(warnings).toEqual([])
  })

  it('falls back per field with a warning on bad values', () => {
    const { config, warnings } = parseConfig({
      theme: 'neon',
      timeZone: 'Mars/Base',
      pollSeconds: 1,
      colour: 'red',
      title: '好',
    })
    expect(config.theme).toBe('dark')
    expect(config.timeZone).toBe('Asia/Shanghai')
    expect(config.pollSeconds).toBe(DEFAULT_CONFIG.pollSeconds)
    expect(config.title).toBe('好')
    expect(warnings).toHaveLength(4)
    expect(warnings.join('\n')).toMatch(/theme/)
    expect(warnings.join('\n')).toMatch(/unknown setting colour/)
  })

  it('takes the decal switch as a boolean, and the URL overrides it either way', () => {
    expect(DEFAULT_CONFIG.decal).toBe(false)
    expect(parseConfig({ decal: true }).config.decal).toBe(true)
    const bad = parseConfig({ decal: 'yes' })
    expect(bad.config.decal).toBe(false)
    expect(bad.warnings).toEqual(['config.json: decal: expected true or false; using the default'])
    expect(urlFlag('1', false)).toBe(true)
    expect(urlFlag('0', true)).toBe(false)
    expect(urlFlag(null, true)).toBe(true)
    expect(urlFlag('maybe', false)).toBe(false)
  })

  it('survives a config that is not an object', () => {
    expect(parseConfig([1, 2]).config).toEqual(DEFAULT_CONFIG)
  })

  it('reads URL parameters from the query string and the hash route', () => {
    const p = urlParams({ search: '?frozen=1&lang=zh-CN', hash: '#/?lang=en&theme=light' })
    expect(p.get('frozen')).toBe('1')
    expect(p.get('lang')).toBe('en')
    expect(p.get('theme')).toBe('light')
  })
})
