import type { Theme } from '../themes'
import { inkOn } from '../themes/colour'
import type { BuildContext } from './types'

/** An ECharts decal: a pattern drawn over an item's fill. */
export interface Decal {
  symbol: string
  symbolSize: number
  symbolKeepAspect: boolean
  color: string
  dashArrayX: number | (number | number[])[]
  dashArrayY: number | number[]
  rotation: number
}

/**
 * A pattern that draws nothing. With aria decals on, ECharts gives every item that has no decal
 * of its own one from the palette, a pattern that means nothing: items whose colour says nothing
 * a pattern should repeat get this one. Every key is set, since ECharts merges an item's decal
 * over the palette's.
 */
export const NO_DECAL: Decal = {
  symbol: 'rect',
  symbolSize: 1,
  symbolKeepAspect: true,
  color: 'rgba(0, 0, 0, 0)',
  dashArrayX: 5,
  dashArrayY: 5,
  rotation: 0,
}

/**
 * Patterns of increasing density, for a sequential scale (the map's shading): level 1 sparse
 * lines, level 2 denser ones, level 3 a cross-hatch. Level 0 is no pattern. The ink shows on
 * the fill it is drawn over.
 */
export function levelDecal(level: number, fill: string): Decal {
  if (level <= 0) return NO_DECAL
  const color = inkOn(fill)
  if (level === 1)
    return { ...NO_DECAL, color, dashArrayX: [1, 0], dashArrayY: [2, 9], rotation: -Math.PI / 4 }
  if (level === 2)
    return { ...NO_DECAL, color, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 }
  return { ...NO_DECAL, color, dashArrayX: [2, 2], dashArrayY: [2, 2] }
}

/** Shapes of the category patterns, as unlike each other as the colours they sit on. */
const CATEGORY_PATTERNS: readonly Omit<Decal, 'color' | 'symbolKeepAspect'>[] = [
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: -Math.PI / 4 },
  {
    symbol: 'circle',
    symbolSize: 0.8,
    dashArrayX: [[0, 2, 3, 2]],
    dashArrayY: [5, 2],
    rotation: 0,
  },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4 },
  {
    symbol: 'rect',
    symbolSize: 1,
    dashArrayX: [
      [6, 6],
      [0, 6, 6, 0],
    ],
    dashArrayY: [6, 0],
    rotation: 0,
  },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: 0 },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 2 },
  {
    symbol: 'triangle',
    symbolSize: 0.8,
    dashArrayX: [[0, 2, 3, 2]],
    dashArrayY: [5, 2],
    rotation: 0,
  },
  { symbol: 'rect', symbolSize: 1, dashArrayX: [2, 2], dashArrayY: [2, 2], rotation: 0 },
]

/** The pattern of the category at `index` (its colour's place in the palette), in ink for `fill`. */
export function categoryDecal(index: number, fill: string): Decal {
  const n = CATEGORY_PATTERNS.length
  const shape = CATEGORY_PATTERNS[((index % n) + n) % n]!
  return { ...shape, symbolKeepAspect: true, color: inkOn(fill) }
}

/** ECharts' fallback palette (aria.decal.decals): the category patterns on the theme's colours. */
export function categoryDecals(theme: Theme): Decal[] {
  return CATEGORY_PATTERNS.map((_, i) => categoryDecal(i, theme.categorical[i] ?? theme.accent))
}

/**
 * What every chart of the app shares: transparent ground, aria, theme font, one tooltip style.
 * `description` is what a screen reader says of the chart (ECharts puts it in the chart's
 * aria-label); without one ECharts would recite its series in English.
 */
export function baseOption(ctx: BuildContext, fontSize: number, description?: string) {
  const { theme, frozen } = ctx
  return {
    backgroundColor: 'transparent',
    aria: {
      enabled: true,
      ...(description ? { label: { description } } : {}),
      decal: ctx.decal ? { show: true, decals: categoryDecals(theme) } : { show: false },
    },
    animation: !frozen,
    textStyle: { fontFamily: theme.fontFamily },
    tooltip: {
      trigger: 'item' as const,
      confine: true,
      backgroundColor: theme.panel,
      borderColor: theme.border,
      textStyle: { color: theme.text, fontSize },
    },
  }
}
