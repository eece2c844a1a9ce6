import { describe, expect, it } from 'vitest'
import { CONFUSABLE, THEMES, categoryColours, worstDeltaE } from '../../src/themes'
import {
  DEFICIENCIES,
  contrast,
  deltaE,
  inkOn,
  luminance,
  parseHex,
  simulate,
} from '../../src/themes/colour'

const themes = Object.values(THEMES)

describe('colour arithmetic', () => {
  it('gives the WCAG contrast of black on white and of known pairs', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(parseHex('#0072B2')).toEqual([0, 114, 178])
    expect(() => parseHex('red')).toThrow(/hex/)
  })

  it('simulates the deficiencies: red and green collapse for a deuteranope, not for normal vision', () => {
    expect(deltaE('#ff0000', '#00aa00')).toBeGreaterThan(60)
    const red = simulate('#d62728', 'deuteranopia')
    const green = simulate('#2ca02c', 'deuteranopia')
    expect(deltaE(red, green)).toBeLessThan(deltaE('#d62728', '#2ca02c') / 2)
    // Grey stays grey whatever the deficiency.
    for (const d of DEFICIENCIES) expect(deltaE(simulate('#808080', d), '#808080')).toBeLessThan(2)
  })
})

describe.each(themes)('the $name theme is readable by colour-blind people', (theme) => {
  it('keeps the highlight (warm) far from the structure colour (accent) for everyone', () => {
    expect(worstDeltaE(theme.warm, theme.accent)).toBeGreaterThan(50)
  })

  it('shades the map on a scale whose lightness only goes one way, in visible steps', () => {
    // The scale as the map uses it: the empty area, then the shades.
    const scale = [theme.mapArea, ...theme.sequential.slice(1)]
    const l = scale.map((c) => luminance(c))
    const rising = l[l.length - 1]! > l[0]!
    l.slice(1).forEach((x, i) =>
      rising ? expect(x).toBeGreaterThan(l[i]!) : expect(x).toBeLessThan(l[i]!),
    )
    // Lightness survives any colour-vision deficiency, so every step stays visible.
    for (const d of DEFICIENCIES)
      scale
        .slice(1)
        .forEach((c, i) =>
          expect(deltaE(simulate(c, d), simulate(scale[i]!, d))).toBeGreaterThan(7),
        )
  })

  it('gives categories colours nobody can take for one another or for the highlight', () => {
    const colours = categoryColours(theme)
    expect(colours.length).toBeGreaterThanOrEqual(5)
    for (const c of colours) expect(worstDeltaE(c, theme.warm)).toBeGreaterThanOrEqual(CONFUSABLE)
    colours.forEach((a, i) =>
      colours
        .slice(i + 1)
        .forEach((b) => expect(worstDeltaE(a, b), `${a} ${b}`).toBeGreaterThan(15)),
    )
  })

  it('has at most 8 categorical hues, text at AA contrast and graphics at 3:1', () => {
    expect(theme.categorical.length).toBeLessThanOrEqual(8)
    expect(contrast(theme.text, theme.background)).toBeGreaterThanOrEqual(7)
    expect(contrast(theme.muted, theme.background)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(theme.accent, theme.background)).toBeGreaterThanOrEqual(3)
    expect(contrast(theme.warm, theme.background)).toBeGreaterThanOrEqual(3)
  })

  it('draws patterns in an ink that shows on every shade and category', () => {
    for (const fill of [...theme.sequential, ...theme.categorical, theme.accent]) {
      const ink = inkOn(fill)
      const dark = ink.startsWith('rgba(0,') || ink.startsWith('rgba(0, ')
      // Half-transparent ink over the fill: the pattern's line must differ in lightness.
      expect(Math.abs(luminance(fill) - (dark ? 0 : 1))).toBeGreaterThan(0.3)
    }
  })
})

describe('the dark theme', () => {
  it('does not dress a sector in the Okabe–Ito orange, which looks like its amber highlight', () => {
    expect(worstDeltaE('#E69F00', THEMES.dark.warm)).toBeLessThan(CONFUSABLE)
    expect(categoryColours(THEMES.dark)).not.toContain('#E69F00')
  })
})
