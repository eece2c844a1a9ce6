import { describe, expect, it } from 'vitest'
import { chartPixelRatio, computeFit } from '../../src/screen/fit'

const none = { top: 0, right: 0, bottom: 0, left: 0 }

describe('computeFit', () => {
  it.each([
    [1920, 1080, 1, 1, 0, 0],
    [3840, 2160, 2, 2, 0, 0],
    // 1366:768 is a hair wider than 16:9, so the height limits it.
    [1366, 768, 768 / 1080, 768 / 1080, (1366 - 1920 * (768 / 1080)) / 2, 0],
    [2560, 1440, 4 / 3, 4 / 3, 0, 0],
  ])('contains %ix%i at scale %f', (w, h, sx, sy, left, top) => {
    const fit = computeFit({ width: w, height: h }, 'contain', none)
    expect(fit).toMatchObject({ width: 1920, height: 1080, wide: false })
    expect(fit.left).toBeCloseTo(left)
    expect(fit.top).toBeCloseTo(top)
    expect(fit.scaleX).toBeCloseTo(sx)
    expect(fit.scaleY).toBeCloseTo(sy)
  })

  it('letterboxes a 4:3 screen with contain and crops it with cover', () => {
    const contain = computeFit({ width: 1024, height: 768 }, 'contain', none)
    expect(contain.scaleX).toBeCloseTo(1024 / 1920)
    expect(contain.top).toBeGreaterThan(0)
    const cover = computeFit({ width: 1024, height: 768 }, 'cover', none)
    expect(cover.scaleY).toBeCloseTo(768 / 1080)
    expect(cover.left).toBeLessThan(0)
  })

  it('stretches each axis on its own', () => {
    const fit = computeFit({ width: 1920, height: 1200 }, 'stretch', none)
    expect([fit.scaleX, fit.scaleY]).toEqual([1, 1200 / 1080])
  })

  it('widens the canvas for walls of 2.4:1 and more instead of black bars', () => {
    expect(computeFit({ width: 5760, height: 1080 }, 'contain', none)).toMatchObject({
      wide: true,
      width: 5760,
      scaleX: 1,
      left: 0,
      top: 0,
    })
    expect(computeFit({ width: 3840, height: 1080 }, 'contain', none)).toMatchObject({
      wide: true,
      width: 3840,
      scaleX: 1,
      left: 0,
    })
    expect(computeFit({ width: 7680, height: 2160 }, 'contain', none)).toMatchObject({
      wide: true,
      width: 3840,
      scaleX: 2,
    })
    // Beyond 6:1 the wide canvas stops growing and the rest is letterboxed.
    expect(computeFit({ width: 8000, height: 1000 }, 'contain', none)).toMatchObject({
      wide: true,
      width: 6480,
    })
    expect(computeFit({ width: 2560, height: 1080 }, 'contain', none).wide).toBe(false)
  })

  it('keeps the canvas inside the safe area of a bezelled wall', () => {
    const fit = computeFit({ width: 1920, height: 1080 }, 'contain', {
      top: 20,
      right: 40,
      bottom: 20,
      left: 40,
    })
    // 1840×1040 is a hair narrower than 16:9: the width limits it.
    expect(fit.scaleX).toBeCloseTo(1840 / 1920)
    expect(fit.left).toBe(40)
    expect(fit.top).toBeCloseTo(20 + (1040 - 1080 * (1840 / 1920)) / 2)
  })
})

describe('chartPixelRatio', () => {
  it('gives a canvas at least dpr × scale backing pixels per CSS pixel', () => {
    expect(chartPixelRatio(1, { scaleX: 2, scaleY: 2 })).toBe(2)
    expect(chartPixelRatio(2, { scaleX: 1.5, scaleY: 1.5 })).toBe(3)
    expect(chartPixelRatio(1, { scaleX: 0.7, scaleY: 0.7 })).toBe(1)
  })
})
