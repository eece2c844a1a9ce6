import type { FitMode } from '../data/config'

export const DESIGN_HEIGHT = 1080
export const DESIGN_WIDTH = 1920
/** From this aspect on (3840×1080 is 3.56), the screen uses the wide layout, not black bars. */
export const WIDE_ASPECT = 2.4
/** The wide layout is designed up to 6:1 (5760×1080 is 5.33); a wider wall is letterboxed. */
const MAX_WIDE_ASPECT = 6

export interface Insets {
  top: number
  right: number
  bottom: number
  left: number
}

export interface Fit {
  /** The design canvas, in CSS pixels before scaling. */
  width: number
  height: number
  wide: boolean
  scaleX: number
  scaleY: number
  /** Where the scaled canvas starts in the window. */
  left: number
  top: number
}

/**
 * Fits the design canvas into the window (less the bezel insets of a spliced wall). `contain`
 * letterboxes, `cover` crops, `stretch` distorts; a wall at 2.4:1 or wider gets a wider canvas.
 */
export function computeFit(
  viewport: { width: number; height: number },
  mode: FitMode,
  insets: Insets,
): Fit {
  const availW = Math.max(1, viewport.width - insets.left - insets.right)
  const availH = Math.max(1, viewport.height - insets.top - insets.bottom)
  const aspect = availW / availH
  const wide = aspect >= WIDE_ASPECT
  const height = DESIGN_HEIGHT
  const width = wide ? Math.round(DESIGN_HEIGHT * Math.min(aspect, MAX_WIDE_ASPECT)) : DESIGN_WIDTH
  let scaleX = availW / width
  let scaleY = availH / height
  if (mode === 'contain') scaleX = scaleY = Math.min(scaleX, scaleY)
  else if (mode === 'cover') scaleX = scaleY = Math.max(scaleX, scaleY)
  return {
    width,
    height,
    wide,
    scaleX,
    scaleY,
    left: insets.left + (availW - width * scaleX) / 2,
    top: insets.top + (availH - height * scaleY) / 2,
  }
}

/**
 * Backing pixels per CSS pixel an ECharts canvas needs inside the scaled canvas, so text stays
 * sharp on a 4K wall instead of being a 1080p bitmap blown up by CSS.
 */
export function chartPixelRatio(
  devicePixelRatio: number,
  fit: Pick<Fit, 'scaleX' | 'scaleY'>,
): number {
  return Math.max(1, devicePixelRatio * Math.max(fit.scaleX, fit.scaleY))
}
