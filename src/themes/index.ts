import type { ThemeName } from '../data/config'
import { DEFICIENCIES, deltaE, simulate } from './colour'

export interface Theme {
  name: ThemeName
  background: string
  panel: string
  border: string
  text: string
  muted: string
  /** Structure: the cool family (cyan → blue). */
  accent: string
  /** Reserved for the highlighted event. */
  warm: string
  /** Fill of a brushed span or a selected region. */
  selection: string
  mapArea: string
  mapBorder: string
  /** Sequential scale for shading provinces, light to strong. */
  sequential: readonly string[]
  /** Categorical, colour-blind safe (Okabe–Ito order), at most 8 hues. */
  categorical: readonly string[]
  fontFamily: string
  numberFontFamily: string
}

// Single quotes: ECharts' SVG output puts the stack inside style="…", where double quotes break it.
const FONT = "'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', sans-serif"
const NUMBER_FONT = "'Barlow Condensed', 'DIN Alternate', 'Arial Narrow', sans-serif"
const OKABE_ITO = [
  '#56B4E9',
  '#E69F00',
  '#009E73',
  '#F0E442',
  '#CC79A7',
  '#0072B2',
  '#D55E00',
  '#999999',
]

export const THEMES: Record<ThemeName, Theme> = {
  dark: {
    name: 'dark',
    background: '#06122b',
    panel: 'rgba(10, 32, 74, 0.55)',
    border: 'rgba(64, 196, 255, 0.35)',
    text: '#e6f1ff',
    muted: '#8aa4c8',
    accent: '#3ad4ff',
    warm: '#ffb52e',
    selection: 'rgba(58, 212, 255, 0.16)',
    mapArea: '#0d2a5c',
    mapBorder: '#2a7fc4',
    sequential: ['#123a73', '#17508f', '#1d66ad', '#267dc8', '#3494dc'],
    categorical: OKABE_ITO,
    fontFamily: FONT,
    numberFontFamily: NUMBER_FONT,
  },
  light: {
    name: 'light',
    background: '#ffffff',
    panel: '#ffffff',
    border: '#d9dee7',
    text: '#1b2430',
    muted: '#667085',
    accent: '#0072B2',
    warm: '#D55E00',
    selection: 'rgba(0, 114, 178, 0.12)',
    mapArea: '#eef2f7',
    mapBorder: '#9aa8ba',
    sequential: ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
    categorical: [
      '#0072B2',
      '#E69F00',
      '#009E73',
      '#CC79A7',
      '#56B4E9',
      '#D55E00',
      '#F0E442',
      '#666666',
    ],
    fontFamily: FONT,
    numberFontFamily: NUMBER_FONT,
  },
}

/** The theme as CSS custom properties, for the views' own styles. */
export function themeVars(theme: Theme): Record<string, string> {
  return {
    '--bg': theme.background,
    '--panel': theme.panel,
    '--border': theme.border,
    '--text': theme.text,
    '--muted': theme.muted,
    '--accent': theme.accent,
    '--warm': theme.warm,
    '--selection': theme.selection,
  }
}

/** Below this CIELAB ΔE two colours may be taken for one another (10 reads as another colour). */
export const CONFUSABLE = 15

/** How far apart two colours look to the person who sees them closest: normal or CVD vision. */
export function worstDeltaE(a: string, b: string): number {
  return Math.min(deltaE(a, b), ...DEFICIENCIES.map((d) => deltaE(simulate(a, d), simulate(b, d))))
}

/**
 * The categorical colours a category (a Sankey sector) may wear: none that anyone, colour-blind
 * or not, could take for the highlight (the dark theme's amber is close to Okabe–Ito orange and,
 * to a deuteranope, to its yellow), and no grey, which stands for "general" or "other".
 */
export function categoryColours(theme: Theme): string[] {
  const isGrey = (c: string) => /^#(..)\1\1$/i.test(c)
  return theme.categorical.filter((c) => !isGrey(c) && worstDeltaE(c, theme.warm) >= CONFUSABLE)
}
