// Drawing a framed chart to PNG or SVG in the browser, through ECharts' own renderers (no
// html2canvas): the chart is rendered by a hidden ECharts instance at the chart's place in the
// frame, then the title and footer are drawn around it as real text.
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import '../charts/echarts'
import type { FrameLayout, TextLine } from './frame'

use([SVGRenderer])

export interface FrameStyle {
  background: string
  title: string
  subtitle: string
  footer: string
  fontFamily: string
}

function colourOf(line: TextLine, style: FrameStyle): string {
  return line.role === 'title'
    ? style.title
    : line.role === 'subtitle'
      ? style.subtitle
      : style.footer
}

function cssFont(line: TextLine, style: FrameStyle): string {
  return `${line.weight} ${line.size}px ${style.fontFamily}`
}

/**
 * Self-hosted fonts come in unicode-range slices that load only when a character needs them;
 * `document.fonts.ready` does not fetch a slice nobody has drawn yet. Ask for the exact text.
 */
export async function loadFonts(layout: FrameLayout, style: FrameStyle, extra = ''): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return
  const loads = layout.lines.map((l) => document.fonts.load(cssFont(l, style), l.text))
  loads.push(document.fonts.load(`400 16px ${style.fontFamily}`, extra || '0'))
  loads.push(document.fonts.load(`700 16px ${style.fontFamily}`, extra || '0'))
  await Promise.all(loads.map((p) => p.catch(() => [])))
  await document.fonts.ready
}

/** Every string of an option that ECharts may draw: enough to load the glyphs it needs. */
export function optionText(option: unknown): string {
  const seen = new Set<string>()
  const walk = (v: unknown) => {
    if (typeof v === 'string') seen.add(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(option)
  return [...new Set([...seen].join(''))].join('')
}

function withoutAnimation(option: EChartsCoreOption): EChartsCoreOption {
  return { ...option, animation: false }
}

export async function renderPng(
  layout: FrameLayout,
  option: EChartsCoreOption,
  style: FrameStyle,
  scale: number,
): Promise<Blob> {
  await loadFonts(layout, style, optionText(option))
  const { chart } = layout
  const host = document.createElement('div')
  // Off-screen but laid out: ECharts needs a real box to draw into.
  host.style.cssText = `position:fixed;left:-99999px;top:0;width:${chart.width}px;height:${chart.height}px`
  document.body.appendChild(host)
  const instance = init(host, null, {
    renderer: 'canvas',
    devicePixelRatio: scale,
    width: chart.width,
    height: chart.height,
  })
  try {
    instance.setOption(withoutAnimation(option))
    const chartCanvas = instance.renderToCanvas({ pixelRatio: scale })
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(layout.width * scale)
    canvas.height = Math.round(layout.height * scale)
    const ctx = canvas.getContext('2d')!
    ctx.scale(scale, scale)
    ctx.fillStyle = style.background
    ctx.fillRect(0, 0, layout.width, layout.height)
    ctx.drawImage(chartCanvas, chart.x, chart.y, chart.width, chart.height)
    ctx.textBaseline = 'alphabetic'
    for (const line of layout.lines) {
      ctx.font = cssFont(line, style)
      ctx.fillStyle = colourOf(line, style)
      ctx.fillText(line.text, line.x, line.y)
    }
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    )
  } finally {
    instance.dispose()
    host.remove()
  }
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The chart as vector graphics: ECharts' SVG renderer inside a frame of real <text>. */
export function renderSvg(
  layout: FrameLayout,
  option: EChartsCoreOption,
  style: FrameStyle,
): string {
  const { chart } = layout
  const instance = init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: chart.width,
    height: chart.height,
  })
  let inner: string
  try {
    instance.setOption(withoutAnimation(option))
    inner = instance.renderToSVGString()
  } finally {
    instance.dispose()
  }
  // Nested <svg> keeps the chart's own coordinates; x/y place it in the frame.
  inner = inner.replace(/^<svg\b/, `<svg x="${chart.x}" y="${chart.y}"`)
  const texts = layout.lines
    .map(
      (l) =>
        `<text x="${l.x}" y="${l.y.toFixed(1)}" font-size="${l.size}" font-weight="${l.weight}" fill="${escapeXml(colourOf(l, style))}" font-family="${escapeXml(style.fontFamily)}">${escapeXml(l.text)}</text>`,
    )
    .join('')
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(style.background)}"/>` +
    texts +
    inner +
    `</svg>`
  )
}
