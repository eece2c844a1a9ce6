// Size presets of the press studio (DESIGN.md §4 Studio). A preset is the layout size the chart
// is drawn at, in CSS pixels, and the dpi the PNG declares in its pHYs chunk; the picture's pixel
// size is the layout size times the export scale (the user's 1×/2×/4×, or a preset's fixed scale).

export interface SizePreset {
  id: string
  zh: string
  en: string
  width: number
  height: number
  /** PNG dpi written in pHYs */
  dpi: number
  /** fixed export scale, e.g. print */
  scale?: number
}

/** A4 landscape is 297 × 210 mm; at 300 dpi that is 3508 × 2480 pixels (ISO 216, rounded). */
const A4_PRINT_PX = { width: 3508, height: 2480 } as const
/** The same sheet in CSS pixels (96 per inch): 1122.5 × 793.7, rounded to whole pixels. */
const A4_LAYOUT = { width: 1123, height: 794 } as const

export const PRESETS: readonly SizePreset[] = Object.freeze(
  [
    {
      id: 'wechat-square',
      zh: '微信方图',
      en: 'WeChat square',
      width: 1080,
      height: 1080,
      dpi: 72,
    },
    { id: 'wechat-cover', zh: '微信封面', en: 'WeChat cover', width: 900, height: 383, dpi: 72 },
    { id: 'portrait', zh: '竖版', en: 'Portrait', width: 1080, height: 1440, dpi: 72 },
    { id: 'article', zh: '文章配图', en: 'Article', width: 900, height: 500, dpi: 72 },
    { id: 'slide', zh: '幻灯片', en: 'Slide', width: 1920, height: 1080, dpi: 72 },
    { id: 'weibo', zh: '微博', en: 'Weibo', width: 1200, height: 628, dpi: 72 },
    {
      id: 'a4-print',
      zh: 'A4 横向印刷（300 dpi）',
      en: 'Print A4 landscape (300 dpi)',
      width: A4_LAYOUT.width,
      height: A4_LAYOUT.height,
      dpi: 300,
      // 3508 / 1123 ≈ 3.1238. The width comes out exact (1123 × scale is exactly 3508 in floating
      // point); the height is 794 × scale = 2480.28, which exportPixelSize rounds to 2480, and
      // which a canvas sized with it truncates to 2480 as well. A4's aspect ratio is not a ratio
      // of whole CSS pixels, so the layout is 0.01 % taller than the sheet: invisible in print.
      scale: A4_PRINT_PX.width / A4_LAYOUT.width,
    },
  ].map((p) => Object.freeze(p)),
)

export const CUSTOM_MIN = 200
export const CUSTOM_MAX = 8000

export function presetById(id: string): SizePreset | undefined {
  return PRESETS.find((p) => p.id === id)
}

/** A size typed by the user, in whole CSS pixels from 200 to 8000 on each side; else null. */
export function customPreset(width: number, height: number): SizePreset | null {
  const ok = (n: number) => Number.isInteger(n) && n >= CUSTOM_MIN && n <= CUSTOM_MAX
  if (!ok(width) || !ok(height)) return null
  return Object.freeze({
    id: 'custom',
    zh: `自定义 ${width}×${height}`,
    en: `Custom ${width}×${height}`,
    width,
    height,
    dpi: 72,
  })
}

/**
 * The pixel size of the exported picture: layout size × scale, rounded to whole pixels. The
 * scale defaults to the preset's fixed one, else 1. The exporter should make its canvas exactly
 * this size (a4-print: 3508 × 2480).
 */
export function exportPixelSize(
  preset: Pick<SizePreset, 'width' | 'height' | 'scale'>,
  scale: number = preset.scale ?? 1,
): { width: number; height: number } {
  return { width: Math.round(preset.width * scale), height: Math.round(preset.height * scale) }
}

/** The scale to export at: a preset's fixed scale wins over the user's 1×/2×/4× choice. */
export function exportScale(preset: Pick<SizePreset, 'scale'>, userScale: number): number {
  return preset.scale ?? userScale
}
