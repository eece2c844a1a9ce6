/**
 * Colour arithmetic for checking the themes: contrast (WCAG 2), how a colour looks to people
 * with the common colour-vision deficiencies, and how far apart two colours look (CIELAB ΔE).
 * Plain functions, used by the palette tests and by the charts to pick a pattern's ink.
 */

export type Rgb = readonly [number, number, number]

/** `#rgb` or `#rrggbb` as 0–255 channels. */
export function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim())
  if (!m) throw new Error(`not a hex colour: ${hex}`)
  const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb
}

const toLinear = (c: number) => {
  const s = c / 255
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}
const toSrgb = (l: number) => {
  const c = Math.min(1, Math.max(0, l))
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(colour: string | Rgb): number {
  const [r, g, b] = (typeof colour === 'string' ? parseHex(colour) : colour).map(toLinear) as [
    number,
    number,
    number,
  ]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio, 1 to 21. */
export function contrast(a: string | Rgb, b: string | Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia'
export const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia']

/** Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB. */
const MACHADO: Record<Deficiency, readonly number[]> = {
  protanopia: [
    0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998,
  ],
  deuteranopia: [
    0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881,
  ],
  tritanopia: [
    1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039,
  ],
}

/** How a colour looks to someone with the deficiency. */
export function simulate(colour: string | Rgb, deficiency: Deficiency): Rgb {
  const [r, g, b] = (typeof colour === 'string' ? parseHex(colour) : colour).map(toLinear) as [
    number,
    number,
    number,
  ]
  const m = MACHADO[deficiency]
  return [
    toSrgb(m[0]! * r + m[1]! * g + m[2]! * b),
    toSrgb(m[3]! * r + m[4]! * g + m[5]! * b),
    toSrgb(m[6]! * r + m[7]! * g + m[8]! * b),
  ]
}

function lab(colour: string | Rgb): [number, number, number] {
  const [r, g, b] = (typeof colour === 'string' ? parseHex(colour) : colour).map(toLinear) as [
    number,
    number,
    number,
  ]
  // sRGB → XYZ (D65), normalised by the white point.
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116)
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))]
}

/** CIE76 ΔE: about 2 is a just-noticeable difference; 10 and more reads as another colour. */
export function deltaE(a: string | Rgb, b: string | Rgb): number {
  const [l1, a1, b1] = lab(a)
  const [l2, a2, b2] = lab(b)
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2)
}

/** Pattern ink that shows on a fill: dark on light colours, light on dark ones. */
export function inkOn(fill: string): string {
  return luminance(fill) > 0.3 ? 'rgba(0, 0, 0, 0.55)' : 'rgba(255, 255, 255, 0.6)'
}
