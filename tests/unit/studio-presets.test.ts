import { describe, expect, it } from 'vitest'
import {
  PRESETS,
  customPreset,
  exportPixelSize,
  exportScale,
  presetById,
} from '../../src/studio/presets'

describe('size presets', () => {
  it('has the press sizes of the issue, each at 72 dpi but print', () => {
    expect(PRESETS.map((p) => [p.id, p.width, p.height, p.dpi])).toEqual([
      ['wechat-square', 1080, 1080, 72],
      ['wechat-cover', 900, 383, 72],
      ['portrait', 1080, 1440, 72],
      ['article', 900, 500, 72],
      ['slide', 1920, 1080, 72],
      ['weibo', 1200, 628, 72],
      ['a4-print', 1123, 794, 300],
    ])
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length)
    for (const p of PRESETS) expect(p.zh && p.en).toBeTruthy()
  })

  it('exports A4 landscape at 300 dpi as exactly 3508 × 2480 pixels', () => {
    const a4 = presetById('a4-print')!
    expect(exportPixelSize(a4)).toEqual({ width: 3508, height: 2480 })
    // A canvas truncates a fractional size: that must give the same pixels.
    const s = exportScale(a4, 2)
    expect(s).toBe(a4.scale)
    expect([Math.floor(a4.width * s), Math.floor(a4.height * s)]).toEqual([3508, 2480])
    // 297 × 210 mm at 300 dpi
    expect(Math.round((297 / 25.4) * 300)).toBe(3508)
    expect(Math.round((210 / 25.4) * 300)).toBe(2480)
  })

  it('scales the screen presets by the user’s choice', () => {
    const square = presetById('wechat-square')!
    expect(exportScale(square, 2)).toBe(2)
    expect(exportPixelSize(square, 2)).toEqual({ width: 2160, height: 2160 })
    expect(exportPixelSize(square)).toEqual({ width: 1080, height: 1080 })
    expect(presetById('nope')).toBeUndefined()
  })

  it('accepts a custom size of whole pixels from 200 to 8000', () => {
    expect(customPreset(1000, 200)).toMatchObject({ id: 'custom', width: 1000, height: 200 })
    expect(customPreset(8000, 8000)?.dpi).toBe(72)
    expect(customPreset(199, 500)).toBeNull()
    expect(customPreset(500, 8001)).toBeNull()
    expect(customPreset(500.5, 500)).toBeNull()
    expect(customPreset(Number.NaN, 500)).toBeNull()
  })
})
